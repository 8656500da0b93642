"""Right to erasure: one action blanks a resident's personal details and the notes
about them, in the records and in the history (change log, conflicts, drafts),
on this device, on other devices through sync and on both kinds of hub; the
records stay, so every report figure stays the same."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from sync_world import make_team, sync_all

from gezond_desktop.errors import PermissionDenied, ValidationError
from gezond_desktop.reports.model import ReportSpec
from gezond_desktop.reports.queries import build_report
from gezond_desktop.security.audit import AuditAction
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.drafts import load_draft, save_draft
from gezond_desktop.services.encounters import EncounterInput
from gezond_desktop.services.referrals import ReferralInput
from gezond_desktop.services.residents import ResidentInput
from gezond_desktop.store import redaction
from gezond_desktop.sync import bundle
from gezond_desktop.sync.folder_hub import CANONICAL

NAME = "Zoraida Kwakernaat"
PHONE = "0612398745"
EMAIL = "zoraida@example.nl"
ALIAS = "Tante Zora"
R_NOTE = "Woont bij haar zus, mantelzorger"
E_NOTE = "Sprak over schulden bij Zoraida"
REF_REASON = "Eenzaam sinds overlijden partner"
EV_NOTE = "Belde terug op dinsdag"
OUT_NOTE = "Gaat naar de wandelgroep"
SECRETS = (NAME, PHONE, EMAIL, ALIAS, R_NOTE, E_NOTE, REF_REASON, EV_NOTE, OUT_NOTE)
TODAY = dt.date.today()


def person(svc: Services, alias: str = ALIAS, **kw: Any) -> uuid.UUID:
    consents = (("registration", TODAY), ("contact", TODAY))
    return svc.residents.create(ResidentInput(
        alias=alias, full_name=kw.pop("full_name", NAME), phone=kw.pop("phone", PHONE),
        email=kw.pop("email", EMAIL), notes=kw.pop("notes", R_NOTE), birth_year=1950,
        consents=consents, **kw), allow_duplicate=True).id


def history(svc: Services, rid: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    """A contact with a note, a referral with a reason, a step with a note and a
    closing outcome note; the name also edited once (an update entry)."""
    enc = svc.encounters.log(EncounterInput(
        occurred_at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=2),
        kind="street", resident_ids=(rid,), notes=E_NOTE)).id
    ref = svc.referrals.register(ReferralInput(
        resident_id=rid, pathway="welzijn_op_recept", source="gp",
        registered_on=TODAY - dt.timedelta(days=20), reason=REF_REASON)).id
    svc.referrals.step(ref, "contact_made", TODAY - dt.timedelta(days=10), note=EV_NOTE)
    svc.referrals.step(ref, "stopped", TODAY - dt.timedelta(days=5), note=EV_NOTE,
                       outcome="other", outcome_note=OUT_NOTE)
    return enc, ref


TOKEN = re.compile(rb"gz1:[A-Za-z0-9_=-]+(?::[A-Za-z0-9_=-]+)?")


def revealed(blob: bytes, *dbs: Any) -> bytes:
    """``blob`` plus the plaintext of every encrypted value ("gz1:" token) in it,
    opened with the keyrings of ``dbs``: erased values must be gone, not only
    encrypted."""
    out = [blob]
    for tok in set(TOKEN.findall(blob)):
        for db in dbs:
            text = db.keyring.decrypt(tok.decode())
            if text and not text.startswith("gz1:"):
                out.append(text.encode())
    return b"\n".join(out)


def raw_bytes(data_dir: Path) -> bytes:
    """The database file and its WAL, as they lie on disk."""
    out = b""
    for p in sorted(data_dir.glob("gezond.sqlite*")):
        out += p.read_bytes()
    return out


def leaks(blob: bytes) -> list[str]:
    return [s for s in SECRETS if s.encode() in blob]


def dump_text(path: Path) -> str:
    """Every table of the database as text (decrypted views are the app's job;
    this finds plaintext in any column)."""
    conn = sqlite3.connect(path)
    try:
        parts = []
        for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            parts += [repr(r) for r in conn.execute(f'SELECT * FROM "{t}"')]
        return "\n".join(parts)
    finally:
        conn.close()


def test_erase_blanks_records_and_history_on_this_device(services: Services,
                                                           tmp_path: Path) -> None:
    rid = person(services)
    enc, ref = history(services, rid)
    services.residents.update(rid, ResidentInput(
        alias=ALIAS, full_name=NAME + " Jr", phone=PHONE, email=EMAIL, notes=R_NOTE,
        birth_year=1950))
    save_draft(services.db, "encounter_form:x", {"resident_ids": [str(rid)], "notes": E_NOTE})
    # A conflict kept the losing note of another device (as the sync engine does).
    conn = sqlite3.connect(services.db.path, isolation_level=None)
    conn.execute(
        "INSERT INTO sync_conflict (id, record_id, entity, field, kind, winner_value, "
        "winner_hlc, loser_value, loser_device, loser_hlc, detected_at) VALUES "
        "(?, ?, 'resident', 'notes', 'field', ?, 1, ?, ?, 1, '2026-01-01 00:00:00')",
        (uuid.uuid4().bytes, rid.bytes, json.dumps(R_NOTE), json.dumps(R_NOTE + " (oud)"),
         uuid.uuid4().bytes))
    conn.close()
    services.erasure.checkpoint()
    before = leaks(revealed(raw_bytes(services.db.data_dir), services.db))
    assert set(before) == set(SECRETS)  # the test can fail: the values are there

    result = services.erasure.erase_resident(rid, "Verzoek van de inwoner")

    assert result.alias == redaction.neutral_alias(rid)
    assert result.entries_redacted >= 5
    view = services.residents.get(rid)
    assert (view.alias, view.birth_year) == (result.alias, 1950)
    personal = services.residents.get_personal(rid)
    assert (personal.full_name, personal.phone, personal.email, personal.notes) == (
        None, None, None, "")
    assert services.encounters.get(enc).notes == ""
    detail = services.referrals.get(ref)
    assert detail.referral.reason == ""
    assert all(e.note == "" for e in detail.events)
    assert load_draft(services.db, "encounter_form:x") is None
    conn = sqlite3.connect(services.db.path)
    assert conn.execute("SELECT winner_value, loser_value, resolution FROM sync_conflict"
                        ).fetchall() == [('""', '""', "erased")]
    conn.close()
    assert leaks(revealed(dump_text(services.db.path).encode(), services.db)) == []
    assert leaks(revealed(raw_bytes(services.db.data_dir), services.db)) == []
    assert services.stats.check() == []
    audit = [e for e in services.as_worker(None).audit.entries() if e.action == AuditAction.ERASURE]
    assert [(e.target_id, e.detail["reason"]) for e in audit] == [
        (rid, "Verzoek van de inwoner")]
    assert not leaks(json.dumps([e.detail for e in audit]).encode())


def test_only_coordinators_may_erase_and_a_reason_is_needed(services: Services) -> None:
    rid = person(services)
    builder = services.workers.create("Bram", "community_builder")
    with pytest.raises(PermissionDenied):
        services.as_worker(builder.id).erasure.erase_resident(rid, "verzoek")
    with pytest.raises(ValidationError):
        services.erasure.erase_resident(rid, "  ")
    assert services.residents.get_personal(rid).full_name == NAME


def test_change_log_stays_append_only_apart_from_a_registered_redaction(
        services: Services) -> None:
    rid = person(services)
    conn = sqlite3.connect(services.db.path, isolation_level=None)
    try:
        dev, seq, text = conn.execute(
            "SELECT device_id, seq, fields FROM change_log WHERE record_id = ?",
            (rid.bytes,)).fetchone()
        fields = json.loads(text)
        blank = json.dumps(redaction.redacted_fields("resident", rid, fields), sort_keys=True)
        # Without registering the redaction: refused.
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE change_log SET fields = ? WHERE device_id = ? AND seq = ?",
                         (blank, dev, seq))
        conn.execute("BEGIN")
        conn.execute("INSERT INTO change_redaction VALUES (?, ?, '2026-01-01', 0)", (dev, seq))
        # Registered, but a non-personal field changes, or a name gets a new value,
        # or a field disappears, or the clock changes: still refused.
        for bad in ({**fields, "birth_year": 1960}, {**fields, "full_name": "Iemand anders"},
                    {k: v for k, v in fields.items() if k != "notes"}):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute("UPDATE change_log SET fields = ? WHERE device_id = ? AND seq = ?",
                             (json.dumps(bad), dev, seq))
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE change_log SET hlc = hlc + 1 WHERE device_id = ? AND seq = ?",
                         (dev, seq))
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM change_log WHERE device_id = ? AND seq = ?", (dev, seq))
        # Blanking the personal fields is the one thing allowed.
        conn.execute("UPDATE change_log SET fields = ? WHERE device_id = ? AND seq = ?",
                     (blank, dev, seq))
        conn.execute("ROLLBACK")
    finally:
        conn.close()


# -- reports ---------------------------------------------------------------------------------
def test_every_report_figure_is_the_same_after_erasures(tmp_path: Path) -> None:
    demo = pytest.importorskip("gezond_desktop.demo")
    svc = open_services(tmp_path / "data", device_name="Test")
    try:
        demo.generate(svc, seed=5, scale=0.03, today=TODAY)
        d0, d1 = TODAY - dt.timedelta(days=730), TODAY

        def figures() -> list[Any]:
            out = []
            for kind in ("attendance", "reach", "referrals", "impact", "overview"):
                res = build_report(svc.db, ReportSpec(kind, d0, d1, suppress=False),
                                   today=TODAY)
                out.append([(t.key, t.rows) for t in res.tables])
            return out

        before = figures()
        assert sum(len(rows) for report in before for _key, rows in report) > 20
        conn = sqlite3.connect(svc.db.path)
        try:
            # Residents with referrals, with contacts and with attendance alike.
            ids = [uuid.UUID(bytes=bytes(r)) for (r,) in conn.execute(
                "SELECT id FROM resident WHERE id IN (SELECT resident_id FROM referral) "
                "OR id IN (SELECT resident_id FROM encounter_resident) "
                "OR id IN (SELECT resident_id FROM attendance) ORDER BY id LIMIT 25")]
        finally:
            conn.close()
        assert len(ids) >= 10
        for rid in ids:
            svc.erasure.erase_resident(rid, "test")
        assert figures() == before
        assert svc.stats.check() == []
    finally:
        svc.db.close()


# -- sync: folder hub ---------------------------------------------------------------------
def bundle_texts(hub: Path, team_key: bytes) -> tuple[str, bytes]:
    """Every bundle in the share: decrypted with the team key, and as raw bytes."""
    plain, raw = [], b""
    for dev_dir in sorted((hub / "devices").iterdir()):
        info = json.loads((dev_dir / "device.json").read_text())
        for f in sorted(dev_dir.iterdir()):
            if CANONICAL.match(f.name):
                data = f.read_bytes()
                raw += data
                _, entries = bundle.decode(data, team_key, bundle.unb64(info["public_key"]))
                plain.append(json.dumps(entries, ensure_ascii=False))
    return "\n".join(plain), raw


def test_erasure_reaches_a_second_device_and_every_bundle_in_the_share(
        tmp_path: Path) -> None:
    team = make_team(tmp_path, 2)
    a, b = team.devices
    try:
        rid = person(a.svc)
        history(a.svc, rid)
        sync_all(team)
        # Device B also wrote about the resident (its own bundle holds a note).
        b.svc.encounters.log(EncounterInput(
            occurred_at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1),
            kind="street", resident_ids=(rid,), notes=E_NOTE + " (B)"))
        sync_all(team)
        key = a.sync.keys.team_key(a.sync.config()["hub_id"])
        plain, _ = bundle_texts(team.hub, key)
        shown = revealed(plain.encode(), a.svc.db, b.svc.db)
        assert NAME.encode() in shown and (E_NOTE + " (B)").encode() in shown  # can fail
        assert b.svc.residents.get_personal(rid).full_name == NAME

        a.svc.erasure.erase_resident(rid, "Verzoek van de inwoner")
        sync_all(team)

        for dev in (a, b):
            assert dev.svc.residents.get(rid).alias == redaction.neutral_alias(rid)
            assert leaks(revealed(dump_text(dev.svc.db.path).encode(), a.svc.db, b.svc.db)
                         ) == [], dev.name
            assert dev.svc.stats.check() == [], dev.name
        plain, raw = bundle_texts(team.hub, key)
        assert leaks(revealed(plain.encode(), a.svc.db, b.svc.db)) == []
        assert leaks(revealed(raw, a.svc.db)) == []
        assert a.dump() == b.dump()
        # Later syncs find nothing to quarantine: redacted bundles are accepted.
        for dev in (a, b):
            report = dev.sync.sync_now()
            assert report.complete, report.problems
        # B applied the erasure (and checkpointed): its files hold none of the values.
        assert leaks(revealed(raw_bytes(b.path), b.svc.db)) == []
        # A third device joining later gets only redacted history.
        c = team.add_device("d2")
        assert c.svc.residents.get(rid).alias == redaction.neutral_alias(rid)
        assert leaks(revealed(dump_text(c.svc.db.path).encode(), c.svc.db)) == []
        assert c.sync.sync_now().complete
    finally:
        team.close()


def test_an_old_edit_arriving_after_the_erasure_is_redacted_on_arrival(
        tmp_path: Path) -> None:
    team = make_team(tmp_path, 2)
    a, b = team.devices
    try:
        rid = person(a.svc)
        sync_all(team)
        # B edits offline (before the erasure), A erases; B syncs later.
        b.svc.encounters.log(EncounterInput(
            occurred_at=dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=1),
            kind="street", resident_ids=(rid,), notes=E_NOTE))
        a.svc.erasure.erase_resident(rid, "verzoek")
        a.sync.sync_now()
        sync_all(team)
        for dev in (a, b):
            assert E_NOTE.encode() not in revealed(dump_text(dev.svc.db.path).encode(),
                                                   a.svc.db, b.svc.db), dev.name
        key = a.sync.keys.team_key(a.sync.config()["hub_id"])
        plain, _ = bundle_texts(team.hub, key)
        assert E_NOTE.encode() not in revealed(plain.encode(), a.svc.db, b.svc.db)
    finally:
        team.close()


def test_a_redacted_resend_overlapping_old_copies_is_accepted_not_quarantined(
        tmp_path: Path) -> None:
    """The share lost A's bundles after B imported them; A sends everything again,
    now redacted, in one bundle. B holds the old copies of the first part: they
    differ only by the blanked fields, so B takes the bundle (and its erasure)."""
    team = make_team(tmp_path, 2)
    a, b = team.devices
    try:
        rid = person(a.svc)
        history(a.svc, rid)
        sync_all(team)
        a.svc.erasure.erase_resident(rid, "verzoek")
        for f in (team.hub / "devices" / str(a.svc.db.device_id)).glob("*.gzb"):
            f.unlink()
        report = a.sync.sync_now()
        assert report.complete
        files = list((team.hub / "devices" / str(a.svc.db.device_id)).glob("*.gzb"))
        assert len(files) == 1  # one bundle from seq 1, overlapping what B holds
        report = b.sync.sync_now()
        assert report.complete and report.received > 0, report.problems
        assert b.svc.residents.get(rid).alias == redaction.neutral_alias(rid)
        assert leaks(revealed(dump_text(b.svc.db.path).encode(), a.svc.db, b.svc.db)) == []
        assert a.dump() == b.dump()
    finally:
        team.close()
