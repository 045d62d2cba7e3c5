"""Numpydoc Parameters sections stay true to the signatures, and the shared pieces fill in."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import hy_analysis
from hy_analysis.docstrings import PARAMETERS, frames_from, with_parameters

_SECTION = re.compile(r"^Parameters\n-{3,}\n(.*?)(?:\n\n[A-Z][A-Za-z ]+\n-{3,}\n|\Z)",
                      re.S | re.M)
_ENTRY = re.compile(r"^(\*{0,2}[A-Za-z_][\w, *]*?)\s*(?::|$)")


def documented(func) -> list[str] | None:
    """The parameter names a function's Parameters section lists, in order (None: no section)."""
    section = _SECTION.search(inspect.cleandoc(func.__doc__ or ""))
    if section is None:
        return None
    names = []
    for line in section.group(1).splitlines():
        entry = _ENTRY.match(line)
        if entry:  # an entry starts at the margin; its description is indented
            names += [name.strip().lstrip("*") for name in entry.group(1).split(",")]
    return names


def _functions():
    for info in pkgutil.walk_packages(hy_analysis.__path__, "hy_analysis."):
        module = importlib.import_module(info.name)
        for name, obj in sorted(vars(module).items()):
            if inspect.isfunction(obj) and obj.__module__ == module.__name__:
                yield f"{module.__name__}.{name}", obj


def test_every_parameters_section_names_the_signature_in_order():
    checked, wrong = 0, []
    for where, func in _functions():
        names = documented(func)
        if names is None:
            continue
        checked += 1
        signature = list(inspect.signature(func).parameters)
        if names != signature:
            wrong.append(f"{where}: documents {names}, takes {signature}")
    assert checked > 100, f"only {checked} Parameters sections found: is the parser broken?"
    assert not wrong, "\n".join(wrong)


def test_the_check_sees_a_missing_and_a_misplaced_parameter():
    def f(data, *, region=None, lang="vi"):
        """Do.

        Parameters
        ----------
        data : DataFrame
            What.
        lang, region : str
            Both, in the wrong order.

        Returns
        -------
        int
        """

    assert documented(f) == ["data", "lang", "region"] != list(inspect.signature(f).parameters)


def test_with_parameters_writes_every_parameter_before_returns():
    @with_parameters(data="DataFrame\n    What the table reads.")
    def table(data, *, sources=None, lang="vi"):
        """A table.

        Returns
        -------
        DataFrame
        """

    doc = inspect.cleandoc(table.__doc__)
    assert documented(table) == ["data", "sources", "lang"]
    assert doc.index("Parameters") < doc.index("Returns")
    assert "data : DataFrame\n    What the table reads." in doc
    assert "lang : " + PARAMETERS["lang"] in doc


def test_with_parameters_refuses_a_parameter_nobody_describes():
    with pytest.raises(TypeError, match="'colour' has no description"):
        @with_parameters()
        def chart(data, *, colour="red"):
            """A chart."""


def test_with_parameters_fills_the_shared_pieces_too():
    @with_parameters(**frames_from(table="hy_analysis.analysis.fdi.projects_by_country"))
    def fdi_table(table, *, lang="vi"):
        """A reader table.

        {returns_frame}
            The rows.
        """

    doc = inspect.cleandoc(fdi_table.__doc__)
    assert "{returns_frame}" not in doc
    assert "Returns\n-------\nDataFrame\n    The rows." in doc
    assert "From :func:`~hy_analysis.analysis.fdi.projects_by_country`." in doc


def test_sections_and_views_document_what_they_take():
    from hy_analysis import sections, views

    for module in (views, sections.growth, sections.fdi, sections.urbanisation,
                   sections.overview, sections.attainment, sections.comparison):
        for name in module.__all__:
            func = getattr(module, name)
            if inspect.isfunction(func):
                assert documented(func) == list(inspect.signature(func).parameters), name
