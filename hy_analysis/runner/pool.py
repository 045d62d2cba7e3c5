"""Executing a plan: executors, progress, interrupts and the summary of a command.

:func:`execute_plan` submits the runs that are not up to date to a
``concurrent.futures.Executor`` (by default cores + 1 worker processes kept for the command), shows
progress, stops within a bounded time on Ctrl-C or SIGTERM, and rewrites
``outputs/index.html`` from every manifest.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import secrets
import shutil
import signal
import stat
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, TextIO

from ..exceptions import RunError
from .plan import RunSpec, plan_runs
from .state import KERNEL_FILES_NAME, KERNEL_NAME, PROGRESS_NAME, TMP_PREFIX
from .worker import (
    STOP_NAME,
    die_with_parent,
    execute_run,
    kill_process_group,
    pid_alive,
    recover_output_dir,
)

__all__ = ["RunResult", "Summary", "execute_plan", "run", "default_executor", "worker_context",
           "dask_executor", "check_kernels", "STOP_GRACE"]

#: Seconds workers get to clean up after an interrupt before they and their kernels are killed.
STOP_GRACE = 5.0
_FAILED_STATUSES = ("failed", "timeout", "error")


@dataclass
class RunResult:
    """How one run ended."""

    label: str
    status: str  # ok, failed, timeout, error, up to date
    run_dir: str = ""
    duration_s: float | None = None
    error: dict | None = None
    #: Processor seconds of the run's kernel and pages (the order of the next command).
    work_s: float | None = None

    def describe(self) -> str:
        """One line: label, status, duration and the error with its cell."""
        text = f"{self.label}: {self.status}"
        if self.duration_s is not None:
            text += f" ({self.duration_s:.1f} s)"
        if self.error:
            cell = self.error.get("cell_index")
            where = f"cell {cell}: " if cell is not None else ""
            text += f" - {where}{self.error.get('ename')}: {self.error.get('evalue')}"
        return text


@dataclass
class Summary:
    """Every run of a command and the index page written."""

    results: list[RunResult] = field(default_factory=list)
    index: Path | None = None

    @property
    def failed(self) -> list[RunResult]:
        """The runs that failed, timed out or could not run."""
        return [r for r in self.results if r.status in _FAILED_STATUSES]

    @property
    def exit_code(self) -> int:
        """1 when a run failed, else 0."""
        return 1 if self.failed else 0

    def format(self) -> str:
        """Counts by status, the index page and one line per failed run."""
        counts: dict[str, int] = {}
        for r in self.results:
            counts[r.status] = counts.get(r.status, 0) + 1
        text = f"{len(self.results)} run(s): " + ", ".join(f"{n} {s}" for s, n in counts.items())
        if self.index:
            text += f"\nindex: {self.index}"
        for r in self.failed:
            text += f"\nFAILED {r.describe()}\n  see {r.run_dir}"
        return text


#: Modules the pool's fork server imports once, before it forks the workers.
WORKER_PRELOAD = ("hy_analysis.runner.preload",)
#: What the package and its libraries were when this process first used its fork server
#: (:func:`hy_analysis.runner.warm.fingerprint`): the server keeps the code it imported then.
_forkserver_key: str | None = None


def worker_context():
    """The ``multiprocessing`` context of :func:`default_executor`'s workers.

    Where the system has one, a fork server that has imported :data:`WORKER_PRELOAD` (what
    every run needs, the report template compiled) forks the workers: they start with it
    instead of importing it each (about 0.45 s of processor time per worker, at the moment
    the first kernels start). Elsewhere the workers are spawned, and so they are in a
    process whose package or libraries changed after its fork server started (the server
    keeps the code it imported).
    """
    import multiprocessing

    from . import warm

    global _forkserver_key
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    # A long-lived session (JupyterLab, a script) whose package or libraries changed since its
    # fork server started would get workers with the old code: spawn them fresh instead.
    key = warm.fingerprint([sys.executable, "-m", "hy_analysis"], dict(os.environ))
    _forkserver_key = _forkserver_key or key
    if key != _forkserver_key:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(WORKER_PRELOAD))
    _private_multiprocessing_folder()
    return context


def _private_multiprocessing_folder() -> None:
    """Give this process's multiprocessing files (the fork server's socket) a folder in our
    private one, named with our pid, and remove those of commands that died.

    multiprocessing makes a ``pymp-*`` folder in TMPDIR and removes it at exit; a command
    ended by ``kill -9`` left it behind in the shared temporary folder. Here such a folder is
    private and the next command removes it. Nothing is done where multiprocessing's folder
    already exists (a pool used before) or ours cannot be used safely.
    """
    import multiprocessing.process
    from multiprocessing import util

    from . import warm

    config = multiprocessing.process.current_process()._config
    if config.get("tempdir") is not None or not hasattr(util, "_remove_temp_dir"):
        return
    try:
        private = warm.private_dir()
    except (OSError, warm.WarmParentError):
        return
    for stale in private.glob("pymp-*-*"):
        pid = stale.name.split("-")[1]
        if pid.isdigit() and not pid_alive(int(pid)) and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
    folder = tempfile.mkdtemp(prefix=f"pymp-{os.getpid()}-", dir=private)
    # as multiprocessing does for its own folder: removed at exit, late in shutdown
    util.Finalize(None, util._remove_temp_dir, args=(shutil.rmtree, folder), exitpriority=-100)
    config["tempdir"] = folder


def default_executor(workers: int | None = None, *, kernel: str | None = None) -> cf.Executor:
    """Worker processes, ``workers`` at a time (default: cores + 1), kept for the whole
    command.

    The workers are forked from a fork server that imported papermill, nbclient and the HTML
    exporter once (:func:`worker_context`); each then takes this command's environment and
    working folder (:func:`prepare_worker`), as a spawned process would. Every run still gets
    a kernel process of its own, forked from a warm parent (:mod:`~hy_analysis.runner.warm`).
    One worker more than cores: while a worker renders the HTML of a finished run (its kernel
    already gone) the others' kernels keep the cores busy.
    """
    return cf.ProcessPoolExecutor(max_workers=workers or (os.cpu_count() or 1) + 1,
                                  mp_context=worker_context(), initializer=prepare_worker,
                                  initargs=(kernel, os.getpid(), dict(os.environ), os.getcwd()))


def prepare_worker(kernel: str | None = None, parent: int | None = None,
                   environ: dict | None = None, cwd: str | None = None) -> None:
    """Tie this worker's life to ``parent``'s, take the command's environment and working
    folder, import what every run needs, and start the warm kernel parent for ``kernel``.

    Runs once in each worker of :func:`default_executor`, while the others start; a failure
    here only means the first run does the same work itself. ``environ`` and ``cwd`` are the
    command's now: a fork server started earlier in the same process kept those it had then.
    """
    if parent:  # `kill -9` of the command: its workers stop too (and kill their kernels)
        die_with_parent(parent)
    if environ is not None:
        os.environ.clear()
        os.environ.update(environ)
    if cwd is not None:
        try:
            os.chdir(cwd)
        except OSError:
            pass
    try:
        from .discovery import block_slow_imports

        block_slow_imports()
        import nbclient  # noqa: F401
        import nbformat  # noqa: F401
        import papermill  # noqa: F401

        from ..rendering.page import _exporter

        _exporter(False)  # compiles the report template once per worker (unless preloaded)
        from .warm import prepare_warm_parent
        from .kernel import _register_engine

        _register_engine()
        if kernel:
            prepare_warm_parent(kernel)
    except Exception:  # noqa: BLE001
        pass


def dask_executor(address: str):
    """A ``concurrent.futures`` executor on a Dask cluster, and its client (close it after).

    Raises
    ------
    RunError
        When the dask extra is missing or the scheduler cannot be reached.

    Notes
    -----
    The workers must see the same file system as this process (notebooks, data and outputs).
    A worker may run several runs at once in threads: each run keeps its own state and gives
    its kernel its own environment.
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise RunError("--dask-scheduler needs the dask extra: "
                       "pip install 'hy-analysis[dask]'") from exc
    try:
        client = Client(address, timeout=30)
    except Exception as exc:  # noqa: BLE001
        raise RunError(f"cannot connect to the Dask scheduler {address}: {exc}") from exc
    return client.get_executor(pure=False), client


def check_kernels(specs: Iterable[RunSpec]) -> None:
    """Raise :class:`RunError` naming a kernel that is not installed."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    manager = KernelSpecManager()
    for kernel in sorted({s.kernel for s in specs}):
        try:
            manager.get_kernel_spec(kernel)
        except NoSuchKernel:
            found = ", ".join(sorted(manager.find_kernel_specs())) or "none"
            raise RunError(f"no such Jupyter kernel {kernel!r} (installed: {found}); install "
                           "it with: python -m ipykernel install --sys-prefix --name python3"
                           ) from None


class _Progress:
    """One line per run when not a terminal; a live ``done/total`` line when it is."""

    def __init__(self, stream: TextIO, total: int):
        self.stream = stream
        self.total = total
        self.done = 0
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.started: set[str] = set()
        self._live = False

    def _print(self, text: str) -> None:
        if self._live:
            self.stream.write("\r\033[K")
            self._live = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def skipped(self, spec: RunSpec) -> None:
        self._print(f"[up to date] {spec.label}")

    def start(self, spec: RunSpec) -> None:
        if spec.label not in self.started:
            self.started.add(spec.label)
            if not self.tty:
                self._print(f"[start] {spec.label}")

    def finish(self, result: RunResult) -> None:
        self.done += 1
        self._print(f"[{self.done}/{self.total}] {result.describe()}")

    def poll(self, running: list[RunSpec]) -> None:
        states = []
        for spec in running:
            try:
                cell, total = spec.tmp_dir.joinpath(PROGRESS_NAME).read_text().split()
            except (OSError, ValueError):
                continue
            self.start(spec)
            states.append(f"{spec.label} cell {cell}/{total}" if int(total)
                          else f"{spec.label} starting")
        if self.tty:
            line = f"{self.done}/{self.total} done"
            if states:
                line += " | " + ", ".join(states)
            width = shutil.get_terminal_size((100, 20)).columns - 1
            self.stream.write("\r\033[K" + line[:width])
            self.stream.flush()
            self._live = True

    def close(self) -> None:
        if self._live:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._live = False


def _signal_process(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def _hold_interrupts() -> dict:
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        try:
            previous[signum] = signal.signal(signum, signal.SIG_IGN)
        except ValueError:  # not the main thread
            pass
    return previous


def _restore_interrupts(previous: dict) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def _stop_pool(executor: cf.ProcessPoolExecutor, specs: list[RunSpec], *,
               grace: float = STOP_GRACE) -> None:
    """Stop an interrupted process pool within a bounded time, leaving no kernel behind.

    Pending runs are cancelled; running workers are asked to stop (SIGTERM: they raise
    KeyboardInterrupt, kill their kernel and remove their temporary folder) and get ``grace``
    seconds to do so; workers still alive then are killed with their kernels, and the
    temporary folders of ``specs`` are removed. A worker that ignored or lost the interrupt
    can therefore never keep the command waiting.
    """
    # Read before shutdown(), which forgets them.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            _signal_process(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    survivors = {p.pid for p in processes if p.is_alive()}
    for spec in specs:
        try:
            worker, kernel = map(int, spec.tmp_dir.joinpath(KERNEL_NAME).read_text().split())
        except (OSError, ValueError):
            continue
        if worker in survivors or not pid_alive(worker):
            kill_process_group(kernel)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(2.0)
    for spec in specs:
        _remove_kernel_files(spec.tmp_dir)
        shutil.rmtree(spec.tmp_dir, ignore_errors=True)
    _recover_output_dirs(specs)
    if manager is not None:  # it notices the dead workers and ends; never wait long on it
        manager.join(2.0)


def _remove_kernel_files(tmp_dir: Path) -> None:
    """Remove the sockets and connection file (its key) of a killed worker's kernel: a
    private ``hyk-`` folder of ours, named in the run's temporary folder."""
    try:
        folder = Path(tmp_dir.joinpath(KERNEL_FILES_NAME).read_text(encoding="utf-8"))
        info = os.lstat(folder)
    except (OSError, ValueError):
        return
    if (folder.name.startswith("hyk-") and stat.S_ISDIR(info.st_mode)
            and info.st_uid == os.getuid()):
        shutil.rmtree(folder, ignore_errors=True)


def _stop_elsewhere(futures: dict[cf.Future, RunSpec]) -> None:
    """Stop the runs of an executor we do not own (Dask): pending ones are cancelled, and
    each run's temporary folder gets a stop file that its worker watches (it kills the
    kernel and writes no output) or, when it has not started yet, that keeps it from
    starting. The folders are removed by the next command (:func:`recover_output_dir`)."""
    for future, spec in futures.items():
        future.cancel()
        try:
            spec.tmp_dir.mkdir(parents=True, exist_ok=True)
            spec.tmp_dir.joinpath(STOP_NAME).touch()
        except OSError:
            pass


def _recover_output_dirs(specs: Iterable[RunSpec]) -> None:
    """:func:`recover_output_dir` on every output folder of ``specs``."""
    for out in sorted({s.output_dir for s in specs}):
        recover_output_dir(out)


def execute_plan(specs: list[RunSpec], *, executor: cf.Executor | None = None,
                 workers: int | None = None, stream: TextIO | None = None,
                 write_index: bool = True) -> Summary:
    """Run every spec that is not up to date, concurrently, and write the index page.

    Parameters
    ----------
    specs : list of RunSpec
        From :func:`plan_runs`.
    executor : concurrent.futures.Executor, optional
        Where :func:`execute_run` is submitted (a Dask ``client.get_executor()`` works, with
        any number of threads per worker). By default :func:`default_executor`, shut down
        after.
    workers : int, optional
        Runs at once with the default executor (default: number of cores + 1).
    stream : text stream, optional
        Progress output (default: ``sys.stdout``).
    write_index : bool
        Rewrite ``<output_dir>/index.html`` afterwards.

    Returns
    -------
    Summary
    """
    stream = stream or sys.stdout
    to_run = [s for s in specs if not s.up_to_date]
    progress = _Progress(stream, len(specs))
    summary = Summary()
    _recover_output_dirs(specs)
    for spec in specs:
        if spec.up_to_date:
            progress.skipped(spec)
            progress.done += 1
            summary.results.append(RunResult(spec.label, "up to date", str(spec.run_dir)))
    if to_run:
        check_kernels(to_run)
        own = executor is None
        kernels = sorted({s.kernel for s in to_run})
        executor = executor or default_executor(
            min(workers or (os.cpu_count() or 1) + 1, len(to_run)),
            kernel=kernels[0] if len(kernels) == 1 else None)
        futures: dict[cf.Future, RunSpec] = {}
        try:
            for spec in _longest_first(to_run):
                spec.tmp_name = (f"{TMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-"
                                 f"{spec.slug}")
                futures[executor.submit(execute_run, spec.to_dict())] = spec
            pending = set(futures)
            while pending:
                done, pending = cf.wait(pending, timeout=0.5 if progress.tty else 1.0,
                                        return_when=cf.FIRST_COMPLETED)
                for future in done:
                    result = _result_of(future, futures[future])
                    summary.results.append(result)
                    progress.finish(result)
                progress.poll([futures[f] for f in pending])
        except BaseException:
            progress.close()
            if own:
                previous = _hold_interrupts()  # a second Ctrl-C must not cut the cleanup short
                try:
                    _stop_pool(executor, list(futures.values()))
                finally:
                    _restore_interrupts(previous)
            else:
                _stop_elsewhere(futures)
            raise
        finally:
            progress.close()
        if own:
            executor.shutdown(wait=True)
        _remember_durations(summary.results, to_run)
    if write_index:
        from ..rendering import write_index as _write_index

        inputs = _index_inputs(specs)
        for out in sorted({s.output_dir for s in specs}):
            Path(out).mkdir(parents=True, exist_ok=True)
            summary.index = _write_index(out, inputs=inputs)
    order = {s.label: i for i, s in enumerate(specs)}
    summary.results.sort(key=lambda r: order.get(r.label, 0))
    return summary


def _index_inputs(specs: list[RunSpec]) -> str | None:
    """What the index page is rendered from besides the manifests, from the plan's hashes:
    the package, the libraries and the reference data the choices' labels come from."""
    if not specs:
        return None
    from .. import paths
    from ..manifest import canonical_json, data_hashes

    inputs = specs[0].inputs
    reference = paths.data_dir().resolve()
    data = next((s.inputs.get("data_sha256") for s in specs
                 if Path(s.data_dir).resolve() == reference), None)
    return canonical_json({"package": inputs.get("package_sha256"),
                           "libraries": inputs.get("library_versions"),
                           "data": data if data is not None else data_hashes(reference)})


#: Each notebook's last processor seconds (kernel and pages; wall seconds where unknown), for
#: :func:`_longest_first`, in the private folder. Not the wall time of its last run: that
#: depends on how many runs shared the cores (a notebook that ran alone at the end looks
#: short, stays last, and keeps one core busy while the other waits).
DURATIONS_NAME = "work.json"


def _read_durations() -> dict:
    import json

    from .warm import WarmParentError, open_private, private_dir

    try:
        fd = open_private(private_dir() / DURATIONS_NAME, os.O_RDONLY)
        with os.fdopen(fd, encoding="utf-8") as f:
            known = json.load(f)
    except (OSError, ValueError, WarmParentError):
        return {}
    return {k: float(v) for k, v in known.items()
            if isinstance(v, (int, float)) and v >= 0} if isinstance(known, dict) else {}


def _longest_first(specs: list[RunSpec]) -> list[RunSpec]:
    """``specs`` with the longest runs first (by each notebook's last run; unknown ones
    first of all, in their order), so that no long run starts last and keeps one core busy
    while the other waits."""
    known = _read_durations()
    if not known:
        return list(specs)
    return sorted(specs, key=lambda s: -known.get(s.notebook, float("inf")))


def _remember_durations(results: list[RunResult], specs: list[RunSpec]) -> None:
    """Keep each notebook's largest work (processor seconds, else wall seconds) of this
    command for the next one's order.

    A scheduling hint only: a file that cannot be written changes nothing else.
    """
    import json

    from .warm import WarmParentError, open_private, private_dir

    notebooks = {s.label: s.notebook for s in specs}
    seen: dict[str, float] = {}
    for r in results:
        took = r.work_s if r.work_s is not None else r.duration_s
        if r.status == "ok" and took is not None and r.label in notebooks:
            name = notebooks[r.label]
            seen[name] = max(seen.get(name, 0.0), took)
    if not seen:
        return
    try:
        folder = private_dir()
        known = {**_read_durations(), **seen}
        tmp = folder / f".{DURATIONS_NAME}.{os.getpid()}.tmp"
        fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({k: round(v, 3) for k, v in sorted(known.items())}, f)
        os.replace(tmp, folder / DURATIONS_NAME)
    except (OSError, WarmParentError):
        pass


def _result_of(future: cf.Future, spec: RunSpec) -> RunResult:
    try:
        value = future.result()
    except cf.CancelledError:
        return RunResult(spec.label, "error", str(spec.run_dir),
                         error={"ename": "Cancelled", "evalue": "the run was cancelled"})
    except BaseException as exc:  # noqa: BLE001 - a worker died or the executor broke
        return RunResult(spec.label, "error", str(spec.run_dir),
                         error={"ename": type(exc).__name__, "evalue": str(exc)})
    return RunResult(value["label"], value["status"], value.get("run_dir", ""),
                     value.get("duration_s"), value.get("error"), value.get("work_s"))


def run(notebooks: Iterable[str] = (), *, executor: cf.Executor | None = None,
        workers: int | None = None, stream: TextIO | None = None, **plan_options) -> Summary:
    """Plan, validate and execute runs: the Python face of ``hy-analysis run``.

    Parameters
    ----------
    notebooks : iterable of str
        Names or paths; every notebook when empty.
    executor : concurrent.futures.Executor, optional
        Any executor (process pool, Dask ``client.get_executor()``); see :func:`execute_plan`.
    workers : int, optional
        Concurrent runs with the default executor.
    stream : text stream, optional
        Progress output.
    **plan_options
        Passed to :func:`plan_runs` (``overrides``, ``param_file``, ``grid``, ``output_dir``,
        ``data_dir``, ``with_code``, ``timeout``, ``force`` ...).

    Returns
    -------
    Summary
        ``summary.exit_code`` is non-zero when a run failed or timed out.

    Examples
    --------
    >>> summary = run(["fdi_by_country"], grid=["countries=Japan,Korea"])  # doctest: +SKIP
    """
    specs = plan_runs(notebooks, **plan_options)
    return execute_plan(specs, executor=executor, workers=workers, stream=stream)
