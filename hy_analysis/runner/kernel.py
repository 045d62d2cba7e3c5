"""The kernel side of one run: a recording kernel manager and the
papermill engine that ties them to the run's :class:`~hy_analysis.runner.state.RunState`.

Jupyter classes are built on first use (PEP 562 ``__getattr__``), so importing this module
costs nothing; Jupyter's configuration can name them as
``hy_analysis.runner.kernel.RecordingKernelManager``. The client is nbclient's own: since
the filter panel no longer routes output through the client (docs/stalls.md), a plain
client never misses a reply and needs no polling in steps.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .state import RunState

__all__ = ["execute_notebook", "ENGINE_NAME", "process_cpu_s"]

#: The papermill engine of :func:`execute_notebook`.
ENGINE_NAME = "hy_analysis"


def _recording_manager_class():
    """An async kernel manager that notes its kernel's pid in its run's state and folder.

    The worker kills that kernel when it is interrupted, and the parent kills it when it has
    to kill a worker that did not stop: no kernel outlives an interrupted command.
    """
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class RecordingKernelManager(AsyncKernelManager):
        #: The run this manager's kernel belongs to (set by the notebook client).
        run_state: RunState | None = None

        # A client ready without jupyter_client's 0.2 s IOPub timer (a user's configured
        # client_class still wins: jupyter_client sets the factory from it).
        @default("client_class")
        def _default_client_class(self):
            return f"{__name__}.ReadyKernelClient"

        @default("client_factory")
        def _default_client_factory(self):
            return __getattr__("ReadyKernelClient")

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            await super()._async_launch_kernel(kernel_cmd, **kw)
            pid = getattr(self.provisioner, "pid", None)
            if pid and self.run_state is not None:
                self.run_state.record_kernel(pid)
                self.run_state.pause("kernel")

        async def shutdown_kernel(self, now: bool = False, restart: bool = False):
            # The kernel's processor time, while it still exists: the runs' order of the
            # next command (pool._longest_first) is not fooled by how busy the cores were.
            pid = getattr(self.provisioner, "pid", None)
            if pid and self.run_state is not None and not restart:
                self.run_state.kernel_cpu_s = process_cpu_s(pid)
            return await super().shutdown_kernel(now=now, restart=restart)

    return RecordingKernelManager


#: Digests of the bodies (docstring aside) of jupyter_client's
#: ``KernelClient._async_wait_for_ready`` that :func:`_ready_client_class` was checked against
#: (jupyter_client 8.10): its copy differs only in the last step.
WAIT_FOR_READY_DIGESTS = frozenset({
    "a51d4aa7a435ffcf4c9419d029c045b7e1a2047546064671d274115c350ec50a",
})


def wait_for_ready_digest() -> str:
    """The digest of the installed jupyter_client's ``_async_wait_for_ready`` (see
    :data:`WAIT_FOR_READY_DIGESTS`)."""
    import ast
    import hashlib
    import inspect
    import textwrap

    from jupyter_client.client import KernelClient

    tree = ast.parse(textwrap.dedent(inspect.getsource(KernelClient._async_wait_for_ready)))
    body = tree.body[0].body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    # unparsed: comments and layout aside, and the same text on every Python version
    return hashlib.sha256("\n".join(ast.unparse(node) for node in body).encode()).hexdigest()


def _ready_client_class():
    """jupyter_client's async client, ready as soon as the kernel is.

    jupyter_client's ``wait_for_ready`` ends by reading IOPub until it has been silent for
    0.2 s, a pure timer in every run's start (docs/perf-a-floor.md). This copy takes the
    same steps (``kernel_info`` until its reply, one IOPub message to show IOPub is
    connected, the kernel's liveness and the timeout) and then drops only the IOPub
    messages already received: nbclient reads IOPub by each cell's ``msg_id``, so a
    ``status`` message of a ``kernel_info`` request arriving later is ignored. The copy is
    used only where the installed method is one it was checked against
    (:data:`WAIT_FOR_READY_DIGESTS`); elsewhere the client is jupyter_client's own.
    """
    import asyncio
    import time
    from queue import Empty

    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.manager import KernelManager
    from jupyter_client.utils import ensure_async

    class ReadyKernelClient(AsyncKernelClient):
        pass

    try:
        checked = wait_for_ready_digest() in WAIT_FOR_READY_DIGESTS
    except (OSError, TypeError, SyntaxError):  # no source to check
        checked = False
    if not checked:
        return ReadyKernelClient

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        abs_timeout = time.time() + (float("inf") if timeout is None else timeout)
        if not isinstance(self.parent, KernelManager):  # as jupyter_client: heartbeats first
            while not await self._async_is_alive():
                if time.time() > abs_timeout:
                    raise RuntimeError(f"Kernel didn't respond to heartbeats in {timeout} "
                                       "seconds and timed out")
                await asyncio.sleep(0.2)
        while True:
            self.kernel_info()
            try:
                msg = await ensure_async(self.shell_channel.get_msg(timeout=1))
            except Empty:
                pass
            else:
                if msg["msg_type"] == "kernel_info_reply":
                    try:  # IOPub is connected once a message arrives there
                        await ensure_async(self.iopub_channel.get_msg(timeout=0.2))
                    except Empty:
                        pass
                    else:
                        self._handle_kernel_info_reply(msg)
                        break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.time() > abs_timeout:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:  # what IOPub holds now, without waiting for 0.2 s of silence
            try:
                await ensure_async(self.iopub_channel.get_msg(timeout=0))
            except Empty:
                break

    ReadyKernelClient.wait_for_ready = wait_for_ready
    return ReadyKernelClient


def process_cpu_s(pid: int) -> float | None:
    """Processor seconds (user and system) process ``pid`` has used; None where
    ``/proc`` does not say."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def _run_client_class():
    """papermill's notebook client, with a kernel manager that knows the run's state."""
    from papermill.clientwrap import PapermillNotebookClient

    manager_class = __getattr__("RecordingKernelManager")

    class RunNotebookClient(PapermillNotebookClient):
        def __init__(self, nb_man, *, run_state: RunState, **kw):
            super().__init__(nb_man, kernel_manager_class=manager_class, **kw)
            self.run_state = run_state

        def create_kernel_manager(self):
            km = super().create_kernel_manager()
            km.run_state = self.run_state
            return km

    return RunNotebookClient


def _engine_class():
    """A papermill engine that executes with :func:`_run_client_class` and reports progress.

    The run's state arrives as the engine argument ``run_state``; the kernel is started with
    ``run_state.kernel_env`` as its whole environment, in ``run_state.kernel_cwd``.
    """
    from papermill.engines import NBClientEngine
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    client_class = __getattr__("RunNotebookClient")

    class RunEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False,
                                     stdout_file=None, stderr_file=None, start_timeout=60,
                                     execution_timeout=None, *, run_state: RunState,
                                     **kwargs):
            run_state.nb_man = nb_man
            total = len(nb_man.nb.cells)
            original = nb_man.cell_start

            def cell_start(cell, cell_index=None, **kw):
                run_state.current_cell = cell_index
                run_state.write_progress(cell_index, total)
                return original(cell, cell_index, **kw)

            nb_man.cell_start = cell_start
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            options = merge_kwargs(kwargs, timeout=execution_timeout,
                                   startup_timeout=start_timeout, kernel_name=kernel_name,
                                   log=logger, log_output=log_output,
                                   stdout_file=stdout_file, stderr_file=stderr_file)
            client = client_class(nb_man, run_state=run_state, **options)
            return client.execute(env=run_state.kernel_env, cwd=run_state.kernel_cwd)

    return RunEngine


_LAZY_CLASSES = {"RecordingKernelManager": _recording_manager_class,
                 "ReadyKernelClient": _ready_client_class,
                 "RunNotebookClient": _run_client_class,
                 "RunEngine": _engine_class}


def __getattr__(name):  # PEP 562: build jupyter classes only when someone asks for them
    if name in _LAZY_CLASSES:
        value = globals().get(name)  # built once, also when called by name from here
        if value is None:
            value = globals()[name] = _LAZY_CLASSES[name]()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _register_engine() -> str:
    from papermill.engines import papermill_engines

    if ENGINE_NAME not in papermill_engines._engines:
        papermill_engines.register(ENGINE_NAME, __getattr__("RunEngine"))
    return ENGINE_NAME


def execute_notebook(path: str | os.PathLike, state: RunState, *, parameters: dict,
                     kernel: str, timeout: float):
    """Execute a notebook with papermill in a kernel of its own; return the executed notebook.

    Parameters
    ----------
    path : path
        The notebook; its folder is the kernel's working folder (given to the kernel: the
        worker's own working folder is never changed, other runs may share the process).
    state : RunState
        The run's state: progress, kernel pid and the kernel's environment.
    parameters : dict
        Injected by papermill after the ``parameters`` cell.
    kernel : str
        Kernel name.
    timeout : float
        Seconds allowed per cell.

    Returns
    -------
    nbformat.NotebookNode

    Raises
    ------
    papermill.exceptions.PapermillExecutionError, nbclient.exceptions.CellTimeoutError, ...
        As papermill raises them; ``state.nb_man.nb`` holds the partial notebook.
    """
    import papermill
    from traitlets.config import Config

    from .provisioner import register_provisioner

    # Kernels fork from a warm parent with the heavy imports done (runner.warm),
    # whether or not the installed kernelspec names our provisioner.
    register_provisioner()
    state.kernel_cwd = str(Path(path).resolve().parent)
    # Unix sockets in a private folder: no TCP port to collide with other kernels. The
    # connection file goes there too: a run killed before jupyter_client's own clean-up
    # (Ctrl-C, SIGHUP) would otherwise leave it, key included, in the temporary folder.
    sockets = tempfile.mkdtemp(prefix="hyk-")
    state.record_kernel_files(sockets)
    config = Config({"KernelManager": {
        "transport": "ipc", "ip": os.path.join(sockets, "kernel"),
        "connection_file": os.path.join(sockets, "kernel.json")}})
    try:
        return papermill.execute_notebook(
            str(path), None, parameters=parameters, engine_name=_register_engine(),
            kernel_name=kernel, request_save_on_cell_execute=False, progress_bar=False,
            execution_timeout=timeout, start_timeout=120, config=config,
            shutdown_kernel="immediate", run_state=state)
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
        state.forget_kernel_files()
