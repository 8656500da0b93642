"""The recovery key as a user meets it: made on the accounts page and shown once,
then "Wachtwoord vergeten?" on the sign-in form of a locked database."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import make_minimal_data
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gezond_desktop.services import Services, open_services
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.ui.login import RecoverPasswordDialog, RecoveryKeyDialog, SignInPanel
from gezond_desktop.ui.pages.accounts import AccountsPage

PASSWORD = "geheim-wachtwoord"
NAME = "Johanna Pietersen"


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    svc = make_minimal_data(open_services(tmp_path / "data"), role="admin")
    svc.accounts.create_account(svc.worker_id, "fatima", PASSWORD)  # type: ignore[arg-type]
    r = svc.residents.create(ResidentInput(alias="Zonnebloem", full_name=NAME,
                                           consents=(("registration", dt.date.today()),)))
    svc.db.set_setting("test.resident", str(r.id))
    svc.db.close()
    yield tmp_path / "data"


def _signed_in(data_dir: Path) -> Services:
    svc = open_services(data_dir)
    view = svc.accounts.login("fatima", PASSWORD)
    return svc.as_worker(view.worker_id)


def test_accounts_page_makes_a_recovery_key_shown_once(
        qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    svc = _signed_in(data_dir)
    try:
        page = AccountsPage(svc)
        qtbot.addWidget(page)
        shown: list[RecoveryKeyDialog] = []
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, **k: QMessageBox.StandardButton.Yes)

        def fake_exec(dialog: RecoveryKeyDialog) -> int:
            shown.append(dialog)
            assert not dialog.done_button.isEnabled()  # confirm first
            qtbot.mouseClick(dialog.kept, Qt.MouseButton.LeftButton)
            assert dialog.done_button.isEnabled()
            return 1

        monkeypatch.setattr(RecoveryKeyDialog, "exec", fake_exec)
        assert not svc.accounts.has_recovery_key()
        qtbot.mouseClick(page.recovery_button, Qt.MouseButton.LeftButton)
        assert len(shown) == 1
        key = shown[0].key_label.text()
        assert len(key) == 29 and key.count("-") == 4
        assert svc.accounts.has_recovery_key()
        assert key not in (svc.db.setting("crypto.master_key.recovery") or "")
    finally:
        svc.db.close()


def test_forgotten_password_on_the_sign_in_form(
        qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    svc = _signed_in(data_dir)
    key = svc.accounts.create_recovery_key()
    svc.db.close()

    svc = open_services(data_dir)  # a new start: locked until someone signs in
    try:
        assert svc.db.locked
        dialog = SignInPanel(None, svc, username="fatima")
        qtbot.addWidget(dialog)
        dialog.show()
        made: list[RecoverPasswordDialog] = []

        def recover_dialog() -> RecoverPasswordDialog:
            d = RecoverPasswordDialog(svc, dialog, dialog.username.text())
            made.append(d)
            qtbot.addWidget(d)
            monkeypatch.setattr(d, "exec", lambda: _fill_in(qtbot, d, key))
            return d

        monkeypatch.setattr(dialog, "recover_dialog", recover_dialog)
        qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
        assert made and made[0].account is not None
        assert "vervangen" in dialog.message.text()
        # the new password signs in and the name is readable again
        qtbot.keyClicks(dialog.password, "nieuw-wachtwoord")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.account is not None and dialog.account.username == "fatima"
        assert not svc.db.locked
        rid = uuid.UUID(svc.db.setting("test.resident"))
        assert svc.residents.get(rid).full_name == NAME
    finally:
        svc.db.close()


def _fill_in(qtbot: Any, d: RecoverPasswordDialog, key: str) -> int:
    qtbot.keyClicks(d.recovery_key, "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ")
    qtbot.keyClicks(d.password, "nieuw-wachtwoord")
    qtbot.keyClicks(d.password2, "nieuw-wachtwoord")
    d.accept()
    assert d.result() == 0 and "herstelsleutel klopt niet" in d.message.text()
    assert d.message.isVisible() or not d.isVisible()
    d.recovery_key.clear()
    qtbot.keyClicks(d.recovery_key, key.lower())
    d.accept()
    assert d.account is not None
    return 1
