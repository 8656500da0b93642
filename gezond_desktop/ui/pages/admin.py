"""Beheer (coordinators): neighbourhoods, venues, organisations and their services,
activities, target groups, topics, tracks and programme lines. Add, edit, retire
(retired values stay on old records, shown greyed) and import from CSV or Excel.
The last tab, Bewaartermijnen, sets the retention periods and runs a purge after
a preview (docs/erasure.md)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import GezondError
from ...services import Services
from ...services.activities import ActivityView
from ...services.erasure import MAX_MONTHS, PurgeCandidate, PurgeResult, RetentionSettings
from ...services.imports import ImportReport
from ...services.reference import RefItem
from ...tasks import TaskState
from .. import errors as ui_errors
from .. import labels as ui_labels
from ..common import format_date, heading
from ..dialogs_activity import ActivityDialog, ModelIndex, retired_label
from ..dialogs_admin import ImportReportDialog, RefEditDialog, plural
from ..dialogs_erasure import PurgeConfirmDialog
from ..operations import run_op
from ..row_model import RowTableModel
from .activities import RETIRED_COLOR, ActivityListModel

# Tabs in order: (kind, entities whose change means this tab must reload).
TABS: tuple[tuple[str, frozenset[str]], ...] = (
    ("neighbourhood", frozenset({"neighbourhood"})),
    ("venue", frozenset({"venue", "neighbourhood"})),
    ("organisation", frozenset({"organisation"})),
    ("organisation_service", frozenset({"organisation_service", "organisation"})),
    ("activity", frozenset({"activity", "neighbourhood", "organisation", "venue"})),
    ("target_group", frozenset({"target_group"})),
    ("topic", frozenset({"topic"})),
    ("track", frozenset({"track"})),
    ("programme_line", frozenset({"programme_line"})),
)


class RefTableModel(RowTableModel[RefItem]):
    """The values of one kind (at most a few hundred), retired ones greyed."""

    numbered = True

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.parent_names: dict[uuid.UUID, str] = {}
        self._yes = self.tr("Ja")
        self._in_use = self.tr("In gebruik")
        self._retired = self.tr("Niet meer in gebruik")
        headers = {
            "neighbourhood": [self.tr("Naam"), self.tr("Code"), self.tr("Gemeente"),
                              self.tr("Focusbuurt")],
            "venue": [self.tr("Naam"), self.tr("Soort"), self.tr("Buurt")],
            "organisation": [self.tr("Naam"), self.tr("Soort")],
            "organisation_service": [self.tr("Naam"), self.tr("Organisatie")],
        }
        self.headers = [*headers.get(kind, [self.tr("Naam"), self.tr("Code")]),
                        self.tr("Status")]

    def set_rows(self, rows: Sequence[RefItem],
                 parent_names: dict[uuid.UUID, str] | None = None) -> None:
        self.parent_names = parent_names or {}
        super().set_rows(rows)

    def _cell(self, r: RefItem, col: int) -> str:
        if col == len(self.headers) - 1:
            return self._retired if r.retired else self._in_use
        if col == 0:
            return retired_label(r.name, r.retired)
        k = self.kind
        if k == "neighbourhood":
            return (r.code, r.detail, self._yes if r.is_focus else "")[col - 1]
        if k == "venue":
            if col == 1:
                return ui_labels.tr_label(r.detail)
            return self.parent_names.get(r.parent_id, "") if r.parent_id else ""
        if k == "organisation":
            return ui_labels.tr_label(r.detail)
        if k == "organisation_service":
            return self.parent_names.get(r.parent_id, "") if r.parent_id else ""
        return r.code

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(r, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and r.retired:
            return QBrush(QColor(RETIRED_COLOR))
        return None


class RefPanel(QWidget):
    """One tab of Beheer: a table of values with add, edit, retire and import."""

    def __init__(self, services: Services, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.kind = kind
        self.dialog: QDialog | None = None
        self.last_report: ImportReport | None = None
        self.model: QAbstractTableModel = self._make_model()
        lay = QVBoxLayout(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Toevoegen"))
        self.edit_button = QPushButton(self.tr("&Wijzigen"))
        self.retire_button = QPushButton(self.tr("Niet meer in gebr&uik"))
        self.import_button = QPushButton(self.tr("I&mporteren uit CSV of Excel..."))
        for b in (self.add_button, self.edit_button, self.retire_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        lay.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.view.activated.connect(lambda _i: self.edit())
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update())
        self.reload()

    # -- data ---------------------------------------------------------------------------
    def _make_model(self) -> QAbstractTableModel:
        if self.kind == "activity":
            return ActivityListModel(self)
        return RefTableModel(self.kind, self)

    def current(self) -> Any:
        idx = self.view.currentIndex()
        rows: list[Any] = self.model.rows  # type: ignore[attr-defined]
        if not idx.isValid() or idx.row() >= len(rows):
            return None
        return rows[idx.row()]

    def reload(self) -> None:
        keep = self.current()
        if isinstance(self.model, ActivityListModel):
            self.model.set_rows(self.services.activities.list(include_retired=True))
        else:
            assert isinstance(self.model, RefTableModel)
            parents: dict[uuid.UUID, str] = {}
            parent_kind = {"venue": "neighbourhood",
                           "organisation_service": "organisation"}.get(self.kind)
            if parent_kind:
                parents = {p.id: retired_label(p.name, p.retired)
                           for p in self.services.reference.list(parent_kind, True)}
            self.model.set_rows(self.services.reference.list(self.kind, include_retired=True),
                                parents)
        self.select(keep.id if keep is not None else None)

    def select(self, id_: uuid.UUID | None) -> None:
        row = self.model.row_of(id_)  # type: ignore[attr-defined]
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._update()

    def _update(self) -> None:
        item = self.current()
        self.edit_button.setEnabled(item is not None)
        self.retire_button.setEnabled(item is not None)
        self.retire_button.setText(self.tr("Weer in gebr&uik") if item is not None
                                   and item.retired else self.tr("Niet meer in gebr&uik"))

    # -- add, edit, retire --------------------------------------------------------------
    def add(self) -> QDialog:
        dialog: QDialog
        if self.kind == "activity":
            dialog = ActivityDialog(self.services, None, self)
        else:
            dialog = RefEditDialog(self.services, self.kind, None, self)
        return self._open(dialog)

    def edit(self) -> QDialog | None:
        item = self.current()
        if item is None:
            return None
        dialog: QDialog
        if self.kind == "activity":
            dialog = ActivityDialog(self.services, item, self)
        else:
            dialog = RefEditDialog(self.services, self.kind, item, self)
        return self._open(dialog)

    def _open(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def _saved(self, dialog: QDialog) -> None:
        saved: RefItem | ActivityView | None = getattr(dialog, "saved", None)
        self.reload()
        if saved is not None:
            self.select(saved.id)
            self.status.setText(self.tr("%1 is opgeslagen.").replace("%1", saved.name))

    def toggle_retired(self) -> None:
        item = self.current()
        if item is None:
            return
        try:
            if self.kind == "activity":
                saved: Any = self.services.activities.retire(item.id, not item.retired)
            else:
                saved = self.services.reference.set_retired(self.kind, item.id,
                                                             not item.retired)
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        if saved.retired:
            self.status.setText(self.tr(
                "%1 is niet meer in gebruik: u kunt het niet meer kiezen bij nieuwe "
                "gegevens. Wat er al mee is vastgelegd, houdt deze waarde.")
                .replace("%1", saved.name))
        else:
            self.status.setText(self.tr("%1 is weer in gebruik.").replace("%1", saved.name))
        self.reload()
        self.select(saved.id)

    # -- import -------------------------------------------------------------------------
    def import_file(self, path: Path | str | None = None) -> None:
        """Import values of this kind from a CSV or Excel file (chooser without ``path``)."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("%1 importeren").replace("%1", plural(self.kind)), "",
                self.tr("Excel of CSV (*.xlsx *.csv *.txt);;Alle bestanden (*)"))
            if not chosen:
                return
            path = chosen
        file_path = Path(path)
        kind = self.kind
        text = self.tr("%1 inlezen...").replace("%1", plural(kind))
        self.import_button.setEnabled(False)
        self.status.setText(text)

        def work(state: TaskState) -> ImportReport:
            return self.services.imports.import_reference(kind, file_path,
                                                          state.progress(text))

        run_op(self, work, self._imported,
               title=self.tr("%1 importeren").replace("%1", plural(kind)),
               on_error=self._import_failed, on_cancelled=self._import_cancelled)

    def _import_failed(self, exc: GezondError) -> None:
        self.import_button.setEnabled(True)
        self.status.setText("")
        ui_errors.show_gezond_error(self, exc, self.tr("Importeren lukte niet"))

    def _import_cancelled(self) -> None:
        self.import_button.setEnabled(True)
        self.status.setText(self.tr("Het importeren is gestopt."))
        self.reload()

    def _imported(self, report: ImportReport) -> None:
        self.import_button.setEnabled(True)
        self.last_report = report
        self.reload()
        dialog = ImportReportDialog(
            report, self.tr("%1 geïmporteerd").replace("%1", plural(self.kind)), self)
        self.status.setText(dialog.summary.text().replace("\n", " "))
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()


class PurgePreviewModel(RowTableModel[PurgeCandidate]):
    """The residents a purge would erase (the preview), in the order of the service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = [self.tr("Inwoner"), self.tr("Reden"), self.tr("Laatste datum"),
                        self.tr("Termijn verstreken op")]
        self._reasons = {"contact": self.tr("Geen contact meer"),
                         "referral": self.tr("Verwijzing afgesloten")}

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role != Qt.ItemDataRole.DisplayRole or not index.isValid()
                or not 0 <= index.row() < len(self.rows)):
            return None
        c = self.rows[index.row()]
        return (c.alias, self._reasons.get(c.reason, c.reason), format_date(c.last_date),
                format_date(c.due_on))[index.column()]


class RetentionPanel(QWidget):
    """Bewaartermijnen: the retention periods, a preview of who is due and the purge.

    The periods are settings of this device (docs/erasure.md): the coordinator
    runs the purge here, and the erasures reach every device through sync."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialog: QDialog | None = None
        self.preview: list[PurgeCandidate] = []
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Persoonlijke gegevens (naam, telefoon, e-mail en notities) bewaart u niet "
            "langer dan nodig. Stel in na hoeveel maanden ze worden gewist. De contacten, "
            "deelnames en verwijzingen zelf blijven, zodat de aantallen kloppen."), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.contact_months = self._months_box()
        self.referral_months = self._months_box()
        form.addRow(self.tr("Maanden na het laatste contact (inwoners zonder verwijzing):"),
                    self.contact_months)
        form.addRow(self.tr("Maanden nadat alle verwijzingen zijn afgesloten:"),
                    self.referral_months)
        lay.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Termijnen op&slaan"), self)
        self.preview_button = QPushButton(self.tr("&Voorbeeld bekijken"), self)
        self.purge_button = QPushButton(self.tr("Nu &opschonen..."), self)
        for b in (self.save_button, self.preview_button, self.purge_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.model = PurgePreviewModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.view, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.save_button.clicked.connect(self.save)
        self.preview_button.clicked.connect(self.show_preview)
        self.purge_button.clicked.connect(self.confirm_purge)
        allowed = services.actor().coordinates
        for w in (self.contact_months, self.referral_months, self.save_button,
                  self.preview_button):
            w.setEnabled(allowed)
        self.purge_button.setEnabled(False)
        settings = services.erasure.retention()
        self.contact_months.setValue(settings.contact_months or 0)
        self.referral_months.setValue(settings.referral_months or 0)

    def _months_box(self) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(0, MAX_MONTHS)
        box.setSpecialValueText(self.tr("geen termijn"))
        box.setSuffix(self.tr(" maanden"))
        box.setMinimumWidth(140)
        box.setMaximumWidth(200)
        return box

    def save(self) -> bool:
        try:
            self.services.erasure.set_retention(RetentionSettings(
                self.contact_months.value() or None, self.referral_months.value() or None))
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return False
        self.status.setText(self.tr("De bewaartermijnen zijn opgeslagen."))
        self._set_preview([])
        return True

    def _set_preview(self, rows: list[PurgeCandidate]) -> None:
        self.preview = rows
        self.model.set_rows(rows)
        self.purge_button.setEnabled(bool(rows))

    def show_preview(self) -> None:
        if not self.save():
            return
        self.preview_button.setEnabled(False)

        def work(_state: TaskState) -> list[PurgeCandidate]:
            return self.services.erasure.purge_preview()

        def done(rows: list[PurgeCandidate]) -> None:
            self.preview_button.setEnabled(True)
            self._set_preview(rows)
            self.status.setText(self.tr("De bewaartermijn van %n inwoner(s) is verstreken.",
                                        "", len(rows)) if rows else self.tr(
                "Er zijn geen inwoners waarvan de bewaartermijn is verstreken."))

        def failed(exc: GezondError) -> None:
            self.preview_button.setEnabled(True)
            ui_errors.show_gezond_error(self, exc)

        run_op(self, work, done, title=self.tr("Voorbeeld bekijken"), on_error=failed)

    def confirm_purge(self) -> QDialog | None:
        if not self.preview:
            return None
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = PurgeConfirmDialog(len(self.preview), self)
        self.dialog.accepted.connect(self.purge)
        self.dialog.open()
        return self.dialog

    def purge(self) -> None:
        ids = [c.resident_id for c in self.preview]
        text = self.tr("Gegevens wissen...")
        self.purge_button.setEnabled(False)

        def work(state: TaskState) -> PurgeResult:
            return self.services.erasure.purge(None, ids, progress=state.progress(text))

        def done(result: PurgeResult) -> None:
            self._set_preview([])
            if result.cancelled:
                self.status.setText(self.tr(
                    "Gestopt: van %1 van de %2 inwoners zijn de gegevens gewist.")
                    .replace("%1", str(len(result.erased))).replace("%2", str(result.planned)))
            else:
                self.status.setText(self.tr(
                    "Van %n inwoner(s) zijn de gegevens gewist. Synchroniseer om dit ook op "
                    "de andere apparaten door te voeren.", "", len(result.erased)))

        def failed(exc: GezondError) -> None:
            self._set_preview([])
            ui_errors.show_gezond_error(self, exc)

        run_op(self, work, done, title=self.tr("Opschonen"), on_error=failed)


class AdminPage(QWidget):
    """Beheer: one tab per kind of reference value."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.title = self.tr("Beheer")
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.title, self))
        intro = QLabel(self.tr(
            "Hier beheert u de lijsten waaruit iedereen kiest. Een waarde die niet meer "
            "gebruikt wordt, zet u op 'niet meer in gebruik': zo blijft ze bewaard bij wat "
            "er al mee is vastgelegd."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.tabs = QTabWidget()
        self.panels: dict[str, RefPanel] = {}
        for kind, _deps in TABS:
            panel = RefPanel(services, kind, self)
            self.panels[kind] = panel
            self.tabs.addTab(panel, plural(kind))
        self.retention = RetentionPanel(services, self)
        self.tabs.addTab(self.retention, self.tr("Bewaartermijnen"))
        lay.addWidget(self.tabs, 1)

    def refresh(self, changed: frozenset[str]) -> None:
        for kind, deps in TABS:
            if changed & deps:
                self.panels[kind].reload()

    def start_new(self) -> None:
        panel = self.tabs.currentWidget()
        if isinstance(panel, RefPanel):
            panel.add()

    def show_kind(self, kind: str) -> RefPanel:
        panel = self.panels[kind]
        self.tabs.setCurrentWidget(panel)
        return panel
