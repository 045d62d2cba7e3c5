"""Readers at the edge: a document file -> its text, as Unicode NFC.

.txt (UTF-8 or UTF-16, with or without BOM; TCVN3/VNI legacy text converted), .html/.htm (the
article text, via trafilatura), .docx (python-docx: paragraphs, then table rows with cells joined
by ``|``) and .pdf with a text layer (pypdf). The libraries are imported only when a file of
their kind is read.

Every problem with a file is a :class:`~hy_analysis.exceptions.DataFileError` whose message is
one line naming the file: missing, empty, too big, not of its kind, encrypted, truncated, a
Word part too big once uncompressed or declaring XML entities (billion laughs), a legacy
encoding that cannot be converted. A file converted from a legacy encoding is reported by a
:class:`LegacyEncodingWarning`.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
import warnings
import zipfile
from contextlib import contextmanager
from pathlib import Path

from ..exceptions import DataFileError
from .encodings import LegacyEncodingError, to_unicode

__all__ = ["read_document", "READERS", "MAX_FILE_BYTES", "MAX_PART_BYTES",
           "LegacyEncodingWarning"]

#: Largest document file read (bytes): a 20 MB report fits with room to spare.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Largest part of a .docx once uncompressed (bytes): ZIP bombs stop here, not in memory.
MAX_PART_BYTES = 64 * 1024 * 1024


class LegacyEncodingWarning(UserWarning):
    """A document was converted from a legacy Vietnamese encoding (TCVN3, VNI)."""


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def _unicode(path: Path, text: str) -> str:
    """NFC text, converted from TCVN3/VNI when written in one (said by a warning)."""
    try:
        text, legacy = to_unicode(text)
    except LegacyEncodingError as error:
        raise DataFileError(f"{path}: {error}; convert it to Unicode first (e.g. with "
                            "UniKey's converter)") from None
    if legacy:
        warnings.warn(f"{path}: converted from the legacy {legacy} encoding to Unicode; "
                      "check the figures' words", LegacyEncodingWarning, stacklevel=3)
    return text


def _decode(path: Path, data: bytes) -> str:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="strict")
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        return data.decode("utf-16-le")  # UTF-16 without BOM: ASCII halves are zero bytes
    if len(data) >= 4 and data[0::2].count(0) > len(data) // 4:
        return data.decode("utf-16-be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        # An 8-bit legacy Vietnamese file (TCVN3, VNI) is Latin-1 bytes drawn by its font.
        latin = data.decode("latin-1")
        from .encodings import detect_legacy

        if detect_legacy(latin):
            return latin
        raise DataFileError(f"{path}: not UTF-8 or UTF-16 text, nor TCVN3/VNI (byte "
                            f"{error.start}); save the document as UTF-8") from None


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise DataFileError(f"{path}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise DataFileError(f"{path}: {_mb(size)} is more than the {_mb(MAX_FILE_BYTES)} a "
                            "document may have; split it")
    return path.read_bytes()


def _read_txt(path: Path) -> str:
    try:
        return _unicode(path, _decode(path, _read_bytes(path)))
    except UnicodeDecodeError as error:
        raise DataFileError(f"{path}: not valid {error.encoding} text (byte {error.start}); "
                            "save the document as UTF-8") from None


# An inline image (data: URI) of tens of MB makes the HTML parser stop at it, silently losing
# the text after it; the article's text never needs it.
_DATA_URI = re.compile(r"data:[\w/+.-]+(?:;[\w=.-]+)*,[^\"'\s)>]{256,}")


def _read_html(path: Path) -> str:
    import trafilatura

    html = _DATA_URI.sub("data:,", _read_txt(path))
    limit = trafilatura.settings.DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE",
                                                       fallback=20_000_000)
    if len(html) > limit:
        raise DataFileError(f"{path}: the page is {_mb(len(html))} without inline images, more "
                            f"than the {_mb(limit)} the HTML reader takes; save its text as .txt")
    text = trafilatura.extract(html, include_tables=True, include_comments=False,
                               favor_recall=True)
    if not text:
        raise DataFileError(f"{path}: no article text found in the page")
    return unicodedata.normalize("NFC", text)


def _check_docx(path: Path) -> None:
    """Refuse what is not a Word document, or would blow up once uncompressed or parsed."""
    _read_bytes(path)  # empty and too-big files
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise DataFileError(f"{path}: not a Word document (.docx is a ZIP archive; an old .doc "
                            "must be saved as .docx first)") from None
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise DataFileError(f"{path}: not a Word document (no word/document.xml inside)")
        for info in archive.infolist():
            if info.file_size > MAX_PART_BYTES:
                raise DataFileError(f"{path}: its part {info.filename} is {_mb(info.file_size)} "
                                    f"uncompressed, more than the {_mb(MAX_PART_BYTES)} limit")
            if info.filename.endswith((".xml", ".rels")):
                with archive.open(info) as part:
                    head = part.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    # Word never writes a DTD; entities are how "billion laughs" expands.
                    raise DataFileError(f"{path}: its part {info.filename} declares XML "
                                        "entities (a DTD), which Word never writes; refused")


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:160]}" if text else type(error).__name__


def _read_docx(path: Path) -> str:
    _check_docx(path)
    import docx

    try:
        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.append(" | ".join(cell.text.strip() for cell in row.cells) + " |")
    except Exception as error:  # noqa: BLE001 - the library's own errors, named in one line
        raise DataFileError(f"{path}: cannot read the Word document ({_one_line(error)})") \
            from None
    return _unicode(path, "\n".join(parts))


@contextmanager
def _quiet(logger_name: str):
    """Keep a library's warnings about a damaged file off the terminal: the error says it."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _read_pdf(path: Path) -> str:
    _read_bytes(path)
    import pypdf

    try:
        with _quiet("pypdf"):
            reader = pypdf.PdfReader(str(path))
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")  # an owner password alone still lets us read
                except Exception:  # noqa: BLE001 - e.g. AES needs the cryptography package
                    opened = 0
                if not opened:
                    raise DataFileError(f"{path}: the PDF is encrypted (password-protected); "
                                        "save an unprotected copy or give its text as .txt")
            text = "\n".join(page.extract_text() or "" for page in reader.pages)
            pages = len(reader.pages)
    except DataFileError:
        raise
    except Exception as error:  # noqa: BLE001 - truncated or damaged files, named in one line
        raise DataFileError(f"{path}: cannot read the PDF, damaged or truncated? "
                            f"({_one_line(error)})") from None
    if not text.strip():
        raise DataFileError(
            f"{path}: the PDF has no text layer (a scanned image, {pages} page(s)); "
            "run OCR on it first (e.g. ocrmypdf) or give the text as a .txt file"
        )
    return _unicode(path, text)


#: File suffix -> reader function.
READERS = {".txt": _read_txt, ".text": _read_txt, ".md": _read_txt, ".html": _read_html,
           ".htm": _read_html, ".docx": _read_docx, ".pdf": _read_pdf}


def read_document(path) -> str:
    """The text of a document file, as Unicode NFC.

    Parameters
    ----------
    path : path-like
        A .txt/.md, .html/.htm, .docx or .pdf file of at most :data:`MAX_FILE_BYTES`.

    Returns
    -------
    str
        NFC text; a TCVN3 or VNI text is converted to Unicode (and a
        :class:`LegacyEncodingWarning` says so).

    Raises
    ------
    DataFileError
        If the file is missing, empty, too big, of an unknown kind, not decodable, damaged,
        encrypted, a PDF without text, or a .docx whose parts are too big or declare entities.
        The message is one line and names the file.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DataFileError(f"{path}: cannot read files of kind {path.suffix!r}; expected one of "
                            f"{', '.join(sorted(READERS))}")
    if not path.is_file():
        raise DataFileError(f"{path}: no such file")
    try:
        return reader(path)
    except OSError as error:
        raise DataFileError(f"{path}: cannot be read ({error.strerror or error})") from None
