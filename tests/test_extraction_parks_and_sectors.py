"""Extraction: the indicator of Vietnamese industrial-park investment and industry-branch figures.

The ways a statistics office or a parks' management board words its figures: FDI attracted
from the start of the year, new projects, the stock "now", the parks' occupancy, a branch's own
industrial production index, a growth set against the same quarter's growth a year before.
Each test writes its own sentences (never a document's), about made-up places.
"""

from functools import partial

from helpers import by_raw

_by_raw = partial(by_raw, column="indicator")


def test_from_the_start_of_the_year_to_now_is_a_flow_not_the_stock():
    # "từ đầu năm đến nay": attracted in the year so far (new and added capital)
    got = _by_raw("Từ đầu năm đến nay, các khu công nghiệp của tỉnh Phú Lạc đã thu hút được "
                  "88,4 triệu USD vốn đầu tư trực tiếp nước ngoài, bằng 74% kế hoạch năm.",
                  date="2024-07-15")
    assert got["88,4 triệu USD"] == "fdi_attracted"
    # "lũy kế đến nay" alone is still the stock
    got = _by_raw("Lũy kế đến nay, các khu công nghiệp của tỉnh Phú Lạc đã thu hút được "
                  "2,1 tỷ USD vốn đầu tư trực tiếp nước ngoài.", date="2024-07-15")
    assert got["2,1 tỷ USD"] == "fdi_capital"


def test_a_sentence_opening_on_now_counts_the_stock_of_projects():
    got = _by_raw("Hiện các khu công nghiệp của tỉnh Phú Lạc đã thu hút được 190 dự án, "
                  "trong đó có 142 dự án FDI và 48 dự án trong nước.", date="2024-07-15")
    assert got["142 dự án"] == "fdi_projects"
    # without "hiện", projects attracted in a year are that year's new ones
    got = _by_raw("Năm 2023, các khu công nghiệp của tỉnh Phú Lạc đã thu hút được 17 dự án "
                  "FDI.", date="2024-07-15")
    assert got["17 dự án"] == "fdi_new_projects"


def test_new_fdi_projects_written_with_moi_after_fdi():
    got = _by_raw("Năm 2024, các khu công nghiệp có thêm 14 dự án FDI mới với tổng vốn đầu tư "
                  "61,2 triệu USD.")
    assert got["14 dự án"] == "fdi_new_projects"
    assert got["61,2 triệu USD"] == "fdi_new_capital"


def test_new_and_added_capital_joined_by_a_comma_is_fdi_attracted():
    got = _by_raw("Năm 2024, tỉnh Phú Lạc đã cấp mới, điều chỉnh tăng vốn đầu tư khoảng 640 "
                  "triệu USD cho các dự án có vốn đầu tư nước ngoài.")
    assert got["khoảng 640 triệu USD"] == "fdi_attracted"


def test_the_electricity_branch_named_by_its_distribution_alone():
    got = _by_raw("Năm 2024, chỉ số sản xuất ngành chế biến, chế tạo tăng 6,2%, chỉ số sản xuất "
                  "ngành phân phối điện, khí đốt, nước nóng tăng 3,4%.")
    assert got["6,2%"] == "manufacturing_iip_growth"
    assert got["3,4%"] == "electricity_iip_growth"


def test_a_rate_named_before_its_figure_is_not_a_share_of_the_noun_after():
    # "80% diện tích ..." after "Tỷ lệ lấp đầy": the land is the base of the rate
    got = _by_raw("Đến cuối năm 2024, tỷ lệ lấp đầy bình quân các khu công nghiệp của tỉnh đạt "
                  "72,5% diện tích đất công nghiệp có thể cho thuê.")
    assert got["72,5%"] == "industrial_parks_occupancy_rate"


def test_the_index_a_branch_has_is_the_branchs_index():
    got = _by_raw("Trong 10 tháng năm 2024, ngành cung cấp nước và xử lý rác thải với 9 cơ sở "
                  "đang hoạt động, có chỉ số sản xuất công nghiệp tăng 6,5% so với cùng kỳ.")
    assert got["6,5%"] == "water_waste_iip_growth"
    # the whole industry's index, with no branch before it, stays the whole IIP
    got = _by_raw("Trong 10 tháng năm 2024, toàn tỉnh có chỉ số sản xuất công nghiệp tăng "
                  "7,2% so với cùng kỳ.")
    assert got["7,2%"] == "iip_growth"


def test_a_growth_set_against_another_periods_growth_is_the_same_quantity():
    got = _by_raw("Quý I/2025, tổng sản phẩm trên địa bàn tỉnh tăng 7,1% so với cùng kỳ năm "
                  "trước, cao hơn mức tăng 5,2% của quý I/2024 và vượt kịch bản đã được xây "
                  "dựng. Khu vực công nghiệp và xây dựng tăng 8,3%, thấp hơn mức tăng 9,6% của "
                  "quý I/2024.", date="2025-04-10")
    assert got["5,2%"] == "grdp_growth"
    assert got["9,6%"] == "industry_construction_grdp_growth"


def test_new_projects_with_a_capital_in_dollars_are_new_fdi_projects():
    # no "FDI" written: a capital in dollars is a foreign investor's (domestic projects
    # register theirs in đồng)
    got = _by_raw("Năm 2024, Ban Quản lý các khu công nghiệp đã cấp giấy chứng nhận đăng ký đầu "
                  "tư cho 11 dự án mới với tổng vốn đầu tư 96 triệu USD.")
    assert got["11 dự án"] == "fdi_new_projects"
    assert got["96 triệu USD"] == "fdi_new_capital"
    # the same words in đồng are no FDI
    got = _by_raw("Năm 2024, Ban Quản lý các khu công nghiệp đã cấp giấy chứng nhận đăng ký đầu "
                  "tư cho 6 dự án mới với tổng vốn đầu tư 1.350 tỷ đồng.")
    assert got["6 dự án"] == "unknown"


def test_accumulated_since_the_start_of_the_year_is_a_flow_not_the_stock():
    # "Lũy kế từ đầu năm": the year so far; its parts are the year's new projects
    got = _by_raw("Lũy kế từ đầu năm đến nay, tỉnh Phú Lạc thu hút được tổng vốn đầu tư hơn 600 "
                  "triệu USD. Trong đó, 14 dự án FDI vốn đăng ký 181,2 triệu USD được cấp mới.",
                  date="2024-09-01")
    assert got["14 dự án"] == "fdi_new_projects"


def test_a_second_comparison_of_a_branch_is_the_same_branchs_growth():
    # "so với tháng trước, tăng ... CK": the same branch against the same month a year
    # before ("CK", cùng kỳ, read as no noun of its own)
    got = _by_raw("Tháng 10/2024, ngành chế biến, chế tạo tăng 3,2% so với tháng trước, tăng "
                  "12,4% CK, chiếm phần lớn giá trị.", date="2024-11-05")
    assert got["3,2%"] == "manufacturing_iip_growth"
    assert got["12,4%"] == "manufacturing_iip_growth"


def test_this_is_the_growth_of_the_figure_just_before():
    # "Đây là mức tăng ...": the index's growth, and so are the years in its brackets
    got = _by_raw("Tính chung 9 tháng năm 2024, chỉ số sản xuất công nghiệp tăng 14,3%. Đây là "
                  "mức tăng cao nhất trong 4 năm gần đây (năm 2023 tăng 6,4%).",
                  date="2024-10-05")
    assert got["6,4%"] == "iip_growth"
    # a growth word with no "this is" before it stays the economy's
    got = _by_raw("Tính chung 9 tháng năm 2024, chỉ số sản xuất công nghiệp tăng 14,3%. Kinh tế "
                  "của tỉnh có mức tăng 6,4%.", date="2024-10-05")
    assert got["6,4%"] == "grdp_growth"


def test_the_processing_industry_is_the_manufacturing_branch():
    got = _by_raw("Năm 2024, chỉ số sản xuất toàn ngành công nghiệp tăng 9,1%. Trong đó, ngành "
                  "công nghiệp khai thác mỏ tăng hơn 5,2%; ngành công nghiệp chế biến tăng gần "
                  "9,6%.", date="2025-01-05")
    assert got["gần 9,6%"] == "manufacturing_iip_growth"


def test_newly_granted_business_registrations_count_new_enterprises_not_fdi():
    # "cấp mới" names new FDI projects alone; "cấp mới đăng ký doanh nghiệp" new enterprises
    got = _by_raw("Trong giai đoạn 2015 - 2024, tỉnh đã cấp mới đăng ký doanh nghiệp cho 9.120 "
                  "doanh nghiệp với tổng vốn 61.300 tỉ đồng; cấp mới 85 dự án đầu tư trực tiếp "
                  "nước ngoài (FDI).", date="2025-01-05")
    assert got["9.120 doanh nghiệp"] == "new_enterprises"
    assert got["61.300 tỉ đồng"] == "new_enterprises_capital"
    assert got["85 dự án"] == "fdi_new_projects"
