"""The one way numbers, ranges, periods, dates and money are written for readers.

Babel writes numbers and dates by locale (CLDR data): ``8,5`` and ``652.153`` in Vietnamese,
``8.5`` and ``652,153`` in English; ``20/06/2024`` and ``20 Jun 2024``. Findings, reader
tables and chart labels all use these functions, so a number reads the same in the prose,
the table and the chart of a report.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from ..vocabulary import check_lang, messages

__all__ = ["format_number", "format_range", "format_period", "format_periods", "format_money",
           "format_amount",
           "format_as_of", "missing", "quoted_figure", "fixed_decimals", "column_decimals"]

#: What stands for a missing number.
DASH = "–"

#: Words for a money figure in billions and the stated qualifier before it, which are also
#: the words of a quoted figure's scale and unit (:func:`quoted_figure`): the message
#: catalogue ``quoted-words`` (key, vi, en).
_WORDS = "quoted-words"
#: The scale, unit and qualifier words a source writes about a number, by the source's
#: language, and which reader words of the catalogue :data:`_WORDS` they are.
_SOURCE_WORDS = {
    "en": {"trillion VND": "VND_trillion", "billion USD": "USD", "billion VND": "VND",
           "bn USD": "USD", "bn VND": "VND", "million USD": "USD_million",
           "mn USD": "USD_million", "million VND": "VND_million", "mn VND": "VND_million",
           "/year": "per_year", "over": "over", "more than": "over", "exceeding": "over",
           "nearly": "nearly", "almost": "nearly", "about": "around", "around": "around",
           "under": "under", "percent": "percent", "to": "to", "annually": "annually",
           "hectares": "hectares", "projects": "projects", "industrial parks": "industrial_parks",
           "industrial clusters": "industrial_clusters", "economic zone": "economic_zone",
           "decreased by": "decreased_by", "or more": "or_more", "people": "people"},
    "vi": {"nghìn tỷ đồng": "VND_trillion", "tỷ USD": "USD", "tỷ đồng": "VND",
           "triệu USD": "USD_million", "triệu đồng": "VND_million", "/năm": "per_year",
           "hơn": "over", "trên": "over", "gần": "nearly", "khoảng": "around",
           "dưới": "under", "xấp xỉ": "around", "đến": "to", "ha": "hectares",
           "dự án": "projects", "khu công nghiệp": "industrial_parks",
           "cụm công nghiệp": "industrial_clusters", "khu kinh tế": "economic_zone",
           "giảm": "decreased_by", "trở lên": "or_more", "người": "people"},
}
#: Date patterns (CLDR) for an ``as_of`` of precision month or day.
_DATE_PATTERNS = {"vi": {2: "MM/y", 3: "dd/MM/y"}, "en": {2: "MMM y", 3: "d MMM y"}}


#: Where a reader table keeps the columns written with fixed decimals (header -> decimals).
_FIXED = "fixed_decimals"


def fixed_decimals(table, decimals: dict[str, int]):
    """Write these columns of a reader table with exactly these decimals, whole numbers too.

    A reader table's numbers are otherwise written with the decimals their column needs and
    a whole number without any (``456`` beside ``8,55``: a figure as a source wrote it). A
    computed measure the text writes with fixed decimals (a share, ``29,0 %``) must read
    the same in its table: ``29,0`` beside ``31,7``, not ``29``.

    Parameters
    ----------
    table : DataFrame
        A reader table (headers in the reader's language); changed in place.
    decimals : dict of str to int
        Header -> decimals.

    Returns
    -------
    DataFrame
        ``table``, for chaining.

    Examples
    --------
    >>> import pandas as pd
    >>> column_decimals(fixed_decimals(pd.DataFrame({"Tỷ lệ": [29.0]}), {"Tỷ lệ": 1}))
    {'Tỷ lệ': 1}
    """
    table.attrs[_FIXED] = {**table.attrs.get(_FIXED, {}), **decimals}
    return table


def column_decimals(table) -> dict[str, int]:
    """The fixed decimals of a reader table's columns (:func:`fixed_decimals`), by header."""
    return dict(table.attrs.get(_FIXED, {}))


def missing(value) -> bool:
    """True for None and NaN (a number the data does not give)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_number(value: float | None, *, lang: str = "vi", decimals: int | None = None) -> str:
    """Write a number for readers of ``lang``.

    Parameters
    ----------
    value : float or None
        None or NaN is written as an en dash.
    lang : {"vi", "en"}
    decimals : int, optional
        Fixed decimals; by default up to two, trailing zeros dropped.

    Returns
    -------
    str

    Examples
    --------
    >>> format_number(652153, lang="vi"), format_number(8.5, lang="en")
    ('652.153', '8.5')
    >>> format_number(161.051, lang="vi", decimals=1)
    '161,1'
    """
    check_lang(lang)
    if missing(value):
        return DASH
    # Reports write the same few numbers many times (a table's column for every state of a
    # shared panel): each written once. By the float's exact bits, so -0.0 stays apart.
    return _written(float(value).hex(), lang, decimals)


@lru_cache(maxsize=8192)
def _written(bits: str, lang: str, decimals: int | None) -> str:
    pattern = "#,##0" + ("." + "#" * 2 if decimals is None else
                         ("." + "0" * decimals if decimals else ""))
    # Decimal(value) is the float's exact value, so rounding matches Python's own formatting.
    return format_decimal(Decimal(float.fromhex(bits)), format=pattern, locale=lang,
                          decimal_quantization=True, group_separator=True)


def format_range(low: float | None, high: float | None, *, lang: str = "vi",
                 decimals: int | None = 1, unit: str = "") -> str:
    """``9–10 %`` or ``8 %``: one number when there is no high bound or both round alike.

    Examples
    --------
    >>> format_range(9, 10, lang="vi", unit=" %"), format_range(8.01, 7.99, lang="en")
    ('9,0–10,0 %', '8.0')
    """
    a, b = format_number(low, lang=lang, decimals=decimals), \
        format_number(high, lang=lang, decimals=decimals)
    return (a if a == b or missing(high) else f"{a}–{b}") + unit


def format_period(start, end) -> str:
    """``2025`` for one year, ``2021–2025`` for a span.

    Examples
    --------
    >>> format_period(2021, 2025), format_period(2025, 2025)
    ('2021–2025', '2025')
    """
    return f"{start}" if start == end else f"{start}–{end}"


def format_periods(frame, start: str = "period_start", end: str = "period_end") -> list[str]:
    """:func:`format_period` of every row of ``frame`` (a reader table's period column)."""
    return [format_period(a, b) for a, b in zip(frame[start], frame[end])]


def format_money(value: float, unit: str, *, lang: str = "vi", decimals: int | None = None,
                 qualifier: str = "exact", billions: bool | None = None) -> str:
    """A money figure with its unit: ``8,56 tỷ USD``, ``hơn 1,2 tỷ USD``, ``500 USD``.

    Parameters
    ----------
    value : float
        In ``unit`` (not scaled).
    unit : {"USD", "VND"} or str
    lang : {"vi", "en"}
    decimals : int, optional
        Decimals of the written number (default: up to two).
    qualifier : {"exact", "about", "above", "below", ...}
        "above" writes "hơn"/"over" before the figure, and so on.
    billions : bool, optional
        Write in billions (``tỷ``/``bn``); default: when ``value`` reaches a billion.

    Examples
    --------
    >>> format_money(8.56e9, "USD", lang="vi", decimals=2)
    '8,56 tỷ USD'
    >>> format_money(1.2e9, "USD", lang="en", qualifier="above")
    'over 1.2 bn USD'
    """
    words = messages(_WORDS, check_lang(lang))
    if billions is None:
        billions = unit in ("USD", "VND") and abs(value) >= 1e9   # a gap may be negative
    from ..schema import UNIT_LABELS

    shown = f"{format_number(value / 1e9, lang=lang, decimals=decimals)} {words[unit]}" \
        if billions else (f"{format_number(value, lang=lang, decimals=decimals)} "
                          f"{UNIT_LABELS[lang].get(unit, unit)}")
    return words.get(qualifier, "") + shown


def format_amount(value: float, unit: str, *, lang: str = "vi", decimals: int | None = None,
                  billions: bool | None = None) -> str:
    """Any figure with its unit, the one way text, tables and chart labels write it.

    Money goes through :func:`format_money`; a percentage is ``48,5 %``; a count is its
    number alone (the indicator beside it says what is counted: "904", not "904 số lượng");
    other units take their reader label in ``lang`` (:data:`hy_analysis.schema.UNIT_LABELS`).

    Parameters
    ----------
    value : float
    unit : str
        A unit of :data:`hy_analysis.schema.UNITS`.
    lang : {"vi", "en"}
    decimals : int, optional
        Decimals of the written number (default: up to two).
    billions : bool, optional
        For money: write in billions (default: when ``value`` reaches a billion).

    Examples
    --------
    >>> format_amount(48.5, "percent", lang="vi")
    '48,5 %'
    >>> format_amount(1200, "persons", lang="vi")
    '1.200 người'
    >>> format_amount(7.45e9, "USD", lang="en", decimals=2)
    '7.45 bn USD'
    >>> format_amount(904, "count", lang="vi")
    '904'
    """
    from ..schema import UNIT_LABELS

    if unit in ("USD", "VND"):
        return format_money(value, unit, lang=lang, decimals=decimals, billions=billions)
    if unit == "percent":
        return f"{format_number(value, lang=lang, decimals=decimals)} %"
    if unit == "count":
        return format_number(value, lang=lang, decimals=decimals)
    label = UNIT_LABELS[check_lang(lang)].get(unit, unit)
    return f"{format_number(value, lang=lang, decimals=decimals)} {label}"


def format_as_of(as_of: str, *, lang: str = "vi") -> str:
    """Write a snapshot date in ``lang``: ``2024-06-20`` -> ``20/06/2024`` or ``20 Jun 2024``.

    A year-only date stays ``2024``; a month becomes ``06/2024`` or ``Jun 2024``.

    Examples
    --------
    >>> format_as_of("2024-06-20", lang="en"), format_as_of("2024-01", lang="vi")
    ('20 Jun 2024', '01/2024')
    """
    check_lang(lang)
    parts = [int(p) for p in str(as_of).split("-")]
    if len(parts) == 1:
        return str(as_of)
    day = date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    return _babel_date(day, format=_DATE_PATTERNS[lang][len(parts)], locale=lang)


#: How the original wording of a quoted figure is introduced, by reader language.
_ORIGINAL = {"vi": "nguyên văn", "en": "original"}
#: Group and decimal marks by the language a source is written in.
_MARKS = {"en": (",", "."), "vi": (".", ",")}


def quoted_figure(text: str, *, source_lang: str | None, lang: str = "vi",
                  original: bool = True) -> str:
    """A figure quoted from a source, its numbers in the reader's format, the original noted.

    An English source writes ``over 6,800 USD``; a Vietnamese reader reads ``6,800`` as six
    point eight. The numbers are rewritten in ``lang`` (``6.800``), with the scale and unit
    words (``212 billion USD`` -> ``212 tỷ USD``, ``%/year`` -> ``%/năm``), and the source's
    own wording follows in parentheses. A source in the reader's language, or of unknown
    language, is returned as written.

    Parameters
    ----------
    text : str
        The figure as the source wrote it (``value_raw``).
    source_lang : {"vi", "en"} or None
        The language the source is written in (``language`` of data/sources.csv).
    lang : {"vi", "en"}
        The reader's language.
    original : bool
        Note the source's own wording after the rewritten figure (a chart label leaves
        it out: the tables beside it quote it).

    Returns
    -------
    str

    Examples
    --------
    >>> quoted_figure("over 6,800 USD", source_lang="en", lang="vi")
    'hơn 6.800 USD (nguyên văn: over 6,800 USD)'
    >>> quoted_figure("5,891.4 hectares", source_lang="en", lang="vi")
    '5.891,4 ha (nguyên văn: 5,891.4 hectares)'
    >>> quoted_figure("8,5 tỷ USD", source_lang="vi", lang="en")
    '8.5 bn USD (original: 8,5 tỷ USD)'
    >>> quoted_figure("10.5-12.5%/year", source_lang="en", lang="vi", original=False)
    '10,5-12,5%/năm'
    >>> quoted_figure("Trên 48%", source_lang="vi", lang="en")
    'Over 48% (original: Trên 48%)'
    >>> quoted_figure("48%", source_lang="vi", lang="en")
    '48%'
    >>> quoted_figure("10 to 10.5%", source_lang="en", lang="vi", original=False)
    '10 đến 10,5%'
    >>> quoted_figure("khoảng 20 dự án trở lên", source_lang="vi", lang="en", original=False)
    'about 20 projects or more'
    """
    import re

    check_lang(lang)
    if source_lang == lang or source_lang not in _MARKS or not isinstance(text, str):
        return text
    group, point = _MARKS[source_lang]

    def rewrite(match):
        number = match.group(0)
        if group not in number and point not in number:
            return number  # 2021, 48: written alike in both languages
        whole, _, fraction = number.partition(point)
        if group in fraction or (group in whole and not re.fullmatch(
                rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+", whole)):
            return number  # not a number in the source's own convention: leave it
        value = Decimal(whole.replace(group, "") + ("." + fraction if fraction else ""))
        pattern = "#,##0" + ("." + "0" * len(fraction) if fraction else "")
        return format_decimal(value, format=pattern, locale=lang, group_separator=True)

    converted = re.sub(r"\d+(?:[.,]\d+)*", rewrite, text)
    words = _SOURCE_WORDS[source_lang]
    # Longest first: "nghìn tỷ đồng" before "tỷ đồng".
    # A word stands alone ("over", not "moreover"); "/năm" may follow a unit ("USD/năm").
    pattern = "|".join((r"(?<!\w)" if w[0].isalnum() else "") + re.escape(w)
                       for w in sorted(words, key=len, reverse=True))
    def reword(match):
        said = match.group(0)
        word = messages(_WORDS, lang)[next(v for k, v in words.items() if k.lower() == said.lower())]
        return word[:1].upper() + word[1:] if said[:1].isupper() else word

    converted = re.sub(rf"(?:{pattern})(?!\w)", reword, converted, flags=re.IGNORECASE)
    if converted == text or not original:
        return converted
    return f"{converted} ({_ORIGINAL[lang]}: {text})"
