"""FDI and industrial-zone wording (our own sentences): the investor country written after a
count, figures of the whole country in a provincial page, and the parks' own quantities."""

from __future__ import annotations

from helpers import by_raw


def test_the_country_written_after_a_count_is_its_part():
    got = by_raw("By now the province hosts 900 FDI projects, among them 610 projects from "
                 "Japan, 95 projects from the Republic of Korea and 40 dự án của Singapore.",
                 date="2024-03-01")
    assert got["610 projects"].breakdown == "Japan"
    assert got["95 projects"].breakdown == "Korea"  # not the country named before it
    assert got["40 dự án"].breakdown == "Singapore"


def test_a_count_from_two_countries_has_no_one_part():
    got = by_raw("So far the park has drawn 27 projects from Korea and Taiwan.",
                 date="2024-03-01")
    assert got["27 projects"].breakdown == ""
