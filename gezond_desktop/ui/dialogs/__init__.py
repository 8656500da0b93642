"""Dialogs, and the small form helpers they share.

* :func:`error_label` and :class:`FieldErrors`: validation messages in red, right
  under the field they are about (never only in a message box).
* :func:`field_with_error`: a field and its error label stacked, for a form row.
* :class:`CheckList`: a small checkable list (target groups, destinations).
* :func:`to_qdate` / :func:`from_qdate`: dates between Python and Qt.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...errors import ValidationError

ERROR_STYLE = "color: #b00020;"  # dark red, readable on light backgrounds


def error_label(parent: QWidget | None = None) -> QLabel:
    """A red message under a field; hidden while empty."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setObjectName("fieldError")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def set_error(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


def field_with_error(field: QWidget, label: QLabel,
                     extra: Iterable[QWidget] = ()) -> QWidget:
    """``field`` with its error label under it, as one widget for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    for w in extra:
        layout.addWidget(w)
    layout.addWidget(label)
    return box


class FieldErrors:
    """Maps service field names (``alias``, ``closing_scores.body``) to error labels.

    :meth:`show` puts each message of a :class:`ValidationError` next to its
    field; messages for fields without a label go to the ``general`` label.
    """

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.labels: dict[str, QLabel] = {}

    def add(self, field: str, label: QLabel) -> QLabel:
        self.labels[field] = label
        return label

    def clear(self) -> None:
        for label in [*self.labels.values(), self.general]:
            set_error(label, None)

    def label_for(self, field: str) -> QLabel:
        while field:
            if field in self.labels:
                return self.labels[field]
            field = field.rpartition(".")[0]
        return self.general

    def show(self, exc: ValidationError) -> list[str]:
        """Show every message; returns the fields that got a message, in order."""
        self.clear()
        texts: dict[int, tuple[QLabel, list[str]]] = {}
        fields: list[str] = []
        for err in exc.errors:
            label = self.label_for(err.field)
            texts.setdefault(id(label), (label, []))[1].append(err.message)
            fields.append(err.field)
        for label, messages in texts.values():
            set_error(label, "\n".join(dict.fromkeys(messages)))
        return fields

    def set(self, field: str, message: str | None) -> None:
        set_error(self.label_for(field), message)

    def any_shown(self) -> bool:
        return any(not label.isHidden() for label in [*self.labels.values(), self.general])


class CheckList(QListWidget):
    """A short list of values to tick (Space toggles the current row)."""

    def __init__(self, parent: QWidget | None = None, visible_rows: int = 5) -> None:
        super().__init__(parent)
        self._visible_rows = visible_rows
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(self._rows_height(min(visible_rows, 3)))

    def set_items(self, items: Iterable[tuple[uuid.UUID, str]],
                  checked: Iterable[uuid.UUID] = ()) -> None:
        checked_set = set(checked)
        self.clear()
        for id_, text in items:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, id_)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if id_ in checked_set
                               else Qt.CheckState.Unchecked)

    def checked_ids(self) -> tuple[uuid.UUID, ...]:
        out = []
        for row in range(self.count()):
            item = self.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(out)

    def set_checked(self, id_: uuid.UUID, checked: bool = True) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == id_:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)

    def set_filter(self, text: str) -> None:
        """Hide rows whose text does not contain ``text`` (checked rows stay visible)."""
        needle = text.strip().lower()
        for row in range(self.count()):
            item = self.item(row)
            hide = bool(needle) and needle not in item.text().lower() \
                and item.checkState() != Qt.CheckState.Checked
            item.setHidden(hide)

    def _rows_height(self, rows: int) -> int:
        fm = QFontMetrics(self.font())
        return int(fm.height() * 1.4 * rows) + 2 * self.frameWidth() + 4

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setHeight(self._rows_height(self._visible_rows))
        return hint


def index_of_data(combo: QComboBox, value: object) -> int:
    """``combo.findData`` for Python values such as UUIDs (findData compares
    wrapped Python objects by identity, not by equality)."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            return i
    return -1


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
