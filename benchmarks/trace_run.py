"""Where the full product's seconds go: every phase of every run of ``hy-analysis run --force``.

Runs what ``hy-analysis run --force`` runs (the same plan, ``execute_plan``, a pool of cores + 1
workers with the same context and initializer), with probes wrapped around the phases inside the
workers: the job taken, papermill's load and parameter injection, the kernel's start (the
fork request to the warm parent, jupyter_client's ``start_kernel``, ``start_channels``,
``wait_for_ready`` split into its ``kernel_info`` reply, IOPub check and IOPub flush), nbclient's
own ``kernel_info``, every cell, papermill's per-cell hooks, the kernel's shutdown, the
notebook write, the report's tables/workbook/HTML, the manifest and the swap. Each phase has
its wall-clock start and end and the worker's processor time; each kernel its processor time
up to its first cell and up to its shutdown. A sampler in this process reads ``/proc/stat``
(the whole machine's busy cores) and the processor time of our workers and kernels every
0.1 s. The output is a text timeline (one lane per worker), a table of where the seconds go,
and the raw events as JSON (``--json``).

Nothing in the package is changed: the probes are installed by the pool's initializer.

Usage: ``python benchmarks/trace_run.py [--repeat N] [--json FILE] [NOTEBOOK ...]``
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import functools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CORES = os.cpu_count() or 1
TICK = os.sysconf("SC_CLK_TCK")
SLOT = 0.1  # seconds per character of the timeline

# ---------------------------------------------------------------- worker side (probes)

_events: list[dict] = []
_label: str | None = None


def _mark(name: str, t0: float, t1: float, c0: float, c1: float, **extra) -> None:
    _events.append({"pid": os.getpid(), "label": _label, "name": name, "t0": t0, "t1": t1,
                    "cpu": c1 - c0, **extra})


def _wrap(owner, attr: str, name: str, *, is_async: bool = False):
    original = getattr(owner, attr)
    if is_async:
        @functools.wraps(original)
        async def probe(*a, **kw):
            t0, c0 = time.time(), time.process_time()
            try:
                return await original(*a, **kw)
            finally:
                _mark(name, t0, time.time(), c0, time.process_time())
    else:
        @functools.wraps(original)
        def probe(*a, **kw):
            t0, c0 = time.time(), time.process_time()
            try:
                return original(*a, **kw)
            finally:
                _mark(name, t0, time.time(), c0, time.process_time())
    setattr(owner, attr, probe)


def _proc_cpu(pid: int | None) -> float | None:
    """Processor seconds (user + system) of ``pid`` so far."""
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except (OSError, IndexError, ValueError):
        return None


def _proc_start(pid: int) -> float | None:
    """Wall-clock time ``pid`` was created (the fork), from /proc (10 ms resolution)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        with open("/proc/stat", encoding="ascii") as f:
            btime = next(int(ln.split()[1]) for ln in f if ln.startswith("btime"))
        return btime + int(fields[19]) / TICK
    except (OSError, IndexError, ValueError, StopIteration):
        return None


def _install_probes() -> None:
    import nbformat
    import papermill
    import papermill.execute as pm_execute
    from jupyter_client.client import KernelClient
    from jupyter_client.manager import AsyncKernelManager
    from nbclient.client import NotebookClient
    from papermill.engines import NotebookExecutionManager

    from hy_analysis import manifest, rendering
    from hy_analysis.runner import provisioner, warm, worker

    _wrap(pm_execute, "load_notebook_node", "pm.load")
    _wrap(pm_execute, "parameterize_notebook", "pm.parameterize")
    _wrap(pm_execute, "prepare_notebook_metadata", "pm.metadata")
    _wrap(papermill, "execute_notebook", "papermill")
    _wrap(NotebookExecutionManager, "cell_start", "pm.cell_start")
    _wrap(NotebookExecutionManager, "cell_complete", "pm.cell_complete")
    _wrap(NotebookExecutionManager, "notebook_start", "pm.nb_start")
    _wrap(NotebookExecutionManager, "notebook_complete", "pm.nb_complete")
    _wrap(warm, "request_fork", "fork.request")
    _wrap(provisioner.IPCProvisioner, "launch_kernel", "km.launch", is_async=True)
    # The public names are aliases bound when the classes were made (run_sync, or the async
    # method itself in the Async classes): patch the names papermill and nbclient call.
    _wrap(AsyncKernelManager, "start_kernel", "km.start", is_async=True)
    _wrap(AsyncKernelManager, "shutdown_kernel", "km.shutdown", is_async=True)
    _wrap(AsyncKernelManager, "cleanup_resources", "km.cleanup", is_async=True)
    _wrap(KernelClient, "start_channels", "kc.channels")
    _wrap(nbformat, "write", "nb.write")
    for attr in ("report_info", "report_tables", "write_workbook", "render_notebook_html"):
        _wrap(rendering, attr, f"html.{attr}")
    _wrap(manifest, "page_report", "html.page_report")
    _wrap(manifest, "versions", "manifest.versions")
    _wrap(worker, "write_json_atomic", "manifest.write")
    _wrap(worker, "_swap_into_place", "swap")

    original_ready = KernelClient._async_wait_for_ready
    from jupyter_client.asynchronous.client import AsyncKernelClient
    from nbclient.util import run_sync

    # The runs' client (hy_analysis.runner.kernel.ReadyKernelClient) ends without waiting for
    # IOPub to fall silent, where it is active; the copy below does as the client in use does.
    from hy_analysis.runner import kernel as run_kernel

    ready_class = run_kernel.ReadyKernelClient
    silence = 0.2 if ready_class.wait_for_ready is KernelClient._async_wait_for_ready else 0

    async def wait_for_ready(self, timeout=None):
        """jupyter_client 8's wait_for_ready with marks (the same steps, in order)."""
        from queue import Empty

        from jupyter_client.utils import ensure_async

        t0, c0 = time.time(), time.process_time()
        sent = 0
        while True:
            self.kernel_info()
            sent += 1
            try:
                msg = await ensure_async(self.shell_channel.get_msg(timeout=1))
            except Empty:
                continue
            if msg["msg_type"] == "kernel_info_reply":
                t_reply = time.time()
                try:
                    await ensure_async(self.iopub_channel.get_msg(timeout=0.2))
                except Empty:
                    continue
                t_iopub = time.time()
                self._handle_kernel_info_reply(msg)
                break
        while True:
            try:
                await ensure_async(self.iopub_channel.get_msg(timeout=silence))
            except Empty:
                break
        _mark("kc.ready.reply", t0, t_reply, c0, c0, sent=sent)
        _mark("kc.ready.iopub", t_reply, t_iopub, c0, c0)
        _mark("kc.ready.flush", t_iopub, time.time(), c0, time.process_time())

    AsyncKernelClient.wait_for_ready = wait_for_ready
    ready_class.wait_for_ready = wait_for_ready

    original_cell = NotebookClient.async_execute_cell

    async def execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        pid = getattr(getattr(self.km, "provisioner", None), "pid", None)
        t0, c0 = time.time(), time.process_time()
        k0 = _proc_cpu(pid)
        if cell_index == 0 and pid:
            _events.append({"pid": os.getpid(), "label": _label, "name": "kernel.first_cell",
                            "kernel": pid, "kcpu": k0, "forked": _proc_start(pid), "t": t0})
        try:
            return await original_cell(self, cell, cell_index, execution_count, store_history)
        finally:
            k1 = _proc_cpu(pid)
            _mark("cell", t0, time.time(), c0, time.process_time(), index=cell_index,
                  cell_type=cell.cell_type,
                  kcpu=(k1 - k0) if k0 is not None and k1 is not None else None)

    NotebookClient.async_execute_cell = execute_cell
    NotebookClient.execute_cell = run_sync(execute_cell)
    _wrap(NotebookClient, "start_new_kernel", "nbc.start_kernel")
    _wrap(NotebookClient, "start_new_kernel_client", "kc.start")
    _wrap(NotebookClient, "wait_for_reply", "nbc.reply")

    original_cleanup = NotebookClient._async_cleanup_kernel

    async def cleanup(self):
        pid = getattr(getattr(self.km, "provisioner", None), "pid", None)
        _events.append({"pid": os.getpid(), "label": _label, "name": "kernel.end",
                        "kernel": pid, "kcpu": _proc_cpu(pid), "t": time.time()})
        t0, c0 = time.time(), time.process_time()
        try:
            return await original_cleanup(self)
        finally:
            _mark("nbc.cleanup", t0, time.time(), c0, time.process_time())

    NotebookClient._async_cleanup_kernel = cleanup
    NotebookClient._cleanup_kernel = run_sync(cleanup)


def trace_initializer(kernel, parent, environ, cwd, trace_dir):
    from hy_analysis.runner.pool import prepare_worker

    t0, c0 = time.time(), time.process_time()
    prepare_worker(kernel, parent, environ, cwd)
    os.environ["HY_TRACE_DIR"] = trace_dir
    _install_probes()
    _mark("worker.init", t0, time.time(), c0, time.process_time())
    _flush(trace_dir)


def _flush(trace_dir: str) -> None:
    path = Path(trace_dir, f"{os.getpid()}-{time.time_ns()}.json")
    path.write_text(json.dumps(_events), encoding="utf-8")
    _events.clear()


def traced_job(module: str, name: str, *args, **kwargs):
    global _label
    import importlib

    fn = getattr(importlib.import_module(module), name)
    spec = args[0] if args else {}
    _label = spec.get("notebook") or "?"
    t0, c0 = time.time(), time.process_time()
    try:
        return fn(*args, **kwargs)
    finally:
        _mark("job", t0, time.time(), c0, time.process_time())
        _flush(os.environ["HY_TRACE_DIR"])
        _label = None


class TracingExecutor(cf.ProcessPoolExecutor):
    """The default executor, with :func:`traced_job` around each submitted function."""

    def submit(self, fn, /, *args, **kwargs):
        return super().submit(traced_job, fn.__module__, fn.__name__, *args, **kwargs)


# ---------------------------------------------------------------- the command's side

class Sampler(threading.Thread):
    """Every :data:`SLOT` s: the machine's busy cores and our processes' processor time."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples: list[tuple[float, float, dict]] = []
        self.stop = threading.Event()
        self.uid = os.getuid()

    def _machine(self) -> float:
        with open("/proc/stat", encoding="ascii") as f:
            parts = [int(x) for x in f.readline().split()[1:]]
        return (sum(parts) - parts[3] - parts[4]) / TICK  # busy = all but idle and iowait

    def _ours(self) -> dict:
        out = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                if entry.stat().st_uid != self.uid:
                    continue
                with open(f"/proc/{entry.name}/stat", encoding="ascii") as f:
                    head, rest = f.read().rsplit(")", 1)
                fields = rest.split()
                out[int(entry.name)] = (head.split("(", 1)[1], int(fields[1]),
                                        (int(fields[11]) + int(fields[12])) / TICK)
            except (OSError, ValueError, IndexError):
                continue
        return out

    def run(self):
        while not self.stop.is_set():
            self.samples.append((time.time(), self._machine(), self._ours()))
            self.stop.wait(SLOT)


def traced_run(notebooks: list[str], out: Path, trace_dir: Path) -> dict:
    """Run the plan as ``hy-analysis run --force`` does, with probes; return the raw trace."""
    t_import = time.time()
    from hy_analysis.runner.plan import plan_runs
    from hy_analysis.runner.pool import execute_plan, worker_context

    main = {"import": time.time() - t_import}
    sampler = Sampler()
    sampler.start()
    t0 = time.time()
    specs = plan_runs(notebooks, force=True, output_dir=out)
    main["plan"] = time.time() - t0
    kernels = sorted({s.kernel for s in specs})
    executor = TracingExecutor(max_workers=min(CORES + 1, len(specs)),
                               mp_context=worker_context(), initializer=trace_initializer,
                               initargs=(kernels[0], os.getpid(), dict(os.environ),
                                         os.getcwd(), str(trace_dir)))
    t_exec = time.time()
    cpu0 = os.times()
    with open(os.devnull, "w") as quiet:
        execute_plan(specs, executor=executor, stream=quiet)
    t_end = time.time()
    executor.shutdown(wait=True)
    cpu1 = os.times()
    sampler.stop.set()
    sampler.join()
    main["execute_plan"] = t_end - t_exec
    main["main_cpu"] = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    main["children_cpu"] = (cpu1.children_user - cpu0.children_user
                            + cpu1.children_system - cpu0.children_system)
    events = []
    for f in sorted(trace_dir.glob("*.json")):
        events += json.loads(f.read_text(encoding="utf-8"))
    return {"t0": t0, "t_exec": t_exec, "t_end": t_end, "main": main, "events": events,
            "samples": sampler.samples, "warm_pid": _warm_pid(events, sampler.samples),
            "main_pid": os.getpid()}


def _warm_pid(events: list[dict], samples: list) -> int | None:
    """The warm parent: the parent of the kernels, as the sampler saw them."""
    kernels = {e["kernel"] for e in events if e["name"] == "kernel.first_cell"}
    for _t, _m, procs in samples:
        for pid in kernels:
            if pid in procs:
                return procs[pid][1]
    return None


# ---------------------------------------------------------------- reading the trace

LANE_CODES = [  # (event name, character), later ones drawn over earlier ones
    ("job", "?"), ("papermill", "p"), ("pm.load", "l"), ("pm.parameterize", "l"),
    ("kc.start", "r"), ("km.start", "k"), ("fork.request", "F"), ("kc.ready.reply", "R"),
    ("kc.ready.iopub", "I"), ("kc.ready.flush", "~"), ("nbc.reply", "n"), ("cell", "C"),
    ("nbc.cleanup", "x"), ("nb.write", "w"), ("html.report_info", "t"),
    ("html.report_tables", "t"), ("html.write_workbook", "X"),
    ("html.render_notebook_html", "H"), ("html.page_report", "h"), ("manifest.versions", "m"),
    ("manifest.write", "m"), ("swap", "s")]


def summarise(trace: dict) -> str:
    events, t0, t_end = trace["events"], trace["t_exec"], trace["t_end"]
    lines = []
    n = int((t_end - t0) / SLOT) + 1
    workers = sorted({e["pid"] for e in events})
    lines.append(f"timeline from execute_plan's start ({t_end - t0:.2f} s), one character "
                 f"= {SLOT:g} s")
    lines.append("  ?=job (other) p=papermill (other) l=load/parameterize k=start_kernel "
                 "F=fork request r=client start R=kernel_info reply I=IOPub check "
                 "~=IOPub flush n=nbclient kernel_info C=cells x=kernel shutdown "
                 "w=ipynb write t=report tables X=xlsx H=HTML h=page report m=manifest "
                 "s=swap .=idle i=worker start")
    for w in workers:
        lane = ["."] * n
        own = [e for e in events if e["pid"] == w and "t0" in e]
        for name, ch in LANE_CODES + [("worker.init", "i")]:
            for e in own:
                if e["name"] != name:
                    continue
                a = max(0, int((e["t0"] - t0) / SLOT))
                b = min(n, max(a + 1, int(round((e["t1"] - t0) / SLOT))))
                for i in range(a, b):
                    lane[i] = ch
        jobs = " ".join(f"{e['label']}@{e['t0'] - t0:.1f}" for e in own if e["name"] == "job")
        lines.append(f"w{w % 1000:03d} " + "".join(lane) + f"  {jobs}")
    # the machine and our processes, per slot, as tenths of the cores busy (0-9, '*' full)
    samples = trace["samples"]
    main, warm = trace["main_pid"], trace["warm_pid"]
    machine, ours = [" "] * n, [" "] * n
    for (ta, ma, pa), (tb, mb, pb) in zip(samples, samples[1:]):
        i = int((ta - t0) / SLOT)
        if not 0 <= i < n or tb <= ta:
            continue
        def digit(v):
            f = v / (tb - ta) / CORES
            return "*" if f >= 0.95 else str(min(9, int(f * 10)))
        machine[i] = digit(mb - ma)
        mine = sum(c - pa[p][2] for p, (_, ppid, c) in pb.items()
                   if p in pa and (ppid in (main, warm) or p in (main, warm)))
        ours[i] = digit(mine)
    lines.append("all  " + "".join(machine) + "  (machine: tenths of both cores busy)")
    lines.append("ours " + "".join(ours) + "  (this command: main, workers, warm parent, kernels)")
    return "\n".join(lines)


def table(trace: dict) -> list[tuple[str, float, float]]:
    """(phase, summed wall seconds over runs, summed worker processor seconds)."""
    sums: dict[str, list[float]] = {}
    for e in trace["events"]:
        if "t0" not in e or e["name"] == "worker.init":
            continue
        key = e["name"]
        if key == "cell":
            key = "cell (imports)" if e.get("index") == _imports_index(trace, e) else "cell"
        s = sums.setdefault(key, [0.0, 0.0, 0])
        s[0] += e["t1"] - e["t0"]
        s[1] += e["cpu"]
        s[2] += 1
    return sorted(((k, v[0], v[1], v[2]) for k, v in sums.items()), key=lambda r: -r[1])


_IMPORTS: dict[str, int] = {}


def _imports_index(trace: dict, event: dict) -> int | None:
    """The index of the notebook's imports cell (the first code cell of imports only)."""
    label = event["label"]
    if label not in _IMPORTS:
        nb = json.loads((ROOT / "notebooks" / f"{label}.ipynb").read_text(encoding="utf-8"))
        _IMPORTS[label] = -1
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            lines = [ln for ln in "".join(cell["source"]).splitlines()
                     if ln.strip() and not ln.startswith("#")]
            if lines and all(ln.startswith(("import ", "from ")) for ln in lines):
                _IMPORTS[label] = i
                break
    return _IMPORTS[label]


def per_run(trace: dict) -> list[str]:
    """Per run: job to first cell, kernel CPU before its first cell, cells, kernel CPU in
    cells, the phases after the kernel, and the gap between the kernel's end and the job's."""
    out = []
    by_label: dict[str, list[dict]] = {}
    for e in trace["events"]:
        if e.get("label"):
            by_label.setdefault(e["label"], []).append(e)
    out.append(f"{'run':<18}{'start':>6}{'to cell0':>9}{'k.cpu0':>7}{'fork':>6}{'ready':>6}"
               f"{'flush':>6}{'cells':>7}{'k.cpu':>7}{'shut':>6}{'write':>6}{'html':>6}"
               f"{'end':>6}{'job':>7}")
    t0 = trace["t_exec"]
    for label, evs in sorted(by_label.items(), key=lambda kv: min(e.get("t0", 1e18)
                                                                  for e in kv[1])):
        get = lambda n: [e for e in evs if e["name"] == n]  # noqa: E731
        job = get("job")[0]
        first = get("kernel.first_cell")
        end = get("kernel.end")
        cells = get("cell")
        wall_cells = sum(e["t1"] - e["t0"] for e in cells)
        kcpu = sum(e["kcpu"] or 0 for e in cells)
        html = sum(e["t1"] - e["t0"] for e in evs if e["name"].startswith("html."))
        span = lambda n: sum(e["t1"] - e["t0"] for e in get(n))  # noqa: E731
        out.append(
            f"{label:<18}{job['t0'] - t0:6.2f}"
            f"{(first[0]['t'] - job['t0']) if first else float('nan'):9.2f}"
            f"{(first[0]['kcpu'] or 0) if first else float('nan'):7.2f}"
            f"{span('fork.request'):6.2f}"
            f"{span('kc.ready.reply') + span('kc.ready.iopub'):6.2f}"
            f"{span('kc.ready.flush'):6.2f}{wall_cells:7.2f}{kcpu:7.2f}"
            f"{span('nbc.cleanup'):6.2f}{span('nb.write'):6.2f}{html:6.2f}"
            f"{job['t1'] - t0:6.2f}{job['t1'] - job['t0']:7.2f}")
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*")
    parser.add_argument("--json", help="write the raw trace here")
    args = parser.parse_args(argv)
    from bench_run import _notebooks, _run_cmd

    notebooks = [str(p) for p in _notebooks(args.notebooks)]
    print(f"{len(notebooks)} notebooks; {CORES} cores; load average "
          f"{os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        # Warm-up (not traced): the warm parent and the file cache, as bench_run does.
        subprocess.run(_run_cmd([Path(notebooks[0])], root / "warmup", "--force"),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        trace_dir = root / "trace"
        trace_dir.mkdir()
        trace = traced_run(notebooks, root / "out", trace_dir)
        warm_cpu = _proc_cpu(trace["warm_pid"]) if trace["warm_pid"] else None
    print(summarise(trace))
    print()
    print("\n".join(per_run(trace)))
    print()
    rows = table(trace)
    print(f"{'phase':<28}{'n':>4}{'wall s (sum)':>14}{'worker cpu s':>14}")
    for name, wall, cpu, count in rows:
        print(f"{name:<28}{count:>4}{wall:14.2f}{cpu:14.2f}")
    m = trace["main"]
    print(f"\nmain process: imports {m['import']:.2f} s, plan {m['plan']:.2f} s, execute_plan "
          f"{m['execute_plan']:.2f} s, main cpu {m['main_cpu']:.2f} s, workers' cpu "
          f"{m['children_cpu']:.2f} s (after they ended), warm parent cpu total "
          f"{warm_cpu if warm_cpu is not None else float('nan'):.2f} s")
    kernels = [e for e in trace["events"] if e["name"] == "kernel.end"]
    print(f"kernels' cpu (to their shutdown): {sum(e['kcpu'] or 0 for e in kernels):.2f} s "
          f"over {len(kernels)} kernels")
    print(f"load average at end {os.getloadavg()[0]:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(trace), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
