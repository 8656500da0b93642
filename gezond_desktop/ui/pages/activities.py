"""Activiteiten: activities with their schedule, their sessions by date, the roll
call (Presentielijst) of a session and importing a sign-in list."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import GezondError
from ...services import Services
from ...services.activities import ActivityView, SessionRow
from .. import errors as ui_errors
from ..common import heading
from ..dialogs_activity import (
    ActivityDialog,
    AttendanceImportDialog,
    RollCallDialog,
    SessionDialog,
    nl_date,
    retired_label,
    schedule_text,
)
from ..row_model import RowTableModel

ModelIndex = QModelIndex | QPersistentModelIndex

RELEVANT = frozenset({"activity", "session", "attendance", "neighbourhood", "organisation",
                      "venue", "programme_line", "track", "target_group"})
RETIRED_COLOR = "#8a8a8a"


class ActivityListModel(RowTableModel[ActivityView]):
    """Activities (a few hundred at most) with their schedule; retired ones greyed."""

    NAME, NEIGHBOURHOOD, SCHEDULE = range(3)
    numbered = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("Activiteit"), self.tr("Buurt"), self.tr("Wanneer")]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        a = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return retired_label(a.name, a.retired)
            if col == self.NEIGHBOURHOOD:
                return a.neighbourhood_name
            if col == self.SCHEDULE:
                return schedule_text(a)
        elif role == Qt.ItemDataRole.ForegroundRole and a.retired:
            return QBrush(QColor(RETIRED_COLOR))
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.NAME and a.description:
            return a.description
        return None


class SessionListModel(RowTableModel[SessionRow]):
    """The sessions of one activity, newest first, with their head counts."""

    COLUMNS = 5
    numbered = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("Datum"), self.tr("Deelnemers"), self.tr("Vrijwilligers"),
                        self.tr("Zonder naam"), self.tr("Totaal")]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return nl_date(r.held_on)
            return str((r.participants, r.volunteers, r.anonymous_guests, r.total)[col - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and r.notes:
            return r.notes
        return None


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setHighlightSections(False)
    return view


class ActivitiesPage(QWidget):
    """Activiteiten. Ctrl+N adds an activity; Ctrl+F goes to the search field."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialog: QDialog | None = None
        self.title = self.tr("Activiteiten")

        # -- left: the activities
        left = QWidget()
        llay = QVBoxLayout(left)
        llay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        search_label = QLabel(self.tr("&Zoek:"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("naam of buurt"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        self.show_retired = QCheckBox(self.tr("&Ook niet meer in gebruik"))
        top.addWidget(self.show_retired)
        llay.addLayout(top)
        self.activities = ActivityListModel(self)
        self.activity_view = _table(self.activities)
        header = self.activity_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        llay.addWidget(self.activity_view, 1)
        abuttons = QHBoxLayout()
        self.new_activity_button = QPushButton(self.tr("&Nieuwe activiteit"))
        self.edit_activity_button = QPushButton(self.tr("&Wijzigen"))
        self.retire_button = QPushButton(self.tr("Niet meer in gebr&uik"))
        for b in (self.new_activity_button, self.edit_activity_button, self.retire_button):
            abuttons.addWidget(b)
        abuttons.addStretch(1)
        llay.addLayout(abuttons)

        # -- right: the selected activity and its sessions
        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        rlay.addWidget(self.detail)
        sessions_label = QLabel(self.tr("Bijeen&komsten (nieuwste eerst)"))
        rlay.addWidget(sessions_label)
        self.sessions = SessionListModel(self)
        self.session_view = _table(self.sessions)
        sessions_label.setBuddy(self.session_view)
        sh = self.session_view.horizontalHeader()
        sh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, SessionListModel.COLUMNS):
            sh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        rlay.addWidget(self.session_view, 1)
        sbuttons = QHBoxLayout()
        self.new_session_button = QPushButton(self.tr("Nieuwe bij&eenkomst"))
        self.roll_call_button = QPushButton(self.tr("&Presentielijst"))
        self.import_button = QPushButton(self.tr("Lijst in&lezen..."))
        self.import_button.setToolTip(self.tr("Een presentielijst uit Excel of CSV inlezen"))
        for b in (self.new_session_button, self.roll_call_button, self.import_button):
            sbuttons.addWidget(b)
        sbuttons.addStretch(1)
        rlay.addLayout(sbuttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        rlay.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.title, self))
        lay.addWidget(splitter, 1)

        self.search.textChanged.connect(lambda _t: self.reload())
        self.show_retired.toggled.connect(lambda _on: self.reload())
        self.activity_view.selectionModel().currentRowChanged.connect(
            lambda _cur, _prev: self._activity_changed())
        self.activity_view.activated.connect(lambda _i: self.edit_activity())
        self.session_view.activated.connect(lambda _i: self.open_roll_call())
        self.new_activity_button.clicked.connect(self.start_new)
        self.edit_activity_button.clicked.connect(self.edit_activity)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.new_session_button.clicked.connect(self.new_session)
        self.roll_call_button.clicked.connect(self.open_roll_call)
        self.import_button.clicked.connect(lambda: self.import_sign_in_list())
        self._all: list[ActivityView] = []
        self.reload()

    # -- page protocol ------------------------------------------------------------------
    def refresh(self, changed: frozenset[str]) -> None:
        if changed & RELEVANT:
            self.reload()

    def start_new(self) -> None:
        dialog = ActivityDialog(self.services, None, self)
        dialog.accepted.connect(lambda: self._activity_saved(dialog))
        self._show(dialog)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- data ---------------------------------------------------------------------------
    def current_activity(self) -> ActivityView | None:
        idx = self.activity_view.currentIndex()
        if not idx.isValid() or idx.row() >= len(self.activities.rows):
            return None
        return self.activities.rows[idx.row()]

    def current_session(self) -> SessionRow | None:
        idx = self.session_view.currentIndex()
        if not idx.isValid() or idx.row() >= len(self.sessions.rows):
            return None
        return self.sessions.rows[idx.row()]

    def reload(self) -> None:
        keep = self.current_activity()
        self._all = self.services.activities.list(include_retired=self.show_retired.isChecked())
        needle = self.search.text().strip().lower()
        rows = [a for a in self._all
                if not needle or needle in a.name.lower() or needle in a.neighbourhood_name.lower()]
        self.activities.set_rows(rows)
        self.select_activity(keep.id if keep else None)

    def select_activity(self, activity_id: uuid.UUID | None) -> None:
        row = self.activities.row_of(activity_id)
        if row is None and self.activities.rows:
            row = 0
        if row is not None:
            self.activity_view.setCurrentIndex(self.activities.index(row, 0))
        self._activity_changed()

    def _activity_changed(self) -> None:
        a = self.current_activity()
        keep = self.current_session()
        for b in (self.edit_activity_button, self.retire_button, self.new_session_button,
                  self.import_button):
            b.setEnabled(a is not None)
        if a is None:
            self.detail.setText(self.tr("Kies links een activiteit."))
            self.sessions.set_rows([])
            self.roll_call_button.setEnabled(False)
            return
        self.retire_button.setText(self.tr("Weer in gebr&uik") if a.retired
                                   else self.tr("Niet meer in gebr&uik"))
        self.detail.setText(self._detail_html(a))
        try:
            rows = self.services.activities.sessions(a.id)
        except GezondError:
            rows = []
        self.sessions.set_rows(rows)
        row = self.sessions.row_of(keep.id if keep and keep.activity_id == a.id else None)
        if row is None and rows:
            row = 0
        if row is not None:
            self.session_view.setCurrentIndex(self.sessions.index(row, 0))
        self.roll_call_button.setEnabled(bool(rows))

    def _detail_html(self, a: ActivityView) -> str:
        def esc(t: str) -> str:
            return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

        lines = [f"<b>{esc(retired_label(a.name, a.retired))}</b>"]
        facts = [(self.tr("Wanneer"), schedule_text(a)),
                 (self.tr("Organisator"), a.organisation_name),
                 (self.tr("Buurt"), a.neighbourhood_name),
                 (self.tr("Vindplaats"), a.venue_name),
                 (self.tr("Doelgroepen"), ", ".join(a.target_group_names)),
                 (self.tr("Sporen"), ", ".join(a.track_names))]
        period = " – ".join(nl_date(d, with_day=False) for d in (a.starts_on, a.ends_on) if d)
        if period:
            facts.append((self.tr("Periode"), period))
        lines += [f"{esc(k)}: {esc(v)}" for k, v in facts if v]
        return "<br>".join(lines)

    # -- activities ---------------------------------------------------------------------
    def edit_activity(self) -> ActivityDialog | None:
        a = self.current_activity()
        if a is None:
            return None
        dialog = ActivityDialog(self.services, a, self)
        dialog.accepted.connect(lambda: self._activity_saved(dialog))
        self._show(dialog)
        return dialog

    def _activity_saved(self, dialog: ActivityDialog) -> None:
        self.reload()
        if dialog.saved is not None:
            self.select_activity(dialog.saved.id)
            self.status.setText(self.tr("%1 is opgeslagen.").replace("%1", dialog.saved.name))

    def toggle_retired(self) -> None:
        a = self.current_activity()
        if a is None:
            return
        try:
            saved = self.services.activities.retire(a.id, not a.retired)
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        if saved.retired:
            self.status.setText(self.tr(
                "%1 staat nu op 'niet meer in gebruik'. De bijeenkomsten en de aanwezigheid "
                "blijven bewaard. Terugzetten kan met 'Weer in gebruik' (zet eerst 'Ook niet "
                "meer in gebruik' aan).").replace("%1", saved.name))
        else:
            self.status.setText(self.tr("%1 is weer in gebruik.").replace("%1", saved.name))
        self.reload()

    # -- sessions -----------------------------------------------------------------------
    def new_session(self) -> SessionDialog | None:
        a = self.current_activity()
        if a is None:
            return None
        dialog = SessionDialog(self.services, a, self)
        dialog.accepted.connect(lambda: self._session_created(dialog))
        self._show(dialog)
        return dialog

    def _session_created(self, dialog: SessionDialog) -> None:
        self._activity_changed()
        if dialog.created is not None:
            row = self.sessions.row_of(dialog.created.id)
            if row is not None:
                self.session_view.setCurrentIndex(self.sessions.index(row, 0))
            self.open_roll_call()

    def open_roll_call(self) -> RollCallDialog | None:
        s = self.current_session()
        if s is None:
            return None
        dialog = RollCallDialog(self.services, s.id, self)
        dialog.accepted.connect(self._roll_call_saved)
        self._show(dialog)
        return dialog

    def _roll_call_saved(self) -> None:
        self._activity_changed()
        s = self.current_session()
        if s is not None:
            self.status.setText(self.tr("De presentielijst van %1 is opgeslagen: %2 mensen.")
                                .replace("%1", nl_date(s.held_on)).replace("%2", str(s.total)))

    def import_sign_in_list(self, path: Path | str | None = None
                            ) -> AttendanceImportDialog | None:
        """Open the import dialog; with ``path`` the file is read at once."""
        a = self.current_activity()
        if a is None:
            return None
        dialog = AttendanceImportDialog(self.services, a, self)
        dialog.imported.connect(lambda _report: self._activity_changed())
        self._show(dialog)
        if path is not None:
            dialog.load_file(path)
        else:
            dialog.choose_file()
        return dialog

    def _show(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
