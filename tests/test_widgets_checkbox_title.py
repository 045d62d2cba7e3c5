"""A checkbox's hover text is words, never markup (audit28u).

ipywidgets 8's checkbox view copies the control's ``description`` into the ``title`` of the
box itself and of its text (``CheckboxView.updateDescription``: ``this.checkbox.title =
description``), whatever ``description_allow_html`` says. A description written as HTML (the
label's ``<span title=...>``) therefore shows as raw markup when a reader hovers the box:
``<span title="hiện &#x27;các nước khác&#x27;: ...">Hiện các nước khác</span>``, seen in
Chromium on the fdi_by_country panel in JupyterLab and in the Voilà dashboard (vi, en).
"""

import pytest

from hy_analysis.params import get_params
from hy_analysis.widgets import control_for


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_checkbox_description_is_plain_text_because_its_box_shows_it_as_hover_text(lang):
    param = next(p for p in get_params("fdi_by_country") if p.name == "include_other")
    box = control_for(param, True, lang=lang)
    assert type(box).__name__ == "Checkbox"
    # the box's hover text is its description: words (a label), or none at all
    assert "<" not in box.description and "&#x27;" not in box.description, box.description
