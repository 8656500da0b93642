"""Helpers for the sync tests: a team of devices, each its own data folder,
sharing one folder hub."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gezond_desktop.services import Services, open_services
from gezond_desktop.services.encounters import EncounterInput
from gezond_desktop.services.referrals import ReferralInput
from gezond_desktop.services.residents import FIELD_PURPOSE, ResidentInput
from gezond_desktop.sync.engine import live_dump
from gezond_desktop.sync.service import SyncService

TODAY = dt.date.today()


@dataclass
class Device:
    name: str
    path: Path
    svc: Services
    sync: SyncService

    def close(self) -> None:
        self.svc.db.close()

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        conn = sqlite3.connect(self.svc.db.path)
        try:
            d = live_dump(conn)
            d.pop("device", None)  # every device writes its own device record
            # updated_at/created_at are values like any other: they are compared too.
            return d
        finally:
            conn.close()

    def conflicts(self) -> set[tuple[Any, ...]]:
        conn = sqlite3.connect(self.svc.db.path)
        try:
            return {tuple(r) for r in conn.execute(
                "SELECT id, record_id, field, kind, loser_value, loser_hlc, resolved_at IS NULL "
                "FROM sync_conflict")}
        finally:
            conn.close()

    def integrity(self) -> str:
        conn = sqlite3.connect(self.svc.db.path)
        try:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            conn.close()


@dataclass
class Team:
    root: Path
    hub: Path
    invitation: Path
    devices: list[Device] = field(default_factory=list)
    hood: uuid.UUID | None = None

    def close(self) -> None:
        for d in self.devices:
            d.close()

    def add_device(self, name: str) -> Device:
        path = self.root / name
        svc = open_services(path, device_name=name)
        sync = SyncService(svc)
        sync.join(self.invitation)
        sync.sync_now()  # reference data and workers from the others
        worker = svc.workers.create(f"Werker {name}", "coordinator")
        svc.workers.set_current(worker.id)
        svc = svc.as_worker(worker.id)
        dev = Device(name, path, svc, SyncService(svc))
        self.devices.append(dev)
        return dev


def make_team(root: Path, n: int) -> Team:
    """Device 0 is the coordinator: it makes the hub and the reference data."""
    first = root / "d0"
    svc = open_services(first, device_name="d0")
    hood = svc.reference.save("neighbourhood", {
        "name": "Hambaken", "code": "hambaken", "municipality": "'s-Hertogenbosch",
        "is_focus": True})
    worker = svc.workers.create("Coördinator", "coordinator")
    svc.workers.set_current(worker.id)
    svc = svc.as_worker(worker.id)
    sync = SyncService(svc)
    invitation = sync.init_hub(root / "hub", root / "uitnodiging.json")
    team = Team(root, root / "hub", invitation, hood=hood.id)
    team.devices.append(Device("d0", first, svc, sync))
    sync.sync_now()
    for i in range(1, n):
        team.add_device(f"d{i}")
    return team


def resident(dev: Device, alias: str, **kw: Any) -> uuid.UUID:
    # Personal details need the consent that allows them (docs/privacy.md).
    purposes = {FIELD_PURPOSE[k] for k, v in kw.items() if k in FIELD_PURPOSE and v}
    if purposes and "consents" not in kw:
        kw["consents"] = tuple((p, dt.date.today()) for p in sorted(purposes))
    return dev.svc.residents.create(ResidentInput(alias=alias, **kw),
                                    allow_duplicate=True).id


def encounter(dev: Device, notes: str = "", **kw: Any) -> uuid.UUID:
    return dev.svc.encounters.log(EncounterInput(
        occurred_at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1),
        kind="street", notes=notes, **kw)).id


def referral(dev: Device, resident_id: uuid.UUID) -> uuid.UUID:
    return dev.svc.referrals.register(ReferralInput(
        resident_id=resident_id, pathway="welzijn_op_recept", source="gp",
        registered_on=TODAY - dt.timedelta(days=30))).id


def sync_all(team: Team, rounds: int = 2) -> None:
    for _ in range(rounds):
        for d in team.devices:
            d.sync.sync_now()
