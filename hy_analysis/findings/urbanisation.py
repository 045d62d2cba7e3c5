"""Findings of the urbanisation analysis: Markdown text and reader tables (vi/en).

Each function takes a frame computed by :mod:`hy_analysis.analysis.urbanisation`. Words come
from the message table below; numbers from :mod:`hy_analysis.findings.format`.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from ..docstrings import frames_from, with_parameters
from ..territories import RegionMap
from ..vocabulary import SCOPE_LABELS
from .common import finding, md_escape, messages, source_name
from .format import DASH, format_number, format_range

# The reader tables' Parameters, from their signatures: what each table reads.
_tables = with_parameters(**frames_from(
    targets="hy_analysis.analysis.urbanisation.rate_targets",
    ladder="hy_analysis.analysis.urbanisation.urban_class_ladder",
    counts="hy_analysis.analysis.urbanisation.class_counts"))

__all__ = [
    "describe_rate_targets", "describe_revised_targets", "describe_pp_per_year",
    "describe_baseline",
    "describe_class_ladder", "describe_class_counts", "rate_table", "ladder_table",
    "class_counts_table",
]

#: The words, in hy_analysis/assets/messages/findings-urbanisation.csv (vi and en side by side).
_MESSAGES = "findings-urbanisation"
#: What this module's findings take, each parameter described once (their docstrings'
#: Parameters, written from the signatures by :func:`~hy_analysis.findings.common.finding`).
_PARAMETERS = {
    "targets": "DataFrame\n    From :func:`~hy_analysis.analysis.urbanisation.rate_targets`.",
    "region_map": "RegionMap\n    From :func:`hy_analysis.loading.load_region_map`: which "
                  "territories the 2025 merger formed (their figures are never joined with the "
                  "earlier provinces').",
    "measured": "DataFrame, optional\n    From "
                ":func:`~hy_analysis.analysis.urbanisation.measured_rates`; when empty the text "
                "says the baseline must be supplied.",
    "region": "str, optional\n    Named in the text when the data has no rate target for it.",
    "revised": "DataFrame\n    The two frames of "
               ":func:`~hy_analysis.analysis.urbanisation.split_merger`.",
    "path": "DataFrame\n    The two frames of "
            ":func:`~hy_analysis.analysis.urbanisation.split_merger`.",
    "steps": "DataFrame\n    From :func:`~hy_analysis.analysis.urbanisation.pp_per_year`.",
    "baseline_year": "int, float or None\n    The year of a measured rate the user supplies (with "
                     "``baseline_rate``).",
    "baseline_rate": "int, float or None\n    The measured rate (%) of ``baseline_year``.",
    "changes": "DataFrame\n    From :func:`~hy_analysis.analysis.urbanisation.class_changes`.",
    "ladder": "DataFrame\n    From :func:`~hy_analysis.analysis.urbanisation.urban_class_ladder` "
              "(for partial, district-centre statements).",
    "counts": "DataFrame\n    From :func:`~hy_analysis.analysis.urbanisation.class_counts`.",
}
_finding = functools.partial(finding, _MESSAGES, **_PARAMETERS)


def _pct(value: float, lang: str) -> str:
    return f"{format_number(value, lang=lang)} %"


def _pp(value: float, m: dict, lang: str) -> str:
    return m["pp"].format(value=format_number(value, lang=lang, decimals=2))


@_finding(empty="no_rates")
def describe_rate_targets(targets: pd.DataFrame, *, region_map: RegionMap,
                          measured: pd.DataFrame | None = None, region: str | None = None,
                          sources: pd.DataFrame | None = None, lang: str = "vi") -> str:
    """Markdown listing the rate targets by territory and year; says no measured rate exists."""
    m = messages(_MESSAGES, lang)
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


@_finding()
def describe_revised_targets(revised: pd.DataFrame, path: pd.DataFrame, *,
                             sources: pd.DataFrame | None = None, lang: str = "vi") -> str:
    """Markdown setting the merged province's targets beside the earlier path, apart from it.

    {returns_markdown}
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


@_finding(empty="need_two_years")
def describe_pp_per_year(steps: pd.DataFrame, *, lang: str = "vi") -> str:
    """Markdown stating the percentage points per year between consecutive target years."""
    m = messages(_MESSAGES, lang)
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


@_finding(steps="DataFrame or None\n    From "
                ":func:`~hy_analysis.analysis.urbanisation.pp_from_baseline` (None when no "
                "baseline was given).")
def describe_baseline(steps: pd.DataFrame | None, *, baseline_year: int | None,
                      baseline_rate: float | None, lang: str = "vi") -> str:
    """Markdown on the pace needed from the user's baseline, or why there is none."""
    m = messages(_MESSAGES, lang)
    if baseline_year is None or baseline_rate is None or steps is None:
        return m["no_baseline"]
    head = m["baseline_head"].format(rate=_pct(baseline_rate, lang), year=baseline_year)
    if steps.empty:
        return head + m["no_later_year"]
    lines = [head]
    for s in steps.to_dict("records"):
        high = "" if np.isnan(s["pp_high"]) else m["to_ceiling"].format(
            ceiling=_pct(s["to_high"], lang), pp=_pp(s["pp_high"], m, lang)) \
            + (m["ceiling_passed"] if s["met_high"] else "")
        lines.append(m["from_baseline"].format(
            year=s["to_year"], years=s["years"], floor=_pct(s["to_low"], lang),
            pp=_pp(s["pp_low"], m, lang)) + (m["floor_met"] if s["met_low"] else "")
            + high + ".")
    return "\n".join(lines)


@_finding(empty="no_ladder")
def describe_class_ladder(changes: pd.DataFrame, ladder: pd.DataFrame, *,
                          region: str | None = None, lang: str = "vi") -> str:
    """Markdown describing each locality's climb on the urban-class ladder."""
    m = messages(_MESSAGES, lang)
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


@_finding(empty="no_counts")
def describe_class_counts(counts: pd.DataFrame, *, region: str | None = None,
                          lang: str = "vi") -> str:
    """Markdown stating the targeted numbers of class IV and class V towns by year."""
    m = messages(_MESSAGES, lang)
    lines = []
    for year, group in counts.groupby("year"):
        parts = [m["towns"].format(count=format_number(r["count"], lang=lang),
                                   cls=r["urban_class"]) for _, r in group.iterrows()]
        missing = [c for c in ("IV", "V") if c not in set(group["urban_class"])]
        note = m["no_count_for"].format(classes=", ".join(missing)) if missing else ""
        lines.append(f"- **{year}**: " + ", ".join(parts) + note + ".")
    return "\n".join(lines)


def _reader_table(frame: pd.DataFrame, m, sources, columns: dict) -> pd.DataFrame:
    """``frame`` as a reader table: header message key -> a column's name or the values.

    The ``source_id`` column is written as the sources' names.
    """
    return pd.DataFrame({
        m[key]: ([source_name(s, sources) for s in frame[column]] if column == "source_id"
                 else frame[column]) if isinstance(column, str) else column
        for key, column in columns.items()})


@_tables
def rate_table(targets: pd.DataFrame, *, sources: pd.DataFrame | None = None,
               lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.urbanisation.rate_targets`.

    {returns_frame}
        Territory, year, figure as written, floor, ceiling, where it stands, source; headers
        in ``lang``.
    """
    m = messages(_MESSAGES, lang)
    return _reader_table(targets, m, sources, {
        "col_territory": "territory", "col_year": "year", "col_raw": "value_raw",
        "col_floor": "low", "col_ceiling": "high",
        "col_where": [m[s] for s in targets["statement"]], "col_source": "source_id"})


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
    return _reader_table(counts, messages(_MESSAGES, lang), sources, {
        "col_year": "year", "col_class": "urban_class", "col_count": "count",
        "col_raw": "value_raw", "col_source": "source_id"})
