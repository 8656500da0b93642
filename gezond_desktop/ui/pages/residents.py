"""Inwoners: find a resident by part of the alias, add one, see their timeline.

The list shows at most :data:`SEARCH_LIMIT` residents (``services.residents.search``
is limited, so a small in-memory model is enough); the detail panel shows the
resident's facts, consents and timeline: contacts, referrals and their steps,
attendances, and the step from participant to volunteer.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...enums import ConsentPurpose
from ...errors import GezondError, NotFoundError
from ...services.residents import ConsentView, ResidentView, TimelineItem
from .. import errors as ui_errors
from ..common import format_date, heading
from ..dialogs.resident_dialog import ResidentDialog, resident_summary
from ..labels import tr_label

if TYPE_CHECKING:
    from ...services import Services

SEARCH_LIMIT = 200
SEARCH_DELAY_MS = 200
WATCHED = frozenset({"resident", "resident_consent", "encounter", "referral",
                     "referral_event", "attendance", "session", "activity", "neighbourhood",
                     "target_group"})

Index = QModelIndex | QPersistentModelIndex
VOLUNTEER_STEP = "became_volunteer"


def ask(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question, "Nee" the default (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    for button, word in (
            (QMessageBox.StandardButton.Yes, QCoreApplication.translate("ResidentsPage", "Ja")),
            (QMessageBox.StandardButton.No, QCoreApplication.translate("ResidentsPage", "Nee"))):
        widget = box.button(button)
        if widget is not None:
            widget.setText(word)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def choose_folder(parent: QWidget, title: str) -> str:
    """Ask for a folder; "" when cancelled (tests replace this function)."""
    return QFileDialog.getExistingDirectory(parent, title)


class ConsentDialog(QDialog):
    """Record a consent: for which purpose (those not active yet) and since when."""

    def __init__(self, purposes: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.setWindowTitle(self.tr("Toestemming vastleggen"))
        form = QFormLayout(self)
        self.purpose_combo = QComboBox(self)
        self.purpose_combo.setObjectName("consentPurpose")
        for code in purposes:
            self.purpose_combo.addItem(tr_label(ConsentPurpose(code).label), code)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("consentGivenOn")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        today = dt.date.today()
        qtoday = QDate(today.year, today.month, today.day)
        self.date_edit.setDate(qtoday)
        self.date_edit.setMaximumDate(qtoday)
        form.addRow(self.tr("&Waarvoor:"), self.purpose_combo)
        form.addRow(self.tr("&Gegeven op:"), self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Vastleggen"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def purpose(self) -> str:
        return str(self.purpose_combo.currentData())

    def given_on(self) -> dt.date:
        d = self.date_edit.date()
        return dt.date(d.year(), d.month(), d.day())



class ResidentListModel(QAbstractListModel):
    """The residents found by a search (a short list)."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResidentView] = []

    def set_rows(self, rows: list[ResidentView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def resident(self, row: int) -> ResidentView:
        return self._rows[row]

    def row_of(self, resident_id: uuid.UUID) -> int:
        for i, r in enumerate(self._rows):
            if r.id == resident_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return resident_summary(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            return resident_summary(r)
        if role == self.IdRole:
            return r.id
        return None


class TimelineModel(QAbstractTableModel):
    """A resident's timeline: date, what, details. The step to volunteer stands out
    (bold, a star and its own text), not by colour alone."""

    HEADERS = (
        str(QT_TRANSLATE_NOOP("TimelineModel", "Datum")),
        str(QT_TRANSLATE_NOOP("TimelineModel", "Wat")),
        str(QT_TRANSLATE_NOOP("TimelineModel", "Details")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[TimelineItem] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_items(self, items: list[TimelineItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> TimelineItem:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("TimelineModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        it = self._items[index.row()]
        col = index.column()
        step = it.kind == VOLUNTEER_STEP
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return format_date(it.date)
            if col == 1:
                return ("★ " + it.title) if step else it.title
            if col == 2:
                return it.detail
            return None
        if role == Qt.ItemDataRole.FontRole and step:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and step:
            return QBrush(QColor("#e6f4ea"))
        if role == Qt.ItemDataRole.ForegroundRole and step:
            return QBrush(QColor("#0b5b2a"))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{format_date(it.date)}: {it.title}. {it.detail}"
        return None


class ResidentsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.title = self.tr("Inwoners")
        self.current: ResidentView | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title, self))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter, 1)

        # Left: search and list.
        left = QWidget(splitter)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_label = QLabel(self.tr("&Zoek"), left)
        self.search_edit = QLineEdit(left)
        self.search_edit.setObjectName("residentSearch")
        self.search_edit.setPlaceholderText(self.tr("Deel van de schuilnaam"))
        self.search_edit.setClearButtonEnabled(True)
        search_label.setBuddy(self.search_edit)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_edit, 1)
        ll.addLayout(search_row)
        self.new_button = QPushButton(self.tr("&Nieuwe inwoner..."), left)
        self.new_button.setObjectName("newResident")
        self.new_button.clicked.connect(self.start_new)
        ll.addWidget(self.new_button)
        self.model = ResidentListModel(self)
        self.list_view = QListView(left)
        self.list_view.setObjectName("residentList")
        self.list_view.setModel(self.model)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        ll.addWidget(self.list_view, 1)
        self.count_label = QLabel(left)
        self.count_label.setWordWrap(True)
        ll.addWidget(self.count_label)

        # Right: the resident's page.
        right = QWidget(splitter)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.name_label = QLabel(right)
        self.name_label.setObjectName("residentName")
        font = QFont(self.name_label.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.name_label.setFont(font)
        rl.addWidget(self.name_label)
        facts = QFormLayout()
        self.birth_label = QLabel(right)
        self.neighbourhood_label = QLabel(right)
        self.groups_label = QLabel(right)
        self.groups_label.setWordWrap(True)
        self.gender_label = QLabel(right)
        facts.addRow(self.tr("Geboortejaar:"), self.birth_label)
        facts.addRow(self.tr("Buurt:"), self.neighbourhood_label)
        facts.addRow(self.tr("Doelgroepen:"), self.groups_label)
        facts.addRow(self.tr("Geslacht:"), self.gender_label)
        rl.addLayout(facts)
        self._build_consents(right, rl)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Wijzigen..."), right)
        self.edit_button.setObjectName("editResident")
        self.edit_button.clicked.connect(self.edit_current)
        self.referral_button = QPushButton(self.tr("Nieuwe &verwijzing..."), right)
        self.referral_button.setObjectName("newReferral")
        self.referral_button.clicked.connect(self.new_referral)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.referral_button)
        # Right of access: everything held about the resident, as PDF and JSON.
        self.access_button = QPushButton(self.tr("Inzageve&rzoek..."), right)
        self.access_button.setObjectName("accessRequest")
        self.access_button.setToolTip(self.tr(
            "Alle gegevens van deze inwoner opslaan als PDF en JSON."))
        self.access_button.clicked.connect(self.access_request)
        buttons.addWidget(self.access_button)
        buttons.addStretch(1)
        # Right to erasure (coordinators only; docs/erasure.md).
        self.erase_button = QPushButton(self.tr("Gegevens w&issen..."), right)
        self.erase_button.setObjectName("eraseResident")
        self.erase_button.clicked.connect(self.erase_current)
        self.erase_button.setVisible(services.actor().coordinates)
        buttons.addWidget(self.erase_button)
        rl.addLayout(buttons)
        timeline_label = QLabel(self.tr("&Tijdlijn"), right)
        tfont = QFont(timeline_label.font())
        tfont.setBold(True)
        timeline_label.setFont(tfont)
        rl.addWidget(timeline_label)
        self.timeline_model = TimelineModel(self)
        self.timeline_view = QTableView(right)
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.verticalHeader().hide()
        self.timeline_view.setWordWrap(False)
        header = self.timeline_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        timeline_label.setBuddy(self.timeline_view)
        rl.addWidget(self.timeline_view, 1)
        self.empty_label = QLabel(self.tr("Kies links een inwoner, of maak een nieuwe."), right)
        self.empty_label.setWordWrap(True)
        rl.addWidget(self.empty_label)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self._search_and_focus_list)
        self.list_view.activated.connect(lambda _i: self.timeline_view.setFocus())
        self.search_now()
        self._show(None)

    # -- page protocol -----------------------------------------------------------------
    def refresh(self, changed: frozenset[str]) -> None:
        if not (changed & WATCHED):
            return
        self.search_now(keep=self.current.id if self.current else None)

    def start_new(self) -> None:
        dialog = ResidentDialog(self.services, self, alias=self.search_edit.text().strip())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_resident is not None:
            self.open_record(dialog.result_resident.id)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def open_record(self, record_id: uuid.UUID) -> None:
        """Show one resident (selects it in the list, searching for it if needed)."""
        try:
            r = self.services.residents.get(record_id)
        except NotFoundError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        if self.model.row_of(r.id) < 0:
            self.search_edit.blockSignals(True)
            self.search_edit.setText(r.alias)
            self.search_edit.blockSignals(False)
        self.search_now(keep=r.id)

    # -- search --------------------------------------------------------------------------
    def search_now(self, keep: uuid.UUID | None = None) -> None:
        self._timer.stop()
        rows = self.services.residents.search(self.search_edit.text(), limit=SEARCH_LIMIT)
        if keep is None and self.current is not None:
            keep = self.current.id
        self.model.set_rows(rows)
        n = len(rows)
        if n >= SEARCH_LIMIT:
            self.count_label.setText(self.tr(
                "Meer dan %1 gevonden. Typ meer letters om te zoeken.")
                .replace("%1", str(SEARCH_LIMIT)))
        elif n == 0:
            self.count_label.setText(self.tr("Niemand gevonden. Maak een nieuwe inwoner met "
                                             "'Nieuwe inwoner'."))
        else:
            self.count_label.setText(self.tr("%n gevonden", "", n))
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.list_view.setCurrentIndex(self.model.index(row, 0))
            self._show_id(keep)
        else:
            self._show(None)

    def _search_and_focus_list(self) -> None:
        self.search_now()
        if self.model.rowCount() > 0:
            self.list_view.setFocus()
            if not self.list_view.currentIndex().isValid():
                self.list_view.setCurrentIndex(self.model.index(0, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_id(self.model.resident(current.row()).id)

    # -- detail ----------------------------------------------------------------------------
    def _show_id(self, resident_id: uuid.UUID | None) -> None:
        if resident_id is None:
            self._show(None)
            return
        try:
            r = self.services.residents.get(resident_id)
            items = self.services.residents.timeline(resident_id)
        except NotFoundError:
            self._show(None)
            return
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        self._show(r, items)

    def _show(self, r: ResidentView | None, items: list[TimelineItem] | None = None) -> None:
        self.current = r
        has = r is not None
        for w in (self.edit_button, self.referral_button, self.timeline_view,
                  self.access_button, self.consent_table):
            w.setEnabled(has)
        self._show_consents(r)
        self.empty_label.setVisible(not has)
        if r is None:
            self.name_label.setText(self.tr("Geen inwoner gekozen"))
            for lab in (self.birth_label, self.neighbourhood_label, self.groups_label,
                        self.gender_label):
                lab.setText("")
            self.timeline_model.set_items([])
            return
        unknown = self.tr("onbekend")
        self.name_label.setText(r.alias)
        self.birth_label.setText(str(r.birth_year) if r.birth_year else unknown)
        self.neighbourhood_label.setText(r.neighbourhood_name or unknown)
        self.groups_label.setText(", ".join(r.target_group_names) or self.tr("geen"))
        self.gender_label.setText(tr_label(r.gender_label))
        self.timeline_model.set_items(items or [])
        if not items:
            self.empty_label.setText(self.tr("Nog niets op de tijdlijn."))
            self.empty_label.show()
        else:
            self.empty_label.setText(self.tr("Kies links een inwoner, of maak een nieuwe."))
        self.timeline_view.resizeRowsToContents()

    # -- consent -----------------------------------------------------------------------
    def _build_consents(self, parent: QWidget, layout: QVBoxLayout) -> None:
        title = QLabel(self.tr("Toe&stemming"), parent)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        layout.addWidget(title)
        self.consent_table = QTableWidget(0, 4, parent)
        self.consent_table.setObjectName("consentTable")
        self.consent_table.setHorizontalHeaderLabels([
            self.tr("Waarvoor"), self.tr("Gegeven op"), self.tr("Vastgelegd door"),
            self.tr("Ingetrokken")])
        self.consent_table.verticalHeader().hide()
        self.consent_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.consent_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.consent_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.consent_table.horizontalHeader().setStretchLastSection(True)
        self.consent_table.setMaximumHeight(self.fontMetrics().height() * 8)
        self.consent_table.itemSelectionChanged.connect(self._consent_selection)
        title.setBuddy(self.consent_table)
        layout.addWidget(self.consent_table)
        self.consent_label = QLabel(parent)
        self.consent_label.setObjectName("consents")
        self.consent_label.setWordWrap(True)
        layout.addWidget(self.consent_label)
        row = QHBoxLayout()
        self.add_consent_button = QPushButton(self.tr("Toestemming vastle&ggen..."), parent)
        self.add_consent_button.setObjectName("addConsent")
        self.add_consent_button.clicked.connect(self.add_consent)
        self.withdraw_button = QPushButton(self.tr("Toestemming intre&kken..."), parent)
        self.withdraw_button.setObjectName("withdrawConsent")
        self.withdraw_button.clicked.connect(self.withdraw_consent)
        row.addWidget(self.add_consent_button)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.access_label = QLabel(parent)
        self.access_label.setObjectName("accessResult")
        self.access_label.setWordWrap(True)
        self.access_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.access_label)

    def _show_consents(self, r: ResidentView | None) -> None:
        consents: list[ConsentView] = sorted(
            r.consents if r else [], key=lambda c: (not c.active, c.given_on))
        self.consent_table.setRowCount(len(consents))
        for i, c in enumerate(consents):
            if c.withdrawn_on is None:
                withdrawn = self.tr("nee")
            elif c.withdrawn_by_name:
                withdrawn = (self.tr("%1 door %2").replace("%1", format_date(c.withdrawn_on))
                             .replace("%2", c.withdrawn_by_name))
            else:
                withdrawn = format_date(c.withdrawn_on)
            cells = (tr_label(c.purpose_label), format_date(c.given_on),
                     c.recorded_by_name or self.tr("onbekend"), withdrawn)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c)
                if not c.active:
                    item.setForeground(QBrush(QColor("#6b6b6b")))
                self.consent_table.setItem(i, col, item)
        self.consent_table.resizeColumnsToContents()
        if r is None:
            self.consent_label.setText("")
        elif not any(c.active and c.purpose == ConsentPurpose.REGISTRATION.value
                     for c in consents):
            self.consent_label.setText(self.tr(
                "Geen toestemming voor vastleggen: naam en notitie worden niet bewaard en de "
                "inwoner telt alleen mee in anonieme aantallen."))
        else:
            self.consent_label.setText("")
        self.consent_label.setVisible(bool(self.consent_label.text()))
        active = {c.purpose for c in consents if c.active}
        self.add_consent_button.setEnabled(
            r is not None and any(p.value not in active for p in ConsentPurpose))
        self.access_label.setText("")
        self.access_label.hide()
        self._consent_selection()

    def selected_consent(self) -> ConsentView | None:
        items = self.consent_table.selectedItems()
        if not items:
            return None
        c = items[0].data(Qt.ItemDataRole.UserRole)
        return c if isinstance(c, ConsentView) else None

    def _consent_selection(self) -> None:
        c = self.selected_consent()
        self.withdraw_button.setEnabled(c is not None and c.active)

    def add_consent(self) -> None:
        if self.current is None:
            return
        active = {c.purpose for c in self.current.consents if c.active}
        purposes = [p.value for p in ConsentPurpose if p.value not in active]
        if not purposes:
            return
        dialog = ConsentDialog(purposes, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.services.residents.add_consent(self.current.id, dialog.purpose(),
                                                dialog.given_on())
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        self._show_id(self.current.id)

    def withdraw_consent(self) -> None:
        c = self.selected_consent()
        if self.current is None or c is None or not c.active:
            return
        text = (self.tr("De toestemming '%1' van %2 intrekken?")
                .replace("%1", tr_label(c.purpose_label)).replace("%2", self.current.alias))
        clears = self._clears_text(c.purpose)
        if clears:
            text += "\n\n" + clears
        text += "\n\n" + self.tr("Dit geldt ook op de andere apparaten na synchroniseren.")
        if not ask(self, self.tr("Toestemming intrekken"), text):
            return
        try:
            self.services.residents.withdraw_consent(c.id)
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        self._show_id(self.current.id)

    def _clears_text(self, purpose: str) -> str:
        texts = {
            ConsentPurpose.REGISTRATION.value: self.tr(
                "De naam en de notitie van de inwoner worden gewist. De inwoner telt daarna "
                "alleen nog mee in anonieme aantallen."),
            ConsentPurpose.CONTACT.value: self.tr(
                "Het telefoonnummer en het e-mailadres van de inwoner worden gewist."),
            ConsentPurpose.REFERRAL_FOLLOW_UP.value: self.tr(
                "De datums om op te volgen bij de open verwijzingen van de inwoner worden "
                "gewist."),
        }
        return texts.get(purpose, "")

    # -- right of access ---------------------------------------------------------------
    def access_request(self) -> None:
        if self.current is None:
            return
        folder = choose_folder(self, self.tr("Map voor het inzageverzoek kiezen"))
        if not folder:
            return
        from ...services.rights import RightsService
        from ..operations import run_op

        rid = self.current.id
        rights = RightsService(self.services)
        self.access_label.setText("")
        self.access_op = run_op(
            self, lambda state: rights.export_access(rid, folder, progress=state.progress()),
            self._access_done, title=self.tr("Inzageverzoek maken"), cancellable=False)

    def _access_done(self, files: list[Any]) -> None:
        self.access_label.setText(self.tr("Inzageverzoek opgeslagen: %1").replace(
            "%1", ", ".join(str(f) for f in files)))
        self.access_label.show()

    def timeline_items(self) -> list[TimelineItem]:
        return [self.timeline_model.item(i) for i in range(self.timeline_model.rowCount())]

    # -- actions ----------------------------------------------------------------------------
    def edit_current(self) -> None:
        if self.current is None:
            return
        dialog = ResidentDialog(self.services, self, resident=self.current)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_resident is not None:
            self.search_now(keep=dialog.result_resident.id)

    def erase_current(self) -> None:
        if self.current is None:
            return
        from ..dialogs_erasure import start_erasure

        rid = self.current.id
        self.erase_dialog = start_erasure(self, self.services, rid, self.current.alias,
                                          lambda _r: self.open_record(rid))

    def new_referral(self) -> None:
        if self.current is None:
            return
        from ..dialogs.referral_dialogs import NewReferralDialog

        dialog = NewReferralDialog(self.services, self, resident_id=self.current.id,
                                   resident_alias=self.current.alias)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._show_id(self.current.id)
