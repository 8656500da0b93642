"""Activities, their sessions (bijeenkomsten) and attendance as a roll call.

A coordinator opens a session and ticks who is there: the roll call lists last
session's attendees so that a weekly lunch for twenty people takes seconds.
Saving a roll call (new attendances, unticked ones, residents added on the spot
by alias and the anonymous head count) is one transaction.
"""

from __future__ import annotations

import builtins
import calendar
import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from ..enums import WEEKDAYS_NL, AttendanceRole, ScheduleKind
from ..errors import FieldError, ValidationError
from ..ids import uuid7
from ..models import (
    Activity,
    Attendance,
    Neighbourhood,
    Organisation,
    ProgrammeLine,
    Resident,
    Session,
    TargetGroup,
    Track,
    Venue,
    utcnow,
)
from .base import Checker, ServiceBase, get_live, load_many
from .residents import normalise_alias

DUPLICATE_ATTENDANCE = "Deze inwoner staat al op de lijst van deze bijeenkomst."
MAX_GUESTS = 10_000


def _nl_date(d: dt.date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def schedule_text(kind: str, weekday: int | None, start_time: dt.time | None,
                  starts_on: dt.date | None = None) -> str:
    """A plain Dutch description, e.g. 'Elke week op dinsdag, 12:00'."""
    try:
        sk = ScheduleKind(kind)
    except ValueError:
        return ""
    text = sk.label
    day = WEEKDAYS_NL[weekday] if weekday is not None and 0 <= weekday <= 6 else None
    if sk in (ScheduleKind.WEEKLY, ScheduleKind.BIWEEKLY, ScheduleKind.MONTHLY) and day:
        text += f" op {day}"
    elif sk is ScheduleKind.ONCE and starts_on is not None:
        text += f" op {day or WEEKDAYS_NL[starts_on.weekday()]} {_nl_date(starts_on)}"
    if start_time is not None and sk is not ScheduleKind.IRREGULAR:
        text += f", {start_time:%H:%M}"
    return text


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the last day of a shorter month."""
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return d.replace(year=year, month=month, day=min(d.day, calendar.monthrange(year, month)[1]))


# -- inputs and views -------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityInput:
    """Everything the activity dialog asks for."""

    name: str
    schedule_kind: str = ScheduleKind.WEEKLY.value
    weekday: int | None = None  # 0 = Monday
    start_time: dt.time | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    description: str = ""
    organisation_id: uuid.UUID | None = None
    neighbourhood_id: uuid.UUID | None = None
    venue_id: uuid.UUID | None = None
    programme_line_id: uuid.UUID | None = None
    track_ids: tuple[uuid.UUID, ...] = ()
    target_group_ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True)
class ActivityView:
    id: uuid.UUID
    name: str
    description: str
    organisation_id: uuid.UUID | None
    organisation_name: str
    neighbourhood_id: uuid.UUID | None
    neighbourhood_name: str
    venue_id: uuid.UUID | None
    venue_name: str
    programme_line_id: uuid.UUID | None
    programme_line_name: str
    track_ids: tuple[uuid.UUID, ...]
    track_names: tuple[str, ...]
    target_group_ids: tuple[uuid.UUID, ...]
    target_group_names: tuple[str, ...]
    schedule_kind: str
    schedule_kind_label: str
    weekday: int | None
    start_time: dt.time | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    schedule_text: str
    retired: bool

    @property
    def label(self) -> str:
        return f"{self.name} (niet meer in gebruik)" if self.retired else self.name


@dataclass(frozen=True)
class SessionRow:
    id: uuid.UUID
    activity_id: uuid.UUID
    activity_name: str
    held_on: dt.date
    anonymous_guests: int
    notes: str
    participants: int
    volunteers: int

    @property
    def total(self) -> int:
        """Everyone who was there: named participants, volunteers and anonymous guests."""
        return self.participants + self.volunteers + self.anonymous_guests


@dataclass(frozen=True)
class AttendanceRow:
    id: uuid.UUID
    session_id: uuid.UUID
    resident_id: uuid.UUID
    resident_alias: str
    role: str
    role_label: str


@dataclass(frozen=True)
class RollCallEntry:
    resident_id: uuid.UUID
    alias: str
    ticked: bool  # True: attends this session (saved); False: attended last time
    role: str
    role_label: str


@dataclass(frozen=True)
class RollCall:
    session_id: uuid.UUID
    activity_id: uuid.UUID
    activity_name: str
    held_on: dt.date
    anonymous_guests: int
    previous_session_id: uuid.UUID | None
    previous_held_on: dt.date | None
    entries: tuple[RollCallEntry, ...] = field(default=())  # by alias

    @property
    def ticked_count(self) -> int:
        return sum(1 for e in self.entries if e.ticked)


# -- helpers --------------------------------------------------------------------------


def _role_label(role: str) -> str:
    try:
        return AttendanceRole(role).label
    except ValueError:
        return role


def _view(a: Activity) -> ActivityView:
    tracks = sorted(a.tracks, key=lambda t: t.name.lower())
    groups = sorted(a.target_groups, key=lambda g: g.name.lower())
    try:
        kind_label = ScheduleKind(a.schedule_kind).label
    except ValueError:
        kind_label = a.schedule_kind
    return ActivityView(
        id=a.id,
        name=a.name,
        description=a.description,
        organisation_id=a.organisation_id,
        organisation_name=a.organisation.name if a.organisation else "",
        neighbourhood_id=a.neighbourhood_id,
        neighbourhood_name=a.neighbourhood.name if a.neighbourhood else "",
        venue_id=a.venue_id,
        venue_name=a.venue.name if a.venue else "",
        programme_line_id=a.programme_line_id,
        programme_line_name=a.programme_line.name if a.programme_line else "",
        track_ids=tuple(t.id for t in tracks),
        track_names=tuple(t.name for t in tracks),
        target_group_ids=tuple(g.id for g in groups),
        target_group_names=tuple(g.name for g in groups),
        schedule_kind=a.schedule_kind,
        schedule_kind_label=kind_label,
        weekday=a.weekday,
        start_time=a.start_time,
        starts_on=a.starts_on,
        ends_on=a.ends_on,
        schedule_text=schedule_text(a.schedule_kind, a.weekday, a.start_time, a.starts_on),
        retired=a.retired_at is not None,
    )


def _check_role(c: Checker, field_name: str, role: str | None) -> str:
    return c.choice(field_name, role or AttendanceRole.PARTICIPANT.value, AttendanceRole,
                    "deelnemer of vrijwilliger") or AttendanceRole.PARTICIPANT.value


class ActivityService(ServiceBase):
    # -- activities -------------------------------------------------------------------
    def create(self, data: ActivityInput) -> ActivityView:
        """Add an activity (coordinators only)."""
        self.services.require("activity.edit")
        with self._write() as s:
            values, tracks, groups = self._validate(s, data)
            a = Activity(id=uuid7(), **values)
            a.tracks = tracks
            a.target_groups = groups
            s.add(a)
            s.flush()
            return _view(a)

    def update(self, activity_id: uuid.UUID, data: ActivityInput) -> ActivityView:
        """Save the whole dialog; only fields that differ are written (coordinators)."""
        self.services.require("activity.edit")
        with self._write() as s:
            a = get_live(s, Activity, activity_id, "Deze activiteit")
            values, tracks, groups = self._validate(s, data)
            # Read the old lists before changing anything: a lazy load after the
            # first change would flush it separately (two change entries).
            old_tracks = {t.id for t in a.tracks}
            old_groups = {g.id for g in a.target_groups}
            for key, value in values.items():
                if getattr(a, key) != value:
                    setattr(a, key, value)
            if old_tracks != {t.id for t in tracks}:
                a.tracks = tracks
            if old_groups != {g.id for g in groups}:
                a.target_groups = groups
            s.flush()
            return _view(a)

    def retire(self, activity_id: uuid.UUID, retired: bool = True) -> ActivityView:
        """Retire (or bring back) an activity; its sessions and attendance stay."""
        self.services.require("activity.edit")
        with self._write() as s:
            a = get_live(s, Activity, activity_id, "Deze activiteit")
            if retired and a.retired_at is None:
                a.retired_at = utcnow()
            elif not retired and a.retired_at is not None:
                a.retired_at = None
            s.flush()
            return _view(a)

    def list(self, include_retired: bool = False,
             neighbourhood_id: uuid.UUID | None = None) -> builtins.list[ActivityView]:
        with self._read() as s:
            q = select(Activity).options(
                selectinload(Activity.organisation),
                selectinload(Activity.neighbourhood),
                selectinload(Activity.venue),
                selectinload(Activity.programme_line),
                selectinload(Activity.tracks),
                selectinload(Activity.target_groups),
            ).where(Activity.deleted_at.is_(None))
            if not include_retired:
                q = q.where(Activity.retired_at.is_(None))
            if neighbourhood_id is not None:
                q = q.where(Activity.neighbourhood_id == neighbourhood_id)
            q = q.order_by(func.lower(Activity.name), Activity.id)
            return [_view(a) for a in s.scalars(q)]

    def get(self, activity_id: uuid.UUID) -> ActivityView:
        with self._read() as s:
            return _view(get_live(s, Activity, activity_id, "Deze activiteit"))

    def next_session_date(self, activity_id: uuid.UUID, after: dt.date | None = None,
                          today: dt.date | None = None) -> dt.date:
        """Propose the date of the next session.

        Weekly and every other week: the next date on the activity's weekday after
        the latest session (or after ``after``); monthly: one month later, same day;
        once or irregular: today. Without any session the first scheduled date on or
        after the start date (or today) is proposed.
        """
        today = today or dt.date.today()
        with self._read() as s:
            a = get_live(s, Activity, activity_id, "Deze activiteit")
            latest = s.scalar(
                select(func.max(Session.held_on)).where(
                    Session.activity_id == a.id, Session.deleted_at.is_(None))
            )
            try:
                kind = ScheduleKind(a.schedule_kind)
            except ValueError:
                kind = ScheduleKind.IRREGULAR
            weekday, starts_on = a.weekday, a.starts_on
        if kind in (ScheduleKind.ONCE, ScheduleKind.IRREGULAR):
            return today
        base = after or latest
        if base is None:
            first = starts_on or today
            if kind is ScheduleKind.MONTHLY or weekday is None:
                return first
            return first + dt.timedelta(days=(weekday - first.weekday()) % 7)
        if kind is ScheduleKind.MONTHLY:
            return add_months(base, 1)
        step = 14 if kind is ScheduleKind.BIWEEKLY else 7
        if weekday is None or base.weekday() == weekday:
            return base + dt.timedelta(days=step)
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7)

    # -- sessions -----------------------------------------------------------------------
    def create_session(self, activity_id: uuid.UUID, held_on: dt.date,
                       anonymous_guests: int = 0, notes: str = "") -> SessionRow:
        c = Checker()
        c.require("held_on", held_on, "Vul de datum van de bijeenkomst in.")
        c.not_future("held_on", held_on, "De datum van de bijeenkomst")
        self._check_guests(c, anonymous_guests)
        notes = c.text("notes", notes, "de notitie", 4000)
        c.done()
        with self._write() as s:
            a = get_live(s, Activity, activity_id, "Deze activiteit")
            self._check_free_date(s, a.id, held_on, None)
            row = Session(id=uuid7(), activity_id=a.id, held_on=held_on,
                          anonymous_guests=anonymous_guests, notes=notes)
            s.add(row)
            s.flush()
            return self._session_row(s, row)

    def update_session(self, session_id: uuid.UUID, *, held_on: dt.date | None = None,
                       anonymous_guests: int | None = None,
                       notes: str | None = None) -> SessionRow:
        c = Checker()
        c.not_future("held_on", held_on, "De datum van de bijeenkomst")
        if anonymous_guests is not None:
            self._check_guests(c, anonymous_guests)
        notes_v = c.text("notes", notes, "de notitie", 4000) if notes is not None else None
        c.done()
        with self._write() as s:
            row = get_live(s, Session, session_id, "Deze bijeenkomst")
            if held_on is not None and held_on != row.held_on:
                self._check_free_date(s, row.activity_id, held_on, row.id)
                row.held_on = held_on
            if anonymous_guests is not None and anonymous_guests != row.anonymous_guests:
                row.anonymous_guests = anonymous_guests
            if notes_v is not None and notes_v != row.notes:
                row.notes = notes_v
            s.flush()
            return self._session_row(s, row)

    def delete_session(self, session_id: uuid.UUID) -> None:
        """Mark a session and its attendance as deleted."""
        with self._write() as s:
            row = get_live(s, Session, session_id, "Deze bijeenkomst")
            now = utcnow()
            row.deleted_at = now
            for att in s.scalars(select(Attendance).where(
                    Attendance.session_id == row.id, Attendance.deleted_at.is_(None))):
                att.deleted_at = now

    def sessions(self, activity_id: uuid.UUID) -> builtins.list[SessionRow]:
        """The sessions of an activity, newest first, with their head counts."""
        with self._read() as s:
            a = get_live(s, Activity, activity_id, "Deze activiteit")
            counts = self._counts(s, select(Session.id).where(Session.activity_id == a.id))
            rows = s.scalars(
                select(Session)
                .where(Session.activity_id == a.id, Session.deleted_at.is_(None))
                .order_by(Session.held_on.desc(), Session.id.desc())
            )
            return [self._session_row(s, r, a.name, counts.get(r.id, (0, 0))) for r in rows]

    def get_session(self, session_id: uuid.UUID) -> SessionRow:
        with self._read() as s:
            return self._session_row(s, get_live(s, Session, session_id, "Deze bijeenkomst"))

    # -- attendance ---------------------------------------------------------------------
    def attendances(self, session_id: uuid.UUID) -> builtins.list[AttendanceRow]:
        with self._read() as s:
            get_live(s, Session, session_id, "Deze bijeenkomst")
            q = (select(Attendance, Resident.alias)
                 .join(Resident, Resident.id == Attendance.resident_id)
                 .where(Attendance.session_id == session_id, Attendance.deleted_at.is_(None))
                 .order_by(func.lower(Resident.alias), Resident.id))
            return [AttendanceRow(a.id, a.session_id, a.resident_id, alias, a.role,
                                  _role_label(a.role)) for a, alias in s.execute(q)]

    def add_attendance(self, session_id: uuid.UUID, resident_id: uuid.UUID,
                       role: str = AttendanceRole.PARTICIPANT.value) -> AttendanceRow:
        """Add one resident to a session; refused when they are already on the list."""
        c = Checker()
        role_v = _check_role(c, "role", role)
        c.done()
        with self._write() as s:
            sess = get_live(s, Session, session_id, "Deze bijeenkomst")
            resident = get_live(s, Resident, resident_id, "Deze inwoner")
            live = s.scalar(select(Attendance.id).where(
                Attendance.session_id == sess.id, Attendance.resident_id == resident.id,
                Attendance.deleted_at.is_(None)))
            if live is not None:
                raise ValidationError(FieldError("resident_id", DUPLICATE_ATTENDANCE))
            old = self._deleted_attendances(s, sess.id, resident.id).get(resident.id)
            att = self._attend(s, sess.id, resident.id, role_v, old)
            self._flush_unique(s)
            return AttendanceRow(att.id, sess.id, resident.id, resident.alias, att.role,
                                 _role_label(att.role))

    def remove_attendance(self, session_id: uuid.UUID, resident_id: uuid.UUID) -> None:
        with self._write() as s:
            att = s.scalars(select(Attendance).where(
                Attendance.session_id == session_id, Attendance.resident_id == resident_id,
                Attendance.deleted_at.is_(None))).first()
            if att is not None:
                att.deleted_at = utcnow()

    def roll_call(self, session_id: uuid.UUID) -> RollCall:
        """Everyone the coordinator may tick: this session's attendance (ticked) and
        the previous session's attendees (not ticked yet)."""
        with self._read() as s:
            return self._roll_call(s, get_live(s, Session, session_id, "Deze bijeenkomst"))

    def save_roll_call(self, session_id: uuid.UUID,
                       entries: Sequence[tuple[uuid.UUID, str]],
                       anonymous_guests: int,
                       new_aliases: Sequence[tuple[str, str]] = ()) -> RollCall:
        """Save the ticked list of a session in one transaction.

        ``entries``: (resident id, role) of everyone ticked; attendances not in it are
        marked deleted. ``new_aliases``: (alias, role) of people added on the spot;
        each becomes a new resident known only by that alias.
        """
        c = Checker()
        self._check_guests(c, anonymous_guests)
        wanted: dict[uuid.UUID, str] = {}
        for i, (resident_id, role) in enumerate(entries):
            role_v = _check_role(c, f"entries.{i}.role", role)
            if resident_id in wanted:
                c.fail(f"entries.{i}", DUPLICATE_ATTENDANCE)
            wanted[resident_id] = role_v
        new_people: builtins.list[tuple[str, str]] = []
        for i, (alias, role) in enumerate(new_aliases):
            alias_v = c.text(f"new_aliases.{i}", alias, "de roepnaam van de nieuwe inwoner",
                             80, required=True)
            role_v = _check_role(c, f"new_aliases.{i}.role", role)
            new_people.append((" ".join(alias_v.split()), role_v))
        c.done()
        with self._write() as s:
            sess = get_live(s, Session, session_id, "Deze bijeenkomst")
            load_many(s, Resident, wanted, "entries", "Een aangevinkte inwoner")
            current = {a.resident_id: a for a in s.scalars(select(Attendance).where(
                Attendance.session_id == sess.id, Attendance.deleted_at.is_(None)))}
            dead = self._deleted_attendances(s, sess.id)
            now = utcnow()
            for resident_id, att in current.items():
                if resident_id not in wanted:
                    att.deleted_at = now
                elif att.role != wanted[resident_id]:
                    att.role = wanted[resident_id]
            for resident_id, role_v in wanted.items():
                if resident_id not in current:
                    self._attend(s, sess.id, resident_id, role_v, dead.get(resident_id))
            for alias_v, role_v in new_people:
                resident = Resident(id=uuid7(), alias=alias_v, alias_key=normalise_alias(alias_v))
                s.add(resident)
                self._attend(s, sess.id, resident.id, role_v, None)
            if sess.anonymous_guests != anonymous_guests:
                sess.anonymous_guests = anonymous_guests
            self._flush_unique(s)
            return self._roll_call(s, sess)

    # -- internals --------------------------------------------------------------------------
    def _validate(self, s: OrmSession, d: ActivityInput
                  ) -> tuple[dict[str, object], builtins.list[Track],
                             builtins.list[TargetGroup]]:
        c = Checker()
        name = c.text("name", d.name, "de naam van de activiteit", 160, required=True)
        description = c.text("description", d.description, "de omschrijving", 4000)
        kind = c.choice("schedule_kind", d.schedule_kind, ScheduleKind, "hoe vaak de activiteit is")
        if d.weekday is not None and not (isinstance(d.weekday, int) and 0 <= d.weekday <= 6):
            c.fail("weekday", "Kies een dag van de week (maandag tot en met zondag).")
        elif d.weekday is None and kind in (ScheduleKind.WEEKLY.value,
                                            ScheduleKind.BIWEEKLY.value):
            c.fail("weekday", "Kies op welke dag van de week de activiteit is.")
        if d.starts_on is not None and d.ends_on is not None and d.ends_on < d.starts_on:
            c.fail("ends_on", "De einddatum ligt vóór de startdatum. Kies een latere einddatum.")
        for field_name, model, id_, what in (
            ("organisation_id", Organisation, d.organisation_id, "Deze organisatie"),
            ("neighbourhood_id", Neighbourhood, d.neighbourhood_id, "Deze buurt"),
            ("venue_id", Venue, d.venue_id, "Deze vindplaats"),
            ("programme_line_id", ProgrammeLine, d.programme_line_id, "Deze programmalijn"),
        ):
            if id_ is not None and not self._exists(s, model, id_):
                c.fail(field_name, f"{what} bestaat niet (meer). Kies opnieuw.")
        c.done()
        tracks = load_many(s, Track, d.track_ids, "track_ids", "Een gekozen spoor")
        groups = load_many(s, TargetGroup, d.target_group_ids, "target_group_ids",
                           "Een gekozen doelgroep")
        values: dict[str, object] = {
            "name": name,
            "description": description,
            "organisation_id": d.organisation_id,
            "neighbourhood_id": d.neighbourhood_id,
            "venue_id": d.venue_id,
            "programme_line_id": d.programme_line_id,
            "schedule_kind": kind,
            "weekday": d.weekday,
            "start_time": d.start_time,
            "starts_on": d.starts_on,
            "ends_on": d.ends_on,
        }
        return values, tracks, groups

    @staticmethod
    def _exists(s: OrmSession, model: type[Organisation | Neighbourhood | Venue | ProgrammeLine],
                id_: uuid.UUID) -> bool:
        found = s.execute(select(model.deleted_at).where(model.id == id_)).first()
        return found is not None and found[0] is None

    @staticmethod
    def _check_guests(c: Checker, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_GUESTS:
            c.fail("anonymous_guests", "Vul bij gasten zonder naam een aantal in van 0 of meer.")

    @staticmethod
    def _check_free_date(s: OrmSession, activity_id: uuid.UUID, held_on: dt.date,
                         own_id: uuid.UUID | None) -> None:
        q = select(Session.id).where(Session.activity_id == activity_id,
                                     Session.held_on == held_on, Session.deleted_at.is_(None))
        if own_id is not None:
            q = q.where(Session.id != own_id)
        if s.scalar(q) is not None:
            raise ValidationError(FieldError(
                "held_on", f"Er is al een bijeenkomst van deze activiteit op {_nl_date(held_on)}. "
                "Kies een andere datum of open die bijeenkomst."))

    @staticmethod
    def _deleted_attendances(s: OrmSession, session_id: uuid.UUID,
                             resident_id: uuid.UUID | None = None
                             ) -> dict[uuid.UUID, Attendance]:
        """Deleted attendances of a session per resident (the latest one each)."""
        q = select(Attendance).where(Attendance.session_id == session_id,
                                     Attendance.deleted_at.is_not(None))
        if resident_id is not None:
            q = q.where(Attendance.resident_id == resident_id)
        return {a.resident_id: a for a in s.scalars(q.order_by(Attendance.hlc))}

    @staticmethod
    def _attend(s: OrmSession, session_id: uuid.UUID, resident_id: uuid.UUID,
                role: str, old: Attendance | None) -> Attendance:
        """Add an attendance; a deleted one for the same person comes back instead."""
        if old is not None:
            old.deleted_at = None
            if old.role != role:
                old.role = role
            return old
        att = Attendance(id=uuid7(), session_id=session_id, resident_id=resident_id, role=role)
        s.add(att)
        return att

    @staticmethod
    def _flush_unique(s: OrmSession) -> None:
        try:
            s.flush()
        except IntegrityError as exc:
            if "uq_attendance_session_resident" in str(exc.orig) or "UNIQUE" in str(exc.orig):
                raise ValidationError(FieldError("resident_id", DUPLICATE_ATTENDANCE)) from exc
            raise

    @staticmethod
    def _counts(s: OrmSession, session_ids: Any) -> dict[uuid.UUID, tuple[int, int]]:
        q = (select(Attendance.session_id, Attendance.role, func.count())
             .where(Attendance.session_id.in_(session_ids),
                    Attendance.deleted_at.is_(None))
             .group_by(Attendance.session_id, Attendance.role))
        out: dict[uuid.UUID, list[int]] = {}
        for sid, role, n in s.execute(q):
            pair = out.setdefault(sid, [0, 0])
            pair[1 if role == AttendanceRole.VOLUNTEER.value else 0] += n
        return {k: (v[0], v[1]) for k, v in out.items()}

    def _session_row(self, s: OrmSession, row: Session, activity_name: str | None = None,
                     counts: tuple[int, int] | None = None) -> SessionRow:
        if activity_name is None:
            activity_name = s.scalar(select(Activity.name).where(Activity.id == row.activity_id))
        if counts is None:
            counts = self._counts(s, [row.id]).get(row.id, (0, 0))
        return SessionRow(row.id, row.activity_id, activity_name or "", row.held_on,
                          row.anonymous_guests, row.notes, counts[0], counts[1])

    @staticmethod
    def _roll_call(s: OrmSession, sess: Session) -> RollCall:
        activity_name = s.scalar(select(Activity.name).where(Activity.id == sess.activity_id))
        prev = s.execute(
            select(Session.id, Session.held_on)
            .where(Session.activity_id == sess.activity_id, Session.held_on < sess.held_on,
                   Session.deleted_at.is_(None))
            .order_by(Session.held_on.desc())
            .limit(1)
        ).first()
        ids = [sess.id] + ([prev[0]] if prev is not None else [])
        q = (select(Attendance.session_id, Attendance.resident_id, Attendance.role,
                    Resident.alias)
             .join(Resident, Resident.id == Attendance.resident_id)
             .where(Attendance.session_id.in_(ids), Attendance.deleted_at.is_(None),
                    Resident.deleted_at.is_(None)))
        entries: dict[uuid.UUID, RollCallEntry] = {}
        for sid, resident_id, role, alias in s.execute(q):
            ticked = sid == sess.id
            if ticked or resident_id not in entries:
                entries[resident_id] = RollCallEntry(resident_id, alias, ticked, role,
                                                     _role_label(role))
        ordered = sorted(entries.values(), key=lambda e: (normalise_alias(e.alias),
                                                          e.resident_id))
        return RollCall(
            session_id=sess.id,
            activity_id=sess.activity_id,
            activity_name=activity_name or "",
            held_on=sess.held_on,
            anonymous_guests=sess.anonymous_guests,
            previous_session_id=prev[0] if prev is not None else None,
            previous_held_on=prev[1] if prev is not None else None,
            entries=tuple(ordered),
        )


__all__ = [
    "DUPLICATE_ATTENDANCE",
    "ActivityInput",
    "ActivityService",
    "ActivityView",
    "AttendanceRow",
    "RollCall",
    "RollCallEntry",
    "SessionRow",
    "add_months",
    "normalise_alias",
    "schedule_text",
]
