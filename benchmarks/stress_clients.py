"""Run the notebooks many times under ordinary clients, side by side, and count stalls.

A *stall* is a cell whose execution ends only at the client's timeout: the cell either fails
with a timeout, or "completes" with a duration at or above the timeout (the reply had
arrived long before and the client noticed it only when its wait expired), or the run does
not end at all before a wall-clock limit. A *start-up failure* is a run that dies before the
first cell ("Kernel didn't respond in 60 seconds", a port already in use).

Clients (each in its own process, like a user would start it):

``papermill``  the ``papermill`` command with ``--execution-timeout``;
``nbconvert``  ``jupyter nbconvert --to notebook --execute`` with a cell timeout;
``nbclient``   ``nbclient.NotebookClient(nb).execute()`` with its defaults (no timeout: a
               stall there only ends at this script's wall-clock limit).

Parameter sets rotate per run; nbconvert and nbclient get them injected by papermill's
``parameterize_notebook`` first, so every client sees the same mix. Run from anywhere::

    python benchmarks/stress_clients.py --runs 5 --parallel 2
    python benchmarks/stress_clients.py --clients papermill --runs 50 --timeout 45

It prints one line per run and the counts; the exit status is 1 when any run stalled or
failed, so CI (``tests/test_stall.py``) can use it as is.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BIN = Path(sys.executable).parent
CLIENTS = ("papermill", "nbconvert", "nbclient")

#: A few parameter sets per notebook, used in rotation (the defaults first).
PARAMETER_SETS: dict[str, list[dict]] = {
    "fdi_by_country": [
        {},
        {"countries": ["Korea"], "include_other": False},
        {"countries": ["Japan", "China"], "lang": "en"},
    ],
    "industrial_growth": [
        {},
        {"region": "Bắc Giang", "lang": "en"},
        {"start_year": 2023, "end_year": 2035, "scenario_growth": [6.5, 10.0]},
    ],
    "urbanisation": [
        {},
        {"baseline_year": 2023, "baseline_rate": 40.0},
        {"target_years": [2030], "lang": "en"},
    ],
    "overview": [
        {},
        {"kinds": ["target"], "lang": "en"},
        {"regions": ["Hưng Yên", "Bắc Giang"]},
    ],
    "attainment": [
        {},
        {"region": "Thái Bình", "lang": "en"},
        {"as_of": 2024, "tolerance": 0.1},
    ],
    "provinces_compared": [
        {},
        {"provinces": ["Bắc Ninh"], "lang": "en"},
        {"provinces": ["Bắc Ninh", "Hưng Yên"]},
    ],
}

_STARTUP_SIGNS = ("Kernel didn't respond", "Address already in use", "did not respond",
                  "Kernel died before replying to kernel_info")


@dataclass
class Outcome:
    client: str
    notebook: str
    params: dict
    status: str = "ok"  # ok | stall | startup | error
    wall_s: float = 0.0
    slowest_cell: tuple[int, float] | None = None
    detail: str = ""
    extra: dict = field(default_factory=dict)


def _env() -> dict:
    env = dict(os.environ)
    # The package of this checkout, also inside the kernels the clients start.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("HY_HEADLESS", None)  # draw the filter panels, as a user's run does
    return env


def _parameterized(notebook: str, params: dict, folder: Path) -> Path:
    """The notebook with ``params`` injected, for clients that cannot take parameters."""
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = load_notebook_node(str(NOTEBOOKS / f"{notebook}.ipynb"))
    nb = parameterize_notebook(nb, params, report_mode=False)
    path = folder / f"{notebook}-in.ipynb"
    nbformat.write(nb, path)
    return path


def _client_delays(path: Path) -> list[tuple[int, float]]:
    """(cell index, seconds) a client took to act on each cell's reply, per run kind.

    papermill records each cell's duration as its client measured it, from sending the
    request to noticing the end. nbclient (nbconvert, bare nbclient) stamps the kernel's
    send times: for it the delay is the time from a cell's ``execute_reply`` to the next
    cell's ``execute_input`` (the client's next request reaching the kernel), and for the
    last cell to the moment the output notebook was written. Healthy runs show
    milliseconds to a few seconds (kernel shutdown); a missed reply shows the timeout.
    """
    import nbformat
    from dateutil.parser import isoparse

    try:
        nb = nbformat.read(path, as_version=4)
        written = path.stat().st_mtime
    except Exception:  # noqa: BLE001 - no output notebook: nothing to measure
        return []
    code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    if any(c.metadata.get("papermill", {}).get("duration") is not None for _, c in code):
        return [(i, float(c.metadata["papermill"].get("duration") or 0)) for i, c in code]
    stamps = [(i, c.metadata.get("execution", {})) for i, c in code]
    stamps = [(i, ex) for i, ex in stamps
              if "shell.execute_reply" in ex and "iopub.execute_input" in ex]
    delays = []
    for (index, ex), following in zip(stamps, [*stamps[1:], None]):
        replied = isoparse(ex["shell.execute_reply"]).timestamp()
        noticed = (isoparse(following[1]["iopub.execute_input"]).timestamp()
                   if following else written)
        delays.append((index, noticed - replied))
    return delays


def _command(client: str, notebook: str, params: dict, folder: Path, timeout: float):
    out = folder / f"{notebook}-out.ipynb"
    if client == "papermill":
        cmd = [str(BIN / "papermill"), "--no-progress-bar", "--cwd", str(NOTEBOOKS),
               "--execution-timeout", str(int(timeout)), str(NOTEBOOKS / f"{notebook}.ipynb"),
               str(out)]
        for name, value in params.items():
            cmd += ["-y", json.dumps({name: value}, ensure_ascii=False)]
        return cmd, out
    source = _parameterized(notebook, params, folder)
    if client == "nbconvert":
        return [str(BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
                f"--ExecutePreprocessor.timeout={int(timeout)}", "--output-dir", str(folder),
                "--output", out.stem, str(source)], out
    if client == "nbclient":
        return [sys.executable, __file__, "--child-nbclient", str(source), str(out)], out
    raise ValueError(f"client: got {client!r}, expected one of {CLIENTS}")


def run_once(client: str, notebook: str, params: dict, *, timeout: float,
             keep: Path | None = None) -> Outcome:
    """Run one notebook under one client; classify the run."""
    outcome = Outcome(client, notebook, params)
    with tempfile.TemporaryDirectory(prefix="hy-stress-") as tmp:
        folder = Path(tmp)
        cmd, out = _command(client, notebook, params, folder, timeout)
        # Wall-clock limit, for clients without a timeout (bare nbclient): a healthy run,
        # even on a loaded machine, ends well within it.
        limit = 2 * timeout + 60
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=NOTEBOOKS, env=_env(), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, errors="replace",
                                start_new_session=True)
        try:
            log, _ = proc.communicate(timeout=limit)
            hung = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            log, _ = proc.communicate()
            hung = True
        except BaseException:  # Ctrl-C: leave no client behind (its kernel follows it)
            os.killpg(proc.pid, signal.SIGKILL)
            raise
        outcome.wall_s = time.monotonic() - start
        delays = _client_delays(out)
        if delays:
            outcome.slowest_cell = max(delays, key=lambda d: d[1])
        tail = " | ".join(line.strip() for line in log.strip().splitlines()[-3:])
        if hung:
            outcome.status, outcome.detail = "stall", f"no end after {limit:.0f} s: {tail}"
        elif any(sign in log for sign in _STARTUP_SIGNS):
            outcome.status, outcome.detail = "startup", tail
        elif "Timeout waiting for execute reply" in log or "CellTimeoutError" in log \
                or "timed out" in log:
            outcome.status, outcome.detail = "stall", tail
        elif outcome.slowest_cell and outcome.slowest_cell[1] >= 0.9 * timeout:
            outcome.status = "stall"
            outcome.detail = (f"cell {outcome.slowest_cell[0]} ended "
                              f"{outcome.slowest_cell[1]:.1f} s late, timeout {timeout:g} s")
        elif proc.returncode != 0:
            outcome.status, outcome.detail = "error", tail
        if keep is not None and outcome.status != "ok" and out.exists():
            keep.mkdir(parents=True, exist_ok=True)
            target = keep / f"{client}-{notebook}-{int(time.time() * 1000)}.ipynb"
            target.write_bytes(out.read_bytes())
            (target.with_suffix(".log")).write_text(log, encoding="utf-8")
    return outcome


def _child_nbclient(source: str, out: str) -> int:
    """``NotebookClient(nb).execute()`` with its defaults, as a user's script would."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(source, as_version=4)
    NotebookClient(nb, resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    nbformat.write(nb, out)
    return 0


def stress(*, clients=CLIENTS, notebooks=None, runs: int = 5, parallel: int = 2,
           timeout: float = 45, keep: Path | None = None, echo=print) -> list[Outcome]:
    """Run every (client, notebook) ``runs`` times, ``parallel`` at once; return outcomes."""
    notebooks = list(notebooks or PARAMETER_SETS)
    queues = []
    for client in clients:
        for notebook in notebooks:
            sets = itertools.cycle(PARAMETER_SETS[notebook])
            queues.append([(client, notebook, next(sets)) for _ in range(runs)])
    # Round-robin over (client, notebook) so different notebooks and clients run side by side.
    jobs = [job for batch in zip(*queues) for job in batch]
    lock = threading.Lock()
    outcomes = []

    def one(job):
        outcome = run_once(*job, timeout=timeout, keep=keep)
        with lock:
            outcomes.append(outcome)
            slowest = (f"cell {outcome.slowest_cell[0]} {outcome.slowest_cell[1]:.1f}s"
                       if outcome.slowest_cell else "-")  # papermill: duration; else: delay
            echo(f"{len(outcomes):4d} {outcome.status:7s} {outcome.client:9s} "
                 f"{outcome.notebook:17s} {outcome.wall_s:6.1f}s slowest {slowest:14s} "
                 f"{json.dumps(outcome.params, ensure_ascii=False)} {outcome.detail}")
        return outcome

    with ThreadPoolExecutor(max_workers=parallel) as pool:
        list(pool.map(one, jobs))
    return outcomes


def summary(outcomes: list[Outcome]) -> str:
    counts = Counter((o.client, o.notebook, o.status) for o in outcomes)
    lines = [f"{'client':10s} {'notebook':18s} {'runs':>5s} {'ok':>4s} {'stall':>6s} "
             f"{'startup':>8s} {'error':>6s}"]
    for client, notebook in sorted({(o.client, o.notebook) for o in outcomes}):
        n = sum(v for (c, b, _), v in counts.items() if (c, b) == (client, notebook))
        lines.append(f"{client:10s} {notebook:18s} {n:5d} "
                     + " ".join(f"{counts[(client, notebook, s)]:{w}d}"
                                for s, w in (("ok", 4), ("stall", 6), ("startup", 8),
                                             ("error", 6))))
    total = Counter(o.status for o in outcomes)
    lines.append(f"{'all':29s} {len(outcomes):5d} {total['ok']:4d} {total['stall']:6d} "
                 f"{total['startup']:8d} {total['error']:6d}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", default=",".join(CLIENTS),
                        help="comma-separated, from: " + ", ".join(CLIENTS))
    parser.add_argument("--notebooks", default=",".join(PARAMETER_SETS))
    parser.add_argument("--runs", type=int, default=5, help="runs per notebook per client")
    parser.add_argument("--parallel", type=int, default=2, help="runs at once")
    parser.add_argument("--timeout", type=float, default=45,
                        help="cell timeout in seconds (papermill, nbconvert)")
    parser.add_argument("--keep", type=Path, help="copy failed runs' notebooks and logs here")
    parser.add_argument("--child-nbclient", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_nbclient:
        return _child_nbclient(*args.child_nbclient)
    clients = [c for c in args.clients.split(",") if c]
    unknown = set(clients) - set(CLIENTS)
    if unknown:
        parser.error(f"--clients: got {sorted(unknown)}, expected some of {CLIENTS}")
    notebooks = [n for n in args.notebooks.split(",") if n]
    wrong = set(notebooks) - set(PARAMETER_SETS)
    if wrong:
        parser.error(f"--notebooks: got {sorted(wrong)}, expected some of "
                     f"{sorted(PARAMETER_SETS)}")
    started = time.monotonic()
    outcomes = stress(clients=clients, notebooks=notebooks, runs=args.runs,
                      parallel=args.parallel, timeout=args.timeout, keep=args.keep,
                      echo=lambda line: print(line, flush=True))
    print(summary(outcomes))
    print(f"{len(outcomes)} runs in {time.monotonic() - started:.0f} s, "
          f"{args.parallel} at a time, cell timeout {args.timeout:g} s")
    return 0 if all(o.status == "ok" for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
