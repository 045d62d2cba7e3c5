"""The attainment scorecard: targets as rows, the verdict as colour, the gap or ratio as the mark.

Drawing only: :func:`plot_scorecard` draws the frame of
:func:`hy_analysis.findings.attainment.scorecard_data` (labels and words already in the
reader's language) and imports no analysis module. matplotlib is imported inside the
functions, so importing the package stays light.
"""

from __future__ import annotations

import math

import pandas as pd

from ..docstrings import with_parameters, with_returns
from ..findings.format import format_money, format_number
from ..schema import UNIT_LABELS
from ..vocabulary import messages, territory_label

__all__ = ["STATUS_COLOURS", "plot_scorecard", "plot_merger_comparison"]

#: One colour per verdict: greens for met / on track, amber to red for behind, greys for
#: no verdict (Okabe-Ito based, readable by colour-blind readers).
STATUS_COLOURS = {
    "achieved": "#009E73", "on_track": "#56B4E9", "acceleration_needed": "#F0E442",
    "limited_progress": "#E69F00", "moving_away": "#D55E00", "missed": "#B2182B",
    "no_data": "#BBBBBB", "not_comparable": "#8C7FA8",
}
#: DejaVu Sans ships with matplotlib and has every Vietnamese diacritic.
_FONT = "DejaVu Sans"

#: The words, in hy_analysis/assets/messages/charts-attainment.csv (vi and en side by side).
_WORDS = "charts-attainment"
_GROUPS = ("pp", "%", "ratio", "met", "")


#: How the two charts describe their parameters (the Parameters of their docstrings, written
#: from the signatures): the options they share, then each chart's data and title.
_PARAMETERS = {
    "lang": "{\"vi\", \"en\"}\n    Language of the words and the title.",
    "ax": "matplotlib Axes, optional\n    Where to draw (default: a new figure sized to the rows).",
}
_SCORECARD = {
    "data": "DataFrame\n    Columns ``label``, ``status``, ``status_label``, ``mark``, "
            "``mark_kind`` (``pp``, ``%``, ``ratio`` or empty) and ``mark_text``, one row per "
            "target; optionally ``final`` (False draws the bar hatched: a provisional verdict).",
    "title": "str, optional\n    Title (default: \"Were the targets met?\" in ``lang``).",
}
_MERGER = {
    "data": "DataFrame\n    From :func:`hy_analysis.analysis.attainment.merger_comparison`: "
            "columns ``indicator_vi``/``indicator_en``, ``unit``, ``year``, ``territory``, "
            "``role`` (``part``/``sum``/``stated``) and ``value``.",
    "title": "str, optional\n    Title (default: none).",
}


def _described(own: dict):
    """Decorator: the chart's Parameters (``own``, then :data:`_PARAMETERS`) and Returns."""
    return lambda func: with_parameters(**_PARAMETERS, **own)(with_returns("returns_axes")(func))


def _provisional(row) -> bool:
    # achieved/missed on estimates are provisional too (their label says so)
    return "final" in row and not bool(row["final"]) and str(row["status"]) in (
        "achieved", "on_track", "acceleration_needed", "limited_progress", "moving_away",
        "missed")


def _axes(ax, rows: int):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(10, 1.2 + 0.34 * max(rows, 2)))
    return ax


@_described(_SCORECARD)
def plot_scorecard(data: pd.DataFrame, *, lang: str = "vi", title: str | None = None,
                   ax=None):
    """Draw the scorecard of :func:`hy_analysis.findings.attainment.scorecard_data`.

    Rows are grouped by the kind of mark, each group under a heading naming its unit, because
    a gap in percentage points, a gap in per cent and a pace ratio are not on one scale. Bars
    are scaled within their group and every bar is labelled with its value; the 100 % line of
    the pace group marks "on pace".
    """
    from matplotlib.patches import Patch

    words = messages(_WORDS, lang)
    ax = _axes(ax, len(data) + 2 * data["mark_kind"].nunique() if len(data) else 2)
    with _font():
        ax.set_title(title or words["title"], loc="left", fontsize=13, fontweight="bold")
        if data.empty:
            ax.text(0.5, 0.5, words["empty"], ha="center", va="center", transform=ax.transAxes,
                    color="#555")
            ax.set_xticks([])
            ax.set_yticks([])
            return ax
        y, ticks, labels, leftmost = 0.0, [], [], 0.0
        for kind in _GROUPS:
            group = data[data["mark_kind"].fillna("") == kind]
            if group.empty:
                continue
            ax.text(-0.02, y, words["group." + kind], transform=ax.get_yaxis_transform(), ha="right",
                    va="center", fontsize=9.5, fontweight="bold", color="#333")
            y += 1
            marks = group["mark"].astype(float)
            scale = max([abs(m) for m in marks if not math.isnan(m)] + [100.0 if kind ==
                                                                          "ratio" else 0.0])
            if kind == "ratio":
                ax.plot([100 / scale, 100 / scale], [y - 0.5, y + len(group) - 0.5],
                        color="#333", lw=1, ls="--")
            for _, row in group.iterrows():
                colour = STATUS_COLOURS.get(row["status"], "#BBBBBB")
                hatch = "///" if _provisional(row) else None
                if kind and not math.isnan(row["mark"]) and scale:
                    width = row["mark"] / scale
                    leftmost = min(leftmost, width)
                    ax.barh(y, width, color=colour, edgecolor="#333", linewidth=0.4,
                            height=0.7, hatch=hatch)
                    ax.text(max(width, 0) + 0.02, y, f"{row['mark_text']}  ·  "
                            f"{row['status_label']}", va="center", fontsize=8.5)
                else:
                    ax.barh(y, 0.08, left=0, color=colour, height=0.7, edgecolor="#333",
                            linewidth=0.4, hatch=hatch)
                    ax.text(0.12, y, row["status_label"], va="center", fontsize=8.5,
                            color="#444")
                ticks.append(y)
                labels.append(_plain(row["label"]))
                y += 1
            y += 0.6
        ax.axvline(0, color="#333", lw=0.8)
        ax.set_yticks(ticks, labels, fontsize=8.5)
        ax.set_ylim(y - 0.5, -1)
        ax.set_xlim(leftmost - 0.05, 1.9)
        ax.set_xticks([])
        ax.grid(False)
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(False)
        present = [s for s in STATUS_COLOURS if s in set(data["status"])]
        label_of = dict(zip(data["status"], data["status_label"]))
        handles = [Patch(color=STATUS_COLOURS[s], label=label_of[s].split(" (")[0])
                   for s in present]
        if any(_provisional(row) for _, row in data.iterrows()):
            handles.append(Patch(facecolor="white", edgecolor="#333", hatch="///",
                                 label=words["provisional"]))
        # Under the bars, never over their labels.
        ax.legend(handles=handles, loc="upper right", bbox_to_anchor=(1.0, 0.0),
                  ncol=min(len(handles), 4), fontsize=8.5, frameon=False)
    return ax


@_described(_MERGER)
def plot_merger_comparison(data: pd.DataFrame, *, lang: str = "vi", title: str | None = None,
                           ax=None):
    """Bars of the former provinces stacked against the merged province's stated figure.

    Indicators have different units, so each is drawn as a share of its stated (or summed)
    total: the stacked parts show what each former province brings, the outlined bar the
    merged province's own figure. The values are written on the bars with their units.
    """
    words = messages(_WORDS, lang)
    blocks = list(data.groupby(["indicator", "breakdown", "year"], sort=True)) \
        if len(data) else []
    ax = _axes(ax, 2 * len(blocks))
    with _font():
        ax.set_title(title or "", loc="left", fontsize=12, fontweight="bold")
        if not blocks:
            ax.text(0.5, 0.5, words["empty"], ha="center", va="center", transform=ax.transAxes)
            ax.set_xticks([])
            ax.set_yticks([])
            return ax

        def written(value, unit):
            if unit in ("USD", "VND"):
                return format_money(value, unit, lang=lang, decimals=2)
            return format_number(value, lang=lang)

        colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]
        # one colour per former province, kept across blocks: two mergers share the chart
        parts = list(dict.fromkeys(data.loc[data["role"] == "part", "territory"]))
        colour_of = {t: colours[i % len(colours)] for i, t in enumerate(parts)}
        labelled = set()
        ticks, labels, y = [], [], 0
        for (indicator, breakdown, year), block in blocks:
            name = block.iloc[0]["indicator_vi" if lang == "vi" else "indicator_en"] \
                or indicator
            total_row = block[block["role"] == "stated"]
            total = float((total_row if len(total_row) else block[block["role"] == "sum"])
                          ["value"].iloc[0])
            left = 0.0
            for _, part in block[block["role"] == "part"].iterrows():
                share = part["value"] / total
                territory = part["territory"]
                ax.barh(y, share, left=left, color=colour_of[territory], height=0.6,
                        label=None if territory in labelled else
                        _plain(territory_label(territory, lang=lang)))
                labelled.add(territory)
                ax.text(left + share / 2, y, written(part["value"], part["unit"]),
                        ha="center",
                        va="center", fontsize=8, color="white")
                left += share
            unit = UNIT_LABELS[lang].get(block.iloc[0]["unit"], block.iloc[0]["unit"])
            ticks.append(y)
            labels.append(_plain(f"{name} ({unit}) {year} — {words['sum']}"))
            if len(total_row):
                ax.barh(y + 1, 1.0, color="none", edgecolor="#333", height=0.6,
                        hatch="//")
                ax.text(0.5, y + 1, written(total, block.iloc[0]["unit"]), ha="center",
                        va="center", fontsize=8, bbox=dict(facecolor="white", lw=0))
                ticks.append(y + 1)
                labels.append(_plain(f"{name} ({unit}) {year} — {words['stated']}"))
            y += 2.5
        ax.set_yticks(ticks, labels, fontsize=8.5)
        ax.invert_yaxis()
        ax.set_xlim(0, 1.05)
        ax.set_xlabel(words["share"])
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v * 100:.0f}")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4, fontsize=8.5,
                  frameon=False)
    return ax


def _plain(text: str) -> str:
    """Data-derived text drawn as written: a ``$`` would otherwise start mathtext."""
    return str(text).replace("$", r"\$")


class _font:
    """Draw with a font that has every Vietnamese diacritic, then restore the settings."""

    def __enter__(self):
        import matplotlib as mpl

        self._context = mpl.rc_context({"font.family": _FONT})
        self._context.__enter__()

    def __exit__(self, *exc):
        return self._context.__exit__(*exc)
