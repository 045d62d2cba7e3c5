"""Widget controls built from the parameter definitions, exercised without a kernel."""

from hy_analysis.params import get_params, validate_params
from hy_analysis.widgets import control_for, filter_panel


def _param(notebook, name):
    return next(p for p in get_params(notebook) if p.name == name)


def test_choices_show_translated_labels_but_keep_parameter_values():
    control = control_for(_param("fdi_by_country", "countries"), ["Japan"], lang="vi")
    assert ("Nhật Bản", "Japan") in control.options
    assert control.value == ("Japan",)
    english = control_for(_param("fdi_by_country", "countries"), ["Japan"], lang="en")
    assert ("Japan", "Japan") in english.options


def test_changing_a_control_renders_the_validated_values():
    calls = []
    panel = filter_panel("fdi_by_country", validate_params("fdi_by_country"), calls.append,
                         names=["region", "countries"])
    panel.controls["countries"].value = ("Korea",)
    assert calls[-1]["countries"] == ["Korea"]
    panel.controls["region"].value = "Bắc Giang"
    assert calls[-1]["region"] == "Bắc Giang" and calls[-1]["countries"] == ["Korea"]


def test_a_refused_value_keeps_the_last_chart_and_says_why():
    calls = []
    panel = filter_panel("industrial_growth", validate_params("industrial_growth"), calls.append)
    panel.controls["start_year"].value = 2040  # after end_year
    assert calls == []
    assert "start_year must be before end_year" in panel.message.value
    panel.controls["start_year"].value = 2022
    panel.controls["scenario_growth"].value = "7; 9,5"  # decimal commas, ';' between rates
    assert calls[-1]["start_year"] == 2022 and calls[-1]["scenario_growth"] == [7.0, 9.5]
    assert panel.message.value == ""


def test_unticking_every_item_asks_again_in_the_readers_language():
    calls = []
    for lang, said in (("vi", "Hãy chọn ít nhất một mục trong «Quốc gia đầu tư» để vẽ lại."),
                       ("en", "Tick at least one item in “Investor countries” to redraw.")):
        panel = filter_panel("fdi_by_country", validate_params("fdi_by_country", {"lang": lang}),
                             calls.append, names=["countries"], lang=lang)
        panel.controls["countries"].value = ()
        assert said in panel.message.value and "invalid" not in panel.message.value
        assert "#b00" not in panel.message.value  # a request, not an error in red
    assert calls == []


def test_territory_choices_are_written_for_the_reader():
    region = _param("attainment", "region")
    options = dict(control_for(region, "Hưng Yên", lang="vi").options)
    assert options["Hưng Yên (sau sáp nhập, từ 01/07/2025)"] == \
        "Hưng Yên (merged, from 2025-07-01)"
    assert options["Thái Bình (trước 01/07/2025)"] == "Thái Bình (before 2025-07-01)"
    english = dict(control_for(region, "Hưng Yên", lang="en").options)
    assert english["Hưng Yên (merged, from 1 Jul 2025)"] == "Hưng Yên (merged, from 2025-07-01)"


def test_batch_runs_skip_drawing_the_panel_but_still_show_it(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    calls = []
    panel = filter_panel("overview", validate_params("overview"), calls.append)
    # hy-analysis run: the live output area is not drawn; the widget view goes out with the
    # precomputed shared panel (issue 12) as its text/html.
    monkeypatch.setattr(panel, "shared_html", lambda **kw: "<div>shared</div>")
    monkeypatch.setenv("HY_HEADLESS", "1")
    panel._ipython_display_()
    assert calls == [] and len(shown) == 1
    assert shown[0]["text/html"] == "<div>shared</div>"
    assert shown[0]["application/vnd.jupyter.widget-view+json"]["model_id"] == \
        panel.widget.model_id
    monkeypatch.delenv("HY_HEADLESS")
    monkeypatch.setenv("JPY_SESSION_NAME", "overview.ipynb")  # JupyterLab: unchanged
    panel._ipython_display_()
    assert len(calls) == 1 and shown[1:] == [panel.widget]


def test_an_empty_text_box_says_what_empty_means_in_the_readers_language():
    params = {p.name: p for p in get_params("attainment")}
    vi = control_for(params["as_of"], None, lang="vi")
    en = control_for(params["as_of"], None, lang="en")
    assert (vi.placeholder, en.placeholder) == ("năm mới nhất có số liệu", "latest year with data")
    assert control_for(params["user_data"], ["x.csv"], lang="vi").placeholder == ""
    # the urbanisation panel's baseline: empty means no baseline, not "none" of something
    urban = {p.name: p for p in get_params("urbanisation")}
    assert control_for(urban["baseline_year"], None, lang="en").placeholder == "no baseline"
    assert control_for(urban["baseline_rate"], None, lang="vi").placeholder == \
        "không có mốc cơ sở"


def test_a_control_s_label_carries_its_explanation_as_a_title_escaped_once():
    # ipywidgets 8 drops a labelled control's tooltip (jupyter-widgets/ipywidgets#3964): the
    # explanation rides on the label itself, in the reader's language
    param = _param("attainment", "tolerance")
    control = control_for(param, 0.05, lang="vi")
    assert control.description_allow_html
    from html import escape

    assert control.description == (f'<span title="{escape(param.explanation("vi"))}">'
                                   f'{escape(param.label("vi"))}</span>')
    assert "khoảng" in param.label("vi") and "'" in param.label("vi")  # quotes escaped once
    import dataclasses

    hostile = dataclasses.replace(param, label_vi='<b>x</b> & "q"', help_vi='a "b" <c>')
    assert control_for(hostile, 0.05, lang="vi").description == (
        '<span title="a &quot;b&quot; &lt;c&gt;">&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot;</span>')
