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
