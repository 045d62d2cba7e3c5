"""Extraction: urban and infrastructure figures (housing floor area, airport passengers and
flights, public investment disbursed against its plan), the cities and towns of a province,
a gap written after a comparative and counts restated under a new name.

Each test writes its own sentences (never a document's), in the forms provincial reports and
plans use for these figures.
"""

from functools import partial

import pytest
from helpers import by_raw

from hy_analysis.extraction import extract
from hy_analysis.parsing import parse_value

_indicator = partial(by_raw, column="indicator")


@pytest.mark.parametrize("text,low", [
    ("32 m2 sàn/người", 32), ("khoảng 27,5 m2 sàn/người", 27.5), ("25 m²", 25),
    ("40 mét vuông sàn", 40), ("29 square metres per person", 29),
    ("12.000 chuyến bay", 12000), ("35,000 flights", 35000),
])
def test_floor_areas_and_flights_are_counted(text, low):
    lang = "en" if any(w in text for w in ("square", "flights")) else "vi"
    parsed = parse_value(text, lang=lang)
    assert (parsed.low, parsed.unit) == (low, "count")


def test_housing_floor_area_per_person_is_read_with_its_code():
    got = _indicator("Đến năm 2030, diện tích nhà ở bình quân đầu người của tỉnh đạt 32 m2 "
                     "sàn/người.", date="2026-02-01")
    assert got == {"32 m2 sàn/người": "housing_floor_area_per_capita"}


def test_airport_passengers_and_their_growth():
    got = _indicator("Năm 2024, sản lượng hành khách thông qua cảng hàng không của tỉnh đạt "
                     "3,2 triệu lượt khách, tăng 15% so với năm 2023; sân bay phục vụ 21.000 "
                     "chuyến bay.", date="2025-01-10")
    assert got["3,2 triệu lượt khách"] == "airport_passengers"
    assert got["15%"] == "airport_passengers_growth"
    assert "21.000 chuyến bay" in got


@pytest.mark.parametrize("text,raw,code", [
    ("Đến ngày 30/11, tỉnh đã giải ngân vốn đầu tư công được 4.120 tỷ đồng, bằng 68,5% kế "
     "hoạch vốn.", "68,5%", "public_investment_disbursement_rate"),
    ("Đến ngày 30/11, tỉnh đã giải ngân vốn đầu tư công được 4.120 tỷ đồng, bằng 68,5% kế "
     "hoạch vốn.", "4.120 tỷ đồng", "public_investment_disbursed"),
    ("Giá trị giải ngân đến hết tháng 5 đạt 910 tỷ đồng.", "910 tỷ đồng",
     "public_investment_disbursed"),
    # the pace of disbursement is a level, not a growth
    ("Sáu tháng đầu năm, tốc độ giải ngân vốn đầu tư công đạt 41,2%.", "41,2%",
     "public_investment_disbursement_rate"),
    # carried-over capital is a part, whose rate is no rate of the whole plan
    ("Tỷ lệ giải ngân vốn kéo dài mới đạt 17%.", "17%", "unknown"),
])
def test_public_investment_disbursed_and_its_share_of_the_plan(text, raw, code):
    assert _indicator(text, date="2024-12-05")[raw] == code


def test_an_english_share_of_the_plan_names_no_indicator_after_it():
    got = _indicator("By the end of October, public investment disbursement reached VND 3,900 "
                     "billion, equal to 57% of the plan assigned by the Prime Minister and 52% "
                     "of the provincial plan.", date="2024-11-10")
    assert got["57%"] == got["52%"] == "public_investment_disbursement_rate"


def test_a_city_of_the_province_names_no_region():
    got = by_raw("Năm 2024, tỉnh Lạng Sơn có tỷ lệ hộ nghèo 5,1%. TP. Đồng Đăng mới được "
                 "công nhận là đô thị loại IV; tỷ lệ lao động qua đào tạo đạt 68%.")
    assert got["68%"].region == "Lạng Sơn"


def test_a_town_named_before_its_figure_is_the_figures_part():
    got = by_raw("Năm 2024, tỷ lệ hộ dân đô thị của tỉnh Bến Tre dùng nước máy đạt 91%; cao "
                 "nhất là thị trấn Mỏ Cày 99%, thành phố Bến Tre 97%.")
    assert (got["99%"].region, got["99%"].breakdown) == ("Bến Tre", "Mỏ Cày")
    # a province written as a city is a region, not a part
    assert got["97%"].breakdown == ""
    assert got["91%"].breakdown == ""


def test_a_gap_after_a_comparative_is_of_the_figures_own_time():
    got = by_raw("Tỷ lệ dân số được dùng nước sạch hiện đạt 93,2%, cao hơn cuối năm 2023 "
                 "là 1,4%.", date="2024-09-15")
    assert (got["1,4%"].period_start, got["1,4%"].period_end) == (2024, 2024)


def test_the_next_year_of_a_national_list_is_the_countrys():
    got = by_raw("Tỉnh Long An đặt mục tiêu mới. Theo báo cáo, tăng trưởng của cả nước "
                 "năm 2022 là 8,1% và năm 2023 là 5,2%.", date="2024-06-01")
    assert got["8,1%"].region == got["5,2%"].region == "Việt Nam"
    assert got["5,2%"].period_start == 2023


def test_a_count_restated_under_its_new_name_is_one_figure():
    got = by_raw("Đến năm 2030, tỉnh phấn đấu nâng 3 xã thành 3 phường và hợp nhất 6 xã "
                 "thành 2 xã.", date="2025-03-01")
    assert set(got) == {"3 xã", "6 xã", "2 xã"}


def test_a_pairs_second_number_repeating_an_amount_of_its_sentence_is_no_new_figure():
    rows = extract("Kế hoạch vốn năm 2024 đã giao chi tiết 8.450 tỷ đồng; đến nay giải ngân "
                   "được 3.020/8.450 tỷ đồng, đạt 35,7%.", date="2024-06-20")
    assert list(rows["value_raw"]) == ["8.450 tỷ đồng", "3.020", "35,7%"]
    assert rows["low"].iloc[1] == 3020e9
    # a pair whose second number is new stays two figures: the result and its plan
    rows = extract("Thu ngân sách cả nhiệm kỳ đạt 45.120/40.000 tỷ đồng.", date="2025-10-01")
    assert list(rows["low"]) == [45120e9, 40000e9]
