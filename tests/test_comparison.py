"""Merged provinces side by side: analysis, findings, chart, parameters, panel, notebook.

The analysis is checked on small frames with hand-worked numbers (the arithmetic is in the
comments); the notebook test runs the notebook on the committed data.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from hy_analysis.analysis import comparison
from hy_analysis.findings import comparison as findings
from hy_analysis.territories import RegionMap

P = ["Hưng Yên", "Bắc Ninh"]
HY_OLD, TB = "Hưng Yên (before 2025-07-01)", "Thái Bình (before 2025-07-01)"
HY = "Hưng Yên (merged, from 2025-07-01)"
BG, BN_OLD = "Bắc Giang (before 2025-07-01)", "Bắc Ninh (before 2025-07-01)"
BN = "Bắc Ninh (merged, from 2025-07-01)"


def _region_map(*, with_bac_ninh: bool = True) -> RegionMap:
    rows = [
        ("Hưng Yên", HY_OLD, "province", "Hưng Yên", "Hưng Yên"),
        ("Hưng Yên", HY, "province", "Hưng Yên; Thái Bình", "Hưng Yên"),
        ("Thái Bình", TB, "province", "Thái Bình", "Hưng Yên"),
        ("Bắc Giang", BG, "province", "Bắc Giang", "Bắc Ninh"),
    ]
    if with_bac_ninh:
        rows += [("Bắc Ninh", BN_OLD, "province", "Bắc Ninh", "Bắc Ninh"),
                 ("Bắc Ninh", BN, "province", "Bắc Giang; Bắc Ninh", "Bắc Ninh")]
    return RegionMap(pd.DataFrame(rows, columns=["region", "territory", "level",
                                                 "province_before_2025",
                                                 "province_after_2025"]))


@pytest.fixture
def figures(target_rows):
    """Two merged provinces: plan targets, 2025 results, and figures that must be left out."""
    hy = dict(region="Hưng Yên", territory=HY)
    bn = dict(region="Bắc Ninh", territory=BN)
    usd = dict(unit="USD", indicator="grdp_per_capita", indicator_en="GRDP per capita",
               indicator_vi="GRDP bình quân đầu người")
    growth = dict(indicator="grdp_growth", indicator_en="GRDP growth",
                  indicator_vi="Tốc độ tăng trưởng GRDP")
    return target_rows(
        # Hưng Yên: a range growth target in two documents (one row), a level target, a share.
        dict(**hy, **growth, measure="period_average_growth", period_start=2026,
             period_end=2030, low=10.0, high=11.0, value_raw="10-11%/năm", source_id="a"),
        dict(**hy, **growth, measure="period_average_growth", period_start=2026,
             period_end=2030, low=10.0, high=11.0, value_raw="10–11% annually", source_id="b"),
        dict(**hy, **usd, period_start=2030, period_end=2030, low=6000.0,
             value_raw="6.000 USD"),
        dict(**hy, indicator="urbanisation_rate", indicator_en="Urbanisation rate",
             period_start=2030, period_end=2030, low=50.0),
        # Its 2025 results: per capita stated, growth 2021–2025, urbanisation 46 %.
        dict(**hy, **usd, kind="actual", period_start=2025, period_end=2025, low=4000.0,
             value_raw="4.000 USD", note="estimate: ước"),
        dict(**hy, **growth, kind="actual", measure="period_average_growth",
             period_start=2021, period_end=2025, low=9.0),
        dict(**hy, indicator="urbanisation_rate", indicator_en="Urbanisation rate",
             kind="actual", period_start=2025, period_end=2025, low=45.8),
        # Not plan targets: a 2026 annual target, and the old province's 2030 target.
        dict(**hy, **growth, measure="annual_growth", period_start=2026, period_end=2026,
             low=10.0),
        dict(region="Hưng Yên", territory=HY_OLD, **usd, period_start=2030, period_end=2030,
             low=9999.0),
        # Bắc Ninh: a level target below its base, a total, a target with no base figure.
        dict(**bn, indicator="state_budget_revenue", indicator_en="State budget revenue",
             unit="VND", period_start=2030, period_end=2030, low=3000.0, value_raw="3.000"),
        dict(**bn, indicator="state_budget_revenue", indicator_en="State budget revenue",
             unit="VND", kind="actual", period_start=2025, period_end=2025, low=4000.0,
             value_raw="4.000"),
        dict(**bn, indicator="state_budget_revenue", indicator_en="State budget revenue",
             unit="VND", measure="period_total", period_start=2026, period_end=2030,
             low=20000.0, value_raw="20.000"),
        dict(**bn, **usd, period_start=2030, period_end=2030, low=9000.0,
             value_raw="9.000 USD"),
        # Bắc Ninh per capita 2025: only the former provinces', never used for the merged one.
        dict(region="Bắc Giang", territory=BG, **usd, kind="actual", period_start=2025,
             period_end=2025, low=3000.0),
        # Exports 2025: both former provinces state it, the merged one does not -> a sum.
        dict(region="Bắc Giang", territory=BG, indicator="exports", unit="USD",
             kind="actual", period_start=2025, period_end=2025, low=4000.0, source_id="bg"),
        dict(region="Bắc Ninh", territory=BN_OLD, indicator="exports", unit="USD",
             kind="actual", period_start=2025, period_end=2025, low=2000.0, source_id="bn"),
        dict(**bn, indicator="exports", unit="USD", period_start=2030, period_end=2030,
             low=9000.0, value_raw="9.000 USD"),
    )


# ------------------------------------------------------------------ territories

def test_each_province_gets_its_merged_territory_and_parts():
    found = comparison.province_territories(_region_map(), P)
    assert list(found["territory"]) == [HY, BN]
    assert found["parts"].iloc[0] == (HY_OLD, TB)
    assert found["parts"].iloc[1] == (BG, BN_OLD)


def test_a_province_without_a_merged_territory_says_what_is_known():
    found = comparison.province_territories(_region_map(with_bac_ninh=False), P)
    assert list(found["territory"]) == [HY, ""]
    assert found["known_parts"].iloc[1] == (BG,)
    text = findings.describe_territories(found, lang="en")
    assert "**Bắc Ninh**: the dataset has **no merged-province territory**" in text
    assert "*Bắc Giang (before 2025-07-01)*" in text and "not used in place" in text


# ------------------------------------------------------------------ targets and base year

def test_plan_targets_are_the_merged_provinces_targets_ending_in_2030(figures):
    found = comparison.plan_targets(figures, region_map=_region_map(), provinces=P)
    assert (found["territory"] != HY_OLD).all()  # the old province's 9999 USD is left out
    assert 9999.0 not in set(found["low"])
    assert "annual_growth" not in set(found["measure"])  # the 2026 yearly target too
    growth = found[found["indicator"] == "grdp_growth"]
    assert len(growth) == 1 and growth["source_id"].iloc[0] == "a; b"  # same figure, 2 sources
    assert list(found["province"]) == ["Hưng Yên"] * 3 + ["Bắc Ninh"] * 4


def test_base_figures_never_take_a_former_provinces_figure_for_the_merged_one(figures):
    base = comparison.base_figures(figures, region_map=_region_map(), provinces=P)
    bn = base[base["province"] == "Bắc Ninh"]
    # Bắc Giang's 3000 USD per capita alone is not the merged Bắc Ninh's.
    assert "grdp_per_capita" not in set(bn["indicator"])
    # Exports: 4000 (Bắc Giang) + 2000 (old Bắc Ninh) = 6000, marked derived, both sources.
    exports = bn[bn["indicator"] == "exports"].iloc[0]
    assert exports["value"] == 6000.0 and exports["derived"]
    assert set(exports["source_id"].split("; ")) == {"bg", "bn"}
    hy = base[(base["province"] == "Hưng Yên") & (base["indicator"] == "grdp_per_capita")]
    assert hy["estimate"].iloc[0] and not hy["derived"].iloc[0]


def test_a_stated_firm_figure_goes_before_an_estimate_and_the_other_is_listed(target_rows):
    rows = target_rows(
        dict(territory=HY, indicator="grdp_per_capita", unit="USD", kind="actual",
             period_start=2025, period_end=2025, low=4100.0, value_raw="4.100 USD",
             note="estimate: ước", id="early"),
        dict(territory=HY, indicator="grdp_per_capita", unit="USD", kind="actual",
             period_start=2025, period_end=2025, low=4200.0, value_raw="4.200 USD",
             id="late"))
    base = comparison.base_figures(rows, region_map=_region_map(), provinces=["Hưng Yên"])
    assert base["value"].tolist() == [4200.0] and base["others"].tolist() == ["4.100 USD"]



def test_of_firm_stated_figures_the_latest_published_goes_first_and_undated_last(target_rows):
    rows = target_rows(*(
        dict(territory=HY, indicator="grdp_per_capita", unit="USD", kind="actual",
             period_start=2025, period_end=2025, low=low, value_raw=f"{low:g} USD",
             source_date=date, id=ident)
        for low, date, ident in ((4300.0, "", "a"), (4100.0, "2026-01-10", "b"),
                                 (4200.0, "2026-02-01", "c"))))
    base = comparison.base_figures(rows, region_map=_region_map(), provinces=["Hưng Yên"])
    assert base["value"].tolist() == [4200.0] and base["id"].tolist() == ["c"]
    assert base["others"].tolist() == ["4100 USD; 4300 USD"]

# ------------------------------------------------------------------ growth needed

def test_growth_needed_by_each_kind_of_target(figures):
    needed = comparison.needed_growth(figures, region_map=_region_map(), provinces=P)
    by = {(r.province, r.indicator, r.measure): r for r in needed.itertuples()}

    per_capita = by["Hưng Yên", "grdp_per_capita", "level"]
    # 4000 USD (2025) -> 6000 USD (2030): (6000/4000)^(1/5) - 1 = 1.5^0.2 - 1 = 8.447 %/yr.
    assert per_capita.method == "compound" and per_capita.years == 5
    assert per_capita.required_low == pytest.approx(8.447177, abs=1e-5)
    assert per_capita.base_estimate

    growth = by["Hưng Yên", "grdp_growth", "period_average_growth"]
    # No 2026-2030 year reported: the years need the target itself, 10-11 %/yr; achieved
    # 9 %/yr in 2021-2025, so the target asks 10 - 9 = 1 to 11 - 9 = 2 points more.
    assert growth.method == "rate" and growth.base_period == "2021–2025"
    assert (growth.required_low, growth.required_high) == pytest.approx((10.0, 11.0))
    assert (growth.change_low, growth.change_high) == pytest.approx((1.0, 2.0))

    urban = by["Hưng Yên", "urbanisation_rate", "level"]
    # A rate: 50 - 45.8 = 4.2 points, no growth rate.
    assert urban.method == "points" and urban.change_low == pytest.approx(4.2)
    assert math.isnan(urban.required_low)

    budget = by["Bắc Ninh", "state_budget_revenue", "level"]
    # 4000 -> 3000: (0.75)^(1/5) - 1 = -5.591 %/yr, a target below the base.
    assert budget.required_low == pytest.approx(-5.591249, abs=1e-5)
    assert by["Bắc Ninh", "state_budget_revenue", "period_total"].method == "total"
    assert by["Bắc Ninh", "grdp_per_capita", "level"].method == "no_base"

    exports = by["Bắc Ninh", "exports", "level"]
    # From the derived 6000 (4000 + 2000) to 9000: 1.5^0.2 - 1 = 8.447 %/yr, marked derived.
    assert exports.base_derived and exports.required_low == pytest.approx(8.447177, abs=1e-5)


def test_reported_plan_years_lower_or_raise_what_the_rest_need(figures, target_rows):
    more = target_rows(dict(region="Hưng Yên", territory=HY, indicator="grdp_growth",
                            kind="actual", measure="annual_growth", period_start=2026,
                            period_end=2026, low=8.0))
    data = pd.concat([figures, more], ignore_index=True)
    needed = comparison.needed_growth(data, region_map=_region_map(), provinces=["Hưng Yên"])
    growth = needed[needed["indicator"] == "grdp_growth"].iloc[0]
    # 8 % in 2026; the 4 years left need ((1.10^5 / 1.08)^(1/4) - 1) = 10.506 %/yr (low)
    # and ((1.11^5 / 1.08)^(1/4) - 1) = 11.763 %/yr (high).
    assert growth.years_reported == 1
    assert growth.required_low == pytest.approx(10.505760, abs=1e-5)
    assert growth.required_high == pytest.approx(11.762931, abs=1e-5)


def test_a_target_on_another_basis_than_the_base_is_not_comparable(target_rows):
    """A 2030 revenue target of 62.381 tỷ on a narrower aggregate against 82.000 tỷ of total
    revenue in 2025 would read (62381/82000)^(1/5) - 1 = -5,32 %/yr: a fall that is only a
    difference of definitions. It is not comparable, naming both bases, with no rate."""
    revenue = dict(region="Hưng Yên", territory=HY, indicator="state_budget_revenue",
                   indicator_en="State budget revenue", indicator_vi="Tổng thu ngân sách",
                   unit="VND")
    rows = target_rows(
        dict(revenue, period_start=2030, period_end=2030, low=62381e9,
             value_raw="62.381 tỷ đồng", basis="narrower_aggregate"),
        dict(revenue, kind="actual", period_start=2025, period_end=2025, low=82000e9,
             value_raw="hơn 82.000 tỷ đồng", basis=""))
    needed = comparison.needed_growth(rows, region_map=_region_map(), provinces=["Hưng Yên"])
    row = needed.iloc[0]
    assert row["method"] == "not_comparable"
    assert (row["target_basis"], row["base_basis"]) == ("narrower_aggregate", "")
    assert math.isnan(row["required_low"]) and math.isnan(row["change_low"])
    assert row["base_value"] == 82000e9
    text = findings.describe_needed(needed, lang="en")
    assert "not comparable" in text and "narrower aggregate" in text
    assert "standard definition of the indicator" in text and "default" not in text
    assert "%/yr" not in text
    cell = findings.needed_table(needed, provinces=["Hưng Yên"], lang="en").iloc[0, -1]
    assert cell == "not comparable (another definition)"
    assert findings.needed_chart_data(needed, lang="en").empty
    # The same figures on one definition give the rate: (62381/82000)^(1/5) - 1 = -5,322 %.
    same = rows.assign(basis="")
    row = comparison.needed_growth(same, region_map=_region_map(), provinces=["Hưng Yên"])
    assert row["method"].item() == "compound"
    assert row["required_low"].item() == pytest.approx(-5.32230, abs=1e-4)


def test_base_figure_published_before_its_year_ended_is_an_estimate(target_rows):
    # 5.810 USD of October 2025 and 5.852 USD of December 2025, neither marked: both were
    # published before 2025 ended, so both are estimates, and the later one is the base.
    per_capita = dict(territory=BN, region="Bắc Ninh", indicator="grdp_per_capita",
                      unit="USD", kind="actual", period_start=2025, period_end=2025)
    rows = target_rows(dict(per_capita, low=5810.0, value_raw="5.810 USD",
                            source_date="2025-10-02", id="oct"),
                       dict(per_capita, low=5852.0, value_raw="5.852 USD",
                            source_date="2025-12-11", id="dec"))
    base = comparison.base_figures(rows, region_map=_region_map(), provinces=["Bắc Ninh"])
    assert base["value"].tolist() == [5852.0] and base["estimate"].tolist() == [True]
    assert base["others"].tolist() == ["5.810 USD"]


def test_coverage_says_what_each_province_lacks(figures):
    region_map = _region_map()
    targets = comparison.plan_targets(figures, region_map=region_map, provinces=P)
    base = comparison.base_figures(figures, region_map=region_map, provinces=P)
    table = comparison.coverage(targets, base, provinces=P)
    urban = table[(table["indicator"] == "urbanisation_rate") & (table["what"] == "target")]
    assert urban[["Hưng Yên", "Bắc Ninh"]].values.tolist() == [[True, False]]
    text = findings.describe_coverage(table, provinces=P, lang="en")
    lines = text.splitlines()
    assert "- **Bắc Ninh** states no 2026–2030 target for: GRDP growth, Urbanisation rate." \
        in lines
    # Hưng Yên lacks Bắc Ninh's budget (level and total: one indicator) and export targets.
    assert ("- **Hưng Yên** states no 2026–2030 target for: State budget revenue (VND), "
            "exports (USD).") in lines


# ------------------------------------------------------------------ findings

def test_findings_state_the_numbers_in_the_readers_language(figures):
    needed = comparison.needed_growth(figures, region_map=_region_map(), provinces=P)
    en = findings.describe_needed(needed, lang="en")
    vi = findings.describe_needed(needed, lang="vi")
    assert "needs **8.4 %/yr** on average over 5 years" in en
    assert "cần tăng bình quân **8,4 %/năm** trong 5 năm" in vi
    assert "the target is **below** the 2025 level" in en
    assert "computed sum of the former provinces" in en  # the exports base
    assert "**no 2025 figure**" in en
    table = findings.needed_table(needed, provinces=P, lang="vi")
    assert list(table.columns[:5]) == ["Chỉ tiêu", "Đơn vị", "Hưng Yên: mục tiêu",
                                       "Hưng Yên: 2025", "Hưng Yên: cần đạt"]
    row = table[table["Chỉ tiêu"] == "GRDP bình quân đầu người"].iloc[0]
    assert row["Hưng Yên: cần đạt"] == "8,4 %/năm" and row["Bắc Ninh: cần đạt"] == "thiếu số gốc"


def test_figures_quoted_from_an_english_source_read_in_the_readers_format(figures):
    # "10.5-12.5%/year", "8,500 USD" from English pages read as 8,5 USD to a Vietnamese reader
    sources = pd.DataFrame({"id": ["a", "b"], "language": ["vi", "en"], "issuer": ["A", "B"],
                            "doc_number": ["", ""], "date": ["2025", "2025"]})
    english = figures.assign(value_raw=figures["value_raw"].replace(
        {"6.000 USD": "6,000 USD", "9.000 USD": "9,000 USD"}),
        source_id=figures["source_id"].where(figures["value_raw"] != "6.000 USD", "b"))
    english.loc[english["value_raw"] == "9,000 USD", "source_id"] = "b"
    found = comparison.plan_targets(english, region_map=_region_map(), provinces=P)
    table = findings.targets_table(found, sources=sources, lang="vi")
    cells = set(table["Mục tiêu (nguyên văn)"])
    assert "6.000 USD (nguyên văn: 6,000 USD)" in cells and "10-11%/năm" in cells
    text = findings.describe_targets(found, provinces=P, sources=sources, lang="vi")
    assert "6.000 USD (nguyên văn: 6,000 USD)" in text and "9.000 USD (nguyên văn" in text
    needed = comparison.needed_growth(english, region_map=_region_map(), provinces=P)
    side = findings.needed_table(needed, provinces=P, sources=sources, lang="vi")
    assert side["Bắc Ninh: mục tiêu"].str.contains("9.000 USD (nguyên văn: 9,000 USD)",
                                                  regex=False).any()
    lines = findings.describe_needed(needed, sources=sources, lang="vi")
    assert "6.000 USD (nguyên văn: 6,000 USD)" in lines
    # an English reader reads the English source as written
    assert "6,000 USD" in set(findings.targets_table(found, sources=sources, lang="en")["Target (as written)"])


def test_results_table_marks_computed_sums_and_estimates(figures):
    base = comparison.base_figures(figures, region_map=_region_map(), provinces=P)
    table = findings.results_table(base, lang="en")
    exports = table[table["Indicator"] == ""].index  # indicator_en empty in the fixture
    assert set(table.loc[exports, "Computed sum"]) == {"yes"}
    assert "(computed)" in set(table["Figure (as written)"])


# ------------------------------------------------------------------ chart

def test_chart_draws_a_bar_per_range_and_labels_the_unit(figures):
    import matplotlib.pyplot as plt

    needed = comparison.needed_growth(figures, region_map=_region_map(), provinces=P)
    data = findings.needed_chart_data(needed, lang="vi")
    from hy_analysis.charts.comparison import plot_needed_growth

    ax = plot_needed_growth(data, lang="vi")
    assert ax.get_xlabel() == "Tăng trưởng bình quân cần đạt (%/năm)"
    assert "Tăng trưởng bình quân" in ax.get_title() and "2026–2030" in ax.get_title()
    labels = [t.get_text() for t in ax.texts]
    assert "10,0–11,0 %/năm" in labels and "8,4 %/năm" in labels
    assert len(ax.patches) == 1  # one range target (10-11 %/yr); the rest are points
    plt.close(ax.figure)
    empty = plot_needed_growth(data.iloc[0:0], lang="en")
    assert "No target" in empty.texts[0].get_text()
    plt.close(empty.figure)


# ------------------------------------------------------------------ parameters and panel

def test_provinces_are_the_provinces_after_the_merger(tmp_path):
    from hy_analysis.exceptions import ParameterError
    from hy_analysis.params import province_choices, validate_params

    import shutil

    from hy_analysis.paths import data_dir

    # A data folder whose regions with figures are Hưng Yên, Thái Bình and Bắc Giang: the
    # provinces after the merger are Hưng Yên and Bắc Ninh (Bắc Giang's successor).
    shutil.copy(data_dir() / "provinces.csv", tmp_path / "provinces.csv")
    (tmp_path / "regions.csv").write_text("region,level,part_of,note\nHưng Yên,province,,\n"
                                          "Thái Bình,province,,\nBắc Giang,province,,\n",
                                          encoding="utf-8")
    assert province_choices(data_dir=tmp_path) == ("Hưng Yên", "Bắc Ninh")
    assert validate_params("provinces_compared")["provinces"] == P
    with pytest.raises(ParameterError, match="expected at least one province"):
        validate_params("provinces_compared", {"provinces": []})
    with pytest.raises(ParameterError, match="valid choices: .*Hưng Yên"):
        validate_params("provinces_compared", {"provinces": ["Hà Nội"]})


def test_panel_redraws_with_the_runs_region_map(monkeypatch, figures):
    from hy_analysis import display, views

    shown = []
    monkeypatch.setattr(display, "show_markdown", shown.append)
    monkeypatch.setattr(display, "show_table", lambda frame, **kw: shown.append(frame))
    monkeypatch.setattr(display, "show_chart", lambda ax: shown.append(ax))
    values = {"provinces": ["Bắc Ninh"], "lang": "en"}
    with pytest.raises(TypeError, match="region_map is required"):
        views.render_comparison_view(values, targets=figures)
    views.render_comparison_view(values, targets=figures, region_map=_region_map())
    text = "\n".join(s for s in shown if isinstance(s, str))
    assert "**Bắc Ninh**" in text and "**Hưng Yên**" not in text
    import matplotlib.pyplot as plt

    plt.close("all")


# ------------------------------------------------------------------ the notebook

@pytest.mark.notebook
def test_notebook_runs_on_the_committed_data_and_says_what_is_missing(tmp_path, monkeypatch):
    import nbformat
    import papermill

    from hy_analysis.paths import notebooks_dir

    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline charts
    out = tmp_path / "out.ipynb"
    papermill.execute_notebook(str(notebooks_dir() / "provinces_compared.ipynb"), str(out),
                               kernel_name="python3", parameters={"lang": "en"},
                               cwd=str(tmp_path), progress_bar=False, execution_timeout=300)
    book = nbformat.read(out, as_version=4)
    outputs = [o for c in book.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.data.get("text/markdown", "") for o in outputs if "data" in o)
    # Merged Hưng Yên: 4,200 USD (2025) -> over 6,800 USD (2030): (6800/4200)^(1/5) - 1
    # = 10.12 %/yr.
    assert "over 6,800 USD" in text and "**10.1 %/yr**" in text
    # The Bắc Ninh rows are in (bac-ninh-2025): its targets are compared, not reported missing.
    assert "**Bắc Ninh** states" in text
