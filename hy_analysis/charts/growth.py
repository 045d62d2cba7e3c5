"""Charts of the industrial_growth notebook: index paths, annual growth, structure, levels.

Drawing only: every function takes a frame computed by :mod:`hy_analysis.analysis.growth`.
Axes-level functions take ``ax=None`` and return the Axes; :func:`plot_index_paths_figure`
is figure-level (one panel per indicator) and returns the Figure.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from ..findings.common import source_name
from ..findings.format import format_number
from ..vocabulary import kind_label, sector_name
from ..docstrings import fill_doc, frames_from
from .base import (PALETTE, add_source, chart, empty_chart, ids_in, new_axes, no_data,
                   number_formatter, setup, text, texts, unit_label, year_locator)

__all__ = ["plot_index_paths_figure", "plot_annual_growth", "plot_structure", "plot_level_path"]

#: The words, in hy_analysis/assets/messages/charts-growth.csv (vi and en side by side).
_GROWTH_TEXT = "charts-growth"


_SECTOR_COLOURS = {"agriculture_share": "#4c9a2a", "industry_construction_share": "#2f6db5",
                   "services_share": "#e5a823", "not_stated": "#d9d9d9"}


def _gt(key: str, lang: str) -> str:
    return texts(_GROWTH_TEXT, lang)[key]


def plot_index_paths_figure(paths: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                     region: str = "", lang: str = "vi", figsize=None):
    """Figure-level: index paths of targets (bands for ranges), scenarios and actuals.

    One panel (Axes) per indicator on a new figure, so it takes no ``ax``.

    Parameters
    ----------
    paths : DataFrame
        From :func:`hy_analysis.analysis.growth.index_paths`.
    sources : DataFrame, optional
        From :func:`hy_analysis.load_sources`, for legends and the source line.
    region : str
        Named in the title.
    lang : {"vi", "en"}
    figsize : tuple, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    import seaborn as sns

    setup()
    indicators = list(dict.fromkeys(paths["indicator"])) or ["scenario"]
    ncols = min(len(indicators), 3)
    nrows = -(-len(indicators) // ncols)
    fig, axes = plt.subplots(nrows, ncols, squeeze=False, sharey=False, layout="constrained",
                             figsize=figsize or (max(8.5, min(5.6 * ncols, 13)), 4.8 * nrows))
    title = _gt("index_title", lang).format(region=region)
    if paths.empty:
        empty_chart(axes[0][0], no_data(lang, region))
        axes[0][0].set_title(title)
        return fig
    base = int(paths["year"].min())
    colours = sns.color_palette(PALETTE, 8)
    greys = ["#555555", "#a0a0a0", "#7f7f7f", "#c0c0c0"]
    # Each panel's paths, their rows in order, grouped once.
    panels: dict[str, dict[str, list]] = {}
    for row in paths.itertuples(index=False):
        panels.setdefault(row.indicator, {}).setdefault(row.path, []).append(row)
    # one grey per scenario rate across every panel (by rate, not by the path's position, which
    # differs from panel to panel with the number of targets drawn before it)
    rates = sorted({float(rows[0].rate_text) for own in panels.values()
                    for rows in own.values() if rows[0].kind == "scenario"})
    scenario_grey = {rate: greys[k % len(greys)] for k, rate in enumerate(rates)}
    for i, indicator in enumerate(indicators):
        ax = axes[i // ncols][i % ncols]
        own = panels[indicator]
        name = getattr(next(iter(own.values()))[0], f"indicator_{lang}")
        t = 0
        for group in own.values():
            first, last = group[0], group[-1]
            years = [r.year for r in group]
            lows = [r.low for r in group]
            if first.kind == "scenario":
                rate = format_number(float(first.rate_text), lang=lang)
                ax.plot(years, lows, ls="--", lw=1.3,
                        color=scenario_grey[float(first.rate_text)],
                        label=_gt("scenario", lang).format(rate=rate))
            elif first.kind == "actual":
                ax.plot(years, lows, color="black", lw=2.2, marker="o",
                        ms=5, zorder=5, label=_gt("actual", lang))
                ax.annotate(format_number(last.low, lang=lang, decimals=1),
                            (last.year, last.low), xytext=(4, -12),
                            textcoords="offset points", fontsize=8)
            else:
                colour = colours[t % len(colours)]
                t += 1
                label = f"{_gt('target', lang)} {first.rate_text}"
                label = f"{label} ({source_name(first.source_id, sources)})"
                highs = [r.high for r in group]
                if any(r.low != r.high for r in group):
                    ax.fill_between(years, lows, highs, color=colour, alpha=0.3, lw=0)
                    ax.plot(years, lows, color=colour, lw=1)
                    ax.plot(years, highs, color=colour, lw=1, label=label)
                else:
                    ax.plot(years, lows, color=colour, lw=1.8, label=label)
                end = format_number(last.low, lang=lang, decimals=1)
                if last.high != last.low:
                    end += "–" + format_number(last.high, lang=lang, decimals=1)
                ax.annotate(end, (last.year, (last.low + last.high) / 2),
                            xytext=(5, 0), textcoords="offset points", fontsize=8, ha="left",
                            va="center", color=colour)
        # Placed where matplotlib would place it (nothing sits above the panels), so the
        # layout does not measure every tick label again to look for an overlap.
        ax.set_title("\n".join(textwrap.wrap(name, 40)), fontsize=10.5, y=1.0)
        ax.set_xlabel(text("year", lang))
        ax.set_ylabel(_gt("index", lang).format(base=base))
        ax.yaxis.set_major_formatter(number_formatter(lang, decimals=0))
        ax.xaxis.set_major_locator(year_locator())
        ax.set_xlim(base - 0.4, paths["year"].max() + 1.6)
        ax.legend(fontsize=7.5, loc="upper left", frameon=True)
    for j in range(len(indicators), nrows * ncols):
        axes[j // ncols][j % ncols].set_visible(False)
    fig.suptitle(title, fontweight="bold", fontsize=12)
    if sources is not None:
        add_source(axes[0][0], ids_in(paths, "source_id"), sources, lang=lang)
    return fig


@chart(_GROWTH_TEXT, "annual_title",
       **frames_from(table="hy_analysis.analysis.growth.annual_growth_vs_target"))
def plot_annual_growth(table: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                       region: str = "", lang: str = "vi", ax=None):
    """Reported growth each year (bars) with that year's target (black marks)."""
    import seaborn as sns

    names = list(dict.fromkeys(table[f"indicator_{lang}"]))
    years = sorted(table["year"].unique())
    width = 0.8 / len(names)
    colours = sns.color_palette(PALETTE, len(names))
    shown_target = False
    for i, name in enumerate(names):
        own = table[table[f"indicator_{lang}"] == name].drop_duplicates("year")
        xs = [years.index(y) - 0.4 + width * (i + 0.5) for y in own["year"]]
        bars = ax.bar(xs, own["actual"], width=width * 0.92, color=colours[i], label=name)
        ax.bar_label(bars, labels=[format_number(v, lang=lang, decimals=2)
                                   for v in own["actual"]], fontsize=7, label_type="center",
                     color="white", fontweight="bold")
        for x, row in zip(xs, own.itertuples()):
            if row.target_low == row.target_low:  # not NaN
                ax.plot([x - width * 0.45, x + width * 0.45], [row.target_low] * 2, color="black",
                        lw=2, label=None if shown_target else
                        _gt("annual_target", lang))
                shown_target = True
                if row.target_high != row.target_low:
                    ax.plot([x - width * 0.45, x + width * 0.45], [row.target_high] * 2,
                            color="black", lw=2)
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.set_xlabel(text("year", lang))
    ax.set_ylabel(_gt("growth_axis", lang))
    ax.yaxis.set_major_formatter(number_formatter(lang, decimals=0))
    top = max(table["actual"].max(), table["target_high"].max(skipna=True)
              if table["target_high"].notna().any() else 0)
    low = min(table["actual"].min(), 0)  # a year of contraction (Bắc Ninh 2023) is a bar too
    ax.set_ylim(low * 1.18, top * 1.18)
    if low < 0:
        ax.axhline(0, color="#444", lw=0.8)
    ax.legend(fontsize=8, loc="upper left", ncols=2)
    if sources is not None:
        add_source(ax, ids_in(table, "actual_source", "target_source"), sources, lang=lang)
    return ax


@chart(_GROWTH_TEXT, "structure_title", figsize=(9.5, 5.2),
       **frames_from(shift="hy_analysis.analysis.growth.structure_shift"))
def plot_structure(shift: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                   region: str = "", lang: str = "vi", ax=None):
    """Stacked bars of sector shares by year and source; conflicting sources side by side."""
    columns = list(dict.fromkeys(shift["column"]))
    ticks = []
    labelled = set()
    for x, column in enumerate(columns):
        own = shift[shift["column"] == column]
        first = own.iloc[0]
        bottom = 0.0
        for row in own.itertuples():
            label = sector_name(row.sector, lang) if row.sector not in labelled else None
            labelled.add(row.sector)
            ax.bar(x, row.share, bottom=bottom, width=0.7, color=_SECTOR_COLOURS[row.sector],
                   edgecolor="white" if not row.merged else "#333",
                   hatch="//" if row.merged else None, label=label, lw=0.8)
            if row.share >= 3:
                ax.text(x, bottom + row.share / 2, format_number(row.share, lang=lang),
                        ha="center", va="center", fontsize=8,
                        color="#222" if row.sector in ("not_stated", "services_share")
                        else "white")
            bottom += row.share
        short = "\n".join(textwrap.wrap(source_name(first["source_id"], sources), 14))
        tick = f"{first['year']}\n{kind_label(first['kind'], lang)}\n{short}"
        if first["merged"]:
            tick += f"\n[{_gt('merged', lang)}]"
        ticks.append(tick)
    ax.set_xticks(range(len(columns)), ticks, fontsize=8)
    ax.set_ylabel(_gt("share_axis", lang))
    ax.set_ylim(0, 100)
    ax.yaxis.set_major_formatter(number_formatter(lang, decimals=0))
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=4,
              frameon=False)
    note = "— " + _gt("merged_note", lang) if shift["merged"].any() else ""
    if sources is not None:
        add_source(ax, ids_in(shift, "source_id"), sources, lang=lang, note=note)
    return ax


@fill_doc
def plot_level_path(path: pd.DataFrame, *, steps: pd.DataFrame | None = None,
                    sources: pd.DataFrame | None = None, region: str = "",
                    indicator_name: str = "", lang: str = "vi", ax=None):
    """Levels by year: actuals (filled), targets (open), implied growth on each segment.

    Points of the merged province are drawn apart (red crosses) and never joined.

    Parameters
    ----------
    path : DataFrame
        From :func:`hy_analysis.analysis.growth.level_path`.
    steps : DataFrame, optional
        From :func:`hy_analysis.analysis.growth.implied_growth_steps`; labels the segments.
    sources : DataFrame, optional
    region : str
        Named in the title.
    indicator_name : str, optional
        Named in the title and axis (default: the indicator's name in ``lang`` from ``path``).
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    {returns_axes}
    """
    ax = new_axes(ax)
    if not indicator_name and not path.empty and f"indicator_{lang}" in path.columns:
        indicator_name = path[f"indicator_{lang}"].iloc[0]
    indicator_name = indicator_name or path.attrs.get(f"indicator_{lang}", "")
    ax.set_title(_gt("level_title", lang).format(region=region, indicator=indicator_name))
    if path.empty:
        return empty_chart(ax, no_data(lang, region))
    unit = path["unit"].iloc[0]
    scale, unit_text = 1.0, unit_label(unit, lang)
    if path["value"].max() >= 1e9:
        scale = 1e9
        unit_text = _gt("usd_bn" if unit == "USD" else "vnd_bn", lang)
    old = path[~path["merged"].astype(bool)]
    merged = path[path["merged"].astype(bool)]
    ax.plot(old["year"], old["value"] / scale, color="#2f6db5", ls="--", lw=1.2, zorder=1)
    for kind, marker, face in (("actual", "o", "#2f6db5"), ("target", "D", "white")):
        own = old[old["kind"] == kind]
        ax.scatter(own["year"], own["value"] / scale, marker=marker, s=60, zorder=3,
                   facecolor=face, edgecolor="#2f6db5", lw=1.8, label=_gt(kind, lang))
    if not merged.empty:
        ax.scatter(merged["year"], merged["value"] / scale, marker="X", s=80, color="#c0392b",
                   zorder=4, label=_gt("merged_point", lang))
    for row in path.itertuples():
        ax.annotate(format_number(row.value / scale, lang=lang), (row.year, row.value / scale),
                    xytext=(7, -3), textcoords="offset points", fontsize=8.5,
                    color="#c0392b" if row.merged else "#222")
    if steps is not None:
        for row in steps.itertuples():
            x = (row.from_year + row.to_year) / 2
            y = (row.from_value + row.to_value) / 2 / scale
            ax.annotate(_gt("implied", lang).format(rate=format_number(row.growth_pct, lang=lang,
                                                                        decimals=1)),
                        (x, y), xytext=(-6, 8), textcoords="offset points", fontsize=8.5,
                        ha="right", color="#2f6db5", style="italic")
    ax.set_xlabel(text("year", lang))
    ax.set_ylabel(f"{indicator_name} ({unit_text})")
    ax.yaxis.set_major_formatter(number_formatter(lang))
    ax.xaxis.set_major_locator(year_locator())
    low = min(path["value"].min() / scale, 0)
    ax.set_ylim(low, path["value"].max() / scale * 1.15)
    years = path["year"]
    ax.set_xlim(years.min() - 0.6, years.max() + 1.0)
    ax.legend(fontsize=8, loc="upper left")
    if sources is not None:
        add_source(ax, ids_in(path, "source_id"), sources, lang=lang,
                   note="— " + _gt("merged_point_note", lang) if not merged.empty else "")
    return ax
