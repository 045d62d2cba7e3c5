"""Shared fixtures: paths of the fixture corpus and of the bundled data."""

from pathlib import Path

import pandas as pd
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
