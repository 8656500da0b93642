"""Consent per purpose: personal details only with consent, withdrawal clears what the
consent allowed (and that syncs), follow-ups only with consent (docs/privacy.md)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_world import Device, Team, make_team, referral, resident

from gezond_desktop.errors import ValidationError
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.referrals import ReferralInput
from gezond_desktop.services.residents import ResidentInput

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    s = open_services(tmp_path / "data", device_name="Test")
    me = s.workers.create("Sanne de Vries", "welfare_coach")
    s.workers.set_current(me.id)
    s = s.as_worker(me.id)
    yield s
    s.db.close()


def consent_id(s: Services, rid: uuid.UUID, purpose: str) -> uuid.UUID:
    return next(c.id for c in s.residents.get(rid).consents
                if c.purpose == purpose and c.active)


def register(s: Services, rid: uuid.UUID, follow_up_on: dt.date | None) -> uuid.UUID:
    return s.referrals.register(ReferralInput(
        resident_id=rid, pathway="welzijn_op_recept", source="gp",
        registered_on=TODAY - 10 * DAY, coach_id=s.worker_id, follow_up_on=follow_up_on)).id


# -- details only with the consent that allows them --------------------------------------
@pytest.mark.parametrize(("field", "value", "purpose"), [
    ("full_name", "Fatima El Amrani", "Vastleggen van gegevens"),
    ("notes", "Via het babycafé", "Vastleggen van gegevens"),
    ("phone", "06 12345678", "Contact opnemen"),
    ("email", "fatima@voorbeeld.nl", "Contact opnemen"),
])
def test_personal_detail_without_consent_is_refused_in_dutch(
        svc: Services, field: str, value: str, purpose: str) -> None:
    with pytest.raises(ValidationError) as err:
        svc.residents.create(ResidentInput(alias="Fatima", **{field: value}))
    msg = err.value.for_field(field) or ""
    assert msg.startswith("Leg eerst de toestemming") and purpose in msg
    assert svc.residents.search("Fatima") == []  # nothing saved


def test_contact_consent_does_not_allow_a_name(svc: Services) -> None:
    with pytest.raises(ValidationError) as err:
        svc.residents.create(ResidentInput(alias="Mo", full_name="Mo Haddou", phone="0612345678",
                                           consents=(("contact", TODAY),)))
    assert err.value.for_field("full_name") and not err.value.for_field("phone")


def test_consent_given_in_the_same_save_allows_the_details(svc: Services) -> None:
    v = svc.residents.create(ResidentInput(
        alias="Fatima", full_name="Fatima El Amrani", phone="06 12345678",
        consents=(("registration", TODAY - DAY), ("contact", TODAY))))
    got = svc.residents.get(v.id)
    assert (got.full_name, got.phone) == ("Fatima El Amrani", "06 12345678")
    by_purpose = {c.purpose: c for c in got.consents}
    assert by_purpose["registration"].given_on == TODAY - DAY
    assert by_purpose["contact"].recorded_by_name == "Sanne de Vries"
    # Later: an e-mail address is fine (contact consent), so is an update adding consent.
    svc.residents.update(v.id, ResidentInput(alias="Fatima", full_name="Fatima El Amrani",
                                             phone="06 12345678", email="f@voorbeeld.nl"))
    other = svc.residents.create(ResidentInput(alias="Bram"))
    with pytest.raises(ValidationError):
        svc.residents.update(other.id, ResidentInput(alias="Bram", notes="Wil meedoen"))
    svc.residents.update(other.id, ResidentInput(alias="Bram", notes="Wil meedoen",
                                                 consents=(("registration", TODAY),)))
    assert svc.residents.get(other.id).notes == "Wil meedoen"


# -- withdrawal clears ------------------------------------------------------------------
def test_withdrawing_each_consent_clears_what_it_allowed(svc: Services) -> None:
    rid = svc.residents.create(ResidentInput(
        alias="Fatima", full_name="Fatima El Amrani", phone="06 12345678",
        email="f@voorbeeld.nl", notes="Via het babycafé",
        consents=(("registration", TODAY), ("contact", TODAY),
                  ("referral_follow_up", TODAY)))).id
    open_ref = register(svc, rid, TODAY + 7 * DAY)
    closed_ref = register(svc, rid, TODAY - DAY)
    svc.referrals.step(closed_ref, "stopped", TODAY)

    done = svc.residents.withdraw(consent_id(svc, rid, "contact"))
    assert set(done.cleared_fields) == {"phone", "email"}
    v = svc.residents.get(rid)
    assert (v.phone, v.email, v.full_name) == (None, None, "Fatima El Amrani")

    done = svc.residents.withdraw(consent_id(svc, rid, "referral_follow_up"))
    assert done.cleared_follow_ups == 1
    assert svc.referrals.get(open_ref).referral.follow_up_on is None
    # A closed referral keeps its history as it was.
    assert svc.referrals.get(closed_ref).referral.follow_up_on == TODAY - DAY
    with pytest.raises(ValidationError) as err:
        svc.referrals.update(open_ref, follow_up_on=TODAY + DAY)
    assert "Leg eerst de toestemming" in (err.value.for_field("follow_up_on") or "")

    svc.residents.withdraw(consent_id(svc, rid, "registration"))
    v = svc.residents.get(rid)
    assert (v.full_name, v.notes, v.alias) == (None, "", "Fatima")
    withdrawn = [c for c in v.consents if not c.active]
    assert len(withdrawn) == 3 and all(c.withdrawn_on == TODAY for c in withdrawn)
    assert all(c.withdrawn_by_name == "Sanne de Vries" for c in withdrawn)
    # Recorded in the audit log: who, which consent, what was cleared.
    admin = svc.as_worker(None)
    entries = admin.audit.entries(action="consent_withdrawn")
    assert len(entries) == 3
    assert {e.detail["purpose"] for e in entries} == {"contact", "referral_follow_up",
                                                      "registration"}
    assert all(e.actor_id == svc.worker_id for e in entries)
    assert next(e for e in entries if e.detail["purpose"] == "registration"
                ).detail["cleared"] == ["full_name", "notes"]


def test_follow_ups_only_for_residents_with_that_consent(svc: Services) -> None:
    yes = svc.residents.create(ResidentInput(
        alias="Ja", consents=(("referral_follow_up", TODAY - 30 * DAY),))).id
    no = svc.residents.create(ResidentInput(alias="Nee")).id
    with pytest.raises(ValidationError) as err:
        register(svc, no, TODAY - DAY)
    assert "Opvolgen van een verwijzing" in (err.value.for_field("follow_up_on") or "")
    mine = register(svc, yes, TODAY - DAY)
    register(svc, no, None)  # without a follow-up date it is fine
    assert [r.id for r in svc.referrals.follow_ups(today=TODAY)] == [mine]
    # Mijn taken: once the consent is gone, the follow-up is gone as well.
    svc.residents.withdraw_consent(consent_id(svc, yes, "referral_follow_up"))
    assert svc.referrals.follow_ups(today=TODAY) == []


# -- withdrawal reaches every device through sync ---------------------------------------
@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    t = make_team(tmp_path, 2)
    yield t
    t.close()


def stored(dev: Device, rid: uuid.UUID) -> tuple[bool, bool, bool]:
    """Whether name, phone and notes hold a value in the device's database file."""
    conn = sqlite3.connect(dev.svc.db.path)
    try:
        row = conn.execute("SELECT full_name, phone, notes FROM resident WHERE id = ?",
                           (rid.bytes,)).fetchone()
    finally:
        conn.close()
    return tuple(bool(v) for v in row)  # type: ignore[return-value]


def test_withdrawal_syncs_and_device_b_sees_the_values_gone(team: Team) -> None:
    a, b = team.devices
    rid = resident(a, "Plantje", full_name="Johanna de Wit", phone="0612345678",
                   notes="Belt liever 's avonds",
                   consents=(("registration", TODAY), ("contact", TODAY),
                             ("referral_follow_up", TODAY)))
    ref = referral(a, rid)
    a.svc.referrals.update(ref, follow_up_on=TODAY + 5 * DAY)
    a.sync.sync_now()
    b.sync.sync_now()
    # Device B holds the details (stored as this device stores them: maybe encrypted).
    assert stored(b, rid) == (True, True, True)
    assert b.svc.referrals.get(ref).referral.follow_up_on == TODAY + 5 * DAY

    for purpose in ("registration", "contact", "referral_follow_up"):
        a.svc.residents.withdraw_consent(consent_id(a.svc, rid, purpose))
    a.sync.sync_now()
    b.sync.sync_now()
    assert stored(b, rid) == (False, False, False)
    gone = b.svc.residents.get(rid)
    assert (gone.full_name, gone.phone, gone.email, gone.notes) == (None, None, None, "")
    assert not any(c.active for c in gone.consents)
    assert b.svc.referrals.get(ref).referral.follow_up_on is None
    assert b.svc.referrals.follow_ups(today=TODAY + 30 * DAY) == []
    assert a.dump() == b.dump()
