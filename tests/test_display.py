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


def test_static_tables_are_written_as_pandas_writes_them():
    """The shared states' plain tables: pandas' own bytes for text cells of every kind."""
    import random

    import pandas as pd

    from hy_analysis.display import _static_html

    pieces = ["a", "Ư", " ", "  ", "&", "<", ">", "\t", "\n", "\r", "'", '"', "—", "\\", "",
              "&amp;", "\u00a0", "x y"]
    rng = random.Random(21)

    def text():
        return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))

    for _ in range(400):
        rows, columns = rng.randint(0, 4), rng.randint(1, 4)
        cells = pd.DataFrame({i: [text() for _ in range(rows)] for i in range(columns)})
        cells.columns = [text() for _ in range(columns)]
        expected = cells.replace("", "—").to_html(index=False, escape=True, border=0,
                                                  classes="hy-table")
        assert _static_html(cells) == expected, cells.to_dict("list")
    numbers = pd.DataFrame({"n": [1.5, None]})  # not text cells: pandas writes it
    assert _static_html(numbers) == numbers.replace("", "—").to_html(
        index=False, escape=True, border=0, classes="hy-table")


def test_charts_measured_once_draw_the_same_svg():
    """Text metrics shared across charts leave every chart's SVG as drawn alone."""
    from matplotlib.figure import Figure

    from hy_analysis.charts import base

    def chart(title):
        ax = Figure(figsize=(5, 3), layout="constrained").subplots()
        ax.plot([2020, 2021, 2022], [1.5, 2.5, 2.0], label="Hưng Yên")
        ax.set_title(title)
        ax.set_xlabel("Năm")
        ax.legend()
        return ax.figure

    alone = [base.figure_svg(chart(t)) for t in ("Tỷ lệ (%)", "GRDP", "Tỷ lệ (%)")]
    with base.shared_text_metrics():
        shared = [base.figure_svg(chart(t)) for t in ("Tỷ lệ (%)", "GRDP", "Tỷ lệ (%)")]
        measured = base._TEXT_METRICS.get()
        assert measured and any(key[0] == "Hưng Yên" for key in measured)
    assert shared == alone
    assert base._TEXT_METRICS.get() is None


@pytest.mark.parametrize("value, expected", [
    ("/voila/templates/hy/static/itables-2/dt_bundle.js", "/voila/templates/hy/static/itables-2/dt_bundle.js"),
    ("//elsewhere.example/dt_bundle.js", None),
    ("https://elsewhere.example/dt_bundle.js", None),
    ("javascript:alert(1)//.js", None),
    ("/voila/dt_bundle.css", None),
    ("", None)])
def test_tables_load_datatables_only_from_the_page_s_own_server(monkeypatch, value, expected):
    from hy_analysis.page_assets import DATATABLES_URL_ENV, datatables_url

    monkeypatch.setenv(DATATABLES_URL_ENV, value)
    assert datatables_url() == expected


@pytest.mark.notebook
@pytest.mark.parametrize("url", [None, "/voila/templates/hy/static/itables-x/dt_bundle.js"])
def test_the_datatables_bundle_is_inline_except_on_the_dashboard(monkeypatch, url):
    """Inline (offline shared HTML, JupyterLab) unless the dashboard serves it."""
    from hy_analysis.page_assets import DATATABLES_URL_ENV

    if url:
        monkeypatch.setenv(DATATABLES_URL_ENV, url)
    else:
        monkeypatch.delenv(DATATABLES_URL_ENV, raising=False)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import pandas as pd\n"
        "from hy_analysis.notebook import init_notebook\n"
        "from hy_analysis.display import show_table\n"
        "init_notebook()\n"
        "show_table(pd.DataFrame({'Tỉnh': ['Hưng Yên']}))")]
    NotebookClient(nb, kernel_name="python3", timeout=120).execute()
    html = "".join(o.get("data", {}).get("text/html", "") for o in nb.cells[0].outputs)
    inline = "injectModule(" in html
    assert inline == (url is None)
    if url:
        assert f"from '{url}'" in html and url[:-3] + ".css" in html
    assert "Hưng Yên" in html
