"""The words of the shared pages and the index, by language (vi/en).

The words themselves are data: message catalogues in ``hy_analysis/assets/messages/``
(``page.csv``, ``index.csv``), read by :func:`hy_analysis.vocabulary.messages` (what an
empty parameter means is :meth:`hy_analysis.params.Param.none_label`).
"""

from __future__ import annotations

from ..vocabulary import messages

__all__ = ["PAGE_TEXTS", "INDEX_TEXTS"]

#: The catalogue of a shared page's words.
PAGE_TEXTS = "page"
#: The catalogue of the index page's words.
INDEX_TEXTS = "index"
