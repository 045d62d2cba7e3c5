"""Findings of the urbanisation analysis: Markdown text and reader tables (vi/en).

Each function takes a frame computed by :mod:`hy_analysis.analysis.urbanisation`. Words come
from the message table below; numbers from :mod:`hy_analysis.findings.format`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..docstrings import fill_doc, frames_from, with_parameters
from ..territories import RegionMap
from ..vocabulary import SCOPE_LABELS
from .common import md_escape, messages, source_name
from .format import DASH, format_number, format_range

# The reader tables' Parameters, from their signatures: what each table reads.
_tables = with_parameters(**frames_from(
    targets="hy_analysis.analysis.urbanisation.rate_targets",
    ladder="hy_analysis.analysis.urbanisation.urban_class_ladder",
    counts="hy_analysis.analysis.urbanisation.class_counts"))

__all__ = [
    "describe_rate_targets", "describe_revised_targets", "describe_pp_per_year",
    "describe_baseline",
    "describe_class_ladder", "describe_class_counts", "no_rates", "rate_table", "ladder_table",
    "class_counts_table",
]

_MESSAGES = {
    "vi": {
        "pp": "{value} điểm %/năm",
        "no_rates": "**Không có mục tiêu tỷ lệ đô thị hóa cho {region}** trong dữ liệu.",
        "table": "bảng mục tiêu", "text": "phần lời", "web": "trang web công khai",
        "other": "nguồn khác",
        "common_floor": " — mức sàn chung {floor}.",
        "no_measured": ("\nDữ liệu **không có tỷ lệ đô thị hóa đo được** của tỉnh "
                        "(public-figures.md: không tìm thấy số liệu công bố), nên mọi đường cơ "
                        "sở là do người dùng nhập (`baseline_year`, `baseline_rate`)."),
        "need_two_years": ("Cần ít nhất hai năm mục tiêu có số liệu để tính số điểm phần trăm "
                           "mỗi năm."),
        "ceiling_path": "; theo mức trần {a} → {b}: **{pp}**",
        "floor_path": "- {a_year} → {b_year} ({years} năm): theo mức sàn {a} → {b}: **{pp}**",
        "no_baseline": ("Chưa có đường cơ sở: dữ liệu không có tỷ lệ đo được; đặt "
                        "`baseline_year` và `baseline_rate` để so sánh."),
        "baseline_head": ("Từ tỷ lệ cơ sở do người dùng nhập **{rate} năm {year}** (không phải "
                          "số liệu trong dữ liệu):"),
        "no_later_year": " không có năm mục tiêu nào sau năm cơ sở.",
        "to_ceiling": ", tới mức trần {ceiling}: {pp}",
        "floor_met": " (đã đạt mức sàn)",
        "from_baseline": "- tới {year} ({years} năm), mức sàn {floor}: **{pp}**",
        "no_ladder": ("**Không có mục tiêu loại đô thị theo địa phương cho {region}** trong "
                      "dữ liệu."),
        "class": "loại {cls} ({scope})", "not_stated": "không nêu",
        "climb": " — lên {steps} hạng",
        "partial": "; {year}: {scope} loại {cls}",
        "ladder_summary": ("\n{k}/{n} địa phương có mục tiêu cho cả hai mốc; mỗi địa phương lên "
                           "{span} hạng (loại I là cao nhất)."),
        "no_counts": "Không có mục tiêu số đô thị loại IV, V cho {region}.",
        "towns": "{count} đô thị loại {cls}",
        "no_count_for": " (không nêu số đô thị loại {classes})",
        "col_year": "Năm", "col_raw": "Số liệu gốc", "col_floor": "Mức sàn (%)",
        "col_ceiling": "Mức trần (%)", "col_where": "Vị trí", "col_source": "Nguồn",
        "col_locality": "Địa phương", "col_class": "Loại đô thị", "col_count": "Số đô thị",
        "col_territory": "Địa giới",
        "territory_head": "**{territory}**{tag}:",
        "merged_tag": " (tỉnh sau sáp nhập)",
        "revised": ("- **{year}**, {territory}: «{written}» ({source}) — **mục tiêu điều chỉnh "
                    "cùng sáp nhập**, cho một địa bàn khác, nên không nối vào lộ trình của "
                    "{before}{earlier}."),
        "earlier": " (mục tiêu cũ cùng năm: {figures})",
    },
    "en": {
        "pp": "{value} pp/yr",
        "no_rates": "**No urbanisation-rate targets for {region}** in the data.",
        "table": "target table", "text": "text", "web": "public web page",
        "other": "other source",
        "common_floor": " — common floor {floor}.",
        "no_measured": ("\nThe data hold **no measured provincial urbanisation rate** "
                        "(public-figures.md: none was found), so any baseline is user-supplied "
                        "(`baseline_year`, `baseline_rate`)."),
        "need_two_years": ("At least two target years with figures are needed to compute "
                           "percentage points per year."),
        "ceiling_path": "; ceiling to ceiling {a} → {b}: **{pp}**",
        "floor_path": "- {a_year} → {b_year} ({years} years): floor to floor {a} → {b}: **{pp}**",
        "no_baseline": ("No baseline: the data hold no measured rate; set `baseline_year` and "
                        "`baseline_rate` to compare."),
        "baseline_head": ("From the user-supplied baseline **{rate} in {year}** (not a figure "
                          "of the data):"),
        "no_later_year": " no target year after the baseline year.",
        "to_ceiling": ", to the ceiling {ceiling}: {pp}",
        "floor_met": " (floor already reached)",
        "from_baseline": "- to {year} ({years} years), floor {floor}: **{pp}**",
        "no_ladder": "**No urban-class targets by locality for {region}** in the data.",
        "class": "class {cls} ({scope})", "not_stated": "not stated",
        "climb": " — up {steps} class(es)",
        "partial": "; {year}: {scope} class {cls}",
        "ladder_summary": ("\n{k} of {n} localities have targets at both dates; each climbs "
                           "{span} class(es) (class I is the highest)."),
        "no_counts": "No targets for the number of class IV and V towns for {region}.",
        "towns": "{count} class {cls} towns",
        "no_count_for": " (no figure for class {classes})",
        "col_year": "Year", "col_raw": "As written", "col_floor": "Floor (%)",
        "col_ceiling": "Ceiling (%)", "col_where": "Where", "col_source": "Source",
        "col_locality": "Locality", "col_class": "Urban class", "col_count": "Towns",
        "col_territory": "Territory",
        "territory_head": "**{territory}**{tag}:",
        "merged_tag": " (the merged province)",
        "revised": ("- **{year}**, {territory}: «{written}» ({source}) — **a target revised "
                    "with the merger**, for another territory, so it is not joined to the path "
                    "of {before}{earlier}."),
        "earlier": " (its earlier target for that year: {figures})",
    },
}


def _pct(value: float, lang: str) -> str:
    return f"{format_number(value, lang=lang)} %"


def _pp(value: float, m: dict, lang: str) -> str:
    return m["pp"].format(value=format_number(value, lang=lang, decimals=2))


def no_rates(region: str | None, *, lang: str = "vi") -> str:
    """The finding for a region without urbanisation-rate targets (Markdown)."""
    return messages(_MESSAGES, lang)["no_rates"].format(region=md_escape(region or ""))


@fill_doc
def describe_rate_targets(targets: pd.DataFrame, *, region_map: RegionMap,
                          measured: pd.DataFrame | None = None, region: str | None = None,
                          sources: pd.DataFrame | None = None, lang: str = "vi") -> str:
    """Markdown listing the rate targets by territory and year; says no measured rate exists.

    Parameters
    ----------
    targets : DataFrame
        From :func:`~hy_analysis.analysis.urbanisation.rate_targets`.
    {region_map}
    measured : DataFrame, optional
        From :func:`~hy_analysis.analysis.urbanisation.measured_rates`; when empty the text
        says the baseline must be supplied.
    region : str, optional
        Named in the text when the data has no rate target for it.
    {text_returns_markdown}
    """
    m = messages(_MESSAGES, lang)
    if targets.empty:
        return no_rates(region, lang=lang)
    lines = []
    several = targets["territory"].nunique() > 1
    # The common floor is per territory: the merged province's figure is not the old one's.
    for territory, by_territory in targets.groupby("territory", sort=False):
        if several:  # blank lines: a heading after a list item is its own paragraph
            lines += [""] if lines else []
            lines.append(m["territory_head"].format(
                territory=md_escape(territory),
                tag=m["merged_tag"] if region_map.is_merged(territory) else ""))
            lines.append("")
        for year, group in by_territory.groupby("year"):
            parts = [f"«{md_escape(r['value_raw'])}» ({m[r['statement']]}, "
                     f"{md_escape(source_name(r['source_id'], sources))})"
                     for _, r in group.iterrows()]
            lines.append(f"- **{int(year)}**: " + "; ".join(parts)
                         + m["common_floor"].format(floor=_pct(group["low"].min(), lang)))
    if measured is not None and measured.empty:
        lines.append(m["no_measured"])
    return "\n".join(lines)


@fill_doc
def describe_revised_targets(revised: pd.DataFrame, path: pd.DataFrame, *,
                             sources: pd.DataFrame | None = None, lang: str = "vi") -> str:
    """Markdown setting the merged province's targets beside the earlier path, apart from it.

    Parameters
    ----------
    revised, path : DataFrame
        The two frames of :func:`~hy_analysis.analysis.urbanisation.split_merger`.
    {text_returns_markdown}
        Empty when there is no revised target.
    """
    m = messages(_MESSAGES, lang)
    before = ", ".join(md_escape(t) for t in dict.fromkeys(path["territory"]))
    lines = []
    for r in revised.to_dict("records"):
        same_year = path[path["year"] == r["year"]]["value_raw"]
        earlier = m["earlier"].format(figures="; ".join(
            f"«{md_escape(v)}»" for v in same_year)) if len(same_year) else ""
        lines.append(m["revised"].format(
            year=int(r["year"]), territory=md_escape(r["territory"]),
            written=md_escape(r["value_raw"]),
            source=md_escape(source_name(r["source_id"], sources)), before=before,
            earlier=earlier))
    return "\n".join(lines)


@fill_doc
def describe_pp_per_year(steps: pd.DataFrame, *, lang: str = "vi") -> str:
    """Markdown stating the percentage points per year between consecutive target years.

    Parameters
    ----------
    steps : DataFrame
        From :func:`~hy_analysis.analysis.urbanisation.pp_per_year`.
    lang : {"vi", "en"}

    {returns_markdown}
    """
    m = messages(_MESSAGES, lang)
    if steps.empty:
        return m["need_two_years"]
    lines = []
    several = "territory" in steps.columns and steps["territory"].nunique() > 1
    for s in steps.to_dict("records"):
        high = "" if np.isnan(s["pp_high"]) else m["ceiling_path"].format(
            a=_pct(s["from_high"], lang), b=_pct(s["to_high"], lang),
            pp=_pp(s["pp_high"], m, lang))
        where = f" ({md_escape(s['territory'])})" if several else ""
        lines.append(m["floor_path"].format(
            a_year=s["from_year"], b_year=s["to_year"], years=s["years"],
            a=_pct(s["from_low"], lang), b=_pct(s["to_low"], lang),
            pp=_pp(s["pp_low"], m, lang)) + high + where + ".")
    return "\n".join(lines)


@fill_doc
def describe_baseline(steps: pd.DataFrame | None, *, baseline_year: int | None,
                      baseline_rate: float | None, lang: str = "vi") -> str:
    """Markdown on the pace needed from the user's baseline, or why there is none.

    Parameters
    ----------
    steps : DataFrame or None
        From :func:`~hy_analysis.analysis.urbanisation.pp_from_baseline` (None when no
        baseline was given).
    baseline_year, baseline_rate : int, float or None
    lang : {"vi", "en"}

    {returns_markdown}
    """
    m = messages(_MESSAGES, lang)
    if baseline_year is None or baseline_rate is None or steps is None:
        return m["no_baseline"]
    head = m["baseline_head"].format(rate=_pct(baseline_rate, lang), year=baseline_year)
    if steps.empty:
        return head + m["no_later_year"]
    lines = [head]
    for s in steps.to_dict("records"):
        high = "" if np.isnan(s["pp_high"]) else m["to_ceiling"].format(
            ceiling=_pct(s["to_high"], lang), pp=_pp(s["pp_high"], m, lang))
        lines.append(m["from_baseline"].format(
            year=s["to_year"], years=s["years"], floor=_pct(s["to_low"], lang),
            pp=_pp(s["pp_low"], m, lang)) + (m["floor_met"] if s["met_low"] else "")
            + high + ".")
    return "\n".join(lines)


@fill_doc
def describe_class_ladder(changes: pd.DataFrame, ladder: pd.DataFrame, *,
                          region: str | None = None, lang: str = "vi") -> str:
    """Markdown describing each locality's climb on the urban-class ladder.

    Parameters
    ----------
    changes : DataFrame
        From :func:`~hy_analysis.analysis.urbanisation.class_changes`.
    ladder : DataFrame
        From :func:`~hy_analysis.analysis.urbanisation.urban_class_ladder` (for partial,
        district-centre statements).
    region : str, optional
    lang : {"vi", "en"}

    {returns_markdown}
    """
    m = messages(_MESSAGES, lang)
    if changes.empty:
        return m["no_ladder"].format(region=md_escape(region or ""))
    scope = SCOPE_LABELS[lang]
    lines = []
    for c in changes.to_dict("records"):
        c = {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in c.items()}
        a = m["class"].format(cls=c["from_class"], scope=scope[c["from_scope"]]) \
            if c["from_class"] else DASH
        b = m["class"].format(cls=c["to_class"], scope=scope[c["to_scope"]]) \
            if c["to_class"] else m["not_stated"]
        steps = "" if c["steps"] is None else m["climb"].format(steps=int(c["steps"]))
        partial = ladder[(ladder["locality"] == c["locality"]) & ~ladder["whole"]]
        extra = "".join(m["partial"].format(year=p["year"], scope=scope[p["scope"]],
                                            cls=p["urban_class"])
                        for p in partial.to_dict("records"))
        lines.append(f"- {md_escape(c['locality'])}: {c['from_year']} {a} → {c['to_year']} "
                     f"{b}{steps}{extra}.")
    climbed = changes["steps"].dropna()
    if len(climbed):
        lines.append(m["ladder_summary"].format(
            k=len(climbed), n=len(changes),
            span=format_range(climbed.min(), climbed.max(), lang=lang, decimals=None)))
    return "\n".join(lines)


@fill_doc
def describe_class_counts(counts: pd.DataFrame, *, region: str | None = None,
                          lang: str = "vi") -> str:
    """Markdown stating the targeted numbers of class IV and class V towns by year.

    Parameters
    ----------
    counts : DataFrame
        From :func:`~hy_analysis.analysis.urbanisation.class_counts`.
    region : str, optional
    lang : {"vi", "en"}

    {returns_markdown}
    """
    m = messages(_MESSAGES, lang)
    if counts.empty:
        return m["no_counts"].format(region=md_escape(region or ""))
    lines = []
    for year, group in counts.groupby("year"):
        parts = [m["towns"].format(count=format_number(r["count"], lang=lang),
                                   cls=r["urban_class"]) for _, r in group.iterrows()]
        missing = [c for c in ("IV", "V") if c not in set(group["urban_class"])]
        note = m["no_count_for"].format(classes=", ".join(missing)) if missing else ""
        lines.append(f"- **{year}**: " + ", ".join(parts) + note + ".")
    return "\n".join(lines)


@_tables
def rate_table(targets: pd.DataFrame, *, sources: pd.DataFrame | None = None,
               lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.urbanisation.rate_targets`.

    {returns_frame}
        Territory, year, figure as written, floor, ceiling, where it stands, source; headers
        in ``lang``.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_territory"]: targets["territory"],
        m["col_year"]: targets["year"],
        m["col_raw"]: targets["value_raw"],
        m["col_floor"]: targets["low"],
        m["col_ceiling"]: targets["high"],
        m["col_where"]: [m[s] for s in targets["statement"]],
        m["col_source"]: [source_name(s, sources) for s in targets["source_id"]],
    })


@_tables
def ladder_table(ladder: pd.DataFrame, *, lang: str = "vi") -> pd.DataFrame:
    """The ladder as locality × year, cells like ``II (đạt)`` (a heat-map table's text).

    {returns_frame}
        One row per locality, one column per year; empty when ``ladder`` is.
    """
    m = messages(_MESSAGES, lang)
    scope = SCOPE_LABELS[lang]
    if ladder.empty:
        return pd.DataFrame()
    cells = ladder.assign(text=[f"{c} ({scope[s]})" for c, s in
                                zip(ladder["urban_class"], ladder["scope"])])
    wide = cells.groupby(["locality", "year"], sort=False)["text"].agg("; ".join).unstack()
    wide = wide.reindex(list(dict.fromkeys(ladder["locality"]))).fillna(DASH)
    wide.columns = [str(c) for c in wide.columns]
    wide.index.name = m["col_locality"]
    return wide.reset_index()


@_tables
def class_counts_table(counts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                       lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.urbanisation.class_counts`.

    {returns_frame}
        Year, urban class, number of towns, figure as written, source.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_year"]: counts["year"],
        m["col_class"]: counts["urban_class"],
        m["col_count"]: counts["count"],
        m["col_raw"]: counts["value_raw"],
        m["col_source"]: [source_name(s, sources) for s in counts["source_id"]],
    })
