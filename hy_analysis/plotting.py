"""Charts: ``plot_*(data, *, ..., ax=None) -> Axes``. Drawing only; numbers come from analysis.

matplotlib and seaborn are imported inside the functions, so ``import hy_analysis`` stays
light. Every chart gets a title, axis labels with units, and a source line naming the
documents (number and date), in Vietnamese or English following ``lang``.
"""

from __future__ import annotations

import textwrap
from typing import Iterable

import pandas as pd

from .display import source_name
from .parsing import format_number
from .schema import UNIT_LABELS

__all__ = ["setup", "source_line", "add_source", "number_formatter", "unit_label", "new_axes"]

#: DejaVu Sans ships with matplotlib and covers every Vietnamese diacritic, so no chart
#: shows missing-glyph boxes whatever fonts the machine has.
FONT = "DejaVu Sans"
PALETTE = "colorblind"

#: Phrases shared by every chart family; each family's table below extends these.
_TEXT = {
    "vi": {"source": "Nguồn", "year": "Năm", "derived": "tính toán", "target": "Mục tiêu",
           "actual": "Thực hiện", "no_data": "Không có số liệu cho {region}",
           "this_selection": "lựa chọn này"},
    "en": {"source": "Source", "year": "Year", "derived": "computed", "target": "Target",
           "actual": "Actual", "no_data": "No figures for {region}",
           "this_selection": "this selection"},
}


def text(key: str, lang: str) -> str:
    """A fixed label in ``lang`` (``"vi"`` or ``"en"``)."""
    return _TEXT[lang][key]


def _no_data(lang: str, region: str | None = None) -> str:
    """"No figures for ``region``" in ``lang``; without a region, "for this selection"."""
    return text("no_data", lang).format(region=text("this_selection", lang)
                                        if region is None else region)


def _empty_chart(ax, message: str):
    """An Axes that says there is nothing to draw (e.g. a region without figures)."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes,
            fontsize=11, color="#555", wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


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
    line = source_line(source_ids, sources, lang=lang)
    caption = "\n".join(textwrap.wrap(" ".join(filter(None, [line, note])), 125))
    ax.figure.text(0.01, -0.01, caption, ha="left", va="top", fontsize=7.5, color="#444")
    return ax


# =========================================================================== growth & overview
# Charts of the industrial_growth and overview notebooks (hy_analysis.growth/.consistency).

__all__ += [
    "plot_index_paths", "plot_annual_growth", "plot_structure", "plot_level_path",
    "plot_implied_vs_stated", "plot_figure_counts", "plot_consistency",
]

_GROWTH_TEXT = {
    "vi": {
        **_TEXT["vi"],
        "index": "Chỉ số ({base} = 100)", "scenario": "Kịch bản {rate} %/năm",
        "index_title": "{region}: lộ trình tăng trưởng theo mục tiêu, kịch bản và thực hiện",
        "annual_title": "{region}: tăng trưởng thực hiện từng năm so với mục tiêu năm",
        "growth_axis": "Tăng so với năm trước (%)",
        "structure_title": ("{region}: cơ cấu kinh tế, thực hiện và mục tiêu 2025, 2030 "
                            "theo nguồn"),
        "share_axis": "Tỷ trọng trong GRDP (%)", "merged": "sáp nhập",
        "merged_note": "Cột gạch chéo: tỉnh Hưng Yên sau sáp nhập (từ 01/07/2025), không so "
                       "sánh được với mục tiêu của tỉnh cũ.",
        "merged_point": "Tỉnh sau sáp nhập (không so sánh)",
        "level_title": "{region}: {indicator}, thực hiện và mục tiêu",
        "implied": "tăng {rate} %/năm",
        "implied_title": "Tăng trưởng ngầm định từ mục tiêu mức so với mục tiêu đã nêu",
        "implied_bar": "Ngầm định {a}→{b}", "stated_bar": "Mục tiêu nêu ({period})",
        "rate_axis": "Tăng trưởng bình quân (%/năm)",
        "counts_title": "Số lượng số liệu theo địa phương và loại",
        "counts_axis": "Số số liệu", "consistency_title": "Kết quả kiểm tra tính nhất quán",
        "count_axis": "Số trường hợp",
        "checks": {"sources": "Giữa các nguồn", "shares": "Tổng tỷ trọng = 100",
                   "implied": "Ngầm định vs nêu"},
        "outcomes": {"conflict": "mâu thuẫn", "compatible": "tương thích", "off": "không đủ 100",
                     "ok": "đủ 100", "incomplete": "thiếu ngành", "flagged": "vượt ngưỡng",
                     "within": "trong ngưỡng"},
        "kinds": {"target": _TEXT["vi"]["target"], "actual": _TEXT["vi"]["actual"],
                  "actual [merged]": "Thực hiện (tỉnh sau sáp nhập)",
                  "target [merged]": "Mục tiêu (tỉnh sau sáp nhập)"},
        "usd_bn": "tỷ USD", "vnd_bn": "tỷ đồng",
    },
    "en": {
        **_TEXT["en"],
        "index": "Index ({base} = 100)", "scenario": "Scenario {rate} %/yr",
        "index_title": "{region}: growth paths of targets, scenarios and actuals",
        "annual_title": "{region}: reported growth each year against the year's target",
        "growth_axis": "Growth on previous year (%)",
        "structure_title": ("{region}: economic structure, actuals and 2025, 2030 targets "
                            "by source"),
        "share_axis": "Share of GRDP (%)", "merged": "merged",
        "merged_note": "Hatched bar: the merged Hưng Yên (from 1 July 2025), not comparable "
                       "with the old province's targets.",
        "merged_point": "Merged province (not compared)",
        "level_title": "{region}: {indicator}, actual and targets",
        "implied": "{rate} %/yr",
        "implied_title": "Growth implied by level targets vs the stated growth target",
        "implied_bar": "Implied {a}→{b}", "stated_bar": "Stated ({period})",
        "rate_axis": "Average growth (%/yr)",
        "counts_title": "Number of figures by region and kind",
        "counts_axis": "Figures", "consistency_title": "Consistency checks: outcomes",
        "count_axis": "Cases",
        "checks": {"sources": "Between sources", "shares": "Shares sum to 100",
                   "implied": "Implied vs stated"},
        "outcomes": {"conflict": "conflict", "compatible": "compatible", "off": "off 100",
                     "ok": "sum to 100", "incomplete": "sector missing",
                     "flagged": "over threshold",
                     "within": "within threshold"},
        "kinds": {"target": _TEXT["en"]["target"], "actual": _TEXT["en"]["actual"],
                  "actual [merged]": "Actual (merged province)",
                  "target [merged]": "Target (merged province)"},
        "usd_bn": "bn USD", "vnd_bn": "bn VND",
    },
}

_SECTOR_COLOURS = {"agriculture_share": "#4c9a2a", "industry_construction_share": "#2f6db5",
                   "services_share": "#e5a823", "not_stated": "#d9d9d9"}


def _gt(key: str, lang: str) -> str:
    return _GROWTH_TEXT[lang][key]


def _ids(frame: pd.DataFrame, *columns: str) -> list[str]:
    ids = []
    for column in columns:
        if column in frame.columns:
            for value in frame[column].dropna():
                ids += [v for v in str(value).split("; ") if v]
    return ids


def plot_index_paths(paths: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                     region: str = "", lang: str = "vi", figsize=None):
    """Index paths of targets (bands for ranges), scenarios and actuals, one panel per indicator.

    Parameters
    ----------
    paths : DataFrame
        From :func:`hy_analysis.growth.index_paths`.
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
        _empty_chart(axes[0][0], _no_data(lang, region))
        axes[0][0].set_title(title)
        return fig
    base = int(paths["year"].min())
    colours = sns.color_palette(PALETTE, 8)
    greys = ["#7f7f7f", "#b0b0b0", "#555555", "#999999"]
    for i, indicator in enumerate(indicators):
        ax = axes[i // ncols][i % ncols]
        own = paths[paths["indicator"] == indicator]
        name = own[f"indicator_{lang}"].iloc[0]
        t = 0
        for s, (path, group) in enumerate(own.groupby("path", sort=False)):
            kind = group["kind"].iloc[0]
            if kind == "scenario":
                rate = format_number(float(group["rate_text"].iloc[0]), lang=lang)
                ax.plot(group["year"], group["low"], ls="--", lw=1.3,
                        color=greys[s % len(greys)],
                        label=_gt("scenario", lang).format(rate=rate))
            elif kind == "actual":
                ax.plot(group["year"], group["low"], color="black", lw=2.2, marker="o",
                        ms=5, zorder=5, label=_gt("actual", lang))
                last = group.iloc[-1]
                ax.annotate(format_number(last["low"], lang=lang, decimals=1),
                            (last["year"], last["low"]), xytext=(4, -12),
                            textcoords="offset points", fontsize=8)
            else:
                colour = colours[t % len(colours)]
                t += 1
                label = f"{_gt('target', lang)} {group['rate_text'].iloc[0]}"
                label = f"{label} ({source_name(group['source_id'].iloc[0], sources)})"
                if (group["low"] != group["high"]).any():
                    ax.fill_between(group["year"], group["low"], group["high"], color=colour,
                                    alpha=0.3, lw=0)
                    ax.plot(group["year"], group["low"], color=colour, lw=1)
                    ax.plot(group["year"], group["high"], color=colour, lw=1, label=label)
                else:
                    ax.plot(group["year"], group["low"], color=colour, lw=1.8, label=label)
                last = group.iloc[-1]
                end = format_number(last["low"], lang=lang, decimals=1)
                if last["high"] != last["low"]:
                    end += "–" + format_number(last["high"], lang=lang, decimals=1)
                ax.annotate(end, (last["year"], (last["low"] + last["high"]) / 2),
                            xytext=(5, 0), textcoords="offset points", fontsize=8, ha="left",
                            va="center", color=colour)
        ax.set_title("\n".join(textwrap.wrap(name, 40)), fontsize=10.5)
        ax.set_xlabel(text("year", lang))
        ax.set_ylabel(_gt("index", lang).format(base=base))
        ax.yaxis.set_major_formatter(number_formatter(lang, decimals=0))
        ax.xaxis.set_major_locator(_year_locator())
        ax.set_xlim(base - 0.4, paths["year"].max() + 1.6)
        ax.legend(fontsize=7.5, loc="upper left", frameon=True)
    for j in range(len(indicators), nrows * ncols):
        axes[j // ncols][j % ncols].set_visible(False)
    fig.suptitle(title, fontweight="bold", fontsize=12)
    if sources is not None:
        add_source(axes[0][0], _ids(paths, "source_id"), sources, lang=lang)
    return fig


def _year_locator():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True, nbins=8)


def plot_annual_growth(table: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                       region: str = "", lang: str = "vi", ax=None):
    """Reported growth each year (bars) with that year's target (black marks).

    Parameters
    ----------
    table : DataFrame
        From :func:`hy_analysis.growth.annual_growth_vs_target`.
    sources : DataFrame, optional
    region : str
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    ax = new_axes(ax)
    ax.set_title(_gt("annual_title", lang).format(region=region))
    if table.empty:
        return _empty_chart(ax, _no_data(lang, region))
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
                        f"{_gt('target', lang)} ({'năm' if lang == 'vi' else 'of the year'})")
                shown_target = True
                if row.target_high != row.target_low:
                    ax.plot([x - width * 0.45, x + width * 0.45], [row.target_high] * 2,
                            color="black", lw=2)
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.set_xlabel(text("year", lang))
    ax.set_ylabel(_gt("growth_axis", lang))
    ax.yaxis.set_major_formatter(number_formatter(lang, decimals=0))
    ax.set_ylim(0, max(table["actual"].max(), table["target_high"].max(skipna=True)
                       if table["target_high"].notna().any() else 0) * 1.18)
    ax.legend(fontsize=8, loc="upper left", ncols=2)
    if sources is not None:
        add_source(ax, _ids(table, "actual_source", "target_source"), sources, lang=lang)
    return ax


def plot_structure(shift: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                   region: str = "", lang: str = "vi", ax=None):
    """Stacked bars of sector shares by year and source; conflicting sources side by side.

    Parameters
    ----------
    shift : DataFrame
        From :func:`hy_analysis.growth.structure_shift`.
    sources : DataFrame, optional
    region : str
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    from .growth import sector_name

    ax = new_axes(ax, figsize=(9.5, 5.2))
    ax.set_title(_gt("structure_title", lang).format(region=region))
    if shift.empty:
        return _empty_chart(ax, _no_data(lang, region))
    columns = list(dict.fromkeys(shift["column"]))
    kinds = {"vi": {"target": "mục tiêu", "actual": "thực hiện"},
             "en": {"target": "target", "actual": "actual"}}[lang]
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
        tick = f"{first['year']}\n{kinds[first['kind']]}\n{short}"
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
        add_source(ax, _ids(shift, "source_id"), sources, lang=lang, note=note)
    return ax


def plot_level_path(path: pd.DataFrame, *, steps: pd.DataFrame | None = None,
                    sources: pd.DataFrame | None = None, region: str = "",
                    indicator_name: str = "", lang: str = "vi", ax=None):
    """Levels by year: actuals (filled), targets (open), implied growth on each segment.

    Points of the merged province are drawn apart (red crosses) and never joined.

    Parameters
    ----------
    path : DataFrame
        From :func:`hy_analysis.growth.level_path`.
    steps : DataFrame, optional
        From :func:`hy_analysis.growth.implied_growth_steps`; labels the segments.
    sources : DataFrame, optional
    region : str
        Named in the title.
    indicator_name : str, optional
        Named in the title and axis (default: the indicator's name in ``lang`` from ``path``).
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    ax = new_axes(ax)
    if not indicator_name and not path.empty and f"indicator_{lang}" in path.columns:
        indicator_name = path[f"indicator_{lang}"].iloc[0]
    indicator_name = indicator_name or path.attrs.get(f"indicator_{lang}", "")
    ax.set_title(_gt("level_title", lang).format(region=region, indicator=indicator_name))
    if path.empty:
        return _empty_chart(ax, _no_data(lang, region))
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
    ax.xaxis.set_major_locator(_year_locator())
    low = min(path["value"].min() / scale, 0)
    ax.set_ylim(low, path["value"].max() / scale * 1.15)
    years = path["year"]
    ax.set_xlim(years.min() - 0.6, years.max() + 1.0)
    ax.legend(fontsize=8, loc="upper left")
    if sources is not None:
        add_source(ax, _ids(path, "source_id"), sources, lang=lang,
                   note="— " + _gt("merged_note", lang).replace("Cột gạch chéo", "Dấu X đỏ")
                   .replace("Hatched bar", "Red cross") if not merged.empty else "")
    return ax


def plot_implied_vs_stated(implied: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                           lang: str = "vi", ax=None):
    """Implied average growth of level targets next to the stated growth target (bars).

    Parameters
    ----------
    implied : DataFrame
        From :func:`hy_analysis.consistency.implied_vs_stated`.
    sources : DataFrame, optional
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    ax = new_axes(ax, figsize=(8.5, 3.8))
    ax.set_title(_gt("implied_title", lang))
    rows = implied[implied["stated_raw"] != ""] if not implied.empty else implied
    if rows.empty:
        return _empty_chart(ax, _no_data(lang, ", ".join(dict.fromkeys(implied["region"]))
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
        labels.append(name + _gt("stated_bar", lang).format(period=row.stated_period)
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
        add_source(ax, _ids(rows, "level_sources", "stated_source"), sources, lang=lang)
    return ax


def plot_figure_counts(counts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                       lang: str = "vi", ax=None):
    """Horizontal stacked bars: figures per region by kind (merged province apart).

    Parameters
    ----------
    counts : DataFrame
        From :func:`hy_analysis.consistency.count_figures`.
    sources : DataFrame, optional
        When given, the source line names every document in the dataset selection.
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    from .growth import is_merged

    ax = new_axes(ax, figsize=(8.5, 3.8))
    ax.set_title(_gt("counts_title", lang))
    if counts.empty:
        return _empty_chart(ax, _no_data(lang, "—"))
    frame = counts.assign(series=[k + (" [merged]" if is_merged(t) else "")
                                  for k, t in zip(counts["kind"], counts["territory"])])
    table = frame.pivot_table(index="region", columns="series", values="figures",
                              aggfunc="sum", fill_value=0)
    order = [c for c in ("target", "actual", "target [merged]", "actual [merged]")
             if c in table.columns]
    table = table[order].loc[table.sum(axis=1).sort_values().index]
    colours = dict(zip(("target", "actual", "target [merged]", "actual [merged]"),
                       sns.color_palette(PALETTE, 4)))
    left = pd.Series(0.0, index=table.index)
    for series in order:
        bars = ax.barh(table.index, table[series], left=left, color=colours[series],
                       label=_gt("kinds", lang)[series],
                       hatch="//" if "merged" in series else None, edgecolor="white")
        ax.bar_label(bars, labels=[str(int(v)) if v else "" for v in table[series]],
                     label_type="center", fontsize=8.5, color="white")
        left += table[series]
    ax.set_xlabel(_gt("counts_axis", lang))
    ax.xaxis.set_major_locator(_year_locator())  # whole numbers only
    ax.set_ylabel("")
    ax.legend(fontsize=8, loc="lower right")
    return ax


def plot_consistency(counts: pd.DataFrame, *, lang: str = "vi", ax=None,
                     source_ids=(), sources: pd.DataFrame | None = None):
    """Bars of the outcome counts of each consistency check.

    Parameters
    ----------
    counts : DataFrame
        From :func:`hy_analysis.consistency.consistency_counts`.
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
    labels = [f"{_gt('checks', lang)[r.check]}: {_gt('outcomes', lang)[r.outcome]}"
              for r in counts.itertuples()]
    y = list(range(len(labels)))[::-1]
    colours = ["#c0392b" if o in bad else "#8fb3de" for o in counts["outcome"]]
    bars = ax.barh(y, counts["count"], color=colours, height=0.65)
    ax.bar_label(bars, labels=[str(int(v)) for v in counts["count"]], padding=3, fontsize=9)
    ax.set_yticks(y, labels, fontsize=9)
    ax.set_xlabel(_gt("count_axis", lang))
    ax.set_xlim(0, max(1, counts["count"].max()) * 1.15)
    ax.xaxis.set_major_locator(_year_locator())
    if sources is not None:
        add_source(ax, source_ids, sources, lang=lang)
    return ax


# --------------------------------------------------------------------------- FDI by country
# (fdi_by_country notebook; numbers come from hy_analysis.fdi)

__all__ += [
    "plot_fdi_projects_by_country", "plot_fdi_project_shares", "plot_fdi_totals",
    "plot_fdi_capital_by_country", "plot_urbanisation_path", "plot_urban_class_ladder",
]

_FDI_TEXT = {
    "vi": {**_TEXT["vi"], "merged": "Tỉnh Hưng Yên mới\n(sáp nhập từ 01/07/2025)",
           "merged_short": "tỉnh mới", "projects": "Số dự án FDI (lũy kế, dự án)",
           "share": "Tỷ trọng trong tổng số dự án FDI (%)",
           "capital": "Vốn đăng ký (tỷ USD, lũy kế)", "snapshot": "Ngày chốt số liệu",
           "t_projects": "Dự án FDI còn hiệu lực theo nước đầu tư",
           "t_share": "Tỷ trọng số dự án FDI theo nước đầu tư",
           "t_totals": "Tổng dự án và vốn FDI đăng ký: tỉnh cũ và tỉnh mới tách riêng",
           "t_capital": "Vốn FDI đăng ký theo nước đầu tư (nơi nguồn có nêu)",
           "other_note": "Nước khác = tổng − Nhật Bản − Hàn Quốc − Trung Quốc, do sổ tay tính "
                         "(không phải số công bố).",
           "merged_note": "Vùng tô xám: tỉnh Hưng Yên mới (gồm Thái Bình), không so trực tiếp "
                          "với tỉnh cũ.",
           "above": "▲ = \"hơn/trên\" (giá trị tối thiểu)", "old": "Tỉnh Hưng Yên cũ",
           "total_projects": "Tổng số dự án", "total_capital": "Vốn đăng ký"},
    "en": {**_TEXT["en"], "merged": "New Hưng Yên\n(merged from 1 Jul 2025)",
           "merged_short": "merged", "projects": "FDI projects (cumulative, count)",
           "share": "Share of all FDI projects (%)",
           "capital": "Registered capital (bn USD, cumulative)", "snapshot": "Snapshot date",
           "t_projects": "Valid FDI projects by investor country",
           "t_share": "Share of FDI projects by investor country",
           "t_totals": "Total FDI projects and registered capital: old and merged province apart",
           "t_capital": "Registered FDI capital by investor country (where a source gives it)",
           "other_note": "Other countries = total − Japan − Korea − China, computed here "
                         "(not a published figure).",
           "merged_note": "Grey band: the new, merged Hưng Yên (incl. Thái Bình), not directly "
                          "comparable with the old province.",
           "above": "▲ = \"over\" (a minimum)", "old": "Old Hưng Yên",
           "total_projects": "Total projects", "total_capital": "Registered capital"},
}


def _fdi_tick(row, sources, lang):
    """A snapshot's tick label: its date, then its outlet (shortened)."""
    from .fdi import snapshot_label

    label = snapshot_label(row["as_of"], lang=lang)
    name = source_name(row["source_id"], sources, number=False)
    name = name.replace(" Japanese edition", " (JA)").replace(" English", " (EN)")
    name = name if len(name) <= 20 else name[:19] + "…"
    return f"{label}\n{name}"


def _shade_merged(ax, positions, *, lang, horizontal=False, label=True):
    """Grey band and a caption over the merged-province positions."""
    for pos in positions:
        if horizontal:
            ax.axhspan(pos - 0.5, pos + 0.5, color="#888", alpha=0.13, zorder=0, lw=0)
        else:
            ax.axvspan(pos - 0.5, pos + 0.5, color="#888", alpha=0.13, zorder=0, lw=0)
            if label:
                ax.text(pos, 0.98, _FDI_TEXT[lang]["merged"], transform=ax.get_xaxis_transform(),
                        ha="center", va="top", fontsize=7.5, color="#333")


def _hatch_legend(legend, lang):
    """Give the legend entry of the derived "other countries" series its hatch."""
    from .fdi import other_label

    for handle, label in zip(legend.legend_handles, legend.get_texts()):
        if label.get_text() == other_label(lang=lang):
            handle.set_hatch("///")
            handle.set_edgecolor("#555")
    return legend


def _country_colors(countries):
    import seaborn as sns

    from .fdi import NAMED_COUNTRIES, OTHER

    palette = sns.color_palette(PALETTE, 8)
    fixed = {c: palette[i] for i, c in enumerate(NAMED_COUNTRIES)}
    fixed[OTHER] = "#b5b5b5"
    return {c: fixed.get(c, palette[4]) for c in countries}


def _country_bars(ax, frame: pd.DataFrame, column: str, *, ylabel: str, sources, lang,
                  **bar_kw):
    """Grouped bars of ``column`` by snapshot (x, time order) and investor country (hue).

    The derived "other countries" bars are hatched and the merged province's snapshot is
    shaded. Returns the snapshots in x order and the positions of the merged ones.
    """
    import seaborn as sns

    from .fdi import OTHER, country_label

    t = _FDI_TEXT[lang]
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


def plot_fdi_projects_by_country(table: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                                 lang: str = "vi", ax=None):
    """Grouped bars: valid FDI projects by investor country at each snapshot.

    The derived "other countries" bars are hatched and labelled as computed; the merged
    province's snapshot sits on a grey band.

    Parameters
    ----------
    table : DataFrame
        From :func:`hy_analysis.fdi.projects_by_country`.
    sources : DataFrame, optional
        For the tick labels and the source line.
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    t = _FDI_TEXT[lang]
    ax = new_axes(ax, figsize=(9, 5))
    ax.set_title(t["t_projects"])
    if table.empty:
        return _empty_chart(ax, _no_data(lang))
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


def plot_fdi_project_shares(table: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                            lang: str = "vi", ax=None):
    """Stacked horizontal bars: each country's share of all FDI projects per snapshot.

    Parameters
    ----------
    table : DataFrame
        From :func:`hy_analysis.fdi.projects_by_country`.
    sources : DataFrame, optional
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    from .fdi import OTHER, country_label

    t = _FDI_TEXT[lang]
    ax = new_axes(ax, figsize=(9, 4.6))
    ax.set_title(t["t_share"])
    if table.empty:
        return _empty_chart(ax, _no_data(lang))
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


def plot_fdi_totals(snapshots: pd.DataFrame, *, disagreements: pd.DataFrame | None = None,
                    sources: pd.DataFrame | None = None, lang: str = "vi"):
    """Two panels: total projects and registered capital at each snapshot.

    The old province's snapshots are joined by a dotted line; the merged province's snapshot
    is a separate diamond on a grey band, never joined to them. "Over" figures are drawn as
    triangles (a minimum). Snapshots whose dates overlap but whose totals differ
    (``disagreements``) are annotated with both figures.

    Parameters
    ----------
    snapshots : DataFrame
        From :func:`hy_analysis.fdi.fdi_snapshots`.
    disagreements : DataFrame, optional
        From :func:`hy_analysis.fdi.snapshot_disagreements`.
    sources : DataFrame, optional
    lang : {"vi", "en"}

    Returns
    -------
    matplotlib Figure
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    setup()
    t = _FDI_TEXT[lang]
    if snapshots.empty:
        ax = new_axes(figsize=(9, 3))
        ax.set_title(t["t_totals"])
        return _empty_chart(ax, _no_data(lang)).figure
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 5), layout="constrained")
    snaps = snapshots.sort_values("order").reset_index(drop=True)
    x = list(range(len(snaps)))
    ticks = [_fdi_tick(r, sources, lang) for r in snaps.to_dict("records")]
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
            text = (f"2 nguồn lệch nhau:\n{format_number(first['projects_a'], lang=lang)} và "
                    f"{format_number(first['projects_b'], lang=lang)} dự án" if lang == "vi" else
                    f"2 sources disagree:\n{format_number(first['projects_a'], lang=lang)} vs "
                    f"{format_number(first['projects_b'], lang=lang)} projects")
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


def plot_fdi_capital_by_country(capital: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                                lang: str = "vi", ax=None):
    """Grouped bars: registered capital (bn USD) by country, at the snapshots that give it.

    Bars for "over" figures are labelled with "≥"; the derived "other countries" bar is
    hatched; the merged province's snapshot sits on a grey band.

    Parameters
    ----------
    capital : DataFrame
        From :func:`hy_analysis.fdi.capital_by_country`.
    sources : DataFrame, optional
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    from .fdi import OTHER

    t = _FDI_TEXT[lang]
    ax = new_axes(ax, figsize=(9, 5))
    ax.set_title(t["t_capital"])
    if capital.empty:
        return _empty_chart(ax, _no_data(lang))
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


# --------------------------------------------------------------------------- urbanisation
# (urbanisation notebook; numbers come from hy_analysis.urbanisation)

_URB_TEXT = {
    "vi": {**_TEXT["vi"], "title": "Mục tiêu tỷ lệ đô thị hóa: lộ trình giữa các năm mục tiêu",
           "rate": "Tỷ lệ đô thị hóa (%)",
           "table": "Bảng mục tiêu (▲↑ không giới hạn trên)",
           "text": "Phần lời (dải)",
           "web": "Nghị quyết HĐND (trang web)", "other": "Nguồn khác",
           "floor": "Mức sàn", "ceiling": "Mức trần", "pp": "điểm %/năm",
           "baseline": "Cơ sở do người dùng nhập",
           "ladder": "Loại đô thị mục tiêu theo địa phương (loại I cao nhất)",
           "locality": "Địa phương", "not_stated": "không nêu", "class": "loại",
           "ladder_note": "Màu theo loại đô thị của toàn địa phương; chữ ghi phạm vi "
                          "(\"cơ bản đạt\", \"khu vực trung tâm\").",
           "no_measured": "Không có tỷ lệ đo được trong dữ liệu; đường cơ sở (nếu có) do "
                          "người dùng nhập."},
    "en": {**_TEXT["en"], "title": "Urbanisation-rate targets: the path between target years",
           "rate": "Urbanisation rate (%)",
           "table": "Target table (▲↑ no upper bound)",
           "text": "Text (band)",
           "web": "People's Council resolution (web)", "other": "Other source",
           "floor": "Floor", "ceiling": "Ceiling", "pp": "pp/yr",
           "baseline": "User-supplied baseline",
           "ladder": "Target urban class by locality (class I is the highest)",
           "locality": "Locality", "not_stated": "not stated", "class": "class",
           "ladder_note": "Colour: the class of the whole locality; text gives the scope "
                          "(\"basically meets\", \"district centre\").",
           "no_measured": "No measured rate in the data; the baseline (if any) is "
                          "user-supplied."},
}


def plot_urbanisation_path(targets: pd.DataFrame, *, baseline_year: int | None = None,
                           baseline_rate: float | None = None,
                           sources: pd.DataFrame | None = None, lang: str = "vi", ax=None):
    """The urbanisation-rate targets as a path over the target years.

    Ranges ("khoảng 48-50%") are bands, open figures ("Trên 48%") triangles with an upward
    arrow, exact figures dots; the floor and ceiling paths are joined with the percentage
    points per year they need. A user-supplied baseline is drawn as a cross.

    Parameters
    ----------
    targets : DataFrame
        From :func:`hy_analysis.urbanisation.rate_targets`.
    baseline_year, baseline_rate : int and float, optional
        A user-supplied measured rate (drawn only when both are given).
    sources : DataFrame, optional
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    import seaborn as sns

    from .urbanisation import pp_from_baseline, pp_per_year, rate_envelope

    t = _URB_TEXT[lang]
    ax = new_axes(ax, figsize=(9, 5))
    ax.set_title(t["title"])
    if targets.empty:
        return _empty_chart(ax, _no_data(lang))
    baseline = None if baseline_year is None or baseline_rate is None else \
        (baseline_year, baseline_rate)
    colors = sns.color_palette(PALETTE, 6)
    kinds = {"table": (colors[0], -0.35), "text": (colors[1], 0.0), "web": (colors[2], 0.35),
             "other": (colors[4], 0.35)}
    env = rate_envelope(targets)
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
    for s in pp_per_year(env).to_dict("records"):
        xm, ym = (s["from_year"] + s["to_year"]) / 2, (s["from_low"] + s["to_low"]) / 2
        text = f"+{format_number(s['pp_low'], lang=lang, decimals=1)}"
        if s["pp_high"] == s["pp_high"] and abs(s["pp_high"] - s["pp_low"]) > 1e-9:
            text += f"–{format_number(s['pp_high'], lang=lang, decimals=1)}"
        ax.annotate(f"{text} {t['pp']}", (xm, ym), textcoords="offset points",
                    xytext=(0, -22), ha="center", fontsize=8.5, color="#333",
                    bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.85))
    lows = [targets["low"].min()]
    if baseline is not None:
        year, rate = baseline
        ax.scatter(year, rate, marker="X", s=90, color=colors[3], zorder=4,
                   label=f"{t['baseline']}: {format_number(rate, lang=lang)} % ({year})")
        for s in pp_from_baseline(env, baseline_year=year, baseline_rate=rate).to_dict(
                "records"):
            ax.plot([year, s["to_year"]], [rate, s["to_low"]], color=colors[3], lw=1, ls="-.",
                    zorder=1)
        lows.append(rate)
    years = list(env["year"]) + ([baseline[0]] if baseline is not None else [])
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
        add_source(ax, targets["source_id"], sources, lang=lang, note="· " + t["no_measured"])
    return ax


def plot_urban_class_ladder(ladder: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                            lang: str = "vi", ax=None):
    """Heat-map table of the target urban class by locality (rows) and year (columns).

    The colour is the class the whole locality is to reach (I darkest, the highest); each
    cell's text gives every statement with its scope ("cơ bản đạt", district centre).

    Parameters
    ----------
    ladder : DataFrame
        From :func:`hy_analysis.urbanisation.urban_class_ladder`.
    sources : DataFrame, optional
    lang : {"vi", "en"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    import numpy as np
    import seaborn as sns

    from .schema import URBAN_CLASSES
    from .urbanisation import SCOPE_LABELS

    t = _URB_TEXT[lang]
    ax = new_axes(ax, figsize=(9, 5))
    ax.set_title(t["ladder"])
    if ladder.empty:
        return _empty_chart(ax, _no_data(lang))
    localities = list(dict.fromkeys(ladder["locality"]))
    years = sorted(ladder["year"].unique())
    ranks = np.full((len(localities), len(years)), np.nan)
    texts = np.full((len(localities), len(years)), t["not_stated"], dtype=object)
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
            texts[i, j] = "\n".join(textwrap.fill(p, 30) for p in parts)
    cmap = sns.color_palette("Blues_r", len(URBAN_CLASSES) + 2)[:len(URBAN_CLASSES)]
    sns.heatmap(pd.DataFrame(ranks, index=localities, columns=years), ax=ax, cmap=cmap,
                vmin=0.5, vmax=len(URBAN_CLASSES) + 0.5, annot=texts, fmt="",
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
