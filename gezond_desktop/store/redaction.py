"""Redacting history after an erasure (see docs/erasure.md).

An erasure is a normal save: it blanks the personal fields of a resident and of
every record linked to them and sets ``resident.erased_at``. The old values
still sit in earlier change entries, in conflict records and in drafts; this
module blanks them there, the same way on every device:

* :func:`redact_resident` on this device, inside the erasing transaction, and
  by the sync engine on every device that applies a received erasure
  (:func:`apply_erasures`);
* :func:`push_to_hub`: this device's own entries that were redacted are
  rewritten on the hub (only their writer can sign them again).

The change log stays append-only: migration 0005's trigger lets an entry's
``fields`` change only when the entry is listed in ``change_redaction`` first
and only personal fields become blank (or, for the alias, the neutral alias).
Everything here works on a plain DB-API (sqlite3) connection inside the
caller's transaction. No Qt, no ORM.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

# Personal and free-text fields per entity, with their blank value. The alias is
# not blanked but replaced by a neutral alias derived from the resident's id.
PERSONAL: dict[str, dict[str, Any]] = {
    "resident": {"full_name": None, "phone": None, "email": None, "notes": ""},
    "encounter": {"notes": ""},
    "referral": {"reason": "", "outcome_note": ""},
    "referral_event": {"note": ""},
}
ALIAS_FIELDS = ("alias", "alias_key")
CHUNK = 500


class Conn(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


def neutral_alias(resident_id: uuid.UUID) -> str:
    """The alias an erased resident gets: the same on every device."""
    return f"Gewist {resident_id.hex[-4:].upper()}"


def neutral_alias_key(resident_id: uuid.UUID) -> str:
    return " ".join(neutral_alias(resident_id).casefold().split())


def _blank(value: Any) -> bool:
    return value is None or value == ""


def redacted_fields(entity: str, record_id: uuid.UUID, fields: Mapping[str, Any]
                    ) -> dict[str, Any]:
    """``fields`` with every personal field blank (same field names)."""
    out = dict(fields)
    for f, blank in PERSONAL.get(entity, {}).items():
        if f in out:
            out[f] = blank
    if entity == "resident":
        if "alias" in out:
            out["alias"] = neutral_alias(record_id)
        if "alias_key" in out:
            out["alias_key"] = neutral_alias_key(record_id)
    return out


def differ_only_by_redaction(entity: str, record_id: uuid.UUID, a: Mapping[str, Any],
                             b: Mapping[str, Any]) -> bool:
    """True when two versions of one change entry differ only in personal fields
    that one of them has blanked (one is a redacted copy of the other)."""
    if a.keys() != b.keys():
        return False
    neutral = ({"alias": neutral_alias(record_id), "alias_key": neutral_alias_key(record_id)}
               if entity == "resident" else {})
    personal = PERSONAL.get(entity, {})
    for f in a:
        if a[f] == b[f]:
            continue
        if f in personal and (_blank(a[f]) or _blank(b[f])):
            continue
        if f in neutral and neutral[f] in (a[f], b[f]):
            continue
        return False
    return True


def _dumps(fields: Mapping[str, Any]) -> str:
    # The same text form as store.changes.dumps (compact, sorted keys).
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def now_text() -> str:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def own_devices(conn: Conn) -> set[bytes]:
    return {bytes(d) for (d,) in conn.execute("SELECT device_id FROM device_clock")}


def linked_records(conn: Conn, resident: bytes) -> list[tuple[str, bytes]]:
    """The resident and every record that holds free text about them."""
    out: list[tuple[str, bytes]] = [("resident", resident)]
    out += [("encounter", bytes(r)) for (r,) in conn.execute(
        "SELECT encounter_id FROM encounter_resident WHERE resident_id = ?", (resident,))]
    referrals = [bytes(r) for (r,) in conn.execute(
        "SELECT id FROM referral WHERE resident_id = ?", (resident,))]
    out += [("referral", r) for r in referrals]
    for ref in referrals:
        out += [("referral_event", bytes(r)) for (r,) in conn.execute(
            "SELECT id FROM referral_event WHERE referral_id = ?", (ref,))]
    return out


def redact_entry(conn: Conn, device: bytes, seq: int, new_text: str, own: bool,
                 now: str) -> None:
    """Register, then rewrite one change entry (the trigger checks the rewrite)."""
    conn.execute(
        "INSERT INTO change_redaction (device_id, seq, redacted_at, hub_pending) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (device_id, seq) DO UPDATE SET "
        "redacted_at = excluded.redacted_at, "
        "hub_pending = MAX(change_redaction.hub_pending, excluded.hub_pending)",
        (device, seq, now, int(own)))
    conn.execute("UPDATE change_log SET fields = ? WHERE device_id = ? AND seq = ?",
                 (new_text, device, seq))


def redact_records(conn: Conn, records: Iterable[tuple[str, bytes]], before_hlc: int,
                   own: set[bytes] | None = None, now: str | None = None,
                   touched: set[tuple[str, bytes]] | None = None) -> int:
    """Blank the personal fields in every change entry of ``records`` older than
    ``before_hlc`` (the erasure), and in their conflict records. Return the number
    of entries rewritten; the records whose entries changed go into ``touched``."""
    own = own_devices(conn) if own is None else own
    now = now or now_text()
    n = 0
    for entity, rid in records:
        record_id = uuid.UUID(bytes=rid)
        rows = conn.execute(
            "SELECT device_id, seq, fields FROM change_log WHERE record_id = ? AND hlc < ?",
            (rid, before_hlc)).fetchall()
        for dev, seq, text in rows:
            fields = json.loads(text)
            new = redacted_fields(entity, record_id, fields)
            if new == fields:
                continue
            redact_entry(conn, bytes(dev), int(seq), _dumps(new), bytes(dev) in own, now)
            n += 1
            if touched is not None:
                touched.add((entity, rid))
        _redact_conflicts(conn, entity, rid, record_id, now)
    return n


def _redact_conflicts(conn: Conn, entity: str, rid: bytes, record_id: uuid.UUID,
                      now: str) -> None:
    personal = {**PERSONAL.get(entity, {})}
    if entity == "resident":
        personal["alias"] = neutral_alias(record_id)
        personal["alias_key"] = neutral_alias_key(record_id)
    if not personal:
        return
    for cid, fld, kind, loser in conn.execute(
            "SELECT id, field, kind, loser_value FROM sync_conflict WHERE record_id = ?",
            (rid,)).fetchall():
        if kind == "field" and fld in personal:
            blank = json.dumps(personal[fld], ensure_ascii=False)
            conn.execute(
                "UPDATE sync_conflict SET winner_value = ?, loser_value = ?, "
                "resolved_at = COALESCE(resolved_at, ?), "
                "resolution = COALESCE(resolution, 'erased') WHERE id = ?",
                (blank, blank, now, cid))
        elif kind == "edit_vs_delete":
            try:
                fields = json.loads(loser)
            except ValueError:
                fields = {}
            if isinstance(fields, dict):
                conn.execute("UPDATE sync_conflict SET loser_value = ? WHERE id = ?",
                             (json.dumps(redacted_fields(entity, record_id, fields),
                                         sort_keys=True), cid))


def erasure_hlc(conn: Conn, resident: bytes) -> int | None:
    """The clock of the (latest) erasure of a resident, from its change entries."""
    row = conn.execute(
        "SELECT MAX(hlc) FROM change_log WHERE record_id = ? AND entity = 'resident' "
        "AND json_extract(fields, '$.erased_at') IS NOT NULL", (resident,)).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def drop_drafts(conn: Conn, resident: bytes) -> int:
    """Unsaved form drafts (device-local) that mention the resident."""
    rid = str(uuid.UUID(bytes=resident))
    cur = conn.execute("DELETE FROM local_setting WHERE key LIKE 'draft:%' AND value LIKE ?",
                       (f"%{rid}%",))
    return int(cur.rowcount or 0)


def redact_resident(conn: Conn, resident: bytes, own: set[bytes] | None = None,
                    now: str | None = None,
                    touched: set[tuple[str, bytes]] | None = None) -> int:
    """Redact the history of an erased resident (everything older than the
    erasure). Return the number of change entries rewritten."""
    before = erasure_hlc(conn, resident)
    if before is None:
        return 0
    n = redact_records(conn, linked_records(conn, resident), before, own, now, touched)
    drop_drafts(conn, resident)
    return n


def apply_erasures(conn: Conn, entries: Iterable[Mapping[str, Any]]
                   ) -> set[tuple[str, bytes]]:
    """After received changes were applied: redact the history of every erased
    resident these changes touch (the erasure itself, or an older edit that
    arrives after it). Return the records whose entries changed: the caller
    folds them again (an older edit's value must not stay in the row). Cheap
    when no resident was ever erased."""
    refold: set[tuple[str, bytes]] = set()
    if conn.execute("SELECT 1 FROM resident WHERE erased_at IS NOT NULL LIMIT 1"
                    ).fetchone() is None:
        return refold
    touched = {e["r"] for e in entries if e["e"] in PERSONAL}
    if not touched:
        return refold
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS gz_touched (id BLOB PRIMARY KEY)")
    conn.execute("DELETE FROM gz_touched")
    ids = [(uuid.UUID(t).bytes,) for t in touched]
    for i in range(0, len(ids), CHUNK):
        part = ids[i:i + CHUNK]
        conn.execute(f"INSERT OR IGNORE INTO gz_touched (id) VALUES "
                     f"{', '.join(['(?)'] * len(part))}", [p[0] for p in part])
    erased = [bytes(r) for (r,) in conn.execute(
        "SELECT r.id FROM resident r WHERE r.erased_at IS NOT NULL AND ("
        "r.id IN (SELECT id FROM gz_touched) "
        "OR EXISTS (SELECT 1 FROM encounter_resident er WHERE er.resident_id = r.id "
        "AND er.encounter_id IN (SELECT id FROM gz_touched)) "
        "OR EXISTS (SELECT 1 FROM referral f WHERE f.resident_id = r.id AND ("
        "f.id IN (SELECT id FROM gz_touched) OR EXISTS (SELECT 1 FROM referral_event v "
        "WHERE v.referral_id = f.id AND v.id IN (SELECT id FROM gz_touched)))))")]
    conn.execute("DELETE FROM gz_touched")
    own = own_devices(conn)
    now = now_text()
    for rid in erased:
        redact_resident(conn, rid, own, now, refold)
    return refold


Rewrite = Callable[[uuid.UUID, dict[int, str]], Any]


def push_to_hub(conn: Conn, rewrite: Rewrite, stored_seq: Callable[[uuid.UUID], int]) -> int:
    """Rewrite this device's redacted entries on the hub (``rewrite(device, {seq:
    fields text})``), then clear their pending mark. Entries the hub does not hold
    yet need nothing: they are sent redacted. Runs in autocommit; return the
    number of entries handled."""
    pending: dict[bytes, list[int]] = {}
    for dev, seq in conn.execute(
            "SELECT device_id, seq FROM change_redaction WHERE hub_pending = 1 "
            "ORDER BY device_id, seq").fetchall():
        pending.setdefault(bytes(dev), []).append(int(seq))
    done = 0
    for dev, seqs in pending.items():
        device = uuid.UUID(bytes=dev)
        top = stored_seq(device)
        on_hub = [s for s in seqs if s <= top]
        if on_hub:
            texts: dict[int, str] = {}
            for i in range(0, len(on_hub), CHUNK):
                part = on_hub[i:i + CHUNK]
                texts.update((int(s), str(f)) for s, f in conn.execute(
                    f"SELECT seq, fields FROM change_log WHERE device_id = ? AND seq IN "
                    f"({', '.join('?' * len(part))})", (dev, *part)))
            rewrite(device, texts)
        for i in range(0, len(seqs), CHUNK):
            part = seqs[i:i + CHUNK]
            conn.execute(f"UPDATE change_redaction SET hub_pending = 0 WHERE device_id = ? "
                         f"AND seq IN ({', '.join('?' * len(part))})", (dev, *part))
        done += len(seqs)
    return done


__all__ = ["ALIAS_FIELDS", "PERSONAL", "apply_erasures", "differ_only_by_redaction",
           "drop_drafts", "erasure_hlc", "linked_records", "neutral_alias", "push_to_hub",
           "redact_records", "redact_resident", "redacted_fields"]
