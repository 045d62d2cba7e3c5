"""The words of the shared pages and the index, by language (vi/en)."""

from __future__ import annotations

__all__ = ["PAGE_TEXTS", "INDEX_TEXTS", "none_words"]

PAGE_TEXTS = {
    "vi": {"kicker": "Báo cáo phân tích · hy-analysis", "as_of": "Số liệu cập nhật đến",
           "problem": "Lần chạy này dừng giữa chừng: báo cáo chưa đầy đủ (xem chi tiết kỹ "
                      "thuật ở cuối trang).",
           "downloads": "Tải về", "xlsx": "Tải bảng số liệu (Excel)",
           "ipynb": "Tải sổ tay đã chạy (.ipynb)", "yes": "có", "no": "không",
           "technical": "Chi tiết kỹ thuật",
           "technical_intro": "Tham số của lần chạy (dạng mã), phiên bản phần mềm và thời "
                              "gian, để chạy lại đúng báo cáo này.",
           "versions": "phiên bản"},
    "en": {"kicker": "Analysis report · hy-analysis", "as_of": "Data as of",
           "problem": "This run stopped part-way: the report is incomplete (see the "
                      "technical details at the end).",
           "downloads": "Downloads", "xlsx": "Download the tables (Excel)",
           "ipynb": "Download the executed notebook (.ipynb)", "yes": "yes", "no": "no",
           "technical": "Technical details",
           "technical_intro": "The run's parameters (as code), software versions and times, "
                              "to run this report again exactly.",
           "versions": "versions"},
}

#: How an empty choice reads, per parameter (the meaning its ``help`` gives to None).
_NONE_WORDS = {
    "vi": {"as_of": "năm mới nhất có số liệu", "regions": "tất cả địa phương",
           "user_data": "các tệp trong thư mục data/user (nếu có)", "_": "không có"},
    "en": {"as_of": "latest year with data", "regions": "every region",
           "user_data": "the files in data/user (if any)", "_": "none"},
}


def none_words(name: str, lang: str) -> str:
    """What an empty value of parameter ``name`` means, in ``lang``.

    Examples
    --------
    >>> none_words("as_of", "en"), none_words("baseline_year", "vi")
    ('latest year with data', 'không có')
    """
    words = _NONE_WORDS[lang]
    return words.get(name, words["_"])


INDEX_TEXTS = {
    "vi": {"title": "Các báo cáo phân tích", "intro":
           "Mỗi dòng là một lần chạy một phân tích với các lựa chọn đã nêu. Mở “Báo cáo” để "
           "đọc kết quả, bảng và biểu đồ ngay trong trình duyệt (không cần cài phần mềm hay "
           "mạng). Mới nhất ở trên.", "choices": "Lựa chọn", "finding": "Kết quả chính",
           "finished": "Thời điểm", "open": "Mở", "report": "Báo cáo", "xlsx": "Excel",
           "ipynb": "Sổ tay (.ipynb)", "none": "Chưa có lần chạy nào.",
           "failed": "Lần chạy dừng giữa chừng", "runs": "lần chạy", "run": "lần chạy"},
    "en": {"title": "Analysis reports", "intro":
           "Each line is one run of an analysis with the choices shown. Open “Report” to "
           "read the findings, tables and charts in your browser (no software or internet "
           "connection needed). Newest first.", "choices": "Choices",
           "finding": "Main finding", "finished": "Finished", "open": "Open",
           "report": "Report", "xlsx": "Excel", "ipynb": "Notebook (.ipynb)",
           "none": "No runs yet.", "failed": "The run stopped part-way", "runs": "runs",
           "run": "run"},
}
