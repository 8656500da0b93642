"""The main window: navigation on the left, one page at a time, a status bar.

Pages come from the registry in :mod:`.pages` and are created the first time
they are shown. Saves anywhere (any thread) reach the window through
``services.subscribe``; the window re-emits them as :attr:`MainWindow.data_changed`
on the UI thread, coalesced, and passes them to ``page.refresh(changed)``: at
once for the visible page, on showing for the others.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ..enums import Role
from .common import last_sync_text, pending_text
from .labels import label
from .pages import PageSpec, pages_for
from .settings import ui_settings

if TYPE_CHECKING:  # the window appears before the data layer has loaded (ui/app.py)
    from ..services import Services
    from ..services.workers import WorkerView

log = logging.getLogger(__name__)

COALESCE_MS = 50


class ChangeRelay(QObject):
    """A ``services`` listener (called on any thread) that re-emits on the UI thread."""

    changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.attached = True

    def __call__(self, entities: frozenset[str]) -> None:
        if self.attached:
            self.changed.emit(frozenset(entities))


class MainWindow(QMainWindow):
    """The main window. Made with ``services`` it builds its pages at once. A start
    with an account makes it with only ``data_dir``: the window then shows what the
    start puts in it (the sign-in form) until :meth:`attach` gets the signed-in
    services and builds the pages."""

    data_changed = Signal(object)  # frozenset[str], coalesced, on the UI thread
    services: Services

    def __init__(self, services: Services | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None, *, data_dir: Path | None = None) -> None:
        super().__init__(parent)
        folder = services.db.data_dir if services is not None else data_dir
        if folder is None:
            raise TypeError("MainWindow needs services or a data_dir")
        self.settings = settings if settings is not None else ui_settings(folder)
        self.setWindowTitle(self.tr("Gezond Desktop"))
        self.worker: WorkerView | None = None
        self.specs: list[PageSpec] = []
        self.pages: dict[str, QWidget] = {}
        self._stale: dict[str, set[str]] = {}
        self.relay: ChangeRelay | None = None
        geometry = self.settings.value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        if services is not None:
            self.attach(services)

    @property
    def attached(self) -> bool:
        """Whether the pages are there (signed in)."""
        return self.relay is not None

    def attach(self, services: Services) -> None:
        """Build navigation, pages, status bar and menus for the signed-in ``services``."""
        if self.relay is not None:
            raise RuntimeError("this window already shows a worker's pages")
        self.services = services
        self.worker = self._load_worker()
        self.specs = pages_for(self.worker.role if self.worker else None)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("navigation")
        self.nav.setUniformItemSizes(True)
        self.nav.setSpacing(2)
        for spec in self.specs:
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, self.fontMetrics().height() * 2))
            self.nav.addItem(item)
        widest = max((self.fontMetrics().horizontalAdvance(s.title) for s in self.specs),
                     default=100)
        self.nav.setFixedWidth(widest + self.fontMetrics().averageCharWidth() * 6)
        self.stack = QStackedWidget(central)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._nav_changed)

        self._build_status_bar()
        self._build_menus()

        self._pending_changes: set[str] = set()
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(COALESCE_MS)
        self._coalesce.timeout.connect(self._dispatch_changes)
        self.relay = ChangeRelay()
        self.relay.changed.connect(self._on_relay, Qt.ConnectionType.QueuedConnection)
        services.subscribe(self.relay)

        if self.specs:
            self.nav.setCurrentRow(0)
        self.update_status()
        # Automatic sync lives on the Synchronisatie page; when this device is in a
        # team, create that page shortly after start (not during it: start-up stays fast).
        self._background_start = QTimer(self)
        self._background_start.setSingleShot(True)
        self._background_start.timeout.connect(self._start_background_pages)
        if "sync" in self.page_keys() and services.db.setting("sync.hub"):
            self._background_start.start(3000)

    def _start_background_pages(self) -> None:
        self.page("sync")

    def _load_worker(self) -> WorkerView | None:
        if self.services.worker_id is not None:
            return self.services.workers.get(self.services.worker_id)
        return self.services.workers.current()

    # -- building ----------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.who_label = QLabel(self)
        self.who_label.setObjectName("statusWho")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("statusPending")
        self.sync_label = QLabel(self)
        self.sync_label.setObjectName("statusSync")
        for w in (self.who_label, self.pending_label, self.sync_label):
            w.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(w)

    def _build_menus(self) -> None:
        menu_file = self.menuBar().addMenu(self.tr("&Bestand"))
        self.new_contact_action = QAction(self.tr("Nieuw contact"), self)
        self.new_contact_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_contact_action.triggered.connect(self.new_contact)
        menu_file.addAction(self.new_contact_action)
        self.search_action = QAction(self.tr("Zoeken"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        self.search_action.triggered.connect(self.focus_search)
        menu_file.addAction(self.search_action)
        menu_file.addSeparator()
        quit_action = QAction(self.tr("Afsluiten"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        menu_file.addAction(quit_action)

        menu_go = self.menuBar().addMenu(self.tr("&Ga naar"))
        self.page_actions: list[QAction] = []
        for i, spec in enumerate(self.specs[:9]):
            action = QAction(spec.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            menu_go.addAction(action)
            self.page_actions.append(action)

        menu_settings = self.menuBar().addMenu(self.tr("&Instellingen"))
        settings_action = QAction(self.tr("Taal en voorkeuren..."), self)
        settings_action.triggered.connect(self.open_settings)
        menu_settings.addAction(settings_action)

    # -- pages -------------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return [s.key for s in self.specs]

    def page(self, key: str) -> QWidget | None:
        """The page widget for ``key`` (created on first use); None if not offered."""
        if key in self.pages:
            return self.pages[key]
        spec = next((s for s in self.specs if s.key == key), None)
        if spec is None:
            return None
        widget = spec.create(self.services, self.stack)
        widget.setObjectName(f"page_{key}")
        opener: Any = getattr(widget, "open_requested", None)
        if opener is not None and hasattr(opener, "connect"):
            opener.connect(self.open_record)
        self.stack.addWidget(widget)
        self.pages[key] = widget
        return widget

    def current_key(self) -> str | None:
        row = self.nav.currentRow()
        return self.specs[row].key if 0 <= row < len(self.specs) else None

    def current_page(self) -> QWidget | None:
        key = self.current_key()
        return self.pages.get(key) if key else None

    def show_page(self, key: str) -> QWidget | None:
        keys = self.page_keys()
        if key not in keys:
            return None
        self.nav.setCurrentRow(keys.index(key))
        return self.pages.get(key)

    @Slot(int)
    def _nav_changed(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        key = self.specs[row].key
        created = key not in self.pages
        widget = self.page(key)
        if widget is None:
            return
        self.stack.setCurrentWidget(widget)
        stale = self._stale.pop(key, None)
        if stale and not created:
            widget.refresh(frozenset(stale))  # type: ignore[attr-defined]

    def open_record(self, key: str, record_id: uuid.UUID) -> None:
        widget = self.show_page(key)
        opener = getattr(widget, "open_record", None)
        if callable(opener):
            opener(record_id)

    # -- shortcuts -----------------------------------------------------------------
    def new_contact(self) -> None:
        widget = self.show_page("contacts")
        start = getattr(widget, "start_new", None)
        if callable(start):
            start()

    def focus_search(self) -> None:
        focus = getattr(self.current_page(), "focus_search", None)
        if callable(focus):
            focus()

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog  # only when asked: start-up stays short

        SettingsDialog(self.services.db.data_dir, self).exec()

    # -- changes -------------------------------------------------------------------
    @Slot(object)
    def _on_relay(self, entities: frozenset[str]) -> None:
        self._pending_changes |= entities
        self._coalesce.start()

    @Slot()
    def _dispatch_changes(self) -> None:
        changed = frozenset(self._pending_changes)
        self._pending_changes.clear()
        if not changed:
            return
        self.data_changed.emit(changed)
        current = self.current_key()
        for key, widget in self.pages.items():
            if key == current:
                widget.refresh(changed)  # type: ignore[attr-defined]
            else:
                self._stale.setdefault(key, set()).update(changed)
        self.update_status()

    def update_status(self) -> None:
        w = self.worker
        if w is None:
            self.who_label.setText(self.tr("Niemand aangemeld"))
        else:
            role = label(Role(w.role)) if w.role in Role._value2member_map_ else w.role
            self.who_label.setText(self.tr("Medewerker: %1 (%2)").replace("%1", w.name)
                                   .replace("%2", role))
        self.pending_label.setText(pending_text(self.services))
        self.sync_label.setText(last_sync_text(self.services))

    # -- closing -------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        for widget in self.pages.values():
            shutdown = getattr(widget, "shutdown", None)
            if callable(shutdown):
                shutdown()
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.sync()
        self.detach()
        super().closeEvent(event)

    def detach(self) -> None:
        """Stop listening to the services (the window is going away)."""
        if self.relay is None:
            return
        self.relay.attached = False
        unsubscribe = getattr(self.services, "unsubscribe", None)
        if callable(unsubscribe):
            unsubscribe(self.relay)
            return
        listeners = getattr(self.services, "_listeners", None)
        if isinstance(listeners, list) and self.relay in listeners:
            listeners.remove(self.relay)
