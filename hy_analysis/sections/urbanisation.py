"""Sections of the ``urbanisation`` notebook.

Every function shows its section through :mod:`hy_analysis.display` and returns None.
Common options: ``region``, ``sources`` (from :func:`hy_analysis.load_sources`) and ``lang``.
A region without rate targets is told so once, in section 1 (no empty chart); section 2
says what its own question lacks.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from .. import display
from ..docstrings import with_parameters
from ..territories import RegionMap
from ..analysis import urbanisation as analysis
from ..charts.urbanisation import plot_urban_class_ladder, plot_urbanisation_path
from ..findings import urbanisation as findings
from ._shared import once

__all__ = ["rate_targets", "pace", "class_ladder", "class_counts"]


def _rate_path(targets: pd.DataFrame, *, region_map: RegionMap, region: str,
               target_years: Sequence[int]):
    rates = analysis.rate_targets(targets, region=region, years=target_years)
    path, revised = analysis.split_merger(rates, region_map=region_map)
    return rates, path, revised, analysis.rate_envelope(path)


def _path(targets: pd.DataFrame, *, region_map: RegionMap, region: str,
          target_years: Sequence[int]):
    """The rate targets, the old province's path and the merged province's targets apart.

    A panel's states differ mostly in the baseline, which none of this reads: computed once
    per region and target years for all of them (:func:`~._shared.once`).
    """
    return once(_rate_path, targets, region_map=region_map, region=region,
                target_years=target_years)


@with_parameters()
def rate_targets(targets: pd.DataFrame, *, region_map: RegionMap,
                 region: str, target_years: Sequence[int],
                 baseline_year: int | None = None, baseline_rate: float | None = None,
                 sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 1: the rate targets, the merged province's beside them, the path and the table."""
    rates, path, revised, envelope = _path(targets, region_map=region_map, region=region,
                                             target_years=target_years)
    measured = once(analysis.measured_rates, targets, region=region)
    display.show_markdown(findings.describe_rate_targets(rates, region_map=region_map,
                          measured=measured,
                                                         region=region, sources=sources,
                                                         lang=lang))
    if rates.empty:
        return
    display.show_markdown(findings.describe_revised_targets(revised, path, sources=sources,
                                                            lang=lang))
    steps = once(analysis.pp_per_year, envelope)
    from_baseline = analysis.pp_from_baseline(envelope, baseline_year=baseline_year,
                                              baseline_rate=baseline_rate)
    display.show_chart(plot_urbanisation_path(
        path, envelope=envelope, steps=steps, revised=revised, baseline_steps=from_baseline,
        baseline_year=baseline_year, baseline_rate=baseline_rate, sources=sources, lang=lang))
    display.show_table(findings.rate_table(rates, sources=sources, lang=lang))


@with_parameters()
def pace(targets: pd.DataFrame, *, region_map: RegionMap, region: str,
         target_years: Sequence[int],
         baseline_year: int | None = None, baseline_rate: float | None = None,
         lang: str = "vi") -> None:
    """Section 2: percentage points per year between target years, and from the baseline."""
    rates, _, _, envelope = _path(targets, region_map=region_map, region=region,
                                  target_years=target_years)
    # Without targets this says what its own question lacks (two target years with
    # figures); section 1 has already said the region has none.
    display.show_markdown(findings.describe_pp_per_year(once(analysis.pp_per_year, envelope),
                                                        lang=lang))
    if rates.empty:  # no baseline to compare with nothing
        return
    from_baseline = analysis.pp_from_baseline(envelope, baseline_year=baseline_year,
                                              baseline_rate=baseline_rate)
    display.show_markdown(findings.describe_baseline(from_baseline, baseline_year=baseline_year,
                                                     baseline_rate=baseline_rate, lang=lang))


@with_parameters(urban_classes="DataFrame\n    From :func:`hy_analysis.load_urban_classes`.")
def class_ladder(urban_classes: pd.DataFrame, *, region: str, region_map: RegionMap,
                 sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 3: the urban-class ladder 2025 -> 2030 (text, chart and table)."""
    ladder = analysis.urban_class_ladder(urban_classes, region=region, region_map=region_map)
    display.show_markdown(findings.describe_class_ladder(analysis.class_changes(ladder), ladder,
                                                         region=region, lang=lang))
    display.show_chart(plot_urban_class_ladder(ladder, sources=sources, lang=lang))
    if not ladder.empty:  # (the text has said there is none: no empty table after it)
        display.show_table(findings.ladder_table(ladder, lang=lang))


@with_parameters()
def class_counts(targets: pd.DataFrame, *, region: str, sources: pd.DataFrame | None = None,
                 lang: str = "vi") -> None:
    """Section 4: how many class IV and class V towns (text and table)."""
    counts = analysis.class_counts(targets, region=region)
    display.show_markdown(findings.describe_class_counts(counts, region=region, lang=lang))
    if not counts.empty:  # (the text has said there is none)
        display.show_table(findings.class_counts_table(counts, sources=sources, lang=lang))
