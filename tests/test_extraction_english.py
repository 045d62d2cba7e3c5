"""English wording of provincial economic pages (our own sentences): falls written as verbs
and nouns, places a rank is set against, a person's name that ends in a province's name,
"regional GDP" and other English names of the indicators."""

from __future__ import annotations

from helpers import by_raw


def test_english_fall_verbs_and_nouns_make_a_change_negative():
    got = by_raw("In the first quarter of 2024, the GRDP of the province expanded 3.1% (with "
                 "agriculture growing by 2.0%; industry - construction contracting 1.2%; and "
                 "services tumbled 4.4%). Exports reached $2.1 billion, a year-on-year decline "
                 "of 7 per cent.", date="2024-04-20")
    assert got["contracting 1.2%"].low == -1.2
    assert got["contracting 1.2%"].indicator == "industry_construction_grdp_growth"
    assert got["tumbled 4.4%"].low == -4.4
    assert got["tumbled 4.4%"].indicator == "services_grdp_growth"
    assert got["decline of 7 per cent"].low == -7
    assert got["decline of 7 per cent"].indicator == "exports_growth"
    assert got["2.0%"].low == 2.0  # a rise keeps its sign


def test_places_a_rank_is_set_above_are_not_the_figures_region():
    got = by_raw("In the first quarter, the GRDP of Long An province expanded 2.2%. In the "
                 "region, it ranked above Ho Chi Minh City and Binh Duong province. Budget "
                 "revenue was estimated at VND2,900 billion, up 3.5%.", date="2024-04-20")
    assert got["VND2,900 billion"].region == "Long An"
    assert got["3.5%"].region == "Long An"


def test_a_rank_set_above_in_vietnamese_too():
    got = by_raw("Quý I, GRDP tỉnh Long An tăng 2,2%, xếp trên Thành phố Hồ Chí Minh và tỉnh "
                 "Bình Dương. Thu ngân sách ước đạt 2.900 tỷ đồng.", date="2024-04-20")
    assert got["2.900 tỷ đồng"].region == "Long An"


def test_a_persons_name_ending_in_a_province_name_is_no_place():
    got = by_raw("According to Mr. Tran Van Vinh Phuc, director of the department, budget "
                 "revenue in the first 9 months reached VND 12,500 billion.", date="2024-10-10")
    assert got["VND 12,500 billion"].region != "Vĩnh Phúc"


def test_a_province_named_after_a_title_word_is_still_a_place():
    # the title must be followed by a name: "Mr." alone before nothing capitalised is no name
    got = by_raw("Vinh Phuc province's budget revenue in the first 9 months reached VND 12,500 "
                 "billion.", date="2024-10-10")
    assert got["VND 12,500 billion"].region == "Vĩnh Phúc"


def test_regional_gdp_is_the_provinces_grdp():
    got = by_raw("Key targets for 2025 include a regional GDP growth rate of 8 per cent or "
                 "higher and total export-import turnover amounting to approximately "
                 "$5.2 billion.", date="2025-08-20")
    assert got["8 per cent or higher"].indicator == "grdp_growth"
    assert got["8 per cent or higher"].region != "Việt Nam"
    assert got["approximately $5.2 billion"].indicator == "import_export_turnover"


def test_national_gdp_stays_national():
    got = by_raw("The country's GDP growth rate reached 7.1 per cent in 2024.")
    assert got["7.1 per cent"].region == "Việt Nam"


def test_trade_of_goods_through_border_gates_is_import_export_turnover():
    got = by_raw("In 2024, the import and export of goods through the border gates are "
                 "estimated at about 4.1 billion USD, up 12.5 percent compared to 2023.")
    assert got["about 4.1 billion USD"].indicator == "import_export_turnover"
    assert got["12.5 percent"].indicator == "import_export_turnover_growth"


def test_a_decrease_of_is_read_whole_and_negative():
    # "decrease" alone once won over "decrease of", leaving the figure unread and positive
    got = by_raw("By the end of March, 415 enterprises were newly registered, marking a "
                 "decrease of 4.2% on the same period.", date="2024-04-02")
    assert got["decrease of 4.2%"].low == -4.2
    assert got["decrease of 4.2%"].indicator == "new_enterprises_growth"


def test_farming_forestry_and_fisheries_with_a_serial_comma_or_dashes():
    got = by_raw("In the first half, GRDP rose 6.1%, with the agricultural, forestry, and "
                 "fisheries sector up 1.9% and industry up 8.8%.", date="2024-07-01")
    assert got["1.9%"].indicator == "agriculture_grdp_growth"
    got = by_raw("Sáu tháng, GRDP tăng 6,1%; khu vực nông - lâm nghiệp - thủy sản tăng 1,9%.",
                 date="2024-07-01")
    assert got["1,9%"].indicator == "agriculture_grdp_growth"


def test_parts_after_of_this_total_are_the_total_s_indicator():
    text = ("In the first half of 2025, the province's export turnover was estimated at "
            "US$940 million, up 12.5%. Of this total: District A is estimated at US$410 "
            "million, up 8.1%; District B at US$530 million, up 15.9%.")
    rows = by_raw(text, date="2025-07-10", column="indicator")
    assert rows["US$410 million"] == rows["US$530 million"] == "exports_h1"
    assert rows["8.1%"] == rows["15.9%"] == "exports_growth"


def test_spanning_and_home_to_name_area_and_population():
    text = ("The new province, spanning 5,200 square kilometres and home to 2.9 million "
            "people, was formed in 2025.")
    rows = by_raw(text, date="2025-08-01", column="indicator")
    assert (rows["5,200 square kilometres"], rows["2.9 million people"]) == ("area", "population")


def test_places_listed_by_a_merger_stand_for_the_province_they_make():
    text = ("The northern region is changing with the merger of Tuyen Quang and Ha Giang "
            "provinces. The new province, spanning 13,800 square kilometres, borders China.")
    row = by_raw(text, date="2025-08-01")["13,800 square kilometres"]
    assert row.region == "Tuyên Quang"
    # a list of places that make no one province keeps the last name written
    text = text.replace("merger of Tuyen Quang and Ha Giang", "merger of Lao Cai and Ha Giang")
    assert by_raw(text, date="2025-08-01")["13,800 square kilometres"].region == "Hà Giang"
