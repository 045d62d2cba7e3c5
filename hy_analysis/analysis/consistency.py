"""Consistency of the figures: disagreements between sources, share sums, implied growth.

Pure analysis over the tidy frame of :func:`hy_analysis.load_targets`; results are
DataFrames (their findings text is written by :mod:`hy_analysis.findings.consistency`).

Three checks
------------
Figures of different territories (the province before the 2025 merger and the merged one)
are never compared as a conflict: :func:`revised_with_merger` sets a merged territory's
target beside the earlier territory's target for the same year, as a target revised with the
merger. :func:`implied_totals` checks totals re-computed from a part of them (derived rows)
against the total the same source states.

1. :func:`find_conflicts` — two rows about the *same* figure (region, territory, indicator,
   measure, kind, period, breakdown and snapshot date ``as_of``) whose values differ. Each
   figure is read as an interval (the **rule**):

   * exact ``X`` → [X, X]; range ``X-Y`` → [X, Y];
   * ``trên/hơn X`` (above) → [X, ∞); ``dưới X`` (below) → (−∞, X];
   * ``khoảng X`` / ``khoảng X-Y`` (about) → the value widened by ``about_tolerance``
     (default 2 % of the value each side).

   Two figures **agree** when value, bounds and qualifier are identical; are **compatible**
   when their intervals overlap (e.g. "Trên 48%" and "khoảng 48-50%"); and **conflict** when
   the intervals are disjoint (e.g. "khoảng 70%" and "64,1%"). ``gap`` is the distance
   between the intervals (0 unless conflicting).
2. :func:`check_share_sums` — agriculture, industry-construction and services shares of the
   same region, territory, kind, year and source must add up to 100 ± ``tolerance``.
3. :func:`levels_vs_growth` — a territory's yearly levels (e.g. constant-price GRDP) imply a
   growth rate; a stated growth for the same year that differs by more than ``threshold``
   points contradicts them (``same_source`` when one page says both).
4. :func:`implied_vs_stated` — a level target pair (e.g. output value 2025 and 2030) implies
   an average growth; where the same source set states a growth target for a period that
   covers those years, a difference above ``threshold`` points is flagged.
"""

from __future__ import annotations

import itertools
import math
from typing import Sequence

import numpy as np
import pandas as pd

from ..territories import RegionMap
from ..vocabulary import SECTOR_SHARES
from .growth import implied_growth
from ..docstrings import fill_doc

__all__ = [
    "CONFLICT_KEYS", "LEVEL_GROWTH_PAIRS", "figure_interval", "compare_figures",
    "check_choices", "in_selection", "filter_figures", "figures_list", "count_figures",
    "find_conflicts", "check_share_sums",
    "implied_vs_stated", "consistency_counts", "revised_with_merger", "implied_totals",
    "LEVEL_RATE_PAIRS", "levels_vs_growth",
]

#: Suffix of derived indicators that re-compute a stated total from one part of it
#: (``fdi_capital_implied_total``: a country's capital / its share of the total).
IMPLIED_TOTAL_SUFFIX = "_implied_total"

#: Columns that identify "the same figure" for :func:`find_conflicts`.
CONFLICT_KEYS = ("region", "territory", "indicator", "measure", "kind", "period_start",
                 "period_end", "breakdown", "as_of")

#: Level indicators and the growth indicators whose stated rate their path can be checked
#: against (gross output value against industry value-added growth is the documents' own
#: pairing in Bắc Giang's resolution 147-NQ/TU).
LEVEL_GROWTH_PAIRS = {
    "industrial_output_value": ("industrial_output_growth", "industry_grdp_growth"),
    "exports": ("exports_growth",),
}

STATUSES = ("agree", "compatible", "conflict")

TABLE_COLUMNS = ("region", "territory", "indicator", "indicator_vi", "indicator_en", "kind",
                 "period_start", "period_end",
                 "value_raw", "low", "high", "unit", "source_id", "source_locator")


# --------------------------------------------------------------------------- the rule

def figure_interval(low: float | None, high: float | None, qualifier: str, *,
                    about_tolerance: float = 0.02) -> tuple[float, float]:
    """The interval of values a figure allows (see the module docstring for the rule).

    Parameters
    ----------
    low, high : float or None
        Parsed bounds (None/NaN for an open side).
    qualifier : {"exact", "about", "above", "below", "range"}
    about_tolerance : float
        Relative widening of "about" figures on each side.

    Returns
    -------
    (float, float)
        ``-inf``/``inf`` for open sides.

    Examples
    --------
    >>> figure_interval(48, None, "above")
    (48.0, inf)
    """
    def missing(x):
        return x is None or (isinstance(x, float) and math.isnan(x))

    lo = -math.inf if missing(low) else float(low)
    hi = math.inf if missing(high) else float(high)
    if qualifier == "about":
        if not math.isinf(lo):
            lo -= abs(lo) * about_tolerance
        if not math.isinf(hi):
            hi += abs(hi) * about_tolerance
    return lo, hi


def compare_figures(a: tuple, b: tuple, *, about_tolerance: float = 0.02) -> tuple[str, float]:
    """Compare two figures given as ``(low, high, qualifier)``.

    Returns
    -------
    (status, gap)
        ``status`` is ``"agree"``, ``"compatible"`` or ``"conflict"``; ``gap`` is the
        distance between the two intervals (0 when they overlap).

    Examples
    --------
    >>> compare_figures((70, 70, "about"), (64.1, 64.1, "exact"))[0]
    'conflict'
    >>> compare_figures((48, None, "above"), (48, 50, "about"))[0]
    'compatible'
    """
    def same(x, y):
        x_missing = x is None or (isinstance(x, float) and math.isnan(x))
        y_missing = y is None or (isinstance(y, float) and math.isnan(y))
        return (x_missing and y_missing) or (not x_missing and not y_missing
                                             and math.isclose(x, y, rel_tol=1e-9))

    if same(a[0], b[0]) and same(a[1], b[1]) and a[2] == b[2]:
        return "agree", 0.0
    lo_a, hi_a = figure_interval(*a, about_tolerance=about_tolerance)
    lo_b, hi_b = figure_interval(*b, about_tolerance=about_tolerance)
    gap = max(lo_a - hi_b, lo_b - hi_a, 0.0)
    return ("conflict" if gap > 0 else "compatible"), float(gap)


# --------------------------------------------------------------------------- the table

def check_choices(data: pd.DataFrame, *, regions: Sequence[str] | None = None,
                  kinds: Sequence[str] | None = None) -> None:
    """Check that every chosen region and kind occurs in ``data`` (None: no choice).

    Raises
    ------
    ValueError
        A region or kind not in the data, naming the valid choices.

    Examples
    --------
    >>> data = pd.DataFrame({"region": ["Hưng Yên"], "kind": ["target"]})
    >>> check_choices(data, regions=["Hà Nội"])
    Traceback (most recent call last):
    ...
    ValueError: parameter 'regions': unknown value(s) ['Hà Nội']; valid choices: Hưng Yên
    """
    for column, wanted in (("region", regions), ("kind", kinds)):
        if wanted is None:
            continue
        present = list(dict.fromkeys(data[column].astype(str)))
        unknown = [v for v in wanted if v not in present]
        if unknown:
            raise ValueError(f"parameter '{column}s': unknown value(s) {unknown!r}; valid "
                             f"choices: {', '.join(present)}")


def in_selection(data: pd.DataFrame, *, regions: Sequence[str] | None = None,
                 kinds: Sequence[str] | None = None) -> pd.Series:
    """Whether each row of ``data`` is about one of the chosen regions and kinds (None: all).

    ``data`` is the tidy frame, or the result of a check that keeps ``region`` and ``kind``.
    A check whose findings each read rows of one region and kind (:func:`count_figures`,
    :func:`find_conflicts`, :func:`implied_totals`) finds, among the figures of a selection,
    exactly its findings for every figure that this mask keeps: computed once, they serve
    every selection (the states of a shared panel).

    Returns
    -------
    Series of bool
        On ``data``'s index.

    Examples
    --------
    >>> data = pd.DataFrame({"region": ["Hưng Yên", "Bắc Ninh"], "kind": ["target"] * 2})
    >>> in_selection(data, regions=["Bắc Ninh"]).tolist()
    [False, True]
    """
    keep = pd.Series(True, index=data.index)
    for column, wanted in (("region", regions), ("kind", kinds)):
        if wanted is not None:
            keep &= data[column].astype(str).isin(wanted)
    return keep


def filter_figures(data: pd.DataFrame, *, regions: Sequence[str] | None = None,
                   kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """Rows of the chosen regions and kinds (None: all).

    Raises
    ------
    ValueError
        A region or kind not in the data, naming the valid choices
        (:func:`check_choices`).
    """
    check_choices(data, regions=regions, kinds=kinds)
    if regions is None and kinds is None:
        return data
    return data[in_selection(data, regions=regions, kinds=kinds)]


def figures_list(data: pd.DataFrame, *, regions: Sequence[str] | None = None,
                 kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """All figures with their sources, filtered by region and kind.

    Returns
    -------
    DataFrame
        Columns ``region, territory, indicator, indicator_vi, indicator_en, kind,
        period_start, period_end, value_raw, low, high, unit, source_id, source_locator``
        (:func:`hy_analysis.findings.consistency.figures_table` makes it a reader table).
    """
    rows = filter_figures(data, regions=regions, kinds=kinds)
    out = rows[list(TABLE_COLUMNS)].copy()
    for column in ("region", "territory", "indicator", "kind", "unit", "source_id"):
        out[column] = out[column].astype(str)
    return out.reset_index(drop=True)


@fill_doc
def count_figures(data: pd.DataFrame, *, region_map: RegionMap,
                  regions: Sequence[str] | None = None,
                  kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """Number of figures per region (and territory) and kind.

    Parameters
    ----------
    data : DataFrame
        Tidy targets (:func:`hy_analysis.load_targets`).
    {region_map}
    regions, kinds : sequence of str, optional
        As :func:`filter_figures`.

    Returns
    -------
    DataFrame
        Columns ``region, territory, kind, figures, merged``; only non-empty combinations.
    """
    rows = filter_figures(data, regions=regions, kinds=kinds)
    out = (rows.assign(region=rows["region"].astype(str), territory=rows["territory"].astype(str),
                       kind=rows["kind"].astype(str))
           .groupby(["region", "territory", "kind"], sort=True).size()
           .rename("figures").reset_index())
    out["merged"] = out["territory"].map(region_map.is_merged).astype(bool)
    return out[out["figures"] > 0].reset_index(drop=True)


# --------------------------------------------------------------------------- check 1

def find_conflicts(data: pd.DataFrame, *, about_tolerance: float = 0.02,
                   include_agreeing: bool = False) -> pd.DataFrame:
    """Pairs of rows about the same figure whose values differ, both sources side by side.

    Parameters
    ----------
    data : DataFrame
        From :func:`hy_analysis.load_targets` (optionally filtered).
    about_tolerance : float
        Relative widening of "khoảng"/"about" figures (see :func:`figure_interval`).
    include_agreeing : bool
        Also list pairs that agree exactly (repeated figures).

    Returns
    -------
    DataFrame
        One row per pair: the :data:`CONFLICT_KEYS`, ``indicator_vi``, ``indicator_en``,
        ``unit``, ``value_a``, ``source_a``,
        ``locator_a``, ``id_a``, ``value_b``, ``source_b``, ``locator_b``, ``id_b``,
        ``status`` (agree/compatible/conflict) and ``gap`` (in the figure's unit). Conflicts
        come first.
    """
    keys = list(CONFLICT_KEYS)
    columns = [*keys, "indicator_vi", "indicator_en", "unit", "value_a", "source_a",
               "locator_a", "id_a", "value_b", "source_b", "locator_b", "id_b", "status", "gap"]
    records = []
    frame = data.copy()
    for column in keys:
        frame[column] = frame[column].astype(str)
    for key, group in frame.groupby(keys, sort=True):
        if len(group) < 2:
            continue
        for a, b in itertools.combinations(group.itertuples(index=False), 2):
            if a.unit != b.unit:
                continue  # the same figure in two currencies is not a disagreement
            status, gap = compare_figures((a.low, a.high, a.qualifier),
                                          (b.low, b.high, b.qualifier),
                                          about_tolerance=about_tolerance)
            if status == "agree" and not include_agreeing:
                continue
            records.append(dict(zip(keys, key), indicator_vi=a.indicator_vi,
                                indicator_en=a.indicator_en, unit=str(a.unit),
                                value_a=a.value_raw,
                                source_a=str(a.source_id), locator_a=a.source_locator,
                                id_a=a.id, value_b=b.value_raw, source_b=str(b.source_id),
                                locator_b=b.source_locator, id_b=b.id, status=status,
                                gap=gap))
    out = pd.DataFrame.from_records(records, columns=columns)
    for column in ("period_start", "period_end"):
        out[column] = pd.to_numeric(out[column]).astype("Int64")
    out["_s"] = out["status"].map({"conflict": 0, "compatible": 1, "agree": 2})
    return out.sort_values(["_s", "region", "indicator", "period_end"], kind="stable") \
        .drop(columns="_s").reset_index(drop=True)


# --------------------------------------------------------------------------- check 2

def check_share_sums(data: pd.DataFrame, *, tolerance: float = 0.1,
                     sectors: Sequence[str] = SECTOR_SHARES) -> pd.DataFrame:
    """Do the sector shares of one region, territory, kind, year and source add up to 100?

    A source that repeats a share with the same value (KH87's services row) counts it once;
    a source giving two different values for one share is reported as ``"ambiguous"``.

    Parameters
    ----------
    data : DataFrame
    tolerance : float
        Allowed difference from 100, in percentage points.
    sectors : sequence of str
        The share indicators that make up 100 %.

    Returns
    -------
    DataFrame
        Columns ``region, territory, kind, year, source_id``, one column per sector (NaN when
        not stated), ``total``, ``n_stated`` and ``status``: ``"ok"``, ``"off"`` (all
        stated, total outside 100 ± tolerance), ``"incomplete"`` (some not stated; cannot be
        checked) or ``"ambiguous"``.
    """
    rows = data[data["indicator"].astype(str).isin(sectors) & (data["measure"] == "level")]
    columns = ["region", "territory", "kind", "year", "source_id", *sectors, "total",
               "n_stated", "status"]
    records = []
    keys = ["region", "territory", "kind", "period_end", "source_id"]
    rows = rows.assign(**{c: rows[c].astype(str) for c in ("region", "territory", "kind",
                                                           "source_id", "indicator")})
    for key, group in rows.groupby(keys, sort=True):
        record = dict(zip(["region", "territory", "kind", "year", "source_id"], key))
        record["year"] = int(record["year"])
        status = None
        for sector in sectors:
            values = group.loc[group["indicator"] == sector, "value"].unique()
            if len(values) > 1:
                status = "ambiguous"
            record[sector] = float(values[0]) if len(values) else np.nan
        stated = [record[s] for s in sectors if not math.isnan(record[s])]
        record["n_stated"] = len(stated)
        record["total"] = float(sum(stated))
        if status is None:
            if len(stated) < len(sectors):
                status = "incomplete"
            else:
                status = "ok" if abs(record["total"] - 100) <= tolerance + 1e-9 else "off"
        record["status"] = status
        records.append(record)
    return pd.DataFrame.from_records(records, columns=columns)


# --------------------------------------------------------------------------- check 3

def implied_vs_stated(data: pd.DataFrame, *, threshold: float = 2.0,
                      regions: Sequence[str] | None = None,
                      pairs: dict[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """Growth implied by pairs of level targets next to the growth targets stated for it.

    For each level indicator of ``pairs`` (default :data:`LEVEL_GROWTH_PAIRS`), consecutive
    target years of one region and territory give an implied average growth
    ``(end/start)^(1/years) - 1``. Every stated ``period_average_growth`` target of a paired
    growth indicator, same region and territory, whose period covers both years is put beside
    it; ``difference_pp`` is implied minus stated (to the nearest bound of a range).

    Parameters
    ----------
    data : DataFrame
    threshold : float
        Flag differences larger than this many percentage points.
    regions : sequence of str, optional
    pairs : dict, optional
        Level indicator → growth indicators.

    Returns
    -------
    DataFrame
        Columns ``region, territory, level_indicator, level_name_vi, level_name_en, from_year,
        to_year, from_raw, to_raw, level_sources, implied_pct, growth_indicator,
        growth_name_vi, growth_name_en, stated_start, stated_end, stated_raw, stated_low,
        stated_high, stated_source, difference_pp, flagged``. A level pair with no stated
        growth to compare has one row with NaN stated values and ``flagged=False``.
    """
    pairs = LEVEL_GROWTH_PAIRS if pairs is None else pairs
    rows = filter_figures(data, regions=regions)
    rows = rows[rows["kind"] == "target"]
    columns = ["region", "territory", "level_indicator", "level_name_vi", "level_name_en",
               "from_year", "to_year", "from_raw", "to_raw", "level_sources", "implied_pct",
               "growth_indicator", "growth_name_vi", "growth_name_en", "stated_start", "stated_end",
               "stated_raw", "stated_low", "stated_high", "stated_source", "difference_pp",
               "flagged"]
    records = []
    for level_indicator, growth_indicators in pairs.items():
        levels = rows[(rows["indicator"].astype(str) == level_indicator)
                      & (rows["measure"] == "level")]
        for (region, territory), group in levels.groupby(
                [levels["region"].astype(str), levels["territory"].astype(str)], sort=True):
            points = group.sort_values("period_end").drop_duplicates("period_end")
            stated = rows[(rows["region"].astype(str) == region)
                          & (rows["territory"].astype(str) == territory)
                          & rows["indicator"].astype(str).isin(growth_indicators)
                          & (rows["measure"] == "period_average_growth")]
            for a, b in zip(points.itertuples(), points.iloc[1:].itertuples()):
                base = dict(region=region, territory=territory, level_indicator=level_indicator,
                            level_name_vi=a.indicator_vi, level_name_en=a.indicator_en,
                            from_year=int(a.period_end), to_year=int(b.period_end),
                            from_raw=a.value_raw, to_raw=b.value_raw,
                            level_sources="; ".join(dict.fromkeys([str(a.source_id),
                                                                   str(b.source_id)])),
                            implied_pct=implied_growth(a.value, b.value,
                                                       int(b.period_end) - int(a.period_end)))
                cover = stated[(stated["period_start"] <= int(a.period_end) + 1)
                               & (stated["period_end"] >= int(b.period_end))]
                if cover.empty:
                    records.append(dict(base, growth_indicator="", growth_name_vi="",
                                        growth_name_en="", stated_start=None,
                                        stated_end=None,
                                        stated_raw="", stated_low=np.nan, stated_high=np.nan,
                                        stated_source="", difference_pp=np.nan, flagged=False))
                    continue
                for s in cover.itertuples():
                    imp = base["implied_pct"]
                    diff = imp - s.high if imp > s.high else (imp - s.low if imp < s.low else 0.0)
                    records.append(dict(base, growth_indicator=str(s.indicator),
                                        growth_name_vi=s.indicator_vi,
                                        growth_name_en=s.indicator_en,
                                        stated_start=int(s.period_start),
                                        stated_end=int(s.period_end),
                                        stated_raw=s.value_raw, stated_low=s.low,
                                        stated_high=s.high, stated_source=str(s.source_id),
                                        difference_pp=diff, flagged=abs(diff) > threshold))
    out = pd.DataFrame.from_records(records, columns=columns)
    return out.astype({"stated_start": "Int64", "stated_end": "Int64"})


def consistency_counts(conflicts: pd.DataFrame, shares: pd.DataFrame,
                       implied: pd.DataFrame) -> pd.DataFrame:
    """How many findings each check produced, by outcome (for the summary chart).

    Returns
    -------
    DataFrame
        Columns ``check`` (``"sources"``, ``"shares"``, ``"implied"``), ``outcome`` and
        ``count``; zero counts are kept so the chart always shows every outcome.
    """
    records = []
    for status in ("conflict", "compatible"):
        records.append(("sources", status, int((conflicts["status"] == status).sum())))
    for status in ("off", "ok", "incomplete"):
        records.append(("shares", status, int((shares["status"] == status).sum())))
    compared = implied[implied["stated_raw"] != ""] if not implied.empty else implied
    records.append(("implied", "flagged", int(compared["flagged"].sum()) if len(compared) else 0))
    records.append(("implied", "within", int((~compared["flagged"].astype(bool)).sum())
                    if len(compared) else 0))
    return pd.DataFrame.from_records(records, columns=["check", "outcome", "count"])


@fill_doc
def revised_with_merger(data: pd.DataFrame, *, region_map: RegionMap) -> pd.DataFrame:
    """Targets of a merged territory beside the same region's earlier targets, same year.

    The merged province is another territory: its target is never a conflict with the old
    province's, it is the target *revised with the merger*.

    Parameters
    ----------
    data : DataFrame
        Tidy targets (:func:`hy_analysis.load_targets`).
    {region_map}

    Returns
    -------
    DataFrame
        One row per (earlier target, merged target) pair with the same region, indicator,
        measure, breakdown and end year: ``region``, ``indicator``, ``indicator_vi``,
        ``indicator_en``, ``measure``, ``unit``, ``period_end``, ``territory_before``,
        ``value_before``, ``low_before``, ``source_before``, ``id_before``,
        ``territory_after``, ``value_after``, ``low_after``, ``source_after``, ``id_after``,
        ``change`` (``low_after - low_before``, in the unit; points for percent).
    """
    columns = ["region", "indicator", "indicator_vi", "indicator_en", "measure", "unit",
               "period_end", "territory_before", "value_before", "low_before",
               "source_before", "id_before", "territory_after", "value_after", "low_after",
               "source_after", "id_after", "change"]
    merged = region_map.merged_territories
    rows = data[data["kind"].astype(str) == "target"]
    is_after = rows["territory"].astype(str).isin(merged)
    keys = ["region", "indicator", "measure", "unit", "breakdown", "period_end"]
    before = rows[~is_after].astype({"breakdown": str})
    after = rows[is_after].astype({"breakdown": str})
    pairs = before.merge(after, on=keys, suffixes=("_before", "_after"))
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame({
        "region": pairs["region"], "indicator": pairs["indicator"],
        "indicator_vi": pairs["indicator_vi_before"],
        "indicator_en": pairs["indicator_en_before"], "measure": pairs["measure"],
        "unit": pairs["unit"], "period_end": pairs["period_end"].astype("int64"),
        **{f"{c}_{side}": pairs[f"{src}_{side}"]
           for side in ("before", "after")
           for c, src in (("territory", "territory"), ("value", "value_raw"),
                          ("low", "low"), ("source", "source_id"), ("id", "id"))},
    })
    out["change"] = out["low_after"].astype(float) - out["low_before"].astype(float)
    return out[columns].sort_values(["region", "indicator", "period_end", "id_before"]) \
        .reset_index(drop=True)


def implied_totals(data: pd.DataFrame) -> pd.DataFrame:
    """Totals re-computed from a part (derived ``*_implied_total`` rows) against the stated one.

    A source that gives a country's capital and its share of the total implies a total
    (capital / share); the data carry it as a derived row. It is set against the total the
    same source states for the same territory, snapshot and period.

    Parameters
    ----------
    data : DataFrame
        Tidy targets (:func:`hy_analysis.load_targets`).

    Returns
    -------
    DataFrame
        ``region``, ``territory``, ``indicator`` (the stated total's), ``indicator_vi``,
        ``indicator_en``, ``unit``, ``kind``, ``period_end``, ``as_of``, ``breakdown`` (the
        part the total is implied from), ``implied_raw``, ``implied``, ``id_implied``,
        ``stated_raw``, ``stated_low``, ``stated_high``, ``id_stated``, ``source_id``,
        ``consistent`` (the implied value lies in the stated interval), ``gap`` (distance to
        the interval, in the unit; 0 when consistent), ``gap_pct`` (gap / stated bound, %).
    """
    columns = ["region", "territory", "indicator", "indicator_vi", "indicator_en", "unit",
               "kind", "period_end", "as_of", "breakdown", "implied_raw", "implied",
               "id_implied", "stated_raw", "stated_low", "stated_high", "id_stated",
               "source_id", "consistent", "gap", "gap_pct"]
    name = data["indicator"].astype(str)
    implied = data[name.str.endswith(IMPLIED_TOTAL_SUFFIX)]
    records = []
    for r in implied.itertuples(index=False):
        base = str(r.indicator)[:-len(IMPLIED_TOTAL_SUFFIX)]
        stated = data[(name == base) & (data["breakdown"].fillna("").astype(str) == "")
                      & (data["region"] == r.region) & (data["territory"] == r.territory)
                      & (data["kind"] == r.kind) & (data["period_end"] == r.period_end)
                      & (data["as_of"].astype(str) == str(r.as_of))
                      & (data["source_id"] == r.source_id)]
        for s in stated.itertuples(index=False):
            # The implied figure is a rounded computation: its own value, not widened.
            lo, hi = figure_interval(s.low, s.high, str(s.qualifier))
            value = float(r.low)
            gap = lo - value if value < lo else (value - hi if value > hi else 0.0)
            bound = lo if value < lo else hi
            records.append(dict(
                region=r.region, territory=r.territory, indicator=base,
                indicator_vi=s.indicator_vi, indicator_en=s.indicator_en, unit=s.unit,
                kind=r.kind, period_end=int(r.period_end), as_of=r.as_of,
                breakdown=r.breakdown, implied_raw=r.value_raw, implied=value,
                id_implied=r.id, stated_raw=s.value_raw, stated_low=lo,
                stated_high=hi, id_stated=s.id, source_id=r.source_id,
                consistent=gap == 0.0, gap=gap,
                gap_pct=100.0 * gap / abs(bound) if gap and bound else 0.0))
    return pd.DataFrame.from_records(records, columns=columns)


#: Yearly level indicators and the growth rate a source states for them: the growth implied
#: by two consecutive levels should match the stated rate.
LEVEL_RATE_PAIRS = {
    "grdp_constant_prices": "grdp_growth",
    "exports": "exports_growth",
    "industrial_output_value": "industrial_output_growth",
}


def levels_vs_growth(data: pd.DataFrame, *, threshold: float = 0.5,
                     pairs: dict[str, str] | None = None) -> pd.DataFrame:
    """Stated yearly growth against the growth implied by the same territory's levels.

    A territory's level for a year over its level for the year before implies a growth
    rate; where an actual growth for that year is stated (by any source), a distance above
    ``threshold`` percentage points from the stated figure (read as an interval, as
    :func:`figure_interval` reads it) contradicts it. ``same_source`` says whether the
    growth and the later level come from one source (a source contradicting itself).

    Parameters
    ----------
    data : DataFrame
        Tidy targets (:func:`hy_analysis.load_targets`); only actual rows are read.
    threshold : float
        Largest difference, in percentage points, still counted as consistent.
    pairs : dict, optional
        Level indicator -> growth indicator (default :data:`LEVEL_RATE_PAIRS`).

    Returns
    -------
    DataFrame
        ``region``, ``territory``, ``level_indicator``, ``indicator`` (the growth's),
        ``indicator_vi``, ``indicator_en``, ``year``, ``level_before``, ``level``,
        ``raw_before``, ``raw``, ``id_before``, ``id_level``, ``implied`` (%), ``stated``
        (%), ``stated_raw``, ``id_stated``, ``source_level``, ``source_stated``,
        ``same_source``, ``difference`` (implied minus the nearest bound of the stated
        interval, pp; 0 inside it), ``consistent``. One row per stated growth and pair of levels.

    Examples
    --------
    Thái Bình 2022: 63.000 / 57.112 tỷ đồng = +10,31 %, while 9,52 % is stated.

    >>> from hy_analysis.loading import load_targets
    >>> found = levels_vs_growth(load_targets())
    >>> row = found[(found["year"] == 2022) & (found["stated_raw"] == "9,52%")].iloc[0]
    >>> float(round(row["implied"], 2)), float(row["stated"]), bool(row["consistent"])
    (10.31, 9.52, False)
    """
    columns = ["region", "territory", "level_indicator", "indicator", "indicator_vi",
               "indicator_en", "year", "level_before", "level", "raw_before", "raw",
               "id_before", "id_level", "implied", "stated", "stated_raw", "id_stated",
               "source_level", "source_stated", "same_source", "difference", "consistent"]
    actual = data[(data["kind"].astype(str) == "actual") & data["value"].notna()
                  & (data["period_start"].astype(int) == data["period_end"].astype(int))
                  & ~data["derived"].astype(bool)]
    if "breakdown" in actual.columns:
        actual = actual[actual["breakdown"].fillna("").astype(str) == ""]
    basis = actual["basis"].fillna("").astype(str) if "basis" in actual.columns else ""
    actual = actual.assign(basis_key=basis)
    records = []
    for level_name, rate_name in (pairs or LEVEL_RATE_PAIRS).items():
        levels = actual[(actual["indicator"].astype(str) == level_name)
                        & (actual["measure"].astype(str) == "level")]
        rates = actual[(actual["indicator"].astype(str) == rate_name)
                       & (actual["measure"].astype(str) == "annual_growth")]
        for r in rates.itertuples(index=False):
            year = int(r.period_end)
            mine = levels[(levels["territory"] == r.territory) & (levels["basis_key"] == r.basis_key)]
            now = mine[mine["period_end"].astype(int) == year]
            before = mine[mine["period_end"].astype(int) == year - 1]
            for b, n in itertools.product(before.itertuples(index=False),
                                          now.itertuples(index=False)):
                if b.unit != n.unit or not b.value > 0:
                    continue
                implied = (float(n.value) / float(b.value) - 1) * 100
                # "hơn 9%" allows 10,3 %; "khoảng 9,2-9,5%" allows about 9,0-9,7 %
                low, high = figure_interval(r.low, r.high, str(r.qualifier))
                difference = implied - low if implied < low else (
                    implied - high if implied > high else 0.0)
                records.append(dict(
                    region=r.region, territory=r.territory, level_indicator=level_name,
                    indicator=rate_name, indicator_vi=r.indicator_vi,
                    indicator_en=r.indicator_en, year=year, level_before=float(b.value),
                    level=float(n.value), raw_before=b.value_raw, raw=n.value_raw,
                    id_before=b.id, id_level=n.id, implied=implied, stated=float(r.value),
                    stated_raw=r.value_raw, id_stated=r.id, source_level=n.source_id,
                    source_stated=r.source_id, same_source=n.source_id == r.source_id,
                    difference=difference, consistent=abs(difference) <= threshold))
    return pd.DataFrame.from_records(records, columns=columns)
