"""Desktop benchmarks: cold start and sign-in, and opening the contact list on 1,000,000
contacts.

Each figure is measured in fresh processes (median of several), next to a raw
baseline measured in the same run: a bare PySide6 window with a table, and the
same contact list on an empty database, and for the sign-in its two memory-hard
password steps alone.
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


def empty_db(ctx: Context) -> Path:
    from gezond_desktop.services import open_services

    folder = ctx.work_dir / "empty"
    svc = open_services(folder)
    svc.imports.load_bundled_reference()
    w = svc.workers.create("Bench", "coordinator")
    svc.workers.set_current(w.id)
    svc.db.close()
    return folder


def sign_in_folder(ctx: Context) -> Path:
    """The demo year (built here, about a second) with the demo account: a computer
    where somebody signs in, as at every start after the first one."""
    from gezond_desktop import demo
    from gezond_desktop.services import open_services
    from gezond_desktop.ui.app import ensure_demo_account

    folder = ctx.work_dir / "sign-in"
    svc = open_services(folder)
    try:
        demo.generate(svc, seed=1, scale=1.0)
        ensure_demo_account(svc)
    finally:
        svc.db.close()
    return folder


@benchmark("ui_cold_start")
def bench_cold_start(ctx: Context) -> list[Result]:
    data = sign_in_folder(ctx)
    n = 3 if ctx.quick else 7
    warm_up("bare")
    warm_up("app", str(data))
    bare = [probe("bare") for _ in range(n)]
    app = [probe("app", str(data)) for _ in range(n)]
    ms, base = median(app, "ms"), median(bare, "ms")
    heavy = sorted({m for r in app for m in r.get("heavy", [])})
    data_early = [r for r in app if r.get("sqlalchemy")]
    signed_in = all(r.get("pages") for r in app)
    ok = ms <= 3 * base and not heavy and not data_early and signed_in
    note = (f"median of {n} fresh processes: the real start on the demo year with an "
            "account, to the idle main window with the sign-in form; SQLAlchemy loaded "
            f"by then: {len(data_early)} of {n}; pandas/reportlab loaded: "
            f"{', '.join(heavy) or 'no'}; the data layer was ready "
            f"{median(app, 'data_ms'):.0f} ms after start, while the password is typed")
    sign_in, check = median(app, "sign_in_ms"), median(app, "check_ms")
    rows = app[0].get("first_page_rows")
    return [
        Result("ui: cold start to the main window", ms, base, "ms", "<= 3x bare window", ok,
               note, higher_is_better=False),
        Result("ui: sign-in to the first page", sign_in, check, "ms",
               "<= 2x the password steps alone", sign_in <= 2 * check and signed_in,
               "from pressing Enter to the idle window showing Mijn taken "
               f"({rows} tasks); baseline = checking the password and unwrapping the "
               "master key with it (argon2id, slow on purpose), nothing else",
               higher_is_better=False),
    ]


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
