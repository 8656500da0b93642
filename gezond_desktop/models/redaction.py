"""The redaction register (local, never synced): change entries whose personal
fields were blanked after an erasure. See :mod:`gezond_desktop.store.redaction`
and migration 0005."""

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Index
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class ChangeRedaction(Base):
    """One redacted change entry. ``hub_pending``: an entry of this device whose
    copy on the hub still has to be rewritten."""

    __tablename__ = "change_redaction"

    device_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    redacted_at: Mapped[dt.datetime]
    hub_pending: Mapped[bool]

    __table_args__ = (Index("ix_change_redaction_pending", "hub_pending", "device_id"),)
