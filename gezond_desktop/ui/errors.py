"""The one channel through which problems reach the user.

* Expected problems (:class:`~gezond_desktop.errors.GezondError`) carry a plain
  Dutch message: :func:`show_error` shows it in a short message box.
* Anything else is a bug: :func:`show_bug` shows a short apology with a
  "Details kopiëren" button and writes the traceback to the log file
  (``<data folder>/logs/gezond.log``, see :func:`.settings.setup_logging`).
  The user never sees a traceback unless they copy it on purpose.
* :func:`install_excepthook` routes uncaught exceptions on the UI thread to
  :func:`show_bug`.

Tests replace :func:`show_error` / :func:`show_bug` with monkeypatch (callers
look them up on this module at call time), so no modal box blocks a test run.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import GezondError
from .common import min_width_chars

log = logging.getLogger("gezond_desktop.ui")



def format_details(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """An expected problem: a short box with the plain-Dutch message."""
    QMessageBox.warning(parent, title, message)


def show_gezond_error(parent: QWidget | None, exc: GezondError, title: str = "") -> None:
    log.info("shown to user: %s: %s", type(exc).__name__, exc.message)
    show_error(parent, title or QCoreApplication.translate("Errors", "Dat lukte niet"), exc.message)


class BugDialog(QDialog):
    """A short apology; the details (traceback) only go to the clipboard on request."""

    def __init__(self, parent: QWidget | None, details: str) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Er ging iets mis"))
        layout = QVBoxLayout(self)
        self.message = QLabel(
            self.tr(
                "Sorry, er ging iets mis in Gezond Desktop. Wat u al had opgeslagen, "
                "is bewaard. Probeer het nog eens. Gebeurt het opnieuw, kopieer dan "
                "de details en stuur ze naar uw beheerder."
            )
        )
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.copied = QLabel("")
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Details kopiëren"))
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Sluiten"))
        layout.addWidget(buttons)
        # ActionRole buttons would close the dialog through the box; wire them by hand.
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button.clicked.connect(self.accept)
        min_width_chars(self, 70)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copied.setText(self.tr("De details staan nu op het klembord."))


def show_bug(parent: QWidget | None, exc: BaseException) -> None:
    """A bug: log the traceback and show a short apology."""
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    dialog = BugDialog(parent, format_details(exc))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()


def report(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Route any exception to the right channel."""
    if isinstance(exc, GezondError):
        show_gezond_error(parent, exc, title)
    else:
        show_bug(parent, exc)


_showing = False


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    global _showing
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if threading.current_thread() is not threading.main_thread() or _showing:
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        return
    _showing = True
    try:
        app = QApplication.instance()
        parent = QApplication.activeWindow() if app is not None else None
        report(parent, exc)
    finally:
        _showing = False


def install_excepthook() -> None:
    """Uncaught exceptions on the UI thread: log them and show the apology."""
    sys.excepthook = _excepthook
