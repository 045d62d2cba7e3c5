"""Measure ``hy_analysis.extract`` on the development set and print recall, precision, accuracy.

Development set (read at run time from ``HY_SOURCES_DIR``, default ``../shared/sources``
beside the repository; nothing is copied into the project):

- the five source documents: expected output = our curated rows of each in data/targets.csv
  (matched to the file through data/sources.csv). Those rows are a selection, not every figure,
  so precision on them is a lower bound and is reported apart;
- ``merged-2025/NN.txt``: the text after the first blank line, the date from line 2;
  expected = ``NN.expected.csv`` (every figure annotated).

A figure matches when low, high and unit agree (for data/targets.csv rows, whose per-capita
money is in plain ``USD``/``VND``, ``USD/person`` counts as ``USD``). Among matched figures:
accuracy of kind (``estimate`` = actual), period (start and end), indicator (only where the
expected code is in data/indicators.csv), region and breakdown.

Usage: ``python benchmarks/extraction_eval.py [--sources DIR] [--verbose]``.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from hy_analysis import paths
from hy_analysis.extraction import extract
from hy_analysis.extraction.figures import normalise

HERE = Path(__file__).resolve().parent


@dataclass
class Doc:
    name: str
    text: str
    date: str | None
    expected: list[dict]
    complete: bool  # every figure annotated (precision is meaningful)
    dataset_units: bool = False
    results: dict = field(default_factory=dict)


def _num(value):
    return None if value in ("", None) or (isinstance(value, float) and math.isnan(value)) \
        else float(value)


def _same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _year(value):
    value = _num(value)
    return None if value is None else int(value)


def load_dev_set(sources: Path, data: Path) -> list[Doc]:
    docs = []
    with open(data / "indicators.csv", encoding="utf-8") as handle:
        codes = {r["code"] for r in csv.DictReader(handle)}
    with open(data / "sources.csv", encoding="utf-8") as handle:
        sources_rows = [r for r in csv.DictReader(handle) if r["file"]]
    from hy_analysis import load_targets

    # The loaded frame carries each row's reading (its source's number format, joined
    # pieces of value_raw): the expected figures are read exactly as the dataset reads them.
    loaded = load_targets(data_dir=data)
    targets = loaded.to_dict("records")
    for src in sources_rows:
        path = sources / src["file"]
        # merged-2025 excerpts are scored against their own complete NN.expected.csv below;
        # bac-ninh-2025 excerpts (annotated in tests/fixtures/devset) were never tuned on:
        # they are not part of this development set.
        if not path.is_file() or src["file"].startswith(("merged-2025/", "bac-ninh-2025/")):
            continue
        expected = []
        for r in targets:
            if r["source_id"] != src["id"] or bool(r.get("derived")):
                continue
            p = SimpleNamespace(low=_num(r["low"]), high=_num(r["high"]))
            expected.append({"value_raw": r["value_raw"], "low": p.low, "high": p.high,
                             "unit": r["unit"], "kind": r["kind"],
                             "period": (_year(r["period_start"]), _year(r["period_end"])),
                             "indicator": r["indicator"] if r["indicator"] in codes else None,
                             "region": r["region"], "breakdown": r["breakdown"] or ""})
        docs.append(Doc(src["file"], path.read_text(encoding="utf-8"), src["date"] or None,
                        expected, complete=False, dataset_units=True))
    for path in sorted((sources / "merged-2025").glob("[0-9][0-9].txt")):
        raw = path.read_text(encoding="utf-8")
        lines = raw.split("\n")
        date = re.search(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", lines[1]).group(0)
        text = raw.split("\n\n", 1)[1]
        expected = []
        with open(path.with_suffix("").with_suffix(".expected.csv"), encoding="utf-8") as handle:
            for r in csv.DictReader(handle):
                bd = re.search(r"breakdown: ([^;,\"]+)", r["note"])
                expected.append({"value_raw": r["value_raw"], "low": _num(r["low"]),
                                 "high": _num(r["high"]), "unit": r["unit"],
                                 "kind": "actual" if r["kind"] == "estimate" else r["kind"],
                                 "period": (_year(r["period_start"]), _year(r["period_end"])),
                                 "indicator": r["indicator_code"] if r["indicator_code"] in codes
                                 else None,
                                 "region": r["region"],
                                 "breakdown": bd.group(1).strip() if bd else ""})
        docs.append(Doc(f"merged-2025/{path.name}", text, date, expected, complete=True))
    return docs


def _unit(unit, dataset_units):
    return unit.split("/")[0] if dataset_units and unit else unit


def evaluate(doc: Doc) -> dict:
    started = time.perf_counter()
    got = extract(doc.text, date=doc.date)
    seconds = time.perf_counter() - started
    rows = got.to_dict("records")
    # identical readings in the expected rows are one figure
    seen, expected = set(), []
    for e in doc.expected:
        key = (e["low"], e["high"], e["unit"], e["indicator"], e["period"], e["kind"],
               e["breakdown"])
        if key not in seen:
            seen.add(key)
            expected.append(e)
    used = set()
    pairs = []
    for e in expected:
        best = None
        for i, r in enumerate(rows):
            if i in used:
                continue
            if not (_same(_num(r["low"]), e["low"]) and _same(_num(r["high"]), e["high"])
                    and _unit(r["unit"], doc.dataset_units) == _unit(e["unit"], doc.dataset_units)):
                continue
            score = (4 * (normalise(r["value_raw"]) == normalise(e["value_raw"]))
                     + 2 * (r["indicator"] == e["indicator"])
                     + (( _year(r["period_start"]), _year(r["period_end"])) == e["period"])
                     + (r["kind"] == e["kind"]) + (r["breakdown"] == e["breakdown"]))
            if best is None or score > best[0]:
                best = (score, i)
        if best is not None:
            used.add(best[1])
            pairs.append((e, rows[best[1]]))
    missed = [e for e in expected if all(e is not p[0] for p in pairs)]
    extra = [r for i, r in enumerate(rows) if i not in used]

    def acc(test, among=None):
        chosen = [p for p in pairs if among is None or among(p)]
        return sum(test(e, r) for e, r in chosen), len(chosen)

    return {
        "expected": len(expected), "found": len(rows), "matched": len(pairs), "seconds": seconds,
        "kind": acc(lambda e, r: r["kind"] == e["kind"]),
        "period": acc(lambda e, r: (_year(r["period_start"]), _year(r["period_end"]))
                      == e["period"]),
        "indicator": acc(lambda e, r: r["indicator"] == e["indicator"],
                         lambda p: p[0]["indicator"] is not None),
        "region": acc(lambda e, r: r["region"] == e["region"]),
        "breakdown": acc(lambda e, r: (r["breakdown"] or "") == e["breakdown"]),
        "missed": missed, "extra": extra, "pairs": pairs,
    }


def _ratio(pair):
    hit, total = pair
    return f"{hit / total:5.2f}" if total else "   – "


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", default=os.environ.get("HY_SOURCES_DIR")
                        or str(paths.PROJECT_DIR.parent / "shared" / "sources"))
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list missed and extra figures and wrong readings")
    args = parser.parse_args(argv)
    sources = Path(args.sources)
    if not sources.is_dir():
        print(f"--sources: {sources} is not a folder (set HY_SOURCES_DIR)", file=sys.stderr)
        return 2
    docs = load_dev_set(sources, paths.data_dir())
    header = (f"{'document':58} {'exp':>4} {'got':>4} {'recall':>6} {'prec':>5} {'kind':>5} "
              f"{'period':>6} {'indic':>5} {'region':>6} {'brkdn':>5} {'ms':>6}")
    print(header)
    totals = {k: [0, 0] for k in ("kind", "period", "indicator", "region", "breakdown")}
    sums = {"expected": 0, "matched": 0, "found_complete": 0, "matched_complete": 0,
            "found": 0}
    for doc in docs:
        res = evaluate(doc)
        doc.results = res
        for k in totals:
            totals[k][0] += res[k][0]
            totals[k][1] += res[k][1]
        sums["expected"] += res["expected"]
        sums["matched"] += res["matched"]
        sums["found"] += res["found"]
        if doc.complete:
            sums["found_complete"] += res["found"]
            sums["matched_complete"] += res["matched"]
        precision = (_ratio((res["matched"], res["found"])) + ("*" if not doc.complete else " "))
        print(f"{doc.name[:58]:58} {res['expected']:4d} {res['found']:4d} "
              f"{_ratio((res['matched'], res['expected'])):>6} {precision:>5}"
              f"{_ratio(res['kind']):>5} {_ratio(res['period']):>6} {_ratio(res['indicator']):>5} "
              f"{_ratio(res['region']):>6} {_ratio(res['breakdown']):>5} "
              f"{res['seconds'] * 1000:6.0f}")
        if args.verbose:
            for e in res["missed"]:
                print(f"    MISSED {e['value_raw']!r} {e['low']} {e['high']} {e['unit']}")
            for r in res["extra"]:
                print(f"    EXTRA  {r['value_raw']!r} {r['unit']} {r['indicator']}")
            for e, r in res["pairs"]:
                wrong = []
                if r["kind"] != e["kind"]:
                    wrong.append(f"kind {r['kind']} != {e['kind']}")
                if (_year(r["period_start"]), _year(r["period_end"])) != e["period"]:
                    wrong.append(f"period {r['period_start']}-{r['period_end']} != {e['period']}")
                if e["indicator"] is not None and r["indicator"] != e["indicator"]:
                    wrong.append(f"indicator {r['indicator']} != {e['indicator']}")
                if r["region"] != e["region"]:
                    wrong.append(f"region {r['region']} != {e['region']}")
                if (r["breakdown"] or "") != e["breakdown"]:
                    wrong.append(f"breakdown {r['breakdown']!r} != {e['breakdown']!r}")
                if wrong:
                    print(f"    WRONG  {e['value_raw']!r}: " + "; ".join(wrong))
    print("-" * len(header))
    print(f"overall: recall {_ratio((sums['matched'], sums['expected']))} "
          f"({sums['matched']}/{sums['expected']}), "
          f"precision {_ratio((sums['matched_complete'], sums['found_complete']))} on the fully "
          f"annotated merged-2025 set ({sums['matched_complete']}/{sums['found_complete']}; "
          f"all documents {_ratio((sums['matched'], sums['found']))}, * = curated rows only)")
    print("among matched: " + ", ".join(
        f"{k} {_ratio(v)} ({v[0]}/{v[1]})" for k, v in totals.items()))
    plan = next((d for d in docs if "kh87" in d.name), None)
    if plan:
        # Speed as a ratio: the plan document against its one-second budget, and against a
        # baseline in the same run (reading every number of it with parse_value alone).
        from hy_analysis import parse_value

        started = time.perf_counter()
        for m in re.finditer(r"\d+(?:[.,]\d+)*\s*%?", plan.text):
            try:
                parse_value(m.group(0))
            except ValueError:
                pass
        baseline = time.perf_counter() - started
        print(f"plan document ({len(plan.text.encode('utf-8')) // 1024} KB): "
              f"{plan.results['seconds']:.3f} s = {plan.results['seconds'] / 1.0:.2f} of the "
              f"1 s budget, {plan.results['seconds'] / baseline:.1f}x parsing its numbers alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
