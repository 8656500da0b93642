"""Locking the app after a time without use.

:class:`IdleLock` is an application-wide event filter: every key press, click,
mouse move or wheel turn restarts a timer; when it runs out, the main window's
content is hidden behind a lock screen that asks the signed-in person's password
again (throttled like a sign-in). The time is a setting in the database
(``idle_lock_minutes``, default 10; 0 switches the lock off).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QWidget,
)

from ..errors import GezondError
from ..security.accounts import LoginThrottled
from ..services import Services
from .common import centred_column, heading
from .login import error_label, password_edit, throttled_text

SETTING_KEY = "idle_lock_minutes"
DEFAULT_MINUTES = 10

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})
_INPUT = _ACTIVITY | frozenset({
    QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
})


def idle_minutes(services: Services) -> int:
    raw = services.db.setting(SETTING_KEY)
    try:
        return max(0, int(raw)) if raw is not None else DEFAULT_MINUTES
    except ValueError:
        return DEFAULT_MINUTES


def set_idle_minutes(services: Services, minutes: int) -> None:
    services.db.set_setting(SETTING_KEY, str(max(0, int(minutes))))


class LockScreen(QWidget):
    """Covers the whole window; asks the password of ``username`` again."""

    unlocked = Signal()

    def __init__(self, services: Services, username: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.username = username
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        box, col = centred_column(self, 56)
        col.addWidget(heading(self.tr("Gezond Desktop is vergrendeld"), box))
        text = QLabel(self.tr("U was een tijdje niet actief. Vul uw wachtwoord in om "
                              "verder te werken als %1.").replace("%1", username), box)
        text.setWordWrap(True)
        col.addWidget(text)
        self.password = password_edit(box)
        self.password.setObjectName("unlockPassword")
        self.password.setPlaceholderText(self.tr("Wachtwoord"))
        self.password.returnPressed.connect(self.try_unlock)
        col.addWidget(self.password)
        self.message = error_label(box)
        self.message.setObjectName("unlockMessage")
        col.addWidget(self.message)
        self.button = QPushButton(self.tr("Ontgrendelen"), box)
        self.button.clicked.connect(self.try_unlock)
        col.addWidget(self.button)

    def try_unlock(self) -> None:
        try:
            self.services.accounts.unlock(self.username, self.password.text())
        except LoginThrottled as exc:
            self.show_message(throttled_text(exc.seconds))
        except GezondError as exc:
            self.show_message(exc.message)
        else:
            self.password.clear()
            self.show_message("")
            self.unlocked.emit()
            return
        self.password.clear()
        self.password.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class IdleLock(QObject):
    """Install with ``IdleLock(window, services, username)``; it removes itself
    when the window is destroyed. ``timeout_ms`` overrides the setting (tests)."""

    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, services: Services, username: str,
                 timeout_ms: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.username = username
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self.set_timeout(timeout_ms if timeout_ms is not None
                         else idle_minutes(services) * 60_000)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.installEventFilter(self)
        window.destroyed.connect(self._detach)

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def set_timeout(self, ms: int) -> None:
        self.timer.stop()
        self.timer.setInterval(max(0, ms))
        if ms > 0 and not self.is_locked:
            self.timer.start()

    def _detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def stop(self) -> None:
        """Switch the lock off for good (the window closes, or a test ends)."""
        self.timer.stop()
        self._detach()
        self.unlock_silently()

    def unlock_silently(self) -> None:
        if self.screen is not None:
            self.unlock()
            self.timer.stop()

    def _belongs(self, obj: QObject | None) -> bool:
        """Whether ``obj`` is the window or lives inside it (widgets, actions, dialogs)."""
        while obj is not None:
            if obj is self.window:
                return True
            obj = obj.parent()
        return False

    # -- locking ---------------------------------------------------------------------
    def lock(self) -> None:
        if self.is_locked or not self.window.isVisible():
            return
        self.timer.stop()
        self._hidden = [w for w in (self.window.centralWidget(), self.window.menuBar(),
                                    self.window.statusBar()) if w is not None and w.isVisible()]
        for w in self._hidden:
            w.setVisible(False)
        for child in self.window.findChildren(QWidget):
            if child.isWindow() and child.isVisible() and child is not self.window:
                child.hide()  # open dialogs would show data too
                self._hidden.append(child)
        screen = LockScreen(self.services, self.username, self.window)
        screen.unlocked.connect(self.unlock)
        screen.setGeometry(self.window.rect())
        screen.show()
        screen.raise_()
        screen.password.setFocus()
        self.screen = screen
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        if self.screen is None:
            return
        self.screen.hide()
        self.screen.deleteLater()
        self.screen = None
        for w in self._hidden:
            w.setVisible(True)
        self._hidden = []
        if self.timer.interval() > 0:
            self.timer.start()
        self.locked_changed.emit(False)

    # -- events ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.Resize and self.screen is not None:
                self.screen.setGeometry(self.window.rect())
                return False
            if kind == QEvent.Type.Close:
                self.stop()
                return False
        if kind not in _INPUT:
            return False
        if self.screen is None:
            if kind in _ACTIVITY and self.timer.interval() > 0:
                self.timer.start()
            return False
        # Locked: input to this window reaches only the lock screen (no shortcuts to
        # hidden pages). Other windows of the app are not this lock's business.
        if isinstance(watched, QWidget) and (watched is self.screen
                                             or self.screen.isAncestorOf(watched)):
            return False
        if not self._belongs(watched):
            return False
        return kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
                        QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
                        QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                        QEvent.Type.MouseButtonDblClick)


__all__ = ["DEFAULT_MINUTES", "SETTING_KEY", "IdleLock", "LockScreen", "idle_minutes",
           "set_idle_minutes"]
