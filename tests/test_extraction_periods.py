"""Extraction: the period and kind of a figure from its own sentence, and figures written as a
difference or with an old scale word (issue #17, rules found on the devset's documents 60-75;
the sentences here are our own)."""

from __future__ import annotations

import pytest
from helpers import by_raw

from hy_analysis.extraction import extract


def _period(row):
    return (row.period_start, row.period_end)


def test_months_of_a_named_year_are_that_years():
    # "9 tháng năm 2022" is a span of months of 2022, not a date: a page dated later keeps it
    got = by_raw("Tổng sản phẩm 9 tháng năm 2022 của tỉnh tăng 6,4% so với cùng kỳ.",
                 "2023-08-10")
    assert _period(got["6,4%"]) == (2022, 2022)


def test_the_compared_years_own_figures_after_la():
    got = by_raw("Năm 2024 công nghiệp chiếm 41,2%; dịch vụ chiếm 35,5% (cơ cấu cùng kỳ năm "
                 "2023 là: 39,8%; 36,1%).", "2025-01-10")
    assert _period(got["41,2%"]) == (2024, 2024)
    assert _period(got["39,8%"]) == (2023, 2023)
    assert _period(got["36,1%"]) == (2023, 2023)


def test_a_year_in_a_closed_bracket_sets_no_period_after_it():
    got = by_raw("Cơ cấu năm 2024: nông nghiệp chiếm 20,1% (năm 2023 chiếm 21,4%); công nghiệp "
                 "chiếm 40,3% (năm 2023 chiếm 38,9%).", "2025-01-15")
    assert _period(got["21,4%"]) == (2023, 2023)
    assert _period(got["40,3%"]) == (2024, 2024)
    assert _period(got["38,9%"]) == (2023, 2023)


def test_this_period_is_the_span_named_before():
    got = by_raw("Nhiệm kỳ 2015-2020, GRDP tăng bình quân 7,1%/năm; năm 2020 ước tăng 3%. "
                 "Tổng vốn đầu tư giai đoạn này đạt 120.000 tỷ đồng.", "2020-10-01")
    assert _period(got["7,1%/năm"]) == (2016, 2020)
    assert _period(got["120.000 tỷ đồng"]) == (2016, 2020)


def test_a_later_sentences_year_frame_beats_the_previous_figures_year():
    text = ("Năm 2023, thu ngân sách đạt 5.200 tỷ đồng. Tỉnh xác định, năm 2024 là năm tăng "
            "tốc. Kế hoạch đề ra công nghiệp tăng 12,5%.")
    got = by_raw(text, "2024-02-20")
    assert _period(got["12,5%"]) == (2024, 2024)
    assert got["12,5%"].kind == "target"
    # a noun's year ("chỉ số PCI năm 2023") frames nothing: the previous figure's year holds
    got = by_raw("Năm 2024, tổng vốn đầu tư đạt 3 tỷ USD. Chỉ số PCI năm 2023 xếp hạng khá. "
                 "Vốn thu hút đạt trên 1,5 tỷ USD.", "2025-01-20")
    assert _period(got["trên 1,5 tỷ USD"]) == (2024, 2024)


def test_a_sentence_said_after_the_plan_is_a_target():
    got = by_raw("Theo kế hoạch, năm 2026 thu ngân sách dự kiến đạt 9.800 tỷ đồng.",
                 "2026-01-20")
    assert got["9.800 tỷ đồng"].kind == "target"
    got = by_raw("Năm 2026 thu ngân sách dự kiến đạt 9.800 tỷ đồng.", "2026-11-20")
    assert got["9.800 tỷ đồng"].kind == "actual"


def test_plan_words_after_a_sentences_last_figure_do_not_carry_over():
    text = ("Giá trị sản xuất nông nghiệp đạt 2.100 tỷ đồng, bằng 48% kế hoạch năm. "
            "Sản lượng chè đạt 12.000 tấn, đưa tỉnh gần hơn mục tiêu trở thành vùng chè lớn. "
            "Giá trị sản xuất công nghiệp đạt 3.900 tỷ đồng.")
    got = by_raw(text, "2025-07-05")
    assert got["12.000 tấn"].kind == "actual"
    assert got["3.900 tỷ đồng"].kind == "actual"
    # target words before a figure still carry over to the sentence after
    got = by_raw("Tỉnh phấn đấu GRDP tăng 9%. Công nghiệp tăng 14%.", "2025-01-05")
    assert got["14%"].kind == "target"


def test_the_plan_of_a_year_in_brackets_is_a_target():
    got = by_raw("GRDP theo giá so sánh ước đạt 15.300 tỷ đồng (kế hoạch năm 2024 là 15.000 tỷ "
                 "đồng).", "2025-01-08")
    assert got["15.000 tỷ đồng"].kind == "target"
    assert got["15.300 tỷ đồng"].kind == "actual"


def test_a_quarters_year_right_after_the_figure_is_its_year():
    # even when the sentence named another year before the figure
    got = by_raw("Theo báo cáo quý I/2023 của Cục Thống kê, GRDP quý I năm nay ước tăng 5,2% so "
                 "cùng kỳ năm ngoái và chỉ cao hơn tốc độ tăng 4,1% của quý I/2020 trong giai "
                 "đoạn 2015 - 2023.", "2023-04-02")
    assert _period(got["4,1%"]) == (2020, 2020)
    assert _period(got["5,2%"]) == (2023, 2023)


def test_mo_rong_is_a_growth_verb():
    got = by_raw("Năm 2024, khu vực dịch vụ mở rộng 8,2%, chiếm 51% nền kinh tế.", "2025-01-10")
    assert got["8,2%"].measure == "annual_growth"
    assert got["8,2%"].indicator == "services_grdp_growth"


def test_higher_or_lower_by_compared_with_so_is_a_signed_difference():
    got = by_raw("Tăng trưởng quý III đạt 6,9%, cao hơn 0,42 điểm phần trăm so mức của quý II. "
                 "Thu ngân sách thấp hơn 1,3% so với dự toán.", "2025-10-05")
    assert (got["0,42 điểm phần trăm"].low, got["0,42 điểm phần trăm"].qualifier) == (0.42,
                                                                                     "exact")
    assert (got["1,3%"].low, got["1,3%"].high, got["1,3%"].qualifier) == (-1.3, -1.3, "exact")
    # without a comparison "thấp hơn" stays a bound
    got = by_raw("Tỷ lệ hộ nghèo năm 2025 thấp hơn 2%.", "2025-12-01")
    assert (got["thấp hơn 2%"].high, got["thấp hơn 2%"].qualifier) == (2, "below")


def test_van_is_ten_thousand():
    got = by_raw("Năm 2024 sản lượng lương thực đạt trên 28 vạn tấn.", "2024-12-20")
    assert (got["trên 28 vạn tấn"].low, got["trên 28 vạn tấn"].unit) == (280_000, "count")



def test_so_nam_names_a_base_year_not_a_period():
    text = ("Doanh thu du lịch tăng gấp 1,8 lần so năm 2019. Tỷ lệ hộ nghèo còn 4,1%.")
    got = by_raw(text, "2024-12-20")
    assert _period(got["gấp 1,8 lần"]) == (2019, 2024)
    assert _period(got["4,1%"]) == (2024, 2024)


def test_an_average_of_the_past_term_spans_its_five_years():
    text = ("Báo cáo chính trị cho biết nhiệm kỳ qua tỉnh hoàn thành phần lớn chỉ tiêu. Kinh tế "
            "tăng trưởng khá, bình quân 8,4%/năm.")
    got = by_raw(text, "2020-10-15")
    assert _period(got["8,4%/năm"]) == (2016, 2020)
    # without such words an average keeps its year
    got = by_raw("Kinh tế tăng trưởng khá, bình quân 8,4%/năm.", "2020-10-15")
    assert _period(got["8,4%/năm"]) == (2020, 2020)


def test_an_average_of_the_period_just_ended_spans_its_five_years():
    # a congress report's "giai đoạn qua" is the plan period that ends with the report's year
    text = ("Tại đại hội, lãnh đạo tỉnh cho biết thu nhập bình quân giai đoạn qua tăng "
            "6,2%/năm, thấp hơn mục tiêu.")
    got = by_raw(text, "2025-10-02")
    assert _period(got["6,2%/năm"]) == (2021, 2025)
    got = by_raw("Thu nhập bình quân giai đoạn vừa qua tăng 6,2%/năm.", "2020-09-20")
    assert _period(got["6,2%/năm"]) == (2016, 2020)
    # a named period keeps its years, and a year's figure is no average of the period
    got = by_raw("Thu nhập bình quân giai đoạn 2016-2020 tăng 6,2%/năm.", "2025-10-02")
    assert _period(got["6,2%/năm"]) == (2016, 2020)


def test_rising_is_a_growth_verb():
    got = by_raw("Budget revenue reached 21.5 trillion VND in 2024, rising 6.2% against 2023.",
                 "2025-01-10")
    assert got["6.2%"].measure == "annual_growth"
    assert got["6.2%"].indicator == "state_budget_revenue_growth"


def test_an_amount_in_a_sentence_framed_by_a_span_is_its_total():
    got = by_raw("Giai đoạn 2021-2025, tỉnh thu ngân sách đạt 95.000 tỷ đồng; GRDP bình "
                 "quân đầu người đạt 75 triệu đồng.", "2025-10-01")
    row = got["95.000 tỷ đồng"]
    assert (_period(row), row.measure) == ((2021, 2025), "period_total")
    # a per-person amount is the level reached at the span's end
    row = got["75 triệu đồng"]
    assert (_period(row), row.measure) == ((2025, 2025), "level")


def test_a_quarter_compared_with_or_a_base_quarter_is_no_period():
    got = by_raw("So với quý I/2024, GRDP quý này tăng 6,2%.", "2025-04-05")
    assert _period(got["6,2%"]) == (2025, 2025)
    got = by_raw("Sau khi điều chỉnh số liệu gốc quý I/2023, mức tăng trưởng thực tế đạt 5,4%.",
                 "2024-04-05")
    assert _period(got["5,4%"]) == (2024, 2024)


def test_a_relative_year_of_an_earlier_sentence_holds_unless_compared_with():
    text = ("Tỉnh đặt mục tiêu trở thành thành phố trước năm 2030.\n\nTừ cuối năm ngoái, hai "
            "huyện được sáp nhập. Sau sắp xếp, tỉnh có diện tích tự nhiên 3.200 km2.")
    got = by_raw(text, "2026-02-10")
    assert (_period(got["3.200 km2"]), got["3.200 km2"].kind) == ((2025, 2025), "actual")
    text = ("In 2023, exports reached 9.2 billion USD. Revenue rose 7% against the same time "
            "last year. Imports reached 8.1 billion USD.")
    got = by_raw(text, "2025-03-15")
    assert _period(got["8.1 billion USD"]) == (2023, 2023)


def test_millions_of_luot_are_visits_but_a_view_counter_is_no_figure():
    got = by_raw("Năm 2024 tỉnh đón khoảng 6,2 triệu lượt, tăng 12%. Bài viết có 2,315 lượt xem.",
                 "2024-12-28")
    assert (got["khoảng 6,2 triệu lượt"].low, got["khoảng 6,2 triệu lượt"].unit) == (
        6_200_000, "persons")
    assert not any("lượt xem" in raw for raw in got)


def test_a_figure_in_brackets_after_the_previous_year_is_that_years():
    got = by_raw("Năm 2023, GRDP tăng 6,5%, thấp hơn năm trước (7,2%).", "2024-01-10")
    assert _period(got["6,5%"]) == (2023, 2023)
    assert _period(got["7,2%"]) == (2022, 2022)
    # the same change restated in brackets keeps the sentence's year
    got = by_raw("Năm 2023 GRDP bằng 95,1% cùng kỳ năm trước (giảm 4,9% so với cùng kỳ).",
                 "2024-01-10")
    assert _period(got["giảm 4,9%"]) == (2023, 2023)


def test_only_a_five_year_term_starts_the_year_after_its_congress():
    got = by_raw("Kết quả giữa nhiệm kỳ 2021-2023, GRDP tăng bình quân 6,9%/năm.", "2023-10-01")
    assert _period(got["6,9%/năm"]) == (2021, 2023)
    got = by_raw("Nhiệm kỳ 2025-2030, phấn đấu tăng trưởng bình quân 10%/năm.", "2025-10-01")
    assert _period(got["10%/năm"]) == (2026, 2030)


def test_an_estimate_word_before_the_previous_figure_is_that_figures():
    got = by_raw("Năm 2025 ước đạt 8,5%, kế hoạch năm 2026 tăng 10%.", "2025-12-10")
    assert (_period(got["10%"]), got["10%"].kind) == ((2026, 2026), "target")
    assert _period(got["8,5%"]) == (2025, 2025)


def test_from_a_year_to_a_year_is_a_span_not_a_horizon():
    got = by_raw("Từ năm 2021 đến năm 2025, tỉnh thu hút 120 dự án FDI.", "2025-09-15")
    assert (_period(got["120 dự án"]), got["120 dự án"].kind) == ((2021, 2025), "actual")
    got = by_raw("Đến năm 2030, tỉnh có 20 khu công nghiệp.", "2025-09-15")
    assert got["20 khu công nghiệp"].kind == "target"


# The document's frame (issue #17, documents 100-106): the year a figure belongs to when its
# clause, sentence, paragraph and heading name none.

def test_first_months_not_yet_over_at_the_page_date_are_the_year_before():
    # a review dated January: its "first half" cannot be the page year's
    text = ("Năm 2023 kinh tế tỉnh phục hồi. Tổng sản phẩm tăng 6,1%. "
            "Riêng 6 tháng đầu năm tăng 4,5%.")
    assert _period(by_raw(text, "2024-01-12")["4,5%"]) == (2023, 2023)
    # dated after those months, the same words are the page year's
    text = "Kinh tế tỉnh tiếp tục phục hồi. Trong 6 tháng đầu năm, tổng sản phẩm tăng 4,5%."
    assert _period(by_raw(text, "2024-07-05")["4,5%"]) == (2024, 2024)
    # a half-year release out at the end of June is the page year's too
    assert _period(by_raw(text, "2024-06-28")["4,5%"]) == (2024, 2024)


def test_months_to_date_in_a_page_dated_by_year_only_follow_the_years_it_names():
    text = ("Năm 2022 tỉnh hoàn thành kế hoạch; chỉ số công nghiệp năm 2022 tăng 9,2%. "
            "Kinh tế 9 tháng tăng 7,3%.")
    assert _period(by_raw(text, "2023")["7,3%"]) == (2022, 2022)


def test_a_superlatives_range_from_a_year_is_no_period():
    # "cao nhất từ năm 2016 đến nay" compares over a range: the bracket after it keeps the
    # sentence's year, and the figure before it neither grows from 2016 nor belongs to it
    got = by_raw("Năm 2023 kim ngạch xuất khẩu tăng 12,5%, cao nhất từ năm 2016 đến nay, "
                 "vượt mức chung của vùng (tăng 7,1%).", "2024-03-20")
    assert _period(got["12,5%"]) == (2023, 2023)
    assert _period(got["7,1%"]) == (2023, 2023)


def test_a_mistyped_so_voi_still_names_a_base_year():
    # "so vói năm 2021" (a stored page's typo for "so với"): 2021 is compared with, so the next
    # sentence, which names no year, keeps the paragraph's year
    got = by_raw("Năm 2022, thời tiết thuận lợi. Diện tích lúa đạt 41.200 ha, tăng 1.300 ha "
                 "so vói năm 2021. Sản lượng cả năm ước tăng 3,4% so với cùng kỳ.", "2023-01-18")
    assert _period(got["3,4%"]) == (2022, 2022)


def test_a_year_alone_in_brackets_dates_the_figures_of_its_clause():
    text = ("Năm 2024 kinh tế của tỉnh tăng 7,2%. Tỉnh rộng 2.514,8 km2 và có 1.180.300 người "
            "(năm 2021). Tỉnh có 6 khu công nghiệp đang hoạt động.")
    got = by_raw(text, "2024-12-20")
    assert _period(got["2.514,8 km2"]) == (2021, 2021)
    assert _period(got["1.180.300 người"]) == (2021, 2021)
    # the bracket dates its own clause: the next sentence does not take it from the figure
    # before it
    assert _period(got["6 khu công nghiệp"]) == (2024, 2024)
    # English word order: "(in 2020)"
    got = by_raw("The province covers 3,380 km2 with 1.6 million people (in 2020).", "2023-05-02")
    assert _period(got["1.6 million people"]) == (2020, 2020)


def test_a_past_term_compared_with_the_one_before_is_the_whole_term():
    # a congress report on "nhiệm kỳ qua" naming none of its years: an amount and its ratio
    # to the period before are the five years ending with the report's
    text = ("Nhiệm kỳ qua, kinh tế của tỉnh tăng trưởng khá.\n\nTổng vốn đầu tư toàn xã hội "
            "đạt 41.250 tỷ đồng, gấp 1,8 lần so với giai đoạn trước. Thu ngân sách năm cuối "
            "đạt 2.100 tỷ đồng.")
    got = by_raw(text, "2020-10-15")
    assert _period(got["41.250 tỷ đồng"]) == (2016, 2020)
    assert _period(got["gấp 1,8 lần"]) == (2016, 2020)
    # a yearly amount with no comparison keeps the report's year
    assert _period(got["2.100 tỷ đồng"]) == (2020, 2020)


def test_a_base_year_right_after_a_ratio_is_its_own():
    got = by_raw("Năm 2022 quy mô kinh tế đạt 52.300 tỷ đồng, gấp 9,5 lần so với năm 2005 và "
                 "gấp 1,7 lần so với năm 2015.", "2023-02-10")
    assert _period(got["gấp 9,5 lần"]) == (2005, 2022)
    assert _period(got["gấp 1,7 lần"]) == (2015, 2022)


def test_expected_early_in_its_own_year_is_the_plan():
    text = ("In 2026, the province aims to raise its GRDP by 9.2%. Of which, services are "
            "expected to grow by 8.4% and exports are expected to reach USD 3.1 billion.")
    got = by_raw(text, "2026-02-14")
    assert got["8.4%"].kind == "target"
    assert got["USD 3.1 billion"].kind == "target"
    # the same words late in the year estimate its result
    got = by_raw(text.replace("aims to raise its GRDP by 9.2%", "grew by 9.2%"), "2026-12-10")
    assert got["8.4%"].kind == "actual" and got["8.4%"].estimate
    # "dự kiến" early in the year of a first quarter just ended is an estimate of it
    got = by_raw("Quý I/2026, tổng sản phẩm của tỉnh dự kiến tăng 6,7%.", "2026-03-28")
    assert got["6,7%"].kind == "actual"


def test_months_to_date_without_a_year_stop_an_earlier_years_frame():
    # a review of last year, then a new paragraph on "the first three months" naming no year:
    # the months are the page's own year, not the year of the sentences before
    text = ("Năm 2025, kinh tế của tỉnh tăng 8,3%, thu nhập bình quân tăng 9,1%.\n"
            "Riêng 3 tháng đầu năm, nhiều chỉ tiêu tiếp tục tăng khá. Theo đó, sản xuất "
            "công nghiệp tăng 7,4%; xuất khẩu tăng 12,6%.")
    got = by_raw(text, "2026-04-05")
    assert _period(got["8,3%"]) == (2025, 2025)
    assert _period(got["9,1%"]) == (2025, 2025)
    assert _period(got["7,4%"]) == (2026, 2026)
    assert _period(got["12,6%"]) == (2026, 2026)


def test_months_in_the_years_own_sentence_keep_that_year():
    # "Năm 2025, 6 tháng đầu năm ...": the months are named inside the year's own sentence
    text = ("Năm 2025, trong 6 tháng đầu năm kinh tế tăng 7,1%. Cả năm, xuất khẩu "
            "tăng 11,2%.")
    got = by_raw(text, "2026-02-10")
    assert _period(got["7,1%"]) == (2025, 2025)
    assert _period(got["11,2%"]) == (2025, 2025)


def test_months_that_have_passed_at_the_page_date_are_its_own_years():
    # a page of March naming last year most: "2 tháng" no longer points back to last year
    from hy_analysis.extraction.reading import frame_year

    text = "Năm 2025 tăng 5%. Năm 2025 thu 100 tỷ đồng. Trong 2 tháng tăng 3%."
    assert frame_year(text, 2026, 3, months=2) == 2026
    # six months cannot have passed by March: they are last year's
    assert frame_year(text, 2026, 3, months=6) == 2025
    # with no months named, the lag of a year-end review still applies
    assert frame_year(text, 2026, 3) == 2025


def test_a_congress_target_beside_a_mid_term_result_is_the_terms():
    # a mid-term review: the result covers 2021-2023, the congress's target the whole term
    text = ("Báo cáo giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ tỉnh cho biết: tăng "
            "trưởng GRDP bình quân 2021-2023 đạt 4,2%, thấp hơn mục tiêu (6,5-7%).")
    got = by_raw(text, "2023-08-20")
    assert _period(got["4,2%"]) == (2021, 2023)
    assert got["6,5-7%"].kind == "target"
    assert _period(got["6,5-7%"]) == (2021, 2025)


def test_a_plan_beside_a_result_without_a_congress_keeps_the_results_years():
    # no congress named: a plan in brackets beside a yearly result is that year's plan
    text = "Năm 2024, GRDP của tỉnh tăng 6,1% (kế hoạch tăng 7-7,5%)."
    got = by_raw(text, "2025-01-12")
    assert got["7-7,5%"].kind == "target"
    assert _period(got["7-7,5%"]) == (2024, 2024)
    # nor does a whole term's result make a new term of its target
    text = ("Tại Đại hội, báo cáo nêu GRDP bình quân 2021-2025 tăng 6,8%, vượt mục tiêu "
            "(6,5%).")
    got = by_raw(text, "2025-09-20")
    assert _period(got["6,5%"]) == (2021, 2025)


def test_the_same_period_in_a_year_is_a_comparison_not_the_figures_year():
    # "compared to the same period in 2024": 2024 is the base; the figures are the page's year
    text = ("Compared to the same period in 2024, exports of the province rose by 8% "
            "(512 million USD/474 million USD).")
    got = by_raw(text, "2025-10-03")
    assert _period(got["8%"]) == (2025, 2025)
    assert _period(got["512 million USD"]) == (2025, 2025)
    # the figure after the slash is the compared period's own
    assert _period(got["474 million USD"]) == (2024, 2024)


def test_a_period_read_for_one_figure_alone_does_not_carry_to_the_next_sentence():
    # the compared period's figure after a slash, and last year's figure in brackets, are
    # read for themselves: the next sentence's figures keep the frame of the text
    text = ("Compared to the same period in 2024, exports of the province rose by 8% "
            "(512 million USD/474 million USD). Imports rose by 5%.")
    got = by_raw(text, "2025-10-03")
    assert _period(got["474 million USD"]) == (2024, 2024)
    assert _period(got["5%"]) == (2025, 2025)
    text = ("Năm 2024, tổng sản phẩm của tỉnh tăng 6,5%, thấp hơn năm trước (7,2%). Xuất "
            "khẩu tăng 9,4%.")
    got = by_raw(text, "2025-01-20")
    assert _period(got["7,2%"]) == (2023, 2023)
    assert _period(got["9,4%"]) == (2024, 2024)


def test_a_year_framing_the_sentence_after_the_figure_dates_it():
    # no year before the figure, its base after it, the year it belongs to later still
    got = by_raw("Xuất khẩu của tỉnh tăng 15,3% so với năm 2023, là mức tăng cao nhất vùng "
                 "trong năm 2024.", "2025-03-12")
    assert _period(got["15,3%"]) == (2024, 2024)
    # a later year that another figure stands before is that figure's
    got = by_raw("Kinh tế tăng 6,1%, thấp hơn mức 7,3% trong năm 2023.", "2024-12-20")
    assert _period(got["6,1%"]) == (2024, 2024)
    # a comparison's "the same period in 2019" is no frame
    got = by_raw("Agriculture accounts for 31.2% (equal to the same period in 2023).",
                 "2024-12-20")
    assert _period(got["31.2%"]) == (2024, 2024)


def test_a_fall_in_the_figures_own_words_beside_a_share_is_a_change():
    # "chiếm 8,1% (giảm 3,2% so với năm 2020)": the bracket's fall is a change since 2020,
    # like the rise beside the next share, not a share of the year
    got = by_raw("Năm 2025: nông nghiệp chiếm 8,1% (giảm 3,2% so với năm 2020) và dịch vụ "
                 "chiếm 30,5% (tăng 1,1% so với năm 2020).", "2025-02-10")
    assert got["8,1%"].measure == "level" and _period(got["8,1%"]) == (2025, 2025)
    assert got["giảm 3,2%"].measure == got["1,1%"].measure == "cumulative_growth"
    assert _period(got["giảm 3,2%"]) == _period(got["1,1%"]) == (2020, 2025)


def test_months_of_a_year_written_right_after_a_figure_are_its_period():
    # "4.9% in the first six months of 2025" after a sentence framed by 2024: its own year
    got = by_raw("In 2024, the economy grew 6.2%, and 4.9% in the first six months of 2025.",
                 "2025-08-01")
    assert _period(got["6.2%"]) == (2024, 2024)
    assert _period(got["4.9%"]) == (2025, 2025)
    got = by_raw("In 2024, exports rose 9%; imports rose 7% in the first half of 2025.",
                 "2025-08-01")
    assert _period(got["9%"]) == (2024, 2024)
    assert _period(got["7%"]) == (2025, 2025)


# --- issue #17, rules drawn from devset documents 160-167 (our own sentences) ---------------

def test_a_relative_span_of_years_after_or_ending_with_the_document():
    # "N năm tới", "the next N years", "nhiệm kỳ tới" are the years after the page's;
    # "N năm qua", "the past N years" end with it (not "năm qua", last year, inside them)
    got = by_raw("Trong ba năm tới, huyện phấn đấu thu ngân sách tăng 9%/năm.", "2024-11-20")
    assert _period(got["9%/năm"]) == (2025, 2027)
    got = by_raw("Over the past four years, the city's exports rose by an average of 11% a "
                 "year.", "2024-12-02")
    assert _period(got["11% a year"]) == (2021, 2024)
    got = by_raw("Bốn năm qua, vốn đầu tư toàn xã hội tăng bình quân 8,8%/năm.", "2023-10-01")
    assert _period(got["8,8%/năm"]) == (2020, 2023)
    got = by_raw("Nhiệm kỳ tới, thành phố phấn đấu GRDP tăng bình quân 9,5%/năm.", "2020-10-15")
    assert (_period(got["9,5%/năm"]), got["9,5%/năm"].kind) == ((2021, 2025), "target")
    # a written year still wins over the relative span
    got = by_raw("Trong 3 năm tới, GRDP tăng 8%/năm; riêng năm 2026 tăng 7,5%.", "2025-10-15")
    assert _period(got["8%/năm"]) == (2026, 2028)
    assert _period(got["7,5%"]) == (2026, 2026)


def test_next_year_is_the_year_after_the_document():
    got = by_raw("Năm tới, huyện đặt mục tiêu thu ngân sách 950 tỷ đồng.", "2024-12-20")
    assert (_period(got["950 tỷ đồng"]), got["950 tỷ đồng"].kind) == ((2025, 2025), "target")
    got = by_raw("Next year the city plans exports of 3.4 billion USD.", "2023-12-05")
    assert _period(got["3.4 billion USD"]) == ((2024, 2024))


def test_a_ratio_to_the_previous_year_spans_both_years_a_ratio_to_the_same_months_does_not():
    got = by_raw("In 2023, the number of new firms rose 1.4-fold compared to the previous year.",
                 "2024-02-01")
    assert _period(got["1.4-fold"]) == (2022, 2023)
    got = by_raw("Năm 2022, vốn FDI đăng ký gấp 2,1 lần năm trước.", "2023-01-20")
    assert _period(got["gấp 2,1 lần"]) == (2021, 2022)
    # months against the same months of the year before keep their year (as annotated)
    got = by_raw("Trong 8 tháng năm 2022, khách quốc tế tăng gấp 9 lần so với cùng kỳ năm trước.",
                 "2022-09-01")
    assert _period(got["gấp 9 lần"]) == (2022, 2022)


def test_a_headline_target_does_not_make_the_results_below_it_targets():
    text = ("Huyện tăng tốc xuất khẩu, mục tiêu tăng 11-12%\n\n"
            "Sáu tháng đầu năm 2024, huyện ghi nhận xuất khẩu tăng 9,4% so với cùng kỳ.")
    got = by_raw(text, "2024-07-10")
    assert got["11-12%"].kind == "target"
    assert got["9,4%"].kind == "actual"
    # a heading ending with ":" still introduces what follows
    text = "Chỉ tiêu năm 2025:\n\nTổng thu ngân sách 12.000 tỷ đồng."
    got = by_raw(text, "2024-12-10")
    assert got["12.000 tỷ đồng"].kind == "target"


def test_a_share_of_the_plan_names_no_target_for_the_figure_after_it():
    # "bằng 38% kế hoạch, cao hơn bình quân chung (31%)": the bracket is the average's result
    got = by_raw("Đến hết tháng 5, huyện giải ngân 214 tỷ đồng, bằng 38% kế hoạch, cao hơn mức "
                 "bình quân chung của tỉnh (31%).", "2024-06-05")
    assert got["31%"].kind == "actual"
    assert got["38%"].kind == "actual"
    # the plan's own figure in brackets stays a target
    got = by_raw("Xuất khẩu đạt 120% kế hoạch năm 2024 (khoảng 800 triệu USD).", "2024-12-20")
    assert got["khoảng 800 triệu USD"].kind == "target"


def test_a_relative_year_in_a_closed_bracket_is_the_asides():
    # "(cao hơn mức tăng 6,1% của năm ngoái), chiếm 48,2%": the share is the sentence's year
    got = by_raw("Sáu tháng đầu năm, dịch vụ tăng 8,3% (cao hơn mức tăng 6,1% của năm ngoái), "
                 "chiếm 48,2% cơ cấu kinh tế.", "2025-07-08")
    assert _period(got["48,2%"]) == (2025, 2025)
    got = by_raw("Năm ngoái, dịch vụ chiếm 47,5% cơ cấu kinh tế.", "2025-07-08")
    assert _period(got["47,5%"]) == (2024, 2024)


# --- the year's role decides whether it dates the sentences after it (issue #17, round of
# documents 191-199; our own sentences)


def test_the_year_of_a_sentences_first_figure_holds_after_it():
    # "The district drew 2.4 million USD in 2022, up 9% against 2021. Of this, 14 new projects
    # ...": the sentence's own year (written after its first figure) dates the next sentence
    text = ("The district drew 2.4 million USD in 2022, up 9% compared to 2021. Of this, 14 new "
            "projects were licensed.")
    got = by_raw(text, "2023-04-10")
    assert _period(got["2.4 million USD"]) == (2022, 2022)
    assert _period(got["14"]) == (2022, 2022)
    # a year after a later figure (a comparison's) sets no year for the sentences after it
    got = by_raw("Tỉnh đạt tăng trưởng 7,2%, vượt con số 6,5% của năm 2022. Thu ngân sách đạt "
                 "5.000 tỷ đồng.", "2023-12-25")
    assert _period(got["5.000 tỷ đồng"]) == (2023, 2023)
    # nor does the start of a change, "from X in <year>"
    got = by_raw("Quy mô kinh tế từ 40 nghìn tỷ đồng năm 2020 lên 70 nghìn tỷ đồng năm 2025. Thu "
                 "nhập bình quân đầu người khoảng 80 triệu đồng.", "2025-09-20")
    assert _period(got["khoảng 80 triệu đồng"]) != (2020, 2020)


def test_a_same_period_year_is_a_comparison_not_the_next_sentences_year():
    text = ("In the first ten months, the county's output grew 5.2%, below the 6.8% growth "
            "recorded during the same period in 2022. Retail sales reached 900 billion VND, up "
            "11%.")
    got = by_raw(text, "2024-11-05")
    assert _period(got["6.8%"]) == (2022, 2022)
    assert _period(got["900 billion VND"]) == (2024, 2024)
    # "up 12% over the same period in 2023": a base, not the figure's year
    got = by_raw("The town attracted 40 million USD in Q1, up 12% over the same period in 2023.",
                 "2024-04-20")
    assert _period(got["40 million USD"]) == (2024, 2024)
    assert _period(got["12%"]) == (2024, 2024)


def test_a_plan_clauses_year_does_not_date_the_results_after_it():
    text = ("Sáng 12/1, huyện họp báo về kết quả phát triển kinh tế năm 2024; mục tiêu, nhiệm vụ "
            "năm 2025.\n\nTheo đó, tăng trưởng kinh tế đạt 7,4%; thu nhập bình quân đạt 65 triệu "
            "đồng.")
    got = by_raw(text, "2025-01-12")
    assert _period(got["7,4%"]) == (2024, 2024)
    assert _period(got["65 triệu đồng"]) == (2024, 2024)
    # a target said in a paragraph after them is the plan's year
    got = by_raw(text + "\n\nHuyện phấn đấu tăng trưởng 8%.", "2025-01-12")
    assert _period(got["8%"]) == (2025, 2025)


def test_a_relative_year_compared_with_is_a_base_unless_possessive():
    # "against same period last year": last year is the base; the figure is the page's year
    text = ("The commune's revenue in 2020 hit 3 billion VND. Fees reached 40 million VND, up 5 "
            "percent against same period last year, while taxes met the set target with 2 "
            "billion VND.")
    got = by_raw(text, "2020-12-28")
    assert _period(got["2 billion VND"]) == (2020, 2020)
    # "the same period last year's increase of 4.1%": that year's own figure
    got = by_raw("In the first half, retail grew 8.2% (above the same period last year's increase "
                 "of 4.1%).", "2025-07-06")
    assert _period(got["4.1%"]) == (2024, 2024)
    assert _period(got["8.2%"]) == (2025, 2025)


def test_a_target_met_in_the_past_tense_is_a_result():
    got = by_raw("In 2020, the district fulfilled the set target with 37 billion VND of revenue.",
                 "2020-12-20")
    assert got["37 billion VND"].kind == "actual"
    got = by_raw("In 2021, the district targets 40 billion VND of revenue.", "2020-12-20")
    assert got["40 billion VND"].kind == "target"


def test_now_home_to_is_the_pages_date():
    got = by_raw("The city attracted 1.1 billion USD in 2023. The city is now home to nearly 900 "
                 "valid projects.", "2024-04-10")
    assert _period(got["nearly 900"]) == (2024, 2024)


def test_a_month_of_a_year_compared_with_sets_no_year_after_it():
    # "so với tháng 5/2023" is the month compared with: the later sentences' changes are of the
    # release's own year, not of the compared one
    text = ("Chỉ số giá tiêu dùng 5 tháng năm 2024 tăng 3,1% so với cùng kỳ năm trước.\n\n"
            "Tính riêng trong tháng 5, chỉ số giá tăng 0,4% so với tháng trước, tăng 2,9% so với "
            "tháng 5/2023. Trong đó, nhóm giáo dục tăng 0,2%.\n\n4 nhóm có chỉ số giá giảm gồm: "
            "Nhóm vận tải giảm 1,7%; nhóm bưu chính giảm 0,1%.")
    got = by_raw(text, "2024-06-05")
    assert _period(got["2,9%"]) == (2024, 2024)
    assert _period(got["giảm 1,7%"]) == (2024, 2024)
    assert _period(got["giảm 0,1%"]) == (2024, 2024)


def test_a_span_whose_end_has_two_digits():
    # "the 2021-30 period" is 2021-2030; "2024-01", a month, stays the year 2024
    got = by_raw("Under its plan for the 2021-30 period, the province targets 15 industrial "
                 "parks.", "2023-05-02")
    assert _period(got["15 industrial parks"])[1] == 2030
    got = by_raw("Báo cáo 2024-01: GRDP năm 2023 tăng 6,2%. Thu ngân sách đạt 9.100 tỷ đồng.",
                 "2024-01-20")
    assert _period(got["9.100 tỷ đồng"]) == (2023, 2023)


def test_since_a_year_runs_to_the_pages_year():
    # "từ năm ... đến nay" / "since ...": from that year up to the page's
    got = by_raw("Từ năm 2022 đến nay, tỉnh đã thu hút 87 dự án đầu tư trực tiếp nước ngoài.",
                 "2025-06-15")
    assert _period(got["87 dự án"]) == (2022, 2025)
    got = by_raw("Since 2020, the province has drawn 2.4 billion USD of foreign investment.",
                 "2024-11-02")
    assert _period(got["2.4 billion USD"]) == (2020, 2024)
    # a superlative's "từ năm 2015 đến nay" dates nothing
    got = by_raw("Năm 2023 GRDP tăng 9,1%, mức cao nhất từ năm 2015 đến nay.", "2024-01-08")
    assert _period(got["9,1%"]) == (2023, 2023)


def test_the_first_years_of_a_term_are_those_years():
    got = by_raw("Trong 2 năm đầu nhiệm kỳ 2020-2025, thu ngân sách tăng bình quân 12,5%/năm.",
                 "2023-03-01")
    assert _period(got["12,5%/năm"]) == (2021, 2022)
    assert got["12,5%/năm"].kind != "target"
    got = by_raw("In the first four years of the 2021-2025 plan, exports grew by an average of "
                 "9.4% per year.", "2025-05-01")
    assert _period(got["9.4% per year"]) == (2021, 2024)


def test_the_year_of_a_plan_achieved_dates_the_results_after_it():
    # "đạt và vượt kế hoạch năm 2023": the results measured against that year's plan
    got = by_raw("Tỉnh có 15/20 chỉ tiêu đạt và vượt kế hoạch năm 2023. Trong đó, thu nhập bình "
                 "quân đầu người ước đạt 58,2 triệu đồng.", "2024-12-10")
    assert _period(got["58,2 triệu đồng"]) == (2023, 2023)


def test_a_superlative_since_the_start_of_a_term_dates_nothing():
    # "cao nhất kể từ đầu nhiệm kỳ 2020-2025": the year of the sentence still holds
    got = by_raw("Năm 2023, xuất khẩu của tỉnh đạt mức cao nhất kể từ đầu nhiệm kỳ 2020-2025, "
                 "đạt 412 triệu USD, tăng 14% so với năm trước.", "2024-01-12")
    assert _period(got["412 triệu USD"]) == (2023, 2023)
    assert _period(got["14%"]) == (2023, 2023)


def test_from_a_year_to_the_present_is_no_base():
    # a target for a year, likened to the average "from 2021 to the present": no growth
    # since 2021
    got = by_raw("The department targets a 12% rise in exports for 2026, in line with the "
                 "average annual growth from 2021 to the present.", "2026-01-20")
    assert _period(got["12%"]) == (2026, 2026)
    assert got["12%"].measure != "cumulative_growth"


def test_a_span_may_end_on_a_date_and_a_month_may_open_a_sentence():
    rows = extract("Từ năm 2019 đến ngày 15/10/2020, tỉnh khởi công 10 nhà máy điện gió. From "
                   "2018 to October 15, 2020, 6 projects were started.\nTháng 4/2023, tỉnh cấp mới "
                   "8 dự án FDI.", date="2024-06")
    got = {r.value_raw: (r.period_start, r.period_end) for r in rows.itertuples()}
    assert got["10 nhà máy"] == (2019, 2020)
    assert got["6 projects"] == (2018, 2020)
    assert got["8 dự án"] == (2023, 2023)  # "Tháng" written with its capital


# --- the period over several horizons (issue #17, rules drawn from devset 320-327; the
# sentences are our own) ---------------------------------------------------------------------


def test_a_yearly_rate_over_a_six_year_span_is_the_plans_five_years():
    # "giai đoạn 2015-2020" with a rate per year: the five yearly rates after the base year,
    # with or without a congress named
    got = by_raw("Giai đoạn 2015-2020, kinh tế của tỉnh tăng trưởng bình quân 6,1%/năm.",
                "2020-11-02")
    assert _period(got["6,1%/năm"]) == (2016, 2020)
    got = by_raw("Mục tiêu tăng trưởng khoảng 7%/năm giai đoạn 2020 - 2025 và khoảng 8%/năm "
                "giai đoạn 2025 - 2030.", "2019-05-10")
    assert _period(got["khoảng 8%/năm"]) == (2026, 2030)
    # a sum over such a span, with no rate per year, keeps the years as written
    got = by_raw("Trong giai đoạn 2020 - 2025, tổng vốn FDI đăng ký đạt 3,1 tỷ USD.", "2025-04-02")
    assert _period(got["3,1 tỷ USD"]) == (2020, 2025)


def test_the_whole_term_is_the_terms_plan_years():
    # after the figure, with no term named: the five-year term the page's year falls in
    got = by_raw("Năm 2024 phấn đấu tăng trưởng 8,5%, bảo đảm tăng trưởng trên 8% cả nhiệm kỳ.",
                "2023-12-12")
    assert _period(got["8,5%"]) == (2024, 2024)
    assert _period(got["trên 8%"]) == (2021, 2025)
    assert got["trên 8%"].measure == "period_average_growth"
    # before the figure, the term named earlier; an amount is the term's sum
    got = by_raw("Giữa nhiệm kỳ 2025-2030, tỉnh đã có nhiều kết quả. Vốn đầu tư thu hút đã vượt "
                "mục tiêu của cả nhiệm kỳ là 3 tỷ USD.", "2028-06-01")
    assert _period(got["3 tỷ USD"]) == (2026, 2030)
    assert got["3 tỷ USD"].measure == "period_total"
    got = by_raw("Exports should grow by at least 9% over the whole term.", "2027-03-01")
    assert _period(got["at least 9%"]) == (2026, 2030)
    # "the highest in the whole term": a superlative's range, no period
    got = by_raw("Năm 2024, thu ngân sách đạt mức cao nhất trong cả nhiệm kỳ, tăng 21,4%.",
                "2025-01-05")
    assert _period(got["21,4%"]) == (2024, 2024)


def test_a_horizon_opening_a_later_figures_predicate_is_that_figures():
    # "..., để đến năm 2025 đạt 95 triệu": the horizon leads the second figure, not the first
    got = by_raw("Năm 2024 là năm bứt phá. GRDP bình quân đầu người phấn đấu đạt 72 triệu đồng, "
                "để đến năm 2025 đạt 95 triệu đồng.", "2023-12-08")
    assert _period(got["72 triệu đồng"]) == (2024, 2024)
    assert _period(got["95 triệu đồng"]) == (2025, 2025)
    got = by_raw("In 2024 the province will push ahead. Revenue is to reach 8,000 billion VND, so "
                "that by 2025, it can reach 9,500 billion VND.", "2023-12-08")
    assert _period(got["8,000 billion VND"]) == (2024, 2024)
    assert _period(got["9,500 billion VND"]) == (2025, 2025)
    # a year right after each figure stays that figure's
    got = by_raw("Thu nhập đạt khoảng 40 triệu đồng vào năm 2025 và 65 triệu đồng vào năm 2030.",
                "2021-03-01")
    assert _period(got["khoảng 40 triệu đồng"]) == (2025, 2025)
    assert _period(got["65 triệu đồng"]) == (2030, 2030)


def test_a_horizon_of_an_earlier_clause_dates_neither_later_clauses_nor_sentences():
    text = ("Năm 2024, tỉnh phấn đấu thu nhập bình quân đầu người đạt 61 triệu đồng, phấn đấu "
            "đến năm 2025 đạt 70 triệu đồng/người; thu ngân sách đạt 4.200 tỷ đồng; vốn đầu tư xã "
            "hội đạt 21.000 tỷ đồng và phấn đấu đến cuối giai đoạn 2021 - 2025 đạt 95.000 tỷ "
            "đồng; kim ngạch xuất khẩu đạt 300 triệu USD.")
    got = by_raw(text, "2023-12-10")
    assert _period(got["61 triệu đồng"]) == (2024, 2024)
    assert _period(got["70 triệu đồng/người"]) == (2025, 2025)
    assert _period(got["4.200 tỷ đồng"]) == (2024, 2024)
    assert _period(got["21.000 tỷ đồng"]) == (2024, 2024)
    assert _period(got["95.000 tỷ đồng"]) == (2021, 2025)
    assert got["95.000 tỷ đồng"].measure == "period_total"
    assert _period(got["300 triệu USD"]) == (2024, 2024)
    # nor the sentences after it: the year of the sentence's first figure holds there
    got = by_raw("Năm 2024, thu ngân sách đạt 4.200 tỷ đồng, phấn đấu đến năm 2025 đạt 5.000 tỷ "
                "đồng.\n\nTỷ lệ hộ nghèo giảm 2,5%.", "2023-12-10")
    assert _period(got["giảm 2,5%"]) == (2024, 2024)


def test_a_lead_in_before_a_colon_scopes_its_list():
    # the lead-in's year holds for every item; a span written in the first item is its own
    got = by_raw("Chỉ tiêu đến năm 2030: tăng trưởng bình quân thời kỳ 2021 - 2030 đạt 7 - 8%, "
                "số trường đạt chuẩn quốc gia 240 trường, tỷ lệ đô thị hóa đạt 45%.",
                "2022-06-01")
    assert _period(got["7 - 8%"]) == (2021, 2030)
    assert _period(got["240 trường"]) == (2030, 2030)
    assert got["240 trường"].measure == "level"
    assert _period(got["45%"]) == (2030, 2030)


def test_an_amount_of_a_span_named_as_a_period_is_its_total_but_not_per_person():
    got = by_raw("Theo quy hoạch, vốn đầu tư cho phát triển giai đoạn 2021 - 2030 đạt khoảng 240 "
                "nghìn tỷ đồng; GRDP bình quân đầu người đạt 130 triệu đồng/người.", "2023-08-01")
    assert _period(got["khoảng 240 nghìn tỷ đồng"]) == (2021, 2030)
    assert got["khoảng 240 nghìn tỷ đồng"].measure == "period_total"
    # a per-person amount is a level at the span's end, whatever "tổng" its name starts with
    got = by_raw("Tăng trưởng giai đoạn 2021 - 2030 đạt 8%/năm. Tổng sản phẩm bình quân đầu "
                "người đạt 110 triệu đồng/người/năm.", "2023-08-01")
    assert _period(got["110 triệu đồng/người/năm"]) == (2030, 2030)
    assert got["110 triệu đồng/người/năm"].measure == "level"


def test_a_councils_term_dates_nothing():
    # "Kỳ họp ... HĐND tỉnh khóa XVII, nhiệm kỳ 2021-2026": the council's name
    got = by_raw("Tại kỳ họp thứ 15 HĐND tỉnh khóa XVII, nhiệm kỳ 2021-2026, UBND tỉnh báo cáo "
                "tình hình kinh tế. Thu từ doanh nghiệp chiếm trên 70% tổng thu.", "2023-12-06")
    assert _period(got["trên 70%"]) == (2023, 2023)
    assert got["trên 70%"].kind == "actual"


def test_a_ratio_naming_no_base_in_a_plan_review_counts_from_before_the_plan():
    got = by_raw("Kết quả 5 năm 2016-2020: tăng trưởng bình quân đạt 7,2%/năm.\nQuy mô nền kinh "
                "tế tăng 1,7 lần.", "2020-10-05")
    assert _period(got["1,7 lần"]) == (2015, 2020)
    # a base written in the clause is the base
    got = by_raw("Kết quả 5 năm 2016-2020: tăng trưởng bình quân đạt 7,2%/năm.\nQuy mô nền kinh "
                "tế gấp 1,7 lần so với năm 2010.", "2020-10-05")
    assert _period(got["gấp 1,7 lần"]) == (2010, 2020)


def test_targets_reported_met_head_a_list_of_results():
    text = ("Tỉnh thực hiện đạt và vượt 18/18 chỉ tiêu của Nghị quyết Đại hội nhiệm kỳ "
            "2015-2020, trong đó:\n"
            "- Tăng trưởng kinh tế bình quân 5 năm 2016-2020 đạt 7,2%\n"
            "- Thu nhập bình quân đầu người năm 2020 đạt 52 triệu đồng")
    got = by_raw(text, "2020-09-20")
    assert got["7,2%"].kind == "actual"
    assert got["52 triệu đồng"].kind == "actual"


# --- the period a figure belongs to in year-end and part-year reviews (devset 310-317) -------


def test_the_reviewed_year_not_the_plan_year_opened_after_it():
    # "tổng kết ... năm 2021 và triển khai nhiệm vụ năm 2022": the plan's year is opened by
    # a verb; results said after it, even beside "chỉ tiêu đạt và vượt kế hoạch" and a plan in
    # brackets, are of the reviewed year
    text = ("Ngày 08-01, Tỉnh ủy họp tổng kết công tác năm 2021 và triển khai nhiệm vụ năm "
            "2022.\n\nTheo đó, có 6 chỉ tiêu đạt và vượt kế hoạch là tăng trưởng kinh tế đạt 6,8% "
            "(kế hoạch tăng 6,5%); xuất khẩu đạt 2,4 tỷ USD, đạt 104% kế hoạch; thu ngân sách "
            "9.100 tỷ đồng.")
    got = by_raw(text, "2022-01-09")
    assert _period(got["6,8%"]) == (2021, 2021) and got["6,8%"].kind == "actual"
    assert _period(got["6,5%"]) == (2021, 2021) and got["6,5%"].kind == "target"
    assert _period(got["2,4 tỷ USD"]) == (2021, 2021) and got["2,4 tỷ USD"].kind == "actual"
    assert _period(got["9.100 tỷ đồng"]) == (2021, 2021)
    # English: "reviewed 2021 and set out the tasks for 2022"
    got = by_raw("The Party Committee reviewed its work in 2021 and set out the tasks for "
                "2022.\n\nExports reached 2.4 billion USD.", "2022-01-09")
    assert _period(got["2.4 billion USD"]) == (2021, 2021)


def test_a_figure_in_a_closed_aside_is_not_the_previous_figure():
    # a year in brackets dates the aside's figure only; the figures after the bracket keep
    # the frame of the one before it
    text = ("Tỉnh tổng kết năm 2023. Thu nhập bình quân đạt 58 triệu đồng (năm 2022 đạt 52 "
            "triệu đồng); có 25 xã đạt chuẩn nông thôn mới, 410 doanh nghiệp thành lập mới.")
    got = by_raw(text, "2024-01-10")
    assert _period(got["52 triệu đồng"]) == (2022, 2022)
    assert _period(got["25 xã"]) == (2023, 2023)
    assert _period(got["410 doanh nghiệp"]) == (2023, 2023)


def test_years_listed_respectively_date_the_figures_in_order():
    got = by_raw("The province's GRDP grew 2.1% and 7.4% in 2021 and 2022, respectively.",
                "2023-05-04")
    assert _period(got["2.1%"]) == (2021, 2021)
    assert _period(got["7.4%"]) == (2022, 2022)
    got = by_raw("Kim ngạch xuất khẩu năm 2022 và 2023 tăng lần lượt 12% và 9%.", "2024-02-01")
    assert _period(got["12%"]) == (2022, 2022)
    assert _period(got["9%"]) == (2023, 2023)
    # years compared with are no such list
    got = by_raw("Xuất khẩu tăng lần lượt 12% và 9% so với năm 2021 và 2022.", "2023-06-01")
    assert _period(got["12%"]) != (2021, 2021)


def test_a_relative_year_later_in_the_clause_dates_the_figure():
    text = ("In 2023, output grew 5%. Its output expanded by 4.2% in the first nine months of "
            "this year. Nine projects worth over 2 trillion VND were licensed at a forum held in "
            "March this year.")
    got = by_raw(text, "2024-10-05")
    assert _period(got["5%"]) == (2023, 2023)
    assert _period(got["4.2%"]) == (2024, 2024)
    assert _period(got["over 2 trillion VND"]) == (2024, 2024)
    got = by_raw("Năm 2023 GRDP tăng 6%. Xuất khẩu đạt 3 tỷ USD trong 9 tháng đầu năm nay.",
                "2024-10-05")
    assert _period(got["3 tỷ USD"]) == (2024, 2024)


def test_a_relative_year_after_a_comparison_does_not_date_the_figure():
    got = by_raw("Năm 2024 tỉnh đạt nhiều kết quả. Xuất khẩu tăng 5%, cao hơn năm ngoái.",
                "2024-12-20")
    assert _period(got["5%"]) == (2024, 2024)
    got = by_raw("In 2024 exports rose. Imports rose 4%, more than last year.", "2024-12-20")
    assert _period(got["4%"]) == (2024, 2024)


def test_a_relative_year_right_after_a_figure_or_its_equivalent():
    # (its sentence's own year before it, "2020", is another figure's)
    got = by_raw("The city grew 6.1% in 2020, and income per head stood at 70 million VND (2,980 "
                "USD) last year.", "2023-02-10")
    assert _period(got["6.1%"]) == (2020, 2020)
    assert _period(got["70 million VND"]) == (2022, 2022)
    assert _period(got["2,980 USD"]) == (2022, 2022)


def test_a_span_ending_with_an_estimated_year():
    got = by_raw("Giai đoạn 2016 - ước năm 2020, GRDP tăng bình quân 6,9%/năm.", "2020-10-01")
    assert _period(got["6,9%/năm"]) == (2016, 2020)
    got = by_raw("Thời kỳ 2011 - năm 2015 thu ngân sách tăng bình quân 9%/năm.", "2016-03-01")
    assert _period(got["9%/năm"]) == (2011, 2015)


def test_the_compared_periods_level_in_brackets_after_la():
    got = by_raw("Trong 6 tháng, chi an sinh xã hội đạt 820 tỷ đồng, tăng 12% so với cùng kỳ "
                "(là 732 tỷ đồng).", "2024-07-05")
    assert _period(got["820 tỷ đồng"]) == (2024, 2024)
    assert _period(got["732 tỷ đồng"]) == (2023, 2023)


def test_a_change_in_brackets_with_a_comparison_of_its_own_is_the_figures():
    got = by_raw("Giá trị sản xuất 5 tháng tăng 9,2% so với cùng kỳ năm 2023 (tăng 3,1% so với "
                "tháng trước).", "2024-06-02")
    assert _period(got["3,1%"]) == (2024, 2024)
    # a level in brackets after the year compared with stays that year's
    got = by_raw("Năm 2024 GRDP tăng 7,2%, cao hơn năm 2023 (6,1%).", "2025-01-10")
    assert _period(got["6,1%"]) == (2023, 2023)


def test_a_year_of_its_own_after_n_years_dates_the_figure():
    got = by_raw("Trong 4 năm (2021 - 2024), GRDP tăng bình quân 5,2%/năm, GRDP bình quân đầu "
                "người năm 2024 đạt 75 triệu đồng.", "2025-03-01")
    assert _period(got["75 triệu đồng"]) == (2024, 2024)
    # without a year of its own, an amount after "N năm" is the N years' total
    got = by_raw("Tổng vốn đầu tư 5 năm đạt 120.000 tỷ đồng.", "2025-10-01")
    assert _period(got["120.000 tỷ đồng"]) == (2021, 2025)


def test_a_plans_value_after_its_name_and_la_is_a_target():
    text = ("Năm 2024 tỉnh thu hút 1,2 tỷ USD vốn FDI, vượt kế hoạch đề ra là 900 triệu USD. "
            "So với mục tiêu Trung ương giao là 7%, tăng trưởng đạt 7,6%.")
    got = by_raw(text, "2025-01-20")
    assert got["900 triệu USD"].kind == "target"
    assert got["7%"].kind == "target"
    assert got["1,2 tỷ USD"].kind == "actual" and got["7,6%"].kind == "actual"


def test_the_noun_a_ratio_is_of_with_its_year_is_the_base():
    got = by_raw("Năm 2020 GRDP đạt 99.500 tỷ đồng, gấp hơn 3 lần quy mô kinh tế của tỉnh năm "
                "2010.", "2024-03-01")
    assert _period(got["gấp hơn 3 lần"]) == (2010, 2020)
    # "lần trong năm" is no base, nor a congress's "lần thứ I" before a span on its own line
    got = by_raw("Kim ngạch tăng 3 lần trong năm 2023.", "2024-03-01")
    assert _period(got["3 lần"]) == (2023, 2023)
    got = by_raw("Đại hội lần thứ I\n\nGiai đoạn 2026-2030, tỉnh phấn đấu tăng trưởng 9%/năm.",
                "2025-10-06")
    assert _period(got["9%/năm"]) == (2026, 2030)


def test_the_year_of_a_comparative_price_is_no_period():
    got = extract("The province's GRDP in 2021 at the comparative price in 2010 reached VND "
                  "50,000 billion, up 6.5% compared to 2020.", date="2022-01-10")
    row = got[got["value_raw"].str.contains("50,000")].iloc[0]
    assert (row["period_start"], row["period_end"]) == (2021, 2021)


def _kind(row):
    return row.kind


def test_a_plan_noun_heading_the_subject_is_a_target_despite_an_estimate_word():
    # the plan's value said with "ước", in a spring page or in a year-end review
    got = by_raw("Năm nay, huyện đặt chỉ tiêu tốc độ tăng trưởng ước tăng 9,1%. Chỉ tiêu thu "
                "ngân sách ước đạt 2.300 tỷ đồng.", "2025-03-20")
    assert _kind(got["9,1%"]) == "target" and _kind(got["2.300 tỷ đồng"]) == "target"
    got = by_raw("Tổng kế hoạch vốn đầu tư công trên 1.200 tỷ đồng, đã giải ngân đạt 55%.",
                "2025-11-20")
    assert _kind(got["trên 1.200 tỷ đồng"]) == "target"
    assert _kind(got["55%"]) == "actual"  # the disbursement done, after the plan's amount
    # a plan said met, compared with or named in general stays no subject of a target
    got = by_raw("Các chỉ tiêu kinh tế ước đạt khá, thu ngân sách ước đạt 800 tỷ đồng; chỉ tiêu "
                "đạt và vượt kế hoạch gồm GRDP tăng 7,2%.", "2025-12-10")
    assert _kind(got["800 tỷ đồng"]) == "actual" and _kind(got["7,2%"]) == "actual"


def test_an_estimate_of_the_whole_year_early_in_it_under_its_plan_is_a_target():
    text = ("Năm 2025, thành phố đặt chỉ tiêu tăng trưởng ước tăng 8,2%, thu nhập bình quân "
            "ước đạt 95 triệu đồng/người. Vốn đầu tư toàn xã hội ước đạt 40.000 tỷ đồng, tăng "
            "12% so với năm 2024.")
    got = by_raw(text, "2025-04-10")
    assert all(_kind(got[raw]) == "target"
               for raw in ("8,2%", "95 triệu đồng/người", "40.000 tỷ đồng", "12%"))
    # the same sentence late in the year is an estimate of the result ...
    got = by_raw(text, "2025-11-25")
    assert _kind(got["40.000 tỷ đồng"]) == "actual" and got["40.000 tỷ đồng"].estimate
    # ... and months or a quarter estimated early in the year are results
    got = by_raw("Năm 2025, tỉnh đặt chỉ tiêu tăng trưởng 8%. Quý I, vốn đầu tư ước đạt 9.000 "
                "tỷ đồng.", "2025-04-10")
    assert _kind(got["9.000 tỷ đồng"]) == "actual"


def test_a_share_of_the_plan_after_growths_is_no_growth():
    got = by_raw("Doanh thu công nghiệp lũy kế 8 tháng đầu năm 2023 ước đạt 5.000 tỷ đồng, tăng "
                "8,5% so với cùng kỳ năm trước, tăng 3% so với kịch bản tăng trưởng, đạt 71% so "
                "với kế hoạch năm 2023.", "2023-09-20")
    assert got["71%"].measure == "level"
    assert got["8,5%"].measure != "level"


def test_a_growth_over_the_start_of_the_term_counts_from_the_terms_opening_year():
    # "so với đầu nhiệm kỳ": the base is the year the term opened (2020 for 2021-2025)
    text = ("Năm 2025, thu nhập bình quân của người dân đạt 80 triệu đồng, tăng 45,2% so với "
            "đầu nhiệm kỳ. Số doanh nghiệp tăng 1,8 lần so với đầu nhiệm kỳ.")
    got = by_raw(text, "2025-09-20")
    assert _period(got["45,2%"]) == (2020, 2025)
    assert got["45,2%"].measure == "cumulative_growth"
    assert _period(got["1,8 lần"]) == (2020, 2025)
    # a figure of a middle year counts from the same opening year
    got = by_raw("Năm 2023, xuất khẩu tăng 31% so với đầu nhiệm kỳ.", "2024-01-05")
    assert _period(got["31%"]) == (2020, 2023)
    # without the phrase a growth keeps its year
    got = by_raw("Năm 2023, xuất khẩu tăng 31% so với năm trước.", "2024-01-05")
    assert _period(got["31%"]) == (2023, 2023)


def test_a_past_term_frame_reaches_the_next_paragraph_that_names_no_year():
    text = ("Báo cáo tại đại hội cho biết kinh tế giai đoạn qua tăng bình quân 6,8%/năm.\n\n"
            "Thu ngân sách trên địa bàn bình quân tăng 11%/năm.")
    got = by_raw(text, "2025-10-02")
    assert _period(got["11%/năm"]) == (2021, 2025)
    # a paragraph that names a year of its own is no longer the past term's review
    text = ("Báo cáo tại đại hội cho biết kinh tế giai đoạn qua tăng bình quân 6,8%/năm.\n\n"
            "Riêng năm 2024, thu ngân sách bình quân mỗi tháng tăng 11%/năm.")
    got = by_raw(text, "2025-10-02")
    assert _period(got["11%/năm"]) != (2021, 2025)


def test_a_sentence_measured_against_its_plan_is_a_result_after_a_target_sentence():
    # the target words of the sentence before do not reach one that reports "đạt X% dự toán"
    head = ("Báo cáo cho biết 9 tháng đầu năm 2024, kinh tế tỉnh tăng 7%. Kim ngạch xuất khẩu "
            "đạt 3 tỷ USD. Tỉnh đặt mục tiêu phấn đấu tăng trưởng 9% trở lên trong năm\n2024.\n")
    got = by_raw(head + "Thu ngân sách đạt khoảng 12.345 tỷ đồng, đạt 76% dự toán.", "2024-09-20")
    assert got["9% trở lên"].kind == "target"
    assert got["khoảng 12.345 tỷ đồng"].kind == "actual"
    # without the comparison the sentence after a target still reads as the plan's
    got = by_raw(head + "Thu ngân sách đạt khoảng 12.345 tỷ đồng.", "2024-09-20")
    assert got["khoảng 12.345 tỷ đồng"].kind == "target"


def test_a_year_after_a_vietnamese_comparative_is_the_compared_year():
    # "cao hơn năm 2021 (6,2%)": the compared year dates its bracketed figure only, not the
    # figures said after it in the same sentence about the page's year
    text = ("Năm 2022, kinh tế huyện tăng trưởng khá. Giá trị sản xuất ước tăng 8,4%, thấp hơn "
            "năm 2021 (9,1%); thu nhập bình quân đạt 52,3 triệu đồng, tăng 3,2 triệu đồng so "
            "với năm 2021; tổng vốn đầu tư ước đạt 4.150 tỷ đồng.")
    rows = by_raw(text, date="2023-01-10")
    assert (rows["9,1%"].period_start, rows["9,1%"].period_end) == (2021, 2021)
    for raw in ("52,3 triệu đồng", "4.150 tỷ đồng"):
        assert (rows[raw].period_start, rows[raw].period_end) == (2022, 2022), raw


def test_a_tally_of_targets_missed_heads_results_not_targets():
    # "Có 2/8 chỉ tiêu chưa đạt kế hoạch:" counts targets judged; the items are results, and
    # a plan met "vượt mức chỉ tiêu Trung ương giao" names no target of the figures after it
    text = ("Về kinh tế, có 2/8 chỉ tiêu chưa đạt kế hoạch: tăng trưởng GRDP 6,1% (KH tăng 7%); "
            "tỷ trọng dịch vụ 35,2% (KH 36%). Năm nay thu ngân sách vượt mức chỉ tiêu Trung "
            "ương giao 12,5%, tỷ lệ hộ nghèo còn 3,4%.")
    rows = by_raw(text, date="2023-12-05")
    for raw in ("6,1%", "35,2%", "12,5%", "3,4%"):
        assert rows[raw].kind == "actual", raw
    assert rows["7%"].kind == "target"
    assert rows["36%"].kind == "target"


# --- rules from the misses of documents 360-367 (our own sentences) ---------------------------

def test_points_percent_and_falls_written_as_reducing_or_decreased():
    got = by_raw("In 2019, industry grew 11.2%, contributing 4.1 points% to the growth. The "
                "planted area decreased 3.2%. Farming value added fell, reducing 1.2% compared "
                "to 2018 and reducing the overall growth by 0.2 percentage points.", "2020-01-15")
    assert got["4.1 points%"].unit == "percentage_points" and got["4.1 points%"].low == 4.1
    assert got["decreased 3.2%"].low == -3.2
    assert got["reducing 1.2%"].low == -1.2
    assert got["reducing 1.2%"].measure == "annual_growth"
    assert got["0.2 percentage points"].low == -0.2


def test_the_year_of_the_figure_compared_with_dates_nothing_after_it():
    # "1.9 times the 2023 figure": 2023 is the base; the next sentences stay in 2024
    got = by_raw("The province's budget revenue in 2024 reached 12,500 billion VND. Town A "
                "collected over 900 billion VND, about 1.9 times the 2023 figure. Town B "
                "collected nearly 700 billion VND, exceeding the target by 20%.", "2025-01-15")
    assert _period(got["about 1.9 times"]) == (2023, 2024)
    assert _period(got["nearly 700 billion VND"]) == (2024, 2024)
    assert _period(got["20%"]) == (2024, 2024)


def test_a_share_of_the_plan_said_of_an_aim_is_a_target():
    got = by_raw("In 2023, the province aims to attract FDI of over 2 billion USD, exceeding "
                "20% of the plan.", "2023-09-10")
    assert got["over 2 billion USD"].kind == "target"
    assert got["20%"].kind == "target"
    got = by_raw("By the end of August, FDI reached 853 million USD, equal to 85.5% of the "
                "2023 plan.", "2023-09-10")
    assert got["85.5%"].kind == "actual"  # a share of the plan done stays a result


def test_a_result_set_against_the_target_in_the_past_tense_is_actual():
    got = by_raw("By the end of 2019, the province collected an estimated 3 trillion VND for "
                "the State budget. It is 20 percent higher than the target set by the Prime "
                "Minister and 4 percent higher than that by the provincial council. The sum "
                "surpassed the target set by the ministry by 110 percent.", "2019-12-20")
    assert got["20 percent"].kind == "actual"
    assert got["4 percent"].kind == "actual"
    assert got["110 percent"].kind == "actual"
    # a plan compared with an earlier plan stays a plan
    got = by_raw("The province targets budget revenue of 5 trillion VND in 2020, 10 percent "
                "higher than the plan of 2019.", "2019-12-20")
    assert got["10 percent"].kind == "target"


def test_likely_to_achieve_is_an_estimate_of_the_year():
    got = by_raw("In the first half of 2022 the city grew 8.04%. The city is likely to achieve a "
                "GRDP growth of over 9% this year, exceeding the target.", "2022-06-26")
    assert got["over 9%"].kind == "actual" and got["over 9%"].estimate  # an estimated result
    assert _period(got["over 9%"]) == (2022, 2022)


def test_a_figure_set_against_the_same_period_of_another_year_is_that_periods():
    # the growth a comparison names, followed by the same period of a year, is that year's
    got = by_raw("Quý I năm 2025, chỉ số sản xuất công nghiệp của tỉnh tăng 11,2%, cao hơn "
                 "mức tăng 8,4% cùng kỳ năm 2024.", "2025-04-10")
    assert _period(got["11,2%"]) == (2025, 2025)
    assert _period(got["8,4%"]) == (2024, 2024)
    # "năm trước" and the English word order give the year before the figure's
    got = by_raw("Tính chung 3 tháng, IIP tăng 11,2%, thấp hơn mức tăng 12,5% cùng kỳ năm "
                 "trước.", "2025-04-10")
    assert _period(got["12,5%"]) == (2024, 2024)
    got = by_raw("In the first quarter, the IIP rose 11.2%, higher than the 8.4% increase in "
                 "the same period last year.", "2025-04-10")
    assert _period(got["8.4%"]) == (2024, 2024)
    # a change measured "so với cùng kỳ năm 2024" stays the figure's own year
    got = by_raw("Quý I, chỉ số sản xuất công nghiệp tăng 11,2% so với cùng kỳ năm 2024.",
                 "2025-04-10")
    assert _period(got["11,2%"]) == (2025, 2025)


def test_the_opening_of_a_change_takes_the_year_closing_its_clause_and_now_the_present():
    # "từ chỗ chỉ có ... vào năm 2000, đến nay ...": the first count is 2000's, the second
    # the page's, whatever the area between them
    got = by_raw("Với nhiều nỗ lực, từ chỗ chỉ có 1 khu công nghiệp rộng 60 ha vào năm 2000, "
                 "đến nay tỉnh có 12 khu công nghiệp.", "2025-04-10")
    assert _period(got["1 khu công nghiệp"]) == (2000, 2000)
    assert _period(got["60 ha"]) == (2000, 2000)
    assert _period(got["12 khu công nghiệp"]) == (2025, 2025)
    got = by_raw("From only 2 industrial parks covering 300 ha in 2005, the province now has "
                 "12 industrial parks.", "2025-04-10")
    assert _period(got["2 industrial parks"]) == (2005, 2005)
    assert _period(got["12 industrial parks"]) == (2025, 2025)
    # a change from one year's level to another's keeps both years
    got = by_raw("GRDP tăng từ 5,2% năm 2020 lên 7,1% năm 2024.", "2025-04-10")
    assert _period(got["5,2%"]) == (2020, 2020) and _period(got["7,1%"]) == (2024, 2024)


def test_a_headline_line_over_its_paragraph_keeps_its_target_words():
    # a short line with no stop above a long paragraph is a headline: its "phấn đấu" is not
    # the paragraph's first figure's
    text = ("Bắc Sơn: Phấn đấu trở thành tỉnh công nghiệp\n3 tháng năm 2025, chỉ số sản xuất "
            "công nghiệp (IIP) của tỉnh tăng 11,2%, cao hơn cùng kỳ. Đây là cơ sở quan trọng.")
    assert by_raw(text, "2025-04-10")["11,2%"].kind == "actual"
    # a wrapped line (after an unfinished one) is no headline: the plan still reads as one
    text = ("1. Mục\ntiêu tổng quát\nPhấn đấu tốc độ tăng trưởng\nGRDP từ 9% trở lên so với năm "
            "2024; đẩy mạnh tái cơ cấu kinh tế theo hướng hiện đại.")
    assert by_raw(text, "2024-12-10")["9% trở lên"].kind == "target"


def test_a_forecast_is_an_estimate_not_a_plan():
    got = by_raw("Dự báo năm 2024, tăng trưởng kinh tế của tỉnh sẽ đạt từ 8% trở lên.",
                 "2024-06-20")
    assert got["8% trở lên"].kind == "actual" and got["8% trở lên"].estimate
    # "sẽ đạt" early in the year without a forecast word stays the plan
    got = by_raw("Năm 2024, tăng trưởng kinh tế của tỉnh sẽ đạt từ 8% trở lên.", "2024-06-20")
    assert got["8% trở lên"].kind == "target"


def test_a_ratio_to_a_past_period_beside_a_share_of_the_plan_is_a_result():
    text = ("Trong 9 tháng đầu năm 2023, tổng vốn đăng ký mới và tăng thêm là 150 triệu USD, "
            "đạt 110% kế hoạch năm và bằng 180,5% so với cùng kỳ năm 2022.")
    assert by_raw(text, "2023-10-05")["180,5%"].kind == "actual"
    # a plan's own ratio to the year before stays the plan's
    got = by_raw("Năm 2025 phấn đấu thu ngân sách đạt 5.000 tỷ đồng, bằng 112% so với cùng kỳ "
                 "năm 2024.", "2025-01-05")
    assert got["112%"].kind == "target"


def test_an_amount_in_brackets_after_a_resolution_is_its_plan():
    # "so với nghị quyết ... giao (X)": the People's Council resolution sets the plan, so the
    # bracketed amount is the target, the amount before it the result
    got = by_raw("Thu ngân sách 9 tháng đạt 4.150 tỷ đồng, bằng 72% so với nghị quyết HĐND "
                 "giao (5.800 tỷ đồng) và tăng 3% so với cùng kỳ.", "2025-10-05")
    assert got["5.800 tỷ đồng"].kind == "target"
    assert got["4.150 tỷ đồng"].kind == "actual"


def test_a_clause_written_twice_back_to_back_is_one_figure():
    rows = extract("Trong đó, nông nghiệp tăng 2,1%; dịch vụ tăng 4,2%; dịch vụ tăng 4,2%.",
                   date="2025-07-05")
    assert rows["value_raw"].tolist() == ["2,1%", "4,2%"]
    # equal numbers of different quantities, or with no words of their own, stay apart
    rows = extract("Công nghiệp tăng 5%; xây dựng tăng 5%; dịch vụ tăng 5%, 5% và 6% qua các quý.",
                   date="2025-07-05")
    assert rows["value_raw"].tolist().count("5%") == 4


def test_a_plans_span_in_brackets_is_the_whole_span():
    # "(mục tiêu 2016-2020 ...)": a plan named with its span sets a figure of the whole span,
    # not of its last year; the growth is the yearly average, the amount the span's total
    got = by_raw("Năm 2019 GRDP tăng 7,2%; bình quân 2016-2019 đạt 6,8%/năm (chỉ tiêu 2016-2020 "
                 "đạt 7-7,5%). Tổng thu ngân sách giai đoạn 2016-2019 là 9.100 tỷ đồng (kế hoạch "
                 "2016-2020 là 12.500 tỷ đồng).", "2019-12-20")
    assert _period(got["7-7,5%"]) == (2016, 2020)
    assert got["7-7,5%"].measure == "period_average_growth"
    assert _period(got["12.500 tỷ đồng"]) == (2016, 2020)
    assert got["12.500 tỷ đồng"].measure == "period_total"
    # a level named by a plan's span stays the level at its end
    got = by_raw("Targets for 2021-2025 include per capita GRDP of about 80 million VND.",
                 "2021-03-01")
    assert _period(got["about 80 million VND"]) == (2025, 2025)


def test_the_same_periods_own_change_in_brackets_is_a_year_before():
    # "(cùng kỳ giảm 3,1%)": the change the compared period had, one year before the figure's
    got = by_raw("Trong đó, ngành dệt may tăng 6,2% so với cùng kỳ năm 2022 (cùng kỳ giảm "
                 "3,1%), ngành điện tăng 9%.", "2024-01-15")
    assert _period(got["6,2%"]) == (2023, 2023)
    assert _period(got["giảm 3,1%"]) == (2022, 2022)
    assert _period(got["9%"]) == (2023, 2023)
    got = by_raw("Textile output rose 8.4% (same period last year: down 2.5%).", "2019-06-15")
    assert _period(got["8.4%"]) == (2019, 2019)
    assert _period(got["down 2.5%"]) == (2018, 2018)


@pytest.mark.parametrize("text,code", [
    # the first half named in the lead, the exports two paragraphs on
    ("Báo cáo tình hình kinh tế 6 tháng đầu năm 2024 của tỉnh cho thấy nhiều điểm sáng.\n"
     "Nông nghiệp ổn định, công nghiệp tăng khá.\n"
     "Kim ngạch xuất khẩu đạt 820 triệu USD, tăng 9% so với cùng kỳ.", "exports_h1"),
    ("In the first six months of 2024 the province grew 7%.\n"
     "Its export turnover reached 820 million USD.", "exports_h1"),
    # a later paragraph naming the year ends the half's frame
    ("Báo cáo tình hình kinh tế 6 tháng đầu năm 2024 của tỉnh cho thấy nhiều điểm sáng.\n"
     "Năm 2023, kim ngạch xuất khẩu đạt 820 triệu USD.", "exports"),
    # and so do nine months
    ("Trong 6 tháng đầu năm 2024, kinh tế tỉnh tăng 7%.\n"
     "Tính chung 9 tháng, kim ngạch xuất khẩu đạt 820 triệu USD.", "exports"),
])
def test_a_first_half_named_in_an_earlier_paragraph_frames_the_exports(text, code):
    rows = extract(text, date="2024-07-05")
    assert list(rows[rows.value_raw.str.contains("820")].indicator) == [code]


def test_a_compared_year_does_not_end_a_first_half_frame():
    text = ("Trong 6 tháng đầu năm 2024, GRDP của tỉnh tăng 6,1% so với cùng kỳ năm 2023.\n"
            "Kim ngạch xuất khẩu ước đạt 640 triệu USD, tăng 11% so với cùng kỳ.")
    rows = extract(text, date="2024-07-05")
    assert list(rows[rows.value_raw == "640 triệu USD"].indicator) == ["exports_h1"]


def test_a_share_after_the_past_terms_review_is_of_its_end_despite_a_caption():
    text = ("Báo cáo chính trị cho biết kinh tế tỉnh giai đoạn qua tăng bình quân 6,8%/năm.\n\n"
            "Quang cảnh đại hội đại biểu Đảng bộ tỉnh nhiệm kỳ 2025 - 2030 ẢNH: T.AN\n\n"
            "Cơ cấu kinh tế chuyển dịch tích cực, công nghiệp - dịch vụ chiếm hơn 75% GRDP.")
    row = by_raw(text, date="2025-10-02")["hơn 75% GRDP"]
    assert (row.indicator, row.kind, row.period_start, row.period_end) == (
        "industry_construction_services_share", "actual", 2025, 2025)


@pytest.mark.parametrize("text,code", [
    ("Năm 2024, công nghiệp và dịch vụ chiếm 82% cơ cấu kinh tế của tỉnh.",
     "industry_construction_services_share"),
    ("In 2024 industry and services made up 82% of the province's economy.",
     "industry_construction_services_share"),
])
def test_industry_and_services_together_are_the_non_farm_share(text, code):
    assert [r.indicator for r in extract(text, date="2024-12-20").itertuples()
            if "82%" in r.value_raw] == [code]


# Coastal and tourism pages (issue #17, devset 440-446; the sentences here are our own)

def test_from_the_start_of_the_year_to_now_is_no_next_year():
    # "từ đầu năm tới nay": "năm tới" here is not "next year", and nothing is a target
    got = by_raw("Tháng 7/2023, tỉnh đón 210.000 lượt khách. Lũy kế từ đầu năm tới nay, số "
                 "lượt khách ước đạt 1,9 triệu lượt khách, tăng 14,2% so với cùng kỳ năm 2022.",
                 "2023-07-30")
    assert _period(got["1,9 triệu lượt khách"]) == (2023, 2023)
    assert _period(got["14,2%"]) == (2023, 2023)
    assert got["14,2%"].kind != "target"


def test_a_whole_year_compared_with_sets_no_year_after_it():
    # "gấp đôi cả năm 2022" in a title line repeated as a caption: the whole year compared with
    # is a base, not the frame of the paragraphs that follow
    got = by_raw("Khách quốc tế đến tỉnh trong 7 tháng gần gấp đôi cả năm 2022\n\nTrong 7 tháng "
                 "năm 2023, khách quốc tế đạt 64.000 lượt.\n\nKhách quốc tế đến tỉnh trong 7 "
                 "tháng gần gấp đôi cả năm 2022\n\nCũng theo báo cáo, doanh thu du lịch ước đạt "
                 "912 tỷ đồng, tăng 15,5%.", "2023-07-31")
    assert _period(got["912 tỷ đồng"]) == (2023, 2023)
    assert _period(got["15,5%"]) == (2023, 2023)


def test_the_same_holiday_of_a_year_compared_with_sets_no_year_after_it():
    # a February page whose only year is the holiday compared with ("so với cùng kỳ nghỉ Tết
    # 2023"): not a review of that year, the figures are the page's year's
    got = by_raw("Trong 7 ngày nghỉ Tết Nguyên đán, lượng khách ước đạt 52.300 lượt, tăng 18,4% "
                 "so với cùng kỳ nghỉ Tết 2023.\n\nLượng khách lưu trú đạt 21.000 lượt. Công "
                 "suất phòng ước đạt 61%.", "2024-02-14")
    assert _period(got["21.000 lượt"]) == (2024, 2024)
    assert _period(got["61%"]) == (2024, 2024)


def test_a_share_of_the_plan_in_brackets_after_a_compared_year_is_the_figures():
    # "(vượt 9,1% kế hoạch năm 2023)" after "so với cùng kỳ năm 2022" is the figure's ratio to
    # its plan, not the compared year's own figure (as "cao hơn năm 2022 (5,1%)" would be)
    got = by_raw("Tính chung 10 tháng năm 2023, tỉnh đón 3,4 triệu lượt khách, tăng 21,7% so "
                 "với cùng kỳ năm 2022 (vượt 9,1% kế hoạch năm 2023).", "2023-10-28")
    assert _period(got["9,1%"]) == (2023, 2023)
    got = by_raw("Năm 2023, xuất khẩu đạt 1.250 triệu USD, tăng 6% so với năm 2022 (đạt 104% "
                 "kế hoạch).", "2024-01-05")
    assert _period(got["104%"]) == (2023, 2023)
# --- farm and rural reports of highland and south-central provinces (devset 450-456) --------


def test_a_month_of_the_year_before_is_no_span_of_years():
    # "tháng 5 năm trước" is May a year before, not "5 years"; the amount after it is May's
    got = by_raw("Trong tháng 5, sản lượng tôm nuôi tăng 3,2% so với tháng 5 năm trước, đạt "
                 "640 tấn.", "2023-06-05")
    assert _period(got["640 tấn"]) == (2023, 2023)
    assert got["640 tấn"].measure == "level"


def test_carried_out_well_is_no_word_of_now():
    # "thực hiện có hiệu quả" holds "hiện có" (now) inside it: the year of the sentence before
    # in the paragraph still dates the figures, not the page's year
    got = by_raw("Năm 2022, huyện đã bố trí 85 tỷ đồng cho chương trình. Nhờ triển khai thực "
                 "hiện có hiệu quả, đã có 14 xã đạt chuẩn nông thôn mới.", "2023-01-15")
    assert _period(got["14 xã"]) == (2022, 2022)


def test_a_national_target_programme_sets_no_target():
    got = by_raw("Năm 2022, thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững, tỉnh "
                 "đã phân bổ 150 tỷ đồng.", "2023-01-15", column="kind")
    assert got["150 tỷ đồng"] == "actual"
    got = by_raw("In 2022, the province allocated 150 billion VND to the national target "
                 "programme on new rural areas.", "2023-01-15", column="kind")
    assert got["150 billion VND"] == "actual"


def test_the_plans_value_compared_with_is_a_target():
    # "so với 2% kế hoạch giao": the value the plan gave, against which the result is set
    got = by_raw("Năm 2023, tỷ lệ hộ nghèo của huyện giảm 2,6% so với 2% kế hoạch giao.",
                 "2023-12-20", column="kind")
    assert got["giảm 2,6%"] == "actual" and got["2%"] == "target"
    # a share of the plan achieved stays a result
    got = by_raw("Năm 2023, thu ngân sách đạt 104% so với kế hoạch.", "2023-12-20",
                 column="kind")
    assert got["104%"] == "actual"


def test_in_addition_goes_on_with_the_targets_of_the_paragraph_before():
    text = ("Năm 2024, ngành nông nghiệp đặt chỉ tiêu trồng mới 400ha cà phê.\n\n"
            "Ngoài ra, nâng diện tích nuôi cá lên 150ha; trồng mới hơn 1.500ha rừng.")
    got = by_raw(text, "2024-01-20", column="kind")
    assert got["150ha"] == "target" and got["hơn 1.500ha"] == "target"
    # without the continuing words a new paragraph reports on its own
    got = by_raw(text.replace("Ngoài ra, nâng", "Nâng"), "2024-01-20", column="kind")
    assert got["150ha"] == "actual"


def test_an_amounts_change_since_an_older_year_spans_from_it():
    got = by_raw("Đến nay, diện tích cây ăn quả khoảng 21.000 ha (tăng 6.300 ha so với năm "
                 "2020), sản lượng năm 2024 ước đạt 180.000 tấn (tăng 45.000 tấn so với năm "
                 "2020).", "2024-11-20")
    for raw in ("6.300 ha", "45.000 tấn"):
        assert _period(got[raw]) == (2020, 2024)
        assert got[raw].measure == "cumulative_growth"
    assert _period(got["khoảng 21.000 ha"]) == (2024, 2024)
    # a change on the year before stays the year's
    got = by_raw("Năm 2024, thu nhập bình quân đạt 62 triệu đồng, tăng 7 triệu đồng so với năm "
                 "2023.", "2024-12-20")
    assert _period(got["7 triệu đồng"]) == (2024, 2024)


def test_the_end_of_a_change_of_a_growth_rate_is_a_growth_rate():
    got = by_raw("Tăng trưởng GRDP của tỉnh tăng mạnh từ 5,2% năm 2022 lên 7,4% năm 2024.",
                 "2024-12-20")
    assert got["7,4%"].measure == got["5,2%"].measure == "annual_growth"
    assert got["7,4%"].indicator == got["5,2%"].indicator == "grdp_growth"
    # the two ends of a share's change stay levels
    got = by_raw("Năm 2024, tỷ trọng dịch vụ tăng từ 30% lên 33%.", "2024-12-20")
    assert got["33%"].measure == "level" and got["33%"].indicator == "services_share"
def test_a_change_since_a_base_year_spans_the_years_from_it():
    # a change in points of a share, in a count per 1,000 people and in an amount per person
    # "so với năm 2020", in a report on 2025: the change over 2020-2025
    got = by_raw("Năm 2025, công nghiệp - xây dựng chiếm 48%, tăng 7,5 điểm phần trăm so với năm "
                 "2020; nông nghiệp chiếm 14%, giảm 4,2% điểm. Mật độ đạt 6,1 doanh "
                 "nghiệp/1.000 dân, tăng 1,2 doanh nghiệp so với năm 2020. Thu nhập bình quân "
                 "đạt 75 triệu đồng/người, tăng 30 triệu đồng so với năm 2020.", "2025-12-20")
    for raw in ("7,5 điểm phần trăm", "giảm 4,2% điểm", "1,2 doanh nghiệp", "30 triệu đồng"):
        assert _period(got[raw]) == (2020, 2025), raw
        assert got[raw].measure == "cumulative_growth", raw
    assert got["giảm 4,2% điểm"].low == -4.2
    assert got["giảm 4,2% điểm"].unit == "percentage_points"
    assert got["30 triệu đồng"].unit == "VND/person"  # the change of an amount per person
    assert "1.000 dân" not in got  # the rate's denominator is no figure
    # a change against the year before stays that year's (no span of years)
    got = by_raw("Năm 2025, công nghiệp chiếm 40%, tăng 1,1 điểm phần trăm so với năm 2024.",
                 "2025-12-20")
    assert _period(got["1,1 điểm phần trăm"]) == (2025, 2025)


def test_a_growth_from_a_bound_written_after_it_is_a_growth():
    # "tăng từ 9% trở lên": at least 9 % a year, not a starting level ("tăng từ 23% lên 26%")
    got = by_raw("Mục tiêu giai đoạn 2026-2030: GRDP tăng từ 9% trở lên mỗi năm.", "2025-10-01")
    assert got["9% trở lên"].indicator == "grdp_growth"
    assert got["9% trở lên"].measure == "period_average_growth"
    assert _period(got["9% trở lên"]) == (2026, 2030)
    got = by_raw("Năm 2024, tỷ trọng công nghiệp tăng từ 21% lên 24%.", "2025-01-10")
    assert got["21%"].measure == "level"
def test_a_share_of_the_plan_made_sets_no_target_for_the_figures_after_it():
    # "đạt X% kế hoạch năm" is a result's: the counts after it in the sentence are results
    got = by_raw("Năm 2024, khách nội địa đạt 1,8 triệu lượt (tăng 6,5% so với năm 2023, đạt "
                 "101,2% kế hoạch năm); tính đến tháng 12 năm 2024, tỉnh có 640 cơ sở lưu trú, "
                 "7.120 buồng.", "2025-01-15")
    assert got["640 cơ sở"].kind == "actual"
    assert got["7.120 buồng"].kind == "actual"
    # the plan of a year in a bracket right after its share is still the plan
    got = by_raw("Năm 2024, vốn FDI thu hút đạt 820 triệu USD, đạt 41% kế hoạch năm 2024 (thu "
                 "hút 2 tỷ USD).", "2025-01-15")
    assert got["2 tỷ USD"].kind == "target"
    # other target words of the sentence still make a target
    got = by_raw("Năm 2025, tỉnh phấn đấu thu ngân sách đạt 100% kế hoạch năm, đạt 6.000 tỷ "
                 "đồng.", "2025-03-15")
    assert got["6.000 tỷ đồng"].kind == "target"


def test_a_daily_rate_of_vehicles_or_wagons_is_a_count():
    got = by_raw("Năm 2024, lượng xe thông quan qua các cửa khẩu của tỉnh Lạng Sơn đạt khoảng "
                 "800 - 950 xe/ngày; qua ga đường sắt trung bình 18 toa/ngày.", "2025-01-15")
    assert (got["khoảng 800 - 950 xe/ngày"].low, got["khoảng 800 - 950 xe/ngày"].unit) == \
        (800, "count")
    assert got["18 toa/ngày"].unit == "count"


def test_a_sentence_opening_with_a_result_sets_no_target_for_the_next():
    # its share of the year's plan, the plan in a bracket, then "Trong đó": the parts are results
    text = ("Năm 2024, vốn FDI thu hút của tỉnh đạt 1,2 tỷ USD, bằng 130% kế hoạch 6 tháng, đạt "
            "48% kế hoạch năm 2024 (thu hút 2,5 tỷ USD). Trong đó, có 14 dự án cấp mới đạt 950 "
            "triệu USD.")
    got = by_raw(text, "2024-07-10")
    assert got["2,5 tỷ USD"].kind == "target"
    assert got["14 dự án"].kind == "actual"
    assert got["950 triệu USD"].kind == "actual"
    # a sentence of aims still carries its target words to the next
    got = by_raw("Năm 2024, tỉnh phấn đấu thu hút 2,5 tỷ USD vốn FDI. Trong đó, có 14 dự án cấp "
                 "mới.", "2024-02-10")
    assert got["14 dự án"].kind == "target"


def test_a_share_of_the_plan_before_va_is_no_target_word():
    got = by_raw("Năm 2024, vốn đầu tư toàn xã hội đạt 9.000 tỷ đồng, đạt 45% kế hoạch và tăng "
                 "12% so với cùng kỳ.", "2024-07-10")
    assert got["12%"].kind == "actual"


def test_an_estimate_under_an_aims_horizon_is_of_that_year():
    # "phấn đấu ... đến năm 2026, ...; doanh thu ước đạt X": what the aim expects by then
    got = by_raw("Năm 2025, tỉnh đón 2,1 triệu lượt khách; phấn đấu đến năm 2026, du lịch trở "
                 "thành ngành kinh tế mũi nhọn; tổng thu từ du lịch ước đạt 5.400 tỷ đồng.",
                 "2025-11-20")
    assert (_period(got["5.400 tỷ đồng"]), got["5.400 tỷ đồng"].kind) == ((2026, 2026), "target")
    # a later year named as a plan's, not a horizon, leaves the estimate in the current year
    got = by_raw("Năm 2025, thu ngân sách ước đạt 6.100 tỷ đồng; kế hoạch năm 2026 ước đạt "
                 "6.800 tỷ đồng.", "2025-11-20")
    assert _period(got["6.100 tỷ đồng"]) == (2025, 2025)


def test_this_year_after_the_pages_own_year_stays_the_pages():
    # a January page that names its own year just before "năm nay" means that year
    got = by_raw("Năm 2023 tỉnh tăng trưởng 6,2%. Bước sang năm 2024, tỉnh quyết tâm phát triển "
                 "trong năm nay. GRDP phấn đấu tăng 7,5%.", "2024-01-15")
    assert _period(got["7,5%"]) == (2024, 2024)
@pytest.mark.parametrize("text", [
    "Tỉnh đề ra mục tiêu năm 2027 với 25 chỉ tiêu, trong đó tăng trưởng kinh tế từ 9% trở lên, "
    "tổng vốn đầu tư toàn xã hội ước đạt 95 nghìn tỷ đồng, xuất khẩu khoảng 3 tỷ USD.",
    "Kế hoạch năm 2027: GRDP tăng 9%; vốn đầu tư toàn xã hội dự ước đạt 95 nghìn tỷ đồng.",
])
def test_an_estimate_word_inside_a_later_years_plan_list_is_that_years_target(text):
    rows = by_raw(text, date="2026-12-05")
    row = rows["95 nghìn tỷ đồng"]
    assert (row.kind, row.period_start, row.period_end) == ("target", 2027, 2027)


def test_an_estimate_beside_a_named_current_year_and_the_next_years_plan_stays_the_current():
    # the report title names both years: its "ước đạt" is the year under way
    rows = by_raw("Báo cáo kết quả năm 2026 và kế hoạch năm 2027 nêu rõ vốn đầu tư toàn xã "
                  "hội ước đạt 88 nghìn tỷ đồng.", date="2026-12-05")
    assert (rows["88 nghìn tỷ đồng"].period_start, rows["88 nghìn tỷ đồng"].period_end) == \
        (2026, 2026)
def test_a_yearly_average_after_a_ratio_to_a_base_year_spans_the_ratios_years():
    got = by_raw("Compared to the 1995 figure, the GRDP in 2020 rose by 8.2 times, with average "
                 "growth of 9.1 percent per year. Năm 2020, GRDP gấp 3 lần năm 2010, bình quân "
                 "tăng 11,6%/năm.", date="2020-12-05")
    assert (got["9.1 percent per year"].period_start,
            got["9.1 percent per year"].period_end) == (1996, 2020)
    assert (got["11,6%/năm"].period_start, got["11,6%/năm"].period_end) == (2011, 2020)
def test_a_date_opening_its_clause_dates_what_stood_at_it():
    # "Tính đến ngày 31/12/2021, ..." in a page of 2022: the end of 2021, not the page's year;
    # a date after a plan's year ("kế hoạch vốn năm 2023 đến ngày 31/01/2024") keeps the plan's
    got = by_raw("Tính đến ngày 31/12/2021, số người tham gia BHXH là 95.000 người, chiếm 38,5% "
                 "lực lượng lao động. Giải ngân kế hoạch vốn năm 2023 đến ngày 31/01/2024 đạt "
                 "88,1% kế hoạch.", "2022-04-15")
    assert (got["95.000 người"].period_start, got["38,5%"].period_end) == (2021, 2021)
    assert got["88,1%"].period_start == 2023


def test_counted_up_to_a_year_frames_the_whole_sentence():
    # "tính đến hết năm 2023, ..." is the sentence's frame, not a horizon of its first figure
    # only: the clause after ";" is 2023's too (not the page's 2024)
    got = by_raw("Tính đến hết năm 2023, toàn tỉnh còn 3.200 hộ nghèo, chiếm 1,2%; 4.100 hộ "
                 "cận nghèo, chiếm 1,6%.", "2024-03-10")
    assert [got[raw].period_start for raw in ("1,2%", "4.100 hộ", "1,6%")] == [2023] * 3


def test_a_share_of_the_plan_before_a_bracket_names_no_target_for_the_change_in_it():
    # "đạt 40% kế hoạch năm (tăng 3.000 người ...)": the plan word is the share's; the change in
    # the bracket is a result
    got = by_raw("Năm 2023, tỉnh giải quyết việc làm cho 9.800 lao động, đạt 40% kế hoạch năm "
                 "(tăng 3.000 người so với năm 2022).", "2023-12-20", column="kind")
    assert got["3.000 người"] == "actual"


def test_a_target_compared_with_in_a_closed_clause_sets_no_kind_of_the_next():
    # "vượt ... so với chỉ tiêu ... (38%); tuy nhiên, ..." : the target and its value belong to
    # the first clause; the result of the next clause is a result
    got = by_raw("Năm 2022, tỷ lệ lao động tham gia BHXH đạt 37,4%, vượt 0,4% so với chỉ tiêu đề "
                 "ra tại Nghị quyết (37%); tuy nhiên, tỷ lệ bao phủ BHYT mới đạt 88,1% dân số.",
                 "2022-11-10", column="kind")
    assert (got["37%"], got["88,1%"]) == ("target", "actual")


def test_a_january_review_comparing_with_two_years_back_reports_the_year_before():
    # a review dated early in a year that names no year but the one compared with ("so với năm
    # 2019") reports the year after that base: each figure is of 2020, the growth a year's
    text = ("Tăng trưởng kinh tế ước đạt 5,9% so với năm 2019. Cơ cấu: dịch vụ chiếm 41,5%. "
            "Thu ngân sách ước đạt 3.400 tỷ đồng, tăng 8,1% so với năm 2019.")
    got = by_raw(text, "2021-01-06")
    assert [_period(got[raw]) for raw in ("5,9%", "41,5%", "3.400 tỷ đồng", "8,1%")] == \
        [(2020, 2020)] * 4
    assert by_raw(text, "2021-01-06", column="measure")["5,9%"] == "annual_growth"
    # dated in the middle of a year, the page's own year holds
    assert _period(by_raw(text, "2021-07-06")["41,5%"]) == (2021, 2021)


def test_a_semicolon_list_wrapped_onto_a_small_letter_line_is_one_sentence():
    # a PDF's line break after "...;" inside a bracketed list keeps the list's year
    got = by_raw("Cơ cấu kinh tế chuyển dịch (năm 2018, nông nghiệp chiếm 30,2%; công nghiệp "
                 "chiếm 21,7%;\ndịch vụ 48,1%).", "2020-05-01")
    assert _period(got["48,1%"]) == (2018, 2018)


def test_the_size_of_a_fall_named_before_its_number_is_negative():
    # "tỷ lệ giảm nghèo", "mức giảm": the fall named as a noun; "giảm ... bình quân từ X%/năm":
    # a yearly rate after "từ" is the fall's size, not a starting level
    got = by_raw("Giai đoạn 2016-2020, tỷ lệ giảm nghèo bình quân đạt 2,4%/năm; mức giảm tỷ lệ "
                 "hộ cận nghèo bình quân là 0,9%/năm. Mục tiêu 2021-2025 là giảm tỷ lệ hộ nghèo "
                 "bình quân từ 1,5-2%/năm.", "2021-03-01", column="low")
    assert (got["2,4%/năm"], got["0,9%/năm"], got["1,5-2%/năm"]) == (-2.4, -0.9, -2.0)
    # a share of the plan after the fall's name, and a level after "từ ... xuống", stay positive
    got = by_raw("Tỷ lệ giảm nghèo vượt kế hoạch, huyện cao nhất đạt 150%. Tỷ lệ hộ nghèo giảm "
                 "bình quân từ 6,1% năm 2020 xuống 3,2% năm 2025.", "2025-11-01", column="low")
    assert (got["150%"], got["6,1%"]) == (150, 6.1)
def test_the_year_gone_by_of_a_year_end_review_is_its_year():
    # "năm qua" in a page of December or of the next January is the year it reviews; in a
    # mid-year page it is the year before ("năm ngoái" keeps its reading)
    text = "Năm 2024 kinh tế tỉnh tăng 7,1%. Toàn tỉnh đã trồng mới 820 ha rừng trong năm qua."
    assert _period(by_raw(text, "2024-12-18")["820 ha"]) == (2024, 2024)
    assert _period(by_raw(text, "2025-01-09")["820 ha"]) == (2024, 2024)
    got = by_raw("Năm 2024 tỉnh thu hút nhiều dự án. Năm qua, tỉnh trồng mới 640 ha rừng.",
                 "2024-06-20")
    assert _period(got["640 ha"]) == (2023, 2023)
    got = by_raw("Năm 2024 kinh tế tăng 7,1%. Năm ngoái, tỉnh trồng mới 610 ha rừng.",
                 "2024-12-18")
    assert _period(got["610 ha"]) == (2023, 2023)


def test_a_bare_exceeding_before_any_quantity_with_a_unit_is_a_lower_bound():
    # "vượt" right before hectares or visitors, as before money: at least that much
    got = by_raw("Năm 2024 diện tích cây ăn quả vượt 2.400 ha; tỉnh đón vượt 3 triệu lượt khách.")
    assert (got["vượt 2.400 ha"].qualifier, got["vượt 2.400 ha"].low) == ("above", 2400)
    assert got["vượt 3 triệu lượt khách"].qualifier == "above"
    # with the plan after it, it says by how much
    got = by_raw("Năm 2024 số lao động được đào tạo vượt 1.500 người so với kế hoạch.")
    assert "1.500 người" in got and got["1.500 người"].qualifier == "exact"


def test_an_amount_after_a_count_of_months_is_no_month():
    # "lũy kế 8 tháng 41.250 tỷ đồng": only a number a month can have names a month after
    # "tháng"; "tháng 11" still names one
    got = by_raw("Năm 2024, tổng mức bán lẻ hàng hóa quý III đạt 14.300 tỷ đồng, lũy kế 8 tháng "
                 "41.250 tỷ đồng. Riêng tháng 11 xuất khẩu đạt 72 triệu USD.", "2024-12-05")
    assert got["41.250 tỷ đồng"].low == 41_250e9
    assert "11" not in got and "72 triệu USD" in got


def test_a_percent_glued_to_the_next_word_ends_at_the_percent_sign():
    # a missing space after "%" ("đạt 41,5%KH", "tăng 6%so cùng kỳ") still ends the figure
    got = by_raw("Năm 2024 thu nội địa đạt 3.100 tỷ đồng, đạt 41,5%KH; xuất khẩu tăng 6%so cùng kỳ.")
    assert got["41,5%"].low == 41.5 and got["6%"].low == 6


def test_a_rise_to_a_rate_in_vietnamese_is_the_level_it_reaches():
    from hy_analysis import extract

    df = extract("Phấn đấu tăng tỷ lệ đô thị hóa lên 50% vào năm 2030.", date="2024-12-20")
    assert df[["indicator", "measure"]].values.tolist() == [["urbanisation_rate", "level"]]
