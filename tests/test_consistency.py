"""hy_analysis.consistency on small hand-built frames (and the bundled data's known cases)."""

import math
from functools import partial

import matplotlib
import pandas as pd
import pytest

from hy_analysis.loading import load_region_map

from hy_analysis import views
from hy_analysis.analysis import consistency
from hy_analysis.findings import consistency as findings

matplotlib.use("Agg")

OLD = "Hưng Yên (before 2025)"


@pytest.fixture
def rows(target_rows):
    """``rows(*records)``: 2030 industry-construction share targets of Hưng Yên."""
    return partial(target_rows, territory=OLD, indicator="industry_construction_share",
                   indicator_vi="Tỷ trọng CN-XD",
                   indicator_en="Industry-construction share", period_start=2030,
                   period_end=2030)


# ------------------------------------------------------------------ the interval rule

@pytest.mark.parametrize("a, b, status", [
    ((70, 70, "about"), (64.1, 64.1, "exact"), "conflict"),
    ((48, None, "above"), (48, 50, "about"), "compatible"),
    ((48, None, "above"), (48, 48, "exact"), "compatible"),
    ((48, None, "above"), (45, 45, "exact"), "conflict"),
    ((None, 5, "below"), (4, 4, "exact"), "compatible"),
    ((66, 66, "exact"), (66, 66, "exact"), "agree"),
    ((66, 66, "exact"), (66, 66, "about"), "compatible"),
    ((9, 10, "range"), (10.5, 11, "range"), "conflict"),
    ((100, 100, "about"), (102, 102, "exact"), "compatible"),  # within ±2 %
])
def test_compare_figures(a, b, status):
    assert consistency.compare_figures(a, b)[0] == status


def test_gap_is_the_distance_between_intervals():
    assert consistency.compare_figures((70, 70, "exact"), (64.1, 64.1, "exact"))[1] == \
        pytest.approx(5.9)
    assert consistency.figure_interval(None, 5, "below") == (-math.inf, 5)


# ------------------------------------------------------------------ check 1

def test_find_conflicts_pairs_rows_of_the_same_figure(rows):
    data = rows(dict(low=70, qualifier="about", value_raw="khoảng 70%", source_id="nq07"),
                dict(low=64.1, value_raw="64,1%", source_id="kh87"),
                dict(low=66, period_start=2025, period_end=2025, source_id="nq07"),
                dict(low=66, period_start=2025, period_end=2025, source_id="kh87"),
                # same number, other kind / territory / snapshot date: not the same figure
                dict(low=50, kind="actual"),
                dict(low=50, territory="Hưng Yên (merged, from 2025-07-01)"),
                dict(indicator="fdi_projects", unit="count", low=550, as_of="2024"),
                dict(indicator="fdi_projects", unit="count", low=543, as_of="2024-01"))
    out = consistency.find_conflicts(data)
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["status"], row["source_a"], row["source_b"]) == ("conflict", "nq07", "kh87")
    assert (row["value_a"], row["value_b"]) == ("khoảng 70%", "64,1%")
    assert row["gap"] == pytest.approx(70 * 0.98 - 64.1)
    assert len(consistency.find_conflicts(data, include_agreeing=True)) == 2
    text = findings.describe_conflicts(out, lang="vi")
    assert "mâu thuẫn" in text and "khoảng 70%" in text and "64,1%" in text


def test_find_conflicts_ignores_the_same_figure_in_another_currency(rows):
    data = rows(dict(indicator="grdp_per_capita", unit="USD", low=4200),
                dict(indicator="grdp_per_capita", unit="VND", low=1.015e8))
    assert consistency.find_conflicts(data).empty


def test_find_conflicts_with_bundled_data():
    from hy_analysis.loading import load_targets

    out = consistency.find_conflicts(load_targets())
    conflict = out[out["status"] == "conflict"]
    hung_yen = conflict[conflict["region"] == "Hưng Yên"]
    assert set(hung_yen["indicator"]) == {"industry_construction_share"}
    assert set(hung_yen[["value_a", "value_b"]].iloc[0]) == {"khoảng 70%", "64,1%"}
    # The bac-ninh-2025 pages that disagree (data/README.md, "Where sources disagree").
    assert set(zip(conflict["region"], conflict["indicator"], conflict["period_end"])) - {
        ("Hưng Yên", "industry_construction_share", 2030)} == {
        ("Bắc Giang", "grdp_growth", 2024), ("Bắc Giang", "grdp_current_prices", 2024),
        ("Bắc Giang", "grdp_per_capita", 2024), ("Bắc Ninh", "grdp_current_prices", 2024),
        ("Bắc Ninh", "services_share", 2022), ("Bắc Ninh", "agriculture_share", 2022),
        ("Bắc Ninh", "grdp_per_capita", 2025)}
    urban = out[(out["indicator"] == "urbanisation_rate") & (out["period_end"] == 2025)]
    assert set(urban["status"]) == {"compatible"}
    assert {"Trên 48%", "khoảng 48-50%"} <= set(urban["value_a"]) | set(urban["value_b"])


# ------------------------------------------------------------------ check 2

def test_check_share_sums(rows):
    share = dict(period_start=2025, period_end=2025)
    data = rows(dict(indicator="agriculture_share", low=6, **share),
                dict(indicator="industry_construction_share", low=66, **share),
                dict(indicator="services_share", low=28, **share),
                dict(indicator="services_share", low=28, **share),  # repeated row: once
                dict(indicator="agriculture_share", low=3.6, source_id="b"),
                dict(indicator="industry_construction_share", low=64.1, source_id="b"),
                dict(indicator="services_share", low=33, source_id="b"),
                dict(indicator="industry_construction_share", low=70, source_id="c"),
                dict(indicator="agriculture_share", low=1, source_id="d"),
                dict(indicator="agriculture_share", low=2, source_id="d"))
    out = consistency.check_share_sums(data).set_index(["source_id", "year"])
    assert out.loc[("src-a", 2025), "status"] == "ok"
    assert out.loc[("b", 2030), "status"] == "off"
    assert out.loc[("b", 2030), "total"] == pytest.approx(100.7)
    assert out.loc[("c", 2030), "status"] == "incomplete"
    assert out.loc[("d", 2030), "status"] == "ambiguous"
    text = findings.describe_share_sums(out.reset_index(), lang="en")
    assert "**2** set(s) do not add up" in text and "100.7" in text


def test_share_sum_tolerance(rows):
    data = rows(dict(indicator="agriculture_share", low=10),
                dict(indicator="industry_construction_share", low=60),
                dict(indicator="services_share", low=30.1))
    assert consistency.check_share_sums(data)["status"].iloc[0] == "ok"
    assert consistency.check_share_sums(data, tolerance=0.05)["status"].iloc[0] == "off"


# ------------------------------------------------------------------ check 3

@pytest.fixture
def bac_giang(rows):
    """``bac_giang(*extra)``: Bắc Giang's output-value and growth targets, then ``extra``."""
    bg = dict(region="Bắc Giang", territory="Bắc Giang (before 2025)")

    def build(*extra):
        return rows(dict(indicator="industrial_output_value", unit="VND", low=652153e9,
                         value_raw="652.153 tỷ đồng", period_start=2025, period_end=2025, **bg),
                    dict(indicator="industrial_output_value", unit="VND", low=2200000e9,
                         value_raw="2.200.000 tỷ đồng", **bg),
                    dict(indicator="industry_grdp_growth", low=19, value_raw="19%/năm",
                         measure="period_average_growth", period_start=2021, **bg),
                    *extra)
    return build


def test_implied_vs_stated_flags_bac_giang(bac_giang):
    out = consistency.implied_vs_stated(bac_giang())
    row = out.iloc[0]
    assert row["implied_pct"] == pytest.approx(27.53, abs=0.01)
    assert row["stated_raw"] == "19%/năm"
    assert (row["stated_start"], row["stated_end"]) == (2021, 2030)
    assert row["difference_pp"] == pytest.approx(8.53, abs=0.01) and row["flagged"]
    assert not consistency.implied_vs_stated(bac_giang(), threshold=10)["flagged"].any()
    text = findings.describe_implied_vs_stated(out, lang="vi")
    assert "27,5 %/năm" in text and "19%/năm" in text and "vượt ngưỡng" in text
    assert text.startswith("Tăng trưởng ngầm định") and "(ngưỡng 2 điểm %)" in text


def test_implied_vs_stated_ranges_and_uncovered_periods(bac_giang):
    bg = dict(region="Bắc Giang", territory="Bắc Giang (before 2025)")
    data = bac_giang(dict(indicator="industrial_output_growth", low=25, high=30,
                          qualifier="range", measure="period_average_growth",
                          period_start=2026, **bg),
                     dict(indicator="industrial_output_growth", low=5,
                          measure="period_average_growth", period_start=2021,
                          period_end=2025, **bg))  # does not cover 2025→2030
    out = consistency.implied_vs_stated(data)
    inside = out[out["stated_low"] == 25].iloc[0]
    assert inside["difference_pp"] == 0 and not inside["flagged"]
    assert len(out) == 2
    no_stated = consistency.implied_vs_stated(data, pairs={"industrial_output_value": ()})
    assert no_stated["stated_raw"].tolist() == [""] and not no_stated["flagged"].any()


# ------------------------------------------------------------------ table, counts, filter

def test_figures_table_and_filters(bac_giang):
    data = bac_giang(dict(kind="actual", low=63.67, period_start=2021, period_end=2021))
    listed = consistency.figures_list(data, regions=["Bắc Giang"], kinds=["target"])
    assert {"value_raw", "low", "high", "unit", "source_id", "source_locator"} <= set(listed)
    table = findings.figures_table(listed, lang="en")
    assert len(table) == 3 and set(table["Period"]) == {"2025", "2030", "2021–2030"}
    assert set(findings.figures_table(listed, lang="vi")["Loại"]) == {"mục tiêu"}
    counts = consistency.count_figures(data, region_map=load_region_map())
    assert counts["figures"].sum() == 4
    assert "**4**" in findings.describe_figures(counts, lang="vi")
    with pytest.raises(ValueError, match="valid choices: Bắc Giang, Hưng Yên"):
        consistency.filter_figures(data, regions=["Hà Nội"])


def test_consistency_counts_keeps_every_outcome(bac_giang):
    data = bac_giang()
    out = consistency.consistency_counts(consistency.find_conflicts(data),
                                         consistency.check_share_sums(data),
                                         consistency.implied_vs_stated(data))
    as_dict = {(r.check, r.outcome): r.count for r in out.itertuples()}
    assert as_dict[("implied", "flagged")] == 1 and as_dict[("sources", "conflict")] == 0
    assert len(out) == 7


# ------------------------------------------------------------------ plots and the view

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_plots(lang, bac_giang):
    import matplotlib.pyplot as plt

    from hy_analysis.charts.consistency import (plot_consistency, plot_figure_counts,
                                                plot_implied_vs_stated)

    data = bac_giang()
    ax = plot_figure_counts(consistency.count_figures(data,
                                                      region_map=load_region_map()), lang=lang)
    assert ax.get_title() and ax.get_xlabel()
    ax = plot_implied_vs_stated(consistency.implied_vs_stated(data), lang=lang)
    labels = [t.get_text() for t in ax.texts]
    assert any(("27,5" if lang == "vi" else "27.5") in t for t in labels)
    ax = plot_consistency(consistency.consistency_counts(
        consistency.find_conflicts(data), consistency.check_share_sums(data),
        consistency.implied_vs_stated(data)), lang=lang)
    assert len(ax.patches) == 7
    ax = plot_figure_counts(consistency.count_figures(data,
                                                      region_map=load_region_map(),
                                                      kinds=[]), lang=lang)
    assert ax.texts  # the "no figures" message
    plt.close("all")


def test_render_overview_view_filters(monkeypatch, bac_giang):
    from hy_analysis import display
    from hy_analysis.sections import overview as overview_section

    shown, drawn = [], []
    monkeypatch.setattr(display, "show_markdown", shown.append)
    monkeypatch.setattr(display, "show_table", lambda frame, **kw: shown.append(frame))
    monkeypatch.setattr(display, "show_chart", lambda chart: None)
    monkeypatch.setattr(overview_section.charts, "plot_figure_counts",
                        lambda c, **kw: drawn.append(c))
    data = bac_giang(dict(kind="actual", low=63.67, period_start=2021, period_end=2021))
    views.render_overview_view(dict(regions=["Hưng Yên"], kinds=["actual"], lang="en"),
                               region_map=load_region_map(),
                               targets=data, sources=pd.DataFrame())
    assert drawn[0]["region"].tolist() == ["Hưng Yên"]
    table = [s for s in shown if isinstance(s, pd.DataFrame)][0]  # section 1: the figures
    assert table["Region"].tolist() == ["Hưng Yên"] and table["Kind"].tolist() == ["actual"]


# --------------------------------------------------------------------------- across the merger

def _real_hung_yen():
    from hy_analysis import load_targets

    data = load_targets()
    region_map = load_region_map()
    return data, next(t for t in region_map.merged_territories
                      if region_map.territories[t] == "Hưng Yên")


def test_old_and_merged_targets_are_a_revision_never_a_conflict():
    data, merged = _real_hung_yen()
    rate = data[(data["indicator"] == "urbanisation_rate") & (data["period_end"] == 2030)
                & (data["kind"] == "target")]
    assert merged in set(rate["territory"]) and rate["territory"].nunique() == 2
    conflicts = consistency.find_conflicts(rate)
    assert not (conflicts["status"] == "conflict").any()
    revisions = consistency.revised_with_merger(rate, region_map=load_region_map())
    pair = revisions[(revisions["value_before"] == "Trên 58%")]
    assert pair["value_after"].tolist() == ["khoảng 50%"]
    assert pair["territory_after"].tolist() == [merged]
    assert pair["change"].tolist() == [-8.0]
    for lang, words in (("vi", "mục tiêu điều chỉnh cùng với sáp nhập"),
                        ("en", "targets revised with the merger")):
        text = findings.describe_revised_with_merger(revisions, lang=lang)
        assert words in text and "Trên 58%" in text and "khoảng 50%" in text
        assert ("mâu thuẫn**" if lang == "vi" else "conflicts**") in text  # "not conflicts"
    table = findings.revised_with_merger_table(revisions, lang="en")
    assert "Target after the merger" in table.columns
    assert "−8 pp" in set(table["Change (low bound)"])


def test_revision_pairs_only_the_merged_territory_with_earlier_ones(bac_giang):
    data = bac_giang(dict(indicator="exports", low=8.0, value_raw="8"),
                     dict(indicator="exports", low=9.0, value_raw="9"))
    # one territory: not a revision
    assert consistency.revised_with_merger(data, region_map=load_region_map()).empty


def test_implied_totals_of_the_june_2024_fdi_snapshot_are_inconsistent():
    data, _ = _real_hung_yen()
    totals = consistency.implied_totals(data)
    snapshot = totals[totals["as_of"].astype(str) == "2024-06-20"].set_index("breakdown")
    assert snapshot.loc["Japan", "implied"] == pytest.approx(7.45e9)
    assert snapshot.loc["China", "implied"] == pytest.approx(7.09e9)
    assert not snapshot["consistent"].any()
    assert snapshot["stated_low"].tolist() == [7.5e9, 7.5e9]
    assert snapshot.loc["China", "gap"] == pytest.approx(0.41e9)
    vi = findings.describe_implied_totals(snapshot.reset_index(), lang="vi")
    en = findings.describe_implied_totals(snapshot.reset_index(), lang="en")
    assert "7,45 tỷ USD" in vi and "không khớp" in vi and "Nhật Bản" in vi
    assert "7.09 bn USD" in en and "inconsistent" in en and "0.41 bn USD lower" in en
    table = findings.implied_totals_table(snapshot.reset_index(), lang="vi")
    assert table["Tổng suy ra"].tolist() == ["7,45 tỷ USD", "7,09 tỷ USD"]


def test_an_implied_total_within_the_stated_one_is_consistent(bac_giang):
    data = bac_giang(
        dict(id="t", indicator="fdi_capital", unit="USD", kind="actual", low=7.5e9,
             high=float("nan"), qualifier="above", value_raw="over 7,5 bn USD"),
        dict(id="i", indicator="fdi_capital_implied_total", unit="USD", kind="actual",
             low=7.6e9, high=7.6e9, qualifier="about", breakdown="Japan",
             value_raw="khoảng 7,6 tỷ USD"))
    (row,) = consistency.implied_totals(data).itertuples()
    assert row.consistent and row.gap == 0.0 and row.id_stated == "t"


def test_conflict_lines_name_the_kind_in_the_readers_language(rows):
    data = rows(dict(low=70.0, qualifier="about", value_raw="khoảng 70%"),
                dict(low=64.1, value_raw="64,1%", source_id="other"))
    conflicts = consistency.find_conflicts(data)
    vi = findings.describe_conflicts(conflicts, lang="vi")
    assert "(mục tiêu)" in vi and "(target)" not in vi
    assert "(target)" in findings.describe_conflicts(conflicts, lang="en")


def test_levels_vs_stated_growth_flags_a_source_that_contradicts_itself(rows):
    level = dict(kind="actual", indicator="grdp_constant_prices", unit="VND", measure="level")
    frame = rows(dict(low=57_112e9, period_start=2021, period_end=2021, source_id="a", **level),
                 dict(low=63_000e9, period_start=2022, period_end=2022, source_id="b", **level),
                 dict(kind="actual", low=9.52, indicator="grdp_growth", measure="annual_growth",
                      period_start=2022, period_end=2022, source_id="b"),
                 dict(kind="actual", low=9, high=None, qualifier="above",
                      indicator="grdp_growth", measure="annual_growth", period_start=2022,
                      period_end=2022, source_id="c"))
    found = consistency.levels_vs_growth(frame).set_index("stated")
    # 63.000 / 57.112 = 1.103096: +10.31 %, 0.79 pp above the stated 9.52 %
    own = found.loc[9.52]
    assert own["implied"] == pytest.approx(10.3096, abs=1e-3)
    assert own["difference"] == pytest.approx(0.7896, abs=1e-3)
    assert not own["consistent"] and own["same_source"]
    # "hơn 9%" allows 10.31 %
    assert found.loc[9.0, "consistent"] and found.loc[9.0, "difference"] == 0
    text = findings.describe_levels_vs_growth(found.reset_index(), lang="en")
    assert "10.31 %" in text and "0.79 pp" in text and "one source states both" in text


def test_levels_vs_growth_on_our_data_shows_thai_binh():
    from hy_analysis.loading import load_targets

    found = consistency.levels_vs_growth(load_targets())
    tb = found[found["territory"].str.startswith("Thái Bình")
               & (found["indicator"] == "grdp_growth") & ~found["consistent"]]
    # 2022: 63.000 / 57.112 = +10,31 % vs 9,52 %; 2024: 71.326 / 67.948 = +4,97 % vs 7,01 %
    assert {2022, 2024} <= set(tb["year"])
    y2024 = tb[(tb["year"] == 2024) & (tb["raw"] == "71.326 tỷ đồng")]
    assert y2024["implied"].iloc[0] == pytest.approx(4.9714, abs=1e-3)


def test_figure_counts_narrow_segments_labelled_after_the_bar():
    # issue 20: Đông Hưng's 1 target and 4 actuals were labelled inside their bars, "14"
    from hy_analysis.charts.consistency import plot_figure_counts

    counts = pd.DataFrame({"region": ["Hưng Yên", "Hưng Yên", "Đông Hưng", "Đông Hưng"],
                           "territory": ["a", "a", "b", "b"],
                           "kind": ["target", "actual", "target", "actual"],
                           "figures": [60, 81, 1, 4], "merged": [False] * 4})
    ax = plot_figure_counts(counts, lang="vi")
    texts = [t.get_text() for t in ax.texts]
    inside = [t.get_text() for t in ax.texts if t.get_text() in ("1", "4")]
    assert "1 + 4" in texts and not inside, texts
    assert "60" in texts and "81" in texts
    matplotlib.pyplot.close(ax.figure)


@pytest.mark.parametrize("lang, quoted, versus", [
    ("vi", "6.800 USD (nguyên văn: 6,800 USD)", "so với"),
    ("en", "6,800 USD", "vs")])
def test_conflicts_name_their_sources_and_write_figures_in_the_readers_format(
        rows, lang, quoted, versus):
    """The text and the table name each source as every table does, never by its id, and
    a figure quoted from an English source reads in a Vietnamese reader's format."""
    data = rows(dict(indicator="grdp_per_capita", unit="USD", low=6800, value_raw="6,800 USD",
                     source_id="vir-1"),
                dict(indicator="grdp_per_capita", unit="USD", low=5000, value_raw="5.000 USD",
                     source_id="kh-87"))
    sources = pd.DataFrame({"id": ["vir-1", "kh-87"], "doc_number": ["", "87/KH-UBND"],
                            "issuer": ["Vietnam Investment Review (VIR)", "UBND tỉnh X"],
                            "date": ["2024-01-01", "2023-05-23"], "language": ["en", "vi"]})
    conflicts = consistency.find_conflicts(data)
    text = findings.describe_conflicts(conflicts, sources=sources, lang=lang)
    assert "Vietnam Investment Review" in text and "87/KH-UBND" in text
    assert "vir-1" not in text and "kh-87" not in text
    assert quoted in text and f" {versus} " in text
    table = findings.conflicts_table(conflicts, sources=sources, lang=lang)
    cells = " ".join(table.astype(str).to_numpy().ravel())
    assert "Vietnam Investment Review" in cells and "vir-1" not in cells and quoted in cells


def test_share_sums_name_their_sources_like_every_table(rows):
    """The text and the table of the overview's other checks name sources too, not ids."""
    data = rows(dict(indicator="agriculture_share", low=6, source_id="kh-87"),
                dict(indicator="industry_construction_share", low=66, source_id="kh-87"),
                dict(indicator="services_share", low=28, source_id="kh-87"))
    sources = pd.DataFrame({"id": ["kh-87"], "doc_number": ["87/KH-UBND"],
                            "issuer": ["UBND tỉnh X"], "date": ["2023-05-23"],
                            "language": ["vi"]})
    shares = consistency.check_share_sums(data)
    text = findings.describe_share_sums(shares, sources=sources, lang="vi")
    table = findings.share_sums_table(shares, sources=sources, lang="vi")
    assert "87/KH-UBND" in text and "kh-87" not in text
    assert table["Nguồn"].tolist() == ["87/KH-UBND"]


def test_share_sums_say_the_kind_in_the_readers_language(rows):
    """The vi overview wrote "Hưng Yên 2030 target (...)" (audit21f)."""
    data = rows(dict(indicator="agriculture_share", low=6, source_id="kh-87"),
                dict(indicator="industry_construction_share", low=66, source_id="kh-87"),
                dict(indicator="services_share", low=28, source_id="kh-87"))
    shares = consistency.check_share_sums(data)
    vi = findings.describe_share_sums(shares, lang="vi")
    en = findings.describe_share_sums(shares, lang="en")
    assert " mục tiêu " in vi and " target " not in vi
    assert " target " in en


def test_a_money_gap_is_written_in_billions_with_the_readers_unit_word(rows):
    """The vi overview said "chênh 2.150.000.000.000,00 VND"."""
    data = rows(dict(indicator="grdp", unit="VND", low=1.0e14, value_raw="100.000 tỷ đồng"),
                dict(indicator="grdp", unit="VND", low=1.0215e14, value_raw="102.150 tỷ đồng",
                     source_id="other"))
    text = findings.describe_conflicts(consistency.find_conflicts(data), lang="vi")
    assert "chênh 2.150 tỷ đồng" in text and ",00" not in text


# ------------------------------------------------------------------ found once, selected per state

#: Selections of the bundled data (regions, kinds): every region alone or with others, each
#: kind, and selections with no figure at all.
SELECTIONS = [(None, None), ([], None), (["Hưng Yên"], None), (["Bắc Giang"], ["target"]),
              (["Bắc Ninh", "Đông Hưng"], ["actual"]), (["Thái Bình", "Bắc Giang"], None),
              (None, ["actual"]), (["Hưng Yên", "Bắc Ninh"], ["target", "actual"]),
              (["Đông Hưng"], []), (None, ["target"]), (["Hưng Yên"], ["actual"])]

#: The overview's checks whose findings each read rows of one region and kind.
ROW_LOCAL = {
    "count_figures": (lambda data, region_map: consistency.count_figures(
        data, region_map=region_map)),
    "find_conflicts": lambda data, region_map: consistency.find_conflicts(data),
    "implied_totals": lambda data, region_map: consistency.implied_totals(data),
    "revised_with_merger": (lambda data, region_map: consistency.revised_with_merger(
        data, region_map=region_map)),
}


@pytest.mark.parametrize("check", sorted(ROW_LOCAL))
def test_a_selections_findings_are_its_rows_of_every_finding(check, region_map):
    """What lets the overview's panel find once for all its states: a check of the selected
    figures finds exactly the selected rows of the check of every figure."""
    from hy_analysis.loading import load_targets

    data = load_targets()
    run = ROW_LOCAL[check]
    every = run(data, region_map)
    found_some = 0
    for regions, kinds in SELECTIONS:
        alone = run(consistency.filter_figures(data, regions=regions, kinds=kinds), region_map)
        if check == "revised_with_merger":  # targets only, no kind column
            kinds = None if kinds is None or "target" in kinds else []
            regions = [] if kinds == [] else regions
            kinds = None
        kept = every[consistency.in_selection(every, regions=regions, kinds=kinds)] \
            .reset_index(drop=True)
        if alone.empty:
            assert kept.empty, (regions, kinds)
            continue
        found_some += 1
        pd.testing.assert_frame_equal(kept, alone)
    assert found_some >= 2  # the comparison compared something


@pytest.mark.parametrize("section, check", [
    ("conflicts", "find_conflicts"), ("revisions", "revised_with_merger"),
    ("implied_totals", "implied_totals")])
def test_overview_sections_show_each_selection_as_its_check_would(section, check,
                                                                  monkeypatch, region_map):
    """Found, written and tabled once for every state of a shared panel, each selection's
    text and table are those written from the check of its figures (and an empty table's
    columns keep the types they were written with: a live table aligns them by type)."""
    from hy_analysis import display
    from hy_analysis.loading import load_sources, load_targets
    from hy_analysis.sections import overview, shared_work

    data, sources = load_targets(), load_sources()
    names = {"conflicts": "conflicts", "revisions": "revised_with_merger",
             "implied_totals": "implied_totals"}[section]
    describe = getattr(findings, f"describe_{names}")
    table = getattr(findings, f"{names}_table")
    shown = []
    monkeypatch.setattr(display, "show_markdown", shown.append)
    monkeypatch.setattr(display, "show_table", lambda frame, **kw: shown.append(frame))
    options = dict(region_map=region_map) if section == "revisions" else {}
    with shared_work():
        for lang in ("vi", "en"):
            for regions, kinds in SELECTIONS:
                shown.clear()
                getattr(overview, section)(data, regions=regions, kinds=kinds, sources=sources,
                                           lang=lang, **options)
                found = ROW_LOCAL[check](
                    consistency.filter_figures(data, regions=regions, kinds=kinds), region_map)
                text, frame = shown
                assert text == describe(found, sources=sources, lang=lang), (regions, kinds)
                expected = table(found, sources=sources, lang=lang)
                pd.testing.assert_frame_equal(frame, expected, check_dtype=section != "conflicts"
                                              or not found.empty)


def test_revisions_quote_each_figure_in_the_readers_number_format():
    """An English source's "over 6,800 USD" read as six point eight in a vi table of targets
    revised at the merger; the figures table already rewrote it."""
    from hy_analysis import load_sources, load_targets
    from hy_analysis.analysis.consistency import revised_with_merger
    from hy_analysis.findings.consistency import revised_with_merger_table
    from hy_analysis.loading import load_region_map

    found = revised_with_merger(load_targets(), region_map=load_region_map())
    english = [v for v in found["value_after"] if "6,800" in v]
    assert english, "the data's English revision is gone: pick another example"
    cells = " ".join(revised_with_merger_table(found, sources=load_sources(), lang="vi")
                     .astype(str).to_numpy().ravel())
    assert "hơn 6.800 USD (nguyên văn: over 6,800 USD)" in cells
    assert "over 6,800 USD (" not in cells.replace("nguyên văn: over 6,800 USD", "")
