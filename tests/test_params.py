"""Parameter definitions: validation messages, conversion from text, the summary, and that
every notebook's parameters cell matches its definition."""

import ast
import json

import pytest

from hy_analysis import ParameterError
from hy_analysis.params import (
    NOTEBOOK_PARAMS, coerce_text, get_params, params_summary, validate_params,
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
    assert cell == expected
