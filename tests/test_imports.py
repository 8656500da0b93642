"""Importing reference data and sign-in lists from CSV and Excel files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import event, func, select

from gezond_desktop.errors import GezondError
from gezond_desktop.ids import uuid7
from gezond_desktop.models import (
    Activity,
    Attendance,
    ChangeLog,
    Neighbourhood,
    Resident,
    Session,
    Topic,
    Venue,
)
from gezond_desktop.services import Services, open_services
from gezond_desktop.services import imports as imports_module


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    services = open_services(tmp_path / "data")
    report = services.imports.load_bundled_reference()
    assert report.rejected == []
    yield services
    services.db.close()


def _csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _change_count(svc: Services) -> int:
    with svc.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(ChangeLog)) or 0)


# -- bundled reference data ----------------------------------------------------------
def test_bundled_reference_holds_what_the_documents_name(svc: Services) -> None:
    hoods = {n.name: n for n in svc.reference.list("neighbourhood")}
    assert {"Hambaken", "Noord", "Kruiskamp", "West", "Oost", "Boschveld", "Graafsewijk",
            "De Haren", "Buitendieze", "Empel", "Heerlen-Noord"} == set(hoods)
    assert hoods["Hambaken"].is_focus and not hoods["Empel"].is_focus
    assert hoods["Heerlen-Noord"].detail == "Heerlen"
    assert hoods["Kruiskamp"].detail == "'s-Hertogenbosch"
    orgs = {o.name for o in svc.reference.list("organisation")}
    assert {"Farent", "Veads", "GGD Hart voor Brabant", "'s-PORT", "Wijkteam", "Schuldhulp",
            "Stichting Leergeld"} == orgs
    assert "Welzijn op Recept" in {x.name for x in svc.reference.list("organisation_service")}
    assert len(svc.reference.list("track")) == 5
    assert len(svc.reference.list("programme_line")) == 4
    assert len(svc.reference.list("target_group")) == 8
    assert svc.reference.find("topic", "money_debt") is not None

    with svc.db.read() as s:
        veads_eat = s.scalars(select(Activity).where(Activity.name == "VeadsEat")).one()
        assert veads_eat.weekday == 1  # dinsdag
        assert veads_eat.start_time == dt.time(12, 0)
        assert veads_eat.organisation is not None and veads_eat.organisation.name == "Veads"
        assert {t.code for t in veads_eat.target_groups} == {"money_worries"}
        move = s.scalars(select(Activity).where(Activity.name == "Move & Connect")).one()
        assert move.neighbourhood is not None and move.neighbourhood.name == "Hambaken"
        assert len(list(s.scalars(select(Activity)))) == 12


def test_loading_the_bundled_reference_twice_adds_nothing(svc: Services) -> None:
    before = _change_count(svc)
    report = svc.imports.load_bundled_reference()
    assert (report.accepted, report.updated, report.rejected) == (0, 0, [])
    assert report.unchanged == 66
    assert _change_count(svc) == before


# -- reference imports with bad rows --------------------------------------------------
def test_venue_import_saves_good_rows_and_reports_bad_ones(svc: Services, tmp_path: Path
                                                           ) -> None:
    path = _csv(tmp_path / "vindplaatsen.csv",
                "naam,soort,buurt\n"
                "Basisschool De Boomgaard,school,Hambaken\n"
                "Buurthuis De Poort,Buurthuis / buurtkamer,Zuidpoort\n"
                ",school,West\n"
                "Kerk Sint-Jan,kerk,West\n"
                "\n"
                "Sjpruutcafé Oost,babycafe,shb_oost\n")
    report = svc.imports.import_reference("venue", path)

    assert report.accepted == 2
    assert [e.row_number for e in report.rejected] == [3, 4, 5]
    messages = [e.message_nl for e in report.rejected]
    assert messages[0] == ("Rij 3: de buurt 'Zuidpoort' bestaat niet. Voeg de buurt eerst toe "
                           "of verbeter de naam.")
    assert messages[1].startswith("Rij 4: ") and "naam" in messages[1]
    assert messages[2].startswith("Rij 5: ") and "'kerk'" in messages[2]
    assert "Buurthuis / buurtkamer" in messages[2]  # it lists what may be chosen
    assert report.rejected[0].raw["naam"] == "Buurthuis De Poort"

    venues = {v.name: v for v in svc.reference.list("venue")}
    assert set(venues) == {"Basisschool De Boomgaard", "Sjpruutcafé Oost"}
    assert venues["Sjpruutcafé Oost"].detail == "Babycafé (Sjpruutcafé)"
    oost = svc.reference.find("neighbourhood", "Oost")
    assert oost is not None and venues["Sjpruutcafé Oost"].parent_id == oost.id


def test_reimport_updates_existing_values_instead_of_adding(svc: Services, tmp_path: Path
                                                            ) -> None:
    path = _csv(tmp_path / "org.csv",
                "naam,soort,omschrijving\n"
                "farent,welfare,Welzijnscoaches in de hele stad.\n"
                "Buurtsportclub Noord,sportvereniging,\n")
    report = svc.imports.import_reference("organisation", path)
    assert (report.accepted, report.updated, report.rejected) == (1, 1, [])
    orgs = [o for o in svc.reference.list("organisation") if o.name.lower() == "farent"]
    assert len(orgs) == 1
    assert svc.reference.find("organisation", "Buurtsportclub Noord") is not None
    assert svc.reference.find("organisation", "Buurtsportclub Noord").detail == "Sport"  # type: ignore[union-attr]

    again = svc.imports.import_reference("organisation", path)
    assert (again.accepted, again.updated, again.unchanged) == (0, 0, 2)


def test_xlsx_import_with_english_headers(svc: Services, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Name", "Code", "Municipality", "Is_focus"])
    ws.append(["Heerlen-Noord Centrum", "hrl_centrum", "Heerlen", True])
    ws.append(["Meezenbroek", "hrl_meezenbroek", "Heerlen", "ja"])
    ws.append(["Schandelen", "hrl_schandelen", "Heerlen", "misschien"])
    ws.append(["Zonder gemeente", "hrl_x", None, "nee"])
    path = tmp_path / "buurten.xlsx"
    wb.save(path)

    report = svc.imports.import_reference("neighbourhood", path)

    assert report.accepted == 2
    assert [e.row_number for e in report.rejected] == [4, 5]
    assert "misschien" in report.rejected[0].message_nl
    assert "ja of nee" in report.rejected[0].message_nl
    assert "gemeente" in report.rejected[1].message_nl
    found = svc.reference.find("neighbourhood", "hrl_meezenbroek")
    assert found is not None and found.is_focus and found.detail == "Heerlen"
    assert svc.reference.find("neighbourhood", "Schandelen") is None


def test_semicolon_csv_with_bom_and_cp1252(svc: Services, tmp_path: Path) -> None:
    bom = tmp_path / "doelgroepen.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + "code;naam\nmantelzorgers;Mantelzorgers\n"
                    "ouderen;Ouderen (65+) in één buurt\n".encode())
    report = svc.imports.import_reference("doelgroep", bom)
    assert (report.accepted, report.rejected) == (2, [])
    item = svc.reference.find("target_group", "ouderen")
    assert item is not None and item.name == "Ouderen (65+) in één buurt"

    legacy = _csv(tmp_path / "onderwerpen.csv", "code;naam\nsport;Sport & café\n", "cp1252")
    report = svc.imports.import_reference("topic", legacy)
    assert report.accepted == 1
    topic = svc.reference.find("topic", "sport")
    assert topic is not None and topic.name == "Sport & café"


def test_service_rows_need_a_known_organisation(svc: Services, tmp_path: Path) -> None:
    path = _csv(tmp_path / "diensten.csv",
                "organisatie,naam\nSchuldhulp,Budgetcoaching\nOnbekend BV,Iets\n")
    report = svc.imports.import_reference("organisation_service", path)
    assert report.accepted == 1
    assert report.rejected[0].message_nl.startswith("Rij 3: de organisatie 'Onbekend BV'")


def test_activity_import_links_reference_values(svc: Services, tmp_path: Path) -> None:
    path = _csv(tmp_path / "activiteiten.csv",
                "naam;buurt;organisatie;weekdag;starttijd;sporen;doelgroepen\n"
                "Wandelgroep Noord;Noord;'s-PORT;vrijdag;9.30;Participatie|behaviour_skills;"
                "Jongeren\n"
                "Kookclub;Noord;;elke dag;;;\n"
                "Schaakclub;Noord;;woensdag;;onbekend spoor;\n")
    report = svc.imports.import_reference("activity", path)
    assert report.accepted == 1
    assert [e.row_number for e in report.rejected] == [3, 4]
    assert "weekdag" in report.rejected[0].message_nl
    assert "het spoor 'onbekend spoor' bestaat niet" in report.rejected[1].message_nl
    with svc.db.read() as s:
        act = s.scalars(select(Activity).where(Activity.name == "Wandelgroep Noord")).one()
        assert (act.weekday, act.start_time) == (4, dt.time(9, 30))
        assert {t.code for t in act.tracks} == {"participation", "behaviour_skills"}
        assert [g.code for g in act.target_groups] == ["young_people"]
        names = set(s.scalars(select(Activity.name)))
        assert "Kookclub" not in names and "Schaakclub" not in names


def test_unreadable_files_give_a_dutch_error(svc: Services, tmp_path: Path) -> None:
    empty = _csv(tmp_path / "leeg.csv", "")
    with pytest.raises(GezondError, match="leeg"):
        svc.imports.import_reference("neighbourhood", empty)
    no_name = _csv(tmp_path / "zonder.csv", "code,gemeente\nx,Oss\n")
    with pytest.raises(GezondError, match="ontbreekt de kolom 'naam'"):
        svc.imports.import_reference("neighbourhood", no_name)
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"dit is geen excel")
    with pytest.raises(GezondError, match="Excel"):
        svc.imports.import_reference("venue", broken)
    with pytest.raises(GezondError, match="niet gevonden"):
        svc.imports.import_reference("venue", tmp_path / "bestaat-niet.csv")
    with pytest.raises(GezondError, match="kunnen we niet inlezen"):
        svc.imports.import_reference("fietsen", no_name)


# -- sign-in lists ---------------------------------------------------------------------
SIGN_IN = (
    "datum;alias;rol\n"
    "07-01-2025;Elsa;vrijwilliger\n"
    "7-1-25; elsa ;deelnemer\n"
    "2025-01-14;Ahmed;\n"
    "31-02-2025;Bram;\n"
    "01-01-2099;Toekomst;\n"
    "14-01-2025;Noor;kok\n"
    "14/01/2025;Noor;Deelnemer\n"
)


def test_attendance_preview_marks_bad_rows(svc: Services, tmp_path: Path) -> None:
    path = _csv(tmp_path / "presentie.csv", SIGN_IN)
    preview = svc.imports.preview_attendance(path, svc.imports.find_activity("veadseat"))
    assert preview.activity_name == "VeadsEat"
    status = {r.row_number: r.status for r in preview.rows}
    assert status == {2: "ok", 3: "error", 4: "ok", 5: "error", 6: "error", 7: "error",
                      8: "ok"}
    reasons = {r.row_number: r.reason for r in preview.rows}
    assert "al in rij 2" in reasons[3]
    assert reasons[5].startswith("Rij 5: de datum '31-02-2025' klopt niet")
    assert "toekomst" in reasons[6]
    assert "'kok'" in reasons[7]
    assert preview.rows[0].role == "volunteer" and preview.rows[0].held_on == dt.date(2025, 1, 7)


def test_attendance_import_creates_sessions_and_residents(svc: Services, tmp_path: Path) -> None:
    with svc.db.write(None) as s:  # a resident who is already known
        s.add(Resident(id=uuid7(), alias="Elsa", alias_key="elsa"))
    activity_id = svc.imports.find_activity("VeadsEat")
    path = _csv(tmp_path / "presentie.csv", SIGN_IN)
    preview = svc.imports.preview_attendance(path, activity_id)
    report = svc.imports.import_attendance(preview)

    assert report.accepted == 3
    assert report.sessions_created == 2
    assert report.residents_created == 2  # Ahmed and Noor; Elsa was found by her alias
    assert [e.row_number for e in report.rejected] == [3, 5, 6, 7]
    with svc.db.read() as s:
        sessions = s.scalars(select(Session).where(Session.activity_id == activity_id)).all()
        assert sorted(x.held_on for x in sessions) == [dt.date(2025, 1, 7), dt.date(2025, 1, 14)]
        roles = dict(s.execute(select(Resident.alias, Attendance.role)
                               .join(Attendance, Attendance.resident_id == Resident.id)).all())
        assert roles == {"Elsa": "volunteer", "Ahmed": "participant", "Noor": "participant"}
        assert s.scalar(select(func.count()).select_from(Resident)) == 3

    # The same list again: nothing is added twice; each row says why.
    again = svc.imports.import_attendance(preview)
    assert again.accepted == 0
    assert "al op de lijst" in next(e.message_nl for e in again.rejected if e.row_number == 2)
    second = svc.imports.preview_attendance(path, activity_id)
    assert second.ok_rows == []


def test_attendance_from_excel_with_real_dates(svc: Services, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Datum", "Naam", "Rol"])
    ws.append([dt.datetime(2025, 3, 4), "Fatima", "Vrijwilliger"])
    ws.append([45720, "Kees", None])  # an Excel day number: 2025-03-04
    path = tmp_path / "lijst.xlsx"
    wb.save(path)
    preview = svc.imports.preview_attendance(path, svc.imports.find_activity("Zumba West"))
    assert [r.held_on for r in preview.rows] == [dt.date(2025, 3, 4)] * 2
    report = svc.imports.import_attendance(preview)
    assert (report.accepted, report.sessions_created) == (2, 1)


def test_cancelled_attendance_import_keeps_what_was_saved(
    svc: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports_module, "BATCH_ROWS", 2)
    lines = "".join(f"{d:02d}-02-2025;Gast {d}\n" for d in range(1, 11))
    path = _csv(tmp_path / "lang.csv", "datum;alias\n" + lines)
    preview = svc.imports.preview_attendance(path, svc.imports.find_activity("Family Fit"))
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 5

    report = svc.imports.import_attendance(preview, progress=progress)
    assert report.cancelled and report.accepted == 5
    assert "gestopt" in report.summary_nl()
    assert seen[0] == (0, 10)
    with svc.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attendance)) == 5


def test_a_failing_row_leaves_nothing_behind(svc: Services, tmp_path: Path) -> None:
    before = _change_count(svc)
    path = _csv(tmp_path / "buurt.csv", "naam,code,gemeente\nNieuw,shb_west,Oss\n")
    report = svc.imports.import_reference("neighbourhood", path)
    # The code belongs to West: the row updates West, it does not add a second one.
    assert (report.accepted, report.updated) == (0, 1)
    with svc.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Neighbourhood)) == 11
        assert s.scalar(select(func.count()).select_from(Venue)) == 0
    bad = _csv(tmp_path / "slecht.csv", "naam,code,gemeente\n" + "x" * 200 + ",lang,Oss\n")
    report = svc.imports.import_reference("neighbourhood", bad)
    assert report.rejected and _change_count(svc) == before + 1


def test_sign_in_list_finds_a_resident_whatever_the_accents(svc: Services, tmp_path: Path
                                                           ) -> None:
    with svc.db.write(None) as s:
        s.add(Resident(id=uuid7(), alias="Fátima", alias_key="fatima"))
    path = _csv(tmp_path / "lijst.csv", "datum,alias\n03-02-2025,  fatima \n")
    report = svc.imports.import_attendance(
        svc.imports.preview_attendance(path, svc.imports.find_activity("Naailessen")))
    assert (report.accepted, report.residents_created) == (1, 0)


# -- the bulk path of reference imports -------------------------------------------------
def _venue_csv(path: Path, n: int, hood: str = "Hambaken") -> Path:
    lines = "".join(f"Vindplaats {i:04d},school,{hood}\n" for i in range(n))
    return _csv(path, "naam,soort,buurt\n" + lines)


def test_venue_import_writes_each_value_once_with_its_change_entry(svc: Services,
                                                                   tmp_path: Path) -> None:
    before = _change_count(svc)
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(svc.db.engine, "before_cursor_execute", count)
    try:
        report = svc.imports.import_reference("venue", _venue_csv(tmp_path / "v.csv", 300))
    finally:
        event.remove(svc.db.engine, "before_cursor_execute", count)
    assert (report.accepted, report.updated, report.rejected) == (300, 0, [])
    # Not one query per row: the values are checked in memory and written in bulk.
    assert len(statements) < 40
    assert _change_count(svc) == before + 300
    with svc.db.read() as s:
        venues = s.scalars(select(Venue)).all()
        assert len(venues) == 300
        hambaken = svc.reference.find("neighbourhood", "Hambaken")
        assert hambaken is not None and {v.neighbourhood_id for v in venues} == {hambaken.id}
        logged = set(s.scalars(select(ChangeLog.record_id).where(ChangeLog.entity == "venue")))
        assert logged == {v.id for v in venues}
    assert len(svc.reference.list("venue")) == 300


def test_reimporting_a_large_file_changes_nothing(svc: Services, tmp_path: Path) -> None:
    path = _venue_csv(tmp_path / "v.csv", 250)
    svc.imports.import_reference("venue", path)
    before = _change_count(svc)
    again = svc.imports.import_reference("venue", path)
    assert (again.accepted, again.updated, again.unchanged, again.rejected) == (0, 0, 250, [])
    assert _change_count(svc) == before


def test_a_value_twice_in_one_file_is_saved_once_with_the_last_row(svc: Services,
                                                                   tmp_path: Path) -> None:
    path = _csv(tmp_path / "v.csv",
                "naam,soort,buurt\n"
                "Buurthuis De Poort,school,West\n"
                "buurthuis de poort,Buurthuis / buurtkamer,West\n"  # same venue: updates it
                "Buurthuis De Poort,school,Oost\n")  # another neighbourhood: another venue
    before = _change_count(svc)
    report = svc.imports.import_reference("venue", path)
    assert (report.accepted, report.updated, report.rejected) == (2, 1, [])
    west = svc.reference.find("neighbourhood", "West")
    assert west is not None
    venues = sorted(svc.reference.list("venue"), key=lambda v: v.parent_id != west.id)
    assert [(v.name, v.type_code) for v in venues] == [
        ("buurthuis de poort", "community_centre"), ("Buurthuis De Poort", "school")]
    assert _change_count(svc) == before + 2  # one entry per value, with its final fields


def test_bulk_import_keeps_the_rules_of_the_reference_service(svc: Services,
                                                              tmp_path: Path) -> None:
    with svc.db.write(None) as s:  # a deleted topic still holds its code
        topic = s.scalars(select(Topic).where(Topic.code == "money_debt")).one()
        topic.deleted_at = dt.datetime(2025, 1, 1)
    path = _csv(tmp_path / "t.csv",
                "code,naam\n"
                ",Shb West\n"  # no code: the code made from the name is taken (West)
                "money_debt,Geld\n"  # the code of the deleted topic
                "nieuw,Nieuw onderwerp\n"
                "NIEUW,Nieuw onderwerp (beter)\n")  # the same code: updates the row above
    (tmp_path / "b.csv").write_text("naam,code,gemeente\nShb West,,Oss\n", encoding="utf-8")
    hoods = svc.imports.import_reference("neighbourhood", tmp_path / "b.csv")
    assert hoods.rejected[0].message_nl == (
        "Rij 2: De code shb_west bestaat al. Kies een andere code.")
    report = svc.imports.import_reference("topic", path)
    assert [e.row_number for e in report.rejected] == [3]
    assert report.rejected[0].message_nl == (
        "Rij 3: De code money_debt bestaat al. Kies een andere code.")
    assert (report.accepted, report.updated) == (2, 1)
    found = svc.reference.find("topic", "nieuw")
    assert found is not None and found.name == "Nieuw onderwerp (beter)"


def test_stopping_a_reference_import_keeps_what_was_checked(
    svc: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports_module, "PROGRESS_EVERY", 1)
    path = _venue_csv(tmp_path / "v.csv", 30)
    report = svc.imports.import_reference("venue", path, progress=lambda done, _t: done < 12)
    assert report.cancelled and report.accepted == 12
    assert "gestopt" in report.summary_nl()
    assert len(svc.reference.list("venue")) == 12
    # Stopped while writing: the batches written stay, the rest is not saved.
    monkeypatch.setattr(imports_module, "IMPORT_BATCH", 10)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 40

    report = svc.imports.import_reference("venue", _venue_csv(tmp_path / "w.csv", 30, "West"),
                                          progress=progress)
    assert report.cancelled and report.accepted == 10
    assert seen[0] == (0, 60) and seen[-1][0] >= 40
    assert len(svc.reference.list("venue")) == 22


def test_attendance_batches_reuse_new_residents_and_sessions(
    svc: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports_module, "BATCH_ROWS", 2)
    path = _csv(tmp_path / "lijst.csv",
                "datum;alias\n03-02-2025;Mo\n03-02-2025;Sara\n10-02-2025;mo\n"
                "10-02-2025;Sara\n03-02-2025;Lina\n")
    activity_id = svc.imports.find_activity("Naailessen")
    report = svc.imports.import_attendance(svc.imports.preview_attendance(path, activity_id))
    assert (report.accepted, report.sessions_created, report.residents_created) == (5, 2, 3)
    with svc.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == 3
        assert s.scalar(select(func.count()).select_from(Session)
                        .where(Session.activity_id == activity_id)) == 2


def test_bundled_reference_gets_the_same_ids_on_every_device(tmp_path: Path) -> None:
    """Two laptops that each loaded the bundled data before joining a team hold the
    same records, so syncing them cannot collide on unique codes."""
    from gezond_desktop.services import open_services as _open

    a = _open(tmp_path / "a")
    b = _open(tmp_path / "b")
    a.imports.load_bundled_reference()
    b.imports.load_bundled_reference()
    for kind in ("neighbourhood", "organisation", "organisation_service", "topic", "track",
                 "target_group", "programme_line"):
        ids_a = {(r.name, r.id) for r in a.reference.list(kind)}
        ids_b = {(r.name, r.id) for r in b.reference.list(kind)}
        assert ids_a == ids_b and ids_a, kind
    acts_a = {(x.name, x.id) for x in a.activities.list()}
    assert acts_a == {(x.name, x.id) for x in b.activities.list()}
    # values added by a coordinator later are made on the device as usual
    extra = a.reference.save("topic", {"name": "Digitale vaardigheden"})
    assert extra.id.version == 7
