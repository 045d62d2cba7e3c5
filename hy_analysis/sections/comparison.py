"""Sections of the ``provinces_compared`` notebook: merged provinces side by side.

Every function shows its section through :mod:`hy_analysis.display` and returns None. The
region map (``region_map``, the run's :func:`hy_analysis.loading.load_region_map`) is always passed in:
it says which territory is each province's merged one. Common options: ``provinces``
(provinces after the 2025 merger, in the order shown), ``sources`` (to name documents) and
``lang`` (``"vi"`` or ``"en"``).
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from .. import display
from ..territories import RegionMap
from ..analysis import comparison as analysis
from ..charts.comparison import plot_needed_growth
from ..findings import comparison as findings

__all__ = ["territories", "targets", "results", "needed", "gaps"]


def territories(region_map: RegionMap, *, provinces: Sequence[str],
                lang: str = "vi") -> None:
    """Section 1: each province's merged territory, or what the dataset lacks (text).

    Parameters
    ----------
    region_map : RegionMap
        The run's region map (:func:`hy_analysis.loading.load_region_map`).
    provinces : sequence of str
    lang : {"vi", "en"}
    """
    display.show_markdown(findings.describe_territories(
        analysis.province_territories(region_map, provinces), plan=analysis.PLAN,
        year=analysis.BASE_YEAR, lang=lang))


def targets(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
            sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 2: the 2026–2030 targets of each merged province (text and table).

    Parameters
    ----------
    data : DataFrame
        The run's targets and actuals (the user's rows included).
    region_map : RegionMap
        The run's region map (:func:`hy_analysis.loading.load_region_map`).
    provinces : sequence of str
    sources : DataFrame, optional
    lang : {"vi", "en"}
    """
    found = analysis.plan_targets(data, region_map=region_map, provinces=provinces)
    display.show_markdown(findings.describe_targets(found, provinces=provinces,
                                                    plan=analysis.PLAN, sources=sources,
                                                    lang=lang))
    if not found.empty:
        display.show_table(findings.targets_table(found, sources=sources, lang=lang))


def results(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
            sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 3: the 2025 results of each merged province, sums and estimates marked.

    Parameters
    ----------
    data : DataFrame
    region_map : RegionMap
        The run's region map (:func:`hy_analysis.loading.load_region_map`).
    provinces : sequence of str
    sources : DataFrame, optional
    lang : {"vi", "en"}
    """
    base = analysis.base_figures(data, region_map=region_map, provinces=provinces)
    display.show_markdown(findings.describe_results(base, provinces=provinces,
                                                    year=analysis.BASE_YEAR, lang=lang))
    if not base.empty:
        display.show_table(findings.results_table(base, sources=sources, lang=lang))


def needed(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
           sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 4: the growth each target needs from 2025 (text, chart, side-by-side table).

    Parameters
    ----------
    data : DataFrame
    region_map : RegionMap
        The run's region map (:func:`hy_analysis.loading.load_region_map`).
    provinces : sequence of str
    sources : DataFrame, optional
    lang : {"vi", "en"}
    """
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


def gaps(data: pd.DataFrame, *, region_map: RegionMap, provinces: Sequence[str],
         lang: str = "vi") -> None:
    """Section 5: what a province does not state that another does (text).

    Parameters
    ----------
    data : DataFrame
    region_map : RegionMap
        The run's region map (:func:`hy_analysis.loading.load_region_map`).
    provinces : sequence of str
    lang : {"vi", "en"}
    """
    found = analysis.plan_targets(data, region_map=region_map, provinces=provinces)
    base = analysis.base_figures(data, region_map=region_map, provinces=provinces)
    display.show_markdown(findings.describe_coverage(
        analysis.coverage(found, base, provinces=provinces), provinces=provinces,
        plan=analysis.PLAN, year=analysis.BASE_YEAR, lang=lang))
