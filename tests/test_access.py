"""Right of access: one action writes everything held about a resident as JSON and PDF;
only for workers who may see the resident's personal details; audited."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from gezond_desktop.errors import PermissionDenied
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.activities import ActivityInput
from gezond_desktop.services.drafts import save_draft
from gezond_desktop.services.encounters import EncounterInput
from gezond_desktop.services.referrals import ReferralInput
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.services.rights import RightsService

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)
SCORES = {"body": 4, "mental": 3, "meaning": 5, "quality_of_life": 4, "participation": 2,
          "daily_functioning": 6}


@dataclass
class World:
    system: Services
    coach: Services  # registered the resident: theirs
    builder: Services  # not linked to the resident
    rid: uuid.UUID
    other: uuid.UUID
    records: set[str]  # ids of every record made for the resident
    other_records: set[str]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    system = open_services(tmp_path / "data", device_name="Laptop Hambaken")
    hood = system.reference.save("neighbourhood", {"name": "Hambaken",
                                                   "municipality": "'s-Hertogenbosch"})
    coach = system.as_worker(system.workers.create("Sanne de Vries", "welfare_coach").id)
    builder = system.as_worker(system.workers.create("Karim", "community_builder").id)
    res = coach.residents.create(ResidentInput(
        alias="Plantje", full_name="Johanna de Wit", phone="06 12345678",
        birth_year=1980, neighbourhood_id=hood.id, notes="Belt liever 's avonds",
        consents=(("registration", TODAY - 20 * DAY), ("contact", TODAY - 20 * DAY),
                  ("referral_follow_up", TODAY - 20 * DAY))))
    other = coach.residents.create(ResidentInput(alias="Buurman Gerrit"))
    records = {str(res.id), *(str(c.id) for c in res.consents)}
    both = coach.encounters.log(EncounterInput(
        occurred_at=dt.datetime.combine(TODAY - 10 * DAY, dt.time(10)), kind="street",
        head_count=2, neighbourhood_id=hood.id, resident_ids=(res.id, other.id),
        notes="Samen bij de markt"))
    records.add(str(both.id))
    ref = coach.referrals.register(ReferralInput(
        resident_id=res.id, pathway="welzijn_op_recept", source="gp",
        registered_on=TODAY - 9 * DAY, coach_id=coach.worker_id, reason="Eenzaam",
        follow_up_on=TODAY + 5 * DAY, intake_scores=SCORES))
    coach.referrals.step(ref.id, "contact_made", TODAY - 8 * DAY, note="Gebeld")
    detail = coach.referrals.get(ref.id)
    records |= {str(ref.id), *(str(e.id) for e in detail.events)}
    assert detail.intake_scores is not None
    records.add(str(detail.intake_scores.id))
    act = system.activities.create(ActivityInput(name="Samen Koken", weekday=1,
                                                 neighbourhood_id=hood.id))
    sess = coach.activities.create_session(act.id, TODAY - 7 * DAY)
    records.add(str(coach.activities.add_attendance(sess.id, res.id).id))
    other_att = coach.activities.add_attendance(sess.id, other.id)
    other_ref = coach.referrals.register(ReferralInput(
        resident_id=other.id, pathway="vindplaats", source="self",
        registered_on=TODAY - 3 * DAY))
    save_draft(system.db, "referral_new", {"resident_id": str(res.id), "reason": "Concept"})
    yield World(system, coach, builder, res.id, other.id, records,
                {str(other.id), str(other_att.id), str(other_ref.id)})
    system.db.close()


def _all_ids(data: object) -> set[str]:
    text = json.dumps(data)
    return {w.strip('"') for w in text.replace(",", " ").replace(":", " ").split()
            if len(w.strip('"')) == 36 and w.strip('"').count("-") == 4}


def test_json_holds_every_record_of_the_resident_and_none_of_another(
        world: World, tmp_path: Path) -> None:
    world.coach.residents.get(world.rid)  # a view of her personal details: audited
    files = RightsService(world.coach).export_access(world.rid, tmp_path / "inzage")
    json_path, pdf_path = files
    assert json_path.suffix == ".json" and pdf_path.suffix == ".pdf"
    assert "Plantje" not in json_path.name  # no name in a file name
    text = json_path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    ids = _all_ids(data)
    assert world.records <= ids
    assert not (world.other_records & ids)
    assert "Buurman Gerrit" not in text
    r = data["resident"]
    assert (r["alias"], r["full_name"], r["phone"], r["notes"]) == (
        "Plantje", "Johanna de Wit", "06 12345678", "Belt liever 's avonds")
    assert {c["purpose"] for c in data["consents"]} == {
        "Vastleggen van gegevens", "Contact opnemen", "Opvolgen van een verwijzing"}
    assert all(c["recorded_by"] == "Sanne de Vries" for c in data["consents"])
    (contact,) = data["contacts"]
    assert contact["notes"] == "Samen bij de markt" and contact["people"] == 2
    (ref,) = data["referrals"]
    assert [s["status"] for s in ref["status_history"]] == ["Aangemeld", "Contact gelegd"]
    assert ref["positive_health"][0]["measured_on"] == (TODAY - 9 * DAY).isoformat()
    assert [a["activity"] for a in data["attendance"]] == ["Samen Koken"]
    assert [d["form"] for d in data["drafts"]] == ["referral_new"]
    assert [a["action"] for a in data["audit"]] == ["Persoonlijke gegevens bekeken"]
    assert data["audit"][0]["by"] == "Sanne de Vries"
    assert data["device"] == "Laptop Hambaken" and data["made_by"] == "Sanne de Vries"


def test_pdf_reads_back_with_alias_consent_and_contact_dates(world: World,
                                                              tmp_path: Path) -> None:
    _, pdf_path = RightsService(world.coach).export_access(world.rid, tmp_path)
    text = "\n".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    flat = " ".join(text.split())
    assert "Inzageverzoek" in flat and "Plantje" in flat and "Johanna de Wit" in flat
    assert "Toestemming" in flat and "Vastleggen van gegevens" in flat

    def nl(d: dt.date) -> str:
        months = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                  "augustus", "september", "oktober", "november", "december"]
        return f"{d.day} {months[d.month - 1]} {d.year}"

    assert nl(TODAY - 20 * DAY) in flat  # consent given on
    assert f"{nl(TODAY - 10 * DAY)} om 10:00 uur" in flat  # contact moment
    assert "Pagina 1 van" in flat
    assert "Buurman Gerrit" not in flat


def test_a_builder_who_is_not_linked_is_refused_and_nothing_is_written(
        world: World, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied, match="inzageverzoek"):
        RightsService(world.builder).export_access(world.rid, tmp_path / "nee")
    assert not (tmp_path / "nee").exists()
    assert world.system.audit.entries(action="access_report") == []


def test_the_access_report_is_in_the_audit_log(world: World, tmp_path: Path) -> None:
    RightsService(world.coach).export_access(world.rid, tmp_path)
    (entry,) = world.system.audit.entries(action="access_report")
    assert entry.target_id == world.rid and entry.actor_id == world.coach.worker_id
    assert entry.detail["sections"]["referrals"] == 1
    assert world.system.audit.verify_chain() == []


def test_cli_access_writes_both_files(world: World, tmp_path: Path) -> None:
    data_dir = world.system.db.path.parent
    world.system.db.close()
    out = tmp_path / "cli-out"
    done = subprocess.run([sys.executable, "-m", "gezond_desktop.cli", "--data-dir",
                           str(data_dir), "access", "--resident", str(world.rid),
                           "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(p.suffix for p in out.iterdir()) == [".json", ".pdf"]
    assert "inzage_" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "gezond_desktop.cli", "--data-dir",
                          str(data_dir), "access", "--resident", "geen-nummer",
                          "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and "nummer" in (bad.stderr + bad.stdout)
