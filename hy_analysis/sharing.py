"""Precomputed filter-panel states for shared HTML (issue 12).

A shared report is opened with no kernel and no internet, so its filter panel cannot
recompute. When a notebook runs for sharing, the panel's own ``render`` callback (the same
view that serves the live ipywidgets panel) is called in the kernel for every combination of
its control values, and the outputs are written into the page with plain HTML controls and a
small inline script that shows the state matching the controls.

When is a run "for sharing"? :func:`sharing_run` decides, in this order:

1. ``HY_SHARE`` set: ``1``/``true``/``yes`` precomputes, ``0``/``false``/``no`` does not;
2. ``HY_HEADLESS`` set (``hy-analysis run`` sets it in the kernel): precompute;
3. a Jupyter front end started the kernel: JupyterLab and Notebook kernels carry
   ``JPY_SESSION_NAME`` (jupyter_server sessions), Voilà kernels carry ``VOILA_*``
   variables: no precomputation, the live panel is unchanged;
4. otherwise (plain ``papermill``, ``jupyter nbconvert --execute``, nbclient): precompute.

Even when the states are precomputed, the panel is displayed as one output whose
widget view comes first, so a front end with ipywidgets shows the live panel; the precomputed
page part is the same output's ``text/html``, which :mod:`hy_analysis.rendering` keeps.

The work is bounded: at most ``max_states`` states per panel (``HY_SHARE_MAX_STATES``, default
:data:`DEFAULT_MAX_STATES`); years are sampled at every year of a short range around the run's
value; free-form lists and optional numbers keep the run's value. When the combinations exceed
the cap, controls are fixed at the run's value from the last one backwards, and the page
names them. Identical outputs are stored once, gzip-compressed (the page's script inflates
them with the browser's ``DecompressionStream``); charts are stored as PNG (reduced to a
palette when that is smaller) or SVG, whichever is smaller for the first state with charts
(the others are drawn in that format only).
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import os
import time
from dataclasses import dataclass, field
from html import escape
from typing import Any, Callable, Sequence

from .exceptions import ParameterError
from .params import Param, get_params, validate_params

__all__ = ["DEFAULT_MAX_STATES", "YEAR_SPAN", "sharing_run", "max_states_setting",
           "Control", "plan_controls", "state_key", "SharedPanel", "precompute",
           "outputs_html", "panel_html", "page_report", "PANEL_CLASS"]

#: States per panel when ``HY_SHARE_MAX_STATES`` is not set.
DEFAULT_MAX_STATES = 64
#: Years offered on either side of the run's year.
YEAR_SPAN = 3
#: Most items a checkbox list may have for all its subsets to be offered.
MAX_SUBSET_ITEMS = 4
#: Class of the page part that holds a panel (the browser test and page_report find it).
PANEL_CLASS = "hy-shared-panel"

_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")

_TEXTS = {
    "vi": {"title": "Bộ lọc (đã tính sẵn cho bản chia sẻ)",
           "fixed": "Giữ cố định trong bản chia sẻ này",
           "why_cap": "quá {cap} trạng thái",
           "why_free": "giá trị tự nhập",
           "noscript": "Trình duyệt đang tắt JavaScript: trang hiển thị kết quả với tham số "
                       "của lần chạy này.",
           "missing": "Tổ hợp này không được tính sẵn.",
           "states": "{n} trạng thái"},
    "en": {"title": "Filters (precomputed for sharing)",
           "fixed": "Fixed in this shared page",
           "why_cap": "more than {cap} states",
           "why_free": "free-form value",
           "noscript": "JavaScript is off: the page shows the results for this run's "
                       "parameters.",
           "missing": "This combination was not precomputed.",
           "states": "{n} states"},
}


def sharing_run(environ: dict | None = None) -> bool:
    """Whether this kernel runs a notebook for sharing (see the module's rules).

    Examples
    --------
    >>> sharing_run({"HY_HEADLESS": "1"})
    True
    >>> sharing_run({"JPY_SESSION_NAME": "fdi_by_country.ipynb"})
    False
    >>> sharing_run({"VOILA_KERNEL_ID": "x", "HY_SHARE": "1"})
    True
    >>> sharing_run({})
    True
    """
    env = os.environ if environ is None else environ
    explicit = env.get("HY_SHARE")
    if explicit is not None:
        flag = explicit.strip().lower()
        if flag in _TRUE:
            return True
        if flag in _FALSE:
            return False
        raise ParameterError(f"environment variable HY_SHARE: expected 1 or 0, "
                             f"got {explicit!r}")
    if env.get("HY_HEADLESS"):
        return True
    if env.get("JPY_SESSION_NAME") or any(k.startswith("VOILA_") for k in env):
        return False
    return True


def max_states_setting(environ: dict | None = None) -> int:
    """The cap on states per panel: ``HY_SHARE_MAX_STATES`` or :data:`DEFAULT_MAX_STATES`.

    Examples
    --------
    >>> max_states_setting({"HY_SHARE_MAX_STATES": "12"})
    12
    >>> max_states_setting({})
    64
    """
    env = os.environ if environ is None else environ
    text = env.get("HY_SHARE_MAX_STATES")
    if text is None or not text.strip():
        return DEFAULT_MAX_STATES
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise ParameterError(f"environment variable HY_SHARE_MAX_STATES: expected a whole "
                             f"number of states of at least 1, got {text!r}")
    return value


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
    lang : {"vi", "en"}
    max_states : int, optional
        Default :func:`max_states_setting`.
    data_dir : path, optional

    Returns
    -------
    SharedPanel
    """
    from .display import static_tables

    cap = max_states if max_states is not None else max_states_setting()
    controls = plan_controls(notebook, values, names, lang=lang, max_states=cap,
                             data_dir=data_dir)
    varying = [c for c in controls if c.kind != "fixed"]
    blocks: dict[str, str] = {}
    states: dict[str, Any] = {}
    started = time.perf_counter()
    with static_tables(), _chart_formats("png", "svg") as formats:
        for combo in itertools.product(*(c.values for c in varying)):
            key = state_key(combo)
            candidate = dict(values)
            candidate.update({c.name: v for c, v in zip(varying, combo)})
            try:
                candidate = validate_params(notebook, candidate, data_dir=data_dir)
            except ParameterError as exc:
                states[key] = str(exc)  # what the live panel writes under its controls
                continue
            ids = []
            outputs = capture(render, candidate)
            if formats.active == ("png", "svg") and any(
                    "image/png" in o.get("data", {}) for o in outputs):
                # The panel's charts are of one kind: the format that won on the first
                # state is the one worth drawing for the others (SVG costs ~20 % more time).
                formats.switch(_smaller_format(outputs))
            for html in outputs_html(outputs):
                block = hashlib.sha1(html.encode()).hexdigest()[:12]
                blocks.setdefault(block, html)
                ids.append(block)
            states[key] = ids
    first = state_key([c.values[0] for c in varying])
    return SharedPanel(notebook, lang, controls, blocks, states, first,
                       time.perf_counter() - started, cap)


def _smaller_format(outputs: Sequence[dict]) -> str:
    """``"svg"`` when every chart of ``outputs`` is smaller as SVG, else ``"png"``."""
    charts = [o["data"] for o in outputs if "image/png" in o.get("data", {})]
    return "svg" if charts and all(
        _image_html(d, "").startswith('<img src="data:image/svg') for d in charts) else "png"


class _chart_formats:
    """Inline charts in these formats for a while (the run's own setting comes back)."""

    def __init__(self, *formats: str):
        self.formats, self.previous, self.active = formats, None, formats

    def switch(self, *formats: str) -> None:
        """Draw in ``formats`` from now on (inside the ``with`` block)."""
        self.active = formats
        if self.previous is not None:
            from matplotlib_inline.backend_inline import set_matplotlib_formats

            set_matplotlib_formats(*formats)

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


def _compact_png(data: bytes) -> bytes:
    """The PNG reduced to a 256-colour palette when that is smaller (charts have few colours)."""
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(data))
    out = BytesIO()
    image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                  dither=Image.Dither.NONE).save(out, format="PNG",
                                                                 optimize=True)
    return out.getvalue() if out.tell() < len(data) else data


def _image_html(data: dict, alt: str) -> str:
    candidates = []
    if "image/png" in data:
        png = data["image/png"]
        raw = base64.b64decode(png if isinstance(png, str) else "".join(png))
        candidates.append(("image/png", _compact_png(raw)))
    if "image/svg+xml" in data:
        svg = data["image/svg+xml"]
        candidates.append(("image/svg+xml",
                           (svg if isinstance(svg, str) else "".join(svg)).encode()))
    mime, raw = min(candidates, key=lambda c: len(c[1]))
    return (f'<img src="data:{mime};base64,{base64.b64encode(raw).decode()}" '
            f'alt="{escape(alt, quote=True)}">')


def outputs_html(outputs: Sequence[dict]) -> list[str]:
    """HTML for notebook outputs as a reader sees them (one string per output).

    Markdown findings are converted (they arrive escaped, once); charts become ``<img>``;
    HTML (static tables) is kept; any other text is shown escaped.

    Examples
    --------
    >>> outputs_html([{"output_type": "display_data", "data": {"text/markdown": "**a** &amp; b"}}])
    ['<div class="hy-md"><p><strong>a</strong> &amp; b</p>\\n</div>']
    >>> outputs_html([{"output_type": "stream", "name": "stdout", "text": "<x>"}])
    ['<pre>&lt;x&gt;</pre>']
    """
    import mistune

    html = []
    for output in outputs:
        if output.get("output_type") == "stream":
            html.append(f"<pre>{escape(output['text'])}</pre>")
            continue
        data = output.get("data", {})
        if "image/png" in data or "image/svg+xml" in data:
            html.append(_image_html(data, str(data.get("text/plain", "chart"))))
        elif "text/markdown" in data:
            # Raw HTML allowed, as in JupyterLab: findings escaped data-derived text already.
            html.append(f'<div class="hy-md">{mistune.html(data["text/markdown"])}</div>')
        elif "text/html" in data:
            html.append(f'<div class="hy-html">{data["text/html"]}</div>')
        elif "text/plain" in data:
            html.append(f"<pre>{escape(data['text/plain'])}</pre>")
    return html


_SCRIPT = """
(function () {
  var root = document.currentScript.parentNode;
  var data = JSON.parse(root.querySelector("script.hy-share-data").textContent);
  var view = root.querySelector(".hy-share-view");
  // The outputs are stored gzip-compressed (tables shrink tenfold); the browser inflates them.
  var blocks = new Response(new Blob([Uint8Array.from(atob(data.zblocks),
      function (c) { return c.charCodeAt(0); })]).stream()
      .pipeThrough(new DecompressionStream("gzip"))).text().then(JSON.parse);
  var note = root.querySelector(".hy-share-message");
  function current() {
    return JSON.stringify(data.controls.map(function (c) {
      if (c.kind === "checks") {
        return Array.prototype.filter.call(
          root.querySelectorAll("input[name='" + c.name + "']"),
          function (i) { return i.checked; }).map(function (i) { return i.value; });
      }
      var el = root.querySelector("[name='" + c.name + "']");
      if (c.kind === "bool") { return el.checked; }
      if (c.kind === "range") {
        var shown = root.querySelector("output[for='" + el.id + "']");
        if (shown) { shown.textContent = el.value; }
        return parseInt(el.value, 10);
      }
      return el.value;
    }));
  }
  function show() {
    var key = current();
    var state = data.states[key];
    blocks.then(function (stored) {
      if (state === undefined) {
        note.textContent = data.missing;
      } else if (typeof state === "string") {
        note.textContent = state;  // why the live panel would refuse these values
      } else {
        note.textContent = "";
        view.innerHTML = state.map(function (b) { return stored[b]; }).join("");
      }
      root.setAttribute("data-state", key);
    });
  }
  root.addEventListener("input", show);
  root.addEventListener("change", show);
  blocks.then(function () { root.setAttribute("data-ready", "1"); });
})();
"""

_STYLE = """<style>
.hy-shared-panel { border: 1px solid #ccc; border-radius: 6px; padding: 0.6em 1em;
  margin: 1em 0; font-family: system-ui, sans-serif; }
.hy-shared-panel .hy-share-controls { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em;
  align-items: flex-start; margin-bottom: 0.5em; }
.hy-shared-panel fieldset { border: 0; margin: 0; padding: 0; }
.hy-shared-panel legend, .hy-shared-panel .hy-share-label { font-weight: 600; padding: 0; }
.hy-shared-panel .hy-share-message { color: #b00020; min-height: 1.2em; }
.hy-shared-panel .hy-share-fixed { color: #555; font-size: 0.9em; }
.hy-shared-panel img { max-width: 100%; height: auto; }
.hy-shared-panel table.hy-table { border-collapse: collapse; font-size: 0.9em; }
.hy-shared-panel table.hy-table th, .hy-shared-panel table.hy-table td {
  border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
</style>"""


def _script_json(value: Any) -> str:
    """JSON safe inside ``<script>``: no ``</script>`` or ``<!--`` can end the element."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _gzip_b64(value: Any) -> str:
    """JSON of ``value``, gzip-compressed (fixed mtime: equal input, equal page), in base64."""
    import gzip

    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode("ascii")


def _control_html(control: Control, uid: str, lang: str) -> str:
    name, label = escape(control.name, quote=True), escape(control.param.label(lang))
    first = control.values[0]
    if control.kind == "select":
        options = "".join(
            f'<option value="{escape(str(v), quote=True)}"'
            f'{" selected" if v == first else ""}>{escape(control.labels.get(v, str(v)))}'
            "</option>" for v in control.labels)
        return (f'<div><label class="hy-share-label" for="{uid}-{name}">{label}</label> '
                f'<select id="{uid}-{name}" name="{name}">{options}</select></div>')
    if control.kind == "checks":
        boxes = "".join(
            f'<label><input type="checkbox" name="{name}" value="{escape(str(v), quote=True)}"'
            f'{" checked" if v in first else ""}> {escape(text)}</label> '
            for v, text in control.labels.items())
        return f"<fieldset><legend>{label}</legend>{boxes}</fieldset>"
    if control.kind == "bool":
        return (f'<div><label class="hy-share-label"><input type="checkbox" name="{name}"'
                f'{" checked" if first else ""}> {label}</label></div>')
    low, high = min(control.values), max(control.values)
    return (f'<div><label class="hy-share-label" for="{uid}-{name}">{label}</label> '
            f'<input type="range" id="{uid}-{name}" name="{name}" min="{low}" max="{high}" '
            f'step="1" value="{first}"> <output for="{uid}-{name}">{first}</output></div>')


def _fixed_text(control: Control, panel: SharedPanel) -> str:
    from .rendering import format_value

    texts = _TEXTS[panel.lang]
    why = (texts["why_cap"].format(cap=panel.max_states) if control.why_fixed == "cap"
           else texts["why_free"])
    value = control.values[0]
    shown = control.param.value_label(value, panel.lang) if isinstance(value, str) \
        else format_value(value)
    return f"{escape(control.param.label(panel.lang))} = {escape(shown)} ({escape(why)})"


def panel_html(panel: SharedPanel) -> str:
    """The page part of a shared panel: controls, the run's own state and the script.

    With JavaScript off the run's own state is what the page shows.
    """
    texts = _TEXTS[panel.lang]
    uid = "hy-" + hashlib.sha1(f"{panel.notebook}{panel.first}".encode()).hexdigest()[:8]
    varying = [c for c in panel.controls if c.kind != "fixed"]
    fixed = [c for c in panel.controls if c.kind == "fixed"]
    controls = "".join(_control_html(c, uid, panel.lang) for c in varying)
    fixed_line = (f'<p class="hy-share-fixed">{escape(texts["fixed"])}: '
                  + "; ".join(_fixed_text(c, panel) for c in fixed) + "</p>") if fixed else ""
    first = panel.states.get(panel.first)
    view = "".join(panel.blocks[b] for b in first) if isinstance(first, list) else ""
    data = {"controls": [{"name": c.name, "kind": c.kind} for c in varying],
            "states": panel.states, "zblocks": _gzip_b64(panel.blocks),
            "missing": texts["missing"]}
    count = texts["states"].format(n=len(panel.states))
    return (f'{_STYLE}<div class="{PANEL_CLASS}" id="{uid}" lang="{panel.lang}" '
            f'data-notebook="{escape(panel.notebook, quote=True)}" '
            f'data-states="{len(panel.states)}" data-seconds="{panel.seconds:.2f}" '
            f'data-state="{escape(panel.first, quote=True)}">'
            f'<h3>{escape(texts["title"])} <small>({escape(count)})</small></h3>'
            f'<div class="hy-share-controls">{controls}</div>{fixed_line}'
            f'<noscript><p>{escape(texts["noscript"])}</p></noscript>'
            f'<div class="hy-share-message" role="status" aria-live="polite"></div>'
            f'<div class="hy-share-view">{view}</div>'
            f'<script type="application/json" class="hy-share-data">{_script_json(data)}'
            f"</script><script>{_SCRIPT}</script></div>")


def page_report(page: str) -> dict:
    """Size of a rendered page and of its shared panels, for the run's manifest.

    Examples
    --------
    >>> page_report('<div data-seconds="1.50" class="hy-shared-panel" data-states="3">')
    {'bytes': 65, 'panels': [{'states': 3, 'seconds': 1.5}]}
    """
    import re

    panels = []
    for tag in re.finditer(rf'<div\b[^>]*\bclass="{PANEL_CLASS}"[^>]*>', page):
        attrs = dict(re.findall(r'(data-states|data-seconds)="([\d.]+)"', tag.group(0)))
        panels.append({"states": int(attrs.get("data-states", 0)),
                       "seconds": float(attrs.get("data-seconds", 0))})
    return {"bytes": len(page.encode("utf-8")), "panels": panels}
