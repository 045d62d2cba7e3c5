"""Helpers the test modules import (``from helpers import ...``; pytest puts tests/ on the
path). Fixtures live in conftest.py; plain functions a test calls with its own text, here."""

from __future__ import annotations

import csv
from pathlib import Path

from hy_analysis.extraction import extract


def by_raw(text: str, date: str = "2024-12-20", column: str | None = None) -> dict:
    """The rows :func:`hy_analysis.extraction.extract` finds in ``text``, by ``value_raw``.

    Parameters
    ----------
    text : str
        The test's own sentences.
    date : str
        The document's date, ``YYYY-MM-DD`` (default: late 2024, after the years the
        sentences of most tests speak of).
    column : str, optional
        Give only this column of each row (``"indicator"``, ``"kind"``, ...).

    Returns
    -------
    dict
        ``value_raw`` -> the row (a namedtuple of the frame's columns), or its ``column``.
        A figure written twice keeps its last row.
    """
    rows = extract(text, date=date)
    if column is None:
        return {r.value_raw: r for r in rows.itertuples()}
    return dict(zip(rows["value_raw"], rows[column]))


#: The annotated development set (texts read at run time, never copied into tests).
DEVSET = Path(__file__).parent / "fixtures" / "devset"


def _dev_names() -> list[str]:
    with open(DEVSET / "manifest.csv", encoding="utf-8") as handle:
        return sorted(row["file"] for row in csv.DictReader(handle)
                      if row["folder"] == "provinces" and row["split"] == "dev")


def dev_texts(limit: int | None = None) -> list[str]:
    """The development split's texts of ``provinces/`` in file order, the first ``limit``
    (held-out documents are never read)."""
    return [(DEVSET / "provinces" / name).read_text(encoding="utf-8")
            for name in _dev_names()[:limit]]


def dev_text(size: int) -> str:
    """The development split's texts of ``provinces/`` joined by blank lines until ``size``
    characters are reached (the text that reaches it kept whole; the set read again if it is
    shorter)."""
    names, parts, total = _dev_names(), [], 0
    while total < size:
        for name in names:
            parts.append((DEVSET / "provinces" / name).read_text(encoding="utf-8"))
            total += len(parts[-1]) + 2
            if total >= size:
                break
    return "\n\n".join(parts)
