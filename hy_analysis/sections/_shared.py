"""Sections that several panel states share, shown once and replayed.

A panel's states differ in a few values, and some of its sections read none of them (the
growth panel's "growth still needed" depends on the region only, not on the years). While
:func:`shared_work` is active (the states of a shared panel are being computed), :func:`call`
runs a section once per distinct data and options and replays what it showed for the others,
:func:`once` computes a result every state shares once, and :func:`show_chart` draws a chart
once per distinct content of its data and options.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Callable

_MEMO: ContextVar[dict | None] = ContextVar("hy_section_memo", default=None)

__all__ = ["shared_work", "call", "once", "show_chart"]


@contextmanager
def shared_work():
    """While active, :func:`call` shows a section computed before for the same arguments.

    Examples
    --------
    >>> with shared_work():
    ...     calls = [call(lambda data, *, n: n * 2, "data", n=3) for _ in range(2)]
    >>> calls
    [6, 6]
    """
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def _key(value: Any) -> Any:
    # Frames are the run's own, alive and unchanged while the states are computed.
    import pandas as pd

    from ..territories import RegionMap

    return ("frame", id(value)) if isinstance(value, (pd.DataFrame, RegionMap)) \
        else repr(value)


def call(section: Callable[..., Any], data: Any, /, **options: Any) -> Any:
    """``section(data, **options)``, or its outputs replayed when :func:`shared_work` saw it.

    Parameters
    ----------
    section : callable
        A section function of :mod:`hy_analysis.sections`.
    data : DataFrame
        Its first argument.
    **options
        Its keyword options.

    Returns
    -------
    object
        What the section returns.
    """
    memo = _MEMO.get()
    if memo is None:
        return section(data, **options)
    key = (section, _key(data), tuple(sorted((k, _key(v)) for k, v in options.items())))
    if key not in memo:
        from IPython.utils.capture import capture_output

        with capture_output(stdout=False, stderr=False, display=True) as captured:
            result = section(data, **options)
        # The arguments stay referenced: no other frame can take their id meanwhile.
        memo[key] = ([(o.data, o.metadata) for o in captured.outputs], result,
                     (data, options))
    outputs, result, _ = memo[key]
    if outputs:
        from IPython.display import publish_display_data

        for data_, metadata in outputs:
            publish_display_data(data_, metadata)
    return result


def once(compute: Callable[..., Any], data: Any, /, **options: Any) -> Any:
    """``compute(data, **options)``, computed once for all states while :func:`shared_work`
    is active.

    For a result that does not depend on a state's values (e.g. the conflicts among all
    figures, of which each state shows its selection).

    Parameters
    ----------
    compute : callable
        A pure function of ``data`` and ``options``.
    data : DataFrame
    **options
        Its keyword options, the same for every state that shares the result.

    Returns
    -------
    object
        What ``compute`` returns; the same object for every state.
    """
    memo = _MEMO.get()
    if memo is None:
        return compute(data, **options)
    key = ("once", compute, _key(data), tuple(sorted((k, _key(v)) for k, v in options.items())))
    if key not in memo:
        memo[key] = (compute(data, **options), (data, options))
    return memo[key][0]


def show_chart(plot: Callable[..., Any], data: Any, /, **options: Any) -> None:
    """Show ``plot(data, **options)`` (:func:`hy_analysis.display.show_chart`); while
    :func:`shared_work` is active, a chart drawn before from data of equal content and the
    same options is shown again instead of drawn.

    States that differ in a value the chart's data does not depend on (a growth path's start
    year before the first figure) show the same chart; drawing it is most of a state's time.

    Parameters
    ----------
    plot : callable
        A ``plot_*`` function of :mod:`hy_analysis.charts`.
    data : DataFrame
        Its first argument.
    **options
        Its keyword options.
    """
    from .. import display
    from ..analysis.content import content_key

    memo = _MEMO.get()
    key = None
    if memo is not None:
        try:
            key = ("chart", plot, content_key(data),
                   tuple(sorted((k, _key(v)) for k, v in options.items())))
        except TypeError:  # a cell pandas cannot hash (a list...): drawn as it is
            key = None
    if key is None:
        display.show_chart(plot(data, **options))
        return
    if key not in memo:
        from IPython.utils.capture import capture_output

        with capture_output(stdout=False, stderr=False, display=True) as captured:
            display.show_chart(plot(data, **options))
        memo[key] = ([(o.data, o.metadata) for o in captured.outputs], options)
    from IPython.display import publish_display_data

    for data_, metadata in memo[key][0]:
        publish_display_data(data_, metadata)
