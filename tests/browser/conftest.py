"""Browser fixtures: headless Chromium through playwright, JupyterLab and Voilà on loopback.

The browser is Debian's ``chromium`` (``/usr/bin/chromium``, or ``HY_CHROMIUM``) driven by the
Python ``playwright`` package through its executable path: no browser is downloaded. When
either is missing every browser test is skipped with the reason.

Servers listen on 127.0.0.1 on a free port with a random token, on a temporary copy of the
notebooks (JupyterLab saves what it runs), with Jupyter's config, data and runtime folders in
a temporary directory so a user's own settings neither leak in nor get changed. The venv's
lab extensions (ipywidgets' front end among them) stay visible through ``sys.prefix``.

Screenshots go into each test's ``tmp_path``; the path is printed, so a failing test leaves
them for inspection. With ``HY_DOCS_SCREENSHOTS=<folder>`` the dashboard and report tests also
write the small README images there (``screenshot-dashboard.png``, ``screenshot-report.png``).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from hy_analysis import paths
from hy_analysis.servers import lab_argv

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
VIEWPORT = {"width": 1280, "height": 800}
SERVER_START_TIMEOUT = 90  # seconds; two shared cores, JupyterLab imports a lot


def chromium_path() -> str | None:
    """Debian's Chromium, or the browser named by ``HY_CHROMIUM``."""
    for candidate in (os.environ.get("HY_CHROMIUM"), shutil.which("chromium"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


# --------------------------------------------------------------------------- the browser

def _unavailable(reason: str):
    """Skip with ``reason`` on a developer's machine; fail under CI (``CI=true``), where a
    skipped browser suite would leave the product's pages untested."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (skips every browser test when unavailable,
    except under CI, where it fails)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("browser tests need the Python package playwright "
                     "(pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        _unavailable("browser tests need Chromium: install Debian's package 'chromium' "
                     "(apt-get install chromium) or set HY_CHROMIUM to a Chromium binary")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True,
                                      args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


class Guard:
    """Records console errors, page errors and every request leaving the machine."""

    def __init__(self):
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.blocked: list[str] = []

    def watch(self, page) -> None:
        page.on("console", lambda msg: msg.type == "error"
                and self.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})"))
        page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))


def _is_local(url: str) -> bool:
    from urllib.parse import urlparse

    parsed = urlparse(url)
    if parsed.scheme in ("file", "data", "blob", "about", "chrome-error"):
        return True
    return parsed.hostname in ("127.0.0.1", "localhost", "::1")


@pytest.fixture
def context(browser):
    """A fresh browser context (1280x800) in which only loopback and files may be reached.

    ``context.guard`` records blocked requests and console errors of its pages.
    """
    ctx = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    ctx.set_default_timeout(30_000)
    guard = Guard()

    def route(r):
        if _is_local(r.request.url):
            r.continue_()
        else:
            guard.blocked.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    ctx.on("page", guard.watch)
    ctx.guard = guard
    yield ctx
    ctx.close()


@pytest.fixture
def shoot(tmp_path):
    """``shoot(page, name, locator=None)`` saves a screenshot in tmp_path and prints where."""
    def _shoot(page, name: str, *, full_page: bool = False) -> Path:
        target = tmp_path / f"{name}.png"
        page.screenshot(path=str(target), full_page=full_page)
        print(f"screenshot: {target}")
        return target
    return _shoot


def save_docs_screenshot(page, name: str) -> Path | None:
    """Write a small README image when ``HY_DOCS_SCREENSHOTS`` names a folder (else nothing).

    The PNG is reduced to a 256-colour palette, which keeps a 1280x800 page under ~200 KB.
    """
    folder = os.environ.get("HY_DOCS_SCREENSHOTS")
    if not folder:
        return None
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(page.screenshot(full_page=False))).convert("RGB")
    target = Path(folder) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE) \
        .save(target, optimize=True)
    print(f"docs screenshot: {target} ({target.stat().st_size // 1024} KB)")
    return target


@pytest.fixture
def docs_screenshot():
    """``docs_screenshot(page, name)``: see :func:`save_docs_screenshot`."""
    return save_docs_screenshot


# --------------------------------------------------------------------------- servers

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """A server started in its own process group, its log in a file, stopped at teardown."""

    def __init__(self, argv: list[str], *, env: dict, log: Path, cwd: Path):
        self.log = log
        self._log_file = open(log, "wb")
        self.proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=self._log_file,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True)

    def wait_until(self, url: str, *, timeout: float = SERVER_START_TIMEOUT) -> None:
        """Poll ``url`` (a cheap page, never one that starts a kernel) until it answers 200."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; log:\n"
                                   + self.tail())
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"server did not answer {url} within {timeout} s; log:\n"
                           + self.tail())

    def tail(self, lines: int = 40) -> str:
        self._log_file.flush()
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            # Our own process group: the server and the kernels it started.
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        self._log_file.close()


@pytest.fixture(scope="session")
def notebook_copies(tmp_path_factory) -> Path:
    """The project's notebooks copied to a temporary folder (servers write into it)."""
    target = tmp_path_factory.mktemp("notebooks")
    for path in sorted(paths.notebooks_dir().glob("*.ipynb")):
        shutil.copy2(path, target / path.name)
    return target


@pytest.fixture
def require_notebook(notebook_copies):
    """``require_notebook(name)``: its copy's path; a missing notebook fails the test.

    Every notebook a browser test names is part of the product: its absence is a defect to
    report, never a reason to skip.
    """
    def _require(name: str) -> Path:
        path = notebook_copies / f"{name}.ipynb"
        if not path.exists():
            pytest.fail(f"notebook {name}.ipynb is missing from {paths.notebooks_dir()}")
        return path
    return _require


@pytest.fixture(scope="session")
def server_env(tmp_path_factory) -> dict:
    """Environment for servers: private Jupyter folders; the user's view of charts.

    ``MPLBACKEND`` is removed: the test suite sets ``Agg``, but a person's kernel uses the
    inline backend, which is what shows the charts in JupyterLab and Voilà.
    """
    home = tmp_path_factory.mktemp("jupyter")
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env.update(JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), IPYTHONDIR=str(home / "ipython"),
               JUPYTER_PLATFORM_DIRS="1", PYTHONUNBUFFERED="1")
    # No "get Jupyter news?" prompt over the notebook in screenshots.
    labconfig = home / "config" / "labconfig"
    labconfig.mkdir(parents=True)
    (labconfig / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
    return env


@pytest.fixture(scope="session")
def jupyter_lab(notebook_copies, server_env, tmp_path_factory):
    """JupyterLab on the notebook copies: yields (base_url, token)."""
    token = secrets.token_hex(16)
    port = free_port()
    server = lab_argv(folder=notebook_copies, port=port, token=token, open_browser=False,
                      check=False)
    proc = ServerProcess(server.argv, env={**server_env, **server.env}, cwd=notebook_copies,
                         log=tmp_path_factory.mktemp("lab-log") / "jupyterlab.log")
    base = f"http://127.0.0.1:{port}"
    try:
        proc.wait_until(f"{base}/api/status?token={token}")
        yield base, token
    finally:
        proc.stop()
        print(f"JupyterLab log: {proc.log}")


@pytest.fixture(scope="session")
def dashboard(notebook_copies, server_env, tmp_path_factory):
    """``hy-analysis serve`` on the notebook copies: yields (base_url, token, server).

    Always through the command line a user types: when ``hy-analysis serve`` is broken the
    fixture fails with its output (never a Voilà started some other way, never a skip).
    """
    token = secrets.token_hex(16)
    base, proc = start_dashboard(notebook_copies, env=server_env, token=token,
                                 log_dir=tmp_path_factory.mktemp("voila-log"))
    try:
        yield base, token, proc
    finally:
        proc.stop()
        print(f"Voilà log: {proc.log}")


def start_dashboard(folder: Path, *, env: dict, token: str, log_dir: Path,
                    command: list[str] | None = None) -> tuple[str, ServerProcess]:
    """Start ``hy-analysis serve`` (``command``, default :data:`HY_ANALYSIS`) on ``folder``.

    Returns the base URL and the server once Voilà answers.

    Raises
    ------
    RuntimeError
        With the command's output when it exits or does not answer in time; the caller's
        test then fails (errors), it is never skipped.
    """
    port = free_port()
    argv = [*(command or HY_ANALYSIS), "serve", "--port", str(port),
            "--notebooks-dir", str(folder)]
    # The token through the environment, as a user gives it (never on a command line).
    proc = ServerProcess(argv, env={**env, "JUPYTER_TOKEN": token}, cwd=folder,
                         log=log_dir / "voila.log")
    base = f"http://127.0.0.1:{port}"
    try:
        # Voilà starts a kernel for every page it renders: poll a static file instead.
        proc.wait_until(f"{base}/voila/static/favicon.ico")
    except BaseException:
        proc.stop()
        raise
    return base, proc


#: The ``hy-analysis`` command of this interpreter (works whether or not the script is on PATH).
HY_ANALYSIS = [sys.executable, "-c",
               "import sys; from hy_analysis.cli import main; sys.exit(main())"]


@pytest.fixture(scope="session")
def hy_analysis_cmd() -> list[str]:
    """The ``hy-analysis`` command of the interpreter running the tests."""
    return list(HY_ANALYSIS)


# --------------------------------------------------------------------------- rendered reports

def _run_reports(out: Path, env: dict, cmd: list[str], *params: str) -> Path:
    # As a person runs it (``make report``): no MPLBACKEND from the test suite's environment.
    result = subprocess.run([*cmd, "run", "--output-dir", str(out), *params], env=env,
                            capture_output=True, text=True, timeout=420)
    assert result.returncode == 0, f"hy-analysis run failed:\n{result.stdout}\n{result.stderr}"
    assert (out / "index.html").exists()
    return out


@pytest.fixture(scope="session")
def rendered(tmp_path_factory, server_env, hy_analysis_cmd) -> Path:
    """Every notebook run with its defaults (Vietnamese) into a temporary output folder."""
    return _run_reports(tmp_path_factory.mktemp("outputs"), server_env, hy_analysis_cmd)


#: A user's data file named by an absolute path in the English runs (issue 19: no folder of
#: this machine may appear in a shared page).
USER_FILE = Path(__file__).resolve().parent.parent / "fixtures" / "good" / "utf8.csv"


@pytest.fixture(scope="session")
def rendered_en(tmp_path_factory, server_env, hy_analysis_cmd) -> Path:
    """Every notebook run in English, with a user's data file, into another folder."""
    return _run_reports(tmp_path_factory.mktemp("outputs_en"), server_env, hy_analysis_cmd,
                        "-p", "lang", "en", "-p", "user_data", str(USER_FILE))


def wait_settled(locator, *, quiet_ms: int = 750, timeout_ms: int = 60_000) -> None:
    """Wait until ``locator``'s element has had no DOM change for ``quiet_ms`` (a redraw
    sends several display messages): a wait for a state, unlike a fixed sleep that lets an
    assertion read a half-drawn output on a loaded machine."""
    locator.evaluate(
        "(el, [quiet, limit]) => new Promise((resolve, reject) => {"
        "  let timer = setTimeout(done, quiet);"
        "  const give_up = setTimeout(() => { observer.disconnect();"
        "    reject('still changing after ' + limit + ' ms'); }, limit);"
        "  const observer = new MutationObserver(() => {"
        "    clearTimeout(timer); timer = setTimeout(done, quiet); });"
        "  function done() { observer.disconnect(); clearTimeout(give_up); resolve(); }"
        "  observer.observe(el, {childList: true, subtree: true, attributes: true,"
        "                        characterData: true}); })", [quiet_ms, timeout_ms])
