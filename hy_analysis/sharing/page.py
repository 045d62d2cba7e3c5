"""The page part of a shared panel: outputs as HTML, the controls, the script and the style.

Rendering layer: this module imports no analysis, findings or charts; it turns what a panel
showed (notebook outputs) and its planned controls (:mod:`.states`) into self-contained HTML.
Identical outputs are stored once, gzip-compressed (the page's script inflates them with the
browser's ``DecompressionStream``); charts are ``<img>`` tags with SVG data as text (states
draw SVG, :func:`hy_analysis.display.vector_charts`) or PNG data (reduced to a palette when
that is smaller).
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from html import escape
from typing import Any, Sequence

from ..manifest import PANEL_CLASS

__all__ = ["PANEL_CLASS", "outputs_html", "panel_html"]


@lru_cache(maxsize=256)
def _compact_png(data: bytes) -> bytes:
    """The PNG reduced to a 256-colour palette when that is smaller (charts have few colours).

    Fast octree quantisation at zlib level 6: a quarter of the time of median cut with
    ``optimize``, and smaller files for charts. Kept per image: a chart that several states
    share is compacted once.
    """
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(data))
    out = BytesIO()
    image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                                  dither=Image.Dither.NONE).save(out, format="PNG",
                                                                 compress_level=6)
    return out.getvalue() if out.tell() < len(data) else data


def _svg_uri(svg: str) -> str:
    """A ``data:`` URL of SVG text, kept as text (the page's compression then shrinks it
    tenfold, which it cannot do to base64): only ``%`` and ``#`` need encoding.

    Examples
    --------
    >>> _svg_uri('<svg><path style="fill: #fff"/><text>50%</text></svg>')
    'data:image/svg+xml,<svg><path style="fill: %23fff"/><text>50%25</text></svg>'
    """
    return "data:image/svg+xml," + svg.replace("%", "%25").replace("#", "%23")


def _image_html(data: dict, alt: str) -> str:
    if "image/svg+xml" in data:
        # SVG with its text as text (hy_analysis.charts.base.figure_svg) is far smaller than
        # any PNG of the chart once the page compresses it, and needs no reduction here.
        svg = data["image/svg+xml"]
        src = _svg_uri(svg if isinstance(svg, str) else "".join(svg))
    else:
        png = data["image/png"]
        raw = _compact_png(base64.b64decode(png if isinstance(png, str) else "".join(png)))
        src = f"data:image/png;base64,{base64.b64encode(raw).decode()}"
    return f'<img src="{escape(src, quote=True)}" alt="{escape(alt, quote=True)}">'


@lru_cache(maxsize=1024)
def _markdown_html(text: str) -> str:
    """Markdown as HTML, kept per text: the states of a panel repeat most of their findings."""
    import mistune

    return mistune.html(text)


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
            html.append(f'<div class="hy-md">{_markdown_html(data["text/markdown"])}</div>')
        elif "text/html" in data:
            html.append(f'<div class="hy-html">{data["text/html"]}</div>')
        elif "text/plain" in data:
            html.append(f"<pre>{escape(data['text/plain'])}</pre>")
    return html


_TEXTS = {
    "vi": {"title": "Bộ lọc (đã tính sẵn cho bản chia sẻ)",
           "fixed": "Giữ cố định trong bản chia sẻ này",
           "why_cap": "quá {cap} trạng thái",
           "why_free": "nhập tự do: không tính sẵn",
           "noscript": "Trình duyệt đang tắt JavaScript: trang hiển thị kết quả với tham số "
                       "của lần chạy này.",
           "missing": "Tổ hợp này không được tính sẵn.",
           "states": "{n} trạng thái"},
    "en": {"title": "Filters (precomputed for sharing)",
           "fixed": "Fixed in this shared page",
           "why_cap": "more than {cap} states",
           "why_free": "typed freely: not precomputed",
           "noscript": "JavaScript is off: the page shows the results for this run's "
                       "parameters.",
           "missing": "This combination was not precomputed.",
           "states": "{n} states"},
}



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


def _control_html(control: "Control", uid: str, lang: str) -> str:
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


def _fixed_text(control: "Control", panel: "SharedPanel") -> str:
    from ..rendering.page import choice_text

    texts = _TEXTS[panel.lang]
    why = (texts["why_cap"].format(cap=panel.max_states) if control.why_fixed == "cap"
           else texts["why_free"])
    shown = choice_text(control.param, control.values[0], panel.lang)
    return f"{escape(control.param.label(panel.lang))} = {escape(shown)} ({escape(why)})"


def panel_html(panel: "SharedPanel") -> str:
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
