"""Synchronisatie as a coordinator and a second worker use it, with a real folder
hub under tmp_path: make a team, join it from another computer, edit the same
referral on both, see the conflict, keep the other value, see it arrive; a
damaged bundle shown with its reason; automatic sync; joining with a bad file."""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gezond_desktop.services import Services, open_services
from gezond_desktop.services.referrals import ReferralInput
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.sync.service import ConflictSide, ConflictView, PeerView, ProblemView
from gezond_desktop.ui import errors as ui_errors
from gezond_desktop.ui.common import last_sync_text
from gezond_desktop.ui.dialogs_sync import ConflictDialog, CreateTeamDialog, JoinTeamDialog
from gezond_desktop.ui.pages.sync import (
    AUTO_SETTING,
    ConflictRow,
    ConflictsModel,
    ProblemsModel,
    SyncPage,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SHOTS = os.environ.get("GEZOND_SHOTS")
WAIT = 15_000


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A message box would block the test; every problem must show in the page."""
    shown: list[str] = []

    def fail_error(_parent: Any, _title: str, message: str) -> None:
        shown.append(message)
        raise AssertionError(f"message box: {message}")

    def fail_bug(_parent: Any, exc: BaseException) -> None:
        raise AssertionError(f"bug dialog: {exc!r}") from exc

    monkeypatch.setattr(ui_errors, "show_error", fail_error)
    monkeypatch.setattr(ui_errors, "show_bug", fail_bug)
    return shown


def coordinator(path: Path, device: str, name: str) -> Services:
    svc = open_services(path, device_name=device)
    me = svc.workers.create(name, "coordinator")
    svc.workers.set_current(me.id)
    return svc.as_worker(me.id)


@pytest.fixture
def fatima(tmp_path: Path) -> Iterator[Services]:
    svc = coordinator(tmp_path / "laptop-fatima", "Laptop Fatima", "Fatima de Vries")
    svc.reference.save("neighbourhood", {
        "name": "Hambaken", "code": "hambaken", "municipality": "'s-Hertogenbosch",
        "is_focus": True})
    yield svc
    svc.db.close()


@pytest.fixture
def ahmed(tmp_path: Path) -> Iterator[Services]:
    svc = coordinator(tmp_path / "laptop-ahmed", "Laptop Ahmed", "Ahmed Yilmaz")
    yield svc
    svc.db.close()


def make_page(qtbot: QtBot, svc: Services) -> SyncPage:
    page = SyncPage(svc)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    qtbot.waitUntil(page.idle, timeout=WAIT)
    return page


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def sync_with_button(qtbot: QtBot, page: SyncPage) -> None:
    assert page.sync_button.isEnabled()
    click(qtbot, page.sync_button)
    qtbot.waitUntil(page.idle, timeout=WAIT)
    assert page.result_label.text().startswith("Klaar"), page.result_label.text()


def create_team(qtbot: QtBot, page: SyncPage, hub: Path, invitation: Path) -> None:
    click(qtbot, page.create_button)
    dialog = page.dialog
    assert isinstance(dialog, CreateTeamDialog)
    # The invitation holds the team key: it may not go into the shared folder.
    qtbot.keyClicks(dialog.folder.edit, str(hub))
    dialog.invitation.edit.clear()
    qtbot.keyClicks(dialog.invitation.edit, str(hub / "uitnodiging.json"))
    qtbot.keyClick(dialog.invitation.edit, Qt.Key.Key_Return)
    assert dialog.invitation.error.isVisible()
    assert "niet in de gedeelde map" in dialog.invitation.error.text()
    shot(dialog, "sync_create_team_error")
    assert not (hub / "hub.json").exists()
    dialog.invitation.edit.clear()
    qtbot.keyClicks(dialog.invitation.edit, str(invitation))
    shot(dialog, "sync_create_team")
    qtbot.keyClick(dialog.invitation.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.invitation_path is not None, timeout=WAIT)
    qtbot.waitUntil(page.idle, timeout=WAIT)


def join_team(qtbot: QtBot, page: SyncPage, invitation: Path) -> None:
    click(qtbot, page.join_button)
    dialog = page.dialog
    assert isinstance(dialog, JoinTeamDialog)
    qtbot.keyClicks(dialog.invitation.edit, str(invitation))
    shot(dialog, "sync_join_team")
    qtbot.keyClick(dialog.invitation.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.joined, timeout=WAIT)
    qtbot.waitUntil(page.idle, timeout=WAIT)


def reason_of(svc: Services, referral_id: uuid.UUID) -> str:
    with svc.db.engine.connect() as conn:  # stored encrypted (docs/encryption.md)
        return str(svc.db.keyring.decrypt(conn.exec_driver_sql(
            "SELECT reason FROM referral WHERE id = ?", (referral_id.bytes,)).scalar()))


def test_team_conflict_reviewed_and_choice_reaches_other_laptop(
        qtbot: QtBot, tmp_path: Path, fatima: Services, ahmed: Services) -> None:
    hub, invitation = tmp_path / "teammap", tmp_path / "usb" / "uitnodiging.json"
    invitation.parent.mkdir()

    # Fatima (coordinator) makes the team from the app.
    page_f = make_page(qtbot, fatima)
    assert "nog niet aangesloten" in page_f.hub_label.text()
    assert page_f.create_button.isVisible() and not page_f.sync_button.isEnabled()
    create_team(qtbot, page_f, hub, invitation)
    assert (hub / "hub.json").exists() and invitation.exists()
    assert str(hub) in page_f.hub_label.text()
    assert "bereikbaar" in page_f.reach_label.text()
    assert not page_f.create_button.isVisible() and not page_f.join_button.isVisible()

    resident = fatima.residents.create(ResidentInput(alias="Mevrouw K."))
    referral = fatima.referrals.register(ReferralInput(
        resident_id=resident.id, pathway="welzijn_op_recept", source="gp",
        registered_on=dt.date.today() - dt.timedelta(days=3), reason="Voelt zich alleen"))
    qtbot.waitUntil(page_f.idle, timeout=WAIT)
    assert page_f.last_label.text() == "nog nooit"
    assert page_f.unsynced_label.text() != "Alles is gedeeld."
    sync_with_button(qtbot, page_f)
    assert page_f.unsynced_label.text() == "Alles is gedeeld."
    assert page_f.last_label.text() != "nog nooit"
    # The status bar reads the same last-sync setting the engine writes.
    assert last_sync_text(fatima).startswith("Laatst gesynchroniseerd")

    # Ahmed joins from his laptop with the invitation file and gets the referral.
    page_a = make_page(qtbot, ahmed)
    join_team(qtbot, page_a, invitation)
    assert str(hub) in page_a.hub_label.text()
    sync_with_button(qtbot, page_a)
    assert reason_of(ahmed, referral.id) == "Voelt zich alleen"

    # Both change the reason of the same referral before syncing.
    fatima.referrals.update(referral.id, reason="Eenzaam, wil graag samen koken")
    ahmed.referrals.update(referral.id, reason="Eenzaam, zoekt vrijwilligerswerk")
    sync_with_button(qtbot, page_f)
    sync_with_button(qtbot, page_a)
    sync_with_button(qtbot, page_f)

    # The later edit (Ahmed's) won everywhere; Fatima sees the conflict listed.
    assert reason_of(fatima, referral.id) == "Eenzaam, zoekt vrijwilligerswerk"
    assert reason_of(ahmed, referral.id) == "Eenzaam, zoekt vrijwilligerswerk"
    model = page_f.conflicts_model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[0] == "Verwijzing: Reden"
    assert row[1] == "Mevrouw K."
    assert row[2] == "Eenzaam, zoekt vrijwilligerswerk"
    assert row[3] == "Eenzaam, wil graag samen koken"
    assert page_f.review_button.isVisible()
    assert "Nog te bekijken: 1" in page_f.conflict_info.text()
    shot(page_f, "sync_page_conflict")

    click(qtbot, page_f.review_button)
    dialog = page_f.dialog
    assert isinstance(dialog, ConflictDialog)
    texts = " ".join(lbl.text() for lbl in dialog.findChildren(type(page_f.hub_label)))
    assert "Ahmed Yilmaz" in texts and "Fatima de Vries" in texts
    assert "Laptop Ahmed" in texts and "Laptop Fatima" in texts
    assert dialog.value_labels["winner"].text() == "Eenzaam, zoekt vrijwilligerswerk"
    assert dialog.value_labels["loser"].text() == "Eenzaam, wil graag samen koken"
    shot(dialog, "sync_conflict_dialog")
    click(qtbot, dialog.keep_buttons["loser"])
    qtbot.waitUntil(lambda: dialog.kept == "loser", timeout=WAIT)
    qtbot.waitUntil(page_f.idle, timeout=WAIT)
    assert reason_of(fatima, referral.id) == "Eenzaam, wil graag samen koken"
    assert page_f.conflicts_model.rowCount() == 0
    assert page_f.conflict_info.text() == "Er zijn geen conflicten."
    assert page_f.unsynced_label.text() != "Alles is gedeeld."  # the choice is a change

    # The choice syncs: Ahmed's laptop adopts it and has no open conflict either.
    sync_with_button(qtbot, page_f)
    sync_with_button(qtbot, page_a)
    assert reason_of(ahmed, referral.id) == "Eenzaam, wil graag samen koken"
    assert page_a.conflicts_model.rowCount() == 0
    sync_with_button(qtbot, page_f)
    assert reason_of(fatima, referral.id) == "Eenzaam, wil graag samen koken"
    assert page_f.conflicts_model.rowCount() == 0


def test_damaged_bundle_is_set_apart_with_its_reason(
        qtbot: QtBot, tmp_path: Path, fatima: Services, ahmed: Services) -> None:
    hub, invitation = tmp_path / "teammap", tmp_path / "uitnodiging.json"
    page_f = make_page(qtbot, fatima)
    create_team(qtbot, page_f, hub, invitation)
    page_a = make_page(qtbot, ahmed)
    join_team(qtbot, page_a, invitation)
    ahmed.residents.create(ResidentInput(alias="Meneer B."))
    sync_with_button(qtbot, page_a)
    assert not page_f.problem_box.isVisible()

    bundles = sorted((hub / "devices" / str(ahmed.db.device_id)).glob("*.gzb"))
    assert bundles
    data = bytearray(bundles[-1].read_bytes())
    data[len(data) // 2] ^= 0xFF
    bundles[-1].write_bytes(bytes(data))

    sync_with_button(qtbot, page_f)
    assert "Niet verwerkte bestanden: 1" in page_f.result_label.text()
    assert page_f.problem_box.isVisible()
    model = page_f.problems_model
    assert model.rowCount() == 1
    what, reason, source = (model.data(model.index(0, c)) for c in range(3))
    assert what == "Apart gezet"
    assert bundles[-1].name in source
    assert reason and "Traceback" not in reason and reason.endswith(".")
    with fatima.db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT COUNT(*) FROM resident WHERE alias = 'Meneer B.'").scalar() == 0
    shot(page_f, "sync_page_quarantine")


def test_automatic_sync_only_when_the_hub_is_reachable(
        qtbot: QtBot, tmp_path: Path, fatima: Services) -> None:
    hub = tmp_path / "teammap"
    page = make_page(qtbot, fatima)
    assert page.auto_minutes.value() == 5 and page.auto_timer.interval() == 5 * 60_000
    page.auto_minutes.selectAll()
    qtbot.keyClicks(page.auto_minutes, "10")
    assert fatima.db.setting(AUTO_SETTING) == "10"
    assert page.auto_timer.isActive() and page.auto_timer.interval() == 10 * 60_000
    create_team(qtbot, page, hub, tmp_path / "uitnodiging.json")
    fatima.residents.create(ResidentInput(alias="Mevrouw D."))
    qtbot.waitUntil(page.idle, timeout=WAIT)

    # The USB stick is gone: the timer tick does nothing and says nothing.
    hub.rename(tmp_path / "weg")
    page.auto_sync()
    qtbot.waitUntil(page.idle, timeout=WAIT)
    assert page.last_label.text() == "nog nooit"
    assert "niet bereikbaar" in page.reach_label.text()
    assert page.result_label.text() == "" or "Klaar" not in page.result_label.text()

    # Back again: the next tick syncs.
    (tmp_path / "weg").rename(hub)
    page.auto_sync()
    qtbot.waitUntil(page.idle, timeout=WAIT)
    assert page.result_label.text().startswith("Klaar")
    assert page.unsynced_label.text() == "Alles is gedeeld."
    assert page.last_label.text() != "nog nooit"

    qtbot.keyClick(page.auto_minutes, Qt.Key.Key_PageDown)  # 10 steps down: 0 = uit
    assert page.auto_minutes.text() == "uit" and not page.auto_timer.isActive()
    assert fatima.db.setting(AUTO_SETTING) == "0"


def test_joining_with_a_wrong_file_says_what_to_do(
        qtbot: QtBot, tmp_path: Path, ahmed: Services) -> None:
    page = make_page(qtbot, ahmed)
    click(qtbot, page.join_button)
    dialog = page.dialog
    assert isinstance(dialog, JoinTeamDialog)
    qtbot.keyClick(dialog.invitation.edit, Qt.Key.Key_Return)
    assert "Kies het uitnodigingsbestand" in dialog.invitation.error.text()
    bad = tmp_path / "boodschappen.json"
    bad.write_text("{\"melk\": 2}")
    qtbot.keyClicks(dialog.invitation.edit, str(bad))
    qtbot.keyClick(dialog.invitation.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=WAIT)
    assert "kan niet worden gelezen" in dialog.invitation.error.text()
    assert dialog.invitation.error.isVisible() and not dialog.joined
    dialog.reject()
    qtbot.waitUntil(page.idle, timeout=WAIT)
    assert "nog niet aangesloten" in page.hub_label.text()


def test_laptop_with_clock_ahead_is_named(qtbot: QtBot, tmp_path: Path, fatima: Services,
                                          ahmed: Services,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    hub, invitation = tmp_path / "teammap", tmp_path / "uitnodiging.json"
    page_f = make_page(qtbot, fatima)
    create_team(qtbot, page_f, hub, invitation)
    page_a = make_page(qtbot, ahmed)
    join_team(qtbot, page_a, invitation)
    real = time.time
    with monkeypatch.context() as m:  # Ahmed's laptop clock runs two hours ahead
        m.setattr(time, "time", lambda: real() + 2 * 3600)
        ahmed.residents.create(ResidentInput(alias="Meneer T."))
        sync_with_button(qtbot, page_a)
    assert not page_f.clock_label.isVisible()
    sync_with_button(qtbot, page_f)
    assert page_f.clock_label.isVisible()
    assert page_f.clock_label.text().startswith("De klok van Laptop Ahmed loopt 2 uur voor.")
    shot(page_f, "sync_page_clock")


def test_clock_offset_in_plain_dutch(qtbot: QtBot, fatima: Services) -> None:
    page = make_page(qtbot, fatima)

    def peer(ms: int) -> PeerView:
        return PeerView(uuid.uuid4(), "laptop X", ms, True, None)

    assert page.clock_text(peer(2 * 3600_000)).startswith("De klok van laptop X loopt 2 uur voor.")
    assert page.clock_text(peer(25 * 60_000)).startswith(
        "De klok van laptop X loopt 25 minuten voor.")
    assert page.clock_text(peer(3 * 86_400_000)).startswith(
        "De klok van laptop X loopt 3 dagen voor.")


def test_models_pass_the_qt_model_tester(qtbot: QtBot) -> None:
    side = ConflictSide("a", uuid.uuid4(), "Laptop", uuid.uuid4(), "Fatima", dt.datetime.now())
    view = ConflictView(uuid.uuid4(), "referral", uuid.uuid4(), "reason", "field", side, side,
                        dt.datetime.now())
    conflicts = ConflictsModel()
    QAbstractItemModelTester(conflicts, QAbstractItemModelTester.FailureReportingMode.Fatal)
    conflicts.set_rows([ConflictRow(view, "Verwijzing: Reden", "Mevrouw K.", "a", "b",
                                   "1-1-2026 10:00")] * 3)
    assert conflicts.rowCount() == 3 and conflicts.data(conflicts.index(2, 3)) == "b"
    conflicts.set_rows([])
    problems = ProblemsModel()
    QAbstractItemModelTester(problems, QAbstractItemModelTester.FailureReportingMode.Fatal)
    problems.set_rows([ProblemView("x/1.gzb", "held", "Werk de app bij."),
                       ProblemView("x/2.gzb", "quarantined", "Beschadigd.")])
    assert problems.data(problems.index(0, 0)) == "Wacht op een nieuwere app"
    assert problems.data(problems.index(1, 1)) == "Beschadigd."


def test_status_bar_shows_the_sync_the_page_made(qtbot: QtBot, tmp_path: Path,
                                                 main_window: Any) -> None:
    assert main_window.sync_label.text() == "Nog niet gesynchroniseerd"
    page = main_window.show_page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(page.idle, timeout=WAIT)
    create_team(qtbot, page, tmp_path / "teammap", tmp_path / "uitnodiging.json")
    sync_with_button(qtbot, page)
    # The status bar settles on: synced just now, nothing left to share.
    qtbot.waitUntil(lambda: main_window.sync_label.text().startswith(
        "Laatst gesynchroniseerd: ") and main_window.pending_label.text()
        == "Niet-gedeelde wijzigingen: 0", timeout=WAIT)
    shot(main_window, "sync_main_window")
