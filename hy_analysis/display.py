"""What notebooks show: findings as Markdown, tables and charts.

Kept apart from analysis, findings and charts, which return values; these helpers only
display them. Findings arrive escaped (:func:`hy_analysis.findings.common.md_escape`); table
cells arrive as text and are HTML-escaped once, by itables (or pandas for static tables). :func:`show_chart` is the one way a notebook shows a chart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from contextlib import contextmanager
from functools import lru_cache
from contextvars import ContextVar
from html import escape

import numpy as np
import pandas as pd

__all__ = ["show_markdown", "show_table", "show_chart", "static_tables", "vector_charts",
           "set_report_lang",
           "reader_table", "table_payload", "chart_description", "reader_territories",
           "RUN_PARAMETERS_ROLE"]

_STATIC_TABLES: ContextVar[bool] = ContextVar("hy_static_tables", default=False)
_VECTOR_CHARTS: ContextVar[bool] = ContextVar("hy_vector_charts", default=False)
#: Display metadata role of the "parameters of this run" table (left out of shared pages).
RUN_PARAMETERS_ROLE = "run-parameters"
_LANG: ContextVar[str] = ContextVar("hy_report_lang", default="vi")

# The run's territory labels (from its region map): what reader_territories translates.
_TERRITORIES: ContextVar[tuple[str, ...]] = ContextVar("hy_report_territories", default=())


def show_markdown(text: str) -> None:
    """Display Markdown built by a findings ``describe_*`` function (already escaped)."""
    from IPython.display import Markdown, display

    display(Markdown(reader_territories(text)))


def set_report_lang(lang: str, *, territories: Iterable[str] = ()) -> None:
    """The language of the report being built: tables format numbers and chrome in it.

    Called once by the notebook's bootstrap (:func:`hy_analysis.notebook.start`); a table
    shown before it reads Vietnamese, the package's default language. ``territories`` are
    the run's territory labels (``region_map.territories``), written for readers wherever
    text reaches the page.
    """
    from .vocabulary import check_lang

    _LANG.set(check_lang(lang))
    _TERRITORIES.set(tuple(sorted(territories, key=len, reverse=True)))


def reader_table(data: pd.DataFrame, *, lang: str | None = None) -> pd.DataFrame:
    """The cells of a reader table as text: numbers by locale (Babel), empties blank.

    Integral numbers are written without decimals (``10``, not ``10.0`` nor ``456,00``
    beside ``8,55``), others with the decimals their column needs (at most two, the same
    down the column), except in a column the findings gave fixed decimals
    (:func:`hy_analysis.findings.format.fixed_decimals`: ``29,0`` beside ``31,7``, as the
    text writes it); years as years (``2025``); no scientific notation; territory labels for
    readers (:func:`reader_territories`); NaN and None become empty strings (the page shows an
    em dash); infinity becomes ``∞``; booleans read as words of ``lang``.

    Parameters
    ----------
    data : DataFrame
        A reader table from a findings function (headers already in ``lang``).
    lang : {"vi", "en"}, optional
        Default: the report's language (:func:`set_report_lang`).

    Returns
    -------
    DataFrame
        Same shape and headers, every cell a string.

    Examples
    --------
    >>> table = reader_table(pd.DataFrame({"n": [10.0, None], "x": [1234.5, 2.2e15],
    ...                                    "y": [66.0, 2e6]}), lang="vi")
    >>> table.to_dict("list")
    {'n': ['10', ''], 'x': ['1.234,5', '2.200.000.000.000.000'], 'y': ['66', '2.000.000']}
    """
    from .findings.format import column_decimals

    lang = lang or _LANG.get()
    fixed = column_decimals(data)
    columns = []
    for position in range(data.shape[1]):
        values = data.iloc[:, position]
        header = data.columns[position]
        if header in fixed:  # a computed measure, written as the text writes it: 29,0
            columns.append([_cell(v, lang=lang, decimals=fixed[header], whole=False)
                            for v in values])
            continue
        if _is_year_column(values):  # 2025, not 2.025
            columns.append([str(int(v)) if _is_number(v) and math.isfinite(float(v))
                            else _cell(v, lang=lang, decimals=0) for v in values])
            continue
        decimals = _decimals(values)
        columns.append([reader_territories(_cell(v, lang=lang, decimals=decimals), lang=lang)
                        for v in values])
    # headers too: a pivot's columns may be territories (the merger table)
    out = pd.DataFrame(dict(enumerate(columns)), index=range(len(data)))
    out.columns = [reader_territories(str(c), lang=lang) for c in data.columns]
    return out.reset_index(drop=True)


def reader_territories(text: str, *, lang: str | None = None) -> str:
    """``text`` with every territory label of ``data/regions.csv`` written for readers.

    The one translated table is :func:`hy_analysis.vocabulary.territory_label`; applying it
    here, where findings and tables reach the page, leaves no English label in a Vietnamese
    report whichever findings function wrote it.

    Examples
    --------
    >>> reader_territories("Hưng Yên (before 2025-07-01): 8 %", lang="vi")
    'Hưng Yên (trước 01/07/2025): 8 %'
    """
    from .vocabulary import territory_label

    lang = lang or _LANG.get()
    if "(" not in text:
        return text
    # Longest first: "Đông Hưng district, Thái Bình (before …)" before "Thái Bình (before …)".
    for label in _TERRITORIES.get() or _label_pattern().findall(text):
        if label in text:
            text = text.replace(label, territory_label(label, lang=lang))
    return text


@lru_cache(maxsize=1)
def _label_pattern() -> "re.Pattern":
    # Without a run's labels (a table shown outside a notebook): the labels' own shape.
    return re.compile(r"(?:[^\W\d_][\w]*(?: [^\W\d_][\w]*)* district, )?"
                      r"[^\W\d_][\w]*(?: [^\W\d_][\w]*)*"
                      r" \((?:before|merged, from) \d{4}-\d{2}-\d{2}\)")


def _is_year_column(values: pd.Series) -> bool:
    numbers = [float(v) for v in values if _is_number(v) and math.isfinite(float(v))]
    return bool(numbers) and all(n.is_integer() and 1900 <= n <= 2100 for n in numbers)


def _decimals(values: pd.Series) -> int:
    """Decimals the fractions of one column need (at most two), so they line up: 29,50
    beside 31,75 (whole numbers stay whole: :func:`_cell`)."""
    numbers = [float(v) for v in values if _is_number(v) and math.isfinite(float(v))]
    needed = [len(f"{n:.2f}".rstrip("0").split(".")[1]) for n in numbers]
    return max(needed, default=0)


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_))


def _cell(value, *, lang: str, decimals: int, whole: bool = True) -> str:
    if type(value) is str:  # most cells: none of the checks below applies
        return "" if value.lower() in ("nan", "none", "<na>") else value
    from .findings.format import format_number, missing

    if value is None or value is pd.NA or value is pd.NaT or (
            _is_number(value) and missing(float(value))):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return _YES_NO[lang][bool(value)]
    if _is_number(value):
        if math.isinf(float(value)):
            return "∞" if value > 0 else "−∞"
        # A whole number stays whole beside fractions (456, not 456,00), unless its column
        # has fixed decimals (whole=False).
        return format_number(float(value), lang=lang,
                             decimals=0 if whole and float(value).is_integer() else decimals)
    text = str(value)
    return "" if text.lower() in ("nan", "none", "<na>") else text


_YES_NO = {"vi": {True: "có", False: "không"}, "en": {True: "yes", False: "no"}}


def table_payload(data: pd.DataFrame, *, caption: str | None = None,
                  lang: str | None = None) -> dict:
    """What the report's Excel workbook needs of a table (:data:`TABLE_MIME`).

    Numbers stay numbers (Excel computes with them), other cells are text; NaN is null. A
    whole number is an integer, except in a column of fixed decimals (a share's ``29.0``
    shows its decimal in Excel as on the page).
    """
    from .findings.format import column_decimals

    def raw(v, whole=True):
        if v is None or v is pd.NA or (_is_number(v) and not math.isfinite(float(v))):
            return None
        if isinstance(v, (bool, np.bool_)):
            return _YES_NO[lang or _LANG.get()][bool(v)]
        if _is_number(v):
            return int(v) if whole and float(v).is_integer() else float(v)
        text = str(v)
        return None if text.lower() in ("nan", "none", "<na>") else reader_territories(
            text, lang=lang)

    fixed = column_decimals(data)
    wholes = [c not in fixed for c in data.columns]
    return {"caption": caption or "", "lang": lang or _LANG.get(),
            "columns": [reader_territories(str(c), lang=lang) for c in data.columns],
            "rows": [[raw(v, whole) for v, whole in zip(row, wholes)]
                     for row in data.itertuples(index=False)]}


def show_table(data: pd.DataFrame, *, caption: str | None = None, page_length: int = 15,
               lang: str | None = None) -> None:
    """Display a table people read: sortable, searchable, paged, also in offline HTML.

    Cells are written by :func:`reader_table` (numbers by locale, no ``NaN``), then escaped
    exactly once, by itables (``allow_html=False``): a hostile value in a user's data file is
    shown as text, never run. The table chrome ("Search", "Showing 1 to 15 of ...") is in
    the report's language (DataTables' own Vietnamese file, bundled); numbers are aligned
    right and sort as numbers, text left; a click on a header sorts. The display also
    carries the table's values (:data:`hy_analysis.rendering.TABLE_MIME`), from which the
    report's Excel workbook is written. While :func:`static_tables` is active (precomputed
    states of a shared panel) the table is a plain HTML table instead, escaped by pandas.

    Parameters
    ----------
    data : DataFrame
        A reader table (headers in the report's language).
    caption : str, optional
        Shown above the table (escaped here).
    page_length : int
        Rows per page; the "rows per page" menu offers it among its choices.
    lang : {"vi", "en"}, optional
        Default: the report's language (:func:`set_report_lang`).
    """
    from IPython.display import HTML, display

    from .page_assets import TABLE_MIME

    lang = lang or _LANG.get()
    cells = reader_table(data, lang=lang)
    if _STATIC_TABLES.get():
        head = f"<p class='hy-caption'>{escape(caption)}</p>" if caption else ""
        display(HTML(head + _static_html(cells)))
        return
    import itables

    menu = sorted({10, page_length, 25, 50, 100})
    numeric = [i for i in range(data.shape[1])
               if pd.api.types.is_numeric_dtype(data.iloc[:, i]) and not
               pd.api.types.is_bool_dtype(data.iloc[:, i])]
    text = [i for i in range(len(data.columns)) if i not in numeric]
    column_defs = [{"targets": numeric, "className": "dt-right"},
                   {"targets": text, "className": "dt-left"}]
    # itables escapes cells and headers but writes the caption as HTML: escape it here.
    page = itables.to_html_datatable(
        cells, caption=escape(caption) if caption else None, pageLength=page_length,
        lengthMenu=menu, language=_datatables_language(lang), columnDefs=column_defs,
        paging=len(cells) > page_length, allow_html=False, **_datatables_source(),
        # a click anywhere on a header sorts (itables' default leaves only the small arrows)
        text_in_header_can_be_selected=False,
        classes="display compact hy-table")
    display({"text/html": page, TABLE_MIME: table_payload(data, caption=caption, lang=lang)},
            raw=True)


def _datatables_source() -> dict:
    """itables' options for where a table's DataTables comes from (:func:`datatables_url`)."""
    from .page_assets import datatables_url

    url = datatables_url()
    return {"connected": True, "dt_url": url} if url else {"connected": False}


def _static_html(cells: pd.DataFrame) -> str:
    """The plain HTML of a reader table, empty cells as an em dash: what
    ``cells.replace("", "—").to_html(index=False, escape=True, border=0, classes="hy-table")``
    writes, written here for a table of text cells (a tenth of pandas' time, which formats
    and pads each cell first); pandas writes any other table.

    Examples
    --------
    >>> print(_static_html(pd.DataFrame({"a & b": ["<x>", ""]})))
    <table class="dataframe hy-table">
      <thead>
        <tr style="text-align: right;">
          <th>a &amp; b</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>&lt;x&gt;</td>
        </tr>
        <tr>
          <td>—</td>
        </tr>
      </tbody>
    </table>
    """
    headers = list(cells.columns)
    rows = list(cells.itertuples(index=False, name=None))
    if (isinstance(cells.columns, pd.MultiIndex) or cells.columns.name is not None
            or not all(isinstance(v, str) for v in headers)
            or not all(isinstance(v, str) for row in rows for v in row)):
        return cells.replace("", "—").to_html(index=False, escape=True, border=0,
                                             classes="hy-table")

    def text(value: str, *, cell: bool) -> str:
        # As pandas: a cell's control characters written as escapes (not a header's),
        # &, <, > escaped, the ends stripped, runs of two spaces kept.
        if cell:
            value = (value or "—").replace("\t", r"\t").replace("\r", r"\r").replace(
                "\n", r"\n")
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return value.strip().replace("  ", "&nbsp;&nbsp;")

    classes = "dataframe" if pd.get_option("display.html.use_mathjax") else \
        "dataframe tex2jax_ignore mathjax_ignore"
    lines = [f'<table class="{classes} hy-table">', "  <thead>",
             f'    <tr style="text-align: {pd.get_option("display.colheader_justify")};">']
    lines += [f"      <th>{text(h, cell=False)}</th>" for h in headers]
    lines += ["    </tr>", "  </thead>", "  <tbody>"]
    for row in rows:
        lines.append("    <tr>")
        lines += [f"      <td>{text(v, cell=True)}</td>" for v in row]
        lines.append("    </tr>")
    lines += ["  </tbody>", "</table>"]
    return "\n".join(lines)


def _datatables_language(lang: str) -> dict:
    """DataTables' strings in ``lang`` (its Vietnamese file, bundled), with the locale's
    decimal and group marks so formatted numbers sort as numbers."""
    from .page_assets import datatables_language

    return datatables_language(lang)


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


@contextmanager
def vector_charts():
    """While active, :func:`show_chart` displays SVG with text as text, not PNG.

    Used when a shared panel's states are precomputed: a third less drawing time than a
    PNG (no glyph rasterising, no palette reduction) and a tenth of its compressed size;
    the reader's browser draws the text (:func:`hy_analysis.charts.base.figure_svg`), each
    text measured once for all the charts (:func:`hy_analysis.charts.base.shared_text_metrics`).
    """
    from .charts.base import shared_text_metrics

    token = _VECTOR_CHARTS.set(True)
    try:
        with shared_text_metrics():
            yield
    finally:
        _VECTOR_CHARTS.reset(token)


def show_chart(chart, *, alt: str | None = None) -> None:
    """Display a chart once and close it, so the notebook shows no second copy.

    The image carries a text description (the page's ``alt`` text): by default the chart's
    titles, axis labels and legend entries, in the language they were drawn in.

    Parameters
    ----------
    chart : matplotlib Axes or Figure, or None
        What a ``plot_*`` function returned; None (nothing drawn) shows nothing.
    alt : str, optional
        The description to give instead of the one read from the chart.
    """
    if chart is None:
        return
    import io

    import matplotlib.pyplot as plt
    from IPython.display import display

    figure = chart if isinstance(chart, plt.Figure) else chart.figure
    if _VECTOR_CHARTS.get():
        from .charts.base import figure_svg

        data = {"image/svg+xml": figure_svg(figure)}
    else:
        import base64

        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", bbox_inches="tight")
        data = {"image/png": base64.b64encode(buffer.getvalue()).decode("ascii")}
    plt.close(figure)
    display({**data, "text/plain": alt or chart_description(figure)}, raw=True)


def chart_description(figure) -> str:
    """A short text description of a drawn chart: titles, axes and legend entries.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().subplots()
    >>> _ = ax.plot([1, 2], label="Hưng Yên"); _ = ax.set_title("GRDP"); _ = ax.legend()
    >>> _ = ax.set_xlabel("năm")
    >>> chart_description(ax.figure)
    'GRDP — năm — Hưng Yên'
    """
    parts = []
    suptitle = getattr(figure, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        parts.append(suptitle.get_text())
    for ax in figure.axes:
        for text in (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()):
            if text and text not in parts:
                parts.append(text)
        legend = ax.get_legend()
        if legend is not None:
            labels = [t.get_text() for t in legend.get_texts() if t.get_text()]
            if labels:
                parts.append(", ".join(labels))
    return " — ".join(" ".join(p.split()) for p in parts) or "chart"
