"""Sections of the ``overview`` notebook (the figures and their consistency).

Every function shows its section through :mod:`hy_analysis.display` and returns None. Common
options: ``regions`` (region names shown; None: every region), ``kinds`` (``"target"``,
``"actual"``), ``sources`` (from :func:`hy_analysis.load_sources`) and ``lang``. The checks
read only the figures selected by ``regions`` and ``kinds``.
"""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from .. import display
from ..territories import RegionMap
from ..analysis import consistency as analysis
from ..charts import consistency as charts
from ..findings import consistency as findings
from ._shared import once

__all__ = ["levels_vs_growth", "figures", "conflicts", "revisions", "implied_totals", "share_sums",
           "implied_vs_stated", "summary"]


def figures(targets: pd.DataFrame, *, region_map: RegionMap, regions: Sequence[str] | None = None,
            kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
            lang: str = "vi") -> None:
    """Section 1: how many figures each region has, and every figure with its source.

    Parameters
    ----------
    targets : DataFrame
        Tidy targets and actuals (the user's rows included).
    region_map : RegionMap
        The run's region map (:func:`hy_analysis.loading.load_region_map`).
    regions : sequence of str, optional
    kinds : sequence of str, optional
    sources : DataFrame, optional
    lang : {"vi", "en"}
    """
    counts = analysis.count_figures(targets, region_map=region_map, regions=regions, kinds=kinds)
    display.show_markdown(findings.describe_figures(counts, lang=lang))
    display.show_chart(charts.plot_figure_counts(counts, sources=sources, lang=lang))
    display.show_table(findings.figures_table(
        analysis.figures_list(targets, regions=regions, kinds=kinds), sources=sources,
        lang=lang))


def conflicts(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
              kinds: Sequence[str] | None = None, lang: str = "vi") -> None:
    """Section 2: figures of the same kind and period on which sources disagree.

    Parameters
    ----------
    targets : DataFrame
    regions, kinds : sequence of str, optional
    lang : {"vi", "en"}
    """
    analysis.filter_figures(targets, regions=regions, kinds=kinds)  # checks the choices
    # A conflict pairs rows of one region and kind: the conflicts of the selection are the
    # selection's rows of all conflicts, found once for every state of a shared panel.
    found = once(analysis.find_conflicts, targets)
    for column, wanted in (("region", regions), ("kind", kinds)):
        if wanted is not None:
            found = found[found[column].isin(wanted)]
    found = found.reset_index(drop=True)
    display.show_markdown(findings.describe_conflicts(found, lang=lang))
    display.show_table(findings.conflicts_table(found, lang=lang))


def revisions(targets: pd.DataFrame, *, region_map: RegionMap,
              regions: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
              lang: str = "vi") -> None:
    """Section 2 (continued): targets the merged province set anew beside the old ones.

    Parameters
    ----------
    targets : DataFrame
    region_map : RegionMap
        The run's region map (:func:`hy_analysis.loading.load_region_map`).
    regions, kinds : sequence of str, optional
    lang : {"vi", "en"}
    """
    found = analysis.revised_with_merger(
        analysis.filter_figures(targets, regions=regions, kinds=kinds), region_map=region_map)
    display.show_markdown(findings.describe_revised_with_merger(found, lang=lang))
    display.show_table(findings.revised_with_merger_table(found, lang=lang))


def implied_totals(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
                   kinds: Sequence[str] | None = None, lang: str = "vi") -> None:
    """Section 2 (continued): totals implied by a country's capital and share, against the
    stated totals.

    Parameters
    ----------
    targets : DataFrame
    regions, kinds : sequence of str, optional
    lang : {"vi", "en"}
    """
    found = analysis.implied_totals(analysis.filter_figures(targets, regions=regions,
                                                            kinds=kinds))
    display.show_markdown(findings.describe_implied_totals(found, lang=lang))
    display.show_table(findings.implied_totals_table(found, lang=lang))


def share_sums(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
               kinds: Sequence[str] | None = None, lang: str = "vi") -> None:
    """Section 3: whether the sector shares of one region and year add up to 100 %.

    Parameters
    ----------
    targets : DataFrame
    regions, kinds : sequence of str, optional
    lang : {"vi", "en"}
    """
    found = analysis.check_share_sums(analysis.filter_figures(targets, regions=regions,
                                                              kinds=kinds))
    display.show_markdown(findings.describe_share_sums(found, lang=lang))
    display.show_table(findings.share_sums_table(found, lang=lang))


def implied_vs_stated(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
                      kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
                      lang: str = "vi") -> None:
    """Section 4: growth implied by two level targets against the growth stated (text, chart).

    Parameters
    ----------
    targets : DataFrame
    regions, kinds : sequence of str, optional
    sources : DataFrame, optional
    lang : {"vi", "en"}
    """
    found = analysis.implied_vs_stated(analysis.filter_figures(targets, regions=regions,
                                                               kinds=kinds))
    display.show_markdown(findings.describe_implied_vs_stated(found, lang=lang))
    display.show_chart(charts.plot_implied_vs_stated(found, sources=sources, lang=lang))


def summary(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
            kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
            lang: str = "vi") -> None:
    """Section 5: how many of each check found something (chart).

    Parameters
    ----------
    targets : DataFrame
    regions, kinds : sequence of str, optional
    sources : DataFrame, optional
    lang : {"vi", "en"}
    """
    selected = analysis.filter_figures(targets, regions=regions, kinds=kinds)
    found = analysis.find_conflicts(selected)
    counts = analysis.consistency_counts(found, analysis.check_share_sums(selected),
                                         analysis.implied_vs_stated(selected))
    display.show_chart(charts.plot_consistency(
        counts, lang=lang, sources=sources,
        source_ids=[*found["source_a"], *found["source_b"]]))


def levels_vs_growth(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
                     kinds: Sequence[str] | None = None, lang: str = "vi") -> None:
    """Section 2 (continued): a source's levels against the growth it states (text and
    table): where one source contradicts itself.

    Parameters
    ----------
    targets : DataFrame
    regions, kinds : sequence of str, optional
    lang : {"vi", "en"}
    """
    found = analysis.levels_vs_growth(analysis.filter_figures(targets, regions=regions,
                                                              kinds=kinds))
    display.show_markdown(findings.describe_levels_vs_growth(found, lang=lang))
    display.show_table(findings.levels_vs_growth_table(found, lang=lang))
