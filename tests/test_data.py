"""Conventions checked across every data file, and provenance against the source documents.

The provenance tests read the documents from HY_SOURCES_DIR (not part of the repository);
without it they are skipped with the reason. .ci/run sets it to ../shared/sources.
"""

import csv
import math
import re
import unicodedata
from pathlib import Path

import pytest

from hy_analysis import load_indicators, load_regions, load_sources, load_targets, schema
from hy_analysis.loading import load_urban_classes
from hy_analysis.paths import data_dir, sources_dir

SECTORS = ("agriculture_share", "industry_construction_share", "services_share")
#: With the three sector shares, product taxes make up the whole of GRDP where stated.
TAXES = "product_taxes_share"
PUBLIC_FIGURES = "public-figures.md"
#: The stored excerpts of web pages (each NN.txt has its NN.expected.csv readings).
EXCERPTS = "merged-2025/"
#: The Bắc Giang / Bắc Ninh excerpts: texts in HY_SOURCES_DIR, readings in the dev-set fixtures.
BAC_NINH = "bac-ninh-2025/"
DEVSET = Path(__file__).parent / "fixtures" / "devset"
#: Folders of stored excerpts and how many pages each holds.
EXCERPT_FOLDERS = {EXCERPTS: 20, BAC_NINH: 20}


def _readings_path(folder, file):
    """The NN.expected.csv annotating the stored excerpt ``file`` (a path under HY_SOURCES_DIR)."""
    if file.startswith(BAC_NINH):
        return DEVSET / file.replace(".txt", ".expected.csv")
    return folder / file.replace(".txt", ".expected.csv")


def _is_excerpt(file) -> bool:
    return str(file).startswith(tuple(EXCERPT_FOLDERS))


@pytest.fixture(scope="module")
def targets():
    return load_targets(strict=True)


@pytest.fixture(scope="module")
def sources():
    return load_sources()


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text)


def _appears(value_raw: str, text: str) -> bool:
    """True when ``value_raw`` is a substring of ``text`` (whitespace collapsed): verbatim."""
    return _normalise(value_raw) in text


@pytest.fixture(scope="module")
def folder():
    folder = sources_dir()
    if folder is None:
        pytest.skip("HY_SOURCES_DIR is not set: provenance needs the source documents "
                    "(e.g. HY_SOURCES_DIR=../shared/sources)")
    if not folder.is_dir():
        pytest.fail(f"HY_SOURCES_DIR={folder} is not a directory")
    return folder


@pytest.fixture(scope="module")
def source_texts(sources, folder):
    texts = {}
    for row in sources.itertuples():
        # Web pages without a stored excerpt are cited through public-figures.md.
        name = row.file or PUBLIC_FIGURES
        texts[row.id] = _normalise((folder / name).read_text(encoding="utf-8"))
    texts[PUBLIC_FIGURES] = _normalise((folder / PUBLIC_FIGURES).read_text(encoding="utf-8"))
    return texts


def _cited_text(row, source_texts):
    # A row may cite its page through public-figures.md (its locator says so) even where
    # the page's own excerpt is stored, when the excerpt lacks the figure.
    if row.source_locator.startswith(PUBLIC_FIGURES):
        return source_texts[PUBLIC_FIGURES]
    return source_texts[row.source_id]


def test_every_figure_appears_verbatim_in_its_source(targets, source_texts):
    missing = [f"{r.id}: {r.value_raw!r} not in {r.source_id} ({r.source_locator})"
               for r in targets.itertuples()
               if not r.derived and not _appears(r.value_raw, _cited_text(r, source_texts))]
    assert not missing, "\n".join(missing)


def test_the_provenance_check_can_fail(source_texts):
    text = source_texts["pf-laodong-1584553"]
    assert _appears("9.17%/year", text)
    assert not _appears("9,17%/năm", text)  # the Vietnamese wording is another page's
    assert _appears("khoảng 4 khu công nghiệp, 10 cụm công nghiệp",
                    source_texts["hy-nq07-news-2021"])
    # two pieces of one sentence joined by an ellipsis are not a quotation
    assert not _appears("khoảng … 10 cụm công nghiệp", source_texts["hy-nq07-news-2021"])


def test_no_value_raw_elides_text(targets):
    assert not [r.id for r in targets.itertuples() if "…" in r.value_raw or "..." in r.value_raw]


def test_every_source_file_exists(sources, folder):
    files = [f for f in sources["file"] if f]
    assert len(files) >= 5 + 20  # the five documents and the twenty stored excerpts
    missing = [f for f in files if not (folder / f).is_file()]
    assert not missing
    assert len(set(files)) == len(files), "one source row per document or page"


def test_web_rows_without_an_excerpt_cite_public_figures(targets, sources):
    no_file = set(sources.loc[(sources["type"] == "web") & (sources["file"] == ""), "id"])
    rows = targets[targets["source_id"].astype(str).isin(no_file)]
    assert len(rows)
    assert rows["source_locator"].str.startswith(PUBLIC_FIGURES).all()


def _excerpt_header(path):
    url, date_line = path.read_text(encoding="utf-8").splitlines()[:2]
    return url.strip(), date_line.removeprefix("date:").strip()


@pytest.mark.parametrize("excerpt_folder", sorted(EXCERPT_FOLDERS))
def test_excerpt_sources_take_url_and_date_from_the_page(sources, folder, excerpt_folder):
    excerpts = sources[sources["file"].str.startswith(excerpt_folder)]
    assert len(excerpts) == EXCERPT_FOLDERS[excerpt_folder]
    for row in excerpts.itertuples():
        url, date = _excerpt_header(folder / row.file)
        assert row.url == url, row.id
        assert date.startswith(row.date), row.id
        # "(approximate: ...)" on line 2 marks a date that is not known to the day.
        assert (row.date_precision == "approximate") == ("approximate" in date), row.id


def _vietnamese_letters(text: str) -> float:
    letters = [c for c in unicodedata.normalize("NFC", text) if c.isalpha()]
    viet = [c for c in letters if c.lower() in "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọ"
            "ốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"]
    return len(viet) / max(len(letters), 1)


def test_language_says_how_the_cited_text_writes_numbers(sources, folder):
    assert set(sources["language"]) <= set(schema.LANGUAGES)
    # Documents and public-figures.md transcriptions write numbers the Vietnamese way.
    assert (sources.loc[sources["file"] == "", "language"] == "vi").all()
    for row in sources[sources["file"] != ""].itertuples():
        body = (folder / row.file).read_text(encoding="utf-8").split("\n", 3)[-1]
        english = _vietnamese_letters(body) < 0.02
        assert row.language == ("en" if english else "vi"), row.id


@pytest.mark.parametrize("excerpt_folder, at_least", [(EXCERPTS, 150), (BAC_NINH, 110)])
def test_excerpt_rows_read_as_their_annotated_readings(targets, sources, folder, excerpt_folder,
                                                        at_least):
    """Every row from a stored excerpt parses to the low/high of that excerpt's NN.expected.csv.

    The English-format rows (merged-2025 02, 04, 06, 07, 18, 20; bac-ninh-2025 04, 05, 07, 10,
    15) need parse_value(lang="en"); read the Vietnamese way they are rejected or misread.
    Derived rows (harmonised sums) are computed, not read, and are left out.
    """
    files = sources.set_index("id")["file"]
    rows = targets[targets["source_id"].astype(str).map(files).str.startswith(excerpt_folder)
                   & ~targets["source_locator"].str.startswith(PUBLIC_FIGURES)
                   & ~targets["derived"]]
    assert len(rows) >= at_least
    readings = {}
    wrong = []
    for r in rows.itertuples():
        path = _readings_path(folder, files[r.source_id])
        if path not in readings:
            with open(path, encoding="utf-8") as handle:
                readings[path] = list(csv.DictReader(handle))
        candidates = [e for e in readings[path] if e["value_raw"] in r.value_raw]
        got = (r.low, r.high)
        if not any(_same(got, e) and int(e["period_end"]) == r.period_end
                   for e in candidates):
            wrong.append(f"{r.id}: {r.value_raw!r} read {got}, annotated "
                         f"{[(e['low'], e['high'], e['period_end']) for e in candidates]}")
    assert not wrong, "\n".join(wrong)


def _same(got, reading) -> bool:
    def num(x):
        return None if x == "" else float(x)

    def as_none(x):
        return None if x is None or math.isnan(x) else x

    return (as_none(got[0]), as_none(got[1])) == (num(reading["low"]), num(reading["high"]))


@pytest.mark.parametrize("rid, low", [
    ("m25-04-grdp-current-prices-2025", 328_283e9),   # "328,283 billion VND"
    ("pf-grdp-growth-2021-2025-merged", 9.17),        # "9.17%/year"
    ("m25-03-grdp-current-prices-2025", 328_283e9),   # "328.283 tỷ đồng"
    ("pf-exports-2025-merged", 11_968e6),             # "11,968 million USD"
    ("m25-18-fdi-capital-2025-japan", 3.8e9),         # "over 3.8 billion USD"
    ("pf-fdi-capital-2025-early", 8.56e9),            # "over 8,56 bn USD", exactly
])
def test_both_number_formats_read_to_the_same_amounts(targets, rid, low):
    row = targets.set_index("id").loc[rid]
    assert row["low"] == low


def test_estimates_are_actuals_noted_estimate(targets, sources, folder):
    """Rows read as estimates (ước, dự kiến, "estimated") are actuals whose note starts "estimate:"."""
    files = sources.set_index("id")["file"]
    assert (targets.loc[targets["note"].str.startswith("estimate:"), "kind"] == "actual").all()
    missed = []
    for r in targets.itertuples():
        name = files[r.source_id]
        if (not _is_excerpt(name) or r.source_locator.startswith(PUBLIC_FIGURES)
                or r.derived):
            continue
        with open(_readings_path(folder, name), encoding="utf-8") as handle:
            kinds = {e["kind"] for e in csv.DictReader(handle)
                     if e["value_raw"] in r.value_raw
                     and int(e["period_end"]) == r.period_end}
        if kinds == {"estimate"} and not r.note.startswith("estimate:"):
            missed.append(r.id)
    assert not missed


def test_every_urban_class_appears_verbatim_in_its_source(source_texts):
    classes = load_urban_classes()
    missing = [r.id for r in classes.itertuples()
               if _normalise(r.value_raw) not in source_texts[r.source_id]]
    assert not missing


def test_the_five_documents_are_all_cited(targets, sources, source_texts):
    documents = set(sources.loc[sources["type"] != "web", "id"])
    assert len(documents) == 5
    assert documents <= set(targets["source_id"].astype(str))


def test_sector_shares_add_up_to_100(targets):
    shares = targets[targets["indicator"].isin([*SECTORS, TAXES]) & ~targets["derived"]]
    groups = shares.groupby(["region", "territory", "period_end", "source_id", "kind"],
                            observed=True)
    complete = [(key, g) for key, g in groups if set(SECTORS) <= set(g["indicator"])]
    # NQ07 2020 actual, KH87 2025 and 2030 targets, merged 2025, Thái Bình 2022-2024,
    # Bắc Giang 2022 and 2030, old Bắc Ninh 2022 (two pages), merged Bắc Ninh 2025
    assert len(complete) >= 12
    short = 0
    for key, group in complete:
        # KH87 states the services share twice (rows 2 and 8): a repeat must agree, then
        # counts once.
        per_sector = group.groupby("indicator", observed=True)[["low", "high"]].agg(["min", "max"])
        assert (per_sector[("low", "min")] == per_sector[("low", "max")]).all(), key
        lows = per_sector[("low", "min")].sum()
        highs = per_sector[("high", "min")].fillna(per_sector[("low", "min")]).sum()
        if TAXES in set(group["indicator"]) or lows == pytest.approx(100, abs=0.1):
            assert lows == pytest.approx(100, abs=0.1), key
        else:
            # Some pages give the three sectors without the product taxes: the sectors
            # then leave room for them, and a row says the taxes were not stated.
            short += 1
            assert lows < 100 and highs <= 100 + 0.1, key
            assert group["note"].str.contains("product taxes not stated").any(), key
    assert short <= 3  # Bắc Giang 2030 ranges, old Bắc Ninh 2022 (bn25-12), merged Bắc Ninh 2025


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


def test_the_lexicon_writes_each_row_once_and_knows_its_codes():
    """data/indicator_synonyms.csv: a row written twice adds nothing but a second place to
    edit (parallel rounds append to it), and every indicator it names is registered."""
    from hy_analysis.paths import data_dir

    path = data_dir() / "indicator_synonyms.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = [tuple(r) for r in csv.reader(handle)][1:]
    # a phrase with a comma must be quoted, or its words after the comma are lost
    torn = [(line, r) for line, r in enumerate(rows, start=2) if len(r) != 4]
    assert not torn, f"{path.name}: rows of other than 4 fields (quote a phrase with a comma): " \
        f"{torn[:5]}"
    from collections import Counter

    repeated = sorted(r for r, n in Counter(rows).items() if n > 1)
    assert not repeated, f"{path.name}: rows written more than once: {repeated[:5]}"
    codes = set(load_indicators()["code"]) | {"unknown"}
    unregistered = sorted({r[1] for r in rows if r[0] == "indicator"} - codes)
    assert not unregistered, f"{path.name}: codes not in indicators.csv: {unregistered}"


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


def test_territories_are_defined_once_in_regions_csv(targets):
    regions = load_regions()
    assert regions["territory"].is_unique
    assert set(targets["territory"].astype(str)) <= set(regions["territory"])
    assert set(load_urban_classes()["territory"]) <= set(regions["territory"])
    assert (regions["province_after_2025"] != "").all()
    # Figures of January-June 2025 belong to the old provinces: the label names the day.
    folder = data_dir()
    for path in sorted(folder.glob("*.csv")) + [folder / "README.md"]:
        text = path.read_text(encoding="utf-8")
        assert "(before 2025)" not in text and "before 2025," not in text, path.name


def test_merged_territory_figures_were_reported_after_the_merger(targets, sources):
    dates = sources.set_index("id")["date"]
    merged = targets[targets["territory"].astype(str).str.contains("merged") & ~targets["derived"]]
    assert len(merged) >= 40
    # A merged-province figure may cover earlier years (the combined area's 2016-2020
    # average) but is always reported from July 2025 on; a target of the new province may
    # be drafted once the resolution merging it is in force (12 June 2025). Derived rows
    # (harmonised sums of the old provinces) are computed, not reported.
    reported = merged["source_id"].astype(str).map(dates)
    drafted = (merged["kind"] == "target") & (reported >= "2025-06-12")
    assert ((reported == "2025") | (reported >= "2025-07") | drafted).all()


def test_conflicting_2030_industry_construction_shares_are_both_kept(targets):
    rows = targets.query("indicator == 'industry_construction_share' and period_end == 2030 "
                         "and kind == 'target' and region == 'Hưng Yên'")
    assert set(rows["value"]) == {70.0, 64.1}
    assert rows["source_id"].nunique() == 2


def test_ids_are_stable_slugs(targets):
    assert targets["id"].str.fullmatch(r"[a-z0-9-]+").all()


def test_derived_rows_say_how_they_were_computed(targets):
    derived = targets[targets["derived"]]
    assert len(derived) >= 2
    assert derived["note"].str.startswith("derived:").all()


def test_implied_fdi_totals_follow_from_capital_and_share(targets):
    """The 20 Jun 2024 snapshot's shares imply totals below its stated "over 7,5 bn USD"."""
    implied = targets[targets["indicator"] == "fdi_capital_implied_total"]
    assert set(implied["breakdown"]) == {"Japan", "China"}
    fdi = targets[targets["indicator"].isin(["fdi_capital", "fdi_capital_share"])]
    for row in implied.itertuples():
        same = fdi[(fdi["as_of"] == row.as_of) & (fdi["source_id"] == row.source_id)]
        part = same[same["breakdown"] == row.breakdown].set_index("indicator")["value"]
        total = same[(same["indicator"] == "fdi_capital") & (same["breakdown"] == "")]
        assert row.value == pytest.approx(part["fdi_capital"] / part["fdi_capital_share"] * 100,
                                          rel=0.001)
        assert row.value < total["low"].item()  # the inconsistency the row records


def test_fdi_by_country_rows_name_a_country_and_a_snapshot(targets):
    stocks = targets[targets["indicator"].isin(["fdi_projects", "fdi_capital",
                                                "fdi_capital_share"])]
    assert len(stocks) >= 30
    assert (stocks["as_of"] != "").all()
    by_country = targets[targets["indicator"].astype(str).str.startswith("fdi_")
                         & (targets["breakdown"] != "")]
    assert set(by_country["breakdown"]) == {"Japan", "Korea", "China"}


def test_excerpt_locators_name_the_paragraph_that_holds_the_figure(targets, sources, folder):
    files = sources.set_index("id")["file"]
    wrong, checked = [], 0
    for r in targets.itertuples():
        found = re.match(r"paragraph (\d+) of the excerpt", r.source_locator)
        if not found:
            continue
        lines = (folder / files[r.source_id]).read_text(encoding="utf-8").split("\n")[3:]
        paragraphs = [_normalise(line) for line in lines if line.strip()]
        checked += 1
        if not _appears(r.value_raw, paragraphs[int(found.group(1)) - 1]):
            wrong.append(r.id)
    assert checked >= 150
    assert not wrong


def test_a_sources_language_decides_how_its_rows_are_read(tmp_path):
    """loading passes each source's ``language`` to parse_value: "7.500 USD" is 7500 or 7.5."""
    from hy_analysis.loading import read_targets

    with open(tmp_path / "sources.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(schema.SOURCE_COLUMNS)
        for sid, lang in (("my-vi", "vi"), ("my-en", "en")):
            writer.writerow([sid if c == "id" else lang if c == "language" else
                             "web" if c == "type" else "" for c in schema.SOURCE_COLUMNS])
    row = {"region": "Hưng Yên", "territory": load_regions()["territory"].iloc[0],
           "indicator": "exports", "kind": "actual", "period_start": "2024",
           "period_end": "2024", "measure": "level", "value_raw": "7.500 USD", "unit": "USD",
           "derived": "false"}
    with open(tmp_path / "mine.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=schema.TARGET_COLUMNS, restval="")
        writer.writeheader()
        writer.writerow(dict(row, id="mine-vi", source_id="my-vi"))
        writer.writerow(dict(row, id="mine-en", source_id="my-en"))
    frame, report = read_targets([tmp_path / "mine.csv"], include_bundled=False,
                                 sources=[tmp_path / "sources.csv"])
    assert report.ok, report.format()
    assert frame.set_index("id")["low"].to_dict() == {"mine-vi": 7500.0, "mine-en": 7.5}


def _devset_documents(folder):
    texts = sorted((folder / BAC_NINH).glob("[0-9][0-9].txt"))
    assert len(texts) == EXCERPT_FOLDERS[BAC_NINH]
    return texts


def test_bac_ninh_annotations_are_verbatim_and_read_as_written(sources, folder):
    """The dev-set readings of bac-ninh-2025: verbatim in the text, read as their numbers say.

    A change the sentence calls a fall ("decreasing 1.9 percent in the number") is negative
    though its value_raw is not; its note says so.
    """
    from hy_analysis.parsing import parse_value

    language = sources.set_index("file")["language"]
    wrong, count = [], 0
    for path in _devset_documents(folder):
        body = _normalise(path.read_text(encoding="utf-8").split("\n\n", 1)[1])
        name = f"{BAC_NINH}{path.name}"
        with open(_readings_path(folder, name), encoding="utf-8") as handle:
            for e in csv.DictReader(handle):
                count += 1
                for column in ("value_raw", "indicator_text"):
                    if _normalise(e[column]) not in body:
                        wrong.append(f"{name}: {column} {e[column]!r} not in the text")
                parsed = parse_value(e["value_raw"], lang=language[name])
                got = (parsed.low, parsed.high)
                readings = [got]
                if "negative" in e["note"]:  # the fall may be named outside value_raw
                    readings.append(tuple(None if x is None else -x for x in got))
                if not any(_same(r, e) for r in readings):
                    wrong.append(f"{name}: {e['value_raw']!r} reads {got}, annotated "
                                 f"{(e['low'], e['high'])}")
    assert count >= 190
    assert not wrong, "\n".join(wrong)


def test_bac_ninh_annotations_account_for_every_number(folder):
    """Every digit of an excerpt lies in an annotated figure or in its not_figures list."""
    uncovered = []
    for path in _devset_documents(folder):
        body = _normalise(path.read_text(encoding="utf-8").split("\n\n", 1)[1])
        readings = DEVSET / BAC_NINH / path.name.replace(".txt", ".expected.csv")
        with open(readings, encoding="utf-8") as handle:
            pieces = [e["value_raw"] for e in csv.DictReader(handle)]
        pieces += readings.with_name(path.name.replace(".txt", ".not_figures.txt")) \
            .read_text(encoding="utf-8").splitlines()
        covered = [False] * len(body)
        for piece in filter(None, map(_normalise, pieces)):
            for hit in re.finditer(re.escape(piece), body):
                covered[hit.start():hit.end()] = [True] * (hit.end() - hit.start())
        uncovered += [f"{path.name}: {m.group()!r} at {m.start()}"
                      for m in re.finditer(r"\d+", body) if not all(covered[m.start():m.end()])]
    assert not uncovered, "\n".join(uncovered)


def test_intake_log_agrees_with_its_summary_and_the_annotations():
    """data/intake: one row per candidate or added figure; the summary counts them; the reviewed
    figures (accepted, edited, added) of each document are its dev-set annotations."""
    folder = data_dir() / "intake"
    with open(folder / "bac-ninh-2025.csv", encoding="utf-8") as handle:
        log = list(csv.DictReader(handle))
    with open(folder / "bac-ninh-2025-summary.csv", encoding="utf-8") as handle:
        summary = {r["document"]: r for r in csv.DictReader(handle)}
    assert {r["decision"] for r in log} <= {"accepted", "edited", "rejected", "added"}
    assert all(r["fields_edited"] for r in log if r["decision"] == "edited")
    assert all(r["reason"] for r in log if r["decision"] in ("rejected", "added"))
    columns = {"accepted": "accepted_unchanged", "edited": "edited", "rejected": "rejected",
               "added": "added_by_hand"}
    documents = sorted({r["document"] for r in log})
    assert len(documents) == EXCERPT_FOLDERS[BAC_NINH]
    for document in [*documents, "total"]:
        rows = [r for r in log if document in (r["document"], "total")]
        counts = {c: sum(r["decision"] == d for r in rows) for d, c in columns.items()}
        counts["candidates"] = sum(r["decision"] != "added" for r in rows)
        assert {c: int(summary[document][c]) for c in counts} == counts, document
        if document == "total":
            continue
        with open(DEVSET / document.replace(".txt", ".expected.csv"), encoding="utf-8") as handle:
            annotated = sorted(e["value_raw"] for e in csv.DictReader(handle))
        reviewed = sorted(r["reviewed_value_raw"] for r in rows if r["decision"] != "rejected")
        assert reviewed == annotated, document
def test_basis_is_checked_and_a_bracketed_equivalent_is_left_out(tmp_path):
    """``basis`` (last column) takes a known definition or nothing; "(3.500 USD)" beside a
    VND figure is its own row, so the VND row reads 90 million VND, "or more"."""
    from hy_analysis.loading import read_targets

    row = {"region": "Thái Bình", "territory": load_regions()["territory"].iloc[0],
           "indicator": "grdp_per_capita", "kind": "target", "period_start": "2025",
           "period_end": "2025", "measure": "level", "unit": "VND", "derived": "false",
           "source_id": "pf-baodautu-d130965"}
    with open(tmp_path / "mine.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=schema.TARGET_COLUMNS, restval="")
        writer.writeheader()
        writer.writerow(dict(row, id="ok", value_raw="90 triệu đồng (3.500 USD) trở lên"))
        writer.writerow(dict(row, id="usd", unit="USD", value_raw="(3.500 USD) trở lên"))
        writer.writerow(dict(row, id="bad", value_raw="90 triệu đồng", basis="gross"))
    frame, report = read_targets([tmp_path / "mine.csv"], include_bundled=False)
    got = frame.set_index("id")
    assert (got.loc["ok", "low"], got.loc["ok", "qualifier"]) == (90e6, "above")
    assert (got.loc["usd", "low"], got.loc["usd", "qualifier"]) == (3500.0, "above")
    assert "bad" not in got.index
    issue = [i for i in report.issues if i.column == "basis"]
    assert issue and "excl_land_use_fees" in issue[0].expected and issue[0].value == "gross"


def test_basis_marks_the_definitions_that_differ(targets):
    basis = targets.set_index("id")["basis"]
    assert basis["m25-09-domestic-budget-revenue-growth-2021-2025"] == "excl_land_use_fees"
    # old Hưng Yên's shares: 61,5 + 9,65 + 28,85 = 100 without product taxes
    assert basis["kh87-industry-construction-share-2025"] == "excl_product_taxes"
    assert set(basis) <= {"", *schema.BASES}
