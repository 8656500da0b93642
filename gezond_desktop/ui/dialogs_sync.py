"""Dialogs of Synchronisatie: review one conflict, join a team, create a team.

* :class:`ConflictDialog` shows both values of one conflict side by side (who,
  when, which computer) with "Deze houden" under each. The choice is written by
  :meth:`SyncService.resolve` as a normal change, so it syncs to every device.
* :class:`JoinTeamDialog` asks for the invitation file a coordinator handed over.
* :class:`CreateTeamDialog` (coordinators) asks for an empty folder for the hub
  and where to save the invitation file (never inside the hub folder).

All work goes through :func:`.operations.run_op`; problems appear next to the
field or in the dialog, in plain Dutch.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import enums
from ..errors import GezondError, ValidationError
from ..services import Services
from ..sync.service import ConflictSide, ConflictView, SyncService
from ..tasks import TaskState
from .common import QT_TRANSLATE_NOOP, format_date, format_datetime
from .labels import tr_label
from .operations import run_op

CONTEXT = "SyncFields"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# entity -> Dutch name (context "SyncFields")
ENTITY_LABELS: dict[str, str] = {
    "resident": QT_TRANSLATE_NOOP("SyncFields", "Inwoner"),
    "resident_consent": QT_TRANSLATE_NOOP("SyncFields", "Toestemming"),
    "encounter": QT_TRANSLATE_NOOP("SyncFields", "Contact"),
    "referral": QT_TRANSLATE_NOOP("SyncFields", "Verwijzing"),
    "referral_event": QT_TRANSLATE_NOOP("SyncFields", "Stap van een verwijzing"),
    "positive_health_score": QT_TRANSLATE_NOOP("SyncFields", "Positieve Gezondheid"),
    "activity": QT_TRANSLATE_NOOP("SyncFields", "Activiteit"),
    "session": QT_TRANSLATE_NOOP("SyncFields", "Bijeenkomst"),
    "attendance": QT_TRANSLATE_NOOP("SyncFields", "Aanwezigheid"),
    "neighbourhood": QT_TRANSLATE_NOOP("SyncFields", "Buurt"),
    "venue": QT_TRANSLATE_NOOP("SyncFields", "Vindplaats"),
    "organisation": QT_TRANSLATE_NOOP("SyncFields", "Organisatie"),
    "organisation_service": QT_TRANSLATE_NOOP("SyncFields", "Dienst"),
    "target_group": QT_TRANSLATE_NOOP("SyncFields", "Doelgroep"),
    "topic": QT_TRANSLATE_NOOP("SyncFields", "Onderwerp"),
    "track": QT_TRANSLATE_NOOP("SyncFields", "Spoor"),
    "programme_line": QT_TRANSLATE_NOOP("SyncFields", "Programmalijn"),
    "worker": QT_TRANSLATE_NOOP("SyncFields", "Medewerker"),
    "export_record": QT_TRANSLATE_NOOP("SyncFields", "Export"),
}

# field -> Dutch label (context "SyncFields")
FIELD_LABELS: dict[str, str] = {
    "reason": QT_TRANSLATE_NOOP("SyncFields", "Reden"),
    "coach_id": QT_TRANSLATE_NOOP("SyncFields", "Welzijnscoach"),
    "follow_up_on": QT_TRANSLATE_NOOP("SyncFields", "Opvolgen op"),
    "follow_up_done_on": QT_TRANSLATE_NOOP("SyncFields", "Opvolging gedaan op"),
    "outcome": QT_TRANSLATE_NOOP("SyncFields", "Uitkomst"),
    "outcome_note": QT_TRANSLATE_NOOP("SyncFields", "Toelichting bij de uitkomst"),
    "destination_organisation_ids": QT_TRANSLATE_NOOP("SyncFields", "Verwezen naar organisaties"),
    "destination_activity_ids": QT_TRANSLATE_NOOP("SyncFields", "Verwezen naar activiteiten"),
    "source_venue_id": QT_TRANSLATE_NOOP("SyncFields", "Vindplaats"),
    "referring_organisation_id": QT_TRANSLATE_NOOP("SyncFields", "Verwijzende organisatie"),
    "registered_on": QT_TRANSLATE_NOOP("SyncFields", "Aangemeld op"),
    "pathway": QT_TRANSLATE_NOOP("SyncFields", "Route"),
    "source": QT_TRANSLATE_NOOP("SyncFields", "Verwezen door"),
    "status": QT_TRANSLATE_NOOP("SyncFields", "Status"),
    "notes": QT_TRANSLATE_NOOP("SyncFields", "Aantekeningen"),
    "note": QT_TRANSLATE_NOOP("SyncFields", "Aantekening"),
    "kind": QT_TRANSLATE_NOOP("SyncFields", "Soort"),
    "head_count": QT_TRANSLATE_NOOP("SyncFields", "Aantal personen"),
    "occurred_at": QT_TRANSLATE_NOOP("SyncFields", "Datum en tijd"),
    "occurred_on": QT_TRANSLATE_NOOP("SyncFields", "Datum"),
    "neighbourhood_id": QT_TRANSLATE_NOOP("SyncFields", "Buurt"),
    "venue_id": QT_TRANSLATE_NOOP("SyncFields", "Vindplaats"),
    "organisation_id": QT_TRANSLATE_NOOP("SyncFields", "Organisatie"),
    "worker_id": QT_TRANSLATE_NOOP("SyncFields", "Medewerker"),
    "name": QT_TRANSLATE_NOOP("SyncFields", "Naam"),
    "description": QT_TRANSLATE_NOOP("SyncFields", "Beschrijving"),
    "alias": QT_TRANSLATE_NOOP("SyncFields", "Roepnaam of schuilnaam"),
    "full_name": QT_TRANSLATE_NOOP("SyncFields", "Volledige naam"),
    "phone": QT_TRANSLATE_NOOP("SyncFields", "Telefoon"),
    "email": QT_TRANSLATE_NOOP("SyncFields", "E-mail"),
    "birth_year": QT_TRANSLATE_NOOP("SyncFields", "Geboortejaar"),
    "gender": QT_TRANSLATE_NOOP("SyncFields", "Geslacht"),
    "role": QT_TRANSLATE_NOOP("SyncFields", "Rol"),
    "held_on": QT_TRANSLATE_NOOP("SyncFields", "Datum"),
    "start_time": QT_TRANSLATE_NOOP("SyncFields", "Begintijd"),
    "starts_on": QT_TRANSLATE_NOOP("SyncFields", "Begint op"),
    "ends_on": QT_TRANSLATE_NOOP("SyncFields", "Eindigt op"),
    "weekday": QT_TRANSLATE_NOOP("SyncFields", "Dag"),
    "schedule_kind": QT_TRANSLATE_NOOP("SyncFields", "Hoe vaak"),
    "anonymous_guests": QT_TRANSLATE_NOOP("SyncFields", "Gasten zonder naam"),
    "code": QT_TRANSLATE_NOOP("SyncFields", "Code"),
    "municipality": QT_TRANSLATE_NOOP("SyncFields", "Gemeente"),
    "is_focus": QT_TRANSLATE_NOOP("SyncFields", "Focusbuurt"),
    "active": QT_TRANSLATE_NOOP("SyncFields", "Actief"),
    "deleted_at": QT_TRANSLATE_NOOP("SyncFields", "Verwijderd"),
    "duplicate": QT_TRANSLATE_NOOP("SyncFields", "Dubbel vastgelegd"),
}

# Fields whose value is the code of a labelled enum.
ENUM_FIELDS: dict[str, type[enums.LabelledEnum]] = {
    "pathway": enums.Pathway,
    "source": enums.ReferralSource,
    "status": enums.ReferralStatus,
    "outcome": enums.Outcome,
    "gender": enums.Gender,
    "role": enums.Role,
    "schedule_kind": enums.ScheduleKind,
    "moment": enums.ScoreMoment,
}

# Fields that hold the id of a reference value or a worker: kind to look it up.
REF_FIELDS: dict[str, str] = {
    "neighbourhood_id": "neighbourhood",
    "venue_id": "venue",
    "source_venue_id": "venue",
    "organisation_id": "organisation",
    "referring_organisation_id": "organisation",
    "destination_organisation_ids": "organisation",
    "destination_activity_ids": "activity",
    "activity_id": "activity",
    "programme_line_id": "programme_line",
    "coach_id": "worker",
    "worker_id": "worker",
    "recorded_by": "worker",
}


REF_KINDS = frozenset({"neighbourhood", "venue", "organisation", "organisation_service",
                       "target_group", "topic", "track", "programme_line"})


def entity_label(entity: str) -> str:
    return _tr(ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity


def field_label(fld: str) -> str:
    if fld in FIELD_LABELS:
        return _tr(FIELD_LABELS[fld])
    return fld.removesuffix("_ids").removesuffix("_id").replace("_", " ").capitalize()


def conflict_title(c: ConflictView) -> str:
    """'Verwijzing: Reden', 'Verwijzing: verwijderd of gewijzigd', ..."""
    if c.kind == "edit_vs_delete":
        what = QCoreApplication.translate("SyncFields", "verwijderd en tegelijk gewijzigd")
    elif c.kind == "status_sequence":
        what = QCoreApplication.translate("SyncFields", "status in een onmogelijke volgorde")
    elif c.kind == "duplicate":
        what = QCoreApplication.translate("SyncFields", "twee keer vastgelegd")
    else:
        what = field_label(c.field)
    return f"{entity_label(c.entity)}: {what}"


def record_text(services: Services, c: ConflictView) -> str:
    """Which record the conflict is about, as a user recognises it ('' if unknown)."""
    try:
        if c.entity == "referral":
            return services.referrals.get(c.record_id).referral.resident_alias
        if c.entity == "resident":
            return services.residents.get(c.record_id).alias
        if c.entity == "activity":
            return services.activities.get(c.record_id).name
        if c.entity in REF_KINDS:
            return services.reference.get(c.entity, c.record_id).name
        if c.entity == "worker":
            return services.workers.get(c.record_id).name
    except GezondError:
        return ""  # deleted, or not for this worker's eyes
    return ""


def utc_to_local(value: dt.datetime | None) -> dt.datetime | None:
    """The service gives naive UTC times; the user reads local time."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone()


def _name_of(services: Services, kind: str, raw: str) -> str:
    try:
        rid = uuid.UUID(str(raw))
    except ValueError:
        return str(raw)
    try:
        if kind == "worker":
            return services.workers.get(rid).name
        return services.reference.get(kind, rid).name
    except GezondError:
        return QCoreApplication.translate("SyncFields", "(onbekend)")


def format_value(services: Services, fld: str, value: Any) -> str:
    """One change value (JSON) as a user reads it."""
    if value is None or value == "" or value == []:
        return QCoreApplication.translate("SyncFields", "(leeg)")
    if isinstance(value, bool):
        return QCoreApplication.translate("SyncFields", "Ja") if value else \
            QCoreApplication.translate("SyncFields", "Nee")
    if fld in REF_FIELDS:
        values = value if isinstance(value, list) else [value]
        return ", ".join(_name_of(services, REF_FIELDS[fld], v) for v in values)
    if fld in ENUM_FIELDS and isinstance(value, str):
        enum = ENUM_FIELDS[fld]
        if value in enum._value2member_map_:
            return tr_label(enum(value).label)
        return value
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            if len(value) == 10:
                return format_date(dt.date.fromisoformat(value))
            when = dt.datetime.fromisoformat(value)
            if fld == "deleted_at":
                return format_datetime(utc_to_local(when))
            return format_datetime(when)
        except ValueError:
            pass
    if isinstance(value, dict):
        parts = [f"{field_label(k)}: {format_value(services, k, v)}"
                 for k, v in sorted(value.items())
                 if k not in ("updated_at", "created_at", "created_by", "device_id")]
        if not parts:
            return QCoreApplication.translate("SyncFields", "(geen velden)")
        return "\n".join(parts)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def side_value(services: Services, c: ConflictView, side: ConflictSide) -> str:
    """What one side of a conflict says, for the user."""
    if c.kind == "edit_vs_delete":
        if side is c.winner:
            return QCoreApplication.translate("SyncFields", "Verwijderd")
        changed = format_value(services, "", side.value)
        return QCoreApplication.translate("SyncFields", "Gewijzigd:") + "\n" + changed
    if c.kind == "status_sequence":
        return format_value(services, "status", side.value)
    if c.kind == "duplicate":
        if side is c.winner:
            return QCoreApplication.translate("SyncFields", "Deze aanwezigheid blijft")
        return QCoreApplication.translate("SyncFields", "Samengevoegd met de andere")
    return format_value(services, c.field, side.value)


class ErrorText(QLabel):
    """A small red message under a field or at the bottom of a dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        window = self.window()
        if window is not self and window.isVisible():
            window.adjustSize()  # room for the wrapped message


def _min_width(dialog: QDialog, chars: int) -> None:
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * chars)


class ConflictDialog(QDialog):
    """Both values of one conflict side by side; "Deze houden" under each."""

    def __init__(self, services: Services, conflict: ConflictView,
                 parent: QWidget | None = None, sync: SyncService | None = None,
                 record: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.sync = sync or SyncService(services)
        self.conflict = conflict
        self.kept: str | None = None  # 'winner' | 'loser' once saved
        self.setWindowTitle(self.tr("Conflict bekijken"))
        _min_width(self, 80)
        layout = QVBoxLayout(self)

        title = QLabel(conflict_title(conflict) + (f" ({record})" if record else ""))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        title.setObjectName("conflictTitle")
        layout.addWidget(title)
        intro = QLabel(self.tr(
            "Twee computers hebben dit tegelijk veranderd. De app heeft links gekozen; "
            "de andere waarde is bewaard. Kies welke waarde blijft. Uw keuze gaat bij de "
            "volgende synchronisatie naar alle computers."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.keep_buttons: dict[str, QPushButton] = {}
        self.value_labels: dict[str, QLabel] = {}
        sides = (("winner", self.tr("Nu in gebruik"), conflict.winner),
                 ("loser", self.tr("Andere waarde"), conflict.loser))
        for col, (key, caption, side) in enumerate(sides):
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(box)
            head = QLabel(caption)
            hf = head.font()
            hf.setBold(True)
            head.setFont(hf)
            inner.addWidget(head)
            value = QLabel(side_value(services, conflict, side))
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"value_{key}")
            vf = value.font()
            vf.setPointSizeF(vf.pointSizeF() * 1.15 if vf.pointSizeF() > 0 else 11)
            value.setFont(vf)
            inner.addWidget(value)
            form = QFormLayout()
            form.addRow(self.tr("Door:"), QLabel(side.worker_name or self.tr("onbekend")))
            form.addRow(self.tr("Wanneer:"),
                        QLabel(format_datetime(utc_to_local(side.at)) or self.tr("onbekend")))
            form.addRow(self.tr("Computer:"), QLabel(side.device_name or self.tr("onbekend")))
            inner.addLayout(form)
            inner.addStretch(1)
            button = QPushButton(self.tr("Deze &houden") if key == "winner"
                                 else self.tr("Deze h&ouden"))
            button.setObjectName(f"keep_{key}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self.keep(k))
            inner.addWidget(button)
            grid.addWidget(box, 0, col)
            self.keep_buttons[key] = button
            self.value_labels[key] = value
        layout.addLayout(grid)

        self.note = QLabel("")
        self.note.setWordWrap(True)
        if conflict.kind in ("status_sequence", "duplicate"):
            self.keep_buttons["loser"].setEnabled(False)
            self.note.setText(
                self.tr("Deze statusstap past niet in de volgorde. Zet de verwijzing zo nodig "
                        "met een nieuwe stap goed.") if conflict.kind == "status_sequence"
                else self.tr("Deze dubbele aanwezigheid is al samengevoegd."))
        self.note.setVisible(bool(self.note.text()))
        layout.addWidget(self.note)
        self.error = ErrorText(self)
        self.error.setObjectName("conflictError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Later beslissen"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.keep_buttons["winner"].setFocus()

    def keep(self, which: str) -> None:
        self.error.show_message("")
        for b in self.keep_buttons.values():
            b.setDisabled(True)
        cid = self.conflict.id
        run_op(self, lambda _state: self.sync.resolve(cid, which),
               lambda _r: self._kept(which), title=self.tr("Keuze opslaan"),
               cancellable=False, on_error=self._failed)

    def _kept(self, which: str) -> None:
        self.kept = which
        self.accept()

    def _failed(self, exc: GezondError) -> None:
        self.error.show_message(exc.message)
        self.keep_buttons["winner"].setEnabled(True)
        self.keep_buttons["loser"].setEnabled(
            self.conflict.kind not in ("status_sequence", "duplicate"))


class _PathField(QWidget):
    """A line edit with a "Kiezen..." button and an error line under it."""

    def __init__(self, choose: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose = choose
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = QLineEdit(self)
        self.edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.button = QPushButton(self.tr("Kiezen..."), self)
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self._pick)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        col.addLayout(row)
        self.error = ErrorText(self)
        col.addWidget(self.error)

    def _pick(self) -> None:
        chosen = self._choose(self.edit.text())
        if chosen:
            self.edit.setText(chosen)

    def text(self) -> str:
        return self.edit.text().strip()


def _documents() -> str:
    return QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


class JoinTeamDialog(QDialog):
    """Join a team with the invitation file from the coordinator."""

    def __init__(self, services: Services, parent: QWidget | None = None,
                 sync: SyncService | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.sync = sync or SyncService(services)
        self.joined = False
        self.setWindowTitle(self.tr("Aansluiten bij een team"))
        _min_width(self, 70)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Uw coördinator geeft u een uitnodigingsbestand (bijvoorbeeld op een USB-stick). "
            "Kies dat bestand. Daarna deelt deze computer zijn gegevens met het team."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.invitation = _PathField(self._choose, self)
        caption = QLabel(self.tr("&Uitnodiging:"))
        caption.setBuddy(self.invitation.edit)
        form.addRow(caption, self.invitation)
        layout.addLayout(form)
        self.error = ErrorText(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Aansluiten"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.invitation.edit.setFocus()

    def _choose(self, current: str) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Uitnodiging kiezen"), current or _documents(),
            self.tr("Uitnodiging (*.json);;Alle bestanden (*)"))
        return path

    def submit(self) -> None:
        self.invitation.error.show_message("")
        self.error.show_message("")
        path = self.invitation.text()
        if not path:
            self.invitation.error.show_message(self.tr(
                "Kies het uitnodigingsbestand dat u van uw coördinator kreeg."))
            return
        if not Path(path).is_file():
            self.invitation.error.show_message(self.tr(
                "Dit bestand bestaat niet. Kies het uitnodigingsbestand opnieuw."))
            return
        self.ok.setEnabled(False)
        run_op(self, lambda _state: self.sync.join(path), lambda _r: self._done(),
               title=self.tr("Aansluiten bij een team"), cancellable=False,
               on_error=self._failed)

    def _done(self) -> None:
        self.joined = True
        self.accept()

    def _failed(self, exc: GezondError) -> None:
        self.ok.setEnabled(True)
        self.invitation.error.show_message(exc.message)


class CreateTeamDialog(QDialog):
    """A coordinator makes the team's hub in a shared folder and saves the invitation."""

    def __init__(self, services: Services, parent: QWidget | None = None,
                 sync: SyncService | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.sync = sync or SyncService(services)
        self.invitation_path: Path | None = None
        self.setWindowTitle(self.tr("Nieuw team maken"))
        _min_width(self, 80)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Kies een lege map die alle computers van het team kunnen bereiken: een "
            "netwerkschijf, een gedeelde cloudmap of een USB-stick. Daar komen de gedeelde "
            "gegevens, versleuteld. De app maakt ook een uitnodigingsbestand. Bewaar dat "
            "buiten de gedeelde map en geef het alleen aan collega's van het team."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.folder = _PathField(self._choose_folder, self)
        folder_caption = QLabel(self.tr("Gedeelde &map:"))
        folder_caption.setBuddy(self.folder.edit)
        form.addRow(folder_caption, self.folder)
        self.invitation = _PathField(self._choose_invitation, self)
        self.invitation.edit.setText(str(Path(_documents()) / "gezond-uitnodiging.json"))
        inv_caption = QLabel(self.tr("&Uitnodiging opslaan als:"))
        inv_caption.setBuddy(self.invitation.edit)
        form.addRow(inv_caption, self.invitation)
        layout.addLayout(form)
        self.error = ErrorText(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Team &maken"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.folder.edit.setFocus()

    def _choose_folder(self, current: str) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Gedeelde map kiezen"),
                                                current or _documents())

    def _choose_invitation(self, current: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Uitnodiging opslaan"), current or _documents(),
            self.tr("Uitnodiging (*.json)"))
        return path

    def submit(self) -> None:
        self.folder.error.show_message("")
        self.invitation.error.show_message("")
        self.error.show_message("")
        folder, invitation = self.folder.text(), self.invitation.text()
        ok = True
        if not folder:
            self.folder.error.show_message(self.tr(
                "Kies de gedeelde map waar de gegevens van het team komen."))
            ok = False
        elif Path(folder).exists() and not Path(folder).is_dir():
            self.folder.error.show_message(self.tr("Dit is een bestand, geen map. Kies een map."))
            ok = False
        if not invitation:
            self.invitation.error.show_message(self.tr(
                "Kies waar het uitnodigingsbestand wordt opgeslagen."))
            ok = False
        elif folder:
            inv = Path(invitation).expanduser().resolve()
            hub = Path(folder).expanduser().resolve()
            if inv == hub or hub in inv.parents:
                self.invitation.error.show_message(self.tr(
                    "Bewaar de uitnodiging niet in de gedeelde map: wie die map kan openen, "
                    "kan dan alles lezen. Kies een andere plek."))
                ok = False
            elif not inv.parent.is_dir():
                self.invitation.error.show_message(self.tr(
                    "Deze map bestaat niet. Kies een andere plek voor de uitnodiging."))
                ok = False
        if not ok:
            return
        self.ok.setEnabled(False)

        def work(_state: TaskState) -> Path:
            return self.sync.init_hub(Path(folder).expanduser(), Path(invitation).expanduser())

        run_op(self, work, self._done, title=self.tr("Team maken"), cancellable=False,
               on_error=self._failed)

    def _done(self, invitation: Path) -> None:
        self.invitation_path = invitation
        self.accept()

    def _failed(self, exc: GezondError) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.show_message(exc.message)
        else:
            self.folder.error.show_message(exc.message)


__all__ = ["ConflictDialog", "CreateTeamDialog", "JoinTeamDialog", "conflict_title",
           "entity_label", "field_label", "format_value", "side_value", "utc_to_local"]
