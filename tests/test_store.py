"""The local store: change log, guards, concurrency, device identity, migrations."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import uuid
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, func, select

from gezond_desktop import ids
from gezond_desktop.errors import SchemaTooNewError, StorageError, ValidationError
from gezond_desktop.ids import uuid7
from gezond_desktop.models import ChangeLog, DeviceClock, Neighbourhood, Topic
from gezond_desktop.services import open_services
from gezond_desktop.store import DB_FILENAME, Database
from gezond_desktop.store.migrate import alembic_config, head_revisions, migrate


def _neighbourhood(name: str) -> Neighbourhood:
    return Neighbourhood(id=uuid7(), code=name.lower(), name=name, municipality="Testgemeente")


def _log(db: Database) -> list[ChangeLog]:
    with db.read() as s:
        return list(s.scalars(select(ChangeLog).order_by(ChangeLog.device_id, ChangeLog.seq)))


def _keys(db: Database) -> list[tuple[uuid.UUID, int, int]]:
    return [(c.device_id, c.seq, c.hlc) for c in _log(db)]


def test_every_save_writes_exactly_one_change_entry(tmp_path: Path) -> None:
    db = Database.open(tmp_path, "laptop")
    before = len(_log(db))
    with db.write(None) as s:
        n = _neighbourhood("Hambaken")
        s.add(n)
    with db.write(None) as s:
        s.get(Neighbourhood, n.id).name = "Hambaken-Noord"  # type: ignore[union-attr]
    log = _log(db)[before:]
    assert [(c.entity, c.op) for c in log] == [("neighbourhood", "insert"),
                                                ("neighbourhood", "update")]
    assert json.loads(log[0].fields)["name"] == "Hambaken"
    assert json.loads(log[0].fields)["is_focus"] is False
    assert json.loads(log[1].fields)["name"] == "Hambaken-Noord"
    assert "code" not in json.loads(log[1].fields)
    assert log[0].hlc < log[1].hlc
    with db.read() as s:
        row = s.get(Neighbourhood, n.id)
        assert row is not None and row.hlc == log[1].hlc and row.device_id == db.device_id


def test_saving_nothing_changed_writes_no_entry(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    with db.write(None) as s:
        n = _neighbourhood("West")
        s.add(n)
    count = len(_log(db))
    with db.write(None) as s:
        obj = s.get(Neighbourhood, n.id)
        assert obj is not None
        obj.name = "West"  # same value
    assert len(_log(db)) == count


def test_list_field_change_is_logged_on_the_parent(tmp_path: Path) -> None:
    svc = open_services(tmp_path)
    from gezond_desktop.models import Resident

    with svc.db.write(None) as s:
        t1, t2 = Topic(id=uuid7(), code="a", name="A"), Topic(id=uuid7(), code="b", name="B")
        r = Resident(id=uuid7(), alias="Opa Jan", alias_key="opa jan")
        s.add_all([t1, t2, r])
    with svc.db.write(None) as s:
        from gezond_desktop.models import TargetGroup

        g = TargetGroup(id=uuid7(), code="ouderen", name="Ouderen")
        s.add(g)
        res = s.get(Resident, r.id)
        assert res is not None
        res.target_groups.append(g)
    last = _log(svc.db)[-1]
    assert last.entity == "resident" and last.op == "update"
    assert json.loads(last.fields)["target_group_ids"] == [str(g.id)]


def test_failed_save_writes_nothing_and_leaves_no_gap(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    before = _keys(db)
    with pytest.raises(RuntimeError), db.write(None) as s:
        s.add(_neighbourhood("Oost"))
        s.flush()
        raise RuntimeError("power cut in the middle of a save")
    assert _keys(db) == before
    with db.write(None) as s:
        s.add(_neighbourhood("Noord"))
    seqs = [c.seq for c in _log(db)]
    assert seqs == list(range(1, len(seqs) + 1))


def test_validation_error_saves_nothing(tmp_path: Path) -> None:
    svc = open_services(tmp_path)
    before = svc.stats.counts()["pending_changes"] if hasattr(svc.stats, "counts") else None
    n_before = len(_log(svc.db))
    with pytest.raises(ValidationError) as err:
        svc.reference.save("neighbourhood", {"name": "", "municipality": ""})
    assert err.value.for_field("name") == "Vul een naam in."
    assert len(_log(svc.db)) == n_before
    if before is not None:
        assert svc.stats.counts()["pending_changes"] == before


def test_raw_sql_cannot_write_without_change_entry(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    with db.write(None) as s:
        n = _neighbourhood("Kruiskamp")
        s.add(n)
    db.close()
    con = sqlite3.connect(tmp_path / DB_FILENAME, isolation_level=None)
    with pytest.raises(sqlite3.IntegrityError, match="change log"):
        con.execute(
            "INSERT INTO neighbourhood (id, code, name, municipality, is_focus, is_demo, "
            "created_at, updated_at, hlc) VALUES (?, 'x', 'X', 'Y', 0, 0, '2026-01-01', "
            "'2026-01-01', 1)", (uuid7().bytes,))
    with pytest.raises(sqlite3.IntegrityError, match="change log"):
        con.execute("UPDATE neighbourhood SET name = 'Stiekem'")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        con.execute("DELETE FROM neighbourhood")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM change_log")
    assert con.execute("SELECT name FROM neighbourhood").fetchall() == [("Kruiskamp",)]
    con.close()


def test_hard_delete_through_the_orm_is_refused(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    with db.write(None) as s:
        n = _neighbourhood("Boschveld")
        s.add(n)
    with pytest.raises(RuntimeError, match="never deleted"), db.write(None) as s:
        s.delete(s.get(Neighbourhood, n.id))
    with db.read() as s:
        assert s.get(Neighbourhood, n.id) is not None


def test_sequence_is_gap_free_under_concurrent_saves_from_two_threads(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    errors: list[BaseException] = []

    def worker(prefix: str) -> None:
        try:
            for i in range(60):
                with db.write(None) as s:
                    s.add(_neighbourhood(f"{prefix}{i}"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(p,)) for p in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    log = [c for c in _log(db) if c.device_id == db.device_id]
    assert [c.seq for c in log] == list(range(1, len(log) + 1))
    assert len({c.hlc for c in log}) == len(log)
    with db.read() as s:
        clock = s.get(DeviceClock, db.device_id)
        assert clock is not None and clock.last_seq == len(log)
        assert s.scalar(select(func.count()).select_from(Neighbourhood)) == 120


def test_clock_never_goes_back_across_restarts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                               ) -> None:
    db = Database.open(tmp_path)
    with db.write(None) as s:
        s.add(_neighbourhood("A"))
    first = _log(db)[-1].hlc
    db.close()
    # The wall clock jumps back a day: new entries must still sort after old ones.
    monkeypatch.setattr("gezond_desktop.store.changes.wall_ms",
                        lambda: ids.wall_ms() - 86_400_000)
    db = Database.open(tmp_path)
    with db.write(None) as s:
        s.add(_neighbourhood("B"))
    assert _log(db)[-1].hlc > first


def test_reopening_keeps_the_device_id(tmp_path: Path) -> None:
    first = Database.open(tmp_path).device_id
    assert Database.open(tmp_path).device_id == first


def test_copied_database_gets_a_new_device_id(tmp_path: Path) -> None:
    a = tmp_path / "a"
    db = Database.open(a, "laptop Sanne")
    with db.write(None) as s:
        s.add(_neighbourhood("Hambaken"))
    old = db.device_id
    db.close()
    b = tmp_path / "b"
    shutil.copytree(a, b)  # a whole data folder copied to another laptop
    copy = Database.open(b)
    assert copy.device_id != old
    with copy.write(None) as s:
        s.add(_neighbourhood("West"))
    new_entries = [c for c in _log(copy) if c.device_id == copy.device_id]
    assert new_entries[-1].seq == 2  # 1 = the device record itself, then our save
    assert Database.open(a).device_id == old  # the original keeps its id


def test_restored_backup_gets_a_new_device_id(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    old = db.device_id
    saved = db.backup(tmp_path / "b")
    with db.write(None) as s:
        s.add(_neighbourhood("Later"))
    db.close()
    # Restore the old backup into the live file (SQLite backup API, same inode).
    src, dst = sqlite3.connect(saved), sqlite3.connect(tmp_path / DB_FILENAME)
    src.backup(dst)
    src.close()
    dst.close()
    restored = Database.open(tmp_path)
    assert restored.device_id != old


def test_empty_folder_is_migrated_to_head(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    with db.engine.connect() as conn:
        revs = {r for (r,) in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        fk = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    assert revs == head_revisions()
    assert (mode, fk, sync) == ("wal", 1, 2)
    assert not (tmp_path / "backups").exists()


def test_older_database_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    # Build a database as version 0001 of the app left it, with a record in it.
    path = tmp_path / DB_FILENAME
    engine = create_engine(f"sqlite:///{path}")
    migrate(engine, tmp_path, target="0001")
    rid = uuid7()
    dev = uuid7()
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO change_log (device_id, seq, hlc, entity, record_id, op, fields, "
            "schema_version) VALUES (?, 1, 5, 'neighbourhood', ?, 'insert', '{}', 1)",
            (dev.bytes, rid.bytes))
        conn.exec_driver_sql(
            "INSERT INTO neighbourhood (id, code, name, municipality, is_focus, is_demo, "
            "created_at, updated_at, hlc) VALUES (?, 'oud', 'Oude buurt', 'X', 1, 0, "
            "'2025-01-01 00:00:00.000000', '2025-01-01 00:00:00.000000', 5)", (rid.bytes,))
    engine.dispose()
    db = Database.open(tmp_path)
    with db.read() as s:
        n = s.get(Neighbourhood, rid)
        assert n is not None and n.name == "Oude buurt"
    backups = list((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert con.execute("SELECT name FROM neighbourhood").fetchone() == ("Oude buurt",)
    con.close()
    # and the upgraded database now has the guards of 0002
    db.close()
    con = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE neighbourhood SET name = 'x'")
    con.close()


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    con = sqlite3.connect(tmp_path / DB_FILENAME)
    # One of the heads (the app may have several branches) moves to an unknown revision.
    con.execute("UPDATE alembic_version SET version_num = '9999' WHERE version_num = "
                "(SELECT MAX(version_num) FROM alembic_version)")
    con.commit()
    con.close()
    before = (tmp_path / DB_FILENAME).read_bytes()
    with pytest.raises(SchemaTooNewError, match="nieuwere versie"):
        Database.open(tmp_path)
    assert (tmp_path / DB_FILENAME).read_bytes() == before


def test_foreign_file_is_refused(tmp_path: Path) -> None:
    con = sqlite3.connect(tmp_path / DB_FILENAME)
    con.execute("CREATE TABLE recepten (x)")
    con.commit()
    con.close()
    with pytest.raises(StorageError, match="geen database van Gezond Desktop"):
        Database.open(tmp_path)


def test_unwritable_folder_gives_a_plain_message(tmp_path: Path) -> None:
    target = tmp_path / "file-not-folder"
    target.write_text("x")
    with pytest.raises(StorageError, match="kan niet worden gemaakt"):
        Database.open(target / "data")


def test_uuid7_is_time_ordered_and_version_7() -> None:
    a = [uuid7() for _ in range(1000)]
    assert all(u.version == 7 for u in a)
    assert a == sorted(a, key=lambda u: u.bytes)
    assert len(set(a)) == 1000
    assert isinstance(a[0], uuid.UUID)


def test_migration_script_matches_the_models(tmp_path: Path) -> None:
    """The models and the migrations describe the same schema (no forgotten migration)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from gezond_desktop.models import Base

    db = Database.open(tmp_path)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    _ = command, alembic_config  # imported for readers: the app runs these itself


def test_start_up_reads_the_same_heads_as_alembic() -> None:
    """Start-up skips importing Alembic when the schema is current; both must agree."""
    from gezond_desktop.store.migrate import script_heads

    assert script_heads() == head_revisions()
