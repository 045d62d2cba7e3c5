"""Charts of the merged-province comparison: the growth each plan target needs, side by side.

Drawing only: the frame comes from
:func:`hy_analysis.findings.comparison.needed_chart_data` (labels already in the reader's
language); nothing is computed here.
"""

from __future__ import annotations

import pandas as pd

from ..findings.format import format_range
from ..vocabulary import messages
from .base import PALETTE, add_source, empty_chart, ids_in, new_axes, number_formatter

__all__ = ["plot_needed_growth"]

#: The words, in hy_analysis/assets/messages/charts-comparison.csv (vi and en side by side).
_TEXT = "charts-comparison"


def plot_needed_growth(data: pd.DataFrame, *, plan: tuple[int, int] = (2026, 2030),
                       year: int = 2025, sources: pd.DataFrame | None = None,
                       lang: str = "vi", ax=None):
    """Horizontal bars: the growth (%/yr) each target needs, one colour per province.

    A range target gives a bar from its low to its high requirement; a one-sided target
    ("over 6,800 USD") a point marked "at least". For average-growth targets a hollow diamond
    marks the growth achieved in the period ending in the base year.

    Parameters
    ----------
    data : DataFrame
        From :func:`hy_analysis.findings.comparison.needed_chart_data`: ``label``,
        ``province``, ``low``, ``high``, ``achieved``, ``achieved_label``, ``source_id``,
        ``derived``.
    plan : (int, int)
        The plan period (title).
    year : int
        The base year (title).
    sources : DataFrame, optional
        For the source line.
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    t = messages(_TEXT, lang)
    labels = list(dict.fromkeys(data["label"]))
    ax = new_axes(ax, figsize=(10.5, 1.2 + 0.75 * max(len(labels), 2) + 0.25 * len(data)))
    # Where matplotlib would place it (nothing sits above the bars), so the layout does not
    # measure every tick label again to look for an overlap.
    ax.set_title(t["title"].format(plan=f"{plan[0]}–{plan[1]}", year=year), y=1.0)
    if data.empty:
        return empty_chart(ax, t["none"])
    provinces = list(dict.fromkeys(data["province"]))
    colours = dict(zip(provinces, sns.color_palette(PALETTE, len(provinces))))
    # One slot per row of the category, so two targets of one province (documents that
    # differ) get two bars instead of one drawn over the other.
    y, ticks, shown, achieved_shown = 0.0, [], set(), False
    for label in labels:
        rows = data[data["label"] == label]
        start = y
        for row in rows.itertuples():
            one_sided = row.high != row.high  # NaN: "over X"
            colour = colours[row.province]
            legend = None if row.province in shown else row.province
            shown.add(row.province)
            if one_sided or row.high == row.low:
                ax.plot([row.low], [y], "o", color=colour, ms=8, label=legend)
                if one_sided:
                    ax.annotate("", xy=(row.low + 1.6, y), xytext=(row.low + 0.35, y),
                                arrowprops=dict(arrowstyle="->", color=colour, lw=1.5))
            else:
                ax.barh(y, row.high - row.low, left=row.low, height=0.55, color=colour,
                        label=legend)
            text = format_range(row.low, row.high, lang=lang, decimals=1)
            text = f"{t['at_least']} {text}" if one_sided else text
            ax.text(max(row.low, row.high if not one_sided else row.low + 1.7) + 0.25, y,
                    f"{text} {t['per_year']}", va="center", fontsize=8)
            if row.achieved == row.achieved:  # not NaN
                ax.plot([row.achieved], [y], "D", mfc="white", mec="black", ms=7,
                        label=None if achieved_shown else t["achieved"])
                achieved_shown = True
            y += 0.7
        ticks.append(((start + y - 0.7) / 2, label))
        y += 0.5
    ax.set_yticks([p for p, _ in ticks], [lbl for _, lbl in ticks], fontsize=8.5)
    ax.invert_yaxis()
    ax.axvline(0, color="#555", lw=0.8)
    values = pd.concat([data["low"], data["high"], data["achieved"]]).dropna()
    ax.set_xlim(min(0.0, float(values.min()) - 1), float(values.max()) + 5.5)
    ax.set_xlabel(t["axis"])
    ax.xaxis.set_major_formatter(number_formatter(lang, decimals=0))
    ax.grid(axis="y", visible=False)
    # Outside the axes: inside, it would cover the bars of the last indicator.
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    if sources is not None:
        note = t["derived"] if data["derived"].any() else ""
        add_source(ax, ids_in(data, "source_id"), sources, lang=lang, note=note)
    return ax

