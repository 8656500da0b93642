"""Residents: a pseudonym registry with optional, consented personal details.

A resident is known by an alias. ``alias_key`` (the alias in lower case, without
accents, single spaces: see :func:`normalise_alias`) is what search and the
duplicate warning compare; every path that writes a resident (import, sync) must
keep it filled with :func:`normalise_alias`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session as OrmSession

from ..enums import (
    AttendanceRole,
    ConsentPurpose,
    EncounterKind,
    Gender,
    Pathway,
    ReferralSource,
    ReferralStatus,
)
from ..errors import GezondError, PermissionDenied, ValidationError
from ..ids import uuid7
from ..models import (
    Activity,
    Attendance,
    Encounter,
    Neighbourhood,
    Organisation,
    Referral,
    ReferralEvent,
    Resident,
    ResidentConsent,
    Session,
    TargetGroup,
    Venue,
    Worker,
    utcnow,
)
from ..models.work import encounter_resident
from ..security.audit import AuditAction, append_entry
from ..security.permissions import Actor, allowed, require
from .base import Checker, ServiceBase, get_live

ALIAS_MAX = 80
SIMILAR_RATIO = 0.8


def normalise_alias(alias: str) -> str:
    """The alias as search and duplicate checks compare it: lower case, no accents,
    single spaces ("  Fatima  El-Amrani " and "fatıma el-amrani" differ, "Fátima" and
    "fatima" do not)."""
    decomposed = unicodedata.normalize("NFKD", alias)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())[:ALIAS_MAX]




# -- plain data ----------------------------------------------------------------------


@dataclass(frozen=True)
class ResidentInput:
    alias: str
    full_name: str | None = None
    phone: str | None = None
    email: str | None = None
    birth_year: int | None = None
    gender: str = Gender.NOT_RECORDED.value
    neighbourhood_id: uuid.UUID | None = None
    target_group_ids: tuple[uuid.UUID, ...] = ()
    notes: str = ""
    # Consents given now: (purpose, given_on). They are recorded in the same save,
    # before the personal details are checked against them.
    consents: tuple[tuple[str, dt.date], ...] = ()


# Which consent a personal field needs (docs/privacy.md).
FIELD_PURPOSE: dict[str, str] = {
    "full_name": ConsentPurpose.REGISTRATION.value,
    "notes": ConsentPurpose.REGISTRATION.value,
    "phone": ConsentPurpose.CONTACT.value,
    "email": ConsentPurpose.CONTACT.value,
}
_FIELD_NL = {"full_name": "de naam", "notes": "de notitie", "phone": "het telefoonnummer",
             "email": "het e-mailadres", "follow_up_on": "de datum om op te volgen"}

AUDIT_CONSENT_WITHDRAWN = AuditAction.CONSENT_WITHDRAWN


def consent_missing(field_name: str, purpose: str) -> str:
    """The Dutch message for a value that needs a consent the resident has not given."""
    return (f"Leg eerst de toestemming '{ConsentPurpose.label_of(purpose)}' vast, of maak "
            f"{_FIELD_NL.get(field_name, 'dit veld')} leeg.")


def active_purposes(r: Resident) -> set[str]:
    return {c.purpose for c in r.consents if c.withdrawn_on is None and c.deleted_at is None}


def has_active_consent(s: OrmSession, resident_id: uuid.UUID, purpose: str) -> bool:
    return s.scalar(select(ResidentConsent.id).where(
        ResidentConsent.resident_id == resident_id, ResidentConsent.purpose == purpose,
        ResidentConsent.withdrawn_on.is_(None), ResidentConsent.deleted_at.is_(None),
    ).limit(1)) is not None


def consented_ids(purpose: str = ConsentPurpose.REGISTRATION.value) -> Any:
    """A select of the ids of residents with an active consent for ``purpose``."""
    return select(ResidentConsent.resident_id).where(
        ResidentConsent.purpose == purpose, ResidentConsent.withdrawn_on.is_(None),
        ResidentConsent.deleted_at.is_(None))


@dataclass(frozen=True)
class WithdrawResult:
    """What a withdrawal cleared (for the screen and the audit log)."""

    consent: ConsentView
    cleared_fields: tuple[str, ...] = ()  # resident fields emptied
    cleared_follow_ups: int = 0  # open referral follow-up dates removed


@dataclass(frozen=True)
class ConsentView:
    id: uuid.UUID
    resident_id: uuid.UUID
    purpose: str
    given_on: dt.date
    recorded_by: uuid.UUID | None
    withdrawn_on: dt.date | None
    recorded_by_name: str = ""
    withdrawn_by: uuid.UUID | None = None
    withdrawn_by_name: str = ""

    @property
    def purpose_label(self) -> str:
        return ConsentPurpose.label_of(self.purpose)

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


@dataclass(frozen=True)
class ResidentView:
    id: uuid.UUID
    alias: str
    full_name: str | None
    phone: str | None
    email: str | None
    birth_year: int | None
    gender: str
    neighbourhood_id: uuid.UUID | None
    neighbourhood_name: str
    target_group_ids: tuple[uuid.UUID, ...]
    target_group_names: tuple[str, ...]
    notes: str
    consents: tuple[ConsentView, ...] = ()
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    # True when personal details (full_name, phone, email, notes) were withheld:
    # the worker may not see them, or the view comes from a list.
    personal_hidden: bool = False

    @property
    def gender_label(self) -> str:
        return Gender.label_of(self.gender)

    def has_consent(self, purpose: str) -> bool:
        return any(c.purpose == purpose and c.active for c in self.consents)


@dataclass(frozen=True)
class TimelineItem:
    """One step in a resident's history, as the resident page shows it."""

    date: dt.date
    kind: str  # encounter | referral | referral_status | attendance | became_volunteer
    title: str  # Dutch
    detail: str  # Dutch
    record_id: uuid.UUID | None = None


class DuplicateSuspected(GezondError):
    """A new resident looks like one (or more) already in the registry.

    ``candidates`` is ranked, most likely first. Show them; save anyway with
    ``create(..., allow_duplicate=True)`` when it really is someone else.
    """

    def __init__(self, candidates: list[ResidentView]) -> None:
        self.candidates = candidates
        first = candidates[0]
        facts = [str(f) for f in (first.birth_year, first.neighbourhood_name) if f]
        who = first.alias + (f" ({', '.join(facts)})" if facts else "")
        more = f" en {len(candidates) - 1} andere" if len(candidates) > 1 else ""
        super().__init__(
            f"Deze inwoner staat misschien al in de lijst: {who}{more}. Kies de inwoner "
            "die er al is, of sla toch op als het echt iemand anders is."
        )


def _consent_view(c: ResidentConsent, names: dict[uuid.UUID, str] | None = None,
                  withdrawn_by: uuid.UUID | None = None) -> ConsentView:
    names = names or {}
    return ConsentView(c.id, c.resident_id, c.purpose, c.given_on, c.recorded_by,
                       c.withdrawn_on,
                       recorded_by_name=names.get(c.recorded_by, "") if c.recorded_by else "",
                       withdrawn_by=withdrawn_by,
                       withdrawn_by_name=names.get(withdrawn_by, "") if withdrawn_by else "")


def consent_views(s: OrmSession, consents: list[ResidentConsent]) -> tuple[ConsentView, ...]:
    """The consents with the names of who recorded and who withdrew them (the
    withdrawal's worker comes from its audit entry)."""
    from ..security.models import AuditEntry

    live = [c for c in consents if c.deleted_at is None]
    if not live:
        return ()
    withdrawn = [c.id for c in live if c.withdrawn_on is not None]
    by: dict[uuid.UUID, uuid.UUID] = {}
    if withdrawn:
        for target, actor in s.execute(
                select(AuditEntry.target_id, AuditEntry.actor_id).where(
                    AuditEntry.action == AUDIT_CONSENT_WITHDRAWN,
                    AuditEntry.target_id.in_(withdrawn)).order_by(AuditEntry.at)):
            if target is not None and actor is not None:
                by[target] = actor
    ids = {c.recorded_by for c in live if c.recorded_by} | set(by.values())
    names: dict[uuid.UUID, str] = {
        i: n for i, n in s.execute(select(Worker.id, Worker.name).where(Worker.id.in_(ids)))
    } if ids else {}
    return tuple(_consent_view(c, names, by.get(c.id)) for c in live)


PERSONAL_FIELDS = ("full_name", "phone", "email", "notes")


def has_personal(r: Resident) -> bool:
    return bool(r.full_name or r.phone or r.email or r.notes)


def masked(view: ResidentView) -> ResidentView:
    """The view without personal details (``personal_hidden`` tells the screen)."""
    if not (view.full_name or view.phone or view.email or view.notes):
        return view
    return replace(view, full_name=None, phone=None, email=None, notes="",
                   personal_hidden=True)


def theirs_condition(worker_id: uuid.UUID) -> ColumnElement[bool]:
    """Residents that are "theirs" for a worker: registered by them, met by them
    in a logged contact, or in a referral they coach."""
    et = encounter_resident
    met = (select(et.c.resident_id).join(Encounter, Encounter.id == et.c.encounter_id)
           .where(Encounter.worker_id == worker_id, Encounter.deleted_at.is_(None)))
    coached = select(Referral.resident_id).where(Referral.coach_id == worker_id,
                                                 Referral.deleted_at.is_(None))
    return or_(Resident.created_by == worker_id, Resident.id.in_(met), Resident.id.in_(coached))


def _view(s: OrmSession, r: Resident, names: bool = True) -> ResidentView:
    """``names``: look up who recorded and withdrew each consent (not for lists)."""
    groups = sorted(r.target_groups, key=lambda g: g.name.casefold())
    # By id, not through r.neighbourhood: that may still be the one before a change.
    nb = s.get(Neighbourhood, r.neighbourhood_id) if r.neighbourhood_id else None
    return ResidentView(
        id=r.id,
        alias=r.alias,
        full_name=r.full_name,
        phone=r.phone,
        email=r.email,
        birth_year=r.birth_year,
        gender=r.gender,
        neighbourhood_id=r.neighbourhood_id,
        neighbourhood_name=nb.name if nb else "",
        target_group_ids=tuple(g.id for g in groups),
        target_group_names=tuple(g.name for g in groups),
        notes=r.notes,
        consents=(consent_views(s, list(r.consents)) if names else
                  tuple(_consent_view(c) for c in r.consents if c.deleted_at is None)),
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


@dataclass
class _Clean:
    values: dict[str, Any] = field(default_factory=dict)
    groups: list[TargetGroup] = field(default_factory=list)


_PHONE_CHARS = set("0123456789+-() ")


class ResidentService(ServiceBase):
    # -- create, change, remove --------------------------------------------------------
    def create(self, inp: ResidentInput, allow_duplicate: bool = False) -> ResidentView:
        """Add a resident. Raises :class:`DuplicateSuspected` (nothing saved) when the
        resident looks like one already there, unless ``allow_duplicate``."""
        new_consents = self._check_new_consents(inp.consents)
        with self._write() as s:
            clean = self._validate(s, inp)
            self._check_personal(clean.values, {p for p, _ in new_consents},
                                 tuple(FIELD_PURPOSE))
            if not allow_duplicate:
                dups = self._duplicates(
                    s, clean.values["alias"], clean.values["birth_year"],
                    clean.values["neighbourhood_id"], None,
                )
                if dups:
                    raise DuplicateSuspected(dups)
            r = Resident(id=uuid7(), **clean.values)
            r.target_groups = clean.groups
            s.add(r)
            s.flush()
            for purpose, on in new_consents:
                s.add(ResidentConsent(id=uuid7(), resident_id=r.id, purpose=purpose,
                                      given_on=on, recorded_by=self.worker_id))
            s.flush()
            s.refresh(r, ["consents"])
            return _view(s, r)

    def update(self, resident_id: uuid.UUID, inp: ResidentInput) -> ResidentView:
        """Change a resident. A worker who may not see the personal details keeps
        them as they are (the masked view has them empty); setting other values
        for them is refused."""
        actor = self.services.actor()
        new_consents = self._check_new_consents(inp.consents)
        with self._write() as s:
            r = get_live(s, Resident, resident_id, "Deze inwoner")
            clean = self._validate(s, inp)
            may_see = self._may_see(s, actor, r.id)
            if not may_see:
                for k in PERSONAL_FIELDS:
                    new = clean.values[k]
                    if new and new != getattr(r, k):
                        require(actor, "resident.personal")  # raises: not theirs
                    clean.values[k] = getattr(r, k)
            active = active_purposes(r)
            # Values this worker gives (the masked ones are kept as they are).
            checked = tuple(k for k in FIELD_PURPOSE
                            if may_see or clean.values[k] != getattr(r, k))
            self._check_personal(clean.values, active | {p for p, _ in new_consents},
                                 checked)
            for purpose, on in new_consents:
                if purpose not in active:
                    s.add(ResidentConsent(id=uuid7(), resident_id=r.id, purpose=purpose,
                                          given_on=on, recorded_by=self.worker_id))
            with s.no_autoflush:  # one flush, so one change entry with every field
                for k, v in clean.values.items():
                    if getattr(r, k) != v:
                        setattr(r, k, v)
                if {g.id for g in r.target_groups} != {g.id for g in clean.groups}:
                    r.target_groups = clean.groups
            s.flush()
            if new_consents:
                s.refresh(r, ["consents"])
            view = _view(s, r)
            return view if may_see else masked(view)

    def delete(self, resident_id: uuid.UUID) -> None:
        """Mark the resident as deleted (records that mention them keep pointing at it)."""
        with self._write() as s:
            r = get_live(s, Resident, resident_id, "Deze inwoner")
            r.deleted_at = utcnow()

    # -- read ----------------------------------------------------------------------------
    def get(self, resident_id: uuid.UUID) -> ResidentView:
        """One resident. Personal details only when this worker may see them (then
        the view is audited); otherwise they are None and ``personal_hidden``."""
        actor = self.services.actor()
        with self._read() as s:
            r = get_live(s, Resident, resident_id, "Deze inwoner")
            view = _view(s, r)
            if not has_personal(r):
                return view
            if not self._may_see(s, actor, r.id):
                return masked(view)
        self._audit_view(view.id, "get")
        return view

    def get_personal(self, resident_id: uuid.UUID) -> ResidentView:
        """One resident with personal details, asked for explicitly: refused with
        :class:`PermissionDenied` when this worker may not see them. Audited."""
        actor = self.services.actor()
        with self._read() as s:
            r = get_live(s, Resident, resident_id, "Deze inwoner")
            if not self._may_see(s, actor, r.id):
                require(actor, "resident.personal")
                raise PermissionDenied("U mag de persoonlijke gegevens van deze inwoner "
                                       "niet zien. Vraag het aan de coördinator.")
            view = _view(s, r)
        self._audit_view(view.id, "get_personal")
        return view

    def may_see_personal(self, resident_id: uuid.UUID) -> bool:
        """Whether the current worker may see this resident's personal details."""
        actor = self.services.actor()
        with self._read() as s:
            return self._may_see(s, actor, resident_id)

    def _may_see(self, s: OrmSession, actor: Actor, resident_id: uuid.UUID) -> bool:
        if allowed(actor, "resident.personal"):
            return True
        if actor.worker_id is None or actor.role is None:
            return False
        from ..security.permissions import ResidentLink

        theirs = s.scalar(select(Resident.id).where(
            Resident.id == resident_id, theirs_condition(actor.worker_id))) is not None
        return allowed(actor, "resident.personal", ResidentLink(created_by_actor=theirs))

    def _audit_view(self, resident_id: uuid.UUID, how: str) -> None:
        with self._write() as s:
            append_entry(s, self.db.device_id, self.worker_id, AuditAction.PERSONAL_VIEW,
                         target_entity="resident", target_id=resident_id,
                         detail={"via": how})

    def search(self, text: str, limit: int = 50) -> list[ResidentView]:
        """Residents whose alias contains ``text`` (any case, accents ignored);
        aliases that start with it come first."""
        key = normalise_alias(text)
        with self._read() as s:
            q = select(Resident).where(Resident.deleted_at.is_(None))
            if key:
                pattern = "%" + _escape_like(key) + "%"
                q = q.where(Resident.alias_key.like(pattern, escape="\\")).order_by(
                    func.instr(Resident.alias_key, key), Resident.alias_key, Resident.id
                )
            else:
                q = q.order_by(Resident.alias_key, Resident.id)
            return [masked(_view(s, r, names=False)) for r in s.scalars(q.limit(max(1, limit)))]

    def likely_duplicates(self, alias: str, birth_year: int | None = None,
                          neighbourhood_id: uuid.UUID | None = None,
                          exclude_id: uuid.UUID | None = None) -> list[ResidentView]:
        """Residents that may be the same person, most likely first.

        A candidate has the same alias (after :func:`normalise_alias`) or a similar
        one (difflib ratio >= 0.8), and nothing that rules them out: a birth year
        more than one year apart, or another neighbourhood. Unknown values never rule
        out. Ranking: same alias first, then the number of matching facts (same birth
        year counts 2, one year apart 1, same neighbourhood 1), then similarity.
        """
        with self._read() as s:
            return self._duplicates(s, normalise_alias(alias), birth_year, neighbourhood_id,
                                    exclude_id)

    def _duplicates(self, s: OrmSession, alias: str, birth_year: int | None,
                    neighbourhood_id: uuid.UUID | None,
                    exclude_id: uuid.UUID | None) -> list[ResidentView]:
        key = normalise_alias(alias)
        if not key:
            return []
        n = len(key)
        # ratio = 2*M/(len_a+len_b) >= 0.8 needs the shorter at least 2/3 of the longer.
        lo, hi = (2 * n + 2) // 3, (3 * n) // 2
        q = select(Resident).where(
            Resident.deleted_at.is_(None),
            func.length(Resident.alias_key).between(lo, hi),
        )
        if birth_year is not None:
            q = q.where(or_(Resident.birth_year.is_(None),
                            Resident.birth_year.between(birth_year - 1, birth_year + 1)))
        if neighbourhood_id is not None:
            q = q.where(or_(Resident.neighbourhood_id.is_(None),
                            Resident.neighbourhood_id == neighbourhood_id))
        if exclude_id is not None:
            q = q.where(Resident.id != exclude_id)
        scored: list[tuple[tuple[int, int, float, str], Resident]] = []
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(key)
        for r in s.scalars(q):
            other = r.alias_key or normalise_alias(r.alias)
            if other == key:
                ratio = 1.0
            else:
                matcher.set_seq1(other)
                if matcher.real_quick_ratio() < SIMILAR_RATIO or \
                        matcher.quick_ratio() < SIMILAR_RATIO:
                    continue
                ratio = matcher.ratio()
                if ratio < SIMILAR_RATIO:
                    continue
            facts = 0
            if birth_year is not None and r.birth_year is not None:
                facts += 2 if r.birth_year == birth_year else 1
            if neighbourhood_id is not None and r.neighbourhood_id == neighbourhood_id:
                facts += 1
            scored.append(((0 if other == key else 1, -facts, -ratio, other), r))
        scored.sort(key=lambda t: t[0])
        return [masked(_view(s, r, names=False)) for _, r in scored[:20]]

    # -- consent -------------------------------------------------------------------------
    def add_consent(self, resident_id: uuid.UUID, purpose: str,
                    given_on: dt.date | None = None) -> ConsentView:
        """Record that the resident gave consent for ``purpose`` (enums.ConsentPurpose)."""
        given_on = given_on or dt.date.today()
        c = Checker()
        purpose_v = c.choice("purpose", purpose, ConsentPurpose, "waarvoor de toestemming is")
        c.not_future("given_on", given_on, "De datum van de toestemming")
        c.done()
        with self._write() as s:
            r = get_live(s, Resident, resident_id, "Deze inwoner")
            if any(x.purpose == purpose_v and x.withdrawn_on is None and x.deleted_at is None
                   for x in r.consents):
                raise ValidationError(
                    "Deze toestemming is al vastgelegd. U hoeft niets te doen.", "purpose")
            consent = ResidentConsent(id=uuid7(), resident_id=r.id, purpose=purpose_v,
                                      given_on=given_on, recorded_by=self.worker_id)
            s.add(consent)
            s.flush()
            return consent_views(s, [consent])[0]

    def withdraw_consent(self, consent_id: uuid.UUID,
                         on: dt.date | None = None) -> ConsentView:
        """The resident withdraws a consent: a date is set, nothing is removed from
        the consent itself; what the consent allowed is cleared (see
        :meth:`withdraw`)."""
        return self.withdraw(consent_id, on).consent

    def withdraw(self, consent_id: uuid.UUID, on: dt.date | None = None) -> WithdrawResult:
        """Withdraw a consent and stop further use, in one save (which syncs):

        * ``registration``: the resident's name and notes are emptied;
        * ``contact``: phone and e-mail are emptied;
        * ``referral_follow_up``: open follow-up dates of the resident's referrals
          are removed.

        The withdrawal is recorded (date; who in the audit log)."""
        on = on or dt.date.today()
        with self._write() as s:
            consent = get_live(s, ResidentConsent, consent_id, "Deze toestemming")
            c = Checker()
            c.not_future("withdrawn_on", on, "De datum van intrekken")
            if consent.withdrawn_on is not None:
                c.fail("withdrawn_on", "Deze toestemming is al ingetrokken. U hoeft niets te doen.")
            elif on < consent.given_on:
                c.fail("withdrawn_on", "De datum van intrekken ligt voor de datum van de "
                       "toestemming. Kies een latere datum.")
            c.done()
            r = s.get(Resident, consent.resident_id)
            consent.withdrawn_on = on
            s.flush()
            cleared: list[str] = []
            follow_ups = 0
            if r is not None and r.deleted_at is None:
                # Another active consent for the same purpose (recorded twice on two
                # devices) still allows what it allows.
                still = any(x.id != consent.id and x.purpose == consent.purpose
                            and x.withdrawn_on is None and x.deleted_at is None
                            for x in r.consents)
                if not still:
                    cleared, follow_ups = self._clear_for(s, r, consent.purpose)
            append_entry(s, self.db.device_id, self.worker_id, AUDIT_CONSENT_WITHDRAWN,
                         target_entity="resident_consent", target_id=consent.id,
                         detail={"resident_id": str(consent.resident_id),
                                 "purpose": consent.purpose, "withdrawn_on": on.isoformat(),
                                 "cleared": cleared, "follow_ups_cleared": follow_ups})
            s.flush()
            view = consent_views(s, [consent])[0]
            return WithdrawResult(view, tuple(cleared), follow_ups)

    def _clear_for(self, s: OrmSession, r: Resident, purpose: str) -> tuple[list[str], int]:
        cleared: list[str] = []
        with s.no_autoflush:  # one change entry for the resident
            for k, p in FIELD_PURPOSE.items():
                if p != purpose:
                    continue
                empty = "" if k == "notes" else None
                if getattr(r, k):
                    setattr(r, k, empty)
                    cleared.append(k)
        follow_ups = 0
        if purpose == ConsentPurpose.REFERRAL_FOLLOW_UP.value:
            from .referrals import clear_follow_ups

            follow_ups = clear_follow_ups(s, r.id)
        s.flush()
        return cleared, follow_ups

    # -- history -------------------------------------------------------------------------
    def timeline(self, resident_id: uuid.UUID) -> list[TimelineItem]:
        """Contacts, referrals and their status steps, and activity attendance of one
        resident, oldest first. The first time the resident helps as a volunteer after
        having taken part as a participant is an item of its own ('became_volunteer')."""
        # (date, order within a day, time or '', item)
        entries: list[tuple[dt.date, int, str, TimelineItem]] = []
        with self._read() as s:
            get_live(s, Resident, resident_id, "Deze inwoner")
            entries += self._encounter_items(s, resident_id)
            entries += self._referral_items(s, resident_id)
            entries += self._attendance_items(s, resident_id)
        entries.sort(key=lambda e: (e[0], e[1], e[2]))
        return [e[3] for e in entries]

    def _encounter_items(self, s: OrmSession,
                         resident_id: uuid.UUID) -> list[tuple[dt.date, int, str, TimelineItem]]:
        et = encounter_resident
        q = (
            select(Encounter.id, Encounter.occurred_at, Encounter.kind, Encounter.head_count,
                   Encounter.notes, Neighbourhood.name, Venue.name, Worker.name)
            .join(et, et.c.encounter_id == Encounter.id)
            .outerjoin(Neighbourhood, Neighbourhood.id == Encounter.neighbourhood_id)
            .outerjoin(Venue, Venue.id == Encounter.venue_id)
            .outerjoin(Worker, Worker.id == Encounter.worker_id)
            .where(et.c.resident_id == resident_id, Encounter.deleted_at.is_(None))
        )
        out = []
        for eid, at, kind, heads, notes, nb, venue, worker in s.execute(q):
            parts = [p for p in (venue, nb) if p]
            if worker:
                parts.append(f"door {worker}")
            if heads > 1:
                parts.append(f"{heads} mensen")
            if notes:
                parts.append(_short(notes))
            item = TimelineItem(at.date(), "encounter",
                                f"Contact: {EncounterKind.label_of(kind).lower()}",
                                " · ".join(parts), eid)
            out.append((at.date(), 2, at.isoformat(), item))
        return out

    def _referral_items(self, s: OrmSession,
                        resident_id: uuid.UUID) -> list[tuple[dt.date, int, str, TimelineItem]]:
        out = []
        q = (
            select(Referral.id, Referral.registered_on, Referral.pathway, Referral.source,
                   Referral.reason, Organisation.name, Worker.name)
            .outerjoin(Organisation, Organisation.id == Referral.referring_organisation_id)
            .outerjoin(Worker, Worker.id == Referral.coach_id)
            .where(Referral.resident_id == resident_id, Referral.deleted_at.is_(None))
        )
        for rid, on, pathway, source, reason, org, coach in s.execute(q):
            parts = [f"via {ReferralSource.label_of(source).lower()}"]
            if org:
                parts.append(org)
            if coach:
                parts.append(f"coach: {coach}")
            if reason:
                parts.append(_short(reason))
            item = TimelineItem(on, "referral", f"Verwijzing: {Pathway.label_of(pathway)}",
                                " · ".join(parts), rid)
            out.append((on, 0, "", item))
        # Status steps; 'registered' is the referral item itself.
        q2 = (
            select(ReferralEvent.id, ReferralEvent.occurred_on, ReferralEvent.status,
                   ReferralEvent.note, ReferralEvent.hlc, Referral.pathway)
            .join(Referral, Referral.id == ReferralEvent.referral_id)
            .where(Referral.resident_id == resident_id, Referral.deleted_at.is_(None),
                   ReferralEvent.deleted_at.is_(None),
                   ReferralEvent.status != ReferralStatus.REGISTERED.value)
        )
        for evid, on, status, note, hlc, pathway in s.execute(q2):
            detail = Pathway.label_of(pathway) + (f" · {_short(note)}" if note else "")
            item = TimelineItem(on, "referral_status",
                                f"Verwijzing: {ReferralStatus.label_of(status).lower()}",
                                detail, evid)
            out.append((on, 1, f"{hlc:020d}", item))
        return out

    def _attendance_items(self, s: OrmSession,
                          resident_id: uuid.UUID) -> list[tuple[dt.date, int, str, TimelineItem]]:
        q = (
            select(Attendance.id, Attendance.role, Session.held_on, Activity.name,
                   Neighbourhood.name)
            .join(Session, Session.id == Attendance.session_id)
            .join(Activity, Activity.id == Session.activity_id)
            .outerjoin(Neighbourhood, Neighbourhood.id == Activity.neighbourhood_id)
            .where(and_(Attendance.resident_id == resident_id,
                        Attendance.deleted_at.is_(None), Session.deleted_at.is_(None)))
        )
        rows = list(s.execute(q))
        # Participant before volunteer on the same day, so a same-day step counts.
        rows.sort(key=lambda r: (r[2], r[1] != AttendanceRole.PARTICIPANT.value, r[3]))
        out = []
        was_participant = False
        became_volunteer = False
        for i, (aid, role, on, activity, nb) in enumerate(rows):
            volunteer = role == AttendanceRole.VOLUNTEER.value
            title = f"Vrijwilliger bij {activity}" if volunteer else f"Deelname aan {activity}"
            detail = AttendanceRole.label_of(role) + (f" · {nb}" if nb else "")
            order = f"{i:06d}"
            out.append((on, 3, order, TimelineItem(on, "attendance", title, detail, aid)))
            if not volunteer:
                was_participant = True
            elif was_participant and not became_volunteer:
                became_volunteer = True
                out.append((on, 3, order + "+", TimelineItem(
                    on, "became_volunteer", "Van deelnemer naar vrijwilliger",
                    f"Voor het eerst vrijwilliger, bij {activity}", aid)))
        return out

    # -- consent rules -------------------------------------------------------------------
    @staticmethod
    def _check_new_consents(given: tuple[tuple[str, dt.date], ...]
                            ) -> list[tuple[str, dt.date]]:
        c = Checker()
        out: list[tuple[str, dt.date]] = []
        for purpose, on in given:
            code = c.choice("purpose", purpose, ConsentPurpose, "waarvoor de toestemming is")
            c.not_future("given_on", on, "De datum van de toestemming")
            if code is not None and code not in {p for p, _ in out}:
                out.append((code, on or dt.date.today()))
        c.done()
        return out

    @staticmethod
    def _check_personal(values: dict[str, Any], purposes: set[str],
                        fields: tuple[str, ...]) -> None:
        """Personal details only with the consent that allows them (FIELD_PURPOSE)."""
        c = Checker()
        for k in fields:
            need = FIELD_PURPOSE[k]
            if values.get(k) and need not in purposes:
                c.fail(k, consent_missing(k, need))
        c.done()

    # -- validation ----------------------------------------------------------------------
    def _validate(self, s: OrmSession, inp: ResidentInput) -> _Clean:
        c = Checker()
        alias = c.text("alias", inp.alias, "de schuilnaam", ALIAS_MAX, required=True)
        full_name = c.text("full_name", inp.full_name, "de naam", 160) or None
        phone = c.text("phone", inp.phone, "het telefoonnummer", 40) or None
        if phone and (not set(phone) <= _PHONE_CHARS or sum(ch.isdigit() for ch in phone) < 6):
            c.fail("phone", "Dit telefoonnummer klopt niet. Gebruik alleen cijfers, "
                   "bijvoorbeeld 06 12345678.")
        email = c.text("email", inp.email, "het e-mailadres", 160) or None
        if email and ("@" not in email or " " in email or "." not in email.split("@")[-1]):
            c.fail("email", "Dit e-mailadres klopt niet. Controleer het, "
                   "bijvoorbeeld naam@voorbeeld.nl.")
        this_year = dt.date.today().year
        c.int_range("birth_year", inp.birth_year, 1900, this_year,
                    f"Vul een geboortejaar in tussen 1900 en {this_year}, of laat het leeg.")
        gender = c.choice("gender", inp.gender or Gender.NOT_RECORDED.value, Gender,
                          "het geslacht") or Gender.NOT_RECORDED.value
        notes = c.text("notes", inp.notes, "de notitie", 4000)
        if inp.neighbourhood_id is not None:
            nb = s.get(Neighbourhood, inp.neighbourhood_id)
            if nb is None or nb.deleted_at is not None:
                c.fail("neighbourhood_id", "Deze buurt bestaat niet (meer). "
                       "Kies een buurt uit de lijst.")
        groups: list[TargetGroup] = []
        ids = list(dict.fromkeys(inp.target_group_ids))
        if ids:
            found = {g.id: g for g in s.scalars(select(TargetGroup).where(TargetGroup.id.in_(ids)))}
            if any(i not in found or found[i].deleted_at is not None for i in ids):
                c.fail("target_group_ids", "Een gekozen doelgroep bestaat niet (meer). "
                       "Kies de doelgroepen opnieuw.")
            else:
                groups = [found[i] for i in ids]
        c.done()
        return _Clean(
            values={
                "alias": alias,
                "alias_key": normalise_alias(alias),
                "full_name": full_name,
                "phone": phone,
                "email": email,
                "birth_year": inp.birth_year,
                "gender": gender,
                "neighbourhood_id": inp.neighbourhood_id,
                "notes": notes,
            },
            groups=groups,
        )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _short(text: str, n: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1] + "…"
