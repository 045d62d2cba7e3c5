"""Filter-panel views: analysis + findings + charts for one state of a panel.

Each ``render_*_view(values, *, targets, sources)`` is the ``render`` callback of a notebook's
:func:`hy_analysis.widgets.filter_panel`: it computes (:mod:`hy_analysis.analysis`), words
(:mod:`hy_analysis.findings`), draws (:mod:`hy_analysis.charts`) and shows
(:mod:`hy_analysis.display`) the results for one validated parameter set. :data:`VIEWS` maps
each notebook to its view and to the parameters its panel offers.
"""

from __future__ import annotations

import pandas as pd

from . import display
from .analysis import attainment as attainment_analysis
from .analysis import consistency as consistency_analysis
from .analysis import fdi as fdi_analysis
from .analysis import growth as growth_analysis
from .analysis import urbanisation as urbanisation_analysis
from .charts.attainment import plot_scorecard
from .charts.consistency import plot_figure_counts
from .charts.fdi import plot_fdi_projects_by_country
from .charts.growth import plot_index_paths_figure
from .charts.urbanisation import plot_urbanisation_path
from .findings import attainment as attainment_findings
from .findings import consistency as consistency_findings
from .findings import fdi as fdi_findings
from .findings import growth as growth_findings
from .findings import urbanisation as urbanisation_findings
from .sections import comparison as comparison_sections

__all__ = ["render_growth_view", "render_fdi_view", "render_urbanisation_view",
           "render_overview_view", "render_attainment_view", "render_comparison_view", "VIEWS"]


def render_growth_view(values: dict, *, targets: pd.DataFrame,
                       sources: pd.DataFrame | None = None) -> None:
    """Draw the index paths and the required-growth table for one parameter set.

    Parameters
    ----------
    values : dict
        Validated parameters of the industrial_growth notebook.
    targets, sources : DataFrame
        From :func:`hy_analysis.load_targets` and :func:`hy_analysis.load_sources`.
    """
    lang, region = values.get("lang", "vi"), values["region"]
    paths = growth_analysis.index_paths(targets, region=region,
                                        start_year=values["start_year"],
                                        end_year=values["end_year"],
                                        scenario_growth=values["scenario_growth"])
    display.show_markdown(growth_findings.describe_index_paths(
        paths, region=region, start_year=values["start_year"], end_year=values["end_year"],
        lang=lang, sources=sources))
    display.show_chart(plot_index_paths_figure(paths, sources=sources, region=region,
                                               lang=lang))
    display.show_table(growth_findings.required_growth_table(
        growth_analysis.required_growth(targets, region=region), sources=sources, lang=lang))


def render_fdi_view(values: dict, *, targets: pd.DataFrame,
                    sources: pd.DataFrame | None = None) -> None:
    """Draw the projects-by-country chart and reader table for one parameter set.

    Parameters
    ----------
    values : dict
        Validated ``fdi_by_country`` parameters (``region``, ``countries``,
        ``include_other``, ``lang``).
    targets : DataFrame
        Tidy targets.
    sources : DataFrame, optional
        For the source line and source names.
    """
    lang = values.get("lang", "vi")
    table = fdi_analysis.projects_by_country(targets, region=values["region"],
                                             countries=values["countries"],
                                             include_other=values["include_other"])
    if table.empty:
        display.show_markdown(fdi_findings.no_fdi(values["region"], lang=lang))
        return
    display.show_chart(plot_fdi_projects_by_country(table, sources=sources, lang=lang))
    display.show_table(fdi_findings.fdi_table(table, sources=sources, lang=lang))


def render_urbanisation_view(values: dict, *, targets: pd.DataFrame,
                             sources: pd.DataFrame | None = None) -> None:
    """Draw the rate path, the paces and the reader table for one parameter set.

    Parameters
    ----------
    values : dict
        Validated ``urbanisation`` parameters (``region``, ``target_years``,
        ``baseline_year``, ``baseline_rate``, ``lang``).
    targets : DataFrame
        Tidy targets.
    sources : DataFrame, optional
        For the source line.
    """
    lang = values.get("lang", "vi")
    found = urbanisation_analysis.rate_targets(targets, region=values["region"],
                                               years=values["target_years"])
    if found.empty:
        display.show_markdown(urbanisation_findings.no_rates(values["region"], lang=lang))
        return
    year, rate = values.get("baseline_year"), values.get("baseline_rate")
    # The old province's path; the merged province's targets beside it, never joined.
    path, revised = urbanisation_analysis.split_merger(found)
    envelope = urbanisation_analysis.rate_envelope(path)
    steps = urbanisation_analysis.pp_per_year(envelope)
    from_baseline = None if year is None or rate is None else \
        urbanisation_analysis.pp_from_baseline(envelope, baseline_year=year, baseline_rate=rate)
    display.show_chart(plot_urbanisation_path(
        path, envelope=envelope, steps=steps, baseline_steps=from_baseline,
        baseline_year=year, baseline_rate=rate, revised=revised, sources=sources, lang=lang))
    display.show_markdown(urbanisation_findings.describe_pp_per_year(steps, lang=lang))
    if not revised.empty:
        display.show_markdown(urbanisation_findings.describe_revised_targets(
            revised, path, sources=sources, lang=lang))
    if from_baseline is not None:
        display.show_markdown(urbanisation_findings.describe_baseline(
            from_baseline, baseline_year=year, baseline_rate=rate, lang=lang))
    display.show_table(urbanisation_findings.rate_table(found, sources=sources, lang=lang))


def render_overview_view(values: dict, *, targets: pd.DataFrame,
                         sources: pd.DataFrame | None = None) -> None:
    """Draw the counts, conflicts, merger revisions, implied totals and figures table.

    Parameters
    ----------
    values : dict
        Validated ``overview`` parameters (``regions``, ``kinds``, ``lang``).
    targets : DataFrame
        Tidy targets.
    sources : DataFrame, optional
    """
    lang, regions, kinds = values.get("lang", "vi"), values.get("regions"), values.get("kinds")
    counts = consistency_analysis.count_figures(targets, regions=regions, kinds=kinds)
    display.show_markdown(consistency_findings.describe_figures(counts, lang=lang))
    display.show_chart(plot_figure_counts(counts, sources=sources, lang=lang))
    selected = consistency_analysis.filter_figures(targets, regions=regions, kinds=kinds)
    display.show_markdown(consistency_findings.describe_conflicts(
        consistency_analysis.find_conflicts(selected), lang=lang))
    display.show_markdown(consistency_findings.describe_revised_with_merger(
        consistency_analysis.revised_with_merger(selected), lang=lang))
    display.show_markdown(consistency_findings.describe_implied_totals(
        consistency_analysis.implied_totals(selected), lang=lang))
    display.show_table(consistency_findings.figures_table(
        consistency_analysis.figures_list(targets, regions=regions, kinds=kinds),
        sources=sources, lang=lang))


def render_attainment_view(values: dict, *, targets: pd.DataFrame,
                           sources: pd.DataFrame | None = None) -> None:
    """Draw the scorecard, its findings and the full verdict table for one parameter set.

    Parameters
    ----------
    values : dict
        Validated ``attainment`` parameters (``region``, ``as_of``, ``tolerance``,
        ``on_track``, ``acceleration_needed``, ``lang``).
    targets : DataFrame
        Tidy targets and actuals (the user's rows included).
    sources : DataFrame, optional
        Unused: every verdict names its own sources.
    """
    lang, region = values.get("lang", "vi"), values["region"]
    verdicts = attainment_analysis.assess(
        targets, region=region, as_of=values.get("as_of"), tolerance=values["tolerance"],
        on_track=values["on_track"], acceleration_needed=values["acceleration_needed"])
    display.show_markdown(attainment_findings.describe_attainment(verdicts, region=region,
                                                                  lang=lang))
    scorecard = attainment_findings.scorecard_data(verdicts, lang=lang, include_open=False)
    if not scorecard.empty:
        display.show_chart(plot_scorecard(scorecard, lang=lang))
    display.show_table(attainment_findings.attainment_table(verdicts, lang=lang))


def render_comparison_view(values: dict, *, targets: pd.DataFrame,
                           sources: pd.DataFrame | None = None,
                           region_map: pd.DataFrame | None = None,
                           urban_classes: pd.DataFrame | None = None) -> None:
    """Sections 4 and 5 of ``provinces_compared``: the growth needed and what each lacks.

    Parameters
    ----------
    values : dict
        Validated ``provinces_compared`` parameters (``provinces``, ``lang``).
    targets, sources : DataFrame
        The run's targets and sources.
    region_map : DataFrame
        The run's region map (which territory is each province's merged one).
    urban_classes : DataFrame, optional
        Unused.

    Raises
    ------
    TypeError
        Without ``region_map``.
    """
    if region_map is None:
        raise TypeError("render_comparison_view: region_map is required (the run's region "
                        "map, e.g. run.region_map)")
    options = dict(region_map=region_map, provinces=values["provinces"],
                   lang=values.get("lang", "vi"))
    comparison_sections.needed(targets, sources=sources, **options)
    comparison_sections.gaps(targets, **options)


#: Each notebook's panel: its render callback and the parameters it offers as controls.
VIEWS = {
    "industrial_growth": (render_growth_view,
                          ("region", "start_year", "end_year", "scenario_growth")),
    "fdi_by_country": (render_fdi_view, ("region", "countries", "include_other")),
    "urbanisation": (render_urbanisation_view,
                     ("region", "target_years", "baseline_year", "baseline_rate")),
    "overview": (render_overview_view, ("regions", "kinds")),
    "attainment": (render_attainment_view,
                   ("region", "as_of", "tolerance", "on_track", "acceleration_needed")),
    "provinces_compared": (render_comparison_view, ("provinces",)),
}
