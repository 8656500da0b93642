"""Contacten: log a contact in seconds with the keyboard, and the list of contacts.

Left: the quick entry form (:class:`EncounterForm`). It remembers the last
neighbourhood, venue and kind; a contact is anonymous with a head count unless
residents are chosen; topics and tracks are chips (Tab into the group, arrows to
move, Space or the digits 1-9 to toggle). Ctrl+Enter saves and clears for the
next contact. What is typed is kept as a draft (500 ms after each edit) and
offered back after a crash.

Right: the list (:class:`EncounterListModel`, a lazy model over
``services.encounters.page``: keyset pages of 200, sorting in SQL by date or
neighbourhood through the header). The total is counted off the UI thread.
Enter or a double click opens a contact in the form; Delete removes it (after a
question; the record is kept as deleted for sync).
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Hashable
from typing import Any, cast

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...enums import EncounterKind
from ...errors import GezondError, ValidationError
from ...services import Services
from ...services.encounters import (
    HEAD_COUNT_MAX,
    EncounterFilter,
    EncounterInput,
    EncounterRow,
    EncounterView,
    SortKey,
)
from ...tasks import TaskState
from .. import errors as ui_errors
from ..common import format_date, format_datetime, format_number, heading
from ..drafts import DraftBanner, DraftKeeper
from ..labels import choices, label
from ..operations import Operation
from ..paged_model import ALIGN_RIGHT, Column, PagedTableModel, setup_table_view
from ..widgets.chips import ChipGroup, ChipList
from ..widgets.lookup import ResidentLookup, SearchCombo

PAGE_SIZE = 200
TEXT_FILTER_DELAY_MS = 300
CONFIRMATION_MS = 8000
COUNT_FALLBACK_MS = 250  # start the background count by then even without a paint
NO_DATE = QDate(2000, 1, 1)  # the "no date" value of the period filter
ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1f6f43; font-weight: bold;"

# Columns the list can sort by (in SQL): column -> sort key of encounters.page().
SORT_COLUMNS = {0: "date", 1: "neighbourhood"}

REFERENCE_ENTITIES = frozenset({"neighbourhood", "venue", "topic", "track", "worker"})


def ask(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    yes = QCoreApplication.translate("ContactsPage", "Ja")
    no = QCoreApplication.translate("ContactsPage", "Nee")
    for button, text in ((QMessageBox.StandardButton.Yes, yes),
                         (QMessageBox.StandardButton.No, no)):
        widget = box.button(button)
        if widget is not None:
            widget.setText(text)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def _uuid(value: Any) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _kind_text(code: str, fallback: str) -> str:
    try:
        return label(EncounterKind(code))
    except ValueError:
        return fallback


def _error_label(parent: QWidget) -> QLabel:
    lab = QLabel(parent)
    lab.setStyleSheet(ERROR_STYLE)
    lab.setWordWrap(True)
    lab.hide()
    return lab


# -- the quick entry form ------------------------------------------------------------


class EncounterForm(QWidget):
    """Log a new contact, or change one (``editing_id`` set)."""

    changed = Signal()  # any edit by the user (drafts listen)
    saved = Signal(object)  # EncounterView

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.editing_id: uuid.UUID | None = None
        self._editing_label = ""
        self._loading = 0
        self._dirty = False
        self._time_touched = False
        self._venues: list[tuple[uuid.UUID, str, uuid.UUID | None]] = []
        self._errors: dict[str, QLabel] = {}
        self._build()
        self.load_reference()
        self.reset(keep_place=False)

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.heading = heading(self.tr("Nieuw contact"), self)
        outer.addWidget(self.heading)

        self.edit_bar = QFrame(self)
        bar = QHBoxLayout(self.edit_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.edit_info = QLabel(self.edit_bar)
        self.edit_info.setWordWrap(True)
        self.cancel_edit_button = QPushButton(self.tr("Stoppen met aanpassen"), self.edit_bar)
        self.cancel_edit_button.setAutoDefault(False)
        self.cancel_edit_button.clicked.connect(self.cancel_edit)
        bar.addWidget(self.edit_info, 1)
        bar.addWidget(self.cancel_edit_button)
        self.edit_bar.hide()
        outer.addWidget(self.edit_bar)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)

        def row(text: str, field: QWidget, key: str, extra: QWidget | None = None,
                buddy: QWidget | None = None) -> None:
            lab = QLabel(text, self)
            lab.setBuddy(buddy or field)
            box = QWidget(self)
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(2)
            v.addWidget(field)
            if extra is not None:
                v.addWidget(extra)
            err = _error_label(box)
            v.addWidget(err)
            self._errors[key] = err
            form.addRow(lab, box)

        self.occurred_at = QDateTimeEdit(self)
        self.occurred_at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.occurred_at.setCalendarPopup(True)
        self.occurred_at.dateTimeChanged.connect(self._time_edited)
        row(self.tr("&Datum en tijd"), self.occurred_at, "occurred_at")

        self.kind = QComboBox(self)
        for code, text in choices(EncounterKind):
            self.kind.addItem(text, code)
        self.kind.currentIndexChanged.connect(self._edited)
        row(self.tr("&Soort contact"), self.kind, "kind")

        self.neighbourhood = SearchCombo(self, none_label=self.tr("(geen buurt)"))
        self.neighbourhood.id_changed.connect(self._neighbourhood_changed)
        self.neighbourhood.editTextChanged.connect(self._edited)
        row(self.tr("&Buurt"), self.neighbourhood, "neighbourhood_id")

        self.venue = SearchCombo(self, none_label=self.tr("(geen vindplaats)"))
        self.venue.id_changed.connect(self._venue_changed)
        self.venue.editTextChanged.connect(self._edited)
        row(self.tr("&Vindplaats"), self.venue, "venue_id")

        self.head_count = QSpinBox(self)
        self.head_count.setRange(1, HEAD_COUNT_MAX)
        self.head_count.valueChanged.connect(self._edited)
        self.head_hint = QLabel(self.tr("Anoniem: alleen het aantal. Kies hieronder "
                                        "inwoners als u ze kent."), self)
        self.head_hint.setWordWrap(True)
        self.head_hint.setEnabled(False)
        row(self.tr("Aantal &mensen"), self.head_count, "head_count", self.head_hint)

        self.lookup = ResidentLookup(self.services, self)
        self.lookup.chosen.connect(self._resident_chosen)
        self.residents = ChipList(self)
        self.residents.changed.connect(self._edited)
        row(self.tr("&Inwoners"), self.lookup, "resident_ids", self.residents)

        self.topics = ChipGroup(self)
        self.topics.changed.connect(self._edited)
        row(self.tr("&Onderwerpen"), self.topics, "topic_ids")

        self.tracks = ChipGroup(self)
        self.tracks.changed.connect(self._edited)
        row(self.tr("S&poren"), self.tracks, "track_ids")

        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Wat is er besproken? Schrijf geen namen of "
                                              "gegevens die u niet nodig heeft."))
        self.notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.notes.textChanged.connect(self._edited)
        row(self.tr("&Notitie"), self.notes, "notes")

        follow = QWidget(self)
        fl = QHBoxLayout(follow)
        fl.setContentsMargins(0, 0, 0, 0)
        self.follow_up_check = QCheckBox(self.tr("Ja, op"), follow)
        self.follow_up = QDateEdit(follow)
        self.follow_up.setDisplayFormat("dd-MM-yyyy")
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setEnabled(False)
        self.follow_up_check.toggled.connect(self._follow_up_toggled)
        self.follow_up.dateChanged.connect(self._edited)
        fl.addWidget(self.follow_up_check)
        fl.addWidget(self.follow_up, 1)
        row(self.tr("Opvo&lgen"), follow, "follow_up_on", buddy=self.follow_up_check)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Opslaan (Ctrl+Enter)"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("Leegmaken"), self)
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        self.form_error = _error_label(self)
        outer.addWidget(self.form_error)
        self.confirmation = QLabel(self)
        self.confirmation.setStyleSheet(OK_STYLE)
        self.confirmation.setWordWrap(True)
        outer.addWidget(self.confirmation)
        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.setInterval(CONFIRMATION_MS)
        self._confirm_timer.timeout.connect(self.confirmation.clear)
        outer.addStretch(1)

        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            sc = QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), self)
            sc.setContext(ctx)
            sc.activated.connect(self.save)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.setContext(ctx)
        esc.activated.connect(self._escape)

    def fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.occurred_at, self.kind, self.neighbourhood, self.venue,
                                self.head_count, self.lookup]
        chain += self.residents.chips() + self.topics.chips() + self.tracks.chips()
        chain += [self.notes, self.follow_up_check, self.follow_up, self.save_button,
                  self.clear_button, self.cancel_edit_button]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    # -- reference data ------------------------------------------------------------
    def load_reference(self) -> None:
        """(Re)load neighbourhoods, venues, topics and tracks; choices stay."""
        ref = self.services.reference.lists("neighbourhood", "venue", "topic", "track")
        self._loading += 1
        try:
            self.neighbourhood.set_items([(n.id, n.name) for n in ref["neighbourhood"]])
            self._venues = [(v.id, v.name, v.parent_id) for v in ref["venue"]]
            self._fill_venues()
            self.topics.set_items([(t.id, t.name) for t in ref["topic"]])
            self.tracks.set_items([(t.id, t.name) for t in ref["track"]])
        finally:
            self._loading -= 1
        self.fix_tab_order()

    def _fill_venues(self) -> None:
        nid = self.neighbourhood.current_id()
        items = [(vid, name) for vid, name, parent in self._venues
                 if nid is None or parent is None or parent == nid]
        self.venue.set_items(items)

    # -- state ---------------------------------------------------------------------
    def _edited(self, *_args: Any) -> None:
        if self._loading:
            return
        self._dirty = True
        self.confirmation.clear()
        self.changed.emit()

    def _time_edited(self, *_args: Any) -> None:
        if not self._loading:
            self._time_touched = True
        self._edited()

    def _neighbourhood_changed(self, _nid: object) -> None:
        self._loading += 1
        try:
            self._fill_venues()
        finally:
            self._loading -= 1
        self._edited()

    def _venue_changed(self, vid: object) -> None:
        if vid is None:
            return
        parent = next((p for v, _n, p in self._venues if v == vid), None)
        if parent is not None and self.neighbourhood.current_id() is None:
            self._loading += 1
            try:
                self.neighbourhood.set_current_id(parent)
                self._fill_venues()
                self.venue.set_current_id(vid)
            finally:
                self._loading -= 1

    def _follow_up_toggled(self, on: bool) -> None:
        self.follow_up.setEnabled(on)
        if on and not self._loading and self.follow_up.date() < QDate.currentDate():
            self.follow_up.setDate(QDate.currentDate().addDays(7))
        self._edited()

    def _resident_chosen(self, resident_id: uuid.UUID, alias: str) -> None:
        if self.residents.add_item(resident_id, alias):
            n = len(self.residents.ids())
            if self.head_count.value() < n:
                self.head_count.setValue(n)

    def has_content(self) -> bool:
        """Something typed that is worth keeping as a draft."""
        if not self._dirty:
            return False
        if self.editing_id is not None:
            return True
        return bool(self.notes.toPlainText().strip() or self.topics.checked_ids()
                    or self.tracks.checked_ids() or self.residents.ids()
                    or self.head_count.value() != 1 or self.follow_up_check.isChecked())

    def to_dict(self) -> dict[str, Any]:
        follow = self.follow_up.date().toPython() if self.follow_up_check.isChecked() else None
        return {
            "editing_id": str(self.editing_id) if self.editing_id else None,
            "editing_label": self._editing_label,
            "occurred_at": self._occurred_at().isoformat(),
            "time_touched": self._time_touched,
            "kind": self.kind.currentData(),
            "neighbourhood_id": _str(self.neighbourhood.current_id()),
            "venue_id": _str(self.venue.current_id()),
            "head_count": self.head_count.value(),
            "residents": [[str(i), a] for i, a in self.residents.items()],
            "topic_ids": [str(i) for i in self.topics.checked_ids()],
            "track_ids": [str(i) for i in self.tracks.checked_ids()],
            "notes": self.notes.toPlainText(),
            "follow_up_on": follow.isoformat() if isinstance(follow, dt.date) else None,
        }

    def from_dict(self, data: dict[str, Any]) -> None:
        """Fill the form from :meth:`to_dict` output (a restored draft)."""
        self._loading += 1
        try:
            self._clear_errors()
            editing = _uuid(data.get("editing_id"))
            if editing is not None:
                try:
                    self.services.encounters.get(editing)
                except GezondError:
                    editing = None  # deleted meanwhile: keep the text as a new contact
            self._set_editing(editing, str(data.get("editing_label") or ""))
            try:
                when = dt.datetime.fromisoformat(str(data.get("occurred_at")))
            except ValueError:
                when = dt.datetime.now()
            self._set_time(when)
            self._time_touched = bool(data.get("time_touched"))
            self._set_kind(data.get("kind"))
            self.neighbourhood.set_current_id(_uuid(data.get("neighbourhood_id")))
            self._fill_venues()
            self.venue.set_current_id(_uuid(data.get("venue_id")))
            self.head_count.setValue(int(data.get("head_count") or 1))
            residents = []
            for pair in data.get("residents") or []:
                rid = _uuid(pair[0]) if isinstance(pair, list | tuple) and pair else None
                if rid is not None:
                    residents.append((rid, str(pair[1]) if len(pair) > 1 else "?"))
            self.residents.set_items(residents)
            self.topics.set_checked([i for i in map(_uuid, data.get("topic_ids") or []) if i])
            self.tracks.set_checked([i for i in map(_uuid, data.get("track_ids") or []) if i])
            self.notes.setPlainText(str(data.get("notes") or ""))
            follow = data.get("follow_up_on")
            self.follow_up_check.setChecked(bool(follow))
            if follow:
                d = dt.date.fromisoformat(str(follow))
                self.follow_up.setDate(QDate(d.year, d.month, d.day))
            self.follow_up.setEnabled(bool(follow))
        finally:
            self._loading -= 1
        self._dirty = True
        self.fix_tab_order()

    def _set_time(self, when: dt.datetime) -> None:
        self.occurred_at.setDateTime(QDateTime(
            QDate(when.year, when.month, when.day), QTime(when.hour, when.minute)))

    def _set_kind(self, code: object) -> None:
        index = self.kind.findData(code) if code else -1
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def _occurred_at(self) -> dt.datetime:
        if not self._time_touched and self.editing_id is None:
            return dt.datetime.now().replace(second=0, microsecond=0)
        value = cast(dt.datetime, self.occurred_at.dateTime().toPython())
        return value.replace(second=0, microsecond=0)

    def _set_editing(self, encounter_id: uuid.UUID | None, what: str = "") -> None:
        self.editing_id = encounter_id
        self._editing_label = what if encounter_id else ""
        if encounter_id is None:
            self.heading.setText(self.tr("Nieuw contact"))
            self.edit_bar.hide()
        else:
            self.heading.setText(self.tr("Contact aanpassen"))
            self.edit_info.setText(self.tr("U past het contact van %1 aan.").replace("%1", what))
            self.edit_bar.show()

    def reset(self, keep_place: bool = True) -> None:
        """Empty the form for the next contact; keep (or prefill) place and kind."""
        self._loading += 1
        try:
            self._clear_errors()
            self._set_editing(None)
            self._time_touched = False
            self._set_time(dt.datetime.now())
            if not keep_place:
                nid, vid, kind = self.services.encounters.last_used()
                self.neighbourhood.set_current_id(nid)
                self._fill_venues()
                self.venue.set_current_id(vid)
                self._set_kind(kind or EncounterKind.STREET.value)
            self.head_count.setValue(1)
            self.lookup.clear()
            self.residents.clear()
            self.topics.clear_checks()
            self.tracks.clear_checks()
            self.notes.clear()
            self.follow_up_check.setChecked(False)
            self.follow_up.setDate(QDate.currentDate().addDays(7))
            self.follow_up.setEnabled(False)
        finally:
            self._loading -= 1
        self._dirty = False
        self.fix_tab_order()

    def clear(self) -> None:
        """The "Leegmaken" button: start over with the last place."""
        self.reset(keep_place=True)
        self.confirmation.clear()
        self.changed.emit()
        self.focus_entry()

    def cancel_edit(self) -> None:
        self.reset(keep_place=False)
        self.changed.emit()
        self.focus_entry()

    def _escape(self) -> None:
        if self.editing_id is not None:
            self.cancel_edit()

    def edit(self, view: EncounterView) -> None:
        """Open a saved contact for changing."""
        self._loading += 1
        try:
            self._clear_errors()
            self.confirmation.clear()
            self._set_editing(view.id, format_datetime(view.occurred_at))
            self._set_time(view.occurred_at)
            self._time_touched = True
            self._set_kind(view.kind)
            if view.neighbourhood_id is not None:
                self.neighbourhood.ensure_item(view.neighbourhood_id, view.neighbourhood_name)
            self.neighbourhood.set_current_id(view.neighbourhood_id)
            self._fill_venues()
            if view.venue_id is not None:
                self.venue.ensure_item(view.venue_id, view.venue_name)
            self.venue.set_current_id(view.venue_id)
            self.head_count.setValue(view.head_count)
            self.residents.set_items(list(zip(view.resident_ids, view.resident_aliases,
                                              strict=False)))
            for tid, name in zip(view.topic_ids, view.topic_names, strict=False):
                self.topics.add_item(tid, name)  # a retired topic on an old contact
            self.topics.set_checked(list(view.topic_ids))
            for tid, name in zip(view.track_ids, view.track_names, strict=False):
                self.tracks.add_item(tid, name)
            self.tracks.set_checked(list(view.track_ids))
            self.notes.setPlainText(view.notes)
            self.follow_up_check.setChecked(view.follow_up_on is not None)
            if view.follow_up_on is not None:
                d = view.follow_up_on
                self.follow_up.setDate(QDate(d.year, d.month, d.day))
            self.follow_up.setEnabled(view.follow_up_on is not None)
        finally:
            self._loading -= 1
        self._dirty = False
        self.fix_tab_order()
        self.occurred_at.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_entry(self) -> None:
        """Where a new contact starts: the topics when the place is known."""
        if self.neighbourhood.current_id() is None and self.venue.current_id() is None:
            self.neighbourhood.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.neighbourhood.select_text()
        elif self.topics.chips():
            self.topics.focus_chip(0)
        else:
            self.notes.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- saving --------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for lab in (*self._errors.values(), self.form_error):
            lab.clear()
            lab.hide()

    def _show_error(self, field: str, message: str) -> None:
        lab = self._errors.get(field, self.form_error)
        text = f"{lab.text()} {message}".strip() if lab.isVisible() else message
        lab.setText(text)
        lab.show()

    def error_text(self, field: str) -> str:
        lab = self._errors.get(field, self.form_error)
        return lab.text() if lab.isVisible() else ""

    def _collect(self) -> EncounterInput | None:
        ok_n, nid = self.neighbourhood.resolve()
        ok_v, vid = self.venue.resolve()
        if not ok_n:
            self._show_error("neighbourhood_id", self.tr(
                "Deze buurt staat niet in de lijst. Kies een buurt uit de lijst, of maak "
                "het veld leeg."))
        if not ok_v:
            self._show_error("venue_id", self.tr(
                "Deze vindplaats staat niet in de lijst. Kies een vindplaats uit de lijst, "
                "of maak het veld leeg."))
        if self.lookup.text().strip():
            self._show_error("resident_ids", self.tr(
                "Deze inwoner is nog niet gekozen. Kies een inwoner uit de lijst (Enter), "
                "of maak het veld leeg."))
            return None
        if not (ok_n and ok_v):
            return None
        follow = self.follow_up.date().toPython() if self.follow_up_check.isChecked() else None
        return EncounterInput(
            occurred_at=self._occurred_at(),
            kind=str(self.kind.currentData() or ""),
            head_count=self.head_count.value(),
            neighbourhood_id=_uuid(nid),
            venue_id=_uuid(vid),
            resident_ids=tuple(i for i in map(_uuid, self.residents.ids()) if i),
            topic_ids=tuple(i for i in map(_uuid, self.topics.checked_ids()) if i),
            track_ids=tuple(i for i in map(_uuid, self.tracks.checked_ids()) if i),
            notes=self.notes.toPlainText(),
            follow_up_on=follow if isinstance(follow, dt.date) else None,
        )

    def save(self) -> EncounterView | None:
        """Ctrl+Enter: save (log or update); on success clear for the next contact."""
        self._clear_errors()
        self.confirmation.clear()
        inp = self._collect()
        if inp is None:
            return None
        encounters = self.services.encounters
        try:
            if self.editing_id is None:
                view = encounters.log(inp)
            else:
                view = encounters.update(self.editing_id, inp)
        except ValidationError as exc:
            for e in exc.errors:
                self._show_error(e.field, e.message)
            self._focus_first_error()
            return None
        except GezondError as exc:
            self._show_error("", exc.message)
            return None
        updated = self.editing_id is not None
        self.reset(keep_place=not updated)
        self.changed.emit()
        when = format_datetime(view.occurred_at)
        self.confirmation.setText(
            self.tr("Contact aangepast (%1).").replace("%1", when) if updated
            else self.tr("Contact opgeslagen (%1). U kunt het volgende contact invullen.")
            .replace("%1", when))
        self._confirm_timer.start()
        self.saved.emit(view)
        self.focus_entry()
        return view

    def _focus_first_error(self) -> None:
        order = [("occurred_at", self.occurred_at), ("kind", self.kind),
                 ("neighbourhood_id", self.neighbourhood), ("venue_id", self.venue),
                 ("head_count", self.head_count), ("resident_ids", self.lookup),
                 ("topic_ids", self.topics), ("track_ids", self.tracks),
                 ("notes", self.notes), ("follow_up_on", self.follow_up_check)]
        for key, widget in order:
            if self._errors[key].isVisible():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return


def _str(value: Hashable | None) -> str | None:
    return str(value) if value is not None else None


# -- the list ------------------------------------------------------------------------


class EncounterListModel(PagedTableModel[EncounterRow]):
    """The contact list: pages from ``encounters.page``; header clicks sort in SQL."""

    sort_requested = Signal(int, Qt.SortOrder)
    load_failed = Signal(str)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        self.services = services
        self._busy = 0
        self._waiting = False  # a first page is being read off the UI thread
        self._prefetched: tuple[list[EncounterRow], SortKey | None] | None = None
        self.filters = EncounterFilter()
        self.sort_by = "date"
        self.descending = True
        super().__init__(self._fetch_page, self._count, [], page_size=PAGE_SIZE,
                         parent=parent)
        self.columns = [
            Column(self.tr("Datum"), lambda r: format_datetime(r.occurred_at)),
            Column(self.tr("Buurt"), lambda r: r.neighbourhood_name),
            Column(self.tr("Vindplaats"), lambda r: r.venue_name),
            Column(self.tr("Soort"), lambda r: _kind_text(r.kind, r.kind_label)),
            Column(self.tr("Aantal"), lambda r: r.head_count, ALIGN_RIGHT),
            Column(self.tr("Onderwerpen"), lambda r: r.topic_names,
                   tooltip=lambda r: r.topic_names),
            Column(self.tr("Medewerker"), lambda r: r.worker_name),
            Column(self.tr("Opvolgen"), lambda r: format_date(r.follow_up_on)),
            Column(self.tr("Notitie"), lambda r: r.notes_preview,
                   tooltip=lambda r: r.notes_preview),
        ]

    def _fetch_page(self, after: SortKey | None, limit: int
                    ) -> tuple[list[EncounterRow], SortKey | None]:
        if self._prefetched is not None:
            page, self._prefetched = self._prefetched, None
            return page
        try:
            return self.services.encounters.page(self.filters, self.sort_by,  # type: ignore[arg-type]
                                                 self.descending, after, limit)
        except GezondError as exc:
            self.load_failed.emit(exc.message)
            return [], None

    def _count(self) -> int:
        return self.services.encounters.count(self.filters)

    def set_query(self, filters: EncounterFilter, sort_by: str, descending: bool,
                  fetch_first: bool = True) -> None:
        """New filters or sort: start over and load the first page (or, with
        ``fetch_first`` False, wait for :meth:`deliver_first_page`)."""
        self.filters = filters
        self.sort_by = sort_by
        self.descending = descending
        self._prefetched = None
        self._waiting = not fetch_first
        self.reset()
        if fetch_first:
            self.fetchMore(QModelIndex())

    def read_first_page(self) -> tuple[list[EncounterRow], SortKey | None]:
        """The first page of the current query; safe to call off the UI thread."""
        return self.services.encounters.page(self.filters, self.sort_by,  # type: ignore[arg-type]
                                             self.descending, None, self.page_size)

    def deliver_first_page(self, page: tuple[list[EncounterRow], SortKey | None]) -> None:
        self._waiting = False
        self._prefetched = page
        self.fetchMore(QModelIndex())
        self._prefetched = None

    def waiting(self) -> bool:
        return self._waiting

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not self._waiting and super().canFetchMore(parent)

    def reset(self, fetch: Any = None, count: Any = None) -> None:
        self._busy += 1
        try:
            super().reset(fetch, count)
        finally:
            self._busy -= 1

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        # Views and the model tester ask for more from inside the reset and insert
        # signals; a page fetched there would nest one change in another.
        if self._busy:
            return
        self._busy += 1
        try:
            super().fetchMore(parent)
        finally:
            self._busy -= 1

    def all_loaded(self) -> bool:
        return not self.canFetchMore(QModelIndex())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(column, order)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.UserRole and index.isValid() \
                and 0 <= index.row() < self.loaded():
            return self.row(index.row()).id
        return super().data(index, role)

    def row_of(self, encounter_id: uuid.UUID) -> int:
        for i in range(self.loaded()):
            if self.row(i).id == encounter_id:
                return i
        return -1


class ContactsPage(QWidget):
    """Contacten: quick entry on the left, the list with filters on the right."""

    title = "Contacten"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Contacten")
        self.services = services
        self._count_generation = 0
        self._count_waiting: tuple[int, EncounterFilter] | None = None  # starts after a paint
        self._load_generation = 0
        self.count_op: Operation[int] | None = None
        self.load_op: Operation[Any] | None = None
        self.count_text = ""
        self._reload_scheduled = False
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.DescendingOrder

        layout = QVBoxLayout(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(self.splitter)

        # left: the form (scrolls when the window is small or the font large)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.form = EncounterForm(services, left)
        worker = services.worker_id
        self.drafts = DraftKeeper(self.form, services.db, f"encounter_form:{worker or 'none'}")
        self.draft_banner = DraftBanner(self.drafts, left)
        self.draft_banner.decided.connect(lambda _r: self.form.focus_entry())
        lv.addWidget(self.draft_banner)
        lv.addWidget(self.form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(left)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        em = self.fontMetrics().horizontalAdvance("M")
        scroll.setMinimumWidth(26 * em)
        self.splitter.addWidget(scroll)

        # right: filters, table, count and actions
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(heading(self.tr("Alle contacten"), right))
        self._build_filters(right, rv)
        self.table = QTableView(right)
        self.model = EncounterListModel(services, self)
        setup_table_view(self.table)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.model.sort_requested.connect(self._sort_requested)
        self.model.load_failed.connect(self._load_failed)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("M")
        sample = dt.datetime(2026, 12, 28, 23, 59)
        fm = self.table.fontMetrics()
        self.table.setColumnWidth(0, fm.horizontalAdvance(format_datetime(sample)) + 3 * em)
        self.table.setColumnWidth(7, fm.horizontalAdvance(format_date(sample)) + 2 * em)
        for col, width in ((1, 9), (2, 12), (3, 9), (4, 5), (5, 14), (6, 9)):
            self.table.setColumnWidth(col, width * em)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self._count_fallback = QTimer(self)  # a page that is not painted still counts
        self._count_fallback.setSingleShot(True)
        self._count_fallback.setInterval(COUNT_FALLBACK_MS)
        self._count_fallback.timeout.connect(self._launch_count)
        self.table.setToolTip(self.tr("Enter of dubbelklik: aanpassen. Delete: verwijderen."))
        rv.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.count_label = QLabel(right)
        self.list_error = _error_label(right)
        self.open_button = QPushButton(self.tr("&Aanpassen"), right)
        self.delete_button = QPushButton(self.tr("Verwij&deren..."), right)
        for b in (self.open_button, self.delete_button):
            b.setAutoDefault(False)
            b.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.list_error, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.delete_button)
        rv.addLayout(bottom)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self._sized = False
        self.splitter.setChildrenCollapsible(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.form.saved.connect(lambda _v: self._after_save())
        self._load_filter_choices()
        self._ready = False
        self.table.setSortingEnabled(True)  # asks for the indicator's sort: not loaded yet
        self._ready = True
        self.reload()
        self.draft_banner.offer(self.tr(
            "Er is een niet-opgeslagen contact gevonden van %1. Terugzetten?"))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            QTimer.singleShot(0, self._initial_sizes)

    def _initial_sizes(self) -> None:
        """The first time: the form gets about 2/5 of the width."""
        if not shiboken6.isValid(self):
            return
        em = self.fontMetrics().horizontalAdvance("M")
        total = self.splitter.width()
        left = max(26 * em, total * 2 // 5)
        self.splitter.setSizes([left, max(total - left, 20 * em)])

    # -- filters -------------------------------------------------------------------
    def _build_filters(self, parent: QWidget, into: QVBoxLayout) -> None:
        grid = QGridLayout()
        self.date_from = self._date_filter(parent)
        self.date_to = self._date_filter(parent)
        self.f_neighbourhood = SearchCombo(parent, none_label=self.tr("Alle buurten"))
        self.f_venue = SearchCombo(parent, none_label=self.tr("Alle vindplaatsen"))
        self.f_worker = SearchCombo(parent, none_label=self.tr("Alle medewerkers"))
        self.f_topic = SearchCombo(parent, none_label=self.tr("Alle onderwerpen"))
        self.f_text = QLineEdit(parent)
        self.f_text.setPlaceholderText(self.tr("Zoek in notities en vindplaatsen (Ctrl+F)"))
        self.f_text.setClearButtonEnabled(True)
        self.clear_filters_button = QPushButton(self.tr("Filters wissen"), parent)
        self.clear_filters_button.setAutoDefault(False)

        def cell(text: str, widget: QWidget, r: int, c: int, span: int = 1) -> None:
            lab = QLabel(text, parent)
            lab.setBuddy(widget)
            grid.addWidget(lab, r, c)
            grid.addWidget(widget, r, c + 1, 1, span)

        cell(self.tr("Van"), self.date_from, 0, 0)
        cell(self.tr("Tot en met"), self.date_to, 0, 2)
        cell(self.tr("Buurt"), self.f_neighbourhood, 0, 4)
        cell(self.tr("Vindplaats"), self.f_venue, 1, 0)
        cell(self.tr("Medewerker"), self.f_worker, 1, 2)
        cell(self.tr("Onderwerp"), self.f_topic, 1, 4)
        cell(self.tr("&Zoeken"), self.f_text, 2, 0, 3)
        grid.addWidget(self.clear_filters_button, 2, 5)
        for c in (1, 3, 5):
            grid.setColumnStretch(c, 1)
        into.addLayout(grid)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_FILTER_DELAY_MS)
        self._text_timer.timeout.connect(self.reload)
        self.f_text.textChanged.connect(lambda _t: self._text_timer.start())
        for combo in (self.f_neighbourhood, self.f_venue, self.f_worker, self.f_topic):
            combo.id_changed.connect(lambda _id: self.schedule_reload())
        self.date_from.dateChanged.connect(lambda _d: self.schedule_reload())
        self.date_to.dateChanged.connect(lambda _d: self.schedule_reload())
        self.clear_filters_button.clicked.connect(self.clear_filters)

    def _date_filter(self, parent: QWidget) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("geen"))
        edit.setDate(NO_DATE)
        return edit

    def _load_filter_choices(self) -> None:
        ref = self.services.reference.lists("neighbourhood", "venue", "topic",
                                            include_retired=True)
        self.f_neighbourhood.set_items([(n.id, n.label) for n in ref["neighbourhood"]])
        self.f_venue.set_items([(v.id, v.label) for v in ref["venue"]])
        self.f_topic.set_items([(t.id, t.label) for t in ref["topic"]])
        workers = self.services.workers
        self.f_worker.set_item_source(  # read when the filter is first used
            lambda: [(w.id, w.name) for w in workers.list(include_inactive=True)])

    def current_filter(self) -> EncounterFilter:
        def day(edit: QDateEdit) -> dt.date | None:
            d = edit.date()
            if d == NO_DATE:
                return None
            return cast(dt.date, d.toPython())

        return EncounterFilter(
            date_from=day(self.date_from),
            date_to=day(self.date_to),
            neighbourhood_id=_uuid(self.f_neighbourhood.current_id()),
            venue_id=_uuid(self.f_venue.current_id()),
            worker_id=_uuid(self.f_worker.current_id()),
            topic_id=_uuid(self.f_topic.current_id()),
            text=self.f_text.text().strip(),
        )

    def clear_filters(self) -> None:
        for w in (self.date_from, self.date_to, self.f_neighbourhood, self.f_venue,
                  self.f_worker, self.f_topic):
            w.blockSignals(True)
        try:
            self.date_from.setDate(NO_DATE)
            self.date_to.setDate(NO_DATE)
            for combo in (self.f_neighbourhood, self.f_venue, self.f_worker, self.f_topic):
                combo.set_current_id(None)
        finally:
            for w in (self.date_from, self.date_to, self.f_neighbourhood, self.f_venue,
                      self.f_worker, self.f_topic):
                w.blockSignals(False)
        self.f_text.blockSignals(True)
        self.f_text.clear()
        self.f_text.blockSignals(False)
        self.reload()

    # -- loading -------------------------------------------------------------------
    def schedule_reload(self) -> None:
        """Reload once, soon (several changes in a row give one reload)."""
        if not self._reload_scheduled:
            self._reload_scheduled = True
            QTimer.singleShot(0, self._scheduled_reload)

    def _scheduled_reload(self) -> None:
        if shiboken6.isValid(self) and self._reload_scheduled:
            self.reload()

    def reload(self) -> None:
        """Load the first page for the current filters and sort; count in the
        background."""
        self._reload_scheduled = False
        self._text_timer.stop()
        selected = self.selected_id()
        self.list_error.hide()
        sort_by = SORT_COLUMNS.get(self._sort_column, "date")
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        filters = self.current_filter()
        self._load_generation += 1
        if not filters.text:
            # Keyset pages over an index: milliseconds, even on a million contacts.
            self.model.set_query(filters, sort_by, descending)
            self._first_page_shown(filters, selected)
            return
        # A text search reads every contact: off the UI thread.
        self.model.set_query(filters, sort_by, descending, fetch_first=False)
        self.count_text = self.tr("Zoeken...")
        self.count_label.setText(self.count_text)
        generation = self._load_generation
        read = self.model.read_first_page

        def done(page: tuple[list[EncounterRow], SortKey | None]) -> None:
            if shiboken6.isValid(self) and generation == self._load_generation:
                self.model.deliver_first_page(page)
                self._first_page_shown(filters, selected)

        def failed(exc: GezondError) -> None:
            if shiboken6.isValid(self) and generation == self._load_generation:
                self.model.deliver_first_page(([], None))
                self._load_failed(exc.message)

        op: Operation[tuple[list[EncounterRow], SortKey | None]] = Operation(
            self, lambda _state: read(), done, title=self.tr("Contacten zoeken"),
            cancellable=False, on_error=failed, on_cancelled=None)
        op.start(show_after_ms=2**31 - 1)  # the list says "Zoeken..." meanwhile
        self.load_op = op

    def _first_page_shown(self, filters: EncounterFilter, selected: uuid.UUID | None) -> None:
        if selected is not None:
            row = self.model.row_of(selected)
            if row >= 0:
                self.table.selectRow(row)
        self._start_count(filters)

    def _start_count(self, filters: EncounterFilter) -> None:
        self._count_generation += 1
        generation = self._count_generation
        self._count_waiting = None
        if self.model.all_loaded():
            self._show_count(self.model.loaded())
            return
        self.count_text = self.tr("Meer dan %1 contacten (tellen...)").replace(
            "%1", format_number(self.model.loaded()))
        self.count_label.setText(self.count_text)
        # The count reads every matching row on a worker thread. Started before the
        # first rows are painted, its start-up work would compete with that paint;
        # so it starts right after the list's next paint (or soon, if none comes).
        self._count_waiting = (generation, filters)
        self._count_fallback.start()

    def _launch_count(self) -> None:
        if not shiboken6.isValid(self) or self._count_waiting is None:
            return
        generation, filters = self._count_waiting
        self._count_waiting = None
        self._count_fallback.stop()
        if generation != self._count_generation:
            return
        encounters = self.services.encounters

        def work(_state: TaskState) -> int:
            return encounters.count(filters)

        def done(n: int) -> None:
            if shiboken6.isValid(self) and generation == self._count_generation:
                self._show_count(n)

        def failed(exc: GezondError) -> None:
            if shiboken6.isValid(self) and generation == self._count_generation:
                self.count_label.setText(self.tr("Meer dan %1 contacten").replace(
                    "%1", format_number(self.model.loaded())))

        op: Operation[int] = Operation(self, work, done, title=self.tr("Contacten tellen"),
                                       cancellable=False, on_error=failed, on_cancelled=None)
        op.start(show_after_ms=2**31 - 1)  # a background count never shows a dialog
        self.count_op = op

    def _show_count(self, n: int) -> None:
        self.count_text = (self.tr("1 contact") if n == 1 else
                           self.tr("%1 contacten").replace("%1", format_number(n)))
        self.count_label.setText(self.count_text)

    def _load_failed(self, message: str) -> None:
        self.list_error.setText(message)
        self.list_error.show()

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if column not in SORT_COLUMNS:
            # Only date and neighbourhood sort (in SQL); put the indicator back.
            header.blockSignals(True)
            header.setSortIndicator(self._sort_column, self._sort_order)
            header.blockSignals(False)
            return
        if (column, order) == (self._sort_column, self._sort_order) \
                and self.model.loaded() > 0:
            return
        self._sort_column, self._sort_order = column, order
        if getattr(self, "_ready", False):
            self.reload()

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        """Sort as a header click does."""
        self.table.sortByColumn(column, order)

    # -- rows ----------------------------------------------------------------------
    def selected_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        value = self.model.data(rows[0], Qt.ItemDataRole.UserRole)
        return value if isinstance(value, uuid.UUID) else None

    def _selection_changed(self, *_args: Any) -> None:
        has = self.selected_id() is not None
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _open_index(self, index: QModelIndex) -> None:
        value = self.model.data(index, Qt.ItemDataRole.UserRole)
        if isinstance(value, uuid.UUID):
            self.open_record(value)

    def open_selected(self) -> None:
        eid = self.selected_id()
        if eid is not None:
            self.open_record(eid)

    def open_record(self, record_id: uuid.UUID) -> None:
        """Open one contact in the form for changing."""
        if self.form.has_content() and self.form.editing_id != record_id and not ask(
                self, self.tr("Contact aanpassen"),
                self.tr("In het formulier staat een contact dat nog niet is opgeslagen. "
                        "Wilt u dat weggooien en dit contact openen?")):
            return
        try:
            view = self.services.encounters.get(record_id)
        except GezondError as exc:
            self._load_failed(exc.message)
            self.schedule_reload()
            return
        self.form.edit(view)
        self.drafts.discard()

    def delete_selected(self) -> None:
        eid = self.selected_id()
        if eid is None:
            return
        row = self.model.row(self.model.row_of(eid))
        what = f"{format_datetime(row.occurred_at)}"
        place = row.venue_name or row.neighbourhood_name
        if place:
            what += f", {place}"
        if not ask(self, self.tr("Contact verwijderen"),
                   self.tr("Het contact van %1 verwijderen? Het telt dan niet meer mee in "
                           "de overzichten.").replace("%1", what)):
            return
        try:
            self.services.encounters.delete(eid)
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc, self.tr("Verwijderen lukte niet"))
            return
        if self.form.editing_id == eid:
            self.form.reset(keep_place=False)
            self.drafts.discard()
        self.schedule_reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._count_waiting is not None \
                and watched is self.table.viewport():
            QTimer.singleShot(0, self._launch_count)  # once this paint is done
            return False
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else 0
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_selected()
                return True
            if key == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    # -- page protocol -------------------------------------------------------------
    def _after_save(self) -> None:
        self.drafts.discard()
        self.schedule_reload()

    def refresh(self, changed: frozenset[str]) -> None:
        if changed & REFERENCE_ENTITIES:
            self.form.load_reference()
            self._load_filter_choices()
        if changed & ({"encounter"} | REFERENCE_ENTITIES):
            self.schedule_reload()

    def start_new(self) -> None:
        """Ctrl+N: the quick entry, ready for a new contact."""
        if self.form.editing_id is not None and not self.form.has_content():
            self.form.cancel_edit()
        self.form.focus_entry()

    def focus_search(self) -> None:
        self.f_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.f_text.selectAll()

    def shutdown(self) -> None:
        """The window closes: keep what is typed."""
        self.drafts.flush()


__all__ = ["ContactsPage", "EncounterForm", "EncounterListModel", "ask"]
