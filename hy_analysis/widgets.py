"""Filter panels for JupyterLab, built from the parameter definitions in :mod:`params`.

ipywidgets is imported lazily. A panel holds one control per chosen parameter and an
output area; changing a control re-validates the values and calls ``render(values)`` again.
In a run for sharing (:func:`hy_analysis.sharing.sharing_run`) the panel's states are
precomputed with the same ``render`` and shipped as the output's ``text/html`` beside the
widget view, so the shared HTML keeps a working panel without a kernel.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from .exceptions import ParameterError
from .params import Param, coerce_text, get_params, validate_params

__all__ = ["control_for", "FilterPanel", "filter_panel"]


def control_for(param: Param, value: Any, *, lang: str = "vi"):
    """An ipywidgets control for one parameter, showing ``value``.

    Text with choices becomes a dropdown, a list with choices a multiple selection, numbers a
    bounded box, a bool a checkbox, and a list of numbers a comma-separated text box.
    """
    from html import escape

    import ipywidgets as w

    # The explanation is the label's own title: ipywidgets 8 shows a control's ``tooltip``
    # only when it has no description (jupyter-widgets/ipywidgets#3964), so a labelled
    # control's tooltip never showed.
    why = param.explanation(lang)
    description = f'<span title="{escape(why)}">{escape(param.label(lang))}</span>'
    common = dict(description=description, description_allow_html=True, tooltip=why,
                  style={"description_width": "initial"})
    allowed = param.allowed()
    base = param.base_type
    if base == "bool":
        # (a checkbox copies its description into its box's title as text: it keeps the plain
        # label, whose markup would show there)
        return w.Checkbox(value=bool(value), indent=False, description=param.label(lang),
                          tooltip=why, style={"description_width": "initial"})
    # (label, value) pairs: people read "Nhật Bản", the parameter keeps "Japan".
    options = [(param.value_label(v, lang), v) for v in allowed] if allowed else None
    if base == "str" and allowed:
        return w.Dropdown(options=options, value=value, **common)
    if base == "list[str]" and allowed:
        chosen = tuple(value) if value else tuple(allowed)
        return w.SelectMultiple(options=options, value=chosen,
                                rows=min(len(allowed), 5), **common)
    if base == "int" and value is not None:
        return w.BoundedIntText(value=value, min=param.min if param.min is not None else -10**9,
                                max=param.max if param.max is not None else 10**9, **common)
    if base == "float" and value is not None:
        return w.BoundedFloatText(value=value,
                                  min=param.min if param.min is not None else -1e12,
                                  max=param.max if param.max is not None else 1e12, **common)
    shown = ", ".join(map(str, value)) if isinstance(value, list) else (
        "" if value is None else str(value))
    # (an empty box says what empty means: "năm mới nhất có số liệu", not an English "none")
    return w.Text(value=shown, placeholder=param.none_label(lang) if value is None else "",
                  **common)


def _read_control(notebook: str, param: Param, control) -> Any:
    """The control's value as the parameter's type (text boxes are parsed)."""
    value = control.value
    base = param.base_type
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, str) and base != "str":
        return coerce_text(notebook, param.name, value)
    return value


class FilterPanel:
    """Controls for some parameters of a notebook, an error line and an output area.

    Parameters
    ----------
    notebook : str
        The notebook whose parameter definitions build the controls.
    values : dict
        The run's validated parameters (the controls start there).
    render : callable
        ``render(values)`` draws the chart/table for a complete, validated parameter set.
    names : sequence of str, optional
        Which parameters get a control (default: all but ``lang``).
    lang : {"vi", "en"}

    Attributes
    ----------
    controls : dict of str to widget
    output : ipywidgets.Output
    message : ipywidgets.HTML
        Shows why a value was refused; the last good chart stays.
    values : dict
        The last valid parameter set rendered.
    """

    def __init__(self, notebook: str, values: dict, render: Callable[[dict], Any], *,
                 names: Sequence[str] | None = None, lang: str = "vi"):
        import ipywidgets as w

        self.notebook, self.render, self.lang = notebook, render, lang
        self.values = dict(values)
        params = {p.name: p for p in get_params(notebook)}
        names = list(names) if names is not None else [n for n in params if n != "lang"]
        self._params = {n: params[n] for n in names}
        self.controls = {n: control_for(p, self.values[n], lang=lang)
                         for n, p in self._params.items()}
        self.message = w.HTML(tooltip="")  # (no "null" hover text on its hidden label)
        self.output = w.Output()
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.widget = w.VBox([w.HBox(list(self.controls.values()),
                                     layout=w.Layout(flex_flow="row wrap")),
                              self.message, self.output])

    def _on_change(self, _change=None) -> None:
        from html import escape

        from .sharing.states import refusal

        candidate = dict(self.values)
        try:
            for name, control in self.controls.items():
                candidate[name] = _read_control(self.notebook, self._params[name], control)
            candidate = validate_params(self.notebook, candidate)
        except ParameterError as exc:
            # In the reader's language; the last good chart stays below.
            said = refusal(self.notebook, candidate, exc, lang=self.lang)
            self.message.value = f"<span style='color:#8a5300'>{escape(said)}</span>"
            return
        self.message.value = ""
        self.values = candidate
        try:
            self.refresh()
        except Exception as exc:  # noqa: BLE001 - shown under the controls; the last chart stays
            self.message.value = (f"<span style='color:#b00'>{escape(type(exc).__name__)}: "
                                  f"{escape(str(exc))}</span>")

    def refresh(self) -> None:
        """Draw again for the current values: the output area's contents are replaced at once.

        ``render`` runs with its displays captured in the kernel, and the result is set as the
        :class:`ipywidgets.Output`'s ``outputs`` in one update. The panel never writes
        through ``with self.output:``: that makes nbclient-based clients (papermill,
        nbconvert, Voilà) send a message on the shell socket for every output while they
        wait there for the cell's reply, which can hide the reply from them until their
        timeout, or forever (docs/stalls.md).
        """
        self.output.outputs = _rendered_outputs(self.render, self.values)

    def shared_html(self, *, max_states: int | None = None) -> str:
        """The panel's states precomputed for a shared page (:mod:`hy_analysis.sharing`).

        Every combination of the controls' values (within the cap) is drawn by the same
        ``render`` callback, its outputs captured as in :meth:`refresh`.
        """
        from .sharing import panel_html, precompute

        return panel_html(precompute(self.notebook, self.values, self.render,
                                     list(self._params), capture=_rendered_outputs,
                                     lang=self.lang, max_states=max_states))

    def _ipython_display_(self):
        import os

        from IPython.display import display

        from .sharing import sharing_run

        # In hy-analysis batch runs (HY_HEADLESS) no one can see or use the live output area:
        # the notebook already shows the static chart for these values, so skip drawing it.
        if not os.environ.get("HY_HEADLESS"):
            self.refresh()
        if not sharing_run():
            display(self.widget)
            return
        # A run for sharing (hy-analysis run, papermill, nbconvert): one output whose widget
        # view a front end with ipywidgets shows as before, and whose text/html is the
        # precomputed panel that rendering.py puts in the shared page.
        data = dict(self.widget._repr_mimebundle_() or {})
        data["text/html"] = self.shared_html()
        display(data, raw=True)


def _rendered_outputs(render: Callable[[dict], Any], values: dict) -> tuple[dict, ...]:
    """What ``render(values)`` prints and displays, as notebook outputs, showing nothing.

    Parameters
    ----------
    render : callable
        The panel's ``render`` callback.
    values : dict
        The validated parameter set passed to it.

    Returns
    -------
    tuple of dict
        ``stream`` and ``display_data`` outputs in nbformat's JSON form, in display order
        (stdout and stderr, captured as a whole, come first).
    """
    from IPython.utils.capture import capture_output

    with capture_output(stdout=True, stderr=True, display=True) as captured:
        render(values)
    outputs = [{"output_type": "stream", "name": name, "text": text}
               for name, text in (("stdout", captured.stdout), ("stderr", captured.stderr))
               if text]
    outputs += [{"output_type": "display_data", "data": dict(shown.data),
                 "metadata": dict(shown.metadata or {})} for shown in captured.outputs]
    return tuple(outputs)


def filter_panel(notebook: str, values: dict, render: Callable[[dict], Any], *,
                 names: Sequence[str] | None = None, lang: str = "vi") -> FilterPanel:
    """Build a :class:`FilterPanel`; display it as the last expression of a cell."""
    return FilterPanel(notebook, values, render, names=names, lang=lang)
