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
