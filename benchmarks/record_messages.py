"""Record what an nbclient client sends and receives while it runs a notebook.

Each line: seconds since start, channel, ``->`` (client to kernel) or ``<-`` (kernel to
client), message type, the last 8 characters of a request's own ``msg_id`` or of the request
a kernel message answers (its parent), and for messages
from the kernel how long after the kernel sent them the client received them (``late``).
A stalled cell shows as an ``execute_reply`` received many seconds after the kernel sent
it, with a client ``comm_msg`` sent on the shell channel in between (see docs/stalls.md).

    python benchmarks/record_messages.py notebooks/fdi_by_country.ipynb --timeout 20 \
        --until-stall 10 --log /tmp/fdi-stall.log

``--until-stall N`` repeats the run up to N times and keeps the log of the first stalled
run (a cell whose reply arrived ``--timeout`` seconds late); without it one run is logged.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _recording_client(log: list, t0: float):
    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.channels import AsyncZMQSocketChannel
    from traitlets import Type

    def entry(channel, direction, msg, late=None):
        # Requests show their own id, replies and iopub messages the request they answer.
        parent = (msg.get("parent_header") or {}).get("msg_id", "") if direction == "<-" \
            else msg["header"]["msg_id"]
        parent = parent or ""
        kind = msg["header"]["msg_type"] if "header" in msg else msg.get("msg_type", "?")
        extra = ""
        content = msg.get("content") or {}
        if kind == "status":
            extra = content.get("execution_state", "")
        elif kind == "comm_msg":
            extra = content.get("data", {}).get("method", "")
        log.append(f"{time.monotonic() - t0:8.3f} {channel:6s} {direction} {kind:22s} "
                   f"id ..{parent[-8:]:8s} {extra:8s}"
                   + ("" if late is None else f" late {late:6.3f}s"))

    def channel_class(name):
        class Recording(AsyncZMQSocketChannel):
            async def get_msg(self, timeout=None):
                msg = await super().get_msg(timeout=timeout)
                sent = msg["header"].get("date")
                late = None
                if isinstance(sent, datetime):
                    late = (datetime.now(timezone.utc) - sent).total_seconds()
                entry(name, "<-", msg, late)
                return msg

            def send(self, msg):
                entry(name, "->", msg)
                super().send(msg)
        return Recording

    class RecordingClient(AsyncKernelClient):
        shell_channel_class = Type(channel_class("shell"))
        iopub_channel_class = Type(channel_class("iopub"))
        stdin_channel_class = Type(channel_class("stdin"))
        control_channel_class = Type(channel_class("ctrl"))

    return RecordingClient


def record(path: Path, *, timeout: int) -> tuple[list[str], float]:
    """Run ``path`` once; return the log and the largest lateness of an execute_reply."""
    import nbformat
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    log: list[str] = []
    t0 = time.monotonic()
    client_class = _recording_client(log, t0)

    class Manager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.client_factory = client_class

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_manager_class=Manager,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    worst = 0.0
    for line in log:
        if " execute_reply " in line and " late " in line:
            worst = max(worst, float(line.rsplit("late", 1)[1].strip().rstrip("s")))
    return log, worst


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--timeout", type=int, default=20)
    parser.add_argument("--until-stall", type=int, default=0, metavar="N")
    parser.add_argument("--log", type=Path)
    args = parser.parse_args(argv)
    for attempt in range(1, max(1, args.until_stall) + 1):
        log, worst = record(args.notebook.resolve(), timeout=args.timeout)
        stalled = worst >= 0.9 * args.timeout
        print(f"run {attempt}: latest execute_reply received {worst:.3f} s after it was sent"
              + (" (STALL)" if stalled else ""), flush=True)
        if stalled or not args.until_stall:
            break
    text = "\n".join(log) + "\n"
    if args.log:
        args.log.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
