"""Extraction: document text -> candidate figure rows (pure), with readers for files at the edge.

``extract(text_or_path, *, region=None, date=None, source_id=None)`` is the entry point; see
:func:`hy_analysis.extraction.core.extract`.
"""

from .core import CANDIDATE_COLUMNS, extract
from .readers import read_document

__all__ = ["extract", "read_document", "CANDIDATE_COLUMNS"]
