"""Extraction time against document size: is ``hy_analysis.extract`` linear?

Builds texts of growing size from the development set's own excerpts (merged-2025 of
``HY_SOURCES_DIR``, repeated; nothing is written to disk) and times ``extract`` on each. Prints
seconds, seconds per MB and, against the smallest size measured in the same run, the ratio
of time per MB (1.0 = linear; the quadratic reader of issue 17 gave 4.2 at 0.8 MB against
0.4 MB). The issue's bar: a 20 MB text in under a minute on this machine.

Usage: ``python benchmarks/bench_extract_size.py [--sizes 1 5 20]`` (sizes in MB).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from hy_analysis import paths
from hy_analysis.extraction import extract


def corpus(sources: Path) -> str:
    texts = [p.read_text(encoding="utf-8").split("\n\n", 1)[-1]
             for p in sorted((sources / "merged-2025").glob("[0-9][0-9].txt"))]
    if not texts:
        raise SystemExit(f"--sources: no merged-2025/NN.txt under {sources}")
    return "\n\n".join(texts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", default=os.environ.get("HY_SOURCES_DIR")
                        or str(paths.PROJECT_DIR.parent / "shared" / "sources"))
    parser.add_argument("--sizes", nargs="+", type=float, default=[1.0, 5.0, 20.0],
                        metavar="MB")
    args = parser.parse_args(argv)
    base = corpus(Path(args.sources))
    first = None
    print(f"{'MB':>6} {'figures':>8} {'seconds':>8} {'s/MB':>7} {'ratio':>6}")
    for size in sorted(args.sizes):
        n = int(size * 1_000_000)
        text = (base * (n // len(base) + 1))[:n]
        started = time.perf_counter()
        rows = extract(text, date="2025-10-01")
        seconds = time.perf_counter() - started
        per_mb = seconds / size
        first = first or per_mb
        print(f"{size:6.1f} {len(rows):8d} {seconds:8.1f} {per_mb:7.2f} {per_mb / first:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
