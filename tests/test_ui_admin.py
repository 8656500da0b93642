"""Beheer as a coordinator uses it: add, edit and retire a neighbourhood (retired
values stay on old records), import reference data with bad rows."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gezond_desktop.services import Services, open_services
from gezond_desktop.services.activities import ActivityInput
from gezond_desktop.services.imports import ImportReport, RowError
from gezond_desktop.ui.dialogs_activity import ActivityDialog
from gezond_desktop.ui.dialogs_admin import ImportReportDialog, RefEditDialog, RejectedRowsModel
from gezond_desktop.ui.pages.activities import ActivitiesPage
from gezond_desktop.ui.pages.admin import AdminPage, RefTableModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SHOTS = os.environ.get("GEZOND_SHOTS")


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    base = open_services(tmp_path / "data")
    me = base.workers.create("Ilse", "coordinator")
    services = base.as_worker(me.id)
    services.imports.load_bundled_reference()
    yield services
    services.db.close()


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def names(page: AdminPage, kind: str) -> list[str]:
    model = page.panels[kind].model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_add_edit_retire_neighbourhood_kept_on_old_records(qtbot: QtBot,
                                                           svc: Services) -> None:
    page = AdminPage(svc)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    panel = page.show_kind("neighbourhood")
    assert "Hambaken" in names(page, "neighbourhood")

    # Add: a name without a municipality is refused next to the field.
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, RefEditDialog)
    qtbot.keyClicks(dialog.name, "Zuid")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.saved is None
    assert dialog.errors["municipality"].isVisible()
    assert "gemeente" in dialog.errors["municipality"].text()
    assert dialog.municipality is not None and dialog.is_focus is not None
    qtbot.keyClicks(dialog.municipality, "Heerlen")
    dialog.is_focus.setChecked(True)
    shot(dialog, "admin_edit_neighbourhood")
    qtbot.keyClick(dialog.municipality, Qt.Key.Key_Return)
    assert dialog.saved is not None
    zuid = svc.reference.find("neighbourhood", "Zuid")
    assert zuid is not None and zuid.detail == "Heerlen" and zuid.is_focus
    assert panel.current().name == "Zuid"

    # Edit: rename it; the form opens filled in.
    edit = panel.edit()
    assert isinstance(edit, RefEditDialog) and edit.municipality is not None
    assert edit.municipality.text() == "Heerlen"
    edit.name.selectAll()
    qtbot.keyClicks(edit.name, "Heerlen-Zuid")
    qtbot.keyClick(edit.name, Qt.Key.Key_Return)
    assert "Heerlen-Zuid" in names(page, "neighbourhood")
    assert "Zuid" not in names(page, "neighbourhood")

    # An activity in Hambaken, then Hambaken is retired in Beheer.
    hambaken = svc.reference.find("neighbourhood", "Hambaken")
    assert hambaken is not None
    activity = svc.activities.create(ActivityInput(
        name="Buurtlunch Hambaken", schedule_kind="weekly", weekday=2,
        neighbourhood_id=hambaken.id))
    panel.select(hambaken.id)
    qtbot.mouseClick(panel.retire_button, Qt.MouseButton.LeftButton)
    assert "niet meer in gebruik" in panel.status.text()
    row = panel.model.row_of(hambaken.id)
    model = panel.model
    assert model.data(model.index(row, 0)) == "Hambaken (niet meer in gebruik)"
    assert model.data(model.index(row, 4)) == "Niet meer in gebruik"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert panel.retire_button.text().replace("&", "") == "Weer in gebruik"
    shot(page, "admin_neighbourhoods")

    # The old record keeps its neighbourhood; new choices no longer offer it.
    assert svc.activities.get(activity.id).neighbourhood_name == "Hambaken"
    activities = ActivitiesPage(svc)
    qtbot.addWidget(activities)
    activities.select_activity(activity.id)
    current = activities.current_activity()
    assert current is not None and current.neighbourhood_name == "Hambaken"
    old = ActivityDialog(svc, current)
    qtbot.addWidget(old)
    assert old.neighbourhood.currentText() == "Hambaken (niet meer in gebruik)"
    new = ActivityDialog(svc, None)
    qtbot.addWidget(new)
    offered = [new.neighbourhood.itemText(i) for i in range(new.neighbourhood.count())]
    assert "Hambaken" not in offered and "Hambaken (niet meer in gebruik)" not in offered
    assert "Heerlen-Zuid" in offered

    # Bring it back.
    qtbot.mouseClick(panel.retire_button, Qt.MouseButton.LeftButton)
    assert "Hambaken" in names(page, "neighbourhood")


def test_import_neighbourhoods_with_bad_rows(qtbot: QtBot, svc: Services,
                                             tmp_path: Path) -> None:
    path = tmp_path / "buurten.csv"
    path.write_text(
        "code;naam;gemeente;focusbuurt\n"
        "hln_mspl;MSP;Heerlen;ja\n"
        "hln_grasbroek;Grasbroek;Heerlen;ja\n"
        "hln_x;;Heerlen;ja\n"
        "hln_y;Rennemig;Heerlen;misschien\n",
        encoding="utf-8")
    page = AdminPage(svc)
    qtbot.addWidget(page)
    page.show()
    panel = page.show_kind("neighbourhood")
    panel.import_file(path)
    qtbot.waitUntil(lambda: panel.last_report is not None, timeout=5000)
    dialog = panel.dialog
    assert isinstance(dialog, ImportReportDialog)
    text = dialog.summary.text()
    assert "2 nieuwe waarden toegevoegd." in text
    assert "2 rijen zijn niet opgeslagen." in text
    reasons = {dialog.model.data(dialog.model.index(r, 0)):
               dialog.model.data(dialog.model.index(r, 1)) for r in range(2)}
    assert set(reasons) == {"4", "5"}
    assert "naam" in reasons["4"].lower()
    assert "misschien" in reasons["5"]
    dialog.resize(800, 300)
    shot(dialog, "admin_import_report")
    # Good rows saved and listed; bad rows not.
    listed = names(page, "neighbourhood")
    assert "MSP" in listed and "Grasbroek" in listed and "Rennemig" not in listed


def test_import_unreadable_file_shows_plain_message(qtbot: QtBot, svc: Services,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("gezond_desktop.ui.errors.show_error",
                        lambda _parent, _title, message: shown.append(message))
    path = tmp_path / "oud.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    page = AdminPage(svc)
    qtbot.addWidget(page)
    panel = page.show_kind("topic")
    panel.import_file(path)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert ".xlsx" in shown[0]
    assert panel.import_button.isEnabled()


def test_venue_and_service_tabs(qtbot: QtBot, svc: Services) -> None:
    page = AdminPage(svc)
    qtbot.addWidget(page)
    panel = page.show_kind("venue")
    dialog = panel.add()
    assert isinstance(dialog, RefEditDialog)
    assert dialog.kind_combo is not None and dialog.neighbourhood is not None
    qtbot.keyClicks(dialog.name, "De Noorderpoort")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.saved is None
    assert dialog.errors["kind"].isVisible()  # the kind of venue is required
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("Buurthuis / buurtkamer"))
    dialog.neighbourhood.setCurrentIndex(dialog.neighbourhood.findText("Hambaken"))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.saved is not None
    model = panel.model
    row = model.row_of(dialog.saved.id)
    assert [model.data(model.index(row, c)) for c in range(3)] == \
        ["De Noorderpoort", "Buurthuis / buurtkamer", "Hambaken"]
    # Edit keeps kind and neighbourhood.
    edit = panel.edit()
    assert isinstance(edit, RefEditDialog) and edit.kind_combo is not None
    assert edit.kind_combo.currentText() == "Buurthuis / buurtkamer"
    assert edit.neighbourhood is not None and edit.neighbourhood.currentText() == "Hambaken"

    services_panel = page.show_kind("organisation_service")
    smodel = services_panel.model
    pairs = {(smodel.data(smodel.index(r, 0)), smodel.data(smodel.index(r, 1)))
             for r in range(smodel.rowCount())}
    assert ("Welzijn op Recept", "Farent") in pairs

    # The activities tab opens the activity dialog.
    act_panel = page.show_kind("activity")
    assert act_panel.model.rowCount() >= 10
    act_panel.select(None)
    assert isinstance(act_panel.edit(), ActivityDialog)


def test_models_pass_the_qt_model_tester(qtmodeltester: Any, svc: Services) -> None:
    for kind in ("neighbourhood", "venue", "organisation", "organisation_service", "topic"):
        model = RefTableModel(kind)
        model.set_rows(svc.reference.list(kind, include_retired=True), {})
        qtmodeltester.check(model)
    rejected = RejectedRowsModel([RowError(3, "Rij 3: de naam is leeg. Vul een naam in.")])
    qtmodeltester.check(rejected)
    assert rejected.data(rejected.index(0, 1)) == "De naam is leeg. Vul een naam in."
    report = ImportReport(accepted=1, rejected=[RowError(3, "Rij 3: x")])
    dialog = ImportReportDialog(report, "Buurten")
    assert "1 nieuwe waarde toegevoegd." in dialog.summary.text()
