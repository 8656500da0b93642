"""A lazy table model for big lists (a million contacts): rows arrive in pages.

The model never loads all rows. It asks ``fetch(after_key, limit)`` for one page
at a time, as the view scrolls (``canFetchMore`` / ``fetchMore``), and the
service answers with a keyset query (``WHERE (sort_key) > :after ORDER BY
sort_key LIMIT :limit``), never OFFSET::

    def fetch(after, limit):
        rows = services.encounters.page(filters, after=after, limit=limit)
        return rows, (rows[-1].sort_key if len(rows) == limit else None)

    model = PagedTableModel(fetch, lambda: services.encounters.count(filters), [
        Column(self.tr("Datum"), lambda r: r.occurred_on),
        Column(self.tr("Aantal"), lambda r: r.head_count, ALIGN_RIGHT),
    ])
    setup_table_view(view)
    view.setModel(model)

``next_key`` ``None`` means "this was the last page". Filters or sorting
change? Call :meth:`PagedTableModel.reset` with the new functions. One row
changed? :meth:`PagedTableModel.replace_row`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from .common import format_date, format_datetime

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter

DEFAULT_PAGE_SIZE = 200

FetchFn = Callable[[Any, int], tuple[Sequence[R], Any]]
CountFn = Callable[[], int]


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: header (already translated), display value and alignment."""

    header: str
    value: Callable[[R], Any]
    align: Qt.AlignmentFlag = ALIGN_LEFT
    tooltip: Callable[[R], str] | None = None


def display(value: Any) -> str:
    """How a plain value looks in a cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return (QCoreApplication.translate("Table", "Ja") if value
                else QCoreApplication.translate("Table", "Nee"))
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


class PagedTableModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        fetch: FetchFn[R],
        count: CountFn,
        columns: Sequence[Column[R]],
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._count = count
        self.columns: list[Column[R]] = list(columns)
        self.page_size = page_size
        self._rows: list[R] = []
        self._after: Any = None
        self._exhausted = False
        self._inserting = False
        self._total: int | None = None
        self.fetch_calls = 0

    # -- data access ----------------------------------------------------------------
    def row(self, i: int) -> R:
        return self._rows[i]

    def loaded(self) -> int:
        return len(self._rows)

    def total(self) -> int:
        """All rows that match (from ``count()``, cached until :meth:`reset`)."""
        if self._total is None:
            self._total = int(self._count())
        return self._total

    def reset(self, fetch: FetchFn[R] | None = None, count: CountFn | None = None) -> None:
        """Start over (new filters or sort): drop loaded rows; the view fetches again."""
        self.beginResetModel()
        if fetch is not None:
            self._fetch = fetch
        if count is not None:
            self._count = count
        self._rows = []
        self._after = None
        self._exhausted = False
        self._total = None
        self.endResetModel()

    def replace_row(self, i: int, row: R) -> None:
        self._rows[i] = row
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))

    # -- Qt model -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < len(self._rows) and 0 <= c < len(self.columns)):
            return None
        col = self.columns[c]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(col.value(self._rows[r]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(self._rows[r])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].align.value)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def canFetchMore(self, parent: Index) -> bool:
        # Views (and the model tester) may ask from inside a reset or an insert;
        # a fetch must never nest inside another change of the model.
        return not parent.isValid() and not self._exhausted and not self._inserting

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted or self._inserting:
            return
        self.fetch_calls += 1
        rows, next_key = self._fetch(self._after, self.page_size)
        rows = list(rows)
        if next_key is None or not rows:
            self._exhausted = True
        else:
            self._after = next_key
        if rows:
            first = len(self._rows)
            self._inserting = True
            try:
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            finally:
                self._inserting = False


def setup_table_view(view: QTableView) -> None:
    """Fixed row heights and row selection: cheap scrolling over big models."""
    vh = view.verticalHeader()
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(view.fontMetrics().height() + 10)
    vh.hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)


def list_fetcher(rows: Sequence[R], key: Callable[[R], Any] | None = None) -> FetchFn[R]:
    """A ``fetch`` over an in-memory list (for tests and small lists): the key is the
    row position, or ``key(row)`` when the list is sorted by it."""

    def fetch(after: Any, limit: int) -> tuple[Sequence[R], Any]:
        start = 0 if after is None else int(after) + 1
        chunk = rows[start:start + limit]
        last = start + len(chunk) - 1
        return chunk, (last if start + limit < len(rows) else None)

    if key is not None:
        keys = [key(r) for r in rows]

        def fetch_by_key(after: Any, limit: int) -> tuple[Sequence[R], Any]:
            import bisect

            start = 0 if after is None else bisect.bisect_right(keys, after)
            chunk = rows[start:start + limit]
            more = start + limit < len(rows)
            return chunk, (keys[start + len(chunk) - 1] if more and chunk else None)

        return fetch_by_key
    return fetch
