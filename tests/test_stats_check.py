"""Counts (`gezond stats`) and integrity checks (`gezond check`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from gezond_desktop.ids import uuid7
from gezond_desktop.models import DeviceClock, Resident, utcnow
from gezond_desktop.services import Services, open_services
from gezond_desktop.store import DB_FILENAME


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def svc(data_dir: Path) -> Iterator[Services]:
    services = open_services(data_dir)
    yield services
    services.db.close()


@contextmanager
def _raw(data_dir: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection, as someone tampering with the file would use."""
    conn = sqlite3.connect(data_dir / DB_FILENAME, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def _log_size(data_dir: Path) -> int:
    with _raw(data_dir) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0])


def test_counts_follow_the_writes(svc: Services, data_dir: Path, tmp_path: Path) -> None:
    empty = svc.stats.counts()
    assert set(empty) >= {"encounters", "residents", "referrals", "activities", "sessions",
                          "attendances", "neighbourhoods", "workers", "pending_changes"}
    assert empty["neighbourhoods"] == 0 and empty["pending_changes"] == 1  # the device itself

    svc.imports.load_bundled_reference()
    svc.workers.create("Sanne", "community_builder")
    sheet = tmp_path / "lijst.csv"
    sheet.write_text("datum,alias\n07-01-2025,Elsa\n07-01-2025,Ahmed\n14-01-2025,Elsa\n")
    report = svc.imports.import_attendance(
        svc.imports.preview_attendance(sheet, svc.imports.find_activity("VeadsEat")))
    assert report.accepted == 3

    counts = svc.stats.counts()
    assert counts["neighbourhoods"] == 11
    assert counts["activities"] == 12
    assert counts["workers"] == 1
    assert (counts["residents"], counts["sessions"], counts["attendances"]) == (2, 2, 3)
    assert counts["encounters"] == counts["referrals"] == 0
    assert counts["pending_changes"] == _log_size(data_dir)

    with svc.db.write(None) as s:  # soft delete one resident
        ahmed = s.query(Resident).filter_by(alias="Ahmed").one()
        ahmed.deleted_at = utcnow()
    assert svc.stats.counts()["residents"] == 1

    with svc.db.write(None) as s:  # the hub has stored everything up to the last change
        clock = s.get(DeviceClock, svc.db.device_id)
        assert clock is not None
        clock.acked_seq = clock.last_seq
    assert svc.stats.counts()["pending_changes"] == 0


def test_check_passes_on_a_fresh_database(svc: Services) -> None:
    assert svc.stats.check() == []
    svc.imports.load_bundled_reference()
    assert svc.stats.check() == []
    assert svc.stats.check(quick=True) == []


def test_check_fails_when_a_record_has_no_change_entry(svc: Services, data_dir: Path) -> None:
    svc.imports.load_bundled_reference()
    svc.db.close()
    with _raw(data_dir) as conn:
        conn.execute("DROP TRIGGER trg_neighbourhood_insert_needs_change")
        conn.execute(
            "INSERT INTO neighbourhood (id, code, name, municipality, is_focus, is_demo, "
            "created_at, updated_at, hlc) VALUES (?, 'stiekem', 'Stiekem', 'Oss', 0, 0, "
            "'2025-01-01', '2025-01-01', 12345)", (uuid7().bytes,))
    reopened = open_services(data_dir)
    try:
        problems = reopened.stats.check()
    finally:
        reopened.db.close()
    assert len(problems) == 1
    assert problems[0].startswith("Bij 1 buurten ontbreekt de bijbehorende regel")


def test_check_fails_on_a_gap_in_the_change_log(svc: Services, data_dir: Path) -> None:
    item = svc.reference.save("neighbourhood", {"name": "Hambaken", "municipality": "Den Bosch"})
    svc.reference.save("neighbourhood", {"name": "De Hambaken"}, item.id)  # supersedes entry
    svc.db.close()
    with _raw(data_dir) as conn:
        seq = conn.execute("SELECT seq FROM change_log WHERE record_id = ? AND op = 'insert'",
                           (item.id.bytes,)).fetchone()[0]
        conn.execute("DROP TRIGGER trg_change_log_no_delete")
        conn.execute("DELETE FROM change_log WHERE record_id = ? AND op = 'insert'",
                     (item.id.bytes,))
    reopened = open_services(data_dir)
    try:
        problems = reopened.stats.check()
    finally:
        reopened.db.close()
    assert len(problems) == 1  # every record still has its latest entry: only the gap
    assert "ontbreken wijzigingen" in problems[0]
    assert f"nummers {seq})" in problems[0]


def test_check_fails_when_the_last_change_is_gone(svc: Services, data_dir: Path) -> None:
    svc.reference.save("topic", {"name": "Eenzaamheid"})
    svc.db.close()
    with _raw(data_dir) as conn:
        conn.execute("DROP TRIGGER trg_change_log_no_delete")
        conn.execute("DELETE FROM change_log WHERE seq = (SELECT MAX(seq) FROM change_log)")
    reopened = open_services(data_dir)
    try:
        problems = reopened.stats.check()
    finally:
        reopened.db.close()
    assert any("eindigt bij nummer 1" in p and "tot nummer 2" in p for p in problems)
    assert any(p.startswith("Bij 1 onderwerpen ontbreekt") for p in problems)


def test_pending_changes_is_the_count_of_unsent_change_entries(tmp_path: Path) -> None:
    """The quick figure of the status bar equals a full count of the change log."""
    svc = open_services(tmp_path / "d")
    svc.imports.load_bundled_reference()
    svc.workers.create("Sanne", "coordinator")
    con = sqlite3.connect(tmp_path / "d" / "gezond.sqlite")
    full = con.execute(
        "SELECT COUNT(*) FROM change_log c JOIN device_clock d ON d.device_id = c.device_id "
        "WHERE c.seq > d.acked_seq").fetchone()[0]
    con.close()
    assert full > 50
    assert svc.stats.pending_changes() == full == svc.stats.counts()["pending_changes"]
