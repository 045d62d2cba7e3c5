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
import warnings
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Mapping

import pandas as pd

from . import display
from .display import RUN_PARAMETERS_ROLE
from .loading import load_region_map, load_sources, load_targets, load_urban_classes
from .params import get_params, params_summary, user_data_files, validate_params
from .territories import RegionMap

__all__ = ["NotebookRun", "start", "init_notebook", "show_params"]


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
    targets, sources, urban_classes : DataFrame
        From :func:`hy_analysis.load_targets` (with the user's rows),
        :func:`hy_analysis.load_sources` and :func:`hy_analysis.load_urban_classes`.
    region_map : RegionMap
        From :func:`hy_analysis.loading.load_region_map`: passed to every analysis that
        tells territories apart.
    """

    notebook: str
    params: dict
    targets: pd.DataFrame = field(repr=False)
    sources: pd.DataFrame = field(repr=False)
    urban_classes: pd.DataFrame = field(repr=False)
    region_map: RegionMap = field(repr=False)

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
        return filter_panel(self.notebook, self.params, self.view(render),
                            names=list(names), lang=self.params.get("lang", "vi"))

    def view(self, render):
        """``render`` bound to this run's data: ``view(values)`` draws one panel state.

        Parameters
        ----------
        render : callable
            A view of :data:`hy_analysis.views.VIEWS`.

        Returns
        -------
        callable
        """
        return partial(render, targets=self.targets, sources=self.sources,
                       region_map=self.region_map, urban_classes=self.urban_classes)


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
    region_map = load_region_map()
    # Tables format numbers in the report's language and write its territories for readers.
    display.set_report_lang(params.get("lang", "vi"), territories=region_map.territories)
    if show:
        init_notebook()
        show_params(notebook, params, lang=params.get("lang", "vi"))
    # None stands for every file of data/user/ (params.user_data_files). Rows the checks
    # reject are said in the report's language, not as a Python warning on stderr.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        targets = load_targets(extra=user_data_files(params.get("user_data")))
    report = targets.attrs.get("report")
    if show and report is not None and not report.ok:
        _show_rejected(report, lang=params.get("lang", "vi"))
    return NotebookRun(notebook, params, targets=targets,
                       sources=load_sources(), urban_classes=load_urban_classes(),
                       region_map=region_map)


def _show_rejected(report, *, lang: str) -> None:
    """Tell the reader which rows of the user's files are left out, and why."""
    from .vocabulary import messages

    # Shown as code, which the page escapes; a backtick in a value must not end the block.
    lines = "\n".join(issue.format() for issue in report.issues).replace("`", "'")
    display.show_markdown(messages("page", lang)["rows_rejected"].format(
        count=report.rows_rejected) + f"\n\n```\n{lines}\n```")


def init_notebook() -> None:
    """Prepare a notebook: offline interactive tables and the chart theme.

    itables is put in offline mode (``connected=False``): its JavaScript is embedded in the
    notebook, so tables stay sortable and searchable in shared HTML with no internet.
    """
    import itables

    from .charts.base import setup
    from .page_assets import datatables_url

    # A dashboard's tables import DataTables from its server, not from this output.
    if datatables_url() is None:
        itables.init_notebook_mode(all_interactive=False, connected=False)
    _inline_charts()
    setup()


def _inline_charts() -> None:
    """Show charts inline in a kernel even when MPLBACKEND=Agg is inherited (CI, pytest).

    Without this, a kernel started from an environment that sets a non-GUI backend draws
    every chart into nothing and the notebook and its HTML have no images.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and getattr(shell, "kernel", None) is not None:
        # The magic, not matplotlib.use(): it also registers the PNG formatter and the
        # post-cell flush that put figures into the notebook.
        shell.run_line_magic("matplotlib", "inline")


def show_params(notebook: str, values: dict, *, lang: str = "vi") -> None:
    """Display the "parameters of this run" summary."""
    from IPython.display import Markdown, display

    # The shared page shows these in its header (in words) and its technical details (as
    # code): the role lets the renderer leave this developer's table out of the report.
    display(Markdown(params_summary(notebook, values, lang=lang)),
            metadata={"hy-analysis": {"role": RUN_PARAMETERS_ROLE}})
