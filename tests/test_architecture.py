"""The direction of imports through the package, checked over every import statement.

Every module of hy_analysis is parsed (not imported) and every ``import`` in it is collected,
at the top level and inside functions, so a lazy import cannot hide a wrong dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import hy_analysis

PACKAGE_DIR = Path(hy_analysis.__file__).parent
PACKAGE = "hy_analysis"

#: What an analysis module must never import (it computes; others word, draw and show).
ANALYSIS_FORBIDDEN = (f"{PACKAGE}.charts", f"{PACKAGE}.findings", f"{PACKAGE}.views",
                      f"{PACKAGE}.display", f"{PACKAGE}.widgets", f"{PACKAGE}.notebook",
                      "IPython", "matplotlib", "seaborn", "ipywidgets", "itables")
#: What the runner (module or package) must never import.
RUNNER_FORBIDDEN = (f"{PACKAGE}.widgets", f"{PACKAGE}.charts")


def _module_name(path: Path, package_dir: Path) -> str:
    parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom, modules: set[str]) -> list:
    """Absolute names imported by a ``from ... import ...`` (submodules when they exist)."""
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    out = []
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        out.append(sub if sub in modules else target)
    return out


def import_graph(package_dir: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    """Module name -> every name it imports (package modules resolved to absolute names)."""
    files = {_module_name(p, package_dir): p for p in package_dir.rglob("*.py")}
    modules = set(files)
    graph = {}
    for name, path in files.items():
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                imported.update(_resolve(name, path.name == "__init__.py", node, modules))
        graph[name] = imported
    return graph


def _within(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def violations(graph: dict[str, set[str]]) -> list[str]:
    """Every import that crosses a line the layout forbids, as readable sentences."""
    found = []
    for module, imported in sorted(graph.items()):
        for name in sorted(imported):
            if _within(module, [f"{PACKAGE}.analysis"]) and _within(name, ANALYSIS_FORBIDDEN):
                found.append(f"{module} (analysis) imports {name}")
            if _within(module, [f"{PACKAGE}.charts"]) and _within(name, [f"{PACKAGE}.analysis"]):
                found.append(f"{module} (charts) imports {name}")
            if _within(module, [f"{PACKAGE}.runner"]) and _within(name, RUNNER_FORBIDDEN):
                found.append(f"{module} (runner) imports {name}")
            if _within(name, [f"{PACKAGE}.cli"]) and module != f"{PACKAGE}.cli":
                found.append(f"{module} imports the command line ({name})")
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles between package modules (strongly connected components, Tarjan)."""
    edges = {m: sorted(n for n in imported if n in graph and n != m)
             for m, imported in graph.items()}
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(out)


# ------------------------------------------------------------------ the checks can fail

def test_the_checks_catch_each_kind_of_violation():
    bad = {
        "hy_analysis.analysis.x": {"matplotlib.pyplot", "hy_analysis.findings.common"},
        "hy_analysis.charts.x": {"hy_analysis.analysis.x"},
        "hy_analysis.runner.worker": {"hy_analysis.widgets"},
        "hy_analysis.loading": {"hy_analysis.cli", "hy_analysis.validation"},
        "hy_analysis.validation": {"hy_analysis.loading"},
        "hy_analysis.cli": {"hy_analysis.loading"},
        "hy_analysis.widgets": set(),
        "hy_analysis.findings.common": set(),
    }
    assert violations(bad) == [
        "hy_analysis.analysis.x (analysis) imports hy_analysis.findings.common",
        "hy_analysis.analysis.x (analysis) imports matplotlib.pyplot",
        "hy_analysis.charts.x (charts) imports hy_analysis.analysis.x",
        "hy_analysis.loading imports the command line (hy_analysis.cli)",
        "hy_analysis.runner.worker (runner) imports hy_analysis.widgets",
    ]
    assert cycles(bad) == [["hy_analysis.cli", "hy_analysis.loading", "hy_analysis.validation"]]


def test_imports_inside_functions_and_relative_imports_are_seen(tmp_path):
    package = tmp_path / "hy_analysis"
    (package / "analysis").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "analysis" / "__init__.py").write_text("")
    (package / "display.py").write_text("")
    (package / "analysis" / "x.py").write_text(
        "def f():\n    import seaborn\n    from .. import display\n    from ..display import y\n")
    graph = import_graph(package)
    assert graph["hy_analysis.analysis.x"] == {"seaborn", "hy_analysis.display"}


# ------------------------------------------------------------------ the package itself

def test_no_import_crosses_a_layer():
    assert violations(import_graph()) == []


def test_no_import_cycle_between_package_modules():
    assert cycles(import_graph()) == []
