"""Audit 12b of the two-process extraction (speed12): the failures it showed, first marked
xfail (strict), now mended: each test shows its failure stays gone (a long text read in a fresh
process, code changed on disk never mixed into the rows, half an answer is the second
process's error). See AUDIT-session12-processes.md.
"""

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hy_analysis.extraction import core, second_process
from hy_analysis.extraction.reading import load_vocabulary

from helpers import dev_text

TESTS = Path(__file__).parent
ROOT = TESTS.parent


def test_the_place_name_caches_do_not_share_a_key():
    vocab = dataclasses.replace(load_vocabulary(), _pattern={})  # (a fresh vocabulary)
    core._known_place_names(vocab)  # (as _breakdown asks first, in a fresh parent process)
    text = "Năm 2024, tỉnh Bắc Ninh có GRDP tăng 8%."
    assert core._places(vocab, text, 0, len(text)) is not None
    assert isinstance(core._known_place_names(vocab), (set, frozenset))


@pytest.mark.skipif(core._usable_cpus() < 2, reason="one CPU: one process by default")
def test_the_command_reads_a_long_text_in_a_fresh_process(tmp_path):
    document = tmp_path / "long.txt"
    document.write_text(dev_text(1_500_000), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "hy_analysis.cli", "extract", str(document), "--date",
         "2024-06-30", "-o", str(tmp_path / "rows.csv")],
        capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-600:]


def test_code_changed_on_disk_is_not_mixed_into_the_rows(tmp_path):
    shutil.copytree(ROOT / "hy_analysis", tmp_path / "hy_analysis",
                    ignore=shutil.ignore_patterns("__pycache__"))
    script = tmp_path / "script.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        f"sys.path.insert(1, {str(TESTS)!r})\n"
        "from pathlib import Path\n"
        "from helpers import dev_text\n"
        "from hy_analysis import extract\n"
        "from hy_analysis.extraction import core\n"
        "extract('Năm 2024, kim ngạch xuất khẩu đạt 7 tỷ USD.', date='2023-12-01')\n"
        "core_py = Path(core.__file__)\n"
        "src = core_py.read_text(encoding='utf-8')\n"
        "old = '        prev_end = fig.end\\n    return rows\\n'\n"
        "assert src.count(old) == 1\n"
        "core_py.write_text(src.replace(old, '        prev_end = fig.end\\n'\n"
        "    '        if fig.start > 200_000:\\n'\n"
        "    '            rows[-1][\"source_id\"] = \"NEW CODE\"\\n    return rows\\n'),\n"
        "    encoding='utf-8')\n"
        "rows = extract(dev_text(300_000), date='2024-06-30', workers=2)\n"
        "print((rows['source_id'] == 'NEW CODE').sum(), len(rows))\n",
        encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300,
                          env={**os.environ, "HY_DATA_DIR": str(ROOT / "data")})
    if done.returncode != 0:
        return  # (an error instead of mixed rows is acceptable)
    new, total = map(int, done.stdout.split())
    assert total > 100
    # (only rows past character 200,000 were changed on disk, after the warm-up's rows)
    assert new == 0  # the rows of the code this process runs, not of two


def test_a_truncated_answer_is_a_second_process_error(monkeypatch):
    real = subprocess.Popen
    here = str(Path(second_process.__file__).with_name("core.py").resolve())
    # a child that sends the check's answer, then half of its next one, then dies
    child = ("import pickle, sys, os\n"
             "out = sys.stdout.buffer\n"
             f"out.write(pickle.dumps(('ok', {here!r})))\n"
             "data = pickle.dumps(('ok', list(range(100000))))\n"
             "out.write(data[:len(data) // 2]); out.flush()\n"
             "os._exit(9)\n")

    def popen(args, **kwargs):
        return real([sys.executable, "-c", child], **kwargs)

    monkeypatch.setattr(second_process.subprocess, "Popen", popen)
    with second_process.SecondProcess("/nonexistent", None) as process:
        with pytest.raises(second_process.SecondProcessError):
            process.receive()
