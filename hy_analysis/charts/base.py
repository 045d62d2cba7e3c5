"""What every chart shares: the theme, a font with Vietnamese diacritics, number formats,
the source line, and the empty-chart message.

Charts draw only: they take frames computed by :mod:`hy_analysis.analysis` and never import
an analysis module. matplotlib and seaborn are imported inside the functions, so importing
the package stays light.
"""

from __future__ import annotations

import textwrap
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable, Mapping

import pandas as pd

from ..findings.common import opened, source_name
from ..findings.format import format_number
from ..schema import UNIT_LABELS
from ..docstrings import with_parameters, with_returns
from ..vocabulary import messages

__all__ = ["FONT", "PALETTE", "SHARED_TEXTS", "texts", "messages", "setup", "new_axes", "text",
           "unit_label", "number_formatter", "source_line", "start_chart", "chart",
           "CHART_PARAMETERS", "add_source", "empty_chart", "no_data", "ids_in",
           "figure_svg", "shared_text_metrics", "SVG_FONTS", "year_locator"]

#: DejaVu Sans ships with matplotlib and covers every Vietnamese diacritic, so no chart
#: shows missing-glyph boxes whatever fonts the machine has.
FONT = "DejaVu Sans"
PALETTE = "colorblind"
#: The fonts an SVG chart's text asks the reader's browser for: DejaVu Sans where installed
#: (the layout was measured with it), else fonts of narrower or equal width that have every
#: Vietnamese diacritic, never the browser's default serif.
SVG_FONTS = "'DejaVu Sans', Verdana, 'Noto Sans', Arial, sans-serif"


#: The phrases every chart shares (``hy_analysis/assets/messages/charts.csv``); each family's
#: catalogue adds its own (:func:`texts`).
SHARED_TEXTS = "charts"


@lru_cache(maxsize=None)
def texts(family: str | None, lang: str) -> Mapping[str, str]:
    """A chart family's labels in ``lang``: the shared phrases, then its own catalogue's.

    Parameters
    ----------
    family : str or None
        A message catalogue (:func:`hy_analysis.vocabulary.catalogue`), e.g. ``"charts-fdi"``;
        None: the shared phrases alone.
    lang : {"vi", "en"}

    Returns
    -------
    Mapping
        Key -> template.

    Examples
    --------
    >>> texts("charts-fdi", "en")["t_share"], texts(None, "en")["year"]
    ('Share of FDI projects by investor country', 'Year')
    """
    shared = messages(SHARED_TEXTS, lang)
    return MappingProxyType({**shared, **messages(family, lang)}) if family else shared


def text(key: str, lang: str) -> str:
    """A fixed label in ``lang`` (``"vi"`` or ``"en"``)."""
    return texts(None, lang)[key]


def no_data(lang: str, region: str | None = None) -> str:
    """"No figures for ``region``" in ``lang``; without a region, "for this selection"."""
    return text("no_data", lang).format(region=text("this_selection", lang)
                                        if region is None else region)


def empty_chart(ax, message: str):
    """An Axes that says there is nothing to draw (e.g. a region without figures)."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes,
            fontsize=11, color="#555", wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def start_chart(data: pd.DataFrame, ax=None, *, title: str, lang: str,
                region: str | None = None, figsize=None):
    """The opening of every ``plot_*``: its Axes (``ax`` or a new one), titled, and whether
    ``data`` has anything to draw; when it has not, the Axes already says so.

    Parameters
    ----------
    data : DataFrame
        The frame the chart draws.
    ax : matplotlib Axes, optional
        Where to draw (default: a new figure of ``figsize``).
    title : str
        The chart's title, in ``lang``.
    lang : {"vi", "en"}
    region : str, optional
        Named in the no-data message ("No figures for ...", default: this selection).
    figsize : (float, float), optional

    Returns
    -------
    (matplotlib Axes, bool)
        The Axes, and True when ``data`` is empty (then return the Axes as it is).
    """
    ax = new_axes(ax, figsize=figsize)
    ax.set_title(title)
    if data.empty:
        empty_chart(ax, no_data(lang, region))
    return ax, data.empty


#: How the charts describe the options they share (read by :func:`chart`).
CHART_PARAMETERS = {
    "sources": "DataFrame, optional\n    From :func:`hy_analysis.load_sources`, for the source "
               "line.",
    "lang": "{\"vi\", \"en\"}\n    Language of the labels and of the number format.",
    "ax": "matplotlib Axes, optional\n    Where to draw (default: a new figure).",
    "region": "str\n    The region named in the title and in the no-data message.",
}


def chart(catalogue: str, title: str, *, figsize=None, **parameters: str):
    r"""Decorator: the opening every axes-level ``plot_*`` shares, and its docstring.

    The decorated function draws on an Axes that is ready: ``ax`` (or a new figure of
    ``figsize``) titled with ``title`` of ``catalogue`` in ``lang`` (``{region}`` filled from
    the call). When the data (the first argument) is empty, the Axes says so and is returned
    without calling the function (:func:`start_chart`). The Parameters section is written
    from the signature (:func:`hy_analysis.docstrings.with_parameters`): ``parameters``, then
    :data:`CHART_PARAMETERS`; a Returns section (the Axes) is added where the docstring has
    none.

    Parameters
    ----------
    catalogue : str
        The family's message catalogue (:func:`texts`).
    title : str
        The key of the chart's title in ``catalogue``.
    figsize : (float, float), optional
        The size of a new figure.
    **parameters : str
        Parameter name -> ``"type\n    description"``, for what this chart alone takes.

    Returns
    -------
    callable
        The decorator.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> @chart("charts-fdi", "t_share", table="DataFrame\n    Shares.")
    ... def plot(table, *, lang="vi", ax=None):
    ...     "Bars."
    ...     return ax
    >>> ax = plot(pd.DataFrame(), lang="en", ax=Figure().subplots())
    >>> ax.get_title(), ax.texts[0].get_text()
    ('Share of FDI projects by investor country', 'No figures for this selection')
    >>> plot.__doc__.split()[:7]
    ['Bars.', 'Parameters', '----------', 'table', ':', 'DataFrame', 'Shares.']
    """
    def start(given: dict):
        words = texts(catalogue, given["lang"])
        given["ax"], empty = start_chart(
            next(iter(given.values())), given["ax"], title=words[title].format_map(given),
            lang=given["lang"], region=given.get("region"), figsize=figsize)
        return given["ax"] if empty else None

    def decorate(func):
        drawn = opened(func, start)
        return with_parameters(**{**CHART_PARAMETERS, **parameters})(
            with_returns("returns_axes")(drawn))
    return decorate




def setup() -> None:
    """Apply the project's seaborn theme (idempotent); called by every plot function."""
    import matplotlib

    import seaborn as sns

    sns.set_theme(style="whitegrid", palette=PALETTE, font=FONT,
                  rc={"figure.dpi": 100, "savefig.dpi": 110, "axes.titleweight": "bold",
                      "axes.titlesize": 12, "figure.figsize": (8.5, 4.8)})
    matplotlib.rcParams["font.family"] = FONT


def new_axes(ax=None, *, figsize=None):
    """Return ``ax`` or a fresh Axes on a new figure of the project's size."""
    setup()
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize or (8.5, 4.8), layout="constrained")
    return ax


def unit_label(unit: str, lang: str = "vi") -> str:
    """How a unit code is written on an axis in ``lang``."""
    return UNIT_LABELS[lang].get(unit, unit)


def number_formatter(lang: str = "vi", *, suffix: str = "", decimals: int | None = None):
    """A tick formatter writing numbers the ``lang`` way (``8,5`` vs ``8.5``)."""
    from matplotlib.ticker import FuncFormatter

    # A chart formats its ticks at every draw (twice per image): written once per value.
    written = lru_cache(maxsize=512)(
        lambda x: format_number(x, lang=lang, decimals=decimals) + suffix)
    return FuncFormatter(lambda x, _pos: written(x))


def source_line(source_ids: Iterable[str], sources: pd.DataFrame, *, lang: str = "vi") -> str:
    """Name the documents behind a chart: issuer, number and date, in citation order.

    Parameters
    ----------
    source_ids : iterable of str
        ``source_id`` values of the plotted rows.
    sources : DataFrame
        From :func:`hy_analysis.load_sources`.
    lang : {"vi", "en"}

    Returns
    -------
    str
        e.g. ``"Nguồn: UBND tỉnh Hưng Yên 87/KH-UBND (23/05/2023); ..."``.
    """
    parts = [source_name(sid, sources, cite=True, lang=lang)
             for sid in dict.fromkeys(s for s in source_ids if s)]
    return f"{text('source', lang)}: " + "; ".join(parts) if parts else ""


def add_source(ax, source_ids: Iterable[str], sources: pd.DataFrame, *, lang: str = "vi",
               note: str = ""):
    """Write the source line (and an optional note) under the chart; return ``ax``."""
    line = source_line(source_ids, sources, lang=lang)
    caption = "\n".join(textwrap.wrap(" ".join(filter(None, [line, note])), 125))
    ax.figure.text(0.01, -0.01, caption, ha="left", va="top", fontsize=7.5, color="#444")
    return ax


def ids_in(frame: pd.DataFrame, *columns: str) -> list[str]:
    """The source ids named in ``columns`` of ``frame`` (``"a; b"`` cells split)."""
    ids = []
    for column in columns:
        if column in frame.columns:
            for value in frame[column].dropna():
                ids += [v for v in str(value).split("; ") if v]
    return ids


def year_locator():
    """A tick locator for whole numbers (years, counts)."""
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True, nbins=8)


def figure_svg(figure) -> str:
    """The figure as compact SVG text whose labels are text (the browser draws the glyphs).

    A third less drawing time than a PNG of the same chart, and a tenth of a palette PNG's
    size once compressed. Deterministic: no date, clip-path ids from the content. Each text
    is measured once for the layout, the crop box and the drawing (and once for every chart
    drawn while :func:`shared_text_metrics` is active).

    Parameters
    ----------
    figure : matplotlib Figure

    Returns
    -------
    str
        The SVG document, on one line.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> _ = fig.subplots().set_title("Tỷ lệ đô thị hoá (%)")
    >>> svg = figure_svg(fig)
    >>> svg.startswith("<svg") and "Tỷ lệ đô thị hoá (%)</text>" in svg, svg == figure_svg(fig)
    (True, True)
    """
    import io
    import re

    import matplotlib

    buffer = io.StringIO()
    canvas = figure.canvas
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "hy-analysis"}), \
            shared_text_metrics():
        # The layout, the crop box and savefig all draw through this canvas's renderer.
        _svg_canvas()(figure)
        try:
            bbox = _laid_out(figure)
            if bbox is None:
                figure.savefig(buffer, format="svg", bbox_inches="tight",
                               metadata={"Date": None})
            else:
                # Laid out and measured already: savefig draws once (with "tight" it draws a
                # second time first, only to measure).
                from matplotlib import cbook

                with cbook._setattr_cm(figure, _layout_engine=None):
                    figure.savefig(buffer, format="svg", bbox_inches=bbox,
                                   metadata={"Date": None})
        finally:
            figure.set_canvas(canvas)
    text = buffer.getvalue()
    # The XML prologue, doctype and metadata are not needed by an <img>; line breaks only
    # separate tokens (matplotlib writes each line of text as its own element).
    text = re.sub(r"\A.*?(?=<svg)|<metadata>.*?</metadata>", "", text, flags=re.S)
    text = re.sub(r"\s*\n\s*", " ", text).strip()
    return text.replace("font-family: 'DejaVu Sans'", f"font-family: {SVG_FONTS}")


#: Text metrics (width, height, descent) by text, math mode and font, while
#: :func:`shared_text_metrics` is active.
_TEXT_METRICS: ContextVar[dict | None] = ContextVar("hy_text_metrics", default=None)


@contextmanager
def shared_text_metrics():
    """While active, :func:`figure_svg` measures each text once for all the charts it draws.

    matplotlib measures a text again for every renderer (three per SVG chart: the layout,
    the crop box and the drawing), and the same tick labels and titles recur across the
    charts of a shared panel's states. The fonts and the rcParams that choose them must not
    change meanwhile (the states of one panel are drawn with the project's theme).
    Re-entering keeps the measurements of the outer block.

    Examples
    --------
    >>> with shared_text_metrics():
    ...     _TEXT_METRICS.get() == {}
    True
    """
    if _TEXT_METRICS.get() is not None:
        yield
        return
    token = _TEXT_METRICS.set({})
    try:
        yield
    finally:
        _TEXT_METRICS.reset(token)


@lru_cache(maxsize=None)
def _svg_canvas():
    """matplotlib's SVG canvas, drawing with a renderer that reads the shared metrics.

    ``print_svg`` is matplotlib's own (3.8 to 3.11) with the renderer class replaced; the
    renderer measures as matplotlib's, through :data:`_TEXT_METRICS`.
    """
    import codecs

    from matplotlib import cbook
    from matplotlib.backends.backend_mixed import MixedModeRenderer
    from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG

    class Renderer(RendererSVG):
        def get_text_width_height_descent(self, s, prop, ismath):
            measured = _TEXT_METRICS.get()
            if measured is None:
                return super().get_text_width_height_descent(s, prop, ismath)
            # FontProperties are equal when their hashes are (matplotlib's own test).
            key = (s, ismath, hash(prop))
            if key not in measured:
                measured[key] = super().get_text_width_height_descent(s, prop, ismath)
            return measured[key]

    class Canvas(FigureCanvasSVG):
        def print_svg(self, filename, *, bbox_inches_restore=None, metadata=None,
                      **_others):
            # savefig passes a third party's canvas the options of other formats too
            # (facecolor...), which matplotlib's own print_svg never receives.
            with cbook.open_file_cm(filename, "w", encoding="utf-8") as fh:
                if not cbook.file_requires_unicode(fh):
                    fh = codecs.getwriter("utf-8")(fh)
                dpi = self.figure.dpi
                self.figure.dpi = 72
                width, height = self.figure.get_size_inches()
                renderer = MixedModeRenderer(
                    self.figure, width, height, dpi,
                    Renderer(width * 72, height * 72, fh, image_dpi=dpi, metadata=metadata),
                    bbox_inches_restore=bbox_inches_restore)
                self.figure.draw(renderer)
                renderer.finalize()

    return Canvas


def _laid_out(figure):
    """Lay ``figure`` out and measure it as ``savefig(format="svg", bbox_inches="tight")``
    does, without its first drawing; return the box to save (None: let savefig do it).

    The layout engine runs on the figure's SVG canvas at 72 dpi as inside savefig, so the
    result is the same chart (coordinates equal to a millionth of a point on every panel
    state's chart) for a sixth less time. matplotlib's private helpers are used as
    matplotlib 3.8 to 3.11 name them; another version falls back to savefig's own way.
    """
    import matplotlib

    if not all(hasattr(figure, name) for name in ("_layout_engine", "_get_renderer")):
        return None
    engine = figure.get_layout_engine()
    from matplotlib import cbook

    with cbook._setattr_cm(figure, dpi=72):
        renderer = figure._get_renderer()
        if engine is not None:
            engine.execute(figure)
        box = figure.get_tightbbox(renderer)
    return box.padded(matplotlib.rcParams["savefig.pad_inches"])
