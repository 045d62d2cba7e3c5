"""Checks over the rows of a data file, each problem named by file, line, column and value.

Rows are checked one by one, so a bad row is rejected and reported while every valid row
still loads. Nothing here reads files or prints: :mod:`hy_analysis.loading` reads the rows
and calls these checks, and ``hy-analysis validate`` (:mod:`hy_analysis.cli`) prints the
report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from . import schema
from .exceptions import ParseError
from .parsing import parse_value

__all__ = ["Issue", "ValidationReport", "check_target_row", "check_unique_ids", "id_key",
           "reading", "check_source_row", "SOURCE_REQUIRED", "DATE_PRECISIONS"]


_ASIDE = re.compile(r"\s*\([^()]*\)")


def reading(value_raw: str) -> str:
    """The text of ``value_raw`` that is read as the figure: a bracketed aside left out.

    ``value_raw`` stays verbatim; a bracketed equivalent in another unit is its own row, so
    it is left out of this row's reading ("90 triệu đồng (3.500 USD) trở lên" reads as
    "90 triệu đồng trở lên"). When the brackets hold the row's own figure, only the brackets
    go ("(3.500 USD) trở lên" reads as "3.500 USD trở lên").

    Examples
    --------
    >>> reading("90 triệu đồng (3.500 USD) trở lên")
    '90 triệu đồng trở lên'
    >>> reading("(3.500 USD) trở lên")
    '3.500 USD trở lên'
    >>> reading("Trên 48%")
    'Trên 48%'
    """
    if "(" not in value_raw:
        return value_raw
    outside = _ASIDE.sub("", value_raw).strip()
    if re.search(r"\d", outside):
        return " ".join(outside.split())
    return " ".join(re.sub(r"[()]", " ", value_raw).split())


@dataclass(frozen=True)
class Issue:
    """One problem in a data file.

    ``line`` is the line number in the file (1 = the header row of a CSV; for Excel, the
    sheet row). ``line`` 0 means the whole file.
    """

    file: str
    line: int
    column: str
    value: object
    expected: str
    row_id: str = ""

    def format(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = f"column {self.column!r}" if self.column else "file"
        value = "" if self.value is None or self.value == "" else f" value {self.value!r}:"
        rid = f" (id {self.row_id})" if self.row_id else ""
        return f"{where}: {what}{rid}:{value} expected {self.expected}"


@dataclass
class ValidationReport:
    """Every problem found while loading, and how many rows were kept and rejected."""

    issues: list[Issue] = field(default_factory=list)
    rows_read: int = 0
    rows_rejected: int = 0
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing was found."""
        return not self.issues

    def __deepcopy__(self, memo: dict) -> "ValidationReport":
        # pandas deep-copies a frame's attrs (where load_targets keeps this report) into
        # every frame derived from it, thousands per shared panel: the issues are frozen,
        # so new lists of the same issues are a full copy at a tenth of the cost.
        return ValidationReport(list(self.issues), self.rows_read, self.rows_rejected,
                                list(self.files))

    def extend(self, other: "ValidationReport") -> None:
        """Add another report's issues and counts to this one."""
        self.issues += other.issues
        self.rows_read += other.rows_read
        self.rows_rejected += other.rows_rejected
        self.files += other.files

    def format(self) -> str:
        """Human-readable report: one line per problem, then the counts."""
        lines = [i.format() for i in self.issues]
        kept = self.rows_read - self.rows_rejected
        lines.append(
            f"{len(self.issues)} problem(s); {self.rows_read} row(s) read, {kept} valid, "
            f"{self.rows_rejected} rejected ({', '.join(self.files) or 'no file'})"
        )
        return "\n".join(lines)


def _year(value: str) -> int | None:
    try:
        year = int(str(value).strip())
    except ValueError:
        return None
    return year if schema.YEAR_MIN <= year <= schema.YEAR_MAX else None


def _choice(row, column, allowed, issue, what=None) -> None:
    value = row.get(column, "")
    if value and value not in allowed:
        issue(column, value, f"{what or 'one of'}: {', '.join(allowed)}")


def check_target_row(
    row: dict[str, str],
    issue,
    *,
    known_sources: Iterable[str],
    known_indicators: Iterable[str],
    known_territories: Iterable[str] | None = None,
    source_languages: Mapping[str, str] | None = None,
):
    """Check one row of a targets file; report problems through ``issue(column, value, expected)``.

    Parameters
    ----------
    row : dict
        Column name to the text in the file.
    issue : callable
        Called once per problem with (column, value, expected).
    known_sources, known_indicators, known_territories : iterable of str
        The ids in sources.csv, the codes in indicators.csv and the territories of the region
        map (:func:`hy_analysis.loading.load_region_map`).
    source_languages : mapping of str to str, optional
        Source id to the number format of its text (``language`` of sources.csv: "vi" or
        "en"), passed to :func:`~hy_analysis.parsing.parse_value` as ``lang``; a source
        missing from it leaves the parser to infer the format from the words.

    Returns
    -------
    ParsedValue or None
        The figure read from ``value_raw`` when it could be read.
    """
    for column in schema.TARGET_REQUIRED:
        if not row.get(column, "").strip():
            issue(column, "", "a value (the column is required)")
    _choice(row, "kind", schema.KINDS, issue)
    _choice(row, "measure", schema.MEASURES, issue)
    _choice(row, "unit", schema.UNITS, issue)
    if row.get("basis", "").strip():
        _choice(row, "basis", schema.BASES, issue)
    if row.get("derived", "") and row["derived"].strip().lower() not in ("true", "false"):
        issue("derived", row["derived"], "true or false")
    if row.get("source_id") and row["source_id"] not in set(known_sources):
        issue("source_id", row["source_id"], "an id listed in sources.csv "
              "(add a source row, or pass your sources file with sources=...)")
    indicators = set(known_indicators)
    if row.get("indicator") and row["indicator"] not in indicators:
        issue("indicator", row["indicator"], "a known indicator code (data/indicators.csv); "
              "a new indicator needs a row there first")
    if known_territories is not None and row.get("territory") and \
            row["territory"] not in set(known_territories):
        # 87 territories: name those of the row's region, else the rule that makes them.
        near = [t for t in known_territories if t.startswith(row.get("region") or "\0")]
        issue("territory", row["territory"], "a territory of the region map (regions.csv and "
              "provinces.csv)" + (": " + "; ".join(near) if near else
                                  ", e.g. 'Hưng Yên (before 2025-07-01)', 'Hưng Yên (merged, "
                                  "from 2025-07-01)' or 'Hà Nội' (unchanged by the merger)"))
    years = {}
    for column in ("period_start", "period_end"):
        if row.get(column, "").strip():
            years[column] = _year(row[column])
            if years[column] is None:
                issue(column, row[column],
                      f"a year between {schema.YEAR_MIN} and {schema.YEAR_MAX}")
    if years.get("period_start") and years.get("period_end") and \
            years["period_start"] > years["period_end"]:
        issue("period_end", row["period_end"],
              f"a year not before period_start ({row['period_start']})")
    parsed = None
    unit = row.get("unit") if row.get("unit") in schema.UNITS else None
    if row.get("value_raw", "").strip():
        text = reading(row["value_raw"])
        lang = (source_languages or {}).get(row.get("source_id", "")) or None
        try:
            parsed = parse_value(text, unit=unit, lang=lang)
        except ParseError as exc:
            issue("value_raw", row["value_raw"], f"a readable figure ({exc})")
    if parsed is not None:
        if parsed.unit is None:
            issue("unit", row.get("unit", ""), "a unit (the figure names none)")
        if parsed.unit == "percent" and row.get("measure") not in schema.GROWTH_MEASURES:
            for bound in (parsed.low, parsed.high):
                if bound is not None and not 0 <= bound <= 100:
                    issue("value_raw", row["value_raw"],
                          "a percentage within 0-100 for a share or level")
                    break
        if parsed.unit == "percent" and row.get("measure") in schema.GROWTH_MEASURES:
            if parsed.low is not None and parsed.low <= -100:
                issue("value_raw", row["value_raw"], "a growth rate above -100%")
        if parsed.unit != "percent" and parsed.low is not None and parsed.low < 0:
            issue("value_raw", row["value_raw"], "a non-negative amount")
    return parsed


#: Columns a row of sources.csv must fill.
SOURCE_REQUIRED = ("id", "title", "language")
#: How exact a source's ``date`` is.
DATE_PRECISIONS = ("day", "month", "year", "approximate")
_SOURCE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_SOURCE_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def check_source_row(row: Mapping[str, str], issue) -> None:
    """Check one row of a sources file (columns :data:`hy_analysis.schema.SOURCE_COLUMNS`).

    ``issue(column, value, expected)`` is called for each problem: a required column empty,
    an id not in lower-case letters, digits and hyphens, a date that is not ``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD`` (a real day), an unknown ``date_precision`` or
    ``language``, a ``url`` with another scheme than http(s).
    """
    import datetime as dt

    for column in SOURCE_REQUIRED:
        if not (row.get(column) or "").strip():
            issue(column, "", "a value (this column is required)")
    rid = row.get("id", "")
    if rid and not _SOURCE_ID.fullmatch(rid):
        issue("id", rid, "lower-case letters, digits and hyphens (e.g. bn-grdp-2024)")
    date = row.get("date", "")
    if date:
        fmt = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}.get(len(date))
        try:
            if not (fmt and _SOURCE_DATE.fullmatch(date)):
                raise ValueError
            dt.datetime.strptime(date, fmt)
        except ValueError:
            issue("date", date, "a date YYYY, YYYY-MM or YYYY-MM-DD")
    _choice(row, "date_precision", DATE_PRECISIONS, issue)
    _choice(row, "language", schema.LANGUAGES, issue)
    url = row.get("url", "")
    scheme = re.match(r"([a-zA-Z][\w+.-]*):", url)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        # a link a shared report may show: javascript:, data: or file: never
        issue("url", url, "a web address (http://, https:// or none)")


def id_key(rid: str) -> str:
    """The form of a row id compared for uniqueness: letter case aside.

    ``HY-GRDP-2025`` and ``hy-grdp-2025`` name one row to a reader and to a spreadsheet
    lookup, so a file may not hold both.

    Examples
    --------
    >>> id_key("HY-GRDP-2025") == id_key("hy-grdp-2025")
    True
    """
    return rid.strip().casefold()


def check_unique_ids(ids_with_places, report: ValidationReport) -> set[tuple[str, int]]:
    """Report every repeated id; return the (file, line) places of the repeats to reject.

    Ids are compared by :func:`id_key` (letter case aside). The first occurrence of an id
    is kept; later ones are rejected.
    """
    first: dict[str, tuple[str, str, int]] = {}
    rejected = set()
    for rid, file, line in ids_with_places:
        if not rid:
            continue
        key = id_key(rid)
        if key in first:
            r0, f0, l0 = first[key]
            spelled = "" if r0 == rid else f" as {r0!r}, letter case aside"
            report.issues.append(Issue(file, line, "id", rid,
                                       f"a unique id (already used at {f0}:{l0}{spelled})",
                                       rid))
            rejected.add((file, line))
        else:
            first[key] = (rid, file, line)
    return rejected
