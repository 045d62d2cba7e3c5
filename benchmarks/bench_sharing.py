"""What the precomputed filter-panel states of shared reports cost (issue 12).

Runs ``hy-analysis run --force --workers 1`` of each notebook twice into temporary folders:
with ``HY_SHARE=0`` (no states precomputed) and as a user runs it (states precomputed). From
the manifests it prints, per notebook: the run's seconds both ways, the extra seconds and the
ratio, the seconds spent in the panel's states as the kernel measured them, the number of
states, and the HTML page size both ways (goal: under about 5 MB).

Usage: ``python benchmarks/bench_sharing.py [NOTEBOOK ...]`` (default: every notebook).
``HY_SHARE_MAX_STATES`` is passed through to the kernels (the cap on states per panel).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HY_ANALYSIS = [sys.executable, "-c", "import sys; from hy_analysis.cli import main; "
               "sys.exit(main())"]


def run_once(notebook: str, *, share: bool, out: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "HY_SHARE")}
    if not share:
        env["HY_SHARE"] = "0"
    subprocess.run([*HY_ANALYSIS, "run", notebook, "--force", "--workers", "1",
                    "--output-dir", str(out)], env=env, check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    manifest = json.loads(next(out.glob(f"{notebook}/*/manifest.json")).read_text())
    page = manifest.get("html_page") or {}
    panels = page.get("panels") or []
    return {"seconds": manifest["duration_s"], "bytes": page.get("bytes"),
            "states": sum(p["states"] for p in panels),
            "panel_seconds": sum(p["seconds"] for p in panels)}


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from hy_analysis.params import notebook_names

    names = argv or list(notebook_names())
    print(f"{'notebook':<18} {'plain s':>8} {'shared s':>9} {'extra s':>8} {'ratio':>6} "
          f"{'states':>6} {'states s':>9} {'page MB':>8} {'plain MB':>9}")
    with tempfile.TemporaryDirectory(prefix="hy-bench-share-") as tmp:
        for name in names:
            plain = run_once(name, share=False, out=Path(tmp) / "plain")
            shared = run_once(name, share=True, out=Path(tmp) / "shared")
            print(f"{name:<18} {plain['seconds']:8.1f} {shared['seconds']:9.1f} "
                  f"{shared['seconds'] - plain['seconds']:8.1f} "
                  f"{shared['seconds'] / plain['seconds']:6.2f} {shared['states']:6d} "
                  f"{shared['panel_seconds']:9.1f} {shared['bytes'] / 1e6:8.2f} "
                  f"{plain['bytes'] / 1e6:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
