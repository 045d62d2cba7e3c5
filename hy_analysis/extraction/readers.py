"""Readers at the edge: a document file -> its text.

.txt (UTF-8 or UTF-16, with or without BOM), .html/.htm (the article text, via trafilatura),
.docx (python-docx: paragraphs, then table rows with cells joined by ``|``) and .pdf with a text
layer (pypdf). The libraries are imported only when a file of their kind is read.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..exceptions import DataFileError

__all__ = ["read_document", "READERS"]


def _read_txt(path: Path) -> str:
    data = path.read_bytes()
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        return data.decode("utf-16-le")  # UTF-16 without BOM: ASCII halves are zero bytes
    if len(data) >= 4 and data[0::2].count(0) > len(data) // 4:
        return data.decode("utf-16-be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError(f"{path}: not UTF-8 or UTF-16 text (byte {error.start}); save the "
                            "document as UTF-8") from None


def _read_html(path: Path) -> str:
    import trafilatura

    html = _read_txt(path)
    text = trafilatura.extract(html, include_tables=True, include_comments=False,
                               favor_recall=True)
    if not text:
        raise DataFileError(f"{path}: no article text found in the page")
    return text


def _read_docx(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text.strip() for cell in row.cells) + " |")
    return "\n".join(parts)


def _read_pdf(path: Path) -> str:
    import pypdf

    reader = pypdf.PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    if not text.strip():
        raise DataFileError(
            f"{path}: the PDF has no text layer (a scanned image, {len(reader.pages)} page(s)); "
            "run OCR on it first (e.g. ocrmypdf) or give the text as a .txt file"
        )
    return text


#: File suffix -> reader function.
READERS = {".txt": _read_txt, ".text": _read_txt, ".md": _read_txt, ".html": _read_html,
           ".htm": _read_html, ".docx": _read_docx, ".pdf": _read_pdf}


def read_document(path) -> str:
    """The text of a document file.

    Parameters
    ----------
    path : path-like
        A .txt/.md, .html/.htm, .docx or .pdf file.

    Returns
    -------
    str

    Raises
    ------
    DataFileError
        If the file is missing, of an unknown kind, not decodable, or a PDF without text.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DataFileError(f"{path}: cannot read files of kind {path.suffix!r}; expected one of "
                            f"{', '.join(sorted(READERS))}")
    if not path.is_file():
        raise DataFileError(f"{path}: no such file")
    return reader(path)
