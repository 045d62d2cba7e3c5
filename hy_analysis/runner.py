"""Headless runs of the notebooks: planning, execution, outputs, caching.

A call of :func:`run` goes through three steps:

1. :func:`plan_runs` turns notebooks and parameter values (``-p``, ``-f``, ``--grid``) into one
   :class:`RunSpec` per run, converting and validating **every** parameter set before any
   kernel starts, and marks the runs whose last successful output is up to date.
2. :func:`execute_plan` submits the remaining runs to a ``concurrent.futures.Executor`` (by
   default one fresh spawned process per run) and shows progress. Each run executes
   :func:`execute_run`, which writes into a hidden temporary folder inside the output folder and
   renames it into place only when complete.
3. ``outputs/index.html`` is rewritten from every manifest.

Deciding that nothing needs to run imports neither papermill, nbconvert nor pandas.
"""

from __future__ import annotations

import ast
import concurrent.futures as cf
import itertools
import json
import os
import secrets
import shutil
import signal
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO

from . import paths
from .exceptions import ParameterError, RunError
from .manifest import (
    MANIFEST_NAME, canonical_json, data_hashes, fingerprint, input_hashes, package_hash,
    params_slug, read_manifest, slugify, write_json_atomic,
)

__all__ = [
    "ParamInfo", "NotebookInfo", "RunSpec", "RunResult", "Summary", "resolve_notebook",
    "notebook_params", "parse_grid", "read_param_file", "plan_runs", "execute_plan",
    "execute_run", "run", "default_executor", "dask_executor", "recover_output_dir",
    "DEFAULT_TIMEOUT", "STOP_GRACE",
]

#: Seconds a single cell may run before the run is stopped and reported as ``timeout``.
DEFAULT_TIMEOUT = 600.0
_TMP_PREFIX = ".tmp-"
_OLD_PREFIX = ".old-"
_PROGRESS_NAME = ".progress"
_KERNEL_NAME = ".kernel"  # "<worker pid> <kernel pid>" while a run's kernel is alive
#: Seconds workers get to clean up after an interrupt before they and their kernels are killed.
STOP_GRACE = 5.0
_FAILED_STATUSES = ("failed", "timeout", "error")


# --------------------------------------------------------------------------- notebooks


@dataclass(frozen=True)
class ParamInfo:
    """One declared parameter of a notebook, as ``hy-analysis list`` shows it."""

    name: str
    type: str
    default: Any
    help: str = ""


@dataclass(frozen=True)
class NotebookInfo:
    """A notebook file and its parameters (from params.py or from its parameters cell)."""

    name: str
    path: Path
    params: tuple[ParamInfo, ...]
    known: bool  # defined in hy_analysis.params

    def defaults(self) -> dict:
        return {p.name: _copy(p.default) for p in self.params}

    def param(self, name: str) -> ParamInfo | None:
        return next((p for p in self.params if p.name == name), None)


def _copy(value):
    return list(value) if isinstance(value, list) else value


def resolve_notebook(name_or_path: str | os.PathLike, *,
                     notebooks_dir: str | os.PathLike | None = None,
                     must_exist: bool = True) -> NotebookInfo:
    """Find a notebook by name (``fdi_by_country``) or path and read its parameters.

    Parameters
    ----------
    name_or_path : str or path
        A name of params.py (looked up in the notebooks folder) or a path to an ``.ipynb``.
    notebooks_dir : path, optional
        Default :func:`hy_analysis.paths.notebooks_dir`.
    must_exist : bool
        When False, a notebook of params.py is described even if its file is missing.

    Raises
    ------
    RunError
        When the file does not exist.
    """
    from . import params as params_module

    text = str(name_or_path)
    folder = paths.notebooks_dir(notebooks_dir)
    if text.endswith(".ipynb") or os.sep in text or "/" in text:
        path = Path(text)
    else:
        path = folder / f"{text}.ipynb"
    if not path.is_file() and (must_exist or path.stem not in params_module.NOTEBOOK_PARAMS):
        known = ", ".join(params_module.notebook_names())
        raise RunError(f"notebook not found: {path} (known notebooks: {known})")
    name = path.stem
    if name in params_module.NOTEBOOK_PARAMS:
        infos = tuple(ParamInfo(p.name, p.type, p.default, p.help)
                      for p in params_module.get_params(name))
        return NotebookInfo(name, path, infos, known=True)
    return NotebookInfo(name, path, _inspect_parameters(path), known=False)


def _inspect_parameters(path: Path) -> tuple[ParamInfo, ...]:
    _block_slow_imports()
    import papermill

    try:
        found = papermill.inspect_notebook(str(path))
    except Exception as exc:  # noqa: BLE001 - any unreadable notebook is one clear error
        raise RunError(f"cannot read notebook {path}: {exc}") from exc
    infos = []
    for name, p in found.items():
        try:
            default = ast.literal_eval(p.get("default", "None"))
        except (ValueError, SyntaxError):
            default = p.get("default")
        kind = p.get("inferred_type_name") or "None"
        if kind == "None" and default is not None:  # no annotation: the default's type
            kind = type(default).__name__
        infos.append(ParamInfo(name, kind, default,
                               p.get("help") or ""))
    return tuple(infos)


def notebook_params(notebooks: Iterable[str] = (), *,
                    notebooks_dir: str | os.PathLike | None = None,
                    must_exist: bool = True) -> list[NotebookInfo]:
    """The notebooks (all of params.py's when none named) with their parameters."""
    from .params import notebook_names

    names = list(notebooks) or list(notebook_names())
    return [resolve_notebook(n, notebooks_dir=notebooks_dir, must_exist=must_exist)
            for n in names]


# --------------------------------------------------------------------------- parameters


def _split_values(text: str) -> list[str]:
    """``"a,b"`` -> ``["a", "b"]``; commas inside brackets are kept: ``[8,12],[5]``."""
    items, depth, current = [], 0, []
    for char in text:
        if char in "[(" :
            depth += 1
        elif char in "])":
            depth -= 1
        if char == "," and depth == 0:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    items.append("".join(current).strip())
    return [item for item in items if item != ""]


def parse_grid(entries: Iterable[str]) -> list[tuple[str, list[str]]]:
    """``["region=Hưng Yên,Bắc Giang"]`` -> ``[("region", ["Hưng Yên", "Bắc Giang"])]``."""
    grid = []
    for entry in entries:
        name, sep, values = entry.partition("=")
        if not sep or not name.strip():
            raise ParameterError(f"--grid {entry!r}: expected NAME=VALUE1,VALUE2,...")
        split = _split_values(values)
        if not split:
            raise ParameterError(f"--grid {entry!r}: no values given for {name.strip()!r}")
        grid.append((name.strip(), split))
    return grid


def read_param_file(path: str | os.PathLike) -> list[dict]:
    """Read a YAML (or JSON) file holding one parameter set or a list of sets.

    Raises
    ------
    RunError
        When the file cannot be read or holds something else than mappings.
    """
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            content = yaml.safe_load(handle)
    except OSError as exc:
        raise RunError(f"cannot read parameters file {path}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise RunError(f"cannot read parameters file {path}: not valid YAML ({exc})") from exc
    sets = [content] if isinstance(content, dict) else content
    if not isinstance(sets, list) or not sets or not all(isinstance(s, dict) for s in sets):
        raise RunError(f"cannot read parameters file {path}: expected a mapping of parameter "
                       "names to values, or a list of such mappings")
    return [{str(k): v for k, v in s.items()} for s in sets]


def _convert(info: NotebookInfo, name: str, value: Any) -> Any:
    """Convert a command-line string to the parameter's type; other values pass through."""
    if not isinstance(value, str):
        return value
    param = info.param(name)
    if info.known:
        from .params import coerce_text

        return value if param.type == "str" else coerce_text(info.name, name, value)
    kind = param.type if param else "None"
    if kind == "str":
        return value
    if kind == "bool" or isinstance(param.default, bool):
        lowered = value.strip().lower()
        if lowered in ("true", "yes", "1", "on"):
            return True
        if lowered in ("false", "no", "0", "off"):
            return False
        raise ParameterError(f"parameter {name!r}: expected true or false, got {value!r}")
    try:
        if kind in ("int", "float"):
            return int(value) if kind == "int" else float(value)
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        if isinstance(param.default, (list, tuple)):
            return _split_values(value)
        return value


# --------------------------------------------------------------------------- run specs


@dataclass
class RunSpec:
    """Everything one run needs, as plain data (picklable, JSON-able)."""

    notebook: str
    path: str
    params: dict
    slug: str
    output_dir: str
    data_dir: str
    kernel: str
    inputs: dict
    fingerprint: str
    with_code: bool = False
    timeout: float = DEFAULT_TIMEOUT
    up_to_date: bool = False
    tmp_name: str = ""

    @property
    def label(self) -> str:
        return f"{self.notebook}/{self.slug}"

    @property
    def run_dir(self) -> Path:
        return Path(self.output_dir, self.notebook, self.slug)

    @property
    def tmp_dir(self) -> Path:
        return Path(self.output_dir, self.notebook, self.tmp_name)

    def to_dict(self) -> dict:
        return asdict(self)


def _kernel_name(path: Path) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            meta = json.load(handle).get("metadata", {})
    except (OSError, ValueError) as exc:
        raise RunError(f"cannot read notebook {path}: {exc}") from exc
    return (meta.get("kernelspec") or {}).get("name") or "python3"


def _is_up_to_date(run_dir: Path, fp: str) -> bool:
    manifest = read_manifest(run_dir)
    return bool(manifest and manifest.get("status") == "ok"
                and manifest.get("inputs", {}).get("fingerprint") == fp
                and Path(run_dir, manifest.get("files", {}).get("html", "-")).is_file())


def _safe_run_dir(output_dir: Path, notebook: str, slug: str) -> None:
    root = output_dir.resolve()
    target = (root / notebook / slug).resolve()
    if root not in target.parents:
        raise RunError(f"refusing to write outside the output folder: {target}")


def plan_runs(notebooks: Iterable[str] = (), *, overrides: Iterable[tuple[str, str]] = (),
              param_file: str | os.PathLike | None = None,
              grid: Iterable[str] | Iterable[tuple[str, list[str]]] = (),
              output_dir: str | os.PathLike | None = None,
              data_dir: str | os.PathLike | None = None,
              notebooks_dir: str | os.PathLike | None = None,
              with_code: bool = False, timeout: float = DEFAULT_TIMEOUT,
              force: bool = False) -> list[RunSpec]:
    """Build, convert and validate every run before anything executes.

    Parameters
    ----------
    notebooks : iterable of str
        Names or paths; every notebook of params.py when empty.
    overrides : iterable of (str, str)
        ``-p NAME VALUE`` pairs, converted to each parameter's type.
    param_file : path, optional
        YAML file with one parameter set or a list of sets (``-f``).
    grid : iterable of str or (name, values)
        ``NAME=V1,V2`` entries; their cross product is run.
    output_dir, data_dir, notebooks_dir : path, optional
        Defaults from :mod:`hy_analysis.paths` (and its environment variables).
    with_code : bool
        Keep code cells in the HTML (report mode otherwise).
    timeout : float
        Seconds allowed per cell.
    force : bool
        Never mark a run up to date.

    Returns
    -------
    list of RunSpec
        In notebook order, then parameter-set order; duplicates removed.

    Raises
    ------
    ParameterError
        Listing every invalid parameter set (unknown name, wrong type, value outside the
        choices, with the valid choices); nothing should run then.
    RunError
        Missing notebook or unreadable parameters file.
    """
    out = paths.outputs_dir(output_dir)
    data = paths.data_dir(data_dir)
    infos = notebook_params(notebooks, notebooks_dir=notebooks_dir)
    overrides = list(overrides)
    file_sets = read_param_file(param_file) if param_file else [{}]
    grid = [entry for g in grid for entry in (parse_grid([g]) if isinstance(g, str) else [g])]
    problems: list[str] = []

    declared = {p.name for info in infos for p in info.params}
    given = ({n for n, _ in overrides} | {n for s in file_sets for n in s}
             | {n for n, _ in grid})
    for name in sorted(given - declared):
        valid = ", ".join(sorted(declared)) or "(none)"
        where = infos[0].name if len(infos) == 1 else "any of the selected notebooks"
        problems.append(f"unknown parameter {name!r} for {where}; valid parameters: {valid}")
    if problems:
        raise ParameterError("\n".join(problems))

    data_sha = data_hashes(data)
    pkg_sha = package_hash()
    specs: list[RunSpec] = []
    seen: set[tuple[str, str]] = set()
    for info in infos:
        inputs = input_hashes(info.path, data, package=pkg_sha, data=data_sha)
        kernel = _kernel_name(info.path)
        names = {p.name for p in info.params}
        combos = list(itertools.product(*[[(n, v) for v in vs] for n, vs in grid
                                          if n in names]))
        for file_set in file_sets:
            for combo in combos:
                raw: dict = {}
                try:
                    for name, value in file_set.items():
                        if name in names:
                            raw[name] = _convert(info, name, value)
                    for name, text in overrides:
                        if name in names:
                            raw[name] = _convert(info, name, text)
                    for name, text in combo:
                        raw[name] = _convert(info, name, text)
                except ParameterError as exc:
                    problems.append(f"{info.name}: {exc}")
                    continue
                spec = _make_spec(info, raw, inputs=inputs, kernel=kernel, out=out, data=data,
                                  with_code=with_code, timeout=timeout, force=force,
                                  problems=problems)
                if spec and (spec.notebook, spec.slug) not in seen:
                    seen.add((spec.notebook, spec.slug))
                    specs.append(spec)
    if problems:
        raise ParameterError("\n".join(problems))
    return specs


def _make_spec(info: NotebookInfo, raw: dict, *, inputs, kernel, out, data, with_code,
               timeout, force, problems) -> RunSpec | None:
    defaults = info.defaults()

    def build(values: dict) -> RunSpec:
        values = {**defaults, **values}
        slug = params_slug(values, defaults)
        fp = fingerprint(inputs, values, with_code=with_code)
        _safe_run_dir(out, slugify(info.name, keep="_"), slug)
        return RunSpec(notebook=slugify(info.name, keep="_"), path=str(info.path.resolve()),
                       params=values, slug=slug, output_dir=str(out),
                       data_dir=str(Path(data).resolve()), kernel=kernel, inputs=inputs,
                       fingerprint=fp, with_code=with_code, timeout=timeout)

    if info.known:
        # A set equal to one that already ran successfully on the same data and package was
        # validated then; checking it again would load the data (pandas) for nothing.
        candidate = build(raw)
        if not force and _is_up_to_date(candidate.run_dir, candidate.fingerprint):
            candidate.up_to_date = True
            return candidate
        from .params import validate_params

        try:
            validated = validate_params(info.name, raw)
        except ParameterError as exc:
            problems.append(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - e.g. the data behind the choices is broken
            problems.append(f"invalid parameters for {info.name}: cannot check them: {exc}")
            return None
        spec = build(validated)
    else:
        spec = build(raw)
    spec.up_to_date = not force and _is_up_to_date(spec.run_dir, spec.fingerprint)
    return spec


# --------------------------------------------------------------------------- one run
# Everything below until "executing a plan" runs in the worker process.


def _block_slow_imports() -> None:
    """Skip jsonschema's optional ``rfc3987_syntax`` import (~1.2 s), unused by nbformat."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


def _now() -> datetime:
    return datetime.now(timezone.utc).astimezone()


_ENGINE_STATE: dict = {}


def _test_pause(phase: str) -> None:
    """Test hook: stop at ``phase`` when ``HY_TEST_PAUSE`` names it (comma-separated).

    Phases: ``imports`` (before papermill is imported), ``kernel`` (kernel process started,
    not yet ready), ``html`` (before rendering), ``swap`` (before the folder is renamed into
    place), ``cleanup`` (after an interrupt, with signals ignored: a worker that does not
    stop). A file ``.paused-<phase>`` in the run's temporary folder tells the test where the
    worker is; the pause lasts ``HY_TEST_PAUSE_SECONDS`` (default 300).
    """
    wanted = os.environ.get("HY_TEST_PAUSE", "")
    if not wanted or phase not in wanted.split(","):
        return
    folder = _ENGINE_STATE.get("folder")
    if folder is not None:
        Path(folder, f".paused-{phase}").touch()
    time.sleep(float(os.environ.get("HY_TEST_PAUSE_SECONDS", "300")))


def _recording_manager_class():
    """An async kernel manager that notes its kernel's pid in the run's temporary folder.

    The worker kills that kernel when it is interrupted, and the parent kills it when it has
    to kill a worker that did not stop: no kernel outlives an interrupted command.
    """
    from jupyter_client.manager import AsyncKernelManager

    class _RecordingKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            await super()._async_launch_kernel(kernel_cmd, **kw)
            pid = getattr(self.provisioner, "pid", None)
            if pid:
                _ENGINE_STATE["kernel_pid"] = pid
                folder = _ENGINE_STATE.get("folder")
                if folder is not None:
                    Path(folder, _KERNEL_NAME).write_text(f"{os.getpid()} {pid}",
                                                          encoding="ascii")
            _test_pause("kernel")

    return _RecordingKernelManager


def _register_engine() -> str:
    from papermill.engines import NBClientEngine, papermill_engines

    name = "hy_analysis"
    if name in papermill_engines._engines:
        return name

    class _ProgressEngine(NBClientEngine):
        """nbclient engine that remembers its notebook and reports the current cell."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
            _ENGINE_STATE["nb_man"] = nb_man
            total = len(nb_man.nb.cells)
            original = nb_man.cell_start

            def cell_start(cell, cell_index=None, **kw):
                _ENGINE_STATE["current"] = cell_index
                _write_progress(_ENGINE_STATE.get("progress"), cell_index, total)
                return original(cell, cell_index, **kw)

            nb_man.cell_start = cell_start
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)

    papermill_engines.register(name, _ProgressEngine)
    return name


#: Longest wait on one poll of a kernel socket (see :func:`_patient_client_class`).
_POLL_STEP = 0.25


def _patient_client_class():
    """A kernel client whose channels poll in short steps instead of one long wait.

    With widget notebooks, a zmq.asyncio poll can miss the wake-up of a reply that has
    already arrived (the kernel answered, the client never noticed) and only find it when the
    whole cell timeout expires: a 1 s cell then takes ``--timeout`` seconds and is reported a
    success. Polling in steps of :data:`_POLL_STEP` notices such a reply within that step.
    """
    from queue import Empty

    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.channels import AsyncZMQSocketChannel
    from traitlets import Type

    class _SteppedChannel(AsyncZMQSocketChannel):
        async def get_msg(self, timeout=None):
            deadline = None if timeout is None else time.monotonic() + timeout
            while True:
                step = _POLL_STEP if deadline is None else max(
                    0.0, min(_POLL_STEP, deadline - time.monotonic()))
                try:
                    return await super().get_msg(timeout=step)
                except Empty:
                    if deadline is not None and time.monotonic() >= deadline:
                        raise

    class _PatientKernelClient(AsyncKernelClient):
        shell_channel_class = Type(_SteppedChannel)
        iopub_channel_class = Type(_SteppedChannel)
        stdin_channel_class = Type(_SteppedChannel)
        control_channel_class = Type(_SteppedChannel)

    return _PatientKernelClient


_LAZY_CLASSES = {"PatientKernelClient": _patient_client_class,
                 "RecordingKernelManager": _recording_manager_class}


def __getattr__(name):  # PEP 562: build jupyter classes only when jupyter asks for them
    if name in _LAZY_CLASSES:
        value = _LAZY_CLASSES[name]()
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _write_progress(path, index, total) -> None:
    if path:
        try:
            Path(path).write_text(f"{(index or 0) + 1} {total}", encoding="ascii")
        except OSError:
            pass


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def _ignore_interrupts() -> None:
    """Let cleanup finish: further Ctrl-C or SIGTERM are ignored (SIGKILL still works)."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(signum, signal.SIG_IGN)
        except ValueError:  # not the main thread (e.g. a Dask worker)
            pass


def _kill_process_group(pid: int) -> None:
    """SIGKILL a kernel and its children (kernels run in their own session)."""
    for kill, target in ((os.killpg, pid), (os.kill, pid)):
        try:
            kill(target, signal.SIGKILL)
            return
        except (ProcessLookupError, PermissionError, OSError):
            continue


def execute_run(spec: dict) -> dict:
    """Execute one run and move its folder into place; the unit of work sent to executors.

    Parameters
    ----------
    spec : dict
        :meth:`RunSpec.to_dict` of the run (plain data, so any executor can ship it).

    Returns
    -------
    dict
        ``label``, ``run_dir``, ``status`` (``ok``, ``failed``, ``timeout`` or ``error``),
        ``duration_s`` and ``error`` (None or cell index, exception name and message).

    Raises
    ------
    KeyboardInterrupt
        On Ctrl-C or SIGTERM, after killing the run's kernel and removing its temporary
        folder (further signals are ignored meanwhile); the previous output stays in place.
    """
    _block_slow_imports()
    try:  # SIGTERM cleans up like Ctrl-C (only possible in a main thread)
        signal.signal(signal.SIGTERM, _raise_interrupt)
    except ValueError:
        pass
    spec = RunSpec(**spec)
    tmp, final = spec.tmp_dir, spec.run_dir
    _ENGINE_STATE.clear()
    _ENGINE_STATE["folder"] = tmp
    try:
        tmp.mkdir(parents=True, exist_ok=False)
        result = _execute_into(spec, tmp)
        _test_pause("swap")
        _swap_into_place(tmp, final)
    except BaseException:
        _ignore_interrupts()
        _test_pause("cleanup")
        if _ENGINE_STATE.get("kernel_pid"):
            _kill_process_group(_ENGINE_STATE["kernel_pid"])
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        _ENGINE_STATE.clear()
    result["run_dir"] = str(final)
    return result


def _execute_into(spec: RunSpec, folder: Path) -> dict:
    import tempfile

    _ENGINE_STATE["progress"] = folder / _PROGRESS_NAME
    _write_progress(_ENGINE_STATE["progress"], -1, 0)
    _test_pause("imports")
    clock = {"imports": time.perf_counter()}
    import nbformat
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError
    from traitlets.config import Config

    from .rendering import render_notebook_html

    os.environ["HY_DATA_DIR"] = spec.data_dir  # the kernel reads the data that was hashed
    # Nobody sees a filter panel's live output in a batch run (the HTML shows the static
    # charts instead), so the kernel skips drawing it: see widgets.FilterPanel.
    os.environ["HY_HEADLESS"] = "1"
    clock["execute"] = time.perf_counter()
    started = _now()
    status, error, nb = "ok", None, None
    # Unix sockets in a private folder: no TCP port to collide with other kernels.
    sockets = tempfile.mkdtemp(prefix="hyk-")
    config = Config({
        "KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "kernel"),
                          "client_class": f"{__name__}.PatientKernelClient"},
        "NotebookClient": {"kernel_manager_class": f"{__name__}.RecordingKernelManager"}})
    try:
        nb = papermill.execute_notebook(
            spec.path, None, parameters=spec.params, engine_name=_register_engine(),
            kernel_name=spec.kernel, request_save_on_cell_execute=False, progress_bar=False,
            execution_timeout=spec.timeout, start_timeout=120,
            cwd=str(Path(spec.path).parent), config=config, shutdown_kernel="immediate")
    except PapermillExecutionError as exc:
        status = "failed"
        error = {"cell_index": exc.cell_index, "execution_count": exc.exec_count,
                 "ename": exc.ename, "evalue": exc.evalue}
    except CellTimeoutError as exc:
        status = "timeout"
        error = {"cell_index": _ENGINE_STATE.get("current"), "ename": "CellTimeoutError",
                 "evalue": f"a cell ran longer than {spec.timeout:g} s; its kernel was stopped"}
    except DeadKernelError as exc:
        status = "failed"
        error = {"cell_index": _ENGINE_STATE.get("current"), "ename": "DeadKernelError",
                 "evalue": str(exc)}
    except Exception as exc:  # noqa: BLE001 - recorded in the manifest, reported by the parent
        status = "error"
        error = {"cell_index": _ENGINE_STATE.get("current"), "ename": type(exc).__name__,
                 "evalue": str(exc)}
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
    _ENGINE_STATE.pop("kernel_pid", None)  # shut down by nbclient
    try:
        (folder / _KERNEL_NAME).unlink()
    except OSError:
        pass
    finished = _now()
    if nb is None and "nb_man" in _ENGINE_STATE:
        nb = _ENGINE_STATE["nb_man"].nb
    if nb is not None and status == "ok":  # a stalled client that woke up at the deadline
        for index, cell in enumerate(nb.cells):
            if (cell.metadata.get("papermill", {}).get("duration") or 0) >= spec.timeout:
                status = "timeout"
                error = {"cell_index": index, "ename": "CellTimeoutError",
                         "evalue": f"a cell took {spec.timeout:g} s or more"}
                break
    if nb is not None and status == "timeout" and error["cell_index"] is not None:
        cell = nb.cells[error["cell_index"]]
        cell.metadata.setdefault("papermill", {})["exception"] = True
        cell.metadata["papermill"]["status"] = "failed"

    name = spec.notebook
    files = {}
    cells = []
    if nb is not None:
        cells = [{"index": i, "cell_type": c.cell_type,
                  "execution_count": c.get("execution_count"),
                  "status": c.metadata.get("papermill", {}).get("status"),
                  "duration_s": c.metadata.get("papermill", {}).get("duration")}
                 for i, c in enumerate(nb.cells)]
        nbformat.write(nb, folder / f"{name}.ipynb")
        files["ipynb"] = f"{name}.ipynb"
        extra = []
        if error:
            extra.append(("error", f"cell {error.get('cell_index')}: {error.get('ename')}: "
                                   f"{error.get('evalue')}"))
        extra.append(("finished", finished.strftime("%Y-%m-%d %H:%M:%S")))
        _test_pause("html")
        clock["html"] = time.perf_counter()
        try:
            page = render_notebook_html(nb, title=f"{name} ({spec.slug})", params=spec.params,
                                        status=status, extra_rows=extra,
                                        with_code=spec.with_code)
            (folder / f"{name}.html").write_text(page, encoding="utf-8")
            files["html"] = f"{name}.html"
        except Exception as exc:  # noqa: BLE001 - keep the executed notebook anyway
            error = error or {"cell_index": None, "ename": "HTMLExportError",
                              "evalue": str(exc)}
            status = "error" if status == "ok" else status
    from .manifest import versions

    clock["end"] = time.perf_counter()
    manifest = {
        "notebook": name, "notebook_path": spec.path, "slug": spec.slug,
        "parameters": spec.params, "status": status, "error": error,
        "started": started.isoformat(), "finished": finished.isoformat(),
        "duration_s": round((finished - started).total_seconds(), 3),
        "cells": cells, "files": files, "with_code": spec.with_code,
        "timeout_s": spec.timeout, "kernel": spec.kernel,
        "inputs": {**spec.inputs, "fingerprint": spec.fingerprint},
        "versions": versions(),
        "timings_s": _timings(clock, started, nb),
    }
    write_json_atomic(folder / MANIFEST_NAME, manifest)
    try:
        (folder / _PROGRESS_NAME).unlink()
    except OSError:
        pass
    return {"label": spec.label, "status": status, "error": error,
            "duration_s": manifest["duration_s"]}


def _timings(clock: dict, started: datetime, nb) -> dict:
    """Where the worker's time went: imports, kernel start, cells, HTML (seconds)."""
    marks = sorted(clock.items(), key=lambda kv: kv[1])
    spans = {name: round(marks[i + 1][1] - t, 3) for i, (name, t) in enumerate(marks[:-1])}
    first = None
    if nb is not None:
        times = [c.metadata.get("papermill", {}).get("start_time") for c in nb.cells]
        times = [t for t in times if t]
        if times:
            try:
                first = datetime.fromisoformat(min(times).replace("Z", "+00:00"))
            except ValueError:
                first = None
    if first is not None:
        spans["kernel_start"] = round((first - started).total_seconds(), 3)
    return spans


def _swap_into_place(tmp: Path, final: Path) -> None:
    """Rename the complete ``tmp`` folder to ``final``; the old one is removed only after.

    Ctrl-C and SIGTERM are held back between the two renames, so an interrupt never leaves the
    run without its folder.
    """
    held = {signal.SIGINT, signal.SIGTERM}
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, held) if hasattr(
        signal, "pthread_sigmask") else None
    try:
        old = None
        if final.exists():
            old = final.with_name(f"{_OLD_PREFIX}{secrets.token_hex(4)}-{final.name}")
            os.rename(final, old)
        os.rename(tmp, final)
    finally:
        if blocked is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_output_dir(output_dir: str | os.PathLike) -> None:
    """Undo what an interrupted command left: restore a replaced run, drop temporary folders.

    A ``.old-*`` folder whose run folder is missing (killed between the two renames) is put
    back; other ``.old-*`` folders and ``.tmp-*`` folders of processes no longer alive are
    deleted.
    """
    root = Path(output_dir)
    if not root.is_dir():
        return
    for nb_dir in root.iterdir():
        if not nb_dir.is_dir() or nb_dir.name.startswith("."):
            continue
        for entry in nb_dir.iterdir():
            if entry.name.startswith(_OLD_PREFIX):
                slug = entry.name[len(_OLD_PREFIX):].split("-", 1)[-1]
                if not (nb_dir / slug).exists():
                    os.rename(entry, nb_dir / slug)
                else:
                    shutil.rmtree(entry, ignore_errors=True)
            elif entry.name.startswith(_TMP_PREFIX):
                pid = entry.name[len(_TMP_PREFIX):].split("-", 1)[0]
                if not pid.isdigit() or not _pid_alive(int(pid)):
                    shutil.rmtree(entry, ignore_errors=True)


# --------------------------------------------------------------------------- executing a plan


@dataclass
class RunResult:
    """How one run ended."""

    label: str
    status: str  # ok, failed, timeout, error, up to date
    run_dir: str = ""
    duration_s: float | None = None
    error: dict | None = None

    def describe(self) -> str:
        text = f"{self.label}: {self.status}"
        if self.duration_s is not None:
            text += f" ({self.duration_s:.1f} s)"
        if self.error:
            cell = self.error.get("cell_index")
            where = f"cell {cell}: " if cell is not None else ""
            text += f" - {where}{self.error.get('ename')}: {self.error.get('evalue')}"
        return text


@dataclass
class Summary:
    """Every run of a command and the index page written."""

    results: list[RunResult] = field(default_factory=list)
    index: Path | None = None

    @property
    def failed(self) -> list[RunResult]:
        return [r for r in self.results if r.status in _FAILED_STATUSES]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def format(self) -> str:
        counts: dict[str, int] = {}
        for r in self.results:
            counts[r.status] = counts.get(r.status, 0) + 1
        text = f"{len(self.results)} run(s): " + ", ".join(f"{n} {s}" for s, n in counts.items())
        if self.index:
            text += f"\nindex: {self.index}"
        for r in self.failed:
            text += f"\nFAILED {r.describe()}\n  see {r.run_dir}"
        return text


def default_executor(workers: int | None = None) -> cf.Executor:
    """One fresh spawned process per run, ``workers`` at a time (default: number of cores)."""
    import multiprocessing

    return cf.ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1,
                                  mp_context=multiprocessing.get_context("spawn"),
                                  max_tasks_per_child=1)


def dask_executor(address: str):
    """A ``concurrent.futures`` executor on a Dask cluster, and its client (close it after).

    The workers must see the same file system as this process (notebooks, data and outputs).
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise RunError("--dask-scheduler needs the dask extra: "
                       "pip install 'hy-analysis[dask]'") from exc
    try:
        client = Client(address, timeout=30)
    except Exception as exc:  # noqa: BLE001
        raise RunError(f"cannot connect to the Dask scheduler {address}: {exc}") from exc
    return client.get_executor(pure=False), client


def check_kernels(specs: Iterable[RunSpec]) -> None:
    """Raise :class:`RunError` naming a kernel that is not installed."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    manager = KernelSpecManager()
    for kernel in sorted({s.kernel for s in specs}):
        try:
            manager.get_kernel_spec(kernel)
        except NoSuchKernel:
            found = ", ".join(sorted(manager.find_kernel_specs())) or "none"
            raise RunError(f"no such Jupyter kernel {kernel!r} (installed: {found}); install "
                           "it with: python -m ipykernel install --sys-prefix --name python3"
                           ) from None


class _Progress:
    """One line per run when not a terminal; a live ``done/total`` line when it is."""

    def __init__(self, stream: TextIO, total: int):
        self.stream = stream
        self.total = total
        self.done = 0
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.started: set[str] = set()
        self._live = False

    def _print(self, text: str) -> None:
        if self._live:
            self.stream.write("\r\033[K")
            self._live = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def skipped(self, spec: RunSpec) -> None:
        self._print(f"[up to date] {spec.label}")

    def start(self, spec: RunSpec) -> None:
        if spec.label not in self.started:
            self.started.add(spec.label)
            if not self.tty:
                self._print(f"[start] {spec.label}")

    def finish(self, result: RunResult) -> None:
        self.done += 1
        self._print(f"[{self.done}/{self.total}] {result.describe()}")

    def poll(self, running: list[RunSpec]) -> None:
        states = []
        for spec in running:
            try:
                cell, total = spec.tmp_dir.joinpath(_PROGRESS_NAME).read_text().split()
            except (OSError, ValueError):
                continue
            self.start(spec)
            states.append(f"{spec.label} cell {cell}/{total}" if int(total)
                          else f"{spec.label} starting")
        if self.tty:
            line = f"{self.done}/{self.total} done"
            if states:
                line += " | " + ", ".join(states)
            width = shutil.get_terminal_size((100, 20)).columns - 1
            self.stream.write("\r\033[K" + line[:width])
            self.stream.flush()
            self._live = True

    def close(self) -> None:
        if self._live:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._live = False


def _signal_process(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def _hold_interrupts() -> dict:
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[signum] = signal.signal(signum, signal.SIG_IGN)
        except ValueError:  # not the main thread
            pass
    return previous


def _restore_interrupts(previous: dict) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def _stop_pool(executor: cf.ProcessPoolExecutor, specs: list[RunSpec], *,
               grace: float = STOP_GRACE) -> None:
    """Stop an interrupted process pool within a bounded time, leaving no kernel behind.

    Pending runs are cancelled; running workers are asked to stop (SIGTERM: they raise
    KeyboardInterrupt, kill their kernel and remove their temporary folder) and get ``grace``
    seconds to do so; workers still alive then are killed with their kernels, and the
    temporary folders of ``specs`` are removed. A worker that ignored or lost the interrupt
    can therefore never keep the command waiting.
    """
    # Read before shutdown(), which forgets them.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            _signal_process(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    survivors = {p.pid for p in processes if p.is_alive()}
    for spec in specs:
        try:
            worker, kernel = map(int, spec.tmp_dir.joinpath(_KERNEL_NAME).read_text().split())
        except (OSError, ValueError):
            continue
        if worker in survivors or not _pid_alive(worker):
            _kill_process_group(kernel)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(2.0)
    for spec in specs:
        shutil.rmtree(spec.tmp_dir, ignore_errors=True)
    _recover_output_dirs(specs)
    if manager is not None:  # it notices the dead workers and ends; never wait long on it
        manager.join(2.0)


def _recover_output_dirs(specs: Iterable[RunSpec]) -> None:
    """:func:`recover_output_dir` on every output folder of ``specs``."""
    for out in sorted({s.output_dir for s in specs}):
        recover_output_dir(out)


def execute_plan(specs: list[RunSpec], *, executor: cf.Executor | None = None,
                 workers: int | None = None, stream: TextIO | None = None,
                 write_index: bool = True) -> Summary:
    """Run every spec that is not up to date, concurrently, and write the index page.

    Parameters
    ----------
    specs : list of RunSpec
        From :func:`plan_runs`.
    executor : concurrent.futures.Executor, optional
        Where :func:`execute_run` is submitted (a Dask ``client.get_executor()`` works).
        By default one spawned process per run, ``workers`` at a time; it is shut down after.
    workers : int, optional
        Runs at once with the default executor (default: number of cores).
    stream : text stream, optional
        Progress output (default: ``sys.stdout``).
    write_index : bool
        Rewrite ``<output_dir>/index.html`` afterwards.

    Returns
    -------
    Summary
    """
    stream = stream or sys.stdout
    to_run = [s for s in specs if not s.up_to_date]
    progress = _Progress(stream, len(specs))
    summary = Summary()
    _recover_output_dirs(specs)
    for spec in specs:
        if spec.up_to_date:
            progress.skipped(spec)
            progress.done += 1
            summary.results.append(RunResult(spec.label, "up to date", str(spec.run_dir)))
    if to_run:
        check_kernels(to_run)
        own = executor is None
        executor = executor or default_executor(min(workers or os.cpu_count() or 1,
                                                    len(to_run)))
        futures: dict[cf.Future, RunSpec] = {}
        try:
            for spec in to_run:
                spec.tmp_name = (f"{_TMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-"
                                 f"{spec.slug}")
                futures[executor.submit(execute_run, spec.to_dict())] = spec
            pending = set(futures)
            while pending:
                done, pending = cf.wait(pending, timeout=0.5 if progress.tty else 1.0,
                                        return_when=cf.FIRST_COMPLETED)
                for future in done:
                    result = _result_of(future, futures[future])
                    summary.results.append(result)
                    progress.finish(result)
                progress.poll([futures[f] for f in pending])
        except BaseException:
            progress.close()
            if own:
                previous = _hold_interrupts()  # a second Ctrl-C must not cut the cleanup short
                try:
                    _stop_pool(executor, list(futures.values()))
                finally:
                    _restore_interrupts(previous)
            else:
                for future in futures:
                    future.cancel()
            raise
        finally:
            progress.close()
        if own:
            executor.shutdown(wait=True)
    if write_index:
        from .rendering import write_index as _write_index

        for out in sorted({s.output_dir for s in specs}):
            Path(out).mkdir(parents=True, exist_ok=True)
            summary.index = _write_index(out)
    order = {s.label: i for i, s in enumerate(specs)}
    summary.results.sort(key=lambda r: order.get(r.label, 0))
    return summary


def _result_of(future: cf.Future, spec: RunSpec) -> RunResult:
    try:
        value = future.result()
    except cf.CancelledError:
        return RunResult(spec.label, "error", str(spec.run_dir),
                         error={"ename": "Cancelled", "evalue": "the run was cancelled"})
    except BaseException as exc:  # noqa: BLE001 - a worker died or the executor broke
        return RunResult(spec.label, "error", str(spec.run_dir),
                         error={"ename": type(exc).__name__, "evalue": str(exc)})
    return RunResult(value["label"], value["status"], value.get("run_dir", ""),
                     value.get("duration_s"), value.get("error"))


def run(notebooks: Iterable[str] = (), *, executor: cf.Executor | None = None,
        workers: int | None = None, stream: TextIO | None = None, **plan_options) -> Summary:
    """Plan, validate and execute runs: the Python face of ``hy-analysis run``.

    Parameters
    ----------
    notebooks : iterable of str
        Names or paths; every notebook when empty.
    executor : concurrent.futures.Executor, optional
        Any executor (process pool, Dask ``client.get_executor()``); see :func:`execute_plan`.
    workers : int, optional
        Concurrent runs with the default executor.
    stream : text stream, optional
        Progress output.
    **plan_options
        Passed to :func:`plan_runs` (``overrides``, ``param_file``, ``grid``, ``output_dir``,
        ``with_code``, ``timeout``, ``force`` ...).

    Returns
    -------
    Summary
        ``summary.exit_code`` is non-zero when a run failed or timed out.

    Examples
    --------
    >>> from concurrent.futures import ProcessPoolExecutor
    >>> summary = run(["fdi_by_country"], grid=["countries=Japan,Korea"])  # doctest: +SKIP
    """
    specs = plan_runs(notebooks, **plan_options)
    return execute_plan(specs, executor=executor, workers=workers, stream=stream)
