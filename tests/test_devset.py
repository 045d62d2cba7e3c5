"""Conventions of the extractor's development set (tests/fixtures/devset).

The annotations are what the extraction measurements are scored against, so they are checked
like data: every document in the manifest exists, every ``value_raw`` and ``indicator_text``
is verbatim in its excerpt, every number of an excerpt is either a figure or listed as not a
figure, a province sits in one split only, and held-out rows use no indicator code that the
project does not know (the extractor must not be scored on names it could only learn from them).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

DEVSET = Path(__file__).parent / "fixtures" / "devset"
INDICATORS = Path(__file__).parents[1] / "data" / "indicators.csv"


def _manifest() -> list[dict]:
    with open(DEVSET / "manifest.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _excerpt(path: Path) -> str:
    # Line 1 URL, line 2 date, a blank line, then the excerpt (merged-2025 format).
    text = path.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _expected(path: Path) -> list[dict]:
    with open(path.with_suffix(".expected.csv"), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


DOCS = _manifest()


def test_manifest_lists_existing_documents_with_their_annotations():
    assert len(DOCS) >= 25
    for doc in DOCS:
        path = DEVSET / doc["folder"] / doc["file"]
        assert path.is_file(), f"manifest.csv names {path}, which does not exist"
        assert path.with_suffix(".expected.csv").is_file(), path
        assert path.with_suffix(".not_figures.txt").is_file(), path
        assert doc["split"] in {"dev", "heldout"}, doc
        assert doc["language"] in {"vi", "en"}, doc


def test_a_province_is_in_one_split_only():
    splits: dict[str, set] = {}
    for doc in DOCS:
        splits.setdefault(doc["province"], set()).add(doc["split"])
    mixed = {p: s for p, s in splits.items() if len(s) > 1}
    assert not mixed, f"provinces in both splits: {mixed}"
    assert {"dev", "heldout"} <= {s for v in splits.values() for s in v}


@pytest.mark.parametrize("doc", DOCS, ids=[d["file"] for d in DOCS])
def test_annotations_are_verbatim_and_cover_every_number(doc):
    path = DEVSET / doc["folder"] / doc["file"]
    text = _squash(_excerpt(path))
    rows = _expected(path)
    assert rows, f"{path}: no expected figure"
    pieces = []
    for i, row in enumerate(rows, start=2):
        for piece in row["value_raw"].split(" … "):
            assert _squash(piece) in text, f"{path.name} line {i}: value_raw {piece!r} not in text"
            pieces.append(_squash(piece))
        if row["indicator_text"]:
            assert _squash(row["indicator_text"]) in text, \
                f"{path.name} line {i}: indicator_text {row['indicator_text']!r} not in text"
    not_figures = [_squash(line) for line in
                   path.with_suffix(".not_figures.txt").read_text(encoding="utf-8").splitlines()
                   if line.strip()]
    for line in not_figures:
        assert line in text, f"{path.name}.not_figures: {line!r} not in text"
    # Every digit lies inside a figure or a listed non-figure.
    covered = [False] * len(text)
    for piece in pieces + not_figures:
        for match in re.finditer(re.escape(piece), text):
            covered[match.start():match.end()] = [True] * (match.end() - match.start())
    loose = [m.group() for m in re.finditer(r"\d+", text)
             if not all(covered[m.start():m.end()])]
    assert not loose, f"{path.name}: numbers neither figure nor not-figure: {loose[:10]}"


def test_held_out_rows_use_only_known_indicator_codes():
    with open(INDICATORS, encoding="utf-8-sig", newline="") as handle:
        known = {row["code"] for row in csv.DictReader(handle)}
    known.add("unknown")
    for doc in DOCS:
        if doc["split"] != "heldout":
            continue
        path = DEVSET / doc["folder"] / doc["file"]
        for i, row in enumerate(_expected(path), start=2):
            assert row["indicator_code"] in known, \
                f"{path.name} line {i}: held-out row uses unknown code {row['indicator_code']!r}"
