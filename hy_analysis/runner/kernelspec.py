"""Register this Python as the Jupyter kernel ``python3`` that starts through ``hy-ipc``.

``make`` runs this module once per virtual environment::

    python -m hy_analysis.runner.kernelspec --sys-prefix

The kernelspec is ipykernel's own with one addition: its metadata names the ``hy-ipc``
provisioner (:mod:`~hy_analysis.runner.provisioner`), so papermill, nbconvert, JupyterLab and
Voilà start our kernels over private Unix sockets, forked from a warm parent, without flags.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .provisioner import PROVISIONER_NAME

__all__ = ["install_kernelspec", "main"]


def install_kernelspec(*, name: str = "python3", display_name: str = "Python 3 (hy-analysis)",
                       prefix: str | None = None, user: bool = False) -> Path:
    """Register this Python as a Jupyter kernel that starts through the ``hy-ipc`` provisioner.

    Parameters
    ----------
    name : str
        Kernel name; ``python3`` is what the notebooks' metadata ask for.
    display_name : str
        Name shown in JupyterLab's launcher.
    prefix : str, optional
        Install under this prefix (``sys.prefix`` for a virtual environment).
    user : bool
        Install for the current user instead.

    Returns
    -------
    Path
        The folder of the installed kernelspec.
    """
    from ipykernel.kernelspec import install

    folder = Path(install(kernel_name=name, display_name=display_name, prefix=prefix,
                          user=user))
    spec_file = folder / "kernel.json"
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    spec.setdefault("metadata", {})["kernel_provisioner"] = {
        "provisioner_name": PROVISIONER_NAME, "config": {}}
    spec_file.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    """``python -m hy_analysis.runner.kernelspec [--sys-prefix | --user | --prefix DIR]``."""
    import argparse

    parser = argparse.ArgumentParser(description="Register the hy-analysis Jupyter kernel.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--sys-prefix", action="store_const", dest="prefix", const=sys.prefix,
                       help="inside this (virtual) environment")
    where.add_argument("--prefix", help="under this prefix")
    where.add_argument("--user", action="store_true", help="for the current user")
    parser.add_argument("--name", default="python3")
    parser.add_argument("--display-name", default="Python 3 (hy-analysis)")
    args = parser.parse_args(argv)
    folder = install_kernelspec(name=args.name, display_name=args.display_name,
                                prefix=args.prefix, user=args.user)
    print(f"kernel {args.name!r} registered in {folder} (provisioner {PROVISIONER_NAME})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
