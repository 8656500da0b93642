"""Sync scenarios a user would run into: damaged and copied bundles, app versions,
clocks, concurrent edits, deletes, a restored backup, a full disk."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from sync_world import Team, encounter, make_team, referral, resident, sync_all

from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.sync import bundle, engine
from gezond_desktop.sync.bundle import b64
from gezond_desktop.sync.hub import HubError

TODAY = dt.date.today()


@pytest.fixture
def team(tmp_path: Path) -> Any:
    t = make_team(tmp_path, 2)
    yield t
    t.close()


def _bundles(team: Team, dev_index: int) -> list[Path]:
    dev = team.devices[dev_index].svc.db.device_id
    return sorted((team.hub / "devices" / str(dev)).glob("*.gzb"))


def _notes(dev: Any, rid: uuid.UUID) -> str:
    """The stored notes (the resident screens hide them from other workers),
    decrypted with the device's key (docs/encryption.md)."""
    conn = sqlite3.connect(dev.svc.db.path)
    try:
        return str(dev.svc.db.keyring.decrypt(conn.execute(
            "SELECT notes FROM resident WHERE id = ?", (rid.bytes,)).fetchone()[0]))
    finally:
        conn.close()


def _edit_notes(dev: Any, rid: uuid.UUID, notes: str, **kw: Any) -> None:
    v = dev.svc.residents.get(rid)
    dev.svc.residents.update(rid, ResidentInput(alias=v.alias, notes=notes,
                                                birth_year=kw.get("birth_year", v.birth_year),
                                                # notes need this consent (docs/privacy.md)
                                                consents=(("registration", TODAY),)))


# -- damaged, forged and copied bundles --------------------------------------------------
@pytest.mark.parametrize("damage", ["truncate", "bitflip", "resign", "rename", "conflicted",
                                    "empty"])
def test_bad_bundles_are_quarantined_never_partly_applied(team: Team, damage: str) -> None:
    a, b = team.devices
    rid = resident(a, "Fatima")
    encounter(a, "op straat")
    a.sync.sync_now()
    [path] = [p for p in _bundles(team, 0) if p.name.endswith(".gzb")][-1:]
    data = path.read_bytes()
    before = b.dump()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "bitflip":
        flipped = bytearray(data)
        flipped[len(data) // 2] ^= 0x01
        # keep the trailer checksum right, so the signature/decryption must catch it
        import hashlib
        flipped[-32:] = hashlib.sha256(bytes(flipped[:-32])).digest()
        path.write_bytes(bytes(flipped))
    elif damage == "resign":
        # b signs a bundle with its own key and puts it in a's folder
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        header, _ = bundle.read_header(data)
        _, entries = bundle.decode(data, b.sync.keys.team_key(team_hub_id(team)) or b"",
                                   bundle.unb64(json.loads(
                                       (path.parent / "device.json").read_text())["public_key"]))
        entries[0]["f"] = entries[0]["f"].replace("Fatima", "Vervalst")
        forged = bundle.encode({k: v for k, v in header.data.items()
                                if k not in ("format", "nonce", "count")}, entries,
                               b.sync.keys.team_key(team_hub_id(team)) or b"",
                               Ed25519PrivateKey.generate())
        path.write_bytes(forged)
    elif damage == "rename":
        m = path.name.split("-")
        path.rename(path.with_name(f"{m[0]}-{int(m[1][:12]) + 5:012d}.gzb"))
    elif damage == "conflicted":
        path.with_name(path.stem + " (Fatima's conflicted copy 2026-11-23).gzb").write_bytes(
            data[:-40] + b"x" * 40)
    elif damage == "empty":
        path.write_bytes(b"")
    report = b.sync.sync_now()
    assert report.quarantined >= 1
    status = b.sync.status()
    assert status.quarantined and all(q.reason for q in status.quarantined)
    reasons = " ".join(q.reason for q in status.quarantined)
    expected = {"truncate": "onvolledig", "bitflip": "ondertekening", "resign": "ondertekening",
                "rename": "hernoemd", "conflicted": "synchronisatieprogramma",
                "empty": "onvolledig"}[damage]
    assert expected in reasons
    if damage != "conflicted":
        assert b.dump()["resident"] == before["resident"]  # nothing of it applied
        with pytest.raises(Exception):  # noqa: B017
            b.svc.residents.get(rid)
        assert b.integrity() == "ok"
    # the writer puts the right file back (a re-export): then it is applied
    if damage in ("truncate", "bitflip", "resign", "empty"):
        path.write_bytes(data)
        report = b.sync.sync_now()
        assert report.quarantined == 0
        assert b.svc.residents.get(rid).alias == "Fatima"
        assert b.sync.status().quarantined == ()


def team_hub_id(team: Team) -> str:
    return str(json.loads((team.hub / "hub.json").read_text())["hub_id"])


def test_identical_cloud_copies_are_ignored(team: Team) -> None:
    a, b = team.devices
    rid = resident(a, "Sanne")
    a.sync.sync_now()
    for p in _bundles(team, 0):
        (p.parent / (p.stem + " (1).gzb")).write_bytes(p.read_bytes())
        (p.parent / (p.stem + "-DESKTOP-AB12.gzb")).write_bytes(p.read_bytes())
    report = b.sync.sync_now()
    assert (report.quarantined, report.held) == (0, 0)
    assert b.svc.residents.get(rid).alias == "Sanne"


def test_share_holds_no_personal_data_and_no_database(team: Team) -> None:
    a, _ = team.devices
    resident(a, "Geheime Naam", full_name="Fatima Geheim")
    a.sync.sync_now()
    for p in team.hub.rglob("*"):
        if p.is_file():
            assert b"Geheim" not in p.read_bytes()
            assert not p.read_bytes().startswith(b"SQLite format 3")
            assert not p.name.endswith((".lock", ".sqlite", "-wal"))


# -- app versions ------------------------------------------------------------------------
def test_bundle_from_newer_app_is_held_then_applied_after_update(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = team.devices
    monkeypatch.setattr(engine, "CHANGE_SCHEMA_VERSION", 3)  # a writes as a newer app
    rid = resident(a, "Nieuw")
    a.sync.sync_now()
    monkeypatch.setattr(engine, "CHANGE_SCHEMA_VERSION", 2)  # b is older
    report = b.sync.sync_now()
    assert report.held == 1 and report.received == 0
    assert "Werk de app bij" in b.sync.status().held[0].reason
    monkeypatch.setattr(engine, "CHANGE_SCHEMA_VERSION", 3)  # b is updated
    report = b.sync.sync_now()
    assert report.held == 0 and report.received >= 1
    assert b.svc.residents.get(rid).alias == "Nieuw"
    assert b.sync.status().held == ()


def test_older_bundle_entries_are_upgraded(team: Team) -> None:
    a, b = team.devices
    rid = resident(a, "Oud")
    _edit_notes(a, rid, "eerst")
    orig = engine.wire_entry

    def v1(*args: Any) -> dict[str, Any]:
        e = orig(*args)
        e["v"] = 1
        e.pop("p")
        return e

    engine.wire_entry = v1  # type: ignore[assignment]
    try:
        a.sync.sync_now()
    finally:
        engine.wire_entry = orig  # type: ignore[assignment]
    b.sync.sync_now()
    assert _notes(b, rid) == "eerst"


# -- concurrent edits ------------------------------------------------------------------------
def test_same_field_both_keep_one_winner_and_the_loser_is_kept(team: Team) -> None:
    a, b = team.devices
    rid = resident(a, "Fatima")
    sync_all(team)
    _edit_notes(a, rid, "van a")
    _edit_notes(b, rid, "van b")
    sync_all(team)
    assert _notes(a, rid) == _notes(b, rid)
    [ca] = a.sync.conflicts()
    [cb] = b.sync.conflicts()
    assert ca.id == cb.id and ca.field == "notes"
    assert {ca.winner.value, ca.loser.value} == {"van a", "van b"}
    assert ca.winner.worker_name and ca.loser.device_name
    b.sync.resolve(cb.id, "loser")
    sync_all(team)
    assert _notes(a, rid) == _notes(b, rid) == ca.loser.value
    assert a.sync.conflicts() == [] and b.sync.conflicts() == []


def test_different_fields_both_kept_without_conflict(team: Team) -> None:
    a, b = team.devices
    rid = resident(a, "Fatima", birth_year=1980)
    sync_all(team)
    _edit_notes(a, rid, "van a")
    v = b.svc.residents.get(rid)
    b.svc.residents.update(rid, ResidentInput(alias=v.alias, birth_year=1981, notes=v.notes))
    sync_all(team)
    for d in team.devices:
        got = d.svc.residents.get(rid)
        assert (got.notes, got.birth_year) == ("van a", 1981)
        assert d.sync.conflicts() == []


@pytest.mark.parametrize("delete_first", [True, False])
def test_edit_versus_delete_ends_the_same_and_is_logged(team: Team, delete_first: bool) -> None:
    a, b = team.devices
    rid = resident(a, "Fatima")
    sync_all(team)
    a.svc.residents.delete(rid)
    _edit_notes(b, rid, "nog bezig")
    order = [a, b] if delete_first else [b, a]
    for _ in range(2):
        for d in order:
            d.sync.sync_now()
    assert a.dump()["resident"] == b.dump()["resident"]
    for d in team.devices:
        kinds = [c.kind for c in d.sync.conflicts()]
        assert kinds == ["edit_vs_delete"]
    # keeping the edit brings the record back everywhere
    c = b.sync.conflicts()[0]
    b.sync.resolve(c.id, "loser")
    sync_all(team)
    for d in team.devices:
        assert _notes(d, rid) == "nog bezig"
        assert d.sync.conflicts() == []


def test_status_steps_from_two_devices_are_ordered_and_illegal_ones_flagged(
        team: Team) -> None:
    a, b = team.devices
    rid = referral(a, resident(a, "Fatima"))
    sync_all(team)
    today = dt.date.today()
    a.svc.referrals.step(rid, "not_reached", today)  # closes it
    b.svc.referrals.step(rid, "contact_made", today)
    sync_all(team)
    sa = a.svc.referrals.get(rid).referral.status
    assert sa == b.svc.referrals.get(rid).referral.status
    ca = [c.kind for c in a.sync.conflicts()]
    assert ca == ["status_sequence"] and [c.kind for c in b.sync.conflicts()] == ca
    assert len(a.svc.referrals.get(rid).events) == 3  # both kept in the log


def test_same_resident_added_twice_to_a_session_is_merged(team: Team) -> None:
    from gezond_desktop.models import Attendance
    a, b = team.devices
    rid = resident(a, "Fatima")
    # attendance rows written through each device's own write transaction
    from gezond_desktop.ids import uuid7
    from gezond_desktop.models import Activity, Session
    with a.svc.db.write(None) as s:
        aid, sid = uuid7(), uuid7()
        s.add(Activity(id=aid, name="Lunch"))
        s.add(Session(id=sid, activity_id=aid, held_on=dt.date.today()))
    sync_all(team)
    for d in (a, b):
        with d.svc.db.write(None) as s:
            s.add(Attendance(id=uuid7(), session_id=sid, resident_id=rid))
    sync_all(team)
    assert a.dump()["attendance"] == b.dump()["attendance"]
    live = [r for r in a.dump()["attendance"] if r[list(engine.plan("attendance").columns)
                                                  .index("deleted_at") + 1] is None]
    assert len(live) == 1
    assert [c.kind for c in a.sync.conflicts()] == ["duplicate"]


# -- clocks ------------------------------------------------------------------------------
def test_clock_hours_ahead_is_flagged_and_does_not_break_later_edits(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    import time as _time

    from gezond_desktop.store import changes
    a, b = team.devices
    rid = resident(a, "Fatima")
    sync_all(team)
    real = _time.time
    monkeypatch.setattr(changes, "wall_ms", lambda: int((real() + 5 * 3600) * 1000))
    monkeypatch.setattr("gezond_desktop.sync.folder_hub.time.time", lambda: real() + 5 * 3600)
    _edit_notes(a, rid, "van de toekomst")
    a.sync.sync_now()
    monkeypatch.undo()
    b.sync.sync_now()
    flagged = b.sync.status().flagged_devices
    assert len(flagged) == 1 and flagged[0].clock_offset_ms > 4 * 3600 * 1000
    # b's later edit (seen the future one) still wins: it sorts after what it overwrote
    _edit_notes(b, rid, "later van b")
    sync_all(team)
    assert _notes(a, rid) == _notes(b, rid) == "later van b"
    assert a.sync.conflicts() == []


def test_clock_jumping_back_keeps_order(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    import time as _time

    from gezond_desktop.store import changes
    a, b = team.devices
    rid = resident(a, "Fatima")
    _edit_notes(a, rid, "eerst")
    real = _time.time
    monkeypatch.setattr(changes, "wall_ms", lambda: int((real() - 3 * 3600) * 1000))
    _edit_notes(a, rid, "daarna")
    monkeypatch.undo()
    sync_all(team)
    assert _notes(b, rid) == "daarna"


# -- restore, disk full ----------------------------------------------------------------------
def test_device_restored_from_old_backup_loses_and_duplicates_nothing(
        team: Team, tmp_path: Path) -> None:
    a, b = team.devices
    r1 = resident(a, "Voor de kopie")
    a.sync.sync_now()
    saved = a.svc.db.backup(tmp_path / "kopie")
    r2 = resident(a, "Na de kopie")
    a.sync.sync_now()
    old_id = a.svc.db.device_id
    a.close()
    src, dst = sqlite3.connect(saved), sqlite3.connect(a.svc.db.path)
    src.backup(dst)
    src.close()
    dst.close()
    from gezond_desktop.services import open_services
    from gezond_desktop.sync.service import SyncService
    svc = open_services(a.path)
    assert svc.db.device_id != old_id
    a.svc, a.sync = svc, SyncService(svc)
    a.sync.sync_now()
    assert a.svc.residents.get(r2).alias == "Na de kopie"  # came back from the hub
    r3 = resident(a, "Na het terugzetten")
    sync_all(team)
    for d in team.devices:
        assert {d.svc.residents.get(r).alias for r in (r1, r2, r3)} == {
            "Voor de kopie", "Na de kopie", "Na het terugzetten"}
        assert d.svc.stats.check() == []
    assert a.dump() == b.dump()


def test_disk_full_during_export_sends_nothing_and_retry_works(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = team.devices
    rid = resident(a, "Fatima")
    real_write = os.write

    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(HubError, match="vol"):
        a.sync.sync_now()
    monkeypatch.setattr(os, "write", real_write)
    assert a.sync.status().unsynced > 0
    dev_dir = team.hub / "devices" / str(a.svc.db.device_id)
    assert not [p for p in dev_dir.iterdir() if p.name.startswith(".tmp-")]
    report = a.sync.sync_now()
    assert report.sent > 0 and a.sync.status().unsynced == 0
    b.sync.sync_now()
    assert b.svc.residents.get(rid).alias == "Fatima"


def test_io_error_during_import_applies_nothing_and_retry_works(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = team.devices
    rid = resident(a, "Fatima")
    a.sync.sync_now()
    real = engine.Applier.apply

    def broken(self: Any, entries: Any) -> None:
        real(self, entries)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(engine.Applier, "apply", broken)
    with pytest.raises(Exception, match="vol"):
        b.sync.sync_now()
    monkeypatch.setattr(engine.Applier, "apply", real)
    with pytest.raises(Exception):  # noqa: B017
        b.svc.residents.get(rid)
    assert b.integrity() == "ok"
    b.sync.sync_now()
    assert b.svc.residents.get(rid).alias == "Fatima"
    assert b.svc.stats.check() == []


def test_unreachable_hub_is_a_clear_error(team: Team) -> None:
    a, _ = team.devices
    (team.hub / "hub.json").rename(team.hub / "weg.json")
    with pytest.raises(HubError, match="niet bereikbaar"):
        a.sync.sync_now()
    assert a.sync.status().reachable is False


def test_key_files_are_private(team: Team) -> None:
    a, _ = team.devices
    for p in (a.path / "sleutels").iterdir():
        assert p.stat().st_mode & 0o077 == 0
    assert b64(b"x")
