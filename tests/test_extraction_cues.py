"""The cues of hy_analysis/extraction/cues.toml: each used by the reading code, each name the
code asks for is in the file, and a broken file is refused with the file and the cue named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hy_analysis.exceptions import DataFileError
from hy_analysis.extraction import cues as cues_module
from hy_analysis.extraction.cues import CUES, CUES_FILE, cue_patterns, load_cues

_CODE = "\n".join(p.read_text(encoding="utf-8")
                  for p in sorted(Path(cues_module.__file__).parent.glob("*.py")))


def test_every_cue_is_used_and_every_cue_used_exists():
    defined = set(cue_patterns())
    used = set(re.findall(r"\bCUES\.([A-Z][A-Z0-9_]*)", _CODE))
    assert used, "the extraction code reads its words through CUES"
    assert sorted(used - defined) == [], f"asked for but not in {CUES_FILE}"
    assert sorted(defined - used) == [], f"in {CUES_FILE} but used nowhere"


def test_cues_compile_once_and_read_as_attributes():
    assert CUES.HALF_YEAR is load_cues()["HALF_YEAR"]
    assert CUES.HALF_YEAR.search("trong Sáu Tháng đầu năm")
    with pytest.raises(AttributeError, match="NO_SUCH_CUE"):
        CUES.NO_SUCH_CUE  # noqa: B018


@pytest.mark.parametrize("body, expected", [
    ("[A]\npattern = 'x'\nflags = [\"NOCASE\"]\n", r"cue \[A\]: unknown flag 'NOCASE'"),
    ("[B]\nflags = [\"IGNORECASE\"]\n", r"cue \[B\]: expected pattern"),
    ("[C]\npattern = '(x'\n", r"cue \[C\]: not a regular expression"),
    ("[D\npattern = 'x'\n", r"cannot read the extraction cues"),
])
def test_a_broken_cue_file_is_refused_naming_file_and_cue(tmp_path, body, expected):
    path = tmp_path / "cues.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError, match=expected) as error:
        load_cues(str(path))
    assert str(path) in str(error.value)
