"""Industrial growth: targets, compounded index paths, required growth, structure, levels.

Pure analysis over the tidy frame of :func:`hy_analysis.load_targets`: every function takes
the frame first, options keyword-only, and returns a DataFrame or a value. The findings text
of these results is written by :mod:`hy_analysis.findings.growth`.

Territory rule: figures for the merged Hưng Yên (from 2025-07-01) are never chained with, or
compared against, figures for the territory before 2025. Functions keep them as separate
points with ``merged=True`` (level paths) or leave them out and say so (index paths, required
growth, structure).

Growth conventions: a rate ``g`` %/yr over ``period_start..period_end`` compounds over
``n = period_end - period_start + 1`` years from the level of the year before the period
(index 100), so 9–10 %/yr over 2021–2025 ends at 153.9–161.1 (2020 = 100).
"""

from __future__ import annotations

import math
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from ..territories import RegionMap
from ..vocabulary import SCENARIO_NAMES, SECTOR_SHARES
from ..docstrings import fill_doc

__all__ = [
    "GROWTH_INDICATORS", "compound_index", "implied_growth", "required_growth_rate",
    "growth_figures", "annual_growth_vs_target", "index_paths", "figure_index_paths",
    "required_growth", "figure_required_growth",
    "structure_shift", "level_path", "implied_growth_steps",
]

#: Indicators that are growth rates of output (in the order they are shown).
GROWTH_INDICATORS = (
    "grdp_growth", "iip_growth", "manufacturing_iip_growth", "industry_grdp_growth",
    "industrial_output_growth",
)


def _require(data: pd.DataFrame, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise KeyError(f"data: missing column(s) {', '.join(missing)}; expected the frame of "
                       "load_targets()")


def _for_region(data: pd.DataFrame, region: str | None) -> pd.DataFrame:
    if region is None:
        return data
    return data[data["region"].astype(str) == region]


def _indicator_name(data: pd.DataFrame, indicator: str, lang: str) -> str:
    column = f"indicator_{lang}"
    rows = data.loc[data["indicator"].astype(str) == indicator, column] \
        if column in data.columns else pd.Series(dtype=str)
    names = [n for n in rows if n]
    return names[0] if names else indicator


# --------------------------------------------------------------------------- pure arithmetic

def compound_index(rate: float, *, start_year: int, end_year: int, base: float = 100.0,
                   rates: Sequence[float] | None = None) -> pd.Series:
    """Index path compounding a yearly growth rate.

    Parameters
    ----------
    rate : float
        Growth in percent per year (used for every year unless ``rates`` is given).
    start_year, end_year : int
        First and last year of growth; the index is ``base`` in ``start_year - 1``.
    base : float
        Index value of the base year.
    rates : sequence of float, optional
        One rate per year from ``start_year`` to ``end_year`` (overrides ``rate``).

    Returns
    -------
    Series
        Index by year, from ``start_year - 1`` to ``end_year``.

    Examples
    --------
    >>> round(float(compound_index(10, start_year=2021, end_year=2025).iloc[-1]), 1)
    161.1
    """
    if end_year < start_year:
        raise ValueError(f"end_year ({end_year}) is before start_year ({start_year})")
    years = list(range(start_year, end_year + 1))
    if rates is None:
        rates = [rate] * len(years)
    if len(rates) != len(years):
        raise ValueError(f"rates: expected {len(years)} values ({start_year}-{end_year}), "
                         f"got {len(rates)}")
    return pd.Series(_index_values(rates, base), index=[start_year - 1, *years], name="index")


def implied_growth(start_value: float, end_value: float, years: float) -> float:
    """Average yearly growth (%) that takes ``start_value`` to ``end_value`` in ``years``.

    Examples
    --------
    >>> round(implied_growth(652153, 2200000, 5), 1)
    27.5
    """
    if years <= 0:
        raise ValueError(f"years: expected a positive number of years, got {years!r}")
    if start_value is None or end_value is None or start_value <= 0 or end_value <= 0:
        return float("nan")
    return ((end_value / start_value) ** (1 / years) - 1) * 100


def required_growth_rate(target_rate: float, actual_rates: Sequence[float], *,
                         years: int) -> float:
    """Yearly growth (%) still needed to meet an average-growth target.

    Parameters
    ----------
    target_rate : float
        The period's average growth target, %/yr.
    actual_rates : sequence of float
        Growth achieved in the first years of the period, % (in order).
    years : int
        Length of the whole period in years.

    Returns
    -------
    float
        The average growth needed in each remaining year; NaN when no year remains.

    Examples
    --------
    >>> round(required_growth_rate(10, [8, 8], years=5), 2)
    11.35
    """
    done = len(actual_rates)
    if done > years:
        raise ValueError(f"actual_rates: {done} years given for a {years}-year period")
    left = years - done
    if left == 0:
        return float("nan")
    achieved = float(np.prod([1 + a / 100 for a in actual_rates]))
    return (((1 + target_rate / 100) ** years / achieved) ** (1 / left) - 1) * 100


# --------------------------------------------------------------------------- selections

@fill_doc
def growth_figures(data: pd.DataFrame, *, region_map: RegionMap,
                   region: str | None = None,
                   kinds: Sequence[str] = ("target",),
                   indicators: Sequence[str] = GROWTH_INDICATORS) -> pd.DataFrame:
    """Every growth figure with its period and source.

    Parameters
    ----------
    data : DataFrame
        From :func:`hy_analysis.load_targets`.
    {region_map}
    region : str, optional
        Keep one region (None: all).
    kinds : sequence of {"target", "actual"}
    indicators : sequence of str
        Growth indicators to keep.

    Returns
    -------
    DataFrame
        Columns ``region, territory, indicator, indicator_vi, indicator_en, kind, measure,
        period_start, period_end, value_raw, low, high, qualifier, source_id, source_locator,
        merged``, sorted by indicator order and period.
    """
    _require(data, ("region", "indicator", "kind", "measure", "period_start", "value_raw"))
    rows = _for_region(data, region)
    rows = rows[rows["indicator"].astype(str).isin(indicators)
                & rows["kind"].astype(str).isin(kinds)]
    order = {code: i for i, code in enumerate(indicators)}
    columns = ["region", "territory", "indicator", "indicator_vi", "indicator_en", "kind",
               "measure", "period_start", "period_end", "value_raw", "low", "high",
               "qualifier", "source_id", "source_locator"]
    out = rows[columns].copy()
    for column in ("region", "territory", "indicator", "kind", "measure", "qualifier",
                   "source_id"):
        out[column] = out[column].astype(str)
    out["merged"] = out["territory"].map(region_map.is_merged).astype(bool)
    out["_order"] = out["indicator"].map(order)
    out = out.sort_values(["_order", "kind", "period_start", "period_end", "source_id"])
    return out.drop(columns="_order").reset_index(drop=True)


def annual_growth_vs_target(data: pd.DataFrame, *, region_map: RegionMap,
                            region: str | None = None,
                            indicators: Sequence[str] = GROWTH_INDICATORS) -> pd.DataFrame:
    """Each year's reported growth next to that year's target, for the pre-merger territory.

    One row per (indicator, year, actual source). Duplicate actuals from several sources that
    give the same figure are kept once, naming every source.

    Returns
    -------
    DataFrame
        Columns ``region, indicator, indicator_vi, indicator_en, year, actual, actual_raw,
        actual_source, target_low,
        target_high, target_raw, target_source, gap_pp`` (actual minus the nearest bound of
        the target, 0 inside a range; NaN without a target).
    """
    figures = growth_figures(data, region_map=region_map, region=region,
                             kinds=("target", "actual"), indicators=indicators)
    figures = figures[(figures["measure"] == "annual_growth") & ~figures["merged"]]
    records = []
    for (reg, indicator, year), group in figures.groupby(
            ["region", "indicator", "period_start"], sort=False):
        actual = group[group["kind"] == "actual"]
        target = group[group["kind"] == "target"]
        if actual.empty:
            continue
        t_low = target["low"].min() if not target.empty else np.nan
        t_high = target["high"].max() if not target.empty else np.nan
        for value, same in actual.groupby("low", sort=True):
            gap = np.nan
            if not target.empty:
                gap = value - t_high if value > t_high else (value - t_low if value < t_low
                                                               else 0.0)
            records.append(dict(
                region=reg, indicator=indicator, indicator_vi=group["indicator_vi"].iloc[0],
                indicator_en=group["indicator_en"].iloc[0], year=int(year), actual=float(value),
                actual_raw=same["value_raw"].iloc[0],
                actual_source="; ".join(dict.fromkeys(same["source_id"])),
                target_low=t_low, target_high=t_high,
                target_raw="; ".join(dict.fromkeys(target["value_raw"])),
                target_source="; ".join(dict.fromkeys(target["source_id"])), gap_pp=gap))
    columns = ["region", "indicator", "indicator_vi", "indicator_en", "year", "actual",
               "actual_raw", "actual_source",
               "target_low", "target_high", "target_raw", "target_source", "gap_pp"]
    return pd.DataFrame.from_records(records, columns=columns).sort_values(
        ["indicator", "year"], ignore_index=True)


@fill_doc
def index_paths(data: pd.DataFrame, *, region_map: RegionMap,
                region: str, start_year: int, end_year: int,
                scenario_growth: Sequence[float] = (),
                indicators: Sequence[str] = GROWTH_INDICATORS) -> pd.DataFrame:
    """Index paths (year before ``start_year`` = 100) for targets, scenarios and actuals.

    When no figure falls in the first years of the window, the paths start at the first
    year with one (the base year moves with it), so that targets, actuals and scenarios
    always share one base.

    * **target**: each source's average-growth targets for an indicator, chained over the
      years they cover within ``start_year..end_year`` (e.g. KH87's GRDP ≈8 %/yr 2021–2025
      then ≈9 %/yr 2026–2030); a range gives a low and a high path.
    * **actual**: the reported annual growth of the indicator, compounded while consecutive
      years are reported from ``start_year`` on.
    * **scenario**: each rate of ``scenario_growth`` over ``start_year..end_year``, drawn in
      the panel of every indicator that has a figure.

    Figures of the merged territory are left out (they are not the same province).

    Parameters
    ----------
    data : DataFrame
        From :func:`hy_analysis.load_targets`.
    {region_map}
    region : str
    {path_window}

    Returns
    -------
    DataFrame
        Long frame with columns ``indicator, indicator_vi, indicator_en, path, kind,
        source_id, rate_text, year, rate_low, rate_high, low, high``: ``rate_*`` is the growth
        of that year (NaN in the base year), ``low``/``high`` the index; ``low == high`` for
        single rates. An indicator with no figure in the window
        has no rows; when no indicator has one, scenarios get the indicator ``"scenario"``.

    See Also
    --------
    figure_index_paths : the same from the region's figures selected once.
    """
    _check_window(start_year, end_year)
    figures = growth_figures(data, region_map=region_map, region=region,
                             kinds=("target", "actual"), indicators=indicators)
    return figure_index_paths(figures, start_year=start_year, end_year=end_year,
                              scenario_growth=scenario_growth, indicators=indicators)


@fill_doc
def figure_index_paths(figures: pd.DataFrame, *, start_year: int, end_year: int,
                       scenario_growth: Sequence[float] = (),
                       indicators: Sequence[str] = GROWTH_INDICATORS) -> pd.DataFrame:
    """:func:`index_paths` of one region's growth figures, selected once for many windows.

    Parameters
    ----------
    figures : DataFrame
        From :func:`growth_figures` with ``kinds=("target", "actual")`` (one region; rows of
        the merged territory are left out here).
    {path_window}

    Returns
    -------
    DataFrame
        As :func:`index_paths`.

    Examples
    --------
    >>> figures = pd.DataFrame(dict(
    ...     indicator=["grdp_growth"], indicator_vi=["Tăng trưởng GRDP"],
    ...     indicator_en=["GRDP growth"], kind=["target"], measure=["period_average_growth"],
    ...     period_start=[2021], period_end=[2025], value_raw=["8%"], low=[8.0], high=[8.0],
    ...     source_id=["kh87"], merged=[False]))
    >>> paths = figure_index_paths(figures, start_year=2021, end_year=2022)
    >>> paths[["path", "year", "low"]].round(2).values.tolist()
    [['grdp_growth|target|kh87', 2020, 100.0], ['grdp_growth|target|kh87', 2021, 108.0], \
['grdp_growth|target|kh87', 2022, 116.64]]
    """
    _check_window(start_year, end_year)
    # A handful of rows per region and a window of a few years: plain Python over the rows
    # is ten times faster than a boolean mask per year (a panel computes dozens of windows).
    rows = [r for r in figures.itertuples(index=False) if not r.merged]
    targets = [r for r in rows if r.kind == "target" and r.measure == "period_average_growth"
               and _known(r.period_start) and _known(r.period_end)]
    actuals = [r for r in rows if r.kind == "actual" and r.measure == "annual_growth"
               and _known(r.period_start)]
    names = {code: (_first_name(rows, code, "vi"), _first_name(rows, code, "en"))
             for code in indicators}
    names["scenario"] = (SCENARIO_NAMES["vi"], SCENARIO_NAMES["en"])
    # Every path shares one base year: a window opening before the first figure (e.g. 2017
    # when targets and actuals start in 2021) starts at that figure, not at an empty year.
    start_year = next((year for year in range(start_year, end_year + 1)
                       if any(r.period_start <= year <= r.period_end for r in targets)
                       or any(r.period_start == year for r in actuals)), start_year)
    columns = ["indicator", "indicator_vi", "indicator_en", "path", "kind", "source_id",
               "rate_text", "year", "rate_low", "rate_high", "low", "high"]
    out: dict[str, list] = {column: [] for column in columns}

    def add(indicator, path, kind, source, rate_text, first_year, rates_low, rates_high):
        lows, highs = _index_values(rates_low), _index_values(rates_high)
        n = len(lows)
        out["indicator"] += [indicator] * n
        out["indicator_vi"] += [names[indicator][0]] * n
        out["indicator_en"] += [names[indicator][1]] * n
        out["path"] += [path] * n
        out["kind"] += [kind] * n
        out["source_id"] += [source] * n
        out["rate_text"] += [rate_text] * n
        out["year"] += range(first_year - 1, first_year - 1 + n)
        out["rate_low"] += [np.nan, *rates_low]
        out["rate_high"] += [np.nan, *rates_high]
        out["low"] += lows
        out["high"] += highs

    shown = []
    for indicator in indicators:
        by_source: dict[str, list] = {}
        for r in targets:
            if r.indicator == indicator:
                by_source.setdefault(r.source_id, []).append(r)
        has_any = False
        for source, own in by_source.items():
            years, lows, highs = [], [], []
            for year in range(start_year, end_year + 1):
                cover = [r for r in own if r.period_start <= year <= r.period_end]
                if not cover:
                    if years:
                        break
                    continue
                years.append(year)
                lows.append(_skipna(min, [r.low for r in cover]))
                highs.append(_skipna(max, [r.high for r in cover]))
            if not years:
                continue
            texts = [f"{r.value_raw} ({r.period_start}–{r.period_end})" for r in own
                     if r.period_end >= years[0] and r.period_start <= years[-1]]
            add(indicator, f"{indicator}|target|{source}", "target", source,
                "; ".join(texts), years[0], lows, highs)
            has_any = True
        actual = [r for r in actuals if r.indicator == indicator]
        by_year = _first_rates(actual)
        years = []
        for year in range(start_year, end_year + 1):
            if year not in by_year:
                break
            years.append(year)
        if years:
            rates = [float(by_year[y]) for y in years]
            reported = [r for r in actual if years[0] <= r.period_start <= years[-1]]
            add(indicator, f"{indicator}|actual", "actual",
                "; ".join(dict.fromkeys(r.source_id for r in reported)),
                "; ".join(dict.fromkeys(r.value_raw for r in sorted(
                    reported, key=lambda r: r.period_start))),
                years[0], rates, rates)
            has_any = True
        if has_any:
            shown.append(indicator)
    n = end_year - start_year + 1
    for indicator in shown or ["scenario"]:
        for rate in scenario_growth:
            add(indicator, f"{indicator}|scenario|{rate:g}", "scenario", "", f"{rate:g}",
                start_year, [rate] * n, [rate] * n)
    if not out["year"]:
        return pd.DataFrame.from_records([], columns=columns)
    return pd.DataFrame(out, columns=columns)


def _first_rates(actual: list) -> dict:
    """The first reported rate (``low``, NaN skipped) of each year of annual-growth rows."""
    by_year: dict = {}
    for r in actual:
        if r.period_start not in by_year or math.isnan(by_year[r.period_start]):
            by_year[r.period_start] = r.low
    return by_year


def _check_window(start_year: int, end_year: int) -> None:
    if end_year <= start_year - 1:
        raise ValueError(f"end_year ({end_year}) must not be before start_year ({start_year})")


def _known(value) -> bool:
    """Not a missing value (NA, None, NaN)."""
    return value is not None and value is not pd.NA and value == value


def _skipna(pick, values: list[float]) -> float:
    """``pick`` (min or max) of the values that are not NaN, as pandas does (NaN for none)."""
    known = [float(v) for v in values if v == v]
    return pick(known) if known else np.nan


def _first_name(rows: list, indicator: str, lang: str) -> str:
    """The indicator's name in ``lang`` from the first row that has one (else its code)."""
    return next((n for r in rows if r.indicator == indicator
                 for n in [getattr(r, f"indicator_{lang}")] if n), indicator)


def _index_values(rates: Sequence[float], base: float = 100.0) -> list[float]:
    """``base`` then ``base`` compounded by each yearly rate (%), as floats."""
    return [float(base), *map(float, base * np.cumprod([1 + r / 100 for r in rates]))]


def required_growth(data: pd.DataFrame, *, region_map: RegionMap,
                    region: str,
                    indicators: Sequence[str] = GROWTH_INDICATORS) -> pd.DataFrame:
    """Growth still needed in the remaining years to meet each average-growth target.

    For a target of ``g`` %/yr over ``n`` years with the first ``k`` years' annual growth
    reported (consecutive from the period start, same indicator and territory), the rest
    must average ``((1+g)^n / prod(1+a_i))^(1/(n-k)) - 1``. A range target gives a low and a
    high requirement. Merged-territory figures are left out.

    Returns
    -------
    DataFrame
        Columns ``region, indicator, indicator_vi, indicator_en, source_id, value_raw,
        period_start, period_end, target_low, target_high, actual_years, achieved_avg,
        years_left, required_low, required_high``. ``actual_years`` is e.g. ``"2021–2024"``
        (empty when none); ``required_*`` is NaN when every year is reported (then compare
        ``achieved_avg``).
    """
    figures = growth_figures(data, region_map=region_map, region=region,
                             kinds=("target", "actual"), indicators=indicators)
    return figure_required_growth(figures)


def figure_required_growth(figures: pd.DataFrame) -> pd.DataFrame:
    """:func:`required_growth` of one region's growth figures, selected once for a panel.

    Parameters
    ----------
    figures : DataFrame
        From :func:`growth_figures` with ``kinds=("target", "actual")`` (rows of the merged
        territory are left out here).

    Returns
    -------
    DataFrame
        As :func:`required_growth`.
    """
    # A handful of rows: plain Python, not a filter and a groupby per target.
    rows = [r for r in figures.itertuples(index=False) if not r.merged]
    rates_of = {}
    for r in rows:
        if r.kind == "actual" and r.measure == "annual_growth" and _known(r.period_start):
            rates_of.setdefault(r.indicator, []).append(r)
    rates_of = {indicator: _first_rates(own) for indicator, own in rates_of.items()}
    records = []
    for row in rows:
        if row.kind != "target" or row.measure != "period_average_growth":
            continue
        by_year = rates_of.get(row.indicator, {})
        rates, years = [], []
        for year in range(int(row.period_start), int(row.period_end) + 1):
            if year not in by_year:
                break
            rates.append(float(by_year[year]))
            years.append(year)
        n = int(row.period_end) - int(row.period_start) + 1
        achieved = (float(np.prod([1 + r / 100 for r in rates])) ** (1 / len(rates)) - 1) * 100 \
            if rates else np.nan
        records.append(dict(
            region=row.region, indicator=row.indicator, indicator_vi=row.indicator_vi,
            indicator_en=row.indicator_en, source_id=row.source_id,
            value_raw=row.value_raw, period_start=int(row.period_start),
            period_end=int(row.period_end), target_low=row.low, target_high=row.high,
            actual_years=f"{years[0]}–{years[-1]}" if years else "",
            achieved_avg=achieved, years_left=n - len(rates),
            required_low=required_growth_rate(row.low, rates, years=n),
            required_high=required_growth_rate(row.high, rates, years=n)))
    columns = ["region", "indicator", "indicator_vi", "indicator_en", "source_id", "value_raw",
               "period_start", "period_end", "target_low", "target_high", "actual_years",
               "achieved_avg", "years_left", "required_low", "required_high"]
    return pd.DataFrame.from_records(records, columns=columns)


def structure_shift(data: pd.DataFrame, *, region_map: RegionMap,
                    region: str, base_year: int = 2020,
                    sectors: Sequence[str] = SECTOR_SHARES) -> pd.DataFrame:
    """Sector shares of GRDP by year and source, with the shift from the base-year actual.

    One "column" per (year, kind, source, territory): the base-year actual and every later
    target or actual. A source that states only some sectors gets a ``not_stated`` remainder
    (100 minus the stated shares), so conflicting sources can stand side by side. Repeated
    identical rows of one source (KH87's services share in rows 2 and 8) count once.
    Merged-territory figures are kept with ``merged=True`` (never compared with the base).

    Returns
    -------
    DataFrame
        Columns ``column, year, kind, source_id, territory, merged, sector, share,
        shift_pp`` (share minus the base-year actual share of that sector; NaN for
        ``not_stated``, for merged columns and without a base).
    """
    _require(data, ("indicator", "period_end", "value"))
    rows = _for_region(data, region)
    rows = rows[rows["indicator"].astype(str).isin(sectors) & (rows["measure"] == "level")]
    rows = rows[rows["period_end"] >= base_year]
    columns = ["column", "year", "kind", "source_id", "territory", "merged", "sector",
               "share", "shift_pp"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(indicator=rows["indicator"].astype(str), kind=rows["kind"].astype(str),
                       source_id=rows["source_id"].astype(str),
                       territory=rows["territory"].astype(str))
    rows = rows.drop_duplicates(["indicator", "kind", "period_end", "source_id", "territory",
                                 "value"])
    base = rows[(rows["kind"] == "actual") & (rows["period_end"] == base_year)
                & ~rows["territory"].map(region_map.is_merged)]
    base_share = base.groupby("indicator")["value"].first()
    records = []
    keys = ["period_end", "kind", "source_id", "territory"]
    for (year, kind, source, territory), group in rows.groupby(keys, sort=True):
        merged = region_map.is_merged(territory)
        column = f"{int(year)} {source}" + (" [merged]" if merged else "")
        stated = 0.0
        for sector in sectors:
            hit = group[group["indicator"] == sector]
            if hit.empty:
                continue
            share = float(hit["value"].iloc[0])
            stated += share
            shift = share - base_share[sector] if sector in base_share.index and not merged \
                else np.nan
            records.append(dict(column=column, year=int(year), kind=kind, source_id=source,
                                territory=territory, merged=merged, sector=sector,
                                share=share, shift_pp=shift))
        if stated < 100 - 0.1:
            records.append(dict(column=column, year=int(year), kind=kind, source_id=source,
                                territory=territory, merged=merged, sector="not_stated",
                                share=100 - stated, shift_pp=np.nan))
    out = pd.DataFrame.from_records(records, columns=columns)
    kind_order = {"actual": 0, "target": 1}
    out["_k"] = out["kind"].map(kind_order)
    out = out.sort_values(["year", "merged", "_k", "source_id"], kind="stable")
    return out.drop(columns="_k").reset_index(drop=True)


@fill_doc
def level_path(data: pd.DataFrame, *, region_map: RegionMap,
               region: str, indicator: str,
               unit: str | None = None,
               indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Levels of one indicator by year (targets and actuals), one point per figure.

    Identical figures of several sources (e.g. the 8,5 bn USD export target in two
    documents) are one point naming both sources.

    Parameters
    ----------
    data : DataFrame
    {region_map}
    region : str
    indicator : str
        A level indicator, e.g. ``"grdp_per_capita"`` or ``"exports"``.
    unit : str, optional
        Keep only rows in this unit (GRDP per capita is in USD except one VND row). Default:
        the one unit of the rows, or, where they hold several, the indicator's unit in
        ``indicators``; a series never mixes units.
    indicators : DataFrame, optional
        The frame of :func:`hy_analysis.loading.load_indicators` (``code``, ``unit``): the
        indicator's own unit when ``unit`` is not given and the rows hold several.

    Returns
    -------
    DataFrame
        Columns ``indicator, indicator_vi, indicator_en, year, kind, value, low, high,
        qualifier, value_raw, unit, territory, merged, source_id``, sorted by year (actual
        before target). ``attrs`` holds ``indicator``, ``indicator_vi``, ``indicator_en`` and
        ``unit`` even when the frame is empty, so an empty result can still be named.

    Raises
    ------
    ValueError
        ``unit`` is None, the rows hold several units and ``indicators`` does not name the
        indicator's unit (the message names the units found).
    """
    rows = _for_region(data, region)
    rows = rows[(rows["indicator"].astype(str) == indicator) & (rows["measure"] == "level")]
    if unit is None:
        unit = _series_unit(rows, indicator, indicators)
    names = {"indicator": indicator, "indicator_vi": _indicator_name(data, indicator, "vi"),
             "indicator_en": _indicator_name(data, indicator, "en"), "unit": unit or ""}
    if unit is not None:
        rows = rows[rows["unit"].astype(str) == unit]
    columns = ["indicator", "indicator_vi", "indicator_en", "year", "kind", "value", "low",
               "high", "qualifier", "value_raw", "unit", "territory", "merged", "source_id"]
    if rows.empty:
        empty = pd.DataFrame(columns=columns)
        empty.attrs.update(names)
        return empty
    out = pd.DataFrame(dict(
        indicator=indicator, indicator_vi=_indicator_name(rows, indicator, "vi"),
        indicator_en=_indicator_name(rows, indicator, "en"),
        year=rows["period_end"].astype(int), kind=rows["kind"].astype(str),
        value=rows["value"], low=rows["low"], high=rows["high"],
        qualifier=rows["qualifier"].astype(str), value_raw=rows["value_raw"],
        unit=rows["unit"].astype(str), territory=rows["territory"].astype(str),
        source_id=rows["source_id"].astype(str)))
    out["merged"] = out["territory"].map(region_map.is_merged).astype(bool)
    out = (out.groupby(["indicator", "indicator_vi", "indicator_en", "year", "kind",
                        "territory", "value"], sort=False, as_index=False)
           .agg(low=("low", "first"), high=("high", "first"), qualifier=("qualifier", "first"),
                value_raw=("value_raw", "first"), unit=("unit", "first"),
                merged=("merged", "first"),
                source_id=("source_id", lambda s: "; ".join(dict.fromkeys(s)))))
    out["_k"] = out["kind"].map({"actual": 0, "target": 1})
    out = out.sort_values(["year", "merged", "_k"], kind="stable").drop(columns="_k")
    out = out[columns].reset_index(drop=True)
    out.attrs.update(names)
    return out


def _series_unit(rows: pd.DataFrame, indicator: str,
                 indicators: pd.DataFrame | None) -> str | None:
    """The one unit a level series of ``indicator`` is drawn in (None for no rows)."""
    units = list(dict.fromkeys(rows["unit"].astype(str)))
    if len(units) <= 1:
        return units[0] if units else None
    if indicators is not None and {"code", "unit"} <= set(indicators.columns):
        own = indicators.loc[indicators["code"].astype(str) == indicator, "unit"].astype(str)
        if len(own) and own.iloc[0] in units:
            return own.iloc[0]
    raise ValueError(f"parameter 'unit': the {indicator!r} rows are in several units "
                     f"({', '.join(units)}); pass unit= one of them, or indicators= to use "
                     f"the indicator's own unit")


def implied_growth_steps(path: pd.DataFrame) -> pd.DataFrame:
    """Average yearly growth implied between consecutive points of a :func:`level_path`.

    Only points of the same territory are joined (merged-territory points never are), and
    points of the same year are not joined.

    Returns
    -------
    DataFrame
        Columns ``from_year, to_year, from_kind, to_kind, from_value, to_value, from_raw,
        to_raw, growth_pct``.
    """
    columns = ["from_year", "to_year", "from_kind", "to_kind", "from_value", "to_value",
               "from_raw", "to_raw", "growth_pct"]
    records = []
    for _territory, points in path[~path["merged"].astype(bool)].groupby("territory"):
        points = points.sort_values("year", kind="stable")
        previous = None
        for point in points.itertuples():
            if previous is not None and point.year > previous.year:
                records.append(dict(
                    from_year=previous.year, to_year=point.year, from_kind=previous.kind,
                    to_kind=point.kind, from_value=previous.value, to_value=point.value,
                    from_raw=previous.value_raw, to_raw=point.value_raw,
                    growth_pct=implied_growth(previous.value, point.value,
                                              point.year - previous.year)))
                previous = point
            elif previous is None or point.year > previous.year:
                previous = point
    return pd.DataFrame.from_records(records, columns=columns)
