"""hy-analysis: industrialisation targets of Hưng Yên and its neighbours, as tidy data.

The public API is re-exported here. Importing the package does no work and does not import
plotting libraries: notebooks pay for matplotlib/seaborn only when they plot.
"""

from .exceptions import (
    DataFileError,
    HyAnalysisError,
    ParameterError,
    ParseError,
    RunError,
    ValidationError,
)
from .parsing import ParsedValue, format_number, parse_number, parse_value

__version__ = "0.1.0"

__all__ = [
    "DataFileError", "HyAnalysisError", "ParameterError", "ParseError", "RunError",
    "ValidationError", "ParsedValue", "format_number", "parse_number", "parse_value",
    "__version__",
]
