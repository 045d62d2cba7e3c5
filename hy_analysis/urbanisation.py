"""Urbanisation targets: the rate path, percentage points per year, the urban-class ladder.

Pure analysis on the tidy frames of :func:`hy_analysis.load_targets` and
:func:`hy_analysis.load_urban_classes`. The data hold *targets* only: no measured provincial
urbanisation rate was found (public-figures.md), so a baseline, when wanted, is supplied by
the user (``baseline_year``, ``baseline_rate``).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .display import md_escape, source_name
from .exceptions import ParameterError
from .vocabulary import check_lang
from .parsing import format_number
from .schema import URBAN_CLASSES

__all__ = [
    "SCOPE_LABELS", "rate_targets", "measured_rates", "rate_envelope", "pp_per_year",
    "pp_from_baseline", "urban_class_ladder", "class_changes", "class_counts",
    "describe_rate_targets", "describe_pp_per_year", "describe_baseline",
    "describe_class_ladder", "describe_class_counts", "ladder_table", "rate_table",
    "render_urbanisation_view",
]

#: How each ``scope`` of urban_classes.csv is written, by language.
SCOPE_LABELS = {
    "vi": {"meets": "đạt", "basically_meets": "cơ bản đạt",
           "centre_basically_meets": "khu vực trung tâm cơ bản đạt",
           "whole_district": "toàn huyện đạt"},
    "en": {"meets": "meets", "basically_meets": "basically meets",
           "centre_basically_meets": "district centre basically meets",
           "whole_district": "whole district meets"},
}
#: Scopes describing the whole locality (the district centre alone is a partial statement).
WHOLE_SCOPES = ("meets", "basically_meets", "whole_district")
_RATE = "urbanisation_rate"


def _statement_kind(row) -> str:
    """``table``, ``text``, ``web`` or ``other`` from where in the source the figure stands."""
    locator = str(row["source_locator"]).lower()
    if locator.startswith("public-figures.md"):
        return "web"
    if "table" in locator:
        return "table"
    if "paragraph" in locator or "text" in locator:
        return "text"
    return "other"


def rate_targets(
    data: pd.DataFrame,
    *,
    region: str | None = None,
    years: Sequence[int] | None = None,
) -> pd.DataFrame:
    """Every urbanisation-rate target of ``region``, one row per statement.

    Parameters
    ----------
    data : DataFrame
        Tidy targets (:func:`hy_analysis.load_targets`).
    region : str, optional
        Keep one region.
    years : sequence of int, optional
        Keep targets for these end years (``period_end``).

    Returns
    -------
    DataFrame
        ``year``, ``low``, ``high`` (NaN for an open "above" figure), ``qualifier``,
        ``value_raw``, ``statement`` (``table``/``text``/``other``), ``source_id``,
        ``source_locator``, ``territory``, sorted by year and low.
    """
    rows = data[(data["indicator"].astype(str) == _RATE) & (data["kind"].astype(str) == "target")]
    if region is not None:
        rows = rows[rows["region"].astype(str) == region]
    rows = rows.assign(year=rows["period_end"].astype("int64") if len(rows) else
                       pd.Series(dtype="int64"))
    if years is not None:
        rows = rows[rows["year"].isin(list(years))]
    out = pd.DataFrame({
        "year": rows["year"].astype("int64"),
        "low": rows["low"].astype(float),
        "high": np.where(rows["qualifier"].astype(str) == "above", np.nan, rows["high"]),
        "qualifier": rows["qualifier"].astype(str),
        "value_raw": rows["value_raw"].astype(str),
        "statement": [_statement_kind(r) for _, r in rows.iterrows()],
        "source_id": rows["source_id"].astype(str),
        "source_locator": rows["source_locator"].astype(str),
        "territory": rows["territory"].astype(str),
    })
    out["high"] = out["high"].astype(float)
    return out.sort_values(["year", "low", "high"]).reset_index(drop=True)


def measured_rates(data: pd.DataFrame, *, region: str | None = None) -> pd.DataFrame:
    """Measured (``kind == "actual"``) urbanisation rates of ``region``; usually empty."""
    rows = data[(data["indicator"].astype(str) == _RATE) & (data["kind"].astype(str) == "actual")]
    if region is not None:
        rows = rows[rows["region"].astype(str) == region]
    return rows.reset_index(drop=True)


def rate_envelope(targets: pd.DataFrame) -> pd.DataFrame:
    """The range every statement for a year allows: lowest floor and highest stated ceiling.

    Parameters
    ----------
    targets : DataFrame
        From :func:`rate_targets`.

    Returns
    -------
    DataFrame
        One row per year: ``year``, ``low`` (smallest low), ``high`` (largest finite high;
        NaN when every statement is open, "above"), ``statements`` (count).
    """
    if targets.empty:
        return pd.DataFrame({"year": pd.Series(dtype="int64"), "low": pd.Series(dtype=float),
                             "high": pd.Series(dtype=float),
                             "statements": pd.Series(dtype="int64")})
    grouped = targets.groupby("year")
    out = pd.DataFrame({"low": grouped["low"].min(), "high": grouped["high"].max(),
                        "statements": grouped.size()}).reset_index()
    return out


def pp_per_year(envelope: pd.DataFrame, *, years: Sequence[int] | None = None) -> pd.DataFrame:
    """Percentage points per year needed between consecutive target years.

    ``pp_low`` goes from floor to floor, ``pp_high`` from ceiling to ceiling (NaN where a
    year has no ceiling).

    Parameters
    ----------
    envelope : DataFrame
        From :func:`rate_envelope`.
    years : sequence of int, optional
        Only these years (default: every year in ``envelope``).

    Returns
    -------
    DataFrame
        ``from_year``, ``to_year``, ``years``, ``from_low``, ``to_low``, ``from_high``,
        ``to_high``, ``pp_low``, ``pp_high``.

    Examples
    --------
    >>> env = pd.DataFrame({"year": [2025, 2030], "low": [48.0, 58.0], "high": [50.0, 60.0]})
    >>> pp_per_year(env)[["pp_low", "pp_high"]].iloc[0].tolist()
    [2.0, 2.0]
    """
    env = envelope if years is None else envelope[envelope["year"].isin(list(years))]
    env = env.sort_values("year").reset_index(drop=True)
    records = []
    for a, b in zip(env.iloc[:-1].itertuples(), env.iloc[1:].itertuples()):
        span = int(b.year) - int(a.year)
        records.append(dict(from_year=int(a.year), to_year=int(b.year), years=span,
                            from_low=a.low, to_low=b.low, from_high=a.high, to_high=b.high,
                            pp_low=(b.low - a.low) / span, pp_high=(b.high - a.high) / span))
    return pd.DataFrame.from_records(records, columns=[
        "from_year", "to_year", "years", "from_low", "to_low", "from_high", "to_high",
        "pp_low", "pp_high"])


def pp_from_baseline(
    envelope: pd.DataFrame,
    *,
    baseline_year: int | None,
    baseline_rate: float | None,
) -> pd.DataFrame:
    """Percentage points per year from a user-supplied measured rate to each later target.

    Parameters
    ----------
    envelope : DataFrame
        From :func:`rate_envelope`.
    baseline_year : int or None
        Year of the measured rate; None (no baseline) gives an empty frame.
    baseline_rate : float or None
        The measured urbanisation rate, %; None gives an empty frame.

    Returns
    -------
    DataFrame
        One row per target year after ``baseline_year``: ``to_year``, ``years``, ``to_low``,
        ``to_high``, ``pp_low``, ``pp_high`` (pp/yr to reach the floor / the ceiling),
        ``met_low`` (the baseline already reaches the floor).

    Raises
    ------
    ParameterError
        ``baseline_rate`` outside 0-100.
    """
    if baseline_year is None or baseline_rate is None:
        envelope = envelope.iloc[0:0]
        baseline_year, baseline_rate = 0, 0.0
    if not 0 <= baseline_rate <= 100:
        raise ParameterError(f"parameter 'baseline_rate': {baseline_rate!r} is outside the "
                             "allowed range 0 to 100")
    later = envelope[envelope["year"] > baseline_year].sort_values("year")
    years = later["year"].astype(int) - int(baseline_year)
    return pd.DataFrame({
        "to_year": later["year"].astype(int).to_numpy(), "years": years.to_numpy(),
        "to_low": later["low"].to_numpy(), "to_high": later["high"].to_numpy(),
        "pp_low": ((later["low"] - baseline_rate) / years).to_numpy(),
        "pp_high": ((later["high"] - baseline_rate) / years).to_numpy(),
        "met_low": (later["low"] <= baseline_rate).to_numpy(),
    })


def urban_class_ladder(
    classes: pd.DataFrame,
    *,
    region: str | None = None,
    regions: pd.DataFrame | None = None,
    years: Sequence[int] | None = None,
) -> pd.DataFrame:
    """The urban-class targets by locality and year, with a numeric rank (I = 1 highest).

    Parameters
    ----------
    classes : DataFrame
        From :func:`hy_analysis.load_urban_classes`.
    region : str, optional
        Keep the localities of this region; needs ``regions`` to map territories to regions.
    regions : DataFrame, optional
        From :func:`hy_analysis.load_regions`.
    years : sequence of int, optional

    Returns
    -------
    DataFrame
        ``locality``, ``locality_type``, ``year``, ``urban_class``, ``rank`` (1 for I ... 5
        for V), ``scope``, ``whole`` (the statement covers the whole locality),
        ``value_raw``, ``source_id``; localities in the order of the source.
    """
    rows = classes
    if region is not None:
        if regions is None:
            raise ParameterError("parameter 'regions': needed to select localities by region")
        territories = set(regions.loc[regions["region"] == region, "territory"])
        rows = rows[rows["territory"].astype(str).isin(territories)]
    if years is not None:
        rows = rows[rows["year"].isin(list(years))]
    order = {loc: i for i, loc in enumerate(dict.fromkeys(classes["locality"]))}
    out = pd.DataFrame({
        "locality": rows["locality"].astype(str),
        "locality_type": rows["locality_type"].astype(str),
        "year": rows["year"].astype("int64"),
        "urban_class": rows["urban_class"].astype(str),
        "rank": rows["urban_class"].astype(str).map(
            {c: i + 1 for i, c in enumerate(URBAN_CLASSES)}).astype("int64"),
        "scope": rows["scope"].astype(str),
        "whole": rows["scope"].astype(str).isin(WHOLE_SCOPES),
        "value_raw": rows["value_raw"].astype(str),
        "source_id": rows["source_id"].astype(str),
    })
    out = out.assign(_o=out["locality"].map(order)).sort_values(["_o", "year", "rank"])
    return out.drop(columns="_o").reset_index(drop=True)


def class_changes(ladder: pd.DataFrame) -> pd.DataFrame:
    """Each locality's class at its first and last year (whole-locality statements first).

    Returns
    -------
    DataFrame
        ``locality``, ``from_year``, ``from_class``, ``from_scope``, ``to_year``,
        ``to_class``, ``to_scope``, ``steps`` (classes climbed; NaN when the last year states
        no class for the locality).
    """
    if ladder.empty:
        return pd.DataFrame(columns=["locality", "from_year", "from_class", "from_scope",
                                     "to_year", "to_class", "to_scope", "steps"])
    first_year, last_year = int(ladder["year"].min()), int(ladder["year"].max())
    # A whole-locality statement describes the locality; a district-centre one is partial.
    main = ladder.sort_values(["whole", "rank"], ascending=[False, True])
    records = []
    for loc in dict.fromkeys(ladder["locality"]):
        rows = main[main["locality"] == loc]
        a = rows[rows["year"] == first_year]
        b = rows[rows["year"] == last_year]
        a = a.iloc[0] if len(a) else None
        b = b.iloc[0] if len(b) else None
        records.append(dict(
            locality=loc, from_year=first_year,
            from_class=a["urban_class"] if a is not None else None,
            from_scope=a["scope"] if a is not None else None,
            to_year=last_year, to_class=b["urban_class"] if b is not None else None,
            to_scope=b["scope"] if b is not None else None,
            steps=(a["rank"] - b["rank"]) if a is not None and b is not None else np.nan))
    return pd.DataFrame.from_records(records)


def class_counts(data: pd.DataFrame, *, region: str | None = None) -> pd.DataFrame:
    """Targets for the number of class IV and class V towns.

    Returns
    -------
    DataFrame
        ``year``, ``urban_class`` (``IV``/``V``), ``count``, ``value_raw``, ``source_id``.
    """
    codes = {"urban_class_iv_count": "IV", "urban_class_v_count": "V"}
    rows = data[data["indicator"].astype(str).isin(codes)]
    if region is not None:
        rows = rows[rows["region"].astype(str) == region]
    out = pd.DataFrame({
        "year": rows["period_end"].astype("int64"),
        "urban_class": rows["indicator"].astype(str).map(codes),
        "count": rows["value"].astype(float),
        "value_raw": rows["value_raw"].astype(str),
        "source_id": rows["source_id"].astype(str),
    })
    return out.sort_values(["year", "urban_class"]).reset_index(drop=True)


# --------------------------------------------------------------------------- findings text

def _pct(value: float, lang: str) -> str:
    return f"{format_number(value, lang=lang)} %"


def _pp(value: float, lang: str) -> str:
    unit = "điểm %/năm" if lang == "vi" else "pp/yr"
    return f"{format_number(value, lang=lang, decimals=2)} {unit}"


def _no_rates(region: str | None, lang: str) -> str:
    name = md_escape(region or "")
    return (f"**Không có mục tiêu tỷ lệ đô thị hóa cho {name}** trong dữ liệu." if lang == "vi"
            else f"**No urbanisation-rate targets for {name}** in the data.")


def _statement_word(kind: str, lang: str) -> str:
    return {"vi": {"table": "bảng mục tiêu", "text": "phần lời", "web": "trang web công khai",
                   "other": "nguồn khác"},
            "en": {"table": "target table", "text": "text", "web": "public web page",
                   "other": "other source"}}[lang][kind]


def describe_rate_targets(
    targets: pd.DataFrame,
    *,
    measured: pd.DataFrame | None = None,
    region: str | None = None,
    sources: pd.DataFrame | None = None,
    lang: str = "vi",
) -> str:
    """Markdown listing the rate targets by year and stating that no measured rate exists.

    Parameters
    ----------
    targets : DataFrame
        From :func:`rate_targets`.
    measured : DataFrame, optional
        From :func:`measured_rates`; when empty the text says the baseline must be supplied.
    region : str, optional
    sources : DataFrame, optional
        From :func:`hy_analysis.load_sources`, to name documents by number.
    lang : {"vi", "en"}
    """
    check_lang(lang)
    vi = lang == "vi"
    if targets.empty:
        return _no_rates(region, lang)
    lines = []
    for year, group in targets.groupby("year"):
        parts = [f"«{md_escape(r['value_raw'])}» ({_statement_word(r['statement'], lang)}, "
                 f"{md_escape(source_name(r['source_id'], sources))})" for _, r in group.iterrows()]
        lows = group["low"]
        lines.append(f"- **{int(year)}**: " + "; ".join(parts) +
                     (f" — mức sàn chung {_pct(lows.min(), lang)}." if vi else
                      f" — common floor {_pct(lows.min(), lang)}."))
    if measured is not None and measured.empty:
        lines.append(
            "\nDữ liệu **không có tỷ lệ đô thị hóa đo được** của tỉnh (public-figures.md: không "
            "tìm thấy số liệu công bố), nên mọi đường cơ sở là do người dùng nhập "
            "(`baseline_year`, `baseline_rate`)." if vi else
            "\nThe data hold **no measured provincial urbanisation rate** (public-figures.md: "
            "none was found), so any baseline is user-supplied (`baseline_year`, "
            "`baseline_rate`).")
    return "\n".join(lines)


def describe_pp_per_year(steps: pd.DataFrame, *, lang: str = "vi") -> str:
    """Markdown stating the percentage points per year between consecutive target years.

    Parameters
    ----------
    steps : DataFrame
        From :func:`pp_per_year`.
    lang : {"vi", "en"}
    """
    check_lang(lang)
    vi = lang == "vi"
    if steps.empty:
        return ("Cần ít nhất hai năm mục tiêu có số liệu để tính số điểm phần trăm mỗi năm."
                if vi else "At least two target years with figures are needed to compute "
                "percentage points per year.")
    lines = []
    for s in steps.to_dict("records"):
        high = ""
        if not np.isnan(s["pp_high"]):
            high = (f"; theo mức trần {_pct(s['from_high'], lang)} → {_pct(s['to_high'], lang)}: "
                    f"**{_pp(s['pp_high'], lang)}**" if vi else
                    f"; ceiling to ceiling {_pct(s['from_high'], lang)} → "
                    f"{_pct(s['to_high'], lang)}: **{_pp(s['pp_high'], lang)}**")
        lines.append(
            f"- {s['from_year']} → {s['to_year']} ({s['years']} năm): theo mức sàn "
            f"{_pct(s['from_low'], lang)} → {_pct(s['to_low'], lang)}: "
            f"**{_pp(s['pp_low'], lang)}**{high}." if vi else
            f"- {s['from_year']} → {s['to_year']} ({s['years']} years): floor to floor "
            f"{_pct(s['from_low'], lang)} → {_pct(s['to_low'], lang)}: "
            f"**{_pp(s['pp_low'], lang)}**{high}.")
    return "\n".join(lines)


def describe_baseline(
    steps: pd.DataFrame | None,
    *,
    baseline_year: int | None,
    baseline_rate: float | None,
    lang: str = "vi",
) -> str:
    """Markdown on the pace needed from the user's baseline, or why there is none.

    Parameters
    ----------
    steps : DataFrame or None
        From :func:`pp_from_baseline` (None when no baseline was given).
    baseline_year, baseline_rate : int, float or None
    lang : {"vi", "en"}
    """
    check_lang(lang)
    vi = lang == "vi"
    if baseline_year is None or baseline_rate is None or steps is None:
        return ("Chưa có đường cơ sở: dữ liệu không có tỷ lệ đo được; đặt `baseline_year` và "
                "`baseline_rate` để so sánh." if vi else
                "No baseline: the data hold no measured rate; set `baseline_year` and "
                "`baseline_rate` to compare.")
    head = (f"Từ tỷ lệ cơ sở do người dùng nhập **{_pct(baseline_rate, lang)} năm "
            f"{baseline_year}** (không phải số liệu trong dữ liệu):" if vi else
            f"From the user-supplied baseline **{_pct(baseline_rate, lang)} in "
            f"{baseline_year}** (not a figure of the data):")
    if steps.empty:
        return head + (" không có năm mục tiêu nào sau năm cơ sở." if vi else
                       " no target year after the baseline year.")
    lines = [head]
    for s in steps.to_dict("records"):
        high = "" if np.isnan(s["pp_high"]) else (
            f", tới mức trần {_pct(s['to_high'], lang)}: {_pp(s['pp_high'], lang)}" if vi else
            f", to the ceiling {_pct(s['to_high'], lang)}: {_pp(s['pp_high'], lang)}")
        met = (" (đã đạt mức sàn)" if vi else " (floor already reached)") if s["met_low"] else ""
        lines.append(
            f"- tới {s['to_year']} ({s['years']} năm), mức sàn {_pct(s['to_low'], lang)}: "
            f"**{_pp(s['pp_low'], lang)}**{met}{high}." if vi else
            f"- to {s['to_year']} ({s['years']} years), floor {_pct(s['to_low'], lang)}: "
            f"**{_pp(s['pp_low'], lang)}**{met}{high}.")
    return "\n".join(lines)


def describe_class_ladder(changes: pd.DataFrame, ladder: pd.DataFrame, *,
                          region: str | None = None, lang: str = "vi") -> str:
    """Markdown describing each locality's climb on the urban-class ladder.

    Parameters
    ----------
    changes : DataFrame
        From :func:`class_changes`.
    ladder : DataFrame
        From :func:`urban_class_ladder` (for partial, district-centre statements).
    region : str, optional
    lang : {"vi", "en"}
    """
    check_lang(lang)
    vi = lang == "vi"
    if changes.empty:
        return (f"**Không có mục tiêu loại đô thị theo địa phương cho {md_escape(region or '')}**"
                " trong dữ liệu." if vi else
                f"**No urban-class targets by locality for {md_escape(region or '')}** in the "
                "data.")
    scope = SCOPE_LABELS[lang]
    lines = []
    for c in changes.to_dict("records"):
        c = {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in c.items()}
        loc = md_escape(c["locality"])
        a = (f"loại {c['from_class']} ({scope[c['from_scope']]})" if vi else
             f"class {c['from_class']} ({scope[c['from_scope']]})") if c["from_class"] else "–"
        b = (f"loại {c['to_class']} ({scope[c['to_scope']]})" if vi else
             f"class {c['to_class']} ({scope[c['to_scope']]})") if c["to_class"] else (
            "không nêu" if vi else "not stated")
        steps = "" if c["steps"] is None else (
            f" — lên {int(c['steps'])} hạng" if vi else f" — up {int(c['steps'])} class(es)")
        partial = ladder[(ladder["locality"] == c["locality"]) & ~ladder["whole"]]
        extra = "".join(
            (f"; {p['year']}: {scope[p['scope']]} loại {p['urban_class']}" if vi else
             f"; {p['year']}: {scope[p['scope']]} class {p['urban_class']}")
            for p in partial.to_dict("records"))
        lines.append(f"- {loc}: {c['from_year']} {a} → {c['to_year']} {b}{steps}{extra}.")
    climbed = changes["steps"].dropna()
    if len(climbed):
        low, high = (format_number(v, lang=lang) for v in (climbed.min(), climbed.max()))
        span = low if low == high else f"{low}–{high}"
        lines.append(
            f"\n{len(climbed)}/{len(changes)} địa phương có mục tiêu cho cả hai mốc; mỗi địa "
            f"phương lên {span} hạng (loại I là cao nhất)." if vi else
            f"\n{len(climbed)} of {len(changes)} localities have targets at both dates; each "
            f"climbs {span} class(es) (class I is the highest).")
    return "\n".join(lines)


def describe_class_counts(counts: pd.DataFrame, *, region: str | None = None,
                          lang: str = "vi") -> str:
    """Markdown stating the targeted numbers of class IV and class V towns by year."""
    check_lang(lang)
    vi = lang == "vi"
    if counts.empty:
        return (f"Không có mục tiêu số đô thị loại IV, V cho {md_escape(region or '')}." if vi
                else f"No targets for the number of class IV and V towns for "
                f"{md_escape(region or '')}.")
    lines = []
    for year, group in counts.groupby("year"):
        parts = [(f"{format_number(r['count'], lang=lang)} đô thị loại {r['urban_class']}" if vi
                  else f"{format_number(r['count'], lang=lang)} class {r['urban_class']} towns")
                 for _, r in group.iterrows()]
        missing = [c for c in ("IV", "V") if c not in set(group["urban_class"])]
        note = ("" if not missing else
                (f" (không nêu số đô thị loại {', '.join(missing)})" if vi else
                 f" (no figure for class {', '.join(missing)})"))
        lines.append(f"- **{year}**: " + ", ".join(parts) + note + ".")
    return "\n".join(lines)


def rate_table(targets: pd.DataFrame, *, sources: pd.DataFrame | None = None,
               lang: str = "vi") -> pd.DataFrame:
    """A readable table of :func:`rate_targets` (headers in ``lang``)."""
    check_lang(lang)
    vi = lang == "vi"
    return pd.DataFrame({
        ("Năm" if vi else "Year"): targets["year"],
        ("Số liệu gốc" if vi else "As written"): targets["value_raw"],
        ("Mức sàn (%)" if vi else "Floor (%)"): targets["low"],
        ("Mức trần (%)" if vi else "Ceiling (%)"): targets["high"],
        ("Vị trí" if vi else "Where"): [_statement_word(s, lang) for s in targets["statement"]],
        ("Nguồn" if vi else "Source"): [source_name(s, sources) for s in targets["source_id"]],
    })


def ladder_table(ladder: pd.DataFrame, *, lang: str = "vi") -> pd.DataFrame:
    """The ladder as locality × year, cells like ``II (đạt)`` (a heat-map table's text)."""
    check_lang(lang)
    scope = SCOPE_LABELS[lang]
    if ladder.empty:
        return pd.DataFrame()
    cells = ladder.assign(text=[f"{c} ({scope[s]})" for c, s in
                                zip(ladder["urban_class"], ladder["scope"])])
    wide = cells.groupby(["locality", "year"], sort=False)["text"].agg("; ".join).unstack()
    wide = wide.reindex(list(dict.fromkeys(ladder["locality"]))).fillna(
        "–" if lang == "vi" else "–")
    wide.columns = [str(c) for c in wide.columns]
    wide.index.name = "Địa phương" if lang == "vi" else "Locality"
    return wide.reset_index()


# --------------------------------------------------------------------------- widget view

def render_urbanisation_view(values: dict, *, targets: pd.DataFrame,
                             sources: pd.DataFrame | None = None) -> None:
    """Draw the rate-path chart and the pace table for one parameter set (filter panel).

    Unlike the rest of this module this function displays: it is the ``render`` callback of
    :func:`hy_analysis.widgets.filter_panel`.

    Parameters
    ----------
    values : dict
        Validated ``urbanisation`` parameters (``region``, ``target_years``,
        ``baseline_year``, ``baseline_rate``, ``lang``).
    targets : DataFrame
        Tidy targets.
    sources : DataFrame, optional
        For the source line.
    """
    from .display import show_chart, show_markdown, show_table
    from .plotting import plot_urbanisation_path

    lang = values.get("lang", "vi")
    found = rate_targets(targets, region=values["region"], years=values["target_years"])
    if found.empty:
        show_markdown(_no_rates(values["region"], lang))
        return
    env = rate_envelope(found)
    base = None
    if values.get("baseline_year") is not None and values.get("baseline_rate") is not None:
        base = (values["baseline_year"], values["baseline_rate"])
    show_chart(plot_urbanisation_path(found, baseline_year=values.get("baseline_year"),
                                      baseline_rate=values.get("baseline_rate"),
                                      sources=sources, lang=lang))
    show_markdown(describe_pp_per_year(pp_per_year(env), lang=lang))
    if base is not None:
        show_markdown(describe_baseline(
            pp_from_baseline(env, baseline_year=base[0], baseline_rate=base[1]),
            baseline_year=base[0], baseline_rate=base[1], lang=lang))
    show_table(rate_table(found, sources=sources, lang=lang))
