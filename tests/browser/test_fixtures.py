"""The browser fixtures fail where the product is broken; they never skip past it.

These tests start no browser: they check the fixtures themselves.
"""

from __future__ import annotations

import sys

import pytest

from .conftest import start_dashboard


def test_a_missing_notebook_fails_the_test(require_notebook):
    with pytest.raises(BaseException) as info:  # noqa: PT011 - a skip is a BaseException too
        require_notebook("no_such_notebook")
    assert info.type is pytest.fail.Exception, f"{info.type.__name__}: {info.value}"
    assert "no_such_notebook.ipynb is missing" in str(info.value)


def test_a_broken_serve_command_fails_instead_of_starting_voila_another_way(tmp_path):
    broken = [sys.executable, "-c", "import sys; print('serve is broken'); sys.exit(3)"]
    with pytest.raises(RuntimeError, match=r"server exited with 3(.|\n)*serve is broken"):
        start_dashboard(tmp_path, env={}, token="t", log_dir=tmp_path, command=broken)


def test_a_missing_browser_fails_under_ci_and_skips_elsewhere(monkeypatch):
    from .conftest import _unavailable

    monkeypatch.setenv("CI", "true")
    with pytest.raises(BaseException) as info:  # noqa: PT011 - a skip is a BaseException too
        _unavailable("no chromium")
    assert info.type is pytest.fail.Exception and "CI: no chromium" in str(info.value)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        _unavailable("no chromium")


def test_ci_run_fails_when_chromium_cannot_be_installed(tmp_path):
    """.ci/run with neither chromium nor apt-get on PATH stops before the suite, exit 1."""
    import shutil
    import subprocess

    from hy_analysis.paths import PROJECT_DIR

    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("bash", "dirname", "env"):
        (tools / tool).symlink_to(shutil.which(tool))
    (tools / "make").write_text("#!/bin/sh\necho 'make ran: the suite was started'\nexit 0\n")
    (tools / "make").chmod(0o755)
    environ = {"PATH": str(tools), "HOME": str(tmp_path), "CI": "true"}
    done = subprocess.run([str(tools / "bash"), str(PROJECT_DIR / ".ci" / "run")], env=environ,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Chromium is required" in done.stderr and "make ran" not in done.stdout
