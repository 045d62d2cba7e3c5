"""What notebooks show: the parameter summary, findings as Markdown, tables and charts.

Kept apart from analysis, findings and charts, which return values; these helpers only
display them. Findings arrive escaped (:func:`hy_analysis.findings.common.md_escape`); table
cells are HTML-escaped here, once. :func:`show_chart` is the one way a notebook shows a chart.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .params import params_summary

__all__ = ["init_notebook", "show_params", "show_markdown", "show_table", "show_chart"]


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

    Text cells are HTML-escaped first: a hostile value in a user's data file is shown as
    text, never run.
    """
    import itables

    shown = data.copy()
    for column in shown.columns:
        if shown[column].dtype == object or isinstance(shown[column].dtype, pd.CategoricalDtype) \
                or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = shown[column].astype("string").map(
                lambda v: escape(v) if isinstance(v, str) else v, na_action="ignore")
    shown.columns = [escape(str(c)) for c in shown.columns]
    itables.show(shown, caption=escape(caption) if caption else None, pageLength=page_length,
                 connected=False, classes="display compact")


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

