"""From notebooks and parameter values to one :class:`RunSpec` per run, and the cache.

:func:`plan_runs` converts and validates **every** parameter set before any kernel starts,
and marks the runs whose last successful output is up to date: same notebook, data, user
data files, package, library versions and parameters
(:func:`hy_analysis.manifest.fingerprint`). Deciding that
nothing needs to run imports neither papermill, nbconvert nor pandas.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable

from .. import paths
from ..exceptions import ParameterError, RunError
from ..manifest import (
    data_hashes,
    fingerprint,
    input_hashes,
    package_hash,
    params_slug,
    read_manifest,
    sha256_file,
    slugify,
    versions,
)
from .discovery import NotebookInfo, convert_value, notebook_params, parse_grid, read_param_file

__all__ = ["RunSpec", "plan_runs", "DEFAULT_TIMEOUT", "USER_DATA"]

#: Seconds a single cell may run before the run is stopped and reported as ``timeout``.
DEFAULT_TIMEOUT = 600.0
#: The parameter naming the user's own data files (see :data:`hy_analysis.params.COMMON_PARAMS`).
USER_DATA = "user_data"


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
        """``notebook/slug``, how progress and the summary name the run."""
        return f"{self.notebook}/{self.slug}"

    @property
    def run_dir(self) -> Path:
        """Where the run's outputs end up."""
        return Path(self.output_dir, self.notebook, self.slug)

    @property
    def tmp_dir(self) -> Path:
        """The hidden folder the run writes into before it is renamed into place."""
        return Path(self.output_dir, self.notebook, self.tmp_name)

    def to_dict(self) -> dict:
        """The spec as plain data, what executors ship to workers."""
        return asdict(self)


@dataclass(frozen=True)
class _NotebookFile:
    kernel: str
    parameters_source: str


def _read_notebook_file(path: Path) -> _NotebookFile:
    """The kernel a notebook asks for and its ``parameters`` cell (JSON only: no nbformat)."""
    try:
        with open(path, encoding="utf-8") as handle:
            content = json.load(handle)
    except (OSError, ValueError) as exc:
        raise RunError(f"cannot read notebook {path}: {exc}") from exc
    kernel = ((content.get("metadata") or {}).get("kernelspec") or {}).get("name") or "python3"
    source = ""
    for cell in content.get("cells", []):
        if "parameters" in (cell.get("metadata") or {}).get("tags", []):
            text = cell.get("source", "")
            source = "".join(text) if isinstance(text, list) else text
            break
    return _NotebookFile(kernel, source)


def _declares(source: str, name: str) -> bool:
    return re.search(rf"^\s*{re.escape(name)}\s*(:[^=]*)?=", source, re.M) is not None


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


def _user_data_hashes(value, data: Path) -> dict[str, str | None]:
    """sha256 of each user data file a run reads (None for a file that is missing)."""
    from ..params import user_data_files

    found = {}
    for path in user_data_files(value if isinstance(value, (list, tuple)) or value is None
                                else [value], data_dir=data):
        try:
            found[str(Path(path).absolute())] = sha256_file(path)
        except OSError:
            found[str(Path(path).absolute())] = None
    return found


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
        Defaults from :mod:`hy_analysis.paths` (and its environment variables). Choices that
        come from the data (regions) are those of ``data_dir``.
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
        choices with the valid choices, a user data file that does not exist); nothing
        should run then.
    RunError
        Missing notebook or unreadable parameters file.
    """
    if not (isinstance(timeout, (int, float)) and math.isfinite(timeout) and timeout > 0):
        raise ParameterError(f"option --timeout: {timeout!r} is not a positive number of "
                             "seconds; e.g. --timeout 600")
    out = _check_output_dir(paths.outputs_dir(output_dir))
    data = paths.data_dir(data_dir)
    if not notebooks:  # every notebook, but not the JupyterLab tools
        from ..params import TOOL_NOTEBOOKS, notebook_names

        notebooks = [n for n in notebook_names() if n not in TOOL_NOTEBOOKS]
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

    context = _PlanContext(out=out, data=data, data_sha=data_hashes(data),
                           package_sha=package_hash(), libraries=versions(), with_code=with_code, timeout=timeout,
                           force=force, problems=problems)
    specs: list[RunSpec] = []
    seen: set[tuple[str, str]] = set()
    for info in infos:
        file = _read_notebook_file(info.path)
        names = {p.name for p in info.params}
        combos = list(itertools.product(*[[(n, v) for v in vs] for n, vs in grid
                                          if n in names]))
        for file_set in file_sets:
            for combo in combos:
                raw: dict = {}
                try:
                    for name, value in file_set.items():
                        if name in names:
                            raw[name] = convert_value(info, name, value)
                    for name, text in overrides:
                        if name in names:
                            raw[name] = convert_value(info, name, text)
                    for name, text in combo:
                        raw[name] = convert_value(info, name, text)
                except ParameterError as exc:
                    problems.append(f"{info.name}: {exc}")
                    continue
                spec = _make_spec(info, file, raw, context)
                if spec and (spec.notebook, spec.slug) not in seen:
                    seen.add((spec.notebook, spec.slug))
                    specs.append(spec)
    if problems:
        raise ParameterError("\n".join(problems))
    return specs


def _check_output_dir(out: Path) -> Path:
    """``out`` once it is shown to be a folder we can write into, or could create."""
    if out.exists() and not out.is_dir():
        raise RunError(f"option --output-dir: {str(out)!r} is a file, not a folder; "
                       "give a folder (it is created when missing)")
    existing = out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise RunError(f"option --output-dir: cannot create folder {str(out)!r}: "
                       f"{str(existing)!r} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise RunError(f"option --output-dir: cannot write into {str(existing)!r}")
    return out


@dataclass
class _PlanContext:
    """What every spec of one plan shares."""

    out: Path
    data: Path
    data_sha: dict
    package_sha: str
    libraries: dict
    with_code: bool
    timeout: float
    force: bool
    problems: list


def _make_spec(info: NotebookInfo, file: _NotebookFile, raw: dict,
               ctx: _PlanContext) -> RunSpec | None:
    defaults = info.defaults()
    reads_user_data = info.known and _declares(file.parameters_source, USER_DATA)
    if info.known and not reads_user_data:
        # Its parameters cell does not declare user_data (yet): validated, never passed on.
        if raw.get(USER_DATA) is not None:
            ctx.problems.append(
                f"{info.name}: parameter {USER_DATA!r}: this notebook's parameters cell does "
                f"not read it yet ({info.path}); got {raw[USER_DATA]!r}")
            return None
        defaults.pop(USER_DATA, None)
    notebook = slugify(info.name, keep="_")
    base_inputs = input_hashes(info.path, ctx.data, package=ctx.package_sha,
                               data=ctx.data_sha, libraries=ctx.libraries)

    def build(values: dict) -> RunSpec:
        values = {**defaults, **values}
        inputs = base_inputs
        if reads_user_data:
            # The files behind user_data are part of the cache key: a changed file reruns.
            inputs = {**inputs,
                      "user_data_sha256": _user_data_hashes(values[USER_DATA], ctx.data)}
        slug = params_slug(values, defaults)
        fp = fingerprint(inputs, values, with_code=ctx.with_code)
        _safe_run_dir(ctx.out, notebook, slug)
        return RunSpec(notebook=notebook, path=str(info.path.resolve()), params=values,
                       slug=slug, output_dir=str(ctx.out),
                       data_dir=str(Path(ctx.data).resolve()), kernel=file.kernel,
                       inputs=inputs, fingerprint=fp, with_code=ctx.with_code,
                       timeout=ctx.timeout)

    if info.known:
        # A set equal to one that already ran successfully on the same data and package was
        # validated then; checking it again would load the data (pandas) for nothing.
        candidate = build(raw)
        if not ctx.force and _is_up_to_date(candidate.run_dir, candidate.fingerprint):
            candidate.up_to_date = True
            return candidate
        from ..params import validate_params

        try:
            validated = validate_params(info.name, raw, data_dir=ctx.data)
        except ParameterError as exc:
            ctx.problems.append(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - e.g. the data behind the choices is broken
            ctx.problems.append(f"invalid parameters for {info.name}: cannot check them: {exc}")
            return None
        if not reads_user_data:
            validated.pop(USER_DATA, None)
        spec = build(validated)
    else:
        spec = build(raw)
    spec.up_to_date = not ctx.force and _is_up_to_date(spec.run_dir, spec.fingerprint)
    return spec
