"""The one helper for UI-initiated work that may take time: :func:`run_op`.

Use it for every database action started from the UI that can take more than a
blink (imports, reports, demo data, sync, big queries)::

    def work(state: TaskState) -> ImportResult:
        return services.imports.attendance(path, progress=state.progress())

    run_op(self, work, self._show_result, title=self.tr("Lijst inlezen"))

* ``fn(state)`` runs on a worker thread (a ``QThreadPool`` with one thread: one
  lane for writes to SQLite). It must not touch widgets. It gets no Session:
  service methods open their own short session on the thread that calls them.
* A ``QProgressDialog`` appears only when the work takes longer than ~600 ms;
  its Annuleren button sets ``state.cancelled`` (cooperative cancel, see
  :mod:`gezond_desktop.tasks`).
* ``on_done(result)`` runs on the UI thread, also when the user cancelled and
  ``fn`` stopped cleanly and returned (its result says it was cancelled).
* Errors: a :class:`~gezond_desktop.errors.GezondError` goes to ``on_error`` if
  given (for example a form that puts ``ValidationError`` messages next to its
  fields), otherwise to a short message box; anything else is a bug and goes to
  :func:`.errors.show_bug` (apology, copyable details, log file).
* If the user cancelled and ``fn`` stopped with :class:`~gezond_desktop.tasks.Cancelled`,
  ``on_cancelled()`` is called (if given) and nothing is shown.

Quick reads that take milliseconds may call services directly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..errors import GezondError
from ..tasks import Cancelled, TaskState
from . import errors as ui_errors

log = logging.getLogger(__name__)

T = TypeVar("T")

SHOW_AFTER_MS = 600
POLL_MS = 100

_pool: QThreadPool | None = None
_running: set[Operation[Any]] = set()


def pool() -> QThreadPool:
    """The worker lane of all operations (one thread: writes never race)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setObjectName("gezond-operations")
    return _pool


def running() -> int:
    """How many operations have not finished yet."""
    return len(_running)


def shutdown(timeout_ms: int = 10_000) -> bool:
    """Cancel every running operation and wait for the worker; True when idle."""
    for op in list(_running):
        op.state.cancel()
    return pool().waitForDone(timeout_ms)


class _Signals(QObject):
    """Lives on the UI thread; emitted from the worker, so delivery is queued."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    """Runs ``fn`` on the worker thread.

    It lets go of everything it holds before it sets ``released``: the Operation
    (and with it the ``_Signals`` QObject) must always be destroyed on the UI
    thread, never by the worker dropping the last reference (which crashed the
    process now and then when the UI thread was still delivering the signal).
    """

    def __init__(self, fn: Callable[[TaskState], Any], state: TaskState,
                 signals: _Signals, released: threading.Event) -> None:
        super().__init__()
        self.fn: Callable[[TaskState], Any] | None = fn
        self.state: TaskState | None = state
        self.signals: _Signals | None = signals
        self.released = released
        self.setAutoDelete(True)

    def run(self) -> None:
        fn, state, signals = self.fn, self.state, self.signals
        self.fn = self.state = self.signals = None
        assert fn is not None and state is not None and signals is not None
        try:
            try:
                result = fn(state)
            except BaseException as exc:  # every outcome goes back to the UI thread
                signals.failed.emit(exc)
            else:
                signals.succeeded.emit(result)
                del result
        finally:
            del fn, state, signals
            self.released.set()


class _ProgressDialog(QProgressDialog):
    """A progress dialog that only closes when the operation is over."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool) -> None:
        super().__init__(parent)
        self._cancellable = cancellable
        self._finished = False
        self.setWindowTitle(title)
        self.setLabelText(self.tr("Even geduld..."))
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setRange(0, 0)
        self.setMinimumWidth(360)
        if cancellable:
            self.setCancelButtonText(self.tr("Annuleren"))
            self.canceled.connect(self._request_cancel)
        else:
            self.setCancelButton(None)

    def _request_cancel(self) -> None:
        if self._cancellable:
            self.setLabelText(self.tr("Bezig met stoppen..."))
            self.cancel_requested.emit()
            self.show()

    def reject(self) -> None:  # Esc
        self._request_cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            event.accept()
            return
        event.ignore()
        self._request_cancel()

    def finish(self) -> None:
        self._finished = True
        self.close()
        self.deleteLater()


class Operation(QObject, Generic[T]):
    """One running operation; made by :func:`run_op`. ``finished`` is emitted on
    the UI thread after the callbacks ran (handy for tests and chaining)."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[TaskState], T],
        on_done: Callable[[T], None],
        *,
        title: str,
        cancellable: bool,
        on_error: Callable[[GezondError], None] | None,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        super().__init__()
        self.parent_widget = parent
        self.fn = fn
        self.on_done = on_done
        self.title = title
        self.cancellable = cancellable
        self.on_error = on_error
        self.on_cancelled = on_cancelled
        self.state = TaskState()
        self.dialog: _ProgressDialog | None = None
        self.signals = _Signals()
        self.signals.succeeded.connect(self._succeeded)
        self.signals.failed.connect(self._failed)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_dialog)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self._poll)
        self.is_done = False
        self._worker_released = threading.Event()

    def start(self, show_after_ms: int | None = SHOW_AFTER_MS) -> None:
        """Start the work; the progress dialog appears after ``show_after_ms``
        (None: never, for work whose window shows its own state)."""
        _running.add(self)
        if show_after_ms is not None:
            self._show_timer.start(show_after_ms)
        pool().start(_Runnable(self.fn, self.state, self.signals, self._worker_released))

    def cancel(self) -> None:
        self.state.cancel()

    # -- progress ----------------------------------------------------------------
    @Slot()
    def _show_dialog(self) -> None:
        if self.is_done:
            return
        self.dialog = _ProgressDialog(self.parent_widget, self.title, self.cancellable)
        self.dialog.cancel_requested.connect(self.state.cancel)
        self._poll()
        self.dialog.show()
        self._poll_timer.start()

    @Slot()
    def _poll(self) -> None:
        if self.dialog is None:
            return
        p = self.state.snapshot()
        if p.total > 0:
            if self.dialog.maximum() != p.total:
                self.dialog.setRange(0, p.total)
            self.dialog.setValue(min(p.done, p.total))
        elif self.dialog.maximum() != 0:
            self.dialog.setRange(0, 0)
        if p.text and not self.state.cancelled:
            self.dialog.setLabelText(p.text)

    # -- outcome -----------------------------------------------------------------
    def _finish(self) -> None:
        self.is_done = True
        self._show_timer.stop()
        self._poll_timer.stop()
        if self.dialog is not None:
            self.dialog.finish()
            self.dialog = None

    @Slot(object)
    def _succeeded(self, result: T) -> None:
        self._finish()
        try:
            self.on_done(result)
        finally:
            self._release()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._finish()
        try:
            if isinstance(exc, Cancelled):
                log.info("operation cancelled: %s", self.title)
                if self.on_cancelled is not None:
                    self.on_cancelled()
            elif isinstance(exc, GezondError):
                if self.on_error is not None:
                    self.on_error(exc)
                else:
                    ui_errors.show_gezond_error(self.parent_widget, exc, self.title)
            else:
                ui_errors.show_bug(self.parent_widget, exc)
        finally:
            self._release()

    def _release(self) -> None:
        self.finished.emit()
        # Not now: this runs inside a slot of this very object. Forget it from the
        # event loop, once the worker has let go of its references too.
        QTimer.singleShot(0, self._forget)

    @Slot()
    def _forget(self) -> None:
        if self._worker_released.is_set():
            _running.discard(self)
        else:
            QTimer.singleShot(5, self._forget)


def run_op(
    parent: QWidget | None,
    fn: Callable[[TaskState], T],
    on_done: Callable[[T], None],
    *,
    title: str,
    cancellable: bool = True,
    on_error: Callable[[GezondError], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    show_progress: bool = True,
) -> Operation[T]:
    """Run ``fn(state)`` off the UI thread; see the module documentation.
    ``show_progress=False``: no progress dialog (the caller's window shows that
    the work is under way)."""
    op: Operation[T] = Operation(
        parent, fn, on_done, title=title, cancellable=cancellable,
        on_error=on_error, on_cancelled=on_cancelled,
    )
    op.start(SHOW_AFTER_MS if show_progress else None)
    return op
