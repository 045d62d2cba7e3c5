"""Review the candidates of a document: see them in place, accept / reject / edit, save.

The view behind ``notebooks/review_extraction.ipynb``. The pure part works on frames and text
(:func:`open_review`, :func:`highlight_html`, :func:`decide`, :func:`save`,
:func:`source_row`); :func:`review_panel` builds the ipywidgets table with a save button
(ipywidgets is imported only there). Saving appends the accepted rows to a user data file
through :func:`hy_analysis.extraction.append_rows`, so they are validated like any user file:
a row that fails is reported with its error and not written, and saving twice writes nothing
new.
"""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from . import paths, schema
from .exceptions import ParameterError

__all__ = ["Review", "SaveResult", "open_review", "highlight_html", "decide", "save",
           "source_row", "register_source", "source_panel", "review_panel", "SAMPLE",
           "EDITABLE", "DECISIONS"]

#: The sample report shipped with the data: our own sentences restating figures of Plan
#: 87/KH-UBND that data/ already holds, so its rows cite that plan's source id. The default
#: ``document`` of the review notebook, with its date.
SAMPLE = {"document": "samples/sample-report-2023.txt", "date": "2023-06-15",
          "source_id": "hy-kh87-2023"}
#: Candidate columns a reviewer may change.
EDITABLE = ("value_raw", "indicator", "kind", "period_start", "period_end", "measure", "unit",
            "breakdown")
DECISIONS = ("accept", "reject")

_TEXTS = {
    "vi": {"accept": "Nhận", "reject": "Bỏ", "save": "Lưu các dòng đã nhận",
           "decision": "Quyết định", "value_raw": "Số liệu (nguyên văn)", "indicator": "Chỉ tiêu",
           "kind": "Loại", "period_start": "Từ năm", "period_end": "Đến năm",
           "measure": "Thước đo", "sentence": "Câu", "candidates": "{n} số liệu đề xuất trong {doc}",
           "written": "Đã ghi {n} dòng vào {path}.", "already": "{n} dòng đã có sẵn trong tệp (không ghi lại).",
           "rejected": "{n} dòng không hợp lệ, không ghi:",
           "register": "Nguồn {sid!r} chưa được đăng ký: điền và ghi nguồn ở mục trên (hoặc thêm dòng sau vào {path}) rồi lưu lại:",
           "none": "Chưa nhận dòng nào.",
           "title": "Tiêu đề", "url": "Địa chỉ (URL)", "date": "Ngày", "language": "Ngôn ngữ",
           "register_button": "Ghi nguồn", "registered": "Đã ghi nguồn {sid!r} vào {path}.",
           "known": "Nguồn {sid!r} đã có trong {path}.",
           "source_problems": "Chưa ghi nguồn:"},
    "en": {"accept": "Accept", "reject": "Reject", "save": "Save the accepted rows",
           "decision": "Decision", "value_raw": "Figure (as written)", "indicator": "Indicator",
           "kind": "Kind", "period_start": "From", "period_end": "To", "measure": "Measure",
           "sentence": "Sentence", "candidates": "{n} candidate figures in {doc}",
           "written": "{n} row(s) written to {path}.",
           "already": "{n} row(s) already in the file (not written again).",
           "rejected": "{n} row(s) failed validation and were not written:",
           "register": "Source {sid!r} is not registered: fill in and register it above (or add this row to {path}), then save again:",
           "none": "No row accepted.",
           "title": "Title", "url": "Address (URL)", "date": "Date", "language": "Language",
           "register_button": "Register the source",
           "registered": "Source {sid!r} written to {path}.",
           "known": "Source {sid!r} is already in {path}.",
           "source_problems": "Source not registered:"},
}


def _texts(lang: str) -> dict:
    if lang not in _TEXTS:
        raise ParameterError(f"parameter 'lang': unknown value {lang!r}; valid choices: "
                             + ", ".join(_TEXTS))
    return _TEXTS[lang]


@dataclass
class Review:
    """One document under review.

    Attributes
    ----------
    document : Path
        The file read.
    text : str
        Its text (candidate offsets refer to it).
    candidates : pandas.DataFrame
        :func:`hy_analysis.extract` rows plus ``decision`` (``accept`` for rows with a known
        indicator, ``reject`` for the others).
    source_id, region, date, lang : str
    user_file : Path
        The user data file :func:`save` appends to.
    data_dir : Path
    """

    document: Path
    text: str
    candidates: pd.DataFrame = field(repr=False)
    source_id: str
    region: str
    date: str
    lang: str
    user_file: Path
    data_dir: Path

    def show_document(self):
        """Display the document with every candidate highlighted (IPython)."""
        from IPython.display import HTML, display

        display(HTML(highlight_html(self.text, self.candidates, lang=self.lang)))

    def source_panel(self):
        """The form registering this document as a source (see :func:`source_panel`)."""
        return source_panel(self)

    def panel(self):
        """The accept / reject / edit table with its save button (see :func:`review_panel`)."""
        return review_panel(self)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "document"


def open_review(document: str | Path = "", *, region: str = "Hưng Yên", date: str = "",
                source_id: str = "", user_data=None, lang: str = "vi",
                data_dir=None) -> Review:
    """Read a document and propose its candidates for review.

    Parameters
    ----------
    document : str or path
        A .txt, .html, .docx or .pdf file; empty: the sample report (:data:`SAMPLE`).
    region : str
        Region of figures that name none (a region of data/regions.csv).
    date : str
        The document's date, ``YYYY-MM-DD`` (empty: the sample's date, or none).
    source_id : str
        Id of the document in data/sources.csv (empty: the sample's id, or the file name).
    user_data : list of path, optional
        The first file is the one saved to; None: ``data/user/<source_id>.csv``.
    lang : {"vi", "en"}
    data_dir : path, optional

    Returns
    -------
    Review

    Raises
    ------
    DataFileError
        When the document cannot be read (naming the file).
    """
    from .extraction import extract, read_document

    _texts(lang)
    folder = paths.data_dir(data_dir)
    if not str(document).strip():
        document = folder / SAMPLE["document"]
        date = date or SAMPLE["date"]
        source_id = source_id or SAMPLE["source_id"]
    document = Path(document)
    source_id = source_id or _slug(document.stem)
    text = read_document(document)
    candidates = extract(text, region=region, date=date or None, source_id=source_id,
                         data_dir=folder)
    candidates["decision"] = ["accept" if c != "unknown" else "reject"
                              for c in candidates["indicator"]]
    user_file = Path(user_data[0]) if user_data else folder / "user" / f"{source_id}.csv"
    return Review(document, text, candidates, source_id, region, date, lang, user_file, folder)


def highlight_html(text: str, candidates: pd.DataFrame, *, lang: str = "vi") -> str:
    """The document as HTML with each candidate marked in place; every text escaped once.

    Parameters
    ----------
    text : str
        The document's text.
    candidates : pandas.DataFrame
        With ``char_start``, ``char_end``, ``indicator``, ``kind`` and the index shown as the
        row number.
    lang : {"vi", "en"}

    Returns
    -------
    str

    Examples
    --------
    >>> rows = pd.DataFrame({"char_start": [4], "char_end": [7], "indicator": ["x<y"],
    ...                      "kind": ["target"]})
    >>> highlight_html("a < 48% & b", rows).split(">", 1)[1]
    'a &lt; <mark class="hy-candidate" data-row="0" title="#0: x&lt;y (target)">#0 48%</mark> &amp; b</div>'
    """
    texts = _texts(lang)
    pieces, at = [], 0
    for number, row in candidates.sort_values("char_start").iterrows():
        start, end = int(row["char_start"]), int(row["char_end"])
        if start < at:
            continue  # overlapping candidates: the first one is marked
        title = f"#{number}: {row['indicator']} ({row['kind']})"
        css = "hy-candidate"
        # A number that reads both ways ("34,500") shows both readings, marked apart.
        ambiguous = re.search(r"number read in [^;]*; AMBIGUOUS: [^;]*", str(row.get("note", "")))
        if ambiguous:
            title += " — " + ambiguous.group(0)
            css += " hy-ambiguous"
        if row["indicator"] == "unknown" and row.get("indicator_text"):
            title += f" — {row['indicator_text']}"
        pieces.append(html.escape(text[at:start]))
        pieces.append(f'<mark class="{css}" data-row="{number}" title="{html.escape(title)}"'
                      + (' style="background: #ffb4a2"' if ambiguous else "")
                      + f">#{number} {html.escape(text[start:end])}</mark>")
        at = end
    pieces.append(html.escape(text[at:]))
    caption = html.escape(texts["candidates"].format(n=len(candidates), doc="").strip())
    return (f'<div class="hy-review-document" lang="{lang}" style="white-space: pre-wrap; '
            f'line-height: 1.6" aria-label="{caption}">' + "".join(pieces) + "</div>")


def decide(candidates: pd.DataFrame, decisions: Mapping[int, str] | None = None,
           edits: Mapping[int, Mapping[str, Any]] | None = None) -> pd.DataFrame:
    """The accepted candidates, with the reviewer's edits applied.

    Parameters
    ----------
    candidates : pandas.DataFrame
        Rows of a :class:`Review` (their ``decision`` column is the default).
    decisions : mapping of row -> {"accept", "reject"}, optional
    edits : mapping of row -> {column: value}, optional
        Columns of :data:`EDITABLE`.

    Returns
    -------
    pandas.DataFrame
        The accepted rows, in document order.

    Raises
    ------
    ParameterError
        For an unknown row, decision or column, naming it and the valid choices.
    """
    frame = candidates.copy()
    for number, decision in (decisions or {}).items():
        if number not in frame.index:
            raise ParameterError(f"decisions: no candidate row {number!r}; rows: "
                                 f"{', '.join(map(str, frame.index))}")
        if decision not in DECISIONS:
            raise ParameterError(f"decisions: row {number}: unknown decision {decision!r}; "
                                 f"valid choices: {', '.join(DECISIONS)}")
        frame.loc[number, "decision"] = decision
    for number, changes in (edits or {}).items():
        if number not in frame.index:
            raise ParameterError(f"edits: no candidate row {number!r}")
        for column, value in changes.items():
            if column not in EDITABLE:
                raise ParameterError(f"edits: row {number}: column {column!r} cannot be edited; "
                                     f"editable: {', '.join(EDITABLE)}")
            frame[column] = frame[column].astype(object)
            frame.at[number, column] = value
    return frame[frame["decision"] == "accept"].drop(columns="decision")


@dataclass
class SaveResult:
    """What :func:`save` did: rows written, rows already in the file, rows refused."""

    written: pd.DataFrame
    already: pd.DataFrame
    problems: list[str]
    path: Path
    unknown_source: bool = False

    def format(self, lang: str = "vi") -> str:
        """The result as HTML lines for the panel (every value escaped once)."""
        texts = _texts(lang)
        lines = []
        if self.written.empty and self.already.empty and not self.problems:
            lines.append(texts["none"])
        if len(self.written):
            lines.append(texts["written"].format(n=len(self.written), path=self.path))
        if len(self.already):
            lines.append(texts["already"].format(n=len(self.already)))
        out = [f"<p>{html.escape(line)}</p>" for line in lines]
        if self.problems:
            out.append(f"<p>{html.escape(texts['rejected'].format(n=len(self.problems)))}</p>")
            out.append("<ul class='hy-review-problems'>" + "".join(
                f"<li>{html.escape(p)}</li>" for p in self.problems) + "</ul>")
        return "\n".join(out)


def save(review: Review, accepted: pd.DataFrame) -> SaveResult:
    """Append the accepted rows to the review's user file, validated like any user file.

    Parameters
    ----------
    review : Review
    accepted : pandas.DataFrame
        From :func:`decide`.

    Returns
    -------
    SaveResult
        A row identical to one already in the file is counted in ``already`` and not written
        again (saving twice is harmless); a row that fails validation is in ``problems`` with
        its column, value and what was expected.
    """
    from .extraction import append_rows, to_target_rows
    from .loading import read_rows

    rows = to_target_rows(accepted, source_id=review.source_id, document=review.document.name,
                          data_dir=review.data_dir)
    existing = []
    if review.user_file.is_file() and review.user_file.read_text(encoding="utf-8-sig").strip():
        existing = read_rows(review.user_file, schema.TARGET_COLUMNS).rows
    saved = {tuple(r.get(c, "") or "" for c in schema.TARGET_COLUMNS) for r in existing}
    same = rows.apply(lambda r: tuple(r.fillna("")) in saved, axis=1) if len(rows) else \
        pd.Series([], dtype=bool)
    written, problems = append_rows(rows[~same], review.user_file, data_dir=review.data_dir)
    return SaveResult(written, rows[same], problems, review.user_file,
                      unknown_source=review.source_id not in _known_sources(review.data_dir))


def source_row(review: Review) -> dict[str, str]:
    """A row of data/sources.csv for the reviewed document (to register an unknown source).

    Returns
    -------
    dict
        Columns :data:`hy_analysis.schema.SOURCE_COLUMNS`; ``language`` from the document's
        number format, ``title`` from its first line.
    """
    from .extraction.figures import document_lang

    title = next((line.strip() for line in review.text.splitlines() if line.strip()), "")
    row = dict.fromkeys(schema.SOURCE_COLUMNS, "")
    row.update(id=review.source_id, title=title[:120], date=review.date,
               date_precision="day" if review.date else "", region=review.region,
               type="user document", file=review.document.name,
               language=document_lang(review.text) or "vi",
               note="registered for reviewed rows (hy-analysis review_extraction)")
    return row


def _known_sources(data_dir) -> dict[str, Path]:
    """Source id -> the sources file (bundled or the user's) that lists it."""
    from .loading import read_rows, user_sources_file

    known = {}
    for path in (paths.data_dir(data_dir) / "sources.csv", user_sources_file(data_dir)):
        if path.is_file():
            for r in read_rows(path, schema.SOURCE_COLUMNS).rows:
                known.setdefault(r.get("id", ""), path)
    return known


def register_source(review: Review, *, title: str | None = None, url: str = "",
                    date: str | None = None, language: str | None = None,
                    issuer: str = "") -> tuple[dict[str, str], Path, bool]:
    """Write the reviewed document's row into the user's sources file (created with its
    header), so that its saved rows validate and every notebook loading the data reads it.

    Parameters
    ----------
    review : Review
    title, url, date, language, issuer : str, optional
        The source row's fields; by default those of :func:`source_row` (its first line,
        the review's date, the language of its number format).

    Returns
    -------
    (dict, Path, bool)
        The row, the file that lists the source, and whether it was written now (False when
        the id was already registered there).

    Raises
    ------
    ParameterError
        When a field is invalid (the message names each column, value and what is expected).
    """
    from .loading import user_sources_file
    from .validation import check_source_row

    row = source_row(review)
    row.update({k: v.strip() for k, v in (("title", title), ("url", url), ("date", date),
                                           ("language", language), ("issuer", issuer))
                if v is not None and (v.strip() or k in ("url", "issuer"))})
    row["date_precision"] = {10: "day", 7: "month", 4: "year"}.get(len(row["date"]), "")
    problems = []
    check_source_row(row, lambda column, value, expected: problems.append(
        f"column {column!r}: value {value!r}: expected {expected}"))
    if problems:
        raise ParameterError(f"source {row['id']!r}: " + "; ".join(problems))
    known = _known_sources(review.data_dir)
    if row["id"] in known:
        return row, known[row["id"]], False
    target = user_sources_file(review.data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    new_file = not target.exists() or target.stat().st_size == 0
    with open(target, "a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(schema.SOURCE_COLUMNS))
        if new_file:
            writer.writeheader()
        writer.writerow(row)
    return row, target, True


def source_panel(review: Review):
    """An ipywidgets form for the document's source row (title, URL, date, language) with a
    button that registers it in the user's sources file (see :func:`register_source`).

    Returns
    -------
    ipywidgets.VBox
        With ``fields`` (a dict of the input widgets), ``register_button`` and ``result``.
    """
    import ipywidgets as w

    texts = _texts(review.lang)
    row = source_row(review)
    fields = {
        "title": w.Text(value=row["title"], description=texts["title"]),
        "url": w.Text(value=row["url"], description=texts["url"], placeholder="https://"),
        "date": w.Text(value=row["date"], description=texts["date"], placeholder="YYYY-MM-DD"),
        "language": w.Dropdown(options=list(schema.LANGUAGES), value=row["language"],
                               description=texts["language"]),
    }
    for widget in fields.values():
        widget.layout = w.Layout(width="40em")
        widget.style = {"description_width": "9em"}
    result = w.HTML()
    button = w.Button(description=texts["register_button"], icon="plus",
                      layout=w.Layout(width="auto"))

    def on_register(_):
        try:
            written_row, where, written = register_source(
                review, **{k: f.value for k, f in fields.items()})
        except ParameterError as error:
            result.value = (f"<p>{html.escape(texts['source_problems'])} "
                            f"{html.escape(str(error))}</p>")
            return
        message = texts["registered" if written else "known"]
        result.value = f"<p>{html.escape(message.format(sid=written_row['id'], path=where))}</p>"

    button.on_click(on_register)
    panel = w.VBox([*fields.values(), button, result])
    panel.add_class("hy-review-source")
    panel.fields, panel.register_button, panel.result = fields, button, result
    return panel


def _source_csv_line(row: Mapping[str, str]) -> str:
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([row[c] for c in schema.SOURCE_COLUMNS])
    return buffer.getvalue()


def review_panel(review: Review):
    """An ipywidgets table: one line per candidate (accept/reject, editable fields, sentence)
    and a save button that appends the accepted rows to ``review.user_file``.

    Parameters
    ----------
    review : Review

    Returns
    -------
    ipywidgets.VBox
        With ``rows`` (one HBox per candidate, in candidate order), ``save_button`` and
        ``result`` (an HTML widget) as attributes for scripts and tests.
    """
    import ipywidgets as w

    texts = _texts(review.lang)
    with open(review.data_dir / "indicators.csv", encoding="utf-8") as handle:
        codes = [r["code"] for r in csv.DictReader(handle)] + ["unknown"]
    layout = {"value_raw": "10em", "indicator": "12em", "kind": "5.5em", "period_start": "4.5em",
              "period_end": "4.5em", "measure": "11em"}
    header = w.HBox([w.HTML(f"<b>{html.escape(texts[k])}</b>",
                            layout=w.Layout(width=layout.get(k, "9.6em")))
                     for k in ("decision", *layout)])
    header.add_class("hy-review-header")
    rows, controls = [], {}
    for number, cand in review.candidates.iterrows():
        toggle = w.ToggleButtons(options=[(texts["accept"], "accept"),
                                          (texts["reject"], "reject")],
                                 value=cand["decision"], style={"button_width": "4.4em"},
                                 layout=w.Layout(width="9.6em", flex="0 0 auto"))
        fields = {
            "value_raw": w.Text(value=str(cand["value_raw"])),
            "indicator": w.Dropdown(options=codes, value=cand["indicator"]),
            "kind": w.Dropdown(options=list(schema.KINDS), value=cand["kind"]),
            "period_start": w.IntText(value=int(cand["period_start"])
                                      if pd.notna(cand["period_start"]) else 0),
            "period_end": w.IntText(value=int(cand["period_end"])
                                    if pd.notna(cand["period_end"]) else 0),
            "measure": w.Dropdown(options=list(dict.fromkeys([*schema.MEASURES,
                                                              cand["measure"]])),
                                  value=cand["measure"]),
        }
        for name, widget in fields.items():
            widget.layout = w.Layout(width=layout[name])
            widget.add_class(f"hy-review-{name.replace('_', '-')}")
        # The sentence on a line of its own under the fields, numbered like the highlight.
        sentence = w.HTML(f"<small>#{number} · {html.escape(str(cand['sentence'])[:240])}"
                          "</small>", layout=w.Layout(width="calc(100% - 10em)", margin="0 0 8px 9.8em"))
        for widget in fields.values():  # an edited row is one the reviewer wants
            widget.observe(lambda _, t=toggle: setattr(t, "value", "accept"), names="value")
        line = w.HBox([toggle, *fields.values(), sentence],
                      layout=w.Layout(flex_flow="row wrap", align_items="center"))
        line.add_class("hy-review-row")
        rows.append(line)
        controls[number] = (toggle, fields)
    result = w.HTML()
    result.add_class("hy-review-result")
    button = w.Button(description=texts["save"], button_style="primary", icon="save",
                      layout=w.Layout(width="auto"))
    button.add_class("hy-review-save")

    def on_save(_):
        decisions = {n: t.value for n, (t, _) in controls.items()}
        edits = {}
        for n, (_, fields) in controls.items():
            cand = review.candidates.loc[n]
            changed = {k: (f.value or None) if k.startswith("period") else f.value
                       for k, f in fields.items()
                       if str(f.value) != str(_as_int(cand[k]) if k.startswith("period")
                                              else cand[k])}
            if changed:
                edits[n] = changed
        outcome = save(review, decide(review.candidates, decisions, edits))
        extra = ""
        if outcome.problems and outcome.unknown_source:
            from .loading import user_sources_file

            message = texts["register"].format(sid=review.source_id,
                                               path=user_sources_file(review.data_dir))
            extra = (f"<p>{html.escape(message)}</p>"
                     f"<pre>{html.escape(_source_csv_line(source_row(review)))}</pre>")
        result.value = outcome.format(review.lang) + extra

    button.on_click(on_save)
    panel = w.VBox([header, *rows, button, result])
    panel.add_class("hy-review-panel")
    panel.rows, panel.save_button, panel.result = rows, button, result
    return panel


def _as_int(value) -> int:
    return int(value) if pd.notna(value) else 0
