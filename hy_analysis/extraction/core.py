"""``extract``: a document's text in, one candidate row per figure out (a DataFrame).

Pure apart from reading the vocabulary files of the data folder, the words of its rules
(extraction/cues.toml, through :mod:`hy_analysis.extraction.cues`) and, when given a path, the
document itself (through :mod:`hy_analysis.extraction.readers`).
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import datetime as dt
import gc
import os
import re
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import paths
from ..exceptions import ParameterError
from .cues import CUES
from .encodings import LegacyEncodingError, to_unicode
from .figures import Figure, _figures_from, document_lang, find_figures, normalise
from .reading import (_SPAN_NUMBERS, Period, Vocabulary, _aside, _years, _years_between,
                      congress_term, find_kind, find_measure, find_period, heading_years,
                      latest_span_ending, load_vocabulary, loose_phrases, match_phrases,
                      sentence_of, sentence_spans, strip_accents, whole_term)
from .readers import LegacyEncodingWarning
from .tables import Cell, find_table_cells
from .windows import windowed

from .second_process import SecondProcess, code_stamp

__all__ = ["extract", "document_date", "CANDIDATE_COLUMNS"]

#: The stamp of the package's code as this process imported it (the second process of a long
#: text must run the same: :func:`~hy_analysis.extraction.second_process.code_stamp`).
CODE_STAMP = code_stamp()

#: Columns of the frame :func:`extract` returns, in order.
CANDIDATE_COLUMNS = (
    "value_raw", "low", "high", "unit", "qualifier", "kind", "estimate", "period_start",
    "period_end", "measure", "indicator", "indicator_text", "region", "territory", "breakdown",
    "char_start", "char_end", "sentence", "confidence", "source_id", "note",
)

_MONEY = ("USD", "VND", "USD/person", "VND/person")
#: The number of a figure and what comes before it ("khoảng 1.700 lượt xe" -> "lượt xe")
_NUMBER_LEAD = re.compile(r"^[^\d]*\d+(?:[.,]\d+)*(?:\s?[-–]\s?\d+(?:[.,]\d+)*)?")
#: Codes that only make sense for one investor country or sector.
_BREAKDOWN_ONLY = ("fdi_capital_share",)
#: Codes that count workers: a count of another noun is none of them.
_WORKER_CODES = ("jobs_created", "workers_sent_abroad")
_GROWTH_MEASURES = ("period_average_growth", "annual_growth", "half_year_growth",
                    "cumulative_growth")
# The words themselves (head nouns of parks and clusters, their variants, the modifiers that
# separate near neighbours) are rows of data/indicator_synonyms.csv: Vocabulary.words().


def _doc_date(date) -> dt.date | None:
    if date is None or date == "":
        return None
    if isinstance(date, dt.datetime):
        return date.date()
    if isinstance(date, dt.date):
        return date
    text = str(date).strip()
    # The whole value must be one of the forms: "2024-13-45" or "20241211" is not 2024.
    fmt = {10: "%Y-%m-%d", 7: "%Y-%m", 4: "%Y"}.get(len(text))
    if fmt and re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", text):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise ParameterError(f"date: cannot read {date!r}; expected a date YYYY-MM-DD, YYYY-MM or "
                         "YYYY (e.g. 2024-12-11)")


def document_date(date) -> dt.date | None:
    """``date`` (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, a date or None) as a date, checked.

    Raises
    ------
    hy_analysis.exceptions.ParameterError
        If ``date`` is not one of those forms or not a day of the calendar.

    Examples
    --------
    >>> document_date("2024-12"), document_date(None)
    (datetime.date(2024, 12, 1), None)
    """
    return _doc_date(date)


def _territory(vocab: Vocabulary, region: str | None, date: dt.date | None) -> str:
    """The territory of the region map for a region at the document's date (remembered:
    the map's lookup scans its rows, and a long document asks for the same few)."""
    key = ("territory", region, date)
    if key not in vocab._pattern:
        vocab._pattern[key] = vocab.region_map.territory_at(region, date)
    return vocab._pattern[key]


def _compatible(code: str, vocab: Vocabulary, unit: str | None, measure: str,
                breakdown: str = "") -> bool:
    if code == "unknown":
        return True
    if code in _BREAKDOWN_ONLY and not breakdown:
        return False
    want = vocab.indicator_units.get(code)
    if want is None:
        return False
    if unit == "percent":
        return want == "percent" and code.endswith("_growth") == (measure in _GROWTH_MEASURES)
    if unit in _MONEY:
        # money per person is a per-capita indicator, never an aggregate ("GRDP per person
        # reached VND 57 million per person" is not the GRDP)
        return want in ("USD", "VND") and (not unit.endswith("/person")
                                           or code.endswith("_per_capita"))
    return want == unit


def _park_families(vocab: Vocabulary) -> list[str]:
    """The head families whose counts and areas have codes ``industrial_<family>_*`` (parks,
    clusters; not the economic zones, counted by ``economic_zones_total`` alone)."""
    return [name for name in vocab.names("head")
            if f"industrial_{name}_total" in vocab.indicator_units]


#: Count codes of a head family whose name does not start ``industrial_<family>``.
_COUNTED_FAMILY = {"clusters_merged_into_parks": "clusters", "economic_zones_total": "zones"}


def _counts_another_thing(vocab: Vocabulary, code: str, counted: str) -> bool:
    """Whether a count code of parks, clusters or zones misnames a figure that counts
    ``counted`` ("44 new projects", "48MW"): its head noun is not among the counted words."""
    family = _COUNTED_FAMILY.get(code) or next(
        (name for name in _park_families(vocab) if code.startswith(f"industrial_{name}_")),
        None)
    return family is not None and not vocab.words("head", family).search(counted)


def _origin_says_domestic(vocab: Vocabulary, text: str, sent_start: int, fig: Figure,
                          unit: str) -> bool:
    """Whether a figure named by an FDI code is the domestic investment's: its own noun
    phrase says so ("137 dự án đầu tư trong nước", "15 domestic projects"), or, for an
    amount in dong, the last origin word before it in its sentence is domestic ("925 domestic
    projects), with a total registered capital of 6,139.66 million USD and 133,512.98 billion
    VND": the dollars are the foreign projects', the dong the domestic ones')."""
    domestic, foreign = vocab.words("origin", "domestic"), vocab.words("origin", "foreign")
    if unit == "count":
        own = CUES.NOUN_PHRASE_AFTER.match(text, fig.end)
        words = f"{fig.noun} {own.group(0) if own else ''}"
        if domestic.search(words) or foreign.search(words):
            return bool(domestic.search(words)) and not foreign.search(words)
    if unit != "VND":
        return False
    before = text[sent_start:fig.start]
    last = max(((m.start(), name) for name, rx in (("domestic", domestic), ("foreign", foreign))
                for m in rx.finditer(before)), default=None)
    return last is not None and last[1] == "domestic"


def _family_code(vocab, text_after: str, window: str, clause: str, raw: str,
                 unit: str) -> tuple[str, str] | None:
    """Codes for counts and areas of industrial parks and clusters: family plus variant."""
    families = {name: vocab.words("head", name) for name in _park_families(vocab)}
    where = raw if unit == "count" else window
    if unit == "count" and re.search(r"[^\W\d]", raw) and not any(
            rx.search(raw) for rx in families.values()):
        return None  # the figure names what it counts, and it is not a park or cluster
    family = None
    for source in (where, window, clause):
        hits = [(m.start(), name) for name, rx in families.items() for m in rx.finditer(source)]
        if hits:
            family = max(hits)[1] if source is not raw else min(hits)[1]
            break
    if family is None:
        return None
    variant = None
    for source in (text_after, window, clause):
        variant = next((name for name in vocab.names("variant")
                        if vocab.words("variant", name).search(source)), None)
        if variant:
            break
    if unit == "ha":
        # "Tổng diện tích sau mở rộng ... 2.006 ha": a total, however it grew
        kind = "total_area" if variant in (None, "total") or CUES.AREA_TOTAL_WORDS.search(
            window + " " + text_after) or CUES.BRINGING_TOTAL.search(window) else "new_area"
        code = f"industrial_{family}_{kind}"
    elif variant == "merged" and family == "clusters":
        code = "clusters_merged_into_parks"
    elif CUES.BRINGING_TOTAL.search(window[-60:]):
        code = f"industrial_{family}_total"  # "17 new parks, bringing its total to 51"
    else:
        code = f"industrial_{family}_{variant or 'total'}"
    if code not in vocab.indicator_units:
        code = f"industrial_{family}_total" + ("_area" if unit == "ha" else "")
    return (code, family) if code in vocab.indicator_units else None


def _line_label(text: str, fig: Figure) -> str | None:
    """The line just before a figure that stands alone on its line, when that line holds no
    number: an infographic or a list written label above value ("Tỷ lệ bao phủ bảo hiểm y tế
    ;" then ">95%"), whose name is the line above, never the label of the next value below."""
    start = text.rfind("\n", 0, fig.start) + 1
    end = text.find("\n", fig.end)
    end = len(text) if end < 0 else end
    if text[start:fig.start].strip() or text[fig.end:end].strip(" \t;:.,"):
        return None
    above_end = start - 1
    if above_end <= 0:
        return None
    above = text[text.rfind("\n", 0, above_end) + 1:above_end].strip(" \t;:")
    if not above or re.search(r"\d", above):
        return None
    return above


def _indicator(vocab: Vocabulary, text: str, sent: tuple[int, int], clause_end: int,
               fig: Figure, window_start: int, unit: str, measure: str, label: str | None,
               breakdown: str = "", next_start: int | None = None, memo: dict | None = None,
               prev_end: int | None = None):
    """(code, indicator_text) for a figure, by the nearest phrase whose code fits the unit.

    Nearest means: a phrase inside the figure's own words for a count ("550 dự án FDI"), then
    one between the previous figure and this one, then one just after it (before the next
    figure), then one earlier in the sentence. Words written right after the previous figure
    (``prev_end``) complete that figure ("37% dự toán, tăng 12%"), they do not name this one.
    """
    if label is not None:
        lo, hi, source = 0, len(label), label
    else:
        lo, hi, source = sent[0], clause_end, text
    # "100% cơ sở sản xuất đáp ứng ...", "95% of households": a share of the noun that follows.
    # ("chiếm 51,6% nền kinh tế", "65.5% of the economic structure" name the whole a share is
    # of: the sector is named before, as for "35% GRDP")
    share_of_next = (unit == "percent" and label is None
                     and bool(CUES.SHARE_OF_NEXT.match(text, fig.end))
                     and not CUES.WHOLE_AFTER_SHARE.match(text, fig.end))
    best = None
    if label is None and memo is not None:
        # the phrases of a sentence are found once for all its figures (a clause ends at
        # ";" or the sentence's end, where no phrase can run on)
        key = ("phrases", sent)
        if key not in memo:
            memo[key] = match_phrases(vocab, "indicator", text[sent[0]:sent[1]], sent[0],
                                      overlapping=True)
        found_phrases = [p for p in memo[key] if p[1] <= hi]
    else:
        found_phrases = match_phrases(vocab, "indicator", source[lo:hi], lo, overlapping=True)
    named_in_window = False
    named = []  # (start, end, phrase, codes) of the phrases that fit, for a generic word's head
    # a phrase after the figure followed by a few words and the next figure is the next
    # figure's subject, and so is every phrase after its start ("revenue" in "while revenue
    # from trade will likely top VND16 trillion")
    # (only where the figure has a name of its own before it: "nông nghiệp tăng 7%")
    next_subject = None
    # (a name of its own: one that fits the figure, or that names an indicator of another
    # unit, "khách quốc tế đạt 3 triệu lượt, tăng 27%": not the next figure's subject either)
    if label is None and next_start is not None and any(
            me <= fig.start and any(c != "unknown" for c in vocab.values("indicator", phrase))
            for ms, me, phrase in found_phrases):
        next_subject = min((ms for ms, me, _ in found_phrases
                            if fig.end < ms and me < next_start
                            and CUES.SUBJECT_OF_NEXT.fullmatch(source, me, next_start)
                            and source[fig.end:ms].strip()
                            and not CUES.OWN_AFTER.fullmatch(source, fig.end, ms)),
                           default=None)
    if label is None and unit == "count" and CUES.PLACES_COUNTED.search(fig.raw):
        return "unknown", ""  # "51 quốc gia", "13 villages": no indicator counts places
    bare_head = vocab.words("modifier", "bare_head")
    counted_head = label is None and unit == "count" and bool(bare_head.search(fig.raw))
    if counted_head and (around := _name_around_count(vocab, text, lo, fig, bare_head, unit,
                                                      measure, breakdown)):
        return around
    # the codes that count workers take a count of workers ("12.400 lao động", "175 người",
    # "17,400 new jobs"), never one of another noun ("hơn 42 xã" after "tạo việc làm cho ...")
    # (a bare number, "17,400" before "new jobs", names no noun of its own)
    not_workers = label is None and unit == "count" and bool(
        re.search(r"\d\s*[^\W\d_]", fig.raw)) and not CUES.WORKERS_COUNTED.search(fig.raw)
    # "Dự án ... sẽ tạo việc làm cho 700 lao động", "the plant employs": one owner's jobs,
    # not the province's jobs created
    one_owner = label is None and bool(CUES.JOBS_OF_ONE_OWNER.search(
        source, max(lo, source.rfind(";", lo, fig.start), source.rfind(",", lo, fig.start)),
        fig.start))
    # a phrase inside a longer one that may name the figure is part of that name, not a name
    # of its own ("xuất nhập khẩu" in "thu từ hoạt động xuất nhập khẩu", "GRDP" in "GRDP bình
    # quân đầu người")
    # (and so is a sector's word inside the name of a place of any unit: "industrial" in
    # "FDI into industrial parks rose 34%" names no industry)
    spans = [(ms, me) for ms, me, phrase in found_phrases
             if _fitting_codes(vocab, vocab.values("indicator", phrase), unit, measure,
                               breakdown, growth_of_level=me <= fig.start)
             or any(c.startswith(_FAMILY_CODES) for c in vocab.values("indicator", phrase))]
    found_phrases = [(ms, me, phrase) for ms, me, phrase in found_phrases
                     if not any(a <= ms and me <= b and (a, b) != (ms, me) for a, b in spans)]
    if share_of_next and any(
            window_start <= ms and me <= fig.start and CUES.RATE_NAMED.search(phrase)
            and set(vocab.values("indicator", phrase)) - {"unknown"}
            for ms, me, phrase in found_phrases):
        share_of_next = False  # "Tỷ lệ lấp đầy ... đạt 80% diện tích đất": a rate named
        # before its figure, the noun after it is the base the rate is taken of
    not_naming = vocab.words("modifier", "not_naming", at_end=True)
    for ms, me, phrase in found_phrases:
        # a phrase after "so với", "than", "excluding" names what the figure is set against
        # or left without, not the figure: it leaves the growth word before it free to name
        # the figure ("kinh tế tỉnh có tốc độ tăng trưởng cao hơn so với mức tăng trưởng bình
        # quân của cả nước, đạt 7%")
        said_against = not_naming.search(source[max(lo, ms - 25):ms])
        named_in_window = named_in_window or (window_start <= ms and me <= fig.start
                                              and not said_against)
        codes = _fitting_codes(vocab, vocab.values("indicator", phrase), unit, measure,
                               breakdown, growth_of_level=me <= fig.start)
        if unit in _MONEY and unit.endswith("/person") and not set(codes) - {"unknown"}:
            # "GRDP reached 70 million VND per person": the aggregate named, the amount per
            # person is its per-capita level
            codes = [_PER_CAPITA_OF[c] for c in vocab.values("indicator", phrase)
                     if c in _PER_CAPITA_OF and _PER_CAPITA_OF[c] in vocab.indicator_units][:1] \
                or codes
        if unit in _MONEY and not unit.endswith("/person") and label is None and \
                not set(codes) - {"unknown"} and me <= fig.start and \
                CUES.GROWTH_THEN_LEVEL.search(source, ms, fig.start):
            # "the economy is expected to grow by 5.5 per cent this year to VNĐ59.2 trillion",
            # "tăng 6% lên 80 nghìn tỷ đồng": the amount a growth reaches is the level of
            # what grew (GRDP's growth is at constant prices)
            codes = _levels_of(vocab, vocab.values("indicator", phrase), unit, measure,
                               breakdown)[:1] or codes
        if counted_head:
            # "hơn 12.500 doanh nghiệp": a count of firms is no count of parks or clusters
            codes = [c for c in codes if not c.startswith(_FAMILY_CODES)]
        if not_workers or one_owner:
            codes = [c for c in codes if c not in _WORKER_CODES]
        if unit in ("count", "persons") and CUES.REVENUE_WORD.fullmatch(phrase):
            continue  # "tăng cả về lượng khách và doanh thu với 5,1 triệu lượt khách": money
        if not codes or said_against:
            continue
        if unit == "percent" and measure == "level" and vocab.words(
                "modifier", "frame", at_end=True).search(source[max(lo, ms - 10):ms]):
            continue  # "tỷ trọng công nghiệp trong GRDP": the whole a share is taken of
        if label is None and prev_end and window_start == prev_end <= ms and \
                me <= fig.start and (CUES.RIGHT_AFTER.fullmatch(text, prev_end, ms) or (
                    unit == "persons" and CUES.COPULA_AFTER.fullmatch(text, prev_end, ms))) and \
                not CUES.WORTH.fullmatch(text, me, fig.start):
            continue  # "đạt 37% dự toán, tăng 12%": the plan of the figure before (and "2.1
            # million were domestic travellers and 0.3 million were ...": the one before's)
        if label is not None:
            distance = hi - me
        elif ms >= fig.start and me <= fig.end:
            if unit == "percent":
                continue  # "bằng 35% GRDP": the whole the share is of, not what it measures
            distance = 0 if unit == "count" else 60
        elif me <= fig.start:
            if share_of_next and me <= window_start:
                continue  # "100% xã đạt chuẩn": not the indicator of an earlier figure
            distance = fig.start - me + (300 if me <= window_start else 0) + (
                100 if share_of_next else 0)
        elif ms < fig.end:  # overlaps the end of the figure: "4 khu công nghiệp đi vào ..."
            distance = 0
        else:
            if ms - fig.end > 150 or (next_start is not None and ms >= next_start
                                      and not CUES.BRACKET_THEN.fullmatch(source, fig.end, ms)):
                continue  # (an equivalent in brackets is no figure of its own: "contributed
                # VNĐ22 trillion ($925 million) to the State budget" names both)
            if unit == "percent" and measure == "level" and (
                    whole := CUES.WHOLE_AFTER_SHARE.match(source, fig.end)) and ms < whole.end():
                continue  # "chiếm 51,6% nền kinh tế": the whole the share is of
            if CUES.PARTS_FOLLOW.search(source, fig.end, ms):
                continue  # "tăng 0,4%/năm, trong đó khu vực nông nghiệp ...": its parts
            if CUES.RANKING_AFTER_FIGURE.search(source, fig.end, ms):
                continue  # "10,24% đứng thứ 4 ... có quy mô kinh tế lớn nhất": the group
                # ranked against, not what the figure measures
            if next_subject is not None and ms >= next_subject:
                continue  # "nông nghiệp tăng 7%, công nghiệp tăng 10%": the next one's subject
            if codes == ["unknown"] and next_start is not None and me < next_start and \
                    CUES.SUBJECT_OF_NEXT.fullmatch(source, me, next_start) and \
                    CUES.COORDINATOR_BEFORE.match(source, fig.end, ms):
                continue  # "grew by 6.1% and its scale reached 98 trillion": a bare word after
                # "and" is the subject of the figure after it, naming nothing of this one
            if CUES.CONSEQUENCE_AFTER.match(source, fig.end, ms):
                continue  # "... đạt 8,62% nên lần đầu tiên quy mô kinh tế ...", "so that":
                # a clause of what followed from the figure names its own subject
            # words tied to the figure by a preposition name it ("spent 13.1 billion USD on
            # imports"; "a rise of over 10% in total investment in society"; "an over 10%
            # increase in total investment": a change noun and "in" after a percentage)
            # (a name that opens with the preposition itself, "5 trillion VND from export and
            # import", is tied the same way)
            own = CUES.OWN_AFTER.match(source, fig.end)
            distance = ms - fig.end + (0 if share_of_next or (
                unit != "percent" and (CUES.OWN_AFTER.fullmatch(source, fig.end, ms) or (
                    own is not None and not source[fig.end:ms].strip() and own.end() > ms))) or (
                unit == "persons" and CUES.COPULA_AFTER.fullmatch(source, fig.end, ms)) or (
                unit == "percent" and CUES.IN_RIGHT_AFTER.fullmatch(source, fig.end, ms)
                and CUES.CHANGE_OF_BEFORE.search(source, max(lo, fig.start - 40), fig.start))
                or (unit == "percent" and CUES.CHANGE_NOUN_IN_AFTER.fullmatch(source, fig.end, ms))
                else 100)
            if unit == "percent" and CUES.FOR_RIGHT_AFTER.fullmatch(source, fig.end, ms):
                distance = 0  # "12.5% for trade, 7.1% for services": its own sector
        if codes == ["unknown"] and bare_head.fullmatch(phrase) and (
                unit in ("count", "persons") or (prev_end and me == prev_end)):
            # the bare head noun of a count ("593 doanh nghiệp", "296 enterprises") names
            # nothing of its own: the indicator named before it in its sentence, if any, is
            # what it counts ("Số doanh nghiệp thành lập mới: 593 doanh nghiệp", "newly
            # established 296 enterprises"), and so for a rate after the count ("tăng 45
            # doanh nghiệp, tăng 17,4%")
            distance += 1000
        elif label is None and prev_end and me == prev_end and unit == "percent" and \
                measure in _GROWTH_MEASURES and any(
                    max(lo, source.rfind(";", lo, ms)) <= a and b < ms and p != phrase
                    and set(vocab.values("indicator", p)) - {"unknown"}
                    for a, b, p in found_phrases):
            # "hành khách thông qua cảng đạt 3,2 triệu lượt khách, tăng 15%": the unit words of
            # the amount before name neither it nor its growth; the name before them in their
            # clause does (with none, "luân chuyển đạt 95.000 nghìn tấn.km, tăng 6,8%", the
            # unit is the only name the amount and its growth have)
            distance += 1000
        named.append((ms, me, phrase, codes))
        key = (distance, -len(phrase))
        if best is None or key < best[0]:
            best = (key, codes, source[ms:me], ms, phrase)
    if best is not None and label is None and vocab.values("generic", best[4]):
        # "các ngành công nghiệp - xây dựng ..., tăng trưởng bình quân 29,6%/năm": a growth
        # word is the head's (the aggregate named before it in the clause), not the economy's
        heads = [n for n in named if window_start <= n[0] and n[1] <= best[3]
                 and not vocab.values("generic", n[2])]
        if not heads and best[3] < window_start and not source[best[3]:fig.start].count(";"):
            # "Exports have recovered, with an average growth rate of 3% in 2021-2022 and an
            # on-year increase of 4% in 2023": a growth word the figure before took up is
            # still the head's, named before it in the clause, for this figure too
            heads = [n for n in named if n[1] <= best[3] and not vocab.values("generic", n[2])]
        if heads:  # the nearest, and of those ending there the longest
            ms, me, phrase, codes = max(heads, key=lambda n: (n[1], n[1] - n[0]))
            best = (best[0], codes, source[ms:me], ms, phrase)
    if best is not None and label is None and best[1][0] == "iip_growth" and \
            best[3] < fig.start and CUES.INDEX_OF_SUBJECT.search(
                source, max(lo, best[3] - 12), best[3]):
        # "Ngành cung cấp nước ... với 10 doanh nghiệp, có chỉ số sản xuất công nghiệp tăng
        # 8,77%": the industry's index a sector has is the sector's (the last sector named
        # before it in the clause, with no rate of its own between)
        sectors = [n for n in named if n[1] <= best[3] and "%" not in source[n[1]:best[3]]
                   and any(c in _SECTOR_IIP for c in n[3])]
        if sectors:
            ms, me, phrase, codes = sectors[-1]
            best = (best[0], [c for c in codes if c in _SECTOR_IIP], source[ms:me], ms, phrase)
    if best is not None and label is None and best[1] == ["unknown"] and best[3] >= fig.end \
            and unit == "percent" and measure in _GROWTH_MEASURES and vocab.words(
                "generic", "grdp_growth", at_end=True).search(
                    text, max(sent[0], fig.start - 40), fig.start) and \
            CUES.GRDP_WORD.search(text, sent[0], fig.start):
        # "mục tiêu tăng trưởng GRDP ... trên 12,5%; bổ sung giải pháp để đạt mục tiêu tăng
        # trưởng trên 13%, xác định đẩy mạnh giải ngân ...": in a sentence on GRDP growth, the
        # growth word right before a figure takes it up again; a phrase after it does not
        # name it (with no GRDP before, "Với mức tăng trưởng 28,5%, ngành X ..." is X's)
        best = None
    if label is None and unit == "percent" and measure in _GROWTH_MEASURES and (
            best is None or best[3] >= fig.end) and (
            grew := CUES.PLACE_GREW_LAST.search(text, sent[0], fig.start)) and (
            grew.group("subject") or any(not text[end:grew.start()].strip() for end, _ in
                                         _places(vocab, text, sent[0], grew.start()))) and \
            _compatible("grdp_growth", vocab, unit, measure, breakdown):
        # "Hậu Nghĩa grew 5.1% last year, with exports ...": a place that grew by the figure
        # is its economy; a name written after the figure is the next clause's
        return "grdp_growth", grew.group("verb")
    if label is None and (unit in _MONEY or unit == "percent" and measure in _GROWTH_MEASURES) \
            and (best is None or best[1] == ["unknown"] and (
                CUES.REVENUE_WORD.fullmatch(best[4]) or vocab.values("revenue_of", best[4]))):
        # "Du lịch ... 1,92 triệu lượt khách, mang về doanh thu 1.579 tỷ đồng": an amount
        # named by a bare revenue word is the revenue of the sector its sentence is about
        # (and "doanh thu tăng 28%" its growth); not "transportation revenue", a revenue of
        # something named with the word
        found = _amount_of_subject(vocab, text, sent, fig, unit, measure, breakdown)
        if found:
            return found
    if label is None and unit == "count" and CUES.TONNES.search(fig.raw) and (
            best is None or best[1] == ["unknown"] and CUES.OUTPUT_WORD.fullmatch(best[4])):
        # "Diện tích nuôi thủy sản tăng 5,12%, sản lượng đạt 84.697 tấn": tonnes named by a
        # bare output word are the output of the sector its sentence is about
        found = _amount_of_subject(vocab, text, sent, fig, unit, measure, breakdown,
                                   field="output_of")
        if found:
            return found
    if best is None and label is None and vocab.words("modifier", "continues").match(
            text[sent[0]:fig.start].lstrip(" \t\n\"'“(-–")):
        # "Kim ngạch xuất khẩu tháng 8 đạt 500 triệu USD. Lũy kế 8 tháng đạt 3.980 triệu
        # USD": a sentence that goes on with a running total names no indicator of its own;
        # it is that of the sentence before (its first phrase that fits the figure)
        head = text[max(0, sent[0] - _MAX_CONTEXT):max(0, sent[0] - 1)]
        ends = [m.end() for m in CUES.SENTENCE_STOP.finditer(head)]
        prev_start = max(0, sent[0] - _MAX_CONTEXT) + (ends[-1] if ends else 0)
        for ms, me, phrase in match_phrases(vocab, "indicator", text[prev_start:sent[0]],
                                            prev_start):
            codes = [c for c in vocab.values("indicator", phrase)
                     if _compatible(c, vocab, unit, measure, breakdown)]
            if codes and not vocab.words("modifier", "not_naming", at_end=True).search(
                    text[max(prev_start, ms - 25):ms]):
                return codes[0], text[ms:me]
    if best is None and label is None and (unit in _MONEY or unit == "count") and \
            CUES.INVESTMENT_WORDS.search(text, sent[0], min(sent[1], fig.end + 60)):
        # "Last year, the province granted new investment licenses to 25 projects worth 3.13
        # billion USD": projects and capital with no name of their own belong to the foreign
        # investment named in the sentences before (new, added or to date by their own words)
        found = _investment_named_before(vocab, text, sent, fig, unit, measure, breakdown)
        if found:
            return found
    if best is None and label is None:
        found = _head_anaphor(vocab, text, sent, fig.start, unit, measure, breakdown)
        if found:  # ("unknown", "") for a head that stands for nothing named before it:
            return found  # "the index" is no growth of the economy
    if best is None and label is None and unit == "percent" and \
            measure in _GROWTH_MEASURES and CUES.THIS_MARKS.match(text, sent[0]) and \
            CUES.AMOUNT_BETWEEN.search(_sentence_before(text, sent[0])) and \
            (found := _growth_taken_up(vocab, text, sent, unit, measure, breakdown)):
        return found  # "... 10,800 billion VND. This marks a 27.2% increase": its growth (an
        # amount's: after "GRDP grew 8%." a "2% increase" is no growth of anything named)
    if best is None and label is None and unit == "percent" and \
            measure in _GROWTH_MEASURES and not named_in_window:
        # "Hai Duong's growth in 2024 is estimated at 10.2%", "tốc độ tăng trưởng ... 12%":
        # growth named by no aggregate is the economy's (a generic word, the last resort)
        # (not a word of a place's name: "economic" in "the Border Gate Economic Zone")
        places = [(ms, me) for ms, me, phrase in match_phrases(
            vocab, "indicator", text[sent[0]:fig.start], sent[0])
            if any(c.startswith(_FAMILY_CODES) for c in vocab.values("indicator", phrase))]
        generic = [(me, phrase) for ms, me, phrase in match_phrases(
            vocab, "generic", text[sent[0]:fig.start], sent[0])
            if not not_naming.search(text[max(sent[0], ms - 25):ms])
            and not any(a <= ms and me <= b for a, b in places)]
        after = CUES.GENERIC_GROWTH_AFTER.match(text, fig.end)
        if after:  # "posted 5% growth": the growth noun written after the figure
            generic = [(after.end(1), after.group(1).lower())]
        codes = [c for c in vocab.values("generic", generic[-1][1])
                 if _compatible(c, vocab, unit, measure, breakdown)] if generic else []
        if codes and (anaphor := CUES.GROWTH_ANAPHOR.match(text, sent[0])) and \
                anaphor.end() >= generic[-1][0] and \
                (found := _growth_taken_up(vocab, text, sent, unit, measure, breakdown)):
            return found  # "... grew 18% a year. The growth rate was 35% in 2016-2020"
        if codes:
            return codes[0], text[generic[-1][0] - len(generic[-1][1]):generic[-1][0]]
    if best is None and label is None and unit in _MONEY and not unit.endswith("/person"):
        # "the economy is expected to grow by 5.5 per cent this year to VNĐ59.2 trillion": the
        # amount a growth of the economy reaches is its level
        generic = [(ms, phrase) for ms, me, phrase in match_phrases(
            vocab, "generic", text[sent[0]:fig.start], sent[0])
            if CUES.GROWTH_THEN_LEVEL.search(text, ms, fig.start)]
        codes = _levels_of(vocab, vocab.values("generic", generic[-1][1]), unit, measure,
                           breakdown) if generic else []
        if codes:
            return codes[0], text[generic[-1][0]:generic[-1][0] + len(generic[-1][1])]
    if label is None and (best is None or best[1] == ["unknown"] and " " not in best[4]):
        # last: a name written loosely between the figure before and this one ("GDP scale",
        # "the total product scale at current prices"), the nearest that fits the figure
        # and names one indicator only; where a bare word named nothing ("scale"), a loose
        # name that holds that word is the longer name (a longer name for nothing, "domestic
        # investment", is a part on purpose)
        for ms, me, phrase in reversed(loose_phrases(vocab, "indicator",
                                                     text[window_start:fig.start],
                                                     window_start)):
            if best is not None and not (ms <= best[3] and best[3] + len(best[2]) <= me):
                continue
            if vocab.values("indicator", text[ms:me].lower()):
                continue  # written exactly: read above with the rules for exact names
            codes = {c for c in vocab.values("indicator", phrase)
                     if _compatible(c, vocab, unit, measure, breakdown)}
            if codes and not not_naming.search(text[max(sent[0], ms - 25):ms]):
                if len(codes) == 1 and codes != {"unknown"}:
                    return codes.pop(), text[ms:me]
                break
    if best is None:
        return "unknown", ""
    codes, found = best[1], best[2]
    before = text[max(0, sent[0] - 400):fig.start] if label is None else label
    # the words after the figure count too: "32 dự án đăng ký mới"
    after = text[fig.end:min(fig.end + 60, next_start or len(text))] if label is None else ""
    after = CUES.AFTER_STOP_INDICATOR.split(after)[0]
    # an aggregate named in an earlier paragraph does not go on into this one: the "giá
    # trị sản xuất" of a paragraph on industry is not that of the next paragraph's "Khu vực
    # dịch vụ tăng 4%" (within a paragraph it is: "Giá trị sản xuất tăng 11%. Trong đó ...")
    earlier = text[max(0, sent[0] - 400):sent[0]] if label is None else ""
    named_before = (earlier[earlier.rfind("\n\n") + 1:] + text[sent[0]:fig.start]
                    if label is None else label)
    # the sentence before the figure's, within its paragraph
    previous = _sentence_before(text, sent[0]) if label is None else ""
    codes = [_variant(c, vocab, named_before, (text[sent[0]:fig.start] if label is None
                                               else label) + " " + after, measure,
                      previous=previous,
                      opening=text[sent[0]:fig.start] if label is None else "")
             for c in codes]
    # the last time words before an amount decide whether it is a first half's: its own
    # sentence's or those of a lead paragraphs before (a later "Năm 2023", "9 tháng" ends it)
    own_time = _time_after(text, sent, fig, min(next_start or sent[1], sent[1])) \
        if label is None and unit in _MONEY else None
    if measure == "half_year_growth" or (unit in _MONEY and (
            (own_time.group("half") is not None if own_time else _half_year_frame(text, fig.start))
            if label is None else CUES.HALF_YEAR.search(before))):
        codes = [f"{c}_h1" if f"{c}_h1" in vocab.indicator_units else c for c in codes]
    if label is None and codes[0] in _SECTOR_IIP and _measure_named_after_index(
            vocab, text[sent[0]:best[3]]):
        # "Giá trị gia tăng toàn ngành công nghiệp giảm 24,3%; trong đó, ngành công nghiệp chế
        # biến, chế tạo giảm 30%": manufacturing's value added (or output), not its IIP
        return "unknown", found
    if label is None and codes[0] == "grdp_growth" and _current_prices_named_last(
            vocab, text[sent[0]:fig.start]) and \
            "grdp_current_prices_growth" in vocab.indicator_units:
        # "Quy mô GRDP theo giá hiện hành đạt 21.771 tỷ đồng, tăng 11,23%": the nominal growth
        codes[0] = "grdp_current_prices_growth"
    if label is None and codes[0] == "iip_growth" and not CUES.INDEX_NAMED.search(found) and \
            (other := CUES.QUANTITY_FOR_NAME.search(text, max(sent[0], best[3] - 50), best[3])):
        # "Vốn đầu tư cho sản xuất công nghiệp tăng 12%", "electricity used in industrial
        # production rose 8%": the name is what another quantity is for; it grew, not the
        # production (audit11)
        return "unknown", text[other.start():best[3]] + found
    if label is None and codes[0] == "iip_growth" and not CUES.INDEX_NAMED.search(found) and (
            vocab.words("modifier", "output").search(text, best[3], fig.start)
            or vocab.words("modifier", "value_added").search(text, best[3], fig.start)
            or CUES.AMOUNT_BETWEEN.search(text, best[3], fig.start)):
        # "sản xuất công nghiệp tăng 12,5%", "industrial production rose 3.7%": a volume,
        # the IIP statistics offices report it by; with a value named between, "với giá trị
        # sản xuất ... 39.000 tỷ đồng, tăng 9,36%", "was estimated at VND13.5 trillion, up
        # 40.2%", the output's value (or its value added, below)
        codes[0] = "industrial_output_growth"
    if label is None and codes[0] in _VALUE_ADDED_OF and _value_added_named_last(
            vocab, text[best[3]:fig.start]):
        # "Sản xuất công nghiệp được khôi phục, giá trị tăng thêm tăng 4,63%": value added
        # named after the sector's production, the one named last wins
        codes[0] = _VALUE_ADDED_OF[codes[0]]
    if label is None and (codes[0] in _FDI_CAPITAL or codes[0] == "unknown") and vocab.words(
            "modifier", "capital").fullmatch(best[4]):
        # "588 doanh nghiệp thành lập mới với số vốn đăng ký 3.335 tỷ đồng", "15 dự án đầu
        # tư trong nước với vốn đăng ký 4.245 tỷ đồng": a bare capital word is the capital of
        # what its sentence named last before it (new enterprises, domestic or foreign
        # projects)
        owners = _capital_owners(vocab, text, sent[0], best[3])
        if not owners and previous.strip():
            # "There were 1,700 newly registered enterprises. The total registered capital
            # reached ...": a sentence naming no owner goes on with the one before's
            owners = _capital_owners(vocab, text, sent[0] - len(previous), sent[0])
        owner = owners[-1] if owners else None
        if owner == "domestic" and unit == "USD" and "foreign" in owners:
            owner = "foreign"  # "(397 dự án FDI và 808 dự án trong nước) với vốn đăng ký 6.278
            # triệu USD và 172.796 tỷ đồng": the dollars are the foreign projects'
        if owner == "domestic":
            return "unknown", found
        if owner == "enterprises" and _compatible("new_enterprises_capital", vocab, unit,
                                                  measure, breakdown):
            return "new_enterprises_capital", found
        if codes[0] == "unknown":
            return "unknown", found
    return codes[0], found


#: An aggregate -> its level per person, for an amount per person said of the aggregate.
_PER_CAPITA_OF = {"grdp_growth": "grdp_per_capita", "grdp_constant_prices": "grdp_per_capita",
                  "grdp_current_prices": "grdp_per_capita"}

#: A growth code -> the code of the level it grows, where the names differ by more than
#: "_growth" (GRDP grows at constant prices).
_LEVEL_OF_GROWTH = {"grdp_growth": "grdp_constant_prices"}
#: ... and the other way round: a level -> the growth code it grows by.
_GROWTH_OF_LEVEL = {level: growth for growth, level in _LEVEL_OF_GROWTH.items()}


def _levels_of(vocab: Vocabulary, codes, unit: str, measure: str, breakdown: str) -> list[str]:
    """The registered levels of the growth codes among ``codes`` that fit the figure: the
    level an amount a growth reaches is of ("grow by 5.5% to VNĐ59.2 trillion")."""
    levels = [_LEVEL_OF_GROWTH.get(c, c.removesuffix("_growth"))
              for c in codes if c.endswith("_growth")]
    return [c for c in levels if c in vocab.indicator_units
            and _compatible(c, vocab, unit, measure, breakdown)]

def _fitting_codes(vocab: Vocabulary, codes, unit: str, measure: str, breakdown: str, *,
                   growth_of_level: bool = False) -> list[str]:
    """The codes among ``codes`` that fit the figure; with ``growth_of_level`` (a name
    written before the figure), for a growth none of them fits, the registered growths of
    the levels among them: a name the lexicon gives for a level names its growth too
    ("Agricultural output value reached VND 20 trillion, up 3.5%"; a level named after the
    growth is the next clause's: "GRDP tăng 10%, quy mô nền kinh tế gấp đôi")."""
    fit = [c for c in codes if _compatible(c, vocab, unit, measure, breakdown)]
    if unit in _MONEY:
        # a name of two amounts in different currencies is the one in the figure's: "import-
        # export revenue" of 885 million USD is the trade, of 500 billion VND the customs duty
        same = [c for c in fit if c != "unknown" and vocab.indicator_units[c] == unit[:3]]
        # (a name the lexicon reads first as a part, unknown, stays one)
        fit = same + [c for c in fit if c not in same] if same and fit[0] != "unknown" else fit
    if fit or not growth_of_level or unit != "percent" or measure not in _GROWTH_MEASURES:
        return fit
    growths = [_GROWTH_OF_LEVEL.get(c) or f"{c.removesuffix('_value')}_growth" for c in codes
               if not c.endswith("_growth") and c != "unknown"]
    return list(dict.fromkeys(c for c in growths if c in vocab.indicator_units
                              and _compatible(c, vocab, unit, measure, breakdown)))


#: Codes of counted families whose head nouns are parks, clusters and zones.
_FAMILY_CODES = ("industrial_parks_", "industrial_clusters_", "clusters_merged", "economic_zones")

#: FDI capital codes a bare capital word ("vốn đăng ký", "registered capital") is read as.
_FDI_CAPITAL = ("fdi_capital", "fdi_new_capital", "fdi_attracted", "fdi_registered_period")


def _capital_owners(vocab: Vocabulary, text: str, lo: int, at: int) -> list[str]:
    """Whose capital a bare capital word at ``at`` may be, in the order ``text[lo:at]`` names
    them (the last named first in line): ``"enterprises"`` (new enterprises), ``"domestic"``
    (domestic projects), ``"foreign"`` (FDI)."""
    owners = []
    for _, me, phrase in match_phrases(vocab, "indicator", text[lo:at], lo):
        codes = vocab.values("indicator", phrase)
        if "new_enterprises" in codes:
            owners.append((me, "enterprises"))
        elif any(c.startswith("fdi_") for c in codes) and \
                not vocab.words("modifier", "capital").fullmatch(phrase):
            owners.append((me, "foreign"))
    owners += [(lo + m.end(), "domestic")
               for m in vocab.words("modifier", "domestic").finditer(text[lo:at])]
    # a count of firms ("cấp mới đăng ký cho 31 doanh nghiệp với tổng vốn đăng ký ..."): the
    # capital of the firms counted (not of foreign-invested ones: "12 doanh nghiệp FDI")
    owners += [(m.end(), "enterprises") for m in CUES.FIRMS_COUNTED.finditer(text, lo, at)
               if CUES.FIRMS_FOUNDED.search(text, max(lo, m.start() - 60), m.end() + 40)]
    return [kind for _, kind in sorted(owners)]


#: Gross-output growth code -> the value-added growth code of the same sector.
#: the IIP of an industrial sector, named by the sector alone: its value added or gross output
#: (named before it, as the measure of a list) is another quantity
_SECTOR_IIP = ("manufacturing_iip_growth", "mining_iip_growth", "electricity_iip_growth",
               "water_waste_iip_growth")
_VALUE_ADDED_OF = {"industrial_output_growth": "industry_grdp_growth",
                   "industry_construction_output_growth": "industry_construction_grdp_growth",
                   "construction_output_growth": "construction_grdp_growth",
                   "services_output_growth": "services_grdp_growth",
                   "agriculture_output_growth": "agriculture_grdp_growth"}


def _half_year_frame(text: str, at: int) -> bool:
    """Whether the last time words written before ``at`` (in this or an earlier paragraph)
    are a first half: a report on "6 tháng đầu năm" names its half once, in its lead, and its
    later paragraphs' amounts are the half's ("Kim ngạch xuất khẩu đạt X triệu USD")."""
    # (the text's time words are searched once for all its figures)
    for m in windowed(CUES.TIME_FRAME_WORDS, text).last_first(max(0, at - 3000), at):
        if m.group("compared") is None:  # "so với cùng kỳ năm 2023" compares, frames nothing
            return m.group("half") is not None
    return False


def _time_after(text: str, sent: tuple[int, int], fig: Figure, stop: int) -> re.Match | None:
    """In a sentence naming no time before an amount, the first time words after it, before
    ``stop`` (the next figure or the sentence's end), that frame it: they say whether it is a
    first half's ("exports were estimated at 581 million USD in the first six months of
    2023") or not ("Exports reached 1.9 billion USD in 2024" after a paragraph on the first
    half). A compared period frames nothing ("up 5% over the first half of 2022"), and time
    words before the amount come first ("Năm 2024, xuất khẩu đạt 2 tỷ USD, gấp đôi 6 tháng đầu
    năm" is the year's)."""
    if any(m.group("compared") is None
           for m in CUES.TIME_FRAME_WORDS.finditer(text, sent[0], fig.start)):
        return None
    first = next((m for m in CUES.TIME_FRAME_WORDS.finditer(text, fig.end, max(fig.end, stop))
                  if m.group("compared") is None), None)
    if first is not None and CUES.SET_AGAINST_WORDS.search(text, fig.end, first.start()):
        return None  # "2 tỷ USD, gấp đôi 6 tháng đầu năm", "of which the first half ...": the
        # time words of what the amount is set against or made of, not its own
    return first


def _measure_named_after_index(vocab: Vocabulary, words: str) -> bool:
    """Whether value added or gross output is named in ``words`` after any index word (the
    measure of the parts listed after it)."""
    named = [m.end() for m in vocab.words("modifier", "value_added").finditer(words)] + \
        [m.end() for m in vocab.words("modifier", "output").finditer(words)]
    index = [m.end() for m in CUES.INDEX_WORDS.finditer(words)]
    return bool(named) and (not index or max(named) > max(index))


def _current_prices_named_last(vocab: Vocabulary, words: str) -> bool:
    """Whether ``words`` name the economy's scale at current prices ("Quy mô GRDP theo giá
    hiện hành"), after any constant prices: a growth then said of it is nominal. (A GRDP
    amount "theo giá thực tế" alone may be followed by the real growth: not enough.)"""
    current = [m for m in vocab.words("modifier", "current_prices").finditer(words)]
    prices = [m.end() for m in current if not CUES.SCALE_WORD.fullmatch(m.group(0))]
    constant = [m.end() for m in vocab.words("modifier", "constant_prices").finditer(words)]
    return bool(prices) and any(CUES.SCALE_WORD.fullmatch(m.group(0)) for m in current) and (
        not constant or prices[-1] > constant[-1])


def _value_added_named_last(vocab: Vocabulary, words: str) -> bool:
    """Whether a value-added word comes after every gross-output word of ``words``."""
    added = [m.end() for m in vocab.words("modifier", "value_added").finditer(words)]
    out = [m.end() for m in vocab.words("modifier", "output").finditer(words)]
    return bool(added) and (not out or added[-1] > out[-1])


def _amount_of_subject(vocab: Vocabulary, text: str, sent: tuple[int, int], fig: Figure,
                       unit: str, measure: str, breakdown: str, *,
                       field: str = "revenue_of") -> tuple[str, str] | None:
    """(code, indicator_text) of an amount whose only name is a bare revenue word right
    before it ("mang về doanh thu 1.579 tỷ đồng", "revenue is estimated at") or "in revenue"
    right after it, in a sentence about a sector whose revenue the dataset has (field
    ``revenue_of`` of the lexicon: tourism, the state budget): the sector named last before
    the figure in its sentence, else in the sentence before it in its paragraph; None
    otherwise. With ``field="output_of"`` the same for a bare output word ("sản lượng đạt
    84.697 tấn", "yielded a total of 20,557 tons") and the sector whose output it is, named
    in the figure's own sentence only. None where the sentence
    names an owner of its own (a company, a hotel)."""
    if field == "revenue_of":
        bare, after, sentence_before = CUES.BARE_REVENUE, CUES.REVENUE_AFTER, True
    else:  # (an output's sector is named in its own sentence: "Fishing tourism grew. Rubber
        # production was 80,000 tonnes", audit12)
        bare, after, sentence_before = CUES.BARE_OUTPUT, None, False
    word = bare.search(text, max(sent[0], fig.start - 60), fig.start)
    if word is None and not (after and after.match(text, fig.end)):
        return None
    if CUES.REVENUE_OWNER.search(text, sent[0], fig.start):
        return None  # "The company's revenue was ...", "Hotel revenue": a firm's, not the
        # sector's or the budget's (audit12)
    starts = [sent[0]]
    head = text[max(0, sent[0] - _MAX_CONTEXT):max(0, sent[0] - 1)]
    ends = [m.end() for m in CUES.SENTENCE_STOP.finditer(head)]
    prev_start = max(0, sent[0] - _MAX_CONTEXT) + (ends[-1] if ends else 0)
    if sentence_before and prev_start < sent[0] and \
            "\n\n" not in text[prev_start:sent[0]].strip():
        starts.append(prev_start)  # the sentence before, within the paragraph
    for lo in starts:
        hi = fig.start if lo == sent[0] else sent[0]
        hits = match_phrases(vocab, field, text[lo:hi], lo)
        if hits and field == "output_of" and word is not None and (
                other := CUES.OTHER_OUTPUT_BETWEEN.search(text[:word.end()], hits[-1][1])) and \
                other.start() < word.start():  # (read up to the output word's end: the
            # semicolon's look-ahead sees whether the output word follows it)
            # "... nuôi trồng thủy sản ... Lúa: sản lượng đạt 450.000 tấn", "thủy sản chế
            # biến xuất khẩu, sản lượng ...": another subject or a product made of the catch
            # stands between the sector and its output word (audit12)
            return None
        if hits:
            codes = [c if unit != "percent" else f"{c}_growth"
                     for c in vocab.values(field, hits[-1][2])]
            codes = [c for c in codes if _compatible(c, vocab, unit, measure, breakdown)]
            if not codes:
                return None
            return codes[0], (word.group(1) if word else text[hits[-1][0]:hits[-1][1]])
    return None


def _investment_named_before(vocab: Vocabulary, text: str, sent: tuple[int, int], fig: Figure,
                             unit: str, measure: str,
                             breakdown: str) -> tuple[str, str] | None:
    """(code, indicator_text) of a projects or capital figure whose sentence names no
    indicator, from the latest foreign-investment phrase of the text before its sentence
    (at most :data:`_MAX_CONTEXT` characters back), in the variant the figure's own sentence
    asks for ("new", "attracted", "to date"); None where no such phrase fits."""
    lo = max(0, sent[0] - _MAX_CONTEXT)
    for ms, me, phrase in reversed(match_phrases(vocab, "indicator", text[lo:sent[0]], lo)):
        codes = [c for c in vocab.values("indicator", phrase)
                 if c in ("fdi_capital", "fdi_projects")
                 and _compatible(c, vocab, unit, measure, breakdown)]
        if codes:
            own = text[sent[0]:fig.start] + " " + text[fig.end:min(sent[1], fig.end + 60)]
            return _variant(codes[0], vocab, text[ms:fig.start], own, measure), text[ms:me]
    return None


def _head_anaphor(vocab: Vocabulary, text: str, sent: tuple[int, int], fig_start: int,
                  unit: str, measure: str, breakdown: str) -> tuple[str, str] | None:
    """(code, indicator_text) of the indicator a bare head noun before the figure stands for
    ("the industrial production index rose 1,1% in October. Over ten months the index rose
    7,9%"): the latest phrase of the paragraph before the sentence that holds the same head
    noun and fits the figure; ("unknown", "") where no such phrase is found; None without
    such a head."""
    heads = list(CUES.HEAD_ANAPHOR.finditer(text, sent[0], fig_start))
    if not heads:
        return None
    head = next(g for g in heads[-1].groups() if g).lower()
    lo = max(0, sent[0] - _MAX_CONTEXT)
    if (para := text.rfind("\n\n", lo, sent[0])) >= 0:
        lo = para + 2  # not across a paragraph (with none, from the text's first letter)
    for ms, me, phrase in reversed(match_phrases(vocab, "indicator", text[lo:sent[0]], lo)):
        if head not in phrase.lower() and head not in text[max(lo, ms - 12):ms].lower():
            continue  # the head in the phrase or right before it ("khu vực công nghiệp")
        codes = [c for c in vocab.values("indicator", phrase)
                 if _compatible(c, vocab, unit, measure, breakdown)]
        if codes:
            return codes[0], text[ms:me]
    if head in _SECTOR_HEADS and (unit in _MONEY or measure in _GROWTH_MEASURES) and \
            CUES.SECTOR_HEAD_LEAD.fullmatch(text, sent[0], heads[-1].start()) and \
            (heading := _heading_above(text, lo)):
        # "2. Sản xuất nông, lâm nghiệp và thủy sản" / "Giá trị sản xuất toàn ngành tăng
        # 2,1%": the whole sector is the one the section's heading names (its output or value
        # added as the figure's own words say); not where the words before the head name
        # another quantity of the sector ("vốn đầu tư toàn ngành", "lao động toàn ngành",
        # "chỉ số sản xuất toàn ngành"), nor under a heading naming two sectors
        named = [(ms, me, [c for c in vocab.values("indicator", phrase)
                           if c.startswith(_SECTOR_CODES)
                           and _compatible(c, vocab, unit, measure, breakdown)])
                 for ms, me, phrase in match_phrases(vocab, "indicator",
                                                     text[heading[0]:heading[1]], heading[0])]
        named = [n for n in named if n[2]]
        if len({_sector_of(n[2][0]) for n in named}) == 1:
            ms, me, codes = named[-1]
            return _variant(codes[0], vocab, text[sent[0]:fig_start],
                            text[sent[0]:fig_start], measure), text[ms:me]
    return "unknown", ""


def _sector_of(code: str) -> str:
    """The sector a sector indicator's code is of: "agriculture", "industry_construction",
    "industry" (industrial codes too), "construction", "services"."""
    if code.startswith("industry_construction"):
        return "industry_construction"
    return "industry" if code.startswith("industrial_") else code.split("_")[0]


#: The words of a clause before a count, back to its last punctuation.
_CLAUSE_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _name_around_count(vocab: Vocabulary, text: str, lo: int, fig: Figure,
                       bare_head: re.Pattern, unit: str, measure: str,
                       breakdown: str) -> tuple[str, str] | None:
    """(code, indicator_text) of a name written around a count's number: the verb before it
    and the noun in it ("thành lập mới 120 doanh nghiệp" is the lexicon's "doanh nghiệp thành
    lập mới", "cấp mới đăng ký cho 31 doanh nghiệp" its "cấp mới đăng ký doanh nghiệp",
    "newly established 296 enterprises" its "newly established enterprises"), tried with the
    noun after the verb words and before them, longest first; None where no such name is in
    the lexicon."""
    head = bare_head.search(fig.raw)
    if head is None:
        return None
    noun = head.group(0).lower()
    start = max(lo, *(text.rfind(p, lo, fig.start) + 1 for p in ",;:.()\n"))
    before = CUES.COUNT_LINKING.sub("", text[start:fig.start].rstrip())
    words = list(_CLAUSE_WORDS.finditer(before))
    for k in range(min(6, len(words)), 0, -1):
        verb = " ".join(m.group(0) for m in words[-k:]).lower()
        for name in (f"{noun} {verb}", f"{verb} {noun}"):
            codes = [c for c in vocab.values("indicator", name)
                     if c != "unknown" and _compatible(c, vocab, unit, measure, breakdown)]
            if codes:
                return codes[0], text[start + words[-k].start():fig.end]
    return None


#: Head nouns that stand for a sector ("toàn ngành", "the whole sector"), and the codes of
#: sectors' indicators a heading may name.
_SECTOR_HEADS = ("ngành", "khu vực", "sector")
_SECTOR_CODES = ("agriculture_", "industry_", "industrial_", "construction_", "services_")
#: A heading: one short line of words (a list number first: "2.", "II.", "a)"), no figure.
_HEADING = re.compile(r"\s*(?:[IVX]+|\d{1,2}|[a-zđ])?[.)]?\s*[^\W\d][^\d\n]{2,100}?[:]?\s*")


def _heading_above(text: str, at: int) -> tuple[int, int] | None:
    """(start, end) of the heading line right above the paragraph starting at ``at``, if the
    block before it is one ("2. Sản xuất nông, lâm nghiệp và thủy sản")."""
    if at < 2 or text[at - 2:at] != "\n\n":
        return None
    block = text.rfind("\n\n", max(0, at - 160), at - 2)
    if block < 0 and at - 2 >= 160:
        return None  # no block boundary within a heading's length: a paragraph, not a heading
    start = block + 2 if block >= 0 else 0
    line = text[start:at - 2]
    if "\n" in line.strip() or line.rstrip().endswith((".", "!", "?")) or \
            not _HEADING.fullmatch(line):
        return None
    return start, at - 2


def _sentence_before(text: str, at: int) -> str:
    """The text before ``at`` from its last but one sentence stop, within its paragraph and
    the 400 letters before ``at``: the sentence before and (the stop ending it is at the
    window's end, where no space follows to make it one) the one before that.

    >>> _sentence_before("A b. Exports grew 9%. Imports fell. The rate was 5%.", 36)
    ' Exports grew 9%. Imports fell. '
    """
    earlier = text[max(0, at - 400):at]
    head = earlier[earlier.rfind("\n\n") + 1:]
    stops = [m.end() for m in CUES.SENTENCE_STOP.finditer(head.rstrip())]
    return head[stops[-2] if len(stops) > 1 else 0:] if stops else head


def _growth_taken_up(vocab: Vocabulary, text: str, sent: tuple[int, int], unit: str,
                     measure: str, breakdown: str) -> tuple[str, str] | None:
    """(code, indicator_text) of the last name in the sentence before ``sent`` (same
    paragraph) whose growth fits the figure, for a sentence opening with "the growth rate";
    None where it names none."""
    lo = sent[0] - len(_sentence_before(text, sent[0]))
    for ms, me, phrase in reversed(match_phrases(vocab, "indicator", text[lo:sent[0]], lo)):
        codes = [c for c in _fitting_codes(vocab, vocab.values("indicator", phrase), unit,
                                           measure, breakdown, growth_of_level=True)
                 if c != "unknown"]
        if codes:
            return codes[0], text[ms:me]
    return None


#: Value-added growth code -> the gross-output growth code of the same sector.
_OUTPUT_VARIANT = {"industry_grdp_growth": "industrial_output_growth"}


def _variant(code: str, vocab: Vocabulary, before: str, sentence_before: str,
             measure: str, previous: str = "", opening: str = "") -> str:
    """The variant of ``code`` the context asks for (a sector's output or value added, a
    period's FDI total, the year's new FDI)."""
    if code.endswith("_grdp_growth") and code != "grdp_growth":
        # short lines standing alone (captions, headlines) before the figure's own line name
        # no aggregate for it: "Giá trị sản xuất công nghiệp năm nay đạt thấp." under a photo
        *lines, last = before.split("\n")
        before = "\n".join([line for line in lines if len(line.strip()) >= 80] + [last])
        out = [m.end() for m in vocab.words("modifier", "output").finditer(before)]
        added = [m.end() for m in vocab.words("modifier", "value_added").finditer(before)]
        if out and (not added or out[-1] > added[-1]):  # the latest aggregate named wins
            other = _OUTPUT_VARIANT.get(code, code.replace("_grdp_growth", "_output_growth"))
            return other if other in vocab.indicator_units else code
    if code in ("grdp_constant_prices", "grdp_current_prices"):
        # the prices named last in the figure's sentence decide ("theo giá hiện hành")
        current = [m.end() for m in vocab.words("modifier", "current_prices").finditer(
            sentence_before)]
        constant = [m.end() for m in vocab.words("modifier", "constant_prices").finditer(
            sentence_before)]
        if current or constant:
            other = "grdp_current_prices" if (current and (not constant
                                                            or current[-1] > constant[-1])) \
                else "grdp_constant_prices"
            return other if other in vocab.indicator_units else code
    # "cấp mới và điều chỉnh tăng vốn cho 24 dự án ..., trong đó cấp mới cho 17 dự án với
    # 151,9 triệu USD": a part that names its own variant is read from the part on
    parts = list(CUES.PART_OF.finditer(sentence_before))
    scope = sentence_before[parts[-1].end():] if parts and vocab.words(
        "modifier", "new").search(sentence_before, parts[-1].end()) else sentence_before
    if code in ("fdi_capital", "fdi_new_capital", "new_enterprises_capital") and \
            CUES.NEW_AND_ADDED.search(scope) and "fdi_attracted" in vocab.indicator_units:
        # "cấp mới và điều chỉnh vốn 13 dự án ... với tổng vốn đăng ký tăng thêm 1,5 tỷ USD":
        # new and additional capital together is the FDI attracted, whichever of the two
        # words the lexicon met first ("Tổng vốn cấp mới và tăng thêm", "newly registered
        # and increased capital")
        return "fdi_attracted"
    if code in ("fdi_capital", "fdi_projects"):
        if code == "fdi_capital" and measure == "period_total" and \
                "fdi_registered_period" in vocab.indicator_units:
            return "fdi_registered_period"
        # the word named last decides between "cấp mới" (new) and "lũy kế" / "bringing the
        # total" (the stock): "Trong tổng số các dự án FDI ..., có 148 dự án đầu tư mới" is
        # new, "licensed 95 new projects, bringing the total to 1,366" the stock; "thu hút"
        # (attracted: new and added capital) gives way to both
        def last_words(words: str) -> dict:
            last = {name: max((m.end() for m in vocab.words("modifier", name).finditer(
                words) if not (name == "stock" and (CUES.THIS_YEAR_AFTER.match(
                    words, m.end()) or CUES.YEAR_START_BEFORE.search(
                        words, max(0, m.start() - 40), m.start())))), default=-1)
                    for name in ("new", "attracted", "stock")}
            if last["stock"] < 0 and (now := CUES.NOW_OPENS.match(words)):
                last["stock"] = now.end()  # "Hiện các khu công nghiệp đã thu hút ...": to date
            return last
        last = last_words(sentence_before)
        if max(last.values()) < 0 and (code == "fdi_capital" and CUES.CAPITAL_OPENS.match(
                opening) or CUES.PARTS_OPEN.match(opening) or (
                (lead_in := CUES.SENTENCE_STOP.split(previous.rstrip())[-1]).strip()
                and not re.search(r"\d", lead_in))):
            # (and "The agencies granted new licences. Certificates for 12 FDI projects ...":
            # a sentence of no figure before it, cut off where it named what was granted,
            # goes on in this one)
            # "thu hút 12 dự án FDI, tăng 78,8%. Tổng vốn đầu tư đăng ký 177,5 triệu USD":
            # a capital whose own sentence says neither new nor to date is that of the
            # projects the sentence before counted; and so are the parts of a breakdown
            # ("... newly licensed 41 projects. Of which, 32 FDI projects with 1.6 billion
            # USD")
            sentence_before = previous
            last = last_words(previous)
        word = max(last, key=last.get) if max(last.values()) >= 0 else None
        if word == "attracted" and last["stock"] >= 0:
            word = "stock"  # "Lũy kế đến nay, tỉnh thu hút 1.900 dự án FDI": attracted to date
        if word == "attracted" and (code == "fdi_projects" or CUES.PROJECTS_NAMED.search(
                sentence_before, last["attracted"])):
            word = "new"  # "attracted 95 projects with registered capital of $640 million"
        if word == "attracted" and "fdi_attracted" in vocab.indicator_units:
            return "fdi_attracted"  # "thu hút được 453 triệu USD vốn FDI"
        new = code.replace("fdi_", "fdi_new_")
        if word == "new" and new in vocab.indicator_units:
            return new
    return code


def _breakdown(vocab: Vocabulary, text: str, clause_start: int, fig: Figure) -> str:
    # "112 projects from China", "153 dự án của Hàn Quốc": the part a figure's own noun comes
    # from, written right after it, is its part, whatever part the clause named before it
    after = CUES.FROM_PART_AFTER.match(text, fig.end)
    if after:
        hits = match_phrases(vocab, "breakdown", text[after.end():after.end() + 60], after.end())
        if hits and hits[0][0] == after.end():
            # (not "19 projects from Japan and China": the figure is of both, no one part)
            both = len(hits) > 1 and CUES.AND_NEXT_PART.fullmatch(text, hits[0][1], hits[1][0])
            return "" if both else vocab.values("breakdown", hits[0][2])[0]
    hits = match_phrases(vocab, "breakdown", text[clause_start:fig.start], clause_start)
    if not hits:
        # "thị trấn Gia Ray 98,5%, thành phố Biên Hòa 93%": a locality of the province named
        # by its noun right before the figure is the part the figure is of (a province so
        # named is a region, not a part)
        m = CUES.LOCALITY_BEFORE.search(text, max(clause_start, fig.start - 60), fig.start)
        if m and all(w[0].isupper() for w in m.group("name").split()) and \
                m.group("name") not in vocab.regions and \
                strip_accents(m.group("name")).lower() not in _known_place_names(vocab):
            return m.group("name")
        return ""
    return vocab.values("breakdown", hits[-1][2])[0]


def _known_place_names(vocab: Vocabulary) -> set[str]:
    """Every name of a region and its other names ("tp.hcm"), without diacritics, lower case."""
    # (a key of its own: "known places" is :func:`_known_places`' map, which of the two a
    # process builds first depends on the text, audit12b)
    if "known place names, lower case" not in vocab._pattern:
        vocab._pattern["known place names, lower case"] = {
            strip_accents(p).lower() for p, f, v in vocab.phrases
            if f in ("place", "region")} | {strip_accents(r).lower() for r in vocab.regions}
    return vocab._pattern["known place names, lower case"]


_WORD = r"[^\W\d_]+"
_TWO_WORDS_BEFORE = re.compile(rf"(?P<en>{_WORD}[ \t]+{_WORD})[ \t]+$")
_NOT_PLACES = {"Ủy", "Uỷ", "UBND", "HĐND", "The", "This", "Provincial", "People", "Party", "Tỉnh",
               "Vùng", "Khu", "Các", "Cả", "Toàn", "Miền"}


def _places(vocab: Vocabulary, text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(offset, region) of every place named in text[lo:hi]: regions of data/regions.csv, and
    provinces, cities and districts introduced as such ("tỉnh Bắc Ninh", "Hai Phong city")."""
    found = [(me, vocab.values("region", phrase)[0])
             for ms, me, phrase in match_phrases(vocab, "region", text[lo:hi], lo)
             # (the last words of a person's name after a title are no place; nor is a name
             # written all in lower case, a common word: "biên giới hòa bình" is peace, "a
             # green hue" a colour)
             if not CUES.PERSON_TITLE_BEFORE.search(text, max(0, ms - 60), ms)
             and not text[ms:me].islower()]
    known = _known_places(vocab)
    names = vocab._pattern["known place names"]
    # "14 tỉnh Bắc Trung bộ", "các tỉnh Tây Bắc": a group of provinces, not one place
    named = [(m.end(), {**m.groupdict(), "city": m.group(0).lower().startswith("city")})
             for rx in (CUES.PLACE_NAMED_VI, CUES.PLACE_NAMED_EN) for m in rx.finditer(text, lo, hi)
             if not CUES.PLURAL_BEFORE.search(text, max(0, m.start() - 12), m.start())
             and not _person_after_title(text, m, known)]
    for noun in CUES.PLACE_NOUN.finditer(text, lo, hi):
        m = _TWO_WORDS_BEFORE.search(text, max(lo, noun.start() - 80), noun.start())
        if m:
            # a longer known name ending in these words: "Ba Ria- Vung Tau province"
            head = _flat_name(text[max(lo, m.start() - 40):m.end()])
            longer = max((k for k in known if " " in k and head.endswith(" " + k)
                          or head == k), key=len, default=None)
            if longer and len(longer) > len(_flat_name(m.group("en"))):
                found.append((noun.end(), known[longer]))
                continue
            named.append((noun.end(), {**m.groupdict(), "city": noun.group(0).lower() == "city"}))
    for end, groups in named:
        words = (groups.get("vi") or groups.get("en") or groups.get("en2")).split()
        if groups.get("en"):  # "northern Hai Duong province": keep the capitalised words before it
            while words and not words[0][0].isupper():
                words = words[1:]
        else:
            words = words[:1] + [w for w in words[1:2] if w[0].isupper()]
        if not words or not all(w[0].isupper() for w in words) or words[0] in _NOT_PLACES:
            continue
        name = " ".join(words)
        if CUES.NOT_A_PLACE_NAME.search(name):
            continue  # "tỉnh Khóa I", "tỉnh Nhiệm kỳ ...": a Party term, no place
        flat = _name_without_accents(name)
        # the known name it starts with ("bac ninh city" -> Bắc Ninh), longest first
        parts = flat.split()
        name = next((known[k] for k in (" ".join(parts[:n]) for n in range(len(parts), 0, -1))
                     if k in known), known.get(_flat_name(_prefix(groups) + name), name))
        # "trên địa bàn tỉnh GRDP tăng", "của tỉnh FDI": an abbreviation after "tỉnh" is the
        # indicator, not an unknown place
        if name not in names and all(len(w) > 1 and w.isupper() for w in words):
            continue
        if name not in vocab.regions and name not in names and _is_city(groups):
            # a city that is no province of the map is a city of a province ("thành phố Biên
            # Hòa", "TP. Pleiku"): it names no region, here or in the clauses after it
            continue
        found.append((end, name))
    return sorted(found)


def _merger_named(text: str, vocab: Vocabulary,
                  places: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Places listed by a merger, up to the end of its sentence, stand for the province they
    make when all of them are parts of it ("the merger of Vinh Long, Ben Tre, and Tra Vinh
    provinces. This new entity, spanning ...": the new Vĩnh Long, not the last name listed)."""
    if "merged_of" not in vocab._pattern:  # region of a part -> region of the merged province
        names = vocab.region_map.territories
        vocab._pattern["merged_of"] = {
            names[old]: names[new] for new, olds in vocab.region_map.merged_parts.items()
            for old in olds if old in names and new in names}
    new_of = vocab._pattern["merged_of"]
    out = list(places)
    positions = [at for at, _ in out]  # (in text order: the listed ones found by bisection)
    for m in CUES.MERGER_OF.finditer(text):
        end = re.compile(r"[.!?](?=\s|$)|\n").search(text, m.end())
        end = end.start() if end else len(text)
        listed = range(bisect.bisect_right(positions, m.end()),
                       bisect.bisect_right(positions, end + 1))
        news = {new_of.get(out[k][1]) for k in listed}
        if listed and len(news) == 1 and None not in news:
            new = news.pop()
            for k in listed:
                out[k] = (out[k][0], new)
    return out


def _outside(places: list[tuple[int, str]],
             spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """``places`` (in text order) less those ending inside a span ``(a, b]`` of ``spans``: one
    pass over both in order, not every span for every place (a long text has thousands).

    >>> _outside([(5, "A"), (12, "B"), (30, "C")], [(10, 20), (0, 4)])
    [(5, 'A'), (30, 'C')]
    """
    out, spans, k, reach = [], sorted(spans), 0, -1
    for place in places:
        while k < len(spans) and spans[k][0] < place[0]:
            reach = max(reach, spans[k][1])
            k += 1
        if place[0] > reach:
            out.append(place)
    return out


def _drop_rank_comparisons(text: str, places: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``places`` less those a rank is set against ("xếp thứ 4 cả nước, sau A, B và C",
    "ranked 3rd, behind A"): compared places, named up to the end of their clause, are the
    subject of no figure.

    >>> t = "Quy mô xếp thứ 4 cả nước, sau Hà Nội và Huế. Thu ngân sách đạt 9 tỷ."
    >>> _drop_rank_comparisons(t, [(36, "Hà Nội"), (43, "Huế")])
    []
    """
    spans = []
    for m in CUES.RANK_COMPARED_PLACES.finditer(text):
        # (the list may follow its group's name and a colon: "sau các tỉnh, thành phố: A, B")
        intro = CUES.RANK_LIST_INTRO.match(text, m.end())
        begin = intro.end() if intro else m.end()
        stop = re.compile(r"[.;:!?\n()]").search(text, begin)
        end = stop.start() if stop else len(text)
        if not re.search(r"\d", text[begin:end]):
            # (a compared place with its own figure, "(sau tỉnh X tăng 13,8%)", is that one's)
            spans.append((m.end(), end))
    return _outside(places, spans) if spans else places


def _drop_neighbours(text: str, places: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``places`` less those a province borders ("phía nam giáp TP.Cần Thơ", "borders Laos
    and A province", "adjacent to A"), named up to the end of their clause: a neighbour is the
    subject of no figure. Past a comma the list goes on only while each place is followed by
    a list word or a stop ("giáp A, B và C"); a place followed by other words is the subject
    ("Giáp Hà Nội, Hưng Yên có ...").

    >>> t = "Phía bắc giáp tỉnh Hà Nam, Nam Định; diện tích 9 km2."
    >>> _drop_neighbours(t, [(25, "Hà Nam"), (35, "Nam Định")])
    []
    >>> t = "Tiếp giáp Hà Nội, tỉnh Hưng Yên có diện tích 930 km2."
    >>> _drop_neighbours(t, [(16, "Hà Nội"), (31, "Hưng Yên")])
    [(31, 'Hưng Yên')]
    """
    spans = []
    ends = [p_end for p_end, _ in places]
    for m in CUES.BORDERING_PLACES.finditer(text):
        stop = CUES.BORDER_CLAUSE_END.search(text, m.end())
        end = stop.start() if stop else len(text)
        at = m.end()
        # (the places after the border word, from the first: found by bisection, read in
        # place: a copy of the rest of a long text's places per border word is quadratic)
        for k in range(bisect.bisect_right(ends, m.end()), len(ends)):
            p_end = ends[k]
            if p_end > end or ("," in text[at:p_end]
                               and not CUES.BORDER_LIST_GOES_ON.match(text, p_end)):
                end = min(end, at)
                break
            at = p_end
        spans.append((m.end(), end))
    return _outside(places, spans) if spans else places


def _is_city(groups: dict) -> bool:
    """Whether a place was introduced as a city ("thành phố X", "TP. X", "city of X", "X city").

    >>> _is_city({"whole": "TP. Pleiku"}), _is_city({"whole": "tỉnh Gia Lai", "city": False})
    (True, False)
    """
    whole = (groups.get("whole") or "").lower()
    return bool(groups.get("city") or whole.startswith(("thành phố", "tp")))


def _known_places(vocab: Vocabulary) -> dict[str, str]:
    """The places' names as read without diacritics -> the place (built once per vocabulary:
    :func:`_places` is asked for every sentence with a figure)."""
    if "known places" not in vocab._pattern:
        # Names written without diacritics ("Bac Ninh province") take their Vietnamese
        # spelling.
        known = {strip_accents(v): v for p, f, v in vocab.phrases if f == "place"}
        known.update({strip_accents(r): r for r in vocab.regions})
        # other names of a province ("TP HCM"), hyphens spaced alike ("Ba Ria- Vung Tau")
        known.update({_flat_name(p): v for p, f, v in vocab.phrases if f == "place"})
        known.update({_flat_name(k): v for k, v in list(known.items())})
        vocab._pattern["known places"] = known
        vocab._pattern["known place names"] = frozenset(known.values())
    return vocab._pattern["known places"]


#: :func:`strip_accents` of a place's name, remembered (read for every place named).
_name_without_accents = lru_cache(maxsize=1 << 14)(strip_accents)


@lru_cache(maxsize=1 << 14)
def _flat_name(name: str) -> str:
    """``name`` without diacritics, lower case, a hyphen spaced once: "Ba Ria- Vung Tau" ->
    "ba ria - vung tau". (Remembered: the same names are read all through a document.)"""
    return " ".join(re.sub(r"\s*[-–]\s*", " - ", strip_accents(name).lower()).split())


def _prefix(groups: dict) -> str:
    """The office noun written before a place ("TP " of "TP HCM"), else ""."""
    whole, vi = groups.get("whole"), groups.get("vi")
    return whole[:len(whole) - len(vi)] if whole and vi else ""


def _person_after_title(text: str, m: re.Match, known: dict[str, str]) -> bool:
    """Whether "tỉnh X Y" is an office and a person's name ("Chủ tịch UBND tỉnh Hồ Tiến
    Thiệu"): an unknown name whose capitalised words run on past the two read as a place."""
    if not m.groupdict().get("vi") or _flat_name(m.group("vi")) in known:
        return False
    nxt = re.match(rf"[ \t]+({_WORD})", text[m.end():m.end() + 20])
    return bool(nxt and nxt.group(1)[0].isupper() and len(m.group("vi").split()) == 2)


def _region(places: list[tuple[int, str]], sent: tuple[int, int], window: str, fig: Figure,
            default: str | None, doc_region: str | None, text: str = "",
            unit: str | None = None) -> str:
    """The place named nearest before the figure in its sentence, else one that is the subject
    right after it ("Với diện tích 1.371 km2, Vĩnh Phúc là ..."), else ``default``, else the
    place named last in the 1500 characters before, else the document's most named.

    A place named in an aside that closed before the figure ("(sau tỉnh Bắc Giang tăng
    13,85%)") or in a caption or table line ("... of Bac Giang province speaks |") names
    nothing outside it; "cả nước", "nationwide" or "GDP" as the figure's subject is Việt Nam.
    """
    i = bisect.bisect_right(places, (fig.start, "\uffff"))
    if CUES.NATIONAL.search(window) or CUES.NATIONAL_SUBJECT.search(window):
        return "Việt Nam"
    if unit == "percent" and CUES.GDP_SUBJECT.search(window) and not any(
            sent[0] <= at < fig.start and name != "Việt Nam"
            and not CUES.COMPARED_AFTER_PLACE.search(text, at, fig.start)
            for at, name in places[max(0, i - 12):i]):
        # (not "Last year, Quang Tri completed ..., with a GDP growth rate of 6%": the
        # province named before it in its sentence owns the GDP said of it, unless the GDP
        # is set against it, "higher than the GDP growth of 7%")
        return "Việt Nam"
    # the place named last before the figure (of the 12 before it)
    # (nor a place an earlier sentence's ranking puts ahead of the subject: "ranked 2nd in the
    # region, after Hau Giang province", "xếp thứ 2, chỉ sau tỉnh Bắc Giang"; in the figure's
    # own sentence it may be the figure's: "just after Bac Giang, which grew 13.85%")
    last = next((p for p in reversed(places[max(0, i - 12):i]) if text == "" or not (
        _in_closed_aside(text, p[0], fig.start) or (p[0] <= sent[0] and _in_caption(text, p[0]))
        or (p[0] <= sent[0] and CUES.RANKED_AFTER.search(text, max(0, p[0] - 120), p[0])))),
        None)
    if last and last[0] > sent[0]:
        return last[1]
    if text:
        j = bisect.bisect_right(places, (fig.end, "\uffff"))
        if j < len(places) and places[j][0] <= min(sent[1], fig.end + 40) and \
                CUES.SUBJECT_AFTER.match(text, fig.end, places[j][0]):
            return places[j][1]
    if default:
        return default
    if last and last[0] > sent[0] - 1500 and (
            last[1] == doc_region or not text or "\n\n" not in text[last[0]:sent[0]].strip()) \
            and not (text and CUES.POSSESSIVE.match(text, last[0])):
        # (a place written as an owner, "the city of Da Lat's experience", is an example
        # named in passing; another place than the document's holds within its paragraph only)
        return last[1]
    return doc_region or ""


#: Indicators that are themselves the share of a plan done ("giải ngân ... đạt 48,1% kế
#: hoạch"): a percentage of the plan is their level, not a misreading of it.
_SHARES_OF_A_PLAN = ("public_investment_disbursement_rate",)


def _plan_year_frame(text: str, spans, starts, sent: tuple[int, int], upto: int,
                     period: Period, doc_year: int | None, doc_date: dt.date | None,
                     memo: dict) -> bool:
    """Whether an estimate of a whole year, in a page of that year's first half, follows a
    sentence of its paragraph that set the year's plan ("năm 2023, tỉnh đặt chỉ tiêu tăng
    trưởng ... ước tăng 8,7% ... Tổng vốn đầu tư ... ước đạt 71.300 tỷ đồng"), or an earlier
    figure of its own sentence (up to ``upto``) set so: no result of the whole year can be
    estimated months before it ends, so the figure is the plan's."""
    if doc_year is None or doc_date is None or memo.get("year only") or doc_date.month > 6:
        return False
    if period.start != doc_year or period.end != doc_year:
        return False
    if CUES.PART_OF_YEAR.search(text, sent[0], sent[1]) or CUES.MONTHS_TO_DATE.search(
            text, sent[0], sent[1]):
        return False
    for m in re.finditer(r"(?<![\d.,])\d", text[sent[0]:upto]):
        if CUES.PLAN_SUBJECT.search(text[sent[0]:sent[0] + m.start()]):
            return True
    at = sent[0]
    for _ in range(3):
        if at <= 0:
            return False
        before = sentence_of(spans, max(at - 2, 0), starts=starts)
        if before[0] >= at or "\n\n" in text[before[0]:sent[0]] or \
                CUES.PART_OF_YEAR.search(text, before[0], at):
            return False
        for m in re.finditer(r"(?<![\d.,])\d", text[before[0]:at]):
            if CUES.PLAN_SUBJECT.search(text[before[0]:before[0] + m.start()]):
                return True
        at = before[0]
    return False


def _past_term_frame(text: str, at: int) -> bool:
    r"""Whether a past-term frame ("nhiệm kỳ qua", "giai đoạn qua", "5 năm qua", "the past
    term") written in the 600 characters before ``at`` still frames a figure there: in the
    same paragraph, or in a later one that goes on with the review without naming a year
    ("... giai đoạn qua đạt 7%/năm.\n\nThu ngân sách bình quân tăng 14%/năm").

    >>> t = "Tăng trưởng giai đoạn qua đạt 7%/năm.\n\nThu ngân sách bình quân tăng 9%/năm."
    >>> _past_term_frame(t, t.index("9%")), _past_term_frame(t.replace("Thu", "Năm 2024, thu"),
    ...                                                        t.index("9%") + 10)
    (True, False)
    """
    frames = list(CUES.PAST_TERM.finditer(text, max(0, at - 600), at))
    if not frames:
        return False
    end = frames[-1].end()
    return "\n\n" not in text[end:at] or not _years_off_captions(text, end, at)


def _years_off_captions(text: str, lo: int, hi: int) -> list:
    """The years written between ``lo`` and ``hi`` outside photo captions: a caption's
    "Đại hội ... nhiệm kỳ 2025 - 2030 ẢNH: ..." names the event pictured, not a period of the
    text around it."""
    out = []
    for y in _years_between(text, lo, hi):
        line_start = text.rfind("\n", 0, y[0]) + 1
        line_end = text.find("\n", y[0])
        if not CUES.CAPTION.search(text, line_start, line_end if line_end >= 0 else len(text)):
            out.append(y)
    return out


def _in_closed_aside(text: str, at: int, fig_start: int) -> bool:
    """Whether offset ``at`` lies in brackets that close before ``fig_start``."""
    before = text[max(0, at - 200):at]
    opened = before.rfind("(")
    return opened > before.rfind(")") and ")" in text[at:fig_start]


def _in_caption(text: str, at: int) -> bool:
    """Whether offset ``at`` is on a caption or table line (one with "|")."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    return "|" in text[line_start:line_end if line_end >= 0 else len(text)]


def _read_input(text_or_path) -> tuple[str, str | None]:
    from .readers import read_document

    if isinstance(text_or_path, os.PathLike):
        return read_document(text_or_path), str(text_or_path)
    if isinstance(text_or_path, str) and "\n" not in text_or_path and len(text_or_path) < 4096:
        candidate = Path(text_or_path)
        try:
            if candidate.suffix and candidate.is_file():
                return read_document(candidate), str(candidate)
        except OSError:
            pass
    if not isinstance(text_or_path, str):
        raise TypeError(f"text_or_path: expected a str (text or path) or a path, "
                        f"got {type(text_or_path).__name__}")
    return text_or_path, None


def extract(text_or_path, *, region: str | None = None, date=None,
            source_id: str | None = None, data_dir=None, region_map=None,
            workers: int | None = None) -> pd.DataFrame:
    """Propose one candidate row per figure of a document.

    Parameters
    ----------
    text_or_path : str or path-like
        The document's text, or a path (a ``str`` naming an existing file counts as a path) of
        a .txt (UTF-8/UTF-16), .html, .docx or .pdf file, read by
        :func:`hy_analysis.extraction.read_document`. Text is read as Unicode NFC (decomposed
        diacritics are composed; TCVN3/VNI legacy text is converted, with a
        :class:`~hy_analysis.extraction.readers.LegacyEncodingWarning`): offsets refer to
        ``unicodedata.normalize("NFC", text)``, which is ``text`` itself for NFC input.
    region : str, optional
        A ``region`` of data/regions.csv, for figures whose sentence names no place. By default
        the place named nearest before the figure (in its sentence, then in the 1500 characters
        before), else the document's most named place.
    date : str or datetime.date, optional
        The document's date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``). It decides whether a
        period lies in the past (actual) or the future (target), the year of a figure whose year
        is not written, and the territory (before or from the effective date of the merger in
        data/regions.csv).
    source_id : str, optional
        Written into the ``source_id`` column.
    data_dir : path-like, optional
        Folder with indicators.csv, indicator_synonyms.csv and regions.csv.
    region_map : RegionMap, optional
        The places and territories to name (default:
        :func:`hy_analysis.loading.load_region_map` of ``data_dir``).
    workers : int, optional
        Processes reading the figures: 1 reads them in this process; 2 (or more: two are
        used) reads the text's second half in a process of its own, with the same rows as
        one process gives. By default two for a text of :data:`PARALLEL_MIN_CHARS` characters
        or more when this process may run on two CPUs or more, else one (no process is
        started for a shorter text). The second process is a fresh Python interpreter
        (:mod:`hy_analysis.extraction.second_process`) that imports nothing of the caller: a
        script needs no ``if __name__ == "__main__":`` guard. An exception it raises is
        raised here.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CANDIDATE_COLUMNS`, one row per figure in document order:

        - ``value_raw`` is ``text[char_start:char_end]``, qualifier and unit words included;
          ``low``, ``high``, ``unit``, ``qualifier`` are its :func:`hy_analysis.parse_value`
          reading (``unit`` may be ``VND/person``/``USD/person`` for per-capita money);
        - ``kind`` is ``target`` or ``actual``; an estimate (ước, estimated) is an actual with
          ``estimate`` True;
        - ``measure`` is a measure of :data:`hy_analysis.schema.MEASURES`, among them those
          of newer reports: ``ratio_to_base`` (lần, times), ``cumulative_growth`` (% over a
          base year), ``contribution_to_growth`` (percentage points);
        - ``indicator`` is a code of data/indicators.csv or ``unknown``; ``indicator_text`` is
          the phrase that named it;
        - ``territory`` is empty for a place not in data/regions.csv;
        - ``confidence`` (0-1) drops for every guess; ``note`` says how the period and kind
          were decided, flags numbers read in an assumed format and lists repeats dropped
          (a figure repeated verbatim with the same reading is one row).

    Raises
    ------
    hy_analysis.exceptions.ParameterError
        (a ``ValueError``) If ``date``, ``region`` or ``workers`` cannot be used; the message
        names the value and what was expected.
    hy_analysis.exceptions.DataFileError
        If the file cannot be read (missing, unknown kind, undecodable, PDF without text).

    Examples
    --------
    >>> rows = extract("Năm 2024, kim ngạch xuất khẩu đạt 7 tỷ USD.", date="2023-12-01")
    >>> rows[["value_raw", "kind", "period_start", "indicator"]].values.tolist()
    [['7 tỷ USD', 'target', 2024, 'exports']]
    """
    text, _ = _read_input(text_or_path)
    doc_date = _doc_date(date)
    try:
        # Offsets refer to NFC text; a TCVN3/VNI text is converted first (and a warning said).
        text, legacy = to_unicode(text)
    except LegacyEncodingError as error:
        raise ParameterError(f"text_or_path: {error}; convert it to Unicode first") from None
    if legacy:
        warnings.warn(f"text converted from the legacy {legacy} encoding to Unicode",
                      LegacyEncodingWarning, stacklevel=2)
    vocab = load_vocabulary(data_dir, region_map=region_map)
    if region is not None and region not in vocab.regions:
        raise ParameterError(f"region: {region!r} is not a province or region of the region "
                             f"map; expected one of {sorted(vocab.regions)}")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)
                                or workers < 1):
        raise ParameterError(f"workers: expected a positive int or None, got {workers!r}")
    # (the reading makes millions of objects and next to no reference cycles: the cyclic
    # collector's full passes over a long text's objects are time lost)
    with _cyclic_gc_paused():
        # the second process starts first: it loads the vocabulary while this one reads the
        # sentences
        child = None
        if _use_processes(workers, len(text)):
            child = SecondProcess(str(paths.data_dir(data_dir).resolve()), region_map,
                                  stamp=CODE_STAMP)
            child.send(text)  # (it finds the places while this process reads the sentences)
        try:
            lang = document_lang(text)
            spans = sentence_spans(text)
            starts = [a for a, _ in spans]
            headings = heading_years(text)
            cells = find_table_cells(text)
            shared = dict(text=text, vocab=vocab, lang=lang, spans=spans, starts=starts,
                          headings=headings, heading_offsets=[h[0] for h in headings],
                          cells=cells, doc_date=doc_date, region=region, source_id=source_id,
                          year_only=isinstance(date, str) and len(date.strip()) == 4)
            split = _split_offset(text, spans, starts) if child else None
            if split is None:
                if child:
                    child.send(None)  # (no paragraph break near the middle: one process reads)
                    child.close()
                items = _items(shared, _figures_from(text, lang))
                places, doc_region = _doc_places(vocab, text)
                rows = _read_items(shared, items, 0, places, doc_region)
            else:
                rows = _read_in_two(shared, split, child)
        finally:
            if child:
                child.close()
        _respectively(text, vocab, rows, spans, starts)
        _respective_years(text, rows, spans, starts)
        _coordinated(text, rows)
        _change_ends(text, rows)
        _average_after_ratio(text, rows)
        _price_basis_by_company(text, vocab, rows)
        frame = pd.DataFrame(rows, columns=list(CANDIDATE_COLUMNS))
        if not frame.empty:
            frame = _drop_repeats(_drop_doubled_clauses(text, frame))
        for col in ("period_start", "period_end", "char_start", "char_end"):
            frame[col] = frame[col].astype("Int64")
    return frame


@contextlib.contextmanager
def _cyclic_gc_paused():
    """Python's cyclic garbage collector off in the block (on again after it, if it was)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


#: Characters from which :func:`extract` reads a text in two processes by default.
PARALLEL_MIN_CHARS = 1_000_000
#: A text read in two processes is split at a paragraph break at most ``_SPLIT_REACH``
#: characters from ``_SPLIT_AT`` per cent of it: the second process finds the places before
#: the figures of its part (the first waits for them; it has the text before the first has
#: read the sentences), the first reads a little more text and then the rows of both.
_SPLIT_AT, _SPLIT_REACH = 57, 200_000
#: Rows before the second part that its process reads again to be in the state one process
#: has there (discarded), and the figures before them it finds again to catch up.
_WARM_CHARS, _WARM_FIGURES, _SYNC_CHARS = 10_000, 30, 40_000
#: How often a text read in two processes was read again in one (a check failed); tests
#: expect it to stay 0.
PARALLEL_REREADS = [0]


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (not on every platform)
        return os.cpu_count() or 1


def _use_processes(workers: int | None, size: int) -> bool:
    if workers is None:
        return size >= PARALLEL_MIN_CHARS and _usable_cpus() >= 2
    return workers >= 2


def _items(shared: dict, text_figures: list[Figure]) -> list[tuple[Figure, Cell | None]]:
    """Figures of the table cells (read with their row and column) and ``text_figures``
    outside them, in text order."""
    text, lang = shared["text"], shared["lang"]
    items: list[tuple[Figure, Cell | None]] = []
    covered = []
    for cell in shared["cells"]:
        cell_text = text[cell.start:cell.end]
        if cell.scale_words and re.fullmatch(r"[\d.,\s-]+", cell_text):
            found = find_figures(f"{cell_text} {cell.scale_words}", lang=lang)
            found = [Figure(cell.start, cell.end, cell_text, f.parsed,
                            [f"scale and unit from the row label: {cell.scale_words}"])
                     for f in found[:1]]
        else:
            found = find_figures(cell_text, lang=lang, unit=cell.unit, bare=cell.unit is None)
            for f in found:
                f.start += cell.start
                f.end += cell.start
        items += [(f, cell) for f in found]
        covered.append((cell.start, cell.end))
    covered.sort()
    covered_starts = [a for a, _ in covered]
    for f in text_figures:
        k = bisect.bisect_right(covered_starts, f.start) - 1
        if k >= 0 and f.start < covered[k][1]:
            continue  # inside a table cell (cells are disjoint)
        items.append((f, None))
    items.sort(key=lambda it: it[0].start)
    return items


def _doc_places(vocab: Vocabulary, text: str) -> tuple[list[tuple[int, str]], str | None]:
    """The places named in the text, and the one named most (None if none is)."""
    doc_region = None
    counts = {}
    places = _merger_named(text, vocab, _drop_neighbours(text, _drop_rank_comparisons(
        text, _places(vocab, text, 0, len(text)))))
    for _, name in places:
        counts[name] = counts.get(name, 0) + 1
    if counts:
        doc_region = max(counts, key=counts.get)
    return places, doc_region


def _read_items(shared: dict, items, first: int, places, doc_region, *,
                stop: int | None = None, next_start: int | None = None,
                rows: list | None = None) -> list[dict]:
    """The rows of ``items[first:stop]`` (``next_start``: where the figure after the last
    starts, when not in ``items``), read in order after ``rows`` (the rows read before, none
    by default) as :func:`extract` reads a document's figures."""
    rows = [] if rows is None else rows
    stop = len(items) if stop is None else stop
    prev_end = items[first - 1][0].end if first and rows else 0
    # a date of a year alone ("2020") says nothing of the month a text was written in
    memo: dict = {"year only": shared["year_only"]}
    text = shared["text"]
    for n in range(first, stop):
        fig, cell = items[n]
        after = items[n + 1][0].start if n + 1 < len(items) else next_start
        rows.append(_read_figure(
            text, shared["vocab"], fig, cell, spans=shared["spans"], starts=shared["starts"],
            headings=shared["headings"], heading_offsets=shared["heading_offsets"],
            prev_end=prev_end, next_start=after, rows=rows, doc_date=shared["doc_date"],
            region=shared["region"], doc_region=doc_region, source_id=shared["source_id"],
            places=places, memo=memo))
        prev_end = fig.end
    return rows


def _split_offset(text: str, spans, starts) -> int | None:
    """Where a long text's second part starts: a paragraph's start (a sentence's) near
    ``_SPLIT_AT`` per cent of it; None if there is none."""
    middle = len(text) * _SPLIT_AT // 100
    for at in (text.find("\n\n", middle, middle + _SPLIT_REACH),
               text.rfind("\n\n", middle - _SPLIT_REACH, middle)):
        if at < 0:
            continue
        k = bisect.bisect_left(starts, at + 2)
        if k < len(starts) and starts[k] - at < 1000 and \
                not text[at:starts[k]].strip():
            return starts[k]
    return None


def _exact_from(text: str, spans, starts, split: int) -> int:
    """The offset from which the rows read before ``split`` must be those one process reads
    for every figure from ``split`` on to be read alike: :func:`_read_figure` looks back at
    the last rows (six at most), at those of up to four sentences before its own (its
    sentence read at most ``_MAX_CONTEXT`` characters before the figure), and at the last
    row outside brackets closed before it only within 1000 characters."""
    at = max(sentence_of(spans, split, starts=starts)[0], split - _MAX_CONTEXT)
    for _ in range(5):
        at = sentence_of(spans, max(at - 2, 0), starts=starts)[0]
    return max(0, min(at, split - 5000))


def _figure_key(fig: Figure) -> tuple:
    return dataclasses.astuple(fig)


def _second_part(shared: dict, split: int, send, *, places=None) -> None:
    """The work of the second process (:mod:`hy_analysis.extraction.second_process`): the
    figures and rows from ``split`` on, given to ``send`` as :func:`_read_in_two` reads
    them (``places``: :func:`_doc_places` of the text, if found already)."""
    text = shared["text"]
    exact_from = _exact_from(text, shared["spans"], shared["starts"], split)
    scan_from = max(0, exact_from - _WARM_CHARS - _SYNC_CHARS)
    # the places first: the first process waits for them, not for this one's figures
    places, doc_region = places or _doc_places(shared["vocab"], text)
    send((places, doc_region))
    items = _items(shared, _figures_from(text, shared["lang"], lo=scan_from))
    offsets = [f.start for f, _ in items]
    first = bisect.bisect_left(offsets, split)
    send(offsets[first] if first < len(offsets) else None)
    # the warm-up: the rows of the figures before the part, read again (and discarded)
    needed = bisect.bisect_left(offsets, exact_from)
    warm = min(bisect.bisect_left(offsets, exact_from - _WARM_CHARS),
               max(needed - _WARM_FIGURES, 0))
    rows = _read_items(shared, items, warm, places, doc_region)
    # the figures found as one process finds them from here on, if the scan caught up
    checked = bisect.bisect_left(offsets, scan_from + _SYNC_CHARS // 2) if scan_from else 0
    send((rows[first - warm:], rows[needed - warm:first - warm],
          [_figure_key(f) for f, _ in items[checked:first]],
          offsets[checked] if checked < first else split, warm >= checked))


def _read_in_two(shared: dict, split: int, child: SecondProcess) -> list[dict]:
    """The rows of every figure of ``shared["text"]``, those from ``split`` on read in the
    second process ``child`` (started by :func:`extract`): the same rows as
    :func:`_read_items` of all the figures gives.

    Both processes read the document-level values computed once here (sentences, headings,
    table cells; the second finds the places, the first waits for them). The second process
    finds the figures from a little before ``split`` and first reads again the figures of
    the ``_WARM_CHARS`` (and at least ``_WARM_FIGURES`` figures) before the text its rows
    may look back at (:func:`_exact_from`), so that its rows, memo and previous figure are
    what one process has there. Checked here: the figures both processes found before
    ``split`` are the same, and so are the rows both read from the look-back's start; if
    not (never seen), the second part is read again in this process. An exception of the
    second process is raised here.
    """
    text = shared["text"]
    child.send(({k: v for k, v in shared.items() if k not in ("vocab", "text")}, split))
    child.finish_sending()
    items = [it for it in _items(shared, _figures_from(text, shared["lang"], hi=split + 1))
             if it[0].start < split]
    places, doc_region = child.receive()
    rows = _read_items(shared, items, 0, places, doc_region, stop=len(items) - 1)
    next_start = child.receive()  # (where the second part's first figure starts)
    if items:
        _read_items(shared, items, len(items) - 1, places, doc_region,
                    next_start=next_start, rows=rows)
    second, warm_rows, keys, checked_from, warm_checked = child.receive()
    offsets = [f.start for f, _ in items]
    mine = [_figure_key(f) for f, _ in items[bisect.bisect_left(offsets, checked_from):]]
    needed = bisect.bisect_left(offsets, _exact_from(text, shared["spans"], shared["starts"],
                                                     split))
    if warm_checked and mine == keys and \
            [repr(r) for r in rows[needed:]] == [repr(r) for r in warm_rows]:
        return rows + second
    PARALLEL_REREADS[0] += 1
    items = _items(shared, _figures_from(text, shared["lang"]))
    rows = rows[:-1]  # (the last read with the second process's next figure)
    return _read_items(shared, items, len(rows), places, doc_region, rows=rows)


def _price_basis_by_company(text: str, vocab: Vocabulary, rows: list[dict]) -> None:
    """Read a GRDP amount of no price basis at current prices when its paragraph sets it
    beside the economy's size or a GRDP per capita (both published at current prices) and
    names no price basis anywhere: "GRDP đạt X tỷ đồng; GRDP bình quân đầu người Y triệu
    đồng" gives the level the per-capita figure is drawn from. A paragraph of growth and
    constant-price levels keeps the constant reading, and so does a level followed by its own
    year-on-year growth or smaller than a current-price size given beside it."""
    if "grdp_current_prices" not in vocab.indicator_units:
        return
    scale = vocab.words("indicator", "grdp_current_prices")
    sizes = [other for other in rows  # current-price levels as read before this pass
             if other["indicator"] == "grdp_current_prices" and other["unit"] == "VND"]
    for row in rows:
        if row["indicator"] != "grdp_constant_prices" or row["unit"] != "VND":
            continue
        lo = text.rfind("\n", 0, row["char_start"]) + 1
        hi = text.find("\n", row["char_end"])
        hi = len(text) if hi < 0 else hi
        if CUES.PRICE_BASIS_WORDS.search(text, lo, hi):
            continue
        if CUES.OWN_GROWTH_AFTER.match(text, row["char_end"]):
            continue  # "đạt X tỷ đồng, tăng 7% so với cùng kỳ": a level growing at the real rate
        larger = [other for other in sizes if lo <= other["char_start"] < hi
                  and other["region"] == row["region"]
                  and other["period_end"] == row["period_end"]
                  and (other["low"] or 0) > 1.2 * (row["high"] or row["low"] or 0)]
        if larger:
            continue  # smaller than the economy's size beside it: the constant-price level
        beside = any(lo <= other["char_start"] < hi and other["indicator"] == "grdp_per_capita"
                     for other in rows)
        if beside or scale.search(text[lo:hi]):
            row["indicator"] = "grdp_current_prices"
            row["note"] = "; ".join(filter(None, [
                row["note"], "no price basis written: current prices (its paragraph gives the "
                "economy's size or a GRDP per capita)"]))


def _runs(text: str, rows: list[dict], members: list[int]) -> list[list[int]]:
    """Rows written as a list ("9.76%, 56.53%, 25.11% and 8.61%"), two or more in a run."""
    runs, run = [], []
    for i in members:
        if run and CUES.LIST_GAP.fullmatch(text[rows[run[-1]]["char_end"]:rows[i]["char_start"]]):
            run.append(i)
        else:
            if len(run) > 1:
                runs.append(run)
            run = [i]
    return runs + ([run] if len(run) > 1 else [])


def _respectively(text, vocab, rows, spans, starts) -> None:
    """Indicators by order in a sentence that lists them and then their figures
    ("the shares of A, B and C were 9%, 56% and 25% respectively", "lần lượt là ...").

    The k-th figure of the list takes the k-th indicator phrase named before it in the
    sentence, when the counts agree; a list with no names of its own ("Năm 2021 lần lượt
    là: 62,82%, 29,43% và 7,76%") takes those of as many figures of its unit before it.
    """
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, row in enumerate(rows):
        by_sentence.setdefault(sentence_of(spans, row["char_start"], starts=starts), []).append(i)
    for (s0, _), members in by_sentence.items():
        runs = _runs(text, rows, members)
        # "A and B rose by 40% and 34.1%", "A và B tăng 12% và 9%": two names joined, one verb
        # of change, two figures joined: the list is read in order without "respectively"
        paired = not CUES.RESPECTIVELY.search(text[s0:rows[members[-1]]["char_end"] + 30])
        if paired:
            runs = [run for run in runs if len(run) == 2 and CUES.PAIR_AND.fullmatch(
                text, rows[run[0]]["char_end"], rows[run[1]]["char_start"]) and
                CUES.CHANGE_VERB_BEFORE.search(text, max(s0, rows[run[0]]["char_start"] - 20),
                                               rows[run[0]]["char_start"])]
        for n, run in enumerate(runs):
            first = rows[run[0]]
            before = [i for i in members if rows[i]["char_end"] <= first["char_start"]]
            zone_start = rows[before[-1]]["char_end"] if before else s0
            phrases = []
            for ms, me, phrase in match_phrases(vocab, "indicator", text[zone_start:
                                                 first["char_start"]], zone_start):
                values = vocab.values("indicator", phrase)
                codes = [c for c in values if c != "unknown"
                         and _compatible(c, vocab, first["unit"], first["measure"])]
                if codes:
                    phrases.append((codes[0], text[ms:me]))
                elif values == ["unknown"]:
                    # "import and export values ... 39 and 45 billion USD respectively": a
                    # name outside the dataset holds its place in the list
                    phrases.append(("unknown", text[ms:me]))
            if paired:
                if len(phrases) != 2 or not CUES.PAIR_AND.search(
                        text, zone_start, first["char_start"]):
                    continue
            elif len(phrases) == len(run) + 1:
                phrases = phrases[1:]  # "cơ cấu kinh tế: A, B, C lần lượt ...": the whole first
            amounts = before[-len(run):]
            if len(phrases) == len(run):
                named = phrases
            elif not phrases and len(same := [i for i in before if rows[i]["unit"] ==
                                              first["unit"]]) >= len(run):
                # "(Năm 2021 lần lượt là: 62,82%, 29,43% và 7,76%)": those of as many before
                named = [(rows[i]["indicator"], rows[i]["indicator_text"])
                         for i in same[-len(run):]]
            elif first["measure"] in _GROWTH_MEASURES and len(amounts) == len(run) and \
                    len({rows[i]["unit"] for i in amounts}) == 1 and \
                    rows[amounts[0]]["unit"] != first["unit"]:
                # "11 tỷ từ thu nội địa và 3 tỷ từ xuất nhập khẩu, tăng lần lượt 8% và 7%": the
                # n-th rate is the growth of the n-th amount's indicator
                named = _growths_of(text, vocab, rows, amounts + [run[0]], first,
                                    s0 if len(before) == len(amounts) else
                                    rows[before[-len(run) - 1]]["char_end"])
            else:
                continue
            for i, (code, phrase) in zip(run, named):
                if rows[i]["indicator"] != code:
                    rows[i]["indicator"], rows[i]["indicator_text"] = code, phrase
                    rows[i]["note"] += "; indicator by order in a list ('respectively')"


def _respective_years(text: str, rows: list[dict], spans, starts) -> None:
    """Years by order in a sentence that lists figures and as many years "respectively"
    ("grew 0.9% and 8.3% in 2021 and 2022, respectively", "năm 2021 và 2022 tăng lần lượt
    0,9% và 8,3%"): the k-th figure of the list is of the k-th year (one list of each in the
    sentence; years compared with are no such list)."""
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, row in enumerate(rows):
        by_sentence.setdefault(sentence_of(spans, row["char_start"], starts=starts), []).append(i)
    for (s0, s1), members in by_sentence.items():
        if len(members) < 2 or not CUES.RESPECTIVELY.search(text, s0, s1):
            continue
        lists: list[list[tuple]] = []
        for y in _years_between(text, s0, s1):
            if y[4] or y[5] or y[2] != y[3]:
                continue  # a base, a same-period comparison or a span is no year of the list
            if lists and CUES.YEAR_LIST_GAP.fullmatch(text, lists[-1][-1][1], y[0]):
                lists[-1].append(y)
            else:
                lists.append([y])
        lists = [run for run in lists if len(run) > 1]
        if len(lists) != 1:
            continue
        years = lists[0]
        runs = [run for run in _runs(text, rows, members) if len(run) == len(years)]
        if len(runs) != 1:
            continue
        for i, y in zip(runs[0], years):
            if (rows[i]["period_start"], rows[i]["period_end"]) != (y[2], y[2]):
                rows[i]["period_start"] = rows[i]["period_end"] = y[2]
                rows[i]["note"] += "; year by order in a list of as many years"


def _coordinated(text: str, rows: list[dict]) -> None:
    """A figure joined to its neighbour by "và" / "and" (a year of its own between them, or
    nothing), of the same unit and measure, and named by nothing of its own takes the
    neighbour's indicator ("tăng 0,8% năm 2020 và 2,6% năm 2021", "grew by 7.5% in 2020 and
    5.7% in 2021", "posted 0.9% and 8.3% growth in GRDP")."""
    for k in range(1, len(rows)):
        a, b = rows[k - 1], rows[k]
        if "respectively" in a["note"] or "respectively" in b["note"] or \
                a["unit"] != b["unit"] or \
                not CUES.COORDINATED_GAP.fullmatch(text, a["char_end"], b["char_start"]):
            continue
        for src, dst in ((a, b), (b, a)):
            if dst["indicator"] == "unknown" and not dst["indicator_text"] and \
                    src["indicator"] != "unknown" and \
                    dst["measure"] in (src["measure"], "level"):
                # words of its own would have given it a measure: it shares the neighbour's
                dst["indicator"], dst["indicator_text"] = src["indicator"], src["indicator_text"]
                dst["measure"] = src["measure"]
                dst["note"] += "; indicator of the figure it is coordinated with"


def _change_ends(text: str, rows: list[dict]) -> None:
    """The end of a change of a rate takes the start's reading: "tăng trưởng ... từ 4,8% năm
    2021 lên 5,5% năm 2023" are two growth rates of one indicator, not a growth and a share
    (the start is read as a growth only where a growth word heads the change)."""
    for k in range(1, len(rows)):
        a, b = rows[k - 1], rows[k]
        if a["unit"] != "percent" or b["unit"] != "percent" or a["measure"] not in \
                _GROWTH_MEASURES or b["measure"] != "level" or \
                not CUES.CHANGE_START_BEFORE.search(text, max(0, a["char_start"] - 8),
                                                    a["char_start"]) or \
                not CUES.CHANGE_END_GAP.fullmatch(text, a["char_end"], b["char_start"]):
            continue
        b["indicator"], b["indicator_text"] = a["indicator"], a["indicator_text"]
        b["measure"] = a["measure"]
        b["note"] += "; the end of a change of the rate before it ('từ ... lên')"


def _average_after_ratio(text: str, rows: list[dict]) -> None:
    """A yearly average growth said right after a ratio to a base year spans the years the
    ratio does: "GRDP in 2019 was 19.5 times that of 1989, with average growth of 10.5% a
    year", "gấp 3 lần năm 2010, bình quân tăng 9%/năm" (the rates of 1990-2019)."""
    for k in range(1, len(rows)):
        a, b = rows[k - 1], rows[k]
        if a["measure"] != "ratio_to_base" or b["measure"] != "period_average_growth" or \
                a["period_start"] is None or a["period_end"] is None or \
                not a["period_start"] < a["period_end"] or \
                (b["period_start"], b["period_end"]) != (a["period_end"], a["period_end"]) or \
                b["char_start"] - a["char_end"] > 60 or \
                re.search(r"[.;!?]|\d", re.sub(r"\b(?:19|20)\d\d\b", " ",
                                               text[a["char_end"]:b["char_start"]])):
            continue  # (the base year may stand between: "gấp 3 lần năm 2010, bình quân ...")
        b["period_start"] = a["period_start"] + 1
        b["note"] += "; the yearly average over the years of the ratio before it"


def _growths_of(text, vocab, rows, members, growth, start) -> list[tuple[str, str]]:
    """(code, phrase) of the growth of each amount of ``members`` (the last member is the
    first rate): the phrase written right after each amount ("11 tỷ từ thu nội địa và ...")
    when the list names its amounts after them, else the one right before ("thu nội địa 11
    tỷ"); ("unknown", "") for an amount named by nothing of the lexicon."""
    def side(lo, hi):
        found = []
        for ms, me, phrase in match_phrases(vocab, "indicator", text[lo:hi], lo):
            values = vocab.values("indicator", phrase)
            codes = [c for c in values if c != "unknown"
                     and _compatible(c, vocab, growth["unit"], growth["measure"])]
            if codes or values == ["unknown"]:
                found.append(((codes or ["unknown"])[0], text[ms:me]))
        return found
    ends = [start] + [rows[i]["char_end"] for i in members[:-1]]
    starts = [rows[i]["char_start"] for i in members]
    after = [side(ends[k + 1], starts[k + 1]) for k in range(len(members) - 1)]
    before = [side(ends[k], starts[k]) for k in range(len(members) - 1)]
    # an amount with no phrase on that side is named by its own words ("1.81 million
    # tourists, including 84,500 foreign visitors, up 17.1% and 20.4%"): their growth
    own = []
    for i in members[:-1]:
        code = f"{rows[i]['indicator']}_growth"
        named = rows[i]["indicator_text"].lower()
        own.append((code, rows[i]["indicator_text"]) if code in vocab.indicator_units and
                   named and named in rows[i]["value_raw"].lower() and
                   _compatible(code, vocab, growth["unit"], growth["measure"])
                   else ("unknown", ""))
    # the side the list names its amounts on: a preposition after the first ("5 tỷ từ ...")
    # or a phrase after any of them
    if any(after) or CUES.OWN_AFTER.match(text, rows[members[0]]["char_end"]):
        return [found[0] if found else mine for found, mine in zip(after, own)]
    return [found[-1] if found else mine for found, mine in zip(before, own)]


def _flat_sentence(text: str, sent: tuple[int, int], memo: dict) -> str:
    """The sentence on one line, single-spaced (once per sentence)."""
    key = ("sentence", sent)
    if key not in memo:
        memo[key] = re.sub(r"\s+", " ", text[sent[0]:sent[1]]).strip()
    return memo[key]


def _drop_headline_repeats(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop a figure of a headline or caption whose number and unit the body repeats.

    Headlines and captions summarise the body ("attracts 1.4 billion USD" over "nearly 1.4
    billion USD"); the body's row has the context, so it is the one kept.
    """
    # plain lists, not cell lookups: a long document has tens of thousands of rows
    captions = {s: bool(CUES.CAPTION.search(s)) for s in dict.fromkeys(frame["sentence"].tolist())}
    title = [("title line" in note) or captions[s]
             for note, s in zip(frame["note"].tolist(), frame["sentence"].tolist())]
    if not any(title):
        return frame
    index = frame.index.tolist()
    units, lows, highs = (frame[c].tolist() for c in ("unit", "low", "high"))
    body = [k for k, t in enumerate(title) if not t]
    # (unit, bound) -> the first body row with that low or high bound: one pass, not pairs
    first_body: dict[tuple, int] = {}
    for k in body:
        if lows[k] is not None and highs[k] is not None and lows[k] == lows[k] and \
                highs[k] == highs[k] and lows[k] != highs[k]:
            # a body range repeats only the same range: "mục tiêu 13%" over "12,5-13%" is
            # the headline's own figure (the range's end is no restatement of it)
            continue
        for bound in (lows[k], highs[k]):
            if bound is not None and bound == bound:
                first_body.setdefault((units[k], bound), index[k])
    pairs: dict[tuple, int] = {}
    for k in body:
        pairs.setdefault((units[k], lows[k], highs[k]), index[k])
    drop = []
    # (the notes as a list, set back as a column: a cell lookup per repeat is slow)
    notes, starts = frame["note"].tolist(), frame["char_start"].tolist()
    position = {label: k for k, label in enumerate(index)}
    for k in (k for k, t in enumerate(title) if t):
        i, unit, low, high = index[k], units[k], lows[k], highs[k]
        if low is not None and high is not None and low == low and high == high and low != high:
            # a headline range is repeated only by the same range: "10-11%" is not "10%"
            twins = [pairs[(unit, low, high)]] if (unit, low, high) in pairs else []
        else:
            bounds = {low, high} - {None}
            twins = [first_body[(unit, b)] for b in bounds
                     if b == b and (unit, b) in first_body]
        if twins:
            j = min(twins)
            notes[position[j]] += f"; also in a headline or caption at character {starts[k]}"
            drop.append(i)
    if drop:
        frame["note"] = notes
    return frame.drop(index=drop)


def _drop_doubled_clauses(text: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Drop a figure whose whole clause repeats the clause right before it word for word.

    "dịch vụ tăng 4,2%; dịch vụ tăng 4,2%" is one figure written twice (a copy slip), while two
    equal numbers with no words of their own between them ("tăng 5%, 5% và 6%") or with other
    words ("công nghiệp tăng 5%; xây dựng tăng 5%") stay two figures.

    >>> f = pd.DataFrame({"value_raw": ["4,2%", "4,2%"], "indicator": ["x", "x"],
    ...                   "indicator_text": ["dịch vụ", "dịch vụ"], "char_start": [13, 32],
    ...                   "char_end": [17, 36]})
    >>> len(_drop_doubled_clauses("dịch vụ tăng 4,2%; dịch vụ tăng 4,2%", f))
    1
    """
    order = frame.sort_values("char_start", kind="stable").index.tolist()
    # plain lists by label, not a row Series per lookup: a long document has tens of thousands
    raw, code, named, end = (dict(zip(frame.index, frame[c].tolist())) for c in
                             ("value_raw", "indicator", "indicator_text", "char_end"))
    drop = []
    for j, i in zip(order, order[1:]):
        if raw[j] != raw[i] or code[j] != code[i] or not named[i]:
            continue
        clause = text[end[j]:end[i]].lstrip(" ;,")
        if (named[i] in clause and re.search(r"[^\W\d]", clause.split(raw[i])[0])
                and end[j] >= len(clause)
                and text[end[j] - len(clause):end[j]] == clause):
            drop.append(i)
    return frame.drop(index=drop).reset_index(drop=True) if drop else frame


def _name_bare_restatements(frame: pd.DataFrame) -> None:
    """Give a figure with no indicator words of its own the reading of the one named figure
    the document wrote with the same words ("tăng trưởng GRDP đạt 8,16%" ... "nhìn lại với
    con số đáng tự hào 8,16%"): it names that figure again, and is dropped as its repeat.
    Only a number with decimals: a round one ("100%") is as likely another quantity's.

    >>> f = pd.DataFrame({"value_raw": ["8,16%", "8,16%"], "unit": ["percent"] * 2,
    ...                   "low": [8.16, 8.16],
    ...                   "indicator": ["grdp_growth", "unknown"], "indicator_text": ["GRDP", ""],
    ...                   "breakdown": ["", ""], "region": ["", ""]})
    >>> _name_bare_restatements(f); f["indicator"].tolist()
    ['grdp_growth', 'grdp_growth']
    """
    columns = ("indicator", "breakdown", "region")
    words = [normalise(v) + "|" + str(u) for v, u in zip(frame["value_raw"], frame["unit"])]
    # plain lists, not cell lookups (each row's cells are read before any of its own are set)
    readings = list(zip(*(frame[c].tolist() for c in columns)))
    lows, texts = frame["low"].tolist(), frame["indicator_text"].tolist()
    named: dict[str, set] = {}
    for i, w in enumerate(words):
        if readings[i][0] != "unknown":
            named.setdefault(w, set()).add(readings[i])
    # (the columns as lists, set back once: a cell per row set is slow)
    values = {c: frame[c].tolist() for c in columns}
    named_again = False
    for i, w in enumerate(words):
        low = lows[i]
        if readings[i][0] == "unknown" and not texts[i] and \
                low is not None and low == low and low != round(low) and \
                len(named.get(w, ())) == 1:
            for c, v in zip(columns, next(iter(named[w]))):
                values[c][i] = v
            named_again = True
    if named_again:
        for c in columns:
            frame[c] = values[c]


def _drop_repeats(frame: pd.DataFrame) -> pd.DataFrame:
    """A figure repeated verbatim (headline, body, caption) with the same reading is one row.

    Repeats are rows with the same words, indicator, breakdown and region. Only a year written
    in each repeat's own sentence (or table column) keeps two repeats apart; otherwise the
    repeat whose period was written is kept and the others are noted on it.
    """
    explicit = frame["note"].str.contains("period: sentence|period: table", regex=True)
    frame = _drop_headline_repeats(frame)
    explicit = explicit.loc[frame.index].reset_index(drop=True)
    frame = frame.reset_index(drop=True)
    _name_bare_restatements(frame)
    key = (frame["value_raw"].map(normalise) + "|" + frame["indicator"] + "|"
           + frame["breakdown"] + "|" + frame["region"])
    keep: dict[int, list[int]] = {}
    sentences = _sentence_occurrences(frame["sentence"].tolist(), frame["char_start"].tolist())
    periods = list(zip(frame["period_start"], frame["period_end"]))
    explicit = explicit.tolist()
    # the rows of each key in order of first appearance (a groupby's groups, without building
    # a frame per group: most keys have one row)
    groups: dict[str, list[int]] = {}
    for i, k in enumerate(key.tolist()):
        if k is not None and k == k:  # like groupby: a missing key is in no group
            groups.setdefault(k, []).append(i)
    for members in groups.values():
        order = sorted(members, key=lambda i: (not explicit[i], i))
        # A twin of row i is the first kept row of another sentence that is not kept apart
        # by a written period: the first of the kept rows without one, or with i's period.
        # Each pool keeps its first row and its first row of another sentence than that one,
        # so finding a twin costs the same however many repeats there are.
        unwritten: list[int] = []
        any_kept: list[int] = []
        by_period: dict[tuple, list[int]] = {}
        for i in order:
            pools = [any_kept] if not explicit[i] else [unwritten,
                                                         by_period.get(periods[i], [])]
            found = [_other_sentence(pool, sentences, sentences[i]) for pool in pools]
            found = [k for k in found if k is not None]
            if not found:
                keep[i] = []
                _add(any_kept, i, sentences)
                _add(unwritten if not explicit[i] else by_period.setdefault(periods[i], []),
                     i, sentences)
            else:
                keep[min(found)].append(i)
    starts = frame["char_start"].tolist()
    notes = frame["note"].tolist()  # (set back as a column: a cell lookup per row is slow)
    repeated = False
    for i, repeats in keep.items():
        if repeats:
            where = ", ".join(str(starts[j]) for j in sorted(repeats))
            notes[i] += f"; repeated verbatim at character(s) {where}"
            repeated = True
    if repeated:
        frame["note"] = notes
    return frame.loc[sorted(keep)].reset_index(drop=True)


def _sentence_occurrences(sentences: list[str], starts: list[int]) -> list[tuple[str, int]]:
    """Each row's sentence as (words, where it occurs): a sentence written twice (a lead
    repeated in the body) is two sentences, whose figures repeat each other.

    >>> _sentence_occurrences(["a b", "a b", "c", "a b"], [0, 2, 10, 40])
    [('a b', 0), ('a b', 0), ('c', 10), ('a b', 40)]
    """
    anchor: dict[str, int] = {}
    out = []
    for words, start in zip(sentences, starts):
        if words not in anchor or start - anchor[words] > len(words):
            anchor[words] = start
        out.append((words, anchor[words]))
    return out


def _add(pool: list[int], i: int, sentences: list) -> None:
    """Remember row i in a pool that keeps only its first row and its first of another
    sentence."""
    if not pool or (len(pool) == 1 and sentences[pool[0]] != sentences[i]):
        pool.append(i)


def _other_sentence(pool: list[int], sentences: list[str], sentence: str) -> int | None:
    """The first row of the pool whose sentence is not ``sentence``."""
    return next((k for k in pool if sentences[k] != sentence), None)


_MAX_CONTEXT = 1000  # characters of a sentence read on either side of a figure


#: the second number of a pair written "45.799/36.875", "83,2%/50%" starts here
_PAIR_SECOND_AT = re.compile(r"(?:\d[.,]\d{1,3}|%)/$")


def _short_lines_between(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` crosses into a new paragraph and every paragraph it touches
    after the first is one short line (a list written one item a paragraph).

    >>> t = "Growth of 8% or more.\\n\\nExports of 2 billion USD.\\n\\nUrbanisation of 40%."
    >>> _short_lines_between(t, t.index("%") + 1, t.index("40"))
    True
    >>> t = "Growth of 8% or more. Exports reached 2 billion USD."
    >>> _short_lines_between(t, t.index("%") + 1, t.index("2 billion"))
    False
    """
    if hi - lo > 600 or "\n\n" not in text[lo:hi]:
        return False
    end = text.find("\n\n", hi)
    blocks = text[lo:end if end >= 0 else len(text)].split("\n\n")[1:]
    return all(len(b.strip()) <= 160 and "\n" not in b.strip() for b in blocks)


def _short_line_after(text: str, at: int) -> bool:
    """Whether the paragraph after the one holding ``at`` is one short line with a number."""
    brk = text.find("\n\n", at)
    if brk < 0:
        return False
    end = text.find("\n\n", brk + 2)
    block = text[brk + 2:end if end >= 0 else len(text)].strip()
    return 0 < len(block) <= 160 and "\n" not in block and bool(re.search(r"\d", block))


def _target_in_brackets(text: str, at: int) -> bool:
    """Whether the bracket just before ``at`` opens after the name of a plan ("vượt chỉ tiêu
    Nghị quyết (7,5-8%)", "132% kế hoạch của năm (gần 1,9 tỉ USD)"), not after a comparison
    that names another quantity between them ("chiếm 13,4% kế hoạch, cao hơn mức bình quân cả
    nước (9,53%)": the national average's).

    >>> _target_in_brackets("vượt chỉ tiêu Nghị quyết giao (7,5%", 31)
    True
    >>> _target_in_brackets("bằng 40% kế hoạch, cao hơn bình quân chung (9%", 44)
    False
    >>> _target_in_brackets("đạt 48% dự toán (giảm 7%", 17)
    False
    """
    lo = max(0, at - 90)
    found = CUES.TARGET_IN_BRACKETS.search(text, lo, at)
    # a bracket that opens with a change holds the change of the figure before it ("đạt 48,7%
    # dự toán (giảm 7,3% so với cùng kỳ)"), never the plan's figure
    return bool(found) and not CUES.OTHER_NAME_BEFORE_BRACKET.search(text, found.start(), at) \
        and not CUES.CHANGE_OPENS.match(text, at)


def _span_named_in(text: str, lo: int, hi: int, period: Period) -> bool:
    """Whether the span of ``period`` is written between ``lo`` and ``hi`` as a period ("giai
    đoạn 2021 - 2030", "thời kỳ", "nhiệm kỳ", "the 2021-2025 period"), not as a horizon.

    >>> t = "Huy động vốn giai đoạn 2021 - 2030 đạt 168 nghìn tỷ đồng"
    >>> _span_named_in(t, 0, t.index("168"), Period(2021, 2030, "sentence"))
    True
    >>> t = "Đến năm 2030 (thời kỳ 2021-2030) GRDP bình quân đầu người đạt"
    >>> _span_named_in(t, 0, len(t), Period(2021, 2030, "sentence"))
    False
    """
    return any((y[2], y[3]) == (period.start, period.end) and not _aside(text, y[0]) and (
                CUES.PERIOD_NOUN_BEFORE.search(text, max(lo, y[0] - 20), y[0])
                or CUES.PERIOD_NOUN_AFTER.match(text, y[1]))
               for y in _years_between(text, lo, hi))


def _plan_span_named_in(text: str, lo: int, hi: int, period: Period) -> bool:
    """Whether the span of ``period`` is written between ``lo`` and ``hi`` right after the
    name of a plan ("mục tiêu 2016-2020", "kế hoạch 5 năm 2021-2025", "the 2021-2025
    target"): the plan's figure covers the whole span, not its last year.

    >>> t = "(chỉ tiêu 2021-2025 đạt 9%"
    >>> _plan_span_named_in(t, 0, len(t), Period(2021, 2025, "sentence"))
    True
    >>> t = "(mục tiêu đến năm 2025 đạt 9%"
    >>> _plan_span_named_in(t, 0, len(t), Period(2021, 2025, "sentence"))
    False
    """
    return any((y[2], y[3]) == (period.start, period.end) and y[2] != y[3] and (
                CUES.PLAN_SPAN_BEFORE.search(text, max(lo, y[0] - 30), y[0])
                or CUES.PLAN_SPAN_AFTER.match(text, y[1]))
               for y in _years_between(text, lo, hi))


def _year_written_between(text: str, lo: int, hi: int) -> bool:
    """Whether a year framing a clause ("..., năm 2025 là ...") is written between ``lo`` and
    ``hi``: a later sentence's frame, which holds over the period of a figure written before
    it (a noun's year, "the PCI in 2023", does not)."""
    return any(not y[4] and not _aside(text, y[0])
               and CUES.CLAUSE_OPENING.search(text[max(0, y[0] - 40):y[0]])
               for y in _years_between(text, lo, hi))


#: Periods read for one figure alone (a year or bracket written right at it, a compared
#: period's own figure, a congress's term for a target beside a result): the next sentence's
#: figures do not take them as "the previous figure's period".
_LOCAL_READINGS = ("the year right after it", "the years before the bracket", "the whole term",
                   "the horizon leading it",
                   "the year before in brackets", "the compared year's own figures",
                   "the compared period's figure after a slash", "the span after the figure",
                   "the congress's term", "the year of the figure compared with")


def _rows_starting(rows: list[dict], lo: int, hi: int, memo: dict | None) -> list[dict]:
    """The rows read so far whose figure starts in ``[lo, hi)``, in reading order.

    Rows come mostly, not always, in text order (a table's cells, a headline): their starts
    are kept sorted in ``memo`` as rows are added, so that a long text is not read through
    once per figure.

    >>> rows = [{"char_start": 50}, {"char_start": 10}, {"char_start": 30}]
    >>> [r["char_start"] for r in _rows_starting(rows, 10, 40, {})]
    [10, 30]
    """
    if memo is None:
        return [r for r in rows if lo <= r["char_start"] < hi]
    index = memo.setdefault("row starts", [])  # sorted (char_start, position in rows)
    for k in range(len(index), len(rows)):
        bisect.insort(index, (rows[k]["char_start"], k))
    found = index[bisect.bisect_left(index, (lo, -1)):bisect.bisect_left(index, (hi, -1))]
    return [rows[k] for k in sorted(k for _, k in found)]


def _read_figure(text, vocab, fig, cell, *, spans, starts, headings, heading_offsets, prev_end,
                 next_start, rows, doc_date, region, doc_region, source_id, places,
                 memo=None) -> dict:
    """One candidate row: the figure's reading from its sentence (or table row and column).

    ``memo`` (a dict kept for one document) remembers what is the same for every figure of a
    sentence, so that a long sentence is read once rather than once per figure."""
    memo = {} if memo is None else memo
    doc_year = doc_date.year if doc_date else None
    sent = sentence_of(spans, fig.start, starts=starts)
    # A text without sentence marks (a PDF's layout) must not make every figure read it all.
    sent = (max(sent[0], fig.start - _MAX_CONTEXT), min(sent[1], fig.end + _MAX_CONTEXT))
    if cell is not None:
        sent = (cell.label_start, cell.end)
    # a clause runs from the last ";" before the figure to the first after it in its sentence
    semi = text.rfind(";", sent[0], fig.start)
    clause_start = semi + 1 if semi >= 0 else sent[0]
    semi = text.find(";", fig.end, sent[1])
    clause_end = semi if semi >= 0 else sent[1]
    window_start = max(prev_end, clause_start) if prev_end <= fig.start else clause_start
    window = text[window_start:fig.start]
    clause = text[clause_start:clause_end]
    text_after = text[fig.end:min(fig.end + 40, next_start or len(text), clause_end)]
    text_after = CUES.AFTER_STOP.split(text_after)[0]
    notes = list(fig.notes)
    parsed = fig.parsed
    low, high, qualifier = parsed.low, parsed.high, parsed.qualifier
    if qualifier in ("exact", "about") and (CUES.AFTER_PARENS_ABOVE.match(text, fig.end)
                                            or CUES.INSIDE_PARENS_ABOVE.match(text, fig.end)):
        high, qualifier = None, "above"
        notes.append("'trở lên' after the parenthesis applies to this figure")
    unit = parsed.unit
    if unit == "percentage_points" and low is not None and low > 0 and \
            CUES.PULLED_DOWN.search(text, max(clause_start, fig.start - 60), fig.start):
        # "kéo giảm IIP chung 0,16 điểm phần trăm": a contribution pulling the total down
        low, high = -low, (-high if high is not None else None)
        notes.append("pulled the total down ('kéo giảm'): negative")
    elif unit in ("percent", "percentage_points") and low is not None and low > 0 and \
            qualifier in ("exact", "about", "range", "above") and CUES.FALL_AWAY_BEFORE.search(
                text, max(clause_start, fig.start - 90), fig.start):
        # "giảm tỉ lệ hộ nghèo bình quân 2-2,5%/năm", "reduce the poverty rate by 0.5%": the
        # fall is written before the indicator, the number says by how much ("by at least 3
        # per cent": low -3, no high, as "giảm trên 3%" parses)
        low, high = (-high if high is not None else None), -low
        if qualifier == "above":
            low, high = high, None
        notes.append("a fall written before its indicator ('giảm ... bình quân', "
                     "'reduce ... by'): negative")
    elif low is not None and low > 0 and qualifier in ("exact", "about") and \
            CUES.SHORTFALL_BEFORE.search(text, max(clause_start, fig.start - 50), fig.start):
        # "thấp hơn cùng kỳ 7.000 tấn": the comparand between the comparative and the number
        low, high = -low, (-high if high is not None else None)
        notes.append("a shortfall ('thấp hơn cùng kỳ ...'): negative")
    elif unit in ("percent", "percentage_points") and low is not None and low > 0 and \
            qualifier in ("exact", "about", "range") and (
                CUES.FALL_NAMED_BEFORE.search(text, max(clause_start, fig.start - 90),
                                              fig.start)
                or ("/năm" in fig.raw and CUES.FALL_AWAY_FROM_BEFORE.search(
                    text, max(clause_start, fig.start - 90), fig.start))):
        # "tỷ lệ giảm nghèo đạt 5%/năm", "giảm tỷ lệ hộ nghèo bình quân từ 3-4%/năm": the
        # size of a fall, named before the number
        low, high = (-high if high is not None else None), -low
        notes.append("the size of a fall named before it ('mức giảm', 'tỷ lệ giảm', "
                     "'giảm ... bình quân từ'): negative")
    # Period
    if cell is not None:
        if cell.end_of_period:
            period = Period(cell.period_end, cell.period_end, "table, end of period")
        else:
            period = Period(cell.period_start, cell.period_end, "table")
    else:
        i = bisect.bisect_right(heading_offsets, fig.start)
        first = bisect.bisect_left(heading_offsets, fig.start - 3000)
        heads = [(h[1], h[2]) for h in headings[first:i]]
        period = find_period(text, sent, fig.start, fig.end, heads, doc_year,
                             doc_month=doc_date.month if doc_date and not
                             memo.get("year only") else None)
        if doc_year and period.start == period.end and period.end and \
                period.end > doc_year and (now_to := CUES.FROM_NOW_TO.search(
                    text, sent[0], sent[1])) and int(now_to["year"]) == period.end:
            # "expand by 7.5 percent annually from now to 2020": from the page's year on
            period = Period(doc_year, period.end, period.how + ", from now", period.base)
        # the last figure outside brackets closed before this one: an aside's figure ("thu
        # nhập đạt 51 triệu đồng (năm 2018 đạt 46,8 triệu đồng); 32 xã ...") is of the aside's
        # own year, not a frame of the figures after it
        last = len(rows) - 1
        while last >= 0 and _in_closed_aside(text, rows[last]["char_start"], fig.start):
            last -= 1
        if period.how == "earlier sentence" and last >= 0 and \
                fig.start - rows[last]["char_end"] < 400 \
                and "\n\n" not in text[rows[last]["char_end"]:fig.start] and \
                not any(local in rows[last]["note"] for local in _LOCAL_READINGS) and \
                not _year_written_between(text, rows[last]["char_end"], sent[0]):
            # No year in this sentence: the last figure's period still holds ("Đến nay có 550
            # dự án FDI. Nhật Bản có 174 dự án, ...").
            prev = rows[last]
            # a ratio or growth over a base year ("1.13 times compared to 2023") spans from
            # its base: the next figure keeps only its year
            start = prev["period_end"] if prev["measure"] in (
                "ratio_to_base", "cumulative_growth") else prev["period_start"]
            period = Period(start, prev["period_end"], "previous figure", period.base)
    if cell is None and period.how == "earlier sentence" and doc_year and period.end and \
            period.end > doc_year and _past_term_frame(text, fig.start) and \
            not _years_off_captions(text, list(CUES.PAST_TERM.finditer(
                text, max(0, fig.start - 600), fig.start))[-1].end(), fig.start):
        # a congress for 2025-2030 reviewing "giai đoạn qua": a figure after the review's
        # words, naming no year, is of the past term (its end, the page's year), not of the
        # coming term named earlier ("Cơ cấu kinh tế ... chiếm hơn 70%")
        period = Period(doc_year, doc_year, "earlier sentence, the past term's end", period.base)
    whole = None
    said = [m for part in (window, CUES.AFTER_STOP.split(
                text[fig.end:min(fig.end + 40, clause_end)])[0])
            for m in CUES.WHOLE_TERM.finditer(part)
            # "mức cao nhất trong cả nhiệm kỳ": a superlative's range, no period
            if not CUES.SUPERLATIVE_SINCE.search(part[:m.start()])]
    if cell is None and said:
        # "over 10% for the whole term", "mục tiêu của cả nhiệm kỳ là 2,2 tỷ USD": the plan
        # years of the term, whatever year the sentence or the page names
        whole = whole_term(text, fig.start, doc_year)
        if whole:
            period = Period(whole[0], whole[1], "the whole term", period.base)
    if cell is None and period.start == period.end and period.how.startswith("document date") \
            and CUES.PREVIOUS_PERIOD_COMPARED.search(text, clause_start, clause_end) and \
            CUES.PAST_TERM.search(text, 0, fig.start):
        # a report on "nhiệm kỳ qua" naming none of its years: "Tổng vốn đầu tư 33.155 tỷ
        # đồng, bằng 1,95 lần so giai đoạn trước" is the whole term's, the five years ending
        # with the report's
        period = Period(period.end - 4, period.end,
                        period.how + ", the past term compared with the one before", period.base)
    elif cell is None and period.end and (period.how.startswith("previous figure") or (
                period.start == period.end and period.how.startswith("earlier sentence"))) and \
            CUES.PREVIOUS_PERIOD_COMPARED.search(text, clause_start, clause_end) and \
            (span := latest_span_ending(text, fig.start, period.end)):
        # "VND10 trillion has gone to the border areas, VND6 trillion more than in the
        # previous period" after a review of 2021-2025 naming none: the reviewed span's
        period = Period(span[0], span[1], period.how + ", the span compared with the one before",
                        period.base)
        whole = span
    later = [y for y in _years(text[sent[0]:fig.start], sent[0]) if y[3] > doc_year
             and not y[4]] if cell is None and doc_year else []
    horizon = bool(later) and bool(CUES.TO_YEAR_LAST.search(
        text[max(sent[0], later[-1][0] - 20):later[-1][0]])) and bool(
        CUES.STRONG_TARGET.search(text, sent[0], later[-1][0]))
    if later and not horizon and CUES.PLAN_OF_YEAR.search(
            text, max(sent[0], later[-1][0] - 30), later[-1][0]):
        # "mục tiêu năm 2026 với 32 chỉ tiêu, trong đó ..., tổng vốn đầu tư ước đạt X": the
        # plan's list of what the later year should bring, its "ước đạt" a projection of that
        # year, unless the sentence names a year already under way ("results of 2024 and the
        # plan for 2025 ..., growth is estimated at 10.6%": 2024's)
        horizon = not any(y[3] <= doc_year and not y[4]
                          for y in _years(text[sent[0]:fig.start], sent[0]))
    if cell is None and doc_year and period.end is not None and period.end > doc_year and \
            not horizon and \
            CUES.ESTIMATED.search(text[max(window_start, fig.start - 60):fig.start]):
        # (but "phấn đấu thực hiện mục tiêu đến năm 2025, ...; tổng thu ước đạt 7.800 tỷ
        # đồng": an aim's horizon frames what it expects the year to bring)
        # "is estimated at 10.6%" after "... the plan for 2025": an estimate is of a period
        # under way or past, so of the latest such year its sentence names, else the document's
        # (an estimate word before the previous figure is that figure's: "Năm 2025 ước đạt
        # 8,5%, kế hoạch năm 2026 tăng 10%")
        past = [y for y in _years(text[sent[0]:fig.start], sent[0]) if y[3] <= doc_year
                and not y[4]]
        period = (Period(past[-1][2], past[-1][3], "sentence, estimated (not a later year)",
                         period.base) if past else
                  Period(doc_year, doc_year, "document date (estimated)", period.base))
    measure_context = cell.label if cell else window + (
        " " + text[clause_start:fig.start] if len(window.strip(" ,;:(")) < 3 else "")
    if cell is None and (line_label := _line_label(text, fig)):
        measure_context = line_label + " " + measure_context  # the label line above a value
    if cell is None and CUES.HALF_YEAR_WORDS.search(text, max(0, sent[0] - 400), fig.start) and \
            CUES.HALF_YEAR.search(text[max(0, sent[0] - 400):fig.start]) and \
            not CUES.HALF_YEAR.search(measure_context):
        measure_context += " 6 tháng"
    growth_after = CUES.GROWTH_NOUN_AFTER.match(text, fig.end) if cell is None else None
    if growth_after:  # "a 15.11% increase", "a 5% rise year-on-year": English word order
        measure_context += " " + growth_after.group(1)
    elif cell is None and unit == "percent" and (
            CUES.ABOVE_A_BASE_AFTER.match(text, fig.end) or (
                CUES.A_BASE_AFTER.match(text, fig.end)
                and CUES.ABOVE_BEFORE.search(text, max(0, fig.start - 20), fig.start))):
        # "74% higher than the same period last year", "cao hơn 7,4% so với cùng kỳ": above
        # an earlier period of the same quantity, its growth
        measure_context += " increase"
    measure = find_measure(unit, measure_context, fig.raw, period)
    if growth_after and unit == "percent" and measure == "level":
        # "contributing to the city's 7.2% GRDP growth": the noun the percentage qualifies
        # is a growth, whatever contribution or share words the clause has before it
        measure = find_measure(unit, growth_after.group(0), fig.raw, period)
    if cell is None and unit == "percent" and measure == "level" and \
            (CUES.ECONOMY_REACHED.search(measure_context)
             or CUES.PRODUCTIVITY_AS_PERCENT.search(measure_context)) and \
            not CUES.SHARE_NOUNS.search(measure_context) and not CUES.OF_THE_PLAN.match(text, fig.end):
        # "tổng sản phẩm trên địa bàn (GRDP) năm 2024 ước đạt 8,45%": the percentage an
        # economy reaches, with no share or plan named, is its growth
        measure = find_measure(unit, measure_context + " growth", fig.raw, period)
    if cell is None and unit not in ("percent", "times", "percentage_points") and \
            measure == "level" and period.base and period.end and \
            period.end > period.base + 1 and \
            CUES.CHANGE_BY.search(text, max(clause_start, fig.start - 30), fig.start):
        # "tăng 5.000 ha so với năm 2019" said of 2023: the change of an amount over the
        # years since its base year, as a percentage so compared is
        measure = "cumulative_growth"
    # the figure a list's verb is repeated from: the last outside brackets closed before this
    # one ("services 47.2% (down 3%), taxes 4.2%": the aside's change is no verb of the list)
    listed = next((r for r in reversed(rows) if not _in_closed_aside(
        text, r["char_start"], fig.start)), None) if cell is None and unit == "percent" and \
        measure == "level" else None
    if listed is not None and \
            listed["unit"] == "percent" and listed["measure"] in _GROWTH_MEASURES and \
            listed["char_end"] >= sent[0] and not CUES.SHARE_OR_LEVEL.search(
                # "growing at 3.8%, industry and construction at 13.5%": the "at" of the
                # growth before (its measure), repeated
                CUES.AT_LAST.sub("", window) if CUES.GROWING_AT.search(
                    text, max(0, listed["char_start"] - 30), listed["char_start"])
                else window) and \
            CUES.ELLIPTIC.fullmatch(
                # a clause after ";" starts with its subject: "; khu vực dịch vụ (+6,7%)"
                # (a subject with its figure in brackets, not a new verb: "; bảo đảm 100%")
                ";" + window if window_start == clause_start and clause_start > 0
                and text[clause_start - 1] == ";" and (
                    window.rstrip().rstrip("+-").endswith("(")
                    or CUES.GAPPED_BY_LAST.search(window))  # ("; services by 9%")
                # ("đạt 5,1%, trong đó, khu vực nông nghiệp: 2,9%": the parts' opening)
                else CUES.PART_LEAD.sub(", ", window, count=1)):
        # "grew by 3.2%, industry and construction by 10.1%": the verb of the figure before
        measure = listed["measure"]
    # "up 9.6% over 2018, higher than the target of 8-8.5%": the target of the same quantity
    set_against = bool(cell is None and rows and rows[-1]["char_end"] >= sent[0] and
                       rows[-1]["unit"] == unit and CUES.TARGET_SET_AGAINST.fullmatch(window))
    if cell is None and unit == "percent" and measure == "level" and rows and \
            rows[-1]["unit"] == "percent" and rows[-1]["measure"] in _GROWTH_MEASURES and \
            rows[-1]["char_end"] >= sent[0] and (CUES.THAT_OF_OPENING.match(window)
                                                 or set_against):
        # "the growth of farming should reach 3%, that of industry should hit 9%": "that"
        # is the growth of the figure before (and so is "higher than the target of 9%")
        measure = rows[-1]["measure"]
    if cell is None and unit == "percent" and measure == "level" and rows and \
            rows[-1]["unit"] == "percent" and rows[-1]["measure"] in _GROWTH_MEASURES and \
            CUES.PARTS_OPEN.match(text, sent[0]) and sent[0] - rows[-1]["char_end"] < 300 and \
            "\n\n" not in text[rows[-1]["char_end"]:fig.start] and \
            not CUES.SHARE_NOUNS.search(text, sent[0], fig.start):
        # "... tăng trưởng 14,2%. Cụ thể, khu vực dịch vụ đạt 7,7%; ...": the parts of a
        # growth just given are growths too, unless a share is named
        measure = rows[-1]["measure"]
    # "bình quân 29,6%/năm giai đoạn 2016-2020; năm 2023 đạt 15,6%": a clause of only a year
    # and a verb goes on with the quantity of the figure before (its growth, a year's)
    year_clause = bool(cell is None and rows and rows[-1]["char_end"] >= sent[0] and
                       rows[-1]["unit"] == unit and CUES.YEAR_CLAUSE.fullmatch(window))
    if year_clause and unit == "percent" and measure == "level" and \
            rows[-1]["measure"] in _GROWTH_MEASURES:
        measure = "annual_growth"
    if cell is not None and not cell.end_of_period and unit == "percent" and \
            measure == "level" and period.end != period.start:
        measure = "period_average"
    if cell is None and unit == "percent" and measure in _GROWTH_MEASURES and \
            CUES.OF_THE_PLAN.match(text, fig.end) and \
            not CUES.GROWTH_WORDS.search(text, max(clause_start, fig.start - 12), fig.end):
        # "tăng 11,6% ..., đạt 74% so với kế hoạch năm": how much of a plan was done, not the
        # growth the figures before it carried (a change said with its own verb stays one)
        measure = "level"
    if unit == "percent" and measure != "level" and CUES.OF_GRDP.search(fig.raw):
        measure = "level"  # "tăng 10%, bằng 35% GRDP": a share of GRDP, whatever came before
    if whole and measure == "level" and (unit in _MONEY[:2] or unit == "count"):
        measure = "period_total"  # an amount of the whole term is the term's sum
    if cell is None and period.end and not period.base and \
            CUES.TERM_START_BASE_AFTER.match(text, fig.end) and \
            measure in ("annual_growth", "ratio_to_base", "cumulative_growth"):
        # "tăng 56% so với đầu nhiệm kỳ": over the term's opening year (terms plan 2021-2025,
        # 2026-2030, ...: the year before the first plan year of the term the figure ends in)
        base = period.end - (period.end - 1) % 5 - 1
        if base < period.end:
            measure = "ratio_to_base" if measure == "ratio_to_base" else "cumulative_growth"
            period = Period(base, period.end, period.how + ", base the start of the term", base)
    if unit == "times" and cell is None and CUES.OF_THE_PLAN.match(text, fig.end):
        # "gấp trên 6 lần kế hoạch năm" after "... so với năm 2022": a multiple of the plan,
        # measured against no year
        measure = "level"
    if measure in ("ratio_to_base", "cumulative_growth") and period.base and period.end:
        period = Period(period.base, period.end, period.how, period.base)
    elif measure == "ratio_to_base" and cell is None and period.end and \
            period.start == period.end and CUES.RELATIVE_BASE.search(clause) and \
            not CUES.SAME_PERIOD_WORDS.search(text, sent[0], clause_end):
        # "gấp 1,3 lần so với năm trước", "a 1.3-fold increase compared to the previous
        # year": a ratio of whole years whose base is the year before, with no year written,
        # spans both years (one of months to the same months keeps its year, as annotated)
        period = Period(period.end - 1, period.end, period.how + ", base the year before",
                        period.end - 1)
    elif measure == "ratio_to_base" and cell is None and period.end and not period.base and \
            not CUES.COMPARED_ANY.search(clause) and \
            not _years_between(text, clause_start, clause_end) and \
            (span := ((period.start, period.end) if period.start < period.end else
                      latest_span_ending(text, fig.start, period.end))):
        # "Quy mô GRDP tăng 1,6 lần" in a review of "5 năm 2016-2020", naming no base: a
        # multiple over a plan's span is measured from the year before it (2015)
        period = Period(span[0] - 1, span[1], period.how + ", base the year before the span",
                        span[0] - 1)
    elif measure in ("period_average_growth", "period_total", "period_average") and \
            period.start == period.end and period.end is not None:
        span = latest_span_ending(text, fig.start, period.end)
        if span:
            period = Period(span[0], span[1], period.how + ", span written earlier")
        elif cell is None and _past_term_frame(text, fig.start):
            # "nhiệm kỳ qua ... tăng bình quân 11,2%/năm": the five years that end with it
            period = Period(period.end - 4, period.end, period.how + ", the past term")
    elif measure == "level" and unit in ("VND", "USD") and period.start != period.end and \
            period.how in ("sentence", "sentence, the horizon leading it") and cell is None and (
                CUES.SPAN_FRAME.match(text, sent[0]) or period.how != "sentence"
                or _span_named_in(text, clause_start, fig.start, period)
                or _plan_span_named_in(text, clause_start, fig.start, period)) and \
            not vocab.words("modifier", "per_person").search(window + " " + fig.raw):
        # "Giai đoạn 2026-2030, ... thu ngân sách 75.000 - 80.000 tỷ đồng", "Huy động vốn đầu
        # tư giai đoạn 2021 - 2030 đạt 168 nghìn tỷ đồng", "by the end of the 2021-2025 period
        # to reach VND 260,000 billion": an amount of a span named as a period (framing its
        # sentence, in its own clause, or as its horizon) is the span's total
        measure = "period_total"
    elif measure == "level" and unit == "percent" and period.start != period.end and \
            cell is None and rows and rows[-1]["char_end"] >= sent[0] and \
            rows[-1]["measure"] == "period_average_growth" and \
            _plan_span_named_in(text, clause_start, fig.start, period):
        # "bình quân 2016-2018 đạt 6,9%/năm (mục tiêu 2016-2020 đạt 7,5-8%)": the plan's own
        # figure of the yearly average just given, over the plan's whole span
        measure = "period_average_growth"
    elif measure == "level" and period.start != period.end and \
            not CUES.AVERAGE.search(window) and \
            period.how in ("earlier sentence", "sentence", "previous figure",
                           "sentence, the horizon leading it"):
        period = Period(period.end, period.end, f"{period.how}, end of the period")
    if cell is None and measure == "period_total" and unit not in ("count", "ha") and \
            period.how.startswith("earlier sentence") and \
            not CUES.SPAN_TOTAL.search(text[sent[0]:fig.start]):
        # "Tổng thu ngân sách ... 35.700 tỷ đồng" after a sentence on 2020-2022: "tổng" names
        # the aggregate; a span from an earlier sentence makes no total of this amount
        measure = "level"
        period = Period(period.end, period.end, f"{period.how}, end of the period")
    if cell is None and measure == "period_average_growth" and period.start is not None and \
            period.how.startswith("earlier sentence") and period.end - period.start == 5 and \
            period.start % 5 == 0:
        # "What did the province achieve in the 2010-2015 phase? ... Farming grew 10.5 per
        # cent on average": a yearly average over six calendar years from a year ending in 0
        # or 5, named in a sentence before, is over the five plan years after the base year
        # (as when the rate is written beside the span)
        period = Period(period.start + 1, period.end, period.how + ", the plan years",
                        period.base)
    years_n = CUES.N_YEARS.search(text, clause_start, fig.start) if cell is None else None
    if years_n and any(y[2] == y[3] for y in _years_between(text, years_n.end(), fig.start)):
        # "Trong 3 năm (2021 - 2023) GRDP tăng bình quân 3,9%/năm, GRDP bình quân đầu người
        # năm 2023 đạt 69 triệu đồng": a year of its own, written after the N years, dates it
        years_n = None
    if years_n and (unit in _MONEY or unit == "count") and measure in ("level", "period_total") \
            and period.end is not None:
        # "Tổng thu ngân sách trên địa bàn 5 năm ước đạt 48.187 tỷ đồng", "in the five years":
        # a total over the N years that end with the figure's year
        n = _SPAN_NUMBERS.get(years_n.group(1).lower()) or int(years_n.group(1))
        if 2 <= n <= 10:
            period = Period(period.end - n + 1, period.end, period.how + f", {n} years")
            measure = "period_total"
    if cell is None and period.start == period.end and period.end is not None and \
            CUES.YEARLY.search(window):
        # "Phấn đấu hằng năm có trên 90% ..." under a 2025-2030 term: each year of the span
        span = latest_span_ending(text, fig.start, period.end)
        if span:
            period = Period(span[0], span[1], period.how + ", each year of the span")
    stock = cell is None and doc_year is not None and bool(CUES.STOCK_AFTER.match(text_after))
    # Kind
    if cell is not None:
        kind_context = text[max(0, cell.label_start - 2000):cell.label_start] + cell.label
    else:
        kind_context = text[max(sent[0], fig.start - 300):fig.start]
        # "chiếm 13,4% kế hoạch, cao hơn ... (9,53%)": a plan word completing an earlier
        # figure (its share of the plan achieved) is that figure's, no target word of this one
        kind_context = CUES.PLAN_SHARE_BEFORE.sub(" ", kind_context) + fig.raw + text_after[:15]
        colon = text.rfind(":", sent[0], fig.start)
        if sent[0] <= colon and sent[0] < fig.start - 300 and "\n" not in text[colon:fig.start]:
            # "the province determined to achieve key indicators: growth of 8%, ..., forest
            # coverage of 56.7%": the lead-in of a long list governs its last items too
            kind_context = text[sent[0]:colon + 1] + " " + kind_context
    kind, estimate, kind_how = find_kind(kind_context, period.end, doc_year,
                                         period_start=period.start,
                                         just_before=text[max(0, fig.start - 45):fig.start],
                                         doc_month=doc_date.month if doc_date and not
                                         memo.get("year only") else None)
    if kind_how == "default" and cell is None and not CUES.RESULT_AGAINST_PLAN.search(
            text, sent[0], sent[1]):
        # (a sentence that measures itself against the plan, "đạt 83% dự toán", is a result)
        # "...sets a target of 10%. In which, industry grows 13%": the previous sentence's
        # target words carry over, its weaker cues do not.
        # ... and those of a few sentences before in its paragraph, unless one between
        # reports a result ("Bắc Ninh phấn đấu ... . Huy động ... . Thu hút vốn FDI 4,3 tỷ USD")
        at = sent[0]
        for step in range(4):
            if at <= 0:
                break
            before = sentence_of(spans, max(at - 2, 0), starts=starts)
            words = text[before[0]:at]
            if before[0] >= at or (step and ("\n\n" in text[before[1]:sent[0]] or
                                             CUES.COMPARED_TO_PLAN.search(words))):
                break
            # (the rows are in text order: read back from the last, not through them all)
            said = _rows_starting(rows, before[0], at, memo)
            if said and not period.how.startswith("sentence") and all(
                    r["kind"] == "target" and re.search(
                        r"kind: (?:target words(?:;|$)|after a sentence of targets|a line of a list of targets)", r["note"])
                    for r in said) and not CUES.PAST_TENSE.search(text, sent[0], sent[1]) and \
                    ("\n\n" not in text[before[0]:sent[0]]
                     or CUES.PRESENT_TENSE_EN.search(text, sent[0], sent[1])):
                # "The province strives for revenue of VND4 trillion. The contribution of
                # TFP is 39-40 per cent.": a sentence naming no year and no kind of its own
                # goes on the targets of the sentence before it in its paragraph, or in the
                # paragraph before when it is English in the present tense, as plans are
                # written (a new paragraph otherwise reports on its own)
                kind, estimate, kind_how = ("target", False,
                                            "after a sentence of targets in its paragraph")
                break
            if not step and "\n\n" in text[before[0]:sent[0]] and \
                    not words.rstrip().endswith(":") and re.search(r"\d", words) and \
                    not CUES.GOES_ON.match(text, sent[0]):
                # a title line with its own figure ("..., mục tiêu tăng trưởng 8-9%") above a
                # paragraph: its target words are its figure's, not the paragraph's
                break
            # target words after the last figure of a sentence govern none of its figures
            # ("..., bằng 50,1% kế hoạch năm", "đạt 2.600 tấn, ... mục tiêu trở thành ...")
            if CUES.TARGETS_ACHIEVED.search(words):
                # "Toàn tỉnh đạt và vượt 17/17 chỉ tiêu ..., trong đó:", "achieved all 20
                # targets, of which": targets reported met head a list of results
                break
            if said and said[0]["kind"] != "target":
                # "Vốn FDI đạt 1,6 tỷ USD, bằng 52% kế hoạch năm (3 tỷ USD). Trong đó, 20 dự
                # án ...": a sentence opening with a result measures it against the plan; its
                # plan words set no target for the sentences after it
                break
            digits = [m.end() for m in re.finditer(r"\d", words)]
            if CUES.STRONG_TARGET.search(words[:digits[-1]] if digits else words):
                kind, estimate, kind_how = ("target", False,
                                            "target words in a sentence before in its paragraph")
                break
            if CUES.RESULT_OR_ESTIMATE.search(words):
                break
            at = before[0]
    if kind_how == "default" and cell is None and rows and rows[-1]["kind"] == "target" and \
            _short_lines_between(text, rows[-1]["char_end"], fig.start) and \
            not CUES.RESULT_OR_ESTIMATE.search(text, sent[0], sent[1]) and \
            ("a line of a list of targets" in rows[-1]["note"]
             or _short_line_after(text, fig.end)):
        # "The province strives for growth of 11% or more. ...\n\nGRDP per capita reaches 3,200
        # USD or more.\n\nUrbanization rate of 38% or more.": one-line paragraphs after a
        # target, with no word of a result, go on listing the plan's targets (a list: the
        # line is followed by another, or follows one; a lone last line may be a result)
        kind, estimate, kind_how = "target", False, "a line of a list of targets"
    if cell is None and kind != "target" and \
            CUES.PLAN_NOUNS.search(text, sent[0], fig.start) and \
            CUES.PLAN_SUBJECT.search(text[sent[0]:fig.start]):
        # "Chỉ tiêu thu ngân sách ước đạt ...", "đặt chỉ tiêu tăng trưởng ... ước tăng 8,7%":
        # the plan's value, though said with an estimate word or in a year-end review
        kind, estimate, kind_how = "target", False, "a plan noun heading its subject"
    elif cell is None and kind_how == "estimate words" and _plan_year_frame(
            text, spans, starts, sent, fig.start, period, doc_year, doc_date, memo):
        kind, estimate, kind_how = ("target", False,
                                    "an estimate of a whole year under its plan, early in it")
    if stock:
        kind, estimate, kind_how = "actual", False, "an existing stock"
    elif cell is None and _target_in_brackets(text, fig.start):
        # "vượt chỉ tiêu Nghị quyết giao đầu năm (7,5-8%)": the target a result is compared with
        kind, estimate, kind_how = "target", False, "a target in brackets after its name"
        if unit == "percent" and measure == "level" and rows and \
                rows[-1]["unit"] == "percent" and rows[-1]["measure"] in _GROWTH_MEASURES and \
                rows[-1]["char_end"] >= sent[0]:
            measure = rows[-1]["measure"]  # "đạt 8,45%, vượt mục tiêu kế hoạch (+7,0%)"
    elif cell is None and CUES.PLAN_VALUE_COMPARED_BEFORE.search(
            text, max(0, fig.start - 25), fig.start) and \
            CUES.PLAN_VALUE_COMPARED_AFTER.match(text, fig.end):
        # "giảm 3% so với 1,8% kế hoạch giao": the plan's value a result is compared with
        kind, estimate, kind_how = "target", False, "the plan's value compared with"
    elif cell is None and CUES.PLAN_IN_BRACKETS.search(text[max(0, fig.start - 60):fig.start]):
        # "tăng 1,5% (kế hoạch tăng 7,0-7,5%)", "(planned to increase by 7.0-7.5%)": the plan
        # written in brackets beside a result
        kind, estimate, kind_how = "target", False, "a plan in brackets beside a result"
    elif cell is None and _PAIR_SECOND_AT.search(text, max(0, fig.start - 8), fig.start) and \
            CUES.PAIR_OF_TARGET.search(text, sent[0], fig.start):
        # "chỉ tiêu Nghị quyết đạt cao như thu ngân sách 45.799/36.875 tỷ đồng": result/target
        kind, estimate, kind_how = "target", False, "the target after its result and a slash"
    if kind_how in ("a target in brackets after its name", "a plan in brackets beside a result"):
        # a congress's target set against a mid-term result is for the whole term
        term = congress_term(text, sent, fig.start, period)
        if term:
            period = Period(term[0], term[1], period.how + ", the congress's term")
    elif doc_year and period.how.startswith("document date") and (
            kind == "target" or (estimate and CUES.WILL_WORDS.search(
                text[sent[0]:fig.start]))) and \
            (frame := _plan_frame_before(text, sent[0], fig.start, doc_year)):
        # aims whose sentence writes no year, under "in the next 5 years" or at a Party
        # congress (held in years ending in 0 or 5, its targets for the term after it): the
        # frame's years, a level its last year, not the document's own year ("will reach"
        # there is the aim, not an estimate of that year)
        kind, estimate, kind_how = "target", False, kind_how + ", an aim of the plan's frame"
        if measure in ("period_average_growth", "period_average", "period_total"):
            period = Period(frame[0], frame[1], period.how + ", " + frame[2])
        elif measure == "level":
            period = Period(frame[1], frame[1], period.how + ", the end of " + frame[2])
    # (and "gấp trên 6 lần kế hoạch năm", "vượt 18,6 lần kế hoạch": how many times the plan)
    if unit in ("percent", "times") and CUES.OF_THE_PLAN.match(text, fig.end) and \
            kind_how != "the plan's value compared with":
        if kind == "target" and kind_how == "target words" and rows and \
                rows[-1]["kind"] == "target" and rows[-1]["char_end"] >= sent[0] and \
                not CUES.SENTENCE_STOP.search(text, rows[-1]["char_end"], fig.start):
            # "phấn đấu thu hút 2 tỷ USD, vượt 20% kế hoạch", "aims to attract over 2 billion
            # USD, exceeding 20% of the plan": the plan's share of an aim is aimed at too
            kind_how = "share of a plan said of the target before it"
        else:
            # "đạt 102,5% kế hoạch", "136.4% of the annual estimate": how much of a plan was
            # done
            kind, estimate, kind_how = "actual", estimate, "share of a plan achieved"
    elif kind == "target" and unit in ("percent", "times") and period.end is not None and \
            (m := CUES.SAME_PERIOD_OF_A_YEAR_AFTER.match(text, fig.end)) and \
            int(m.group("year")) < period.end and \
            CUES.SHARE_OF_PLAN.search(text, sent[0], fig.start):
        # "đạt 110% kế hoạch năm và bằng 180,5% so với cùng kỳ năm 2022": beside a share of the
        # plan done, a ratio to a period already gone measures the same result (the plan is
        # what was measured, not what this figure sets)
        kind, estimate, kind_how = "actual", estimate, "a ratio to a past period"
    elif kind == "target" and cell is None and period.end is not None and doc_year and \
            period.end < doc_year and CUES.CHANGE_FROM_BEFORE.search(
                text, max(sent[0], fig.start - 40), fig.start) and \
            CUES.CHANGE_TO_AFTER.match(text, fig.end):
        # "kế hoạch ... giá trị sản xuất tăng từ 25.055 tỷ đồng (năm 2019) lên 27.372 tỷ đồng
        # (năm 2020)", "from 5.1 trillion in 2019 to ...": where a planned change starts, in a
        # year already gone, is that year's result (the plan is the end it goes to)
        kind, estimate, kind_how = "actual", False, "the start of a planned change, a past year"
    elif kind == "target" and cell is None and unit == "percent" and measure == "level" and \
            CUES.PLAN_REACHED_BEFORE.search(text, sent[0], fig.start):
        # "so với chỉ tiêu cả năm (X tấn) thì chỉ mới đạt 33,9%", "compared with the target
        # ..., it reached only 34%": how much of the plan set against was reached
        kind, estimate, kind_how = "actual", estimate, "a share of the plan it is set against"
    breakdown = _breakdown(vocab, text, clause_start, fig)
    # Indicator
    code = None
    indicator_text = ""
    if unit in ("count", "ha"):
        # a bare count carries its noun ("68 new FDI projects"): it says what is counted; a
        # count whose noun comes a few words after the number ("457 FDI projects") counts that
        # noun: a park named later in its clause ("including 284 in its industrial parks") is
        # not what it counts
        noun = fig.noun or next((m.group(1) for n in fig.notes
                                 if (m := re.match(r"unit 'count' from the noun '(.+)'$", n))), "")
        after = text_after
        area = CUES.AREA_ATTRIBUTE.match(text, fig.end) if unit == "count" else None
        if area and area.end() <= clause_end:
            # "22 CCN với tổng diện tích 445,41ha đã đi vào hoạt động": the predicate after
            # the area the count is described by is the count's
            after = CUES.AFTER_STOP.split(text[area.end():min(area.end() + 40, clause_end)])[0]
        # (the parts a clause goes on to after the figure, "..., of which 18 parks are
        # operating", say nothing of the whole it counts)
        parts = CUES.PARTS_FOLLOW.search(text, fig.end, clause_end)
        own_clause = text[clause_start:parts.start()] if parts else clause
        got = _family_code(vocab, after, window, own_clause, f"{fig.raw} {noun}".strip(), unit)
        if got:
            code = got[0]
            if re.search(r"_(?:new|expanded|removed|new_area)$|^clusters_merged", code) and \
                    measure == "level":
                # new, expanded, merged or removed over a plan period: a total over the period
                measure = "period_total"
                if period.start == period.end and period.end is not None:
                    span = latest_span_ending(text, fig.start, period.end)
                    if span:
                        period = Period(span[0], span[1], period.how + ", span written earlier")
                    elif doc_date and period.end > doc_date.year:
                        # "đến năm 2030 thành lập mới 23 KCN": from the document's year on
                        period = Period(doc_date.year, period.end,
                                        period.how + ", from the document's year")
            for name in _park_families(vocab):
                rx = vocab.words("head", name)
                if m := rx.search(fig.raw) or rx.search(window):
                    indicator_text = m.group(0)
                    break
    if stock:
        # "6 khu công nghiệp đã thành lập": what exists at the document's date, whatever
        # horizon the sentence names for what is to come
        period = Period(doc_year, doc_year, "an existing stock ('đã', 'hiện có')", period.base)
        measure = "level" if measure == "period_total" else measure
        if code and (m := re.match(r"industrial_(parks|clusters)_(?:new|expanded)(_area)?$",
                                   code)):
            total = f"industrial_{m[1]}_total" + ("_area" if m[2] else "")
            code = total if total in vocab.indicator_units else code
    if code is None:
        code, indicator_text = _indicator(
            vocab, text, sent, clause_end, fig, window_start, unit, measure,
            cell.label if cell else _line_label(text, fig), breakdown, next_start, memo,
            prev_end=prev_end)
    if cell is None and rows and rows[-1]["char_end"] >= sent[0] and \
            rows[-1]["char_end"] == prev_end and rows[-1]["unit"] == unit == "percent" and \
            rows[-1]["indicator"] != "unknown" and \
            (CUES.SAME_QUANTITY_COMPARED.fullmatch(window)
             or CUES.SECOND_COMPARISON.fullmatch(window)) and _compatible(
                rows[-1]["indicator"], vocab, unit, measure, breakdown):
        # "Khu vực công nghiệp tăng 6,4%, cao hơn mức tăng 4,6% của quý I/2024": the growth
        # it is set against is the same quantity's, of another period (and "X tăng 10,6% so
        # với tháng trước, tăng 23% so với cùng kỳ": X's growth against another base)
        code, indicator_text = rows[-1]["indicator"], rows[-1]["indicator_text"]
        notes.append("a growth compared with: the quantity of the figure before")
    if cell is None and code == "grdp_growth" and rows and \
            vocab.values("generic", indicator_text.lower()) and \
            CUES.THIS_IS_GROWTH.match(text, sent[0]) and \
            rows[-1]["char_end"] <= sent[0] < rows[-1]["char_end"] + 300 and \
            "\n\n" not in text[rows[-1]["char_end"]:sent[0]] and \
            rows[-1]["unit"] == unit and rows[-1]["measure"] in _GROWTH_MEASURES and \
            rows[-1]["indicator"] not in ("unknown", code) and _compatible(
                rows[-1]["indicator"], vocab, unit, measure, breakdown):
        # "Tính chung 2 tháng chỉ số sản xuất công nghiệp tăng 28%. Đây là mức tăng cao nhất
        # ... (năm 2022 tăng 27,6%)": "this growth" is that of the figure just before, not
        # the economy's (the generic word's last resort)
        code, indicator_text = rows[-1]["indicator"], rows[-1]["indicator_text"]
        notes.append("'this is the growth': the quantity of the figure before")
    if year_clause and rows[-1]["indicator"] != "unknown" and _compatible(
            rows[-1]["indicator"], vocab, unit, measure, breakdown):
        code, indicator_text = rows[-1]["indicator"], rows[-1]["indicator_text"]
        notes.append("a clause of only a year: the indicator of the figure before")
    if set_against and code == "unknown" and _compatible(rows[-1]["indicator"], vocab, unit,
                                                         measure, breakdown):
        code, indicator_text = rows[-1]["indicator"], rows[-1]["indicator_text"]
        notes.append("a target the figure before is set against: its indicator")
    if code == "unknown" and not indicator_text and cell is None and not (
            unit == "percent" and CUES.SHARE_OF_NEXT.match(text, fig.end)) and not (
            unit == "count" and CUES.PLACES_COUNTED.search(fig.raw)):
        # An elliptic list ("Nhật Bản có 174 dự án, Hàn Quốc có 153 dự án"): the indicator of
        # the last figure of the same unit just before.
        for prev in reversed(rows[-6:]):
            if fig.start - prev["char_end"] > 400:
                break
            same_sentence = prev["sentence"] == _flat_sentence(text, sent, memo)
            if not (same_sentence or breakdown):
                break
            if prev["unit"] == unit and prev["indicator"] != "unknown":
                code, indicator_text = prev["indicator"], prev["indicator_text"]
                notes.append("indicator carried over from the previous figure of its unit")
                break
    if code == "unknown" and cell is None and unit == "percent" and measure in _GROWTH_MEASURES \
            and rows and (in_number := CUES.GROWTH_IN_NUMBER_AFTER.match(text, fig.end)):
        # "có 2.550 doanh nghiệp thành lập mới ..., tăng 29,97% về số lượng": a growth in
        # number is the growth of the last count of its sentence
        flat = _flat_sentence(text, sent, memo)
        prev = next((p for p in reversed(rows[-6:]) if p["unit"] == "count"), None)
        growth = f"{prev['indicator']}_growth" if prev else ""
        if prev and prev["sentence"] == flat and growth in vocab.indicator_units:
            code, indicator_text = growth, in_number.group(0).strip()
            notes.append("a growth in number: that of the count before it")
    if code == "unknown" and cell is None and unit == "count" and \
            CUES.PROJECTS_NAMED.search(fig.raw) and \
            CUES.NEW_PROJECTS_IN_DOLLARS.match(text, fig.end) and \
            not vocab.words("modifier", "domestic").search(clause) and \
            "fdi_new_projects" in vocab.indicator_units:
        # "cấp giấy chứng nhận đăng ký đầu tư cho 26 dự án mới với tổng vốn đầu tư 129 triệu
        # USD": new projects with a capital in dollars are foreign-invested (the capital
        # after them follows, by the rule below)
        code, indicator_text = "fdi_new_projects", ""
        notes.append("new projects with a capital in USD: new FDI projects")
    if code == "unknown" and cell is None and unit == "USD" and rows and \
            rows[-1]["indicator"] == "fdi_new_projects" and "fdi_new_capital" in \
            vocab.indicator_units and rows[-1]["sentence"] == _flat_sentence(text, sent, memo):
        # "có 23 dự án cấp mới giấy chứng nhận đầu tư đạt 1.358 triệu USD": dollars right
        # after a count of new FDI projects, in its clause, are those projects' capital
        between = text[rows[-1]["char_end"]:fig.start]
        if len(between) <= 80 and not re.search(r"[;:]|\d", between):
            code, indicator_text = "fdi_new_capital", ""
            notes.append("the capital of the new FDI projects counted just before it")
    elif code == "unknown" and cell is None and unit == "USD" and rows and \
            rows[-1]["indicator"] == "fdi_projects" and rows[-1]["sentence"] == \
            _flat_sentence(text, sent, memo):
        # "1.600 FDI projects in effect with a total capital of $19 billion", "có 900 dự án
        # FDI với tổng vốn 9 tỷ USD": the capital a count of the FDI stock comes with
        between = text[rows[-1]["char_end"]:fig.start]
        if len(between) <= 80 and not re.search(r"[;:]|\d", between) and \
                CUES.WITH_ITS_AMOUNT.fullmatch(between) and CUES.CAPITAL_WORD.search(between):
            code, indicator_text = "fdi_capital", ""
            notes.append("the capital of the FDI projects counted just before it")
    if code == "unknown" and cell is None and rows:
        # "Riêng khu vực tỉnh Quảng Ngãi cũ đạt hơn 32.900 tỉ đồng", "trong đó tỉnh A đóng
        # góp 15.000 tỉ đồng, tỉnh B 2.000 tỉ đồng": a part of the total just named, for a
        # place or after "trong đó"/"riêng", is the same quantity: the last figure of its unit
        own = text[clause_start:fig.start]
        i = bisect.bisect_left(places, (clause_start, ""))
        place_named = i < len(places) and places[i][0] <= fig.start
        part = CUES.PART_OF.search(own)
        # (not when the clause names the figure itself, even by a name the project lacks:
        # "trong đó, góp vốn mua cổ phần 200 triệu USD")
        named_here = bool(indicator_text) and indicator_text.lower() in own.lower()
        if (part or place_named) and not CUES.NAMES_ITSELF.search(own) and not named_here:
            flat = _flat_sentence(text, sent, memo)
            for prev in reversed(rows[-6:]):
                # a place alone makes a part within its sentence ("Tp.HCM tăng 7,82%" after
                # a sentence on services is the city's growth, not its services')
                if fig.start - prev["char_end"] > 600 or (
                        not part and prev["sentence"] != flat):
                    break
                if prev["unit"] == unit and prev["indicator"] != "unknown":
                    if prev["measure"] == measure or unit != "percent":
                        code, indicator_text = prev["indicator"], prev["indicator_text"]
                        notes.append("a part (a place, 'trong đó', 'riêng') of the figure "
                                     "before of its unit")
                        sub = CUES.SUB_SECTOR.search(own[part.end():]) if part else None
                        named = f"{sub.group(1).lower()}_{code[len('industry_construction_'):]}" \
                            if sub and code.startswith("industry_construction_") else None
                        if named:
                            # "công nghiệp - xây dựng tăng 7%, trong đó xây dựng tăng 12%":
                            # the part is the sub-sector named, not the pair again
                            named = named.replace("xây dựng_", "construction_").replace(
                                "công nghiệp_", "industry_")
                            if named in vocab.indicator_units:
                                code, indicator_text = named, sub.group(0)
                    break
    if code.startswith("industry_construction_") and cell is None:
        # "công nghiệp - xây dựng chiếm 51% (riêng công nghiệp 44%)", "..., trong đó công
        # nghiệp chiếm 44%": a part word and one sector of the pair after the figure before
        # name that sector, though the pair named before them gave the code
        since = max([clause_start] + [r["char_end"] for r in rows[-1:]
                                      if r["char_end"] <= fig.start])
        own = text[since:fig.start]
        part = None
        for part in CUES.PART_OF.finditer(own):
            pass
        sub = CUES.SUB_SECTOR.search(own[part.end():]) if part else None
        if sub:
            named = sub.group(1).lower().replace("xây dựng", "construction").replace(
                "công nghiệp", "industry") + code[len("industry_construction"):]
            if named in vocab.indicator_units and _compatible(named, vocab, unit, measure,
                                                              breakdown):
                code, indicator_text = named, sub.group(0).strip()
                notes.append("one sector of the pair named after a part word")
    if cell is None and code == "grdp_growth" and unit == "percent" and \
            (of := CUES.OF_THE_SECTOR.search(text, max(sent[0], fig.start - 80), fig.start)):
        # "Giá trị tăng thêm của ngành công nghiệp ... , tốc độ tăng trưởng kinh tế (GRDP) của
        # ngành ước đạt 6,4%", "the growth of the sector": the sector named before in the
        # sentence, not the whole economy
        sector = next((c for _, _, phrase in sorted(match_phrases(
            vocab, "indicator", text[sent[0]:of.start()], sent[0], overlapping=True),
            key=lambda p: (p[1], p[1] - p[0]), reverse=True)
            for c in vocab.values("indicator", phrase)
            if c.endswith("_grdp_growth") and c != "grdp_growth"), None)
        if sector:
            code = sector
            notes.append("growth 'of the sector' named before in its sentence")
    if cell is None and code == "unknown" and unit == "persons" and measure == "level" and \
            CUES.VISITS_COUNTED.search(fig.raw) and CUES.TOURISM_WORD.search(
                text, sent[0], fig.start) and "tourist_arrivals" in vocab.indicator_units:
        # "ngành du lịch ... thu hút được khoảng 350.000 lượt người đến", "tourism drew 2
        # million visitors": visits counted in a sentence on tourism are its arrivals
        code, indicator_text = "tourist_arrivals", ""
        notes.append("visits counted in a sentence on tourism")
    counted = f"{fig.noun} {_NUMBER_LEAD.sub('', fig.raw)}".strip()
    if unit == "count" and code != "unknown" and re.search(r"[^\W\d_]", counted) and \
            _counts_another_thing(vocab, code, counted):
        # "industrial parks attracted 44 new projects", "48MW": a count says what it counts
        notes.append(f"counts {counted!r}, not what {code} counts")
        code, indicator_text = "unknown", ""
    if unit == "count" and code != "unknown" and CUES.FIRM_UNITS.search(counted):
        # "57 chi nhánh, văn phòng đại diện" after the new firms: branches and offices are
        # registered beside the firms, not firms (nor projects)
        notes.append(f"counts {counted!r}: units of firms, not what {code} counts")
        code, indicator_text = "unknown", ""
    if unit == "ha" and code != "unknown" and cell is None and _counts_another_thing(
            vocab, code, text[text.rfind("\n\n", 0, fig.start) + 1:fig.end]):
        # "nhà máy điện gió ... diện tích 3,5ha đất": an area of parks or clusters only where
        # its paragraph names them
        notes.append(f"no park or cluster named in its paragraph: not {code}")
        code, indicator_text = "unknown", ""
    if unit == "ha" and code == "unknown" and cell is None and \
            (of := CUES.AREA_OF.match(text, fig.end)):
        # "trồng mới 9.000 ha rừng", "planted 5,000 ha of new forest": the verb before the area
        # and the noun after it name it together ("trồng mới rừng", "planted new forest")
        verb = " ".join(text[max(clause_start, fig.start - 40):fig.start].split()[-4:])
        # ("trồng mới được 80 ha rừng": the particle of a result is no part of the name)
        words = [w for w in verb.split() if w.lower() not in ("được", "đạt")][-3:]
        for k in range(len(words)):
            phrase = " ".join(words[k:] + [of.group(1)]).lower()
            codes = [c for c in vocab.values("indicator", phrase)
                     if vocab.indicator_units.get(c) == "ha"]
            if codes:
                code, indicator_text = codes[0], text[fig.start - len(verb):fig.start].strip()
                notes.append(f"the area's verb and noun: {phrase!r}")
                break
    if unit == "count" and code in ("unknown", "fishery_output") and cell is None and \
            (part := CUES.FISHERY_PART_BEFORE.search(
                text, max(clause_start, fig.start - 60), fig.start)) and \
            CUES.FISHERY_WORDS.search(text[max(0, sent[0] - 300):fig.start]):
        # "Tổng sản lượng thủy sản đạt ... Trong đó, sản lượng khai thác đạt 70.000 tấn": the
        # bare "khai thác" / "nuôi trồng" of a fishery total names its catch or farmed part
        catch = part.group("part").lower().startswith("khai")
        code = "fishery_catch_output" if catch else "aquaculture_output"
        indicator_text = part.group("name")
        notes.append(f"a part of the fishery output: {part.group('part')!r}")
    if code.startswith("fdi_") and cell is None and \
            _origin_says_domestic(vocab, text, sent[0], fig, unit):
        notes.append(f"domestic investment, not {code}")
        code, indicator_text = "unknown", ""
    if code == "unknown" and cell is None and rows and CUES.FIGURE_ANAPHOR.search(
            text, max(clause_start, fig.start - 40), fig.start):
        # "the occupancy rate was 66.6% at the start of the year. Up to now, this figure is
        # 67.7%", "tỷ lệ này đạt 70%": a demonstrative for the quantity of the figure before
        # of its unit (within the paragraph), with its measure
        for prev in reversed(rows[-6:]):
            if fig.start - prev["char_end"] > 600 or \
                    "\n\n" in text[prev["char_end"]:fig.start]:
                break
            if prev["unit"] == unit and prev["indicator"] != "unknown":
                code, indicator_text = prev["indicator"], prev["indicator_text"]
                measure = prev["measure"]
                notes.append("'this figure': the quantity of the figure before of its unit")
                break
    changed = None
    if cell is None and code != "unknown" and (unit in _MONEY or unit == "count") and \
            CUES.CHANGE_BY.search(text, max(clause_start, fig.start - 30), fig.start) and \
            CUES.COMPARED_AFTER.match(text, fig.end):
        # "quy mô kinh tế mở rộng hơn 17 nghìn tỷ đồng so với năm 2023", "tăng 51 dự án so
        # với cùng kỳ": by how much an amount changed, not the amount
        notes.append(f"a change of {code} ('tăng ... so với'), not its level")
        changed = code
        if unit in ("USD", "VND") and (code == "grdp_per_capita" or vocab.words(
                "modifier", "per_person").search(indicator_text)):
            unit = f"{unit}/person"  # still an amount per person
        code, indicator_text = "unknown", ""
    if cell is None and rows and unit in ("USD", "VND") and \
            rows[-1]["unit"] == f"{unit}/person" and \
            CUES.CHANGE_RIGHT_AFTER_FIGURE.fullmatch(text, rows[-1]["char_end"], fig.start) and \
            CUES.COMPARED_AFTER.match(text, fig.end):
        # "năng suất lao động đạt 170 triệu đồng/người, tăng 81,5 triệu đồng so với năm 2020":
        # the change of an amount per person is per person too
        unit = f"{unit}/person"
        notes.append("a change of the amount per person just before it")
    if code == "grdp_constant_prices" and unit == "USD" and \
            "grdp_current_prices" in vocab.indicator_units and not vocab.words(
                "modifier", "constant_prices").search(text[sent[0]:fig.end]):
        # a GRDP in dollars is converted at the year's rate: current prices
        code = "grdp_current_prices"
    if cell is None and rows and unit in _MONEY and rows[-1]["unit"] in _MONEY and \
            rows[-1]["unit"].split("/")[0] != unit and \
            CUES.EQUIVALENT_AFTER_FIGURE.fullmatch(text, rows[-1]["char_end"], fig.start):
        # "VNĐ70.2 – 70.9 million (US$2,890-2,920)": the same quantity in another currency
        code, indicator_text = rows[-1]["indicator"], rows[-1]["indicator_text"]
        if rows[-1]["unit"].endswith("/person") and not unit.endswith("/person"):
            unit = f"{unit}/person"
        notes.append("the figure before in another currency")
    if cell is None and rows and CUES.PLAN_AFTER_FIGURE.fullmatch(
            text, rows[-1]["char_end"], fig.start) and rows[-1]["unit"] == unit:
        # "tăng 14,86% (plan: 10.5%)": the plan of the figure just before
        code, indicator_text = rows[-1]["indicator"], rows[-1]["indicator_text"]
        notes.append("indicator of the figure the plan in brackets follows")
    if code == "unknown" and cell is None and unit == "percent" and measure in \
            _GROWTH_MEASURES:
        # "thu ngân sách ước đạt 54.341 tỉ đồng, vượt 52,8% dự toán, tăng 25,9%": the growth
        # of the amount just named in the sentence
        flat = _flat_sentence(text, sent, memo)
        # (not a rate whose own clause names another quantity after that amount: "thu nội
        # địa đạt 3.700 tỷ đồng; thu từ hoạt động xuất nhập khẩu giảm 5%")
        own_name = text.rfind(indicator_text, clause_start, fig.start) if any(
            c != "unknown" for c in vocab.values("indicator", normalise(indicator_text))) else -1
        for prev in reversed(rows[-6:]):
            if prev["sentence"] != flat or own_name >= prev["char_end"]:
                break
            if prev["unit"] != "percent":
                # ("tăng 45 doanh nghiệp, tăng 17,4%": the rate of the change just given)
                growth = f"{prev.get('changed') or prev['indicator']}_growth"
                if growth in vocab.indicator_units and _compatible(growth, vocab, unit, measure):
                    code, indicator_text = growth, prev["indicator_text"]
                    notes.append("indicator: the growth of the amount named before it")
                break
    if cell is None and unit == "percent" and code not in ("unknown", *_SHARES_OF_A_PLAN) and \
            CUES.OF_THE_PLAN.match(text, fig.end):
        # "đạt 43% kế hoạch", "bằng 93,6% dự toán", "120% of the annual plan": how much of a
        # plan was done, which no indicator of the dataset measures (not the share or rate
        # its subject would have as a level)
        notes.append(f"% of a plan or estimate: {code} as a level would misread it")
        code = "unknown"
    if unit in ("USD", "VND") and code != "unknown" and CUES.PER_AREA_END.search(fig.raw) and (
            code == "grdp_per_capita" or vocab.words("modifier", "per_person").search(
                indicator_text)):
        # "VND50 million per hectare" after a GRDP per capita: money per unit of land
        notes.append(f"money per hectare: not {code}")
        code, indicator_text = "unknown", ""
    if unit in ("USD", "VND") and (code == "grdp_per_capita" or vocab.words(
            "modifier", "per_person").search(indicator_text)):
        unit = f"{unit}/person"
    # "khoảng 1,2% GDP cả nước và khoảng 9,5% GRDP của vùng": words right after the figure
    # before, up to "và" / "and", complete that figure (the whole it is a share of); they
    # name no place of this one
    region_window = CUES.COMPLETES_BEFORE_AND.sub("", window, count=1) \
        if window_start > clause_start else window
    fig_region = _region(places, sent, region_window, fig, region, doc_region, text, unit)
    if cell is None and rows and rows[-1]["region"] == "Việt Nam" != fig_region and \
            rows[-1]["char_end"] >= sent[0] and CUES.NEXT_YEAR_OF_A_LIST.fullmatch(
                text, rows[-1]["char_end"], fig.start):
        # "tỷ trọng ... của cả nước năm 2021 là 11,91% và năm 2022 là 14,26%": the next year
        # of the same list is the country's too
        fig_region = "Việt Nam"
    elif cell is None and rows and rows[-1]["region"] == "Việt Nam" != fig_region and \
            rows[-1]["char_end"] >= sent[0] and (CUES.WITH_ITS_AMOUNT.fullmatch(
                text, rows[-1]["char_end"], fig.start) or CUES.ITS_CHANGE_AFTER.fullmatch(
                text, rows[-1]["char_end"], fig.start)) and not any(
                rows[-1]["char_end"] <= at < fig.start for at, _ in places):
        # "cả nước có 40.000 dự án còn hiệu lực với tổng vốn đăng ký 480 tỷ USD": what the
        # country's count comes "with" is the country's too; and so is the change written
        # right after the country's amount ("đạt 15 tỷ USD, tăng 13%", "$15 billion, up 13%")
        fig_region = "Việt Nam"
    territory = _territory(vocab, fig_region, doc_date)
    # Confidence: start high, lose for every guess made.
    confidence = 0.9
    if code == "unknown":
        confidence -= 0.25
    if period.how.startswith(("document date", "earlier sentence", "not found")):
        confidence -= 0.15
    if kind_how == "default":
        confidence -= 0.1
    if parsed.ambiguous:
        confidence -= 0.1
    if estimate:
        notes.append("estimate (ước)")
    if CUES.PER_MONTH.search(fig.raw):
        notes.append("per month: not comparable to a yearly figure as it stands")
    line_start = text.rfind("\n", 0, fig.start) + 1
    line_end = text.find("\n", fig.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    if cell is None and len(line) < 160 and not line.endswith((".", ";", ":", "…")) and \
            (line_start == 0 or text[max(0, line_start - 2):line_start].count("\n") == 2
             or line_end < 0 or text[line_end:line_end + 2] == "\n\n" or line_start < 300
             # a subheading inside the text: short, and the next line starts a sentence
             or (len(line) < 100 and line[:1].isupper()
                 and re.match(r"\n[\"“']?[A-ZĐÀ-Ỹ]", text[line_end:line_end + 3] or ""))):
        notes.append("title line")
    notes += [f"period: {period.how}", f"kind: {kind_how}"]
    return {
        "value_raw": fig.raw, "low": low, "high": high, "unit": unit,
        "qualifier": qualifier, "kind": kind, "estimate": estimate,
        "period_start": period.start, "period_end": period.end, "measure": measure,
        "indicator": code, "indicator_text": indicator_text, "region": fig_region,
        "territory": territory, "breakdown": breakdown, "char_start": fig.start,
        "char_end": fig.end, "sentence": _flat_sentence(text, sent, memo),
        "confidence": round(max(confidence, 0.05), 2), "source_id": source_id or "",
        "note": "; ".join(notes),
        "changed": changed,  # the code of a figure read as a change of it (not a column)
    }


def _plan_frame_before(text: str, sent_start: int, fig_start: int,
                       doc_year: int) -> tuple[int, int, str] | None:
    """(y0, y1, how) of the plan a figure with no year of its own belongs to: the last "next
    N years" ("5 năm tới", "the next five years") in its sentence or the 600 characters
    before it, else, in a year ending in 0 or 5, the term after a Party congress named there
    (the years after the document's: 2021-2025 for a congress of 2020).

    Examples
    --------
    >>> t = "Over the next five years, the province aims at growth of 8% a year."
    >>> _plan_frame_before(t, 0, t.index("8%"), 2020)
    (2021, 2025, 'the next 5 years')
    >>> t = "The congress set out goals: growth of 7% a year."
    >>> _plan_frame_before(t, 0, t.index("7%"), 2020)
    (2021, 2025, "the congress's next term")
    >>> _plan_frame_before(t, 0, t.index("7%"), 2023) is None
    True
    """
    lo = max(0, sent_start - 600)
    last = None
    for m in CUES.RELATIVE_SPAN.finditer(text, lo, fig_start):
        last = m
    if last is not None and (last.group("next") or last.group("next2")):
        raw = (last.group("n") or last.group("n2") or "").lower()
        n = _SPAN_NUMBERS.get(raw) or (int(raw) if raw.isdigit() else 0)
        if 1 < n <= 10:
            return doc_year + 1, doc_year + n, f"the next {n} years"
    if doc_year % 5 == 0 and CUES.CONGRESS.search(text, lo, fig_start):
        return doc_year + 1, doc_year + 5, "the congress's next term"
    return None
