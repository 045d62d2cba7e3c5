"""Self-contained HTML for sharing, its page assets, the index of runs and the Excel exports.

- :mod:`.page`: one executed notebook -> one offline page in its reader's language, with a
  reader's header, a closing "technical details" section and a print stylesheet.
- :mod:`.index`: ``outputs/index.html``, every run grouped by analysis.
- :mod:`.excel`: the tables of a report as an ``.xlsx`` workbook beside its page.

Nothing heavy is imported here: the kernel reads :data:`TABLE_MIME` and
:func:`datatables_language` without loading nbconvert or openpyxl.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["render_notebook_html", "strip_remote_resources", "render_index", "write_index",
           "format_value", "write_workbook", "report_tables", "report_info",
           "datatables_language", "TABLE_MIME", "FAILED_CELL_TAG", "HIDE_INPUT_TAG",
           "LANG_TAGS"]

#: The display type that carries a table's values beside its HTML (read by the Excel export).
TABLE_MIME = "application/vnd.hy-analysis.table+json"
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


@lru_cache(maxsize=2)
def _bundled_vi() -> str:
    return resources.files(__name__).joinpath("assets/datatables-vi.json").read_text("utf-8")


def datatables_language(lang: str) -> dict:
    """DataTables' interface strings in ``lang``, with the locale's number marks.

    Vietnamese comes from DataTables' own language file (``assets/datatables-vi.json``,
    bundled: no request at run time or in the page). ``decimal`` and ``thousands`` are set
    so that numbers written by Babel (``1.234,5`` / ``1,234.5``) sort as numbers.

    Examples
    --------
    >>> datatables_language("vi")["search"], datatables_language("en")["decimal"]
    ('Tìm kiếm:', '.')
    """
    if lang == "vi":
        language = json.loads(_bundled_vi())
        # Only the strings a plain table shows: the file also translates extensions we do
        # not load (editor, buttons...), which would only weigh on every table.
        keep = ("aria", "emptyTable", "info", "infoEmpty", "infoFiltered", "infoPostFix",
                "infoThousands", "lengthMenu", "loadingRecords", "processing", "search",
                "zeroRecords", "paginate")
        language = {k: v for k, v in language.items() if k in keep}
        language.update(decimal=",", thousands=".")
        # The file names no sort action for screen readers; DataTables would say it in English.
        language["aria"] = {**language.get("aria", {}),
                            "orderable": ": bấm để sắp xếp",
                            "orderableReverse": ": bấm để sắp xếp ngược",
                            "orderableRemove": ": bấm để bỏ sắp xếp"}
        return language
    return {"decimal": ".", "thousands": ",", "info": "Rows _START_ to _END_ of _TOTAL_",
            "lengthMenu": "_MENU_ rows per page", "infoFiltered": "(filtered from _MAX_)"}
