"""Charts of the overview notebook: figure counts, consistency outcomes, implied vs stated.

Drawing only: every function takes a frame computed by
:mod:`hy_analysis.analysis.consistency`, with ``ax=None``, and returns the Axes.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from ..findings.format import format_number, format_period
from ..docstrings import fill_doc, frames_from
from .base import (PALETTE, add_source, chart, empty_chart, ids_in, new_axes, no_data,
                   number_formatter, texts, year_locator)

__all__ = ["plot_implied_vs_stated", "plot_figure_counts", "plot_consistency"]

#: The words, in hy_analysis/assets/messages/charts-consistency.csv (vi and en side by side).
_CONSISTENCY_TEXT = "charts-consistency"


def _gt(key: str, lang: str):
    return texts(_CONSISTENCY_TEXT, lang)[key]


@fill_doc
def plot_implied_vs_stated(implied: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                           lang: str = "vi", ax=None):
    """Implied average growth of level targets next to the stated growth target (bars).

    Parameters
    ----------
    implied : DataFrame
        From :func:`hy_analysis.analysis.consistency.implied_vs_stated`.
    {chart_options}

    {returns_axes}
    """
    ax = new_axes(ax, figsize=(8.5, 3.8))
    ax.set_title(_gt("implied_title", lang))
    rows = implied[implied["stated_raw"] != ""] if not implied.empty else implied
    if rows.empty:
        return empty_chart(ax, no_data(lang, ", ".join(dict.fromkeys(implied["region"]))
                                         if not implied.empty else "—"))
    labels, values, colours = [], [], []
    for row in rows.itertuples():
        name = f"{row.region}: "
        level = getattr(row, f"level_name_{lang}", row.level_indicator)
        growth = getattr(row, f"growth_name_{lang}", row.growth_indicator)
        labels.append(name + _gt("implied_bar", lang).format(a=row.from_year, b=row.to_year)
                      + "\n" + "\n".join(textwrap.wrap(f"({level})", 34)))
        values.append(row.implied_pct)
        colours.append("#c0392b" if row.flagged else "#2f6db5")
        labels.append(name + _gt("stated_bar", lang).format(
            period=format_period(row.stated_start, row.stated_end))
                      + "\n" + "\n".join(textwrap.wrap(f"({growth})", 34)))
        values.append(row.stated_low if row.stated_low == row.stated_high else
                      (row.stated_low + row.stated_high) / 2)
        colours.append("#7f7f7f")
    y = list(range(len(labels)))[::-1]
    bars = ax.barh(y, values, color=colours, height=0.6)
    ax.bar_label(bars, labels=[format_number(v, lang=lang, decimals=1) + " %" for v in values],
                 padding=3, fontsize=9)
    ax.set_yticks(y, labels, fontsize=9)
    ax.set_xlabel(_gt("rate_axis", lang))
    ax.set_xlim(0, max(values) * 1.18)
    ax.xaxis.set_major_formatter(number_formatter(lang, decimals=0))
    if sources is not None:
        add_source(ax, ids_in(rows, "level_sources", "stated_source"), sources, lang=lang)
    return ax


@chart(_CONSISTENCY_TEXT, "counts_title", figsize=(8.5, 3.8),
       **frames_from(counts="hy_analysis.analysis.consistency.count_figures"),
       sources="DataFrame, optional\n    When given, the source line names every document "
               "in the dataset selection.")
def plot_figure_counts(counts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                       lang: str = "vi", ax=None):
    """Horizontal stacked bars: figures per region by kind (merged province apart)."""
    import seaborn as sns
    from matplotlib.container import BarContainer

    series = [k + (" [merged]" if merged else "")
              for k, merged in zip(counts["kind"], counts["merged"])]
    # Regions by series, sorted both ways (as pivot_table, a few times faster)
    table = counts.groupby(["region", series])["figures"].sum().unstack(fill_value=0)
    order = [c for c in ("target", "actual", "target [merged]", "actual [merged]")
             if c in table.columns]
    table = table[order].loc[table.sum(axis=1).sort_values().index]
    colours = dict(zip(("target", "actual", "target [merged]", "actual [merged]"),
                       sns.color_palette(PALETTE, 4)))
    regions, widths = list(table.index), table.to_numpy()
    # A segment too narrow for its number (Đông Hưng: 1 and 4 read as "14") is not
    # labelled inside; its bar gets the parts written after its end instead ("1 + 4").
    narrow = max(float(widths.sum(axis=1).max()) * 0.05, 1.0)
    crowded = ((widths > 0) & (widths < narrow)).any(axis=1)
    left = np.zeros(len(regions))
    for column, series in enumerate(order):
        bars = ax.barh(regions, widths[:, column], left=left, color=colours[series],
                       label=_gt(f"kinds.{series}", lang),
                       hatch="//" if "merged" in series else None, edgecolor="white")
        # Only the segments that show a number get a label (an empty one is drawn as
        # nothing but costs its measuring).
        shown = [(bar, int(v)) for bar, v, tight in zip(bars, widths[:, column], crowded)
                 if v and not tight]
        if shown:
            labels = ax.bar_label(
                BarContainer([b for b, _ in shown], datavalues=[v for _, v in shown],
                             orientation="horizontal"),
                labels=[str(v) for _, v in shown], label_type="center", fontsize=8.5,
                color="white")
            _inside(labels)
        left = left + widths[:, column]
    for row, total, tight, parts in zip(regions, left, crowded, widths):
        if tight:
            ax.annotate(" + ".join(str(int(v)) for v in parts if v),
                        (total, row), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize=8.5, color="#333333")
    ax.set_xlabel(_gt("counts_axis", lang))
    ax.xaxis.set_major_locator(year_locator())  # whole numbers only
    ax.set_ylabel("")
    _inside([ax.legend(fontsize=8, loc="lower right")])
    marks = {**ax.xaxis.get_tick_params(), **ax.yaxis.get_tick_params()}
    if not any(marks.get(side) for side in ("bottom", "top", "left", "right")):
        # No tick marks (the theme's): the spines lie on the Axes' edges.
        _inside(ax.spines.values())
    # Nothing is drawn above the Axes (ticks and labels below and left): the title stays at
    # the top, which spares measuring the y axis for it at every layout pass.
    ax.set_title(ax.get_title(), y=1.0)
    return ax


def _inside(artists) -> None:
    # Drawn within the Axes (labels centred in their bars, the legend in a corner): they
    # cannot widen the figure's layout, which need not measure them.
    for artist in artists:
        artist.set_in_layout(False)


def plot_consistency(counts: pd.DataFrame, *, lang: str = "vi", ax=None,
                     source_ids=(), sources: pd.DataFrame | None = None):
    """Bars of the outcome counts of each consistency check.

    Parameters
    ----------
    counts : DataFrame
        From :func:`hy_analysis.analysis.consistency.consistency_counts`.
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional
    source_ids : iterable of str
        Sources of the flagged findings, for the source line.
    sources : DataFrame, optional

    Returns
    -------
    matplotlib Axes
    """
    ax = new_axes(ax, figsize=(8.5, 3.8))
    ax.set_title(_gt("consistency_title", lang))
    bad = {"conflict", "off", "flagged"}
    labels = [f"{_gt('checks.' + r.check, lang)}: {_gt('outcomes.' + r.outcome, lang)}"
              for r in counts.itertuples()]
    y = list(range(len(labels)))[::-1]
    colours = ["#c0392b" if o in bad else "#8fb3de" for o in counts["outcome"]]
    bars = ax.barh(y, counts["count"], color=colours, height=0.65)
    ax.bar_label(bars, labels=[str(int(v)) for v in counts["count"]], padding=3, fontsize=9)
    ax.set_yticks(y, labels, fontsize=9)
    ax.set_xlabel(_gt("count_axis", lang))
    ax.set_xlim(0, max(1, counts["count"].max()) * 1.15)
    ax.xaxis.set_major_locator(year_locator())
    if sources is not None:
        add_source(ax, source_ids, sources, lang=lang)
    return ax
