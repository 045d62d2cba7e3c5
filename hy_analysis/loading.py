"""Read the data files into validated, tidy, typed DataFrames.

``load_targets()`` is the entry point for notebooks: our ``data/targets.csv`` plus any files
of the user's own (``extra=``), each row checked, figures parsed into ``low``/``high``/
``qualifier``/``unit`` columns. Rows that fail a check are left out and reported; nothing is
lost silently.
"""

from __future__ import annotations

import os
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from . import schema
from .exceptions import DataFileError, ValidationError
from .paths import data_dir as _data_dir
# The text-row layer (no pandas) is re-exported here, where callers have always found it.
from .rows import (LoadedRows, _header_issues, check_sources, read_rows, row_ids,
                   source_rows, user_sources_file)
from .validation import Issue, ValidationReport, check_target_row, check_unique_ids

__all__ = [
    "load_targets", "read_targets", "load_sources", "load_urban_classes", "load_indicators",
    "indicator_directions",
    "load_regions", "load_region_map", "load_provinces", "read_rows", "LoadedRows",
    "read_sources", "user_sources_file", "bundled_ids", "row_ids",
]

PathLike = str | os.PathLike


def bundled_ids(name: str = "targets.csv", *, data_dir: PathLike | None = None
                ) -> list[tuple[str, str, int]]:
    """The ids of one of the project's own data files, each with its file and line.

    Parameters
    ----------
    name : {"targets.csv", "sources.csv"}
    data_dir : path, optional
        Folder of the bundled data (default: :func:`hy_analysis.paths.data_dir`).

    Returns
    -------
    list of (str, str, int)
    """
    return row_ids(read_rows(_data_dir(data_dir) / name, ()))


def read_sources(path: PathLike, *, taken: Sequence[tuple[str, str, int]] = ()
                 ) -> tuple[pd.DataFrame, ValidationReport]:
    """Read and check a sources file (columns of data/sources.csv): every row, ids unique.

    Parameters
    ----------
    path : path
    taken : sequence of (str, str, int)
        Ids already used elsewhere, with their file and line (:func:`bundled_ids`): a row
        reusing one is rejected, as loading would not tell the two sources apart.

    Returns
    -------
    (DataFrame, ValidationReport)
        The valid rows (the columns of data/sources.csv, as text) and the report.
    """
    kept, report = check_sources(path, taken=taken)
    return _text_frame(kept, schema.SOURCE_COLUMNS), report


def _text_frame(rows: Sequence[dict], columns: Sequence[str]) -> pd.DataFrame:
    # as object even without rows: an empty frame's float columns would not take ""
    return pd.DataFrame.from_records(rows, columns=list(columns)).astype(object).fillna("")


@lru_cache(maxsize=8)
def _registry(path: str, mtime: float, key: str, value: str = "") -> tuple:
    rows = read_rows(path, ()).rows
    if value:  # (key, value) pairs of the rows that set both
        return tuple((r[key], r[value]) for r in rows if r.get(key) and r.get(value))
    return tuple(r[key] for r in rows if r.get(key))


def _registry_values(path: Path, key: str, value: str = "") -> tuple:
    return _registry(str(path), path.stat().st_mtime, key, value)


@lru_cache(maxsize=8)
def _directions(path: str, mtime: float) -> dict[str, str]:
    loaded = read_rows(path, ())
    if "desired_direction" not in loaded.header:
        # (a data folder made before the column existed: its poverty or agriculture-share
        # targets would be judged as asking for a rise without a word)
        warnings.warn(f"{loaded.file}: no column 'desired_direction'; every indicator is taken "
                      "to be better higher (add the column: 'down' for rates that should "
                      "fall, such as poverty_rate, agriculture_share)", stacklevel=4)
    out = {}
    for row, line in zip(loaded.rows, loaded.lines):
        # ("Down" as a spreadsheet capitalises it is down)
        direction = (row.get("desired_direction") or "up").strip().lower()
        if direction not in schema.DIRECTIONS:
            raise DataFileError(
                f"{loaded.file}, line {line}, column 'desired_direction': expected "
                f"{' or '.join(schema.DIRECTIONS)} (or empty for up), got {direction!r}")
        if row.get("code"):
            out[row["code"]] = direction
    return out


def indicator_directions(data_dir: PathLike | None = None) -> dict[str, str]:
    """Code -> desired direction (``"up"``/``"down"``) of every indicator of the registry.

    A target asks its indicator to move this way when its own words say neither ("Dưới 5%",
    "giảm xuống" say down): column ``desired_direction`` of data/indicators.csv, where a
    poverty or unemployment rate, the CPI and agriculture's shares are ``down``; an empty
    cell is ``up``.

    Raises
    ------
    DataFileError
        A value other than ``up``, ``down`` or empty (naming the file, line and column).

    Examples
    --------
    >>> directions = indicator_directions()
    >>> directions["poverty_rate"], directions["grdp_growth"]
    ('down', 'up')
    """
    path = _data_dir(data_dir) / "indicators.csv"
    return dict(_directions(str(path), path.stat().st_mtime))


def read_targets(
    paths: Sequence[PathLike] = (),
    *,
    include_bundled: bool = True,
    sources: Sequence[PathLike] = (),
    data_dir: PathLike | None = None,
    taken: Sequence[tuple[str, str, int]] = (),
) -> tuple[pd.DataFrame, ValidationReport]:
    """Read, check and parse target files; return the valid rows and the report.

    Parameters
    ----------
    paths : sequence of path
        Files with the columns of data/targets.csv.
    include_bundled : bool
        Also read the project's own ``data/targets.csv`` first.
    sources : sequence of path
        Extra sources files (columns of sources.csv) for the user's own ``source_id`` values.
    data_dir : path, optional
        Folder of the bundled data (default: :func:`hy_analysis.paths.data_dir`).
    taken : sequence of (str, str, int)
        Ids already used elsewhere, with their file and line (:func:`bundled_ids`): checking
        a user's file alone (``include_bundled=False``), a row reusing an id of the bundled
        file is rejected as the run, which reads both, rejects it.

    Returns
    -------
    (DataFrame, ValidationReport)
    """
    folder = _data_dir(data_dir)
    files = ([folder / "targets.csv"] if include_bundled else []) + [Path(p) for p in paths]
    known_sources = set(_registry_values(folder / "sources.csv", "id"))
    # Each source's number format ("vi"/"en"), so "9.17%" in an English text reads as 9.17.
    languages = dict(_registry_values(folder / "sources.csv", "id", "language"))
    # Each source's date: a full-year figure published before its year ended is an estimate.
    dates = dict(_registry_values(folder / "sources.csv", "id", "date"))
    # The sources the user registered (the review notebook writes data/user/sources.csv).
    user_sources = user_sources_file(folder)
    for extra_sources in [*sources, *([user_sources] if user_sources.is_file() else [])]:
        extra_rows = read_rows(extra_sources, schema.SOURCE_COLUMNS).rows
        known_sources |= {r["id"] for r in extra_rows}
        languages.update({r["id"]: r["language"] for r in extra_rows if r.get("language")})
        dates.update({r["id"]: r["date"] for r in extra_rows if r.get("date")})
    indicators = _registry_values(folder / "indicators.csv", "code")
    directions = indicator_directions(folder)
    territories = tuple(load_region_map(folder).territories)

    report = ValidationReport()
    kept: list[tuple[dict, object, str, int]] = []
    for path in files:
        loaded = read_rows(path)
        report.files.append(loaded.file)
        report.rows_read += len(loaded.rows)
        header_issues = _header_issues(loaded, schema.TARGET_COLUMNS, schema.TARGET_REQUIRED)
        report.issues += header_issues
        if any(i.expected.startswith("this required") for i in header_issues):
            report.rows_rejected += len(loaded.rows)
            continue
        for row, line in zip(loaded.rows, loaded.lines):
            found: list[Issue] = []
            rid = row.get("id", "")

            def issue(column, value, expected, _f=loaded.file, _l=line, _r=rid, _found=found):
                _found.append(Issue(_f, _l, column, value, expected, _r))

            if "__extra__" in row:
                issue("", row["__extra__"], f"{len(loaded.header)} fields as in the header "
                      "(quote values that contain commas)")
            parsed = check_target_row(row, issue, known_sources=known_sources,
                                      known_indicators=indicators,
                                      known_territories=territories,
                                      source_languages=languages)
            report.issues += found
            if found:
                report.rows_rejected += 1
            else:
                kept.append((row, parsed, loaded.file, line))
    repeated = check_unique_ids([*taken, *((r["id"], f, ln) for r, _, f, ln in kept)], report)
    kept = [k for k in kept if (k[2], k[3]) not in repeated]
    report.rows_rejected += len(repeated)
    return _targets_frame(kept, dates, directions), report


def _targets_frame(kept, dates: dict[str, str], directions: dict[str, str]) -> pd.DataFrame:
    records = []
    for row, parsed, file, line in kept:
        record = {c: row.get(c, "") for c in schema.TARGET_COLUMNS}
        record.update(low=parsed.low, high=parsed.high, qualifier=parsed.qualifier,
                      value=parsed.value, source_date=dates.get(row.get("source_id", ""), ""),
                      desired_direction=directions.get(row.get("indicator", ""), "up"),
                      file=file, line=line)
        records.append(record)
    frame = pd.DataFrame.from_records(
        records, columns=[*schema.TARGET_COLUMNS, *schema.PARSED_COLUMNS,
                          *schema.SOURCE_DATE_COLUMNS, *schema.INDICATOR_DEFAULT_COLUMNS,
                          "file", "line"])
    for column in ("period_start", "period_end"):
        frame[column] = pd.to_numeric(frame[column]).astype("Int64")
    frame["derived"] = frame["derived"].str.lower().eq("true")
    for column in ("low", "high", "value"):
        frame[column] = pd.to_numeric(frame[column]).astype("float64")
    for column in ("region", "territory", "indicator", "kind", "measure", "unit",
                   "qualifier", "source_id"):
        frame[column] = frame[column].astype("category")
    for column in ("breakdown", "as_of", "note", "source_locator", "indicator_vi",
                   "indicator_en"):
        frame[column] = frame[column].fillna("")
    return frame


def load_targets(
    extra: PathLike | Sequence[PathLike] | None = None,
    strict: bool = False,
    *,
    sources: Sequence[PathLike] = (),
    data_dir: PathLike | None = None,
) -> pd.DataFrame:
    """The tidy target dataset: one figure per row, parsed and typed.

    Parameters
    ----------
    extra : path or sequence of paths, optional
        The user's own files with the same columns (CSV UTF-8 with or without BOM, UTF-16,
        or .xlsx), merged after ours so newer figures can be added without editing ours.
    strict : bool
        Raise :class:`ValidationError` carrying the whole report if any row is invalid.
        Otherwise invalid rows are left out, a warning names how many, and the report is
        kept in ``frame.attrs["report"]``.
    sources : sequence of paths
        Sources files for the ``source_id`` values of ``extra`` rows.
    data_dir : path, optional
        Folder of the bundled data.

    Returns
    -------
    DataFrame
        The columns of targets.csv plus ``low``, ``high``, ``qualifier``, ``value`` (the
        midpoint, or the known bound of an open figure), ``source_date`` (the ``date`` of
        the cited source, ``""`` when it has none), ``file`` and ``line``.

    Examples
    --------
    >>> targets = load_targets()
    >>> targets.query("indicator == 'urbanisation_rate'")[["period_end", "value_raw", "low"]]
    ... # doctest: +SKIP
    """
    if extra is None:
        extra = []
    elif isinstance(extra, (str, os.PathLike)):
        extra = [extra]
    frame, report = read_targets(extra, sources=sources, data_dir=data_dir)
    if not report.ok:
        if strict:
            raise ValidationError(report)
        warnings.warn(f"{report.rows_rejected} row(s) rejected; see frame.attrs['report']:\n"
                      + report.format(), stacklevel=2)
    frame.attrs["report"] = report
    return frame


def _simple_table(name: str, columns: Sequence[str], data_dir: PathLike | None,
                  categories: Iterable[str] = ()) -> pd.DataFrame:
    return _table(read_rows(_data_dir(data_dir) / name, columns), columns, categories)


def _table(loaded: LoadedRows, columns: Sequence[str],
           categories: Iterable[str] = ()) -> pd.DataFrame:
    issues = _header_issues(loaded, columns, columns[:1])
    if issues:
        raise ValidationError(ValidationReport(issues, len(loaded.rows), len(loaded.rows),
                                               [loaded.file]))
    frame = _text_frame(loaded.rows, columns)
    for column in categories:
        frame[column] = frame[column].astype("category")
    return frame


def load_sources(data_dir: PathLike | None = None) -> pd.DataFrame:
    """The documents and pages every figure cites: ``data/sources.csv`` and the user's own
    ``data/user/sources.csv`` (the review notebook writes it), whose valid rows follow.

    A user's row that fails its checks or reuses an id of the bundled file is left out
    (``hy-analysis validate`` names it): figures citing it show its id.
    """
    frame = _text_frame(source_rows(data_dir), schema.SOURCE_COLUMNS)
    frame["type"] = frame["type"].astype("category")
    return frame


def load_indicators(data_dir: PathLike | None = None) -> pd.DataFrame:
    """The indicator registry: code, Vietnamese and English names, unit, description."""
    return _simple_table("indicators.csv", schema.INDICATOR_COLUMNS, data_dir)


def load_provinces(data_dir: PathLike | None = None) -> pd.DataFrame:
    """The province registry: each of the 63 provinces before 2025-07-01 and the one of the 34
    it became part of, with their official codes (``data/provinces.csv``)."""
    return _simple_table("provinces.csv", schema.PROVINCE_COLUMNS, data_dir)


@lru_cache(maxsize=8)
def _region_map(folder: str, _stamp: tuple):
    from .territories import RegionMap, region_rows

    provinces = load_provinces(folder)
    regions = _simple_table("regions.csv", schema.REGION_LIST_COLUMNS, folder)
    rows = region_rows(provinces.to_dict("records"), regions.to_dict("records"))
    return RegionMap(pd.DataFrame(rows, columns=[*schema.REGION_COLUMNS, "code", "has_data"]))


def load_region_map(data_dir: PathLike | None = None):
    """The region map of a data folder: every territory and the merger rule.

    Derived from ``provinces.csv`` (the 63 provinces and the 34 they became) and
    ``regions.csv`` (the places the dataset has figures for); no territory is typed by hand.
    Read once per change of either file (the map is cached by modification time), then
    passed down as ``region_map=``.

    Returns
    -------
    hy_analysis.territories.RegionMap

    Examples
    --------
    >>> load_region_map().territory_at("Hưng Yên", "2025-09-30")
    'Hưng Yên (merged, from 2025-07-01)'
    """
    folder = _data_dir(data_dir)
    stamp = tuple(_mtime(folder / name) for name in ("provinces.csv", "regions.csv"))
    return _region_map(str(folder), stamp)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1  # read_rows names the missing file


def load_regions(data_dir: PathLike | None = None) -> pd.DataFrame:
    """Each territory with its region and its province before and after the 2025 merger.

    The frame of :func:`load_region_map` (one row per territory of every province, the
    regions with data first; ``has_data`` marks them).
    """
    return load_region_map(data_dir).frame.copy()


def load_urban_classes(data_dir: PathLike | None = None) -> pd.DataFrame:
    """Urban-class targets by locality and year (class I to V as an ordered categorical)."""
    frame = _simple_table("urban_classes.csv", schema.URBAN_CLASS_COLUMNS, data_dir,
                          ("locality_type", "scope"))
    frame["year"] = pd.to_numeric(frame["year"]).astype("Int64")
    # Class I is the highest rank: order so that comparisons read naturally (I > V).
    frame["urban_class"] = pd.Categorical(frame["urban_class"],
                                          categories=schema.URBAN_CLASSES[::-1], ordered=True)
    return frame
