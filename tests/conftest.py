"""Shared fixtures: paths of the fixture corpus and of the bundled data."""

from pathlib import Path

import pytest

from hy_analysis.paths import PROJECT_DIR

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def project_dir() -> Path:
    return PROJECT_DIR


@pytest.fixture(autouse=True)
def _headless_matplotlib(monkeypatch):
    # Tests never open windows, and plotting code must not depend on a display.
    monkeypatch.setenv("MPLBACKEND", "Agg")
