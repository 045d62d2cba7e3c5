"""Findings of the attainment analysis: status labels, the summary text and reader tables.

Every function takes the frame of :func:`hy_analysis.analysis.attainment.assess` (or of
``merger_comparison``) and writes what it shows in Vietnamese or English. Words come from the
message tables below; numbers from :mod:`hy_analysis.findings.format`; data-derived strings
are escaped once, by :func:`hy_analysis.findings.common.md_escape`.
"""

from __future__ import annotations

import functools

import pandas as pd

from ..docstrings import frames_from, with_parameters
from ..vocabulary import check_lang, territory_label
from .common import (basis_label, finding, md_escape, messages, source_language,
                     source_names)
from .format import format_amount, format_number, format_period, missing, quoted_figure

# The reader tables' Parameters, from their signatures: what each table reads.
_tables = with_parameters(**frames_from(
    verdicts="hy_analysis.analysis.attainment.assess",
    comparison="hy_analysis.analysis.attainment.merger_comparison"))

__all__ = [
    "STATUS_LABELS", "status_label", "reason_label", "describe_attainment",
    "attainment_table", "scorecard_data", "merger_table", "describe_merger",
    "describe_method", "status_by_territory", "needs_text",
]

#: How each verdict code is named for readers, best verdict first (the scorecard's order).
STATUS_LABELS = {
    "vi": {"achieved": "Đạt", "on_track": "Đúng hướng", "acceleration_needed": "Cần tăng tốc",
           "limited_progress": "Tiến triển chậm", "moving_away": "Đi ngược mục tiêu",
           "missed": "Không đạt", "superseded": "Đã được thay thế",
           "no_data": "Chưa có số liệu", "not_comparable": "Không so sánh được"},
    "en": {"achieved": "Achieved", "on_track": "On track",
           "acceleration_needed": "Acceleration needed", "limited_progress": "Limited progress",
           "moving_away": "Moving away", "missed": "Missed", "superseded": "Superseded",
           "no_data": "No data", "not_comparable": "Not comparable"},
}

_REASONS = {
    "vi": {"territory_changed": "địa giới đã thay đổi (số liệu là của {other})",
           "other_territory": "số liệu là của địa bàn khác ({other})",
           "no_actual": "chưa có số thực hiện",
           "target_year_missing": "chưa có số thực hiện của năm mục tiêu",
           "years_missing": "đánh giá trên các năm đã có",
           "fewer_than_two_points": "chưa đủ hai điểm số liệu",
           "non_positive_value": "giá trị gốc ≤ 0: so sánh mức thay đổi tuyến tính",
           "not_trackable": "loại chỉ tiêu không theo dõi được giữa kỳ",
           "no_bound": "mục tiêu không có ngưỡng số", "no_required_change": "không cần thay đổi",
           "basis_differs": "khác cách tính ({other})",
           "territory_ended": "địa bàn đã chấm dứt; mục tiêu kế thừa: {other}"},
    "en": {"territory_changed": "territory changed (the figure is for {other})",
           "other_territory": "the figure is for another territory ({other})",
           "no_actual": "no actual yet", "target_year_missing": "no actual for the target year",
           "years_missing": "judged on the years present",
           "fewer_than_two_points": "fewer than two data points",
           "non_positive_value": "baseline ≤ 0: linear changes compared",
           "not_trackable": "this kind of target cannot be tracked mid-period",
           "no_bound": "the target has no numeric bound",
           "no_required_change": "no change required",
           "basis_differs": "another definition ({other})",
           "territory_ended": "the territory ceased; succeeded by {other}"},
}

#: The words, in hy_analysis/assets/messages/findings-attainment.csv (vi and en side by side).
_MESSAGES = "findings-attainment"
#: What this module's findings take, each parameter described once (their docstrings'
#: Parameters, written from the signatures by :func:`~hy_analysis.findings.common.finding`).
_PARAMETERS = {
    "comparison": "DataFrame\n    From :func:`hy_analysis.analysis.attainment.merger_comparison`.",
}
_finding = functools.partial(finding, _MESSAGES, **_PARAMETERS)

_RUNNING = ("on_track", "acceleration_needed", "limited_progress", "moving_away")


def status_label(status: str, lang: str = "vi") -> str:
    """The reader's name of a verdict code.

    Examples
    --------
    >>> status_label("acceleration_needed", "vi"), status_label("missed", "en")
    ('Cần tăng tốc', 'Missed')
    """
    return STATUS_LABELS[check_lang(lang)].get(str(status), str(status))


def reason_label(reason: str, lang: str = "vi", *, other: str = "") -> str:
    """Why a target has no verdict (or a caveat), in ``lang``; ``""`` for no reason.

    Examples
    --------
    >>> reason_label("territory_changed", "en", other="X (merged)")
    'territory changed (the figure is for X (merged))'
    """
    if not reason:
        return ""
    return _REASONS[check_lang(lang)].get(str(reason), str(reason)).format(other=other)


def _indicator(row, lang: str) -> str:
    name = row.get("indicator_vi" if lang == "vi" else "indicator_en")
    return str(name) if isinstance(name, str) and name else str(row["indicator"])


def _value(value, unit: str, lang: str) -> str:
    """A figure with its unit, the same way in the text, the table and the chart labels."""
    if missing(value):
        return "–"
    # Dollars in billions keep two decimals (8,56 tỷ USD); dong in billions and dollars
    # per person show decimals only where there are any (402.023 tỷ đồng, 4.320 USD).
    two = unit == "percent" or (unit == "USD" and abs(value) >= 1e9)
    return format_amount(value, unit, lang=lang, decimals=2 if two else None)


def _mark(row, lang: str) -> str:
    words = messages(_MESSAGES, lang)
    if not missing(row.get("gap")):
        unit = words["pp"] if row["gap_unit"] == "pp" else words["pct"]
        sign = "+" if row["gap"] > 0 else ""
        return f"{sign}{format_number(row['gap'], lang=lang, decimals=2)} {unit}"
    if not missing(row.get("ratio")):
        if row["ratio"] < 0 and not missing(row.get("baseline")):
            # A negative share of the pace needed ("-462 %") reads as nothing: say which way
            # the figure went.
            return (f"{_value(row['baseline'], row['unit'], lang)} ({int(row['baseline_year'])})"
                    f" → {_value(row['actual'], row['unit'], lang)} ({int(row['actual_year'])})")
        return f"{format_number(row['ratio'] * 100, lang=lang, decimals=0)} %"
    return "–"


def _other_territory(row) -> str:
    others = [e["territory"] for e in (row.get("evidence") or ())
              if e["territory"] != str(row["territory"])]
    return others[0] if others else ""


def _basis_label(basis, lang: str) -> str:
    return basis_label("" if missing(basis) else basis, lang)


def _reason(row, lang: str) -> str:
    """The reason of a row in words, naming what it rests on (territory, bases, successor)."""
    reason = str(row.get("reason") or "")
    if reason == "basis_differs":
        actual = next((e.get("basis", "") for e in (row.get("evidence") or ())), "")
        other = messages(_MESSAGES, lang)["basis_pair"].format(
            target=_basis_label(row.get("basis"), lang), actual=_basis_label(actual, lang))
    elif reason == "territory_ended":
        other = str(row.get("successor") or "–")
    else:
        other = _other_territory(row)
    return reason_label(reason, lang, other=other)


def _provisional(row) -> bool:
    return str(row["status"]) in (*_RUNNING, "achieved", "missed") \
        and not bool(row.get("final", False))


def needs_text(row, *, lang: str = "vi") -> str:
    """What the remaining years of a growth target need, e.g. "2025 cần ≥ 8,55 %"; ``""``.

    Examples
    --------
    >>> needs_text({"needed": 8.5494, "needed_years": "2025", "direction": "up"}, lang="en")
    '2025 needs ≥ 8.55 %'
    """
    if missing(row.get("needed")) or not row.get("needed_years"):
        return ""
    op = "≤" if row.get("direction") == "down" else "≥"
    return messages(_MESSAGES, lang)["needs"].format(
        years=row["needed_years"], op=op,
        rate=f"{format_number(row['needed'], lang=lang, decimals=2)} %")


def _as_of(row) -> str:
    value = row.get("as_of_year")
    return "–" if value is None or pd.isna(value) else str(int(value))


def describe_attainment(verdicts: pd.DataFrame, *, region: str | None = None,
                        as_of: int | None = None, lang: str = "vi", top: int = 3) -> str:
    """Per territory: how many distinct targets were met, missed, are on track, and the gaps.

    Parameters
    ----------
    verdicts : DataFrame
        From :func:`hy_analysis.analysis.attainment.assess` (one row per distinct target).
    region : str, optional
        Name of the selection for the heading (default: the territories in ``verdicts``).
    as_of : int, optional
        Unused by the counts (each target has its own ``as_of_year``); kept so callers that
        pass the run's year still work. The per-territory lines name the latest year used.
    lang : {"vi", "en"}
    top : int
        How many misses (final) and laggards (provisional) to name.

    Returns
    -------
    str
        Markdown: a heading, then one block of counts per territory (final verdicts apart
        from provisional ones), the largest misses and the targets furthest behind.
    """
    words = messages(_MESSAGES, lang)
    name = md_escape(region or ", ".join(dict.fromkeys(verdicts["territory"].astype(str))))
    if verdicts.empty:
        return words["none"].format(region=name)
    lines = [words["head"].format(region=name, n=len(verdicts))]
    for territory, group in verdicts.groupby(verdicts["territory"].astype(str), sort=False):
        final = group["final"].astype(bool) if "final" in group else True
        counts = group["status"].astype(str).value_counts()
        count = {s: int(counts.get(s, 0)) for s in STATUS_LABELS["en"]}
        # Achieved/missed on estimates are counted apart from the final verdicts.
        estimated = group[~final] if "final" in group else group.iloc[:0]
        est = estimated["status"].astype(str).value_counts()
        est_met, est_missed = int(est.get("achieved", 0)), int(est.get("missed", 0))
        count["achieved"] -= est_met
        count["missed"] -= est_missed
        years = pd.to_numeric(group.get("as_of_year"), errors="coerce").dropna()
        # A territory with targets and no figure yet has no year to say "up to".
        lines += ["", words["per_territory" if len(years) else "per_territory_none"].format(
            territory=md_escape(territory), n=len(group),
            as_of=int(years.max()) if len(years) else ""),
            words["ended"].format(met=count["achieved"], missed=count["missed"]),
            *([words["estimated"].format(met=est_met, missed=est_missed)]
              if est_met or est_missed else []),
            words["running"].format(on_track=count["on_track"],
                                    accel=count["acceleration_needed"],
                                    limited=count["limited_progress"],
                                    away=count["moving_away"]),
            words["open"].format(superseded=count["superseded"], no_data=count["no_data"],
                                 not_comparable=count["not_comparable"])]
    # The first rows by iloc, not head(): the same rows without a copy of every column.
    missed = verdicts[verdicts["status"].astype(str) == "missed"]
    if len(missed) and top:
        # Rates and levels are ranked apart: 2 pp and 20 % are not on one scale.
        ranked = missed.assign(_rank=missed["gap"] / missed["gap_unit"].map(
            {"pp": 1.0, "%": 10.0}).fillna(1.0)).sort_values("_rank").iloc[:top]
        lines += ["", words["misses"]]
        for _, row in ranked.iterrows():
            lines.append(words["miss"].format(
                indicator=md_escape(_indicator(row, lang)), territory=md_escape(row["territory"]),
                period=format_period(row["period_start"], row["period_end"]),
                actual=_value(row["actual"], row["unit"], lang),
                target=md_escape(row["value_raw"]), gap=_mark(row, lang).lstrip("-−"))
                + (f" ({words['provisional_word']})" if _provisional(row) else ""))
    behind = verdicts[verdicts["status"].astype(str).isin(_RUNNING[1:])
                      & verdicts["ratio"].notna()].sort_values("ratio").iloc[:top]
    if len(behind) and top:
        lines += ["", words["laggards"]]
        for _, row in behind.iterrows():
            needs = needs_text(row, lang=lang)
            if row["ratio"] < 0 and not missing(row.get("baseline")):
                # A negative share of the pace needed reads as nothing: say which way it went.
                lines.append(words["laggard_away"].format(
                    indicator=md_escape(_indicator(row, lang)),
                    territory=md_escape(row["territory"]),
                    period=format_period(row["period_start"], row["period_end"]),
                    baseline=_value(row["baseline"], row["unit"], lang),
                    baseline_year=int(row["baseline_year"]),
                    actual=_value(row["actual"], row["unit"], lang),
                    actual_year=int(row["actual_year"]), target=md_escape(row["value_raw"])))
                continue
            lines.append(words["laggard"].format(
                indicator=md_escape(_indicator(row, lang)), territory=md_escape(row["territory"]),
                period=format_period(row["period_start"], row["period_end"]),
                ratio=f"{format_number(row['ratio'] * 100, lang=lang, decimals=0)} %")
                + (f" ({md_escape(needs)})" if needs else ""))
    return "\n".join(lines)


@_tables
def attainment_table(verdicts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                     lang: str = "vi") -> pd.DataFrame:
    """The full reader table: one row per distinct target, headers and words in ``lang``.

    {returns_frame}
        Columns: indicator, territory, period, target (as written; every wording when
        several sources state it), as-of year, actual (with its unit, marked estimate or
        computed), verdict, standing (final or provisional), gap or ratio, what the
        remaining years need, method (with the reason), definition (basis), years used and
        every source (of the target and of the actuals). Values are plain text: escaping is
        the display layer's single step.
    """
    words = messages(_MESSAGES, lang)
    rows = []
    for _, row in verdicts.iterrows():
        evidence = row.get("evidence") or ()
        actual = _value(row["actual"], row["unit"], lang) \
            if row["method"] not in ("required_vs_pace_in_period",
                                     "required_vs_pace_before_period") \
            else f"{format_number(row['actual'], lang=lang, decimals=2)} %/" \
                 + ("năm" if lang == "vi" else "yr")
        if any(e["estimate"] for e in evidence):
            actual += words["estimate"]
        if bool(row["derived"]):
            actual += words["derived"]
        basis = words.get(f"methods.{row['method']}", row["method"])
        standing = "" if str(row["status"]) in ("no_data", "not_comparable", "superseded") else (
            words["final_word"] if bool(row.get("final", False)) else words["provisional_word"])
        target_sources = row.get("sources") or row["source_id"]
        rows.append({
            words["indicator"]: _indicator(row, lang),
            words["territory"]: str(row["territory"]),
            words["period"]: format_period(row["period_start"], row["period_end"]),
            words["target"]: _target_text(row, sources, lang),
            words["as_of_col"]: _as_of(row),
            words["actual"]: actual if not missing(row["actual"]) else "–",
            words["status"]: status_label(row["status"], lang),
            words["standing"]: standing or "–",
            words["mark"]: _mark(row, lang),
            words["needs_col"]: needs_text(row, lang=lang) or "–",
            words["basis"]: "; ".join(x for x in (basis, _reason(row, lang)) if x),
            words["definition"]: _basis_label(row.get("basis"), lang),
            words["years"]: str(row["years"] or "–"),
            words["sources"]: source_names("; ".join(
                str(part) for part in (target_sources, row["actual_sources"]) if part),
                sources),
        })
    columns = [words[k] for k in ("indicator", "territory", "period", "target", "as_of_col",
                                  "actual", "status", "standing", "mark", "needs_col", "basis",
                                  "definition", "years", "sources")]
    return pd.DataFrame(rows, columns=columns)


def scorecard_data(verdicts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                   lang: str = "vi", include_open: bool = True) -> pd.DataFrame:
    """What the scorecard chart draws: one labelled row per distinct target, best first.

    Parameters
    ----------
    verdicts : DataFrame
        From :func:`hy_analysis.analysis.attainment.assess`.
    sources : DataFrame, optional
        From :func:`hy_analysis.load_sources`: their ``language`` writes a target quoted
        from a source in another language in the reader's number format and unit words.
    lang : {"vi", "en"}
    include_open : bool
        Also the targets without a verdict (no data, not comparable, superseded).

    Returns
    -------
    DataFrame
        ``label`` (indicator, the target as written -- in the reader's number format and
        unit words --, territory, period and the as-of year),
        ``status``, ``status_label`` (marked provisional where the period's data is not all
        in or is an estimate), ``final``, ``mark`` (gap for achieved / missed, final or on
        estimates; ratio × 100 for a period still running, -100 at least),
        ``mark_kind`` (``pp``, ``%``, ``ratio``, ``met`` -- a level already met by the latest
        figure, before the target year -- or empty) and ``mark_text`` (the written mark and,
        for growth targets, what the remaining years need).
    """
    words = messages(_MESSAGES, lang)
    order = {s: i for i, s in enumerate(STATUS_LABELS["en"])}
    if not include_open:
        verdicts = verdicts[~verdicts["status"].astype(str).isin(
            ("no_data", "not_comparable", "superseded"))]
    rows = []
    for _, row in verdicts.iterrows():
        if not missing(row["gap"]):
            mark, kind = float(row["gap"]), row["gap_unit"]
        elif not missing(row["ratio"]):
            # Moving away is drawn as one bar length, -100 %: its size says nothing (-462 %
            # of the pace needed), the label says from what to what.
            mark, kind = max(float(row["ratio"]) * 100, -100.0), "ratio"
        elif row.get("method") == "latest_meets_target":
            mark, kind = float("nan"), "met"
        else:
            mark, kind = float("nan"), ""
        label = status_label(row["status"], lang)
        if _provisional(row):
            label += f" ({words['provisional_word']})"
        text = _mark(row, lang)
        needs = needs_text(row, lang=lang)
        as_of = _as_of(row)
        rows.append(dict(
            label=f"{_indicator(row, lang)} {_target_label(row, sources, lang)} · "
                  f"{territory_label(row['territory'], lang=lang)} · "
                  f"{format_period(row['period_start'], row['period_end'])}"
                  + (f" · {words['as_of_short'].format(year=as_of)}" if as_of != "–" else ""),
            status=str(row["status"]), status_label=label,
            final=bool(row.get("final", False)), mark=mark, mark_kind=kind,
            mark_text=text + (f" · {needs}" if needs else ""),
            _order=order.get(str(row["status"]), 99)))
    frame = pd.DataFrame(rows, columns=["label", "status", "status_label", "final", "mark",
                                        "mark_kind", "mark_text", "_order"])
    return frame.sort_values(["_order", "label"], kind="stable").drop(columns="_order") \
        .reset_index(drop=True)


def _target_text(row, sources: pd.DataFrame | None, lang: str) -> str:
    """The target as written (every wording when several sources state it); one wording,
    of one source, in the reader's number format and words, the original noted."""
    wordings = str(row.get("value_raws") or row["value_raw"])
    if " | " in wordings:  # which source wrote which wording is not kept: as written
        return wordings
    return quoted_figure(wordings, source_lang=source_language(row["source_id"], sources),
                         lang=lang)


def _target_label(row, sources: pd.DataFrame | None, lang: str) -> str:
    """The target as its source wrote it, in the reader's format, for a chart label."""
    return quoted_figure(str(row["value_raw"]),
                         source_lang=source_language(row["source_id"], sources), lang=lang,
                         original=False)


@_tables
def merger_table(comparison: pd.DataFrame, *, lang: str = "vi") -> pd.DataFrame:
    """The harmonised series as a reader table: parts, their computed sum, the stated figure.

    {returns_frame}
        One row per indicator and year; a column per former province, the computed sum and
        the merged province's stated figure, each written with its unit.
    """
    words = messages(_MESSAGES, lang)
    if comparison.empty:
        return pd.DataFrame(columns=[words["m_indicator"], words["m_year"]])
    columns = {"part": None, "sum": words["m_sum"], "stated": words["m_stated"]}
    out = []
    for (indicator, breakdown, unit, year), group in comparison.groupby(
            ["indicator", "breakdown", "unit", "year"], sort=True):
        name = _indicator(group.iloc[0], lang) + (f" ({breakdown})" if breakdown else "")
        row = {words["m_indicator"]: name, words["m_year"]: int(year)}
        for _, item in group.iterrows():
            header = columns[item["role"]] or str(item["territory"])
            row[header] = _value(item["value"], unit, lang) + _estimate_mark(item, words)
        out.append(row)
    return pd.DataFrame(out)


def _estimate_mark(item, words: dict) -> str:
    """The mark (" (ước)", " (estimate)") after a merger figure that is an estimate."""
    return words["estimate"] if bool(item.get("estimate", False)) else ""


@_finding()
def describe_merger(comparison: pd.DataFrame, *, lang: str = "vi") -> str:
    """One line per harmonised figure: the computed sum and, where stated, the merged figure."""
    words = messages(_MESSAGES, lang)
    sums = comparison[comparison["role"] == "sum"] if len(comparison) else comparison
    if sums.empty:
        return words["m_none"]
    lines = [words["m_head"]]
    for _, row in sums.iterrows():
        stated = comparison[(comparison["role"] == "stated")
                            & (comparison["indicator"] == row["indicator"])
                            & (comparison["breakdown"] == row["breakdown"])
                            & (comparison["year"] == row["year"])]
        extra = ""
        if len(stated):
            value = float(stated["value"].iloc[0])
            extra = words["m_stated_same"].format(
                stated=_value(value, row["unit"], lang) + _estimate_mark(stated.iloc[0], words),
                diff=_value(value - row["value"], row["unit"], lang))
        lines.append(words["m_line"].format(indicator=md_escape(_indicator(row, lang)),
                                            year=int(row["year"]),
                                            territory=md_escape(territory_label(
                                                row["territory"], lang=lang)),
                                            sum=_value(row["value"], row["unit"], lang)
                                            + _estimate_mark(row, words),
                                            stated=extra))
    return "\n".join(lines)


def describe_method(*, tolerance: float, on_track: float, acceleration_needed: float,
                    lang: str = "vi") -> str:
    """The rules and thresholds of this run, in words (the parameters, not fixed text).

    Examples
    --------
    >>> "5 %" in describe_method(tolerance=0.05, on_track=0.95, acceleration_needed=0.6,
    ...                          lang="en")
    True
    """
    def pct(value):
        return f"{format_number(value * 100, lang=lang)} %"

    return messages(_MESSAGES, lang)["method"].format(
        tolerance=pct(tolerance), on_track=pct(on_track), acceleration=pct(acceleration_needed))


def status_by_territory(verdicts: pd.DataFrame, *, territories=None,
                        lang: str = "vi") -> pd.DataFrame:
    """How many targets of each territory have each verdict (a reader table).

    Parameters
    ----------
    verdicts : DataFrame
        From :func:`hy_analysis.analysis.attainment.assess`.
    territories : sequence of str, optional
        Territories shown, in this order (default: those in ``verdicts``).
    lang : {"vi", "en"}

    Returns
    -------
    DataFrame
        One row per territory, one column per verdict present (named in ``lang``).
    """
    words = messages(_MESSAGES, lang)
    order = list(territories) if territories is not None else \
        list(dict.fromkeys(verdicts["territory"].astype(str)))
    chosen = verdicts[verdicts["territory"].astype(str).isin(order)]
    counts = pd.crosstab(chosen["territory"].astype(str), chosen["status"].astype(str))
    counts = counts.reindex(index=order, columns=list(STATUS_LABELS["en"]), fill_value=0)
    counts = counts.loc[:, counts.sum() > 0]
    counts.columns = [status_label(c, lang) for c in counts.columns]
    return counts.rename_axis(words["territory_col"]).reset_index()
