"""Merged provinces side by side: their plan targets, their base-year results, the growth needed.

Pure analysis over the tidy frame of :func:`hy_analysis.load_targets` and the region map
(:func:`hy_analysis.loading.load_regions`), which is always passed in: frames in, frames out.
The words are in :mod:`hy_analysis.findings.comparison`, the chart in
:mod:`hy_analysis.charts.comparison`.

A *province* here is a province after the 2025 merger (``province_after_2025`` of the region
map, e.g. ``"Hưng Yên"``, ``"Bắc Ninh"``). Only figures of its **merged territory** are used:
a figure of a former province (old Hưng Yên, Thái Bình, Bắc Giang, old Bắc Ninh) is never
set against a merged-province target. Where the merged province states no base-year figure
but every former province has one that adds up (:data:`~hy_analysis.analysis.attainment.ADDITIVE`),
the sum of the parts from :func:`~hy_analysis.analysis.attainment.harmonise` stands in,
marked ``derived``.

The growth a level target needs is the compound annual rate from the base-year level,
:func:`~hy_analysis.analysis.growth.implied_growth`; for an average-growth target it is
:func:`~hy_analysis.analysis.growth.required_growth_rate` over the years of the plan already
reported (none yet: the target itself). Shares and rates (unit ``percent``) need a change in
percentage points, not a growth rate. A target stated on another definition (``basis``) than
the base-year figure gets no rate at all: it is ``not_comparable``, naming both bases.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from ..docstrings import fill_doc
from ..territories import RegionMap
from .attainment import estimated, harmonise, last_day
from .growth import implied_growth, required_growth_rate

__all__ = ["PLAN", "BASE_YEAR", "province_territories", "plan_targets", "base_figures",
           "needed_growth", "coverage"]

#: The plan period compared (first and last year).
PLAN = (2026, 2030)
#: The year whose results the plan starts from.
BASE_YEAR = 2025

#: Measures of a base-year result: a level, the year's growth, the average of the period
#: ending that year (e.g. 2021–2025).
_BASE_MEASURES = ("level", "annual_growth", "period_average_growth")
_KEY = ["province", "indicator", "measure", "unit", "breakdown", "basis"]

_TERRITORY_COLUMNS = ["province", "territory", "parts", "known_parts"]
_TARGET_COLUMNS = ["province", "territory", "indicator", "indicator_vi", "indicator_en",
                   "measure", "unit", "breakdown", "period_start", "period_end", "value_raw",
                   "low", "high", "qualifier", "value", "source_id", "ids", "basis"]
_BASE_COLUMNS = ["province", "territory", "indicator", "indicator_vi", "indicator_en",
                 "measure", "unit", "breakdown", "period_start", "period_end", "value_raw",
                 "low", "high", "qualifier", "value", "source_id", "id", "derived",
                 "estimate", "others", "basis"]
_NEEDED_COLUMNS = ["province", "indicator", "indicator_vi", "indicator_en", "measure", "unit",
                   "breakdown", "period_start", "period_end", "target_raw", "target_low",
                   "target_high", "target_source", "base_year", "base_period", "base_value",
                   "base_raw", "base_source", "base_derived", "base_estimate", "years",
                   "years_reported", "method", "required_low", "required_high",
                   "change_low", "change_high", "target_basis", "base_basis"]


def _need(frame: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{name}: missing column(s) {', '.join(missing)}")


def _text(series: pd.Series) -> pd.Series:
    return series.fillna("").astype(str)


# --------------------------------------------------------------------------- territories

def province_territories(region_map: RegionMap, provinces: Sequence[str]) -> pd.DataFrame:
    """Each province's merged territory, the provinces it was formed from and those known.

    Parameters
    ----------
    region_map : RegionMap
        The run's region map (:func:`hy_analysis.loading.load_region_map`).
    provinces : sequence of str
        Provinces after the 2025 merger, in the order to show them.

    Returns
    -------
    DataFrame
        One row per province: ``province``, ``territory`` (its merged territory, ``""`` when
        the region map has none), ``parts`` (the former provinces' territories that formed
        it, a tuple) and ``known_parts`` (the map's former territories whose province
        became this one, a tuple: what is known when the merged territory is missing).
    """
    frame, merged = region_map.frame, region_map.merged_parts
    region_of = region_map.territories
    # The map's provinces once, as text (not one pass over every row per province).
    map_provinces = [(str(t), str(after)) for t, after, level in zip(
        frame["territory"], frame["province_after_2025"], frame["level"])
        if str(level) == "province"]
    records = []
    for province in provinces:
        territory = next((t for t in merged if region_of.get(t) == province), "")
        known = tuple(t for t, after in map_provinces if after == province and t != territory)
        records.append(dict(province=province, territory=territory,
                            parts=merged.get(territory, ()), known_parts=known))
    return pd.DataFrame.from_records(records, columns=_TERRITORY_COLUMNS)


def _merged_rows(data: pd.DataFrame, territories: pd.DataFrame) -> pd.DataFrame:
    """Rows of the provinces' merged territories, with the province as a column."""
    province_of = {t: p for p, t in zip(territories["province"], territories["territory"]) if t}
    rows = data[_text(data["territory"]).isin(province_of)]
    return rows.assign(province=_text(rows["territory"]).map(province_of),
                       breakdown=_text(rows["breakdown"]) if "breakdown" in rows
                       else "", basis=_text(rows["basis"]) if "basis" in rows else "")



def _merged_rows_of(data: pd.DataFrame, territories: pd.DataFrame, *, kind: str,
                    end: int) -> pd.DataFrame:
    """:func:`_merged_rows` of one ``kind`` (target, actual) whose period ends in ``end``."""
    rows = _merged_rows(data, territories)
    return rows[(_text(rows["kind"]) == kind) & (rows["period_end"] == end)]


# --------------------------------------------------------------------------- targets

@fill_doc
def plan_targets(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
                 period: tuple[int, int] = PLAN) -> pd.DataFrame:
    """The targets each merged province set for the plan period.

    A target belongs to the plan when it ends in the period's last year and starts within
    the period: a level for 2030, the 2026–2030 average growth, a 2026–2030 total. Identical
    figures of several documents are one row naming every source; differing figures stay
    separate rows.

    Parameters
    ----------
    {provinces_data}
    period : (int, int)
        First and last year of the plan.

    Returns
    -------
    DataFrame
        Columns ``province, territory, indicator, indicator_vi, indicator_en, measure, unit,
        breakdown, period_start, period_end, value_raw, low, high, qualifier, value,
        source_id, ids, basis`` (``""``: the indicator's own definition), in the order of
        ``provinces``, then indicator as first met.
    """
    _need(data, ("id", "territory", "indicator", "kind", "measure", "period_start",
                 "period_end", "value_raw", "unit", "low", "high", "value", "source_id"), "data")
    start, end = period
    rows = _merged_rows_of(data, province_territories(region_map, provinces), kind="target",
                           end=end)
    rows = rows[rows["period_start"] >= start]
    if rows.empty:
        return pd.DataFrame(columns=_TARGET_COLUMNS)
    keys = [*_KEY, "period_start", "period_end", "low", "high", "qualifier"]
    out = (rows.assign(qualifier=_text(rows["qualifier"]), measure=_text(rows["measure"]),
                       unit=_text(rows["unit"]), indicator=_text(rows["indicator"]))
           .groupby(keys, sort=False, dropna=False, as_index=False)
           .agg(territory=("territory", "first"), indicator_vi=("indicator_vi", "first"),
                indicator_en=("indicator_en", "first"), value_raw=("value_raw", "first"),
                value=("value", "first"),
                source_id=("source_id", lambda s: "; ".join(dict.fromkeys(s))),
                ids=("id", lambda s: "; ".join(s))))
    return _in_province_order(out, provinces)[_TARGET_COLUMNS]


def _in_province_order(frame: pd.DataFrame, provinces: Sequence[str]) -> pd.DataFrame:
    order = {p: i for i, p in enumerate(provinces)}
    return (frame.assign(_p=frame["province"].map(order)).sort_values("_p", kind="stable")
            .drop(columns="_p").reset_index(drop=True))


# --------------------------------------------------------------------------- base year

@fill_doc
def base_figures(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
                 year: int = BASE_YEAR) -> pd.DataFrame:
    """Each merged province's results of ``year``: levels, the year's growth, the period's.

    One figure per province, indicator, measure, unit, breakdown and definition
    (``basis``). Of several, a stated figure goes before a derived one, a firm one before an
    estimate, then the latest snapshot, then the latest source; the other values are listed
    in ``others``. Where the merged province states nothing for an additive indicator but
    every former province has a figure for ``year``, the sum of the parts stands in
    (``derived``).

    Parameters
    ----------
    {provinces_data}
    year : int
        The base year (levels of that year, its annual growth, averages ending in it).

    Returns
    -------
    DataFrame
        Columns ``province, territory, indicator, indicator_vi, indicator_en, measure, unit,
        breakdown, period_start, period_end, value_raw, low, high, qualifier, value,
        source_id, id, derived, estimate, others, basis``. A derived sum has an empty
        ``value_raw``. ``estimate`` follows
        :func:`~hy_analysis.analysis.attainment.estimated` (marked, or published before the
        year ended).
    """
    territories = province_territories(region_map, provinces)
    summed = harmonise(data, region_map=region_map)
    pool = pd.concat([data, summed], ignore_index=True) if len(summed) else data
    rows = _merged_rows_of(pool, territories, kind="actual", end=year)
    rows = rows[_text(rows["measure"]).isin(_BASE_MEASURES) & rows["value"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=_BASE_COLUMNS)
    rows = rows.assign(
        indicator=_text(rows["indicator"]), measure=_text(rows["measure"]),
        unit=_text(rows["unit"]), qualifier=_text(rows["qualifier"]),
        derived=rows["derived"].fillna(False).astype(bool) if "derived" in rows else False,
        estimate=estimated(rows),
        _as_of=rows["as_of"].map(last_day) if "as_of" in rows else pd.NaT,
        _published=rows["source_date"].map(last_day) if "source_date" in rows else pd.NaT)
    # A few rows per figure: ranked in plain Python (a sort and a filter per group on the
    # frame cost ten times more).
    groups: dict[tuple, list[dict]] = {}
    for row in rows.to_dict("records"):
        key = tuple(row[k] for k in (*_KEY, "period_start"))
        if not any(pd.isna(k) for k in key):  # as groupby, which leaves out missing keys
            groups.setdefault(key, []).append(row)
    records = []
    for group in groups.values():
        ranked = sorted(group, key=_rank)
        best = dict(ranked[0])
        best["others"] = "; ".join(dict.fromkeys(
            str(r["value_raw"]) if r["value_raw"] else f"{r['value']:g}" for r in ranked
            if r["value"] != best["value"]))
        records.append(best)
    out = pd.DataFrame.from_records(records)
    return _in_province_order(out, provinces)[_BASE_COLUMNS]


def _rank(row: dict) -> tuple:
    """Sort key of a base-year figure: stated before derived, firm before estimate, latest
    snapshot, latest publication, then id (missing dates and ids last)."""
    def latest(day) -> tuple:
        return (True, 0) if pd.isna(day) else (False, -day.value)

    return (bool(row["derived"]), bool(row["estimate"]), latest(row["_as_of"]),
            latest(row["_published"]), (True, "") if pd.isna(row["id"]) else (False, row["id"]))


# --------------------------------------------------------------------------- growth needed

@fill_doc
def needed_growth(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
                  period: tuple[int, int] = PLAN, base_year: int = BASE_YEAR) -> pd.DataFrame:
    """What each plan target asks of the years from the base-year result.

    ``method`` says how:

    - ``compound``: a level in money, people, area or counts. ``required_*`` is the
      compound annual growth (%/yr) from the base-year level of the same indicator, unit and
      breakdown to the target's bounds (:func:`~hy_analysis.analysis.growth.implied_growth`);
      negative when the target is below the base.
    - ``points``: a share or rate (unit ``percent``). ``change_*`` is the change needed in
      percentage points from the base-year figure; no growth rate.
    - ``rate``: an average-growth target. ``required_*`` is the yearly growth the plan's
      remaining years need given its years already reported
      (:func:`~hy_analysis.analysis.growth.required_growth_rate`; with none reported, the
      target itself); ``base_*`` is the growth achieved in the period ending in the base year
      (its average, else the base year's growth) and ``change_*`` the acceleration asked
      (target minus achieved, points).
    - ``total``: a total over the period; no rate is derived from it.
    - ``no_base``: the province states no base-year figure of that indicator and unit, and
      its former provinces' figures do not add up to one.
    - ``not_comparable``: the only base-year figure is stated on another definition
      (``base_basis``) than the target (``target_basis``; ``""`` is the indicator's own),
      e.g. a narrower revenue aggregate against total revenue: no rate or change is derived.

    Parameters
    ----------
    {provinces_data}
    period : (int, int)
        The plan period.
    base_year : int
        The year whose results the plan starts from.

    Returns
    -------
    DataFrame
        One row per plan target (:func:`plan_targets`), columns ``province, indicator,
        indicator_vi, indicator_en, measure, unit, breakdown, period_start, period_end,
        target_raw, target_low, target_high, target_source, base_year, base_period,
        base_value, base_raw, base_source, base_derived, base_estimate, years,
        years_reported, method, required_low, required_high, change_low, change_high,
        target_basis, base_basis`` (``years``: from the base to the target's end;
        ``years_reported``: plan years with a reported growth).
    """
    targets = plan_targets(data, region_map=region_map, provinces=provinces, period=period)
    base = base_figures(data, region_map=region_map, provinces=provinces, year=base_year)
    growth = _plan_growth(data, region_map=region_map, provinces=provinces, period=period)
    # Looked up once per target: lists of a few rows, not a frame filtered each time.
    reported = list(zip(growth["province"], _text(growth["indicator"]), growth["period_end"],
                        growth["value"]))
    figures = base.to_dict("records")
    records = [_needed_one(target, figures, reported, base_year=base_year)
               for target in targets.to_dict("records")]
    return pd.DataFrame.from_records(records, columns=_NEEDED_COLUMNS)


def _plan_growth(data, *, region_map, provinces, period) -> pd.DataFrame:
    """Annual growth the merged provinces reported for the years of the plan."""
    rows = _merged_rows(data, province_territories(region_map, provinces))
    return rows[(_text(rows["kind"]) == "actual") & (_text(rows["measure"]) == "annual_growth")
                & rows["period_end"].between(*period) & rows["value"].notna()]


def _base_for(target: dict, base: list[dict], measures: Sequence[str]) -> dict | None:
    """The base figure (a record of :func:`base_figures`) for a target: of its own basis
    first, else of another (the caller then says ``not_comparable``); then in the order of
    ``measures``."""
    hit = [b for b in base if b["province"] == target["province"]
           and b["indicator"] == target["indicator"] and b["unit"] == target["unit"]
           and b["breakdown"] == target["breakdown"] and b["measure"] in measures]
    if not hit:
        return None
    order = {m: i for i, m in enumerate(measures)}
    # min keeps the first of equals, as a stable sort would.
    return dict(min(hit, key=lambda b: (b["basis"] != target["basis"], order[b["measure"]])))


def _needed_one(target: dict, base: list[dict], reported: list[tuple], *,
                base_year: int) -> dict:
    low, high = target["low"], target["high"]
    row = dict(province=target["province"], indicator=target["indicator"],
               indicator_vi=target["indicator_vi"], indicator_en=target["indicator_en"],
               measure=target["measure"], unit=target["unit"], breakdown=target["breakdown"],
               period_start=int(target["period_start"]), period_end=int(target["period_end"]),
               target_raw=target["value_raw"], target_low=low, target_high=high,
               target_source=target["source_id"], base_year=base_year, base_period="",
               base_value=np.nan, base_raw="", base_source="", base_derived=False,
               base_estimate=False, years=int(target["period_end"]) - base_year,
               years_reported=0, method="no_base", required_low=np.nan, required_high=np.nan,
               change_low=np.nan, change_high=np.nan, target_basis=target["basis"],
               base_basis="")
    measure = target["measure"]
    found = None if measure == "period_total" else _base_for(
        target, base, ("period_average_growth", "annual_growth")
        if measure == "period_average_growth" else ("level",))
    if found is not None and found["basis"] != target["basis"]:
        # Another definition: naming both bases is all that can be said, never a rate.
        row["method"] = "not_comparable"
        _describe_base(row, found)
        return row
    if measure == "period_average_growth":
        by_year: dict = {}  # the first reported growth of each year
        for province, indicator, year, value in reported:
            if province == target["province"] and indicator == target["indicator"]:
                by_year.setdefault(year, value)
        done = []
        for year in range(row["period_start"], row["period_end"] + 1):
            if year not in by_year:
                break
            done.append(float(by_year[year]))
        n = row["period_end"] - row["period_start"] + 1
        row.update(method="rate", years=n, years_reported=len(done),
                   required_low=required_growth_rate(low, done, years=n),
                   required_high=required_growth_rate(high, done, years=n)
                   if pd.notna(high) else np.nan)
    elif measure == "period_total":
        row["method"] = "total"
    else:
        if found is not None:
            if target["unit"] == "percent":
                row.update(method="points", change_low=low - found["value"],
                           change_high=high - found["value"] if pd.notna(high) else np.nan)
            else:
                row.update(method="compound",
                           required_low=implied_growth(found["value"], low, row["years"]),
                           required_high=implied_growth(found["value"], high, row["years"])
                           if pd.notna(high) else np.nan)
    if found is not None:
        _describe_base(row, found)
        if row["method"] == "rate":
            row.update(change_low=low - found["value"],
                       change_high=high - found["value"] if pd.notna(high) else np.nan)
    return row


def _describe_base(row: dict, found: dict) -> None:
    """The base figure's own columns on a row of :func:`needed_growth`."""
    row.update(base_period=(f"{int(found['period_start'])}–{int(found['period_end'])}"
                            if found["period_start"] != found["period_end"]
                            else str(int(found["period_end"]))),
               base_value=found["value"], base_raw=found["value_raw"],
               base_source=found["source_id"], base_derived=bool(found["derived"]),
               base_estimate=bool(found["estimate"]), base_basis=found["basis"])


# --------------------------------------------------------------------------- coverage

def coverage(targets: pd.DataFrame, base: pd.DataFrame, *,
             provinces: Sequence[str]) -> pd.DataFrame:
    """Which province states which target and which base-year figure.

    Parameters
    ----------
    targets : DataFrame
        From :func:`plan_targets`.
    base : DataFrame
        From :func:`base_figures`.
    provinces : sequence of str

    Returns
    -------
    DataFrame
        One row per (indicator, unit, what) with ``what`` ``target`` or ``base`` and the
        names ``indicator_vi``, ``indicator_en``; then one boolean column per province
        (True: the province states it). Targets first, then base figures; in order of
        first appearance.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame(dict(province=["A"], indicator=["x"], unit=["USD"],
    ...                       indicator_vi=["x"], indicator_en=["x"]))
    >>> coverage(t, t.iloc[0:0], provinces=["A", "B"])[["indicator", "what", "A", "B"]]
      indicator    what     A      B
    0         x  target  True  False
    """
    columns = ["indicator", "unit", "what", "indicator_vi", "indicator_en", *provinces]
    records = []
    for what, frame in (("target", targets), ("base", base)):
        if frame.empty:
            continue
        for (indicator, unit), group in frame.groupby(["indicator", "unit"], sort=False):
            stated = set(group["province"])
            records.append(dict(indicator=indicator, unit=unit, what=what,
                                indicator_vi=group["indicator_vi"].iloc[0],
                                indicator_en=group["indicator_en"].iloc[0],
                                **{p: p in stated for p in provinces}))
    return pd.DataFrame.from_records(records, columns=columns)
