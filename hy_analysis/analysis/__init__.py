"""Analysis: DataFrames in, DataFrames or values out.

One module per family (``growth``, ``fdi``, ``urbanisation``, ``consistency``, ...). No
IPython, matplotlib, seaborn, ipywidgets or display imports here, not even lazily; the words
about the results are in :mod:`hy_analysis.findings`, the drawings in :mod:`hy_analysis.charts`.
"""
