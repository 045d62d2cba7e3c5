"""Shared HTML as a colleague opens it: from the file system, in a browser, with no network.

``hy-analysis run`` renders every notebook into a temporary output folder once per session;
``index.html`` and each report are then opened through ``file://`` with every request that is
not a local file aborted and recorded.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hy_analysis.params import TOOL_NOTEBOOKS, notebook_names

#: The reports `hy-analysis run` renders (JupyterLab tools are run only by name).
REPORTS = [n for n in notebook_names() if n not in TOOL_NOTEBOOKS]

pytestmark = pytest.mark.browser

SEARCH = ".dt-container:has(input[type=search])"


@pytest.fixture(scope="session")
def rendered(tmp_path_factory, server_env, hy_analysis_cmd) -> Path:
    """Every notebook run with its defaults into a temporary output folder (``index.html``)."""
    out = tmp_path_factory.mktemp("outputs")
    # As a person runs it (``make report``): no MPLBACKEND from the test suite's environment.
    result = subprocess.run([*hy_analysis_cmd, "run", "--output-dir", str(out)], env=server_env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"hy-analysis run failed:\n{result.stdout}\n{result.stderr}"
    assert (out / "index.html").exists()
    return out


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
    text = page.locator("body").inner_text()
    links = page.locator("a").evaluate_all("as => as.map(a => a.href)")
    for name in REPORTS:
        if list(rendered.glob(f"{name}/*/{name}.html")):
            assert name in text
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
        page.wait_for_function("([c, n]) => c.querySelectorAll('tbody tr').length < n",
                               arg=[container.element_handle(), len(before)], timeout=10_000)
        after = rows.all_inner_texts()
        assert 0 < len(after) < len(before), (term, before, after)
        assert all(term.lower() in r.lower() for r in after), (term, after)
    search.fill("khong-co-dong-nao-zz")  # matches nothing: only DataTables' "empty" row
    page.wait_for_function("c => c.querySelectorAll('tbody td.dt-empty').length === 1",
                           arg=container.element_handle(), timeout=10_000)
    search.fill("")
    page.wait_for_function("([c, n]) => c.querySelectorAll('tbody tr').length === n",
                           arg=[container.element_handle(), len(before)], timeout=10_000)
