"""Which notebooks there are, which parameters they take, and reading parameter values.

A notebook of :mod:`hy_analysis.params` takes the parameters defined there; any other
notebook (a path to an ``.ipynb``) takes those of its ``parameters`` cell, read by papermill.
Values typed on the command line (``-p``, ``--grid``) are text, converted here to each
parameter's type; values from a YAML file (``-f``) keep their YAML types.
"""

from __future__ import annotations

import ast
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .. import paths
from ..exceptions import ParameterError, RunError

__all__ = ["ParamInfo", "NotebookInfo", "resolve_notebook", "notebook_params", "parse_grid",
           "read_param_file", "convert_value", "block_slow_imports"]


def block_slow_imports() -> None:
    """Skip jsonschema's optional ``rfc3987_syntax`` import (~1.2 s), unused by nbformat."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


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
        """Every parameter's default (lists copied)."""
        return {p.name: _copy(p.default) for p in self.params}

    def param(self, name: str) -> ParamInfo | None:
        """The parameter called ``name``, or None."""
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

    Returns
    -------
    NotebookInfo

    Raises
    ------
    RunError
        When the file does not exist.
    """
    from .. import params as params_module

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
    block_slow_imports()
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
        infos.append(ParamInfo(name, kind, default, p.get("help") or ""))
    return tuple(infos)


def notebook_params(notebooks: Iterable[str] = (), *,
                    notebooks_dir: str | os.PathLike | None = None,
                    must_exist: bool = True) -> list[NotebookInfo]:
    """The notebooks (all of params.py's when none named) with their parameters.

    Parameters
    ----------
    notebooks : iterable of str
        Names or paths, see :func:`resolve_notebook`.
    notebooks_dir : path, optional
        Where names are looked up.
    must_exist : bool
        See :func:`resolve_notebook`.

    Returns
    -------
    list of NotebookInfo
    """
    from ..params import notebook_names

    names = list(notebooks) or list(notebook_names())
    return [resolve_notebook(n, notebooks_dir=notebooks_dir, must_exist=must_exist)
            for n in names]


def _split_values(text: str) -> list[str]:
    """``"a,b"`` -> ``["a", "b"]``; commas inside brackets are kept: ``[8,12],[5]``."""
    items, depth, current = [], 0, []
    for char in text:
        if char in "[(":
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
    """Read ``--grid`` entries.

    Parameters
    ----------
    entries : iterable of str
        ``NAME=V1,V2`` each; commas inside brackets do not split (``s=[8,12],[5]``).

    Returns
    -------
    list of (str, list of str)

    Raises
    ------
    ParameterError
        An entry without ``=`` or without values.

    Examples
    --------
    >>> parse_grid(["region=Hưng Yên,Bắc Giang", "s=[8,12],7"])
    [('region', ['Hưng Yên', 'Bắc Giang']), ('s', ['[8,12]', '7'])]
    """
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

    Parameters
    ----------
    path : path
        The ``-f`` file.

    Returns
    -------
    list of dict
        One dict per parameter set.

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


#: Types inferred from a parameters cell that :func:`hy_analysis.params.convert_text` reads.
_SCALAR_TYPES = ("int", "float", "bool")


def convert_value(info: NotebookInfo, name: str, value: Any) -> Any:
    """Convert command-line text to the parameter's type; other values pass through.

    Notebooks of params.py convert through :func:`hy_analysis.params.coerce_text`; for other
    notebooks the type of the parameters cell's default decides (numbers and booleans through
    :func:`hy_analysis.params.convert_text`, other text is read as a Python literal, a list
    default splits ``a,b``, and anything else stays text).

    Raises
    ------
    ParameterError
        Text that cannot be read as the parameter's number or boolean.
    """
    converted = _convert(info, name, value)
    _check_finite(name, value, converted)
    return converted


def _check_finite(name: str, given: Any, value: Any) -> None:
    """NaN and infinity are no parameter value: refused before any kernel starts."""
    values = value if isinstance(value, (list, tuple)) else [value]
    if any(isinstance(v, float) and not math.isfinite(v) for v in values):
        raise ParameterError(f"parameter {name!r}: {given!r} is not a finite number; "
                             "give a number such as 7.5")


def _convert(info: NotebookInfo, name: str, value: Any) -> Any:
    from ..params import coerce_text, convert_text

    if not isinstance(value, str):
        return value
    param = info.param(name)
    if info.known:
        return value if param.type == "str" else coerce_text(info.name, name, value)
    kind = param.type if param else "None"
    if kind == "str":
        return value
    if isinstance(param.default, bool):
        kind = "bool"
    if kind in _SCALAR_TYPES:
        return convert_text(value, kind, name=name)
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        if isinstance(param.default, (list, tuple)):
            return _split_values(value)
        return value
