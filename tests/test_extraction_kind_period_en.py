"""Extraction: the kind and period of a figure in plans and reviews (issue #17, rules drawn
from the errors of the fresh blind rounds 655-667, 670-680 and 685-696; the sentences here are
our own)."""

from __future__ import annotations

from helpers import by_raw


def _period(row):
    return (row.period_start, row.period_end)


def test_a_year_after_over_is_the_year_compared_with():
    # "up 9.2% over 2022": 2022 is the base, not the year of the figures after it, nor of the
    # next sentence's
    got = by_raw("In 2023, exports reached 2.1 billion USD, up 9.2% over 2022, beating the plan "
                 "of 7-8%. Imports were estimated at 1.3 billion USD, up 4.4%.", "2024-06-20")
    assert _period(got["7-8%"]) == (2023, 2023)
    assert _period(got["1.3 billion USD"]) == (2023, 2023)
    # a span after "over" is the period itself
    got = by_raw("The province's economy grew 6.8% a year over 2016-2020.", "2021-03-01")
    assert _period(got["6.8% a year"]) == (2016, 2020)


def test_the_year_of_a_number_doubled_is_a_base():
    # "doubling the number of 2021": the year compared with sets no year for what follows
    got = by_raw("The year 2022 was a record year for the province. About 60 firms came to "
                 "learn about its parks, doubling the number of 2021. As a result, it licensed "
                 "31 new projects.", "2023-01-20")
    assert _period(got["31"]) == (2022, 2022)


def test_what_a_plan_obliges_or_resolves_is_a_target():
    # "must grow by", "is determined to achieve", "solutions to achieve": a plan's words, in a
    # page written during the year they are about
    got = by_raw("Under the scenario, the economy must grow by 7.2% in the second quarter. "
                 "Services must reach 6.1% for the whole year.", "2024-07-10", column="kind")
    assert (got["7.2%"], got["6.1%"]) == ("target", "target")
    got = by_raw("In 2024, the district is determined to achieve exports of 300 million USD.",
                 "2024-08-01", column="kind")
    assert got["300 million USD"] == "target"
    got = by_raw("Delegates discussed solutions to achieve a growth rate of 7.5% in 2024.",
                 "2024-08-01", column="kind")
    assert got["7.5%"] == "target"


def test_the_lead_in_of_a_long_list_governs_its_last_items():
    # a colon lead-in with target words, then a list longer than the kind's window of words
    got = by_raw("In 2024, the city is determined to achieve these key indicators: growth of "
                 "7.5%, budget revenue of over VND3,100 billion, income per capita of VND61 "
                 "million, industrial production value of over VND9,000 billion, total "
                 "retail sales of VND40,000 billion, a rate of trained workers of 71%, a "
                 "poverty rate of 2.1%, and forest coverage of 43.5%.", "2024-08-01",
                 column="kind")
    assert got["7.5%"] == "target"
    assert (got["2.1%"], got["43.5%"]) == ("target", "target")


def test_a_sentence_of_no_kind_after_a_paragraph_of_targets_goes_on_them():
    # a one-sentence paragraph of targets, then a paragraph of plain statements about the
    # same year: they go on the list of targets
    text = ("The city strives for budget revenue of about VND5 trillion and investment of "
            "about VND30 trillion.\n\nThe contribution of TFP to growth is 41-42 per cent. "
            "The share of the digital economy is 15 per cent.")
    got = by_raw(text, "2024-01-08", column="kind")
    assert (got["41-42 per cent"], got["15 per cent"]) == ("target", "target")
    # ... but not a sentence in the past tense, nor after targets read from another cue
    text = ("The city strives for budget revenue of about VND5 trillion in 2024.\n\nIn "
            "January, exports were 310 million USD.")
    assert by_raw(text, "2024-02-08", column="kind")["310 million USD"] == "actual"


def test_quarters_under_a_plan_span_named_before_are_the_years_own():
    # a span of years in an earlier sentence holds no quarter or months to date: those are
    # of the year under way
    text = ("The province aims to exceed the targets of the 2021-2025 plan.\nTo reach "
            "growth of 9.8%, it drew up a scenario for each quarter: the first quarter up "
            "7.7%, the first half up 8.4%.\nBy the end of August 2025 it had 14 parks.")
    got = by_raw(text, "2025-03-15")
    assert _period(got["9.8%"]) == (2025, 2025)
    assert (_period(got["7.7%"]), _period(got["8.4%"])) == ((2025, 2025), (2025, 2025))
    # a sentence naming only a date's month keeps the span
    got = by_raw("GRDP grew 6.9% a year in 2021-2025. Revenue over five years was VND48,000 "
                 "billion, and by the end of month 8/2025 all 6,500 houses were rebuilt.",
                 "2025-09-25")
    assert _period(got["VND48,000 billion"]) == (2021, 2025)


def test_from_now_to_a_year_spans_from_the_pages_year():
    got = by_raw("The district's economy is set to grow by 8.1 percent a year from now to 2030.",
                 "2026-05-04")
    assert _period(got["8.1 percent a year"]) == (2026, 2030)


def test_plan_periods_that_follow_each_other_share_no_year():
    got = by_raw("The plan sees growth of 7.2 percent a year between 2021 and 2025, and growth of 8.4 "
                 "percent a year between 2025 and 2030.", "2021-06-01")
    assert _period(got["7.2 percent a year"]) == (2021, 2025)
    assert _period(got["8.4 percent a year"]) == (2026, 2030)


def test_a_pair_of_figures_is_dated_by_the_year_after_the_second():
    # "from X by 2020 to Y by 2030", and pairs dated after their second figure
    got = by_raw("The share of services is to rise from 36 percent by 2025 to 44 percent by "
                 "2035. Farming and industry will respectively account for 21 percent and 31 "
                 "percent by 2025, and 14 percent and 38 percent by 2035.", "2021-06-01")
    assert _period(got["44 percent"]) == (2035, 2035)
    assert (_period(got["21 percent"]), _period(got["31 percent"])) == ((2025, 2025),
                                                                          (2025, 2025))
    assert (_period(got["14 percent"]), _period(got["38 percent"])) == ((2035, 2035),
                                                                          (2035, 2035))


def test_a_relative_span_right_after_the_figure_dates_it():
    # "over the past five years" after the figure, in a January review of the year before
    text = ("The year 2023 was a good year for the province. Its economy grew by 6.1 percent a "
            "year over the past five years. In 2023 exports rose to 2 billion USD.")
    got = by_raw(text, "2024-01-12")
    assert _period(got["6.1 percent a year"]) == (2019, 2023)


def test_a_compared_quarters_year_sets_no_year_for_the_sentences_after():
    # "cao hơn mức tăng 5,1% của quý I/2023": the compared quarter's year is that figure's
    text = ("Quý I/2024, GRDP của tỉnh tăng 7,2%. Khu vực công nghiệp tăng 8,4%, cao hơn mức "
            "tăng 5,1% của quý I/2023. Ngành chế biến, chế tạo tăng 9,3%.")
    got = by_raw(text, "2024-04-05")
    assert _period(got["5,1%"]) == (2023, 2023)
    assert _period(got["9,3%"]) == (2024, 2024)


def test_a_multiple_of_the_plan_is_a_result_of_its_year_alone():
    # "gấp 4 lần kế hoạch năm", "vượt 12,5 lần kế hoạch": how many times the plan was done,
    # not a plan, and measured against no year (not the year compared with before it)
    text = ("Năm 2023, tỉnh thu hút 820 triệu USD vốn FDI, tăng 310 triệu USD so với năm "
            "2022 và gấp 4 lần kế hoạch năm. Vốn trong nước đạt 2.150 tỷ đồng, vượt 12,5 lần "
            "kế hoạch năm.")
    got = by_raw(text, "2024-06-20")
    assert (got["gấp 4 lần"].kind, got["12,5 lần"].kind) == ("actual", "actual")
    assert _period(got["gấp 4 lần"]) == (2023, 2023)


def test_what_will_be_is_not_of_a_year_gone_by():
    text = ("In 2023, exports grew by 9 percent. The chairman said the province will offer "
            "investors land of 300-500 hectares for a seafood cluster.")
    got = by_raw(text, "2024-02-02")
    assert _period(got["300-500 hectares"]) == (2024, 2024)
    assert got["300-500 hectares"].kind == "target"
    # ... unless the year's own sentence says "will" of it (a translation's tense)
    got = by_raw("In 2023, GRDP will grow by 6.2 percent. Income per capita will reach 98 "
                 "million VND.", "2024-01-10")
    assert _period(got["98 million VND"]) == (2023, 2023)


def test_target_words_in_a_bracket_closed_before_are_the_asides():
    text = ("In the past three years, growth averaged 6.4 per cent a year (against a target "
            "of 7.5 per cent), with industry expanding by 9.9 per cent and services by 6.6 per "
            "cent.")
    got = by_raw(text, "2024-12-10", column="kind")
    assert got["7.5 per cent"] == "target"
    assert (got["9.9 per cent"], got["6.6 per cent"]) == ("actual", "actual")


def test_a_share_of_the_target_sets_no_target_for_the_figure_after_it():
    text = ("In the first half, exports were US$21.3 million, equal to 48% of the target and "
            "up 35% from the same period last year.")
    got = by_raw(text, "2024-07-20", column="kind")
    assert got["35%"] == "actual"
    got = by_raw("Năm 2024 thu ngân sách đạt 1.200 tỷ đồng, bằng 98% mục tiêu và tăng 12% so "
                 "với năm trước.", "2025-02-20", column="kind")
    assert got["12%"] == "actual"


def test_a_horizon_right_after_a_figure_dates_it_before_the_span_opening_its_sentence():
    got = by_raw("In the 2021 - 2030 period, the city targets GRDP per capita of VND 95 million "
                 "by 2025 and of VND 160 million by 2030.", "2021-05-01")
    assert _period(got["VND 95 million"]) == (2025, 2025)


def test_the_year_of_a_multiple_that_in_a_year_is_its_base():
    got = by_raw("Income per capita is to reach VND 80 million by 2030 (1.6 times that in "
                 "2025).", "2021-05-01")
    assert _period(got["1.6 times"]) == (2025, 2030)


def test_a_span_after_from_is_the_period_not_a_base():
    got = by_raw("The plan for the province was approved in 2012. From 2015 - 2025, the "
                 "province will invite investors to 36 projects.", "2013-01-01")
    assert _period(got["36 projects"]) == (2015, 2025)


def test_a_base_after_another_number_is_that_numbers():
    got = by_raw("With a 7.7 per cent growth rate last year the province ranked tenth, and its "
                 "economy was worth VND61.2 trillion, 4.8 times the 2010 figure.", "2024-04-20")
    assert _period(got["7.7 per cent"]) == (2023, 2023)
    assert _period(got["4.8 times"]) == (2010, 2023)
    # multiples listed before the base they share keep it
    got = by_raw("Thu ngân sách tăng gấp 2,1 lần; thu nhập bình quân tăng gấp 2,6 lần so năm "
                 "2015.", "2020-10-01")
    assert _period(got["gấp 2,1 lần"]) == (2015, 2020)
