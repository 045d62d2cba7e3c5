"""One regex alternative per word, written as a trie: fast to search, same matches.

``re`` tries the branches of ``a|b|c`` one after another at every offset of a text, and with
``re.IGNORECASE`` it cannot skip a branch by its first letter: a list of a hundred phrases costs a
hundred attempts per offset. Sharing the words' common beginnings (``bắc (?:giang|ninh)``) makes
that a few attempts per offset.
"""

from __future__ import annotations

import re

__all__ = ["alternation", "compile_scanning", "first_letters"]


def alternation(words) -> str:
    """A regex (without a group around it) matching exactly the ``words``, longest first.

    At every letter a longer word is tried before one that ends there, so the regex matches
    what ``"|".join(map(re.escape, sorted(words, key=len, reverse=True)))`` matches, with the
    same backtracking into shorter words when what follows fails.

    Parameters
    ----------
    words : iterable of str

    Returns
    -------
    str
        ``""`` for no words.

    Examples
    --------
    >>> alternation(["bắc ninh", "bắc giang", "bắc", "hà nội"])
    '(?:bắc(?:\\\\ (?:ninh|giang)|)|hà\\\\ nội)'
    >>> re.fullmatch(alternation(["tỷ", "nghìn tỷ"]) + "$", "nghìn tỷ") is not None
    True
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = None

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in node.items() if ch]
        if "" in node:
            alts.append("")  # the word ending here, after every longer one
        return "" if not alts else alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


def first_letters(pattern: str, flags: int = 0) -> set[str] | None:
    """The characters any match of ``pattern`` can begin with; None when that is not known.

    Digits and white space are given as ``"\\d"`` and ``"\\s"``. None when a match may be
    empty or may begin with a class such as ``\\w``, ``.`` or a negated set. Zero-width parts
    (``\\b``, look-arounds) before the first character are conditions on it, not characters
    of the match, and are passed over.

    Examples
    --------
    >>> sorted(first_letters(r"(?<!hiệp )\\bước|dự kiến|[Tt]arget"))
    ['T', 'd', 't', 'ư']
    >>> sorted(first_letters(r"\\d+ tháng|six months"))
    ['\\\\d', 's']
    >>> first_letters(r"\\w+ tỉnh") is None
    True
    """
    from re import _constants as sre, _parser  # the parse tree ``re`` itself compiles

    _CATEGORIES = {sre.CATEGORY_DIGIT: "\\d", sre.CATEGORY_SPACE: "\\s"}

    def of(items) -> set[str] | None:
        items = list(items)
        for k, (op, av) in enumerate(items):
            if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue  # zero width
            if op is sre.LITERAL:
                return {chr(av)}
            if op is sre.IN:
                chars: set[str] = set()
                for iop, iav in av:
                    if iop is sre.LITERAL:
                        chars.add(chr(iav))
                    elif iop is sre.RANGE and iav[1] - iav[0] < 64:
                        chars.update(map(chr, range(iav[0], iav[1] + 1)))
                    elif iop is sre.CATEGORY and iav in _CATEGORIES:
                        chars.add(_CATEGORIES[iav])  # "\\d", "\\s": a class of its own
                    else:
                        return None  # a negated set, a category (\w, \d), a wide range
                return chars
            if op is sre.BRANCH:
                # (an alternative that takes nothing, "(?<!x)|(?<=y)", begins with what follows)
                sets = [of(list(branch) + items[k + 1:]) for branch in av[1]]
                return None if any(s is None for s in sets) else set().union(*sets)
            if op is sre.SUBPATTERN:
                group, add_flags, del_flags, sub = av
                if add_flags or del_flags:
                    return None
                return of(list(sub) + items[k + 1:])
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                low, _, sub = av
                first = of(sub)
                if first is None:
                    return None
                if low >= 1:
                    return first
                rest = of(items[k + 1:])  # the repeat may be skipped
                return None if rest is None else first | rest
            return None  # anything else (a back reference, a conditional, "."): not known
        return None  # a match may be empty

    try:
        return of(_parser.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - an unusual pattern is simply compiled as it is
        return None


def compile_scanning(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)`` with a look-ahead on its first characters: same matches.

    A case-insensitive alternation is tried branch by branch at every offset of a text (``re``
    skips a branch by its first letter only when case matters); a look-ahead on the letters a
    match can begin with (``(?=[6sfh])``, case-insensitive like the pattern) rejects most
    offsets in one test. Patterns whose first characters are not known, or that start with
    inline flags, are compiled as they are.

    Examples
    --------
    >>> compile_scanning(r"6 tháng|first half", re.IGNORECASE).pattern
    '(?=[6f])(?:6 tháng|first half)'
    >>> compile_scanning(r"6 tháng|first half", re.I).search("Six months, FIRST HALF").span()
    (12, 22)
    """
    first = None if pattern.startswith("(?") and re.match(r"\(\?[aiLmsux]+\)", pattern) \
        else first_letters(pattern, flags)
    if not first:
        return re.compile(pattern, flags)
    cls = "".join(ch if len(ch) > 1 else "\\" + ch if ch in "\\]^-[" else ch
                  for ch in sorted(first))
    return re.compile(f"(?=[{cls}])(?:{pattern})", flags)
