"""Contacten: quick entry with the keyboard, the lazy list, drafts after a crash."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QWidget

from gezond_desktop.models import Encounter
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.drafts import discard_draft, load_draft, save_draft
from gezond_desktop.services.encounters import EncounterFilter, EncounterInput
from gezond_desktop.services.reference import RefItem
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.store.bulk import BulkWriter
from gezond_desktop.ui import operations
from gezond_desktop.ui.pages import contacts
from gezond_desktop.ui.pages.contacts import ContactsPage, EncounterListModel
from gezond_desktop.ui.widgets.chips import ChipGroup, ChipList

# Pop-up lists (completers) on the offscreen platform say they cannot grab the
# keyboard or raise; the headless platform talking, not our code. (A mark on the
# function: it must come before the one tests/conftest.py adds to every test.)
offscreen = pytest.mark.qt_log_ignore("This plugin does not support")

# -- fixtures ----------------------------------------------------------------------


@dataclass
class World:
    svc: Services
    data_dir: Path
    hambaken: RefItem
    west: RefItem
    buurthuis: RefItem
    school_west: RefItem
    topics: list[RefItem]  # in name order, as the chips show them
    tracks: list[RefItem]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    data_dir = tmp_path / "data"
    svc = open_services(data_dir)
    ref = svc.reference
    hambaken = ref.save("neighbourhood", {"name": "Hambaken", "code": "hambaken",
                                          "municipality": "'s-Hertogenbosch", "is_focus": True})
    west = ref.save("neighbourhood", {"name": "West", "code": "west",
                                      "municipality": "'s-Hertogenbosch", "is_focus": True})
    buurthuis = ref.save("venue", {"name": "Buurthuis De Hambaken", "kind": "community_centre",
                                   "neighbourhood_id": hambaken.id})
    school = ref.save("venue", {"name": "Basisschool De Boomgaard", "kind": "school",
                                "neighbourhood_id": west.id})
    for code, name in (("money", "Geldzorgen en schulden"), ("lonely", "Eenzaamheid"),
                       ("food", "Eten en voeding"), ("move", "Bewegen")):
        ref.save("topic", {"code": code, "name": name})
    for code, name in (("social", "Sociale omgeving"), ("prevention", "Preventie en zorg")):
        ref.save("track", {"code": code, "name": name})
    worker = svc.workers.create("Sanne Verhoeven", "community_builder")
    svc.workers.set_current(worker.id)
    svc = svc.as_worker(worker.id)
    try:
        yield World(svc, data_dir, hambaken, west, buurthuis, school,
                    svc.reference.list("topic"), svc.reference.list("track"))
    finally:
        svc.db.close()


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def fail(*args: Any) -> None:
        raise AssertionError(f"unexpected message box: {args}")

    monkeypatch.setattr(contacts, "ask", lambda *a: pytest.fail(f"unexpected question {a}"))
    monkeypatch.setattr(contacts.ui_errors, "show_error", fail)
    monkeypatch.setattr(contacts.ui_errors, "show_bug", fail)
    return shown


def open_page(qtbot: Any, svc: Services) -> ContactsPage:
    page = ContactsPage(svc)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.isActiveWindow())
    return page


def wait_idle(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: operations.running() == 0, timeout=5000)


def log_at_buurthuis(w: World, **kw: Any) -> None:
    w.svc.encounters.log(EncounterInput(
        occurred_at=kw.pop("occurred_at", dt.datetime.now() - dt.timedelta(hours=1)),
        kind="venue", neighbourhood_id=w.hambaken.id, venue_id=w.buurthuis.id, **kw))


class Keyboard:
    """Presses keys on whatever widget has focus, the way a user does, and counts."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.presses = 0

    def focus(self) -> QWidget:
        """Where a key goes: an open pop-up (a completer list) first, as on screen."""
        widget = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        return widget

    def press(self, key: Qt.Key,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.presses += 1
        self.qtbot.keyClick(self.focus(), key, modifier)

    def type(self, text: str) -> None:
        self.presses += len(text)
        self.qtbot.keyClicks(self.focus(), text)

    def save(self) -> None:
        self.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# -- quick entry -------------------------------------------------------------------


@offscreen
def test_typical_contact_takes_at_most_six_key_presses(qtbot: Any, world: World) -> None:
    log_at_buurthuis(world, topic_ids=(world.topics[0].id,))  # the last contact: same place
    page = open_page(qtbot, world.svc)
    page.start_new()
    keys = Keyboard(qtbot)
    # the form opens with the place of the last contact and the focus on the topics
    assert page.form.neighbourhood.currentText() == "Hambaken"
    assert page.form.venue.currentText() == "Buurthuis De Hambaken"
    assert keys.focus() is page.form.topics.chips()[0]

    keys.press(Qt.Key.Key_Space)  # Bewegen
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Space)  # Eenzaamheid
    keys.save()

    assert keys.presses <= 6
    rows, _ = world.svc.encounters.page(EncounterFilter(), limit=10)
    assert len(rows) == 2
    saved = world.svc.encounters.get(rows[0].id)
    assert saved.topic_names == ("Bewegen", "Eenzaamheid")
    assert (saved.neighbourhood_name, saved.venue_name, saved.kind) == (
        "Hambaken", "Buurthuis De Hambaken", "venue")
    assert saved.head_count == 1 and saved.resident_ids == ()
    assert "Contact opgeslagen" in page.form.confirmation.text()
    # cleared for the next contact; place and kind stay; focus back on the topics
    assert page.form.topics.checked_ids() == []
    assert page.form.venue.currentText() == "Buurthuis De Hambaken"
    assert page.form.kind.currentData() == "venue"
    assert keys.focus() is page.form.topics.chips()[0]
    qtbot.waitUntil(lambda: page.model.loaded() == 2)
    wait_idle(qtbot)


@offscreen
def test_three_contacts_in_a_row(qtbot: Any, world: World) -> None:
    world.svc.residents.create(ResidentInput(alias="Amira B", birth_year=1984,
                                             neighbourhood_id=world.hambaken.id))
    world.svc.residents.create(ResidentInput(alias="Kees", birth_year=1950))
    log_at_buurthuis(world)
    page = open_page(qtbot, world.svc)
    form = page.form
    page.start_new()
    keys = Keyboard(qtbot)

    # 1: the third topic by its number, a note
    keys.type("3")
    form.notes.setFocus()
    keys.type("Vraag over de voedselbank")
    keys.save()

    # 2: a known resident, found by part of her alias, and a track
    form.lookup.setFocus()
    keys.type("mir")
    qtbot.waitUntil(lambda: form.lookup.hit_labels() == ["Amira B (1984, Hambaken)"])
    keys.press(Qt.Key.Key_Return)
    assert form.residents.items() == [(form.residents.ids()[0], "Amira B")]
    form.tracks.focus_chip(0)
    keys.press(Qt.Key.Key_Space)
    keys.save()

    # 3: a group of five at another place
    form.neighbourhood.setFocus()
    form.neighbourhood.select_text()
    keys.type("West")
    keys.press(Qt.Key.Key_Tab)
    assert form.neighbourhood.current_id() == world.west.id
    form.venue.select_text()
    keys.type("Boomgaard")
    keys.press(Qt.Key.Key_Tab)
    assert form.venue.current_id() == world.school_west.id
    form.head_count.selectAll()
    keys.type("5")
    keys.save()

    assert form.error_text("") == ""
    qtbot.waitUntil(lambda: page.model.loaded() == 4)
    wait_idle(qtbot)
    assert page.count_label.text() == "4 contacten"
    newest = [page.model.row(i) for i in range(3)]
    third, second, first = (world.svc.encounters.get(r.id) for r in newest)
    assert first.topic_names == ("Eten en voeding",)
    assert first.notes == "Vraag over de voedselbank"
    assert second.resident_aliases == ("Amira B",) and second.track_names == (
        "Preventie en zorg",)
    assert (third.neighbourhood_name, third.venue_name, third.head_count) == (
        "West", "Basisschool De Boomgaard", 5)
    assert first.worker_name == "Sanne Verhoeven"


@offscreen
def test_validation_messages_sit_next_to_the_field(qtbot: Any, world: World) -> None:
    page = open_page(qtbot, world.svc)
    form = page.form
    form.neighbourhood.setFocus()
    form.neighbourhood.select_text()
    qtbot.keyClicks(form.neighbourhood.lineEdit(), "Nergensland")
    qtbot.keyClick(form.neighbourhood, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Kies een buurt uit de lijst" in form.error_text("neighbourhood_id")
    assert world.svc.encounters.count() == 0

    # the service's checks land next to their field too
    form.neighbourhood.set_current_id(world.hambaken.id)
    form.head_count.setValue(1)
    form._resident_chosen(world.svc.residents.create(ResidentInput(alias="Piet")).id, "Piet")
    form._resident_chosen(world.svc.residents.create(ResidentInput(alias="Jan")).id, "Jan")
    form.head_count.setValue(1)
    form.follow_up_check.setChecked(True)
    yesterday = dt.date.today() - dt.timedelta(days=3)
    from PySide6.QtCore import QDate
    form.follow_up.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    form.topics.focus_chip(0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert form.error_text("neighbourhood_id") == ""
    assert "Maak het aantal mensen minstens 2" in form.error_text("head_count")
    assert "De datum voor opvolgen ligt voor het contact" in form.error_text("follow_up_on")
    assert QApplication.focusWidget() is form.head_count.findChild(QWidget) or \
        QApplication.focusWidget() is form.head_count
    assert world.svc.encounters.count() == 0
    wait_idle(qtbot)


# -- the list ----------------------------------------------------------------------


def bulk_encounters(w: World, n: int) -> None:
    start = dt.datetime(2025, 1, 1, 9, 0)
    assert w.svc.worker_id is not None
    with BulkWriter(w.svc.db, w.svc.worker_id) as bw:
        for i in range(n):
            west = i % 3 == 0
            bw.add(Encounter, {
                "occurred_at": start + dt.timedelta(minutes=7 * i),
                "worker_id": w.svc.worker_id,
                "neighbourhood_id": w.west.id if west else w.hambaken.id,
                "venue_id": w.school_west.id if west else w.buurthuis.id,
                "kind": "venue", "head_count": 1,
                "notes": "over de voedselbank" if i % 50 == 0 else f"gesprek {i}",
            }, lists={"topic_ids": [w.topics[i % 4].id]})


@offscreen
def test_list_fetches_one_page_and_counts_in_the_background(qtbot: Any, world: World) -> None:
    bulk_encounters(world, 450)
    page = ContactsPage(world.svc)
    qtbot.addWidget(page)
    # open: one page of rows; the total follows from a background count
    assert page.model.loaded() == 200 and page.model.fetch_calls == 1
    assert page.count_label.text() == "Meer dan 200 contacten (tellen...)"
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() == "450 contacten")
    # the newest first
    assert page.model.row(0).occurred_at > page.model.row(199).occurred_at
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.loaded() == 400)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.loaded() == 450)
    assert not page.model.canFetchMore(QModelIndex())
    wait_idle(qtbot)


@offscreen
def test_header_click_sorts_by_neighbourhood_and_date(qtbot: Any, world: World) -> None:
    bulk_encounters(world, 30)
    page = open_page(qtbot, world.svc)
    header = page.table.horizontalHeader()

    def click(section: int) -> None:
        x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))

    def names() -> list[str]:
        return [page.model.row(i).neighbourhood_name for i in range(page.model.loaded())]

    click(1)
    first = names()
    assert first in (["Hambaken"] * 20 + ["West"] * 10, ["West"] * 10 + ["Hambaken"] * 20)
    click(1)
    assert names() == list(reversed(first))
    # within one neighbourhood the newest come first
    rows = [page.model.row(i) for i in range(page.model.loaded())]
    same = [r.occurred_at for r in rows if r.neighbourhood_name == "Hambaken"]
    assert same == sorted(same, reverse=True)
    # other columns do not sort (the indicator stays where the sort is)
    click(6)
    assert header.sortIndicatorSection() == 1 and names() == list(reversed(first))
    click(0)
    times = [page.model.row(i).occurred_at for i in range(page.model.loaded())]
    assert times in (sorted(times), sorted(times, reverse=True))
    assert len(set(names())) == 2 and names() != first
    wait_idle(qtbot)


@offscreen
def test_filters_narrow_the_list(qtbot: Any, world: World) -> None:
    bulk_encounters(world, 150)
    page = open_page(qtbot, world.svc)
    wait_idle(qtbot)

    page.focus_search()
    qtbot.keyClicks(page.f_text, "voedselbank")
    assert page.model.loaded() == 150  # debounced: not yet
    qtbot.waitUntil(lambda: page.model.loaded() == 3)
    assert page.count_label.text() == "3 contacten"

    page.clear_filters()
    assert page.model.loaded() == 150
    page.f_neighbourhood.set_current_id(world.west.id)
    qtbot.waitUntil(lambda: page.model.loaded() == 50)
    assert {page.model.row(i).neighbourhood_name for i in range(50)} == {"West"}

    page.clear_filters()
    page.f_topic.set_current_id(world.topics[0].id)  # every 4th contact has this topic
    qtbot.waitUntil(lambda: page.model.loaded() == 38)

    page.clear_filters()
    page.date_from.setDate(page.date_from.date().fromString("2025-01-01", "yyyy-MM-dd"))
    page.date_to.setDate(page.date_to.date().fromString("2025-01-01", "yyyy-MM-dd"))
    # 7 minutes apart from 09:00: 150 contacts end at 2025-01-01 26:23 -> day one has 129
    qtbot.waitUntil(lambda: page.model.loaded() == 129)
    page.f_worker.set_current_id(uuid.uuid4())  # unknown id: back to "all"
    wait_idle(qtbot)


@offscreen
def test_enter_opens_a_row_and_ctrl_enter_updates_it(qtbot: Any, world: World) -> None:
    log_at_buurthuis(world, notes="eerste versie", topic_ids=(world.topics[1].id,))
    log_at_buurthuis(world, notes="ander contact",
                     occurred_at=dt.datetime.now() - dt.timedelta(hours=3))
    page = open_page(qtbot, world.svc)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    form = page.form
    assert form.editing_id == page.model.row(0).id
    assert form.heading.text() == "Contact aanpassen"
    assert form.notes.toPlainText() == "eerste versie"
    assert form.topics.checked_ids() == [world.topics[1].id]
    form.notes.setFocus()
    form.notes.selectAll()
    qtbot.keyClicks(form.notes, "tweede versie")
    qtbot.keyClick(form.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Contact aangepast" in form.confirmation.text()
    assert form.editing_id is None and form.heading.text() == "Nieuw contact"
    qtbot.waitUntil(lambda: page.model.row(0).notes_preview == "tweede versie")
    assert world.svc.encounters.count() == 2
    wait_idle(qtbot)


@offscreen
def test_delete_asks_first_and_keeps_the_contact_when_told_no(
        qtbot: Any, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    log_at_buurthuis(world, notes="weg ermee")
    log_at_buurthuis(world, notes="blijft", occurred_at=dt.datetime.now() - dt.timedelta(days=1))
    page = open_page(qtbot, world.svc)
    questions: list[str] = []
    answer = [False]

    def ask(_parent: Any, _title: str, text: str) -> bool:
        questions.append(text)
        return answer[0]

    monkeypatch.setattr(contacts, "ask", ask)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(questions) == 1 and "Buurthuis De Hambaken" in questions[0]
    assert world.svc.encounters.count() == 2
    answer[0] = True
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.loaded() == 1)
    assert page.model.row(0).notes_preview == "blijft"
    assert world.svc.encounters.count() == 1
    wait_idle(qtbot)


@offscreen
def test_list_model_passes_the_model_tester(qtbot: Any, world: World) -> None:
    bulk_encounters(world, 230)
    model = EncounterListModel(world.svc)
    tester = QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.set_query(EncounterFilter(), "date", True)
    assert model.rowCount() == 200 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 230 and not model.canFetchMore(QModelIndex())
    model.set_query(EncounterFilter(neighbourhood_id=world.west.id), "neighbourhood", False)
    assert model.rowCount() == 77
    assert model.data(model.index(0, 1)) == "West"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == model.row(0).id
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Aantal"
    del tester


# -- drafts ------------------------------------------------------------------------


@offscreen
def test_draft_is_offered_back_after_a_crash(qtbot: Any, world: World) -> None:
    log_at_buurthuis(world)
    page = open_page(qtbot, world.svc)
    page.start_new()
    assert not page.draft_banner.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)  # Eenzaamheid
    page.form.notes.setFocus()
    qtbot.keyClicks(page.form.notes, "Mevrouw wil graag naar de lunch")
    key = page.drafts.form_key
    qtbot.waitUntil(lambda: (d := load_draft(world.svc.db, key)) is not None
                    and d.data["notes"] == "Mevrouw wil graag naar de lunch")
    # the crash: the widget goes away without closing, nothing saved
    shiboken6.delete(page)
    assert world.svc.encounters.count() == 1

    again = open_services(world.data_dir)  # the next start
    page2 = open_page(qtbot, again)
    banner = page2.draft_banner
    assert banner.isVisible()
    assert banner.message.text().startswith(
        "Er is een niet-opgeslagen contact gevonden van vandaag om ")
    assert banner.message.text().endswith(". Terugzetten?")
    assert page2.form.notes.toPlainText() == ""
    qtbot.mouseClick(banner.restore_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert page2.form.notes.toPlainText() == "Mevrouw wil graag naar de lunch"
    assert page2.form.topics.checked_labels() == ["Eenzaamheid"]
    assert page2.form.venue.currentText() == "Buurthuis De Hambaken"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert again.encounters.count() == 2
    assert load_draft(again.db, key) is None  # saved: the draft is gone
    wait_idle(qtbot)
    again.db.close()


@offscreen
def test_draft_can_be_thrown_away(qtbot: Any, world: World) -> None:
    page = open_page(qtbot, world.svc)
    save_draft(world.svc.db, page.drafts.form_key, {"notes": "oud"})
    page2 = open_page(qtbot, world.svc)
    assert page2.draft_banner.isVisible()
    qtbot.mouseClick(page2.draft_banner.drop_button, Qt.MouseButton.LeftButton)
    assert page2.form.notes.toPlainText() == ""
    assert load_draft(world.svc.db, page.drafts.form_key) is None
    wait_idle(qtbot)


@offscreen
def test_draft_store_round_trip(world: World) -> None:
    db = world.svc.db
    assert load_draft(db, "x") is None
    saved = save_draft(db, "x", {"notes": "één", "n": 3}, now=dt.datetime(2025, 3, 1, 14, 5))
    loaded = load_draft(db, "x")
    assert loaded == saved and loaded.data == {"notes": "één", "n": 3}
    assert loaded.saved_at == dt.datetime(2025, 3, 1, 14, 5)
    discard_draft(db, "x")
    assert load_draft(db, "x") is None
    db.set_setting("draft:broken", "{not json")
    assert load_draft(db, "broken") is None


# -- keyboard and widgets ----------------------------------------------------------


@offscreen
def test_start_new_and_focus_search(qtbot: Any, world: World) -> None:
    page = open_page(qtbot, world.svc)
    page.start_new()  # no last place yet: start at the neighbourhood
    assert QApplication.focusWidget() in (page.form.neighbourhood,
                                          page.form.neighbourhood.lineEdit())
    page.focus_search()
    assert QApplication.focusWidget() is page.f_text
    wait_idle(qtbot)


@offscreen
def test_chip_group_is_one_tab_stop_with_arrows_digits_and_letters(qtbot: Any) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    lay = QVBoxLayout(host)
    before, after = QLineEdit(host), QLineEdit(host)
    group = ChipGroup(host)
    lay.addWidget(before)
    lay.addWidget(group)
    lay.addWidget(after)
    group.set_items([(1, "Bewegen"), (2, "Eenzaamheid"), (3, "Eten"), (4, "Wonen")])
    QWidget.setTabOrder(before, group.chips()[0])
    for a, b in zip(group.chips(), group.chips()[1:], strict=False):
        QWidget.setTabOrder(a, b)
    QWidget.setTabOrder(group.chips()[-1], after)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is group.chips()[0]
    qtbot.keyClick(group.chips()[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after  # one tab stop for the whole group
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is group.chips()[0]
    qtbot.keyClick(group.chips()[0], Qt.Key.Key_E)  # next label starting with E
    assert QApplication.focusWidget() is group.chips()[1]
    qtbot.keyClick(group.chips()[1], Qt.Key.Key_E)
    assert QApplication.focusWidget() is group.chips()[2]
    qtbot.keyClick(group.chips()[2], Qt.Key.Key_Space)
    qtbot.keyClick(group.chips()[2], Qt.Key.Key_4)
    assert group.checked_ids() == [3, 4]
    assert group.chips()[3].text() == "✓ Wonen"
    qtbot.keyClick(group.chips()[3], Qt.Key.Key_4)
    assert group.checked_ids() == [3]
    qtbot.keyClick(group.chips()[3], Qt.Key.Key_Home)
    assert QApplication.focusWidget() is group.chips()[0]
    # leaving and coming back lands on the chip used last
    qtbot.keyClick(group.chips()[0], Qt.Key.Key_Right)
    qtbot.keyClick(group.chips()[1], Qt.Key.Key_Tab)
    qtbot.keyClick(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is group.chips()[1]


@offscreen
def test_chip_list_removes_with_delete(qtbot: Any) -> None:
    chips = ChipList()
    qtbot.addWidget(chips)
    removed: list[object] = []
    chips.removed.connect(removed.append)
    assert chips.add_item("a", "Amira")
    assert not chips.add_item("a", "Amira")
    chips.add_item("k", "Kees")
    chips.show()
    qtbot.keyClick(chips.chips()[0], Qt.Key.Key_Delete)
    assert removed == ["a"] and chips.items() == [("k", "Kees")]
    qtbot.mouseClick(chips.chips()[0], Qt.MouseButton.LeftButton)
    assert chips.items() == [] and removed == ["a", "k"]
