"""Findings of the FDI analysis: Markdown text and the reader table, in Vietnamese or English.

Each function takes a frame computed by :mod:`hy_analysis.analysis.fdi`. FDI figures are named
by who published them (the outlet), with the snapshot date written the reader's way.
"""

from __future__ import annotations

import functools
from typing import Sequence

import numpy as np
import pandas as pd

from ..docstrings import frames_from, with_parameters
from ..vocabulary import COUNTRIES, country_label
from .common import finding, md_escape, messages, source_name
from .format import fixed_decimals, format_as_of, format_money, format_number

# The reader tables' Parameters, from their signatures: what each table reads.
_tables = with_parameters(**frames_from(
    table="hy_analysis.analysis.fdi.projects_by_country",
    remainder="hy_analysis.analysis.fdi.other_countries_remainder"))

__all__ = ["describe_fdi_totals", "describe_projects_by_country", "describe_capital",
           "describe_disagreements", "no_fdi", "fdi_table", "remainder_table"]

#: Decimals of a share (%) in the text and in its table column: 29,0 % reads 29,0 in both.
_SHARE_DECIMALS = 1
#: The words, in hy_analysis/assets/messages/findings-fdi.csv (vi and en side by side).
_MESSAGES = "findings-fdi"
#: What this module's findings take, each parameter described once (their docstrings'
#: Parameters, written from the signatures by :func:`~hy_analysis.findings.common.finding`).
_PARAMETERS = {
    "snapshots": "DataFrame\n    From :func:`~hy_analysis.analysis.fdi.fdi_snapshots`.",
    "region": "str, optional\n    Named when there are no figures.",
    "sources": "DataFrame, optional\n    From :func:`hy_analysis.load_sources`, to name the "
               "sources.",
    "pairs": "DataFrame\n    From :func:`~hy_analysis.analysis.fdi.snapshot_disagreements`.",
    "table": "DataFrame\n    From :func:`~hy_analysis.analysis.fdi.projects_by_country`.",
    "countries": "sequence of str\n    The countries asked for (a country without any figure is "
                 "named).",
    "capital": "DataFrame\n    From :func:`~hy_analysis.analysis.fdi.capital_by_country`.",
    "coverage": "DataFrame\n    From :func:`~hy_analysis.analysis.fdi.capital_coverage`.",
}
_finding = functools.partial(finding, _MESSAGES, **_PARAMETERS)


def _outlet(source_id: str, sources: pd.DataFrame | None) -> str:
    """The outlet of a source (FDI figures are named by who published them)."""
    return source_name(source_id, sources, number=False)


def _document_kind(source_id: str, sources: pd.DataFrame | None, m: dict) -> str:
    """" — news document" for one of the source documents (a ``file``), else ""."""
    if sources is None or source_id not in set(sources["id"]):
        return ""
    row = sources.set_index("id").loc[source_id]
    if not str(row["file"]):
        return ""
    return m["document_kind"].format(kind=m.get(str(row["type"]), ""), date=row["date"])


def _usd(value: float, qualifier: str, lang: str) -> str:
    return format_money(value, "USD", lang=lang, qualifier=qualifier, billions=True)


def _when(snapshot_row, *, lang: str, sources: pd.DataFrame | None) -> str:
    return (f"{format_as_of(snapshot_row['as_of'], lang=lang)}, "
            f"{md_escape(_outlet(snapshot_row['source_id'], sources))}")


def no_fdi(region: str | None, *, lang: str = "vi") -> str:
    """The finding for a region without FDI figures (Markdown)."""
    return messages(_MESSAGES, lang)["no_fdi"].format(region=md_escape(region or ""))


@_finding(empty="no_fdi")
def describe_fdi_totals(snapshots: pd.DataFrame, *, region: str | None = None,
                        sources: pd.DataFrame | None = None, lang: str = "vi") -> str:
    """Findings on total FDI projects and capital over time, as Markdown."""
    m = messages(_MESSAGES, lang)
    lines = []
    old = snapshots[~snapshots["merged"]]
    new = snapshots[snapshots["merged"]]
    if len(old) >= 1:
        first, last = old.iloc[0], old.iloc[-1]
        lines.append(m["old_totals"].format(
            first=format_number(first["total_projects"], lang=lang),
            first_when=_when(first, lang=lang, sources=sources),
            last=format_number(last["total_projects"], lang=lang),
            last_when=_when(last, lang=lang, sources=sources),
            growth=format_number(last["total_projects"] - first["total_projects"], lang=lang),
            n=len(old)))
        cap = old.dropna(subset=["total_capital"])
        if len(cap):
            c0, c1 = cap.iloc[0], cap.iloc[-1]
            lines.append(m["old_capital"].format(
                first=_usd(c0["total_capital"], c0["capital_qualifier"], lang),
                first_when=format_as_of(c0["as_of"], lang=lang),
                last=_usd(c1["total_capital"], c1["capital_qualifier"], lang),
                last_when=format_as_of(c1["as_of"], lang=lang)))
    for _, row in new.iterrows():
        capital = ("" if np.isnan(row["total_capital"]) else
                   ", " + _usd(row["total_capital"], row["capital_qualifier"], lang))
        lines.append(m["new_totals"].format(
            projects=format_number(row["total_projects"], lang=lang), capital=capital,
            when=_when(row, lang=lang, sources=sources)))
    return "\n".join(lines)


@_finding(empty="no_disagreement")
def describe_disagreements(pairs: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                           lang: str = "vi") -> str:
    """Markdown naming the snapshots whose dates overlap but whose totals differ."""
    m = messages(_MESSAGES, lang)
    lines = [m["disagreements_head"]]
    for _, p in pairs.iterrows():
        japan = ""
        if not (np.isnan(p["japan_a"]) or np.isnan(p["japan_b"])):
            japan = m["japan_pair"].format(japan=country_label("Japan", lang=lang),
                                           a=format_number(p["japan_a"], lang=lang),
                                           b=format_number(p["japan_b"], lang=lang))
        lines.append(m["disagreement"].format(
            a=format_number(p["projects_a"], lang=lang),
            a_when=f"{format_as_of(p['as_of_a'], lang=lang)}, "
                   f"{md_escape(_outlet(p['source_a'], sources))}",
            b=format_number(p["projects_b"], lang=lang),
            b_when=f"{format_as_of(p['as_of_b'], lang=lang)}, "
                   f"{md_escape(_outlet(p['source_b'], sources))}",
            diff=format_number(abs(p["difference"]), lang=lang), japan=japan))
    lines.append(m["both_kept"])
    return "\n".join(lines)


@_finding(empty="no_fdi")
def describe_projects_by_country(table: pd.DataFrame, *, region: str | None = None,
                                 countries: Sequence[str] = COUNTRIES,
                                 sources: pd.DataFrame | None = None, lang: str = "vi") -> str:
    """Findings on projects by investor country and their shares, as Markdown."""
    m = messages(_MESSAGES, lang)
    lines = []
    for _snap, group in table.groupby("snapshot", sort=False):
        row = group.iloc[0]
        parts = [f"{md_escape(country_label(r['country'], lang=lang))} "
                 f"{format_number(r['projects'], lang=lang)} "
                 f"({format_number(r['share'], lang=lang, decimals=_SHARE_DECIMALS)} %)"
                 for _, r in group.iterrows()]
        lines.append(f"- {_when(row, lang=lang, sources=sources)}"
                     f"{m['merged_tag'] if row['merged'] else ''}: " + "; ".join(parts)
                     + m["of_total"].format(total=format_number(row["total_projects"],
                                                                lang=lang)))
    named = table[~table["derived"]]
    if len(named):
        top = named.loc[named.groupby("snapshot", sort=False)["projects"].idxmax()]
        last = top.iloc[-1]
        lines.append(m["latest"].format(when=format_as_of(last["as_of"], lang=lang),
                                        country=country_label(last["country"], lang=lang),
                                        projects=format_number(last["projects"], lang=lang)))
    absent = [c for c in countries if c not in set(table["country"])]
    if absent:
        lines.append(m["absent"].format(
            names=", ".join(country_label(c, lang=lang) for c in absent)))
    if table["derived"].any():
        lines.append(m["other_note"])
    return "\n".join(lines)


@_finding(region="str, optional\n    Named when the data has no FDI figure for it.")
def describe_capital(capital: pd.DataFrame, coverage: pd.DataFrame, *, region: str | None = None,
                     sources: pd.DataFrame | None = None, lang: str = "vi") -> str:
    """What the data says, and does not say, about registered capital by country."""
    m = messages(_MESSAGES, lang)
    if coverage.empty:
        return no_fdi(region, lang=lang)
    lines = []
    for _, row in coverage.iterrows():
        when = _when(row, lang=lang, sources=sources)
        if row["coverage"] == "none":
            lines.append(m["no_capital"].format(
                when=when, kind=_document_kind(row["source_id"], sources, m)))
            continue
        parts = []
        for _, c in capital[(capital["snapshot"] == row["snapshot"])].iterrows():
            share = c["stated_share"] if not np.isnan(c["stated_share"]) else c["computed_share"]
            share_text = "" if np.isnan(share) else \
                f" ({format_number(share, lang=lang, decimals=_SHARE_DECIMALS)} %)"
            parts.append(f"{md_escape(country_label(c['country'], lang=lang))} "
                         f"{_usd(c['capital'], c['qualifier'], lang)}{share_text}")
        missing = ""
        if row["without_capital"]:
            missing = m["capital_missing"].format(names=", ".join(
                country_label(c, lang=lang) for c in row["without_capital"]))
        lines.append(f"- {when}: " + "; ".join(parts) + missing + ".")
    lacking = coverage[coverage["coverage"] != "all"]
    if len(lacking):
        lines.append(m["capital_lacking"].format(
            k=len(lacking), n=len(coverage),
            names=", ".join(format_as_of(a, lang=lang) for a in lacking["as_of"])))
    return "\n".join(lines)


def _snapshot_columns(frame: pd.DataFrame, m, sources, lang: str) -> dict:
    """The columns that name a table row's snapshot: date, outlet, old or merged province."""
    return {
        m["col_snapshot"]: [format_as_of(a, lang=lang) for a in frame["as_of"]],
        m["col_source"]: [_outlet(s, sources) for s in frame["source_id"]],
        m["col_territory"]: [m["merged_province"] if merged else m["old_province"]
                             for merged in frame["merged"]],
    }


@_tables
def fdi_table(table: pd.DataFrame, *, sources: pd.DataFrame | None = None,
              lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.fdi.projects_by_country`.

    Labels and headers are in ``lang``.

    {returns_frame}
        Snapshot, source, territory, country, projects, share (%), computed (yes/no).
    """
    m = messages(_MESSAGES, lang)
    return fixed_decimals(pd.DataFrame({
        **_snapshot_columns(table, m, sources, lang),
        m["col_country"]: [country_label(c, lang=lang) for c in table["country"]],
        m["col_projects"]: table["projects"].astype(int),
        m["col_share"]: table["share"].round(_SHARE_DECIMALS),
        m["col_computed"]: [m["yes"] if d else m["no"] for d in table["derived"]],
    }), {m["col_share"]: _SHARE_DECIMALS})


@_tables
def remainder_table(remainder: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                    lang: str = "vi") -> pd.DataFrame:
    """A reader table of :func:`~hy_analysis.analysis.fdi.other_countries_remainder`.

    {returns_frame}
        Snapshot, source, territory, the computed remainder and, where it could not be
        computed, why, in ``lang``.
    """
    m = messages(_MESSAGES, lang)
    return pd.DataFrame({
        **_snapshot_columns(remainder, m, sources, lang),
        m["col_other"]: remainder["value"],
        m["col_reason"]: [_reason(r, lang) for r in remainder["reason"]],
    })


#: The analysis's reasons (other_countries_remainder), as readers of each language read them.
_REASONS = {
    "vi": {"figures from more than one source": "số liệu từ nhiều nguồn",
           "no total": "không có tổng số", "no figure for ": "không có số của ",
           "not exact: ": "không chính xác: "},
    "en": {},
}


def _reason(reason: str, lang: str) -> str:
    """``no figure for Korea, China`` -> ``không có số của Hàn Quốc, Trung Quốc``."""
    for prefix, words in _REASONS[lang].items():
        if str(reason).startswith(prefix):
            rest = str(reason)[len(prefix):]
            names = ", ".join(country_label(c.strip(), lang=lang) for c in rest.split(","))
            return words + (names if rest else "")
    return str(reason)
