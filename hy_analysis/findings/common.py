"""Helpers every findings family shares: escaping, naming sources, message tables.

Data-derived strings are escaped exactly once, here, when they enter a finding; the display
layer shows the Markdown as it is.
"""

from __future__ import annotations

import functools
import inspect
import re
from functools import lru_cache
from html import escape
from typing import Iterable

import pandas as pd

from ..docstrings import with_parameters, with_returns
from ..vocabulary import messages  # re-exported: the one lookup of a message table
from .format import format_as_of

__all__ = ["md_escape", "messages", "source_name", "source_names", "sources_text", "cited_columns",
           "source_language", "locator_text",
           "BASIS_LABELS", "basis_label", "finding", "opened", "TEXT_PARAMETERS"]

#: How each definition (``basis`` of targets.csv, :data:`hy_analysis.schema.BASES`) is named;
#: ``""`` is the indicator's own definition.
BASIS_LABELS = {
    "vi": {"": "định nghĩa chung của chỉ tiêu",
           "excl_land_use_fees": "không tính tiền sử dụng đất",
           "excl_product_taxes": "không tính thuế sản phẩm",
           "current_prices": "giá hiện hành", "constant_2010_prices": "giá so sánh 2010",
           "narrower_aggregate": "phạm vi hẹp hơn (nguồn không nêu rõ)"},
    "en": {"": "standard definition of the indicator",
           "excl_land_use_fees": "excluding land-use fees",
           "excl_product_taxes": "excluding product taxes",
           "current_prices": "current prices", "constant_2010_prices": "constant 2010 prices",
           "narrower_aggregate": "a narrower aggregate (scope not stated)"},
}


def basis_label(basis, lang: str = "vi") -> str:
    """The reader's name of a definition (``basis``); an unknown code is shown as it is.

    Examples
    --------
    >>> basis_label("excl_land_use_fees", "en"), basis_label(None, "en")
    ('excluding land-use fees', 'standard definition of the indicator')
    """
    basis = "" if basis is None or (isinstance(basis, float) and basis != basis) else str(basis)
    return messages(BASIS_LABELS, lang).get(basis, basis)



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


def source_language(source_id: str, sources: pd.DataFrame | None) -> str | None:
    """The language a source is written in (``language`` of data/sources.csv), if known.

    Of a ``"a; b"`` list the first source counts (the one a grouped row quotes).

    Examples
    --------
    >>> table = pd.DataFrame({"id": ["s1"], "language": ["en"]})
    >>> source_language("s1; s2", table), source_language("s9", table), source_language("s1", None)
    ('en', None, None)
    """
    if sources is None or "language" not in sources.columns:
        return None
    # An index, not a scan per call: a shared panel's states ask this for every row shown.
    return _language_index(tuple(zip(sources["id"].tolist(), sources["language"].tolist()))
                           ).get(str(source_id).split("; ")[0])


@lru_cache(maxsize=8)
def _language_index(rows: tuple) -> dict[str, str]:
    index: dict[str, str] = {}
    for sid, language in rows:
        index.setdefault(sid, str(language))
    return index


def source_name(source_id: str, sources: pd.DataFrame | None, *, number: bool = True,
                cite: bool = False, lang: str = "vi") -> str:
    """A short name of a source for labels, tables and chart source lines.

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
    cite : bool
        The citation of a chart's source line instead: issuer and number, then the date
        written the ``lang`` way (``UBND tỉnh Hưng Yên 87/KH-UBND (23/05/2023)``).
    lang : {"vi", "en"}
        How a citation writes its date (``23/05/2023``, ``23 May 2023`` with no-break spaces;
        a year stays as is).

    Returns
    -------
    str
        The name, or the id itself when the source is unknown.

    Examples
    --------
    >>> sources = pd.DataFrame({"id": ["kh87"], "doc_number": ["87/KH-UBND"],
    ...                         "issuer": ["UBND tỉnh Hưng Yên (Hưng Yên)"],
    ...                         "date": ["2023-05-23"]})
    >>> source_name("kh87", sources), source_name("kh87", sources, number=False)
    ('87/KH-UBND', 'UBND tỉnh Hưng Yên')
    >>> source_name("kh87", sources, cite=True)
    'UBND tỉnh Hưng Yên 87/KH-UBND (23/05/2023)'
    >>> source_name("kh87", sources, cite=True, lang="en")
    'UBND tỉnh Hưng Yên 87/KH-UBND (23\\xa0May\\xa02023)'
    >>> news = pd.DataFrame({"id": ["a", "b"], "doc_number": ["", ""], "date": ["2024", ""],
    ...                      "issuer": ["Báo Hưng Yên (baohungyen.vn)",
    ...                                 "Lao Động (news.laodong.vn; an English rendering)"]})
    >>> source_name("a", news, cite=True), source_name("b", news, cite=True)
    ('Báo Hưng Yên (baohungyen.vn) (2024)', 'Lao Động (news.laodong.vn)')
    """
    if sources is None or "id" not in sources.columns or not source_id:
        return source_id
    first = str(source_id).split("; ")[0]
    row = _source_index(sources).get(first)
    if row is None:
        return first
    doc, issuer, date = row
    outlet = issuer.split(" (")[0]
    if cite:
        # (the issuer's parenthesis is a curator's note in one language, "press report,
        # author ...": cited without it; a site's address there names the outlet and stays)
        site = _SITE_NOTE.search(issuer, len(outlet)) if not doc else None
        site = f"({site.group(0)})" if site else ""
        label = " ".join(filter(None, [outlet, site, doc])) or first
        # (no line of a chart's source note breaks inside a date: "(3 Jan 2025)" stays whole)
        return f"{label} ({_written_date(date, lang).replace(' ', NBSP)})" if date else label
    return (doc if number else "") or outlet or first


#: A space no line is broken at.
NBSP = "\u00a0"


def _written_date(value: str, lang: str) -> str:
    """A source's ISO date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) written the ``lang`` way;
    anything else as it is (a user's sources file may say "2024, approx.")."""
    try:
        return format_as_of(value, lang=lang)
    except ValueError:
        return value


#: A site's address in the parenthesis after an issuer: "(hungyen.gov.vn)", "(news.laodong.vn;
#: stored as an English translation)".
_SITE_NOTE = re.compile(r"(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w.-])")


def _source_index(sources: pd.DataFrame) -> dict[str, tuple[str, str, str]]:
    """``{id: (doc_number, issuer, date)}`` of ``sources``, the first row of each id.

    Read from the frame's current values at each call (a frame edited in place is seen) and
    built once per distinct content.
    """
    dates = sources["date"].tolist() if "date" in sources.columns else [""] * len(sources)
    return _index_of(tuple(zip(sources["id"].tolist(), sources["doc_number"].tolist(),
                               sources["issuer"].tolist(), dates)))


@lru_cache(maxsize=8)
def _index_of(rows: tuple) -> dict[str, tuple[str, str, str]]:
    index: dict[str, tuple[str, str, str]] = {}
    for sid, doc_number, issuer, date in rows:
        date = "" if date is None or (isinstance(date, float) and date != date) else str(date)
        index.setdefault(sid, (str(doc_number), str(issuer), date))
    return index


def source_names(source_ids: object, sources: pd.DataFrame | None) -> str:
    """Every source of a ``"a; b"`` list named for readers (:func:`source_name`), once each.

    The one way a reader table's source cell is written; plain text (the display layer
    escapes). Without ``sources`` the ids are returned as given.

    Examples
    --------
    >>> sources = pd.DataFrame({"id": ["kh87", "vir"], "doc_number": ["87/KH-UBND", ""],
    ...                         "issuer": ["UBND tỉnh Hưng Yên",
    ...                                    "Vietnam Investment Review (VIR)"]})
    >>> source_names("kh87; vir; kh87", sources)
    '87/KH-UBND; Vietnam Investment Review'
    """
    ids = dict.fromkeys(x for x in str(source_ids or "").split("; ") if x)
    return "; ".join(dict.fromkeys(source_name(s, sources) for s in ids))


def cited_columns(figures: pd.DataFrame, sources: pd.DataFrame | None,
                  m: dict[str, str], *, lang: str = "vi") -> dict[str, object]:
    """The two last columns of a reader table of figures: each row's source, named for readers,
    and where in it the figure stands, in ``lang`` (``m``: the table's messages, with
    ``col_source`` and ``col_locator``)."""
    return {m["col_source"]: [source_name(s, sources) for s in figures["source_id"]],
            m["col_locator"]: [locator_text(str(x), lang=lang)
                               for x in figures["source_locator"]]}


@lru_cache(maxsize=4)
def _locator_words(lang: str):
    import re

    from ..vocabulary import catalogue

    words = catalogue("locators")
    # Longest first, whole words only: "sub-row" is not "row", "early Jan" not "early".
    english = sorted(words["en"], key=lambda k: -len(words["en"][k]))
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(words["en"][k]) for k in english)
                         + r")(?![\w-])")
    return pattern, {words["en"][k]: words[lang][k] for k in english}


@lru_cache(maxsize=1024)
def locator_text(locator: str, *, lang: str = "vi") -> str:
    """Where in the source a figure stands, in the reader's language.

    The project's locators are written in English ("paragraph 6 of the excerpt"); their
    words are translated from the catalogue ``locators`` in one pass (names, numbers, ids
    and quoted Vietnamese headings stay as written).

    Examples
    --------
    >>> locator_text("paragraph 2 of the excerpt (also paragraph 4)")
    'đoạn 2 của trích đoạn (cũng có ở đoạn 4)'
    >>> locator_text("row 20 Jun 2024, column Japan", lang="en")
    'row 20 Jun 2024, column Japan'
    """
    if not locator:
        return locator
    pattern, words = _locator_words(lang)
    return pattern.sub(lambda match: words[match.group(1)], locator)


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


#: How the findings describe the options they share (read by :func:`finding`).
TEXT_PARAMETERS = {
    "sources": "DataFrame, optional\n    From :func:`hy_analysis.load_sources`, to name documents "
               "by number.",
    "lang": "{\"vi\", \"en\"}\n    Language of the words and of the number format.",
}


def opened(func, opening):
    """``func`` behind an opening: ``opening`` sees the call's arguments first.

    Parameters
    ----------
    func : callable
    opening : callable
        Called with the arguments by name (defaults applied), which it may change; what it
        returns, unless None, is the call's result and ``func`` is not called.

    Returns
    -------
    callable
        Like ``func`` (name, docstring and signature).

    Examples
    --------
    >>> def half(n, *, sign=1):
    ...     return sign * n / 2
    >>> safe = opened(half, lambda given: "none" if given["n"] == 0 else None)
    >>> safe(0), safe(3, sign=-1)
    ('none', -1.5)
    """
    signature = inspect.signature(func)

    @functools.wraps(func)
    def call(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        early = opening(bound.arguments)
        return func(*bound.args, **bound.kwargs) if early is None else early
    return call


def finding(catalogue: str, *, empty=None, **parameters: str):
    r"""Decorator: a finding's docstring from its signature, and its words for no data.

    The Parameters section is written from the signature
    (:func:`hy_analysis.docstrings.with_parameters`): ``parameters``, then
    :data:`TEXT_PARAMETERS`; a docstring without a Returns section gets one (Markdown). With
    ``empty``, when the first argument (a frame) is empty the finding is the message
    ``empty`` of ``catalogue`` in ``lang`` (its ``{region}`` the call's ``region``, escaped),
    or what ``empty(messages, arguments)`` returns, and the function is not called.

    Parameters
    ----------
    catalogue : str
        The module's message catalogue (:func:`hy_analysis.vocabulary.catalogue`).
    empty : str or callable, optional
        The key of the message for an empty frame, or a function of the messages in ``lang``
        and the call's arguments by name that writes it.
    **parameters : str
        Parameter name -> ``"type\n    description"``.

    Returns
    -------
    callable
        The decorator; it returns the finding, described and behind its no-data check.

    Examples
    --------
    >>> @finding("findings-consistency", empty="no_figures",
    ...          counts="DataFrame\n    Figures per region.")
    ... def describe(counts, *, lang="vi"):
    ...     "Say how many."
    ...     return f"{len(counts)} figures"
    >>> describe(pd.DataFrame(), lang="en"), describe(pd.DataFrame({"a": [1]}))
    ('No figure matches this selection.', '1 figures')
    >>> describe.__doc__.split()[:7]
    ['Say', 'how', 'many.', 'Parameters', '----------', 'counts', ':']
    """
    def when_empty(given: dict):
        if not next(iter(given.values())).empty:
            return None
        words = messages(catalogue, given["lang"])
        if callable(empty):
            return empty(words, given)
        return words[empty].format(region=md_escape(given.get("region") or ""))

    def decorate(func):
        described = func if empty is None else opened(func, when_empty)
        return with_parameters(**{**TEXT_PARAMETERS, **parameters})(
            with_returns("returns_markdown")(described))
    return decorate
