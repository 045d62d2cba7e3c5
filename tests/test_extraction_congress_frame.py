"""Extraction: Party congress reports, the targets they set with no year written (the term
after the congress, or "the next five years" said before them), the result of a strife that
is past, and the names a reader of any province gives to jobs, trained workers and facilities
meeting environmental standards.

Each test writes its own sentences (never a document's), in the forms congress reports use.
"""

from helpers import by_raw

from hy_analysis.extraction import extract


def _row(text: str, raw: str, date: str) -> dict:
    rows = by_raw(text, date=date)
    assert raw in rows, sorted(rows)
    return rows[raw]._asdict()


def test_congress_targets_with_no_year_are_the_next_term():
    text = ("The 15th provincial Party Congress closed on October 20. It set out goals: "
            "average GRDP growth of 6.5-7% a year and GRDP per capita of USD3,500.")
    growth = _row(text, "6.5-7% a year", "2020-10-21")
    assert (growth["kind"], growth["period_start"], growth["period_end"]) == \
        ("target", 2021, 2025)
    level = _row(text, "USD3,500", "2020-10-21")
    assert (level["kind"], level["period_start"], level["period_end"]) == \
        ("target", 2025, 2025)


def test_congress_will_reach_is_the_aim_not_an_estimate():
    text = ("Đại hội Đảng bộ tỉnh lần thứ XII bế mạc. Tỷ lệ đô thị hóa sẽ đạt trên 40%, "
            "tăng trưởng kinh tế bình quân 8%/năm.")
    urban = _row(text, "trên 40%", "2015-10-10")
    assert (urban["kind"], urban["period_start"], urban["period_end"]) == \
        ("target", 2020, 2020)
    growth = _row(text, "8%/năm", "2015-10-10")
    assert (growth["period_start"], growth["period_end"]) == (2016, 2020)


def test_a_congress_named_in_a_mid_term_year_sets_no_term():
    # congresses meet in years ending in 0 or 5: a plan of 2023 under a congress's resolution
    # keeps the document's year
    text = "Thực hiện Nghị quyết Đại hội, năm nay tỉnh phấn đấu tăng trưởng kinh tế 7%."
    row = _row(text, "7%", "2023-03-01")
    assert (row["kind"], row["period_start"], row["period_end"]) == ("target", 2023, 2023)


def test_next_five_years_said_before_frames_the_aims_after_it():
    text = ("In the next 5 years, the province will focus on tourism and processing.\n\n"
            "It strives for GRDP growth of 8-9% per year and a budget revenue of "
            "VND5 trillion.")
    growth = _row(text, "8-9% per year", "2022-11")
    assert (growth["kind"], growth["period_start"], growth["period_end"]) == \
        ("target", 2023, 2027)
    budget = _row(text, "VND5 trillion", "2022-11")
    assert (budget["period_start"], budget["period_end"]) == (2027, 2027)


def test_a_past_strife_gives_results():
    text = ("Nhiệm kỳ qua, Đảng bộ và nhân dân tỉnh đã phấn đấu đạt mức tăng trưởng bình quân "
            "7,2%/năm; thu nhập bình quân đầu người đạt 52 triệu đồng.")
    rows = by_raw(text, date="2020-10-15", column="kind")
    assert rows["7,2%/năm"] == "actual"
    assert rows["52 triệu đồng"] == "actual"
    # the present strife stays an aim
    aim = by_raw("Tỉnh phấn đấu đạt mức tăng trưởng bình quân 8%/năm giai đoạn 2021-2025.",
                 date="2020-10-15", column="kind")
    assert aim["8%/năm"] == "target"


def test_jobs_trained_employees_and_environmental_standards_are_named():
    frame = extract("The province will create jobs for 9,000 workers per year; the "
                    "percentage of trained employees will reach 72% by 2025.", date="2020-10")
    codes = dict(zip(frame["value_raw"], frame["indicator"]))
    assert codes["9,000 workers per year"] == "jobs_created"
    assert codes["72%"] == "trained_labour_share_all"
    frame = extract("Đến năm 2025, 95% cơ sở sản xuất kinh doanh đạt tiêu chuẩn môi trường.",
                    date="2020-10")
    assert frame["indicator"].tolist() == ["env_compliant_facilities_share"]


def test_the_term_in_a_congress_name_dates_no_later_review():
    text = ("Sáng 14-10, Đại hội đại biểu Đảng bộ tỉnh lần thứ X, nhiệm kỳ 2020-2025 đã khai mạc "
            "với 300 đại biểu. Kinh tế tăng trưởng khá. GRDP bình quân đầu người 41,2 triệu "
            "đồng; tỉ lệ hộ nghèo còn 3,8%.")
    rows = by_raw(text, date="2020-10-14")
    for raw in ("41,2 triệu đồng", "3,8%"):
        row = rows[raw]
        assert (row.kind, row.period_start, row.period_end) == ("actual", 2020, 2020)
    # a congress's sentence that sets aims keeps its term for them
    aims = by_raw("Đại hội Đảng bộ tỉnh nhiệm kỳ 2020-2025 đề ra mục tiêu tăng trưởng kinh tế "
                  "bình quân 7%/năm.", date="2020-10-14")
    assert (aims["7%/năm"].period_start, aims["7%/năm"].period_end) == (2021, 2025)
