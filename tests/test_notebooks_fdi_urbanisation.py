"""The FDI-by-country and urbanisation notebooks: papermill runs and the widget callbacks."""

from __future__ import annotations

from unittest import mock

import pytest

from hy_analysis.loading import load_region_map

from hy_analysis.paths import PROJECT_DIR

NOTEBOOKS = PROJECT_DIR / "notebooks"


@pytest.fixture(autouse=True)
def _kernel_backend(monkeypatch):
    # conftest sets MPLBACKEND=Agg for in-process tests; the kernel would inherit it and
    # draw no inline images. Let the kernel use its default (inline) backend, as for users.
    monkeypatch.delenv("MPLBACKEND", raising=False)


def _execute(name, tmp_path, parameters):
    import papermill

    out = tmp_path / f"{name}-out.ipynb"
    return papermill.execute_notebook(str(NOTEBOOKS / f"{name}.ipynb"), str(out),
                                      kernel_name="python3", parameters=parameters,
                                      progress_bar=False, cwd=str(tmp_path),
                                      execution_timeout=300)


def _outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


def _markdown(nb) -> str:
    return "\n".join(o["data"]["text/markdown"] for o in _outputs(nb)
                     if "text/markdown" in o.get("data", {}))


def _check_run(nb, summary):
    assert not [o for o in _outputs(nb) if o["output_type"] == "error"]
    images = [o for o in _outputs(nb) if "image/png" in o.get("data", {})]
    assert images, "no chart in the executed notebook"
    assert summary in _markdown(nb)
    return images


@pytest.mark.notebook
@pytest.mark.parametrize("parameters, summary, expected, absent", [
    ({}, "Tham số của lần chạy này", ["Nhật Bản", "Nước khác (tính toán)", "550", "543",
                                       "không có vốn theo quốc gia"], []),
    ({"countries": ["Japan"], "include_other": False, "lang": "en"}, "Parameters of this run",
     ["Japan", "Sources disagree", "New Hưng Yên"], ["Korea 1", "Other countries (computed)"]),
    ({"region": "Bắc Giang", "lang": "en"}, "Parameters of this run",
     ["No FDI figures for Bắc Giang"], []),
])
def test_fdi_notebook_runs(tmp_path, parameters, summary, expected, absent):
    nb = _execute("fdi_by_country", tmp_path, parameters)
    images = _check_run(nb, summary)
    text = _markdown(nb)
    for phrase in expected:
        assert phrase in text
    for phrase in absent:
        assert phrase not in text
    if parameters.get("region") is None:
        assert len(images) >= 4


@pytest.mark.notebook
@pytest.mark.parametrize("parameters, summary, expected", [
    ({}, "Tham số của lần chạy này", ["2,00 điểm %/năm", "không có tỷ lệ đô thị hóa đo được",
                                       "Chưa có đường cơ sở", "10 đô thị loại V"]),
    ({"baseline_year": 2023, "baseline_rate": 40.0, "lang": "en"}, "Parameters of this run",
     ["2.00 pp/yr", "40 % in 2023", "4.00 pp/yr", "no measured provincial urbanisation rate",
      "7 class IV towns"]),
    ({"region": "Bắc Giang", "lang": "en"}, "Parameters of this run",
     ["No urbanisation-rate targets for Bắc Giang"]),
])
def test_urbanisation_notebook_runs(tmp_path, parameters, summary, expected):
    nb = _execute("urbanisation", tmp_path, parameters)
    _check_run(nb, summary)
    text = _markdown(nb)
    for phrase in expected:
        assert phrase in text


@pytest.mark.notebook
@pytest.mark.parametrize("name, parameters, message", [
    ("fdi_by_country", {"countries": ["France"]}, "valid choices: Japan, Korea, China"),
    ("urbanisation", {"baseline_year": 2023}, "give both or neither"),
])
def test_invalid_parameter_fails_with_choices(tmp_path, name, parameters, message):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as caught:
        _execute(name, tmp_path, parameters)
    assert message in str(caught.value)


@pytest.mark.parametrize("name", ["fdi_by_country", "urbanisation"])
def test_notebooks_stored_clean(name):
    import nbformat

    from hy_analysis.params import get_params

    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    assert nb.metadata.kernelspec.name == "python3"
    assert nb.metadata.kernelspec.display_name == "Python 3 (hy-analysis)"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    namespace: dict = {}
    exec(tagged[0].source, namespace)  # plain literals only
    assert {p.name: p.default for p in get_params(name)} == {
        k: v for k, v in namespace.items() if not k.startswith("__")}
    for cell in code:
        assert "def " not in cell.source and "class " not in cell.source
        assert ".csv" not in cell.source and "/" not in cell.source.replace("//", "")


# ----------------------------------------------------------------- widgets without a kernel

@pytest.fixture(scope="module")
def data():
    from hy_analysis import load_sources, load_targets

    return load_targets(), load_sources()


def test_fdi_panel_redraws_with_new_countries(data):
    from hy_analysis import validate_params
    from hy_analysis.analysis import fdi
    from hy_analysis.vocabulary import OTHER
    from hy_analysis.widgets import filter_panel

    targets, sources = data
    calls = []

    def render(values):
        calls.append(values)
        return fdi.projects_by_country(targets,
                                       region_map=load_region_map(), region=values["region"],
                                       countries=values["countries"],
                                       include_other=values["include_other"])

    params = validate_params("fdi_by_country", {})
    panel = filter_panel("fdi_by_country", params, render,
                         names=["region", "countries", "include_other"])
    panel.controls["countries"].value = ("Japan",)
    assert calls[-1]["countries"] == ["Japan"]
    assert set(render(calls[-1])["country"]) == {"Japan", OTHER}
    panel.controls["include_other"].value = False
    assert calls[-1]["include_other"] is False
    assert set(render(calls[-1])["country"]) == {"Japan"}


def test_fdi_render_draws_chart_and_table(data):
    import matplotlib.pyplot as plt

    from hy_analysis import validate_params, views

    targets, sources = data
    shown = []
    values = validate_params("fdi_by_country", {"countries": ["Korea"], "lang": "en"})
    # show_chart receives the figure (it then shows a PNG with alt text and closes it).
    with mock.patch("hy_analysis.display.show_chart",
                    side_effect=lambda chart, **kw: shown.append(getattr(chart, "figure", chart))), \
            mock.patch("hy_analysis.display.show_table") as table:
        views.render_fdi_view(values,
                              region_map=load_region_map(), targets=targets, sources=sources)
    figures = [s for s in shown if hasattr(s, "savefig")]
    assert len(figures) == 1
    labels = [t.get_text() for t in figures[0].axes[0].get_legend().get_texts()]
    assert labels == ["Korea", "Other countries (computed)"]
    assert set(table.call_args.args[0]["Country"]) == {"Korea", "Other countries (computed)"}
    plt.close("all")


def test_urbanisation_panel_baseline_and_refusal(data):
    from hy_analysis import validate_params
    from hy_analysis.widgets import filter_panel

    calls = []
    params = validate_params("urbanisation", {})
    panel = filter_panel("urbanisation", params, calls.append,
                         names=["region", "target_years", "baseline_year", "baseline_rate"])
    panel.controls["baseline_year"].value = "2023"
    assert not calls and "give both or neither" in panel.message.value
    panel.controls["baseline_rate"].value = "40,5"
    assert calls[-1]["baseline_year"] == 2023 and calls[-1]["baseline_rate"] == 40.5
    panel.controls["target_years"].value = "2030"
    assert calls[-1]["target_years"] == [2030]


def test_urbanisation_render_uses_baseline(data):
    from hy_analysis import validate_params, views

    targets, sources = data
    shown, texts = [], []
    values = validate_params("urbanisation", {"baseline_year": 2023, "baseline_rate": 40.0,
                                              "lang": "en"})
    with mock.patch("hy_analysis.display.show_chart",
                    side_effect=lambda chart, **kw: shown.append(getattr(chart, "figure", chart))), \
            mock.patch("hy_analysis.display.show_markdown", side_effect=texts.append), \
            mock.patch("hy_analysis.display.show_table"):
        views.render_urbanisation_view(values,
                                       region_map=load_region_map(),
                                       targets=targets, sources=sources)
    assert len([s for s in shown if hasattr(s, "savefig")]) == 1
    assert any("4.00 pp/yr" in t for t in texts)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_region_without_rate_targets_is_told_so_once(data, lang):
    """Thái Bình, Bắc Giang and Đông Hưng have no urbanisation-rate target: sections 1 and 2
    (and the filter panel, which shows both) said the same "no targets for X" twice. Section
    2 now says what it lacks for its own question: two target years with figures."""
    from hy_analysis import validate_params, views
    from hy_analysis.findings.common import messages

    targets, sources = data
    m = messages("findings-urbanisation", lang)
    for region in ("Thái Bình", "Bắc Giang", "Đông Hưng"):
        texts = []
        values = validate_params("urbanisation", {"region": region, "lang": lang})
        with mock.patch("hy_analysis.display.show_chart"), \
                mock.patch("hy_analysis.display.show_markdown", side_effect=texts.append), \
                mock.patch("hy_analysis.display.show_table"):
            views.render_urbanisation_view(values, region_map=load_region_map(),
                                           targets=targets, sources=sources)
        assert texts == [m["no_rates"].format(region=region), m["need_two_years"]], region


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_region_without_town_classes_gets_no_empty_table(lang):
    """Sections 3 and 4 for a region with no class ladder or town counts: the sentence that
    says so (and the chart's "no data" placeholder every notebook shows), then no empty
    table; a region with them keeps its tables."""
    from hy_analysis import load_sources, load_targets, load_urban_classes
    from hy_analysis.sections import urbanisation as sections

    targets, sources, classes = load_targets(), load_sources(), load_urban_classes()
    for region, shown in (("Thái Bình", []), ("Hưng Yên", ["md", "chart", "table", "md",
                                                            "table"])):
        calls = []
        with mock.patch("hy_analysis.display.show_chart", side_effect=lambda *a, **k:
                        calls.append("chart")), \
                mock.patch("hy_analysis.display.show_markdown", side_effect=lambda *a, **k:
                           calls.append("md")), \
                mock.patch("hy_analysis.display.show_table", side_effect=lambda *a, **k:
                           calls.append("table")):
            sections.class_ladder(classes, region=region, region_map=load_region_map(),
                                  sources=sources, lang=lang)
            sections.class_counts(targets, region=region, sources=sources, lang=lang)
        assert calls == (shown or ["md", "chart", "md"]), region
