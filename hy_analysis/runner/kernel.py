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

    class RecordingKernelManager(AsyncKernelManager):
        #: The run this manager's kernel belongs to (set by the notebook client).
        run_state: RunState | None = None

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
                 "RunNotebookClient": _run_client_class,
                 "RunEngine": _engine_class}


def __getattr__(name):  # PEP 562: build jupyter classes only when someone asks for them
    if name in _LAZY_CLASSES:
        value = _LAZY_CLASSES[name]()
        globals()[name] = value
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
