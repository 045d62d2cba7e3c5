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
