"""Precomputed filter-panel states for shared HTML (issue 12), by concern.

A shared report is opened with no kernel and no internet, so its filter panel cannot
recompute. When a notebook runs for sharing, the panel's own ``render`` callback is called in
the kernel for every combination of its control values, and the outputs are written into the
page with plain HTML controls and a small inline script that shows the state matching the
controls. Even then the panel is displayed as one output whose widget view comes first, so a
front end with ipywidgets shows the live panel; the precomputed page part is the same
output's ``text/html``, which :mod:`hy_analysis.rendering` keeps.

- :mod:`.policy`: whether a run precomputes, and the cap on states (environment);
- :mod:`.states`: the controls' values and each state computed (views layer);
- :mod:`.page`: outputs as HTML, the controls, script and style (rendering layer).

The size report of a rendered page is :func:`hy_analysis.manifest.page_report`.
"""

from __future__ import annotations

from functools import wraps

from . import states
from .page import PANEL_CLASS, outputs_html, panel_html
from .policy import DEFAULT_MAX_STATES, max_states_setting, sharing_run
from .states import YEAR_SPAN, Control, SharedPanel, _count, plan_controls, state_key

__all__ = ["DEFAULT_MAX_STATES", "YEAR_SPAN", "sharing_run", "max_states_setting",
           "Control", "plan_controls", "state_key", "SharedPanel", "precompute",
           "outputs_html", "panel_html", "PANEL_CLASS", "_count"]


@wraps(states.precompute)
def precompute(*args, to_html=outputs_html, **kwargs) -> SharedPanel:
    # The states layer stores what the page layer makes of the outputs; joined here.
    return states.precompute(*args, to_html=to_html, **kwargs)
