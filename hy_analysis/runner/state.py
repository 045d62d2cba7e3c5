"""The state of one run while it executes, held by the run and handed to whoever needs it.

A worker process may execute several runs at once (a Dask worker with several threads), so
nothing here is global: the worker creates one :class:`RunState` per run and passes it to the
engine and the kernel manager, and the kernel gets its environment from
:attr:`RunState.kernel_env` instead of from ``os.environ``.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["RunState", "TMP_PREFIX", "OLD_PREFIX", "PROGRESS_NAME", "KERNEL_NAME",
           "KERNEL_FILES_NAME"]

#: Prefix of the hidden folder a run writes into before it is renamed into place.
TMP_PREFIX = ".tmp-"
#: Prefix of a replaced run folder, kept only between the two renames of a swap.
OLD_PREFIX = ".old-"
#: ``"<cell> <cells>"`` while a run executes, read by the parent for its progress line.
PROGRESS_NAME = ".progress"
#: ``"<worker pid> <kernel pid>"`` while a run's kernel is alive.
KERNEL_NAME = ".kernel"
#: File naming the private folder of the kernel's sockets and connection file, so that the
#: command removes it when it has to kill a worker that could not clean up.
KERNEL_FILES_NAME = ".kernel-files"


@dataclass
class RunState:
    """What one executing run knows about itself.

    Attributes
    ----------
    folder : Path
        The run's temporary folder (progress and kernel files go there).
    kernel_env : dict
        The whole environment of the run's kernel.
    kernel_cwd : str or None
        The kernel's working folder.
    kernel_pid : int or None
        The kernel process while it is alive.
    kernel_files : str or None
        The private folder of the kernel's sockets and connection file while it runs.
    current_cell : int or None
        Index of the cell executing now.
    nb_man : object
        papermill's notebook execution manager, once the engine has it.
    kernel_cpu_s : float or None
        Processor seconds the kernel used, read just before it was shut down (None where
        the system does not say).
    """

    folder: Path
    kernel_env: dict = field(default_factory=dict)
    kernel_cwd: str | None = None
    kernel_pid: int | None = None
    kernel_files: str | None = None
    current_cell: int | None = None
    nb_man: Any = None
    kernel_cpu_s: float | None = None

    @property
    def progress_path(self) -> Path:
        """The progress file in the temporary folder."""
        return Path(self.folder, PROGRESS_NAME)

    def write_progress(self, index: int | None, total: int) -> None:
        """Note that cell ``index`` (0-based) of ``total`` cells is starting."""
        try:
            self.progress_path.write_text(f"{(index or 0) + 1} {total}", encoding="ascii")
        except OSError:
            pass

    def record_kernel(self, pid: int) -> None:
        """Remember the kernel's pid here and in the folder, so the parent can kill it."""
        self.kernel_pid = pid
        Path(self.folder, KERNEL_NAME).write_text(f"{os.getpid()} {pid}", encoding="ascii")

    def record_kernel_files(self, folder: str) -> None:
        """Remember the kernel's private folder here and in the run's folder."""
        self.kernel_files = folder
        try:
            Path(self.folder, KERNEL_FILES_NAME).write_text(folder, encoding="utf-8")
        except OSError:
            pass

    def forget_kernel(self) -> None:
        """The kernel was shut down: nobody needs to kill it any more."""
        self.kernel_pid = None
        self._unlink(KERNEL_NAME)

    def forget_kernel_files(self) -> None:
        """The kernel's private folder is removed: its record must not land in the outputs."""
        self.kernel_files = None
        self._unlink(KERNEL_FILES_NAME)

    def _unlink(self, name: str) -> None:
        try:
            Path(self.folder, name).unlink()
        except OSError:
            pass

    def pause(self, phase: str) -> None:
        """Test hook: stop at ``phase`` when ``HY_TEST_PAUSE`` names it (comma-separated).

        Phases: ``imports`` (before papermill is imported), ``kernel`` (kernel process
        started, not yet ready), ``html`` (before rendering), ``swap`` (before the folder is
        renamed into place), ``cleanup`` (after an interrupt, with signals ignored: a worker
        that does not stop). A file ``.paused-<phase>`` in the run's temporary folder tells
        the test where the worker is; the pause lasts ``HY_TEST_PAUSE_SECONDS`` (default 300).
        """
        wanted = os.environ.get("HY_TEST_PAUSE", "")
        if not wanted or phase not in wanted.split(","):
            return
        Path(self.folder, f".paused-{phase}").touch()
        time.sleep(float(os.environ.get("HY_TEST_PAUSE_SECONDS", "300")))
