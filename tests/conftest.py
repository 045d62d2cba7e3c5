"""Shared fixtures: paths of the fixture corpus and of the bundled data.

Under pytest-xdist (``make test`` runs two workers) each worker gets a temporary folder of
its own (``TMPDIR``), so its warm kernel parent, sockets and logs are its own: tests that
kill, stop or retire a warm parent never touch the kernels of the other worker's runs.
Tests that share an expensive session fixture (the rendered reports, JupyterLab, the
dashboard) are kept on one worker (``--dist loadgroup``), so each is set up once.
"""

import os
import stat
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from hy_analysis.paths import PROJECT_DIR

FIXTURES = Path(__file__).parent / "fixtures"

#: Session fixtures that cost seconds to minutes: the tests using one run on one worker.
EXPENSIVE = {"rendered": "reports", "rendered_en": "reports", "live_views": "reports",
             "jupyter_lab": "lab", "dashboard": "dashboard", "dev_set_scores": "dev-set"}


def pytest_configure(config):
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    # A folder per worker, kept from run to run (its warm parent is reused, as without
    # workers); not 0700: the warm-security tests' "other user" must reach folders in it.
    base = Path(tempfile.gettempdir())
    folder = base / f"hy-xdist-{os.getuid()}-{worker}"
    try:
        os.mkdir(folder, 0o755)
    except FileExistsError:
        pass
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        folder = Path(tempfile.mkdtemp(prefix=f"hy-xdist-{worker}-", dir=base))
        os.chmod(folder, 0o755)
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = None


def pytest_collection_modifyitems(config, items):
    for item in items:
        groups = {EXPENSIVE[f] for f in item.fixturenames if f in EXPENSIVE}
        if len(groups) > 1:
            raise pytest.UsageError(f"{item.nodeid} uses fixtures of groups {sorted(groups)}: "
                                    "put them in one group (tests/conftest.py EXPENSIVE)")
        if groups:
            item.add_marker(pytest.mark.xdist_group(groups.pop()))


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


def _target_rows(*records: dict, **defaults) -> pd.DataFrame:
    """A frame with the columns of load_targets() from short records over ``defaults``.

    ``high`` defaults to ``low`` (unless the record is "above" or sets ``high``), ``value``
    to the middle of the known bounds and ``value_raw`` to ``"<low>%"``.
    """
    base = {**dict(region="Hưng Yên", territory="Hưng Yên (before 2025)", indicator="",
                   indicator_vi="", indicator_en="", kind="target", period_start=2021,
                   period_end=2021, as_of="", measure="level", breakdown="", value_raw="",
                   unit="percent", source_id="src-a", source_locator="p1", derived=False,
                   note="", low=None, high=None, qualifier="exact", value=None), **defaults}
    out = []
    for i, record in enumerate(records):
        row = {**base, "id": f"row-{i}", **record}
        if row["high"] is None and row["qualifier"] != "above" and "high" not in record:
            row["high"] = row["low"]
        if row["value"] is None:
            known = [v for v in (row["low"], row["high"]) if v is not None]
            row["value"] = sum(known) / len(known)
        row["value_raw"] = row["value_raw"] or f"{row['low']:g}%"
        out.append(row)
    frame = pd.DataFrame(out)
    for column in ("period_start", "period_end"):
        frame[column] = frame[column].astype("Int64")
    for column in ("low", "high", "value"):
        frame[column] = frame[column].astype(float)
    return frame


@pytest.fixture(scope="session")
def target_rows():
    """``target_rows(*records, **defaults)``: a small tidy-targets frame (see ``_target_rows``)."""
    return _target_rows


@pytest.fixture(scope="session")
def region_map():
    """The bundled region map (loading.load_region_map), passed to analyses as region_map=."""
    from hy_analysis.loading import load_region_map

    return load_region_map()
