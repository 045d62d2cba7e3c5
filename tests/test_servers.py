"""The servers' commands (JupyterLab, Voilà): loopback, tokens kept off the command line,
no unauthenticated server on the network, a dashboard that culls the kernels of closed pages.

Pure builders: no server starts here (the browser suite starts them).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from hy_analysis.exceptions import HyAnalysisError
from hy_analysis.servers import TOKEN_ENV, lab_argv, serve_argv

BUILDERS = {"lab": lab_argv, "serve": serve_argv}


def test_lab_command_listens_on_loopback_with_a_token(tmp_path):
    server = lab_argv(folder=tmp_path, port=8899, token="secret", open_browser=False,
                      check=False)
    assert server.url == "http://127.0.0.1:8899/lab?token=secret"
    assert "--ServerApp.ip=127.0.0.1" in server.argv
    assert "--ServerApp.port_retries=0" in server.argv  # the printed URL is the real one
    assert f"--ServerApp.root_dir={tmp_path.resolve()}" in server.argv
    assert server.env == {TOKEN_ENV: "secret"}
    assert lab_argv(folder=tmp_path, check=False).url != lab_argv(folder=tmp_path,
                                                                  check=False).url


@pytest.mark.parametrize("name", BUILDERS)
def test_the_token_is_never_on_the_command_line(name, tmp_path):
    """/proc/<pid>/cmdline is readable by every local user; the environment is not."""
    server = BUILDERS[name](folder=tmp_path, port=8899, token="s3cr3t-t0ken", check=False)
    assert not [a for a in server.argv if "s3cr3t-t0ken" in a], server.argv
    assert server.env[TOKEN_ENV] == "s3cr3t-t0ken"
    generated = BUILDERS[name](folder=tmp_path, port=8899, check=False)
    token = generated.env[TOKEN_ENV]
    assert len(token) >= 24 and token in generated.url
    assert not [a for a in generated.argv if token in a]


@pytest.mark.parametrize("name", BUILDERS)
@pytest.mark.parametrize("ip", ["0.0.0.0", "::", "192.168.1.20"])
def test_an_empty_token_off_loopback_is_refused(name, ip, tmp_path):
    with pytest.raises(HyAnalysisError, match=f"empty token with --ip {ip}.*run code as you"):
        BUILDERS[name](folder=tmp_path, ip=ip, port=8899, token="", check=False)


@pytest.mark.parametrize("name", BUILDERS)
def test_an_empty_token_on_loopback_is_allowed(name, tmp_path):
    server = BUILDERS[name](folder=tmp_path, ip="127.0.0.1", port=8899, token="", check=False)
    assert TOKEN_ENV not in server.env and "token" not in server.url
    # not even an empty token option on the command line (/proc/*/cmdline is public)
    assert not [a for a in server.argv
                if a.startswith("--") and "token" in a.split("=")[0].lower()], server.argv


def test_the_command_line_refuses_an_empty_token_on_the_network(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from hy_analysis.cli import main; sys.exit(main())",
         "serve", "--ip", "0.0.0.0", "--no-token", "--notebooks-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "empty token with --ip 0.0.0.0" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_command_hides_code_lists_dashboards_and_culls_kernels(tmp_path):
    (tmp_path / "fdi_by_country.ipynb").write_text("{}")
    server = serve_argv(folder=tmp_path, port=8867, token="t", check=False)
    assert "--VoilaConfiguration.strip_sources=True" in server.argv
    assert "--Voila.ip=127.0.0.1" in server.argv
    assert server.argv[1:3] == ["-m", "voila"], "Voilà starts as itself, not behind our CLI"
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in server.argv)
    assert server.pages == {
        "fdi_by_country": "http://127.0.0.1:8867/voila/render/fdi_by_country.ipynb?token=t"}


def test_the_dashboard_shows_the_narrative_of_its_notebooks_default_language_only():
    """The dashboard runs each notebook with its defaults: the other language's cells are
    hidden, and that default is the language every notebook's parameters give."""
    from hy_analysis.params import get_params, notebook_names
    from hy_analysis.rendering import LANG_TAGS
    from hy_analysis.servers import DASHBOARD_LANG

    defaults = {name: next(p.default for p in get_params(name) if p.name == "lang")
                for name in notebook_names()}
    assert set(defaults.values()) == {DASHBOARD_LANG}, defaults
    server = serve_argv(port=8867, token="t", check=False)
    [resources] = [a.split("=", 1)[1] for a in server.argv
                   if a.startswith("--VoilaConfiguration.resources=")]
    hidden = json.loads(resources)["hy"]["hidden_tags"]
    assert hidden == [tag for lang, tag in LANG_TAGS.items() if lang != DASHBOARD_LANG]
    assert LANG_TAGS[DASHBOARD_LANG] not in hidden


def test_busy_port_and_missing_folder_are_clear_errors(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(HyAnalysisError, match=f"{port} is already in use"):
            serve_argv(folder=tmp_path, port=port)
    with pytest.raises(HyAnalysisError, match="does not exist"):
        lab_argv(folder=tmp_path / "missing", port=port)


def test_the_served_notebooks_are_trusted(tmp_path, monkeypatch):
    import nbformat
    from nbformat.sign import NotebookNotary

    from hy_analysis.paths import notebooks_dir
    from hy_analysis.servers import trust_notebooks

    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "data"))
    for path in notebooks_dir().glob("*.ipynb"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    notary = NotebookNotary()
    nb = nbformat.read(tmp_path / "fdi_by_country.ipynb", as_version=4)
    assert not notary.check_signature(nb)
    assert trust_notebooks(tmp_path) == len(list(tmp_path.glob("*.ipynb")))
    assert NotebookNotary().check_signature(nb)
    assert trust_notebooks(tmp_path) == 0  # already trusted


def test_the_command_takes_its_token_from_the_environment_never_from_argv(monkeypatch):
    """A token on the command line is readable by every local user (/proc/*/cmdline)."""
    import argparse

    from hy_analysis import cli

    with pytest.raises(SystemExit):  # no option carries a token value
        cli.build_parser().parse_args(["serve", "--token", "secret"])
    monkeypatch.setenv(TOKEN_ENV, "from-env")
    assert cli._token(argparse.Namespace(no_token=False)) == "from-env"
    assert cli._token(argparse.Namespace(no_token=True)) == ""
    monkeypatch.delenv(TOKEN_ENV)
    assert cli._token(argparse.Namespace(no_token=False)) is None


def test_the_dashboard_serves_the_installed_datatables_bundle(tmp_path, monkeypatch):
    """Dashboard tables import DataTables from the dashboard's own server (no inline copy)."""
    from pathlib import Path

    import itables

    from hy_analysis.page_assets import DATATABLES_URL_ENV
    from hy_analysis.servers import dashboard_assets

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    tmp_path.chmod(0o700)
    assets = dashboard_assets()
    url = assets.url
    assert url.startswith("/voila/templates/hy/static/") and url.endswith("/dt_bundle.js")
    served = assets.root / "voila" / "templates" / "hy" / "static" / Path(url).relative_to(
        "/voila/templates/hy/static")
    bundle = Path(itables.__file__).parent / "html" / "dt_bundle.js"
    assert served.read_bytes() == bundle.read_bytes()
    assert served.with_suffix(".css").read_bytes() == bundle.with_suffix(".css").read_bytes()
    assert served.stat().st_mode & 0o077 == 0  # the user's own files
    served.write_text("stale")  # from an older itables, or damaged: written again
    assert dashboard_assets() == assets and served.read_bytes() == bundle.read_bytes()

    (tmp_path / "fdi_by_country.ipynb").write_text("{}")
    with socket.socket() as sock:  # a port free now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = serve_argv(folder=tmp_path, port=port, token="t")
    assert server.env[DATATABLES_URL_ENV] == url
    assert str(assets.root) in server.env["JUPYTER_PATH"].split(os.pathsep)


def test_the_dashboard_refuses_a_linked_assets_folder(tmp_path, monkeypatch):
    from hy_analysis.servers import dashboard_assets

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    tmp_path.chmod(0o700)
    (tmp_path / "hy-warm").mkdir(mode=0o700)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "hy-warm" / "dashboard").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(HyAnalysisError, match="refusing .*dashboard"):
        dashboard_assets()
    assert not any((tmp_path / "elsewhere").iterdir())


def test_an_unsafe_private_folder_leaves_the_dashboard_s_tables_inline(tmp_path, monkeypatch,
                                                                     capsys):
    from hy_analysis.page_assets import DATATABLES_URL_ENV

    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o755)  # open to others: the private folder is refused there
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    (tmp_path / "fdi_by_country.ipynb").write_text("{}")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = serve_argv(folder=tmp_path, port=port, token="t")
    assert DATATABLES_URL_ENV not in server.env
    assert "tables load DataTables from each page" in capsys.readouterr().err
