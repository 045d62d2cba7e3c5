"""The warm parent on a machine shared with other users (issue 19): each attack a second
local user could try, refused with a message that says why.

The "other user" is real where the tests can make one: as root a forked child drops to
uid 65534 (``nobody``) with ``os.setuid``; elsewhere those tests skip with the reason and
the folder tests (wrong owner needs root too; wrong mode, symlinks) still run.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from hy_analysis.runner import forkserver, warm

pytestmark = pytest.mark.skipif(not hasattr(socket, "SO_PEERCRED"),
                                reason="the warm parent needs SO_PEERCRED (Linux)")
OTHER_UID = 65534
as_root = pytest.mark.skipif(os.geteuid() != 0,
                             reason="playing another uid needs root (os.setuid)")


@pytest.fixture
def tmp(monkeypatch):
    """A shared temporary folder of its own (mode 1777, like /tmp, reachable by the other
    uid): the warm folder is created in it."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="hy-shared-"))
    os.chmod(folder, 0o1777)
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def shared_tmp(tmp):
    """``tmp``, which the other uid must reach: a folder inside one only we may enter (a
    ``TMPDIR`` under ``mktemp -d``) makes the attack impossible to play, not refused."""
    closed = [p for p in tmp.parents if not p.stat().st_mode & stat.S_IXOTH]
    if closed:
        pytest.skip(f"uid {OTHER_UID} cannot reach {tmp}: {closed[-1]} is mode "
                    f"{stat.S_IMODE(closed[-1].stat().st_mode):o}; run with a TMPDIR other "
                    "users can traverse (such as /tmp) to play the other user")
    return tmp


def _as_other_user(work) -> int:
    """Run ``work()`` in a forked child as uid 65534; its exit status (0: ``work`` returned)."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.setgid(OTHER_UID)
            os.setuid(OTHER_UID)
            work()
            code = 0
        except BaseException:  # noqa: BLE001 - reported through the exit status
            import traceback

            traceback.print_exc()
        finally:
            os._exit(code)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


# ----------------------------------------------------------------------------- the folder


@as_root
def test_a_folder_another_user_created_first_is_refused(shared_tmp):
    folder = shared_tmp / f"hy-warm-{os.getuid()}"

    def squat():
        os.mkdir(folder, 0o777)
        os.chmod(folder, 0o777)

    assert _as_other_user(squat) == 0
    with pytest.raises(warm.WarmParentError,
                       match=rf"owned by uid {OTHER_UID}, not by you .*another user"):
        warm.private_dir()


def test_a_folder_others_can_enter_is_refused(tmp):
    folder = tmp / f"hy-warm-{os.getuid()}"
    folder.mkdir()
    os.chmod(folder, 0o777)
    with pytest.raises(warm.WarmParentError, match=r"mode 777, others can enter it"):
        warm.private_dir()


def test_a_symlinked_folder_is_refused(tmp):
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (tmp / f"hy-warm-{os.getuid()}").symlink_to(elsewhere)
    with pytest.raises(warm.WarmParentError, match="is a symbolic link"):
        warm.private_dir()


def test_xdg_runtime_dir_is_used_only_when_private(tmp, monkeypatch):
    runtime = tmp / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert warm.private_dir() == runtime / "hy-warm"
    assert stat.S_IMODE(os.lstat(runtime / "hy-warm").st_mode) == 0o700
    os.chmod(runtime, 0o755)
    with pytest.raises(warm.WarmParentError, match="refusing XDG_RUNTIME_DIR"):
        warm.private_dir()


@pytest.mark.parametrize("planted", ["lock", "log"])
def test_a_symlinked_lock_or_log_is_refused_and_its_target_untouched(planted, tmp):
    victim = tmp / "thesis.txt"
    victim.write_text("two years of work")
    folder = warm.private_dir()
    sock = folder / "0000-abc.sock"
    if planted == "log":
        warm.open_private(f"{sock}.lock", os.O_WRONLY | os.O_CREAT)
    Path(f"{sock}.{planted}").symlink_to(victim)
    with pytest.raises(warm.WarmParentError, match=rf"refusing .*\.{planted}: it is a symbolic"):
        warm._start_parent(["/bin/false", "-m", "ipykernel_launcher"], {}, sock)
    assert victim.read_text() == "two years of work"


# ----------------------------------------------------------------------------- the socket


@as_root
def test_a_parent_run_by_another_user_is_refused(shared_tmp):
    """Someone else listening where we expect our parent gets neither our environment nor
    our terminal: the client refuses to talk to it."""
    path = shared_tmp / "fake.sock"
    ready_r, ready_w = os.pipe()

    def stand_in():
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(path))
        listener.listen(1)
        os.write(ready_w, b"1")
        conn, _ = listener.accept()
        conn.settimeout(10)
        got = conn.recv(1 << 16)
        assert not got, f"the victim sent {got[:60]!r}"

    pid = os.fork()
    if pid == 0:
        os.close(ready_r)
        code = 1
        try:
            os.setgid(OTHER_UID)
            os.setuid(OTHER_UID)
            stand_in()
            code = 0
        finally:
            os._exit(code)
    os.close(ready_w)
    assert os.read(ready_r, 1) == b"1"
    with pytest.raises(warm.WarmParentError, match=rf"runs as uid {OTHER_UID}, not as you"):
        warm._ask(path, {"args": [], "env": {"SECRET": "x"}, "cwd": "/"}, fds=[1, 2])
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0, "the stand-in got data"


@as_root
def test_the_parent_refuses_a_client_of_another_user(shared_tmp):
    """A permissive folder or umask must not let another user ask our parent for a kernel
    (code run as us): the parent checks the client's uid."""
    path = shared_tmp / "parent.sock"
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    os.chmod(path, 0o777)
    listener.listen(1)
    answer_r, answer_w = os.pipe()

    def intruder():
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(30)
            sock.connect(str(path))
            try:  # the parent may already have answered and closed
                sock.sendall(b'{"ping": true}\n')
            except BrokenPipeError:
                pass
            os.write(answer_w, sock.recv(4096))

    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.setgid(OTHER_UID)
            os.setuid(OTHER_UID)
            intruder()
            code = 0
        finally:
            os._exit(code)
    os.close(answer_w)
    listener.settimeout(30)
    conn, _ = listener.accept()
    with conn:
        assert forkserver._serve(conn, listener) is None
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
    answer = json.loads(os.read(answer_r, 4096))
    assert answer == {"error": f"uid {OTHER_UID} is not this warm parent's user "
                               f"(uid {os.getuid()})"}
    listener.close()


def _fake_parent(path, answer: bytes | None):
    """A same-user stand-in parent on ``path`` answering ``answer`` (None: never answers)."""
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    listener.listen(4)
    held = []

    def serve():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            held.append(conn)
            if answer is not None:
                conn.recv(1 << 16)
                conn.sendall(answer)

    threading.Thread(target=serve, daemon=True).start()
    return listener, held


def test_a_pid_that_is_not_the_parents_kernel_is_refused(tmp):
    """A parent answering another process's pid would make the runner signal (killpg) a
    process of its choosing: the pid must be a child of the parent running as us."""
    path = tmp / "liar.sock"
    stranger = os.getppid()  # running, ours, but no child of the "parent"
    listener, _ = _fake_parent(path, json.dumps({"pid": stranger}).encode() + b"\n")
    try:
        reply, parent = warm._ask(path, {"args": []}, fds=[1, 2])
        with pytest.raises(warm.WarmParentError,
                           match=rf"refusing pid {stranger} .*not a kernel the warm parent "
                                 "forked for you"):
            warm.verify_child(reply["pid"], parent)
        with pytest.raises(warm.WarmParentError, match="answered pid 1"):
            warm.verify_child(1, parent)
    finally:
        listener.close()


def test_an_answer_without_end_is_read_no_further_than_its_limit(tmp):
    path = tmp / "flood.sock"
    listener, _ = _fake_parent(path, b"x" * (warm.MAX_ANSWER * 4))
    try:
        with pytest.raises(warm.WarmParentError, match="answer exceeds 4096 bytes"):
            warm._ask(path, {"ping": True})
    finally:
        listener.close()


def test_a_request_without_end_is_refused_by_the_parent():
    left, right = socket.socketpair()
    with left, right:
        def flood():
            try:
                left.sendall(b"x" * (forkserver.MAX_REQUEST + 10))
            except OSError:
                pass

        sender = threading.Thread(target=flood, daemon=True)
        sender.start()
        assert forkserver._serve(right, right) is None
        left.settimeout(10)
        answer = left.recv(4096)
    assert b"larger than" in answer


def test_a_stopped_parent_is_logged_and_bypassed_not_waited_for(tmp, monkeypatch, caplog):
    """A parent stopped with SIGSTOP accepts connections but never answers."""
    monkeypatch.setattr(warm, "ANSWER_S", 0.5)
    monkeypatch.setattr(warm, "_unanswered", {})
    path = tmp / "stopped.sock"
    listener, _ = _fake_parent(path, None)
    try:
        with caplog.at_level(logging.WARNING, logger=warm.__name__):
            with pytest.raises(warm.WarmParentError, match="did not answer within"):
                warm._ask(path, {"ping": True})
            with pytest.raises(warm.WarmParentError, match="did not answer .* ago; skipped"):
                warm._ask(path, {"ping": True})
    finally:
        listener.close()
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and "(stopped?)" in lines[0], lines


# ----------------------------------------------------------------------------- the key


@pytest.mark.parametrize("name, value", [("TZ", "Asia/Ho_Chi_Minh"), ("LANG", "vi_VN.UTF-8"),
                                         ("OMP_NUM_THREADS", "2"),
                                         ("OPENBLAS_NUM_THREADS", "1")])
def test_the_fingerprint_follows_what_a_parent_fixes_at_import(name, value):
    cmd = ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "c.json"]
    before = warm.fingerprint(cmd, {})
    after = warm.fingerprint(cmd, {name: value})
    assert after != before
    assert after.split("-")[0] == before.split("-")[0], "same environment: one retires the other"


def test_the_fingerprint_follows_dependency_versions(monkeypatch):
    cmd = ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "c.json"]
    before = warm.fingerprint(cmd, {})
    real = warm._versions()
    monkeypatch.setattr(warm, "_versions",
                        lambda: [v if not v.startswith("pandas==") else "pandas==99.0"
                                 for v in real])
    assert warm.fingerprint(cmd, {}) != before

