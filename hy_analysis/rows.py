"""Data files as rows of text, without pandas: CSV (UTF-8 with or without BOM, UTF-16, ',' ';'
or tab) and .xlsx files read and checked row by row.

:mod:`hy_analysis.loading` builds its frames from these rows; the runner's workers read the
sources table for a report's workbook here (:func:`source_rows`), so a worker that renders
pages never imports pandas.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from . import schema
from .exceptions import DataFileError, ValidationError
from .paths import data_dir as _data_dir
from .validation import (SOURCE_REQUIRED, Issue, ValidationReport, check_source_row,
                         check_unique_ids)

__all__ = ["LoadedRows", "read_rows", "row_ids", "user_sources_file", "check_sources",
           "source_rows", "MAX_DATA_BYTES"]

PathLike = str | os.PathLike


@dataclass
class LoadedRows:
    """The rows of one file as text, with the line number of each row in that file."""

    file: str
    header: list[str]
    rows: list[dict[str, str]]
    lines: list[int]


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"{path}: cannot decode byte {raw[exc.start]:#04x} at position {exc.start} as "
            "UTF-8; re-save the file as UTF-8 (in Excel: 'CSV UTF-8'), or UTF-16 with a BOM"
        ) from None


#: Largest data file read (bytes; ``HY_MAX_DATA_MB`` overrides): a target list is kilobytes.
MAX_DATA_BYTES = 50 * 2**20


def _check_size(path: Path) -> None:
    limit = float(os.environ.get("HY_MAX_DATA_MB") or MAX_DATA_BYTES / 2**20) * 2**20
    size = path.stat().st_size
    if size > limit:
        raise DataFileError(f"{path}: {size / 2**20:.1f} MB is more than the {limit / 2**20:g} "
                            "MB a data file may have; split it, or set HY_MAX_DATA_MB")


def _delimiter(text: str) -> str:
    """The header row's delimiter: ',' or, as Excel writes in Vietnamese locales, ';' or tab."""
    header = text.lstrip().split("\n", 1)[0]
    for delimiter in (",", ";", "\t"):
        if delimiter in header:
            return delimiter
    return ","


def _read_csv(path: Path) -> LoadedRows:
    text = _decode(path)
    if not text.strip():
        raise DataFileError(f"{path}: the file is empty; expected a header row and data rows")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    rows, lines = [], []
    start = reader.line_num + 1
    for record in reader:
        if any(cell.strip() for cell in record):
            if len(record) > len(header):
                record = record[: len(header)] + [delimiter.join(record[len(header):])]
                header_extra = True
            else:
                header_extra = False
            row = dict(zip(header, (c.strip() for c in record)))
            if header_extra:
                row["__extra__"] = record[-1]
            rows.append(row)
            lines.append(start)
        start = reader.line_num + 1
    return LoadedRows(str(path), header, rows, lines)


def _read_xlsx(path: Path, expected: Sequence[str]) -> LoadedRows:
    from openpyxl import load_workbook  # only Excel users pay for openpyxl

    try:
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise DataFileError(f"{path}: cannot open as an Excel .xlsx workbook ({exc})") from None
    cells = [["" if v is None else str(v).strip() for v in row]
             for row in sheet.iter_rows(values_only=True)]
    # Find the header: the first row naming the key columns (title rows above are skipped).
    key = {"id", expected[0] if expected else "id"}
    for index, row in enumerate(cells):
        if key <= set(row) or len(set(row) & set(expected)) >= max(2, len(expected) // 2):
            header = row
            break
    else:
        raise DataFileError(f"{path}: no header row with the columns {', '.join(expected)}")
    rows, lines = [], []
    for offset, record in enumerate(cells[index + 1:], start=index + 2):
        if any(record):
            rows.append(dict(zip(header, record)))
            lines.append(offset)
    return LoadedRows(str(path), header, rows, lines)


def read_rows(path: PathLike, expected: Sequence[str] = schema.TARGET_COLUMNS) -> LoadedRows:
    """Read a CSV (UTF-8 with or without BOM, UTF-16) or .xlsx file as rows of text.

    Raises
    ------
    DataFileError
        The file is missing, larger than :data:`MAX_DATA_BYTES`, empty, undecodable or has
        no header.
    """
    path = Path(path)
    if not path.is_file():
        raise DataFileError(f"{path}: no such file")
    _check_size(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, expected)
    return _read_csv(path)


def row_ids(loaded: LoadedRows) -> list[tuple[str, str, int]]:
    """The ``(id, file, line)`` of every row read: the ``taken`` of a later file."""
    return [(r.get("id", ""), loaded.file, ln) for r, ln in zip(loaded.rows, loaded.lines)]


def user_sources_file(data_dir: PathLike | None = None) -> Path:
    """The user's own sources file, ``<data>/user/sources.csv``, read with the bundled one."""
    return _data_dir(data_dir) / "user" / "sources.csv"


def _header_issues(loaded: LoadedRows, expected: Sequence[str],
                   required: Sequence[str]) -> list[Issue]:
    issues = [Issue(loaded.file, 1, c, "", "this required column in the header row")
              for c in required if c not in loaded.header]
    known = set(expected)
    issues += [Issue(loaded.file, 1, c, "", "only the columns " + ", ".join(expected))
               for c in loaded.header if c and c not in known]
    return issues


def check_sources(path: PathLike, *, taken: Sequence[tuple[str, str, int]] = ()
                  ) -> tuple[list[dict[str, str]], ValidationReport]:
    """Read and check a sources file (columns of data/sources.csv): every row, ids unique.

    Parameters
    ----------
    path : path
    taken : sequence of (str, str, int)
        Ids already used elsewhere, with their file and line: a row reusing one is rejected,
        as loading would not tell the two sources apart.

    Returns
    -------
    (list of dict, ValidationReport)
        The valid rows (column name to text) and the report.
    """
    loaded = read_rows(path, schema.SOURCE_COLUMNS)
    report = ValidationReport(files=[loaded.file], rows_read=len(loaded.rows))
    report.issues += _header_issues(loaded, schema.SOURCE_COLUMNS, SOURCE_REQUIRED)
    bad = set()
    for row, line in zip(loaded.rows, loaded.lines):
        def issue(column, value, expected, _l=line, _r=row.get("id", "")):
            report.issues.append(Issue(loaded.file, _l, column, value, expected, _r))
            bad.add(_l)

        check_source_row(row, issue)
    repeated = check_unique_ids([*taken, *row_ids(loaded)], report)
    bad |= {ln for _, ln in repeated}
    report.rows_rejected = len(bad)
    return [r for r, line in zip(loaded.rows, loaded.lines) if line not in bad], report


def source_rows(data_dir: PathLike | None = None) -> list[dict[str, str]]:
    """The rows of :func:`hy_analysis.load_sources`: ``data/sources.csv``, then the valid rows
    of the user's own ``data/user/sources.csv``.

    Raises
    ------
    ValidationError
        The bundled file has no ``id`` column.
    """
    bundled = read_rows(_data_dir(data_dir) / "sources.csv", schema.SOURCE_COLUMNS)
    columns = schema.SOURCE_COLUMNS
    issues = _header_issues(bundled, columns, columns[:1])
    if issues:
        raise ValidationError(ValidationReport(issues, len(bundled.rows), len(bundled.rows),
                                               [bundled.file]))
    rows = list(bundled.rows)
    user = user_sources_file(data_dir)
    if user.is_file():
        # each file read once: the bundled ids from the rows just read
        rows += check_sources(user, taken=row_ids(bundled))[0]
    return rows
