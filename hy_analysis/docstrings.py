"""Numpydoc pieces that many docstrings share, written once (after seaborn's
``DocstringComponents``).

A docstring names a piece on a line of its own, ``{lang}`` or ``{returns_axes}``, and the
function is decorated with :func:`fill_doc`; the line becomes the piece, indented as the
placeholder was. Other braces in a docstring (``{"vi", "en"}``) are left alone.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from typing import Callable, TypeVar

__all__ = ["DocstringComponents", "COMPONENTS", "fill_doc", "PARAMETERS", "with_parameters",
           "with_returns", "frames_from"]

F = TypeVar("F", bound=Callable)

_PLACEHOLDER = re.compile(r"^([ \t]*)\{(\w+)\}[ \t]*$", re.MULTILINE)


class DocstringComponents:
    """Named docstring pieces and the decorator that fills them in.

    Parameters
    ----------
    **entries : str
        Piece name -> numpydoc text (dedented; its first line is placed where the
        placeholder stands, later lines keep their indentation relative to it).

    Examples
    --------
    >>> docs = DocstringComponents(lang='lang : {"vi", "en"}\\n    Language of the text.')
    >>> @docs.fill
    ... def f(lang="vi"):
    ...     '''Say hello.
    ...
    ...     Parameters
    ...     ----------
    ...     {lang}
    ...     '''
    >>> print(f.__doc__.splitlines()[-2])
            Language of the text.
    """

    def __init__(self, **entries: str):
        self.entries = {name: textwrap.dedent(text).strip("\n") for name, text in entries.items()}

    def __getattr__(self, name: str) -> str:
        try:
            return self.__dict__["entries"][name]
        except KeyError:
            raise AttributeError(name) from None

    def expand(self, doc: str) -> str:
        """``doc`` with each placeholder line of a known piece replaced by the piece."""
        def piece(match: re.Match) -> str:
            indent, name = match.groups()
            if name not in self.entries:
                return match.group(0)
            return textwrap.indent(self.entries[name], indent)
        return _PLACEHOLDER.sub(piece, doc)

    def fill(self, func: F) -> F:
        """Decorator: fill the placeholders of ``func``'s docstring; return ``func``."""
        if func.__doc__:
            func.__doc__ = self.expand(func.__doc__)
        return func


#: The pieces of the package: options of reader texts, charts and analyses, and returns.
COMPONENTS = DocstringComponents(
    text_options='''
        sources : DataFrame, optional
            From :func:`hy_analysis.load_sources`, to name documents by number.
        lang : {"vi", "en"}
            Language of the words and of the number format.''',
    chart_options='''
        sources : DataFrame, optional
            From :func:`hy_analysis.load_sources`, for the source line.
        lang : {"vi", "en"}
            Language of the labels and of the number format.
        ax : matplotlib Axes, optional
            Where to draw (default: a new figure).''',
    region_map='''
        region_map : RegionMap
            From :func:`hy_analysis.loading.load_region_map`: which territories the 2025
            merger formed (their figures are never joined with the earlier provinces').''',
    merger_parts='''
        region_map : RegionMap
            From :func:`hy_analysis.loading.load_region_map`: the merged territories and
            parts.
        indicators : iterable of str
            Indicators that add up across territories.''',
    plan_year='''
        plan : (int, int)
            First and last year of the plan.
        year : int
            The base year (the results the plan starts from).''',
    returns_markdown='''
        Returns
        -------
        str
            Markdown.''',
    returns_frame='''
        Returns
        -------
        DataFrame''',
    returns_table='''
        Returns
        -------
        DataFrame
            The reader table: column headers and labels in ``lang``.''',
    returns_axes='''
        Returns
        -------
        matplotlib Axes''',
)

# A finding's options and its Markdown, which most findings end with.
COMPONENTS.entries["text_returns_markdown"] = "\n\n".join([COMPONENTS.text_options,
                                                          COMPONENTS.returns_markdown])

# The FDI analyses' selection: the data and region map, one region, the countries.
COMPONENTS.entries["fdi_selection"] = "\n".join([
    "data : DataFrame\n    Tidy targets.", COMPONENTS.region_map,
    "region : str, optional\n    Keep one region; every region by default.",
    "countries : sequence of str\n    Investor countries shown (``breakdown`` values)."])

# The comparison's selection: the data, the region map, the merged provinces.
COMPONENTS.entries["provinces_data"] = "\n".join([
    "data : DataFrame\n    From :func:`hy_analysis.load_targets`.",
    "region_map : RegionMap\n    The run's region map "
    "(:func:`hy_analysis.loading.load_region_map`).",
    "provinces : sequence of str\n    Provinces after the 2025 merger, in the order shown."])

# The window of the growth index paths (analysis.growth.index_paths and its per-region twin).
COMPONENTS.entries["path_window"] = "\n".join([
    "start_year, end_year : int\n    First and last year of growth.",
    "scenario_growth : sequence of float\n    Rates in %/yr.",
    "indicators : sequence of str"])

# One region's figures for the FDI analyses (the selection without its countries).
COMPONENTS.entries["fdi_region"] = "\n".join([
    "data : DataFrame\n    Tidy targets.", COMPONENTS.region_map,
    "region : str, optional\n    Keep one region."])

#: Decorator filling the :data:`COMPONENTS` placeholders of a docstring.
fill_doc = COMPONENTS.fill


#: How the sections and the filter-panel views describe the parameters they share:
#: name -> ``"type\n    description"`` (read by :func:`with_parameters`).
PARAMETERS = {
    "targets": "DataFrame\n    Tidy targets and actuals (:func:`hy_analysis.load_targets`, the "
               "user's rows included).",
    "data": "DataFrame\n    Tidy targets and actuals (:func:`hy_analysis.load_targets`, the "
            "user's rows included).",
    "region_map": "RegionMap\n    The run's region map "
                  "(:func:`hy_analysis.loading.load_region_map`): which territories each region "
                  "covers and which the 2025 merger formed.",
    "region": "str\n    The region analysed (a region of the data, or one territory).",
    "regions": "sequence of str, optional\n    Regions shown (None: every region).",
    "kinds": "sequence of str, optional\n    Kinds of figure shown, ``\"target\"`` and/or "
             "``\"actual\"`` (None: both).",
    "provinces": "sequence of str\n    Provinces after the 2025 merger, in the order shown.",
    "countries": "sequence of str\n    Investor countries shown (e.g. ``\"Japan\"``).",
    "include_other": "bool\n    Show \"other countries\" as the derived remainder of the total.",
    "target_years": "sequence of int\n    Years whose rate targets are compared.",
    "baseline_year": "int, optional\n    Year of a measured rate the user supplies (with "
                     "``baseline_rate``, or neither).",
    "baseline_rate": "float, optional\n    The measured rate (%) of ``baseline_year``.",
    "as_of": "int, optional\n    Year of assessment (None: the latest actual).",
    "tolerance": "float\n    Thresholds of :func:`hy_analysis.analysis.attainment.assess`.",
    "on_track": "float\n    Thresholds of :func:`hy_analysis.analysis.attainment.assess`.",
    "acceleration_needed": "float\n    Thresholds of "
                           ":func:`hy_analysis.analysis.attainment.assess`.",
    "urban_classes": "DataFrame, optional\n    The urban classes "
                     "(:func:`hy_analysis.load_urban_classes`).",
    "sources": "DataFrame, optional\n    From :func:`hy_analysis.load_sources`, to name "
               "documents.",
    "lang": "{\"vi\", \"en\"}\n    Language of the text, charts and tables.",
}

_SECTION_HEAD = re.compile(r"^[ \t]*(?:Returns|Yields|Raises|Warns|See Also|Notes|References|"
                           r"Examples)\n[ \t]*-{3,}[ \t]*$", re.MULTILINE)


def with_parameters(**own: str) -> Callable[[F], F]:
    r"""Decorator: write the function's numpydoc Parameters section from its signature.

    Every parameter of the signature, in its order, is described by ``own[name]`` or else by
    :data:`PARAMETERS`; one that neither describes is an error at import, so the section is
    always true to the signature. It goes before the docstring's first other section
    (Returns, Raises, ...) or at its end. Placeholders of :data:`COMPONENTS` are filled too.

    Parameters
    ----------
    **own : str
        Parameter name -> ``"type\n    description"``, for what this function alone takes
        (or says differently).

    Raises
    ------
    TypeError
        When a parameter has no description.

    Examples
    --------
    >>> @with_parameters(n="int\n    How many.")
    ... def f(n, *, lang="vi"):
    ...     '''Count.'''
    >>> print(f.__doc__)
    Count.
    <BLANKLINE>
        Parameters
        ----------
        n : int
            How many.
        lang : {"vi", "en"}
            Language of the text, charts and tables.
    <BLANKLINE>
    """
    def decorate(func: F) -> F:
        entries = []
        for name in inspect.signature(func).parameters:
            text = own.get(name, PARAMETERS.get(name))
            if text is None:
                raise TypeError(f"{func.__qualname__}: parameter {name!r} has no description "
                                "(give it to with_parameters or add it to PARAMETERS)")
            kind, _, words = text.partition("\n")
            entries.append(f"{name} : {kind}")
            entries.append(textwrap.fill(" ".join(words.split()), 88, initial_indent="    ",
                                         subsequent_indent="    "))
        doc = COMPONENTS.expand(func.__doc__ or "").rstrip()
        # The docstring's own margin (a method's is deeper than a function's).
        margins = [len(line) - len(line.lstrip()) for line in doc.splitlines()[1:]
                   if line.strip()]
        block = textwrap.indent("\n".join(["Parameters", "----------", *entries]),
                                " " * min(margins, default=4))
        head = _SECTION_HEAD.search(doc)
        if head:
            doc = f"{doc[:head.start()]}{block}\n\n{doc[head.start():]}\n"
        else:
            doc = f"{doc}\n\n{block}\n"
        func.__doc__ = doc
        return func
    return decorate


def with_returns(piece: str) -> Callable[[F], F]:
    """Decorator: end a docstring that has no Returns section with a :data:`COMPONENTS` piece.

    Parameters
    ----------
    piece : str
        The name of the piece (e.g. ``"returns_axes"``).

    Returns
    -------
    callable
        The decorator (it returns the function itself).

    Examples
    --------
    >>> @with_returns("returns_frame")
    ... def f():
    ...     '''Make a table.'''
    >>> f.__doc__.split()
    ['Make', 'a', 'table.', 'Returns', '-------', 'DataFrame']
    """
    def decorate(func: F) -> F:
        doc = COMPONENTS.expand(func.__doc__ or "")
        if doc and not _RETURNS.search(doc):
            # at the docstring's own margin (a function's), where with_parameters reads it
            doc = COMPONENTS.expand(f"{doc.rstrip()}\n\n    {{{piece}}}\n")
        func.__doc__ = doc or func.__doc__
        return func
    return decorate


_RETURNS = re.compile(r"^[ \t]*Returns\n[ \t]*-{3,}", re.MULTILINE)


def frames_from(**functions: str) -> dict[str, str]:
    """Descriptions, for :func:`with_parameters`, of frames that hold what a function returned.

    Parameters
    ----------
    **functions : str
        Parameter name -> the dotted path of the function whose result it takes.

    Returns
    -------
    dict

    Examples
    --------
    >>> frames_from(table="hy_analysis.analysis.fdi.projects_by_country")["table"]
    'DataFrame\\n    From :func:`~hy_analysis.analysis.fdi.projects_by_country`.'
    """
    return {name: f"DataFrame\n    From :func:`~{path}`." for name, path in functions.items()}
