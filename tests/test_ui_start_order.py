"""Cold start: on a computer with an account the main window appears, locked with the
sign-in form, before the data layer (SQLAlchemy, the models, the services) loads;
that loads on the operations thread while the password is typed. See
``gezond_desktop/ui/app.py`` and ``gezond_desktop/peek.py``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import make_minimal_data
from PySide6.QtWidgets import QApplication

from gezond_desktop.errors import SchemaTooNewError
from gezond_desktop.peek import DB_FILENAME, FolderPeek, peek
from gezond_desktop.services import Services, open_services
from gezond_desktop.ui import app as app_module
from gezond_desktop.ui import errors as ui_errors
from gezond_desktop.ui import operations
from gezond_desktop.ui.login import SignInPanel
from gezond_desktop.ui.mainwindow import MainWindow

PASSWORD = "wachtwoord-123"

IMPORTS = """
import json, sys
import gezond_desktop.ui.app, gezond_desktop.ui.mainwindow, gezond_desktop.ui.login
import gezond_desktop.peek
print("RESULT " + json.dumps(sorted(
    m for m in sys.modules if m.split(".")[0] == "sqlalchemy"
    or m.startswith(("gezond_desktop.models", "gezond_desktop.services",
                     "gezond_desktop.store", "gezond_desktop.security")))))
"""

START = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gezond_desktop.ui import app as app_module
from gezond_desktop.ui.mainwindow import MainWindow
seen = {}
def first_window():
    windows = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, MainWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(0, first_window)
        return
    panel = windows[0].centralWidget()
    seen["form"] = type(panel).__name__
    seen["sqlalchemy_at_first_window"] = "sqlalchemy" in sys.modules
    # Enter pressed at once, before the data layer is ready: it must wait, then go on.
    panel.username.setText("fatima")
    panel.password.setText(PASSWORD)
    panel.submit()
    seen["waited"] = panel.waiting
    wait_for_pages(windows[0], 0)
def wait_for_pages(window, tries):
    if not window.attached and tries < 3000:
        QTimer.singleShot(10, lambda: wait_for_pages(window, tries + 1))
        return
    seen["pages"] = window.page_keys() if window.attached else []
    seen["title"] = window.pages["tasks"].title if window.attached else ""
    window.close()
app = QApplication([])
QTimer.singleShot(0, first_window)
seen["code"] = app_module.main(sys.argv[1:])
print("RESULT " + json.dumps(seen))
""".replace("PASSWORD", repr(PASSWORD))


def run_python(script: str, *args: str) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", script, *args], capture_output=True,
                          text=True, env=env, timeout=120)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    assert lines, proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(lines[0][len("RESULT "):])
    return result


@pytest.fixture
def with_account(tmp_path: Path) -> Iterator[Path]:
    svc = make_minimal_data(open_services(tmp_path / "data"))
    assert svc.worker_id is not None
    svc.as_worker(None).accounts.create_account(svc.worker_id, "fatima", PASSWORD)
    svc.db.close()
    yield tmp_path / "data"


def test_the_first_window_needs_no_data_layer() -> None:
    assert run_python(IMPORTS) == []


def test_a_start_with_an_account_shows_the_window_before_the_data_layer(
        with_account: Path) -> None:
    seen = run_python(START, "--data-dir", str(with_account))
    assert seen["form"] == "SignInPanel"
    assert seen["sqlalchemy_at_first_window"] is False
    assert seen["waited"] is True  # too early: said so, and went ahead by itself
    assert seen["pages"][0] == "tasks" and seen["title"] == "Mijn taken"
    assert seen["code"] == 0


# -- the first look into the folder -----------------------------------------------------
def test_peek_tells_a_computer_with_an_account(with_account: Path, tmp_path: Path) -> None:
    assert peek(with_account) == FolderPeek(has_profile=True, accounts=1)
    assert peek(tmp_path / "nothing-here") is None


def test_peek_without_account_or_profile(tmp_path: Path) -> None:
    svc = open_services(tmp_path / "d")
    svc.db.close()
    found = peek(tmp_path / "d")
    assert found == FolderPeek(has_profile=False, accounts=0) and not found.sign_in_first
    svc = make_minimal_data(open_services(tmp_path / "d"))
    svc.db.close()
    found = peek(tmp_path / "d")
    assert found == FolderPeek(has_profile=True, accounts=0) and not found.sign_in_first


def test_peek_is_unsure_about_a_damaged_or_foreign_file(tmp_path: Path) -> None:
    (tmp_path / "damaged").mkdir()
    (tmp_path / "damaged" / DB_FILENAME).write_bytes(b"not a database at all" * 100)
    assert peek(tmp_path / "damaged") is None
    (tmp_path / "foreign").mkdir()
    sqlite3.connect(tmp_path / "foreign" / DB_FILENAME).execute(
        "CREATE TABLE local_setting (key TEXT, value TEXT)").connection.commit()
    assert peek(tmp_path / "foreign") is None  # no worker or account table


def test_peek_writes_nothing(with_account: Path) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in with_account.iterdir()}
    assert peek(with_account) is not None
    assert {p.name: p.stat().st_mtime_ns for p in with_account.iterdir()} == before


# -- in this process: the steps of a start with an account -------------------------------
class App:
    """The QApplication, except that ending the app is only written down: a real
    exit() outside exec() would make every later event loop of the test run return
    at once."""

    def __init__(self, qapp: QApplication) -> None:
        self.qapp = qapp
        self.exit_codes: list[int] = []

    def exit(self, code: int) -> None:
        self.exit_codes.append(code)

    def setQuitOnLastWindowClosed(self, on: bool) -> None:
        pass  # closing the test's window must not end the test run either


def locked_start(qapp: QApplication, folder: Path) -> app_module.Startup:
    startup = app_module.Startup(App(qapp), None, demo=False)  # type: ignore[arg-type]
    startup.show_sign_in(folder)
    assert isinstance(startup.window, MainWindow) and not startup.window.attached
    assert isinstance(startup.panel, SignInPanel)
    return startup


def finish(startup: app_module.Startup) -> None:
    operations.shutdown()
    window = startup.window
    if isinstance(window, MainWindow):
        lock = getattr(window, "idle_lock", None)
        if lock is not None:
            lock.stop()
        window.detach()
        window.close()
    if startup.services is not None:
        startup.services.db.close()


def test_signing_in_turns_the_locked_window_into_the_main_window(
        qtbot: Any, qapp: QApplication, with_account: Path) -> None:
    startup = locked_start(qapp, with_account)
    try:
        window = startup.window
        assert isinstance(window, MainWindow)
        qtbot.waitUntil(lambda: startup.services is not None, timeout=30_000)
        panel = startup.panel
        assert panel is not None and panel.services is startup.services
        panel.username.setText("fatima")
        panel.password.setText(PASSWORD)
        panel.submit()
        assert window.attached and startup.panel is None
        assert window.page_keys()[0] == "tasks"
        assert "Fatima de Vries" in window.who_label.text()
        assert startup.services is not None and not startup.services.system_rights
        assert window.idle_lock is not None  # type: ignore[attr-defined]
    finally:
        finish(startup)


def test_a_too_new_database_behind_the_sign_in_is_refused_with_a_message(
        qtbot: Any, qapp: QApplication, with_account: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(ui_errors, "show_error", lambda p, t, m: shown.append(m))

    def too_new(data_dir: Any) -> Services:
        raise SchemaTooNewError("Deze gegevens zijn gemaakt met een nieuwere versie.")

    monkeypatch.setattr(app_module, "open_data", too_new)
    startup = locked_start(qapp, with_account)
    try:
        qtbot.waitUntil(lambda: startup.stopped, timeout=30_000)
        assert startup.exit_code == 1 and startup.app.exit_codes == [1]  # type: ignore[attr-defined]
        assert shown == ["Deze gegevens zijn gemaakt met een nieuwere versie."]
    finally:
        finish(startup)


def test_a_bug_while_loading_is_shown_and_the_form_says_what_to_do(
        qtbot: Any, qapp: QApplication, with_account: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bugs: list[BaseException] = []
    monkeypatch.setattr(ui_errors, "show_bug", lambda p, exc: bugs.append(exc))

    def broken(data_dir: Any) -> Services:
        raise RuntimeError("a bug")

    monkeypatch.setattr(app_module, "open_data", broken)
    startup = locked_start(qapp, with_account)
    try:
        panel = startup.panel
        assert panel is not None
        qtbot.waitUntil(lambda: bool(panel.message.text()), timeout=30_000)
        assert [str(b) for b in bugs] == ["a bug"]
        assert "Klik op Stoppen" in panel.message.text()
        assert not panel.ok_button.isEnabled() and panel.stop_button.isEnabled()
    finally:
        finish(startup)


def test_a_folder_that_lost_its_accounts_meanwhile_gets_the_usual_start(
        qtbot: Any, qapp: QApplication, with_account: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first look saw an account; by the time the data layer is open there is
    none (removed in between): the start goes on as for a profile without one."""
    startup = locked_start(qapp, with_account)
    went_on: list[bool] = []
    monkeypatch.setattr(startup, "start", lambda: went_on.append(True))
    conn = sqlite3.connect(with_account / DB_FILENAME)  # the account is switched off
    with conn:
        conn.execute("UPDATE account SET active = 0")
    conn.close()
    try:
        qtbot.waitUntil(lambda: bool(went_on), timeout=30_000)
        assert startup.window is None and startup.panel is None
    finally:
        finish(startup)
