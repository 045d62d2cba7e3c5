"""The region of a figure (our own sentences): other places a text names are not the figure's
province: places a rank is set against, a province's name written in lower case as a common
word, places a province borders, and words after "tỉnh" that name no place (a Party term)."""

from __future__ import annotations

from helpers import by_raw


# --------------------------------------------------------------------------- ranks


def test_places_after_a_rank_out_of_a_count_are_compared_not_the_subject():
    # the rank written as a fraction of the group, the group named at length before "sau"
    got = by_raw("Theo Tổng cục Thống kê, quý I/2024 tăng trưởng kinh tế của tỉnh đạt 6,2%, "
                 "xếp thứ 04/13 tỉnh, thành phố vùng Đồng bằng sông Cửu Long (sau tỉnh Long An "
                 "và tỉnh Kiên Giang). UBND tỉnh Sóc Trăng cho biết thu ngân sách đạt 900 tỷ "
                 "đồng.", date="2024-04-20")
    assert got["6,2%"].region == "Sóc Trăng"
    got = by_raw("In the first quarter, the province's economy grew 6.2%, ranking 4th out of 13 "
                 "provinces and cities in the Mekong Delta region (behind Long An and Kien "
                 "Giang). The Soc Trang People's Committee said budget revenue reached VND 900 "
                 "billion.", date="2024-04-20")
    assert got["6.2%"].region == "Sóc Trăng"


def test_places_listed_after_a_colon_of_a_ranking_are_compared():
    got = by_raw("Năm 2024, tăng trưởng kinh tế của tỉnh Nam Định đứng thứ 9 cả nước, sau các "
                 "tỉnh, thành phố: Bắc Giang, Hải Phòng, Quảng Ninh. Thu ngân sách của tỉnh đạt "
                 "7.000 tỷ đồng.", date="2024-12-28")
    assert got["7.000 tỷ đồng"].region == "Nam Định"
    got = by_raw("In 2024, the economic growth of Nam Dinh province ranked 9th nationwide, after "
                 "the following provinces: Bac Giang, Hai Phong and Quang Ninh. Budget revenue "
                 "reached VND 7,000 billion.", date="2024-12-28")
    assert got["VND 7,000 billion"].region == "Nam Định"


def test_sau_khi_after_a_rank_is_a_time_not_a_comparison():
    # "sau khi" (after doing) sets no place against the rank; "sau tỉnh" does
    from hy_analysis.extraction.core import _drop_rank_comparisons

    text = "Tỉnh Nam Định xếp thứ 9 cả nước về chỉ số PCI, sau khi Ninh Bình công bố kết quả."
    places = [(text.index("Ninh Bình") + 9, "Ninh Bình")]
    assert _drop_rank_comparisons(text, places) == places
    text = text.replace("sau khi", "sau")
    assert _drop_rank_comparisons(text, [(text.index("Ninh Bình") + 9, "Ninh Bình")]) == []


# --------------------------------------------------------------------------- lower case


def test_a_province_name_in_lower_case_is_a_common_word():
    # "hòa bình" (peace), "hue" (a colour): no province
    got = by_raw("Năm 2024, kinh tế tỉnh Lai Châu tăng trưởng 8%. Khu vực biên giới giữ vững hòa "
                 "bình, ổn định; thu ngân sách đạt 2.000 tỷ đồng.", date="2024-12-28")
    assert got["2.000 tỷ đồng"].region == "Lai Châu"
    got = by_raw("Lai Chau province grew 8% in 2024. Its new logo, in a green hue, was unveiled "
                 "as budget revenue reached VND 2,000 billion.", date="2024-12-28")
    assert got["VND 2,000 billion"].region == "Lai Châu"
    # written with capitals it is the province
    got = by_raw("Năm 2024, kinh tế tỉnh Lai Châu tăng trưởng 8%. Tỉnh Hòa Bình thu ngân sách "
                 "đạt 2.000 tỷ đồng.", date="2024-12-28")
    assert got["2.000 tỷ đồng"].region == "Hòa Bình"


# --------------------------------------------------------------------------- neighbours


def test_places_a_province_borders_are_its_neighbours_not_the_subject():
    got = by_raw("Tỉnh Hà Giang phía bắc giáp Trung Quốc, phía nam giáp tỉnh Tuyên Quang. Năm "
                 "2024, thu ngân sách đạt 3.000 tỷ đồng.", date="2024-12-28")
    assert got["3.000 tỷ đồng"].region == "Hà Giang"
    # a list of neighbours past commas, the city written "TP." without a space
    got = by_raw("Tỉnh Hà Nam tiếp giáp các tỉnh Hưng Yên, Thái Bình, Nam Định và TP.Hà Nội. Năm "
                 "2024, thu ngân sách đạt 3.000 tỷ đồng.", date="2024-12-28")
    assert got["3.000 tỷ đồng"].region == "Hà Nam"
    got = by_raw("Ha Giang province borders China to the north and Tuyen Quang province to the "
                 "south. In 2024, its budget revenue reached VND 3,000 billion.",
                 date="2024-12-28")
    assert got["VND 3,000 billion"].region == "Hà Giang"
    got = by_raw("Hung Yen province is adjacent to Ha Noi and Bac Ninh. Its GRDP grew 8% in "
                 "2024.", date="2024-12-28")
    assert got["8%"].region == "Hưng Yên"


def test_a_subject_after_a_fronted_border_phrase_is_still_the_subject():
    got = by_raw("Năm 2024, tiếp giáp Hà Nội, tỉnh Hưng Yên có thu ngân sách đạt 3.000 tỷ đồng.",
                 date="2024-12-28")
    assert got["3.000 tỷ đồng"].region == "Hưng Yên"
    got = by_raw("Bordering Ha Noi, Hung Yen province saw its GRDP grow 8% in 2024.",
                 date="2024-12-28")
    assert got["8%"].region == "Hưng Yên"


# --------------------------------------------------------------------------- terms


def test_a_party_term_after_tinh_is_no_place():
    got = by_raw("Đại hội đại biểu Đảng bộ tỉnh Lai Châu lần thứ XV đã bế mạc. Đại hội thông qua "
                 "Nghị quyết Đại hội Đảng bộ tỉnh Khóa XV, đặt mục tiêu đến năm 2030 tăng trưởng "
                 "kinh tế đạt 9%/năm.", date="2025-10-10")
    assert got["9%/năm"].region == "Lai Châu"
    got = by_raw("Đại hội Đảng bộ tỉnh Lai Châu đã bầu Ban Chấp hành Đảng bộ tỉnh Nhiệm kỳ "
                 "2025-2030, đặt mục tiêu thu ngân sách đạt 5.000 tỷ đồng vào năm 2030.",
                 date="2025-10-10")
    assert got["5.000 tỷ đồng"].region == "Lai Châu"


def test_a_roman_numeral_is_no_word_of_a_place_name():
    from hy_analysis.extraction.cues import CUES
    from hy_analysis.extraction.core import _places
    from hy_analysis.extraction.reading import load_vocabulary
    from hy_analysis.paths import data_dir

    # a roman numeral after any capitalised word ("Hội Nghị XV" in a title-cased line), a term
    # in capitals; names of places with letters a numeral is made of are no numeral
    for words in ("Hội Nghị XV", "KHÓA IV", "Nhiệm Kỳ", "Term I"):
        assert CUES.NOT_A_PLACE_NAME.search(words), words
    for words in ("Lai Châu", "Vinh", "Long An", "Cao Bằng", "Ia Grai", "Kỳ Anh"):
        assert not CUES.NOT_A_PLACE_NAME.search(words), words
    vocab = load_vocabulary(data_dir())
    text = "Văn kiện Đảng bộ tỉnh Hội Nghị XV bàn về kế hoạch của tỉnh Lai Châu."
    assert {name for _, name in _places(vocab, text, 0, len(text))} == {"Lai Châu"}
