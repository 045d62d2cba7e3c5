"""Sections of the ``attainment`` notebook (were the targets met?).

Every function shows its section through :mod:`hy_analysis.display`. The verdicts depend on
the run's region map (``region_map``, from :func:`hy_analysis.load_regions` or the run's own
data folder): which territories a region covers and which the merger joined. It is always
passed in, never read from the default data folder.
"""

from __future__ import annotations

import pandas as pd

from .. import display
from ..docstrings import with_parameters
from ..territories import RegionMap
from ..analysis import attainment as analysis
from ..charts.attainment import plot_merger_comparison, plot_scorecard
from ..findings import attainment as findings

__all__ = ["scorecard", "full_table", "merger"]


@with_parameters()
def scorecard(targets: pd.DataFrame, *, region_map: RegionMap, region: str,
              as_of: int | None = None, tolerance: float, on_track: float,
              acceleration_needed: float, sources: pd.DataFrame | None = None,
              lang: str = "vi") -> pd.DataFrame:
    """Section 1: the verdicts in words, the scorecard chart and the rules of this run.

    Returns
    -------
    DataFrame
        The verdicts, for :func:`full_table`.
    """
    verdicts = analysis.assess(targets, region_map=region_map, region=region, as_of=as_of,
                               tolerance=tolerance, on_track=on_track,
                               acceleration_needed=acceleration_needed)
    display.show_markdown(findings.describe_attainment(verdicts, region=region, lang=lang))
    board = findings.scorecard_data(verdicts, sources=sources, lang=lang, include_open=False)
    if not board.empty:
        display.show_chart(plot_scorecard(board, lang=lang))
    display.show_markdown(findings.describe_method(
        tolerance=tolerance, on_track=on_track, acceleration_needed=acceleration_needed,
        lang=lang))
    return verdicts


@with_parameters(verdicts="DataFrame\n    What :func:`scorecard` returned.")
def full_table(verdicts: pd.DataFrame, *, sources: pd.DataFrame | None = None,
               lang: str = "vi") -> None:
    """Section 2: every verdict with its target, actual and sources (table)."""
    display.show_table(findings.attainment_table(verdicts, sources=sources, lang=lang))


@with_parameters()
def merger(targets: pd.DataFrame, *, region_map: RegionMap, as_of: int | None = None,
           tolerance: float, on_track: float, acceleration_needed: float,
           lang: str = "vi") -> None:
    """Section 3: the old provinces, their sum and the merged province; verdicts by territory."""
    comparison = analysis.merger_comparison(targets, region_map=region_map)
    display.show_markdown(findings.describe_merger(comparison, lang=lang))
    display.show_chart(plot_merger_comparison(comparison, lang=lang))
    display.show_table(findings.merger_table(comparison, lang=lang))
    everyone = analysis.assess(targets, region_map=region_map, as_of=as_of, tolerance=tolerance,
                               on_track=on_track, acceleration_needed=acceleration_needed)
    display.show_table(findings.status_by_territory(
        everyone, lang=lang, territories=analysis.merger_family(region_map)))
