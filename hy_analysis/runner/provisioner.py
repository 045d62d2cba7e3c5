"""The Jupyter kernel provisioner we register: local sockets instead of TCP ports.

jupyter_client's default provisioner picks five free TCP ports in the client process
(bind to port 0, read the number, close) and the kernel binds them a moment later. Another
process started at the same time (a second ``papermill``, ``make -j``, ``xargs -P``) can take
one of those ports in between, for a kernel of its own or as the local end of a connection;
the kernel then fails to bind and the client reports "Kernel didn't respond in 60 seconds"
or "Kernel died before replying to kernel_info" (papermill#776, papermill#511).

:class:`IPCProvisioner` gives each kernel Unix domain sockets in a fresh private folder
instead, so there are no ports to race for. It is a jupyter_client kernel provisioner
(entry point ``hy-ipc`` in the ``jupyter_client.kernel_provisioners`` group) named in the
kernelspec's metadata (:mod:`~hy_analysis.runner.kernelspec`), so every client that starts
our kernel by name (papermill, nbconvert, nbclient, JupyterLab, Voilà) uses it without flags.

Each kernel is forked from a warm parent (:mod:`~hy_analysis.runner.warm`) when it can be;
where ``fork`` is unavailable, ``HY_WARM_KERNELS=0`` is set or the parent cannot be used
safely, the kernel starts the ordinary way after one log line saying why.
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import signal
import subprocess
import tempfile
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

from . import warm

__all__ = ["PROVISIONER_NAME", "IPCProvisioner", "register_provisioner"]

#: Name of the entry point in the ``jupyter_client.kernel_provisioners`` group.
PROVISIONER_NAME = "hy-ipc"

log = logging.getLogger(__name__)


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

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        env = kwargs.get("env") or dict(os.environ)
        reason = warm.warm_unavailable(cmd, env)
        forked = None
        if reason is None:
            try:
                forked = warm.request_fork(cmd, env, kwargs.get("cwd") or os.getcwd())
            except warm.WarmParentError as exc:
                reason = str(exc)
                log.warning("hy-analysis: %s", exc)
            except (OSError, ValueError) as exc:
                reason = f"the warm parent failed ({exc})"
        if forked is None:
            log.info("hy-analysis: ordinary kernel start: %s", reason)
            return await super().launch_kernel(cmd, **kwargs)
        pid, pidfd = forked
        self.process = ForkedKernel(pid, pidfd)
        self.pid = self.pgid = pid  # the kernel leads its own session and process group
        self.cwd = kwargs.get("cwd") or os.getcwd()
        return self.connection_info

    async def cleanup(self, restart: bool = False) -> None:
        await super().cleanup(restart=restart)
        if isinstance(self.process, ForkedKernel) and not restart:
            self.process.close()
        if not restart and self._socket_dir:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
            self._socket_dir = None

    async def send_signal(self, signum: int) -> None:
        # The kernel's group, but only while the pidfd says the kernel is the same process.
        if isinstance(self.process, ForkedKernel):
            if self.process.poll() is None:
                self.process.send_signal(signum)
                if signum != signal.SIGINT:
                    try:
                        os.killpg(self.pid, signum)
                    except OSError:
                        pass
            return
        await super().send_signal(signum)


class ForkedKernel:
    """The part of ``subprocess.Popen`` the provisioner uses, for a kernel forked elsewhere.

    Held through a pidfd: the kernel's end is seen without polling a pid, and no signal can
    reach a process that took over the pid after it. Its exit status belongs to the warm
    parent, which reaps it.
    """

    def __init__(self, pid: int, pidfd: int):
        self.pid = pid
        self.pidfd: int | None = pidfd
        self.returncode: int | None = None
        self.stdin = self.stdout = self.stderr = None

    def poll(self) -> int | None:
        if self.returncode is None:
            if self.pidfd is None or select.select([self.pidfd], [], [], 0)[0]:
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None and self.pidfd is not None:
            if not select.select([self.pidfd], [], [], timeout)[0]:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            self.returncode = 0
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            signal.pidfd_send_signal(self.pidfd, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def close(self) -> None:
        """Release the pidfd (the kernel is no longer watched)."""
        if self.pidfd is not None:
            if self.returncode is None:
                self.returncode = 0 if self.poll() is not None else None
            os.close(self.pidfd)
            self.pidfd = None


def register_provisioner(*, default: bool = True) -> None:
    """Make ``hy-ipc`` known to jupyter_client in this process, the default when ``default``.

    For processes that start kernels (the runner's workers) in an environment where the
    package's entry point is not installed, and so that kernelspecs without provisioner
    metadata start through :class:`IPCProvisioner` too.
    """
    from importlib.metadata import EntryPoint

    from jupyter_client.provisioning.factory import KernelProvisionerFactory

    factory = KernelProvisionerFactory.instance()
    factory.provisioners.setdefault(PROVISIONER_NAME, EntryPoint(
        name=PROVISIONER_NAME, value=f"{__name__}:IPCProvisioner",
        group=KernelProvisionerFactory.GROUP_NAME))
    if default:
        factory.default_provisioner_name = PROVISIONER_NAME
