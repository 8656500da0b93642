"""Instellingen: the UI language (applies after a restart)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from .settings import save_language, saved_language

# Language names are written in their own language, so they are not translated.
LANGUAGE_NAMES = (("nl", "Nederlands"), ("en", "English"))


class SettingsDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Instellingen"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        current = saved_language(data_dir)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form.addRow(self.tr("Taal:"), self.language)
        layout.addLayout(form)
        note = QLabel(self.tr("Een andere taal wordt gebruikt na het opnieuw starten."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._initial = current

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        lang = self.chosen_language()
        save_language(self.data_dir, lang)
        if lang != self._initial:
            QMessageBox.information(
                self,
                self.tr("Taal"),
                self.tr("De nieuwe taal wordt gebruikt als u Gezond Desktop opnieuw start."),
            )
        super().accept()
