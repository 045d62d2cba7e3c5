"""One executed notebook -> one self-contained page in its reader's language.

The page opens with a reader's header (the analysis, the province, the data's as-of date and
the report's choices in words, the downloads) and closes with the technical details
(parameters as code, versions, times). Markdown cells written in the other language
(tags :data:`LANG_TAGS`) are removed by nbconvert's ``TagRemovePreprocessor``.

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
from typing import Any

from ..params import format_value as _format_value
from . import FAILED_CELL_TAG, HIDE_INPUT_TAG, LANG_TAGS
from ..vocabulary import messages
from .texts import PAGE_TEXTS

__all__ = ["render_notebook_html", "strip_remote_resources", "format_value", "report_info"]
_INJECTED_TAG = "injected-parameters"
_PAPERMILL_ERROR_TAG = "papermill-error-cell-tag"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_RUN_PARAMETERS_ROLE = "run-parameters"  # hy_analysis.display.RUN_PARAMETERS_ROLE

_TEMPLATE = """\
{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
 alt="{{ output.data.get('text/plain', '') | escape_html }}">
</div>
{%- endblock data_png %}
"""

_CSS = """
<style>
.hy-header { font-family: system-ui, sans-serif; margin: 0.5em 0 1em 0; padding: 1em 28px;
  border-bottom: 3px solid #1f4e79; }
.hy-header .hy-kicker { color: #1f4e79; font-size: 0.9em; text-transform: uppercase;
  letter-spacing: 0.04em; margin: 0; }
.hy-header h1 { font-size: 1.7em; margin: 0.2em 0 0.5em 0; }
.hy-header dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1.2em;
  margin: 0 0 0.8em 0; }
.hy-header dt { color: #555; }
.hy-header dd { margin: 0; font-weight: 500; }
.hy-downloads a { display: inline-block; margin: 0 0.8em 0.3em 0; padding: 0.3em 0.8em;
  border: 1px solid #1f4e79; border-radius: 4px; color: #1f4e79; text-decoration: none; }
.hy-problem { color: #b00020; font-weight: bold; }
.hy-technical { font-family: system-ui, sans-serif; margin: 2em 0;
  padding: 0.8em 28px; border-top: 1px solid #ccc; color: #444; font-size: 0.9em; }
.hy-technical table { border-collapse: collapse; }
.hy-technical td, .hy-technical th { padding: 2px 12px 2px 0; text-align: left;
  vertical-align: top; }
table.hy-table td:empty::after { content: "—"; color: #777; }
table.dataTable th.dt-left, table.dataTable td.dt-left { text-align: left; }
table.dataTable th.dt-right, table.dataTable td.dt-right { text-align: right; }
/* A wide plain table (a shared panel's precomputed state) scrolls inside its own box, as
   DataTables' own tables do, never past the panel's right edge. */
table.hy-table:not(.dataTable) { display: block; overflow-x: auto; max-width: 100%; }
.celltag_hy-failed-cell { border-left: 6px solid #b00020 !important;
  background: #fff0f0 !important; padding-left: 6px; }
.celltag_hy-failed-cell::before { content: "\\26A0"; display: block; color: #b00020; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; }
  .hy-downloads, .dt-search, .dt-length, .dt-paging, .dt-info, .dt-layout-row:has(.dt-search),
  .hy-share-controls, .hy-share-message, .jp-CodeCell .jp-InputArea,
  .hy-technical details > summary::marker
    { display: none !important; }
  .hy-header { border-bottom-width: 2px; padding: 0; }
  .jp-Cell, .jp-OutputArea-output img, table { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  img { max-width: 100% !important; height: auto !important; }
  a { color: inherit; text-decoration: none; }
  .hy-technical details { display: block; }
  .hy-technical details > *:not(summary) { display: block; }
}
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


def format_value(value: Any) -> str:
    """A parameter value as a reader would write it (not yet escaped): the one formatter of
    :mod:`hy_analysis.params`, with a path written by its file name (a shared page names no
    folder of this machine).

    Examples
    --------
    >>> format_value(["/home/lan/data/my.csv", None]), format_value(True)
    ('my.csv, —', 'true')
    """
    return _format_value(_absent_path(value))


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
                role = (output.get("metadata") or {}).get("hy-analysis", {}).get("role")
                if role == _RUN_PARAMETERS_ROLE:
                    continue  # the header and the technical details say it for readers
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


def _absent_path(value: Any) -> Any:
    """A path parameter as its file name: a shared page names no folder of this machine."""
    if isinstance(value, (list, tuple)):
        return [_absent_path(v) for v in value]
    if isinstance(value, str) and (value.startswith("/") or re.match(r"^[A-Za-z]:\\", value)):
        return Path(value).name
    return value


def choice_text(param, value, lang: str) -> str:
    """A parameter's value in the reader's words (not yet escaped): "có" for True, numbers
    in ``lang``'s format, territories, countries and choices by their names, a path by its
    file name, an absent value as the parameter's own words for it.

    Examples
    --------
    >>> from hy_analysis.params import get_params
    >>> scenario = {p.name: p for p in get_params("industrial_growth")}["scenario_growth"]
    >>> choice_text(scenario, [8.0, 12.5], "vi"), choice_text(scenario, [8.0, 12.5], "en")
    ('8; 12,5', '8, 12.5')
    """
    from ..findings.format import format_number
    from ..vocabulary import country_label, territory_label

    def word(v):
        if isinstance(v, bool):
            return messages(PAGE_TEXTS, lang)["yes" if v else "no"]
        if isinstance(v, (int, float)) and not (param.name.endswith("year") or
                                                param.name.endswith("years")):
            return format_number(v, lang=lang)
        if param.name in ("region", "regions"):
            return territory_label(str(v), lang=lang)
        if param.name == "countries":
            return country_label(str(v), lang=lang)
        shown = param.value_label(v, lang)
        return str(_absent_path(shown))

    if value is None or value == "" or value == []:
        return param.none_label(lang)
    if isinstance(value, (list, tuple)):
        # "8; 12,5": a comma between numbers would read as a decimal comma in Vietnamese
        numbers = any(isinstance(v, float) for v in value) and lang == "vi"
        return ("; " if numbers else ", ").join(word(v) for v in value)
    return word(value)


def _choice_words(notebook: str | None, params: dict, lang: str) -> list[tuple[str, str]]:
    """The report's choices as a reader reads them: label and value words in ``lang``."""
    from ..params import get_params

    if not notebook:
        return []
    try:
        defined = get_params(notebook)
    except Exception:  # noqa: BLE001 - an unknown notebook: no choices in words
        return []
    return [(p.label(lang), choice_text(p, params[p.name], lang)) for p in defined
            if p.name != "lang" and p.name in params]


def data_as_of(*, lang: str) -> str:
    """The date of the newest source in the dataset, as a reader writes it (or "")."""
    from ..findings.format import format_as_of
    from ..rows import source_rows  # load_sources' rows: a worker needs no pandas for them

    try:
        dates = [d for d in (r.get("date") or "" for r in source_rows()) if d[:4].isdigit()]
    except Exception:  # noqa: BLE001 - the page is still useful without the date
        return ""
    return format_as_of(max(dates), lang=lang) if dates else ""


def report_info(nb, *, lang: str = "vi") -> dict:
    """What the index needs of an executed notebook: its title and first finding, in ``lang``.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The executed notebook (markdown cells tagged :data:`LANG_TAGS`).
    lang : {"vi", "en"}

    Returns
    -------
    dict
        ``title`` (the first heading of ``lang``) and ``finding`` (the first sentence of the
        first Markdown the run displayed), both plain text.
    """
    other = {t for k, t in LANG_TAGS.items() if k != lang}
    title, finding = "", ""
    for cell in nb.cells:
        tags = set(cell.metadata.get("tags", []))
        if not title and cell.cell_type == "markdown" and not tags & other:
            m = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            title = m.group(1).strip() if m else ""
        if not finding and cell.cell_type == "code":
            for output in cell.get("outputs", []):
                role = (output.get("metadata") or {}).get("hy-analysis", {}).get("role")
                text = (output.get("data") or {}).get("text/markdown")
                if text and role != _RUN_PARAMETERS_ROLE:
                    finding = _first_sentence(text)
                    break
    return {"title": title, "finding": finding}


def _first_sentence(markdown: str) -> str:
    from html import unescape

    text = re.sub(r"\n\s*[-*]\s+", "; ", markdown.strip())  # list items on one line
    text = re.sub(r"^[-*]\s+", "", text).replace(":; ", ": ")
    text = re.sub(r"\*\*|__|`|^#+\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"(?<![\w\\])[*_](\S(?:[^*_]*?\S)?)[*_](?!\w)", r"\1", text)  # *italic*
    text = re.sub(r"\\(.)", r"\1", text)  # md_escape's backslashes
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = " ".join(unescape(text).split()).replace(".; ", "; ")
    m = re.match(r"(.{20,}?[.!?])(\s|$)", text)
    text = m.group(1) if m else text
    if len(text) > 300:  # cut at a word, and say so
        text = text[:300].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"
    return text


def _drop_first_heading(nb, lang: str) -> None:
    """Remove the notebook's title line: the page's header shows it."""
    other = {t for k, t in LANG_TAGS.items() if k != lang}
    for cell in nb.cells:
        if cell.cell_type == "markdown" and not set(cell.metadata.get("tags", [])) & other:
            if re.search(r"^#\s+.+$", cell.source, re.MULTILINE):
                cell.source = re.sub(r"^#\s+.+\n?", "", cell.source, count=1,
                                     flags=re.MULTILINE).lstrip("\n")
            return


def _header(*, title: str, lang: str, choices: list[tuple[str, str]], as_of: str,
            status: str | None, downloads: list[tuple[str, str]]) -> str:
    t = messages(PAGE_TEXTS, lang)
    rows = [(t["as_of"], as_of)] if as_of else []
    rows += choices
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    problem = (f'<p class="hy-problem">{escape(t["problem"])}</p>'
               if status and status != "ok" else "")
    links = "".join(f'<a href="{escape(href, quote=True)}" download>{escape(label)}</a>'
                    for label, href in downloads)
    return (f'<header class="hy-header" lang="{lang}"><p class="hy-kicker">{escape(t["kicker"])}'
            f"</p><h1>{escape(title)}</h1>{problem}<dl>{body}</dl>"
            f'<nav class="hy-downloads" aria-label="{escape(t["downloads"])}">{links}</nav>'
            "</header>")


def _technical(*, lang: str, params: dict, rows: list[tuple[str, str]]) -> str:
    from ..manifest import versions

    t = messages(PAGE_TEXTS, lang)
    lines = [(f"{k}", format_value(_absent_path(v))) for k, v in params.items()]
    # a row named by a key of the page's texts ("finished") is shown in the page's language
    lines += [(t[k] if k in t else k, v) for k, v in rows]
    lines += [(t["versions"], ", ".join(f"{k} {v}" for k, v in versions().items() if v))]
    body = "".join(f"<tr><th><code>{escape(k)}</code></th><td>{escape(v)}</td></tr>"
                   for k, v in lines)
    return (f'<section class="hy-technical" lang="{lang}"><details><summary>'
            f'{escape(t["technical"])}</summary><p>{escape(t["technical_intro"])}</p>'
            f"<table>{body}</table></details></section>")


def render_notebook_html(nb, *, title: str, params: dict | None = None,
                         status: str | None = None, extra_rows: list[tuple[str, str]] = (),
                         with_code: bool = False, notebook: str | None = None,
                         downloads: dict[str, str] | None = None) -> str:
    """Render an executed notebook as one self-contained page in its reader's language.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The executed notebook (papermill metadata is used to find the failing cell).
    title : str
        The page's title when the notebook has no heading in the report's language.
    params : dict, optional
        Parameters of the run: ``lang`` chooses the language (default ``vi``); the header
        shows the others in words, the technical details as code (paths by file name only).
    status : str, optional
        ``ok``, ``failed`` or ``timeout``; a failed run says so in the header.
    extra_rows : list of (str, str)
        More technical rows, e.g. the error of a failed run (escaped).
    with_code : bool
        Keep the code cells' source; by default (report mode) only the failing cell's source
        is shown.
    notebook : str, optional
        The notebook's name, whose parameter labels the header uses.
    downloads : dict, optional
        ``{"xlsx": file, "ipynb": file}`` beside the page, offered as downloads.

    Returns
    -------
    str
        The HTML page: images embedded, no remote scripts or stylesheets.
    """
    params = dict(params or {})
    lang = params.get("lang") if params.get("lang") in LANG_TAGS else "vi"
    t = messages(PAGE_TEXTS, lang)
    exporter = _exporter(with_code, lang)
    shared = _prepare_for_sharing(nb, with_code=with_code)
    heading = report_info(shared, lang=lang)["title"] or title
    _drop_first_heading(shared, lang)
    page, _ = exporter.from_notebook_node(shared, resources={"metadata": {"name": heading}})
    downloads = downloads or {}
    links = [(t[key], href) for key, href in (("xlsx", downloads.get("xlsx")),
                                              ("ipynb", downloads.get("ipynb"))) if href]
    header = _CSS + _header(title=heading, lang=lang,
                            choices=_choice_words(notebook, params, lang),
                            as_of=data_as_of(lang=lang), status=status, downloads=links)
    technical = _technical(lang=lang, params=params, rows=list(extra_rows))
    page = re.sub(r"<title>.*?</title>", lambda _: f"<title>{escape(heading)}</title>", page,
                  count=1, flags=re.DOTALL)
    page = re.sub(r"<html\b[^>]*>", f'<html lang="{lang}">', page, count=1)
    page = re.sub(r"<body[^>]*>", lambda m: m.group(0) + header, page, count=1)
    page = page.replace("</body>", technical + "</body>", 1)
    return strip_remote_resources(page)


@functools.lru_cache(maxsize=4)
def _exporter(with_code: bool, lang: str = "vi"):
    """The HTML exporter, built once per process, mode and language: building one compiles
    its templates (about a second), rendering with it again does not."""
    import jinja2
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_loaders=[jinja2.DictLoader({"hy_report.html.j2": _TEMPLATE})],
        template_file="hy_report.html.j2",
        embed_images=True,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(_tag_remover(lang), enabled=True)
    return exporter


def _tag_remover(lang: str):
    from nbconvert.preprocessors import TagRemovePreprocessor

    return TagRemovePreprocessor(
        remove_input_tags={HIDE_INPUT_TAG},
        remove_cell_tags={tag for k, tag in LANG_TAGS.items() if k != lang}, enabled=True)
