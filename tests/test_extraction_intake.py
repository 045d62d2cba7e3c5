"""Extraction intake: hostile and odd files, encodings, dates, batches, CSV safety, install.

Every hostile file is generated in tmp_path by the test (nothing big is committed). Each gives
a one-line message naming the file and exit status 2 from ``hy-analysis extract``, or correct
rows: never a traceback, a hang or a silent misreading.
"""

import csv
import importlib
import io
import os
import re
import subprocess
import sys
import tomllib
import unicodedata
import warnings
import zipfile
from pathlib import Path

import pytest
from helpers import by_raw

from hy_analysis import extract
from hy_analysis.cli import extract_command
from hy_analysis.exceptions import DataFileError, ParameterError
from hy_analysis.extraction import read_document, to_text
from hy_analysis.extraction.encodings import detect_legacy, to_unicode
from hy_analysis.extraction.readers import LegacyEncodingWarning
from hy_analysis.paths import PROJECT_DIR

TEXT = ("Năm 2024, kim ngạch xuất khẩu của tỉnh đạt 7,5 tỷ USD, tăng 12,3% so với năm 2023. "
        "Tỷ lệ đô thị hóa đến năm 2030 đạt trên 50%.")


def _cli(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(PROJECT_DIR)}
    return subprocess.run([sys.executable, "-m", "hy_analysis.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def _refused(path, *words):
    """read_document refuses ``path`` with one line naming it and saying ``words``."""
    with pytest.raises(DataFileError) as info:
        read_document(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message, message
    for word in words:
        assert word in message, message
    return message


# --------------------------------------------------------------------------- .docx


def _docx(path, document_xml: bytes, *, extra=()):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://'
                         'schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", document_xml)
        for name, data in extra:
            archive.writestr(name, data)
    return path


def test_empty_docx_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    _refused(path, "empty")


def test_a_text_file_named_docx_is_not_a_word_document(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text(TEXT, encoding="utf-8")
    _refused(path, "not a Word document")


def test_a_zip_without_a_word_document_inside_is_refused(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    _refused(path, "word/document.xml")


def test_a_docx_whose_document_python_docx_cannot_open_is_one_line(tmp_path):
    # A ZIP with a word/document.xml but no package relationships: python-docx raises its own
    # error, which becomes one line naming the file.
    path = _docx(tmp_path / "broken.docx", b"<w:document/>")
    _refused(path, "cannot read the Word document")


def test_a_docx_with_a_200_mb_text_node_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "huge.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>')
            chunk = b"a" * (1 << 20)
            for _ in range(200):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    assert path.stat().st_size < 2 * 1024 * 1024  # small on disk, 200 MB inside
    _refused(path, "word/document.xml", "uncompressed", "limit")


def test_billion_laughs_in_a_docx_is_refused(tmp_path):
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                                  * 10) for i in range(1, 10))
           + b']><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
           b"</w:body></w:document>")
    path = _docx(tmp_path / "lol.docx", lol)
    _refused(path, "entities")


# --------------------------------------------------------------------------- .pdf


def _pdf(path, text="Năm 2024, GRDP của tỉnh tăng 8,5%."):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not Path(font).is_file():
        pytest.skip(f"no Unicode font at {font} to write a Vietnamese PDF")
    pdf.add_font("dejavu", "", font)
    pdf.set_font("dejavu", size=12)
    pdf.multi_cell(0, 10, text)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_an_encrypted_pdf_is_refused_saying_so(tmp_path, algorithm):
    pypdf = pytest.importorskip("pypdf")
    plain = _pdf(tmp_path / "plain.pdf")
    writer = pypdf.PdfWriter(clone_from=str(plain))
    try:
        writer.encrypt(user_password="secret", owner_password="owner", algorithm=algorithm)
    except Exception as error:  # AES needs the cryptography package to *write*, too
        pytest.skip(f"cannot write a {algorithm} PDF here: {error}")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    _refused(path, "encrypted")


def test_a_pdf_locked_only_against_editing_is_read(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(_pdf(tmp_path / "plain.pdf")))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    path = tmp_path / "no-edit.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    assert "8,5%" in read_document(path)


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_a_truncated_pdf_is_one_line_or_its_readable_text(tmp_path, keep):
    whole = _pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: int(len(whole) * keep)])
    try:
        text = read_document(path)
    except DataFileError as error:
        assert "\n" not in str(error) and str(path) in str(error)
    else:  # pypdf recovered what it could: then it is the document's own text
        assert "GRDP" in text


def test_not_a_pdf_at_all_is_one_line(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    _refused(path, "PDF")


# --------------------------------------------------------------------------- .html, sizes


def test_html_reader_works_in_this_environment(tmp_path):
    # The HTML reader imports lxml.html.clean through trafilatura/justext; since lxml 5.2 that
    # module is the separate lxml_html_clean distribution, which the project must declare.
    with open(PROJECT_DIR / "pyproject.toml", "rb") as handle:
        requires = tomllib.load(handle)["project"]["dependencies"]
    assert any(re.match(r"lxml[_-]html[_-]clean\b", r, re.IGNORECASE) for r in requires), requires
    importlib.import_module("lxml.html.clean")
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article><p>{TEXT}</p></article></body></html>",
                    encoding="utf-8")
    assert "7,5 tỷ USD" in read_document(page)


def test_a_40_mb_inline_image_does_not_hide_the_text_after_it(tmp_path):
    image = "A" * (40 * 1024 * 1024)
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><p>Tin kinh tế của tỉnh trong năm qua có nhiều điểm sáng.</p>"
        f'<img src="data:image/png;base64,{image}"><p>{TEXT}</p>'
        "<p>Kim ngạch nhập khẩu năm 2024 đạt 5,1 tỷ USD.</p></article></body></html>",
        encoding="utf-8")
    text = read_document(page)
    assert "7,5 tỷ USD" in text and "5,1 tỷ USD" in text


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    from hy_analysis.extraction import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 20, encoding="utf-8")
    _refused(path, "MB", "split")


# --------------------------------------------------------------------------- encodings

TCVN3 = "N¨m 2024, tæng s¶n phÈm trªn ®Þa bµn (GRDP) t¨ng 8,5%; kim ng¹ch xuÊt khÈu ®¹t 7,5 tû USD."
VNI = ("Naêm 2024, toång saûn phaåm treân ñòa baøn (GRDP) taêng 8,5%; kim ngaïch xuaát khaåu "
       "ñaït 7,5 tyû USD.")
UNICODE = ("Năm 2024, tổng sản phẩm trên địa bàn (GRDP) tăng 8,5%; kim ngạch xuất khẩu "
           "đạt 7,5 tỷ USD.")


@pytest.mark.parametrize("legacy,name", [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_legacy_vietnamese_text_is_converted_and_said(legacy, name):
    assert to_unicode(legacy) == (UNICODE, name)
    with pytest.warns(LegacyEncodingWarning, match=name):
        rows = extract(legacy, date="2025-03-01")
    assert list(rows["indicator"]) == list(extract(UNICODE, date="2025-03-01")["indicator"])
    assert "unknown" not in set(rows["indicator"])


def test_a_tcvn3_file_in_8_bit_bytes_is_read_as_unicode(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(TCVN3.encode("latin-1"))
    with pytest.warns(LegacyEncodingWarning):
        assert read_document(path) == UNICODE
    out, err = io.StringIO(), io.StringIO()
    assert extract_command([str(path)], date="2025-03-01", out=out, err=err) == 0
    assert "TCVN3" in err.getvalue() and "7,5 tỷ USD" in out.getvalue()


def test_unicode_documents_are_never_taken_for_legacy_ones():
    folder = os.environ.get("HY_SOURCES_DIR")
    if not folder or not Path(folder).is_dir():
        pytest.skip("HY_SOURCES_DIR is not set: the source documents are read from there")
    texts = sorted(Path(folder).rglob("*.txt"))
    assert texts
    for path in texts:
        assert detect_legacy(path.read_text(encoding="utf-8")) is None, path


def test_decomposed_text_reads_like_composed_text():
    nfd = unicodedata.normalize("NFD", UNICODE)
    assert nfd != UNICODE
    got, want = extract(nfd, date="2025-03-01"), extract(UNICODE, date="2025-03-01")
    assert list(got["indicator"]) == list(want["indicator"])
    assert list(got["value_raw"]) == list(want["value_raw"])
    assert all(UNICODE[r.char_start:r.char_end] == r.value_raw for r in got.itertuples())


# --------------------------------------------------------------------------- command line


@pytest.mark.parametrize("date", ["2024-13-45", "20241211", "2024/12/11", "2024-02-30", "next"])
def test_a_bad_date_is_refused_in_one_line(tmp_path, date):
    with pytest.raises(ParameterError, match="date"):
        extract(TEXT, date=date)
    doc = tmp_path / "doc.txt"
    doc.write_text(TEXT, encoding="utf-8")
    done = _cli("extract", str(doc), "--date", date, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().count("\n") == 0 and date in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_batch_goes_on_past_bad_files_and_says_some_failed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"not a pdf")
    done = _cli("extract", str(empty), str(good), str(fake), "--date", "2024-12-20", cwd=tmp_path)
    assert done.returncode == 2
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["value_raw"] for r in rows] == ["7,5 tỷ USD", "12,3%", "trên 50%"]
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 2 and "empty.docx" in errors[0] and "fake.pdf" in errors[1], errors
    assert "Traceback" not in done.stderr


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("=HYPERLINK(\"http://x\",\"y\") Năm 2024, GRDP tăng 8,5%.\n\n"
                   "@SUM(1) xuất khẩu đạt 7 tỷ USD.\n\n- Năm 2024, GRDP giảm 2%.\n",
                   encoding="utf-8")
    rows = extract(doc, date="2025-01-10")
    assert rows["sentence"].str.startswith(("=", "@", "-")).sum() == 3  # the frame keeps them
    out = tmp_path / "c.csv"
    done = _cli("extract", str(doc), "--date", "2025-01-10", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    cells = [c for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8"))) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")
                or (c[:1] == "-" and not re.fullmatch(r"-\d+(?:\.\d+)?", c))]
    assert "'=HYPERLINK" in out.read_text(encoding="utf-8")
    parsed = list(csv.DictReader(io.StringIO(to_text(rows))))
    assert float(parsed[-1]["low"]) == -2.0  # numbers stay numbers


# --------------------------------------------------------------------------- local evidence


def _one(text, date, raw):
    rows = extract(text, date=date)
    found = rows[rows["value_raw"] == raw]
    assert len(found) == 1, rows[["value_raw", "indicator", "kind"]]
    return found.iloc[0]


def test_uoc_dat_inside_nha_nuoc_dat_is_no_estimate():
    row = _one("Kế hoạch năm 2025: thu ngân sách nhà nước đạt 30.000 tỷ đồng.", "2024-12-20",
               "30.000 tỷ đồng")
    assert (row["kind"], bool(row["estimate"])) == ("target", False)
    row = _one("Thu ngân sách năm 2024 ước đạt 30.000 tỷ đồng.", "2024-12-20", "30.000 tỷ đồng")
    assert (row["kind"], bool(row["estimate"])) == ("actual", True)


def test_results_of_implementing_a_plan_are_actuals():
    row = _one("Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội năm 2024: GRDP tăng 8,5%.",
               "2024-12-10", "8,5%")
    assert row["kind"] == "actual" and row["period_end"] == 2024


def test_an_existing_stock_is_not_a_horizon_target():
    rows = extract("Đến năm 2030, ngoài 6 khu công nghiệp đã thành lập, tỉnh phấn đấu thành lập "
                   "mới 10 khu công nghiệp.", date="2025-10-01")
    stock, new = rows.iloc[0], rows.iloc[1]
    assert (stock["value_raw"], stock["kind"], stock["period_end"], stock["indicator"]) == (
        "6 khu công nghiệp", "actual", 2025, "industrial_parks_total")
    assert (new["kind"], new["period_end"], new["indicator"]) == (
        "target", 2030, "industrial_parks_new")


def test_a_vision_year_does_not_carry_into_the_next_sentence():
    rows = extract("Phấn đấu tỷ lệ đô thị hóa đến năm 2030 đạt 60%, đến năm 2050 khoảng 80%. "
                   "Kinh tế số chiếm 35% GRDP.", date="2025-10-01")
    assert list(rows["period_end"]) == [2030, 2050, 2025]
    # a year that sets the topic still holds in the next sentence
    rows = extract("Năm 2021, GRDP của tỉnh tăng 7,8%. Sản xuất nông nghiệp tăng 4,2%.",
                   date="2022-03-01")
    assert list(rows["period_end"]) == [2021, 2021]


def test_a_headline_range_stays_when_the_body_shares_one_bound():
    rows = extract("GRDP TĂNG 10-11% MỖI NĂM\n\nNăm 2024, GRDP của tỉnh tăng 10%. Giai đoạn "
                   "2026-2030, tỉnh phấn đấu tăng trưởng 10-11%/năm.", date="2025-10-01")
    assert "10%" in set(rows["value_raw"])
    assert (rows["low"] == 10).sum() == 2  # the body's 10% and one 10-11% (headline repeats it)
    rows = extract("GRDP TĂNG 10-11% MỖI NĂM\n\nNăm 2024, GRDP của tỉnh tăng 10%.",
                   date="2025-10-01")
    assert sorted(zip(rows["low"], rows["high"])) == [(10, 10), (10, 11)]


def test_an_english_paragraph_with_diacritics_reads_english_numbers():
    text = ("In 2024, Hưng Yên province attracted 34,500 billion VND of domestic investment, "
            "and Hà Nội's GRDP grew 6.5%.")
    row = _one(text, "2025-01-10", "34,500 billion VND")
    assert row["low"] == 34.5e12
    assert "AMBIGUOUS" in row["note"] and "34 500 000 000 000" in row["note"]
    assert "34 500 000 000" in row["note"]  # the other reading, for the reviewer
    from hy_analysis import review

    page = review.highlight_html(text, extract(text, date="2025-01-10"))
    assert "hy-ambiguous" in page and "AMBIGUOUS" in page


def test_a_number_without_scale_words_follows_its_paragraph():
    text = ("Năm 2024, tỉnh có 1.500 doanh nghiệp thành lập mới.\n\n"
            "In 2024 Bắc Ninh recorded 2,344 new firms in the province, a record for the area.")
    rows = extract(text, date="2025-01-10")
    assert list(rows["low"]) == [1500, 2344]


@pytest.mark.parametrize("text,raw,code", [
    ("Năm 2024, chỉ số công nghiệp tăng 10,5%.", "10,5%", "iip_growth"),
    ("Năm 2024, tỉnh thu hút 32 dự án FDI đăng ký mới.", "32 dự án", "fdi_new_projects"),
    ("Năm 2024, tổng diện tích sau mở rộng của khu công nghiệp là 2.006 ha.", "2.006 ha",
     "industrial_parks_total_area"),
    ("In 2024, the value of construction production increased by 14.86%.", "14.86%",
     "construction_output_growth"),
])
def test_indicator_words_come_from_the_lexicon(text, raw, code):
    assert _one(text, "2025-01-10", raw)["indicator"] == code


def test_the_lexicon_words_are_data(tmp_path):
    # The same text with a data folder whose lexicon lacks the modifier words reads otherwise:
    # the words live in data/indicator_synonyms.csv, not in code.
    import shutil

    from hy_analysis.paths import data_dir

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("user"))
    lines = (folder / "indicator_synonyms.csv").read_text(encoding="utf-8").splitlines()
    (folder / "indicator_synonyms.csv").write_text(
        "\n".join(line for line in lines
                  if not line.startswith(("modifier,new,", "modifier,attracted,"))) + "\n",
        encoding="utf-8")
    text = "Năm 2024, tỉnh thu hút 32 dự án FDI đăng ký mới."
    assert extract(text, date="2025-01-10", data_dir=folder)["indicator"][0] == "fdi_projects"
    assert extract(text, date="2025-01-10")["indicator"][0] == "fdi_new_projects"


def test_a_lexicon_row_torn_by_an_unquoted_comma_is_a_clear_error(tmp_path):
    import shutil

    from hy_analysis.exceptions import DataFileError
    from hy_analysis.paths import data_dir

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("user"))
    with open(folder / "indicator_synonyms.csv", "a", encoding="utf-8") as handle:
        handle.write("indicator,unknown,en,nurses per 10,000 people\n")
    lines = (folder / "indicator_synonyms.csv").read_text(encoding="utf-8").count("\n")
    with pytest.raises(DataFileError, match=rf"indicator_synonyms.csv, line {lines}: "
                                            r"expected 4 fields .*quote a phrase"):
        extract("Năm 2024, GRDP tăng 7%.", date="2025-01-10", data_dir=folder)


def test_counted_nouns_and_monthly_money_give_rows():
    rows = extract("Năm 2024, toàn tỉnh có 5 huyện đạt chuẩn nông thôn mới; thu nhập bình quân "
                   "đạt 5 triệu đồng/người/tháng.", date="2025-01-10")
    assert list(rows["value_raw"]) == ["5 huyện", "5 triệu đồng/người/tháng"]
    assert list(rows["unit"]) == ["count", "VND/person"]
    assert "per month" in rows["note"][1]


def test_a_counted_locality_with_its_alternative_after_a_slash_is_a_count():
    # "4 huyện/thành phố", "120 xã/phường": the count ends at the slash; a price per unit of
    # another currency or measure ("24.500 đồng/USD", "21.000 đồng/lít") stays no figure
    rows = extract("Đến năm 2030 có ít nhất 4 huyện/thành phố và 120 xã/phường đạt chuẩn; tỷ giá "
                   "quy đổi 24.500 đồng/USD, giá xăng 21.000 đồng/lít.", date="2024-03-01")
    assert list(rows["value_raw"]) == ["ít nhất 4 huyện", "120 xã"]
    assert list(rows["unit"]) == ["count", "count"]


def test_a_list_read_respectively_takes_its_indicators_by_order():
    rows = extract("In 2024, the shares of the agro-forestry-fishery sector, the industry and "
                   "construction sector and the service sector were 9.76%, 56.53% and 25.11% "
                   "respectively.", date="2025-01-10")
    assert list(rows["indicator"]) == ["agriculture_share", "industry_construction_share",
                                       "services_share"]
    rows = extract("Năm 2022, tỷ trọng khu vực công nghiệp xây dựng chiếm 64,22%, khu vực dịch "
                   "vụ chiếm 29,2% (năm 2021 lần lượt là: 62,82% và 29,43%).", date="2022-12-20")
    assert list(rows["indicator"]) == ["industry_construction_share", "services_share"] * 2
    assert list(rows["period_end"]) == [2022, 2022, 2021, 2021]


def test_a_year_in_brackets_or_naming_a_plan_does_not_carry_over():
    rows = extract("Báo cáo tình hình năm 2024 và kế hoạch năm 2025 của tỉnh đã được trình bày.\n"
                   "Tổng kim ngạch xuất khẩu đạt 10,3 tỷ USD, tăng 8,6%.", date="2024-12-09")
    assert list(rows["period_end"]) == [2024, 2024], rows[["value_raw", "period_end"]]
    row = _one("Năm 2022, GRDP (giá so sánh năm 2010) ước đạt 142.289 tỷ đồng.", "2022-12-20",
               "142.289 tỷ đồng")
    assert row["period_end"] == 2022


def test_a_target_in_brackets_after_its_name_is_a_target():
    row = _one("Năm 2023 GRDP tăng 5,77%, thấp hơn chỉ tiêu đề ra (khoảng 8-8,5%).",
               "2024-01-19", "khoảng 8-8,5%")
    assert row["kind"] == "target"
    assert _one("Năm 2023 GRDP tăng 5,77%, thấp hơn chỉ tiêu đề ra (khoảng 8-8,5%).",
                "2024-01-19", "5,77%")["kind"] == "actual"


def test_indicators_in_general_are_no_target_words():
    row = _one("Về các chỉ tiêu kinh tế, tăng trưởng GRDP năm 2025 đạt 10,27%.", "2025-12-11",
               "10,27%")
    assert row["kind"] == "actual"


def test_fdi_attracted_is_new_unless_a_total_to_date():
    assert _one("Năm 2021, tỉnh thu hút 131 dự án FDI.", "2021-12-29",
                "131 dự án")["indicator"] == "fdi_new_projects"
    assert _one("Lũy kế đến nay, tỉnh thu hút 1.900 dự án FDI.", "2021-12-29",
                "1.900 dự án")["indicator"] == "fdi_projects"


def test_a_grdp_amount_takes_the_prices_its_sentence_names():
    assert _one("Năm 2023, GRDP theo giá hiện hành đạt 99.686 tỷ đồng.", "2024-01-10",
                "99.686 tỷ đồng")["indicator"] == "grdp_current_prices"
    assert _one("Năm 2023, GRDP theo giá so sánh đạt 60.000 tỷ đồng.", "2024-01-10",
                "60.000 tỷ đồng")["indicator"] == "grdp_constant_prices"


def test_a_figure_in_brackets_after_a_year_is_that_years():
    rows = extract("GRDP năm 2022 tăng trên 10%, cao hơn so với năm 2021 (5,04%). Tăng trưởng "
                   "giai đoạn 2021-2025 đạt 9,17%/năm, cao hơn giai đoạn 2016-2020 (8,28%).",
                   date="2022-10-05")
    periods = dict(zip(rows["value_raw"], zip(rows["period_start"], rows["period_end"])))
    assert periods["trên 10%"] == (2022, 2022) and periods["5,04%"] == (2021, 2021)
    assert periods["9,17%/năm"] == (2021, 2025) and periods["8,28%"] == (2016, 2020)


def test_higher_by_is_a_difference_not_a_bound():
    rows = extract("Năm 2024, giải ngân đạt 71,3% kế hoạch, cao hơn 6,2% so với cùng kỳ; GRDP "
                   "bình quân đầu người cao hơn 1,16 lần bình quân cả nước; số doanh nghiệp "
                   "decreasing 1.9 percent.", date="2024-12-20")
    got = {r.value_raw: (r.low, r.high, r.qualifier) for r in rows.itertuples()}
    assert got["6,2%"] == (6.2, 6.2, "exact") and got["1,16 lần"] == (1.16, 1.16, "exact")
    assert any(low == -1.9 for low, _, _ in got.values())


# ---------------------------------------------------------------- rules that generalise (#17)

def test_a_place_in_a_closed_aside_names_nothing_after_it():
    rows = extract("Năm 2024, tỉnh Thanh Hóa tăng trưởng 12,16%, đứng thứ 2 cả nước (sau tỉnh "
                   "Bắc Giang tăng trưởng 13,85%). Thu ngân sách ước đạt 54.341 tỉ đồng.",
                   date="2024-12-14")
    regions = dict(zip(rows["value_raw"], rows["region"]))
    assert regions["13,85%"] == "Bắc Giang"
    assert regions["54.341 tỉ đồng"] == "Thanh Hóa"


def test_a_group_of_provinces_is_no_place_and_the_country_is_national():
    rows = extract("Quảng Nam xếp thứ 4/14 tỉnh Bắc Trung bộ. Tổng lượt khách ước đạt 4,3 triệu "
                   "lượt khách. Mức tăng này cao hơn bình quân chung cả nước (ước tăng 8%).",
                   date="2022-10-05")
    regions = dict(zip(rows["value_raw"], rows["region"]))
    assert regions["4,3 triệu lượt khách"] == "Quảng Nam"
    assert regions["8%"] == "Việt Nam"


def test_the_subject_after_the_figure_is_its_place():
    rows = extract("Tỉnh giáp Thủ đô Hà Nội.\nVới diện tích 1.371 km2, Vĩnh Phúc là tỉnh nhỏ.",
                   date="2024-01")
    assert rows.loc[0, "region"] == "Vĩnh Phúc"


def test_an_office_before_a_persons_name_is_no_place():
    rows = extract("Theo Phó Chủ tịch UBND tỉnh Lò Văn Minh, thu ngân sách ước đạt 3.120 tỷ "
                   "đồng. Bí thư tỉnh Cao Bằng Trần Hồng Minh cho biết GRDP tăng 5,1%.",
                   date="2024-12-20")
    regions = dict(zip(rows["value_raw"], rows["region"]))
    assert regions["3.120 tỷ đồng"] in ("", "Cao Bằng")  # never "Lò Văn"
    assert regions["5,1%"] == "Cao Bằng"


def test_other_names_and_spellings_of_a_province_take_its_name():
    rows = extract("Sáu tháng đầu năm, GRDP TP HCM tăng 6,4%. In the first quarter, Ba Ria- "
                   "Vung Tau province grew by 7.7%.", date="2025-07-02")
    regions = dict(zip(rows["value_raw"], rows["region"]))
    assert regions["6,4%"] == "Hồ Chí Minh"
    assert regions["7.7%"] == "Bà Rịa - Vũng Tàu"


def test_a_place_named_as_an_owner_in_passing_is_not_the_next_figures():
    rows = extract("The minister asked the province of Quang Nam to welcome 8 million visitors. "
                   "Quang Nam should also have 12,000 enterprises by 2025. He cited the city of "
                   "Hoi An’s experience in heritage tourism. It aims at 9,000 jobs.",
                   date="2021-03-01")
    regions = dict(zip(rows["value_raw"], rows["region"]))
    assert regions["9,000 jobs"] == "Quảng Nam"


def test_growth_named_by_no_aggregate_is_the_economys():
    assert _one("Hai Duong's growth in 2024 is estimated at 10.2%.", "2024-12-09",
                "10.2%")["indicator"] == "grdp_growth"
    # a named aggregate still wins over the generic word
    assert _one("Năm 2024, xuất khẩu tăng trưởng 12%.", "2024-12-09",
                "12%")["indicator"] == "exports_growth"


def test_a_growth_after_an_amount_is_that_amounts_growth():
    row = _one("Năm 2024 thu ngân sách nhà nước ước đạt 54.341 tỉ đồng, vượt 52,8% dự toán, "
               "tăng 25,9% so với cùng kỳ.", "2024-12-14", "25,9%")
    assert row["indicator"] == "state_budget_revenue_growth"


def test_a_plan_in_brackets_takes_the_indicator_of_its_figure():
    row = _one("In 2024, the industrial production index increased by 6.35%; exports "
               "increased by 14.86% (plan: 10.5%).", "2025-01-10", "10.5%")
    assert row["indicator"] == "exports_growth" and row["kind"] == "target"


def test_same_period_of_a_year_beats_to_date_words():
    row = _one("Tính từ đầu năm đến nay, tỉnh có 1.190 doanh nghiệp thành lập mới, giảm 14,81% "
               "so với cùng kỳ năm 2022.", "2024-01", "giảm 14,81%")
    assert (row["period_start"], row["period_end"]) == (2023, 2023)


def test_from_a_year_is_a_base_unless_a_span_follows():
    row = _one("The province's GRDP increased by 6.9 percent from 2020.", "2021-12-29",
               "6.9 percent")
    assert (row["period_start"], row["period_end"]) == (2021, 2021)
    row = _one("Exports grew 9% a year from 2021 to 2025.", "2025-12-01", "9% a year")
    assert (row["period_start"], row["period_end"]) == (2021, 2025)


def test_a_total_named_tong_takes_no_span_of_an_earlier_sentence():
    rows = extract("Tăng trưởng bình quân giai đoạn 2020-2022 đạt gần 9%/năm. GRDP bình quân/"
                   "người ước đạt khoảng 127,8 triệu đồng. Tổng thu ngân sách ước đạt 35.700 tỷ "
                   "đồng.", date="2022-12-20")
    periods = dict(zip(rows["value_raw"], zip(rows["period_start"], rows["period_end"])))
    assert periods["35.700 tỷ đồng"] == (2022, 2022)
    assert periods["khoảng 127,8 triệu đồng"] == (2022, 2022)


def test_physical_output_and_population_are_counts():
    rows = extract("Output reached 4.5 million tons and 9.7 billion kWh. Tỉnh có quy mô dân số "
                   "3.619.433 người; phấn đấu thành lập mới 2.000 doanh nghiệp/năm.",
                   date="2025-01-01")
    got = dict(zip(rows["value_raw"], zip(rows["low"], rows["unit"])))
    assert got["4.5 million tons"] == (4_500_000, "count")
    assert got["9.7 billion kWh"] == (9_700_000_000, "count")
    assert got["3.619.433 người"] == (3_619_433, "persons")
    assert got["2.000 doanh nghiệp/năm"] == (2000, "count")


def test_target_words_hold_over_a_paragraph_until_a_result():
    rows = extract("Bắc Ninh phấn đấu tốc độ tăng trưởng GRDP đạt 11,29%. Huy động vốn đầu tư "
                   "151.650 tỷ đồng. Thu hút vốn FDI 4,3 tỷ USD.\n\nGiá trị sản xuất công nghiệp "
                   "tăng 10,67%.", date="2025-07-14")
    kinds = dict(zip(rows["value_raw"], rows["kind"]))
    assert kinds["4,3 tỷ USD"] == "target"
    assert kinds["10,67%"] == "actual"


def test_a_list_without_its_verb_keeps_the_verb_of_the_figure_before():
    rows = extract("In 2024, GRDP grew by 8.5%, of which agriculture grew by 3.2%, industry and "
                   "construction by 10.1% and services by 7.4%. The proportion of industry and "
                   "construction in the economic structure reached 45.6%.", date="2024-12-20")
    got = dict(zip(rows["value_raw"], rows["indicator"]))
    assert got["10.1%"] == "industry_construction_grdp_growth"
    assert got["7.4%"] == "services_grdp_growth"
    assert got["45.6%"] == "industry_construction_share"


def test_manufacturing_growth_and_imports_are_not_their_neighbours():
    rows = extract("The industrial production index increased by 11.2%, of which processing and "
                   "manufacturing rose 12.5%. Export turnover reached 5.2 billion USD; import "
                   "turnover was 3.1 billion USD.", date="2024-12-20")
    got = dict(zip(rows["value_raw"], rows["indicator"]))
    assert got["12.5%"] == "manufacturing_iip_growth"
    assert got["5.2 billion USD"] == "exports" and got["3.1 billion USD"] == "imports"


def test_a_report_on_last_year_dated_in_january_reads_last_years_figures():
    # the years are named in asides only: no earlier sentence sets the figure's year
    text = ("Báo cáo kết quả (năm 2023) của tỉnh. Các chỉ tiêu (năm 2023) đều đạt.\n\n"
            "Thu ngân sách đạt 18.500 tỷ đồng.")
    assert _one(text, "2024-01", "18.500 tỷ đồng")["period_end"] == 2023
    assert _one("Thu ngân sách đạt 18.500 tỷ đồng.", "2024-01",
                "18.500 tỷ đồng")["period_end"] == 2024


def test_a_span_right_after_the_figure_and_a_plans_name():
    row = _one("By 2030, the state budget revenue will reach 375.7 trillion VND during "
               "2026-2030 period.", "2025-06-12", "375.7 trillion VND")
    assert (row["period_start"], row["period_end"]) == (2026, 2030)
    row = _one("2026 là năm đầu thực hiện kế hoạch phát triển 2026-2030. Mục tiêu tăng trưởng "
               "kinh tế của tỉnh là 12,5-13%.", "2026-01-05", "12,5-13%")
    assert (row["period_start"], row["period_end"]) == (2026, 2026)


# ------------------------------------------------- rules from the grown development set (#17)

def test_lexicon_words_match_in_their_other_spellings():
    got = by_raw("Năm 2024, khu vực nông-lâm-thuỷ sản tăng 3,1%; khu vực công nghiệp-xây dựng "
                 "tăng 9,2%; giá trị sản xuất nông, lâm và thủy sản tăng 2,8%.", "2024-12-20",
                 "indicator")
    assert got["3,1%"] == "agriculture_grdp_growth"
    assert got["9,2%"] == "industry_construction_grdp_growth"
    assert got["2,8%"] == "agriculture_output_growth"


def test_now_words_closing_a_superlative_do_not_date_the_figure():
    row = _one("Năm 2024, GRDP tăng 8,1%; riêng công nghiệp tăng 12%, cao nhất từ đầu nhiệm kỳ "
               "đến nay; dịch vụ tăng 7,4%.", "2025-01-15", "7,4%")
    assert (row["period_start"], row["period_end"]) == (2024, 2024)


def test_a_nouns_year_does_not_carry_past_its_sentence_frame():
    text = ("Theo báo cáo, năm 2024, về kinh tế, GRDP tăng 7%; thu nhập bình quân đầu người năm "
            "2023 đạt 80 triệu đồng. Tổng thu ngân sách đạt 50.000 tỷ đồng.")
    assert _one(text, "2024-12-20", "50.000 tỷ đồng")["period_end"] == 2024
    # a year that opens its clause still carries
    text = "Năm 2023, GRDP tăng 5%; năm 2024 ước tăng 7%. Thu ngân sách đạt 50.000 tỷ đồng."
    assert _one(text, "2024-12-20", "50.000 tỷ đồng")["period_end"] == 2024


def test_a_year_right_after_another_figure_is_that_figures():
    periods = by_raw("Năm 2024, GRDP tăng 7,2%, vượt mức 6,1% của năm 2023. Trong đó, dịch vụ "
                     "tăng 8%.", "2025-01-10", "period_end")
    assert periods == {"7,2%": 2024, "6,1%": 2023, "8%": 2024}


def test_falls_and_rises_written_after_the_number():
    rows = extract("In 2024, retail sales reached VND 50,000 billion, a 9.2% increase, while "
                   "oil output saw a 4.5% decline and GRDP a 1.2% decrease.", date="2025-01-10")
    got = {r.value_raw: r for r in rows.itertuples()}
    assert got["9.2%"].measure == "annual_growth"
    assert got["4.5% decline"].low == -4.5
    assert (got["1.2% decrease"].low, got["1.2% decrease"].indicator) == (-1.2, "grdp_growth")
    assert _one("Nhập siêu thu hẹp 26 tỷ đồng.", "2024-12-20", "thu hẹp 26 tỷ đồng")["low"] \
        == -26e9


def test_a_percentage_after_ke_hoach_is_the_plans_value():
    row = _one("Năm 2024 GRDP tăng 4,1%, vượt kế hoạch (kế hoạch 2,5 - 3%).", "2024-12-20",
               "2,5 - 3%")
    assert (row["low"], row["high"], row["kind"]) == (2.5, 3.0, "target")


def test_a_share_named_after_the_last_growth_word_is_a_level():
    row = _one("Cơ cấu kinh tế chuyển dịch theo hướng tăng tỷ trọng dịch vụ, đến hết năm 2024 tỷ "
               "trọng ngành dịch vụ là 45,5%.", "2025-01-10", "45,5%")
    assert (row["indicator"], row["measure"]) == ("services_share", "level")
    assert _one("Tỷ trọng giá trị tăng thêm của kinh tế số trong GRDP là 12%.", "2025-10-01",
                "12%")["indicator"] == "digital_economy_share"


def test_a_part_of_a_total_is_the_same_quantity():
    got = by_raw("Năm 2025 thu ngân sách đạt 20.000 tỷ đồng; trong đó khu vực tỉnh Bắc Giang (cũ) "
                 "đóng góp 12.000 tỷ đồng, Bắc Ninh (cũ) 8.000 tỷ đồng.", "2025-12-20",
                 "indicator")
    assert set(got.values()) == {"state_budget_revenue"}, got


def test_an_amount_in_another_currency_in_brackets_is_the_same_quantity():
    row = _one("The province targets per capita income of VNĐ80.5 million (US$3,210) in 2025.",
               "2025-01-10", "US$3,210")
    assert (row["low"], row["unit"], row["indicator"]) == (3210, "USD/person",
                                                           "income_per_capita")


def test_a_contribution_pulling_the_total_down_is_negative():
    row = _one("Năm 2024, ngành khai khoáng giảm 10%, kéo giảm IIP chung 0,2 điểm phần trăm.",
               "2024-12-20", "0,2 điểm phần trăm")
    assert row["low"] == -0.2


def test_a_fall_written_before_its_indicator_is_negative():
    # the verb of the fall opens the phrase, the number says by how much
    row = _one("Đến năm 2030, phấn đấu giảm tỷ lệ hộ cận nghèo bình quân 1-1,5%/năm.",
               "2025-10-01", "1-1,5%/năm")
    assert (row["low"], row["high"]) == (-1.5, -1.0)
    row = _one("The plan aims to reduce the share of informal workers by 0.8% each year.",
               "2025-10-01", "0.8% each year")
    assert row["low"] == row["high"] == -0.8
    row = _one("Unemployment will be reduced by an average 0.3 percent a year.", "2025-10-01",
               "0.3 percent a year")
    assert row["low"] == -0.3
    # a fall to a level is no change, nor a rise written after the fall's verb
    row = _one("Tỷ lệ hộ nghèo giảm xuống còn 1,2% vào cuối năm 2024.", "2025-01-10", "1,2%")
    assert row["low"] == 1.2
    row = _one("Cutting costs helped exports to rise by 6.5% in 2024.", "2025-01-10", "6.5%")
    assert row["low"] == 6.5


def test_a_subheading_repeated_by_the_body_is_one_row():
    filler = "Kinh tế của tỉnh tiếp tục phục hồi trong bối cảnh nhiều khó khăn. " * 6
    rows = extract(filler + "\nIIP tăng 9,5%\nCụ thể, trong 8 tháng, chỉ số sản xuất công "
                   "nghiệp (IIP) tăng 9,5% so với cùng kỳ.", date="2024-09-10")
    assert (rows["value_raw"] == "9,5%").sum() == 1


def test_plan_periods_in_congress_documents():
    periods = by_raw("The Congress set GRDP growth for the 2025-2030 period at 10% per year "
                     "(based on 2010 prices), with agriculture growing at 3.5%, industry and "
                     "construction at 12% (industry at 13%), and services at 9%.", "2025-10-04",
                     "period_start")
    assert set(periods.values()) == {2026}, periods
    got = _one("Between 2016 and 2020, average annual GRDP growth reached 7.1 percent.",
               "2020-11-01", "7.1 percent")
    assert (got["period_start"], got["period_end"], got["indicator"]) == (2016, 2020,
                                                                          "grdp_growth")
    rows = extract("In 2020 exports will reach 1.9 billion USD, 3.5 times over the figure in "
                   "2015, and the number of firms 2,400 businesses, doubling that of 2015.",
                   date="2020")
    got = {r.value_raw: r for r in rows.itertuples()}
    assert (got["1.9 billion USD"].period_end, got["1.9 billion USD"].kind) == (2020, "actual")
    assert (got["3.5 times"].period_start, got["3.5 times"].period_end) == (2015, 2020)


def test_the_names_of_documents_carried_out_set_no_year():
    text = ("The Council resolved to implement the goals of the Resolution of the Provincial "
            "Party Congress, term 2020 - 2025 and the Plan 2021 - 2025. GRDP growth is targeted "
            "at 8% or more compared to 2024.")
    row = _one(text, "2025-07-30", "8% or more")
    assert (row["period_start"], row["period_end"]) == (2025, 2025)


def test_billions_without_a_currency_are_dong_unless_dollars_come_before():
    rows = extract("Năm 2024, thu ngân sách đạt 9.500 tỉ. Xuất khẩu đạt 1,5 tỷ USD, nhập khẩu "
                   "1,2 tỷ; doanh thu du lịch 4 tỷ đô.", date="2024-12-20")
    got = {r.value_raw: r for r in rows.itertuples()}
    assert (got["9.500 tỉ"].low, got["9.500 tỉ"].unit) == (9.5e12, "VND")
    assert "no currency" in got["9.500 tỉ"].note
    assert (got["1,2 tỷ"].low, got["1,2 tỷ"].unit) == (1.2e9, "USD")
    assert got["4 tỷ đô"].unit == "USD"


def test_english_ranges_in_words_and_minus_signs_before_a_percentage():
    rows = extract("In 2025 the province targets growth of 8.5 per cent to 9 per cent. Năm 2024 "
                   "xuất khẩu giảm -2,1%; IIP (-0,5%).", date="2024-12-20")
    got = {r.value_raw: (r.low, r.high) for r in rows.itertuples()}
    assert got == {"8.5 per cent to 9 per cent": (8.5, 9.0), "giảm -2,1%": (-2.1, -2.1),
                   "-0,5%": (-0.5, -0.5)}


def test_a_change_of_an_amount_is_not_its_level_and_fdi_flows_are_told_apart():
    rows = extract("Năm 2024, quy mô kinh tế vượt mốc 200 ngàn tỷ đồng, mở rộng hơn 17 nghìn tỷ "
                   "đồng so với năm 2023.", date="2025-01-10")
    got = {r.value_raw: r for r in rows.itertuples()}
    size = got["vượt mốc 200 ngàn tỷ đồng"]
    assert (size.low, size.high, size.indicator) == (2e14, None, "grdp_current_prices")
    assert got["hơn 17 nghìn tỷ đồng"].indicator == "unknown"
    got = by_raw("Năm 2024, thu hút vốn đầu tư nước ngoài đạt hơn 2 tỷ USD, trong đó cấp mới "
                 "120 dự án với vốn 1,2 tỷ USD; điều chỉnh vốn 80 lượt dự án, tăng thêm 600 "
                 "triệu USD; góp vốn mua cổ phần 200 triệu USD.", "2025-01-10", "indicator")
    assert got["hơn 2 tỷ USD"] == "fdi_attracted" and got["1,2 tỷ USD"] == "fdi_new_capital"
    assert got["600 triệu USD"] == got["200 triệu USD"] == "unknown"


def test_a_total_over_n_years_a_year_right_after_the_figure_and_a_months_year():
    row = _one("Tổng thu ngân sách trên địa bàn 5 năm ước đạt 48.000 tỷ đồng.", "2025-09-25",
               "48.000 tỷ đồng")
    assert (row["period_start"], row["period_end"], row["measure"]) == (2021, 2025,
                                                                        "period_total")
    row = _one("In the 2016-2020 period, GRDP grew by 6.8 percent per year and budget revenue "
               "reached VND 8,500 billion in 2020.", "2021-01-10", "VND 8,500 billion")
    assert (row["period_start"], row["period_end"]) == (2020, 2020)
    row = _one("Giai đoạn 2021-2025 tăng bình quân 7%/năm; đến hết tháng 8/2025, tỉnh xóa xong "
               "6.500 nhà tạm.", "2025-09-25", "6.500 nhà")
    assert (row["period_start"], row["period_end"]) == (2025, 2025)


def test_report_abbreviations_bracketed_lists_and_names_without_diacritics():
    text = ("Năm 2023 GRDP giảm (-9,3%), trong đó khu vực CN-XD giảm (-13,2%), tiếp đến là khu "
            "vực NLTS (-2,3%); khu vực dịch vụ (+3,6%). Diễn biến tăng trưởng qua các quý khác "
            "nhau.")
    rows = extract(text, date="2024-01-10")
    got = {r.value_raw: r for r in rows.itertuples()}
    assert got["-13,2%"].indicator == "industry_construction_grdp_growth"
    assert got["-2,3%"].indicator == "agriculture_grdp_growth"
    assert got["3,6%"].measure == "annual_growth"  # the "+" is read as no sign
    assert "Điện Biên" not in set(rows["region"])  # 'Diễn biến' is no place
    row = _one("Năm 2024 GRDP tăng 5%, trong đó, khu vực nông nghiệp tăng 2%; vốn huy động tăng "
               "8% so với cuối năm 2023; tổng vốn đầu tư đạt 39.000 tỷ đồng.", "2024-12-20",
               "39.000 tỷ đồng")
    assert row["period_end"] == 2024
    row = _one("Năm 2024 tỉnh cấp mới và điều chỉnh vốn 13 dự án FDI với tổng vốn đăng ký tăng "
               "thêm 1,5 tỷ USD.", "2024-12-20", "1,5 tỷ USD")
    assert row["indicator"] == "fdi_attracted"


def _bounds(row):
    """(low, high) of an extracted row, None for an open end (NaN in the frame)."""
    return tuple(None if v != v else v for v in (row.low, row.high))


def test_negated_bounds_are_read_whole_in_both_languages():
    got = {r.value_raw: _bounds(r) for r in extract(
        "In 2025 the province aims for budget revenues of not less than 52.6 trillion VND, "
        "exports of no less than 3 billion USD and a deficit not more than 2%. Năm 2025 thu "
        "ngân sách không thấp hơn 40.000 tỷ đồng, bội chi không vượt quá 1,5%.",
        date="2025-01-10").itertuples()}
    assert got == {"not less than 52.6 trillion VND": (5.26e13, None),
                   "no less than 3 billion USD": (3e9, None), "not more than 2%": (None, 2.0),
                   "không thấp hơn 40.000 tỷ đồng": (4e13, None),
                   "không vượt quá 1,5%": (None, 1.5)}


def test_figures_listed_with_and_are_two_and_the_first_takes_the_unit_of_the_second():
    got = {r.value_raw: (*_bounds(r), r.unit) for r in extract(
        "In 2024 tourist arrivals and revenue rose 1.8 and 2.1-fold respectively; industry and "
        "services grew 4% and 6%. Năm 2024 xuất khẩu tăng 8 và 10% ở hai quý; thu 2 và 3 tỷ USD. "
        "Growth stayed between 5 and 7%.", date="2025-01-10").itertuples()}
    assert got["1.8"] == (1.8, 1.8, "times") and got["2.1-fold"] == (2.1, 2.1, "times")
    assert got["4%"] == (4, 4, "percent") and got["6%"] == (6, 6, "percent")
    assert got["8"] == (8, 8, "percent") and got["10%"] == (10, 10, "percent")
    assert got["2"] == (2e9, 2e9, "USD")
    assert got["between 5 and 7%"] == (5, 7, "percent")


def test_members_of_a_body_comrades_and_nouns_of_another_thing_are_not_figures():
    rows = extract("Năm 2025 đại hội bầu Ban Thường vụ Tỉnh ủy gồm 15 đồng chí; Ban Chấp hành "
                   "Đảng bộ tỉnh có 53 người. Thu nhập đạt 5 triệu đồng, đồng thời tăng 7%. "
                   "In 2025 the council reviewed 22 reports of the unit and licensed 12 new FDI "
                   "projects.", date="2025-10-10")
    got = {r.value_raw: r.unit for r in rows.itertuples()}
    assert got == {"5 triệu đồng": "VND", "7%": "percent", "12": "count"}


def test_exceeding_a_share_of_the_plan_is_an_excess_not_a_bound():
    got = {r.value_raw: _bounds(r) for r in extract(
        "In 2025 domestic revenue reached 55,875 billion VND, exceeding 49% of the central "
        "budget estimate; exports are exceeding 5% growth and will exceed VND 41 trillion.",
        date="2025-11-10").itertuples()}
    assert got["49%"] == (49, 49)
    assert got["exceeding 5%"] == (5, None) and got["exceed VND 41 trillion"] == (4.1e13, None)


def test_a_change_from_one_level_to_another_is_two_levels_not_a_range():
    rows = extract("In 2020 the proportion of services was 40%; industry and construction "
                   "increased from 26.8% to 26.9%. The target is growth from 7% to 8%.",
                   date="2021-01-10")
    got = {r.value_raw: (*_bounds(r), r.indicator) for r in rows.itertuples()}
    assert got["26.8%"] == (26.8, 26.8, "industry_construction_share")
    assert got["26.9%"] == (26.9, 26.9, "industry_construction_share")
    assert got["7% to 8%"][:2] == (7, 8)  # a noun before "from": a range of growth


def test_a_result_and_its_target_with_a_slash_are_two_figures_the_second_a_target():
    rows = extract("Kết quả nhiệm kỳ 2020-2025, nhiều chỉ tiêu Nghị quyết đạt cao như tổng vốn "
                   "đầu tư 12.450/10.000 tỷ đồng; tỷ lệ đô thị hóa 41,5%/40%; kết nạp đảng viên "
                   "mới 2.310/2.000 đảng viên. Ngày 15/10/2025 đạt 27/28 chỉ tiêu.",
                   date="2025-10-20")
    got = {r.value_raw: (*_bounds(r), r.unit, r.kind) for r in rows.itertuples()}
    assert got["12.450"][:3] == (1.245e13, 1.245e13, "VND")  # the unit and scale after the target
    assert got["10.000 tỷ đồng"][:3] == (1e13, 1e13, "VND")
    assert got["41,5%"][:3] == (41.5, 41.5, "percent") and got["40%"][:3] == (40, 40, "percent")
    assert got["2.310"][:3] == (2310, 2310, "count") and got["2.000 đảng viên"][2] == "count"
    assert got["10.000 tỷ đồng"][3] == got["40%"][3] == got["2.000 đảng viên"][3] == "target"
    assert got["12.450"][3] != "target"
    assert set(got) == {"12.450", "10.000 tỷ đồng", "41,5%", "40%", "2.310", "2.000 đảng viên"}


def test_a_party_organisations_members_are_no_figure_those_it_admits_are():
    rows = extract("Đại hội có 350 đại biểu, đại diện cho hơn 95.000 đảng viên trong toàn Đảng bộ. "
                   "Năm 2024 kết nạp 1.200 đảng viên.", date="2025-01-10")
    assert [r.value_raw for r in rows.itertuples()] == ["1.200 đảng viên"]


def test_shares_listed_with_hyphens_are_one_figure_each():
    rows = extract("Đến năm 2030, cơ cấu nông nghiệp - công nghiệp - dịch vụ tương ứng là "
                   "12-40-48%; tăng trưởng 7-8%. Ngày 20-11-2025 họp.", date="2025-11-25")
    got = [(r.value_raw, *_bounds(r), r.unit) for r in rows.itertuples()]
    assert got == [("12", 12, 12, "percent"), ("40", 40, 40, "percent"),
                   ("48%", 48, 48, "percent"), ("7-8%", 7, 8, "percent")]


def test_visitors_named_before_a_bare_number_and_english_compound_units():
    rows = extract("In 2024 the city began a 12.5-hectare industrial cluster. Foreign visitors "
                   "reached 2.4 million, while cruise passengers reached a record 85,000; the "
                   "plan expects 9 million visitors, including 2 million foreigners. The number "
                   "of tourists was estimated at more than 5.1 million, up 12%.",
                   date="2024-12-20")
    got = {r.value_raw: (*_bounds(r), r.unit) for r in rows.itertuples()}
    assert got["12.5-hectare"] == (12.5, 12.5, "ha")
    assert got["2.4 million"] == (2.4e6, 2.4e6, "persons")
    assert got["85,000"] == (85000, 85000, "persons")
    assert got["2 million foreigners"] == (2e6, 2e6, "persons")
    assert got["more than 5.1 million"] == (5.1e6, None, "persons")


def test_counts_of_pieces_areas_yields_and_ranges_of_counts():
    rows = extract("Năm 2024 sản xuất 12,3 triệu cái áo, 8,4 triệu mét vuông vải; năng suất lúa "
                   "đạt 55,2 tạ/ha; giá dầu bình quân 80 USD/thùng. The province plans 02 - 03 "
                   "new rural communes and strives to cut poverty; tỷ lệ hộ nghèo giảm bình quân "
                   "1,5-2%/năm.", date="2024-12-20")
    got = {r.value_raw: (*_bounds(r), r.unit) for r in rows.itertuples()}
    assert got["12,3 triệu cái"] == (12.3e6, 12.3e6, "count")
    assert got["8,4 triệu mét vuông"] == (8.4e6, 8.4e6, "count")
    assert got["55,2 tạ/ha"] == (55.2, 55.2, "count")
    assert got["80 USD/thùng"] == (80, 80, "USD")
    assert got["02 - 03"] == (2, 3, "count")
    assert got["giảm bình quân 1,5-2%/năm"] == (-2, -1.5, "percent")


def test_abbreviated_scales_top_as_a_bound_before_money_and_holiday_makers():
    rows = extract("In 2023 the city welcomed 4.2mil. tourists; revenue was 7.5 tril.VND and is "
                   "expected to top VND9 trillion, while 2.1 bil.VND went to the top 10 firms. "
                   "Over 35,000 foreign holiday-makers came; international visitors were nearly "
                   "1.1 million. The figures bring the total number of tourists visiting the "
                   "city this year to 5.3 million.", date="2023-12-20")
    got = {r.value_raw: (*_bounds(r), r.unit) for r in rows.itertuples()}
    assert got["4.2mil. tourists"] == (4.2e6, 4.2e6, "persons")
    assert got["7.5 tril.VND"] == (7.5e12, 7.5e12, "VND")
    assert got["top VND9 trillion"] == (9e12, None, "VND")
    assert got["2.1 bil.VND"] == (2.1e9, 2.1e9, "VND")
    assert "top 10 firms" not in got  # a rank, no bound
    assert got["Over 35,000 foreign holiday-makers"] == (35000, None, "persons")
    assert got["nearly 1.1 million"] == (1.1e6, 1.1e6, "persons")
    assert got["5.3 million"] == (5.3e6, 5.3e6, "persons")


def test_others_and_ones_count_the_noun_named_before_them():
    rows = extract("In 2024 the province licensed 12 FDI projects worth 300 million USD; and "
                   "approved capital additions for 25 others. It also licensed 40 domestic "
                   "projects and 15 foreign-invested ones. The mayor met 3 others.",
                   date="2024-12-20")
    got = {r.value_raw: (*_bounds(r), r.unit) for r in rows.itertuples()}
    assert got["25 others"] == (25, 25, "count")
    assert got["15 foreign-invested ones"] == (15, 15, "count")
    assert "3 others" not in got  # no counted noun before it


def test_a_start_after_from_takes_the_unit_of_the_figure_before_and_of_which_counts():
    rows = extract("In 2024 average income rose to 7.2 million VND per month from 5.1 million "
                   "in 2020, and to 9 million VND from 6 in 2021. The province has 9 industrial "
                   "parks, 7 of which are operating.", date="2024-12-20")
    got = {r.value_raw: (*_bounds(r), r.unit) for r in rows.itertuples()}
    assert got["5.1 million"][:2] == (5.1e6, 5.1e6)
    assert got["5.1 million"][2] == got["7.2 million VND per month"][2]
    assert "6" not in got  # "from 6" after "9 million": no scale written twice
    assert got["7"] == (7, 7, "count")


def test_an_icor_named_before_its_value_is_in_times():
    rows = extract("In 2023 the ICOR is estimated at 5-5.5; the province had 5 districts. "
                   "Năm 2024 hệ số ICOR ở mức 6,1.", date="2024-12-20")
    got = {r.value_raw: (*_bounds(r), r.unit) for r in rows.itertuples()}
    assert got["5-5.5"] == (5, 5.5, "times") and got["6,1"] == (6.1, 6.1, "times")


def test_a_count_after_a_capitalised_word_and_a_comma_is_no_name():
    rows = extract("According to the Department of Planning, 212 new enterprises opened in "
                   "the quarter. Thu 2.500 tỷ đồng, 14 FDI projects were licensed. Cụm "
                   "công nghiệp Tân Phú 2 rộng 50 ha.", date="2024-12-20")
    got = {r.value_raw: (*_bounds(r), r.unit) for r in rows.itertuples()}
    assert got["212"] == (212, 212, "count")
    assert got["14"] == (14, 14, "count")
    assert "2" not in got  # a name: the cluster "Tân Phú 2"


def test_a_vietnamese_count_has_its_noun_right_after_the_number():
    rows = extract("Theo Sở Công Thương, 9 tháng đầu năm 2024 sản phẩm chủ lực tăng khá. "
                   "Đã có 4 tỉnh thành triển khai khu công nghiệp sinh thái. Tỉnh có 6 dự án "
                   "trong nước và 12 new FDI projects.", date="2024-12-20")
    got = {r.value_raw: (*_bounds(r), r.unit) for r in rows.itertuples()}
    assert "9" not in got and "4" not in got  # months, provinces: not what the noun counts
    assert got["6 dự án"] == (6, 6, "count")
    assert got["12"] == (12, 12, "count")  # English puts modifiers before the noun


def test_those_who_attended_a_meeting_are_no_figure():
    rows = extract("Tham dự hội nghị có lãnh đạo các sở, ngành, địa phương; cùng khoảng 350 "
                   "doanh nghiệp trong và ngoài tỉnh. Năm 2024 tỉnh có 350 doanh nghiệp "
                   "thành lập mới. The governor held working sessions with the chamber and "
                   "45 enterprises from Japan.", date="2024-12-20")
    got = [r.value_raw for r in rows.itertuples()]
    assert got == ["350 doanh nghiệp"]  # the new firms; not the attendees
    assert rows.iloc[0]["char_start"] > 100


def test_a_part_of_the_things_counted_before_is_a_count():
    rows = extract("By 2024 the province hosted 120 FDI projects. Of these projects, 41 were "
                   "invested by Japan; among them, 9 are in industrial parks. Of these, 12% "
                   "are idle.", date="2024-12-20")
    got = {r.value_raw: (*_bounds(r), r.unit) for r in rows.itertuples()}
    assert got["41"] == (41, 41, "count") and got["9"] == (9, 9, "count")
    assert got["12%"] == (12, 12, "percent")


def test_a_bare_count_takes_no_noun_past_a_glued_unit_or_its_sentence():
    rows = extract("Cọc thép dài 115.000m, tua-bin cao 105m. Dự án có 20 tua-bin.\n\nẢnh 3 "
                   "và 4\n\nCông nhân làm việc ca đêm.", date="2024-12-20")
    got = [r.value_raw for r in rows.itertuples()]
    assert got == ["20 tua-bin"]  # lengths, photo numbers: no count of a noun further on


# ------------------------------------------- number forms of year-end reviews (devset 310-317)

def test_a_counts_noun_is_never_read_past_the_end_of_its_sentence():
    # a date ending a sentence ("sáng 12.3.") is no count of the next sentence's noun
    rows = extract("Hội nghị diễn ra sáng 12.3.\n\nMột dự án FDI tại khu công nghiệp được trao "
                   "giấy phép. Tỉnh cấp phép cho 25 doanh nghiệp.", date="2026-03-15")
    assert list(rows["value_raw"]) == ["25 doanh nghiệp"]
    rows = extract("The meeting opened at 8. Two FDI projects were licensed.", date="2026-03-15")
    assert rows.empty
    # an abbreviation is no sentence end: "20 U.S. firms"
    rows = extract("It now hosts 20 U.S. firms.", date="2026-03-15")
    assert list(rows["value_raw"]) == ["20"]


def test_a_count_out_of_a_total_is_the_count_not_the_total():
    rows = extract("The district now has 18 out of 24 communes meeting the new rural standard.",
                   date="2023-09-01")
    assert list(rows["value_raw"]) == ["18"]
    assert rows.loc[0, "unit"] == "count" and rows.loc[0, "low"] == 18
    # (a word before the noun: "4 out of 14 operating industrial parks")
    rows = extract("It has 4 out of 14 operating industrial parks fully leased.",
                   date="2024-10-10")
    assert list(rows["value_raw"]) == ["4"] and rows.loc[0, "unit"] == "count"
    # the total of a count of plan targets or a rank stays no figure
    assert extract("It met 16 out of 17 targets and ranked 6th out of 63 provinces.",
                   date="2023-09-01").empty


def test_a_part_of_a_count_named_before_with_its_noun_left_out():
    rows = extract("Tỉnh có 610 dự án FDI còn hiệu lực, trong đó có 400 nằm trong các khu công "
                   "nghiệp.", date="2024-12-01")
    got = dict(zip(rows["value_raw"], rows["unit"]))
    assert got == {"610 dự án": "count", "400": "count"}
    rows = extract("To date it has lured 520 FDI projects worth 12 billion USD, including 300 in "
                   "its industrial parks.", date="2024-12-01")
    got = dict(zip(rows["value_raw"], rows["indicator"]))
    assert "300" in got and got["520"] == "fdi_projects"  # not the parks named after it


def test_a_hyphenated_province_name_without_spaces_takes_its_name():
    rows = extract("Ba Ria-Vung Tau attracted 30 FDI projects in 2023. In October alone, Ba "
                   "Ria–Vung Tau licensed 120 million USD.", date="2023-11-08")
    assert set(rows["region"]) == {"Bà Rịa - Vũng Tàu"}


def test_the_whole_of_a_share_before_and_names_no_place_of_the_next():
    rows = extract("Hằng năm, tỉnh Long An đóng góp khoảng 2,1% GDP cả nước và khoảng 11% GRDP "
                   "của vùng.", date="2023-12-01")
    regions = dict(zip(rows["value_raw"], rows["region"]))
    assert regions["khoảng 11% GRDP"] == "Long An"
    # the country as the subject after "và" stays national
    rows = extract("Năm 2023, tỉnh Long An tăng trưởng 6,2% và cả nước tăng 5,1%.",
                   date="2024-01-10")
    regions = dict(zip(rows["value_raw"], rows["region"]))
    assert regions["6,2%"] == "Long An" and regions["5,1%"] == "Việt Nam"


def test_visits_counted_in_luot_after_visitors_named_before():
    rows = extract("Trong đó, khách quốc tế ước đạt hơn 86.000 lượt, tăng 12%.", date="2024-03-05")
    got = dict(zip(rows["value_raw"], zip(rows["unit"], rows["low"])))
    assert got["hơn 86.000 lượt"] == ("persons", 86000)


def test_a_notes_mark_in_square_brackets_is_no_figure():
    rows = extract("Tăng trưởng đạt 8,1%, cao hơn cả nước[2].\nTổng sản phẩm tăng 8,1%.",
                   date="2024-07-05")
    assert "2" not in set(rows["value_raw"])


def test_a_lead_repeated_word_for_word_in_the_body_is_one_row():
    text = ("Khách quốc tế ước đạt hơn 31.000 lượt, tăng gấp 3 lần so với cùng kỳ.\n\n"
            "Theo báo cáo, trong tháng 1 du lịch phục hồi. Khách quốc tế ước đạt hơn 31.000 "
            "lượt, tăng gấp 3 lần so với cùng kỳ.")
    rows = extract(text, date="2024-02-05")
    assert list(rows["value_raw"]).count("gấp 3 lần") == 1
    assert list(rows["value_raw"]).count("hơn 31.000 lượt") == 1


def test_a_bare_vuot_before_money_is_a_lower_bound_but_says_by_how_much_elsewhere():
    rows = extract("Năm 2024, doanh thu du lịch vượt 4.200 tỉ đồng và xuất khẩu vượt 2 tỷ USD. "
                   "Thu ngân sách vượt 350 tỷ đồng so với dự toán; chỉ số sản xuất vượt 4% kế "
                   "hoạch.", date="2024-12-28")
    got = {r.value_raw: (*_bounds(r), r.unit) for r in rows.itertuples()}
    assert got["vượt 4.200 tỉ đồng"] == (4.2e12, None, "VND")
    assert got["vượt 2 tỷ USD"] == (2e9, None, "USD")
    assert got["350 tỷ đồng"] == (3.5e11, 3.5e11, "VND")  # the excess over the estimate
    assert got["4%"] == (4, 4, "percent")


def test_the_places_a_rank_is_set_against_are_no_figures_region():
    rows = extract("Năm 2024, GRDP của tỉnh Bắc Kạn đạt 20.000 tỷ đồng, xếp thứ 5 cả vùng, sau "
                   "Lào Cai, Hà Giang và Lạng Sơn. Thu ngân sách đạt 2.000 tỷ đồng, đạt 105% dự "
                   "toán.", date="2024-12-28")
    got = {r.value_raw: r.region for r in rows.itertuples()}
    assert got["2.000 tỷ đồng"] == "Bắc Kạn"
    assert got["105%"] == "Bắc Kạn"
    # a compared place with its own figure is that figure's place
    rows = extract("Năm 2024, tỉnh Bắc Kạn tăng trưởng 8,1%, đứng thứ 2 cả vùng (sau tỉnh Lào "
                   "Cai tăng 9,2%).", date="2024-12-28")
    got = {r.value_raw: r.region for r in rows.itertuples()}
    assert got["9,2%"] == "Lào Cai"


def test_one_decimal_point_is_outweighed_by_a_paragraph_writing_decimal_commas():
    # "2.146ha" beside a stray "1310.3ha" in a paragraph whose decimals are commas: thousands
    # (the decimal commas further than the few sentences around it, in the same paragraph)
    filler = "Các khu này nằm dọc các trục giao thông chính, thuận lợi cho nhà đầu tư. " * 3
    text = ("Theo quy hoạch, tỉnh có 9 KCN với tổng diện tích quy hoạch 2.146ha. Hiện có 5 KCN "
            "với tổng diện tích 1310.3ha. " + filler + "Tỉnh có 24 CCN với tổng diện tích "
            "495,21ha; 22 CCN rộng 445,41ha; một cụm rộng 36,37ha.")
    got = by_raw(text, "2022-11-15")
    assert got["2.146ha"].low == 2146 and got["1310.3ha"].low == 1310.3
    # a paragraph whose decimals are points keeps reading "2.146ha" as a decimal
    got = by_raw("Ba lô đất rộng 2.146ha; 1.25ha và 3.75ha.", "2022-11-15")
    assert got["2.146ha"].low == 2.146


def test_a_sign_before_a_number_is_its_bound():
    # ">95%", "≥ 80%", "<3%" in lists and infographics: above and below, not exact
    from hy_analysis.extraction.figures import find_figures

    got = {f.raw: f.parsed for f in find_figures(
        "Tỷ lệ bao phủ bảo hiểm y tế: >95%; hộ được dùng nước sạch ≥ 80%; tỷ lệ thất nghiệp "
        "<3%.", lang="vi")}
    assert (got[">95%"].low, got[">95%"].qualifier) == (95, "above")
    assert (got["≥ 80%"].low, got["≥ 80%"].qualifier) == (80, "above")
    assert (got["<3%"].high, got["<3%"].qualifier) == (3, "below")
    # an arrow is no bound
    got = {f.raw: f.parsed for f in find_figures("Tỷ trọng tăng từ 20% -> 25%.", lang="vi")}
    assert got["25%"].qualifier == "exact"
