"""Numpydoc pieces that many docstrings share, written once (after seaborn's
``DocstringComponents``).

A docstring names a piece on a line of its own, ``{lang}`` or ``{returns_axes}``, and the
function is decorated with :func:`fill_doc`; the line becomes the piece, indented as the
placeholder was. Other braces in a docstring (``{"vi", "en"}``) are left alone.
"""

from __future__ import annotations

import re
import textwrap
from typing import Callable, TypeVar

__all__ = ["DocstringComponents", "COMPONENTS", "fill_doc"]

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
            return textwrap.indent(self.entries[name], indent, lambda line: True)
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
    returns_markdown='''
        Returns
        -------
        str
            Markdown.''',
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

#: Decorator filling the :data:`COMPONENTS` placeholders of a docstring.
fill_doc = COMPONENTS.fill
