"""Field-level encryption of personal data (docs/encryption.md), on real files.

The main check is the one a data protection officer would do: save a resident with
a name and contact details, an encounter note, a referral note, then search the raw
bytes of every file the app wrote (database, write-ahead log, backups, drafts, sync
bundles, log files) for those values.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_minimal_data
from test_sync_postgres import _URL, needs_pg

from gezond_desktop.errors import GezondError
from gezond_desktop.models import Encounter, Referral, Resident
from gezond_desktop.security import crypto
from gezond_desktop.security.accounts import LoginThrottled
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.drafts import load_draft, save_draft
from gezond_desktop.services.encounters import EncounterFilter, EncounterInput
from gezond_desktop.services.referrals import ReferralInput
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.store import Database
from gezond_desktop.store.bulk import BulkWriter
from gezond_desktop.sync.service import SyncService

TODAY = dt.date.today()
NAME = "Johanna Pietersen-Verhoeven"
PHONE = "0612345678"
EMAIL = "johanna.pv@voorbeeld.nl"
RESIDENT_NOTE = "Heeft moeite met trappen sinds de val"
ENCOUNTER_NOTE = "Vertelde over eenzaamheid na verhuizing"
REASON = "Slaapt slecht door schulden"
STEP_NOTE = "Gebeld met dochter Marieke"
NEEDLES = (NAME, PHONE, EMAIL, RESIDENT_NOTE, ENCOUNTER_NOTE, REASON, STEP_NOTE,
           "Pietersen", "voorbeeld.nl", "eenzaamheid", "schulden", "Marieke")
PASSWORD = "Geheim-wachtwoord-1"


def _all_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def _found(root: Path) -> dict[str, list[str]]:
    """Which needles occur in which file under ``root`` (UTF-8 and UTF-16 bytes)."""
    hits: dict[str, list[str]] = {}
    for path in _all_files(root):
        data = path.read_bytes()
        for needle in NEEDLES:
            for enc in ("utf-8", "utf-16-le"):
                if needle.encode(enc) in data:
                    hits.setdefault(str(path.relative_to(root)), []).append(needle)
    return hits


def _open(data_dir: Path) -> Services:
    return open_services(data_dir, device_name="Testlaptop")


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    """A database whose first account exists (the master key is protected)."""
    s = make_minimal_data(_open(tmp_path / "data"), role="admin")
    s.accounts.create_account(s.worker_id, "fatima", PASSWORD)  # type: ignore[arg-type]
    try:
        yield s
    finally:
        s.db.close()


def _save_personal_data(s: Services) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    r = s.residents.create(ResidentInput(
        alias="Zonnebloem", full_name=NAME, phone=PHONE, email=EMAIL, notes=RESIDENT_NOTE,
        consents=(("registration", TODAY), ("contact", TODAY))))
    e = s.encounters.log(EncounterInput(
        occurred_at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1),
        kind="street", notes=ENCOUNTER_NOTE, resident_ids=(r.id,)))
    ref = s.referrals.register(ReferralInput(
        resident_id=r.id, pathway="welzijn_op_recept", source="gp",
        registered_on=TODAY - dt.timedelta(days=3), reason=REASON))
    s.referrals.step(ref.id, "contact_made", TODAY, note=STEP_NOTE)
    return r.id, e.id, ref.id


def test_no_file_the_app_writes_reveals_personal_data(svc: Services, tmp_path: Path) -> None:
    from gezond_desktop.ui.settings import setup_logging

    log_file = setup_logging(svc.db.data_dir)
    try:
        logging.getLogger("gezond_desktop.test").info("start")
        rid, eid, ref_id = _save_personal_data(svc)
        # what the app shows: plain text
        view = svc.residents.get(rid)
        assert (view.full_name, view.phone, view.email, view.notes) == (
            NAME, PHONE, EMAIL, RESIDENT_NOTE)
        assert svc.encounters.get(eid).notes == ENCOUNTER_NOTE
        detail = svc.referrals.get(ref_id)
        assert detail.referral.reason == REASON
        assert [e.note for e in detail.events if e.note] == [STEP_NOTE]
        # an unsaved form, a backup, a team hub with its bundles
        save_draft(svc.db, "resident:new", {"full_name": NAME, "notes": RESIDENT_NOTE})
        assert load_draft(svc.db, "resident:new").data["full_name"] == NAME  # type: ignore[union-attr]
        backup = svc.db.backup()
        sync = SyncService(svc)
        sync.init_hub(tmp_path / "hub", tmp_path / "uitnodiging.json")
        report = sync.sync_now()
        assert report.sent > 0
    finally:
        logging.getLogger().handlers[-1].flush()
    assert log_file.exists() and backup.exists()
    assert any((tmp_path / "hub").rglob("*")), "the hub holds bundles"
    # the raw bytes of every file, the write-ahead log included (not checkpointed)
    assert (svc.db.data_dir / "gezond.sqlite-wal").exists()
    assert _found(tmp_path) == {}
    # and the database really holds tokens where the values are
    conn = sqlite3.connect(svc.db.path)
    try:
        row = conn.execute("SELECT full_name, phone, email, notes, alias FROM resident").fetchone()
        assert all(crypto.is_token(v) for v in row[:4])
        assert row[4] == "Zonnebloem"  # the alias stays readable (pseudonym)
        (fields,) = conn.execute(
            "SELECT fields FROM change_log WHERE entity = 'encounter'").fetchone()
        assert '"notes":"gz1:' in fields
    finally:
        conn.close()


def test_without_login_personal_data_is_locked(svc: Services) -> None:
    rid, eid, ref_id = _save_personal_data(svc)
    path = svc.db.data_dir
    svc.db.close()

    s = _open(path)  # the CLI, a script, or a copied file: nobody signed in
    try:
        assert s.db.locked
        view = s.residents.get(rid)
        assert view.alias == "Zonnebloem"  # pseudonymous data keeps working
        assert (view.full_name, view.phone, view.email, view.notes) == (None, None, None, "")
        assert s.encounters.get(eid).notes == ""
        assert s.referrals.get(ref_id).referral.reason == ""
        rows, _ = s.encounters.page(EncounterFilter())
        assert len(rows) == 1 and rows[0].notes_preview == ""
        # writing a personal value is refused, with a message that says what to do
        with pytest.raises(crypto.DataLocked, match="Meld u aan"):
            s.residents.create(ResidentInput(alias="Tulp", full_name="Iemand Anders",
                                             consents=(("registration", TODAY),)))
        # everything else still saves
        other = s.residents.create(ResidentInput(alias="Tulp"))
        assert s.residents.get(other.id).alias == "Tulp"
        # a draft is not kept while locked
        save_draft(s.db, "x", {"full_name": NAME})
        assert load_draft(s.db, "x") is None
        # signing in unlocks
        s.accounts.login("fatima", PASSWORD)
        assert not s.db.locked
        assert s.residents.get(rid).full_name == NAME
        assert s.encounters.get(eid).notes == ENCOUNTER_NOTE
        rows, _ = s.encounters.page(EncounterFilter())
        assert [r.notes_preview for r in rows] == [ENCOUNTER_NOTE]
    finally:
        s.db.close()


def test_a_wrong_password_does_not_unlock(svc: Services) -> None:
    rid, _, _ = _save_personal_data(svc)
    path = svc.db.data_dir
    svc.db.close()
    s = _open(path)
    try:
        with pytest.raises(GezondError):
            s.accounts.login("fatima", "fout-wachtwoord")
        assert s.db.locked
        assert s.residents.get(rid).full_name is None
    finally:
        s.db.close()


def test_the_first_account_protects_the_master_key(tmp_path: Path) -> None:
    s = make_minimal_data(_open(tmp_path / "data"), role="admin")
    try:
        raw_setting = "crypto.master_key.unprotected"
        assert s.db.setting(raw_setting)  # before any account: kept unprotected
        mk = s.db.master_key
        assert mk is not None
        s.accounts.create_account(s.worker_id, "fatima", PASSWORD)  # type: ignore[arg-type]
        assert s.db.setting(raw_setting) is None
        assert not s.db.locked  # the person who made it keeps working
        data = s.db.path.read_bytes() + (tmp_path / "data" / "gezond.sqlite-wal").read_bytes()
        assert crypto.b64u(mk).encode() not in data  # removed from the file, not just hidden
    finally:
        s.db.close()


def test_search_and_preview_see_plain_text(svc: Services) -> None:
    _save_personal_data(svc)
    rows, _ = svc.encounters.page(EncounterFilter(text="eenzaamheid"))
    assert [r.notes_preview for r in rows] == [ENCOUNTER_NOTE]
    rows, _ = svc.encounters.page(EncounterFilter(text="gz1"))
    assert rows == []


def test_forgotten_password_is_recovered_with_the_recovery_key(svc: Services) -> None:
    rid, _, _ = _save_personal_data(svc)
    key = svc.accounts.create_recovery_key()
    assert len(crypto.normalise_recovery_key(key)) == crypto.RECOVERY_LENGTH
    assert key.count("-") == 4
    path = svc.db.data_dir
    svc.db.close()

    s = _open(path)
    clock = [1_000_000.0]
    s.accounts.clock = lambda: clock[0]
    try:
        assert s.db.locked
        with pytest.raises(crypto.WrongKey, match="herstelsleutel klopt niet"):
            s.accounts.recover_password("fatima", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE",
                                        "Nieuw-wachtwoord-2")
        assert s.db.locked
        # typed in lower case, with spaces instead of dashes: still the key
        sloppy = key.lower().replace("-", " ")
        s.accounts.recover_password("fatima", sloppy, "Nieuw-wachtwoord-2")
        assert s.residents.get(rid).full_name == NAME
    finally:
        s.db.close()
    s = _open(path)
    try:
        with pytest.raises(GezondError):
            s.accounts.login("fatima", PASSWORD)  # the old password is gone
        s.accounts.login("fatima", "Nieuw-wachtwoord-2")
        assert s.residents.get(rid).full_name == NAME
    finally:
        s.db.close()


def test_wrong_recovery_keys_are_throttled(svc: Services) -> None:
    svc.accounts.create_recovery_key()
    clock = [1_000_000.0]
    svc.accounts.clock = lambda: clock[0]
    for _ in range(3):
        with pytest.raises(crypto.WrongKey):
            svc.accounts.recover_password("fatima", "AAAAA-BBBBB", "Nieuw-wachtwoord-2")
    with pytest.raises(LoginThrottled):
        svc.accounts.recover_password("fatima", "AAAAA-BBBBB", "Nieuw-wachtwoord-2")
    clock[0] += 2
    with pytest.raises(crypto.WrongKey):
        svc.accounts.recover_password("fatima", "AAAAA-BBBBB", "Nieuw-wachtwoord-2")


def test_password_changes_keep_the_data_readable(svc: Services) -> None:
    rid, _, _ = _save_personal_data(svc)
    svc.accounts.change_password("fatima", PASSWORD, "Tweede-wachtwoord-3")
    other = svc.workers.create("Sanne Bakker", "community_builder")
    acc = svc.accounts.create_account(other.id, "sanne", "Sanne-wachtwoord-4")
    svc.accounts.reset_password(acc.id, "Sanne-nieuw-wachtwoord-5")
    path = svc.db.data_dir
    svc.db.close()
    for user, password in (("fatima", "Tweede-wachtwoord-3"),
                           ("sanne", "Sanne-nieuw-wachtwoord-5")):
        s = _open(path)
        try:
            s.accounts.login(user, password)
            assert s.residents.get(rid).full_name == NAME
        finally:
            s.db.close()


def test_two_devices_in_a_team_read_each_others_names(tmp_path: Path) -> None:
    a = make_minimal_data(_open(tmp_path / "a"), role="admin")
    b = open_services(tmp_path / "b", device_name="Tweede")
    try:
        a.accounts.create_account(a.worker_id, "fatima", PASSWORD)  # type: ignore[arg-type]
        invitation = SyncService(a).init_hub(tmp_path / "hub", tmp_path / "uitnodiging.json")
        SyncService(a).sync_now()
        SyncService(b).join(invitation)
        SyncService(b).sync_now()
        worker = b.workers.create("Sanne Bakker", "coordinator")
        b = b.as_worker(worker.id)
        rid, _, _ = _save_personal_data(a)
        SyncService(a).sync_now()
        SyncService(b).sync_now()
        assert b.residents.get(rid).full_name == NAME
        # and back: a note written on b
        e = b.encounters.log(EncounterInput(
            occurred_at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=2),
            kind="street", notes="Notitie van het tweede apparaat"))
        SyncService(b).sync_now()
        SyncService(a).sync_now()
        assert a.encounters.get(e.id).notes == "Notitie van het tweede apparaat"
        # both hold the very same tokens: the merge compares equal values
        rows = []
        for s in (a, b):
            conn = sqlite3.connect(s.db.path)
            rows.append(conn.execute("SELECT full_name FROM resident WHERE id = ?",
                                     (rid.bytes,)).fetchone())
            conn.close()
        assert rows[0] == rows[1] and crypto.is_token(rows[0][0])
        assert SyncService(a).conflicts() == []
        assert _found(tmp_path / "hub") == {}
    finally:
        a.db.close()
        b.db.close()


def test_data_written_before_joining_is_readable_by_the_team(tmp_path: Path) -> None:
    """A device that worked alone first shares its older key when it joins."""
    a = make_minimal_data(_open(tmp_path / "a"), role="admin")
    b = open_services(tmp_path / "b", device_name="Tweede")
    c = open_services(tmp_path / "c", device_name="Derde")
    try:
        worker = b.workers.create("Sanne Bakker", "coordinator")
        b = b.as_worker(worker.id)
        early = b.residents.create(ResidentInput(
            alias="Vroeg", full_name="Eerder Ingevoerd", consents=(("registration", TODAY),)))
        old_kid = b.db.current_data_key()[0]
        invitation = SyncService(a).init_hub(tmp_path / "hub", tmp_path / "uitnodiging.json")
        SyncService(a).sync_now()
        SyncService(b).join(invitation)
        assert b.db.current_data_key()[0] != old_kid  # new values: the team key
        SyncService(b).sync_now()
        SyncService(a).sync_now()
        assert a.residents.get(early.id).full_name == "Eerder Ingevoerd"
        SyncService(c).join(invitation)  # a later device gets it too
        SyncService(c).sync_now()
        assert c.residents.get(early.id).full_name == "Eerder Ingevoerd"
        assert b.residents.get(early.id).full_name == "Eerder Ingevoerd"
        assert _found(tmp_path / "hub") == {}
    finally:
        for s in (a, b, c):
            s.db.close()


def test_bulk_writer_encrypts_and_the_orm_reads_it(tmp_path: Path) -> None:
    s = make_minimal_data(_open(tmp_path / "data"), role="admin")
    try:
        ids = []
        with BulkWriter(s.db, s.worker_id) as bw:
            for i in range(50):
                ids.append(bw.add(Resident, {"alias": f"R{i}", "alias_key": f"r{i}",
                                             "full_name": NAME if i % 2 else None,
                                             "notes": RESIDENT_NOTE}))
        with s.db.read() as rs:
            got = {r.id: (r.full_name, r.notes) for r in rs.query(Resident)}
        assert got[ids[1]] == (NAME, RESIDENT_NOTE)
        assert got[ids[0]] == (None, RESIDENT_NOTE)
        s.db.checkpoint()
        data = s.db.path.read_bytes()
        assert NAME.encode() not in data and RESIDENT_NOTE.encode() not in data
        conn = sqlite3.connect(s.db.path)
        try:
            (n,) = conn.execute("SELECT COUNT(DISTINCT notes) FROM resident").fetchone()
            assert n == 1  # deterministic: the same text, the same token
            fields = [f for (f,) in conn.execute(
                "SELECT fields FROM change_log WHERE entity = 'resident'")]
            assert all('"notes":"gz1:' in f for f in fields)
        finally:
            conn.close()
    finally:
        s.db.close()


def test_old_plain_values_are_read_as_they_are(tmp_path: Path) -> None:
    """A database from before encryption: its values are plain text and stay readable."""
    s = make_minimal_data(_open(tmp_path / "data"), role="admin")
    try:
        e = s.encounters.log(EncounterInput(
            occurred_at=dt.datetime.now().replace(microsecond=0), kind="street",
            notes="oud"))
        with s.db.engine.connect() as conn:  # as an old version stored it
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("DROP TRIGGER IF EXISTS trg_encounter_update_needs_change")
            raw.execute("UPDATE encounter SET notes = 'Oude notitie' WHERE id = ?",
                        (e.id.bytes,))
        assert s.encounters.get(e.id).notes == "Oude notitie"
        with s.db.read() as rs:
            assert rs.get(Encounter, e.id).notes == "Oude notitie"  # type: ignore[union-attr]
    finally:
        s.db.close()


def test_demo_data_is_encrypted(tmp_path: Path) -> None:
    from gezond_desktop import demo

    s = _open(tmp_path / "demo")
    try:
        demo.generate(s, seed=3, scale=0.05, today=TODAY)
        conn = sqlite3.connect(s.db.path)
        try:
            names = [v for (v,) in conn.execute(
                "SELECT full_name FROM resident WHERE full_name IS NOT NULL")]
            reasons = [v for (v,) in conn.execute("SELECT reason FROM referral WHERE reason != ''")]
        finally:
            conn.close()
        assert names and all(crypto.is_token(v) for v in names)
        assert all(crypto.is_token(v) for v in reasons)
        with s.db.read() as rs:
            plain = [r.full_name for r in rs.query(Resident).filter(
                Resident.full_name.is_not(None)).limit(5)]
            assert plain and all(n and not crypto.is_token(n) and " " in n for n in plain)
            assert rs.query(Referral).count() >= 0
    finally:
        s.db.close()


def test_keys_are_per_database(tmp_path: Path) -> None:
    """Two databases open in one process each use their own key."""
    a = Database.open(tmp_path / "a")
    b = Database.open(tmp_path / "b")
    try:
        assert a.keyring is not b.keyring
        assert a.keyring.encrypt("x") != b.keyring.encrypt("x")
        assert b.keyring.decrypt(a.keyring.encrypt("x")) is None
    finally:
        a.close()
        b.close()


# -- the PostgreSQL hub: what its tables hold ---------------------------------------------
@needs_pg
def test_postgres_hub_holds_no_personal_data(svc: Services, tmp_path: Path) -> None:
    import psycopg
    from psycopg import sql

    assert _URL is not None
    schema = f"gezond_test_{uuid.uuid4().hex[:12]}"
    try:
        _save_personal_data(svc)
        sync = SyncService(svc)
        sync.init_pg_hub(_URL, schema, tmp_path / "uitnodiging.json")
        assert sync.sync_now().sent > 0
        blob = bytearray()
        with psycopg.connect(_URL) as conn:
            tables = [t for (t,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                (schema,))]
            assert tables
            for t in tables:
                for row in conn.execute(sql.SQL("SELECT * FROM {}.{}").format(
                        sql.Identifier(schema), sql.Identifier(t))):
                    for v in row:
                        blob += v if isinstance(v, bytes | memoryview) else str(v).encode()
        assert len(blob) > 1000
        assert [n for n in NEEDLES if n.encode() in blob] == []
    finally:
        with psycopg.connect(_URL, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                sql.Identifier(schema)))


def test_an_upgraded_database_protects_the_key_at_the_next_sign_in(tmp_path: Path) -> None:
    """A database from before encryption has accounts without a wrapped key: it opens
    unlocked (key kept unprotected) until every active account has signed in once."""
    s = make_minimal_data(_open(tmp_path / "data"), role="admin")
    s.accounts.create_account(s.worker_id, "fatima", PASSWORD)  # type: ignore[arg-type]
    s.db.close()
    conn = sqlite3.connect(tmp_path / "data" / "gezond.sqlite")  # as before version 0102
    conn.execute("UPDATE account SET key_wrap = NULL")
    conn.execute("DELETE FROM local_setting WHERE key LIKE 'crypto.%'")
    conn.commit()
    conn.close()

    s = _open(tmp_path / "data")
    try:
        assert not s.db.locked and s.db.setting("crypto.master_key.unprotected")
        s.accounts.login("fatima", PASSWORD)
        assert s.db.setting("crypto.master_key.unprotected") is None
    finally:
        s.db.close()
    s = _open(tmp_path / "data")
    try:
        assert s.db.locked
        s.accounts.login("fatima", PASSWORD)
        assert not s.db.locked
    finally:
        s.db.close()
