"""Desktop benchmarks: cold start, and opening the contact list on 1,000,000 contacts.

Each figure is measured in fresh processes (median of several), next to a raw
baseline measured in the same run: a bare PySide6 window with a table, and the
same contact list on an empty database.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.run import Context, Result, benchmark, cached_demo

ROOT = Path(__file__).resolve().parent.parent
PYCACHE = ROOT / "bench" / ".cache" / "pycache"


def probe(*args: str) -> dict[str, Any]:
    # An installed app runs from compiled bytecode; without it every fresh process
    # would compile the app's modules from source (PYTHONDONTWRITEBYTECODE in a dev
    # shell), which no user pays. The bytecode goes under bench/.cache, not the tree.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-m", "bench.ui_probe", *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def warm_up(*args: str) -> None:
    """One discarded run: writes the bytecode and warms the OS file cache."""
    probe(*args)


def median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(float(r[key]) for r in runs)


def small_demo(ctx: Context) -> Path:
    return cached_demo(ctx, 1.0)


def empty_db(ctx: Context) -> Path:
    from gezond_desktop.services import open_services

    folder = ctx.work_dir / "empty"
    svc = open_services(folder)
    svc.imports.load_bundled_reference()
    w = svc.workers.create("Bench", "coordinator")
    svc.workers.set_current(w.id)
    svc.db.close()
    return folder


@benchmark("ui_cold_start")
def bench_cold_start(ctx: Context) -> list[Result]:
    data = small_demo(ctx)
    n = 3 if ctx.quick else 7
    warm_up("bare")
    warm_up("app", str(data))
    bare = [probe("bare") for _ in range(n)]
    app = [probe("app", str(data)) for _ in range(n)]
    ms, base = median(app, "ms"), median(bare, "ms")
    heavy = sorted({m for r in app for m in r.get("heavy", [])})
    ok = ms <= 3 * base and not heavy
    note = (f"median of {n} fresh processes to an idle main window on the demo year; "
            f"pandas/reportlab loaded at start: {', '.join(heavy) or 'no'}")
    return [Result("ui: cold start", ms, base, "ms", "<= 3x bare window", ok, note,
                   higher_is_better=False)]


@benchmark("ui_list_open")
def bench_list_open(ctx: Context) -> list[Result]:
    scale = 2.5 if ctx.quick else 125.0
    big = cached_demo(ctx, scale)
    empty = empty_db(ctx)
    n = 3 if ctx.quick else 5
    warm_up("list", str(empty))
    on_empty = [probe("list", str(empty)) for _ in range(n)]
    on_big = [probe("list", str(big)) for _ in range(n)]
    ms, base = median(on_big, "ms"), median(on_empty, "ms")
    grow_big = median([{"d": r["rss_mb"] - r["rss_before_mb"]} for r in on_big], "d")
    grow_empty = median([{"d": r["rss_mb"] - r["rss_before_mb"]} for r in on_empty], "d")
    extra = grow_big - grow_empty
    label = "1,000,000" if not ctx.quick else f"scale {scale:g}"
    return [
        Result(f"ui: open contact list ({label})", ms, base, "ms", "< 150 ms", ms < 150,
               f"first page shown; baseline = same page on an empty database "
               f"(rows shown: {on_big[0]['rows']})", higher_is_better=False),
        Result("ui: list memory above empty", extra, None, "MB", "<= 40 MB", extra <= 40,
               f"RSS growth opening the page: {grow_big:.1f} MB vs {grow_empty:.1f} MB "
               "on an empty list", higher_is_better=False),
    ]
