"""Warm kernels (issue 13): forked from a parent that has done the heavy imports.

Each test starts real kernels through :class:`hy_analysis.runner.provisioner.IPCProvisioner`. They check
that every kernel is a process of its own with a clean namespace, that a warm parent that
died is replaced, and that kernels still start the ordinary way where the fast path is
unavailable.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import time
from pathlib import Path

import pytest

from hy_analysis.runner import provisioner as provisioning
from hy_analysis.runner import warm
from hy_analysis.paths import PROJECT_DIR

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="warm kernels need fork()")

PROBE = ("import json, os, sys\n"
         "print(json.dumps({'pid': os.getpid(), 'ppid': os.getppid(),"
         " 'user_names': sorted(k for k in globals() if not k.startswith('_')"
         " and k not in {'In', 'Out', 'exit', 'quit', 'get_ipython', 'open', 'json', 'os', 'sys'}),"
         " 'pandas_loaded': 'pandas' in sys.modules,"
         " 'marker': getattr(sys.modules.get('hy_analysis'), 'run_marker', None),"
         " 'backend': __import__('matplotlib').get_backend(),"
         " 'font': list(__import__('matplotlib').rcParams['font.family']),"
         " 'cwd': os.getcwd(), 'path0': sys.path[0], 'data_dir': os.environ.get('HY_DATA_DIR')}))")


@pytest.fixture
def provisioner(monkeypatch):
    """Kernels of this process start through IPCProvisioner, with this checkout's package."""
    from jupyter_client.provisioning.factory import KernelProvisionerFactory

    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        filter(None, [str(PROJECT_DIR), os.environ.get("PYTHONPATH")])))
    monkeypatch.delenv(warm.WARM_ENV, raising=False)
    monkeypatch.delenv("MPLBACKEND", raising=False)
    factory = KernelProvisionerFactory.instance()
    previous = factory.default_provisioner_name
    provisioning.register_provisioner()
    yield
    factory.default_provisioner_name = previous


def _start(**kw):
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3")
    km.start_kernel(**kw)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc


def _stop(km, kc) -> None:
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def _run(kc, code: str) -> str:
    out = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            out.append("\n".join(msg["content"]["traceback"]))

    reply = kc.execute_interactive(code, output_hook=hook, timeout=60)
    assert reply["content"]["status"] == "ok", "".join(out)
    return "".join(out)


def _gone(pid: int, timeout: float) -> bool:
    """Whether process ``pid`` ends within ``timeout`` seconds (a pidfd: no pid reuse)."""
    import select

    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([pidfd], [], [], timeout)[0])
    finally:
        os.close(pidfd)


def _probe(kc) -> dict:
    return json.loads(_run(kc, PROBE).strip().splitlines()[-1])


def test_forked_kernels_share_no_state_between_runs(provisioner, tmp_path):
    km, kc = _start(cwd=str(tmp_path))
    try:
        first = _probe(kc)
        # Leave traces a later kernel must not see: a global, module state, a figure.
        _run(kc, "x = 41\nimport hy_analysis, matplotlib.pyplot as plt\n"
                 "hy_analysis.run_marker = 'first'\nplt.figure()\n"
                 "import matplotlib; matplotlib.rcParams['font.family'] = ['monospace']")
    finally:
        _stop(km, kc)
    km, kc = _start(cwd=str(tmp_path))
    try:
        second = _probe(kc)
    finally:
        _stop(km, kc)
    assert first["ppid"] != os.getpid(), "the kernel was not forked from a warm parent"
    assert second["ppid"] == first["ppid"], "both kernels come from the same warm parent"
    assert second["pid"] != first["pid"]
    assert first["pandas_loaded"], "the warm parent's imports are not in the kernel"
    assert second["user_names"] == [] and second["marker"] is None
    assert second["font"] == first["font"] != ["monospace"]
    assert first["backend"] == warm.INLINE_BACKEND
    assert os.path.samefile(second["cwd"], tmp_path)
    assert os.path.samefile(second["path0"], tmp_path), "local modules import as usual"



def test_a_forked_kernel_finds_what_a_run_for_sharing_needs_loaded(provisioner):
    """The warm parent preloads what precomputing a panel's states imports (SVG charts,
    Markdown, the sharing modules) and Babel's data for the reports' languages."""
    km, kc = _start()
    try:
        seen = json.loads(_run(kc, (
            "import json, sys, babel.localedata as data\n"
            "print(json.dumps({'ppid': __import__('os').getppid(), 'modules': [m for m in "
            "('matplotlib.backends.backend_svg', 'mistune', 'hy_analysis.sharing') "
            "if m in sys.modules], 'locales': sorted(getattr(data, '_cache', {}))}))"
        )).strip().splitlines()[-1])
    finally:
        _stop(km, kc)
    assert seen["ppid"] != os.getpid(), "the kernel was not forked from a warm parent"
    assert seen["modules"] == ["matplotlib.backends.backend_svg", "mistune",
                               "hy_analysis.sharing"]
    assert {"vi", "en"} <= set(seen["locales"]), seen["locales"]


def test_a_warm_parent_imports_its_package_not_one_in_the_callers_folder(provisioner,
                                                                         monkeypatch,
                                                                         tmp_path):
    """``python -m`` puts the start folder first on sys.path: a parent started from a folder
    holding another ``hy_analysis`` (another checkout) must still import the package its key
    names, as an ordinary kernel would."""
    impostor = tmp_path / "hy_analysis"
    impostor.mkdir()
    (impostor / "__init__.py").write_text("run_marker = 'impostor'\n")
    # A parent of its own (another key), started from that folder.
    monkeypatch.setenv("PYTHONPATH", os.environ["PYTHONPATH"] + os.pathsep + "/nonexistent-cwd")
    monkeypatch.chdir(tmp_path)
    km, kc = _start(cwd=str(PROJECT_DIR / "notebooks"))
    try:
        seen = _probe(kc)
    finally:
        _stop(km, kc)
    try:
        assert seen["ppid"] != os.getpid(), "the kernel was not forked from a warm parent"
        assert seen["marker"] is None and seen["pandas_loaded"]
    finally:
        os.kill(seen["ppid"], signal.SIGTERM)  # this test's own parent, not left idling


def test_a_relative_pythonpath_names_the_same_package_for_the_warm_parent(provisioner,
                                                                          monkeypatch,
                                                                          tmp_path):
    """The parent starts in its private folder: a relative ``PYTHONPATH`` entry still names
    the folder it names for the caller and the parent's key (here a copy of the package)."""
    import shutil

    shutil.copytree(PROJECT_DIR / "hy_analysis", tmp_path / "copy" / "hy_analysis",
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", "copy")
    km, kc = _start(cwd=str(PROJECT_DIR / "notebooks"))
    try:
        seen = json.loads(_run(kc, (
            "import json, os, sys, hy_analysis, hy_analysis.review\n"
            "print(json.dumps({'ppid': os.getppid(), 'pandas': 'pandas' in sys.modules, "
            "'file': hy_analysis.__file__, 'review': hy_analysis.review.__file__}))"
        )).strip().splitlines()[-1])
    finally:
        _stop(km, kc)
    try:
        assert seen["ppid"] != os.getpid(), "the kernel was not forked from a warm parent"
        assert seen["pandas"], "the warm parent's imports are not in the kernel"
        for name in ("file", "review"):  # and a module the parent had not imported
            assert Path(seen[name]).is_absolute()
            assert Path(seen[name]).resolve().is_relative_to(tmp_path.resolve() / "copy"), seen
    finally:
        os.kill(seen["ppid"], signal.SIGTERM)  # this test's own parent, not left idling


def test_kernels_alive_together_are_separate_processes(provisioner):
    a = _start(env={**os.environ, "HY_DATA_DIR": "/data/a"})
    b = _start(env={**os.environ, "HY_DATA_DIR": "/data/b"})
    try:
        _run(a[1], "y = 'only in a'")
        seen_a, seen_b = _probe(a[1]), _probe(b[1])
    finally:
        _stop(*a)
        _stop(*b)
    assert seen_a["pid"] != seen_b["pid"]
    assert seen_a["user_names"] == ["y"] and seen_b["user_names"] == []
    assert (seen_a["data_dir"], seen_b["data_dir"]) == ("/data/a", "/data/b")


def test_a_crashed_warm_parent_is_replaced(provisioner):
    km, kc = _start()
    try:
        parent = _probe(kc)["ppid"]
    finally:
        _stop(km, kc)
    os.kill(parent, signal.SIGKILL)
    assert _gone(parent, 10)
    km, kc = _start()
    try:
        seen = _probe(kc)
    finally:
        _stop(km, kc)
    assert seen["ppid"] not in (parent, os.getpid()), "no new warm parent forked the kernel"
    assert seen["pandas_loaded"]


@pytest.mark.parametrize("how", ["no fork", "switched off"])
def test_kernels_start_the_ordinary_way_without_the_fast_path(how, provisioner, monkeypatch,
                                                             caplog):
    if how == "no fork":
        monkeypatch.delattr(os, "fork")
    else:
        monkeypatch.setenv(warm.WARM_ENV, "0")
    with caplog.at_level(logging.INFO, logger=provisioning.__name__):
        km, kc = _start()
        try:
            seen = _probe(kc)
            _run(kc, "import pandas; print(pandas.DataFrame({'a': [1, 2]}).a.sum())")
        finally:
            _stop(km, kc)
    assert seen["ppid"] == os.getpid(), "an ordinary kernel is our own child"
    lines = [r.getMessage() for r in caplog.records if "ordinary kernel start" in r.getMessage()]
    assert len(lines) == 1, lines


def test_a_kernel_that_is_not_ipykernel_is_not_forked():
    assert warm.kernel_args(["R", "--slave", "-f", "c.json"]) is None
    assert warm.kernel_args(["/py", "-Xfrozen_modules=off", "-m", "ipykernel_launcher",
                                 "-f", "c.json"]) == ["-f", "c.json"]
    assert "not an ipykernel" in warm.warm_unavailable(["R", "-f", "c.json"], {})


def test_an_edited_package_gets_a_new_warm_parent(tmp_path):
    package = tmp_path / "hy_analysis"
    package.mkdir()
    (package / "__init__.py").write_text("")
    cmd = ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "c.json"]
    env = {"PYTHONPATH": str(tmp_path)}
    before = warm.fingerprint(cmd, env)
    (package / "views.py").write_text("X = 1\n")
    assert warm.fingerprint(cmd, env) != before
    assert warm.fingerprint(cmd, {"PYTHONPATH": str(tmp_path / "elsewhere")}) != before


@pytest.mark.notebook
@pytest.mark.parametrize("mode", ["1", "0"])
def test_runner_runs_a_notebook_with_and_without_warm_kernels(mode, tmp_path, monkeypatch):
    """With warm kernels the run's kernel is forked (pandas is there before any cell imports
    it); without, it is an ordinary kernel that has not imported pandas."""
    import nbformat

    from hy_analysis.runner import run

    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        filter(None, [str(PROJECT_DIR), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv(warm.WARM_ENV, mode)
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("label = 'forked'", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import json, sys\n"
                                  "print(json.dumps({'preloaded': 'pandas' in sys.modules}))")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    source = tmp_path / "probe.ipynb"
    nbformat.write(notebook, source)
    summary = run([str(source)], output_dir=str(tmp_path / "out"), force=True, workers=1)
    assert summary.exit_code == 0, summary.format()
    [executed] = (tmp_path / "out").glob("probe/*/probe.ipynb")
    [cell] = [c for c in nbformat.read(executed, as_version=4).cells if "preloaded" in c.source]
    text = cell.outputs[0]["text"]
    assert json.loads(text) == {"preloaded": mode == "1"}, text


def test_an_idle_warm_parent_exits(provisioner, monkeypatch):
    # Long enough that a loaded machine cannot end the parent between start and request.
    monkeypatch.setenv("HY_WARM_IDLE_S", "10")
    # A PYTHONPATH of its own: a warm parent of its own, started with the short idle time.
    monkeypatch.setenv("PYTHONPATH", os.environ["PYTHONPATH"] + os.pathsep + "/nonexistent-idle")
    started = warm.prepare_warm_parent("python3")  # as each runner worker does: it pings
    km, kc = _start()
    try:
        parent = _probe(kc)["ppid"]
    finally:
        _stop(km, kc)
    assert started == parent
    assert _gone(parent, 60), "the warm parent stayed after its kernel ended"


def _status(pid: int) -> dict:
    with open(f"/proc/{pid}/status") as status:
        return dict(line.rstrip("\n").split(":\t", 1) for line in status if ":\t" in line)


def _until(check, timeout: float):
    """``check()`` once it is true, else its last value after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not (value := check()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return value


def test_a_new_parent_retires_the_old_and_nothing_is_left_behind(provisioner, monkeypatch):
    """Lifecycle (issue 19): kernels show as kernels; the parent is nobody's zombie and
    reaps its kernels; it keeps no descriptor of an ended kernel; a parent for a changed
    environment (here the time zone) retires the old one; stale files are removed."""
    monkeypatch.setenv("PYTHONPATH", os.environ["PYTHONPATH"] + os.pathsep + "/nonexistent-retire")
    folder = warm.private_dir()
    stale = folder / "deadbeef-000000000000.sock"
    import socket as _socket

    with _socket.socket(_socket.AF_UNIX) as dead:  # a parent that died without cleaning up
        dead.bind(str(stale))
    for suffix in (".lock", ".log"):
        warm.open_private(f"{stale}{suffix}", os.O_WRONLY | os.O_CREAT)

    km, kc = _start()
    try:
        seen = _probe(kc)
        with open(f"/proc/{seen['pid']}/cmdline", "rb") as cmdline:
            shown = cmdline.read().split(b"\0")
        parent = seen["ppid"]
        fds_with_kernel = len(os.listdir(f"/proc/{parent}/fd"))
    finally:
        _stop(km, kc)
    assert shown[0].startswith(b"ipykernel_launcher -f "), shown[:3]
    assert int(_status(parent)["PPid"]) != os.getpid(), "the starter would keep a zombie"
    assert not stale.exists() and not Path(f"{stale}.lock").exists()
    assert not Path(f"{stale}.log").exists()
    # Reaped, not a zombie, and its pidfd closed.
    assert _until(lambda: not os.path.exists(f"/proc/{seen['pid']}"), 30), (
        f"kernel {seen['pid']} is left as {_status(seen['pid']).get('State')}")
    assert _until(lambda: len(os.listdir(f"/proc/{parent}/fd")) < fds_with_kernel, 30)

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    km, kc = _start()
    try:
        newer = _probe(kc)["ppid"]
    finally:
        _stop(km, kc)
    assert newer != parent
    assert _gone(parent, 60), "the outdated parent was not retired"
    files = sorted(p.name for p in folder.iterdir() if p.name.startswith(_env_key()))
    assert len(files) == 3 and len({f.split(".")[0] for f in files}) == 1, (
        f"one parent's socket, lock and log expected: {files}")


def _env_key() -> str:
    from jupyter_client.kernelspec import KernelSpecManager

    import sys

    cmd = list(KernelSpecManager().get_kernel_spec("python3").argv)
    if cmd[0] == "python":
        cmd[0] = sys.executable
    return warm._environment_key(cmd, dict(os.environ))
