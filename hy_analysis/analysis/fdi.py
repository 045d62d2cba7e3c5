"""Foreign direct investment (FDI) stock by investor country: pure analysis on tidy frames.

The FDI figures are *stock snapshots*: cumulative valid projects (``fdi_projects``) and
registered capital (``fdi_capital``) at a date (``as_of``), in total and for some investor
countries (``breakdown``), plus the stated capital share of a country (``fdi_capital_share``).
A snapshot is one ``as_of`` date of one source for one territory; figures of two sources are
never combined, and the merged province (from 2025-07-01) is never joined silently to the old
one.

Every function takes the tidy frame of :func:`hy_analysis.load_targets` (or a frame derived
from it here) first, options keyword-only, and returns a new frame. The findings text is
written by :mod:`hy_analysis.findings.fdi`.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple, Sequence

import numpy as np
import pandas as pd

from ..exceptions import ParameterError
from ..territories import RegionMap
from ..vocabulary import COUNTRIES, OTHER
from ..docstrings import fill_doc

__all__ = [
    "FDI_INDICATORS", "fdi_rows", "fdi_snapshots", "CountryBasis", "country_basis",
    "projects_by_country",
    "other_countries_remainder", "capital_by_country", "capital_coverage",
    "snapshot_disagreements",
]

FDI_INDICATORS = ("fdi_projects", "fdi_capital", "fdi_capital_share")

_SNAPSHOT_COLUMNS = ["snapshot", "as_of", "source_id", "territory", "merged", "year",
                     "total_projects", "total_capital", "capital_qualifier", "order"]


def _as_of_bounds(as_of: str) -> tuple[date, date]:
    """First and last day an ``as_of`` of precision year, month or day can mean."""
    parts = [int(p) for p in as_of.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        start = date(parts[0], parts[1], 1)
        end = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return start, date.fromordinal(end.toordinal() - 1)
    day = date(*parts)
    return day, day


@fill_doc
def fdi_rows(data: pd.DataFrame, *, region_map: RegionMap,
             region: str | None = None) -> pd.DataFrame:
    """The FDI stock rows (projects, capital, capital share) of ``region``.

    Parameters
    ----------
    data : DataFrame
        Tidy targets (:func:`hy_analysis.load_targets`).
    {region_map}
    region : str, optional
        Keep one region (``region`` column); every region by default.

    Returns
    -------
    DataFrame
        The matching rows with a snapshot key ``snapshot`` (``as_of|source_id|territory``)
        and ``merged`` (True for the territory formed on 2025-07-01).
    """
    rows = data[data["indicator"].astype(str).isin(FDI_INDICATORS)
                & data["as_of"].astype(str).ne("")]
    if region is not None:
        rows = rows[rows["region"].astype(str) == region]
    rows = rows.copy()
    rows["as_of"] = rows["as_of"].astype(str)
    rows["territory"] = rows["territory"].astype(str)
    rows["source_id"] = rows["source_id"].astype(str)
    rows["indicator"] = rows["indicator"].astype(str)
    rows["breakdown"] = rows["breakdown"].fillna("").astype(str)
    rows["snapshot"] = rows["as_of"] + "|" + rows["source_id"] + "|" + rows["territory"]
    rows["merged"] = rows["territory"].map(region_map.is_merged).astype(bool)
    return rows.reset_index(drop=True)


@fill_doc
def fdi_snapshots(data: pd.DataFrame, *, region_map: RegionMap,
                  region: str | None = None) -> pd.DataFrame:
    """One row per FDI snapshot (date, source, territory), in time order.

    Snapshots are ordered by the year of ``as_of``, then by total projects (stock only grows,
    so within a year the count places an imprecisely dated snapshot such as "early 2024"),
    then by the date itself.

    Parameters
    ----------
    {fdi_region}

    Returns
    -------
    DataFrame
        Columns ``snapshot``, ``as_of``, ``source_id``, ``territory``, ``merged``, ``year``,
        ``total_projects``, ``total_capital`` (USD, the stated bound for "over"),
        ``capital_qualifier`` and ``order`` (0, 1, ...). Empty when there is no FDI figure.

    Examples
    --------
    >>> fdi_snapshots(load_targets(), region_map=load_region_map(),
    ...               region="Hưng Yên")["total_projects"].tolist()
    ... # doctest: +SKIP
    [543.0, 550.0, 578.0, 622.0, 904.0]
    """
    return _snapshots_of(fdi_rows(data, region_map=region_map, region=region))


def _snapshots_of(rows: pd.DataFrame) -> pd.DataFrame:
    """:func:`fdi_snapshots` of rows from :func:`fdi_rows`."""
    if rows.empty:
        return pd.DataFrame(columns=_SNAPSHOT_COLUMNS)
    totals = rows[rows["breakdown"] == ""]
    keys = rows.drop_duplicates("snapshot")[["snapshot", "as_of", "source_id", "territory",
                                            "merged"]]
    projects = totals[totals["indicator"] == "fdi_projects"].set_index("snapshot")["value"]
    capital = totals[totals["indicator"] == "fdi_capital"].set_index("snapshot")
    out = keys.assign(
        year=keys["as_of"].str[:4].astype(int),
        total_projects=keys["snapshot"].map(projects).astype(float),
        total_capital=keys["snapshot"].map(capital["value"]).astype(float),
        capital_qualifier=[str(capital["qualifier"].get(k, "")) for k in keys["snapshot"]],
    )
    out = out.sort_values(["year", "total_projects", "as_of"], na_position="last")
    out["order"] = np.arange(len(out))
    return out[_SNAPSHOT_COLUMNS].reset_index(drop=True)


@fill_doc
def other_countries_remainder(
    data: pd.DataFrame,
    *,
    region_map: RegionMap,
    indicator: str = "fdi_projects",
    region: str | None = None,
    named: Sequence[str] = COUNTRIES,
) -> pd.DataFrame:
    """The "other countries" remainder (total minus the named countries), per snapshot.

    The remainder is computed only where one source gives, for the same date and territory,
    the total and every country in ``named``, all as exact figures ("over"/"about" bounds
    cannot be subtracted). Otherwise ``value`` is NaN and ``reason`` says why; figures of two
    sources are never mixed, because a snapshot is one source's figures.

    Parameters
    ----------
    data : DataFrame
        Tidy targets.
    {region_map}
    indicator : {"fdi_projects", "fdi_capital"}
    region : str, optional
    named : sequence of str
        The countries subtracted from the total.

    Returns
    -------
    DataFrame
        One row per snapshot, in the order of :func:`fdi_snapshots`: ``snapshot``,
        ``as_of``, ``source_id``, ``territory``, ``merged``, ``country`` (``"Other"``),
        ``value``, ``derived`` (True), ``reason`` (empty when computed).
    """
    _check_indicator(indicator)
    return _remainder_of(fdi_rows(data, region_map=region_map, region=region),
                         indicator=indicator, named=named)


def _check_indicator(indicator: str) -> None:
    if indicator not in ("fdi_projects", "fdi_capital"):
        raise ParameterError(f"parameter 'indicator': unknown value {indicator!r}; "
                             "valid choices: fdi_projects, fdi_capital")


def _remainder_of(rows: pd.DataFrame, *, indicator: str, named: Sequence[str]) -> pd.DataFrame:
    """:func:`other_countries_remainder` of rows from :func:`fdi_rows`, in snapshot order."""
    # the snapshots' own order (time, then size), as in the charts and the text
    order = _snapshots_of(rows).set_index("snapshot")["order"]
    rows = rows[rows["indicator"] == indicator]
    rows = rows.assign(_order=rows["snapshot"].map(order)).sort_values("_order", kind="stable")
    records = []
    for snap, group in rows.groupby("snapshot", sort=False):
        first = group.iloc[0]
        by = group.set_index("breakdown")
        total = by.loc[""] if "" in by.index else None
        missing = [c for c in named if c not in by.index]
        value, reason = np.nan, ""
        if group["source_id"].nunique() > 1:
            reason = "figures from more than one source"
        elif total is None:
            reason = "no total"
        elif missing:
            reason = "no figure for " + ", ".join(missing)
        else:
            parts = [total] + [by.loc[c] for c in named]
            inexact = [p.name or "total" for p in parts if str(p["qualifier"]) != "exact"]
            if inexact:
                reason = "not exact: " + ", ".join(inexact)
            else:
                value = float(total["value"]) - sum(float(by.loc[c]["value"]) for c in named)
        records.append(dict(snapshot=snap, as_of=first["as_of"], source_id=first["source_id"],
                            territory=first["territory"], merged=bool(first["merged"]),
                            country=OTHER, value=value, derived=True, reason=reason))
    return pd.DataFrame.from_records(
        records, columns=["snapshot", "as_of", "source_id", "territory", "merged", "country",
                          "value", "derived", "reason"])


def _in_country_order(frame: pd.DataFrame, countries: Sequence[str]) -> pd.DataFrame:
    """Rows in snapshot order, then in the order of ``countries`` with "other" last."""
    rank = {c: i for i, c in enumerate([*countries, OTHER])}
    return frame.assign(_rank=frame["country"].map(rank)).sort_values(["order", "_rank"])


class CountryBasis(NamedTuple):
    """What every selection of countries of one region and indicator starts from
    (:func:`country_basis`)."""

    #: :func:`fdi_snapshots` of the region.
    snapshots: pd.DataFrame
    #: :func:`fdi_rows` of the region.
    rows: pd.DataFrame
    #: The computable "other countries" remainders of the indicator
    #: (:func:`other_countries_remainder`, rows with a value); None when not asked for.
    other: pd.DataFrame | None


@fill_doc
def country_basis(data: pd.DataFrame, *, region_map: RegionMap, region: str | None = None,
                  indicator: str = "fdi_projects", include_other: bool = True) -> CountryBasis:
    """The snapshots, FDI rows and "other countries" remainders of ``region``: what
    :func:`projects_by_country` and :func:`capital_by_country` start from whatever the
    ``countries``; computed once and passed to :func:`projects_by_country` (``basis``) when
    several selections of one region are asked for (the states of a shared panel).

    Parameters
    ----------
    {fdi_region}
    indicator : {"fdi_projects", "fdi_capital"}
    include_other : bool
        Compute the remainders (else ``other`` is None).

    Returns
    -------
    CountryBasis
    """
    _check_indicator(indicator)
    rows = fdi_rows(data, region_map=region_map, region=region)
    other = None
    if include_other:
        other = _remainder_of(rows, indicator=indicator, named=COUNTRIES)
        other = other[other["value"].notna()]
    return CountryBasis(_snapshots_of(rows), rows, other)


def _by_country(basis: CountryBasis, *, countries: Sequence[str], indicator: str,
                include_other: bool) -> tuple[pd.DataFrame, ...]:
    """The snapshots, the FDI rows of the region, those of ``indicator`` for ``countries``
    and (``include_other``) the computable "other countries" remainders of ``indicator``."""
    if include_other and basis.other is None:
        raise ValueError("basis: computed without the 'other countries' remainders "
                         "(include_other=False); expected include_other=True")
    rows = basis.rows
    named = rows[(rows["indicator"] == indicator) & rows["breakdown"].isin(countries)]
    other = basis.other if include_other else named.iloc[:0]
    return basis.snapshots, rows, named, other


def _basis(data: pd.DataFrame, basis: CountryBasis | None, **selection) -> CountryBasis:
    """``basis``, or :func:`country_basis` of ``data`` for ``selection``."""
    return basis if basis is not None else country_basis(data, **selection)


def _on_snapshots(parts: list[pd.DataFrame], snaps: pd.DataFrame,
                  columns: list[str]) -> pd.DataFrame:
    """The ``columns`` of the parts with rows, one below the other, joined to their snapshot."""
    long = pd.concat([p[columns] for p in parts if not p.empty] or
                     [pd.DataFrame(columns=columns)], ignore_index=True)
    return long.merge(snaps, on="snapshot", how="inner")


@fill_doc
def projects_by_country(data: pd.DataFrame, *, region_map: RegionMap, region: str | None = None,
                        countries: Sequence[str] = COUNTRIES,
                        include_other: bool = True,
                        basis: CountryBasis | None = None) -> pd.DataFrame:
    """Projects by investor country at each snapshot, with their share of all FDI projects.

    Parameters
    ----------
    {fdi_selection}
    include_other : bool
        Add "other countries" (total minus Japan, Korea and China), marked ``derived``,
        where :func:`other_countries_remainder` can compute it.
    basis : CountryBasis, optional
        :func:`country_basis` of the same ``data``, ``region_map`` and ``region`` for
        ``"fdi_projects"``, computed before (default: computed here).

    Returns
    -------
    DataFrame
        One row per snapshot and country: ``snapshot``, ``order``, ``as_of``, ``source_id``,
        ``territory``, ``merged``, ``country``, ``projects``, ``total_projects``,
        ``share`` (% of the snapshot's total projects), ``derived``.

    Examples
    --------
    >>> projects_by_country(load_targets(), region_map=load_region_map(),
    ...                     countries=["Japan"])  # doctest: +SKIP
    """
    basis = _basis(data, basis, region_map=region_map, region=region,
                   indicator="fdi_projects", include_other=include_other)
    snaps, _, named, other = _by_country(basis, countries=countries, indicator="fdi_projects",
                                         include_other=include_other)
    parts = [named.assign(country=named["breakdown"], projects=named["value"], derived=False),
             other.assign(projects=other["value"])]
    out = _on_snapshots(parts, snaps, ["snapshot", "country", "projects", "derived"])
    out["projects"] = out["projects"].astype(float)
    out["share"] = 100 * out["projects"] / out["total_projects"]
    out["derived"] = out["derived"].astype(bool)
    out = _in_country_order(out, countries)
    return out[["snapshot", "order", "as_of", "source_id", "territory", "merged", "country",
                "projects", "total_projects", "share", "derived"]].reset_index(drop=True)


@fill_doc
def capital_by_country(data: pd.DataFrame, *, region_map: RegionMap, region: str | None = None,
                       countries: Sequence[str] = COUNTRIES,
                       include_other: bool = True) -> pd.DataFrame:
    """Registered capital by investor country, where a snapshot gives it.

    A figure stated as a bound ("over ...") keeps its qualifier and gets no computed share.

    Parameters
    ----------
    {fdi_selection}
    include_other : bool
        Add the derived "other countries" capital where every figure is exact.

    Returns
    -------
    DataFrame
        ``snapshot``, ``order``, ``as_of``, ``source_id``, ``territory``, ``merged``,
        ``country``, ``capital`` (USD), ``qualifier`` (``above`` for "over ..."),
        ``stated_share`` (% of total capital as stated, NaN when not stated),
        ``computed_share`` (capital / total capital when both are exact), ``derived``.
    """
    basis = country_basis(data, region_map=region_map, region=region,
                          indicator="fdi_capital", include_other=include_other)
    snaps, rows, cap, other = _by_country(basis, countries=countries, indicator="fdi_capital",
                                          include_other=include_other)
    share = rows[(rows["indicator"] == "fdi_capital_share") & rows["breakdown"].isin(countries)]
    share = share.set_index(["snapshot", "breakdown"])["value"]
    out = cap.assign(country=cap["breakdown"], capital=cap["value"],
                     qualifier=cap["qualifier"].astype(str), derived=False)
    out["stated_share"] = [share.get((s, c), np.nan) for s, c in zip(out["snapshot"],
                                                                     out["country"])]
    parts = [out, other.assign(capital=other["value"], qualifier="exact", stated_share=np.nan)]
    result = _on_snapshots(parts, snaps, ["snapshot", "country", "capital", "qualifier",
                                          "stated_share", "derived"])
    exact = (result["qualifier"] == "exact") & (result["capital_qualifier"] == "exact")
    result["capital"] = result["capital"].astype(float)
    result["computed_share"] = np.where(exact, 100 * result["capital"]
                                        / result["total_capital"], np.nan)
    result["derived"] = result["derived"].astype(bool)
    result = _in_country_order(result, countries)
    return result[["snapshot", "order", "as_of", "source_id", "territory", "merged", "country",
                   "capital", "qualifier", "stated_share", "computed_share",
                   "derived"]].reset_index(drop=True)


def capital_coverage(
    data: pd.DataFrame,
    *,
    region_map: RegionMap,
    region: str | None = None,
    countries: Sequence[str] = COUNTRIES,
) -> pd.DataFrame:
    """Which snapshots give registered capital for which of ``countries``.

    Returns
    -------
    DataFrame
        One row per snapshot (time order): ``snapshot``, ``as_of``, ``source_id``,
        ``territory``, ``merged``, ``with_capital`` (list of countries), ``without_capital``
        (list), ``coverage`` (``"all"``, ``"some"`` or ``"none"``).
    """
    rows = fdi_rows(data, region_map=region_map, region=region)
    snaps = _snapshots_of(rows)
    cap = rows[(rows["indicator"] == "fdi_capital") & rows["breakdown"].isin(countries)]
    given = cap.groupby("snapshot")["breakdown"].agg(set)
    out = snaps[["snapshot", "as_of", "source_id", "territory", "merged"]].copy()
    out["with_capital"] = [[c for c in countries if c in given.get(s, set())]
                           for s in out["snapshot"]]
    out["without_capital"] = [[c for c in countries if c not in given.get(s, set())]
                              for s in out["snapshot"]]
    out["coverage"] = ["all" if not w else ("none" if not h else "some")
                       for h, w in zip(out["with_capital"], out["without_capital"])]
    return out.reset_index(drop=True)


def snapshot_disagreements(data: pd.DataFrame, *, region_map: RegionMap,
                           region: str | None = None) -> pd.DataFrame:
    """Pairs of total-project figures from different sources that cannot be told apart in time.

    Two snapshots of the same territory from different sources disagree when their dates
    overlap (e.g. a year-only "2024" and "2024-01") and their totals differ: the data cannot
    say which figure is the later one, so both are shown.

    Returns
    -------
    DataFrame
        ``snapshot_a``, ``as_of_a``, ``source_a``, ``projects_a``, ``japan_a`` and the same
        for ``b``, ``difference`` (a − b), sorted by the absolute difference.
    """
    rows = fdi_rows(data, region_map=region_map, region=region)
    snaps = _snapshots_of(rows)
    japan = rows[(rows["indicator"] == "fdi_projects") & (rows["breakdown"] == "Japan")]
    japan = japan.set_index("snapshot")["value"]
    records = []
    items = list(snaps.itertuples(index=False))
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.territory != b.territory or a.source_id == b.source_id:
                continue
            (a0, a1), (b0, b1) = _as_of_bounds(a.as_of), _as_of_bounds(b.as_of)
            overlap = a0 <= b1 and b0 <= a1
            if not overlap or a.total_projects == b.total_projects \
                    or np.isnan(a.total_projects) or np.isnan(b.total_projects):
                continue
            # "x" is the less precise date (the one that cannot be placed).
            x, y = (b, a) if (a1 - a0) < (b1 - b0) else (a, b)
            records.append(dict(
                snapshot_a=x.snapshot, as_of_a=x.as_of, source_a=x.source_id,
                projects_a=x.total_projects, japan_a=japan.get(x.snapshot, np.nan),
                snapshot_b=y.snapshot, as_of_b=y.as_of, source_b=y.source_id,
                projects_b=y.total_projects, japan_b=japan.get(y.snapshot, np.nan),
                difference=x.total_projects - y.total_projects))
    out = pd.DataFrame.from_records(records, columns=[
        "snapshot_a", "as_of_a", "source_a", "projects_a", "japan_a", "snapshot_b", "as_of_b",
        "source_b", "projects_b", "japan_b", "difference"])
    return out.iloc[out["difference"].abs().argsort()].reset_index(drop=True)
