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
