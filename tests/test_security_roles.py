"""Role rules, enforced in the service layer (not only by hiding buttons)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from gezond_desktop.errors import PermissionDenied
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.activities import ActivityInput
from gezond_desktop.services.encounters import EncounterInput
from gezond_desktop.services.referrals import ReferralFilter, ReferralInput
from gezond_desktop.services.residents import ResidentInput

TODAY = dt.date.today()


@dataclass
class Team:
    system: Services
    sanne: Services  # community builder
    karim: Services  # key figure
    youssef: Services  # welfare coach
    lotte: Services  # welfare coach
    ilse: Services  # coordinator
    admin: Services
    hood: uuid.UUID


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    system = open_services(tmp_path / "data")
    hood = system.reference.save("neighbourhood", {"name": "Hambaken",
                                                   "municipality": "'s-Hertogenbosch"})

    def as_(name: str, role: str) -> Services:
        return system.as_worker(system.workers.create(name, role).id)

    yield Team(system, as_("Sanne", "community_builder"), as_("Karim", "key_figure"),
               as_("Youssef", "welfare_coach"), as_("Lotte", "welfare_coach"),
               as_("Ilse", "coordinator"), as_("Bea", "admin"), hood.id)
    system.db.close()


def personal_resident(svc: Services, alias: str) -> uuid.UUID:
    return svc.residents.create(ResidentInput(
        alias=alias, full_name=f"{alias} Bouzid", phone="06 12345678",
        email=f"{alias.lower()}@example.nl", notes="woont boven de bakker",
        consents=(("registration", dt.date.today()), ("contact", dt.date.today())))).id


def audit_views(team: Team) -> list[tuple[uuid.UUID | None, uuid.UUID | None]]:
    return [(e.actor_id, e.target_id) for e in team.admin.audit.entries(action="personal_view")]


def test_builder_asking_for_another_builders_resident_gets_a_refusal(team: Team) -> None:
    rid = personal_resident(team.sanne, "Yasmina")

    with pytest.raises(PermissionDenied, match="persoonlijke gegevens van deze inwoner niet"):
        team.karim.residents.get_personal(rid)
    view = team.karim.residents.get(rid)
    assert view.alias == "Yasmina" and view.personal_hidden
    assert (view.full_name, view.phone, view.email, view.notes) == (None, None, None, "")
    assert not team.karim.residents.may_see_personal(rid)
    # Nothing about Karim in the audit log: he saw nothing.
    assert audit_views(team) == []

    # The builder who registered her sees them, and that view is recorded.
    mine = team.sanne.residents.get_personal(rid)
    assert mine.full_name == "Yasmina Bouzid" and not mine.personal_hidden
    assert audit_views(team) == [(team.sanne.worker_id, rid)]


def test_a_logged_contact_or_a_referral_makes_the_resident_theirs(team: Team) -> None:
    rid = personal_resident(team.sanne, "Ruud")
    assert not team.karim.residents.may_see_personal(rid)
    team.karim.encounters.log(EncounterInput(
        occurred_at=dt.datetime.now() - dt.timedelta(hours=1), kind="street",
        neighbourhood_id=team.hood, resident_ids=(rid,)))
    assert team.karim.residents.get_personal(rid).phone == "06 12345678"

    assert not team.youssef.residents.may_see_personal(rid)
    team.sanne.referrals.register(ReferralInput(
        resident_id=rid, pathway="welzijn_op_recept", source="gp", registered_on=TODAY,
        coach_id=team.youssef.worker_id))
    assert team.youssef.residents.get(rid).full_name == "Ruud Bouzid"


def test_coordinator_sees_everyone_and_lists_never_show_personal_details(team: Team) -> None:
    rid = personal_resident(team.sanne, "Fatima")
    assert team.ilse.residents.get(rid).email == "fatima@example.nl"
    [found] = team.sanne.residents.search("fati")
    assert found.full_name is None and found.personal_hidden


def test_masked_edit_keeps_the_details_and_cannot_overwrite_them(team: Team) -> None:
    rid = personal_resident(team.sanne, "Gijs")
    masked = team.karim.residents.get(rid)
    team.karim.residents.update(rid, ResidentInput(alias="Gijs G.", birth_year=1950,
                                                   full_name=masked.full_name,
                                                   notes=masked.notes))
    kept = team.ilse.residents.get(rid)
    assert (kept.alias, kept.full_name, kept.notes) == ("Gijs G.", "Gijs Bouzid",
                                                        "woont boven de bakker")
    with pytest.raises(PermissionDenied):
        team.karim.residents.update(rid, ResidentInput(alias="Gijs", full_name="Iemand anders"))
    assert team.ilse.residents.get(rid).full_name == "Gijs Bouzid"


def register(svc: Services, rid: uuid.UUID, coach: uuid.UUID | None) -> uuid.UUID:
    return svc.referrals.register(ReferralInput(
        resident_id=rid, pathway="welzijn_op_recept", source="gp", registered_on=TODAY,
        coach_id=coach)).id


def test_welfare_coach_sees_their_caseload_and_unassigned_ones_to_pick_up(team: Team) -> None:
    rid = team.sanne.residents.create(ResidentInput(alias="Hanna")).id
    mine = register(team.ilse, rid, team.youssef.worker_id)
    lottes = register(team.ilse, rid, team.lotte.worker_id)
    open_one = register(team.ilse, rid, None)

    seen = {r.id for r in team.youssef.referrals.list()}
    assert seen == {mine, open_one}
    assert {r.id for r in team.youssef.referrals.list(ReferralFilter(open_only=True))} == seen
    with pytest.raises(PermissionDenied, match="caseload"):
        team.youssef.referrals.get(lottes)
    with pytest.raises(PermissionDenied):
        team.youssef.referrals.step(lottes, "contact_made", TODAY)
    # Picking up the unassigned one makes it his.
    team.youssef.referrals.update(open_one, coach_id=team.youssef.worker_id)
    assert team.youssef.referrals.get(open_one).referral.coach_id == team.youssef.worker_id
    assert open_one not in {r.id for r in team.lotte.referrals.list()}
    # The coordinator sees all three; a builder sees none she did not register.
    assert {r.id for r in team.ilse.referrals.list()} == {mine, lottes, open_one}
    assert team.sanne.referrals.list() == []


def test_only_coordinators_edit_reference_data_and_activities(team: Team) -> None:
    for svc in (team.sanne, team.karim, team.youssef):
        with pytest.raises(PermissionDenied, match="coördinator"):
            svc.reference.save("neighbourhood", {"name": "Noord",
                                                 "municipality": "'s-Hertogenbosch"})
        with pytest.raises(PermissionDenied, match="coördinator"):
            svc.reference.set_retired("neighbourhood", team.hood)
        with pytest.raises(PermissionDenied, match="coördinator"):
            svc.activities.create(ActivityInput(name="Zumba West", weekday=2))
    assert [n.name for n in team.system.reference.list("neighbourhood")] == ["Hambaken"]
    assert team.system.activities.list() == []
    team.ilse.reference.save("neighbourhood", {"name": "Noord",
                                               "municipality": "'s-Hertogenbosch"})
    act = team.ilse.activities.create(ActivityInput(name="Zumba West", weekday=2))
    with pytest.raises(PermissionDenied):
        team.sanne.activities.retire(act.id)


def test_reference_import_is_for_coordinators(team: Team, tmp_path: Path) -> None:
    sheet = tmp_path / "buurten.csv"
    sheet.write_text("naam,gemeente\nMeezenbroek,Heerlen\n")
    with pytest.raises(PermissionDenied):
        team.youssef.imports.import_reference("buurt", sheet)
    assert team.ilse.imports.import_reference("buurt", sheet).ok


def test_role_change_is_for_the_admin_and_is_audited(team: Team) -> None:
    karim = team.karim.worker_id
    assert karim is not None
    with pytest.raises(PermissionDenied, match="beheerder"):
        team.ilse.workers.update(karim, role="coordinator")
    assert team.system.workers.get(karim).role == "key_figure"
    team.admin.workers.update(karim, role="coordinator")
    assert team.system.workers.get(karim).role == "coordinator"
    [entry] = team.admin.audit.entries(action="role_change")
    assert (entry.actor_id, entry.target_id) == (team.admin.worker_id, karim)
    assert entry.detail == {"from": "key_figure", "to": "coordinator"}
    # The new role counts at once.
    team.karim.reference.save("topic", {"name": "Geldzorgen"})


def test_audit_log_and_accounts_are_for_the_admin(team: Team) -> None:
    for svc in (team.ilse, team.sanne):
        with pytest.raises(PermissionDenied, match="beheerder"):
            svc.audit.entries()
        with pytest.raises(PermissionDenied, match="beheerder"):
            svc.accounts.list()
        with pytest.raises(PermissionDenied, match="beheerder"):
            svc.accounts.create_account(svc.worker_id, "iemand", "lang-wachtwoord")  # type: ignore[arg-type]
