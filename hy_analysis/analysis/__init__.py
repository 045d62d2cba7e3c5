"""Analysis: DataFrames in, DataFrames or values out.

No IPython, matplotlib, seaborn, ipywidgets or display imports here, not even lazily.
"""
