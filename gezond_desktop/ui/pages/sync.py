"""Synchronisatie: the team's hub, "Nu synchroniseren", automatic sync, what has
not been shared yet, bundles that were held or set apart, open conflicts and
computers whose clock runs ahead.

Everything that touches the hub or the database runs off the UI thread: the
status (it checks whether the hub can be reached) is read in the background,
"Nu synchroniseren" goes through :func:`run_op` (progress and cancel), and the
automatic sync checks reachability and syncs in one quiet background operation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import GezondError
from ...models import MODEL_BY_ENTITY
from ...services import Services
from ...sync.engine import SyncReport
from ...sync.service import ConflictView, PeerView, ProblemView, SyncService, SyncStatus
from ...tasks import TaskState
from ..common import format_datetime, format_number, heading
from ..dialogs_sync import (
    ConflictDialog,
    CreateTeamDialog,
    JoinTeamDialog,
    conflict_title,
    record_text,
    side_value,
    utc_to_local,
)
from ..operations import Operation, run_op
from ..row_model import RowTableModel
from . import COORDINATORS

AUTO_SETTING = "sync.auto_minutes"
AUTO_DEFAULT = 5
QUIET_MS = 24 * 3600 * 1000  # background reads never show a progress dialog

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ConflictRow:
    """One open conflict with its texts made off the UI thread."""

    view: ConflictView
    title: str
    record: str  # which resident, activity...: what the user recognises
    winner: str
    loser: str
    detected: str


@dataclass(frozen=True)
class Snapshot:
    status: SyncStatus
    conflicts: tuple[ConflictRow, ...]


def one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ProblemsModel(RowTableModel[ProblemView]):
    """Held and quarantined bundles: what happened, which file, why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("Wat"), self.tr("Reden"), self.tr("Bestand"))

    def state_text(self, p: ProblemView) -> str:
        if p.state == "held":
            return self.tr("Wacht op een nieuwere app")
        return self.tr("Apart gezet")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        p = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (self.state_text(p), p.reason, p.source)[index.column()]
        return None


class ConflictsModel(RowTableModel[ConflictRow]):
    """Open conflicts: what, the value in use, the other value, when found."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("Wat"), self.tr("Over"), self.tr("Nu in gebruik"),
                        self.tr("Andere waarde"), self.tr("Gevonden op"))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        texts = (r.title, r.record, r.winner, r.loser, r.detected)
        if role == Qt.ItemDataRole.DisplayRole:
            text = texts[index.column()]
            return one_line(text) if index.column() in (2, 3) else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return r.view.id
        return None


def _if_alive(widget: QWidget, fn: Callable[..., None]) -> Callable[..., None]:
    """``fn`` unless the page was deleted while its background work ran (window closed)."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(widget):
            fn(*args)

    return call


def _table(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    rows = view.fontMetrics().height() * 6
    view.setMinimumHeight(rows)
    return view


class SyncPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.sync = SyncService(services)
        self.title = self.tr("Synchronisatie")
        self.snapshot: Snapshot | None = None
        self.dialog: Any = None  # the open dialog (tests reach it here)
        self.sync_op: Operation[Any] | None = None
        self._load_op: Operation[Any] | None = None
        self._reload_again = False
        self.last_report: SyncReport | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.addWidget(heading(self.title, body))
        intro = QLabel(self.tr(
            "Alles wat u vastlegt, wordt eerst op deze computer bewaard. Zo kunt u ook zonder "
            "internet werken. Bij synchroniseren deelt deze computer de wijzigingen met de "
            "andere computers van het team, via een gedeelde map (de hub)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        # -- team and hub --------------------------------------------------------------
        team = QGroupBox(self.tr("Team"), body)
        tl = QVBoxLayout(team)
        self.hub_label = QLabel(self.tr("Even geduld..."), team)
        self.hub_label.setObjectName("hubLabel")
        self.hub_label.setWordWrap(True)
        self.hub_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tl.addWidget(self.hub_label)
        self.reach_label = QLabel("", team)
        self.reach_label.setObjectName("reachLabel")
        self.reach_label.setWordWrap(True)
        tl.addWidget(self.reach_label)
        row = QHBoxLayout()
        self.join_button = QPushButton(self.tr("&Aansluiten bij een team..."), team)
        self.join_button.clicked.connect(self.open_join)
        self.create_button = QPushButton(self.tr("Nieuw &team maken..."), team)
        self.create_button.clicked.connect(self.open_create)
        self.create_button.setVisible(False)
        row.addWidget(self.join_button)
        row.addWidget(self.create_button)
        row.addStretch(1)
        tl.addLayout(row)
        layout.addWidget(team)

        # -- syncing ----------------------------------------------------------------------
        box = QGroupBox(self.tr("Synchroniseren"), body)
        grid = QGridLayout(box)
        self.sync_button = QPushButton(self.tr("&Nu synchroniseren"), box)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setEnabled(False)
        self.sync_button.clicked.connect(self.sync_now)
        grid.addWidget(self.sync_button, 0, 0)
        self.result_label = QLabel("", box)
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        grid.addWidget(self.result_label, 0, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Nog niet gedeeld:"), box), 1, 0)
        self.unsynced_label = QLabel("", box)
        self.unsynced_label.setObjectName("unsynced")
        grid.addWidget(self.unsynced_label, 1, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Laatst gesynchroniseerd:"), box), 2, 0)
        self.last_label = QLabel("", box)
        self.last_label.setObjectName("lastSync")
        grid.addWidget(self.last_label, 2, 1, 1, 2)
        auto_caption = QLabel(self.tr("Automatisch &elke:"), box)
        self.auto_minutes = QSpinBox(box)
        self.auto_minutes.setRange(0, 240)
        self.auto_minutes.setSpecialValueText(self.tr("uit"))
        self.auto_minutes.setSuffix(self.tr(" minuten"))
        self.auto_minutes.setValue(self._auto_setting())
        self.auto_minutes.setToolTip(self.tr(
            "Synchroniseer vanzelf zolang de gedeelde map bereikbaar is. 0 = uit."))
        auto_caption.setBuddy(self.auto_minutes)
        self.auto_minutes.valueChanged.connect(self._auto_changed)
        grid.addWidget(auto_caption, 3, 0)
        grid.addWidget(self.auto_minutes, 3, 1)
        grid.setColumnStretch(2, 1)
        layout.addWidget(box)

        self.clock_label = QLabel("", body)
        self.clock_label.setObjectName("clockWarnings")
        self.clock_label.setWordWrap(True)
        self.clock_label.setStyleSheet("color: #8a4b00;")
        self.clock_label.hide()
        layout.addWidget(self.clock_label)

        # -- conflicts -----------------------------------------------------------------------
        self.conflict_box = QGroupBox(self.tr("Conflicten"), body)
        cl = QVBoxLayout(self.conflict_box)
        self.conflict_info = QLabel("", self.conflict_box)
        self.conflict_info.setObjectName("conflictInfo")
        self.conflict_info.setWordWrap(True)
        cl.addWidget(self.conflict_info)
        self.conflicts_model = ConflictsModel(self)
        self.conflicts_view = _table(self.conflicts_model, self.conflict_box)
        self.conflicts_view.doubleClicked.connect(lambda _i: self.review_selected())
        self.conflicts_view.activated.connect(lambda _i: self.review_selected())
        cl.addWidget(self.conflicts_view)
        crow = QHBoxLayout()
        self.review_button = QPushButton(self.tr("&Bekijken..."), self.conflict_box)
        self.review_button.setObjectName("reviewConflict")
        self.review_button.clicked.connect(self.review_selected)
        crow.addWidget(self.review_button)
        crow.addStretch(1)
        cl.addLayout(crow)
        layout.addWidget(self.conflict_box)

        # -- held and set-apart bundles --------------------------------------------------------
        self.problem_box = QGroupBox(self.tr("Niet verwerkte bestanden"), body)
        pl = QVBoxLayout(self.problem_box)
        explain = QLabel(self.tr(
            "Deze bestanden uit de gedeelde map zijn niet verwerkt. Er is niets half "
            "overgenomen. Een bestand dat op een nieuwere app wacht, wordt vanzelf verwerkt "
            "als u de app bijwerkt. Een apart gezet bestand is beschadigd of niet te "
            "vertrouwen: vraag de computer die het maakte om opnieuw te synchroniseren, of "
            "meld het bij uw coördinator."), self.problem_box)
        explain.setWordWrap(True)
        pl.addWidget(explain)
        self.problems_model = ProblemsModel(self)
        self.problems_view = _table(self.problems_model, self.problem_box)
        self.problems_view.setWordWrap(True)
        pl.addWidget(self.problems_view)
        layout.addWidget(self.problem_box)
        layout.addStretch(1)

        self.setTabOrder(self.join_button, self.create_button)
        self.setTabOrder(self.create_button, self.sync_button)
        self.setTabOrder(self.sync_button, self.auto_minutes)
        self.setTabOrder(self.auto_minutes, self.conflicts_view)
        self.setTabOrder(self.conflicts_view, self.review_button)

        self.auto_timer = QTimer(self)
        self.auto_timer.setObjectName("autoSyncTimer")
        self.auto_timer.timeout.connect(self.auto_sync)
        self._apply_auto(self.auto_minutes.value())
        self._show_role()
        self.reload()

    # -- role and settings -----------------------------------------------------------------
    def _is_coordinator(self) -> bool:
        if self.services.worker_id is None:
            return True
        try:
            return self.services.workers.get(self.services.worker_id).role in COORDINATORS
        except GezondError:
            return False

    def _show_role(self) -> None:
        self.create_button.setVisible(self._is_coordinator())

    def _auto_setting(self) -> int:
        raw = self.services.db.setting(AUTO_SETTING)
        try:
            return max(0, int(raw)) if raw is not None else AUTO_DEFAULT
        except ValueError:
            return AUTO_DEFAULT

    def _auto_changed(self, minutes: int) -> None:
        self.services.db.set_setting(AUTO_SETTING, str(minutes))
        self._apply_auto(minutes)

    def _apply_auto(self, minutes: int) -> None:
        if minutes > 0:
            self.auto_timer.start(minutes * 60_000)
        else:
            self.auto_timer.stop()

    # -- reading the status (background) ------------------------------------------------------
    def idle(self) -> bool:
        """No status read and no sync running (tests wait for this)."""
        return self._load_op is None and self.sync_op is None and not self._reload_again

    def _snapshot(self, _state: TaskState) -> Snapshot:
        status = self.sync.status()
        rows = []
        for c in self.sync.conflicts():
            rows.append(ConflictRow(
                c, conflict_title(c), record_text(self.services, c),
                side_value(self.services, c, c.winner), side_value(self.services, c, c.loser),
                format_datetime(utc_to_local(c.detected_at))))
        return Snapshot(status, tuple(rows))

    def reload(self) -> None:
        """Read the status again, off the UI thread (hub reachability is a disk check)."""
        if self._load_op is not None:
            self._reload_again = True
            return
        self._reload_again = False
        self._load_op = self._quiet(self._snapshot, self._loaded, self.tr("Status lezen"),
                                    self._load_failed)

    def _quiet(self, fn: Callable[[TaskState], Any], done: Callable[[Any], None], title: str,
               failed: Callable[[GezondError], None]) -> Operation[Any]:
        op: Operation[Any] = Operation(self, fn, _if_alive(self, done), title=title,
                                       cancellable=False, on_error=_if_alive(self, failed),
                                       on_cancelled=None)
        op.start(show_after_ms=QUIET_MS)
        return op

    def _load_finished(self) -> None:
        self._load_op = None
        if self._reload_again:
            self.reload()

    def _loaded(self, snap: Snapshot) -> None:
        self.snapshot = snap
        self._show(snap)
        self._load_finished()

    def _load_failed(self, exc: GezondError) -> None:
        self.reach_label.setText(exc.message)
        self._load_finished()

    def _show(self, snap: Snapshot) -> None:
        st = snap.status
        if not st.configured:
            self.hub_label.setText(self.tr(
                "Deze computer is nog niet aangesloten bij een team. Sluit aan met het "
                "uitnodigingsbestand van uw coördinator."))
            self.reach_label.setText("")
        else:
            if st.hub_kind == "postgres":
                where = self.tr("PostgreSQL-server: %1").replace("%1", st.hub_location)
            else:
                where = self.tr("Gedeelde map: %1").replace("%1", st.hub_location)
            self.hub_label.setText(where)
            if st.reachable:
                self.reach_label.setText(self.tr("De hub is bereikbaar."))
                self.reach_label.setStyleSheet("color: #1b5e20;")
            else:
                self.reach_label.setText(self.tr(
                    "De hub is nu niet bereikbaar. Controleer de netwerkschijf, de cloudmap "
                    "of de USB-stick. U kunt gewoon doorwerken; er gaat niets verloren."))
                self.reach_label.setStyleSheet("color: #8a4b00;")
        self.join_button.setVisible(not st.configured)
        self.create_button.setVisible(not st.configured and self._is_coordinator())
        self.sync_button.setEnabled(st.configured and self.sync_op is None)

        if st.unsynced == 0:
            self.unsynced_label.setText(self.tr("Alles is gedeeld."))
        elif st.unsynced == 1:
            self.unsynced_label.setText(self.tr("1 wijziging"))
        else:
            self.unsynced_label.setText(self.tr("%1 wijzigingen").replace(
                "%1", format_number(st.unsynced)))
        self.last_label.setText(format_datetime(st.last_sync) if st.last_sync
                                else self.tr("nog nooit"))

        warnings = [self.clock_text(p) for p in st.flagged_devices]
        self.clock_label.setText("\n".join(warnings))
        self.clock_label.setVisible(bool(warnings))

        self.conflicts_model.set_rows(list(snap.conflicts))
        n = len(snap.conflicts)
        if n == 0:
            self.conflict_info.setText(self.tr("Er zijn geen conflicten."))
        else:
            self.conflict_info.setText(self.tr(
                "Soms veranderen twee computers hetzelfde tegelijk. De app kiest dan zelf en "
                "bewaart de andere waarde. Bekijk ze en kies wat blijft. Nog te bekijken: %1")
                .replace("%1", format_number(n)))
            if not self.conflicts_view.selectionModel().hasSelection():
                self.conflicts_view.selectRow(0)
        self.conflicts_view.setVisible(n > 0)
        self.review_button.setVisible(n > 0)

        problems = [*st.held, *st.quarantined]
        self.problems_model.set_rows(problems)
        self.problems_view.resizeRowsToContents()
        self.problem_box.setVisible(bool(problems))

    def clock_text(self, peer: PeerView) -> str:
        name = peer.name or self.tr("een andere computer")
        ahead = peer.clock_offset_ms >= 0
        minutes = round(abs(peer.clock_offset_ms) / 60_000)
        if minutes < 60:
            span = self.tr("1 minuut") if minutes == 1 else self.tr("%1 minuten").replace(
                "%1", str(minutes))
        elif minutes < 48 * 60:
            hours = round(minutes / 60)
            span = self.tr("1 uur") if hours == 1 else self.tr("%1 uur").replace(
                "%1", str(hours))
        else:
            span = self.tr("%1 dagen").replace("%1", str(round(minutes / 1440)))
        text = (self.tr("De klok van %1 loopt %2 voor.") if ahead
                else self.tr("De klok van %1 loopt %2 achter."))
        return text.replace("%1", name).replace("%2", span) + " " + self.tr(
            "Wijzigingen van die computer winnen daardoor niet vanzelf. Zet de klok goed.")

    # -- syncing ---------------------------------------------------------------------------
    def _work(self, state: TaskState) -> SyncReport:
        texts = {"send": self.tr("Wijzigingen versturen..."),
                 "receive": self.tr("Wijzigingen ontvangen...")}

        def progress(phase: str, done: int, total: int) -> None:
            state.report(done, total, texts.get(phase, self.tr("Synchroniseren...")))
            state.check()  # called between committed steps: stopping there is safe

        state.report(0, 0, self.tr("Verbinden met de hub..."))
        return self.sync.sync_now(progress)

    def sync_now(self) -> None:
        if self.sync_op is not None:
            return
        self.sync_button.setEnabled(False)
        self.result_label.setText(self.tr("Bezig met synchroniseren..."))
        self.sync_op = run_op(self, self._work, _if_alive(self, self._synced),
                              title=self.tr("Synchroniseren"),
                              on_error=_if_alive(self, self._sync_failed),
                              on_cancelled=_if_alive(self, self._sync_cancelled))

    def auto_sync(self) -> None:
        """The timer: sync quietly when the hub can be reached; skip otherwise."""
        if self.sync_op is not None or self.snapshot is None \
                or not self.snapshot.status.configured:
            return

        def work(state: TaskState) -> SyncReport | None:
            try:
                self.sync.hub().check()
            except GezondError:
                return None  # not reachable now: try again at the next tick
            return self._work(state)

        self.sync_op = self._quiet(work, self._auto_done, self.tr("Synchroniseren"),
                                   self._sync_failed)

    def _auto_done(self, report: SyncReport | None) -> None:
        if report is None:
            self.sync_op = None
            self.reload()
            return
        self._synced(report)

    def _synced(self, report: SyncReport) -> None:
        self.sync_op = None
        self.last_report = report
        parts = [self.tr("Klaar om %1.").replace("%1", dt.datetime.now().strftime("%H:%M")),
                 self.tr("Verstuurd: %1, ontvangen: %2.")
                 .replace("%1", format_number(report.sent))
                 .replace("%2", format_number(report.received))]
        if report.held or report.quarantined:
            parts.append(self.tr("Niet verwerkte bestanden: %1 (zie hieronder).")
                         .replace("%1", format_number(report.held + report.quarantined)))
        if report.new_conflicts:
            parts.append(self.tr("Nieuwe conflicten: %1.").replace(
                "%1", format_number(report.new_conflicts)))
        self.result_label.setText(" ".join(parts))
        self.services.notify(frozenset({"sync"}))  # status bar: last sync, unshared count
        self.reload()

    def _sync_failed(self, exc: GezondError) -> None:
        self.sync_op = None
        self.result_label.setText(self.tr("Synchroniseren lukte niet. %1").replace(
            "%1", exc.message))
        self.reload()

    def _sync_cancelled(self) -> None:
        self.sync_op = None
        self.result_label.setText(self.tr(
            "Gestopt. Wat al verstuurd of ontvangen was, is bewaard."))
        # Part of the changes may have arrived: every page checks what it shows.
        self.services.notify(frozenset(MODEL_BY_ENTITY) | {"sync", "sync_conflict"})
        self.reload()

    # -- conflicts ---------------------------------------------------------------------------
    def selected_conflict(self) -> ConflictRow | None:
        rows = self.conflicts_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.conflicts_model.rows[rows[0].row()]

    def review_selected(self) -> None:
        row = self.selected_conflict()
        if row is None:
            return
        self.review(row.view, row.record)

    def review(self, conflict: ConflictView, record: str = "") -> ConflictDialog:
        dialog = ConflictDialog(self.services, conflict, self, self.sync, record)
        dialog.finished.connect(lambda _r: self._review_closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _review_closed(self, dialog: ConflictDialog) -> None:
        if dialog.kept is not None:
            self.result_label.setText(self.tr(
                "Uw keuze is bewaard. Die gaat bij de volgende synchronisatie naar de andere "
                "computers."))
            self.reload()

    # -- joining ------------------------------------------------------------------------------
    def open_join(self) -> JoinTeamDialog:
        dialog = JoinTeamDialog(self.services, self, self.sync)
        dialog.finished.connect(lambda _r: self._joined(dialog.joined))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_create(self) -> CreateTeamDialog:
        dialog = CreateTeamDialog(self.services, self, self.sync)
        dialog.finished.connect(lambda _r: self._created(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _joined(self, joined: bool) -> None:
        if joined:
            self.result_label.setText(self.tr(
                "U bent aangesloten bij het team. Synchroniseer nu om de gegevens van het "
                "team op te halen."))
            self.services.notify(frozenset({"sync"}))
            self.reload()

    def _created(self, dialog: CreateTeamDialog) -> None:
        if dialog.invitation_path is not None:
            self.result_label.setText(self.tr(
                "Het team is gemaakt. De uitnodiging staat in %1. Geef dat bestand alleen "
                "aan collega's van het team, bijvoorbeeld op een USB-stick; niet via de "
                "gedeelde map of e-mail.").replace("%1", str(dialog.invitation_path)))
            self.services.notify(frozenset({"sync"}))
            self.reload()

    # -- page protocol ------------------------------------------------------------------------
    def refresh(self, changed: frozenset[str]) -> None:
        # Any save changes the number of unshared changes; a sync changes the rest.
        if changed:
            self.reload()

    def shutdown(self) -> None:
        self.auto_timer.stop()
        if self.sync_op is not None:
            self.sync_op.cancel()
