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

from typing import Optional

import pandas as pd

from .sections import attainment, call, comparison, fdi, growth, overview, urbanisation
from .docstrings import DocstringComponents, with_parameters
from .territories import RegionMap

__all__ = ["render_growth_view", "render_fdi_view", "render_urbanisation_view",
           "render_overview_view", "render_attainment_view", "render_comparison_view",
           "VIEWS"]

# The run's data, as every view takes it.
_Frame = Optional[pd.DataFrame]
_Map = Optional[RegionMap]


def _values(notebook: str) -> str:
    # The one parameter whose description differs between the views.
    return f"dict\n    Validated ``{notebook}`` parameters (those its panel offers, and ``lang``)."


_docs = DocstringComponents(raises_without_region_map='''
    Raises
    ------
    TypeError
        Without ``region_map``: the sections need the run's own region map.''')


def _required(region_map: RegionMap | None, view: str) -> RegionMap:
    if region_map is None:
        raise TypeError(f"{view}: region_map is required (the run's region map, e.g. "
                        "run.region_map)")
    return region_map


@with_parameters(values=_values("industrial_growth"))
def render_growth_view(values: dict, *, targets: pd.DataFrame, sources: _Frame = None,
                       region_map: _Map = None, urban_classes: _Frame = None) -> None:
    """Sections 3 and 4 of ``industrial_growth``: index paths and the growth still needed."""
    lang, region = values.get("lang", "vi"), values["region"]
    call(growth.index_paths, targets, region_map=region_map, region=region,
         start_year=values["start_year"], end_year=values["end_year"],
         scenario_growth=values["scenario_growth"], sources=sources, lang=lang)
    call(growth.required_growth, targets, region_map=region_map, region=region,
         sources=sources, lang=lang)


@with_parameters(values=_values("fdi_by_country"))
def render_fdi_view(values: dict, *, targets: pd.DataFrame, sources: _Frame = None,
                    region_map: _Map = None, urban_classes: _Frame = None) -> None:
    """Section 2 of ``fdi_by_country``: projects and shares by investor country."""
    call(fdi.by_country, targets, region_map=region_map, region=values["region"],
         countries=values["countries"], include_other=values["include_other"],
         sources=sources, lang=values.get("lang", "vi"))


@with_parameters(values=_values("urbanisation"))
def render_urbanisation_view(values: dict, *, targets: pd.DataFrame, sources: _Frame = None,
                             region_map: _Map = None, urban_classes: _Frame = None) -> None:
    """Sections 1 and 2 of ``urbanisation``: the rate targets, their path and the pace
    needed."""
    options = dict(region=values["region"], target_years=values["target_years"],
                   baseline_year=values["baseline_year"],
                   baseline_rate=values["baseline_rate"], lang=values.get("lang", "vi"))
    call(urbanisation.rate_targets, targets, region_map=region_map, sources=sources,
         **options)
    call(urbanisation.pace, targets, region_map=region_map, **options)


@with_parameters(values=_values("overview"))
def render_overview_view(values: dict, *, targets: pd.DataFrame, sources: _Frame = None,
                         region_map: _Map = None, urban_classes: _Frame = None) -> None:
    """Sections 1 and 2 of ``overview``: the figures, and where the sources disagree."""
    options = dict(regions=values["regions"], kinds=values["kinds"],
                   lang=values.get("lang", "vi"))
    call(overview.figures, targets, region_map=region_map, sources=sources, **options)
    call(overview.conflicts, targets, sources=sources, **options)
    call(overview.revisions, targets, region_map=region_map, sources=sources, **options)
    call(overview.implied_totals, targets, sources=sources, **options)


@with_parameters(values=_values("attainment"))
@_docs.fill
def render_attainment_view(values: dict, *, targets: pd.DataFrame, sources: _Frame = None,
                           region_map: _Map = None, urban_classes: _Frame = None) -> None:
    """Sections 1 and 2 of ``attainment``: the scorecard and the full verdict table.

    {raises_without_region_map}
    """
    lang = values.get("lang", "vi")
    verdicts = call(attainment.scorecard, targets,
                    region_map=_required(region_map, "render_attainment_view"),
                    region=values["region"], as_of=values["as_of"],
                    tolerance=values["tolerance"], on_track=values["on_track"],
                    acceleration_needed=values["acceleration_needed"], sources=sources,
                    lang=lang)
    call(attainment.full_table, verdicts, sources=sources, lang=lang)


@with_parameters(values=_values("provinces_compared"))
@_docs.fill
def render_comparison_view(values: dict, *, targets: pd.DataFrame, sources: _Frame = None,
                           region_map: _Map = None, urban_classes: _Frame = None) -> None:
    """Sections 4 and 5 of ``provinces_compared``: the growth needed and what each lacks.

    {raises_without_region_map}
    """
    options = dict(region_map=_required(region_map, "render_comparison_view"),
                   provinces=values["provinces"],
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
