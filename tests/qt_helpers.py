"""Helpers for Qt tests shared by several test modules."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def on_modal(action: Callable[[QDialog], None]) -> list[BaseException]:
    """Run ``action`` on the next modal dialog (opened with exec()); a failing action
    closes the dialog so the test cannot hang, and is reported in the list."""
    problems: list[BaseException] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        try:
            assert isinstance(dialog, QDialog)
            action(dialog)
        except BaseException as exc:
            problems.append(exc)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    return problems
