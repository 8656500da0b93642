"""The central export: complete tables, but never a name, contact detail or note of a
resident, and pseudonyms that hold within one export only."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from gezond_desktop.errors import GezondError
from gezond_desktop.reports.central import central_export
from gezond_desktop.reports.model import ReportSpec
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.activities import ActivityInput
from gezond_desktop.services.encounters import EncounterInput
from gezond_desktop.services.referrals import ReferralInput
from gezond_desktop.services.residents import ResidentInput

SECRETS = ["Yasmina Bouzid", "06-12345678", "yasmina@example.nl", "woont-boven-de-bakker",
           "praat-over-schulden", "reden-geheim-42", "uitkomst-notitie-77", "stap-notitie-13",
           "bijeenkomst-notitie-5", "Gijs van Dam", "gijs@example.org", "Yasmina"]
SPEC = ReportSpec("central", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
CONSENTS = (("registration", dt.date(2025, 1, 1)), ("contact", dt.date(2025, 1, 1)))


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    s = open_services(tmp_path / "data", device_name="Test")
    hood = s.reference.save("neighbourhood", {"name": "Hambaken", "code": "hambaken",
                                              "municipality": "'s-Hertogenbosch",
                                              "is_focus": True})
    org = s.reference.save("organisation", {"name": "Farent", "kind": "welfare"})
    w = s.workers.create("Coach Marieke", "coordinator", org.id)
    s.workers.set_current(w.id)
    system = s  # activities are a coordinator's (here: the local system's) work
    s = s.as_worker(w.id)
    yas = s.residents.create(ResidentInput(
        alias="Yasmina", full_name="Yasmina Bouzid", phone="06-12345678",
        email="yasmina@example.nl", birth_year=1984, gender="woman", neighbourhood_id=hood.id,
        notes="woont-boven-de-bakker", consents=CONSENTS)).id
    gijs = s.residents.create(ResidentInput(alias="Gijs", full_name="Gijs van Dam",
                                            email="gijs@example.org", birth_year=1950,
                                            consents=CONSENTS)).id
    act = system.activities.create(ActivityInput(name="Lunch", weekday=1,
                                                  neighbourhood_id=hood.id))
    sess = s.activities.create_session(act.id, dt.date(2025, 3, 4), anonymous_guests=3,
                                       notes="bijeenkomst-notitie-5")
    s.activities.add_attendance(sess.id, yas)
    s.activities.add_attendance(sess.id, gijs, "volunteer")
    s.encounters.log(EncounterInput(occurred_at=dt.datetime(2025, 3, 5, 10), kind="street",
                                    head_count=2, resident_ids=(yas, gijs),
                                    neighbourhood_id=hood.id, notes="praat-over-schulden"))
    ref = s.referrals.register(ReferralInput(
        resident_id=yas, pathway="welzijn_op_recept", source="gp",
        registered_on=dt.date(2025, 3, 6), coach_id=w.id, reason="reden-geheim-42",
        intake_scores={"body": 4, "mental": 3, "meaning": 5, "quality_of_life": 4,
                       "participation": 2, "daily_functioning": 6}))
    s.referrals.step(ref.id, "contact_made", dt.date(2025, 3, 8), note="stap-notitie-13")
    s.referrals.step(ref.id, "intake", dt.date(2025, 3, 9))
    s.referrals.step(ref.id, "completed", dt.date(2025, 5, 1), outcome="activity",
                     outcome_note="uitkomst-notitie-77",
                     closing_scores={"body": 6, "mental": 6, "meaning": 6,
                                     "quality_of_life": 6, "participation": 6,
                                     "daily_functioning": 6})
    yield s
    s.db.close()


def _all_text(path: Path) -> str:
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return path.read_bytes().decode("utf-8", "replace")


def _csv(path: Path, delimiter: str = ";") -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_no_name_contact_detail_or_note_leaves(svc: Services, tmp_path: Path,
                                               fmt: str) -> None:
    files = central_export(svc.db, SPEC, tmp_path / "out", fmt)  # type: ignore[arg-type]
    assert files and all(f.exists() for f in files)
    for f in files:
        raw = f.read_bytes()
        text = _all_text(f)
        for secret in SECRETS:
            assert secret.encode() not in raw, (f.name, secret)
            assert secret not in text, (f.name, secret)
        # the raw resident ids are not there either
        for rid in _resident_ids(svc):
            assert rid not in text and rid.replace("-", "") not in text.replace("-", "")
    # Worker names are allowed: staff.
    assert any("Coach Marieke" in _all_text(f) for f in files)


def _resident_ids(svc: Services) -> list[str]:
    with svc.db.read() as s:
        from sqlalchemy import select

        from gezond_desktop.models import Resident

        return [str(i) for i in s.scalars(select(Resident.id))]


def test_csv_tables_are_complete_and_pseudonyms_join(svc: Services, tmp_path: Path) -> None:
    files = {f.stem: f for f in central_export(svc.db, SPEC, tmp_path / "out", "csv")}
    for name in ("buurten", "vindplaatsen", "organisaties", "activiteiten", "bijeenkomsten",
                 "aanwezigheid", "contacten", "contact_inwoners", "verwijzingen",
                 "verwijzing_stappen", "positieve_gezondheid", "inwoners", "medewerkers"):
        assert name in files
    assert files["aanwezigheid"].read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 for Excel
    residents = _csv(files["inwoners"])
    assert sorted(r["geboortejaar"] for r in residents) == ["1950", "1984"]
    assert set(residents[0]) == {"inwoner", "geboortejaar", "geslacht", "buurt_id",
                                 "doelgroepen"}
    pseudos = {r["inwoner"] for r in residents}
    assert all(re.fullmatch(r"P-[0-9a-f]{12}", p) for p in pseudos)
    # Stable within one export: every table uses the same pseudonym for a resident.
    assert {r["inwoner"] for r in _csv(files["aanwezigheid"])} == pseudos
    assert {r["inwoner"] for r in _csv(files["contact_inwoners"])} == pseudos
    (ref,) = _csv(files["verwijzingen"])
    assert ref["inwoner"] in pseudos and ref["route"] == "welzijn_op_recept"
    assert len(_csv(files["verwijzing_stappen"])) == 4
    assert len(_csv(files["positieve_gezondheid"])) == 2
    (enc,) = _csv(files["contacten"])
    assert enc["aantal_personen"] == "2" and "notities" not in enc
    (sess,) = _csv(files["bijeenkomsten"])
    assert sess["anonieme_gasten"] == "3" and sess["datum"] == "2025-03-04"


def test_pseudonyms_differ_between_two_exports(svc: Services, tmp_path: Path) -> None:
    a = {f.stem: f for f in central_export(svc.db, SPEC, tmp_path / "a", "csv")}
    b = {f.stem: f for f in central_export(svc.db, SPEC, tmp_path / "b", "csv", ",")}
    pa = {r["inwoner"] for r in _csv(a["inwoners"])}
    pb = {r["inwoner"] for r in _csv(b["inwoners"], ",")}
    assert len(pa) == len(pb) == 2 and not (pa & pb)


def test_period_limits_what_is_exported(svc: Services, tmp_path: Path) -> None:
    spec = ReportSpec("central", dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    files = {f.stem: f for f in central_export(svc.db, spec, tmp_path / "o", "csv")}
    assert _csv(files["bijeenkomsten"]) == [] and _csv(files["inwoners"]) == []
    assert len(_csv(files["buurten"])) == 1  # reference data is whole


def test_xlsx_has_one_sheet_per_table_with_real_types(svc: Services, tmp_path: Path) -> None:
    (path,) = central_export(svc.db, SPEC, tmp_path / "export.xlsx", "xlsx")
    assert path.name == "export.xlsx"
    wb = openpyxl.load_workbook(path)
    assert "inwoners" in wb.sheetnames and "bijeenkomsten" in wb.sheetnames
    ws = wb["bijeenkomsten"]
    header = [c.value for c in ws[1]]
    row = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert isinstance(row["datum"], dt.datetime) and row["datum"].date() == dt.date(2025, 3, 4)
    assert row["anonieme_gasten"] == 3


def test_parquet_without_pyarrow_says_so_in_dutch(svc: Services, tmp_path: Path) -> None:
    if importlib.util.find_spec("pyarrow") is not None:
        files = central_export(svc.db, SPEC, tmp_path / "pq", "parquet")
        assert all(f.suffix == ".parquet" for f in files)
        return
    with pytest.raises(GezondError, match="Parquet is op deze computer niet beschikbaar"):
        central_export(svc.db, SPEC, tmp_path / "pq", "parquet")


def test_bad_format_is_refused(svc: Services, tmp_path: Path) -> None:
    with pytest.raises(GezondError, match="bestandsformaat"):
        central_export(svc.db, SPEC, tmp_path, "pdf")  # type: ignore[arg-type]


def test_withdrawn_registration_leaves_counts_but_no_pseudonym(svc: Services,
                                                               tmp_path: Path) -> None:
    from gezond_desktop.reports.queries import build_report

    spec = ReportSpec("reach", SPEC.date_from, SPEC.date_to, suppress=False)
    before = dict(build_report(svc.db, spec).sections[0].figures)
    gijs = next(r for r in svc.residents.search("Gijs"))
    consent = next(c for c in svc.residents.get(gijs.id).consents
                   if c.purpose == "registration")
    svc.residents.withdraw_consent(consent.id, dt.date(2025, 6, 1))

    files = {f.stem: f for f in central_export(svc.db, SPEC, tmp_path / "out", "csv")}
    residents = _csv(files["inwoners"])
    assert [r["geboortejaar"] for r in residents] == ["1984"]  # Gijs (1950) is gone
    (yas,) = {r["inwoner"] for r in residents}
    # Gijs's attendance and contact link still count, without a pseudonym.
    attendance = _csv(files["aanwezigheid"])
    assert sorted((r["rol"], r["inwoner"]) for r in attendance) == [
        ("participant", yas), ("volunteer", "")]
    links = _csv(files["contact_inwoners"])
    assert sorted(r["inwoner"] for r in links) == ["", yas]
    every_pseudonym = {v for f in files.values() for row in _csv(f) for v in row.values()
                       if re.fullmatch(r"P-[0-9a-f]{12}", v or "")}
    assert every_pseudonym == {yas}
    # The reports still count him: same unique residents as before.
    after = dict(build_report(svc.db, spec).sections[0].figures)
    assert after == before
    assert before["Unieke inwoners bereikt"] == 2
