"""Charts of the urbanisation notebook: the rate-target path and the urban-class ladder.

Drawing only: every function takes frames computed by
:mod:`hy_analysis.analysis.urbanisation` (the caller computes the envelope and the paces),
with ``ax=None``, and returns the Axes.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from ..findings.format import format_number
from ..schema import URBAN_CLASSES
from ..vocabulary import SCOPE_LABELS, territory_label
from ..docstrings import frames_from
from .base import PALETTE, add_source, chart, number_formatter, texts

__all__ = ["plot_urbanisation_path", "plot_urban_class_ladder"]

#: The words, in hy_analysis/assets/messages/charts-urbanisation.csv (vi and en side by side).
_URB_TEXT = "charts-urbanisation"


@chart(_URB_TEXT, "title", figsize=(9, 5), **frames_from(
    targets="hy_analysis.analysis.urbanisation.rate_targets"),
    envelope="DataFrame\n    From :func:`hy_analysis.analysis.urbanisation.rate_envelope` of "
             "``targets``.",
    steps="DataFrame\n    From :func:`hy_analysis.analysis.urbanisation.pp_per_year` of "
          "``envelope``.",
    baseline_steps="DataFrame, optional\n    From "
                   ":func:`hy_analysis.analysis.urbanisation.pp_from_baseline`: lines from "
                   "the baseline to each later target.",
    baseline_year="int, optional\n    A user-supplied measured rate's year (drawn only with "
                  "``baseline_rate``).",
    baseline_rate="float, optional\n    The user-supplied measured rate (%) of "
                  "``baseline_year``.",
    revised="DataFrame, optional\n    Rows of "
            ":func:`~hy_analysis.analysis.urbanisation.rate_targets` for the merged territory "
            "(the second frame of :func:`~hy_analysis.analysis.urbanisation.split_merger`).")
def plot_urbanisation_path(targets: pd.DataFrame, *, envelope: pd.DataFrame,
                           steps: pd.DataFrame, baseline_steps: pd.DataFrame | None = None,
                           baseline_year: int | None = None,
                           baseline_rate: float | None = None,
                           revised: pd.DataFrame | None = None,
                           sources: pd.DataFrame | None = None, lang: str = "vi", ax=None):
    """The urbanisation-rate targets as a path over the target years.

    Ranges ("khoảng 48-50%") are bands, open figures ("Trên 48%") triangles with an upward
    arrow, exact figures dots; the floor and ceiling paths are joined with the percentage
    points per year they need. A user-supplied baseline is drawn as a cross. Targets of
    another territory (the merged province's, ``revised``) are diamonds beside the path,
    never joined to it.
    """
    import seaborn as sns

    t = texts(_URB_TEXT, lang)
    baseline = None if baseline_year is None or baseline_rate is None else \
        (baseline_year, baseline_rate)
    colors = sns.color_palette(PALETTE, 6)
    kinds = {"table": (colors[0], -0.35), "text": (colors[1], 0.0), "web": (colors[2], 0.35),
             "other": (colors[4], 0.35)}
    env = envelope
    ax.fill_between(env["year"], env["low"], env["high"].fillna(env["low"]), color="#999",
                    alpha=0.12, lw=0, zorder=0)
    ax.plot(env["year"], env["low"], ls="--", color="#555", lw=1, zorder=1,
            label=t["floor"])
    if env["high"].notna().all():
        ax.plot(env["year"], env["high"], ls=":", color="#555", lw=1, zorder=1,
                label=t["ceiling"])
    seen = set()
    written = targets.groupby("statement")["value_raw"].agg(lambda v: " / ".join(v))
    for row in targets.to_dict("records"):
        color, dx = kinds[row["statement"]]
        x = row["year"] + dx
        label = None if row["statement"] in seen else \
            f"{t[row['statement']]}: {written[row['statement']]}"
        seen.add(row["statement"])
        if row["qualifier"] == "above":
            ax.scatter(x, row["low"], marker="^", s=80, color=color, zorder=3, label=label)
            ax.annotate("", xy=(x, row["low"] + 3), xytext=(x, row["low"] + 0.6),
                        arrowprops=dict(arrowstyle="-|>", color=color, lw=1.5))
        elif row["high"] == row["high"] and row["high"] > row["low"]:
            ax.bar(x, row["high"] - row["low"], bottom=row["low"], width=0.3, color=color,
                   alpha=0.55, edgecolor=color, zorder=2, label=label)
        else:
            ax.scatter(x, row["low"], marker="o", s=60, color=color, zorder=3, label=label)
    for s in steps.to_dict("records"):
        xm, ym = (s["from_year"] + s["to_year"]) / 2, (s["from_low"] + s["to_low"]) / 2
        text = f"+{format_number(s['pp_low'], lang=lang, decimals=1)}"
        if s["pp_high"] == s["pp_high"] and abs(s["pp_high"] - s["pp_low"]) > 1e-9:
            text += f"–{format_number(s['pp_high'], lang=lang, decimals=1)}"
        ax.annotate(f"{text} {t['pp']}", (xm, ym), textcoords="offset points",
                    xytext=(0, -22), ha="center", fontsize=8.5, color="#333",
                    bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.85))
    revised = targets.iloc[0:0] if revised is None else revised
    for territory, group in revised.groupby("territory", sort=False):
        label = t["revised"].format(territory=territory_label(territory, lang=lang),
                                    written=" / ".join(group["value_raw"]))
        ax.scatter(group["year"] + 0.15, group["low"], marker="D", s=70, color=colors[5],
                   edgecolor="black", zorder=4, label=label)
    lows = [targets["low"].min(), *revised["low"]]
    if baseline is not None:
        year, rate = baseline
        ax.scatter(year, rate, marker="X", s=90, color=colors[3], zorder=4,
                   label=f"{t['baseline']}: {format_number(rate, lang=lang)} % ({year})")
        for s in ([] if baseline_steps is None else baseline_steps.to_dict("records")):
            ax.plot([year, s["to_year"]], [rate, s["to_low"]], color=colors[3], lw=1, ls="-.",
                    zorder=1)
        lows.append(rate)
    years = list(env["year"]) + list(revised["year"]) + \
        ([baseline[0]] if baseline is not None else [])
    ax.set_xlim(min(years) - 1, max(years) + 1)
    ax.set_xticks(sorted(set(years)))
    top = max(targets["high"].max(skipna=True) if targets["high"].notna().any() else 0,
              targets["low"].max()) + 6
    ax.set_ylim(max(0, min(lows) - 8), min(100, top))
    ax.yaxis.set_major_formatter(number_formatter(lang))
    ax.set_xlabel(t["year"])
    ax.set_ylabel(t["rate"])
    ax.set_title(t["title"])
    ax.legend(fontsize=8, loc="upper left")
    if sources is not None:
        add_source(ax, [*targets["source_id"], *revised["source_id"]], sources, lang=lang,
                   note="· " + t["no_measured"])
    return ax


@chart(_URB_TEXT, "ladder", figsize=(9, 5),
       **frames_from(ladder="hy_analysis.analysis.urbanisation.urban_class_ladder"))
def plot_urban_class_ladder(ladder: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                            lang: str = "vi", ax=None):
    """Heat-map table of the target urban class by locality (rows) and year (columns).

    The colour is the class the whole locality is to reach (I darkest, the highest); each
    cell's text gives every statement with its scope ("cơ bản đạt", district centre).
    """
    import numpy as np
    import seaborn as sns

    t = texts(_URB_TEXT, lang)
    localities = list(dict.fromkeys(ladder["locality"]))
    years = sorted(ladder["year"].unique())
    ranks = np.full((len(localities), len(years)), np.nan)
    cells = np.full((len(localities), len(years)), t["not_stated"], dtype=object)
    for i, loc in enumerate(localities):
        for j, year in enumerate(years):
            cell = ladder[(ladder["locality"] == loc) & (ladder["year"] == year)]
            if cell.empty:
                continue
            whole = cell[cell["whole"]]
            ranks[i, j] = (whole if len(whole) else cell)["rank"].min()
            parts = [f"{t['class'].capitalize()} {r['urban_class']} "
                     f"({SCOPE_LABELS[lang][r['scope']]})"
                     for r in cell.sort_values(["whole", "rank"],
                                               ascending=[False, True]).to_dict("records")]
            cells[i, j] = "\n".join(textwrap.fill(p, 30) for p in parts)
    cmap = sns.color_palette("Blues_r", len(URBAN_CLASSES) + 2)[:len(URBAN_CLASSES)]
    sns.heatmap(pd.DataFrame(ranks, index=localities, columns=years), ax=ax, cmap=cmap,
                vmin=0.5, vmax=len(URBAN_CLASSES) + 0.5, annot=cells, fmt="",
                annot_kws={"fontsize": 8}, linewidths=1.5, linecolor="white",
                cbar_kws={"ticks": range(1, len(URBAN_CLASSES) + 1), "shrink": 0.8})
    for text_obj in ax.texts:
        x, y = text_obj.get_position()
        rank = ranks[int(y), int(x)]
        text_obj.set_color("white" if rank <= 2 else "black")
    for i, j in zip(*np.where(np.isnan(ranks))):
        ax.text(j + 0.5, i + 0.5, t["not_stated"], ha="center", va="center", fontsize=8,
                color="#666", style="italic")
    ax.grid(False)
    cbar = ax.collections[0].colorbar
    cbar.set_ticklabels([f"{t['class']} {c}" for c in URBAN_CLASSES])
    cbar.ax.invert_yaxis()
    ax.set_facecolor("#eeeeee")
    ax.set_xlabel(t["year"])
    ax.set_ylabel(t["locality"])
    ax.tick_params(axis="y", rotation=0)
    ax.set_title(t["ladder"])
    if sources is not None:
        add_source(ax, ladder["source_id"], sources, lang=lang, note="· " + t["ladder_note"])
    return ax
