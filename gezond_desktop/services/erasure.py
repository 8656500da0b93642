"""Right to erasure and retention periods (see docs/erasure.md). No Qt.

* :meth:`ErasureService.erase_resident`: one action removes a resident's
  personal details and the notes about them, on this device and (through sync)
  everywhere; the records themselves stay, so every count in the reports stays
  the same.
* :meth:`ErasureService.purge_preview` / :meth:`ErasureService.purge`: the
  residents whose retention period has passed, erased in one run after a preview.

Only coordinators and admins (and the local system: CLI, scripts) may erase or
purge; every erasure, preview and purge is written to the audit log.
"""

from __future__ import annotations

import calendar
import datetime as dt
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm.attributes import flag_modified

from ..enums import CLOSED_STATUSES
from ..errors import FieldError, GezondError, NotFoundError, ValidationError
from ..models import (
    Attendance,
    Encounter,
    Referral,
    ReferralEvent,
    Resident,
    Session,
    utcnow,
)
from ..models.work import encounter_resident
from ..security.audit import AuditAction, append_entry
from ..store import redaction
from .base import ServiceBase

CONTACT_MONTHS_KEY = "retention.contact_months"
REFERRAL_MONTHS_KEY = "retention.referral_months"
MAX_MONTHS = 240
REASON_CONTACT = "contact"
REASON_REFERRAL = "referral"
REASON_LABELS = {
    REASON_CONTACT: "Geen contact meer",
    REASON_REFERRAL: "Verwijzing afgesloten",
}


@dataclass(frozen=True)
class ErasureResult:
    resident_id: uuid.UUID
    alias: str  # the neutral alias the resident has now
    records: int  # records blanked in this save (resident included)
    entries_redacted: int  # earlier change entries blanked on this device


@dataclass(frozen=True)
class RetentionSettings:
    """Months after which personal details are removed; None: no period."""

    contact_months: int | None = None  # after the last contact (no referral ever)
    referral_months: int | None = None  # after the referrals closed (none open)


@dataclass(frozen=True)
class PurgeCandidate:
    resident_id: uuid.UUID
    alias: str
    reason: str  # REASON_CONTACT | REASON_REFERRAL
    last_date: dt.date  # the date the period counts from
    due_on: dt.date

    @property
    def reason_label(self) -> str:
        return REASON_LABELS[self.reason]


@dataclass(frozen=True)
class PurgeResult:
    planned: int
    erased: list[uuid.UUID]
    cancelled: bool


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months (31 Jan + 1 month = 28/29 Feb)."""
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _as_date(v: Any) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def _raw(s: OrmSession) -> sqlite3.Connection:
    """The sqlite3 connection under the session, inside its transaction."""
    return cast(sqlite3.Connection, s.connection().connection.driver_connection)


def _blank(s: OrmSession, obj: Any) -> None:
    """Blank the personal fields of a record. Decided on the STORED values: an
    encrypted value this device cannot open reads as empty, yet must go too."""
    blanks = redaction.PERSONAL[type(obj).__entity__]
    table = type(obj).__tablename__
    stored = s.connection().exec_driver_sql(
        f"SELECT {', '.join(blanks)} FROM {table} WHERE id = ?", (obj.id.bytes,)).one()
    for (f, blank), value in zip(blanks.items(), stored, strict=True):
        if value is not None and value != "":
            setattr(obj, f, blank)
            flag_modified(obj, f)


class ErasureService(ServiceBase):
    # -- permission ----------------------------------------------------------------
    def _require(self) -> None:
        self.services.require("resident.erase")

    # -- erasure -------------------------------------------------------------------
    def erase_resident(self, resident_id: uuid.UUID, reason: str) -> ErasureResult:
        """Blank the personal details and notes of a resident and of every record
        linked to them, everywhere; keep the records (counts stay the same)."""
        self._require()
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(FieldError("reason", "Vul de reden van het wissen in."))
        result = self._erase(resident_id, reason[:200], purge=False)
        self.checkpoint()
        return result

    def _erase(self, resident_id: uuid.UUID, reason: str, purge: bool) -> ErasureResult:
        with self._write() as s:
            raw = _raw(s)
            raw.execute("PRAGMA secure_delete=ON")
            r = s.get(Resident, resident_id)
            if r is None:
                raise NotFoundError("Deze inwoner bestaat niet (meer). Vernieuw het scherm.")
            records = 1
            # First save: the linked records, so the resident's erasure entry is the
            # newest of this save (every older entry is history to redact).
            enc_ids = s.scalars(select(encounter_resident.c.encounter_id).where(
                encounter_resident.c.resident_id == resident_id)).all()
            for enc in s.scalars(select(Encounter).where(Encounter.id.in_(enc_ids))):
                records += 1
                _blank(s, enc)
            refs = list(s.scalars(select(Referral).where(Referral.resident_id == resident_id)))
            for ref in refs:
                records += 1
                _blank(s, ref)
            if refs:
                for ev in s.scalars(select(ReferralEvent).where(
                        ReferralEvent.referral_id.in_([f.id for f in refs]))):
                    records += 1
                    _blank(s, ev)
            s.flush()
            _blank(s, r)
            r.alias = redaction.neutral_alias(resident_id)
            r.alias_key = redaction.neutral_alias_key(resident_id)
            r.erased_at = utcnow()
            s.flush()
            n = redaction.redact_resident(raw, resident_id.bytes)
            self._drop_sealed_drafts(s, resident_id)
            append_entry(s, self.db.device_id, self.worker_id, AuditAction.ERASURE,
                         target_entity="resident", target_id=resident_id,
                         detail={"reason": reason, "records": records,
                                 "entries_redacted": n, "purge": purge})
            return ErasureResult(resident_id, r.alias, records, n)

    def _drop_sealed_drafts(self, s: OrmSession, resident_id: uuid.UUID) -> None:
        """Drafts on this device that mention the resident (plain drafts are
        dropped by the redaction itself; sealed ones are opened with the keyring).
        The key format is services/drafts.py's: ``draft:<form>``."""
        rid = str(resident_id)
        for key, value in s.connection().exec_driver_sql(
                "SELECT key, value FROM local_setting WHERE key LIKE 'draft:%'").all():
            if not value:
                continue
            found = rid in value
            if not found and str(value).startswith("gcm1:"):
                opened = self.db.keyring.open_bytes(value)
                found = opened is not None and rid in opened.decode("utf-8", "replace")
            if found:
                s.connection().exec_driver_sql(
                    "DELETE FROM local_setting WHERE key = ?", (key,))

    def checkpoint(self) -> None:
        """Move the write-ahead log into the database file and empty it, so the old
        values are gone from both files (freed space is zeroed: secure_delete)."""
        with self.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- retention settings --------------------------------------------------------
    def retention(self) -> RetentionSettings:
        def months(key: str) -> int | None:
            v = self.db.setting(key)
            return int(v) if v and v.isdigit() and int(v) > 0 else None

        return RetentionSettings(months(CONTACT_MONTHS_KEY), months(REFERRAL_MONTHS_KEY))

    def set_retention(self, settings: RetentionSettings) -> RetentionSettings:
        self._require()
        errors = []
        for field, value in (("contact_months", settings.contact_months),
                             ("referral_months", settings.referral_months)):
            if value is not None and not (1 <= value <= MAX_MONTHS):
                errors.append(FieldError(field, f"Kies een termijn van 1 tot {MAX_MONTHS} "
                                                "maanden, of laat het leeg (geen termijn)."))
        if errors:
            raise ValidationError(errors)
        self.db.set_setting(CONTACT_MONTHS_KEY, str(settings.contact_months or ""))
        self.db.set_setting(REFERRAL_MONTHS_KEY, str(settings.referral_months or ""))
        return self.retention()

    # -- purge ---------------------------------------------------------------------
    def purge_preview(self, today: dt.date | None = None) -> list[PurgeCandidate]:
        """The residents whose personal details are due for removal today (the
        preview is recorded in the audit log)."""
        self._require()
        found = self._due(today or dt.date.today())
        with self._write() as s:
            append_entry(s, self.db.device_id, self.worker_id, AuditAction.PURGE,
                         target_entity="resident",
                         detail={"preview": True, "count": len(found)})
        return found

    def purge(self, today: dt.date | None, expected_ids: list[uuid.UUID] | set[uuid.UUID],
              progress: Callable[[int, int], bool] | None = None) -> PurgeResult:
        """Erase exactly the residents of the preview; refuse when that set changed."""
        self._require()
        day = today or dt.date.today()
        due = self._due(day)
        if {c.resident_id for c in due} != set(expected_ids):
            raise GezondError("Sinds het voorbeeld is de lijst veranderd. Er is niets gewist. "
                              "Bekijk het voorbeeld opnieuw en voer het dan uit.")
        erased: list[uuid.UUID] = []
        cancelled = False
        for i, c in enumerate(due):
            if progress is not None and not progress(i, len(due)):
                cancelled = True
                break
            self._erase(c.resident_id, f"bewaartermijn: {c.reason_label.lower()}", purge=True)
            erased.append(c.resident_id)
        if progress is not None and not cancelled:
            progress(len(due), len(due))
        with self._write() as s:
            append_entry(s, self.db.device_id, self.worker_id, AuditAction.PURGE,
                         target_entity="resident",
                         detail={"preview": False, "planned": len(due), "count": len(erased),
                                 "cancelled": cancelled, "today": day.isoformat()})
        self.checkpoint()
        return PurgeResult(len(due), erased, cancelled)

    def _due(self, today: dt.date) -> list[PurgeCandidate]:
        settings = self.retention()
        if settings.contact_months is None and settings.referral_months is None:
            return []
        with self._read() as s:
            last: dict[uuid.UUID, dt.date] = {}

            def seen(rid: uuid.UUID, day: Any) -> None:
                d = _as_date(day)
                if d is not None and (rid not in last or d > last[rid]):
                    last[rid] = d

            residents = s.execute(select(Resident.id, Resident.alias, Resident.created_at)
                                  .where(Resident.erased_at.is_(None))).all()
            for rid, day in s.execute(
                    select(encounter_resident.c.resident_id, func.max(Encounter.occurred_at))
                    .join(Encounter, Encounter.id == encounter_resident.c.encounter_id)
                    .where(Encounter.deleted_at.is_(None))
                    .group_by(encounter_resident.c.resident_id)):
                seen(rid, day)
            for rid, day in s.execute(
                    select(Attendance.resident_id, func.max(Session.held_on))
                    .join(Session, Session.id == Attendance.session_id)
                    .where(Attendance.deleted_at.is_(None))
                    .group_by(Attendance.resident_id)):
                seen(rid, day)
            has_referral: set[uuid.UUID] = set()
            has_open: set[uuid.UUID] = set()
            closed = [st.value for st in CLOSED_STATUSES]
            for rid, registered, status in s.execute(
                    select(Referral.resident_id, Referral.registered_on, Referral.status)
                    .where(Referral.deleted_at.is_(None))):
                has_referral.add(rid)
                seen(rid, registered)
                if status not in closed:
                    has_open.add(rid)
            for rid, day in s.execute(
                    select(Referral.resident_id, func.max(ReferralEvent.occurred_on))
                    .join(Referral, Referral.id == ReferralEvent.referral_id)
                    .where(ReferralEvent.deleted_at.is_(None), Referral.deleted_at.is_(None))
                    .group_by(Referral.resident_id)):
                seen(rid, day)
        out: list[PurgeCandidate] = []
        for rid, alias, created in residents:
            if rid in has_open:
                continue
            if rid not in last:  # never a contact: count from the registration
                seen(rid, created)
            if rid in has_referral:
                months, reason = settings.referral_months, REASON_REFERRAL
            else:
                months, reason = settings.contact_months, REASON_CONTACT
            if months is None:
                continue
            due_on = add_months(last[rid], months)
            if due_on <= today:
                out.append(PurgeCandidate(rid, alias, reason, last[rid], due_on))
        out.sort(key=lambda c: (c.due_on, c.alias.casefold(), c.resident_id))
        return out


__all__ = ["ErasureResult", "ErasureService", "PurgeCandidate", "PurgeResult",
           "RetentionSettings", "add_months"]
