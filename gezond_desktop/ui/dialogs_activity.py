"""Dialogs of the Activiteiten screen: edit an activity, open a new session, take the
roll call of a session (Presentielijst) and import a sign-in list.

The roll call is built for speed: last session's people are listed to tick with
Up/Down and Space (V marks a volunteer), anyone else is found by typing part of
an alias and Enter, someone new is added by alias alone, anonymous guests are a
number, and Ctrl+S saves everything in one call.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..enums import WEEKDAYS_NL, AttendanceRole, ScheduleKind
from ..errors import GezondError, ValidationError
from ..services import Services
from ..services.activities import ActivityInput, ActivityView, RollCall, SessionRow
from ..services.imports import AttendancePreview, ImportReport
from ..services.reference import RefItem
from ..tasks import TaskState
from . import labels as ui_labels
from .common import min_width_chars
from .operations import run_op

ModelIndex = QModelIndex | QPersistentModelIndex

NO_DATE = QDate(2000, 1, 1)  # the minimum of optional date fields, shown as "geen"
NO_TIME = QTime(0, 0)
ERROR_COLOR = "#b00020"


# -- small shared helpers ---------------------------------------------------------------


def nl_date(d: dt.date | None, with_day: bool = True) -> str:
    """3-11-2026 or 'di 3-11-2026' (the day in the UI language)."""
    if d is None:
        return ""
    text = f"{d.day}-{d.month}-{d.year}"
    return f"{ui_labels.tr_label(WEEKDAYS_NL[d.weekday()])[:2]} {text}" if with_day else text


def schedule_text(a: ActivityView) -> str:
    """'Elke week op dinsdag, 12:00' in the UI language."""
    try:
        kind = ScheduleKind(a.schedule_kind)
    except ValueError:
        return a.schedule_text
    text = ui_labels.label(kind)
    day = ui_labels.tr_label(WEEKDAYS_NL[a.weekday]) if a.weekday is not None \
        and 0 <= a.weekday <= 6 else None
    if kind in (ScheduleKind.WEEKLY, ScheduleKind.BIWEEKLY, ScheduleKind.MONTHLY) and day:
        text = QCoreApplication.translate("Schedule", "%1 op %2").replace(
            "%1", text).replace("%2", day)
    elif kind is ScheduleKind.ONCE and a.starts_on is not None:
        text = QCoreApplication.translate("Schedule", "%1 op %2").replace(
            "%1", text).replace("%2", nl_date(a.starts_on))
    if a.start_time is not None and kind is not ScheduleKind.IRREGULAR:
        text += f", {a.start_time:%H:%M}"
    return text


class ErrorLabel(QLabel):
    """A small red message that sits next to (under) its field; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setVisible(False)

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


def with_error(field: QWidget) -> tuple[QWidget, ErrorLabel]:
    """The field with an error label right under it, as one form row."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(field)
    label = ErrorLabel(box)
    lay.addWidget(label)
    box.setFocusProxy(field)
    if isinstance(field, QLineEdit):  # typing a fix clears the old message
        field.textEdited.connect(lambda _t: label.show_message(None))
    return box, label


def retired_label(name: str, retired: bool) -> str:
    """A value's name, with '(niet meer in gebruik)' when it is retired."""
    if not retired:
        return name
    return QCoreApplication.translate("Reference", "%1 (niet meer in gebruik)").replace(
        "%1", name)


def fill_ref_combo(combo: QComboBox, items: list[RefItem], current: uuid.UUID | None,
                   none_text: str) -> None:
    """Live values plus, if the record still points at one, its retired value."""
    combo.clear()
    combo.addItem(none_text, None)
    for item in items:
        if item.retired and item.id != current:
            continue
        combo.addItem(retired_label(item.name, item.retired), str(item.id))
    set_combo_id(combo, current)


def set_combo_id(combo: QComboBox, id_: uuid.UUID | None) -> None:
    i = combo.findData(str(id_)) if id_ is not None else 0
    combo.setCurrentIndex(max(0, i))


def combo_id(combo: QComboBox) -> uuid.UUID | None:
    data = combo.currentData()
    return uuid.UUID(data) if data else None


def fill_check_list(widget: QListWidget, items: list[RefItem],
                    checked: tuple[uuid.UUID, ...]) -> None:
    widget.clear()
    for item in items:
        if item.retired and item.id not in checked:
            continue
        row = QListWidgetItem(retired_label(item.name, item.retired))
        row.setData(Qt.ItemDataRole.UserRole, str(item.id))
        row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                     | Qt.ItemFlag.ItemIsSelectable)
        row.setCheckState(Qt.CheckState.Checked if item.id in checked
                          else Qt.CheckState.Unchecked)
        widget.addItem(row)


def checked_ids(widget: QListWidget) -> tuple[uuid.UUID, ...]:
    out = []
    for i in range(widget.count()):
        row = widget.item(i)
        if row.checkState() == Qt.CheckState.Checked:
            out.append(uuid.UUID(row.data(Qt.ItemDataRole.UserRole)))
    return tuple(out)


def qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def optional_date_edit(value: dt.date | None, none_text: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d-M-yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(none_text)
    edit.setDate(qdate(value) if value is not None else NO_DATE)
    return edit


def optional_date(edit: QDateEdit) -> dt.date | None:
    return None if edit.date() == NO_DATE else pydate(edit.date())


# -- activity ---------------------------------------------------------------------------


class ActivityDialog(QDialog):
    """Add or edit an activity. ``saved`` holds the result after accept."""

    def __init__(self, services: Services, activity: ActivityView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.activity = activity
        self.saved: ActivityView | None = None
        self.setWindowTitle(self.tr("Activiteit wijzigen") if activity
                            else self.tr("Nieuwe activiteit"))
        ref = services.reference
        a = activity
        lay = QVBoxLayout(self)
        self.general_error = ErrorLabel(self)
        lay.addWidget(self.general_error)
        form = QFormLayout()
        lay.addLayout(form)
        self.errors: dict[str, ErrorLabel] = {}

        def row(label: str, field: QWidget, key: str) -> None:
            box, err = with_error(field)
            form.addRow(label, box)
            self.errors[key] = err

        self.name = QLineEdit(a.name if a else "")
        row(self.tr("&Naam"), self.name, "name")
        self.organisation = QComboBox()
        fill_ref_combo(self.organisation, ref.list("organisation", True),
                       a.organisation_id if a else None, self.tr("(geen)"))
        row(self.tr("&Organisator"), self.organisation, "organisation_id")
        self.neighbourhood = QComboBox()
        fill_ref_combo(self.neighbourhood, ref.list("neighbourhood", True),
                       a.neighbourhood_id if a else None, self.tr("(geen)"))
        row(self.tr("&Buurt"), self.neighbourhood, "neighbourhood_id")
        self.venue = QComboBox()
        fill_ref_combo(self.venue, ref.list("venue", True), a.venue_id if a else None,
                       self.tr("(geen)"))
        row(self.tr("&Vindplaats"), self.venue, "venue_id")
        self.schedule_kind = QComboBox()
        for code, text in ui_labels.choices(ScheduleKind):
            self.schedule_kind.addItem(text, code)
        self.schedule_kind.setCurrentIndex(
            max(0, self.schedule_kind.findData(a.schedule_kind if a else "weekly")))
        row(self.tr("&Hoe vaak"), self.schedule_kind, "schedule_kind")
        self.weekday = QComboBox()
        self.weekday.addItem(self.tr("(geen vaste dag)"), None)
        for i, day in enumerate(WEEKDAYS_NL):
            self.weekday.addItem(ui_labels.tr_label(day), i)
        if a is not None and a.weekday is not None:
            self.weekday.setCurrentIndex(a.weekday + 1)
        row(self.tr("&Dag"), self.weekday, "weekday")
        self.start_time = QTimeEdit()
        self.start_time.setDisplayFormat("HH:mm")
        self.start_time.setMinimumTime(NO_TIME)
        self.start_time.setSpecialValueText(self.tr("geen vaste tijd"))
        st = a.start_time if a else None
        self.start_time.setTime(QTime(st.hour, st.minute) if st else NO_TIME)
        row(self.tr("Begin&tijd"), self.start_time, "start_time")
        self.starts_on = optional_date_edit(a.starts_on if a else None, self.tr("geen"))
        row(self.tr("&Startdatum"), self.starts_on, "starts_on")
        self.ends_on = optional_date_edit(a.ends_on if a else None, self.tr("geen"))
        row(self.tr("&Einddatum"), self.ends_on, "ends_on")
        self.programme_line = QComboBox()
        fill_ref_combo(self.programme_line, ref.list("programme_line", True),
                       a.programme_line_id if a else None, self.tr("(geen)"))
        row(self.tr("&Programmalijn"), self.programme_line, "programme_line_id")
        self.tracks = QListWidget()
        fill_check_list(self.tracks, ref.list("track", True), a.track_ids if a else ())
        self.tracks.setMaximumHeight(self.fontMetrics().height() * 7)
        row(self.tr("Spo&ren"), self.tracks, "track_ids")
        self.target_groups = QListWidget()
        fill_check_list(self.target_groups, ref.list("target_group", True),
                        a.target_group_ids if a else ())
        self.target_groups.setMaximumHeight(self.fontMetrics().height() * 7)
        row(self.tr("Doel&groepen"), self.target_groups, "target_group_ids")
        self.description = QPlainTextEdit(a.description if a else "")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(self.fontMetrics().height() * 4)
        row(self.tr("O&mschrijving"), self.description, "description")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        min_width_chars(self, 80)
        self.name.setFocus()

    def value(self) -> ActivityInput:
        t = self.start_time.time()
        return ActivityInput(
            name=self.name.text(),
            schedule_kind=self.schedule_kind.currentData(),
            weekday=self.weekday.currentData(),
            start_time=None if t == NO_TIME else dt.time(t.hour(), t.minute()),
            starts_on=optional_date(self.starts_on),
            ends_on=optional_date(self.ends_on),
            description=self.description.toPlainText(),
            organisation_id=combo_id(self.organisation),
            neighbourhood_id=combo_id(self.neighbourhood),
            venue_id=combo_id(self.venue),
            programme_line_id=combo_id(self.programme_line),
            track_ids=checked_ids(self.tracks),
            target_group_ids=checked_ids(self.target_groups),
        )

    def save(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.show_message(None)
        try:
            if self.activity is None:
                self.saved = self.services.activities.create(self.value())
            else:
                self.saved = self.services.activities.update(self.activity.id, self.value())
        except ValidationError as exc:
            show_field_errors(exc, self.errors, self.general_error)
            return
        except GezondError as exc:
            self.general_error.show_message(exc.message)
            return
        self.accept()


def show_field_errors(exc: ValidationError, labels: dict[str, ErrorLabel],
                      general: ErrorLabel) -> None:
    """Each message next to its field; the rest at the top of the form."""
    rest = []
    first: QWidget | None = None
    for e in exc.errors:
        key = e.field.split(".")[0]
        label = labels.get(key)
        if label is None:
            rest.append(e.message)
        else:
            label.show_message(e.message)
            if first is None:
                first = label.parentWidget()
    general.show_message(" ".join(rest) if rest else None)
    if first is not None:
        first.setFocus()


# -- a new session ----------------------------------------------------------------------


class SessionDialog(QDialog):
    """'Nieuwe bijeenkomst': the proposed date (editable). ``created`` after accept."""

    def __init__(self, services: Services, activity: ActivityView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.activity = activity
        self.created: SessionRow | None = None
        self.setWindowTitle(self.tr("Nieuwe bijeenkomst"))
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Bijeenkomst van %1 (%2)").replace("%1", activity.name)
                       .replace("%2", schedule_text(activity) or self.tr("geen vast schema")))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        lay.addLayout(form)
        proposed = services.activities.next_session_date(activity.id)
        if proposed > dt.date.today():
            proposed = dt.date.today()
        self.date = QDateEdit(qdate(proposed))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d-M-yyyy")
        self.weekday = QLabel()
        date_row = QWidget()
        date_lay = QHBoxLayout(date_row)
        date_lay.setContentsMargins(0, 0, 0, 0)
        date_lay.addWidget(self.date)
        date_lay.addWidget(self.weekday, 1)
        date_row.setFocusProxy(self.date)
        box, self.date_error = with_error(date_row)
        form.addRow(self.tr("&Datum"), box)
        self.date.dateChanged.connect(self._show_weekday)
        self._show_weekday()
        self.notes = QLineEdit()
        form.addRow(self.tr("&Notitie"), self.notes)
        self.general_error = ErrorLabel(self)
        lay.addWidget(self.general_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Aanmaken en presentielijst openen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        min_width_chars(self, 60)
        self.date.setFocus()

    def _show_weekday(self) -> None:
        self.weekday.setText(ui_labels.tr_label(WEEKDAYS_NL[pydate(self.date.date()).weekday()]))
        self.date_error.show_message(None)

    def save(self) -> None:
        self.date_error.show_message(None)
        self.general_error.show_message(None)
        try:
            self.created = self.services.activities.create_session(
                self.activity.id, pydate(self.date.date()), notes=self.notes.text())
        except ValidationError as exc:
            show_field_errors(exc, {"held_on": self.date_error}, self.general_error)
            return
        except GezondError as exc:
            self.general_error.show_message(exc.message)
            return
        self.accept()


# -- roll call --------------------------------------------------------------------------


@dataclass
class Person:
    """One line of the roll call while it is being filled in."""

    resident_id: uuid.UUID | None  # None: new, known by alias only
    alias: str
    present: bool
    volunteer: bool
    note: str


class RollCallModel(QAbstractTableModel):
    """The people of one roll call: tick 'Aanwezig' (column 0) and 'Vrijwilliger'."""

    PRESENT, VOLUNTEER, NOTE = range(3)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: list[Person] = []
        self._headers = [self.tr("Aanwezig"), self.tr("Vrijwilliger"), self.tr("Opmerking")]

    def set_people(self, people: list[Person]) -> None:
        self.beginResetModel()
        self.people = people
        self.endResetModel()
        self.changed.emit()

    def add(self, person: Person) -> int:
        row = len(self.people)
        self.beginInsertRows(QModelIndex(), row, row)
        self.people.append(person)
        self.endInsertRows()
        self.changed.emit()
        return row

    def row_of(self, resident_id: uuid.UUID) -> int | None:
        for i, p in enumerate(self.people):
            if p.resident_id == resident_id:
                return i
        return None

    def row_of_new(self, alias: str) -> int | None:
        key = " ".join(alias.lower().split())
        for i, p in enumerate(self.people):
            if p.resident_id is None and " ".join(p.alias.lower().split()) == key:
                return i
        return None

    # -- changing one line --------------------------------------------------------------
    def set_present(self, row: int, present: bool) -> None:
        p = self.people[row]
        p.present = present
        if not present:
            p.volunteer = False
        self._row_changed(row)

    def set_volunteer(self, row: int, volunteer: bool) -> None:
        p = self.people[row]
        p.volunteer = volunteer
        if volunteer:
            p.present = True
        self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.changed.emit()

    # -- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < 3:
                return self._headers[section]
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.PRESENT, self.VOLUNTEER):
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.people):
            return None
        p = self.people[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.PRESENT:
                return p.alias
            if col == self.VOLUNTEER:
                return self.tr("Vrijwilliger") if p.volunteer else ""
            if col == self.NOTE:
                return p.note
        elif role == Qt.ItemDataRole.CheckStateRole:
            if col == self.PRESENT:
                return Qt.CheckState.Checked if p.present else Qt.CheckState.Unchecked
            if col == self.VOLUNTEER:
                return Qt.CheckState.Checked if p.volunteer else Qt.CheckState.Unchecked
        elif role == Qt.ItemDataRole.ForegroundRole and col == self.NOTE:
            return QBrush(QColor("#555555"))
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.VOLUNTEER:
            return self.tr("Vink aan of druk op V als deze persoon vrijwilliger is.")
        return None

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = _is_checked(value)
        if index.column() == self.PRESENT:
            self.set_present(index.row(), checked)
            return True
        if index.column() == self.VOLUNTEER:
            self.set_volunteer(index.row(), checked)
            return True
        return False


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    try:
        return int(value) == Qt.CheckState.Checked.value
    except (TypeError, ValueError):
        return bool(value)


class RollCallView(QTableView):
    """Space ticks 'Aanwezig' on the current line (or 'Vrijwilliger' in that column);
    V ticks 'Vrijwilliger' (and so 'Aanwezig')."""

    def __init__(self, model: RollCallModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roll = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.6))
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if index.isValid() and mods == Qt.KeyboardModifier.NoModifier:
            p = self.roll.people[index.row()]
            if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):
                if index.column() == RollCallModel.VOLUNTEER:
                    self.roll.set_volunteer(index.row(), not p.volunteer)
                else:
                    self.roll.set_present(index.row(), not p.present)
                event.accept()
                return
            if event.key() == Qt.Key.Key_V:
                self.roll.set_volunteer(index.row(), not p.volunteer)
                event.accept()
                return
        super().keyPressEvent(event)


class SearchField(QLineEdit):
    """The alias search: Down goes to the results, Enter adds, Ctrl+Enter adds as new."""

    down = Signal()
    add_new = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.add_new.emit()
            return
        super().keyPressEvent(event)


class ResultList(QListWidget):
    """Search results (at most a few dozen). Enter adds the current one."""

    chosen = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit()
            return
        super().keyPressEvent(event)


class RollCallDialog(QDialog):
    """Presentielijst of one session. ``saved`` holds the stored roll call after accept."""

    SEARCH_LIMIT = 20

    def __init__(self, services: Services, session_id: uuid.UUID,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session_id = session_id
        self.saved: RollCall | None = None
        self._confirm_new_alias = ""
        rc = services.activities.roll_call(session_id)
        self.setWindowTitle(self.tr("Presentielijst"))

        lay = QVBoxLayout(self)
        title = QLabel(f"<b>{_html(rc.activity_name)}</b> · {nl_date(rc.held_on)}")
        lay.addWidget(title)
        if rc.ticked_count:
            hint = self.tr("Wie er was, staat aangevinkt. Pas aan wat niet klopt: pijltjes "
                           "en spatie om aan of uit te vinken, V voor een vrijwilliger.")
        elif rc.previous_held_on is not None:
            hint = self.tr("Hieronder staat wie er vorige keer was (%1). Ga met de pijltjes "
                           "langs de lijst en druk op spatie bij wie er is; V voor een "
                           "vrijwilliger.").replace("%1", nl_date(rc.previous_held_on))
        else:
            hint = self.tr("Dit is de eerste bijeenkomst. Zoek mensen op hun alias of voeg "
                           "iemand nieuw toe.")
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)

        self.model = RollCallModel(self)
        self.model.set_people([
            Person(e.resident_id, e.alias, e.ticked,
                   e.role == AttendanceRole.VOLUNTEER.value and e.ticked,
                   self.tr("Staat op de lijst") if e.ticked else self.tr("Was er vorige keer"))
            for e in rc.entries
        ])
        # Volunteers last time are likely volunteers again: tick V keeps that.
        self._previous_roles = {e.resident_id: e.role for e in rc.entries if not e.ticked}
        self.table = RollCallView(self.model, self)
        self.table.setMinimumHeight(self.fontMetrics().height() * 14)
        lay.addWidget(self.table, 1)

        search_row = QHBoxLayout()
        search_label = QLabel(self.tr("&Zoek iemand anders:"))
        self.search = SearchField()
        self.search.setPlaceholderText(self.tr("deel van de alias, dan Enter"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("&Nieuw (alleen alias)"))
        self.new_button.setToolTip(self.tr("Voeg de getypte alias toe als nieuwe inwoner "
                                           "(Ctrl+Enter)."))
        search_row.addWidget(self.new_button)
        lay.addLayout(search_row)
        self.search_error = ErrorLabel(self)
        lay.addWidget(self.search_error)
        self.results = ResultList()
        self.results.setMaximumHeight(self.fontMetrics().height() * 6)
        self.results.setVisible(False)
        lay.addWidget(self.results)

        bottom = QHBoxLayout()
        guests_label = QLabel(self.tr("&Gasten zonder naam:"))
        self.guests = QSpinBox()
        self.guests.setRange(0, 10_000)
        self.guests.setValue(rc.anonymous_guests)
        guests_label.setBuddy(self.guests)
        bottom.addWidget(guests_label)
        bottom.addWidget(self.guests)
        bottom.addStretch(1)
        self.count_label = QLabel()
        bottom.addWidget(self.count_label)
        lay.addLayout(bottom)
        self.guests_error = ErrorLabel(self)
        lay.addWidget(self.guests_error)
        self.general_error = ErrorLabel(self)
        lay.addWidget(self.general_error)

        # No QDialogButtonBox: it makes Save the default button, and Enter in the
        # search field must add a person, not close the list.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("&Opslaan"))
        self.save_button.setToolTip(self.tr("Opslaan (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        for b in (self.save_button, self.cancel_button, self.new_button):
            b.setAutoDefault(False)
            b.setDefault(False)
        lay.addLayout(buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(self._on_search_edited)
        self.search.returnPressed.connect(self.add_from_search)
        self.search.down.connect(self._focus_results)
        self.search.add_new.connect(self.add_new_alias)
        self.results.chosen.connect(self.add_current_result)
        self.results.itemDoubleClicked.connect(lambda _item: self.add_current_result())
        self.new_button.clicked.connect(self.add_new_alias)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_key.activated.connect(self.save)
        find_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find_key.activated.connect(self.search.setFocus)
        self.model.changed.connect(self._update_count)
        self.guests.valueChanged.connect(self._update_count)
        self._update_count()
        self._opened_state = self._state()
        self._confirm_close = False
        self.model.changed.connect(self._forget_confirm_close)
        self.guests.valueChanged.connect(self._forget_confirm_close)

        self.resize(self.fontMetrics().averageCharWidth() * 80,
                    self.fontMetrics().height() * 34)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.setFocus()
        else:
            self.search.setFocus()

    def _forget_confirm_close(self) -> None:
        self._confirm_close = False

    # -- counts -------------------------------------------------------------------------
    def _update_count(self) -> None:
        present = sum(1 for p in self.model.people if p.present)
        volunteers = sum(1 for p in self.model.people if p.volunteer)
        guests = self.guests.value()
        text = self.tr("Aanwezig: %1 met naam (waarvan %2 vrijwilliger) + %3 zonder naam "
                       "= %4").replace("%1", str(present)).replace("%2", str(volunteers)) \
            .replace("%3", str(guests)).replace("%4", str(present + guests))
        self.count_label.setText(text)

    # -- search -------------------------------------------------------------------------
    def _on_search_edited(self, _text: str) -> None:
        self._confirm_new_alias = ""
        self.search_error.show_message(None)
        self._search_timer.start()

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            self.results.setVisible(False)
            return
        for r in self.services.residents.search(text, limit=self.SEARCH_LIMIT):
            extra = ", ".join(str(x) for x in (r.birth_year, r.neighbourhood_name) if x)
            item = QListWidgetItem(f"{r.alias} ({extra})" if extra else r.alias)
            item.setData(Qt.ItemDataRole.UserRole, (str(r.id), r.alias))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setVisible(True)
        else:
            self.results.setVisible(False)
            self.search_error.show_message(self.tr(
                "Niemand gevonden met deze alias. Klik op 'Nieuw (alleen alias)' of druk "
                "op Ctrl+Enter om %1 als nieuwe inwoner toe te voegen.").replace("%1", text))

    def _focus_results(self) -> None:
        if self._search_timer.isActive() or not self.results.count():
            self.run_search()
        if self.results.count():
            self.results.setFocus()

    def add_from_search(self) -> None:
        """Enter in the search field: add the first (selected) match."""
        if self._search_timer.isActive() or self.results.count() == 0:
            self.run_search()
        if self.results.count():
            self.add_current_result()

    def add_current_result(self) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is None:
            return
        raw_id, alias = item.data(Qt.ItemDataRole.UserRole)
        self.add_resident(uuid.UUID(raw_id), alias)
        self._clear_search()

    def add_resident(self, resident_id: uuid.UUID, alias: str) -> int:
        """Tick someone found by alias (added to the list if not on it yet)."""
        row = self.model.row_of(resident_id)
        if row is None:
            volunteer = self._previous_roles.get(resident_id) == AttendanceRole.VOLUNTEER.value
            row = self.model.add(Person(resident_id, alias, True, False, self.tr("Gezocht")))
            if volunteer:
                self.model.set_volunteer(row, True)
        else:
            self.model.set_present(row, True)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))
        return row

    def add_new_alias(self) -> None:
        """Add the typed alias as a new resident (saved with the roll call)."""
        alias = " ".join(self.search.text().split())
        if not alias:
            self.search_error.show_message(self.tr(
                "Typ eerst de alias van de nieuwe persoon in het zoekveld."))
            self.search.setFocus()
            return
        if self.model.row_of_new(alias) is not None:
            self.search_error.show_message(self.tr("%1 staat al op de lijst.")
                                           .replace("%1", alias))
            return
        same = [r for r in self.services.residents.search(alias, limit=self.SEARCH_LIMIT)
                if " ".join(r.alias.lower().split()) == alias.lower()]
        if same and self._confirm_new_alias != alias:
            self._confirm_new_alias = alias
            self.run_search()
            self.search_error.show_message(self.tr(
                "Er is al iemand met de alias %1. Kies die persoon uit de lijst (Enter), "
                "of klik nog een keer op 'Nieuw' als het echt iemand anders is.")
                .replace("%1", alias))
            return
        row = self.model.add(Person(None, alias, True, False, self.tr("Nieuw: alleen alias")))
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))
        self._clear_search()

    def _clear_search(self) -> None:
        self._confirm_new_alias = ""
        self.search.clear()
        self.results.clear()
        self.results.setVisible(False)
        self.search_error.show_message(None)
        self.search.setFocus()

    # -- close without saving -----------------------------------------------------------
    def _state(self) -> tuple[object, ...]:
        return (tuple((p.resident_id, p.alias, p.present, p.volunteer)
                      for p in self.model.people), self.guests.value())

    def reject(self) -> None:
        """Esc or Annuleren: with unsaved ticks, ask once (no blocking message box)."""
        if self._state() != self._opened_state and not self._confirm_close:
            self._confirm_close = True
            self.general_error.show_message(self.tr(
                "De presentielijst is nog niet opgeslagen. Klik op Opslaan (Ctrl+S), of "
                "druk nog een keer op Esc om te sluiten zonder op te slaan."))
            return
        super().reject()

    # -- save ---------------------------------------------------------------------------
    def save(self) -> None:
        for label in (self.guests_error, self.general_error, self.search_error):
            label.show_message(None)
        volunteer = AttendanceRole.VOLUNTEER.value
        participant = AttendanceRole.PARTICIPANT.value
        entries = [(p.resident_id, volunteer if p.volunteer else participant)
                   for p in self.model.people if p.present and p.resident_id is not None]
        new = [(p.alias, volunteer if p.volunteer else participant)
               for p in self.model.people if p.present and p.resident_id is None]
        try:
            self.saved = self.services.activities.save_roll_call(
                self.session_id, entries, self.guests.value(), new)
        except ValidationError as exc:
            show_field_errors(exc, {"anonymous_guests": self.guests_error}, self.general_error)
            return
        except GezondError as exc:
            self.general_error.show_message(exc.message)
            return
        self.accept()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- importing a sign-in list -----------------------------------------------------------


class AttendancePreviewModel(QAbstractTableModel):
    """The rows of a sign-in list as read, each with its status and reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: AttendancePreview | None = None
        self._headers = [self.tr("Rij"), self.tr("Datum"), self.tr("Alias"), self.tr("Rol"),
                         self.tr("Status"), self.tr("Reden")]
        self._ok = self.tr("Goed")
        self._bad = self.tr("Niet goed")

    def set_preview(self, preview: AttendancePreview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.preview is None:
            return 0
        return len(self.preview.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.preview is None or not index.isValid() \
                or not 0 <= index.row() < len(self.preview.rows):
            return None
        r = self.preview.rows[index.row()]
        bad = r.status != "ok"
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return str(r.row_number)
            if col == 1:
                return nl_date(r.held_on, with_day=False) if r.held_on else \
                    r.raw.get("datum", r.raw.get("date", ""))
            if col == 2:
                return r.alias
            if col == 3:
                try:
                    return ui_labels.label(AttendanceRole(r.role))
                except ValueError:
                    return r.role
            if col == 4:
                return self._bad if bad else self._ok
            if col == 5:
                return _strip_row_prefix(r.reason)
        elif role == Qt.ItemDataRole.ToolTipRole and col == 5 and bad:
            return r.reason
        elif role == Qt.ItemDataRole.BackgroundRole and bad:
            return QBrush(QColor("#fde7e9"))
        elif role == Qt.ItemDataRole.ForegroundRole and bad and col in (4, 5):
            return QBrush(QColor(ERROR_COLOR))
        return None


def _strip_row_prefix(reason: str) -> str:
    """'Rij 4: de alias is leeg.' -> 'De alias is leeg.' (the row is its own column)."""
    if reason.startswith("Rij ") and ": " in reason:
        reason = reason.split(": ", 1)[1]
    return reason[:1].upper() + reason[1:]


class AttendanceImportDialog(QDialog):
    """Read a sign-in list (CSV or Excel), preview every row, then save the good ones.

    ``load_file(path)`` reads a file without the file chooser; ``report`` holds the
    result after saving; ``imported`` is emitted then.
    """

    imported = Signal(object)

    def __init__(self, services: Services, activity: ActivityView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.activity = activity
        self.preview: AttendancePreview | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Presentielijst inlezen"))
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Lees een presentielijst van %1 in uit Excel (.xlsx) of CSV. De eerste rij "
            "bevat de kolomnamen: datum, alias en eventueel rol (deelnemer of "
            "vrijwilliger). U ziet eerst alle rijen; alleen de goede rijen worden "
            "opgeslagen.").replace("%1", activity.name))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        file_row = QHBoxLayout()
        self.file_label = QLabel(self.tr("Nog geen bestand gekozen."))
        file_row.addWidget(self.file_label, 1)
        self.choose_button = QPushButton(self.tr("&Bestand kiezen..."))
        self.choose_button.clicked.connect(self.choose_file)
        file_row.addWidget(self.choose_button)
        lay.addLayout(file_row)
        self.model = AttendancePreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary)
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Opslaan"))
        self.save_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Annuleren"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self._close)
        lay.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 110,
                    self.fontMetrics().height() * 30)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Presentielijst kiezen"), "",
            self.tr("Excel of CSV (*.xlsx *.csv *.txt);;Alle bestanden (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path | str) -> None:
        """Read and check the file off the UI thread; the preview fills the table."""
        path = Path(path)
        activity_id = self.activity.id
        self.file_label.setText(path.name)
        self.save_button.setEnabled(False)
        self.summary.setText(self.tr("Bezig met lezen..."))

        reading = self.tr("Lijst lezen...")

        def work(state: TaskState) -> AttendancePreview:
            state.report(0, 0, reading)
            return self.services.imports.preview_attendance(path, activity_id)

        run_op(self, work, self._show_preview, title=self.tr("Presentielijst lezen"),
               on_error=self._read_failed)

    def _read_failed(self, exc: GezondError) -> None:
        self.preview = None
        self.model.set_preview(None)
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
        self.summary.setText(exc.message)

    def _show_preview(self, preview: AttendancePreview) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        good, bad = len(preview.ok_rows), len(preview.error_rows)
        self.summary.setStyleSheet("")
        parts = [self.tr("%n rij is goed", "", good) if good == 1
                 else self.tr("%n rijen zijn goed", "", good)]
        if bad:
            parts.append(self.tr("%n rij is niet goed (rood, met de reden)", "", bad)
                         if bad == 1 else
                         self.tr("%n rijen zijn niet goed (rood, met de reden)", "", bad))
        text = ", ".join(parts) + ". "
        if good:
            text += self.tr("Klik op Opslaan om de goede rijen op te slaan.")
        else:
            text += self.tr("Er is niets om op te slaan. Verbeter het bestand en kies het "
                            "opnieuw.")
        self.summary.setText(text)
        self.save_button.setEnabled(good > 0)
        if good:
            self.save_button.setFocus()

    def save(self) -> None:
        preview = self.preview
        if preview is None or not preview.ok_rows:
            return
        self.save_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        text = self.tr("Aanwezigheid opslaan...")

        def work(state: TaskState) -> ImportReport:
            return self.services.imports.import_attendance(preview, state.progress(text))

        run_op(self, work, self._saved, title=self.tr("Presentielijst opslaan"),
               on_error=self._save_failed, on_cancelled=self._save_cancelled)

    def _save_failed(self, exc: GezondError) -> None:
        self.choose_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
        self.summary.setText(exc.message)

    def _save_cancelled(self) -> None:
        self.choose_button.setEnabled(True)
        self.summary.setText(self.tr("Het opslaan is gestopt. Wat al was opgeslagen, blijft "
                                     "bewaard; lees het bestand opnieuw in voor de rest."))

    def _saved(self, report: ImportReport) -> None:
        self.report = report
        self.choose_button.setEnabled(True)
        self.summary.setStyleSheet("")
        self.summary.setText(self.report_text(report))
        self.close_button.setText(self.tr("Sluiten"))
        self.close_button.setFocus()
        self.imported.emit(report)

    def _close(self) -> None:
        if self.report is not None:
            self.accept()
        else:
            self.reject()

    def report_text(self, report: ImportReport) -> str:
        """The result of an attendance import in plain Dutch."""
        n = report.accepted
        lines = [self.tr("%n aanwezigheid opgeslagen.", "", n) if n == 1
                 else self.tr("%n aanwezigheden opgeslagen.", "", n)]
        n = report.sessions_created
        if n:
            lines.append(self.tr("%n nieuwe bijeenkomst aangemaakt.", "", n) if n == 1
                         else self.tr("%n nieuwe bijeenkomsten aangemaakt.", "", n))
        n = report.residents_created
        if n:
            lines.append(
                self.tr("%n nieuwe inwoner toegevoegd (alleen met alias).", "", n) if n == 1
                else self.tr("%n nieuwe inwoners toegevoegd (alleen met alias).", "", n))
        if report.cancelled:
            lines.append(self.tr("Het opslaan is gestopt; de rest is niet opgeslagen."))
        if report.rejected:
            lines.append(self.tr("Deze rijen zijn niet opgeslagen:"))
            lines.extend(f"• {e.message_nl}" for e in report.rejected)
        return "\n".join(lines)
