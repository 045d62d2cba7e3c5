"""Audit of session 12's extraction rules (audit12): misreadings found with the auditor's own
sentences, first marked xfail (strict), now mended: each test shows its misreading stays
gone. See AUDIT-session12.md for the whole list."""

from __future__ import annotations

from helpers import by_raw

_OUTPUT_CODES = ("fishery_output", "aquaculture_output", "fishery_catch_output")


def test_rice_tonnes_after_a_fishery_sentence_are_not_fishery_output():
    got = by_raw("Diện tích nuôi trồng thủy sản đạt 3.000 ha. Lúa: sản lượng đạt 450.000 tấn.",
                 date="2024-12-20")
    assert got["450.000 tấn"].indicator not in _OUTPUT_CODES


def test_rice_tonnes_in_a_sentence_that_first_names_the_fishery_office_are_not_fishery():
    got = by_raw("Theo Chi cục Thủy sản, diện tích lúa 40.000 ha, sản lượng đạt 250.000 tấn.",
                 date="2024-12-20")
    assert got["250.000 tấn"].indicator not in _OUTPUT_CODES


def test_other_products_named_with_the_output_word_are_not_fishery_output():
    got = by_raw("Fishing tourism grew. Rubber production was 80,000 tonnes.", date="2024-12-20")
    assert got["80,000 tonnes"].indicator not in _OUTPUT_CODES
    got = by_raw("Fish farming expanded to 3,000 ha. The cement plant's output reached 1.2 "
                 "million tons.", date="2024-12-20")
    assert got["1.2 million tons"].indicator not in _OUTPUT_CODES


def test_farmed_and_caught_named_together_are_all_aquatic_output():
    got = by_raw("Nuôi trồng và khai thác thủy sản phát triển, sản lượng đạt 120.000 tấn.",
                 date="2024-12-20")
    assert got["120.000 tấn"].indicator == "fishery_output"


def test_a_company_revenue_after_a_state_budget_sentence_is_not_the_budget():
    got = by_raw("State budget revenue reached VND 5 trillion. The company's revenue was VND 200 "
                 "billion.", date="2024-12-20")
    assert got["VND 200 billion"].indicator != "state_budget_revenue"
    got = by_raw("The state budget allocated VND 50 billion to the project, which is expected "
                 "to generate revenue of VND 20 billion a year.", date="2024-12-20")
    assert got["VND 20 billion"].indicator != "state_budget_revenue"


def test_trade_and_services_in_a_name_is_not_retail_sales():
    got = by_raw("The Department of Industry, Trade and Services said the dairy company's "
                 "revenue is estimated at VND 60 trillion.", date="2024-12-20")
    assert got["VND 60 trillion"].indicator != "retail_sales"


def test_a_number_after_visitors_and_is_that_counts_something_else_is_no_arrivals():
    for text, raw in (("Visitors' average length of stay is 2.5 days.", "2.5"),
                      ("The number of rooms available to visitors is 3,000.", "3,000"),
                      ("The number of hotels serving foreign visitors is 45.", "45")):
        got = by_raw(text, date="2024-12-20")
        assert raw not in got or got[raw].unit != "persons", text


def test_foreign_workers_are_not_international_tourist_arrivals():
    got = by_raw("The industrial park employs 33,800 workers, of whom 1,200 were foreigners.",
                 date="2024-12-20")
    # (not read as a figure at all is as good: nothing says what 1,200 counts but "foreigners")
    assert "1,200" not in got or got["1,200"].indicator != "international_tourist_arrivals"


def test_a_horsepower_threshold_after_fishing_boats_is_no_figure():
    got = by_raw("Toàn tỉnh có 1.200 tàu cá có công suất từ 90 CV trở lên.", date="2024-12-20")
    assert "90" not in got
