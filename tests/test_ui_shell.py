"""The desktop shell: main window, pages, status bar, operations, errors, first run."""

from __future__ import annotations

import sys
import threading
import time
import types
import uuid
from pathlib import Path
from typing import Any

import pytest
from conftest import make_minimal_data
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QWidget,
)

from gezond_desktop.errors import FieldError, SchemaTooNewError, StorageError, ValidationError
from gezond_desktop.services import Services, open_services
from gezond_desktop.tasks import Cancelled, TaskState
from gezond_desktop.ui import errors as ui_errors
from gezond_desktop.ui import mainwindow as mw_module
from gezond_desktop.ui import operations
from gezond_desktop.ui.first_run import FirstRunDialog, folder_warning
from gezond_desktop.ui.mainwindow import MainWindow
from gezond_desktop.ui.paged_model import Column, PagedTableModel, list_fetcher, setup_table_view
from gezond_desktop.ui.pages import PAGES, PageSpec, pages_for, spec
from gezond_desktop.ui.settings import log_path, remembered_data_dir, setup_logging


def pending(services: Services) -> int:
    return int(services.stats.counts()["pending_changes"])


# -- main window --------------------------------------------------------------------
def test_every_page_opens_and_status_bar_tells_who_and_what(main_window: MainWindow,
                                                            services: Services) -> None:
    keys = main_window.page_keys()
    assert keys[0] == "tasks" and {"reports", "sync"} <= set(keys)
    for i, key in enumerate(keys):
        main_window.nav.setCurrentRow(i)
        assert main_window.current_key() == key
        page = main_window.current_page()
        assert page is not None and main_window.stack.currentWidget() is page
        assert page.isVisible()
        assert isinstance(page.title, str) and page.title  # type: ignore[attr-defined]
    assert main_window.who_label.text() == "Medewerker: Fatima de Vries (Coördinator)"
    assert main_window.pending_label.text() == \
        f"Niet-gedeelde wijzigingen: {pending(services)}"
    assert main_window.sync_label.text() == "Nog niet gesynchroniseerd"


def test_my_tasks_lists_due_and_overdue_follow_ups(qtbot: Any, services: Services,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses
    import datetime as dt

    from gezond_desktop.ui.pages.tasks import TasksPage

    @dataclasses.dataclass(frozen=True)
    class Row:
        id: uuid.UUID
        follow_up_on: dt.date
        resident_alias: str
        status_label: str

    today = dt.date.today()
    asked: list[tuple[Any, Any]] = []

    def follow_ups(worker_id: Any, day: Any) -> list[Row]:
        asked.append((worker_id, day))
        return [Row(uuid.uuid4(), today, "Mevrouw B.", "Aangemeld"),
                Row(uuid.uuid4(), today - dt.timedelta(days=3), "Meneer K.", "Intake")]

    monkeypatch.setattr(services.referrals, "follow_ups", follow_ups, raising=False)
    monkeypatch.delattr(type(services.encounters), "follow_ups", raising=False)
    page = TasksPage(services)
    qtbot.addWidget(page)
    assert asked == [(services.worker_id, today)]
    rows = [[page.tree.topLevelItem(i).text(c) for c in range(4)]
            for i in range(page.tree.topLevelItemCount())]
    assert [r[1:] for r in rows] == [
        ["Verwijzing", "Meneer K. · Intake", "3 dag(en) te laat"],
        ["Verwijzing", "Mevrouw B. · Aangemeld", "Vandaag"],
    ]
    opened: list[tuple[str, Any]] = []
    page.open_requested.connect(lambda key, rid: opened.append((key, rid)))
    page.tree.itemActivated.emit(page.tree.topLevelItem(0), 0)
    assert opened and opened[0][0] == "referrals"


def clipped_texts(root: QWidget) -> list[str]:
    """Visible labels, buttons and drop-downs narrower or lower than their text needs."""
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, (QLabel, QAbstractButton, QComboBox)) or not w.isVisible():
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or not w.text()):
            continue  # wrapped text takes more lines instead
        if isinstance(w.parent(), QTabBar):
            continue  # the scroll arrows of a tab bar
        need = w.minimumSizeHint()
        if w.width() < need.width() - 1 or w.height() < need.height() - 1:
            text = w.currentText() if isinstance(w, QComboBox) else w.text()
            out.append(f"{type(w).__name__} {text!r}: {w.width()}x{w.height()} < "
                       f"{need.width()}x{need.height()}")
    return out


@pytest.mark.parametrize(("text_scale", "screen"), [
    (1.5, QSize(1920, 1080)),  # a full-HD laptop with text at 150%
    (1.0, QSize(1280, 720)),  # the same screen at 150% display scaling
])
def test_every_screen_is_readable_with_large_text(
        qapp: QApplication, qtbot: Any, services: Services, text_scale: float,
        screen: QSize) -> None:
    from gezond_desktop.ui.idle_lock import LockScreen
    from gezond_desktop.ui.login import SignInPanel

    normal = qapp.font()
    large = QFont(normal)
    large.setPointSizeF(normal.pointSizeF() * text_scale)
    qapp.setFont(large)
    try:
        locked = MainWindow(data_dir=services.db.data_dir)
        qtbot.addWidget(locked)
        locked.setCentralWidget(SignInPanel(locked, services))
        locked.resize(screen)
        locked.show()
        qtbot.wait(10)
        assert clipped_texts(locked) == []
        lock = LockScreen(services, "fatima", locked)  # the idle lock's screen
        lock.setGeometry(locked.rect())
        lock.show()
        qtbot.wait(10)
        assert clipped_texts(lock) == []
        first_run = FirstRunDialog(services)
        qtbot.addWidget(first_run)
        first_run.show()
        qtbot.wait(10)
        assert clipped_texts(first_run) == []
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.resize(screen)
        window.show()
        for key in window.page_keys():
            page = window.show_page(key)
            assert page is not None
            qtbot.wait(10)
            assert clipped_texts(page) == [], key
            need = window.minimumSizeHint()
            assert need.width() <= screen.width() and need.height() <= screen.height(), key
            assert window.width() <= screen.width(), key  # the window did not have to grow
        window.detach()
    finally:
        qapp.setFont(normal)


def test_ctrl_digit_switches_pages(main_window: MainWindow, qtbot: Any) -> None:
    keys = main_window.page_keys()
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_key() == keys[2]
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_key() == "tasks"


def test_beheer_only_for_coordinators_and_admins(qtbot: Any, tmp_path: Path) -> None:
    assert spec("admin").allowed_for("coordinator") and spec("admin").allowed_for("admin")
    assert not spec("admin").allowed_for("community_builder")
    svc = make_minimal_data(open_services(tmp_path / "cb"), role="community_builder",
                            name="Sanne")
    try:
        window = MainWindow(svc)
        qtbot.addWidget(window)
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert "Beheer" not in titles and "admin" not in window.page_keys()
        assert "Mijn taken" in titles and "Rapportages" in titles
        assert window.who_label.text() == "Medewerker: Sanne (Community builder)"
        window.detach()
    finally:
        svc.db.close()


def test_save_on_a_worker_thread_updates_visible_page_and_status(
        main_window: MainWindow, services: Services, qtbot: Any) -> None:
    import datetime as dt

    from gezond_desktop.services.encounters import EncounterInput

    tasks = main_window.show_page("tasks")
    assert tasks is not None
    assert tasks.tree.topLevelItemCount() == 0  # type: ignore[attr-defined]
    before = pending(services)
    seen: list[frozenset[str]] = []
    main_window.data_changed.connect(seen.append)

    today = dt.date.today()
    op = operations.run_op(
        main_window,
        lambda st: services.encounters.log(EncounterInput(
            occurred_at=dt.datetime.now() - dt.timedelta(minutes=1), kind="street",
            head_count=2, notes="Vraagt naar schuldhulp", follow_up_on=today)),
        lambda _r: None, title="Opslaan")
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert "encounter" in seen[0]
    # the visible page redrew itself from the broadcast: the follow-up is listed
    qtbot.waitUntil(lambda: tasks.tree.topLevelItemCount() == 1,  # type: ignore[attr-defined]
                    timeout=3000)
    assert tasks.tree.topLevelItem(0).text(3) == "Vandaag"  # type: ignore[attr-defined]
    assert main_window.pending_label.text() == \
        f"Niet-gedeelde wijzigingen: {before + 1}"


class FakeContacts(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = "Contacten"
        self.search = QLineEdit(self)
        self.started = 0
        self.refreshed: list[frozenset[str]] = []
        self.opened: list[uuid.UUID] = []

    def refresh(self, changed: frozenset[str]) -> None:
        self.refreshed.append(changed)

    def start_new(self) -> None:
        self.started += 1

    def focus_search(self) -> None:
        self.search.setFocus()

    def open_record(self, record_id: uuid.UUID) -> None:
        self.opened.append(record_id)


@pytest.fixture
def window_with_fake_contacts(qtbot: Any, services: Services,
                              monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    module = types.ModuleType("gezond_desktop.ui.pages.fake_contacts_for_tests")
    module.__spec__ = types.SimpleNamespace(name=module.__name__)  # type: ignore[assignment]
    module.FakeContacts = FakeContacts  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    fake = PageSpec("contacts", "Contacten", "fake_contacts_for_tests", "FakeContacts")
    monkeypatch.setattr(mw_module, "pages_for", lambda role: [spec("tasks"), fake,
                                                               spec("reports")])
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window


def test_ctrl_n_and_ctrl_f_reach_the_page(window_with_fake_contacts: MainWindow,
                                          qtbot: Any) -> None:
    window = window_with_fake_contacts
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert isinstance(page, FakeContacts) and page.started == 1
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    rid = uuid.uuid4()
    window.show_page("tasks")
    window.open_record("contacts", rid)
    assert window.current_page() is page and page.opened == [rid]
    window.detach()


def test_hidden_page_gets_changes_when_shown(window_with_fake_contacts: MainWindow,
                                             services: Services, qtbot: Any) -> None:
    window = window_with_fake_contacts
    page = window.show_page("contacts")
    assert isinstance(page, FakeContacts)
    window.show_page("tasks")
    services.reference.save("topic", {"name": "Eenzaamheid"})
    services.reference.save("neighbourhood", {"name": "West", "municipality": "'s-Hertogenbosch"})
    qtbot.waitUntil(lambda: "contacts" in window._stale, timeout=3000)
    assert page.refreshed == []  # not visible: nothing redrawn yet
    window.show_page("contacts")
    assert page.refreshed == [frozenset({"topic", "neighbourhood"})]
    window.detach()


def test_window_geometry_is_remembered(qtbot: Any, services: Services) -> None:
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.resize(640, 480)
    first.show()
    first.close()
    second = MainWindow(services)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (640, 480)
    second.detach()


# -- run_op -----------------------------------------------------------------------------
def test_run_op_runs_off_the_ui_thread_and_returns_on_it(qtbot: Any) -> None:
    threads: dict[str, threading.Thread] = {}
    results: list[int] = []

    def work(state: TaskState) -> int:
        threads["work"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        threads["done"] = threading.current_thread()
        results.append(value)

    op = operations.run_op(None, work, done, title="Rekenen")
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert results == [42]
    assert threads["work"] is not threading.main_thread()
    assert threads["done"] is threading.main_thread()
    assert op.dialog is None  # quick work: no progress dialog at all


def test_progress_dialog_appears_late_and_cancel_stops_the_work(qtbot: Any) -> None:
    outcome: list[str] = []
    steps: list[int] = []
    started = time.monotonic()

    def work(state: TaskState) -> str:
        progress = state.progress("Bezig met rekenen")
        for i in range(1000):
            if not progress(i, 1000):
                raise Cancelled()
            steps.append(i)
            time.sleep(0.01)
        return "klaar"

    op = operations.run_op(None, work, outcome.append, title="Lang werk",
                           on_cancelled=lambda: outcome.append("geannuleerd"))
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=3000)
    assert time.monotonic() - started >= 0.55
    dialog = op.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=2000)
    assert dialog.maximum() == 1000
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Annuleren"
    with qtbot.waitSignal(op.finished, timeout=5000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert outcome == ["geannuleerd"]
    assert len(steps) < 1000
    assert op.dialog is None


def test_gezond_error_shows_its_plain_message(qtbot: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(ui_errors, "show_error", lambda p, t, m: shown.append((t, m)))
    monkeypatch.setattr(ui_errors, "show_bug", lambda p, e: pytest.fail("not a bug"))

    def work(state: TaskState) -> None:
        raise StorageError("De schijf is vol. Er is niets opgeslagen.")

    op = operations.run_op(None, work, lambda _: pytest.fail("no result"), title="Opslaan")
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert shown == [("Opslaan", "De schijf is vol. Er is niets opgeslagen.")]


def test_validation_error_can_go_to_the_form(qtbot: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui_errors, "show_error", lambda *a: pytest.fail("form handles it"))
    got: list[ValidationError] = []

    def work(state: TaskState) -> None:
        raise ValidationError(FieldError("head_count", "Vul een aantal van 1 of meer in."))

    op = operations.run_op(None, work, lambda _: None, title="Opslaan",
                           on_error=got.append)  # type: ignore[arg-type]
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert got[0].for_field("head_count") == "Vul een aantal van 1 of meer in."


def test_a_bug_shows_an_apology_and_goes_to_the_log(qtbot: Any, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    setup_logging(tmp_path / "data")
    dialogs: list[ui_errors.BugDialog] = []

    def fake_exec(self: ui_errors.BugDialog) -> int:
        dialogs.append(self)
        return 0

    monkeypatch.setattr(ui_errors.BugDialog, "exec", fake_exec)

    def work(state: TaskState) -> None:
        raise KeyError("kapotte_sleutel")

    op = operations.run_op(None, work, lambda _: None, title="Iets doen")
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    assert "Sorry" in dialog.message.text() and "kapotte_sleutel" not in dialog.message.text()
    dialog.copy_button.click()
    assert "KeyError: 'kapotte_sleutel'" in QGuiApplication.clipboard().text()
    assert dialog.copied.text() == "De details staan nu op het klembord."
    log_text = log_path(tmp_path / "data").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "kapotte_sleutel" in log_text


def test_task_state_progress_raises_after_cancel() -> None:
    state = TaskState()
    progress = state.progress("Stap")
    assert progress(3, 10) is True
    assert state.snapshot().done == 3 and state.snapshot().text == "Stap"
    state.cancel()
    assert progress(4, 10) is False
    with pytest.raises(Cancelled):
        state.check()


# -- first run ------------------------------------------------------------------------
@pytest.fixture
def fresh_services(tmp_path: Path) -> Services:
    svc = open_services(tmp_path / "fresh")
    svc.reference.save("organisation", {"name": "Farent", "kind": "welfare"})
    yield svc  # type: ignore[misc]
    svc.db.close()


def fill_account(dialog: FirstRunDialog) -> None:
    """The first run also makes the sign-in account (username, password twice)."""
    dialog.username.setText("ahmed")
    dialog.password.setText("lang-genoeg-1")
    dialog.password2.setText("lang-genoeg-1")


def test_first_run_shows_what_is_missing_next_to_the_fields(qtbot: Any,
                                                            fresh_services: Services) -> None:
    dialog = FirstRunDialog(fresh_services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors["name"].text() == "Vul uw naam in."
    assert dialog.errors["role"].text() == "Kies uw rol."
    assert dialog.errors["name"].isVisible() and not dialog.errors["data_dir"].isVisible()
    assert fresh_services.workers.current() is None

    qtbot.keyClicks(dialog.name, "Sanne Jansen")
    dialog.role.setCurrentIndex(dialog.role.findData("welfare_coach"))
    dialog.organisation.setCurrentIndex(dialog.organisation.findText("Farent"))
    fill_account(dialog)
    dialog.accept()
    assert not dialog.isVisible()
    me = fresh_services.workers.current()
    assert me is not None and me.name == "Sanne Jansen" and me.role == "welfare_coach"
    assert me.organisation_name == "Farent"
    assert dialog.result_services is not None
    assert dialog.result_services.worker_id == me.id


def test_first_run_service_validation_lands_on_the_field(qtbot: Any,
                                                         fresh_services: Services) -> None:
    dialog = FirstRunDialog(fresh_services)
    qtbot.addWidget(dialog)
    dialog.name.setText("x" * 121)  # longer than the service allows
    dialog.name.setMaxLength(500)
    dialog.name.setText("x" * 121)
    dialog.role.setCurrentIndex(0)
    fill_account(dialog)
    dialog.accept()
    assert "te lang" in dialog.errors["name"].text()
    assert fresh_services.workers.current() is None


def test_first_run_warns_about_cloud_folders(qtbot: Any, fresh_services: Services,
                                             tmp_path: Path) -> None:
    dialog = FirstRunDialog(fresh_services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.folder_note.isVisible()
    dialog.folder.setText(str(tmp_path / "OneDrive - Gemeente" / "Gezond"))
    assert dialog.folder_note.isVisible()
    assert "cloudmap" in dialog.folder_note.text()
    dialog.folder.setText(str(tmp_path / "gewoon"))
    assert not dialog.folder_note.isVisible()


def test_folder_warning_spots_network_mounts(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    for point in ("net", "smb", "gdrive"):
        (tmp_path / point).mkdir()
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        f"server:/export {tmp_path}/net nfs4 rw 0 0\n"
        f"//nas/share {tmp_path}/smb cifs rw 0 0\n"
        f"rclone: {tmp_path}/gdrive fuse.rclone rw 0 0\n"
    )
    assert folder_warning(tmp_path / "net" / "gezond", mounts) is not None
    assert "netwerkschijf" in (folder_warning(tmp_path / "smb", mounts) or "")
    assert folder_warning(tmp_path / "gdrive" / "x", mounts) is not None
    assert folder_warning(tmp_path / "netwerk-niet" / "x", mounts) is None
    assert folder_warning(Path.home() / "Dropbox" / "gezond", mounts) is not None
    assert folder_warning(tmp_path / "lokaal", mounts) is None


def test_first_run_in_another_folder_opens_it_and_remembers_it(
        qtbot: Any, fresh_services: Services, tmp_path: Path) -> None:
    dialog = FirstRunDialog(fresh_services)
    qtbot.addWidget(dialog)
    assert not dialog.device.isEnabled() or dialog._rename_supported
    target = tmp_path / "elders"
    dialog.folder.setText(str(target))
    assert dialog.device.isEnabled()
    dialog.name.setText("Ahmed")
    dialog.role.setCurrentIndex(dialog.role.findData("community_builder"))
    dialog.device.setText("Laptop buurthuis")
    fill_account(dialog)
    dialog.accept()
    svc = dialog.result_services
    assert svc is not None
    try:
        assert svc.db.data_dir == target
        assert (target / "gezond.sqlite").exists()
        assert svc.workers.current() is not None and svc.workers.current().name == "Ahmed"
        assert fresh_services.workers.current() is None
        assert remembered_data_dir() == target
    finally:
        svc.db.close()


def test_first_run_unwritable_folder_message_sits_at_the_folder(
        qtbot: Any, fresh_services: Services) -> None:
    def commit(_result: Any) -> Services:
        raise StorageError("In deze map mag Gezond Desktop niet schrijven.")

    dialog = FirstRunDialog(fresh_services, commit=commit)
    qtbot.addWidget(dialog)
    dialog.name.setText("Ahmed")
    dialog.role.setCurrentIndex(0)
    fill_account(dialog)
    dialog.accept()
    assert dialog.errors["data_dir"].text() == "In deze map mag Gezond Desktop niet schrijven."


# -- start-up -------------------------------------------------------------------------
MAIN_SCRIPT = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gezond_desktop.ui.mainwindow import MainWindow
from gezond_desktop.ui import app as app_module
from gezond_desktop.ui.login import SignInPanel
seen = {}
def sign_in():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and isinstance(w.centralWidget(), SignInPanel):
            w.centralWidget().username.setText("fatima")
            w.centralWidget().password.setText("wachtwoord-123")
            w.centralWidget().submit()
            return
    QTimer.singleShot(50, sign_in)
def look_and_quit(tries=0):
    windows = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, MainWindow) and w.isVisible() and w.attached]
    if not windows and tries < 600:
        QTimer.singleShot(50, lambda: look_and_quit(tries + 1))
        return
    seen["titles"] = [w.nav.item(0).text() for w in windows]
    seen["status"] = [w.sync_label.text() for w in windows]
    for key in (windows[0].page_keys() if windows else []):
        windows[0].show_page(key)
    for w in windows:
        w.close()
app = QApplication([])
QTimer.singleShot(0, sign_in)
QTimer.singleShot(0, look_and_quit)
code = app_module.main(sys.argv[1:])
seen["code"] = code
seen["heavy"] = sorted(m for m in ("pandas", "reportlab") if m in sys.modules)
print("RESULT " + json.dumps(seen))
"""


def test_main_opens_the_window_in_english_without_heavy_imports(services: Services) -> None:
    import json
    import os
    import subprocess

    data_dir = services.db.data_dir
    me = services.workers.current()
    assert me is not None
    services.as_worker(None).accounts.create_account(me.id, "fatima", "wachtwoord-123")
    services.db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", MAIN_SCRIPT, "--data-dir", str(data_dir), "--lang", "en"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    assert lines, proc.stderr[-3000:]
    seen = json.loads(lines[0][len("RESULT "):])
    assert seen["code"] == 0
    assert seen["titles"] == ["My tasks"]
    assert seen["status"] == ["Not synchronised yet"]
    assert seen["heavy"] == [], "pandas/reportlab must only load when a report is made"
    assert log_path(data_dir).exists()


def test_main_refuses_a_too_new_database_with_a_message(
        qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gezond_desktop.ui import app as app_module

    shown: list[str] = []
    monkeypatch.setattr(ui_errors, "show_error", lambda p, t, m: shown.append(m))

    def too_new(data_dir: Any) -> Services:
        raise SchemaTooNewError("Deze gegevens zijn gemaakt met een nieuwere versie.")

    monkeypatch.setattr(app_module, "open_data", too_new)
    assert app_module.main(["--data-dir", str(tmp_path / "d")]) == 1
    assert shown == ["Deze gegevens zijn gemaakt met een nieuwere versie."]


def test_registry_lists_every_main_screen() -> None:
    assert [p.key for p in PAGES] == ["tasks", "contacts", "residents", "referrals",
                                      "activities", "reports", "sync", "admin", "accounts"]
    assert all(p.key != "admin" for p in pages_for("key_figure"))
    assert all(p.key != "accounts" for p in pages_for("coordinator"))


# -- paged model ---------------------------------------------------------------------------
ROWS = [{"n": i, "name": f"Inwoner {i:05d}", "year": 1950 + i % 60} for i in range(10_000)]
COLUMNS: list[Column[dict[str, Any]]] = [
    Column("Nummer", lambda r: r["n"], Qt.AlignmentFlag.AlignRight),
    Column("Naam", lambda r: r["name"]),
    Column("Geboortejaar", lambda r: r["year"]),
]


def test_paged_model_passes_the_qt_model_tester(qtbot: Any) -> None:
    model = PagedTableModel(list_fetcher(ROWS), lambda: len(ROWS), COLUMNS)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    while model.canFetchMore(QModelIndex()) and model.loaded() < 1000:
        model.fetchMore(QModelIndex())
    model.reset()
    assert model.rowCount() == 0


def test_paged_model_loads_pages_on_demand_only(qtbot: Any) -> None:
    model = PagedTableModel(list_fetcher(ROWS, key=lambda r: r["n"]), lambda: len(ROWS),
                            COLUMNS, page_size=200)
    view = QTableView()
    qtbot.addWidget(view)
    setup_table_view(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitUntil(lambda: model.loaded() > 0, timeout=3000)
    assert 200 <= model.loaded() <= 400  # first page(s) only, never all 10,000
    assert model.total() == 10_000
    assert model.data(model.index(5, 1)) == "Inwoner 00005"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Geboortejaar"
    first = model.loaded()
    view.scrollToBottom()  # reaching the end of what is loaded fetches the next page
    qtbot.waitUntil(lambda: model.loaded() > first, timeout=3000)
    assert model.loaded() < 10_000
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.loaded() == 10_000 and model.fetch_calls == 50
    assert model.row(9_999)["n"] == 9_999
