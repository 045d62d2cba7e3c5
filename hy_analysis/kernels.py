"""The Jupyter kernel we register: local sockets instead of TCP ports.

jupyter_client's default provisioner picks five free TCP ports in the client process
(bind to port 0, read the number, close) and the kernel binds them a moment later. Another
process started at the same time (a second ``papermill``, ``make -j``, ``xargs -P``) can take
one of those ports in between, for a kernel of its own or as the local end of a connection;
the kernel then fails to bind and the client reports "Kernel didn't respond in 60 seconds"
or "Kernel died before replying to kernel_info" (papermill#776, papermill#511).

:class:`IPCProvisioner` gives each kernel Unix domain sockets in a fresh private folder
instead, so there are no ports to race for. It is a jupyter_client kernel provisioner
(entry point ``hy-ipc`` in the ``jupyter_client.kernel_provisioners`` group) named in the
kernelspec's metadata, so every client that starts our kernel by name (papermill,
nbconvert, nbclient, JupyterLab, Voilà) uses it without flags. ``make`` registers that
kernelspec with :func:`install_kernelspec`::

    python -m hy_analysis.kernels --sys-prefix

Warm kernels (issue 13): a kernel spends about a second importing pandas, numpy, matplotlib,
seaborn and this package before its first cell. :class:`IPCProvisioner` therefore asks a
*warm parent*, a process that has done those imports once and nothing else (no thread, no
zmq context, no event loop), to ``fork()`` each kernel. Every kernel is still a process of
its own with a fresh namespace; only the imported modules are shared, copy-on-write. The
parent listens on a Unix socket in a private folder, is started on first use, replaced when
it died, keyed by the Python, ``PYTHONPATH`` and the package's files (an edited package gets
a new parent) and exits after :data:`WARM_IDLE_S` idle seconds. Where ``fork`` is
unavailable, ``HY_WARM_KERNELS=0`` is set or the parent cannot start, the kernel starts the
ordinary way after one log line.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

__all__ = ["PROVISIONER_NAME", "IPCProvisioner", "install_kernelspec", "register_provisioner",
           "warm_parent_pid", "prepare_warm_parent", "WARM_ENV", "WARM_IDLE_S"]

#: Name of the entry point in the ``jupyter_client.kernel_provisioners`` group.
PROVISIONER_NAME = "hy-ipc"
#: ``HY_WARM_KERNELS=0`` starts every kernel the ordinary way.
WARM_ENV = "HY_WARM_KERNELS"
#: A warm parent with no request for this many seconds (``HY_WARM_IDLE_S``) and no kernel
#: of its own still running exits.
WARM_IDLE_S = 900.0
#: What a warm parent imports before it forks kernels.
PRELOAD = ("numpy", "pandas", "matplotlib", "matplotlib.pyplot", "seaborn",
           "matplotlib_inline.backend_inline", "ipykernel.kernelapp", "ipywidgets",
           "itables", "hy_analysis.notebook", "hy_analysis.display", "hy_analysis.views",
           "hy_analysis.widgets", "hy_analysis.analysis", "hy_analysis.findings",
           "hy_analysis.charts")
#: The backend ipykernel selects; the parent imports pyplot with it already.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"

log = logging.getLogger(__name__)
#: ``sys.path[0]`` of the warm parent: its own start folder, which a kernel replaces by its own.
_PARENT_PATH0: str | None = None


class IPCProvisioner(LocalProvisioner):
    """A local kernel whose sockets are Unix domain sockets in a private temporary folder.

    A kernel manager configured for IPC already (``KernelManager.transport = "ipc"``, as
    ``hy-analysis run`` does) is left as configured. The folder is removed when the kernel
    is shut down for good (not on restart).
    """

    _socket_dir: str | None = None

    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        km = self.parent
        if km is not None:
            if km.transport != "ipc":
                # mkdtemp: private (0700) and unique; short, as socket paths are limited to
                # about 100 bytes.
                folder = tempfile.mkdtemp(prefix="hyk-")
                km.transport = "ipc"
                km.ip = os.path.join(folder, "k")
                km.cache_ports = False
                # On the manager: a restart creates a new provisioner for the same sockets.
                km._hy_socket_dir = folder
            self._socket_dir = getattr(km, "_hy_socket_dir", None)
        return await super().pre_launch(**kwargs)

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        env = kwargs.get("env") or dict(os.environ)
        reason = _warm_unavailable(cmd, env)
        pid = None
        if reason is None:
            try:
                pid = _request_fork(cmd, env, kwargs.get("cwd") or os.getcwd())
            except (OSError, ValueError, RuntimeError) as exc:
                reason = f"the warm parent failed ({exc})"
        if pid is None:
            log.info("hy-analysis: ordinary kernel start: %s", reason)
            return await super().launch_kernel(cmd, **kwargs)
        self.process = _ForkedKernel(pid)
        self.pid = self.pgid = pid  # the kernel leads its own session and process group
        self.cwd = kwargs.get("cwd") or os.getcwd()
        return self.connection_info

    async def cleanup(self, restart: bool = False) -> None:
        await super().cleanup(restart=restart)
        if not restart and self._socket_dir:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
            self._socket_dir = None


class _ForkedKernel:
    """The part of ``subprocess.Popen`` the provisioner uses, for a kernel forked elsewhere.

    The warm parent ignores SIGCHLD, so the system reaps its kernels at once: a pid that no
    longer exists is a kernel that ended (its exit status is not known here).
    """

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None
        self.stdin = self.stdout = self.stderr = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0
            except PermissionError:
                pass
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def _kernel_args(cmd: list[str]) -> list[str] | None:
    """The arguments after ``-m ipykernel_launcher`` in ``cmd``, or None for another kernel."""
    if "-m" not in cmd[:-1]:
        return None
    at = cmd.index("-m")
    if cmd[at + 1] not in ("ipykernel_launcher", "ipykernel"):
        return None
    return cmd[at + 2:]


def _warm_unavailable(cmd: list[str], env: dict) -> str | None:
    """Why this kernel cannot be forked from a warm parent, or None when it can."""
    if not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX"):
        return "fork is not available on this system"
    if env.get(WARM_ENV, os.environ.get(WARM_ENV, "1")) == "0":
        return f"{WARM_ENV}=0"
    if _kernel_args(cmd) is None:
        return f"not an ipykernel command: {cmd[:4]}"
    return None


def _package_dir(env: dict) -> Path:
    """The hy_analysis folder a kernel with ``env`` imports (PYTHONPATH first)."""
    for entry in filter(None, env.get("PYTHONPATH", "").split(os.pathsep)):
        candidate = Path(entry) / "hy_analysis"
        if (candidate / "__init__.py").is_file():
            return candidate
    return Path(__file__).resolve().parent


def _fingerprint(cmd: list[str], env: dict) -> str:
    """Key of the warm parent fit for ``cmd`` and ``env``: Python, options, PYTHONPATH,
    the package's files (names, sizes, modification times) and the matplotlib backend."""
    digest = hashlib.sha256()
    at = cmd.index("-m")
    for part in (*cmd[:at], env.get("PYTHONPATH", ""), env.get("MPLBACKEND", ""),
                 str(os.getuid())):
        digest.update(part.encode() + b"\0")
    for path in sorted(_package_dir(env).rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:16]


def _socket_path(key: str) -> Path:
    # Short: a socket path is limited to about 100 bytes.
    folder = Path(tempfile.gettempdir()) / f"hy-warm-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / f"{key}.sock"


def _connect(path: Path, timeout: float = 30.0) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(path))
    except OSError:
        sock.close()
        raise
    return sock


def _start_parent(cmd: list[str], env: dict, path: Path) -> None:
    """Start a warm parent listening on ``path`` and wait until it accepts requests."""
    import fcntl

    with open(f"{path}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one start at a time; another may have won
        try:
            _connect(path).close()
            return
        except OSError:
            pass
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        at = cmd.index("-m")
        server_env = {k: v for k, v in env.items() if not k.startswith("JPY_")}
        server_env.setdefault("MPLBACKEND", INLINE_BACKEND)
        with open(f"{path}.log", "ab") as errors:
            process = subprocess.Popen(
                [*cmd[:at], "-m", "hy_analysis.kernels", "--warm-parent", str(path)],
                env=server_env, stdin=subprocess.DEVNULL, stdout=errors, stderr=errors,
                start_new_session=True, close_fds=True)
        deadline = time.monotonic() + 120
        while not path.exists():
            if process.poll() is not None:
                raise RuntimeError(f"it exited with status {process.returncode}; "
                                   f"see {path}.log")
            if time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("it did not listen within 120 s")
            time.sleep(0.02)


def _request_fork(cmd: list[str], env: dict, cwd: str) -> int:
    """Ask the warm parent for ``cmd`` (starting it if needed); return the kernel's pid."""
    path = _socket_path(_fingerprint(cmd, env))
    try:
        sock = _connect(path)
    except OSError:  # none yet, or it died: start a new one
        _start_parent(cmd, env, path)
        sock = _connect(path)
    with sock:
        request = json.dumps({"args": _kernel_args(cmd), "env": env, "cwd": str(cwd),
                              "client": os.getpid()})
        fds = [1, 2]  # where an ordinary kernel would write: our own stdout and stderr
        socket.send_fds(sock, [request.encode() + b"\n"], fds)
        answer = b""
        while not answer.endswith(b"\n"):
            chunk = sock.recv(4096)
            if not chunk:
                raise RuntimeError("it closed the connection without a pid")
            answer += chunk
    reply = json.loads(answer)
    if "error" in reply:
        raise RuntimeError(reply["error"])
    return int(reply["pid"])


def warm_parent_pid(cmd: list[str], env: dict) -> int | None:
    """The pid of the warm parent that would fork ``cmd`` with ``env``, None when none runs."""
    path = _socket_path(_fingerprint(cmd, env))
    try:
        with _connect(path, timeout=5) as sock:
            sock.sendall(b'{"ping": true}\n')
            return int(json.loads(sock.makefile().readline())["pid"])
    except (OSError, ValueError, KeyError):
        return None


def _warm_parent(path: str) -> int:
    """Main loop of a warm parent: import, listen, fork one kernel per request."""
    import importlib

    global _PARENT_PATH0
    _PARENT_PATH0 = sys.path[0] if sys.path else None
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            print(f"warm parent: cannot preload {name}: {exc}", file=sys.stderr)
    try:
        _warm_up()
    except Exception as exc:  # noqa: BLE001 - kernels then do it themselves
        print(f"warm parent: warm-up failed: {exc}", file=sys.stderr)
    import threading

    if threading.active_count() != 1:  # forking a threaded process can deadlock a child
        print(f"warm parent: {threading.active_count()} threads after imports; not forking",
              file=sys.stderr)
        return 1
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the system reaps the kernels
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    staging = f"{path}.{os.getpid()}"
    listener.bind(staging)
    listener.listen(16)
    os.rename(staging, path)  # appears only once ready
    listener.settimeout(float(os.environ.get("HY_WARM_IDLE_S") or WARM_IDLE_S))
    kernels: set[int] = set()
    try:
        while True:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                kernels = {pid for pid in kernels if _alive(pid)}
                if not kernels:  # idle, and no kernel of ours still runs
                    return 0
                continue
            with conn:
                try:
                    pid = _serve(conn, listener)
                    if pid is not None:
                        kernels.add(pid)
                except Exception as exc:  # noqa: BLE001 - one bad request must not end it
                    print(f"warm parent: {type(exc).__name__}: {exc}", file=sys.stderr)
    finally:
        try:
            if os.stat(path).st_ino == os.fstat(listener.fileno()).st_ino:
                os.unlink(path)
        except OSError:
            pass


def _warm_up() -> None:
    """Draw and encode one small chart in the project's theme, then restore matplotlib's
    settings: every kernel finds fonts, glyph caches and the PNG encoder loaded, and
    matplotlib's settings as an ordinary kernel has them."""
    import io

    import matplotlib
    import matplotlib.pyplot as plt

    from hy_analysis.charts.base import setup

    with matplotlib.rc_context():
        setup()
        figure, ax = plt.subplots(figsize=(2, 1), layout="constrained")
        ax.set_title("Hưng Yên 1,5 % — ước tính")
        ax.plot([0, 1], [0, 1])
        figure.savefig(io.BytesIO(), format="png", bbox_inches="tight")
        plt.close(figure)


def _serve(conn: socket.socket, listener: socket.socket) -> int | None:
    conn.settimeout(30)
    data, fds, _flags, _addr = socket.recv_fds(conn, 1 << 20, 8)
    if not data:  # a connection that only checked we are listening
        return None
    while not data.endswith(b"\n"):
        chunk = conn.recv(1 << 20)
        if not chunk:
            break
        data += chunk
    request = json.loads(data)
    if request.get("ping"):
        conn.sendall(json.dumps({"pid": os.getpid()}).encode() + b"\n")
        return None
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
    for fd in fds:
        os.close(fd)
    os.read(ready_r, 1)  # the kernel leads its own group before anyone signals it
    os.close(ready_r)
    conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
    return pid


def _alive(pid: int) -> bool:
    try:  # a warm parent this process started and that has ended: reap it
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:  # not our child
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _become_kernel(request: dict, fds: list[int]) -> None:
    """In the forked child: the caller's output streams, environment and folder, then
    ipykernel as ``python -m ipykernel_launcher`` would run it."""
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
    poller does for an ordinary kernel."""
    if not pid:
        return
    import threading

    def watch():
        while True:
            time.sleep(1.0)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="hy-client-watch", daemon=True).start()


def prepare_warm_parent(kernel: str = "python3", env: dict | None = None) -> int | None:
    """Start the warm parent for kernelspec ``kernel`` now, so the first run need not wait.

    Returns its pid, or None when kernels of this spec cannot be forked (see
    :func:`_warm_unavailable`).
    """
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(kernel)
    cmd = list(spec.argv)
    if cmd and cmd[0] in {"python", f"python{sys.version_info[0]}",
                          f"python{sys.version_info[0]}.{sys.version_info[1]}"}:
        cmd[0] = sys.executable  # as jupyter_client does
    env = dict(os.environ if env is None else env)
    if _warm_unavailable(cmd, env) is not None:
        return None
    path = _socket_path(_fingerprint(cmd, env))
    try:
        _connect(path, timeout=5).close()
    except OSError:
        _start_parent(cmd, env, path)
    return warm_parent_pid(cmd, env)


def register_provisioner(*, default: bool = True) -> None:
    """Make ``hy-ipc`` known to jupyter_client in this process, the default when ``default``.

    For processes that start kernels (the runner's workers, Voilà) in an environment where the
    package's entry point is not installed, and so that kernelspecs without provisioner
    metadata start through :class:`IPCProvisioner` too.
    """
    from importlib.metadata import EntryPoint

    from jupyter_client.provisioning.factory import KernelProvisionerFactory

    factory = KernelProvisionerFactory.instance()
    factory.provisioners.setdefault(PROVISIONER_NAME, EntryPoint(
        name=PROVISIONER_NAME, value=f"{__name__}:IPCProvisioner",
        group=KernelProvisionerFactory.GROUP_NAME))
    if default:
        factory.default_provisioner_name = PROVISIONER_NAME


def install_kernelspec(*, name: str = "python3", display_name: str = "Python 3 (hy-analysis)",
                       prefix: str | None = None, user: bool = False) -> Path:
    """Register this Python as a Jupyter kernel that starts through :class:`IPCProvisioner`.

    Parameters
    ----------
    name : str
        Kernel name; ``python3`` is what the notebooks' metadata ask for.
    display_name : str
        Name shown in JupyterLab's launcher.
    prefix : str, optional
        Install under this prefix (``sys.prefix`` for a virtual environment).
    user : bool
        Install for the current user instead.

    Returns
    -------
    Path
        The folder of the installed kernelspec.
    """
    from ipykernel.kernelspec import install

    folder = Path(install(kernel_name=name, display_name=display_name, prefix=prefix,
                          user=user))
    spec_file = folder / "kernel.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    spec.setdefault("metadata", {})["kernel_provisioner"] = {
        "provisioner_name": PROVISIONER_NAME, "config": {}}
    spec_file.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    """``python -m hy_analysis.kernels [--sys-prefix | --user | --prefix DIR] [--name N]``.

    ``python -m hy_analysis.kernels voila ARGS`` runs Voilà with :class:`IPCProvisioner` as
    the default provisioner (whether or not the kernelspec names it).
    """
    import argparse

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--warm-parent"]:
        return _warm_parent(argv[1])
    if argv[:1] == ["voila"]:  # Voilà whose kernels fork from a warm parent
        register_provisioner()
        from voila.app import main as voila_main

        sys.argv = ["voila", *argv[1:]]
        return voila_main() or 0

    parser = argparse.ArgumentParser(description="Register the hy-analysis Jupyter kernel.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--sys-prefix", action="store_const", dest="prefix", const=sys.prefix,
                       help="inside this (virtual) environment")
    where.add_argument("--prefix", help="under this prefix")
    where.add_argument("--user", action="store_true", help="for the current user")
    parser.add_argument("--name", default="python3")
    parser.add_argument("--display-name", default="Python 3 (hy-analysis)")
    args = parser.parse_args(argv)
    folder = install_kernelspec(name=args.name, display_name=args.display_name,
                                prefix=args.prefix, user=args.user)
    print(f"kernel {args.name!r} registered in {folder} (provisioner {PROVISIONER_NAME})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
