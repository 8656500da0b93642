"""Workers, devices and residents (pseudonymous by default)."""

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Synced
from .reference import Neighbourhood, TargetGroup, association
from .sealed import personal

resident_target_group = association("resident_target_group", "resident", "target_group")


class Worker(Synced, Base):
    __tablename__ = "worker"
    __entity__ = "worker"

    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(40))
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"))
    active: Mapped[bool] = mapped_column(default=True)


class Device(Synced, Base):
    """A device that writes changes. Its id is never reused: a copied or restored
    database file gets a new device id at the next start."""

    __tablename__ = "device"
    __entity__ = "device"

    name: Mapped[str] = mapped_column(String(120))
    replaces_device_id: Mapped[uuid.UUID | None] = mapped_column(default=None)


class Resident(Synced, Base):
    """A resident, known by an alias. Name and contact details are optional."""

    __tablename__ = "resident"
    __entity__ = "resident"
    __list_fields__ = {"target_group_ids": "target_groups"}

    alias: Mapped[str] = mapped_column(String(80))
    # Personal details: optional, only with consent, never in a central export.
    # Encrypted at rest (personal(): see models/sealed.py and docs/encryption.md).
    full_name: Mapped[str | None] = personal(160, nullable=True, default=None)
    phone: Mapped[str | None] = personal(40, nullable=True, default=None)
    email: Mapped[str | None] = personal(160, nullable=True, default=None)
    birth_year: Mapped[int | None] = mapped_column(default=None)
    gender: Mapped[str] = mapped_column(String(20), default="not_recorded")
    neighbourhood_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("neighbourhood.id"))
    notes: Mapped[str] = personal(default="")
    alias_key: Mapped[str] = mapped_column(String(80), default="")  # normalised alias
    # Set when the personal details were erased (right to erasure, retention); it
    # syncs, and a device that applies it redacts its own history (migration 0005).
    erased_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    neighbourhood: Mapped[Neighbourhood | None] = relationship(lazy="joined")
    target_groups: Mapped[list[TargetGroup]] = relationship(
        secondary=resident_target_group, lazy="selectin", order_by=TargetGroup.name
    )
    consents: Mapped[list["ResidentConsent"]] = relationship(
        back_populates="resident", lazy="selectin", order_by="ResidentConsent.given_on"
    )

    __table_args__ = (
        Index("ix_resident_alias_key", "alias_key"),
        # "Was anyone ever erased?" is asked for every batch that sync applies.
        Index("ix_resident_erased", "erased_at", sqlite_where=text("erased_at IS NOT NULL")),
    )


class ResidentConsent(Synced, Base):
    """Consent of one resident for one purpose; withdrawal is a date, never a delete."""

    __tablename__ = "resident_consent"
    __entity__ = "resident_consent"

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    purpose: Mapped[str] = mapped_column(String(40))
    given_on: Mapped[dt.date]
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("worker.id"))
    withdrawn_on: Mapped[dt.date | None] = mapped_column(default=None)

    resident: Mapped[Resident] = relationship(back_populates="consents")

    __table_args__ = (Index("ix_resident_consent_resident", "resident_id"),)
