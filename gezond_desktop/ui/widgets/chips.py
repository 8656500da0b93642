"""Chips: small rounded buttons that wrap like words in a paragraph.

* :class:`ChipGroup`: checkable chips (topics, tracks, target groups...). The group
  is one tab stop (the "current" chip, a roving tab stop): Tab enters and leaves
  the group, the arrow keys and Home/End move between its chips, Space toggles
  the chip that has focus, the digits 1-9 toggle the first nine chips and a letter
  jumps to the next chip whose label starts with it.
* :class:`ChipList`: chosen values shown as removable chips (residents...). Click,
  Space, Delete or Backspace removes a chip.

Ids are any hashable values (usually UUIDs); labels are shown as given.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QWidget,
)

CHECK_MARK = "✓ "
REMOVE_MARK = "  ✕"

CHIP_STYLE = """
QPushButton[chip="true"] {
    border: 1px solid palette(mid);
    border-radius: 0.75em;
    padding: 0.2em 0.7em;
    background: palette(base);
    color: palette(text);
}
QPushButton[chip="true"]:hover { border-color: palette(highlight); }
QPushButton[chip="true"]:checked {
    background: #1f6f43;
    border-color: #1f6f43;
    color: white;
}
QPushButton[chip="true"]:focus { border: 2px solid palette(highlight); }
QPushButton[chip="true"][removable="true"] { background: palette(alternate-base); }
"""


class FlowLayout(QLayout):
    """Lays children out left to right and wraps to the next line when full."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        # Qt asks heightForWidth and minimumSize many times per layout pass (each
        # asks every chip for its styled size hint); remembered until invalidate().
        self._heights: dict[int, int] = {}
        self._minimum: QSize | None = None
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def invalidate(self) -> None:
        self._heights.clear()
        self._minimum = None
        super().invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._do_layout(QRect(0, 0, width, 0),
                                                            test_only=True)
        return height

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        if self._minimum is None:
            size = QSize()
            for item in self._items:
                size = size.expandedTo(item.minimumSize())
            m = self.contentsMargins()
            self._minimum = size + QSize(m.left() + m.right(), m.top() + m.bottom())
        return QSize(self._minimum)

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) or 6

    def _do_layout(self, rect: QRect, test_only: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        gap = self._gap()
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            next_x = x + hint.width() + gap
            if next_x - gap > area.right() + 1 and line_height > 0:
                x = area.x()
                y += line_height + gap
                next_x = x + hint.width() + gap
                line_height = 0
            if not test_only:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x = next_x
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


class _Chip(QPushButton):
    def __init__(self, item_id: Hashable, label: str, owner: _ChipBase) -> None:
        super().__init__(owner)
        self.item_id = item_id
        self.label = label
        self._owner = owner
        self.setProperty("chip", True)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(label)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._owner.chip_key(self, event):
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._owner.make_current(self)
        super().focusInEvent(event)


class _ChipBase(QWidget):
    """Shared by both chip widgets: a flow of chips with one roving tab stop."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CHIP_STYLE)
        self._flow = FlowLayout(self)
        self._chips: list[_Chip] = []
        self._current: _Chip | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)

    # -- chips -------------------------------------------------------------------
    def chips(self) -> list[QPushButton]:
        return list(self._chips)

    def ids(self) -> list[Hashable]:
        return [c.item_id for c in self._chips]

    def chip(self, item_id: Hashable) -> QPushButton | None:
        return next((c for c in self._chips if c.item_id == item_id), None)

    def _add_chip(self, item_id: Hashable, label: str) -> _Chip:
        chip = _Chip(item_id, label, self)
        self._chips.append(chip)
        self._flow.addWidget(chip)
        chip.show()
        if self._current is None:
            self.make_current(chip)
        else:
            chip.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._chain()
        return chip

    def _remove_chip(self, chip: _Chip) -> None:
        index = self._chips.index(chip)
        had_focus = chip.hasFocus()
        self._chips.remove(chip)
        self._flow.removeWidget(chip)
        chip.hide()
        chip.deleteLater()
        if self._current is chip:
            self._current = None
            if self._chips:
                self.make_current(self._chips[min(index, len(self._chips) - 1)])
            else:
                self.setFocusProxy(None)  # type: ignore[arg-type]
        if had_focus and self._current is not None:
            self._current.setFocus(Qt.FocusReason.OtherFocusReason)
        self.updateGeometry()

    def _clear_chips(self) -> None:
        for chip in self._chips:
            self._flow.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self._chips = []
        self._current = None
        self.setFocusProxy(None)  # type: ignore[arg-type]
        self.updateGeometry()

    def _chain(self) -> None:
        """Keep the chips next to each other in the window's tab chain."""
        for a, b in zip(self._chips, self._chips[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def first_chip(self) -> QPushButton | None:
        return self._chips[0] if self._chips else None

    def last_chip(self) -> QPushButton | None:
        return self._chips[-1] if self._chips else None

    # -- focus -------------------------------------------------------------------
    def make_current(self, chip: _Chip) -> None:
        if self._current is chip:
            return
        if self._current is not None and self._current in self._chips:
            self._current.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._current = chip
        chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(chip)

    def current_chip(self) -> QPushButton | None:
        return self._current

    def focus_chip(self, index: int) -> None:
        if self._chips:
            chip = self._chips[max(0, min(index, len(self._chips) - 1))]
            self.make_current(chip)
            chip.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_chip_focus(self) -> bool:
        return any(c.hasFocus() for c in self._chips)

    def chip_key(self, chip: _Chip, event: QKeyEvent) -> bool:
        """Handle a key on a chip; True when used."""
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier,):
            return False
        index = self._chips.index(chip)
        moves: dict[Any, int] = {
            Qt.Key.Key_Right: index + 1, Qt.Key.Key_Down: index + 1,
            Qt.Key.Key_Left: index - 1, Qt.Key.Key_Up: index - 1,
            Qt.Key.Key_Home: 0, Qt.Key.Key_End: len(self._chips) - 1,
        }
        target = moves.get(key)
        if target is not None:
            if 0 <= target < len(self._chips):
                self.focus_chip(target)
            return True
        return False

    def sizeHint(self) -> QSize:
        width = max(self.width(), 240)
        return QSize(width, self._flow.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return self._flow.minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._flow.heightForWidth(width)


class ChipGroup(_ChipBase):
    """Checkable chips. ``changed`` is emitted after every toggle."""

    toggled = Signal(object, bool)  # id, checked

    def set_items(self, items: Sequence[tuple[Hashable, str]]) -> None:
        """Show these chips (in this order); checks on ids that stay are kept."""
        checked = set(self.checked_ids())
        focus_index = next((i for i, c in enumerate(self._chips) if c.hasFocus()), None)
        self._clear_chips()
        for item_id, label in items:
            self._add(item_id, label, item_id in checked)
        if focus_index is not None:
            self.focus_chip(focus_index)

    def add_item(self, item_id: Hashable, label: str, checked: bool = False) -> None:
        if self.chip(item_id) is None:
            self._add(item_id, label, checked)

    def _add(self, item_id: Hashable, label: str, checked: bool) -> None:
        chip = self._add_chip(item_id, label)
        chip.setCheckable(True)
        chip.setChecked(checked)
        self._show_state(chip)
        chip.toggled.connect(lambda on, c=chip: self._on_toggled(c, on))
        number = len(self._chips)
        if number <= 9:
            chip.setToolTip(self.tr("Toets %1 of spatie om aan of uit te zetten")
                            .replace("%1", str(number)))

    def _show_state(self, chip: _Chip) -> None:
        chip.setText(CHECK_MARK + chip.label if chip.isChecked() else chip.label)

    def _on_toggled(self, chip: _Chip, on: bool) -> None:
        self._show_state(chip)
        self.updateGeometry()
        self.toggled.emit(chip.item_id, on)
        self.changed.emit()

    def checked_ids(self) -> list[Hashable]:
        return [c.item_id for c in self._chips if c.isChecked()]

    def checked_labels(self) -> list[str]:
        return [c.label for c in self._chips if c.isChecked()]

    def set_checked(self, ids: Sequence[Hashable]) -> None:
        wanted = set(ids)
        for chip in self._chips:
            if chip.isChecked() != (chip.item_id in wanted):
                chip.setChecked(chip.item_id in wanted)

    def clear_checks(self) -> None:
        self.set_checked([])

    def chip_key(self, chip: _Chip, event: QKeyEvent) -> bool:
        if super().chip_key(chip, event):
            return True
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        text = event.text()
        if len(text) == 1 and text.isdigit() and text != "0":
            index = int(text) - 1
            if index < len(self._chips):
                self.focus_chip(index)
                self._chips[index].toggle()
            return True
        if len(text) == 1 and text.isalpha():
            start = self._chips.index(chip)
            n = len(self._chips)
            for step in range(1, n + 1):
                other = self._chips[(start + step) % n]
                if other.label.casefold().startswith(text.casefold()):
                    self.focus_chip((start + step) % n)
                    break
            return True
        return False


class ChipList(_ChipBase):
    """Removable chips for chosen values. ``removed(id)`` then ``changed``."""

    removed = Signal(object)

    def add_item(self, item_id: Hashable, label: str) -> bool:
        """Add a chip; False when the id is already there."""
        if self.chip(item_id) is not None:
            return False
        self._make(item_id, label)
        self.updateGeometry()
        self.changed.emit()
        return True

    def _make(self, item_id: Hashable, label: str) -> None:
        chip = self._add_chip(item_id, label)
        chip.setText(label + REMOVE_MARK)
        chip.setProperty("removable", True)
        chip.setToolTip(self.tr("Klik, of toets Delete, om %1 weg te halen")
                        .replace("%1", label))
        chip.setAccessibleName(self.tr("%1, weghalen").replace("%1", label))
        chip.clicked.connect(lambda _=False, c=chip: self._remove(c))

    def remove_item(self, item_id: Hashable) -> None:
        for chip in self._chips:
            if chip.item_id == item_id:
                self._remove(chip)
                return

    def _remove(self, chip: _Chip) -> None:
        if chip not in self._chips:
            return
        self._remove_chip(chip)
        self.removed.emit(chip.item_id)
        self.changed.emit()

    def items(self) -> list[tuple[Hashable, str]]:
        return [(c.item_id, c.label) for c in self._chips]

    def set_items(self, items: Sequence[tuple[Hashable, str]]) -> None:
        self._clear_chips()
        for item_id, label in items:
            if self.chip(item_id) is None:
                self._make(item_id, label)
        self.updateGeometry()
        self.changed.emit()

    def clear(self) -> None:
        if self._chips:
            self._clear_chips()
            self.changed.emit()

    def chip_key(self, chip: _Chip, event: QKeyEvent) -> bool:
        if super().chip_key(chip, event):
            return True
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._remove(chip)
            return True
        return False
