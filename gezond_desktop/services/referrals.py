"""Referrals (verwijzingen): registration, status steps, follow-ups and Positive Health.

The status history is the append-only ``referral_event`` log; ``Referral.status``
is a cached copy of the last event, kept in the same transaction. Status steps
are checked against :data:`REFERRAL_TRANSITIONS` and nothing else.
"""

from __future__ import annotations

import builtins
import datetime as dt
import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from ..enums import (
    CLOSED_STATUSES,
    HEALTH_DIMENSIONS,
    REFERRAL_TRANSITIONS,
    ConsentPurpose,
    Outcome,
    Pathway,
    ReferralSource,
    ReferralStatus,
    Role,
    ScoreMoment,
)
from ..errors import FieldError, ValidationError
from ..ids import uuid7
from ..models import (
    Activity,
    Organisation,
    PositiveHealthScore,
    Referral,
    ReferralEvent,
    Resident,
    Venue,
    Worker,
    utcnow,
)
from ..security.permissions import ReferralAccess, allowed, require
from .base import Checker, ServiceBase, get_live, load_many
from .residents import consent_missing, consented_ids, has_active_consent, normalise_alias

FOLLOW_UP_PURPOSE = ConsentPurpose.REFERRAL_FOLLOW_UP.value


class _Unset(enum.Enum):
    UNSET = 0


UNSET = _Unset.UNSET
"""Marks an argument of :meth:`ReferralService.update` that was not given."""

_CLOSED_CODES = tuple(s.value for s in CLOSED_STATUSES)


def _nl_date(d: dt.date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def status_label(status: str | ReferralStatus) -> str:
    """Dutch label of a referral status.

    ``enums.LABELS`` is keyed by the string value, so ``ScoreMoment.INTAKE`` (also
    'intake') overwrites the label of ``ReferralStatus.INTAKE``; name it here until
    the shared table is keyed per enum class.
    """
    st = ReferralStatus(status)
    return "Intake" if st is ReferralStatus.INTAKE else st.label




# -- inputs and views -------------------------------------------------------------


@dataclass(frozen=True)
class ReferralInput:
    """Everything the registration dialog asks for; one call saves one referral."""

    resident_id: uuid.UUID | None
    pathway: str
    source: str
    registered_on: dt.date | None
    coach_id: uuid.UUID | None = None
    source_venue_id: uuid.UUID | None = None
    referring_organisation_id: uuid.UUID | None = None
    reason: str = ""
    destination_organisation_ids: tuple[uuid.UUID, ...] = ()
    destination_activity_ids: tuple[uuid.UUID, ...] = ()
    follow_up_on: dt.date | None = None
    # Positive Health at intake (dimension -> 0..10), measured on registered_on
    # unless intake_measured_on is given.
    intake_scores: Mapping[str, int] | None = None
    intake_measured_on: dt.date | None = None


@dataclass(frozen=True)
class ScoreSet:
    """One Positive Health measurement (six dimensions, 0-10)."""

    id: uuid.UUID
    moment: str
    measured_on: dt.date
    scores: tuple[tuple[str, str, int], ...]  # (dimension, Dutch label, score)

    def as_dict(self) -> dict[str, int]:
        return {dim: value for dim, _, value in self.scores}

    @property
    def average(self) -> float:
        return sum(v for _, _, v in self.scores) / len(self.scores)


@dataclass(frozen=True)
class ReferralView:
    id: uuid.UUID
    resident_id: uuid.UUID
    resident_alias: str
    pathway: str
    pathway_label: str
    source: str
    source_label: str
    source_venue_id: uuid.UUID | None
    source_venue_name: str
    referring_organisation_id: uuid.UUID | None
    referring_organisation_name: str
    coach_id: uuid.UUID | None
    coach_name: str
    registered_on: dt.date
    reason: str
    status: str
    status_label: str
    follow_up_on: dt.date | None
    outcome: str | None
    outcome_label: str
    outcome_note: str
    destination_organisation_ids: tuple[uuid.UUID, ...]
    destination_organisation_names: tuple[str, ...]
    destination_activity_ids: tuple[uuid.UUID, ...]
    destination_activity_names: tuple[str, ...]
    next_statuses: tuple[str, ...]

    @property
    def is_closed(self) -> bool:
        return ReferralStatus(self.status).is_closed


@dataclass(frozen=True)
class ReferralEventRow:
    id: uuid.UUID
    status: str
    status_label: str
    occurred_on: dt.date
    worker_id: uuid.UUID | None
    worker_name: str
    note: str


@dataclass(frozen=True)
class ReferralDetail:
    referral: ReferralView
    events: tuple[ReferralEventRow, ...]  # oldest first
    intake_scores: ScoreSet | None
    closing_scores: ScoreSet | None


@dataclass(frozen=True)
class ReferralRow:
    id: uuid.UUID
    resident_id: uuid.UUID
    resident_alias: str
    pathway: str
    pathway_label: str
    status: str
    status_label: str
    coach_id: uuid.UUID | None
    coach_name: str
    registered_on: dt.date
    follow_up_on: dt.date | None
    overdue: bool
    days_open: int


@dataclass(frozen=True)
class ReferralFilter:
    coach_id: uuid.UUID | None = None
    pathway: str | None = None
    source: str | None = None
    status: str | None = None  # one status, or use ``statuses`` for several
    statuses: tuple[str, ...] = ()  # empty (and status None): every status
    overdue_only: bool = False
    open_only: bool = False
    text: str = ""  # part of the resident's alias
    today: dt.date | None = None  # for tests; default is the real today


# -- validation helpers -------------------------------------------------------------

_DIMENSION_BY_KEY: dict[str, str] = {}
for _code, _label_nl in HEALTH_DIMENSIONS:
    _DIMENSION_BY_KEY[_code] = _code
    _DIMENSION_BY_KEY[_label_nl.lower()] = _code


def check_scores(c: Checker, field_name: str, scores: Mapping[str, int]) -> dict[str, int]:
    """Six Positive Health scores, each a whole number 0..10; keys are dimension codes
    (or their Dutch labels). Errors name the dimension in Dutch."""
    out: dict[str, int] = {}
    for key, value in scores.items():
        code = _DIMENSION_BY_KEY.get(str(key).strip().lower())
        if code is None:
            c.fail(field_name, f"'{key}' is geen onderdeel van Positieve Gezondheid. Kies uit: "
                   + ", ".join(label for _, label in HEALTH_DIMENSIONS) + ".")
            continue
        out[code] = value
    for code, label in HEALTH_DIMENSIONS:
        given: object = out.get(code)
        f = f"{field_name}.{code}"
        if given is None:
            c.fail(f, f"Vul een score in voor {label}: een getal van 0 tot en met 10.")
        elif isinstance(given, bool) or not isinstance(given, int) or not 0 <= given <= 10:
            c.fail(f, f"De score voor {label} moet een heel getal van 0 tot en met 10 zijn. "
                   f"U vulde {given} in.")
    return out


def _transition_error(current: ReferralStatus, new: ReferralStatus) -> ValidationError:
    allowed = sorted(REFERRAL_TRANSITIONS[current], key=list(ReferralStatus).index)
    head = (f"De status kan niet van '{status_label(current)}' naar '{status_label(new)}'.")
    if not allowed:
        tail = " Deze verwijzing is afgesloten; er kan geen stap meer bij."
    else:
        tail = " Kies een van deze: " + ", ".join(f"'{status_label(s)}'" for s in allowed) + "."
    return ValidationError(FieldError("status", head + tail))


def _sorted_statuses(statuses: frozenset[ReferralStatus]) -> list[ReferralStatus]:
    order = list(ReferralStatus)
    return sorted(statuses, key=order.index)


# -- the service --------------------------------------------------------------------


class ReferralService(ServiceBase):
    # -- registration ---------------------------------------------------------------
    def register(self, data: ReferralInput) -> ReferralView:
        """Register a referral and its first event ('Aangemeld'), in one transaction."""
        c = Checker()
        c.require("resident_id", data.resident_id, "Kies de inwoner die wordt verwezen.")
        pathway = c.choice("pathway", data.pathway, Pathway, "de route")
        source = c.choice("source", data.source, ReferralSource, "wie de inwoner verwijst")
        if data.registered_on is None:
            c.fail("registered_on", "Vul de datum van aanmelding in.")
        c.not_future("registered_on", data.registered_on, "De datum van aanmelding")
        reason = c.text("reason", data.reason, "de reden", 4000)
        if (data.follow_up_on is not None and data.registered_on is not None
                and data.follow_up_on < data.registered_on):
            c.fail("follow_up_on", "De datum om op te volgen ligt vóór de aanmelding. "
                   "Kies de datum van aanmelding of later.")
        if source == ReferralSource.VENUE.value and data.source_venue_id is None:
            c.fail("source_venue_id", "Kies de vindplaats waar de inwoner vandaan komt.")
        scores: dict[str, int] | None = None
        if data.intake_scores:
            scores = check_scores(c, "intake_scores", data.intake_scores)
            c.not_future("intake_measured_on", data.intake_measured_on,
                         "De datum van de intake-scores")
        c.done()
        assert data.registered_on is not None and pathway is not None and source is not None
        with self._write() as s:
            get_live(s, Resident, data.resident_id, "Deze inwoner")
            if data.follow_up_on is not None:
                self._check_follow_up_consent(s, data.resident_id)
            self._check_refs(s, data.coach_id, data.source_venue_id,
                             data.referring_organisation_id)
            orgs = load_many(s, Organisation, data.destination_organisation_ids,
                             "destination_organisation_ids", "Een gekozen organisatie")
            acts = load_many(s, Activity, data.destination_activity_ids,
                             "destination_activity_ids", "Een gekozen activiteit")
            ref = Referral(
                id=uuid7(),
                resident_id=data.resident_id,
                pathway=pathway,
                source=source,
                source_venue_id=data.source_venue_id,
                referring_organisation_id=data.referring_organisation_id,
                coach_id=data.coach_id,
                registered_on=data.registered_on,
                reason=reason,
                status=ReferralStatus.REGISTERED.value,
                follow_up_on=data.follow_up_on,
                outcome=None,
                outcome_note="",
            )
            ref.destination_organisations = orgs
            ref.destination_activities = acts
            s.add(ref)
            s.add(ReferralEvent(id=uuid7(), referral_id=ref.id,
                                status=ReferralStatus.REGISTERED.value,
                                occurred_on=data.registered_on, worker_id=self.worker_id,
                                note=""))
            if scores is not None:
                self._put_scores(s, ref.id, ScoreMoment.INTAKE.value,
                                 data.intake_measured_on or data.registered_on, scores)
            s.flush()
            return self._view(s, ref)

    # -- status steps -----------------------------------------------------------------
    def next_statuses(self, referral_id: uuid.UUID) -> list[ReferralStatus]:
        """The statuses this referral may step to now (none once it is closed)."""
        with self._read() as s:
            ref = get_live(s, Referral, referral_id, "Deze verwijzing")
            self._check_access(ref)
            return _sorted_statuses(REFERRAL_TRANSITIONS[ReferralStatus(ref.status)])

    def step(self, referral_id: uuid.UUID, new_status: str, on: dt.date, note: str = "",
             outcome: str | None = None, outcome_note: str = "",
             closing_scores: Mapping[str, int] | None = None) -> ReferralView:
        """Move a referral to its next status; refused unless the state machine allows it."""
        c = Checker()
        new_code = c.choice("status", new_status, ReferralStatus, "de nieuwe status")
        c.require("on", on, "Vul de datum van deze stap in.")
        c.not_future("on", on, "De datum van deze stap")
        note = c.text("note", note, "de notitie", 4000)
        outcome_note = c.text("outcome_note", outcome_note, "de toelichting op het resultaat",
                              4000)
        c.done()
        assert new_code is not None
        new = ReferralStatus(new_code)
        with self._write() as s:
            ref = get_live(s, Referral, referral_id, "Deze verwijzing")
            self._check_access(ref)
            current = ReferralStatus(ref.status)
            if new not in REFERRAL_TRANSITIONS[current]:
                raise _transition_error(current, new)
            c = Checker()
            last_on = s.scalar(
                select(func.max(ReferralEvent.occurred_on)).where(
                    ReferralEvent.referral_id == ref.id, ReferralEvent.deleted_at.is_(None))
            ) or ref.registered_on
            if on < last_on:
                c.fail("on", f"De datum ligt vóór de vorige stap ({_nl_date(last_on)}). "
                       "Kies die datum of later.")
            outcome_code: str | None = None
            if new.is_closed:
                outcome_code = c.choice("outcome", outcome, Outcome, "het resultaat",
                                        required=new is ReferralStatus.COMPLETED)
            elif outcome:
                c.fail("outcome", "Een resultaat vult u pas in bij het afsluiten.")
            scores: dict[str, int] | None = None
            if closing_scores:
                if not new.is_closed:
                    c.fail("closing_scores", "Scores bij afsluiten vult u in bij het "
                           "afsluiten van de verwijzing.")
                else:
                    scores = check_scores(c, "closing_scores", closing_scores)
            c.done()
            s.add(ReferralEvent(id=uuid7(), referral_id=ref.id, status=new.value,
                                occurred_on=on, worker_id=self.worker_id, note=note))
            ref.status = new.value
            if new.is_closed:
                if ref.outcome != outcome_code:
                    ref.outcome = outcome_code
                if ref.outcome_note != outcome_note:
                    ref.outcome_note = outcome_note
            # The cached status is not a synced field; touching updated_at gives the
            # row the change entry (and clock tick) the database demands.
            ref.updated_at = utcnow()
            if scores is not None:
                self._put_scores(s, ref.id, ScoreMoment.CLOSING.value, on, scores)
            s.flush()
            return self._view(s, ref)

    def record_scores(self, referral_id: uuid.UUID, moment: str, measured_on: dt.date,
                      scores: Mapping[str, int]) -> ScoreSet:
        """Record (or correct) the Positive Health scores at intake or at closing."""
        c = Checker()
        moment_code = c.choice("moment", moment, ScoreMoment, "het moment van meten")
        c.require("measured_on", measured_on, "Vul de datum van meten in.")
        c.not_future("measured_on", measured_on, "De datum van meten")
        clean = check_scores(c, "scores", scores)
        c.done()
        assert moment_code is not None
        with self._write() as s:
            ref = get_live(s, Referral, referral_id, "Deze verwijzing")
            self._check_access(ref)
            if measured_on < ref.registered_on:
                raise ValidationError(FieldError(
                    "measured_on", "De datum van meten ligt vóór de aanmelding "
                    f"({_nl_date(ref.registered_on)}). Kies die datum of later."))
            row = self._put_scores(s, ref.id, moment_code, measured_on, clean)
            s.flush()
            return _score_set(row)

    # -- edits ------------------------------------------------------------------------
    def update(self, referral_id: uuid.UUID, *,
               coach_id: uuid.UUID | _Unset | None = UNSET,
               follow_up_on: dt.date | _Unset | None = UNSET,
               destination_organisation_ids: tuple[uuid.UUID, ...] | list[uuid.UUID] | None
               = None,
               destination_activity_ids: tuple[uuid.UUID, ...] | list[uuid.UUID] | None = None,
               reason: str | None = None) -> ReferralView:
        """Change the coach, follow-up date, destinations or reason. Omitted: unchanged."""
        c = Checker()
        reason_v = c.text("reason", reason, "de reden", 4000) if reason is not None else None
        c.done()
        with self._write() as s:
            ref = get_live(s, Referral, referral_id, "Deze verwijzing")
            self._check_access(ref)
            # Load and check everything first: a query after the first change would
            # flush it on its own and split this save into two change entries.
            if not isinstance(coach_id, _Unset):
                self._check_refs(s, coach_id, None, None)
            if (not isinstance(follow_up_on, _Unset) and follow_up_on is not None
                    and follow_up_on < ref.registered_on):
                raise ValidationError(FieldError(
                    "follow_up_on", "De datum om op te volgen ligt vóór de aanmelding. "
                    "Kies de datum van aanmelding of later."))
            if (not isinstance(follow_up_on, _Unset) and follow_up_on is not None
                    and follow_up_on != ref.follow_up_on):
                self._check_follow_up_consent(s, ref.resident_id)
            orgs = (load_many(s, Organisation, destination_organisation_ids,
                              "destination_organisation_ids", "Een gekozen organisatie")
                    if destination_organisation_ids is not None else None)
            acts = (load_many(s, Activity, destination_activity_ids,
                              "destination_activity_ids", "Een gekozen activiteit")
                    if destination_activity_ids is not None else None)
            old_orgs = {o.id for o in ref.destination_organisations}
            old_acts = {a.id for a in ref.destination_activities}
            if not isinstance(coach_id, _Unset) and ref.coach_id != coach_id:
                ref.coach_id = coach_id
            if not isinstance(follow_up_on, _Unset) and ref.follow_up_on != follow_up_on:
                ref.follow_up_on = follow_up_on
            if orgs is not None and old_orgs != {o.id for o in orgs}:
                ref.destination_organisations = orgs
            if acts is not None and old_acts != {a.id for a in acts}:
                ref.destination_activities = acts
            if reason_v is not None and ref.reason != reason_v:
                ref.reason = reason_v
            s.flush()
            return self._view(s, ref)

    def delete(self, referral_id: uuid.UUID) -> None:
        """Mark a referral as deleted (it stays in the change log and can sync)."""
        with self._write() as s:
            ref = get_live(s, Referral, referral_id, "Deze verwijzing")
            self._check_access(ref)
            ref.deleted_at = utcnow()

    # -- queries ------------------------------------------------------------------------
    def get(self, referral_id: uuid.UUID) -> ReferralDetail:
        with self._read() as s:
            ref = get_live(s, Referral, referral_id, "Deze verwijzing")
            self._check_access(ref)
            view = self._view(s, ref)
            events = tuple(
                ReferralEventRow(
                    id=e.id, status=e.status, status_label=status_label(e.status),
                    occurred_on=e.occurred_on, worker_id=e.worker_id,
                    worker_name=wname or "", note=e.note,
                )
                for e, wname in s.execute(
                    select(ReferralEvent, Worker.name)
                    .outerjoin(Worker, Worker.id == ReferralEvent.worker_id)
                    .where(ReferralEvent.referral_id == ref.id,
                           ReferralEvent.deleted_at.is_(None))
                    .order_by(ReferralEvent.occurred_on, ReferralEvent.hlc)
                )
            )
            intake = self._scores(s, ref.id, ScoreMoment.INTAKE.value)
            closing = self._scores(s, ref.id, ScoreMoment.CLOSING.value)
            return ReferralDetail(view, events, intake, closing)

    def list(self, flt: ReferralFilter | None = None) -> list[ReferralRow]:
        """Referrals matching the filter: overdue first, then by follow-up date."""
        flt = flt or ReferralFilter()
        today = flt.today or dt.date.today()
        with self._read() as s:
            return [self._row(r, today) for r in s.execute(self._query(flt, today))]

    def board(self, flt: ReferralFilter | None = None) -> dict[str, builtins.list[ReferralRow]]:
        """The referrals per status (every status present, in state-machine order)."""
        board: dict[str, builtins.list[ReferralRow]] = {st.value: [] for st in ReferralStatus}
        for row in self.list(flt):
            board.setdefault(row.status, []).append(row)
        return board

    def follow_ups(self, coach_id: uuid.UUID | None = None,
                   today: dt.date | None = None) -> builtins.list[ReferralRow]:
        """Open referrals whose follow-up date is today or earlier (all coaches if None),
        of residents whose consent for following up a referral is active."""
        today = today or dt.date.today()
        flt = ReferralFilter(coach_id=coach_id, open_only=True, today=today)
        with self._read() as s:
            q = self._query(flt, today).where(
                Referral.follow_up_on <= today,
                Referral.resident_id.in_(consented_ids(FOLLOW_UP_PURPOSE)))
            return [self._row(r, today) for r in s.execute(q)]

    def follow_up_allowed(self, resident_id: uuid.UUID) -> bool:
        """Whether a follow-up date may be set for this resident's referrals (their
        consent for following up a referral is active)."""
        with self._read() as s:
            return has_active_consent(s, resident_id, FOLLOW_UP_PURPOSE)

    # -- internals ----------------------------------------------------------------------
    @staticmethod
    def _check_follow_up_consent(s: Session, resident_id: uuid.UUID | None) -> None:
        if resident_id is None or not has_active_consent(s, resident_id, FOLLOW_UP_PURPOSE):
            raise ValidationError(FieldError(
                "follow_up_on", consent_missing("follow_up_on", FOLLOW_UP_PURPOSE)))

    def _check_refs(self, s: Session, coach_id: uuid.UUID | None,
                    venue_id: uuid.UUID | None, org_id: uuid.UUID | None) -> None:
        c = Checker()
        checks: tuple[tuple[str, type[Worker | Venue | Organisation], uuid.UUID | None, str],
                      ...] = (
            ("coach_id", Worker, coach_id, "Deze coach"),
            ("source_venue_id", Venue, venue_id, "Deze vindplaats"),
            ("referring_organisation_id", Organisation, org_id, "Deze organisatie"),
        )
        for fname, model, id_, what in checks:
            if id_ is None:
                continue
            found = s.execute(select(model.deleted_at).where(model.id == id_)).first()
            if found is None or found[0] is not None:
                c.fail(fname, f"{what} bestaat niet (meer). Kies opnieuw.")
        c.done()

    def _put_scores(self, s: Session, referral_id: uuid.UUID, moment: str,
                    measured_on: dt.date, scores: dict[str, int]) -> PositiveHealthScore:
        row = s.scalars(
            select(PositiveHealthScore).where(
                PositiveHealthScore.referral_id == referral_id,
                PositiveHealthScore.moment == moment,
                PositiveHealthScore.deleted_at.is_(None),
            ).order_by(PositiveHealthScore.hlc.desc())
        ).first()
        if row is None:
            row = PositiveHealthScore(id=uuid7(), referral_id=referral_id, moment=moment,
                                      measured_on=measured_on, **scores)
            s.add(row)
            return row
        if row.measured_on != measured_on:
            row.measured_on = measured_on
        for key, value in scores.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
        return row

    def _scores(self, s: Session, referral_id: uuid.UUID, moment: str) -> ScoreSet | None:
        row = s.scalars(
            select(PositiveHealthScore).where(
                PositiveHealthScore.referral_id == referral_id,
                PositiveHealthScore.moment == moment,
                PositiveHealthScore.deleted_at.is_(None),
            ).order_by(PositiveHealthScore.hlc.desc())
        ).first()
        return _score_set(row) if row is not None else None

    def _view(self, s: Session, ref: Referral) -> ReferralView:
        resident = s.get(Resident, ref.resident_id)
        coach = s.get(Worker, ref.coach_id) if ref.coach_id else None
        venue = s.get(Venue, ref.source_venue_id) if ref.source_venue_id else None
        org = (s.get(Organisation, ref.referring_organisation_id)
               if ref.referring_organisation_id else None)
        orgs = sorted(ref.destination_organisations, key=lambda o: o.name.lower())
        acts = sorted(ref.destination_activities, key=lambda a: a.name.lower())
        status = ReferralStatus(ref.status)
        return ReferralView(
            id=ref.id,
            resident_id=ref.resident_id,
            resident_alias=resident.alias if resident else "",
            pathway=ref.pathway,
            pathway_label=Pathway.label_of(ref.pathway),
            source=ref.source,
            source_label=ReferralSource.label_of(ref.source),
            source_venue_id=ref.source_venue_id,
            source_venue_name=venue.name if venue else "",
            referring_organisation_id=ref.referring_organisation_id,
            referring_organisation_name=org.name if org else "",
            coach_id=ref.coach_id,
            coach_name=coach.name if coach else "",
            registered_on=ref.registered_on,
            reason=ref.reason,
            status=ref.status,
            status_label=status_label(status),
            follow_up_on=ref.follow_up_on,
            outcome=ref.outcome,
            outcome_label=Outcome.label_of(ref.outcome),
            outcome_note=ref.outcome_note,
            destination_organisation_ids=tuple(o.id for o in orgs),
            destination_organisation_names=tuple(o.name for o in orgs),
            destination_activity_ids=tuple(a.id for a in acts),
            destination_activity_names=tuple(a.name for a in acts),
            next_statuses=tuple(x.value for x in
                                _sorted_statuses(REFERRAL_TRANSITIONS[status])),
        )

    def _check_access(self, ref: Referral) -> None:
        """Welfare coaches work on their caseload; see :mod:`..security.permissions`."""
        require(self.services.actor(), "referral.view",
                ReferralAccess(ref.coach_id, ref.created_by, ref.status))

    def _caseload(self, q: Select[Any]) -> Select[Any]:
        """Only the referrals the current worker may see (all for coordinators)."""
        actor = self.services.actor()
        if allowed(actor, "referral.view"):
            return q
        me = actor.worker_id
        if me is None or actor.role is None:
            return q.where(false())
        conds = [Referral.coach_id == me, Referral.created_by == me]
        if actor.role == Role.WELFARE_COACH.value:
            conds.append(and_(Referral.coach_id.is_(None),
                              Referral.status == ReferralStatus.REGISTERED.value))
        return q.where(or_(*conds))

    def _query(self, flt: ReferralFilter, today: dt.date) -> Select[Any]:
        is_closed = Referral.status.in_(_CLOSED_CODES)
        overdue = case(
            ((Referral.follow_up_on < today) & ~is_closed, 1), else_=0
        ).label("overdue")
        last_event = (
            select(func.max(ReferralEvent.occurred_on))
            .where(ReferralEvent.referral_id == Referral.id, ReferralEvent.deleted_at.is_(None))
            .correlate(Referral)
            .scalar_subquery()
            .label("last_event_on")
        )
        q = (
            select(Referral.id, Referral.resident_id, Resident.alias, Referral.pathway,
                   Referral.status, Referral.coach_id, Worker.name, Referral.registered_on,
                   Referral.follow_up_on, overdue, last_event)
            .join(Resident, Resident.id == Referral.resident_id)
            .outerjoin(Worker, Worker.id == Referral.coach_id)
            .where(Referral.deleted_at.is_(None))
        )
        q = self._caseload(q)
        if flt.coach_id is not None:
            q = q.where(Referral.coach_id == flt.coach_id)
        if flt.pathway:
            q = q.where(Referral.pathway == flt.pathway)
        if flt.source:
            q = q.where(Referral.source == flt.source)
        statuses = tuple(flt.statuses) + ((flt.status,) if flt.status else ())
        if statuses:
            q = q.where(Referral.status.in_(statuses))
        if flt.open_only:
            q = q.where(~is_closed)
        if flt.overdue_only:
            q = q.where(Referral.follow_up_on < today, ~is_closed)
        text = flt.text.strip()
        if text:
            q = q.where(or_(
                func.lower(Resident.alias).contains(text.lower(), autoescape=True),
                Resident.alias_key.contains(normalise_alias(text), autoescape=True),
            ))
        return q.order_by(
            overdue.desc(),
            Referral.follow_up_on.is_(None),
            Referral.follow_up_on,
            Referral.registered_on,
            Referral.id,
        )

    @staticmethod
    def _row(r: Any, today: dt.date) -> ReferralRow:
        (id_, resident_id, alias, pathway, status, coach_id, coach_name, registered_on,
         follow_up_on, overdue, last_event_on) = r
        closed = status in _CLOSED_CODES
        end = (last_event_on or today) if closed else today
        return ReferralRow(
            id=id_,
            resident_id=resident_id,
            resident_alias=alias,
            pathway=pathway,
            pathway_label=Pathway.label_of(pathway),
            status=status,
            status_label=status_label(status),
            coach_id=coach_id,
            coach_name=coach_name or "",
            registered_on=registered_on,
            follow_up_on=follow_up_on,
            overdue=bool(overdue),
            days_open=max(0, (end - registered_on).days),
        )


def clear_follow_ups(s: Session, resident_id: uuid.UUID) -> int:
    """Remove the follow-up dates of the resident's open referrals (consent for
    following up was withdrawn); a normal save, so it syncs. Returns how many."""
    refs = s.scalars(select(Referral).where(
        Referral.resident_id == resident_id, Referral.deleted_at.is_(None),
        Referral.follow_up_on.is_not(None), Referral.status.not_in(_CLOSED_CODES))).all()
    for ref in refs:
        ref.follow_up_on = None
    return len(refs)


def _score_set(row: PositiveHealthScore) -> ScoreSet:
    return ScoreSet(
        id=row.id,
        moment=row.moment,
        measured_on=row.measured_on,
        scores=tuple((code, label, int(getattr(row, code))) for code, label in HEALTH_DIMENSIONS),
    )


__all__ = [
    "UNSET",
    "ReferralDetail",
    "ReferralEventRow",
    "ReferralFilter",
    "ReferralInput",
    "ReferralRow",
    "ReferralService",
    "ReferralView",
    "ScoreSet",
    "check_scores",
    "status_label",
]
