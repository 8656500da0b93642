"""The first-run dialog: who works on this computer, and where the data lives.

:func:`folder_warning` spots folders on a network or a cloud-synced drive (SQLite
files there get damaged by syncing). :func:`create_profile` does the work after
the dialog is filled in: it opens the chosen data folder (when it changed),
creates the worker and makes them this computer's current profile.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..enums import Role
from ..errors import GezondError, ValidationError
from ..security.accounts import MIN_PASSWORD, check_password
from ..services import Services, open_services
from ..services.base import Checker
from .common import min_width_chars, service_method
from .labels import label
from .login import password_edit, password_problem
from .settings import remember_data_dir

CLOUD_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "nextcloud",
                 "owncloud")
NETWORK_FS = ("nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "sshfs", "9p", "afs")


def _mount_for(path: Path, mounts_file: Path) -> tuple[str, str] | None:
    """(mount point, fs type) of the mount that holds ``path``."""
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[str, str] | None = None
    target = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, parts[2])
    return best


def folder_warning(path: Path | str, mounts_file: Path | str = "/proc/mounts") -> str | None:
    """A plain-Dutch warning when ``path`` looks like a cloud-synced or network folder."""
    p = Path(path).expanduser()
    lowered = str(p).lower()
    if any(marker in lowered for marker in CLOUD_MARKERS):
        return QCoreApplication.translate(
            "FirstRunDialog",
            "Deze map lijkt in een cloudmap te staan (zoals OneDrive of Dropbox). "
            "Het synchroniseren daarvan kan de gegevens beschadigen. Kies liever "
            "een map op deze computer.")
    existing = p
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    mount = _mount_for(existing.resolve(), Path(mounts_file))
    if mount is not None:
        fs = mount[1].lower()
        if fs in NETWORK_FS or fs.startswith("fuse.") or fs.startswith("nfs"):
            return QCoreApplication.translate(
                "FirstRunDialog",
                "Deze map staat op een netwerkschijf. Als de verbinding wegvalt, "
                "kunnen gegevens verloren gaan. Kies liever een map op deze computer.")
    return None


@dataclass(frozen=True)
class FirstRunResult:
    name: str
    role: str
    organisation_name: str  # "" for none; looked up by name in the chosen folder
    device_name: str
    data_dir: Path
    username: str = ""  # "" : no account (only for scripts; the dialog always asks)
    password: str = ""


def current_device_name(services: Services) -> str:
    fn = service_method(services, "workers", "device_name")
    if fn is not None:
        return str(fn())
    return os.uname().nodename or socket.gethostname()


def create_profile(services: Services, result: FirstRunResult) -> Services:
    """Make the worker of the first run this computer's profile; return the services
    to continue with (a new folder when the data folder changed)."""
    svc = services
    moved = Path(result.data_dir).resolve() != Path(services.db.data_dir).resolve()
    if moved:
        svc = open_services(result.data_dir, device_name=result.device_name)
    else:
        rename = service_method(services, "workers", "set_device_name")
        if rename is not None and result.device_name != current_device_name(services):
            rename(result.device_name)
    try:
        org_id = None
        if result.organisation_name:
            found = svc.reference.find("organisation", result.organisation_name)
            org_id = found.id if found else None
        if result.username:  # check before anything is saved
            probe = Checker()
            check_password(probe, "password", result.password)
            probe.done()
        worker = svc.workers.create(result.name, result.role, org_id)
        svc.workers.set_current(worker.id)
        if result.username:
            svc.accounts.create_account(worker.id, result.username, result.password)
    except BaseException:
        if moved:
            svc.db.close()
        raise
    if moved:
        remember_data_dir(Path(result.data_dir))
    return svc.as_worker(worker.id)


def _error_label() -> QLabel:
    lab = QLabel("")
    lab.setWordWrap(True)
    lab.setStyleSheet("color: #b00020;")
    lab.hide()
    return lab


class FirstRunDialog(QDialog):
    """Asks name, role, organisation, device name and data folder.

    ``commit(result)`` does the work (default :func:`create_profile`) and returns
    the services to continue with; its ``ValidationError`` messages appear next
    to the fields, other expected errors next to the data folder.
    """

    def __init__(self, services: Services, parent: QWidget | None = None,
                 commit: Callable[[FirstRunResult], Services] | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.result_services: Services | None = None
        self._commit = commit or (lambda r: create_profile(services, r))
        self._rename_supported = service_method(services, "workers", "set_device_name") \
            is not None
        self.setWindowTitle(self.tr("Welkom bij Gezond Desktop"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Vertel wie er op deze computer werkt. U kunt dit later nog wijzigen."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.name = QLineEdit(self)
        self.name.setMaxLength(120)
        self.role = QComboBox(self)
        self.role.setPlaceholderText(self.tr("Kies uw rol"))
        for member in Role:
            self.role.addItem(label(member), member.value)
        self.role.setCurrentIndex(-1)
        self.organisation = QComboBox(self)
        self.organisation.addItem(self.tr("Geen organisatie"), "")
        for org in services.reference.list("organisation"):
            self.organisation.addItem(org.name, org.name)
        self.device = QLineEdit(current_device_name(services), self)
        self.device.setMaxLength(120)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setMaxLength(80)
        self.password = password_edit(self)
        self.password.setObjectName("password")
        self.password2 = password_edit(self)
        self.password2.setObjectName("password2")
        self.folder = QLineEdit(str(services.db.data_dir), self)
        self.change_folder = QPushButton(self.tr("Wijzigen..."), self)
        self.change_folder.setAutoDefault(False)
        self.change_folder.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.change_folder)

        self.errors: dict[str, QLabel] = {}
        rows: list[tuple[str, str, QWidget | QHBoxLayout]] = [
            ("name", self.tr("Uw naam:"), self.name),
            ("role", self.tr("Uw rol:"), self.role),
            ("organisation_id", self.tr("Organisatie:"), self.organisation),
            ("username", self.tr("Gebruikersnaam om aan te melden:"), self.username),
            ("password", self.tr("Wachtwoord:"), self.password),
            ("password2", self.tr("Wachtwoord nogmaals:"), self.password2),
            ("device_name", self.tr("Naam van deze computer:"), self.device),
            ("data_dir", self.tr("Map voor de gegevens:"), folder_row),
        ]
        r = 0
        for field, text, widget in rows:
            caption = QLabel(text)
            grid.addWidget(caption, r, 0, Qt.AlignmentFlag.AlignTop)
            if isinstance(widget, QHBoxLayout):
                grid.addLayout(widget, r, 1)
            else:
                caption.setBuddy(widget)
                grid.addWidget(widget, r, 1)
            self.errors[field] = _error_label()
            grid.addWidget(self.errors[field], r + 1, 1)
            r += 2
        self.folder_note = QLabel("")
        self.folder_note.setWordWrap(True)
        self.folder_note.setStyleSheet("color: #8a5300;")
        self.folder_note.hide()
        grid.addWidget(self.folder_note, r, 1)
        layout.addLayout(grid)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Beginnen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.folder.textChanged.connect(self._folder_changed)
        self._folder_changed(self.folder.text())
        min_width_chars(self, 84)

    # -- folder --------------------------------------------------------------------
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Kies een map voor de gegevens"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _folder_changed(self, text: str) -> None:
        warning = folder_warning(text) if text.strip() else None
        self.folder_note.setText(warning or "")
        self.folder_note.setVisible(bool(warning))
        moved = text.strip() != "" and \
            Path(text).expanduser().resolve() != Path(self.services.db.data_dir).resolve()
        self.device.setEnabled(self._rename_supported or moved)

    # -- validation ------------------------------------------------------------------
    def show_field_error(self, field: str, message: str) -> None:
        lab = self.errors.get(field, self.errors["data_dir"])
        lab.setText(message)
        lab.setVisible(bool(message))

    def clear_errors(self) -> None:
        for lab in self.errors.values():
            lab.clear()
            lab.hide()

    def collect(self) -> FirstRunResult | None:
        """The filled-in values, or None after showing what is missing."""
        self.clear_errors()
        ok = True
        if not self.name.text().strip():
            self.show_field_error("name", self.tr("Vul uw naam in."))
            ok = False
        if self.role.currentIndex() < 0:
            self.show_field_error("role", self.tr("Kies uw rol."))
            ok = False
        account_problem = password_problem(self.username.text(), self.password.text(),
                                           self.password2.text())
        if account_problem:
            field = ("username" if not self.username.text().strip()
                     else "password" if len(self.password.text()) < MIN_PASSWORD
                     else "password2")
            self.show_field_error(field, account_problem)
            ok = False
        if not self.device.text().strip():
            self.show_field_error("device_name",
                                  self.tr("Vul een naam in voor deze computer."))
            ok = False
        if not self.folder.text().strip():
            self.show_field_error("data_dir", self.tr("Kies een map voor de gegevens."))
            ok = False
        if not ok:
            return None
        return FirstRunResult(
            name=self.name.text().strip(),
            role=str(self.role.currentData()),
            organisation_name=str(self.organisation.currentData() or ""),
            device_name=self.device.text().strip(),
            data_dir=Path(self.folder.text().strip()).expanduser(),
            username=self.username.text().strip(),
            password=self.password.text(),
        )

    def accept(self) -> None:
        result = self.collect()
        if result is None:
            return
        try:
            self.result_services = self._commit(result)
        except ValidationError as exc:
            for err in exc.errors:
                self.show_field_error(err.field if err.field in self.errors else "name",
                                      err.message)
            return
        except GezondError as exc:
            self.show_field_error("data_dir", exc.message)
            return
        super().accept()
