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


@with_parameters()
def figures(targets: pd.DataFrame, *, region_map: RegionMap, regions: Sequence[str] | None = None,
            kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
            lang: str = "vi") -> None:
    """Section 1: how many figures each region has, and every figure with its source."""
    analysis.check_choices(targets, regions=regions, kinds=kinds)
    # Counted by region and kind, and the table's cells written row by row: both once for
    # every figure (for every state of a shared panel); each selection keeps its rows.
    counts = once(analysis.count_figures, targets, region_map=region_map)
    counts = counts[analysis.in_selection(counts, regions=regions, kinds=kinds)] \
        .reset_index(drop=True)
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
    # A conflict pairs rows of one region and kind.
    _show_selected(analysis.find_conflicts, findings.conflict_lines,
                   findings.describe_conflicts, findings.conflicts_table, targets,
                   regions=regions, kinds=kinds, sources=sources, lang=lang,
                   empty_checked=False)


@with_parameters()
def revisions(targets: pd.DataFrame, *, region_map: RegionMap,
              regions: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
              sources: pd.DataFrame | None = None,
              lang: str = "vi") -> None:
    """Section 2 (continued): targets the merged province set anew beside the old ones."""
    analysis.check_choices(targets, regions=regions, kinds=kinds)
    # A revision pairs targets of one region: a selection without targets has none.
    if kinds is not None and "target" not in kinds:
        regions = []
    _show_selected(analysis.revised_with_merger, findings.revision_lines,
                   findings.describe_revised_with_merger, findings.revised_with_merger_table,
                   targets, regions=regions, kinds=None, sources=sources, lang=lang,
                   region_map=region_map)


@with_parameters()
def implied_totals(targets: pd.DataFrame, *, regions: Sequence[str] | None = None,
                   kinds: Sequence[str] | None = None, sources: pd.DataFrame | None = None,
                   lang: str = "vi") -> None:
    """Section 2 (continued): totals implied by a country's capital and share, against the
    stated totals.
    """
    # An implied total is checked against a total of its own region and kind.
    _show_selected(analysis.implied_totals, findings.implied_total_lines,
                   findings.describe_implied_totals, findings.implied_totals_table, targets,
                   regions=regions, kinds=kinds, sources=sources, lang=lang)


def _show_selected(check: Callable[..., pd.DataFrame], lines: Callable[..., list[str]],
                   describe: Callable[..., str], table: Callable[..., pd.DataFrame],
                   targets: pd.DataFrame, *, regions: Sequence[str] | None,
                   kinds: Sequence[str] | None, sources: pd.DataFrame | None, lang: str,
                   empty_checked: bool = True, **options) -> None:
    """Show the finding and table of a ``check`` whose findings each read rows of one region
    and kind: found, written and tabled once for every figure (for every state of a shared
    panel), each selection keeping its rows
    (:func:`~hy_analysis.analysis.consistency.in_selection`).
    """
    analysis.check_choices(targets, regions=regions, kinds=kinds)
    every, texts, rows = once(_written, targets, check=check, lines=lines, table=table,
                              sources=sources, lang=lang, **options)
    keep = analysis.in_selection(every, regions=regions, kinds=kinds)
    found = every[keep].reset_index(drop=True)
    if not keep.any():
        # An empty table's columns keep the types they are written with (a live table
        # aligns its headers by them): those the check writes when it finds nothing (the
        # same for every such selection: written once), or with ``empty_checked=False``
        # those of the selection of every finding.
        if empty_checked:
            found, _, rows = once(_written, targets, check=check, lines=lines, table=table,
                                  sources=sources, lang=lang, nothing=True, **options)
        else:
            rows = table(found, sources=sources, lang=lang)
        display.show_markdown(describe(found, sources=sources, lang=lang))
        display.show_table(rows)
        return
    display.show_markdown(describe(found, sources=sources, lang=lang,
                                   lines=[text for text, kept in zip(texts, keep) if kept]))
    display.show_table(rows[keep].reset_index(drop=True))


def _written(targets: pd.DataFrame, *, check: Callable[..., pd.DataFrame],
             lines: Callable[..., list[str]], table: Callable[..., pd.DataFrame],
             sources: pd.DataFrame | None, lang: str, nothing: bool = False,
             **options) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    # nothing: what the check finds among no figures
    found = check(targets.iloc[:0] if nothing else targets, **options)
    return (found, lines(found, sources=sources, lang=lang),
            table(found, sources=sources, lang=lang))


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
