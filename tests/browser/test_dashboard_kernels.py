"""The dashboard does not pile up kernels (issue 20): 20 page views, each closed as a reader
closes a tab, leave at most one kernel per notebook (Voilà's preheated one); no page asks
the internet for anything."""

from __future__ import annotations

import re
import time

import pytest

pytestmark = pytest.mark.browser

PAGE_TIMEOUT = 120_000  # ms: a page may have to start its kernel and run the notebook
VIEWS = 20


def _kernels(connection_dir: str) -> list[int]:
    """Kernels of this Voilà server: their command line names its connection folder."""
    from pathlib import Path

    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(
                errors="replace")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if connection_dir in cmdline and "ipykernel" in cmdline and state != "Z":
            found.append(int(proc.name))
    return found


@pytest.mark.stress
def test_twenty_page_views_leave_one_kernel_per_notebook(dashboard, notebook_copies,
                                                         require_notebook, context):
    base, token, proc = dashboard
    require_notebook("fdi_by_country")
    match = re.search(r"Storing connection files in (\S+?)\.?$", proc.tail(400), re.M)
    assert match, "Voilà did not log its connection folder:\n" + proc.tail()
    connection_dir = match.group(1)
    notebooks = len(list(notebook_copies.glob("*.ipynb")))
    for _ in range(VIEWS):
        page = context.new_page()
        page.goto(f"{base}/voila/render/fdi_by_country.ipynb?token={token}",
                  timeout=PAGE_TIMEOUT)
        page.locator(".widget-output img").first.wait_for(timeout=PAGE_TIMEOUT)
        page.close(run_before_unload=True)  # as a reader closes the tab
    # Shutdowns are asynchronous: wait for the state, bounded.
    deadline = time.monotonic() + 60
    while len(_kernels(connection_dir)) > notebooks and time.monotonic() < deadline:
        time.sleep(0.5)
    running = _kernels(connection_dir)
    assert len(running) <= notebooks, (
        f"{len(running)} kernels for {notebooks} notebooks after {VIEWS} closed pages:\n"
        + proc.tail())
    assert context.guard.blocked == [], f"requests left the machine: {context.guard.blocked}"
