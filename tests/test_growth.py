"""hy_analysis.growth on small hand-built frames (and a few checks on the bundled data)."""

import math
from functools import partial

import matplotlib
import pandas as pd
import pytest

from hy_analysis.loading import load_region_map

from hy_analysis import views
from hy_analysis.exceptions import ParameterError
from hy_analysis.analysis import growth
from hy_analysis.findings import growth as findings

matplotlib.use("Agg")

OLD = "Hưng Yên (before 2025)"
MERGED = "Hưng Yên (merged, from 2025-07-01)"


@pytest.fixture
def rows(target_rows):
    """``rows(*records)``: IIP-growth targets of Hưng Yên over the records' changes."""
    return partial(target_rows, territory=OLD, indicator="iip_growth", indicator_vi="Tăng IIP",
                   indicator_en="IIP growth", measure="annual_growth")


# ------------------------------------------------------------------ arithmetic

def test_compound_index_matches_the_issue_example():
    low = growth.compound_index(9, start_year=2021, end_year=2025)
    high = growth.compound_index(10, start_year=2021, end_year=2025)
    assert low.index[0] == 2020 and low.iloc[0] == 100
    assert round(low.iloc[-1] - 100) == 54 and round(high.iloc[-1] - 100) == 61


def test_compound_index_with_yearly_rates_and_bad_lengths():
    path = growth.compound_index(0, start_year=2021, end_year=2022, rates=[10, -10])
    assert path.tolist() == pytest.approx([100, 110, 99])
    with pytest.raises(ValueError, match="expected 2 values"):
        growth.compound_index(0, start_year=2021, end_year=2022, rates=[1])
    with pytest.raises(ValueError, match="before start_year"):
        growth.compound_index(5, start_year=2025, end_year=2021)


def test_implied_growth():
    assert growth.implied_growth(652153, 2200000, 5) == pytest.approx(27.53, abs=0.01)
    assert growth.implied_growth(100, 100, 3) == 0
    assert math.isnan(growth.implied_growth(0, 5, 2))
    with pytest.raises(ValueError, match="years"):
        growth.implied_growth(1, 2, 0)


def test_required_growth_rate():
    # 10 %/yr over 5 years with two years at 8 %: the 3 remaining years need more than 10 %.
    need = growth.required_growth_rate(10, [8, 8], years=5)
    assert (1.08 ** 2) * (1 + need / 100) ** 3 == pytest.approx(1.1 ** 5)
    assert growth.required_growth_rate(10, [], years=5) == pytest.approx(10)
    assert math.isnan(growth.required_growth_rate(10, [1, 2], years=2))
    with pytest.raises(ValueError, match="3 years given"):
        growth.required_growth_rate(10, [1, 2, 3], years=2)


# ------------------------------------------------------------------ selections

def test_growth_figures_keeps_targets_of_the_region(rows):
    data = rows(dict(low=9, high=10, qualifier="range", measure="period_average_growth",
                     period_end=2025),
                dict(kind="actual", low=8.8),
                dict(region="Bắc Giang", territory="Bắc Giang (before 2025)", low=19),
                dict(indicator="exports", unit="USD", measure="level", low=7e9))
    out = growth.growth_figures(data, region_map=load_region_map(), region="Hưng Yên")
    assert out["value_raw"].tolist() == ["9%"] and out["period_end"].tolist() == [2025]
    assert not out["merged"].any()
    assert growth.growth_figures(data, region_map=load_region_map(), region="Thái Bình").empty


def test_annual_growth_vs_target_gaps(rows):
    data = rows(dict(kind="actual", low=8.82, period_start=2021, period_end=2021),
                dict(kind="target", low=8.5, period_start=2021, period_end=2021),
                dict(kind="actual", low=7.7, period_start=2024, period_end=2024),
                dict(kind="target", low=7.5, high=8, qualifier="range",
                     period_start=2024, period_end=2024),
                dict(kind="actual", low=6.35, period_start=2023, period_end=2023),
                dict(kind="actual", low=9, period_start=2023, period_end=2023,
                     territory=MERGED))
    out = growth.annual_growth_vs_target(data,
                                         region_map=load_region_map(),
                                         region="Hưng Yên").set_index("year")
    assert out.loc[2021, "gap_pp"] == pytest.approx(0.32)
    assert out.loc[2024, "gap_pp"] == 0  # inside the range
    assert math.isnan(out.loc[2023, "gap_pp"])  # no target that year
    assert out.loc[2023, "actual"] == 6.35  # the merged-territory row is left out
    text = findings.describe_annual_growth(out.reset_index(), region="Hưng Yên", lang="vi")
    assert "8,82 %" in text and "0,32 điểm %" in text


def test_index_paths_targets_actuals_scenarios(rows):
    data = rows(dict(low=9, high=10, qualifier="range", measure="period_average_growth",
                     period_start=2021, period_end=2025, source_id="nq07"),
                dict(kind="actual", low=10, period_start=2021, period_end=2021),
                dict(kind="actual", low=-10, period_start=2022, period_end=2022),
                dict(kind="actual", low=50, period_start=2024, period_end=2024),  # after a gap
                dict(kind="target", low=9.17, measure="period_average_growth",
                     period_start=2021, period_end=2025, territory=MERGED, source_id="merged"))
    paths = growth.index_paths(data,
                               region_map=load_region_map(),
                               region="Hưng Yên", start_year=2021, end_year=2030,
                               scenario_growth=[8])
    target = paths[paths["kind"] == "target"]
    assert set(target["source_id"]) == {"nq07"}  # merged territory left out
    end = target[target["year"] == 2025].iloc[0]
    assert end["low"] == pytest.approx(153.86, abs=0.01)
    assert end["high"] == pytest.approx(161.05, abs=0.01)
    actual = paths[paths["kind"] == "actual"]
    assert actual["year"].tolist() == [2020, 2021, 2022]  # stops at the gap
    assert actual["low"].iloc[-1] == pytest.approx(99)
    scenario = paths[paths["kind"] == "scenario"]
    assert scenario["year"].max() == 2030
    assert scenario["low"].iloc[-1] == pytest.approx(100 * 1.08 ** 10)
    text = findings.describe_index_paths(paths, region="Hưng Yên", start_year=2021,
                                       end_year=2030, lang="vi")
    assert "53,9–61,1 %" in text


def test_index_paths_window_opening_before_the_first_figure_shares_one_base(rows):
    # issue 20: a start year before the data dropped the actual line and left the targets
    # at 2020 = 100 on a 2016 = 100 axis
    data = rows(dict(low=9, high=9, measure="period_average_growth", period_start=2021,
                     period_end=2025, source_id="nq07"),
                dict(kind="actual", low=10, period_start=2021, period_end=2021))
    paths = growth.index_paths(data, region_map=load_region_map(), region="Hưng Yên",
                               start_year=2017, end_year=2030, scenario_growth=[8])
    assert set(paths["kind"]) == {"target", "actual", "scenario"}
    assert paths.groupby("kind")["year"].min().to_dict() == {
        "target": 2020, "actual": 2020, "scenario": 2020}
    text = findings.describe_index_paths(paths, region="Hưng Yên", start_year=2017,
                                       end_year=2030, lang="en")
    assert "2020" in text and "2016" not in text


@pytest.mark.parametrize("lang, said", [
    ("vi", "Bạn chọn từ năm 2018, nhưng số liệu tăng trưởng của **Hưng Yên** bắt đầu từ "
           "năm 2021"),
    ("en", "You chose 2018 as the first year, but the growth figures of **Hưng Yên** start "
           "in 2021")])
def test_a_start_year_before_the_data_is_said_to_move(rows, lang, said):
    """start_year=2018 showed 2021–2030 without a word: the reader is told the data begins
    in 2021 and the paths start there (the run still draws them: a region's first figure,
    or a user's file's, is only known once the data is read)."""
    data = rows(dict(low=9, high=9, measure="period_average_growth", period_start=2021,
                     period_end=2025, source_id="nq07"),
                dict(kind="actual", low=10, period_start=2021, period_end=2021))
    options = dict(region="Hưng Yên", end_year=2030, lang=lang)
    paths = growth.index_paths(data, region_map=load_region_map(), region="Hưng Yên",
                               start_year=2018, end_year=2030, scenario_growth=[8])
    text = findings.describe_index_paths(paths, start_year=2018, **options)
    assert said in text
    assert text.count("2018") == 1  # only in the note: the paths say 2020 = 100, 2021–2030
    same = growth.index_paths(data, region_map=load_region_map(), region="Hưng Yên",
                              start_year=2021, end_year=2030, scenario_growth=[8])
    assert said.split(",")[0] not in findings.describe_index_paths(same, start_year=2021,
                                                                   **options)


def test_index_paths_chain_one_sources_consecutive_periods(rows):
    data = rows(dict(low=8, measure="period_average_growth", period_start=2021,
                     period_end=2025, indicator="grdp_growth", qualifier="about"),
                dict(low=9, measure="period_average_growth", period_start=2026,
                     period_end=2030, indicator="grdp_growth", qualifier="about"))
    paths = growth.index_paths(data,
                               region_map=load_region_map(),
                               region="Hưng Yên", start_year=2021, end_year=2030)
    last = paths[paths["year"] == 2030].iloc[0]
    assert last["low"] == pytest.approx(100 * 1.08 ** 5 * 1.09 ** 5)



def test_index_paths_of_figures_selected_once_are_the_same_paths(rows):
    # A panel selects the region's figures once and draws many windows from them.
    data = rows(dict(low=8, high=9, measure="period_average_growth", period_start=2021,
                     period_end=2025, source_id="kh"),
                dict(low=7, high=10, measure="period_average_growth", period_start=2024,
                     period_end=2026, source_id="kh"),  # overlaps 2024-2025: widest bounds
                dict(kind="actual", low=10, period_start=2021, period_end=2021),
                dict(kind="actual", low=9.17, measure="period_average_growth",
                     period_start=2021, period_end=2025, territory=MERGED))
    region_map = load_region_map()
    figures = growth.growth_figures(data, region_map=region_map, region="Hưng Yên",
                                    kinds=("target", "actual"))
    for start, end in ((2019, 2030), (2022, 2025)):
        options = dict(start_year=start, end_year=end, scenario_growth=[8])
        paths = growth.figure_index_paths(figures, **options)
        pd.testing.assert_frame_equal(paths, growth.index_paths(
            data, region_map=region_map, region="Hưng Yên", **options))
    target = paths[paths["kind"] == "target"].set_index("year")
    assert target.loc[2024, "rate_low"] == 7 and target.loc[2024, "rate_high"] == 10
    assert target.loc[2023, "rate_low"] == 8 and target.loc[2023, "rate_high"] == 9
    assert "9.17" not in " ".join(paths["rate_text"])  # the merged territory left out
    with pytest.raises(ValueError, match="end_year"):
        growth.figure_index_paths(figures, start_year=2025, end_year=2023)

def test_index_paths_without_figures_only_scenarios(rows):
    paths = growth.index_paths(rows(dict(low=1)),
                               region_map=load_region_map(), region="Thái Bình", start_year=2021,
                               end_year=2023, scenario_growth=[5, 10])
    assert set(paths["indicator"]) == {"scenario"} and set(paths["kind"]) == {"scenario"}
    text = findings.describe_index_paths(paths, region="Thái Bình", start_year=2021,
                                       end_year=2023, lang="en")
    assert "no growth figure" in text and "Thái Bình" in text


def test_required_growth_uses_actuals_so_far(rows):
    data = rows(dict(low=10, measure="period_average_growth", period_start=2021,
                     period_end=2025),
                dict(kind="actual", low=8, period_start=2021, period_end=2021),
                dict(kind="actual", low=8, period_start=2022, period_end=2022))
    out = growth.required_growth(data, region_map=load_region_map(), region="Hưng Yên").iloc[0]
    assert out["actual_years"] == "2021–2022" and out["years_left"] == 3
    assert out["required_low"] == pytest.approx(growth.required_growth_rate(10, [8, 8], years=5))
    assert out["achieved_avg"] == pytest.approx(8)
    text = findings.describe_required_growth(pd.DataFrame([out]), region="Hưng Yên", lang="en")
    assert "remaining 3 year(s) need" in text


def test_required_growth_all_years_reported(rows):
    data = rows(dict(low=10, measure="period_average_growth", period_start=2021,
                     period_end=2022),
                dict(kind="actual", low=12, period_start=2021, period_end=2021),
                dict(kind="actual", low=12, period_start=2022, period_end=2022))
    out = growth.required_growth(data, region_map=load_region_map(), region="Hưng Yên").iloc[0]
    assert out["years_left"] == 0 and math.isnan(out["required_low"])
    assert "12,00 %" in findings.describe_required_growth(pd.DataFrame([out]), region="x")


def test_structure_shift_with_partial_source_and_merged_column(rows):
    shares = dict(measure="level", unit="percent")
    data = rows(
        dict(indicator="agriculture_share", kind="actual", low=10, period_start=2020,
             period_end=2020, **shares),
        dict(indicator="industry_construction_share", kind="actual", low=60,
             period_start=2020, period_end=2020, **shares),
        dict(indicator="services_share", kind="actual", low=30, period_start=2020,
             period_end=2020, **shares),
        dict(indicator="industry_construction_share", low=64.1, period_start=2030,
             period_end=2030, source_id="kh87", **shares),
        dict(indicator="agriculture_share", low=3.6, period_start=2030, period_end=2030,
             source_id="kh87", **shares),
        dict(indicator="services_share", low=32.3, period_start=2030, period_end=2030,
             source_id="kh87", **shares),
        dict(indicator="services_share", low=32.3, period_start=2030, period_end=2030,
             source_id="kh87", **shares),  # the repeated KH87 row counts once
        dict(indicator="industry_construction_share", low=70, qualifier="about",
             period_start=2030, period_end=2030, source_id="nq07", **shares),
        dict(indicator="industry_construction_share", kind="actual", low=55.8,
             period_start=2025, period_end=2025, territory=MERGED, source_id="ld", **shares))
    out = growth.structure_shift(data, region_map=load_region_map(), region="Hưng Yên")
    kh87 = out[out["source_id"] == "kh87"].set_index("sector")
    assert len(kh87) == 3 and kh87["share"].sum() == pytest.approx(100)
    assert kh87.loc["agriculture_share", "shift_pp"] == pytest.approx(-6.4)
    nq07 = out[out["source_id"] == "nq07"].set_index("sector")
    assert nq07.loc["not_stated", "share"] == pytest.approx(30)
    assert nq07.loc["industry_construction_share", "shift_pp"] == pytest.approx(10)
    merged = out[out["merged"]]
    assert merged["shift_pp"].isna().all()
    text = findings.describe_structure_shift(out, region="Hưng Yên", lang="en")
    assert "Sources disagree 2030" in text and "merged" in text


def test_structure_shift_empty_region_is_said(rows):
    out = growth.structure_shift(rows(dict(low=1)),
                                 region_map=load_region_map(), region="Bắc Giang")
    assert out.empty
    assert "Bắc Giang" in findings.describe_structure_shift(out, region="Bắc Giang")


def test_level_path_and_implied_steps_never_join_the_merged_province(rows):
    level = dict(indicator="grdp_per_capita", measure="level", unit="USD")
    data = rows(dict(kind="actual", low=4320, period_start=2022, period_end=2022, **level),
                dict(low=5100, period_start=2025, period_end=2025, **level),
                dict(low=8550, period_start=2030, period_end=2030, **level),
                dict(kind="actual", low=4200, period_start=2025, period_end=2025,
                     territory=MERGED, **level),
                dict(low=1.0e8, period_start=2025, period_end=2025, unit="VND",
                     indicator="grdp_per_capita", measure="level", territory=MERGED))
    path = growth.level_path(data,
                             region_map=load_region_map(),
                             region="Hưng Yên", indicator="grdp_per_capita", unit="USD")
    assert len(path) == 4 and path["merged"].sum() == 1
    steps = growth.implied_growth_steps(path)
    assert steps[["from_year", "to_year"]].values.tolist() == [[2022, 2025], [2025, 2030]]
    assert steps["growth_pct"].tolist() == pytest.approx([5.69, 10.89], abs=0.01)
    text = findings.describe_level_path(path, steps, region="Hưng Yên", lang="vi")
    assert "10,9 %/năm" in text and "sau sáp nhập" in text


def test_level_path_merges_identical_figures_of_two_sources(rows):
    level = dict(indicator="exports", measure="level", unit="USD", period_start=2025,
                 period_end=2025)
    data = rows(dict(low=8.5e9, source_id="a", **level), dict(low=8.5e9, source_id="b", **level))
    path = growth.level_path(data,
                             region_map=load_region_map(), region="Hưng Yên", indicator="exports")
    assert len(path) == 1 and path["source_id"].iloc[0] == "a; b"


def test_level_path_never_mixes_units(rows):
    level = dict(indicator="grdp_per_capita", measure="level")
    data = rows(dict(kind="actual", low=4320, unit="USD", period_start=2022, period_end=2022,
                     **level),
                dict(kind="actual", low=102.3e6, unit="VND", period_start=2022,
                     period_end=2022, **level),
                dict(low=8550, unit="USD", period_start=2030, period_end=2030, **level))
    with pytest.raises(ValueError, match=r"several units \(USD, VND\)"):
        growth.level_path(data, region_map=load_region_map(), region="Hưng Yên",
                          indicator="grdp_per_capita")
    indicators = pd.DataFrame([dict(code="grdp_per_capita", unit="USD")])
    path = growth.level_path(data, region_map=load_region_map(), region="Hưng Yên",
                             indicator="grdp_per_capita", indicators=indicators)
    assert set(path["unit"]) == {"USD"} and path.attrs["unit"] == "USD"
    # 4 320 -> 8 550 USD over 8 years: (8550 / 4320)^(1/8) = 1.089, +8.9 %/yr (not +2 599 437 %)
    steps = growth.implied_growth_steps(path)
    assert steps["growth_pct"].tolist() == pytest.approx([8.90], abs=0.01)


def test_describe_escapes_data_strings(rows):
    data = rows(dict(low=9, value_raw="<b>9%</b>", measure="period_average_growth",
                     period_end=2025, source_id="x*y"))
    text = findings.describe_growth_targets(growth.growth_figures(data,
                                                                  region_map=load_region_map(),
                                                                  region="Hưng Yên"),
                                          region="Hưng Yên", lang="en")
    assert "<b>" not in text and "&lt;b&gt;" in text


def test_findings_name_documents_not_ids_when_sources_are_given(rows):
    data = rows(dict(low=9, high=10, value_raw="9-10%/năm", measure="period_average_growth",
                     period_end=2025, source_id="doc-a"))
    sources = pd.DataFrame([dict(id="doc-a", doc_number="87/KH-UBND", issuer="UBND <tỉnh>")])
    figures = growth.growth_figures(data, region_map=load_region_map(), region="Hưng Yên")
    named = findings.describe_growth_targets(figures, region="Hưng Yên", lang="vi",
                                           sources=sources)
    assert "87/KH-UBND" in named and "doc-a" not in named
    assert "`doc-a`" in findings.describe_growth_targets(figures, region="Hưng Yên", lang="vi")
    sources.loc[0, "doc_number"] = ""
    by_issuer = findings.describe_growth_targets(figures, region="Hưng Yên", sources=sources)
    assert "UBND &lt;tỉnh&gt;" in by_issuer and "<tỉnh>" not in by_issuer


def test_describe_rejects_unknown_lang():
    with pytest.raises(ParameterError,
                       match="parameter 'lang': unknown value 'fr'; valid choices: vi, en"):
        findings.describe_growth_targets(pd.DataFrame(), region="x", lang="fr")


# ------------------------------------------------------------------ bundled data findings

@pytest.fixture(scope="module")
def targets():
    from hy_analysis.loading import load_targets

    return load_targets()


def test_bundled_findings(targets):
    paths = growth.index_paths(targets,
                               region_map=load_region_map(),
                               region="Hưng Yên", start_year=2021, end_year=2030)
    nq07 = paths[(paths["source_id"] == "hy-nq07-news-2021") & (paths["year"] == 2025)].iloc[0]
    assert (round(nq07["low"] - 100), round(nq07["high"] - 100)) == (54, 61)
    dh = growth.index_paths(targets,
                            region_map=load_region_map(),
                            region="Đông Hưng", start_year=2021, end_year=2030)
    assert dh[dh["kind"] == "actual"]["low"].max() == pytest.approx(117.2)
    per_capita = growth.level_path(targets,
                                   region_map=load_region_map(),
                                   region="Hưng Yên", indicator="grdp_per_capita",
                                   unit="USD")
    steps = growth.implied_growth_steps(per_capita).set_index("to_year")
    assert steps.loc[2030, "growth_pct"] == pytest.approx(10.89, abs=0.01)


# ------------------------------------------------------------------ plots and view

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_plots_draw_titles_labels_and_empty_states(targets, lang):
    import matplotlib.pyplot as plt

    from hy_analysis.loading import load_sources
    from hy_analysis.charts.growth import (plot_annual_growth, plot_index_paths_figure,
                                           plot_level_path, plot_structure)

    sources = load_sources()
    paths = growth.index_paths(targets,
                               region_map=load_region_map(),
                               region="Hưng Yên", start_year=2021, end_year=2030,
                               scenario_growth=[8])
    fig = plot_index_paths_figure(paths, sources=sources, region="Hưng Yên", lang=lang)
    assert len([a for a in fig.axes if a.get_visible()]) == 2
    assert fig.axes[0].get_ylabel().startswith("Chỉ số" if lang == "vi" else "Index")
    assert any("07-NQ/TU" in t.get_text() for t in fig.texts)  # source line
    # Đông Hưng has no sector shares (Bắc Giang has had some since the bac-ninh-2025 intake).
    ax = plot_structure(growth.structure_shift(targets,
                                               region_map=load_region_map(),
                                               region="Đông Hưng"), region="Đông Hưng",
                        lang=lang)
    assert "Đông Hưng" in ax.texts[0].get_text()  # the "no figures" message
    ax = plot_annual_growth(growth.annual_growth_vs_target(targets,
                                                           region_map=load_region_map(),
                                                           region="Hưng Yên"),
                            region="Hưng Yên", lang=lang)
    assert "%" in ax.get_ylabel()
    path = growth.level_path(targets,
                             region_map=load_region_map(),
                             region="Hưng Yên", indicator="exports", unit="USD")
    ax = plot_level_path(path, steps=growth.implied_growth_steps(path), lang=lang)
    assert ("tỷ USD" if lang == "vi" else "bn USD") in ax.get_ylabel()
    plt.close("all")


def test_render_growth_view_draws_for_the_values(targets, monkeypatch):
    from hy_analysis import display
    from hy_analysis.loading import load_sources

    shown, drawn = [], []
    monkeypatch.setattr(display, "show_markdown", shown.append)
    monkeypatch.setattr(display, "show_table", lambda frame, **kw: shown.append(frame))
    from hy_analysis.sections import growth as growth_section

    real = growth_section.charts.plot_index_paths_figure
    monkeypatch.setattr(growth_section.charts, "plot_index_paths_figure",
                        lambda paths, **kw: drawn.append((paths, kw)) or real(paths, **kw))
    values = dict(region="Bắc Giang", start_year=2022, end_year=2026, scenario_growth=[5.0],
                  lang="en")
    views.render_growth_view(values,
                             region_map=load_region_map(), targets=targets, sources=load_sources())
    paths, kw = drawn[0]
    assert kw["region"] == "Bắc Giang" and paths["year"].min() == 2021
    assert paths["year"].max() == 2026
    assert "Bắc Giang" in shown[0]


def test_empty_level_path_keeps_the_indicator_name(rows):
    data = rows(dict(indicator="exports", indicator_en="Export turnover", unit="USD",
                     measure="level", low=7e9))
    path = growth.level_path(data,
                             region_map=load_region_map(),
                             region="Bắc Giang", indicator="exports", unit="USD")
    assert path.empty and path.attrs["indicator_en"] == "Export turnover"
    text = findings.describe_level_path(path, growth.implied_growth_steps(path),
                                      region="Bắc Giang", lang="en")
    assert "no Export turnover for **Bắc Giang**" in text


def test_reader_tables_speak_the_report_language(targets):
    figures = growth.growth_figures(targets, region_map=load_region_map(), region="Hưng Yên")
    vi = findings.growth_targets_table(figures, lang="vi")
    en = findings.growth_targets_table(figures, lang="en")
    assert list(vi.columns[:4]) == ["Địa giới", "Chỉ tiêu", "Loại", "Giai đoạn"]
    assert list(en.columns[:4]) == ["Territory", "Indicator", "Kind", "Period"]
    assert set(vi["Loại"]) == {"mục tiêu"} and "2021–2025" in set(en["Period"])
    needed = findings.required_growth_table(growth.required_growth(targets,
                                                                   region_map=load_region_map(),
                                                                   region="Hưng Yên"),
                                            lang="en")
    assert "Needed, low (%/yr)" in needed.columns and len(needed) > 0


@pytest.mark.parametrize("module, table", [("hy_analysis.findings.growth", "_MESSAGES"),
                                           ("hy_analysis.charts.growth", "_GROWTH_TEXT")])
def test_fixed_texts_name_no_province(module, table):
    # the notebook runs for any province: "tỉnh Hưng Yên sau sáp nhập" showed in Bắc Ninh's
    # report under its structure chart; the province is the run's, never in a fixed text
    import importlib

    from hy_analysis.vocabulary import catalogue

    texts = catalogue(getattr(importlib.import_module(module), table))
    for lang, words in texts.items():
        for key, text in words.items():
            for name in ("Hưng Yên", "Thái Bình", "Bắc Giang", "Bắc Ninh"):
                assert name not in str(text), (lang, key)


def test_annual_growth_chart_shows_a_year_of_contraction(targets):
    # Bắc Ninh's 2023 GRDP growth (-9,28 %) was drawn below an axis that started at 0: the
    # year looked empty
    import matplotlib.pyplot as plt

    from hy_analysis.charts.growth import plot_annual_growth

    table = growth.annual_growth_vs_target(targets, region_map=load_region_map(),
                                           region="Bắc Ninh")
    assert (table["actual"] < 0).any(), "the data has Bắc Ninh's 2023 contraction"
    ax = plot_annual_growth(table, region="Bắc Ninh", lang="vi")
    bottom, top = ax.get_ylim()
    assert bottom < table["actual"].min() and top > table["actual"].max()
    plt.close("all")


def test_a_scenario_has_one_grey_in_every_panel(rows):
    """Scenario lines are told apart by grey only: the same rate keeps its grey from panel to
    panel, whatever number of target lines a panel draws before it."""
    from matplotlib.colors import to_hex
    from hy_analysis.charts.growth import plot_index_paths_figure
    data = rows(dict(low=9, measure="period_average_growth", period_start=2021,
                     period_end=2025, indicator="grdp_growth"),
                dict(low=7, measure="period_average_growth", period_start=2021,
                     period_end=2025, indicator="grdp_growth", source_id="other"),
                dict(kind="actual", low=10, period_start=2021, period_end=2021,
                     indicator="iip_growth"))
    paths = growth.index_paths(data, region_map=load_region_map(), region="Hưng Yên",
                               start_year=2020, end_year=2030, scenario_growth=[8, 12])
    assert paths["indicator"].nunique() == 2
    fig = plot_index_paths_figure(paths, region="Hưng Yên", lang="en")
    try:
        greys = [{line.get_label(): to_hex(line.get_color()) for line in ax.get_lines()
                  if line.get_label().startswith("Scenario")} for ax in fig.axes if ax.lines]
    finally:
        matplotlib.pyplot.close(fig)
    assert len(greys) == 2 and len(greys[0]) == 2
    assert greys[0] == greys[1]
    assert len(set(greys[0].values())) == 2


def test_a_chart_s_source_line_cites_the_outlet_without_the_curators_note():
    # sources.csv keeps a note in the issuer's parenthesis ("press report, author ..."), in
    # English: a Vietnamese chart's source line names the outlet and the number only
    from hy_analysis import load_sources
    from hy_analysis.charts.base import source_line

    sources = load_sources()
    noted = sources[sources["issuer"].str.contains(r" \(", regex=True)
                    & (sources["doc_number"].astype(str) != "")].iloc[0]
    line = source_line([noted["id"]], sources, lang="vi")
    assert line.startswith("Nguồn: " + noted["issuer"].split(" (")[0] + " " + noted["doc_number"])
    assert "(" + noted["issuer"].split(" (", 1)[1] not in line


def test_a_chart_s_source_line_writes_its_dates_the_reader_s_way():
    # sources.csv keeps ISO dates; a Vietnamese reader reads 23/05/2023 (as the panels and
    # tables write dates), an English one 23 May 2023; a year alone stays a year, and a date
    # a user wrote otherwise is left as written
    import pandas as pd

    from hy_analysis import load_sources
    from hy_analysis.charts.base import source_line

    sources = load_sources()
    dated = sources[sources["date"].astype(str).str.fullmatch(r"\d{4}-\d\d-\d\d")].iloc[0]
    y, m, d = (int(p) for p in dated["date"].split("-"))
    vi = source_line([dated["id"]], sources, lang="vi")
    en = source_line([dated["id"]], sources, lang="en")
    assert f"({d:02d}/{m:02d}/{y})" in vi and dated["date"] not in vi
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    # (with no-break spaces: a wrapped source note never splits a date)
    assert f"({d}\u00a0{months[m - 1]}\u00a0{y})" in en and en.startswith("Source: ")
    own = pd.DataFrame({"id": ["a", "b", "c"], "doc_number": ["1/QĐ", "", ""],
                        "issuer": ["Sở X", "Báo Y (bao-y.vn)", "Z"],
                        "date": ["2024-06", "2024", "mid 2024"]})
    assert source_line(["a", "b", "c"], own, lang="vi") == (
        "Nguồn: Sở X 1/QĐ (06/2024); Báo Y (bao-y.vn) (2024); Z (mid\u00a02024)")
    assert "(Jun\u00a02024)" in source_line(["a"], own, lang="en")
