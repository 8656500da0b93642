"""A small in-memory table model: a list of row objects, one per line.

For short lists only (activities, sessions, sync problems, conflicts). Big tables
use :mod:`gezond_desktop.ui.paged_model`, which fetches pages with SQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

ModelIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Subclasses set ``self.headers`` (translated) and implement ``data()``."""

    #: show 1, 2, 3 ... in the vertical header
    numbered = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[T] = []
        self.headers: Sequence[str] = ()

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, id_: uuid.UUID | None) -> int | None:
        """The line of the row whose ``id`` is ``id_``, or None."""
        for i, row in enumerate(self.rows):
            if getattr(row, "id", None) == id_:
                return i
        return None

    def row_at(self, index: ModelIndex) -> T | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and self.numbered:
            return str(section + 1)
        return None
