"""``hy-analysis`` argument handling: conversion, validation before any kernel, clear errors.

Nothing here starts a kernel; executing runs is tested in test_runner.py.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from hy_analysis import cli, runner
from hy_analysis.exceptions import ParameterError, RunError
from hy_analysis.manifest import sha256_file
from hy_analysis.params import notebook_names
from hy_analysis.paths import PROJECT_DIR

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
SCRIPT = Path(sys.executable).with_name("hy-analysis")


@pytest.fixture
def env(tmp_path, monkeypatch):
    """Notebooks named like the real ones (fixture content), a data copy, an output folder."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for name in notebook_names():
        shutil.copy(FIXTURES / "ok.ipynb", notebooks / f"{name}.ipynb")
    data = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", data)
    out = tmp_path / "outputs"
    for key, value in (("HY_NOTEBOOKS_DIR", notebooks), ("HY_DATA_DIR", data),
                       ("HY_OUTPUTS_DIR", out)):
        monkeypatch.setenv(key, str(value))
    return tmp_path


def _cli(*args, env_dir=None, check=None):
    environ = dict(os.environ)
    if env_dir is not None:
        environ.update(HY_NOTEBOOKS_DIR=str(env_dir / "notebooks"),
                       HY_DATA_DIR=str(env_dir / "data"),
                       HY_OUTPUTS_DIR=str(env_dir / "outputs"))
    return subprocess.run([str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          env=environ, timeout=300)


# ---------------------------------------------------------------- conversion


def test_p_values_are_converted_to_the_parameter_types(env):
    specs = runner.plan_runs(["industrial_growth"], overrides=[
        ("scenario_growth", "5,7.5"), ("start_year", "2022"), ("region", "Bắc Giang")])
    (spec,) = specs
    assert spec.params["scenario_growth"] == [5.0, 7.5]
    assert spec.params["start_year"] == 2022 and isinstance(spec.params["start_year"], int)
    (spec,) = runner.plan_runs(["fdi_by_country"], overrides=[
        ("countries", "Japan,Korea"), ("include_other", "no")])
    assert spec.params["countries"] == ["Japan", "Korea"]
    assert spec.params["include_other"] is False
    (spec,) = runner.plan_runs(["urbanisation"], overrides=[
        ("baseline_year", "2020"), ("baseline_rate", "41.5"), ("target_years", "[2025]")])
    assert spec.params["baseline_rate"] == 41.5 and spec.params["target_years"] == [2025]


def test_p_values_for_an_unknown_notebook_follow_its_parameters_cell(env):
    (spec,) = runner.plan_runs([FIXTURES / "ok.ipynb"], overrides=[
        ("n", "4"), ("rate", "2.5"), ("flag", "false"), ("items", "x,y"), ("label", "12")])
    assert spec.params == {"label": "12", "n": 4, "rate": 2.5, "flag": False,
                           "items": ["x", "y"]}


def test_defaults_give_the_defaults_slug(env):
    (spec,) = runner.plan_runs(["fdi_by_country"])
    assert spec.slug == "defaults"
    (spec,) = runner.plan_runs(["fdi_by_country"], overrides=[("region", "Bắc Giang")])
    assert spec.slug.startswith("region-bac-giang__")


def test_yaml_file_with_one_set_and_with_a_list(env, tmp_path):
    one = tmp_path / "one.yaml"
    one.write_text("region: Bắc Giang\ncountries: [Japan]\n", encoding="utf-8")
    (spec,) = runner.plan_runs(["fdi_by_country"], param_file=one)
    assert spec.params["region"] == "Bắc Giang" and spec.params["countries"] == ["Japan"]
    many = tmp_path / "many.yaml"
    many.write_text("- {countries: Japan}\n- {countries: 'Korea,China', include_other: no}\n",
                    encoding="utf-8")
    specs = runner.plan_runs(["fdi_by_country"], param_file=many)
    assert [s.params["countries"] for s in specs] == [["Japan"], ["Korea", "China"]]
    assert specs[1].params["include_other"] is False


def test_grid_runs_the_cross_product(env):
    specs = runner.plan_runs(["industrial_growth"], grid=[
        "region=Hưng Yên,Bắc Giang", "scenario_growth=[8,12],[5,10],7"])
    assert len(specs) == 6
    assert {tuple(s.params["scenario_growth"]) for s in specs} == {(8.0, 12.0), (5.0, 10.0),
                                                                   (7.0,)}
    assert len({s.slug for s in specs}) == 6


def test_a_parameter_applies_to_the_notebooks_that_declare_it(env):
    specs = runner.plan_runs([], overrides=[("lang", "en")])
    assert [s.notebook for s in specs] == ["industrial_growth", "fdi_by_country",
                                           "urbanisation", "overview", "attainment",
                                           "provinces_compared"]
    assert all(s.params["lang"] == "en" for s in specs)
    specs = runner.plan_runs([], grid=["countries=Japan,Korea"])
    assert len(specs) == 7  # two fdi runs, one of each of the others
    specs = runner.plan_runs([], grid=["tolerance=0.05,0.1"])
    assert [s.notebook for s in specs].count("attainment") == 2


# ---------------------------------------------------------------- validation before kernels


def test_unknown_parameter_is_refused_with_the_valid_names(env):
    with pytest.raises(ParameterError, match="valid parameters: .*countries"):
        runner.plan_runs(["fdi_by_country"], overrides=[("contries", "Japan")])
    with pytest.raises(ParameterError, match="unknown parameter 'bogus'"):
        runner.plan_runs([FIXTURES / "ok.ipynb"], overrides=[("bogus", "1")])


def test_one_bad_set_stops_every_run_before_any_kernel(env):
    result = _cli("run", "fdi_by_country", "--grid", "region=Hưng Yên,Atlantis", env_dir=env)
    assert result.returncode == 2
    assert "Atlantis" in result.stderr and "valid choices" in result.stderr
    assert "Hưng Yên" in result.stderr  # the valid choices are listed
    assert "Traceback" not in result.stderr
    assert not (env / "outputs").exists()


@pytest.mark.parametrize("args, message", [
    (["-p", "countries", "Mars"], "unknown value 'Mars'"),
    (["-p", "include_other", "maybe"], "expected true or false"),
    (["-p", "region", "../../x"], "valid choices"),
])
def test_invalid_values_name_the_parameter_and_choices(env, args, message):
    result = _cli("run", "fdi_by_country", *args, env_dir=env)
    assert result.returncode == 2
    assert message in result.stderr
    assert not (env / "outputs").exists()


def test_cross_checks_of_params_py_apply(env):
    with pytest.raises(ParameterError, match="start_year must be before end_year"):
        runner.plan_runs(["industrial_growth"], overrides=[("start_year", "2031")])
    with pytest.raises(ParameterError, match="'acceleration_needed' \\(0.97\\).*'on_track' "
                                             "\\(0.95\\)"):
        runner.plan_runs(["attainment"], overrides=[("acceleration_needed", "0.97")])
    (spec,) = runner.plan_runs(["attainment"], overrides=[("acceleration_needed", "0.95")])
    assert spec.params["acceleration_needed"] == 0.95  # equal thresholds: no middle band


def test_crossed_thresholds_stop_the_run_before_any_kernel(env):
    result = _cli("run", "attainment", "-p", "on_track", "0.5", env_dir=env)
    assert result.returncode == 2
    assert "acceleration_needed" in result.stderr and "on_track" in result.stderr
    assert not (env / "outputs").exists()


# ---------------------------------------------------------------- clear errors


@pytest.mark.parametrize("args, message", [
    (["run", "no_such_notebook"], "notebook not found"),
    (["run", "fdi_by_country", "-f", "/nonexistent/params.yaml"], "cannot read parameters file"),
    (["run", "fdi_by_country", "-p", "nope", "1"], "unknown parameter 'nope'"),
    (["run", "fdi_by_country", "--grid", "region"], "expected NAME=VALUE1,VALUE2"),
])
def test_errors_are_one_clear_line_without_traceback(env, args, message):
    result = _cli(*args, env_dir=env)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stderr.startswith("hy-analysis: error: ")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args, message", [
    (["run", "industrial_growth", "-p", "scenario_growth", "nan"],
     "parameter 'scenario_growth': 'nan' is not a finite number"),
    (["run", "attainment", "-p", "tolerance", "nan"],
     "parameter 'tolerance': 'nan' is not a finite number"),
    (["run", "industrial_growth", "-p", "scenario_growth", "inf"], "not a finite number"),
    (["run", str(FIXTURES / "ok.ipynb"), "-p", "rate", "nan"], "'rate': 'nan' is not a finite"),
    (["run", "fdi_by_country", "--timeout", "-1"], "option --timeout: -1.0 is not a positive"),
    (["run", "fdi_by_country", "--timeout", "nan"], "option --timeout: nan is not a positive"),
    (["run", "fdi_by_country", "--output-dir", "/etc/passwd"],
     "option --output-dir: '/etc/passwd' is a file, not a folder"),
    (["run", "fdi_by_country", "--output-dir", "/etc/passwd/sub"],
     "option --output-dir: cannot create folder '/etc/passwd/sub': '/etc/passwd' is not a "
     "folder"),
])
def test_nan_negative_times_and_bad_output_folders_are_refused_at_planning(env, args, message):
    """Issue 19: these ran (printing "nan"), failed inside the kernel (exit 1) or gave a
    traceback; now each is one line and exit 2 before any kernel starts."""
    result = _cli(*args, env_dir=env)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("hy-analysis: error: ") and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (env / "outputs").exists()


def test_the_run_cache_is_keyed_on_library_versions(env, monkeypatch):
    """An upgraded pandas must not leave outputs "up to date"."""
    from hy_analysis import manifest

    (before,) = runner.plan_runs(["fdi_by_country"])
    real = manifest.versions()
    monkeypatch.setattr(manifest, "versions", lambda: {**real, "pandas": "99.0"})
    monkeypatch.setattr(runner.plan, "versions", manifest.versions)
    (after,) = runner.plan_runs(["fdi_by_country"])
    assert after.fingerprint != before.fingerprint
    assert after.inputs["library_versions"]["pandas"] == "99.0"


def test_library_versions_are_those_importlib_reads(tmp_path, monkeypatch):
    """The header-only read gives what ``importlib.metadata.version`` gives, also for a
    distribution whose long description has a line starting with "Version:"."""
    from importlib.metadata import PackageNotFoundError, version

    from hy_analysis import manifest

    for name, found in manifest.versions().items():
        if name != "python":
            try:
                assert found == version(name), name
            except PackageNotFoundError:
                assert found is None, name
    dist = tmp_path / "fake_pkg-1.2.3.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-pkg\nVersion: 1.2.3\n"
                                   "\nVersion: 9.9.9 (in the description)\n",
                                   encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert manifest._version("fake-pkg") == version("fake-pkg") == "1.2.3"
    assert manifest._version("no-such-distribution-here") is None


def test_verbose_shows_the_traceback(env):
    result = _cli("run", "no_such_notebook", "--verbose", env_dir=env)
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_unreadable_yaml_is_one_line(env, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("region: [unclosed\n", encoding="utf-8")
    result = _cli("run", "fdi_by_country", "-f", bad, env_dir=env)
    assert result.returncode == 2 and "not valid YAML" in result.stderr
    bad.write_text("- 1\n- 2\n", encoding="utf-8")
    result = _cli("run", "fdi_by_country", "-f", bad, env_dir=env)
    assert result.returncode == 2 and "expected a mapping" in result.stderr


def test_missing_kernel_is_reported_before_anything_runs(env, tmp_path):
    nb = json.loads((FIXTURES / "ok.ipynb").read_text(encoding="utf-8"))
    nb["metadata"]["kernelspec"]["name"] = "no-such-kernel"
    path = tmp_path / "nokernel.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    result = _cli("run", path, env_dir=env)
    assert result.returncode == 2
    assert "no such Jupyter kernel 'no-such-kernel'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (env / "outputs" / "nokernel").exists()


# ---------------------------------------------------------------- other subcommands


def test_list_shows_every_notebook_and_parameter(capsys):
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    for name in ("industrial_growth", "fdi_by_country", "urbanisation", "overview",
                 "attainment", "acceleration_needed", "scenario_growth", "list[float]",
                 "include_other", "optional[int]"):
        assert name in out
    assert "investor countries shown" in out


def test_validate_runs_validate_command(monkeypatch):
    seen = []
    monkeypatch.setattr(cli, "validate_command", lambda paths: seen.append(paths) or 3)
    assert cli.main(["validate", "a.csv", "b.csv"]) == 3
    assert seen == [["a.csv", "b.csv"]]


def _malformed_cases():
    with open(FIXTURES.parent / "malformed" / "EXPECTED.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_validate_command_exit_codes(fixtures_dir, project_dir):
    out = StringIO()
    assert cli.validate_command([str(project_dir / "data" / "targets.csv")], out) == 0
    assert "0 problem(s)" in out.getvalue()
    out = StringIO()
    assert cli.validate_command([str(fixtures_dir / "malformed" / "percent_140.csv")], out) == 1
    assert "percent_140.csv:3: column 'value_raw'" in out.getvalue()
    out = StringIO()
    assert cli.validate_command([str(fixtures_dir / "malformed" / "latin1.csv")], out) == 2
    assert "UTF-8" in out.getvalue()



def test_validate_rejects_ids_the_project_already_uses(tmp_path, project_dir):
    """A run reads the user's file beside data/targets.csv and rejects a reused id (and a
    sources file beside data/sources.csv): validate says so first, naming both places."""
    import csv as _csv

    own = project_dir / "data" / "targets.csv"
    with open(own, encoding="utf-8") as handle:
        header, first = next(iter([(r.keys(), r) for r in _csv.DictReader(handle)]))
    mine = tmp_path / "mine.csv"
    with open(mine, "w", encoding="utf-8", newline="") as handle:
        writer = _csv.DictWriter(handle, fieldnames=list(header))
        writer.writeheader()
        writer.writerow(first)                      # the project's id, reused
        writer.writerow({**first, "id": "my-own-row"})  # a new id: valid
    out = StringIO()
    assert cli.validate_command([str(mine)], out) == 1
    text = out.getvalue()
    assert f"{mine}:2: column 'id'" in text and f"already used at {own}:2" in text
    assert f"{mine}:3" not in text
    # the project's id in capitals is the same id to a reader: refused the same way
    with open(mine, "w", encoding="utf-8", newline="") as handle:
        writer = _csv.DictWriter(handle, fieldnames=list(header))
        writer.writeheader()
        writer.writerow({**first, "id": first["id"].upper()})
    out = StringIO()
    assert cli.validate_command([str(mine)], out) == 1
    text = out.getvalue()
    assert f"{mine}:2: column 'id'" in text and f"already used at {own}:2" in text
    assert f"as {first['id']!r}, letter case aside" in text

    with open(project_dir / "data" / "sources.csv", encoding="utf-8") as handle:
        source = next(_csv.DictReader(handle))
    sources = tmp_path / "sources.csv"
    with open(sources, "w", encoding="utf-8", newline="") as handle:
        writer = _csv.DictWriter(handle, fieldnames=list(source))
        writer.writeheader()
        writer.writerow(source)
    out = StringIO()
    assert cli.validate_command([str(sources)], out) == 1
    assert "already used at" in out.getvalue() and "sources.csv:2" in out.getvalue()
    # The project's own files are not checked against themselves.
    out = StringIO()
    assert cli.validate_command([str(project_dir / "data" / "sources.csv")], out) == 0


@pytest.mark.parametrize("case", _malformed_cases(), ids=lambda c: c["file"])
def test_validate_command_fails_precisely_on_every_malformed_file(fixtures_dir, case):
    out = StringIO()
    path = fixtures_dir / "malformed" / case["file"]
    status = cli.validate_command([str(path)], out)
    assert status in (1, 2)
    where = f"{path}:{case['line']}" if case["line"] != "0" else str(path)
    assert where in out.getvalue() and case["fragment"] in out.getvalue()


PACKAGE = Path(cli.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    """Absolute names of every module ``path`` imports, at top level or inside functions."""
    import ast

    parts = ["hy_analysis", *path.relative_to(PACKAGE).with_suffix("").parts]
    package = parts[:-1]  # the package a relative import starts from
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found |= {f"{module}.{a.name}" for a in node.names}
    return found


def test_the_core_never_imports_the_command_line():
    """validation printed and returned exit codes once; now only cli does, only cli imports
    cli, and validation no longer imports loading (the loading <-> validation cycle)."""
    offenders = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                 if p.name != "cli.py" and "hy_analysis.cli" in _imported_modules(p)}
    assert offenders == set()
    assert "hy_analysis.loading" not in _imported_modules(PACKAGE / "validation.py")
    assert not hasattr(__import__("hy_analysis.validation").validation, "validate_command")


FORBIDDEN_IN_RUNNER = ("hy_analysis.widgets", "hy_analysis.charts", "hy_analysis.plotting",
                       "hy_analysis.display", "hy_analysis.views", "ipywidgets", "matplotlib",
                       "seaborn")


def test_the_runner_imports_no_widgets_or_charts():
    files = sorted((PACKAGE / "runner").glob("*.py"))
    assert {p.name for p in files} >= {"discovery.py", "plan.py", "kernel.py", "worker.py",
                                       "pool.py"}
    offenders = {f"{p.name}: {m}" for p in files for m in _imported_modules(p)
                 if m.startswith(FORBIDDEN_IN_RUNNER)}
    assert offenders == set()
    assert "hy_analysis.runner.worker" in _imported_modules(PACKAGE / "runner" / "pool.py")


def test_subcommands_come_from_a_registry():
    assert {"run", "list", "validate"} <= set(cli.COMMANDS)

    @cli.command("hello", "say hello", lambda parser: parser.add_argument("who"))
    def _hello(args):
        return 0 if args.who == "you" else 1

    try:
        assert cli.main(["hello", "you"]) == 0
    finally:
        del cli.COMMANDS["hello"]


def test_run_errors_are_hy_analysis_errors():
    with pytest.raises(RunError):
        runner.read_param_file("/nonexistent.yaml")


def test_region_choices_come_from_the_data_dir_of_the_plan(env, tmp_path):
    other = tmp_path / "other-data"
    shutil.copytree(env / "data", other)
    with open(other / "regions.csv", "a", encoding="utf-8") as handle:
        handle.write("Nghệ An,province,,only here\n")
    (spec,) = runner.plan_runs(["fdi_by_country"], data_dir=other,
                               overrides=[("region", "Nghệ An")])
    assert spec.params["region"] == "Nghệ An"
    with pytest.raises(ParameterError, match="unknown value 'Nghệ An'.*no figures"):
        runner.plan_runs(["fdi_by_country"], overrides=[("region", "Nghệ An")])


# ---------------------------------------------------------------- user_data


@pytest.fixture
def user_env(env):
    """``overview`` is a notebook whose parameters cell reads user_data."""
    shutil.copy(FIXTURES / "reads_user_data.ipynb", env / "notebooks" / "overview.ipynb")
    return env


def test_a_missing_user_file_stops_the_plan_naming_parameter_and_path(user_env):
    result = _cli("run", "overview", "-p", "user_data", "nowhere/mine.csv", env_dir=user_env)
    assert result.returncode == 2
    assert "parameter 'user_data'" in result.stderr and "nowhere/mine.csv" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (user_env / "outputs").exists()


def test_user_files_are_part_of_the_cache_key(user_env, tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text("id\n1\n", encoding="utf-8")
    (first,) = runner.plan_runs(["overview"], overrides=[("user_data", str(mine))])
    assert first.params["user_data"] == [str(mine)]
    assert first.inputs["user_data_sha256"] == {str(mine): sha256_file(mine)}
    (same,) = runner.plan_runs(["overview"], overrides=[("user_data", str(mine))])
    assert same.fingerprint == first.fingerprint
    mine.write_text("id\n2\n", encoding="utf-8")
    (changed,) = runner.plan_runs(["overview"], overrides=[("user_data", str(mine))])
    assert changed.fingerprint != first.fingerprint and changed.slug == first.slug


def test_the_default_user_data_is_the_user_folder_and_is_hashed(user_env):
    (before,) = runner.plan_runs(["overview"])
    assert before.params["user_data"] is None and before.slug == "defaults"
    assert before.inputs["user_data_sha256"] == {}
    user = user_env / "data" / "user"
    user.mkdir()
    (user / "extra.csv").write_text("id\n", encoding="utf-8")
    (after,) = runner.plan_runs(["overview"])
    assert after.inputs["user_data_sha256"] == {
        str(user / "extra.csv"): sha256_file(user / "extra.csv")}
    assert after.fingerprint != before.fingerprint and after.slug == "defaults"


def test_a_notebook_that_does_not_read_user_data_yet_still_plans(env, tmp_path):
    (spec,) = runner.plan_runs(["overview"])  # the fixture's parameters cell lacks user_data
    assert "user_data" not in spec.params and "user_data_sha256" not in spec.inputs
    mine = tmp_path / "mine.csv"
    mine.write_text("id\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="'user_data': this notebook's parameters cell "
                                             "does not read it yet"):
        runner.plan_runs(["overview"], overrides=[("user_data", str(mine))])
