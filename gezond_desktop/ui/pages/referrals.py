"""Verwijzingen: the welfare coach's caseload as a board with a column per status.

* Filters: coach, route (Welzijn op Recept, vindplaats), source, part of the alias,
  only overdue. Closed columns (Afgerond, Gestopt, Niet bereikt) show the most
  recently closed ones only, and can be hidden.
* An overdue follow-up stands out in three ways: bold dark red text, a warning
  icon and the words "te laat" (never colour alone).
* The detail panel shows the status timeline, buttons for the legal next statuses
  only (``ReferralView.next_statuses``), and Positive Health at intake and
  closing as a spider chart, drawn over each other.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...enums import CLOSED_STATUSES, Pathway, ReferralSource, ReferralStatus, Role
from ...errors import NotFoundError
from ...services.referrals import ReferralDetail, ReferralFilter, ReferralRow
from .. import errors as ui_errors
from ..common import format_date, heading
from ..dialogs import index_of_data
from ..dialogs.referral_dialogs import NewReferralDialog, ScoresDialog, StepDialog, status_text
from ..labels import label
from ..widgets.spider import SpiderChart

if TYPE_CHECKING:
    from ...services import Services

Index = QModelIndex | QPersistentModelIndex
CLOSED_LIMIT = 25  # closed columns show the most recently closed ones
SEARCH_DELAY_MS = 250
WATCHED = frozenset({"referral", "referral_event", "positive_health_score", "resident",
                     "worker"})
OVERDUE_COLOR = QColor("#b00020")


def closed_on(row: ReferralRow) -> dt.date:
    """When a closed referral was closed (the service counts days_open up to then)."""
    return row.registered_on + dt.timedelta(days=row.days_open)


class ReferralColumnModel(QAbstractListModel):
    """The referrals of one board column. Overdue rows: bold, red, icon and 'te laat'."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    OverdueRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReferralRow] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._icon: Any = None

    def set_rows(self, rows: list[ReferralRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def referral(self, row: int) -> ReferralRow:
        return self._rows[row]

    def row_of(self, referral_id: uuid.UUID) -> int:
        for i, r in enumerate(self._rows):
            if r.id == referral_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def text(self, r: ReferralRow) -> str:
        lines = [r.resident_alias]
        second = [r.pathway_label]
        if r.coach_name:
            second.append(r.coach_name)
        lines.append(" · ".join(second))
        if r.status in {s.value for s in CLOSED_STATUSES}:
            lines.append(self.tr("Afgesloten %1").replace("%1", format_date(closed_on(r))))
        elif r.overdue and r.follow_up_on is not None:
            lines.append(self.tr("⚠ te laat: opvolgen %1").replace(
                "%1", format_date(r.follow_up_on)))
        elif r.follow_up_on is not None:
            lines.append(self.tr("Opvolgen %1").replace("%1", format_date(r.follow_up_on)))
        else:
            lines.append(self.tr("Aangemeld %1").replace("%1", format_date(r.registered_on)))
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.text(r)
            return tip + ("\n" + self.tr("Deze verwijzing had al opgevolgd moeten worden.")
                          if r.overdue else "")
        if role == self.IdRole:
            return r.id
        if role == self.OverdueRole:
            return r.overdue
        if r.overdue:
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_COLOR)
            if role == Qt.ItemDataRole.DecorationRole:
                if self._icon is None:
                    from PySide6.QtWidgets import QApplication

                    self._icon = QApplication.style().standardIcon(
                        QStyle.StandardPixmap.SP_MessageBoxWarning)
                return self._icon
        return None


class BoardColumn(QFrame):
    """A header ("Loopt (12)") and the list of one status."""

    def __init__(self, status: ReferralStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.header = QLabel(self)
        self.header.setObjectName(f"header_{status.value}")
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.model = ReferralColumnModel(self)
        self.view = QListView(self)
        self.view.setObjectName(f"column_{status.value}")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.view, 1)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.total = 0

    def set_rows(self, rows: list[ReferralRow]) -> None:
        name = status_text(self.status.value)
        self.total = len(rows)
        shown = rows
        overdue = sum(1 for r in rows if r.overdue)
        if self.status in CLOSED_STATUSES:
            shown = sorted(rows, key=lambda r: (closed_on(r), r.registered_on),
                           reverse=True)[:CLOSED_LIMIT]
        text = f"{name} ({len(rows)})"
        if len(shown) < len(rows):
            text += "\n" + self.tr("de %1 laatste").replace("%1", str(len(shown)))
        if overdue:
            text += "\n" + self.tr("%n te laat", "", overdue)
        self.header.setText(text)
        self.model.set_rows(shown)


class ReferralDetailPanel(QWidget):
    """One referral: facts, status timeline, next-step buttons and the spider chart."""

    def __init__(self, page: ReferralsPage) -> None:
        super().__init__(page)
        self.page = page
        self.detail: ReferralDetail | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        left = QVBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("referralTitle")
        font = QFont(self.title_label.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        left.addWidget(self.title_label)
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for key, text in (("status", self.tr("Status:")), ("source", self.tr("Verwezen door:")),
                          ("organisation", self.tr("Verwijzende organisatie:")),
                          ("coach", self.tr("Coach:")), ("registered", self.tr("Aangemeld op:")),
                          ("follow_up", self.tr("Opvolgen op:")), ("reason", self.tr("Reden:")),
                          ("destinations", self.tr("Bestemmingen:")),
                          ("outcome", self.tr("Resultaat:"))):
            value = QLabel(self)
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(text, value)
            self.fact_labels[key] = value
        left.addLayout(self.facts)

        self.steps_label = QLabel(self.tr("Volgende stap:"), self)
        self.steps_row = QHBoxLayout()
        self.steps_row.addWidget(self.steps_label)
        self.step_buttons: dict[str, QPushButton] = {}
        self.steps_row.addStretch(1)
        left.addLayout(self.steps_row)
        scores_row = QHBoxLayout()
        self.intake_button = QPushButton(self.tr("Scores bij &intake..."), self)
        self.intake_button.setObjectName("intakeScores")
        self.intake_button.clicked.connect(lambda: self._scores("intake"))
        self.closing_button = QPushButton(self.tr("Scores bij &afsluiten..."), self)
        self.closing_button.setObjectName("closingScores")
        self.closing_button.clicked.connect(lambda: self._scores("closing"))
        scores_row.addWidget(self.intake_button)
        scores_row.addWidget(self.closing_button)
        scores_row.addStretch(1)
        left.addLayout(scores_row)

        history_label = QLabel(self.tr("Verloop"), self)
        hfont = QFont(history_label.font())
        hfont.setBold(True)
        history_label.setFont(hfont)
        left.addWidget(history_label)
        self.history = QListWidget(self)
        self.history.setObjectName("statusTimeline")
        self.history.setWordWrap(True)
        left.addWidget(self.history, 1)
        layout.addLayout(left, 3)

        self.spider = SpiderChart(self)
        self.spider.setObjectName("spider")
        layout.addWidget(self.spider, 2)
        self.show_detail(None)

    def show_detail(self, detail: ReferralDetail | None) -> None:
        self.detail = detail
        for b in self.step_buttons.values():
            self.steps_row.removeWidget(b)
            b.hide()  # deleteLater waits for the event loop; never show a stale step
            b.deleteLater()
        self.step_buttons.clear()
        if detail is None:
            self.title_label.setText(self.tr("Kies een verwijzing op het bord."))
            for lab in self.fact_labels.values():
                lab.setText("")
            self.history.clear()
            self.spider.set_scores(None, None)
            self.steps_label.setText("")
            self.intake_button.setEnabled(False)
            self.closing_button.setEnabled(False)
            return
        ref = detail.referral
        self.title_label.setText(f"{ref.resident_alias}: {label(Pathway(ref.pathway))}")
        f = self.fact_labels
        f["status"].setText(status_text(ref.status))
        src = label(ReferralSource(ref.source))
        f["source"].setText(f"{src}: {ref.source_venue_name}" if ref.source_venue_name else src)
        f["organisation"].setText(ref.referring_organisation_name or "-")
        f["coach"].setText(ref.coach_name or self.tr("nog niemand"))
        f["registered"].setText(format_date(ref.registered_on))
        overdue = (ref.follow_up_on is not None and not ref.is_closed
                   and ref.follow_up_on < dt.date.today())
        if ref.follow_up_on is None:
            f["follow_up"].setText("-")
            f["follow_up"].setStyleSheet("")
        elif overdue:
            f["follow_up"].setText(self.tr("⚠ %1 (te laat)").replace(
                "%1", format_date(ref.follow_up_on)))
            f["follow_up"].setStyleSheet(f"color: {OVERDUE_COLOR.name()}; font-weight: bold;")
        else:
            f["follow_up"].setText(format_date(ref.follow_up_on))
            f["follow_up"].setStyleSheet("")
        f["reason"].setText(ref.reason or "-")
        dest = list(ref.destination_organisation_names) + list(ref.destination_activity_names)
        f["destinations"].setText(", ".join(dest) or "-")
        outcome = ref.outcome_label + (f" ({ref.outcome_note})" if ref.outcome_note else "")
        f["outcome"].setText(outcome or "-")

        if ref.next_statuses:
            self.steps_label.setText(self.tr("Volgende stap:"))
            for i, st in enumerate(ref.next_statuses):
                button = QPushButton(status_text(st), self)
                button.setObjectName(f"step_{st}")
                button.setToolTip(self.tr("Zet de status op '%1'").replace(
                    "%1", status_text(st)))
                button.clicked.connect(lambda _c=False, s=st: self.page.take_step(s))
                self.steps_row.insertWidget(1 + i, button)
                button.show()  # at once, not when the event loop gets to it
                self.step_buttons[st] = button
        else:
            self.steps_label.setText(self.tr("Deze verwijzing is afgesloten."))

        self.history.clear()
        for e in detail.events:
            parts = [format_date(e.occurred_on), status_text(e.status)]
            if e.worker_name:
                parts.append(self.tr("door %1").replace("%1", e.worker_name))
            text = " · ".join(parts)
            if e.note:
                text += "\n" + e.note
            self.history.addItem(text)

        self.intake_button.setEnabled(True)
        self.intake_button.setText(self.tr("Scores bij &intake wijzigen...")
                                   if detail.intake_scores else
                                   self.tr("Scores bij &intake..."))
        self.closing_button.setEnabled(ref.status == ReferralStatus.COMPLETED.value)
        self.closing_button.setText(self.tr("Scores bij &afsluiten wijzigen...")
                                    if detail.closing_scores else
                                    self.tr("Scores bij &afsluiten..."))
        self.spider.set_scores(
            detail.intake_scores.as_dict() if detail.intake_scores else None,
            detail.closing_scores.as_dict() if detail.closing_scores else None)

    def timeline_texts(self) -> list[str]:
        return [self.history.item(i).text() for i in range(self.history.count())]

    def _scores(self, moment: str) -> None:
        if self.detail is None:
            return
        dialog = ScoresDialog(self.page.services, self.detail, moment, self.page)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.page.open_record(self.detail.referral.id)


class ReferralsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.title = self.tr("Verwijzingen")
        self.current_id: uuid.UUID | None = None

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.title, self))
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("&Nieuwe verwijzing..."), self)
        self.new_button.setObjectName("newReferral")
        self.new_button.clicked.connect(self.start_new)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        # Filters.
        filters = QHBoxLayout()
        search_label = QLabel(self.tr("&Zoek"), self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("referralSearch")
        self.search_edit.setPlaceholderText(self.tr("Deel van de schuilnaam"))
        self.search_edit.setClearButtonEnabled(True)
        search_label.setBuddy(self.search_edit)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 1)
        self.coach_combo = self._filter_combo(filters, self.tr("&Coach"), "coachFilter")
        self.coach_combo.addItem(self.tr("Alle coaches"), None)
        self.pathway_combo = self._filter_combo(filters, self.tr("&Route"), "pathwayFilter")
        self.pathway_combo.addItem(self.tr("Alle routes"), None)
        for p in Pathway:
            self.pathway_combo.addItem(label(p), p.value)
        self.source_combo = self._filter_combo(filters, self.tr("&Bron"), "sourceFilter")
        self.source_combo.addItem(self.tr("Alle bronnen"), None)
        for src in ReferralSource:
            self.source_combo.addItem(label(src), src.value)
        self.overdue_check = QCheckBox(self.tr("Alleen &te laat"), self)
        self.overdue_check.setObjectName("overdueOnly")
        filters.addWidget(self.overdue_check)
        self.closed_check = QCheckBox(self.tr("&Afgesloten tonen"), self)
        self.closed_check.setObjectName("showClosed")
        self.closed_check.setChecked(True)
        filters.addWidget(self.closed_check)
        layout.addLayout(filters)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary")
        layout.addWidget(self.summary_label)

        # Board (top) and detail (bottom).
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter, 1)
        board_area = QScrollArea(splitter)
        board_area.setWidgetResizable(True)
        board_area.setFrameShape(QFrame.Shape.NoFrame)
        board = QWidget(board_area)
        board_layout = QHBoxLayout(board)
        board_layout.setContentsMargins(0, 0, 0, 0)
        self.columns: dict[str, BoardColumn] = {}
        for st in ReferralStatus:
            col = BoardColumn(st, board)
            col.view.selectionModel().currentChanged.connect(
                lambda cur, _prev, c=col: self._picked(c, cur))
            board_layout.addWidget(col, 1)
            self.columns[st.value] = col
        board_area.setWidget(board)
        self.detail_panel = ReferralDetailPanel(self)
        splitter.addWidget(board_area)
        splitter.addWidget(self.detail_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self._fill_coaches()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self.reload)
        for combo in (self.coach_combo, self.pathway_combo, self.source_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue_check.toggled.connect(lambda _on: self.reload())
        self.closed_check.toggled.connect(self._show_closed)
        self.reload()

    def _filter_combo(self, row: QHBoxLayout, text: str, name: str) -> QComboBox:
        lab = QLabel(text, self)
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        lab.setBuddy(combo)
        row.addWidget(lab)
        row.addWidget(combo)
        return combo

    def _fill_coaches(self) -> None:
        keep = self.coach_combo.currentData()
        self.coach_combo.blockSignals(True)
        try:
            while self.coach_combo.count() > 1:
                self.coach_combo.removeItem(1)
            workers = self.services.workers.list()
            coaches = [w for w in workers if w.role == Role.WELFARE_COACH.value]
            for w in coaches or workers:
                self.coach_combo.addItem(w.name, w.id)
            self.coach_combo.setCurrentIndex(max(0, index_of_data(self.coach_combo, keep)))
        finally:
            self.coach_combo.blockSignals(False)

    # -- page protocol ---------------------------------------------------------------------
    def refresh(self, changed: frozenset[str]) -> None:
        if "worker" in changed:
            self._fill_coaches()
        if changed & WATCHED:
            self.reload()

    def start_new(self) -> None:
        dialog = NewReferralDialog(self.services, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.reload()
            self.open_record(dialog.saved.id)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def open_record(self, record_id: uuid.UUID) -> None:
        """Show one referral in the detail panel (and select it on the board)."""
        try:
            detail = self.services.referrals.get(record_id)
        except NotFoundError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        self.current_id = record_id
        self._select_on_board(record_id)
        self.detail_panel.show_detail(detail)

    # -- board ------------------------------------------------------------------------------
    def current_filter(self) -> ReferralFilter:
        return ReferralFilter(
            coach_id=self.coach_combo.currentData(),
            pathway=self.pathway_combo.currentData(),
            source=self.source_combo.currentData(),
            overdue_only=self.overdue_check.isChecked(),
            text=self.search_edit.text(),
        )

    def reload(self) -> None:
        self._timer.stop()
        board = self.services.referrals.board(self.current_filter())
        open_count = 0
        overdue = 0
        for st, col in self.columns.items():
            rows = board.get(st, [])
            col.set_rows(rows)
            if ReferralStatus(st) not in CLOSED_STATUSES:
                open_count += len(rows)
                overdue += sum(1 for r in rows if r.overdue)
        text = self.tr("%n open verwijzing(en)", "", open_count)
        if overdue:
            text += " · " + self.tr("%n te laat", "", overdue)
        self.summary_label.setText(text)
        self._show_closed(self.closed_check.isChecked())
        if self.current_id is not None:
            try:
                detail = self.services.referrals.get(self.current_id)
            except NotFoundError:
                self.current_id = None
                self.detail_panel.show_detail(None)
            else:
                self._select_on_board(self.current_id)
                self.detail_panel.show_detail(detail)

    def _show_closed(self, on: bool) -> None:
        for st in CLOSED_STATUSES:
            self.columns[st.value].setVisible(on)

    def _select_on_board(self, referral_id: uuid.UUID) -> None:
        for col in self.columns.values():
            row = col.model.row_of(referral_id)
            col.view.blockSignals(True)
            col.view.selectionModel().blockSignals(True)
            if row >= 0:
                col.view.setCurrentIndex(col.model.index(row, 0))
            else:
                col.view.clearSelection()
                col.view.setCurrentIndex(QModelIndex())
            col.view.selectionModel().blockSignals(False)
            col.view.blockSignals(False)

    def _picked(self, column: BoardColumn, current: QModelIndex) -> None:
        if not current.isValid():
            return
        self.open_record(column.model.referral(current.row()).id)

    # -- actions ----------------------------------------------------------------------------
    def take_step(self, new_status: str) -> None:
        detail = self.detail_panel.detail
        if detail is None:
            return
        if new_status not in detail.referral.next_statuses:  # never offered; never taken
            return
        dialog = StepDialog(self.services, detail, new_status, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def board_rows(self, status: str) -> list[ReferralRow]:
        model = self.columns[status].model
        return [model.referral(i) for i in range(model.rowCount())]


__all__ = ["ReferralColumnModel", "ReferralDetailPanel", "ReferralsPage"]
