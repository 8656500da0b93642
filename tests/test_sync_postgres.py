"""The PostgreSQL hub against the real server at 127.0.0.1:5432 (database ``test``).

Every test that needs the server works in its own schema ``gezond_test_<random>``
(dropped afterwards) and is skipped with a clear reason when no server answers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sync_world import Device, encounter, referral, resident

from gezond_desktop.errors import NotFoundError
from gezond_desktop.services import open_services
from gezond_desktop.services.activities import ActivityInput
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.sync import pg_schema
from gezond_desktop.sync.bundle import public_key_b64
from gezond_desktop.sync.engine import SyncEngine, SyncReport
from gezond_desktop.sync.hub import DeviceInfo, HubError, OutgoingBatch
from gezond_desktop.sync.keys import KEY_DIR, KeyStore
from gezond_desktop.sync.pg_hub import (
    PgHub,
    create_pg_hub,
    hub_config,
    hub_from_config,
    password_secret,
    split_url,
    store_password,
)
from gezond_desktop.sync.service import SyncService

URLS = ("postgresql://postgres@127.0.0.1:5432/test", "postgresql://root@127.0.0.1:5432/test")


def _probe() -> tuple[str | None, str]:
    reasons = []
    for url in URLS:
        try:
            psycopg.connect(url, connect_timeout=2).close()
            return url, ""
        except psycopg.Error as exc:
            reasons.append(f"{url}: {str(exc).strip().splitlines()[0]}")
    return None, "; ".join(reasons)


_URL, _WHY = _probe()
needs_pg = pytest.mark.skipif(
    _URL is None, reason=f"no PostgreSQL server answers at 127.0.0.1:5432/test ({_WHY})")


@pytest.fixture
def pg_url() -> str:
    assert _URL is not None
    return _URL


@pytest.fixture
def schema(pg_url: str) -> Iterator[str]:
    name = f"gezond_test_{uuid.uuid4().hex[:12]}"
    yield name
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


# -- a small team syncing through the PostgreSQL hub ------------------------------------------
class PgTeam:
    def __init__(self, root: Path, url: str, schema: str) -> None:
        self.root, self.url, self.schema = root, url, schema
        self.hub_id = create_pg_hub(url, schema=schema)
        self.team_key = os.urandom(32)
        self.devices: list[Device] = []
        self.hubs: dict[str, PgHub] = {}

    def hub_for(self, dev: Device) -> PgHub:
        return self.hubs[dev.name]

    def add(self, name: str, coordinator: bool = False) -> Device:
        path = self.root / name
        svc = open_services(path, device_name=name)
        key = KeyStore(path).signing_key()
        self.hubs[name] = PgHub(self.url, self.hub_id, self.team_key, key, schema=self.schema)
        dev = Device(name, path, svc, SyncService(svc))
        if coordinator:
            svc.reference.save("neighbourhood", {
                "name": "Hambaken", "code": "hambaken", "municipality": "'s-Hertogenbosch",
                "is_focus": True})
        else:
            self.sync(dev)
        worker = svc.workers.create(f"Werker {name}", "coordinator" if coordinator
                                    else "community_builder")
        svc.workers.set_current(worker.id)
        dev.svc = svc.as_worker(worker.id)
        self.devices.append(dev)
        return dev

    def sync(self, dev: Device) -> SyncReport:
        key = KeyStore(dev.path).signing_key()
        engine = SyncEngine(dev.svc.db, self.hubs[dev.name], dev.name, public_key_b64(key))
        return engine.run()

    def sync_all(self, rounds: int = 2) -> None:
        for _ in range(rounds):
            for d in self.devices:
                self.sync(d)

    def close(self) -> None:
        for h in self.hubs.values():
            h.close()
        for d in self.devices:
            d.close()


@pytest.fixture
def team(tmp_path: Path, pg_url: str, schema: str) -> Iterator[PgTeam]:
    t = PgTeam(tmp_path, pg_url, schema)
    try:
        yield t
    finally:
        t.close()


def _q(url: str, query: sql.Composable | str, params: tuple[Any, ...] = ()) -> list[Any]:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(query, params).fetchall()


def _acked(dev: Device) -> tuple[int, int]:
    conn = sqlite3.connect(dev.svc.db.path)
    try:
        last, acked = conn.execute("SELECT last_seq, acked_seq FROM device_clock "
                                   "WHERE device_id = ?", (dev.svc.db.device_id.bytes,)
                                   ).fetchone()
        return int(last), int(acked)
    finally:
        conn.close()


def _entry(seq: int, hlc: int, entity: str, rid: uuid.UUID, op: str,
           fields: dict[str, Any]) -> dict[str, Any]:
    return {"s": seq, "h": hlc, "e": entity, "r": str(rid), "o": op,
            "f": json.dumps(fields, sort_keys=True), "v": 2, "w": None, "p": "{}"}


def _batch(device: uuid.UUID, entries: list[dict[str, Any]]) -> OutgoingBatch:
    hlcs = [e["h"] for e in entries]
    return OutgoingBatch(device, entries[0]["s"], entries[-1]["s"], min(hlcs), max(hlcs), 2,
                         entries)


def _bare_hub(url: str, schema: str, team_key: bytes | None = None) -> tuple[PgHub, uuid.UUID]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    hub_id = create_pg_hub(url, schema=schema)
    key = Ed25519PrivateKey.generate()
    hub = PgHub(url, hub_id, team_key or os.urandom(32), key, schema=schema)
    device = uuid.uuid4()
    hub.register_device(DeviceInfo(device, "test", public_key_b64(key)))
    return hub, device


# -- settings: no password in a plain settings file -----------------------------------------
def test_password_goes_to_the_key_store_never_to_the_settings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEZOND_NO_KEYRING", "1")
    url = "postgresql://gezond:Geheim%21123@db.example.nl:5432/programma"
    clean, password = split_url(url)
    assert password == "Geheim!123"
    assert "Geheim" not in clean and clean == "postgresql://gezond@db.example.nl:5432/programma"
    cfg = hub_config(url, "hub-1", "gezond")
    assert "Geheim" not in json.dumps(cfg)
    keys = KeyStore(tmp_path)
    store_password(keys, "hub-1", password)
    secret = tmp_path / KEY_DIR / password_secret("hub-1")
    assert secret.read_text() == "Geheim!123"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    hub = hub_from_config(cfg, keys, os.urandom(32))
    assert hub.password == "Geheim!123" and "Geheim" not in hub.location


def test_unreachable_server_is_a_clear_hub_error() -> None:
    hub = PgHub("postgresql://postgres@127.0.0.1:1/test", "x", os.urandom(32),
                connect_timeout=2)
    with pytest.raises(HubError, match="niet bereikbaar"):
        hub.check()


# -- schema created and migrated by the app --------------------------------------------------
@needs_pg
def test_hub_schema_is_created_and_upgraded_from_an_older_version(
        pg_url: str, schema: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        pg_schema.migrate(conn, schema, target=1)  # what an older app made
        assert pg_schema.current_version(conn, schema) == 1
        conn.execute(sql.SQL("INSERT INTO {} (hub_id, format) VALUES ('old-hub', 1)").format(
            sql.Identifier(schema, "hub_info")))
        dev = uuid.uuid4()
        conn.execute(sql.SQL("INSERT INTO {} (device_id, seq, hlc, hash) "
                             "VALUES (%s, 1, 1, '\\x00')").format(
            sql.Identifier(schema, "hub_change")), (dev,))
    hub = PgHub(pg_url, "old-hub", os.urandom(32), schema=schema)
    hub.check()  # connecting upgrades the hub schema
    assert hub.stored_seq(dev) == 1  # data of the older version kept
    hub.close()
    tables = {r[0] for r in _q(pg_url, "SELECT table_name FROM information_schema.tables "
                                       "WHERE table_schema = %s", (schema,))}
    assert {"hub_quarantine", "resident", "referral", "encounter"} <= tables
    assert [r[0] for r in _q(pg_url, sql.SQL("SELECT version FROM {} ORDER BY 1").format(
        pg_schema.version_table(schema)))] == list(range(1, pg_schema.LATEST + 1))
    # A hub made by a newer app is refused with "update the app".
    _q(pg_url, sql.SQL("INSERT INTO {} (version) VALUES (%s) RETURNING version").format(
        pg_schema.version_table(schema)), (pg_schema.LATEST + 1,))
    newer = PgHub(pg_url, "old-hub", os.urandom(32), schema=schema)
    with pytest.raises(HubError, match="Werk de app bij"):
        newer.check()


# -- convergence ---------------------------------------------------------------------------
@needs_pg
def test_three_devices_converge_through_postgres(team: PgTeam) -> None:
    d0 = team.add("d0", coordinator=True)
    team.sync(d0)
    d1, d2 = team.add("d1"), team.add("d2")
    hood = d0.svc.reference.list("neighbourhood")[0].id
    shared = resident(d1, "Buurvrouw", birth_year=1960, neighbourhood_id=hood)
    for i in range(5):
        encounter(d0, head_count=i + 1, neighbourhood_id=hood)
        encounter(d2, head_count=i + 2)
    ref = referral(d1, shared)
    team.sync_all()
    # Concurrent edits of the same field on two devices: one winner, one conflict.
    v = d0.svc.residents.get(shared)
    d0.svc.residents.update(shared, ResidentInput(alias=v.alias, birth_year=1961,
                                                  neighbourhood_id=hood))
    d2.svc.residents.update(shared, ResidentInput(alias=v.alias, birth_year=1962,
                                                  neighbourhood_id=hood))
    d1.svc.referrals.step(ref, "contact_made", dt.date.today())
    team.sync_all(rounds=2)
    dumps = [d.dump() for d in team.devices]
    assert dumps[0] == dumps[1] == dumps[2]
    assert len(dumps[0]["encounter"]) == 10
    conflicts = [d.conflicts() for d in team.devices]
    assert conflicts[0] == conflicts[1] == conflicts[2]
    assert any(c[2] == "birth_year" for c in conflicts[0])
    # The readable table holds the same merged birth year as every device.
    year = d1.svc.residents.get(shared).birth_year
    assert _q(team.url, sql.SQL("SELECT birth_year FROM {} WHERE id = %s").format(
        sql.Identifier(team.schema, pg_schema.state_table("resident"))), (shared,)) == [(year,)]
    # Everything acknowledged, and every change stored exactly once.
    for d in team.devices:
        last, acked = _acked(d)
        assert acked == last
        assert team.hub_for(d).stored_seq(d.svc.db.device_id) == last


@needs_pg
def test_sync_with_nothing_new_sends_and_receives_nothing(team: PgTeam) -> None:
    d0 = team.add("d0", coordinator=True)
    d1 = team.add("d1")
    resident(d0, "Een")
    team.sync_all()
    again = team.sync(d1)
    assert (again.sent, again.received, again.quarantined) == (0, 0, 0)


# -- idempotence, lost reply, concurrency ---------------------------------------------------------
@needs_pg
def test_pushing_the_same_changes_again_is_a_no_op(pg_url: str, schema: str) -> None:
    hub, dev = _bare_hub(pg_url, schema)
    rid = uuid.uuid4()
    entries = [_entry(i, 1000 + i, "resident", rid if i == 1 else uuid.uuid4(), "insert",
                      {"alias": f"A{i}", "birth_year": 1950 + i, "gender": "female"})
               for i in range(1, 21)]
    first = hub.push(_batch(dev, entries))
    second = hub.push(_batch(dev, entries))
    third = hub.push(_batch(dev, entries[5:]))  # an overlapping retry
    assert first.seq_to == second.seq_to == third.seq_to == 20
    assert hub.last_push_problems == []
    counts = _q(pg_url, sql.SQL("SELECT (SELECT COUNT(*) FROM {}), (SELECT COUNT(*) FROM {}), "
                                "(SELECT COUNT(*) FROM {})").format(
        sql.Identifier(schema, "hub_change"), sql.Identifier(schema, "hub_bundle"),
        sql.Identifier(schema, pg_schema.state_table("resident"))))
    assert counts == [(20, 1, 20)]
    hub.close()


@needs_pg
def test_lost_reply_after_commit_then_retry_acks_the_same_seq(team: PgTeam) -> None:
    d0 = team.add("d0", coordinator=True)
    team.sync(d0)
    for i in range(3):
        resident(d0, f"Inwoner {i}")
    last, acked_before = _acked(d0)
    assert acked_before < last
    hub = team.hub_for(d0)

    def reply_lost() -> None:
        raise HubError("De verbinding met de PostgreSQL-hub is verbroken.")

    hub.after_commit = reply_lost
    with pytest.raises(HubError):
        team.sync(d0)
    assert _acked(d0)[1] == acked_before  # nothing acknowledged without the reply
    assert hub.stored_seq(d0.svc.db.device_id) == last  # but the hub committed
    bundles_before = _q(team.url, sql.SQL("SELECT COUNT(*) FROM {}").format(
        sql.Identifier(team.schema, "hub_bundle")))
    hub.after_commit = None
    report = team.sync(d0)
    assert report.sent == 0  # the retry is a no-op...
    assert _acked(d0) == (last, last)  # ...that acknowledges the same seq
    assert _q(team.url, sql.SQL("SELECT COUNT(*) FROM {}").format(
        sql.Identifier(team.schema, "hub_bundle"))) == bundles_before
    assert _q(team.url, sql.SQL("SELECT COUNT(*), COUNT(DISTINCT seq) FROM {} "
                                "WHERE device_id = %s").format(
        sql.Identifier(team.schema, "hub_change")), (d0.svc.db.device_id,)) == [(last, last)]


@needs_pg
def test_direct_retry_after_a_lost_reply_returns_the_same_ack(pg_url: str, schema: str) -> None:
    hub, dev = _bare_hub(pg_url, schema)
    entries = [_entry(i, 500 + i, "encounter", uuid.uuid4(), "insert",
                      {"kind": "street", "head_count": i}) for i in range(1, 11)]
    hub.after_commit = lambda: (_ for _ in ()).throw(ConnectionError("reply lost"))
    with pytest.raises(ConnectionError):
        hub.push(_batch(dev, entries))
    hub.after_commit = None
    assert hub.push(_batch(dev, entries)).seq_to == 10
    assert _q(pg_url, sql.SQL("SELECT COUNT(*) FROM {}").format(
        sql.Identifier(schema, "hub_change"))) == [(10,)]
    hub.close()


@needs_pg
def test_two_devices_uploading_at_once_are_both_stored(pg_url: str, schema: str) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    hub_a, dev_a = _bare_hub(pg_url, schema)
    key_b = Ed25519PrivateKey.generate()
    hub_b = PgHub(pg_url, hub_a.hub_id, hub_a.team_key, key_b, schema=schema)
    dev_b = uuid.uuid4()
    hub_b.register_device(DeviceInfo(dev_b, "b", public_key_b64(key_b)))
    shared = [uuid.uuid4() for _ in range(300)]  # both devices write the same records
    n = 3000

    def entries(base_hlc: int, year: int) -> list[dict[str, Any]]:
        return [_entry(i, base_hlc + i, "resident", shared[i % len(shared)],
                       "insert" if i <= len(shared) else "update",
                       {"birth_year": year + i % 7, "gender": "male"}) for i in range(1, n + 1)]

    batches = {"a": (hub_a, _batch(dev_a, entries(10_000, 1940))),
               "b": (hub_b, _batch(dev_b, entries(20_000, 1980)))}
    barrier = threading.Barrier(2)
    acks: dict[str, int] = {}
    errors: list[BaseException] = []

    def run(name: str) -> None:
        hub, batch = batches[name]
        try:
            barrier.wait()
            for _ in range(3):  # the same upload again, racing the other device
                acks[name] = hub.push(batch).seq_to
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(k,)) for k in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and acks == {"a": n, "b": n}
    rows = _q(pg_url, sql.SQL("SELECT device_id, COUNT(*), COUNT(DISTINCT seq) FROM {} "
                              "GROUP BY device_id").format(sql.Identifier(schema, "hub_change")))
    assert sorted((c, d) for _, c, d in rows) == [(n, n), (n, n)]
    # Field-wise merge: device b's changes carry the higher clocks, so they win.
    years = dict(_q(pg_url, sql.SQL("SELECT id, birth_year FROM {}").format(
        sql.Identifier(schema, pg_schema.state_table("resident")))))
    assert len(years) == len(shared)
    expected: dict[uuid.UUID, int] = {}
    for i in range(1, n + 1):  # the last write of b to each record
        expected[shared[i % len(shared)]] = 1980 + i % 7
    assert years == expected
    hub_a.close()
    hub_b.close()


@needs_pg
def test_mixed_push_keeps_text_exact_and_sorts_new_known_and_conflicting(
        pg_url: str, schema: str) -> None:
    """Awkward text reaches the readable tables exactly (the push writes COPY text
    itself); a batch mixing new changes, a re-delivered one and one with other
    content stores only the new ones, quarantines the other, and applies it never."""
    hub, dev = _bare_hub(pg_url, schema)
    hood, act, res = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    tracks = [str(uuid.uuid4()), str(uuid.uuid4())]
    awkward = 'Tab\there, line\nbreak, back\\slash \\N "quote" {brace}, komma; é ☂'
    first = [
        _entry(1, 100, "neighbourhood", hood, "insert",
               {"name": awkward, "code": "c\\d", "is_focus": True, "municipality": None}),
        _entry(2, 101, "activity", act, "insert",
               {"name": 'Wandelen "buiten"', "track_ids": tracks, "weekday": 3,
                "start_time": "09:30:00", "target_group_ids": []}),
        _entry(3, 102, "resident", res, "update", {"birth_year": 1961, "full_name": "Geheim"}),
        _entry(4, 103, "resident", uuid.uuid4(), "insert", {"birth_year": 1990}),
    ]
    assert hub.push(_batch(dev, first)).seq_to == 4
    tables = {t: sql.Identifier(schema, t) for t in (
        "neighbourhood", "activity", "hub_change", "hub_bundle", "hub_quarantine")}
    resident_t = sql.Identifier(schema, pg_schema.state_table("resident"))
    assert _q(pg_url, sql.SQL("SELECT name, code, is_focus, municipality FROM {}").format(
        tables["neighbourhood"])) == [(awkward, "c\\d", True, None)]
    assert _q(pg_url, sql.SQL("SELECT name, track_ids, weekday, start_time::text, "
                              "target_group_ids FROM {}").format(tables["activity"])) == [
        ('Wandelen "buiten"', [uuid.UUID(t) for t in tracks], 3, "09:30:00", [])]
    assert _q(pg_url, sql.SQL("SELECT birth_year, sync_version, sync_versions ? 'birth_year' "
                              "FROM {} WHERE id = %s").format(resident_t), (res,)) == [
        (1961, "", True)]

    again = [
        first[2],  # re-delivered, same content: a no-op
        _entry(4, 103, "resident", uuid.uuid4(), "insert", {"birth_year": 1800}),  # other
        _entry(5, 200, "neighbourhood", hood, "update", {"name": "Nieuw\tnaam"}),
        _entry(6, 50, "activity", act, "update", {"name": "ouder, dus niet"}),
        _entry(7, 201, "resident", res, "update", {"birth_year": 1962}),
    ]
    for _ in range(2):  # the second time nothing changes any more
        assert hub.push(_batch(dev, again)).seq_to == 7
        assert [(p.state, p.source.endswith("quarantaine-000000000004"))
                for p in hub.last_push_problems] == [("quarantined", True)]
        assert _q(pg_url, sql.SQL("SELECT COUNT(*) FROM {}").format(
            tables["hub_change"])) == [(7,)]
        assert _q(pg_url, sql.SQL("SELECT seq_from, seq_to FROM {} ORDER BY 1").format(
            tables["hub_bundle"])) == [(1, 4), (5, 7)]
        assert _q(pg_url, sql.SQL("SELECT seq FROM {}").format(
            tables["hub_quarantine"])) == [(4,)]
        assert _q(pg_url, sql.SQL("SELECT name, code FROM {}").format(
            tables["neighbourhood"])) == [("Nieuw\tnaam", "c\\d")]
        assert _q(pg_url, sql.SQL("SELECT name FROM {}").format(tables["activity"])) == [
            ('Wandelen "buiten"',)]
        assert sorted(_q(pg_url, sql.SQL("SELECT birth_year FROM {}").format(
            resident_t))) == [(1962,), (1990,)]
    hub.close()


# -- content mismatch -------------------------------------------------------------------------
@needs_pg
def test_same_seq_with_other_content_is_quarantined_never_applied(team: PgTeam) -> None:
    d0 = team.add("d0", coordinator=True)
    d1 = team.add("d1")
    rid = resident(d0, "Origineel", birth_year=1970)
    team.sync(d0)
    hub = team.hub_for(d0)
    dev = d0.svc.db.device_id
    last = hub.stored_seq(dev)
    conn = sqlite3.connect(d0.svc.db.path)
    seq, hlc, fields = conn.execute(
        "SELECT seq, hlc, fields FROM change_log WHERE device_id = ? AND record_id = ? "
        "AND op = 'insert'", (dev.bytes, rid.bytes)).fetchone()
    conn.close()
    forged = json.loads(fields)
    forged["birth_year"] = 1999
    hub.push(_batch(dev, [_entry(seq, hlc, "resident", rid, "insert", forged)]))
    assert [p.state for p in hub.last_push_problems] == ["quarantined"]
    assert "andere inhoud" in hub.last_push_problems[0].reason
    assert hub.stored_seq(dev) == last
    # The readable state kept the original; the other version is kept apart.
    assert _q(team.url, sql.SQL("SELECT birth_year FROM {} WHERE id = %s").format(
        sql.Identifier(team.schema, pg_schema.state_table("resident"))), (rid,)) == [(1970,)]
    assert _q(team.url, sql.SQL("SELECT COUNT(*) FROM {}").format(
        sql.Identifier(team.schema, "hub_quarantine"))) == [(1,)]
    report = team.sync(d1)
    assert report.quarantined == 1
    assert d1.svc.residents.get(rid).birth_year == 1970
    reasons = d1.sync.status().quarantined
    assert any("andere inhoud" in p.reason for p in reasons)


@needs_pg
def test_a_bundle_altered_on_the_server_is_quarantined(team: PgTeam) -> None:
    d0 = team.add("d0", coordinator=True)
    d1 = team.add("d1")
    rid = resident(d0, "Echt")
    team.sync(d0)
    _q(team.url, sql.SQL("UPDATE {} SET payload = overlay(payload placing '\\xff'::bytea "
                         "from 200 for 1) WHERE device_id = %s RETURNING seq_from").format(
        sql.Identifier(team.schema, "hub_bundle")), (d0.svc.db.device_id,))
    report = team.sync(d1)
    assert report.quarantined >= 1
    with pytest.raises(NotFoundError):  # not applied at all
        d1.svc.residents.get(rid)


# -- readable tables: no personal data -------------------------------------------------------
PLANTED = ("Johanna Geheimnaam", "0612345678", "johanna@voorbeeld.nl", "Plantje",
           "geheime notitie", "reden-privé", "uitkomst-privé", "sessie-notitie",
           "contact-notitie", "stap-notitie")


@needs_pg
def test_readable_tables_hold_no_personal_data(team: PgTeam) -> None:
    d0 = team.add("d0", coordinator=True)
    hood = d0.svc.reference.list("neighbourhood")[0].id
    rid = d0.svc.residents.create(ResidentInput(
        alias="Plantje", full_name="Johanna Geheimnaam", phone="0612345678",
        email="johanna@voorbeeld.nl", birth_year=1980, gender="woman",
        neighbourhood_id=hood, notes="geheime notitie",
        consents=(("registration", dt.date.today()), ("contact", dt.date.today()))),
        allow_duplicate=True).id
    encounter(d0, notes="contact-notitie", neighbourhood_id=hood, resident_ids=[rid])
    ref = referral(d0, rid)
    d0.svc.referrals.update(ref, reason="reden-privé")
    d0.svc.referrals.step(ref, "contact_made", dt.date.today(), note="stap-notitie")
    act = d0.svc.activities.create(ActivityInput(name="Samen Koken", weekday=1,
                                                         neighbourhood_id=hood))
    session = d0.svc.activities.create_session(act.id, dt.date.today(), 3, "sessie-notitie")
    d0.svc.activities.add_attendance(session.id, rid)
    report = team.sync(d0)
    assert report.sent > 0
    s = sql.Identifier
    # The readable tables do hold the non-personal facts...
    assert _q(team.url, sql.SQL("SELECT birth_year, gender, neighbourhood_id FROM {}").format(
        s(team.schema, "resident"))) == [(1980, "woman", hood)]
    assert _q(team.url, sql.SQL("SELECT anonymous_guests FROM {}").format(
        s(team.schema, "session"))) == [(3,)]
    assert len(_q(team.url, sql.SQL("SELECT id FROM {}").format(
        s(team.schema, "attendance")))) == 1
    assert len(_q(team.url, sql.SQL("SELECT id FROM {}").format(
        s(team.schema, "referral_event")))) >= 2
    # ...and no planted name, contact detail or note anywhere in the hub schema:
    # every text-like column of every table, and inside the encrypted payloads.
    cols = _q(team.url, "SELECT table_name, column_name, data_type FROM "
                        "information_schema.columns WHERE table_schema = %s", (team.schema,))
    scanned = 0
    for table, column, dtype in cols:
        col = s(column)
        if dtype in ("text", "character varying", "jsonb", "ARRAY", "json"):
            expr = sql.SQL("{}::text").format(col)
        elif dtype == "bytea":
            expr = sql.SQL("encode({}, 'escape')").format(col)
        else:
            continue
        values = [r[0] for r in _q(team.url, sql.SQL("SELECT {} FROM {}").format(
            expr, s(team.schema, table))) if r[0] is not None]
        scanned += len(values)
        for v in values:
            for planted in PLANTED:
                assert planted not in v, f"{planted!r} found in {table}.{column}"
    assert scanned > 20


@needs_pg
def test_cli_team_through_a_postgres_hub(tmp_path: Path, pg_url: str, schema: str) -> None:
    """A coordinator makes a PostgreSQL hub with `gezond hub init URL`, a second device
    joins with the invitation, and `gezond sync` brings a contact across."""
    import subprocess
    import sys

    def gezond(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "gezond_desktop.cli", "--data-dir",
                               str(data), *args], capture_output=True, text=True, timeout=120)

    a, b = tmp_path / "a", tmp_path / "b"
    invitation = tmp_path / "uitnodiging.json"
    assert gezond("init", "--name", "Coördinator A", data=a).returncode == 0
    made = gezond("hub", "init", pg_url, "--schema", schema, "--invitation", str(invitation),
                  data=a)
    assert made.returncode == 0, made.stderr
    assert "PostgreSQL" in made.stdout
    assert "password" not in invitation.read_text().lower()
    assert gezond("init", "--name", "Sanne", "--role", "community_builder",
                  data=b).returncode == 0
    joined = gezond("hub", "join", str(invitation), data=b)
    assert joined.returncode == 0, joined.stderr

    svc_a = open_services(a)
    import datetime as dt

    from gezond_desktop.services.encounters import EncounterInput

    hood = svc_a.reference.find("neighbourhood", "Hambaken")
    assert hood is not None
    svc_a.encounters.log(EncounterInput(occurred_at=dt.datetime.now() - dt.timedelta(hours=1),
                                        kind="street", neighbourhood_id=hood.id, head_count=3))
    svc_a.db.close()
    first = gezond("sync", data=a)
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.startswith("Verstuurd:")
    second = gezond("sync", data=b)
    assert second.returncode == 0, second.stdout + second.stderr
    svc_b = open_services(b)
    assert svc_b.stats.counts()["encounters"] == 1
    svc_b.db.close()
