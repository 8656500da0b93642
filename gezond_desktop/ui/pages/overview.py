"""Shared parts of the Rapportages and Synchronisatie pages: live counts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from ...services import Services
from ..common import QT_TRANSLATE_NOOP, counts, format_number

COUNT_LABELS: tuple[tuple[str, str], ...] = (
    ("encounters", QT_TRANSLATE_NOOP("Counts", "Contacten")),
    ("residents", QT_TRANSLATE_NOOP("Counts", "Inwoners")),
    ("referrals", QT_TRANSLATE_NOOP("Counts", "Verwijzingen")),
    ("activities", QT_TRANSLATE_NOOP("Counts", "Activiteiten")),
    ("sessions", QT_TRANSLATE_NOOP("Counts", "Bijeenkomsten")),
    ("attendances", QT_TRANSLATE_NOOP("Counts", "Deelnames")),
    ("neighbourhoods", QT_TRANSLATE_NOOP("Counts", "Buurten")),
)


class CountsForm(QWidget):
    """The number of live records per kind, as ``stats.counts()`` reports them."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.values: dict[str, QLabel] = {}
        for key, dutch in COUNT_LABELS:
            value = QLabel("")
            value.setObjectName(f"count_{key}")
            self.values[key] = value
            self.form.addRow(QCoreApplication.translate("Counts", dutch) + ":", value)
        self.reload()

    def reload(self) -> dict[str, int] | None:
        data = counts(self.services)
        for key, label in self.values.items():
            if data is None or key not in data:
                label.setText(self.tr("onbekend"))
            else:
                label.setText(format_number(int(data[key])))
        return data
