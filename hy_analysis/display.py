"""What notebooks show: the parameter summary, findings as Markdown, tables and charts.

Kept apart from analysis, findings and charts, which return values; these helpers only
display them. Findings arrive escaped (:func:`hy_analysis.findings.common.md_escape`); table
cells arrive as text and are HTML-escaped once, by itables (or pandas for static tables). :func:`show_chart` is the one way a notebook shows a chart.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from html import escape

import pandas as pd

from .params import params_summary

__all__ = ["init_notebook", "show_params", "show_markdown", "show_table", "show_chart",
           "static_tables"]

_STATIC_TABLES: ContextVar[bool] = ContextVar("hy_static_tables", default=False)


def init_notebook() -> None:
    """Prepare a notebook: offline interactive tables and the chart theme.

    itables is put in offline mode (``connected=False``): its JavaScript is embedded in the
    notebook, so tables stay sortable and searchable in shared HTML with no internet.
    """
    import itables

    from .charts.base import setup

    itables.init_notebook_mode(all_interactive=False, connected=False)
    _inline_charts()
    setup()


def _inline_charts() -> None:
    """Show charts inline in a kernel even when MPLBACKEND=Agg is inherited (CI, pytest).

    Without this, a kernel started from an environment that sets a non-GUI backend draws
    every chart into nothing and the notebook and its HTML have no images.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and getattr(shell, "kernel", None) is not None:
        # The magic, not matplotlib.use(): it also registers the PNG formatter and the
        # post-cell flush that put figures into the notebook.
        shell.run_line_magic("matplotlib", "inline")


def show_params(notebook: str, values: dict, *, lang: str = "vi") -> None:
    """Display the "parameters of this run" summary."""
    from IPython.display import Markdown, display

    display(Markdown(params_summary(notebook, values, lang=lang)))


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

