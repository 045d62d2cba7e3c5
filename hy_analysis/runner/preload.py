"""What every worker of the pool needs, imported once by the pool's fork server.

:func:`hy_analysis.runner.pool.worker_context` names this module in
``set_forkserver_preload``: the fork server imports it (papermill, nbclient, nbformat, the
runner's engine, the report template compiled) before it forks the workers, so a worker
starts with them instead of importing them itself (about 0.45 s of processor time each).
Importing it starts no thread: the fork server forks from it.
"""

from __future__ import annotations

from .discovery import block_slow_imports

block_slow_imports()  # before nbformat: jsonschema's optional rfc3987_syntax costs ~1.2 s

import nbclient  # noqa: E402,F401
import nbformat  # noqa: E402,F401
import papermill  # noqa: E402,F401

from ..rendering.page import _exporter  # noqa: E402
from . import worker  # noqa: E402,F401
from .kernel import _register_engine  # noqa: E402

_exporter(False)  # the report template, compiled once for every worker
_register_engine()
