"""Findings of the growth analysis: Markdown text in Vietnamese or English.

Each ``describe_*`` function takes a frame computed by :mod:`hy_analysis.analysis.growth` and
states what it shows, so the prose of a notebook is always computed from the data of the run.
Words come from the message table below; numbers from :mod:`hy_analysis.findings.format`.
"""

from __future__ import annotations

import functools
import math

import pandas as pd

from ..docstrings import frames_from, with_parameters
from ..vocabulary import kind_label, sector_name
from .common import cited_columns, finding, md_escape, messages, source_name, sources_text
from .format import (format_money, format_number, format_period, format_periods,
                     format_range)

# The reader tables' Parameters, from their signatures: what each table reads.
_tables = with_parameters(**frames_from(
    figures="hy_analysis.analysis.growth.growth_figures",
    table="hy_analysis.analysis.growth.required_growth"))

__all__ = [
    "describe_growth_targets", "describe_annual_growth", "describe_index_paths",
    "describe_required_growth", "describe_structure_shift", "describe_level_path",
    "growth_targets_table", "required_growth_table",
]

#: The words, in hy_analysis/assets/messages/findings-growth.csv (vi and en side by side).
_MESSAGES = "findings-growth"
#: What this module's findings take, each parameter described once (their docstrings'
#: Parameters, written from the signatures by :func:`~hy_analysis.findings.common.finding`).
_PARAMETERS = {
    "figures": "DataFrame\n    From :func:`~hy_analysis.analysis.growth.growth_figures`.",
    "region": "str\n    Named in the text.",
    "table": "DataFrame\n    From :func:`~hy_analysis.analysis.growth.annual_growth_vs_target`.",
    "paths": "DataFrame\n    From :func:`~hy_analysis.analysis.growth.index_paths`.",
    "start_year": "int\n    The window of the paths (the base year is ``start_year - 1``).",
    "end_year": "int\n    The window of the paths (the base year is ``start_year - 1``).",
    "shift": "DataFrame\n    From :func:`~hy_analysis.analysis.growth.structure_shift`.",
    "base_year": "int\n    The year of the actual shares the shift is measured from.",
    "path": "DataFrame\n    From :func:`~hy_analysis.analysis.growth.level_path`.",
    "steps": "DataFrame\n    From :func:`~hy_analysis.analysis.growth.implied_growth_steps`.",
    "indicator_name": "str, optional\n    Defaults to the indicator's name in ``lang`` taken from "
                      "``path``.",
}
_finding = functools.partial(finding, _MESSAGES, **_PARAMETERS)


def _none(m: dict, what: str, region: str) -> str:
    return m["none_region"].format(what=what, region=md_escape(region))


def _nothing(what: str):
    """The words of a finding for a region without ``what`` (``finding(empty=...)``)."""
    return lambda m, given: _none(m, m[what], given["region"])


@_finding(empty=_nothing("what_targets"))
def describe_growth_targets(figures: pd.DataFrame, *, region: str,
                            sources: pd.DataFrame | None = None, lang: str = "vi") -> str:
    """Findings for :func:`~hy_analysis.analysis.growth.growth_figures` (targets).

    How many targets, for which periods, in which sources.
    """
    m = messages(_MESSAGES, lang)
    lines = [f"- {md_escape(getattr(row, 'indicator_' + lang))}, "
             f"{format_period(row.period_start, row.period_end)}: **{md_escape(row.value_raw)}**"
             f" ({sources_text([row.source_id], sources)})" for row in figures.itertuples()]
    head = m["targets_head"].format(region=md_escape(region), n=len(figures))
    return "\n".join([head, "", *lines])


@_finding(empty=_nothing("what_annual"))
def describe_annual_growth(table: pd.DataFrame, *, region: str, lang: str = "vi") -> str:
    """Findings for :func:`~hy_analysis.analysis.growth.annual_growth_vs_target`.

    Each year's reported growth against that year's target.
    """
    m = messages(_MESSAGES, lang)
    lines = []
    for row in table.itertuples():
        if math.isnan(row.target_low):
            tail = m["no_year_target"]
        else:
            target = format_range(row.target_low, row.target_high, lang=lang, decimals=2)
            key = "above_target" if row.gap_pp > 0 else (
                "below_target" if row.gap_pp < 0 else "within_target")
            tail = m[key].format(target=target, gap=format_number(abs(row.gap_pp), lang=lang,
                                                                  decimals=2))
        name = md_escape(getattr(row, "indicator_" + lang))
        lines.append(f"- {name} {row.year}: "
                     f"**{format_number(row.actual, lang=lang, decimals=2)} %**, {tail}")
    return "\n".join([m["annual_head"].format(region=md_escape(region)), "", *lines])


@_finding()
def describe_index_paths(paths: pd.DataFrame, *, region: str, start_year: int,
                         end_year: int, sources: pd.DataFrame | None = None,
                         lang: str = "vi") -> str:
    """Findings for :func:`~hy_analysis.analysis.growth.index_paths`.

    Where each path ends, relative to the base year; when the paths open later than
    ``start_year`` (no figure before), the reader is told where the data begins.
    """
    m = messages(_MESSAGES, lang)
    rows = list(paths.itertuples(index=False))
    shown = next((r.indicator for r in rows if r.indicator != "scenario"), None)
    if shown is None:
        return _none(m, m["what_paths"], region) + m["only_scenarios"]
    # Each path's rows, grouped once (a panel states dozens of windows).
    groups: dict[tuple, list] = {}
    for r in rows:
        groups.setdefault((r.indicator, r.path), []).append(r)
    lines = []
    for (indicator, _path), group in groups.items():
        first, last = group[0], group[-1]
        up_low, up_high = last.low / first.low * 100 - 100, last.high / first.high * 100 - 100
        kind = first.kind
        rate = md_escape(first.rate_text)
        if kind == "target":
            label = m["path_target"].format(
                rate=rate, cited=sources_text([first.source_id], sources))
        elif kind == "actual":
            label = m["path_actual"].format(yearly=", ".join(
                f"{int(r.year)}: {format_number(r.rate_low, lang=lang, decimals=2)} %"
                for r in group[1:]))
        else:
            if indicator != shown:
                continue  # scenarios are the same in every panel: state them once
            label = m["path_scenario"].format(rate=format_number(float(rate), lang=lang))
        name = md_escape(getattr(first, "indicator_" + lang)) if kind != "scenario" else ""
        lines.append(m["path_line"].format(
            indicator=name, label=label, span=f"{int(first.year)}–{int(last.year)}",
            change=format_range(up_low, up_high, lang=lang, unit=" %")).replace("-  ", "- "))
    # the analysis opens the window at the first figure: the reader is told, not left to
    # find 2021–2030 under a start year of 2018
    asked, start_year = start_year, max(start_year, min(int(r.year) for r in rows) + 1)
    head = m["paths_head"].format(base=start_year - 1, region=md_escape(region),
                                  start=start_year, end=end_year)
    moved = [m["window_moved"].format(asked=asked, region=md_escape(region), start=start_year,
                                      base=start_year - 1), ""] if start_year > asked else []
    return "\n".join([*moved, head, "", *lines])


@_finding(empty=_nothing("what_required"), table="DataFrame\n    From :func:`~hy_analysis.analysis.growth.required_growth`.")
def describe_required_growth(table: pd.DataFrame, *, region: str,
                             sources: pd.DataFrame | None = None, lang: str = "vi") -> str:
    """Findings for :func:`~hy_analysis.analysis.growth.required_growth`."""
    m = messages(_MESSAGES, lang)
    lines = []
    for row in table.itertuples():
        target = format_range(row.target_low, row.target_high, lang=lang, unit=" %")
        achieved = format_number(row.achieved_avg, lang=lang, decimals=2)
        head = (f"- {md_escape(getattr(row, 'indicator_' + lang))} "
                f"{row.period_start}–{row.period_end} "
                f"({md_escape(row.value_raw)}, {sources_text([row.source_id], sources)}): ")
        if not row.actual_years:
            tail = m["required_none"].format(target=target)
        elif row.years_left == 0:
            tail = m["required_done"].format(achieved=achieved)
        else:
            tail = m["required_left"].format(
                years=row.actual_years, achieved=achieved, left=row.years_left,
                need=format_range(row.required_low, row.required_high, lang=lang, unit=" %"))
        lines.append(head + tail)
    return "\n".join([m["required_head"].format(region=md_escape(region)), "", *lines])


@_finding(empty=_nothing("what_structure"))
def describe_structure_shift(shift: pd.DataFrame, *, region: str, base_year: int = 2020,
                             sources: pd.DataFrame | None = None, lang: str = "vi") -> str:
    """Findings for :func:`~hy_analysis.analysis.growth.structure_shift`.

    Shifts in points from the base year, and where sources disagree.
    """
    m = messages(_MESSAGES, lang)

    def share(value) -> str:
        return f"{format_number(value, lang=lang, decimals=2)} %"

    lines = []
    base = shift[(shift["year"] == base_year) & (shift["kind"] == "actual") & ~shift["merged"]]
    if base.empty:
        lines.append(m["no_base"].format(year=base_year))
    else:
        lines.append(m["base_line"].format(year=base_year, parts=", ".join(
            f"{sector_name(r.sector, lang)} {share(r.share)}"
            for r in base.itertuples() if r.sector != "not_stated")))
    later = shift[(shift["year"] > base_year) & (shift["sector"] != "not_stated")]
    for _column, group in later.groupby("column", sort=False):
        row0 = group.iloc[0]
        if row0["merged"]:
            continue
        parts = []
        for r in group.itertuples():
            moved = "" if math.isnan(r.shift_pp) else m["shift"].format(
                sign="+" if r.shift_pp >= 0 else "−",
                pp=format_number(abs(r.shift_pp), lang=lang, decimals=2))
            parts.append(f"{sector_name(r.sector, lang)} {share(r.share)}{moved}")
        lines.append(f"- {row0['year']} {kind_label(row0['kind'], lang)} "
                     f"({sources_text([row0['source_id']], sources)}): " + ", ".join(parts))
    ic = later[(later["sector"] == "industry_construction_share") & (later["kind"] == "target")
               & ~later["merged"]]
    for year, group in ic.groupby("year"):
        if group["share"].nunique() > 1:
            values = " vs ".join(f"{share(r.share)} ({sources_text([r.source_id], sources)})"
                                 for r in group.itertuples())
            lines.append(f"- **{m['disagree']} {year}**: " + values)
    if shift["merged"].any():
        years = ", ".join(map(str, sorted(set(shift.loc[shift["merged"], "year"]))))
        lines.append(m["merged_shares"].format(years=years))
    head = m["structure_head"].format(region=md_escape(region), base_year=base_year)
    return "\n".join([head, "", *lines])


@_finding()
def describe_level_path(path: pd.DataFrame, steps: pd.DataFrame, *, region: str,
                        indicator_name: str = "", sources: pd.DataFrame | None = None,
                        lang: str = "vi") -> str:
    """Findings for :func:`~hy_analysis.analysis.growth.level_path` and its implied growth."""
    m = messages(_MESSAGES, lang)
    if not indicator_name:
        indicator_name = (path[f"indicator_{lang}"].iloc[0] if not path.empty
                          else path.attrs.get(f"indicator_{lang}", "") or m["figures"])
    if path.empty:
        return _none(m, md_escape(indicator_name), region)
    lines = []
    for row in path.itertuples():
        # Dollars in billions keep two decimals (8,56 tỷ USD); dong are whole billions.
        money = format_money(row.value, row.unit, lang=lang,
                             decimals=2 if row.unit == "USD" and row.value >= 1e9 else 0)
        lines.append(f"- {row.year} {kind_label(row.kind, lang)}: {md_escape(row.value_raw)} "
                     f"(≈ {money}; {sources_text([row.source_id], sources)})"
                     + (m["merged_point"] if row.merged else ""))
    lines += [m["implied"].format(a=row.from_year, b=row.to_year,
                                  rate=format_number(row.growth_pct, lang=lang, decimals=1))
              for row in steps.itertuples()]
    return "\n".join([f"**{md_escape(indicator_name)}** — {md_escape(region)}:", "", *lines])


@_tables
def growth_targets_table(figures: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                         lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.growth.growth_figures`.

    {returns_frame}
        Territory, indicator, kind, period, figure as written, source, where in the source;
        headers and words in ``lang``.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_territory"]: figures["territory"],
        m["col_indicator"]: figures[f"indicator_{lang}"],
        m["col_kind"]: [kind_label(k, lang) for k in figures["kind"]],
        m["col_period"]: format_periods(figures),
        m["col_raw"]: figures["value_raw"],
        **cited_columns(figures, sources, m, lang=lang),
    })


@_tables
def required_growth_table(table: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                          lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.growth.required_growth`.

    {returns_frame}
        Indicator, period, target as written, source, years reported, achieved average,
        years left and the growth needed (low and high bound), rounded to 2 decimals.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_indicator"]: table[f"indicator_{lang}"],
        m["col_period"]: format_periods(table),
        m["col_target"]: table["value_raw"],
        m["col_source"]: [source_name(s, sources) for s in table["source_id"]],
        m["col_reported"]: table["actual_years"],
        m["col_achieved"]: table["achieved_avg"].round(2),
        m["col_left"]: table["years_left"],
        m["col_need_low"]: table["required_low"].round(2),
        m["col_need_high"]: table["required_high"].round(2),
    })
