"""Assets that both a report's kernel and its page use: the table payload's MIME type and
DataTables' interface strings (its own Vietnamese language file, bundled in ``assets/``).

The kernel's display layer formats tables with them and the rendering layer reads them back, so
they stand at the top of the layer order, above both.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources

__all__ = ["TABLE_MIME", "DATATABLES_URL_ENV", "datatables_language", "datatables_url"]

#: The display type that carries a table's values beside its HTML (read by the Excel export).
TABLE_MIME = "application/vnd.hy-analysis.table+json"
#: Set by ``hy-analysis serve`` for its kernels: the address, on the dashboard's own server,
#: of the DataTables bundle tables import (the page then carries no inline copy of it).
DATATABLES_URL_ENV = "HY_DATATABLES_URL"


def datatables_url() -> str | None:
    """Where tables load DataTables from: the dashboard's server, or ``None`` (inline).

    A dashboard page gets the bundle (about 1 MB) from its server, once for every page the
    browser opens, instead of inline in each page before its first chart. Everywhere else
    (JupyterLab, shared HTML) it is inline, so tables work offline.
    """
    url = os.environ.get(DATATABLES_URL_ENV, "")
    # Only a path on the page's own server: never a bundle from elsewhere.
    return url if url.startswith("/") and not url.startswith("//") and url.endswith(".js") \
        else None


@lru_cache(maxsize=2)
def _bundled_vi() -> str:
    return resources.files("hy_analysis").joinpath("assets/datatables-vi.json").read_text("utf-8")


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
