"""Keep what is typed in a form as a draft, and offer it back after a crash.

Attach a :class:`DraftKeeper` to a form that has

* a ``changed`` signal, emitted on every edit,
* ``to_dict() -> dict`` (JSON-serialisable) and ``from_dict(dict)``,
* ``has_content() -> bool`` (False for a fresh, empty form: nothing to keep).

Every edit (re)starts a 500 ms timer; when it fires, the form's content is saved
through :mod:`gezond_desktop.services.drafts` (or the draft is dropped when the
form is empty again). Hiding the form and quitting the app save at once.

On opening, :meth:`DraftKeeper.pending` returns a draft left behind; a
:class:`DraftBanner` offers it ("Terugzetten" / "Weggooien") without a modal box.
While the offer is open the old draft is kept as it is (new typing does not
overwrite it); after the choice, saving goes on as normal.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..errors import GezondError
from ..services.drafts import Draft, discard_draft, load_draft, save_draft
from ..store import Database

log = logging.getLogger(__name__)

DEBOUNCE_MS = 500


class DraftForm(Protocol):
    changed: SignalInstance

    def to_dict(self) -> dict[str, Any]: ...

    def from_dict(self, data: dict[str, Any]) -> None: ...

    def has_content(self) -> bool: ...


def format_moment(moment: dt.datetime, now: dt.datetime | None = None) -> str:
    """'vandaag om 14:05', 'gisteren om 09:30' or '3-2-2025 om 16:45'."""
    now = now or dt.datetime.now()
    clock = moment.strftime("%H:%M")
    days = (now.date() - moment.date()).days
    if days == 0:
        return QCoreApplication.translate("Drafts", "vandaag om %1").replace("%1", clock)
    if days == 1:
        return QCoreApplication.translate("Drafts", "gisteren om %1").replace("%1", clock)
    day = f"{moment.day}-{moment.month}-{moment.year}"
    return QCoreApplication.translate("Drafts", "%1 om %2").replace("%1", day).replace(
        "%2", clock)


class DraftKeeper(QObject):
    """Saves a form's content as a draft, debounced; see the module documentation."""

    saved = Signal()  # after each save or drop (for tests and status lines)

    def __init__(self, form: QWidget, db: Database, form_key: str,
                 delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(form)
        self._form = form
        self._db = db
        self.form_key = form_key
        self._held: Draft | None = None
        self._suspended = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        form.changed.connect(self._on_changed)  # type: ignore[attr-defined]
        form.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.save_now)

    # -- saving ------------------------------------------------------------------
    def _on_changed(self) -> None:
        if not self._suspended:
            self._timer.start()

    def save_now(self) -> None:
        """Save (or drop) the draft at once, if an edit is waiting."""
        self._timer.stop()
        if self._held is not None:
            return  # the offer is open: keep the old draft until the user chooses
        form: Any = self._form
        try:
            if form.has_content():
                save_draft(self._db, self.form_key, form.to_dict())
            else:
                discard_draft(self._db, self.form_key)
        except (GezondError, RuntimeError) as exc:  # never break typing over a draft
            log.warning("draft %s not saved: %s", self.form_key, exc)
            return
        self.saved.emit()

    def flush(self) -> None:
        if self._timer.isActive():
            self.save_now()

    def discard(self) -> None:
        """The form was saved or cleared on purpose: forget the draft."""
        self._timer.stop()
        self._held = None
        try:
            discard_draft(self._db, self.form_key)
        except GezondError as exc:
            log.warning("draft %s not dropped: %s", self.form_key, exc)

    def suspend(self) -> None:
        """Ignore changes (while the form fills itself); pair with :meth:`resume`."""
        self._suspended += 1

    def resume(self) -> None:
        self._suspended = max(0, self._suspended - 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._form and event.type() == QEvent.Type.Hide:
            self.flush()
        return False

    # -- offering back -----------------------------------------------------------
    def pending(self) -> Draft | None:
        """A draft left behind by an earlier run; it stays kept until
        :meth:`restore` or :meth:`drop`."""
        try:
            draft = load_draft(self._db, self.form_key)
        except GezondError:
            draft = None
        self._held = draft
        return draft

    def restore(self) -> None:
        draft, self._held = self._held, None
        if draft is None:
            return
        form: Any = self._form
        self.suspend()
        try:
            form.from_dict(draft.data)
        finally:
            self.resume()
        self.save_now()

    def drop(self) -> None:
        self._held = None
        self.save_now()


class DraftBanner(QFrame):
    """An inline offer to restore a draft: a sentence and two buttons."""

    decided = Signal(bool)  # True: restored

    def __init__(self, keeper: DraftKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.setObjectName("draftBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#draftBanner { background: #fff4d6; border: 1px solid #e0b84c;"
                           " border-radius: 4px; } #draftBanner QLabel { color: #3a2c00; }")
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("&Terugzetten"), self)
        self.drop_button = QPushButton(self.tr("&Weggooien"), self)
        for b in (self.restore_button, self.drop_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self._restore)
        self.drop_button.clicked.connect(self._drop)
        self.hide()

    def offer(self, message_template: str) -> bool:
        """Show the offer when a draft is waiting; ``%1`` in the template becomes
        the moment it was saved. True when shown."""
        draft = self.keeper.pending()
        if draft is None:
            self.hide()
            return False
        self.message.setText(message_template.replace("%1", format_moment(draft.saved_at)))
        self.show()
        return True

    def _restore(self) -> None:
        self.hide()
        self.keeper.restore()
        self.decided.emit(True)

    def _drop(self) -> None:
        self.hide()
        self.keeper.drop()
        self.decided.emit(False)
