"""One function per notebook section, called by the notebook's cell and by its filter panel.

Each module serves one notebook family (:mod:`.growth`, :mod:`.fdi`, :mod:`.urbanisation`,
:mod:`.overview`, :mod:`.attainment`, :mod:`.comparison`). A section function takes the run's data first
(``targets``, or the frame the section reads) and its options keyword-only, computes
(:mod:`hy_analysis.analysis`), words (:mod:`hy_analysis.findings`), draws
(:mod:`hy_analysis.charts`) and shows (:mod:`hy_analysis.display`) what the section of the
notebook shows. It returns None, or the frame a later section of the same notebook reads
(said in its docstring). The filter panels (:mod:`hy_analysis.views`) are built from the
same functions, so a panel shows exactly what the notebook's sections show for its values.
"""

from __future__ import annotations

from . import attainment, comparison, fdi, growth, overview, urbanisation
from ._shared import call, shared_work, show_chart

__all__ = ["growth", "fdi", "urbanisation", "overview", "attainment", "comparison", "call",
           "show_chart",
           "shared_work"]
