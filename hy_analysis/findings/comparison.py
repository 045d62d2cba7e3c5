"""Findings of the merged-province comparison: Markdown and reader tables in vi/en.

Each function takes a frame of :mod:`hy_analysis.analysis.comparison` and says what it shows:
which merged territory each province is, what it targets for the plan period, what it
reached in the base year, the growth each target needs, and what a province does not state.
Words come from the message table below; numbers from :mod:`hy_analysis.findings.format`.
"""

from __future__ import annotations

import functools
from typing import Sequence

import pandas as pd

from ..docstrings import frames_from, with_parameters
from ..schema import UNIT_LABELS
from ..vocabulary import country_label
from .common import (basis_label, finding, md_escape, messages, source_language, source_name,
                     sources_text)
from .format import (format_amount, format_number, format_period, format_range, missing,
                     quoted_figure)

# The reader tables' Parameters, from their signatures: what each table reads.
_tables = with_parameters(**frames_from(
    targets="hy_analysis.analysis.comparison.plan_targets",
    base="hy_analysis.analysis.comparison.base_figures",
    needed="hy_analysis.analysis.comparison.needed_growth"))

__all__ = ["describe_territories", "describe_targets", "targets_table", "describe_results",
           "results_table", "describe_needed", "needed_table", "needed_chart_data",
           "describe_coverage"]

#: The words, in hy_analysis/assets/messages/findings-comparison.csv (vi and en side by side).
_MESSAGES = "findings-comparison"
#: What this module's findings take, each parameter described once (their docstrings'
#: Parameters, written from the signatures by :func:`~hy_analysis.findings.common.finding`).
_PARAMETERS = {
    "territories": "DataFrame\n    From "
                   ":func:`hy_analysis.analysis.comparison.province_territories`.",
    "plan": "(int, int)\n    First and last year of the plan.",
    "year": "int\n    The base year (the results the plan starts from).",
    "targets": "DataFrame\n    From :func:`hy_analysis.analysis.comparison.plan_targets`.",
    "provinces": "sequence of str\n    Provinces after the 2025 merger, in the order shown.",
    "sources": "DataFrame, optional\n    Their ``language`` writes a figure quoted from an "
               "English source in a Vietnamese reader's format (and the reverse), the original "
               "noted.",
    "base": "DataFrame\n    From :func:`hy_analysis.analysis.comparison.base_figures`.",
    "needed": "DataFrame\n    From :func:`hy_analysis.analysis.comparison.needed_growth`.",
    "coverage": "DataFrame\n    From :func:`hy_analysis.analysis.comparison.coverage`.",
}
_finding = functools.partial(finding, _MESSAGES, **_PARAMETERS)


def _name(row, lang: str) -> str:
    return md_escape(getattr(row, f"indicator_{lang}") or row.indicator)


def _unit(unit: str, lang: str) -> str:
    return UNIT_LABELS[lang].get(unit, unit)


def _with_unit(row, lang: str) -> str:
    """The indicator's name with its unit when the unit is not a percentage."""
    name = _name(row, lang)
    return name if row.unit == "percent" else f"{name} ({_unit(row.unit, lang)})"


def _plan(plan: tuple[int, int]) -> str:
    return format_period(*plan)


def _list(items: Sequence[str], m: dict) -> str:
    items = list(items)
    return ", ".join(items[:-1]) + m["and"] + items[-1] if len(items) > 1 else "".join(items)


# --------------------------------------------------------------------------- territories

@_finding()
def describe_territories(territories: pd.DataFrame, *, plan: tuple[int, int] = (2026, 2030),
                         year: int = 2025, lang: str = "vi") -> str:
    """Which merged territory each province is, or that the dataset has none yet."""
    m = messages(_MESSAGES, lang)
    lines = [m["territories_head"], ""]
    for row in territories.itertuples():
        province = md_escape(row.province)
        if row.territory:
            lines.append(m["merged"].format(
                province=province, territory=md_escape(row.territory),
                parts=_list([f"*{md_escape(p)}*" for p in row.parts], m)))
            continue
        line = m["no_merged"].format(province=province, plan=_plan(plan), year=year)
        if row.known_parts:
            line += m["known_parts"].format(
                parts=_list([f"*{md_escape(p)}*" for p in row.known_parts], m))
        lines.append(line)
    return "\n".join(lines)


# --------------------------------------------------------------------------- targets

def _quoted(raw, source_id, sources: pd.DataFrame | None, lang: str):
    """A figure as its source wrote it, its numbers in the reader's format (original noted)."""
    return quoted_figure(raw, source_lang=source_language(source_id, sources), lang=lang)


def _target_text(row, lang: str, sources: pd.DataFrame | None = None) -> str:
    raw = _quoted(row.value_raw, row.source_id, sources, lang)
    return f"{md_escape(raw)} ({format_period(row.period_start, row.period_end)})"


@_finding()
def describe_targets(targets: pd.DataFrame, *, provinces: Sequence[str],
                     plan: tuple[int, int] = (2026, 2030), sources: pd.DataFrame | None = None,
                     lang: str = "vi") -> str:
    """How many plan targets each province states, and those every province states."""
    m = messages(_MESSAGES, lang)
    lines = [m["targets_head"].format(plan=_plan(plan)), ""]
    for province in provinces:
        n = int((targets["province"] == province).sum())
        key = "targets_count" if n else "targets_none"
        lines.append(m[key].format(province=md_escape(province), n=n, plan=_plan(plan)))
    shared = []
    for _, group in targets.groupby(["indicator", "unit", "measure"], sort=False):
        if set(provinces) <= set(group["province"]) and len(provinces) > 1:
            values = "; ".join(
                f"**{md_escape(p)}** " + ", ".join(_target_text(r, lang, sources) for r in
                                                  group[group["province"] == p].itertuples())
                for p in provinces)
            shared.append(m["both_line"].format(
                indicator=_with_unit(next(group.itertuples()), lang), values=values))
    if len(provinces) > 1:
        lines += ["", m["both_head"], "", *shared] if shared else ["", m["none_both"]]
    return "\n".join(lines)


@_tables
def targets_table(targets: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                  lang: str = "vi") -> pd.DataFrame:
    """Reader table of the plan targets: province, indicator, unit, period, figure, source.

    {returns_frame}
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_province"]: targets["province"],
        m["col_indicator"]: targets[f"indicator_{lang}"],
        m["col_unit"]: [_unit(u, lang) for u in targets["unit"]],
        m["col_period"]: [format_period(a, b) for a, b in
                          zip(targets["period_start"], targets["period_end"])],
        m["col_target"]: [_quoted(raw, ids, sources, lang)
                          for raw, ids in zip(targets["value_raw"], targets["source_id"])],
        m["col_source"]: ["; ".join(source_name(s, sources) for s in str(ids).split("; "))
                          for ids in targets["source_id"]],
    })


# --------------------------------------------------------------------------- results

@_finding()
def describe_results(base: pd.DataFrame, *, provinces: Sequence[str], year: int = 2025,
                     lang: str = "vi") -> str:
    """How many base-year figures each province has, computed sums and estimates counted."""
    m = messages(_MESSAGES, lang)
    lines = [m["results_head"].format(year=year), ""]
    for province in provinces:
        own = base[base["province"] == province]
        if own.empty:
            lines.append(m["results_none"].format(province=md_escape(province), year=year))
            continue
        derived, estimate = int(own["derived"].sum()), int(own["estimate"].sum())
        lines.append(m["results_count"].format(
            province=md_escape(province), n=len(own),
            derived=m["results_derived"].format(n=derived) if derived else "",
            estimate=m["results_estimate"].format(n=estimate) if estimate else ""))
    return "\n".join(lines)


def _figure(value: float, unit: str, lang: str) -> str:
    return format_amount(value, unit, lang=lang)


@_tables
def results_table(base: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                  lang: str = "vi") -> pd.DataFrame:
    """Reader table of the base-year results, computed sums and estimates marked.

    {returns_frame}
        Province, indicator, unit, investor country (FDI by country), period, figure as written (the computed value for a sum),
        value in the reader's format, estimate, computed sum, other figures, sources.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_province"]: base["province"],
        m["col_indicator"]: base[f"indicator_{lang}"],
        m["col_unit"]: [_unit(u, lang) for u in base["unit"]],
        m["col_breakdown"]: [country_label(b, lang=lang) if b else ""
                             for b in base["breakdown"]],
        m["col_period"]: [format_period(a, b) for a, b in
                          zip(base["period_start"], base["period_end"])],
        m["col_figure"]: [_quoted(raw, ids, sources, lang) if raw else f"({m['computed']})"
                          for raw, ids in zip(base["value_raw"], base["source_id"])],
        m["col_value"]: [_figure(v, u, lang) for v, u in zip(base["value"], base["unit"])],
        m["col_estimate"]: [m["yes"] if e else "" for e in base["estimate"]],
        m["col_derived"]: [m["yes"] if d else "" for d in base["derived"]],
        m["col_others"]: base["others"],
        m["col_source"]: ["; ".join(source_name(s, sources) for s in str(ids).split("; "))
                          for ids in base["source_id"]],
    })


# --------------------------------------------------------------------------- growth needed

def _flags(row, m: dict) -> str:
    return (m["estimate"] if row.base_estimate else "") + (m["derived"] if row.base_derived
                                                           else "")


def _need(row, lang: str) -> str:
    return format_range(row.required_low, row.required_high, lang=lang, decimals=1)


@_finding(sources="DataFrame, optional\n    To name the documents after each target.")
def describe_needed(needed: pd.DataFrame, *, plan: tuple[int, int] = (2026, 2030),
                    year: int = 2025, sources: pd.DataFrame | None = None,
                    lang: str = "vi") -> str:
    """One line per plan target: the growth or change it needs from the base year."""
    m = messages(_MESSAGES, lang)
    if needed.empty:
        return m["needed_none"].format(plan=_plan(plan))
    lines = [m["needed_head"].format(plan=_plan(plan), year=year), ""]
    for row in needed.itertuples():
        fields = dict(
            province=md_escape(row.province), indicator=_with_unit(row, lang),
            end=row.period_end, period=format_period(row.period_start, row.period_end),
            target=f"{md_escape(_quoted(row.target_raw, row.target_source, sources, lang))} "
                   f"({sources_text([row.target_source], sources)})",
            base_year=row.base_year, years=row.years, flags=_flags(row, m),
            base_period=row.base_period)
        if row.method == "compound":
            line = m["compound"].format(base=_figure(row.base_value, row.unit, lang),
                                        need=_need(row, lang), **fields)
            if row.required_low < 0:
                line += m["compound_falls"].format(base_year=row.base_year)
        elif row.method == "points":
            line = m["points"].format(
                base=_figure(row.base_value, row.unit, lang),
                change=format_range(row.change_low, row.change_high, lang=lang, decimals=1),
                **fields)
        elif row.method == "rate":
            key = "rate" if not missing(row.base_value) else "rate_no_base"
            line = m[key].format(
                need=_need(row, lang), base=format_number(row.base_value, lang=lang, decimals=2),
                change=_signed_range(row.change_low, row.change_high, lang), **fields)
            if row.years_reported:
                line += m["rate_reported"].format(n=row.years_reported)
        elif row.method == "not_comparable":
            line = m["not_comparable"].format(
                base=_figure(row.base_value, row.unit, lang),
                target_basis=md_escape(basis_label(row.target_basis, lang)),
                base_basis=md_escape(basis_label(row.base_basis, lang)), **fields)
        elif row.method == "total":
            span = row.period_end - row.period_start + 1
            line = m["total"].format(per_year=_figure(row.target_low / span, row.unit, lang),
                                     **fields)
        else:
            line = m["no_base"].format(**fields)
        lines.append(line)
    return "\n".join(lines)


def _signed_range(low: float, high: float, lang: str) -> str:
    text = format_range(low, high, lang=lang, decimals=2)
    return text if text.startswith("-") or text.startswith("−") else "+" + text


def _needed_cell(row, m: dict, lang: str) -> str:
    if row.method in ("compound", "rate"):
        return f"{_need(row, lang)} {m['per_year']}"
    if row.method == "points":
        return f"{format_range(row.change_low, row.change_high, lang=lang)} {m['pp']}"
    return m[f"m_{row.method}"]


@_tables
def needed_table(needed: pd.DataFrame, *, provinces: Sequence[str],
                 sources: pd.DataFrame | None = None, lang: str = "vi") -> pd.DataFrame:
    """The provinces side by side: per indicator, each one's target, base figure and need.

    {returns_frame}
        One row per indicator, unit and measure; for each province three columns (target as
        written with its period, the base figure with its period, and what is needed);
        empty cells where the province states nothing. Several targets of one province
        (documents that differ) share a cell, separated by ``;``.
    """
    m = messages(_MESSAGES, lang)
    # The rows grouped once in plain Python (a filter per province and group costs more).
    groups: dict[tuple, list] = {}
    for r in needed.itertuples(index=False):
        groups.setdefault((r.indicator, r.unit, r.measure), []).append(r)
    rows = []
    for group in groups.values():
        first = group[0]
        record = {m["col_indicator"]: getattr(first, f"indicator_{lang}"),
                  m["col_unit"]: _unit(first.unit, lang)}
        for province in provinces:
            own = [r for r in group if r.province == province]
            base = [r for r in own if r.base_period != ""]
            base_text = f"{_base_cell(base[0], lang)} ({base[0].base_period})" if base else ""
            record[m["t_target"].format(province=province)] = "; ".join(
                f"{_quoted(r.target_raw, r.target_source, sources, lang)} "
                f"({format_period(r.period_start, r.period_end)})"
                for r in own)
            record[m["t_base"].format(province=province, year=first.base_year)] = base_text
            record[m["t_need"].format(province=province)] = "; ".join(
                _needed_cell(r, m, lang) for r in own)
        rows.append(record)
    columns = [m["col_indicator"], m["col_unit"]] + [
        m[key].format(province=p, year=needed["base_year"].iloc[0] if len(needed) else "")
        for p in provinces for key in ("t_target", "t_base", "t_need")]
    return pd.DataFrame.from_records(rows, columns=columns)


def _base_cell(row, lang: str) -> str:
    value = row.base_value
    text = (format_number(value, lang=lang, decimals=2) + " %" if row.method == "rate"
            else _figure(value, row.unit, lang))
    flags = [] if not row.base_derived else [messages(_MESSAGES, lang)["computed"]]
    return text + (f" ({', '.join(flags)})" if flags else "")


def needed_chart_data(needed: pd.DataFrame, *, lang: str = "vi") -> pd.DataFrame:
    """The rows a growth-needed chart draws, with their labels in ``lang``.

    Parameters
    ----------
    needed : DataFrame
        From :func:`hy_analysis.analysis.comparison.needed_growth`.
    lang : {"vi", "en"}

    Returns
    -------
    DataFrame
        Columns ``label`` (indicator, unit and end year), ``province``, ``low``, ``high``
        (%/yr needed; ``high`` NaN for a one-sided target), ``achieved`` (the growth reached in
        the period ending in the base year, rate targets only, else NaN), ``achieved_label``,
        ``source_id`` (the target's and the base's documents) and ``derived`` (the base is a
        computed sum). Only targets with a growth rate (methods ``compound`` and ``rate``).
    """
    m = messages(_MESSAGES, lang)
    rows = needed[needed["method"].isin(["compound", "rate"])]
    records = []
    for row in rows.itertuples():
        label = f"{_with_unit(row, lang)}, {format_period(row.period_start, row.period_end)}"
        rate = row.method == "rate"
        records.append(dict(
            label=label.replace("\\", ""), province=row.province, low=row.required_low,
            high=row.required_high, achieved=row.base_value if rate else float("nan"),
            achieved_label=(f"{row.base_period}: {format_number(row.base_value, lang=lang)} "
                            f"{m['per_year']}" if rate and not missing(row.base_value) else ""),
            source_id="; ".join(s for s in (row.target_source, row.base_source) if s),
            derived=bool(row.base_derived)))
    return pd.DataFrame.from_records(records, columns=[
        "label", "province", "low", "high", "achieved", "achieved_label", "source_id",
        "derived"])


# --------------------------------------------------------------------------- coverage

@_finding()
def describe_coverage(coverage: pd.DataFrame, *, provinces: Sequence[str],
                      plan: tuple[int, int] = (2026, 2030), year: int = 2025,
                      lang: str = "vi") -> str:
    """What each province does not state that another does: targets, then base figures."""
    m = messages(_MESSAGES, lang)
    lines = []
    for province in provinces:
        if coverage.empty or not coverage[province].any():
            lines.append(m["lacks_all"].format(province=md_escape(province)))
            continue
        for what, key in (("target", "lacks_target"), ("base", "lacks_base")):
            lacking = coverage[(coverage["what"] == what) & ~coverage[province]]
            if len(lacking):
                lines.append(m[key].format(
                    province=md_escape(province), plan=_plan(plan), year=year,
                    items=", ".join(_with_unit(r, lang) for r in lacking.itertuples())))
    targeted = set(coverage.loc[coverage["what"] == "target", "indicator"]) \
        if not coverage.empty else set()
    untargeted = coverage[(coverage["what"] == "base")
                          & ~coverage["indicator"].isin(targeted)] if not coverage.empty \
        else coverage
    if len(untargeted):
        lines.append(m["no_one_target"].format(
            plan=_plan(plan), year=year,
            items=", ".join(_with_unit(r, lang) for r in untargeted.itertuples())))
    if not lines:
        return m["coverage_none"]
    return "\n".join([m["coverage_head"], "", *lines])
