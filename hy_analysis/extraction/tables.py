"""Tables written as text: cells separated by ``|``, one per line or one row per line.

Pure. A table is recognised by a header row in which at least one cell names a year or a period
(``2021-2025``); each later row is a label followed by one cell per header column. Labels carry
the unit in parentheses (``(USD)``, ``(%/năm)``) and may be marked ``*``; a legend such as
``(*) tính đến cuối kỳ`` ("at the end of the period") makes the marked rows end-of-period levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import CUES

__all__ = ["Cell", "find_table_cells"]

_UNIT_IN_LABEL = re.compile(r"\(([^()]*)\)\s*\*?\s*$")
_LABEL_UNITS = {"usd": "USD", "usd/người": "USD/person", "triệu đồng/người": "VND/person",
                "%": "percent", "%/năm": "percent", "% grdp": "percent", "ha": "ha",
                "tỷ đồng": "VND", "triệu usd": "USD", "lần": "times"}
_LABEL_SCALES = {"triệu usd": "triệu USD", "tỷ đồng": "tỷ đồng", "triệu đồng/người": "triệu đồng"}


@dataclass(frozen=True)
class Cell:
    """A data cell of a text table with what its row and column say about it.

    Attributes
    ----------
    start, end : int
        Offsets of the cell's text in the document.
    label : str
        The row label (with its parent's for a ``-`` sub-row), e.g. ``"Cơ cấu kinh tế (% GRDP)*
        Nông nghiệp, thủy sản"``.
    label_start, label_end : int
        Offsets of the row's own label.
    period_start, period_end : int
        The column header's years.
    unit : str or None
        Unit named in the label's parentheses, for bare numbers.
    scale_words : str or None
        Scale and currency words of the label's unit (``"tỷ đồng"``) to read a bare number with.
    end_of_period : bool
        The row is marked as a value at the end of the period.
    """

    start: int
    end: int
    label: str
    label_start: int
    label_end: int
    period_start: int
    period_end: int
    unit: str | None
    scale_words: str | None
    end_of_period: bool


def _cells(text: str) -> list[tuple[int, int, str]]:
    """Split text into cells at ``|``: (start, end, stripped text).

    Empty cells and Markdown rules (``|---|---|``) are skipped, so one-cell-per-line tables,
    ``a | b |`` rows and Markdown ``| a | b |`` rows give the same cells.
    """
    out = []
    pos = 0
    for m in re.finditer(r"\|", text + "|"):
        raw = text[pos:m.start()]
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        pos = m.end()
        if not stripped or re.fullmatch(r"[-:=\s]+", stripped):
            continue
        out.append((m.start() - len(raw) + lead, m.start() - len(raw) + lead + len(stripped),
                    stripped))
    return out


def find_table_cells(text: str) -> list[Cell]:
    """Data cells of every period table in ``text``.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Cell

    Examples
    --------
    >>> cells = find_table_cells("Chỉ tiêu\\n|\\n2021-2025\\n|\\n2026-2030\\n|\\n"
    ...                          "Tỷ lệ đô thị hóa*\\n|\\nTrên 48%\\n|\\nTrên 58%\\n|\\n"
    ...                          "Ghi chú: (*) tính đến cuối kỳ")
    >>> [(c.period_start, c.period_end, c.end_of_period) for c in cells]
    [(2021, 2025, True), (2026, 2030, True)]
    """
    if "|" not in text:
        return []
    starred_is_end = bool(CUES.END_OF_PERIOD_LEGEND.search(text))
    cells = _cells(text)
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        # A header: a label cell followed by period cells.
        periods = []
        j = i + 1
        while j < len(cells) and (m := CUES.PERIOD_RE.match(cells[j][2])):
            periods.append((int(m[1]), int(m[2] or m[1])))
            j += 1
        if not periods:
            i += 1
            continue
        width = len(periods)
        parent = ""
        parent_starred = False
        k = j
        while k + width < len(cells) + 1:
            row = cells[k:k + 1 + width]
            if len(row) < 1 + width:
                break
            label_start, label_end, label = row[0]
            values = row[1:]
            if not label or len(label) > 300 or not all(v[2] and len(v[2]) < 40
                                                         and re.search(r"\d", v[2])
                                                         for v in values):
                break
            # The table ends where the label cell runs into prose: keep its last line only.
            is_sub = label.lstrip().startswith(("-", "+", "•"))
            starred = label.rstrip().endswith("*") or "(*)" in label
            if not is_sub:
                parent, parent_starred = label, starred
            full = f"{parent} {label}" if is_sub else label
            unit_m = _UNIT_IN_LABEL.search(label) or (
                _UNIT_IN_LABEL.search(parent) if is_sub else None)
            unit_words = unit_m[1].strip().lower() if unit_m else ""
            for (vs, ve, _), (p0, p1) in zip(values, periods):
                out.append(Cell(vs, ve, re.sub(r"\s+", " ", full).strip(), label_start, label_end,
                                p0, p1, _LABEL_UNITS.get(unit_words),
                                _LABEL_SCALES.get(unit_words),
                                starred_is_end and (starred or (is_sub and parent_starred))))
            k += 1 + width
        i = max(k, i + 1)
    return out
