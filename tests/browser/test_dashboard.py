"""The Voilà dashboard of ``hy-analysis serve``: no code; live widgets redraw the output."""

from __future__ import annotations

import re

import pytest

from .conftest import wait_settled

pytestmark = pytest.mark.browser

PAGE_TIMEOUT = 120_000  # ms: Voilà starts a kernel and runs the whole notebook per page load
PANEL = ".widget-vbox:has(> .widget-output)"
#: Tables itables wrote that DataTables has not (yet) made interactive.
PENDING_TABLES = ("() => [...document.querySelectorAll('table[id^=\"itables\"]')]"
                  ".filter(t => !t.classList.contains('dataTable')).length")


def _tables_become_interactive(page):
    """Every interactive table of the page is initialised, from the dashboard's own bundle."""
    page.wait_for_function(f"() => document.querySelectorAll('table.dataTable').length > 0 "
                           f"&& ({PENDING_TABLES})() === 0", timeout=60_000)
    assert "Loading ITables" not in page.locator("body").inner_text()


def _title(notebook, tag: str) -> str:
    """The first heading of the notebook's markdown cells tagged ``tag``."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if tag in c.metadata.get("tags", []))
    return cell.source.splitlines()[0].lstrip("# ").strip()


def test_serve_prints_the_address(dashboard):
    base, token, proc = dashboard
    log = proc.log.read_text(errors="replace")
    # The fixture always starts `hy-analysis serve`: a missing address is a defect.
    assert "Open this address" in log, log[-2000:]
    assert f"{base}/?token={token}" in log
    assert re.search(rf"fdi_by_country\s+{re.escape(base)}/voila/render/fdi_by_country\.ipynb",
                     log)


def test_dashboard_hides_code_and_its_widgets_redraw(dashboard, require_notebook, context,
                                                     shoot, docs_screenshot):
    base, token, _ = dashboard
    require_notebook("fdi_by_country")
    page = context.new_page()
    try:
        url = f"{base}/voila/render/fdi_by_country.ipynb?token={token}"
        page.goto(url, timeout=PAGE_TIMEOUT)
        panel = page.locator(PANEL).last
        panel.wait_for(timeout=PAGE_TIMEOUT)
        output = panel.locator(":scope > .widget-output")
        output.locator("img").first.wait_for(timeout=PAGE_TIMEOUT)
        # The whole notebook has rendered: every chart decoded, Vietnamese text intact.
        page.wait_for_function("() => [...document.images].length > 0 && "
                               "[...document.images].every(i => i.complete && i.naturalWidth)",
                               timeout=PAGE_TIMEOUT)
        text = page.locator("body").inner_text()
        assert "Hưng Yên" in text
        # The narrative in the page's language only (the notebook holds both).
        vi_title, en_title = (_title(require_notebook("fdi_by_country"), tag)
                              for tag in ("lang-vi", "lang-en"))
        assert vi_title in text and en_title not in text, (vi_title, en_title)

        # No code: no input areas or editors, no source text.
        assert page.locator(".jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor, .cm-editor, "
                            ".jp-InputPrompt, pre.highlight, .highlight-ipynb").count() == 0
        for fragment in ("filter_panel(", "import ", "show_markdown(", "partial("):
            assert fragment not in text, f"code is visible on the dashboard: {fragment!r}"
        assert "Traceback" not in text

        page.locator(".widget-select-multiple").first.scroll_into_view_if_needed()
        shoot(page, "dashboard-fdi-before")
        before = output.inner_html()

        countries = panel.locator(".widget-select-multiple select").first
        options = countries.locator("option").evaluate_all("os => os.map(o => o.value)")
        countries.select_option([options[0]])  # only the first investor country
        output.evaluate("(el, before) => new Promise((resolve, reject) => {"
                        "  const t = setTimeout(() => reject('no change'), 60000);"
                        "  const check = () => { if (el.innerHTML !== before"
                        "      && el.querySelector('img')) { clearTimeout(t); resolve(); }"
                        "    else setTimeout(check, 250); };"
                        "  check(); })", before)
        wait_settled(output)  # the rest of the redraw (table after chart)
        message = panel.locator(":scope > .widget-html").inner_text().strip()
        assert not message, f"choosing {options[0]!r} was refused: {message}"
        assert output.inner_html() != before
        assert output.locator("img").first.evaluate("i => i.naturalWidth") > 0

        # The filter controls near the top, the redrawn chart below them.
        panel.evaluate("el => { el.scrollIntoView({block: 'start'});"
                       " (document.scrollingElement || document.body).scrollBy(0, -150); }")
        shoot(page, "dashboard-fdi-after")
        docs_screenshot(page, "screenshot-dashboard.png")
        # No exception: the dashboard's template drops Voilà's Font Awesome CDN links.
        assert not context.guard.blocked, f"requests left the machine: {context.guard.blocked}"
    except Exception:
        shoot(page, "dashboard-failure", full_page=True)
        raise
    finally:
        _shut_down_kernel(page, base, token)  # what the page asks for when a reader closes it
        page.close()


def test_attainment_dashboard_rescores_for_another_region(dashboard, require_notebook, context,
                                                          shoot):
    """The scorecard on the dashboard: choosing another region redraws verdicts and chart."""
    base, token, _ = dashboard
    require_notebook("attainment")
    page = context.new_page()
    try:
        page.goto(f"{base}/voila/render/attainment.ipynb?token={token}", timeout=PAGE_TIMEOUT)
        panel = page.locator(PANEL).last
        panel.wait_for(timeout=PAGE_TIMEOUT)
        output = panel.locator(":scope > .widget-output")
        output.locator("img").first.wait_for(timeout=PAGE_TIMEOUT)
        assert "Traceback" not in page.locator("body").inner_text()
        _tables_become_interactive(page)
        # The bundle comes from the server, once, not inline in the page before its charts.
        assert "injectModule(" not in page.content()
        assert any("/voila/templates/hy/static/itables-" in e for e in page.evaluate(
            "() => performance.getEntriesByType('resource').map(e => e.name)"))
        before = output.inner_text()

        region = panel.locator(".widget-dropdown select").first
        # hovering the label explains the control in the reader's language (the label's
        # title: ipywidgets 8 drops a labelled control's tooltip)
        from hy_analysis.params import get_params

        explained = next(p for p in get_params("attainment") if p.name == "region")
        title = panel.locator(".widget-dropdown .widget-label span[title]").first
        assert title.get_attribute("title") == explained.explanation("vi")
        # (and no "null" hover text on the message line's hidden label)
        assert panel.locator(":scope > .widget-html label").get_attribute("title") != "null"
        options = region.locator("option").evaluate_all("os => os.map(o => o.value)")
        chosen = next(o for o in options if o != region.input_value())
        region.select_option(chosen)
        output.evaluate("(el, before) => new Promise((resolve, reject) => {"
                        "  const t = setTimeout(() => reject('no change'), 60000);"
                        "  const check = () => { if (el.innerText !== before)"
                        "    { clearTimeout(t); resolve(); } else setTimeout(check, 250); };"
                        "  check(); })", before)
        message = panel.locator(":scope > .widget-html").inner_text().strip()
        assert not message, f"choosing {chosen!r} was refused: {message}"
        assert output.inner_text() != before
        _tables_become_interactive(page)  # the redrawn panel's tables too
        shoot(page, "dashboard-attainment-after")
        # No exception: the dashboard's template drops Voilà's Font Awesome CDN links.
        assert not context.guard.blocked, f"requests left the machine: {context.guard.blocked}"
    except Exception:
        shoot(page, "dashboard-attainment-failure", full_page=True)
        raise
    finally:
        _shut_down_kernel(page, base, token)  # what the page asks for when a reader closes it
        page.close()


def test_dashboard_shows_its_outputs_without_waiting_for_the_front_end(
        dashboard, require_notebook, context, shoot):
    """Charts, tables and markdown outputs are in the page itself and shown once it is parsed;
    only the filter panel (a widget view) waits for Voilà's front end (issue 21: the first
    chart waited about a second for that application to start and draw it from JSON).
    Held back here, the front end cannot draw them: the page must."""
    base, token, _ = dashboard
    require_notebook("attainment")
    page = context.new_page()
    held_back = []
    page.route("**/voila/static/voila.js",
               lambda r: (held_back.append(r.request.url), r.abort()))
    try:
        page.goto(f"{base}/voila/render/attainment.ipynb?token={token}", timeout=PAGE_TIMEOUT)
        assert held_back, "the page no longer loads Voilà's front end from /voila/static"
        # Both charts decoded and displayed (not in a hidden container).
        page.wait_for_function("() => [...document.images].filter(i => i.complete "
                               "&& i.naturalWidth > 0 && i.checkVisibility()).length >= 2",
                               timeout=30_000)
        assert page.locator("#loading").count() == 0  # Voilà's spinner is gone
        text = page.locator("#rendered_cells").inner_text()
        assert "Hưng Yên" in text and "Traceback" not in text
        _tables_become_interactive(page)  # DataTables from the server's bundle, no front end
        # What is left for the front end: the filter panel's widget view, nothing else.
        left = page.evaluate("() => [...document.querySelectorAll("
                             "'script[type=\"application/vnd.voila.cell-output+json\"]')]"
                             ".map(s => Object.keys(JSON.parse(s.textContent).data))")
        assert left and all("application/vnd.jupyter.widget-view+json" in keys
                            for keys in left), left
        assert not context.guard.blocked, f"requests left the machine: {context.guard.blocked}"
    except Exception:
        shoot(page, "dashboard-no-front-end-failure", full_page=True)
        raise
    finally:
        _shut_down_kernel(page, base, token)  # the held-back front end would have, on close
        page.close()


def _shut_down_kernel(page, base: str, token: str) -> None:
    """Ask the dashboard to shut the page's kernel down, as Voilà's front end does when a
    reader closes the page: a test's page closed without it leaves its kernel running until
    culled, and the kernel count of test_dashboard_kernels (same server) then fails."""
    import urllib.request

    try:
        kernel = page.evaluate("() => { const c = document.getElementById("
                               "'jupyter-config-data'); return c && JSON.parse(c.textContent)"
                               ".kernelId; }")
    except Exception:  # noqa: BLE001 - a page that never loaded has no kernel to end
        return
    if kernel:
        urllib.request.urlopen(urllib.request.Request(
            f"{base}/voila/api/shutdown/{kernel}?token={token}", data=b"", method="POST"),
            timeout=30).close()


# ------------------------------------------------- hover text (audit28u)

#: The title a pointer at the centre of ``el`` shows: the nearest element's with one.
HOVER_TITLE = """el => { const r = el.getBoundingClientRect();
    let at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    while (at && !at.getAttribute('title')) at = at.parentElement;
    return at ? at.getAttribute('title') : null; }"""


def test_hovering_any_part_of_a_control_shows_words_not_markup(dashboard, require_notebook,
                                                              context, shoot):
    """A title is words in the reader's language, never markup: ipywidgets 8's checkbox
    copies its ``description`` into the box's ``title``, so an HTML description shows as
    ``<span title=...>`` when the box itself is hovered (audit28u)."""
    base, token, _ = dashboard
    require_notebook("fdi_by_country")
    page = context.new_page()
    try:
        page.goto(f"{base}/voila/render/fdi_by_country.ipynb?token={token}",
                  timeout=PAGE_TIMEOUT)
        panel = page.locator(PANEL).last
        panel.wait_for(timeout=PAGE_TIMEOUT)
        box = panel.locator(".widget-checkbox input[type=checkbox]").first
        box.scroll_into_view_if_needed()
        targets = {"checkbox box": box,
                   "checkbox text": panel.locator(".widget-checkbox label span").first}
        for i, label in enumerate(panel.locator(".widget-inline-hbox > label.widget-label:visible")
                                  .all()):
            targets[f"label {i}"] = label
        titles = {what: el.evaluate(HOVER_TITLE) for what, el in targets.items()}
        shoot(page, "dashboard-fdi-hover-titles")
        bad = {what: t for what, t in titles.items() if t and ("<" in t or "&#x27;" in t)}
        assert not bad, f"hover text shows markup: {bad}"
    finally:
        _shut_down_kernel(page, base, token)
        page.close()
