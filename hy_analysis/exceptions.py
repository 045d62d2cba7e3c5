"""Errors raised by hy-analysis: one base class, specific subclasses."""

from __future__ import annotations


class HyAnalysisError(Exception):
    """Base class of every error this package raises on purpose."""


class ParseError(HyAnalysisError, ValueError):
    """A figure as written (``value_raw``) could not be read as a number."""


class DataFileError(HyAnalysisError):
    """A data file cannot be read at all (missing, undecodable, no header)."""


class ValidationError(HyAnalysisError):
    """Raised in strict mode; carries the whole report of problems.

    Attributes
    ----------
    report : hy_analysis.validation.ValidationReport
    """

    def __init__(self, report):
        self.report = report
        super().__init__(report.format())


class ParameterError(HyAnalysisError, ValueError):
    """A notebook parameter has a wrong type or a value outside its choices."""


class RunError(HyAnalysisError):
    """A notebook run could not be set up (missing notebook, kernel, params file)."""
