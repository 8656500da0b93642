"""Activiteiten as a coordinator uses it: activities, a new session, the roll call
of a 20-person session by keyboard, and importing a sign-in list with bad rows."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gezond_desktop.ids import uuid7
from gezond_desktop.models import Resident
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.activities import ActivityInput, normalise_alias
from gezond_desktop.ui.dialogs_activity import (
    AttendancePreviewModel,
    Person,
    RollCallDialog,
    RollCallModel,
    SessionDialog,
)
from gezond_desktop.ui.pages.activities import (
    ActivitiesPage,
    ActivityListModel,
    SessionListModel,
)

# The offscreen platform says this about every window it shows; it is harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = dt.date.today()
TUESDAY = 1
SHOTS = os.environ.get("GEZOND_SHOTS")


def last_tuesday() -> dt.date:
    return TODAY - dt.timedelta(days=(TODAY.weekday() - TUESDAY) % 7)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    base = open_services(tmp_path / "data")
    me = base.workers.create("Ilse", "coordinator")
    services = base.as_worker(me.id)
    services.imports.load_bundled_reference()
    yield services
    services.db.close()


def make_residents(svc: Services, aliases: list[str]) -> list[uuid.UUID]:
    ids = [uuid7() for _ in aliases]
    with svc.db.write(svc.worker_id) as s:
        for rid, alias in zip(ids, aliases, strict=True):
            s.add(Resident(id=rid, alias=alias, alias_key=normalise_alias(alias)))
    return ids


def veadseat(svc: Services) -> uuid.UUID:
    found = [a for a in svc.activities.list() if a.name == "VeadsEat"]
    if found:
        return found[0].id
    return svc.activities.create(ActivityInput(
        name="VeadsEat", schedule_kind="weekly", weekday=TUESDAY,
        start_time=dt.time(12, 0))).id


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


class Keys:
    """qtbot key presses and clicks, counted: what a user does."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(self, widget: QWidget, key: Qt.Key,
              mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        self.qtbot.keyClick(widget, key, mod)

    def type(self, widget: QWidget, text: str) -> None:
        self.count += len(text)
        self.qtbot.keyClicks(widget, text)

    def click(self, widget: QWidget) -> None:
        self.count += 1
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def wait_active(qtbot: QtBot, window: QWidget) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def focused() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None
    return w


# -- the roll call ------------------------------------------------------------------------


def test_twenty_person_session_recorded_by_keyboard(qtbot: QtBot, svc: Services) -> None:
    activity_id = veadseat(svc)
    # Last week's lunch: 18 guests (one of them, Dirk, does not come today).
    regulars = [f"Gast {c}" for c in "ABCDEFGHIJKLMNOPQ"] + ["Dirk"]
    regular_ids = make_residents(svc, regulars)
    karim, wilma = make_residents(svc, ["Karim", "Wilma"])
    make_residents(svc, ["Karel", "Wim"])  # similar aliases, not there today
    previous = svc.activities.create_session(activity_id, last_tuesday() - dt.timedelta(7))
    svc.activities.save_roll_call(previous.id, [(r, "participant") for r in regular_ids], 2)

    page = ActivitiesPage(svc)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    page.select_activity(activity_id)
    assert page.sessions.rowCount() == 1

    keys = Keys(qtbot)
    keys.click(page.new_session_button)
    session_dialog = page.dialog
    assert isinstance(session_dialog, SessionDialog)
    # The next scheduled date is proposed: the Tuesday after last week's lunch.
    assert session_dialog.date.date().toPython() == last_tuesday()
    wait_active(qtbot, session_dialog)
    shot(session_dialog, "session_dialog")
    keys.press(focused(), Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, RollCallDialog)
    wait_active(qtbot, dialog)
    shot(dialog, "roll_call_open")

    # Last week's 18 are listed to tick, by alias; the table has the focus.
    assert [p.alias for p in dialog.model.people] == sorted(regulars, key=str.lower)
    assert not any(p.present for p in dialog.model.people)
    assert focused() is dialog.table
    table = dialog.table
    for row, person in enumerate(dialog.model.people):
        if row:
            keys.press(table, Qt.Key.Key_Down)
        if person.alias == "Dirk":
            continue  # not there today
        if person.alias == "Gast C":
            keys.press(table, Qt.Key.Key_V)  # helps out today: volunteer
        else:
            keys.press(table, Qt.Key.Key_Space)

    # Two others found by alias, one new face added by alias only.
    keys.press(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is dialog.search
    keys.type(dialog.search, "kari")
    keys.press(dialog.search, Qt.Key.Key_Return)
    keys.type(dialog.search, "wilm")
    keys.press(dialog.search, Qt.Key.Key_Return)
    keys.type(dialog.search, "Noor")
    keys.press(dialog.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # Anonymous extra guests: a number.
    keys.press(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert focused() is dialog.guests
    keys.type(dialog.guests, "3")
    assert "20 met naam (waarvan 1 vrijwilliger) + 3 zonder naam = 23" in \
        dialog.count_label.text()
    shot(dialog, "roll_call_filled")
    keys.press(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert dialog.result() == dialog.DialogCode.Accepted
    print(f"roll call of 20 people: {keys.count} key presses")
    assert keys.count < 60, f"{keys.count} key presses for 20 people"

    # What a coordinator checks afterwards: the session in the list with its counts.
    saved = page.sessions.rows[0]
    assert saved.held_on == last_tuesday()
    assert (saved.participants, saved.volunteers, saved.anonymous_guests, saved.total) == \
        (19, 1, 3, 23)
    index = page.sessions.index(0, 4)
    assert page.sessions.data(index) == "23"
    rc = svc.activities.roll_call(saved.id)
    ticked = {e.alias: e.role for e in rc.entries if e.ticked}
    assert len(ticked) == 20
    assert "Dirk" not in ticked
    assert {"Karim", "Wilma", "Noor"} <= ticked.keys()
    assert ticked["Gast C"] == "volunteer"
    assert [r.alias for r in svc.residents.search("Noor")] == ["Noor"]
    assert karim in {e.resident_id for e in rc.entries}
    assert wilma in {e.resident_id for e in rc.entries}
    shot(page, "activities_page")


def test_roll_call_reopened_shows_saved_list_and_unticking_removes(
        qtbot: QtBot, svc: Services) -> None:
    activity_id = veadseat(svc)
    ids = make_residents(svc, ["Ans", "Bram", "Cor"])
    session = svc.activities.create_session(activity_id, last_tuesday())
    svc.activities.save_roll_call(session.id, [(i, "participant") for i in ids], 0)

    dialog = RollCallDialog(svc, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [p.present for p in dialog.model.people] == [True, True, True]
    # Bram was ticked by mistake: untick him with Down + Space, then save.
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    rc = svc.activities.roll_call(session.id)
    assert sorted(e.alias for e in rc.entries if e.ticked) == ["Ans", "Cor"]


def test_new_alias_that_exists_asks_first(qtbot: QtBot, svc: Services) -> None:
    activity_id = veadseat(svc)
    make_residents(svc, ["Fatima"])
    session = svc.activities.create_session(activity_id, last_tuesday())
    dialog = RollCallDialog(svc, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, "Fatima")
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0
    assert "Er is al iemand met de alias Fatima" in dialog.search_error.text()
    assert dialog.search_error.isVisible()
    # A second click means: really someone else.
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert [(p.alias, p.resident_id) for p in dialog.model.people] == [("Fatima", None)]
    # Esc with unsaved ticks does not throw them away at once.
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert "nog niet opgeslagen" in dialog.general_error.text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected


def test_session_date_in_future_is_refused_next_to_the_field(
        qtbot: QtBot, svc: Services) -> None:
    page = ActivitiesPage(svc)
    qtbot.addWidget(page)
    page.select_activity(veadseat(svc))
    dialog = page.new_session()
    assert dialog is not None
    dialog.date.setDate(dialog.date.date().addDays(30))
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert dialog.created is None
    assert dialog.date_error.isVisible()
    assert "toekomst" in dialog.date_error.text()
    assert page.sessions.rowCount() == 0


# -- activities ---------------------------------------------------------------------------


def test_add_edit_and_retire_an_activity(qtbot: QtBot, svc: Services) -> None:
    page = ActivitiesPage(svc)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    before = page.activities.rowCount()
    page.start_new()
    dialog = page.dialog
    from gezond_desktop.ui.dialogs_activity import ActivityDialog

    assert isinstance(dialog, ActivityDialog)
    qtbot.waitExposed(dialog)
    # Saving without a name: the message sits under the name field.
    dialog.weekday.setCurrentIndex(3)  # woensdag
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.saved is None
    assert dialog.errors["name"].isVisible()
    assert "naam" in dialog.errors["name"].text()
    qtbot.keyClicks(dialog.name, "Wandelen in West")
    dialog.neighbourhood.setCurrentIndex(dialog.neighbourhood.findText("West"))
    dialog.start_time.setTime(dialog.start_time.time().fromString("10:30", "HH:mm"))
    tracks = dialog.tracks
    tracks.item(0).setCheckState(Qt.CheckState.Checked)
    shot(dialog, "activity_dialog")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.saved is not None
    assert page.activities.rowCount() == before + 1
    current = page.current_activity()
    assert current is not None and current.name == "Wandelen in West"
    assert current.schedule_text == "Elke week op woensdag, 10:30"
    assert "Elke week op woensdag, 10:30" in page.detail.text()

    # Edit: the dialog opens filled in; change the day.
    edit = page.edit_activity()
    assert edit is not None
    assert edit.name.text() == "Wandelen in West"
    assert edit.neighbourhood.currentText() == "West"
    edit.weekday.setCurrentIndex(5)  # vrijdag
    qtbot.keyClick(edit.name, Qt.Key.Key_Return)
    current = page.current_activity()
    assert current is not None and current.schedule_text == "Elke week op vrijdag, 10:30"

    # Retire: gone from the list, back (greyed) with "Ook niet meer in gebruik".
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert "Wandelen in West" not in [a.name for a in page.activities.rows]
    assert "niet meer in gebruik" in page.status.text()
    page.show_retired.setChecked(True)
    row = [a.name for a in page.activities.rows].index("Wandelen in West")
    index = page.activities.index(row, 0)
    assert page.activities.data(index) == "Wandelen in West (niet meer in gebruik)"
    assert page.activities.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    page.select_activity(page.activities.rows[row].id)
    assert page.retire_button.text().replace("&", "") == "Weer in gebruik"


# -- importing a sign-in list -------------------------------------------------------------


def test_import_sign_in_list_with_bad_rows(qtbot: QtBot, svc: Services,
                                          tmp_path: Path) -> None:
    activity_id = veadseat(svc)
    make_residents(svc, ["Ans"])
    d1 = last_tuesday() - dt.timedelta(14)
    d2 = last_tuesday() - dt.timedelta(7)
    future = TODAY + dt.timedelta(10)
    path = tmp_path / "presentielijst.csv"
    path.write_text(
        "datum;alias;rol\n"
        f"{d1:%d-%m-%Y};Ans;deelnemer\n"
        f"{d1:%d-%m-%Y};Bert;vrijwilliger\n"
        f"{d1:%d-%m-%Y};;deelnemer\n"
        f"{future:%d-%m-%Y};Ans;deelnemer\n"
        f"{d2:%d-%m-%Y};Ans;\n"
        f"{d2:%d-%m-%Y};Cees;kok\n"
        f"{d2:%d-%m-%Y};Bert;vrijwilliger\n",
        encoding="utf-8")
    page = ActivitiesPage(svc)
    qtbot.addWidget(page)
    page.select_activity(activity_id)
    dialog = page.import_sign_in_list(path)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    model = dialog.model
    assert model.rowCount() == 7
    status = [model.data(model.index(r, 4)) for r in range(7)]
    assert status == ["Goed", "Goed", "Niet goed", "Niet goed", "Goed", "Niet goed", "Goed"]
    reasons = {model.data(model.index(r, 0)): model.data(model.index(r, 5)) for r in range(7)}
    assert "alias is leeg" in reasons["4"]
    assert "toekomst" in reasons["5"]
    assert "kok" in reasons["7"]
    assert "3 rijen zijn niet goed" in dialog.summary.text()
    dialog.resize(1000, 420)
    shot(dialog, "import_preview")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
    text = dialog.summary.text()
    assert "4 aanwezigheden opgeslagen." in text
    assert "2 nieuwe bijeenkomsten aangemaakt." in text
    assert "Deze rijen zijn niet opgeslagen:" in text
    assert "Rij 4" in text and "Rij 5" in text and "Rij 7" in text
    shot(dialog, "import_done")

    # Good rows kept: two sessions with their attendance, shown on the page.
    assert [(r.held_on, r.participants, r.volunteers) for r in page.sessions.rows] == \
        [(d2, 1, 1), (d1, 1, 1)]


def test_import_excel_sign_in_list(qtbot: QtBot, svc: Services, tmp_path: Path) -> None:
    from openpyxl import Workbook

    activity_id = veadseat(svc)
    d1 = last_tuesday()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Datum", "Naam", "Rol"])
    ws.append([dt.datetime(d1.year, d1.month, d1.day), "Ans", "deelnemer"])
    ws.append([dt.datetime(d1.year, d1.month, d1.day), "Ans", "deelnemer"])
    path = tmp_path / "lijst.xlsx"
    wb.save(path)
    page = ActivitiesPage(svc)
    qtbot.addWidget(page)
    page.select_activity(activity_id)
    dialog = page.import_sign_in_list(path)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    assert [r.status for r in dialog.preview.rows] == ["ok", "error"]  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
    assert "1 aanwezigheid opgeslagen." in dialog.summary.text()
    assert page.sessions.rows[0].participants == 1


def test_unreadable_file_says_what_to_do(qtbot: QtBot, svc: Services, tmp_path: Path) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text("wie;wanneer\nAns;gisteren\n", encoding="utf-8")
    page = ActivitiesPage(svc)
    qtbot.addWidget(page)
    page.select_activity(veadseat(svc))
    dialog = page.import_sign_in_list(path)
    assert dialog is not None
    qtbot.waitUntil(lambda: "kolom" in dialog.summary.text(), timeout=5000)
    assert not dialog.save_button.isEnabled()


# -- models -------------------------------------------------------------------------------


def test_models_pass_the_qt_model_tester(qtmodeltester: Any, svc: Services,
                                         tmp_path: Path) -> None:
    activity_id = veadseat(svc)
    session = svc.activities.create_session(activity_id, last_tuesday())
    activities = ActivityListModel()
    activities.set_rows(svc.activities.list(include_retired=True))
    qtmodeltester.check(activities)
    sessions = SessionListModel()
    sessions.set_rows(svc.activities.sessions(activity_id))
    qtmodeltester.check(sessions)
    roll = RollCallModel()
    roll.set_people([Person(uuid7(), "Ans", False, False, ""),
                     Person(None, "Bert", True, True, "Nieuw")])
    qtmodeltester.check(roll)
    roll.add(Person(None, "Cees", True, False, ""))
    assert roll.setData(roll.index(0, 1), Qt.CheckState.Checked.value,
                        Qt.ItemDataRole.CheckStateRole)
    assert roll.people[0].present and roll.people[0].volunteer
    path = tmp_path / "l.csv"
    path.write_text(f"datum,alias\n{last_tuesday():%d-%m-%Y},Ans\n,Bert\n", encoding="utf-8")
    preview = AttendancePreviewModel()
    preview.set_preview(svc.imports.preview_attendance(path, activity_id))
    qtmodeltester.check(preview)
    assert preview.rowCount() == 2
    assert session.id
