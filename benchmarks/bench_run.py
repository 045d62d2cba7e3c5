"""Time ``hy-analysis run`` against the loop a user would write, in one invocation (issue 13).

(a) full product: ``hy-analysis run --force`` of every notebook (HTML, manifests, index and
    the shared filter states where the package precomputes them);
(b) the baseline: for each notebook, sequentially, ``papermill nb out.ipynb`` then
    ``jupyter nbconvert --to html out.ipynb``;
like for like: both again with ``HY_SHARE=0`` (no precomputed filter states on either side);
sweep: 12 parameter sets of one notebook, ``hy-analysis run --grid ...`` against the loop;
dashboard: ``hy-analysis serve``, headless Chromium, seconds from opening a page to its first
    chart, the median of three opens in fresh browser contexts (``BENCH_DASHBOARD_OPENS``;
    skipped with a reason when playwright or Chromium is missing);
(c) a no-op rerun of (a), where every run is up to date;
floor: the notebooks' own cell time after imports plus their HTML time (both measured in the
    sequential baseline that did the same work), divided by the cores; a/floor.

Ends with exactly the summary lines ``like-for-like b/a``, ``full product b/a``, ``sweep b/a``,
``no-op`` and ``a/floor``. ``--scaling`` also times sweeps of 1, 4, 12 and 48 runs (the loop up
to 12 runs, and 48 with ``--scaling-loop-48``).

Usage: ``python benchmarks/bench_run.py [--scaling] [--no-dashboard] [NOTEBOOK ...]``
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import statistics
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[1]
#: Per-cell timeout of the baseline papermill (seconds).
BASELINE_TIMEOUT = int(os.environ.get("BENCH_BASELINE_TIMEOUT", "60"))  # papermill: an int
#: The sweep: one notebook, 12 parameter sets.
SWEEP_NOTEBOOK = "urbanisation"
SWEEP_GRID = {"lang": ["vi", "en"], "baseline_rate": ["40", "45", "50", "55", "60", "65"]}
SWEEP_FIXED = {"baseline_year": "2020"}
CORES = os.cpu_count() or 1


def _env(**extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def _timed(cmd: list[str], **kwargs) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          **kwargs)
    if done.returncode:
        print(f"    note: {' '.join(cmd[:3])} ... exited {done.returncode}: "
              f"{done.stderr.decode(errors='replace')[-300:]}")
    return time.perf_counter() - start


def _notebooks(names: list[str]) -> list[Path]:
    if names:
        return [Path(a) if a.endswith(".ipynb") else ROOT / "notebooks" / f"{a}.ipynb"
                for a in names]
    sys.path.insert(0, str(ROOT))
    from hy_analysis.params import TOOL_NOTEBOOKS, notebook_names

    # What `hy-analysis run` renders: the JupyterLab tools are left out, as `make report` does.
    return [p for p in (ROOT / "notebooks" / f"{n}.ipynb" for n in notebook_names()
                        if n not in TOOL_NOTEBOOKS) if p.is_file()]


def _run_cmd(notebooks: list[Path], out: Path, *extra: str) -> list[str]:
    return [str(BIN / "hy-analysis"), "run", *extra, "--output-dir", str(out),
            *[str(p) for p in notebooks]]


def _loop(jobs: list[tuple[Path, dict]], out: Path, env: dict) -> tuple[float, dict]:
    """The baseline loop; returns its seconds and, per job, (cell s after imports, HTML s)."""
    out.mkdir(parents=True, exist_ok=True)
    executed_files = []
    start = time.perf_counter()
    for i, (nb, params) in enumerate(jobs):
        executed = out / f"{nb.stem}-{i}.ipynb"
        cmd = [str(BIN / "papermill"), str(nb), str(executed), "--cwd", str(nb.parent),
               "--execution-timeout", str(BASELINE_TIMEOUT)]
        for name, value in params.items():
            cmd += ["-p", name, value]
        t0 = time.perf_counter()
        done = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=env)
        t1 = time.perf_counter()
        if done.returncode or not executed.is_file():
            raise SystemExit(f"the baseline papermill failed on {nb.name} {params}: "
                             f"{done.stderr.decode(errors='replace')[-500:]}")
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", str(executed)],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=env)
        if t1 - t0 >= BASELINE_TIMEOUT:
            print(f"    note: baseline {nb.stem} reached its {BASELINE_TIMEOUT:g} s timeout")
        executed_files.append(executed)
    seconds = time.perf_counter() - start
    # Outside the timed loop: cell time from papermill's metadata, and HTML time without
    # nbconvert's own start-up (the exporter timed in a warm process).
    own = {f.stem: (_cells_after_imports(f), _html_render_s(f)) for f in executed_files}
    return seconds, own


def _cells_after_imports(executed: Path) -> float:
    """Seconds of the notebook's code cells after its imports (papermill's cell durations)."""
    try:
        nb = json.loads(executed.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return float("nan")
    total, seen_imports = 0.0, False
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        lines = [ln for ln in source.splitlines() if ln.strip() and not ln.startswith("#")]
        if not seen_imports and lines and all(ln.startswith(("import ", "from "))
                                              for ln in lines):
            seen_imports = True
            continue  # the imports cell: start-up, not the notebook's own work
        total += cell.get("metadata", {}).get("papermill", {}).get("duration") or 0.0
    return total


def _html_render_s(executed: Path) -> float:
    """Seconds nbconvert's HTML exporter takes on ``executed`` in a warm process."""
    code = ("import sys, time, nbformat; from nbconvert import HTMLExporter; "
            "e = HTMLExporter(); nb = nbformat.read(sys.argv[1], 4); "
            "t = time.perf_counter(); e.from_notebook_node(nb); "
            "print(time.perf_counter() - t)")
    done = subprocess.run([sys.executable, "-c", code, str(executed)], capture_output=True,
                          text=True)
    try:
        return float(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return float("nan")


def _sweep_jobs(n: int) -> list[dict]:
    combos = [dict(zip(SWEEP_GRID, values)) for values in itertools.product(*SWEEP_GRID.values())]
    rates = itertools.count(30)
    while len(combos) < n:  # more sets than the grid: further baseline rates
        rate = str(next(rates))
        combos += [{"lang": lang, "baseline_rate": rate} for lang in SWEEP_GRID["lang"]]
    return [{**c, **SWEEP_FIXED} for c in combos[:n]]


def _sweep_run(n: int, out: Path, env: dict) -> float:
    jobs = _sweep_jobs(n)
    param_file = out.with_suffix(".yaml")
    param_file.write_text(json.dumps(jobs), encoding="utf-8")  # JSON is YAML
    nb = ROOT / "notebooks" / f"{SWEEP_NOTEBOOK}.ipynb"
    return _timed(_run_cmd([nb], out, "--force", "-f", str(param_file)), env=env)


def _dashboard_first_chart(env: dict) -> tuple[float | None, str]:
    """Seconds from opening the first dashboard page to its first chart, in headless Chromium.

    The server gets time to fill its pool of ready kernels first, as it has when a colleague
    opens a page some time after ``hy-analysis serve`` started, and again between opens.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None, "playwright is not installed"
    chromium = os.environ.get("HY_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        return None, "no Chromium (apt-get install chromium, or set HY_CHROMIUM)"
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = "bench"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "notebooks")
        shutil.copytree(ROOT / "notebooks", folder)
        server_env = {k: v for k, v in env.items() if k != "MPLBACKEND"}
        # The token through the environment: serve has no --token (an argv is public).
        server_env.update(JUPYTER_RUNTIME_DIR=str(Path(tmp, "runtime")), JUPYTER_TOKEN=token)
        log = open(Path(tmp, "voila.log"), "wb")
        proc = subprocess.Popen([str(BIN / "hy-analysis"), "serve", "--port", str(port),
                                 "--notebooks-dir", str(folder)],
                                env=server_env, stdout=log, stderr=log, start_new_session=True)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"{base}/voila/static/favicon.ico", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        return None, "the dashboard did not start"
                    time.sleep(0.2)
            time.sleep(float(os.environ.get("BENCH_DASHBOARD_SETTLE", "15")))
            name = sorted(folder.glob("*.ipynb"))[0].name
            opens = max(1, int(os.environ.get("BENCH_DASHBOARD_OPENS", "3")))
            times = []
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=chromium, headless=True)
                for i in range(opens):
                    if i:  # the pool refills with a kernel that has run the notebook
                        time.sleep(float(os.environ.get("BENCH_DASHBOARD_REFILL", "12")))
                    page = browser.new_context().new_page()  # nothing cached between opens
                    start = time.perf_counter()
                    # Timed to the chart a reader sees (decoded, not in a hidden container),
                    # not to the load event: that one also waits for the widgets' front end,
                    # which the page's charts do not need (docs/perf-dashboard.md).
                    page.goto(f"{base}/voila/render/{name}?token={token}", timeout=120_000,
                              wait_until="commit")
                    page.wait_for_function(
                        "() => [...document.images].some(i => i.complete && i.naturalWidth > 0"
                        " && i.checkVisibility())", timeout=120_000, polling=20)
                    times.append(time.perf_counter() - start)
                    if os.environ.get("BENCH_DEBUG"):
                        page.wait_for_load_state("load", timeout=120_000)
                        loaded = page.evaluate("() => performance.getEntriesByType("
                                               "'navigation')[0].loadEventEnd / 1000")
                        print(f"     first chart after {times[-1]:.2f} s, "
                              f"page loaded (load event) after {loaded:.2f} s")
                    page.context.close()
                browser.close()
            # One open varies by a few tenths of a second with what else the machine does.
            print(f"     dashboard opens: {', '.join(f'{t:.2f}' for t in times)} s")
            return statistics.median(times), name
        finally:
            try:
                os.killpg(proc.pid, 15)
                proc.wait(10)
            except ProcessLookupError:  # the server had already ended (it said why in the log)
                pass
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
            log.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*")
    parser.add_argument("--scaling", action="store_true",
                        help="also time sweeps of 1, 4, 12 and 48 runs")
    parser.add_argument("--scaling-loop-48", action="store_true",
                        help="with --scaling, time the loop on 48 runs too (slow)")
    parser.add_argument("--no-dashboard", action="store_true")
    args = parser.parse_args(argv)
    notebooks = _notebooks(args.notebooks)
    print(f"{len(notebooks)} notebooks: {', '.join(p.stem for p in notebooks)}; {CORES} cores; "
          f"load average at start {os.getloadavg()[0]:.2f}")
    env = _env()
    plain = _env(HY_SHARE="0")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        # Warm-up, not counted: the warm kernel parent (started once, kept while used) and
        # the file cache, for both sides.
        _timed(_run_cmd(notebooks[:1], root / "warmup", "--force"), env=env)
        _loop([(notebooks[0], {})], root / "warmup-loop", env)

        a = _timed(_run_cmd(notebooks, root / "a", "--force"), env=env)
        c = _timed(_run_cmd(notebooks, root / "a"), env=env)
        b, own = _loop([(nb, {}) for nb in notebooks], root / "b", env)
        a_ll = _timed(_run_cmd(notebooks, root / "a-ll", "--force"), env=plain)
        b_ll, own_ll = _loop([(nb, {}) for nb in notebooks], root / "b-ll", plain)

        # Each floor from the loop that did the same work: the full product's (with the
        # shared panels' states) for a, the like-for-like loop's for the like-for-like run.
        cells = sum(v[0] for v in own.values())
        html = sum(v[1] for v in own.values())
        floor = (cells + html) / CORES
        floor_ll = sum(v[0] + v[1] for v in own_ll.values()) / CORES

        sweep_nb = ROOT / "notebooks" / f"{SWEEP_NOTEBOOK}.ipynb"
        a_sweep = _sweep_run(12, root / "sweep-a", env)
        b_sweep, _ = _loop([(sweep_nb, p) for p in _sweep_jobs(12)], root / "sweep-b", env)

        manifests = [json.loads(p.read_text()) for p in (root / "a").glob("*/*/manifest.json")]
        statuses = sorted({m["status"] for m in manifests})
        print(f"(a)  hy-analysis run --force, full product  {a:7.2f} s  "
              f"(statuses: {', '.join(statuses) or 'none'})")
        print(f"(b)  papermill + nbconvert loop             {b:7.2f} s")
        print(f"     like for like (HY_SHARE=0): run {a_ll:.2f} s, loop {b_ll:.2f} s")
        print(f"     sweep of 12 sets of {SWEEP_NOTEBOOK}: run {a_sweep:.2f} s, "
              f"loop {b_sweep:.2f} s")
        print(f"(c)  no-op rerun                            {c:7.2f} s")
        print(f"     floor: cells after imports {cells:.2f} s + HTML {html:.2f} s, "
              f"/ {CORES} cores = {floor:.2f} s (like for like: {floor_ll:.2f} s, "
              f"a/floor {a_ll / floor_ll:.2f})")
        for m in sorted(manifests, key=lambda m: m["notebook"]):
            t = m.get("timings_s", {})
            print(f"     {m['notebook']:<18} kernel start {t.get('kernel_start', 0):5.2f} s, "
                  f"papermill {t.get('execute', 0):5.2f} s, HTML {t.get('html', 0):5.2f} s")

        if not args.no_dashboard:
            seconds, what = _dashboard_first_chart(env)
            if seconds is None:
                print(f"     dashboard: not measured ({what})")
            else:
                print(f"     dashboard: first chart of {what} after {seconds:.2f} s "
                      "(headless Chromium, median of the opens)")

        if args.scaling:
            print("\nscaling (sweeps of one notebook): runs, run s, loop s, loop/run")
            for n in (1, 4, 12, 48):
                if n == 12:  # the sweep above
                    print(f"     {n:3d}  {a_sweep:7.2f}  {b_sweep:7.2f}  "
                          f"{b_sweep / a_sweep:5.2f}x")
                    continue
                run_s = _sweep_run(n, root / f"scale-{n}", env)
                if n <= 12 or args.scaling_loop_48:
                    loop_s, _ = _loop([(sweep_nb, p) for p in _sweep_jobs(n)],
                                      root / f"scale-loop-{n}", env)
                    print(f"     {n:3d}  {run_s:7.2f}  {loop_s:7.2f}  {loop_s / run_s:5.2f}x")
                else:
                    print(f"     {n:3d}  {run_s:7.2f}  (loop not timed; about {n} x "
                          f"{b_sweep / 12:.2f} s = {n * b_sweep / 12:.1f} s)")

    print(f"load average at end {os.getloadavg()[0]:.2f}")
    print(f"like-for-like b/a = {b_ll / a_ll:.2f}x")
    print(f"full product b/a = {b / a:.2f}x")
    print(f"sweep b/a = {b_sweep / a_sweep:.2f}x")
    print(f"no-op = {c:.2f} s")
    print(f"a/floor = {a / floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
