"""The servers people open: JupyterLab to explore, a Voilà dashboard to share.

Pure builders: :func:`lab_argv` and :func:`serve_argv` return a :class:`Server` (command,
environment, addresses) that the command line (``hy-analysis lab`` / ``serve``) runs and the
browser tests start. Both listen on loopback by default, refuse a busy port instead of
silently taking the next one and protect the server with a random token.

The token travels in the server's environment (``JUPYTER_TOKEN``), never on its command line,
which every local user can read in ``/proc/*/cmdline``. An empty token (no authentication) is
refused unless the server listens on loopback only.

The dashboard (Voilà) is configured so that page views do not pile up kernels: a page shuts
its kernel down when it closes (Voilà's request carries no ``_xsrf`` cookie, so the XSRF
check, pointless for Voilà's single POST, is off), and kernels no page is connected to are
culled after :data:`DASHBOARD_CULL_S` idle seconds.
"""

from __future__ import annotations

import ipaddress
import json
import os
import secrets
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .exceptions import HyAnalysisError
from .page_assets import DATATABLES_URL_ENV
from .paths import notebooks_dir
from .rendering import LANG_TAGS

__all__ = ["Server", "lab_argv", "serve_argv", "run_server", "port_is_free", "is_loopback",
           "trust_notebooks",
           "DEFAULT_LAB_PORT", "DEFAULT_SERVE_PORT", "LOOPBACK", "TOKEN_ENV",
           "DASHBOARD_CULL_S"]

DEFAULT_LAB_PORT = 8888
DEFAULT_SERVE_PORT = 8866
LOOPBACK = "127.0.0.1"
#: The environment variable jupyter_server's identity provider reads the token from.
TOKEN_ENV = "JUPYTER_TOKEN"
#: Where jupyter_server reads a token when JUPYTER_TOKEN is unset or empty.
TOKEN_FILE_ENV = "JUPYTER_TOKEN_FILE"
#: Jupyter data folder of the package (the dashboard's Voilà template).
SHARE_DIR = Path(__file__).resolve().parent / "share"
#: Seconds a dashboard kernel with no page attached lives on before it is culled: a backstop
#: for pages that never said goodbye (a crashed browser). Voilà's preheated kernels count as
#: unattached too, so a dashboard nobody opened for this long starts its next page cold.
DASHBOARD_CULL_S = 600

#: Language of the dashboard's pages: it runs every notebook with its defaults (``lang`` is
#: "vi" in each notebook's parameters), so only that language's narrative cells are shown.
DASHBOARD_LANG = "vi"


@dataclass(frozen=True)
class Server:
    """A server to start: its command line, environment and the address a person opens.

    Attributes
    ----------
    argv : list of str
        The command (the venv's Python running ``jupyterlab`` or ``voila``); no secret.
    url : str
        The address to open in a browser, with the token when there is one.
    name : str
        ``"JupyterLab"`` or ``"Voilà dashboard"``, for messages.
    pages : dict of str to str
        Direct addresses of single notebooks (the dashboard's pages), by notebook name.
    env : dict of str to str
        Variables to add to the environment of the server (the token).
    """

    argv: list[str]
    url: str
    name: str
    pages: dict[str, str] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)


def port_is_free(port: int, ip: str = LOOPBACK) -> bool:
    """Whether a TCP server could listen on ``ip:port`` now."""
    with socket.socket(socket.AF_INET6 if ":" in ip else socket.AF_INET) as sock:
        try:
            sock.bind((ip, port))
        except OSError:
            return False
    return True


def is_loopback(ip: str) -> bool:
    """Whether ``ip`` is reachable from this computer only (``127.0.0.1``, ``::1``,
    ``localhost``).

    Examples
    --------
    >>> is_loopback("127.0.0.1"), is_loopback("0.0.0.0"), is_loopback("localhost")
    (True, False, True)
    """
    if ip == "localhost":
        return True
    try:
        return ipaddress.ip_address(ip.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_token(ip: str, token: str | None) -> None:
    if token == "" and not is_loopback(ip):
        raise HyAnalysisError(
            f"option --no-token: an empty token with --ip {ip} lets anyone on the network run "
            "code as you; use a token, or --ip 127.0.0.1")


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


def _root_option() -> list[str]:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return ["--allow-root"]  # containers and CI run as root; Jupyter refuses otherwise
    return []


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
        Access token (default: a new random one), passed in the environment. An empty string
        disables the check, which only a loopback ``ip`` allows.
    open_browser : bool
        Let JupyterLab open the user's browser.
    check : bool
        Check the port and folder now (the tests pass False after choosing a free port);
        the empty-token rule is always checked.

    Returns
    -------
    Server

    Raises
    ------
    HyAnalysisError
        For an empty token on a non-loopback address, a busy port or a missing folder.

    Examples
    --------
    >>> server = lab_argv(port=8890, token="t", check=False)
    >>> server.url, server.env
    ('http://127.0.0.1:8890/lab?token=t', {'JUPYTER_TOKEN': 't'})
    """
    folder = Path(folder) if folder is not None else notebooks_dir()
    _check_token(ip, token)
    if check:
        _check(ip, port, folder)
    token = secrets.token_urlsafe(24) if token is None else token
    argv = [sys.executable, "-m", "jupyterlab",
            f"--ServerApp.ip={ip}", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            *_root_option(),
            f"--ServerApp.root_dir={folder.resolve()}",
            # Nothing is fetched from the internet behind the user's back.
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if not open_browser:
        argv.append("--no-browser")
    query = f"?token={token}" if token else ""
    # No token option on the command line, even an empty one: an empty JUPYTER_TOKEN would
    # mean "generate one", so no token is read from an empty file (JUPYTER_TOKEN_FILE).
    return Server(argv, f"http://{_host(ip)}:{port}/lab{query}", "JupyterLab",
                  env={TOKEN_ENV: token} if token else {TOKEN_FILE_ENV: os.devnull})


def serve_argv(*, folder: str | os.PathLike | None = None, ip: str = LOOPBACK,
               port: int = DEFAULT_SERVE_PORT, token: str | None = None,
               open_browser: bool = False, check: bool = True) -> Server:
    """The Voilà command serving the notebooks folder as dashboards (code hidden).

    Each notebook is run with its default parameters ahead of time in a kernel kept ready
    (Voilà's preheated pool, kernels forked from a warm parent): a page load is served from
    it and the pool refills. Widget panels stay live, so a reader can change the region or
    the countries. A page's kernel ends when the page is closed, or after
    :data:`DASHBOARD_CULL_S` seconds with no page connected.

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
    _check_token(ip, token)
    if check:
        _check(ip, port, folder)
    token = secrets.token_urlsafe(24) if token is None else token
    argv = [sys.executable, "-m", "voila", str(folder.resolve()),
            f"--Voila.ip={ip}", f"--Voila.port={port}", "--Voila.port_retries=0",
            # Kernels start through our provisioner (forked from a warm parent) even for a
            # kernelspec that does not name it.
            "--KernelProvisionerFactory.default_provisioner_name=hy-ipc",
            "--VoilaConfiguration.strip_sources=True",     # code cells are never shown
            "--VoilaConfiguration.show_tracebacks=False",  # nor Python tracebacks
            # A page opens on a notebook already run with its defaults in a kernel kept
            # ready (then replaced): the reader does not wait for start-up and cells.
            "--VoilaConfiguration.preheat_kernel=True",
            "--VoilaConfiguration.default_pool_size=1",
            # A closed page's kernel: culled once nobody is connected to it.
            f"--MappingKernelManager.cull_idle_timeout={DASHBOARD_CULL_S}",
            f"--MappingKernelManager.cull_interval={max(DASHBOARD_CULL_S // 4, 5)}",
            "--MappingKernelManager.cull_connected=False",
            "--MappingKernelManager.cull_busy=False",
            # Voilà's page asks for its kernel's shutdown when it closes (beforeunload), but
            # never holds an _xsrf cookie, so jupyter_server refused every such request and
            # each closed page left its kernel. Voilà standalone serves no form and its only
            # POST is that shutdown of an unguessable kernel id; the token still guards all.
            "--Voila.tornado_settings=disable_check_xsrf=True",
            # Voilà's lab template without its links to a CDN (share/voila/templates/hy).
            "--VoilaConfiguration.template=hy",
            # Its narrative in the pages' language only (the template skips cells so tagged).
            "--VoilaConfiguration.resources=" + json.dumps(
                {"hy": {"hidden_tags": sorted(tag for lang, tag in LANG_TAGS.items()
                                              if lang != DASHBOARD_LANG)}}),
            "--theme=light"]
    if token:
        argv.append("--Voila.auto_token=True")  # the identity provider reads JUPYTER_TOKEN
    if not open_browser:
        argv.append("--no-browser")
    base = f"http://{_host(ip)}:{port}"
    query = f"?token={token}" if token else ""
    pages = {p.stem: f"{base}/voila/render/{p.name}{query}"
             for p in sorted(folder.glob("*.ipynb"))} if folder.is_dir() else {}
    assets = None
    if check:
        try:
            assets = dashboard_assets()
        except (HyAnalysisError, OSError) as exc:
            # Not a reason to refuse the dashboard: its tables then carry DataTables inline.
            print(f"hy-analysis serve: tables load DataTables from each page ({exc})",
                  file=sys.stderr)
    env = {"JUPYTER_PATH": os.pathsep.join(filter(None, [str(SHARE_DIR),
                                                         assets and str(assets.root),
                                                         os.environ.get("JUPYTER_PATH")]))}
    if assets:
        env[DATATABLES_URL_ENV] = assets.url
    if token:
        env[TOKEN_ENV] = token
    return Server(argv, f"{base}/{query}", "Voilà dashboard", pages, env=env)


@dataclass(frozen=True)
class DashboardAssets:
    """Files the dashboard serves beside Voilà's: a Jupyter data folder and the bundle's URL."""

    root: Path
    url: str


def dashboard_assets() -> DashboardAssets:
    """Put itables' DataTables bundle where the dashboard's template serves it.

    The dashboard's tables import it from ``/voila/templates/hy/static/itables-<version>/``
    (one download per browser, not a 1 MB copy inline in every page ahead of its charts).
    The copy is made from the installed itables, so it always matches the tables' code, in
    the user's private folder (owner only, never through a symbolic link).

    Returns
    -------
    DashboardAssets
    """
    import itables

    from .runner.warm import open_private, private_dir

    root = private_dir() / "dashboard"
    folder_parts = ["voila", "templates", "hy", "static", f"itables-{itables.__version__}"]
    # One level at a time, each checked: mkdir(parents=True) would follow a linked level.
    for depth in range(len(folder_parts) + 1):
        folder = root.joinpath(*folder_parts[:depth])
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            if folder.is_symlink() or not folder.is_dir():
                raise HyAnalysisError(f"dashboard: refusing {folder}: not a folder of ours; "
                                      "remove it") from None
    source = Path(itables.__file__).resolve().parent / "html"
    for name in ("dt_bundle.js", "dt_bundle.css"):
        data = (source / name).read_bytes()
        target = folder / name
        try:
            fd = open_private(target, os.O_RDONLY)
        except FileNotFoundError:
            pass
        else:
            with os.fdopen(fd, "rb") as old:
                if old.read() == data:
                    continue
        # Written beside and renamed: a page being served never reads half a file.
        part = folder / f".{name}.{os.getpid()}"
        fd = open_private(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        with os.fdopen(fd, "wb") as new:
            new.write(data)
        os.replace(part, target)
    url = "/" + "/".join(folder_parts) + "/dt_bundle.js"
    return DashboardAssets(root, url)


def trust_notebooks(folder: str | os.PathLike) -> int:
    """Sign every notebook of ``folder`` as trusted for this user (what ``jupyter trust``
    does), so JupyterLab and Voilà show their outputs without a "not trusted" warning.

    Returns the number of notebooks signed. The notebooks themselves are not changed: the
    signatures go to the user's Jupyter database.
    """
    import nbformat
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary()
    signed = 0
    for path in sorted(Path(folder).glob("*.ipynb")):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # noqa: BLE001 - an unreadable notebook is the server's to report
            continue
        if not notary.check_signature(nb):
            notary.sign(nb)
            signed += 1
    return signed


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
    env = {**os.environ, **server.env}
    if TOKEN_ENV not in server.env:
        env.pop(TOKEN_ENV, None)  # no token asked for: none inherited either
    if os.name == "posix":
        os.execve(server.argv[0], server.argv, env)
    return subprocess.call(server.argv, env=env)
