"""Local bookkeeping tables of sync (never synced themselves).

* ``change_prev``: for each change entry, the field versions its writer had in
  front of it when saving (``prev``): lets every copy tell a sequential edit
  from a concurrent one, the same way on every device.
* ``sync_conflict``: a losing value that nobody has seen yet, kept for review.
* ``sync_peer``: every other device seen through the hub: pinned public key,
  last bundle, clock offset.
* ``sync_bundle``: bundles held (newer app version) or quarantined, with reason.
* ``sync_apply_note``: filled and emptied inside one apply transaction; lets a
  merge rewrite a row without raising its clock (see migration 0004).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..models.base import Base


class ChangePrev(Base):
    __tablename__ = "change_prev"

    device_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    prev: Mapped[str] = mapped_column(Text)  # JSON: field -> [[hlc, device hex], ...]


class SyncConflict(Base):
    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    record_id: Mapped[uuid.UUID]
    entity: Mapped[str] = mapped_column(String(40))
    field: Mapped[str] = mapped_column(String(60))
    # field | edit_vs_delete | status_sequence | duplicate
    kind: Mapped[str] = mapped_column(String(20))
    winner_value: Mapped[str] = mapped_column(Text)  # JSON
    winner_device: Mapped[uuid.UUID | None]
    winner_worker: Mapped[uuid.UUID | None]
    winner_hlc: Mapped[int] = mapped_column(BigInteger)
    loser_value: Mapped[str] = mapped_column(Text)  # JSON
    loser_device: Mapped[uuid.UUID]
    loser_worker: Mapped[uuid.UUID | None]
    loser_hlc: Mapped[int] = mapped_column(BigInteger)
    detected_at: Mapped[dt.datetime]
    resolved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolution: Mapped[str | None] = mapped_column(String(40), default=None)

    __table_args__ = (Index("ix_sync_conflict_open", "resolved_at", "record_id"),)


class SyncPeer(Base):
    __tablename__ = "sync_peer"

    device_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    public_key: Mapped[str] = mapped_column(String(100), default="")  # base64, pinned
    last_seen: Mapped[dt.datetime | None] = mapped_column(default=None)
    clock_offset_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    flagged: Mapped[bool] = mapped_column(default=False)
    last_bundle_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_bundle_hash: Mapped[str] = mapped_column(String(64), default="")


class SyncBundle(Base):
    __tablename__ = "sync_bundle"

    source: Mapped[str] = mapped_column(String(400), primary_key=True)  # device dir/name
    device_id: Mapped[uuid.UUID | None]
    state: Mapped[str] = mapped_column(String(20))  # held | quarantined
    reason: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(80), default="")
    seen_at: Mapped[dt.datetime]


class SyncApplyNote(Base):
    __tablename__ = "sync_apply_note"

    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)


__all__ = ["ChangePrev", "SyncApplyNote", "SyncBundle", "SyncConflict", "SyncPeer"]
