"""Findings of the attainment analysis: status labels, the summary text and reader tables.

Every function takes the frame of :func:`hy_analysis.analysis.attainment.assess` (or of
``merger_comparison``) and writes what it shows in Vietnamese or English. Words come from the
message tables below; numbers from :mod:`hy_analysis.findings.format`; data-derived strings
are escaped once, by :func:`hy_analysis.findings.common.md_escape`.
"""

from __future__ import annotations

import pandas as pd

from ..vocabulary import check_lang
from .common import md_escape, messages
from .format import format_amount, format_number, format_period, missing

__all__ = [
    "STATUS_LABELS", "status_label", "reason_label", "describe_attainment",
    "attainment_table", "scorecard_data", "merger_table", "describe_merger",
    "describe_method", "status_by_territory",
]

#: How each verdict code is named for readers, best verdict first (the scorecard's order).
STATUS_LABELS = {
    "vi": {"achieved": "Đạt", "on_track": "Đúng hướng", "acceleration_needed": "Cần tăng tốc",
           "limited_progress": "Tiến triển chậm", "moving_away": "Đi ngược mục tiêu",
           "missed": "Không đạt", "no_data": "Chưa có số liệu",
           "not_comparable": "Không so sánh được"},
    "en": {"achieved": "Achieved", "on_track": "On track",
           "acceleration_needed": "Acceleration needed", "limited_progress": "Limited progress",
           "moving_away": "Moving away", "missed": "Missed", "no_data": "No data",
           "not_comparable": "Not comparable"},
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
           "no_bound": "mục tiêu không có ngưỡng số", "no_required_change": "không cần thay đổi"},
    "en": {"territory_changed": "territory changed (the figure is for {other})",
           "other_territory": "the figure is for another territory ({other})",
           "no_actual": "no actual yet", "target_year_missing": "no actual for the target year",
           "years_missing": "judged on the years present",
           "fewer_than_two_points": "fewer than two data points",
           "non_positive_value": "baseline ≤ 0: linear changes compared",
           "not_trackable": "this kind of target cannot be tracked mid-period",
           "no_bound": "the target has no numeric bound",
           "no_required_change": "no change required"},
}

_MESSAGES = {
    "vi": {
        "none": "Không có mục tiêu nào của **{region}** trong bộ dữ liệu.",
        "head": "**{region}**, đánh giá đến năm {as_of}: {n} mục tiêu.",
        "ended": "- Kỳ đã kết thúc: **{met}** đạt, **{missed}** không đạt (trên {judged} mục "
                 "tiêu có số thực hiện).",
        "running": "- Kỳ đang thực hiện: **{on_track}** đúng hướng, **{accel}** cần tăng tốc, "
                   "**{limited}** tiến triển chậm, **{away}** đi ngược mục tiêu.",
        "open": "- **{no_data}** chưa có số liệu; **{not_comparable}** không so sánh được vì "
                "địa giới thay đổi.",
        "misses": "Hụt nhiều nhất:",
        "miss": "- {indicator} ({territory}, {period}): thực hiện {actual}, mục tiêu "
                "{target} — hụt **{gap}**",
        "laggards": "Cần tăng tốc nhiều nhất:",
        "laggard": "- {indicator} ({territory}, {period}): tốc độ hiện nay bằng **{ratio}** "
                   "mức cần thiết",
        "pp": "điểm %", "pct": "%", "ratio": "tỷ lệ",
        "indicator": "Chỉ tiêu", "territory": "Địa bàn", "period": "Kỳ", "target": "Mục tiêu",
        "actual": "Thực hiện", "status": "Kết quả", "mark": "Chênh lệch / tỷ lệ",
        "basis": "Cách tính", "sources": "Nguồn", "years": "Năm dùng",
        "estimate": " (ước)", "derived": " (tính từ các tỉnh cũ)",
        "methods": {"stated_period_average": "bình quân giai đoạn đã công bố",
                    "geometric_mean_of_annual": "bình quân nhân các năm",
                    "actual_of_target_year": "số năm mục tiêu",
                    "cagr_ratio": "tăng bình quân thực tế / cần thiết",
                    "linear_ratio": "mức tăng tuyến tính thực tế / cần thiết",
                    "latest_meets_target": "số mới nhất đã đạt",
                    "baseline_met_target": "năm gốc đã đạt, nay không",
                    "required_vs_pace_in_period": "tốc độ trong kỳ / tốc độ cần",
                    "required_vs_pace_before_period": "tốc độ gần nhất / tốc độ cần"},
        "m_indicator": "Chỉ tiêu", "m_year": "Năm", "m_stated": "Tỉnh mới (công bố)",
        "m_sum": "Tổng các tỉnh cũ (tính)", "m_none": "Không có chỉ tiêu nào có số của cả các "
        "tỉnh cũ để cộng thành số của tỉnh sau sáp nhập.",
        "m_head": "Chuỗi hài hòa (tổng các tỉnh cũ, đánh dấu *tính toán*):",
        "m_line": "- {indicator} {year}: tổng {sum}{stated}",
        "m_stated_same": "; số công bố của tỉnh mới {stated} (chênh {diff})",
        "method": ("Cách đánh giá: kỳ đã kết thúc — \"trên X\" đạt khi vượt X (\"X trở lên\" "
                   "tính cả X); dải \"X–Y\" đạt từ cận yếu nhất; \"khoảng X\" đạt khi không "
                   "thấp hơn X quá **{tolerance}**; tăng trưởng bình quân giai đoạn là bình quân "
                   "nhân các năm (hoặc số bình quân đã công bố). Kỳ đang thực hiện — tỷ lệ tốc "
                   "độ tăng thực tế / tốc độ cần để đạt đúng hạn (phương pháp Open SDG, Thống "
                   "kê Canada): đúng hướng từ **{on_track}**, cần tăng tốc từ "
                   "**{acceleration}**, tiến triển chậm từ 0, đi ngược mục tiêu dưới 0. Mục "
                   "tiêu chỉ được so với số của chính địa bàn đó."),
        "territory_col": "Địa bàn",
    },
    "en": {
        "none": "The dataset holds no target for **{region}**.",
        "head": "**{region}**, assessed as of {as_of}: {n} target(s).",
        "ended": "- Ended periods: **{met}** achieved, **{missed}** missed (of {judged} targets "
                 "with actuals).",
        "running": "- Running periods: **{on_track}** on track, **{accel}** need acceleration, "
                   "**{limited}** limited progress, **{away}** moving away.",
        "open": "- **{no_data}** without data; **{not_comparable}** not comparable because the "
                "territory changed.",
        "misses": "Largest misses:",
        "miss": "- {indicator} ({territory}, {period}): actual {actual}, target {target} — "
                "short by **{gap}**",
        "laggards": "Furthest behind:",
        "laggard": "- {indicator} ({territory}, {period}): the current pace is **{ratio}** of "
                   "the pace needed",
        "pp": "pp", "pct": "%", "ratio": "ratio",
        "indicator": "Indicator", "territory": "Territory", "period": "Period",
        "target": "Target", "actual": "Actual", "status": "Verdict", "mark": "Gap / ratio",
        "basis": "Method", "sources": "Sources", "years": "Years used",
        "estimate": " (estimate)", "derived": " (summed from the former provinces)",
        "methods": {"stated_period_average": "stated period average",
                    "geometric_mean_of_annual": "compound average of the years",
                    "actual_of_target_year": "figure of the target year",
                    "cagr_ratio": "observed / required compound growth",
                    "linear_ratio": "observed / required linear change",
                    "latest_meets_target": "latest figure meets the target",
                    "baseline_met_target": "base year met it, latest does not",
                    "required_vs_pace_in_period": "pace in the period / pace needed",
                    "required_vs_pace_before_period": "latest pace / pace needed"},
        "m_indicator": "Indicator", "m_year": "Year", "m_stated": "Merged province (stated)",
        "m_sum": "Sum of former provinces (computed)",
        "m_none": "No indicator has figures of every former province to add up to the merged "
                  "province's.",
        "m_head": "Harmonised series (sum of the former provinces, marked *computed*):",
        "m_line": "- {indicator} {year}: sum {sum}{stated}",
        "m_stated_same": "; the merged province states {stated} (difference {diff})",
        "method": ("Method: ended periods — \"above X\" is met above X (\"X or more\" "
                   "includes X); a range \"X–Y\" is met from its weakest bound; \"about X\" "
                   "is met unless more than **{tolerance}** short of X; period-average growth "
                   "is the compound average of the years (or the stated period average). "
                   "Running periods — observed over required growth to arrive on time (Open "
                   "SDG / Statistics Canada): on track from **{on_track}**, acceleration "
                   "needed from **{acceleration}**, limited progress from 0, moving away "
                   "below 0. A target is only compared with figures of its own territory."),
        "territory_col": "Territory",
    },
}

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
    return format_amount(value, unit, lang=lang,
                         decimals=None if unit not in ("USD", "VND", "percent") else 2)


def _mark(row, lang: str) -> str:
    words = messages(_MESSAGES, lang)
    if not missing(row.get("gap")):
        unit = words["pp"] if row["gap_unit"] == "pp" else words["pct"]
        sign = "+" if row["gap"] > 0 else ""
        return f"{sign}{format_number(row['gap'], lang=lang, decimals=2)} {unit}"
    if not missing(row.get("ratio")):
        return f"{format_number(row['ratio'] * 100, lang=lang, decimals=0)} %"
    return "–"


def _other_territory(row) -> str:
    others = [e["territory"] for e in (row.get("evidence") or ())
              if e["territory"] != str(row["territory"])]
    return others[0] if others else ""


def describe_attainment(verdicts: pd.DataFrame, *, region: str | None = None,
                        as_of: int | None = None, lang: str = "vi", top: int = 3) -> str:
    """How many targets were met, missed or are on track, and the largest misses.

    Parameters
    ----------
    verdicts : DataFrame
        From :func:`hy_analysis.analysis.attainment.assess`.
    region : str, optional
        Name of the selection for the heading (default: the territories in ``verdicts``).
    as_of : int, optional
        The year of assessment, for the heading (default: the one ``assess`` used).
    lang : {"vi", "en"}
    top : int
        How many misses (ended) and laggards (running) to name.

    Returns
    -------
    str
        Markdown.
    """
    words = messages(_MESSAGES, lang)
    name = md_escape(region or ", ".join(dict.fromkeys(verdicts["territory"].astype(str))))
    as_of = verdicts.attrs.get("as_of") if as_of is None else as_of
    if verdicts.empty:
        return words["none"].format(region=name)
    counts = verdicts["status"].astype(str).value_counts()
    count = {s: int(counts.get(s, 0)) for s in STATUS_LABELS["en"]}
    lines = [words["head"].format(region=name, as_of="–" if as_of is None else as_of,
                                  n=len(verdicts)),
             "",
             words["ended"].format(met=count["achieved"], missed=count["missed"],
                                   judged=count["achieved"] + count["missed"]),
             words["running"].format(on_track=count["on_track"],
                                     accel=count["acceleration_needed"],
                                     limited=count["limited_progress"],
                                     away=count["moving_away"]),
             words["open"].format(no_data=count["no_data"],
                                  not_comparable=count["not_comparable"])]
    missed = verdicts[verdicts["status"].astype(str) == "missed"]
    if len(missed) and top:
        # Rates and levels are ranked apart: 2 pp and 20 % are not on one scale.
        ranked = missed.assign(_rank=missed["gap"] / missed["gap_unit"].map(
            {"pp": 1.0, "%": 10.0}).fillna(1.0)).sort_values("_rank").head(top)
        lines += ["", words["misses"]]
        for _, row in ranked.iterrows():
            lines.append(words["miss"].format(
                indicator=md_escape(_indicator(row, lang)), territory=md_escape(row["territory"]),
                period=format_period(row["period_start"], row["period_end"]),
                actual=_value(row["actual"], row["unit"], lang),
                target=md_escape(row["value_raw"]), gap=_mark(row, lang).lstrip("-−")))
    behind = verdicts[verdicts["status"].astype(str).isin(_RUNNING[1:])
                      & verdicts["ratio"].notna()].sort_values("ratio").head(top)
    if len(behind) and top:
        lines += ["", words["laggards"]]
        for _, row in behind.iterrows():
            lines.append(words["laggard"].format(
                indicator=md_escape(_indicator(row, lang)), territory=md_escape(row["territory"]),
                period=format_period(row["period_start"], row["period_end"]),
                ratio=f"{format_number(row['ratio'] * 100, lang=lang, decimals=0)} %"))
    return "\n".join(lines)


def attainment_table(verdicts: pd.DataFrame, *, lang: str = "vi") -> pd.DataFrame:
    """The full reader table: one row per target, headers and words in ``lang``.

    Parameters
    ----------
    verdicts : DataFrame
        From :func:`hy_analysis.analysis.attainment.assess`.
    lang : {"vi", "en"}

    Returns
    -------
    DataFrame
        Columns: indicator, territory, period, target (as written), actual (with its unit,
        marked estimate or computed), verdict, gap or ratio, method (with the reason), years
        used and sources. Values are plain text: escaping is the display layer's single step.
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
        basis = words["methods"].get(row["method"], row["method"])
        reason = reason_label(row["reason"], lang, other=_other_territory(row))
        rows.append({
            words["indicator"]: _indicator(row, lang),
            words["territory"]: str(row["territory"]),
            words["period"]: format_period(row["period_start"], row["period_end"]),
            words["target"]: str(row["value_raw"]),
            words["actual"]: actual if not missing(row["actual"]) else "–",
            words["status"]: status_label(row["status"], lang),
            words["mark"]: _mark(row, lang),
            words["basis"]: "; ".join(x for x in (basis, reason) if x),
            words["years"]: str(row["years"] or "–"),
            words["sources"]: "; ".join(dict.fromkeys(
                x for part in (row["source_id"], row["actual_sources"])
                for x in str(part).split("; ") if x)),
        })
    columns = [words[k] for k in ("indicator", "territory", "period", "target", "actual",
                                  "status", "mark", "basis", "years", "sources")]
    return pd.DataFrame(rows, columns=columns)


def scorecard_data(verdicts: pd.DataFrame, *, lang: str = "vi",
                   include_open: bool = True) -> pd.DataFrame:
    """What the scorecard chart draws: one labelled row per target, best verdicts first.

    Parameters
    ----------
    verdicts : DataFrame
        From :func:`hy_analysis.analysis.attainment.assess`.
    lang : {"vi", "en"}
    include_open : bool
        Also the targets without a verdict (no data, not comparable).

    Returns
    -------
    DataFrame
        ``label`` (indicator, the target as written, territory and period), ``status``,
        ``status_label``, ``mark`` (gap for ended targets, ratio × 100 for running ones),
        ``mark_kind`` (``pp``, ``%`` or ``ratio``) and ``mark_text`` (the written mark).
    """
    order = {s: i for i, s in enumerate(STATUS_LABELS["en"])}
    if not include_open:
        verdicts = verdicts[~verdicts["status"].astype(str).isin(("no_data", "not_comparable"))]
    rows = []
    for _, row in verdicts.iterrows():
        if not missing(row["gap"]):
            mark, kind = float(row["gap"]), row["gap_unit"]
        elif not missing(row["ratio"]):
            mark, kind = float(row["ratio"]) * 100, "ratio"
        else:
            mark, kind = float("nan"), ""
        rows.append(dict(
            label=f"{_indicator(row, lang)} {row['value_raw']} · {row['territory']} · "
                  f"{format_period(row['period_start'], row['period_end'])}",
            status=str(row["status"]), status_label=status_label(row["status"], lang),
            mark=mark, mark_kind=kind, mark_text=_mark(row, lang),
            _order=order.get(str(row["status"]), 99)))
    frame = pd.DataFrame(rows, columns=["label", "status", "status_label", "mark",
                                        "mark_kind", "mark_text", "_order"])
    return frame.sort_values(["_order", "label"], kind="stable").drop(columns="_order") \
        .reset_index(drop=True)


def merger_table(comparison: pd.DataFrame, *, lang: str = "vi") -> pd.DataFrame:
    """The harmonised series as a reader table: parts, their computed sum, the stated figure.

    Parameters
    ----------
    comparison : DataFrame
        From :func:`hy_analysis.analysis.attainment.merger_comparison`.
    lang : {"vi", "en"}

    Returns
    -------
    DataFrame
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
            row[header] = _value(item["value"], unit, lang)
        out.append(row)
    return pd.DataFrame(out)


def describe_merger(comparison: pd.DataFrame, *, lang: str = "vi") -> str:
    """One line per harmonised figure: the computed sum and, where stated, the merged figure.

    Parameters
    ----------
    comparison : DataFrame
        From :func:`hy_analysis.analysis.attainment.merger_comparison`.
    lang : {"vi", "en"}

    Returns
    -------
    str
        Markdown.
    """
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
                stated=_value(value, row["unit"], lang),
                diff=_value(value - row["value"], row["unit"], lang))
        lines.append(words["m_line"].format(indicator=md_escape(_indicator(row, lang)),
                                            year=int(row["year"]),
                                            sum=_value(row["value"], row["unit"], lang),
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
