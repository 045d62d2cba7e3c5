"""The Jupyter kernel we register: local sockets instead of TCP ports.

jupyter_client's default provisioner picks five free TCP ports in the client process
(bind to port 0, read the number, close) and the kernel binds them a moment later. Another
process started at the same time (a second ``papermill``, ``make -j``, ``xargs -P``) can take
one of those ports in between, for a kernel of its own or as the local end of a connection;
the kernel then fails to bind and the client reports "Kernel didn't respond in 60 seconds"
or "Kernel died before replying to kernel_info" (papermill#776, papermill#511).

:class:`IPCProvisioner` gives each kernel Unix domain sockets in a fresh private folder
instead, so there are no ports to race for. It is a jupyter_client kernel provisioner
(entry point ``hy-ipc`` in the ``jupyter_client.kernel_provisioners`` group) named in the
kernelspec's metadata, so every client that starts our kernel by name (papermill,
nbconvert, nbclient, JupyterLab, Voilà) uses it without flags. ``make`` registers that
kernelspec with :func:`install_kernelspec`::

    python -m hy_analysis.kernels --sys-prefix
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

__all__ = ["PROVISIONER_NAME", "IPCProvisioner", "install_kernelspec"]

#: Name of the entry point in the ``jupyter_client.kernel_provisioners`` group.
PROVISIONER_NAME = "hy-ipc"


class IPCProvisioner(LocalProvisioner):
    """A local kernel whose sockets are Unix domain sockets in a private temporary folder.

    A kernel manager configured for IPC already (``KernelManager.transport = "ipc"``, as
    ``hy-analysis run`` does) is left as configured. The folder is removed when the kernel
    is shut down for good (not on restart).
    """

    _socket_dir: str | None = None

    async def pre_launch(self, **kwargs: Any) -> dict[str, Any]:
        km = self.parent
        if km is not None:
            if km.transport != "ipc":
                # mkdtemp: private (0700) and unique; short, as socket paths are limited to
                # about 100 bytes.
                folder = tempfile.mkdtemp(prefix="hyk-")
                km.transport = "ipc"
                km.ip = os.path.join(folder, "k")
                km.cache_ports = False
                # On the manager: a restart creates a new provisioner for the same sockets.
                km._hy_socket_dir = folder
            self._socket_dir = getattr(km, "_hy_socket_dir", None)
        return await super().pre_launch(**kwargs)

    async def cleanup(self, restart: bool = False) -> None:
        await super().cleanup(restart=restart)
        if not restart and self._socket_dir:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
            self._socket_dir = None


def install_kernelspec(*, name: str = "python3", display_name: str = "Python 3 (hy-analysis)",
                       prefix: str | None = None, user: bool = False) -> Path:
    """Register this Python as a Jupyter kernel that starts through :class:`IPCProvisioner`.

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
    """``python -m hy_analysis.kernels [--sys-prefix | --user | --prefix DIR] [--name N]``."""
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
