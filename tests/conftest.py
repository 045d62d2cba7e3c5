"""Shared fixtures: paths of the fixture corpus and of the bundled data.

Under pytest-xdist (``make test`` runs two workers) each worker gets a temporary folder of
its own (``TMPDIR``), so its warm kernel parent, sockets and logs are its own: tests that
kill, stop or retire a warm parent never touch the kernels of the other worker's runs.
Tests that share an expensive session fixture (the rendered reports, JupyterLab, the
dashboard) are kept on one worker (``--dist loadgroup``, GROUPS below): each is set up once.
"""

import os
import stat
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from hy_analysis.paths import PROJECT_DIR

FIXTURES = Path(__file__).parent / "fixtures"

#: Tests kept on one xdist worker (nodeid prefix -> group): they share an expensive session
#: fixture, which each worker would otherwise set up again.
GROUPS = {
    "tests/browser/test_reader_reports.py::": "reports",
    "tests/browser/test_shared_html.py::": "reports",
    "tests/browser/test_lab.py::": "lab",
    "tests/browser/test_dashboard.py::": "dashboard",
    "tests/browser/test_dashboard_kernels.py::": "dashboard",
    "tests/test_extraction.py::test_dev_set_": "dev-set",
}
#: The expensive fixtures and their groups (checked at collection against GROUPS).
EXPENSIVE = {"rendered": "reports", "rendered_en": "reports", "live_views": "reports",
             "jupyter_lab": "lab", "dashboard": "dashboard", "dev_set_scores": "dev-set"}


def group_of(nodeid: str) -> str | None:
    return next((group for prefix, group in GROUPS.items() if nodeid.startswith(prefix)), None)


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
        for name in item.fixturenames:
            if name in EXPENSIVE and group_of(item.nodeid) != EXPENSIVE[name]:
                raise pytest.UsageError(
                    f"{item.nodeid} uses the fixture {name}: add it to the group "
                    f"{EXPENSIVE[name]!r} in tests/conftest.py GROUPS (else each xdist worker "
                    "sets the fixture up again)")


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # optional: pytest-xdist may be absent
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadgroup`` with GROUPS: each group is one unit of work, every other test its
    own (xdist's own loadgroup reads ``xdist_group`` marks through a node id that pytest 9.2
    no longer lets a plugin change)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Grouped(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid) or nodeid

    return Grouped(config, log)


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
    yield
    # A figure a test leaves open (its show_chart mocked) would be flushed by the inline
    # backend into the first cell a later in-process shell runs (tests/test_sections.py):
    # which test follows which depends on the xdist worker, so none may leak figures.
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


def _target_rows(*records: dict, **defaults) -> pd.DataFrame:
    """A frame with the columns of load_targets() from short records over ``defaults``.

    ``high`` defaults to ``low`` (unless the record is "above" or sets ``high``), ``value``
    to the middle of the known bounds and ``value_raw`` to ``"<low>%"``;
    ``desired_direction`` is the indicator's in data/indicators.csv, as loading sets it.
    """
    from hy_analysis.loading import indicator_directions

    directions = indicator_directions()
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
        row.setdefault("desired_direction", directions.get(row["indicator"], "up"))
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
