"""Retention periods: the purge preview lists exactly the residents whose period
has passed, the purge erases exactly those (and refuses when the list changed),
residents inside their period are untouched; also from the CLI."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from test_erasure import NAME, person

from gezond_desktop import cli
from gezond_desktop.errors import GezondError, PermissionDenied, ValidationError
from gezond_desktop.security.audit import AuditAction
from gezond_desktop.services import Services
from gezond_desktop.services.encounters import EncounterInput
from gezond_desktop.services.erasure import RetentionSettings, add_months
from gezond_desktop.services.referrals import ReferralInput
from gezond_desktop.store import redaction

TODAY = dt.date.today()


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def met(svc: Services, rid: uuid.UUID, ago: int) -> None:
    svc.encounters.log(EncounterInput(
        occurred_at=dt.datetime.combine(days_ago(ago), dt.time(10)), kind="street",
        resident_ids=(rid,), notes="notitie"))


def referred(svc: Services, rid: uuid.UUID, registered_ago: int,
             closed_ago: int | None) -> None:
    ref = svc.referrals.register(ReferralInput(
        resident_id=rid, pathway="welzijn_op_recept", source="gp",
        registered_on=days_ago(registered_ago), reason="reden")).id
    if closed_ago is not None:
        svc.referrals.step(ref, "not_reached", days_ago(closed_ago), note="niet bereikt")


@pytest.fixture
def world(services: Services) -> tuple[Services, dict[str, uuid.UUID]]:
    p = {name: person(services, alias=name) for name in (
        "oud contact", "recent contact", "nooit contact", "verwijzing dicht",
        "verwijzing open", "pas dicht", "dicht maar weer gezien")}
    met(services, p["oud contact"], 400)
    met(services, p["recent contact"], 400)
    met(services, p["recent contact"], 20)
    referred(services, p["verwijzing dicht"], 300, 250)
    referred(services, p["verwijzing open"], 400, None)
    referred(services, p["pas dicht"], 200, 30)
    referred(services, p["dicht maar weer gezien"], 300, 250)
    met(services, p["dicht maar weer gezien"], 10)
    services.erasure.set_retention(RetentionSettings(contact_months=12, referral_months=6))
    return services, p


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 11, 15), 14) == dt.date(2026, 1, 15)


def test_preview_equals_what_is_purged_and_the_rest_is_untouched(
        world: tuple[Services, dict[str, uuid.UUID]]) -> None:
    svc, p = world
    preview = svc.erasure.purge_preview(TODAY)
    assert {c.alias for c in preview} == {"oud contact", "verwijzing dicht"}
    by_alias = {c.alias: c for c in preview}
    assert by_alias["oud contact"].reason == "contact"
    assert by_alias["oud contact"].last_date == days_ago(400)
    assert by_alias["verwijzing dicht"].reason == "referral"
    assert by_alias["verwijzing dicht"].last_date == days_ago(250)

    result = svc.erasure.purge(TODAY, [c.resident_id for c in preview])

    assert set(result.erased) == {c.resident_id for c in preview} and not result.cancelled
    for alias, rid in p.items():
        personal = svc.residents.get_personal(rid)
        if alias in by_alias:
            assert (personal.alias, personal.full_name) == (redaction.neutral_alias(rid), None)
        else:
            assert (personal.alias, personal.full_name) == (alias, NAME), alias
    assert svc.erasure.purge_preview(TODAY) == []
    actions = [(e.action, e.detail) for e in svc.as_worker(None).audit.entries()]
    purges = [d for a, d in actions if a == AuditAction.PURGE]
    assert [d["preview"] for d in purges] == [True, False, True]  # newest first
    assert purges[1]["count"] == 2
    erasures = [d for a, d in actions if a == AuditAction.ERASURE]
    assert len(erasures) == 2 and all(d["purge"] for d in erasures)
    assert svc.stats.check() == []


def test_later_dates_bring_more_residents_into_the_purge(
        world: tuple[Services, dict[str, uuid.UUID]]) -> None:
    svc, _ = world
    later = {c.alias for c in svc.erasure.purge_preview(TODAY + dt.timedelta(days=400))}
    assert later == {"oud contact", "recent contact", "nooit contact", "verwijzing dicht",
                     "pas dicht", "dicht maar weer gezien"}  # the open referral stays


def test_purge_refuses_when_the_list_changed_since_the_preview(
        world: tuple[Services, dict[str, uuid.UUID]]) -> None:
    svc, p = world
    preview = svc.erasure.purge_preview(TODAY)
    met(svc, p["oud contact"], 1)  # seen again: no longer due
    with pytest.raises(GezondError, match="veranderd"):
        svc.erasure.purge(TODAY, [c.resident_id for c in preview])
    assert svc.residents.get_personal(p["verwijzing dicht"]).full_name == NAME


def test_without_periods_nothing_is_due_and_only_coordinators_may_set_them(
        services: Services) -> None:
    rid = person(services)
    met(services, rid, 3000)
    assert services.erasure.purge_preview(TODAY + dt.timedelta(days=9000)) == []
    with pytest.raises(ValidationError):
        services.erasure.set_retention(RetentionSettings(contact_months=0))
    builder = services.workers.create("Bram", "community_builder")
    other = services.as_worker(builder.id)
    with pytest.raises(PermissionDenied):
        other.erasure.set_retention(RetentionSettings(contact_months=12))
    with pytest.raises(PermissionDenied):
        other.erasure.purge_preview(TODAY)
    services.erasure.set_retention(RetentionSettings(contact_months=24))
    assert services.erasure.retention() == RetentionSettings(24, None)


def test_cli_preview_and_run(world: tuple[Services, dict[str, uuid.UUID]],
                             capsys: pytest.CaptureFixture[str]) -> None:
    svc, p = world
    data: Path = svc.db.data_dir
    assert cli.main(["purge", "--preview", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "oud contact" in out and "verwijzing dicht" in out and "recent contact" not in out
    assert svc.residents.get_personal(p["oud contact"]).full_name == NAME  # preview only
    assert cli.main(["purge", "--run", "--yes", "--data-dir", str(data)]) == 0
    assert "Gewist: 2" in capsys.readouterr().out
    assert svc.residents.get_personal(p["oud contact"]).full_name is None
    assert svc.residents.get_personal(p["recent contact"]).full_name == NAME
    assert cli.main(["purge", "--preview", "--data-dir", str(data)]) == 0
    assert "geen inwoners" in capsys.readouterr().out


def test_cli_run_asks_first_and_cancel_stops_between_residents(
        world: tuple[Services, dict[str, uuid.UUID]], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import io

    svc, p = world
    monkeypatch.setattr("sys.stdin", io.StringIO("nee\n"))
    assert cli.main(["purge", "--run", "--data-dir", str(svc.db.data_dir)]) == 1
    assert "niets gewist" in capsys.readouterr().out
    assert svc.residents.get_personal(p["oud contact"]).full_name == NAME
    preview = svc.erasure.purge_preview(TODAY)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 1  # the user cancels after the first resident

    result = svc.erasure.purge(TODAY, [c.resident_id for c in preview], progress=progress)
    assert result.cancelled and result.planned == 2 and len(result.erased) == 1
    assert calls == [(0, 2), (1, 2)]
    assert len(svc.erasure.purge_preview(TODAY)) == 1  # the other one is still due
