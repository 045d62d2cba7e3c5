"""Foreign direct investment (FDI) stock by investor country: pure analysis on tidy frames.

The FDI figures are *stock snapshots*: cumulative valid projects (``fdi_projects``) and
registered capital (``fdi_capital``) at a date (``as_of``), in total and for some investor
countries (``breakdown``), plus the stated capital share of a country (``fdi_capital_share``).
A snapshot is one ``as_of`` date of one source for one territory; figures of two sources are
never combined, and the merged province (from 2025-07-01) is never joined silently to the old
one.

Every function takes the tidy frame of :func:`hy_analysis.load_targets` (or a frame derived
from it here) first, options keyword-only, and returns a new frame or Markdown text.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

import numpy as np
import pandas as pd

from .display import md_escape, source_name
from .exceptions import ParameterError
from .vocabulary import check_lang
from .parsing import format_number

__all__ = [
    "FDI_INDICATORS", "NAMED_COUNTRIES", "country_label", "other_label", "snapshot_label",
    "fdi_rows", "fdi_snapshots", "projects_by_country", "other_countries_remainder",
    "capital_by_country", "capital_coverage", "snapshot_disagreements",
    "describe_fdi_totals", "describe_projects_by_country", "describe_capital",
    "describe_disagreements", "fdi_table", "render_fdi_view",
]

FDI_INDICATORS = ("fdi_projects", "fdi_capital", "fdi_capital_share")
#: Investor countries the sources name; "other countries" is the total minus all of them.
NAMED_COUNTRIES = ("Japan", "Korea", "China")
OTHER = "Other"

_COUNTRY = {
    "vi": {"Japan": "Nhật Bản", "Korea": "Hàn Quốc", "China": "Trung Quốc"},
    "en": {"Japan": "Japan", "Korea": "Korea", "China": "China"},
}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")
_SNAPSHOT_COLUMNS = ["snapshot", "as_of", "source_id", "territory", "merged", "year",
                     "total_projects", "total_capital", "capital_qualifier", "order"]


def country_label(country: str, *, lang: str = "vi") -> str:
    """The name of an investor country in ``lang`` (``"Japan"`` -> ``"Nhật Bản"``).

    The derived remainder ``"Other"`` is labelled as computed.
    """
    check_lang(lang)
    if country == OTHER:
        return other_label(lang=lang)
    return _COUNTRY[lang].get(country, country)


def other_label(*, lang: str = "vi") -> str:
    """Label of the derived "other countries" remainder, marked as computed."""
    check_lang(lang)
    return "Nước khác (tính toán)" if lang == "vi" else "Other countries (computed)"


def _as_of_bounds(as_of: str) -> tuple[date, date]:
    """First and last day an ``as_of`` of precision year, month or day can mean."""
    parts = [int(p) for p in as_of.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        start = date(parts[0], parts[1], 1)
        end = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return start, date.fromordinal(end.toordinal() - 1)
    day = date(*parts)
    return day, day


def snapshot_label(as_of: str, *, lang: str = "vi") -> str:
    """Write a snapshot date in ``lang``: ``2024-06-20`` -> ``20/06/2024`` or ``20 Jun 2024``.

    A year-only date stays ``2024``; a month becomes ``01/2024`` or ``Jan 2024``.
    """
    check_lang(lang)
    parts = as_of.split("-")
    if len(parts) == 1:
        return as_of
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}" if lang == "vi" else \
            f"{_MONTHS_EN[int(parts[1]) - 1]} {parts[0]}"
    return f"{parts[2]}/{parts[1]}/{parts[0]}" if lang == "vi" else \
        f"{int(parts[2])} {_MONTHS_EN[int(parts[1]) - 1]} {parts[0]}"


def fdi_rows(data: pd.DataFrame, *, region: str | None = None) -> pd.DataFrame:
    """The FDI stock rows (projects, capital, capital share) of ``region``.

    Parameters
    ----------
    data : DataFrame
        Tidy targets (:func:`hy_analysis.load_targets`).
    region : str, optional
        Keep one region (``region`` column); every region by default.

    Returns
    -------
    DataFrame
        The matching rows with a snapshot key ``snapshot`` (``as_of|source_id|territory``)
        and ``merged`` (True for the territory formed on 2025-07-01).
    """
    rows = data[data["indicator"].astype(str).isin(FDI_INDICATORS)
                & data["as_of"].astype(str).ne("")]
    if region is not None:
        rows = rows[rows["region"].astype(str) == region]
    rows = rows.copy()
    rows["as_of"] = rows["as_of"].astype(str)
    rows["territory"] = rows["territory"].astype(str)
    rows["source_id"] = rows["source_id"].astype(str)
    rows["indicator"] = rows["indicator"].astype(str)
    rows["breakdown"] = rows["breakdown"].fillna("").astype(str)
    rows["snapshot"] = rows["as_of"] + "|" + rows["source_id"] + "|" + rows["territory"]
    rows["merged"] = rows["territory"].str.contains("merged")
    return rows.reset_index(drop=True)


def fdi_snapshots(data: pd.DataFrame, *, region: str | None = None) -> pd.DataFrame:
    """One row per FDI snapshot (date, source, territory), in time order.

    Snapshots are ordered by the year of ``as_of``, then by total projects (stock only grows,
    so within a year the count places an imprecisely dated snapshot such as "early 2024"),
    then by the date itself.

    Parameters
    ----------
    data : DataFrame
        Tidy targets.
    region : str, optional
        Keep one region.

    Returns
    -------
    DataFrame
        Columns ``snapshot``, ``as_of``, ``source_id``, ``territory``, ``merged``, ``year``,
        ``total_projects``, ``total_capital`` (USD, the stated bound for "over"),
        ``capital_qualifier`` and ``order`` (0, 1, ...). Empty when there is no FDI figure.

    Examples
    --------
    >>> fdi_snapshots(load_targets(), region="Hưng Yên")["total_projects"].tolist()
    ... # doctest: +SKIP
    [543.0, 550.0, 578.0, 622.0, 904.0]
    """
    rows = fdi_rows(data, region=region)
    if rows.empty:
        return pd.DataFrame(columns=_SNAPSHOT_COLUMNS)
    totals = rows[rows["breakdown"] == ""]
    keys = rows.drop_duplicates("snapshot")[["snapshot", "as_of", "source_id", "territory",
                                            "merged"]]
    projects = totals[totals["indicator"] == "fdi_projects"].set_index("snapshot")["value"]
    capital = totals[totals["indicator"] == "fdi_capital"].set_index("snapshot")
    out = keys.assign(
        year=keys["as_of"].str[:4].astype(int),
        total_projects=keys["snapshot"].map(projects).astype(float),
        total_capital=keys["snapshot"].map(capital["value"]).astype(float),
        capital_qualifier=[str(capital["qualifier"].get(k, "")) for k in keys["snapshot"]],
    )
    out = out.sort_values(["year", "total_projects", "as_of"], na_position="last")
    out["order"] = np.arange(len(out))
    return out[_SNAPSHOT_COLUMNS].reset_index(drop=True)


def other_countries_remainder(
    data: pd.DataFrame,
    *,
    indicator: str = "fdi_projects",
    region: str | None = None,
    named: Sequence[str] = NAMED_COUNTRIES,
) -> pd.DataFrame:
    """The "other countries" remainder (total minus the named countries), per snapshot.

    The remainder is computed only where one source gives, for the same date and territory,
    the total and every country in ``named``, all as exact figures ("over"/"about" bounds
    cannot be subtracted). Otherwise ``value`` is NaN and ``reason`` says why; figures of two
    sources are never mixed, because a snapshot is one source's figures.

    Parameters
    ----------
    data : DataFrame
        Tidy targets.
    indicator : {"fdi_projects", "fdi_capital"}
    region : str, optional
    named : sequence of str
        The countries subtracted from the total.

    Returns
    -------
    DataFrame
        One row per snapshot: ``snapshot``, ``as_of``, ``source_id``, ``territory``,
        ``merged``, ``country`` (``"Other"``), ``value``, ``derived`` (True), ``reason``
        (empty when computed).
    """
    if indicator not in ("fdi_projects", "fdi_capital"):
        raise ParameterError(f"parameter 'indicator': unknown value {indicator!r}; "
                             "valid choices: fdi_projects, fdi_capital")
    rows = fdi_rows(data, region=region)
    rows = rows[rows["indicator"] == indicator]
    records = []
    for snap, group in rows.groupby("snapshot", sort=False):
        first = group.iloc[0]
        by = group.set_index("breakdown")
        total = by.loc[""] if "" in by.index else None
        missing = [c for c in named if c not in by.index]
        value, reason = np.nan, ""
        if group["source_id"].nunique() > 1:
            reason = "figures from more than one source"
        elif total is None:
            reason = "no total"
        elif missing:
            reason = "no figure for " + ", ".join(missing)
        else:
            parts = [total] + [by.loc[c] for c in named]
            inexact = [p.name or "total" for p in parts if str(p["qualifier"]) != "exact"]
            if inexact:
                reason = "not exact: " + ", ".join(inexact)
            else:
                value = float(total["value"]) - sum(float(by.loc[c]["value"]) for c in named)
        records.append(dict(snapshot=snap, as_of=first["as_of"], source_id=first["source_id"],
                            territory=first["territory"], merged=bool(first["merged"]),
                            country=OTHER, value=value, derived=True, reason=reason))
    return pd.DataFrame.from_records(
        records, columns=["snapshot", "as_of", "source_id", "territory", "merged", "country",
                          "value", "derived", "reason"])


def _in_country_order(frame: pd.DataFrame, countries: Sequence[str]) -> pd.DataFrame:
    """Rows in snapshot order, then in the order of ``countries`` with "other" last."""
    rank = {c: i for i, c in enumerate([*countries, OTHER])}
    return frame.assign(_rank=frame["country"].map(rank)).sort_values(["order", "_rank"])


def projects_by_country(
    data: pd.DataFrame,
    *,
    region: str | None = None,
    countries: Sequence[str] = NAMED_COUNTRIES,
    include_other: bool = True,
) -> pd.DataFrame:
    """Projects by investor country at each snapshot, with their share of all FDI projects.

    Parameters
    ----------
    data : DataFrame
        Tidy targets.
    region : str, optional
    countries : sequence of str
        Investor countries shown (``breakdown`` values).
    include_other : bool
        Add "other countries" (total minus Japan, Korea and China), marked ``derived``,
        where :func:`other_countries_remainder` can compute it.

    Returns
    -------
    DataFrame
        One row per snapshot and country: ``snapshot``, ``order``, ``as_of``, ``source_id``,
        ``territory``, ``merged``, ``country``, ``projects``, ``total_projects``,
        ``share`` (% of the snapshot's total projects), ``derived``.

    Examples
    --------
    >>> projects_by_country(load_targets(), countries=["Japan"])  # doctest: +SKIP
    """
    snaps = fdi_snapshots(data, region=region)
    rows = fdi_rows(data, region=region)
    rows = rows[(rows["indicator"] == "fdi_projects") & rows["breakdown"].isin(countries)]
    parts = [rows.assign(country=rows["breakdown"], projects=rows["value"], derived=False)]
    if include_other:
        other = other_countries_remainder(data, region=region)
        other = other[other["value"].notna()]
        parts.append(other.assign(projects=other["value"]))
    columns = ["snapshot", "country", "projects", "derived"]
    long = pd.concat([p[columns] for p in parts if not p.empty] or
                     [pd.DataFrame(columns=columns)], ignore_index=True)
    out = long.merge(snaps, on="snapshot", how="inner")
    out["projects"] = out["projects"].astype(float)
    out["share"] = 100 * out["projects"] / out["total_projects"]
    out["derived"] = out["derived"].astype(bool)
    out = _in_country_order(out, countries)
    return out[["snapshot", "order", "as_of", "source_id", "territory", "merged", "country",
                "projects", "total_projects", "share", "derived"]].reset_index(drop=True)


def capital_by_country(
    data: pd.DataFrame,
    *,
    region: str | None = None,
    countries: Sequence[str] = NAMED_COUNTRIES,
    include_other: bool = True,
) -> pd.DataFrame:
    """Registered capital by investor country, where a snapshot gives it.

    Parameters
    ----------
    data : DataFrame
        Tidy targets.
    region : str, optional
    countries : sequence of str
    include_other : bool
        Add the derived "other countries" capital where every figure is exact.

    Returns
    -------
    DataFrame
        ``snapshot``, ``order``, ``as_of``, ``source_id``, ``territory``, ``merged``,
        ``country``, ``capital`` (USD), ``qualifier`` (``above`` for "over ..."),
        ``stated_share`` (% of total capital as stated, NaN when not stated),
        ``computed_share`` (capital / total capital when both are exact), ``derived``.
    """
    snaps = fdi_snapshots(data, region=region)
    rows = fdi_rows(data, region=region)
    cap = rows[(rows["indicator"] == "fdi_capital") & rows["breakdown"].isin(countries)]
    share = rows[(rows["indicator"] == "fdi_capital_share") & rows["breakdown"].isin(countries)]
    share = share.set_index(["snapshot", "breakdown"])["value"]
    out = cap.assign(country=cap["breakdown"], capital=cap["value"],
                     qualifier=cap["qualifier"].astype(str), derived=False)
    out["stated_share"] = [share.get((s, c), np.nan) for s, c in zip(out["snapshot"],
                                                                     out["country"])]
    columns = ["snapshot", "country", "capital", "qualifier", "stated_share", "derived"]
    parts = [out[columns]]
    if include_other:
        other = other_countries_remainder(data, indicator="fdi_capital", region=region)
        other = other[other["value"].notna()]
        parts.append(other.assign(capital=other["value"], qualifier="exact",
                                  stated_share=np.nan)[columns])
    long = pd.concat([p for p in parts if not p.empty] or [pd.DataFrame(columns=columns)],
                     ignore_index=True)
    result = long.merge(snaps, on="snapshot", how="inner")
    exact = (result["qualifier"] == "exact") & (result["capital_qualifier"] == "exact")
    result["capital"] = result["capital"].astype(float)
    result["computed_share"] = np.where(exact, 100 * result["capital"]
                                        / result["total_capital"], np.nan)
    result["derived"] = result["derived"].astype(bool)
    result = _in_country_order(result, countries)
    return result[["snapshot", "order", "as_of", "source_id", "territory", "merged", "country",
                   "capital", "qualifier", "stated_share", "computed_share",
                   "derived"]].reset_index(drop=True)


def capital_coverage(
    data: pd.DataFrame,
    *,
    region: str | None = None,
    countries: Sequence[str] = NAMED_COUNTRIES,
) -> pd.DataFrame:
    """Which snapshots give registered capital for which of ``countries``.

    Returns
    -------
    DataFrame
        One row per snapshot (time order): ``snapshot``, ``as_of``, ``source_id``,
        ``territory``, ``merged``, ``with_capital`` (list of countries), ``without_capital``
        (list), ``coverage`` (``"all"``, ``"some"`` or ``"none"``).
    """
    snaps = fdi_snapshots(data, region=region)
    rows = fdi_rows(data, region=region)
    cap = rows[(rows["indicator"] == "fdi_capital") & rows["breakdown"].isin(countries)]
    given = cap.groupby("snapshot")["breakdown"].agg(set)
    out = snaps[["snapshot", "as_of", "source_id", "territory", "merged"]].copy()
    out["with_capital"] = [[c for c in countries if c in given.get(s, set())]
                           for s in out["snapshot"]]
    out["without_capital"] = [[c for c in countries if c not in given.get(s, set())]
                              for s in out["snapshot"]]
    out["coverage"] = ["all" if not w else ("none" if not h else "some")
                       for h, w in zip(out["with_capital"], out["without_capital"])]
    return out.reset_index(drop=True)


def snapshot_disagreements(data: pd.DataFrame, *, region: str | None = None) -> pd.DataFrame:
    """Pairs of total-project figures from different sources that cannot be told apart in time.

    Two snapshots of the same territory from different sources disagree when their dates
    overlap (e.g. a year-only "2024" and "2024-01") and their totals differ: the data cannot
    say which figure is the later one, so both are shown.

    Returns
    -------
    DataFrame
        ``snapshot_a``, ``as_of_a``, ``source_a``, ``projects_a``, ``japan_a`` and the same
        for ``b``, ``difference`` (a − b), sorted by the absolute difference.
    """
    snaps = fdi_snapshots(data, region=region)
    rows = fdi_rows(data, region=region)
    japan = rows[(rows["indicator"] == "fdi_projects") & (rows["breakdown"] == "Japan")]
    japan = japan.set_index("snapshot")["value"]
    records = []
    items = list(snaps.itertuples(index=False))
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.territory != b.territory or a.source_id == b.source_id:
                continue
            (a0, a1), (b0, b1) = _as_of_bounds(a.as_of), _as_of_bounds(b.as_of)
            overlap = a0 <= b1 and b0 <= a1
            if not overlap or a.total_projects == b.total_projects \
                    or np.isnan(a.total_projects) or np.isnan(b.total_projects):
                continue
            # "x" is the less precise date (the one that cannot be placed).
            x, y = (b, a) if (a1 - a0) < (b1 - b0) else (a, b)
            records.append(dict(
                snapshot_a=x.snapshot, as_of_a=x.as_of, source_a=x.source_id,
                projects_a=x.total_projects, japan_a=japan.get(x.snapshot, np.nan),
                snapshot_b=y.snapshot, as_of_b=y.as_of, source_b=y.source_id,
                projects_b=y.total_projects, japan_b=japan.get(y.snapshot, np.nan),
                difference=x.total_projects - y.total_projects))
    out = pd.DataFrame.from_records(records, columns=[
        "snapshot_a", "as_of_a", "source_a", "projects_a", "japan_a", "snapshot_b", "as_of_b",
        "source_b", "projects_b", "japan_b", "difference"])
    return out.iloc[out["difference"].abs().argsort()].reset_index(drop=True)


# --------------------------------------------------------------------------- findings text

def _source_name(source_id: str, sources: pd.DataFrame | None) -> str:
    """The outlet of a source (FDI figures are named by who published them)."""
    return source_name(source_id, sources, number=False)


def _document_kind(source_id: str, sources: pd.DataFrame | None, *, lang: str) -> str:
    """" — news document" for one of the source documents (a ``file``), else ""."""
    if sources is None or source_id not in set(sources["id"]):
        return ""
    row = sources.set_index("id").loc[source_id]
    if not str(row["file"]):
        return ""
    kind = {"vi": {"news": "bản tin", "plan": "kế hoạch", "resolution": "nghị quyết",
                   "report": "báo cáo"},
            "en": {"news": "news", "plan": "plan", "resolution": "resolution",
                   "report": "report"}}[lang].get(str(row["type"]), "")
    return (f" — tài liệu nguồn ({kind} {row['date']})" if lang == "vi" else
            f" — source document ({kind}, {row['date']})")


def _usd_bn(value: float, qualifier: str, *, lang: str) -> str:
    words = {"vi": {"above": "hơn ", "about": "khoảng ", "below": "dưới "},
             "en": {"above": "over ", "about": "about ", "below": "under "}}
    unit = "tỷ USD" if lang == "vi" else "bn USD"
    return f"{words[lang].get(qualifier, '')}{format_number(value / 1e9, lang=lang)} {unit}"


def _when(snapshot_row, *, lang: str, sources: pd.DataFrame | None) -> str:
    return (f"{snapshot_label(snapshot_row['as_of'], lang=lang)}, "
            f"{md_escape(_source_name(snapshot_row['source_id'], sources))}")


def _no_fdi(region: str | None, lang: str) -> str:
    name = md_escape(region or "")
    return (f"**Không có số liệu FDI cho {name}** trong dữ liệu: không có số dự án hay vốn "
            "đăng ký theo ngày chốt số liệu." if lang == "vi" else
            f"**No FDI figures for {name}** in the data: no project counts or registered "
            "capital at a snapshot date.")


def describe_fdi_totals(
    snapshots: pd.DataFrame,
    *,
    region: str | None = None,
    sources: pd.DataFrame | None = None,
    lang: str = "vi",
) -> str:
    """Findings on total FDI projects and capital over time, as Markdown.

    Parameters
    ----------
    snapshots : DataFrame
        From :func:`fdi_snapshots`.
    region : str, optional
        Named when there are no figures.
    sources : DataFrame, optional
        From :func:`hy_analysis.load_sources`, to name the sources.
    lang : {"vi", "en"}

    Returns
    -------
    str
    """
    check_lang(lang)
    if snapshots.empty:
        return _no_fdi(region, lang)
    vi = lang == "vi"
    lines = []
    old = snapshots[~snapshots["merged"]]
    new = snapshots[snapshots["merged"]]
    if len(old) >= 1:
        first, last = old.iloc[0], old.iloc[-1]
        growth = last["total_projects"] - first["total_projects"]
        start = format_number(first["total_projects"], lang=lang)
        lines.append(
            (f"- Tỉnh Hưng Yên cũ (trước sáp nhập): từ **{start}** "
             f"dự án FDI còn hiệu lực ({_when(first, lang=lang, sources=sources)}) lên "
             f"**{format_number(last['total_projects'], lang=lang)}** dự án "
             f"({_when(last, lang=lang, sources=sources)}), thêm "
             f"{format_number(growth, lang=lang)} dự án qua {len(old)} lần chốt số liệu.")
            if vi else
            (f"- Old Hưng Yên (before the merger): from **{start}** "
             f"valid FDI projects ({_when(first, lang=lang, sources=sources)}) to "
             f"**{format_number(last['total_projects'], lang=lang)}** "
             f"({_when(last, lang=lang, sources=sources)}), {format_number(growth, lang=lang)} "
             f"more over {len(old)} snapshots."))
        cap = old.dropna(subset=["total_capital"])
        if len(cap):
            c0, c1 = cap.iloc[0], cap.iloc[-1]
            first_capital = _usd_bn(c0["total_capital"], c0["capital_qualifier"], lang=lang)
            lines.append(
                (f"- Vốn đăng ký: {first_capital} "
                 f"({snapshot_label(c0['as_of'], lang=lang)}) → "
                 f"{_usd_bn(c1['total_capital'], c1['capital_qualifier'], lang=lang)} "
                 f"({snapshot_label(c1['as_of'], lang=lang)}).")
                if vi else
                (f"- Registered capital: {first_capital} "
                 f"({snapshot_label(c0['as_of'], lang=lang)}) → "
                 f"{_usd_bn(c1['total_capital'], c1['capital_qualifier'], lang=lang)} "
                 f"({snapshot_label(c1['as_of'], lang=lang)})."))
    for _, row in new.iterrows():
        cap = ("" if np.isnan(row["total_capital"]) else
               (", " + _usd_bn(row["total_capital"], row["capital_qualifier"], lang=lang)))
        lines.append(
            (f"- **Tỉnh Hưng Yên mới (sau sáp nhập với Thái Bình, từ 01/07/2025)**: "
             f"{format_number(row['total_projects'], lang=lang)} dự án{cap} "
             f"({_when(row, lang=lang, sources=sources)}). Đây là địa giới khác, không phải "
             "mức tăng so với các số liệu trước; biểu đồ không nối hai địa giới.")
            if vi else
            (f"- **New Hưng Yên (merged with Thái Bình, from 1 Jul 2025)**: "
             f"{format_number(row['total_projects'], lang=lang)} projects{cap} "
             f"({_when(row, lang=lang, sources=sources)}). This is a different territory, not "
             "growth over the earlier figures; the chart does not join the two territories."))
    return "\n".join(lines)


def describe_disagreements(
    pairs: pd.DataFrame,
    *,
    sources: pd.DataFrame | None = None,
    lang: str = "vi",
) -> str:
    """Markdown naming the snapshots whose dates overlap but whose totals differ.

    Parameters
    ----------
    pairs : DataFrame
        From :func:`snapshot_disagreements`.
    sources : DataFrame, optional
    lang : {"vi", "en"}
    """
    check_lang(lang)
    vi = lang == "vi"
    if pairs.empty:
        return ("Không có hai nguồn nào cho số liệu trùng thời điểm mà khác nhau." if vi else
                "No two sources give differing figures for overlapping dates.")
    head = ("**Nguồn không khớp** (ngày chốt trùng nhau, không xếp được trước sau):" if vi else
            "**Sources disagree** (overlapping snapshot dates that cannot be ordered):")
    lines = [head]
    for _, p in pairs.iterrows():
        japan = ""
        if not (np.isnan(p["japan_a"]) or np.isnan(p["japan_b"])):
            japan = (f"; Nhật Bản {format_number(p['japan_a'], lang=lang)} so với "
                     f"{format_number(p['japan_b'], lang=lang)}" if vi else
                     f"; Japan {format_number(p['japan_a'], lang=lang)} vs "
                     f"{format_number(p['japan_b'], lang=lang)}")
        a = (f"{snapshot_label(p['as_of_a'], lang=lang)}, "
             f"{md_escape(_source_name(p['source_a'], sources))}")
        b = (f"{snapshot_label(p['as_of_b'], lang=lang)}, "
             f"{md_escape(_source_name(p['source_b'], sources))}")
        diff = format_number(abs(p["difference"]), lang=lang)
        lines.append(
            f"- {format_number(p['projects_a'], lang=lang)} dự án ({a}) so với "
            f"{format_number(p['projects_b'], lang=lang)} ({b}): chênh {diff} dự án{japan}."
            if vi else
            f"- {format_number(p['projects_a'], lang=lang)} projects ({a}) vs "
            f"{format_number(p['projects_b'], lang=lang)} ({b}): {diff} projects apart{japan}.")
    lines.append((
        "Cả hai số liệu đều được giữ và vẽ; dữ liệu không cho biết số nào mới hơn." if vi else
        "Both figures are kept and plotted; the data cannot tell which is the later one."))
    return "\n".join(lines)


def describe_projects_by_country(
    table: pd.DataFrame,
    *,
    region: str | None = None,
    countries: Sequence[str] = NAMED_COUNTRIES,
    sources: pd.DataFrame | None = None,
    lang: str = "vi",
) -> str:
    """Findings on projects by investor country and their shares, as Markdown.

    Parameters
    ----------
    table : DataFrame
        From :func:`projects_by_country`.
    region : str, optional
    countries : sequence of str
        The countries asked for (a country without any figure is named).
    sources : DataFrame, optional
    lang : {"vi", "en"}
    """
    check_lang(lang)
    vi = lang == "vi"
    if table.empty:
        return _no_fdi(region, lang)
    lines = []
    for snap, group in table.groupby("snapshot", sort=False):
        row = group.iloc[0]
        parts = [f"{md_escape(country_label(r['country'], lang=lang))} "
                 f"{format_number(r['projects'], lang=lang)} "
                 f"({format_number(r['share'], lang=lang, decimals=1)} %)"
                 for _, r in group.iterrows()]
        tag = (" — **tỉnh mới sau sáp nhập**" if vi else " — **merged province**") \
            if row["merged"] else ""
        total = format_number(row["total_projects"], lang=lang)
        lines.append(f"- {_when(row, lang=lang, sources=sources)}{tag}: "
                     + "; ".join(parts)
                     + (f" trên tổng {total} dự án." if vi else f" of {total} projects."))
    named = table[~table["derived"]]
    if len(named):
        top = named.loc[named.groupby("snapshot", sort=False)["projects"].idxmax()]
        last = top.iloc[-1]
        lines.append(
            (f"\nỞ lần chốt gần nhất ({snapshot_label(last['as_of'], lang=lang)}), "
             f"{country_label(last['country'], lang=lang)} có nhiều dự án nhất trong các nước "
             f"được chọn ({format_number(last['projects'], lang=lang)}).")
            if vi else
            (f"\nAt the latest snapshot ({snapshot_label(last['as_of'], lang=lang)}), "
             f"{country_label(last['country'], lang=lang)} has the most projects of the chosen "
             f"countries ({format_number(last['projects'], lang=lang)})."))
    absent = [c for c in countries if c not in set(table["country"])]
    if absent:
        names = ", ".join(country_label(c, lang=lang) for c in absent)
        lines.append(f"\nKhông có số dự án cho: {names}." if vi else
                     f"\nNo project counts for: {names}.")
    if table["derived"].any():
        lines.append(
            "\n*Nước khác* = tổng số dự án − Nhật Bản − Hàn Quốc − Trung Quốc, do sổ tay này "
            "tính (không phải số liệu công bố), chỉ ở những lần chốt mà cùng một nguồn nêu đủ "
            "tổng và cả ba nước." if vi else
            "\n*Other countries* = total projects − Japan − Korea − China, computed here (not a "
            "published figure), only at snapshots where one source gives the total and all "
            "three countries.")
    return "\n".join(lines)


def describe_capital(
    capital: pd.DataFrame,
    coverage: pd.DataFrame,
    *,
    region: str | None = None,
    sources: pd.DataFrame | None = None,
    lang: str = "vi",
) -> str:
    """What the data says, and does not say, about registered capital by country.

    Parameters
    ----------
    capital : DataFrame
        From :func:`capital_by_country`.
    coverage : DataFrame
        From :func:`capital_coverage`.
    region : str, optional
    sources : DataFrame, optional
    lang : {"vi", "en"}
    """
    check_lang(lang)
    vi = lang == "vi"
    if coverage.empty:
        return _no_fdi(region, lang)
    lines = []
    for _, row in coverage.iterrows():
        when = _when(row, lang=lang, sources=sources)
        if row["coverage"] == "none":
            kind = _document_kind(row["source_id"], sources, lang=lang)
            lines.append(f"- {when}{kind}: **không có vốn theo quốc gia**." if vi else
                         f"- {when}{kind}: **no capital by country**.")
            continue
        parts = []
        for _, c in capital[(capital["snapshot"] == row["snapshot"])].iterrows():
            share = c["stated_share"] if not np.isnan(c["stated_share"]) else c["computed_share"]
            share_text = "" if np.isnan(share) else \
                f" ({format_number(share, lang=lang, decimals=1)} %)"
            parts.append(f"{md_escape(country_label(c['country'], lang=lang))} "
                         f"{_usd_bn(c['capital'], c['qualifier'], lang=lang)}{share_text}")
        missing = ""
        if row["without_capital"]:
            names = ", ".join(country_label(c, lang=lang) for c in row["without_capital"])
            missing = f"; không có: {names}" if vi else f"; none for: {names}"
        lines.append(f"- {when}: " + "; ".join(parts) + missing + ".")
    lacking = coverage[coverage["coverage"] != "all"]
    if len(lacking):
        names = ", ".join(snapshot_label(a, lang=lang) for a in lacking["as_of"])
        lines.append(
            f"\n**Dữ liệu thiếu vốn theo quốc gia** ở {len(lacking)}/{len(coverage)} lần chốt "
            f"({names}); ở đó chỉ so sánh được số dự án." if vi else
            f"\n**Capital by country is missing** at {len(lacking)} of {len(coverage)} "
            f"snapshots ({names}); there only project counts can be compared.")
    return "\n".join(lines)


# --------------------------------------------------------------------------- widget view

def render_fdi_view(values: dict, *, targets: pd.DataFrame,
                    sources: pd.DataFrame | None = None) -> None:
    """Draw the projects-by-country chart and table for one parameter set (filter panel).

    Unlike the rest of this module this function displays: it is the ``render`` callback of
    :func:`hy_analysis.widgets.filter_panel`.

    Parameters
    ----------
    values : dict
        Validated ``fdi_by_country`` parameters (``region``, ``countries``,
        ``include_other``, ``lang``).
    targets : DataFrame
        Tidy targets.
    sources : DataFrame, optional
        For the source line and source names.
    """
    from .display import show_chart, show_markdown, show_table
    from .plotting import plot_fdi_projects_by_country

    lang = values.get("lang", "vi")
    table = projects_by_country(targets, region=values["region"],
                                countries=values["countries"],
                                include_other=values["include_other"])
    if table.empty:
        show_markdown(_no_fdi(values["region"], lang))
        return
    show_chart(plot_fdi_projects_by_country(table, sources=sources, lang=lang))
    show_table(fdi_table(table, sources=sources, lang=lang))


def fdi_table(table: pd.DataFrame, *, sources: pd.DataFrame | None = None,
              lang: str = "vi") -> pd.DataFrame:
    """A readable table of :func:`projects_by_country` (labels and headers in ``lang``).

    Returns
    -------
    DataFrame
        Snapshot, source, territory, country, projects, share (%), computed (yes/no).
    """
    check_lang(lang)
    vi = lang == "vi"
    out = pd.DataFrame({
        ("Ngày chốt" if vi else "Snapshot"): [snapshot_label(a, lang=lang)
                                              for a in table["as_of"]],
        ("Nguồn" if vi else "Source"): [_source_name(s, sources) for s in table["source_id"]],
        ("Địa giới" if vi else "Territory"): [
            ("tỉnh mới (sáp nhập)" if vi else "merged province") if m else
            ("tỉnh cũ" if vi else "old province") for m in table["merged"]],
        ("Quốc gia" if vi else "Country"): [country_label(c, lang=lang)
                                            for c in table["country"]],
        ("Số dự án" if vi else "Projects"): table["projects"].astype(int),
        ("Tỷ lệ (% tổng dự án)" if vi else "Share (% of all projects)"):
            table["share"].round(1),
        ("Tính toán" if vi else "Computed"): [("có" if vi else "yes") if d else
                                              ("không" if vi else "no")
                                              for d in table["derived"]],
    })
    return out

