"""Checks over the rows of a data file, each problem named by file, line, column and value.

Rows are checked one by one, so a bad row is rejected and reported while every valid row
still loads. Nothing here reads files or prints: :mod:`hy_analysis.loading` reads the rows
and calls these checks, and ``hy-analysis validate`` (:mod:`hy_analysis.cli`) prints the
report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from . import schema
from .exceptions import ParseError
from .parsing import parse_value

#: Joins two verbatim pieces of one sentence in ``value_raw`` when a qualifier governs a later
#: figure: "khoảng … 10 cụm công nghiệp" for "khoảng 4 khu công nghiệp, 10 cụm công nghiệp".
ELISION = " … "

__all__ = ["Issue", "ValidationReport", "check_target_row", "check_unique_ids"]


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
        The ids in sources.csv, the codes in indicators.csv and the territories of regions.csv.
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
        issue("territory", row["territory"], "a territory listed in regions.csv: "
              + "; ".join(sorted(set(known_territories))))
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
        text = row["value_raw"].replace(ELISION, " ")
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


def check_unique_ids(ids_with_places, report: ValidationReport) -> set[tuple[str, int]]:
    """Report every repeated id; return the (file, line) places of the repeats to reject.

    The first occurrence of an id is kept; later ones are rejected.
    """
    first: dict[str, tuple[str, int]] = {}
    rejected = set()
    for rid, file, line in ids_with_places:
        if not rid:
            continue
        if rid in first:
            f0, l0 = first[rid]
            report.issues.append(Issue(file, line, "id", rid,
                                       f"a unique id (already used at {f0}:{l0})", rid))
            rejected.add((file, line))
        else:
            first[rid] = (file, line)
    return rejected
