"""Where data, notebooks and outputs live.

Each location can be overridden by argument or by environment variable, so tests and users can
point the package at their own copies without editing code.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
#: The repository root: the package is used from a checkout (editable install).
PROJECT_DIR = _PACKAGE_DIR.parent


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """Folder holding targets.csv, sources.csv, ... (``HY_DATA_DIR`` overrides)."""
    return Path(override or os.environ.get("HY_DATA_DIR") or PROJECT_DIR / "data")


def notebooks_dir(override: str | os.PathLike | None = None) -> Path:
    """Folder holding the parameterised notebooks (``HY_NOTEBOOKS_DIR`` overrides)."""
    return Path(override or os.environ.get("HY_NOTEBOOKS_DIR") or PROJECT_DIR / "notebooks")


def outputs_dir(override: str | os.PathLike | None = None) -> Path:
    """Folder receiving rendered runs (``HY_OUTPUTS_DIR`` overrides)."""
    return Path(override or os.environ.get("HY_OUTPUTS_DIR") or PROJECT_DIR / "outputs")


def sources_dir(override: str | os.PathLike | None = None) -> Path | None:
    """Folder of the source documents (``HY_SOURCES_DIR``); None when not configured."""
    value = override or os.environ.get("HY_SOURCES_DIR")
    return Path(value) if value else None
