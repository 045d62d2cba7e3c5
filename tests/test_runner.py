"""Executing runs: parallel kernels, outputs, caching, failures, timeouts, interrupts, escaping.

These tests start real kernels on tiny fixture notebooks (tests/fixtures/notebooks).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hy_analysis import runner
from hy_analysis.manifest import params_slug, sha256_file, slugify
from hy_analysis.paths import PROJECT_DIR
from hy_analysis.rendering import render_index, strip_remote_resources

pytestmark = pytest.mark.notebook

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
SCRIPT = Path(sys.executable).with_name("hy-analysis")
REMOTE = re.compile(r"<(script|link)\b[^>]*\b(src|href)\s*=\s*[\"']?(https?:)?//"
                    r"|\bimport\s*\(\s*[\"'](https?:)?//", re.I)


@pytest.fixture
def env(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", data)
    (data / "note.txt").write_text("<script>alert('owned')</script> & Hưng Yên",
                                   encoding="utf-8")
    environ = dict(os.environ, HY_DATA_DIR=str(data), HY_OUTPUTS_DIR=str(tmp_path / "out"),
                   HY_NOTEBOOKS_DIR=str(tmp_path / "notebooks"))
    environ.pop("HY_TEST_SLEEP", None)
    return tmp_path, environ


def hy(environ, *args, **kwargs):
    return subprocess.run([str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          env=environ, timeout=600, **kwargs)


def _foreground_signals():
    """Give the command the Ctrl-C a terminal user has, even when pytest itself runs as a
    background job (which starts with SIGINT ignored, and children inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def fixture(name):
    return FIXTURES / f"{name}.ipynb"


def assert_up_to_date(result, label, before):
    """``label`` was skipped, unless the package source changed meanwhile.

    Colleagues edit the package while tests run, and an edited package rightly reruns
    everything; a rerun with the package unchanged is a failure.
    """
    if f"[up to date] {label}" in result.stdout:
        return
    after = read_manifest_of(result, label)
    assert after["inputs"]["package_sha256"] != before["inputs"]["package_sha256"], (
        f"{label} ran again although nothing changed:\n{result.stdout}")


def read_manifest_of(result, label):
    index = re.search(r"index: (.*)index.html", result.stdout).group(1)
    return json.loads((Path(index) / label / "manifest.json").read_text(encoding="utf-8"))


def manifests(out):
    return {p.parent.relative_to(out).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in Path(out).glob("*/*/manifest.json")}


# ---------------------------------------------------------------- outputs


def test_a_run_leaves_notebook_html_manifest_and_index(env):
    tmp, environ = env
    result = hy(environ, "run", fixture("ok"), "-p", "label", "Bắc Giang", "-p", "items",
                "x,y", "-p", "flag", "no")
    assert result.returncode == 0, result.stderr
    (rel, m), = manifests(tmp / "out").items()
    assert rel.startswith("ok/label-bac-giang__flag-false__items-x-y__")
    run_dir = tmp / "out" / rel
    assert {p.name for p in run_dir.iterdir()} == {"ok.ipynb", "ok.html", "manifest.json"}
    assert m["status"] == "ok" and m["parameters"]["items"] == ["x", "y"]
    assert m["parameters"]["flag"] is False
    assert m["inputs"]["notebook_sha256"] and m["inputs"]["package_sha256"]
    assert "targets.csv" in m["inputs"]["data_sha256"]
    assert {"python", "pandas", "seaborn", "papermill"} <= set(m["versions"])
    # Shared with the HTML: no absolute local path (the author's folders) in either.
    for text in ((run_dir / "manifest.json").read_text(encoding="utf-8"),
                 (run_dir / "ok.html").read_text(encoding="utf-8")):
        for local in (str(PROJECT_DIR), str(tmp)):
            assert local not in text, f"{local} is exposed"
    assert m["notebook_path"] == "tests/fixtures/notebooks/ok.ipynb"
    code_cells = [c for c in m["cells"] if c["cell_type"] == "code"]
    assert code_cells and all(c["duration_s"] is not None for c in code_cells)
    assert m["duration_s"] > 0 and m["started"] < m["finished"]
    executed = json.loads((run_dir / "ok.ipynb").read_text(encoding="utf-8"))
    assert '"label": "B\\u1eafc Giang"' in "".join(executed["cells"][3]["outputs"][0]["text"])
    index = (tmp / "out" / "index.html").read_text(encoding="utf-8")
    assert f'href="{rel}/ok.html"' in index and f'href="{rel}/ok.ipynb"' in index


def test_html_is_self_contained_report_mode_hides_code(env):
    tmp, environ = env
    assert hy(environ, "run", fixture("ok"), fixture("widget")).returncode == 0
    page = (tmp / "out/ok/defaults/ok.html").read_text(encoding="utf-8")
    assert not REMOTE.search(page)
    assert "data:image/png;base64," in page
    assert "display(Image" not in page  # code hidden
    assert "injected-parameters" not in page and "# Parameters" not in page
    widget = (tmp / "out/widget/defaults/widget.html").read_text(encoding="utf-8")
    assert not REMOTE.search(widget)
    assert "widget-view+json" not in widget and "static value: 5" in widget
    assert hy(environ, "run", fixture("ok"), "--with-code", "-p", "n", "9").returncode == 0
    (coded,) = (tmp / "out/ok").glob("n-9*/ok.html")
    text = coded.read_text(encoding="utf-8")
    assert "display" in text and "Image" in text and not REMOTE.search(text)
    assert "# Parameters" not in text  # the injected cell's raw source never shows


def test_strip_remote_resources_keeps_inline_scripts():
    page = ('<script src="https://cdn.example/require.js"></script>'
            "<script type=\"module\">window.dt = 1; const u = 'https://x';</script>"
            '<link rel="stylesheet" href="http://cdn.example/a.css">'
            '<a href="https://example.org">source</a>')
    out = strip_remote_resources(page)
    assert "cdn.example" not in out
    assert "window.dt = 1" in out and 'href="https://example.org"' in out


# ---------------------------------------------------------------- parallel runs


def test_eight_runs_start_together_without_port_collisions(env):
    tmp, environ = env
    result = hy(environ, "run", fixture("ok"), "--grid", "n=1,2,3,4,5,6,7,8",
                "--workers", "8")
    assert result.returncode == 0, result.stdout + result.stderr
    found = manifests(tmp / "out")
    assert len(found) == 8
    assert all(m["status"] == "ok" for m in found.values())
    assert sorted(m["parameters"]["n"] for m in found.values()) == list(range(1, 9))
    assert "Address already in use" not in result.stderr


def test_the_api_takes_any_executor(env, tmp_path):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _, environ = env
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        summary = runner.run([fixture("ok")], grid=["n=1,2"], executor=pool,
                             output_dir=tmp_path / "api", data_dir=environ["HY_DATA_DIR"],
                             stream=open(os.devnull, "w"))
    assert [r.status for r in summary.results] == ["ok", "ok"]
    assert summary.exit_code == 0 and summary.index.is_file()


# ---------------------------------------------------------------- incremental


def test_up_to_date_runs_are_skipped_and_a_data_change_reruns(env):
    tmp, environ = env
    assert hy(environ, "run", fixture("ok")).returncode == 0
    before = manifests(tmp / "out")["ok/defaults"]
    again = hy(environ, "run", fixture("ok"))
    assert again.returncode == 0
    assert_up_to_date(again, "ok/defaults", before)
    first = manifests(tmp / "out")["ok/defaults"]["finished"]
    forced = hy(environ, "run", fixture("ok"), "--force")
    assert "up to date" not in forced.stdout
    second = manifests(tmp / "out")["ok/defaults"]["finished"]
    assert second != first
    with open(Path(environ["HY_DATA_DIR"]) / "regions.csv", "a", encoding="utf-8") as f:
        f.write("\n")
    changed = hy(environ, "run", fixture("ok"))
    assert "up to date" not in changed.stdout
    assert manifests(tmp / "out")["ok/defaults"]["finished"] != second


def test_no_op_rerun_of_known_notebooks_imports_no_heavy_library(env):
    """Named like the real notebooks, the fixtures take params.py's definitions."""
    tmp, environ = env
    notebooks = tmp / "notebooks"
    notebooks.mkdir()
    for name in ("fdi_by_country", "overview"):
        shutil.copy(fixture("ok"), notebooks / f"{name}.ipynb")
    assert hy(environ, "run", "fdi_by_country", "overview").returncode == 0
    code = ("import sys; from hy_analysis import cli; rc = cli.main(['run']); "
            "print(sorted(m for m in ('papermill', 'nbconvert', 'pandas', 'nbformat') "
            "if m in sys.modules)); sys.exit(rc)")
    from hy_analysis.params import TOOL_NOTEBOOKS, notebook_names

    report = [n for n in notebook_names() if n not in TOOL_NOTEBOOKS]  # what `run` runs
    for name in report:
        shutil.copy(fixture("ok"), notebooks / f"{name}.ipynb")
    assert hy(environ, "run").returncode == 0
    for _attempt in range(2):  # a colleague's edit of the package rightly reruns everything
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                env=environ, timeout=300)
        assert result.returncode == 0, result.stderr
        if result.stdout.count("[up to date]") == len(report):
            break
    assert result.stdout.count("[up to date]") == len(report)
    assert result.stdout.strip().endswith("[]")


# ---------------------------------------------------------------- failures


def test_a_failing_notebook_keeps_partial_outputs_and_others_finish(env):
    tmp, environ = env
    result = hy(environ, "run", fixture("failing"), fixture("ok"))
    assert result.returncode == 1
    assert "FAILED failing/defaults" in result.stdout
    assert "ValueError: deliberate failure" in result.stdout and "cell 4" in result.stdout
    found = manifests(tmp / "out")
    assert found["ok/defaults"]["status"] == "ok"
    failed = found["failing/defaults"]
    assert failed["status"] == "failed" and failed["error"]["ename"] == "ValueError"
    run_dir = tmp / "out/failing/defaults"
    executed = json.loads((run_dir / "failing.ipynb").read_text(encoding="utf-8"))
    assert any(o.get("output_type") == "error" for c in executed["cells"]
               for o in c.get("outputs", []))
    page = (run_dir / "failing.html").read_text(encoding="utf-8")
    assert 'celltag_hy-failed-cell' in page and "raise" in page  # failing cell shown
    assert "never reached" not in page  # neither the later cell's source nor its output
    index = (tmp / "out/index.html").read_text(encoding="utf-8")
    assert "failed" in index and "deliberate failure" in index
    # a failed run is never up to date
    assert "up to date" not in hy(environ, "run", fixture("failing")).stdout


def test_a_cell_over_the_timeout_is_stopped_and_reported(env):
    tmp, environ = env
    result = hy(environ, "run", fixture("slow"), "-p", "seconds", "120", "--timeout", "3")
    assert result.returncode == 1
    (m,) = manifests(tmp / "out").values()
    assert m["status"] == "timeout"
    assert m["error"]["ename"] == "CellTimeoutError"
    assert m["duration_s"] < 100  # stopped, not waited for
    assert "timeout" in result.stdout


# ---------------------------------------------------------------- interruption


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL, signal.SIGHUP])
def test_killing_a_run_leaves_previous_outputs_intact(env, sig):
    tmp, environ = env
    assert hy(environ, "run", fixture("slow")).returncode == 0
    run_dir = tmp / "out/slow/defaults"
    before = {p.name: p.read_bytes() for p in run_dir.iterdir()}
    slow_env = dict(environ, HY_TEST_SLEEP="300")
    proc = subprocess.Popen([str(SCRIPT), "run", fixture("slow"), "--force"], env=slow_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, preexec_fn=_foreground_signals)
    try:
        deadline = time.monotonic() + 120
        while not list((tmp / "out/slow").glob(".tmp-*/.progress")):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
        os.killpg(proc.pid, sig)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert {p.name: p.read_bytes() for p in run_dir.iterdir()} == before
    visible = [p.name for p in (tmp / "out/slow").iterdir() if not p.name.startswith(".")]
    assert visible == ["defaults"]
    if sig != signal.SIGKILL:  # SIGHUP: the terminal was closed; cleaned up like Ctrl-C
        assert proc.returncode == 130, proc.stderr.read()
        # The worker removes its folder as it stops.
        assert _until(lambda: not list((tmp / "out/slow").glob(".tmp-*")), 30)
    # the next command clears what a SIGKILL left behind and still sees the old run
    again = hy(environ, "run", fixture("slow"))
    assert_up_to_date(again, "slow/defaults", json.loads(before["manifest.json"]))
    assert not list((tmp / "out/slow").glob(".*"))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGHUP])
@pytest.mark.parametrize("warm", ["1", "0"])
def test_an_interrupted_run_leaves_no_kernel_connection_file(env, sig, warm):
    """Issue 19: SIGHUP (and Ctrl-C) left each running kernel's connection file (its HMAC
    key) in the temporary folder: the kernel was killed before jupyter_client's clean-up."""
    import tempfile

    tmp, environ = env
    scratch = Path(tempfile.mkdtemp(prefix="hyc-"))  # short: kernel socket paths go in it
    try:
        proc = subprocess.Popen(
            [str(SCRIPT), "run", fixture("slow"), "--force"],
            env=dict(environ, HY_TEST_SLEEP="300", TMPDIR=str(scratch),
                     HY_WARM_KERNELS=warm, HY_WARM_IDLE_S="30"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
            preexec_fn=_foreground_signals)
        try:
            assert _until(lambda: list((tmp / "out/slow").glob(".tmp-*/.kernel")), 120), (
                proc.stderr.read() if proc.poll() is not None else "no kernel started")
            assert list(scratch.glob("**/*.json")), "the kernel's connection file moved"
            os.killpg(proc.pid, sig)
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        assert proc.returncode == 130, proc.stderr.read()
        # No key loose in the temporary folder. (A kernel still starting as the run stops
        # may write its file again into its private hyk- folder after the clean-up, about
        # one run in four: then that folder must still be ours alone.)
        assert _until(lambda: not list(scratch.glob("*.json")), 30), (
            f"left behind: {sorted(str(p) for p in scratch.glob('**/*'))}")
        for folder in scratch.glob("hyk-*"):
            info = folder.lstat()
            assert stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() \
                and not info.st_mode & 0o077, folder
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _until(check, timeout: float):
    """``check()`` once true, else its last value after ``timeout`` seconds (a bound on a
    wait, not a timed assertion)."""
    deadline = time.monotonic() + timeout
    while not (value := check()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return value


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        return state not in ("Z", "X")
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


# Where an interrupt lands in the worker: HY_TEST_PAUSE stops the worker at that phase (or the
# slow cell sleeps) and the test sends Ctrl-C there. "cleanup" is a worker that does not stop
# after the interrupt (signals ignored, as when a library swallows KeyboardInterrupt): the
# command must still exit within the grace period, killing it and its kernel.
PHASES = {
    "imports": ({"HY_TEST_PAUSE": "imports"}, ".paused-imports"),
    "kernel": ({"HY_TEST_PAUSE": "kernel"}, ".paused-kernel"),
    "cell": ({"HY_TEST_SLEEP": "300"}, ".kernel"),
    "html": ({"HY_TEST_PAUSE": "html"}, ".paused-html"),
    "swap": ({"HY_TEST_PAUSE": "swap"}, ".paused-swap"),
    "stuck-worker": ({"HY_TEST_PAUSE": "kernel,cleanup"}, ".paused-kernel"),
}


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("phase", list(PHASES))
def test_an_interrupt_in_any_phase_exits_promptly(env, phase, sig):
    tmp, environ = env
    assert hy(environ, "run", fixture("slow")).returncode == 0
    run_dir = tmp / "out/slow/defaults"
    before = {p.name: p.read_bytes() for p in run_dir.iterdir()}
    extra, marker = PHASES[phase]
    proc = subprocess.Popen([str(SCRIPT), "run", fixture("slow"), "--force"],
                            env=dict(environ, **extra), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=_foreground_signals)
    kernels = []
    try:
        deadline = time.monotonic() + 120
        while not list((tmp / "out/slow").glob(f".tmp-*/{marker}")):
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
            time.sleep(0.1)
        if phase == "cell":  # the kernel is inside the sleeping cell (its progress says so)
            assert _until(lambda: [p for p in (tmp / "out/slow").glob(".tmp-*/.progress")
                                   if p.read_text().split()[0] == p.read_text().split()[1]],
                          60)
        for path in (tmp / "out/slow").glob(".tmp-*/.kernel"):
            kernels.append(int(path.read_text().split()[1]))
        started = time.monotonic()
        # Ctrl-C reaches the whole foreground group; `kill` only the command itself
        if sig == signal.SIGINT:
            os.killpg(proc.pid, sig)
        else:
            os.kill(proc.pid, sig)
        proc.wait(timeout=runner.STOP_GRACE + 25)  # a bound, not a measure
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, proc.stderr.read()
    assert {p.name: p.read_bytes() for p in run_dir.iterdir()} == before
    assert [p.name for p in (tmp / "out/slow").iterdir()] == ["defaults"]
    assert _until(lambda: not [k for k in kernels if _alive(k)], 30), (
        "a kernel outlived the command")


def test_kill_9_of_the_command_takes_its_workers_and_kernels_along(env):
    """Only the command is killed (not its group): its pool workers used to run on for ever,
    finish the queue and write outputs."""
    tmp, environ = env
    proc = subprocess.Popen([str(SCRIPT), "run", fixture("slow"), "--force"],
                            env=dict(environ, HY_TEST_SLEEP="300"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        assert _until(lambda: list((tmp / "out/slow").glob(".tmp-*/.kernel")), 120), (
            proc.stderr.read() if proc.poll() is not None else "no kernel started")
        (marker,) = (tmp / "out/slow").glob(".tmp-*/.kernel")
        worker, kernel = map(int, marker.read_text().split())
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert _until(lambda: not _alive(worker), 60), "the worker outlived its command"
        assert _until(lambda: not _alive(kernel), 60), "the kernel outlived its command"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert not (tmp / "out/slow/defaults").exists(), "a run landed after its command died"


def test_a_worker_interrupted_once_starts_no_queued_run(tmp_path, monkeypatch):
    """The pool hands each worker a run in advance; after Ctrl-C/SIGTERM it must not start."""
    from hy_analysis.runner import worker

    (spec,) = runner.plan_runs([fixture("ok")], output_dir=tmp_path, force=True)
    spec.tmp_name = ".tmp-1-queued"
    monkeypatch.setattr(worker, "_stopping", False)
    with pytest.raises(KeyboardInterrupt):
        worker._raise_interrupt(signal.SIGTERM, None)
    with pytest.raises(KeyboardInterrupt, match="interrupted before this run started"):
        worker.execute_run(spec.to_dict())
    assert not spec.tmp_dir.exists() and not spec.run_dir.exists()


def test_an_interrupt_a_library_swallowed_never_lands(tmp_path, monkeypatch):
    """A signal's KeyboardInterrupt can come back from nbclient as a cell error (a socket
    closed under it: "OSError: Bad file descriptor"); the run, reported failed, must not
    replace the previous outputs (seen twice on 2026-12-07 under load, SIGHUP and SIGINT)."""
    from hy_analysis.runner import worker

    (spec,) = runner.plan_runs([fixture("ok")], output_dir=tmp_path, force=True)
    spec.tmp_name = ".tmp-1-swallowed"
    spec.run_dir.mkdir(parents=True)
    (spec.run_dir / "ok.html").write_text("previous", encoding="utf-8")

    def interrupted_then_failed(spec, state):
        worker._stopping = True  # what the signal handler sets before it raises
        return {"status": "failed", "error": {"cell": None, "ename": "OSError"}}

    monkeypatch.setattr(worker, "_stopping", False)
    monkeypatch.setattr(worker, "_execute_into", interrupted_then_failed)
    with pytest.raises(KeyboardInterrupt, match="interrupted during this run"):
        worker.execute_run(spec.to_dict())
    assert (spec.run_dir / "ok.html").read_text(encoding="utf-8") == "previous"
    assert not spec.tmp_dir.exists()


def test_workers_are_spawned_fresh_once_the_package_changed_in_a_long_session(monkeypatch):
    """The pool's fork server keeps the code it imported: a session that edited the package
    (or upgraded a library) since must not get workers with the old code (audit21d)."""
    import multiprocessing

    from hy_analysis.runner import pool, warm

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server on this system: workers are always spawned")
    keys = iter(["before", "before", "after"])
    monkeypatch.setattr(warm, "fingerprint", lambda cmd, env: next(keys))
    monkeypatch.setattr(pool, "_forkserver_key", None)
    assert pool.worker_context().get_start_method() == "forkserver"
    assert pool.worker_context().get_start_method() == "forkserver"  # nothing changed
    assert pool.worker_context().get_start_method() == "spawn"


def test_the_fork_servers_folder_is_private_and_a_killed_commands_is_swept(tmp_path):
    """multiprocessing's ``pymp-*`` folder (the fork server's socket) was left in the shared
    TMPDIR by a command ended with kill -9 (audit21d); it now lives in our private folder,
    named with the command's pid, and the next command removes a dead command's."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server on this system: workers are spawned, no socket folder")
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o1777)
    script = (
        "import os, sys, multiprocessing.util as u\n"
        "from hy_analysis.runner import pool, warm\n"
        "private = warm.private_dir()\n"
        "dead = private / 'pymp-999999999-x'; dead.mkdir()\n"
        "alive = private / f'pymp-{os.getppid()}-y'; alive.mkdir()\n"
        "pool.worker_context()\n"
        "print(u.get_temp_dir()); print(private)\n"
        "print(dead.exists(), alive.exists())\n")
    env = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"}
    env["TMPDIR"] = str(shared)
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    folder, private, survivors = out.stdout.splitlines()
    assert Path(folder).parent == Path(private)
    assert Path(folder).name.startswith("pymp-")
    assert survivors == "False True"  # the dead command's removed, a live one's kept
    assert not list(shared.glob("pymp-*"))  # nothing in the shared folder, and the
    assert not Path(folder).exists()  # process's own removed when it ended


def test_a_finished_run_is_no_longer_the_workers_to_clean_up(tmp_path, monkeypatch):
    """The watchdog kills the kernel of the run a worker is executing once its command is
    gone; a finished run's kernel pid may belong to another process by then, and an idle
    worker has nothing to wait for before it ends."""
    from hy_analysis.runner import worker

    (spec,) = runner.plan_runs([fixture("ok")], output_dir=tmp_path, force=True)
    spec.tmp_name = ".tmp-1-finished"
    during = []

    def ran(spec, state):
        state.kernel_pid = 2 ** 22 + 1  # a pid the run had
        during.append(worker._current is state)
        return {"status": "ok", "error": None}

    monkeypatch.setattr(worker, "_stopping", False)
    monkeypatch.setattr(worker, "_execute_into", ran)
    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    try:
        worker.execute_run(spec.to_dict())
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    assert during == [True]
    assert worker._current is None


@pytest.mark.notebook
def test_an_interrupt_stops_runs_on_an_executor_we_do_not_own(env, monkeypatch):
    """As with Dask: the command exits on Ctrl-C, and the runs already on the executor
    stop too (their kernels killed, nothing written), instead of landing later."""
    import _thread
    import concurrent.futures as cf
    import threading

    tmp, environ = env
    for key in ("HY_DATA_DIR", "HY_OUTPUTS_DIR", "HY_NOTEBOOKS_DIR"):
        if key in environ:
            monkeypatch.setenv(key, environ[key])
    monkeypatch.setenv("HY_TEST_SLEEP", "300")
    specs = runner.plan_runs([fixture("slow")], grid=["seconds=0,1"], output_dir=tmp / "out",
                             force=True)
    out = tmp / "out/slow"

    kernels = []

    def interrupt_when_running():
        if _until(lambda: list(out.glob(".tmp-*/.kernel")), 120):
            kernels.extend(int(p.read_text().split()[1]) for p in out.glob(".tmp-*/.kernel"))
            _thread.interrupt_main()

    executor = cf.ThreadPoolExecutor(1)  # one at a time: the second run is queued
    # Ctrl-C as a terminal user has it: pytest started as a background job (or an xdist
    # worker of one) inherits SIGINT ignored, and interrupt_main() would then do nothing.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    threading.Thread(target=interrupt_when_running, daemon=True).start()
    try:
        with pytest.raises(KeyboardInterrupt):
            runner.execute_plan(specs, executor=executor, write_index=False)
        assert kernels
    finally:
        signal.signal(signal.SIGINT, previous)
        executor.shutdown(wait=True, cancel_futures=True)  # returns once the runs stopped
    assert _until(lambda: not [k for k in kernels if _alive(k)], 30)
    assert not [p.name for p in out.iterdir() if not p.name.startswith(".")], (
        "a run landed after the interrupt")


def test_recover_restores_a_run_replaced_half_way(tmp_path):
    nb_dir = tmp_path / "nb"
    (nb_dir / ".old-1234abcd-defaults").mkdir(parents=True)
    (nb_dir / ".old-1234abcd-defaults" / "manifest.json").write_text("{}")
    (nb_dir / ".tmp-999999999-abcd1234-defaults").mkdir()
    runner.recover_output_dir(tmp_path)
    assert (nb_dir / "defaults" / "manifest.json").is_file()
    assert [p.name for p in nb_dir.iterdir()] == ["defaults"]


# ---------------------------------------------------------------- hostile input


def test_path_traversal_values_stay_inside_the_output_dir(env):
    tmp, environ = env
    result = hy(environ, "run", fixture("ok"), "-p", "label", "../../../escaped",
                "-p", "items", "/etc/passwd,..")
    assert result.returncode == 0, result.stderr
    (rel,) = manifests(tmp / "out")
    assert rel.startswith("ok/label-escaped__items-etc-passwd-")
    assert not (tmp / "escaped").exists() and not (tmp.parent / "escaped").exists()
    for path in (tmp / "out").rglob("*"):
        assert (tmp / "out") in path.resolve().parents


@pytest.mark.parametrize("value", ["..", "../..", "/", "", ".hidden", "a/../../b", "\x00"])
def test_slugs_are_safe_file_names(value):
    slug = params_slug({"v": value}, {"v": "default"})
    assert re.fullmatch(r"[a-z0-9_-]+", slug) and len(slug) <= 100
    assert slugify(value) not in ("", ".", "..")


def test_long_and_vietnamese_values_give_readable_capped_slugs():
    slug = params_slug({"region": "Đông Hưng " * 30}, {"region": "x"})
    assert slug.startswith("region-dong-hung-dong-hung") and len(slug) <= 92
    assert params_slug({"region": "Hưng Yên"}, {"region": "x"}) != params_slug(
        {"region": "Hung Yen"}, {"region": "x"})


def test_hostile_strings_from_user_files_are_escaped(env, tmp_path):
    tmp, environ = env
    params = tmp_path / "params.yaml"
    params.write_text('label: "<script>alert(\'param\')</script>"\nfail: true\n',
                      encoding="utf-8")
    result = hy(environ, "run", fixture("hostile"), "-f", params)
    assert result.returncode == 1  # the notebook raises with the data file's text
    (rel, m), = manifests(tmp / "out").items()
    assert "<script>alert('owned')" in m["error"]["evalue"]
    index = (tmp / "out/index.html").read_text(encoding="utf-8")
    page = (tmp / "out" / rel / "hostile.html").read_text(encoding="utf-8")
    for text in (index, page):
        assert "<script>alert(" not in text
        assert "&lt;script&gt;alert(" in text


def test_render_index_escapes_every_manifest_value():
    evil = "<img src=x onerror=alert(1)>"
    page = render_index([(f"nb/{evil}", {
        "notebook": evil, "slug": evil, "parameters": {evil: [evil]}, "status": evil,
        "error": {"cell_index": evil, "ename": evil, "evalue": evil},
        "files": {"html": f"{evil}.html"}, "finished": evil, "duration_s": 1})])
    assert "<img" not in page and "&lt;img" in page


def _fake_run(out, notebook, slug, finding):
    from hy_analysis.manifest import write_json_atomic

    folder = out / notebook / slug
    folder.mkdir(parents=True, exist_ok=True)
    write_json_atomic(folder / "manifest.json", {
        "notebook": notebook, "slug": slug, "parameters": {}, "status": "ok",
        "files": {"html": f"{notebook}.html"}, "finished": "2026-12-07T03:00:00",
        "report": {"title": notebook, "finding": finding, "lang": "en"}})


def test_index_is_left_alone_only_when_nothing_it_shows_changed(tmp_path, monkeypatch):
    """A no-op rerun does not render the index again; a changed, added or removed run, other
    inputs (package, data) or an edited page do."""
    from hy_analysis.rendering import index

    out = tmp_path / "out"
    _fake_run(out, "nb", "a", "first finding")
    page = index.write_index(out, inputs="v1")
    assert "first finding" in page.read_text(encoding="utf-8")

    def refuse(*args, **kwargs):
        raise AssertionError("rendered although nothing changed")

    real = index.render_index
    monkeypatch.setattr(index, "render_index", refuse)
    index.write_index(out, inputs="v1")  # the same: not rendered
    with pytest.raises(AssertionError):
        index.write_index(out, inputs="v2")  # other inputs: rendered
    monkeypatch.setattr(index, "render_index", real)

    index.write_index(out, inputs="v1")
    time.sleep(0.01)
    _fake_run(out, "nb", "a", "second finding")  # a rerun rewrote the manifest
    assert "second finding" in index.write_index(out, inputs="v1").read_text(encoding="utf-8")
    _fake_run(out, "nb", "b", "another run")
    assert "another run" in index.write_index(out, inputs="v1").read_text(encoding="utf-8")
    shutil.rmtree(out / "nb" / "b")
    assert "another run" not in index.write_index(out, inputs="v1").read_text(encoding="utf-8")
    page.write_text("edited by hand", encoding="utf-8")
    assert "second finding" in index.write_index(out, inputs="v1").read_text(encoding="utf-8")


@pytest.fixture
def ordered_specs(tmp_path, monkeypatch):
    """``ordered_specs(*names)``: run specs of those notebooks, their durations kept in a
    private folder of the test's own."""
    from hy_analysis.runner import warm

    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(warm, "private_dir", lambda: folder)
    return lambda *names: [
        runner.RunSpec(notebook=n, path=f"{n}.ipynb", params={}, slug="defaults",
                       output_dir=str(tmp_path), data_dir=str(tmp_path), kernel="python3",
                       inputs={}, fingerprint="") for n in names]


def test_longest_runs_are_started_first(ordered_specs):
    from hy_analysis.runner import pool

    specs = ordered_specs("short", "long", "new", "middle")
    assert pool._longest_first(specs) == specs  # nothing known yet: as given
    pool._remember_durations([pool.RunResult(f"{n}/defaults", "ok", "", s) for n, s in
                              (("short", 1.0), ("long", 9.0), ("middle", 4.0))], specs)
    assert [s.notebook for s in pool._longest_first(specs)] == ["new", "long", "middle",
                                                                 "short"]
    # A failed run's duration says nothing of a whole run's.
    pool._remember_durations([pool.RunResult("short/defaults", "failed", "", 20.0)], specs)
    assert pool._longest_first(specs)[-1].notebook == "short"


def test_runs_are_ordered_by_their_processor_time_not_their_wall_time(ordered_specs):
    # A notebook that ran alone at the end of a command took less wall time than it needs
    # when it shares the cores: ordered by wall time it would stay last (issue 21).
    from hy_analysis.runner import pool

    specs = ordered_specs("shared", "alone", "unknown")
    pool._remember_durations([
        pool.RunResult("shared/defaults", "ok", "", 9.0, work_s=3.0),
        pool.RunResult("alone/defaults", "ok", "", 5.0, work_s=4.5),
        pool.RunResult("unknown/defaults", "ok", "", 4.0)], specs)  # no processor time
    assert [s.notebook for s in pool._longest_first(specs)] == ["alone", "unknown", "shared"]


def test_a_run_reports_its_kernels_processor_time(env, tmp_path):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _, environ = env
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        summary = runner.run([fixture("ok")], executor=pool, output_dir=tmp_path / "cpu",
                             data_dir=environ["HY_DATA_DIR"], stream=open(os.devnull, "w"))
    (result,) = summary.results
    assert result.status == "ok"
    # The kernel's own time (its start and cells) and the page's: more than nothing, and
    # not more than the whole run's wall time on the cores it had.
    assert 0 < result.work_s <= result.duration_s * (os.cpu_count() or 1) + 5


def test_workers_compile_the_report_template_before_their_first_run():
    from hy_analysis.rendering import page
    from hy_analysis.runner.pool import prepare_worker

    page._exporter.cache_clear()
    prepare_worker()
    assert page._exporter.cache_info().currsize == 1


def test_workers_start_with_what_their_fork_server_imported_once(monkeypatch):
    # The fork server imports papermill, nbclient, nbformat and compiles the report template
    # once; the workers it forks find them done (each spawned worker paid ~0.45 s of
    # processor time for them, as the first kernels started: issue 21, docs/perf-a-floor.md).
    from hy_analysis.runner import pool as pools
    from hy_analysis.runner.pool import default_executor

    # (an earlier test of this process may have used the pool with other environment
    # variables, which would rightly make this one spawn fresh workers)
    monkeypatch.setattr(pools, "_forkserver_key", None)

    pool = default_executor(1)
    try:
        hits, method = pool.submit(eval, "(__import__('hy_analysis.rendering.page', fromlist="
                                   "['page'])._exporter.cache_info().hits, __import__("
                                   "'multiprocessing').get_start_method())").result()
    finally:
        pool.shutdown()
    assert method == "forkserver"
    assert hits >= 1  # the worker's own call found the template compiled before it started


def test_workers_take_the_commands_environment_and_folder_of_now(monkeypatch, tmp_path):
    # A fork server started earlier in this process kept the environment it had then; the
    # workers still run with the command's of now, as spawned ones did.
    from hy_analysis.runner.pool import default_executor

    first = default_executor(1)
    first.submit(os.getpid).result()
    first.shutdown()
    monkeypatch.setenv("HY_TEST_MARK", "now")
    monkeypatch.chdir(tmp_path)
    pool = default_executor(1)
    try:
        seen = pool.submit(eval, "(__import__('os').environ.get('HY_TEST_MARK'), "
                                 "__import__('os').getcwd())").result()
    finally:
        pool.shutdown()
    assert seen == ("now", str(tmp_path))


class _FakeChannel:
    """A kernel channel holding ``messages``; notes how long each read was allowed to wait."""

    def __init__(self, messages=()):
        self.messages, self.waits, self.sent = list(messages), [], []

    async def get_msg(self, timeout=None):
        import queue

        self.waits.append(timeout)
        if self.messages:
            return self.messages.pop(0)
        raise queue.Empty

    def send(self, msg):
        self.sent.append(msg)


def _ready_client(monkeypatch, shell, iopub):
    from hy_analysis.runner import kernel

    manager = kernel.RecordingKernelManager()

    async def alive():
        return True

    monkeypatch.setattr(manager, "_async_is_alive", alive)
    client = manager.client()
    client._shell_channel, client._iopub_channel = shell, iopub
    return client


def _run_apart(coroutine):
    """Run ``coroutine`` to its end in a thread of its own: an event loop an earlier test
    left running in this one (an in-process shell, a widget) must not refuse it."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as apart:
        return apart.submit(asyncio.run, coroutine).result()


def test_a_runs_client_is_ready_without_waiting_for_iopub_to_fall_silent(monkeypatch):
    # jupyter_client's wait_for_ready ends by reading IOPub until 0.2 s pass without a
    # message: a timer in every run's start (issue 21, docs/perf-a-floor.md). The runs' client
    # still waits for the kernel_info reply and for IOPub to be connected (a message there),
    # then drops what IOPub already holds without waiting.
    reply = {"msg_type": "kernel_info_reply", "content": {"protocol_version": "5.3"}}
    shell = _FakeChannel([reply, reply])
    iopub = _FakeChannel()  # not connected yet at the first reply: ask again
    client = _ready_client(monkeypatch, shell, iopub)
    first_read = shell.get_msg

    async def connect_iopub_after_first_reply(timeout=None):
        message = await first_read(timeout)
        if len(shell.waits) == 2:
            iopub.messages += [{"msg_type": "status"}, {"msg_type": "status"}]
        return message

    shell.get_msg = connect_iopub_after_first_reply
    _run_apart(client.wait_for_ready(timeout=10))
    assert len(shell.sent) == 2  # kernel_info asked again until IOPub answered
    assert iopub.messages == []  # what IOPub held is dropped
    assert iopub.waits[:2] == [0.2, 0.2]  # the IOPub checks after each reply
    assert all(wait == 0 for wait in iopub.waits[2:])  # no silence waited for


def test_a_runs_client_still_fails_on_a_kernel_that_died(monkeypatch):
    shell, iopub = _FakeChannel(), _FakeChannel()
    client = _ready_client(monkeypatch, shell, iopub)

    async def dead():
        return False

    monkeypatch.setattr(client.parent, "_async_is_alive", dead)
    with pytest.raises(RuntimeError, match="died before replying"):
        _run_apart(client.wait_for_ready(timeout=10))


def test_the_ready_client_copies_the_installed_jupyter_client_method():
    # The runs' client copies jupyter_client's private KernelClient._async_wait_for_ready
    # (all but its last step). Where the installed method is not the one the copy was checked
    # against, the client falls back to jupyter_client's own method: this test says so loudly.
    import jupyter_client
    from jupyter_client.client import KernelClient

    from hy_analysis.runner import kernel

    assert kernel.wait_for_ready_digest() in kernel.WAIT_FOR_READY_DIGESTS, (
        f"jupyter_client {jupyter_client.__version__} changed KernelClient._async_wait_for_ready"
        ": compare it with hy_analysis.runner.kernel._ready_client_class's copy, update the "
        "copy, then add the digest kernel.wait_for_ready_digest() to WAIT_FOR_READY_DIGESTS")
    assert kernel.ReadyKernelClient.wait_for_ready is not KernelClient._async_wait_for_ready
    # every run's manager uses that one class (checked once per worker, not once per run)
    first, second = (kernel.RecordingKernelManager().client_factory for _ in range(2))
    assert first is second is kernel.ReadyKernelClient


def test_the_ready_client_is_jupyter_clients_own_where_the_method_changed(monkeypatch):
    from jupyter_client.client import KernelClient

    from hy_analysis.runner import kernel

    monkeypatch.setattr(kernel, "WAIT_FOR_READY_DIGESTS", frozenset())
    assert kernel._ready_client_class().wait_for_ready is KernelClient._async_wait_for_ready


def test_a_workers_workbook_lists_the_runs_sources_without_pandas(env, tmp_path):
    # The workbook's sources sheet is read as rows of text: importing pandas for it cost
    # each worker 0.27 s of processor time (issue 21, docs/perf-a-floor.md). The sheet still
    # lists every source load_sources() gives for the run's data folder, the user's too.
    import openpyxl

    from hy_analysis.loading import load_sources
    from hy_analysis.runner.pool import default_executor

    _, environ = env
    data = Path(environ["HY_DATA_DIR"])
    (data / "user").mkdir(exist_ok=True)
    header = (data / "sources.csv").read_text(encoding="utf-8").splitlines()[0]
    (data / "user" / "sources.csv").write_text(
        header + "\nmy-report,My report,Sở Tài chính,12/BC,2026-01-05,day,Hưng Yên,"
        "report,,https://example.org/mine,vi,\n", encoding="utf-8")
    pool = default_executor(1)
    try:
        summary = runner.run([fixture("table")], executor=pool, output_dir=tmp_path / "xl",
                             data_dir=data, stream=open(os.devnull, "w"))
        pandas_loaded = pool.submit(eval, "'pandas' in __import__('sys').modules").result()
    finally:
        pool.shutdown()
    (result,) = summary.results
    assert result.status == "ok", result.describe()
    assert not pandas_loaded
    sheet = openpyxl.load_workbook(Path(result.run_dir) / "table.xlsx")["Nguồn"]
    expected = load_sources(data)[["id", "doc_number", "title", "issuer", "date", "url"]]
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=2)] == [
        [str(v) if v else None for v in row]  # an empty text cell reads back as None
        for row in expected.itertuples(index=False)]
    assert sheet.cell(row=sheet.max_row, column=1).value == "my-report"
    assert sheet.cell(row=sheet.max_row, column=6).hyperlink.target == "https://example.org/mine"


# ---------------------------------------------------------------- dask


def test_runs_on_a_local_dask_cluster(env, tmp_path):
    distributed = pytest.importorskip(
        "distributed", reason="the [dask] extra is not installed (pip install dask distributed)")
    _, environ = env
    with distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                                  dashboard_address=":0") as cluster:
        result = hy(dict(environ, HY_OUTPUTS_DIR=str(tmp_path / "dask")), "run",
                    fixture("ok"), "--grid", "n=1,2,3", "--dask-scheduler",
                    cluster.scheduler_address)
    assert result.returncode == 0, result.stdout + result.stderr
    found = manifests(tmp_path / "dask")
    assert len(found) == 3 and all(m["status"] == "ok" for m in found.values())


def _worker_environ():
    return {"cwd": os.getcwd(), **{k: os.environ.get(k) for k in ("HY_DATA_DIR", "HY_HEADLESS")}}


def test_two_runs_in_one_dask_worker_keep_their_own_state(env, tmp_path):
    """Two threads of one worker process run at once: each kernel gets its run's data folder
    and the worker's own environment is left alone."""
    distributed = pytest.importorskip(
        "distributed", reason="the [dask] extra is not installed (pip install dask distributed)")
    _, environ = env
    specs = []
    for name in ("first", "second"):
        data = tmp_path / f"data-{name}"
        shutil.copytree(environ["HY_DATA_DIR"], data)
        specs += runner.plan_runs([fixture("env")], data_dir=data,
                                  output_dir=tmp_path / f"out-{name}", overrides=[("seconds", "3")])
    with distributed.LocalCluster(processes=True, n_workers=1, threads_per_worker=2,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        before = client.run(_worker_environ)
        summary = runner.execute_plan(specs, executor=client.get_executor(pure=False),
                                      stream=open(os.devnull, "w"))
        after = client.run(_worker_environ)
    assert [r.status for r in summary.results] == ["ok", "ok"], summary.format()
    assert after == before, "a run changed the worker's environment"
    for spec in specs:
        executed = json.loads((spec.run_dir / "env.ipynb").read_text(encoding="utf-8"))
        printed = json.loads("".join(executed["cells"][-1]["outputs"][0]["text"]))
        assert printed == {"HY_DATA_DIR": spec.data_dir, "HY_HEADLESS": "1",
                           "cwd": str(FIXTURES.resolve())}
        assert not list(Path(spec.output_dir, spec.notebook).glob(".*"))


def test_user_data_reaches_the_kernel_and_a_changed_file_reruns(env, tmp_path):
    tmp, environ = env
    (tmp / "notebooks").mkdir()
    shutil.copy(fixture("reads_user_data"), tmp / "notebooks" / "overview.ipynb")
    mine = tmp_path / "mine.csv"
    mine.write_text("id\n1\n", encoding="utf-8")
    args = ("run", "overview", "-p", "user_data", mine)
    assert hy(environ, *args).returncode == 0
    ((rel, m),) = manifests(tmp / "out").items()
    assert m["parameters"]["user_data"] == [str(mine)]
    assert m["inputs"]["user_data_sha256"] == {str(mine): sha256_file(mine)}
    executed = json.loads((tmp / "out" / rel / "overview.ipynb").read_text(encoding="utf-8"))
    printed = json.loads("".join(executed["cells"][-1]["outputs"][0]["text"]))
    assert printed == {"user_data": [str(mine)]}
    assert_up_to_date(hy(environ, *args), rel, m)
    mine.write_text("id\n2\n", encoding="utf-8")
    changed = hy(environ, *args)
    assert changed.returncode == 0 and "up to date" not in changed.stdout
    assert manifests(tmp / "out")[rel]["inputs"]["user_data_sha256"] == {
        str(mine): sha256_file(mine)}


def test_a_recycled_kernel_pid_is_not_killed():
    """The runner kills a kernel by the pid its run recorded; a stranger that took the pid
    over since (here: a plain sleep of ours, not a kernel) is left alone."""
    from hy_analysis.runner.worker import is_our_kernel, kill_process_group

    stranger = subprocess.Popen(["sleep", "60"], start_new_session=True)
    try:
        assert not is_our_kernel(stranger.pid)
        kill_process_group(stranger.pid)
        assert stranger.poll() is None, "a process that is no kernel was killed"
    finally:
        stranger.kill()
        stranger.wait()


def test_terminating_a_dask_run_stops_its_runs_on_the_cluster(env, monkeypatch):
    """On a real cluster (not a stand-in executor): SIGTERM to the command stops the run
    that is executing on a Dask worker (its kernel killed, nothing written) and the queued
    one never starts, so the cluster is idle soon after instead of landing runs later."""
    distributed = pytest.importorskip(
        "distributed", reason="the [dask] extra is not installed (pip install dask distributed)")
    tmp, environ = env
    monkeypatch.setenv("HY_TEST_SLEEP", "300")  # the worker processes (and their kernels) inherit it
    out = tmp / "out/slow"
    with distributed.LocalCluster(processes=True, n_workers=1, threads_per_worker=1,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        proc = subprocess.Popen(
            [str(SCRIPT), "run", fixture("slow"), "--grid", "seconds=0,1", "--force",
             "--dask-scheduler", cluster.scheduler_address],
            env=dict(environ, HY_TEST_SLEEP="300"), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, start_new_session=True, preexec_fn=_foreground_signals)
        try:
            assert _until(lambda: list(out.glob(".tmp-*/.kernel")), 120), (
                "no run started on the cluster")
            kernels = [int(p.read_text().split()[1]) for p in out.glob(".tmp-*/.kernel")]
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        assert proc.returncode == 130, proc.stderr.read().decode()
        # A run left going would sleep 300 s: an idle cluster means none goes on or starts.
        assert _until(lambda: not any(client.processing().values()), 60), (
            f"runs still going on the cluster: {client.processing()}")
        assert _until(lambda: not [k for k in kernels if _alive(k)], 30), "a kernel outlived it"
        assert len(kernels) == 1, "the queued run started"
    assert not [p.name for p in out.iterdir() if not p.name.startswith(".")], (
        "a run landed after the interrupt")
