"""The change log (outbox) and the device's own bookkeeping.

Every save writes, in the same transaction, one ``change_log`` row per changed
record: device id, a gap-free per-device sequence number, a hybrid logical clock
timestamp, entity, record id, the changed fields with their new values and the
schema version. Database triggers refuse any synced row whose (id, hlc) has no
change entry, so data cannot be written without one.
"""

import uuid

from sqlalchemy import BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

# Version of the change payload format; bump when the meaning of fields changes.
CHANGE_SCHEMA_VERSION = 2  # 2: updates carry the field versions they overwrote (prev)


class ChangeLog(Base):
    __tablename__ = "change_log"

    device_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hlc: Mapped[int] = mapped_column(BigInteger)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID]
    op: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    fields: Mapped[str] = mapped_column(Text)  # JSON object: field -> new value
    schema_version: Mapped[int] = mapped_column(default=CHANGE_SCHEMA_VERSION)
    worker_id: Mapped[uuid.UUID | None] = mapped_column(default=None)

    __table_args__ = (Index("ix_change_log_record", "record_id", "hlc"),)


class DeviceClock(Base):
    """Sequence and clock of each device id this database has written as.

    ``acked_seq`` is the highest sequence number the hub has durably stored.
    """

    __tablename__ = "device_clock"

    device_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    acked_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class LocalSetting(Base):
    """Settings of this database (not synced): current device id, file identity,
    the last used neighbourhood and so on."""

    __tablename__ = "local_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
