"""Fault injection for tests: ``GEZOND_SYNC_KILL_AT=N`` makes the process kill
itself (SIGKILL, no clean-up) at the N-th write point of export or import."""

from __future__ import annotations

import os
import signal

_count = 0


def point(name: str) -> None:
    global _count
    target = os.environ.get("GEZOND_SYNC_KILL_AT")
    if not target:
        return
    _count += 1
    if _count >= int(target):
        os.kill(os.getpid(), signal.SIGKILL)
