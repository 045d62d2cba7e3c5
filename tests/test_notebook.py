"""The bootstrap every notebook calls first (hy_analysis.notebook.start)."""

from __future__ import annotations

import pytest

from hy_analysis import notebook
from hy_analysis.exceptions import ParameterError
from hy_analysis.params import TOOL_NOTEBOOKS, get_params, notebook_names


def test_start_validates_converts_and_loads_without_a_kernel():
    namespace = {"region": "Bắc Giang", "countries": "Japan", "include_other": False,
                 "lang": "en", "pd": object(), "__name__": "__main__"}  # other globals ignored
    run = notebook.start("fdi_by_country", namespace, show=False)
    assert run.params == {"region": "Bắc Giang", "countries": ["Japan"],
                          "include_other": False, "lang": "en", "user_data": None}
    assert run.countries == ["Japan"] and run.lang == "en"  # parameters as attributes
    assert {"Hưng Yên", "Bắc Giang"} <= set(run.targets["region"])
    assert not run.sources.empty and not run.urban_classes.empty and run.region_map.regions()
    with pytest.raises(AttributeError, match="no parameter or data 'regoin'"):
        run.regoin


def test_a_wrong_value_is_refused_before_any_data_is_read(monkeypatch):
    monkeypatch.setattr(notebook, "load_targets", lambda **kw: pytest.fail("data read"))
    with pytest.raises(ParameterError, match="valid choices: Japan, Korea, China"):
        notebook.start("fdi_by_country", {"countries": ["France"]}, show=False)


def test_user_rows_are_loaded_when_the_notebook_has_user_data(monkeypatch, fixtures_dir):
    mine = str(fixtures_dir / "good" / "utf8.csv")
    real = notebook.validate_params
    monkeypatch.setattr(notebook, "validate_params",
                        lambda name, values: {**real(name, values), "user_data": [mine]})
    run = notebook.start("urbanisation", {}, show=False)
    assert "user-urban-2025" in set(run.targets["id"])
    monkeypatch.undo()
    # Before branch runner adds the parameter, a stray user_data global is not read.
    has_param = "user_data" in {p.name for p in get_params("urbanisation")}
    run = notebook.start("urbanisation", {"user_data": [mine]}, show=False)
    assert ("user-urban-2025" in set(run.targets["id"])) == has_param


@pytest.mark.parametrize("name", [n for n in notebook_names() if n not in TOOL_NOTEBOOKS])
def test_filter_panel_offers_the_views_controls(name):
    from hy_analysis.views import VIEWS

    run = notebook.start(name, {}, show=False)
    panel = run.filter_panel()
    assert list(panel.controls) == list(VIEWS[name][1])
    assert set(panel.controls) <= {p.name for p in get_params(name)}


@pytest.mark.parametrize("lang, words", [("vi", "dòng trong tệp số liệu của bạn"),
                                         ("en", "row(s) of your data files")])
def test_rejected_user_rows_are_told_in_the_reports_language(tmp_path, project_dir, lang,
                                                             words):
    """A user file reusing a curated id put a Python UserWarning (code line, local paths) on
    the shared report's stderr; the reader now gets a sentence in the report's language and
    the validator's lines, and no warning is raised."""
    import warnings

    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()
    lines = (project_dir / "data" / "targets.csv").read_text(encoding="utf-8").splitlines()
    mine = tmp_path / "dup.csv"
    mine.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with capture_output() as shown:
            run = notebook.start("overview", {"user_data": [str(mine)], "lang": lang},
                                 show=True)
    text = " ".join(str(o.data.get("text/markdown", "")) for o in shown.outputs)
    assert f"**1 {words}" in text and f"{mine}:2: column 'id'" in text
    assert run.targets.attrs["report"].rows_rejected == 1
