"""Urbanisation targets: the rate path, percentage points per year, the urban-class ladder.

Pure analysis on the tidy frames of :func:`hy_analysis.load_targets` and
:func:`hy_analysis.load_urban_classes`. The data hold *targets* only: no measured provincial
urbanisation rate was found (public-figures.md), so a baseline, when wanted, is supplied by
the user (``baseline_year``, ``baseline_rate``). The findings text is written by
:mod:`hy_analysis.findings.urbanisation`.

Territories are never mixed: the envelope and the paces are computed per territory, and
:func:`split_merger` separates the path of the province before the 2025 merger from the
targets the merged province set (a target revised with the merger, not a step of the path).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from ..exceptions import ParameterError
from ..schema import URBAN_CLASSES
from ..territories import RegionMap
from ..vocabulary import WHOLE_SCOPES
from ..docstrings import fill_doc

__all__ = [
    "rate_targets", "split_merger", "measured_rates", "rate_envelope", "pp_per_year",
    "pp_from_baseline",
    "urban_class_ladder", "class_changes", "class_counts",
]

_RATE = "urbanisation_rate"


def _statement_kind(row) -> str:
    """``table``, ``text``, ``web`` or ``other`` from where in the source the figure stands."""
    locator = str(row["source_locator"]).lower()
    if locator.startswith("public-figures.md"):
        return "web"
    if "table" in locator:
        return "table"
    if "paragraph" in locator or "text" in locator:
        return "text"
    return "other"


def rate_targets(data: pd.DataFrame, *, region: str | None = None,
                 years: Sequence[int] | None = None) -> pd.DataFrame:
    """Every urbanisation-rate target of ``region``, one row per statement.

    Parameters
    ----------
    data : DataFrame
        Tidy targets (:func:`hy_analysis.load_targets`).
    region : str, optional
        Keep one region.
    years : sequence of int, optional
        Keep targets for these end years (``period_end``).

    Returns
    -------
    DataFrame
        ``year``, ``low``, ``high`` (NaN for an open "above" figure), ``qualifier``,
        ``value_raw``, ``statement`` (``table``/``text``/``other``), ``source_id``,
        ``source_locator``, ``territory``, sorted by year and low.
    """
    rows = data[(data["indicator"].astype(str) == _RATE) & (data["kind"].astype(str) == "target")]
    if region is not None:
        rows = rows[rows["region"].astype(str) == region]
    rows = rows.assign(year=rows["period_end"].astype("int64") if len(rows) else
                       pd.Series(dtype="int64"))
    if years is not None:
        rows = rows[rows["year"].isin(list(years))]
    out = pd.DataFrame({
        "year": rows["year"].astype("int64"),
        "low": rows["low"].astype(float),
        "high": np.where(rows["qualifier"].astype(str) == "above", np.nan, rows["high"]),
        "qualifier": rows["qualifier"].astype(str),
        "value_raw": rows["value_raw"].astype(str),
        "statement": [_statement_kind(r) for _, r in rows.iterrows()],
        "source_id": rows["source_id"].astype(str),
        "source_locator": rows["source_locator"].astype(str),
        "territory": rows["territory"].astype(str),
    })
    out["high"] = out["high"].astype(float)
    return out.sort_values(["year", "low", "high"]).reset_index(drop=True)


@fill_doc
def split_merger(targets: pd.DataFrame, *,
                 region_map: RegionMap) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Separate the path of the earlier territory from the merged territory's targets.

    Parameters
    ----------
    targets : DataFrame
        From :func:`rate_targets` (with its ``territory`` column).
    {region_map}

    Returns
    -------
    (DataFrame, DataFrame)
        ``path``: the rows of the territories not formed by the merger (all rows when only a
        merged territory has targets); ``revised``: the merged territories' rows set beside
        that path (empty otherwise).
    """
    merged = targets["territory"].astype(str).isin(region_map.merged_territories)
    if merged.all():
        return targets, targets.iloc[0:0]
    return targets[~merged].reset_index(drop=True), targets[merged].reset_index(drop=True)


def measured_rates(data: pd.DataFrame, *, region: str | None = None) -> pd.DataFrame:
    """Measured (``kind == "actual"``) urbanisation rates of ``region``; usually empty."""
    rows = data[(data["indicator"].astype(str) == _RATE) & (data["kind"].astype(str) == "actual")]
    if region is not None:
        rows = rows[rows["region"].astype(str) == region]
    return rows.reset_index(drop=True)


def rate_envelope(targets: pd.DataFrame) -> pd.DataFrame:
    """The range every statement for a year allows: lowest floor and highest stated ceiling.

    Parameters
    ----------
    targets : DataFrame
        From :func:`rate_targets`.

    Returns
    -------
    DataFrame
        One row per territory (when ``targets`` has the column) and year: ``territory``,
        ``year``, ``low`` (smallest low), ``high`` (largest finite high; NaN when every
        statement is open, "above"), ``statements`` (count).
    """
    keys = ["territory", "year"] if "territory" in targets.columns else ["year"]
    if targets.empty:
        return pd.DataFrame({**{k: pd.Series(dtype="int64" if k == "year" else object)
                                for k in keys},
                             "low": pd.Series(dtype=float), "high": pd.Series(dtype=float),
                             "statements": pd.Series(dtype="int64")})
    # One territory's statements never widen another's range (the 2025 merger).
    grouped = targets.groupby(keys, sort=False)
    out = pd.DataFrame({"low": grouped["low"].min(), "high": grouped["high"].max(),
                        "statements": grouped.size()}).reset_index()
    return out.sort_values(keys).reset_index(drop=True)


def pp_per_year(envelope: pd.DataFrame, *, years: Sequence[int] | None = None) -> pd.DataFrame:
    """Percentage points per year needed between consecutive target years.

    ``pp_low`` goes from floor to floor, ``pp_high`` from ceiling to ceiling (NaN where a
    year has no ceiling).

    Parameters
    ----------
    envelope : DataFrame
        From :func:`rate_envelope`.
    years : sequence of int, optional
        Only these years (default: every year in ``envelope``).

    Returns
    -------
    DataFrame
        ``from_year``, ``to_year``, ``years``, ``from_low``, ``to_low``, ``from_high``,
        ``to_high``, ``pp_low``, ``pp_high`` (and ``territory`` when ``envelope`` has it:
        paces never join two territories).

    Examples
    --------
    >>> env = pd.DataFrame({"year": [2025, 2030], "low": [48.0, 58.0], "high": [50.0, 60.0]})
    >>> pp_per_year(env)[["pp_low", "pp_high"]].iloc[0].tolist()
    [2.0, 2.0]
    """
    env = envelope if years is None else envelope[envelope["year"].isin(list(years))]
    territory = env["territory"] if "territory" in env.columns else pd.Series("", env.index)
    records = []
    # Consecutive years of one territory only: no pace across the merger.
    for name, part in env.groupby(territory, sort=False):
        part = part.sort_values("year").reset_index(drop=True)
        for a, b in zip(part.iloc[:-1].itertuples(), part.iloc[1:].itertuples()):
            span = int(b.year) - int(a.year)
            records.append(dict(from_year=int(a.year), to_year=int(b.year), years=span,
                                from_low=a.low, to_low=b.low, from_high=a.high,
                                to_high=b.high, pp_low=(b.low - a.low) / span,
                                pp_high=(b.high - a.high) / span, territory=name))
    out = pd.DataFrame.from_records(records, columns=[
        "from_year", "to_year", "years", "from_low", "to_low", "from_high", "to_high",
        "pp_low", "pp_high", "territory"])
    return out if "territory" in env.columns else out.drop(columns="territory")


def pp_from_baseline(
    envelope: pd.DataFrame,
    *,
    baseline_year: int | None,
    baseline_rate: float | None,
) -> pd.DataFrame:
    """Percentage points per year from a user-supplied measured rate to each later target.

    Parameters
    ----------
    envelope : DataFrame
        From :func:`rate_envelope`.
    baseline_year : int or None
        Year of the measured rate; None (no baseline) gives an empty frame.
    baseline_rate : float or None
        The measured urbanisation rate, %; None gives an empty frame.

    Returns
    -------
    DataFrame
        One row per target year after ``baseline_year``: ``to_year``, ``years``, ``to_low``,
        ``to_high``, ``pp_low``, ``pp_high`` (pp/yr to reach the floor / the ceiling),
        ``met_low`` (the baseline already reaches the floor), ``met_high`` (it is already
        above the ceiling: a negative ``pp_high`` is a fall, not a pace to keep).

    Raises
    ------
    ParameterError
        ``baseline_rate`` outside 0-100.
    """
    if baseline_year is None or baseline_rate is None:
        envelope = envelope.iloc[0:0]
        baseline_year, baseline_rate = 0, 0.0
    if not 0 <= baseline_rate <= 100:
        raise ParameterError(f"parameter 'baseline_rate': {baseline_rate!r} is outside the "
                             "allowed range 0 to 100")
    later = envelope[envelope["year"] > baseline_year].sort_values("year")
    years = later["year"].astype(int) - int(baseline_year)
    return pd.DataFrame({
        "to_year": later["year"].astype(int).to_numpy(), "years": years.to_numpy(),
        "to_low": later["low"].to_numpy(), "to_high": later["high"].to_numpy(),
        "pp_low": ((later["low"] - baseline_rate) / years).to_numpy(),
        "pp_high": ((later["high"] - baseline_rate) / years).to_numpy(),
        "met_low": (later["low"] <= baseline_rate).to_numpy(),
        "met_high": (later["high"] < baseline_rate).to_numpy(),
    })


def urban_class_ladder(
    classes: pd.DataFrame,
    *,
    region: str | None = None,
    region_map: RegionMap | None = None,
    years: Sequence[int] | None = None,
) -> pd.DataFrame:
    """The urban-class targets by locality and year, with a numeric rank (I = 1 highest).

    Parameters
    ----------
    classes : DataFrame
        From :func:`hy_analysis.load_urban_classes`.
    region : str, optional
        Keep the localities of this region; needs ``region_map`` to map territories to
        regions.
    region_map : RegionMap, optional
        From :func:`hy_analysis.loading.load_region_map`.
    years : sequence of int, optional

    Returns
    -------
    DataFrame
        ``locality``, ``locality_type``, ``year``, ``urban_class``, ``rank`` (1 for I ... 5
        for V), ``scope``, ``whole`` (the statement covers the whole locality),
        ``value_raw``, ``source_id``; localities in the order of the source.
    """
    rows = classes
    if region is not None:
        if region_map is None:
            raise ParameterError("parameter 'region_map': needed to select localities by "
                                 "region")
        territories = set(region_map.territories_of(region))
        rows = rows[rows["territory"].astype(str).isin(territories)]
    if years is not None:
        rows = rows[rows["year"].isin(list(years))]
    order = {loc: i for i, loc in enumerate(dict.fromkeys(classes["locality"]))}
    out = pd.DataFrame({
        "locality": rows["locality"].astype(str),
        "locality_type": rows["locality_type"].astype(str),
        "year": rows["year"].astype("int64"),
        "urban_class": rows["urban_class"].astype(str),
        "rank": rows["urban_class"].astype(str).map(
            {c: i + 1 for i, c in enumerate(URBAN_CLASSES)}).astype("int64"),
        "scope": rows["scope"].astype(str),
        "whole": rows["scope"].astype(str).isin(WHOLE_SCOPES),
        "value_raw": rows["value_raw"].astype(str),
        "source_id": rows["source_id"].astype(str),
    })
    out = out.assign(_o=out["locality"].map(order)).sort_values(["_o", "year", "rank"])
    return out.drop(columns="_o").reset_index(drop=True)


def class_changes(ladder: pd.DataFrame) -> pd.DataFrame:
    """Each locality's class at its first and last year (whole-locality statements first).

    Returns
    -------
    DataFrame
        ``locality``, ``from_year``, ``from_class``, ``from_scope``, ``to_year``,
        ``to_class``, ``to_scope``, ``steps`` (classes climbed; NaN when the last year states
        no class for the locality).
    """
    if ladder.empty:
        return pd.DataFrame(columns=["locality", "from_year", "from_class", "from_scope",
                                     "to_year", "to_class", "to_scope", "steps"])
    first_year, last_year = int(ladder["year"].min()), int(ladder["year"].max())
    # A whole-locality statement describes the locality; a district-centre one is partial.
    main = ladder.sort_values(["whole", "rank"], ascending=[False, True])
    records = []
    for loc in dict.fromkeys(ladder["locality"]):
        rows = main[main["locality"] == loc]
        a = rows[rows["year"] == first_year]
        b = rows[rows["year"] == last_year]
        a = a.iloc[0] if len(a) else None
        b = b.iloc[0] if len(b) else None
        records.append(dict(
            locality=loc, from_year=first_year,
            from_class=a["urban_class"] if a is not None else None,
            from_scope=a["scope"] if a is not None else None,
            to_year=last_year, to_class=b["urban_class"] if b is not None else None,
            to_scope=b["scope"] if b is not None else None,
            steps=(a["rank"] - b["rank"]) if a is not None and b is not None else np.nan))
    return pd.DataFrame.from_records(records)


def class_counts(data: pd.DataFrame, *, region: str | None = None) -> pd.DataFrame:
    """Targets for the number of class IV and class V towns.

    Returns
    -------
    DataFrame
        ``year``, ``urban_class`` (``IV``/``V``), ``count``, ``value_raw``, ``source_id``.
    """
    codes = {"urban_class_iv_count": "IV", "urban_class_v_count": "V"}
    rows = data[data["indicator"].astype(str).isin(codes)]
    if region is not None:
        rows = rows[rows["region"].astype(str) == region]
    out = pd.DataFrame({
        "year": rows["period_end"].astype("int64"),
        "urban_class": rows["indicator"].astype(str).map(codes),
        "count": rows["value"].astype(float),
        "value_raw": rows["value_raw"].astype(str),
        "source_id": rows["source_id"].astype(str),
    })
    return out.sort_values(["year", "urban_class"]).reset_index(drop=True)
