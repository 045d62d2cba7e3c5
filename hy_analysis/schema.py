"""The single source of truth for the dataset's columns and vocabularies."""

from __future__ import annotations

#: Columns of data/targets.csv (and of any ``extra`` file), in order.
TARGET_COLUMNS = (
    "id", "region", "territory", "indicator", "indicator_vi", "indicator_en", "kind",
    "period_start", "period_end", "as_of", "measure", "breakdown", "value_raw", "unit",
    "source_id", "source_locator", "derived", "note", "basis",
)
#: Columns that must hold a value on every row.
TARGET_REQUIRED = (
    "id", "region", "territory", "indicator", "kind", "period_start", "period_end",
    "measure", "value_raw", "unit", "source_id",
)
#: Columns added by loading: the figure read from ``value_raw``.
PARSED_COLUMNS = ("low", "high", "qualifier", "value")
#: Columns added by loading from the cited source: its ``date`` (``YYYY``, ``YYYY-MM`` or
#: ``YYYY-MM-DD``; empty when the source states none), so the analysis can tell a figure
#: published before its period ended (an estimate, whatever the wording).
SOURCE_DATE_COLUMNS = ("source_date",)
#: Columns added by loading from the indicator's row of data/indicators.csv: its
#: ``desired_direction`` (``up`` for a code the registry does not give one).
INDICATOR_DEFAULT_COLUMNS = ("desired_direction",)

SOURCE_COLUMNS = (
    "id", "title", "issuer", "doc_number", "date", "date_precision", "region", "type",
    "file", "url", "language", "note",
)
#: Number format of a source's text (``language`` column of sources.csv), passed to
#: :func:`hy_analysis.parsing.parse_value` as ``lang``: "vi" writes ``9,17%`` and
#: ``328.283 tỷ``, "en" writes ``9.17%`` and ``328,283 billion``.
LANGUAGES = ("vi", "en")
URBAN_CLASS_COLUMNS = (
    "id", "locality", "locality_type", "territory", "year", "urban_class", "scope",
    "value_raw", "source_id", "source_locator", "note",
)
INDICATOR_COLUMNS = ("code", "name_vi", "name_en", "unit", "description",
                     "desired_direction")
#: Which way a target of an indicator asks it to move when its words say neither (column
#: ``desired_direction`` of data/indicators.csv: a poverty rate's target asks for a fall).
DIRECTIONS = ("up", "down")
#: data/provinces.csv: the 63 provinces before 2025-07-01 and the 34 after (Nghị quyết
#: 202/2025/QH15); codes are the official statistical codes of each period.
PROVINCE_COLUMNS = ("code_before_2025", "province_before_2025", "code_after_2025",
                    "province_after_2025", "legal_basis", "effective_date")
#: data/regions.csv: the places the dataset has figures for (a district names its province).
REGION_LIST_COLUMNS = ("region", "level", "part_of", "note")
#: The region map: one row per territory, derived from the two files above.
REGION_COLUMNS = (
    "region", "territory", "level", "province_before_2025", "province_after_2025",
    "legal_basis", "effective_date", "note",
)

KINDS = ("target", "actual")
MEASURES = (
    "level", "period_average", "period_average_growth", "annual_growth",
    "half_year_growth", "period_total",
    # read by ``hy-analysis extract`` from new reports (see data/README.md, Measures)
    "ratio_to_base", "cumulative_growth", "contribution_to_growth", "half_year_total",
    "ytd_total",
)
UNITS = ("percent", "USD", "VND", "ha", "km2", "persons", "count", "VND/person", "USD/person",
         "times", "percentage_points")
#: Definitions a figure can be stated on (``basis`` of targets.csv) where they differ from
#: the indicator's default; empty = the default. A target is only judged against actuals of
#: the same basis.
BASES = ("excl_land_use_fees", "excl_product_taxes", "current_prices", "constant_2010_prices",
         "narrower_aggregate")
QUALIFIERS = ("exact", "about", "above", "below", "range")
URBAN_CLASSES = ("I", "II", "III", "IV", "V")
#: Measures that are growth rates (percent per year or per period).
#: ``cumulative_growth`` (% over a base year) may exceed 100 like any growth rate.
GROWTH_MEASURES = ("period_average_growth", "annual_growth", "half_year_growth",
                   "cumulative_growth")

#: Units shown on chart axes, by language.
UNIT_LABELS = {
    "vi": {"percent": "%", "USD": "USD", "VND": "đồng", "ha": "ha", "km2": "km²",
           "persons": "người", "count": "số lượng", "VND/person": "đồng/người",
           "USD/person": "USD/người", "times": "lần", "percentage_points": "điểm phần trăm"},
    "en": {"percent": "%", "USD": "USD", "VND": "VND", "ha": "ha", "km2": "km²",
           "persons": "people", "count": "count", "VND/person": "VND/person",
           "USD/person": "USD/person", "times": "times", "percentage_points": "percentage points"},
}

#: Years outside this window are typing mistakes, not plans.
YEAR_MIN, YEAR_MAX = 1990, 2100
