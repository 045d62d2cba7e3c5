"""The trie regex of a word list matches exactly what the plain alternation matches.

The extractor's phrase regexes (places, indicators, breakdowns) and the qualifier words before a
number are built by :func:`hy_analysis.extraction.alternation.alternation` for speed; a
difference in what they match would change extraction results silently.
"""

from __future__ import annotations

import random
import re

import pytest

from hy_analysis.extraction.alternation import alternation
from hy_analysis.extraction.figures import _LEAD_WORDS
from hy_analysis.extraction.reading import load_vocabulary

TRICKY = ["a", "ab", "abc", "abd", "b", "a b", "a bc", "(x)", "x.y", "x", "đ", "đông hưng",
          "đông", "k", "kh", "khu công nghiệp", "khu", "công nghiệp"]


def _flat(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _texts(words: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    glue = [" ", "", "x", ".", ", ", "\n", "  ", "1"]
    return ["".join(rng.choice(words) + rng.choice(glue) for _ in range(rng.randint(1, 8)))
            for _ in range(n)]


def _words(field: str) -> list[str]:
    return sorted({p for p, f, _ in load_vocabulary().phrases if f == field})


@pytest.mark.parametrize("words", [TRICKY, TRICKY + [""], _words("region"),
                                   _words("indicator")], ids=["tricky", "with-empty",
                                                             "regions", "indicators"])
def test_whole_word_matches_are_those_of_the_plain_alternation(words):
    plain = re.compile(r"(?<!\w)(?:" + _flat(words) + r")(?!\w)")
    trie = re.compile(r"(?<!\w)" + alternation(words) + r"(?!\w)")
    for text in _texts(words, 1500, seed=len(words)):
        for t in (text, text.upper()):
            assert [(m.span(), m[0]) for m in trie.finditer(t)] == \
                [(m.span(), m[0]) for m in plain.finditer(t)], t


def test_qualifiers_before_a_number_are_read_as_by_the_plain_alternation():
    words = list(_LEAD_WORDS)
    tail = r"\s+)+(?:(?:vnd|usd|vnđ)\s*|\$\s*)?$|(?:vnd|usd|vnđ)\s*$|\$\s*$"
    plain = re.compile(r"(?:(?:" + _flat(words) + r")" + tail, re.IGNORECASE)
    trie = re.compile(r"(?:" + alternation(words) + tail, re.IGNORECASE)
    for text in _texts(words + ["usd", "$", "đạt"], 3000, seed=7):
        for t in (text, text.title(), text + " ", text + "\n"):
            m, n = plain.search(t), trie.search(t)
            assert (m and (m.span(), m[0])) == (n and (n.span(), n[0])), t


def test_qualifiers_looked_for_from_their_last_word_are_those_of_the_full_search():
    from hy_analysis.extraction.figures import _LEAD_RE, _lead

    words = list(_LEAD_WORDS) + ["usd", "$", "VNĐ", "đạt", "x", "1"]
    for text in _texts(words, 3000, seed=11):
        for t in (text, text.title(), text.upper(), text + " ", text + "\n", text + " \n "):
            m, n = _LEAD_RE.search(t), _lead(t)
            assert (m and (m.span(), m[0])) == (n and (n.span(), n[0])), t


def test_no_words_give_an_empty_pattern():
    assert alternation([]) == ""


def _scanned_patterns():
    """(name, pattern, flags) of the regexes compiled by ``compile_scanning``: every cue of
    cues.toml, and the module regexes with the pattern as written (the look-ahead taken off)."""
    from hy_analysis.extraction import core, figures, reading
    from hy_analysis.extraction.cues import cue_patterns

    out = [(f"cues.{name}", pattern, flags) for name, (pattern, flags) in cue_patterns().items()]
    for module in (core, figures, reading):
        for name, rx in vars(module).items():
            m = isinstance(rx, re.Pattern) and re.fullmatch(
                r"\(\?=\[(?:\\.|[^\]\\])*\]\)\(\?:(.*)\)", rx.pattern, re.DOTALL)
            if m:
                out.append((f"{module.__name__}.{name}", m.group(1), rx.flags))
    return out


def test_scanning_regexes_match_what_the_plain_ones_match():
    from hy_analysis.extraction.alternation import compile_scanning
    from hy_analysis.paths import sources_dir

    if sources_dir() is None:  # the texts to compare matches on are the source documents
        pytest.skip("HY_SOURCES_DIR is not set (e.g. HY_SOURCES_DIR=../shared/sources)")

    patterns = _scanned_patterns()
    assert len(patterns) >= 20  # the hot regexes of the extractor use it
    texts = [p.read_text(encoding="utf-8") for p in
             sorted((sources_dir() / "merged-2025").glob("[0-9][0-9].txt"))[:8]]
    assert texts
    # letters whose case forms ``re`` treats specially (long s, Kelvin sign, dotted I, sharp s)
    odd = "ſ K İ ı ẞ ß Ǆ ǅ ǆ Σ σ ς ĸ ﬅ"
    texts += [t.upper() for t in texts] + [t.title() + odd for t in texts[:3]]
    for name, pattern, flags in patterns:
        plain, fast = re.compile(pattern, flags), compile_scanning(pattern, flags)
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == \
                [m.span() for m in plain.finditer(text)], name
            for end in range(0, len(text), 97):  # searches on slices ending anywhere
                piece = text[max(0, end - 300):end]
                assert bool(fast.search(piece)) == bool(plain.search(piece)), (name, piece)


@pytest.mark.parametrize("pattern, expected", [
    (r"abc|abd", "a"), (r"(?<!x)\bfoo|bar", "bf"), (r"[a-c]x|đ", "abcđ"), (r"(?:ab)?c", "ac"),
    (r"\w+", None), (r"a|", None), (r"x*", None), (r"[^a]b", None), (r".a", None),
    (r"(?i:a)b", None), (r"\b\d+ năm|hai năm", "\\dh"),
    # an alternative that takes nothing begins with what follows it
    (r"(?:(?<![\d/])|(?<=I/))(?:19|20)\d\d", "12"), (r"(?:a|)b", "ab"), (r"(?:a|)", None),
])
def test_first_letters_of_a_pattern(pattern, expected):
    from hy_analysis.extraction.alternation import first_letters

    got = first_letters(pattern)
    assert (None if got is None else "".join(sorted(got))) == expected


def test_decimal_regexes_match_their_look_behind_form():
    """figures._EN_DECIMAL / _VI_DECIMAL begin with a digit (for speed) and find what the
    plain form with the look-behind first finds."""
    from hy_analysis.extraction.figures import _EN_DECIMAL, _VI_DECIMAL

    texts = ["1.5 ,1.25 .3.45 a1.2 12,5. 3,45,6 x,1,2 9.99 1.234 (7,5%) 0.5-1.5", "", "1.5"]
    for sep, fast in ((r"\.", _EN_DECIMAL), (",", _VI_DECIMAL)):
        plain = re.compile(r"(?<![\d.,])\d+" + sep + r"\d{1,2}(?![\d.,])")
        for text in texts + [t[i:] for t in texts for i in range(len(t))]:
            assert [m.span() for m in fast.finditer(text)] == \
                [m.span() for m in plain.finditer(text)], text
