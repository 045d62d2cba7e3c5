"""Sections of the ``industrial_growth`` notebook.

Every function shows its section through :mod:`hy_analysis.display` and returns None.
Common options: ``region`` (the region analysed), ``sources`` (from
:func:`hy_analysis.load_sources`, to name documents) and ``lang`` (``"vi"`` or ``"en"``).
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from .. import display
from ..docstrings import with_parameters
from ..territories import RegionMap
from ..analysis import consistency as consistency_analysis
from ..analysis import growth as analysis
from ..charts import growth as charts
from ..charts.consistency import plot_implied_vs_stated
from ..findings import consistency as consistency_findings
from ..findings import growth as findings
from ._shared import once, show_chart

__all__ = ["growth_targets", "annual_growth", "index_paths", "required_growth",
           "structure_shift", "level_path", "comparison"]


def _figures(targets: pd.DataFrame, *, region_map: RegionMap, region: str) -> pd.DataFrame:
    """The region's growth targets and actuals, selected once for every state of a panel."""
    return once(analysis.growth_figures, targets, region_map=region_map, region=region,
                kinds=("target", "actual"))


@with_parameters()
def growth_targets(targets: pd.DataFrame, *, region_map: RegionMap,
                   region: str, sources: pd.DataFrame | None = None,
                   lang: str = "vi") -> None:
    """Section 1: the growth targets, their periods and documents (text and table)."""
    found = analysis.growth_figures(targets, region_map=region_map, region=region)
    display.show_markdown(findings.describe_growth_targets(found, region=region, lang=lang,
                                                           sources=sources))
    display.show_table(findings.growth_targets_table(found, sources=sources, lang=lang))


@with_parameters()
def annual_growth(targets: pd.DataFrame, *, region_map: RegionMap,
                  region: str, sources: pd.DataFrame | None = None,
                  lang: str = "vi") -> None:
    """Section 2: each year's growth against that year's target (text and chart)."""
    annual = analysis.annual_growth_vs_target(targets, region_map=region_map, region=region)
    display.show_markdown(findings.describe_annual_growth(annual, region=region, lang=lang))
    display.show_chart(charts.plot_annual_growth(annual, sources=sources, region=region,
                                                 lang=lang))


@with_parameters(start_year="int\n    First year of the paths.",
                 end_year="int\n    Last year of the paths.",
                 scenario_growth="sequence of float\n    Annual growth rates (%/yr) drawn beside "
                                 "the targets.")
def index_paths(targets: pd.DataFrame, *, region_map: RegionMap,
                region: str, start_year: int, end_year: int,
                scenario_growth: Sequence[float], sources: pd.DataFrame | None = None,
                lang: str = "vi") -> None:
    """Section 3: index paths of the targets, the scenarios and the actuals (text and chart)."""
    paths = analysis.figure_index_paths(_figures(targets, region_map=region_map, region=region),
                                        start_year=start_year, end_year=end_year,
                                        scenario_growth=scenario_growth)
    display.show_markdown(findings.describe_index_paths(
        paths, region=region, start_year=start_year, end_year=end_year, lang=lang,
        sources=sources))
    # Start years before the region's first figure give the same paths: drawn once.
    show_chart(charts.plot_index_paths_figure, paths, sources=sources, region=region,
               lang=lang)


@with_parameters()
def required_growth(targets: pd.DataFrame, *, region_map: RegionMap, region: str,
                    sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 4: the growth the remaining years need to meet each target (text and table)."""
    needed = analysis.figure_required_growth(_figures(targets, region_map=region_map,
                                                      region=region))
    display.show_markdown(findings.describe_required_growth(needed, region=region, lang=lang,
                                                            sources=sources))
    display.show_table(findings.required_growth_table(needed, sources=sources, lang=lang))


@with_parameters()
def structure_shift(targets: pd.DataFrame, *, region_map: RegionMap, region: str,
                    sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 5: the sector shares, actual and targeted (text and chart)."""
    structure = analysis.structure_shift(targets, region_map=region_map, region=region)
    display.show_markdown(findings.describe_structure_shift(structure, region=region,
                                                            lang=lang, sources=sources))
    display.show_chart(charts.plot_structure(structure, sources=sources, region=region,
                                             lang=lang))


@with_parameters(indicator="str\n    E.g. ``\"grdp_per_capita\"``, ``\"exports\"``.",
                 unit="str, optional\n    Keep only figures in this unit (e.g. ``\"USD\"``).",
                 chart="bool\n    Draw the path too (false: the text only).")
def level_path(targets: pd.DataFrame, *, region_map: RegionMap,
               region: str, indicator: str, unit: str | None = None,
               chart: bool = True, sources: pd.DataFrame | None = None,
               lang: str = "vi") -> None:
    """Sections 6 and 7: one indicator's levels and the yearly growth they imply."""
    path = analysis.level_path(targets, region_map=region_map,
                               region=region, indicator=indicator, unit=unit)
    steps = analysis.implied_growth_steps(path)
    display.show_markdown(findings.describe_level_path(path, steps, region=region, lang=lang,
                                                       sources=sources))
    if chart:
        display.show_chart(charts.plot_level_path(path, steps=steps, sources=sources,
                                                  region=region, lang=lang))


@with_parameters(compare_region="str\n    The region set beside ``region`` (the notebook's "
                                "parameter of that name).")
def comparison(targets: pd.DataFrame, *, region: str, compare_region: str,
               sources: pd.DataFrame | None = None, lang: str = "vi") -> None:
    """Section 8: growth implied by level targets against the stated growth, beside another
    region's (text and chart).
    """
    implied = consistency_analysis.implied_vs_stated(
        targets, regions=list(dict.fromkeys([region, compare_region])))
    display.show_markdown(consistency_findings.describe_implied_vs_stated(implied, lang=lang))
    display.show_chart(plot_implied_vs_stated(implied, sources=sources, lang=lang))
