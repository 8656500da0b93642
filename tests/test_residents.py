"""Residents (pseudonym registry), consent and the timeline, on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from gezond_desktop.enums import EncounterKind
from gezond_desktop.errors import NotFoundError, ValidationError
from gezond_desktop.ids import uuid7
from gezond_desktop.models import (
    Activity,
    Attendance,
    ChangeLog,
    Referral,
    ReferralEvent,
    Resident,
    Session,
)
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.encounters import EncounterInput
from gezond_desktop.services.residents import (
    DuplicateSuspected,
    ResidentInput,
    normalise_alias,
)

TODAY = dt.date.today()


@dataclass
class World:
    svc: Services
    worker: uuid.UUID
    hambaken: uuid.UUID
    west: uuid.UUID
    mothers: uuid.UUID
    young: uuid.UUID


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    svc = open_services(tmp_path / "data")
    me = svc.workers.create("Sanne de Vries", "welfare_coach")
    ref = svc.reference  # reference data: the local system's (a coordinator's) work
    hambaken = ref.save("neighbourhood", {"name": "Hambaken", "municipality": "'s-Hertogenbosch"})
    west = ref.save("neighbourhood", {"name": "West", "municipality": "'s-Hertogenbosch"})
    mothers = ref.save("target_group", {"name": "Jonge ouders (0-4)"})
    young = ref.save("target_group", {"name": "Jongeren"})
    svc = svc.as_worker(me.id)
    yield World(svc, me.id, hambaken.id, west.id, mothers.id, young.id)
    svc.db.close()


def change_count(svc: Services, entity: str | None = None) -> int:
    with svc.db.read() as s:
        q = select(func.count()).select_from(ChangeLog)
        if entity:
            q = q.where(ChangeLog.entity == entity)
        return int(s.scalar(q) or 0)


def resident_rows(svc: Services) -> int:
    with svc.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Resident)) or 0)


# -- create, read, change, delete -------------------------------------------------------


def test_create_and_get_a_resident(w: World) -> None:
    v = w.svc.residents.create(ResidentInput(
        alias="  Fátima ", full_name="Fatima El Amrani", phone="06 1234 5678",
        email="fatima@voorbeeld.nl", birth_year=1986, gender="woman",
        neighbourhood_id=w.hambaken, target_group_ids=(w.young, w.mothers), notes="Via babycafé",
        consents=(("registration", TODAY), ("contact", TODAY))))
    got = w.svc.residents.get(v.id)
    assert got == v
    assert got.alias == "Fátima"
    assert got.gender_label == "Vrouw"
    assert got.neighbourhood_name == "Hambaken"
    assert set(got.target_group_names) == {"Jonge ouders (0-4)", "Jongeren"}
    with w.svc.db.read() as s:
        row = s.get(Resident, v.id)
        assert row is not None and row.alias_key == "fatima"


def test_pseudonym_only_is_enough(w: World) -> None:
    v = w.svc.residents.create(ResidentInput(alias="Oma van de bankjes"))
    assert (v.full_name, v.phone, v.email, v.birth_year) == (None, None, None, None)
    assert v.gender == "not_recorded"


def test_normalise_alias() -> None:
    assert normalise_alias("  Zoë   DE  Wit ") == "zoe de wit"
    assert normalise_alias("ÇAĞLA") == "cagla"


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"alias": "   "}, "alias", "Vul de schuilnaam in."),
        ({"alias": "x" * 81}, "alias", "hooguit 80 tekens"),
        ({"birth_year": 1899}, "birth_year", "tussen 1900 en"),
        ({"birth_year": TODAY.year + 1}, "birth_year", "tussen 1900 en"),
        ({"email": "fatima.voorbeeld.nl"}, "email", "e-mailadres klopt niet"),
        ({"phone": "bel maar"}, "phone", "telefoonnummer klopt niet"),
        ({"gender": "robot"}, "gender", "uit de lijst"),
        ({"neighbourhood_id": uuid.uuid4()}, "neighbourhood_id", "Deze buurt bestaat niet"),
        ({"target_group_ids": (uuid.uuid4(),)}, "target_group_ids", "doelgroep bestaat niet"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_nothing_is_saved(
        w: World, changes: dict[str, Any], field: str, expected: str) -> None:
    before = change_count(w.svc)
    inp: dict[str, Any] = {"alias": "Mo"}
    inp.update(changes)
    with pytest.raises(ValidationError) as err:
        w.svc.residents.create(ResidentInput(**inp))
    assert expected in (err.value.for_field(field) or "")
    assert change_count(w.svc) == before
    assert resident_rows(w.svc) == 0


def test_update_writes_one_change_entry_and_failure_writes_none(w: World) -> None:
    v = w.svc.residents.create(ResidentInput(alias="Mo", birth_year=1970))
    assert change_count(w.svc, "resident") == 1
    u = w.svc.residents.update(v.id, ResidentInput(
        alias="Mo B.", birth_year=1971, neighbourhood_id=w.west, target_group_ids=(w.young,)))
    assert change_count(w.svc, "resident") == 2
    assert (u.alias, u.birth_year, u.neighbourhood_name, u.target_group_names) == (
        "Mo B.", 1971, "West", ("Jongeren",))
    with pytest.raises(ValidationError):
        w.svc.residents.update(v.id, ResidentInput(alias=""))
    assert change_count(w.svc, "resident") == 2
    assert w.svc.residents.get(v.id) == u
    assert [r.id for r in w.svc.residents.search("mo b")] == [v.id]


def test_delete_is_soft_and_hides_the_resident(w: World) -> None:
    v = w.svc.residents.create(ResidentInput(alias="Mo"))
    w.svc.residents.delete(v.id)
    with pytest.raises(NotFoundError):
        w.svc.residents.get(v.id)
    assert w.svc.residents.search("mo") == []
    assert w.svc.residents.likely_duplicates("Mo") == []
    assert resident_rows(w.svc) == 1
    assert change_count(w.svc, "resident") == 2


# -- search and duplicates ------------------------------------------------------------------


def test_search_by_part_of_alias_ignores_case_and_accents(w: World) -> None:
    r = w.svc.residents
    names = ["Anouk", "Noël", "Buurman Noel", "Kim", "100%_echt"]
    ids = {n: r.create(ResidentInput(alias=n), allow_duplicate=True).id for n in names}
    assert [v.alias for v in r.search("NOEL")] == ["Noël", "Buurman Noel"]  # prefix first
    assert {v.alias for v in r.search("no")} == {"Anouk", "Noël", "Buurman Noel"}
    assert [v.id for v in r.search("%_")] == [ids["100%_echt"]]  # no wildcards
    assert r.search("zzz") == []
    assert len(r.search("", limit=2)) == 2
    assert len(r.search("o", limit=2)) == 2


def test_likely_duplicates_same_or_similar_alias(w: World) -> None:
    r = w.svc.residents
    fatima = r.create(ResidentInput(alias="Fatima", birth_year=1980, neighbourhood_id=w.hambaken))
    fatma = r.create(ResidentInput(alias="Fatma", birth_year=1981), allow_duplicate=True)
    r.create(ResidentInput(alias="Fatima", birth_year=1990), allow_duplicate=True)  # too old
    r.create(ResidentInput(alias="Fatima", neighbourhood_id=w.west),
             allow_duplicate=True)  # other neighbourhood
    r.create(ResidentInput(alias="Femke", birth_year=1980, neighbourhood_id=w.hambaken))
    found = r.likely_duplicates("fátima", 1980, w.hambaken)
    assert [v.id for v in found] == [fatima.id, fatma.id]
    # Unknown values never rule a candidate out.
    assert {v.alias for v in r.likely_duplicates("FATIMA")} == {"Fatima", "Fatma"}
    assert len(r.likely_duplicates("FATIMA")) == 4
    assert r.likely_duplicates("Kees", 1980, w.hambaken) == []


def test_create_warns_for_a_likely_duplicate_and_saves_nothing(w: World) -> None:
    r = w.svc.residents
    first = r.create(ResidentInput(alias="Ahmed", birth_year=1975, neighbourhood_id=w.west))
    before = change_count(w.svc)
    with pytest.raises(DuplicateSuspected) as err:
        r.create(ResidentInput(alias="ahmed ", birth_year=1976, neighbourhood_id=w.west))
    assert [c.id for c in err.value.candidates] == [first.id]
    assert "Ahmed (1975, West)" in err.value.message
    assert "misschien al" in err.value.message
    assert change_count(w.svc) == before and resident_rows(w.svc) == 1
    second = r.create(ResidentInput(alias="ahmed", birth_year=1976, neighbourhood_id=w.west),
                      allow_duplicate=True)
    assert second.id != first.id and resident_rows(w.svc) == 2


# -- consent -------------------------------------------------------------------------------


def test_consent_given_and_withdrawn(w: World) -> None:
    r = w.svc.residents
    v = r.create(ResidentInput(alias="Mo"))
    c = r.add_consent(v.id, "contact", TODAY - dt.timedelta(days=10))
    assert c.purpose_label == "Contact opnemen" and c.active
    assert c.recorded_by == w.worker
    assert r.get(v.id).has_consent("contact")
    with pytest.raises(ValidationError, match="al vastgelegd"):
        r.add_consent(v.id, "contact", TODAY)
    with pytest.raises(ValidationError, match="voor de datum van de toestemming"):
        r.withdraw_consent(c.id, TODAY - dt.timedelta(days=11))
    done = r.withdraw_consent(c.id, TODAY)
    assert done.withdrawn_on == TODAY and not done.active
    view = r.get(v.id)
    assert not view.has_consent("contact")
    assert len(view.consents) == 1  # withdrawal is a date, nothing is removed
    with pytest.raises(ValidationError, match="al ingetrokken"):
        r.withdraw_consent(c.id, TODAY)
    assert r.add_consent(v.id, "contact", TODAY).active  # may be given again


@pytest.mark.parametrize(
    ("purpose", "given_on", "field"),
    [("marketing", TODAY, "purpose"), ("contact", TODAY + dt.timedelta(days=1), "given_on")],
)
def test_bad_consent_is_refused(w: World, purpose: str, given_on: dt.date, field: str) -> None:
    v = w.svc.residents.create(ResidentInput(alias="Mo"))
    before = change_count(w.svc)
    with pytest.raises(ValidationError) as err:
        w.svc.residents.add_consent(v.id, purpose, given_on)
    assert err.value.for_field(field)
    assert change_count(w.svc) == before


# -- timeline ------------------------------------------------------------------------------


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def add_attendance(w: World, resident_id: uuid.UUID, activity: str,
                   held: dt.date, role: str) -> None:
    with w.svc.db.write(w.worker) as s:
        act = s.scalars(select(Activity).where(Activity.name == activity)).first()
        if act is None:
            act = Activity(id=uuid7(), name=activity, neighbourhood_id=w.hambaken)
            s.add(act)
            s.flush()
        session = Session(id=uuid7(), activity_id=act.id, held_on=held)
        s.add(session)
        s.flush()
        s.add(Attendance(id=uuid7(), session_id=session.id, resident_id=resident_id,
                         role=role))


def test_timeline_tells_the_story_including_the_step_to_volunteer(w: World) -> None:
    v = w.svc.residents.create(ResidentInput(alias="Mo"))
    w.svc.encounters.log(EncounterInput(
        occurred_at=dt.datetime.combine(days_ago(60), dt.time(14, 30)), kind="street",
        neighbourhood_id=w.hambaken, resident_ids=(v.id,), notes="Kennisgemaakt bij de markt"))
    with w.svc.db.write(w.worker) as s:
        ref = Referral(id=uuid7(), resident_id=v.id, pathway="welzijn_op_recept", source="gp",
                       registered_on=days_ago(50), reason="Voelt zich alleen")
        s.add(ref)
        s.flush()
        s.add(ReferralEvent(id=uuid7(), referral_id=ref.id, status="registered",
                            occurred_on=days_ago(50)))
        s.add(ReferralEvent(id=uuid7(), referral_id=ref.id, status="contact_made",
                            occurred_on=days_ago(45)))
    add_attendance(w, v.id, "Samen Koken", days_ago(40), "participant")
    add_attendance(w, v.id, "Samen Koken", days_ago(33), "participant")
    add_attendance(w, v.id, "Samen Koken", days_ago(26), "volunteer")
    add_attendance(w, v.id, "VeadsEat", days_ago(20), "volunteer")

    items = w.svc.residents.timeline(v.id)
    assert [i.kind for i in items] == [
        "encounter", "referral", "referral_status", "attendance", "attendance",
        "attendance", "became_volunteer", "attendance",
    ]
    assert [i.date for i in items] == sorted(i.date for i in items)
    assert items[0].title == f"Contact: {EncounterKind.STREET.label.lower()}"
    assert "Kennisgemaakt" in items[0].detail and "Hambaken" in items[0].detail
    assert items[1].title == "Verwijzing: Welzijn op Recept"
    assert "huisarts" in items[1].detail
    assert items[2].title == "Verwijzing: contact gelegd"
    assert items[3].title == "Deelname aan Samen Koken"
    step = items[6]
    assert step.date == days_ago(26)
    assert step.title == "Van deelnemer naar vrijwilliger"
    assert "Samen Koken" in step.detail
    assert items[7].title == "Vrijwilliger bij VeadsEat"


def test_volunteer_from_the_start_is_no_step(w: World) -> None:
    v = w.svc.residents.create(ResidentInput(alias="Henk"))
    add_attendance(w, v.id, "VeadsEat", days_ago(20), "volunteer")
    add_attendance(w, v.id, "VeadsEat", days_ago(13), "participant")
    kinds = [i.kind for i in w.svc.residents.timeline(v.id)]
    assert kinds == ["attendance", "attendance"]


def test_timeline_leaves_out_deleted_records(w: World) -> None:
    v = w.svc.residents.create(ResidentInput(alias="Mo"))
    e = w.svc.encounters.log(EncounterInput(
        occurred_at=dt.datetime.combine(days_ago(3), dt.time(10)), kind="phone",
        resident_ids=(v.id,)))
    assert len(w.svc.residents.timeline(v.id)) == 1
    w.svc.encounters.delete(e.id)
    assert w.svc.residents.timeline(v.id) == []
