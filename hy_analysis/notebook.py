"""The bootstrap a notebook calls first, and the panel it ends with.

``run = start("fdi_by_country", globals())`` replaces the set-up cell every notebook used to
repeat: it validates the values of the ``parameters`` cell (papermill's injected values
included), prepares the display (offline tables, inline charts, theme), shows the "parameters
of this run" summary and loads the data, the user's own rows too (``user_data``, when the
notebook has that parameter). The cells that follow read ``run.region``, ``run.targets``...
and end with ``run.filter_panel()``.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Mapping

import pandas as pd

from . import display
from .loading import load_regions, load_sources, load_targets, load_urban_classes
from .params import get_params, user_data_files, validate_params

__all__ = ["NotebookRun", "start"]


@dataclass
class NotebookRun:
    """One execution of a notebook: its validated parameters and its data.

    Parameters are also attributes (``run.region`` is ``run.params["region"]``).

    Attributes
    ----------
    notebook : str
        The notebook's name (file stem).
    params : dict
        Every parameter, validated and converted.
    targets, sources, urban_classes, region_map : DataFrame
        From :func:`hy_analysis.load_targets` (with the user's rows),
        :func:`hy_analysis.load_sources`, :func:`hy_analysis.load_urban_classes` and
        :func:`hy_analysis.load_regions`.
    """

    notebook: str
    params: dict
    targets: pd.DataFrame = field(repr=False)
    sources: pd.DataFrame = field(repr=False)
    urban_classes: pd.DataFrame = field(repr=False)
    region_map: pd.DataFrame = field(repr=False)

    def __getattr__(self, name: str) -> Any:
        params = self.__dict__.get("params", {})
        if name in params:
            return params[name]
        raise AttributeError(f"notebook {self.__dict__.get('notebook')!r} has no parameter or "
                             f"data {name!r}; parameters: {', '.join(params)}")

    def filter_panel(self):
        """The notebook's filter panel (:data:`hy_analysis.views.VIEWS`) on this run's data."""
        from .views import VIEWS
        from .widgets import filter_panel

        render, names = VIEWS[self.notebook]
        data = dict(targets=self.targets, sources=self.sources)
        if "region_map" in inspect.signature(render).parameters:
            data.update(region_map=self.region_map, urban_classes=self.urban_classes)
        return filter_panel(self.notebook, self.params, partial(render, **data),
                            names=list(names), lang=self.params.get("lang", "vi"))


def start(notebook: str, namespace: Mapping[str, Any], *, show: bool = True) -> NotebookRun:
    """Validate a notebook's parameters, prepare the display, show the summary, load the data.

    Parameters
    ----------
    notebook : str
        The notebook's name (file stem), e.g. ``"fdi_by_country"``.
    namespace : mapping
        Where the ``parameters`` cell put its values: the notebook's ``globals()``. Only the
        notebook's parameter names are read.
    show : bool
        Prepare the display and show the summary (false: only validate and load, e.g. in
        tests).

    Returns
    -------
    NotebookRun

    Raises
    ------
    ParameterError
        Naming every wrong value and the valid choices, before any data is read.
    """
    names = [p.name for p in get_params(notebook)]
    params = validate_params(notebook, {n: namespace[n] for n in names if n in namespace})
    if show:
        display.init_notebook()
        display.show_params(notebook, params, lang=params.get("lang", "vi"))
    return NotebookRun(notebook, params,
                       # None stands for every file of data/user/ (params.user_data_files).
                       targets=load_targets(extra=user_data_files(params.get("user_data"))),
                       sources=load_sources(), urban_classes=load_urban_classes(),
                       region_map=load_regions())
