"""Read figures written the Vietnamese way into numbers.

``parse_value("Trên 48%")`` gives ``ParsedValue(low=48.0, high=None, qualifier="above",
unit="percent")``. Pure functions only: no I/O, no pandas.

Vietnamese number format: ``.`` groups thousands and ``,`` is the decimal mark, so
``652.153 tỷ đồng`` is 652,153 billion VND and ``8,5 tỷ USD`` is 8.5 billion USD. Money is
returned in whole currency units. Text that cannot be read raises :class:`ParseError`
(a ``ValueError``) naming the text: nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .exceptions import ParseError

__all__ = ["ParsedValue", "parse_value", "parse_number", "format_number"]


@dataclass(frozen=True)
class ParsedValue:
    """A figure as numbers.

    Attributes
    ----------
    low, high : float or None
        Bounds of the figure. Equal for a single value; ``high`` is None for an open
        "above" figure and ``low`` is None for a "below" figure.
    qualifier : {"exact", "about", "above", "below", "range"}
        What the wording says about the bounds.
    unit : str or None
        One of :data:`hy_analysis.schema.UNITS`; None for a bare number with no unit given.
    """

    low: float | None
    high: float | None
    qualifier: str
    unit: str | None

    @property
    def value(self) -> float | None:
        """A single representative number: the midpoint of a range, else the known bound."""
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high


# Leading words, longest first so "more than" wins over "more".
_QUALIFIER_WORDS = {
    "above": ("nhiều hơn", "cao hơn", "more than", "at least", "trên", "hơn", "over", "above",
              "tối thiểu", "ít nhất", ">"),
    "below": ("thấp hơn", "less than", "dưới", "under", "below", "tối đa", "<"),
    "about": ("xấp xỉ", "approximately", "khoảng", "around", "about", "gần", "≈", "~"),
    # Words that name the action, not the bounds ("đạt 8,5 tỷ USD" = reach 8.5 bn USD).
    "neutral": ("phấn đấu", "đạt", "tăng", "từ", "reach", "increase by", "increase", "+"),
}
_QUALIFIER_RE = re.compile(
    "|".join(
        re.escape(w) + (r"(?=\s|\d)" if w[-1].isalpha() else "")
        for w in sorted((w for ws in _QUALIFIER_WORDS.values() for w in ws), key=len, reverse=True)
    )
)
_QUALIFIER_OF = {w: q for q, ws in _QUALIFIER_WORDS.items() for w in ws}

# A Vietnamese number: grouped thousands with optional decimals, or plain digits.
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_BODY_RE = re.compile(
    rf"(?P<a>{_NUMBER})(?![\d.,])\s*(?P<pct>%)?\s*"
    rf"(?:(?:-|đến|tới|to)\s*(?P<b>{_NUMBER})(?![\d.,]))?\s*(?P<tail>.*)"
)

_SCALES = {
    "nghìn": 1e3, "ngàn": 1e3, "thousand": 1e3, "triệu": 1e6, "million": 1e6, "mn": 1e6,
    "tỷ": 1e9, "tỉ": 1e9, "bn": 1e9, "billion": 1e9,
}
_CURRENCIES = {"usd": "USD", "đô la mỹ": "USD", "đồng": "VND", "vnđ": "VND", "vnd": "VND",
               "đ": "VND"}
_PLAIN_UNITS = {"%": "percent", "ha": "ha", "héc ta": "ha", "hecta": "ha", "km²": "km2",
                "km2": "km2", "người": "persons", "people": "persons", "persons": "persons",
                "dân": "persons"}
# Things counted in the documents; a figure followed by one of these is a count.
_COUNT_NOUNS = (
    "khu công nghiệp", "cụm công nghiệp", "dự án", "projects", "project", "doanh nghiệp",
    "làng nghề", "đô thị loại [ivx]+", "đô thị", "kcn", "ccn", "industrial parks",
    "industrial clusters", "towns", "nhóm",
)
# Words after the unit that describe the base or the time, not the number.
_TRAILERS = r"(?:\s*(?:/\s*năm|/\s*year|/\s*yr|per year|a year|mỗi năm|y/y|yoy|grdp|of grdp))*"

_SCALE_RE = "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True))
_CURRENCY_RE = "|".join(sorted(map(re.escape, _CURRENCIES), key=len, reverse=True))
_MONEY_RE = re.compile(rf"(?:(?P<scale>{_SCALE_RE})\s*)?(?P<cur>{_CURRENCY_RE})$")
_SCALE_ONLY_RE = re.compile(rf"(?P<scale>{_SCALE_RE})$")
_UNIT_RE = re.compile(
    "(?P<unit>" + "|".join(sorted(map(re.escape, _PLAIN_UNITS), key=len, reverse=True)) + ")"
    + _TRAILERS + "$"
)
_COUNT_RE = re.compile("(?:" + "|".join(_COUNT_NOUNS) + ")$")

_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2009\u2007\u200b\t\r\n"), " ")
_DASHES = dict.fromkeys(map(ord, "\u2013\u2014\u2212\u2012"), "-")


def _normalise(text: str) -> str:
    """NFC, plain spaces and hyphens, lower case, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_SPACES).translate(_DASHES)
    return re.sub(r"\s+", " ", text).strip().lower()


def parse_number(text: str) -> float:
    """Read one number written the Vietnamese way.

    Parameters
    ----------
    text : str
        Digits with ``.`` as thousands separator and ``,`` as decimal mark, e.g. ``"652.153"``
        or ``"8,5"``.

    Returns
    -------
    float

    Raises
    ------
    ParseError
        If the text is not such a number (``"1.5"`` is refused: a dot must group three digits).

    Examples
    --------
    >>> parse_number("16.216,40")
    16216.4
    """
    cleaned = _normalise(text)
    if not re.fullmatch(_NUMBER, cleaned):
        raise ParseError(
            f"cannot read {text!r} as a number: expected Vietnamese format "
            "('.' groups thousands, ',' is the decimal mark, e.g. '652.153' or '8,5')"
        )
    return float(cleaned.replace(".", "").replace(",", "."))


def _read_tail(tail: str, pct: bool, text: str) -> tuple[str | None, float]:
    """Return (unit, scale factor) for what follows the number(s)."""
    tail = tail.strip()
    if pct:
        tail = ("% " + tail).strip()
    if not tail:
        return None, 1.0
    if m := _MONEY_RE.match(tail):
        return _CURRENCIES[m["cur"]], _SCALES.get(m["scale"] or "", 1.0)
    if m := _UNIT_RE.match(tail):
        return _PLAIN_UNITS[m["unit"]], 1.0
    if _COUNT_RE.match(tail):
        return "count", 1.0
    if _SCALE_ONLY_RE.match(tail):
        raise ParseError(f"cannot read {text!r}: scale word {tail!r} without a currency or unit")
    raise ParseError(
        f"cannot read {text!r}: unknown unit {tail!r}; expected %, a currency (USD, đồng, VND) "
        "with an optional scale (nghìn, triệu, tỷ), ha, km², người or a counted noun "
        "(dự án, khu công nghiệp, cụm công nghiệp, ...)"
    )


def parse_value(text: str, *, unit: str | None = None) -> ParsedValue:
    """Read a figure as written in a document into bounds, qualifier and unit.

    Parameters
    ----------
    text : str
        The figure exactly as written, e.g. ``"Trên 48%"``, ``"khoảng 48-50%"``,
        ``"8,5 tỷ USD"``, ``"652.153 tỷ đồng"``, ``"550 dự án"`` or ``"5.100"``.
    unit : str, optional
        The unit to use when the text itself names none (a table cell whose unit is in the
        row header). If the text names a different unit, that is an error.

    Returns
    -------
    ParsedValue

    Raises
    ------
    ParseError
        If the text cannot be read, names the text and what was expected.

    Examples
    --------
    >>> parse_value("Trên 48%")
    ParsedValue(low=48.0, high=None, qualifier='above', unit='percent')
    >>> parse_value("652.153 tỷ đồng").low
    652153000000000.0
    """
    if not isinstance(text, str) or not text.strip():
        raise ParseError(f"cannot read {text!r}: expected a figure such as 'Trên 48%'")
    s = _normalise(text)
    qualifier = "exact"
    while m := _QUALIFIER_RE.match(s):
        word_q = _QUALIFIER_OF[m.group(0)]
        if word_q != "neutral":
            if qualifier != "exact" and qualifier != word_q:
                raise ParseError(f"cannot read {text!r}: contradictory qualifiers")
            qualifier = word_q
        s = s[m.end():].lstrip()
    sign = 1.0
    if re.match(r"(?:-|giảm |decrease by |decrease )\s*\d", s):  # a fall: "-2%", "giảm 2%"
        sign, s = -1.0, re.sub(r"^(?:-|giảm|decrease by|decrease)\s*", "", s)
    body = _BODY_RE.fullmatch(s)
    if body is None:
        raise ParseError(
            f"cannot read {text!r}: expected a qualifier (trên, khoảng, ...), a number in "
            "Vietnamese format ('.' thousands, ',' decimals) and a unit"
        )
    found_unit, scale = _read_tail(body["tail"], bool(body["pct"]), text)
    if found_unit is None:
        found_unit = unit
    elif unit is not None and unit != found_unit:
        raise ParseError(f"cannot read {text!r}: it names unit {found_unit!r}, expected {unit!r}")
    low = sign * parse_number(body["a"]) * scale
    high = sign * parse_number(body["b"]) * scale if body["b"] else low
    if sign < 0 and body["b"]:
        raise ParseError(f"cannot read {text!r}: a negative range is ambiguous; write both signs")
    if high < low:
        raise ParseError(f"cannot read {text!r}: range ends below its start ({high:g} < {low:g})")
    if body["b"] and qualifier == "exact":
        qualifier = "range"
    elif body["b"] and qualifier in ("above", "below"):
        raise ParseError(f"cannot read {text!r}: an open qualifier cannot take a range")
    if qualifier == "above":
        high = None
    elif qualifier == "below":
        low = None
    return ParsedValue(low=low, high=high, qualifier=qualifier, unit=found_unit)


def format_number(value: float | None, *, lang: str = "vi", decimals: int | None = None) -> str:
    """Write a number for readers of ``lang``: ``8,5`` in Vietnamese, ``8.5`` in English.

    Parameters
    ----------
    value : float or None
        None is written as an en dash.
    lang : {"vi", "en"}
    decimals : int, optional
        Fixed decimals; by default up to two, trailing zeros dropped.

    Returns
    -------
    str

    Examples
    --------
    >>> format_number(652153, lang="vi")
    '652.153'
    >>> format_number(8.5, lang="en")
    '8.5'
    """
    if lang not in ("vi", "en"):
        raise ValueError(f"lang must be 'vi' or 'en', got {lang!r}")
    if value is None or value != value:  # None or NaN
        return "–"
    text = f"{value:,.{2 if decimals is None else decimals}f}"
    if decimals is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text
