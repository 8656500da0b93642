"""Confirmations for erasing a resident's personal details and for a purge by
retention period. Both say in plain Dutch what goes, what stays and that it
cannot be undone; the OK button only works after ticking "I understand".
The work itself runs through :func:`..operations.run_op`."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import GezondError
from ..services import Services
from ..services.erasure import ErasureResult
from ..tasks import TaskState
from . import errors as ui_errors
from .operations import run_op


class _ConfirmDialog(QDialog):
    """Text, an "I understand" tick box, and an OK button that needs the tick."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lay = QVBoxLayout(self)
        self.text_label = QLabel(self)
        self.text_label.setWordWrap(True)
        self.lay.addWidget(self.text_label)
        self.understood = QCheckBox(self.tr("Ik begrijp dat dit niet ongedaan kan worden."),
                                    self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.ok_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setEnabled(False)
        self.ok_button.setAutoDefault(False)
        self.understood.toggled.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.lay.addWidget(self.understood)
        self.lay.addWidget(self.buttons)

    def _update(self) -> None:
        self.ok_button.setEnabled(self.understood.isChecked())


class EraseDialog(_ConfirmDialog):
    """Confirm erasing one resident's personal details, with a reason."""

    def __init__(self, alias: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gegevens wissen"))
        self.text_label.setText(self.tr(
            "U wist de persoonlijke gegevens van %1: naam, telefoonnummer, e-mailadres en "
            "notities, en ook de notities bij contacten en verwijzingen van deze inwoner. "
            "Dat gebeurt op deze computer, in de hub en op de andere apparaten zodra die "
            "synchroniseren.\n\nWat blijft: de contacten, deelnames en verwijzingen zelf, "
            "met buurt, geboortejaar en doelgroepen, zodat de aantallen in de rapportages "
            "kloppen. De inwoner krijgt een nieuwe naam zonder betekenis.\n\n"
            "Dit kan niet ongedaan worden gemaakt.").replace("%1", alias))
        self.ok_button.setText(self.tr("Gegevens &wissen"))
        self.lay.addWidget(QLabel(self.tr("Reden (zonder namen):"), self))
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItems([self.tr("Verzoek van de inwoner"),
                              self.tr("Toestemming ingetrokken"),
                              self.tr("Gegevens niet meer nodig")])
        self.reason.currentTextChanged.connect(lambda _t: self._update())
        self.lay.addWidget(self.reason)
        self.finish_layout()

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.understood.isChecked() and bool(self.reason_text()))


class PurgeConfirmDialog(_ConfirmDialog):
    """Confirm a purge of the residents in the preview."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Opschonen"))
        self.text_label.setText(self.tr(
            "De bewaartermijn van %n inwoner(s) is verstreken. Van hen worden de naam, het "
            "telefoonnummer, het e-mailadres en alle notities gewist, op deze computer, in "
            "de hub en op de andere apparaten zodra die synchroniseren. De contacten, "
            "deelnames en verwijzingen zelf blijven, zodat de aantallen in de rapportages "
            "kloppen.\n\nDit kan niet ongedaan worden gemaakt.", "", count))
        self.ok_button.setText(self.tr("Nu &opschonen"))
        self.finish_layout()


def start_erasure(parent: QWidget, services: Services, resident_id: uuid.UUID, alias: str,
                  on_done: Callable[[ErasureResult], None] | None = None) -> EraseDialog:
    """Open the confirmation (not blocking); on OK erase through run_op."""
    dialog = EraseDialog(alias, parent)

    def confirmed() -> None:
        reason = dialog.reason_text()

        def work(_state: TaskState) -> ErasureResult:
            return services.erasure.erase_resident(resident_id, reason)

        def done(result: ErasureResult) -> None:
            if on_done is not None:
                on_done(result)

        def failed(exc: GezondError) -> None:
            ui_errors.show_gezond_error(
                parent, exc, QCoreApplication.translate("EraseDialog", "Wissen lukte niet"))

        run_op(parent, work, done, title=dialog.windowTitle(), cancellable=False,
               on_error=failed)

    dialog.accepted.connect(confirmed)
    dialog.open()
    return dialog


__all__ = ["EraseDialog", "PurgeConfirmDialog", "start_erasure"]
