"""The append-only audit log: sign-ins (success and failure), exports, views of a
resident's personal details, erasures and purges, role changes and account
changes.

Each device appends to its own chain (``device_id``, ``seq`` from 1): an entry's
``hash`` is ``sha256(prev_hash + canonical entry)`` where the canonical entry is
the JSON (sorted keys, no spaces) of the fields in :func:`canonical`. Changing,
removing or inserting any entry breaks the chain, which :meth:`AuditService.
verify_chain` reports. Entries are synced records, so they reach the programme
team; database triggers refuse updates and deletes.

Entries never hold personal details: a resident is named by id only.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import uuid
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..services.base import ServiceBase
from .models import AuditEntry
from .permissions import require


class AuditAction(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_IN_THROTTLED = "sign_in_throttled"
    UNLOCK = "unlock"
    EXPORT = "export"
    PERSONAL_VIEW = "personal_view"
    ERASURE = "erasure"
    PURGE = "purge"
    ROLE_CHANGE = "role_change"
    ACCOUNT_CHANGE = "account_change"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    ACCESS_REPORT = "access_report"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[AuditAction, str] = {
    AuditAction.SIGN_IN: "Aangemeld",
    AuditAction.SIGN_IN_FAILED: "Aanmelden mislukt",
    AuditAction.SIGN_IN_THROTTLED: "Aanmelden geweigerd (te veel pogingen)",
    AuditAction.UNLOCK: "Scherm ontgrendeld",
    AuditAction.EXPORT: "Export gemaakt",
    AuditAction.PERSONAL_VIEW: "Persoonlijke gegevens bekeken",
    AuditAction.ERASURE: "Gegevens gewist",
    AuditAction.PURGE: "Bewaartermijn: gegevens opgeschoond",
    AuditAction.ROLE_CHANGE: "Rol gewijzigd",
    AuditAction.ACCOUNT_CHANGE: "Account gewijzigd",
    AuditAction.CONSENT_WITHDRAWN: "Toestemming ingetrokken",
    AuditAction.ACCESS_REPORT: "Inzageverzoek gemaakt",
}


def action_label(action: str) -> str:
    try:
        return AuditAction(action).label
    except ValueError:
        return action


@dataclass(frozen=True)
class AuditEntryView:
    id: uuid.UUID
    device_id: uuid.UUID | None
    seq: int
    at: dt.datetime
    action: str
    actor_id: uuid.UUID | None
    actor_name: str
    username: str
    target_entity: str
    target_id: uuid.UUID | None
    detail: dict[str, Any]
    hash: str

    @property
    def action_label(self) -> str:
        return action_label(self.action)


def _s(v: uuid.UUID | None) -> str | None:
    return str(v) if v is not None else None


def canonical(e: AuditEntry) -> str:
    """The entry as hashed: everything that says what happened, in a fixed form."""
    return json.dumps({
        "device_id": _s(e.device_id),
        "seq": e.seq,
        "at": e.at.isoformat(),
        "action": e.action,
        "actor_id": _s(e.actor_id),
        "username": e.username or "",
        "target_entity": e.target_entity or "",
        "target_id": _s(e.target_id),
        "detail": e.detail or "{}",
    }, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def entry_hash(prev_hash: str, e: AuditEntry) -> str:
    return hashlib.sha256((prev_hash + canonical(e)).encode("utf-8")).hexdigest()


def append_entry(s: Session, device_id: uuid.UUID, actor_id: uuid.UUID | None, action: str,
                 *, username: str = "", target_entity: str = "",
                 target_id: uuid.UUID | None = None,
                 detail: dict[str, Any] | None = None) -> AuditEntry:
    """Add one entry to this device's chain inside an open write session
    (``Database.write``): it commits or rolls back with the action it records."""
    from ..ids import uuid7
    from ..models import utcnow

    last = s.execute(
        select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.device_id == device_id)
        .order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, "")
    e = AuditEntry(
        id=uuid7(), device_id=device_id, created_by=actor_id, seq=seq, at=utcnow(),
        action=str(action), actor_id=actor_id, username=username[:80],
        target_entity=target_entity, target_id=target_id,
        detail=json.dumps(detail or {}, ensure_ascii=False, separators=(",", ":"),
                          sort_keys=True),
        prev_hash=prev,
    )
    e.created_at = e.at
    e.hash = entry_hash(prev, e)
    s.add(e)
    s.flush()
    return e


class AuditService(ServiceBase):
    """Writing (any service) and reading, verifying and exporting (admin only)."""

    def record(self, action: str, *, username: str = "", target_entity: str = "",
               target_id: uuid.UUID | None = None,
               detail: dict[str, Any] | None = None) -> None:
        """Append one entry for the current worker, in its own transaction."""
        with self._write() as s:
            append_entry(s, self.db.device_id, self.worker_id, action, username=username,
                         target_entity=target_entity, target_id=target_id, detail=detail)

    def record_export(self, report: str, file_name: str, rows: int | None = None) -> None:
        """For every export of data (reports, audit log): who, what, which file."""
        require(self.services.actor(), "export")
        self.record(AuditAction.EXPORT, target_entity="export",
                    detail={"report": report, "file": Path(file_name).name, "rows": rows})

    # -- reading (admin) ------------------------------------------------------------
    def entries(self, action: str | None = None, device_id: uuid.UUID | None = None,
                limit: int = 1000, offset: int = 0) -> list[AuditEntryView]:
        """Newest first."""
        require(self.services.actor(), "audit.view")
        from ..models import Worker

        with self._read() as s:
            q = (select(AuditEntry, Worker.name)
                 .outerjoin(Worker, Worker.id == AuditEntry.actor_id))
            if action:
                q = q.where(AuditEntry.action == action)
            if device_id:
                q = q.where(AuditEntry.device_id == device_id)
            q = q.order_by(AuditEntry.at.desc(), AuditEntry.seq.desc()).limit(limit).offset(offset)
            return [_view(e, name) for e, name in s.execute(q)]

    def count(self) -> int:
        require(self.services.actor(), "audit.view")
        with self._read() as s:
            return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)

    def verify_chain(self) -> list[str]:
        """Problems found in the hash chains of all devices ([] when intact), in Dutch."""
        require(self.services.actor(), "audit.view")
        problems: list[str] = []
        with self._read() as s:
            devices = [d for (d,) in s.execute(select(AuditEntry.device_id).distinct())]
            for dev in devices:
                prev = ""
                expected = 1
                short = str(dev)[:8] if dev else "?"
                for e in s.scalars(select(AuditEntry).where(AuditEntry.device_id == dev)
                                   .order_by(AuditEntry.seq)):
                    where = f"regel {e.seq} van apparaat {short}"
                    if e.seq != expected:
                        problems.append(
                            f"Het controlelogboek van apparaat {short} mist regels "
                            f"(verwacht {expected}, gevonden {e.seq}).")
                    if e.prev_hash != prev:
                        problems.append(f"De schakel voor {where} klopt niet: er is een regel "
                                        "weggehaald, toegevoegd of gewijzigd.")
                    if entry_hash(e.prev_hash, e) != e.hash:
                        problems.append(f"De inhoud van {where} is gewijzigd na het opslaan.")
                    prev = e.hash
                    expected = e.seq + 1
            gone = s.connection().exec_driver_sql(
                "SELECT COUNT(*) FROM change_log c WHERE c.entity = 'audit_entry' AND "
                "c.op = 'insert' AND NOT EXISTS (SELECT 1 FROM audit_entry a "
                "WHERE a.id = c.record_id)").scalar_one()
            if gone:
                problems.append(f"Er zijn {gone} regels uit het controlelogboek verdwenen.")
        return problems

    # -- export (admin) -----------------------------------------------------------
    def export(self, path: Path | str, file_format: str = "csv") -> int:
        """Write the whole audit log (oldest first) to CSV or JSON; return the count.
        The export itself is recorded in the log."""
        require(self.services.actor(), "audit.view")
        views = list(reversed(self.entries(limit=10**9)))
        p = Path(path)
        rows = [_row(v) for v in views]
        if file_format == "json":
            p.write_text(json.dumps({"entries": rows, "problems": self.verify_chain()},
                                    ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            with p.open("w", newline="", encoding="utf-8-sig") as fh:
                w = csv.DictWriter(fh, fieldnames=list(EXPORT_COLUMNS), delimiter=";")
                w.writeheader()
                for r in rows:
                    w.writerow({k: r[k] for k in EXPORT_COLUMNS})
        self.record(AuditAction.EXPORT, target_entity="audit_entry",
                    detail={"report": "audit_log", "file": p.name, "rows": len(rows)})
        return len(rows)


EXPORT_COLUMNS = ("at", "device_id", "seq", "action", "action_label", "actor_id",
                  "actor_name", "username", "target_entity", "target_id", "detail", "hash")


def _row(v: AuditEntryView) -> dict[str, Any]:
    d = asdict(v)
    d["at"] = v.at.isoformat(sep=" ", timespec="seconds")
    for k in ("id", "device_id", "actor_id", "target_id"):
        d[k] = _s(d[k])
    d["action_label"] = v.action_label
    d["detail"] = json.dumps(v.detail, ensure_ascii=False, sort_keys=True)
    return d


def _view(e: AuditEntry, actor_name: str | None) -> AuditEntryView:
    try:
        detail = json.loads(e.detail or "{}")
    except ValueError:
        detail = {"raw": e.detail}
    return AuditEntryView(e.id, e.device_id, e.seq, e.at, e.action, e.actor_id,
                          actor_name or "", e.username, e.target_entity, e.target_id,
                          detail if isinstance(detail, dict) else {"raw": detail}, e.hash)
