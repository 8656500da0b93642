"""Report datasets, computed with SQL aggregates in SQLite.

:func:`build_report` turns a :class:`~.model.ReportSpec` into a
:class:`~.model.ReportResult`: sections with key figures, tables and chart data,
all labels in Dutch. Every figure is an aggregate computed by SQLite (``COUNT``,
``SUM``, ``COUNT(DISTINCT ...)`` over the live records, ``deleted_at IS NULL``);
Python only iterates grouped results (one row per activity, month, neighbourhood,
status, ...), never the rows of the database.

Definitions (what a funder reads in the report):

* Period: inclusive dates, on the date of the event: a session's ``held_on``, an
  encounter's ``occurred_at``, a referral's ``registered_on`` (referral report:
  referrals registered in the period) or its status events (reach, funnel).
* Attendance: *participations* are attendances as participant; *unique
  participants* are distinct residents among them; a participant is *new* when
  their first participation ever at that activity (for the total: at any activity
  in the filter) falls in the period, else *returning*; *average per session* is
  (participations + anonymous guests) / sessions; *volunteers* are distinct
  residents who attended as volunteer; *participant -> volunteer* counts residents
  who volunteered in the period (at that activity) after an earlier participation
  (at any activity, on an earlier date). Filters on activity: neighbourhood of the
  activity, activity, programme line, track, target group of the activity,
  organiser.
* Reach: a resident counts once, however many contacts, activities and
  referrals reached them in the period; they are grouped by their own
  neighbourhood. Anonymous contacts (encounters without residents: the sum of
  their head counts, by the encounter's neighbourhood) and anonymous guests at
  sessions (by the activity's neighbourhood) are separate columns, never in the
  unique residents. Filters: neighbourhood and target group of the resident;
  activity, programme line and track limit the activity channel (and referrals to
  those activities; contacts only by track); organisation: the activity's
  organiser, the worker's organisation for contacts, the referring or destination
  organisation for referrals. With a target group filter anonymous counts are
  left out (their target group is unknown).
* Referrals: neighbourhood and target group of the resident; organisation:
  referring or destination organisation; activity, programme line, track: a
  destination activity. Funnel, times and outcomes count status events up to the
  end of the period; overdue: open referrals whose follow-up date has passed.
* Impact: referrals with both an intake and a closing Positive Health score, the
  closing score measured in the period.
* Consent: every resident counts, also one without (or after withdrawing) the
  consent for registration: a report holds counts only, never a resident
  (docs/privacy.md; the central export is where consent limits what leaves).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    distinct,
    exists,
    func,
    literal,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session as OrmSession

from ..enums import (
    CLOSED_STATUSES,
    HEALTH_DIMENSIONS,
    AttendanceRole,
    Outcome,
    Pathway,
    ReferralSource,
    ReferralStatus,
)
from ..errors import GezondError
from ..models import (
    Activity,
    Attendance,
    Encounter,
    Neighbourhood,
    Organisation,
    PositiveHealthScore,
    ProgrammeLine,
    Referral,
    ReferralEvent,
    Resident,
    Session,
    TargetGroup,
    Track,
    Worker,
)
from ..models.people import resident_target_group
from ..models.work import (
    activity_target_group,
    activity_track,
    encounter_resident,
    encounter_track,
    referral_activity,
    referral_organisation,
)
from ..store import Database
from ..tasks import Cancelled
from . import suppression
from .model import REPORT_TITLES, Chart, Column, ReportResult, ReportSpec, Section, Table

Progress = Callable[[int, int], bool]

MONTHS_NL = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
NO_NEIGHBOURHOOD = "(geen buurt)"
NO_TARGET_GROUP = "(geen doelgroep)"
NO_VALUE = "(niet ingevuld)"
TOTAL = "Totaal"

PARTICIPANT = AttendanceRole.PARTICIPANT.value
VOLUNTEER = AttendanceRole.VOLUNTEER.value
CLOSED_CODES = tuple(sorted(s.value for s in CLOSED_STATUSES))

# Column labels shared by tables and key figures (suppression mirrors a key
# figure from the total of the table column with the same label).
L_SESSIONS = "Bijeenkomsten"
L_PARTICIPATIONS = "Deelnames"
L_UNIQUE_PART = "Unieke deelnemers"
L_NEW = "Nieuw"
L_RETURNING = "Terugkerend"
L_AVG = "Gemiddeld per bijeenkomst"
L_ANON_GUESTS = "Anonieme gasten"
L_VOLUNTEERS = "Vrijwilligers"
L_STEP = "Van deelnemer naar vrijwilliger"
L_UNIQUE_RES = "Unieke inwoners bereikt"
L_VIA_CONTACT = "Via contacten"
L_VIA_ACTIVITY = "Via activiteiten"
L_VIA_REFERRAL = "Via verwijzingen"
L_ANON_CONTACTS = "Anonieme contacten (personen)"
L_ANON_SESSION = "Anonieme gasten bij activiteiten"
L_REFERRALS = "Verwijzingen"
L_OPEN = "Nog open"
L_OVERDUE = "Opvolging te laat"
L_CLOSED = "Afgesloten"
L_BOTH_SCORES = "Met intake- en afsluitscore"


# -- small helpers ------------------------------------------------------------------------


def month_label(first_of_month: dt.date) -> str:
    """Dutch month label, e.g. ``"jan 2026"``."""
    return f"{MONTHS_NL[first_of_month.month - 1]} {first_of_month.year}"


def months_between(date_from: dt.date, date_to: dt.date) -> list[dt.date]:
    """First days of every month the period touches, in order."""
    out = []
    d = date_from.replace(day=1)
    while d <= date_to:
        out.append(d)
        d = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def _month_key(expr: Any) -> Any:
    return func.strftime("%Y-%m", expr)


def _month_from_key(key: str) -> dt.date:
    y, m = key.split("-")
    return dt.date(int(y), int(m), 1)


def _start(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time())


def _end(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d + dt.timedelta(days=1), dt.time())


def _avg(total: int, n: int) -> float | None:
    return round(total / n, 1) if n else None




def _names(s: OrmSession, model: Any, ids: Iterable[uuid.UUID | None]) -> dict[Any, str]:
    wanted = [i for i in set(ids) if i is not None]
    if not wanted:
        return {}
    return {i: n for i, n in s.execute(select(model.id, model.name).where(model.id.in_(wanted)))}


def _sort_rows(rows: list[list[Any]]) -> list[list[Any]]:
    return sorted(rows, key=lambda r: (str(r[0]).startswith("("), str(r[0]).casefold()))


def _median(hist: Sequence[tuple[float, int]]) -> float | None:
    """Median of values given as (value, how often), sorted by value."""
    n = sum(c for _, c in hist)
    if n == 0:
        return None
    lo_i, hi_i = (n - 1) // 2, n // 2
    seen = 0
    lo_v = hi_v = None
    for v, c in hist:
        if lo_v is None and seen + c > lo_i:
            lo_v = v
        if seen + c > hi_i:
            hi_v = v
            break
        seen += c
    assert lo_v is not None and hi_v is not None
    return round((lo_v + hi_v) / 2, 1)


class _Steps:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def step(self) -> None:
        self.done += 1
        if self.progress is not None and not self.progress(min(self.done, self.total),
                                                           self.total):
            raise Cancelled()


# -- filters ------------------------------------------------------------------------------


def _activity_conds(spec: ReportSpec, *, neighbourhood: bool = True,
                    target_group: bool = True) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Activity.deleted_at.is_(None)]
    if neighbourhood and spec.neighbourhood_ids:
        conds.append(Activity.neighbourhood_id.in_(spec.neighbourhood_ids))
    if spec.activity_ids:
        conds.append(Activity.id.in_(spec.activity_ids))
    if spec.programme_line_ids:
        conds.append(Activity.programme_line_id.in_(spec.programme_line_ids))
    if spec.track_ids:
        conds.append(exists().where(activity_track.c.activity_id == Activity.id,
                                    activity_track.c.track_id.in_(spec.track_ids)))
    if target_group and spec.target_group_ids:
        conds.append(exists().where(
            activity_target_group.c.activity_id == Activity.id,
            activity_target_group.c.target_group_id.in_(spec.target_group_ids)))
    if spec.organisation_ids:
        conds.append(Activity.organisation_id.in_(spec.organisation_ids))
    return conds


def _resident_conds(spec: ReportSpec) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Resident.deleted_at.is_(None)]
    if spec.neighbourhood_ids:
        conds.append(Resident.neighbourhood_id.in_(spec.neighbourhood_ids))
    if spec.target_group_ids:
        conds.append(exists().where(
            resident_target_group.c.resident_id == Resident.id,
            resident_target_group.c.target_group_id.in_(spec.target_group_ids)))
    return conds


def _referral_conds(spec: ReportSpec) -> list[ColumnElement[bool]]:
    """Filters on a referral that do not depend on the resident (joined elsewhere)."""
    conds: list[ColumnElement[bool]] = [Referral.deleted_at.is_(None)]
    if spec.organisation_ids:
        conds.append(or_(
            Referral.referring_organisation_id.in_(spec.organisation_ids),
            exists().where(referral_organisation.c.referral_id == Referral.id,
                           referral_organisation.c.organisation_id.in_(spec.organisation_ids)),
        ))
    if spec.activity_ids or spec.programme_line_ids or spec.track_ids:
        act_conds: list[ColumnElement[bool]] = [
            referral_activity.c.referral_id == Referral.id,
            Activity.id == referral_activity.c.activity_id,
            Activity.deleted_at.is_(None),
        ]
        if spec.activity_ids:
            act_conds.append(Activity.id.in_(spec.activity_ids))
        if spec.programme_line_ids:
            act_conds.append(Activity.programme_line_id.in_(spec.programme_line_ids))
        if spec.track_ids:
            act_conds.append(exists().where(activity_track.c.activity_id == Activity.id,
                                            activity_track.c.track_id.in_(spec.track_ids)))
        conds.append(exists().where(*act_conds))
    return conds


def _encounter_conds(spec: ReportSpec) -> list[ColumnElement[bool]] | None:
    """Filters on encounters in the period; None when the filter excludes contacts
    (an activity or programme line filter: contacts belong to neither)."""
    if spec.activity_ids or spec.programme_line_ids:
        return None
    conds: list[ColumnElement[bool]] = [
        Encounter.deleted_at.is_(None),
        Encounter.occurred_at >= _start(spec.date_from),
        Encounter.occurred_at < _end(spec.date_to),
    ]
    if spec.track_ids:
        # Correlate on the contact only: the contacts-per-track query selects from
        # encounter_track itself, and auto-correlation would empty this subquery.
        conds.append(exists().where(encounter_track.c.encounter_id == Encounter.id,
                                    encounter_track.c.track_id.in_(spec.track_ids))
                     .correlate(Encounter))
    if spec.organisation_ids:
        conds.append(exists().where(Worker.id == Encounter.worker_id,
                                    Worker.organisation_id.in_(spec.organisation_ids)))
    return conds


def filters_text(s: OrmSession, spec: ReportSpec) -> list[str]:
    """One Dutch line per filter, e.g. ``"Buurt: Hambaken, West"``."""
    lines = [f"Periode: {spec.date_from:%d-%m-%Y} tot en met {spec.date_to:%d-%m-%Y}"]
    for label, model, ids in (
        ("Buurt", Neighbourhood, spec.neighbourhood_ids),
        ("Activiteit", Activity, spec.activity_ids),
        ("Programmalijn", ProgrammeLine, spec.programme_line_ids),
        ("Spoor", Track, spec.track_ids),
        ("Doelgroep", TargetGroup, spec.target_group_ids),
        ("Organisatie", Organisation, spec.organisation_ids),
    ):
        if ids:
            names = sorted(_names(s, model, ids).values(), key=str.casefold)
            lines.append(f"{label}: {', '.join(names) or '(onbekend)'}")
    if len(lines) == 1:
        lines.append("Filters: geen (alle gegevens)")
    return lines


# -- attendance -----------------------------------------------------------------------------


def _sessions_q(spec: ReportSpec) -> Any:
    return (select(Session.id, Session.activity_id, Session.held_on, Session.anonymous_guests)
            .join(Activity, Activity.id == Session.activity_id)
            .where(Session.deleted_at.is_(None), Session.held_on >= spec.date_from,
                   Session.held_on <= spec.date_to, *_activity_conds(spec)))


def _attendance_base(spec: ReportSpec) -> Any:
    """Live attendances of live residents at sessions in the period and filter."""
    return (select(Attendance.resident_id, Attendance.role, Session.activity_id,
                   Session.held_on, Activity.neighbourhood_id)
            .join(Session, Session.id == Attendance.session_id)
            .join(Activity, Activity.id == Session.activity_id)
            .join(Resident, Resident.id == Attendance.resident_id)
            .where(Attendance.deleted_at.is_(None), Session.deleted_at.is_(None),
                   Resident.deleted_at.is_(None),
                   Session.held_on >= spec.date_from, Session.held_on <= spec.date_to,
                   *_activity_conds(spec)))


@dataclasses.dataclass
class _AttendanceFigures:
    sessions: int = 0
    participations: int = 0
    unique_participants: int = 0
    new: int = 0
    anonymous_guests: int = 0
    volunteers: int = 0
    step: int = 0


_GROUPS: dict[str | None, tuple[tuple[str, ...], str | None]] = {
    None: ((), "filter"),
    "activity": (("activity",), "activity"),
    "month": (("month",), None),
    "neighbourhood": (("neighbourhood",), "activity"),
    "programme_line": (("programme_line",), "activity"),
}


def _attendance_counts(s: OrmSession, spec: ReportSpec,
                       group: str | None) -> dict[Any, _AttendanceFigures]:
    """Attendance figures grouped by ``group`` ('activity', 'month', 'neighbourhood',
    'programme_line', or None for the total, keyed ``"all"``). New participants are
    new to the activity (the total: new to every activity in the filter); months
    count neither new participants nor the step to volunteer."""
    keys, scope = _GROUPS[group]
    return _attendance_grouped(s, spec, keys, new_scope=scope, step=group != "month")


def _key_cols(q: Any, keys: Sequence[str]) -> list[Any]:
    cols = {"activity": lambda: q.c.activity_id, "month": lambda: _month_key(q.c.held_on),
            "neighbourhood": lambda: q.c.neighbourhood_id,
            "programme_line": lambda: q.c.programme_line_id}
    if not keys:
        return [literal("all").label("k0")]
    return [cols[k]().label(f"k{i}") for i, k in enumerate(keys)]


def _row_key(row: Sequence[Any], n: int) -> Any:
    """The group key of a result row whose first ``max(n, 1)`` columns are keys."""
    return tuple(row[:n]) if n > 1 else row[0]


def _attendance_grouped(s: OrmSession, spec: ReportSpec, keys: Sequence[str], *,
                        new_scope: str | None, step: bool) -> dict[Any, _AttendanceFigures]:
    """Attendance figures for every group of ``keys`` (activity, month, neighbourhood,
    programme_line: the activity's) in one grouped query per figure.

    ``new_scope`` says what a participant is new to: 'activity' (their first
    participation ever at that activity falls in the period), 'filter' (at any
    activity in the filter), 'neighbourhood' (at any activity in the filter in the
    group's neighbourhood; needs 'neighbourhood' in ``keys``), or None (not counted).
    ``step`` counts participant -> volunteer. A key of one column is the value
    itself, of more columns a tuple, of none ``"all"``."""
    n_keys = len(keys)
    sq = _sessions_q(spec).add_columns(Activity.neighbourhood_id,
                                       Activity.programme_line_id).subquery()
    aq = _attendance_base(spec).add_columns(Activity.programme_line_id).subquery()

    out: dict[Any, _AttendanceFigures] = {}

    def get(k: Any) -> _AttendanceFigures:
        return out.setdefault(k, _AttendanceFigures())

    sk = _key_cols(sq, keys)
    for row in s.execute(select(*sk, func.count(), func.coalesce(
            func.sum(sq.c.anonymous_guests), 0)).group_by(*sk)):
        f = get(_row_key(row, n_keys))
        f.sessions, f.anonymous_guests = int(row[-2]), int(row[-1])
    is_p = aq.c.role == PARTICIPANT
    is_v = aq.c.role == VOLUNTEER
    cols: list[Any] = [
        func.coalesce(func.sum(case((is_p, 1), else_=0)), 0),
        func.count(distinct(case((is_p, aq.c.resident_id)))),
        func.count(distinct(case((is_v, aq.c.resident_id)))),
    ]
    if new_scope is not None:
        # New: no participation before the period (in the scope). For someone who
        # took part in the period that is "the first participation ever falls in the
        # period". The earlier participations are one set, built once and looked up
        # per row (not a lookup through each resident's history per row).
        assert "month" not in keys, "new participants are not counted per month"
        before = (select(Attendance.resident_id)
                  .join(Session, Session.id == Attendance.session_id)
                  .where(Attendance.deleted_at.is_(None), Attendance.role == PARTICIPANT,
                         Session.deleted_at.is_(None), Session.held_on < spec.date_from))
        if new_scope == "activity":
            seen = tuple_(aq.c.resident_id, aq.c.activity_id).in_(
                before.add_columns(Session.activity_id))
        elif new_scope == "filter":
            seen = aq.c.resident_id.in_(
                before.join(Activity, Activity.id == Session.activity_id)
                .where(*_activity_conds(spec)))
        else:
            assert new_scope == "neighbourhood" and "neighbourhood" in keys
            seen = tuple_(aq.c.resident_id, aq.c.neighbourhood_id).in_(
                before.add_columns(Activity.neighbourhood_id)
                .join(Activity, Activity.id == Session.activity_id)
                .where(*_activity_conds(spec), Activity.neighbourhood_id.is_not(None)))
        cols.append(func.count(distinct(case((and_(is_p, ~seen), aq.c.resident_id)))))
    if step:
        # Participant -> volunteer: volunteered in the period after an earlier
        # participation (any activity, an earlier date); looked up for volunteer rows
        # only, through the resident's attendance index.
        earlier = exists().where(
            Attendance.resident_id == aq.c.resident_id, Attendance.deleted_at.is_(None),
            Attendance.role == PARTICIPANT, Session.id == Attendance.session_id,
            Session.deleted_at.is_(None), Session.held_on < aq.c.held_on)
        cols.append(func.count(distinct(case((and_(is_v, earlier), aq.c.resident_id)))))
    ak = _key_cols(aq, keys)
    for row in s.execute(select(*ak, *cols).group_by(*ak)):
        f = get(_row_key(row, n_keys))
        vals = [int(v) for v in row[max(n_keys, 1):]]
        f.participations, f.unique_participants, f.volunteers = vals[:3]
        if new_scope is not None:
            f.new = vals[3]
        if step:
            f.step = vals[-1]
    return out


def _activity_columns(first: Column, *extra: Column) -> list[Column]:
    return [
        first, *extra,
        Column("sessions", L_SESSIONS),
        Column("participations", L_PARTICIPATIONS),
        Column("unique_participants", L_UNIQUE_PART),
        Column("new", L_NEW),
        Column("returning", L_RETURNING),
        Column("avg_per_session", L_AVG, "float"),
        Column("anonymous_guests", L_ANON_GUESTS),
        Column("volunteers", L_VOLUNTEERS),
        Column("step", L_STEP),
    ]


def _fig_cells(f: _AttendanceFigures) -> list[Any]:
    return [f.sessions, f.participations, f.unique_participants, f.new,
            f.unique_participants - f.new,
            _avg(f.participations + f.anonymous_guests, f.sessions),
            f.anonymous_guests, f.volunteers, f.step]


def _attendance(s: OrmSession, spec: ReportSpec, steps: _Steps) -> list[Section]:
    total = _attendance_counts(s, spec, None).get("all", _AttendanceFigures())
    steps.step()
    per_act = _attendance_counts(s, spec, "activity")
    steps.step()
    act_info = {i: (n, nb) for i, n, nb in s.execute(
        select(Activity.id, Activity.name, Activity.neighbourhood_id)
        .where(Activity.id.in_(list(per_act))))} if per_act else {}
    nb_names = _names(s, Neighbourhood, [nb for _, nb in act_info.values()])
    rows = []
    for aid, f in per_act.items():
        if f.sessions == 0:
            continue
        name, nb = act_info.get(aid, ("?", None))
        rows.append([name, nb_names.get(nb, NO_NEIGHBOURHOOD), *_fig_cells(f)])
    rows = _sort_rows(rows)
    t_act = Table("per_activiteit", "Per activiteit",
                  _activity_columns(Column("activity", "Activiteit", "text"),
                                    Column("neighbourhood", "Buurt", "text")),
                  rows, total_row=[TOTAL, "", *_fig_cells(total)],
                  note="Gemiddeld per bijeenkomst: deelnames en anonieme gasten samen, "
                       "gedeeld door het aantal bijeenkomsten. Nieuw: voor het eerst "
                       "bij deze activiteit in deze periode.")

    per_month = _attendance_counts(s, spec, "month")
    steps.step()
    month_rows: list[list[Any]] = []
    for m in months_between(spec.date_from, spec.date_to):
        f = per_month.get(f"{m:%Y-%m}", _AttendanceFigures())
        month_rows.append([m, f.sessions, f.participations, f.unique_participants,
                           f.anonymous_guests, f.volunteers])
    t_month = Table("per_maand", "Per maand", [
        Column("month", "Maand", "month"),
        Column("sessions", L_SESSIONS),
        Column("participations", L_PARTICIPATIONS),
        Column("unique_participants", L_UNIQUE_PART),
        Column("anonymous_guests", L_ANON_GUESTS),
        Column("volunteers", L_VOLUNTEERS),
    ], month_rows, total_row=[TOTAL, total.sessions, total.participations,
                              total.unique_participants, total.anonymous_guests,
                              total.volunteers],
        note="Unieke deelnemers per maand: wie in meerdere maanden kwam, telt in elke "
             "maand mee; in het totaal één keer.")

    per_nb = _attendance_counts(s, spec, "neighbourhood")
    steps.step()
    nb_names = _names(s, Neighbourhood, per_nb.keys())
    nb_rows = _sort_rows([[nb_names.get(k, NO_NEIGHBOURHOOD), f.sessions, f.participations,
                           f.unique_participants, f.anonymous_guests]
                          for k, f in per_nb.items() if f.sessions])
    t_nb = Table("per_buurt", "Per buurt (buurt van de activiteit)", [
        Column("neighbourhood", "Buurt", "text"),
        Column("sessions", L_SESSIONS),
        Column("participations", L_PARTICIPATIONS),
        Column("unique_participants", L_UNIQUE_PART),
        Column("anonymous_guests", L_ANON_GUESTS),
    ], nb_rows, total_row=[TOTAL, total.sessions, total.participations,
                           total.unique_participants, total.anonymous_guests])

    figures: list[tuple[str, Any]] = [
        (L_SESSIONS, total.sessions),
        (L_PARTICIPATIONS, total.participations),
        (L_UNIQUE_PART, total.unique_participants),
        (L_NEW, total.new),
        (L_RETURNING, total.unique_participants - total.new),
        (L_AVG, _avg(total.participations + total.anonymous_guests, total.sessions)),
        (L_ANON_GUESTS, total.anonymous_guests),
        (L_VOLUNTEERS, total.volunteers),
        (L_STEP, total.step),
    ]
    charts = [
        Chart("line", "Deelnames per maand", [month_label(r[0]) for r in month_rows],
              {L_PARTICIPATIONS: [float(r[2]) for r in month_rows],
               L_ANON_GUESTS: [float(r[4]) for r in month_rows]}, y_label="Aantal"),
        Chart("bar", "Deelnames per buurt", [r[0] for r in nb_rows],
              {L_PARTICIPATIONS: [float(r[2]) for r in nb_rows]}, y_label="Aantal"),
    ]
    return [Section("Aanwezigheid", figures=figures, tables=[t_act, t_month, t_nb],
                    charts=charts)]


# -- reach -----------------------------------------------------------------------------------


def _reached(spec: ReportSpec) -> Any:
    """(resident_id, month, channel) of every way a resident was reached in the
    period: 'c' contact, 'a' activity, 'r' referral. Not yet filtered on resident."""
    parts = []
    enc = _encounter_conds(spec)
    if enc is not None:
        parts.append(select(encounter_resident.c.resident_id.label("resident_id"),
                            _month_key(Encounter.occurred_at).label("month"),
                            literal("c").label("channel"))
                     .select_from(encounter_resident.join(
                         Encounter, Encounter.id == encounter_resident.c.encounter_id))
                     .where(*enc))
    parts.append(select(Attendance.resident_id.label("resident_id"),
                        _month_key(Session.held_on).label("month"),
                        literal("a").label("channel"))
                 .join(Session, Session.id == Attendance.session_id)
                 .join(Activity, Activity.id == Session.activity_id)
                 .where(Attendance.deleted_at.is_(None), Session.deleted_at.is_(None),
                        Session.held_on >= spec.date_from, Session.held_on <= spec.date_to,
                        *_activity_conds(spec, neighbourhood=False, target_group=False)))
    parts.append(select(Referral.resident_id.label("resident_id"),
                        _month_key(ReferralEvent.occurred_on).label("month"),
                        literal("r").label("channel"))
                 .join(Referral, Referral.id == ReferralEvent.referral_id)
                 .where(ReferralEvent.deleted_at.is_(None),
                        ReferralEvent.occurred_on >= spec.date_from,
                        ReferralEvent.occurred_on <= spec.date_to, *_referral_conds(spec)))
    u = union_all(*parts).subquery()
    return (select(u.c.resident_id, u.c.month, u.c.channel, Resident.neighbourhood_id)
            .join(Resident, Resident.id == u.c.resident_id)
            .where(*_resident_conds(spec)).subquery())


def _anonymous_contacts(s: OrmSession, spec: ReportSpec, group: str) -> dict[Any, int]:
    """Sum of head counts of encounters without residents, by 'neighbourhood' or 'month'."""
    enc = _encounter_conds(spec)
    if enc is None or spec.target_group_ids:
        return {}
    if spec.neighbourhood_ids:
        enc.append(Encounter.neighbourhood_id.in_(spec.neighbourhood_ids))
    key = (Encounter.neighbourhood_id if group == "neighbourhood"
           else _month_key(Encounter.occurred_at)).label("k")
    q = (select(key, func.coalesce(func.sum(Encounter.head_count), 0))
         .where(*enc, ~exists().where(encounter_resident.c.encounter_id == Encounter.id))
         .group_by(key))
    return {k: int(n) for k, n in s.execute(q)}


def _anonymous_guests(s: OrmSession, spec: ReportSpec, group: str) -> dict[Any, int]:
    if spec.target_group_ids:
        return {}
    sq = _sessions_q(spec).add_columns(Activity.neighbourhood_id).subquery()
    key = (sq.c.neighbourhood_id if group == "neighbourhood"
           else _month_key(sq.c.held_on)).label("k")
    return {k: int(n) for k, n in s.execute(
        select(key, func.coalesce(func.sum(sq.c.anonymous_guests), 0)).group_by(key))}


def _reach_counts(s: OrmSession, spec: ReportSpec, group: str | None) -> dict[Any, list[int]]:
    """Unique residents [all, contact, activity, referral] by 'neighbourhood',
    'month', 'target_group' or None (the total)."""
    r = _reached(spec)
    cols = [func.count(distinct(r.c.resident_id))] + [
        func.count(distinct(case((r.c.channel == ch, r.c.resident_id)))) for ch in "car"]
    if group == "target_group":
        key = resident_target_group.c.target_group_id.label("k")
        q = (select(key, *cols).select_from(r.outerjoin(
            resident_target_group, resident_target_group.c.resident_id == r.c.resident_id))
            .group_by(key))
    else:
        key = {"neighbourhood": r.c.neighbourhood_id, "month": r.c.month,
               None: literal("all")}[group].label("k")
        q = select(key, *cols).group_by(key)
    return {k: [int(v) for v in vals] for k, *vals in s.execute(q)}


def _reach_total(by_nb: dict[Any, list[int]]) -> list[int]:
    """The total of unique residents from the counts per neighbourhood of the resident:
    every resident has one neighbourhood (or none: its own group), so the groups are
    disjoint and their counts add up."""
    return [sum(v[i] for v in by_nb.values()) for i in range(4)]


def _reach(s: OrmSession, spec: ReportSpec, steps: _Steps) -> list[Section]:
    by_nb = _reach_counts(s, spec, "neighbourhood")
    total = _reach_total(by_nb)
    steps.step()
    anon_nb = _anonymous_contacts(s, spec, "neighbourhood")
    guests_nb = _anonymous_guests(s, spec, "neighbourhood")
    steps.step()
    names = _names(s, Neighbourhood, [*by_nb, *anon_nb, *guests_nb])
    keys = set(by_nb) | {k for k, v in anon_nb.items() if v} | {k for k, v in guests_nb.items()
                                                                 if v}
    nb_rows = _sort_rows([[names.get(k, NO_NEIGHBOURHOOD), *by_nb.get(k, [0, 0, 0, 0]),
                           anon_nb.get(k, 0), guests_nb.get(k, 0)] for k in keys])
    anon_total, guests_total = sum(anon_nb.values()), sum(guests_nb.values())
    reach_cols = [Column("unique_residents", L_UNIQUE_RES),
                  Column("via_contact", L_VIA_CONTACT),
                  Column("via_activity", L_VIA_ACTIVITY),
                  Column("via_referral", L_VIA_REFERRAL)]
    anon_cols = [Column("anonymous_contacts", L_ANON_CONTACTS),
                 Column("anonymous_guests", L_ANON_SESSION)]
    note = ("Een inwoner telt één keer, ook als contacten, activiteiten en verwijzingen "
            "hem of haar allemaal bereikten; de kolommen 'via' tellen per kanaal. "
            "Anonieme contacten en gasten staan apart en tellen niet mee als unieke inwoner.")
    if spec.target_group_ids:
        note += " Met een filter op doelgroep tellen anonieme contacten niet mee."
    t_nb = Table("per_buurt", "Per buurt (buurt van de inwoner)",
                 [Column("neighbourhood", "Buurt", "text"), *reach_cols, *anon_cols],
                 nb_rows, note=note, total_row=[TOTAL, *total, anon_total, guests_total])

    by_tg = _reach_counts(s, spec, "target_group")
    steps.step()
    tg_names = _names(s, TargetGroup, by_tg)
    tg_rows = _sort_rows([[tg_names.get(k, NO_TARGET_GROUP), *v] for k, v in by_tg.items()])
    t_tg = Table("per_doelgroep", "Per doelgroep (doelgroep van de inwoner)",
                 [Column("target_group", "Doelgroep", "text"), *reach_cols], tg_rows,
                 note="Een inwoner kan bij meer dan één doelgroep horen; tel de rijen "
                      "daarom niet op.")

    by_m = _reach_counts(s, spec, "month")
    anon_m = _anonymous_contacts(s, spec, "month")
    guests_m = _anonymous_guests(s, spec, "month")
    steps.step()
    m_rows: list[list[Any]] = []
    for m in months_between(spec.date_from, spec.date_to):
        k = f"{m:%Y-%m}"
        m_rows.append([m, *by_m.get(k, [0, 0, 0, 0]), anon_m.get(k, 0), guests_m.get(k, 0)])
    t_month = Table("per_maand", "Per maand", [Column("month", "Maand", "month"),
                                                *reach_cols, *anon_cols], m_rows,
                    total_row=[TOTAL, *total, anon_total, guests_total],
                    note="Wie in meerdere maanden bereikt is, telt in elke maand mee; "
                         "in het totaal één keer.")
    figures: list[tuple[str, Any]] = [
        (L_UNIQUE_RES, total[0]), (L_VIA_CONTACT, total[1]), (L_VIA_ACTIVITY, total[2]),
        (L_VIA_REFERRAL, total[3]), (L_ANON_CONTACTS, anon_total),
        (L_ANON_SESSION, guests_total),
    ]
    charts = [
        Chart("bar", "Unieke inwoners bereikt per buurt", [r[0] for r in nb_rows],
              {L_UNIQUE_RES: [float(r[1]) for r in nb_rows]}, y_label="Inwoners"),
        Chart("line", "Bereik per maand", [month_label(r[0]) for r in m_rows],
              {L_UNIQUE_RES: [float(r[1]) for r in m_rows],
               L_ANON_CONTACTS: [float(r[5]) for r in m_rows]}, y_label="Aantal"),
    ]
    return [Section("Bereik", figures=figures, tables=[t_nb, t_tg, t_month], charts=charts)]


# -- referrals ---------------------------------------------------------------------------------


def _cohort(spec: ReportSpec) -> Any:
    """Referrals registered in the period and filter (id, resident, codes, dates)."""
    return (select(Referral.id, Referral.pathway, Referral.source, Referral.status,
                   Referral.follow_up_on, Referral.outcome, Referral.registered_on,
                   Referral.referring_organisation_id,
                   Resident.neighbourhood_id.label("neighbourhood_id"))
            .join(Resident, Resident.id == Referral.resident_id)
            .where(Referral.registered_on >= spec.date_from,
                   Referral.registered_on <= spec.date_to,
                   *_referral_conds(spec), *_resident_conds(spec))).subquery()


def _first_event(spec: ReportSpec, statuses: Sequence[str]) -> Any:
    return (select(ReferralEvent.referral_id, func.min(ReferralEvent.occurred_on).label("on"))
            .where(ReferralEvent.deleted_at.is_(None), ReferralEvent.status.in_(statuses),
                   ReferralEvent.occurred_on <= spec.date_to)
            .group_by(ReferralEvent.referral_id)).subquery()


def _days_hist(s: OrmSession, c: Any, first: Any) -> list[tuple[float, int]]:
    days = (func.julianday(first.c.on) - func.julianday(c.c.registered_on)).label("d")
    q = (select(days, func.count()).select_from(c.join(first, first.c.referral_id == c.c.id))
         .group_by(days).order_by(days))
    return [(float(d), int(n)) for d, n in s.execute(q)]


def _referrals(s: OrmSession, spec: ReportSpec, steps: _Steps,
               today: dt.date) -> list[Section]:
    c = _cohort(spec)
    is_open = ~c.c.status.in_(CLOSED_CODES)
    overdue = and_(is_open, c.c.follow_up_on < today)
    per_route = list(s.execute(select(
        c.c.pathway, func.count(), func.sum(case((is_open, 1), else_=0)),
        func.sum(case((overdue, 1), else_=0))).group_by(c.c.pathway)))
    steps.step()
    route_rows = _sort_rows([[Pathway.label_of(p, NO_VALUE), int(n), int(o or 0), int(d or 0)]
                             for p, n, o, d in per_route])
    tot = [sum(r[i] for r in route_rows) for i in (1, 2, 3)]
    t_route = Table("per_route", "Per route", [
        Column("pathway", "Route", "text"), Column("referrals", L_REFERRALS),
        Column("open", L_OPEN), Column("overdue", L_OVERDUE)], route_rows,
        total_row=[TOTAL, *tot],
        note=f"'{L_OVERDUE}': nog open en de datum om op te volgen is voorbij "
             f"(op {today:%d-%m-%Y}).")
    src_rows = _sort_rows([[ReferralSource.label_of(code, NO_VALUE), int(n)]
                           for code, n in s.execute(
                               select(c.c.source, func.count()).group_by(c.c.source))])
    t_src = Table("per_bron", "Per verwijzer (bron)", [
        Column("source", "Verwezen door", "text"), Column("referrals", L_REFERRALS)],
        src_rows, total_row=[TOTAL, tot[0]])
    ref_org_rows = s.execute(select(c.c.referring_organisation_id, func.count())
                             .where(c.c.referring_organisation_id.is_not(None))
                             .group_by(c.c.referring_organisation_id)).all()
    dest_org = s.execute(select(referral_organisation.c.organisation_id,
                                func.count(distinct(c.c.id)))
                         .select_from(c.join(referral_organisation,
                                             referral_organisation.c.referral_id == c.c.id))
                         .group_by(referral_organisation.c.organisation_id)).all()
    dest_act = s.execute(select(referral_activity.c.activity_id, func.count(distinct(c.c.id)))
                         .select_from(c.join(referral_activity,
                                             referral_activity.c.referral_id == c.c.id))
                         .group_by(referral_activity.c.activity_id)).all()
    steps.step()
    org_names = _names(s, Organisation, [o for o, _ in [*dest_org, *ref_org_rows]])
    act_names = _names(s, Activity, [a for a, _ in dest_act])
    dest_rows = ([["Organisatie", org_names.get(o, "?"), int(n)] for o, n in dest_org]
                 + [["Activiteit", act_names.get(a, "?"), int(n)] for a, n in dest_act])
    dest_rows.sort(key=lambda r: (r[0], str(r[1]).casefold()))
    t_dest = Table("per_bestemming", "Per bestemming", [
        Column("kind", "Soort", "text"), Column("destination", "Bestemming", "text"),
        Column("referrals", L_REFERRALS)], dest_rows,
        note="Een verwijzing kan meer dan één bestemming hebben; tel de rijen niet op.")
    t_ref_org = Table("per_verwijzende_organisatie", "Per verwijzende organisatie", [
        Column("organisation", "Organisatie", "text"), Column("referrals", L_REFERRALS)],
        _sort_rows([[org_names.get(o, "?"), int(n)] for o, n in ref_org_rows]))

    # Funnel: how many referrals reached each status (by the end of the period).
    reached = dict(s.execute(
        select(ReferralEvent.status, func.count(distinct(ReferralEvent.referral_id)))
        .where(ReferralEvent.deleted_at.is_(None), ReferralEvent.occurred_on <= spec.date_to,
               ReferralEvent.referral_id.in_(select(c.c.id)))
        .group_by(ReferralEvent.status)).all())
    steps.step()
    funnel_rows: list[list[Any]] = [[st.label, int(reached.get(st.value, 0))]
                                    for st in ReferralStatus]
    t_funnel = Table("trechter", "Trechter: hoeveel verwijzingen deze stap bereikten", [
        Column("status", "Status", "text"), Column("referrals", L_REFERRALS)], funnel_rows)

    contact_hist = _days_hist(s, c, _first_event(spec, [ReferralStatus.CONTACT_MADE.value]))
    closing_hist = _days_hist(s, c, _first_event(spec, list(CLOSED_CODES)))
    steps.step()

    def time_row(label: str, hist: list[tuple[float, int]]) -> list[Any]:
        n = sum(k for _, k in hist)
        mean = round(sum(v * k for v, k in hist) / n, 1) if n else None
        return [label, n, _median(hist), mean]

    t_time = Table("doorlooptijd", "Doorlooptijd in dagen", [
        Column("step", "Van aanmelding tot", "text"), Column("n", "Aantal verwijzingen"),
        Column("median_days", "Mediaan (dagen)", "float"),
        Column("mean_days", "Gemiddeld (dagen)", "float")],
        [time_row("eerste contact", contact_hist), time_row("afsluiting", closing_hist)])

    closing = _first_event(spec, list(CLOSED_CODES))
    out_rows = _sort_rows([[Outcome.label_of(code, NO_VALUE), int(n)] for code, n in s.execute(
        select(c.c.outcome, func.count()).select_from(
            c.join(closing, closing.c.referral_id == c.c.id)).group_by(c.c.outcome))])
    steps.step()
    t_out = Table("resultaat", "Resultaat van afgesloten verwijzingen", [
        Column("outcome", "Resultaat", "text"), Column("closed", L_CLOSED)], out_rows,
        total_row=[TOTAL, sum(r[1] for r in out_rows)])
    figures: list[tuple[str, Any]] = [
        (L_REFERRALS, tot[0]), (L_OPEN, tot[1]), (L_OVERDUE, tot[2]),
        (L_CLOSED, sum(r[1] for r in out_rows)),
    ]
    charts = [Chart("bar", "Trechter van verwijzingen", [r[0] for r in funnel_rows],
                    {L_REFERRALS: [float(r[1]) for r in funnel_rows]}, y_label="Verwijzingen")]
    return [Section("Verwijzingen", figures=figures,
                    tables=[t_route, t_src, t_ref_org, t_dest, t_funnel, t_time, t_out],
                    charts=charts)]


# -- impact ------------------------------------------------------------------------------------


def _latest_scores(moment: str) -> Any:
    """The newest live score row per referral at ``moment`` (one row per referral)."""
    newest = (select(PositiveHealthScore.referral_id,
                     func.max(PositiveHealthScore.hlc).label("hlc"))
              .where(PositiveHealthScore.deleted_at.is_(None),
                     PositiveHealthScore.moment == moment)
              .group_by(PositiveHealthScore.referral_id)).subquery()
    p = PositiveHealthScore
    return (select(p.referral_id, p.measured_on,
                   *[getattr(p, code) for code, _ in HEALTH_DIMENSIONS])
            .join(newest, and_(newest.c.referral_id == p.referral_id, newest.c.hlc == p.hlc))
            .where(p.deleted_at.is_(None), p.moment == moment)).subquery()


def _impact_means(s: OrmSession, spec: ReportSpec) -> tuple[int, dict[str, tuple[float, float]]]:
    i = _latest_scores("intake")
    cl = _latest_scores("closing")
    q = (select(func.count(),
                *[x for code, _ in HEALTH_DIMENSIONS
                  for x in (func.avg(i.c[code]), func.avg(cl.c[code]))])
         .select_from(Referral)
         .join(Resident, Resident.id == Referral.resident_id)
         .join(i, i.c.referral_id == Referral.id)
         .join(cl, cl.c.referral_id == Referral.id)
         .where(cl.c.measured_on >= spec.date_from, cl.c.measured_on <= spec.date_to,
                *_referral_conds(spec), *_resident_conds(spec)))
    n, *avgs = s.execute(q).one()
    means = {code: (float(avgs[2 * k] or 0), float(avgs[2 * k + 1] or 0))
             for k, (code, _) in enumerate(HEALTH_DIMENSIONS)}
    return int(n), means


def _impact(s: OrmSession, spec: ReportSpec, steps: _Steps) -> list[Section]:
    n, means = _impact_means(s, spec)
    steps.step()
    rows: list[list[Any]] = []
    for code, label in HEALTH_DIMENSIONS:
        a, b = means[code]
        rows.append([label, n, round(a, 2) if n else None, round(b, 2) if n else None,
                     round(b - a, 2) if n else None])
    L_INTAKE, L_CLOSING = "Gemiddeld bij intake", "Gemiddeld bij afsluiten"
    table = Table("positieve_gezondheid", "Positieve Gezondheid per onderdeel (0-10)", [
        Column("dimension", "Onderdeel", "text"), Column("n", L_BOTH_SCORES),
        Column("mean_intake", L_INTAKE, "float"), Column("mean_closing", L_CLOSING, "float"),
        Column("mean_change", "Gemiddelde verandering", "float")], rows,
        note="Alleen verwijzingen met een score bij intake én bij afsluiten; de "
             "afsluitscore is gemeten in de periode.")
    chart = Chart("spider", "Positieve Gezondheid: intake en afsluiting",
                  [r[0] for r in rows], {L_INTAKE: [r[2] for r in rows],
                                         L_CLOSING: [r[3] for r in rows]}, y_label="Score")
    return [Section("Impact", figures=[(L_BOTH_SCORES, n)], tables=[table], charts=[chart])]


# -- overview ------------------------------------------------------------------------------------
#
# The overview shows the same figures for every focus neighbourhood. Each figure is one
# query grouped by neighbourhood for all focus neighbourhoods at once (not one round of
# queries per neighbourhood): per neighbourhood N the result equals the figure for the
# filter with neighbourhood N, because the neighbourhood filter only ever selects on one
# neighbourhood column per figure (the activity's, the resident's or the contact's), and
# that column is the group key.

_ALL = "all"


def _grouped(by_nb: bool, col: Any) -> Any:
    return (col if by_nb else literal(_ALL)).label("k")


def _by_track(s: OrmSession, spec: ReportSpec, by_nb: bool = False) -> dict[Any, Table]:
    """The table per track; with ``by_nb`` one per neighbourhood (of the activity for
    activities, of the contact for contacts), else one keyed ``"all"``."""
    sq = _sessions_q(spec).add_columns(Activity.neighbourhood_id).subquery()
    aq = _attendance_base(spec).where(Attendance.role == PARTICIPANT).subquery()
    k = _grouped(by_nb, sq.c.neighbourhood_id)
    act = {(nb, t): (int(a), int(n)) for nb, t, a, n in s.execute(
        select(k, activity_track.c.track_id, func.count(distinct(sq.c.activity_id)),
               func.count())
        .select_from(sq.join(activity_track, activity_track.c.activity_id == sq.c.activity_id))
        .group_by(k, activity_track.c.track_id))}
    k = _grouped(by_nb, aq.c.neighbourhood_id)
    parts = {(nb, t): int(n) for nb, t, n in s.execute(
        select(k, activity_track.c.track_id, func.count())
        .select_from(aq.join(activity_track, activity_track.c.activity_id == aq.c.activity_id))
        .group_by(k, activity_track.c.track_id))}
    enc: dict[Any, tuple[int, int]] = {}
    conds = _encounter_conds(spec)
    if conds is not None:
        if spec.neighbourhood_ids:
            conds.append(Encounter.neighbourhood_id.in_(spec.neighbourhood_ids))
        k = _grouped(by_nb, Encounter.neighbourhood_id)
        enc = {(nb, t): (int(a), int(b)) for nb, t, a, b in s.execute(
            select(k, encounter_track.c.track_id, func.count(), func.sum(Encounter.head_count))
            .select_from(encounter_track.join(Encounter,
                                              Encounter.id == encounter_track.c.encounter_id))
            .where(*conds).group_by(k, encounter_track.c.track_id))}
    tracks = list(s.execute(select(Track.id, Track.name).where(
        Track.deleted_at.is_(None)).order_by(Track.name)))
    keys = list(spec.neighbourhood_ids) if by_nb else [_ALL]
    out: dict[Any, Table] = {}
    for nb in keys:
        rows = [[name, act.get((nb, tid), (0, 0))[0], act.get((nb, tid), (0, 0))[1],
                 parts.get((nb, tid), 0), enc.get((nb, tid), (0, 0))[0],
                 enc.get((nb, tid), (0, 0))[1]] for tid, name in tracks]
        out[nb] = Table("per_spoor", "Per spoor", [
            Column("track", "Spoor", "text"), Column("activities", "Activiteiten"),
            Column("sessions", L_SESSIONS), Column("participations", L_PARTICIPATIONS),
            Column("encounters", "Contacten"),
            Column("encounter_people", "Personen in contacten")],
            rows, note="Een activiteit of contact kan bij meer dan één spoor horen.")
    return out


def _by_programme_line(s: OrmSession, spec: ReportSpec,
                       by_nb: bool = False) -> dict[Any, Table]:
    """The table per programme line; with ``by_nb`` one per neighbourhood of the
    activity, else one keyed ``"all"``."""
    keys = ("neighbourhood", "programme_line") if by_nb else ("programme_line",)
    per = _attendance_grouped(s, spec, keys, new_scope=None, step=False)
    sq = _sessions_q(spec).add_columns(Activity.neighbourhood_id,
                                       Activity.programme_line_id).subquery()
    k = _grouped(by_nb, sq.c.neighbourhood_id)
    n_act = {(nb, pl): int(n) for nb, pl, n in s.execute(
        select(k, sq.c.programme_line_id, func.count(distinct(sq.c.activity_id)))
        .group_by(k, sq.c.programme_line_id))}
    per_nb: dict[Any, dict[Any, _AttendanceFigures]] = {}
    for key, f in per.items():
        nb, pl = key if by_nb else (_ALL, key)
        per_nb.setdefault(nb, {})[pl] = f
    names = _names(s, ProgrammeLine, [pl for d in per_nb.values() for pl in d])
    out: dict[Any, Table] = {}
    for nb in (list(spec.neighbourhood_ids) if by_nb else [_ALL]):
        rows = _sort_rows([[names.get(pl, NO_VALUE), n_act.get((nb, pl), 0), f.sessions,
                            f.participations, f.unique_participants]
                           for pl, f in per_nb.get(nb, {}).items() if f.sessions])
        out[nb] = Table("per_programmalijn", "Per programmalijn", [
            Column("programme_line", "Programmalijn", "text"),
            Column("activities", "Activiteiten"), Column("sessions", L_SESSIONS),
            Column("participations", L_PARTICIPATIONS),
            Column("unique_participants", L_UNIQUE_PART)], rows)
    return out


_OVERVIEW_FIGURES = [L_SESSIONS, L_PARTICIPATIONS, L_UNIQUE_PART, L_NEW, L_VOLUNTEERS, L_STEP,
                     L_UNIQUE_RES, L_ANON_CONTACTS, L_ANON_SESSION, L_REFERRALS, L_CLOSED,
                     L_BOTH_SCORES]


def _impact_counts(s: OrmSession, spec: ReportSpec, by_nb: bool) -> dict[Any, int]:
    """Referrals with both scores (as in :func:`_impact_means`), per neighbourhood of
    the resident or keyed ``"all"``."""
    i = _latest_scores("intake")
    cl = _latest_scores("closing")
    k = _grouped(by_nb, Resident.neighbourhood_id)
    q = (select(k, func.count())
         .select_from(Referral)
         .join(Resident, Resident.id == Referral.resident_id)
         .join(i, i.c.referral_id == Referral.id)
         .join(cl, cl.c.referral_id == Referral.id)
         .where(cl.c.measured_on >= spec.date_from, cl.c.measured_on <= spec.date_to,
                *_referral_conds(spec), *_resident_conds(spec))
         .group_by(k))
    return {key: int(n) for key, n in s.execute(q)}


def _referral_counts(s: OrmSession, spec: ReportSpec,
                     by_nb: bool) -> dict[Any, tuple[int, int]]:
    """(referrals registered, of which closed by the end of the period), per
    neighbourhood of the resident or keyed ``"all"``."""
    c = _cohort(spec)
    closing = _first_event(spec, list(CLOSED_CODES))
    k = _grouped(by_nb, c.c.neighbourhood_id)
    q = (select(k, func.count(), func.count(closing.c.referral_id))
         .select_from(c.outerjoin(closing, closing.c.referral_id == c.c.id))
         .group_by(k))
    return {key: (int(n), int(closed)) for key, n, closed in s.execute(q)}


def _key_figures(s: OrmSession, spec: ReportSpec) -> tuple[dict[Any, dict[str, Any]],
                                                           dict[str, Any]]:
    """The overview's key figures, with the same definitions as the full reports: one
    set per neighbourhood in ``spec.neighbourhood_ids`` (each as if filtered on that
    neighbourhood alone), and the total for all of them together."""
    att = _attendance_grouped(s, spec, ("neighbourhood",), new_scope="neighbourhood",
                              step=True)
    att[_ALL] = _attendance_counts(s, spec, None).get(_ALL, _AttendanceFigures())
    reach = _reach_counts(s, spec, "neighbourhood")
    reach[_ALL] = _reach_total(reach)
    anon = _anonymous_contacts(s, spec, "neighbourhood")
    anon[_ALL] = sum(anon.values())
    guests = _anonymous_guests(s, spec, "neighbourhood")
    guests[_ALL] = sum(guests.values())
    refs = {**_referral_counts(s, spec, True), **_referral_counts(s, spec, False)}
    impact = {**_impact_counts(s, spec, True), **_impact_counts(s, spec, False)}
    out: dict[Any, dict[str, Any]] = {}
    for k in [*spec.neighbourhood_ids, _ALL]:
        a = att.get(k, _AttendanceFigures())
        referrals, closed = refs.get(k, (0, 0))
        figs: dict[str, Any] = {
            L_SESSIONS: a.sessions, L_PARTICIPATIONS: a.participations,
            L_UNIQUE_PART: a.unique_participants, L_NEW: a.new,
            L_VOLUNTEERS: a.volunteers, L_STEP: a.step,
            L_UNIQUE_RES: reach.get(k, [0, 0, 0, 0])[0],
            L_ANON_CONTACTS: anon.get(k, 0), L_ANON_SESSION: guests.get(k, 0),
            L_REFERRALS: referrals, L_CLOSED: closed, L_BOTH_SCORES: impact.get(k, 0),
        }
        out[k] = {label: figs[label] for label in _OVERVIEW_FIGURES}
    total = out.pop(_ALL)
    return out, total


def _overview(s: OrmSession, spec: ReportSpec, steps: _Steps, today: dt.date) -> list[Section]:
    q = (select(Neighbourhood.id, Neighbourhood.name)
         .where(Neighbourhood.deleted_at.is_(None), Neighbourhood.is_focus.is_(True))
         .order_by(Neighbourhood.name))
    if spec.neighbourhood_ids:
        q = q.where(Neighbourhood.id.in_(spec.neighbourhood_ids))
    focus = list(s.execute(q))
    steps.total = 5
    summary_rows: list[list[Any]] = []
    sections = []
    all_spec = dataclasses.replace(spec, neighbourhood_ids=tuple(n for n, _ in focus))
    total: dict[str, Any] = {}
    if focus:
        per_nb, total = _key_figures(s, all_spec)
        steps.step()
        tracks = _by_track(s, all_spec, by_nb=True)
        lines = _by_programme_line(s, all_spec, by_nb=True)
        steps.step()
        for nid, name in focus:
            figs = per_nb[nid]
            summary_rows.append([name, *figs.values()])
            sections.append(Section(
                f"{name}", figures=list(figs.items()), tables=[tracks[nid], lines[nid]],
                text=f"Kerncijfers van focusbuurt {name}. Deelnames tellen bij de buurt van "
                     "de activiteit, bereikte inwoners en verwijzingen bij de buurt van de "
                     "inwoner."))
    else:
        steps.step()
        steps.step()
    columns = [Column("neighbourhood", "Focusbuurt", "text"),
               *[Column(f"f{i}", label) for i, label in enumerate(_OVERVIEW_FIGURES)]]
    summary = Table("focusbuurten", "Alle focusbuurten", columns, summary_rows)
    if focus:
        summary.total_row = [TOTAL, *total.values()]
        summary.note = ("Totaal: de focusbuurten samen; wie in meer dan één buurt meedeed, "
                        "telt in het totaal één keer.")
    steps.step()
    by_track = _by_track(s, spec)[_ALL]
    steps.step()
    by_line = _by_programme_line(s, spec)[_ALL]
    steps.step()
    first = Section("Alle focusbuurten", tables=[summary, by_track, by_line],
                    charts=[Chart("bar", "Unieke inwoners bereikt per focusbuurt",
                                  [r[0] for r in summary_rows],
                                  {L_UNIQUE_RES: [float(r[1 + _OVERVIEW_FIGURES.index(
                                      L_UNIQUE_RES)]) for r in summary_rows]},
                                  y_label="Inwoners")],
                    text="" if focus else "Er zijn geen focusbuurten (in dit filter).")
    return [first, *sections]


# -- entry point ------------------------------------------------------------


def build_report(db: Database, spec: ReportSpec, *, worker_name: str = "",
                 progress: Progress | None = None,
                 today: dt.date | None = None) -> ReportResult:
    """Compute the report ``spec.kind`` (attendance, reach, referrals, impact, overview)
    for the period and filters in ``spec``.

    ``progress(done, total) -> bool`` is called between steps; when it returns False
    the build stops with :class:`gezond_desktop.tasks.Cancelled`. When
    ``spec.suppress`` is true, small counts are suppressed (:func:`.suppression.apply`).
    ``today`` (default: the real today) decides which follow-ups are overdue.
    Raises GezondError for an unknown kind or a period that ends before it starts.
    """
    builders = {"attendance": 4, "reach": 4, "referrals": 6, "impact": 1, "overview": 5}
    if spec.kind not in builders:
        raise GezondError(f"Onbekend soort rapport: '{spec.kind}'. Kies uit: "
                          "aanwezigheid, bereik, verwijzingen, impact of overzicht.")
    if spec.date_to < spec.date_from:
        raise GezondError("De einddatum ligt vóór de begindatum. Kies een einddatum op of na "
                          "de begindatum.")
    if spec.suppress and spec.threshold < 2:
        raise GezondError("De drempel voor kleine aantallen moet 2 of meer zijn.")
    today = today or dt.date.today()
    steps = _Steps(progress, builders[spec.kind])
    with db.read() as s:
        if spec.kind == "attendance":
            sections = _attendance(s, spec, steps)
        elif spec.kind == "reach":
            sections = _reach(s, spec, steps)
        elif spec.kind == "referrals":
            sections = _referrals(s, spec, steps, today)
        elif spec.kind == "impact":
            sections = _impact(s, spec, steps)
        else:
            sections = _overview(s, spec, steps, today)
        lines = filters_text(s, spec)
    result = ReportResult(spec=spec, title=REPORT_TITLES[spec.kind], filters_text=lines,
                          sections=sections, generated_at=dt.datetime.now().replace(microsecond=0),
                          generated_by=worker_name)
    if spec.suppress:
        result = suppression.apply(result)
    return result
