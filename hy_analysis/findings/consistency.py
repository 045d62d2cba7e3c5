"""Findings of the consistency checks: Markdown text in Vietnamese or English.

Each ``describe_*`` function states what a frame of :mod:`hy_analysis.analysis.consistency`
shows. Words come from the message table below; numbers from
:mod:`hy_analysis.findings.format`.
"""

from __future__ import annotations

import functools
from typing import Sequence

import pandas as pd

from ..docstrings import frames_from, with_parameters
from ..schema import UNIT_LABELS
from ..vocabulary import (SECTOR_SHARES, country_label, kind_label, sector_name,
                          territory_label)
from .common import (cited_columns, finding, md_escape, messages, source_language, source_names,
                     sources_text)
from .format import (format_amount, format_as_of, format_number, format_period, format_periods,
                     quoted_figure)

# The reader tables' Parameters, from their signatures: what each table reads.
_tables = with_parameters(**frames_from(
    figures="hy_analysis.analysis.consistency.figures_list",
    conflicts="hy_analysis.analysis.consistency.find_conflicts",
    shares="hy_analysis.analysis.consistency.check_share_sums",
    revisions="hy_analysis.analysis.consistency.revised_with_merger",
    totals="hy_analysis.analysis.consistency.implied_totals",
    found="hy_analysis.analysis.consistency.levels_vs_growth"))

__all__ = ["describe_levels_vs_growth", "levels_vs_growth_table", "describe_figures", "describe_conflicts", "describe_share_sums",
           "describe_implied_vs_stated", "figures_table", "conflicts_table", "share_sums_table",
           "describe_revised_with_merger", "revised_with_merger_table",
           "describe_implied_totals", "implied_totals_table", "conflict_lines",
           "revision_lines", "implied_total_lines"]

#: The words, in hy_analysis/assets/messages/findings-consistency.csv (vi and en side by side).
_MESSAGES = "findings-consistency"
#: What this module's findings take, each parameter described once (their docstrings'
#: Parameters, written from the signatures by :func:`~hy_analysis.findings.common.finding`).
_PARAMETERS = {
    "counts": "DataFrame\n    From :func:`~hy_analysis.analysis.consistency.count_figures`.",
    "conflicts": "DataFrame\n    From :func:`~hy_analysis.analysis.consistency.find_conflicts`.",
    "shares": "DataFrame\n    From :func:`~hy_analysis.analysis.consistency.check_share_sums`.",
    "tolerance": "float\n    The allowed difference from 100, in points (stated in the text).",
    "implied": "DataFrame\n    From :func:`~hy_analysis.analysis.consistency.implied_vs_stated`.",
    "threshold": "float\n    Points beyond which a difference is flagged (stated in the text).",
    "revisions": "DataFrame\n    From "
                 ":func:`~hy_analysis.analysis.consistency.revised_with_merger`.",
    "totals": "DataFrame\n    From :func:`~hy_analysis.analysis.consistency.implied_totals`.",
}
_finding = functools.partial(finding, _MESSAGES, **_PARAMETERS)


def _territories(values: pd.Series, lang: str) -> list[str]:
    return [territory_label(t, lang=lang) for t in values]


def _source_lang(source_id: str, sources: pd.DataFrame | None) -> str | None:
    return source_language(source_id, sources)


def _src(source: str, sources: pd.DataFrame | None = None) -> str:
    """The sources of a figure named for readers (their ids, marked as code, without
    ``sources``)."""
    return sources_text([source], sources)


def _quoted(value: str, source_id: str, sources: pd.DataFrame | None, lang: str) -> str:
    """A figure as its source wrote it, in the reader's number format (original noted)."""
    return quoted_figure(value, source_lang=_source_lang(source_id, sources), lang=lang)


@_finding(empty="no_figures")
def describe_figures(counts: pd.DataFrame, *, lang: str = "vi") -> str:
    """Findings for :func:`~hy_analysis.analysis.consistency.count_figures`.

    How many figures per region and kind (the merged province marked).
    """
    m = messages(_MESSAGES, lang)
    lines = []
    for region, group in counts.groupby("region", sort=False):
        parts = [f"{int(r.figures)} {kind_label(r.kind, lang)}"
                 + (m["merged_tag"] if r.merged else "")
                 for r in group.itertuples()]
        lines.append(f"- **{md_escape(region)}**: " + ", ".join(parts))
    head = m["figures_head"].format(total=int(counts["figures"].sum()))
    return "\n".join([head, "", *lines])


def _lines(**own: str):
    """Decorator of a ``*_lines`` function: Parameters from its signature, and its Returns."""
    def decorate(func):
        func.__doc__ = func.__doc__.rstrip() + (
            "\n\n    Returns\n    -------\n    list of str\n        Markdown, one per row.\n    ")
        return with_parameters(**own)(func)
    return decorate


def _lines_option(name: str) -> str:
    return (f"list of str, optional\n    Each row's line as :func:`{name}` writes it (written "
            "once for a larger frame, each selection keeping its rows' lines); default: "
            "written here.")


@_lines(conflicts="DataFrame\n    From :func:`~hy_analysis.analysis.consistency.find_conflicts`.")
def conflict_lines(conflicts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                   lang: str = "vi") -> list[str]:
    """The line of each row of :func:`~hy_analysis.analysis.consistency.find_conflicts` in
    :func:`describe_conflicts` (empty for a pair that agrees).
    """
    m = messages(_MESSAGES, lang)
    lines = []
    for r in conflicts.itertuples():
        if r.status == "agree":
            lines.append("")
            continue
        gap = ""
        if r.status == "conflict":
            # Money in billions with its reader's words (2.150 tỷ đồng, not
            # 2.150.000.000.000,00 VND); points of a percentage as pp.
            gap = m["gap"].format(gap=format_number(r.gap, lang=lang, decimals=2) + m["pp"]
                                  if r.unit == "percent" else md_escape(_amount(r.gap, r.unit,
                                                                                lang)))
        name = md_escape(getattr(r, "indicator_" + lang) or r.indicator)
        lines.append(f"- **{m[r.status]}** — {md_escape(r.region)}, {name}, "
                     f"{format_period(r.period_start, r.period_end)} ({kind_label(r.kind, lang)}): "
                     f"{md_escape(_quoted(r.value_a, r.source_a, sources, lang))} "
                     f"({_src(r.source_a, sources)}) {m['versus_word']} "
                     f"{md_escape(_quoted(r.value_b, r.source_b, sources, lang))} "
                     f"({_src(r.source_b, sources)}){gap}")
    return lines


@_finding(lines=_lines_option("conflict_lines"))
def describe_conflicts(conflicts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                       lang: str = "vi", lines: Sequence[str] | None = None) -> str:
    """Findings for :func:`~hy_analysis.analysis.consistency.find_conflicts`.

    Each disagreement with both sources, and the rule that reads figures as intervals.
    """
    m = messages(_MESSAGES, lang)
    head = m["conflicts_head"].format(conflicts=int((conflicts["status"] == "conflict").sum()),
                                      compatible=int((conflicts["status"] == "compatible").sum()))
    if lines is None:
        lines = conflict_lines(conflicts, sources=sources, lang=lang)
    return "\n".join([head, "", *(line for line in lines if line), "", m["rule"]])


@_finding(empty="no_shares")
def describe_share_sums(shares: pd.DataFrame, *, tolerance: float = 0.1,
                        sources: pd.DataFrame | None = None,
                        lang: str = "vi") -> str:
    """Findings for :func:`~hy_analysis.analysis.consistency.check_share_sums`.

    Each set of sector shares with its total and outcome, and how many do not add up to 100
    within ``tolerance``.
    """
    m = messages(_MESSAGES, lang)
    lines = []
    for r in shares.itertuples():
        text = m[f"share_{r.status}"].format(
            total=format_number(r.total, lang=lang, decimals=2), n=r.n_stated,
            off=format_number(r.total - 100, lang=lang, decimals=2))
        lines.append(f"- {md_escape(r.region)} {r.year} {kind_label(r.kind, lang)} "
                     f"({_src(r.source_id, sources)}): {text}")
    head = m["shares_head"].format(tolerance=format_number(tolerance, lang=lang),
                                   n=int(shares["status"].isin(["off", "ambiguous"]).sum()))
    return "\n".join([head, "", *lines])


@_finding(empty="no_pairs")
def describe_implied_vs_stated(implied: pd.DataFrame, *, threshold: float = 2.0,
                               sources: pd.DataFrame | None = None,
                               lang: str = "vi") -> str:
    """Findings for :func:`~hy_analysis.analysis.consistency.implied_vs_stated`.

    The growth each pair of level targets implies, beside the stated growth target and
    flagged beyond ``threshold``.
    """
    m = messages(_MESSAGES, lang)
    lines = []
    for r in implied.itertuples():
        head = (f"- {md_escape(r.region)}, {md_escape(getattr(r, 'level_name_' + lang))} "
                f"{r.from_year}→{r.to_year} ({md_escape(r.from_raw)} → {md_escape(r.to_raw)}, "
                f"{_src(r.level_sources, sources)}): "
                + m["implies"].format(rate=format_number(r.implied_pct, lang=lang, decimals=1)))
        if not r.stated_raw:
            lines.append(head + m["nothing_stated"])
            continue
        diff = format_number(abs(r.difference_pp), lang=lang, decimals=1)
        verdict = m["more" if r.difference_pp > 0 else "less"].format(diff=diff) + (
            m["over_threshold"] if r.flagged else "")
        lines.append(head + m["versus"].format(
            name=md_escape(getattr(r, "growth_name_" + lang)), raw=md_escape(r.stated_raw),
            period=format_period(r.stated_start, r.stated_end),
            source=_src(r.stated_source, sources),
            verdict=verdict))
    if ((implied["level_indicator"] == "industrial_output_value")
            & (implied["growth_indicator"] == "industry_grdp_growth")).any():
        lines += ["", m["gross_note"]]
    title = m["implied_head"].format(threshold=format_number(threshold, lang=lang))
    return "\n".join([title, "", *lines])


@_tables
def figures_table(figures: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                  lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.consistency.figures_list`.

    {returns_frame}
        Region, territory, indicator, kind, period, figure as written, bounds, unit, source
        and where in the source; headers and words in ``lang``.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_region"]: figures["region"],
        m["col_territory"]: _territories(figures["territory"], lang),
        m["col_indicator"]: figures[f"indicator_{lang}"].where(
            figures[f"indicator_{lang}"].astype(str) != "", figures["indicator"]),
        m["col_kind"]: [kind_label(k, lang) for k in figures["kind"]],
        m["col_period"]: format_periods(figures),
        m["col_raw"]: [quoted_figure(v, source_lang=_source_lang(s, sources), lang=lang)
                       for v, s in zip(figures["value_raw"], figures["source_id"])],
        m["col_low"]: figures["low"],
        m["col_high"]: figures["high"],
        m["col_unit"]: [UNIT_LABELS[lang].get(u, u) for u in figures["unit"]],
        **cited_columns(figures, sources, m, lang=lang),
    })


@_tables
def conflicts_table(conflicts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                    lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.consistency.find_conflicts`.

    {returns_frame}
        Outcome, region, indicator, period, kind, both figures with their sources, gap.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_status"]: [m[s] for s in conflicts["status"]],
        m["col_region"]: conflicts["region"],
        m["col_indicator"]: conflicts[f"indicator_{lang}"],
        m["col_period"]: format_periods(conflicts),
        m["col_kind"]: [kind_label(k, lang) for k in conflicts["kind"]],
        **{m[f"col_{key}_{side}"]: ([_quoted(v, s, sources, lang) for v, s in
                                    zip(conflicts[f"value_{side}"], conflicts[f"source_{side}"])]
                                   if key == "figure" else
                                   [source_names(s, sources) for s in conflicts[f"source_{side}"]])
           for side in "ab" for key in ("figure", "source")},
        m["col_gap"]: conflicts["gap"].round(2),
    })


@_tables
def share_sums_table(shares: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                     lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.consistency.check_share_sums`.

    {returns_frame}
        Region, territory, kind, year, source, one column per sector share, total, outcome.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_region"]: shares["region"],
        m["col_territory"]: _territories(shares["territory"], lang),
        m["col_kind"]: [kind_label(k, lang) for k in shares["kind"]],
        m["col_year"]: shares["year"],
        m["col_source"]: [source_names(s, sources) for s in shares["source_id"]],
        **{f"{sector_name(s, lang)} (%)": shares[s] for s in SECTOR_SHARES},
        m["col_total"]: shares["total"].round(2),
        m["col_status"]: [m[s] for s in shares["status"]],
    })


def _amount(value: float, unit: str, lang: str, *, decimals: int | None = None,
            scale: float | None = None) -> str:
    """``value`` with its unit; money in billions when it (or ``scale``) reaches a billion."""
    return format_amount(value, unit, lang=lang, decimals=decimals,
                         billions=abs(scale if scale is not None else value) >= 1e9)


def _change(value: float, unit: str, lang: str) -> str:
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    text = _amount(abs(value), unit, lang)
    return sign + (text.replace(" %", MESSAGES_PP[lang]) if unit == "percent" else text)


MESSAGES_PP = {"vi": " điểm %", "en": " pp"}


@_lines(revisions="DataFrame\n    From :func:`~hy_analysis.analysis.consistency.revised_with_merger`.")
def revision_lines(revisions: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                   lang: str = "vi") -> list[str]:
    """The line of each row of
    :func:`~hy_analysis.analysis.consistency.revised_with_merger` in
    :func:`describe_revised_with_merger`.
    """
    m = messages(_MESSAGES, lang)
    return [m["revision"].format(
        name=md_escape(getattr(r, "indicator_" + lang) or r.indicator), year=int(r.period_end),
        before=md_escape(_quoted(r.value_before, r.source_before, sources, lang)),
        territory_before=md_escape(territory_label(r.territory_before, lang=lang)),
        source_before=_src(r.source_before, sources),
        after=md_escape(_quoted(r.value_after, r.source_after, sources, lang)),
        territory_after=md_escape(territory_label(r.territory_after, lang=lang)),
        source_after=_src(r.source_after, sources))
        for r in revisions.itertuples()]


@_finding(empty="no_revisions", lines=_lines_option("revision_lines"))
def describe_revised_with_merger(revisions: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                                 lang: str = "vi", lines: Sequence[str] | None = None) -> str:
    """Findings for :func:`~hy_analysis.analysis.consistency.revised_with_merger`.

    Each target of the old province beside the merged province's target for the same year,
    worded as a revision with the merger, never as a conflict.
    """
    m = messages(_MESSAGES, lang)
    if lines is None:
        lines = revision_lines(revisions, sources=sources, lang=lang)
    return "\n".join([m["revisions_head"].format(n=len(revisions)), "",
                      *lines])


@_tables
def revised_with_merger_table(revisions: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                              lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.consistency.revised_with_merger`.

    {returns_frame}
        Region, indicator, year, both targets with their territories and sources, change.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_region"]: revisions["region"],
        m["col_indicator"]: revisions[f"indicator_{lang}"],
        m["col_year"]: revisions["period_end"],
        m["col_before"]: [_quoted(v, src, sources, lang) for v, src in
                          zip(revisions["value_before"], revisions["source_before"])],
        m["col_territory_before"]: _territories(revisions["territory_before"], lang),
        m["col_source_before"]: [source_names(s, sources) for s in revisions["source_before"]],
        m["col_after"]: [_quoted(v, src, sources, lang) for v, src in
                         zip(revisions["value_after"], revisions["source_after"])],
        m["col_territory_after"]: _territories(revisions["territory_after"], lang),
        m["col_source_after"]: [source_names(s, sources) for s in revisions["source_after"]],
        m["col_change"]: [_change(v, u, lang)
                          for v, u in zip(revisions["change"], revisions["unit"])],
    })


def _part(breakdown: str, lang: str) -> str:
    return country_label(breakdown, lang=lang) if breakdown else ""


@_lines(totals="DataFrame\n    From :func:`~hy_analysis.analysis.consistency.implied_totals`.")
def implied_total_lines(totals: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                        lang: str = "vi") -> list[str]:
    """The line of each row of :func:`~hy_analysis.analysis.consistency.implied_totals` in
    :func:`describe_implied_totals`.
    """
    m = messages(_MESSAGES, lang)
    lines = []
    for r in totals.itertuples():
        if r.consistent:
            verdict = m["implied_ok"]
        else:
            verdict = m["implied_off" if r.implied < r.stated_low else "implied_over"].format(
                gap=_amount(r.gap, r.unit, lang, scale=r.stated_low),
                pct=format_number(r.gap_pct, lang=lang, decimals=1))
        lines.append(m["implied_total"].format(
            name=md_escape(getattr(r, "indicator_" + lang) or r.indicator),
            as_of=format_as_of(str(r.as_of), lang=lang), source=_src(r.source_id, sources),
            part=m["from_part"].format(part=md_escape(_part(r.breakdown, lang))),
            implied=md_escape(_amount(r.implied, r.unit, lang)),
            stated=md_escape(r.stated_raw), verdict=verdict))
    return lines


@_finding(empty="no_implied", lines=_lines_option("implied_total_lines"))
def describe_implied_totals(totals: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                            lang: str = "vi", lines: Sequence[str] | None = None) -> str:
    """Findings for :func:`~hy_analysis.analysis.consistency.implied_totals`.

    Each total implied by a part and its share, against the stated total of the same source.
    """
    m = messages(_MESSAGES, lang)
    if lines is None:
        lines = implied_total_lines(totals, sources=sources, lang=lang)
    return "\n".join([m["totals_head"], "", *lines])


@_tables
def implied_totals_table(totals: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                         lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.consistency.implied_totals`.

    {returns_frame}
        Territory, indicator, snapshot, part, implied and stated totals, source, outcome, gap.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_territory"]: _territories(totals["territory"], lang),
        m["col_indicator"]: totals[f"indicator_{lang}"],
        m["col_as_of"]: [format_as_of(str(a), lang=lang) for a in totals["as_of"]],
        m["col_part"]: [_part(b, lang) for b in totals["breakdown"]],
        m["col_implied"]: [_amount(v, u, lang) for v, u in zip(totals["implied"],
                                                                 totals["unit"])],
        m["col_stated"]: totals["stated_raw"],
        m["col_source"]: [source_names(s, sources) for s in totals["source_id"]],
        m["col_status"]: [m["implied_ok"] if ok else m["conflict"]
                          for ok in totals["consistent"]],
        m["col_gap_pct"]: totals["gap_pct"].round(1),
    })


@_finding(empty="lvg_none", found="DataFrame\n    From :func:`~hy_analysis.analysis.consistency.levels_vs_growth`.",
          threshold="float\n    The threshold the check used, in percentage points (for the "
                    "heading).")
def describe_levels_vs_growth(found: pd.DataFrame, *, threshold: float = 0.5,
                              sources: pd.DataFrame | None = None,
                              lang: str = "vi") -> str:
    """Findings for :func:`~hy_analysis.analysis.consistency.levels_vs_growth`.

    Returns
    -------
    str
        Markdown: the question, then one line per stated growth and pair of levels,
        contradictions in bold and marked where one source states both.
    """
    m = messages(_MESSAGES, lang)
    lines = [m["lvg_head"].format(threshold=format_number(threshold, lang=lang)), ""]
    for r in found.itertuples():
        verdict = "" if r.consistent else m["lvg_off"].format(
            difference=format_number(abs(r.difference), lang=lang, decimals=2),
            own=m["lvg_own"] if r.same_source else "")
        lines.append(m["lvg_line"].format(
            territory=md_escape(r.territory),
            name=md_escape(getattr(r, "indicator_" + lang) or r.indicator), year=r.year,
            before=md_escape(r.raw_before), level=md_escape(r.raw),
            implied=f"{format_number(r.implied, lang=lang, decimals=2)} %",
            stated=md_escape(r.stated_raw), source=_src(r.source_stated, sources), verdict=verdict))
    return "\n".join(lines)


@_tables
def levels_vs_growth_table(found: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                           lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.consistency.levels_vs_growth`.

    {returns_frame}
        Territory, indicator, year, the two levels as written, implied and stated growth,
        sources, whether one source states both, outcome and the difference (pp).
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        m["col_territory"]: found["territory"],
        m["col_indicator"]: found[f"indicator_{lang}"],
        m["col_year"]: found["year"],
        m["col_levels"]: [f"{a} → {b}" for a, b in zip(found["raw_before"], found["raw"])],
        m["col_implied_growth"]: [f"{format_number(v, lang=lang, decimals=2)} %"
                                  for v in found["implied"]],
        m["col_stated_growth"]: found["stated_raw"],
        m["col_source"]: [source_names(f"{a}; {b}", sources)
                          for a, b in zip(found["source_stated"], found["source_level"])],
        m["col_same_source"]: [m["yes"] if x else m["no"] for x in found["same_source"]],
        m["col_status"]: [m["agree"] if ok else m["conflict"] for ok in found["consistent"]],
        m["col_gap"]: found["difference"].round(2),
    })
