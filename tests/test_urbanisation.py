"""Unit tests of hy_analysis.urbanisation on small hand-built frames (and the real data)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from hy_analysis.analysis import urbanisation as u
from hy_analysis.findings import urbanisation as findings
from hy_analysis.exceptions import ParameterError
from hy_analysis.loading import load_region_map

is_merged = load_region_map().is_merged

from hy_analysis.territories import RegionMap  # noqa: E402

OLD = "Hưng Yên (before 2025)"


def _rate(year, low, high, qualifier, raw, locator, *, region="Hưng Yên", kind="target",
          indicator="urbanisation_rate", source="plan"):
    return dict(indicator=indicator, region=region, territory=OLD, kind=kind,
                period_start=year, period_end=year, low=low, high=high,
                value=low if high != high else (low + high) / 2, qualifier=qualifier,
                value_raw=raw, source_id=source, source_locator=locator)


@pytest.fixture
def rates_frame():
    rows = [
        _rate(2025, 48.0, np.nan, "above", "Trên 48%", "target table, row 4"),
        _rate(2025, 48.0, 50.0, "about", "khoảng 48-50%", "urbanisation paragraph"),
        _rate(2025, 48.0, 48.0, "exact", "48 %", "public-figures.md, council", source="web"),
        _rate(2030, 58.0, np.nan, "above", "Trên 58%", "target table, row 4"),
        _rate(2030, 58.0, 60.0, "about", "khoảng 58-60%", "urbanisation paragraph"),
        _rate(2030, 7.0, 7.0, "exact", "07 đô thị loại IV", "paragraph",
              indicator="urban_class_iv_count"),
        _rate(2025, 10.0, 10.0, "exact", "10 đô thị loại V", "paragraph",
              indicator="urban_class_v_count"),
        _rate(2030, 8.0, 8.0, "exact", "08 đô thị loại V", "paragraph",
              indicator="urban_class_v_count"),
        _rate(2030, 70.0, 70.0, "exact", "70%", "table", region="Bắc Giang"),
    ]
    frame = pd.DataFrame(rows)
    for column in ("region", "indicator", "kind", "qualifier", "source_id"):
        frame[column] = frame[column].astype("category")
    frame["period_end"] = frame["period_end"].astype("Int64")
    return frame


@pytest.fixture
def classes():
    rows = [
        ("City A", "city", 2025, "II", "meets"), ("City A", "city", 2030, "I", "meets"),
        ("District B", "district", 2025, "IV", "meets"),
        ("District B", "district", 2025, "III", "centre_basically_meets"),
        ("District B", "district", 2030, "III", "whole_district"),
        ("District C", "district", 2025, "IV", "basically_meets"),
    ]
    frame = pd.DataFrame(rows, columns=["locality", "locality_type", "year", "urban_class",
                                        "scope"])
    frame["territory"] = OLD
    frame["value_raw"] = "đô thị loại " + frame["urban_class"]
    frame["source_id"] = "plan"
    frame["urban_class"] = pd.Categorical(frame["urban_class"],
                                          categories=["V", "IV", "III", "II", "I"], ordered=True)
    return frame


@pytest.fixture
def regions():
    return pd.DataFrame({"region": ["Hưng Yên", "Bắc Giang"],
                         "territory": [OLD, "Bắc Giang (before 2025)"],
                         "level": "province", "province_before_2025": ["Hưng Yên", "Bắc Giang"],
                         "province_after_2025": ["Hưng Yên", "Bắc Ninh"]})


def test_rate_targets_keep_ranges_and_open_bounds(rates_frame):
    rates = u.rate_targets(rates_frame, region="Hưng Yên")
    assert len(rates) == 5
    above = rates[rates["qualifier"] == "above"]
    assert above["high"].isna().all()              # "Trên 48%" has no ceiling
    assert set(rates["statement"]) == {"table", "text", "web"}
    assert u.rate_targets(rates_frame, region="Hưng Yên", years=[2030])["year"].eq(2030).all()


def test_envelope_and_pp_per_year(rates_frame):
    env = u.rate_envelope(u.rate_targets(rates_frame, region="Hưng Yên"))
    assert env.set_index("year").loc[2025, ["low", "high"]].tolist() == [48.0, 50.0]
    steps = u.pp_per_year(env)
    assert len(steps) == 1
    assert steps.loc[0, "pp_low"] == pytest.approx(2.0)     # (58 - 48) / 5
    assert steps.loc[0, "pp_high"] == pytest.approx(2.0)    # (60 - 50) / 5


def test_pp_per_year_uneven_ranges():
    env = pd.DataFrame({"year": [2020, 2025, 2030], "low": [40.0, 45.0, 55.0],
                        "high": [np.nan, 47.0, 60.0]})
    steps = u.pp_per_year(env)
    assert steps["pp_low"].tolist() == pytest.approx([1.0, 2.0])
    assert np.isnan(steps.loc[0, "pp_high"]) and steps.loc[1, "pp_high"] == pytest.approx(2.6)
    assert u.pp_per_year(env, years=[2030]).empty


def test_baseline(rates_frame):
    env = u.rate_envelope(u.rate_targets(rates_frame, region="Hưng Yên"))
    out = u.pp_from_baseline(env, baseline_year=2023, baseline_rate=40.0).set_index("to_year")
    assert out.loc[2025, "pp_low"] == pytest.approx(4.0)    # (48 - 40) / 2
    assert out.loc[2025, "pp_high"] == pytest.approx(5.0)   # (50 - 40) / 2
    assert out.loc[2030, "pp_low"] == pytest.approx(18 / 7)
    assert not out["met_low"].any()
    later = u.pp_from_baseline(env, baseline_year=2026, baseline_rate=50.0)
    assert later["to_year"].tolist() == [2030]
    assert u.pp_from_baseline(env, baseline_year=None, baseline_rate=None).empty
    with pytest.raises(ParameterError, match="baseline_rate"):
        u.pp_from_baseline(env, baseline_year=2023, baseline_rate=140.0)


def test_describe_baseline_and_pp_follow_lang(rates_frame):
    env = u.rate_envelope(u.rate_targets(rates_frame, region="Hưng Yên"))
    steps = u.pp_from_baseline(env, baseline_year=2023, baseline_rate=40.5)
    en = findings.describe_baseline(steps, baseline_year=2023, baseline_rate=40.5, lang="en")
    vi = findings.describe_baseline(steps, baseline_year=2023, baseline_rate=40.5, lang="vi")
    assert "40.5 %" in en and "3.75 pp/yr" in en
    assert "40,5 %" in vi and "3,75 điểm %/năm" in vi
    assert "No baseline" in findings.describe_baseline(None, baseline_year=None, baseline_rate=None,
                                                lang="en")
    assert "2.00 pp/yr" in findings.describe_pp_per_year(u.pp_per_year(env), lang="en")


def test_a_baseline_above_the_ceiling_is_said_so_not_shown_as_a_pace(rates_frame):
    env = u.rate_envelope(u.rate_targets(rates_frame, region="Hưng Yên"))
    steps = u.pp_from_baseline(env, baseline_year=2023, baseline_rate=55.0).set_index("to_year")
    # 2025's range is 48-50 %: 55 % is past its ceiling; 2030's 58-60 % is still ahead
    assert steps.loc[2025, "met_high"] and not steps.loc[2030, "met_high"]
    assert steps.loc[2025, "pp_high"] < 0
    for lang, said in (("en", "already above the ceiling"), ("vi", "đã vượt mức trần")):
        text = findings.describe_baseline(steps.reset_index(), baseline_year=2023,
                                          baseline_rate=55.0, lang=lang)
        line_2025, line_2030 = (next(x for x in text.splitlines() if str(y) in x)
                                for y in (2025, 2030))
        assert said in line_2025 and said not in line_2030, text


def test_no_measured_rate_is_stated(rates_frame):
    rates = u.rate_targets(rates_frame, region="Hưng Yên")
    measured = u.measured_rates(rates_frame, region="Hưng Yên")
    assert measured.empty
    text = findings.describe_rate_targets(rates,
                                          region_map=load_region_map(),
                                          measured=measured, lang="en")
    assert "no measured provincial urbanisation rate" in text
    assert "Trên 48%" in text and "khoảng 58-60%" in text


def test_region_without_rates_says_so(rates_frame):
    rates = u.rate_targets(rates_frame, region="Đông Hưng")
    assert rates.empty
    assert "No urbanisation-rate targets for Đông Hưng" in findings.describe_rate_targets(
        rates, region_map=load_region_map(), region="Đông Hưng", lang="en")


def test_class_ladder_ranks_and_changes(classes, regions):
    ladder = u.urban_class_ladder(classes, region="Hưng Yên", region_map=RegionMap(regions))
    assert ladder.loc[ladder["urban_class"] == "I", "rank"].eq(1).all()
    assert ladder.loc[ladder["urban_class"] == "IV", "rank"].eq(4).all()
    assert not ladder.loc[ladder["scope"] == "centre_basically_meets", "whole"].any()
    changes = u.class_changes(ladder).set_index("locality")
    assert changes.loc["City A", "steps"] == 1
    # District B: the whole-district class IV (not the centre's III) is its 2025 class.
    assert changes.loc["District B", "from_class"] == "IV"
    assert changes.loc["District B", "steps"] == 1
    assert np.isnan(changes.loc["District C", "steps"])
    text = findings.describe_class_ladder(u.class_changes(ladder), ladder, lang="vi")
    assert "cơ bản đạt" in text and "không nêu" in text
    assert u.urban_class_ladder(classes, region="Bắc Giang",
                                region_map=RegionMap(regions)).empty
    with pytest.raises(ParameterError, match="region_map"):
        u.urban_class_ladder(classes, region="Hưng Yên")


def test_ladder_table(classes):
    table = findings.ladder_table(u.urban_class_ladder(classes), lang="vi").set_index("Địa phương")
    assert table.loc["District B", "2025"] == "III (khu vực trung tâm cơ bản đạt); IV (đạt)"
    assert table.loc["District C", "2030"] == "–"


def test_class_counts(rates_frame):
    counts = u.class_counts(rates_frame, region="Hưng Yên")
    assert counts[["year", "urban_class", "count"]].values.tolist() == [
        [2025, "V", 10.0], [2030, "IV", 7.0], [2030, "V", 8.0]]
    text = findings.describe_class_counts(counts, lang="en")
    assert "7 class IV towns" in text and "no figure for class IV" in text


def test_key_numbers_of_the_real_data():
    from hy_analysis import load_regions, load_targets, load_urban_classes

    targets = load_targets()
    rates = u.rate_targets(targets, region="Hưng Yên", years=[2025, 2030])
    path, revised = u.split_merger(rates, region_map=load_region_map())
    # The old province's path; the merged province's 2030 target apart, revised with the merger.
    assert sorted(path["value_raw"]) == sorted(
        ["Trên 48%", "Trên 58%", "khoảng 48-50%", "khoảng 58-60%", "48 %"])
    assert path["territory"].nunique() == 1 and not is_merged(path["territory"].iloc[0])
    assert revised["value_raw"].tolist() == ["khoảng 50%"]
    assert revised["year"].tolist() == [2030] and is_merged(revised["territory"].iloc[0])
    steps = u.pp_per_year(u.rate_envelope(path))
    assert steps[["pp_low", "pp_high"]].values.tolist() == [[2.0, 2.0]]
    # Even on the mixed frame, the envelope and the paces keep the territories apart.
    envelope = u.rate_envelope(rates)
    assert envelope.set_index(["territory", "year"])["low"].to_dict() == {
        (path["territory"].iloc[0], 2025): 48.0, (path["territory"].iloc[0], 2030): 58.0,
        (revised["territory"].iloc[0], 2030): 50.0}
    assert u.pp_per_year(envelope)[["pp_low", "pp_high"]].values.tolist() == [[2.0, 2.0]]
    text = findings.describe_revised_targets(revised, path, lang="en")
    assert "revised with the merger" in text and "«khoảng 50%»" in text and "«Trên 58%»" in text
    assert path["territory"].iloc[0] in text
    listed = findings.describe_rate_targets(rates, region_map=load_region_map(), lang="en")
    old_part, merged_part = listed.split(f"**{revised['territory'].iloc[0]}**")
    assert "common floor 58 %" in old_part and "khoảng 50%" not in old_part
    assert "common floor 50 %" in merged_part and "\n\n- **2030**" in merged_part
    assert u.measured_rates(targets, region="Hưng Yên").empty
    ladder = u.urban_class_ladder(load_urban_classes(), region="Hưng Yên",
                                  region_map=load_region_map())
    changes = u.class_changes(ladder).set_index("locality")
    assert changes.loc["Thành phố Hưng Yên", ["from_class", "to_class"]].tolist() == ["II", "I"]


@pytest.mark.parametrize("lang, words", [("vi", "điều chỉnh cùng sáp nhập"),
                                         ("en", "revised with the merger")])
def test_path_chart_draws_the_merged_target_apart(lang, words):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from hy_analysis import load_targets
    from hy_analysis.charts.urbanisation import plot_urbanisation_path

    rates = u.rate_targets(load_targets(), region="Hưng Yên", years=[2025, 2030])
    path, revised = u.split_merger(rates, region_map=load_region_map())
    envelope = u.rate_envelope(path)
    ax = plot_urbanisation_path(path, envelope=envelope, steps=u.pp_per_year(envelope),
                                revised=revised, lang=lang)
    labels = ax.get_legend_handles_labels()[1]
    (label,) = [x for x in labels if words in x]
    # the territory as its reader writes it (the legend said "(merged, from 2025-07-01)")
    from hy_analysis.vocabulary import territory_label
    assert territory_label(revised["territory"].iloc[0], lang=lang) in label
    assert "khoảng 50%" in label and ("2025-07-01" not in label)
    floor = [line for line in ax.get_lines() if line.get_linestyle() == "--"][0]
    assert list(floor.get_ydata()) == [48.0, 58.0]  # the floor path stays the old province's
    plt.close("all")


@pytest.mark.parametrize("lang, word", [("vi", "Loại"), ("en", "Class")])
def test_ladder_chart_writes_each_locality_class_in_its_cell(lang, word):
    # the heat map's cell texts once shadowed the chart's words (an error on any data)
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from hy_analysis import load_urban_classes
    from hy_analysis.charts.urbanisation import plot_urban_class_ladder

    ladder = u.urban_class_ladder(load_urban_classes(), region="Hưng Yên",
                                  region_map=load_region_map())
    ax = plot_urban_class_ladder(ladder, lang=lang)
    cells = [t.get_text() for t in ax.texts]
    assert any(text.startswith(f"{word} I ") for text in cells), cells[:5]
    assert ax.get_ylabel() == {"vi": "Địa phương", "en": "Locality"}[lang]
    plt.close("all")
