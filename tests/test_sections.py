"""Every filter panel shows what its notebook's sections show, the user's data included.

The notebook's code cells run in an in-process IPython shell with ``user_data`` injected as
papermill injects it; the panel is then built from the same run. Its first state, live
(:meth:`FilterPanel.refresh`) and precomputed for a shared page
(:func:`hy_analysis.sharing.precompute`), must equal the outputs of the notebook's cells
that call the sections the panel redraws.
"""

from __future__ import annotations

import inspect
import json
import re

import nbformat
import pytest

from hy_analysis import sections, sharing
from hy_analysis.display import static_tables
from hy_analysis.paths import notebooks_dir
from hy_analysis.views import VIEWS
from hy_analysis.widgets import _rendered_outputs

COLUMNS = ("id,region,territory,indicator,indicator_vi,indicator_en,kind,period_start,"
           "period_end,as_of,measure,breakdown,value_raw,unit,source_id,source_locator,"
           "derived,note")
HY = "Hưng Yên,Hưng Yên (before 2025-07-01)"
#: One row per panel, each with a figure the panel shows (checked: absent without the file).
USER_ROWS = {
    "industrial_growth": (
        f"user-iip-2026-2030,{HY},iip_growth,Tăng IIP,IIP growth,target,2026,2030,,"
        "period_average_growth,,\"13,57%/năm\",percent,hy-kh87-2023,user row,false,", "13,57"),
    "fdi_by_country": (
        f"user-fdi-japan,{HY},fdi_projects,Số dự án FDI,FDI projects,actual,2025,2025,"
        "2025-03-01,level,Japan,919 dự án,count,hy-kh87-2023,user row,false,", "919"),
    "urbanisation": (
        f"user-urban-2030,{HY},urbanisation_rate,Tỷ lệ đô thị hóa,Urbanisation rate,target,"
        "2030,2030,,level,,khoảng 61-63%,percent,hy-kh87-2023,user row,false,", "61-63"),
    "overview": (
        f"user-exports-2027,{HY},exports,Kim ngạch xuất khẩu,Exports,target,2027,2027,,level,,"
        "\"9,87 tỷ USD\",USD,hy-kh87-2023,user row,false,", "9,87 tỷ USD"),
    "attainment": (
        f"user-grdp-2021-2025,{HY},grdp_growth,Tăng trưởng GRDP,GRDP growth,target,2021,2025,,"
        "period_average_growth,,\"24,68%\",percent,hy-kh87-2023,user row,false,", "24,68"),
    "provinces_compared": (
        "user-exports-2030,Hưng Yên,\"Hưng Yên (merged, from 2025-07-01)\",exports,"
        "Kim ngạch xuất khẩu,Exports,target,2030,2030,,level,,\"23,45 tỷ USD\",USD,"
        "hy-kh87-2023,user row,false,", "23,45 tỷ USD"),
}


@pytest.fixture(scope="module")
def user_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("user") / "mine.csv"
    path.write_text("\n".join([COLUMNS, *(row for row, _ in USER_ROWS.values())]) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def shell():
    """An in-process IPython shell with inline charts, as a kernel has (removed afterwards)."""
    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    ip = InteractiveShell.instance()
    ip.enable_gui = lambda gui=None: None  # the base shell has no event loop to hook
    ip.run_line_magic("matplotlib", "inline")
    # A second shell in the same process keeps the backend: register its PNG formatter too.
    set_matplotlib_formats("png")
    yield ip
    InteractiveShell.clear_instance()


def _run_cells(shell, name: str, user_data) -> tuple[object, list[tuple[str, list[dict]]]]:
    """Run the notebook's code cells but the panel; each cell's source and outputs."""
    from IPython.utils.capture import capture_output

    book = nbformat.read(notebooks_dir() / f"{name}.ipynb", as_version=4)
    cells = [c for c in book.cells if c.cell_type == "code"]
    assert cells[-1].source == "run.filter_panel()"
    ran = []
    with static_tables():
        for cell in cells[:-1]:
            source = cell.source
            if "parameters" in cell.metadata.get("tags", []):
                source += f"\nuser_data = {user_data!r}"  # as papermill injects it
            with capture_output() as captured:
                result = shell.run_cell(source)
            result.raise_error()
            ran.append((cell.source, [{"output_type": "display_data", "data": dict(o.data),
                                       "metadata": dict(o.metadata or {})}
                                      for o in captured.outputs]))
    return shell.user_ns["run"], ran


def _panel_sections(render) -> list[str]:
    """The section calls of a view (``growth.index_paths``...), in order."""
    families = "|".join(sections.__all__)
    return re.findall(rf"\bcall\(((?:{families})\.\w+),", inspect.getsource(render))


def _section_outputs(ran, calls: list[str]) -> list[dict]:
    outputs = []
    for call in calls:
        cells = [out for source, out in ran if re.search(rf"\b{re.escape(call)}\(", source)]
        assert len(cells) == 1, f"one notebook cell calls {call}"
        outputs += cells[0]
    return outputs


def _texts(outputs) -> list:
    """Outputs as comparable values: text as is, charts by their PNG."""
    return [o["data"].get("text/markdown") or o["data"].get("text/html")
            or o["data"].get("image/png") for o in outputs]


def _words(outputs) -> list[str]:
    """The text a reader reads (markdown, HTML tables): never a chart's base64 bytes, where
    any short number turns up by chance."""
    return [t for o in outputs
            if (t := o["data"].get("text/markdown") or o["data"].get("text/html"))]


@pytest.mark.parametrize("name", list(VIEWS))
def test_panel_first_state_is_the_notebooks_own_sections_with_user_data(name, shell,
                                                                         user_file):
    run, ran = _run_cells(shell, name, [str(user_file)])
    assert str(user_file) in run.params["user_data"]
    render, names = VIEWS[name]
    calls = _panel_sections(render)
    assert calls, f"the {name} view calls no section"
    notebook = _section_outputs(ran, calls)
    assert notebook and any("image/png" in o["data"] for o in notebook)

    # The live panel's first state (what refresh() puts in the output area).
    with static_tables():
        live = _rendered_outputs(run.view(render), run.params)
    assert _texts(live) == _texts(notebook)

    # The shared page's first state: the same blocks (charts drawn as PNG or SVG).
    panel = sharing.precompute(name, run.params, run.view(render), names,
                               capture=_rendered_outputs, lang=run.lang, max_states=1)
    first = [panel.blocks[b] for b in panel.states[panel.first]]
    expected = sharing.outputs_html(notebook)
    assert len(first) == len(expected)
    for shown, wanted in zip(first, expected):
        if wanted.startswith("<img"):
            assert shown.startswith("<img")
        else:
            assert shown == wanted

    # The user's figure is in the panel, and only because of the user's file.
    figure = USER_ROWS[name][1]
    found = re.compile(rf"(?<![\d.,]){re.escape(figure)}(?![\d])").search
    assert any(found(text) for text in _words(live)), figure
    from hy_analysis.loading import load_targets

    with static_tables():
        without = _rendered_outputs(
            lambda values: render(values, targets=load_targets(), sources=run.sources,
                                  region_map=run.region_map, urban_classes=run.urban_classes),
            run.params)
    assert not any(found(text) for text in _words(without)), figure


def test_shared_states_draw_a_chart_once_per_content_of_its_data(shell):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd
    from IPython.utils.capture import capture_output

    from hy_analysis.display import vector_charts

    drawn = []

    def plot(data, *, lang):
        drawn.append(lang)
        _, ax = plt.subplots()
        ax.plot(data["year"], data["value"])
        return ax

    frame = pd.DataFrame({"year": [2020, 2021], "value": [1.0, 2.0]})
    with capture_output(stdout=False, stderr=False) as shown, sections.shared_work(), \
            vector_charts():
        sections.show_chart(plot, frame, lang="vi")
        sections.show_chart(plot, frame.copy(), lang="vi")  # equal content: shown again
        sections.show_chart(plot, frame, lang="en")  # other options: drawn
        edited = frame.assign(value=[1.0, 3.0])  # other content: drawn
        sections.show_chart(plot, edited, lang="vi")
    assert drawn == ["vi", "en", "vi"]
    charts = [o.data["image/svg+xml"] for o in shown.outputs]
    assert len(charts) == 4 and charts[0] == charts[1] and charts[3] != charts[0]
    with capture_output(stdout=False, stderr=False) as shown:  # outside shared states
        sections.show_chart(plot, frame, lang="vi")
        sections.show_chart(plot, frame, lang="vi")
    assert len(drawn) == 5 and len(shown.outputs) == 2


def test_urbanisation_states_shared_work_equals_each_state_computed_apart(shell, monkeypatch):
    """The rate path is computed once per region for all of a panel's states (the baseline,
    in which most states differ, is not read by it), and every state is still exactly what
    the same values show when computed on their own."""
    from hy_analysis.analysis import urbanisation as analysis
    from hy_analysis.notebook import start

    run = start("urbanisation", {"lang": "en", "baseline_year": 2020, "baseline_rate": 40.0},
                show=False)
    render, names = VIEWS["urbanisation"]
    computed = []
    original = analysis.rate_targets
    monkeypatch.setattr(analysis, "rate_targets",
                        lambda *a, **k: computed.append(k.get("region")) or original(*a, **k))
    panel = sharing.precompute("urbanisation", run.params, run.view(render), names,
                               capture=_rendered_outputs, lang=run.lang)
    regions = [c for c in panel.controls if c.name == "region"][0].values
    years = [c for c in panel.controls if c.name == "baseline_year"][0].values
    assert len(regions) > 1 and len(years) > 1
    assert len(panel.states) == len(regions) * len(years)
    assert sorted(computed) == sorted(regions)  # once per region, not once per state
    with_rates = 0
    for key, blocks in panel.states.items():
        region, year = json.loads(key)
        if region != regions[0] and year not in years[:2]:
            continue  # a sample: every region at two years, the run's region at every year
        values = {**run.params, "region": region, "baseline_year": year}
        alone = sharing.precompute("urbanisation", values, run.view(render), names,
                                   capture=_rendered_outputs, lang=run.lang, max_states=1)
        assert [panel.blocks[b] for b in blocks] == \
            [alone.blocks[b] for b in alone.states[alone.first]], key
        with_rates += any(panel.blocks[b].startswith("<img") for b in blocks)
    assert with_rates >= len(years)  # states that draw the path were compared
