"""The message catalogues (hy_analysis/assets/messages/*.csv): every message in both
languages with the same placeholders, shipped with the package, read by the one loader."""

from __future__ import annotations

import fnmatch
import string
import tomllib
from pathlib import Path

import pytest

from hy_analysis import vocabulary as v
from hy_analysis.exceptions import DataFileError

PACKAGE = Path(v.__file__).parent
FOLDER = PACKAGE / "assets" / "messages"
NAMES = sorted(p.stem for p in FOLDER.glob("*.csv"))


def _fields(template: str) -> set[str]:
    return {f"{name}!{conv}:{spec}" for _, name, spec, conv in string.Formatter().parse(template)
            if name is not None}


def test_there_are_catalogues():
    assert {"charts", "findings-growth", "page"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_message_has_both_languages_and_the_same_placeholders(name):
    table = v.catalogue(name)
    assert set(table) == set(v.LANGS)
    keys = list(table["vi"])
    assert keys and keys == list(table["en"])
    for key in keys:
        assert table["vi"][key] and table["en"][key], key
        assert _fields(table["vi"][key]) == _fields(table["en"][key]), key


@pytest.mark.parametrize("name", NAMES)
def test_every_catalogue_is_read_by_a_module(name):
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    assert f'"{name}"' in source


def test_the_catalogues_are_package_data():
    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["hy_analysis"]
    for name in NAMES:
        assert any(fnmatch.fnmatch(f"assets/messages/{name}.csv", p) for p in patterns), name


@pytest.mark.parametrize("text, expected", [
    ("key,vi,en\nyear,Năm,\n", r"line 2, column 'en': message 'year' is empty"),
    ("key,vi,en\nyear,,Year\n", r"line 2, column 'vi': message 'year' is empty"),
    ("key,vi,en\nyear,Năm,Year\nyear,Năm,Year\n", r"line 3, column 'key': repeated key 'year'"),
    ("key,vi,en\n,Năm,Year\n", r"line 2, column 'key': empty"),
    ("key,vi,en\nyear,Năm\n", r"line 2: 2 cells; expected 3"),
    ("key,en,vi\nyear,Year,Năm\n", r"line 1: columns \['key', 'en', 'vi'\]"),
])
def test_a_broken_catalogue_fails_naming_file_line_and_column(tmp_path, monkeypatch, text,
                                                               expected):
    (tmp_path / "assets" / "messages").mkdir(parents=True)
    (tmp_path / "assets" / "messages" / "broken.csv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(v, "files", lambda package: tmp_path)
    v.catalogue.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"hy_analysis/assets/messages/broken\.csv, "
                                                + expected):
            v.catalogue("broken")
    finally:
        v.catalogue.cache_clear()


def test_a_missing_catalogue_is_named():
    with pytest.raises(DataFileError, match="no-such.csv: no such message catalogue"):
        v.catalogue("no-such")


def test_a_catalogue_keeps_markdown_spaces_and_line_breaks():
    assert v.messages("findings-consistency", "vi")["merged_tag"] == " [sáp nhập]"
    assert v.messages("charts-fdi", "en")["merged"] == "New Hưng Yên\n(merged from 1 Jul 2025)"
    assert v.messages("findings-consistency", "en")["figures_head"] == \
        "The table holds **{total}** figures:"
