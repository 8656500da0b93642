"""The role rules: which role may do what. Enforced in the service layer.

* Community builders and key figures (and welfare coaches) see a resident's
  personal details (name, phone, e-mail, notes) only for residents that are
  "theirs": they registered the resident, logged a contact with them, or are
  the coach of one of the resident's referrals. Coordinators and admins see
  them for everyone. Every granted view of personal details is audited.
* Welfare coaches see their caseload: referrals where they are the coach, ones
  they registered, and unassigned referrals still waiting to be picked up.
  Community builders and key figures see the referrals they registered.
* Coordinators (and admins) manage reference data and activities, make exports,
  and erase residents' details (on request or by a retention purge).
* Admins manage accounts and roles.
* No worker (``actor.worker_id is None``) is the local system: the CLI and
  scripts opened without a login. It may do everything; the GUI always signs in.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from ..enums import ReferralStatus, Role
from ..errors import PermissionDenied

COORDINATION = frozenset({Role.COORDINATOR.value, Role.ADMIN.value})
FIELD_ROLES = frozenset({Role.COMMUNITY_BUILDER.value, Role.KEY_FIGURE.value,
                         Role.WELFARE_COACH.value})

# action -> roles allowed outright (None in the set-less sense: see require()).
ROLE_RULES: dict[str, frozenset[str]] = {
    "reference.edit": COORDINATION,
    "activity.edit": COORDINATION,
    "import.reference": COORDINATION,
    "export": COORDINATION,
    "accounts.manage": frozenset({Role.ADMIN.value}),
    "role.change": frozenset({Role.ADMIN.value}),
    "audit.view": frozenset({Role.ADMIN.value}),
    "workers.manage": COORDINATION,
    "resident.personal": COORDINATION,  # plus "theirs" for field roles
    "referral.view": COORDINATION,  # plus the caseload rules
    "resident.erase": COORDINATION,  # erasure and retention purges
}

MESSAGES: dict[str, str] = {
    "reference.edit": "Alleen een coördinator mag de vaste lijsten (buurten, vindplaatsen, "
                      "organisaties) wijzigen. Vraag het aan de coördinator.",
    "activity.edit": "Alleen een coördinator mag activiteiten aanmaken, wijzigen of stoppen. "
                     "Vraag het aan de coördinator.",
    "import.reference": "Alleen een coördinator mag vaste lijsten inlezen. "
                        "Vraag het aan de coördinator.",
    "export": "Alleen een coördinator mag gegevens exporteren. Vraag het aan de coördinator.",
    "accounts.manage": "Alleen de beheerder mag accounts beheren. Vraag het aan de beheerder.",
    "role.change": "Alleen de beheerder mag rollen wijzigen. Vraag het aan de beheerder.",
    "audit.view": "Alleen de beheerder mag het controlelogboek bekijken. "
                  "Vraag het aan de beheerder.",
    "workers.manage": "Alleen een coördinator mag medewerkers toevoegen of wijzigen. "
                      "Vraag het aan de coördinator.",
    "resident.personal": "U mag de persoonlijke gegevens van deze inwoner niet zien. "
                         "Vraag het aan de coördinator.",
    "referral.view": "Deze verwijzing hoort niet bij uw caseload. "
                     "Vraag het aan de coördinator.",
    "resident.erase": "Alleen een coördinator mag gegevens van inwoners wissen of opschonen. "
                      "Vraag het aan de coördinator.",
}
NO_ACCOUNT = "U bent niet (meer) bekend als medewerker. Meld u opnieuw aan."


@dataclass(frozen=True)
class Actor:
    """Who acts: a worker and their role, or the local system (worker_id None)."""

    worker_id: uuid.UUID | None
    role: str | None

    @property
    def is_system(self) -> bool:
        return self.worker_id is None

    @property
    def coordinates(self) -> bool:
        return self.is_system or self.role in COORDINATION


SYSTEM = Actor(None, None)


@dataclass(frozen=True)
class ResidentLink:
    """What ties an actor to one resident (computed by the resident service)."""

    created_by_actor: bool = False
    met_by_actor: bool = False  # logged a contact with the resident
    coached_by_actor: bool = False  # coach of one of the resident's referrals

    @property
    def theirs(self) -> bool:
        return self.created_by_actor or self.met_by_actor or self.coached_by_actor


@dataclass(frozen=True)
class ReferralAccess:
    coach_id: uuid.UUID | None
    created_by: uuid.UUID | None
    status: str


def allowed(actor: Actor, action: str, record: Any = None) -> bool:
    if actor.is_system:
        return True
    role = actor.role
    if role is None:
        return False
    rule = ROLE_RULES.get(action)
    if rule is None:
        raise KeyError(f"unknown action {action!r}")
    if role in rule:
        return True
    if action == "resident.personal":
        return isinstance(record, ResidentLink) and record.theirs and role in FIELD_ROLES
    if action == "referral.view":
        if not isinstance(record, ReferralAccess):
            return False
        if record.coach_id == actor.worker_id or record.created_by == actor.worker_id:
            return True
        return (role == Role.WELFARE_COACH.value and record.coach_id is None
                and record.status == ReferralStatus.REGISTERED.value)
    return False


def require(actor: Actor, action: str, record: Any = None) -> None:
    """Raise :class:`PermissionDenied` with a plain Dutch message unless allowed."""
    if not actor.is_system and actor.role is None:
        raise PermissionDenied(NO_ACCOUNT)
    if not allowed(actor, action, record):
        raise PermissionDenied(MESSAGES[action])
