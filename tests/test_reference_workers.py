"""Reference data and workers through the service layer."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from gezond_desktop.errors import NotFoundError, ValidationError
from gezond_desktop.services import Services, open_services


@pytest.fixture
def svc(tmp_path: Path) -> Services:
    return open_services(tmp_path / "data")


def test_add_edit_and_retire_a_neighbourhood(svc: Services) -> None:
    n = svc.reference.save("neighbourhood", {"name": "Hambaken", "code": "HAM",
                                             "municipality": "'s-Hertogenbosch", "is_focus": True})
    assert n.is_focus and n.code == "HAM" and n.detail == "'s-Hertogenbosch"
    edited = svc.reference.save("neighbourhood", {"name": "Hambaken-Oost"}, n.id)
    assert edited.name == "Hambaken-Oost" and edited.code == "HAM"
    svc.reference.set_retired("neighbourhood", n.id)
    assert svc.reference.list("neighbourhood") == []
    [kept] = svc.reference.list("neighbourhood", include_retired=True)
    assert kept.retired and kept.label == "Hambaken-Oost (niet meer in gebruik)"
    # a retired value can still be found (old records and imports refer to it)
    found = svc.reference.find("neighbourhood", "ham")
    assert found is not None and found.id == n.id
    assert not svc.reference.set_retired("neighbourhood", n.id, retired=False).retired


def test_duplicate_code_and_missing_fields_are_named(svc: Services) -> None:
    svc.reference.save("topic", {"name": "Geldzorgen", "code": "money"})
    with pytest.raises(ValidationError) as err:
        svc.reference.save("topic", {"name": "Schulden", "code": "MONEY"})
    assert err.value.for_field("code") == "De code MONEY bestaat al. Kies een andere code."
    with pytest.raises(ValidationError) as err2:
        svc.reference.save("venue", {"name": "", "kind": "onbekend"})
    assert err2.value.for_field("name") == "Vul een naam in."
    assert err2.value.for_field("kind") == "Kies het soort vindplaats uit de lijst."
    assert [t.name for t in svc.reference.list("topic")] == ["Geldzorgen"]


def test_venue_kind_accepts_dutch_label_and_keeps_neighbourhood(svc: Services) -> None:
    n = svc.reference.save("neighbourhood", {"name": "West", "municipality": "X"})
    v = svc.reference.save("venue", {"name": "Sjpruutcafé West", "kind": "Consultatiebureau",
                                     "neighbourhood_id": n.id})
    assert v.detail == "Consultatiebureau" and v.parent_id == n.id


def test_organisation_service_needs_an_existing_organisation(svc: Services) -> None:
    org = svc.reference.save("organisation", {"name": "Farent", "kind": "welfare"})
    s = svc.reference.save("organisation_service",
                           {"name": "Welzijn op Recept", "organisation_id": org.id})
    assert s.parent_id == org.id
    with pytest.raises(ValidationError) as err:
        svc.reference.save("organisation_service", {"name": "Los"})
    assert "organisatie" in (err.value.for_field("organisation_id") or "")
    with pytest.raises(ValidationError):
        svc.reference.save("organisation", {"name": "farent"})  # same name, other case


def test_editing_a_missing_value_is_a_plain_not_found(svc: Services) -> None:
    import uuid

    with pytest.raises(NotFoundError, match="bestaat niet"):
        svc.reference.save("topic", {"name": "x"}, uuid.uuid4())


def test_workers_and_current_profile(svc: Services) -> None:
    org = svc.reference.save("organisation", {"name": "Farent", "kind": "welfare"})
    w = svc.workers.create("Sanne de Vries", "welfare_coach", org.id)
    assert w.role_label == "Welzijnscoach" and w.organisation_name == "Farent"
    assert svc.workers.current() is None
    svc.workers.set_current(w.id)
    reopened = open_services(svc.db.data_dir)
    assert reopened.worker_id == w.id
    assert [x.name for x in svc.workers.list(role="welfare_coach")] == ["Sanne de Vries"]
    svc.workers.update(w.id, active=False)
    assert svc.workers.list() == []
    with pytest.raises(ValidationError) as err:
        svc.workers.create("", "chef")
    assert err.value.for_field("name") == "Vul uw naam in."
    assert err.value.for_field("role") == "Kies een rol uit de lijst."


def test_a_worker_is_found_with_organisation_and_a_stale_profile_is_no_profile(
        svc: Services) -> None:
    import uuid

    org = svc.reference.save("organisation", {"name": "Farent", "kind": "welfare"})
    w = svc.workers.create("Sanne de Vries", "welfare_coach", org.id)
    solo = svc.workers.create("Karim", "key_figure")
    got = svc.workers.get(w.id)
    assert (got.name, got.role, got.organisation_name, got.active) == (
        "Sanne de Vries", "welfare_coach", "Farent", True)
    assert svc.workers.get(solo.id).organisation_name == ""
    with pytest.raises(NotFoundError, match="bestaat niet"):
        svc.workers.get(uuid.uuid4())
    svc.db.set_setting("current_worker_id", str(uuid.uuid4()))
    assert svc.workers.current() is None


def test_saves_are_recorded_as_the_current_worker(svc: Services) -> None:
    from gezond_desktop.models import Topic

    w = svc.workers.create("Ahmed", "coordinator")
    me = svc.as_worker(w.id)
    t = me.reference.save("topic", {"name": "Eenzaamheid"})
    with svc.db.read() as s:
        row = s.get(Topic, t.id)
        assert row is not None and row.created_by == w.id


def test_change_listeners_hear_what_changed(svc: Services) -> None:
    heard: list[frozenset[str]] = []
    svc.subscribe(heard.append)
    svc.reference.save("track", {"name": "Sociale omgeving"})
    assert heard == [frozenset({"track"})]
    with pytest.raises(ValidationError):
        svc.reference.save("track", {"name": ""})
    assert len(heard) == 1


def test_device_name_can_be_changed_and_syncs(svc: Services) -> None:
    from gezond_desktop.models import ChangeLog

    svc.workers.set_device_name("Laptop buurtteam West")
    assert svc.workers.device_name() == "Laptop buurtteam West"
    with svc.db.read() as s:
        last = s.scalars(select(ChangeLog).order_by(ChangeLog.seq.desc())).first()
        assert last is not None and last.entity == "device"
    with pytest.raises(ValidationError):
        svc.workers.set_device_name("  ")


def test_unsubscribed_listener_hears_nothing(svc: Services) -> None:
    heard: list[frozenset[str]] = []
    svc.subscribe(heard.append)
    svc.unsubscribe(heard.append)
    svc.reference.save("track", {"name": "Preventie en zorg"})
    assert heard == []
