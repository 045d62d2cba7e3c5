"""The review of extracted figures: highlighting, accept / reject / edit, validated and
idempotent save, the panel's widgets, the notebook's parameters and a headless run."""

import csv
import shutil

import pytest

from hy_analysis import review
from hy_analysis.exceptions import DataFileError, ParameterError
from hy_analysis.params import TOOL_NOTEBOOKS, notebook_names, validate_params
from hy_analysis.paths import PROJECT_DIR, data_dir


@pytest.fixture
def rv(tmp_path):
    """A review of the bundled sample report, saving to a file in tmp_path, its first row
    rejected to start with (so that the tests below cover a rejected row and its edits)."""
    opened = review.open_review("", user_data=[tmp_path / "user" / "mine.csv"])
    opened.candidates.loc[0, "decision"] = "reject"
    return opened


def _saved(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_sample_document_is_in_the_repository_and_gives_candidates(tmp_path):
    rv = review.open_review("", user_data=[tmp_path / "mine.csv"])
    assert rv.document.is_relative_to(PROJECT_DIR) and rv.document.is_file()
    assert list(rv.candidates["value_raw"]) == [
        "khoảng 8%/năm", "10-11%/năm", "trên 48%", "6%", "5.100 USD", "khoảng 12 nghìn hộ"]
    # Rows with a known indicator start accepted, the others rejected ("tăng trưởng bình
    # quân" of the economy names GRDP growth; "hộ" has no indicator).
    assert list(rv.candidates["decision"]) == ["accept", "accept", "accept", "accept", "accept",
                                               "reject"]


def test_every_candidate_is_marked_in_place_and_text_is_escaped_once(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("<b>Tin & bài</b>: năm 2024, tỷ lệ đô thị hóa đạt 48%.", encoding="utf-8")
    rv = review.open_review(doc, date="2024-12-31", source_id="x")
    page = review.highlight_html(rv.text, rv.candidates)
    assert "&lt;b&gt;Tin &amp; bài&lt;/b&gt;" in page and "&amp;amp;" not in page
    assert page.count('<mark class="hy-candidate"') == len(rv.candidates) == 1
    assert '>#0 48%</mark>' in page


def test_accept_reject_edit_become_the_rows_written(rv):
    accepted = review.decide(rv.candidates, {3: "reject"}, {0: {"indicator": "grdp_growth"}})
    # An edit alone does not accept a rejected row; the panel accepts it when a field changes.
    assert 0 not in accepted.index
    accepted = review.decide(rv.candidates, {0: "accept", 3: "reject"},
                             {0: {"indicator": "grdp_growth"}, 2: {"value_raw": "trên 49%"}})
    result = review.save(rv, accepted)
    assert result.problems == []
    rows = _saved(rv.user_file)
    assert [(r["indicator"], r["value_raw"]) for r in rows] == [
        ("grdp_growth", "khoảng 8%/năm"), ("iip_growth", "10-11%/năm"),
        ("urbanisation_rate", "trên 49%"), ("grdp_per_capita", "5.100 USD")]
    assert rows[0]["indicator_vi"] == "Tốc độ tăng trưởng GRDP"
    assert rows[3]["unit"] == "USD"  # the dataset keeps per-capita money in the currency
    assert rows[0]["source_locator"].startswith("sample-report-2023.txt, characters ")


def test_an_invalid_row_is_shown_with_its_error_and_not_written(rv):
    accepted = review.decide(rv.candidates, {5: "accept"})
    result = review.save(rv, accepted)
    assert len(result.written) == 4
    (problem,) = result.problems
    assert "khoảng 12 nghìn hộ" in problem and "column 'indicator'" in problem
    assert "unknown" in problem and "data/indicators.csv" in problem
    assert all(r["value_raw"] != "khoảng 12 nghìn hộ" for r in _saved(rv.user_file))
    html = result.format("en")
    assert "failed validation" in html and "khoảng 12 nghìn hộ" in html


def test_saving_twice_writes_nothing_new(rv):
    accepted = review.decide(rv.candidates)
    first = review.save(rv, accepted)
    before = rv.user_file.read_bytes()
    second = review.save(rv, accepted)
    assert len(first.written) == 4 and second.written.empty and len(second.already) == 4
    assert second.problems == [] and rv.user_file.read_bytes() == before
    assert "already in the file" in second.format("en")


def test_the_saved_file_is_a_valid_user_file_the_dataset_loads(rv):
    from hy_analysis import load_targets

    review.save(rv, review.decide(rv.candidates, {0: "accept"},
                                  {0: {"indicator": "grdp_growth"}}))
    frame = load_targets(extra=[rv.user_file], strict=True)
    mine = frame[frame["id"].str.startswith("hy-kh87-2023-grdp-growth")]
    assert list(mine["value_raw"]) == ["khoảng 8%/năm"] and list(mine["low"]) == [8.0]


def test_an_unregistered_document_is_refused_with_the_row_to_add(tmp_path):
    doc = tmp_path / "bao-cao.txt"
    doc.write_text("Năm 2024, tỷ lệ đô thị hóa của tỉnh đạt 48%.", encoding="utf-8")
    rv = review.open_review(doc, date="2024-12-31", user_data=[tmp_path / "mine.csv"])
    assert rv.source_id == "bao-cao"
    result = review.save(rv, review.decide(rv.candidates))
    assert result.unknown_source and "column 'source_id'" in result.problems[0]
    assert not (tmp_path / "mine.csv").exists()
    row = review.source_row(rv)
    assert (row["id"], row["date"], row["language"]) == ("bao-cao", "2024-12-31", "vi")


def test_wrong_decisions_edits_and_documents_name_the_value(rv, tmp_path):
    with pytest.raises(ParameterError, match="unknown decision 'maybe'"):
        review.decide(rv.candidates, {1: "maybe"})
    with pytest.raises(ParameterError, match="no candidate row 99"):
        review.decide(rv.candidates, {99: "accept"})
    with pytest.raises(ParameterError, match="column 'char_start' cannot be edited"):
        review.decide(rv.candidates, edits={1: {"char_start": 3}})
    with pytest.raises(DataFileError, match="missing.docx"):
        review.open_review(tmp_path / "missing.docx")
    with pytest.raises(ParameterError, match="'fr'"):
        review.open_review("", lang="fr")


def test_the_panel_reads_decisions_and_edits_from_its_widgets(rv):
    pytest.importorskip("ipywidgets")
    panel = review.review_panel(rv)
    assert len(panel.rows) == len(rv.candidates)
    toggle, _, indicator = panel.rows[0].children[:3]
    assert toggle.value == "reject"
    indicator.value = "industry_grdp_growth"
    assert toggle.value == "accept"  # editing a row accepts it
    panel.rows[3].children[0].value = "reject"
    panel.save_button.click()
    assert [r["value_raw"] for r in _saved(rv.user_file)] == [
        "khoảng 8%/năm", "10-11%/năm", "trên 48%", "5.100 USD"]
    assert "4" in panel.result.value
    panel.save_button.click()
    assert len(_saved(rv.user_file)) == 4


def test_the_review_notebook_is_a_tool_left_out_of_a_run_of_everything(tmp_path):
    from hy_analysis.runner import plan_runs

    assert "review_extraction" in notebook_names() and "review_extraction" in TOOL_NOTEBOOKS
    params = validate_params("review_extraction")
    assert (params["document"], params["user_data"]) == ("", None)
    with pytest.raises(ParameterError, match="region"):
        validate_params("review_extraction", {"region": "Atlantis"})
    everything = {s.notebook for s in plan_runs([], output_dir=tmp_path)}
    assert everything and "review_extraction" not in everything
    named = plan_runs(["review_extraction"], output_dir=tmp_path)
    assert [s.notebook for s in named] == ["review_extraction"]


def test_the_review_notebook_runs_headlessly_with_papermill(tmp_path, monkeypatch):
    papermill = pytest.importorskip("papermill")

    data = tmp_path / "data"
    shutil.copytree(data_dir(), data, ignore=shutil.ignore_patterns("user"))
    monkeypatch.setenv("HY_DATA_DIR", str(data))  # the kernel inherits it
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(PROJECT_DIR / "notebooks/review_extraction.ipynb"), str(out),
        kernel_name="python3", parameters={"lang": "en"}, cwd=str(tmp_path),
        progress_bar=False, execution_timeout=300)
    text = out.read_text(encoding="utf-8")
    assert 'class=\\"hy-candidate\\"' in text and "khoảng 8%/năm" in text
    assert not (data / "user").exists()  # nothing is saved without a click


# --------------------------------------------------------------------------- new documents


@pytest.fixture
def own_data(tmp_path, monkeypatch):
    """A copy of the data folder (the user's sources file is written inside it)."""
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("user"))
    monkeypatch.setenv("HY_DATA_DIR", str(folder))
    return folder


def _new_document(tmp_path):
    doc = tmp_path / "bao-cao-2024.txt"
    doc.write_text("Báo cáo kinh tế năm 2024\n\nNăm 2024, tỷ lệ đô thị hóa của tỉnh đạt 48%.",
                   encoding="utf-8")
    return doc


@pytest.mark.parametrize("existing", [None, ""])
def test_save_creates_a_missing_or_blank_user_file_with_its_header(rv, tmp_path, existing):
    target = tmp_path / "new" / "folder" / "mine.csv"
    if existing is not None:
        target.parent.mkdir(parents=True)
        target.write_text(existing, encoding="utf-8")
    rv.user_file = target
    result = review.save(rv, review.decide(rv.candidates))
    assert not result.problems and len(result.written) == 4
    with open(target, encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    from hy_analysis.schema import TARGET_COLUMNS

    assert header == list(TARGET_COLUMNS) and len(_saved(target)) == 4


def test_a_new_document_is_registered_as_a_source_and_its_rows_then_save(own_data, tmp_path):
    from hy_analysis import load_targets
    from hy_analysis.loading import user_sources_file

    rv = review.open_review(_new_document(tmp_path), date="2025-01-15",
                            user_data=[tmp_path / "mine.csv"], data_dir=own_data)
    assert review.save(rv, review.decide(rv.candidates)).unknown_source
    row, where, written = review.register_source(rv, url="https://example.org/bao-cao")
    assert written and where == user_sources_file(own_data) == own_data / "user" / "sources.csv"
    assert (row["id"], row["title"], row["date"], row["language"]) == (
        "bao-cao-2024", "Báo cáo kinh tế năm 2024", "2025-01-15", "vi")
    assert review.register_source(rv)[2] is False  # registering twice writes nothing
    result = review.save(rv, review.decide(rv.candidates))
    assert not result.problems and not result.unknown_source and len(result.written) == 1
    # loading reads the user's sources file: the saved rows load without sources=...
    frame = load_targets(extra=[rv.user_file], strict=True, data_dir=own_data)
    assert "bao-cao-2024" in set(frame["source_id"])
    # the notebooks' default user data (every file of data/user/) leaves the sources file out
    from hy_analysis.params import user_data_files

    rv.user_file.replace(own_data / "user" / "bao-cao-2024.csv")
    assert [p.name for p in user_data_files(None, data_dir=own_data)] == ["bao-cao-2024.csv"]


def test_a_bad_source_field_is_refused_naming_it(own_data, tmp_path):
    rv = review.open_review(_new_document(tmp_path), date="2025-01-15", data_dir=own_data)
    with pytest.raises(ParameterError, match="'date'.*2025-13-01"):
        review.register_source(rv, date="2025-13-01")
    with pytest.raises(ParameterError, match="'url'.*javascript"):
        review.register_source(rv, url="javascript:alert(1)")
    assert not (own_data / "user" / "sources.csv").exists()


def test_the_source_form_registers_from_its_widgets(own_data, tmp_path):
    pytest.importorskip("ipywidgets")
    rv = review.open_review(_new_document(tmp_path), date="2025-01-15", data_dir=own_data,
                            lang="en")
    form = rv.source_panel()
    form.fields["title"].value = "Economic report 2024"
    form.fields["date"].value = "2024/12/11"
    form.register_button.click()
    assert "date" in form.result.value and not (own_data / "user" / "sources.csv").exists()
    form.fields["date"].value = "2024-12-11"
    form.register_button.click()
    assert "written" in form.result.value
    with open(own_data / "user" / "sources.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["title"], r["date"]) for r in rows] == [("Economic report 2024", "2024-12-11")]


def test_validate_checks_a_sources_file_as_one(tmp_path):
    import io

    from hy_analysis.cli import validate_command

    out = io.StringIO()
    assert validate_command([str(data_dir() / "sources.csv")], out=out) == 0
    assert "0 problem(s)" in out.getvalue() and "source_id" not in out.getvalue()
    bad = tmp_path / "sources.csv"
    bad.write_text("id,title,date,language,url\nBad Id,,2024-13,fr,javascript:x\n"
                   "ok-1,T,2024,vi,\nok-1,T,2024,en,\n", encoding="utf-8")
    out = io.StringIO()
    assert validate_command([str(bad)], out=out) == 1
    report = out.getvalue()
    for column in ("'id'", "'title'", "'date'", "'language'", "'url'", "a unique id"):
        assert column in report, report
    assert "2 rejected" in report
