"""Sections of the ``overview`` notebook (the figures and their consistency).

Every function shows its section through :mod:`hy_analysis.display` and returns None. Common
options: ``regions`` (region names shown; None: every region), ``kinds`` (``"target"``,
``"actual"``), ``sources`` (from :func:`hy_analysis.load_sources`) and ``lang``. The checks
read only the figures selected by ``regions`` and ``kinds``.
"""

from __future__ import annotations

from typing import Callable, Sequence

import pandas as pd

from .. import display
from ..docstrings import with_parameters
from ..territories import RegionMap
from ..analysis import consistency as analysis
from ..charts import consistency as charts
from ..findings import consistency as findings
from ._shared import once

__all__ = ["levels_vs_growth", "figures", "conflicts", "revisions", "implied_totals", "share_sums",
           "implied_vs_stated", "summary"]


def _show_check(check: Callable[[pd.DataFrame], pd.DataFrame], describe: Callable[..., str],
                table: Callable[..., pd.DataFrame], targets: pd.DataFrame, *,
                regions: Sequence[str] | None, kinds: Sequence[str] | None,
                sources: pd.DataFrame | None, lang: str) -> None:
    """Run one consistency ``check`` on the selected figures; show its finding and table."""
    found = check(analysis.filter_figures(targets, regions=regions, kinds=kinds))
    display.show_markdown(describe(found, sources=sources, lang=lang))
    display.show_table(table(found, sources=sources, lang=lang))


def _selection(found: pd.DataFrame, *, regions: Sequence[str] | None,
               kinds: Sequence[str] | None) -> pd.DataFrame:
    """The rows of a result about the chosen regions and kinds, numbered from 0."""
    return found[analysis.in_selection(found, regions=regions, kinds=kinds)] \
        .reset_index(drop=True)


@with_parameters()
def figures(targets: pd.DataFrame, *, region_map: RegionMap, regions: Sequence[str] | None = None,
            kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
            lang: str = "vi") -> None:
    """Section 1: how many figures each region has, and every figure with its source."""
    analysis.check_choices(targets, regions=regions, kinds=kinds)
    # Counted by region and kind, and the table's cells written row by row: both once for
    # every figure (for every state of a shared panel); each selection keeps its rows.
    counts = _selection(once(analysis.count_figures, targets, region_map=region_map),
                        regions=regions, kinds=kinds)
    display.show_markdown(findings.describe_figures(counts, lang=lang))
    display.show_chart(charts.plot_figure_counts(counts, sources=sources, lang=lang))
    every, table = once(_every_figure, targets, sources=sources, lang=lang)
    keep = analysis.in_selection(every, regions=regions, kinds=kinds)
    display.show_table(table[keep].reset_index(drop=True))


def _every_figure(targets: pd.DataFrame, *, sources: pd.DataFrame | None,
                  lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    every = analysis.figures_list(targets)
    return every, findings.figures_table(every, sources=sources, lang=lang)


@with_parameters()
def conflicts(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
              kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
              lang: str = "vi") -> None:
    """Section 2: figures of the same kind and period on which sources disagree."""
    analysis.check_choices(targets, regions=regions, kinds=kinds)
    # A conflict pairs rows of one region and kind: the conflicts of the selection (and
    # their table's rows) are the selection's rows of all conflicts, found once for every
    # state of a shared panel.
    every, table = once(_every_conflict, targets, sources=sources, lang=lang)
    keep = analysis.in_selection(every, regions=regions, kinds=kinds)
    found = every[keep].reset_index(drop=True)
    display.show_markdown(findings.describe_conflicts(found, sources=sources, lang=lang))
    display.show_table(table[keep].reset_index(drop=True))


def _every_conflict(targets: pd.DataFrame, *, sources: pd.DataFrame | None,
                    lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    every = analysis.find_conflicts(targets)
    return every, findings.conflicts_table(every, sources=sources, lang=lang)


@with_parameters()
def revisions(targets: pd.DataFrame, *, region_map: RegionMap,
              regions: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
              sources: pd.DataFrame | None = None,
              lang: str = "vi") -> None:
    """Section 2 (continued): targets the merged province set anew beside the old ones."""
    analysis.check_choices(targets, regions=regions, kinds=kinds)
    # A revision pairs targets of one region: found once for every figure, each selection
    # keeps its regions' pairs (and none without targets).
    found = once(analysis.revised_with_merger, targets, region_map=region_map)
    if kinds is not None and "target" not in kinds:
        found = found.iloc[:0]
    found = _selection(found, regions=regions, kinds=None)
    display.show_markdown(findings.describe_revised_with_merger(found, sources=sources,
                                                                lang=lang))
    display.show_table(findings.revised_with_merger_table(found, sources=sources, lang=lang))


@with_parameters()
def implied_totals(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
                   kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
                   lang: str = "vi") -> None:
    """Section 2 (continued): totals implied by a country's capital and share, against the
    stated totals.
    """
    analysis.check_choices(targets, regions=regions, kinds=kinds)
    # An implied total is checked against a total of its own region and kind: checked once
    # for every figure, each selection keeps its rows.
    found = _selection(once(analysis.implied_totals, targets), regions=regions, kinds=kinds)
    display.show_markdown(findings.describe_implied_totals(found, sources=sources, lang=lang))
    display.show_table(findings.implied_totals_table(found, sources=sources, lang=lang))


@with_parameters()
def share_sums(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
               kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
               lang: str = "vi") -> None:
    """Section 3: whether the sector shares of one region and year add up to 100 %."""
    _show_check(analysis.check_share_sums, findings.describe_share_sums,
                findings.share_sums_table, targets, regions=regions, kinds=kinds, sources=sources,
                lang=lang)


@with_parameters()
def implied_vs_stated(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
                      kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
                      lang: str = "vi") -> None:
    """Section 4: growth implied by two level targets against the growth stated (text, chart)."""
    found = analysis.implied_vs_stated(analysis.filter_figures(targets, regions=regions,
                                                               kinds=kinds))
    display.show_markdown(findings.describe_implied_vs_stated(found, sources=sources,
                                                              lang=lang))
    display.show_chart(charts.plot_implied_vs_stated(found, sources=sources, lang=lang))


@with_parameters()
def summary(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
            kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
            lang: str = "vi") -> None:
    """Section 5: how many of each check found something (chart)."""
    selected = analysis.filter_figures(targets, regions=regions, kinds=kinds)
    found = analysis.find_conflicts(selected)
    counts = analysis.consistency_counts(found, analysis.check_share_sums(selected),
                                         analysis.implied_vs_stated(selected))
    display.show_chart(charts.plot_consistency(
        counts, lang=lang, sources=sources,
        source_ids=[*found["source_a"], *found["source_b"]]))


@with_parameters()
def levels_vs_growth(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
                     kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
                     lang: str = "vi") -> None:
    """Section 2 (continued): a source's levels against the growth it states (text and
    table): where one source contradicts itself.
    """
    _show_check(analysis.levels_vs_growth, findings.describe_levels_vs_growth,
                findings.levels_vs_growth_table, targets, regions=regions, kinds=kinds,
                sources=sources, lang=lang)
