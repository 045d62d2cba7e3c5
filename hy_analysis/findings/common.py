"""Helpers every findings family shares: escaping, naming sources, message tables.

Data-derived strings are escaped exactly once, here, when they enter a finding; the display
layer shows the Markdown as it is.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Iterable

import pandas as pd

from ..vocabulary import check_lang

__all__ = ["md_escape", "messages", "source_name", "sources_text"]


def md_escape(value: object) -> str:
    """Escape a data-derived string for Markdown/HTML output (``<``, ``&``, ``|``, ``*``...).

    Examples
    --------
    >>> md_escape("<b>a|b</b>")
    '&lt;b&gt;a\\\\|b&lt;/b&gt;'
    """
    text = escape(str(value))
    for char in "\\`*_[]|#":
        text = text.replace(char, "\\" + char)
    return text


def messages(table: dict[str, dict[str, str]], lang: str) -> dict[str, str]:
    """The message table of ``lang`` (after the one language check).

    Parameters
    ----------
    table : dict
        ``{"vi": {key: template}, "en": {key: template}}``.
    lang : {"vi", "en"}

    Returns
    -------
    dict
        Key -> template (``str.format`` fields) in ``lang``.
    """
    return table[check_lang(lang)]


def source_name(source_id: str, sources: pd.DataFrame | None, *, number: bool = True) -> str:
    """A short name of a source for labels and tables.

    Parameters
    ----------
    source_id : str
        A ``source_id``; of a ``"a; b"`` list only the first is named.
    sources : DataFrame or None
        From :func:`hy_analysis.load_sources`; without it (or without its ``id`` column) the
        id is returned as given.
    number : bool
        Prefer the document number (``87/KH-UBND``); when false, or when the source has no
        number, the outlet (the issuer without its parenthesis).

    Returns
    -------
    str
        The name, or the id itself when the source is unknown.
    """
    if sources is None or "id" not in sources.columns or not source_id:
        return source_id
    first = str(source_id).split("; ")[0]
    row = _source_index(sources).get(first)
    if row is None:
        return first
    doc_number, issuer = row
    return (doc_number if number else "") or issuer.split(" (")[0] or first


def _source_index(sources: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """``{id: (doc_number, issuer)}`` of ``sources``, the first row of each id.

    Read from the frame's current values at each call (a frame edited in place is seen) and
    built once per distinct content.
    """
    return _index_of(tuple(zip(sources["id"].tolist(), sources["doc_number"].tolist(),
                               sources["issuer"].tolist())))


@lru_cache(maxsize=8)
def _index_of(rows: tuple) -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for sid, doc_number, issuer in rows:
        index.setdefault(sid, (str(doc_number), str(issuer)))
    return index


def sources_text(source_ids: Iterable[str], sources: pd.DataFrame | None = None) -> str:
    """Name the sources of a finding: document numbers or outlets; without ``sources``, ids.

    Examples
    --------
    >>> sources_text(["a; b", "a"])
    '`a`, `b`'
    """
    ids = dict.fromkeys(x for part in source_ids for x in str(part).split("; ") if x)
    if sources is None:
        return ", ".join(f"`{md_escape(s)}`" for s in ids)
    return ", ".join(md_escape(source_name(s, sources)) for s in ids)
