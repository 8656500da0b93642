"""The erasure button on the resident page and the Bewaartermijnen tab in Beheer,
driven the way a coordinator uses them."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot
from test_erasure import NAME, person
from test_retention import met

from gezond_desktop.services import Services
from gezond_desktop.store import redaction
from gezond_desktop.ui.dialogs_erasure import EraseDialog, PurgeConfirmDialog
from gezond_desktop.ui.pages.admin import AdminPage
from gezond_desktop.ui.pages.residents import ResidentsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_coordinator_erases_a_resident_from_the_resident_page(qtbot: QtBot,
                                                               services: Services) -> None:
    rid = person(services)
    page = ResidentsPage(services)
    qtbot.addWidget(page)
    page.show()
    page.open_record(rid)
    assert page.erase_button.isVisible()
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    dialog = page.erase_dialog
    assert isinstance(dialog, EraseDialog) and dialog.isVisible()
    assert "niet ongedaan" in dialog.text_label.text()
    assert not dialog.ok_button.isEnabled()  # first tick "I understand"
    dialog.understood.setChecked(True)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    neutral = redaction.neutral_alias(rid)
    qtbot.waitUntil(lambda: page.name_label.text() == neutral, timeout=5000)
    assert services.residents.get_personal(rid).full_name is None


def test_cancel_keeps_everything_and_field_workers_do_not_see_the_button(
        qtbot: QtBot, services: Services) -> None:
    rid = person(services)
    page = ResidentsPage(services)
    qtbot.addWidget(page)
    page.show()
    page.open_record(rid)
    page.erase_current()
    page.erase_dialog.reject()
    qtbot.wait(50)
    assert services.residents.get_personal(rid).full_name == NAME
    builder = services.workers.create("Bram", "community_builder")
    other = ResidentsPage(services.as_worker(builder.id))
    qtbot.addWidget(other)
    other.show()
    assert not other.erase_button.isVisible()


def test_bewaartermijnen_preview_then_purge(qtbot: QtBot, services: Services) -> None:
    old = person(services, alias="Lang geleden")
    recent = person(services, alias="Vorige week")
    met(services, old, 500)
    met(services, recent, 7)
    page = AdminPage(services)
    qtbot.addWidget(page)
    page.show()
    panel = page.retention
    page.tabs.setCurrentWidget(panel)
    QAbstractItemModelTester(panel.model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert not panel.purge_button.isEnabled()
    panel.contact_months.setValue(12)
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert panel.model.data(panel.model.index(0, 0)) == "Lang geleden"
    assert panel.model.data(panel.model.index(0, 1)) == "Geen contact meer"
    assert services.erasure.retention().contact_months == 12
    assert panel.purge_button.isEnabled()
    qtbot.mouseClick(panel.purge_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, PurgeConfirmDialog) and not dialog.ok_button.isEnabled()
    dialog.understood.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gewist" in panel.status.text(), timeout=5000)
    assert panel.model.rowCount() == 0
    assert services.residents.get_personal(old).full_name is None
    assert services.residents.get_personal(recent).full_name == NAME
