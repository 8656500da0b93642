"""Inwoners as a community builder uses it: add a resident (with consent), get warned
about a likely duplicate before anything is saved, find a resident and read their
timeline, including the step from participant to volunteer."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import on_modal

from gezond_desktop.services import Services, open_services
from gezond_desktop.services.activities import ActivityInput
from gezond_desktop.services.encounters import EncounterInput
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.ui.dialogs.resident_dialog import ResidentDialog
from gezond_desktop.ui.pages.residents import ResidentListModel, ResidentsPage, TimelineModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SHOTS = os.environ.get("GEZOND_SHOTS")
TODAY = dt.date.today()


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    base = open_services(tmp_path / "data")
    me = base.workers.create("Sanne Jansen", "community_builder")
    base.workers.set_current(me.id)
    base.imports.load_bundled_reference()  # reference data: a coordinator's work
    services = base.as_worker(me.id)
    yield services
    services.db.close()


def shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    image = widget.grab()
    assert not image.isNull()
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(SHOTS) / f"{name}.png"))


def hood(svc: Services, name: str) -> Any:
    return next(n for n in svc.reference.list("neighbourhood") if n.name == name)


def test_new_resident_with_consent_and_personal_details(qtbot: QtBot, svc: Services) -> None:
    dialog = ResidentDialog(svc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.alias_edit, "Opa Kees")
    qtbot.keyClicks(dialog.birth_year_edit, "1948")
    dialog.neighbourhood_combo.setCurrentIndex(dialog.neighbourhood_combo.findText("Hambaken"))
    groups = dialog.target_groups
    first_group = groups.item(0)
    first_group.setCheckState(Qt.CheckState.Checked)
    # Personal details are hidden until asked for, and need consent.
    assert dialog.personal_box.isHidden()
    qtbot.mouseClick(dialog.personal_toggle, Qt.MouseButton.LeftButton)
    assert dialog.personal_box.isVisible()
    qtbot.keyClicks(dialog.phone_edit, "06 12345678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    name_error = dialog.errors.label_for("phone")
    assert name_error.isVisible() and "toestemming" in name_error.text()
    assert svc.residents.search("Opa Kees") == []  # nothing saved

    assert "Contact opnemen" in name_error.text()  # a phone number needs this consent
    consent = dialog.consent_checks["contact"]
    # On the box itself (the label is shorter than the widget).
    qtbot.mouseClick(consent, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, consent.height() // 2))
    assert dialog.consent_dates["contact"].isEnabled()
    qtbot.keyClick(dialog.alias_edit, Qt.Key.Key_Return)  # Enter saves
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = dialog.result_resident
    assert saved is not None and dialog.created
    assert (saved.alias, saved.birth_year, saved.neighbourhood_name) == ("Opa Kees", 1948,
                                                                          "Hambaken")
    assert saved.phone == "06 12345678"
    assert saved.target_group_names == (first_group.text(),)
    assert saved.has_consent("contact") and not saved.has_consent("registration")


def test_bad_birth_year_is_shown_next_to_the_field(qtbot: QtBot, svc: Services) -> None:
    dialog = ResidentDialog(svc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.alias_edit, "Jamila")
    qtbot.keyClicks(dialog.birth_year_edit, "1850")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.errors.label_for("birth_year")
    assert error.isVisible() and "1900" in error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert svc.residents.search("Jamila") == []


def test_similar_alias_shows_likely_duplicates_first(qtbot: QtBot, svc: Services) -> None:
    hambaken = hood(svc, "Hambaken")
    existing = svc.residents.create(ResidentInput(alias="Fatima El Amrani", birth_year=1985,
                                                  neighbourhood_id=hambaken.id))
    dialog = ResidentDialog(svc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.alias_edit, "fatima el-amrani")
    qtbot.keyClicks(dialog.birth_year_edit, "1985")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # The warning comes before any save, with the existing resident in it.
    assert dialog.duplicate_box.isVisible()
    assert [r.id for r in dialog.duplicate_candidates()] == [existing.id]
    assert "Fatima El Amrani" in dialog.duplicate_list.item(0).text()
    assert not dialog.save_button.isEnabled()
    assert len(svc.residents.search("amrani")) == 1
    shot(dialog, "resident_duplicate_warning")
    qtbot.mouseClick(dialog.use_existing_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_resident is not None and dialog.result_resident.id == existing.id
    assert not dialog.created
    assert len(svc.residents.search("amrani")) == 1

    # "Toch nieuw aanmaken": it really is someone else.
    again = ResidentDialog(svc)
    qtbot.addWidget(again)
    again.show()
    qtbot.keyClicks(again.alias_edit, "Fatima El Amrani")
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.duplicate_box.isVisible()
    # Changing the alias takes the question back: the warning was about other details.
    qtbot.keyClicks(again.alias_edit, "h")
    assert again.duplicate_box.isHidden() and again.save_button.isEnabled()
    qtbot.keyClick(again.alias_edit, Qt.Key.Key_Backspace)
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.duplicate_box.isVisible()
    qtbot.mouseClick(again.create_anyway_button, Qt.MouseButton.LeftButton)
    assert again.result() == QDialog.DialogCode.Accepted and again.created
    assert again.result_resident is not None and again.result_resident.id != existing.id
    assert len(svc.residents.search("amrani")) == 2


def make_history(svc: Services) -> Any:
    """A resident who was met on the street, took part in an activity and later
    came back to help as a volunteer."""
    hambaken = hood(svc, "Hambaken")
    r = svc.residents.create(ResidentInput(alias="Sevda", birth_year=1988,
                                           neighbourhood_id=hambaken.id))
    svc.residents.create(ResidentInput(alias="Sem"))
    svc.encounters.log(EncounterInput(
        occurred_at=dt.datetime.combine(TODAY - dt.timedelta(days=40), dt.time(10, 0)),
        kind="street", neighbourhood_id=hambaken.id, resident_ids=(r.id,),
        notes="Kennismaking bij de school"))
    coordinator = svc.as_worker(None)  # activities are a coordinator's work
    act = coordinator.activities.create(ActivityInput(name="Samen Koken",
                                                      schedule_kind="weekly", weekday=2))
    first = svc.activities.create_session(act.id, TODAY - dt.timedelta(days=30))
    later = svc.activities.create_session(act.id, TODAY - dt.timedelta(days=10))
    svc.activities.add_attendance(first.id, r.id, "participant")
    svc.activities.add_attendance(later.id, r.id, "volunteer")
    return r


def test_page_finds_resident_and_shows_volunteer_step(qtbot: QtBot, svc: Services) -> None:
    r = make_history(svc)
    page = ResidentsPage(svc)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    assert page.title == "Inwoners"
    page.focus_search()
    qtbot.keyClicks(page.search_edit, "sev")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # search now, go to the list
    assert page.model.rowCount() == 1
    assert page.current is not None and page.current.id == r.id
    assert page.name_label.text() == "Sevda"
    assert page.neighbourhood_label.text() == "Hambaken"

    kinds = [it.kind for it in page.timeline_items()]
    assert kinds == ["encounter", "attendance", "attendance", "became_volunteer"]
    model = page.timeline_model
    step_row = kinds.index("became_volunteer")
    title = model.index(step_row, 1)
    # The step stands out by text, star and bold, not by colour alone.
    assert model.data(title) == "★ Van deelnemer naar vrijwilliger"
    assert model.data(title, Qt.ItemDataRole.FontRole).bold()
    assert "Samen Koken" in model.data(model.index(step_row, 2))
    assert model.data(model.index(0, 1)) == "Contact: op straat"
    shot(page, "residents_page")

    # A change elsewhere (a new contact) redraws the timeline when it is broadcast.
    svc.encounters.log(EncounterInput(occurred_at=dt.datetime.now() - dt.timedelta(hours=1),
                                      kind="phone", resident_ids=(r.id,)))
    page.refresh(frozenset({"encounter"}))
    assert [it.kind for it in page.timeline_items()][-1] == "encounter"


def test_new_resident_from_the_page_is_selected(qtbot: QtBot, svc: Services) -> None:
    page = ResidentsPage(svc)
    qtbot.addWidget(page)
    page.show()

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ResidentDialog)
        qtbot.keyClicks(dialog.alias_edit, "Mevrouw de Wit")
        qtbot.keyClicks(dialog.birth_year_edit, "1960")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    problems = on_modal(fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert page.current is not None and page.current.alias == "Mevrouw de Wit"
    assert page.birth_label.text() == "1960"
    assert page.timeline_items() == []


def test_models_pass_the_qt_model_tester(qtbot: QtBot, svc: Services) -> None:
    make_history(svc)
    rows = svc.residents.search("")
    list_model = ResidentListModel()
    QAbstractItemModelTester(list_model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    list_model.set_rows(rows)
    assert list_model.rowCount() == 2
    assert list_model.data(list_model.index(0, 0), ResidentListModel.IdRole) == rows[0].id
    assert list_model.rowCount(list_model.index(0, 0)) == 0
    list_model.set_rows([])

    timeline = TimelineModel()
    QAbstractItemModelTester(timeline, QAbstractItemModelTester.FailureReportingMode.Fatal)
    timeline.set_items(svc.residents.timeline(rows[1].id))
    assert timeline.rowCount() == 4 and timeline.columnCount() == 3
    assert timeline.columnCount(timeline.index(0, 0)) == 0
    assert timeline.headerData(0, Qt.Orientation.Horizontal) == "Datum"
    assert timeline.data(QModelIndex()) is None
