"""Referrals through the service layer: registration, the status state machine,
Positive Health scores, follow-ups and the overdue list."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from gezond_desktop.errors import ValidationError
from gezond_desktop.ids import uuid7
from gezond_desktop.models import ChangeLog, Referral, Resident
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.referrals import ReferralFilter, ReferralInput

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)

SCORES_IN = {"body": 5, "mental": 3, "meaning": 4, "quality_of_life": 4,
             "participation": 2, "daily_functioning": 6}
SCORES_OUT = {"body": 6, "mental": 6, "meaning": 7, "quality_of_life": 6,
              "participation": 7, "daily_functioning": 7}


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    base = open_services(tmp_path / "data")
    # A coordinator who also coaches: these tests are about referrals, not about the
    # caseload rules (see tests/test_security_roles.py), and they edit reference data.
    coach = base.workers.create("Sanne de Vries", "coordinator")
    services = base.as_worker(coach.id)
    yield services
    services.db.close()


def coach_id(svc: Services) -> uuid.UUID:
    assert svc.worker_id is not None
    return svc.worker_id


def make_resident(svc: Services, alias: str, follow_up_consent: bool = True) -> uuid.UUID:
    rid = uuid7()
    with svc.db.write(svc.worker_id) as s:
        s.add(Resident(id=rid, alias=alias, alias_key=alias.lower()))
    if follow_up_consent:  # a follow-up date needs this consent
        svc.residents.add_consent(rid, "referral_follow_up", TODAY - 60 * DAY)
    return rid


def change_count(svc: Services) -> int:
    with svc.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(ChangeLog)) or 0)


def register(svc: Services, alias: str = "Fatima", *, registered_on: dt.date = TODAY - 30 * DAY,
             follow_up_on: dt.date | None = None, resident_id: uuid.UUID | None = None,
             **kw: object) -> uuid.UUID:
    data = ReferralInput(
        resident_id=resident_id or make_resident(svc, alias),
        pathway="welzijn_op_recept",
        source="gp",
        registered_on=registered_on,
        coach_id=coach_id(svc),
        follow_up_on=follow_up_on,
        **kw,  # type: ignore[arg-type]
    )
    return svc.referrals.register(data).id


def test_register_and_walk_to_completed_with_scores(svc: Services) -> None:
    farent = svc.reference.save("organisation", {"name": "Farent", "kind": "welfare"})
    gp = svc.reference.save("organisation", {"name": "Huisartsen Hambaken",
                                             "kind": "gp_practice"})
    start = TODAY - 40 * DAY
    view = svc.referrals.register(ReferralInput(
        resident_id=make_resident(svc, "Mevrouw A."),
        pathway="welzijn_op_recept",
        source="gp",
        registered_on=start,
        coach_id=coach_id(svc),
        referring_organisation_id=gp.id,
        reason="Eenzaam sinds de verhuizing",
        destination_organisation_ids=(farent.id,),
        follow_up_on=start + 7 * DAY,
        intake_scores=SCORES_IN,
    ))
    assert view.status_label == "Aangemeld"
    assert view.coach_name == "Sanne de Vries"
    assert view.referring_organisation_name == "Huisartsen Hambaken"
    assert view.destination_organisation_names == ("Farent",)
    assert set(view.next_statuses) == {"contact_made", "stopped", "not_reached"}

    svc.referrals.step(view.id, "contact_made", start + 2 * DAY, note="Gebeld")
    svc.referrals.step(view.id, "intake", start + 5 * DAY)
    svc.referrals.step(view.id, "in_progress", start + 6 * DAY)
    done = svc.referrals.step(view.id, "completed", start + 30 * DAY, outcome="activity",
                              outcome_note="Gaat elke dinsdag naar de lunch",
                              closing_scores=SCORES_OUT)
    assert done.status_label == "Afgerond"
    assert done.outcome_label == "Meedoen aan een activiteit"
    assert done.next_statuses == ()
    assert svc.referrals.next_statuses(view.id) == []

    detail = svc.referrals.get(view.id)
    assert [e.status_label for e in detail.events] == [
        "Aangemeld", "Contact gelegd", "Intake", "Loopt", "Afgerond"]
    assert [e.occurred_on for e in detail.events] == [
        start, start + 2 * DAY, start + 5 * DAY, start + 6 * DAY, start + 30 * DAY]
    assert detail.events[1].note == "Gebeld"
    assert {e.worker_name for e in detail.events} == {"Sanne de Vries"}
    assert detail.intake_scores is not None and detail.closing_scores is not None
    assert detail.intake_scores.as_dict() == SCORES_IN
    assert detail.intake_scores.measured_on == start
    assert detail.closing_scores.as_dict() == SCORES_OUT
    assert detail.closing_scores.measured_on == start + 30 * DAY
    assert detail.closing_scores.scores[1][1] == "Mentaal welbevinden"

    row = svc.referrals.list()[0]
    assert row.status_label == "Afgerond"
    assert row.days_open == 30
    assert not row.overdue


def test_register_writes_referral_event_and_scores_in_the_change_log(svc: Services) -> None:
    resident = make_resident(svc, "Fatima")
    before = change_count(svc)
    rid = register(svc, resident_id=resident, intake_scores=SCORES_IN)
    assert change_count(svc) - before == 3  # referral, its first event, the intake scores
    with svc.db.read() as s:
        entries = s.execute(select(ChangeLog.entity, ChangeLog.fields)
                            .where(ChangeLog.record_id == rid)).all()
    assert [e for e, _ in entries] == ["referral"]
    assert "status" not in json.loads(entries[0][1])  # a cached, local-only field

    before = change_count(svc)
    svc.referrals.step(rid, "contact_made", TODAY - 20 * DAY)
    assert change_count(svc) - before == 2  # the event and the referral's touch
    with svc.db.read() as s:
        ref = s.get(Referral, rid)
        assert ref is not None and ref.status == "contact_made"


def test_illegal_steps_are_refused_and_nothing_is_written(svc: Services) -> None:
    rid = register(svc)
    before = change_count(svc)
    with pytest.raises(ValidationError) as err:
        svc.referrals.step(rid, "completed", TODAY, outcome="activity")
    assert "'Aangemeld'" in err.value.message and "'Afgerond'" in err.value.message
    assert "Contact gelegd" in err.value.message  # says what is possible
    assert err.value.for_field("status") is not None
    assert change_count(svc) == before
    assert [e.status for e in svc.referrals.get(rid).events] == ["registered"]

    svc.referrals.step(rid, "not_reached", TODAY - 10 * DAY)
    before = change_count(svc)
    with pytest.raises(ValidationError) as err:
        svc.referrals.step(rid, "contact_made", TODAY)
    assert "'Niet bereikt'" in err.value.message and "'Contact gelegd'" in err.value.message
    assert "afgesloten" in err.value.message
    assert change_count(svc) == before


def test_step_dates_must_follow_the_previous_step_and_not_be_in_the_future(
        svc: Services) -> None:
    rid = register(svc, registered_on=TODAY - 10 * DAY)
    svc.referrals.step(rid, "contact_made", TODAY - 5 * DAY)
    before = change_count(svc)
    with pytest.raises(ValidationError) as err:
        svc.referrals.step(rid, "intake", TODAY - 6 * DAY)
    assert "vóór de vorige stap" in (err.value.for_field("on") or "")
    with pytest.raises(ValidationError) as err:
        svc.referrals.step(rid, "intake", TODAY + DAY)
    assert "toekomst" in (err.value.for_field("on") or "")
    assert change_count(svc) == before
    # the same day as the previous step is fine
    assert svc.referrals.step(rid, "intake", TODAY - 5 * DAY).status == "intake"


def test_scores_outside_0_to_10_are_refused_naming_the_dimension(svc: Services) -> None:
    rid = register(svc)
    other = make_resident(svc, "Ander")
    before = change_count(svc)
    with pytest.raises(ValidationError) as err:
        svc.referrals.record_scores(rid, "intake", TODAY, {**SCORES_IN, "mental": 11})
    assert "Mentaal welbevinden" in (err.value.for_field("scores.mental") or "")
    with pytest.raises(ValidationError) as err:
        svc.referrals.record_scores(rid, "intake", TODAY, {**SCORES_IN, "participation": -1})
    assert "Meedoen" in (err.value.for_field("scores.participation") or "")
    missing = {k: v for k, v in SCORES_IN.items() if k != "meaning"}
    with pytest.raises(ValidationError) as err:
        svc.referrals.record_scores(rid, "intake", TODAY, missing)
    assert "Zingeving" in (err.value.for_field("scores.meaning") or "")
    with pytest.raises(ValidationError):
        register(svc, resident_id=other, intake_scores={**SCORES_IN, "body": 12})
    assert change_count(svc) == before
    assert svc.referrals.get(rid).intake_scores is None

    # a correct set is saved; recording again corrects it instead of adding a second
    svc.referrals.record_scores(rid, "intake", TODAY - DAY, SCORES_IN)
    svc.referrals.record_scores(rid, "intake", TODAY, {**SCORES_IN, "mental": 4})
    intake = svc.referrals.get(rid).intake_scores
    assert intake is not None and intake.as_dict()["mental"] == 4
    assert intake.measured_on == TODAY


def test_completing_needs_an_outcome_but_stopping_does_not(svc: Services) -> None:
    rid = register(svc)
    svc.referrals.step(rid, "contact_made", TODAY - 20 * DAY)
    svc.referrals.step(rid, "intake", TODAY - 19 * DAY)
    before = change_count(svc)
    with pytest.raises(ValidationError) as err:
        svc.referrals.step(rid, "completed", TODAY, closing_scores=SCORES_OUT)
    assert err.value.for_field("outcome") == "Kies het resultaat."
    assert change_count(svc) == before
    assert svc.referrals.get(rid).closing_scores is None

    other = register(svc, "Ahmed")
    stopped = svc.referrals.step(other, "stopped", TODAY, note="Verhuisd")
    assert stopped.status_label == "Gestopt" and stopped.outcome is None


def test_list_shows_overdue_first_then_by_follow_up_date(svc: Services) -> None:
    late_2 = register(svc, "Bram", follow_up_on=TODAY - 2 * DAY)
    soon = register(svc, "Cor", follow_up_on=TODAY + 3 * DAY)
    none = register(svc, "Dina")
    late_9 = register(svc, "Eva", follow_up_on=TODAY - 9 * DAY)
    closed = register(svc, "Fien", follow_up_on=TODAY - 20 * DAY)
    svc.referrals.step(closed, "not_reached", TODAY - DAY)
    due_today = register(svc, "Gijs", follow_up_on=TODAY)

    rows = svc.referrals.list()
    assert [r.id for r in rows] == [late_9, late_2, closed, due_today, soon, none]
    assert [r.overdue for r in rows] == [True, True, False, False, False, False]
    assert rows[0].resident_alias == "Eva" and rows[0].days_open == 30
    assert rows[0].coach_name == "Sanne de Vries"

    overdue = svc.referrals.list(ReferralFilter(overdue_only=True))
    assert [r.id for r in overdue] == [late_9, late_2]
    assert [r.id for r in svc.referrals.follow_ups(coach_id(svc))] == [late_9, late_2, due_today]
    assert [r.id for r in svc.referrals.list(ReferralFilter(text="ev"))] == [late_9]

    board = svc.referrals.board()
    assert list(board) == ["registered", "contact_made", "intake", "in_progress",
                           "completed", "stopped", "not_reached"]
    assert [r.id for r in board["not_reached"]] == [closed]
    assert len(board["registered"]) == 5

    other = svc.workers.create("Youssef", "welfare_coach")
    assert svc.referrals.follow_ups(other.id) == []


def test_update_coach_follow_up_and_destinations(svc: Services) -> None:
    rid = register(svc, follow_up_on=TODAY)
    other = svc.workers.create("Youssef", "welfare_coach")
    farent = svc.reference.save("organisation", {"name": "Farent", "kind": "welfare"})
    before = change_count(svc)
    view = svc.referrals.update(rid, coach_id=other.id, follow_up_on=None,
                                destination_organisation_ids=[farent.id], reason="Schulden")
    assert change_count(svc) - before == 1
    assert view.coach_name == "Youssef"
    assert view.follow_up_on is None
    assert view.destination_organisation_names == ("Farent",)
    assert view.reason == "Schulden"
    # nothing different: nothing written
    svc.referrals.update(rid, coach_id=other.id, destination_organisation_ids=[farent.id])
    assert change_count(svc) - before == 1
    with pytest.raises(ValidationError):
        svc.referrals.update(rid, follow_up_on=TODAY - 60 * DAY)


def test_register_refuses_incomplete_input_with_dutch_field_messages(svc: Services) -> None:
    before = change_count(svc)
    with pytest.raises(ValidationError) as err:
        svc.referrals.register(ReferralInput(resident_id=None, pathway="", source="venue",
                                             registered_on=TODAY + DAY))
    assert err.value.for_field("resident_id") == "Kies de inwoner die wordt verwezen."
    assert err.value.for_field("pathway") == "Kies de route."
    assert "toekomst" in (err.value.for_field("registered_on") or "")
    assert "vindplaats" in (err.value.for_field("source_venue_id") or "")
    assert change_count(svc) == before


def test_deleted_referral_leaves_the_lists(svc: Services) -> None:
    rid = register(svc, follow_up_on=TODAY - DAY)
    svc.referrals.delete(rid)
    assert svc.referrals.list() == []
    assert svc.referrals.follow_ups() == []
    with svc.db.read() as s:
        ref = s.get(Referral, rid)
        assert ref is not None and ref.deleted_at is not None  # soft, never removed
