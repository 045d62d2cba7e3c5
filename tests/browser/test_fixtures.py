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
