"""Run every benchmark and print each figure against a raw baseline measured in the
same run.

    python -m bench.run            # full run (builds a 1M-contact database once)
    python -m bench.run --quick    # smaller sizes, a minute or so
    python -m bench.run --only bulk_demo user_save

Adding a benchmark: write a function ``def bench_x(ctx: Context) -> list[Result]``,
decorate it with ``@benchmark("x")``, here or in a module ``bench/bench_*.py``
(found automatically). Measure the raw baseline in the same function, so the
ratio compares like with like on the same machine at the same moment.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import importlib
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: python bench/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine

from gezond_desktop.models import SYNCED_MODELS, Base
from gezond_desktop.store.bulk import BULK_CACHE_KIB, DEFAULT_BATCH_SIZE

BENCH_DIR = Path(__file__).resolve().parent
CACHE_DIR = BENCH_DIR / ".cache"


# -- framework --------------------------------------------------------------------------
@dataclass
class Context:
    quick: bool
    work_dir: Path  # scratch space, removed afterwards
    cache_dir: Path  # kept between runs (big databases)


@dataclass
class Result:
    name: str
    value: float | None  # measured
    baseline: float | None  # raw baseline, same run
    unit: str
    target: str  # in words
    passed: bool | None  # None: skipped
    note: str = ""
    higher_is_better: bool = True

    @property
    def ratio(self) -> float | None:
        if not self.value or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def status(self) -> str:
        return "SKIP" if self.passed is None else ("PASS" if self.passed else "FAIL")


BenchFn = Callable[[Context], list[Result]]
BENCHMARKS: dict[str, BenchFn] = {}


def benchmark(name: str) -> Callable[[BenchFn], BenchFn]:
    def register(fn: BenchFn) -> BenchFn:
        BENCHMARKS[name] = fn
        return fn

    return register


def skip(name: str, target: str, reason: str) -> list[Result]:
    return [Result(name, None, None, "", target, None, reason)]


def _fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "-"
    if unit == "ms":
        return f"{v:.2f} ms"
    return f"{v:,.0f} {unit}"


def print_result(r: Result) -> None:
    ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "-"
    print(f"{r.name:<28} {_fmt(r.value, r.unit):>18} {_fmt(r.baseline, r.unit):>18} "
          f"{ratio:>8}  {r.target:<22} {r.status}", flush=True)
    if r.note:
        print(f"{'':<28} {r.note}", flush=True)


def discover() -> None:
    for path in sorted(BENCH_DIR.glob("bench_*.py")):
        importlib.import_module(f"bench.{path.stem}")


# -- raw baseline helpers ----------------------------------------------------------------
def raw_connect(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the app's pragmas (and the bulk page cache)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   f"cache_size=-{BULK_CACHE_KIB}"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def fresh_schema(path: Path) -> None:
    """The app's tables and indexes, without the change log triggers."""
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    engine.dispose()


def data_tables() -> list[str]:
    """Synced tables (parents first), then the association tables."""
    synced = [m.__tablename__ for m in SYNCED_MODELS]  # type: ignore[attr-defined]
    assoc = [t.name for t in Base.metadata.sorted_tables
             if t.name not in synced and t.name not in ("change_log", "device_clock",
                                                         "local_setting", "alembic_version")]
    return synced + assoc


def read_rows(db_path: Path) -> list[tuple[str, str, list[tuple[Any, ...]]]]:
    """All data rows of a database as (table, insert sql, rows), as stored."""
    src = sqlite3.connect(db_path)
    out = []
    for table in data_tables():
        cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
        rows = src.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY rowid").fetchall()
        sql = (f"INSERT INTO {table} ({', '.join(cols)}) "
               f"VALUES ({', '.join('?' for _ in cols)})")
        out.append((table, sql, rows))
    src.close()
    return out


def raw_insert_seconds(target: Path, tables: list[tuple[str, str, list[tuple[Any, ...]]]],
                       batch: int = DEFAULT_BATCH_SIZE) -> float:
    """Time raw executemany of the rows into a fresh schema, ``batch`` rows per commit."""
    fresh_schema(target)
    conn = raw_connect(target)
    started = time.perf_counter()
    for _table, sql, rows in tables:
        for i in range(0, len(rows), batch):
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(sql, rows[i:i + batch])
            conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


# -- (a) bulk path: demo generation -------------------------------------------------------
@benchmark("bulk_demo")
def bench_bulk_demo(ctx: Context) -> list[Result]:
    from gezond_desktop import demo
    from gezond_desktop.services import open_services

    scale = 0.5 if ctx.quick else 4.0
    target = ">= 0.30x raw"
    svc = open_services(ctx.work_dir / "demo")
    try:
        report = demo.generate(svc, seed=7, scale=scale)
        db_path = svc.db.path
    finally:
        svc.db.close()
    rows = read_rows(db_path)
    synced = {m.__tablename__ for m in SYNCED_MODELS}  # type: ignore[attr-defined]
    n_records = sum(len(r) for t, _, r in rows if t in synced)
    n_links = sum(len(r) for t, _, r in rows if t not in synced)
    gc.collect()
    raw_seconds = raw_insert_seconds(ctx.work_dir / "raw-demo.sqlite", rows)
    ours = report.records / report.bulk_seconds
    raw = n_records / raw_seconds
    return [Result(
        "bulk: demo generation", ours, raw, "rec/s", target,
        ours / raw >= 0.30,
        f"scale {scale}: {report.records:,} records with change entries "
        f"(+{n_links:,} list rows) in {report.bulk_seconds:.1f} s, generating them included "
        f"(reference CSV import before it, not a bulk path: "
        f"{report.seconds - report.bulk_seconds:.1f} s); "
        f"raw: executemany of the same rows, no change log, {raw_seconds:.1f} s",
    )]


# -- (b) import path: reference import of a large CSV --------------------------------------
@benchmark("import_reference")
def bench_import(ctx: Context) -> list[Result]:
    from gezond_desktop.enums import VenueKind
    from gezond_desktop.ids import uuid7
    from gezond_desktop.models import Neighbourhood
    from gezond_desktop.services import open_services

    name = "import: 20k venues CSV" if not ctx.quick else "import: 1k venues CSV"
    target = ">= 0.30x raw"
    n = 1_000 if ctx.quick else 20_000
    svc = open_services(ctx.work_dir / "import")
    try:
        imports = svc.imports
        if not hasattr(imports, "import_reference") or not hasattr(
                imports, "load_bundled_reference"):
            return skip(name, target, "ImportService.import_reference is not there yet")
        imports.load_bundled_reference()
        with svc.db.read() as s:
            hoods = [(h.id, h.code) for h in s.query(Neighbourhood).order_by(Neighbourhood.code)]
        kinds = [k.value for k in VenueKind]
        path = ctx.work_dir / "venues.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["naam", "soort", "buurt"])
            for i in range(n):
                w.writerow([f"Vindplaats {i:05d}", kinds[i % len(kinds)], hoods[i % len(hoods)][1]])
        started = time.perf_counter()
        report = imports.import_reference("venue", path)
        seconds = time.perf_counter() - started
        accepted = int(getattr(report, "accepted", n))
    finally:
        svc.db.close()
    # Raw baseline: the same venue rows, straight into the venue table.
    now = dt.datetime.now().isoformat(" ", "microseconds")
    hood_ids = [h[0].bytes for h in hoods]
    rows = [(f"Vindplaats {i:05d}", kinds[i % len(kinds)], hood_ids[i % len(hood_ids)],
             uuid7().bytes, now, now, None, None, None, 0, None) for i in range(n)]
    table_cols = "name, kind, neighbourhood_id, id, created_at, updated_at, created_by, " \
                 "device_id, deleted_at, hlc, retired_at"
    sql = f"INSERT INTO venue ({table_cols}) VALUES ({', '.join('?' * 11)})"
    hood_rows = [(f"b{i}", f"Buurt {i}", "x", 1, 0, hid, now, now, None, None, None, 0, None)
                 for i, hid in enumerate(hood_ids)]
    hood_sql = ("INSERT INTO neighbourhood (code, name, municipality, is_focus, is_demo, id, "
                "created_at, updated_at, created_by, device_id, deleted_at, hlc, retired_at) "
                f"VALUES ({', '.join('?' * 13)})")
    target_db = ctx.work_dir / "raw-import.sqlite"
    fresh_schema(target_db)
    conn = raw_connect(target_db)
    conn.executemany(hood_sql, hood_rows)
    started = time.perf_counter()
    for i in range(0, len(rows), DEFAULT_BATCH_SIZE):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows[i:i + DEFAULT_BATCH_SIZE])
        conn.execute("COMMIT")
    raw_seconds = time.perf_counter() - started
    conn.close()
    ours = accepted / seconds if seconds else 0.0
    raw = n / raw_seconds
    return [Result(name, ours, raw, "rows/s", target, ours / raw >= 0.30,
                   f"{accepted:,} of {n:,} rows accepted in {seconds:.1f} s; "
                   f"raw {raw_seconds:.2f} s")]


# -- (c) one user save on a database of 1,000,000 contacts --------------------------------
def cached_demo(ctx: Context, scale: float) -> Path:
    """A demo database built once and kept under bench/.cache (rebuilt when incomplete)."""
    from gezond_desktop import demo
    from gezond_desktop.services import open_services

    folder = ctx.cache_dir / f"demo-seed1-scale{scale:g}"
    marker = folder / "bench-complete.json"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    print(f"  building the benchmark database (scale {scale:g}) in {folder} ...", flush=True)
    svc = open_services(folder)
    try:
        report = demo.generate(svc, seed=1, scale=scale)
        counts = svc.stats.counts()
    finally:
        svc.db.close()
    marker.write_text(json.dumps({"records": report.records, "seconds": report.seconds,
                                  "counts": counts}))
    print(f"  built: {report.records:,} records in {report.seconds:.0f} s "
          f"({report.records_per_second:,.0f} rec/s)", flush=True)
    return folder


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


@benchmark("user_save")
def bench_user_save(ctx: Context) -> list[Result]:
    from gezond_desktop.services import open_services

    scale = 2.5 if ctx.quick else 125.0
    saves = 50 if ctx.quick else 200
    folder = cached_demo(ctx, scale)
    svc = open_services(folder)
    try:
        counts = svc.stats.counts()
        hood = svc.reference.list("neighbourhood")[0].id
        log = _save_function(svc, hood)
        for _ in range(5):  # warm up caches and prepared statements
            log()
        times = []
        for _ in range(saves):
            started = time.perf_counter()
            log()
            times.append((time.perf_counter() - started) * 1000)
        raw_times = _raw_saves(svc, hood, saves)
    finally:
        svc.db.close()
    p50, p95 = statistics.median(times), _percentile(times, 95)
    r50, r95 = statistics.median(raw_times), _percentile(raw_times, 95)
    label = f"{counts['encounters']:,} contacts"
    return [
        Result(f"save: p50 ({'quick' if ctx.quick else '1M'})", p50, r50, "ms", "(info)",
               True, f"{saves} saves via {log.__doc__} on {label}", higher_is_better=False),
        Result(f"save: p95 ({'quick' if ctx.quick else '1M'})", p95, r95, "ms", "p95 < 10 ms",
               p95 < 10.0, "raw: BEGIN IMMEDIATE; clock, change_log and encounter row; COMMIT",
               higher_is_better=False),
    ]


def _save_function(svc: Any, hood: uuid.UUID) -> Callable[[], None]:
    encounters = svc.encounters
    if hasattr(encounters, "log"):
        from gezond_desktop.services.encounters import EncounterInput

        def log() -> None:
            """svc.encounters.log()"""
            encounters.log(EncounterInput(
                occurred_at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(minutes=5),
                kind="street", head_count=1, neighbourhood_id=hood, notes="Benchmark"))
        return log

    from gezond_desktop.ids import uuid7
    from gezond_desktop.models import Encounter

    def orm_log() -> None:
        """db.write() + ORM Encounter"""
        with svc.db.write(svc.worker_id) as s:
            s.add(Encounter(id=uuid7(), occurred_at=dt.datetime.now(), worker_id=svc.worker_id,
                            neighbourhood_id=hood, kind="street", head_count=1))
    return orm_log


def _raw_saves(svc: Any, hood: uuid.UUID, n: int) -> list[float]:
    """One save in raw SQL on the same file, keeping the change log valid."""
    from gezond_desktop.ids import hlc_pack, uuid7, wall_ms
    from gezond_desktop.store.changes import dumps

    device = svc.db.device_id.bytes
    worker = svc.worker_id.bytes if svc.worker_id else None
    conn = sqlite3.connect(svc.db.path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   "busy_timeout=15000"):
        conn.execute(f"PRAGMA {pragma}")
    times = []
    try:
        for _ in range(n):
            rid = uuid7()
            now = dt.datetime.now()
            fields = dumps({"occurred_at": now.isoformat(), "kind": "street", "head_count": 1,
                            "neighbourhood_id": str(hood)})
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            last_seq, last_hlc = conn.execute(
                "SELECT last_seq, last_hlc FROM device_clock WHERE device_id = ?",
                (device,)).fetchone()
            hlc = max(last_hlc + 1, hlc_pack(wall_ms(), 0))
            conn.execute("UPDATE device_clock SET last_seq = ?, last_hlc = ? WHERE device_id = ?",
                         (last_seq + 1, hlc, device))
            conn.execute(
                "INSERT INTO change_log (device_id, seq, hlc, entity, record_id, op, fields, "
                "schema_version, worker_id) VALUES (?, ?, ?, 'encounter', ?, 'insert', ?, 1, ?)",
                (device, last_seq + 1, hlc, rid.bytes, fields, worker))
            stamp = now.isoformat(" ", "microseconds")
            conn.execute(
                "INSERT INTO encounter (id, occurred_at, worker_id, neighbourhood_id, kind, "
                "head_count, notes, created_at, updated_at, created_by, device_id, hlc) "
                "VALUES (?, ?, ?, ?, 'street', 1, '', ?, ?, ?, ?, ?)",
                (rid.bytes, stamp, worker, hood.bytes, stamp, stamp, worker, device, hlc))
            conn.execute("COMMIT")
            times.append((time.perf_counter() - started) * 1000)
    finally:
        conn.close()
    return times


# -- runner -------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a quick look")
    parser.add_argument("--only", nargs="*", default=None, help="names of benchmarks to run")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and stop")
    args = parser.parse_args(argv)
    # Run as `python -m bench.run` this module is __main__: let bench_* modules that
    # import bench.run register into this very registry.
    sys.modules.setdefault("bench.run", sys.modules[__name__])
    discover()
    if args.list:
        print("\n".join(BENCHMARKS))
        return 0
    names = args.only or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; see --list")
    CACHE_DIR.mkdir(exist_ok=True)
    print(f"{'benchmark':<28} {'measured':>18} {'raw baseline':>18} {'ratio':>8}  "
          f"{'target':<22} result", flush=True)
    results: list[Result] = []
    for name in names:
        with tempfile.TemporaryDirectory(prefix=f"gezond-bench-{name}-") as tmp:
            ctx = Context(quick=args.quick, work_dir=Path(tmp), cache_dir=CACHE_DIR)
            for r in BENCHMARKS[name](ctx):
                print_result(r)
                results.append(r)
    failed = [r for r in results if r.passed is False]
    print(f"\n{len(results) - len(failed)} of {len(results)} figures met their target"
          + (f"; FAILED: {', '.join(r.name for r in failed)}" if failed else "."))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
