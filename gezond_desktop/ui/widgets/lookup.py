"""Look-up fields: type part of a name, pick from a short list.

* :class:`SearchCombo`: a combo box of reference values (neighbourhoods, venues...)
  that also accepts typing: any part of a name finds it.
* :class:`ResidentLookup`: a line edit that finds residents by part of their alias
  (``services.residents.search``) and emits ``chosen(id, alias)``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from ...errors import GezondError

if TYPE_CHECKING:
    from ...services import Services

SEARCH_DELAY_MS = 200
MAX_HITS = 15


class SearchCombo(QComboBox):
    """An editable combo of ``(id, label)`` items; typing finds by any part of a label.

    ``id_changed(id)`` fires when the chosen item changes (None: nothing chosen).
    Text that matches no item is not an item: :meth:`resolve` tells the form.
    """

    id_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, none_label: str | None = "") -> None:
        super().__init__(parent)
        self._none_label = none_label
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        # Narrow when space is short; the list itself shows whole names.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self._last_id: Hashable | None = None
        self._source: Callable[[], Sequence[tuple[Hashable, str]]] | None = None
        self.currentIndexChanged.connect(self._index_changed)
        if none_label is not None:
            self.addItem(none_label, None)

    def set_item_source(self, source: Callable[[], Sequence[tuple[Hashable, str]]]) -> None:
        """Like :meth:`set_items`, but read the items only when they are needed (the
        list opens, the field gets focus, an id is chosen): a filter nobody touches
        costs no query. Until then only the empty choice is there."""
        if self.currentIndex() > 0 or (self._none_label is None and self.count()):
            self.set_items(source())  # something is chosen: keep it if still there
            return
        self._source = source

    def _load_source(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            self.set_items(source())

    def showPopup(self) -> None:
        self._load_source()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._load_source()
        super().focusInEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._load_source()
        super().wheelEvent(event)

    def set_items(self, items: Sequence[tuple[Hashable, str]]) -> None:
        """Replace the items, keeping the chosen id when it is still there."""
        self._source = None
        keep = self.current_id()
        self.blockSignals(True)
        try:
            self.clear()
            if self._none_label is not None:
                self.addItem(self._none_label, None)
            for item_id, label in items:
                self.addItem(label, item_id)
            index = self.find_id(keep) if keep is not None else -1
            self.setCurrentIndex(index if index >= 0 else 0)
            if self.count() == 0:
                self.setEditText("")
        finally:
            self.blockSignals(False)
        self._index_changed(self.currentIndex())

    def find_id(self, item_id: Hashable | None) -> int:
        """The row of an id (-1: not there). ``findData`` cannot compare Python ids."""
        if item_id is None:
            return -1
        self._load_source()
        for i in range(self.count()):
            if self.itemData(i) == item_id:
                return i
        return -1

    def ensure_item(self, item_id: Hashable, label: str) -> None:
        """Add an item that is not in the list (a retired value on an old record)."""
        self._load_source()
        if self.find_id(item_id) < 0:
            self.addItem(label, item_id)

    def current_id(self) -> Hashable | None:
        index = self.currentIndex()
        if index < 0 or self.itemText(index) != self.currentText():
            return self.resolve()[1]
        data = self.itemData(index)
        return data if data is not None else None

    def set_current_id(self, item_id: Hashable | None) -> None:
        index = self.find_id(item_id) if item_id is not None else (
            0 if self._none_label is not None else -1)
        if index < 0:
            index = 0 if self._none_label is not None else -1
        self.setCurrentIndex(index)
        if index >= 0:
            self.setEditText(self.itemText(index))

    def resolve(self) -> tuple[bool, Hashable | None]:
        """(ok, id) for what the user typed: empty is (True, None); a label (any
        case) is its id; anything else is (False, None)."""
        text = self.currentText().strip()
        if not text or (self._none_label is not None and text == self._none_label):
            return True, None
        self._load_source()
        for i in range(self.count()):
            if self.itemText(i).casefold() == text.casefold():
                return True, self.itemData(i)
        hits = [i for i in range(self.count())
                if self.itemData(i) is not None
                and text.casefold() in self.itemText(i).casefold()]
        if len(hits) == 1:
            return True, self.itemData(hits[0])
        return False, None

    def _index_changed(self, _index: int) -> None:
        data = self.itemData(self.currentIndex()) if self.currentIndex() >= 0 else None
        if data != self._last_id:
            self._last_id = data
            self.id_changed.emit(data)

    def select_text(self) -> None:
        """Select the typed text, so typing replaces it."""
        edit = self.lineEdit()
        if edit is not None:
            edit.selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Typed text that names one item chooses it when the user moves on.
        ok, item_id = self.resolve()
        if ok and item_id is not None and self.currentIndex() != self.find_id(item_id):
            self.set_current_id(item_id)
        super().focusOutEvent(event)


class ResidentLookup(QLineEdit):
    """Find a resident by typing part of the alias; Enter or a click chooses."""

    chosen = Signal(object, str)  # resident id, alias

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._hits: dict[str, tuple[uuid.UUID, str]] = {}
        self._order: list[str] = []
        self._searched = ""
        self.setPlaceholderText(self.tr("Typ een deel van de schuilnaam"))
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(lambda _t: self._timer.start())

    def completer_popup_visible(self) -> bool:
        popup = self._completer.popup()
        return popup is not None and popup.isVisible()

    def hit_labels(self) -> list[str]:
        return list(self._order)

    def search_now(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        self._searched = text
        self._hits.clear()
        self._order = []
        if text:
            try:
                found = self._services.residents.search(text, limit=MAX_HITS)
            except GezondError:
                found = []
            for r in found:
                extra = [str(r.birth_year)] if r.birth_year else []
                if r.neighbourhood_name:
                    extra.append(r.neighbourhood_name)
                label = f"{r.alias} ({', '.join(extra)})" if extra else r.alias
                while label in self._hits:
                    label += " "
                self._hits[label] = (r.id, r.alias)
                self._order.append(label)
        self._model.setStringList(self._order)
        if self._order and self.hasFocus():
            self._completer.setCompletionPrefix("")
            self._completer.complete()
        else:
            self._hide_popup()

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _activated(self, label: str) -> None:
        hit = self._hits.get(label)
        if hit is not None:
            self._choose(*hit)

    def _choose(self, resident_id: uuid.UUID, alias: str) -> None:
        self._hide_popup()
        self.clear()
        self._hits.clear()
        self._order = []
        self._model.setStringList([])
        self.chosen.emit(resident_id, alias)

    def choose_best(self) -> bool:
        """Choose the exact alias, or the only hit; False when that is not clear."""
        if self._timer.isActive() or self._searched != self.text().strip():
            self.search_now()
        text = self.text().strip().casefold()
        exact = [h for h in self._hits.values() if h[1].casefold() == text]
        if len(exact) == 1:
            self._choose(*exact[0])
            return True
        if len(self._hits) == 1:
            self._choose(*next(iter(self._hits.values())))
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier and self.text().strip():
            if not self.choose_best() and self._order:
                self._completer.complete()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down and self._order and not self.completer_popup_visible():
            self._completer.complete()
            event.accept()
            return
        super().keyPressEvent(event)
