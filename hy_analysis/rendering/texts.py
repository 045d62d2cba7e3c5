"""The words of the shared pages and the index, by language (vi/en).

The words themselves are data: message catalogues in ``hy_analysis/assets/messages/``
(``page.csv``, ``index.csv``, ``none-words.csv``), read by
:func:`hy_analysis.vocabulary.messages`.
"""

from __future__ import annotations

from ..vocabulary import messages

__all__ = ["PAGE_TEXTS", "INDEX_TEXTS", "none_words"]

#: The catalogue of a shared page's words.
PAGE_TEXTS = "page"
#: The catalogue of the index page's words.
INDEX_TEXTS = "index"
#: How an empty choice reads, per parameter (the meaning its ``help`` gives to None); ``_``
#: for every other parameter.
_NONE_WORDS = "none-words"


def none_words(name: str, lang: str) -> str:
    """What an empty value of parameter ``name`` means, in ``lang``.

    Examples
    --------
    >>> none_words("as_of", "en"), none_words("baseline_year", "vi")
    ('latest year with data', 'không có')
    """
    words = messages(_NONE_WORDS, lang)
    return words.get(name, words["_"])
