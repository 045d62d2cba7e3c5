"""Self-contained HTML for sharing, its page assets, the index of runs and the Excel exports.

- :mod:`.page`: one executed notebook -> one offline page in its reader's language, with a
  reader's header, a closing "technical details" section and a print stylesheet.
- :mod:`.index`: ``outputs/index.html``, every run grouped by analysis.
- :mod:`.excel`: the tables of a report as an ``.xlsx`` workbook beside its page.

Nothing heavy is imported here. :data:`TABLE_MIME` and :func:`datatables_language` live in
:mod:`hy_analysis.page_assets`, which the kernel's display layer reads.
"""

from __future__ import annotations

# Defined where the kernel's display layer can read them (it stands above rendering).
from ..page_assets import TABLE_MIME, datatables_language

__all__ = ["render_notebook_html", "strip_remote_resources", "render_index", "write_index",
           "format_value", "write_workbook", "report_tables", "report_info",
           "datatables_language", "TABLE_MIME", "FAILED_CELL_TAG", "HIDE_INPUT_TAG",
           "LANG_TAGS"]

#: Tag of a markdown cell written in one language; the other language's cells are removed.
LANG_TAGS = {"vi": "lang-vi", "en": "lang-en"}
#: Tag given to the cell where a run stopped; the page highlights it.
FAILED_CELL_TAG = "hy-failed-cell"
#: Tag given to code cells whose source is hidden in report mode.
HIDE_INPUT_TAG = "hy-hide-input"

_LAZY = {"render_notebook_html": "page", "strip_remote_resources": "page",
         "format_value": "page", "report_info": "page", "render_index": "index",
         "write_index": "index", "write_workbook": "excel", "report_tables": "excel"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


