"""The shared page in its reader's language, the index and the Excel export (issue 20)."""

from __future__ import annotations

import nbformat
import openpyxl
import pandas as pd
import pytest

from hy_analysis.display import RUN_PARAMETERS_ROLE, reader_table, table_payload
from hy_analysis.rendering import (TABLE_MIME, render_index, render_notebook_html,
                                   report_info, report_tables, write_workbook)


def _notebook(lang_cells=True):
    md = nbformat.v4.new_markdown_cell
    code = nbformat.v4.new_code_cell
    table = pd.DataFrame({"Chỉ tiêu": ["GRDP", "FDI"], "Năm": [2025, 2030],
                          "Giá trị": [8.5, float("nan")]})
    shown = code("show_table(x)", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": "<table class='x'></table>",
                              TABLE_MIME: table_payload(table, lang="vi")})])
    params = code("start()", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/markdown": "**Tham số của lần chạy này** `region`"},
        metadata={"hy-analysis": {"role": RUN_PARAMETERS_ROLE}})])
    finding = code("show_markdown()", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/markdown": "- **543** dự án FDI (01/2024). Thêm nữa."})])
    cells = [md("# Đầu tư nước ngoài\n\nCâu hỏi tiếng Việt."),
             md("# Foreign investment\n\nThe English question."),
             params, md("## 1. Bảng số liệu"), md("## 1. The table"), finding, shown]
    cells[0].metadata.tags = ["lang-vi"]
    cells[1].metadata.tags = ["lang-en"]
    cells[3].metadata.tags = ["lang-vi"]
    cells[4].metadata.tags = ["lang-en"]
    return nbformat.v4.new_notebook(cells=cells)


@pytest.mark.parametrize("lang, kept, dropped", [
    ("vi", ["Đầu tư nước ngoài", "Câu hỏi tiếng Việt", "Chi tiết kỹ thuật"],
     ["The English question", "The table", "Tham số của lần chạy này"]),
    ("en", ["Foreign investment", "The English question", "Technical details"],
     ["Câu hỏi tiếng Việt", "Bảng số liệu", "Tham số của lần chạy này"]),
])
def test_page_keeps_only_the_readers_language(lang, kept, dropped):
    page = render_notebook_html(
        _notebook(), title="fdi (defaults)", notebook="fdi_by_country",
        params={"region": "Hưng Yên", "lang": lang,
                "user_data": ["/home/lan/private/data/mine.csv"]},
        downloads={"xlsx": "fdi_by_country.xlsx", "ipynb": "fdi_by_country.ipynb"})
    for text in kept:
        assert text in page, text
    for text in dropped:
        assert text not in page, text
    assert f'<html lang="{lang}">' in page
    header = page[page.index('<header class="hy-header"'):page.index("</header>")]
    assert 'href="fdi_by_country.xlsx" download' in header
    assert "user_data" not in header and "mine.csv" in header
    assert "/home/lan" not in page  # issue 19: no folder of this machine
    assert page.count("<h1") >= 1 and header.count("<h1>") == 1


@pytest.mark.parametrize("lang, label", [("vi", "chạy xong lúc"), ("en", "finished")])
def test_technical_rows_named_by_a_text_key_follow_the_language(lang, label):
    """The runner's "finished" row showed in English on Vietnamese pages (audit21f)."""
    page = render_notebook_html(
        _notebook(), title="fdi (defaults)", notebook="fdi_by_country",
        params={"lang": lang}, extra_rows=[("finished", "2026-12-07 15:00:00")])
    technical = page[page.index('<section class="hy-technical"'):]
    assert f"<code>{label}</code></th><td>2026-12-07 15:00:00" in technical


def test_report_info_title_and_first_finding():
    info = report_info(_notebook(), lang="vi")
    assert info == {"title": "Đầu tư nước ngoài", "finding": "543 dự án FDI (01/2024)."}
    assert report_info(_notebook(), lang="en")["title"] == "Foreign investment"


@pytest.mark.parametrize("markdown, finding", [
    # italics of a territory (provinces_compared) showed their asterisks on the index
    ("Các tỉnh: *Hưng Yên (sau sáp nhập, từ 01/07/2025)* và *Thái Bình*.",
     "Các tỉnh: Hưng Yên (sau sáp nhập, từ 01/07/2025) và Thái Bình."),
    # list items that end in a full stop read "lực.; Vốn"
    ("- 543 dự án còn hiệu lực.\n- Vốn đăng ký: 7 tỷ USD.",
     "543 dự án còn hiệu lực; Vốn đăng ký: 7 tỷ USD."),
    ("hệ_số a_b giữ nguyên dấu gạch dưới, không phải chữ nghiêng.",
     "hệ_số a_b giữ nguyên dấu gạch dưới, không phải chữ nghiêng."),
])
def test_index_finding_is_plain_text(markdown, finding):
    from hy_analysis.rendering.page import _first_sentence

    assert _first_sentence(markdown) == finding


def test_index_finding_cut_at_a_word_with_an_ellipsis():
    from hy_analysis.rendering.page import _first_sentence

    source = "Bảng gồm " + "41 thực hiện, 25 mục tiêu; " * 20
    text = _first_sentence(source)
    assert len(text) <= 302 and text.endswith(" …")
    kept = text[:-2]
    assert source.startswith(kept + " ") or source.startswith(kept + ",")  # a whole word


def test_reader_table_no_raw_values():
    frame = pd.DataFrame({"n": [10.0, 3.0], "year": [2025, 2030], "big": [2.2e15, None],
                          "t": ["Hưng Yên (before 2025-07-01)", None]})
    cells = reader_table(frame, lang="vi")
    assert cells.to_dict("list") == {
        "n": ["10", "3"], "year": ["2025", "2030"], "big": ["2.200.000.000.000.000", ""],
        "t": ["Hưng Yên (trước 01/07/2025)", ""]}
    assert reader_table(frame, lang="en")["big"][0] == "2,200,000,000,000,000"


def test_workbook_one_sheet_per_table_with_sources(tmp_path):
    tables = report_tables(_notebook(), lang="vi")
    assert [t["section"] for t in tables] == ["1. Bảng số liệu"]
    sources = pd.DataFrame({"id": ["a"], "doc_number": ["87/KH-UBND"], "title": ["Kế hoạch"],
                            "issuer": ["UBND"], "date": ["2023-04"],
                            "url": ["https://example.org/a"]})
    path = write_workbook(tables, tmp_path / "r.xlsx", title="Đầu tư", lang="vi",
                          sources=sources)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Giới thiệu", "1. Bảng số liệu", "Nguồn"]
    sheet = book["1. Bảng số liệu"]
    assert [c.value for c in sheet[3]] == ["Chỉ tiêu", "Năm", "Giá trị"]
    assert [c.value for c in sheet[4]] == ["GRDP", 2025, 8.5]  # numbers stay numbers
    assert sheet["C5"].value is None
    assert book["Nguồn"]["F2"].hyperlink.target == "https://example.org/a"


def test_index_groups_runs_under_plain_titles():
    runs = [(f"fdi_by_country/{slug}", {
        "notebook": "fdi_by_country", "slug": slug, "status": "ok",
        "finished": f"2026-12-06T20:0{i}:00", "parameters": {"lang": "vi", "region": "Hưng Yên"},
        "files": {"html": "fdi_by_country.html", "ipynb": "fdi_by_country.ipynb",
                  "xlsx": "fdi_by_country.xlsx"},
        "report": {"title": "Đầu tư <nước ngoài>", "finding": "543 dự án.", "lang": "vi"}})
        for i, slug in enumerate(["defaults", "region-x"])]
    page = render_index(runs)
    assert '<html lang="vi">' in page and page.count("<h2>") == 1
    assert "Đầu tư &lt;nước ngoài&gt;" in page and "(2 lần chạy)" in page
    assert page.count('fdi_by_country.ipynb" download') == 2
    assert "Địa phương: Hưng Yên" in page


@pytest.mark.parametrize("n, expected", [(1, "(1 run)"), (2, "(2 runs)")])
def test_index_counts_runs_in_english_grammar(n, expected):
    # the English index said "(1 runs)" under every heading
    runs = [(f"overview/r{i}", {"notebook": "overview", "status": "ok",
                                "finished": f"2026-12-06T20:0{i}:00", "parameters": {"lang": "en"},
                                "files": {"html": "overview.html"},
                                "report": {"title": "Overview", "finding": "x.", "lang": "en"}})
            for i in range(n)]
    assert expected in render_index(runs, lang="en")
