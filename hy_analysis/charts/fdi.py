"""Charts of the fdi_by_country notebook: projects, shares, totals and capital by country.

Drawing only: every function takes a frame computed by :mod:`hy_analysis.analysis.fdi`.
Axes-level functions take ``ax=None`` and return the Axes; :func:`plot_fdi_totals_figure` is
figure-level (two panels) and returns the Figure.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from ..findings.common import source_name
from ..findings.format import format_as_of, format_number
from ..vocabulary import COUNTRIES, OTHER, country_label, other_label
from ..docstrings import frames_from
from .base import (PALETTE, add_source, chart, empty_chart, new_axes, no_data, number_formatter,
                   setup, texts)

__all__ = ["plot_fdi_projects_by_country", "plot_fdi_project_shares", "plot_fdi_totals_figure",
           "plot_fdi_capital_by_country"]

#: The words, in hy_analysis/assets/messages/charts-fdi.csv (vi and en side by side).
_FDI_TEXT = "charts-fdi"
#: The frame two charts draw.
_PROJECTS = frames_from(table="hy_analysis.analysis.fdi.projects_by_country")["table"]


def _fdi_tick(row, sources, lang, *, width: int = 20):
    """A snapshot's tick label: its date, then its outlet, on lines of ``width`` letters at
    most (two at most, the second shortened): a narrow panel's neighbouring labels must not
    run into each other."""
    label = format_as_of(row["as_of"], lang=lang)
    name = source_name(row["source_id"], sources, number=False)
    name = name.replace(" Japanese edition", " (JA)").replace(" English", " (EN)")
    if width >= 20:  # one line where the panel is wide enough
        return f"{label}\n{name if len(name) <= width else name[:width - 1] + '…'}"
    lines = textwrap.wrap(name, width) or [""]  # (no line longer than width)
    if len(lines) > 2:
        second = lines[1]
        lines = [lines[0], second[:width - 1] + "…" if len(second) >= width else second + "…"]
    return "\n".join([label, *lines])


def _shade_merged(ax, positions, *, lang, horizontal=False, label=True):
    """Grey band and a caption over the merged-province positions."""
    for pos in positions:
        if horizontal:
            ax.axhspan(pos - 0.5, pos + 0.5, color="#888", alpha=0.13, zorder=0, lw=0)
        else:
            ax.axvspan(pos - 0.5, pos + 0.5, color="#888", alpha=0.13, zorder=0, lw=0)
            if label:
                ax.text(pos, 0.98, texts(_FDI_TEXT, lang)["merged"],
                        transform=ax.get_xaxis_transform(), ha="center", va="top",
                        fontsize=7.5, color="#333")


def _hatch_legend(legend, lang):
    """Give the legend entry of the derived "other countries" series its hatch."""
    for handle, label in zip(legend.legend_handles, legend.get_texts()):
        if label.get_text() == other_label(lang=lang):
            handle.set_hatch("///")
            handle.set_edgecolor("#555")
    return legend


def _country_colors(countries):
    import seaborn as sns

    palette = sns.color_palette(PALETTE, 8)
    fixed = {c: palette[i] for i, c in enumerate(COUNTRIES)}
    fixed[OTHER] = "#b5b5b5"
    return {c: fixed.get(c, palette[4]) for c in countries}


def _country_bars(ax, frame: pd.DataFrame, column: str, *, ylabel: str, sources, lang,
                  **bar_kw):
    """Grouped bars of ``column`` by snapshot (x, time order) and investor country (hue).

    The derived "other countries" bars are hatched and the merged province's snapshot is
    shaded. Returns the snapshots in x order and the positions of the merged ones.
    """
    import seaborn as sns

    t = texts(_FDI_TEXT, lang)
    snaps = frame.drop_duplicates("snapshot").sort_values("order")
    ticks = {s: _fdi_tick(r, sources, lang) for s, r in zip(snaps["snapshot"],
                                                            snaps.to_dict("records"))}
    countries = list(dict.fromkeys(frame["country"]))
    colors = _country_colors(countries)
    data = frame.assign(x=frame["snapshot"].map(ticks),
                        hue=[country_label(c, lang=lang) for c in frame["country"]])
    sns.barplot(data=data, x="x", y=column, hue="hue", order=list(ticks.values()),
                hue_order=[country_label(c, lang=lang) for c in countries],
                palette=[colors[c] for c in countries], ax=ax, **bar_kw)
    for country, container in zip(countries, ax.containers):
        if country == OTHER:
            for bar in container:
                bar.set_hatch("///")
                bar.set_edgecolor("#555")
    merged_pos = [i for i, s in enumerate(ticks)
                  if bool(snaps.set_index("snapshot").loc[s, "merged"])]
    _shade_merged(ax, merged_pos, lang=lang)
    ax.set_xlabel(t["snapshot"])
    ax.set_ylabel(ylabel)
    ax.yaxis.set_major_formatter(number_formatter(lang))
    ax.tick_params(axis="x", labelsize=8)
    return list(ticks), merged_pos


def _fdi_note(t: dict, frame: pd.DataFrame, merged_pos, *first: str) -> str:
    """The note under an FDI chart: ``first``, then "other is computed", then "merged"."""
    notes = list(first)
    if frame["derived"].any():
        notes.append(t["other_note"])
    if merged_pos:
        notes.append(t["merged_note"])
    return " ".join(["·", *notes]) if notes else ""


@chart(_FDI_TEXT, "t_projects", figsize=(9, 5), table=_PROJECTS,
       sources="DataFrame, optional\n    For the tick labels and the source line.")
def plot_fdi_projects_by_country(table: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                                 lang: str = "vi", ax=None):
    """Grouped bars: valid FDI projects by investor country at each snapshot.

    The derived "other countries" bars are hatched and labelled as computed; the merged
    province's snapshot sits on a grey band.
    """
    t = texts(_FDI_TEXT, lang)
    _, merged_pos = _country_bars(ax, table, "projects", ylabel=t["projects"], sources=sources,
                                  lang=lang, edgecolor="white", linewidth=0.6)
    for container in ax.containers:
        ax.bar_label(container, labels=[
            "" if not b.get_height() or b.get_height() != b.get_height() else
            format_number(b.get_height(), lang=lang) for b in container],
            fontsize=7, padding=1.5)
    ax.set_ylim(0, max(table["projects"].max() * 1.28, 1))
    _hatch_legend(ax.legend(title=None, fontsize=8, loc="upper left", frameon=True), lang)
    if sources is not None:
        add_source(ax, table["source_id"], sources, lang=lang,
                   note=_fdi_note(t, table, merged_pos))
    return ax


@chart(_FDI_TEXT, "t_share", figsize=(9, 4.6), table=_PROJECTS)
def plot_fdi_project_shares(table: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                            lang: str = "vi", ax=None):
    """Stacked horizontal bars: each country's share of all FDI projects per snapshot."""
    t = texts(_FDI_TEXT, lang)
    snaps = table.drop_duplicates("snapshot").sort_values("order", ascending=False)
    labels = [_fdi_tick(r, sources, lang).replace("\n", " · ") + (
        f" ({t['merged_short']})" if r["merged"] else "") for r in snaps.to_dict("records")]
    countries = list(dict.fromkeys(table["country"]))
    colors = _country_colors(countries)
    for country in countries:
        for y, snap in enumerate(snaps["snapshot"]):
            rows = table[(table["snapshot"] == snap) & (table["country"] == country)]
            if rows.empty:
                continue
            share = float(rows["share"].iloc[0])
            left = float(table[(table["snapshot"] == snap)
                               & (table["country"].map(countries.index)
                                  < countries.index(country))]["share"].sum())
            ax.barh(y, share, left=left, color=colors[country], edgecolor="white",
                    hatch="///" if country == OTHER else None,
                    label=country_label(country, lang=lang))
            if share >= 6:
                ax.text(left + share / 2, y, format_number(share, lang=lang, decimals=1),
                        ha="center", va="center", fontsize=8,
                        color="black" if country == OTHER else "white")
    handles, names = ax.get_legend_handles_labels()
    unique = dict(zip(names, handles))
    _hatch_legend(ax.legend(unique.values(), unique.keys(), fontsize=8, loc="upper center",
                            bbox_to_anchor=(0.5, -0.13), ncol=len(unique), frameon=False), lang)
    merged_pos = [y for y, m in enumerate(snaps["merged"]) if m]
    _shade_merged(ax, merged_pos, lang=lang, horizontal=True)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(number_formatter(lang))
    ax.set_xlabel(t["share"])
    ax.set_title(t["t_share"])
    ax.grid(axis="y", visible=False)
    if sources is not None:
        add_source(ax, table["source_id"], sources, lang=lang,
                   note=_fdi_note(t, table, merged_pos))
    return ax


def plot_fdi_totals_figure(snapshots: pd.DataFrame, *, disagreements: pd.DataFrame | None = None,
                    sources: pd.DataFrame | None = None, lang: str = "vi"):
    """Figure-level: total projects and registered capital at each snapshot, two panels.

    The old province's snapshots are joined by a dotted line; the merged province's snapshot
    is a separate diamond on a grey band, never joined to them. "Over" figures are drawn as
    triangles (a minimum). Snapshots whose dates overlap but whose totals differ
    (``disagreements``) are annotated with both figures.

    Parameters
    ----------
    snapshots : DataFrame
        From :func:`hy_analysis.analysis.fdi.fdi_snapshots`.
    disagreements : DataFrame, optional
        From :func:`hy_analysis.analysis.fdi.snapshot_disagreements`.
    sources : DataFrame, optional
    lang : {"vi", "en"}

    Returns
    -------
    matplotlib Figure
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    setup()
    t = texts(_FDI_TEXT, lang)
    if snapshots.empty:
        ax = new_axes(figsize=(9, 3))
        ax.set_title(t["t_totals"])
        return empty_chart(ax, no_data(lang)).figure
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 5), layout="constrained")
    snaps = snapshots.sort_values("order").reset_index(drop=True)
    x = list(range(len(snaps)))
    # (two panels side by side: half the width for each label)
    ticks = [_fdi_tick(r, sources, lang, width=12) for r in snaps.to_dict("records")]
    old = snaps[~snaps["merged"]]
    new = snaps[snaps["merged"]]
    colors = sns.color_palette(PALETTE, 4)
    for ax, column, scale, label in ((ax1, "total_projects", 1, t["total_projects"]),
                                     (ax2, "total_capital", 1e9, t["total_capital"])):
        values = snaps[column] / scale
        ax.plot(old.index, values[old.index], ls=":", color=colors[0], lw=1.2, zorder=2)
        for i, row in snaps.iterrows():
            if row[column] != row[column]:
                continue
            above = column == "total_capital" and row["capital_qualifier"] == "above"
            marker = "D" if row["merged"] else ("^" if above else "o")
            ax.scatter(i, values[i], marker=marker, s=70, zorder=3,
                       color=colors[3] if row["merged"] else colors[0],
                       label=(t["merged"].replace("\n", " ") if row["merged"] else t["old"]))
            prefix = "≥ " if above else ("≈ " if column == "total_capital"
                                         and row["capital_qualifier"] == "about" else "")
            ax.annotate(prefix + format_number(values[i], lang=lang),
                        (i, values[i]), textcoords="offset points", xytext=(0, 8),
                        ha="center", fontsize=8)
        _shade_merged(ax, list(new.index), lang=lang, label=False)
        ax.set_xticks(x, ticks, fontsize=7.5)
        ax.set_xlim(-0.6, len(x) - 0.4)
        ax.set_ylim(0, values.max() * 1.25 if values.notna().any() else 1)
        ax.yaxis.set_major_formatter(number_formatter(lang))
        ax.set_ylabel(t["projects"] if scale == 1 else t["capital"])
        ax.set_xlabel(t["snapshot"])
        ax.set_title(label, fontsize=11)
    if disagreements is not None and len(disagreements):
        pos = dict(zip(snaps["snapshot"], snaps.index))
        first = disagreements.iloc[0]
        if first["snapshot_a"] in pos and first["snapshot_b"] in pos:
            a, b = pos[first["snapshot_a"]], pos[first["snapshot_b"]]
            text = t["disagree"].format(a=format_number(first["projects_a"], lang=lang),
                                        b=format_number(first["projects_b"], lang=lang))
            ymid = (first["projects_a"] + first["projects_b"]) / 2
            ax1.annotate(text, xy=(b, first["projects_b"]), xytext=((a + b) / 2, ymid * 0.55),
                         ha="center", fontsize=8, color=colors[1],
                         arrowprops=dict(arrowstyle="->", color=colors[1], lw=1))
            ax1.annotate("", xy=(a, first["projects_a"]), xytext=((a + b) / 2, ymid * 0.6),
                         arrowprops=dict(arrowstyle="->", color=colors[1], lw=1))
    handles, names = ax1.get_legend_handles_labels()
    unique = dict(zip(names, handles))
    from matplotlib.lines import Line2D

    unique[t["above"].split("= ", 1)[1]] = Line2D([], [], marker="^", ls="", color=colors[0])
    ax2.legend(unique.values(), unique.keys(), loc="upper left", fontsize=8, frameon=True)
    fig.suptitle(t["t_totals"], fontweight="bold", fontsize=12)
    if sources is not None:
        add_source(ax1, snaps["source_id"], sources, lang=lang, note="· " + t["merged_note"])
    return fig


@chart(_FDI_TEXT, "t_capital", figsize=(9, 5),
       **frames_from(capital="hy_analysis.analysis.fdi.capital_by_country"))
def plot_fdi_capital_by_country(capital: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                                lang: str = "vi", ax=None):
    """Grouped bars: registered capital (bn USD) by country, at the snapshots that give it.

    Bars for "over" figures are labelled with "≥"; the derived "other countries" bar is
    hatched; the merged province's snapshot sits on a grey band.
    """
    t = texts(_FDI_TEXT, lang)
    snap_at, merged_pos = _country_bars(ax, capital.assign(bn=capital["capital"] / 1e9), "bn",
                                        ylabel=t["capital"], sources=sources, lang=lang,
                                        edgecolor="white")
    countries = list(dict.fromkeys(capital["country"]))
    for country, container in zip(countries, ax.containers):
        labels = []
        for bar in container:
            snap = snap_at[int(round(bar.get_x() + bar.get_width() / 2))]
            row = capital[(capital["snapshot"] == snap) & (capital["country"] == country)]
            if row.empty:
                labels.append("")
                continue
            prefix = "≥ " if row["qualifier"].iloc[0] == "above" else ""
            labels.append(prefix + format_number(row["capital"].iloc[0] / 1e9, lang=lang))
        ax.bar_label(container, labels=labels, fontsize=7.5, padding=1.5)
    ax.set_ylim(0, max((capital["capital"] / 1e9).max() * 1.3, 1))
    _hatch_legend(ax.legend(title=None, fontsize=8, loc="upper left"), lang)
    if sources is not None:
        add_source(ax, capital["source_id"], sources, lang=lang,
                   note=_fdi_note(t, capital, merged_pos, t["above"].replace("▲", "≥")))
    return ax
