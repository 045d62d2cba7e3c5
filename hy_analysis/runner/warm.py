"""Warm kernels, the client's side: find, start, check and ask the warm parent.

A kernel spends about a second importing pandas, numpy, matplotlib, seaborn and this package
before its first cell. The provisioner (:mod:`~hy_analysis.runner.provisioner`) therefore asks
a *warm parent* (:mod:`~hy_analysis.runner.forkserver`), a process that has done those imports
once, to ``fork()`` each kernel. This module is what a client needs for that, and what keeps
it safe on a machine shared with other users:

* the parent's socket, lock and log live in a folder only we can own: ``$XDG_RUNTIME_DIR``
  when it is ours, else ``$TMPDIR/hy-warm-<uid>`` checked with ``lstat`` (a folder, not a
  symlink, owned by our uid, mode 0700); anything else is refused with a message saying why;
* files there are opened with ``O_NOFOLLOW``;
* both ends check the other's uid (``SO_PEERCRED``), and the pid the parent returns must be a
  child of that parent running as our uid; it is then held as a pidfd, so a signal can never
  reach a process that took over a recycled pid;
* every read is bounded in size and time; a parent that does not answer within
  :data:`ANSWER_S` (stopped, overloaded) is logged and skipped for :data:`SKIP_S` seconds;
* there is one parent per environment (Python and ``PYTHONPATH``): its key (the
  *fingerprint*) also covers the dependencies' versions, the package's files and the
  environment variables a parent fixes at import (time zone, locale, thread counts); a new
  parent retires the old ones, and sockets, locks and logs of parents that are gone are
  removed.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import logging
import os
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..exceptions import HyAnalysisError

__all__ = ["WarmParentError", "WARM_ENV", "WARM_IDLE_S", "INLINE_BACKEND", "PRELOAD",
           "private_dir", "fingerprint", "request_fork", "warm_parent_pid",
           "prepare_warm_parent", "warm_unavailable", "kernel_args", "peer_credentials",
           "open_private", "verify_child"]

#: ``HY_WARM_KERNELS=0`` starts every kernel the ordinary way.
WARM_ENV = "HY_WARM_KERNELS"
#: A warm parent with no request for this many seconds (``HY_WARM_IDLE_S``) and no kernel
#: of its own still running exits.
WARM_IDLE_S = 900.0
#: Seconds a running parent has to answer a ping or a fork request.
ANSWER_S = 10.0
#: Seconds a parent that did not answer is left alone before it is tried again.
SKIP_S = 60.0
#: Seconds a new parent has to import everything and listen.
START_S = 120.0
#: Largest answer a client reads from a parent.
MAX_ANSWER = 4096
#: What a warm parent imports before it forks kernels. ``pandas.io.formats.style`` (and
#: jinja2 with it) is what itables' notebook mode imports in every kernel's first cell; the
#: SVG backend, mistune and the sharing modules are what a run for sharing imports to
#: precompute its panel's states (about 0.08 s a kernel otherwise).
PRELOAD = ("numpy", "pandas", "matplotlib", "matplotlib.pyplot", "seaborn",
           "matplotlib_inline.backend_inline", "ipykernel.kernelapp", "ipywidgets",
           "itables", "pandas.io.formats.style", "hy_analysis.notebook",
           "hy_analysis.display", "hy_analysis.page_assets", "hy_analysis.views",
           "hy_analysis.widgets", "hy_analysis.analysis", "hy_analysis.findings",
           "hy_analysis.charts", "matplotlib.backends.backend_svg", "mistune",
           "hy_analysis.sharing")
#: Environment variables whose value a parent fixes at import for every kernel it forks.
FIXED_AT_IMPORT = ("PYTHONPATH", "MPLBACKEND", "TZ", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE",
                   "LC_NUMERIC", "LC_TIME", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                   "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "PYTHONHASHSEED", "MPLCONFIGDIR")
#: The backend ipykernel selects; the parent imports pyplot with it already.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"

log = logging.getLogger(__name__)
#: Socket paths whose parent did not answer, and when (this process only).
_unanswered: dict[str, float] = {}


class WarmParentError(HyAnalysisError, RuntimeError):
    """The warm parent cannot be used safely; the message says why and what to do."""


# ----------------------------------------------------------------------------- safety


def _check_private(folder: Path, *, what: str) -> None:
    """Refuse ``folder`` unless it is a real folder owned by us that nobody else can enter."""
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode):
        raise WarmParentError(f"warm kernels: refusing {what} {folder}: it is a symbolic link "
                              f"(to {os.readlink(folder)}); remove it")
    if not stat.S_ISDIR(info.st_mode):
        raise WarmParentError(f"warm kernels: refusing {what} {folder}: not a folder; remove it")
    if info.st_uid != os.getuid():
        raise WarmParentError(
            f"warm kernels: refusing {what} {folder}: owned by uid {info.st_uid}, not by you "
            f"(uid {os.getuid()}); another user may have created it. Remove it or set "
            "XDG_RUNTIME_DIR")
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise WarmParentError(
            f"warm kernels: refusing {what} {folder}: mode {stat.S_IMODE(info.st_mode):o}, "
            "others can enter it (expected 700); remove it or `chmod 700` it")


def private_dir() -> Path:
    """The folder of our warm parents' sockets, locks and logs, created and checked.

    ``$XDG_RUNTIME_DIR/hy-warm`` when ``XDG_RUNTIME_DIR`` is a private folder of ours, else
    ``<tempdir>/hy-warm-<uid>``.

    Raises
    ------
    WarmParentError
        When the folder (or ``XDG_RUNTIME_DIR``) is a symlink, not ours or open to others.
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        _check_private(Path(runtime), what="XDG_RUNTIME_DIR")
        folder = Path(runtime) / "hy-warm"
    else:
        # Short: a socket path is limited to about 100 bytes.
        folder = Path(tempfile.gettempdir()) / f"hy-warm-{os.getuid()}"
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    _check_private(folder, what="the warm kernels' folder")
    return folder


def open_private(path: Path | str, flags: int) -> int:
    """``os.open`` a file of our private folder: never through a symlink, never inherited."""
    try:
        return os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise WarmParentError(f"warm kernels: refusing {path}: it is a symbolic link; "
                                  "remove it") from None
        raise


def peer_credentials(sock: socket.socket) -> tuple[int, int, int]:
    """``(pid, uid, gid)`` of the process at the other end of the Unix socket ``sock``."""
    raw = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", raw)


def _proc_status(pid: int) -> dict[str, str]:
    with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
        return dict(line.rstrip("\n").split(":\t", 1) for line in status if ":\t" in line)


def verify_child(pid: int, parent: int) -> int:
    """A pidfd for ``pid`` once it is shown to be a child of ``parent`` running as our uid.

    Raises
    ------
    WarmParentError
        When ``pid`` is no such process.
    """
    if not isinstance(pid, int) or pid <= 1:
        raise WarmParentError(f"warm kernels: the parent answered pid {pid!r}")
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        raise WarmParentError(f"warm kernels: the parent's kernel {pid} does not exist") from None
    try:
        status = _proc_status(pid)
        ppid, uid = int(status["PPid"]), int(status["Uid"].split()[0])
    except (OSError, KeyError, ValueError):
        os.close(pidfd)
        raise WarmParentError(f"warm kernels: the parent's kernel {pid} ended") from None
    if ppid != parent or uid != os.getuid():
        os.close(pidfd)
        raise WarmParentError(
            f"warm kernels: refusing pid {pid} from the warm parent {parent}: it is a process "
            f"of uid {uid} whose parent is {ppid}, not a kernel the warm parent forked for you")
    return pidfd


# ----------------------------------------------------------------------------- keys


def kernel_args(cmd: list[str]) -> list[str] | None:
    """The arguments after ``-m ipykernel_launcher`` in ``cmd``, or None for another kernel."""
    if "-m" not in cmd[:-1]:
        return None
    at = cmd.index("-m")
    if cmd[at + 1] not in ("ipykernel_launcher", "ipykernel"):
        return None
    return cmd[at + 2:]


def warm_unavailable(cmd: list[str], env: dict) -> str | None:
    """Why this kernel cannot be forked from a warm parent, or None when it can."""
    if not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX"):
        return "fork is not available on this system"
    if not hasattr(socket, "SO_PEERCRED") or not hasattr(os, "pidfd_open"):
        return "this system cannot check who is on a socket (SO_PEERCRED, pidfd)"
    if env.get(WARM_ENV, os.environ.get(WARM_ENV, "1")) == "0":
        return f"{WARM_ENV}=0"
    if kernel_args(cmd) is None:
        return f"not an ipykernel command: {cmd[:4]}"
    return None


def _package_dir(env: dict) -> Path:
    """The hy_analysis folder a kernel with ``env`` imports (PYTHONPATH first)."""
    for entry in filter(None, env.get("PYTHONPATH", "").split(os.pathsep)):
        candidate = Path(entry) / "hy_analysis"
        if (candidate / "__init__.py").is_file():
            return candidate
    return Path(__file__).resolve().parents[1]


def _versions() -> list[str]:
    from ..manifest import versions  # the libraries a run's cache is keyed on too

    return [f"{name}=={value}" for name, value in sorted(versions().items())]


def _environment_key(cmd: list[str], env: dict) -> str:
    """Which environment a parent serves: the Python, its options, PYTHONPATH and our uid."""
    at = cmd.index("-m")
    digest = hashlib.sha256()
    for part in (*cmd[:at], env.get("PYTHONPATH", ""), str(os.getuid())):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:8]


def fingerprint(cmd: list[str], env: dict) -> str:
    """Key of the warm parent fit for ``cmd`` and ``env``: ``<environment>-<contents>``.

    The environment part is the Python with its options, ``PYTHONPATH`` and our uid; the
    contents part the dependencies' versions, the package's files (names, sizes, modification
    times) and the variables a parent fixes at import (:data:`FIXED_AT_IMPORT`).
    """
    digest = hashlib.sha256()
    for name in FIXED_AT_IMPORT:
        digest.update(f"{name}={env.get(name, '')}\0".encode())
    for line in _versions():
        digest.update(line.encode() + b"\0")
    for path in sorted(_package_dir(env).rglob("*.py")):
        info = path.stat()
        digest.update(f"{path}:{info.st_size}:{info.st_mtime_ns}\0".encode())
    return f"{_environment_key(cmd, env)}-{digest.hexdigest()[:12]}"


# ----------------------------------------------------------------------------- talking


def _connect(path: Path, timeout: float | None = None) -> tuple[socket.socket, int]:
    """A connection to the parent at ``path`` and its pid, once it is shown to be ours.

    ``timeout`` defaults to :data:`ANSWER_S` as it is when called (not when defined).
    """
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_CLOEXEC)
    sock.settimeout(ANSWER_S if timeout is None else timeout)
    try:
        sock.connect(str(path))
        pid, uid, _gid = peer_credentials(sock)
        if uid != os.getuid():
            raise WarmParentError(
                f"warm kernels: refusing the process on {path}: it runs as uid {uid}, not as "
                f"you (uid {os.getuid()})")
    except BaseException:
        sock.close()
        raise
    return sock, pid


def _read_answer(sock: socket.socket) -> dict:
    answer = b""
    while not answer.endswith(b"\n"):
        chunk = sock.recv(MAX_ANSWER)
        if not chunk:
            raise WarmParentError("warm kernels: the parent closed the connection unanswered")
        answer += chunk
        if len(answer) > MAX_ANSWER:
            raise WarmParentError(f"warm kernels: the parent's answer exceeds {MAX_ANSWER} "
                                  "bytes")
    reply = json.loads(answer)
    if not isinstance(reply, dict):
        raise WarmParentError(f"warm kernels: unexpected answer {answer[:80]!r}")
    if "error" in reply:
        raise WarmParentError(f"warm kernels: the parent refused: {reply['error']}")
    return reply


def _ask(path: Path, request: dict, fds: list[int] = ()) -> tuple[dict, int]:
    """Send ``request`` to the parent on ``path``; its answer and the parent's pid.

    A parent that does not answer within :data:`ANSWER_S` is logged and skipped for
    :data:`SKIP_S` seconds (it may be stopped, e.g. by SIGSTOP).
    """
    since = _unanswered.get(str(path))
    if since is not None and time.monotonic() - since < SKIP_S:
        raise WarmParentError(f"warm kernels: the parent on {path} did not answer "
                              f"{time.monotonic() - since:.0f} s ago; skipped")
    sock, parent = _connect(path)
    with sock:
        try:
            payload = json.dumps(request).encode() + b"\n"
            if fds:
                socket.send_fds(sock, [payload], list(fds))
            else:
                sock.sendall(payload)
            return _read_answer(sock), parent
        except TimeoutError:
            _unanswered[str(path)] = time.monotonic()
            log.warning("hy-analysis: the warm parent %d on %s did not answer within %.0f s "
                        "(stopped?); kernels start the ordinary way for %.0f s", parent, path,
                        ANSWER_S, SKIP_S)
            raise WarmParentError(f"warm kernels: the parent {parent} did not answer within "
                                  f"{ANSWER_S:.0f} s") from None


def _listening(path: Path) -> bool:
    try:
        sock, _pid = _connect(path, timeout=ANSWER_S)
    except (FileNotFoundError, ConnectionRefusedError):
        return False
    sock.close()  # an empty connection: the parent takes it as a check that it listens
    return True


def _remove_stale(folder: Path, keep: Path) -> None:
    """Remove sockets nobody listens on, with their locks and logs; retire the parents of
    the same environment as ``keep`` that are not ``keep``'s."""
    environment = keep.name.split("-")[0]
    for sock in folder.glob("*.sock"):
        if sock == keep:
            continue
        try:
            if not stat.S_ISSOCK(os.lstat(sock).st_mode):
                continue
            if _listening(sock):
                if sock.name.split("-")[0] == environment:
                    _ask(sock, {"retire": True})
                    log.info("hy-analysis: retired the warm parent on %s (outdated)", sock)
                continue
        except (OSError, ValueError, WarmParentError):
            continue
        for stale in (sock, sock.with_suffix(".sock.log")):
            stale.unlink(missing_ok=True)
    # Logs and locks of parents gone (retired, idle, killed) that nobody is starting again.
    for leftover in [*folder.glob("*.sock.log"), *folder.glob("*.sock.lock")]:
        sock = leftover.with_suffix("")
        if not sock.exists() and not _starting(Path(f"{sock}.lock")):
            leftover.unlink(missing_ok=True)


def _starting(lock: Path) -> bool:
    """Whether someone holds ``lock`` (is starting that parent now)."""
    try:
        fd = open_private(lock, os.O_WRONLY)
    except (OSError, WarmParentError):
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def _start_parent(cmd: list[str], env: dict, path: Path) -> None:
    """Start a warm parent listening on ``path`` and wait until it accepts requests."""
    lock = open_private(f"{path}.lock", os.O_WRONLY | os.O_CREAT)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one start at a time; another may have won
        if _listening(path):
            return
        path.unlink(missing_ok=True)
        _remove_stale(path.parent, path)
        at = cmd.index("-m")
        server_env = {k: v for k, v in env.items() if not k.startswith("JPY_")}
        server_env.setdefault("MPLBACKEND", INLINE_BACKEND)
        # Absolute, as the key read it (_package_dir): the parent starts in another folder.
        if server_env.get("PYTHONPATH"):
            server_env["PYTHONPATH"] = os.pathsep.join(
                os.path.abspath(entry) for entry in server_env["PYTHONPATH"].split(os.pathsep)
                if entry)
        errors = open_private(f"{path}.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            # The parent detaches (forks once more), so whoever started it never keeps a
            # zombie; it tells us on stdout when it listens. It starts in our private
            # folder: ``-m`` puts its start folder first on sys.path, and a checkout there
            # (the caller's folder) would be imported instead of the package its key names.
            process = subprocess.Popen(
                [*cmd[:at], "-m", "hy_analysis.runner.forkserver", str(path)],
                env=server_env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=errors, start_new_session=True, close_fds=True, cwd=path.parent)
        finally:
            os.close(errors)
        with process:
            ready = _read_ready(process.stdout)
            process.wait(timeout=START_S)
        if not ready:
            raise WarmParentError(f"warm kernels: the parent did not start; see {path}.log")
    finally:
        os.close(lock)


def _read_ready(stream) -> bool:
    import selectors

    deadline = time.monotonic() + START_S
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(timeout=deadline - time.monotonic()):
                return stream.readline(64).strip() == b"ready"
    log.warning("hy-analysis: the warm parent did not listen within %.0f s", START_S)
    return False


def _socket_path(cmd: list[str], env: dict) -> Path:
    return private_dir() / f"{fingerprint(cmd, env)}.sock"


def request_fork(cmd: list[str], env: dict, cwd: str) -> tuple[int, int]:
    """Ask the warm parent for ``cmd`` (starting it if needed).

    Returns
    -------
    (int, int)
        The kernel's pid and a pidfd for it (close it when done).
    """
    path = _socket_path(cmd, env)
    if not _listening(path):
        _start_parent(cmd, env, path)
    request = {"args": kernel_args(cmd), "env": env, "cwd": str(cwd), "client": os.getpid()}
    # Where an ordinary kernel would write: our own stdout and stderr.
    reply, parent = _ask(path, request, fds=[1, 2])
    pid = reply.get("pid")
    return pid, verify_child(pid, parent)


def warm_parent_pid(cmd: list[str], env: dict) -> int | None:
    """The pid of the warm parent that would fork ``cmd`` with ``env``, None when none runs."""
    try:
        path = _socket_path(cmd, env)
        reply, parent = _ask(path, {"ping": True})
    except (OSError, ValueError, WarmParentError):
        return None
    return parent if reply.get("pid") == parent else None


def prepare_warm_parent(kernel: str = "python3", env: dict | None = None) -> int | None:
    """Start the warm parent for kernelspec ``kernel`` now, so the first run need not wait.

    Returns its pid, or None when kernels of this spec cannot be forked (see
    :func:`warm_unavailable`).
    """
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(kernel)
    cmd = list(spec.argv)
    if cmd and cmd[0] in {"python", f"python{sys.version_info[0]}",
                          f"python{sys.version_info[0]}.{sys.version_info[1]}"}:
        cmd[0] = sys.executable  # as jupyter_client does
    env = dict(os.environ if env is None else env)
    if warm_unavailable(cmd, env) is not None:
        return None
    path = _socket_path(cmd, env)
    if not _listening(path):
        _start_parent(cmd, env, path)
    return warm_parent_pid(cmd, env)
