"""The one formatting helper of findings, tables and charts (Babel, CLDR locales)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hy_analysis.findings.format import (format_as_of, format_money, format_number,
                                         format_period, format_range)
from hy_analysis.parsing import parse_number


def _python_way(value: float, lang: str, decimals: int | None) -> str:
    """The separator swap the package wrote by hand before Babel (the reference)."""
    text = f"{value:,.{2 if decimals is None else decimals}f}"
    if decimals is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.translate(str.maketrans({",": ".", ".": ","})) if lang == "vi" else text


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
       st.sampled_from(["vi", "en"]), st.sampled_from([None, 0, 1, 2]))
def test_same_digits_and_rounding_as_before(value, lang, decimals):
    assert format_number(value, lang=lang, decimals=decimals) == \
        _python_way(value, lang, decimals)


@given(st.integers(min_value=0, max_value=10**12))
def test_vietnamese_numbers_parse_back(n):
    assert parse_number(format_number(n, lang="vi", decimals=0)) == n


def test_examples_readers_see():
    assert format_number(652153, lang="vi") == "652.153"
    assert format_number(8.5, lang="en") == "8.5"
    assert format_number(None) == format_number(float("nan")) == "–"
    assert format_range(9, 10, lang="vi", decimals=1, unit=" %") == "9,0–10,0 %"
    assert format_range(8, None, lang="en", decimals=None) == "8"
    assert format_period(2021, 2025) == "2021–2025" and format_period(2025, 2025) == "2025"
    assert format_money(8.56e9, "USD", lang="vi", decimals=2) == "8,56 tỷ USD"
    assert format_money(652153e9, "VND", lang="en", decimals=0) == "652,153 bn VND"
    assert format_money(3.2e9, "USD", lang="vi", qualifier="above", billions=True) == \
        "hơn 3,2 tỷ USD"
    assert format_money(4500, "USD", lang="en", decimals=0) == "4,500 USD"
    assert format_as_of("2024", lang="en") == "2024"
    assert format_as_of("2025-08-26", lang="vi") == "26/08/2025"
    assert format_as_of("2024-09", lang="en") == "Sep 2024"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="valid choices: vi, en"):
        format_number(1, lang="fr")


def test_format_money_writes_a_negative_gap_in_billions_like_a_positive_one():
    # the merger text's "chênh" (stated minus sum) read "-2.150.000.000.000,00 VND"
    from hy_analysis.findings.format import format_money

    assert format_money(-2.15e12, "VND", lang="vi") == "-2.150 tỷ đồng"
    assert format_money(2.15e12, "VND", lang="vi") == "2.150 tỷ đồng"
    assert format_money(-3.5e9, "USD", lang="en") == "-3.5 bn USD"


@pytest.mark.parametrize("raw, source_lang, lang, expected", [
    ("212 billion USD", "en", "vi", "212 tỷ USD (nguyên văn: 212 billion USD)"),
    ("10.5-12.5%/year", "en", "vi", "10,5-12,5%/năm (nguyên văn: 10.5-12.5%/year)"),
    ("37,7 tỷ USD", "vi", "en", "37.7 bn USD (original: 37,7 tỷ USD)"),
    ("57 nghìn tỷ đồng", "vi", "en", "57 trillion VND (original: 57 nghìn tỷ đồng)"),
    ("11-12%/năm", "vi", "vi", "11-12%/năm"),
])
def test_quoted_figures_take_the_readers_unit_words(raw, source_lang, lang, expected):
    """The vi comparison showed "212 billion USD" where every other cell says "tỷ USD"."""
    from hy_analysis.findings.format import quoted_figure

    assert quoted_figure(raw, source_lang=source_lang, lang=lang) == expected
    assert quoted_figure(raw, source_lang=source_lang, lang=lang,
                         original=False) == expected.split(" (")[0]


@pytest.mark.parametrize("lang, expected", [("vi", "101.500.000 đồng"),
                                            ("en", "101,500,000 VND")])
def test_dong_below_a_billion_take_the_readers_unit_word(lang, expected):
    from hy_analysis.findings.format import format_amount

    assert format_amount(1.015e8, "VND", lang=lang) == expected


@pytest.mark.parametrize("raw, source_lang, lang, expected", [
    ("over 1.2 billion USD", "en", "vi", "hơn 1,2 tỷ USD"),
    ("nearly 8.5 billion USD", "en", "vi", "gần 8,5 tỷ USD"),
    ("Trên 48%", "vi", "en", "Over 48%"), ("khoảng 48-50%", "vi", "en", "about 48-50%"),
    ("exceeding 180 million VND", "en", "vi", "hơn 180 triệu đồng"),
    ("5.500-5.700 USD/năm", "vi", "en", "5,500-5,700 USD/year"),
    ("4 – 5 percent", "en", "vi", "4 – 5 %"), ("moreover 5", "en", "vi", "moreover 5")])
def test_quoted_figures_take_the_readers_qualifier_words(raw, source_lang, lang, expected):
    """A Vietnamese report showed "over 1,2 tỷ USD": the number rewritten, the word not."""
    from hy_analysis.findings.format import quoted_figure

    assert quoted_figure(raw, source_lang=source_lang, lang=lang, original=False) == expected


def test_every_locator_of_the_data_reads_in_vietnamese(project_dir):
    """A vi reader table says where a figure stands in Vietnamese: every English word of the
    project's locators (and of the extractor's) is in the ``locators`` catalogue; only names,
    codes, file names and source ids are left as written."""
    import csv
    import re

    from hy_analysis import extract
    from hy_analysis.extraction.rows import to_target_rows
    from hy_analysis.findings.common import locator_text

    with open(project_dir / "data" / "targets.csv", encoding="utf-8") as handle:
        locators = {row["source_locator"] for row in csv.DictReader(handle)}
    extracted = to_target_rows(extract("GRDP năm 2024 của tỉnh tăng 8,5%."),
                               source_id="mine", document="02.txt")
    locators |= set(extracted["source_locator"])
    from importlib.resources import files

    from hy_analysis.vocabulary import catalogue

    # Vietnamese syllables written without diacritics ("khu", "kinh", "trong") are words of the
    # project's own Vietnamese texts; any other plain-letter word left is English.
    vietnamese = set()
    for name in (p.stem for p in files("hy_analysis").joinpath("assets", "messages").iterdir()
                 if p.name.endswith(".csv")):
        vietnamese |= {w.lower() for t in catalogue(name)["vi"].values()
                       for w in re.findall(r"[A-Za-z]+", t)}
    for locator in locators:  # the Vietnamese headings a locator quotes
        vietnamese |= {w.lower() for part in re.findall(r"\(([^)]*[^\x00-\x7f][^)]*)\)", locator)
                       for w in re.findall(r"[A-Za-z]+", part)}
    kept = {"md", "txt", "hy", "analysis", "extract", "public", "figures"}  # file, tool names
    for locator in sorted(locators):
        vi = locator_text(locator, lang="vi")
        # plain-letter words outside source ids (bn25-02-cafef); codes such as GRDP stay
        left = [w for w in re.findall(r"(?<![\w-])[A-Za-z]{2,}(?![\w-])", vi)
                if w.lower() not in vietnamese | kept and not re.fullmatch(r"[A-Z]{2,4}", w)]
        assert not left, (locator, vi, left)
        assert locator_text(locator, lang="en") == locator
    assert locator_text("paragraph 3 of the excerpt", lang="vi") == "đoạn 3 của trích đoạn"
