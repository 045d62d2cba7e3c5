"""Read figures as written in Vietnamese (and English) documents into numbers.

``parse_value("Trên 48%")`` gives ``ParsedValue(low=48.0, high=None, qualifier="above",
unit="percent")``. Pure functions only: no I/O, no pandas.

Number formats. Vietnamese: ``.`` groups thousands and ``,`` is the decimal mark, so
``652.153 tỷ đồng`` is 652,153 billion VND and ``8,5 tỷ USD`` is 8.5 billion USD. English:
``,`` groups thousands and ``.`` is the decimal mark (``328,283 billion VND``, ``9.17%/year``).
A number whose separators allow only one reading (``7.5``, ``16.216,40``, ``1,234,567``) is read
that way whatever the language. A number that reads both ways (``7.500``, ``328,283``) is read
in the language given as ``lang``, else in the language of the figure's own words (English scale
and unit words such as billion, million, year, hectares mean English), else Vietnamese; the
result then carries ``ambiguous=True`` so a caller can say so. Money is computed with decimal
arithmetic, so ``8,56 tỷ USD`` is exactly 8560000000.0. Text that cannot be read raises
:class:`ParseError` (a ``ValueError``) naming the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from .exceptions import ParseError
from .vocabulary import LANGS, check_lang

__all__ = ["ParsedValue", "parse_value", "parse_number", "infer_lang", "LANGS"]


@dataclass(frozen=True)
class ParsedValue:
    """A figure as numbers.

    Attributes
    ----------
    low, high : float or None
        Bounds of the figure. Equal for a single value; ``high`` is None for an open
        "above" figure and ``low`` is None for a "below" figure.
    qualifier : {"exact", "about", "above", "below", "range"}
        What the wording says about the bounds.
    unit : str or None
        One of :data:`hy_analysis.schema.UNITS`; None for a bare number with no unit given.
    number_format : {"vi", "en"} or None
        The number format the digits were read in; None when the digits carry no separator.
    ambiguous : bool
        True when a number reads differently in Vietnamese and English format (``7.500``) and
        ``number_format`` was decided by the language, not by the digits.
    """

    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    number_format: str | None = field(default=None, repr=False, compare=False)
    ambiguous: bool = field(default=False, repr=False, compare=False)

    @property
    def value(self) -> float | None:
        """A single representative number: the midpoint of a range, else the known bound."""
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high


# Leading words, longest first so "more than" wins over "more".
_QUALIFIER_WORDS = {
    "above": ("không thấp hơn", "không dưới", "không ít hơn", "nhiều hơn", "cao hơn",
              "vượt trên", "vượt mốc", "vượt ngưỡng", "more than", "higher than", "greater than", "surpassing", "surpassed", "surpasses", "surpass", "at least", "in excess of", "exceeding", "exceeded", "exceeds", "exceed", "upwards of",
              # "is expected to top VND32.4 trillion" (the extractor takes it before money only)
              "topped", "tops", "top",
              "trên", "hơn", "over", "above", "tối thiểu", "ít nhất", ">", "≥"),
    "below": ("không vượt quá", "không quá", "không cao hơn", "không vượt", "thấp hơn",
              "less than", "lower than", "fewer than", "no more than", "not exceeding", "at most",
              "dưới", "under",
              "below", "tối đa", "<", "≤"),
    "about": ("xấp xỉ", "approximately", "khoảng", "around", "about", "gần", "nearly", "almost",
              "roughly", "some", "≈", "~"),
    # Words that name the action, not the bounds ("đạt 8,5 tỷ USD" = reach 8.5 bn USD).
    "neutral": ("phấn đấu", "đạt", "tăng", "từ", "gấp", "reach", "increase by", "increase",
                "from", "+"),
}
# A negation before a comparative turns its bound over: "không thấp hơn 52,6 nghìn tỷ", "not
# less than", "no fewer than" are at least; "not more than", "không vượt quá" at most. Read as
# one phrase (never "less than" after a dropped "not"); the comparatives below are those the
# words above do not hold ("vượt", "quá" alone are not bounds: "vượt 5% kế hoạch" is by how much).
_NEGATIONS = ("không", "chưa", "not", "no")
_NEGATABLE = {
    "above": ("lớn hơn", "nhiều hơn", "cao hơn", "hơn", "trên", "vượt quá", "vượt", "quá",
              "more than", "higher than", "greater than", "in excess of", "exceeding", "exceed",
              "to exceed", "over", "above"),
    "below": ("thấp hơn", "nhỏ hơn", "ít hơn", "kém", "dưới", "less than", "lower than",
              "fewer than", "smaller than", "below", "under"),
}
NEGATED_QUALIFIERS = {f"{neg} {word}": ("below" if q == "above" else "above")
                      for neg in _NEGATIONS for q, words in _NEGATABLE.items() for word in words}
# "not reaching": "chưa đến 5%", "không tới 5%" are below
NEGATED_QUALIFIERS.update({f"{neg} {w}": "below" for neg in ("không", "chưa")
                           for w in ("đến", "tới", "đạt")})
_QUALIFIER_WORDS["above"] = _QUALIFIER_WORDS["above"] + tuple(
    w for w, q in NEGATED_QUALIFIERS.items() if q == "above")
_QUALIFIER_WORDS["below"] = _QUALIFIER_WORDS["below"] + tuple(
    w for w, q in NEGATED_QUALIFIERS.items() if q == "below")
# Trailing words: "10,1% trở lên", "10% or more".
_TRAILING_QUALIFIERS = {
    "above": ("trở lên", "or more", "or above", "and above", "or higher"),
    "below": ("trở xuống", "or less", "or below", "or lower", "and under"),
}
_QUALIFIER_RE = re.compile(
    "|".join(
        re.escape(w) + (r"(?=\s|\d|\$)" if w[-1].isalpha() else "")
        for w in sorted((w for ws in _QUALIFIER_WORDS.values() for w in ws), key=len, reverse=True)
    )
)
_QUALIFIER_OF = {w: q for q, ws in _QUALIFIER_WORDS.items() for w in ws}
_TRAILING_RE = re.compile(
    r"\s*,?\s*(?P<w>" + "|".join(
        re.escape(w) for w in sorted((w for ws in _TRAILING_QUALIFIERS.values() for w in ws),
                                     key=len, reverse=True)
    ) + r")$"
)
_TRAILING_OF = {w: q for q, ws in _TRAILING_QUALIFIERS.items() for w in ws}
#: Words of a fall written before the number: the figure is negative ("giảm 2,5%" = -2.5 %).
#: "giảm còn 5%" (fell to 5 %) is none: "còn" is not a number. The extractor reads them as
#: lead words of a figure too (extraction/figures.py).
FALL_WORDS = (
    "giảm", "giảm bình quân", "âm", "thu hẹp",
    "decreased by", "decreased", "decreasing", "declined by", "declined", "declining",
    "fell by", "fell", "down by", "down",
    # English falls: "contracting 0.9%", "tumbled 5%", "a decline of 9 per cent"
    "contracted by", "contracted", "contracting", "tumbled by", "tumbled", "dipped by",
    "dipped", "dropped by", "dropped", "shrank by", "shrank", "shrinking", "plunged by",
    "plunged", "slumped by", "slumped",
    "decline of", "decrease of", "drop of", "fall of", "contraction of",
    # "reducing 2.5% compared to", "the cultivated area decreased 4.6%"
    "reduced by", "reduced", "reducing",
)
# (longest first: "decrease" alone would win over "decrease of"; "decrease", "decrease by"
# and "minus" are read here only, the extractor does not take them into a figure)
_FALL_RE = re.compile(
    "(?:" + "|".join(re.escape(w) for w in sorted(
        {*FALL_WORDS, "decrease by", "decrease", "minus"}, key=len, reverse=True))
    + r")(?=\s|\d)\s*|-(?=\s*\d)\s*")

# A fall written after the number, English word order: "a 1.42% decrease", "14.37% decline".
_TRAILING_FALL_RE = re.compile(r"\s+(?:decline|decrease|drop|fall|contraction)$", re.IGNORECASE)

# Any number as written: digits with "." or "," between groups; read by _read_number.
_NUMBER = r"\d+(?:[.,]\d+)*"
_RANGE_WORDS = r"-|đến|tới|to"
# "and" joins the ends of a range only after "between" ("between 4 and 6%"); "4% and 6%",
# "2.3 and 2.7-fold" are two figures.
_BODY = (rf"(?P<a>{_NUMBER})(?![\d.,]*\d)\s*(?P<pct1>%|per ?cent\b|percent\b)?\s*"
         r"(?:(?:{})\s*(?P<b>" + _NUMBER + r")(?![\d.,]*\d))?\s*(?P<tail>.*)")
_BODY_RE = re.compile(_BODY.format(_RANGE_WORDS))
_BETWEEN_BODY_RE = re.compile(_BODY.format(_RANGE_WORDS + "|and|và"))
_BETWEEN_RE = re.compile(r"(?:between|giữa)\s+")

_SCALES = {
    "nghìn": 10**3, "ngàn": 10**3, "ngìn": 10**3, "thousand": 10**3, "k": 10**3,
    "thousands": 10**3,  # a translation's "940 thousands" (visitors)
    "vạn": 10**4,  # "31 vạn tấn": ten thousands, still written in reports
    "triệu": 10**6, "million": 10**6, "mn": 10**6, "mln": 10**6,
    # abbreviated with a full stop in English news: "6.6mil. tourists", "9.7 tril.VND"
    "mil.": 10**6, "bil.": 10**9, "tril.": 10**12,
    # the statistical tables' abbreviation of triệu: "281,3 Tr.người.Km", "25 tr.đồng"
    "tr.": 10**6,
    "tỷ": 10**9, "tỉ": 10**9, "bn": 10**9, "bln": 10**9, "billion": 10**9,
    "trillion": 10**12,
    # "1.99 quadrillion VND": a thousand trillion (the Vietnamese "triệu tỷ" multiplies out)
    "quadrillion": 10**15,
}
_CURRENCIES = {"usd": "USD", "us$": "USD", "$": "USD", "đô la mỹ": "USD", "đô la": "USD",
               "đô": "USD",
               "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "đồng": "VND", "vnđ": "VND", "vnd": "VND", "đ": "VND",
               # the English plural and names of the currency: "16,682.91 billion dongs"
               "dong": "VND", "dongs": "VND", "vietnam dong": "VND", "vietnam dongs": "VND",
               "vietnamese dong": "VND", "vietnamese dongs": "VND"}
_PER_PERSON = (r"\s*(?:/\s*(?:người|người dân|lao động|person|capita|head|worker)|"
               r"per (?:person|capita|head|worker))")
_PLAIN_UNITS = {"%": "percent", "phần trăm": "percent", "percent": "percent",
                "per cent": "percent", "điểm phần trăm": "percentage_points",
                "percentage points": "percentage_points", "percentage point": "percentage_points",
                "điểm %": "percentage_points", "điểm%": "percentage_points",
                # the same written with the sign first: "giảm 5,3% điểm so với năm 2020"
                "% điểm": "percentage_points", "%điểm": "percentage_points",
                "pp": "percentage_points",
                # a translation's "contributing 2.1 points% to the growth"
                "points%": "percentage_points", "points %": "percentage_points",
                "ha": "ha", "héc ta": "ha", "hécta": "ha", "hecta": "ha", "hectares": "ha",
                "hectare": "ha", "km²": "km2", "km2": "km2", "square kilometers": "km2",
                "square kilometres": "km2", "sq km": "km2", "người": "persons",
                "people": "persons", "persons": "persons", "dân": "persons", "lần": "times",
                # a population as a compound adjective: "a 520,000-strong population"
                "strong population": "persons",
                "times": "times", "fold": "times", "-fold": "times", "lượt người": "persons",
                "lượt khách": "persons", "tourists": "persons", "visitors": "persons",
                "khách": "persons", "khách du lịch": "persons",
                "lượt khách du lịch": "persons", "lượt khách quốc tế": "persons",
                "arrivals": "persons", "tourist arrivals": "persons", "visits": "persons",
                "visitor arrivals": "persons",
                # the visitors counted by where they come from: "3 million foreigners"
                "foreigners": "persons", "foreign visitors": "persons",
                "international visitors": "persons", "foreign tourists": "persons",
                "international tourists": "persons", "domestic visitors": "persons",
                "travellers": "persons", "travelers": "persons",
                "domestic travellers": "persons", "domestic travelers": "persons",
                "international travellers": "persons", "international travelers": "persons",
                "domestic tourists": "persons", "passengers": "persons",
                "holiday-makers": "persons", "holidaymakers": "persons",
                "foreign holiday-makers": "persons", "international holiday-makers": "persons",
                # arrivals and passengers by where they come from, as visitors are above
                "international arrivals": "persons", "foreign arrivals": "persons",
                "domestic arrivals": "persons", "overseas arrivals": "persons",
                "overseas visitors": "persons", "overseas tourists": "persons",
                "international passengers": "persons", "foreign passengers": "persons",
                "domestic passengers": "persons", "foreign travellers": "persons",
                "foreign travelers": "persons"}
# Things counted in the documents; a figure followed by one of these is a count.
_COUNT_NOUNS = (
    "khu công nghiệp", "cụm công nghiệp", "khu kinh tế", "dự án", "doanh nghiệp", "làng nghề",
    # nouns whose head comes first: "12 khu và cụm công nghiệp", "99 đơn vị hành chính cấp
    # xã", "1.700 lượt xe" (vehicle crossings; "lượt" alone counts visits, as persons)
    "khu(?:,| và) cụm công nghiệp", "đơn vị hành chính(?: cấp (?:tỉnh|huyện|xã))?",
    # projects counted each time they add capital: "điều chỉnh 9 lượt dự án"
    "lượt (?:xe|phương tiện|dự án)",
    "đô thị loại [ivx]+", "đô thị", "kcn", "ccn", "hộ", "xã", "phường", "căn hộ", "căn",
    "nhà", "sản phẩm", "hợp tác xã", "cơ sở", "lao động", "huyện", "thị xã", "quận",
    "thị trấn", "thôn", "làng",
    "projects?", "enterprises?", "businesses", "firms", "companies", "industrial parks?",
    "(?:co-?operatives?)", "investors", "ethnic (?:minority )?groups",
    # what tourism and trade launch: "45 new tourism products", "17 more products", "12 new
    # routes" (not the lines a statistics office follows: "among the 18 key products, 13 ...")
    r"(?:new|more|additional) (?:[^\W\d_]+ )?products", "routes",
    "industrial clusters?", "economic zones?", "industrial zones?", "industrial estates?",
    # the same nouns once "industrial" is said: "of which 18 parks and 23 clusters operate"
    "parks?", "clusters?",
    # licences issued: "cấp mới 2 giấy chứng nhận đầu tư", "12 investment certificates"
    "giấy chứng nhận(?: đăng ký)?(?: đầu tư)?", "giấy phép(?: đầu tư)?",
    "(?:investment )?certificates?", "(?:investment )?licen[cs]es?", "towns?", "communes?", "households?",
    "districts?",
    # countries an investment comes from or exports go to ("from 41 countries and
    # territories", "xuất khẩu sang 51 quốc gia"), and villages ("13 villages and hamlets")
    "countries(?: and territories)?", "nations", "quốc gia(?: và vùng lãnh thổ)?",
    "villages(?: and hamlets)?", "hamlets",
    "(?:social housing |housing )?units?", "houses", "apartments", "jobs", "workers",
    "labou?rers?",
    # physical output: the unit word stays in value_raw
    "tấn", "tons?", "tonnes?", "lít", "liters?", "litres?", "kwh", "mwh", "gwh", "xe", "ô tô",
    "vehicles?", "cars?", "packs?", "battery packs?", "chiếc",
    "việc làm", "thuê bao", "subscribers", "trường", "schools", "công nhân", "kỹ sư",
    "engineers",
    # the establishments and trades a sector counts: "45 hotels", "13 travel agencies",
    # "188 shrimp fry facilities", "about 130 exporters", "5.664 tàu cá", "3.654 lồng nuôi"
    "hotels", "restaurants", "agencies", "establishments", "facilities", "factories",
    "exporters", "teachers", "hospitals", "supermarkets", "fishing boats",
    "khách sạn", "nhà hàng", "siêu thị", "bệnh viện", "giáo viên", "tàu cá", "lồng(?: nuôi)?",
    "ngư dân",
    # wind turbines, as written with or without the hyphen: "25 tua-bin", "24 tuabin"
    "tua-bin(?: gió)?", "tuabin(?: gió)?", "tua bin(?: gió)?", "(?:wind )?turbines?",
    # capacities and plants: "322MW", "04 nhà máy", "1.149 hệ thống điện mặt trời"
    "mw", "kw", "gw", "mwp", "kwp", "nhà máy", "hệ thống",
    # pieces and areas of output, yields, new Party members: "125,7 triệu cái", "51,2 triệu
    # mét vuông", "46,58 tạ/ha", "8.793 đảng viên"
    "cái", "mét vuông", "tạ/ha", "tấn/ha", "đảng viên", "party members",
    "quintals?/ha", "quintals? per hectare", "tonnes?/ha", "tons?/ha",
    # units of firms registered beside the new firms: "95 chi nhánh, văn phòng đại diện",
    # "661 địa điểm kinh doanh", "40 branches and representative offices"
    "chi nhánh", "văn phòng đại diện", "địa điểm kinh doanh", "branches",
    "representative offices?",
    # days (nights) that guests stay, counted by accommodation statistics: never persons
    "ngày khách", "đêm khách", "guest[- ]nights?", "guest[- ]days?",
    # ports: terminals, berths, ship calls and containers ("24 bến cảng", "65 cầu cảng",
    # "0,2 triệu TEU", "120,000 ships")
    "bến cảng", "cầu cảng", "lượt tàu", "tàu thuyền", "teus?", "ships", "vessels", "berths",
    # farm reports: linkage chains, works built, growing-area codes, large fields, farms,
    # head of livestock, trees ("21 chuỗi liên kết", "66 công trình", "193 mã số vùng trồng",
    # "287 cánh đồng lớn", "81 trang trại", "168.915 con", "600.000 cây phân tán")
    "chuỗi(?: liên kết)?", "công trình", "mã số", "cánh đồng(?: lớn)?", "trang trại", "con",
    "cây", "farms?", "trees",
    # health staff and beds, often per 10,000 people: "12 bác sỹ", "32 giường bệnh"
    "bác sĩ", "bác sỹ", "doctors?", "giường bệnh", "giường", "(?:hospital )?beds?",
    # rail wagons through a border station, rooms of the accommodation counted: "30 toa",
    # "9.263 buồng", "19.199 phòng"
    "toa", "buồng", "phòng", "rooms",
    # workers counted, also each time they find a job: "31.350 lượt người lao động"
    "(?:lượt )?người lao động",
    # volumes of timber, sand, water: "54.663 m3", "1,2 triệu mét khối", "3,000 cubic metres"
    "m3", "m³", "mét khối", "cubic met(?:er|re)s?",
    # transport traffic, passengers or tonnes times kilometres: "48.846 nghìn lượt người.km",
    # "1.391.895 nghìn HK.km", "26,4 tỷ tấn.km", "281,3 Tr.người.Km", "5 million tonne-km"
    r"(?:lượt )?(?:người|hành khách|khách|hk)\s?[.\-]?\s?km", r"tấn\s?[.\-]?\s?km",
    r"(?:passengers?|tonnes?|tons?)[- ]km",
    # products counted in pairs: "18.806 nghìn đôi" (shoes), "2 million pairs"
    "đôi", "pairs?",
    # floor areas, of housing above all ("28 m2 sàn/người", "25 m² sàn", "30 square metres
    # per person"), and flights served by an airport ("58.000 chuyến bay", "40,000 flights")
    "m2(?: sàn)?", "m²(?: sàn)?", "mét vuông sàn", "square met(?:er|re)s?", "sq m",
    "chuyến bay", "flights?",
    # sessions held (job fairs, auctions): "74 phiên giao dịch việc làm", "12 job fairs"
    "phiên", "job fairs?",
)
# A compound amount: a whole number of a scale and up to 999 of the next one down.
_COMPOUND_RE = re.compile(r"(?P<big>\d{1,3}) (?:tỷ|tỉ) (?P<small>\d{1,3}) (?P<unit>triệu)(?= )|"
                          r"(?P<big2>\d{1,3}) triệu (?P<small2>\d{1,3}) (?P<unit2>nghìn|ngàn)(?= )|"
                          # "1 nghìn 773 tỷ đồng" (1.773 tỷ), "3 ngàn 200 tỉ"
                          r"(?P<big3>\d{1,3}) (?:nghìn|ngàn) (?P<small3>\d{1,3}) "
                          r"(?P<unit3>tỷ|tỉ)(?= )")
# A range whose first end repeats the second's scale and unit: "350 nghìn tỷ đến 400 nghìn tỷ
# đồng", "1,2 tỷ - 1,5 tỷ USD", "3 triệu tấn đến 4 triệu tấn"; read as "350 đến 400 nghìn tỷ
# đồng" (the words before the second number said once).
_REPEATED_UNIT_RANGE_RE = re.compile(
    rf"(?P<a>{_NUMBER}) (?P<w>[^\d\s%]+(?: [^\d\s%]+){{0,3}}) ?(?P<to>-|đến|tới|to) ?"
    rf"(?P<b>{_NUMBER}) (?P=w)(?= |$)")
# Words after the unit that describe the base or the time, not the number.
# "/tháng" (a month) is kept in value_raw and noted by the extractor: a monthly income is not
# comparable to a yearly one.
_TRAILERS = (r"(?:\s*(?:/\s*năm|/\s*year|/\s*yr|/\s*người|per person|per capita|per year|per annum|a year|annually|"
             r"each year|mỗi năm|hằng năm|hàng năm|y/y|yoy|grdp|of grdp|/\s*tháng|/\s*month|"
             r"per month|a month|mỗi tháng|hằng tháng|"
             # a daily rate of a count: "1.350 xe/ngày", "25 toa/ngày", "2.526 tấn/ngày"
             r"/\s*ngày|/\s*day|per day|a day|mỗi ngày|"
             # a price per barrel: "88 USD/thùng"
             r"/\s*thùng|per barrel|a barrel|"
             # money per unit of land: "120 triệu đồng/ha", "VND50 million per hectare"
             r"/\s*ha\b|/\s*héc\s?ta|per hectare|per ha\b|a hectare))*")

_SCALE_RE = "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True))
_CURRENCY_RE = "|".join(sorted(map(re.escape, _CURRENCIES), key=len, reverse=True))
_MONEY_RE = re.compile(
    rf"(?P<scales>(?:(?:{_SCALE_RE})\s*)*)(?P<cur>{_CURRENCY_RE})(?P<per>{_PER_PERSON})?"
    + _TRAILERS + "$"
)
# a scale is a word of its own: the "k" of "kWh" is none
# (one abbreviated with a full stop may run into its unit: "281,3 Tr.người.Km")
_SCALE_ONLY_RE = re.compile(rf"(?:(?:{_SCALE_RE})(?:(?<=\.)|(?![^\W\d_]))\s*)+(?P<rest>.*)$")
_PER_PERSON_ONLY_RE = re.compile(_PER_PERSON + _TRAILERS + "$", re.IGNORECASE)
_UNIT_RE = re.compile(
    "(?P<unit>" + "|".join(sorted(map(re.escape, _PLAIN_UNITS), key=len, reverse=True)) + ")"
    + _TRAILERS + "$"
)
_COUNT_RE = re.compile("(?:" + "|".join(_COUNT_NOUNS) + ")" + _TRAILERS + "$")
# Counters of products read as a count only after a scale word ("170 triệu viên" bricks,
# "172,8 triệu bao" cigarette packs): alone they begin other words ("viên chức", "bao gồm").
_SCALED_COUNT_RE = re.compile(r"(?:viên|bao)" + _TRAILERS + "$")
_LEADING_CURRENCY_RE = re.compile(rf"(?P<cur>{_CURRENCY_RE})\s*(?=\d)")

# Words that show the figure is written in English (its numbers then use English format).
_ENGLISH_WORDS = re.compile(
    r"\b(?:thousand|million|billion|trillion|quadrillion|bn|bln|mn|year|annually|annual|per|hectares?|people|"
    r"persons|times|percent|more|over|about|nearly|under|exceeding|at least|projects?|"
    r"enterprises?|units?|communes?|tourists|visitors|passengers|foreigners|industrial|dongs?|"
    r"dollars|rooms|vehicles)\b"
)
_VIETNAMESE_WORDS = re.compile(
    r"nghìn|ngàn|triệu|tỷ|tỉ|đồng|năm|người|lần|khoảng|trên|hơn|dưới|trở lên|dự án|doanh nghiệp"
)

_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2009\u2007\u200b\ufeff\t\r\n"), " ")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2013\u2014\u2212\u2012"), "-")
#: Both in one table (no character of one is made by the other): one pass over a figure.
_SPACES_AND_DASHES = str.maketrans({**_SPACES, **_DASHES})
_WHITE_RUN = re.compile(r"\s+")

# compiled once: every figure's words are read at several lengths
_TRAILERS_RE = re.compile(_TRAILERS)
_SEPARATOR = re.compile(r"[.,]")
_PERCENT_BEFORE_PERCENT = re.compile(r"^%\s*(?=%)")
_PERCENT_BEFORE_PER_CENT = re.compile(r"^%\s*(?=per ?cent\b|percent\b)", re.IGNORECASE)
_COMPOUND_HYPHEN = re.compile(r"^-\s?(?=[^\W\d_])")
_SCALE_WORD = re.compile(_SCALE_RE)


#: a range with its unit after both ends (Vietnamese range words only: "from 5% to 7%" in
#: English is often a change, read by the extractor)
_UNIT_TWICE_RE = re.compile(r"(?P<lead>từ\s+)?(?P<a>\d[\d.,]*)(?P<u>\s*[^\d\s][^\d]*?)\s+"
                            r"(?P<w>đến|tới)\s+(?P<b>\d[\d.,]*)(?P=u)$")


def _normalise(text: str) -> str:
    """NFC, plain spaces and hyphens, lower case, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_SPACES_AND_DASHES)
    return _WHITE_RUN.sub(" ", text).strip().lower()


def infer_lang(text: str) -> str | None:
    """Guess the number format of a figure from its words.

    Parameters
    ----------
    text : str
        The figure (or any text) as written.

    Returns
    -------
    {"en", "vi"} or None
        ``"en"`` when English scale or unit words appear and no Vietnamese ones, ``"vi"`` when
        Vietnamese words appear, None when the words say nothing (``"7.500"``, ``"48%"``).

    Examples
    --------
    >>> infer_lang("328,283 billion VND"), infer_lang("57 nghìn tỷ đồng"), infer_lang("7.500")
    ('en', 'vi', None)
    """
    s = _normalise(text)
    if _VIETNAMESE_WORDS.search(s):
        return "vi"
    if _ENGLISH_WORDS.search(s):
        return "en"
    return None


def _read_number(text: str, lang: str | None) -> tuple[Decimal, str | None, bool]:
    """Return (number, format used, ambiguous) for digits with ``.``/``,`` separators."""
    groups = _SEPARATOR.split(text)
    seps = _SEPARATOR.findall(text)
    if not seps:
        return Decimal(text), None, False

    def grouped(sep: str) -> bool:  # every separator is `sep` and groups three digits
        return (all(s == sep for s in seps) and len(groups[0]) <= 3 and groups[0] != ""
                and all(len(g) == 3 for g in groups[1:]))

    def with_decimal(thousands: str, decimal: str) -> Decimal | None:
        head, _, frac = text.rpartition(decimal)
        if thousands in frac or decimal in head or not frac or not head:
            return None
        parts = head.split(thousands)
        if thousands in head and (len(parts[0]) > 3 or any(len(p) != 3 for p in parts[1:])):
            return None
        return Decimal("".join(parts) + "." + frac)

    if len(seps) == 1 and groups[1] == "000" and 0 < len(groups[0]) <= 3:
        # "6,000 ha", "1.000 tỷ đồng": three zeros are never written as decimals, so the mark
        # groups thousands whichever the format ("," English, "." Vietnamese)
        return Decimal(groups[0] + "000"), "en" if seps[0] == "," else "vi", False
    readings = {}  # lang -> value
    for fmt, thousands, decimal in (("vi", ".", ","), ("en", ",", ".")):
        if grouped(thousands):
            readings[fmt] = Decimal(text.replace(thousands, ""))
        elif (value := with_decimal(thousands, decimal)) is not None:
            readings[fmt] = value
    if not readings:
        raise ParseError(
            f"cannot read {text!r} as a number: expected Vietnamese format ('.' groups "
            "thousands, ',' is the decimal mark, e.g. '652.153' or '8,5') or English format "
            "(',' groups thousands, '.' is the decimal mark, e.g. '328,283' or '9.17')"
        )
    if len(readings) == 1:
        (fmt, value), = readings.items()
        return value, fmt, False
    chosen = lang or "vi"
    return readings[chosen], chosen, True


def parse_number(text: str, *, lang: str | None = None) -> float:
    """Read one number written the Vietnamese (or English) way.

    Parameters
    ----------
    text : str
        Digits with separators, e.g. ``"652.153"``, ``"8,5"``, ``"16.216,40"`` or ``"9.17"``.
    lang : {"vi", "en"}, optional
        Number format for a number that reads both ways (``"7.500"``); Vietnamese when None.

    Returns
    -------
    float

    Raises
    ------
    ParseError
        If the text is not a number in either format (``"1.5.0"``).

    Examples
    --------
    >>> parse_number("16.216,40")
    16216.4
    >>> parse_number("7.500"), parse_number("7.500", lang="en")
    (7500.0, 7.5)
    """
    _check_lang(lang)
    cleaned = _normalise(text)
    if not re.fullmatch(_NUMBER, cleaned):
        raise ParseError(
            f"cannot read {text!r} as a number: expected digits in Vietnamese format "
            "('.' groups thousands, ',' is the decimal mark, e.g. '652.153' or '8,5')"
        )
    return float(_read_number(cleaned, lang)[0])


def _check_lang(lang: str | None) -> None:
    # None lets the words decide (infer_lang); otherwise the one language check.
    if lang is not None:
        check_lang(lang)


def _read_tail(tail: str, pct: bool, text: str) -> tuple[str | None, int]:
    """Return (unit, scale factor) for what follows the number(s) of ``text``.

    Raises
    ------
    ParseError
        If the words name no unit; the message names ``text`` and the words.
    """
    reading = _tail_reading(tail, pct)
    if isinstance(reading, str):
        raise ParseError(f"cannot read {text!r}: {reading}")
    return reading


@lru_cache(maxsize=1 << 14)
def _tail_reading(tail: str, pct: bool) -> tuple[str | None, int] | str:
    """:func:`_read_tail`'s (unit, scale factor) for ``tail``, or why it reads none (the
    message after the figure's words). Remembered: a document writes its few units after
    thousands of numbers."""
    tail = tail.strip()
    if pct:
        tail = ("% " + tail).strip()
    tail = _PERCENT_BEFORE_PERCENT.sub("", tail)  # "8,5%-9%": the first % was consumed already
    # "8.5 per cent to 9 per cent": likewise the first "per cent"
    tail = _PERCENT_BEFORE_PER_CENT.sub("", tail)
    if not tail or _TRAILERS_RE.fullmatch(tail):
        return None, 1
    # an English compound adjective: "the 7.4-hectare park", "a 2.3-fold rise" (also with a
    # space after the hyphen, as pages break it: "a 2.3- fold rise")
    tail = _COMPOUND_HYPHEN.sub("", tail)
    if m := _MONEY_RE.match(tail):
        scale = 1
        for word in _SCALE_WORD.findall(m["scales"]):
            scale *= _SCALES[word]
        return _CURRENCIES[m["cur"]] + ("/person" if m["per"] else ""), scale
    if m := _UNIT_RE.match(tail):
        return _PLAIN_UNITS[m["unit"]], 1
    if _COUNT_RE.match(tail):
        return "count", 1
    if m := _SCALE_ONLY_RE.match(tail):  # "3,5 triệu lượt khách", "1,2 triệu người"
        scale = 1
        for word in _SCALE_WORD.findall(tail[: len(tail) - len(m["rest"])]):
            scale *= _SCALES[word]
        if m["rest"].strip().lower() == "lượt":  # "4,46 triệu lượt": millions of visits
            return "persons", scale
        if _PER_PERSON_ONLY_RE.match(m["rest"]):
            # "97,5 triệu/người/năm", "97.5 million per person per year": an amount per person
            # whose currency goes without saying, the đồng of the country's own figures
            return "VND/person", scale
        if _SCALED_COUNT_RE.match(m["rest"].strip()):
            return "count", scale
        if m["rest"]:
            inner = _tail_reading(m["rest"], False)
            if isinstance(inner, str):
                return inner
            unit, _ = inner
            if unit in ("persons", "count", "ha", "km2"):  # "116,5 nghìn ha": areas too
                return unit, scale
        return f"scale word in {tail!r} without a currency or unit"
    return (
        f"unknown unit {tail!r}; expected %, điểm phần trăm, lần, a "
        "currency (USD, đồng, VND) with an optional scale (nghìn, triệu, tỷ, nghìn tỷ, billion) "
        "and an optional /người, ha, km², người or a counted noun (dự án, khu công nghiệp, ...)"
    )


def parse_value(text: str, *, unit: str | None = None, lang: str | None = None) -> ParsedValue:
    """Read a figure as written in a document into bounds, qualifier and unit.

    Parameters
    ----------
    text : str
        The figure exactly as written, e.g. ``"Trên 48%"``, ``"khoảng 48-50%"``,
        ``"8,5 tỷ USD"``, ``"652.153 tỷ đồng"``, ``"10%/năm trở lên"``, ``"1,5 lần"``,
        ``"328,283 billion VND"`` or ``"5.100"``.
    unit : str, optional
        The unit to use when the text itself names none (a table cell whose unit is in the
        row header). If the text names a different unit, that is an error.
    lang : {"vi", "en"}, optional
        The document's number format, used for numbers that read both ways (``"7.500"``).
        None infers it from the figure's words (see :func:`infer_lang`), else Vietnamese.

    Returns
    -------
    ParsedValue
        With ``ambiguous=True`` when a number read both ways and ``lang`` decided.

    Raises
    ------
    ParseError
        If the text cannot be read, names the text and what was expected.

    Examples
    --------
    >>> parse_value("Trên 48%")
    ParsedValue(low=48.0, high=None, qualifier='above', unit='percent')
    >>> parse_value("652.153 tỷ đồng").low
    652153000000000.0
    >>> parse_value("328,283 billion VND").low
    328283000000000.0
    >>> parse_value("7.500", lang="en").low, parse_value("7.500", lang="en").ambiguous
    (7.5, True)
    """
    _check_lang(lang)
    if not isinstance(text, str) or not text.strip():
        raise ParseError(f"cannot read {text!r}: expected a figure such as 'Trên 48%'")
    s = _normalise(text)
    if m := _REPEATED_UNIT_RANGE_RE.search(s):
        s = f"{s[:m.start()]}{m['a']} {m['to']} {m['b']} {m['w']}{s[m.end():]}"
    qualifier = "exact"

    def set_qualifier(word_q: str) -> None:
        nonlocal qualifier
        if word_q == "neutral":
            return
        if qualifier != "exact" and qualifier != word_q:
            # "khoảng hơn 2 triệu", "khoảng dưới 5%": about and a bound together read as
            # the bound
            if {qualifier, word_q} in ({"about", "above"}, {"about", "below"}):
                qualifier = ({qualifier, word_q} - {"about"}).pop()
                return
            raise ParseError(f"cannot read {text!r}: contradictory qualifiers")
        qualifier = word_q

    sign, fall_word = 1, False
    # Leading words in any order: qualifiers ("khoảng"), and a fall ("giảm 2%", "âm 1,2%").
    while True:
        if m := _QUALIFIER_RE.match(s):
            set_qualifier(_QUALIFIER_OF[m.group(0)])
        elif m := _FALL_RE.match(s):
            sign = -1
            # a fall said in words ("giảm 2-2,5%/năm") makes both ends negative; a minus sign
            # before a range ("-2-2,5%") does not say which ends it covers
            fall_word = m.group(0).strip() not in ("-", "âm", "minus")
        else:
            break
        s = s[m.end():].lstrip()
    if m := _TRAILING_RE.search(s):
        set_qualifier(_TRAILING_OF[m["w"]])
        s = s[: m.start()].rstrip()
    if m := _TRAILING_FALL_RE.search(s):
        sign = -1
        s = s[: m.start()].rstrip()
    # A currency written first: "USD 1.2 billion", "$1.2 billion", "VND 82,000 billion".
    if m := _LEADING_CURRENCY_RE.match(s):
        rest = s[m.end():]
        per = re.search(r"\s*(?:/|\bper\b)", rest)  # "USD 4,200 per capita"
        cut = per.start() if per else len(rest)
        s = f"{rest[:cut]} {m['cur']}{rest[cut:]}"
    # "1 tỉ 953 triệu USD", "2 triệu 500 nghìn đồng": a compound amount, in the smaller unit
    if m := _COMPOUND_RE.match(s):
        big, small, scale_word = next((m[f"big{i}"], m[f"small{i}"], m[f"unit{i}"])
                                      for i in ("", "2", "3") if m[f"big{i}"])
        s = f"{int(big) * 1000 + int(small)} {scale_word}{s[m.end():]}"
    # "từ 71,65 triệu tấn đến 86,15 triệu tấn", "3,6%/năm đến 4,5%/năm": a range whose unit
    # is written after both ends reads as the unit written once
    if m := _UNIT_TWICE_RE.match(s):
        s = f"{m['lead'] or ''}{m['a']} {m['w']} {m['b']}{m['u']}"
    between = _BETWEEN_RE.match(s)
    if between:
        s = s[between.end():]
    body = (_BETWEEN_BODY_RE if between else _BODY_RE).fullmatch(s)
    if body is None:
        raise ParseError(
            f"cannot read {text!r}: expected a qualifier (trên, khoảng, ...), a number in "
            "Vietnamese format ('.' thousands, ',' decimals) and a unit"
        )
    found_unit, scale = _read_tail(body["tail"], bool(body["pct1"]), text)
    if found_unit is None:
        found_unit = unit
    elif unit is not None and unit != found_unit:
        raise ParseError(f"cannot read {text!r}: it names unit {found_unit!r}, expected {unit!r}")
    number_lang = lang or infer_lang(text)
    a, fmt_a, amb_a = _read_number(body["a"], number_lang)
    b, fmt_b, amb_b = _read_number(body["b"], number_lang) if body["b"] else (a, None, False)
    if fmt_a and fmt_b and fmt_a != fmt_b:
        raise ParseError(f"cannot read {text!r}: its two numbers are in different formats")
    low = float(sign * a * scale)
    high = float(sign * b * scale)
    if sign < 0 and body["b"] and fall_word:
        low, high = min(low, high), max(low, high)
    elif sign < 0 and body["b"]:
        raise ParseError(f"cannot read {text!r}: a negative range is ambiguous; write both signs")
    if high < low:
        raise ParseError(f"cannot read {text!r}: range ends below its start ({high:g} < {low:g})")
    if body["b"] and qualifier == "exact":
        qualifier = "range"
    elif body["b"] and qualifier in ("above", "below"):
        raise ParseError(f"cannot read {text!r}: an open qualifier cannot take a range")
    if qualifier == "above":
        high = None
    elif qualifier == "below":
        low = None
    return ParsedValue(low=low, high=high, qualifier=qualifier, unit=found_unit,
                       number_format=fmt_a or fmt_b, ambiguous=amb_a or amb_b)
