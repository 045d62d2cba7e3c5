"""The second process of :func:`hy_analysis.extraction.extract` for a long text: the parent's
side.

A text of :data:`~hy_analysis.extraction.core.PARALLEL_MIN_CHARS` characters or more is read in
two processes (:func:`~hy_analysis.extraction.core._read_in_two`). The second is
:mod:`hy_analysis.extraction.second_process_child` run as ``python -m``: a fresh interpreter
started with :class:`subprocess.Popen` that imports nothing of the caller (no ``__main__``
guard needed in a script calling ``extract``, unlike a process of :mod:`multiprocessing`'s
spawn), talking to its parent through its standard input and output only (pickles: no file,
no socket, nothing on the command line but the module's name). (The child's code is a module
of its own: it imports ``core``, which imports this one.)

The parent (:class:`SecondProcess`) sends the data folder and region map at once, so that the
child loads the vocabulary and compiles the cues, then the text, whose places the child finds
while the parent splits it into sentences, then the job: the text's other document-level
values and where the second part starts. The child sends back, in order, what the parent asks for
(:func:`~hy_analysis.extraction.core._second_part`), or the exception it raised, which the
parent raises (with the child's traceback as a note). The child is always waited for: killed
if the parent stops early (an error, a KeyboardInterrupt).
"""

from __future__ import annotations

import pickle
import queue
import subprocess
import sys
import threading
import traceback
from pathlib import Path

__all__ = ["SecondProcess", "SecondProcessError"]

_PROTOCOL = pickle.HIGHEST_PROTOCOL
#: The folder the package is imported from (the child is started there, so that ``-m``
#: imports this same package, whatever the caller's working folder).
_ROOT = Path(__file__).resolve().parents[2]


def code_stamp() -> tuple:
    """(path, size, modification time) of every file of the package's code (its modules and
    the cues), now: a process that imported the package compares its stamp with its second
    process's, so that code changed on disk in between (a pull or a merge while a kernel
    lives) is never mixed into one text's rows (audit12b)."""
    package = Path(__file__).resolve().parents[1]
    files = sorted([*package.rglob("*.py"), *package.rglob("*.toml")])
    return tuple((str(f.relative_to(package)), (st := f.stat()).st_size, st.st_mtime_ns)
                 for f in files)


class SecondProcessError(RuntimeError):
    """The second process ended without its answer (killed, or it could not start)."""


def _pickled_error(error: BaseException) -> tuple:
    """("error", type name, message, traceback text, the exception pickled or None)."""
    try:
        exc = pickle.dumps(error, protocol=_PROTOCOL)
        pickle.loads(exc)  # (one that cannot be rebuilt is sent by its name and message)
    except Exception:  # noqa: BLE001
        exc = None
    return ("error", type(error).__name__, str(error), traceback.format_exc(), exc)


class SecondProcess:
    """The parent's handle on the child: :meth:`send` (queued, written by a thread, so that
    the parent never waits for the child to read), :meth:`receive` (the next answer, or the
    child's exception raised here) and :meth:`close` (always: the child waited for, killed
    first if it has not ended)."""

    def __init__(self, folder: str, region_map, stamp: tuple | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hy_analysis.extraction.second_process_child"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=_ROOT)
        self._queue: queue.Queue = queue.Queue()
        self._writer = threading.Thread(target=self._write, daemon=True,
                                        name="hy-analysis second process input")
        self._writer.start()
        self.send((folder, region_map, stamp))  # (the child checks its code's stamp)
        self._checked = False

    def _write(self) -> None:
        stdin = self.process.stdin
        try:
            while (data := self._queue.get()) is not None:
                stdin.write(data)
                stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass  # the child ended: receive() says why
        finally:
            try:
                stdin.close()
            except (BrokenPipeError, OSError):
                pass

    def send(self, value) -> None:
        """Pickle ``value`` here and have it written to the child."""
        self._queue.put(pickle.dumps(value, protocol=_PROTOCOL))

    def finish_sending(self) -> None:
        self._queue.put(None)

    def receive(self):
        """The child's next answer; its exception raised here if it sent one. (The first
        answer, read here, is where the child imported the package from: this one's, or an
        error.)"""
        if not self._checked:
            here = str(Path(__file__).with_name("core.py").resolve())
            there = self._next()
            if there != here:
                raise SecondProcessError(f"the second extraction process imported {there}, "
                                         f"this one {here}")
            self._checked = True
        return self._next()

    def _next(self):
        try:
            message = pickle.load(self.process.stdout)
        except (EOFError, pickle.UnpicklingError):  # (nothing, or half an answer: it died)
            code = self.process.wait()
            raise SecondProcessError(
                f"the second extraction process ended (exit code {code}) without its "
                f"answer; its error output, if any, is above") from None
        if message[0] == "ok":
            return message[1]
        _, name, text, child_traceback, exc = message
        error = None
        if exc is not None:
            try:
                error = pickle.loads(exc)
            except Exception:  # noqa: BLE001
                error = None
        if not isinstance(error, BaseException):
            error = SecondProcessError(f"{name}: {text}")
        error.add_note(f"raised in the second extraction process:\n{child_traceback}")
        raise error

    def close(self) -> None:
        """End the child (killed if it is still running) and wait for it."""
        self._queue.put(None)
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.process.stdout.close()
        self._writer.join(timeout=5)

    def __enter__(self) -> "SecondProcess":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

