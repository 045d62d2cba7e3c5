"""hy-analysis: industrialisation targets of Hưng Yên and its neighbours, as tidy data.

The public API is re-exported here. Importing the package does no work: modules that need
pandas, matplotlib or seaborn are imported on first use of one of their names (PEP 562), so
``import hy_analysis`` and the command line stay fast and notebooks pay for plotting only
when they plot.
"""

from importlib import import_module

from .exceptions import (
    DataFileError,
    HyAnalysisError,
    ParameterError,
    ParseError,
    RunError,
    ValidationError,
)
__version__ = "0.1.0"

# name -> module that defines it; loaded lazily by __getattr__.
_LAZY = {
    "load_targets": "loading", "read_targets": "loading", "load_sources": "loading",
    "load_urban_classes": "loading", "load_indicators": "loading", "load_regions": "loading",
    "load_region_map": "loading", "load_provinces": "loading", "RegionMap": "territories",
    "ValidationReport": "validation",
    "validate_params": "params", "params_summary": "params", "notebook_names": "params",
    "init_notebook": "notebook", "show_params": "notebook", "show_markdown": "display",
    "show_table": "display", "show_chart": "display", "filter_panel": "widgets",
    "start": "notebook", "format_number": "findings.format", "extract": "extraction",
    # The parser compiles its patterns on import: the command line's no-op run needs none.
    "ParsedValue": "parsing", "parse_number": "parsing", "parse_value": "parsing",
}

__all__ = [
    "DataFileError", "HyAnalysisError", "ParameterError", "ParseError", "RunError",
    "ValidationError", "__version__", *_LAZY,
]


#: Submodules reachable as attributes (``hy.analysis``, ``hy.views``), imported on first use.
_SUBMODULES = ("paths", "schema", "vocabulary", "territories", "parsing", "loading", "validation",
               "params", "analysis", "findings", "charts", "sections", "views", "widgets",
               "display", "notebook", "runner")


def __getattr__(name):
    if name in _SUBMODULES:
        return import_module(f".{name}", __name__)
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'hy_analysis' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
