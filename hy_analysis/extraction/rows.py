"""Candidates as data: several documents at once, CSV/JSON text, target rows, appending.

``hy-analysis extract`` (in :mod:`hy_analysis.cli`, which prints and chooses exit codes) calls
:func:`extract_files`, :func:`to_text` and :func:`append_rows`; the review notebook calls
:func:`to_target_rows` and :func:`append_rows` on the rows a reviewer accepted.
"""

from __future__ import annotations

import csv
import re
import tempfile
from pathlib import Path

import pandas as pd

from .. import paths, schema
from ..exceptions import DataFileError, ParameterError
from .core import CANDIDATE_COLUMNS, extract

__all__ = ["extract_files", "to_text", "to_target_rows", "append_rows", "FORMATS"]

#: Output formats of ``hy-analysis extract``.
FORMATS = ("csv", "json")


def _indicator_names(data_dir) -> dict[str, tuple[str, str]]:
    with open(paths.data_dir(data_dir) / "indicators.csv", encoding="utf-8") as handle:
        return {r["code"]: (r["name_vi"], r["name_en"]) for r in csv.DictReader(handle)}


def to_target_rows(candidates: pd.DataFrame, *, source_id: str | None = None,
                   document: str | None = None, data_dir=None) -> pd.DataFrame:
    """Candidate rows in the columns of data/targets.csv, ready to validate and append.

    Parameters
    ----------
    candidates : pandas.DataFrame
        Rows of :func:`hy_analysis.extract` (possibly edited by a reviewer).
    source_id : str, optional
        Overrides the candidates' ``source_id``.
    document : str, optional
        Name of the file the characters refer to, written into ``source_locator`` (default:
        the candidates' ``document`` column, when there is one).
    data_dir : path-like, optional
        Folder of indicators.csv (for the indicator names).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`hy_analysis.schema.TARGET_COLUMNS`, all strings. ``id`` is
        ``<source_id>-<indicator>-<period_end>-<char_start>``; ``source_locator`` gives the
        characters of the figure; ``note`` keeps the extractor's notes and the estimate flag.
    """
    names = _indicator_names(data_dir)
    records = []
    for row in candidates.to_dict("records"):
        src = source_id or row.get("source_id") or ""
        code = row.get("indicator") or "unknown"
        unit = row.get("unit") or ""
        if code in names and unit.endswith("/person"):
            unit = unit.split("/")[0]  # the dataset keeps per-capita money in USD/VND
        name_vi, name_en = names.get(code, ("", ""))
        note = row.get("note") or ""
        if row.get("estimate"):
            note = "estimate (ước); " + note if "estimate" not in note else note
        ident = re.sub(r"[^a-z0-9]+", "-", f"{src or 'doc'}-{code}-{row.get('period_end')}-"
                       f"{row.get('char_start')}".lower()).strip("-")
        records.append({
            "id": ident, "region": row.get("region") or "", "territory": row.get("territory") or "",
            "indicator": code, "indicator_vi": name_vi, "indicator_en": name_en,
            "kind": row.get("kind") or "", "period_start": _year(row.get("period_start")),
            "period_end": _year(row.get("period_end")), "as_of": "",
            "measure": row.get("measure") or "", "breakdown": row.get("breakdown") or "",
            "value_raw": row.get("value_raw") or "", "unit": unit, "source_id": src,
            "source_locator": (f"{document or row.get('document')}, " if document
                               or row.get("document") else "")
                              + f"characters {row.get('char_start')}-{row.get('char_end')} "
                              "(hy-analysis extract)",
            "derived": "false", "note": note,
        })
    return pd.DataFrame(records, columns=list(schema.TARGET_COLUMNS))


def _year(value) -> str:
    return "" if value is None or pd.isna(value) else str(int(value))


def append_rows(rows: pd.DataFrame, path, *, sources=(), data_dir=None):
    """Validate target rows like any user file and append the valid ones to ``path``.

    Parameters
    ----------
    rows : pandas.DataFrame
        Columns of data/targets.csv (see :func:`to_target_rows`).
    path : path-like
        The user's CSV data file; created with a header when missing. Its existing rows are
        kept; a new row whose ``id`` is already in the file is rejected.
    sources : sequence of path-like
        Extra sources files for ``source_id`` values not in data/sources.csv.
    data_dir : path-like, optional

    Returns
    -------
    (pandas.DataFrame, list of str)
        The rows written, and one message per rejected row naming its id, column, value and
        what was expected.
    """
    from ..loading import read_targets
    from ..rows import read_rows, row_ids

    path = Path(path)
    new_file = not path.is_file() or not path.read_text(encoding="utf-8-sig").strip()
    # the file's ids are taken: validation rejects a candidate that repeats one
    taken = [] if new_file else row_ids(read_rows(path))
    with tempfile.TemporaryDirectory() as tmp:
        candidate_file = Path(tmp) / "candidates.csv"
        rows.to_csv(candidate_file, index=False, encoding="utf-8")
        _, report = read_targets([candidate_file], include_bundled=False, sources=sources,
                                 data_dir=data_dir, taken=taken)
    bad_lines = {}
    for issue in report.issues:
        bad_lines.setdefault(issue.line, []).append(
            f"column {issue.column!r}: value {issue.value!r}: expected {issue.expected}")
    written, problems = [], []
    for line, row in enumerate(rows.to_dict("records"), start=2):
        if line in bad_lines:
            problems.append(f"row {row['id']} ({row['value_raw']!r}): "
                            + "; ".join(bad_lines[line]))
        else:
            written.append(row)
    frame = pd.DataFrame(written, columns=list(schema.TARGET_COLUMNS))
    if written:
        path.parent.mkdir(parents=True, exist_ok=True)
        # a missing or blank file gets the header first
        with open(path, "w" if new_file else "a", encoding="utf-8", newline="") as handle:
            frame.to_csv(handle, index=False, header=new_file)
    return frame, problems


def extract_files(files, *, region: str | None = None, date=None,
                  source_id: str | None = None) -> tuple[pd.DataFrame, list[str]]:
    """The candidates of several documents as one frame, and the files that could not be read.

    Parameters
    ----------
    files : sequence of path-like
        Documents (.txt, .html, .docx, .pdf).
    region, date, source_id : optional
        As for :func:`hy_analysis.extract`.

    Returns
    -------
    (pandas.DataFrame, list of str)
        Columns :data:`CANDIDATE_COLUMNS`, preceded by ``document`` (the file name) when there
        is more than one file; and one message per unreadable file.
    """
    from .core import document_date

    document_date(date)  # a bad --date is one message, before any file is read
    frames, problems = [], []
    for name in files:
        try:
            frame = extract(Path(name), region=region, date=date, source_id=source_id)
        except DataFileError as exc:
            problems.append(str(exc))
            continue
        if len(files) > 1:
            frame.insert(0, "document", str(name))
        frames.append(frame)
    columns = (["document"] if len(files) > 1 else []) + list(CANDIDATE_COLUMNS)
    result = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    return result, problems


#: First characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula, prefixed with ``'``.

    Document text reaches the CSV (``value_raw``, ``sentence``, ``note``): a sentence starting
    "=HYPERLINK(...)" or "- GRDP ..." must open as text. Numbers stay numbers.
    """
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_object_dtype(out[column]) or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v)
    return out


def to_text(candidates: pd.DataFrame, fmt: str = "csv") -> str:
    """Candidates as CSV (with a header) or JSON (a list of records, UTF-8 kept as written).

    In CSV, a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    is prefixed with ``'`` so that a spreadsheet shows it as text instead of running it.

    Parameters
    ----------
    candidates : pandas.DataFrame
    fmt : {"csv", "json"}

    Returns
    -------
    str
    """
    if fmt not in FORMATS:
        raise ParameterError(f"format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    if fmt == "csv":
        return _neutralised(candidates).to_csv(index=False)
    return candidates.to_json(orient="records", force_ascii=False, indent=1) + "\n"
