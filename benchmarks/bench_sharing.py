"""What the precomputed filter-panel states of shared reports cost (issue 12).

Runs ``hy-analysis run --force --workers 1`` of each notebook twice into temporary folders:
with ``HY_SHARE=0`` (no states precomputed) and as a user runs it (states precomputed). From
the manifests it prints, per notebook: the run's seconds both ways, the extra seconds and the
ratio, the seconds spent in the panel's states as the kernel measured them, the number of
states, and the HTML page size both ways (goal: under about 5 MB).

It also prints the time per state (the states' seconds over their number) beside the same
figure "before": either measured in the same invocation from another checkout of the project
(``--baseline DIR``: that checkout's own ``.venv`` runs its own code, e.g. the main branch),
or read from the printed table of an earlier run of this script (``--before FILE``). The
last column is after / before (goal: 0.5 or less).

With ``--repeat N`` each notebook runs N times each way, the baseline and this checkout
taking turns, and every column keeps its best run (the least disturbed by other work on the
machine). A last row totals the states: seconds over states, before and after.

``--cpu`` measures instead the processor time per state, which other work on a shared
machine disturbs far less than wall time: each checkout's own Python computes every notebook's
panel states in one process (its defaults, after drawing the first state once, as the
notebook's own sections warm a kernel), the baseline and this checkout taking turns
(``--repeat``, best kept); it needs ``--baseline`` for the "before" column.

Usage: ``python benchmarks/bench_sharing.py [--baseline DIR | --before FILE] [--repeat N]
[--cpu] [NOTEBOOK ...]`` (default: every notebook). ``HY_SHARE_MAX_STATES`` is passed through to the kernels (the cap
on states per panel).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = ["-c", "import sys; from hy_analysis.cli import main; sys.exit(main())"]


def run_once(notebook: str, *, share: bool, out: Path, root: Path = ROOT) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "HY_SHARE")}
    if not share:
        env["HY_SHARE"] = "0"
    python = sys.executable if root == ROOT else str(root / ".venv" / "bin" / "python")
    subprocess.run([python, *CLI, "run", notebook, "--force", "--workers", "1",
                    "--output-dir", str(out)], env=env, check=True, cwd=root,
                   stdout=subprocess.DEVNULL)
    manifest = json.loads(next(out.glob(f"{notebook}/*/manifest.json")).read_text())
    page = manifest.get("html_page") or {}
    panels = page.get("panels") or []
    return {"seconds": manifest["duration_s"], "bytes": page.get("bytes"),
            "states": sum(p["states"] for p in panels),
            "panel_seconds": sum(p["seconds"] for p in panels)}


#: Run by each checkout's own Python in its own folder: the panel states of the notebooks
#: named in argv, timed in processor seconds; prints one JSON line per notebook.
CPU_PROBE = """
import json, sys, time
import matplotlib
matplotlib.use("Agg")
from IPython.core.interactiveshell import InteractiveShell
InteractiveShell.instance()
from hy_analysis.charts.base import setup
from hy_analysis.notebook import start
from hy_analysis.params import get_params
from hy_analysis.sharing import precompute
from hy_analysis.views import VIEWS
from hy_analysis.widgets import _rendered_outputs
for name in [n for n in sys.argv[1:] if n in VIEWS]:
    run = start(name, {p.name: p.default for p in get_params(name)}, show=False)
    setup()
    render, names = VIEWS[name]
    view = run.view(render)
    _rendered_outputs(view, run.params)
    began = time.process_time()
    panel = precompute(name, run.params, view, list(names), capture=_rendered_outputs,
                       lang=run.params.get("lang", "vi"))
    print(json.dumps({"notebook": name, "states": len(panel.states),
                      "cpu": time.process_time() - began}), flush=True)
"""


def cpu_once(names: list[str], root: Path) -> dict[str, dict]:
    """Processor seconds of each notebook's panel states, computed by ``root``'s own code."""
    env = {k: v for k, v in os.environ.items() if k not in ("HY_SHARE", "PYTHONPATH")}
    python = sys.executable if root == ROOT else str(root / ".venv" / "bin" / "python")
    done = subprocess.run([python, "-c", CPU_PROBE, *names], env=env, cwd=root, check=True,
                          capture_output=True, text=True)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {r["notebook"]: r for r in rows}


def cpu_table(names: list[str], baseline: Path, repeat: int) -> None:
    """Print processor ms per state before (``baseline``) and after, and the ratio."""
    best: dict[str, dict[str, float]] = {"before": {}, "after": {}}
    counts: dict[str, int] = {}
    for _ in range(max(repeat, 1)):
        for side, root in (("before", baseline), ("after", ROOT)):
            for name, row in cpu_once(names, root).items():
                if row["states"]:
                    counts[name] = row["states"]
                    best[side][name] = min(best[side].get(name, float("inf")), row["cpu"])
    print(f"{'notebook':<18} {'states':>6} {'before cpu ms':>13} {'after cpu ms':>12} "
          f"{'after/b':>7}")
    for name in names:
        if name in best["before"] and name in best["after"]:
            then, now = (best[s][name] / counts[name] for s in ("before", "after"))
            print(f"{name:<18} {counts[name]:6d} {then * 1000:13.0f} {now * 1000:12.0f} "
                  f"{now / then:7.2f}")
    shared = [n for n in names if n in best["before"] and n in best["after"]]
    if shared:
        then = sum(best["before"][n] for n in shared) / sum(counts[n] for n in shared)
        now = sum(best["after"][n] for n in shared) / sum(counts[n] for n in shared)
        print(f"{'all states':<18} {sum(counts[n] for n in shared):6d} {then * 1000:13.0f} "
              f"{now * 1000:12.0f} {now / then:7.2f}")


def per_state(measured: dict) -> float | None:
    """Seconds per precomputed state (None without states)."""
    return measured["panel_seconds"] / measured["states"] if measured["states"] else None


def _best(runs: list[dict]) -> dict:
    """Of several runs of one notebook, each figure at its best (least disturbed)."""
    best = dict(min(runs, key=lambda r: r["seconds"]))
    with_states = [r for r in runs if r["states"]]
    if with_states:
        best.update(min(with_states, key=per_state), seconds=best["seconds"])
    return best


def read_before(path: Path) -> dict[str, float | None]:
    """Per-state seconds by notebook from the table an earlier run printed.

    Its rows start: notebook, plain s, shared s, extra s, ratio, states, states s.
    """
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split()
        if len(cells) >= 7:
            count, spent = int(cells[5]), float(cells[6])
            found[cells[0]] = spent / count if count else None
    return found


def _ms(value: float | None) -> str:
    return f"{value * 1000:9.0f}" if value is not None else f"{'-':>9}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--baseline", type=Path, help="another checkout, measured in this run")
    group.add_argument("--before", type=Path, help="the printed table of an earlier run")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs each way, taking turns; the best of each is kept")
    parser.add_argument("--cpu", action="store_true",
                        help="processor time per state, in process (needs --baseline)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from hy_analysis.params import notebook_names

    names = args.notebooks or list(notebook_names())
    if args.cpu:
        if not args.baseline:
            parser.error("--cpu needs --baseline DIR (the checkout measured as before)")
        cpu_table(names, args.baseline, args.repeat)
        return 0
    before = read_before(args.before) if args.before else {}
    print(f"{'notebook':<18} {'plain s':>8} {'shared s':>9} {'extra s':>8} {'ratio':>6} "
          f"{'states':>6} {'states s':>9} {'page MB':>8} {'plain MB':>9} "
          f"{'before ms':>9} {'ms/state':>9} {'after/b':>7}")
    totals = {"before": [0.0, 0], "after": [0.0, 0]}
    with tempfile.TemporaryDirectory(prefix="hy-bench-share-") as tmp:
        for name in names:
            bases, plains, shareds = [], [], []
            for turn in range(max(args.repeat, 1)):
                out = Path(tmp) / str(turn)
                if args.baseline:
                    bases.append(run_once(name, share=True, out=out / "base",
                                          root=args.baseline))
                plains.append(run_once(name, share=False, out=out / "plain"))
                shareds.append(run_once(name, share=True, out=out / "shared"))
            plain = _best(plains)
            shared = _best(shareds)
            if bases:
                base = _best(bases)
                before[name] = per_state(base)
                if base["states"]:
                    totals["before"][0] += base["panel_seconds"]
                    totals["before"][1] += base["states"]
            if shared["states"]:
                totals["after"][0] += shared["panel_seconds"]
                totals["after"][1] += shared["states"]
            now, then = per_state(shared), before.get(name)
            ratio = f"{now / then:7.2f}" if now is not None and then else f"{'-':>7}"
            print(f"{name:<18} {plain['seconds']:8.1f} {shared['seconds']:9.1f} "
                  f"{shared['seconds'] - plain['seconds']:8.1f} "
                  f"{shared['seconds'] / plain['seconds']:6.2f} {shared['states']:6d} "
                  f"{shared['panel_seconds']:9.1f} {shared['bytes'] / 1e6:8.2f} "
                  f"{plain['bytes'] / 1e6:9.2f} {_ms(then)} {_ms(now)} {ratio}", flush=True)
    (spent_b, count_b), (spent_a, count_a) = totals["before"], totals["after"]
    if count_b and count_a:
        then, now = spent_b / count_b, spent_a / count_a
        print(f"all states: before {spent_b:.1f} s / {count_b} = {then * 1000:.0f} ms, "
              f"after {spent_a:.1f} s / {count_a} = {now * 1000:.0f} ms, "
              f"after/before {now / then:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
