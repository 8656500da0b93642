"""Large reference imports: the rows that take the quick way (checked in memory,
written as rows with one guard check per batch) end up exactly as the rules of
the reference service say, bad rows are reported and good rows kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from gezond_desktop.models import ChangeLog, Venue
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.imports import _first_line
from gezond_desktop.store.bulk import GUARD_CHECK_MIN_ROWS
from gezond_desktop.store.changes import changelog_trigger_sql


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    services = open_services(tmp_path / "data")
    assert services.imports.load_bundled_reference().rejected == []
    yield services
    services.db.close()


def _change_count(svc: Services) -> int:
    with svc.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(ChangeLog)) or 0)


def _trigger(svc: Services) -> str:
    conn = sqlite3.connect(svc.db.path)
    try:
        return conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                            "'trg_venue_insert_needs_change'").fetchone()[0]
    finally:
        conn.close()


def test_a_large_venue_file_with_bad_and_repeated_rows(svc: Services, tmp_path: Path) -> None:
    n = GUARD_CHECK_MIN_ROWS * 2
    lines = ["naam;soort;buurt"]
    for i in range(n):
        lines.append(f"  Vindplaats {i:04d} ;school;Hambaken")
    lines[10] = "Vindplaats X;kerk;Hambaken"  # unknown kind
    lines[20] = ";school;Hambaken"  # no name
    lines[30] = "Vindplaats Y;school;Nergensland"  # unknown neighbourhood
    lines[40] = "V" * 161 + ";school;Hambaken"  # too long: the service's own message
    lines.append("vindplaats 0100;Buurthuis / buurtkamer;hambaken")  # repeats row 102
    lines.append("Vindplaats 0101;school;")  # the same name without neighbourhood: new
    path = tmp_path / "vindplaatsen.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _change_count(svc)

    report = svc.imports.import_reference("venue", path)

    assert [e.row_number for e in report.rejected] == [11, 21, 31, 41]
    assert "'kerk'" in report.rejected[0].message_nl
    assert "naam" in report.rejected[1].message_nl
    assert "'Nergensland'" in report.rejected[2].message_nl
    assert report.rejected[3].message_nl == (
        "Rij 41: Een naam is te lang: gebruik hooguit 160 tekens.")
    assert (report.accepted, report.updated) == (n - 4 + 1, 1)
    assert _change_count(svc) == before + n - 4 + 1  # one entry per value, final fields
    with svc.db.read() as s:
        venues = {(v.name, v.neighbourhood_id is None): v for v in s.scalars(select(Venue))}
        assert len(venues) == n - 4 + 1
        merged = venues[("vindplaats 0100", False)]
        assert merged.kind == "community_centre"
        assert ("Vindplaats 0101", True) in venues and ("Vindplaats 0101", False) in venues
        logged = dict(s.execute(select(ChangeLog.record_id, ChangeLog.hlc)
                                .where(ChangeLog.entity == "venue")).all())
        assert logged == {v.id: v.hlc for v in venues.values()}
    assert svc.stats.check() == []
    assert _trigger(svc) == changelog_trigger_sql("venue")[0]
    again = svc.imports.import_reference("venue", path)  # finds every value again
    assert (again.accepted, again.updated, len(again.rejected)) == (0, 2, 4)
    assert again.unchanged == n + 2 - 4 - 2  # the two rows of one value change it back


def test_excel_cells_that_are_not_text(svc: Services, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Naam", "Soort", "Buurt"])
    ws.append([2024, "school", "Hambaken"])  # a number as the name
    ws.append(["Alleen een naam"])  # a short row: no kind
    ws.append(["Zonder buurt", "Huisarts", None])
    ws.append([None, "school", "Hambaken"])
    path = tmp_path / "vindplaatsen.xlsx"
    wb.save(path)

    report = svc.imports.import_reference("venue", path)

    assert report.accepted == 2
    assert [e.row_number for e in report.rejected] == [3, 5]
    assert "soort vindplaats is leeg" in report.rejected[0].message_nl
    venues = {v.name: v for v in svc.reference.list("venue")}
    assert set(venues) == {"2024", "Zonder buurt"}
    assert venues["Zonder buurt"].type_code == "gp_practice"
    assert venues["Zonder buurt"].parent_id is None


@pytest.mark.parametrize("text", [
    "naam,soort\nA,b\n", "\n\n  \nnaam;soort\r\nA;b", "\r\nnaam\tsoort", "", " \n \n",
    "a\u2028naam;soort\n", "\x0cnaam,x\n",
])
def test_the_first_line_is_the_first_with_text(text: str) -> None:
    expected = next((line for line in text.splitlines() if line.strip()), "")
    assert _first_line(text) == expected
