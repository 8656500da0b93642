"""Dialogs of Beheer: add or edit one reference value, and the report of an import."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..enums import OrganisationKind, VenueKind
from ..errors import GezondError, ValidationError
from ..services import Services
from ..services.imports import ImportReport, RowError
from ..services.reference import RefItem
from . import labels as ui_labels
from .common import min_width_chars
from .dialogs_activity import (
    ErrorLabel,
    ModelIndex,
    combo_id,
    fill_ref_combo,
    show_field_errors,
    with_error,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Beheer", text)


# kind -> (singular, plural) as a user reads them; translated in context "Beheer".
KIND_NAMES: dict[str, tuple[str, str]] = {
    "neighbourhood": ("buurt", "Buurten"),
    "venue": ("vindplaats", "Vindplaatsen"),
    "organisation": ("organisatie", "Organisaties"),
    "organisation_service": ("dienst", "Diensten"),
    "activity": ("activiteit", "Activiteiten"),
    "target_group": ("doelgroep", "Doelgroepen"),
    "topic": ("onderwerp", "Onderwerpen"),
    "track": ("spoor", "Sporen"),
    "programme_line": ("programmalijn", "Programmalijnen"),
}
# So that lupdate finds the words above.
_KIND_WORDS = (
    QCoreApplication.translate("Beheer", "buurt"),
    QCoreApplication.translate("Beheer", "vindplaats"),
    QCoreApplication.translate("Beheer", "organisatie"),
    QCoreApplication.translate("Beheer", "dienst"),
    QCoreApplication.translate("Beheer", "activiteit"),
    QCoreApplication.translate("Beheer", "doelgroep"),
    QCoreApplication.translate("Beheer", "onderwerp"),
    QCoreApplication.translate("Beheer", "spoor"),
    QCoreApplication.translate("Beheer", "programmalijn"),
    QCoreApplication.translate("Beheer", "Buurten"),
    QCoreApplication.translate("Beheer", "Vindplaatsen"),
    QCoreApplication.translate("Beheer", "Organisaties"),
    QCoreApplication.translate("Beheer", "Diensten"),
    QCoreApplication.translate("Beheer", "Activiteiten"),
    QCoreApplication.translate("Beheer", "Doelgroepen"),
    QCoreApplication.translate("Beheer", "Onderwerpen"),
    QCoreApplication.translate("Beheer", "Sporen"),
    QCoreApplication.translate("Beheer", "Programmalijnen"),
)
CODED_KINDS = frozenset({"neighbourhood", "target_group", "topic", "track", "programme_line"})


def singular(kind: str) -> str:
    return _tr(KIND_NAMES[kind][0])


def plural(kind: str) -> str:
    return _tr(KIND_NAMES[kind][1])


class RefEditDialog(QDialog):
    """Add (``item`` None) or edit one reference value. ``saved`` after accept."""

    def __init__(self, services: Services, kind: str, item: RefItem | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.kind = kind
        self.item = item
        self.saved: RefItem | None = None
        what = singular(kind)
        self.setWindowTitle(
            self.tr("%1 wijzigen").replace("%1", what[:1].upper() + what[1:]) if item
            else self.tr("Nieuwe %1").replace("%1", what))
        lay = QVBoxLayout(self)
        self.general_error = ErrorLabel(self)
        lay.addWidget(self.general_error)
        form = QFormLayout()
        lay.addLayout(form)
        self.errors: dict[str, ErrorLabel] = {}

        def row(label: str, field: QWidget, key: str) -> None:
            box, err = with_error(field)
            form.addRow(label, box)
            self.errors[key] = err

        self.name = QLineEdit(item.name if item else "")
        row(self.tr("&Naam"), self.name, "name")
        self.code: QLineEdit | None = None
        self.municipality: QLineEdit | None = None
        self.is_focus: QCheckBox | None = None
        self.kind_combo: QComboBox | None = None
        self.neighbourhood: QComboBox | None = None
        self.organisation: QComboBox | None = None
        if kind in CODED_KINDS:
            self.code = QLineEdit(item.code if item else "")
            self.code.setPlaceholderText(self.tr("leeg laten: wordt gemaakt uit de naam"))
            row(self.tr("&Code"), self.code, "code")
        if kind == "neighbourhood":
            self.municipality = QLineEdit(item.detail if item else "")
            row(self.tr("&Gemeente"), self.municipality, "municipality")
            self.is_focus = QCheckBox(self.tr("&Focusbuurt"))
            self.is_focus.setChecked(bool(item and item.is_focus))
            row("", self.is_focus, "is_focus")
        elif kind in ("venue", "organisation"):
            enum: Any = VenueKind if kind == "venue" else OrganisationKind
            self.kind_combo = QComboBox()
            if kind == "venue":
                self.kind_combo.addItem(self.tr("(kies)"), None)
            for code, text in ui_labels.choices(enum):
                self.kind_combo.addItem(text, code)
            current = enum.parse(item.detail) if item and item.detail else None
            if current is not None:
                self.kind_combo.setCurrentIndex(self.kind_combo.findData(current.value))
            elif kind == "organisation":
                self.kind_combo.setCurrentIndex(
                    self.kind_combo.findData(OrganisationKind.OTHER.value))
            row(self.tr("&Soort"), self.kind_combo, "kind")
        if kind == "venue":
            self.neighbourhood = QComboBox()
            fill_ref_combo(self.neighbourhood, services.reference.list("neighbourhood", True),
                           item.parent_id if item else None, self.tr("(geen)"))
            row(self.tr("&Buurt"), self.neighbourhood, "neighbourhood_id")
        if kind == "organisation_service":
            self.organisation = QComboBox()
            fill_ref_combo(self.organisation, services.reference.list("organisation", True),
                           item.parent_id if item else None, self.tr("(kies)"))
            row(self.tr("&Organisatie"), self.organisation, "organisation_id")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        min_width_chars(self, 60)
        self.name.setFocus()

    def values(self) -> dict[str, Any]:
        v: dict[str, Any] = {"name": self.name.text()}
        if self.code is not None:
            v["code"] = self.code.text().strip()
        if self.municipality is not None:
            v["municipality"] = self.municipality.text()
        if self.is_focus is not None:
            v["is_focus"] = self.is_focus.isChecked()
        if self.kind_combo is not None:
            v["kind"] = self.kind_combo.currentData()
        if self.neighbourhood is not None:
            v["neighbourhood_id"] = combo_id(self.neighbourhood)
        if self.organisation is not None:
            v["organisation_id"] = combo_id(self.organisation)
        return v

    def save(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.show_message(None)
        try:
            self.saved = self.services.reference.save(
                self.kind, self.values(), self.item.id if self.item else None)
        except ValidationError as exc:
            show_field_errors(exc, self.errors, self.general_error)
            return
        except GezondError as exc:
            self.general_error.show_message(exc.message)
            return
        self.accept()


class RejectedRowsModel(QAbstractTableModel):
    """The rows an import did not save, each with its reason."""

    def __init__(self, rows: list[RowError], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self._headers = [self.tr("Rij"), self.tr("Reden")]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < 2:
                return self._headers[section]
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        e = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return str(e.row_number)
            msg = e.message_nl
            prefix = f"Rij {e.row_number}: "
            if msg.startswith(prefix):
                msg = msg[len(prefix):]
            return msg[:1].upper() + msg[1:]
        return None


class ImportReportDialog(QDialog):
    """What an import did: counts in plain Dutch and the rejected rows with reasons."""

    def __init__(self, report: ImportReport, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        self.summary = QLabel(self.report_text(report))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary)
        self.model = RejectedRowsModel(list(report.rejected), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(report.rejected))
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100,
                    self.fontMetrics().height() * (22 if report.rejected else 8))

    def report_text(self, report: ImportReport) -> str:
        """The result of a reference import in plain Dutch."""
        n = report.accepted
        lines = [self.tr("%n nieuwe waarde toegevoegd.", "", n) if n == 1
                 else self.tr("%n nieuwe waarden toegevoegd.", "", n)]
        n = report.updated
        if n:
            lines.append(self.tr("%n bestaande waarde bijgewerkt.", "", n) if n == 1
                         else self.tr("%n bestaande waarden bijgewerkt.", "", n))
        n = report.unchanged
        if n:
            lines.append(self.tr("%n stond er al en is niet veranderd.", "", n) if n == 1
                         else self.tr("%n stonden er al en zijn niet veranderd.", "", n))
        if report.cancelled:
            lines.append(self.tr("Het inlezen is gestopt. Wat tot dan toe is ingelezen, "
                                 "is opgeslagen."))
        n = len(report.rejected)
        if n:
            lines.append(self.tr("%n rij is niet opgeslagen. Verbeter die en lees het "
                                 "bestand opnieuw in.", "", n) if n == 1 else
                         self.tr("%n rijen zijn niet opgeslagen. Verbeter die en lees het "
                                 "bestand opnieuw in.", "", n))
        else:
            lines.append(self.tr("Alle rijen zijn goed ingelezen."))
        return "\n".join(lines)
