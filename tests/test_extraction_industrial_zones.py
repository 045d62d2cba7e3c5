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


def test_money_registered_into_the_country_is_the_countrys_figure():
    got = by_raw("Tỉnh Hưng Yên thu hút 1,1 tỷ USD vốn FDI. Từ đầu năm, vốn FDI đăng ký vào "
                 "Việt Nam đạt 20,3 tỷ USD, tăng 9,4% so với cùng kỳ; cả nước có 41.000 dự án "
                 "còn hiệu lực với tổng vốn đăng ký 490 tỷ USD.", date="2024-08-01")
    assert got["1,1 tỷ USD"].region == "Hưng Yên"
    assert got["20,3 tỷ USD"].region == "Việt Nam"
    assert got["9,4%"].region == "Việt Nam"  # the change right after the country's amount
    assert got["490 tỷ USD"].region == "Việt Nam"  # what the country's count comes with


def test_a_province_named_between_keeps_its_own_amount():
    got = by_raw("Cả nước có 41.000 dự án, trong khi tỉnh Hà Nam có 320 dự án với tổng vốn "
                 "5 tỷ USD.", date="2024-08-01")
    assert got["5 tỷ USD"].region == "Hà Nam"


def test_parks_and_clusters_counted_once_industrial_is_said():
    got = by_raw("The province has zoned 30 industrial parks and about 60 industrial clusters, "
                 "of which 12 parks and 19 clusters are operating.", date="2023-11-02")
    assert got["12 parks"].indicator == "industrial_parks_operational"
    assert got["19 clusters"].indicator == "industrial_clusters_operational"
    # the parts the clause goes on to do not rename the whole before them
    assert got["about 60 industrial clusters"].indicator == "industrial_clusters_total"


def test_fdi_disbursed_is_not_the_capital_registered():
    got = by_raw("Trong 9 tháng, vốn FDI đăng ký đạt 1,5 tỷ USD; vốn FDI thực hiện ước đạt 820 "
                 "triệu USD, tăng 6,2% so với cùng kỳ. Vốn đầu tư thực hiện của khu vực có vốn "
                 "đầu tư trực tiếp nước ngoài đạt 9.400 tỷ đồng.", date="2024-10-05")
    assert got["820 triệu USD"].indicator == "fdi_disbursed"
    assert got["6,2%"].indicator == "fdi_disbursed_growth"
    assert got["9.400 tỷ đồng"].indicator == "fdi_disbursed"
    assert got["1,5 tỷ USD"].indicator != "fdi_disbursed"


def test_fdi_disbursed_in_english():
    got = by_raw("Disbursed FDI in the first half reached US$410 million, while newly "
                 "registered capital was US$700 million.", date="2024-07-03")
    assert got["US$410 million"].indicator == "fdi_disbursed"
    assert got["US$700 million"].indicator != "fdi_disbursed"


def test_the_capital_a_count_of_fdi_projects_comes_with():
    got = by_raw("By the end of June, the province had 740 FDI projects in effect with a total "
                 "capital of US$8.2 billion.", date="2024-07-10")
    assert got["740"].indicator == "fdi_projects"
    assert got["US$8.2 billion"].indicator == "fdi_capital"


def test_a_raise_being_prepared_is_a_plan():
    got = by_raw("Nhà máy đang chuẩn bị nâng công suất lên 2.000 triệu sản phẩm/năm. The "
                 "plant is preparing to lift its output to 900 tonnes.", date="2025-03-01")
    assert got["2.000 triệu sản phẩm/năm"].kind == "target"
    assert got["900 tonnes"].kind == "target"



def test_ones_counted_after_a_sentence_stop_take_the_noun_before_it():
    got = by_raw("The parks host 1,200 projects. Of the total, there are 700 foreign-invested "
                 "ones and 500 domestic ones.", date="2023-05-01")
    assert got["700 foreign-invested ones"].unit == "count"
    assert got["500 domestic ones"].low == 500
    # another paragraph's noun is no antecedent
    alone = by_raw("The parks host 1,200 projects.\n\nThere are 700 new ones.", date="2023-05-01")
    assert "700 new ones" not in alone


def test_a_currency_before_the_number_makes_the_noun_after_it_no_count():
    got = by_raw("Among the new investments are a $75 million project by a Korean firm and a "
                 "US$20 million plant; the park also hosts 14 projects.", date="2022-09-01")
    assert (got["$75 million"].unit, got["$75 million"].low) == ("USD", 75e6)
    assert got["US$20 million"].unit == "USD"
    assert got["14 projects"].unit == "count"  # no currency: the noun is its unit
