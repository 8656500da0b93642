"""The process killed (SIGKILL) at random points during export and import: no
partial bundle under a final name, no gap, no duplicate, the database intact,
and the next sync completes."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sync_world import Team, encounter, make_team, resident, sync_all

SCRIPT = textwrap.dedent("""
    import sys
    from gezond_desktop.services import open_services
    from gezond_desktop.sync import engine
    from gezond_desktop.sync.service import SyncService
    engine.BUNDLE_MAX = 3  # several bundles per run: more places to die
    svc = open_services(sys.argv[1])
    SyncService(svc).sync_now()
""")


def _sync_in_child(data_dir: Path, kill_at: int) -> int:
    env = {**os.environ, "GEZOND_SYNC_KILL_AT": str(kill_at)}
    return subprocess.run([sys.executable, "-c", SCRIPT, str(data_dir)], env=env,
                          capture_output=True, timeout=60).returncode


def _kill_rounds(team: Team, runs: int, seed: int) -> None:
    rng = random.Random(seed)
    a, b = team.devices
    killed = 0
    for i in range(runs):
        for _ in range(rng.randint(1, 7)):
            encounter(a, f"contact {i}") if rng.random() < 0.5 else resident(a, f"Inw {i}")
        a.close()
        b.close()
        killed += _sync_in_child(a.path, rng.randint(1, 8)) == -9
        killed += _sync_in_child(b.path, rng.randint(1, 8)) == -9
        for d in (a, b):
            conn = sqlite3.connect(d.svc.db.path)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.close()
        _reopen(team)
        a, b = team.devices
        # whatever is under a final name is complete and valid
        report = b.sync.sync_now()
        assert (report.quarantined, report.held) == (0, 0), report.problems
    assert killed >= runs // 2  # the faults really happened
    sync_all(team)
    a, b = team.devices
    assert a.dump() == b.dump()
    for d in team.devices:
        assert d.svc.stats.check() == []  # no gap, no duplicate, every row explained
        assert d.sync.status().unsynced == 0


def _reopen(team: Team) -> None:
    from gezond_desktop.services import open_services
    from gezond_desktop.sync.service import SyncService

    for d in team.devices:
        svc = open_services(d.path)
        d.svc, d.sync = svc, SyncService(svc)


def test_killed_sync_leaves_everything_consistent(tmp_path: Path) -> None:
    team = make_team(tmp_path, 2)
    try:
        _kill_rounds(team, 6, seed=1)
    finally:
        team.close()


@pytest.mark.slow
def test_killed_sync_many_times(tmp_path: Path) -> None:
    team = make_team(tmp_path, 2)
    try:
        _kill_rounds(team, 20, seed=2)
    finally:
        team.close()
