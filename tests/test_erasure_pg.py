"""Erasure through the PostgreSQL hub: after every device synced, no stored change
payload (decrypted with the team key) and no readable table holds the old
values, the content hashes still match, and syncing again is clean.

Uses the real server at 127.0.0.1:5432 (database ``test``), skipped with the
reason when none answers (see test_sync_postgres.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from test_erasure import SECRETS, dump_text, history, leaks, person, revealed
from test_sync_postgres import _URL, PgTeam, needs_pg

from gezond_desktop.services.encounters import EncounterInput
from gezond_desktop.store import redaction
from gezond_desktop.sync import bundle
from gezond_desktop.sync.pg_hub import content_hash

pytestmark = needs_pg


@pytest.fixture
def team(tmp_path: Path) -> Iterator[PgTeam]:
    import uuid

    assert _URL is not None
    name = f"gezond_test_{uuid.uuid4().hex[:12]}"
    t = PgTeam(tmp_path, _URL, name)
    try:
        yield t
    finally:
        t.close()
        with psycopg.connect(_URL, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                sql.Identifier(name)))


def hub_payloads(team: PgTeam) -> tuple[str, bytes, list[tuple[Any, ...]]]:
    """Every stored bundle decrypted (text), all bytea/text of the hub schema (raw),
    and (device, seq, stored hash, hash of the stored content) per change."""
    s = sql.Identifier
    with psycopg.connect(team.url) as conn:
        keys = dict(conn.execute(sql.SQL("SELECT device_id, public_key FROM {}").format(
            s(team.schema, "hub_device"))).fetchall())
        texts, raw, hashes = [], b"", []
        stored = {(d, int(q)): bytes(h) for d, q, h in conn.execute(sql.SQL(
            "SELECT device_id, seq, hash FROM {}").format(s(team.schema, "hub_change")))}
        for dev, payload in conn.execute(sql.SQL("SELECT device_id, payload FROM {}").format(
                s(team.schema, "hub_bundle"))):
            data = bytes(payload)
            raw += data
            _, entries = bundle.decode(data, team.team_key, bundle.unb64(keys[dev]))
            texts.append(json.dumps(entries, ensure_ascii=False))
            for e in entries:
                hashes.append((dev, e["s"], stored[(dev, int(e["s"]))],
                               content_hash(team.team_key, e)))
        for (table,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                (team.schema,)):
            for row in conn.execute(sql.SQL("SELECT * FROM {}").format(
                    s(team.schema, table))):
                raw += repr(row).encode()
    return "\n".join(texts), raw, hashes


def test_erasure_through_the_postgres_hub(team: PgTeam) -> None:
    a = team.add("d0", coordinator=True)
    b = team.add("d1")
    rid = person(a.svc)
    history(a.svc, rid)
    team.sync_all()
    b.svc.encounters.log(EncounterInput(
        occurred_at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1),
        kind="street", resident_ids=(rid,), notes="Notitie van apparaat B"))
    team.sync_all()
    plain, _, _ = hub_payloads(team)
    before = revealed(plain.encode(), a.svc.db, b.svc.db)
    assert set(leaks(before)) == set(SECRETS)  # the check can fail
    assert b"Notitie van apparaat B" in before

    a.svc.erasure.erase_resident(rid, "Verzoek van de inwoner")
    team.sync_all()

    plain, raw, hashes = hub_payloads(team)
    shown = revealed(plain.encode(), a.svc.db, b.svc.db)
    assert leaks(shown) == [] and b"Notitie van apparaat B" not in shown
    assert leaks(raw) == []
    assert all(stored == computed for _, _, stored, computed in hashes)
    # The readable table still counts the resident (birth year kept).
    with psycopg.connect(team.url) as conn:
        rows = conn.execute(sql.SQL("SELECT birth_year FROM {} WHERE id = %s").format(
            sql.Identifier(team.schema, "resident")), (rid,)).fetchall()
    assert rows == [(1950,)]
    for dev in (a, b):
        assert dev.svc.residents.get(rid).alias == redaction.neutral_alias(rid)
        stored = revealed(dump_text(dev.svc.db.path).encode(), a.svc.db, b.svc.db)
        assert leaks(stored) == [] and b"Notitie van apparaat B" not in stored, dev.name
        assert dev.svc.stats.check() == [], dev.name
        report = team.sync(dev)
        assert report.complete and not report.problems, report.problems
    assert a.dump() == b.dump()
