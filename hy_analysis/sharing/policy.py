"""When a run precomputes its panels' states, and how many: the environment's policy.

:func:`sharing_run` decides, in this order:

1. ``HY_SHARE`` set: ``1``/``true``/``yes`` precomputes, ``0``/``false``/``no`` does not;
2. ``HY_HEADLESS`` set (``hy-analysis run`` sets it in the kernel): precompute;
3. a Jupyter front end started the kernel: JupyterLab and Notebook kernels carry
   ``JPY_SESSION_NAME`` (jupyter_server sessions), Voilà kernels carry ``VOILA_*``
   variables: no precomputation, the live panel is unchanged;
4. otherwise (plain ``papermill``, ``jupyter nbconvert --execute``, nbclient): precompute.

At most ``HY_SHARE_MAX_STATES`` states per panel (default :data:`DEFAULT_MAX_STATES`).
"""

from __future__ import annotations

import os

from ..exceptions import ParameterError

__all__ = ["DEFAULT_MAX_STATES", "sharing_run", "max_states_setting"]

#: States per panel when ``HY_SHARE_MAX_STATES`` is not set.
DEFAULT_MAX_STATES = 64

_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


def sharing_run(environ: dict | None = None) -> bool:
    """Whether this kernel runs a notebook for sharing (see the module's rules).

    Examples
    --------
    >>> sharing_run({"HY_HEADLESS": "1"})
    True
    >>> sharing_run({"JPY_SESSION_NAME": "fdi_by_country.ipynb"})
    False
    >>> sharing_run({"VOILA_KERNEL_ID": "x", "HY_SHARE": "1"})
    True
    >>> sharing_run({})
    True
    """
    env = os.environ if environ is None else environ
    explicit = env.get("HY_SHARE")
    if explicit is not None:
        flag = explicit.strip().lower()
        if flag in _TRUE:
            return True
        if flag in _FALSE:
            return False
        raise ParameterError(f"environment variable HY_SHARE: expected 1 or 0, "
                             f"got {explicit!r}")
    if env.get("HY_HEADLESS"):
        return True
    if env.get("JPY_SESSION_NAME") or any(k.startswith("VOILA_") for k in env):
        return False
    return True


def max_states_setting(environ: dict | None = None) -> int:
    """The cap on states per panel: ``HY_SHARE_MAX_STATES`` or :data:`DEFAULT_MAX_STATES`.

    Examples
    --------
    >>> max_states_setting({"HY_SHARE_MAX_STATES": "12"})
    12
    >>> max_states_setting({})
    64
    """
    env = os.environ if environ is None else environ
    text = env.get("HY_SHARE_MAX_STATES")
    if text is None or not text.strip():
        return DEFAULT_MAX_STATES
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise ParameterError(f"environment variable HY_SHARE_MAX_STATES: expected a whole "
                             f"number of states of at least 1, got {text!r}")
    return value
