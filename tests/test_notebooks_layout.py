"""Every notebook narrates and calls: short code cells, no definitions, loops or paths."""

from __future__ import annotations

import ast

import nbformat
import pytest

from hy_analysis.params import TOOL_NOTEBOOKS, notebook_names
from hy_analysis.paths import notebooks_dir

MAX_LINES = 8


def _code_cells(name):
    book = nbformat.read(notebooks_dir() / f"{name}.ipynb", as_version=4)
    return [c for c in book.cells if c.cell_type == "code"]


def problems(source: str) -> list[str]:
    """What a notebook code cell must not hold (empty when the cell is fine)."""
    found = []
    if len(source.splitlines()) > MAX_LINES:
        found.append(f"{len(source.splitlines())} lines (at most {MAX_LINES})")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            found.append("a definition")
        if isinstance(node, (ast.For, ast.While, ast.AsyncFor, ast.comprehension)):
            found.append("a loop")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
                "/" in node.value or "\\" in node.value or "." in node.value.rsplit(" ", 1)[-1]
                and node.value.rsplit(".", 1)[-1] in ("csv", "xlsx", "ipynb", "json", "txt")):
            found.append(f"a path {node.value!r}")
    return found


def test_the_check_can_fail():
    assert problems("def f():\n    pass") == ["a definition"]
    assert problems("[x for x in y]") == ["a loop"]
    assert problems("load('data/targets.csv')") == ["a path 'data/targets.csv'"]
    assert problems("\n".join(["x = 1"] * 9)) == ["9 lines (at most 8)"]


@pytest.mark.parametrize("name", notebook_names())
def test_code_cells_only_call_the_package(name):
    cells = _code_cells(name)
    for cell in cells:
        assert problems(cell.source) == [], cell.source
    sources = "\n".join(c.source for c in cells)
    assert f'run = start("{name}", globals())' in sources
    if name in TOOL_NOTEBOOKS:  # a JupyterLab tool ends with its own panel
        assert cells[-1].source.endswith(".panel()")
    else:
        assert cells[-1].source == "run.filter_panel()"
