"""Accounts, sign-in throttling and the audit log.

* :class:`Account` and :class:`LoginThrottle` are LOCAL to this device: they are
  not synced records, so password hashes never leave the device.
* :class:`AuditEntry` is a synced record (``__entity__ = "audit_entry"``): every
  entry travels to the programme team like any other change. Each device keeps
  its own hash chain (``device_id``, ``seq``): ``hash = sha256(prev_hash +
  canonical entry)``. Database triggers refuse any change or removal of an
  audit row (see :data:`AUDIT_TRIGGER_SQL`).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..models.base import Base, Synced, utcnow


class Account(Base):
    """A local sign-in of one worker on this device (not synced)."""

    __tablename__ = "account"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    worker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("worker.id"))
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(400))
    active: Mapped[bool] = mapped_column(default=True)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    # The master key wrapped under a key derived from the password (security/crypto.py,
    # docs/encryption.md); None for an account made while the data was locked.
    key_wrap: Mapped[str | None] = mapped_column(Text, default=None)


class LoginThrottle(Base):
    """Wrong passwords in a row per username, and when the next try is allowed
    (seconds since the epoch). Kept in the database, so a restart does not reset it."""

    __tablename__ = "login_throttle"

    username: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    next_allowed_at: Mapped[float] = mapped_column(Float, default=0.0)


class AuditEntry(Synced, Base):
    """One line of the append-only audit log (synced; chained per device)."""

    __tablename__ = "audit_entry"
    __entity__ = "audit_entry"

    seq: Mapped[int] = mapped_column(BigInteger)  # position in this device's chain, from 1
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    action: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(default=None)  # the worker acting
    username: Mapped[str] = mapped_column(String(80), default="")
    target_entity: Mapped[str] = mapped_column(String(40), default="")
    target_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON object, never personal data
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (
        UniqueConstraint("device_id", "seq", name="uq_audit_entry_device_seq"),
        Index("ix_audit_entry_at", "at"),
    )


# Columns an audit row may never change once written. Re-applying the very same
# values (a sync engine folding a record it already has) is allowed.
AUDIT_CONTENT_COLUMNS = (
    "id", "seq", "at", "action", "actor_id", "username", "target_entity", "target_id",
    "detail", "prev_hash", "hash", "device_id", "created_by", "created_at", "deleted_at",
)

AUDIT_TRIGGER_SQL = [
    "CREATE TRIGGER trg_audit_entry_no_update BEFORE UPDATE ON audit_entry WHEN "
    + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in AUDIT_CONTENT_COLUMNS)
    + " BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END",
    "CREATE TRIGGER trg_audit_entry_no_remove BEFORE DELETE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END",
]
AUDIT_TRIGGER_DROP_SQL = [
    "DROP TRIGGER IF EXISTS trg_audit_entry_no_update",
    "DROP TRIGGER IF EXISTS trg_audit_entry_no_remove",
]


class DataKeyShare(Synced, Base):
    """An older data key of one device, shared with its team (synced, write-once).

    A device that joins a team after it already encrypted personal data with its
    own key shares that key this way, sealed (AES-GCM) under the team's data key
    (``sealed_with``), so the other devices can read those older values. See
    :mod:`.keyshare` and docs/encryption.md."""

    __tablename__ = "data_key_share"
    __entity__ = "data_key_share"

    key_id: Mapped[str] = mapped_column(String(16))
    sealed_with: Mapped[str] = mapped_column(String(16))
    sealed: Mapped[str] = mapped_column(Text)


def _register() -> None:
    """Make the audit log and the key shares synced entities (sync, checks, bulk order)."""
    from .. import models

    for model in (AuditEntry, DataKeyShare):
        if model not in models.SYNCED_MODELS:
            models.SYNCED_MODELS.append(model)
        models.MODEL_BY_ENTITY.setdefault(model.__entity__, model)


_register()
