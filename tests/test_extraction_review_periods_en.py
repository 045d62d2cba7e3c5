"""Extraction: the period and kind of figures in English term reviews and year plans (issue
#17, rules drawn from the errors of the fresh blind round 700-714; the sentences here are our
own)."""

from __future__ import annotations

from helpers import by_raw


def _period(row):
    return (row.period_start, row.period_end)


def test_n_years_right_after_a_figure_are_the_review_s_years():
    # "in five years" with no "past": the five years ending with the year reported on, not
    # the single year of a sentence before
    text = ("Over the 2020-2025 term the district did well. Income per head was VND40 million "
            "in 2023. Rice output was put at 2.4 million tonnes in five years, and fruit grew "
            "8.1 percent a year over five years.")
    got = by_raw(text, "2025-09-10")
    assert _period(got["2.4 million tonnes"]) == (2021, 2025)
    assert _period(got["8.1 percent a year"]) == (2021, 2025)
    # what will be in five years is no review's span
    got = by_raw("In 2023 income was VND40 million. Output will reach 3 million tonnes in five "
                 "years.", "2024-03-10")
    assert _period(got["3 million tonnes"]) != (2020, 2024)


def test_what_a_province_plans_to_do_after_a_past_year_is_a_target_of_the_page_s_year():
    # a review of last year, then "plans to increase ... by" with no year: the year the page
    # opens, a plan (not the past year's results)
    text = ("In 2023, exports went up 11% and tourism 6%. The city plans to raise retail sales "
            "by 12% and public investment by 7-8%.")
    got = by_raw(text, "2024-01-15")
    assert (_period(got["12%"]), got["12%"].kind) == ((2024, 2024), "target")
    assert (_period(got["7-8%"]), got["7-8%"].kind) == ((2024, 2024), "target")
    # a past year's plan ("was planned to") stays that year's
    got = by_raw("In 2023, exports went up 11%. Imports rose 5%, planned to rise 6%.",
                 "2024-01-15")
    assert _period(got["6%"]) == (2023, 2023)


def test_the_year_of_a_figure_compared_with_dates_no_figure_after_it():
    text = ("In 2022, the town's economy grew by 8%. Farming now makes up 12 percent of it "
            "compared to 40 percent back in 2000, while industry accounts for 51 percent and "
            "services, 37 percent.")
    got = by_raw(text, "2023-02-01")
    assert _period(got["40 percent"]) == (2000, 2000)
    assert _period(got["51 percent"]) == (2022, 2022)
    assert _period(got["37 percent"]) == (2022, 2022)


def test_a_change_in_brackets_after_a_share_does_not_make_the_next_share_a_growth():
    text = ("By 2025, farming is to make up 18% (down 3% from 2020), industry 35% (up 5%), "
            "services 41% (down 1.5%), and product taxes 6% (down 0.5%).")
    got = by_raw(text, "2025-08-01")
    for raw in ("35%", "41%", "6%"):
        assert (got[raw].measure, _period(got[raw])) == ("level", (2025, 2025)), raw
    # a growth's plan in brackets still lets the list go on with growths
    got = by_raw("Growth reached 6%, of which farming 3% (plan 2.5%), industry 9.5% (plan 9%).",
                 "2024-01-10")
    assert got["9.5%"].measure == "annual_growth"


def test_the_start_of_a_change_without_a_year_is_of_the_year_the_change_before_starts():
    text = ("Income per head is to rise from 50 million VND in 2020 to 80 million VND in 2025, "
            "or from 2,100 USD to about 3,300 USD.")
    got = by_raw(text, "2021-05-01")
    assert _period(got["2,100 USD"]) == (2020, 2020)
    assert _period(got["about 3,300 USD"]) == (2025, 2025)


def test_amounts_compared_with_the_previous_period_are_the_reviewed_span_s():
    text = ("Growth in 2021-2025 is put at 6.5% a year. The city kept building roads. Over "
            "VND8 trillion of public capital went to its ports, VND3 trillion more than in the "
            "previous period.")
    got = by_raw(text, "2025-10-01")
    assert _period(got["Over VND8 trillion"]) == (2021, 2025)
    assert _period(got["VND3 trillion"]) == (2021, 2025)
    assert got["Over VND8 trillion"].measure == "period_total"


def test_a_year_after_a_figure_and_its_equivalent_in_brackets_dates_the_figure():
    text = ("Exports have grown 9 percent a year since 2015. Income per head reached "
            "VND40.5 million (US$1,750) in 2021, twice that of 2015.")
    got = by_raw(text, "2022-05-01")
    assert _period(got["VND40.5 million"]) == (2021, 2021)


def test_bare_figures_in_brackets_after_a_compared_bracket_take_its_year():
    text = ("In 2020, farming made up 15 percent of the economy (compared with 52 percent in "
            "1995), industry 45 percent (21 percent), and services 40 percent (27 percent).")
    got = by_raw(text, "2021-03-01")
    assert _period(got["21 percent"]) == (1995, 1995)
    assert _period(got["27 percent"]) == (1995, 1995)
    assert _period(got["45 percent"]) == (2020, 2020)


def test_a_yearly_average_under_an_earlier_six_year_span_is_over_its_plan_years():
    text = ("What did the district achieve in the 2015-2020 stage? Farming grew by an average "
            "of 4.2 per cent a year.")
    got = by_raw(text, "2021-02-01")
    assert _period(got["4.2 per cent a year"]) == (2016, 2020)
