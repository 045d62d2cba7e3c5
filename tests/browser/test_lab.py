"""JupyterLab as a person meets it: open each notebook, Run All, see the chart and the widgets.

The widget panel only appears when ipywidgets' front-end extension is active, which it must
be with no install step beyond ``pip install -e .``. Changing one control must redraw the
panel's chart/table through the kernel.
"""

from __future__ import annotations

import pytest

from hy_analysis.params import TOOL_NOTEBOOKS, get_params, notebook_names

from .conftest import wait_settled

pytestmark = pytest.mark.browser

NOTEBOOK_TIMEOUT = 120_000  # ms: open, start a kernel, run every cell on two shared cores
#: The control each test changes (the parameter's name); the first choice control otherwise.
CONTROL_TO_CHANGE = {
    "industrial_growth": "region",
    "fdi_by_country": "countries",
    "urbanisation": "region",
    "overview": "regions",
    "attainment": "region",
}
PANEL = ".jp-OutputArea-output .widget-vbox:has(> .widget-output)"
IDLE = ".jp-Notebook-ExecutionIndicator[data-status='idle']"
ERROR_OUTPUT = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']"


def open_and_run_all(page, base: str, token: str, name: str) -> None:
    """Open ``name`` in its own workspace, Run → Run All Cells, wait until every cell ran."""
    page.goto(f"{base}/lab/workspaces/{name}/tree/{name}.ipynb?token={token}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=NOTEBOOK_TIMEOUT)
    # The kernel has started and connected (Run All before that asks to select a kernel).
    page.locator(".jp-StatusBar-Widget").get_by_text("| Idle").wait_for(
        timeout=NOTEBOOK_TIMEOUT)
    page.click(".lm-MenuBar-item:has-text('Run')")
    page.click(".lm-Menu-item:has-text('Run All Cells')")
    dialog = page.locator(".jp-Dialog:has-text('Select Kernel') .jp-mod-accept")
    if dialog.count():  # a slow connection on a busy machine: accept the notebook's kernel
        dialog.click()
    # Every code cell shows an execution count and the kernel is idle again.
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')];
            const indicator = document.querySelector(
                '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
            return prompts.length > 0
                && prompts.every(p => /\\[\\d+\\]/.test(p.textContent))
                && indicator && indicator.dataset.status === 'idle';
        }""", timeout=NOTEBOOK_TIMEOUT, polling=500)


def choice_control(page, name: str):
    """The panel's control for the parameter chosen in CONTROL_TO_CHANGE (by its label)."""
    panel = page.locator(PANEL).last
    wanted = CONTROL_TO_CHANGE.get(name)
    labels = {p.name: p.label_vi for p in get_params(name)}
    controls = panel.locator(".widget-dropdown, .widget-select-multiple")
    if wanted and labels.get(wanted):
        labelled = controls.filter(has=page.locator(f"label:text-is('{labels[wanted]}')"))
        if labelled.count():
            return labelled.first
    assert controls.count(), f"{name}: the widget panel has no dropdown or multiple selection"
    return controls.first


def change(control) -> str:
    """Pick another value in a dropdown, or a single item in a multiple selection."""
    select = control.locator("select")
    options = select.locator("option").evaluate_all("os => os.map(o => o.value)")
    current = select.evaluate("s => [...s.selectedOptions].map(o => o.value)")
    assert len(options) > 1, f"control offers only {options}"
    if select.get_attribute("multiple") is not None:
        choice = [options[0]] if current != [options[0]] else [options[1]]
    else:
        choice = [next(o for o in options if o not in current)]
    select.select_option(choice)
    return ", ".join(choice)


@pytest.mark.parametrize("name", [n for n in notebook_names() if n not in TOOL_NOTEBOOKS])
def test_notebook_runs_in_jupyterlab_with_live_widgets(name, jupyter_lab, require_notebook,
                                                      context, shoot):
    base, token = jupyter_lab
    require_notebook(name)
    page = context.new_page()
    try:
        open_and_run_all(page, base, token, name)
        notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        assert notebook.locator(ERROR_OUTPUT).count() == 0, (
            f"{name}: a cell raised an error in JupyterLab:\n"
            + "\n".join(notebook.locator(ERROR_OUTPUT).all_inner_texts())[:3000])

        # The chart (a decoded image) and the widget panel with its output area.
        chart = notebook.locator(".jp-OutputArea-output img").first
        chart.wait_for(timeout=NOTEBOOK_TIMEOUT)
        assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
        panel = notebook.locator(PANEL).last
        panel.wait_for(timeout=NOTEBOOK_TIMEOUT)
        panel.scroll_into_view_if_needed()
        output = panel.locator(":scope > .widget-output")
        before = output.inner_html()
        assert "<img" in before or "<table" in before, (
            f"{name}: the widget panel shows neither a chart nor a table")
        shoot(page, f"lab-{name}-before")

        chosen = change(choice_control(page, name))
        output.evaluate("(el, before) => new Promise((resolve, reject) => {"
                        "  const t = setTimeout(() => reject('no change'), 60000);"
                        "  const check = () => { if (el.innerHTML !== before"
                        "      && (el.querySelector('img, table, .jp-RenderedMarkdown,"
                        "                           .jp-RenderedHTMLCommon'))) {"
                        "    clearTimeout(t); resolve(); } else setTimeout(check, 250); };"
                        "  check(); })", before)
        page.wait_for_selector(f".jp-NotebookPanel:not(.lm-mod-hidden) {IDLE}",
                               timeout=NOTEBOOK_TIMEOUT)
        wait_settled(output)  # the last display message of the redraw
        output.evaluate("el => Promise.all([...el.querySelectorAll('img')].map("
                        "  i => i.decode().catch(() => null)))")
        undecoded = output.locator("img").evaluate_all(
            "imgs => imgs.filter(i => !i.naturalWidth).length")
        assert not undecoded, f"{name}: {undecoded} redrawn chart(s) not decoded"
        message = panel.locator(":scope > .widget-html").inner_text().strip()
        assert not message, f"{name}: choosing {chosen!r} was refused: {message}"
        assert output.inner_html() != before, f"{name}: choosing {chosen!r} changed nothing"
        assert notebook.locator(ERROR_OUTPUT).count() == 0, (
            f"{name}: choosing {chosen!r} raised an error:\n"
            + "\n".join(notebook.locator(ERROR_OUTPUT).all_inner_texts())[:3000])
        panel.scroll_into_view_if_needed()
        shoot(page, f"lab-{name}-after")
        if context.guard.page_errors:  # JupyterLab's own console is noisy: report, not fail
            print(f"{name}: JavaScript errors in JupyterLab: {context.guard.page_errors}")
    except Exception:
        shoot(page, f"lab-{name}-failure")
        raise
    finally:
        page.close()


# ------------------------------------------------------------- the review notebook

def test_review_notebook_accepts_rejects_edits_and_saves(jupyter_lab, require_notebook,
                                                         context, shoot, tmp_path):
    """Open the review notebook on the sample, Run All, reject one candidate, edit another,
    save; the user file holds exactly the accepted rows, and the overview notebook run with
    that file shows the edited figure."""
    import csv
    import json
    import re

    from hy_analysis.paths import PROJECT_DIR
    from hy_analysis.schema import TARGET_COLUMNS

    base, token = jupyter_lab
    path = require_notebook("review_extraction")
    user_file = tmp_path / "mine.csv"
    user_file.write_text(",".join(TARGET_COLUMNS) + "\n", encoding="utf-8")
    # The user's data file of this test instead of data/user/ (the repository stays clean).
    nb = json.loads(path.read_text(encoding="utf-8"))
    (cell,) = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    source = "".join(cell["source"])
    assert "user_data = None" in source
    cell["source"] = source.replace("user_data = None", f"user_data = [{str(user_file)!r}]")
    path.write_text(json.dumps(nb), encoding="utf-8")

    page = context.new_page()
    try:
        open_and_run_all(page, base, token, "review_extraction")
        notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        assert notebook.locator(ERROR_OUTPUT).count() == 0, (
            "\n".join(notebook.locator(ERROR_OUTPUT).all_inner_texts())[:3000])
        marks = notebook.locator("mark.hy-candidate")
        rows = notebook.locator(".hy-review-row")
        rows.first.wait_for(timeout=NOTEBOOK_TIMEOUT)
        assert marks.count() == rows.count() == 6
        assert marks.nth(2).inner_text() == "#2 trên 48%"
        shoot(page, "lab-review_extraction-document")
        # Reject the agriculture share (row 3), give row 0 its indicator (editing accepts it).
        rows.nth(3).get_by_role("button", name="Bỏ").click()
        rows.nth(0).locator(".hy-review-indicator select").select_option("grdp_growth")
        notebook.locator(".hy-review-header").scroll_into_view_if_needed()
        page.mouse.wheel(0, -120)
        shoot(page, "lab-review_extraction-panel")
        notebook.locator(".hy-review-save button, button.hy-review-save").first.click()
        result = notebook.locator(".hy-review-result")
        result.get_by_text("Đã ghi 4 dòng").wait_for(timeout=60_000)
        shoot(page, "lab-review_extraction-saved")
    except Exception:
        shoot(page, "lab-review_extraction-failure")
        raise
    finally:
        page.close()

    with open(user_file, encoding="utf-8") as handle:
        rows_saved = list(csv.DictReader(handle))
    saved = [(r["indicator"], r["value_raw"]) for r in rows_saved]
    assert saved == [("grdp_growth", "khoảng 8%/năm"), ("iip_growth", "10-11%/năm"),
                     ("urbanisation_rate", "trên 48%"), ("grdp_per_capita", "5.100 USD")]

    # The overview notebook, run with that user file, lists the accepted figure (papermill,
    # with the kernel client that never misses a widget cell's reply, jupyter/nbclient#312).
    import papermill

    out = tmp_path / "overview.ipynb"
    papermill.execute_notebook(
        str(PROJECT_DIR / "notebooks/overview.ipynb"), str(out), kernel_name="python3",
        parameters={"user_data": [str(user_file)]}, cwd=str(tmp_path), progress_bar=False,
        execution_timeout=300)
    book = json.loads(out.read_text(encoding="utf-8"))
    html = "".join("".join(o.get("data", {}).get("text/html", "")) for c in book["cells"]
                   for o in c.get("outputs", []))
    # itables writes the table's data as escaped JSON inside the page ("kho\\u1ea3ng").
    html = re.sub(r"\\+u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), html)
    edited = rows_saved[0]
    # where in the document, in the page's language (a vi page: "ký tự 286-299 ...")
    from hy_analysis.findings.common import locator_text

    assert locator_text(edited["source_locator"], lang="vi") in html, \
        "the overview does not show the reviewed row"
    assert edited["value_raw"] in html
