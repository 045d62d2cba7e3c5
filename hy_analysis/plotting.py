"""Charts: ``plot_*(data, *, ..., ax=None) -> Axes``. Drawing only; numbers come from analysis.

matplotlib and seaborn are imported inside the functions, so ``import hy_analysis`` stays
light. Every chart gets a title, axis labels with units, and a source line naming the
documents (number and date), in Vietnamese or English following ``lang``.
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from .parsing import format_number
from .schema import UNIT_LABELS

__all__ = ["setup", "source_line", "add_source", "number_formatter", "unit_label", "new_axes"]

#: DejaVu Sans ships with matplotlib and covers every Vietnamese diacritic, so no chart
#: shows missing-glyph boxes whatever fonts the machine has.
FONT = "DejaVu Sans"
PALETTE = "colorblind"

_TEXT = {
    "vi": {"source": "Nguồn", "year": "Năm", "derived": "tính toán", "target": "Mục tiêu",
           "actual": "Thực hiện"},
    "en": {"source": "Source", "year": "Year", "derived": "computed", "target": "Target",
           "actual": "Actual"},
}


def text(key: str, lang: str) -> str:
    """A fixed label in ``lang`` (``"vi"`` or ``"en"``)."""
    return _TEXT[lang][key]


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

    return FuncFormatter(lambda x, _pos: format_number(x, lang=lang, decimals=decimals) + suffix)


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
        e.g. ``"Nguồn: UBND tỉnh Hưng Yên 87/KH-UBND (2023-05-23); ..."``.
    """
    by_id = sources.set_index("id")
    parts = []
    for sid in dict.fromkeys(s for s in source_ids if s):
        if sid not in by_id.index:
            parts.append(str(sid))
            continue
        row = by_id.loc[sid]
        label = row["doc_number"] or row["issuer"] or sid
        if row["doc_number"] and row["issuer"]:
            label = f"{row['issuer']} {row['doc_number']}"
        parts.append(f"{label} ({row['date']})" if row["date"] else label)
    return f"{text('source', lang)}: " + "; ".join(parts) if parts else ""


def add_source(ax, source_ids: Iterable[str], sources: pd.DataFrame, *, lang: str = "vi",
               note: str = ""):
    """Write the source line (and an optional note) under the chart; return ``ax``."""
    import textwrap

    line = source_line(source_ids, sources, lang=lang)
    caption = "\n".join(textwrap.wrap(" ".join(filter(None, [line, note])), 125))
    ax.figure.text(0.01, -0.01, caption, ha="left", va="top", fontsize=7.5, color="#444")
    return ax
