"""Unit tests of hy_analysis.fdi on small hand-built frames (and a few on the real data)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from hy_analysis.loading import load_region_map

from hy_analysis.analysis import fdi
from hy_analysis.findings import fdi as findings
from hy_analysis.findings.format import format_as_of
from hy_analysis.vocabulary import OTHER
from hy_analysis.exceptions import ParameterError

OLD = "Hưng Yên (before 2025)"
MERGED = "Hưng Yên (merged, from 2025-07-01)"


def _row(value, *, indicator="fdi_projects", as_of="2024-06-20", breakdown="", source="src-a",
         territory=OLD, region="Hưng Yên", qualifier="exact"):
    return dict(indicator=indicator, region=region, territory=territory, kind="actual",
                as_of=as_of, breakdown=breakdown, source_id=source, value=float(value),
                low=float(value), high=float(value), qualifier=qualifier,
                value_raw=str(value), source_locator="", note="")


def _frame(rows):
    frame = pd.DataFrame(rows)
    for column in ("region", "territory", "indicator", "kind", "qualifier", "source_id"):
        frame[column] = frame[column].astype("category")
    return frame


def _snapshot(total, japan, korea, china, **kw):
    rows = [_row(total, **kw)] if total is not None else []
    for country, value in (("Japan", japan), ("Korea", korea), ("China", china)):
        if value is not None:
            rows.append(_row(value, breakdown=country, **kw))
    return rows


@pytest.fixture
def small():
    """Two old-territory snapshots and one merged one."""
    return _frame(
        _snapshot(100, 40, 30, 20, as_of="2024-01", source="src-a")
        + _snapshot(120, 45, 35, 25, as_of="2024-06-20", source="src-b")
        + _snapshot(300, 60, 70, 110, as_of="2025-08-26", source="src-c", territory=MERGED)
        + [_row(7e9, indicator="fdi_capital", as_of="2024-01", source="src-a",
                qualifier="above"),
           _row(3e9, indicator="fdi_capital", as_of="2024-01", source="src-a",
                breakdown="Japan"),
           _row(16e9, indicator="fdi_capital", as_of="2025-08-26", source="src-c",
                territory=MERGED),
           _row(6e9, indicator="fdi_capital", as_of="2025-08-26", source="src-c",
                territory=MERGED, breakdown="Japan"),
           _row(2e9, indicator="fdi_capital", as_of="2025-08-26", source="src-c",
                territory=MERGED, breakdown="Korea"),
           _row(4e9, indicator="fdi_capital", as_of="2025-08-26", source="src-c",
                territory=MERGED, breakdown="China"),
           _row(37.5, indicator="fdi_capital_share", as_of="2025-08-26", source="src-c",
                territory=MERGED, breakdown="Japan")])


def test_shares_are_of_all_projects(small):
    table = fdi.projects_by_country(small, region_map=load_region_map())
    first = table[table["as_of"] == "2024-01"].set_index("country")
    assert first.loc["Japan", "share"] == pytest.approx(40.0)
    assert first.loc["China", "share"] == pytest.approx(20.0)
    assert first["share"].sum() == pytest.approx(100.0)


def test_other_is_the_derived_remainder(small):
    table = fdi.projects_by_country(small, region_map=load_region_map())
    other = table[table["country"] == OTHER].set_index("as_of")
    assert other.loc["2024-01", "projects"] == 10
    assert other.loc["2024-06-20", "projects"] == 15
    assert other["derived"].all()
    assert not table[table["country"] != OTHER]["derived"].any()


def test_remainder_refused_when_a_country_is_missing():
    frame = _frame(_snapshot(100, 40, 30, None))
    out = fdi.other_countries_remainder(frame, region_map=load_region_map())
    assert np.isnan(out["value"].iloc[0])
    assert "China" in out["reason"].iloc[0]
    assert OTHER not in set(fdi.projects_by_country(frame, region_map=load_region_map())["country"])


def test_remainder_never_mixes_two_sources():
    # Same date: the total from one source, the countries from another.
    frame = _frame(_snapshot(100, None, None, None, source="src-a")
                   + _snapshot(None, 40, 30, 20, source="src-b"))
    out = fdi.other_countries_remainder(frame, region_map=load_region_map())
    assert len(out) == 2
    assert out["value"].isna().all()
    assert set(out["reason"]) == {"no figure for Japan, Korea, China", "no total"}


def test_remainder_refused_for_inexact_figures():
    frame = _frame([_row(7e9, indicator="fdi_capital", qualifier="above")]
                   + [_row(v, indicator="fdi_capital", breakdown=c)
                      for c, v in (("Japan", 3e9), ("Korea", 1e9), ("China", 1e9))])
    out = fdi.other_countries_remainder(frame,
                                        region_map=load_region_map(), indicator="fdi_capital")
    assert np.isnan(out["value"].iloc[0])
    assert out["reason"].iloc[0].startswith("not exact")


def test_remainder_rejects_unknown_indicator(small):
    with pytest.raises(ParameterError, match="fdi_projects, fdi_capital"):
        fdi.other_countries_remainder(small, region_map=load_region_map(), indicator="exports")


def test_include_other_false_and_single_country(small):
    table = fdi.projects_by_country(small,
                                    region_map=load_region_map(),
                                    countries=["Japan"], include_other=False)
    assert set(table["country"]) == {"Japan"}
    assert not table["derived"].any()


def test_snapshots_in_time_order_and_merged_flag():
    frame = _frame(_snapshot(550, 174, None, None, as_of="2024", source="news")
                   + _snapshot(543, 172, None, None, as_of="2024-01", source="web")
                   + _snapshot(578, 176, None, None, as_of="2024-06-20", source="web2")
                   + _snapshot(904, 189, None, None, as_of="2025-08-26", source="web3",
                               territory=MERGED))
    snaps = fdi.fdi_snapshots(frame, region_map=load_region_map())
    assert snaps["total_projects"].tolist() == [543, 550, 578, 904]
    assert snaps["merged"].tolist() == [False, False, False, True]


def test_disagreement_between_overlapping_dates():
    frame = _frame(_snapshot(550, 174, None, None, as_of="2024", source="news")
                   + _snapshot(543, 172, None, None, as_of="2024-01", source="web")
                   + _snapshot(700, None, None, None, as_of="2025-08-26", source="web3",
                               territory=MERGED))
    pairs = fdi.snapshot_disagreements(frame, region_map=load_region_map())
    assert len(pairs) == 1
    pair = pairs.iloc[0]
    assert (pair["projects_a"], pair["projects_b"], pair["difference"]) == (550, 543, 7)
    assert (pair["japan_a"], pair["japan_b"]) == (174, 172)
    text = findings.describe_disagreements(pairs, lang="en")
    assert "550" in text and "543" in text and "7 projects apart" in text


def test_capital_by_country_and_coverage(small):
    capital = fdi.capital_by_country(small, region_map=load_region_map())
    merged = capital[capital["as_of"] == "2025-08-26"].set_index("country")
    assert merged.loc["Japan", "stated_share"] == 37.5
    assert merged.loc["Japan", "computed_share"] == pytest.approx(37.5)
    assert merged.loc[OTHER, "capital"] == pytest.approx(4e9)
    assert merged.loc[OTHER, "derived"]
    # The total of 2024-01 is "over 7 bn": no computed share, no remainder there.
    jan = capital[capital["as_of"] == "2024-01"]
    assert jan["computed_share"].isna().all() and OTHER not in set(jan["country"])
    coverage = fdi.capital_coverage(small,
                                    region_map=load_region_map()).set_index("as_of")["coverage"]
    assert coverage.to_dict() == {"2024-01": "some", "2024-06-20": "none",
                                  "2025-08-26": "all"}
    text = findings.describe_capital(capital, fdi.capital_coverage(small,
        region_map=load_region_map()), lang="en")
    assert "no capital by country" in text
    assert "missing" in text and "2 of 3" in text


def test_region_without_fdi_says_so(small):
    assert fdi.fdi_snapshots(small, region_map=load_region_map(), region="Bắc Giang").empty
    for text in (findings.describe_fdi_totals(fdi.fdi_snapshots(small,
                                                                region_map=load_region_map(),
                                                                region="Bắc Giang"),
                                         region="Bắc Giang", lang="en"),
                 findings.describe_projects_by_country(
                     fdi.projects_by_country(small,
                                             region_map=load_region_map(),
                                             region="Bắc Giang"), region="Bắc Giang",
                     lang="en")):
        assert "No FDI figures for Bắc Giang" in text


def test_describe_follows_lang_number_format():
    frame = _frame(_snapshot(3, 1, 1, None))
    table = fdi.projects_by_country(frame, region_map=load_region_map())
    assert "33,3 %" in findings.describe_projects_by_country(table, lang="vi")
    assert "33.3 %" in findings.describe_projects_by_country(table, lang="en")
    assert "Trung Quốc" in findings.describe_projects_by_country(table, lang="vi")


def test_describe_escapes_data_strings():
    frame = _frame(_snapshot(10, 5, 3, 1, source="<b>*x*</b>"))
    text = findings.describe_projects_by_country(fdi.projects_by_country(frame,
        region_map=load_region_map()), lang="en")
    assert "<b>" not in text and "&lt;b&gt;" in text


def test_bad_lang_names_choices(small):
    with pytest.raises(ParameterError, match="valid choices: vi, en"):
        findings.describe_fdi_totals(fdi.fdi_snapshots(small,
                                                       region_map=load_region_map()), lang="fr")


def test_snapshot_labels():
    assert format_as_of("2024-06-20", lang="vi") == "20/06/2024"
    assert format_as_of("2024-06-20", lang="en") == "20 Jun 2024"
    assert format_as_of("2024-01", lang="en") == "Jan 2024"
    assert format_as_of("2024", lang="vi") == "2024"


def test_key_numbers_of_the_real_data():
    from hy_analysis import load_targets

    targets = load_targets()
    snaps = fdi.fdi_snapshots(targets, region_map=load_region_map(), region="Hưng Yên")
    assert snaps["total_projects"].tolist() == [543, 550, 578, 613, 622, 904]
    assert snaps["merged"].tolist() == [False, False, False, False, False, True]
    other = fdi.other_countries_remainder(targets,
                                          region_map=load_region_map(),
                                          region="Hưng Yên").set_index("as_of")
    assert other.loc["2024", "value"] == 83          # 550 - 174 - 153 - 140
    assert other.loc["2025-08-26", "value"] == 174   # 904 - 189 - 204 - 337
    assert np.isnan(other.loc["2024-01", "value"])   # Korea and China not given
    # the remainder's rows in the snapshots' order, as the chart beside its table
    assert other["snapshot"].tolist() == snaps["snapshot"].tolist()
    pairs = fdi.snapshot_disagreements(targets, region_map=load_region_map(), region="Hưng Yên")
    first = pairs.iloc[0]
    assert (first["projects_a"], first["projects_b"]) == (550, 543)
    coverage = fdi.capital_coverage(targets,
                                    region_map=load_region_map(),
                                    region="Hưng Yên").set_index("as_of")
    assert coverage.loc["2024", "coverage"] == "none"   # the 2024 news document
    assert coverage.loc["2024-06-20", "coverage"] == "all"
    assert coverage.loc["2025-08-26", "coverage"] == "all"


@pytest.mark.parametrize("countries, include_other", [
    (["Japan", "Korea", "China"], True), (["China", "Japan"], True), (["Korea"], False)])
def test_a_basis_computed_once_gives_every_selection_as_computed_alone(small, countries,
                                                                       include_other):
    """A shared panel computes the region's basis once for all its country selections."""
    region_map = load_region_map()
    basis = fdi.country_basis(small, region_map=region_map)
    alone = fdi.projects_by_country(small, region_map=region_map, countries=countries,
                                    include_other=include_other)
    shared = fdi.projects_by_country(small, region_map=region_map, countries=countries,
                                     include_other=include_other, basis=basis)
    pd.testing.assert_frame_equal(shared, alone)
    assert not alone.empty


def test_a_basis_without_remainders_refuses_a_selection_that_needs_them(small):
    region_map = load_region_map()
    basis = fdi.country_basis(small, region_map=region_map, include_other=False)
    with pytest.raises(ValueError, match="include_other"):
        fdi.projects_by_country(small, region_map=region_map, basis=basis)
    with pytest.raises(ParameterError, match="fdi_projects, fdi_capital"):
        fdi.country_basis(small, region_map=region_map, indicator="exports")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_share_reads_the_same_in_the_table_and_the_text(lang):
    """Japan's 29,0 % of 3 Jan 2025 read "29" in the table beside "29,0 %" in the text (the
    table wrote a whole number without decimals): every share cell, as the reader sees it,
    is the share the text writes for that snapshot and country."""
    from hy_analysis import load_sources, load_targets
    from hy_analysis.display import reader_table

    targets, sources = load_targets(), load_sources()
    table = fdi.projects_by_country(targets, region_map=load_region_map(), region="Hưng Yên")
    text = findings.describe_projects_by_country(table, sources=sources, lang=lang)
    cells = reader_table(findings.fdi_table(table, sources=sources, lang=lang), lang=lang)
    share, country = cells.columns[5], cells.columns[3]
    assert (table["share"].round(1) == table["share"].round(1).round(0)).any()  # a whole one
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    snapshots = list(dict.fromkeys(table["snapshot"]))
    for row, snapshot, cell in zip(cells.to_dict("records"), table["snapshot"], cells[share]):
        line = lines[snapshots.index(snapshot)]
        assert f"{row[country]} {row[cells.columns[4]]} ({cell} %)" in line, (cell, line)
    whole = {"vi": "29,0", "en": "29.0"}[lang]
    assert whole in set(cells[share])
    # the Excel workbook keeps it a decimal number too (an integer would show 29)
    from hy_analysis.display import table_payload

    payload = table_payload(findings.fdi_table(table, sources=sources, lang=lang), lang=lang)
    assert {type(row[5]) for row in payload["rows"]} == {float}
    assert {type(row[4]) for row in payload["rows"]} == {int}  # projects stay counts
