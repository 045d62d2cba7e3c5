"""Helpers the test modules import (``from helpers import ...``; pytest puts tests/ on the
path). Fixtures live in conftest.py; plain functions a test calls with its own text, here."""

from __future__ import annotations

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
