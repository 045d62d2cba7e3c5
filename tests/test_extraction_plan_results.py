"""Extraction: ranges written with their scale twice, results set against a plan, a sector's
growth named by its bare head noun, consequence clauses and visits counted in tourism.

Each test writes its own sentences (never a document's), in the forms provincial reports use
for yearly results, plans and part-year figures.
"""

from functools import partial

import pytest
from helpers import by_raw

from hy_analysis.extraction import extract
from hy_analysis.parsing import parse_value

_kind = partial(by_raw, column="kind")
_indicator = partial(by_raw, column="indicator")


@pytest.mark.parametrize("text,low,high,unit", [
    ("từ 20 nghìn tỷ đến 25 nghìn tỷ đồng", 20e12, 25e12, "VND"),
    ("1,2 tỷ - 1,5 tỷ USD", 1.2e9, 1.5e9, "USD"),
    ("8 nghìn tỷ đồng đến 9 nghìn tỷ đồng", 8e12, 9e12, "VND"),
    ("2 triệu tấn đến 2,5 triệu tấn", 2e6, 2.5e6, "count"),
    ("1.2 billion to 1.5 billion USD", 1.2e9, 1.5e9, "USD"),
])
def test_a_range_whose_ends_both_carry_the_scale(text, low, high, unit):
    parsed = parse_value(text, lang="en" if "billion" in text else "vi")
    assert (parsed.low, parsed.high, parsed.qualifier, parsed.unit) == (low, high, "range", unit)


def test_a_range_with_the_scale_twice_is_one_figure():
    got = by_raw("Giai đoạn 2026-2030, tổng vốn đầu tư toàn xã hội đạt từ 200 nghìn tỷ đến "
                 "240 nghìn tỷ đồng.")
    assert list(got) == ["200 nghìn tỷ đến 240 nghìn tỷ đồng"]
    row = got["200 nghìn tỷ đến 240 nghìn tỷ đồng"]
    assert (row.low, row.high) == (200e12, 240e12)


def test_an_amount_after_the_word_plan_is_the_plans_value_not_its_number():
    got = by_raw("Năm 2024, xuất khẩu gạo đạt 104% kế hoạch (kế hoạch 50 ngàn tấn, thực hiện "
                 "52 ngàn tấn).")
    assert "50 ngàn tấn" in got and "52 ngàn tấn" in got
    # a plan's number stays no figure
    assert list(by_raw("Theo Kế hoạch 36 của UBND tỉnh, năm 2024 sản lượng lúa đạt 1,1 triệu "
                       "tấn.")) == ["1,1 triệu tấn"]


@pytest.mark.parametrize("text,plan,done", [
    ("Năm 2024, xuất khẩu gạo đạt 104% kế hoạch (kế hoạch 50 ngàn tấn, thực hiện 52 ngàn tấn).",
     "50 ngàn tấn", "52 ngàn tấn"),
    ("In 2024 rice exports reached 104% of the plan (plan 50,000 tonnes, actual 52,000 tonnes).",
     "50,000 tonnes", "52,000 tonnes"),
])
def test_the_result_named_after_the_plan_in_one_bracket_is_a_result(text, plan, done):
    kinds = _kind(text, date="2025-01-15")
    assert kinds[plan] == "target"
    assert kinds[done] == "actual"
    kinds = _kind(text, date="2024-12-20")  # written in the year itself
    assert (kinds[plan], kinds[done]) == ("target", "actual")


def test_a_percentage_reached_after_so_voi_the_plan_is_a_result():
    text = ("Sáu tháng đầu năm 2024, sản lượng cá đạt 40.000 tấn. Tuy nhiên, so với chỉ tiêu "
            "cả năm (100.000 tấn) thì mới đạt 40,5%; so với mức phấn đấu (110.000 tấn) thì "
            "chỉ đạt 36,8%.")
    kinds = _kind(text, date="2024-07-10")
    assert kinds["100.000 tấn"] == "target"
    assert kinds["110.000 tấn"] == "target"
    assert kinds["40,5%"] == "actual"
    assert kinds["36,8%"] == "actual"
    english = "Compared with the annual target of 90,000 tonnes, the catch reached only 44.2%."
    assert _kind(english, date="2024-07-10")["44.2%"] == "actual"


def test_a_bracket_opened_by_the_same_period_of_a_year_holds_that_years_figure():
    got = by_raw("Sáu tháng đầu năm 2024, sản lượng tôm đạt 45% kế hoạch năm (cùng kỳ 2023 đạt "
                 "tỷ lệ 41,3%).", date="2024-07-10")
    assert (got["45%"].period_start, got["45%"].period_end) == (2024, 2024)
    assert (got["41,3%"].period_start, got["41,3%"].period_end) == (2023, 2023)
    got = by_raw("In the first half of 2024 industrial output rose 6.2% (the same period of "
                 "2023: 4.1%).", date="2024-07-10")
    assert got["4.1%"].period_end == 2023


@pytest.mark.parametrize("text,raw,code", [
    ("Năm 2024, giá trị tăng thêm của ngành công nghiệp đạt 9.500 tỷ đồng, tốc độ tăng trưởng "
     "kinh tế (GRDP) của ngành ước đạt 7,2%.", "7,2%", "industry_grdp_growth"),
    ("Năm 2024, khu vực dịch vụ phục hồi, tăng trưởng GRDP của khu vực này đạt 6,1%.", "6,1%",
     "services_grdp_growth"),
    # the province's growth stays the economy's, a sector named before or not
    ("Năm 2024, ngành nông nghiệp gặp khó; tăng trưởng kinh tế của tỉnh đạt 6,3%.", "6,3%",
     "grdp_growth"),
])
def test_growth_of_the_sector_is_the_sector_named_before(text, raw, code):
    assert _indicator(text)[raw] == code


def test_a_consequence_clause_after_a_figure_does_not_name_it():
    text = ("Năm 2023, tăng trưởng về tổng sản phẩm trên địa bàn (GRDP) của tỉnh đạt 7,9% nên "
            "lần đầu tiên quy mô kinh tế của tỉnh này chạm mức 90.000 tỉ đồng.")
    assert _indicator(text)["7,9%"] == "grdp_growth"


def test_visits_counted_in_a_sentence_on_tourism_are_tourist_arrivals():
    text = ("Năm 2024, ngành du lịch đẩy mạnh kích cầu, thu hút được khoảng 420.000 lượt người "
            "đến tham quan.")
    assert _indicator(text)["khoảng 420.000 lượt người"] == "tourist_arrivals"
    # visits to a hospital are no tourists
    assert _indicator("Năm 2024, bệnh viện tỉnh tiếp nhận 310.000 lượt người đến khám.")[
        "310.000 lượt người"] == "unknown"


@pytest.mark.parametrize("text,low", [
    ("12.400 m3", 12400), ("giảm 350 m3", -350), ("1,5 triệu mét khối", 1.5e6),
    ("2,400 cubic metres", 2400), ("80 m³", 80),
])
def test_a_volume_in_cubic_metres_is_a_physical_count(text, low):
    parsed = parse_value(text, lang="en" if "cubic" in text else "vi")
    assert (parsed.low, parsed.unit) == (low, "count")


def test_timber_felled_in_cubic_metres_is_read():
    got = by_raw("Tháng 9/2024, sản lượng gỗ khai thác ước đạt 2.150 m3, nâng tổng số từ đầu năm "
                 "đạt 31.200 m3, so cùng kỳ giảm 1,2%.", date="2024-10-05")
    assert {"2.150 m3", "31.200 m3", "giảm 1,2%"} <= set(got)


@pytest.mark.parametrize("text,raw,code", [
    ("In 2023, investment capital for social development reached VND21 trillion, up 9 per "
     "cent.", "VND21 trillion", "total_social_investment"),
    ("In 2023, investment capital for social development reached VND21 trillion, up 9 per "
     "cent.", "9 per cent", "total_social_investment_growth"),
    ("In 2023, the construction sector grew by 8.4 per cent.", "8.4 per cent",
     "construction_grdp_growth"),
    ("In 2023, the value added of the construction industry rose 7.7 per cent.", "7.7 per cent",
     "construction_grdp_growth"),
    # a change named by its noun after the figure: "a 12 per cent climb"
    ("In 2023, total social investment reached VND21 trillion after an 11 per cent climb from "
     "the year before.", "11 per cent", "total_social_investment_growth"),
])
def test_english_names_of_investment_and_construction(text, raw, code):
    assert _indicator(text, date="2024-02-01")[raw] == code


def test_the_start_of_a_planned_change_in_a_past_year_is_that_years_result():
    text = ("Theo kế hoạch năm 2024 của ngành, giá trị sản xuất tăng từ 18.300 tỷ đồng (năm "
            "2023) lên 19.600 tỷ đồng (năm 2024).")
    kinds = _kind(text, date="2024-03-01")
    assert (kinds["18.300 tỷ đồng"], kinds["19.600 tỷ đồng"]) == ("actual", "target")


@pytest.mark.parametrize("abbreviation", ["GRDP", "FDI"])
def test_an_abbreviation_after_tinh_is_no_place(abbreviation):
    rows = by_raw(f"Năm 2027, Lạng Sơn phấn đấu vốn trên địa bàn tỉnh {abbreviation} tăng 8%.",
                  date="2026-12-05")
    assert rows["8%"].region == "Lạng Sơn"
    # a province named after "tỉnh" is still read as one
    assert by_raw("Năm 2027, tỉnh Cao Bằng phấn đấu tăng trưởng 8%.",
                  date="2026-12-05")["8%"].region == "Cao Bằng"


def test_a_headline_value_at_the_end_of_a_body_range_is_its_own_figure():
    text = ("Lạng Sơn tăng trưởng 8,5%, hướng tới mục tiêu 11% năm 2027\n\n"
            "Năm 2027, tỉnh phấn đấu tăng trưởng kinh tế 10,5-11%.")
    rows = by_raw(text, date="2026-12-28")
    assert {"11%", "10,5-11%"} <= set(rows)
    assert (rows["11%"].kind, rows["11%"].period_end) == ("target", 2027)
    # a headline repeated by a single body value is still one figure
    again = by_raw("Lạng Sơn hướng tới mục tiêu 11% năm 2027\n\n"
                   "Năm 2027, tỉnh phấn đấu tăng trưởng kinh tế 11%.", date="2026-12-28")
    assert list(again) == ["11%"]


def test_a_precise_figure_named_again_without_its_indicator_is_a_repeat():
    text = ("Năm 2026, tăng trưởng GRDP của tỉnh đạt 7,35%. Nhìn lại cả năm, chúng ta có "
            "quyền tự hào với con số 7,35% này.")
    rows = extract(text, date="2027-01-10")
    assert rows["value_raw"].tolist() == ["7,35%"]
    assert rows["indicator"].tolist() == ["grdp_growth"]
    # a round number may be another quantity's: both kept
    text = ("Năm 2026, tỷ lệ xã đạt chuẩn nông thôn mới đạt 100%. Rác thải được thu gom, xử lý "
            "đạt 100%.")
    assert len(extract(text, date="2027-01-10")) == 2
