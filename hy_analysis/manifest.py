"""What a run depends on and what it left behind: input hashes, slugs and ``manifest.json``.

Everything here is standard library only, so that deciding a run is ``up to date`` costs a few
file hashes and never imports papermill, nbconvert or pandas.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable

from .paths import PROJECT_DIR

__all__ = [
    "MANIFEST_NAME", "sha256_file", "data_hashes", "package_hash", "input_hashes",
    "fingerprint", "canonical_json", "slugify", "params_slug", "read_manifest",
    "write_json_atomic", "iter_manifests", "versions", "PANEL_CLASS", "page_report",
]

#: Class of the page part that holds a shared panel (:mod:`hy_analysis.sharing.page` writes
#: it, :func:`page_report` and the browser tests find it).
PANEL_CLASS = "hy-shared-panel"
#: File name of the manifest in every run folder.
MANIFEST_NAME = "manifest.json"
#: Longest readable part of a slug; a short hash of the parameters follows it.
SLUG_MAX = 80

_PACKAGE_DIR = Path(__file__).resolve().parent


def sha256_file(path: str | os.PathLike) -> str:
    """The hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files_under(folder: Path) -> Iterable[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)


def data_hashes(folder: str | os.PathLike) -> dict[str, str]:
    """sha256 of every (non-hidden) file under the data folder, keyed by relative path."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): sha256_file(p) for p in _files_under(folder)}


def package_hash() -> str:
    """One sha256 over the package's source files and its version.

    The package is used from a checkout, so its version number alone would not notice an
    edited analysis function; the source hash does.
    """
    from . import __version__

    digest = hashlib.sha256(__version__.encode())
    for path in _files_under(_PACKAGE_DIR):
        if path.suffix == ".py":
            digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: equal values give equal text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str)


def input_hashes(notebook_path: str | os.PathLike, data_dir: str | os.PathLike, *,
                 package: str | None = None, data: dict | None = None,
                 libraries: dict | None = None) -> dict:
    """What a run reads: the notebook, every data file, the package and the libraries'
    versions (an upgraded pandas reruns).

    ``package``, ``data`` and ``libraries`` may be passed in when already computed for
    other runs.
    """
    from . import __version__

    return {
        "library_versions": libraries if libraries is not None else versions(),
        "notebook_sha256": sha256_file(notebook_path),
        "data_dir": str(Path(data_dir).resolve()),
        "data_sha256": data if data is not None else data_hashes(data_dir),
        "package_version": __version__,
        "package_sha256": package if package is not None else package_hash(),
    }


def fingerprint(inputs: dict, params: dict, *, with_code: bool) -> str:
    """One hash over everything that decides a run's outputs."""
    relevant = {k: v for k, v in inputs.items() if k != "data_dir"}
    text = canonical_json({"inputs": relevant, "params": params, "with_code": with_code})
    return hashlib.sha256(text.encode()).hexdigest()


_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


def slugify(text: str, *, fallback: str = "x", keep: str = "") -> str:
    """``"Bắc Giang"`` -> ``"bac-giang"``: ascii-folded, lower case, only ``[a-z0-9-]``.

    The result never contains a path separator or a dot, so it cannot name ``..``;
    ``keep`` names more characters to keep (``"_"`` for notebook names).
    """
    folded = unicodedata.normalize("NFKD", str(text).translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(f"[^a-z0-9{re.escape(keep)}]+", "-", ascii_text).strip("-")
    return slug or fallback


def _value_slug(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        return slugify(repr(value).replace(".", "p").replace("-", "m"), fallback="num")
    if isinstance(value, (list, tuple)):
        return "-".join(_value_slug(v) for v in value) or "empty"
    if value is None:
        return "none"
    if isinstance(value, int):
        return str(value).replace("-", "m")
    return slugify(str(value), fallback="empty")


def params_slug(params: dict, defaults: dict) -> str:
    """A readable, safe folder name for one parameter set.

    Only values that differ from the defaults appear (``defaults`` when none do), as
    ``name-value`` joined by ``__``, followed by a short hash of the exact values so that two
    sets folding to the same text (``Hưng Yên`` and ``Hung Yen``) never share a folder.

    Examples
    --------
    >>> params_slug({"region": "Bắc Giang", "lang": "vi"}, {"region": "Hưng Yên", "lang": "vi"})
    'region-bac-giang__4c58f25c'
    """
    changed = {k: v for k, v in params.items()
               if k not in defaults or canonical_json(v) != canonical_json(defaults[k])}
    if not changed:
        return "defaults"
    readable = "__".join(f"{slugify(k, fallback='p')}-{_value_slug(v)}"
                         for k, v in changed.items())
    short = hashlib.sha256(canonical_json(changed).encode()).hexdigest()[:8]
    return f"{readable[:SLUG_MAX].rstrip('-_')}__{short}"


def read_manifest(run_dir: str | os.PathLike) -> dict | None:
    """The manifest of a run folder, or None when absent or unreadable."""
    try:
        with open(Path(run_dir, MANIFEST_NAME), encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def write_json_atomic(path: str | os.PathLike, value: Any) -> None:
    """Write JSON to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n",
                   encoding="utf-8")
    os.replace(tmp, path)


def iter_manifests(output_dir: str | os.PathLike) -> list[tuple[Path, dict]]:
    """Every ``<output_dir>/<notebook>/<slug>/manifest.json`` (hidden folders skipped)."""
    found = []
    root = Path(output_dir)
    if not root.is_dir():
        return found
    for nb_dir in sorted(root.iterdir()):
        if nb_dir.name.startswith(".") or not nb_dir.is_dir():
            continue
        for run_dir in sorted(nb_dir.iterdir()):
            if run_dir.name.startswith(".") or not run_dir.is_dir():
                continue
            manifest = read_manifest(run_dir)
            if manifest is not None:
                found.append((run_dir, manifest))
    return found


def versions() -> dict[str, str | None]:
    """Versions of python and of the libraries that shape a run's results."""
    import platform

    found: dict[str, str | None] = {"python": platform.python_version()}
    for name in ("hy-analysis", "pandas", "numpy", "matplotlib", "seaborn", "papermill",
                 "nbclient", "nbconvert", "ipykernel", "itables", "ipywidgets", "babel",
                 "jupyter_client", "pyzmq"):
        found[name] = _version(name)
    return found


def _version(name: str) -> str | None:
    """``importlib.metadata.version(name)`` without parsing the whole metadata file.

    The version is a header line; ``version()`` runs the e-mail parser over the long
    description too, which made the 14 look-ups most of a no-op rerun's planning.
    """
    import re
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution(name)
    except PackageNotFoundError:
        return None
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
    found = re.search(r"^Version:(.*)$", text.split("\n\n", 1)[0], re.MULTILINE)
    return found.group(1).strip() if found else dist.version


def portable_path(path: str | os.PathLike) -> str:
    """``path`` as a shared manifest may show it: relative to the project when inside it,
    else only its name (a colleague's copy must not expose the author's folders).

    Examples
    --------
    >>> portable_path(PROJECT_DIR / "notebooks" / "attainment.ipynb")
    'notebooks/attainment.ipynb'
    >>> portable_path("/home/an/private/my targets.csv")
    'my targets.csv'
    """
    path = Path(path).resolve()
    try:
        return path.relative_to(PROJECT_DIR).as_posix()
    except ValueError:
        return path.name


def page_report(page: str) -> dict:
    """Size of a rendered page and of its shared panels, for the run's manifest.

    Examples
    --------
    >>> page_report('<div data-seconds="1.50" class="hy-shared-panel" data-states="3">')
    {'bytes': 65, 'panels': [{'states': 3, 'seconds': 1.5}]}
    """
    import re

    panels = []
    for tag in re.finditer(rf'<div\b[^>]*\bclass="{PANEL_CLASS}"[^>]*>', page):
        attrs = dict(re.findall(r'(data-states|data-seconds)="([\d.]+)"', tag.group(0)))
        panels.append({"states": int(attrs.get("data-states", 0)),
                       "seconds": float(attrs.get("data-seconds", 0))})
    return {"bytes": len(page.encode("utf-8")), "panels": panels}
