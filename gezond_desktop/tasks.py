"""Progress and cancellation handed into a long task (core: no Qt).

A :class:`TaskState` is created by the UI's operation helper
(:func:`gezond_desktop.ui.operations.run_op`) and passed to the task function,
which runs on a worker thread. The task reports progress with :meth:`report`
and checks :attr:`TaskState.cancelled` between steps (cooperative cancel).

Services that do bulk work take ``progress: Callable[[int, int], bool]``; give
them :meth:`TaskState.progress`. That callable records ``(done, total)`` and
returns ``True`` to go on, ``False`` once the user cancelled (the service then
stops cleanly and says so in its result). A task function of its own can call
:meth:`TaskState.check`, which raises :class:`Cancelled`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """The user cancelled the task. Not an error: nothing is shown."""


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    text: str


class TaskState:
    """Thread-safe progress and cancel flag shared by a task and the UI."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._done = 0
        self._total = 0
        self._text = ""

    # -- the task side -----------------------------------------------------------
    def report(self, done: int, total: int, text: str | None = None) -> None:
        """Record progress; ``total`` 0 means "unknown" (a busy indicator)."""
        with self._lock:
            self._done = max(0, done)
            self._total = max(0, total)
            if text is not None:
                self._text = text

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, text: str | None = None) -> Callable[[int, int], bool]:
        """A ``progress(done, total) -> bool`` callable for services (see module doc)."""

        def callback(done: int, total: int) -> bool:
            self.report(done, total, text)
            return not self._cancel.is_set()

        return callback

    # -- the UI side -------------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    def snapshot(self) -> Progress:
        with self._lock:
            return Progress(self._done, self._total, self._text)
