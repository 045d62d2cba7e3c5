"""Find the figures in a text: spans that :func:`hy_analysis.parse_value` reads with a unit.

Pure: text in, :class:`Figure` list out. Numbers that are not figures (dates, years, document and
session numbers, ranks, counts of targets met, list numbering, times, phone numbers, file names)
are skipped by their shape and the words around them, not by their values.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..exceptions import ParseError
from ..parsing import FALL_WORDS, NEGATED_QUALIFIERS, ParsedValue, infer_lang, parse_value
from .alternation import alternation
from .cues import CUES

__all__ = ["Figure", "find_figures", "document_lang"]


@dataclass
class Figure:
    """One figure found in a text.

    Attributes
    ----------
    start, end : int
        Character offsets: ``text[start:end] == raw``.
    raw : str
        The figure as written, qualifier and unit words included.
    parsed : ParsedValue
    notes : list of str
        Decisions a reviewer should know about (ambiguous number format, unit taken from a
        following noun or a table header).
    noun : str
        What a count counts when its noun is not in ``raw`` ("68 new FDI projects": raw
        ``"68"``, noun ``"projects"``); empty otherwise.
    """

    start: int
    end: int
    raw: str
    parsed: ParsedValue
    notes: list[str] = field(default_factory=list)
    noun: str = ""


_PAIR_BEFORE = re.compile(r"\d[.,]\d{1,3}/$")
# Shares listed with hyphens, "28-28-44%" (three or more: two are a range, "28-44%").
_SHARE_LIST = re.compile(r"\d{1,2}(?:[.,]\d+)?(?:\s?[-–]\s?\d{1,2}(?:[.,]\d+)?){2,}"
                         r"\s?(?:%|per ?cent\b|percent\b)", re.IGNORECASE)  # "31 – 35 – 34 percent"
_SHARE_MEMBER = re.compile(r"\d+(?:[.,]\d+)?")
# A number followed by these is a date, rank, share of a count ("13/15"), time or document code.
_SLASH_AFTER = re.compile(r"\s?/\s?\d|:\d|-\d{1,2}-\d{2,4}|\s?[-/]\s?[A-ZĐ]{2,}|\.\d{1,2}\.\d{2,4}")
# the numbers a month can have (after CUES.MONTH_WORD_BEFORE)
_MONTH_NUMBER = re.compile(r"0?[1-9]|1[0-2]")
_PERCENT_AFTER = re.compile(r"\s?%|\s*[-–]\s*\d+(?:[.,]\d+)?\s?%")
_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*$")  # a number first on its line ...
_LIST_AFTER = re.compile(r"[.)]\s")  # ... followed by "." or ")" is list numbering
_LEAD_WORDS = (
    "không thấp hơn", "không dưới", "không ít hơn", "không vượt quá", "không quá", "nhiều hơn",
    "cao hơn", "thấp hơn", "vượt trên", "vượt mốc", "vượt ngưỡng", "xấp xỉ", "khoảng", "trên", "hơn", "dưới", "gần",
    "tối thiểu", "tối đa", "ít nhất", "gấp", "more than", "less than", "at least", "at most",
    "higher than", "greater than", "lower than", "fewer than",
    "in excess of", "topped", "tops", "top",
    "surpassing", "surpassed", "surpasses", "surpass", "exceeding", "exceeded", "exceeds",
    "exceed", "upwards of", "over", "above", "under", "below", "about",
    "around", "approximately", "nearly", "almost", "roughly", "some", "no more than",
    # a fall makes the figure negative ("giảm 2,5%"); "giảm còn 5%" (fell to 5 %) is a level
    *FALL_WORDS,
    # "between 4 and 6%": the ends of a range
    "between",
) + tuple(NEGATED_QUALIFIERS)  # "not less than", "không vượt quá": read whole, never half
# (the words as a trie: read before every number, a plain alternation cost a tenth of the run)
# (a whole word: "turnover 4.5 billion", "cover 5,000 ha" carry no "over")
_LEAD_RE = re.compile(
    r"\b(?:" + alternation(sorted(_LEAD_WORDS, key=len, reverse=True))
    + r"\s+)+(?:(?:vnd|usd|vnđ)\s*|(?:us)?\$\s*)?$|(?:vnd|usd|vnđ)\s*$|(?:us)?\$\s*$",
    re.IGNORECASE,
)
# A match of _LEAD_RE ends (before white space) with the last word of a qualifier or with a
# currency: looked for first in the last letters before the number, since most numbers follow
# no qualifier and the full search tries each of the 40 characters before them.
_LEAD_END_WORDS = {w.split(" ")[-1] for w in _LEAD_WORDS} | {"vnd", "usd", "vnđ", "$"}
_LEAD_END = re.compile("(?:" + alternation(_LEAD_END_WORDS) + ")$", re.IGNORECASE)
_LEAD_END_SPAN = max(map(len, _LEAD_END_WORDS))
_TOKEN_RE = re.compile(r"\S+")
# A sign written before a number as its bound: ">95%", "≥ 80%", "<5%" (not an arrow "->")
_SIGN_LEAD = re.compile(r"(?<![-=<>])[<>≤≥]\s?$")
_STOP_PUNCT = ",;:()[]“”\"!?"
_MAX_TOKENS = 7
_COUNT_LOOKAHEAD = 7
_NOT_LETTERS = re.compile(r"[\W\d_]+")
# Compiled once (each number reads them): a range or date ending right before a number, what
# is not a digit, a table row or paragraph break that ends a figure's words, punctuation inside
# a word that ends them, and the word before a number.
_RANGE_BEFORE = re.compile(r"\d\s*[-–/]$")
_NOT_DIGIT = re.compile(r"\D")
_TABLE_OR_PARAGRAPH = re.compile(r"\n\s*\||\|\s*\n|\n\s*\n")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
#: The whole a share is of, written last in a figure ("35% GRDP").
_WHOLE_LAST = re.compile(r"[^\S\n]+(?:GRDP|GDP)$", re.IGNORECASE)
_VI_LETTERS = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")


def document_lang(text: str) -> str:
    """Guess the language of a document: ``"vi"`` when Vietnamese letters are frequent.

    Parameters
    ----------
    text : str

    Returns
    -------
    {"vi", "en"}

    Examples
    --------
    >>> document_lang("Tốc độ tăng trưởng đạt 8%"), document_lang("Growth reached 8%")
    ('vi', 'en')
    """
    # counted as the text less its runs of non-letters: no list of a million one-letter strings
    letters = len(text) - sum(map(len, _NOT_LETTERS.findall(text))) or 1
    return "vi" if len(_VI_LETTERS.findall(text.lower())) / letters > 0.02 else "en"


def _is_year(number: str) -> bool:
    return number.isdigit() and len(number) == 4 and 1900 <= int(number) <= 2100


def _not_a_figure(text: str, start: int, end: int) -> bool:
    number = text[start:end]
    after = text[end:end + 12]
    before = text[max(0, start - 20):start]
    if CUES.PAIR_AFTER.match(text, end) or (_PAIR_BEFORE.search(before) and (
            _NOT_DIGIT.search(number) or CUES.PAIR_WHOLE_SCALE.match(text, end))):
        return False  # a result and its target, "45.799/36.875 tỷ đồng"
    if _SLASH_AFTER.match(after) or _RANGE_BEFORE.search(before):
        return True
    if before.endswith("/") and CUES.PER_POPULATION.match(text, end):
        return True  # "5,8 doanh nghiệp/1.000 dân": the rate's denominator, no figure
    if _is_year(number) and not re.match(r"\s*%", after):
        return True
    # "(kế hoạch 2,5 - 3%)", "kế hoạch 7%": a percentage is the plan's value, never its number;
    # so is an amount with its scale or unit, "(kế hoạch 36 ngàn tấn, thực hiện ...)"
    # ("lũy kế 9 tháng 58.937 tỷ đồng": after "tháng" only a number that can be a month
    # names one; any other is an amount after a count of months)
    if CUES.ORDINAL_BEFORE.search(before) and not _PERCENT_AFTER.match(after) and not (
            CUES.PLAN_BEFORE.search(before) and CUES.AMOUNT_AFTER.match(text, end)) and not (
            CUES.MONTH_WORD_BEFORE.search(before) and not _MONTH_NUMBER.fullmatch(number)):
        return True
    if _LIST_NUMBER.search(before) and _LIST_AFTER.match(after):
        return True
    if CUES.TAX_RATE_AFTER.match(text, end):
        return True  # "giảm 2% thuế GTGT": the rate of a tax, a policy
    if CUES.IMAGE_NUMBER_BEFORE.search(before):
        return True  # "hinh anh 1Dong Van ...": the picture's number in a gallery
    if number.isdigit() and len(_NOT_DIGIT.sub("", number)) >= 9:  # phone numbers, ids
        return True
    if number in ("1", "01") and CUES.PER_HECTARE.search(before) and \
            CUES.OF_LAND_AFTER.match(after + text[end + 12:end + 40]):
        return True  # "giá trị trên 1 ha đất canh tác": the hectare a value is per, no area
    # "Ban Chấp hành ... gồm 51 người": the members of a body
    if CUES.MEMBERS_AFTER.match(text, end) and CUES.MEMBERS_BEFORE.search(
            text, max(0, start - 160), start):
        return True
    if CUES.ATTENDEES_AFTER.match(text, end) and CUES.ATTENDED_BEFORE.search(
            text, max(0, start - 240), start):
        return True  # those who attended a meeting ("tham dự ... cùng gần 500 doanh nghiệp")
    if CUES.CONNECTED_BEFORE.search(before):
        return True  # the places an online meeting linked
    if CUES.PARTY_MEMBERS_AFTER.match(text, end) and not CUES.ADMITTED_BEFORE.search(
            text, max(0, start - 80), start):
        return True  # the members of a Party organisation, not those it admitted
    same = CUES.TURNED_INTO.search(text, max(0, start - 80), start)
    if same and same.group(1) == number:
        return True  # "nâng 2 huyện thành 2 thị xã": the same units under their new name
    return False


#: Localities and units counted with an alternative after a slash ("3 huyện/thành phố",
#: "120 xã/phường"); not a currency or a measure ("23.500 đồng/USD", "20.000 đồng/lít").
_LOCALITY_NOUNS = frozenset({"huyện", "xã", "phường", "quận", "thôn", "bản", "tỉnh", "trường",
                             "hộ", "districts", "district", "communes", "commune", "wards"})


#: A result slashed against its plan, "1.200 tỷ đồng/dự toán 1.500 tỷ", "X billion VND/estimate
#: of Y": the plan's first word after the slash ends the amount.
_PLAN_AFTER_SLASH = frozenset({"estimate", "plan", "target", "dự", "kế", "kh", "dt"})


def _candidate_ends(text: str, end: int, limit: int) -> list[int]:
    """Offsets where a figure starting before ``end`` may stop, nearest first."""
    ends = [end]
    window = text[end:limit]
    cut = _TABLE_OR_PARAGRAPH.search(window)
    if cut:
        window = window[:cut.start()]
    for i, token in enumerate(_TOKEN_RE.finditer(window)):
        if i >= _MAX_TOKENS:
            break
        word = token.group(0)
        stripped = word.rstrip(".,;:!?)”\"/…")
        if CUES.SCALE_ABBREVIATION.search(word):
            stripped = word
        if stripped.startswith(tuple(_STOP_PUNCT)):
            break
        # "%" may be glued to the next word only through "/" ("%/năm"); a word glued to it
        # otherwise is a missing space ("đạt 33,3%KH", "tăng 4%so cùng kỳ"): "%" ends the figure
        if i == 0 and re.match(r"%[^\W\d_]", stripped):
            ends.append(end + token.start() + 1)
            break
        inner = CUES.INNER_STOP.search(stripped)
        if inner:
            stripped = stripped[:inner.start()]
        if stripped:
            ends.append(end + token.start() + len(stripped))
            # "3 huyện/thành phố", "xã/phường": a counted noun with its alternative after a
            # slash may end the figure at the slash (a unit per "/người" reads longer first)
            slash = stripped.find("/")
            if slash > 0 and (stripped[:slash].lower() in _LOCALITY_NOUNS or
                              stripped[slash + 1:].lower() in _PLAN_AFTER_SLASH) and \
                    stripped[slash + 1:slash + 2].isalpha():
                ends.append(end + token.start() + slash)
        if len(stripped) < len(word) or inner:
            break
    return sorted(set(ends), reverse=True)


def _lead(before: str) -> re.Match | None:
    """``_LEAD_RE.search(before)``: the qualifier or currency words ending ``before``."""
    last = len(before.rstrip())
    if sign := _SIGN_LEAD.search(before):
        return sign
    if not _LEAD_END.search(before, max(0, last - _LEAD_END_SPAN), last):
        return None  # no qualifier's last word, nor a currency, before the white space
    return _LEAD_RE.search(before)


@lru_cache(maxsize=1 << 16)
def _parse(raw: str, lang: str, unit: str | None) -> ParsedValue | None:
    # remembered: a figure's words are read at up to eight lengths, and the nouns probed
    # for counts ("1 dự án") and the tails around numbers recur all through a document
    try:
        return parse_value(raw, lang=lang, unit=unit)
    except ParseError:
        return None


def find_figures(text: str, *, lang: str | None = None, unit: str | None = None,
                 bare: bool = False) -> list[Figure]:
    """Every figure in ``text``, in order, without overlaps.

    Parameters
    ----------
    text : str
    lang : {"vi", "en"}, optional
        Number format of the document; guessed by :func:`document_lang` when None.
    unit : str, optional
        Unit for numbers written without one (a table cell under a header that names it).
    bare : bool, default False
        Accept a number with no unit at all (a table cell whose header gives no unit).

    Returns
    -------
    list of Figure

    Examples
    --------
    >>> [f.raw for f in find_figures("Ngày 3/10/2025, GRDP tăng 9,2%; thu 62.381 tỷ đồng.")]
    ['9,2%', '62.381 tỷ đồng']
    """
    return _figures_from(text, lang or document_lang(text), unit, bare)


def _figures_from(text: str, lang: str, unit: str | None = None, bare: bool = False,
                  lo: int = 0, hi: int | None = None) -> list[Figure]:
    """:func:`find_figures` reading only the numbers that start in ``text[lo:hi]`` (``lo`` 0
    and ``hi`` None: all of them), with the whole text around them: a part of a long text read
    in a process of its own (:func:`hy_analysis.extraction.core.extract`). A part started
    after the text's start is exact only once the reading has caught up with the whole
    text's (a figure taken as the whole text takes it): the caller checks that on a stretch
    read by both parts."""
    figures: list[Figure] = []
    taken_until = 0
    for m in CUES.NUMBER_RE.finditer(text, lo):
        start, end = m.span()
        if hi is not None and start >= hi:
            break
        if start < taken_until:
            continue
        if shares := _share_list(text, start, lang):
            figures.extend(shares)
            taken_until = shares[-1].end
            continue
        if _not_a_figure(text, start, end) or CUES.NOT_COUNTED.match(text, end):
            continue
        lead = _lead(text[max(0, start - 40):start])
        lead_start = start - len(lead.group(0)) if lead else start
        if lead and CUES.TOP_LEAD.match(text, lead_start) and not CUES.MONEY_AFTER.match(text, end):
            lead_start = start  # "the top 10 firms": a rank, no bound (but "exports top 1.1
            # billion USD": money written after the number)
        if lead_start < taken_until:
            lead_start = start
        limit = min(len(text), end + 80)
        found = None
        # qualifier words before the number never make an unreadable unit readable: the
        # number with its unit is read first, and with its qualifier only when that reads
        # (a currency before the number is part of the unit: both are tried)
        money_lead = lead_start < start and CUES.CURRENCY_LEAD.search(text, lead_start, start)
        for stop in _candidate_ends(text, end, limit):
            if lead_start < start and not money_lead:
                plain = _parse(text[start:stop], lang, unit)
                if (plain is None or (plain.unit is None and not bare)) and not \
                        CUES.BETWEEN_LEAD.search(text, lead_start, start) and not (
                            plain is None and unit is None
                            and CUES.BARE_BILLIONS.search(text, start, stop)):
                    continue  # (but "trên 10 ngàn tỷ": dong, read below, with its bound)
            for begin in dict.fromkeys((lead_start, start)):
                raw = text[begin:stop]
                parsed = _parse(raw, lang, unit)
                notes = []
                if parsed is None and unit is None and CUES.BARE_BILLIONS.search(raw):
                    # "thu ngân sách đạt 9.500 tỉ", "26 nghìn tỷ": "tỷ" with no currency
                    # written is dong, unless the figure before in its sentence is in dollars
                    usd = CUES.DOLLARS_BEFORE.search(text, max(0, begin - 80), begin)
                    parsed = _parse(raw + (" USD" if usd else " đồng"), lang, unit)
                    notes = [f"no currency after the amount: read as {'USD' if usd else 'VND'}"
                             + (" like the amount before it" if usd else "")]
                if parsed is not None and parsed.unit == "VND" and raw[-4:].lower() == \
                        "đồng" and CUES.DONG_COMPOUND.match(text, stop):
                    parsed = None  # "15 đồng chí" (comrades): a word, not the currency
                if money_lead and begin == start and parsed is not None and \
                        parsed.unit is not None and not parsed.unit.startswith(("USD", "VND")):
                    # "a $60 million project": the currency before the number is its unit,
                    # the noun after it is what the money is for, not a count
                    continue
                if parsed is not None and (parsed.unit is not None or bare):
                    found = Figure(begin, stop, raw, parsed, notes)
                    break
            if found:
                break
        if found is not None and found.start < start and CUES.BY_HOW_MUCH.match(
                text, found.start, start) and (found.parsed.unit == "times" or CUES.COMPARED.match(
                    text, found.end)):
            # "cao hơn 6,2% so với cùng kỳ", "cao hơn 1,16 lần": higher by, not above
            plain = _parse(text[start:found.end], lang, unit)
            if plain is not None and plain.unit is not None:
                notes = ["a difference ('cao hơn ... so với'), not a bound"]
                if CUES.LOWER_BY.match(text, found.start, start) and plain.unit != "times" and \
                        plain.low is not None and plain.low > 0:
                    # "thấp hơn 0,87 điểm % so với kịch bản": short of it, a negative change
                    plain = dataclasses.replace(plain, low=-plain.low, high=(
                        -plain.high if plain.high is not None else None))
                    notes = ["a shortfall ('thấp hơn ... so với'): negative"]
                found = Figure(start, found.end, text[start:found.end], plain, notes)
        if found is not None and found.start < start and CUES.ENGLISH_THAN.match(
                text, found.start, start) and (CUES.INTENSIFIER_BEFORE.search(
                    text, max(0, found.start - 16), found.start) or CUES.OF_A_YEAR_AFTER.match(
                    text, found.end)):
            # "much higher than 500,000 VND in 2008": the level it is set against, not a bound
            plain = _parse(text[start:found.end], lang, unit)
            if plain is not None and plain.unit is not None:
                found = Figure(start, found.end, text[start:found.end], plain,
                               found.notes + ["the level a comparative sets it against "
                                              "('higher than ... in 2010'), not a bound"])
        if found is not None and found.start < start and found.parsed.qualifier == "above" \
                and found.parsed.unit == "percent" and CUES.EXCEED_BEFORE.search(
                    text, found.start, start) and CUES.OF_PLAN_AFTER.match(text, found.end):
            # "exceeding 49% of the central budget estimate": by how much, not a bound
            plain = _parse(text[start:found.end], lang, unit)
            if plain is not None and plain.unit == "percent":
                found = Figure(start, found.end, text[start:found.end], plain,
                               ["an excess over the plan ('exceeding ... of the estimate'), "
                                "not a bound"])
        if found is not None and found.start == start and found.parsed.qualifier == "exact" \
                and found.parsed.unit not in (None, "percent", "percentage_points", "times") \
                and CUES.EXCEED_MONEY_BEFORE.search(
                    text, max(0, start - 12), start) and not CUES.OF_PLAN_AFTER.match(
                    text, found.end) and not CUES.COMPARED_AFTER.match(text, found.end):
            # "tổng thu vượt 170 tỷ đồng": a bare "vượt" before money is at least that much,
            # and so before any quantity with a unit ("diện tích vượt 1.200 ha", "vượt 3 triệu
            # lượt khách") ("vượt 5% kế hoạch", "vượt 120 tỷ đồng so với dự toán" say by how
            # much)
            begin = CUES.EXCEED_MONEY_BEFORE.search(text, max(0, start - 12), start).start()
            found = Figure(begin, found.end, text[begin:found.end], dataclasses.replace(
                found.parsed, qualifier="above", high=None),
                found.notes + ["'vượt' (exceeding) before an amount: a lower bound"])
        if found is not None and found.parsed.qualifier == "range" and \
                CUES.CHANGE_FROM.search(text, max(0, start - 120), start) and \
                (to := CUES.TO_SECOND.search(found.raw, start - found.start)):
            # "increased from 26.8% to 26.9%": where it started and where it went, not a range
            first = _parse(found.raw[:to.start()], lang, unit)
            if first is not None and first.unit == found.parsed.unit:
                found = Figure(found.start, found.start + to.start(), found.raw[:to.start()],
                               first, ["the start of a change ('from ... to'), not a range"])
        if found is None:
            found = _unit_after_list(text, start, end, lead_start, lang, unit)
        if found is None:
            found = _persons_before(text, start, end, lead_start, lang)
        if found is None and figures:
            found = _unit_before(text, start, end, lead_start, lang, figures[-1])
        if found is None:
            found = _bare_count(text, start, end, lead_start, lang)
        if found is None:
            found = _total_count(text, start, end, lang)
        if found is None:
            continue
        if unit is not None and found.parsed.unit == unit and found.notes == [] and \
                (_parse(found.raw, lang, None) or found.parsed).unit is None:
            found.notes.append(f"unit {unit!r} from the table's row label")
        if found.parsed.ambiguous and not any(n.startswith("number read in") for n in found.notes):
            found = _local_reading(text, found, lang, unit)  # (unless read with its unit's words)
        if (whole := _WHOLE_LAST.search(found.raw)) and \
                CUES.GROWTH_NOUN_AFTER.match(text, found.start + whole.start()):
            # "8% GRDP growth": the economy's word starts the growth named after the figure,
            # not the whole a share is of ("35% GRDP")
            plain = _parse(found.raw[:whole.start()], lang, unit)
            if plain is not None and plain.unit is not None:
                found = Figure(found.start, found.start + whole.start(),
                               found.raw[:whole.start()], plain, found.notes)
        if _repeated_denominator(text, found, figures):
            continue
        if found.parsed.unit == "persons" and unit is None:
            found = _workers_counted(text, found)
        figures.append(found)
        taken_until = found.end
    return _localities_meeting(text, figures, lang, lo, hi)


def _repeated_denominator(text: str, found: Figure, figures: list[Figure]) -> bool:
    """Whether ``found`` is the second number of a pair ("giải ngân 2.118/13.954 tỷ đồng")
    that repeats, in its sentence, an amount already read ("đã phân khai 13.954 tỷ đồng"): the
    whole the first is set against, said again, is no figure of its own."""
    if not _PAIR_BEFORE.search(text, max(0, found.start - 8), found.start):
        return False
    for before in reversed(figures[-8:]):
        between = text[before.end:found.start]
        if re.search(r"[.!?](?=\s|$)|\n", between):
            return False
        if (before.parsed.low, before.parsed.high, before.parsed.unit) == (
                found.parsed.low, found.parsed.high, found.parsed.unit) and \
                not _PAIR_BEFORE.search(text, max(0, before.start - 8), before.start):
            return True
    return False
def _workers_counted(text: str, figure: Figure) -> Figure:
    """``figure`` as a count when it counts people by a bare "người"/"people" in a clause on
    labour ("giải quyết việc làm cho 3.970 người", "xuất khẩu lao động được 175 người",
    "2,800 people were sent to work abroad"): workers are counted, like "lao động" and
    "workers"; residents, visitors and the insured of health insurance stay persons."""
    if not CUES.BARE_PERSONS_END.search(figure.raw):
        return figure
    lo = max((m.end() for m in CUES.CLAUSE_STOP.finditer(text, max(0, figure.start - 200),
                                                          figure.start)),
             default=max(0, figure.start - 200))
    stop = CUES.CLAUSE_STOP.search(text, figure.end, figure.end + 200)
    clause = text[lo:stop.start() if stop else figure.end + 200]
    if not CUES.LABOUR_CLAUSE.search(clause) or CUES.NOT_WORKERS_CLAUSE.search(clause):
        return figure
    return Figure(figure.start, figure.end, figure.raw,
                  dataclasses.replace(figure.parsed, unit="count"),
                  figure.notes + ["people counted in a clause on labour: workers, a count"])


def _localities_meeting(text: str, figures: list[Figure], lang: str, lo: int = 0,
                        hi: int | None = None) -> list[Figure]:
    """``figures`` with the counts of localities meeting a standard out of their total, "33/47
    xã đạt chuẩn nông thôn mới" (33 communes), which the number pattern leaves out as a share of
    a count; a tally of plan items ("13/13 sản phẩm đạt kế hoạch") stays out. (Those starting
    in ``text[lo:hi]``.)"""
    added = []
    for met in CUES.OF_LOCALITIES_MEETING.finditer(text, lo):
        begin, stop = met.start(), met.end("noun")
        if hi is not None and begin >= hi:
            break
        if any(f.start < stop and begin < f.end for f in figures):
            continue
        parsed = _parse(f"{met.group('count')} {met.group('noun')}", lang, None)
        if parsed is not None and parsed.unit == "count":
            added.append(Figure(begin, stop, text[begin:stop], parsed,
                                ["a count of localities meeting a standard, of their total"]))
    return sorted(figures + added, key=lambda f: f.start) if added else figures


def _format_number(value) -> str:
    """A number for a reviewer, thousands apart by spaces: ``34 500 000 000 000``, ``1.5``."""
    if value is None:
        return "none"
    return f"{value:,.0f}".replace(",", " ") if value == int(value) else f"{value:g}"


def _local_reading(text: str, figure: Figure, lang: str, unit: str | None) -> Figure:
    """Read a number that reads both ways ("34,500") by the evidence nearest to it.

    The figure's own words decide first ("billion" is English, "tỷ" Vietnamese, whatever the
    document's letters), then the language of its paragraph (up to 300 characters either
    side: an English paragraph quoting "Hưng Yên"), then the document's. The note gives both
    readings.
    """
    # "$2,890": a dollar sign before the number is the English way of writing it
    own = infer_lang(figure.raw) or ("en" if CUES.DOLLAR_OPENS.match(figure.raw) else None)
    # its paragraph, within 300 characters either side
    lo = max(text.rfind("\n\n", max(0, figure.start - 300), figure.start),
             figure.start - 300, 0)
    hi = text.find("\n\n", figure.end, figure.end + 300)
    around = text[lo:hi if hi >= 0 else figure.end + 300]
    numbers = _number_format_around(around.replace(figure.raw, " "))
    if numbers:
        # "2.146ha ... 1310.3ha. ... 495,21ha; 445,41ha; 36,37ha": one decimal point near it
        # is outweighed by a paragraph that writes its decimals the other way (twice as often)
        p_lo = text.rfind("\n\n", max(0, figure.start - 1500), figure.start)
        p_hi = text.find("\n\n", figure.end, figure.end + 1500)
        paragraph = text[max(p_lo, figure.start - 1500, 0):p_hi if p_hi >= 0 else
                         figure.end + 1500].replace(figure.raw, " ")
        en, vi = len(_EN_DECIMAL.findall(paragraph)), len(_VI_DECIMAL.findall(paragraph))
        if (numbers == "en" and vi >= 2 * en) or (numbers == "vi" and en >= 2 * vi):
            numbers = "vi" if numbers == "en" else "en"
    document = _document_decimals(text)
    if document == "vi" and own != "vi" and not CUES.DOLLAR_OPENS.match(figure.raw):
        # "GRDP per capita reaches 3.200 USD or more", "5.500 million USD" in an English text
        # whose decimals are all written with a comma ("14,2%", "1,5 million tons"): the text
        # writes numbers the Vietnamese way, whatever the words around them
        chosen, why = "vi", "the document's decimals"
    elif own:
        chosen, why = own, "its own words"
    elif numbers:
        # "VNĐ70.2 – 70.9 million (US$2,890-2,920)": the numbers beside it that read one way
        # only ("70.2") say how this paragraph writes numbers, whatever its letters
        chosen, why = numbers, "the numbers around it"
    elif sum(ch.isalpha() for ch in around) >= 40:
        chosen, why = document_lang(around), "the language around it"
    else:  # a table cell, a short line: the document's
        chosen, why = lang, "the document's language"
    unit = unit or figure.parsed.unit
    parsed = _parse(figure.raw, chosen, unit) or figure.parsed
    other = _parse(figure.raw, "en" if chosen == "vi" else "vi", unit)
    note = (f"number read in {chosen} format by {why}: {_format_number(parsed.low)}"
            + (f"-{_format_number(parsed.high)}" if parsed.high != parsed.low else ""))
    if other is not None and (other.low, other.high) != (parsed.low, parsed.high):
        note += (f"; AMBIGUOUS: in {'en' if chosen == 'vi' else 'vi'} format it reads "
                 f"{_format_number(other.low)}"
                 + (f"-{_format_number(other.high)}" if other.high != other.low else ""))
    return dataclasses.replace(figure, parsed=parsed, notes=figure.notes + [note])


#: A number with one or two decimals after a point (English) or a comma (Vietnamese), no
#: other mark or digit around it: "(?<![\d.,])\d+[.]\d{1,2}(?![\d.,])" written to begin
#: with a digit (the mark before it is looked at after the first digit), so that ``re`` skips
#: to the digits of a paragraph instead of trying the look-behind at every letter.
_EN_DECIMAL = re.compile(r"\d(?<![\d.,]\d)\d*\.\d{1,2}(?![\d.,])")
_VI_DECIMAL = re.compile(r"\d(?<![\d.,]\d)\d*,\d{1,2}(?![\d.,])")


@lru_cache(maxsize=8)
def _document_decimals(text: str) -> str | None:
    """"vi" when a document writes two or more decimals, all with a comma ("14,2%", "1,5
    million"), and none with a point; "en" the other way round; else None (remembered: every
    ambiguous number of a document asks)."""
    en, vi = len(_EN_DECIMAL.findall(text)), len(_VI_DECIMAL.findall(text))
    return "vi" if vi >= 2 and not en else "en" if en >= 2 and not vi else None


def _number_format_around(text: str) -> str | None:
    """The number format of the unambiguous decimals in ``text`` ("70.2" English, "70,2"
    Vietnamese), None when there are none or both."""
    en, vi = bool(_EN_DECIMAL.search(text)), bool(_VI_DECIMAL.search(text))
    return "en" if en and not vi else "vi" if vi and not en else None


def _share_list(text: str, start: int, lang: str) -> list[Figure]:
    """Shares listed with hyphens and one "%": "chiếm 28-28-44%" is three figures."""
    if _RANGE_BEFORE.search(text, max(0, start - 3), start):
        return []
    listed = _SHARE_LIST.match(text, start)
    if listed is None:
        return []
    members = list(_SHARE_MEMBER.finditer(text, start, listed.end()))
    shares = []
    for i, member in enumerate(members):
        stop = listed.end() if i == len(members) - 1 else member.end()
        parsed = _parse(member.group(0) + " %", lang, None)
        if parsed is None:
            return []
        shares.append(Figure(member.start(), stop, text[member.start():stop], parsed,
                             [f"one of the shares listed {listed.group(0)!r}"]))
    return shares


def _unit_before(text: str, start: int, end: int, lead_start: int, lang: str,
                 previous: Figure) -> Figure | None:
    """A number with no unit right after "from" behind a figure of its sentence takes that
    figure's unit ("tăng lên 5,8 triệu đồng/tháng từ 4 triệu", "to 5.8 million VND from 4
    million")."""
    if not CUES.FROM_RIGHT_BEFORE.search(text, max(0, lead_start - 6), lead_start) or \
            CUES.LENGTH_AFTER.match(text, end) or \
            previous.parsed.unit is None or start - previous.end > 40 or \
            re.search(r"[.;:!?\n(](?!\d)", text[previous.end:start]):
        return None
    scale = CUES.SCALE_AFTER.match(text, end)
    stop = scale.end() if scale else end
    numbers = list(CUES.NUMBER_AND_SCALE.finditer(previous.raw))
    last = numbers[-1] if numbers else None
    if last is None or (not scale and re.search(r"[^\d.,\s]", last.group(0))):
        return None  # "from 4" after "5.8 million": the scale is not written twice
    parsed = _parse(text[start:stop] + " " + previous.raw[last.end():], lang, None)
    if parsed is None or parsed.unit != previous.parsed.unit:
        return None
    return Figure(start, stop, text[start:stop], parsed,
                  [f"unit from the figure before it ({previous.raw!r})"])


def _persons_before(text: str, start: int, end: int, lead_start: int,
                    lang: str) -> Figure | None:
    """A number of visitors (or an ICOR) whose noun comes before it, or after it by a verb
    ("2.1 million were domestic travellers"), and no unit after it."""
    if _is_year(text[start:end]):
        return None
    window = max(0, lead_start - 100)
    scale = CUES.SCALE_AFTER.match(text, end)
    if CUES.PERSONS_BEFORE.search(text, window, lead_start):
        unit, words, why = "persons", " people", "the visitors named before it"
    elif CUES.PERSONS_AFTER.match(text, scale.end() if scale else end):
        unit, words, why = "persons", " people", "the visitors named after it ('were ...')"
    elif scale and CUES.PERSONS_AND_BEFORE.search(text, window, lead_start):
        unit, words, why = "persons", " people", "the visitors of the figure before 'and'"
    elif CUES.ICOR_BEFORE.search(text, window, lead_start):
        unit, words, why, scale = "times", " times", "'ICOR' named before it", None
    elif CUES.VISITS_BEFORE.search(text, window, lead_start) and \
            CUES.TURNS_AFTER.match(text, scale.end() if scale else end):
        # "khách trong nước khoảng 302.000 lượt (tăng 0,7%)", "toàn tỉnh đón khoảng 560.000
        # lượt": visits with their noun left out, right after the visitors or "đón" (not
        # "cao điểm vượt 2.000 lượt" after "lượt xe", nor "3.420 lượt xem")
        unit, words, why = "persons", " people", "visits ('lượt') of the visitors named before it"
    else:
        return None
    stop = scale.end() if scale else end
    if not scale and (r := _COUNT_RANGE_END.match(text, end)):
        stop = r.end()  # "ICOR is estimated at 4-4.3"
    # "khách quốc tế ước đạt hơn 74.000 lượt": the count word of visits goes with the number
    turns = CUES.TURNS_AFTER.match(text, stop) if unit == "persons" else None
    for begin in dict.fromkeys((lead_start, start)):
        parsed = _parse(text[begin:stop] + words, lang, None)
        if parsed is not None and parsed.unit == unit:
            end_at = turns.end() if turns else stop
            return Figure(begin, end_at, text[begin:end_at], parsed, [f"unit {unit!r} from {why}"])
    return None


def _unit_after_list(text: str, start: int, end: int, lead_start: int, lang: str,
                     unit: str | None) -> Figure | None:
    """A number with no unit of its own joined by "and"/"và" to a figure that has one: it
    takes that figure's unit and scale ("2.3 and 2.7-fold" = 2.3 times; "2 và 3 tỷ USD")."""
    join = CUES.LIST_JOIN.match(text, end) or CUES.PAIR_JOIN.match(text, end)
    if join is None or CUES.BETWEEN_LEAD.search(text, max(0, lead_start - 10), lead_start or start):
        return None
    nxt = CUES.NUMBER_RE.match(text, join.end())
    if nxt is None:
        return None
    for stop in _candidate_ends(text, nxt.end(), min(len(text), nxt.end() + 80)):
        second = _parse(text[nxt.start():stop], lang, unit)
        if second is None or second.unit is None or second.qualifier == "range":
            continue
        for begin in dict.fromkeys((lead_start, start)):
            words = text[begin:end] + text[nxt.end():stop]
            parsed = _parse(words, lang, unit)
            if parsed is not None and parsed.unit == second.unit:
                notes = [f"unit from the figure after it ({text[start:stop]!r})"]
                if parsed.ambiguous:  # "45.799" read with its scale: "45.799 tỷ đồng"
                    local = _local_reading(text, Figure(begin, end, words, parsed), lang, unit)
                    parsed, notes = local.parsed, notes + local.notes
                return Figure(begin, end, text[begin:end], parsed, notes)
        return None
    return None


def _count_noun_before(text: str, at: int, lang: str) -> str:
    """The last counted noun among the words of the sentence before ``at`` ("19 FDI
    projects" -> "projects"), else ""."""
    clause = re.split(r"[.!?](?!\d)|\n", text[max(0, at - 160):at])[-1]
    words = [m.group(0).strip(".,;()") for m in _TOKEN_RE.finditer(clause)]
    return next((" ".join(words[i:i + k]) for i in range(len(words) - 1, -1, -1) for k in (1, 2)
                 if (probe := _parse("1 " + " ".join(words[i:i + k]), lang, None)) is not None
                 and probe.unit == "count"), "")


def _stop_of_sentence_before(text: str, at: int) -> int:
    """Where the stop ending the sentence before the one holding ``at`` is, else -1 (a line
    break between: another paragraph)."""
    stop = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    return stop if stop >= 0 and text[stop] == "." else -1


def _count_noun_of_sentence_before(text: str, at: int, lang: str) -> str:
    """The last counted noun of the sentence before the one holding ``at`` (same paragraph),
    when ``at``'s sentence opens as a part of it: what a pronoun counts ("... 1,700 projects.
    Of the total, 800 are foreign-invested ones"), else ""."""
    start = _stop_of_sentence_before(text, at)
    if start < 0 or not CUES.OF_THE_TOTAL.search(text, start, at):
        return ""  # (not "The mayor met 3 others.": only a sentence opened as a part refers)
    return _count_noun_before(text, start, lang)


_GLUED_LETTER = re.compile(r"[^\W\d_]")
_WORDS_STOP = re.compile(r"[,;:“”\"!?\n]|(?<![A-Z])\.(?=\s|$)")

#: A note's mark: a small number in square brackets ("cả nước[1]").
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")


_COUNT_RANGE_END = re.compile(r"\s?[-–]\s?\d+(?:[.,]\d+)?(?![\d.,/:-])")


def _opens_sentence(text: str, at: int) -> bool:
    """Whether a sentence opens at ``at``: the text's start or a stop before it, then spaces
    (read in the few letters before it: the whole text before would cost a pass per figure).

    >>> _opens_sentence("Some 1,200 firms", 0), _opens_sentence("In 2024. Some 5", 9)
    (True, True)
    >>> _opens_sentence("CCN Đô Lương 2", 8)
    False
    """
    head = text[max(0, at - 40):at].rstrip(" \t\xa0")
    return (not head and at <= 40) or head.endswith((".", "!", "?", "\n"))


def _bare_count(text: str, start: int, end: int, lead_start: int, lang: str) -> Figure | None:
    """A count whose noun comes a few words later: "68 new FDI projects"."""
    if _is_year(text[start:end]) or _GLUED_LETTER.match(text, end) or \
            _FOOTNOTE.match(text, max(0, start - 1)):
        # "105m", "115.000m": a length in a unit not read, no count of a noun; a note's mark
        # after a word: "trong cả nước[1]."
        return None
    if (firms := CUES.NEWLY_FOUNDED_ALONE.match(text, end)) and \
            (parsed := _parse(text[lead_start:end], lang, "count")) is not None:
        # "the province has 800 newly established, up 9%": the firms a translation left out
        return Figure(lead_start, end, text[lead_start:end], parsed,
                      ["unit 'count': the firms newly founded, their noun left out"],
                      noun=firms.group(1))
    previous = _WORD_BEFORE.search(text[max(0, start - 30):start])
    if previous and previous.group(1)[0].isupper() and not any(
            mark in previous.group(0)[len(previous.group(1)):] for mark in ",;:(") and \
            not _opens_sentence(text, start - len(previous.group(0))):
        # a name: "CCN Đô Lương 2" (not "... USD; 16 dự án", "the Committee, 330 new firms";
        # nor a word capitalised because it opens the sentence: "Some 1,200 new firms")
        return None
    if CUES.PART_BEFORE.search(text, max(0, start - 20), start) and \
            CUES.PART_AFTER.match(text, end) and \
            (noun := _count_noun_before(text, lead_start, lang)):
        # "457 FDI projects, including 284 in its industrial parks", "trong đó có 120 ở các
        # khu công nghiệp": a part of the count named before, its noun left out
        parsed = _parse(text[start:end], lang, "count")
        if parsed is not None:
            return Figure(start, end, text[start:end], parsed,
                          [f"unit 'count' from the noun {noun!r}", "a part of the count before"])
    if (pronoun := CUES.COUNT_PRONOUN.match(text, end)) and (
            _count_noun_before(text, lead_start, lang)
            or _count_noun_of_sentence_before(text, lead_start, lang)):
        # "licensed 19 FDI projects ... and added capital for 36 others", "28 domestic
        # projects and 20 foreign-invested ones": the noun named before
        parsed = _parse(text[start:end], lang, "count")
        if parsed is not None:
            return Figure(start, pronoun.end(), text[start:pronoun.end()], parsed,
                          ["unit 'count' from the noun named before "
                           f"{text[end:pronoun.end() or end + 9].strip()!r}"])
    if CUES.OF_THESE.search(text, max(0, lead_start - 50), lead_start) and \
            not CUES.PERCENT_AFTER.match(text[end:end + 9]) and _count_noun_before(
                text, lead_start, lang):
        parsed = _parse(text[start:end], lang, "count")
        if parsed is not None:  # "Of these projects, 53 were invested by China"
            return Figure(start, end, text[start:end], parsed,
                          ["unit 'count' from the things counted before it ('of these')"])
    if total := CUES.OUT_OF.match(text, end):
        # "121 out of 161 communes meeting ...": a count of the noun written after its total
        # ("4 out of 14 operating industrial parks": a word or two before the noun)
        words = list(_TOKEN_RE.finditer(text, total.end(), total.end() + 50))[:4]
        for j in range(min(3, len(words))):
            if _WORDS_STOP.search(text, total.end(), words[j].start()):
                break
            for k in range(min(len(words), j + 3), j, -1):
                noun = text[words[j].start():words[k - 1].end()].rstrip(".,;:)")
                probe = _parse("1 " + noun, lang, None)
                if probe is not None and probe.unit == "count":
                    parsed = _parse(text[start:end], lang, "count")
                    if parsed is not None:
                        return Figure(start, end, text[start:end], parsed,
                                      [f"unit 'count' from the noun {noun!r}",
                                       f"a count {total.group(0).strip()!r}"])
        return None
    if second := _COUNT_RANGE_END.match(text, end):
        end = second.end()  # "01 - 02 new rural communes": both ends of a range of counts
    tokens = [t for t in _TOKEN_RE.finditer(text[end:end + 60])][:_COUNT_LOOKAHEAD]
    scaled = bool(tokens) and _SCALE_WORD.fullmatch(tokens[0].group(0)) is not None
    for j in range(1, len(tokens)):
        for k in range(j + 1, min(len(tokens), j + 3) + 1):
            noun = text[end + tokens[j].start():end + tokens[k - 1].end()].rstrip(".,;:)")
            if _WORDS_STOP.search(text, end, end + tokens[j].start()):
                # (nor past the end of its sentence: "diễn ra sáng 5.2.\n\nMột dự án FDI")
                return None
            if CUES.PREPOSITION.search(text, end, end + tokens[j].start()):
                return None  # "22 reports of the unit": the noun is another thing's
            if _VI_LETTERS.search(text, end, end + tokens[j].start()):
                # Vietnamese puts the counted noun right after the number and its modifiers
                # after the noun ("27 dự án trong nước"): a noun further on counts something
                # else ("6 tháng đầu năm ... sản phẩm", "5 tỉnh thành ... khu công nghiệp")
                return None
            probe = _parse("1 " + noun, lang, None)
            if probe is not None and scaled and probe.unit in ("count", "persons"):
                # "5.1 million domestic and foreign tourists", "1,2 triệu lượt khách trong
                # và ngoài nước": a scale word, then the noun after its modifiers
                stop = end + tokens[0].end()
                times = _SCALE_OF[tokens[0].group(0).lower()]
                for begin in dict.fromkeys((lead_start, start)):
                    parsed = _parse(text[begin:end], lang, "count")
                    if parsed is not None:
                        parsed = dataclasses.replace(
                            parsed, unit=probe.unit, low=parsed.low * times,
                            high=None if parsed.high is None else parsed.high * times)
                        return Figure(begin, stop, text[begin:stop], parsed,
                                      [f"unit {probe.unit!r} from the noun {noun!r}"],
                                      noun=noun)
            if probe is not None and probe.unit == "count" and not scaled:
                for begin in dict.fromkeys((lead_start, start)):
                    parsed = _parse(text[begin:end], lang, "count")
                    if parsed is not None:
                        return Figure(begin, end, text[begin:end], parsed,
                                      [f"unit 'count' from the noun {noun!r}"], noun=noun)
    return None


#: A scale word alone (its figure's noun comes later): "million", "triệu".
_SCALE_OF = {"thousand": 1e3, "nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "million": 1e6,
             "triệu": 1e6, "billion": 1e9}
_SCALE_WORD = re.compile("|".join(_SCALE_OF), re.IGNORECASE)


def _total_count(text: str, start: int, end: int, lang: str) -> Figure | None:
    """A bare count whose noun comes before it, after a total: "bringing the total number of
    FDI projects to 1,366", "17 new parks, bringing its total to 51"."""
    if _is_year(text[start:end]) or re.match(r"\s*(?:[/%]|[^\W\d_])", text[end:end + 2]) and \
            not CUES.LINK_WORD_AFTER.match(text[end:end + 7]):
        return None
    before = text[max(0, start - 90):start]
    if not CUES.TOTAL_TO.search(before):
        return None
    clause = re.split(r"[.;:!?\n]", before)[-1]
    words = [m.group(0).strip(".,()") for m in _TOKEN_RE.finditer(clause)]
    for i in range(len(words)):
        for k in (2, 1, 3):
            probe = _parse("1 " + " ".join(words[i:i + k]), lang, None)
            if probe is not None and probe.unit == "count":
                parsed = _parse(text[start:end], lang, "count")
                if parsed is not None:
                    return Figure(start, end, text[start:end], parsed,
                                  ["unit 'count' from the total's noun before it"],
                                  noun=" ".join(words[i:i + k]))
    return None


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """NFC, lower case, single spaces: the form phrases are compared in. (Remembered: a
    row's words are compared twice when repeats are dropped.)"""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip().lower()


_SPACES = re.compile(r"\s+")
