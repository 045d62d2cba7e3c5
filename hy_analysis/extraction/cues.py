"""The words of the extraction rules: regexes read from ``cues.toml``, compiled at first use.

The reading code (:mod:`~hy_analysis.extraction.core`, :mod:`~hy_analysis.extraction.reading`,
:mod:`~hy_analysis.extraction.figures`, :mod:`~hy_analysis.extraction.tables`) holds how a rule
applies; ``cues.toml`` beside this module holds what words it looks for, one regular expression
per cue, used as ``CUES.<NAME>``. Each is compiled by
:func:`~hy_analysis.extraction.alternation.compile_scanning` (the same matches as
``re.compile``, found faster).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from ..exceptions import DataFileError
from .alternation import compile_scanning

__all__ = ["CUES", "cue_patterns", "load_cues"]

#: The cue file of the package.
CUES_FILE = Path(__file__).with_name("cues.toml")


@lru_cache(maxsize=2)
def cue_patterns(path: str | None = None) -> dict[str, tuple[str, int]]:
    """Name -> (pattern, flags) of every cue of ``path`` (default :data:`CUES_FILE`).

    Raises
    ------
    hy_analysis.exceptions.DataFileError
        If the file is not TOML, or a cue has no ``pattern`` (a string or a list of strings) or
        names a flag ``re`` does not know; the message names the file and the cue.
    """
    path = Path(path or CUES_FILE)
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DataFileError(f"{path}: cannot read the extraction cues: {error}") from None
    out = {}
    for name, entry in table.items():
        pattern = entry.get("pattern") if isinstance(entry, dict) else None
        if isinstance(pattern, list) and all(isinstance(p, str) for p in pattern):
            pattern = "".join(pattern)
        if not isinstance(pattern, str):
            raise DataFileError(f"{path}: cue [{name}]: expected pattern = a string or a list "
                                f"of strings, got {pattern!r}")
        flags = 0
        for flag in entry.get("flags", []):
            if flag not in re.RegexFlag.__members__:
                raise DataFileError(f"{path}: cue [{name}]: unknown flag {flag!r}; expected "
                                    f"one of {sorted(re.RegexFlag.__members__)}")
            flags |= re.RegexFlag[flag]
        out[name] = (pattern, flags)
    return out


@lru_cache(maxsize=2)
def load_cues(path: str | None = None) -> dict[str, re.Pattern]:
    """Name -> compiled regex of every cue of ``path`` (default :data:`CUES_FILE`).

    Examples
    --------
    >>> bool(load_cues()["HALF_YEAR"].search("Sáu tháng đầu năm"))
    True
    """
    out = {}
    for name, (pattern, flags) in cue_patterns(path).items():
        try:
            out[name] = compile_scanning(pattern, flags)
        except re.error as error:
            raise DataFileError(f"{path or CUES_FILE}: cue [{name}]: not a regular "
                                f"expression: {error}") from None
    return out


class _Cues:
    """The cues of :data:`CUES_FILE` as attributes; the file is read at the first one asked."""

    def __getattr__(self, name: str) -> re.Pattern:
        if name.startswith("__"):
            raise AttributeError(name)
        cues = load_cues()
        if name not in cues:
            raise AttributeError(f"no cue [{name}] in {CUES_FILE}")
        self.__dict__.update(cues)  # later lookups are plain attributes
        return cues[name]


#: ``CUES.HALF_YEAR`` and so on: the compiled cues, read on first use.
CUES = _Cues()
