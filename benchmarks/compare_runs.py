"""Compare two output trees of `hy-analysis run` (before/after a change): xlsx cell by cell
(values, links, bold, colours, number formats, column widths); html, ipynb (widget state
aside), manifests and the index with ids, times, durations and the package fingerprint masked.

Usage: ``python benchmarks/compare_runs.py OUT_BEFORE OUT_AFTER`` (prints what differs; the
count of differing files last).
"""
import json, re, sys
from pathlib import Path
from openpyxl import load_workbook

a, b = Path(sys.argv[1]), Path(sys.argv[2])
TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:?\d{2}|Z)?")
def mask(t):
    t = TIME.sub("<T>", t); t = re.sub(r"\d\d/\d\d/\d{4} \d\d:\d\d", "<T>", t)
    t = re.sub(r'"(duration|duration_s|kernel_start|imports|execute|html|end)": [0-9.e-]+', r'"\1": <N>', t)
    t = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<UUID>", t)
    t = re.sub(r"itables_[0-9a-f_]{36}", "itables_<ID>", t)
    t = re.sub(r'"id": "[0-9a-f]{8}"', '"id": "<CELLID>"', t)
    t = re.sub(r'id="cell-id=[0-9a-f]{8}"', 'id="cell-id=<CELLID>"', t)
    t = re.sub(r'"(execution|iopub|shell)\.[a-z_]+": "<T>"', r'"\1": "<T>"', t)
    t = re.sub(r'data-seconds=(\\?")[0-9.]+', r'data-seconds=\1<S>', t)
    t = re.sub(r'"(seconds|fingerprint|model_id)": ("?)[0-9a-f.]+', r'"\1": \2<X>', t)
    t = re.sub(r'\b(fingerprint|package_sha256)=[0-9a-f]+', r'\1=<X>', t)
    return t
def cells(p):
    wb = load_workbook(p)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = [(c.coordinate, c.value, c.hyperlink.target if c.hyperlink else None,
                          c.font.b, c.font.color.rgb if c.font and c.font.color else None,
                          c.number_format) for row in ws.iter_rows() for c in row]
        out[ws.title + "#dims"] = {k: v.width for k, v in ws.column_dimensions.items()}
    return out
diffs = 0; n = 0
for fa in sorted(a.rglob("*")):
    if fa.is_dir() or fa.name.startswith("."): continue
    fb = b / fa.relative_to(a); n += 1
    if not fb.exists(): print("missing", fb); diffs += 1; continue
    if fa.suffix == ".xlsx":
        ca, cb = cells(fa), cells(fb)
        if ca != cb: print("xlsx differ", fa.relative_to(a)); diffs += 1
        else: print("xlsx same", fa.relative_to(a), sum(len(v) for k, v in ca.items() if "#" not in k), "cells")
    elif fa.suffix in (".html", ".ipynb", ".json"):
        ta, tb = mask(fa.read_text()), mask(fb.read_text())
        if fa.name == "manifest.json":
            ja, jb = json.loads(fa.read_text()), json.loads(fb.read_text())
            for j in (ja, jb):
                for k in ("started", "finished", "duration_s", "timings_s", "versions"): j.pop(k, None)
                for c in j.get("cells", []): c.pop("duration_s", None)
                j.get("inputs", {}).pop("package_sha256", None)
            ta, tb = mask(json.dumps(ja, sort_keys=True, indent=0, ensure_ascii=False)), mask(json.dumps(jb, sort_keys=True, indent=0, ensure_ascii=False))
        if fa.suffix == ".ipynb":
            ja, jb = json.loads(fa.read_text()), json.loads(fb.read_text())
            for j in (ja, jb): j["metadata"].pop("widgets", None)
            ta, tb = mask(json.dumps(ja, sort_keys=True, indent=0, ensure_ascii=False)), mask(json.dumps(jb, sort_keys=True, indent=0, ensure_ascii=False))
        if fa.name == "index.html":
            ta, tb = "\n".join(sorted(re.split("</?section>", ta))), "\n".join(sorted(re.split("</?section>", tb)))
        if ta != tb:
            import difflib
            d = [l for l in difflib.unified_diff(ta.splitlines(), tb.splitlines(), lineterm="", n=0) if l[:1] in "+-" and l[:3] not in ("+++", "---")]
            print("differ", fa.relative_to(a), len(d), "lines;", *[x[:200] for x in d[:4]], sep="\n  "); diffs += 1
print(f"{n} files compared, {diffs} differ")
