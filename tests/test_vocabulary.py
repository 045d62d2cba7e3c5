"""The vocabulary: one language check, labels per language, one message-table lookup."""

from __future__ import annotations

import pytest

from hy_analysis import vocabulary as v
from hy_analysis.exceptions import ParameterError


def test_one_lang_check_names_the_choices():
    assert v.check_lang("vi") == "vi"
    with pytest.raises(ParameterError, match="parameter 'lang': unknown value 'fr'; "
                                             "valid choices: vi, en"):
        v.check_lang("fr")
    with pytest.raises(ParameterError, match="valid choices: vi, en"):
        v.country_label("Japan", lang="de")


def test_labels_in_both_languages_for_every_entry():
    for lang in v.LANGS:
        assert [v.country_label(c, lang=lang) for c in v.COUNTRIES] == \
            {"vi": ["Nhật Bản", "Hàn Quốc", "Trung Quốc"], "en": ["Japan", "Korea", "China"]}[lang]
        assert v.other_label(lang=lang) != v.OTHER
        assert all(v.sector_name(s, lang) != s for s in (*v.SECTOR_SHARES, "not_stated"))
        assert set(v.SCOPE_LABELS[lang]) >= set(v.WHOLE_SCOPES)
        assert v.kind_label("target", lang) in ("mục tiêu", "target")


def test_params_read_countries_and_languages_from_the_vocabulary():
    from hy_analysis.params import country_choices, get_params

    assert country_choices() == v.COUNTRIES
    lang = next(p for p in get_params("overview") if p.name == "lang")
    assert lang.choices == v.LANGS


def test_findings_tables_and_charts_refuse_a_language_with_the_one_error():
    import pandas as pd

    from hy_analysis.charts.urbanisation import plot_urban_class_ladder
    from hy_analysis.findings.consistency import describe_figures
    from hy_analysis.findings.urbanisation import rate_table

    for call in (lambda: describe_figures(pd.DataFrame(), lang="fr"),
                 lambda: rate_table(pd.DataFrame(), lang="fr"),
                 lambda: plot_urban_class_ladder(pd.DataFrame(), lang="fr")):
        with pytest.raises(ParameterError, match="parameter 'lang': unknown value 'fr'"):
            call()
