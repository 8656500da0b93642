"""Mijn taken: follow-ups due today or overdue, for the worker at this device.

Reads ``services.encounters.follow_ups(worker_id, today)`` and
``services.referrals.follow_ups(coach_id, today)``: lists of dataclasses with an
``id``, a date (``follow_up_on`` / ``follow_up_date`` / ...) and a title-like
text. A service that does not offer ``follow_ups`` yet is simply skipped.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..common import format_date, heading, service_method
from ..labels import tr_label

if TYPE_CHECKING:
    from ...services import Services

DATE_FIELDS = ("follow_up_on", "follow_up_date", "follow_up", "due_on", "due", "date")
# Parts of the description, in this order, when the row has them; *_label values are
# Dutch code labels and go through the Labels catalogue.
TEXT_FIELDS = ("title", "summary", "resident_alias", "alias", "kind_label", "status_label",
               "pathway_label", "neighbourhood_name", "venue_name", "topic_names",
               "notes_preview", "description", "notes")
WATCHED = frozenset({"encounter", "referral", "referral_event", "resident"})


@dataclass(frozen=True)
class TaskItem:
    page_key: str  # where the record opens: "contacts" or "referrals"
    kind: str  # translated: Contact / Verwijzing
    id: uuid.UUID | None
    due: dt.date | None
    text: str


def _date_of(obj: Any) -> dt.date | None:
    for name in DATE_FIELDS:
        value = getattr(obj, name, None)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
    return None


def _text_of(obj: Any) -> str:
    parts: list[str] = []
    for name in TEXT_FIELDS:
        value = getattr(obj, name, None)
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            parts.append(tr_label(text) if name.endswith("_label") else text)
    return " · ".join(parts)[:240]


class TasksPage(QWidget):
    open_requested = Signal(str, object)  # page key, record id

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.title = self.tr("Mijn taken")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.title, self))
        intro = QLabel(self.tr(
            "Opvolgingen die vandaag of eerder gepland staan: contacten en verwijzingen "
            "met een opvolgdatum. Dubbelklik om te openen."
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [self.tr("Datum"), self.tr("Soort"), self.tr("Omschrijving"), self.tr("Wanneer")]
        )
        header = self.tree.header()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(self.tr("Er staat niets open voor vandaag of eerder."))
        layout.addWidget(self.empty)
        layout.addStretch(0)  # takes the room of the list while the list is hidden
        self._layout = layout
        self.items: list[TaskItem] = []
        self.reload()

    # -- data --------------------------------------------------------------------
    def collect(self, today: dt.date | None = None) -> list[TaskItem]:
        today = today or dt.date.today()
        worker = self.services.worker_id
        out: list[TaskItem] = []
        if worker is None:
            return out
        sources = (
            ("encounters", "contacts", self.tr("Contact")),
            ("referrals", "referrals", self.tr("Verwijzing")),
        )
        for service, page_key, kind in sources:
            fn = service_method(self.services, service, "follow_ups")
            if fn is None:
                continue
            for obj in fn(worker, today):
                due = _date_of(obj)
                out.append(TaskItem(page_key, kind, getattr(obj, "id", None), due,
                                    _text_of(obj)))
        out.sort(key=lambda t: (t.due or dt.date.min, t.kind))
        return out

    def reload(self) -> None:
        today = dt.date.today()
        self.items = self.collect(today)
        self.tree.clear()
        late_brush = QBrush(QColor("#b00020"))
        for item in self.items:
            if item.due is None or item.due == today:
                when = self.tr("Vandaag")
            else:
                days = (today - item.due).days
                when = self.tr("%n dag(en) te laat", "", days)
            row = QTreeWidgetItem([format_date(item.due), item.kind, item.text, when])
            row.setData(0, Qt.ItemDataRole.UserRole, item)
            if item.due is not None and item.due < today:
                row.setForeground(3, late_brush)
            self.tree.addTopLevelItem(row)
        for col in (0, 1, 3):
            self.tree.resizeColumnToContents(col)
        self.empty.setVisible(not self.items)
        self.tree.setVisible(bool(self.items))
        self._layout.setStretch(self._layout.count() - 1, 0 if self.items else 1)

    def refresh(self, changed: frozenset[str]) -> None:
        if changed & WATCHED or not changed:
            self.reload()

    # -- opening -----------------------------------------------------------------
    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        item = row.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(item, TaskItem) and item.id is not None:
            self.open_requested.emit(item.page_key, item.id)

    def focus_search(self) -> None:
        self.tree.setFocus()
