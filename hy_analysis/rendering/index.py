"""``outputs/index.html``: every run, grouped by analysis, in the reader's language."""

from __future__ import annotations

import os
from collections import Counter
from datetime import datetime
from html import escape
from pathlib import Path

from ..vocabulary import messages
from . import LANG_TAGS
from .page import _choice_words
from .texts import INDEX_TEXTS

__all__ = ["render_index", "write_index"]


def _fmt_time(text: str | None, lang: str) -> str:
    if not text:
        return ""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return moment.strftime("%d/%m/%Y %H:%M" if lang == "vi" else "%d %b %Y %H:%M")


def _index_lang(runs) -> str:
    langs = Counter((m.get("parameters") or {}).get("lang") for _, m in runs)
    langs.pop(None, None)
    return langs.most_common(1)[0][0] if langs and langs.most_common(1)[0][0] in LANG_TAGS \
        else "vi"


def render_index(runs: list[tuple[str, dict]], *, title: str | None = None,
                 lang: str | None = None) -> str:
    """One page listing every run, grouped by analysis, newest first within each.

    Parameters
    ----------
    runs : list of (str, dict)
        Each run's folder relative to the index page (``notebook/slug``) and its manifest
        (its ``report`` entry, when there is one, gives the title and the first finding).
    title : str, optional
        The page's heading (default: "Analysis reports" in ``lang``).
    lang : {"vi", "en"}, optional
        Default: the language most runs were made in.

    Returns
    -------
    str
        A standalone HTML page; every value from a manifest is escaped.
    """
    lang = lang or _index_lang(runs)
    t = messages(INDEX_TEXTS, lang)
    title = title or t["title"]
    groups: dict[str, list] = {}
    for rel, m in sorted(runs, key=lambda r: r[1].get("finished") or "", reverse=True):
        groups.setdefault(str(m.get("notebook", "")), []).append((rel, m))
    sections = []
    for notebook, items in groups.items():
        reports = [m.get("report") or {} for _, m in items]
        heading = next((r.get("title") for r in reports
                        if r.get("title") and r.get("lang") == lang), None) \
            or next((r.get("title") for r in reports if r.get("title")), notebook)
        rows = []
        for rel, m in items:
            files = m.get("files", {})
            links = " · ".join(
                f'<a href="{escape(rel + "/" + files[k], quote=True)}"'
                f'{" download" if k != "html" else ""}>{escape(t[label])}</a>'
                for k, label in (("html", "report"), ("xlsx", "xlsx"), ("ipynb", "ipynb"))
                if files.get(k))
            params = m.get("parameters") or {}
            choices = "<br>".join(f"{escape(k)}: {escape(v)}" for k, v in
                                  _choice_words(notebook, params, lang)) or "—"
            report = m.get("report") or {}
            status = str(m.get("status", "?"))
            finding = escape(report.get("finding") or "")
            if status != "ok":
                error = m.get("error") or {}
                finding = (f'<span class="st-failed">{escape(t["failed"])}</span>'
                           f'<div class="err">{escape(str(error.get("ename", "")))}: '
                           f'{escape(str(error.get("evalue", ""))[:300])}</div>')
            rows.append(
                f"<tr><td>{choices}</td><td>{finding}</td>"
                f'<td>{escape(_fmt_time(m.get("finished"), lang))}</td><td>{links}</td></tr>')
        runs_word = t["run"] if len(items) == 1 else t["runs"]  # "1 run", "2 runs"
        sections.append(
            f'<section><h2>{escape(heading)} <span class="count">({len(items)} '
            f'{escape(runs_word)})</span></h2><table><thead><tr><th>{escape(t["choices"])}</th>'
            f'<th>{escape(t["finding"])}</th><th>{escape(t["finished"])}</th>'
            f'<th>{escape(t["open"])}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            "</section>")
    body = "\n".join(sections) or f"<p>{escape(t['none'])}</p>"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222;
  padding: 0 1em; }}
h2 {{ margin-top: 1.6em; border-bottom: 2px solid #1f4e79; padding-bottom: 0.2em; }}
.count {{ color: #777; font-size: 0.7em; font-weight: normal; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 6px 10px; text-align: left;
  vertical-align: top; }}
th {{ background: #f3f3f3; }}
td:first-child {{ width: 28%; font-size: 0.9em; }}
.st-failed {{ color: #b00020; font-weight: bold; }}
.err {{ font-weight: normal; color: #444; font-size: 0.85em; max-width: 30em; }}
</style></head>
<body>
<h1>{escape(title)}</h1>
<p>{escape(t["intro"])}</p>
{body}
</body></html>
"""


#: Beside the index: what it was rendered from (:func:`write_index` with ``inputs``).
INDEX_KEY_NAME = ".index.key"


def _index_key(output_dir: Path, inputs: str) -> str:
    """``inputs`` with each manifest's and the page's size and modification time, and the
    locale the dates are written in: a changed, added or removed run changes the key."""
    import hashlib

    stats = []
    for path in sorted(output_dir.glob("*/*/manifest.json")):
        rel = path.relative_to(output_dir)
        if rel.parts[0].startswith(".") or rel.parts[1].startswith("."):
            continue
        info = path.stat()
        stats.append(f"{rel.as_posix()} {info.st_mtime_ns} {info.st_size}")
    try:
        info = (output_dir / "index.html").stat()
        stats.append(f"index.html {info.st_mtime_ns} {info.st_size}")
    except OSError:
        stats.append("no index.html")
    stats += [f"{k}={os.environ.get(k, '')}" for k in ("LC_ALL", "LC_TIME", "LANG")]
    return hashlib.sha256("\n".join([inputs, *stats]).encode()).hexdigest()


def write_index(output_dir: str | Path, *, inputs: str | None = None) -> Path:
    """Write ``<output_dir>/index.html`` from every manifest found there (atomically).

    Parameters
    ----------
    output_dir : str or Path
        The folder of runs.
    inputs : str, optional
        What else the page is rendered from (the package's and libraries' versions, the
        reference data: the labels of the choices). When given, an index already rendered
        from the same inputs and the same manifests is left as it is (a rerun where nothing
        ran need not import the formatting libraries).

    Returns
    -------
    Path
        The index page.
    """
    from ..manifest import iter_manifests

    output_dir = Path(output_dir)
    target = output_dir / "index.html"
    key_file = output_dir / INDEX_KEY_NAME
    if inputs is not None:
        try:
            if key_file.read_text(encoding="utf-8") == _index_key(output_dir, inputs):
                return target
        except OSError:
            pass
    runs = [(run_dir.relative_to(output_dir).as_posix(), m)
            for run_dir, m in iter_manifests(output_dir)]
    tmp = output_dir / f".index.html.{os.getpid()}.tmp"
    tmp.write_text(render_index(runs), encoding="utf-8")
    os.replace(tmp, target)
    if inputs is not None:
        tmp = output_dir / f"{INDEX_KEY_NAME}.{os.getpid()}.tmp"
        tmp.write_text(_index_key(output_dir, inputs), encoding="utf-8")
        os.replace(tmp, key_file)
    else:
        key_file.unlink(missing_ok=True)
    return target
