"""Open the notebooks for people: JupyterLab to explore, a Voilà dashboard to share.

``hy-analysis lab`` starts JupyterLab on the notebooks; ``hy-analysis serve`` starts Voilà on
them, which shows the notebooks' prose, charts, tables and live widget panels with the code
hidden, for colleagues who filter by region or country without reading code. Both listen on
loopback by default, refuse a busy port instead of silently taking the next one, protect the
server with a random token, and print the address to open (with the token) before starting.

The argument lists are built by pure functions (:func:`lab_argv`, :func:`serve_argv`), which
the command line and the browser tests share; :func:`run_server` replaces the current
process with the server, so stopping ``hy-analysis`` stops the server.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .exceptions import HyAnalysisError
from .paths import notebooks_dir

__all__ = ["Server", "lab_argv", "serve_argv", "run_server", "port_is_free",
           "add_lab_arguments", "add_serve_arguments", "lab_command", "serve_command",
           "LAB_HELP", "SERVE_HELP", "DEFAULT_LAB_PORT", "DEFAULT_SERVE_PORT"]

DEFAULT_LAB_PORT = 8888
DEFAULT_SERVE_PORT = 8866
LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Server:
    """A server to start: its command line and the address a person opens.

    Attributes
    ----------
    argv : list of str
        The command (the venv's Python running ``jupyterlab`` or ``voila``).
    url : str
        The address to open in a browser, with the token when there is one.
    name : str
        ``"JupyterLab"`` or ``"Voilà dashboard"``, for messages.
    pages : dict of str to str
        Direct addresses of single notebooks (the dashboard's pages), by notebook name.
    """

    argv: list[str]
    url: str
    name: str
    pages: dict[str, str] = field(default_factory=dict)


def port_is_free(port: int, ip: str = LOOPBACK) -> bool:
    """Whether a TCP server could listen on ``ip:port`` now."""
    with socket.socket(socket.AF_INET6 if ":" in ip else socket.AF_INET) as sock:
        try:
            sock.bind((ip, port))
        except OSError:
            return False
    return True


def _check(ip: str, port: int, folder: Path) -> None:
    if not 0 < port < 65536:
        raise HyAnalysisError(f"option --port: {port} is not a TCP port; valid range: 1 to 65535")
    if not folder.is_dir():
        raise HyAnalysisError(f"option --notebooks-dir: folder {str(folder)!r} does not exist")
    if not port_is_free(port, ip):
        raise HyAnalysisError(f"option --port: {ip}:{port} is already in use; choose another "
                              f"port, e.g. --port {port + 1}")


def _host(ip: str) -> str:
    return f"[{ip}]" if ":" in ip else ip


def _common_server_options(*, ip: str, port: int, token: str) -> list[str]:
    options = [f"--ServerApp.ip={ip}", f"--ServerApp.port={port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        options.append("--allow-root")  # containers and CI run as root; Jupyter refuses otherwise
    return options


def lab_argv(*, folder: str | os.PathLike | None = None, ip: str = LOOPBACK,
             port: int = DEFAULT_LAB_PORT, token: str | None = None,
             open_browser: bool = True, check: bool = True) -> Server:
    """The JupyterLab command for the notebooks folder.

    Parameters
    ----------
    folder : path, optional
        Folder shown in JupyterLab's file browser (default: the project's ``notebooks/``,
        or ``HY_NOTEBOOKS_DIR``).
    ip : str
        Address to listen on; loopback by default so nobody else on the network can connect.
    port : int
        TCP port; a busy port is an error rather than a silent move to the next one.
    token : str, optional
        Access token (default: a new random one). An empty string disables the check.
    open_browser : bool
        Let JupyterLab open the user's browser.
    check : bool
        Check the port and folder now (the tests pass False after choosing a free port).

    Returns
    -------
    Server

    Examples
    --------
    >>> lab_argv(port=8890, token="t", check=False).url
    'http://127.0.0.1:8890/lab?token=t'
    """
    folder = Path(folder) if folder is not None else notebooks_dir()
    if check:
        _check(ip, port, folder)
    token = secrets.token_urlsafe(24) if token is None else token
    argv = [sys.executable, "-m", "jupyterlab",
            *_common_server_options(ip=ip, port=port, token=token),
            f"--ServerApp.root_dir={folder.resolve()}",
            # Nothing is fetched from the internet behind the user's back.
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if not open_browser:
        argv.append("--no-browser")
    query = f"?token={token}" if token else ""
    return Server(argv, f"http://{_host(ip)}:{port}/lab{query}", "JupyterLab")


def serve_argv(*, folder: str | os.PathLike | None = None, ip: str = LOOPBACK,
               port: int = DEFAULT_SERVE_PORT, token: str | None = None,
               open_browser: bool = False, check: bool = True) -> Server:
    """The Voilà command serving the notebooks folder as dashboards (code hidden).

    Each notebook is run with its default parameters ahead of time in a kernel kept ready
    (Voilà's preheated pool, kernels forked from a warm parent): a page load is served from
    it and the pool refills. Widget panels stay live, so a reader can change the region or
    the countries.

    Parameters
    ----------
    folder : path, optional
        Folder whose notebooks are served (default: the project's ``notebooks/``).
    ip, port, token, open_browser, check
        As for :func:`lab_argv`; the default port is 8866.

    Returns
    -------
    Server
        ``url`` is the list of dashboards; ``pages`` the address of each notebook.

    Examples
    --------
    >>> serve_argv(port=8867, token="", check=False).url
    'http://127.0.0.1:8867/'
    """
    folder = Path(folder) if folder is not None else notebooks_dir()
    if check:
        _check(ip, port, folder)
    token = secrets.token_urlsafe(24) if token is None else token
    # Through hy_analysis.kernels: kernels fork from a warm parent with the imports done.
    argv = [sys.executable, "-m", "hy_analysis.kernels", "voila", str(folder.resolve()),
            f"--Voila.ip={ip}", f"--Voila.port={port}", "--Voila.port_retries=0",
            f"--Voila.token={token}",
            "--VoilaConfiguration.strip_sources=True",     # code cells are never shown
            "--VoilaConfiguration.show_tracebacks=False",  # nor Python tracebacks
            # A page opens on a notebook already run with its defaults in a kernel kept
            # ready (then replaced): the reader does not wait for start-up and cells.
            "--VoilaConfiguration.preheat_kernel=True",
            "--VoilaConfiguration.default_pool_size=1",
            "--theme=light"]
    if not open_browser:
        argv.append("--no-browser")
    base = f"http://{_host(ip)}:{port}"
    query = f"?token={token}" if token else ""
    pages = {p.stem: f"{base}/voila/render/{p.name}{query}"
             for p in sorted(folder.glob("*.ipynb"))} if folder.is_dir() else {}
    return Server(argv, f"{base}/{query}", "Voilà dashboard", pages)


def run_server(server: Server, *, stream=None) -> int:
    """Print where to open the server, then run it in place of this process.

    On POSIX the server replaces the current process (Ctrl+C and ``kill`` reach it
    directly); elsewhere it runs as a child and its exit status is returned.
    """
    stream = stream or sys.stdout
    lines = [f"Starting {server.name}. Open this address in your browser:", "",
             f"    {server.url}", ""]
    if server.pages:
        lines += ["Dashboards:"] + [f"    {name:<18} {url}" for name, url in server.pages.items()]
        lines.append("")
    lines.append("Press Ctrl+C (twice for JupyterLab) to stop the server.")
    print("\n".join(lines), file=stream, flush=True)
    if os.name == "posix":
        os.execv(server.argv[0], server.argv)
    return subprocess.call(server.argv)


#: One-line help of the ``lab`` and ``serve`` subcommands.
LAB_HELP = "open the notebooks in JupyterLab (this computer only, random token)"
SERVE_HELP = "serve the notebooks as Voilà dashboards: code hidden, widgets live"


def _add_server_options(parser, *, default_port: int, what: str) -> None:
    parser.add_argument("--port", type=int, default=default_port,
                        help=f"TCP port (default: {default_port}); a busy port is an error")
    parser.add_argument("--ip", default=LOOPBACK,
                        help="address to listen on (default: 127.0.0.1, this computer only; "
                             "0.0.0.0 lets others on your network connect)")
    parser.add_argument("--token", default=None,
                        help="access token (default: a new random one, shown in the address; "
                             "'' for none)")
    parser.add_argument("--notebooks-dir", default=None, metavar="DIR",
                        help=f"folder of notebooks to {what} (default: the project's "
                             "notebooks/, or HY_NOTEBOOKS_DIR)")


def add_lab_arguments(parser) -> None:
    """Arguments of ``hy-analysis lab``."""
    _add_server_options(parser, default_port=DEFAULT_LAB_PORT, what="open")
    parser.add_argument("--no-browser", action="store_true",
                        help="do not open a browser window; just print the address")


def add_serve_arguments(parser) -> None:
    """Arguments of ``hy-analysis serve``."""
    _add_server_options(parser, default_port=DEFAULT_SERVE_PORT, what="serve")
    parser.add_argument("--open-browser", action="store_true",
                        help="also open a browser window on the list of dashboards")


def lab_command(args) -> int:
    """Handler of ``hy-analysis lab``: print the address, then become JupyterLab."""
    return run_server(lab_argv(folder=args.notebooks_dir, ip=args.ip, port=args.port,
                               token=args.token, open_browser=not args.no_browser))


def serve_command(args) -> int:
    """Handler of ``hy-analysis serve``: print the addresses, then become Voilà."""
    return run_server(serve_argv(folder=args.notebooks_dir, ip=args.ip, port=args.port,
                                 token=args.token, open_browser=args.open_browser))
