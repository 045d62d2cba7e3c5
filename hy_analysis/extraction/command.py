"""Candidates as data: target rows, appending to a user file after validation, the command.

``hy-analysis extract`` calls :func:`extract_command`; the review notebook can call
:func:`to_target_rows` and :func:`append_rows` on the rows a reviewer accepted.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import tempfile
from pathlib import Path
from typing import TextIO

import pandas as pd

from .. import paths, schema
from ..exceptions import DataFileError
from .core import CANDIDATE_COLUMNS, extract

__all__ = ["to_target_rows", "append_rows", "extract_command", "FORMATS"]

#: Output formats of ``hy-analysis extract``.
FORMATS = ("csv", "json")


def _indicator_names(data_dir) -> dict[str, tuple[str, str]]:
    with open(paths.data_dir(data_dir) / "indicators.csv", encoding="utf-8") as handle:
        return {r["code"]: (r["name_vi"], r["name_en"]) for r in csv.DictReader(handle)}


def to_target_rows(candidates: pd.DataFrame, *, source_id: str | None = None,
                   data_dir=None) -> pd.DataFrame:
    """Candidate rows in the columns of data/targets.csv, ready to validate and append.

    Parameters
    ----------
    candidates : pandas.DataFrame
        Rows of :func:`hy_analysis.extract` (possibly edited by a reviewer).
    source_id : str, optional
        Overrides the candidates' ``source_id``.
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
            "source_locator": f"characters {row.get('char_start')}-{row.get('char_end')} "
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
    from ..loading import read_rows, read_targets

    path = Path(path)
    existing_ids = set()
    if path.exists():
        existing_ids = {r.get("id", "") for r in read_rows(path).rows}
    with tempfile.TemporaryDirectory() as tmp:
        candidate_file = Path(tmp) / "candidates.csv"
        rows.to_csv(candidate_file, index=False, encoding="utf-8")
        _, report = read_targets([candidate_file], include_bundled=False, sources=sources,
                                 data_dir=data_dir)
    bad_lines = {}
    for issue in report.issues:
        bad_lines.setdefault(issue.line, []).append(
            f"column {issue.column!r}: value {issue.value!r}: expected {issue.expected}")
    written, problems = [], []
    for line, row in enumerate(rows.to_dict("records"), start=2):
        if line in bad_lines:
            problems.append(f"row {row['id']} ({row['value_raw']!r}): "
                            + "; ".join(bad_lines[line]))
        elif row["id"] in existing_ids:
            problems.append(f"row {row['id']} ({row['value_raw']!r}): column 'id': "
                            f"expected an id not already in {path}")
        else:
            written.append(row)
            existing_ids.add(row["id"])
    frame = pd.DataFrame(written, columns=list(schema.TARGET_COLUMNS))
    if written:
        new_file = not path.exists() or path.stat().st_size == 0
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8", newline="") as handle:
            frame.to_csv(handle, index=False, header=new_file)
    return frame, problems


def extract_command(files: list[str], *, region: str | None = None, date: str | None = None,
                    source_id: str | None = None, fmt: str = "csv", output: str | None = None,
                    append: str | None = None, out: TextIO | None = None,
                    err: TextIO | None = None) -> int:
    """``hy-analysis extract``: print (or write) the candidates of each file; optionally append.

    Parameters
    ----------
    files : list of str
        Documents (.txt, .html, .docx, .pdf).
    region, date, source_id : str, optional
        As for :func:`hy_analysis.extract`.
    fmt : {"csv", "json"}
    output : str, optional
        File to write instead of standard output.
    append : str, optional
        User data file to append the valid candidate rows to (see :func:`append_rows`).
    out, err : file-like, optional
        Standard output and error (for tests).

    Returns
    -------
    int
        0 when every file was read (and every row appended), 1 when some rows were rejected
        by validation, 2 when a file could not be read.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    if fmt not in FORMATS:
        raise ValueError(f"--format: expected one of {FORMATS}, got {fmt!r}")
    frames = []
    status = 0
    for name in files:
        try:
            frame = extract(Path(name), region=region, date=date, source_id=source_id)
        except DataFileError as exc:
            print(f"hy-analysis: error: {exc}", file=err)
            status = 2
            continue
        if len(files) > 1:
            frame.insert(0, "document", name)
        frames.append(frame)
    columns = (["document"] if len(files) > 1 else []) + list(CANDIDATE_COLUMNS)
    result = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    buffer = io.StringIO()
    if fmt == "csv":
        result.to_csv(buffer, index=False)
    else:
        result.to_json(buffer, orient="records", force_ascii=False, indent=1)
        buffer.write("\n")
    if output:
        Path(output).write_text(buffer.getvalue(), encoding="utf-8")
        print(f"{len(result)} candidate(s) written to {output}", file=err)
    else:
        out.write(buffer.getvalue())
    if append and frames:
        rows = to_target_rows(result, source_id=source_id)
        written, problems = append_rows(rows, append)
        for problem in problems:
            print(f"not appended: {problem}", file=err)
        print(f"{len(written)} row(s) appended to {append}, {len(problems)} rejected", file=err)
        if problems:
            status = max(status, 1)
    return status
