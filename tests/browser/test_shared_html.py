"""Shared HTML as a colleague opens it: from the file system, in a browser, with no network.

``hy-analysis run`` renders every notebook into a temporary output folder once per session
(the ``rendered`` fixture of conftest.py);
``index.html`` and each report are then opened through ``file://`` with every request that is
not a local file aborted and recorded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hy_analysis.exceptions import ParameterError
from hy_analysis.params import TOOL_NOTEBOOKS, notebook_names
from hy_analysis.views import VIEWS

#: The reports `hy-analysis run` renders (JupyterLab tools are run only by name).
REPORTS = [n for n in notebook_names() if n not in TOOL_NOTEBOOKS]

pytestmark = pytest.mark.browser

SEARCH = ".dt-container:has(input[type=search])"


def open_file(context, path: Path):
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    # Inline scripts (the offline DataTables bundle) have run once the tables are built.
    page.wait_for_function(
        "() => document.querySelectorAll('table[id^=itables_]').length"
        "      === document.querySelectorAll('table[id^=itables_].dataTable').length"
        "  && [...document.images].every(i => i.complete)", timeout=30_000)
    return page


def assert_clean(context, what: str) -> None:
    guard = context.guard
    assert not guard.blocked, f"{what}: requests left the machine: {guard.blocked}"
    assert not guard.console_errors, f"{what}: console errors: {guard.console_errors}"
    assert not guard.page_errors, f"{what}: JavaScript errors: {guard.page_errors}"


def report_path(rendered: Path, name: str) -> Path:
    pages = sorted(rendered.glob(f"{name}/*/{name}.html"))
    assert pages, f"no rendered report for {name} in {rendered}"
    return pages[0]


def test_index_lists_every_report(rendered, context, shoot):
    page = open_file(context, rendered / "index.html")
    shoot(page, "index")
    links = page.locator("a").evaluate_all("as => as.map(a => a.href)")
    for name in REPORTS:
        if list(rendered.glob(f"{name}/*/{name}.html")):
            assert any(link.endswith(f"/{name}.html") for link in links), (
                f"index.html has no link to the {name} report")
    for link in links:
        assert link.startswith("file://"), f"index.html links outside the folder: {link}"
        target = Path(link.removeprefix("file://"))
        assert target.exists(), f"index.html links to a missing file: {link}"
    page.close()
    assert_clean(context, "index.html")


@pytest.mark.parametrize("name", REPORTS)
def test_report_works_offline(name, require_notebook, rendered, context, shoot,
                              docs_screenshot):
    require_notebook(name)
    path = report_path(rendered, name)
    page = open_file(context, path)
    try:
        shoot(page, f"report-{name}-top")
        # Every image decoded; the charts are there.
        sizes = page.evaluate("[...document.images].map(i => [i.naturalWidth, i.alt, "
                              "i.src.slice(0, 30)])")
        assert sizes, f"{name}: the report shows no chart"
        broken = [s for s in sizes if not s[0]]
        assert not broken, f"{name}: images not decoded: {broken}"
        # Vietnamese text, with its diacritics intact (no mojibake, no replacement chars).
        text = page.locator("body").inner_text()
        assert "Hưng Yên" in text
        assert "\ufffd" not in text and "Æ°" not in text, f"{name}: broken encoding"
        # Code cells are hidden in report mode, and no widget leaves an empty box.
        assert page.locator(".jp-InputArea .jp-InputPrompt").count() == 0

        # Interactive tables: DataTables ran (offline bundle); the search box filters rows.
        assert page.locator(".dt-container").count() > 0, (
            f"{name}: no interactive table was initialised")
        searchable = page.locator(SEARCH)
        for i in range(searchable.count()):
            check_search_filters(page, searchable.nth(i), name)

        page.locator("img").first.evaluate("i => i.scrollIntoView({block: 'center'})")
        shoot(page, f"report-{name}-chart")
        if name == "fdi_by_country":
            docs_screenshot(page, "screenshot-report.png")
        assert_clean(context, f"{name} report")
    except Exception:
        shoot(page, f"report-{name}-failure", full_page=True)
        raise
    finally:
        page.close()


def check_search_filters(page, container, name: str) -> None:
    """Type a word found in some but not all rows: only rows containing it stay."""
    rows = container.locator("tbody tr")
    before = rows.all_inner_texts()
    assert len(before) > 1, f"{name}: a searchable table shows {len(before)} row(s)"
    words = {w for row in before for w in row.split() if len(w) > 2}
    term = next((w for w in sorted(words) if 0 < sum(w.lower() in r.lower() for r in before)
                 < len(before)), None)
    search = container.locator("input[type=search]")
    if term is not None:
        search.fill(term)
        # Long tables are paged: the rows shown are the matching ones (a full page may still
        # be full), so wait until every row shown holds the term, which some did not before.
        page.wait_for_function(
            "([c, t]) => [...c.querySelectorAll('tbody tr')].every("
            "    r => r.innerText.toLowerCase().includes(t))",
            arg=[container.element_handle(), term.lower()], timeout=10_000)
        after = rows.all_inner_texts()
        assert 0 < len(after) <= len(before) and after != before, (term, before, after)
        assert all(term.lower() in r.lower() for r in after), (term, after)
    search.fill("khong-co-dong-nao-zz")  # matches nothing: only DataTables' "empty" row
    page.wait_for_function("c => c.querySelectorAll('tbody td.dt-empty').length === 1",
                           arg=container.element_handle(), timeout=10_000)
    search.fill("")
    page.wait_for_function("([c, n]) => c.querySelectorAll('tbody tr').length === n",
                           arg=[container.element_handle(), len(before)], timeout=10_000)


# --------------------------------------------------------------------------- shared panels

@pytest.fixture(scope="module")
def live_views():
    """The live panels' render callbacks in this process, with a kernel's display set-up.

    ``live_views(name)`` gives ``outputs(values)``: what the live panel's output area would
    hold for those values (the same view callback and capture as FilterPanel.refresh), as
    the page part's HTML, so its text can be compared with the shared page's.
    """
    from IPython.core.interactiveshell import InteractiveShell

    from hy_analysis.charts.base import setup
    from hy_analysis.display import static_tables
    from hy_analysis.notebook import start
    from hy_analysis.sharing import outputs_html
    from hy_analysis.widgets import _rendered_outputs

    shell = InteractiveShell.instance()
    shell.enable_gui = lambda gui=None: None  # the base shell has no event loop to hook
    shell.run_line_magic("matplotlib", "inline")
    setup()

    def for_notebook(name):
        panel = start(name, {}, show=False).filter_panel()

        def outputs(values):
            with static_tables():
                return outputs_html(_rendered_outputs(panel.render, values))
        return panel, outputs

    yield for_notebook
    InteractiveShell.clear_instance()


def _rendered_text(page, html: str) -> str:
    """How the browser shows ``html`` as text (same layout rules as the panel's view)."""
    return page.evaluate(
        """html => { const d = document.createElement('div'); d.className = 'hy-share-view';
                     d.innerHTML = html; document.body.appendChild(d);
                     const t = d.innerText; d.remove(); return t; }""", html)


def _wait_state(page, panel, key: str) -> None:
    page.wait_for_function("([p, k]) => p.getAttribute('data-state') === k",
                           arg=[panel.element_handle(), key], timeout=10_000)


def _change(page, panel, control, values: dict):
    """Change one control as a reader would (keyboard where it is natural); new values."""
    name = control.name
    current = values[name]
    if control.kind == "select":
        other = next(v for v in control.values if v != current)
        panel.locator(f"select[name='{name}']").select_option(other)
        return {**values, name: other}
    if control.kind == "checks":
        ticked = panel.locator(f"input[name='{name}']:checked").first
        dropped = ticked.get_attribute("value")
        ticked.focus()
        page.keyboard.press("Space")  # untick the first ticked box
        return {**values, name: [v for v in current if v != dropped]}
    if control.kind == "bool":
        panel.locator(f"input[name='{name}']").focus()
        page.keyboard.press("Space")
        return {**values, name: not current}
    if control.kind == "range":
        step = "ArrowLeft" if current > min(control.values) else "ArrowRight"
        panel.locator(f"input[name='{name}']").focus()
        page.keyboard.press(step)  # move a year
        return {**values, name: current - 1 if step == "ArrowLeft" else current + 1}
    raise AssertionError(f"control {name} of kind {control.kind} cannot be changed")


#: Notebooks that end with a filter panel (views.VIEWS); the others have nothing to keep.
PANEL_NOTEBOOKS = [n for n in notebook_names() if n in VIEWS]


@pytest.mark.parametrize("name", PANEL_NOTEBOOKS)
def test_shared_panel_keeps_its_filters(name, require_notebook, rendered, context, shoot,
                                        docs_screenshot, live_views):
    """Each control changed in the shared page shows the precomputed state for the new
    values, whose text is what the live panel shows for them; images change with it."""
    from hy_analysis.params import validate_params
    from hy_analysis.sharing import max_states_setting, plan_controls, state_key
    from hy_analysis.sharing.states import refusal

    require_notebook(name)
    live_panel, live_outputs = live_views(name)
    run_values = validate_params(name)
    controls = [c for c in plan_controls(name, run_values, list(live_panel._params),
                                         lang=run_values["lang"],
                                         max_states=max_states_setting())
                if c.kind != "fixed"]
    assert controls, f"{name}: the shared panel offers no control"
    values = {c.name: c.values[0] for c in controls}  # as the live controls start
    page = open_file(context, report_path(rendered, name))
    try:
        panel = page.locator(".hy-shared-panel")
        assert panel.count() == 1, f"{name}: {panel.count()} shared panels in the report"
        page.wait_for_function("p => p.getAttribute('data-ready') === '1'",
                               arg=panel.element_handle(), timeout=10_000)
        for control in controls:  # a name and a visible label in the report's language
            assert panel.locator(f"[name='{control.name}']").count() >= 1
            label = control.param.label_vi
            assert label and label in panel.inner_text(), (name, control.name)
        key = state_key([values[c.name] for c in controls])
        assert panel.get_attribute("data-state") == key, "the first state is not the run's"
        if name == "fdi_by_country":  # README image: the panel as a colleague first sees it
            panel.evaluate("p => p.scrollIntoView({block: 'start'})")
            docs_screenshot(page, "screenshot-shared-panel.png")
        view = panel.locator(".hy-share-view")
        shown_before = view.locator("img").evaluate_all("is => is.map(i => i.src)")
        expected_before = [h for h in live_outputs({**run_values, **values})]
        for control in controls:
            values = _change(page, panel, control, values)
            key = state_key([values[c.name] for c in controls])
            _wait_state(page, panel, key)
            try:
                wanted = {**run_values, **values}
                expected = live_outputs(validate_params(name, wanted))
            except ParameterError as exc:  # refused values: the page says why, as the panel
                # (only refusals: any other error is a defect, and fails the test)
                message = panel.locator(".hy-share-message").inner_text()
                said = refusal(name, wanted, exc, lang=run_values["lang"])
                assert message and message == said, (name, control.name, message)
                continue
            assert panel.locator(".hy-share-message").inner_text() == ""
            live_text = _rendered_text(page, "".join(expected))
            assert view.inner_text() == live_text, (
                f"{name}: after changing {control.name} the shared page shows other text "
                "than the live panel")
            shown = view.locator("img").evaluate_all("is => is.map(i => i.src)")
            assert len(shown) == sum(h.startswith("<img") for h in expected)
            live_images = [h for h in expected if h.startswith("<img")]
            before_images = [h for h in expected_before if h.startswith("<img")]
            if live_images != before_images:  # the live chart changed: so did the page's
                assert shown != shown_before, f"{name}: {control.name} left the chart as it was"
            assert all(page.evaluate("s => { const i = new Image(); i.src = s; "
                                     "return i.decode().then(() => i.naturalWidth > 0); }", s)
                       for s in shown)
            shown_before, expected_before = shown, expected
        panel.scroll_into_view_if_needed()
        shoot(page, f"shared-panel-{name}")
        text = page.locator("body").inner_text()
        assert "&#x27;" not in text and "&amp;" not in text, f"{name}: text escaped twice"
        for menu in page.locator(".dt-length select").all():
            assert menu.locator("option").count() >= 3, f"{name}: empty entries-per-page menu"
        assert_clean(context, f"{name} shared panel")
    except Exception:
        shoot(page, f"shared-panel-{name}-failure", full_page=True)
        raise
    finally:
        page.close()


@pytest.mark.parametrize("name", PANEL_NOTEBOOKS)
def test_shared_panel_without_javascript_shows_the_runs_state(name, require_notebook, rendered,
                                                              browser, live_views, tmp_path):
    from hy_analysis.params import validate_params

    from .conftest import VIEWPORT

    require_notebook(name)
    _, live_outputs = live_views(name)
    expected = live_outputs(validate_params(name))
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    blocked = []
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                  else (blocked.append(r.request.url), r.abort()))
    try:
        page = context.new_page()
        page.goto(report_path(rendered, name).as_uri())
        view = page.locator(".hy-shared-panel .hy-share-view")
        assert view.count() == 1
        images = view.locator("img")
        assert images.count() == sum(h.startswith("<img") for h in expected)
        for i in range(images.count()):
            assert images.nth(i).evaluate("i => i.complete && i.naturalWidth > 0")
        text = " ".join(view.inner_text().split())
        for block in expected:
            if block.startswith('<div class="hy-md">'):
                words = block.split("<p>", 1)[-1].split("<")[0].split()[:4]
                assert " ".join(words) in text, (name, words)
        assert "JavaScript" in page.locator(".hy-shared-panel noscript, .hy-shared-panel").first \
            .inner_text()
        page.screenshot(path=str(tmp_path / f"nojs-{name}.png"))
        assert not blocked, blocked
    finally:
        context.close()
