"""WindowedMatches: the matches of a window read from one search of the whole text."""

import random
import re

import pytest

from hy_analysis.extraction.windows import WindowedMatches, stop_class


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def test_a_cue_with_a_stop_class_gives_every_window_what_finditer_gives():
    text = ("Trong 6 tháng đầu năm 2024, so với cùng kỳ năm 2023, xuất khẩu tăng; quý III/2024 "
            "(9 tháng) ... the first six months of the year, over 2022. Cả năm 2024: 12 tháng.")
    rx = re.compile(r"(?P<c>so\s+với\s+(?:cùng\s+kỳ\s+)?(?:năm\s+)?(?:19|20)\d\d\b)|"
                    r"(?P<h>\b\d{1,2}\s+tháng(?:\s+đầu\s+năm)?)|first\s+\w+\s+months|"
                    r"(?<!cả )\bnăm\s+20\d\d\b", re.IGNORECASE)
    windows = WindowedMatches(rx, text)
    assert windows.stop is not None
    for lo in range(len(text)):
        for hi in range(lo, len(text) + 1, 7):
            assert _spans(windows.matches(lo, hi)) == _spans(rx.finditer(text, lo, hi))
            assert _spans(windows.last_first(lo, hi)) == _spans(rx.finditer(text, lo, hi))[::-1]


@pytest.mark.parametrize("pattern", [r"\W+", r"[^,]+", r"a|$", r"(?=x)", r"."])
def test_a_pattern_that_may_read_anything_or_nothing_has_no_stop_class(pattern):
    assert stop_class(re.compile(pattern)) is None


def test_the_cues_give_every_window_what_finditer_gives():
    from hy_analysis.extraction.cues import load_cues
    from hy_analysis.paths import sources_dir

    if sources_dir() is None:  # the texts to compare matches on are the source documents
        pytest.skip("HY_SOURCES_DIR is not set (e.g. HY_SOURCES_DIR=../shared/sources)")
    texts = [p.read_text(encoding="utf-8") for p in
             sorted((sources_dir() / "merged-2025").glob("[0-9][0-9].txt"))[:6]]
    assert texts
    rng = random.Random(5)
    for name, rx in load_cues().items():
        for text in texts:
            windows = WindowedMatches(rx, text)
            if windows.stop is None:
                break
            for _ in range(20):
                hi = rng.randrange(len(text) + 1)
                lo = max(0, hi - rng.choice([5, 80, 600, 3000]))
                assert _spans(windows.matches(lo, hi)) == _spans(rx.finditer(text, lo, hi)), \
                    (name, lo, hi)


def test_the_text_is_searched_from_the_first_window_asked_and_as_far_as_the_windows_reach():
    text = " ".join(f"Trong {k % 12 + 1} tháng đầu năm {2000 + k % 25}, so với năm 2019;"
                    for k in range(400))
    rx = re.compile(r"(?P<c>so\s+với\s+(?:năm\s+)?(?:19|20)\d\d\b)|\b\d{1,2}\s+tháng"
                    r"|(?<!với )\bnăm\s+20\d\d\b", re.IGNORECASE)
    windows = WindowedMatches(rx, text)
    middle = len(text) // 2
    his = list(range(middle, len(text) + 1, 37)) + [len(text), 40, middle - 500, len(text)]
    for n, hi in enumerate(his):
        lo = max(0, hi - 300)
        assert _spans(windows.matches(lo, hi)) == _spans(rx.finditer(text, lo, hi)), hi
        if n == 0:  # (searched from the first window's first stop, up to its last)
            assert windows._base > middle - 300 and windows._starts[-1] > middle - 40
            assert len(windows._found) < 30  # (not the 1600 of the whole text)
    assert windows._base < 40
