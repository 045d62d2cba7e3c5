"""Parameter definitions: validation messages, conversion from text, the summary, and that
every notebook's parameters cell matches its definition."""

import ast
import json

import pytest

from hy_analysis import ParameterError
from hy_analysis.params import (
    COMMON_PARAMS,
    NOTEBOOK_PARAMS,
    coerce_text,
    get_params,
    notebook_names,
    params_summary,
    user_data_files,
    validate_params,
)


def test_defaults_are_valid_for_every_notebook():
    for name in NOTEBOOK_PARAMS:
        values = validate_params(name)
        assert list(values) == [p.name for p in get_params(name)]


def test_unknown_region_lists_the_valid_choices():
    with pytest.raises(ParameterError) as info:
        validate_params("fdi_by_country", {"region": "Hà Nội"})
    message = str(info.value)
    assert "'region'" in message and "'Hà Nội'" in message
    assert "Hưng Yên" in message and "Bắc Giang" in message


def test_unknown_country_in_a_list_lists_the_valid_choices():
    with pytest.raises(ParameterError, match="'France'.*Japan, Korea, China"):
        validate_params("fdi_by_country", {"countries": ["Japan", "France"]})


def test_wrong_type_names_the_parameter_and_the_expected_type():
    with pytest.raises(ParameterError, match=r"'start_year': expected a number \(int\)"):
        validate_params("industrial_growth", {"start_year": "2021"})
    with pytest.raises(ParameterError, match="'include_other': expected true or false"):
        validate_params("fdi_by_country", {"include_other": "yes"})


def test_every_problem_is_reported_at_once():
    with pytest.raises(ParameterError) as info:
        validate_params("industrial_growth", {"lang": "fr", "end_year": 3000, "colour": 1})
    message = str(info.value)
    assert "'lang'" in message and "'end_year'" in message and "'colour'" in message


def test_cross_parameter_rules():
    with pytest.raises(ParameterError, match="start_year must be before end_year"):
        validate_params("industrial_growth", {"start_year": 2030, "end_year": 2025})
    with pytest.raises(ParameterError, match="give both or neither"):
        validate_params("urbanisation", {"baseline_year": 2023})
    assert validate_params("urbanisation", {"baseline_year": 2023,
                                            "baseline_rate": 40})["baseline_rate"] == 40.0


def test_a_single_value_becomes_a_one_item_list():
    assert validate_params("fdi_by_country", {"countries": "Japan"})["countries"] == ["Japan"]


@pytest.mark.parametrize(("notebook", "name", "text", "expected"), [
    ("industrial_growth", "scenario_growth", "[8, 10.5]", [8, 10.5]),
    ("industrial_growth", "scenario_growth", "8,10", [8.0, 10.0]),
    ("industrial_growth", "scenario_growth", "7; 9,5", [7.0, 9.5]),
    ("industrial_growth", "start_year", "2022", 2022),
    ("fdi_by_country", "countries", "Japan,Korea", ["Japan", "Korea"]),
    ("fdi_by_country", "include_other", "no", False),
    ("urbanisation", "baseline_rate", "none", None),
    ("urbanisation", "baseline_rate", "41,5", 41.5),
    ("overview", "regions", '["Đông Hưng"]', ["Đông Hưng"]),
])
def test_command_line_text_is_converted_to_the_parameter_type(notebook, name, text, expected):
    value = coerce_text(notebook, name, text)
    assert value == expected and type(value) is type(expected)
    if name != "baseline_rate":  # baseline_rate is only valid beside a baseline_year
        validate_params(notebook, {name: value})


def test_unconvertible_text_is_refused():
    with pytest.raises(ParameterError, match="'start_year': expected a number"):
        coerce_text("industrial_growth", "start_year", "next year")
    with pytest.raises(ParameterError, match="unknown parameter 'nope'"):
        coerce_text("industrial_growth", "nope", "1")


def test_summary_escapes_values():
    text = params_summary("overview", {"regions": ["<script>alert(1)</script>"]}, lang="en")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "Parameters of this run" in text


@pytest.mark.parametrize("notebook", notebook_names())
def test_summary_explains_every_parameter_in_the_pages_language(notebook):
    """A Vietnamese page's parameter table says what each parameter does in Vietnamese (it
    showed the English line beside Vietnamese labels), an English page in English."""
    for lang in ("vi", "en"):
        text = params_summary(notebook, {}, lang=lang)
        for p in get_params(notebook):
            line = next(r for r in text.splitlines() if r.startswith(f"| `{p.name}` |"))
            assert (p.help_vi if lang == "vi" else p.help) in line.replace("&#x27;", "'")
            assert p.help_vi and p.help_vi != p.help
            if lang == "vi":
                assert p.help not in line.replace("&#x27;", "'")


def _parameters_cell(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in notebook["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"{path.name}: expected exactly one cell tagged 'parameters'"
    values = {}
    for node in ast.parse("".join(cells[0]["source"])).body:
        assert isinstance(node, ast.Assign), f"{path.name}: parameters cell holds only literals"
        values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


@pytest.mark.parametrize("name", list(NOTEBOOK_PARAMS))
def test_each_notebook_parameters_cell_matches_its_definition(project_dir, name):
    path = project_dir / "notebooks" / f"{name}.ipynb"
    if not path.exists():
        pytest.fail(f"notebook {path} is missing")
    cell = _parameters_cell(path)
    expected = {p.name: p.default for p in get_params(name)}
    for common in COMMON_PARAMS:
        # A cell without a common parameter still runs (the runner does not pass it there);
        # where the cell has it, its literal must be the definition's default.
        if common.name not in cell:
            del expected[common.name]
    assert cell == expected


@pytest.mark.parametrize(("bounds", "value", "message"), [
    ({"min": 0}, -1, "at least 0"),
    ({"max": 10}, 11, "at most 10"),
    ({"min": 0, "max": 10}, 11, "outside the allowed range 0 to 10"),
])
def test_a_one_sided_range_gives_the_parameter_error(bounds, value, message):
    from hy_analysis.params import Param

    param = Param("x", "int", 1, "a number", **bounds)
    _, problems = param.check(value)
    assert problems == [f"parameter 'x': {value!r} is {message}"]
    assert param.check(5) == (5, [])


# ---------------------------------------------------------------- user_data (every notebook)


@pytest.mark.parametrize("name", list(NOTEBOOK_PARAMS))
def test_every_notebook_has_the_user_data_parameter(name):
    (user_data,) = [p for p in get_params(name) if p.name == "user_data"]
    assert user_data.type == "optional[list[path]]" and user_data.default is None
    assert validate_params(name)["user_data"] is None


def test_a_missing_user_file_names_the_parameter_and_the_path(tmp_path):
    missing = tmp_path / "nowhere" / "mine.csv"
    with pytest.raises(ParameterError) as info:
        validate_params("overview", {"user_data": [str(missing)]})
    message = str(info.value)
    assert "parameter 'user_data'" in message and str(missing) in message
    assert "no such file" in message


def test_user_files_must_be_csv_or_excel(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("x", encoding="utf-8")
    with pytest.raises(ParameterError, match="'user_data'.*not a CSV or Excel file"):
        validate_params("overview", {"user_data": [str(text)]})


def test_user_files_come_back_absolute(tmp_path, monkeypatch):
    (tmp_path / "mine.csv").write_text("id\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    values = validate_params("fdi_by_country", {"user_data": "mine.csv"})
    assert values["user_data"] == [str(tmp_path / "mine.csv")]
    assert coerce_text("overview", "user_data", "mine.csv, b.xlsx") == [
        str(tmp_path / "mine.csv"), str(tmp_path / "b.xlsx")]
    assert coerce_text("overview", "user_data", "none") is None


def test_the_default_user_data_is_the_user_folder_of_the_data_dir(tmp_path):
    assert user_data_files(None, data_dir=tmp_path) == []  # no user/ folder: no files
    user = tmp_path / "user"
    user.mkdir()
    for name in ("b.xlsx", "a.csv", ".hidden.csv", "notes.txt"):
        (user / name).write_text("", encoding="utf-8")
    assert user_data_files(None, data_dir=tmp_path) == [user / "a.csv", user / "b.xlsx"]
    assert user_data_files([], data_dir=tmp_path) == []


def test_choices_callables_with_and_without_a_data_dir(tmp_path):
    from hy_analysis.params import Param

    fixed = Param("c", "str", "a", "fixed vocabulary", choices=lambda: ("a", "b"))
    assert fixed.check("b", data_dir=tmp_path) == ("b", [])
    seen = []
    driven = Param("r", "str", "a", "from the data",
                   choices=lambda *, data_dir=None: seen.append(data_dir) or ("a",))
    assert driven.check("z", data_dir=tmp_path)[1] == [
        "parameter 'r': unknown value 'z'; valid choices: a"]
    assert seen == [tmp_path]
