"""One function per notebook section, called by the notebook's cell and by its filter panel.

A section function takes the run's data first and its options keyword-only, computes
(:mod:`hy_analysis.analysis`), words (:mod:`hy_analysis.findings`), draws
(:mod:`hy_analysis.charts`) and shows (:mod:`hy_analysis.display`) one section of a notebook.
"""
