"""Rapportages: pick a report, a period and filters, look at the tables, export.

The report is built in the background (:func:`~gezond_desktop.ui.operations.run_op`,
with progress and cancel); the preview shows its key figures and tables in the
window; PDF, Excel and CSV are written by :func:`gezond_desktop.reports.export.export_report`,
which also records the export (it syncs to the programme team).
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...reports.csvout import cell_text
from ...reports.model import REPORT_KINDS, REPORT_TITLES, ReportResult, ReportSpec, Table
from ...services import Services
from ...tasks import TaskState
from ..common import heading
from ..operations import run_op

Index = QModelIndex | QPersistentModelIndex

# filter key -> (ReportSpec field, reference kind or "activity")
FILTERS: tuple[tuple[str, str, str], ...] = (
    ("neighbourhood", "neighbourhood_ids", "neighbourhood"),
    ("activity", "activity_ids", "activity"),
    ("programme_line", "programme_line_ids", "programme_line"),
    ("track", "track_ids", "track"),
    ("target_group", "target_group_ids", "target_group"),
    ("organisation", "organisation_ids", "organisation"),
)
REFERENCE_ENTITIES = frozenset(
    {"neighbourhood", "activity", "programme_line", "track", "target_group", "organisation"})
DATA_ENTITIES = frozenset({"encounter", "resident", "referral", "referral_event", "session",
                           "attendance", "activity", "positive_health_score",
                           "encounter_resident"})


def first_of_quarter(d: dt.date) -> dt.date:
    return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def quick_period(which: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """'year': this year up to today; 'quarter': the last whole quarter;
    'month': the last whole month."""
    if which == "year":
        return dt.date(today.year, 1, 1), today
    if which == "quarter":
        end = first_of_quarter(today) - dt.timedelta(days=1)
        return first_of_quarter(end), end
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


class ReportTableModel(QAbstractTableModel):
    """One report table (already small: aggregated rows), its total row last in bold."""

    def __init__(self, table: Table | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: Table | None = table

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def _rows(self) -> int:
        t = self._table
        if t is None:
            return 0
        return len(t.rows) + (1 if t.total_row is not None else 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.columns)

    def _row(self, r: int) -> list[Any]:
        t = self._table
        assert t is not None
        if r < len(t.rows):
            return t.rows[r]
        return t.total_row or []

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        t = self._table
        if t is None or not index.isValid():
            return None
        r, c = index.row(), index.column()
        if r >= self._rows() or c >= len(t.columns):
            return None
        kind = t.columns[c].kind
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._row(r)
            return cell_text(row[c] if c < len(row) else None, kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if kind in ("text", "date", "month"):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and t.total_row is not None and r == len(t.rows):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        t = self._table
        if role != Qt.ItemDataRole.DisplayRole or t is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(t.columns):
                return t.columns[section].label
            return None
        return str(section + 1)


class ReportsPage(QWidget):
    """The Rapportages page (register as ``ReportsPage`` in module ``reports``)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.title = self.tr("Rapportages")
        self.result: ReportResult | None = None
        self._result_spec: ReportSpec | None = None
        self.last_export: Path | None = None
        self._build()
        self.reload_filters()
        self._quick("year")
        self._update_state()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title, self))
        intro = QLabel(self.tr(
            "Kies een rapport, een periode en eventueel filters. Bekijk het voorbeeld en "
            "sla het op als PDF, Excel of CSV. Elke export wordt vastgelegd."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.kind = QComboBox(self)
        for kind in REPORT_KINDS:
            self.kind.addItem(self._kind_title(kind), kind)
        kind_label = QLabel(self.tr("&Rapport:"), self)
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)

        period = QHBoxLayout()
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("tot en met"), self))
        period.addWidget(self.date_to)
        self.quick_buttons: dict[str, QPushButton] = {}
        for key, text in (("year", self.tr("Dit &jaar")),
                          ("quarter", self.tr("Vorig &kwartaal")),
                          ("month", self.tr("Vorige &maand"))):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, k=key: self._quick(k))
            period.addWidget(button)
            self.quick_buttons[key] = button
        period.addStretch(1)
        period_box = QVBoxLayout()
        period_box.addLayout(period)
        self.period_error = QLabel("", self)
        self.period_error.setStyleSheet("color: #b00020;")
        self.period_error.setWordWrap(True)
        self.period_error.hide()
        period_box.addWidget(self.period_error)
        period_label = QLabel(self.tr("&Periode:"), self)
        period_label.setBuddy(self.date_from)
        form.addRow(period_label, period_box)
        layout.addLayout(form)

        box = QGroupBox(self.tr("Filters (niets gekozen: alles)"), self)
        grid = QGridLayout(box)
        self.filter_lists: dict[str, QListWidget] = {}
        labels = {"neighbourhood": self.tr("B&uurt"), "activity": self.tr("Ac&tiviteit"),
                  "programme_line": self.tr("Pro&grammalijn"), "track": self.tr("&Spoor"),
                  "target_group": self.tr("&Doelgroep"),
                  "organisation": self.tr("&Organisatie")}
        for i, (key, _field, _kind) in enumerate(FILTERS):
            lst = QListWidget(box)
            lst.setObjectName(f"filter_{key}")
            lst.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            lst.setUniformItemSizes(True)
            rows = 4
            lst.setMaximumHeight(lst.fontMetrics().height() * (rows + 1) + 8)
            lst.itemChanged.connect(lambda _item: self._update_state())
            label = QLabel(labels[key], box)
            label.setBuddy(lst)
            grid.addWidget(label, (i // 3) * 2, i % 3)
            grid.addWidget(lst, (i // 3) * 2 + 1, i % 3)
            self.filter_lists[key] = lst
        layout.addWidget(box)

        self.internal = QCheckBox(self.tr("&Interne werkversie (exacte aantallen)"), self)
        layout.addWidget(self.internal)
        self.internal_warning = QLabel(self.tr(
            "Let op: deze versie toont ook kleine aantallen (1 tot 4). Daardoor kunnen "
            "inwoners herkenbaar zijn. Alleen voor gebruik binnen de organisatie; dit staat "
            "ook op het rapport."), self)
        self.internal_warning.setWordWrap(True)
        self.internal_warning.setStyleSheet("color: #9b2c1f; font-weight: bold;")
        self.internal_warning.hide()
        layout.addWidget(self.internal_warning)

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("&Voorbeeld tonen"), self)
        self.preview_button.setDefault(True)
        self.pdf_button = QPushButton(self.tr("Opslaan als P&DF..."), self)
        self.xlsx_button = QPushButton(self.tr("Opslaan als &Excel..."), self)
        self.csv_button = QPushButton(self.tr("Opslaan als &CSV..."), self)
        self.delimiter = QComboBox(self)
        self.delimiter.addItem(self.tr("; (Nederlandse Excel)"), ";")
        self.delimiter.addItem(self.tr(", (komma)"), ",")
        self.delimiter.setToolTip(self.tr("Scheidingsteken in het CSV-bestand"))
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        for w in (self.pdf_button, self.xlsx_button, self.csv_button):
            buttons.addWidget(w)
        delimiter_label = QLabel(self.tr("Scheidingste&ken:"), self)
        delimiter_label.setBuddy(self.delimiter)
        buttons.addWidget(delimiter_label)
        buttons.addWidget(self.delimiter)
        layout.addLayout(buttons)

        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

        self.figures = QLabel("", self)
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.figures)
        table_row = QHBoxLayout()
        self.table_choice = QComboBox(self)
        self.table_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        table_label = QLabel(self.tr("Ta&bel:"), self)
        table_label.setBuddy(self.table_choice)
        table_row.addWidget(table_label)
        table_row.addWidget(self.table_choice)
        table_row.addStretch(1)
        layout.addLayout(table_row)
        self.model = ReportTableModel(parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.view, 1)
        self.note = QLabel("", self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

        self.kind.currentIndexChanged.connect(lambda _i: self._update_state())
        self.date_from.dateChanged.connect(lambda _d: self._update_state())
        self.date_to.dateChanged.connect(lambda _d: self._update_state())
        self.internal.toggled.connect(self._internal_toggled)
        self.preview_button.clicked.connect(self.build_preview)
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.table_choice.currentIndexChanged.connect(self._show_table)

    def _kind_title(self, kind: str) -> str:
        titles = {
            "attendance": self.tr("Aanwezigheid bij activiteiten"),
            "reach": self.tr("Bereik van inwoners"),
            "referrals": self.tr("Verwijzingen"),
            "impact": self.tr("Positieve Gezondheid: intake en afsluiting"),
            "overview": self.tr("Programma-overzicht per focusbuurt"),
            "central": self.tr("Centrale export voor het programmateam"),
        }
        return titles.get(kind, REPORT_TITLES.get(kind, kind))

    # -- filters ---------------------------------------------------------------------
    def reload_filters(self) -> None:
        """(Re)fill the filter lists from the reference data, keeping what was ticked."""
        for key, _field, kind in FILTERS:
            lst = self.filter_lists[key]
            ticked = set(self._checked(key))
            lst.blockSignals(True)
            lst.clear()
            if kind == "activity":
                items = [(a.id, a.name) for a in self.services.activities.list()]
            else:
                items = [(r.id, r.name) for r in self.services.reference.list(kind)]
            for id_, name in items:
                item = QListWidgetItem(name, lst)
                item.setData(Qt.ItemDataRole.UserRole, id_)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if id_ in ticked
                                   else Qt.CheckState.Unchecked)
            lst.blockSignals(False)

    def _checked(self, key: str) -> list[uuid.UUID]:
        lst = self.filter_lists[key]
        out = []
        for i in range(lst.count()):
            item = lst.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def set_filter(self, key: str, names: list[str]) -> None:
        """Tick exactly these names in one filter list (for keyboard-less scripting/tests)."""
        lst = self.filter_lists[key]
        for i in range(lst.count()):
            item = lst.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names
                               else Qt.CheckState.Unchecked)

    # -- state -----------------------------------------------------------------------
    def _quick(self, which: str) -> None:
        start, end = quick_period(which, dt.date.today())
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))

    def _internal_toggled(self, on: bool) -> None:
        self.internal_warning.setVisible(on)
        self._update_state()

    @staticmethod
    def _date(edit: QDateEdit) -> dt.date:
        d = edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def current_spec(self) -> ReportSpec:
        ids = {key: tuple(self._checked(key)) for key, _field, _kind in FILTERS}
        return ReportSpec(kind=str(self.kind.currentData()), date_from=self._date(self.date_from),
                          date_to=self._date(self.date_to), suppress=not self.internal.isChecked(),
                          neighbourhood_ids=ids["neighbourhood"], activity_ids=ids["activity"],
                          programme_line_ids=ids["programme_line"], track_ids=ids["track"],
                          target_group_ids=ids["target_group"],
                          organisation_ids=ids["organisation"])

    def _update_state(self) -> None:
        spec = self.current_spec()
        bad_period = spec.date_to < spec.date_from
        self.period_error.setText(self.tr(
            "De einddatum ligt voor de begindatum. Kies een latere einddatum.")
            if bad_period else "")
        self.period_error.setVisible(bad_period)
        central = spec.kind == "central"
        may = self._may_export()
        self.preview_button.setEnabled(not bad_period and not central)
        self.pdf_button.setEnabled(not bad_period and not central and may)
        self.xlsx_button.setEnabled(not bad_period and may)
        self.csv_button.setEnabled(not bad_period and may)
        hint = "" if may else self.tr(
            "Alleen een coördinator mag rapporten opslaan. U kunt wel het voorbeeld bekijken.")
        for b in (self.pdf_button, self.xlsx_button, self.csv_button):
            b.setToolTip(hint)
        if central:
            self.status.setText(self.tr(
                "De centrale export heeft geen voorbeeld. Hij bevat alle gedeelde gegevens "
                "als tabellen, zonder namen, contactgegevens of notities."))
        elif self.result is not None and self._result_spec != spec:
            self.status.setText(self.tr(
                "Het voorbeeld hoort niet meer bij uw keuzes. Klik op Voorbeeld tonen."))
        elif self.result is None:
            self.status.setText(self.tr("Klik op Voorbeeld tonen om de tabellen te zien."))

    def _may_export(self) -> bool:
        from ...security.permissions import allowed

        if not hasattr(self, "_export_right"):
            self._export_right = allowed(self.services.actor(), "export")
        return self._export_right

    def _worker_name(self) -> str:
        if self.services.worker_id is None:
            return ""
        return self.services.workers.get(self.services.worker_id).name

    # -- preview ---------------------------------------------------------------------
    def build_preview(self) -> None:
        spec = self.current_spec()
        if spec.kind == "central" or spec.date_to < spec.date_from:
            return
        db, name = self.services.db, self._worker_name()

        def work(state: TaskState) -> ReportResult:
            from ...reports.queries import build_report

            state.report(0, 0, self.tr("Rapport maken..."))
            return build_report(db, spec, worker_name=name,
                                progress=state.progress(self.tr("Rapport maken...")))

        self.preview_button.setEnabled(False)
        self.status.setText(self.tr("Het voorbeeld wordt gemaakt..."))
        self._preview_op = run_op(self, work, lambda r: self._show_preview(spec, r),
                                  title=self.tr("Voorbeeld maken"),
                                  on_error=self._op_failed, on_cancelled=self._update_state)
        self._preview_op.finished.connect(self._update_state)

    def _show_preview(self, spec: ReportSpec, result: ReportResult) -> None:
        self.result = result
        self._result_spec = spec
        lines = []
        for section in result.sections:
            if section.figures:
                figures = ", ".join(f"{label}: {cell_text(value, 'int')}"
                                    for label, value in section.figures)
                lines.append(f"{section.title}: {figures}")
        self.figures.setText("\n".join(lines[:3]) + ("\n…" if len(lines) > 3 else ""))
        self.table_choice.blockSignals(True)
        self.table_choice.clear()
        many = len([s for s in result.sections if s.tables]) > 1
        for section in result.sections:
            for table in section.tables:
                label = f"{section.title}: {table.title}" if many else table.title
                self.table_choice.addItem(label)
        self.table_choice.blockSignals(False)
        self._show_table(0)
        text = self.tr("Voorbeeld van %1, %2 tabel(len).")
        self.status.setText(text.replace("%1", result.title)
                            .replace("%2", str(len(result.tables))))

    def _show_table(self, index: int) -> None:
        tables = self.result.tables if self.result else []
        table = tables[index] if 0 <= index < len(tables) else None
        self.model.set_table(table)
        self.note.setText(table.note if table else "")
        self.view.resizeColumnsToContents()

    # -- export ----------------------------------------------------------------------
    def ask_path(self, fmt: str) -> Path | None:
        """Ask where to save; None when the user cancels."""
        spec = self.current_spec()
        docs = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suffix = {"pdf": "pdf", "xlsx": "xlsx", "csv": "zip"}[fmt]
        name = f"{spec.kind}_{spec.date_from:%Y%m%d}-{spec.date_to:%Y%m%d}.{suffix}"
        filters = {"pdf": self.tr("PDF-bestand (*.pdf)"),
                   "xlsx": self.tr("Excel-bestand (*.xlsx)"),
                   "csv": self.tr("CSV-bestanden (*.csv *.zip)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Rapport opslaan"),
                                              str(Path(docs) / name), filters[fmt])
        return Path(path) if path else None

    def export(self, fmt: str) -> None:
        spec = self.current_spec()
        if spec.date_to < spec.date_from:
            return
        if spec.kind == "central" and fmt == "pdf":
            return
        path = self.ask_path(fmt)
        if path is None:
            return
        db, worker_id, name = self.services.db, self.services.worker_id, self._worker_name()
        delimiter = str(self.delimiter.currentData())
        ready = self.result if self._result_spec == spec else None

        services = self.services

        def work(state: TaskState) -> Path:
            from ...reports.export import export_report

            services.require("export")  # coordinators make exports (checked in the service)
            written = export_report(db, spec, fmt, path, worker_id=worker_id, worker_name=name,
                                    delimiter=delimiter,
                                    progress=state.progress(self.tr("Bestand maken...")),
                                    result=ready)
            services.audit.record_export(spec.kind, str(written))
            return written

        for b in (self.pdf_button, self.xlsx_button, self.csv_button):
            b.setEnabled(False)
        self.status.setText(self.tr("Het bestand wordt gemaakt..."))
        self._export_op = run_op(self, work, self._exported, title=self.tr("Rapport opslaan"),
                                 on_error=self._op_failed, on_cancelled=self._cancelled)
        self._export_op.finished.connect(self._update_state)

    def _exported(self, path: Path) -> None:
        self.last_export = path
        text = self.tr("Opgeslagen: %1. De export is vastgelegd.")
        self.status.setText(text.replace("%1", str(path)))
        self.services.notify(frozenset({"export_record"}))

    def _cancelled(self) -> None:
        self.status.setText(self.tr("Gestopt. Er is niets opgeslagen."))

    def _op_failed(self, exc: Exception) -> None:
        self.status.setText(getattr(exc, "message", str(exc)))

    # -- page protocol ---------------------------------------------------------------
    def refresh(self, changed: frozenset[str]) -> None:
        if changed & REFERENCE_ENTITIES:
            self.reload_filters()
        if self.result is not None and changed & DATA_ENTITIES:
            self._result_spec = None  # the preview is out of date
            self._update_state()
