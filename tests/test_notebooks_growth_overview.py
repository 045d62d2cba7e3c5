"""The industrial_growth and overview notebooks: structure, papermill runs, widget panels."""

import base64
import re
from functools import partial
from pathlib import Path

import nbformat
import pytest

from hy_analysis import sections, views
from hy_analysis.loading import load_region_map
from hy_analysis.params import get_params
from hy_analysis.paths import notebooks_dir

NOTEBOOKS = ("industrial_growth", "overview")


def _read(name):
    return nbformat.read(notebooks_dir() / f"{name}.ipynb", as_version=4)


def _parameters_cell(book):
    tagged = [c for c in book.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    return tagged[0]


# ------------------------------------------------------------------ conventions (no kernel)

@pytest.mark.parametrize("name", ["attainment", "industrial_growth", "fdi_by_country",
                                  "urbanisation"])
def test_fixed_text_of_a_region_notebook_names_no_province(name):
    # these notebooks run for any province: the Bắc Ninh scorecard opened on "tỉnh Hưng Yên
    # cũ, Thái Bình" and section 8 was "Bắc Giang để so sánh" whatever compare_region was.
    # The province is the run's and is written by the header and the computed findings.
    book = _read(name)
    assert re.search(r"^region\s*=", _parameters_cell(book).source, re.MULTILINE)
    for cell in book.cells:
        if cell.cell_type == "markdown":
            found = re.findall(r"Hưng Yên|Thái Bình|Bắc Giang|Bắc Ninh|Đông Hưng", cell.source)
            assert not found, (cell.source[:80], found)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_stored_clean_with_the_project_kernel(name):
    book = _read(name)
    assert book.metadata.kernelspec.name == "python3"
    assert book.metadata.kernelspec.display_name == "Python 3 (hy-analysis)"
    assert book.metadata.kernelspec.language == "python"
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
            # notebooks narrate and call; logic lives in the package
            assert "def " not in cell.source and "class " not in cell.source
            assert "data/" not in cell.source and ".csv" not in cell.source
    assert book.cells[0].cell_type == "markdown" and book.cells[0].source.startswith("# ")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_parameters_cell_matches_params_defaults(name):
    namespace = {}
    exec(_parameters_cell(_read(name)).source, namespace)  # plain literals only
    defaults = {p.name: p.default for p in get_params(name)}  # the common ones too
    assert {k: v for k, v in namespace.items() if not k.startswith("__")} == defaults


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_has_filter_panel_and_charts(name):
    sources = "\n".join(c.source for c in _read(name).cells if c.cell_type == "code")
    assert f'run = start("{name}", globals())' in sources  # validates, shows the summary
    assert sources.rstrip().endswith("run.filter_panel()")
    # The cells call the notebook's section functions, the ones its panel calls too.
    assert "from hy_analysis.sections import " in sources and "plt." not in sources
    assert not re.findall(r"[\w.]*plot_\w+\(", sources)
    # one way to show a chart: every plot_* call of a section is shown (and closed) by
    # show_chart
    family = {"industrial_growth": "growth"}.get(name, name)
    code = (Path(sections.__file__).parent / f"{family}.py").read_text(encoding="utf-8")
    calls = re.findall(r"[\w.]*plot_\w+\(", code)
    assert calls and len(re.findall(r"show_chart\([\w.]*plot_\w+\(", code)) == len(calls)


# ------------------------------------------------------------------ widget callbacks

def _panel(name, values, render):
    from hy_analysis.widgets import filter_panel

    return filter_panel(name, values, render, lang=values["lang"],
                        names=["region", "start_year", "end_year", "scenario_growth"]
                        if name == "industrial_growth" else ["regions", "kinds"])


def test_growth_panel_calls_render_with_the_new_values():
    from hy_analysis.params import validate_params

    calls = []
    panel = _panel("industrial_growth", validate_params("industrial_growth"), calls.append)
    panel.controls["region"].value = "Bắc Giang"
    panel.controls["scenario_growth"].value = "5; 9,5"
    assert calls[0]["region"] == "Bắc Giang"
    assert calls[-1]["scenario_growth"] == [5.0, 9.5]
    panel.controls["start_year"].value = 2035  # after end_year: refused, not rendered
    assert len(calls) == 2 and "start_year must be before end_year" in panel.message.value
    assert panel.values["start_year"] == 2021


def test_growth_panel_redraws_the_output(monkeypatch):
    from hy_analysis import display
    from hy_analysis.loading import load_sources, load_targets
    from hy_analysis.params import validate_params

    shown = []
    monkeypatch.setattr(display, "show_markdown", shown.append)
    monkeypatch.setattr(display, "show_table", lambda frame, **kw: shown.append(frame))
    render = partial(views.render_growth_view, region_map=load_region_map(), targets=load_targets(),
                     sources=load_sources())
    panel = _panel("industrial_growth", validate_params("industrial_growth", {"lang": "en"}),
                   render)
    panel.controls["region"].value = "Đông Hưng"
    texts = [s for s in shown if isinstance(s, str)]
    assert any("Đông Hưng" in text and "**17.2 %**" in text for text in texts)


def test_overview_panel_filters_the_table(monkeypatch):
    from hy_analysis import display
    from hy_analysis.loading import load_sources, load_targets
    from hy_analysis.params import validate_params

    tables = []
    monkeypatch.setattr(display, "show_markdown", lambda text: None)
    monkeypatch.setattr(display, "show_table", lambda frame, **kw: tables.append(frame))
    monkeypatch.setattr(display, "show_chart", lambda chart: None)
    render = partial(views.render_overview_view, targets=load_targets(),
                     region_map=load_region_map(),
                     sources=load_sources())
    panel = _panel("overview", validate_params("overview"), render)
    panel.controls["regions"].value = ("Đông Hưng",)
    tables.clear()
    panel.controls["kinds"].value = ("actual",)
    figures = tables[0]  # section 1's table comes first
    assert set(figures["Địa phương"]) == {"Đông Hưng"}  # reader headers in the run's lang
    assert set(figures["Loại"]) == {"thực hiện"}
    assert panel.values["regions"] == ["Đông Hưng"]


# ------------------------------------------------------------------ papermill runs

@pytest.fixture
def inline_kernel(monkeypatch):
    """Let the kernel use its inline backend: conftest's MPLBACKEND=Agg would be inherited by
    the kernel process and silently drop every chart from the executed notebook."""
    monkeypatch.delenv("MPLBACKEND", raising=False)


def _execute(name, tmp_path, parameters):
    import papermill

    out = tmp_path / f"{name}-out.ipynb"
    papermill.execute_notebook(str(notebooks_dir() / f"{name}.ipynb"), str(out),
                               kernel_name="python3", parameters=parameters,
                               cwd=str(tmp_path), progress_bar=False, execution_timeout=300)
    return nbformat.read(out, as_version=4)


def _outputs(book):
    for cell in book.cells:
        for output in cell.get("outputs", []):
            yield output


def _text(book):
    parts = []
    for output in _outputs(book):
        if output.output_type == "stream":
            parts.append(output.text)
        for key in ("text/markdown", "text/plain", "text/html"):
            if key in output.get("data", {}):
                parts.append(output.data[key])
    return "\n".join(parts)


def _pngs(book):
    return [base64.b64decode(o.data["image/png"]) for o in _outputs(book)
            if "image/png" in o.get("data", {})]


RUNS = [
    ("industrial_growth", {}, ["Tham số của lần chạy này", "53,9–61,1 %", "6,35 %", "27,5 %/năm",
                               "10,9 %/năm"], 6),
    ("industrial_growth", {"region": "Bắc Giang", "lang": "en", "scenario_growth": [7.5]},
     ["Parameters of this run", "27.5 %/yr", "industry-construction 62.30 %",
      "scenario 7.5 %/yr"], 6),
    ("industrial_growth", {"region": "Đông Hưng", "start_year": 2021, "end_year": 2025},
     ["17,20 %", "Đông Hưng"], 6),
    ("overview", {}, ["Tham số của lần chạy này", "khoảng 70%", "64,1%", "mâu thuẫn",
                      "27,5 %/năm"], 3),
    ("overview", {"regions": ["Đông Hưng"], "kinds": ["actual"], "lang": "en"},
     ["Parameters of this run", "**0** pair(s) of figures conflict", "17,2%"], 3),
]


@pytest.mark.notebook
@pytest.mark.parametrize("name, parameters, expected, n_images", RUNS,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(RUNS)])
def test_notebook_runs(name, parameters, expected, n_images, tmp_path, inline_kernel):
    book = _execute(name, tmp_path, parameters)
    assert not [o for o in _outputs(book) if o.output_type == "error"]
    text = _text(book)
    for snippet in expected:
        assert snippet in text, snippet
    images = _pngs(book)
    assert len(images) == n_images
    assert all(png.startswith(b"\x89PNG") for png in images)
    # No chart shows twice (figures are closed once shown).
    assert len(set(images)) == len(images)


@pytest.mark.notebook
@pytest.mark.parametrize("name, parameters, expected", [
    ("industrial_growth", {"region": "Hà Nội"}, "valid choices: Hưng Yên"),
    ("overview", {"kinds": ["plan"]}, "valid choices: target, actual"),
])
def test_invalid_parameter_fails_with_the_choices(name, parameters, expected, tmp_path,
                                                   inline_kernel):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as info:
        _execute(name, tmp_path, parameters)
    assert "ParameterError" in str(info.value) and expected in str(info.value)
