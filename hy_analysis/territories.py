"""Provinces, territories and the 2025 merger: the region map, pure (no file is read here).

On 2025-07-01 (Nghị quyết 202/2025/QH15) Vietnam's 63 provinces became 34. A *territory* is
a province (or district) as it stood in one period: ``"Hưng Yên (before 2025-07-01)"``,
``"Hưng Yên (merged, from 2025-07-01)"``, or plain ``"Hà Nội"`` for a province the merger left
unchanged. Figures of two territories are never chained or compared silently.

:func:`region_rows` derives every territory from the province registry (``data/provinces.csv``:
each of the 63 earlier provinces and the province it became part of) and the dataset's region
list (``data/regions.csv``: the places with figures, districts among them), so no territory is
typed by hand. :class:`RegionMap` holds the result and is the one merger rule: which
territories are merged, their parts, the territory of a place at a date. The files are read
by :func:`hy_analysis.loading.load_region_map`, once per run, and the map is passed down as
``region_map=``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cached_property

import pandas as pd

from .exceptions import ParameterError
from .schema import REGION_COLUMNS

__all__ = ["MERGER_DATE", "LEGAL_BASIS", "RegionMap", "region_rows", "territory_name"]

#: The day the 34 provinces replaced the 63 (Nghị quyết 202/2025/QH15, Điều 2).
MERGER_DATE = dt.date(2025, 7, 1)
#: The resolution that merged the provinces.
LEGAL_BASIS = "Nghị quyết 202/2025/QH15"

#: The columns the merger rule reads (the rest of REGION_COLUMNS describes).
_RULE_COLUMNS = REGION_COLUMNS[:5]
_BEFORE = f"before {MERGER_DATE.isoformat()}"
_FROM = f"from {MERGER_DATE.isoformat()}"


def territory_name(province: str, *, merged: bool = False, district: str = "") -> str:
    """The label of a territory: a province (or a district of it) in its period.

    Parameters
    ----------
    province : str
        The province's name: before the merger, or (``merged``) the merged province's.
    merged : bool
        The province formed by the merger, from the merger on; otherwise the province the
        merger changed, until the merger.
    district : str
        A district of ``province`` (the district level ended with the merger).

    Examples
    --------
    >>> territory_name("Bắc Ninh"), territory_name("Hưng Yên", merged=True)
    ('Bắc Ninh (before 2025-07-01)', 'Hưng Yên (merged, from 2025-07-01)')
    >>> territory_name("Thái Bình", district="Đông Hưng")
    'Đông Hưng district, Thái Bình (before 2025-07-01)'
    """
    if merged:
        return f"{province} (merged, {_FROM})"
    return f"{district} district, {province} ({_BEFORE})" if district else \
        f"{province} ({_BEFORE})"


def _row(region, territory, level, before, after, note, *, code="", has_data=False):
    return dict(region=region, territory=territory, level=level, province_before_2025=before,
                province_after_2025=after, legal_basis=LEGAL_BASIS,
                effective_date=MERGER_DATE.isoformat(), note=note, code=code,
                has_data=has_data)


def region_rows(provinces: Iterable[Mapping[str, str]],
                regions: Iterable[Mapping[str, str]] = ()) -> list[dict]:
    """Every territory, derived from the province registry and the dataset's regions.

    Parameters
    ----------
    provinces : iterable of mapping
        Rows of ``data/provinces.csv``: ``province_before_2025``, ``code_before_2025``,
        ``province_after_2025``, ``code_after_2025``.
    regions : iterable of mapping
        Rows of ``data/regions.csv``: ``region``, ``level`` (``province`` or ``district``),
        ``part_of`` (a district's province before the merger), ``note``. Their regions are
        the ones with data (``has_data``).

    Returns
    -------
    list of dict
        One row per territory with :data:`hy_analysis.schema.REGION_COLUMNS`, ``code`` and
        ``has_data``; the regions with data first (in the order of ``regions``), then every
        other province by code.

    Raises
    ------
    ParameterError
        A region that is neither a province of the registry nor a district of one.

    Examples
    --------
    >>> rows = region_rows([
    ...     {"province_before_2025": "A", "code_before_2025": "01",
    ...      "province_after_2025": "A", "code_after_2025": "01"},
    ...     {"province_before_2025": "B", "code_before_2025": "02",
    ...      "province_after_2025": "A", "code_after_2025": "01"}])
    >>> [r["territory"] for r in rows]
    ['A (before 2025-07-01)', 'B (before 2025-07-01)', 'A (merged, from 2025-07-01)']
    """
    provinces = list(provinces)
    parts: dict[str, list[str]] = {}
    code_after: dict[str, str] = {}
    after_of: dict[str, str] = {}
    for p in provinces:
        old, new = p["province_before_2025"].strip(), p["province_after_2025"].strip()
        parts.setdefault(new, []).append(old)
        code_after[new] = p.get("code_after_2025", "")
        after_of[old] = new
    codes_before = {p["province_before_2025"].strip(): p.get("code_before_2025", "")
                    for p in provinces}
    rows: list[dict] = []
    for new, olds in parts.items():
        if olds == [new]:
            rows.append(_row(new, new, "province", new, new, "unchanged by the merger",
                             code=code_after[new]))
            continue
        joined = "; ".join(olds)
        rows.append(_row(new, territory_name(new, merged=True), "province", joined, new,
                         f"formed by the merger of {', '.join(olds)}", code=code_after[new]))
        for old in olds:
            others = [o for o in olds if o != old]
            rows.append(_row(old, territory_name(old), "province", old, new,
                             f"merged with {', '.join(others)} into {new}",
                             code=codes_before[old]))
    regions = list(regions)
    order = {r["region"].strip(): i for i, r in enumerate(regions)}
    for r in regions:
        name, level = r["region"].strip(), (r.get("level") or "province").strip()
        if level == "province":
            if name not in after_of and name not in parts:
                raise ParameterError(
                    f"regions.csv: region {name!r} is not a province of provinces.csv; "
                    "expected one of the 63 provinces before 2025-07-01 or the 34 after, or "
                    "level 'district' with the province in part_of")
            continue
        province = (r.get("part_of") or "").strip()
        if province not in after_of:
            raise ParameterError(
                f"regions.csv: district {name!r} has part_of {province!r}; expected a province "
                "of provinces.csv before 2025-07-01")
        rows.append(_row(name, territory_name(province, district=name), level, province,
                         after_of[province], r.get("note", "")))
    notes = {r["region"].strip(): r.get("note", "") for r in regions
             if (r.get("level") or "province").strip() == "province"}
    for row in rows:
        row["has_data"] = row["region"] in order
        if row["level"] == "province" and notes.get(row["region"]):
            row["note"] = f"{row['note']}; {notes[row['region']]}"
    period = {"before": 0, "after": 1}
    rows.sort(key=lambda r: (order.get(r["region"], len(order)),
                             period["after" if _FROM in r["territory"] else "before"],
                             r["code"]))
    return rows


class RegionMap:
    """The territories of the region registry and the one merger rule over them.

    Parameters
    ----------
    frame : DataFrame
        One row per territory with at least ``region``, ``territory``, ``level``,
        ``province_before_2025`` and ``province_after_2025`` (optionally ``has_data``): the
        frame of :func:`hy_analysis.loading.load_regions`, or
        a small frame of one's own (tests).

    Examples
    --------
    >>> frame = pd.DataFrame(region_rows([
    ...     {"province_before_2025": "A", "province_after_2025": "A"},
    ...     {"province_before_2025": "B", "province_after_2025": "A"}], [{"region": "A"}]))
    >>> region_map = RegionMap(frame)
    >>> region_map.merged_parts
    {'A (merged, from 2025-07-01)': ('A (before 2025-07-01)', 'B (before 2025-07-01)')}
    >>> region_map.territory_at("A", "2026-01-05")
    'A (merged, from 2025-07-01)'
    """

    def __init__(self, frame: pd.DataFrame):
        missing = [c for c in _RULE_COLUMNS if c not in frame.columns]
        if missing:
            raise KeyError(f"region_map: missing column(s) {', '.join(missing)}")
        frame = frame.reset_index(drop=True)
        if "has_data" not in frame.columns:
            frame = frame.assign(has_data=True)
        self.frame = frame
        self._rows = frame.astype({c: str for c in _RULE_COLUMNS}).to_dict("records")

    def __repr__(self) -> str:
        return (f"RegionMap({len(self._rows)} territories; with data: "
                f"{', '.join(self.regions())})")

    @cached_property
    def territories(self) -> dict[str, str]:
        """Territory label -> its region, in the frame's order."""
        return {r["territory"]: r["region"] for r in self._rows}

    def regions(self, *, with_data: bool = True) -> tuple[str, ...]:
        """Region names with data (``with_data=False``: every region of the map)."""
        return tuple(dict.fromkeys(r["region"] for r in self._rows
                                   if r["has_data"] or not with_data))

    def provinces_without_data(self) -> tuple[str, ...]:
        """Provinces of the registry (before or after the merger) that have no figures."""
        covered = set(self.regions())
        return tuple(dict.fromkeys(r["region"] for r in self._rows
                                   if r["level"] == "province" and r["region"] not in covered))

    @cached_property
    def merged_parts(self) -> dict[str, tuple[str, ...]]:
        """Each merged territory and the province-level territories it was formed from.

        A territory whose ``province_before_2025`` names several provinces is merged; its
        parts are the other province-level territories whose single province is one of
        those and whose ``province_after_2025`` is the merged one's; all of them must be
        present for the territory to count as merged here.
        """
        single = {}
        for r in self._rows:
            before = _province_set(r["province_before_2025"])
            if r["level"] == "province" and len(before) == 1:
                single.setdefault(r["province_after_2025"], []).append(
                    (r["territory"], before))
        out: dict[str, tuple[str, ...]] = {}
        for r in self._rows:
            before = _province_set(r["province_before_2025"])
            if len(before) < 2:
                continue
            parts = [(t, p) for t, p in single.get(r["province_after_2025"], ())
                     if t != r["territory"] and p <= before]
            if parts and frozenset().union(*(p for _, p in parts)) == before:
                out[r["territory"]] = tuple(t for t, _ in parts)
        return out

    @cached_property
    def merged_territories(self) -> frozenset[str]:
        """Territories formed by the merger (whose figures stand apart)."""
        return frozenset(self.merged_parts)

    def is_merged(self, territory: object) -> bool:
        """True for a territory formed by the merger."""
        return str(territory) in self.merged_territories

    def merger_family(self) -> tuple[str, ...]:
        """Every merged territory of a region with data, followed by its parts."""
        covered = set(self.regions())
        return tuple(t for merged, parts in self.merged_parts.items()
                     if self.territories[merged] in covered for t in (merged, *parts))

    def territories_of(self, region: str | None) -> tuple[str, ...]:
        """The territories a region name or territory label selects (None: every one).

        Raises
        ------
        ParameterError
            An unknown ``region``, naming the valid choices.
        """
        if region is None:
            return tuple(self.territories)
        if region in self.territories:
            return (region,)
        chosen = tuple(t for t, r in self.territories.items() if r == region)
        if not chosen:
            raise ParameterError(f"parameter 'region': unknown value {region!r}; valid "
                                 "choices: " + ", ".join(self.regions()))
        return chosen

    def territory_at(self, region: str | None, date: dt.date | str | None) -> str:
        """The territory a document dated ``date`` means by ``region`` ('' when unknown).

        From the merger date a merged province's name means the merged territory; before it
        (or with no date) the earlier province. A district is always its only territory.
        """
        chosen = [r for r in self._rows if r["region"] == (region or "")]
        if not chosen:
            return ""
        if isinstance(date, str):  # YYYY-MM-DD, YYYY-MM or YYYY: the first day it can mean
            date = dt.date(*(int(x) for x in date[:10].split("-")), *(1,) * (2 - date.count("-")))
        after = date is not None and date >= MERGER_DATE
        merged = [r for r in chosen if r["territory"] in self.merged_territories]
        single = [r for r in chosen if r["territory"] not in self.merged_territories]
        if after and merged:
            return merged[0]["territory"]
        return (single or chosen)[0]["territory"]


def _province_set(text) -> frozenset[str]:
    return frozenset(p.strip() for p in str(text or "").split(";") if p.strip())
