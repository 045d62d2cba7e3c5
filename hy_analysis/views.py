"""Filter-panel views: each notebook's panel drawn by the notebook's own section functions.

Each ``render_*_view(values, *, targets, sources, region_map, urban_classes)`` is the
``render`` callback of a notebook's :func:`hy_analysis.widgets.filter_panel`: it calls, for
one validated parameter set, the :mod:`hy_analysis.sections` functions of the sections the
panel redraws, with the run's data, exactly as the notebook's cells call them (through
:func:`hy_analysis.sections.call`, so that states of a shared panel compute a section that
reads none of their differing values once). No step of a pipeline is written here.
:data:`VIEWS` maps each notebook to its view and to the parameters its panel offers.
"""

from __future__ import annotations

import pandas as pd

from .sections import attainment, call, comparison, fdi, growth, overview, urbanisation
from .territories import RegionMap

__all__ = ["render_growth_view", "render_fdi_view", "render_urbanisation_view",
           "render_overview_view", "render_attainment_view", "render_comparison_view",
           "VIEWS"]

_DATA_DOC = """
    targets : DataFrame
        The run's targets and actuals (:func:`hy_analysis.load_targets`, the user's rows
        included).
    sources : DataFrame, optional
        The run's sources, to name documents.
    region_map : RegionMap
        The run's region map (:func:`hy_analysis.loading.load_region_map`).
    urban_classes : DataFrame, optional
        The run's urban classes, for the sections that read them."""


def render_growth_view(values: dict, *, targets: pd.DataFrame,
                       sources: pd.DataFrame | None = None,
                       region_map: RegionMap | None = None,
                       urban_classes: pd.DataFrame | None = None) -> None:
    """Sections 3 and 4 of ``industrial_growth``: index paths and the growth still needed.

    Parameters
    ----------
    values : dict
        Validated ``industrial_growth`` parameters.
    """
    lang, region = values.get("lang", "vi"), values["region"]
    call(growth.index_paths, targets, region_map=region_map, region=region,
         start_year=values["start_year"], end_year=values["end_year"],
         scenario_growth=values["scenario_growth"], sources=sources, lang=lang)
    call(growth.required_growth, targets, region_map=region_map, region=region,
         sources=sources, lang=lang)


def render_fdi_view(values: dict, *, targets: pd.DataFrame,
                    sources: pd.DataFrame | None = None,
                    region_map: RegionMap | None = None,
                    urban_classes: pd.DataFrame | None = None) -> None:
    """Section 2 of ``fdi_by_country``: projects and shares by investor country.

    Parameters
    ----------
    values : dict
        Validated ``fdi_by_country`` parameters.
    """
    call(fdi.by_country, targets, region_map=region_map, region=values["region"],
         countries=values["countries"], include_other=values["include_other"],
         sources=sources, lang=values.get("lang", "vi"))


def render_urbanisation_view(values: dict, *, targets: pd.DataFrame,
                             sources: pd.DataFrame | None = None,
                             region_map: RegionMap | None = None,
                             urban_classes: pd.DataFrame | None = None) -> None:
    """Sections 1 and 2 of ``urbanisation``: the rate targets, their path and the pace needed.

    Parameters
    ----------
    values : dict
        Validated ``urbanisation`` parameters.
    """
    options = dict(region=values["region"], target_years=values["target_years"],
                   baseline_year=values["baseline_year"],
                   baseline_rate=values["baseline_rate"], lang=values.get("lang", "vi"))
    call(urbanisation.rate_targets, targets, region_map=region_map, sources=sources,
         **options)
    call(urbanisation.pace, targets, region_map=region_map, **options)


def render_overview_view(values: dict, *, targets: pd.DataFrame,
                         sources: pd.DataFrame | None = None,
                         region_map: RegionMap | None = None,
                         urban_classes: pd.DataFrame | None = None) -> None:
    """Sections 1 and 2 of ``overview``: the figures, and where the sources disagree.

    Parameters
    ----------
    values : dict
        Validated ``overview`` parameters.
    """
    options = dict(regions=values["regions"], kinds=values["kinds"],
                   lang=values.get("lang", "vi"))
    call(overview.figures, targets, region_map=region_map, sources=sources, **options)
    call(overview.conflicts, targets, **options)
    call(overview.revisions, targets, region_map=region_map, **options)
    call(overview.implied_totals, targets, **options)


def render_attainment_view(values: dict, *, targets: pd.DataFrame,
                           sources: pd.DataFrame | None = None,
                           region_map: RegionMap | None = None,
                           urban_classes: pd.DataFrame | None = None) -> None:
    """Sections 1 and 2 of ``attainment``: the scorecard and the full verdict table.

    Parameters
    ----------
    values : dict
        Validated ``attainment`` parameters.

    Raises
    ------
    TypeError
        Without ``region_map``: the verdicts need the run's own region map.
    """
    if region_map is None:
        raise TypeError("render_attainment_view: region_map is required (the run's "
                        "region map, e.g. run.region_map)")
    lang = values.get("lang", "vi")
    verdicts = call(attainment.scorecard, targets, region_map=region_map,
                    region=values["region"], as_of=values["as_of"],
                    tolerance=values["tolerance"], on_track=values["on_track"],
                    acceleration_needed=values["acceleration_needed"], lang=lang)
    call(attainment.full_table, verdicts, lang=lang)


for _view in (render_growth_view, render_fdi_view, render_urbanisation_view,
              render_overview_view, render_attainment_view):
    # The data parameters, shared by every view, follow ``values`` (seaborn-style).
    _at = _view.__doc__.index(" parameters.\n") + len(" parameters.")
    _view.__doc__ = _view.__doc__[:_at] + _DATA_DOC + _view.__doc__[_at:]

def render_comparison_view(values: dict, *, targets: pd.DataFrame,
                           sources: pd.DataFrame | None = None,
                           region_map: RegionMap | None = None,
                           urban_classes: pd.DataFrame | None = None) -> None:
    """Sections 4 and 5 of ``provinces_compared``: the growth needed and what each lacks.

    Parameters
    ----------
    values : dict
        Validated ``provinces_compared`` parameters (``provinces``, ``lang``).
    targets, sources : DataFrame
        The run's targets and sources.
    region_map : RegionMap
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
    call(comparison.needed, targets, sources=sources, **options)
    call(comparison.gaps, targets, **options)


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
