"""Loading and validation: the malformed corpus, lenient vs strict, encodings, Excel."""

import csv
import warnings
from pathlib import Path

import pandas as pd
import pytest

from hy_analysis import DataFileError, ValidationError
from hy_analysis.loading import load_targets, read_targets

FIXTURES = Path(__file__).parent / "fixtures"


def _expected(fixtures_dir):
    with open(fixtures_dir / "malformed" / "EXPECTED.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_corpus_has_at_least_20_malformed_files(fixtures_dir):
    assert len(_expected(fixtures_dir)) >= 20


def _row_cases(fixtures_dir):
    return [c for c in _expected(fixtures_dir) if c["line"] != "0"]


@pytest.mark.parametrize("case", _row_cases(FIXTURES),
                         ids=lambda c: c["file"])
def test_each_malformed_file_names_file_line_column_and_expectation(fixtures_dir, case):
    path = fixtures_dir / "malformed" / case["file"]
    frame, report = read_targets([path], include_bundled=False)
    assert not report.ok
    matching = [i for i in report.issues
                if i.file == str(path) and i.line == int(case["line"])
                and i.column == case["column"] and case["fragment"] in i.expected]
    assert matching, report.format()
    message = matching[0].format()
    assert f"{path}:{case['line']}" in message and "expected" in message
    if int(case["line"]) > 1:
        # The valid row of the same file still loads; only the bad one is rejected.
        assert list(frame["id"]) == ["user-urban-2025"]
        assert report.rows_rejected == 1


@pytest.mark.parametrize("case", [c for c in _expected(FIXTURES)
                                  if c["line"] == "0"], ids=lambda c: c["file"])
def test_unreadable_files_raise_a_clear_error(fixtures_dir, case):
    path = fixtures_dir / "malformed" / case["file"]
    with pytest.raises(DataFileError, match=case["fragment"]) as info:
        read_targets([path], include_bundled=False)
    assert str(path) in str(info.value)


def test_every_problem_is_listed_not_just_the_first(tmp_path, fixtures_dir):
    text = (fixtures_dir / "malformed" / "unknown_kind.csv").read_text(encoding="utf-8")
    rows = text.splitlines()
    bad = rows[2].replace("percent", "dollars").replace("2025,2025", "2025,20x5")
    (tmp_path / "many.csv").write_text("\n".join([rows[0], rows[1], bad]) + "\n",
                                       encoding="utf-8")
    _, report = read_targets([tmp_path / "many.csv"], include_bundled=False)
    columns = {i.column for i in report.issues}
    assert {"kind", "unit", "period_end"} <= columns


@pytest.mark.parametrize("name", ["utf8.csv", "utf8_bom.csv", "utf16.csv", "crlf_nbsp.csv",
                                  "extra_header_row.xlsx"])
def test_good_files_in_every_encoding_load(fixtures_dir, name):
    frame, report = read_targets([fixtures_dir / "good" / name], include_bundled=False)
    assert report.ok, report.format()
    assert list(frame["id"]) == ["user-urban-2025", "user-urban-2030"]
    assert frame["low"].tolist() == [48.0, 58.0]
    assert frame["qualifier"].astype(str).tolist() == ["above", "about"]


def test_excel_line_numbers_are_sheet_rows(fixtures_dir):
    _, report = read_targets([fixtures_dir / "malformed" / "excel_bad_row.xlsx"],
                             include_bundled=False)
    assert [i.line for i in report.issues] == [4]


def test_bundled_dataset_is_valid_and_typed():
    frame = load_targets(strict=True)
    assert len(frame) > 100
    assert frame["id"].is_unique
    assert isinstance(frame["indicator"].dtype, pd.CategoricalDtype)
    assert str(frame["period_start"].dtype) == "Int64"
    assert frame[["low", "high"]].notna().any(axis=1).all()
    row = frame.set_index("id").loc["kh87-urbanisation-rate-2025"]
    assert (row["value_raw"], row["low"], row["qualifier"]) == ("Trên 48%", 48.0, "above")
    assert pd.isna(row["high"])


def test_extra_files_merge_after_ours(fixtures_dir):
    ours = load_targets()
    merged = load_targets(extra=fixtures_dir / "good" / "utf8.csv")
    assert len(merged) == len(ours) + 2
    assert merged["id"].iloc[-1] == "user-urban-2030"


def test_lenient_mode_keeps_valid_rows_and_reports_rejects(fixtures_dir):
    with pytest.warns(UserWarning, match="1 row"):
        frame = load_targets(extra=fixtures_dir / "malformed" / "percent_140.csv")
    assert "user-urban-2025" in set(frame["id"])
    assert "user-bad-row" not in set(frame["id"])
    report = frame.attrs["report"]
    assert report.rows_rejected == 1 and "140%" in report.format()


def test_frames_derived_from_the_targets_carry_their_own_copy_of_the_report(fixtures_dir):
    with pytest.warns(UserWarning, match="1 row"):
        frame = load_targets(extra=fixtures_dir / "malformed" / "percent_140.csv")
    derived = frame[frame["id"] != ""]["id"].to_frame()
    report, copied = frame.attrs["report"], derived.attrs["report"]
    assert copied == report and copied is not report
    copied.issues.append(copied.issues[0])
    copied.files.append("other.csv")
    assert len(report.issues) == 1 and "other.csv" not in report.files


def test_strict_mode_raises_with_the_whole_report(fixtures_dir):
    with pytest.raises(ValidationError) as info:
        load_targets(extra=[fixtures_dir / "malformed" / "percent_140.csv",
                            fixtures_dir / "malformed" / "unknown_kind.csv"], strict=True)
    text = str(info.value)
    assert "percent_140.csv:3" in text and "unknown_kind.csv:3" in text


def _user_row_with_id(tmp_path, fixtures_dir, rid: str) -> pd.DataFrame:
    """load_targets() of a user's file whose first row has the id ``rid`` (in dup.csv)."""
    text = (fixtures_dir / "good" / "utf8.csv").read_text(encoding="utf-8")
    (tmp_path / "dup.csv").write_text(text.replace("user-urban-2025", rid), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_targets(extra=tmp_path / "dup.csv")


def test_duplicate_of_a_bundled_id_is_rejected(tmp_path, fixtures_dir):
    frame = _user_row_with_id(tmp_path, fixtures_dir, "kh87-urbanisation-rate-2025")
    issues = frame.attrs["report"].issues
    assert [(i.column, i.line) for i in issues] == [("id", 2)]
    assert "targets.csv" in issues[0].expected


def test_user_sources_file_makes_new_source_ids_known(tmp_path, fixtures_dir):
    (tmp_path / "my_sources.csv").write_text(
        "id,title,issuer,doc_number,date,date_precision,region,type,file,url,note\n"
        "my-report,My report,Me,,2026-01-01,day,Hưng Yên,report,,,\n", encoding="utf-8")
    text = (fixtures_dir / "malformed" / "unknown_source.csv").read_text(encoding="utf-8")
    (tmp_path / "mine.csv").write_text(text.replace("no-such-doc", "my-report"),
                                       encoding="utf-8")
    frame = load_targets(extra=tmp_path / "mine.csv", sources=[tmp_path / "my_sources.csv"],
                         strict=True)
    assert "my-report" in set(frame["source_id"])


def test_import_does_not_pull_plotting_libraries():
    import subprocess
    import sys

    code = ("import sys, hy_analysis; hy_analysis.load_targets(); "
            "print(sorted(m for m in ('seaborn', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_a_semicolon_delimited_file_loads_like_its_comma_twin(tmp_path, fixtures_dir):
    """Excel in a Vietnamese locale saves CSV with ';': every row used to be silently
    rejected (one column named after the whole header)."""
    import csv
    import io

    text = (fixtures_dir / "good" / "utf8.csv").read_text(encoding="utf-8")
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(
        csv.reader(io.StringIO(text)))
    (tmp_path / "semicolons.csv").write_text(out.getvalue(), encoding="utf-8")
    expected, _ = read_targets([fixtures_dir / "good" / "utf8.csv"], include_bundled=False)
    frame, report = read_targets([tmp_path / "semicolons.csv"], include_bundled=False)
    assert report.ok, report.format()
    assert report.rows_rejected == 0 and len(frame) == len(expected) > 0
    assert list(frame["value_raw"]) == list(expected["value_raw"])


def test_an_oversized_data_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.csv"
    big.write_bytes(b"id,region\n" + b"x,y\n" * 300_000)  # 1.2 MB
    monkeypatch.setenv("HY_MAX_DATA_MB", "1")
    with pytest.raises(DataFileError, match=r"big.csv: 1.1 MB is more than the 1 MB.*"
                                            "HY_MAX_DATA_MB"):
        read_targets([big], include_bundled=False)


def test_load_sources_reads_the_users_sources_file_too(tmp_path, project_dir):
    """A source registered from the review notebook (data/user/sources.csv) named the figures
    citing it by their raw id: loading read it for validation only. Its valid rows now follow
    the bundled ones; a row reusing a bundled id is left out."""
    import shutil

    from hy_analysis import load_sources
    from hy_analysis.findings.common import source_name

    data = tmp_path / "data"
    shutil.copytree(project_dir / "data", data, ignore=shutil.ignore_patterns("user"))
    (data / "user").mkdir()
    bundled = load_sources(data)
    header = ",".join(bundled.columns)
    first = bundled.iloc[0]
    (data / "user" / "sources.csv").write_text(
        header + "\n"
        + "my-report,My report,Sở Tài chính,12/BC,2026-01-05,day,Hưng Yên,report,,,vi,\n"
        + ",".join(f'"{v}"' for v in first.astype(str)) + "\n", encoding="utf-8")
    sources = load_sources(data)
    assert len(sources) == len(bundled) + 1
    assert list(sources["id"]).count(first["id"]) == 1
    assert source_name("my-report", sources) == "12/BC"
    assert str(sources["type"].dtype) == "category"


def test_an_id_differing_only_in_letter_case_is_not_new(tmp_path, fixtures_dir):
    """'HY-GRDP-2025' beside 'hy-grdp-2025' is the same row to a reader (and to a
    spreadsheet lookup): a bundled id or another user row in other letter case is rejected,
    naming the file, row, column and the first place the id is used."""
    frame = _user_row_with_id(tmp_path, fixtures_dir, "KH87-Urbanisation-Rate-2025")
    issues = frame.attrs["report"].issues
    assert [(i.file, i.line, i.column, i.value) for i in issues] == [
        (str(tmp_path / "dup.csv"), 2, "id", "KH87-Urbanisation-Rate-2025")]
    assert "targets.csv" in issues[0].expected
    assert "'kh87-urbanisation-rate-2025'" in issues[0].expected
    assert "letter case" in issues[0].expected
    assert "KH87-Urbanisation-Rate-2025" not in set(frame["id"])

    # two rows of the user's own file, one id in two cases: the second is rejected
    lines = (fixtures_dir / "good" / "utf8.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "twice.csv").write_text(
        "\n".join([*lines[:2], lines[1].replace("user-urban-2025", "USER-URBAN-2025")]) + "\n",
        encoding="utf-8")
    frame, report = read_targets([tmp_path / "twice.csv"], include_bundled=False)
    assert [(i.line, i.column, i.value) for i in report.issues] == [
        (3, "id", "USER-URBAN-2025")]
    assert f"{tmp_path / 'twice.csv'}:2" in report.issues[0].expected
    assert list(frame["id"]) == ["user-urban-2025"]


def test_load_sources_reads_the_users_sources_file_once(tmp_path, project_dir, monkeypatch):
    """read_sources returns the valid rows with its report, so load_sources no longer reads
    the user's file a second time for its rows (nor the bundled one for its ids)."""
    import shutil

    from hy_analysis import loading
    from hy_analysis import rows as text_rows

    data = tmp_path / "data"
    shutil.copytree(project_dir / "data", data, ignore=shutil.ignore_patterns("user"))
    (data / "user").mkdir()
    user = data / "user" / "sources.csv"
    header = (data / "sources.csv").read_text(encoding="utf-8").splitlines()[0]
    user.write_text(header + "\n"
                    + "my-report,My report,Sở Tài chính,12/BC,2026-01-05,day,Hưng Yên,"
                    "report,,,vi,\n"
                    + "Bad Id,No language,,,,,,,,,,\n", encoding="utf-8")
    rows, report = loading.read_sources(user)
    assert list(rows["id"]) == ["my-report"] and list(rows.columns) == list(
        loading.schema.SOURCE_COLUMNS)
    assert report.rows_read == 2 and report.rows_rejected == 1
    assert {(i.line, i.column) for i in report.issues} == {(3, "id"), (3, "language")}

    reads = []
    real = text_rows.read_rows  # load_sources reads its rows there (rows.source_rows)
    monkeypatch.setattr(text_rows, "read_rows",
                        lambda path, *a, **k: reads.append(Path(path).name) or real(path, *a, **k))
    sources = loading.load_sources(data)
    assert sorted(reads) == ["sources.csv", "sources.csv"]  # the bundled file and the user's
    assert list(sources["id"]).count("my-report") == 1 and "Bad Id" not in set(sources["id"])
