"""The Rapportages page, driven the way a coordinator drives it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QAbstractItemModelTester
from sqlalchemy import select

from gezond_desktop.models import ExportRecord
from gezond_desktop.reports.model import Column, Table
from gezond_desktop.services import Services, open_services
from gezond_desktop.ui.pages.reports import ReportsPage, ReportTableModel, quick_period


@pytest.fixture
def demo_services(tmp_path: Path) -> Iterator[Services]:
    from gezond_desktop import demo

    svc = open_services(tmp_path / "demo")
    try:
        demo.generate(svc, seed=1, scale=0.05)
        coordinator = svc.workers.current()
        yield svc.as_worker(coordinator.id) if coordinator else svc
    finally:
        svc.db.close()


@pytest.fixture
def page(qtbot: Any, demo_services: Services) -> ReportsPage:
    p = ReportsPage(demo_services)
    qtbot.addWidget(p)
    p.resize(1100, 800)
    p.show()
    return p


def _pick(qtbot: Any, page: ReportsPage, kind: str) -> None:
    page.kind.setFocus()
    while page.kind.currentData() != kind:
        qtbot.keyClick(page.kind, Qt.Key.Key_Down)


def _wait_idle(qtbot: Any) -> None:
    from gezond_desktop.ui import operations

    qtbot.waitUntil(lambda: operations.running() == 0, timeout=20_000)


def test_quick_periods() -> None:
    today = dt.date(2026, 5, 14)
    assert quick_period("year", today) == (dt.date(2026, 1, 1), today)
    assert quick_period("quarter", today) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert quick_period("month", today) == (dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert quick_period("quarter", dt.date(2026, 2, 1)) == (dt.date(2025, 10, 1),
                                                           dt.date(2025, 12, 31))


def test_table_model_passes_the_model_tester(qtbot: Any) -> None:
    table = Table("t", "Per maand", [Column("m", "Maand", "month"), Column("n", "Deelnames")],
                  [[dt.date(2025, 1, 1), 1234], [dt.date(2025, 2, 1), "<5"]],
                  total_row=["Totaal", 1240])
    model = ReportTableModel()
    tester = QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_table(table)
    assert model.rowCount() == 3 and model.columnCount() == 2
    assert model.data(model.index(0, 0)) == "jan 2025"
    assert model.data(model.index(0, 1)) == "1.234"
    assert model.data(model.index(1, 1)) == "<5"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Deelnames"
    assert model.data(model.index(2, 0), Qt.ItemDataRole.FontRole).bold()
    model.set_table(None)
    assert model.rowCount() == 0
    del tester
    assert isinstance(model, QAbstractItemModel)


def test_preview_and_export_through_the_page(qtbot: Any, page: ReportsPage,
                                             demo_services: Services, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _pick(qtbot, page, "attendance")
    # The whole demo year: the last twelve months up to today.
    today = dt.date.today()
    start = today - dt.timedelta(days=365)
    page.date_from.setDate(page.date_from.date().fromString(start.isoformat(), "yyyy-MM-dd"))
    page.date_to.setDate(page.date_to.date().fromString(today.isoformat(), "yyyy-MM-dd"))
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    _wait_idle(qtbot)
    tester = QAbstractItemModelTester(
        page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert page.result is not None
    assert page.table_choice.count() == len(page.result.tables) >= 2
    first = page.result.tables[0]
    assert page.model.data(page.model.index(0, 0)) == first.rows[0][0]
    assert "Deelnames" in page.figures.text()
    assert page.grab().save(str(tmp_path / "reports_page.png"))

    # A different choice makes the preview stale, and says so.
    page.set_filter("neighbourhood", ["Hambaken"])
    assert "hoort niet meer bij uw keuzes" in page.status.text()
    page.set_filter("neighbourhood", [])

    target = tmp_path / "uit" / "aanwezigheid.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(page, "ask_path", lambda fmt: target)
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=20_000)
    _wait_idle(qtbot)
    assert page.last_export == target and target.is_file()
    assert "Opgeslagen" in page.status.text()
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[0] == "Over dit rapport" and len(wb.sheetnames) >= 3
    with demo_services.db.read() as s:
        [rec] = s.scalars(select(ExportRecord)).all()
    assert (rec.report, rec.file_format, rec.suppressed) == ("attendance", "xlsx", True)
    assert rec.created_by == demo_services.worker_id
    exports = demo_services.as_worker(None).audit.entries(action="export")
    assert exports and "aanwezigheid.xlsx" in str(exports[0].detail)
    del tester


def test_export_is_refused_for_a_community_builder(qtbot: Any, demo_services: Services,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    builder = demo_services.workers.create("Sanne", "community_builder")
    svc = demo_services.as_worker(builder.id)
    page = ReportsPage(svc)
    qtbot.addWidget(page)
    page.show()
    target = tmp_path / "mag-niet.xlsx"
    monkeypatch.setattr(page, "ask_path", lambda fmt: target)
    refusals: list[str] = []
    monkeypatch.setattr(page, "_op_failed", lambda exc: refusals.append(exc.message))
    assert not page.xlsx_button.isEnabled() and not page.pdf_button.isEnabled()
    assert "Alleen een coördinator" in page.xlsx_button.toolTip()
    assert page.preview_button.isEnabled()  # looking is fine, taking it out is not
    page.export("xlsx")  # even when asked directly, the service layer refuses
    _wait_idle(qtbot)
    assert not target.exists()
    assert refusals and "mag" in refusals[0]  # the refusal, in plain Dutch
    with svc.db.read() as s:
        assert s.scalars(select(ExportRecord)).all() == []


def test_internal_version_warns_and_central_has_no_preview(qtbot: Any,
                                                           page: ReportsPage) -> None:
    assert not page.internal_warning.isVisible()
    page.internal.setFocus()
    qtbot.keyClick(page.internal, Qt.Key.Key_Space)
    assert page.internal.isChecked() and page.internal_warning.isVisible()
    assert page.current_spec().suppress is False
    _pick(qtbot, page, "central")
    assert not page.preview_button.isEnabled() and not page.pdf_button.isEnabled()
    assert page.xlsx_button.isEnabled() and page.csv_button.isEnabled()


def test_end_before_start_is_refused_next_to_the_period(qtbot: Any, page: ReportsPage) -> None:
    page.date_to.setDate(page.date_from.date().addDays(-1))
    assert page.period_error.isVisible()
    assert "einddatum ligt voor de begindatum" in page.period_error.text()
    assert not page.preview_button.isEnabled() and not page.xlsx_button.isEnabled()
    qtbot.mouseClick(page.quick_buttons["month"], Qt.MouseButton.LeftButton)
    assert not page.period_error.isVisible() and page.preview_button.isEnabled()


def test_new_reference_data_appears_in_the_filters(page: ReportsPage,
                                                   demo_services: Services) -> None:
    demo_services.reference.save("neighbourhood", {
        "name": "Zuiderpark", "code": "zuiderpark", "municipality": "'s-Hertogenbosch"})
    page.refresh(frozenset({"neighbourhood"}))
    lst = page.filter_lists["neighbourhood"]
    assert "Zuiderpark" in [lst.item(i).text() for i in range(lst.count())]
