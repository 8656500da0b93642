"""Sign-in form, idle lock, first-run account and the admin page "Accounts en audit"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from gezond_desktop.services import Services, open_services
from gezond_desktop.ui.first_run import FirstRunDialog
from gezond_desktop.ui.idle_lock import IdleLock, idle_minutes, set_idle_minutes
from gezond_desktop.ui.login import SignInPanel
from gezond_desktop.ui.pages import pages_for


class Clock:
    now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    s = open_services(tmp_path / "data")
    w = s.workers.create("Sanne de Vries", "community_builder")
    s.workers.set_current(w.id)
    s.accounts.create_account(w.id, "sanne", "geheim-wachtwoord")
    system = s.as_worker(None)
    system.accounts.clock = Clock()
    yield system
    s.db.close()


def test_sign_in_shows_wrong_password_then_the_wait_then_signs_in(
        qtbot: Any, svc: Services) -> None:
    panel = SignInPanel(None, svc)
    qtbot.addWidget(panel)
    panel.show()
    signed: list[Any] = []
    panel.signed_in.connect(signed.append)
    # Tab goes username, password, Aanmelden, Stoppen; "Wachtwoord vergeten?" last.
    assert panel.username.nextInFocusChain() is panel.password
    assert panel.password.nextInFocusChain() is panel.ok_button
    assert panel.ok_button.nextInFocusChain() is panel.stop_button
    qtbot.mouseClick(panel.ok_button, Qt.MouseButton.LeftButton)
    assert panel.message.text() == "Vul uw gebruikersnaam in."
    qtbot.keyClicks(panel.username, "Sanne")
    for _ in range(3):
        qtbot.keyClicks(panel.password, "fout")
        qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    assert "klopt niet" in panel.message.text() and not signed
    assert panel.password.text() == ""  # cleared after a wrong try
    qtbot.keyClicks(panel.password, "geheim-wachtwoord")
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    assert panel.message.text() == "Te veel pogingen. Probeer het over 1 seconden opnieuw."
    assert panel.account is None and not signed
    svc.accounts.clock.now += 1  # type: ignore[attr-defined]
    qtbot.keyClicks(panel.password, "geheim-wachtwoord")
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    assert panel.account is not None and panel.account.worker_name == "Sanne de Vries"
    assert signed == [panel.account]
    assert panel.password.text() == "" and not panel.message.isVisible()


def test_a_sign_in_before_the_data_is_open_waits_and_then_goes_ahead(
        qtbot: Any, svc: Services) -> None:
    """The form appears before the data layer has loaded; Enter pressed that early
    is not lost."""
    panel = SignInPanel(None, None)
    qtbot.addWidget(panel)
    panel.show()
    signed: list[Any] = []
    panel.signed_in.connect(signed.append)
    qtbot.keyClicks(panel.username, "sanne")
    qtbot.keyClick(panel.username, Qt.Key.Key_Return)
    assert not panel.waiting  # Enter in the username field goes on to the password
    qtbot.keyClicks(panel.password, "geheim-wachtwoord")
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    assert panel.waiting and not signed
    assert panel.message.text() == "Even geduld: Gezond Desktop opent uw gegevens..."
    assert not panel.password.isEnabled() and not panel.ok_button.isEnabled()
    qtbot.mouseClick(panel.forgot_button, Qt.MouseButton.LeftButton)  # disabled: no-op
    panel.set_services(svc)
    assert not panel.waiting and panel.password.isEnabled()
    assert [a.username for a in signed] == ["sanne"]


def test_a_failed_load_leaves_only_stop(qtbot: Any) -> None:
    panel = SignInPanel(None, None)
    qtbot.addWidget(panel)
    panel.show()
    stops: list[bool] = []
    panel.stop_requested.connect(lambda: stops.append(True))
    panel.loading_failed("Het lukte niet.")
    assert panel.message.text() == "Het lukte niet."
    assert not panel.ok_button.isEnabled() and not panel.password.isEnabled()
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert stops == [True]


def test_idle_lock_hides_the_content_and_asks_the_password_again(
        qtbot: Any, svc: Services) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    page = QLabel("Yasmina Bouzid, 06 12345678")  # a page with personal details
    window.setCentralWidget(page)
    window.show()
    lock = IdleLock(window, svc, "sanne", timeout_ms=50)
    qtbot.waitUntil(lambda: lock.is_locked, timeout=2000)
    assert not page.isVisible()
    assert lock.screen is not None and lock.screen.isVisible()

    qtbot.keyClicks(lock.screen.password, "fout")
    qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)
    assert lock.is_locked and "klopt niet" in lock.screen.message.text()
    qtbot.keyClicks(lock.screen.password, "geheim-wachtwoord")
    qtbot.keyClick(lock.screen.password, Qt.Key.Key_Return)
    assert not lock.is_locked and page.isVisible()
    actions = [e.action for e in svc.audit.entries()]
    assert actions[:2] == ["unlock", "sign_in_failed"]
    lock.set_timeout(0)  # switched off: stays open
    qtbot.wait(120)
    assert not lock.is_locked
    lock.stop()


def test_activity_keeps_the_app_open(qtbot: Any, svc: Services) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, svc, "sanne", timeout_ms=1000)
    for _ in range(8):  # 1.6 s in all, never 1 s without a key press
        qtbot.wait(200)
        qtbot.keyClick(window, Qt.Key.Key_Shift)
        assert not lock.is_locked
    assert lock.timer.isActive()
    lock.stop()


def test_a_locked_window_blocks_its_own_shortcuts_only(qtbot: Any, svc: Services) -> None:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QLineEdit

    window = QMainWindow()
    qtbot.addWidget(window)
    fired: list[bool] = []
    action = QAction("Nieuw", window)
    action.setShortcut(QKeySequence("Ctrl+N"))
    action.triggered.connect(lambda: fired.append(True))
    window.addAction(action)
    window.show()
    other = QLineEdit()  # another top-level window of the app
    qtbot.addWidget(other)
    other.show()
    lock = IdleLock(window, svc, "sanne", timeout_ms=0)
    lock.lock()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert fired == []
    qtbot.keyClicks(other, "vrij")
    assert other.text() == "vrij"
    window.close()  # closing the window ends the lock and its event filter
    assert not lock.is_locked


def test_idle_minutes_setting_lives_in_the_database(svc: Services) -> None:
    assert idle_minutes(svc) == 10
    set_idle_minutes(svc, 3)
    assert svc.db.setting("idle_lock_minutes") == "3" and idle_minutes(svc) == 3


def test_first_run_makes_the_account_and_checks_the_password_twice(
        qtbot: Any, tmp_path: Path) -> None:
    fresh = open_services(tmp_path / "fresh")
    try:
        dialog = FirstRunDialog(fresh)
        qtbot.addWidget(dialog)
        dialog.name.setText("Ahmed")
        dialog.role.setCurrentIndex(dialog.role.findData("coordinator"))
        dialog.username.setText("Ahmed")
        dialog.password.setText("lang-genoeg-1")
        dialog.password2.setText("lang-genoeg-2")
        dialog.accept()
        assert "niet gelijk" in dialog.errors["password2"].text()
        assert fresh.workers.current() is None  # nothing saved
        dialog.password2.setText("lang-genoeg-1")
        dialog.accept()
        assert dialog.result_services is not None
        assert fresh.accounts.login("ahmed", "lang-genoeg-1").worker_name == "Ahmed"
    finally:
        fresh.db.close()


def test_accounts_page_is_for_the_admin_and_shows_the_chain_result(
        qtbot: Any, svc: Services, tmp_path: Path) -> None:
    from gezond_desktop.ui.pages.accounts import AccountsPage

    assert "accounts" in [p.key for p in pages_for("admin")]
    assert "accounts" not in [p.key for p in pages_for("coordinator")]
    admin_worker = svc.workers.create("Bea", "admin")
    admin = svc.as_worker(admin_worker.id)
    svc.accounts.login("sanne", "geheim-wachtwoord")
    page = AccountsPage(admin, None)
    qtbot.addWidget(page)
    QAbstractItemModelTester(page.audit)
    QAbstractItemModelTester(page.accounts)
    assert page.accounts.rowCount() == 1
    assert page.audit.rowCount() == 2
    assert page.chain_label.text().startswith("Controle van de keten: in orde")
    page.accounts_view.selectRow(0)
    page.toggle_active()
    assert page.accounts.data(page.accounts.index(0, 3)) == "nee"
    target = tmp_path / "log.csv"
    page.export("csv", str(target))
    assert "Aangemeld" in target.read_text(encoding="utf-8-sig")
    assert page.audit.data(page.audit.index(0, 1)) == "Export gemaakt"


def test_demo_start_signs_in_as_demo_and_says_so_in_the_title(
        qtbot: Any, qapp: QApplication, tmp_path: Path) -> None:
    from gezond_desktop.ui.app import Startup

    demo = open_services(tmp_path / "demo")
    w = demo.workers.create("Demo Coördinator", "coordinator")
    demo.workers.set_current(w.id)
    startup = Startup(qapp, demo, demo=True)
    try:
        startup.start()
        window: Any = startup.window
        assert window is not None
        qtbot.addWidget(window)
        assert "DEMO" in window.windowTitle()
        assert startup.services.worker_id == w.id and not startup.services.system_rights
        assert isinstance(window.idle_lock, IdleLock)
        assert demo.accounts.login("demo", "demo").is_demo
        window.detach()
    finally:
        demo.db.close()
