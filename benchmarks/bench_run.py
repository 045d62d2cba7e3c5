"""Time ``hy-analysis run`` against the loop a user would write, in one invocation.

(a) ``hy-analysis run --force`` of every notebook (HTML, manifests, index);
(b) the baseline: for each notebook, sequentially, ``papermill nb out.ipynb`` then
    ``jupyter nbconvert --to html out.ipynb``;
(c) a no-op rerun of (a), where every run is up to date.

Prints the seconds of each, the ratio b/a (speed-up, goal >= 2 on 2 cores) and c (goal < 1 s),
then where the time of one run goes (imports in the worker, kernel start, cells).

Usage: ``python benchmarks/bench_run.py [NOTEBOOK ...]`` (default: every notebook in
notebooks/, or the test fixtures when there are none yet).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
_BLOCKED = "import sys; sys.modules['rfc3987_syntax'] = None; "
ROOT = Path(__file__).resolve().parents[1]
#: Per-cell timeout of the baseline papermill (seconds).
BASELINE_TIMEOUT = float(os.environ.get("BENCH_BASELINE_TIMEOUT", "60"))


def _notebooks(argv: list[str]) -> list[Path]:
    if argv:
        return [Path(a) if a.endswith(".ipynb") else ROOT / "notebooks" / f"{a}.ipynb"
                for a in argv]
    sys.path.insert(0, str(ROOT))
    from hy_analysis.params import notebook_names
    from hy_analysis.paths import notebooks_dir

    found = [notebooks_dir() / f"{n}.ipynb" for n in notebook_names()]
    found = [p for p in found if p.is_file()]
    if found:
        return found
    print("no notebooks in notebooks/ yet: timing the test fixtures instead")
    fixtures = ROOT / "tests" / "fixtures" / "notebooks"
    return [fixtures / f"{n}.ipynb" for n in ("ok", "widget", "slow", "failing")]


def _timed(cmd: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   **kwargs)
    return time.perf_counter() - start


def _import_cost(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return float(out.stdout.strip() or "nan")


def main(argv: list[str]) -> int:
    notebooks = _notebooks(argv)
    names = [str(p) for p in notebooks]
    print(f"{len(notebooks)} notebooks: {', '.join(p.stem for p in notebooks)}; "
          f"{os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        out_a, out_b = Path(tmp, "a"), Path(tmp, "b")
        out_b.mkdir()
        env = dict(os.environ, HY_OUTPUTS_DIR=str(out_a))
        a = _timed([str(BIN / "hy-analysis"), "run", "--force", *names], env=env)
        c = _timed([str(BIN / "hy-analysis"), "run", *names], env=env)

        # Plain papermill can stall on widget cells until its execution timeout (the client
        # misses the kernel's reply); the baseline gets a timeout so the loop ends.
        start = time.perf_counter()
        stalled = []
        for nb in notebooks:
            executed = out_b / nb.name
            t0 = time.perf_counter()
            subprocess.run([str(BIN / "papermill"), str(nb), str(executed), "--cwd",
                            str(nb.parent), "--execution-timeout", str(BASELINE_TIMEOUT)],
                           check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if time.perf_counter() - t0 >= BASELINE_TIMEOUT:
                stalled.append(nb.stem)
            subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)],
                           check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f"    baseline {nb.stem:<20} {time.perf_counter() - t0:6.2f} s")
        b = time.perf_counter() - start

        manifests = [json.loads(p.read_text()) for p in out_a.glob("*/*/manifest.json")]
        statuses = sorted({m["status"] for m in manifests})
        print(f"(a) hy-analysis run --force      {a:7.2f} s   (statuses: {', '.join(statuses)})")
        print(f"(b) papermill + nbconvert loop   {b:7.2f} s")
        print(f"(c) no-op rerun                  {c:7.2f} s   (goal < 1 s)")
        print(f"speed-up b/a = {b / a:.2f}x (goal >= 2x); ratio a/b = {a / b:.2f}")
        if stalled:
            print(f"note: the baseline stalled until its {BASELINE_TIMEOUT:g} s timeout on "
                  f"{', '.join(stalled)}; without those stalls it would take about "
                  f"{b - len(stalled) * BASELINE_TIMEOUT:.1f} s+ "
                  f"(b/a >= {(b - len(stalled) * BASELINE_TIMEOUT) / a:.2f}x)")

        print("\nwhere the time goes")
        print(f"  import papermill + nbconvert, plain:              "
              f"{_import_cost('import papermill, nbconvert'):.2f} s")
        print(f"  same, skipping jsonschema's rfc3987_syntax:       "
              f"{_import_cost(_BLOCKED + 'import papermill, nbconvert'):.2f} s")
        print(f"  import hy_analysis + pandas + seaborn (kernel):   "
              f"{_import_cost('import hy_analysis, pandas, seaborn'):.2f} s")
        for m in sorted(manifests, key=lambda m: m["notebook"]):
            t = m.get("timings_s", {})
            cells = sorted(((c["duration_s"] or 0, c["index"]) for c in m["cells"]),
                           reverse=True)
            slowest = ", ".join(f"cell {i} {d:.2f}" for d, i in cells[:3])
            print(f"  {m['notebook']:<20} worker imports {t.get('imports', 0):5.2f} s, "
                  f"kernel start {t.get('kernel_start', 0):5.2f} s, "
                  f"cells {sum(d for d, _ in cells):5.2f} s ({slowest}), "
                  f"papermill total {t.get('execute', 0):5.2f} s, "
                  f"HTML {t.get('html', 0):5.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
