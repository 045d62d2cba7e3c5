"""The direction of imports through the package, checked over every import statement.

Every module of hy_analysis is parsed (not imported) and every ``import`` in it is collected,
at the top level and inside functions, so a lazy import cannot hide a wrong dependency. A
module imports only what stands above it in :data:`LAYERS` (the layout of
``../shared/STYLE.md``, in the direction the data flows); the imports that still go the other
way are listed in :data:`EXCEPTIONS`, each with its reason.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

import hy_analysis

PACKAGE_DIR = Path(hy_analysis.__file__).parent
PACKAGE = "hy_analysis"

#: The layer order, first to last: a module may import its own layer and the layers above.
#: Each entry: the top-level modules or subpackages of the layer, and what the layer does.
LAYERS = (
    (("paths", "exceptions", "docstrings", "page_assets"),
     "where files live, the errors, shared docstrings, assets of kernel and page alike"),
    (("schema",), "columns, dtypes, units: the single source of truth"),
    (("vocabulary", "territories"), "countries, sectors, labels; the region map and merger rule"),
    (("parsing",), "'Trên 48%' -> ParsedValue"),
    (("validation",), "checks over rows"),
    (("rows",), "CSV/xlsx files -> checked rows of text, without pandas (the workers' sources)"),
    (("loading",), "files -> validated tidy frames; the one reader of reference data"),
    (("extraction",), "document text -> candidate rows"),
    (("params",), "each notebook's parameters, defined once"),
    (("analysis",), "frames in, frames out"),
    (("findings",), "reader-facing text and tables"),
    (("charts",), "drawing only"),
    (("display",), "the one way a table, a text or a chart is shown"),
    (("sections", "views", "sharing"), "notebook sections, panel callbacks and their states"),
    (("widgets",), "panels built from params"),
    (("notebook",), "the bootstrap a notebook calls first"),
    (("review",), "the review notebook's view"),
    (("manifest",), "what a run depends on and left behind"),
    (("rendering", "sharing.page"), "self-contained HTML, page assets, the index, exports"),
    (("runner",), "discovery, plan, cache, worker, pool; kernel provisioner, warm parent, "
                   "kernelspec"),
    (("servers",), "argv and environment for JupyterLab and Voilà (tokens via the environment)"),
    (("cli",), "argument parsing and exit codes"),
    (("__init__",), "the public API, re-exported lazily"),
)

#: Imports against the layer order that the code still makes: (importer, imported) -> why.
EXCEPTIONS = {
    (f"{PACKAGE}.sharing", f"{PACKAGE}.sharing.page"):
        "the sharing package's facade keeps the old import paths of the page helpers; the "
        "state planning (sharing.states) never imports the page layer",
    (f"{PACKAGE}.runner.forkserver", f"{PACKAGE}.charts.base"):
        "the warm parent draws one chart before it forks kernels, so that every notebook's "
        "first chart finds matplotlib, the fonts and the package's style ready; it runs the "
        "chart set-up kernels will run, by name (the runner itself draws nothing)",
    (f"{PACKAGE}.manifest", PACKAGE):
        "reads __version__, the package's one constant, to tell whether the package changed "
        "(the facade's lazy re-exports are not imported)",
}

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


def _imported_by_name(node: ast.AST) -> str | None:
    """The module of ``importlib.import_module("a.b")`` / ``__import__("a.b")`` written with a
    literal name: an import all the same, held to the same order."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func = node.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    first = node.args[0]
    if called in ("import_module", "__import__") and isinstance(first, ast.Constant) \
            and isinstance(first.value, str):
        return first.value
    return None


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
            elif _imported_by_name(node):
                imported.add(_imported_by_name(node))
        graph[name] = imported
    return graph


def _within(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def layer_of(module: str) -> int | None:
    """The index in :data:`LAYERS` of a package module (None outside the package)."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return None
    # A submodule may stand in a layer of its own ("sharing.page" renders, "sharing" plans).
    for name in (".".join(parts[1:3]), parts[1] if len(parts) > 1 else "__init__"):
        found = next((i for i, (names, _) in enumerate(LAYERS) if name in names), None)
        if found is not None:
            return found
    return len(LAYERS)


def layer_violations(graph: dict[str, set[str]], exceptions=EXCEPTIONS) -> list[str]:
    """Every import of a module from a layer below its own, unless listed in ``exceptions``."""
    found = []
    for module, imported in sorted(graph.items()):
        mine = layer_of(module)
        if mine == len(LAYERS):
            found.append(f"{module} belongs to no layer of LAYERS")
            continue
        for name in sorted(imported):
            theirs = layer_of(name)
            if theirs is None or theirs <= mine or (module, name) in exceptions:
                continue
            where = LAYERS[theirs][0] if theirs < len(LAYERS) else ("no layer",)
            found.append(f"{module} ({', '.join(LAYERS[mine][0])}) imports {name}, which stands "
                         f"below it ({', '.join(where)})")
    return found


def violations(graph: dict[str, set[str]]) -> list[str]:
    """Every import that crosses a line the layout forbids, as readable sentences."""
    found = layer_violations(graph)
    for module, imported in sorted(graph.items()):
        for name in sorted(imported):
            if _within(module, [f"{PACKAGE}.analysis"]) and _within(name, ANALYSIS_FORBIDDEN):
                found.append(f"{module} (analysis) imports {name}")
            if _within(module, [f"{PACKAGE}.charts"]) and _within(name, [f"{PACKAGE}.analysis"]):
                found.append(f"{module} (charts) imports {name}")
            if _within(module, [f"{PACKAGE}.runner"]) and _within(name, RUNNER_FORBIDDEN) \
                    and (module, name) not in EXCEPTIONS:
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
        "hy_analysis.analysis.x (analysis) imports hy_analysis.findings.common, which stands "
        "below it (findings)",
        "hy_analysis.loading (loading) imports hy_analysis.cli, which stands below it (cli)",
        "hy_analysis.validation (validation) imports hy_analysis.loading, which stands below "
        "it (loading)",
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


def test_a_module_imported_by_its_name_is_held_to_the_order_too(tmp_path):
    package = tmp_path / "hy_analysis"
    (package / "runner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "runner" / "__init__.py").write_text("")
    (package / "runner" / "x.py").write_text(
        "import importlib\n"
        "def f():\n    importlib.import_module('hy_analysis.charts.fdi').plot()\n"
        "    __import__('hy_analysis.widgets')\n    importlib.import_module(name_at_run_time)\n")
    graph = import_graph(package)
    assert graph["hy_analysis.runner.x"] == {"importlib", "hy_analysis.charts.fdi",
                                             "hy_analysis.widgets"}
    found = violations(graph)
    assert any("hy_analysis.runner.x (runner) imports hy_analysis.charts.fdi" in f for f in found)
    assert any("imports hy_analysis.widgets" in f for f in found)


@functools.lru_cache(maxsize=1)
def _package_graph() -> dict[str, set[str]]:
    return import_graph()


@pytest.mark.parametrize("importer,imported", [
    ("paths", "schema"), ("schema", "vocabulary"), ("territories", "parsing"),
    ("parsing", "validation"), ("validation", "loading"), ("loading", "extraction.core"),
    ("extraction.reading", "params"), ("params", "analysis.growth"),
    ("analysis.fdi", "findings.fdi"), ("findings.common", "charts.base"),
    ("charts.base", "display"), ("display", "views"), ("views", "widgets"),
    ("widgets", "notebook"), ("notebook", "review"), ("review", "manifest"),
    ("manifest", "rendering"), ("rendering", "runner.pool"),
    ("runner.plan", "servers"), ("servers", "cli"), ("cli", "__init__"),
])
def test_a_wrong_way_import_anywhere_in_the_order_fails(importer, imported):
    def name(unit):
        return PACKAGE if unit == "__init__" else f"{PACKAGE}.{unit}"

    graph = dict(_package_graph())
    graph[name(importer)] = graph.get(name(importer), set()) | {name(imported)}
    found = layer_violations(graph)
    assert [v for v in found if v.startswith(f"{name(importer)} (")] and \
        f"imports {name(imported)}, which stands below it" in " ".join(found)


def test_an_unknown_module_and_a_listed_exception_are_both_held_to_the_order():
    graph = {f"{PACKAGE}.newthing": set(), f"{PACKAGE}.sharing": {f"{PACKAGE}.rendering"}}
    assert layer_violations(graph, exceptions={}) == [
        "hy_analysis.newthing belongs to no layer of LAYERS",
        "hy_analysis.sharing (sections, views, sharing) imports hy_analysis.rendering, which "
        "stands below it (rendering, sharing.page)",
    ]


# ------------------------------------------------------------------ the package itself


def test_every_layer_names_modules_that_exist_and_every_exception_is_still_needed():
    graph = import_graph()
    tops = ({m.split(".")[1] if "." in m else "__init__" for m in graph}
            | {".".join(m.split(".")[1:3]) for m in graph})
    missing = {n for names, _ in LAYERS for n in names} - tops
    assert not missing
    for importer, imported in EXCEPTIONS:
        assert imported in graph.get(importer, set()), f"exception no longer needed: {importer}"

def test_no_import_crosses_a_layer():
    assert violations(import_graph()) == []


def test_no_import_cycle_between_package_modules():
    assert cycles(import_graph()) == []
