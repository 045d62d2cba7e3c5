"""parse_value: the issue's table, wording variants, errors, and property-based round trips."""

import pytest
from hypothesis import given, strategies as st

from hy_analysis import ParseError, format_number, parse_number, parse_value

TABLE = [
    # written, low, high, qualifier, unit
    ("66%", 66, 66, "exact", "percent"),
    ("Khoảng 8%", 8, 8, "about", "percent"),
    ("Trên 48%", 48, None, "above", "percent"),
    ("9-10%/năm", 9, 10, "range", "percent"),
    ("1,2 - 1,5% GRDP", 1.2, 1.5, "range", "percent"),
    ("8,5 tỷ USD", 8.5e9, 8.5e9, "exact", "USD"),
    ("hơn 7,1 tỷ USD", 7.1e9, None, "above", "USD"),
    ("652.153 tỷ đồng", 6.52153e14, 6.52153e14, "exact", "VND"),
    ("7.840 ha", 7840, 7840, "exact", "ha"),
    ("550 dự án", 550, 550, "exact", "count"),
    ("khoảng 48-50%", 48, 50, "about", "percent"),
    ("2.200.000 tỷ đồng", 2.2e15, 2.2e15, "exact", "VND"),
    ("16.216,40 million USD", 16216.4e6, 16216.4e6, "exact", "USD"),
    ("over 900 million USD", 9e8, None, "above", "USD"),
    ("7,5–8 %", 7.5, 8, "range", "percent"),
    ("≈ 4.200 USD", 4200, 4200, "about", "USD"),
    ("2.514,81 km²", 2514.81, 2514.81, "exact", "km2"),
    ("3.567.943 people", 3567943, 3567943, "exact", "persons"),
    ("khoảng 4 khu công nghiệp", 4, 4, "about", "count"),
    ("08 đô thị loại V", 8, 8, "exact", "count"),
    ("dưới 5%", None, 5, "below", "percent"),
    ("từ 9 đến 10%", 9, 10, "range", "percent"),
    ("tăng 8%", 8, 8, "exact", "percent"),
    ("giảm 2,5%", -2.5, -2.5, "exact", "percent"),
    ("120 nghìn USD", 120e3, 120e3, "exact", "USD"),
    ("3 triệu đồng", 3e6, 3e6, "exact", "VND"),
]


@pytest.mark.parametrize(("text", "low", "high", "qualifier", "unit"), TABLE)
def test_issue_table(text, low, high, qualifier, unit):
    parsed = parse_value(text)
    assert parsed.low == pytest.approx(low) if low is not None else parsed.low is None
    assert parsed.high == pytest.approx(high) if high is not None else parsed.high is None
    assert (parsed.qualifier, parsed.unit) == (qualifier, unit)


@pytest.mark.parametrize("text", ["TRÊN 48%", "trên\u00a048%", "  Trên   48 % ", "Trên 48\u202f%"])
def test_case_and_spacing_do_not_matter(text):
    assert parse_value(text) == parse_value("Trên 48%")


@pytest.mark.parametrize("dash", ["-", "\u2013", "\u2014", "\u2212"])
def test_every_dash_makes_a_range(dash):
    assert parse_value(f"9{dash}10%") == parse_value("9-10%")


def test_unit_from_the_row_header_fills_a_bare_number():
    assert parse_value("5.100", unit="USD").unit == "USD"
    assert parse_value("5.100").unit is None


def test_unit_in_text_must_agree_with_the_declared_unit():
    with pytest.raises(ParseError, match="expected 'USD'"):
        parse_value("48%", unit="USD")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected a figure"),
        ("abc", "cannot read 'abc'"),
        ("1.5%", "Vietnamese format"),  # a dot must group three digits: never guessed
        ("12 xyz", "unknown unit 'xyz'"),
        ("8 tỷ", "scale word"),
        ("10-9%", "range ends below"),
        ("trên 9-10%", "open qualifier"),
    ],
)
def test_unreadable_text_raises_naming_the_text(text, message):
    with pytest.raises(ValueError, match=message):
        parse_value(text)


def test_midpoint_value():
    assert parse_value("9-10%").value == 9.5
    assert parse_value("Trên 48%").value == 48


def _vietnamese(value: float, decimals: int) -> str:
    return format_number(value, lang="vi", decimals=decimals)


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_written_the_vietnamese_way_parse_back(n):
    assert parse_number(_vietnamese(n, 0)) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimals_written_the_vietnamese_way_parse_back(whole, cents):
    value = whole + cents / 100
    assert parse_number(_vietnamese(value, 2)) == pytest.approx(value, rel=1e-12)


@given(
    st.integers(min_value=0, max_value=999_999),
    st.sampled_from([("tỷ USD", 1e9, "USD"), ("triệu đồng", 1e6, "VND"), ("ha", 1, "ha"),
                     ("%", 1, "percent"), ("dự án", 1, "count")]),
    st.sampled_from([("", "exact"), ("khoảng ", "about"), ("Trên ", "above")]),
)
def test_figures_parse_back_with_scale_and_qualifier(n, unit, qualifier):
    words, scale, code = unit
    prefix, expected_q = qualifier
    parsed = parse_value(f"{prefix}{_vietnamese(n, 0)} {words}")
    assert parsed.low == pytest.approx(n * scale)
    assert (parsed.unit, parsed.qualifier) == (code, expected_q)


def test_format_number_follows_language():
    assert format_number(8.5, lang="vi") == "8,5"
    assert format_number(8.5, lang="en") == "8.5"
    assert format_number(652153, lang="vi") == "652.153"
    assert format_number(None) == "–"
    with pytest.raises(ValueError, match="lang"):
        format_number(1, lang="fr")
