"""Extraction: document text -> candidate figure rows (pure), with readers for files at the edge.

The stable API, for the command line and for a review notebook:

- :func:`extract` ``(text_or_path, *, region=None, date=None, source_id=None)`` -> one
  candidate row per figure (columns :data:`CANDIDATE_COLUMNS`; ``char_start``/``char_end``
  locate ``value_raw`` in the text, for highlighting it in place);
- :func:`read_document` ``(path)`` -> the text ``extract`` reads from a file (so offsets
  refer to it);
- :func:`to_target_rows` ``(candidates, *, source_id=None)`` -> the accepted rows in the
  columns of data/targets.csv;
- :func:`append_rows` ``(rows, path)`` -> validates them like any user file and appends the
  valid ones, returning the rows written and one message per rejected row.

Modules: ``figures`` (numbers that are figures, via :func:`hy_analysis.parse_value`),
``tables`` (text tables), ``reading`` (sentence, period, kind, measure, phrases), ``cues``
(the words the rules look for, regexes of ``cues.toml``), ``core``
(``extract``), ``readers`` (.txt/.html/.docx/.pdf), ``rows`` (several files, CSV/JSON text, target
rows, appending; the ``hy-analysis extract`` command prints them).
"""

from .core import CANDIDATE_COLUMNS, extract
from .readers import read_document
from .rows import append_rows, extract_files, to_target_rows, to_text

__all__ = ["extract", "read_document", "extract_files", "to_text", "to_target_rows",
           "append_rows", "CANDIDATE_COLUMNS"]
