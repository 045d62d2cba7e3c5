"""A report's tables as an Excel workbook: one formatted sheet per table, with its sources.

The tables come from the executed notebook itself: :func:`hy_analysis.display.show_table`
puts each table's values beside its HTML (:data:`TABLE_MIME`), so the workbook holds exactly
the tables the page shows, numbers as numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..vocabulary import messages
from . import LANG_TAGS, TABLE_MIME

__all__ = ["report_tables", "write_workbook"]

#: The words, in hy_analysis/assets/messages/excel.csv (vi and en side by side).
_TEXTS = "excel"


def report_tables(nb, *, lang: str = "vi") -> list[dict]:
    """Every table a run displayed (:data:`TABLE_MIME` payloads), in page order.

    Each payload gains ``section``: the heading above the table in ``lang`` (the sheet's
    name when the table has no caption).
    """
    other = {t for k, t in LANG_TAGS.items() if k != lang}
    found, section = [], ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            if not set(cell.metadata.get("tags", [])) & other:
                heads = re.findall(r"^#{2,3}\s+(.+)$", cell.source, re.MULTILINE)
                section = heads[-1].strip() if heads else section
            continue
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            payload = (output.get("data") or {}).get(TABLE_MIME)
            if payload:
                found.append({**payload, "section": section})
    return found


#: The sources sheet's columns, of data/sources.csv.
_SOURCE_COLUMNS = ("id", "doc_number", "title", "issuer", "date", "url")


def _sources_sheet(book, sources, texts, bold, fill) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(texts["sources"][:31])
    if hasattr(sources, "to_dict"):  # a DataFrame of load_sources
        present, sources = set(sources.columns), sources.to_dict("records")
    else:  # rows of hy_analysis.rows.source_rows
        present = {c for row in sources for c in row}
    columns = [c for c in _SOURCE_COLUMNS if c in present]
    for j, name in enumerate(texts[f"source_columns.{c}"] for c in columns):
        cell = sheet.cell(row=1, column=j + 1, value=name)
        cell.font, cell.fill = bold, fill
    for r, row in enumerate(sources, start=2):
        for j, column in enumerate(columns, start=1):
            value = row.get(column)
            text = "" if value is None or str(value) == "nan" else str(value)
            cell = sheet.cell(row=r, column=j, value=text)
            if column == "url" and text.startswith("http"):
                cell.hyperlink, cell.font = text, Font(color="0563C1", underline="single")
    for letter, width in zip("ABCDEF", (24, 16, 60, 36, 12, 50)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def _sheet_name(text: str, index: int, used: set[str]) -> str:
    """``"2. Các nguồn có nói khác"``: numbered, at most Excel's 31 characters, whole words."""
    base = " ".join(re.sub(r"[\[\]:*?/\\]", " ", text).split()) or f"{index}"
    limit = 31 - len(f"{index}. ")
    if len(base) > limit:
        base = base[:limit + 1].rsplit(" ", 1)[0] if " " in base[:limit + 1] else base[:limit]
    name, n = f"{index}. {base}".rstrip(" ,;?"), 2
    while name in used:
        name, n = f"{index}.{n} {base}"[:31], n + 1
    used.add(name)
    return name


def write_workbook(tables: list[dict], path: str | Path, *, title: str,
                   lang: str = "vi", sources=None) -> Path:
    """Write ``tables`` to ``path`` as an ``.xlsx`` workbook.

    Parameters
    ----------
    tables : list of dict
        From :func:`report_tables`: ``caption``, ``columns``, ``rows``.
    path : path
        The workbook to write (replaced atomically).
    title : str
        The report's title, written on the first sheet.
    lang : {"vi", "en"}
        Language of the first sheet's words.
    sources : DataFrame or list of dict, optional
        :func:`hy_analysis.load_sources`, or its rows without pandas
        (:func:`hy_analysis.rows.source_rows`): a last sheet lists every document (number,
        title, issuer, date, link) so a table's source names can be looked up.

    Returns
    -------
    Path
        ``path``.
    """
    import os

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    texts = messages(_TEXTS, lang if lang in LANG_TAGS else "vi")
    path = Path(path)
    book = Workbook()
    about = book.active
    about.title = texts["about"]
    about["A1"] = title
    about["A1"].font = Font(bold=True, size=14)
    about["A2"] = texts["note"]
    about["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    about.row_dimensions[2].height = 45
    about["A4"] = texts["made"]
    about["A4"].font = Font(bold=True)
    used = {about.title}
    bold, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79")
    for i, table in enumerate(tables, start=1):
        caption = table.get("caption") or table.get("section") or ""
        name = re.sub(r"^\d+\.\s*", "", caption) or texts["table"]
        sheet = book.create_sheet(_sheet_name(name, i, used))
        about.cell(row=4 + i, column=1, value=f"{sheet.title}: {caption}")
        start = 1
        if caption:
            sheet.cell(row=1, column=1, value=caption).font = Font(bold=True, size=12)
            start = 3
        for j, name in enumerate(table["columns"], start=1):
            cell = sheet.cell(row=start, column=j, value=name)
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        widths = [len(str(c)) for c in table["columns"]]
        for r, row in enumerate(table["rows"], start=start + 1):
            for j, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=j, value=value)
                if isinstance(value, int):
                    cell.number_format = "#,##0"
                elif isinstance(value, float):
                    cell.number_format = "#,##0.0#"
                else:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                widths[j - 1] = max(widths[j - 1], min(len(str(value or "")), 60))
        for j, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(j)].width = max(8, min(width + 2, 62))
        sheet.freeze_panes = sheet.cell(row=start + 1, column=1)
        # Printed from Excel: A4 landscape, as wide as the page, header row on every page.
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.print_title_rows = f"{start}:{start}"
        if table["columns"]:
            sheet.auto_filter.ref = (f"A{start}:{get_column_letter(len(table['columns']))}"
                                     f"{start + len(table['rows'])}")
    about.column_dimensions["A"].width = 90
    if sources is not None and len(sources):
        _sources_sheet(book, sources, texts, bold, fill)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    book.save(tmp)
    os.replace(tmp, path)
    return path
