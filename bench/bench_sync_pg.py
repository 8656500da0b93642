"""Pushing 100,000 changes to the PostgreSQL hub, against plain COPY of the same rows.

Measured: :meth:`PgHub.push` of the change entries of a demo database, in the
engine's batch size, each batch one transaction: content hashes, the sealed
(encrypted, signed) bundle, the change rows (``COPY`` when none is stored yet,
else ``INSERT ... ON CONFLICT DO NOTHING``) and the field-wise merge into the
readable tables.
Raw baseline (same run, same server): ``COPY`` of the same change rows (device,
seq, hlc, entity, record, op, fields, version, worker, prev) into a plain table
with a primary key, one transaction per batch.
Needs the server at 127.0.0.1:5432 (database ``test``); skipped otherwise.
"""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from typing import Any

from bench.run import Context, Result, benchmark, cached_demo, skip

URLS = ("postgresql://postgres@127.0.0.1:5432/test", "postgresql://root@127.0.0.1:5432/test")
TARGET = ">= 0.30x raw COPY"


def _server() -> str | None:
    import psycopg

    for url in URLS:
        try:
            psycopg.connect(url, connect_timeout=2).close()
            return url
        except psycopg.Error:
            continue
    return None


def _entries(db_path: Any, limit: int) -> tuple[uuid.UUID, list[tuple[Any, ...]],
                                                 list[dict[str, Any]]]:
    from gezond_desktop.sync.engine import wire_entry

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        dev = conn.execute("SELECT device_id FROM change_log GROUP BY device_id "
                           "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
        rows = conn.execute(
            "SELECT c.seq, c.hlc, c.entity, c.record_id, c.op, c.fields, c.schema_version, "
            "c.worker_id, p.prev FROM change_log c LEFT JOIN change_prev p "
            "ON p.device_id = c.device_id AND p.seq = c.seq WHERE c.device_id = ? "
            "ORDER BY c.seq LIMIT ?", (dev, limit)).fetchall()
    finally:
        conn.close()
    return uuid.UUID(bytes=bytes(dev)), rows, [wire_entry(*r) for r in rows]


@benchmark("sync_pg_push")
def bench_sync_pg_push(ctx: Context) -> list[Result]:
    import psycopg
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from psycopg import sql

    from gezond_desktop.sync.bundle import public_key_b64
    from gezond_desktop.sync.engine import BUNDLE_MAX
    from gezond_desktop.sync.hub import DeviceInfo, OutgoingBatch
    from gezond_desktop.sync.pg_hub import PgHub, create_pg_hub

    n = 20_000 if ctx.quick else 100_000
    name = f"sync: push {n // 1000}k to PostgreSQL"
    url = _server()
    if url is None:
        return skip(name, TARGET, "no PostgreSQL server answers at 127.0.0.1:5432/test")
    scale = 0.75 if ctx.quick else 3.2
    device, rows, entries = _entries(cached_demo(ctx, scale) / "gezond.sqlite", n)
    if len(entries) < n:
        return skip(name, TARGET, f"the demo database has only {len(entries):,} changes")
    schema = f"gezond_bench_{uuid.uuid4().hex[:10]}"
    key = Ed25519PrivateKey.generate()
    try:
        hub_id = create_pg_hub(url, schema=schema)
        hub = PgHub(url, hub_id, os.urandom(32), key, schema=schema)
        hub.register_device(DeviceInfo(device, "bench", public_key_b64(key)))
        batches = []
        for i in range(0, n, BUNDLE_MAX):
            part = entries[i:i + BUNDLE_MAX]
            hlcs = [e["h"] for e in part]
            batches.append(OutgoingBatch(device, part[0]["s"], part[-1]["s"], min(hlcs),
                                         max(hlcs), 2, part))
        started = time.perf_counter()
        for b in batches:
            hub.push(b)
        seconds = time.perf_counter() - started
        stored = hub.stored_seq(device)
        hub.close()

        # Raw baseline: COPY of the same change rows into a plain table.
        with psycopg.connect(url, autocommit=True) as conn:
            table = sql.Identifier(schema, "raw_change")
            conn.execute(sql.SQL(
                "CREATE TABLE {} (device_id uuid, seq bigint, hlc bigint, entity text, "
                "record_id uuid, op text, fields text, schema_version integer, "
                "worker_id uuid, prev text, PRIMARY KEY (device_id, seq))").format(table))
            plain = [(device, seq, hlc, ent, uuid.UUID(bytes=bytes(rid)), op, f, v,
                      uuid.UUID(bytes=bytes(w)) if w else None, p)
                     for seq, hlc, ent, rid, op, f, v, w, p in rows]
            started = time.perf_counter()
            for i in range(0, n, BUNDLE_MAX):
                with conn.transaction(), conn.cursor().copy(sql.SQL(
                        "COPY {} FROM STDIN").format(table)) as cp:
                    for r in plain[i:i + BUNDLE_MAX]:
                        cp.write_row(r)
            raw_seconds = time.perf_counter() - started
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                sql.Identifier(schema)))
    ours, raw = n / seconds, n / raw_seconds
    return [Result(name, ours, raw, "chg/s", TARGET, ours / raw >= 0.30 and stored == rows[-1][0],
                   f"{n:,} changes in {len(batches)} pushes of up to {BUNDLE_MAX:,} in "
                   f"{seconds:.2f} s (hashes, sealed bundle, change rows, readable "
                   f"tables); raw COPY of the same rows {raw_seconds:.2f} s")]
