"""Right of access (inzageverzoek, AVG art. 15): everything this device holds about one
resident, as JSON and as an A4 PDF in Dutch.

:meth:`RightsService.access_report` collects, for one resident: their own fields,
their consents (given when, recorded by whom, withdrawn when and by whom), the
contacts they were part of, their referrals with the status history and Positive
Health scores, their attendance at activities, form drafts on this device that
mention them, and the audit-log entries about them. Records of other residents
are never included (a contact with several residents shows only the facts of the
contact itself).

Only a worker who may see the resident's personal details may make the report
(:class:`~gezond_desktop.errors.PermissionDenied` otherwise); every report made is
written to the audit log (``access_report``). Plain Python, no Qt.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session as OrmSession

from ..enums import (
    HEALTH_DIMENSIONS,
    AttendanceRole,
    ConsentPurpose,
    EncounterKind,
    Gender,
    Outcome,
    Pathway,
    ReferralSource,
    ScoreMoment,
)
from ..errors import PermissionDenied, StorageError
from ..models import (
    Activity,
    Attendance,
    Device,
    Encounter,
    LocalSetting,
    Neighbourhood,
    Organisation,
    PositiveHealthScore,
    Referral,
    ReferralEvent,
    Resident,
    ResidentConsent,
    Session,
    Venue,
    Worker,
)
from ..models.work import encounter_resident
from ..security.audit import AuditAction, action_label, append_entry
from ..security.models import AuditEntry
from .base import ServiceBase, get_live
from .drafts import DRAFT_PREFIX, load_draft
from .referrals import status_label
from .residents import consent_views

AUDIT_ACCESS_REPORT = AuditAction.ACCESS_REPORT
FORMAT = "gezond-inzage/1"
DENIED = ("U mag geen inzageverzoek maken voor deze inwoner: u mag de persoonlijke "
          "gegevens niet zien. Vraag het aan de coördinator.")

Progress = Callable[[int, int], bool]




def _iso(v: dt.date | dt.datetime | None) -> str | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.replace(microsecond=0).isoformat(sep=" ")
    return v.isoformat()


def _s(v: uuid.UUID | None) -> str | None:
    return str(v) if v is not None else None


@dataclass(frozen=True)
class AccessReport:
    """The collected data (JSON-ready: str, int, None, lists and dicts only)."""

    resident_id: uuid.UUID
    alias: str
    data: dict[str, Any]

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def write_json(self, path: Path) -> Path:
        path.write_text(self.to_json(), encoding="utf-8")
        return path

    def write_pdf(self, path: Path) -> Path:
        from ..reports.access_pdf import render_access_pdf

        return render_access_pdf(self.data, path)


class RightsService(ServiceBase):
    def access_report(self, resident_id: uuid.UUID) -> AccessReport:
        """Everything held about the resident on this device. Audited."""
        residents = self.services.residents
        if not residents.may_see_personal(resident_id):
            raise PermissionDenied(DENIED)
        with self._read() as s:
            r = get_live(s, Resident, resident_id, "Deze inwoner")
            names = _NameCache(s)
            consents = [c for c in r.consents if c.deleted_at is None]
            data: dict[str, Any] = {
                "format": FORMAT,
                "made_at": _iso(dt.datetime.now()),
                "made_by": names.worker(self.worker_id),
                "device": names.get(Device, self.db.device_id),
                "resident": self._resident(r, names),
                "consents": self._consents(s, consents),
                "contacts": self._contacts(s, r.id, names),
                "referrals": self._referrals(s, r.id, names),
                "attendance": self._attendance(s, r.id, names),
                "drafts": self._drafts(s, r.id),
                "audit": self._audit(s, r.id, [c.id for c in consents], names),
            }
            alias = r.alias
        with self._write() as s:
            append_entry(s, self.db.device_id, self.worker_id, AUDIT_ACCESS_REPORT,
                         target_entity="resident", target_id=resident_id,
                         detail={"sections": {k: len(v) for k, v in data.items()
                                              if isinstance(v, list)}})
        return AccessReport(resident_id, alias, data)

    def export_access(self, resident_id: uuid.UUID, folder: Path | str,
                      progress: Progress | None = None) -> list[Path]:
        """Make the report and write it into ``folder`` as JSON and PDF; returns both
        paths. The file names hold no name: ``inzage_<id>_<date>.json/.pdf``."""
        report = self.access_report(resident_id)
        if progress:
            progress(1, 3)
        folder = Path(folder)
        stem = f"inzage_{str(resident_id)[:8]}_{dt.date.today().isoformat()}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            json_path = report.write_json(folder / f"{stem}.json")
            if progress:
                progress(2, 3)
            pdf_path = report.write_pdf(folder / f"{stem}.pdf")
        except OSError as exc:
            raise StorageError(f"Het inzageverzoek kon niet worden opgeslagen in {folder}: "
                               f"{exc.strerror}. Kies een andere map.") from exc
        if progress:
            progress(3, 3)
        return [json_path, pdf_path]

    # -- sections ------------------------------------------------------------------------
    @staticmethod
    def _resident(r: Resident, names: _NameCache) -> dict[str, Any]:
        nb = names.get(Neighbourhood, r.neighbourhood_id)
        return {
            "id": str(r.id),
            "alias": r.alias,
            "full_name": r.full_name,
            "phone": r.phone,
            "email": r.email,
            "birth_year": r.birth_year,
            "gender": Gender.label_of(r.gender),
            "neighbourhood": nb,
            "target_groups": sorted(g.name for g in r.target_groups),
            "notes": r.notes or "",
            "registered_at": _iso(r.created_at),
            "registered_by": names.worker(r.created_by),
            "changed_at": _iso(r.updated_at),
        }

    @staticmethod
    def _consents(s: OrmSession, consents: list[ResidentConsent]) -> list[dict[str, Any]]:
        return [{
            "id": str(c.id),
            "purpose": ConsentPurpose.label_of(c.purpose),
            "given_on": _iso(c.given_on),
            "recorded_by": c.recorded_by_name,
            "withdrawn_on": _iso(c.withdrawn_on),
            "withdrawn_by": c.withdrawn_by_name or None,
        } for c in sorted(consent_views(s, consents), key=lambda c: (c.given_on, str(c.id)))]

    @staticmethod
    def _contacts(s: OrmSession, rid: uuid.UUID, names: _NameCache) -> list[dict[str, Any]]:
        q = (select(Encounter).join(encounter_resident,
                                    encounter_resident.c.encounter_id == Encounter.id)
             .where(encounter_resident.c.resident_id == rid, Encounter.deleted_at.is_(None))
             .order_by(Encounter.occurred_at, Encounter.id))
        return [{
            "id": str(e.id),
            "at": _iso(e.occurred_at),
            "kind": EncounterKind.label_of(e.kind),
            "worker": names.worker(e.worker_id),
            "neighbourhood": names.get(Neighbourhood, e.neighbourhood_id),
            "venue": names.get(Venue, e.venue_id),
            "people": e.head_count,
            "topics": sorted(t.name for t in e.topics),
            "tracks": sorted(t.name for t in e.tracks),
            "notes": e.notes or "",
            "follow_up_on": _iso(e.follow_up_on),
            "follow_up_done_on": _iso(e.follow_up_done_on),
        } for e in s.scalars(q)]

    @staticmethod
    def _referrals(s: OrmSession, rid: uuid.UUID, names: _NameCache) -> list[dict[str, Any]]:
        out = []
        refs = s.scalars(select(Referral).where(Referral.resident_id == rid,
                                                Referral.deleted_at.is_(None))
                         .order_by(Referral.registered_on, Referral.id))
        for ref in refs:
            events = s.scalars(select(ReferralEvent).where(
                ReferralEvent.referral_id == ref.id, ReferralEvent.deleted_at.is_(None))
                .order_by(ReferralEvent.occurred_on, ReferralEvent.hlc))
            scores = s.scalars(select(PositiveHealthScore).where(
                PositiveHealthScore.referral_id == ref.id,
                PositiveHealthScore.deleted_at.is_(None))
                .order_by(PositiveHealthScore.measured_on, PositiveHealthScore.id))
            out.append({
                "id": str(ref.id),
                "registered_on": _iso(ref.registered_on),
                "pathway": Pathway.label_of(ref.pathway),
                "source": ReferralSource.label_of(ref.source),
                "source_venue": names.get(Venue, ref.source_venue_id),
                "referring_organisation": names.get(Organisation,
                                                    ref.referring_organisation_id),
                "coach": names.worker(ref.coach_id),
                "reason": ref.reason or "",
                "status": status_label(ref.status),
                "follow_up_on": _iso(ref.follow_up_on),
                "outcome": Outcome.label_of(ref.outcome),
                "outcome_note": ref.outcome_note or "",
                "destination_organisations": sorted(o.name for o in
                                                    ref.destination_organisations),
                "destination_activities": sorted(a.name for a in ref.destination_activities),
                "status_history": [{
                    "id": str(ev.id),
                    "on": _iso(ev.occurred_on),
                    "status": status_label(ev.status),
                    "worker": names.worker(ev.worker_id),
                    "note": ev.note or "",
                } for ev in events],
                "positive_health": [{
                    "id": str(sc.id),
                    "moment": ScoreMoment.label_of(sc.moment),
                    "measured_on": _iso(sc.measured_on),
                    **{label: int(getattr(sc, code)) for code, label in HEALTH_DIMENSIONS},
                } for sc in scores],
            })
        return out

    @staticmethod
    def _attendance(s: OrmSession, rid: uuid.UUID, names: _NameCache) -> list[dict[str, Any]]:
        q = (select(Attendance.id, Attendance.role, Session.held_on, Activity.name,
                    Activity.neighbourhood_id)
             .join(Session, Session.id == Attendance.session_id)
             .join(Activity, Activity.id == Session.activity_id)
             .where(Attendance.resident_id == rid, Attendance.deleted_at.is_(None),
                    Session.deleted_at.is_(None))
             .order_by(Session.held_on, Attendance.id))
        return [{
            "id": str(aid),
            "on": _iso(on),
            "activity": activity,
            "neighbourhood": names.get(Neighbourhood, nb),
            "role": AttendanceRole.label_of(role),
        } for aid, role, on, activity, nb in s.execute(q)]

    def _drafts(self, s: OrmSession, rid: uuid.UUID) -> list[dict[str, Any]]:
        keys = s.scalars(select(LocalSetting.key).where(
            LocalSetting.key.like(f"{DRAFT_PREFIX}%"))).all()
        out = []
        for key in sorted(keys):
            draft = load_draft(self.db, key[len(DRAFT_PREFIX):])
            if draft is None:
                continue
            text = json.dumps(draft.data, ensure_ascii=False, sort_keys=True, default=str)
            if str(rid) in text or rid.hex in text:
                out.append({"form": draft.form_key, "saved_at": _iso(draft.saved_at),
                            "content": text})
        return out

    @staticmethod
    def _audit(s: OrmSession, rid: uuid.UUID, consent_ids: list[uuid.UUID],
               names: _NameCache) -> list[dict[str, Any]]:
        q = (select(AuditEntry).where(or_(AuditEntry.target_id == rid,
                                          AuditEntry.target_id.in_(consent_ids)))
             .order_by(AuditEntry.at, AuditEntry.seq))
        out = []
        for e in s.scalars(q):
            try:
                detail = json.loads(e.detail or "{}")
            except ValueError:
                detail = {"raw": e.detail}
            out.append({
                "id": str(e.id),
                "at": _iso(e.at),
                "action": action_label(e.action),
                "by": names.worker(e.actor_id),
                "about": e.target_entity or "",
                "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True),
            })
        return out


class _NameCache:
    """Names of reference records and workers, looked up once each."""

    def __init__(self, s: OrmSession) -> None:
        self.s = s
        self._cache: dict[tuple[type, uuid.UUID], str] = {}

    def get(self, model: Any, id_: uuid.UUID | None) -> str | None:
        if id_ is None:
            return None
        key = (model, id_)
        if key not in self._cache:
            obj = self.s.get(model, id_)
            self._cache[key] = str(getattr(obj, "name", "")) if obj is not None else ""
        return self._cache[key]

    def worker(self, id_: uuid.UUID | None) -> str | None:
        return self.get(Worker, id_)


__all__ = ["AUDIT_ACCESS_REPORT", "AccessReport", "RightsService"]
