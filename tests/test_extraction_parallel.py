"""``extract(..., workers=2)``: a long text read in two processes gives the rows one gives."""

import csv
import multiprocessing
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from hy_analysis import extract
from hy_analysis.exceptions import ParameterError
from hy_analysis.extraction import core

DEVSET = Path(__file__).parent / "fixtures" / "devset"


def _dev_text(size: int) -> str:
    """The development split's texts of provinces/, joined up to ``size`` characters (read at
    run time; held-out documents are not read)."""
    with open(DEVSET / "manifest.csv", encoding="utf-8") as handle:
        names = [row["file"] for row in csv.DictReader(handle)
                 if row["folder"] == "provinces" and row["split"] == "dev"]
    parts, total = [], 0
    for name in sorted(names):
        parts.append((DEVSET / "provinces" / name).read_text(encoding="utf-8"))
        total += len(parts[-1]) + 2
        if total >= size:
            break
    return "\n\n".join(parts)


def test_two_processes_read_a_long_text_as_one():
    text = _dev_text(450_000)
    assert len(text) >= 300_000
    rereads = core.PARALLEL_REREADS[0]
    one = extract(text, date="2024-06-30", workers=1)
    two = extract(text, date="2024-06-30", workers=2)
    assert len(one) > 1000
    assert_frame_equal(one, two)
    assert core.PARALLEL_REREADS[0] == rereads  # the second process caught up: no re-reading


def test_a_short_text_starts_no_process(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("a process started for a short text")

    monkeypatch.setattr(core, "_read_in_two", fail)
    rows = extract("Năm 2024, kim ngạch xuất khẩu đạt 7 tỷ USD.", date="2023-12-01")
    assert rows["value_raw"].tolist() == ["7 tỷ USD"]
    assert core._use_processes(None, core.PARALLEL_MIN_CHARS - 1) is False
    assert core._use_processes(1, 10 * core.PARALLEL_MIN_CHARS) is False


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2", True])
def test_workers_must_be_a_positive_int(workers):
    with pytest.raises(ParameterError, match="workers"):
        extract("GRDP tăng 8%.", workers=workers)


def test_an_exception_of_the_second_process_is_raised_as_itself():
    here, there = multiprocessing.Pipe(duplex=False)
    core._worker(there, {"text": "x"}, 0)  # (no sentences: a KeyError in the worker)
    with pytest.raises(KeyError, match="spans"):
        core._received(here)
