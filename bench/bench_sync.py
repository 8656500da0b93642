"""Sync benchmarks (folder hub).

* ``sync: export+import 100k``: 100,000 new contacts (each a change) exported by
  one device into a folder hub and imported by another, against raw
  ``sqlite3.executemany`` of the same rows (the contacts and their change
  entries) into a fresh schema, same run. Target: >= 0.3x.
* ``sync: nothing new (1M)``: a sync with nothing new on a database of about a
  million records (demo scale 125, cached under bench/.cache with its hub).
  Target: under 200 ms; its cost grows with the changes, not the database.

    python -m bench.run --only sync [--quick]

Also callable on its own: ``run(quick) -> list[dict]``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import json
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.run import CACHE_DIR, Context, Result, benchmark, cached_demo, fresh_schema, raw_connect


def _team(root: Path, name: str) -> Any:
    from gezond_desktop.services import open_services
    from gezond_desktop.sync.service import SyncService

    svc = open_services(root / name, device_name=name)
    return svc, SyncService(svc)


@benchmark("sync")
def bench_sync(ctx: Context) -> list[Result]:
    return [_export_import(ctx), _nothing_new(ctx)]


def _export_import(ctx: Context) -> Result:
    from gezond_desktop.models import Encounter, Worker
    from gezond_desktop.store.bulk import BulkWriter

    n = 20_000 if ctx.quick else 100_000
    root = ctx.work_dir / "sync-export"
    a_svc, a_sync = _team(root, "a")
    worker = a_svc.workers.create("Bench", "coordinator")
    start = dt.datetime(2026, 1, 1, 9, 0)
    with BulkWriter(a_svc.db, worker.id) as bw:
        for i in range(n):
            bw.add(Encounter, {"occurred_at": start + dt.timedelta(minutes=i),
                               "worker_id": worker.id, "kind": "street",
                               "head_count": 1 + i % 7, "notes": f"contact {i}"})
    invitation = a_sync.init_hub(root / "hub", root / "inv.json")
    b_svc, b_sync = _team(root, "b")
    b_sync.join(invitation)
    gc.collect()
    t0 = time.perf_counter()
    sent = a_sync.sync_now().sent
    t1 = time.perf_counter()
    received = b_sync.sync_now().received
    t2 = time.perf_counter()
    assert received >= n, (sent, received)
    # raw: the same contact rows and change entries, executemany into a fresh schema
    src = sqlite3.connect(b_svc.db.path)
    enc_cols = [r[1] for r in src.execute("PRAGMA table_info(encounter)")]
    enc_rows = src.execute(f"SELECT {', '.join(enc_cols)} FROM encounter").fetchall()
    log_cols = [r[1] for r in src.execute("PRAGMA table_info(change_log)")]
    log_rows = src.execute(f"SELECT {', '.join(log_cols)} FROM change_log "
                           "WHERE entity = 'encounter'").fetchall()
    worker_row = src.execute("SELECT * FROM worker").fetchall()
    src.close()
    a_svc.db.close()
    b_svc.db.close()
    target = ctx.work_dir / "raw-sync.sqlite"
    fresh_schema(target)
    conn = raw_connect(target)
    conn.execute("PRAGMA foreign_keys=OFF")
    del worker_row, Worker
    t3 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO change_log ({', '.join(log_cols)}) "
                     f"VALUES ({', '.join('?' * len(log_cols))})", log_rows)
    conn.executemany(f"INSERT INTO encounter ({', '.join(enc_cols)}) "
                     f"VALUES ({', '.join('?' * len(enc_cols))})", enc_rows)
    conn.execute("COMMIT")
    raw_s = time.perf_counter() - t3
    conn.close()
    ours = n / (t2 - t0)
    raw = n / raw_s
    return Result(
        f"sync: export+import {n // 1000}k", ours, raw, "chg/s", ">= 0.30x raw",
        ours / raw >= 0.30,
        f"export {t1 - t0:.1f} s, import {t2 - t1:.1f} s (encrypted, signed bundles "
        f"through a folder hub, fsync'd); raw: executemany of the same contacts and change "
        f"entries in one transaction, {raw_s:.1f} s")


def _nothing_new(ctx: Context) -> Result:
    scale = 2.5 if ctx.quick else 125.0
    folder = CACHE_DIR / f"sync-nothing-new-scale{scale:g}"
    marker = folder / "bench-complete.json"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        source = cached_demo(ctx, scale)
        print(f"  copying the demo database (scale {scale:g}) for the sync benchmark ...",
              flush=True)
        src = sqlite3.connect(source / "gezond.sqlite")
        dst = sqlite3.connect(folder / "data" / "gezond.sqlite") if (
            (folder / "data").mkdir() or True) else None
        assert dst is not None
        src.backup(dst)
        src.close()
        dst.close()
        svc, sync = _team(folder, "data")
        sync.init_hub(folder / "hub", folder / "inv.json")
        t = time.perf_counter()
        report = sync.sync_now()
        print(f"  first sync: {report.sent:,} changes exported in "
              f"{time.perf_counter() - t:.0f} s", flush=True)
        counts = svc.stats.counts()
        svc.db.close()
        marker.write_text(json.dumps({"counts": counts, "sent": report.sent}))
    info = json.loads(marker.read_text())
    records = sum(v for v in info["counts"].values() if isinstance(v, int))
    svc, sync = _team(folder, "data")
    try:
        sync.sync_now()  # the device id may have changed on open: export its one entry
        times = []
        for _ in range(7 if ctx.quick else 15):
            t = time.perf_counter()
            report = sync.sync_now()
            times.append((time.perf_counter() - t) * 1000)
            assert report.sent == 0 and report.received == 0
    finally:
        svc.db.close()
    median = statistics.median(times)
    return Result(
        f"sync: nothing new ({records / 1e6:.1f}M)", median, None, "ms", "< 200 ms",
        median < 200, f"median of {len(times)} syncs with nothing new on {records:,} "
        f"records (max {max(times):.1f} ms)", higher_is_better=False)


def run(quick: bool) -> list[dict[str, Any]]:
    """Run the sync benchmarks alone; each figure as a dict (Result fields + ratio)."""
    CACHE_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gezond-bench-sync-") as tmp:
        ctx = Context(quick=quick, work_dir=Path(tmp), cache_dir=CACHE_DIR)
        out = []
        for r in bench_sync(ctx):
            d = dataclasses.asdict(r)
            d["ratio"] = r.ratio
            d["status"] = r.status
            out.append(d)
        return out
