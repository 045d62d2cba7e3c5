"""Conventions checked across every data file, and provenance against the source documents.

The provenance tests read the documents from HY_SOURCES_DIR (not part of the repository);
without it they are skipped with the reason. .ci/run sets it to ../shared/sources.
"""

import re
import unicodedata

import pytest

from hy_analysis import load_indicators, load_regions, load_sources, load_targets
from hy_analysis.loading import load_urban_classes
from hy_analysis.paths import sources_dir

SECTORS = ("agriculture_share", "industry_construction_share", "services_share")


@pytest.fixture(scope="module")
def targets():
    return load_targets(strict=True)


@pytest.fixture(scope="module")
def sources():
    return load_sources()


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def source_texts(sources):
    folder = sources_dir()
    if folder is None:
        pytest.skip("HY_SOURCES_DIR is not set: provenance needs the source documents "
                    "(e.g. HY_SOURCES_DIR=../shared/sources)")
    if not folder.is_dir():
        pytest.fail(f"HY_SOURCES_DIR={folder} is not a directory")
    texts = {}
    for row in sources.itertuples():
        # Web pages are cited through public-figures.md, which transcribes their figures.
        name = row.file or "public-figures.md"
        texts[row.id] = _normalise((folder / name).read_text(encoding="utf-8"))
    return texts


def test_every_figure_appears_verbatim_in_its_source(targets, source_texts):
    missing = [f"{r.id}: {r.value_raw!r} not in {r.source_id}"
               for r in targets.itertuples()
               if not r.derived and _normalise(r.value_raw) not in source_texts[r.source_id]]
    assert not missing, "\n".join(missing)


def test_every_urban_class_appears_verbatim_in_its_source(source_texts):
    classes = load_urban_classes()
    missing = [r.id for r in classes.itertuples()
               if _normalise(r.value_raw) not in source_texts[r.source_id]]
    assert not missing


def test_the_five_documents_are_all_cited(targets, sources, source_texts):
    documents = set(sources.loc[sources["file"] != "", "id"])
    assert len(documents) == 5
    assert documents <= set(targets["source_id"].astype(str))


def test_sector_shares_add_up_to_100(targets):
    shares = targets[targets["indicator"].isin(SECTORS) & ~targets["derived"]]
    groups = shares.groupby(["region", "territory", "period_end", "source_id", "kind"],
                            observed=True)
    complete = [(key, g) for key, g in groups if set(g["indicator"]) == set(SECTORS)]
    assert len(complete) >= 3  # NQ07 2020 actual, KH87 2025 and 2030 targets
    for key, group in complete:
        # KH87 states the services share twice (rows 2 and 8): a repeat must agree, then
        # counts once.
        per_sector = group.groupby("indicator", observed=True)["value"].agg(["min", "max"])
        assert (per_sector["min"] == per_sector["max"]).all(), key
        assert per_sector["min"].sum() == pytest.approx(100, abs=0.1), key


def test_indicators_are_registered_with_matching_names_and_units(targets):
    registry = load_indicators().set_index("code")
    assert registry.index.is_unique
    for row in targets.drop_duplicates("indicator").itertuples():
        entry = registry.loc[row.indicator]
        assert (row.indicator_vi, row.indicator_en) == (entry["name_vi"], entry["name_en"]), \
            row.indicator
    units = targets.groupby("indicator", observed=True)["unit"].agg(lambda s: set(s.astype(str)))
    for code, used in units.items():
        unit = registry.loc[code, "unit"]
        # Money may be stated in either currency (GRDP per capita: VND and its USD equivalent).
        allowed = {"USD", "VND"} if unit in ("USD", "VND") else {unit}
        assert used <= allowed, code


def test_every_source_is_used_and_described(targets, sources):
    assert sources["id"].is_unique
    used = set(targets["source_id"].astype(str)) | set(load_urban_classes()["source_id"])
    unused = set(sources["id"]) - used
    # A page may back only a note (e.g. a second confirmation); it must then say so.
    for sid in unused:
        assert sources.set_index("id").loc[sid, "note"], f"source {sid} is never cited"
    web = sources[sources["file"] == ""]
    assert (web["url"] != "").all()
    assert set(sources["type"].astype(str)) <= {"plan", "resolution", "news", "report", "web"}


def test_territories_map_to_provinces_before_and_after_2025(targets):
    regions = load_regions()
    assert set(targets["territory"].astype(str)) <= set(regions["territory"])
    assert (regions["province_after_2025"] != "").all()
    merged = targets[targets["territory"].astype(str).str.contains("merged")]
    assert len(merged) and (merged["period_end"] >= 2025).all()


def test_conflicting_2030_industry_construction_shares_are_both_kept(targets):
    rows = targets.query("indicator == 'industry_construction_share' and period_end == 2030 "
                         "and kind == 'target'")
    assert set(rows["value"]) == {70.0, 64.1}
    assert rows["source_id"].nunique() == 2


def test_ids_are_stable_slugs(targets):
    assert targets["id"].str.fullmatch(r"[a-z0-9-]+").all()


def test_derived_rows_say_how_they_were_computed(targets):
    derived = targets[targets["derived"]]
    assert (derived["note"] != "").all()


def test_fdi_by_country_rows_name_a_country_and_a_snapshot(targets):
    fdi = targets[targets["indicator"].astype(str).str.startswith("fdi_")]
    assert len(fdi) >= 20
    assert (fdi["as_of"] != "").all()
    by_country = fdi[fdi["breakdown"] != ""]
    assert set(by_country["breakdown"]) == {"Japan", "Korea", "China"}
