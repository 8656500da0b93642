"""Reference data kept centrally by coordinators and flowing to every device."""

import uuid

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Retirable, Synced


class Neighbourhood(Synced, Retirable, Base):
    __tablename__ = "neighbourhood"
    __entity__ = "neighbourhood"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    municipality: Mapped[str] = mapped_column(String(120))
    is_focus: Mapped[bool] = mapped_column(default=False)
    is_demo: Mapped[bool] = mapped_column(default=False)


class Venue(Synced, Retirable, Base):
    __tablename__ = "venue"
    __entity__ = "venue"

    name: Mapped[str] = mapped_column(String(160))
    kind: Mapped[str] = mapped_column(String(40))
    neighbourhood_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("neighbourhood.id"))

    neighbourhood: Mapped[Neighbourhood | None] = relationship(lazy="joined")

    __table_args__ = (Index("ix_venue_name", "name"),)


class Organisation(Synced, Retirable, Base):
    __tablename__ = "organisation"
    __entity__ = "organisation"

    name: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="other")
    description: Mapped[str] = mapped_column(Text, default="")

    services: Mapped[list["OrganisationService"]] = relationship(
        back_populates="organisation", order_by="OrganisationService.name"
    )


class OrganisationService(Synced, Retirable, Base):
    """A service an organisation offers as a referral destination (schuldhulp, ...)."""

    __tablename__ = "organisation_service"
    __entity__ = "organisation_service"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"))
    name: Mapped[str] = mapped_column(String(160))

    organisation: Mapped[Organisation] = relationship(back_populates="services")


class TargetGroup(Synced, Retirable, Base):
    __tablename__ = "target_group"
    __entity__ = "target_group"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(160))


class Topic(Synced, Retirable, Base):
    __tablename__ = "topic"
    __entity__ = "topic"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))


class Track(Synced, Retirable, Base):
    """One of the five tracks (vijf sporen) of the local approach."""

    __tablename__ = "track"
    __entity__ = "track"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))


class ProgrammeLine(Synced, Retirable, Base):
    __tablename__ = "programme_line"
    __entity__ = "programme_line"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(160))


def association(name: str, left: str, right: str) -> Table:
    """A plain two-column association table; rows are derived from a list field."""
    return Table(
        name,
        Base.metadata,
        Column(f"{left}_id", Base.type_annotation_map[uuid.UUID], ForeignKey(f"{left}.id"),
               primary_key=True),
        Column(f"{right}_id", Base.type_annotation_map[uuid.UUID], ForeignKey(f"{right}.id"),
               primary_key=True),
        Index(f"ix_{name}_{right}", f"{right}_id", f"{left}_id"),
    )
