"""Schema and domain rules. No Qt here.

The model modules do without ``from __future__ import annotations`` on purpose: with
real annotation objects SQLAlchemy need not evaluate a string for every mapped
attribute, which makes declaring the models (at every start) about 10% faster.
Quote only forward references (``Mapped[list["ReferralEvent"]]``).
"""

from .base import Base, Synced, UUIDBytes, utcnow
from .changelog import CHANGE_SCHEMA_VERSION, ChangeLog, DeviceClock, LocalSetting
from .people import Device, Resident, ResidentConsent, Worker
from .reference import (
    Neighbourhood,
    Organisation,
    OrganisationService,
    ProgrammeLine,
    TargetGroup,
    Topic,
    Track,
    Venue,
)
from .work import (
    Activity,
    Attendance,
    Encounter,
    ExportRecord,
    PositiveHealthScore,
    Referral,
    ReferralEvent,
    Session,
)

# Every synced model, parents before children (the order records are applied in).
SYNCED_MODELS: list[type[Synced]] = [
    Device,
    Neighbourhood,
    Organisation,
    OrganisationService,
    TargetGroup,
    Topic,
    Track,
    ProgrammeLine,
    Venue,
    Worker,
    Resident,
    ResidentConsent,
    Activity,
    Session,
    Attendance,
    Encounter,
    Referral,
    ReferralEvent,
    PositiveHealthScore,
    ExportRecord,
]
MODEL_BY_ENTITY: dict[str, type[Synced]] = {m.__entity__: m for m in SYNCED_MODELS}

__all__ = [
    "CHANGE_SCHEMA_VERSION",
    "MODEL_BY_ENTITY",
    "SYNCED_MODELS",
    "Activity",
    "Attendance",
    "Base",
    "ChangeLog",
    "Device",
    "DeviceClock",
    "Encounter",
    "ExportRecord",
    "LocalSetting",
    "Neighbourhood",
    "Organisation",
    "OrganisationService",
    "PositiveHealthScore",
    "ProgrammeLine",
    "Referral",
    "ReferralEvent",
    "Resident",
    "ResidentConsent",
    "Session",
    "Synced",
    "TargetGroup",
    "Topic",
    "Track",
    "UUIDBytes",
    "Venue",
    "Worker",
    "utcnow",
]
from ..security import models as _security_models  # noqa: E402,F401
from ..sync import tables as _sync_tables  # noqa: E402,F401  (sync bookkeeping tables)
from . import redaction as _redaction  # noqa: E402,F401  (erasure: redaction register)
