"""Extraction: which indicator a figure gets, on wording the rules were not fitted to.

Each test writes its own sentences (never a document's) in the ways provincial reports name
indicators: the sector names with dashes or commas, near neighbours in one sentence (budget
revenue and its plan, exports month and to date, a share or a growth), lists read by order.
"""

from functools import partial

import pytest
from helpers import by_raw

from hy_analysis import extract

#: value_raw -> indicator code of the figures in a text
_by_raw = partial(by_raw, column="indicator")


@pytest.mark.parametrize("text,raw,code", [
    # the IIP under its longer name, not the gross output of industry
    ("Năm 2024, chỉ số phát triển sản xuất công nghiệp tăng 7,5% so với năm trước.", "7,5%",
     "iip_growth"),
    # the farm sector with dashes and "ngư nghiệp", not the economy's growth
    ("Năm 2024, sản xuất nông - lâm - ngư nghiệp đạt mức tăng trưởng 3,1%.", "3,1%",
     "agriculture_grdp_growth"),
    ("In 2024, the agricultural, forestry and fishery sectors grew by 2.4%.", "2.4%",
     "agriculture_grdp_growth"),
    ("Năm 2024, giá trị xuất khẩu hàng hóa đạt 2,5 tỷ USD.", "2,5 tỷ USD", "exports"),
    ("Năm 2024, tỷ lệ đô thị hóa của tỉnh đạt 41,5%.", "41,5%", "urbanisation_rate"),
    ("Năm 2023, Hậu Nghĩa thu hút được 12 dự án đầu tư trực tiếp từ nước ngoài.", "12 dự án",
     "fdi_new_projects"),
])
def test_general_names_of_an_indicator_are_in_the_lexicon(text, raw, code):
    assert _by_raw(text)[raw] == code


def test_money_per_person_is_a_per_capita_indicator_not_the_grdp():
    # "GRDP" is the nearest name, but an amount per person cannot be the GRDP
    got = _by_raw("Năm 2024, GRDP bình quân đầu người tăng 9%; GRDP đạt 61,2 triệu đồng/người.")
    assert got["61,2 triệu đồng/người"] == "grdp_per_capita"
    got = _by_raw("In 2024, GRDP per head reached VND 75 million, income per capita 3,200 USD.")
    assert got["VND 75 million"] == "grdp_per_capita"


def test_the_growth_of_a_quantity_the_dataset_lacks_is_unknown_not_a_neighbour():
    got = _by_raw("Năm 2024, GRDP tăng 7,1%; tổng mức bán lẻ hàng hóa tăng 11,2%; "
                  "dư nợ tín dụng tăng 9,4%.")
    assert got["7,1%"] == "grdp_growth"
    assert got["11,2%"] == "unknown" and got["9,4%"] == "unknown"


def test_words_right_after_the_previous_figure_complete_that_figure():
    # "dự toán" belongs to 46%; the growth after it is the budget revenue's
    got = _by_raw("Năm 2024, thu ngân sách nhà nước trên địa bàn đạt 46% dự toán năm, tăng "
                  "14,5% so với cùng kỳ.")
    assert got["14,5%"] == "state_budget_revenue_growth"
    got = _by_raw("Năm 2024, trong đó thu nội địa đạt 6.100 tỷ đồng (91,2% dự toán), tăng 18,3%.")
    assert got["18,3%"] == "domestic_budget_revenue_growth"


def test_a_running_total_sentence_takes_the_indicator_of_the_sentence_before():
    got = _by_raw("Kim ngạch xuất khẩu tháng 9/2024 ước đạt 410 triệu USD, tăng 6,2%. Lũy kế 9 "
                  "tháng năm 2024 ước đạt 3.600 triệu USD, tăng 8,5%.")
    assert got["3.600 triệu USD"] == "exports" and got["8,5%"] == "exports_growth"
    # a sentence that names its own indicator keeps it
    got = _by_raw("Kim ngạch xuất khẩu năm 2024 đạt 4,1 tỷ USD. Lũy kế đến nay, tỉnh có 120 dự "
                  "án FDI.")
    assert got["120 dự án"] == "fdi_projects"


def test_a_percentage_of_the_plan_is_no_level_of_its_subject():
    got = _by_raw("Năm 2024, tổng vốn đầu tư toàn xã hội đạt 15.000 tỷ đồng, bằng 48% kế "
                  "hoạch; tỷ lệ đô thị hóa đạt 38%.")
    assert got["15.000 tỷ đồng"] == "total_social_investment"
    assert got["48%"] == "unknown"
    assert got["38%"] == "urbanisation_rate"


def test_parts_listed_after_a_growth_are_growths_unless_a_share_is_named():
    got = _by_raw("Năm 2024, GRDP của tỉnh tăng 8,2%. Cụ thể, khu vực công nghiệp - xây dựng "
                  "đạt 12,1%; khu vực dịch vụ đạt 6,3%.")
    assert got["12,1%"] == "industry_construction_grdp_growth"
    assert got["6,3%"] == "services_grdp_growth"
    got = _by_raw("Năm 2024, GRDP của tỉnh tăng 8,2%. Cụ thể, khu vực dịch vụ chiếm tỷ trọng "
                  "39,5%.")
    assert got["39,5%"] == "services_share"


def test_a_list_of_shares_written_tuong_ung_is_read_by_order():
    got = extract("Năm 2024, khu vực nông nghiệp chiếm tỷ trọng 20,5%; khu vực công nghiệp - xây "
                  "dựng chiếm 41,2%; khu vực dịch vụ chiếm 33,1% (năm 2023 tương ứng là 22,4%; "
                  "39,8%; 32,6%).", date="2024-12-20")
    assert list(got["indicator"]) == ["agriculture_share", "industry_construction_share",
                                      "services_share"] * 2
    assert list(got["period_end"])[3:] == [2023, 2023, 2023]


def test_gross_output_words_of_an_earlier_paragraph_do_not_name_the_next_ones_sectors():
    got = _by_raw("Năm 2024, nhờ các nhà máy mới đi vào hoạt động, giá trị sản xuất công nghiệp "
                  "của tỉnh tăng 9,4% so với năm trước.\n\nKhu vực dịch vụ tăng 5,2% so với năm "
                  "trước.")
    assert got["5,2%"] == "services_grdp_growth"
    # within a paragraph the parts of a gross output are gross output
    got = _by_raw("Năm 2024, tổng giá trị sản xuất đạt 52.000 tỷ đồng, tăng 9,4%. Trong đó, "
                  "khu vực nông, lâm nghiệp và thủy sản tăng 3,2%.")
    assert got["3,2%"] == "agriculture_output_growth"


def test_a_plan_span_compared_with_sets_no_period_for_the_sentences_after():
    rows = extract("Trong quý I/2024, diện tích nuôi trồng mới đạt 120 ha, lũy kế đạt 70% so với "
                   "kế hoạch giai đoạn 2021-2025.\n\nKhu vực dịch vụ tăng 5,1% so với cùng kỳ.",
                   date="2024-04-15")
    last = rows.iloc[-1]
    assert (last["value_raw"], last["period_start"], last["period_end"], last["kind"]) == \
        ("5,1%", 2024, 2024, "actual")


def test_a_plan_in_brackets_beside_a_result_is_a_target():
    rows = extract("In 2020, GRDP is estimated to increase by 2.1% (planned to increase by "
                   "6.5-7.0%).", date="2020-12-20")
    assert list(rows["kind"]) == ["actual", "target"]
    assert list(rows["indicator"]) == ["grdp_growth", "grdp_growth"]


def test_a_name_outside_the_dataset_keeps_its_place_in_a_respectively_list():
    got = _by_raw("In 2023, import and export values reached 12 billion USD and 15 billion USD "
                  "respectively, and the province posted a trade surplus of 3 billion USD.")
    assert got["12 billion USD"] == "unknown"
    assert got["15 billion USD"] == "exports"
    assert got["3 billion USD"] == "unknown"


def test_a_growth_word_after_a_sector_is_the_sectors_growth():
    # "tăng trưởng bình quân" names no aggregate of its own: the sector before it does
    got = _by_raw("Trong giai đoạn 2016-2020, khu vực dịch vụ có tốc độ tăng trưởng khá, tăng "
                  "trưởng bình quân 8,4%/năm.")
    assert got["8,4%/năm"] == "services_grdp_growth"
    # with no aggregate before it, the growth is the economy's
    got = _by_raw("Trong giai đoạn 2016-2020, tăng trưởng bình quân đạt 7,2%/năm.")
    assert got["7,2%/năm"] == "grdp_growth"


def test_a_clause_of_only_a_year_goes_on_with_the_figure_before():
    rows = extract("Giai đoạn 2016-2020, khu vực công nghiệp - xây dựng tăng bình quân "
                   "12,4%/năm; năm 2023 đạt 9,8%; năm 2024 ước tăng 11,1%.", date="2024-12-20")
    assert list(rows["indicator"]) == ["industry_construction_grdp_growth"] * 3
    assert list(rows["measure"]) == ["period_average_growth", "annual_growth", "annual_growth"]
    assert list(rows["period_end"]) == [2020, 2023, 2024]


def test_compound_amounts_capacities_and_plan_ratios_written_so_ke_hoach():
    rows = extract("Năm 2024, kim ngạch xuất khẩu đạt 2 tỉ 150 triệu USD, tăng 9,1% so cùng kỳ, "
                   "đạt 52,5% so kế hoạch năm. Tỉnh có 3 nhà máy điện gió, tổng công suất "
                   "250MW.", date="2024-12-20")
    got = {r.value_raw: (r.low, r.unit, r.indicator) for r in rows.itertuples()}
    assert got["2 tỉ 150 triệu USD"] == (2_150_000_000, "USD", "exports")
    assert got["9,1%"][2] == "exports_growth"
    assert got["52,5%"][2] == "unknown"
    assert got["250MW"][:2] == (250, "count")


def test_fdi_attracted_new_or_stock_by_the_word_named_last():
    # money that is itself attracted is the FDI attracted (new and added capital) ...
    got = _by_raw("Năm 2023, tỉnh Phú Lạc thu hút được 610 triệu USD vốn FDI, bằng 102% kế "
                  "hoạch. Năm 2024 phấn đấu thu hút 650 triệu USD vốn FDI.")
    assert got["610 triệu USD"] == "fdi_attracted"
    assert got["650 triệu USD"] == "fdi_attracted"
    got = _by_raw("In 2024, the province's industrial zones attracted over 820 million USD of "
                  "FDI capital.")
    assert got["over 820 million USD"] == "fdi_attracted"
    # ... the capital of projects attracted is that of new projects; a total brought up to
    # date after them is the stock, whichever came first in the sentence
    got = _by_raw("In 2024, the province attracted 41 FDI projects with registered capital of "
                  "over 300 million USD, bringing the total number of FDI projects to 690 "
                  "projects with total registered capital of 9.2 billion USD.")
    assert got["41"] == "fdi_new_projects"
    assert got["over 300 million USD"] == "fdi_new_capital"
    assert got["690 projects"] == "fdi_projects"
    assert got["9.2 billion USD"] == "fdi_capital"
    # a new word after a stock word: the part that is new
    got = _by_raw("Năm 2024, trong tổng số dự án FDI được cấp phép, có 37 dự án đầu tư mới với "
                  "tổng vốn 250 triệu USD.")
    assert got["37 dự án"] == "fdi_new_projects"
    assert got["250 triệu USD"] == "fdi_new_capital"
    # "N FDI projects worth X": X is the capital of those projects
    got = _by_raw("In 2024, the province granted new licences to 12 FDI projects worth 96.5 "
                  "million USD.")
    assert got["96.5 million USD"] == "fdi_new_capital"


def test_amounts_set_against_each_other_with_a_slash_are_two_figures():
    rows = extract("In the first half of 2024, FDI in the zones rose 8% (412.5 million USD/381.9 "
                   "million USD); domestic capital fell 12% (2,140.6 billion VND/2,432.5 billion "
                   "VND). On 15/6/2024 the board met.", date="2024-07-10")
    got = {r.value_raw: (r.low, r.unit) for r in rows.itertuples()}
    assert got["412.5 million USD"] == (412_500_000, "USD")
    assert got["381.9 million USD"] == (381_900_000, "USD")
    assert got["2,140.6 billion VND"] == (2_140_600_000_000, "VND")
    assert got["2,432.5 billion VND"] == (2_432_500_000_000, "VND")
    assert not any(r.startswith(("15", "6/")) for r in got)  # a date stays no figure


def test_a_qualifier_before_us_dollars_and_a_count_after_a_semicolon():
    rows = extract("In 2024, the zones lured over US$215 million in 31 projects; 9 domestic "
                   "projects added VND 410 billion.", date="2024-12-20")
    got = {r.value_raw: (r.low, r.unit, r.qualifier) for r in rows.itertuples()}
    assert got["over US$215 million"] == (215_000_000, "USD", "above")
    assert got["9"][1] == "count"
    assert rows.set_index("value_raw").loc["over US$215 million", "high"] != 215_000_000  # open


def test_a_total_brought_to_a_bare_number_is_a_count_of_its_noun():
    rows = extract("In 2024, the province licensed 23 new FDI projects, bringing the total "
                   "number of FDI projects to 1,045 with registered capital of 8.1 billion USD. "
                   "It plans 6 new industrial parks, bringing its total to 19 by 2030, with a "
                   "total area of about 5,400ha.", date="2024-12-20")
    got = {r.value_raw: (r.low, r.unit, r.indicator) for r in rows.itertuples()}
    assert got["1,045"] == (1045, "count", "fdi_projects")
    assert got["8.1 billion USD"][2] == "fdi_capital"
    assert got["19"] == (19, "count", "industrial_parks_total")
    assert got["about 5,400ha"] == (5400, "ha", "industrial_parks_total_area")
    # a number after "total ... to" that carries its own unit is read with it
    rows = extract("Năm 2024, nâng tổng số vốn FDI lên 2,3 tỷ USD.", date="2024-12-20")
    assert list(rows["unit"]) == ["USD"]


def test_words_after_a_growth_and_an_equivalent_in_brackets():
    # "X% growth in GRDP" names that growth, not the amount after it; the amount's name comes
    # after its equivalent in brackets
    got = _by_raw("Last year, the province recorded a 7.2 per cent growth in gross regional "
                  "domestic product and contributed VNĐ9.6 trillion ($395 million) to the state "
                  "budget.")
    assert got["7.2 per cent"] == "grdp_growth"
    assert got["VNĐ9.6 trillion"] == "state_budget_revenue"
    assert got["$395 million"] == "state_budget_revenue"
    got = _by_raw("In 2023, the province lured foreign capital worth 180 million USD.")
    assert got["180 million USD"] == "fdi_attracted"
    # "so far this year" is the year to date (a flow), "so far" alone the stock
    got = _by_raw("The province has so far this year lured foreign capital worth 95 million "
                  "USD. Investors have so far registered 2.6 billion USD of foreign capital.")
    assert got["95 million USD"] == "fdi_attracted"
    assert got["2.6 billion USD"] == "fdi_capital"


def test_investment_carried_out_of_society_and_product_taxes():
    got = _by_raw("Năm 2025, vốn đầu tư thực hiện toàn xã hội chiếm 33% GRDP; tổng vốn đầu tư "
                  "thực hiện toàn xã hội đạt 51.000 tỷ đồng. Thuế sản phẩm trừ trợ cấp sản phẩm "
                  "tăng 4,1%.", date="2025-12-20")
    assert next(v for k, v in got.items() if k.startswith("33%")) == "investment_to_grdp_ratio"
    assert got["51.000 tỷ đồng"] == "total_social_investment"
    assert got["4,1%"] == "unknown"  # product taxes: no growth of a sector


def test_the_percentage_an_economy_reaches_is_its_growth_unless_a_plan_or_share():
    rows = extract("Năm 2024, tổng sản phẩm trên địa bàn (GRDP) của tỉnh Phú Lạc ước đạt 7,4%, "
                   "vượt mục tiêu kế hoạch (+6,5%). Giá trị tăng thêm ngành nông nghiệp đóng góp "
                   "nhiều nhất (6 tháng đầu năm tăng 3,3%).", date="2024-12-25")
    got = {r.value_raw: (r.indicator, r.measure, r.kind) for r in rows.itertuples()}
    assert got["7,4%"][:2] == ("grdp_growth", "annual_growth")
    assert got["6,5%"] == ("grdp_growth", "annual_growth", "target")
    assert got["3,3%"][1] == "half_year_growth"  # a growth verb right before the figure
    got = _by_raw("Năm 2024, GRDP của tỉnh đạt 98% kế hoạch.")
    assert got["98%"] == "unknown"


def test_a_year_after_the_amount_made_or_thuc_hien_is_a_base():
    # (a period rule found on the indicator documents: the base year of "% of the amount made
    # in 2021" does not become the period of the sentences after it)
    rows = extract("In 2022, GRDP grew 7%. Budget revenue was VND7,450 billion, equal to 93% of "
                   "the amount made in 2021. Total social investment capital rose 6% to VND18,200 "
                   "billion.", date="2023-03-10")
    assert set(rows["period_end"]) == {2022}
    rows = extract("Năm 2023, thu nội địa ước đạt 6.100 tỷ đồng, bằng 91,5% so với thực hiện năm "
                   "2022. Thu từ doanh nghiệp nhà nước ước đạt 2.300 tỷ đồng.", date="2023-12-20")
    assert set(rows["period_end"]) == {2023}


def test_near_neighbours_of_budget_revenue_and_fdi_stay_unknown():
    # the parts of budget revenue outside the dataset are not the total named before them
    got = _by_raw("Năm 2024, tổng thu ngân sách đạt 12.400 tỷ đồng, trong đó thu nội địa 9.100 "
                  "tỷ đồng, thu tiền sử dụng đất 2.050 tỷ đồng; thu nội địa tăng 14%.")
    assert got["12.400 tỷ đồng"] == "state_budget_revenue"
    assert got["9.100 tỷ đồng"] == "unknown"
    assert got["2.050 tỷ đồng"] == "unknown"
    assert got["14%"] == "domestic_budget_revenue_growth"
    got = _by_raw("In 2024, budget revenue hit VND 8,300 billion; land use fees brought VND 1,200 "
                  "billion. Implemented capital of FDI projects was 410 million USD.")
    assert got["VND 1,200 billion"] == "unknown"
    assert got["410 million USD"] == "unknown"  # realised, not registered FDI
    got = _by_raw("In 2024, the industrial output index rose 9.4% and industrial value added "
                  "grew 8.7%.")
    assert got["9.4%"] == "iip_growth"
    assert got["8.7%"] == "industry_grdp_growth"


def test_fdi_new_and_added_and_amounts_named_right_after_them():
    got = _by_raw("Năm 2025, tỉnh cấp giấy chứng nhận đăng ký đầu tư mới và điều chỉnh tăng vốn "
                  "cho 21 dự án FDI với tổng số vốn đăng ký đạt 318,5 triệu USD. Trong đó, cấp "
                  "mới cho 11 dự án FDI với tổng số vốn đăng ký 140,2 triệu USD.",
                  date="2025-05-10")
    assert got["318,5 triệu USD"] == "fdi_attracted"
    assert got["11 dự án"] == "fdi_new_projects"  # "tổng số vốn" is no stock
    assert got["140,2 triệu USD"] == "fdi_new_capital"
    got = _by_raw("In 2024, more than $0.9 billion in foreign direct investment (FDI) has been "
                  "poured into the province. It targets at least VNĐ41.2 trillion in State "
                  "budget collection and over VNĐ26 trillion has been collected for the State "
                  "budget so far, while GRDP grew 7%.")
    assert got["more than $0.9 billion"] == "fdi_attracted"
    assert got["at least VNĐ41.2 trillion"] == "state_budget_revenue"
    assert got["over VNĐ26 trillion"] == "state_budget_revenue"


def test_an_area_in_square_kilometers_and_a_year_after_than_that_in():
    rows = extract("The province covers 2,318 square kilometers. In the first half of 2024, "
                   "retail sales grew 9.1%, 2.2 percentage points higher than that in the same "
                   "period of 2023. Investment rose 4.4% from a year earlier.",
                   date="2024-07-10")
    got = {r.value_raw: (r.low, r.unit, r.period_end) for r in rows.itertuples()}
    assert got["2,318 square kilometers"][:2] == (2318, "km2")
    assert got["4.4%"][2] == 2024  # 2023 was the base of the sentence before, not a period


def test_investor_countries_written_with_their_sovereign_or_the_us():
    rows = extract("In 2024, Hong Kong (China) led FDI in the province with 2.1 billion USD in 30 "
                   "FDI projects, followed by Japan (over 1.5 billion USD of FDI) and the US (1.2 "
                   "billion USD). Năm 2024, Đài Loan (Trung Quốc) có 12 dự án FDI.",
                   date="2024-12-20")
    got = dict(zip(rows["value_raw"], rows["breakdown"]))
    assert got["2.1 billion USD"] == "Hong Kong"
    assert got["over 1.5 billion USD"] == "Japan"
    assert got["1.2 billion USD"] == "United States"  # not the country named before it
    assert got["12 dự án"] == "Taiwan"


def test_more_near_neighbours_and_a_share_written_with_grdp():
    got = _by_raw("In 2024, the local economy expanded by 6.9%, while the state coffers "
                  "collected VND 9 trillion.")
    assert got["6.9%"] == "grdp_growth"
    assert got["VND 9 trillion"] == "state_budget_revenue"
    # budget revenue from imports and exports (VND) is no import-export turnover (USD)
    got = _by_raw("Năm 2024, thu ngân sách nội địa đạt 7.300 tỷ đồng, tăng 11%; thu từ hoạt động "
                  "xuất nhập khẩu 950 tỷ đồng.")
    assert got["7.300 tỷ đồng"] == "unknown"
    assert got["11%"] == "domestic_budget_revenue_growth"
    assert got["950 tỷ đồng"] == "unknown"
    # "35% GRDP" is a share of GRDP: not GRDP growth, not the growth of the figure before
    rows = extract("Năm 2024, tổng vốn đầu tư toàn xã hội đạt 48.000 tỷ đồng, tăng 9%, bằng 32% "
                   "GRDP.", date="2024-12-20")
    last = rows.iloc[-1]
    assert (last["indicator"], last["measure"]) == ("investment_to_grdp_ratio", "level")


def test_made_up_is_a_share_and_went_up_a_rise():
    rows = extract("In 2024, the industry-construction sector made up 47% of the economy and grew "
                   "10.5%; exports went up 8% to 1.9 billion USD.", date="2024-12-20")
    got = {r.value_raw: (r.indicator, r.measure) for r in rows.itertuples()}
    assert got["47%"] == ("industry_construction_share", "level")
    assert got["10.5%"] == ("industry_construction_grdp_growth", "annual_growth")
    assert got["8%"] == ("exports_growth", "annual_growth")


@pytest.mark.parametrize("text,raw,code", [
    # abbreviations provincial reports write (CSSX, GTSX, KNXK, NSNN, ĐTNN, VĐT, XNK)
    ("Năm 2024, CSSX công nghiệp tăng 6,8%.", "6,8%", "iip_growth"),
    ("Năm 2024, GTSX công nghiệp đạt 48.200 tỷ đồng.", "48.200 tỷ đồng", "industrial_output_value"),
    ("Năm 2024, KNXK đạt 2,6 tỷ USD, tăng 9,5%.", "2,6 tỷ USD", "exports"),
    ("Năm 2024, KNXK đạt 2,6 tỷ USD, tăng 9,5%.", "9,5%", "exports_growth"),
    ("Năm 2024, KNNK đạt 1,4 tỷ USD.", "1,4 tỷ USD", "unknown"),  # imports: not in the dataset
    ("Năm 2024, tổng kim ngạch XNK đạt 4 tỷ USD.", "4 tỷ USD", "import_export_turnover"),
    ("Năm 2024, thu NS trên địa bàn đạt 7.100 tỷ đồng.", "7.100 tỷ đồng", "state_budget_revenue"),
    ("Năm 2024, vốn ĐTNN đăng ký mới đạt 640 triệu USD.", "640 triệu USD", "fdi_new_capital"),
    ("Năm 2024, tổng VĐT toàn xã hội đạt 39.000 tỷ đồng.", "39.000 tỷ đồng",
     "total_social_investment"),
    ("In 2024, the industrial production index (IPI) climbed 8.4%.", "8.4%", "iip_growth"),
    ("In 2024, two-way trade reached 6.3 billion USD.", "6.3 billion USD",
     "import_export_turnover"),
    # other word orders and spellings of the same names
    ("Năm 2024, bình quân GRDP đầu người đạt 88,4 triệu đồng.", "88,4 triệu đồng",
     "grdp_per_capita"),
    ("Năm 2024, tỷ lệ dân số đô thị của tỉnh đạt 36,2%.", "36,2%", "urbanisation_rate"),
    ("Năm 2024, tổng vốn đầu tư xã hội đạt 41.000 tỷ đồng.", "41.000 tỷ đồng",
     "total_social_investment"),
    ("Hiện nay, toàn tỉnh có 205 dự án đầu tư trực tiếp nước ngoài với tổng vốn 4,8 tỷ USD.",
     "4,8 tỷ USD", "fdi_capital"),
    ("In 2024, total investment in society reached VND 52 trillion.", "VND 52 trillion",
     "total_social_investment"),
    ("In 2024, revenue for the state budget rose 13.5%.", "13.5%", "state_budget_revenue_growth"),
    ("In 2024, the province lured 870 million USD of foreign investment.", "870 million USD",
     "fdi_attracted"),
    ("In 2024, the industrial and construction sector increased by 9.6%.", "9.6%",
     "industry_construction_grdp_growth"),
    ("Năm 2024, ngành CN CBCT tăng 11,2%.", "11,2%", "manufacturing_iip_growth"),
])
def test_abbreviations_and_word_orders_of_provincial_reports(text, raw, code):
    assert _by_raw(text)[raw] == code


@pytest.mark.parametrize("text,raw", [
    # near neighbours that the dataset does not measure stay unknown, not the nearest aggregate
    ("In 2024, retail sales of goods and services rose 11.2%.", "11.2%"),  # not services growth
    ("In 2024, revenue from import and export reached 4,100 billion VND.", "4,100 billion VND"),
    ("Năm 2024, thu xuất nhập khẩu ước đạt 2.900 tỷ đồng.", "2.900 tỷ đồng"),  # VND, no turnover
    ("Năm 2024, tỷ lệ lấp đầy các CCN đạt 58%.", "58%"),  # clusters: park occupancy only
    # the urban population with clean water is no urbanisation rate
    ("Năm 2024, tỷ lệ dân số đô thị được sử dụng nước sạch đạt 97%.", "97%"),
])
def test_neighbours_outside_the_dataset_stay_unknown(text, raw):
    assert _by_raw(text)[raw] == "unknown"


def test_the_firms_after_exports_do_not_name_the_figure():
    got = _by_raw("Năm 2024, kim ngạch xuất khẩu của các doanh nghiệp trên địa bàn ước đạt 820 "
                  "triệu USD, tăng 6,4%.")
    assert got["820 triệu USD"] == "exports"
    assert got["6,4%"] == "exports_growth"



def test_a_plus_sign_in_a_list_of_indicators_is_a_rise():
    # "Name: + 6,7%": the sign says growth, so the growth indicator of the name fits
    rows = extract("Các chỉ tiêu chủ yếu năm 2023:\n- Chỉ số sản xuất công nghiệp (IIP): + 8,3%\n"
                   "- Thu ngân sách trên địa bàn: 5.210 tỷ đồng, +12,4%\n", date="2024-01-05")
    got = {r.value_raw: (r.indicator, r.measure) for r in rows.itertuples()}
    assert got["8,3%"] == ("iip_growth", "annual_growth")
    assert got["12,4%"] == ("state_budget_revenue_growth", "annual_growth")
    assert got["5.210 tỷ đồng"] == ("state_budget_revenue", "level")


def test_a_share_that_rose_from_one_level_to_another_is_two_shares():
    # "tăng từ X năm 2015 lên Y": X is the starting level, not a growth of X %
    got = _by_raw("Năm 2024, tỷ trọng công nghiệp - xây dựng tăng từ 36,4% năm 2020 lên 41,8% "
                  "năm 2024; nông, lâm, thủy sản giảm từ 21,5% xuống còn 17,2%.")
    assert got["36,4%"] == "industry_construction_share"
    assert got["41,8%"] == "industry_construction_share"
    assert got["21,5%"] == "agriculture_share"
    # ... but "tăng từ 6,5 - 7%" is a growth of 6,5 to 7 %
    assert _by_raw("Năm 2025, phấn đấu GRDP tăng từ 6,5 - 7%.")["6,5 - 7%"] == "grdp_growth"


@pytest.mark.parametrize("text,raw,code", [
    # British and American spellings of one English phrase name the same indicator
    ("In 2024, the province granted licences to 31 newly licenced projects.", "31",
     "fdi_new_projects"),
    ("In 2024, Hoa Son licensed 18 new FDI projects.", "18", "fdi_new_projects"),
])
def test_english_spellings_of_a_phrase_name_the_same_indicator(text, raw, code):
    assert _by_raw(text)[raw] == code


def test_a_bare_head_noun_stands_for_the_indicator_named_before_it():
    # "the index" / "chỉ số này": the index named in an earlier sentence, not the economy
    got = _by_raw("In May, the industrial production index of Hoa Son rose 2.1% from April. "
                  "Over five months the index grew 6.3%, below last year's 7.2% growth.")
    assert got["6.3%"] == "iip_growth"
    assert got["7.2%"] == "iip_growth"
    got = _by_raw("Chỉ số sản xuất công nghiệp tháng 4 tăng 1,8%. Tính chung 4 tháng, chỉ số "
                  "này tăng 9,4% so với cùng kỳ.")
    assert got["9,4%"] == "iip_growth"
    # a head that no earlier phrase holds stays unknown: an index is no growth of the economy
    got = _by_raw("GRDP năm 2024 tăng 7%.\n\nOver four months the index grew 4.4%.")
    assert got["4.4%"] == "unknown"


@pytest.mark.parametrize("text,raw,code", [
    # a sector named by its first words ("nông, lâm nghiệp", the fisheries left out)
    ("Năm 2024, khu vực nông, lâm nghiệp chiếm 18,2%; dịch vụ chiếm 39%.", "18,2%",
     "agriculture_share"),
    # the GSO's and the English press's names of budget, investment and exports
    ("In 2024, domestic collection rose 11 percent.", "11 percent",
     "domestic_budget_revenue_growth"),
    ("Năm 2024, vốn đầu tư thực hiện trên địa bàn ước đạt 61.000 tỷ đồng.", "61.000 tỷ đồng",
     "total_social_investment"),
    ("Năm 2024, trị giá xuất khẩu hàng hóa ước đạt 2.310 triệu USD.", "2.310 triệu USD",
     "exports"),
    ("Năm 2024, kim ngạch hàng hóa xuất khẩu tăng 12,2%.", "12,2%", "exports_growth"),
])
def test_statistics_office_and_press_names_of_indicators(text, raw, code):
    assert _by_raw(text)[raw] == code


def test_a_phrase_followed_by_a_verb_and_the_next_figure_is_that_figures_subject():
    # a list of sectors each with its verb: the name after a figure opens the next item
    rows = _by_raw("Năm 2024, GRDP tăng 7,1%, trong đó nông lâm nghiệp tăng 3,2%, "
                   "công nghiệp – xây dựng tăng 11,4%, dịch vụ tăng 6,8%.")
    assert rows["3,2%"] == "agriculture_grdp_growth"
    assert rows["11,4%"] == "industry_construction_grdp_growth"
    # a growth after an amount belongs to the amount's name, not to the clause that follows
    rows = _by_raw("In 2024 domestic revenue came to VND12 trillion, rising 9 per cent, "
                   "while revenue from customs duties may exceed VND4 trillion.")
    assert rows["9 per cent"] == "domestic_budget_revenue_growth"
    # a name tied to its figure by a preposition stays that figure's
    rows = _by_raw("In 2024 the province earned 2.1 billion USD from exports and paid "
                   "1.7 billion USD for imports.")
    assert rows["2.1 billion USD"] == "exports"


def test_a_verb_between_the_economy_and_a_percentage_makes_it_its_growth():
    rows = _by_raw("The province's gross regional domestic product (GRDP) is projected to "
                   "reach 9.2 per cent in 2024, according to its statistics office.")
    assert rows["9.2 per cent"] == "grdp_growth"
    rows = _by_raw("In 2024, the total product of the province increased by 8.4%.")
    assert rows["8.4%"] == "grdp_growth"


def test_rates_listed_respectively_after_amounts_are_the_amounts_growths():
    # the n-th rate is the n-th amount's: customs first, then domestic sources
    got = by_raw("In 2024 budget collection totalled 20 trillion VND: 5 trillion VND from "
                 "customs and 15 trillion VND from domestic sources, up 7% and 5% "
                 "respectively.")
    assert (got["5%"].indicator, got["5%"].indicator_text) == (
        "domestic_budget_revenue_growth", "domestic sources")
    assert got["7%"].indicator == "unknown"  # customs revenue is no indicator of the dataset


def test_a_figure_coordinated_with_another_of_another_year_shares_its_indicator():
    got = _by_raw("Năm 2024 GRDP tăng 6,1%, cao hơn mức tăng 1,2% của năm 2021 và "
                  "3,4% của năm 2022.")
    assert got["1,2%"] == got["3,4%"] == "grdp_growth"
    # two different quantities listed "respectively" are not one quantity
    rows = _by_raw("Năm 2024, giá trị sản xuất công nghiệp và dịch vụ tăng lần lượt 9% và 5%.")
    assert rows["5%"] != "industrial_output_growth"


def test_the_whole_sector_stands_for_the_sector_named_before_it():
    rows = _by_raw("Năm 2024, khu vực công nghiệp – xây dựng là động lực chính. Toàn khu vực "
                   "tăng 10,6%, trong đó công nghiệp tăng 12,1%.")
    assert rows["10,6%"] == "industry_construction_grdp_growth"
    assert rows["12,1%"] == "industry_grdp_growth"


def test_a_contribution_toward_a_growth_target_does_not_hide_the_target():
    got = _by_raw("Năm 2023 các ngành đóng góp tích cực để đạt mục tiêu tăng trưởng kinh tế trên "
                  "9% của tỉnh. In 2023 the sectors contributed to reach the economic growth "
                  "target of 9.5%.", "2023-10-10")
    assert got["trên 9%"] == "grdp_growth" and got["9.5%"] == "grdp_growth"


def test_the_whole_written_after_a_share_is_not_what_the_share_measures():
    got = _by_raw("Năm 2024, khu vực nông nghiệp chiếm 11,2% nền kinh tế. In 2024 the farm "
                  "sector accounted for 12.3% of the economic structure.", "2025-01-10")
    # never the 100 % check row of the structure table (the sector, or unknown)
    assert got["11,2%"] in ("agriculture_share", "unknown")
    assert got["12.3%"] in ("agriculture_share", "unknown")


def test_a_capital_opening_its_sentence_is_that_of_the_projects_counted_before():
    # the sentence before counts the new projects: their capital is new capital
    got = _by_raw("Quý III năm 2024, huyện Mỹ Đức cấp mới 7 dự án FDI, tăng 40%. Tổng vốn "
                  "đầu tư đăng ký 96,4 triệu USD, tăng 12%.")
    assert got["96,4 triệu USD"] == "fdi_new_capital"
    got = _by_raw("In the first half of 2024, the town licensed 9 new FDI projects. Total "
                  "registered capital reached 210 million USD.", "2024-07-10")
    assert got["210 million USD"] == "fdi_new_capital"
    # a sentence with a subject and verb of its own is read on its own (the stock)
    got = _by_raw("Quý III năm 2024, huyện Mỹ Đức cấp mới 7 dự án FDI. Lũy kế đến nay, toàn "
                  "huyện có 120 dự án FDI với tổng vốn đăng ký 3,2 tỷ USD.")
    assert got["3,2 tỷ USD"] == "fdi_capital"


@pytest.mark.parametrize("text,raw,code", [
    # the last word of a long phrase cut off ("công" for "công nghiệp")
    ("Năm 2024, chỉ số sản xuất ngành công tăng 9,2% so với năm trước.", "9,2%", "iip_growth"),
    # one letter off in a long phrase ("phầm" for "phẩm")
    ("Năm 2024, thuế sản phầm trừ trợ cấp sản phẩm chiếm 5,3%; dịch vụ chiếm 40%.", "5,3%",
     "product_taxes_share"),
    ("In 2024, the industrial producton index of the province rose 6.8%.", "6.8%",
     "iip_growth"),
])
def test_a_long_phrase_is_found_with_a_typo_or_a_cut_last_word(text, raw, code):
    assert _by_raw(text)[raw] == code


def test_a_short_phrase_is_not_matched_loosely():
    # "chỉ số công" is a cut of a three-word phrase: too short to stand for the IIP
    assert _by_raw("Năm 2024, chỉ số công tăng 4,1%.").get("4,1%") != "iip_growth"


def test_a_share_of_the_economy_takes_the_sector_named_before_an_earlier_figure():
    # the sector opens the clause; a growth or a contribution stands between it and the share
    got = _by_raw("Năm 2024, khu vực công nghiệp - xây dựng tăng 8,2%, chiếm 38,4% nền kinh "
                  "tế. In 2024 the service sector grew 7.2% and accounted for 55.3% of "
                  "the economic structure.", "2025-01-10")
    assert got["38,4%"] == "industry_construction_share"
    assert got["55.3%"] == "services_share"


def test_a_change_verb_after_a_share_is_no_noun_the_share_counts():
    # "chiếm 46,2% tăng 8,1%": the share is the sector's, named before the amount
    got = _by_raw("Năm 2024, giá trị tăng thêm khu vực dịch vụ đạt 120.500 tỷ đồng chiếm "
                  "46,2% tăng 8,1% so với năm trước.", "2025-01-10")
    assert got["46,2%"] == "services_share"


def test_projects_and_capital_with_no_name_belong_to_the_investment_named_before():
    got = _by_raw("In the first nine months of 2024, the town attracted 410 million USD of foreign "
                  "direct investment. It approved 17 new projects with registered capital of "
                  "over 205 million USD. To date, it hosts 260 valid projects.", "2024-10-05")
    assert got["17"] == "fdi_new_projects"
    assert got["over 205 million USD"] == "fdi_new_capital"
    assert got["260"] == "fdi_projects"
    # no foreign investment named before: the projects stay unnamed
    got = _by_raw("In 2024, the town approved 17 new projects with registered capital of over "
                  "205 million USD.", "2024-12-20")
    assert got["17"] == "unknown"
