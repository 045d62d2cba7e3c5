"""Sections of the ``provinces_compared`` notebook: merged provinces side by side.

Every function shows its section through :mod:`hy_analysis.display` and returns None. The
region map (``region_map``, the run's :func:`hy_analysis.loading.load_region_map`) is always passed in:
it says which territory is each province's merged one. Common options: ``provinces``
(provinces after the 2025 merger, in the order shown), ``sources`` (to name documents) and
``lang`` (``"vi"`` or ``"en"``).
"""

from __future__ import annotations

from typing import Callable, Sequence

import pandas as pd

from .. import display
from ..docstrings import with_parameters
from ..territories import RegionMap
from ..analysis import comparison as analysis
from ..charts.comparison import plot_needed_growth
from ..findings import comparison as findings

__all__ = ["territories", "targets", "results", "needed", "gaps"]


@with_parameters()
def territories(region_map: RegionMap, *, provinces: Sequence[str],
                lang: str = "vi") -> None:
    """Section 1: each province's merged territory, or what the dataset lacks (text)."""
    display.show_markdown(findings.describe_territories(
        analysis.province_territories(region_map, provinces), plan=analysis.PLAN,
        year=analysis.BASE_YEAR, lang=lang))


def _text_and_table(compute: Callable[..., pd.DataFrame], describe: Callable[..., str],
                    table: Callable[..., pd.DataFrame], data: pd.DataFrame, *,
                    region_map: RegionMap, provinces: Sequence[str],
                    sources: pd.DataFrame | None, lang: str, words: dict) -> None:
    """The provinces' figures of ``compute`` in words (``describe`` also takes ``words``)
    and, when there are some, as a reader table."""
    found = compute(data, region_map=region_map, provinces=provinces)
    display.show_markdown(describe(found, provinces=provinces, lang=lang, **words))
    if not found.empty:
        display.show_table(table(found, sources=sources, lang=lang))


@with_parameters()
def targets(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
            sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 2: the 2026–2030 targets of each merged province (text and table)."""
    _text_and_table(analysis.plan_targets, findings.describe_targets, findings.targets_table,
                    data, region_map=region_map, provinces=provinces, sources=sources,
                    lang=lang, words=dict(plan=analysis.PLAN, sources=sources))


@with_parameters()
def results(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
            sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 3: the 2025 results of each merged province, sums and estimates marked."""
    _text_and_table(analysis.base_figures, findings.describe_results, findings.results_table,
                    data, region_map=region_map, provinces=provinces, sources=sources,
                    lang=lang, words=dict(year=analysis.BASE_YEAR))


@with_parameters()
def needed(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
           sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 4: the growth each target needs from 2025 (text, chart, side-by-side table)."""
    table = analysis.needed_growth(data, region_map=region_map, provinces=provinces)
    display.show_markdown(findings.describe_needed(table, plan=analysis.PLAN,
                                                   year=analysis.BASE_YEAR, sources=sources,
                                                   lang=lang))
    if table.empty:
        return
    display.show_chart(plot_needed_growth(findings.needed_chart_data(table, lang=lang),
                                          plan=analysis.PLAN, year=analysis.BASE_YEAR,
                                          sources=sources, lang=lang))
    display.show_table(findings.needed_table(table, provinces=provinces, sources=sources,
                                             lang=lang))


@with_parameters()
def gaps(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
         lang: str = "vi") -> None:
    """Section 5: what a province does not state that another does (text)."""
    found = analysis.plan_targets(data, region_map=region_map, provinces=provinces)
    base = analysis.base_figures(data, region_map=region_map, provinces=provinces)
    display.show_markdown(findings.describe_coverage(
        analysis.coverage(found, base, provinces=provinces), provinces=provinces,
        plan=analysis.PLAN, year=analysis.BASE_YEAR, lang=lang))
