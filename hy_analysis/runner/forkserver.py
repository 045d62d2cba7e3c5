"""The warm parent: a process that has done the heavy imports and forks one kernel per request.

``python -m hy_analysis.runner.forkserver SOCKET`` is started by
:func:`hy_analysis.runner.warm.request_fork` (never by hand). It detaches first (a second
fork, so that the long-lived process that started it never keeps a zombie), imports
:data:`~hy_analysis.runner.warm.PRELOAD` and draws one chart, checks that it has no other
thread (Python's or the operating system's: forking a threaded process can deadlock the
child), then listens on ``SOCKET``. It answers only its own user (``SO_PEERCRED``), reads at
most :data:`MAX_REQUEST` bytes and two descriptors per request, reaps its kernels, exits
after ``HY_WARM_IDLE_S`` idle seconds with no kernel left, and retires (stops listening, then
exits once its kernels have ended) when a newer parent for the same environment asks it to.

Every kernel is still a process of its own with a fresh namespace; only the imported modules
are shared, copy-on-write. A forked kernel is named as a kernel (``ipykernel_launcher -f
...``) in ``ps`` and ``top``, not as this parent.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import sys
import time

from .warm import INLINE_BACKEND, PRELOAD, WARM_IDLE_S, _starting, peer_credentials

#: Largest request (arguments, environment, folder) a parent reads.
MAX_REQUEST = 1 << 20
#: Seconds a client has to send its whole request.
REQUEST_S = 10.0

#: ``sys.path[0]`` of the warm parent: its own start folder, which a kernel replaces by its own.
_PARENT_PATH0: str | None = None


def _say(message: str) -> None:
    print(f"warm parent {os.getpid()}: {message}", file=sys.stderr, flush=True)


def _os_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        import threading

        return threading.active_count()


def _detach() -> None:
    """Fork once more and let the first process exit: init (or a subreaper) reaps us later."""
    if os.fork() > 0:
        os._exit(0)


def main(path: str) -> int:
    """Main loop of a warm parent: import, listen, fork one kernel per request."""
    import importlib

    _detach()
    global _PARENT_PATH0
    _PARENT_PATH0 = sys.path[0] if sys.path else None
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    # OpenBLAS and friends start OS threads at import unless told otherwise; the kernels
    # get the caller's environment back, so only the parent is limited.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            _say(f"cannot preload {name}: {exc}")
    try:
        _warm_up()
    except Exception as exc:  # noqa: BLE001 - kernels then do it themselves
        _say(f"warm-up failed: {exc}")
    if _os_threads() != 1:  # forking a threaded process can deadlock a child
        _say(f"{_os_threads()} threads after imports; not forking")
        return 1
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_CLOEXEC)
    staging = f"{path}.{os.getpid()}"
    old_umask = os.umask(0o177)  # the socket itself: ours only, whatever the folder
    try:
        listener.bind(staging)
    finally:
        os.umask(old_umask)
    listener.listen(16)
    os.rename(staging, path)  # appears only once ready
    # The socket file's own inode (fstat of the socket gives the socket's, not the file's):
    # the path is removed at exit only while it is still ours.
    ours = os.stat(path).st_ino
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)  # the client stops reading: nothing more goes to its pipe
    os.close(null)
    try:
        return _serve_forever(listener, path, ours)
    finally:
        _unlink_if_ours(path, ours)
        listener.close()
        _remove_own_files(path)


def _remove_own_files(path: str) -> None:
    """A parent that ends (retired, idle) leaves no lock or log behind, unless someone is
    starting a parent on the same path right now (holds its lock)."""
    from pathlib import Path

    if os.path.exists(path):  # a new parent already listens there: its files now
        return
    lock = Path(f"{path}.lock")
    if lock.exists() and _starting(lock):
        return
    for leftover in (Path(f"{path}.log"), lock):
        leftover.unlink(missing_ok=True)


def _unlink_if_ours(path: str, inode: int) -> None:
    try:
        if os.stat(path).st_ino == inode:
            os.unlink(path)
    except OSError:
        pass


def _serve_forever(listener: socket.socket, path: str, inode: int) -> int:
    idle = float(os.environ.get("HY_WARM_IDLE_S") or WARM_IDLE_S)
    kernels: dict[int, int] = {}  # pid -> pidfd
    last = time.monotonic()
    retired = False
    while True:
        _reap(kernels)
        if retired and not kernels:
            return 0
        if not retired and not kernels and time.monotonic() - last > idle:
            return 0
        ready, _, _ = select.select([listener] if not retired else [], [], [],
                                    min(idle, 5.0))
        if not ready:
            continue
        conn, _ = listener.accept()
        last = time.monotonic()
        with conn:
            try:
                answer = _serve(conn, listener)
            except Exception as exc:  # noqa: BLE001 - one bad request must not end it
                _say(f"{type(exc).__name__}: {exc}")
                continue
        if answer == "retire":
            _say(f"retired by a newer parent; exiting when {len(kernels)} kernel(s) end")
            retired = True
            _unlink_if_ours(path, inode)
        elif isinstance(answer, tuple):
            pid, pidfd = answer
            kernels[pid] = pidfd


def _reap(kernels: dict[int, int]) -> None:
    """Collect the exit status of every kernel that ended (no zombie stays)."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            pid = 0
        if not pid:
            break
        pidfd = kernels.pop(pid, None)
        if pidfd is not None:
            os.close(pidfd)


def _warm_up() -> None:
    """Draw and encode one small chart in the project's theme, then restore matplotlib's
    settings: every kernel finds fonts, glyph caches and the PNG encoder loaded, and
    matplotlib's settings as an ordinary kernel has them. Babel's data for the reports'
    languages is read too (a pickle per locale, about 0.1 s a kernel otherwise): it is the
    installed Babel's own, which the parent's key includes with its version.

    The modules are looked up by name, like :data:`PRELOAD`: what kernels use is preloaded,
    while the runner's layer depends on no chart module.
    """
    import importlib
    import io

    matplotlib = importlib.import_module("matplotlib")
    plt = importlib.import_module("matplotlib.pyplot")
    with matplotlib.rc_context():
        importlib.import_module("hy_analysis.charts.base").setup()
        figure, ax = plt.subplots(figsize=(2, 1), layout="constrained")
        ax.set_title("Hưng Yên 1,5 % — ước tính")
        ax.plot([0, 1], [0, 1])
        figure.savefig(io.BytesIO(), format="png", bbox_inches="tight")
        plt.close(figure)
    localedata = importlib.import_module("babel.localedata")
    for lang in importlib.import_module("hy_analysis.vocabulary").LANGS:
        localedata.load(lang)


def _refuse(conn: socket.socket, reason: str) -> None:
    _say(f"refused: {reason}")
    try:
        conn.sendall(json.dumps({"error": reason}).encode() + b"\n")
    except OSError:
        pass


def _receive(conn: socket.socket) -> tuple[bytes, list[int]]:
    """One request (at most :data:`MAX_REQUEST` bytes) and the descriptors sent with it."""
    conn.settimeout(REQUEST_S)
    data, fds, _flags, _addr = socket.recv_fds(conn, MAX_REQUEST, 2)
    try:
        while data and not data.endswith(b"\n"):
            if len(data) > MAX_REQUEST:
                raise ValueError(f"request larger than {MAX_REQUEST} bytes")
            chunk = conn.recv(MAX_REQUEST)
            if not chunk:
                break
            data += chunk
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise
    return data, fds


def _serve(conn: socket.socket, listener: socket.socket):
    """Answer one connection: a ping, a retirement or a fork (then ``(pid, pidfd)``)."""
    _pid, uid, _gid = peer_credentials(conn)
    if uid != os.getuid():
        _refuse(conn, f"uid {uid} is not this warm parent's user (uid {os.getuid()})")
        return None
    try:
        data, fds = _receive(conn)
    except ValueError as exc:
        _refuse(conn, str(exc))
        return None
    if not data:  # a connection that only checked we are listening
        return None
    try:
        request = json.loads(data)
        if not isinstance(request, dict):
            raise ValueError("not a JSON object")
        if request.get("ping"):
            conn.sendall(json.dumps({"pid": os.getpid()}).encode() + b"\n")
            return None
        if request.get("retire"):
            conn.sendall(json.dumps({"pid": os.getpid()}).encode() + b"\n")
            return "retire"
        if len(fds) != 2 or not isinstance(request.get("args"), list):
            raise ValueError("a fork request needs arguments and two descriptors")
        return _fork(conn, listener, request, fds)
    except ValueError as exc:
        _refuse(conn, str(exc))
        return None
    finally:
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass


def _fork(conn: socket.socket, listener: socket.socket, request: dict,
          fds: list[int]) -> tuple[int, int]:
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the kernel
        code = 1
        try:
            os.close(ready_r)
            listener.close()
            conn.close()
            os.setsid()
            os.write(ready_w, b"1")
            os.close(ready_w)
            _become_kernel(request, fds)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
        except BaseException:  # noqa: BLE001
            import traceback

            traceback.print_exc()
        finally:
            os._exit(code)
    os.close(ready_w)
    pidfd = os.pidfd_open(pid)
    os.read(ready_r, 1)  # the kernel leads its own group before anyone signals it
    os.close(ready_r)
    conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
    return pid, pidfd


def _name_process(args: list[str]) -> None:
    """Show the kernel as ``ipykernel_launcher ...`` in ``ps`` and ``top``."""
    title = " ".join(["ipykernel_launcher", *args])
    try:
        import setproctitle

        setproctitle.setproctitle(title)
        return
    except ImportError:
        pass
    try:  # at least the short name (``comm``)
        import ctypes

        ctypes.CDLL(None).prctl(15, b"ipykernel", 0, 0, 0)  # PR_SET_NAME
    except (OSError, AttributeError):
        pass


def _become_kernel(request: dict, fds: list[int]) -> None:
    """In the forked child: the caller's output streams, environment and folder, then
    ipykernel as ``python -m ipykernel_launcher`` would run it."""
    # First: setproctitle finds the room for the title next to the original environment.
    _name_process(request["args"])
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel's own subprocesses
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    for target, fd in zip((1, 2), fds):
        os.dup2(fd, target)
    for fd in (null, *fds):
        if fd > 2:
            os.close(fd)
    os.environ.clear()
    os.environ.update(request["env"])
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    os.chdir(request["cwd"])
    if sys.path and _PARENT_PATH0 is not None and sys.path[0] == _PARENT_PATH0:
        sys.path[0] = os.getcwd()  # as ``python -m ipykernel_launcher`` started here has it
    _watch_client(request.get("client"))
    # parent_handle 1: no ipykernel poller on the warm parent (its exit must not end the
    # kernel) and no "Ctrl-C will not work" banner; _watch_client replaces the poller.
    args = [*request["args"], "--IPKernelApp.parent_handle=1"]
    sys.argv = ["ipykernel_launcher", *args]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance(argv=args)


def _watch_client(pid: int | None) -> None:
    """End this kernel when the process that asked for it is gone, as ipykernel's parent
    poller does for an ordinary kernel (a pidfd: a recycled pid cannot keep it alive)."""
    if not pid:
        return
    import threading

    try:
        pidfd = os.pidfd_open(int(pid))
    except (ProcessLookupError, ValueError):
        os._exit(1)

    def watch():
        select.select([pidfd], [], [])  # readable once the client has ended
        os._exit(1)

    threading.Thread(target=watch, name="hy-client-watch", daemon=True).start()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m hy_analysis.runner.forkserver SOCKET (started by the "
                 "hy-ipc provisioner)")
    sys.exit(main(sys.argv[1]))
