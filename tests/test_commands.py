"""The commands as people type them: `hy-analysis validate` and the plain `papermill`."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def _run(*args, **kwargs):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600,
                          **kwargs)


def test_validate_passes_on_the_bundled_dataset(project_dir):
    result = _run(BIN / "hy-analysis", "validate", project_dir / "data" / "targets.csv")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problem(s)" in result.stdout


@pytest.mark.parametrize("name", ["percent_140.csv", "unknown_source.csv", "missing_column.csv",
                                  "excel_bad_row.xlsx"])
def test_validate_names_file_line_column_and_fails(fixtures_dir, name):
    path = fixtures_dir / "malformed" / name
    expected = {r.split(",")[0]: r.split(",") for r in
                (fixtures_dir / "malformed" / "EXPECTED.csv").read_text("utf-8").splitlines()}
    _, line, column, fragment = expected[name]
    result = _run(BIN / "hy-analysis", "validate", path)
    assert result.returncode == 1
    assert f"{path}:{line}: column '{column}'" in result.stdout
    assert fragment in result.stdout


def test_validate_undecodable_file_suggests_utf8(fixtures_dir):
    result = _run(BIN / "hy-analysis", "validate", fixtures_dir / "malformed" / "latin1.csv")
    assert result.returncode == 2
    assert "re-save the file as UTF-8" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def _outputs(notebook):
    data = json.loads(Path(notebook).read_text(encoding="utf-8"))
    return [o for c in data["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]


@pytest.mark.notebook
def test_plain_papermill_command_with_overrides(project_dir, tmp_path):
    out = tmp_path / "fdi.ipynb"
    result = _run(BIN / "papermill", project_dir / "notebooks" / "fdi_by_country.ipynb", out,
                  "-k", "python3", "-p", "lang", "en", "-y", "countries: [Korea]",
                  "-p", "include_other", "False", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    outputs = _outputs(out)
    text = json.dumps(outputs)
    assert "Parameters of this run" in text and "Korea" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)


@pytest.mark.notebook
def test_plain_papermill_refuses_an_unknown_region_with_the_choices(project_dir, tmp_path):
    result = _run(BIN / "papermill", project_dir / "notebooks" / "urbanisation.ipynb",
                  tmp_path / "out.ipynb", "-k", "python3", "-p", "region", "Hà Nội",
                  cwd=tmp_path)
    assert result.returncode != 0
    assert "ParameterError" in result.stderr and "Hưng Yên" in result.stderr
