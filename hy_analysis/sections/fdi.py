"""Sections of the ``fdi_by_country`` notebook.

Every function shows its section through :mod:`hy_analysis.display` and returns None.
Common options: ``region``, ``sources`` (from :func:`hy_analysis.load_sources`) and ``lang``.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from .. import display
from ..docstrings import with_parameters
from ..territories import RegionMap
from ..analysis import fdi as analysis
from ..charts import fdi as charts
from ..findings import fdi as findings
from ._shared import once

__all__ = ["totals", "by_country", "shares", "capital"]


@with_parameters()
def totals(targets: pd.DataFrame, *, region_map: RegionMap,
           region: str, sources: pd.DataFrame | None = None,
           lang: str = "vi") -> None:
    """Section 1: total projects and registered capital at each cut-off date, and where the
    sources disagree (text and chart).
    """
    snapshots = analysis.fdi_snapshots(targets, region_map=region_map, region=region)
    display.show_markdown(findings.describe_fdi_totals(snapshots, region=region,
                                                       sources=sources, lang=lang))
    disagreements = analysis.snapshot_disagreements(targets, region_map=region_map, region=region)
    display.show_markdown(findings.describe_disagreements(disagreements, sources=sources,
                                                          lang=lang))
    display.show_chart(charts.plot_fdi_totals_figure(snapshots, disagreements=disagreements,
                                                     sources=sources, lang=lang))


@with_parameters()
def by_country(targets: pd.DataFrame, *, region_map: RegionMap,
               region: str, countries: Sequence[str],
               include_other: bool = True, sources: pd.DataFrame | None = None,
               lang: str = "vi") -> None:
    """Section 2: projects by investor country at each snapshot (text, chart and table)."""
    # The region's rows, snapshots and remainders, once for all the panel's selections.
    basis = once(analysis.country_basis, targets, region_map=region_map, region=region)
    table = analysis.projects_by_country(targets, region_map=region_map,
                                         region=region, countries=countries,
                                         include_other=include_other, basis=basis)
    display.show_markdown(findings.describe_projects_by_country(
        table, region=region, countries=countries, sources=sources, lang=lang))
    if table.empty:
        return
    display.show_chart(charts.plot_fdi_projects_by_country(table, sources=sources, lang=lang))
    display.show_table(findings.fdi_table(table, sources=sources, lang=lang))


@with_parameters()
def shares(targets: pd.DataFrame, *, region_map: RegionMap, region: str, countries: Sequence[str],
           include_other: bool = True, sources: pd.DataFrame | None = None,
           lang: str = "vi") -> None:
    """Section 2 (continued): each country's share of the projects, and how "other
    countries" is computed (chart and table).
    """
    table = analysis.projects_by_country(targets, region_map=region_map,
                                         region=region, countries=countries,
                                         include_other=include_other)
    if table.empty:
        return
    display.show_chart(charts.plot_fdi_project_shares(table, sources=sources, lang=lang))
    remainder = analysis.other_countries_remainder(targets, region_map=region_map, region=region)
    display.show_table(findings.remainder_table(remainder, sources=sources, lang=lang))


@with_parameters()
def capital(targets: pd.DataFrame, *, region_map: RegionMap, region: str, countries: Sequence[str],
            include_other: bool = True, sources: pd.DataFrame | None = None,
            lang: str = "vi") -> None:
    """Section 3: registered capital by investor country and what the data lacks."""
    found = analysis.capital_by_country(targets, region_map=region_map,
                                        region=region, countries=countries,
                                        include_other=include_other)
    coverage = analysis.capital_coverage(targets, region_map=region_map,
                                         region=region, countries=countries)
    display.show_markdown(findings.describe_capital(found, coverage, region=region,
                                                    sources=sources, lang=lang))
    display.show_chart(charts.plot_fdi_capital_by_country(found, sources=sources, lang=lang))
