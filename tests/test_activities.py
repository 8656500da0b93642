"""Activities, sessions and the attendance roll call through the service layer."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gezond_desktop.errors import ValidationError
from gezond_desktop.ids import uuid7
from gezond_desktop.models import Attendance, ChangeLog, Resident
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.activities import (
    DUPLICATE_ATTENDANCE,
    ActivityInput,
    normalise_alias,
    schedule_text,
)

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)
TUESDAY = 1


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    base = open_services(tmp_path / "data")
    me = base.workers.create("Ilse", "coordinator")
    services = base.as_worker(me.id)
    yield services
    services.db.close()


def change_count(svc: Services) -> int:
    with svc.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(ChangeLog)) or 0)


def make_residents(svc: Services, aliases: list[str]) -> list[uuid.UUID]:
    ids = [uuid7() for _ in aliases]
    with svc.db.write(svc.worker_id) as s:
        for rid, alias in zip(ids, aliases, strict=True):
            s.add(Resident(id=rid, alias=alias, alias_key=normalise_alias(alias)))
    return ids


def lunch(svc: Services, **kw: object) -> uuid.UUID:
    data = ActivityInput(name="VeadsEat", schedule_kind="weekly", weekday=TUESDAY,
                         start_time=dt.time(12, 0))
    return svc.activities.create(replace(data, **kw)).id  # type: ignore[arg-type]


def last_tuesday() -> dt.date:
    return TODAY - dt.timedelta(days=(TODAY.weekday() - TUESDAY) % 7)


def test_activity_shows_its_reference_data_and_schedule_in_dutch(svc: Services) -> None:
    ref = svc.reference
    oost = ref.save("neighbourhood", {"name": "Oost", "municipality": "'s-Hertogenbosch",
                                      "is_focus": True})
    veads = ref.save("organisation", {"name": "Veads", "kind": "welfare"})
    huis = ref.save("venue", {"name": "Buurthuis De Poort", "kind": "community_centre",
                              "neighbourhood_id": oost.id})
    social = ref.save("track", {"name": "Sociale omgeving"})
    women = ref.save("target_group", {"name": "Vrouwen en moeders"})
    line = ref.save("programme_line", {"name": "Inwoners aan zet"})

    view = svc.activities.create(ActivityInput(
        name="VeadsEat", description="Gratis warme lunch", schedule_kind="weekly",
        weekday=TUESDAY, start_time=dt.time(12, 0), starts_on=dt.date(2025, 1, 7),
        organisation_id=veads.id, neighbourhood_id=oost.id, venue_id=huis.id,
        programme_line_id=line.id, track_ids=(social.id,), target_group_ids=(women.id,)))
    got = svc.activities.get(view.id)
    assert got.schedule_text == "Elke week op dinsdag, 12:00"
    assert (got.organisation_name, got.neighbourhood_name, got.venue_name) == (
        "Veads", "Oost", "Buurthuis De Poort")
    assert got.track_names == ("Sociale omgeving",)
    assert got.target_group_names == ("Vrouwen en moeders",)
    assert got.programme_line_name == "Inwoners aan zet"
    assert got.schedule_kind_label == "Elke week"

    before = change_count(svc)
    changed = svc.activities.update(view.id, ActivityInput(
        name="VeadsEat", description="Gratis warme lunch", schedule_kind="biweekly",
        weekday=3, start_time=dt.time(12, 30), starts_on=dt.date(2025, 1, 7),
        organisation_id=veads.id, neighbourhood_id=oost.id, venue_id=huis.id,
        programme_line_id=line.id, track_ids=(), target_group_ids=(women.id,)))
    assert change_count(svc) - before == 1  # one save, one change entry
    assert changed.schedule_text == "Om de week op donderdag, 12:30"
    assert changed.track_names == ()


def test_schedule_text_for_every_kind() -> None:
    assert schedule_text("monthly", 0, dt.time(19, 0)) == "Elke maand op maandag, 19:00"
    assert schedule_text("once", None, dt.time(10, 0), dt.date(2025, 6, 14)) == (
        "Eenmalig op zaterdag 14-6-2025, 10:00")
    assert schedule_text("irregular", None, None) == "Onregelmatig"
    assert schedule_text("weekly", 4, None) == "Elke week op vrijdag"


def test_activity_input_is_checked(svc: Services) -> None:
    with pytest.raises(ValidationError) as err:
        svc.activities.create(ActivityInput(name=" ", schedule_kind="weekly",
                                            starts_on=TODAY, ends_on=TODAY - DAY))
    assert err.value.for_field("name") == "Vul de naam van de activiteit in."
    assert "dag van de week" in (err.value.for_field("weekday") or "")
    assert "einddatum" in (err.value.for_field("ends_on") or "")
    assert svc.activities.list() == []


def test_next_session_date_follows_the_schedule(svc: Services) -> None:
    weekly = lunch(svc, starts_on=dt.date(2025, 1, 1))  # a Wednesday
    assert svc.activities.next_session_date(weekly) == dt.date(2025, 1, 7)
    svc.activities.create_session(weekly, dt.date(2025, 3, 4))
    assert svc.activities.next_session_date(weekly) == dt.date(2025, 3, 11)
    assert svc.activities.next_session_date(weekly, after=dt.date(2025, 3, 12)) == (
        dt.date(2025, 3, 18))

    biweekly = lunch(svc, name="Zwemles Oost", schedule_kind="biweekly")
    svc.activities.create_session(biweekly, dt.date(2025, 3, 4))
    assert svc.activities.next_session_date(biweekly) == dt.date(2025, 3, 18)

    monthly = lunch(svc, name="Buurtkamer West", schedule_kind="monthly", weekday=None)
    svc.activities.create_session(monthly, dt.date(2025, 1, 31))
    assert svc.activities.next_session_date(monthly) == dt.date(2025, 2, 28)

    once = lunch(svc, name="Buurtfeest", schedule_kind="once", weekday=None)
    assert svc.activities.next_session_date(once, today=dt.date(2025, 5, 5)) == (
        dt.date(2025, 5, 5))


def test_retired_activities_leave_the_list_but_keep_their_sessions(svc: Services) -> None:
    aid = lunch(svc)
    svc.activities.create_session(aid, TODAY)
    assert svc.activities.retire(aid).retired
    assert svc.activities.list() == []
    assert [a.label for a in svc.activities.list(include_retired=True)] == [
        "VeadsEat (niet meer in gebruik)"]
    assert len(svc.activities.sessions(aid)) == 1
    assert not svc.activities.retire(aid, retired=False).retired


def test_one_session_per_activity_per_date(svc: Services) -> None:
    aid = lunch(svc)
    day = dt.date(2025, 3, 4)
    first = svc.activities.create_session(aid, day, anonymous_guests=3)
    before = change_count(svc)
    with pytest.raises(ValidationError) as err:
        svc.activities.create_session(aid, day)
    assert err.value.for_field("held_on") == (
        "Er is al een bijeenkomst van deze activiteit op 4-3-2025. "
        "Kies een andere datum of open die bijeenkomst.")
    second = svc.activities.create_session(aid, day + 7 * DAY)
    with pytest.raises(ValidationError):
        svc.activities.update_session(second.id, held_on=day)
    assert change_count(svc) == before + 1
    with pytest.raises(ValidationError) as err:
        svc.activities.create_session(aid, TODAY + DAY)
    assert "toekomst" in (err.value.for_field("held_on") or "")
    with pytest.raises(ValidationError):
        svc.activities.create_session(aid, TODAY, anonymous_guests=-2)

    svc.activities.delete_session(first.id)
    assert [r.held_on for r in svc.activities.sessions(aid)] == [day + 7 * DAY]
    # the date is free again once that session is deleted
    assert svc.activities.create_session(aid, day).held_on == day


def test_roll_call_of_twenty_people_saved_in_one_call(svc: Services) -> None:
    aid = lunch(svc)
    tue = last_tuesday()
    aliases = [f"Gast {i:02d}" for i in range(17)]
    known = make_residents(svc, aliases)
    s1 = svc.activities.create_session(aid, tue - 7 * DAY)
    assert svc.activities.roll_call(s1.id).entries == ()

    before = change_count(svc)
    entries = [(rid, "participant") for rid in known[:16]] + [(known[16], "volunteer")]
    call = svc.activities.save_roll_call(
        s1.id, entries, anonymous_guests=4,
        new_aliases=[("  Zoë   van Dijk ", "participant"), ("Ahmed", "participant"),
                     ("Mevrouw K.", "volunteer")])
    # 20 attendances, 3 new residents, the session's head count: one entry each
    assert change_count(svc) - before == 24
    assert call.ticked_count == 20
    assert call.anonymous_guests == 4
    [row] = svc.activities.sessions(aid)
    assert (row.participants, row.volunteers, row.total) == (18, 2, 24)
    with svc.db.read() as s:
        zoe = s.scalars(select(Resident).where(Resident.alias == "Zoë van Dijk")).one()
        assert zoe.alias_key == "zoe van dijk"

    # next week: last week's twenty are listed, nobody ticked yet
    s2 = svc.activities.create_session(aid, tue)
    call2 = svc.activities.roll_call(s2.id)
    assert len(call2.entries) == 20 and call2.ticked_count == 0
    assert call2.previous_held_on == tue - 7 * DAY
    volunteers = {e.alias for e in call2.entries if e.role == "volunteer"}
    assert volunteers == {"Gast 16", "Mevrouw K."}

    ticked = [(e.resident_id, e.role) for e in call2.entries[:12]]
    before = change_count(svc)
    call2 = svc.activities.save_roll_call(s2.id, ticked, 0, [("Nieuwe buurvrouw", "participant")])
    assert change_count(svc) - before == 14  # 12 + 1 attendances, 1 resident
    assert call2.ticked_count == 13 and len(call2.entries) == 21

    # untick two and make one a volunteer: three changes, nothing else
    first = ticked[2][0]
    kept = [(rid, "volunteer" if rid == first else role) for rid, role in ticked[2:]]
    kept.append((next(e.resident_id for e in call2.entries if e.alias == "Nieuwe buurvrouw"),
                 "participant"))
    before = change_count(svc)
    call2 = svc.activities.save_roll_call(s2.id, kept, 0, [])
    assert change_count(svc) - before == 3
    assert call2.ticked_count == 11
    [now, _] = svc.activities.sessions(aid)
    assert (now.participants, now.volunteers) == (10, 1)
    with svc.db.read() as s:
        gone = s.scalars(select(Attendance).where(
            Attendance.session_id == s2.id, Attendance.deleted_at.is_not(None))).all()
    assert len(gone) == 2  # unticked means marked deleted, never removed

    # ticking someone again brings their attendance back instead of adding a row
    again = svc.activities.save_roll_call(s2.id, [*kept, (ticked[1][0], "participant")], 0)
    assert again.ticked_count == 12
    with svc.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attendance).where(
            Attendance.session_id == s2.id)) == 13


def test_duplicate_attendance_is_refused(svc: Services) -> None:
    aid = lunch(svc)
    session = svc.activities.create_session(aid, last_tuesday())
    [fatima, bram] = make_residents(svc, ["Fatima", "Bram"])
    row = svc.activities.add_attendance(session.id, fatima)
    assert (row.resident_alias, row.role_label) == ("Fatima", "Deelnemer")
    before = change_count(svc)
    with pytest.raises(ValidationError) as err:
        svc.activities.add_attendance(session.id, fatima, "volunteer")
    assert err.value.message == DUPLICATE_ATTENDANCE
    assert DUPLICATE_ATTENDANCE == "Deze inwoner staat al op de lijst van deze bijeenkomst."
    with pytest.raises(ValidationError) as err:
        svc.activities.save_roll_call(
            session.id, [(bram, "participant"), (bram, "volunteer")], 0, [("Nieuw", "participant")])
    assert DUPLICATE_ATTENDANCE in err.value.message
    assert change_count(svc) == before  # nothing half-saved, no new resident either
    assert [a.resident_alias for a in svc.activities.attendances(session.id)] == ["Fatima"]


def test_the_database_itself_refuses_a_second_live_attendance(svc: Services) -> None:
    aid = lunch(svc)
    session = svc.activities.create_session(aid, last_tuesday())
    [rid] = make_residents(svc, ["Fatima"])
    svc.activities.add_attendance(session.id, rid)
    with pytest.raises(Exception, match="UNIQUE"), svc.db.write(svc.worker_id) as s:
        s.add(Attendance(id=uuid7(), session_id=session.id, resident_id=rid))
