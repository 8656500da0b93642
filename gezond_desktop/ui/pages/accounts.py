"""Accounts en audit (admin only): the accounts of this computer and their roles,
and the audit log with the result of the chain check, exportable as CSV or JSON.

Every rule is enforced by the services (``services.accounts``, ``services.audit``,
``services.workers.update``); this page only offers the actions."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...enums import Role
from ...errors import GezondError
from ...security.accounts import AccountView
from ...security.audit import AuditEntryView
from ...services import Services
from .. import errors as ui_errors
from ..common import format_datetime, heading
from ..idle_lock import idle_minutes, set_idle_minutes
from ..labels import label
from ..login import AccountDialog, RecoveryKeyDialog

AUDIT_LIMIT = 1000
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A small read-only table of plain rows (accounts: a handful; audit: the newest
    :data:`AUDIT_LIMIT`)."""

    def __init__(self, headers: list[str], cells: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.cells = cells  # row -> list[str]
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.cells(self.rows[index.row()])[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None


def _table(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AccountsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.title = self.tr("Accounts en audit")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title, self))

        # -- accounts ---------------------------------------------------------------
        layout.addWidget(QLabel(self.tr("Accounts op deze computer"), self))
        yes, no = self.tr("ja"), self.tr("nee")
        self.accounts = RowsModel(
            [self.tr("Gebruikersnaam"), self.tr("Medewerker"), self.tr("Rol"),
             self.tr("Actief"), self.tr("Laatst aangemeld")],
            lambda a: [a.username, a.worker_name, _role_label(a.role), yes if a.active else no,
                       format_datetime(a.last_login_at)], self)
        self.accounts_view = _table(self.accounts, self)
        self.accounts_view.setObjectName("accountsTable")
        layout.addWidget(self.accounts_view, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Nieuw account..."), self)
        self.reset_button = QPushButton(self.tr("Wachtwoord opnieuw instellen..."), self)
        self.active_button = QPushButton(self.tr("Uitschakelen of aanzetten"), self)
        self.role_button = QPushButton(self.tr("Rol wijzigen..."), self)
        self.recovery_button = QPushButton(self.tr("Herstelsleutel maken..."), self)
        self.recovery_button.setObjectName("makeRecoveryKey")
        for b, slot in ((self.new_button, self.new_account),
                        (self.reset_button, self.reset_password),
                        (self.active_button, self.toggle_active),
                        (self.role_button, self.change_role),
                        (self.recovery_button, self.make_recovery_key)):
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Vergrendelen na (minuten, 0 = nooit):"), self))
        self.idle = QSpinBox(self)
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, 240)
        self.idle.setValue(idle_minutes(services))
        self.idle.editingFinished.connect(self.save_idle)
        row.addWidget(self.idle)
        layout.addLayout(row)

        # -- audit ------------------------------------------------------------------
        layout.addWidget(QLabel(self.tr("Controlelogboek (nieuwste eerst)"), self))
        self.chain_label = QLabel("", self)
        self.chain_label.setObjectName("chainResult")
        self.chain_label.setWordWrap(True)
        layout.addWidget(self.chain_label)
        self.audit = RowsModel(
            [self.tr("Wanneer"), self.tr("Wat"), self.tr("Wie"), self.tr("Gebruikersnaam"),
             self.tr("Over"), self.tr("Apparaat")],
            lambda e: [format_datetime(e.at), e.action_label, e.actor_name, e.username,
                       _target(e), f"{str(e.device_id)[:8]} #{e.seq}"], self)
        self.audit_view = _table(self.audit, self)
        self.audit_view.setObjectName("auditTable")
        layout.addWidget(self.audit_view, 2)
        row2 = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Keten controleren"), self)
        self.verify_button.clicked.connect(self.verify)
        self.csv_button = QPushButton(self.tr("Exporteren als CSV..."), self)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.json_button = QPushButton(self.tr("Exporteren als JSON..."), self)
        self.json_button.clicked.connect(lambda: self.export("json"))
        for b in (self.verify_button, self.csv_button, self.json_button):
            row2.addWidget(b)
        row2.addStretch(1)
        layout.addLayout(row2)
        self.reload()

    # -- Page protocol ---------------------------------------------------------------
    def refresh(self, changed: frozenset[str]) -> None:
        if changed & {"audit_entry", "worker"}:
            self.reload()

    def reload(self) -> None:
        try:
            self.accounts.set_rows(self.services.accounts.list())
            self.audit.set_rows(self.services.audit.entries(limit=AUDIT_LIMIT))
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        self.verify()

    def verify(self) -> None:
        try:
            problems = self.services.audit.verify_chain()
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        if problems:
            self.chain_label.setStyleSheet("color: #b00020;")
            self.chain_label.setText(self.tr("Controle van de keten: NIET in orde.") + " "
                                     + " ".join(problems))
        else:
            self.chain_label.setStyleSheet("")
            self.chain_label.setText(self.tr("Controle van de keten: in orde. Er is niets "
                                             "weggehaald of gewijzigd."))

    # -- actions -------------------------------------------------------------------------
    def selected_account(self) -> AccountView | None:
        rows = self.accounts_view.selectionModel().selectedRows()
        return self.accounts.rows[rows[0].row()] if rows else None

    def _need_account(self) -> AccountView | None:
        a = self.selected_account()
        if a is None:
            ui_errors.show_error(self, self.title, self.tr("Kies eerst een account in de lijst."))
        return a

    def new_account(self) -> None:
        have = {a.worker_id for a in self.accounts.rows}
        workers = [w for w in self.services.workers.list() if w.id not in have]
        names = [f"{w.name} ({w.role_label})" for w in workers]
        new_worker = self.tr("Nieuwe medewerker...")
        choice, ok = QInputDialog.getItem(self, self.tr("Nieuw account"),
                                          self.tr("Voor welke medewerker?"),
                                          [*names, new_worker], 0, False)
        if not ok:
            return
        if choice == new_worker:
            made = self._new_worker()
            if made is None:
                return
            worker_id, worker_name = made
        else:
            w = workers[names.index(choice)]
            worker_id, worker_name = w.id, w.name
        dialog = AccountDialog(self.services, worker_id, worker_name, self)
        if dialog.exec():
            self.reload()

    def _new_worker(self) -> tuple[uuid.UUID, str] | None:
        name, ok = QInputDialog.getText(self, self.tr("Nieuwe medewerker"),
                                        self.tr("Naam van de medewerker:"))
        if not ok or not name.strip():
            return None
        roles = list(Role)
        labels = [label(r) for r in roles]
        choice, ok = QInputDialog.getItem(self, self.tr("Nieuwe medewerker"),
                                          self.tr("Rol:"), labels, 0, False)
        if not ok:
            return None
        try:
            w = self.services.workers.create(name, roles[labels.index(choice)].value)
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return None
        return w.id, w.name

    def reset_password(self) -> None:
        a = self._need_account()
        if a is None:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Wachtwoord opnieuw instellen"),
            self.tr("Nieuw wachtwoord voor %1 (minstens 8 tekens):").replace("%1", a.username),
            QLineEdit.EchoMode.Password)
        if ok:
            self._do(lambda: self.services.accounts.reset_password(a.id, text))

    def toggle_active(self) -> None:
        a = self._need_account()
        if a is not None:
            self._do(lambda: self.services.accounts.set_active(a.id, not a.active))

    def change_role(self) -> None:
        a = self._need_account()
        if a is None:
            return
        roles = list(Role)
        names = [label(r) for r in roles]
        current = next((i for i, r in enumerate(roles) if r.value == a.role), 0)
        choice, ok = QInputDialog.getItem(
            self, self.tr("Rol wijzigen"),
            self.tr("Nieuwe rol voor %1:").replace("%1", a.worker_name), names, current, False)
        if ok:
            role = roles[names.index(choice)].value
            self._do(lambda: self.services.workers.update(a.worker_id, role=role))

    def confirm_recovery_key(self) -> bool:
        text = self.tr("Een herstelsleutel maken? Daarmee kan iemand die zijn wachtwoord "
                       "vergeet een nieuw wachtwoord kiezen zonder gegevens te verliezen.")
        if self.services.accounts.has_recovery_key():
            text += " " + self.tr("De vorige herstelsleutel werkt daarna niet meer.")
        answer = QMessageBox.question(self, self.tr("Herstelsleutel maken"), text)
        return answer == QMessageBox.StandardButton.Yes

    def make_recovery_key(self) -> None:
        """A new recovery key, shown once (docs/encryption.md)."""
        if not self.confirm_recovery_key():
            return
        try:
            key = self.services.accounts.create_recovery_key()
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        RecoveryKeyDialog(key, self).exec()
        self.reload()

    def _do(self, action: Any) -> None:
        try:
            action()
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
        self.reload()

    def save_idle(self) -> None:
        set_idle_minutes(self.services, self.idle.value())

    def export(self, file_format: str, path: str | None = None) -> None:
        if path is None:
            pattern = (self.tr("CSV-bestanden (*.csv)") if file_format == "csv"
                       else self.tr("JSON-bestanden (*.json)"))
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Controlelogboek exporteren"), f"controlelogboek.{file_format}",
                pattern)
            if not path:
                return
        try:
            self.services.audit.export(path, file_format)
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
        except OSError:
            ui_errors.show_error(self, self.title, self.tr(
                "Het bestand kon niet worden opgeslagen. Kies een andere map."))
        self.reload()


def _role_label(code: str) -> str:
    try:
        return label(Role(code))
    except ValueError:
        return code


def _target(e: AuditEntryView) -> str:
    if e.target_id is None:
        return str(e.detail.get("file", "")) if e.detail else ""
    return f"{e.target_entity} {str(e.target_id)[:8]}"


