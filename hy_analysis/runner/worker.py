"""One run, as a worker executes it: a kernel, the outputs, and the atomic swap into place.

:func:`execute_run` is the unit of work sent to executors. It writes into a hidden temporary
folder inside the output folder and renames it into place only when complete, so an
interrupted run leaves the previous outputs as they were. Everything a run needs to remember
while it executes lives in its own :class:`~hy_analysis.runner.state.RunState`, and its
kernel gets its environment from there: several runs may share a worker process.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from ..manifest import MANIFEST_NAME, write_json_atomic
from .discovery import block_slow_imports
from .plan import RunSpec
from .state import OLD_PREFIX, PROGRESS_NAME, TMP_PREFIX, RunState

__all__ = ["execute_run", "recover_output_dir", "kernel_environment"]


def _now() -> datetime:
    return datetime.now(timezone.utc).astimezone()


def kernel_environment(spec: RunSpec, base: dict | None = None) -> dict:
    """The environment of a run's kernel: ``base`` (default this process's) and the run's.

    The kernel reads the data folder that was hashed for the run (``HY_DATA_DIR``), and skips
    drawing filter panels nobody sees in a batch run (``HY_HEADLESS``, see
    :class:`hy_analysis.widgets.FilterPanel`).
    """
    return {**(os.environ if base is None else base), "HY_DATA_DIR": spec.data_dir,
            "HY_HEADLESS": "1"}


#: Set once this worker was interrupted: runs still queued for it are not started.
_stopping = False
#: The command this worker serves (:func:`die_with_parent`), None for other executors.
_command: int | None = None
#: A pidfd of the command when this worker is not its child (forked by the pool's fork
#: server); -1 where pidfds are missing; None when the worker is the command's child.
_command_fd: int | None = None
#: The run this worker is executing (its kernel and folder), for the parent watchdog.
_current: RunState | None = None
#: How long the watchdog lets the SIGHUP handler clean up before it ends the worker itself.
ORPHAN_GRACE_S = 5.0
#: A file the command writes into a run's temporary folder to stop it wherever it runs
#: (a Dask worker on another machine with the shared file system).
STOP_NAME = ".stop"
#: Seconds between two looks for :data:`STOP_NAME`.
STOP_POLL_S = 0.5


def _raise_interrupt(signum, frame):
    global _stopping
    _stopping = True
    raise KeyboardInterrupt(f"signal {signum}")


def die_with_parent(parent: int) -> None:
    """Ask the system to send this process SIGHUP when ``parent`` ends (even by
    ``kill -9``), so a worker never outlives its command; exit now if it already has.

    A worker forked by the pool's fork server (:func:`hy_analysis.runner.pool.worker_context`)
    is not the command's child, and the fork server lives as long as its workers do: the
    worker watches the command itself (a pidfd, exact even if the pid is reused later) and
    sends itself the SIGHUP the system would have sent.

    SIGHUP, not SIGTERM: during a run nbclient takes SIGTERM over (it only shuts the kernel
    down), while SIGHUP reaches :func:`execute_run`'s handler, which kills the kernel and
    removes the temporary folder; an idle worker simply ends.
    """
    global _command, _command_fd
    _command = parent
    if os.getppid() != parent and parent_pid(os.getppid()) == parent:  # the fork server's
        try:
            _command_fd = os.pidfd_open(parent)
        except ProcessLookupError:  # it ended already
            os.kill(os.getpid(), signal.SIGHUP)
        except (OSError, AttributeError):  # no pidfd here: watch the pid
            _command_fd = -1
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, int(signal.SIGHUP), 0, 0, 0) != 0:  # PR_SET_PDEATHSIG
            return
    except (OSError, AttributeError):
        return
    if _command_fd is None and os.getppid() != parent:  # it ended before the request took effect
        os.kill(os.getpid(), signal.SIGHUP)
    # The SIGHUP's handler runs only between bytecodes of the main thread, which may sit in
    # a kernel clean-up that waits; a watchdog thread makes the end certain.
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                     name="hy-parent-watch").start()


def parent_pid(pid: int) -> int | None:
    """The parent of process ``pid`` (None where ``/proc`` does not say)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _command_gone(timeout: float = 0.0) -> bool:
    """Whether the command this worker serves has ended (waiting up to ``timeout`` s)."""
    if _command_fd is not None and _command_fd >= 0:
        import select

        return bool(select.select([_command_fd], [], [], timeout)[0])
    if _command_fd is not None:
        gone = not pid_alive(_command)
    else:
        gone = os.getppid() != _command
    if not gone and timeout:
        time.sleep(timeout)
    return gone


def _watch_parent(parent: int) -> None:
    """End this worker, its run's kernel and temporary folder once the command is gone."""
    while not _command_gone(0.5):
        pass
    if _command_fd is not None:  # not the command's child: no SIGHUP from the system
        os.kill(os.getpid(), signal.SIGHUP)
    # the SIGHUP handler's clean-up of a run, when it can run, comes first; an idle worker
    # (one that already ignores signals while it cleans up after an interrupt) has none
    deadline = time.monotonic() + ORPHAN_GRACE_S
    while _current is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    state = _current
    if state is not None:
        if state.kernel_pid:
            kill_process_group(state.kernel_pid)
        shutil.rmtree(state.folder, ignore_errors=True)
        if state.kernel_files:  # sockets and connection file (its key): not left in TMPDIR
            shutil.rmtree(state.kernel_files, ignore_errors=True)
    os._exit(128 + signal.SIGHUP)  # the command is gone: nobody to report to


def _watch_for_stop(state: RunState, done: threading.Event) -> None:
    """Kill the run's kernel once the command asks this run to stop (:data:`STOP_NAME`)."""
    stop = Path(state.folder, STOP_NAME)
    while not done.wait(STOP_POLL_S):
        if stop.exists():
            if state.kernel_pid:
                kill_process_group(state.kernel_pid)
            return


def _ignore_interrupts() -> None:
    """Let cleanup finish: further Ctrl-C or SIGTERM are ignored (SIGKILL still works)."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        try:
            signal.signal(signum, signal.SIG_IGN)
        except ValueError:  # not the main thread (e.g. a Dask worker)
            pass


def is_our_kernel(pid: int) -> bool:
    """Whether ``pid`` is, right now, a Jupyter kernel of our user: a pid read from a file
    may have been recycled by a stranger's process since it was written."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            fields = dict(line.rstrip("\n").split(":\t", 1) for line in status if ":\t" in line)
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            command = cmdline.read()
    except OSError:
        return not os.path.isdir("/proc")  # no /proc to ask: trust the record
    return (int(fields.get("Uid", "-1").split()[0]) == os.getuid()
            and fields.get("State", "").split()[:1] != ["Z"]
            and (b"ipykernel" in command or b"kernel" in command))


def kill_process_group(pid: int) -> None:
    """SIGKILL a kernel and its children (kernels run in their own session), once it is
    shown to still be our kernel (:func:`is_our_kernel`)."""
    if not is_our_kernel(pid):
        return
    for kill, target in ((os.killpg, pid), (os.kill, pid)):
        try:
            kill(target, signal.SIGKILL)
            return
        except (ProcessLookupError, PermissionError, OSError):
            continue


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` exists and has not ended (a zombie has)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return True


def execute_run(spec: dict) -> dict:
    """Execute one run and move its folder into place; the unit of work sent to executors.

    Parameters
    ----------
    spec : dict
        :meth:`RunSpec.to_dict` of the run (plain data, so any executor can ship it).

    Returns
    -------
    dict
        ``label``, ``run_dir``, ``status`` (``ok``, ``failed``, ``timeout`` or ``error``),
        ``duration_s``, ``work_s`` (processor seconds of the kernel and the pages, None
        where unknown) and ``error`` (None or cell index, exception name and message).

    Raises
    ------
    KeyboardInterrupt
        On Ctrl-C or SIGTERM, after killing the run's kernel and removing its temporary
        folder (further signals are ignored meanwhile); the previous output stays in place.
    """
    global _current
    block_slow_imports()
    if _stopping:  # queued before an interrupt: never started
        raise KeyboardInterrupt("the command was interrupted before this run started")
    try:  # SIGTERM cleans up like Ctrl-C (only possible in a main thread)
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):  # SIGHUP: terminal closed
            signal.signal(signum, _raise_interrupt)
    except ValueError:
        pass
    spec = RunSpec(**spec)
    tmp, final = spec.tmp_dir, spec.run_dir
    state = RunState(folder=tmp, kernel_env=kernel_environment(spec))
    _current = state
    done = threading.Event()
    try:
        # exist_ok=False: a folder the command already marked stopped is never run.
        tmp.mkdir(parents=True, exist_ok=False)
        threading.Thread(target=_watch_for_stop, args=(state, done), daemon=True,
                         name="hy-stop-watch").start()
        result = _execute_into(spec, state)
        # An interrupt the libraries turned into a cell error (nbclient reading a socket the
        # signal closed: "OSError: Bad file descriptor") still stops the run: a failed run
        # would otherwise replace the previous outputs.
        if _stopping:
            raise KeyboardInterrupt("the command was interrupted during this run")
        if tmp.joinpath(STOP_NAME).exists():
            raise KeyboardInterrupt("the command asked this run to stop")
        state.pause("swap")
        _swap_into_place(tmp, final)
    except BaseException as exc:
        _ignore_interrupts()
        state.pause("cleanup")
        if state.kernel_pid:
            kill_process_group(state.kernel_pid)
        if not isinstance(exc, FileExistsError):
            shutil.rmtree(tmp, ignore_errors=True)
        if _command is not None and _command_gone():
            os._exit(128 + signal.SIGHUP)  # the command is gone: nobody to report to
        raise
    finally:
        done.set()
        # a finished run is nobody's to clean up: the watchdog must never kill its kernel's
        # pid later, which the system may have given to another process by then
        _current = None
    result["run_dir"] = str(final)
    return result


def _execute_into(spec: RunSpec, state: RunState) -> dict:
    folder = state.folder
    state.write_progress(-1, 0)
    state.pause("imports")
    clock = {"imports": time.perf_counter()}
    import nbformat
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    from ..rendering import (render_notebook_html, report_info, report_tables,
                             write_workbook)
    from .kernel import execute_notebook

    clock["execute"] = time.perf_counter()
    started = _now()
    status, error, nb = "ok", None, None
    try:
        nb = execute_notebook(spec.path, state, parameters=spec.params, kernel=spec.kernel,
                              timeout=spec.timeout)
    except PapermillExecutionError as exc:
        status = "failed"
        error = {"cell_index": exc.cell_index, "execution_count": exc.exec_count,
                 "ename": exc.ename, "evalue": exc.evalue}
    except CellTimeoutError:
        status = "timeout"
        error = {"cell_index": state.current_cell, "ename": "CellTimeoutError",
                 "evalue": f"a cell ran longer than {spec.timeout:g} s; its kernel was stopped"}
    except DeadKernelError as exc:
        status = "failed"
        error = {"cell_index": state.current_cell, "ename": "DeadKernelError",
                 "evalue": str(exc)}
    except Exception as exc:  # noqa: BLE001 - recorded in the manifest, reported by the parent
        status = "error"
        error = {"cell_index": state.current_cell, "ename": type(exc).__name__,
                 "evalue": str(exc)}
    state.forget_kernel()  # shut down by nbclient
    finished = _now()
    if nb is None and state.nb_man is not None:
        nb = state.nb_man.nb
    if nb is not None and status == "ok":  # a stalled client that woke up at the deadline
        for index, cell in enumerate(nb.cells):
            if (cell.metadata.get("papermill", {}).get("duration") or 0) >= spec.timeout:
                status = "timeout"
                error = {"cell_index": index, "ename": "CellTimeoutError",
                         "evalue": f"a cell took {spec.timeout:g} s or more"}
                break
    if nb is not None and status == "timeout" and error["cell_index"] is not None:
        cell = nb.cells[error["cell_index"]]
        cell.metadata.setdefault("papermill", {})["exception"] = True
        cell.metadata["papermill"]["status"] = "failed"

    name = spec.notebook
    files = {}
    cells = []
    html_page = None
    report = None
    if nb is not None:
        cells = [{"index": i, "cell_type": c.cell_type,
                  "execution_count": c.get("execution_count"),
                  "status": c.metadata.get("papermill", {}).get("status"),
                  "duration_s": c.metadata.get("papermill", {}).get("duration")}
                 for i, c in enumerate(nb.cells)]
        nbformat.write(nb, folder / f"{name}.ipynb")
        files["ipynb"] = f"{name}.ipynb"
        extra = []
        if error:
            extra.append(("error", f"cell {error.get('cell_index')}: {error.get('ename')}: "
                                   f"{error.get('evalue')}"))
        extra.append(("finished", finished.strftime("%Y-%m-%d %H:%M:%S")))
        state.pause("html")
        clock["html"] = time.perf_counter()
        html_cpu = time.thread_time()
        try:
            lang = (spec.params or {}).get("lang", "vi")
            report = {**report_info(nb, lang=lang), "lang": lang}
            tables = report_tables(nb, lang=lang)
            if tables:  # issue 20: the report's tables for Excel, beside the page
                from ..rows import source_rows  # as load_sources, without pandas

                write_workbook(tables, folder / f"{name}.xlsx", lang=lang,
                               title=report["title"] or name,
                               sources=source_rows(spec.data_dir))
                files["xlsx"] = f"{name}.xlsx"
            page = render_notebook_html(nb, title=f"{name} ({spec.slug})", params=spec.params,
                                        status=status, extra_rows=extra,
                                        with_code=spec.with_code, notebook=name,
                                        downloads=files)
            (folder / f"{name}.html").write_text(page, encoding="utf-8")
            files["html"] = f"{name}.html"
            from ..manifest import page_report  # issue 12: page size and shared panels

            html_page = page_report(page)
        except Exception as exc:  # noqa: BLE001 - keep the executed notebook anyway
            error = error or {"cell_index": None, "ename": "HTMLExportError",
                              "evalue": str(exc)}
            status = "error" if status == "ok" else status
    from ..manifest import portable_path, versions

    clock["end"] = time.perf_counter()
    # The run's work in processor seconds (its kernel, then its pages here), the next
    # command's order of runs: wall time depends on what shared the cores.
    work = None
    if state.kernel_cpu_s is not None:
        work = state.kernel_cpu_s + (time.thread_time() - html_cpu if nb is not None else 0.0)
    manifest = {  # shared with the HTML: no absolute local path
        "notebook": name, "notebook_path": portable_path(spec.path), "slug": spec.slug,
        "parameters": spec.params, "status": status, "error": error,
        "started": started.isoformat(), "finished": finished.isoformat(),
        "duration_s": round((finished - started).total_seconds(), 3),
        "cells": cells, "files": files, "with_code": spec.with_code,
        "timeout_s": spec.timeout, "kernel": spec.kernel,
        "inputs": {**spec.inputs, "data_dir": portable_path(spec.inputs["data_dir"]),
                   "fingerprint": spec.fingerprint},
        "versions": versions(),
        "timings_s": _timings(clock, started, nb),
        "html_page": html_page,
        "report": report,
    }
    write_json_atomic(folder / MANIFEST_NAME, manifest)
    try:
        (folder / PROGRESS_NAME).unlink()
    except OSError:
        pass
    return {"label": spec.label, "status": status, "error": error,
            "duration_s": manifest["duration_s"],
            "work_s": None if work is None else round(work, 3)}


def _timings(clock: dict, started: datetime, nb) -> dict:
    """Where the worker's time went: imports, kernel start, cells, HTML (seconds)."""
    marks = sorted(clock.items(), key=lambda kv: kv[1])
    spans = {name: round(marks[i + 1][1] - t, 3) for i, (name, t) in enumerate(marks[:-1])}
    first = None
    if nb is not None:
        times = [c.metadata.get("papermill", {}).get("start_time") for c in nb.cells]
        times = [t for t in times if t]
        if times:
            try:
                first = datetime.fromisoformat(min(times).replace("Z", "+00:00"))
            except ValueError:
                first = None
    if first is not None:
        spans["kernel_start"] = round((first - started).total_seconds(), 3)
    return spans


def _swap_into_place(tmp: Path, final: Path) -> None:
    """Rename the complete ``tmp`` folder to ``final``; the old one is removed only after.

    Ctrl-C and SIGTERM are held back between the two renames, so an interrupt never leaves the
    run without its folder.
    """
    held = {signal.SIGINT, signal.SIGTERM}
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, held) if hasattr(
        signal, "pthread_sigmask") else None
    try:
        old = None
        if final.exists():
            old = final.with_name(f"{OLD_PREFIX}{secrets.token_hex(4)}-{final.name}")
            os.rename(final, old)
        os.rename(tmp, final)
    finally:
        if blocked is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def recover_output_dir(output_dir: str | os.PathLike) -> None:
    """Undo what an interrupted command left: restore a replaced run, drop temporary folders.

    A ``.old-*`` folder whose run folder is missing (killed between the two renames) is put
    back; other ``.old-*`` folders and ``.tmp-*`` folders of processes no longer alive are
    deleted.
    """
    root = Path(output_dir)
    if not root.is_dir():
        return
    for nb_dir in root.iterdir():
        if not nb_dir.is_dir() or nb_dir.name.startswith("."):
            continue
        for entry in nb_dir.iterdir():
            if entry.name.startswith(OLD_PREFIX):
                slug = entry.name[len(OLD_PREFIX):].split("-", 1)[-1]
                if not (nb_dir / slug).exists():
                    os.rename(entry, nb_dir / slug)
                else:
                    shutil.rmtree(entry, ignore_errors=True)
            elif entry.name.startswith(TMP_PREFIX):
                pid = entry.name[len(TMP_PREFIX):].split("-", 1)[0]
                if not pid.isdigit() or not pid_alive(int(pid)):
                    shutil.rmtree(entry, ignore_errors=True)
