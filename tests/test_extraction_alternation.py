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


def test_no_words_give_an_empty_pattern():
    assert alternation([]) == ""
