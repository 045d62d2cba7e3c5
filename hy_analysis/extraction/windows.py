"""Many windows of one text searched with one regex, at about the cost of one search.

A rule that reads the last time words in the 3000 characters before each figure would scan
those characters again for every figure. Most cues cannot read past a comma, a full stop or
a letter they do not hold: a match cannot go through such a character (a *stop*), so what
``pattern.finditer(text, lo, hi)`` finds between the first and the last stop of the window is
what one search of the whole text finds there. :class:`WindowedMatches` searches the text once
and scans only the few characters before the window's first stop and after its last.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from re import _constants as sre, _parser  # the parse tree ``re`` itself compiles

__all__ = ["stop_class", "WindowedMatches", "windowed"]

#: The flags that decide which characters a class holds.
_CASE_FLAGS = re.IGNORECASE | re.ASCII | re.LOCALE | re.UNICODE
#: The zero-width tests that look only at the characters around them (not at where the
#: searched text ends).
_SAFE_AT = (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING,
            sre.AT_BEGINNING_LINE, sre.AT_LOC_BOUNDARY, sre.AT_LOC_NON_BOUNDARY,
            sre.AT_UNI_BOUNDARY, sre.AT_UNI_NON_BOUNDARY)
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}


def stop_class(pattern: re.Pattern) -> re.Pattern | None:
    r"""A regex of one character that no match of ``pattern`` can read past: the complement
    of every character the pattern (look-arounds included) can take. None when that is not
    known: a match may be empty, may take any character (``.``, a negated set or class) or
    tests where the searched text ends (``$``, ``\Z``). (A pattern with ``\w`` stops at
    punctuation only.)

    Examples
    --------
    >>> stop_class(re.compile(r"so\s+với", re.IGNORECASE)).pattern
    '[^\\siosvớ]'
    >>> stop_class(re.compile(r"\w+ tháng")).pattern
    '[^\\ \\wghntá]'
    >>> stop_class(re.compile(r"\W|$")) is None
    True
    """
    chars: set[str] = set()

    def walk(items) -> bool:
        for op, av in items:
            if op is sre.LITERAL:
                chars.add(re.escape(chr(av)))
            elif op is sre.IN:
                for iop, iav in av:
                    if iop is sre.LITERAL:
                        chars.add(re.escape(chr(iav)))
                    elif iop is sre.RANGE:
                        chars.add(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
                    elif iop is sre.CATEGORY and iav in _CATEGORIES:
                        chars.add(_CATEGORIES[iav])
                    else:
                        return False  # a negated set or class (\W, \S, ...)
            elif op is sre.AT:
                if av not in _SAFE_AT:
                    return False
            elif op is sre.BRANCH:
                if not all(walk(branch) for branch in av[1]):
                    return False
            elif op is sre.SUBPATTERN:
                if not walk(av[3]):
                    return False
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                if not walk(av[2]):
                    return False
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                if not walk(av[1]):  # a look-ahead reads what it takes
                    return False
            else:
                return False  # any character, a back reference, a conditional ...
        return True

    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unusual pattern is simply searched window by window
        return None
    if tree.getwidth()[0] < 1 or not walk(tree):
        return None
    return re.compile("[^" + "".join(sorted(chars)) + "]", pattern.flags & _CASE_FLAGS)


class WindowedMatches:
    r"""``pattern.finditer(text, lo, hi)`` for many windows of one ``text``, the text searched
    once (from the first window asked, as far as the windows asked reach) and each window's
    two ends scanned on their own.

    Parameters
    ----------
    pattern : re.Pattern
        A compiled regex; one whose :func:`stop_class` is None is searched window by window.
    text : str

    Examples
    --------
    >>> rx = re.compile(r"\d+ tháng")
    >>> text = "Trong 6 tháng, 9 tháng; cả năm 12 tháng."
    >>> w = WindowedMatches(rx, text)
    >>> [m.group(0) for m in w.matches(3, len(text))] == [m.group(0) for m in rx.finditer(
    ...     text, 3, len(text))]
    True
    """

    def __init__(self, pattern: re.Pattern, text: str):
        self.pattern, self.text = pattern, text
        self.stop = stop_class(pattern)
        # the last stop before a window's end: the greedy ".*" backs off from the end to it
        self._last_stop = re.compile("(?s:.*)" + self.stop.pattern, self.stop.flags) \
            if self.stop else None
        # the whole text's matches from ``_base`` on, pulled from ``_search`` as the windows
        # asked reach further (a part of a long text read in a process of its own is
        # searched from its first window only)
        self._base: int | None = None
        self._search: Iterator[re.Match] | None = None
        self._found: list[re.Match] = []
        self._starts: list[int] = []

    def _whole_text_matches(self, after_stop: int, last: int) -> tuple[int, int]:
        """The range of ``_found`` of the whole text's matches starting in
        ``[after_stop, last]``, where ``after_stop`` follows a stop. Those are what a search
        from ``after_stop`` finds: no match reads through the stop before it, so the whole
        text's search reaches it in the same state as one starting there."""
        if self._base is None or after_stop < self._base:
            self._base = after_stop
            self._search = self.pattern.finditer(self.text, after_stop)
            self._found, self._starts = [], []
        while self._search is not None and (not self._starts or self._starts[-1] <= last):
            m = next(self._search, None)
            if m is None:
                self._search = None
                break
            self._found.append(m)
            self._starts.append(m.start())
        return (bisect.bisect_left(self._starts, after_stop),
                bisect.bisect_right(self._starts, last))

    def matches(self, lo: int, hi: int) -> list[re.Match]:
        """The matches of ``pattern.finditer(text, lo, hi)``, in order (the same spans and
        groups; a match of the whole text's search keeps its own ``pos`` and ``endpos``)."""
        return list(self.last_first(lo, hi))[::-1]

    def last_first(self, lo: int, hi: int) -> Iterator[re.Match]:
        """The matches of :meth:`matches`, last first: the start of the window is scanned only
        when they are read that far (a rule that wants the last match of a kind stops early)."""
        text, rx = self.text, self.pattern
        first = self.stop.search(text, lo, hi) if self.stop else None
        if first is None:  # no stop in the window (or none known): the window itself
            yield from reversed(list(rx.finditer(text, lo, hi)))
            return
        last = self._last_stop.match(text, first.start(), hi).end() - 1
        # no match reads past a stop: the search goes on after the last stop as after any
        # stop, and the matches starting between the first and the last are the whole text's
        yield from reversed(list(rx.finditer(text, last + 1, hi)))
        begin, end = self._whole_text_matches(first.start() + 1, last)
        found = self._found
        for k in range(end - 1, begin - 1, -1):
            yield found[k]
        yield from reversed(list(rx.finditer(text, lo, first.start() + 1)))


@lru_cache(maxsize=16)
def windowed(pattern: re.Pattern, text: str) -> WindowedMatches:
    """The :class:`WindowedMatches` of ``pattern`` over ``text``, one per text and cue
    (remembered, as the year index of a text is: every figure of a document asks)."""
    return WindowedMatches(pattern, text)
