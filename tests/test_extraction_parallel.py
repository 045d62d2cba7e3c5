"""``extract(..., workers=2)``: a long text read in two processes gives the rows one gives."""

import subprocess
import sys
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from hy_analysis import extract
from hy_analysis.exceptions import ParameterError
from hy_analysis.extraction import core, second_process

from helpers import dev_text

def test_two_processes_read_a_long_text_as_one():
    text = dev_text(450_000)
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


@pytest.fixture
def started(monkeypatch):
    """The second processes started, to check they were all waited for."""
    processes = []
    real = subprocess.Popen

    def popen(*args, **kwargs):
        processes.append(real(*args, **kwargs))
        return processes[-1]

    monkeypatch.setattr(second_process.subprocess, "Popen", popen)
    return processes


def test_an_exception_of_the_second_process_is_raised_as_itself(started):
    text = dev_text(120_000)
    with second_process.SecondProcess(str(core.paths.data_dir().resolve()), None) as child:
        child.send(text)
        child.send(({}, len(text) // 2))  # (no sentences: a KeyError there)
        with pytest.raises(KeyError, match="spans") as raised:
            child.receive()
    assert "raised in the second extraction process" in raised.value.__notes__[0]
    assert len(started) == 1 and started[0].returncode is not None


def test_the_second_process_is_waited_for_when_this_one_stops(started, monkeypatch):
    text = dev_text(120_000)
    real = core._read_items

    def interrupted(*args, **kwargs):
        if started:  # (the first process's own part, the second one running)
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(core, "_read_items", interrupted)
    with pytest.raises(KeyboardInterrupt):
        extract(text, date="2024-06-30", workers=2)
    assert len(started) == 1 and started[0].returncode is not None


def test_a_second_process_that_dies_is_an_error(started, monkeypatch):
    text = dev_text(120_000)
    real = second_process.SecondProcess.send

    def send_then_kill(self, value):
        real(self, value)
        if isinstance(value, tuple) and isinstance(value[0], dict):  # the job
            self.process.kill()

    monkeypatch.setattr(second_process.SecondProcess, "send", send_then_kill)
    with pytest.raises(second_process.SecondProcessError, match="exit code"):
        extract(text, date="2024-06-30", workers=2)
    assert len(started) == 1 and started[0].returncode is not None


def test_a_script_without_a_main_guard_reads_in_two_processes(tmp_path):
    """The second process imports nothing of the script that calls ``extract`` (a process of
    multiprocessing's spawn would run the script again)."""
    script = tmp_path / "script.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from helpers import dev_text\n"
        "from hy_analysis import extract\n"
        "from hy_analysis.extraction import second_process\n"
        "started = []\n"
        "real = second_process.SecondProcess.__init__\n"
        "def init(self, *a, **k):\n"
        "    started.append(1)\n"
        "    real(self, *a, **k)\n"
        "second_process.SecondProcess.__init__ = init\n"
        "text = dev_text(120_000)\n"
        "print(len(extract(text, date='2024-06-30', workers=2)), "
        "len(extract(text, date='2024-06-30', workers=1)), len(started))\n",
        encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    two, one, processes = done.stdout.split()
    assert two == one and int(one) > 100 and processes == "1"
