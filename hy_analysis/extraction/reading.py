"""Read a figure's context: sentence, period, kind, measure, indicator, region, breakdown.

Pure functions over the document text and offsets. The vocabularies come from data files
(indicators.csv, indicator_synonyms.csv and the region map of loading) passed in as a
:class:`Vocabulary`; the rules here are about how Vietnamese and English reports are written,
not about any one text. The words a rule looks for ("ước tính", "so với", ...) are the regexes
of extraction/cues.toml (``CUES.<NAME>``, :mod:`hy_analysis.extraction.cues`).
"""

from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import paths
from ..exceptions import DataFileError
from ..loading import load_region_map
from ..territories import RegionMap
from .alternation import alternation
from .cues import CUES
from .windows import windowed

__all__ = ["Vocabulary", "load_vocabulary", "sentence_spans", "find_period", "find_kind",
           "find_measure", "match_phrases", "strip_accents", "whole_term"]


# Each Latin letter with diacritics -> its base letter: one character for one, so offsets hold.
_BASE_LETTERS = {i: unicodedata.normalize("NFD", chr(i))[0]
                 for i in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
                 if unicodedata.normalize("NFD", chr(i))[0] != chr(i)}
_BASE_LETTERS[ord("đ")] = "d"


def strip_accents(text: str) -> str:
    """Lower case without diacritics (``Hưng Yên`` -> ``hung yen``), same length for NFC text.

    Examples
    --------
    >>> strip_accents("Hưng Yên, Đông Hưng")
    'hung yen, dong hung'
    """
    return unicodedata.normalize("NFC", text).lower().translate(_BASE_LETTERS)


_WORDS = re.compile(r"\w+")


@dataclass
class Vocabulary:
    """Indicator codes, synonyms and territories read from the data folder.

    Attributes
    ----------
    indicator_units : dict
        Code -> unit of data/indicators.csv.
    phrases : list of (phrase, field, value)
        Lower-case phrases of data/indicator_synonyms.csv: naming an indicator (field
        ``indicator``), a breakdown or a place; the head nouns of counted families (``head``:
        parks, clusters), their variants (``variant``: new, expanded, ...) and the modifiers
        that separate near neighbours (``modifier``: output vs value added, new, per person,
        words that make a phrase a comparison's base).
    regions : dict
        Region -> list of its territories' rows of the region map.
    region_map : RegionMap
        From :func:`hy_analysis.loading.load_region_map`: the territory of a place at a date.
    """

    indicator_units: dict[str, str]
    phrases: list[tuple[str, str, str]]
    regions: dict[str, list[dict]]
    region_map: RegionMap | None = None
    _pattern: dict = field(default_factory=dict, repr=False)

    def pattern(self, fieldname: str) -> re.Pattern:
        """One regex over every phrase of ``fieldname``, longest first, on whole words."""
        if fieldname not in self._pattern:
            words = sorted({p for p, f, _ in self.phrases if f == fieldname}, key=len, reverse=True)
            # as a trie: hundreds of phrases tried letter by letter, not one by one
            self._pattern[fieldname] = re.compile(r"(?<!\w)" + alternation(words) + r"(?!\w)")
        return self._pattern[fieldname]

    def patterns(self, fieldname: str) -> list[tuple[str, re.Pattern]]:
        """One regex per phrase of ``fieldname``: matches that overlap are all found."""
        key = ("each", fieldname)
        if key not in self._pattern:
            words = sorted({p for p, f, _ in self.phrases if f == fieldname}, key=len, reverse=True)
            self._pattern[key] = [(w, re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)"))
                                  for w in words]
        return self._pattern[key]

    def patterns_in(self, fieldname: str, low: str) -> list[tuple[str, re.Pattern]]:
        """The :meth:`patterns` whose first two words occur in ``low`` (a lower-case text) one
        after the other (its first word, for a phrase of one): the few worth trying, found
        by a lookup rather than a search per phrase. (A phrase written whole, on word
        boundaries, has its words as words of ``low``, its first two next to each other.)"""
        key = ("first", fieldname)
        if key not in self._pattern:
            index: dict = {}
            for word, rx in self.patterns(fieldname):
                words = _WORDS.findall(word) if re.match(r"\w", word) else []
                lead = tuple(words[:2]) if len(words) > 1 else words[0] if words else ""
                index.setdefault(lead, []).append((word, rx))
            self._pattern[key] = index
        index = self._pattern[key]
        tokens = _WORDS.findall(low)
        written = {"", *tokens, *zip(tokens, tokens[1:])}
        return [p for lead in written & index.keys() for p in index[lead]]

    def tolerant(self, fieldname: str) -> dict[str, list[str]]:
        """The long phrases of ``fieldname`` (at least :data:`_TOLERANT_WORDS` words) by their
        first word: those a text may write with a typo or a truncated last word."""
        key = ("tolerant", fieldname)
        if key not in self._pattern:
            index: dict[str, list[str]] = {}
            for phrase in sorted({p for p, f, _ in self.phrases if f == fieldname}):
                words = _WORDS.findall(phrase)
                if len(words) >= _TOLERANT_WORDS and len(phrase) >= _TOLERANT_CHARS:
                    index.setdefault(words[0], []).append(phrase)
            self._pattern[key] = index
        return self._pattern[key]

    def words(self, fieldname: str, value: str, *, at_end: bool = False) -> re.Pattern:
        """One case-insensitive regex over the phrases of ``fieldname`` with ``value`` (a
        head noun, a variant, a modifier), on whole words; ``at_end`` anchors it at the end
        of the text searched ("so với" right before a phrase). A "…" in a phrase stands for a
        few words: "value of … production" matches "value of construction production"."""
        key = ("words", fieldname, value, at_end)
        if key not in self._pattern:
            words = sorted({p for p, f, v in self.phrases if f == fieldname and v == value},
                           key=len, reverse=True)
            # "…" in a phrase stands for a few words ("value of … production")
            body = "|".join(re.escape(w).replace("…", r"[\w\s,-]{0,40}?")
                            for w in words) or r"(?!x)x"
            tail = r"\s*(?:the\s+)?$" if at_end else r"(?!\w)"
            self._pattern[key] = re.compile(r"(?<!\w)(?:" + body + ")" + tail, re.IGNORECASE)
        return self._pattern[key]

    def names(self, fieldname: str) -> list[str]:
        """The values of ``fieldname`` in file order (head nouns, variants)."""
        key = ("names", fieldname)
        if key not in self._pattern:  # asked per counted figure: the phrases are read once
            self._pattern[key] = list(dict.fromkeys(v for _, f, v in self.phrases
                                                    if f == fieldname))
        return list(self._pattern[key])

    def values(self, fieldname: str, phrase: str) -> list[str]:
        """The values (codes, regions) a phrase of ``fieldname`` stands for, in file order."""
        if "values" not in self._pattern:
            index: dict[tuple[str, str], list[str]] = {}
            for p, f, v in self.phrases:
                index.setdefault((f, p), []).append(v)
            self._pattern["values"] = index
        return self._pattern["values"].get((fieldname, phrase), [])


@lru_cache(maxsize=4)
def _load(folder: str, stamp: tuple) -> Vocabulary:
    base = Path(folder)
    with open(base / "indicators.csv", encoding="utf-8-sig") as handle:
        units = {r["code"]: r["unit"] for r in csv.DictReader(handle)}
    phrases, vietnamese = [], []
    english = []
    with open(base / "indicator_synonyms.csv", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        for r in reader:
            if None in r or None in r.values():
                # a phrase with an unquoted comma would lose its words after the comma
                raise DataFileError(
                    f"{base / 'indicator_synonyms.csv'}, line {reader.line_num}: "
                    f"expected 4 fields (field, value, lang, phrase); quote a phrase that "
                    f"contains a comma")
            # an en dash in the text is read as a hyphen (match_phrases): so is one here
            phrases.append((r["phrase"].strip().lower().translate(_DASHES), r["field"],
                            r["value"]))
            (english if r.get("lang", "vi") == "en" else vietnamese).append(phrases[-1])
    with open(base / "indicators.csv", encoding="utf-8-sig") as handle:
        for r in csv.DictReader(handle):
            phrases.append((r["name_vi"].strip().lower(), "indicator", r["code"]))
            vietnamese.append(phrases[-1])
            phrases.append((r["name_en"].strip().lower(), "indicator", r["code"]))
            english.append(phrases[-1])
    # the same words in the other spellings of Vietnamese text, after the phrases as written
    # (a spelling another phrase already has keeps that phrase's meaning)
    written = {(p, f) for p, f, _ in phrases}
    added = set()
    for phrase, fieldname, value, spell in [(p, f, v, spellings) for p, f, v in vietnamese] + [
            (p, f, v, english_forms if f == "indicator" else english_spellings)
            for p, f, v in english]:
        for other in spell(phrase)[1:]:
            if (other, fieldname) not in written and (other, fieldname, value) not in added:
                added.add((other, fieldname, value))
                phrases.append((other, fieldname, value))
    return _with_regions(Vocabulary(units, phrases, {}), load_region_map(base))


# Two conventions place the tone mark of a final "oa", "oe", "uy": on the first vowel (hóa,
# thủy, khỏe) or the second (hoá, thuỷ, khoẻ); both are common in provincial documents.
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ"}
_PAIRS = ("oa", "oe", "uy")
_MARK_ON_FIRST = re.compile(r"(?<!q)([òóỏõọùúủũụ])([aey])(?!\w)")
_MARK_ON_SECOND = re.compile(r"(?<!q)([ou])([àáảãạèéẻẽẹỳýỷỹỵ])(?!\w)")


def _plain(vowel: str) -> tuple[str, int]:
    """The vowel without its tone mark, and the mark's index in :data:`_TONED`."""
    return next(((p, marked.index(vowel)) for p, marked in _TONED.items() if vowel in marked),
                (vowel, -1))


def _tone_forms(phrase: str) -> set[str]:
    """``phrase`` with the tone marks of its final "oa", "oe", "uy" on the other vowel."""
    def second(m):  # "hóa" -> "hoá"
        first, mark = _plain(m.group(1))
        return (first + _TONED[m.group(2)][mark] if first + m.group(2) in _PAIRS
                else m.group(0))

    def first(m):  # "hoá" -> "hóa"
        plain, mark = _plain(m.group(2))
        return (_TONED[m.group(1)][mark] + plain if m.group(1) + plain in _PAIRS
                else m.group(0))

    return {_MARK_ON_FIRST.sub(second, phrase), _MARK_ON_SECOND.sub(first, phrase)}


def spellings(phrase: str) -> list[str]:
    """``phrase`` first, then its other spellings: the tone mark of a final "oa", "oe", "uy"
    on either vowel; the last of a list joined by a comma or by "và"; the words of a list
    joined by commas or by dashes, spaced, unspaced or a space (an en dash is read as a
    dash: see :func:`match_phrases`).

    >>> spellings("công nghiệp - xây dựng")
    ['công nghiệp - xây dựng', 'công nghiệp, xây dựng', 'công nghiệp-xây dựng', 'công nghiệp xây dựng']
    >>> "nông-lâm và thủy sản" in spellings("nông, lâm, thủy sản")
    True
    """
    out = [phrase] + sorted(_tone_forms(phrase) - {phrase})
    for form in list(out):
        last = CUES.LAST_LIST_JOIN.search(form)
        if last:
            other = form[:last.start()] + (" và " if last.group(1) == ", " else ", ") + \
                form[last.end():]
            out += [other] if other not in out else []
    # one list, written with commas or with dashes ("nông, lâm và thủy sản", "nông - lâm và
    # thủy sản", "nông-lâm và thủy sản")
    for form in list(out):
        swapped = (_LIST_COMMA.sub(" - ", form) if _LIST_COMMA.search(form)
                   else _LIST_DASH.sub(", ", form))
        out += [swapped] if swapped not in out else []
    for form in list(out):
        dashes = _LIST_DASH.sub(" - ", form)
        out += [other for other in dict.fromkeys(
            (dashes, dashes.replace(" - ", "-"), dashes.replace(" - ", " "))) if other not in out]
    return out


#: A comma between two words of a list, and a dash, spaced or not.
_LIST_COMMA = re.compile(r"(?<=\w), (?=\w)")
_LIST_DASH = re.compile(r"(?<=\w) ?- ?(?=\w)")


#: British and American spellings of one English word: (pattern, replacement), both ways.
_ENGLISH_VARIANTS = tuple(
    (re.compile(pattern.format(a)), b) for pattern, pairs in (
        (r"\b{}(?=(?:e[ds]?|ing)?\b)", (("licens", "licenc"),)),  # "licensed" / "licenced"
        (r"(?<=\w\w){}\b", (("isation", "ization"), ("ised", "ized"), ("ising", "izing"),
                             ("ise", "ize"))),  # "realised" / "realized"
        (r"\b{}\b", (("programme", "program"),)),
        # "industry-construction" / "industry - construction" (an en dash reads as "-")
        (r"(?<=\w){}(?=\w)", (("-", " - "),)),
    ) for one, other in pairs for a, b in ((one, other), (other, one)))


def english_spellings(phrase: str) -> list[str]:
    """``phrase`` first, then its other English spellings (British and American: "licensed"
    and "licenced", "realised" and "realized", "programme" and "program"; a hyphen with or
    without spaces: "industry-construction", "industry - construction").

    >>> english_spellings("newly licensed projects")
    ['newly licensed projects', 'newly licenced projects']
    >>> english_spellings("realized investment")
    ['realized investment', 'realised investment']
    >>> english_spellings("industry-construction sector")
    ['industry-construction sector', 'industry - construction sector']
    >>> english_spellings("fdi")
    ['fdi']
    """
    out = [phrase]
    for rx, other in _ENGLISH_VARIANTS:
        out += [form for form in (rx.sub(other, f) for f in list(out)) if form not in out]
    return out


#: Nouns of a quantity that two names joined by "and" may share ("import and export value").
_SHARED_HEADS = frozenset("value turnover revenue volume output rate index capital".split())
#: A hyphen between two words, written by some as a space ("foreign-invested projects").
_HYPHEN_JOINED = re.compile(r"(?<=[a-z])-(?=[a-z])")


def _other_number(word: str) -> str | None:
    """The plural of a singular English noun, or the singular of a plural one."""
    if len(word) < 4 or not word.isalpha() or not word.isascii() or word.endswith("ss"):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("ch", "sh", "x")) else "s")


def english_forms(phrase: str) -> list[str]:
    """:func:`english_spellings` of an English indicator name, and of its forms with the last
    word in the other number (not a head two names joined by "and" share) and with hyphens
    written as spaces: a name is one name in any of them ("state budget collection(s)",
    "foreign(-)invested projects").

    >>> english_forms("total state budget collection")
    ['total state budget collection', 'total state budget collections']
    >>> "foreign invested projects" in english_forms("foreign-invested project")
    True
    >>> english_forms("exports")
    ['exports']
    """
    words = phrase.split(" ")
    forms = [phrase]
    # (not a head two names share: "import and export values ... respectively" are two
    # figures' names; "agro-forestry and fisheries" is one sector's)
    if len(words) > 1 and not ("and" in words and words[-1] in _SHARED_HEADS) and \
            (other := _other_number(words[-1])):
        forms.append(" ".join(words[:-1] + [other]))
    forms += [_HYPHEN_JOINED.sub(" ", f) for f in forms if _HYPHEN_JOINED.search(f)]
    return list(dict.fromkeys(f for form in forms for f in english_spellings(form)))


def _with_regions(vocab: Vocabulary, region_map: RegionMap) -> Vocabulary:
    """``vocab`` naming the places of ``region_map`` (its region phrases replaced)."""
    regions: dict[str, list[dict]] = {}
    for r in region_map.frame.to_dict("records"):
        regions.setdefault(r["region"], []).append(r)
    phrases = [p for p in vocab.phrases if p[1] != "region"]
    # (a hyphen in a name spaced or not: "Bà Rịa - Vũng Tàu", "Ba Ria-Vung Tau")
    phrases += [(spaced, "region", region) for region in regions
                for form in (region.lower(), strip_accents(region))
                for spaced in dict.fromkeys((form, re.sub(r"\s*-\s*", "-", form)))]
    # other names of a region ("tp.hcm", "sài gòn"): place rows of indicator_synonyms.csv
    phrases += [(p, "region", v) for p, f, v in vocab.phrases if f == "place" and v in regions
                and p not in (v.lower(), strip_accents(v))]
    return Vocabulary(vocab.indicator_units, phrases, regions, region_map)


def load_vocabulary(data_dir=None, *, region_map: RegionMap | None = None) -> Vocabulary:
    """The extraction vocabulary of ``data_dir`` (default: the package data folder).

    Parameters
    ----------
    data_dir : path-like, optional
    region_map : RegionMap, optional
        The run's region map (default: :func:`hy_analysis.loading.load_region_map` of
        ``data_dir``).

    Returns
    -------
    Vocabulary
    """
    folder = paths.data_dir(data_dir)
    names = ("indicators.csv", "indicator_synonyms.csv", "regions.csv", "provinces.csv")
    stamp = tuple((folder / n).stat().st_mtime for n in names)
    vocab = _load(str(folder), stamp)
    return vocab if region_map is None else _with_regions(vocab, region_map)


# --- sentences -------------------------------------------------------------------------------


#: A short line with no closing stop, then a line that starts a sentence: a headline or
#: sub-heading over its paragraph when the next line is much longer (see sentence_spans).
_HEADLINE_OVER_PARAGRAPH = re.compile(
    r"[^\n]{3,100}(?<![.!?:;…,\-–])\n"
    r"(?P<next>[\"“']?[A-ZĐÀ-ỸẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ\d][^\n]*)")


def _after_a_stop(text: str, at: int) -> bool:
    """Whether the line starting at ``at`` opens the text or follows a blank line or a
    finished sentence (a stop closing the line before)."""
    # (read in the letters just before: the whole text before would cost a pass per line)
    lo = max(0, at - 400)
    before = text[lo:at].rstrip(" \t")
    if not before.endswith("\n"):
        return lo == 0 and not before.strip()
    previous = before[:-1].rstrip(" \t")
    return (not previous and lo == 0) or previous.endswith(("\n", ".", "!", "?", "…", "\"", "”"))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; single line breaks inside a sentence are wrapping.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (int, int)

    Examples
    --------
    >>> t = "GRDP tăng 8%. Xuất khẩu\\nđạt 7 tỷ USD."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['GRDP tăng 8%.', 'Xuất khẩu\\nđạt 7 tỷ USD.']
    """
    cuts = [(m.start(), m.end()) for m in CUES.BOUNDARY_RE.finditer(text)]
    # A photo credit closed by its bracket ends its caption: "(Photo: VNA)Can Tho (VNA) - The
    # city recorded ...", a caption glued to the body's first sentence, is two sentences.
    for m in CUES.CAPTION_CREDIT_CLOSED.finditer(text):
        rest = text[m.end():m.end() + 40].lstrip(" \t")
        if rest[:1].isupper() or rest[:1] in "-–—":
            cuts.append((m.end(), m.end()))
    # A headline in capitals, and a line with "|" (a table row, a byline), stand alone.
    for m in re.finditer(r"(?m)^.*$", text):
        line = m.group(0)
        if "|" in line or (len(line) >= 12 and line == line.upper()
                           and re.search(r"[^\W\d]{2}", line)):
            cuts += [(m.start(), m.start()), (m.end(), m.end())]
        elif (head := _HEADLINE_OVER_PARAGRAPH.match(text, m.start())) and \
                len(head.group("next")) >= len(line) + 40 and \
                _after_a_stop(text, m.start()):
            # "Tỉnh X: Phấn đấu trở thành trung tâm công nghiệp" over a paragraph: a short
            # line with no closing stop, after a finished sentence or a break and above a
            # much longer line that starts a sentence, is a headline of its own (a wrapped
            # line follows an unfinished one)
            cuts.append((m.end(), m.end() + 1))
    spans = []
    pos = 0
    for start, end in sorted(cuts):
        if start < pos:
            pos = max(pos, end)
            continue
        if start > pos:
            spans.append((pos, start))
        pos = end
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def sentence_of(spans: list[tuple[int, int]], offset: int, *,
                starts: list[int] | None = None) -> tuple[int, int]:
    """The sentence span containing ``offset``.

    ``starts`` (the spans' starts, computed once by a caller that asks for many offsets)
    keeps a long document's reading linear.
    """
    if starts is None:
        starts = [a for a, _ in spans]
    i = bisect.bisect_right(starts, offset) - 1
    return spans[max(i, 0)]


# --- period ----------------------------------------------------------------------------------

_YEAR = r"(?:19|20)\d{2}"
# a year, then a bracket opening before the figure ("2023 (", "2021-2025 (ước ")
_YEAR_THEN_BRACKET = re.compile(
    rf"(?<!\d)({_YEAR})(?:\s*[-–—]\s*({_YEAR}))?\s*\(\s*(?:[^\W\d]+\s+){{0,2}}$")


@dataclass
class Period:
    """Years a figure refers to, and how they were found."""

    start: int | None
    end: int | None
    how: str
    base: int | None = None


def _closed_aside(text: str, lo: int, at: int, before: int) -> bool:
    """Whether the year at ``at`` stands in a bracket opened after ``lo`` and closed before
    ``before`` (an aside that sets no year for what follows it)."""
    opened = text.rfind("(", lo, at)
    return opened >= 0 and text.find(")", opened, at) < 0 and text.find(")", at, before) >= 0


def _years(text: str, offset: int = 0):
    """(start, end, y0, y1, is_base, same_period) for each year mention in text."""
    skip_to = -1
    last_span = None  # (end offset, first year, last year) of the last span read
    named: list = []

    def congress() -> bool:
        """Whether the text names a Party congress (searched once: a whole document's year
        index asks for every span of its five years)."""
        if not named:
            named.append(bool(CUES.CONGRESS.search(text)))
        return named[0]

    for m in CUES.YEAR_RE.finditer(text):
        if m.start() < skip_to:
            continue  # the end of a "from 2021 to 2025" span read with its start
        before = text[max(0, m.start() - 40):m.start()]
        if CUES.NOT_PERIOD_BEFORE.search(before) and not CUES.MONTHS_OF_YEAR.search(before) and \
                not CUES.PERIOD_WORD.search(before[-15:]):
            continue
        if (date := CUES.DATE_BEFORE.search(before)) and not CUES.DATE_OPENS_CLAUSE.search(
                text, max(0, m.start() - len(date[0]) - 40), m.start() - len(date[0])):
            continue  # "giải ngân kế hoạch vốn năm 2023 đến ngày 31/01/2024": only a date that
            # opens its clause ("Tính đến ngày 31/12/2021, ...") dates what stood at it
        y0, y1 = int(m[1]), int(m[2] or m[1])
        if m[2] and len(m[2]) == 2:
            # "2021-30": the span's end in the start's century ("2024-01", a month, is no span)
            y1 = y0 // 100 * 100 + y1
            y1 = y1 if y1 > y0 else y0
        if y1 < y0:
            continue
        if CUES.PRICES_AFTER.match(text, m.end()):
            continue  # "based on 2010 prices": the prices' base year, not a period
        if CUES.COUNCIL_TERM_BEFORE.search(text, max(0, m.start() - 120), m.start()):
            # "Kỳ họp thứ 13 HĐND tỉnh khóa XVII, nhiệm kỳ 2021-2026": the term of the council
            # holding the session names the council, not the period of what it reviews
            continue
        if CUES.SUPERLATIVE_FROM.search(before):
            continue  # "cao nhất từ năm 2014 đến nay": a superlative's range, no period
        if y1 - y0 == 5 and y0 % 5 == 0 and CUES.PERIOD_AROUND.search(
                text, max(0, m.start() - 12), min(len(text), m.end() + 8)) and (
                congress() or _yearly_rate_around(text, m.start(), m.end())):
            # a Party congress's "giai đoạn 2025-2030", "the 2025-2030 period": its term,
            # whose plan years start the year after the congress (2026-2030); and so is a
            # span of six calendar years from a year ending in 0 or 5 that a yearly rate is
            # averaged over ("Giai đoạn 2015-2020, ... bình quân đạt 5,3%/năm"): the rates of
            # the five years after its base year (the plans run 2016-2020, 2021-2025, ...)
            y0 += 1
        if CUES.TERM_BEFORE.search(before) or (
                y1 > y0 and CUES.TERM_AFTER.match(text, m.end())):  # "the 2020-2025 term"
            if y1 == y0:
                continue
            # a term runs five years from its congress; "giữa nhiệm kỳ 2021-2023" names the
            # years themselves
            if y1 - y0 == 5:
                y0 += 1
        first = CUES.FIRST_YEARS_OF.search(before) if y1 > y0 else None
        if first:
            # "3 năm đầu nhiệm kỳ 2021-2025", "the first three years of the 2021-2025 term"
            raw = (first.group("n") or first.group("n2")).lower()
            n = _SPAN_NUMBERS.get(raw) or int(raw)
            if 1 <= n <= y1 - y0:
                y1 = y0 + n - 1
        end = m.end()
        # "from 2020" is a base; "from 2021 to 2025", "từ năm 2021 đến năm 2025" a span
        span_end = CUES.SPAN_END_AFTER.match(text, m.end()) if y0 == y1 and \
            CUES.FROM_YEAR_BEFORE.search(before) else None
        if y0 == y1 and CUES.BETWEEN_BEFORE.search(before):
            span_end = CUES.BETWEEN_END.match(text, m.end())  # "between 2016 and 2020"
        if span_end and int(span_end[1]) > y1:
            y1, end = int(span_end[1]), span_end.end()
            skip_to = end
            if y1 - y0 == 5 and y0 % 5 == 0 and last_span and last_span[2] == y0 < \
                    last_span[1] + 5 and m.start() - last_span[0] < 120:
                # "8.5 percent between 2021 and 2025, and 9.5 percent between 2025 and
                # 2030": plan periods that follow each other share no year (2026-2030)
                y0 += 1
        if y1 > y0:
            last_span = (end, y0, y1)
        # "from 2021 to the present", "từ năm 2021 đến nay": a span up to now, not a base
        # ("gấp hơn 3 lần quy mô kinh tế của tỉnh năm 2010": the noun a ratio is of, with its
        # year, is the base)
        is_base = bool(CUES.BASE_BEFORE.search(before) or CUES.RATIO_NOUN_BEFORE.search(
            before)) and not span_end and not (
            CUES.FROM_YEAR_BEFORE.search(before)
            and CUES.TO_NOW_AFTER.match(text, m.end())) and not (
            # "up 10.61% over 2018" compares; "7% a year over 2021-2025" is the span itself,
            # and so is "From 2010 - 2020, the province will invest in 47 projects"
            y1 > y0 and (CUES.OVER_LAST.search(before) or CUES.FROM_YEAR_BEFORE.search(before)))
        yield (offset + m.start(), offset + end, y0, y1, is_base,
               bool(CUES.SAME_PERIOD_BEFORE.search(before)))


def _yearly_rate_around(text: str, start: int, end: int) -> bool:
    """Whether the words of a rate per year ("bình quân", "%/năm", "average ... a year") stand
    in the sentence of the span at ``start:end``, within a few words of it."""
    lo = max(0, start - 80)
    stop = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    hi = min(len(text), end + 80)
    cut = _SENTENCE_END.search(text, end, hi)
    return bool(CUES.YEARLY_RATE.search(text, stop + 1 if stop >= 0 else lo,
                                        cut.start() if cut else hi))


@lru_cache(maxsize=2)
def _year_index(text: str) -> tuple[list, list[int]]:
    """Every year mention of a whole text, and their end offsets: looked up by bisection, so
    reading the years before each figure costs the same however long the document."""
    years = list(_years(text))
    return years, [y[1] for y in years]


def _years_between(text: str, lo: int, hi: int) -> list:
    years, ends = _year_index(text)
    return years[bisect.bisect_left(ends, lo + 4):bisect.bisect_right(ends, hi)]


#: A possessive right after a relative year ("last year's"), read in place (a copy of the
#: rest of the text per figure would make a long text's reading quadratic).
_POSSESSIVE_S = re.compile(r"[’']s\b")


def find_period(text: str, sent: tuple[int, int], fig_start: int, fig_end: int,
                heading_years: list, doc_year: int | None, *,
                doc_month: int | None = None) -> Period:
    """The period of a figure: a year or a span named in its sentence, else the heading's, else
    the year before a "same period of <year>" comparison's, else the document's.

    ``doc_month`` (the page date's month, when known) lets "6 tháng đầu năm" in a page
    dated before July be the year the document reports on, not the page's (see
    :func:`frame_year`).
    """
    s0, s1 = sent
    # looked up in the text's index of years: a long sentence is not read again per figure
    before = _years_between(text, s0, fig_start)
    after = _years_between(text, fig_end, s1)
    # (a base after the figure and after another number is that number's: "a 9.4 per cent
    # growth rate last year ..., worth VNĐ52.7 trillion, 5.9 times the 2010 figure"; but
    # multiples listed before their shared base share it: "tăng gấp 2,03 lần; ... tăng gấp
    # 2,45 lần so năm 2010")
    multiple = CUES.MULTIPLE.search(text, fig_start, fig_end)
    base = next((y[2] for y in reversed(before) if y[4]), None) or next(
        (y[2] for y in after if y[4] and (multiple or not CUES.NUMBER_RE.search(
            text, fig_end, y[0]))), None)
    # "gấp 16 lần so với năm 2002 ... và gấp 2 lần so với năm 2011": a base written right
    # after the figure, before any other number, is its own (the one before is the last one's)
    near = next((y for y in after if y[4]), None)
    if near and not re.search(r"[\d;.]", text[fig_end:near[0]]):
        base = near[2]
    # "(năm 2023 chiếm 34,62%); khu vực dịch vụ chiếm 33,88%": a year in a bracket closed
    # before the figure is an aside's, not the figure's
    own = [y for y in before if not y[4] and not _closed_aside(text, s0, y[0], fig_start)]
    # "making up 15 percent compared to 55 percent back in 1990, while industry accounts for
    # 63 percent": the year of a figure compared with is that figure's alone
    own = [y for y in own if not CUES.COMPARED_FIGURE_YEAR_BEFORE.search(
        text, max(s0, y[0] - 60), y[0])]
    # "126 triệu đồng/người đến năm 2025; thu ngân sách đạt 12.000 tỷ đồng", "103 million VND,
    # so that by 2025, it can reach 126 million": a horizon that opens the predicate of an
    # earlier figure of the sentence is that figure's, not this one's
    led = {y[0]: _led_figure_at(text, y, s1) for y in own}
    own = [y for y in own if led[y[0]] is None or led[y[0]] >= fig_start
           or ";" not in text[led[y[0]]:fig_start]]
    own = _list_scope(text, s0, fig_start, own,
                      keep={y[0] for y in own if (led[y[0]] or -1) >= fig_start})
    own_after = [y for y in after if not y[4]]
    # "cùng kỳ năm 2023 là: 26,7%; 38,3%": the year compared with, then its own figures
    if before and before[-1][4] and CUES.COMPARED_YEARS_OWN.fullmatch(text, before[-1][1],
                                                                   fig_start) and \
            not CUES.COMPARATIVE_BEFORE_YEAR.search(text, max(s0, before[-1][0] - 40),
                                                    before[-1][0]):
        y = before[-1]
        return Period(y[2], y[3], "sentence, the compared year's own figures", None)
    # a year shortly after the figure in its clause, unless a bracket or a comparison comes
    # first: "khoảng 6,58% (Năm 2021 lần lượt là ...)", "8,05%, cao hơn so với ... năm 2022"
    # (nor another number between: "đạt 7,16%, vượt qua con số 6,14% của năm 2023")
    # (nor a horizon opening the predicate of a figure after it: "đạt 53.000 tỷ đồng và phấn
    # đấu đến cuối giai đoạn 2021-2025 đạt 260.000 tỷ đồng", "so that by 2025, it can reach")
    close_after = bool(own_after) and own_after[0][0] - fig_end < 60 and not (
        # "an increase of 33 percent over 2021", "against 2021": the year compared with
        # (not "a year over 2021-2025", a span)
        CUES.COMPARED_OR_STOP_BEFORE_ONE_YEAR if own_after[0][2] == own_after[0][3]
        else CUES.COMPARED_OR_STOP_BETWEEN).search(text[fig_end:own_after[0][0]]) and \
        _led_figure_at(text, own_after[0], s1) is None
    bracketed = _YEAR_THEN_BRACKET.search(text[max(s0, fig_start - 35):fig_start])
    if bracketed and _own_comparison_in_bracket(text, fig_end, s1) and CUES.BASE_BEFORE.search(
            text, max(s0, fig_start - 75), max(s0, fig_start - 35) + bracketed.start(1)):
        # "tăng 18,3% so với cùng kỳ năm 2023 (tăng 24,7% so với kỳ báo cáo trước)": a change
        # in brackets with a comparison of its own is the figure's again, not the compared
        # year's
        bracketed = None
    if bracketed:
        # "cao hơn so với năm 2021 (5,04%)", "the period of 2016-2020 (8.28%)": a figure in
        # brackets right after a year or span is that year's or span's, base or not
        y0, y1 = int(bracketed.group(1)), int(bracketed.group(2) or bracketed.group(1))
        return Period(y0, y1, "sentence, the years before the bracket", base)
    # "20 percent (compared with 69 percent in 1991), industry 34 percent (7 percent)": a bare
    # figure in brackets after a figure goes on with the compared year of such a bracket before
    if re.search(r"\(\s*$", text[max(s0, fig_start - 3):fig_start]) and \
            re.match(r"\s*\)", text[fig_end:fig_end + 3]):
        compared_years = list(CUES.COMPARED_BRACKET_YEAR.finditer(text, s0, fig_start))
        if compared_years:
            year = int(compared_years[-1][1])
            return Period(year, year, "sentence, the compared year of a bracket before", base)
    dated = CUES.DATING_BRACKET_AFTER.match(text, fig_end, s1)
    if dated:
        # "dân số 729.500 người (năm 2022)", "diện tích 1.602 km2 và dân số 729.500 người (năm
        # 2022)": a bracket holding only a year dates the figures of its clause before it
        # (like a year right after a figure, it dates that figure only: the next sentence's
        # figures do not take it as "the previous figure's")
        return Period(int(dated.group(1)), int(dated.group(1)), "sentence, the year right after "
                      "it in brackets", base)
    if CUES.PREVIOUS_YEAR_THEN_BRACKET.search(text, max(s0, fig_start - 40), fig_start) and \
            re.match(r"\s*\)", text[fig_end:fig_end + 3]):
        # "GRDP tăng 6,5%, thấp hơn năm trước (7,2%)": the year before the sentence's (not
        # "bằng 90,7% cùng kỳ năm trước (giảm 9,3% so với cùng kỳ)", the same change again)
        year = own[-1][3] if own else doc_year
        if year:
            return Period(year - 1, year - 1, "sentence, the year before in brackets", base)
    if (m := CUES.SAME_PERIOD_YEAR_IN_BRACKET.search(text, max(s0, fig_start - 45), fig_start)) \
            and re.match(r"\s*\)", text[fig_end:fig_end + 3]):
        # "(cùng kỳ 2018 đạt tỷ lệ 35,1%)", "(the same period of 2023: 4.1%)": a bracket opened
        # by the same period of a year written holds that year's own figure
        return Period(int(m.group(1)), int(m.group(1)), "sentence, the same period of the "
                      "year in brackets", base)
    if CUES.SAME_PERIOD_OWN_IN_BRACKET.search(text, max(s0, fig_start - 45), fig_start) and \
            re.match(r"\s*\)", text[fig_end:fig_end + 3]):
        # "ngành chế biến tăng 6,2% (cùng kỳ giảm 3,1%)", "(last year: up 4%)": a bracket
        # opened by the same period holds that period's own change, a year before the figure's
        # (the figure's year: its own, else the one after a year compared with, else the page's)
        year = own[-1][3] if own else (base + 1 if base else doc_year)
        if year:
            return Period(year - 1, year - 1, "sentence, the year before in brackets", base)
    # "will reach 375.7 trillion VND during 2026-2030": a span named right after the figure
    if close_after and own_after[0][3] > own_after[0][2] and CUES.DURING.fullmatch(
            text, fig_end, own_after[0][0]):
        y = own_after[0]
        return Period(y[2], y[3], "sentence, the span after the figure", base)
    # "cao hơn mức tăng 9,1% cùng kỳ năm 2024", "higher than the 8.4% increase in the same
    # period last year": the figure a comparison is set against, followed by the same period
    # of another year, is that period's figure (the year compared with, not the sentence's)
    compared = CUES.COMPARED_FIGURE_BEFORE.search(text, max(s0, fig_start - 40), fig_start) and \
        CUES.SAME_PERIOD_RIGHT_AFTER.match(text, fig_end, s1)
    if compared:
        if compared.group("year"):
            year = int(compared.group("year"))
        else:
            year = (own[-1][3] if own else doc_year)
            year = year - 1 if year else None
        if year:
            return Period(year, year, "sentence, the compared period right after it", base)
    # "much higher than 909,000 VND (39 USD) in 2010": the figure a comparative sets against,
    # and its equivalent in brackets, dated by the year written right after them
    if (CUES.COMPARED_FIGURE_BEFORE.search(text, max(s0, fig_start - 40), fig_start)
            or CUES.COMPARED_FIGURE_THEN_BRACKET.search(text, max(s0, fig_start - 70), fig_start)) \
            and (year_after := CUES.COMPARED_YEAR_RIGHT_AFTER.match(text, fig_end, s1)):
        year = int(year_after.group("year"))
        return Period(year, year, "sentence, the year of the figure compared with", base)
    # "từ chỗ chỉ có 1 khu công nghiệp rộng 50 ha vào năm 1998, đến nay ...", "from only 2
    # parks of 300 ha in 2005 to 12 today": the opening of a change is dated by the year that
    # closes its clause, whatever other figures describe it on the way
    if own_after and CUES.FROM_BEFORE.search(text, max(s0, fig_start - 30), fig_start) and \
            own_after[0][0] - fig_end < 80 and \
            not CUES.COMPARED_OR_TO_BETWEEN.search(text[fig_end:own_after[0][0]]):
        y = own_after[0]
        return Period(y[2], y[3], "sentence, the year closing the clause a change opens", base)
    # "vượt mức 6,1% của năm 2023", "reached VND 8,500 billion in 2020": a year written right
    # after the figure is its year, whatever the sentence began with
    # (and "3,21% của quý I/2020": a quarter's year)
    # (and "7.5% in the first six months of 2023", "in the first half of 2023": that year's)
    if close_after and CUES.OF_YEAR_BETWEEN.fullmatch(text[fig_end:own_after[0][0]]):
        y = own_after[0]
        return Period(y[2], y[3], "sentence, the year right after it", base)
    # "reached VND26.8 million (US$1,288) in 2011": and past the figure's equivalent in
    # brackets
    equivalent = CUES.EQUIVALENT_BRACKET.match(text, fig_end, s1) if own_after else None
    if equivalent and own_after[0][0] - fig_end < 60 and CUES.OF_YEAR_BETWEEN.fullmatch(
            text[equivalent.end():own_after[0][0]]) and \
            _led_figure_at(text, own_after[0], s1) is None:
        y = own_after[0]
        return Period(y[2], y[3], "sentence, the year right after it and its equivalent", base)
    # "stood at 62.2 million VND (2,690 USD) last year", "đạt 5 tỷ USD trong năm nay": a
    # relative year right after the figure (or after its equivalent in brackets) dates it as
    # a written year would
    right = CUES.YEAR_RIGHT_AFTER.match(text, fig_end, s1)
    right = CUES.RELATIVE_YEAR.match(text, right.end(), s1) if right and doc_year else None
    if right and not re.match(r"[’']s\b", text[right.end():right.end() + 2]):
        year = _relative_year(right, doc_year, doc_month)
        return Period(year, year, "sentence, the relative year right after it", base)
    # "Từ năm 2021 đến nay, ...", "Since 2021, the province has attracted ...": from that
    # year up to the page's (the last year before the figure; "cao nhất từ năm 2014 đến nay",
    # a superlative's, is no year at all)
    if doc_year and before and before[-1][2] == before[-1][3] < doc_year and \
            CUES.SINCE_BEFORE.search(text, max(s0, before[-1][0] - 20), before[-1][0]) and (
                CUES.TO_NOW_AFTER.match(text, before[-1][1]) or CUES.SINCE_WORD.search(
                    text[max(s0, before[-1][0] - 20):before[-1][0]])):
        y = before[-1]
        return Period(y[2], doc_year, "sentence, since a year up to the document's", base)
    # "..., 50 ha vào năm 1998, đến nay toàn tỉnh có 17 khu công nghiệp", "in 2005, and
    # today 12": a clause opened by "now" after the sentence's year is the page's present
    if own and doc_year and own[-1][3] < doc_year and CUES.NOW_CLAUSE.search(
            text, own[-1][1], fig_start):
        return Period(doc_year, doc_year, "sentence, the present after an earlier year", base)
    # "account for 33 percent and 29 percent by 2020, and 25 percent and 33 percent by 2030":
    # a pair of figures dated by the year after the second (the year before, after another
    # figure, is that one's)
    if own_after and CUES.LIST_THEN_YEAR.fullmatch(text, fig_end, own_after[0][0]) and (
            not own or CUES.ATTACHED.search(text[max(s0, own[-1][0] - 30):own[-1][0]])):
        y = own_after[0]
        return Period(y[2], y[3], "sentence, the year after the pair it opens", base)
    # "from 44 million VND in 2020 to 71 million VND in 2025, rising from 1,917 USD to 2,900
    # USD": the start of a change naming no year is of the year the change before it starts
    change_starts = [int(m[1]) for m in CUES.CHANGE_START_YEAR.finditer(text, s0, fig_start)] \
        if own and not close_after and CUES.FROM_BEFORE.search(
            text, max(s0, fig_start - 30), fig_start) and CUES.TO_FIGURE_AFTER.match(
            text, fig_end, s1) else []
    if change_starts:
        y = change_starts[-1]
        return Period(y, y, "sentence, the start of a change, as the one before", base)
    # "from 182 trillion VND in 2020 ... to exceed 320 trillion VND in 2025": a year right
    # after another figure is that figure's; the one right after this figure is its own
    if own and not (close_after and CUES.ATTACHED.search(
            text[max(s0, own[-1][0] - 30):own[-1][0]])):
        y = own[-1]
        if led.get(y[0]) is not None:
            # "by 2025, it can reach 126 million": the horizon of this figure alone
            return Period(y[2], y[3], "sentence, the horizon leading it", base)
        return Period(y[2], y[3], "sentence", base)
    # "đạt 8,5 tỷ USD vào năm 2025": a year shortly after the figure, in the same clause.
    if close_after:
        y = own_after[0]
        return Period(y[2], y[3], "sentence, the year right after it", base)
    # "Tổng vốn đầu tư giai đoạn này đạt ...": the span named before ("nhiệm kỳ 2020-2025")
    if not own and CUES.THIS_PERIOD.search(text, s0, fig_start):
        spans = [y for y in _years_between(text, max(0, s0 - 2000), fig_start)
                 if not y[4] and y[3] > y[2]]
        if spans:
            return Period(spans[-1][2], spans[-1][3], "sentence, 'this period' named before",
                          base)
    # "tăng 12,4% so với năm 2023, ... dẫn đầu vùng trong năm 2024": with no year of its
    # own before it, a year that frames its sentence later ("trong năm 2022", "in 2022"),
    # with no other figure between, dates it before anything outside the sentence does
    # (not a comparison's "the same period in 2019", nor a year in brackets)
    framing = next((y for y in own_after if y[2] == y[3] and not y[5]
                    and CUES.IN_YEAR_BEFORE.search(text, max(fig_end, y[0] - 20), y[0])),
                   None) if not own else None
    if framing and not re.search(r"\d|;|\(", CUES.YEAR_RE.sub(" ", text[fig_end:framing[0]])):
        return Period(framing[2], framing[3], "sentence, the year framing it later", base)
    # "expanded by 3.4% in the first six months of this year", "were licensed at a conference
    # held in July this year", "đạt 5 tỷ USD trong 6 tháng đầu năm nay": with no year of its
    # own before it, a relative year later in its clause dates it as a written one would
    later = _relative_year_after(text, fig_end, s1) if not own and doc_year else None
    if later:
        year = doc_year + 1 if later.re is CUES.NEXT_YEAR else \
            _relative_year(later, doc_year, doc_month)
        return Period(year, year, "sentence (relative year after it)", base)
    # "5 năm tới", "the next five years", "nhiệm kỳ tới" / "5 năm qua", "the past three
    # years": N years after the document's year, or ending with it (its own words, before
    # the one-year "năm qua" inside "5 năm qua" is read as last year)
    spans = relative_span(text[max(s0, fig_start - 200):fig_start], doc_year)
    after_span = CUES.RELATIVE_SPAN.search(text, fig_end, min(s1, fig_end + 60)) \
        if doc_year and not own and not spans else None
    if after_span and CUES.DURING.fullmatch(text, fig_end, after_span.start()):
        # "saw average growth of 11 percent over the past five years": a span right after
        # the figure, counted from the year the page reports on
        spans = relative_span(after_span.group(0), frame_year(text, doc_year, doc_month))
    in_years = CUES.IN_N_YEARS_AFTER.match(text, fig_end, s1) \
        if doc_year and not own and not spans and not after_span else None
    if in_years and not CUES.WILL_WORDS_LOWER.search(text, s0, s1):
        # "production was estimated at 6 million tonnes in five years": with no "next" and
        # nothing that will be, the N years of a review, ending with the year it reports on
        n = _SPAN_NUMBERS.get(in_years["n"].lower()) or int(in_years["n"])
        year = frame_year(text, doc_year, doc_month)
        spans = (year - n + 1, year) if 2 <= n <= 10 else None
    if spans:
        return Period(spans[0], spans[1], "sentence (relative span)", base)
    # "năm tới", "next year": the year after the document's
    if doc_year and CUES.NEXT_YEAR.search(text[max(s0, fig_start - 200):fig_start]):
        return Period(doc_year + 1, doc_year + 1, "sentence (next year)", base)
    # "năm nay", "this year" / "năm ngoái", "last year" (not after "so với", a base)
    lo = max(s0, fig_start - 200)
    # "(higher than the same period last year's increase of 7.14%), accounting for 51.4%":
    # a relative year in a bracket closed before the figure is the aside's
    relative = next((m for m in CUES.RELATIVE_YEAR.finditer(text, lo, fig_start)
                     if not _closed_aside(text, s0, m.start(), fig_start)), None)
    if relative:
        relative = CUES.RELATIVE_YEAR.search(text[lo:fig_start], relative.start() - lo)
    # (a base's relative year is not the figure's, but "the same period last year's increase
    # of 6.35%" is: the figure of that year, named by its possessive)
    if relative and doc_year and (_POSSESSIVE_S.match(text, lo + relative.end()) or
                                  not CUES.BASE_BEFORE.search(
                                      text[max(s0, fig_start - 260):lo + relative.start()])):
        year = _relative_year(relative, doc_year, doc_month)
        return Period(year, year, "sentence (relative year)", base)
    # "Từ đầu năm đến nay ... giảm 14,81% so với cùng kỳ năm 2022": the year after the one
    # compared with, whatever the document's date
    same = [y for y in before + after if y[5]]
    if same and _SLASH_SECOND.search(text, max(s0, fig_start - 60), fig_start):
        # "tăng 8% (512 triệu USD/474 triệu USD)" after "so với cùng kỳ năm 2024": the figure
        # after the slash is the compared period's
        y = same[0]
        return Period(y[2], y[3], "sentence, the compared period's figure after a slash", base)
    if _now(text[s0:fig_start]) and doc_year and not same:
        return Period(doc_year, doc_year, "document date (now)", base)
    if heading_years:
        y0, y1 = heading_years[-1]
        return Period(y0, y1, "heading", base)
    if same:
        return Period(same[0][3] + 1, same[0][3] + 1, "after the comparison year", base)
    # "Trong 10 tháng", "6 tháng đầu năm": months of the document's year.
    months = CUES.MONTHS_TO_DATE.search(text[s0:fig_start])
    if months and doc_year:
        year = frame_year(text, doc_year, doc_month, months=_months_named(months.group(0)))
        return Period(year, year, "document date (months to date)" if year == doc_year else
                      "the year the document reports on (months to date)", base)
    # A year of an earlier sentence still holds ("Năm 2024, ... . Xuất khẩu tăng 12%"), but
    # not a vision year, whose targets are said in its own sentence.
    earlier = [y for y in _years_between(text, max(0, s0 - 2000), s0) if not y[4]]
    # "(Năm 2021 lần lượt là ...)" and "the plan for 2025" name a year in passing: an aside
    # in brackets, or the name of a plan, does not set the year of the sentences after it
    earlier = [y for y in earlier if not _aside(text, y[0])]
    # "vượt qua con số 6,14% của năm 2023": a year written right after a figure is that
    # figure's, a comparison's; it sets no year for the sentences after
    # (but "Dong Nai attracted 1.2 billion USD in 2023, up 11%." dates its own sentence: the
    # year of the sentence's first figure holds for the sentences after it)
    earlier = [y for y in earlier if not _of_a_later_figure(text, y[0])]
    # "..., so that by 2025, it can reach 126 million": a horizon leading a later figure of its
    # sentence is that target's deadline; it sets no year for the sentences after
    earlier = [y for y in earlier if _led_figure_at(text, y, len(text)) is None
               or not _of_a_later_figure(text, y[0], leading=True)]
    # "tăng 13,3% so với cùng kỳ năm 2023" / "the same period in 2022": a comparison's year
    # sets no year for the sentences after it
    earlier = [y for y in earlier if not y[5]]
    # "Đại hội ... lần thứ XI, nhiệm kỳ 2020-2025 đã khai mạc với 350 đại biểu.": the term in a
    # congress's name, in a sentence that sets no aim, dates no figure of the sentences after
    # it (the review that follows is of the term before)
    earlier = [y for y in earlier if not _congress_name_only(text, y[0])]
    # "kết quả ... năm 2025; mục tiêu, nhiệm vụ ... năm 2026": a plan's year dates the plan's
    # figures, not results said after it (when the results' own year is named before)
    if not _says_target(text, s0, fig_start):
        results = [y for y in earlier if not _plan_year(text, y[0])]
        earlier = results if results else earlier
    vision = _visions(text, earlier)
    if earlier and earlier[-1][0] in vision and doc_year:
        # the latest year before is a vision's: no year of an earlier sentence holds here
        return Period(doc_year, doc_year, "document date (a vision year before)", base)
    earlier = [y for y in earlier if y[0] not in vision]
    # "Năm 2025 GRDP tăng 8%. Riêng 3 tháng đầu năm, ... . Theo đó, xuất khẩu tăng 12%": months to
    # date named without a year in a sentence after the last year set a new frame (the
    # months of the year the document reports on); the older year stops there
    months = _months_frame(text, earlier[-1][1] if earlier else max(0, s0 - 2000), s0)
    if months and doc_year:
        year = frame_year(text, doc_year, doc_month, months=_months_named(months.group(0)))
        return Period(year, year, "earlier sentence, months to date without a year", base)
    # "Từ giữa năm ngoái, hai tỉnh sáp nhập. Sau sắp xếp, tỉnh có ...": a relative year of an
    # earlier sentence, written after its last year, holds as a written year would
    relative = None
    if doc_year:
        lo = max(earlier[-1][1] if earlier else 0, s0 - 2000, 0)
        relative = next((m for m in windowed(CUES.RELATIVE_YEAR, text).last_first(lo, s0)
                         if not CUES.NUMBER_WORD_LAST.search(text[max(0, m.start() - 8):m.start()])
                         and not CUES.COMPARED_TO_BEFORE.search(text[max(0, m.start() - 30):
                                                                 m.start()])),
                        None)
    if relative:
        year = _relative_year(relative, doc_year, doc_month)
        return Period(year, year, "earlier sentence (relative year)", base)
    if earlier:
        y = earlier[-1]
        y_lo = max(text.rfind(". ", 0, y[0]), text.rfind("\n", 0, y[0])) + 1
        y_hi = _SENTENCE_END.search(text, y[1])
        if doc_year and y[3] < doc_year and CUES.WILL_WORDS_LOWER.search(text, s0, fig_start) \
                and not CUES.WILL_WORDS_LOWER.search(text, y_lo, y_hi.start() if y_hi else s0):
            # "The GRDP grew 12 percent in 2017. ... The province will invite investors to
            # projects on 100-200 hectares": what will be is not of a year gone by (unless
            # the year's own sentence says "will" of it: "In 2024, GRDP will increase by 7%")
            return Period(doc_year, doc_year, "document date (what will be, after a past "
                          "year)", base)
        if doc_year and y[2] < y[3] and y[2] <= doc_year <= y[3] and \
                CUES.PARTS_OF_ONE_YEAR.search(text, s0, s1):
            # "... the targets for 2021-2025. To reach 10.5%, the province has scenarios for
            # each quarter: Quarter I up 8.9%, ...": quarters and months lie in one year, the
            # one under way, not the plan's span named before
            year = frame_year(text, doc_year, doc_month)
            return Period(year, year, "a part of a year, under an earlier sentence's span",
                          base)
        frame = _frame_of(text, earlier, y)
        if frame:
            return Period(frame[2], frame[3], "earlier sentence, its time frame", base)
        return Period(y[2], y[3], "earlier sentence", base)
    if doc_year:
        # a report written early in a year about the one before names that year most
        year = _main_year(text, doc_year, doc_month is None or doc_month <= _LAG_MONTHS)
        return Period(year, year, "document date" if year == doc_year else
                      "the year the document names most (written early the next year)", base)
    return Period(None, None, "not found", base)


#: Numbers written as words in a span of years ("năm năm qua", "the next five years").
_SPAN_NUMBERS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "mười": 10, "two": 2, "three": 3,
                 "four": 4, "five": 5, "ten": 10}


def relative_span(words: str, doc_year: int | None) -> tuple[int, int] | None:
    """The years of the last relative span in ``words``: N years after ``doc_year`` ("5 năm
    tới", "the next five years", "nhiệm kỳ tới" = five) or the N ending with it ("5 năm qua",
    "the past three years").

    >>> relative_span("Trong 5 năm tới, tỉnh phấn đấu", 2025)
    (2026, 2030)
    >>> relative_span("Over the past three years,", 2024)
    (2022, 2024)
    >>> relative_span("Năm qua,", 2024) is None
    True
    """
    if not doc_year:
        return None
    found = None
    for found in CUES.RELATIVE_SPAN.finditer(words):
        pass
    if found is None:
        return None
    if found.group("term"):
        return doc_year + 1, doc_year + 5
    raw = (found.group("n") or found.group("n2")).lower()
    n = _SPAN_NUMBERS.get(raw) or int(raw)
    if not 2 <= n <= 10:
        return None
    if found.group("next") or found.group("next2"):
        return doc_year + 1, doc_year + n
    return doc_year - n + 1, doc_year


def _months_frame(text: str, lo: int, hi: int) -> re.Match | None:
    """The last "2 tháng đầu năm", "first nine months" between ``lo`` and ``hi`` that opens a
    new frame: written in a sentence after ``lo`` (a year's end) and with no year of its own
    right after it ("10 tháng năm 2024" is that year's, already read as a year)."""
    # (the text's months are searched once for all its figures; the last that opens a
    # frame is the one, so they are read last first)
    for m in windowed(CUES.MONTHS_TO_DATE, text).last_first(lo, hi):
        if not _SENTENCE_END.search(text, lo, m.start()):
            continue  # the year's own sentence: "Năm 2023, 6 tháng đầu năm ..." is 2023's
        if _years_between(text, m.end(), min(hi, m.end() + 25)) or re.match(
                r"[^.;\n]{0,20}\b(?:19|20)\d\d\b", text[m.end():m.end() + 30]):
            continue
        return m
    return None


#: The second figure of a "(this period/same period)" pair in brackets: right after a slash
#: that follows a number in an open bracket.
_SLASH_SECOND = re.compile(r"\([^()]*\d[^()/]*/\s*$")


def _now(before: str) -> bool:
    """Whether words of "now" ("đến nay", "to date") in ``before`` set the period to the
    document's date: not when they close a superlative's range ("cao nhất ... đến nay")."""
    return any(not CUES.SUPERLATIVE_SINCE.search(before[max(0, m.start() - 60):m.start()])
               for m in CUES.NOW_WORDS.finditer(before))


def _frame_of(text: str, earlier: list, y: tuple) -> tuple | None:
    """The year framing the sentence of ``y`` when ``y`` is a noun's year in it: the frame,
    not the noun's year, holds for the sentences after (None when ``y`` opens a clause or its
    sentence has no other frame)."""
    if CUES.CLAUSE_OPENING.search(text[max(0, y[0] - 40):y[0]]):
        return None
    lead = text[max(0, y[0] - 1500):y[0]]
    stop = max(lead.rfind(". "), lead.rfind("\n"), lead.rfind("! "), lead.rfind("? "))
    sentence_start = y[0] - len(lead) + stop + 1 if stop >= 0 else y[0] - len(lead)
    frames = [e for e in earlier if sentence_start <= e[0] < y[0]
              and (e[2], e[3]) != (y[2], y[3])
              and re.match(r"\s*\)?\s*,", text[e[1]:e[1] + 4])
              and CUES.CLAUSE_OPENING.search(text[max(0, e[0] - 40):e[0]])]
    return frames[-1] if frames else None


@lru_cache(maxsize=4)
def _main_year(text: str, doc_year: int, early: bool = True) -> int:
    """The document's year, or the year before when the document names it more often than
    its own (a review of last year dated in January).

    Counted once per document (remembered): every figure without a year of its own asks, and
    counting over the whole text for each made a long document's reading quadratic.
    ``early``: the page is dated in the first months of its year (or its month is unknown);
    only then do the years compared with vote (see below)."""
    index = _year_index(text)[0]
    years = [y[3] for y in index if not y[4] and y[2] == y[3]]
    # "tăng 7% so với năm 2016" names the year before the one reported on: a base year
    # votes for the year after it (a January review of 2017 compares with 2016 and may
    # never write 2017); later in the year the comparison is with the page's own past
    if early:
        years += [y[3] + 1 for y in index if y[4] and y[2] == y[3]]
    last = years.count(doc_year - 1)
    return doc_year - 1 if last > years.count(doc_year) and last >= 2 else doc_year


@lru_cache(maxsize=1 << 14)
def _aside(text: str, at: int) -> bool:
    """Whether the year at ``at`` is in brackets or names a plan (remembered: the years of
    the sentences before are asked again for every figure)."""
    before = text[max(0, at - 100):at]
    opened = before.rfind("(")
    # "implement the goals of the Resolution of the 11th Congress, term 2020 - 2025 and
    # Socio-Economic Development Plan 2021 - 2025": the names of documents carried out
    sentence = _SENTENCE_END.split(text[max(0, at - 160):at])[-1]
    return (opened >= 0 and ")" not in before[opened:]) or bool(
        CUES.PLAN_NAME_BEFORE.search(before[-30:])
        and not CUES.PLAN_ACHIEVED_BEFORE.search(before[-40:])) or bool(
        CUES.CARRIED_OUT.search(sentence)) or bool(CUES.PLAN_COMPARED.search(before[-60:]))


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _list_scope(text: str, s0: int, fig_start: int, own: list, *,
                keep: frozenset | set = frozenset()) -> list:
    """The years of ``own`` (a sentence's, before a figure) that scope the figure when the
    sentence is a list under a lead-in ending with a colon ("Một số chỉ tiêu chủ yếu đến năm
    2030: tốc độ tăng trưởng ... thời kỳ 2021 - 2030 đạt 8 - 9%, GRDP bình quân đầu người đạt
    ..."): the lead-in's years hold for every item, a year written inside an item only for
    that item (from its last comma or semicolon outside brackets to the figure), and a
    horizon leading the figure (offsets in ``keep``) for it.

    >>> t = "Đến năm 2030: giai đoạn 2021 - 2030 tăng 8%, có 375 trường."
    >>> [(y[2], y[3]) for y in _list_scope(t, 0, t.index("375"), list(_years(t)))]
    [(2030, 2030)]
    """
    colon = text.rfind(":", s0, fig_start)
    line = text.rfind("\n", s0, colon) + 1 if colon >= 0 else s0
    lead = [y for y in own if line <= y[0] and y[1] <= colon]
    if colon < 0 or not lead or "\n" in text[colon:fig_start]:
        return own  # (a lead-in and its list are one line of text)
    item = colon
    depth = 0
    for i in range(fig_start - 1, colon, -1):  # the item's start: its last separator
        ch = text[i]
        depth += ch == ")"
        depth -= ch == "(" and depth > 0
        if ch in ",;" and not depth:
            item = i
            break
    return lead + [y for y in own if y[0] > item or (y[0] in keep and y[1] > colon)]


def _led_figure_at(text: str, y: tuple, hi: int) -> int | None:
    """The offset of the number whose predicate the year mention ``y`` opens as its horizon
    ("by 2025, it can reach 126 million", "đến cuối giai đoạn 2021-2025 đạt 260.000 tỷ
    đồng", "; năm 2025 đạt 80 triệu đồng" is no horizon), before ``hi``; None otherwise.

    >>> t = "đạt 103 triệu đồng, để đến năm 2025 đạt 126 triệu đồng."
    >>> y = next(y for y in _years(t) if y[2] == 2025)
    >>> t[_led_figure_at(t, y, len(t)):][:3]
    '126'
    >>> t = "đạt 55 triệu đồng vào năm 2025 và 80 triệu đồng vào năm 2030."
    >>> _led_figure_at(t, next(y for y in _years(t) if y[2] == 2025), len(t)) is None
    True
    """
    if not CUES.HORIZON_LEADS_BEFORE.search(text, max(0, y[0] - 40), y[0]):
        return None
    found = CUES.PREDICATE_AFTER.match(text, y[1], min(hi, y[1] + 80))
    return found.end() - 1 if found else None


# (remembered, as _aside is: the years of the 2000 characters before each sentence are
# asked again for every figure after them)
@lru_cache(maxsize=1 << 14)
def _of_a_later_figure(text: str, at: int, *, leading: bool = False) -> bool:
    """Whether the year at ``at`` is written right after a figure ("6,14% của năm 2023", "4
    million recorded in January 2019") that is not the first figure of its sentence: a
    comparison's or an aside's year, which sets no year for the sentences after.

    >>> t = "GRDP đạt 7,16%, vượt con số 6,14% của năm 2023. Xuất khẩu tăng."
    >>> _of_a_later_figure(t, t.index("2023"))
    True
    >>> t = "The city attracted 1.2 billion USD in 2023, up 11%. Exports rose."
    >>> _of_a_later_figure(t, t.index("2023"))
    False
    """
    found = CUES.OF_A_FIGURE.search(text, max(0, at - 40), at)
    if not found and not leading:
        return False
    # (``leading``: a horizon leading a figure, "so that by 2025, it can reach": the figures
    # of its sentence written before the horizon itself)
    start = at if leading else found.start()
    lead = text[max(0, start - 400):start]
    lead = _SENTENCE_END.split(lead)[-1].rstrip("0123456789.,$ ")
    # "from 182 trillion VND in 2020 to 320 trillion VND in 2025": a change's start is a base
    return bool(re.search(r"\d", CUES.YEAR_RE.sub(" ", lead))) or bool(
        CUES.FROM_CURRENCY_LAST.search(lead))


def _own_comparison_in_bracket(text: str, fig_end: int, hi: int) -> bool:
    """Whether the bracket a figure stands in goes on, after it, with a comparison of its own
    ("(tăng 24,7% so với kỳ báo cáo trước)", "(up 5% over the previous quarter)"), or with the
    plan or estimate the figure is a share of ("(vượt 12% kế hoạch năm 2024)", "(đạt 98% kế
    hoạch)", "(105% of the plan)"): the figure before the bracket's, not the compared year's."""
    close = text.find(")", fig_end, hi)
    return close >= 0 and "(" not in text[fig_end:close] and bool(
        CUES.OWN_COMPARISON_IN_BRACKET.search(text[fig_end:close]))


def _without_asides(words: str) -> str:
    """``words`` without the brackets closed inside them (innermost first)."""
    while True:
        inner = re.sub(r"\([^()]*\)", " ", words)
        if inner == words:
            return words
        words = inner


def _relative_year(match: re.Match, doc_year: int, doc_month: int | None) -> int:
    """The year of a relative year ("năm nay", "this year" / "năm ngoái", "last year" /
    "năm qua", "the past year"), counted from the page's own year as the words say.

    "Năm qua" (the year gone by) is the page's own year in its last quarter (a year-end
    review: the year now over or nearly so), the year before otherwise.

    >>> t = "Tỉnh trồng 500 ha rừng trong năm qua."
    >>> m = CUES.RELATIVE_YEAR.search(t)
    >>> [_relative_year(m, y, mo) for y, mo in ((2024, 12), (2025, 1), (2024, 6))]
    [2024, 2024, 2023]
    >>> m = CUES.RELATIVE_YEAR.search("Năm ngoái GRDP tăng 4%.")
    >>> _relative_year(m, 2026, 1), _relative_year(m, 2026, 12)
    (2025, 2025)
    """
    if match.group("this"):
        return doc_year
    if match.group("past") and doc_month is not None and doc_month >= 10:
        return doc_year
    return doc_year - 1


def _relative_year_after(text: str, lo: int, hi: int) -> re.Match | None:
    """The relative year ("năm nay", "this year", "năm ngoái", "last year", "next year")
    that dates a figure ending at ``lo`` from later in its clause (which ends at ``hi`` or the
    first ";"):
    none when another figure, an open bracket or a comparison ("so với năm ngoái", "than
    last year", "the same period last year") comes between.

    >>> t = "GRDP expanded by 3.4% in the first six months of this year."
    >>> _relative_year_after(t, t.index("%") + 1, len(t)).group(0)
    'this year'
    >>> t = "The province plans to attract 1.5 billion USD of FDI next year."
    >>> _relative_year_after(t, t.index("USD") + 3, len(t)).group(0)
    'next year'
    >>> t = "Xuất khẩu tăng 5%, cao hơn năm ngoái."
    >>> _relative_year_after(t, t.index("%") + 1, len(t)) is None
    True
    """
    semi = text.find(";", lo, hi)
    hi = min(semi if semi >= 0 else hi, lo + 160)
    # (or "next year", "năm tới": "plans to attract 1.5 billion USD of FDI next year")
    found = min(filter(None, (CUES.RELATIVE_YEAR.search(text, lo, hi),
                              CUES.NEXT_YEAR.search(text, lo, hi))),
                key=lambda m: m.start(), default=None)
    if not found:
        return None
    # ("trong 9 tháng đầu năm nay": a count of months is no figure)
    between = CUES.MONTHS_TO_DATE.sub(" ", _without_asides(text[lo:found.start()]))
    if "(" in between or ")" in between or re.search(r"\d", between) or \
            CUES.COMPARED_TO_BEFORE.search(between) or CUES.COMPARATIVE.search(between):
        return None
    return found


def _says_target(text: str, lo: int, hi: int) -> bool:
    """Whether the words of ``text[lo:hi]`` before a figure speak of a plan: not a plan in
    brackets closed before it ("đạt 7,2% (kế hoạch 7%); thu ngân sách ..."), nor one said to
    be met ("05 chỉ tiêu đạt và vượt so với kế hoạch là ...", "đạt 101% kế hoạch",
    "exceeded the plan", "98% of the target").

    >>> _says_target("Có 5 chỉ tiêu đạt và vượt so với kế hoạch là GRDP đạt ", 0, 55)
    False
    >>> _says_target("Mục tiêu năm tới là GRDP tăng ", 0, 30)
    True
    >>> _says_target("GRDP tăng 7% (kế hoạch 6,5%); xuất khẩu đạt ", 0, 44)
    False
    """
    return bool(CUES.TARGET_WORDS.search(CUES.PLAN_MET.sub(" ", _without_asides(text[lo:hi]))))


@lru_cache(maxsize=1 << 14)
def _plan_year(text: str, at: int) -> bool:
    """Whether the year at ``at`` ends a clause that opens with a plan's words ("; mục tiêu,
    nhiệm vụ năm 2026", "and the tasks for 2026"): the year of a plan, not of results."""
    lead = text[max(0, at - 120):at]
    clause = CUES.CLAUSE_BREAK.split(lead)[-1]
    return bool(CUES.PLAN_CLAUSE.match(clause))


def _visions(text: str, years: list) -> set[int]:
    """Offsets of the years among ``years`` that are a vision beyond the plan's horizon: named
    after "tầm nhìn"/"vision", or an "đến năm" horizon 15 years or more after an earlier one in
    the same sentence ("đến năm 2030 đạt 60%, đến năm 2050 khoảng 80%"; plans run 5 or 10
    years). Targets for a vision are said in its own sentence."""
    out, horizon = set(), None
    for y in years:
        before = text[max(0, y[0] - 40):y[0]]
        if horizon is not None and _SENTENCE_END.search(text, horizon[0], y[0]):
            horizon = None  # a horizon holds within its sentence
        if CUES.VISION_BEFORE.search(before):
            out.add(y[0])
        elif CUES.HORIZON_BEFORE.search(before[-12:]):
            if horizon is not None and y[2] >= horizon[1] + 15:
                out.add(y[0])
            else:
                horizon = (y[0], y[2])
    return out


_MONTH_WORDS = {"three": 3, "six": 6, "nine": 9, "ten": 10, "eleven": 11, "half": 6}


def _months_named(words: str) -> int | None:
    """The number of months in "6 tháng", "first nine months" (None when not written)."""
    m = re.search(r"\d{1,2}", words)
    if m:
        return int(m.group(0))
    return next((n for w, n in _MONTH_WORDS.items() if w in words.lower()), None)


#: A page dated in the first months of a year may still review the year before
#: (year-end reviews and statistics releases come out in January to March).
_LAG_MONTHS = 3


def frame_year(text: str, doc_year: int, doc_month: int | None = None, *,
               months: int | None = None) -> int:
    """The year a document reports on, for a figure whose clause, sentence, paragraph and
    heading name no year: the page's year, or the year before when the page is dated early in
    its year (or its month is not known) and the text names that year more than its own
    (the publication lag of a year-end review).

    ``months``: the figure is for the first ``months`` months of a year ("6 tháng đầu năm");
    those months cannot all have passed at a page dated in an earlier month of
    its own year, so they are the year before's.

    Examples
    --------
    >>> frame_year("Năm 2023 GRDP tăng 5%. Thu ngân sách năm 2023 đạt 100%.", 2024, 1)
    2023
    >>> frame_year("Năm 2023 GRDP tăng 5%. Thu ngân sách năm 2023 đạt 100%.", 2024, 7)
    2024
    >>> frame_year("Kinh tế tiếp tục tăng trưởng.", 2025, 3, months=6)
    2024
    """
    if months is not None and doc_month is not None:
        # months that cannot all have passed at the page date are the year before's; months
        # that have are the page's own year (the latest such months), whatever year the
        # text names most
        return doc_year - 1 if months > doc_month else doc_year
    if doc_month is not None and doc_month > _LAG_MONTHS:
        return doc_year
    return _main_year(text, doc_year)


def latest_span_ending(text: str, before: int, year: int) -> tuple[int, int] | None:
    """The last "X-<year>" span written before ``before``: the period of an average or total."""
    start = max(0, before - 20000)
    spans = [(y[2], y[3]) for y in _years_between(text, start, before)
             if y[3] == year and y[2] < year]
    return spans[-1] if spans else None


def whole_term(text: str, at: int, doc_year: int | None) -> tuple[int, int] | None:
    """The plan years of "the whole term" ("cả nhiệm kỳ", "toàn nhiệm kỳ", "for the whole
    term") said of a figure at ``at``: the last five-year span named before it (a term or a
    plan: "nhiệm kỳ 2020-2025" is read 2021-2025), else the five-year term the document's year
    falls in (terms run 2021-2025, 2026-2030, ...), or None without either.

    Examples
    --------
    >>> t = "Nửa nhiệm kỳ 2020-2025 đã qua. Cả nhiệm kỳ phấn đấu thu hút 2 tỷ USD."
    >>> whole_term(t, t.index("2 tỷ"), 2023)
    (2021, 2025)
    >>> whole_term("Growth of over 9% for the whole term.", 20, 2027)
    (2026, 2030)
    """
    spans = [y for y in _years_between(text, 0, at) if not y[4] and y[3] - y[2] == 4]
    if spans:
        return spans[-1][2], spans[-1][3]
    if doc_year is None:
        return None
    start = doc_year - (doc_year - 1) % 5
    return start, start + 4


def congress_term(text: str, sent: tuple[int, int], fig_start: int,
                  period: Period) -> tuple[int, int] | None:
    """The five years of a Party congress's term for a target written beside a result of
    part of that term ("bình quân 2021-2023 đạt 4,2%, thấp hơn mục tiêu Đại hội (6,5-7%)"),
    or None.

    The target is the term's when a congress is named in the sentence or the few before it
    and the result's years (a span in the sentence, else the period read so far) cover less
    than a term; terms start in years ending in 1 or 6 (2016-2020, 2021-2025).

    Examples
    --------
    >>> t = "Theo báo cáo giữa nhiệm kỳ Đại hội, GRDP 2021-2023 tăng 3,8% (mục tiêu 7,5%)."
    >>> congress_term(t, (0, len(t)), t.index("7,5%"), Period(2021, 2023, "sentence"))
    (2021, 2025)
    """
    if not CUES.CONGRESS.search(text, max(0, sent[0] - 600), fig_start):
        return None
    spans = [y for y in _years_between(text, sent[0], fig_start) if not y[4] and y[3] > y[2]]
    y0, y1 = (spans[-1][2], spans[-1][3]) if spans else (period.start, period.end)
    if y0 is None or y1 is None or y1 <= y0:
        return None
    start = y0 - (y0 - 1) % 5
    return (start, start + 4) if y1 - start < 4 else None


_HEADING_RE = re.compile(r"(?m)^[^\n|]{0,120}:\s*$")


def heading_years(text: str) -> list[tuple[int, int, int]]:
    """(offset, y0, y1) of lines ending in ":" that name a year: headings that set the period."""
    out = []
    for m in _HEADING_RE.finditer(text):
        years = [y for y in _years(m.group(0), m.start()) if not y[4]]
        if years:
            out.append((m.end(), years[0][2], years[0][3]))
    return out


# --- kind and measure ------------------------------------------------------------------------


def find_kind(context: str, period_end: int | None, doc_year: int | None,
              *, just_before: str = "", doc_month: int | None = None,
              period_start: int | None = None) -> tuple[str, bool, str]:
    """(kind, estimate, how): target or actual, and whether the text calls it an estimate.

    ``just_before`` is the text right before the figure: "(plan: 10.5%)", "kế hoạch: 8%"
    label the figure a target whatever its period. "will reach" about the document's own year
    is a plan when written in its first half and an estimate when written in its second half.
    ``period_start`` tells a span that began before the document's year ("2021-2025 is
    projected to reach ...", written early in 2025) from the year alone: its result is mostly
    had, so what is expected of it is an estimate, not the plan.
    """
    if CUES.PLAN_LABEL.search(just_before):
        return "target", False, "labelled as the plan"
    # "Có 03/09 chỉ tiêu ... không đạt kế hoạch:", "vượt mức chỉ tiêu Trung ương giao": a
    # review's tally of targets, or a plan met with its issuer, sets no target
    context = CUES.TARGET_TALLY.sub(" ", context)
    if CUES.PER_PLAN.match(context):
        return "target", False, "a sentence said after the plan"
    implementing = bool(CUES.IMPLEMENTING.search(context))
    if implementing:
        context = CUES.IMPLEMENTING.sub(" ", context)
        if period_end is not None and doc_year is not None and period_end <= doc_year \
                and not CUES.STRONG_TARGET.search(context):
            return "actual", bool(CUES.ESTIMATE_WORDS.search(context)), \
                "results of implementing a plan"
    will = (period_end is not None and period_end == doc_year
            and bool(CUES.WILL_WORDS_LOWER.search(context))
            and not CUES.STRONG_TARGET.search(context))
    if will and doc_month is not None and doc_month <= 6 and \
            not CUES.ESTIMATE_WORDS.search(context):
        return "target", False, "'will' early in the year"
    if period_end is not None and period_end == doc_year and doc_month is not None and \
            (period_start is None or period_start >= doc_year) and \
            doc_month <= _LAG_MONTHS and CUES.FORWARD_WORDS.search(context) and not \
            CUES.RESULT_ESTIMATE.search(context) and not CUES.MONTHS_TO_DATE.search(context):
        # "is expected to increase by 3.5%" about a year barely begun at the page date: what
        # the year's plan expects, not an estimate of its result
        return "target", False, "expected early in its own year"
    estimate = bool(CUES.ESTIMATE_WORDS.search(context)) or will
    # ("6.82 per cent a year (compared to the target of 7.8 per cent), with Region 1
    # expanding by 2.14 per cent": target words in brackets closed before are the aside's)
    strong = bool(CUES.STRONG_TARGET.search(_without_asides(context)))
    if period_end is not None and doc_year is not None:
        if period_end > doc_year:
            return "target", False, "period after the document"
        if period_end < doc_year:
            if strong and not estimate and CUES.PLAN_OR_TARGET_WORDS.search(context) \
                    and not CUES.ACHIEVED_WORDS.search(context) \
                    and not CUES.TARGET_MET.search(context):
                return "target", False, "target words, past period"
            return "actual", estimate, "period before the document"
    if strong and not estimate and not CUES.TARGET_MET.search(context):
        return "target", False, "target words"
    if (CUES.NOW_WORDS.search(context) or CUES.MONTHS_TO_DATE.search(context)
            or CUES.RESULT_WORDS.search(context)) and not estimate:
        return "actual", False, "words of a result"
    if estimate:
        return "actual", True, "estimate words"
    if period_end is not None and period_end == doc_year and doc_month and doc_month >= 10:
        # a year-end review of its own year: only strong target words make a figure a target
        return "actual", False, "the document's own year, written at its end"
    if CUES.TARGET_WORDS.search(context):
        return "target", False, "target words"
    return "actual", False, "default"


def _share_last(window: str) -> bool:
    """Whether a share word ("tỷ trọng") after the last growth word of ``window`` is the
    subject of the figure's own verb: "tăng tỷ trọng dịch vụ, ... tỷ trọng dịch vụ là"."""
    growth = [m.end() for m in CUES.GROWTH_WORDS.finditer(window)]
    share = [m.start() for m in CUES.SHARE_WORDS.finditer(window)]
    return bool(growth and share and share[-1] > growth[-1] and CUES.COPULA_LAST.search(window))


def find_measure(unit: str | None, window: str, raw: str, period: Period) -> str:
    """The measure of a figure from its unit, the words between it and its indicator, and period."""
    span = period.start is not None and period.end is not None and period.end > period.start
    if unit == "times":
        return "ratio_to_base"
    # "chiếm 51%, tăng 9,2 điểm phần trăm" after "so với năm 2020", "tăng 1,05 doanh nghiệp so
    # với năm 2020" (by 2025): a change in points, in a count or an amount since a base year
    # several years back is the change over those years
    since_base = bool(period.base and period.end and period.end > period.base + 1 and (
        CUES.GROWTH_VERB_LAST.search(window) or CUES.GROWTH_WORDS.search(
            re.sub(r"\d[\d.,]*", " ", raw)))
        and not CUES.SAME_PERIOD_OR_CONTRIBUTION.search(window))
    if unit == "percentage_points":
        return "cumulative_growth" if since_base else "contribution_to_growth"
    if unit == "percent":
        # "giảm 2,5%", "a 1.42% decrease": the fall is in the figure's own words
        lead = re.sub(r"\d[\d.,]*\s*%?", " ", raw)
        # "tăng từ 23% ... lên 26%": a starting level, unless a growth rate is named before
        # ("tăng từ 6,5 - 7%" is a growth of 6,5 to 7 %: a range keeps the verb)
        # ("tăng từ 10% trở lên": a growth of at least 10 %, the bound written after it)
        if not re.search(r"\d\s*[-–]\s*\d", raw) and not CUES.TRAILING_BOUND.search(raw):
            window = CUES.FROM_LEVEL_LAST.sub("", window)
        # a change word in the figure's own words ("giảm 3,2%") makes it a change, whatever
        # share the clause names before it ("chiếm 8,1% (giảm 3,2% ...)"); not "giảm còn"
        own_change = bool(CUES.GROWTH_WORDS.search(lead)) and not CUES.DOWN_TO_WORDS.search(lead) \
            and not CUES.FELL_BELOW.search(raw)  # ("fell below 4%")
        # a minus sign before a percentage ("19.394 tỷ đồng, -13,78%"): no share or rate is
        # negative, the figure is a change
        own_change = own_change or bool(re.match(r"\s*[-−]\s*\d", raw))
        growth = own_change or (
                  (CUES.GROWTH_WORDS.search(window) or CUES.GROWTH_WORDS.search(lead)
                   or CUES.PLUS_SIGN_LAST.search(window))
                  and not CUES.SHARE_WORDS.search(window[-25:])
                  # "tăng tỷ trọng dịch vụ, ... tỷ trọng ngành dịch vụ là 48,2%": the share
                  # named after the last growth word is what the figure is
                  and not _share_last(window)
                  # a contribution is no growth, unless a growth verb stands right before
                  # the figure: "đóng góp tích cực nhất (6 tháng đầu năm tăng 6,4%)"
                  and not (CUES.CONTRIBUTION_WORDS.search(window)
                           and not CUES.GROWTH_VERB_LAST.search(window)
                           and not CUES.CONTRIBUTION_TOWARD.search(window))
                  and not CUES.FELL_TO_LAST.search(window)
                  # "fall below 4%": the level reached ("growth fell below 5%" stays one)
                  and not (CUES.FELL_BELOW.search(window + raw)
                           and not CUES.GROWTH_NOUNS.search(window))
                  # "raise the urbanisation rate to 50%": the level a rise reaches
                  and not (CUES.RISE_TO_LAST.search(window)
                           and not CUES.GROWTH_NOUNS.search(window)))
        if growth or CUES.PER_YEAR_WORDS.search(raw):
            if CUES.HALF_YEAR.search(window):
                return "half_year_growth"
            if span or CUES.AVERAGE_WORDS.search(window + raw):
                return "period_average_growth"
            if period.base and period.end and period.end > period.base + 1 and \
                    not CUES.YEAR_ON_YEAR_WORDS.search(window):
                return "cumulative_growth"  # "tăng 67,77% so với năm 2020" (by 2025)
            return "annual_growth"
        return "period_average" if span and CUES.AVERAGE_WORDS.search(window) else "level"
    # (an amount per person is a level, never a sum over years: "Tổng sản phẩm bình quân đầu
    # người đạt 116,6 triệu đồng/người" under a 2021-2030 plan is the level it reaches)
    if span and (CUES.TOTAL_WORDS.search(window) or unit in ("count", "ha")) and \
            unit not in ("VND/person", "USD/person"):
        return "period_total"
    return "cumulative_growth" if since_base and unit != "times" else "level"


# --- phrases ---------------------------------------------------------------------------------

#: Whitespace other than a plain space (one character for one: offsets hold).
_OTHER_SPACE = re.compile(r"[^\S ]")
#: An en or em dash joins words as a hyphen does (one character for one).
_DASHES = str.maketrans("–—", "--")


#: A phrase of so many words and letters may be matched with a typo or a truncated last word.
_TOLERANT_WORDS = 5
_TOLERANT_CHARS = 24
_WORD_START = re.compile(r"(?<!\w)\w+")


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter replaced, added or dropped.

    >>> _one_edit("tổng mức bán lẻ hàng hóa", "tổng mức bán lẽ hàng hóa")
    True
    >>> _one_edit("abc", "abd"), _one_edit("abc", "abcd"), _one_edit("abc", "cab")
    (True, True, False)
    """
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _tolerant_entries(vocab: Vocabulary, fieldname: str) -> tuple[re.Pattern, dict, frozenset]:
    """What :func:`_tolerant_matches` reads for ``fieldname``, built once per vocabulary: a
    regex of the first words of the long phrases, those phrases by first word as (phrase, cut
    form, split, head, tail, length of tail) and the field's exact phrases.

    ``head`` and ``tail`` are the phrase before and after ``split`` (half its letters, at
    most its cut form's): a form one letter off has its head in place or its tail in place
    (give or take a letter), so a place where neither is written is passed over at once."""
    key = ("tolerant entries", fieldname)
    if key not in vocab._pattern:
        index = vocab.tolerant(fieldname)
        entries = {}
        for first, phrases in index.items():
            entries[first] = []
            for phrase in phrases:
                cut = phrase[:phrase.rfind(" ")]
                split = min(len(phrase) // 2, len(cut))
                entries[first].append((phrase, cut, split, phrase[:split], phrase[split:],
                                       len(phrase) - split))
        firsts = re.compile(r"(?<!\w)(?:" + alternation(sorted(index, key=len, reverse=True))
                            + r")(?!\w)") if index else None
        known = frozenset(p for p, f, _ in vocab.phrases if f == fieldname)
        vocab._pattern[key] = (firsts, entries, known, {
            first: _tolerant_gate(listed) for first, listed in entries.items()})
    return vocab._pattern[key]


def _tolerant_gate(entries: list[tuple]) -> re.Pattern:
    r"""One regex that matches at a first word's offset where one of ``entries`` (of
    :func:`_tolerant_entries`) has its head in place or its tail ``split`` letters on, give
    or take one: the test :func:`_tolerant_matches` makes entry by entry, made for all at
    once (a common first word, "tăng", starts a hundred long phrases; at most of its
    offsets none is written).

    >>> gate = _tolerant_gate([("giá trị sản xuất", "giá trị sản", 8, "giá trị ", "sản xuất", 8)])
    >>> [bool(gate.match(t)) for t in ("giá trị gia", "giá tri sản xuất", "giá cả")]
    [True, True, False]
    """
    heads = alternation(sorted({e[3] for e in entries}, key=len, reverse=True))
    tails: dict[int, set] = {}
    for _, _, split, _, tail, _ in entries:
        tails.setdefault(split, set()).add(tail)
    parts = [heads] + [f".{{{max(split - 1, 0)},{split + 1}}}"
                       + alternation(sorted(group, key=len, reverse=True))
                       for split, group in sorted(tails.items())]
    return re.compile("(?s:" + "|".join(parts) + ")")


def _tolerant_matches(vocab: Vocabulary, fieldname: str, low: str, found: list) -> list:
    """(start, end, phrase) of the long phrases written with a typo (one letter off) or with
    their last word cut ("chỉ số sản xuất ngành công" for "... ngành công nghiệp"), where no
    phrase of the field as long starts at the same place; a cut form that is itself a phrase of the
    field is that phrase, not a cut one."""
    firsts, entries, known, gates = _tolerant_entries(vocab, fieldname)
    if firsts is None:
        return []
    longest: dict[int, int] = {}  # start -> end of the longest exact phrase there
    for s, e, _ in found:
        longest[s] = max(e, longest.get(s, s))
    out = []
    for m in firsts.finditer(low):  # (only where a long phrase's first word is written)
        start = m.start()
        if not gates[m.group(0)].match(low, start):
            continue  # no phrase's head nor tail in place: none passes the test below
        written = longest.get(start, 0) - start  # (the longest exact phrase's length)
        for phrase, cut, split, head, tail, tail_len in entries[m.group(0)]:
            if written >= len(phrase) - 1:
                break  # a phrase as long is written there exactly
            if not (low.startswith(head, start)
                    or low.find(tail, start + split - 1, start + split + 1 + tail_len) >= 0):
                continue  # neither half in place (the second give or take a letter): no
                # cut form, nor one letter off
            end = start + len(cut)
            if low.startswith(cut, start) and cut not in known and (
                    end == len(low) or not low[end].isalnum()):
                out.append((start, end, phrase))
                continue
            for size in (len(phrase) - 1, len(phrase), len(phrase) + 1):
                end = start + size
                if end <= len(low) and (end == len(low) or not low[end].isalnum()) and \
                        _one_edit(phrase, low[start:end]):
                    out.append((start, end, phrase))
                    break
    return out


def _is_word_char(ch: str) -> bool:
    """``re``'s ``\\w`` of a str pattern: a letter, a digit or a number, or "_"."""
    return ch.isalnum() or ch == "_"


def _whole_word_spans(low: str, word: str) -> list[tuple[int, int]]:
    r"""The spans of ``re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", low)``, found
    with ``str.find`` (one regex per phrase scanned each sentence letter by letter).

    >>> _whole_word_spans("fdi, fdi projects; nonfdi fdi_x fdi", "fdi")
    [(0, 3), (5, 8), (32, 35)]
    """
    out = []
    size, end_of_text = len(word), len(low)
    at = low.find(word)
    while at >= 0:
        end = at + size
        if (at == 0 or not _is_word_char(low[at - 1])) and \
                (end == end_of_text or not _is_word_char(low[end])):
            out.append((at, end))
            at = low.find(word, end)
        else:
            at = low.find(word, at + 1)
    return out


def match_phrases(vocab: Vocabulary, fieldname: str, text: str, offset: int = 0, *,
                  overlapping: bool = False):
    """(start, end, phrase) of every phrase of ``fieldname`` in ``text`` (lower-cased).

    With ``overlapping``, a phrase inside a longer one is found too ("fdi" in "fdi projects"),
    and so is a long phrase written with a typo or a truncated last word.
    """
    # (two replaces, not translate(_DASHES): a mapping table costs a lookup per letter)
    low = _OTHER_SPACE.sub(" ", unicodedata.normalize("NFC", text).lower()).replace(
        "–", "-").replace("—", "-")
    if overlapping:
        exact = [(start, end, word)
                 for word, _ in vocab.patterns_in(fieldname, low) if word in low
                 for start, end in _whole_word_spans(low, word)]
        return sorted((offset + s, offset + e, word) for s, e, word in
                      exact + _tolerant_matches(vocab, fieldname, low, exact))
    out = [(offset + m.start(), offset + m.end(), m.group(0))
           for m in vocab.pattern(fieldname).finditer(low)]
    if fieldname == "region":  # English texts drop the diacritics: "Hung Yen"
        flat = _OTHER_SPACE.sub(" ", strip_accents(text))
        # ... but only where the text itself has no diacritics: "Diễn biến" is no "Dien Bien"
        out += [(offset + m.start(), offset + m.end(), m.group(0))
                for m in vocab.pattern(fieldname).finditer(flat)
                if text[m.start():m.end()].isascii()]
    return sorted(set(out))


#: Words an English name can do without: "the scale of the economy" is "economic scale".
_LOOSE_SKIP = frozenset("the of a an in on for and to its their province provincial city "
                        "locality".split())
#: English forms read as one word ("economic scale" is the "scale of the economy"; GDP is a
#: province's GRDP in provincial news).
_LOOSE_SAME = {"economic": "economy", "gdp": "grdp", "businesses": "enterprise",
               "business": "enterprise", "firms": "enterprise", "firm": "enterprise",
               "companies": "enterprise", "company": "enterprise", "enterprises": "enterprise"}
#: At most so many other words among a loosely written name's words.
_LOOSE_GAP = 2


def _loose_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words of ``text`` that count in a loosely written name."""
    out = []
    for m in _WORDS.finditer(text.lower()):
        word = m.group(0)
        if word in _LOOSE_SKIP or word.isdigit():
            continue
        word = _LOOSE_SAME.get(word, word)
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word.isascii():
            word = word[:-1]  # "visitors" is "visitor"
        out.append((m.start(), m.end(), word))
    return out


def loose_phrases(vocab: Vocabulary, fieldname: str, text: str, offset: int = 0):
    """(start, end, phrase) of the English phrases of ``fieldname`` written in ``text`` with
    their words in another order or with a few other words among them ("GDP scale" for "scale
    of the GDP"): each phrase of at least two words whose words all occur within a run of
    :data:`_LOOSE_GAP` more words, none of which names something by itself.

    A last resort for a figure no phrase names exactly: the span found is shown in review as
    the indicator's text.

    >>> vocab = Vocabulary({"grdp_current_prices": "VND"},
    ...                    [("scale of the economy", "indicator", "grdp_current_prices")], {})
    >>> loose_phrases(vocab, "indicator", "an economic scale of")
    [(3, 17, 'scale of the economy')]
    """
    key = ("loose", fieldname)
    if key not in vocab._pattern:
        index: dict[str, list] = {}
        for phrase in sorted({p for p, f, _ in vocab.phrases if f == fieldname}):
            words = [w for _, _, w in _loose_words(phrase)]
            if len(set(words)) < 2:
                continue
            if not phrase.isascii():
                continue  # Vietnamese words are syllables: "vốn đầu tư trong nước ngoài ngân
                # sách" holds "vốn đầu tư nước ngoài" with a word among, and is no FDI
            for w in set(words):
                index.setdefault(w, []).append((phrase, frozenset(words)))
        # the one-word names of the field: such a word among a phrase's words makes another
        # name (read once with the index, not per figure)
        single = {_LOOSE_SAME.get(p, p) for p, f, _ in vocab.phrases
                  if f == fieldname and _WORDS.fullmatch(p)}
        vocab._pattern[key] = (index, single)
    index, single = vocab._pattern[key]
    words = _loose_words(unicodedata.normalize("NFC", text))
    out = set()
    for i, (start, _, word) in enumerate(words):
        for phrase, wanted in index.get(word, ()):
            run = words[i:i + len(wanted) + _LOOSE_GAP]
            seen = set()
            for _, end, w in run:
                seen.add(w)
                if wanted <= seen:
                    # a word among them that names something itself makes another name:
                    # "total FDI investment capital" is no "total investment capital"
                    if not (seen - wanted) & single:
                        out.add((offset + start, offset + end, phrase))
                    break
    return sorted(out)


# (remembered: asked for the same years by every figure of the sentences after them)
@lru_cache(maxsize=1 << 14)
def _congress_name_only(text: str, at: int) -> bool:
    """Whether the year span at ``at`` is the term of a congress named in a sentence that
    sets no aim: "Đại hội ... lần thứ XI, nhiệm kỳ 2020-2025 đã khai mạc", "the 2020-2025
    congress opened".

    Examples
    --------
    >>> t = "Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025 đã khai mạc. GRDP tăng 6%."
    >>> _congress_name_only(t, t.index("2020"))
    True
    >>> t = "Đại hội Đảng bộ tỉnh nhiệm kỳ 2020-2025 đề ra mục tiêu tăng trưởng 7%/năm."
    >>> _congress_name_only(t, t.index("2020"))
    False
    """
    if not CUES.CONGRESS_TERM_BEFORE.search(text, max(0, at - 120), at):
        return False
    stop = CUES.SENTENCE_STOP.search(text, at)
    end = stop.start() if stop else len(text)
    return not CUES.TARGET_WORDS.search(text, at, end)
