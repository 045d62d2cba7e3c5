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
    # issue 10: forms the extractor meets in new documents
    ("10%/năm trở lên", 10, None, "above", "percent"),
    ("10,1% trở lên", 10.1, None, "above", "percent"),
    ("57 nghìn tỷ đồng", 57e12, 57e12, "exact", "VND"),
    ("57 ngàn tỷ đồng", 57e12, 57e12, "exact", "VND"),
    ("10 tỉ đồng", 1e10, 1e10, "exact", "VND"),
    ("không dưới 8%", 8, None, "above", "percent"),
    ("không quá 5%", None, 5, "below", "percent"),
    ("trên 90 triệu đồng/người", 9e7, None, "above", "VND/person"),
    ("3.500 USD/người", 3500, 3500, "exact", "USD/person"),
    ("1,5 lần", 1.5, 1.5, "exact", "times"),
    ("gấp 1,73 lần", 1.73, 1.73, "exact", "times"),
    ("0,97 điểm phần trăm", 0.97, 0.97, "exact", "percentage_points"),
    ("8,5%-9%", 8.5, 9, "range", "percent"),
    ("khoảng 9,2% đến 9,5%", 9.2, 9.5, "about", "percent"),
    ("9.17%/year", 9.17, 9.17, "exact", "percent"),
    ("7.5%", 7.5, 7.5, "exact", "percent"),
    ("328,283 billion VND", 3.28283e14, 3.28283e14, "exact", "VND"),
    ("more than VND 82,000 billion", 8.2e13, None, "above", "VND"),
    ("nearly 36 trillion VND", 3.6e13, 3.6e13, "about", "VND"),
    ("10% or more", 10, None, "above", "percent"),
    ("10 to 10.5%", 10, 10.5, "range", "percent"),
    ("3,931.2 hectares", 3931.2, 3931.2, "exact", "ha"),
    ("27,659 enterprises", 27659, 27659, "exact", "count"),
    ("over 3.5 million tourists", 3.5e6, None, "above", "persons"),
    ("08 dự án", 8, 8, "exact", "count"),
    ("010 khu công nghiệp", 10, 10, "exact", "count"),
    ("USD 4,200 per capita", 4200, 4200, "exact", "USD/person"),
    ("$1.2 billion", 1.2e9, 1.2e9, "exact", "USD"),
    ("1.2 billion US dollars", 1.2e9, 1.2e9, "exact", "USD"),
    ("nearly 2-fold", 2, 2, "about", "times"),
    # about and a bound read as the bound, either way round
    ("khoảng dưới 5%", None, 5, "below", "percent"),
    ("khoảng hơn 2 triệu người", 2e6, None, "above", "persons"),
    # an area with a scale word, and villages and towns counted
    ("82,4 nghìn ha", 82400, 82400, "exact", "ha"),
    ("1,5 nghìn km2", 1500, 1500, "exact", "km2"),
    ("64 thôn", 64, 64, "exact", "count"),
    ("3 thị trấn", 3, 3, "exact", "count"),
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
        ("1.5.0%", "Vietnamese format"),  # neither format: never guessed
        ("1,5.0%", "English format"),
        ("1,2 - 1.5%", "different formats"),
        ("12 xyz", "unknown unit 'xyz'"),
        ("8 tỷ", "scale word"),
        ("10-9%", "range ends below"),
        ("trên 9-10%", "open qualifier"),
    ],
)
def test_unreadable_text_raises_naming_the_text(text, message):
    with pytest.raises(ValueError, match=message):
        parse_value(text)


def test_money_is_exact():
    # decimal arithmetic: 8.56 * 1e9 in floats is 8560000000.000001
    assert parse_value("8,56 tỷ USD").low == 8560000000.0
    assert parse_value("1,1 triệu đồng").low == 1100000.0
    assert parse_value("0,3 tỷ USD").low == 300000000.0


@pytest.mark.parametrize(
    ("text", "lang", "low", "fmt"),
    [
        ("7.500", "vi", 7500, "vi"),
        ("7.500", "en", 7.5, "en"),
        ("7.500", None, 7500, "vi"),  # no words say otherwise: our documents are Vietnamese
        ("328,283 billion VND", None, 3.28283e14, "en"),  # English scale word: English format
        ("328,283 billion VND", "en", 3.28283e14, "en"),
        ("328,283 tỷ đồng", None, 3.28283e11, "vi"),
        ("7.840 ha", "en", 7.84, "en"),
    ],
)
def test_ambiguous_numbers_are_decided_by_lang_and_flagged(text, lang, low, fmt):
    parsed = parse_value(text, lang=lang)
    assert parsed.low == pytest.approx(low)
    assert (parsed.number_format, parsed.ambiguous) == (fmt, True)


@pytest.mark.parametrize("text", ["7.5%", "16.216,40 million USD", "1.234.567 người", "8,56 tỷ USD",
                                  "1,234,567 people", "48%"])
def test_numbers_with_one_reading_are_not_flagged(text):
    assert parse_value(text, lang="vi") == parse_value(text, lang="en")
    assert parse_value(text, lang="vi").ambiguous is False


def test_lang_is_checked():
    with pytest.raises(ValueError, match="parameter 'lang': unknown value 'fr'"):
        parse_value("48%", lang="fr")


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


@pytest.mark.parametrize(("text", "low", "qualifier"), [
    ("giảm 2,5%", -2.5, "exact"), ("giảm khoảng 2%", -2.0, "about"), ("âm 1,2%", -1.2, "exact"),
    ("down 2.3%", -2.3, "exact"), ("fell by 0.5 percentage points", -0.5, "exact"),
])
def test_a_fall_written_before_the_number_is_negative(text, low, qualifier):
    parsed = parse_value(text)
    assert (parsed.low, parsed.qualifier) == (low, qualifier)


def test_a_fall_to_a_level_is_not_a_figure_of_its_own():
    with pytest.raises(ValueError, match="cannot read"):
        parse_value("giảm còn 5%")  # "fell to 5 %": the figure is "5%", a level


@pytest.mark.parametrize(("text", "low", "unit"), [
    ("1 tỉ 250 triệu USD", 1_250_000_000, "USD"),  # a compound amount, in the smaller scale
    ("khoảng 3 triệu 200 nghìn đồng", 3_200_000, "VND"),
    # thousands of billions written in words: 1.460 tỷ, not 460 tỷ (a 1000x misreading)
    ("1 nghìn 460 tỷ đồng", 1_460_000_000_000, "VND"),
    ("hơn 4 ngàn 75 tỉ đồng", 4_075_000_000_000, "VND"),
    ("150MW", 150, "count"),  # a capacity, counted like physical output
    ("12 nhà máy", 12, "count"),
])
def test_compound_amounts_and_capacities(text, low, unit):
    parsed = parse_value(text, lang="vi")
    assert (parsed.low, parsed.unit) == (low, unit)


@pytest.mark.parametrize("written, low, high, qualifier", [
    # a negated comparative turns its bound over, in both languages
    ("không thấp hơn 52,6 nghìn tỷ đồng", 5.26e13, None, "above"),
    ("không nhỏ hơn 7%", 7, None, "above"),
    ("không kém 7%", 7, None, "above"),
    ("not less than 52.6 trillion VND", 5.26e13, None, "above"),
    ("no less than 5 billion USD", 5e9, None, "above"),
    ("not lower than 15 billion VND", 1.5e10, None, "above"),
    ("no fewer than 10 projects", 10, None, "above"),
    ("not below 7%", 7, None, "above"),
    ("không vượt 5%", None, 5, "below"),
    ("không cao hơn 4%", None, 4, "below"),
    ("không hơn 4%", None, 4, "below"),
    ("not more than 5%", None, 5, "below"),
    ("not exceeding 5%", None, 5, "below"),
    ("not to exceed 5%", None, 5, "below"),
    ("chưa đến 5%", None, 5, "below"),
    # "and" is a range only between "between" and its second end
    ("between 4 and 6%", 4, 6, "range"),
    ("giữa 4 và 6%", 4, 6, "range"),
])
def test_negated_comparatives_and_between(written, low, high, qualifier):
    got = parse_value(written)
    assert (got.low, got.high, got.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize("written", ["4% and 6%", "2.3 and 2.7-fold", "8% và 10%"])
def test_two_figures_joined_by_and_are_not_a_range(written):
    with pytest.raises(ParseError):
        parse_value(written)


@pytest.mark.parametrize("text, low, high, unit", [
    ("7.4-hectare", 7.4, 7.4, "ha"), ("2.3-fold", 2.3, 2.3, "times"),
    ("3 million foreigners", 3e6, 3e6, "persons"), ("85,000 passengers", 85000, 85000, "persons"),
    ("gần 125,7 triệu cái", 125.7e6, 125.7e6, "count"), ("46,58 tạ/ha", 46.58, 46.58, "count"),
    ("6.500 đảng viên", 6500, 6500, "count"), ("88 USD/thùng", 88, 88, "USD"),
    ("giảm 2-2,5%/năm", -2.5, -2.0, "percent"), ("giảm bình quân 3%/năm", -3, -3, "percent"),
])
def test_compound_adjectives_visitors_pieces_prices_and_falls_over_a_range(text, low, high, unit):
    parsed = parse_value(text)
    assert (parsed.low, parsed.high, parsed.unit) == (low, high, unit)


def test_a_range_after_a_minus_sign_stays_refused():
    with pytest.raises(ParseError, match="negative range"):
        parse_value("-2-2,5%")


@pytest.mark.parametrize(("text", "low", "unit"), [
    # the currency's English plural and names
    ("12,480.5 billion dongs", 12480.5e9, "VND"),
    ("3 million Vietnam dong", 3e6, "VND"),
    ("45 billion Vietnamese dongs", 45e9, "VND"),
    # licences, and nouns whose head comes first
    ("7 giấy chứng nhận đầu tư", 7, "count"),
    ("3 giấy phép", 3, "count"),
    ("18 investment certificates", 18, "count"),
    ("21 industrial zones", 21, "count"),
    ("9 khu và cụm công nghiệp", 9, "count"),
    ("124 đơn vị hành chính cấp xã", 124, "count"),
    ("khoảng 2.300 lượt xe", 2300, "count"),
    # projects counted each time they add capital, and points written against the sign
    ("27 lượt dự án", 27, "count"),
    ("1,85 điểm%", 1.85, "percentage_points"),
    ("over 12,400 labourers", 12400, "count"),
    ("32 tua-bin gió", 32, "count"),
    ("16 tuabin", 16, "count"),
    ("40 wind turbines", 40, "count"),
    ("hơn 2.400 công nhân", 2400, "count"),
    # days (nights) stayed by guests: counted, never persons
    ("62,4 nghìn ngày khách", 62400, "count"),
    ("1,2 triệu đêm khách", 1.2e6, "count"),
    ("85,000 guest nights", 85000, "count"),
    # ports: terminals, berths, ship calls, containers and ships
    ("18 bến cảng", 18, "count"),
    ("42 cầu cảng", 42, "count"),
    ("1,35 triệu TEU", 1.35e6, "count"),
    ("2.600 lượt tàu", 2600, "count"),
    ("about 9,500 ships", 9500, "count"),
    # the things farm reports count: linkage chains, works, growing-area codes, large fields,
    # farms, head of livestock, trees
    ("14 chuỗi liên kết", 14, "count"),
    ("38 công trình", 38, "count"),
    ("120 mã số", 120, "count"),
    ("95 cánh đồng lớn", 95, "count"),
    ("khoảng 60 trang trại", 60, "count"),
    ("25.400 con", 25400, "count"),
    ("hơn 300.000 cây", 300000, "count"),
    ("over 40 farms", 40, "count"),
    # points written with the sign first, and health staff and beds (per 10,000 people)
    ("giảm 3,4% điểm", -3.4, "percentage_points"),
    ("2,7%điểm", 2.7, "percentage_points"),
    ("13 bác sĩ", 13, "count"),
    ("11 bác sỹ", 11, "count"),
    ("35 giường bệnh", 35, "count"),
    ("30 giường", 30, "count"),
    ("17 doctors", 17, "count"),
    ("40 hospital beds", 40, "count"),
    # daily rates of a count, wagons and rooms
    ("khoảng 900 - 1.200 xe/ngày", 900, "count"),
    ("40 toa/ngày", 40, "count"),
    ("3.100 tấn/ngày", 3100, "count"),
    ("about 650 vehicles a day", 650, "count"),
    ("1.240 buồng", 1240, "count"),
    ("2.050 phòng", 2050, "count"),
    ("3,400 rooms", 3400, "count"),
    # workers (and job placements) are counted, visits of people are persons
    ("12.600 lượt người lao động", 12600, "count"),
    ("850 người lao động", 850, "count"),
    ("4.200 lượt người", 4200, "persons"),
    # sessions held: job fairs, auctions
    ("45 phiên", 45, "count"),
    ("9 job fairs", 9, "count"),
])
def test_currency_plurals_and_counted_nouns(text, low, unit):
    parsed = parse_value(text)
    assert (parsed.low, parsed.unit) == (pytest.approx(low), unit)


@pytest.mark.parametrize(("text", "low", "fmt"), [
    ("4,000 ha", 4000, "en"),
    ("2.000 tỷ đồng", 2e12, "vi"),
    ("120,000 tourists", 120000, "en"),
])
def test_three_zeros_after_one_mark_group_thousands_in_either_format(text, low, fmt):
    # a decimal is never written "4,000" for 4 (nor "2.000" for 2): the mark groups thousands
    for lang in ("vi", "en", None):
        parsed = parse_value(text, lang=lang)
        assert parsed.low == pytest.approx(low)
        assert (parsed.number_format, parsed.ambiguous) == (fmt, False)
    assert parse_value("4,050 ha", lang="vi").ambiguous  # other digits still read both ways


@pytest.mark.parametrize("text, lang, low", [
    ("62,4 triệu/người/năm", "vi", 62.4e6),
    ("62,4 triệu/người", "vi", 62.4e6),
    ("62.4 million per person per year", "en", 62.4e6),
    ("62.4 million per capita", "en", 62.4e6),
])
def test_an_amount_per_person_with_no_currency_is_in_dong(text, lang, low):
    got = parse_value(text, lang=lang)
    assert (got.low, got.unit) == (pytest.approx(low), "VND/person")


def test_a_scale_without_currency_or_person_stays_refused():
    with pytest.raises(ParseError):
        parse_value("62,4 triệu/năm", lang="vi")


@pytest.mark.parametrize("text", ["2.3 quadrillion VND", "VND2.3 quadrillion",
                                  "2,3 triệu tỷ đồng"])
def test_a_quadrillion_is_a_thousand_trillion(text):
    # "quadrillion" was an unknown unit: the figure was refused and lost
    assert parse_value(text).low == 2.3e15
@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    # a range whose unit is written after both ends reads as the unit written once
    ("từ 12,5 triệu tấn đến 14 triệu tấn", 12.5e6, 14e6, "count"),
    ("từ 2,1%/năm đến 2,8%/năm", 2.1, 2.8, "percent"),
    ("từ 3 tỷ USD đến 3,5 tỷ USD", 3e9, 3.5e9, "USD"),
    ("từ 30 cầu cảng tới 34 cầu cảng", 30, 34, "count"),
])
def test_a_range_with_its_unit_after_both_ends(text, low, high, unit):
    parsed = parse_value(text)
    assert (parsed.low, parsed.high, parsed.unit) == (pytest.approx(low), pytest.approx(high),
                                                      unit)


def test_a_range_with_two_different_units_is_no_range():
    with pytest.raises(ParseError):
        parse_value("từ 3 tỷ USD đến 3,5 tỷ đồng")


@pytest.mark.parametrize(("text", "low"), [
    # products counted by their counters: shoes in pairs, bricks and cigarette packs after a
    # scale word
    ("12.300 nghìn đôi", 12_300_000),
    ("450 đôi", 450),
    ("3 million pairs", 3_000_000),
    ("95,4 triệu viên", 95_400_000),
    ("210,6 triệu bao", 210_600_000),
])
def test_product_counters_are_counts(text, low):
    parsed = parse_value(text)
    assert (parsed.low, parsed.unit) == (pytest.approx(low), "count")


@pytest.mark.parametrize("text", ["1.200 viên", "30 bao"])
def test_bare_counters_that_begin_other_words_are_no_unit(text):
    # "viên chức" (officials), "bao gồm" (including): without a scale word the counter is no unit
    with pytest.raises(ParseError):
        parse_value(text)
