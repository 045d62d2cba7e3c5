"""Display helpers: charts reach the notebook whatever backend the environment names."""

import nbformat
import pytest
from nbclient import NotebookClient

from hy_analysis.findings.common import md_escape


@pytest.mark.notebook
def test_init_notebook_draws_inline_even_when_mplbackend_is_agg(monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")  # as CI and many servers set it
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import matplotlib.pyplot as plt\n"
        "from hy_analysis.notebook import init_notebook\n"
        "init_notebook()\n"
        "plt.plot([1, 2]); plt.title('Hưng Yên'); plt.show()")]
    NotebookClient(nb, kernel_name="python3", timeout=120).execute()
    outputs = nb.cells[0].outputs
    assert any("image/png" in o.get("data", {}) for o in outputs), outputs


def test_md_escape_neutralises_markup():
    text = md_escape("<script>alert('x')</script> | **bold**")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\|" in text and "\\*\\*" in text


@pytest.mark.parametrize("lang, expected", [
    ("vi", ["456", "8,55", "300.000.000.000.000"]),
    ("en", ["456", "8.55", "300,000,000,000,000"])])
def test_whole_numbers_stay_whole_beside_fractions_in_a_column(lang, expected):
    """README: integers without decimals; a column of bounds held 456,00 beside 8,55."""
    import pandas as pd

    from hy_analysis.display import reader_table

    table = reader_table(pd.DataFrame({"low": [456.0, 8.55, 3e14]}), lang=lang)
    assert table["low"].tolist() == expected
