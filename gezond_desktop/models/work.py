"""The field work: encounters, referrals, activities, sessions and attendance."""

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, SmallInteger, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Retirable, Synced
from .people import Resident, Worker
from .reference import (
    Neighbourhood,
    Organisation,
    ProgrammeLine,
    TargetGroup,
    Topic,
    Track,
    Venue,
    association,
)
from .sealed import personal

encounter_resident = association("encounter_resident", "encounter", "resident")
encounter_topic = association("encounter_topic", "encounter", "topic")
encounter_track = association("encounter_track", "encounter", "track")
activity_track = association("activity_track", "activity", "track")
activity_target_group = association("activity_target_group", "activity", "target_group")
referral_organisation = association("referral_organisation", "referral", "organisation")
referral_activity = association("referral_activity", "referral", "activity")


class Encounter(Synced, Base):
    """A logged contact. An anonymous contact with only a head count is complete."""

    __tablename__ = "encounter"
    __entity__ = "encounter"
    __list_fields__ = {"resident_ids": "residents", "topic_ids": "topics", "track_ids": "tracks"}

    occurred_at: Mapped[dt.datetime]  # local time as the worker entered it
    worker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("worker.id"))
    neighbourhood_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("neighbourhood.id"))
    venue_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("venue.id"))
    kind: Mapped[str] = mapped_column(String(20))
    head_count: Mapped[int] = mapped_column(default=1)
    notes: Mapped[str] = personal(default="")  # encrypted (models/sealed.py)
    follow_up_on: Mapped[dt.date | None] = mapped_column(default=None)
    follow_up_done_on: Mapped[dt.date | None] = mapped_column(default=None)

    worker: Mapped[Worker] = relationship()
    neighbourhood: Mapped[Neighbourhood | None] = relationship()
    venue: Mapped[Venue | None] = relationship()
    residents: Mapped[list[Resident]] = relationship(secondary=encounter_resident)
    topics: Mapped[list[Topic]] = relationship(secondary=encounter_topic)
    tracks: Mapped[list[Track]] = relationship(secondary=encounter_track)

    __table_args__ = (
        Index("ix_encounter_list", "occurred_at", "id", sqlite_where=text("deleted_at IS NULL")),
        Index("ix_encounter_neighbourhood", "neighbourhood_id", "occurred_at"),
        Index("ix_encounter_worker", "worker_id", "occurred_at"),
        Index("ix_encounter_venue", "venue_id", "occurred_at"),
        Index(
            "ix_encounter_follow_up",
            "follow_up_on",
            sqlite_where=text("follow_up_on IS NOT NULL AND follow_up_done_on IS NULL"),
        ),
    )


class Activity(Synced, Retirable, Base):
    __tablename__ = "activity"
    __entity__ = "activity"
    __list_fields__ = {"track_ids": "tracks", "target_group_ids": "target_groups"}

    name: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text, default="")
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("organisation.id"))
    neighbourhood_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("neighbourhood.id"))
    venue_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("venue.id"))
    programme_line_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("programme_line.id"))
    schedule_kind: Mapped[str] = mapped_column(String(20), default="weekly")
    weekday: Mapped[int | None] = mapped_column(SmallInteger, default=None)  # 0 = Monday
    start_time: Mapped[dt.time | None] = mapped_column(default=None)
    starts_on: Mapped[dt.date | None] = mapped_column(default=None)
    ends_on: Mapped[dt.date | None] = mapped_column(default=None)

    organisation: Mapped[Organisation | None] = relationship()
    neighbourhood: Mapped[Neighbourhood | None] = relationship()
    venue: Mapped[Venue | None] = relationship()
    programme_line: Mapped[ProgrammeLine | None] = relationship()
    tracks: Mapped[list[Track]] = relationship(secondary=activity_track)
    target_groups: Mapped[list[TargetGroup]] = relationship(secondary=activity_target_group)


class Session(Synced, Base):
    """One session (bijeenkomst) of an activity."""

    __tablename__ = "session"
    __entity__ = "session"

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"))
    held_on: Mapped[dt.date]
    anonymous_guests: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = personal(default="")  # encrypted

    activity: Mapped[Activity] = relationship()

    __table_args__ = (Index("ix_session_activity", "activity_id", "held_on"),
                      Index("ix_session_held_on", "held_on"))


class Attendance(Synced, Base):
    """One resident at one session: one participation."""

    __tablename__ = "attendance"
    __entity__ = "attendance"

    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("session.id"))
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    role: Mapped[str] = mapped_column(String(20), default="participant")

    session: Mapped[Session] = relationship()
    resident: Mapped[Resident] = relationship()

    __table_args__ = (
        Index(
            "uq_attendance_session_resident",
            "session_id",
            "resident_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index("ix_attendance_resident", "resident_id"),
    )


class Referral(Synced, Base):
    __tablename__ = "referral"
    __entity__ = "referral"
    __list_fields__ = {
        "destination_organisation_ids": "destination_organisations",
        "destination_activity_ids": "destination_activities",
    }
    # The status is derived from the event log; it is not a field that syncs.
    __local_fields__ = frozenset({"status"})

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("resident.id"))
    pathway: Mapped[str] = mapped_column(String(30))
    source: Mapped[str] = mapped_column(String(30))
    source_venue_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("venue.id"))
    referring_organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id")
    )
    coach_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("worker.id"))
    registered_on: Mapped[dt.date]
    reason: Mapped[str] = personal(default="")  # encrypted
    status: Mapped[str] = mapped_column(String(20), default="registered")
    follow_up_on: Mapped[dt.date | None] = mapped_column(default=None)
    outcome: Mapped[str | None] = mapped_column(String(30), default=None)
    outcome_note: Mapped[str] = personal(default="")  # encrypted

    resident: Mapped[Resident] = relationship()
    coach: Mapped[Worker | None] = relationship()
    referring_organisation: Mapped[Organisation | None] = relationship()
    destination_organisations: Mapped[list[Organisation]] = relationship(
        secondary=referral_organisation
    )
    destination_activities: Mapped[list[Activity]] = relationship(secondary=referral_activity)
    events: Mapped[list["ReferralEvent"]] = relationship(
        back_populates="referral", order_by="(ReferralEvent.occurred_on, ReferralEvent.hlc)"
    )

    __table_args__ = (
        Index("ix_referral_status", "status", "follow_up_on"),
        Index("ix_referral_coach", "coach_id", "status"),
        Index("ix_referral_resident", "resident_id"),
    )


class ReferralEvent(Synced, Base):
    """One status step of a referral. Append-only: the status history is this log."""

    __tablename__ = "referral_event"
    __entity__ = "referral_event"

    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referral.id"))
    status: Mapped[str] = mapped_column(String(20))
    occurred_on: Mapped[dt.date]
    worker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("worker.id"))
    note: Mapped[str] = personal(default="")  # encrypted

    referral: Mapped[Referral] = relationship(back_populates="events")

    __table_args__ = (Index("ix_referral_event_referral", "referral_id", "occurred_on"),)


class PositiveHealthScore(Synced, Base):
    """Positive Health as the resident scores it (0-10 per dimension)."""

    __tablename__ = "positive_health_score"
    __entity__ = "positive_health_score"

    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referral.id"))
    moment: Mapped[str] = mapped_column(String(10))  # intake | closing
    measured_on: Mapped[dt.date]
    body: Mapped[int] = mapped_column(SmallInteger)
    mental: Mapped[int] = mapped_column(SmallInteger)
    meaning: Mapped[int] = mapped_column(SmallInteger)
    quality_of_life: Mapped[int] = mapped_column(SmallInteger)
    participation: Mapped[int] = mapped_column(SmallInteger)
    daily_functioning: Mapped[int] = mapped_column(SmallInteger)

    __table_args__ = (Index("ix_phs_referral", "referral_id", "moment"),)


class ExportRecord(Synced, Base):
    """Every export that was made: who, when, what and with which filters.

    It syncs, so the programme team sees every export made on any device."""

    __tablename__ = "export_record"
    __entity__ = "export_record"

    report: Mapped[str] = mapped_column(String(30))
    file_format: Mapped[str] = mapped_column(String(10))
    file_name: Mapped[str] = mapped_column(String(260), default="")
    date_from: Mapped[dt.date | None] = mapped_column(default=None)
    date_to: Mapped[dt.date | None] = mapped_column(default=None)
    filters: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    suppressed: Mapped[bool] = mapped_column(default=True)
    row_count: Mapped[int] = mapped_column(default=0)
