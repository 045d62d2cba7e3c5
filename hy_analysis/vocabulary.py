"""The project's vocabulary, defined once: languages, countries, sectors, territories, scopes.

Each list is written here and nowhere else; analysis, findings, charts, widgets and params read
it from this module. Territories are not written here at all: they are read from
``data/regions.csv`` (the data already says which territory is the merged province), so a
renamed territory label in the data needs no code change.

Reader-facing names are given in Vietnamese (``vi``) and English (``en``); :func:`check_lang`
is the one check of a ``lang`` argument.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from .exceptions import ParameterError
from . import paths

__all__ = [
    "LANGS", "check_lang", "COUNTRIES", "OTHER", "country_label", "other_label",
    "SECTOR_SHARES", "sector_name", "SCENARIO_NAMES", "KIND_LABELS", "kind_label", "SCOPE_LABELS",
    "WHOLE_SCOPES", "territories", "merged_territories", "is_merged",
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


# --------------------------------------------------------------------------- territories

@lru_cache(maxsize=8)
def _regions_rows(path: Path) -> tuple[dict, ...]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return tuple(csv.DictReader(handle))


def territories(*, data_dir=None) -> dict[str, str]:
    """Every territory of ``data/regions.csv`` and the region it belongs to.

    Parameters
    ----------
    data_dir : path, optional
        Another data folder (default: :func:`hy_analysis.paths.data_dir`).

    Returns
    -------
    dict
        Territory label -> region, in file order.
    """
    rows = _regions_rows(paths.data_dir(data_dir) / "regions.csv")
    return {row["territory"]: row["region"] for row in rows}


def merged_territories(*, data_dir=None) -> frozenset[str]:
    """Territories formed by the 2025 merger: those made of several earlier provinces.

    ``data/regions.csv`` lists, for each territory, the provinces it covered before the merger
    (``province_before_...``, ``;``-separated); a territory made of more than one is a merged
    province, whose figures are never chained with or compared against its parts.

    Examples
    --------
    >>> sorted(merged_territories())
    ['Hưng Yên (merged, from 2025-07-01)']
    """
    rows = _regions_rows(paths.data_dir(data_dir) / "regions.csv")
    before = next((c for c in (rows[0] if rows else {}) if c.startswith("province_before")),
                  None)
    return frozenset(row["territory"] for row in rows
                     if before and len([p for p in row[before].split(";") if p.strip()]) > 1)


def is_merged(territory: object) -> bool:
    """True for a territory formed by the 2025 merger (see :func:`merged_territories`).

    Examples
    --------
    >>> is_merged("Hưng Yên (merged, from 2025-07-01)"), is_merged("Thái Bình")
    (True, False)
    """
    return str(territory) in merged_territories()


_DATED_TERRITORY = re.compile(r"^(?P<name>.+?) \((?P<merged>merged, )?(?P<when>before|from) "
                              r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\)$")


def territory_label(territory: str, *, lang: str = "vi") -> str:
    """How a territory of ``data/regions.csv`` is written for a reader in ``lang``.

    Territory labels are identifiers in English ("Hưng Yên (before 2025-07-01)"); a
    Vietnamese reader sees the date and the merger in Vietnamese. Other text is returned as
    given.

    Examples
    --------
    >>> territory_label("Hưng Yên (before 2025-07-01)")
    'Hưng Yên (trước 01/07/2025)'
    >>> territory_label("Hưng Yên (merged, from 2025-07-01)")
    'Hưng Yên (sau sáp nhập, từ 01/07/2025)'
    >>> territory_label("Hưng Yên (merged, from 2025-07-01)", lang="en")
    'Hưng Yên (merged, from 2025-07-01)'
    >>> territory_label("Bắc Giang")
    'Bắc Giang'
    """
    found = _DATED_TERRITORY.match(territory) if lang == "vi" else None
    if found is None:
        return territory
    date = f"{found['d']}/{found['m']}/{found['y']}"
    when = ("sau sáp nhập, từ " if found["merged"] else "từ ") if found["when"] == "from" \
        else "trước "
    return f"{found['name']} ({when}{date})"
