"""What notebooks show: findings as Markdown, tables and charts.

Kept apart from analysis, findings and charts, which return values; these helpers only
display them. Findings arrive escaped (:func:`hy_analysis.findings.common.md_escape`); table
cells arrive as text and are HTML-escaped once, by itables (or pandas for static tables). :func:`show_chart` is the one way a notebook shows a chart.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from html import escape

import pandas as pd

__all__ = ["show_markdown", "show_table", "show_chart", "static_tables"]

_STATIC_TABLES: ContextVar[bool] = ContextVar("hy_static_tables", default=False)


def show_markdown(text: str) -> None:
    """Display Markdown built by a findings ``describe_*`` function (already escaped)."""
    from IPython.display import Markdown, display

    display(Markdown(text))


def show_table(data: pd.DataFrame, *, caption: str | None = None, page_length: int = 15) -> None:
    """Display a sortable, searchable table that also works in offline HTML (itables).

    Cells and headers are passed as text and escaped exactly once, by itables
    (``allow_html=False``): a hostile value in a user's data file is shown as text, never
    run, and ``People's Council`` reads as written. The "entries per page" menu offers
    ``page_length`` among its choices. While :func:`static_tables` is active (precomputed
    states of a shared panel) the table is a plain HTML table instead, escaped by pandas.
    """
    if _STATIC_TABLES.get():
        from IPython.display import HTML, display

        head = f"<p class='hy-caption'>{escape(caption)}</p>" if caption else ""
        display(HTML(head + data.to_html(index=False, escape=True, border=0, na_rep="",
                                         classes="hy-table")))
        return
    import itables

    menu = sorted({10, page_length, 25, 50, 100})
    # itables escapes cells and headers but writes the caption as HTML: escape it here.
    itables.show(data, caption=escape(caption) if caption else None, pageLength=page_length,
                 lengthMenu=menu,
                 allow_html=False, connected=False, classes="display compact")


@contextmanager
def static_tables():
    """While active, :func:`show_table` displays plain HTML tables (no script).

    Used when a shared panel's states are precomputed: a state's HTML is swapped into the
    page by a script, and scripts inside it would not run.
    """
    token = _STATIC_TABLES.set(True)
    try:
        yield
    finally:
        _STATIC_TABLES.reset(token)


def show_chart(chart) -> None:
    """Display a chart once and close it, so the notebook shows no second copy.

    Parameters
    ----------
    chart : matplotlib Axes or Figure, or None
        What a ``plot_*`` function returned; None (nothing drawn) shows nothing.
    """
    if chart is None:
        return
    import matplotlib.pyplot as plt
    from IPython.display import display

    figure = chart if isinstance(chart, plt.Figure) else chart.figure
    display(figure)
    plt.close(figure)

