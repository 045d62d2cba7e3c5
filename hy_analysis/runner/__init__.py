"""Headless runs of the notebooks: planning, execution, outputs, caching.

A call of :func:`run` goes through three steps, one module each:

1. :mod:`~hy_analysis.runner.discovery` finds the notebooks and their parameters and reads
   ``-p``, ``-f`` and ``--grid`` values; :mod:`~hy_analysis.runner.plan` turns them into one
   :class:`RunSpec` per run, validating **every** parameter set before any kernel starts and
   marking the runs whose last successful output is up to date (the cache).
2. :mod:`~hy_analysis.runner.pool` submits the remaining runs to a
   ``concurrent.futures.Executor`` (by default cores + 1 worker processes kept for the
   command) and shows progress. Each run executes :func:`~hy_analysis.runner.worker.execute_run`
   (:mod:`~hy_analysis.runner.worker`): a kernel started by :mod:`~hy_analysis.runner.kernel`
   with the run's own :class:`~hy_analysis.runner.state.RunState` and environment, outputs
   written into a hidden temporary folder and renamed into place only when complete.
3. ``outputs/index.html`` is rewritten from every manifest.

Imports go one way: discovery -> plan -> state/kernel -> worker -> pool. Nothing here imports
the command line, widgets or charts, and deciding that nothing needs to run imports neither
papermill, nbconvert nor pandas.
"""

from __future__ import annotations

from .discovery import (
    NotebookInfo,
    ParamInfo,
    notebook_params,
    parse_grid,
    read_param_file,
    resolve_notebook,
)
from .plan import DEFAULT_TIMEOUT, RunSpec, plan_runs
from .pool import (
    STOP_GRACE,
    RunResult,
    Summary,
    check_kernels,
    dask_executor,
    default_executor,
    execute_plan,
    run,
)
from .state import RunState
from .worker import execute_run, recover_output_dir

__all__ = [
    "ParamInfo", "NotebookInfo", "RunSpec", "RunResult", "RunState", "Summary",
    "resolve_notebook", "notebook_params", "parse_grid", "read_param_file", "plan_runs",
    "execute_plan", "execute_run", "run", "default_executor", "dask_executor",
    "check_kernels", "recover_output_dir", "DEFAULT_TIMEOUT", "STOP_GRACE",
]

_KERNEL_CLASSES = ("RecordingKernelManager",)


def __getattr__(name):  # PEP 562: Jupyter classes are built on first use, in .kernel
    if name in _KERNEL_CLASSES:
        from . import kernel

        return getattr(kernel, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
