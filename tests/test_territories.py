"""The province registry (34 provinces, their 63 predecessors), the region map derived from
it, and the one reader of that reference data."""

from __future__ import annotations

import codecs
import shutil

import pandas as pd
import pytest

from hy_analysis.exceptions import ParameterError
from hy_analysis.loading import load_provinces, load_region_map
from hy_analysis.params import validate_params
from hy_analysis.paths import data_dir
from hy_analysis.territories import RegionMap, region_rows


@pytest.fixture
def data_copy(tmp_path):
    for path in data_dir().glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_registry_has_34_provinces_from_63_and_every_old_one_is_mapped():
    provinces = load_provinces()
    assert len(provinces) == 63
    assert provinces["province_before_2025"].is_unique
    assert provinces["code_before_2025"].is_unique
    assert provinces["province_after_2025"].nunique() == 34
    assert provinces["code_after_2025"].nunique() == 34
    assert (provinces[["province_after_2025", "code_after_2025"]] != "").all().all()
    # Each new code names one province, and each new province is one of its parts' names.
    assert provinces.groupby("code_after_2025")["province_after_2025"].nunique().eq(1).all()
    parts = provinces.groupby("province_after_2025")["province_before_2025"].apply(set)
    assert all(new in olds for new, olds in parts.items())
    assert parts["Hưng Yên"] == {"Hưng Yên", "Thái Bình"}
    assert parts["Bắc Ninh"] == {"Bắc Ninh", "Bắc Giang"}
    assert (parts.map(len) == 1).sum() == 11  # the provinces the merger left alone
    assert set(provinces["legal_basis"]) == {"Nghị quyết 202/2025/QH15"}
    assert set(provinces["effective_date"]) == {"2025-07-01"}


def test_territories_follow_from_province_and_period():
    region_map = load_region_map()
    for label in ("Hưng Yên (before 2025-07-01)", "Hưng Yên (merged, from 2025-07-01)",
                  "Thái Bình (before 2025-07-01)", "Bắc Giang (before 2025-07-01)",
                  "Bắc Ninh (before 2025-07-01)", "Bắc Ninh (merged, from 2025-07-01)",
                  "Đông Hưng district, Thái Bình (before 2025-07-01)", "Hà Nội"):
        assert label in region_map.territories, label
    assert region_map.merged_parts["Bắc Ninh (merged, from 2025-07-01)"] == (
        "Bắc Giang (before 2025-07-01)", "Bắc Ninh (before 2025-07-01)")
    assert len(region_map.merged_territories) == 23
    assert region_map.territory_at("Hưng Yên", "2025-06-30") == "Hưng Yên (before 2025-07-01)"
    assert region_map.territory_at("Hưng Yên", "2025-07") == \
        "Hưng Yên (merged, from 2025-07-01)"
    assert region_map.territory_at("Thái Bình", "2026-01-01") == \
        "Thái Bình (before 2025-07-01)"
    assert region_map.territory_at("Nowhere", "2026") == ""
    assert region_map.merger_family() == ("Hưng Yên (merged, from 2025-07-01)",
                                          "Hưng Yên (before 2025-07-01)",
                                          "Thái Bình (before 2025-07-01)",
                                          "Bắc Ninh (merged, from 2025-07-01)",
                                          "Bắc Giang (before 2025-07-01)",
                                          "Bắc Ninh (before 2025-07-01)")


def test_the_merger_rule_reads_the_map_not_the_labels():
    frame = pd.DataFrame(region_rows(
        [{"province_before_2025": "A", "province_after_2025": "A"},
         {"province_before_2025": "B", "province_after_2025": "A"}], [{"region": "A"}]))
    frame["territory"] = frame["territory"].replace({"A (merged, from 2025-07-01)": "A new"})
    region_map = RegionMap(frame)
    assert region_map.merged_territories == frozenset({"A new"})
    assert region_map.is_merged("A new") and not region_map.is_merged("B (before 2025-07-01)")


def test_a_byte_order_mark_and_an_edit_are_both_read(data_copy):
    for name in ("regions.csv", "provinces.csv"):
        path = data_copy / name
        path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    assert "Bắc Giang" in load_region_map(data_copy).regions()
    path = data_copy / "regions.csv"
    path.write_text(path.read_text(encoding="utf-8-sig") + "Bắc Ninh,province,,\n",
                    encoding="utf-8-sig")
    assert "Bắc Ninh" in load_region_map(data_copy).regions()  # the edit is seen in-process
    from hy_analysis.extraction import extract

    rows = extract("Năm 2026, kim ngạch xuất khẩu của tỉnh Bắc Ninh đạt 70 tỷ USD.",
                   date="2025-12-01", data_dir=data_copy)
    assert list(rows["territory"]) == ["Bắc Ninh (merged, from 2025-07-01)"]


def test_a_region_that_is_no_province_is_refused_with_the_file(data_copy):
    path = data_copy / "regions.csv"
    path.write_text(path.read_text(encoding="utf-8") + "Atlantis,province,,\n",
                    encoding="utf-8")
    with pytest.raises(ParameterError, match="regions.csv: region 'Atlantis'"):
        load_region_map(data_copy)


def test_region_parameters_offer_provinces_with_data_and_name_the_rest():
    assert validate_params("urbanisation", {"region": "Bắc Giang"})["region"] == "Bắc Giang"
    with pytest.raises(ParameterError) as error:
        validate_params("urbanisation", {"region": "Hà Nội"})
    message = str(error.value)
    assert "valid choices: Hưng Yên, Thái Bình, Bắc Giang" in message
    assert "'Hà Nội' is a province with no figures" in message and "Cà Mau" in message
    with pytest.raises(ParameterError, match="provinces without figures"):
        validate_params("overview", {"regions": ["Hưng Yên", "Nghệ An"]})


def test_extraction_names_the_places_of_the_region_map_it_is_given():
    from hy_analysis.extraction import extract

    frame = pd.DataFrame(region_rows(
        [{"province_before_2025": "Hưng Yên", "province_after_2025": "Hưng Yên"},
         {"province_before_2025": "Thái Bình", "province_after_2025": "Hưng Yên"}],
        [{"region": "Hưng Yên"}]))
    text = "Năm 2026, kim ngạch xuất khẩu của tỉnh Hưng Yên đạt 20 tỷ USD."
    rows = extract(text, date="2025-10-01", region_map=RegionMap(frame))
    assert list(rows["territory"]) == ["Hưng Yên (merged, from 2025-07-01)"]
    with pytest.raises(ParameterError, match="'Bắc Giang' is not a province or region"):
        extract(text, region="Bắc Giang", region_map=RegionMap(frame))
