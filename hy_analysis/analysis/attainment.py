"""Were the targets met? One verdict per target, with its evidence.

:func:`assess` scores every target row of the tidy frame of :func:`hy_analysis.load_targets`
against the actuals of the **same territory**; :func:`harmonise` builds the merged province's
series from its parts where the figure is a sum. Pure: frames in, frames out (pandas and numpy
only). Reader labels for the status codes live in :mod:`hy_analysis.findings.attainment`.

Rules
-----
One verdict per distinct target (:data:`TARGET_KEY`): rows of several sources stating the
same target are one row listing every source. Each is judged **as of** the last year its own
territory has a full-year figure for the indicator (``as_of_year``), on the same definition
(``basis``; another basis gives ``not_comparable`` naming both). A target of a territory that
ceased (:func:`territory_ends`) before its period's last year is ``superseded``: its latest
own figure is shown, never a pace, and the successor territory's targets are named.

Final verdicts, only when the period's data is complete (every year of a period average, the
target year's figure, or a firm stated figure of the period), by the qualifier parsed from
``value_raw``:

- ``above`` ("trên X", "hơn X", "over X"): met when the actual is above X; the inclusive
  wordings ("X trở lên", "at least X", "or more", "tối thiểu", "ít nhất") also accept X itself.
- ``below`` ("dưới X"): met when the actual is below X ("tối đa", "at most": X itself too).
- ``range`` ("X–Y"): met from the weakest bound in the desired direction (X when more is
  better), as interval targets are rated in Germany's sustainability indicators.
- ``about`` ("khoảng X"): met within ``tolerance`` (a fraction of X) short of X, or beyond X
  in the desired direction; "khoảng X–Y" uses the weakest bound of the range.
- ``exact`` ("X", "đạt X"): a level to reach: met at X or beyond in the desired direction.

The desired direction (:func:`desired_direction`) comes from the qualifier ("dưới X" down),
the wording ("giảm xuống", "còn" down), for a share or rate stated as a level from the
target against the territory's figure before the target was set (services 28,85 % -> "28 %"
asks for a fall), else from the indicator (column ``desired_direction`` of data/indicators.csv, which
loading puts on each row: a poverty rate's is down, most are up). The
gap is signed so that a negative
number is a shortfall, measured from the figure as written (an "about" target's tolerance
decides the verdict, not the gap): percentage points for units ``percent`` (rates and shares),
per cent of the figure for levels.

Period-average growth targets compare the stated period-average actual when there is one
(an estimate made before the period ended does not count), else the compound (geometric)
average of the yearly actuals.

A verdict is final only on firm figures. An estimate (:func:`estimated`) is a figure its note
marks ("estimate: ước") or one published before its period was over (the source's date
before 1 January after the year), whatever verb the text uses.

Provisional verdicts, while the period's data is not all in: the anticipated-progress method
of Statistics Canada / Open SDG (after Eurostat): ``ratio`` = observed compound annual growth
from the baseline / compound annual growth required to reach the target on time; on track
(method ``latest_meets_target``) when the latest actual already meets the target, else on
track (ratio >= ``on_track``), acceleration
needed (>= ``acceleration_needed``), limited progress (>= 0) or moving away (< 0). Fewer than
two points give ``no_data``; a zero or negative baseline has no compound growth, so the
ratio of the linear yearly changes is used and ``method`` says so. Growth-rate targets: the
ratio of the recent pace (the compound average of the period's years so far, else the growth
of the latest year before the period) to the yearly growth the remaining years need
(``needed``, for ``needed_years``). ``needed`` and ``ratio`` are measured against the target as
written; an "about" target's tolerance may only soften the band to on track.

Across the 2025 merger: a target is never scored with actuals of another territory. For the
merged province, indicators that are sums of parts (:data:`ADDITIVE`) get a harmonised series
(old Hưng Yên + Thái Bình, from the ``region_map``) for years where every part has a figure,
marked ``derived`` and naming every source (a sum with an estimated part is an estimate; only
figures of the same span add up); growth rates are derived only from such levels
(:data:`RATES_FROM_LEVELS`), never averaged. Snapshot dates compare as dates. A target whose
only actuals belong to another territory is ``not_comparable`` with the reason.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..docstrings import fill_doc
from ..territories import RegionMap
from .content import remembered
from .growth import required_growth_rate

__all__ = [
    "STATUSES", "ADDITIVE", "RATES_FROM_LEVELS", "DEFAULT_TOLERANCE",
    "DEFAULT_ON_TRACK", "DEFAULT_ACCELERATION_NEEDED", "ASSESS_COLUMNS",
    "assess", "harmonise", "merger_comparison", "merged_parts", "merger_family",
    "territories_of", "progress_band", "progress_ratio", "geometric_mean_growth",
    "TARGET_KEY", "distinct_targets", "territory_ends", "estimated", "desired_direction",
    "last_day",
]

#: Verdict codes, best first (the order of the scorecard's legend).
STATUSES = ("achieved", "on_track", "acceleration_needed", "limited_progress", "moving_away",
            "missed", "superseded", "no_data", "not_comparable")
#: Indicators whose merged-province figure is the sum of the parts' figures.
ADDITIVE = ("exports", "exports_h1", "fdi_projects", "fdi_capital", "grdp_current_prices",
            "grdp_constant_prices", "population", "area")
#: Growth rates harmonised through a level: rate indicator -> level indicator.
RATES_FROM_LEVELS = {"grdp_growth": "grdp_constant_prices", "exports_growth": "exports"}
DEFAULT_TOLERANCE = 0.05
DEFAULT_ON_TRACK = 0.95
DEFAULT_ACCELERATION_NEEDED = 0.6

#: Columns of the frame returned by :func:`assess`.
ASSESS_COLUMNS = (
    "id", "region", "territory", "indicator", "indicator_vi", "indicator_en", "period_start",
    "period_end", "value_raw", "value_raws", "source_id", "target_ids", "sources", "measure",
    "unit", "qualifier", "basis", "direction", "state", "final", "as_of_year", "status",
    "threshold", "actual", "actual_year", "baseline", "baseline_year", "ratio", "gap",
    "gap_unit", "needed", "needed_years", "successor", "successor_ids", "method", "reason", "note",
    "computation", "thresholds", "years", "actual_ids", "actual_sources", "derived",
    "evidence",
)

_GROWTH_MEASURES = ("period_average_growth", "annual_growth")
_INCLUSIVE_ABOVE = re.compile(r"trở lên|at least|or more|tối thiểu|ít nhất|≥", re.I)
_INCLUSIVE_BELOW = re.compile(r"tối đa|at most|or less|trở xuống|≤", re.I)
# An estimate is marked where a clause of the note starts with it ("estimate: ước", the
# extractor's "…; estimate (ước)") or where a derived row names an estimated part
# ("(estimate, current prices)"); a note that merely mentions another row's estimate
# ("vs 13.85 % estimated on 6 Dec 2024") or says "no 'ước' in the text" is not one.
_ESTIMATE = re.compile(r"(?:^|;)\s*(?:estimat|ước)|\((?:both )?estimates?\b", re.I)
#: Measures of the first half of a year: the figure is complete from 1 July.
_HALF_YEAR_MEASURES = ("half_year_growth", "half_year_total")
#: Indicators of the first half of a year stated as a level (``exports_h1``).
_HALF_YEAR_INDICATORS = ("exports_h1",)
#: Measures whose period does not end on a known day (year to date): note alone decides.
_OPEN_END_MEASURES = ("ytd_total",)


# --------------------------------------------------------------------------- estimates

def estimated(frame: pd.DataFrame) -> pd.Series:
    """Whether each row's figure is an estimate (boolean Series on ``frame``'s index).

    A figure is an estimate when its ``note`` marks it (a clause starting "estimate" or
    "ước", or a derived row naming an estimated part), **or** when its source was published
    before the period it reports was over, whatever verb the source uses ("đạt" on
    10 December is still a year-end estimate): the last day the ``source_date`` can denote
    ("2025-12" runs to 31 December, "2025" to the year's end) falls before the day the
    figure is complete -- 1 January after its ``period_end`` year, 1 July after a first
    half-year, the ``as_of`` day of a snapshot. Rows without a source date (a derived sum),
    and year-to-date figures, are judged by their note alone.

    Examples
    --------
    >>> rows = pd.DataFrame(dict(
    ...     note=["", "", "estimate: ước", ""], period_end=[2025, 2025, 2024, 2024],
    ...     source_date=["2025-12-10", "2026-01-19", "", "2025"], measure="annual_growth",
    ...     indicator="g", as_of=""))
    >>> estimated(rows).tolist()
    [True, False, True, False]
    """
    notes = frame["note"].fillna("").astype(str) if "note" in frame \
        else pd.Series("", index=frame.index)
    out = notes.str.contains(_ESTIMATE)
    if "source_date" not in frame or not len(frame):
        return out
    early = [_published_early(*r) for r in zip(
        frame["source_date"], frame["period_end"],
        frame["measure"] if "measure" in frame else [""] * len(frame),
        frame["indicator"] if "indicator" in frame else [""] * len(frame),
        frame["as_of"] if "as_of" in frame else [""] * len(frame))]
    return out | pd.Series(early, index=frame.index, dtype=bool)


def _is_estimate(row: dict) -> bool:
    """:func:`estimated` for one row (a dict)."""
    return bool(_ESTIMATE.search(str(row.get("note") or ""))) or _published_early(
        row.get("source_date"), row.get("period_end"), row.get("measure"),
        row.get("indicator"), row.get("as_of"))


def _published_early(source_date, period_end, measure, indicator, as_of) -> bool:
    published = _date_bounds(source_date)[1]
    if published is None or _missing(period_end) or str(measure) in _OPEN_END_MEASURES:
        return False
    snapshot = _date_bounds(as_of)[0]
    if snapshot is not None:
        complete = snapshot
    elif str(measure) in _HALF_YEAR_MEASURES or str(indicator) in _HALF_YEAR_INDICATORS:
        complete = pd.Timestamp(int(period_end), 7, 1)
    else:
        complete = pd.Timestamp(int(period_end) + 1, 1, 1)
    return published < complete


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _date_bounds(text) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """First and last day a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` text can denote."""
    text = "" if _missing(text) else str(text).strip()
    return _date_bounds_of(text)


@functools.lru_cache(maxsize=512)
def _date_bounds_of(text: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    freq = {4: "Y", 7: "M", 10: "D"}.get(len(text))
    if not freq:
        return None, None
    try:
        period = pd.Period(text, freq=freq)
    except ValueError:
        return None, None
    return period.start_time.normalize(), period.end_time.normalize()


# --------------------------------------------------------------------------- arithmetic

def geometric_mean_growth(rates: Sequence[float]) -> float:
    """Compound average of yearly growth rates, in % per year.

    Examples
    --------
    >>> round(geometric_mean_growth([10, 0]), 3)
    4.881
    """
    rates = [float(r) for r in rates]
    if not rates:
        return float("nan")
    product = float(np.prod([1 + r / 100 for r in rates]))
    return (product ** (1 / len(rates)) - 1) * 100


def progress_ratio(baseline: float, latest: float, target: float, *, baseline_year: int,
                   latest_year: int, target_year: int) -> tuple[float, str]:
    """Observed over required compound annual growth (Open SDG), and the method used.

    Parameters
    ----------
    baseline, latest, target : float
        Values at the base year, the latest year and the target year.
    baseline_year, latest_year, target_year : int
        Years with ``baseline_year < latest_year`` and ``baseline_year < target_year``.

    Returns
    -------
    (float, str)
        The ratio and ``"cagr_ratio"``; for a zero or negative value, where compound growth is
        undefined, the ratio of the linear yearly changes and ``"linear_ratio"``.

    Examples
    --------
    >>> ratio, method = progress_ratio(100, 110, 121, baseline_year=2020, latest_year=2021,
    ...                                target_year=2022)
    >>> round(ratio, 3), method
    (1.0, 'cagr_ratio')
    >>> progress_ratio(0, 5, 20, baseline_year=2020, latest_year=2021, target_year=2024)
    (1.0, 'linear_ratio')
    """
    if not (baseline_year < latest_year and baseline_year < target_year):
        raise ValueError(f"years: expected baseline_year ({baseline_year}) before latest_year "
                         f"({latest_year}) and target_year ({target_year})")
    if min(baseline, latest, target) > 0:
        observed = (latest / baseline) ** (1 / (latest_year - baseline_year)) - 1
        required = (target / baseline) ** (1 / (target_year - baseline_year)) - 1
        method = "cagr_ratio"
    else:
        observed = (latest - baseline) / (latest_year - baseline_year)
        required = (target - baseline) / (target_year - baseline_year)
        method = "linear_ratio"
    if required == 0:
        return float("nan"), method
    return observed / required, method


def progress_band(ratio: float, *, on_track: float = DEFAULT_ON_TRACK,
                  acceleration_needed: float = DEFAULT_ACCELERATION_NEEDED) -> str:
    """The status code of a progress ratio (the target not yet achieved).

    Examples
    --------
    >>> [progress_band(r) for r in (1.2, 0.95, 0.7, 0.1, -0.2)]
    ['on_track', 'on_track', 'acceleration_needed', 'limited_progress', 'moving_away']
    """
    ratio = round(ratio, 9)  # 9.5 / 9.9999999999 is 0.95 for a reader, not "just below"
    if ratio >= on_track:
        return "on_track"
    if ratio >= acceleration_needed:
        return "acceleration_needed"
    if ratio >= 0:
        return "limited_progress"
    return "moving_away"


# --------------------------------------------------------------------------- territories

def _province_set(text) -> frozenset[str]:
    return frozenset(p.strip() for p in str(text or "").split(";") if p.strip())


def merged_parts(region_map: RegionMap) -> dict[str, tuple[str, ...]]:
    """Each merged territory and the province-level territories it was formed from
    (:attr:`hy_analysis.territories.RegionMap.merged_parts`)."""
    return dict(region_map.merged_parts)


def merger_family(region_map: RegionMap) -> tuple[str, ...]:
    """Every merged territory with data followed by its parts (the territories it joined).

    Examples
    --------
    >>> from hy_analysis.loading import load_region_map
    >>> len(merger_family(load_region_map()))  # two merged provinces, each with its two parts
    6
    """
    return region_map.merger_family()


def _related(region_map: RegionMap) -> dict[str, dict[str, str]]:
    """For each territory, the others sharing its land, with why (merger or part-of)."""
    merged, regions = region_map.merged_parts, region_map.frame
    provinces = {str(r.territory): _province_set(r.province_before_2025)
                 for r in regions.itertuples(index=False)}
    related: dict[str, dict[str, str]] = {t: {} for t in provinces}
    for a, pa in provinces.items():
        for b, pb in provinces.items():
            if a == b or not (pa & pb):
                continue
            is_merger = (a in merged and b in merged[a]) or (b in merged and a in merged[b])
            related[a][b] = "territory_changed" if is_merger else "other_territory"
    return related


def territories_of(region_map: RegionMap, region: str | None) -> tuple[str, ...]:
    """The territories a ``region`` parameter selects: a region name or a territory label.

    None selects every territory. Raises ValueError naming the valid choices otherwise.
    """
    return region_map.territories_of(region)


# --------------------------------------------------------------------------- harmonising

@fill_doc
def harmonise(data: pd.DataFrame, *, region_map: RegionMap,
              indicators: Iterable[str] = ADDITIVE) -> pd.DataFrame:
    """The merged province's derived series: sums of its parts, and growth from those sums.

    Parameters
    ----------
    data : DataFrame
        The frame of :func:`hy_analysis.load_targets` (only ``kind == "actual"`` rows of
        ``measure == "level"`` are summed).
    {merger_parts}

    Returns
    -------
    DataFrame
        Rows with the columns of ``data`` for the merged territory, ``derived=True``,
        ``source_id`` naming every part's source (``"; "``-joined), ``id``
        ``harmonised-<indicator>-<year>`` and the parts' ids in ``note``. One row per
        indicator, breakdown and year where every part has a figure; plus
        ``annual_growth`` rows of :data:`RATES_FROM_LEVELS` for consecutive summed years.
    """
    # Pure and the costliest step of an assessment: computed once per distinct content (a
    # notebook's sections and a shared panel's states ask it of the same figures).
    indicators = tuple(indicators)
    return remembered(_HARMONISED, (data, region_map.frame, indicators),
                      lambda: _harmonise(data, region_map, indicators)).copy()


#: :func:`harmonise`'s results by the content of its arguments (a few, oldest out first).
_HARMONISED: dict[tuple, pd.DataFrame] = {}


def _harmonise(data: pd.DataFrame, region_map: RegionMap,
               indicators: tuple[str, ...]) -> pd.DataFrame:
    if "breakdown" not in data.columns:
        data = data.assign(breakdown="")
    rows = [summed for summed, _ in _sums_of_parts(data, region_map, indicators)]
    levels = pd.DataFrame(rows, columns=list(data.columns)) if rows else data.iloc[0:0].copy()
    growth = _growth_from_levels(levels)
    out = pd.concat([levels, growth], ignore_index=True) if len(growth) else levels
    if "region" in out.columns and len(out):
        out["region"] = out["territory"].astype(str).map(region_map.territories)
    return out.reset_index(drop=True)


def _sums_of_parts(data: pd.DataFrame, region_map: RegionMap,
                   indicators: tuple[str, ...]) -> list[tuple[dict, list[dict]]]:
    """Each summed row of a merged territory with the parts' rows it adds up."""
    _need(data, ("id", "territory", "indicator", "kind", "measure", "period_end", "value",
                 "unit", "source_id"), "data")
    if "breakdown" not in data.columns:
        data = data.assign(breakdown="")
    actual = data[(data["kind"].astype(str) == "actual")
                  & (data["measure"].astype(str) == "level")
                  & data["indicator"].astype(str).isin(indicators)
                  & data["value"].notna()]
    out: list[tuple[dict, list[dict]]] = []
    for merged, parts in region_map.merged_parts.items():
        per_part = {p: actual[actual["territory"].astype(str) == p] for p in parts}
        keys = set.intersection(*(
            {(str(r.indicator), _breakdown(r), str(r.unit), int(r.period_start),
              int(r.period_end)) for r in frame.itertuples(index=False)}
            for frame in per_part.values()))
        for indicator, breakdown, unit, first, year in sorted(keys):
            # Only figures of the same span add up (a half-year never joins a full year).
            picked = [_latest(_match_rows(frame[frame["period_start"].astype(int) == first],
                                          indicator, breakdown, unit, year))
                      for frame in per_part.values()]
            total = float(sum(r["value"] for r in picked))
            estimates = [r["id"] for r in picked if _is_estimate(r)]
            summed = dict(picked[0])
            summed.update(
                id=f"harmonised-{indicator}{'-' + breakdown if breakdown else ''}-{year}",
                territory=merged, derived=True, value=total, low=total, high=total,
                source_date="",
                qualifier="exact", value_raw="", source_locator="",
                source_id="; ".join(dict.fromkeys(str(r["source_id"]) for r in picked)),
                note=("estimate: a part is an estimate (" + ", ".join(estimates) + "); "
                      if estimates else "") + "sum of "
                + " + ".join(f"{r['territory']} {r['id']}" for r in picked))
            out.append((summed, picked))
    return out


@fill_doc
def merger_comparison(data: pd.DataFrame, *, region_map: RegionMap,
                      indicators: Iterable[str] = ADDITIVE) -> pd.DataFrame:
    """The former provinces, their computed sum and the merged province's stated figure.

    One block per indicator and year where every former province has a figure.

    Parameters
    ----------
    data : DataFrame
        The frame of :func:`hy_analysis.load_targets`.
    {merger_parts}

    Returns
    -------
    DataFrame
        Long: ``indicator``, ``indicator_vi``, ``indicator_en``, ``breakdown``, ``unit``,
        ``year``, ``territory``, ``role`` (``part``, ``sum`` -- derived -- or ``stated``),
        ``value``, ``id``, ``source_id``, ``estimate`` (:func:`estimated`; a sum with an
        estimated part is one); one block per indicator and year where every former province
        has a figure.
    """
    if "breakdown" not in data.columns:
        data = data.assign(breakdown="")
    records = []

    def add(row, role):
        records.append({
            "indicator": str(row["indicator"]), "indicator_vi": row.get("indicator_vi", ""),
            "indicator_en": row.get("indicator_en", ""), "breakdown": _breakdown_of(row),
            "unit": str(row["unit"]), "year": int(row["period_end"]),
            "territory": str(row["territory"]), "role": role, "value": float(row["value"]),
            "id": str(row["id"]), "source_id": str(row["source_id"]),
            "estimate": _is_estimate(row)})

    for summed, picked in _sums_of_parts(data, region_map, tuple(indicators)):
        for part in picked:
            add(part, "part")
        add(summed, "sum")
        stated = _match_rows(
            data[(data["territory"].astype(str) == summed["territory"])
                 & (data["kind"].astype(str) == "actual")
                 & (data["measure"].astype(str) == "level")],
            str(summed["indicator"]), _breakdown_of(summed), str(summed["unit"]),
            int(summed["period_end"]))
        if len(stated):
            add(_latest(stated), "stated")
    return pd.DataFrame.from_records(records, columns=[
        "indicator", "indicator_vi", "indicator_en", "breakdown", "unit", "year", "territory",
        "role", "value", "id", "source_id", "estimate"])


def _growth_from_levels(levels: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for rate, level in RATES_FROM_LEVELS.items():
        series = levels[(levels["indicator"].astype(str) == level)
                        & (levels["breakdown"].fillna("").astype(str) == "")
                        & (levels["period_start"].astype(int)
                           == levels["period_end"].astype(int))] if len(levels) else levels
        by_year = {int(r.period_end): r for r in series.itertuples(index=False)}
        for year in sorted(by_year):
            previous = by_year.get(year - 1)
            if previous is None or previous.value <= 0:
                continue
            current = by_year[year]
            value = (current.value / previous.value - 1) * 100
            row = current._asdict()
            row.update(id=f"harmonised-{rate}-{year}", indicator=rate, measure="annual_growth",
                       unit="percent", value=value, low=value, high=value,
                       period_start=year, period_end=year,
                       source_id="; ".join(dict.fromkeys(
                           f"{previous.source_id}; {current.source_id}".split("; "))),
                       note=("estimate: from an estimated level; " if any(
                           _is_estimate(r._asdict()) for r in (current, previous))
                           else "") + f"growth of {level}: {current.id} / {previous.id}")
            rows.append(row)
    return pd.DataFrame(rows, columns=list(levels.columns)) if rows else levels.iloc[0:0]


# --------------------------------------------------------------------------- assessing

def assess(
    targets: pd.DataFrame,
    *,
    as_of: int | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    on_track: float = DEFAULT_ON_TRACK,
    acceleration_needed: float = DEFAULT_ACCELERATION_NEEDED,
    region_map: RegionMap,
    region: str | None = None,
    base_year: int | None = None,
    lower_is_better: Iterable[str] | None = None,
) -> pd.DataFrame:
    """One verdict per distinct target, scored against actuals of the same territory.

    Parameters
    ----------
    targets : DataFrame
        The frame of :func:`hy_analysis.load_targets`: target and actual rows
        (``kind``), with the parsed ``low``/``high``/``qualifier``/``value`` columns and
        optionally ``basis``.
    as_of : int, optional
        Judge with the actuals up to this year only (default: every actual). Each target is
        judged as of the last year its own territory has a figure for (``as_of_year``).
    tolerance : float
        How far short of an "about" (khoảng) target still counts as met, as a fraction of
        the target (0.05: "khoảng 8 %" is met from 7,6 %).
    on_track, acceleration_needed : float
        Lower bounds of the progress ratio for "on track" and "acceleration needed"
        (below ``acceleration_needed`` down to 0: limited progress; below 0: moving away).
    region_map : RegionMap
        From :func:`hy_analysis.loading.load_region_map`: the merged territories and parts.
    region : str, optional
        Only targets of this region name or territory label (None: every target).
    base_year : int, optional
        Running level targets: the baseline is the first actual in or after this year
        (default: the first actual available).
    lower_is_better : iterable of str, optional
        Indicators whose desired direction is down, the rest up (default: each row's
        ``desired_direction``, which loading takes from data/indicators.csv; up where a
        frame has no such column).

    Returns
    -------
    DataFrame
        One row per distinct target (rows stating the same territory, indicator, breakdown,
        period, measure, unit, basis, qualifier and bounds are one target) with
        :data:`ASSESS_COLUMNS`: the first row's own columns; ``target_ids`` and ``sources``
        (every row and source stating it, ``"; "``-joined); ``state`` (``ended``: the
        period's data is complete; ``running``; ``superseded``); ``final`` (True only for a
        complete period); ``as_of_year`` (the last year with a figure of the territory for
        the indicator, or the period's end for a stated period figure); ``status`` (one of
        :data:`STATUSES`); ``threshold``; ``actual`` and ``actual_year``; ``baseline``;
        ``ratio``; ``gap`` in ``gap_unit``; ``needed`` (%/yr the remaining years need, for
        growth targets) and ``needed_years``; ``basis``; ``successor`` (the successor
        territory's targets of a superseded one, as written, with their periods) and
        ``successor_ids``; ``method``; ``reason``; ``note``;
        ``computation``; ``thresholds``; ``years``; ``actual_ids`` and ``actual_sources``;
        ``derived``; ``evidence`` (tuple of dicts: id, territory, year, value, unit,
        source_id, derived, estimate, basis). ``attrs`` holds ``as_of`` and the thresholds.

    Raises
    ------
    ValueError
        A parameter outside its range or an unknown ``region``.
    KeyError
        ``targets`` lacks a column of the load_targets() frame.

    Examples
    --------
    >>> from hy_analysis.loading import load_region_map, load_targets
    >>> verdicts = assess(load_targets(), region_map=load_region_map())
    >>> row = verdicts.set_index("id").loc["pf-grdp-growth-2024-plan"]
    >>> row["status"], bool(row["final"]), int(row["as_of_year"])  # 2024 is an estimate
    ('achieved', False, 2024)
    """
    _need(targets, ("id", "region", "territory", "indicator", "kind", "period_start",
                    "period_end", "measure", "value_raw", "unit", "source_id", "low", "high",
                    "qualifier", "value"), "targets")
    if not 0 <= tolerance < 1:
        raise ValueError(f"parameter 'tolerance': expected a fraction from 0 to 1 (0.05 = 5 %), "
                         f"got {tolerance!r}")
    if not acceleration_needed <= on_track:
        raise ValueError(f"parameters 'acceleration_needed' ({acceleration_needed!r}) and "
                         f"'on_track' ({on_track!r}): expected acceleration_needed <= on_track")
    if acceleration_needed < 0:
        raise ValueError(f"parameter 'acceleration_needed': expected 0 or more, "
                         f"got {acceleration_needed!r}")
    settings = dict(as_of=as_of, tolerance=tolerance, on_track=on_track,
                    acceleration_needed=acceleration_needed, base_year=base_year,
                    lower=None if lower_is_better is None else frozenset(lower_is_better))
    # A target's verdict reads every actual and target, never the region asked for: every
    # target is judged once per content and rules (the states of a shared panel, one region
    # each, and a notebook's sections ask the same), and the region keeps its own.
    judged = remembered(_JUDGED, (targets, region_map.frame, tuple(sorted(settings.items()))),
                        lambda: _judge(targets, region_map=region_map, **settings))
    rows = judged
    if region is not None:
        wanted = set(region_map.territories_of(region))
        rows = [row for row in judged if str(row["territory"]) in wanted]
    out = pd.DataFrame(rows, columns=list(ASSESS_COLUMNS))
    for column in ("ratio", "gap", "threshold", "actual", "baseline", "needed"):
        out[column] = pd.to_numeric(out[column]).astype("float64")
    out["as_of_year"] = pd.to_numeric(out["as_of_year"]).astype("Int64")
    out["final"] = out["final"].astype(bool)
    out["status"] = pd.Categorical(out["status"], categories=STATUSES)
    out.attrs.update(as_of=as_of, tolerance=tolerance, on_track=on_track,
                     acceleration_needed=acceleration_needed)
    return out


#: Every target's verdict (row dicts) by the content of the data and the rules (a few,
#: oldest out first): what :func:`assess` keeps of its work.
_JUDGED: dict[tuple, list[dict]] = {}


def _judge(targets: pd.DataFrame, *, region_map: RegionMap, as_of, tolerance, on_track,
           acceleration_needed, base_year, lower) -> list[dict]:
    """The verdict row of every distinct target of ``targets`` (:func:`assess`'s rows)."""
    data = targets.copy()
    for column, default in (("breakdown", ""), ("derived", False), ("basis", "")):
        if column not in data.columns:
            data[column] = default
    data["basis"] = data["basis"].fillna("").astype(str)
    actuals = data[data["kind"].astype(str) == "actual"]
    if as_of is not None:
        actuals = actuals[actuals["period_end"].astype(int) <= as_of]
    derived = harmonise(actuals, region_map=region_map)
    pool = pd.concat([actuals, derived], ignore_index=True) if len(derived) else actuals
    pool = pool.assign(basis=pool["basis"].fillna("").astype(str))
    chosen = data[data["kind"].astype(str) == "target"]
    ends = territory_ends(region_map)
    settings = dict(tolerance=tolerance, on_track=on_track,
                    acceleration_needed=acceleration_needed, base_year=base_year,
                    lower=lower, related=_related(region_map), ends=ends, all_targets=chosen)
    return [_assess_one(t, pool, **settings) for t in distinct_targets(chosen)]


#: What makes two target rows the same target (the first row stands for the group).
TARGET_KEY = ("territory", "indicator", "breakdown", "period_start", "period_end", "measure",
              "unit", "basis", "qualifier", "low", "high")


def distinct_targets(targets: pd.DataFrame) -> list[dict]:
    """Target rows grouped into distinct targets, in the order of their first row.

    Rows stating the same target (:data:`TARGET_KEY`: territory, indicator, breakdown,
    period, measure, unit, basis, qualifier and bounds) are one target, however many
    sources state it: the first row's fields, ``target_ids`` and ``sources`` listing every
    row and source, ``value_raws`` every distinct wording.

    Examples
    --------
    >>> rows = pd.DataFrame([dict(id="a", source_id="s1", value_raw="66%", territory="T",
    ...                           low=66.0, high=66.0), dict(id="b", source_id="s2",
    ...                           value_raw="66 %", territory="T", low=66.0, high=66.0)])
    >>> [(t["target_ids"], t["sources"]) for t in distinct_targets(rows)]
    [('a; b', 's1; s2')]
    """
    groups: dict[tuple, list[dict]] = {}
    for record in targets.to_dict("records"):
        key = tuple(_key_part(record.get(c, "")) for c in TARGET_KEY)
        groups.setdefault(key, []).append(record)
    out = []
    for members in groups.values():
        first = dict(members[0])
        first["target_ids"] = "; ".join(str(m["id"]) for m in members)
        first["sources"] = "; ".join(dict.fromkeys(str(m["source_id"]) for m in members))
        first["value_raws"] = " | ".join(dict.fromkeys(str(m["value_raw"]) for m in members))
        out.append(first)
    return out


def _key_part(value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (int, float, np.integer, np.floating)):
        return round(float(value), 9)
    return str(value)


def territory_ends(region_map: RegionMap) -> dict[str, tuple[str, str]]:
    """Territories that ceased at the reorganisation: ``{territory: (date, successor)}``.

    A single-province territory ceased on its ``effective_date`` when it is a part of a
    merged territory or its province changed (``province_after_2025`` differs); its
    successor is the merged territory it joined (``""`` when the data holds none).

    Examples
    --------
    >>> from hy_analysis.loading import load_region_map
    >>> ends = territory_ends(load_region_map())
    >>> ends["Thái Bình (before 2025-07-01)"]
    ('2025-07-01', 'Hưng Yên (merged, from 2025-07-01)')
    """
    regions, merged = region_map.frame, region_map.merged_parts
    successors = {}
    for row in regions.itertuples(index=False):
        if str(row.territory) in merged:
            successors[str(row.province_after_2025)] = str(row.territory)
    out = {}
    for row in regions.itertuples(index=False):
        territory = str(row.territory)
        before = _province_set(row.province_before_2025)
        date = str(getattr(row, "effective_date", "") or "")
        if territory in merged or len(before) != 1 or not date or date == "nan":
            continue
        joined = next((m for m, parts in merged.items() if territory in parts), "")
        if joined or before != {str(row.province_after_2025)}:
            out[territory] = (date, joined or successors.get(str(row.province_after_2025), ""))
    return out


def _assess_one(target: dict, pool: pd.DataFrame, *, tolerance, on_track,
                acceleration_needed, base_year, lower, related, ends, all_targets) -> dict:
    territory = str(target["territory"])
    related_here = dict(related.get(territory, {}))
    everything = _candidates(pool, target, territory=territory)
    same = everything[everything["basis"] == _basis_of(target)]
    direction, why = desired_direction(target, same, lower_is_better=lower)
    row = {c: target.get(c) for c in ASSESS_COLUMNS if c in target}
    row.update(
        direction=direction, state="running", final=False, status="no_data",
        threshold=_threshold(target, direction, tolerance), actual=None, actual_year=None,
        as_of_year=None, baseline=None, baseline_year=None, ratio=None, gap=None, gap_unit="",
        needed=None, needed_years="", basis=_basis_of(target), successor="", successor_ids="",
        method="",
        reason="", note="", computation="", thresholds="", years="", actual_ids="",
        actual_sources="", derived=False, evidence=())
    start, end = int(target["period_start"]), int(target["period_end"])
    ended = ends.get(territory)
    if ended and end > int(ended[0][:4]):
        _judge_superseded(row, target, same, ended, all_targets)
        return row
    _assess_open(row, target, pool, everything, same, tolerance=tolerance, on_track=on_track,
                 acceleration_needed=acceleration_needed, base_year=base_year,
                 related_here=related_here, ended=ended)
    if why:
        row["note"] = _join(row["note"], why)
    return row


#: Wording of a target that asks for a fall ("giảm xuống 5 %", "còn 2 %", "down to").
_FALL_WORDING = re.compile(r"giảm (?:xuống|còn)|xuống (?:còn|dưới|mức)|\bcòn\b|\breduced? to\b"
                           r"|\bdown to\b|\bfalls? to\b|\blower(?:ed)? to\b", re.I)
#: Wording of a target that asks for a rise ("tăng lên 60 %", "raise to").
_RISE_WORDING = re.compile(r"tăng lên|nâng lên|\brais(?:e|ed) to\b|\brises? to\b"
                           r"|\bincreased? to\b", re.I)


def desired_direction(target: dict, same: pd.DataFrame, *,
                      lower_is_better: Iterable[str] | None = None) -> tuple[str, str]:
    """Which way a target wants its indicator to move: ``("up"|"down", why)``.

    In this order: the qualifier ("trên X" up, "dưới X", "không quá X" down); the wording
    ("giảm xuống", "còn", "down to" down; "tăng lên", "raise to" up); for a share or rate
    (unit ``percent``) stated as a level ("28 %", "khoảng 28 %", "24–25 %"), the target
    against the territory's **baseline**, a figure of a year before the target's period: the
    latest one of a year before the target was set (the year of its ``source_date``), else
    the earliest -- a target below it
    asks for a fall, above it for a rise (a structure plan may want a share to shrink:
    services 28,85 % in 2020 -> 28 % in 2025); otherwise the indicator's default
    (``lower_is_better``, or else the target's ``desired_direction``: up where neither says
    down). ``why`` says so when the baseline decided, else ``""``.

    Parameters
    ----------
    target : dict
        A target row (``indicator``, ``qualifier``, ``value_raw``, ``unit``, ``measure``,
        ``low``, ``high``, ``period_start``, optionally ``source_date``).
    same : DataFrame
        The actuals of its territory, indicator, unit and basis.
    lower_is_better : iterable of str, optional
        Indicators whose default direction is down (default: the target's
        ``desired_direction``, from data/indicators.csv through loading).

    Examples
    --------
    >>> share = dict(indicator="services_share", qualifier="exact", value_raw="28%",
    ...              unit="percent", measure="level", low=28.0, high=28.0, period_start=2025,
    ...              period_end=2025, source_date="2021")
    >>> figures = pd.DataFrame(dict(measure="level", period_start=[2020, 2023],
    ...                             period_end=[2020, 2023], value=[28.85, 31.3]))
    >>> desired_direction(share, figures)
    ('down', 'direction down: the target 28 is below the 2020 figure 28.85')
    >>> desired_direction(dict(share, low=32.3, high=32.3, value_raw="32,3%"), figures)[0]
    'up'
    """
    qualifier = str(target.get("qualifier") or "")
    if qualifier == "below":
        return "down", ""
    if qualifier == "above":
        return "up", ""
    raw = str(target.get("value_raw") or "")
    if _FALL_WORDING.search(raw):
        return "down", ""
    if _RISE_WORDING.search(raw):
        return "up", ""
    down = (str(target.get("indicator")) in frozenset(lower_is_better)
            if lower_is_better is not None else target.get("desired_direction") == "down")
    default = "down" if down else "up"
    if str(target.get("unit")) != "percent" or str(target.get("measure")) != "level" \
            or same is None or not len(same):
        return default, ""
    low, high = _num(target.get("low")), _num(target.get("high"))
    low, high = (low if low is not None else high), (high if high is not None else low)
    if low is None:
        return default, ""
    # The baseline is a figure of a year before the target's period, never of the period.
    levels = same[(same["measure"].astype(str) == "level")
                  & (same["period_start"].astype(int) == same["period_end"].astype(int))
                  & (same["period_end"].astype(int) < int(target["period_start"]))]
    if not len(levels):
        return default, ""
    years = levels["period_end"].astype(int)
    set_on = _date_bounds(target.get("source_date"))[0]
    before = levels[years < set_on.year] if set_on is not None else levels.iloc[0:0]
    pool = before if len(before) else levels[years == years.min()]
    year = int(pool["period_end"].astype(int).max())
    base = float(_latest(pool[pool["period_end"].astype(int) == year])["value"])
    wanted = "down" if high < base else "up" if low > base else default
    if wanted == default:
        return default, ""
    word = "below" if wanted == "down" else "above"
    return wanted, (f"direction {wanted}: the target {high if wanted == 'down' else low:g} is "
                    f"{word} the {year} figure {base:g}")


def _assess_open(row: dict, target: dict, pool: pd.DataFrame, everything: pd.DataFrame,
                 same: pd.DataFrame, *, tolerance, on_track, acceleration_needed, base_year,
                 related_here, ended) -> None:
    """The verdict of a target whose territory lasted through its period (or still runs)."""
    territory = str(target["territory"])
    end = int(target["period_end"])
    row["as_of_year"] = _as_of_year(target, same)
    if _complete(target, same):
        # Final only on firm figures: a year-end estimate is not yet the period's data.
        firm = _complete(target, same[_firm(same)])
        row.update(state="ended", final=firm)
        _judge_ended(row, target, same, tolerance=tolerance)
        if not firm:
            row["note"] = _join(row["note"], "judged on estimates: provisional until the "
                                "period's final figures are published")
    else:
        _judge_running(row, target, same, base_year=base_year, on_track=on_track,
                       acceleration_needed=acceleration_needed, tolerance=tolerance)
        if ended and row["as_of_year"] is not None:
            row["note"] = _join(row["note"], f"{territory} ceased on {ended[0]}: judged on its "
                                f"own figures to {row['as_of_year']}")
    if row["status"] == "no_data" and not row["reason"]:
        row["reason"] = "no_actual"
    if row["status"] == "no_data" and row["reason"] in ("no_actual", "target_year_missing",
                                                          "fewer_than_two_points"):
        other = everything[everything["basis"] != row["basis"]]
        if len(other) and _overlaps(other, target):
            upto = other[other["period_end"].astype(int) <= end]
            upto = upto if len(upto) else other
            # the other basis's latest year (firm before estimate within it)
            pick = _latest(upto[upto["period_end"].astype(int)
                                == upto["period_end"].astype(int).max()])
            row.update(status="not_comparable", reason="basis_differs",
                       note=f"the target is stated on basis {_basis_name(row['basis'])}; the "
                       f"figure for {int(pick['period_end'])} ({pick['value']:.6g}, "
                       f"{pick['id']}) is on basis {_basis_name(pick['basis'])}")
            _record(row, [pick])
            return
        if row["status"] == "no_data":
            _check_other_territories(row, target, pool, related_here)


def _overlaps(frame: pd.DataFrame, target: dict) -> bool:
    start, end = int(target["period_start"]), int(target["period_end"])
    ends = frame["period_end"].astype(int)
    if str(target["measure"]) == "level":
        # A level target is followed on levels of any year up to its end (baseline to latest).
        return bool((ends <= end).any())
    return bool((ends <= end).any() and (ends >= start - 1).any())


def _basis_of(target: dict) -> str:
    value = target.get("basis", "")
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) \
        else str(value)


def _basis_name(basis: str) -> str:
    return basis or "default (the indicator's own definition)"


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _firm(frame: pd.DataFrame) -> pd.Series:
    """Rows that are not estimates (:func:`estimated`)."""
    return ~estimated(frame)


def _stated_period(target: dict, same: pd.DataFrame) -> pd.Series:
    """Firm rows stating the target's own period figure (an estimated period average made
    before the period ended is a forecast, not the period's figure)."""
    start, end = int(target["period_start"]), int(target["period_end"])
    return (same["measure"].astype(str) == str(target["measure"])) & (start != end) \
        & (same["period_start"].astype(int) == start) \
        & (same["period_end"].astype(int) == end) & _firm(same)


def _as_of_year(target: dict, same: pd.DataFrame) -> int | None:
    """The last year up to the target's end with a full-year figure of its territory for
    the indicator, or the end itself when a source states the period's figure."""
    end = int(target["period_end"])
    if _stated_period(target, same).any():
        return end
    yearly = same["measure"].astype(str).isin(("annual_growth", "level")) \
        & (same["period_start"].astype(int) == same["period_end"].astype(int)) \
        & (same["period_end"].astype(int) <= end)
    years = same.loc[yearly, "period_end"].astype(int)
    return int(years.max()) if len(years) else None


def _complete(target: dict, same: pd.DataFrame) -> bool:
    """Whether the data of the whole period is in (or a source states the period figure)."""
    measure = str(target["measure"])
    start, end = int(target["period_start"]), int(target["period_end"])
    kinds = same["measure"].astype(str)
    if _stated_period(target, same).any():
        return True
    if measure == "period_average_growth":
        years = set(same.loc[kinds == "annual_growth", "period_end"].astype(int))
        return all(y in years for y in range(start, end + 1))
    if start == end and measure in ("annual_growth", "level"):
        return bool(((kinds == measure) & (same["period_end"].astype(int) == end)).any())
    return False


def _judge_superseded(row: dict, target: dict, same: pd.DataFrame, ended: tuple[str, str],
                      all_targets: pd.DataFrame) -> None:
    """A target of a territory that ceased before its period ended: no verdict on its pace."""
    date, successor = ended
    end_year = int(date[:4])
    row.update(state="superseded", status="superseded", reason="territory_ended",
               method="superseded")
    upto = same[same["period_end"].astype(int) <= end_year]
    upto = upto[upto["measure"].astype(str).isin(
        ("level",) if str(target["measure"]) == "level" else _GROWTH_MEASURES)]
    if len(upto):
        last_year = int(upto["period_end"].max())
        pick = _latest(upto[upto["period_end"].astype(int) == last_year])
        row.update(actual=float(pick["value"]), actual_year=last_year, as_of_year=last_year,
                   years=str(last_year),
                   computation=f"latest own figure {pick['value']:.6g} ({last_year}, "
                   f"{pick['id']}); the territory ceased on {date}")
        _record(row, [pick])
    if successor:
        theirs = all_targets[(all_targets["territory"].astype(str) == successor)
                             & (all_targets["indicator"].astype(str) == str(target["indicator"]))
                             & (all_targets["unit"].astype(str) == str(target["unit"]))
                             & (all_targets["period_end"].astype(int) > end_year)]
        theirs = theirs.assign(_d=(theirs["period_end"].astype(int)
                                   - int(target["period_end"])).abs()).sort_values(
            ["_d", "period_end"], kind="stable")
        # Named as a reader quotes them (figure as written, period); the ids go to their own
        # column for tracing, never into the text a report shows.
        named = list(dict.fromkeys(
            f"{r.value_raw} ({_period(r.period_start, r.period_end)})"
            for r in theirs.itertuples(index=False)))
        row["successor"] = f"{successor}: " + "; ".join(named) if named else successor
        row["successor_ids"] = ";".join(dict.fromkeys(str(i) for i in theirs["id"]))
    row["note"] = _join(f"{target['territory']} ceased on {date}"
                        + (f"; successor {successor}" if successor else ""))


def _period(start, end) -> str:
    return str(int(end)) if int(start) == int(end) else f"{int(start)}-{int(end)}"


def _threshold(target: dict, direction: str, tolerance: float) -> float | None:
    low, high = _num(target.get("low")), _num(target.get("high"))
    qualifier = str(target["qualifier"])
    if qualifier == "above":
        return low
    if qualifier == "below":
        return high
    weakest = low if direction == "up" else high
    if weakest is None:
        weakest = high if direction == "up" else low
    if weakest is None:
        return None
    if qualifier == "about":
        return weakest * (1 - tolerance) if direction == "up" else weakest * (1 + tolerance)
    return weakest


def _meets(actual: float, target: dict, threshold: float, direction: str) -> bool:
    qualifier = str(target["qualifier"])
    raw = str(target.get("value_raw") or "")
    if qualifier == "above":
        return actual >= threshold if _INCLUSIVE_ABOVE.search(raw) else actual > threshold
    if qualifier == "below":
        return actual <= threshold if _INCLUSIVE_BELOW.search(raw) else actual < threshold
    return actual >= threshold if direction == "up" else actual <= threshold


def _gap(actual: float, threshold: float, unit: str, direction: str) -> tuple[float, str]:
    sign = 1 if direction == "up" else -1
    if unit == "percent":
        return sign * (actual - threshold), "pp"
    if threshold == 0:
        return float("nan"), "%"
    return sign * (actual / threshold - 1) * 100, "%"


def _rule_text(target: dict, direction: str, tolerance: float) -> str:
    qualifier = str(target["qualifier"])
    if qualifier == "above":
        inclusive = _INCLUSIVE_ABOVE.search(str(target.get("value_raw") or ""))
        return "met at or above the bound" if inclusive else "met above the bound"
    if qualifier == "below":
        inclusive = _INCLUSIVE_BELOW.search(str(target.get("value_raw") or ""))
        return "met at or below the bound" if inclusive else "met below the bound"
    word = "at or above" if direction == "up" else "at or below"
    if qualifier == "about":
        return f"about: met {word} the weakest bound with tolerance {tolerance:g}"
    if qualifier == "range":
        return f"range: met {word} the weakest bound"
    return f"exact: met {word} the figure"


def _judge_ended(row: dict, target: dict, same: pd.DataFrame, *, tolerance: float) -> None:
    measure = str(target["measure"])
    start, end = int(target["period_start"]), int(target["period_end"])
    direction = row["direction"]
    used: list[dict] = []
    actual = None
    if measure == "period_average_growth":
        stated = same[_stated_period(target, same)]
        if len(stated):
            pick = _latest(stated)
            actual, used = float(pick["value"]), [pick]
            row.update(method="stated_period_average", actual_year=end, years=f"{start}-{end}",
                       computation=f"stated average {actual:.4g} %/yr ({pick['id']})")
        else:
            yearly = _yearly(same, start, end)
            if yearly:
                rates = [float(r["value"]) for r in yearly]
                actual, used = geometric_mean_growth(rates), yearly
                years = [int(r["period_end"]) for r in yearly]
                missing = [y for y in range(start, end + 1) if y not in years]
                row.update(
                    method="geometric_mean_of_annual", actual_year=max(years),
                    years=", ".join(map(str, years)),
                    computation="(" + " × ".join(f"{1 + r / 100:.4f}" for r in rates)
                    + f")^(1/{len(rates)}) − 1 = {actual:.4g} %")
                if missing:
                    row["note"] = "judged on the years present; missing: " + ", ".join(
                        map(str, missing))
                    row["reason"] = "years_missing"
    else:
        wanted = "annual_growth" if measure == "annual_growth" else measure
        exact = same[(same["measure"].astype(str) == wanted)
                     & (same["period_end"].astype(int) == end)
                     & (same["period_start"].astype(int) == (start if measure in (
                         "period_average", "period_total", "period_average_growth") else end))]
        if len(exact):
            pick = _latest(exact)
            actual, used = float(pick["value"]), [pick]
            row.update(method="actual_of_target_year", actual_year=end,
                       years=str(end) if start == end else f"{start}-{end}",
                       computation=f"actual {actual:.6g} ({pick['id']})")
        elif len(same[same["measure"].astype(str) == wanted]):
            row["reason"] = "target_year_missing"
    if actual is None:
        return
    threshold = row["threshold"]
    if threshold is None:
        row["reason"] = "no_bound"
        return
    met = _meets(actual, target, threshold, direction)
    # The gap is measured from the figure as written (no tolerance), as a reader reads it.
    bound = _threshold(target, direction, 0.0)
    gap, unit = _gap(actual, bound, str(target["unit"]), direction)
    row.update(status="achieved" if met else "missed", actual=actual, gap=gap, gap_unit=unit,
               thresholds=_rule_text(target, direction, tolerance))
    row["computation"] += f"; threshold {threshold:.6g}; gap {gap:+.3g} {unit} from {bound:.6g}"
    _record(row, used)


def _judge_running(row: dict, target: dict, same: pd.DataFrame, *, base_year,
                   on_track: float, acceleration_needed: float, tolerance: float) -> None:
    """A provisional verdict: the period's data is not complete (anticipated progress).

    What the remaining years need and the ratio are measured against the target as written
    (an "about" target's tolerance never lowers them); the tolerance may only soften the
    verdict: on track when the pace reaches what the target less its tolerance needs."""
    measure = str(target["measure"])
    start, end = int(target["period_start"]), int(target["period_end"])
    bands = f"on_track >= {on_track:g}; acceleration_needed >= {acceleration_needed:g}; " \
            "limited_progress >= 0; moving_away < 0"
    row["thresholds"] = bands
    threshold = row["threshold"]
    if threshold is None:
        row["reason"] = "no_bound"
        return
    if measure in _GROWTH_MEASURES:
        years_total = end - start + 1
        done = _yearly(same, start, end)
        if done:
            pace_rows = done
            pace = geometric_mean_growth([float(r["value"]) for r in done])
            row["method"] = "required_vs_pace_in_period"
        else:
            before = same[(same["measure"].astype(str).isin(_GROWTH_MEASURES))
                          & (same["period_end"].astype(int) < start)]
            if not len(before):
                row["reason"] = "no_actual"
                return
            latest_year = int(before["period_end"].max())
            last = before[before["period_end"].astype(int) == latest_year]
            # The latest year's own growth is the recent pace; a period average ending that
            # year only stands in when the year's growth is not reported.
            yearly = last[last["measure"].astype(str) == "annual_growth"]
            pick = _latest(yearly if len(yearly) else last)
            pace_rows, pace = [pick], float(pick["value"])
            row["method"] = "required_vs_pace_before_period"
        forecast = same[(same["measure"].astype(str) == measure)
                        & (same["period_start"].astype(int) == start)
                        & (same["period_end"].astype(int) == end) & ~_firm(same)]
        if len(forecast) and start != end:
            pick = _latest(forecast)
            row["note"] = _join(row["note"], f"an estimate of the period figure, "
                                f"{pick['value']:.4g} ({pick['id']}), was made before the "
                                "period's data was in: not a final figure")
        reported = {int(r["period_end"]) for r in done}
        remaining = [y for y in range(start, end + 1) if y not in reported]
        rates = [float(r["value"]) for r in done]
        needed = required_growth_rate(_threshold(target, row["direction"], 0.0), rates,
                                      years=years_total)
        down = row["direction"] == "down"
        if down:
            # a growth cap: being under the cap is progress
            ratio = needed / pace if pace > 0 else float("inf")
        else:
            ratio = pace / needed if needed > 0 else float("inf")
        if math.isinf(ratio):
            status = "on_track"
        elif pace < 0 and not down:
            status = "moving_away"
        else:
            status = progress_band(ratio, on_track=on_track,
                                   acceleration_needed=acceleration_needed)
        if status != "on_track" and threshold != _threshold(target, row["direction"], 0.0):
            softened = required_growth_rate(threshold, rates, years=years_total)
            if (pace <= softened) if down else (pace >= softened):
                status = "on_track"
                row["note"] = _join(row["note"], f"on track within the tolerance of an "
                                    f"'about' target ({_years_text(remaining)} need "
                                    f"{'≤' if down else '≥'} {softened:.4g} %/yr to reach "
                                    f"{threshold:.4g})")
        row.update(status=status, ratio=None if math.isinf(ratio) else ratio, actual=pace,
                   actual_year=max(int(r["period_end"]) for r in pace_rows),
                   needed=needed, needed_years=_years_text(remaining),
                   years=", ".join(str(int(r["period_end"])) for r in pace_rows),
                   computation=f"recent pace {pace:.4g} %/yr; the remaining "
                   f"{len(remaining)} year(s) ({_years_text(remaining)}) need "
                   f"{'≤' if row['direction'] == 'down' else '≥'} {needed:.4g} %/yr; "
                   f"ratio {pace:.4g} / {needed:.4g}")
        _record(row, pace_rows)
        return
    if measure != "level":
        row["reason"] = "not_trackable"
        return
    levels = same[same["measure"].astype(str) == "level"]
    if base_year is not None:
        levels = levels[levels["period_end"].astype(int) >= base_year]
    by_year = {y: _latest(g) for y, g in levels.groupby(levels["period_end"].astype(int))}
    if not by_year:
        row["reason"] = "no_actual"
        return
    first, last = min(by_year), max(by_year)
    base, latest = by_year[first], by_year[last]
    shown = [base, latest] if first < last else [latest]
    reached = _meets(float(latest["value"]), target, threshold, row["direction"])
    if first == last and not reached:  # a pace needs two figures
        row["reason"] = "fewer_than_two_points"
        _record(row, shown)
        return
    row.update(actual=float(latest["value"]), actual_year=last,
               years=f"{first}-{last}" if first < last else str(last))
    if first < last:
        row.update(baseline=float(base["value"]), baseline_year=first)
    _record(row, shown)
    if reached:
        # Provisional: the level may still move before the target year. One figure is
        # enough to say the level is reached.
        row.update(status="on_track", method="latest_meets_target",
                   computation=f"latest {latest['value']:.6g} ({last}) already meets "
                   f"{threshold:.6g}")
        return
    if _meets(float(base["value"]), target, threshold, row["direction"]):
        row.update(status="moving_away", method="baseline_met_target",
                   computation=f"baseline {base['value']:.6g} ({first}) met {threshold:.6g}; "
                   f"latest {latest['value']:.6g} ({last}) no longer does")
        return
    written = _threshold(target, row["direction"], 0.0)
    ratio, method = progress_ratio(float(base["value"]), float(latest["value"]), written,
                                   baseline_year=first, latest_year=last, target_year=end)
    if math.isnan(ratio):
        row["reason"] = "no_required_change"
        return
    status = progress_band(ratio, on_track=on_track, acceleration_needed=acceleration_needed)
    if status != "on_track" and threshold != written:
        softened, _ = progress_ratio(float(base["value"]), float(latest["value"]), threshold,
                                     baseline_year=first, latest_year=last, target_year=end)
        if not math.isnan(softened) and progress_band(softened, on_track=on_track) == "on_track":
            status = "on_track"
            row["note"] = _join(row["note"], f"on track within the tolerance of an 'about' "
                                f"target (ratio {softened:.3g} to {threshold:.6g})")
    row.update(status=status, ratio=ratio, method=method,
               computation=f"{method}: from {base['value']:.6g} ({first}) to "
               f"{latest['value']:.6g} ({last}), target {written:.6g} in {end}; "
               f"ratio {ratio:.3g}")
    if method == "linear_ratio":
        row["reason"] = "non_positive_value"


def _check_other_territories(row: dict, target: dict, pool: pd.DataFrame,
                             related: dict[str, str]) -> None:
    start, end = int(target["period_start"]), int(target["period_end"])
    for territory, why in related.items():
        others = _candidates(pool, target, territory=territory)
        measure = str(target["measure"])
        if measure == "period_average_growth":
            hits = others[(others["measure"].astype(str).isin(_GROWTH_MEASURES))
                          & (others["period_end"].astype(int).between(start, end))]
        else:
            hits = others[(others["measure"].astype(str) == measure)
                          & (others["period_end"].astype(int) == end)]
        if len(hits):
            pick = _latest(hits)
            row.update(status="not_comparable", reason=why,
                       note=f"the figure for {end} ({pick['value']:.6g}, {pick['id']}) is for "
                       f"{territory}, not {target['territory']}")
            _record(row, [pick])
            return


# --------------------------------------------------------------------------- helpers

def _years_text(years: Sequence[int]) -> str:
    """``[2025]`` -> ``"2025"``; ``[2024, 2025]`` -> ``"2024-2025"``; gaps listed."""
    years = sorted(years)
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"{years[0]}-{years[-1]}"
    return ", ".join(map(str, years))


def _candidates(pool: pd.DataFrame, target: dict, *, territory: str) -> pd.DataFrame:
    """Actuals of one territory for the target's indicator, breakdown and unit."""
    frame = pool[(pool["territory"].astype(str) == territory)
                 & (pool["indicator"].astype(str) == str(target["indicator"]))
                 & (pool["unit"].astype(str) == str(target["unit"]))
                 & (pool["breakdown"].fillna("").astype(str) == _breakdown_of(target))]
    return frame[frame["value"].notna()]


def _yearly(same: pd.DataFrame, start: int, end: int) -> list[dict]:
    annual = same[(same["measure"].astype(str) == "annual_growth")
                  & (same["period_end"].astype(int).between(start, end))]
    return [_latest(g) for _, g in annual.groupby(annual["period_end"].astype(int))]


def _latest(frame: pd.DataFrame) -> dict:
    """One row of several for the same figure: the latest snapshot, stated before derived,
    firm before estimate, then the latest source (a December estimate before an October
    one). Dates compare as dates, each at the end of its precision ("2025" is all of 2025,
    so it is later than "2025-01-03")."""
    order = frame.assign(
        _as_of=frame["as_of"].map(last_day) if "as_of" in frame else pd.NaT,
        _derived=frame["derived"].astype(bool) if "derived" in frame else False,
        _estimate=estimated(frame),
        _published=frame["source_date"].map(last_day) if "source_date" in frame else pd.NaT,
    )
    keys = ["_derived", "_as_of", "_estimate", "_published", "id"][:5 if "id" in frame else 4]
    order = order.sort_values(keys, ascending=[True, False, True, False, True][:len(keys)],
                              kind="stable", na_position="last")
    return order.iloc[0].drop(["_as_of", "_derived", "_estimate", "_published"]).to_dict()


def last_day(text) -> pd.Timestamp:
    """The last day a date of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` can denote (NaT else).

    Examples
    --------
    >>> [str(last_day(t).date()) for t in ("2025", "2025-02", "2025-01-03")]
    ['2025-12-31', '2025-02-28', '2025-01-03']
    """
    last = _date_bounds(text)[1]
    return pd.NaT if last is None else last


def _match_rows(frame, indicator, breakdown, unit, year) -> pd.DataFrame:
    return frame[(frame["indicator"].astype(str) == indicator)
                 & (frame["breakdown"].fillna("").astype(str) == breakdown)
                 & (frame["unit"].astype(str) == unit)
                 & (frame["period_end"].astype(int) == year)]


def _record(row: dict, used: list[dict]) -> None:
    evidence = tuple({
        "id": str(r["id"]), "territory": str(r["territory"]), "year": int(r["period_end"]),
        "value": float(r["value"]), "unit": str(r["unit"]), "source_id": str(r["source_id"]),
        "derived": bool(r.get("derived", False)),
        "estimate": _is_estimate(r),
        "basis": _basis_of(r),
    } for r in used)
    row["evidence"] = evidence
    row["actual_ids"] = "; ".join(e["id"] for e in evidence)
    row["actual_sources"] = "; ".join(dict.fromkeys(
        s for e in evidence for s in e["source_id"].split("; ")))
    row["derived"] = any(e["derived"] for e in evidence)


def _breakdown(row) -> str:
    value = getattr(row, "breakdown", "")
    return "" if value is None or pd.isna(value) else str(value)


def _breakdown_of(target: dict) -> str:
    value = target.get("breakdown", "")
    return "" if value is None or pd.isna(value) else str(value)


def _num(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return float(value)


def _need(frame: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{name}: missing column(s) {', '.join(missing)}")
