"""A deterministic, realistic programme year of demo data.

``generate(services, seed=1, scale=1.0)`` fills a database with one year of
work ending today: 12 focus neighbourhoods (the real ones from the bundled
reference data, the rest plainly named "Demo-buurt ..."), venues of every kind
per neighbourhood, about 40 workers, residents known by an alias, 60 activities
with their sessions and attendance, 8,000 contacts and 600 referrals moving
through legal status steps with Positive Health scores. Volume counts grow
with ``scale`` (125 gives a million contacts for benchmarks).

Everything is written through :class:`~gezond_desktop.store.bulk.BulkWriter`,
so every record has its change log entry. The same seed (and ``today``) gives
the same records and the same change entries. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from .enums import (
    HEALTH_DIMENSIONS,
    REFERRAL_TRANSITIONS,
    ReferralStatus,
    VenueKind,
)
from .errors import GezondError
from .models import (
    Activity,
    Attendance,
    Encounter,
    Neighbourhood,
    Organisation,
    PositiveHealthScore,
    ProgrammeLine,
    Referral,
    ReferralEvent,
    Resident,
    ResidentConsent,
    Session,
    TargetGroup,
    Topic,
    Track,
    Venue,
    Worker,
)
from .store.bulk import DEFAULT_BATCH_SIZE, BulkCancelled, BulkWriter, gc_paused

if TYPE_CHECKING:
    from .services import Services

Progress = Callable[[int, int], bool]

DEMO_SETTING = "demo"
FOCUS_NEIGHBOURHOODS = 12
COORDINATOR_NAME = "Demo Coördinator"

# Counts of one programme year at scale 1.
RESIDENTS = 1800
ACTIVITIES = 60
ENCOUNTERS = 8000
REFERRALS = 600

_EPOCH = dt.datetime(1970, 1, 1)
_MS = dt.timedelta(milliseconds=1)


@dataclass(frozen=True)
class DemoReport:
    seed: int
    scale: float
    counts: dict[str, int] = field(default_factory=dict)  # entity -> records written
    records: int = 0
    seconds: float = 0.0  # everything, the reference data import included
    bulk_seconds: float = 0.0  # generating and bulk writing the demo records
    cancelled: bool = False
    coordinator_id: uuid.UUID | None = None

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


class _Ids:
    """UUIDv7 ids from a seeded generator and the record's own time."""

    def __init__(self, rng: random.Random) -> None:
        self._bits = rng.getrandbits

    def at(self, when: dt.datetime) -> uuid.UUID:
        ms = (when - _EPOCH) // _MS
        rand = self._bits(74)
        value = (ms & 0xFFFFFFFFFFFF) << 80 | 0x7 << 76 | (rand >> 62) << 64 | 0b10 << 62
        return uuid.UUID(int=value | (rand & ((1 << 62) - 1)))


# -- word lists ------------------------------------------------------------------------
FIRST_NAMES_WOMEN = [
    "Sanne", "Fatima", "Anouk", "Esra", "Lotte", "Samira", "Ingrid", "Mariska", "Nadia",
    "Yvonne", "Ayşe", "Petra", "Chantal", "Khadija", "Marieke", "Shirley", "Romy", "Naima",
    "Ria", "Agnieszka", "Hanneke", "Zeynep", "Miriam", "Saskia", "Latifa", "Jolanda",
    "Senait", "Monique", "Gerda", "Amal", "Wilma", "Dewi", "Joke", "Rahma", "Tineke",
]
FIRST_NAMES_MEN = [
    "Jan", "Mohamed", "Kees", "Ahmet", "Bram", "Youssef", "Henk", "Ricardo", "Piet",
    "Mustafa", "Daan", "Omar", "Gerrit", "Tomasz", "Sem", "Bilal", "Frans", "Erik",
    "Hasan", "Ruud", "Dennis", "Said", "Wim", "Kofi", "Thijs", "Abdi", "Marcel", "Emre",
]
LAST_INITIALS = "ABBCDDEGHHJKKLMMNOPRSSTVVWYZ"
ALIAS_STYLES_OLD_WOMAN = ["Oma {f}", "Mevrouw {i}.", "Tante {f}"]
ALIAS_STYLES_OLD_MAN = ["Opa {f}", "Meneer {i}.", "Ome {f}"]

VENUE_NAMES: dict[VenueKind, str] = {
    VenueKind.BABY_CAFE: "Sjpruutcafé {n}",
    VenueKind.SCHOOL: "Basisschool {n}",
    VenueKind.SPORTS_CENTRE: "Sporthal {n}",
    VenueKind.GP_PRACTICE: "Huisartsenpraktijk {n}",
    VenueKind.CHILD_HEALTH_CLINIC: "Consultatiebureau {n}",
    VenueKind.COMMUNITY_CENTRE: "Buurthuis {n}",
    VenueKind.MOSQUE_CULTURAL_CENTRE: "Moskee en cultureel centrum {n}",
    VenueKind.STREET: "Straat en pleinen {n}",
    VenueKind.LIFESTYLE_DESK: "Leefstijlloket {n}",
    VenueKind.HOME_VISIT: "Huisbezoek {n}",
    VenueKind.OTHER: "Bibliotheek {n}",
}
DEMO_NEIGHBOURHOODS = [
    ("demo_zuid", "Demo-buurt Zuid"), ("demo_centrum", "Demo-buurt Centrum"),
    ("demo_oost", "Demo-buurt Oost"), ("demo_west", "Demo-buurt West"),
    ("demo_noord", "Demo-buurt Noord"), ("demo_haven", "Demo-buurt Haven"),
    ("demo_park", "Demo-buurt Park"), ("demo_molen", "Demo-buurt Molen"),
    ("demo_kerk", "Demo-buurt Kerk"), ("demo_dijk", "Demo-buurt Dijk"),
    ("demo_veld", "Demo-buurt Veld"), ("demo_beek", "Demo-buurt Beek"),
]
GP_PRACTICES = [
    "Huisartsenpraktijk De Linde (demo)", "Huisartsenpraktijk Het Anker (demo)",
    "Gezondheidscentrum De Brug (demo)", "Huisartsenpraktijk Zuiderpoort (demo)",
]
EXTRA_ACTIVITIES = [
    "Koffieochtend", "Wandelgroep", "Moestuin", "Beweegclub 55+", "Taalcafé", "Kookclub",
    "Huiswerkklas", "Spreekuur geldzaken", "Mama-café", "Fietsles voor vrouwen",
    "Breiclub", "Repair Café", "Buurtlunch", "Voetbal op het plein", "Dansles jongeren",
    "Gezond koken met weinig geld", "Samen sporten", "Ouderkamer", "Computerles",
    "Zingen in de buurt", "Tekenles", "Jongereninloop", "Vrouwenfitness", "Praatgroep",
]
ENCOUNTER_NOTES = [
    "Kort gesproken bij de ingang, gaat het wat beter.",
    "Vraagt naar hulp bij een brief van de gemeente.",
    "Zoekt contact met andere moeders in de buurt.",
    "Heeft zorgen over de huur, doorverwezen naar het spreekuur.",
    "Wil graag meedoen met de wandelgroep.",
    "Voelt zich alleen sinds de verhuizing van de kinderen.",
    "Gesprek over gezond koken met weinig geld.",
    "Komt volgende week langs bij de buurtkamer.",
    "Zorgen over de opvoeding van de oudste zoon.",
    "Was blij met de uitnodiging voor de lunch.",
    "Vraagt of er taalles is in de buurt.",
    "Heeft last van de trap, praat met de woningcorporatie.",
    "Groep moeders bij het schoolplein gesproken over bewegen.",
    "Jongeren bij het pleintje, ideeën voor een voetbaltoernooi.",
    "Afspraak gemaakt om samen naar het wijkteam te gaan.",
]
REFERRAL_REASONS = [
    "Somberheid en weinig contacten, wil graag iets zinvols doen.",
    "Stress door geldzorgen, slaapt slecht.",
    "Eenzaam sinds overlijden partner.",
    "Lichamelijke klachten zonder duidelijke oorzaak, zit veel thuis.",
    "Wil meer bewegen en mensen leren kennen.",
    "Spanning in het gezin, zoekt steun bij opvoeden.",
    "Net in Nederland, zoekt aansluiting en taalles.",
    "Na ziekte weer op zoek naar een dagritme.",
]
EVENT_NOTES: dict[ReferralStatus, str] = {
    ReferralStatus.REGISTERED: "Aanmelding ontvangen.",
    ReferralStatus.CONTACT_MADE: "Gebeld en afspraak gemaakt.",
    ReferralStatus.INTAKE: "Intakegesprek gehad, scores samen ingevuld.",
    ReferralStatus.IN_PROGRESS: "Gaat naar een activiteit, loopt goed.",
    ReferralStatus.COMPLETED: "Afgerond, inwoner redt het zelf.",
    ReferralStatus.STOPPED: "Inwoner wil niet verder.",
    ReferralStatus.NOT_REACHED: "Drie keer gebeld en een brief gestuurd, geen reactie.",
}
OUTCOMES = ["activity", "activity", "volunteering", "service", "course", "no_further_need"]
OUTCOME_NOTES = {
    "activity": "Doet nu mee aan een activiteit in de buurt.",
    "volunteering": "Is vrijwilliger geworden.",
    "service": "Krijgt hulp van een organisatie.",
    "course": "Volgt een cursus.",
    "no_further_need": "Heeft geen verdere hulp nodig.",
}
REFERRAL_DESTINATIONS = ["Wijkteam", "Schuldhulp", "Stichting Leergeld", "Veads", "'s-PORT"]


# -- public API ---------------------------------------------------------------------------
def is_demo_database(services: Services) -> bool:
    """True when this database holds demo data."""
    if services.db.setting(DEMO_SETTING):
        return True
    with services.db.read() as s:
        n = s.scalar(select(func.count()).select_from(Neighbourhood).where(
            Neighbourhood.is_demo.is_(True), Neighbourhood.deleted_at.is_(None)))
        return bool(n)


def generate(
    services: Services,
    seed: int = 1,
    scale: float = 1.0,
    progress: Progress | None = None,
    today: dt.date | None = None,
    force: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> DemoReport:
    """Fill the database with a demo programme year ending ``today``.

    Refused (GezondError) when the database already holds contacts, unless
    ``force``. ``progress(done, total)`` returning False stops: what is written
    stays and is consistent; the report says ``cancelled``. Records are written
    ``batch_size`` at a time, one transaction each.
    """
    if scale <= 0:
        raise GezondError("Kies een grootte groter dan 0, bijvoorbeeld 1.")
    with services.db.read() as s:
        existing = s.scalar(select(func.count()).select_from(Encounter)) or 0
    if existing and not force:
        raise GezondError(
            "Deze gegevens bevatten al contacten. Voorbeeldgegevens maken kan alleen in "
            "lege gegevens. Kies een lege map voor de demo; er is niets veranderd."
        )
    started = time.perf_counter()
    services.imports.load_bundled_reference()
    bulk_started = time.perf_counter()
    gen = _Generator(services, seed, scale, today or dt.date.today(), existing)
    bw = BulkWriter(services.db, None, progress=progress, batch_size=batch_size)
    cancelled = False
    # Millions of short-lived rows make the cyclic garbage collector the slowest
    # part; nothing here makes reference cycles, so pause it.
    try:
        with gc_paused(), bw:
            gen.run(bw)
    except BulkCancelled:
        cancelled = True
    bulk_seconds = time.perf_counter() - bulk_started
    coordinator = gen.coordinator_id
    if not cancelled and coordinator is not None:
        services.workers.set_current(coordinator)
        services.worker_id = coordinator
        services.db.set_setting(
            DEMO_SETTING, f'{{"seed": {seed}, "scale": {scale}, "today": "{gen.today}"}}')
    return DemoReport(
        seed=seed,
        scale=scale,
        counts=dict(bw.counts),
        records=bw.done,
        seconds=time.perf_counter() - started,
        bulk_seconds=bulk_seconds,
        cancelled=cancelled,
        coordinator_id=coordinator,
    )


# -- the generator --------------------------------------------------------------------------
@dataclass
class _WorkerInfo:
    id: uuid.UUID
    role: str
    home: int  # index into the neighbourhood list


@dataclass
class _Hood:
    id: uuid.UUID
    name: str
    venues: dict[str, uuid.UUID] = field(default_factory=dict)  # kind -> venue id
    residents: list[uuid.UUID] = field(default_factory=list)


@dataclass
class _Group:
    """The people around one activity while its sessions are generated."""

    activity_id: uuid.UUID
    hood_i: int
    organiser: uuid.UUID
    popularity: float
    regulars: list[uuid.UUID] = field(default_factory=list)
    volunteers: set[uuid.UUID] = field(default_factory=set)
    visits: dict[uuid.UUID, int] = field(default_factory=dict)


class _Generator:
    def __init__(self, services: Services, seed: int, scale: float, today: dt.date,
                 existing: int) -> None:
        self.services = services
        self.rng = random.Random(f"gezond-demo:{seed}")
        self.consent_rng = random.Random(f"gezond-demo-consent:{seed}")
        self.ids = _Ids(random.Random(f"gezond-demo-ids:{seed}:{existing}"))
        self.scale = scale
        self.today = today
        self.start = today - dt.timedelta(days=364)
        self.start_dt = dt.datetime.combine(self.start, dt.time(8, 0))
        self.coordinator_id: uuid.UUID | None = None
        self.hoods: list[_Hood] = []
        self.workers: list[_WorkerInfo] = []
        self.resident_info: dict[uuid.UUID, int] = {}  # resident -> hood index
        self.follow_up_ok: set[uuid.UUID] = set()  # consent for following up referrals
        self.activities: list[uuid.UUID] = []

    def n(self, base: int) -> int:
        return round(base * self.scale)

    def stamp(self, day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
        return dt.datetime(day.year, day.month, day.day, hour, minute)

    def run(self, bw: BulkWriter) -> None:
        ref = self._read_reference()
        bw.total = self._estimate()
        self._neighbourhoods(bw, ref)
        self._organisations(bw, ref)
        self._workers(bw, ref)
        self._residents(bw, ref)
        self._activities(bw, ref)
        self._encounters(bw, ref)
        self._referrals(bw, ref)

    def _estimate(self) -> int:
        return (200 + self.n(RESIDENTS) * 11 // 10 + self.n(ACTIVITIES) * 330
                + self.n(ENCOUNTERS) + self.n(REFERRALS) * 5)

    # -- reference ---------------------------------------------------------------------
    def _read_reference(self) -> dict[str, Any]:
        """Reference values by a stable order (name or code, never the random id)."""
        with self.services.db.read() as s:
            def ids(model: Any, order: Any) -> list[tuple[Any, ...]]:
                return list(s.execute(
                    select(model.id, order).where(model.deleted_at.is_(None),
                                                  model.retired_at.is_(None))
                    .order_by(order)))

            hoods = list(s.execute(
                select(Neighbourhood.id, Neighbourhood.name, Neighbourhood.code)
                .where(Neighbourhood.deleted_at.is_(None), Neighbourhood.is_focus.is_(True),
                       Neighbourhood.retired_at.is_(None))
                .order_by(Neighbourhood.code)))
            codes = set(s.scalars(select(Neighbourhood.code)))
            venues = list(s.execute(
                select(Venue.id, Venue.neighbourhood_id, Venue.kind)
                .where(Venue.deleted_at.is_(None)).order_by(Venue.name)))
            orgs = {name: oid for oid, name in s.execute(
                select(Organisation.id, Organisation.name).order_by(Organisation.name))}
            acts = list(s.execute(
                select(Activity.id, Activity.name, Activity.neighbourhood_id, Activity.weekday,
                       Activity.schedule_kind)
                .where(Activity.deleted_at.is_(None), Activity.retired_at.is_(None))
                .order_by(Activity.name)))
            coordinator = s.scalar(select(Worker.id).where(
                Worker.name == COORDINATOR_NAME, Worker.deleted_at.is_(None)).limit(1))
            return {
                "hoods": hoods,
                "codes": codes,
                "venues": venues,
                "orgs": orgs,
                "activities": acts,
                "topics": [r[0] for r in ids(Topic, Topic.code)],
                "tracks": [r[0] for r in ids(Track, Track.code)],
                "target_groups": [r[0] for r in ids(TargetGroup, TargetGroup.code)],
                "lines": [r[0] for r in ids(ProgrammeLine, ProgrammeLine.code)],
                "coordinator": coordinator,
            }

    def _neighbourhoods(self, bw: BulkWriter, ref: dict[str, Any]) -> None:
        made = self.start_dt - dt.timedelta(days=30)
        for nid, name, _code in ref["hoods"][:FOCUS_NEIGHBOURHOODS]:
            self.hoods.append(_Hood(nid, name))
        for code, name in DEMO_NEIGHBOURHOODS:
            if len(self.hoods) >= FOCUS_NEIGHBOURHOODS:
                break
            if code in ref["codes"]:
                continue  # made by an earlier demo: it is in the list when it is a focus one
            nid = bw.add(Neighbourhood, {
                "id": self.ids.at(made), "code": code, "name": name,
                "municipality": "Demogemeente", "is_focus": True, "is_demo": True,
                "created_at": made, "updated_at": made})
            self.hoods.append(_Hood(nid, name))
        known = {hood.id: hood for hood in self.hoods}
        for vid, hood_id, kind in ref["venues"]:
            hood = known.get(hood_id)
            if hood is not None:
                hood.venues.setdefault(kind, vid)
        for hood in self.hoods:
            for kind, pattern in VENUE_NAMES.items():
                if kind.value not in hood.venues:
                    hood.venues[kind.value] = bw.add(Venue, {
                        "id": self.ids.at(made), "name": pattern.format(n=hood.name),
                        "kind": kind.value, "neighbourhood_id": hood.id,
                        "created_at": made, "updated_at": made})

    def _organisations(self, bw: BulkWriter, ref: dict[str, Any]) -> None:
        made = self.start_dt - dt.timedelta(days=30)
        orgs: dict[str, uuid.UUID] = ref["orgs"]
        self.gp_orgs: list[uuid.UUID] = []
        for name in GP_PRACTICES:
            if name not in orgs:
                orgs[name] = bw.add(Organisation, {
                    "id": self.ids.at(made), "name": name, "kind": "gp_practice",
                    "description": "Voorbeeldpraktijk voor de demo.",
                    "created_at": made, "updated_at": made})
            self.gp_orgs.append(orgs[name])
        self.destinations = [orgs[n] for n in REFERRAL_DESTINATIONS if n in orgs]
        self.orgs = orgs

    def _workers(self, bw: BulkWriter, ref: dict[str, Any]) -> None:
        rng = self.rng
        made = self.start_dt - dt.timedelta(days=20)
        plan = (["community_builder"] * 14 + ["key_figure"] * 10 + ["welfare_coach"] * 10
                + ["coordinator"] * 4 + ["admin"])
        org_by_role = {"community_builder": "Farent", "welfare_coach": "Farent",
                       "coordinator": "GGD Hart voor Brabant"}
        names = [f"{f} {rng.choice(LAST_INITIALS)}." for f in
                 rng.sample(FIRST_NAMES_WOMEN, 25) + rng.sample(FIRST_NAMES_MEN, 14)]
        for i, role in enumerate(plan):
            org = self.orgs.get(org_by_role.get(role, ""))
            wid = bw.add(Worker, {
                "id": self.ids.at(made), "name": names[i], "role": role,
                "organisation_id": org, "created_at": made, "updated_at": made})
            self.workers.append(_WorkerInfo(wid, role, i % len(self.hoods)))
        if ref["coordinator"] is not None:
            self.coordinator_id = ref["coordinator"]
        else:
            self.coordinator_id = bw.add(Worker, {
                "id": self.ids.at(made), "name": COORDINATOR_NAME, "role": "coordinator",
                "organisation_id": self.orgs.get("GGD Hart voor Brabant"),
                "created_at": made, "updated_at": made})
        self.field_workers = [w for w in self.workers
                              if w.role in ("community_builder", "key_figure")]
        self.coaches = [w for w in self.workers if w.role == "welfare_coach"]

    def _residents(self, bw: BulkWriter, ref: dict[str, Any]) -> None:
        from .services.residents import normalise_alias

        rng = self.rng
        groups: list[uuid.UUID] = ref["target_groups"]
        span = (self.today - self.start).days
        pending: list[tuple[dt.datetime, int, int, dict[str, Any], list[uuid.UUID],
                            tuple[str, ...]]] = []
        for _ in range(self.n(RESIDENTS)):
            hood_i = rng.randrange(len(self.hoods))
            woman = rng.random() < 0.62
            first = rng.choice(FIRST_NAMES_WOMEN if woman else FIRST_NAMES_MEN)
            initial = rng.choice(LAST_INITIALS)
            birth = rng.randint(1940, 2008)
            r = rng.random()
            if birth < 1960 and r < 0.3:
                style = rng.choice(ALIAS_STYLES_OLD_WOMAN if woman else ALIAS_STYLES_OLD_MAN)
                alias = style.format(f=first, i=initial)
            elif r < 0.75:
                alias = f"{first} {initial}."
            else:
                alias = first
            made = self.stamp(self.start - dt.timedelta(days=rng.randrange(200))
                              if rng.random() < 0.5
                              else self.start + dt.timedelta(days=rng.randrange(span)),
                              rng.randint(9, 17), rng.randrange(60))
            gender = ("woman" if woman else "man") if rng.random() < 0.8 else "not_recorded"
            values: dict[str, Any] = {
                "alias": alias, "alias_key": normalise_alias(alias),
                "birth_year": birth if rng.random() < 0.85 else None, "gender": gender,
                "neighbourhood_id": self.hoods[hood_i].id,
                "created_at": made, "updated_at": made,
                "created_by": rng.choice(self.workers).id,
            }
            with_details = rng.random() < 0.1
            if with_details:
                last = rng.choice(["de Vries", "El Amrani", "Yılmaz", "Jansen", "Martina",
                                   "Bakker", "Kowalski", "Tesfaye", "van den Berg", "Özdemir"])
                values["full_name"] = f"{first} {last}"
                values["phone"] = f"06-{rng.randrange(10**8):08d}"
                if rng.random() < 0.5:
                    values["email"] = f"{first.lower()}.{rng.randrange(100, 999)}@example.nl"
            k = rng.choices((0, 1, 2), (40, 45, 15))[0]
            tgs = rng.sample(groups, min(k, len(groups)))
            # Consent (docs/privacy.md): most residents agree to being registered (so
            # exports stay meaningful); details only with the consent that allows them.
            # A separate random stream keeps the rest of the demo as it was.
            crng = self.consent_rng
            purposes: tuple[str, ...] = ()
            if with_details or crng.random() < 0.9:
                purposes += ("registration",)
                if crng.random() < 0.8:
                    purposes += ("referral_follow_up",)
            if with_details:
                purposes += ("contact",)
            if "registration" not in purposes:
                values.pop("full_name", None)
            pending.append((made, len(pending), hood_i, values, tgs, purposes))
        pending.sort(key=lambda p: (p[0], p[1]))  # in time order: ids carry the time
        for made, _i, hood_i, values, tgs, purposes in pending:
            values["id"] = self.ids.at(made)
            with bw.together():
                rid = bw.add(Resident, values, lists={"target_group_ids": tgs})
                for purpose in purposes:
                    bw.add(ResidentConsent, {
                        "id": self.ids.at(made), "resident_id": rid, "purpose": purpose,
                        "given_on": made.date(), "recorded_by": values["created_by"],
                        "created_at": made, "updated_at": made,
                        "created_by": values["created_by"]})
            self.hoods[hood_i].residents.append(rid)
            self.resident_info[rid] = hood_i
            if "referral_follow_up" in purposes:
                self.follow_up_ok.add(rid)
        self.all_residents = list(self.resident_info)

    def _pick_resident(self, hood_i: int) -> uuid.UUID | None:
        pool = self.hoods[hood_i].residents or self.all_residents
        return self.rng.choice(pool) if pool else None

    # -- activities, sessions and attendance -------------------------------------------
    def _activities(self, bw: BulkWriter, ref: dict[str, Any]) -> None:
        rng = self.rng
        wanted = max(1, self.n(ACTIVITIES))
        hood_index = {h.id: i for i, h in enumerate(self.hoods)}
        plans: list[tuple[uuid.UUID, int, int, str, dt.date, dt.date]] = []
        for aid, _name, hood_id, weekday, kind in ref["activities"][:wanted]:
            hood_i = hood_index.get(hood_id, rng.randrange(len(self.hoods)))
            wd = weekday if weekday is not None else rng.randrange(5)
            plans.append((aid, hood_i, wd, kind or "weekly", self.start, self.today))
        made = self.start_dt - dt.timedelta(days=10)
        while len(plans) < wanted:
            i = len(plans)
            hood_i = rng.randrange(len(self.hoods))
            hood = self.hoods[hood_i]
            kind = rng.choices(("weekly", "biweekly", "monthly"), (75, 15, 10))[0]
            starts = self.start
            if rng.random() < 0.2:
                starts = self.start + dt.timedelta(days=rng.randrange(60, 300))
            ends = None
            if rng.random() < 0.1:  # a programme of twelve weeks
                ends = min(self.today, starts + dt.timedelta(weeks=12))
            wd = rng.randrange(6)
            name = f"{EXTRA_ACTIVITIES[i % len(EXTRA_ACTIVITIES)]} {hood.name}"
            venue = hood.venues.get(rng.choice(("community_centre", "sports_centre", "school",
                                                "mosque_cultural_centre", "other")))
            aid = bw.add(Activity, {
                "id": self.ids.at(made), "name": name,
                "description": "Voorbeeldactiviteit in de buurt.",
                "organisation_id": rng.choice([self.orgs.get("Farent"), self.orgs.get("Veads"),
                                               self.orgs.get("'s-PORT"), None]),
                "neighbourhood_id": hood.id, "venue_id": venue,
                "programme_line_id": rng.choice(ref["lines"]) if ref["lines"] else None,
                "schedule_kind": kind, "weekday": wd,
                "start_time": dt.time(rng.choice((10, 13, 14, 19)), rng.choice((0, 30))),
                "starts_on": starts, "ends_on": ends,
                "created_at": made, "updated_at": made,
                "created_by": self.coordinator_id,
            }, lists={
                "track_ids": rng.sample(ref["tracks"], min(len(ref["tracks"]), rng.randint(1, 2))),
                "target_group_ids": rng.sample(ref["target_groups"],
                                               min(len(ref["target_groups"]), rng.randint(0, 2))),
            })
            plans.append((aid, hood_i, wd, kind, starts, ends or self.today))
        self.activities = [p[0] for p in plans]
        self._sessions(bw, plans)

    def _sessions(self, bw: BulkWriter,
                  plans: list[tuple[uuid.UUID, int, int, str, dt.date, dt.date]]) -> None:
        """Sessions and attendance of all activities, swept through the year in date
        order (so ids, which carry the time, arrive in order)."""
        rng = self.rng
        groups: list[_Group] = []
        calendar: list[tuple[dt.date, int]] = []
        for aid, hood_i, weekday, kind, starts, ends in plans:
            g = _Group(aid, hood_i, rng.choice(self.field_workers).id, rng.uniform(0.35, 0.75))
            for _ in range(rng.randint(4, 14)):
                rid = self._pick_resident(hood_i)
                if rid is not None and rid not in g.regulars:
                    g.regulars.append(rid)
            step = {"biweekly": 14, "monthly": 28}.get(kind, 7)
            day = starts + dt.timedelta(days=(weekday - starts.weekday()) % 7)
            last = min(ends, self.today - dt.timedelta(days=1))
            while day <= last:
                if rng.random() >= 0.06:  # else a holiday: no session
                    calendar.append((day, len(groups)))
                day += dt.timedelta(days=step)
            groups.append(g)
        calendar.sort()
        for day, gi in calendar:
            g = groups[gi]
            when = self.stamp(day, rng.choice((10, 13, 19)))
            sid = bw.add(Session, {
                "id": self.ids.at(when), "activity_id": g.activity_id, "held_on": day,
                "anonymous_guests": rng.choices((0, 1, 2, 4, 8), (40, 20, 20, 15, 5))[0],
                "notes": "" if rng.random() < 0.85 else "Gezellige bijeenkomst, veel nieuwe "
                "gezichten.",
                "created_at": when, "updated_at": when, "created_by": g.organiser})
            present = [r for r in g.regulars if rng.random() < g.popularity]
            for _ in range(rng.choices((0, 1, 2), (55, 35, 10))[0]):  # newcomers
                rid = self._pick_resident(g.hood_i)
                if rid is not None and rid not in present:
                    present.append(rid)
                    if rid not in g.regulars and rng.random() < 0.4:
                        g.regulars.append(rid)
            for rid in present:
                n = g.visits[rid] = g.visits.get(rid, 0) + 1
                if n == 8 and rng.random() < 0.15:
                    g.volunteers.add(rid)  # from guest to volunteer
                bw.add(Attendance, {
                    "id": self.ids.at(when), "session_id": sid, "resident_id": rid,
                    "role": "volunteer" if rid in g.volunteers else "participant",
                    "created_at": when, "updated_at": when, "created_by": g.organiser})

    # -- encounters --------------------------------------------------------------------
    def _encounters(self, bw: BulkWriter, ref: dict[str, Any]) -> None:
        rng = self.rng
        topics: list[uuid.UUID] = ref["topics"]
        tracks: list[uuid.UUID] = ref["tracks"]
        span = (self.today - self.start).days  # up to yesterday
        # Minutes from 9:00 to 21:00 of each day, in time order.
        slots = sorted(rng.randrange(span * 720) for _ in range(self.n(ENCOUNTERS)))
        kinds = ("street", "venue", "group", "home_visit", "phone")
        kind_w = (30, 38, 10, 10, 12)
        venue_kinds = ("community_centre", "baby_cafe", "school", "gp_practice",
                       "mosque_cultural_centre", "sports_centre", "child_health_clinic",
                       "lifestyle_desk", "other")
        workers = self.field_workers + self.coaches[:3]
        # The demo profile logs contacts too, so "Mijn taken" is not empty at first start.
        me = (_WorkerInfo(self.coordinator_id, "coordinator", 0)
              if self.coordinator_id is not None else None)
        if me is not None:
            workers = [*workers, me]
        n_hoods = len(self.hoods)
        today = self.today
        for slot in slots:
            offset, minute = divmod(slot, 720)
            day = self.start + dt.timedelta(days=offset)
            when = dt.datetime(day.year, day.month, day.day, 9 + minute // 60, minute % 60)
            w = rng.choice(workers)
            hood_i = w.home if rng.random() < 0.8 else rng.randrange(n_hoods)
            hood = self.hoods[hood_i]
            kind = rng.choices(kinds, kind_w)[0]
            venue = None
            if kind == "venue" or kind == "group":
                venue = hood.venues.get(rng.choice(venue_kinds))
            if kind == "group":
                head = rng.randint(4, 25)
            elif kind == "phone":
                head = 1
            else:
                head = rng.choices((1, 2, 3, 4), (60, 25, 10, 5))[0]
            residents: list[uuid.UUID] = []
            r = rng.random()
            if (r < 0.3 and kind != "group") or r < 0.1:
                rid = self._pick_resident(hood_i)
                if rid is not None:
                    residents.append(rid)
                if r < 0.05:
                    other = self._pick_resident(hood_i)
                    if other is not None and other not in residents:
                        residents.append(other)
            head = max(head, len(residents))
            follow = done = None
            recent_mine = w is me and (today - day).days < 21
            if rng.random() < (0.5 if recent_mine else 0.08):
                follow = day + dt.timedelta(days=rng.randint(3, 21))
                if follow < today and rng.random() < (0.3 if recent_mine else 0.7):
                    done = min(today, follow + dt.timedelta(days=rng.randint(0, 3)))
            topic_ids = (rng.sample(topics, min(len(topics), rng.choices((1, 2), (70, 30))[0]))
                         if topics and rng.random() < 0.85 else [])
            track_ids = [rng.choice(tracks)] if tracks and rng.random() < 0.4 else []
            bw.add(Encounter, {
                "id": self.ids.at(when), "occurred_at": when, "worker_id": w.id,
                "neighbourhood_id": hood.id, "venue_id": venue, "kind": kind,
                "head_count": head,
                "notes": rng.choice(ENCOUNTER_NOTES) if rng.random() < 0.5 else "",
                "follow_up_on": follow, "follow_up_done_on": done,
                "created_at": when, "updated_at": when, "created_by": w.id,
            }, lists={"resident_ids": residents, "topic_ids": topic_ids,
                      "track_ids": track_ids})

    # -- referrals ---------------------------------------------------------------------
    def _status_path(self) -> list[ReferralStatus]:
        """A legal path through the referral statuses (REFERRAL_TRANSITIONS)."""
        s = ReferralStatus
        r = self.rng.random()
        if r < 0.08:
            path = [s.REGISTERED, s.NOT_REACHED]
        elif r < 0.13:
            path = [s.REGISTERED, s.CONTACT_MADE, s.STOPPED]
        elif r < 0.18:
            path = [s.REGISTERED, s.CONTACT_MADE, s.INTAKE, s.STOPPED]
        elif r < 0.30:
            path = [s.REGISTERED, s.CONTACT_MADE, s.INTAKE, s.COMPLETED]
        elif r < 0.37:
            path = [s.REGISTERED, s.CONTACT_MADE, s.INTAKE, s.IN_PROGRESS, s.STOPPED]
        else:
            path = [s.REGISTERED, s.CONTACT_MADE, s.INTAKE, s.IN_PROGRESS, s.COMPLETED]
        for a, b in itertools.pairwise(path):
            assert b in REFERRAL_TRANSITIONS[a], (a, b)
        return path

    def _referrals(self, bw: BulkWriter, ref: dict[str, Any]) -> None:
        rng = self.rng
        span = (self.today - self.start).days
        starts = sorted(rng.randrange(span) for _ in range(self.n(REFERRALS)))
        gaps = {ReferralStatus.CONTACT_MADE: (2, 10), ReferralStatus.INTAKE: (5, 20),
                ReferralStatus.IN_PROGRESS: (7, 21), ReferralStatus.COMPLETED: (30, 90),
                ReferralStatus.STOPPED: (7, 40), ReferralStatus.NOT_REACHED: (14, 30)}
        vind_kinds = ("baby_cafe", "school", "community_centre", "mosque_cultural_centre",
                      "child_health_clinic", "sports_centre")
        activities = self.activities
        if not self.all_residents or not self.coaches:
            return
        for offset in starts:
            registered = self.start + dt.timedelta(days=offset)
            rid = rng.choice(self.all_residents)
            hood = self.hoods[self.resident_info[rid]]
            coach = rng.choice(self.coaches).id
            r = rng.random()
            venue = org = None
            if r < 0.6:
                pathway = "welzijn_op_recept"
                source = "gp" if rng.random() < 0.65 else "practice_nurse"
                org = rng.choice(self.gp_orgs)
            elif r < 0.9:
                pathway, source = "vindplaats", "venue"
                venue = hood.venues.get(rng.choice(vind_kinds))
            else:
                pathway = "other"
                source = rng.choice(("neighbourhood_team", "self"))
                org = self.orgs.get("Wijkteam") if source == "neighbourhood_team" else None
            # Walk the path until today.
            steps: list[tuple[ReferralStatus, dt.date]] = [(ReferralStatus.REGISTERED,
                                                            registered)]
            for status in self._status_path()[1:]:
                lo, hi = gaps[status]
                day = steps[-1][1] + dt.timedelta(days=rng.randint(lo, hi))
                if day > self.today:
                    break
                steps.append((status, day))
            final = steps[-1][0]
            closed = final.is_closed
            follow = None
            if not closed:
                follow = steps[-1][1] + dt.timedelta(days=rng.randint(7, 28))
                if rid not in self.follow_up_ok:  # only with the resident's consent
                    follow = None
            outcome = note = None
            dest_orgs: list[uuid.UUID] = []
            dest_acts: list[uuid.UUID] = []
            if final == ReferralStatus.COMPLETED:
                outcome = rng.choice(OUTCOMES)
                note = OUTCOME_NOTES[outcome]
            if any(st == ReferralStatus.INTAKE for st, _ in steps):
                if self.destinations and rng.random() < 0.6:
                    dest_orgs = rng.sample(self.destinations, rng.randint(1, 2))
                if activities and rng.random() < 0.6:
                    dest_acts = [rng.choice(activities)]
            made = self.stamp(registered, rng.randint(9, 16), rng.randrange(60))
            last_change = self.stamp(steps[-1][1], 16)
            with bw.together():
                ref_id = bw.add(Referral, {
                    "id": self.ids.at(made), "resident_id": rid, "pathway": pathway,
                    "source": source, "source_venue_id": venue,
                    "referring_organisation_id": org, "coach_id": coach,
                    "registered_on": registered, "reason": rng.choice(REFERRAL_REASONS),
                    "status": final.value, "follow_up_on": follow, "outcome": outcome,
                    "outcome_note": note or "",
                    "created_at": made, "updated_at": last_change, "created_by": coach,
                }, lists={"destination_organisation_ids": dest_orgs,
                          "destination_activity_ids": dest_acts})
                intake: list[int] | None = None
                for status, day in steps:
                    when = self.stamp(day, 15)
                    bw.add(ReferralEvent, {
                        "id": self.ids.at(when), "referral_id": ref_id,
                        "status": status.value, "occurred_on": day, "worker_id": coach,
                        "note": EVENT_NOTES[status],
                        "created_at": when, "updated_at": when, "created_by": coach})
                    if status == ReferralStatus.INTAKE:
                        intake = [max(1, min(9, round(rng.gauss(5, 1.5))))
                                  for _ in HEALTH_DIMENSIONS]
                        self._score(bw, ref_id, "intake", day, intake, coach)
                    elif status == ReferralStatus.COMPLETED and intake is not None:
                        closing = [max(0, min(10, v + rng.choices((-1, 0, 1, 2, 3),
                                                                  (8, 22, 35, 25, 10))[0]))
                                   for v in intake]
                        self._score(bw, ref_id, "closing", day, closing, coach)

    def _score(self, bw: BulkWriter, referral_id: uuid.UUID, moment: str, day: dt.date,
               values: Sequence[int], coach: uuid.UUID) -> None:
        when = self.stamp(day, 15, 30)
        row: dict[str, Any] = {
            "id": self.ids.at(when), "referral_id": referral_id, "moment": moment,
            "measured_on": day, "created_at": when, "updated_at": when, "created_by": coach}
        for (key, _label), v in zip(HEALTH_DIMENSIONS, values, strict=True):
            row[key] = v
        bw.add(PositiveHealthScore, row)
