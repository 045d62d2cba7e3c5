"""Each notebook's parameters, defined once.

The one definition per parameter (name, type, default, choices or range, help, label) serves
three uses: validating values before any kernel starts, building the widget controls, and the
"parameters of this run" summary printed at the top of every executed notebook. Checks across
one notebook's parameters are registered beside them (:func:`cross_check`); region choices
come from the region registry (:func:`hy_analysis.loading.load_region_map`).
"""

from __future__ import annotations

import inspect
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from . import paths
from .exceptions import ParameterError
from .vocabulary import COUNTRIES, LANGS, country_label, messages, territory_label

__all__ = [
    "Param", "NOTEBOOK_PARAMS", "COMMON_PARAMS", "notebook_names", "get_params",
    "validate_params", "coerce_text", "convert_text", "params_summary", "region_choices",
    "country_choices", "province_choices", "user_data_files", "USER_DATA_SUFFIXES",
    "TOOL_NOTEBOOKS", "CROSS_CHECKS", "cross_check", "format_value",
]

#: Types a parameter may have. ``optional[...]`` also accepts None; a ``path`` is the text of
#: an existing file's path.
TYPES = ("str", "int", "float", "bool", "list[str]", "list[int]", "list[float]",
         "optional[int]", "optional[float]", "optional[list[str]]", "optional[list[path]]")

#: Files a user's own data may be in (what :func:`hy_analysis.loading.read_rows` reads).
USER_DATA_SUFFIXES = (".csv", ".xlsx", ".xlsm")


def region_choices(*, data_dir: str | os.PathLike | None = None) -> tuple[str, ...]:
    """The regions with figures in the region registry of ``data_dir`` (default: the
    dataset's data folder): :meth:`hy_analysis.territories.RegionMap.regions`.

    The registry is read once per change of its files
    (:func:`hy_analysis.loading.load_region_map`), so checking many parameter sets reads it
    once, and a plan on another data folder sees that folder's regions.
    """
    from .loading import load_region_map  # lazy: params are checked without pandas at import

    return load_region_map(data_dir).regions()


def _provinces_without_data(value: Any, *, data_dir=None) -> str:
    """The rest of the registry, for the error of a region parameter."""
    from .loading import load_region_map

    rest = load_region_map(data_dir).provinces_without_data()
    known = f"{value!r} is a province with no figures in this dataset (once rows for it are " \
        "added, list it in regions.csv of the data folder); " if value in rest else ""
    return f"{known}provinces without figures: {', '.join(rest)}"


def province_choices(*, data_dir: str | os.PathLike | None = None) -> tuple[str, ...]:
    """The provinces after the 2025 merger of the regions with figures (old or merged).

    A province is offered as soon as one of its territories has figures, so a notebook can
    say what it lacks rather than refuse it.
    """
    from .loading import load_region_map

    frame = load_region_map(data_dir).frame
    return tuple(dict.fromkeys(frame.loc[frame["has_data"].astype(bool),
                                         "province_after_2025"].astype(str)))


def country_choices() -> tuple[str, ...]:
    """Investor countries named in the FDI figures."""
    return COUNTRIES


def user_data_files(value: list | tuple | None = None, *,
                    data_dir: str | os.PathLike | None = None) -> list[Path]:
    """The files the ``user_data`` parameter stands for.

    Parameters
    ----------
    value : list of str or None
        The parameter's value: paths of the user's data files, or None for every file of
        the ``user/`` folder of the data folder (none when that folder does not exist).
    data_dir : path, optional
        The data folder (default :func:`hy_analysis.paths.data_dir`).

    Returns
    -------
    list of Path
        In the order given, or sorted by name for the folder's files (hidden files and files
        other than CSV and Excel are left out).

    Examples
    --------
    >>> user_data_files(["a.csv", "b.xlsx"])
    [PosixPath('a.csv'), PosixPath('b.xlsx')]
    >>> user_data_files(None, data_dir="/nonexistent")
    []
    """
    if value is not None:
        return [Path(v) for v in value]
    folder = paths.data_dir(data_dir) / "user"
    if not folder.is_dir():
        return []
    # data/user/sources.csv is the user's sources file (loading reads it), not target rows
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
                  and p.suffix.lower() in USER_DATA_SUFFIXES and p.name != "sources.csv")


@dataclass(frozen=True)
class Param:
    """One notebook parameter.

    Attributes
    ----------
    name : str
        The variable name in the notebook's ``parameters`` cell.
    type : str
        One of :data:`TYPES`.
    default : object
        The literal in the ``parameters`` cell.
    help : str
        One line for ``hy-analysis list``, the widget tooltip and the summary, in English.
    help_vi : str
        The same line in Vietnamese (:meth:`explanation` of a Vietnamese page).
    choices : tuple or callable, optional
        Allowed values (for lists: allowed items); a callable is asked lazily (data-driven),
        with the data folder as keyword ``data_dir`` when it takes one.
    min, max : float, optional
        Inclusive range for numbers (for lists: every item).
    """

    name: str
    type: str
    default: Any
    help: str
    choices: tuple | Callable[[], tuple] | None = None
    min: float | None = None
    max: float | None = None
    label_vi: str = ""
    label_en: str = ""
    help_vi: str = ""
    #: How each allowed value is shown to people, by language (values stay as they are).
    value_labels: dict | None = None
    #: More words for the error of a value outside the choices: ``explain(value, data_dir=)``.
    explain: Callable[..., str] | None = None

    def label(self, lang: str) -> str:
        """The parameter's name for people in ``lang`` (its variable name when it has none).

        Examples
        --------
        >>> get_params("fdi_by_country")[0].label("en")
        'Region'
        """
        return (self.label_vi if lang == "vi" else self.label_en) or self.name

    def explanation(self, lang: str) -> str:
        """What the parameter does, in ``lang`` (the English line where no Vietnamese one is).

        Examples
        --------
        >>> {p.name: p for p in get_params("fdi_by_country")}["lang"].explanation("vi")
        'ngôn ngữ của nhãn, lời văn và cách viết số'
        """
        return (self.help_vi if lang == "vi" else "") or self.help

    def none_label(self, lang: str) -> str:
        """What an empty value of the parameter means, in ``lang`` (the meaning its ``help``
        gives to None): shown for an empty value in reports and as a text box's placeholder.

        Examples
        --------
        >>> params = {p.name: p for p in get_params("attainment")}
        >>> params["as_of"].none_label("en"), params["tolerance"].none_label("vi")
        ('latest year with data', 'không có')
        """
        words = messages("none-words", lang)
        return words.get(self.name, words["_"])

    def value_label(self, value, lang: str) -> str:
        """The display name of an allowed value in ``lang`` (territories in the reader's words)."""
        label = (self.value_labels or {}).get(lang, {}).get(value)
        return label if label is not None else territory_label(str(value), lang=lang)

    @property
    def base_type(self) -> str:
        """The type without ``optional[...]``."""
        return self.type[9:-1] if self.type.startswith("optional[") else self.type

    def allowed(self, *, data_dir: str | os.PathLike | None = None) -> tuple | None:
        """The allowed values, asking a data-driven callable about ``data_dir``.

        A callable that takes a ``data_dir`` keyword gets it; one without (a fixed
        vocabulary) is called with no argument.
        """
        if not callable(self.choices):
            return self.choices
        if "data_dir" in inspect.signature(self.choices).parameters:
            return self.choices(data_dir=data_dir)
        return self.choices()

    def check(self, value: Any, *,
              data_dir: str | os.PathLike | None = None) -> tuple[Any, list[str]]:
        """Return the value converted to this parameter's type and the problems found.

        ``data_dir`` is the data folder data-driven choices are read from (default: the
        dataset's). A ``path`` comes back absolute, so a kernel started in another folder
        reads the same file.
        """
        problems: list[str] = []
        base = self.base_type
        if value is None:
            if self.type.startswith("optional["):
                return None, []
            return value, [f"parameter {self.name!r}: expected {self.type}, got None"]
        if base.startswith("list["):
            item_type = base[5:-1]
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                value = [value]  # a single country or rate is a one-item list
            if not isinstance(value, (list, tuple)):
                return value, [f"parameter {self.name!r}: expected {self.type}, "
                               f"got {type(value).__name__} {value!r}"]
            items = []
            for item in value:
                converted, item_problems = self._check_scalar(item, item_type,
                                                              data_dir=data_dir)
                items.append(converted)
                problems += item_problems
            return items, problems
        converted, problems = self._check_scalar(value, base, data_dir=data_dir)
        return converted, problems

    def _range_problem(self, value: float) -> str | None:
        below = self.min is not None and value < self.min
        above = self.max is not None and value > self.max
        if not (below or above):
            return None
        if self.min is not None and self.max is not None:
            return f"outside the allowed range {self.min:g} to {self.max:g}"
        return f"at least {self.min:g}" if below else f"at most {self.max:g}"

    def _check_scalar(self, value: Any, type_name: str, *,
                      data_dir=None) -> tuple[Any, list[str]]:
        where = f"parameter {self.name!r}"
        if type_name == "bool":
            if isinstance(value, bool):
                return value, []
            return value, [f"{where}: expected true or false, got {value!r}"]
        if type_name in ("int", "float"):
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if type_name == "int" and ok and float(value) != int(value):
                ok = False
            if not ok:
                return value, [f"{where}: expected a number ({type_name}), got "
                               f"{type(value).__name__} {value!r}"]
            value = int(value) if type_name == "int" else float(value)
            problem = self._range_problem(value)
            return value, [f"{where}: {value!r} is {problem}"] if problem else []
        if type_name == "path":
            return _check_path(where, value)
        if not isinstance(value, str):
            return value, [f"{where}: expected text, got {type(value).__name__} {value!r}"]
        allowed = self.allowed(data_dir=data_dir)
        if allowed is not None and value not in allowed:
            more = f"; {self.explain(value, data_dir=data_dir)}" if self.explain else ""
            return value, [f"{where}: unknown value {value!r}; valid choices: "
                           + ", ".join(map(str, allowed)) + more]
        return value, []


def _check_path(where: str, value: Any) -> tuple[Any, list[str]]:
    if not isinstance(value, (str, os.PathLike)) or not str(value).strip():
        return value, [f"{where}: expected the path of a data file, got "
                       f"{type(value).__name__} {value!r}"]
    path = Path(value).expanduser()
    if not path.is_file():
        return value, [f"{where}: no such file {str(value)!r} (looked for {path.absolute()}); "
                       "expected a CSV or Excel file with the columns of data/targets.csv"]
    if path.suffix.lower() not in USER_DATA_SUFFIXES:
        return value, [f"{where}: {str(value)!r} is not a CSV or Excel file; expected one of "
                       + ", ".join(USER_DATA_SUFFIXES)]
    return str(path.resolve()), []


_LANG = Param("lang", "str", "vi", "language of labels, prose and number format",
              help_vi="ngôn ngữ của nhãn, lời văn và cách viết số",
              choices=LANGS, label_vi="Ngôn ngữ", label_en="Language")
_REGION = Param("region", "str", "Hưng Yên", "region whose figures are analysed",
                help_vi="địa phương có số liệu được phân tích",
                choices=region_choices, label_vi="Địa phương", label_en="Region",
                explain=_provinces_without_data)

#: Every notebook (file stem in notebooks/) and its parameters, in cell order.
NOTEBOOK_PARAMS: dict[str, tuple[Param, ...]] = {
    "industrial_growth": (
        _REGION,
        Param("start_year", "int", 2021, "first year of the index paths", min=2000, max=2050,
              help_vi="năm đầu của các đường chỉ số",
              label_vi="Từ năm", label_en="From year"),
        Param("end_year", "int", 2030, "last year of the index paths", min=2000, max=2050,
              help_vi="năm cuối của các đường chỉ số",
              label_vi="Đến năm", label_en="To year"),
        Param("scenario_growth", "list[float]", [8.0, 12.0],
              "annual growth rates (%/yr) compared with the targets", min=-50, max=100,
              help_vi="các tốc độ tăng trưởng (%/năm) đặt cạnh mục tiêu",
              label_vi="Kịch bản tăng trưởng (%/năm)", label_en="Scenario growth (%/yr)"),
        Param("compare_region", "str", "Bắc Giang",
              "region whose implied growth is set beside the region's for comparison",
              help_vi="địa phương có tốc độ tăng hàm ý được đặt cạnh để so sánh",
              choices=region_choices, label_vi="Địa phương so sánh",
              label_en="Comparison region"),
        _LANG,
    ),
    "fdi_by_country": (
        _REGION,
        Param("countries", "list[str]", list(COUNTRIES),
              "investor countries shown", choices=country_choices,
              help_vi="các quốc gia đầu tư được hiển thị",
              label_vi="Quốc gia đầu tư", label_en="Investor countries",
              value_labels={"vi": {c: country_label(c, lang="vi") for c in COUNTRIES}}),
        Param("include_other", "bool", True,
              "show 'other countries' as the derived remainder of the total",
              help_vi="hiện 'các nước khác': phần còn lại của tổng (số suy ra)",
              label_vi="Hiện các nước khác", label_en="Show other countries"),
        _LANG,
    ),
    "urbanisation": (
        _REGION,
        Param("target_years", "list[int]", [2025, 2030], "years whose rate targets are compared",
              help_vi="các năm có mục tiêu tỷ lệ được so sánh",
              min=2000, max=2060, label_vi="Năm mục tiêu", label_en="Target years"),
        Param("baseline_year", "optional[int]", None,
              "year of a measured rate you supply (None: no baseline)", min=2000, max=2060,
              help_vi="năm của tỷ lệ đo được do bạn cung cấp (để trống: không có mốc cơ sở)",
              label_vi="Năm cơ sở", label_en="Baseline year"),
        Param("baseline_rate", "optional[float]", None,
              "measured urbanisation rate (%) in baseline_year (None: no baseline)",
              help_vi="tỷ lệ đô thị hóa đo được (%) trong năm cơ sở (để trống: không có mốc cơ sở)",
              min=0, max=100, label_vi="Tỷ lệ cơ sở (%)", label_en="Baseline rate (%)"),
        _LANG,
    ),
    "overview": (
        Param("regions", "optional[list[str]]", None, "regions shown (None: every region)",
              help_vi="các địa phương được hiển thị (để trống: mọi địa phương)",
              choices=region_choices, label_vi="Địa phương", label_en="Regions",
              explain=_provinces_without_data),
        Param("kinds", "list[str]", ["target", "actual"], "targets, actuals or both",
              help_vi="mục tiêu, số thực hiện hoặc cả hai",
              choices=("target", "actual"), label_vi="Loại số liệu", label_en="Kinds",
              value_labels={"vi": {"target": "mục tiêu", "actual": "thực hiện"},
                            "en": {"target": "targets", "actual": "actuals"}}),
        _LANG,
    ),
    "attainment": (
        Param("region", "str", "Hưng Yên",
              "region or territory whose targets are assessed (a region: all its territories, "
              "e.g. the old and the merged Hưng Yên)",
              help_vi="địa phương hoặc địa bàn có mục tiêu được đánh giá (một địa phương: mọi "
              "địa bàn của nó, ví dụ Hưng Yên cũ và Hưng Yên sau sáp nhập)",
              choices=lambda *, data_dir=None: attainment_region_choices(data_dir=data_dir),
              label_vi="Địa phương / địa bàn",
              label_en="Region or territory", explain=_provinces_without_data),
        Param("as_of", "optional[int]", None,
              "use the figures up to this year only (None: every figure); each target is "
              "judged as of its own territory's latest figure",
              help_vi="chỉ dùng số liệu đến năm này (để trống: mọi số liệu); mỗi mục tiêu được "
              "đánh giá theo số liệu mới nhất của địa bàn của nó",
              min=2000, max=2060, label_vi="Đánh giá đến năm", label_en="Assessed as of"),
        Param("tolerance", "float", 0.05,
              "how far short of an 'about' (khoảng) target still counts as met, as a fraction",
              help_vi="mức thiếu hụt so với mục tiêu 'khoảng' vẫn được tính là đạt (phân số)",
              min=0, max=0.5, label_vi="Dung sai 'khoảng'", label_en="'About' tolerance"),
        Param("on_track", "float", 0.95,
              "pace ratio from which a running target is on track", min=0, max=2,
              help_vi="tỷ số tiến độ từ đó một mục tiêu đang thực hiện được coi là đúng hướng",
              label_vi="Ngưỡng đúng hướng", label_en="On-track threshold"),
        Param("acceleration_needed", "float", 0.6,
              "pace ratio from which a running target needs acceleration (below: limited "
              "progress)", min=0, max=2, label_vi="Ngưỡng cần tăng tốc",
              help_vi="tỷ số tiến độ từ đó một mục tiêu đang thực hiện cần tăng tốc (thấp "
              "hơn: tiến triển hạn chế)",
              label_en="Acceleration threshold"),
        _LANG,
    ),
    "provinces_compared": (
        Param("provinces", "list[str]", ["Hưng Yên", "Bắc Ninh"],
              "provinces after the 2025 merger compared side by side (their merged "
              "territories)", choices=province_choices,
              help_vi="các tỉnh sau sáp nhập năm 2025 được so sánh cạnh nhau (các địa bàn "
              "sau sáp nhập)",
              label_vi="Các tỉnh so sánh", label_en="Provinces compared"),
        _LANG,
    ),
    # A JupyterLab tool (see TOOL_NOTEBOOKS): review a document's extracted figures.
    "review_extraction": (
        Param("document", "str", "",
              "document to review (.txt, .html, .docx, .pdf); empty: the sample report in "
              "data/samples/", label_vi="Tài liệu", label_en="Document",
              help_vi="tài liệu cần rà soát (.txt, .html, .docx, .pdf); để trống: báo cáo mẫu "
              "trong data/samples/"),
        Param("region", "str", "Hưng Yên", "region of the figures that name none",
              help_vi="địa phương của các số liệu không nêu địa phương",
              choices=region_choices, label_vi="Địa phương", label_en="Region",
              explain=_provinces_without_data),
        Param("date", "str", "", "the document's date, YYYY-MM-DD (empty: the sample's, or "
              "unknown)", label_vi="Ngày tài liệu", label_en="Document date",
              help_vi="ngày của tài liệu, YYYY-MM-DD (để trống: ngày của báo cáo mẫu, hoặc "
              "không rõ)"),
        Param("source_id", "str", "", "the document's id in data/sources.csv (empty: the "
              "sample's, or the file name)", label_vi="Mã nguồn", label_en="Source id",
              help_vi="mã của tài liệu trong data/sources.csv (để trống: mã của báo cáo mẫu, "
              "hoặc tên tệp)"),
        _LANG,
    ),
}

#: Notebooks that are tools for JupyterLab: run by name, left out of a run of every notebook
#: (``make report``, ``hy-analysis run`` without names).
TOOL_NOTEBOOKS: tuple[str, ...] = ("review_extraction",)


#: Parameters every notebook has, after its own (one definition for all, future ones too).
COMMON_PARAMS: tuple[Param, ...] = (
    Param("user_data", "optional[list[path]]", None,
          "your own data files (CSV or Excel, the columns of data/targets.csv) read with "
          "ours; None: every file in the user/ folder of the data folder",
          help_vi="các tệp số liệu của bạn (CSV hoặc Excel, các cột của data/targets.csv) "
          "được đọc cùng số liệu của dự án; để trống: mọi tệp trong thư mục user/ của thư mục "
          "số liệu",
          label_vi="Tệp số liệu của bạn", label_en="Your data files"),
)


def notebook_names() -> tuple[str, ...]:
    """Names of the parameterised notebooks, in the order they are run and listed."""
    return tuple(NOTEBOOK_PARAMS)


def get_params(notebook: str) -> tuple[Param, ...]:
    """The parameter definitions of ``notebook`` (its file stem): its own, then the common ones."""
    try:
        return (*NOTEBOOK_PARAMS[notebook], *COMMON_PARAMS)
    except KeyError:
        raise ParameterError(
            f"unknown notebook {notebook!r}; valid choices: {', '.join(NOTEBOOK_PARAMS)}"
        ) from None


#: Checks across one notebook's parameters, registered with :func:`cross_check`: each takes
#: the converted values and returns a problem or None.
CROSS_CHECKS: dict[str, list[Callable[[dict], str | None]]] = {}


def cross_check(notebook: str):
    """Register a check across ``notebook``'s parameters (a decorator)."""
    def register(check: Callable[[dict], str | None]):
        CROSS_CHECKS.setdefault(notebook, []).append(check)
        return check
    return register


@cross_check("industrial_growth")
def _years_in_order(values: dict) -> str | None:
    if values["start_year"] >= values["end_year"]:
        return (f"parameters 'start_year' ({values['start_year']}) and 'end_year' "
                f"({values['end_year']}): start_year must be before end_year")
    return None


@cross_check("urbanisation")
def _baseline_pair(values: dict) -> str | None:
    if (values["baseline_year"] is None) != (values["baseline_rate"] is None):
        return ("parameters 'baseline_year' and 'baseline_rate' go together: give both or "
                "neither")
    return None


def _at_least_one(name: str, what: str,
                  choices: Callable[[], Sequence[str]]) -> Callable[[dict], str | None]:
    """A check that the list parameter ``name`` holds at least one ``what``."""
    def check(values: dict) -> str | None:
        if not values[name]:
            return (f"parameter '{name}': expected at least one {what}; valid choices: "
                    + ", ".join(choices()))
        return None
    return check


# The choices are looked up when the check runs (the data folder may have changed).
cross_check("fdi_by_country")(_at_least_one("countries", "country", lambda: country_choices()))
cross_check("provinces_compared")(_at_least_one("provinces", "province",
                                                lambda: province_choices()))


@cross_check("attainment")
def _bands_in_order(values: dict) -> str | None:
    if values["acceleration_needed"] > values["on_track"]:
        # The bands are ordered: acceleration needed lies below on track.
        return (f"parameters 'acceleration_needed' ({values['acceleration_needed']:g}) and "
                f"'on_track' ({values['on_track']:g}): expected acceleration_needed at most "
                "on_track")
    return None


def _cross_checks(notebook: str, values: dict) -> list[str]:
    found = (check(values) for check in CROSS_CHECKS.get(notebook, ()))
    return [problem for problem in found if problem]


def validate_params(notebook: str, values: dict | None = None, *,
                    data_dir: str | os.PathLike | None = None) -> dict:
    """Check and convert one parameter set; fill in defaults.

    Parameters
    ----------
    notebook : str
        Notebook name (file stem), e.g. ``"fdi_by_country"``.
    values : dict, optional
        Parameter values to use instead of the defaults.
    data_dir : path, optional
        The data folder whose regions are valid choices (default: the dataset's).

    Returns
    -------
    dict
        Every parameter of the notebook, converted, in definition order.

    Raises
    ------
    ParameterError
        Listing every problem: unknown names, wrong types, values outside the choices or range.

    Examples
    --------
    >>> validate_params("fdi_by_country", {"countries": "Japan"})["countries"]
    ['Japan']
    """
    params = get_params(notebook)
    values = dict(values or {})
    names = [p.name for p in params]
    problems = [
        f"unknown parameter {k!r} for notebook {notebook!r}; valid parameters: {', '.join(names)}"
        for k in values if k not in names
    ]
    result = {}
    for p in params:
        default = list(p.default) if isinstance(p.default, list) else p.default
        result[p.name], found = p.check(values.get(p.name, default), data_dir=data_dir)
        problems += found
    if not problems:
        problems += _cross_checks(notebook, result)
    if problems:
        raise ParameterError(f"invalid parameters for {notebook}:\n  " + "\n  ".join(problems))
    return result


def coerce_text(notebook: str, name: str, text: str) -> Any:
    """Convert a command-line string to the parameter's type.

    Lists accept JSON/YAML-like ``[8, 10]``, comma-separated ``Japan,Korea`` or, when
    numbers carry decimal commas, semicolon-separated ``7; 9,5``; booleans
    accept true/false/yes/no/1/0; ``none``/``null`` gives None for optional parameters.
    The result is still to be checked by :func:`validate_params`.
    """
    by_name = {p.name: p for p in get_params(notebook)}
    if name not in by_name:
        raise ParameterError(f"unknown parameter {name!r} for notebook {notebook!r}; "
                             f"valid parameters: {', '.join(by_name)}")
    return convert_text(text, by_name[name].type, name=name)


def convert_text(text: str, type_name: str, *, name: str) -> Any:
    """Convert text to a value of ``type_name`` (one of :data:`TYPES`), as :func:`coerce_text`.

    Paths are made absolute against the current folder (a kernel may run elsewhere).

    Raises
    ------
    ParameterError
        Naming parameter ``name`` when the text cannot be read as that type.

    Examples
    --------
    >>> convert_text("yes", "bool", name="flag")
    True
    >>> convert_text("7; 9,5", "list[float]", name="rates")
    [7.0, 9.5]
    """
    raw = text.strip()
    if type_name.startswith("optional[") and raw.lower() in ("none", "null", ""):
        return None
    kind = type_name[9:-1] if type_name.startswith("optional[") else type_name
    if kind.startswith("list["):
        if raw.startswith("["):
            try:
                items = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ParameterError(f"parameter {name!r}: cannot read list {text!r}: {exc}")
        else:
            # ";" separates items when numbers are written with decimal commas ("7; 9,5").
            items = [s.strip() for s in raw.split(";" if ";" in raw else ",") if s.strip()]
        return [_coerce_scalar(name, kind[5:-1], str(i)) if isinstance(i, str) else i
                for i in items]
    return _coerce_scalar(name, kind, raw)


def _coerce_scalar(name: str, kind: str, raw: str) -> Any:
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw.replace(",", ".")) if raw.count(",") == 1 and "." not in raw \
                else float(raw)
    except ValueError:
        raise ParameterError(f"parameter {name!r}: expected a number ({kind}), got {raw!r}")
    if kind == "path":
        return str(Path(raw).expanduser().absolute())
    if kind == "bool":
        lowered = raw.lower()
        if lowered in ("true", "yes", "1", "on"):
            return True
        if lowered in ("false", "no", "0", "off"):
            return False
        raise ParameterError(f"parameter {name!r}: expected true or false, got {raw!r}")
    return raw


def format_value(value: Any) -> str:
    """A parameter value as a reader would write it (not yet escaped); the one formatter of
    the run summary, the page header and ``hy-analysis list``.

    Examples
    --------
    >>> format_value(None), format_value(True), format_value([8.0, 12.0]), format_value([])
    ('—', 'true', '8.0, 12.0', '(none)')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v) for v in value) or "(none)"
    return str(value)


def params_summary(notebook: str, values: dict, *, lang: str = "vi") -> str:
    """A short Markdown table of the parameters of this run, for the top of a notebook.

    Strings are escaped for Markdown/HTML so a hostile value cannot inject markup.
    """
    from html import escape

    title = "Tham số của lần chạy này" if lang == "vi" else "Parameters of this run"
    head = "| tham số | giá trị | ý nghĩa |" if lang == "vi" else "| parameter | value | meaning |"
    rows = [f"**{title}** ({escape(notebook)})", "", head, "|---|---|---|"]
    for p in get_params(notebook):
        shown = format_value(values.get(p.name, p.default))
        rows.append(f"| `{p.name}` | {escape(shown).replace('|', '&#124;')} | "
                    f"{escape(p.label(lang))}: {escape(p.explanation(lang))} |")
    return "\n".join(rows)


def attainment_region_choices(*, data_dir=None) -> tuple[str, ...]:
    """Region names with figures, then their territories (the attainment notebook's
    ``region``: the merged province is a territory of the region Hưng Yên)."""
    from .loading import load_region_map

    region_map = load_region_map(data_dir)
    regions = region_map.regions()
    return (*regions, *(t for t, r in region_map.territories.items() if r in regions))
