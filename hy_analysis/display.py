"""What notebooks show: the parameter summary, findings as Markdown, interactive tables.

Kept apart from the analysis so analysis functions stay pure and return values; these
helpers only display them. Data-derived text is HTML-escaped before it is shown.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .params import params_summary

__all__ = ["init_notebook", "show_params", "show_markdown", "show_table", "md_escape"]


def md_escape(value: object) -> str:
    """Escape a data-derived string for Markdown/HTML output (``<``, ``&``, ``|``, ``*``...)."""
    text = escape(str(value))
    for char in "\\`*_[]|#":
        text = text.replace(char, "\\" + char)
    return text


def init_notebook() -> None:
    """Prepare a notebook: offline interactive tables and the chart theme.

    itables is put in offline mode (``connected=False``): its JavaScript is embedded in the
    notebook, so tables stay sortable and searchable in shared HTML with no internet.
    """
    import itables

    from .plotting import setup

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
    """Display Markdown built by an analysis ``describe_*`` function (already escaped)."""
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


def source_name(source_id: str, sources: pd.DataFrame | None, *, number: bool = True) -> str:
    """A short name of a source for labels and tables.

    Parameters
    ----------
    source_id : str
        A ``source_id``; of a ``"a; b"`` list only the first is named.
    sources : DataFrame or None
        From :func:`hy_analysis.load_sources`; without it the id is returned as given.
    number : bool
        Prefer the document number (``87/KH-UBND``); when false, or when the source has no
        number, the outlet (the issuer without its parenthesis).

    Returns
    -------
    str
        The name, or the id itself when the source is unknown.
    """
    if sources is None or not source_id:
        return source_id
    first = str(source_id).split("; ")[0]
    hit = sources[sources["id"] == first]
    if hit.empty:
        return first
    row = hit.iloc[0]
    return (str(row["doc_number"]) if number else "") or str(row["issuer"]).split(" (")[0] \
        or first
