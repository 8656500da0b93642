"""Verwijzingen as a welfare coach uses it: register a referral in one dialog, walk it
through its statuses to Afgerond with closing scores, see overdue follow-ups stand
out, filter the board, and the Positive Health spider chart."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import on_modal

from gezond_desktop.services import Services, open_services
from gezond_desktop.services.referrals import ReferralFilter, ReferralInput
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.ui.dialogs.referral_dialogs import NewReferralDialog, StepDialog
from gezond_desktop.ui.pages.referrals import ReferralColumnModel, ReferralsPage
from gezond_desktop.ui.widgets.spider import (
    CLOSING_COLOR,
    INTAKE_COLOR,
    SpiderChart,
    default_series,
    render_spider,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SHOTS = os.environ.get("GEZOND_SHOTS")
TODAY = dt.date.today()
INTAKE = {"body": 4, "mental": 3, "meaning": 5, "quality_of_life": 4, "participation": 2,
          "daily_functioning": 6}
CLOSING = {"body": 6, "mental": 7, "meaning": 7, "quality_of_life": 6, "participation": 8,
           "daily_functioning": 7}


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    base = open_services(tmp_path / "data")
    me = base.workers.create("Sanne Jansen", "welfare_coach")
    base.workers.create("Ahmed Bouzid", "welfare_coach")
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


def type_scores(qtbot: QtBot, spins: dict[str, QSpinBox], scores: dict[str, int]) -> None:
    for code, value in scores.items():
        spin = spins[code]
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, str(value))
        assert spin.value() == value


def offered(page: ReferralsPage) -> list[str]:
    """The next-step buttons a user can see and click."""
    panel = page.detail_panel
    visible = [b.objectName().removeprefix("step_") for b in panel.findChildren(QPushButton)
               if b.objectName().startswith("step_") and b.isVisible()]
    assert visible == list(panel.step_buttons)
    return visible


def step_via_ui(qtbot: QtBot, page: ReferralsPage, status: str,
                fill: Callable[[StepDialog], None] | None = None) -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        assert dialog.new_status.value == status
        if fill is not None:
            fill(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), dialog.errors.general.text()

    problems = on_modal(act)
    qtbot.mouseClick(page.detail_panel.step_buttons[status], Qt.MouseButton.LeftButton)
    assert problems == []


def test_register_and_walk_to_completed_with_scores(qtbot: QtBot, svc: Services) -> None:
    resident = svc.residents.create(ResidentInput(alias="Marleen", birth_year=1970))
    page = ReferralsPage(svc)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    assert page.title == "Verwijzingen"

    def register(dialog: QDialog) -> None:
        assert isinstance(dialog, NewReferralDialog)
        # The resident is found by part of the alias; Enter chooses.
        qtbot.keyClicks(dialog.resident_lookup, "marl")
        qtbot.keyClick(dialog.resident_lookup, Qt.Key.Key_Return)
        assert dialog.resident_id == resident.id
        assert "Marleen" in dialog.resident_chosen_label.text()
        assert dialog.pathway_combo.currentData() == "welzijn_op_recept"
        assert dialog.coach_combo.currentText().startswith("Sanne Jansen")  # me, a coach
        qtbot.keyClicks(dialog.reason_edit, "Eenzaam sinds verhuizing")
        dialog.destinations.set_filter("leergeld")
        visible = [dialog.destinations.item(i) for i in range(dialog.destinations.count())
                   if not dialog.destinations.item(i).isHidden()]
        assert [i.text() for i in visible] == ["Stichting Leergeld (organisatie)"]
        visible[0].setCheckState(Qt.CheckState.Checked)
        dialog.scores_box.setChecked(True)
        # Scores half filled in: the missing ones are named next to their field.
        type_scores(qtbot, dialog.intake_scores.spins, {"body": 4})
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert "Mentaal welbevinden" in dialog.errors.label_for("intake_scores.mental").text()
        type_scores(qtbot, dialog.intake_scores.spins, INTAKE)
        shot(dialog, "referral_new_dialog")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), dialog.errors.general.text()

    problems = on_modal(register)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert problems == []

    [row] = page.board_rows("registered")
    assert row.resident_alias == "Marleen"
    assert page.current_id == row.id
    panel = page.detail_panel
    assert panel.fact_labels["destinations"].text() == "Stichting Leergeld"
    assert panel.fact_labels["reason"].text() == "Eenzaam sinds verhuizing"
    # Only the legal next statuses are offered.
    assert offered(page) == ["contact_made", "stopped", "not_reached"]
    assert [s.value for s in svc.referrals.next_statuses(row.id)] == offered(page)

    step_via_ui(qtbot, page, "contact_made",
                lambda d: qtbot.keyClicks(d.note_edit, "Gebeld, afspraak gemaakt"))
    assert offered(page) == ["intake", "stopped"]
    assert [r.id for r in page.board_rows("contact_made")] == [row.id]
    step_via_ui(qtbot, page, "intake")
    assert offered(page) == ["in_progress", "completed", "stopped"]
    step_via_ui(qtbot, page, "in_progress")
    assert offered(page) == ["completed", "stopped"]
    assert "not_reached" not in offered(page) and "registered" not in offered(page)

    def close(d: StepDialog) -> None:
        # Afgerond asks for the outcome and the closing scores.
        assert d.outcome_combo is not None and d.scores is not None
        qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
        assert d.isVisible()
        assert d.errors.label_for("closing_scores.body").isVisible()
        type_scores(qtbot, d.scores.spins, CLOSING)
        qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
        assert d.isVisible()
        assert "resultaat" in d.errors.label_for("outcome").text()
        d.outcome_combo.setCurrentIndex(d.outcome_combo.findData("activity"))
        shot(d, "referral_close_dialog")

    step_via_ui(qtbot, page, "completed", close)
    assert offered(page) == []
    assert panel.steps_label.text() == "Deze verwijzing is afgesloten."
    assert [r.id for r in page.board_rows("completed")] == [row.id]
    assert page.board_rows("in_progress") == []
    assert panel.fact_labels["status"].text() == "Afgerond"
    assert panel.fact_labels["outcome"].text() == "Meedoen aan een activiteit"
    timeline = panel.timeline_texts()
    assert [t.split(" · ")[1].split("\n")[0] for t in timeline] == [
        "Aangemeld", "Contact gelegd", "Intake", "Loopt", "Afgerond"]
    assert "Gebeld, afspraak gemaakt" in timeline[1]
    # The spider chart shows intake and closing over each other.
    series = panel.spider.series()
    assert [s.label for s in series] == ["Bij intake", "Bij afsluiten"]
    assert [dict(s.values) for s in series] == [INTAKE, CLOSING]
    detail = svc.referrals.get(row.id)
    assert detail.closing_scores is not None and detail.closing_scores.as_dict() == CLOSING
    assert detail.referral.outcome == "activity"
    shot(page, "referrals_page")


def make_caseload(svc: Services) -> dict[str, Any]:
    ahmed = next(w for w in svc.workers.list() if w.name == "Ahmed Bouzid")
    ids: dict[str, Any] = {}
    for alias, pathway, source, coach, follow_up in (
        ("Jamila", "welzijn_op_recept", "gp", svc.worker_id, TODAY - dt.timedelta(days=2)),
        ("Opa Kees", "vindplaats", "self", ahmed.id, TODAY + dt.timedelta(days=5)),
        ("Tom", "welzijn_op_recept", "practice_nurse", ahmed.id, None),
    ):
        r = svc.residents.create(ResidentInput(
            alias=alias, consents=(("referral_follow_up", TODAY),)))
        ids[alias] = svc.referrals.register(ReferralInput(
            resident_id=r.id, pathway=pathway, source=source, coach_id=coach,
            registered_on=TODAY - dt.timedelta(days=20), follow_up_on=follow_up)).id
    ids["ahmed"] = ahmed.id
    return ids


def test_overdue_follow_up_stands_out_not_by_colour_alone(qtbot: QtBot,
                                                          svc: Services) -> None:
    ids = make_caseload(svc)
    page = ReferralsPage(svc)
    qtbot.addWidget(page)
    page.show()
    column = page.columns["registered"]
    model = column.model
    rows = {model.referral(i).resident_alias: model.index(i, 0)
            for i in range(model.rowCount())}
    late, fine = rows["Jamila"], rows["Opa Kees"]
    assert "te laat" in model.data(late)
    assert model.data(late, Qt.ItemDataRole.FontRole).bold()
    assert model.data(late, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(late, Qt.ItemDataRole.ForegroundRole).color() == QColor("#b00020")
    assert "te laat" not in model.data(fine)
    assert model.data(fine, Qt.ItemDataRole.FontRole) is None
    assert model.data(fine, Qt.ItemDataRole.DecorationRole) is None
    assert model.row_of(ids["Jamila"]) == 0  # overdue first
    assert "1 te laat" in column.header.text()
    assert "1 te laat" in page.summary_label.text()
    # In the detail panel too.
    page.open_record(ids["Jamila"])
    assert "te laat" in page.detail_panel.fact_labels["follow_up"].text()


def test_filters_narrow_the_board(qtbot: QtBot, svc: Services) -> None:
    ids = make_caseload(svc)
    page = ReferralsPage(svc)
    qtbot.addWidget(page)
    page.show()

    def aliases() -> set[str]:
        return {r.resident_alias for st in page.columns for r in page.board_rows(st)}

    assert aliases() == {"Jamila", "Opa Kees", "Tom"}
    page.pathway_combo.setCurrentIndex(page.pathway_combo.findData("vindplaats"))
    assert aliases() == {"Opa Kees"}
    page.pathway_combo.setCurrentIndex(0)
    page.coach_combo.setCurrentIndex(page.coach_combo.findText("Ahmed Bouzid"))
    assert page.current_filter().coach_id == ids["ahmed"]
    assert aliases() == {"Opa Kees", "Tom"}
    page.source_combo.setCurrentIndex(page.source_combo.findData("practice_nurse"))
    assert aliases() == {"Tom"}
    page.coach_combo.setCurrentIndex(0)
    page.source_combo.setCurrentIndex(0)
    qtbot.mouseClick(page.overdue_check, Qt.MouseButton.LeftButton)
    assert aliases() == {"Jamila"}
    qtbot.mouseClick(page.overdue_check, Qt.MouseButton.LeftButton)
    page.focus_search()
    qtbot.keyClicks(page.search_edit, "kee")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert aliases() == {"Opa Kees"}
    # Closed columns can be hidden.
    assert page.columns["completed"].isVisible()
    qtbot.mouseClick(page.closed_check, Qt.MouseButton.LeftButton)
    assert not page.columns["completed"].isVisible()
    assert page.columns["registered"].isVisible()


def test_step_dialog_refuses_a_status_that_is_not_legal(qtbot: QtBot, svc: Services) -> None:
    ids = make_caseload(svc)
    page = ReferralsPage(svc)
    qtbot.addWidget(page)
    page.show()
    page.open_record(ids["Tom"])
    assert "completed" not in offered(page)
    opened: list[object] = []
    QTimer.singleShot(0, lambda: opened.append(QApplication.activeModalWidget()))
    page.take_step("completed")  # never offered: nothing opens, nothing changes
    QApplication.processEvents()
    assert opened == [None]
    assert svc.referrals.get(ids["Tom"]).referral.status == "registered"


def test_column_model_passes_the_model_tester(qtbot: QtBot, svc: Services) -> None:
    make_caseload(svc)
    model = ReferralColumnModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    rows = svc.referrals.list(ReferralFilter())
    model.set_rows(rows)
    assert model.rowCount() == 3
    assert model.data(model.index(0, 0), ReferralColumnModel.IdRole) == rows[0].id
    assert model.rowCount(model.index(0, 0)) == 0
    model.set_rows(rows[:1])
    model.set_rows([])
    assert model.rowCount() == 0


def colour_count(image: QImage, colour: QColor) -> int:
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - colour.red()) < 8 and abs(c.green() - colour.green()) < 8 \
                    and abs(c.blue() - colour.blue()) < 8:
                found += 1
    return found


def test_spider_chart_draws_two_series(qtbot: QtBot) -> None:
    chart = SpiderChart()
    qtbot.addWidget(chart)
    chart.resize(chart.sizeHint())
    chart.show()
    empty = chart.grab().toImage()
    assert not empty.isNull() and chart.toolTip() == "Nog geen scores"
    assert colour_count(empty, INTAKE_COLOR) == 0
    chart.set_scores(INTAKE, CLOSING)
    image = chart.grab().toImage()
    assert not image.isNull()
    assert [s.label for s in chart.series()] == ["Bij intake", "Bij afsluiten"]
    # Both series are really drawn, each in its own colour (and line style).
    assert colour_count(image, INTAKE_COLOR) > 20
    assert colour_count(image, CLOSING_COLOR) > 20
    assert chart.series()[0].dashed and not chart.series()[1].dashed
    assert "Meedoen: Bij intake: 2 / Bij afsluiten: 8" in chart.toolTip()
    # Rendering to an image (for PDF reports) works without a widget.
    pdf_image = render_spider(default_series(INTAKE, CLOSING), QSize(400, 360), scale=2.0)
    assert (pdf_image.width(), pdf_image.height()) == (800, 720)
    assert colour_count(pdf_image, CLOSING_COLOR) > 20
    assert not chart.to_image().isNull()
    shot(chart, "spider")
    # Only intake: one series.
    chart.set_scores(INTAKE, None)
    assert [s.label for s in chart.series()] == ["Bij intake"]
