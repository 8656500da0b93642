"""The resident page: consents per purpose (date, who, withdrawn), adding and
withdrawing one (with a confirmation that says what is cleared), and the
"Inzageverzoek..." button that writes the PDF and JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from qt_helpers import on_modal

from gezond_desktop.services import Services, open_services
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.ui.common import format_date
from gezond_desktop.ui.pages import residents as page_module
from gezond_desktop.ui.pages.residents import ConsentDialog, ResidentsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
TODAY = dt.date.today()


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    base = open_services(tmp_path / "data")
    me = base.workers.create("Sanne Jansen", "community_builder")
    base.workers.set_current(me.id)
    services = base.as_worker(me.id)
    yield services
    services.db.close()


def open_page(qtbot: QtBot, svc: Services, alias: str) -> ResidentsPage:
    page = ResidentsPage(svc)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    rid = svc.residents.search(alias)[0].id
    page.open_record(rid)
    assert page.current is not None and page.current.alias == alias
    return page


def table_rows(page: ResidentsPage) -> list[list[str]]:
    t = page.consent_table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_consents_are_listed_added_and_withdrawn_with_confirmation(
        qtbot: QtBot, svc: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    svc.residents.create(ResidentInput(
        alias="Opa Kees", full_name="Kees de Boer", notes="Houdt van schaken",
        consents=(("registration", TODAY - dt.timedelta(days=3)),)))
    page = open_page(qtbot, svc, "Opa Kees")
    given = format_date(TODAY - dt.timedelta(days=3))
    assert table_rows(page) == [["Vastleggen van gegevens", given, "Sanne Jansen", "nee"]]
    assert not page.withdraw_button.isEnabled()  # nothing chosen yet

    # Add: the dialog offers only the purposes not active yet.
    def record(dialog: QDialog) -> None:
        assert isinstance(dialog, ConsentDialog)
        codes = [dialog.purpose_combo.itemData(i) for i in range(dialog.purpose_combo.count())]
        assert codes == ["referral_follow_up", "contact"]
        dialog.purpose_combo.setCurrentIndex(1)
        dialog.accept()

    problems = on_modal(record)
    qtbot.mouseClick(page.add_consent_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert svc.residents.get(page.current.id).has_consent("contact")  # type: ignore[union-attr]
    assert [r[0] for r in table_rows(page)] == ["Vastleggen van gegevens", "Contact opnemen"]

    # Withdraw: the question says what will be cleared; "Nee" changes nothing.
    questions: list[str] = []
    answer = [False]

    def ask(_parent: Any, _title: str, text: str) -> bool:
        questions.append(text)
        return answer[0]

    monkeypatch.setattr(page_module, "ask", ask)
    page.consent_table.selectRow(0)
    assert page.withdraw_button.isEnabled()
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 1
    assert "naam en de notitie" in questions[0] and "anonieme aantallen" in questions[0]
    assert svc.residents.get_personal(page.current.id).full_name == "Kees de Boer"  # type: ignore[union-attr]
    answer[0] = True
    page.consent_table.selectRow(0)
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    after = svc.residents.get(page.current.id)  # type: ignore[union-attr]
    assert (after.full_name, after.notes) == (None, "")
    rows = table_rows(page)
    # Active first; the withdrawn one shows when and by whom.
    assert rows[-1][0] == "Vastleggen van gegevens"
    assert rows[-1][3] == f"{format_date(TODAY)} door Sanne Jansen"
    assert "anonieme aantallen" in page.consent_label.text()


def test_access_request_button_writes_pdf_and_json(
        qtbot: QtBot, svc: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    svc.residents.create(ResidentInput(alias="Jamila", full_name="Jamila Amrani",
                                       consents=(("registration", TODAY),)))
    page = open_page(qtbot, svc, "Jamila")
    out = tmp_path / "inzage"
    out.mkdir()
    monkeypatch.setattr(page_module, "choose_folder", lambda *_a: str(out))
    assert page.access_button.isEnabled()
    qtbot.mouseClick(page.access_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "opgeslagen" in page.access_label.text(), timeout=15000)
    files = sorted(out.iterdir())
    assert [f.suffix for f in files] == [".json", ".pdf"]
    assert json.loads(files[0].read_text(encoding="utf-8"))["resident"]["full_name"] == \
        "Jamila Amrani"
    assert "Jamila" in PdfReader(files[1]).pages[1].extract_text()
    # Cancelling the folder question does nothing.
    monkeypatch.setattr(page_module, "choose_folder", lambda *_a: "")
    qtbot.mouseClick(page.access_button, Qt.MouseButton.LeftButton)
    assert len(list(out.iterdir())) == 2


def test_edit_dialog_does_not_withdraw_a_consent_behind_the_users_back(
        qtbot: QtBot, svc: Services) -> None:
    from gezond_desktop.ui.dialogs.resident_dialog import ResidentDialog

    rid = svc.residents.create(ResidentInput(
        alias="Mo", phone="0612345678", consents=(("contact", TODAY),))).id
    dialog = ResidentDialog(svc, resident=svc.residents.get(rid))
    qtbot.addWidget(dialog)
    dialog.show()
    check = dialog.consent_checks["contact"]
    assert check.isChecked() and not check.isEnabled()
    assert "Toestemming intrekken" in check.toolTip()
    assert dialog.consent_checks["registration"].isEnabled()
