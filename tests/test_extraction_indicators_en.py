"""Extraction: indicator names in English press texts (issue #17, the 2026-12 blind round).

Our own sentences, in the ways English pages of provincial news name indicators: a sector
pair with a spaced hyphen, a rate named after the figure, trade "of goods", a province as the
subject of a growth verb.
"""

from functools import partial

import pytest
from helpers import by_raw

#: value_raw -> indicator code of the figures in a text
_by_raw = partial(by_raw, column="indicator")


@pytest.mark.parametrize("text,raw,code", [
    # a sector pair with a spaced hyphen is the pair's share, not the share of industry alone
    ("Its structure in 2030: agriculture - forestry - fishery 20 per cent; industry - "
     "construction 45 per cent; and services 35 per cent.", "45 per cent",
     "industry_construction_share"),
    # "trained worker rate" after the figure, not the next rate named in the sentence
    ("The plan targets a 70 per cent trained worker rate and an urbanisation rate of 50 per "
     "cent by 2030.", "70 per cent", "trained_labour_share_all"),
    # trade "of goods": the whole name, not the exports inside it
    ("The total import and export turnover of goods through the border gates reached 1.2 "
     "billion USD, up 20% over the same period last year.", "1.2 billion USD",
     "import_export_turnover"),
    ("The total import and export turnover of goods through the border gates reached 1.2 "
     "billion USD, up 20% over the same period last year.", "20%",
     "import_export_turnover_growth"),
    # households below the multidimensional poverty line
    ("By 2030 the rate of deprived households will be 3 percent.", "3 percent", "poverty_rate"),
])
def test_english_names_of_an_indicator_are_in_the_lexicon(text, raw, code):
    assert _by_raw(text)[raw] == code


@pytest.mark.parametrize("text,raw,code", [
    # the three sectors numbered as in "khu vực I, II, III": farming, industry-construction,
    # services; their growths after the economy's, and their shares read by order
    ("In 2023 GRDP grew 6.5 per cent, as Region 1 grew by 2.5 per cent and Region 2 grew by "
     "10.2 per cent.", "2.5 per cent", "agriculture_grdp_growth"),
    ("In 2023 GRDP grew 6.5 per cent, as Region 1 grew by 2.5 per cent and Region 2 grew by "
     "10.2 per cent.", "10.2 per cent", "industry_construction_grdp_growth"),
    ("The shares of Region 1, Region 2 and Region 3 in the economy are 25.5 per cent, 30.1 per "
     "cent and 44.4 per cent, respectively.", "44.4 per cent", "services_share"),
])
def test_the_three_numbered_sectors_are_farming_industry_and_services(text, raw, code):
    assert _by_raw(text)[raw] == code


def test_a_percentage_before_a_growth_noun_is_that_growth_in_a_contribution_clause():
    # the percentage qualifies "GRDP growth" written after it: the economy's growth, not a
    # level, though the clause speaks of a contribution (and not the output named before)
    got = _by_raw("Industrial output rose 12.1% in 2023, a large contribution to the city's "
                  "7.2% GRDP growth.")
    assert got == {"12.1%": "industrial_output_growth", "7.2%": "grdp_growth"}


@pytest.mark.parametrize("text,raw,code", [
    # a province as the subject of "grew": its economy, not the trade named after the figure
    ("Last year Lạng Sơn grew 6.1%, with exports reaching 2 billion USD.", "6.1%",
     "grdp_growth"),
    ("In 2023 the province expanded by 7.2 percent, with tourism revenue up 30 percent.",
     "7.2 percent", "grdp_growth"),
    # the place owning another subject is no subject of the verb
    ("Lạng Sơn's exports grew 12% in 2023.", "12%", "exports_growth"),
])
def test_a_place_that_grew_by_a_percentage_is_its_economy(text, raw, code):
    assert _by_raw(text)[raw] == code


def test_a_clause_after_a_semicolon_with_its_verb_left_out_goes_on_with_the_growth():
    # "; services by 9.4%": the verb of the clause before, left out, so a growth, not a share
    got = _by_raw("In 2025 industry must grow by 12.3%; services by 9.4%; and agriculture by "
                  "3.8%.")
    assert got == {"12.3%": "industry_grdp_growth", "9.4%": "services_grdp_growth",
                   "3.8%": "agriculture_grdp_growth"}


@pytest.mark.parametrize("text", [
    "In 2023 the agricultural, forestry, and fishing sector grew by 3.1%.",
    "In 2023 the agricultural, forestry and fishing sector grew by 3.1%.",
])
def test_the_farm_sector_with_fishing_or_a_serial_comma(text):
    assert _by_raw(text)["3.1%"] == "agriculture_grdp_growth"


@pytest.mark.parametrize("text,code", [
    ("The share of services in the economy is set to increase from 35 percent by 2020 to 40 "
     "percent by 2030.", "services_share"),
    ("The share of agriculture will fall from 35 percent in 2020 to 30 percent in 2030.",
     "agriculture_share"),
])
def test_a_base_form_verb_then_from_names_a_starting_level(text, code):
    # "set to increase from 35% ... to 40%": the starting share, not a growth of 35%
    assert _by_raw(text)["35 percent"] == code


def test_a_cover_expanded_to_a_percentage_is_its_level():
    # "expand forest coverage to 45 percent": the cover reached, not a growth of 45 %
    got = _by_raw("The district will create 5,000 jobs every year and expand forest coverage "
                  "to 45 percent by 2030.")
    assert got["45 percent"] == "forest_cover"


@pytest.mark.parametrize("text,raw,code", [
    # a rate falling below a bound is the level it reaches, not a fall of that size
    ("By 2030 the poverty rate should fall below 4 percent.", "below 4 percent", "poverty_rate"),
    ("In 2023 the poverty rate fell below 4 percent.", "fell below 4 percent", "poverty_rate"),
    # a growth that fell below a bound is still a growth
    ("GRDP growth fell below 5% in 2023.", "fell below 5%", "grdp_growth"),
])
def test_a_rate_that_falls_below_a_bound_is_its_level(text, raw, code):
    assert _by_raw(text)[raw] == code


@pytest.mark.parametrize("text,raw,code", [
    # English pages call the budget revenue collected in the province "local budget revenue"
    ("The province aims for local budget revenue to reach about VND5 trillion in 2025.",
     "about VND5 trillion", "state_budget_revenue"),
    # retail "of consumer goods and services", not the services sector's growth
    ("In the first half, total retail revenue of consumer goods and services climbed 9.4% "
     "year on year.", "9.4%", "retail_sales_growth"),
])
def test_budget_revenue_and_retail_in_their_english_wordings(text, raw, code):
    assert _by_raw(text)[raw] == code


@pytest.mark.parametrize("text,raw,code", [
    # a name of two amounts in two currencies is the one in the figure's currency: trade in
    # dollars, the customs revenue of the budget in dong
    ("In 2023, import-export revenue neared 700 million USD, up 9% year-on-year.",
     "700 million USD", "import_export_turnover"),
    ("In 2023, import-export revenue neared 700 million USD, up 9% year-on-year.",
     "9%", "import_export_turnover_growth"),
    ("In 2023, import-export revenue reached 1,200 billion VND.", "1,200 billion VND",
     "import_export_revenue"),
])
def test_a_name_of_amounts_in_two_currencies_takes_the_figures(text, raw, code):
    assert _by_raw(text)[raw] == code


def test_a_rate_joined_by_and_after_the_years_of_the_rate_before_shares_its_verb():
    # ", and 9.5 percent between 2026 and 2030": the growth of the rate before, for later years
    got = _by_raw("The plan expects the economic growth rate to rise to 8.5 percent between "
                  "2021 and 2025, and 9.5 percent between 2026 and 2030.")
    assert got == {"8.5 percent": "grdp_growth", "9.5 percent": "grdp_growth"}


def test_that_of_opens_a_clause_on_the_growth_of_the_figure_before():
    # "that of the industrial sector": the growth named for the clause before, not a share
    got = _by_raw("Growth in 2021-2030 is expected at 7-8 per cent a year, of which the growth "
                  "of the agriculture, forestry and fishery sector should reach 3-4 per cent, "
                  "that of the industrial sector should hit 8-9 per cent.")
    assert got["8-9 per cent"] == "industry_grdp_growth"


def test_a_target_the_figure_before_is_set_against_is_the_target_of_the_same_quantity():
    # "up 9.6% over 2018, higher than the target of 8-8.5%": the growth's target
    got = _by_raw("The gross regional domestic product (GRDP) reached VND30 trillion in 2019, "
                  "up 9.6% over 2018, higher than the target of 8-8.5% set by the council.")
    assert got["8-8.5%"] == "grdp_growth"


@pytest.mark.parametrize("text,raw", [
    # labour productivity is an amount per worker: a percentage it "is" or reaches is its growth
    ("In 2024, labour productivity is expected to be about 7 per cent.", "about 7 per cent"),
    ("Năm 2024, năng suất lao động đạt 6,5%.", "6,5%"),
])
def test_a_percentage_labour_productivity_is_or_reaches_is_its_growth(text, raw):
    assert _by_raw(text)[raw] == "labour_productivity_growth"
