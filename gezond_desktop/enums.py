"""Code values stored in the database, each with its Dutch label.

Codes are stable English identifiers; the label is what a user reads. The UI
translates labels through Qt; reports and CLI use them as they are. This module
lives outside the models package so that the UI can use it before SQLAlchemy
has loaded (the first window of a start, see ``ui/app.py``).
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    @property
    def label(self) -> str:
        return _LABELS[(type(self), self.value)]

    @classmethod
    def label_of(cls, code: str | None, empty: str = "") -> str:
        """The Dutch label of a stored code: ``empty`` for no code, the code itself
        when it is unknown (a value from a newer app version)."""
        if not code:
            return empty
        try:
            return cls(code).label
        except ValueError:
            return code

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def parse(cls, value: str) -> LabelledEnum | None:
        """Accept a code or a Dutch label (any case); None when neither matches."""
        v = value.strip().lower()
        for m in cls:
            if v in (m.value, m.label.lower()):
                return m
        return None


class Role(LabelledEnum):
    COMMUNITY_BUILDER = "community_builder"
    KEY_FIGURE = "key_figure"
    WELFARE_COACH = "welfare_coach"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class VenueKind(LabelledEnum):
    BABY_CAFE = "baby_cafe"
    SCHOOL = "school"
    SPORTS_CENTRE = "sports_centre"
    GP_PRACTICE = "gp_practice"
    CHILD_HEALTH_CLINIC = "child_health_clinic"
    COMMUNITY_CENTRE = "community_centre"
    MOSQUE_CULTURAL_CENTRE = "mosque_cultural_centre"
    STREET = "street"
    LIFESTYLE_DESK = "lifestyle_desk"
    HOME_VISIT = "home_visit"
    OTHER = "other"


class OrganisationKind(LabelledEnum):
    WELFARE = "welfare"
    HEALTH = "health"
    GP_PRACTICE = "gp_practice"
    MUNICIPALITY = "municipality"
    HOUSING = "housing"
    SCHOOL = "school"
    SPORTS = "sports"
    FOUNDATION = "foundation"
    OTHER = "other"


class EncounterKind(LabelledEnum):
    STREET = "street"
    VENUE = "venue"
    HOME_VISIT = "home_visit"
    PHONE = "phone"
    GROUP = "group"


class Gender(LabelledEnum):
    NOT_RECORDED = "not_recorded"
    WOMAN = "woman"
    MAN = "man"
    OTHER = "other"


class Pathway(LabelledEnum):
    WELZIJN_OP_RECEPT = "welzijn_op_recept"
    VINDPLAATS = "vindplaats"
    OTHER = "other"


class ReferralSource(LabelledEnum):
    GP = "gp"
    PRACTICE_NURSE = "practice_nurse"
    NEIGHBOURHOOD_TEAM = "neighbourhood_team"
    VENUE = "venue"
    SELF = "self"
    OTHER = "other"


class ReferralStatus(LabelledEnum):
    REGISTERED = "registered"
    CONTACT_MADE = "contact_made"
    INTAKE = "intake"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    STOPPED = "stopped"
    NOT_REACHED = "not_reached"

    @property
    def is_closed(self) -> bool:
        return self in CLOSED_STATUSES


CLOSED_STATUSES = frozenset(
    {ReferralStatus.COMPLETED, ReferralStatus.STOPPED, ReferralStatus.NOT_REACHED}
)


class Outcome(LabelledEnum):
    ACTIVITY = "activity"
    VOLUNTEERING = "volunteering"
    SERVICE = "service"
    COURSE = "course"
    NO_FURTHER_NEED = "no_further_need"
    OTHER = "other"


class ScoreMoment(LabelledEnum):
    INTAKE = "intake"
    CLOSING = "closing"


class AttendanceRole(LabelledEnum):
    PARTICIPANT = "participant"
    VOLUNTEER = "volunteer"


class ScheduleKind(LabelledEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    ONCE = "once"
    IRREGULAR = "irregular"


class ConsentPurpose(LabelledEnum):
    REGISTRATION = "registration"
    REFERRAL_FOLLOW_UP = "referral_follow_up"
    CONTACT = "contact"


WEEKDAYS_NL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# The six dimensions of Positive Health, in the order of the spider chart.
HEALTH_DIMENSIONS: list[tuple[str, str]] = [
    ("body", "Lichaamsfuncties"),
    ("mental", "Mentaal welbevinden"),
    ("meaning", "Zingeving"),
    ("quality_of_life", "Kwaliteit van leven"),
    ("participation", "Meedoen"),
    ("daily_functioning", "Dagelijks functioneren"),
]

LABELS: list[tuple[StrEnum, str]] = [
    (Role.COMMUNITY_BUILDER, "Community builder"),
    (Role.KEY_FIGURE, "Sleutelfiguur"),
    (Role.WELFARE_COACH, "Welzijnscoach"),
    (Role.COORDINATOR, "Coördinator"),
    (Role.ADMIN, "Beheerder"),
    (VenueKind.BABY_CAFE, "Babycafé (Sjpruutcafé)"),
    (VenueKind.SCHOOL, "School"),
    (VenueKind.SPORTS_CENTRE, "Sportaccommodatie"),
    (VenueKind.GP_PRACTICE, "Huisartsenpraktijk"),
    (VenueKind.CHILD_HEALTH_CLINIC, "Consultatiebureau"),
    (VenueKind.COMMUNITY_CENTRE, "Buurthuis / buurtkamer"),
    (VenueKind.MOSQUE_CULTURAL_CENTRE, "Moskee / cultureel centrum"),
    (VenueKind.STREET, "Straat / pop-up"),
    (VenueKind.LIFESTYLE_DESK, "Leefstijlloket"),
    (VenueKind.HOME_VISIT, "Huisbezoek"),
    (VenueKind.OTHER, "Anders"),
    (OrganisationKind.WELFARE, "Welzijnsorganisatie"),
    (OrganisationKind.HEALTH, "Gezondheidsdienst"),
    (OrganisationKind.GP_PRACTICE, "Huisartsenpraktijk"),
    (OrganisationKind.MUNICIPALITY, "Gemeente"),
    (OrganisationKind.HOUSING, "Woningcorporatie"),
    (OrganisationKind.SCHOOL, "School"),
    (OrganisationKind.SPORTS, "Sport"),
    (OrganisationKind.FOUNDATION, "Stichting / fonds"),
    (OrganisationKind.OTHER, "Anders"),
    (EncounterKind.STREET, "Op straat"),
    (EncounterKind.VENUE, "Op een vindplaats"),
    (EncounterKind.HOME_VISIT, "Huisbezoek"),
    (EncounterKind.PHONE, "Telefoon"),
    (EncounterKind.GROUP, "Groep"),
    (Gender.NOT_RECORDED, "Niet vastgelegd"),
    (Gender.WOMAN, "Vrouw"),
    (Gender.MAN, "Man"),
    (Gender.OTHER, "Anders"),
    (Pathway.WELZIJN_OP_RECEPT, "Welzijn op Recept"),
    (Pathway.VINDPLAATS, "Vindplaats"),
    (Pathway.OTHER, "Anders"),
    (ReferralSource.GP, "Huisarts"),
    (ReferralSource.PRACTICE_NURSE, "Praktijkondersteuner (POH-GGZ)"),
    (ReferralSource.NEIGHBOURHOOD_TEAM, "Wijkteam"),
    (ReferralSource.VENUE, "Vindplaats"),
    (ReferralSource.SELF, "Inwoner zelf"),
    (ReferralSource.OTHER, "Anders"),
    (ReferralStatus.REGISTERED, "Aangemeld"),
    (ReferralStatus.CONTACT_MADE, "Contact gelegd"),
    (ReferralStatus.INTAKE, "Intake"),
    (ReferralStatus.IN_PROGRESS, "Loopt"),
    (ReferralStatus.COMPLETED, "Afgerond"),
    (ReferralStatus.STOPPED, "Gestopt"),
    (ReferralStatus.NOT_REACHED, "Niet bereikt"),
    (Outcome.ACTIVITY, "Meedoen aan een activiteit"),
    (Outcome.VOLUNTEERING, "Vrijwilligerswerk"),
    (Outcome.SERVICE, "Hulp of dienst van een organisatie"),
    (Outcome.COURSE, "Cursus of training"),
    (Outcome.NO_FURTHER_NEED, "Geen verdere hulp nodig"),
    (Outcome.OTHER, "Anders"),
    (ScoreMoment.INTAKE, "Bij intake"),
    (ScoreMoment.CLOSING, "Bij afsluiten"),
    (AttendanceRole.PARTICIPANT, "Deelnemer"),
    (AttendanceRole.VOLUNTEER, "Vrijwilliger"),
    (ScheduleKind.WEEKLY, "Elke week"),
    (ScheduleKind.BIWEEKLY, "Om de week"),
    (ScheduleKind.MONTHLY, "Elke maand"),
    (ScheduleKind.ONCE, "Eenmalig"),
    (ScheduleKind.IRREGULAR, "Onregelmatig"),
    (ConsentPurpose.REGISTRATION, "Vastleggen van gegevens"),
    (ConsentPurpose.REFERRAL_FOLLOW_UP, "Opvolgen van een verwijzing"),
    (ConsentPurpose.CONTACT, "Contact opnemen"),
]

# StrEnum members hash like their string value ("intake" of two enums would
# collide), so labels are looked up by (enum class, value).
_LABELS: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in LABELS}


# Legal status steps of a referral (the state machine).
REFERRAL_TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.REGISTERED: frozenset(
        {ReferralStatus.CONTACT_MADE, ReferralStatus.NOT_REACHED, ReferralStatus.STOPPED}
    ),
    ReferralStatus.CONTACT_MADE: frozenset({ReferralStatus.INTAKE, ReferralStatus.STOPPED}),
    ReferralStatus.INTAKE: frozenset(
        {ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED, ReferralStatus.STOPPED}
    ),
    ReferralStatus.IN_PROGRESS: frozenset({ReferralStatus.COMPLETED, ReferralStatus.STOPPED}),
    ReferralStatus.COMPLETED: frozenset(),
    ReferralStatus.STOPPED: frozenset(),
    ReferralStatus.NOT_REACHED: frozenset(),
}
