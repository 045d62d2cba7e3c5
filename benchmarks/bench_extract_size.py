"""Extraction time against document size: is ``hy_analysis.extract`` linear?

Builds texts of growing size from the development set's own excerpts (merged-2025 of
``HY_SOURCES_DIR``, repeated; nothing is written to disk) and times ``extract`` on each. Prints
seconds (wall and CPU: the machine is shared, CPU seconds are the steadier), CPU seconds per MB
and, against the smallest size measured in the same run, the ratio of CPU time per MB (1.0 =
linear; the quadratic reader of issue 17 gave 4.2 at 0.8 MB against 0.4 MB). The issue's bar: a
20 MB text in under a minute on this machine.

``--vary-numbers`` gives each copy other digits (same length and separators; years kept), so
that no figure repeats verbatim: a document that long is not one text forty times over, and
verbatim repeats are cheaper to read and then folded into one row.

``--workers N`` is passed to ``extract`` (default: automatic, two processes for a text of a
million characters or more on a machine of two CPUs or more; 1: one process). The CPU seconds
are those of both processes (the second one's counted once it has been waited for); the
issue's bar is in wall seconds.

Usage: ``python benchmarks/bench_extract_size.py [--sizes 1 5 20] [--vary-numbers]
[--workers N]`` (MB).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
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


def _varied(base: str, n: int, seed: int = 17) -> str:
    """``base`` repeated to ``n`` characters, each copy with other digits (years kept)."""
    rng = random.Random(seed)

    def digits(m: re.Match) -> str:
        d = m.group(0)
        if len(d) == 4 and 1900 <= int(d) <= 2100:
            return d
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in d[1:])

    parts, size = [], 0
    while size < n:
        parts.append(re.sub(r"\d+", digits, base))
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)[:n]


def _cpu() -> float:
    """CPU seconds of this process and of its children waited for (the second process)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", default=os.environ.get("HY_SOURCES_DIR")
                        or str(paths.PROJECT_DIR.parent / "shared" / "sources"))
    parser.add_argument("--sizes", nargs="+", type=float, default=[1.0, 5.0, 20.0],
                        metavar="MB")
    parser.add_argument("--vary-numbers", action="store_true",
                        help="other digits in each copy (no figure repeated verbatim)")
    parser.add_argument("--workers", type=int, default=None,
                        help="processes for extract (default: automatic)")
    args = parser.parse_args(argv)
    base = corpus(Path(args.sources))
    first = None
    extract(base[:5000], date="2025-10-01")  # vocabulary and regexes built before timing
    print(f"{'MB':>6} {'figures':>8} {'wall s':>8} {'cpu s':>8} {'cpu s/MB':>8} {'ratio':>6}")
    for size in sorted(args.sizes):
        n = int(size * 1_000_000)
        text = _varied(base, n) if args.vary_numbers else (base * (n // len(base) + 1))[:n]
        started, cpu = time.perf_counter(), _cpu()
        rows = extract(text, date="2025-10-01", workers=args.workers)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
        per_mb = cpu / size
        first = first or per_mb
        print(f"{size:6.1f} {len(rows):8d} {seconds:8.1f} {cpu:8.1f} {per_mb:8.2f} "
              f"{per_mb / first:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
