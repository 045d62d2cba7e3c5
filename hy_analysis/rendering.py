"""Self-contained HTML for sharing: one page per executed notebook and the index of all runs.

The pages load nothing from the internet. nbconvert's ``lab`` template adds require.js,
MathJax and the Jupyter widget manager from public CDNs; the template used here leaves those
blocks empty, widget views (dead without a kernel) are dropped in favour of the static outputs
beside them, and a last pass removes any ``<script src="http...">`` or remote stylesheet that
slipped through. Inline scripts (itables in offline mode inlines its JavaScript) are kept.

Every string that comes from parameters, data or manifests is passed through
:func:`html.escape` before it is written into a page.
"""

from __future__ import annotations

import copy
import functools
import re
from datetime import datetime
from html import escape
from pathlib import Path

from .params import format_value  # the one formatter of parameter values

__all__ = ["render_notebook_html", "strip_remote_resources", "render_index", "format_value",
           "FAILED_CELL_TAG", "HIDE_INPUT_TAG"]

#: Tag given to the cell where a run stopped; the page highlights it.
FAILED_CELL_TAG = "hy-failed-cell"
#: Tag given to code cells whose source is hidden in report mode.
HIDE_INPUT_TAG = "hy-hide-input"
_INJECTED_TAG = "injected-parameters"
_PAPERMILL_ERROR_TAG = "papermill-error-cell-tag"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

_TEMPLATE = """\
{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
"""

_CSS = """
<style>
.hy-header { font-family: system-ui, sans-serif; margin: 1em auto; padding: 0.8em 1.2em;
  max-width: 1100px; border: 1px solid #ccc; border-radius: 6px; background: #fafafa; }
.hy-header h1 { font-size: 1.4em; margin: 0 0 0.4em 0; }
.hy-header table { border-collapse: collapse; }
.hy-header td, .hy-header th { padding: 2px 10px 2px 0; text-align: left; vertical-align: top; }
.hy-status-ok { color: #176317; font-weight: bold; }
.hy-status-failed, .hy-status-timeout { color: #b00020; font-weight: bold; }
.celltag_hy-failed-cell { border-left: 6px solid #b00020 !important;
  background: #fff0f0 !important; padding-left: 6px; }
.celltag_hy-failed-cell::before { content: "\\26A0  This cell stopped the run";
  display: block; color: #b00020; font-weight: bold; font-family: system-ui, sans-serif; }
</style>
"""

_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>", re.IGNORECASE)
_REMOTE_LINK = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.IGNORECASE)


_REMOTE_IMPORT = re.compile(r"""\bimport\s*\(\s*["'](?:https?:)?//""", re.IGNORECASE)


def strip_remote_resources(page: str) -> str:
    """Remove ``<script src>`` and ``<link href>`` elements that point at another host.

    Raises ``ValueError`` when an inline script still imports code from another host.
    """
    page = _REMOTE_SCRIPT.sub("", page)
    if _REMOTE_IMPORT.search(page):
        raise ValueError("the page imports a script from the internet: "
                         + _REMOTE_IMPORT.search(page).group(0))
    return _REMOTE_LINK.sub("", page)


def _prepare_for_sharing(nb, *, with_code: bool):
    """A copy of the executed notebook ready for export (the .ipynb itself is untouched)."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    kept = []
    for cell in nb.cells:
        tags = list(cell.metadata.get("tags", []))
        if _INJECTED_TAG in tags or _PAPERMILL_ERROR_TAG in tags:
            continue  # the header of the page shows the parameters and the failure readably
        if cell.cell_type == "code":
            outputs = []
            for output in cell.get("outputs", []):
                data = output.get("data")
                if data and _WIDGET_VIEW in data:
                    if "text/html" not in data:
                        continue  # a widget without a kernel is an empty box
                    # A filter panel's precomputed states (hy_analysis.sharing) ride along
                    # with its widget view: the page shows them instead.
                    output = copy.deepcopy(output)
                    output.data = {"text/html": data["text/html"]}
                outputs.append(output)
            cell.outputs = outputs
            failed = cell.metadata.get("papermill", {}).get("exception") or any(
                o.get("output_type") == "error" for o in outputs)
            if failed:
                tags.append(FAILED_CELL_TAG)
            elif not with_code:
                tags.append(HIDE_INPUT_TAG)
            cell.metadata["tags"] = tags
        kept.append(cell)
    nb.cells = kept
    return nb


def _header(title: str, rows: list[tuple[str, str]], status: str | None) -> str:
    body = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
    badge = (f' <span class="hy-status-{escape(status)}">{escape(status)}</span>'
             if status else "")
    return (f'<div class="hy-header"><h1>{escape(title)}{badge}</h1>'
            f"<table>{body}</table></div>")


def render_notebook_html(nb, *, title: str, params: dict | None = None,
                         status: str | None = None, extra_rows: list[tuple[str, str]] = (),
                         with_code: bool = False) -> str:
    """Render an executed notebook as one self-contained HTML page.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The executed notebook (papermill metadata is used to find the failing cell).
    title : str
        Page title and heading (escaped).
    params : dict, optional
        Parameters of the run, shown in the header (escaped).
    status : str, optional
        ``ok``, ``failed`` or ``timeout``, shown beside the title.
    extra_rows : list of (str, str)
        More header rows, e.g. the error of a failed run (escaped).
    with_code : bool
        Keep the code cells' source; by default (report mode) only the failing cell's source
        is shown.

    Returns
    -------
    str
        The HTML page: images embedded, no remote scripts or stylesheets.
    """
    exporter = _exporter(with_code)
    shared = _prepare_for_sharing(nb, with_code=with_code)
    page, _ = exporter.from_notebook_node(shared, resources={"metadata": {"name": title}})
    rows = [(k, format_value(v)) for k, v in (params or {}).items()]
    header = _CSS + _header(title, rows + list(extra_rows), status)
    page = re.sub(r"<title>.*?</title>", lambda _: f"<title>{escape(title)}</title>", page,
                  count=1, flags=re.DOTALL)
    page = re.sub(r"<body[^>]*>", lambda m: m.group(0) + header, page, count=1)
    return strip_remote_resources(page)


@functools.lru_cache(maxsize=2)
def _exporter(with_code: bool):
    """The HTML exporter, built once per process and mode: building one compiles its
    templates (about a second), rendering with it again does not."""
    import jinja2
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_loaders=[jinja2.DictLoader({"hy_report.html.j2": _TEMPLATE})],
        template_file="hy_report.html.j2",
        embed_images=True,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(_tag_remover(), enabled=True)
    return exporter


def _tag_remover():
    from nbconvert.preprocessors import TagRemovePreprocessor

    return TagRemovePreprocessor(remove_input_tags={HIDE_INPUT_TAG}, enabled=True)


def _fmt_time(text: str | None) -> str:
    if not text:
        return ""
    try:
        return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return text


def render_index(runs: list[tuple[str, dict]], *, title: str = "hy-analysis: rendered runs"
                 ) -> str:
    """One page listing every run, newest first.

    Parameters
    ----------
    runs : list of (str, dict)
        Each run's folder relative to the index page (``notebook/slug``) and its manifest.

    Returns
    -------
    str
        A standalone HTML page; every value from a manifest is escaped.
    """
    ordered = sorted(runs, key=lambda r: r[1].get("finished") or "", reverse=True)
    rows = []
    for rel, m in ordered:
        files = m.get("files", {})
        links = " · ".join(
            f'<a href="{escape(rel + "/" + files[k], quote=True)}">{label}</a>'
            for k, label in (("html", "report"), ("ipynb", "notebook")) if files.get(k))
        params = "<br>".join(f"<code>{escape(str(k))}</code> = {escape(format_value(v))}"
                             for k, v in (m.get("parameters") or {}).items()) or "(none)"
        status = str(m.get("status", "?"))
        error = m.get("error") or {}
        problem = ""
        if error:
            problem = (f'<div class="err">cell {escape(str(error.get("cell_index")))}: '
                       f'{escape(str(error.get("ename", "")))}: '
                       f'{escape(str(error.get("evalue", ""))[:300])}</div>')
        duration = m.get("duration_s")
        rows.append(
            "<tr>"
            f'<td><b>{escape(str(m.get("notebook", "")))}</b><br>'
            f'<span class="slug">{escape(str(m.get("slug", "")))}</span></td>'
            f"<td>{params}</td>"
            f'<td class="st-{escape(status)}">{escape(status)}{problem}</td>'
            f'<td>{escape(_fmt_time(m.get("finished")))}</td>'
            f'<td>{"" if duration is None else escape(f"{float(duration):.1f} s")}</td>'
            f"<td>{links}</td>"
            "</tr>")
    body = "\n".join(rows) or '<tr><td colspan="6">No runs yet.</td></tr>'
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 6px 10px; text-align: left;
  vertical-align: top; }}
th {{ background: #f3f3f3; }}
.slug {{ color: #777; font-size: 0.85em; }}
.st-ok {{ color: #176317; font-weight: bold; }}
.st-failed, .st-timeout, .st-error {{ color: #b00020; font-weight: bold; }}
.err {{ font-weight: normal; color: #444; font-size: 0.85em; max-width: 30em; }}
</style></head>
<body>
<h1>{escape(title)}</h1>
<p>Each row is one run of an analysis notebook with the parameters shown. Open
<b>report</b> to read the findings, tables and charts in your browser (no software or
internet connection needed); <b>notebook</b> is the executed Jupyter file. Newest first.</p>
<table>
<thead><tr><th>analysis</th><th>parameters</th><th>status</th><th>finished</th>
<th>duration</th><th>open</th></tr></thead>
<tbody>
{body}
</tbody></table>
</body></html>
"""


def write_index(output_dir: str | Path) -> Path:
    """Write ``<output_dir>/index.html`` from every manifest found there (atomically)."""
    import os

    from .manifest import iter_manifests

    output_dir = Path(output_dir)
    runs = [(run_dir.relative_to(output_dir).as_posix(), m)
            for run_dir, m in iter_manifests(output_dir)]
    target = output_dir / "index.html"
    tmp = output_dir / f".index.html.{os.getpid()}.tmp"
    tmp.write_text(render_index(runs), encoding="utf-8")
    os.replace(tmp, target)
    return target
