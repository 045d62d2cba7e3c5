"""The states of a shared panel: which values its controls offer, and each state computed.

When a notebook runs for sharing (:mod:`.policy`), the panel's own ``render`` callback (the
view that serves the live ipywidgets panel, :mod:`hy_analysis.views`) is called in the kernel
for every combination of its control values, and what it shows is kept, each distinct output
once. :mod:`.page` turns the result into the page part. The work is bounded: at most
``max_states`` states; years are sampled at every year of a short range around the run's
value; free-form lists and optional numbers keep the run's value. When the combinations exceed
the cap, controls are fixed at the run's value from the last one backwards, and the page names
them. Charts are drawn as SVG with their text as text. Sections that read
none of the values in which two states differ are computed once
(:func:`hy_analysis.sections.shared_work`).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from ..exceptions import ParameterError
from ..params import Param, get_params, validate_params
from .policy import DEFAULT_MAX_STATES, max_states_setting

__all__ = ["YEAR_SPAN", "MAX_SUBSET_ITEMS", "Control", "plan_controls", "state_key",
           "SharedPanel", "precompute", "refusal"]

#: Years offered on either side of the run's year.
YEAR_SPAN = 3
#: Most items a checkbox list may have for all its subsets to be offered (32 subsets: the
#: overview's five regions with data, Bắc Ninh's included).
MAX_SUBSET_ITEMS = 5

_REFUSALS = {
    "vi": {"empty": "Hãy chọn ít nhất một mục trong «{label}» để vẽ lại.",
           "invalid": "Chưa vẽ lại được với các giá trị này: {detail}"},
    "en": {"empty": "Tick at least one item in “{label}” to redraw.",
           "invalid": "Not redrawn for these values: {detail}"},
}


def refusal(notebook: str, values: dict, error: Exception, *, lang: str = "vi") -> str:
    """Why a panel does not redraw for ``values``, in the reader's language.

    An empty selection (every box of a list unticked) is asked for again by the control's
    label; other refusals keep the parameter check's details after a sentence in ``lang``.

    Parameters
    ----------
    notebook : str
    values : dict
        The values the controls hold.
    error : Exception
        What :func:`hy_analysis.params.validate_params` raised.
    lang : {"vi", "en"}

    Returns
    -------
    str
        Plain text.

    Examples
    --------
    >>> refusal("fdi_by_country", {"countries": []}, ValueError("..."))
    'Hãy chọn ít nhất một mục trong «Quốc gia đầu tư» để vẽ lại.'
    """
    texts = _REFUSALS["vi" if lang == "vi" else "en"]
    for param in get_params(notebook):
        if param.base_type == "list[str]" and param.choices and values.get(param.name) == []:
            return texts["empty"].format(label=param.label(lang))
    return texts["invalid"].format(detail=error)


@dataclass
class Control:
    """One parameter of a shared panel and the values the page offers.

    Attributes
    ----------
    param : Param
    kind : {"select", "checks", "bool", "range", "fixed"}
    values : list
        Offered values, the run's value first.
    labels : dict
        Display name of each allowed item (selects and checkbox lists), by value.
    why_fixed : str
        ``"cap"`` or ``"free"`` for fixed controls.
    """

    param: Param
    kind: str
    values: list
    labels: dict = field(default_factory=dict)
    why_fixed: str = ""

    @property
    def name(self) -> str:
        return self.param.name


def _control(param: Param, value: Any, *, lang: str, data_dir=None) -> Control:
    base, allowed = param.base_type, param.allowed(data_dir=data_dir)
    if base == "str" and allowed:
        labels = {v: param.value_label(v, lang) for v in allowed}
        return Control(param, "select", [value] + [v for v in allowed if v != value], labels)
    if base == "bool":
        return Control(param, "bool", [bool(value), not value])
    if base == "list[str]" and allowed and len(allowed) <= MAX_SUBSET_ITEMS:
        items = list(allowed)
        # As the live SelectMultiple: no value (None) means every item ticked.
        chosen = [v for v in items if v in value] if value is not None else items
        subsets = [list(c) for r in range(len(items), -1, -1)
                   for c in itertools.combinations(items, r)]
        subsets.remove(chosen)
        labels = {v: param.value_label(v, lang) for v in items}
        return Control(param, "checks", [chosen] + subsets, labels)
    if base == "int" and value is not None:
        low = max(value - YEAR_SPAN, param.min if param.min is not None else value - YEAR_SPAN)
        high = min(value + YEAR_SPAN, param.max if param.max is not None else value + YEAR_SPAN)
        return Control(param, "range", [value] + [y for y in range(int(low), int(high) + 1)
                                                  if y != value])
    return Control(param, "fixed", [value], why_fixed="free")


def plan_controls(notebook: str, values: dict, names: Sequence[str], *, lang: str = "vi",
                  max_states: int = DEFAULT_MAX_STATES, data_dir=None) -> list[Control]:
    """The controls of a shared panel, fixing the last ones until the states fit the cap.

    Parameters
    ----------
    notebook : str
    values : dict
        The run's validated parameters.
    names : sequence of str
        The parameters the live panel offers.
    lang : {"vi", "en"}
    max_states : int
        Most combinations to compute.
    data_dir : path, optional
        Data folder of the data-driven choices.

    Returns
    -------
    list of Control
        In ``names`` order; each varying control's first value is the run's.
    """
    params = {p.name: p for p in get_params(notebook)}
    controls = [_control(params[n], values[n], lang=lang, data_dir=data_dir) for n in names]
    for control in reversed(controls):
        if _count(controls) <= max_states:
            break
        if control.kind != "fixed":
            control.kind, control.values, control.why_fixed = "fixed", control.values[:1], "cap"
    return controls


def _count(controls: list[Control]) -> int:
    total = 1
    for control in controls:
        total *= len(control.values)
    return total


def state_key(values: Sequence[Any]) -> str:
    """The key of one state: the varying controls' values as compact JSON.

    The page's script builds the same text with ``JSON.stringify``.

    Examples
    --------
    >>> state_key(["Hưng Yên", ["Japan", "Korea"], True, 2021])
    '["Hưng Yên",["Japan","Korea"],true,2021]'
    """
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


@dataclass
class SharedPanel:
    """The precomputed states of one panel.

    Attributes
    ----------
    notebook, lang : str
    controls : list of Control
    blocks : dict of str to str
        Each distinct output (HTML) once, by a short hash.
    states : dict of str to list of str or str
        Each state key's output blocks, or the message explaining why the values are refused.
    first : str
        The key of the run's own state.
    seconds : float
        Time spent computing the states.
    max_states : int
    """

    notebook: str
    lang: str
    controls: list
    blocks: dict
    states: dict
    first: str
    seconds: float
    max_states: int


def precompute(notebook: str, values: dict, render: Callable[[dict], Any],
               names: Sequence[str], *, capture: Callable[..., Sequence[dict]],
               to_html: Callable[[Sequence[dict]], list[str]],
               lang: str = "vi", max_states: int | None = None,
               data_dir=None) -> SharedPanel:
    """Call ``render`` for every state of the panel and keep what it shows.

    Parameters
    ----------
    notebook : str
    values : dict
        The run's validated parameters.
    render : callable
        The live panel's ``render(values)`` (a view of :mod:`hy_analysis.views`).
    names : sequence of str
        The parameters with a control.
    capture : callable
        ``capture(render, values)`` -> the notebook outputs it displays, as the live panel
        captures them (:func:`hy_analysis.widgets._rendered_outputs`).
    to_html : callable
        ``to_html(outputs)`` -> one HTML string per output, as the page shows it
        (:func:`hy_analysis.sharing.page.outputs_html`; :func:`hy_analysis.sharing.precompute`
        passes it).
    lang : {"vi", "en"}
    max_states : int, optional
        Default :func:`max_states_setting`.
    data_dir : path, optional

    Returns
    -------
    SharedPanel
    """
    from ..display import static_tables, vector_charts
    from ..sections import shared_work

    cap = max_states if max_states is not None else max_states_setting()
    controls = plan_controls(notebook, values, names, lang=lang, max_states=cap,
                             data_dir=data_dir)
    varying = [c for c in controls if c.kind != "fixed"]
    blocks: dict[str, str] = {}
    states: dict[str, Any] = {}
    started = time.perf_counter()
    # Sections that read none of the differing values are computed once (sections.call).
    # Charts as SVG with text as text: a third less drawing than PNG, a tenth of the size
    # once the page compresses the states (charts drawn through display.show_chart).
    with static_tables(), shared_work(), vector_charts(), _chart_formats("png"):
        for combo in itertools.product(*(c.values for c in varying)):
            key = state_key(combo)
            candidate = dict(values)
            candidate.update({c.name: v for c, v in zip(varying, combo)})
            try:
                candidate = validate_params(notebook, candidate, data_dir=data_dir)
            except ParameterError as exc:
                # What the live panel writes under its controls.
                states[key] = refusal(notebook, candidate, exc, lang=lang)
                continue
            ids = []
            for html in to_html(capture(render, candidate)):
                block = hashlib.sha1(html.encode()).hexdigest()[:12]
                blocks.setdefault(block, html)
                ids.append(block)
            states[key] = ids
    first = state_key([c.values[0] for c in varying])
    return SharedPanel(notebook, lang, controls, blocks, states, first,
                       time.perf_counter() - started, cap)


class _chart_formats:
    """Inline charts in these formats for a while (the run's own setting comes back)."""

    def __init__(self, *formats: str):
        self.formats, self.previous = formats, None

    def __enter__(self):
        try:
            from IPython import get_ipython
            from matplotlib_inline.backend_inline import InlineBackend, set_matplotlib_formats
        except ImportError:
            return self
        if get_ipython() is not None:
            self.previous = set(InlineBackend.instance().figure_formats)
            set_matplotlib_formats(*self.formats)
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            from matplotlib_inline.backend_inline import set_matplotlib_formats

            set_matplotlib_formats(*self.previous)
        return False
