"""The docstring examples of every package module run, so they stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import hy_analysis

MODULES = sorted(m.name for m in pkgutil.walk_packages(hy_analysis.__path__, "hy_analysis."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_a_wrong_example_fails():
    def example():
        """
        >>> 1 + 1
        3
        """

    runner = doctest.DocTestRunner(verbose=False)
    for test in doctest.DocTestFinder().find(example, "example", globs={}):
        runner.run(test, out=lambda _text: None)
    assert runner.failures == 1
