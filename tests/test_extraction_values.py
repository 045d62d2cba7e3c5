"""How a figure's own words shape its value (our own sentences): an excess over an allocation,
a fall by an average rate, a bound written "lower than", money per hectare, a change "from ...
to ...", a count whose noun comes before it, lists of counts and of shares."""

from __future__ import annotations

from helpers import by_raw


def test_exceeding_a_share_of_an_allocation_or_a_project_is_an_excess():
    got = by_raw("Budget revenue reached VNĐ4.2 trillion, exceeding 21.5 per cent of the central "
                 "government's allocation. Tourism revenue was 1,200 billion VND, exceeded 9% of "
                 "the project.", date="2024-12-20")
    assert (got["21.5 per cent"].low, got["21.5 per cent"].high) == (21.5, 21.5)
    assert (got["9%"].low, got["9%"].high, got["9%"].qualifier) == (9, 9, "exact")


def test_per_capita_before_average_income_makes_the_money_per_person():
    got = by_raw("The per capita average income reached more than 41.5 million VND (1,800 USD).",
                 date="2024-12-20")
    assert got["more than 41.5 million VND"].unit == "VND/person"
    assert got["more than 41.5 million VND"].indicator == "income_per_capita"
    assert got["1,800 USD"].unit == "USD/person"
