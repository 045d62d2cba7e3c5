"""The project's vocabulary, defined once: languages, countries, sectors, territories, scopes.

Each list is written here and nowhere else; analysis, findings, charts, widgets and params read
it from this module. Territories are not written here at all: they follow from the province
registry in ``data/`` (:mod:`hy_analysis.territories`, read by
:func:`hy_analysis.loading.load_region_map` and passed down as ``region_map``).

Reader-facing names are given in Vietnamese (``vi``) and English (``en``); :func:`check_lang`
is the one check of a ``lang`` argument.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Mapping

from .exceptions import DataFileError, ParameterError

__all__ = [
    "LANGS", "check_lang", "messages", "catalogue", "CATALOGUE_COLUMNS", "COUNTRIES", "OTHER",
    "country_label", "other_label", "SECTOR_SHARES", "sector_name", "SCENARIO_NAMES",
    "KIND_LABELS", "kind_label", "SCOPE_LABELS", "WHOLE_SCOPES", "territory_label",
]

#: Languages of labels, prose and number format (the choices of every ``lang`` parameter).
LANGS = ("vi", "en")


def check_lang(lang: str) -> str:
    """Refuse a ``lang`` other than :data:`LANGS`; return it unchanged.

    Examples
    --------
    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ParameterError(f"parameter 'lang': unknown value {lang!r}; valid choices: "
                             + ", ".join(LANGS))
    return lang


def messages(table: str | dict[str, dict[str, str]], lang: str) -> Mapping[str, str]:
    """The ``lang`` part of a message table (findings' prose, charts' labels), checked once.

    Parameters
    ----------
    table : str or dict
        The name of a catalogue of ``hy_analysis/assets/messages/`` (see :func:`catalogue`),
        or a table given as ``{"vi": {key: template}, "en": {key: template}}``.
    lang : {"vi", "en"}

    Returns
    -------
    Mapping
        Key -> template (``str.format`` fields) in ``lang``.

    Examples
    --------
    >>> messages({"vi": {"year": "Năm"}, "en": {"year": "Year"}}, "en")["year"]
    'Year'
    >>> messages("charts", "vi")["source"]
    'Nguồn'
    """
    if isinstance(table, str):
        return catalogue(table)[check_lang(lang)]
    return table[check_lang(lang)]


#: The catalogues' columns: the key, then one column per language of :data:`LANGS`.
CATALOGUE_COLUMNS = ("key", *LANGS)


@lru_cache(maxsize=None)
def catalogue(name: str) -> dict[str, Mapping[str, str]]:
    """A message catalogue, read once: ``hy_analysis/assets/messages/<name>.csv``.

    A catalogue is data, not code: one row per message with its key and its text in each
    language side by side (columns :data:`CATALOGUE_COLUMNS`), so a translator reads both.
    Texts are ``str.format`` templates kept exactly as written (Markdown, placeholders,
    leading spaces, line breaks in quoted cells).

    Parameters
    ----------
    name : str
        The file's name without ``.csv`` (e.g. ``"findings-growth"``).

    Returns
    -------
    dict
        ``{lang: {key: template}}`` (read-only mappings).

    Raises
    ------
    DataFileError
        When the file is missing, its header is not :data:`CATALOGUE_COLUMNS`, or a row has
        an empty or repeated key or an empty text (a message not translated), naming the
        file, line and column.

    Examples
    --------
    >>> catalogue("charts")["en"]["year"]
    'Year'
    """
    resource = files("hy_analysis") / "assets" / "messages" / f"{name}.csv"
    where = f"hy_analysis/assets/messages/{name}.csv"
    try:
        handle = resource.open(encoding="utf-8-sig", newline="")
    except FileNotFoundError:
        raise DataFileError(f"{where}: no such message catalogue") from None
    with handle:
        reader = csv.reader(handle)
        header = tuple(next(reader, ()))
        if header != CATALOGUE_COLUMNS:
            raise DataFileError(f"{where}, line 1: columns {list(header)}; expected "
                                f"{list(CATALOGUE_COLUMNS)}")
        tables: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
        for row in reader:
            line = reader.line_num
            if len(row) != len(header):
                raise DataFileError(f"{where}, line {line}: {len(row)} cells; expected "
                                    f"{len(header)} ({', '.join(header)})")
            key, *texts = row
            if not key or key in tables[LANGS[0]]:
                raise DataFileError(f"{where}, line {line}, column 'key': "
                                    f"{'empty' if not key else 'repeated key ' + repr(key)}; "
                                    "expected a key of its own")
            for lang, text in zip(LANGS, texts):
                if not text:
                    raise DataFileError(f"{where}, line {line}, column {lang!r}: message "
                                        f"{key!r} is empty; expected its {lang} text")
                tables[lang][key] = text
    return {lang: MappingProxyType(table) for lang, table in tables.items()}


# --------------------------------------------------------------------------- countries

#: Investor countries the FDI sources name (``breakdown`` values), in display order.
COUNTRIES = ("Japan", "Korea", "China")
#: The derived remainder "other countries" (total minus :data:`COUNTRIES`).
OTHER = "Other"

_COUNTRY_LABELS = {
    "vi": {"Japan": "Nhật Bản", "Korea": "Hàn Quốc", "China": "Trung Quốc",
           OTHER: "Nước khác (tính toán)"},
    "en": {"Japan": "Japan", "Korea": "Korea", "China": "China",
           OTHER: "Other countries (computed)"},
}


def country_label(country: str, *, lang: str = "vi") -> str:
    """The name of an investor country in ``lang`` (``"Japan"`` -> ``"Nhật Bản"``).

    The derived remainder :data:`OTHER` is labelled as computed; an unknown country is
    returned as given.

    Examples
    --------
    >>> country_label("Korea", lang="vi")
    'Hàn Quốc'
    """
    return _COUNTRY_LABELS[check_lang(lang)].get(country, country)


def other_label(*, lang: str = "vi") -> str:
    """Label of the derived "other countries" remainder, marked as computed."""
    return country_label(OTHER, lang=lang)


# --------------------------------------------------------------------------- sectors, kinds

#: The three sector shares of GRDP that add up to 100 % (indicator codes).
SECTOR_SHARES = ("agriculture_share", "industry_construction_share", "services_share")

_SECTOR_NAMES = {
    "vi": {"agriculture_share": "nông nghiệp", "industry_construction_share":
           "công nghiệp - xây dựng", "services_share": "dịch vụ", "not_stated": "không nêu"},
    "en": {"agriculture_share": "agriculture", "industry_construction_share":
           "industry-construction", "services_share": "services", "not_stated": "not stated"},
}


def sector_name(sector: str, lang: str = "vi") -> str:
    """Short name of a sector share code (or ``not_stated``) in ``lang``.

    Examples
    --------
    >>> sector_name("services_share", "en")
    'services'
    """
    return _SECTOR_NAMES[check_lang(lang)].get(sector, sector)


#: The name of the panel that holds only the user's growth scenarios, by language.
SCENARIO_NAMES = {"vi": "Kịch bản", "en": "Scenarios"}

#: How a figure's ``kind`` is written inside a sentence, by language.
KIND_LABELS = {
    "vi": {"target": "mục tiêu", "actual": "thực hiện"},
    "en": {"target": "target", "actual": "actual"},
}


def kind_label(kind: str, lang: str = "vi") -> str:
    """``target``/``actual`` in ``lang`` (lower case, for use inside a sentence)."""
    return KIND_LABELS[check_lang(lang)].get(kind, kind)


# --------------------------------------------------------------------------- urban classes

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


# --------------------------------------------------------------------------- territory labels

_TERRITORY_WORDS = {
    "vi": {"before": "trước", "merged": "sau sáp nhập, từ", "district": "huyện {}"},
    "en": {"before": "before", "merged": "merged, from", "district": "{} district"},
}


def territory_label(territory: str, *, lang: str = "vi") -> str:
    """A territory of ``data/regions.csv`` as readers of ``lang`` write it.

    The labels in the data are English with ISO dates (``Hưng Yên (before 2025-07-01)``);
    the Vietnamese label reads ``Hưng Yên (trước 01/07/2025)``, the English one ``Hưng Yên
    (before 1 Jul 2025)``. A label of another shape (a region name) is returned as given.

    Examples
    --------
    >>> territory_label("Hưng Yên (before 2025-07-01)", lang="vi")
    'Hưng Yên (trước 01/07/2025)'
    >>> territory_label("Hưng Yên (merged, from 2025-07-01)", lang="vi")
    'Hưng Yên (sau sáp nhập, từ 01/07/2025)'
    >>> territory_label("Đông Hưng district, Thái Bình (before 2025-07-01)", lang="en")
    'Đông Hưng district, Thái Bình (before 1 Jul 2025)'
    >>> territory_label("Đông Hưng district, Thái Bình (before 2025-07-01)", lang="vi")
    'huyện Đông Hưng, Thái Bình (trước 01/07/2025)'
    """
    import re

    from babel.dates import format_date
    from datetime import date

    words = _TERRITORY_WORDS[check_lang(lang)]
    text = str(territory)
    m = re.fullmatch(r"(?P<name>.+?) \((?P<kind>before|merged, from) "
                     r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\)", text)
    if not m:
        return text
    day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    when = format_date(day, format="dd/MM/y" if lang == "vi" else "d MMM y", locale=lang)
    name = m["name"]
    district = re.fullmatch(r"(?P<d>.+) district, (?P<p>.+)", name)
    if district:
        name = words["district"].format(district["d"]) + ", " + district["p"]
    kind = words["before"] if m["kind"] == "before" else words["merged"]
    return f"{name} ({kind} {when})"
