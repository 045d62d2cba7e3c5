"""Precomputed filter-panel states for shared HTML (issue 12), without a browser."""

from __future__ import annotations

import base64
import gzip
import html
import json
import re

import nbformat
import pytest

from hy_analysis.loading import load_region_map

from hy_analysis import sharing
from hy_analysis.exceptions import ParameterError
from hy_analysis.manifest import page_report
from hy_analysis.params import validate_params
from hy_analysis.rendering import render_notebook_html
from hy_analysis.views import VIEWS
from hy_analysis.widgets import _rendered_outputs


@pytest.fixture
def shell():
    """An in-process IPython shell with inline charts, as a kernel has (removed afterwards)."""
    from IPython.core.interactiveshell import InteractiveShell

    from hy_analysis.charts.base import setup

    ip = InteractiveShell.instance()
    ip.enable_gui = lambda gui=None: None  # the base shell has no event loop to hook
    ip.run_line_magic("matplotlib", "inline")
    setup()
    yield ip
    InteractiveShell.clear_instance()


def _data(page: str) -> dict:
    text = re.search(r'<script type="application/json" class="hy-share-data">(.*?)</script>',
                     page, re.S).group(1)
    data = json.loads(text)
    data["blocks"] = json.loads(gzip.decompress(base64.b64decode(data.pop("zblocks"))))
    return data


@pytest.mark.parametrize("env, expected", [
    ({"HY_HEADLESS": "1"}, True),
    ({}, True),                                           # plain papermill / nbconvert
    ({"JPY_SESSION_NAME": "overview.ipynb"}, False),      # JupyterLab
    ({"VOILA_KERNEL_ID": "k"}, False),                    # Voilà
    ({"VOILA_KERNEL_ID": "k", "HY_SHARE": "yes"}, True),  # asked for
    ({"HY_HEADLESS": "1", "HY_SHARE": "0"}, False),       # switched off
])
def test_sharing_run_follows_the_documented_rules(env, expected):
    assert sharing.sharing_run(env) is expected


def test_bad_settings_name_the_variable_and_value():
    with pytest.raises(ParameterError, match="HY_SHARE: expected 1 or 0, got 'maybe'"):
        sharing.sharing_run({"HY_SHARE": "maybe"})
    with pytest.raises(ParameterError, match="HY_SHARE_MAX_STATES.*got '0'"):
        sharing.max_states_setting({"HY_SHARE_MAX_STATES": "0"})


def test_controls_offer_the_values_a_reader_picks_run_value_first():
    values = validate_params("fdi_by_country", {"region": "Bắc Giang",
                                                "countries": ["Korea"]})
    controls = sharing.plan_controls("fdi_by_country", values, VIEWS["fdi_by_country"][1],
                                     max_states=10_000)
    region, countries, other = controls
    assert region.kind == "select" and region.values[0] == "Bắc Giang"
    assert len(region.values) == len(set(region.values)) >= 4
    assert countries.kind == "checks" and countries.values[0] == ["Korea"]
    assert len(countries.values) == 2 ** 3  # every subset of three countries, empty included
    assert ["Japan", "Korea", "China"] in countries.values and [] in countries.values
    assert countries.labels["Japan"] == "Nhật Bản"
    assert other.kind == "bool" and other.values == [True, False]


def test_the_cap_fixes_controls_from_the_last_and_years_are_a_short_range():
    values = validate_params("industrial_growth")
    names = VIEWS["industrial_growth"][1]
    roomy = sharing.plan_controls("industrial_growth", values, names, max_states=10_000)
    start = next(c for c in roomy if c.name == "start_year")
    assert start.kind == "range" and sorted(start.values) == list(range(2018, 2025))
    scenario = next(c for c in roomy if c.name == "scenario_growth")
    assert scenario.kind == "fixed" and scenario.why_fixed == "free"
    # Every region (5) times the start years (7) fit; the end years do not.
    cap = len(next(c for c in roomy if c.name == "region").values) * 7
    tight = sharing.plan_controls("industrial_growth", values, names, max_states=cap)
    kinds = {c.name: (c.kind, c.why_fixed) for c in tight}
    assert kinds["end_year"] == ("fixed", "cap") and kinds["start_year"][0] == "range"
    assert sharing._count(tight) <= cap < sharing._count(roomy)


def test_state_key_matches_javascript_json():
    # JSON.stringify writes no spaces and keeps non-ASCII letters as they are.
    assert sharing.state_key(["Đông Hưng", [], False, 2020]) == '["Đông Hưng",[],false,2020]'


def test_precompute_stores_identical_outputs_once_and_keeps_refusals(shell):
    calls = []

    def render(values):
        from IPython.display import Markdown, display

        calls.append(values)
        # Two regions show the same text: one stored block serves both states.
        same = values["region"] in ("Hưng Yên", "Thái Bình")
        display(Markdown("**same**" if same else f"region {values['region']}"))

    values = validate_params("fdi_by_country")
    panel = sharing.precompute("fdi_by_country", values, render, ["region", "countries"],
                               capture=_rendered_outputs, max_states=100)
    refused = [k for k, v in panel.states.items() if isinstance(v, str)]
    assert refused and all(json.loads(k)[1] == [] for k in refused)
    # In the reader's language, as the live panel says it.
    assert panel.states[refused[0]] == "Hãy chọn ít nhất một mục trong «Quốc gia đầu tư» để vẽ lại."
    drawn = [v for v in panel.states.values() if isinstance(v, list)]
    assert len(calls) == len(drawn) == len(panel.states) - len(refused)
    assert len(panel.blocks) == len({b for ids in drawn for b in ids}) < len(drawn)
    assert panel.first == sharing.state_key(["Hưng Yên", ["Japan", "Korea", "China"]])


def test_panel_page_part_has_named_labelled_controls_and_starts_on_the_run(shell):
    values = validate_params("fdi_by_country", {"countries": ["Japan", "China"]})
    render, names = VIEWS["fdi_by_country"]

    def view(v):
        from hy_analysis.loading import load_sources, load_targets

        render(v, region_map=load_region_map(), targets=load_targets(), sources=load_sources())

    # Every region times the 8 subsets of countries fit; include_other is fixed.
    regions = len(sharing.plan_controls("fdi_by_country", values, names,
                                        max_states=10_000)[0].values)
    panel = sharing.precompute("fdi_by_country", values, view, names,
                               capture=_rendered_outputs, max_states=regions * 8)
    page = sharing.panel_html(panel)
    assert '<select id="' in page and 'name="region"' in page
    assert re.search(r'<label class="hy-share-label" for="[^"]+-region">Địa phương</label>', page)
    assert page.count('name="countries"') == 3 and "Hàn Quốc" in page
    assert re.search(r'value="Japan" checked', page) and not re.search(
        r'value="Korea" checked', page)
    # The cap fixed the last control, and the page says so in the report's language.
    assert "Giữ cố định" in page and \
        f"Hiện các nước khác = có (quá {regions * 8} trạng thái)" in page
    data = _data(page)
    first = data["states"][panel.first]
    view_html = page.split('<div class="hy-share-view">', 1)[1]
    assert all(data["blocks"][b] in view_html for b in first)  # no JavaScript: the run's own
    images = [b for b in data["blocks"].values() if b.startswith("<img")]
    # States draw SVG whose words are text (the page's compression shrinks it, base64 would
    # not shrink): Vietnamese diacritics and the unit as written, a sans-serif fallback.
    assert images and all(b.startswith('<img src="data:image/svg+xml,&lt;svg ') for b in images)
    svgs = [html.unescape(b.split('"')[1]).replace("%23", "#").replace("%25", "%")
            for b in images]
    texts = [t for svg in svgs for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    assert "Nhật Bản" in texts and "Số dự án FDI (lũy kế, dự án)" in texts, texts
    svg = svgs[0]
    assert "font-family: 'DejaVu Sans', " in svg and "sans-serif" in svg
    assert "</script" not in page.split('class="hy-share-data">', 1)[1].split("</script>")[0]


def test_table_cells_are_escaped_exactly_once(shell):
    import pandas as pd
    from IPython.utils.capture import capture_output

    from hy_analysis.display import show_table, static_tables

    frame = pd.DataFrame({"Nguồn": ["People's Council <b>x</b>"]})
    with capture_output() as live:
        show_table(frame)
    html = live.outputs[0].data["text/html"]
    # The static preview and the DataTables rows: markup neutralised once, the quote as is.
    assert html.count("People's Council &lt;b&gt;x&lt;/b&gt;") == 2
    assert "&amp;" not in html and "&#x27;" not in html
    assert re.search(r'"lengthMenu": \[10, 15, 25, 50, 100\]', html)
    with static_tables(), capture_output() as static:
        show_table(frame)
    html = static.outputs[0].data["text/html"]
    assert "<td>People's Council &lt;b&gt;x&lt;/b&gt;</td>" in html and "<th>Nguồn</th>" in html
    assert "<script" not in html


def test_rendering_keeps_the_precomputed_panel_and_drops_the_dead_widget():
    widget = {"application/vnd.jupyter.widget-view+json": {"model_id": "m", "version_major": 2,
                                                            "version_minor": 0},
              "text/plain": "VBox()"}
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("panel", outputs=[
        nbformat.v4.new_output("display_data", data=dict(widget)),
        nbformat.v4.new_output("display_data", data={
            **widget, "text/html": '<div class="hy-shared-panel" data-states="2" '
                                   'data-seconds="0.10">PANEL-HERE</div>'})])]
    page = render_notebook_html(nb, title="t")
    assert page.count("PANEL-HERE") == 1 and "VBox()" not in page
    assert "widget-view+json" not in page
    assert page_report(page)["panels"] == [{"states": 2, "seconds": 0.1}]


def test_an_english_report_labels_its_controls_in_english(shell):
    from IPython.display import Markdown, display

    values = validate_params("overview", {"lang": "en", "kinds": ["target"]})
    panel = sharing.precompute("overview", values,
                               lambda v: display(Markdown(f"{len(v['kinds'])} kinds")),
                               ["kinds", "regions"], capture=_rendered_outputs, lang="en",
                               max_states=4)
    page = sharing.panel_html(panel)
    assert "Filters (precomputed for sharing)" in page and "<legend>Kinds</legend>" in page
    assert "Fixed in this shared page: Regions = " in page and "more than 4 states" in page
    assert "> targets</label>" in page and "Bộ lọc" not in page
    assert panel.first == sharing.state_key([["target"]])


def test_fixed_numbers_read_in_the_reports_language(shell):
    # the Vietnamese attainment panel said "Dung sai 'khoảng' = 0.05" beside the header's 0,05
    from IPython.display import Markdown, display

    values = validate_params("attainment", {"lang": "vi"})
    panel = sharing.precompute("attainment", values, lambda v: display(Markdown("x")),
                               ["region", "tolerance", "on_track"],
                               capture=_rendered_outputs, lang="vi")
    page = sharing.panel_html(panel)
    fixed = re.search(r'<p class="hy-share-fixed">(.*?)</p>', page).group(1)
    assert "= 0,05" in fixed and "= 0,95" in fixed and "0.05" not in fixed


def test_fixed_choices_are_written_in_words(shell):
    # the Vietnamese overview panel said "Loại số liệu = target, actual (quá 64 trạng thái)"
    from IPython.display import Markdown, display

    values = validate_params("overview", {"lang": "vi", "kinds": ["target", "actual"]})
    panel = sharing.precompute("overview", values, lambda v: display(Markdown("x")),
                               ["regions", "kinds"], capture=_rendered_outputs, lang="vi",
                               max_states=4)
    page = sharing.panel_html(panel)
    fixed = re.search(r'<p class="hy-share-fixed">(.*?)</p>', page).group(1)
    assert "mục tiêu, thực hiện" in fixed and "target" not in fixed


@pytest.mark.parametrize("lang,wanted", [("vi", "Kịch bản tăng trưởng (%/năm) = 7; 9,5 ("),
                                         ("en", "= 7, 9.5 (")])
def test_fixed_lists_of_numbers_and_switches_read_as_the_header_writes_them(shell, lang, wanted):
    # the Vietnamese growth panel said "Kịch bản tăng trưởng (%/năm) = 8.0, 12.0" and the FDI
    # panel "Hiện các nước khác = true", where the report's header says "8, 12" and "có"
    from IPython.display import Markdown, display

    values = validate_params("industrial_growth", {"lang": lang, "scenario_growth": [7, 9.5]})
    panel = sharing.precompute("industrial_growth", values, lambda v: display(Markdown("x")),
                               ["region", "scenario_growth"], capture=_rendered_outputs,
                               lang=lang)
    fixed = re.search(r'<p class="hy-share-fixed">(.*?)</p>', sharing.panel_html(panel)).group(1)
    assert wanted in fixed and "9.5, " not in fixed.replace("= 7, 9.5 (", "")
    if lang == "vi":
        assert "7.0" not in fixed and "9.5" not in fixed

    values = validate_params("fdi_by_country", {"lang": lang})
    panel = sharing.precompute("fdi_by_country", values, lambda v: display(Markdown("x")),
                               ["region", "include_other"], capture=_rendered_outputs,
                               lang=lang, max_states=5)
    fixed = re.search(r'<p class="hy-share-fixed">(.*?)</p>', sharing.panel_html(panel)).group(1)
    assert ("= có (" if lang == "vi" else "= yes (") in fixed and "true" not in fixed
