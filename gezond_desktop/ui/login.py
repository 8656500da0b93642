"""Signing in: the sign-in form every start shows in the main window, and the
dialog that makes an account (username and password twice). Both work offline:
the accounts live in the local database (see :mod:`gezond_desktop.security.accounts`).

Signing in also unlocks the personal data (docs/encryption.md). "Wachtwoord
vergeten?" opens :class:`RecoverPasswordDialog`: with the recovery key a new
password is set and no data is lost. :class:`RecoveryKeyDialog` shows a new
recovery key once (page "Accounts en audit").

The sign-in form appears before the data layer has loaded (``ui/app.py``), so this
module imports the services and the accounts only where they are used."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import GezondError
from .common import centred_column, heading, min_width_chars

if TYPE_CHECKING:
    from ..security.accounts import AccountView
    from ..services import Services


def error_label(parent: QWidget) -> QLabel:
    lab = QLabel("", parent)
    lab.setWordWrap(True)
    lab.setStyleSheet("color: #b00020;")
    lab.hide()
    return lab


def password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(200)
    return edit


def throttled_text(seconds: int) -> str:
    return QCoreApplication.translate(
        "SignInPanel", "Te veel pogingen. Probeer het over %1 seconden opnieuw."
    ).replace("%1", str(seconds))


class SignInPanel(QWidget):
    """Username and password, in the middle of the locked main window.

    It may appear before the data layer is ready (``services`` None): a sign-in
    asked for then waits, says so, and goes ahead by itself once :meth:`set_services`
    hands the services over. On success ``account`` holds who signed in and
    :attr:`signed_in` is emitted; continue with ``services.as_worker(account.worker_id)``.
    Wrong passwords and the wait after too many show as a message in the form."""

    signed_in = Signal(object)  # AccountView
    stop_requested = Signal()
    drawn = Signal()  # once, right after the form was first painted

    def __init__(self, parent: QWidget | None = None, services: Services | None = None,
                 username: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("signIn")
        self.services = services
        self.account: AccountView | None = None
        self.waiting = False  # a sign-in asked for before the services were there
        self._drawn = False
        box, col = centred_column(self, 64)
        col.addWidget(heading(self.tr("Aanmelden bij Gezond Desktop"), box))
        intro = QLabel(self.tr("Meld u aan met uw gebruikersnaam en wachtwoord. "
                               "Dit werkt ook zonder internet."), box)
        intro.setWordWrap(True)
        col.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(username, box)
        self.username.setObjectName("username")
        self.username.setMaxLength(80)
        self.password = password_edit(box)
        self.password.setObjectName("password")
        form.addRow(self.tr("&Gebruikersnaam:"), self.username)
        form.addRow(self.tr("&Wachtwoord:"), self.password)
        col.addLayout(form)
        self.message = error_label(box)
        self.message.setObjectName("loginMessage")
        col.addWidget(self.message)
        self.forgot_button = QPushButton(self.tr("Wachtwoord vergeten?"), box)
        self.forgot_button.setObjectName("forgotPassword")
        self.forgot_button.setFlat(True)
        self.forgot_button.clicked.connect(self.forgot_password)
        col.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.ok_button = QPushButton(self.tr("Aanmelden"), box)
        self.ok_button.setObjectName("signInButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        self.stop_button = QPushButton(self.tr("Stoppen"), box)
        self.stop_button.clicked.connect(self.stop_requested)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.stop_button)
        col.addLayout(buttons)
        for first, second in ((self.username, self.password), (self.password, self.ok_button),
                              (self.ok_button, self.stop_button),
                              (self.stop_button, self.forgot_button)):
            QWidget.setTabOrder(first, second)
        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.submit)
        self.setFocusProxy(self.password if username else self.username)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._drawn:
            self._drawn = True
            QTimer.singleShot(0, self, self.drawn.emit)  # not after the form is gone

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _username_entered(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for w in (self.username, self.password, self.ok_button, self.forgot_button):
            w.setEnabled(enabled)

    # -- the data layer arrives ------------------------------------------------------
    def set_services(self, services: Services) -> None:
        """The data layer is ready; a sign-in that waited for it goes ahead now."""
        self.services = services
        if self.waiting:
            self.waiting = False
            self._set_inputs_enabled(True)
            self.show_message("")
            self.submit()

    def loading_failed(self, text: str) -> None:
        """The data could not be opened: say so; only Stoppen is left."""
        self.waiting = False
        self._set_inputs_enabled(False)
        self.show_message(text)
        self.stop_button.setFocus()

    # -- signing in ------------------------------------------------------------------
    def recover_dialog(self) -> RecoverPasswordDialog:
        assert self.services is not None
        return RecoverPasswordDialog(self.services, self, self.username.text())

    def forgot_password(self) -> None:
        if self.services is None:
            self.show_message(self.tr("Even geduld: Gezond Desktop opent uw gegevens. "
                                      "Probeer het zo nog eens."), error=False)
            return
        dialog = self.recover_dialog()
        if dialog.exec() and dialog.account is not None:
            self.username.setText(dialog.account.username)
            self.password.clear()
            self.password.setFocus()
            self.show_message(self.tr("Uw wachtwoord is vervangen. Meld u aan met het "
                                      "nieuwe wachtwoord."), error=False)

    def submit(self) -> None:
        if not self.username.text().strip():
            self.show_message(self.tr("Vul uw gebruikersnaam in."))
            self.username.setFocus()
            return
        if self.services is None:
            self.waiting = True
            self._set_inputs_enabled(False)
            self.show_message(self.tr("Even geduld: Gezond Desktop opent uw gegevens..."),
                              error=False)
            return
        from ..security.accounts import LoginThrottled

        try:
            account = self.services.accounts.login(self.username.text(), self.password.text())
        except LoginThrottled as exc:
            self.show_message(throttled_text(exc.seconds))
            self.password.clear()
            return
        except GezondError as exc:
            self.show_message(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        self.show_message("")
        self.account = account
        self.signed_in.emit(account)


class AccountDialog(QDialog):
    """A new account for one worker: username and the password twice. ``account``
    holds the result. Used when a computer has a profile but no account yet, and
    by the admin (page "Accounts en audit")."""

    def __init__(self, services: Services, worker_id: uuid.UUID, worker_name: str,
                 parent: QWidget | None = None, username: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.worker_id = worker_id
        self.account: AccountView | None = None
        self.setWindowTitle(self.tr("Account maken"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Maak een account voor %1. Met de gebruikersnaam en het "
                               "wachtwoord meldt u zich voortaan aan.").replace("%1",
                                                                              worker_name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(username, self)
        self.username.setObjectName("newUsername")
        self.username.setMaxLength(80)
        self.password = password_edit(self)
        self.password.setObjectName("newPassword")
        self.password2 = password_edit(self)
        self.password2.setObjectName("newPassword2")
        form.addRow(self.tr("&Gebruikersnaam:"), self.username)
        form.addRow(self.tr("&Wachtwoord:"), self.password)
        form.addRow(self.tr("Wachtwoord &nogmaals:"), self.password2)
        layout.addLayout(form)
        self.message = error_label(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Account maken"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        min_width_chars(self, 70)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def accept(self) -> None:
        message = password_problem(self.username.text(), self.password.text(),
                                   self.password2.text())
        if message:
            self.show_message(message)
            return
        try:
            self.account = self.services.accounts.create_account(
                self.worker_id, self.username.text(), self.password.text())
        except GezondError as exc:  # validation included: one message under the form
            self.show_message(exc.message)
            return
        super().accept()


def password_problem(username: str, password: str, again: str) -> str:
    """What is wrong with a new username and password (translated), or ""."""
    from ..security.accounts import MIN_PASSWORD

    if not username.strip():
        return QCoreApplication.translate("AccountDialog", "Vul een gebruikersnaam in.")
    if len(password) < MIN_PASSWORD:
        return QCoreApplication.translate(
            "AccountDialog", "Kies een wachtwoord van minstens %1 tekens.").replace(
            "%1", str(MIN_PASSWORD))
    if password != again:
        return QCoreApplication.translate(
            "AccountDialog", "De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.")
    return ""


class RecoverPasswordDialog(QDialog):
    """A forgotten password: username, the recovery key and a new password twice.
    Nothing is lost: the data is opened with the recovery key and locked again
    under the new password. ``account`` holds the result."""

    def __init__(self, services: Services, parent: QWidget | None = None,
                 username: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.account: AccountView | None = None
        self.setWindowTitle(self.tr("Wachtwoord vergeten"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Met de herstelsleutel van uw coördinator of beheerder "
                               "kiest u een nieuw wachtwoord. Uw gegevens blijven "
                               "bewaard."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(username, self)
        self.username.setObjectName("recoverUsername")
        self.username.setMaxLength(80)
        self.recovery_key = QLineEdit(self)
        self.recovery_key.setObjectName("recoveryKey")
        self.recovery_key.setMaxLength(60)
        self.recovery_key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.password = password_edit(self)
        self.password.setObjectName("recoverPassword")
        self.password2 = password_edit(self)
        self.password2.setObjectName("recoverPassword2")
        form.addRow(self.tr("&Gebruikersnaam:"), self.username)
        form.addRow(self.tr("&Herstelsleutel:"), self.recovery_key)
        form.addRow(self.tr("&Nieuw wachtwoord:"), self.password)
        form.addRow(self.tr("Wachtwoord &nogmaals:"), self.password2)
        layout.addLayout(form)
        self.message = error_label(self)
        self.message.setObjectName("recoverMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Nieuw wachtwoord instellen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.recovery_key if username else self.username).setFocus()
        min_width_chars(self, 73)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def accept(self) -> None:
        message = password_problem(self.username.text(), self.password.text(),
                                   self.password2.text())
        if message:
            self.show_message(message)
            return
        from ..security.accounts import LoginThrottled

        try:
            self.account = self.services.accounts.recover_password(
                self.username.text(), self.recovery_key.text(), self.password.text())
        except LoginThrottled as exc:
            self.show_message(throttled_text(exc.seconds))
            return
        except GezondError as exc:
            self.show_message(exc.message)
            self.recovery_key.setFocus()
            return
        self.password.clear()
        self.password2.clear()
        super().accept()


class RecoveryKeyDialog(QDialog):
    """Shows a new recovery key once, with the request to print or write it down.
    "Klaar" is only possible after ticking that it was kept."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Herstelsleutel"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Dit is de herstelsleutel van deze computer. Wie zijn "
                               "wachtwoord vergeet, kiest hiermee een nieuw wachtwoord "
                               "zonder gegevens te verliezen."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key_label = QLabel(key, self)
        self.key_label.setObjectName("recoveryKeyText")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 6 if font.pointSize() > 0 else 16)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.key_label)
        warn = QLabel(self.tr("Print dit of schrijf het op en bewaar het op een veilige "
                              "plek, niet bij de computer. U ziet deze sleutel maar één "
                              "keer. Een eerdere herstelsleutel werkt niet meer."), self)
        warn.setWordWrap(True)
        layout.addWidget(warn)
        self.kept = QCheckBox(self.tr("Ik heb de herstelsleutel geprint of opgeschreven"),
                              self)
        self.kept.setObjectName("recoveryKeyKept")
        layout.addWidget(self.kept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.done_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.done_button.setText(self.tr("Klaar"))
        self.done_button.setEnabled(False)
        self.kept.toggled.connect(self.done_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        min_width_chars(self, 77)

    def accept(self) -> None:
        if self.kept.isChecked():
            super().accept()

    def reject(self) -> None:  # Escape: only after confirming
        if self.kept.isChecked():
            super().reject()
