"""The sync engine: export own changes to a hub, apply received ones, keep conflicts.

The change log is the union log: local and received changes live there, keyed
(device id, seq). Receiving a change is inserting a missing (device, seq); the
same (device, seq) with other content is quarantined, never applied. So the same
change delivered twice, ten times or out of order is applied once.

A record's state is a pure function of the set of its change entries: per
field, the value of the entry with the highest (hlc, device id) that wrote it.
After inserting received entries the engine recomputes ("folds") every touched
record from all its entries, so every device that holds the same entries holds
the same rows, whatever the order they arrived in.

Conflicts: each entry carries ``prev``, the field versions its writer had in
front of them. The versions of one field form a graph; a version that is not the
winner and that no other version lists in its ``prev`` was lost without anybody
seeing it: a conflict, with an id derived from the record, the field and the
losing version, so each device finds the same set. Writing a change that lists
both versions in ``prev`` (what :meth:`.service.SyncService.resolve` does)
resolves it on every device.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Date, DateTime, Time, inspect

from ..enums import REFERRAL_TRANSITIONS, ReferralStatus
from ..ids import hlc_ms, hlc_pack
from ..models import MODEL_BY_ENTITY, UUIDBytes
from ..store import Database, redaction
from ..store.bulk import insert_rows
from . import faults
from .bundle import CHANGE_SCHEMA_VERSION, BundleProblem
from .hub import DeviceInfo, Hub, HubProblem, IncomingBatch, OutgoingBatch

BUNDLE_MAX = 50_000  # changes per bundle
CLOCK_AHEAD_MS = 10 * 60 * 1000  # a device more than this ahead is flagged
CONFLICT_NS = uuid.UUID("6f1d6f3e-4c55-4a8e-9a57-3c1b8f0d2a11")
# Fields that every change writes (bookkeeping); they never make a field conflict.
NO_CONFLICT = frozenset({"updated_at", "created_at", "created_by", "device_id"})
CHUNK = 5000

Key = tuple[int, str]  # (hlc, device id hex): the order of versions


def conflict_id(record_id: uuid.UUID, fld: str, loser_device: str, loser_hlc: int) -> uuid.UUID:
    return uuid.uuid5(CONFLICT_NS, f"{record_id}:{fld}:{loser_device}:{loser_hlc}")


@dataclass
class SyncReport:
    sent: int = 0
    received: int = 0
    held: int = 0
    quarantined: int = 0
    conflicts: int = 0  # open conflicts after the sync
    new_conflicts: int = 0
    problems: list[HubProblem] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.held and not self.quarantined

    def summary(self) -> str:
        return (f"Verstuurd: {self.sent}, ontvangen: {self.received}, vastgehouden: "
                f"{self.held}, in quarantaine: {self.quarantined}, conflicten: "
                f"{self.conflicts}")


Progress = Callable[[str, int, int], None]


# -- wire format of one change -------------------------------------------------------------
def _uuid_str(b: bytes) -> str:
    """``str(uuid.UUID(bytes=b))``, without building the UUID."""
    h = bytes(b).hex()
    if len(h) != 32:
        raise ValueError("bytes is not a 16-char string")
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_worker_str: Callable[[bytes], str] = lru_cache(maxsize=256)(_uuid_str)  # few workers


def wire_entry(seq: int, hlc: int, entity: str, record_id: bytes, op: str, fields: str,
               version: int, worker: bytes | None, prev: str | None) -> dict[str, Any]:
    """One change as it travels: fields and prev stay JSON text (no re-encoding)."""
    return {"s": seq, "h": hlc, "e": entity, "r": _uuid_str(record_id),
            "o": op, "f": fields,
            "v": version if version > CHANGE_SCHEMA_VERSION else CHANGE_SCHEMA_VERSION,
            "w": _worker_str(bytes(worker)) if worker else None, "p": prev or "{}"}


def _canonical(hlc: int, entity: str, record: str, op: str, fields: Any, worker: str | None,
               prev: Any) -> tuple[Any, ...]:
    f = json.loads(fields) if isinstance(fields, str) else fields
    p = json.loads(prev) if isinstance(prev, str) else (prev or {})
    return (hlc, entity, record, op, json.dumps(f, sort_keys=True),
            worker, json.dumps(p, sort_keys=True))


# -- reading the JSON of an entry ------------------------------------------------------------
# The C scanner that json.loads() ends up in.
_SCAN: Callable[[str, int], tuple[Any, int]] = (
    json.JSONDecoder().scan_once)  # type: ignore[attr-defined]


def _loads(text: str) -> Any:
    """``json.loads(text)`` for the fields text of an entry, without its per-call
    overhead (a large import decodes one per change)."""
    try:
        obj, end = _SCAN(text, 0)
    except StopIteration:
        return json.loads(text)  # raises the usual error (or copes with leading space)
    if end != len(text):
        return json.loads(text)  # trailing space, or raises for extra data
    return obj


# -- converting JSON values to stored column values -----------------------------------------
def _uuid_bytes(v: str) -> bytes:
    b = bytes.fromhex(v.replace("-", ""))
    if len(b) != 16:
        raise ValueError(f"not a uuid: {v!r}")
    return b


def _conv_uuid(v: Any) -> Any:
    return None if v is None else _uuid_bytes(str(v))


def _conv_dt(v: Any) -> Any:
    if v is None:
        return None
    if len(v) == 26 and v[10] == "T":  # the usual case: isoformat() with microseconds
        return v[:10] + " " + v[11:]
    if len(v) == 19 and v[10] == "T":
        return v[:10] + " " + v[11:] + ".000000"
    return dt.datetime.fromisoformat(v).isoformat(" ", "microseconds")


def _conv_time(v: Any) -> Any:
    return None if v is None else dt.time.fromisoformat(v).isoformat("microseconds")


def _conv_date(v: Any) -> Any:
    return None if v is None else dt.date.fromisoformat(v).isoformat()


def _conv_bool(v: Any) -> Any:
    return None if v is None else int(bool(v))


def _conv_same(v: Any) -> Any:
    return v


_MISSING = object()


@dataclass
class _Plan:
    table: str
    columns: list[str]  # synced columns except id and hlc
    convert: list[Callable[[Any], Any]]
    defaults: list[Any]
    lists: dict[str, tuple[str, str, str]]  # field -> (table, own col, other col)
    local: dict[str, Any]  # local column -> default on insert
    row: Callable[..., tuple[Any, ...]] = lambda f, r, h, m: ()
    insert_head: str = ""  # "INSERT INTO t (id, ..., hlc, local ...)"
    ncols: int = 0


def _row_function(p: _Plan) -> Callable[..., tuple[Any, ...]]:
    """A straight-line function giving the insert row of an insert entry's fields
    (the per-record loop of a large import is the hot path).

    ``row(f, rid, hlc, memo)``: each column is ``convert(value)`` when the entry
    has the field and its default when not; the usual datetime and uuid texts are
    converted inline, uuids through ``memo`` (text -> bytes; a few workers and
    neighbourhoods repeat over thousands of records)."""
    ns: dict[str, Any] = {"M": _MISSING}
    lines = ["def row(f, rid, hlc, mu):", "    g = f.get"]
    for i, (c, conv, d) in enumerate(zip(p.columns, p.convert, p.defaults, strict=True)):
        ns[f"C{i}"], ns[f"D{i}"] = conv, d
        v = f"v{i}"
        lines.append(f"    {v} = g({c!r}, M)")
        lines.append(f"    if {v} is M: {v} = D{i}")
        # Every converter gives None for None.
        if conv is _conv_dt:
            lines.append(f"    elif {v} is not None:")
            lines.append(f"        if {v}.__class__ is str and len({v}) == 26 and {v}[10] == 'T':")
            lines.append(f"            {v} = {v}[:10] + ' ' + {v}[11:]")
            lines.append(f"        else: {v} = C{i}({v})")
        elif conv is _conv_uuid:
            lines.append(f"    elif {v}.__class__ is str:")
            lines.append(f"        b = mu.get({v})")
            lines.append(f"        if b is None: b = mu[{v}] = C{i}({v})")
            lines.append(f"        {v} = b")
            lines.append(f"    elif {v} is not None: {v} = C{i}({v})")
        elif conv is not _conv_same:
            lines.append(f"    elif {v} is not None: {v} = C{i}({v})")
    for j, value in enumerate(p.local.values()):
        ns[f"L{j}"] = value
    cells = ["rid", *(f"v{i}" for i in range(len(p.columns))), "hlc",
             *(f"L{j}" for j in range(len(p.local)))]
    lines.append(f"    return ({', '.join(cells)},)")
    exec(compile("\n".join(lines) + "\n", f"<sync row {p.table}>", "exec"), ns)
    return ns["row"]


_PLANS: dict[str, _Plan] = {}


def plan(entity: str) -> _Plan:
    p = _PLANS.get(entity)
    if p is not None:
        return p
    model = MODEL_BY_ENTITY[entity]
    mapper = inspect(model)
    table = model.__table__  # type: ignore[attr-defined]
    cols: list[str] = []
    convs: list[Callable[[Any], Any]] = []
    defaults: list[Any] = []
    local: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        col = attr.columns[0]
        if attr.key in ("id", "hlc"):
            continue
        default = col.default.arg if col.default is not None and col.default.is_scalar else None
        if attr.key in model.__local_fields__:
            local[col.name] = default
            continue
        cols.append(col.name)
        t = col.type
        if isinstance(t, UUIDBytes):
            convs.append(_conv_uuid)
        elif isinstance(t, DateTime):
            convs.append(_conv_dt)
        elif isinstance(t, Time):
            convs.append(_conv_time)
        elif isinstance(t, Date):
            convs.append(_conv_date)
        elif t.python_type is bool:
            convs.append(_conv_bool)
        else:
            convs.append(_conv_same)
        defaults.append(default)
    lists: dict[str, tuple[str, str, str]] = {}
    for name, rel in model.__list_fields__.items():
        secondary = mapper.relationships[rel].secondary
        own = other = ""
        for c in secondary.columns:
            fk = next(iter(c.foreign_keys))
            if fk.column.table is table and not own:
                own = c.name
            else:
                other = c.name
        lists[name] = (secondary.name, own, other)
    p = _PLANS[entity] = _Plan(table.name, cols, convs, defaults, lists, local)
    p.row = _row_function(p)
    all_cols = ["id", *p.columns, "hlc", *p.local]
    p.insert_head = f"INSERT INTO {p.table} ({', '.join(all_cols)})"
    p.ncols = len(all_cols)
    return p


# -- the engine ------------------------------------------------------------------------------
@dataclass
class _Entry:
    device: str  # hex
    seq: int
    hlc: int
    op: str
    fields: dict[str, Any]
    worker: bytes | None
    prev: dict[str, list[list[Any]]]

    @property
    def key(self) -> Key:
        return (self.hlc, self.device)


class Applier:
    """Applies received changes inside one transaction on a raw sqlite3 connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        self.new_conflicts = 0
        self.referrals: set[bytes] = set()
        self._ids: dict[str, bytes] = {}  # uuid text -> bytes, converted once per batch

    def _id(self, text: str) -> bytes:
        b = self._ids.get(text)
        if b is None:
            b = self._ids[text] = _uuid_bytes(text)
        return b

    # entries --------------------------------------------------------------------------
    def insert_entries(self, device: uuid.UUID, entries: list[dict[str, Any]]) -> None:
        dev = device.bytes
        ids = self._ids
        conv = _uuid_bytes
        rows = []
        prevs = []
        for e in entries:
            r = e["r"]
            rid = ids.get(r)
            if rid is None:
                rid = ids[r] = conv(r)
            w = e.get("w")
            if w:
                wid = ids.get(w)
                if wid is None:
                    wid = ids[w] = conv(w)
            else:
                wid = None
            rows.append((dev, e["s"], e["h"], e["e"], rid, e["o"], e["f"], e["v"], wid))
            p = e.get("p")
            if p and p != "{}":
                prevs.append((dev, e["s"], p))
        insert_rows(self.conn.executemany,
                    "INSERT INTO change_log (device_id, seq, hlc, entity, record_id, op, "
                    "fields, schema_version, worker_id)", 9, rows)
        faults.point("apply-log")
        if prevs:
            insert_rows(self.conn.executemany,
                        "INSERT INTO change_prev (device_id, seq, prev)", 3, prevs)

    def apply(self, entries: list[dict[str, Any]]) -> None:
        """Fold every record the entries touch (entries already in change_log)."""
        by_entity: dict[str, dict[bytes, list[dict[str, Any]]]] = {}
        rid_of = self._id
        for e in entries:
            recs = by_entity.get(e["e"])
            if recs is None:
                recs = by_entity[e["e"]] = {}
            rid = rid_of(e["r"])
            same = recs.get(rid)
            if same is None:
                recs[rid] = [e]
            else:
                same.append(e)
        order = list(MODEL_BY_ENTITY)
        for entity in sorted(by_entity, key=order.index):
            recs = by_entity[entity]
            p = plan(entity)
            ids = list(recs)
            counts: dict[bytes, int] = {}
            for i in range(0, len(ids), CHUNK):
                part = ids[i:i + CHUNK]
                marks = ",".join("?" * len(part))
                for rid, n in self.conn.execute(
                    f"SELECT record_id, COUNT(*) FROM change_log WHERE record_id IN ({marks}) "
                    "GROUP BY record_id", part):
                    counts[bytes(rid)] = n
            fast: list[tuple[bytes, dict[str, Any]]] = []
            slow: list[bytes] = []
            for rid, es in recs.items():
                if (counts.get(rid) == 1 and len(es) == 1 and es[0]["o"] == "insert"
                        and entity != "attendance"):
                    fast.append((rid, es[0]))
                else:
                    slow.append(rid)
            if fast:
                self._insert_fast(entity, p, fast)
            for rid in slow:
                self.fold(entity, p, rid)
            faults.point("apply-rows")
        if self.referrals:
            for rid in sorted(self.referrals):
                self.recompute_status(rid)

    def _insert_fast(self, entity: str, p: _Plan, recs: list[tuple[bytes, dict[str, Any]]]) -> None:
        """Brand-new records with their one insert entry: their rows straight from
        the entries' fields (what :meth:`fold` gives for a single entry)."""
        rows = []
        row = p.row
        loads = _loads
        memo: dict[str, bytes] = {}
        links: dict[str, list[tuple[bytes, bytes]]] = {}
        referrals = entity in ("referral", "referral_event")
        for rid, e in recs:
            f = loads(e["f"])
            rows.append(row(f, rid, e["h"], memo))
            if p.lists:
                for name in p.lists:
                    for other in f.get(name) or []:
                        links.setdefault(name, []).append((rid, _uuid_bytes(other)))
            if referrals:
                self.referrals.add(rid if entity == "referral" else _conv_uuid(f["referral_id"]))
        insert_rows(self.conn.executemany, p.insert_head, p.ncols, rows)
        for name, pairs in links.items():
            t, own, other = p.lists[name]
            insert_rows(self.conn.executemany, f"INSERT OR IGNORE INTO {t} ({own}, {other})",
                        2, pairs)

    def _entries(self, rid: bytes) -> list[_Entry]:
        out = []
        for dev, seq, hlc, op, fields, worker, prev in self.conn.execute(
            "SELECT c.device_id, c.seq, c.hlc, c.op, c.fields, c.worker_id, p.prev "
            "FROM change_log c LEFT JOIN change_prev p "
            "ON p.device_id = c.device_id AND p.seq = c.seq WHERE c.record_id = ?", (rid,)):
            out.append(_Entry(bytes(dev).hex(), seq, hlc, op, json.loads(fields),
                              bytes(worker) if worker else None,
                              json.loads(prev) if prev else {}))
        return out

    def fold(self, entity: str, p: _Plan, rid: bytes) -> None:
        entries = self._entries(rid)
        if not entries:
            return
        best: dict[str, _Entry] = {}
        versions: dict[str, list[_Entry]] = {}
        parents: dict[str, set[Key]] = {}
        for e in entries:
            for f in e.fields:
                versions.setdefault(f, []).append(e)
                if f not in best or e.key > best[f].key:
                    best[f] = e
            for f, keys in e.prev.items():
                ps = parents.setdefault(f, set())
                for k in keys:
                    ps.add((int(k[0]), str(k[1])))
        record_id = uuid.UUID(bytes=rid)
        desired: dict[bytes, tuple[Any, ...]] = {}
        for f, vs in versions.items():
            if f in NO_CONFLICT or len(vs) < 2:
                continue
            win = best[f]
            for v in vs:
                if v is win or v.key in parents.get(f, set()):
                    continue
                if v.fields[f] == win.fields[f]:
                    continue  # both wrote the same value: nothing was lost
                desired[conflict_id(record_id, f, v.device, v.hlc).bytes] = (
                    f, "field", win, v)
        deleted = best.get("deleted_at")
        if deleted is not None and deleted.fields.get("deleted_at") is not None:
            leaves = [v for v in versions.get("updated_at", [])
                      if v.key not in parents.get("updated_at", set())]
            if any(v is deleted for v in leaves):
                for v in leaves:
                    if v is not deleted and v.op == "update":
                        desired[conflict_id(record_id, "deleted_at", v.device, v.hlc).bytes] = (
                            "deleted_at", "edit_vs_delete", deleted, v)
        self._sync_conflicts(entity, rid, ("field", "edit_vs_delete"), {
            cid: (f, kind, _val(win, f), win.device, win.worker, win.hlc,
                  _val(los, f) if kind == "field" else json.dumps(los.fields, sort_keys=True),
                  los.device, los.worker, los.hlc)
            for cid, (f, kind, win, los) in desired.items()})
        if not any(e.op == "insert" for e in entries):
            return  # the record itself has not arrived yet; its entries wait in the log
        hlc = max(e.hlc for e in entries)
        vals = []
        for c, conv, d in zip(p.columns, p.convert, p.defaults, strict=True):
            vals.append(conv(best[c].fields[c]) if c in best else d)
        if entity == "attendance":
            vals = self._attendance_duplicates(p, rid, vals, record_id)
        exists = self.conn.execute(f"SELECT hlc FROM {p.table} WHERE id = ?", (rid,)).fetchone()
        if exists is None:
            cols = ["id", *p.columns, "hlc", *p.local]
            self.conn.execute(
                f"INSERT INTO {p.table} ({', '.join(cols)}) "
                f"VALUES ({', '.join('?' * len(cols))})", (rid, *vals, hlc, *p.local.values()))
        else:
            self.conn.execute("INSERT OR IGNORE INTO sync_apply_note (record_id) VALUES (?)",
                              (rid,))
            sets = ", ".join(f"{c} = ?" for c in p.columns)
            self.conn.execute(f"UPDATE {p.table} SET {sets}, hlc = ? WHERE id = ?",
                              (*vals, hlc, rid))
        for name, (t, own, other) in p.lists.items():
            if name not in best:
                continue
            self.conn.execute(f"DELETE FROM {t} WHERE {own} = ?", (rid,))
            self.conn.executemany(f"INSERT OR IGNORE INTO {t} ({own}, {other}) VALUES (?, ?)",
                                  [(rid, uuid.UUID(o).bytes) for o in best[name].fields[name]])
        if entity == "referral":
            self.referrals.add(rid)
        elif entity == "referral_event" and "referral_id" in best:
            self.referrals.add(_conv_uuid(best["referral_id"].fields["referral_id"]))

    def _attendance_duplicates(self, p: _Plan, rid: bytes, vals: list[Any],
                               record_id: uuid.UUID) -> list[Any]:
        """Two devices added the same resident to the same session: keep both
        records, the one with the larger id marked deleted (a conflict 'duplicate')."""
        i_del = p.columns.index("deleted_at")
        if vals[i_del] is not None:
            return vals
        session_id = vals[p.columns.index("session_id")]
        resident_id = vals[p.columns.index("resident_id")]
        other = self.conn.execute(
            "SELECT id, created_at FROM attendance WHERE session_id = ? AND resident_id = ? "
            "AND deleted_at IS NULL AND id != ?", (session_id, resident_id, rid)).fetchone()
        if other is None:
            return vals
        other_id = bytes(other[0])
        if other_id < rid:  # this one goes
            vals = list(vals)
            vals[i_del] = vals[p.columns.index("created_at")]
            loser, keep = rid, other_id
        else:
            self.conn.execute("INSERT OR IGNORE INTO sync_apply_note (record_id) VALUES (?)",
                              (other_id,))
            self.conn.execute("UPDATE attendance SET deleted_at = created_at WHERE id = ?",
                              (other_id,))
            loser, keep = other_id, rid
        cid = conflict_id(uuid.UUID(bytes=loser), "duplicate", "", 0).bytes
        self.conn.execute(
            "INSERT OR IGNORE INTO sync_conflict (id, record_id, entity, field, kind, "
            "winner_value, winner_device, winner_worker, winner_hlc, loser_value, "
            "loser_device, loser_worker, loser_hlc, detected_at) "
            "VALUES (?, ?, 'attendance', 'id', 'duplicate', ?, NULL, NULL, 0, ?, ?, NULL, 0, ?)",
            (cid, loser, json.dumps(str(uuid.UUID(bytes=keep))),
             json.dumps(str(uuid.UUID(bytes=loser))), loser, self.now))
        return vals

    def _sync_conflicts(self, entity: str, rid: bytes, kinds: tuple[str, ...],
                        desired: dict[bytes, tuple[Any, ...]]) -> None:
        marks = ",".join("?" * len(kinds))
        existing = {
            bytes(cid): (resolved, whlc, wdev)
            for cid, resolved, whlc, wdev in self.conn.execute(
                f"SELECT id, resolved_at, winner_hlc, winner_device FROM sync_conflict "
                f"WHERE record_id = ? AND kind IN ({marks})", (rid, *kinds))}
        for cid, (resolved, _whlc, _wdev) in existing.items():
            if cid not in desired and resolved is None:
                self.conn.execute(
                    "UPDATE sync_conflict SET resolved_at = ?, resolution = 'resolved' "
                    "WHERE id = ?", (self.now, cid))
        for cid, (f, wval, wdev, wworker, whlc, lval, ldev, lworker, lhlc) in (
                (c, (d[0], *d[2:])) for c, d in desired.items()):
            kind = desired[cid][1]
            wdev_b = bytes.fromhex(wdev) if wdev else None
            if cid in existing:
                if existing[cid][1] != whlc:
                    self.conn.execute(
                        "UPDATE sync_conflict SET winner_value = ?, winner_device = ?, "
                        "winner_worker = ?, winner_hlc = ? WHERE id = ?",
                        (wval, wdev_b, wworker, whlc, cid))
                continue
            self.new_conflicts += 1
            self.conn.execute(
                "INSERT INTO sync_conflict (id, record_id, entity, field, kind, winner_value, "
                "winner_device, winner_worker, winner_hlc, loser_value, loser_device, "
                "loser_worker, loser_hlc, detected_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (cid, rid, entity, f, kind, wval, wdev_b, wworker, whlc, lval,
                 bytes.fromhex(ldev), lworker, lhlc, self.now))

    def recompute_status(self, referral: bytes) -> None:
        """The status is the event log walked in order; an illegal step is skipped
        and kept as a conflict 'status_sequence'."""
        row = self.conn.execute("SELECT status FROM referral WHERE id = ?", (referral,)).fetchone()
        if row is None:
            return
        status: ReferralStatus | None = None
        desired: dict[bytes, tuple[Any, ...]] = {}
        events = self.conn.execute(
            "SELECT id, status, hlc, device_id, worker_id FROM referral_event "
            "WHERE referral_id = ? AND deleted_at IS NULL "
            "ORDER BY occurred_on, hlc, device_id", (referral,)).fetchall()
        for eid, st, hlc, dev, worker in events:
            try:
                new = ReferralStatus(st)
            except ValueError:
                continue
            ok = (new is ReferralStatus.REGISTERED) if status is None else (
                new in REFERRAL_TRANSITIONS[status])
            if ok:
                status = new
                continue
            dev_hex = bytes(dev).hex() if dev else ""
            cid = conflict_id(uuid.UUID(bytes=bytes(eid)), "status", dev_hex, hlc).bytes
            desired[cid] = ("status", json.dumps(status.value if status else None), "", None,
                            0, json.dumps(st), dev_hex, bytes(worker) if worker else None, hlc)
        self._sync_status_conflicts(referral, desired)
        final = (status or ReferralStatus.REGISTERED).value
        if row[0] != final:
            self.conn.execute("INSERT OR IGNORE INTO sync_apply_note (record_id) VALUES (?)",
                              (referral,))
            self.conn.execute("UPDATE referral SET status = ? WHERE id = ?", (final, referral))

    def _sync_status_conflicts(self, referral: bytes, desired: dict[bytes, tuple[Any, ...]]
                               ) -> None:
        existing = {bytes(c): r for c, r in self.conn.execute(
            "SELECT id, resolved_at FROM sync_conflict WHERE record_id = ? "
            "AND kind = 'status_sequence'", (referral,))}
        for cid, resolved in existing.items():
            if cid not in desired and resolved is None:
                self.conn.execute("UPDATE sync_conflict SET resolved_at = ?, "
                                  "resolution = 'resolved' WHERE id = ?", (self.now, cid))
        for cid, (f, wval, _wdev, _ww, whlc, lval, ldev, lworker, lhlc) in desired.items():
            if cid in existing:
                continue
            self.new_conflicts += 1
            self.conn.execute(
                "INSERT INTO sync_conflict (id, record_id, entity, field, kind, winner_value, "
                "winner_device, winner_worker, winner_hlc, loser_value, loser_device, "
                "loser_worker, loser_hlc, detected_at) "
                "VALUES (?, ?, 'referral', ?, 'status_sequence', ?, NULL, NULL, ?, ?, ?, ?, ?, ?)",
                (cid, referral, f, wval, whlc, lval, bytes.fromhex(ldev) if ldev else b"",
                 lworker, lhlc, self.now))


def _val(e: _Entry, f: str) -> str:
    return json.dumps(e.fields.get(f), ensure_ascii=False, sort_keys=True)


class SyncEngine:
    """One sync run over a database and a hub."""

    def __init__(self, db: Database, hub: Hub, device_name: str = "",
                 public_key: str = "") -> None:
        self.db = db
        self.hub = hub
        self.device_name = device_name
        self.public_key = public_key

    # -- helpers -------------------------------------------------------------------------
    def _raw(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db.path, isolation_level=None, timeout=15)
        conn.execute("PRAGMA foreign_keys=OFF")  # parents may arrive after their children
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA busy_timeout=15000")
        conn.execute("PRAGMA cache_size=-65536")
        conn.execute("PRAGMA temp_store=MEMORY")  # as the app's connections (statement journals)
        conn.execute("PRAGMA secure_delete=ON")  # redacted values are zeroed, not left behind
        return conn

    def own_devices(self, conn: sqlite3.Connection) -> list[tuple[uuid.UUID, int, int]]:
        return [(uuid.UUID(bytes=bytes(d)), last, acked) for d, last, acked in conn.execute(
            "SELECT device_id, last_seq, acked_seq FROM device_clock")]

    # -- the run ---------------------------------------------------------------------------
    def run(self, progress: Progress | None = None) -> SyncReport:
        report = SyncReport()
        self.hub.check()
        conn = self._raw()
        try:
            if self.public_key:
                self.hub.register_device(DeviceInfo(self.db.device_id, self.device_name,
                                                    self.public_key))
            report.sent = self.export(conn, progress)
            self.import_(conn, report, progress)
            self.push_redactions(conn)
            if self.redacted:  # old values out of the write-ahead log too
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            report.conflicts = int(conn.execute(
                "SELECT COUNT(*) FROM sync_conflict WHERE resolved_at IS NULL").fetchone()[0])
            conn.execute("INSERT OR REPLACE INTO local_setting (key, value) VALUES (?, ?)",
                         ("sync.last_sync", dt.datetime.now(dt.UTC).isoformat()))
        finally:
            conn.close()
        return report

    def export(self, conn: sqlite3.Connection, progress: Progress | None = None) -> int:
        sent = 0
        for dev, _last, acked in self.own_devices(conn):
            local_max = conn.execute("SELECT MAX(seq) FROM change_log WHERE device_id = ?",
                                     (dev.bytes,)).fetchone()[0] or 0
            if local_max <= acked and dev != self.db.device_id:
                continue
            stored = self.hub.stored_seq(dev)
            if stored > acked:
                self._ack(conn, dev, min(stored, local_max))
            start = stored + 1
            while start <= local_max:
                end = min(local_max, start + BUNDLE_MAX - 1)
                entries = [wire_entry(*r) for r in conn.execute(
                    "SELECT c.seq, c.hlc, c.entity, c.record_id, c.op, c.fields, "
                    "c.schema_version, c.worker_id, p.prev FROM change_log c "
                    "LEFT JOIN change_prev p ON p.device_id = c.device_id AND p.seq = c.seq "
                    "WHERE c.device_id = ? AND c.seq BETWEEN ? AND ? ORDER BY c.seq",
                    (dev.bytes, start, end))]
                if not entries:
                    break
                hlcs = [e["h"] for e in entries]
                ack = self.hub.push(OutgoingBatch(dev, start, end, min(hlcs), max(hlcs),
                                                  CHANGE_SCHEMA_VERSION, entries))
                self._ack(conn, dev, ack.seq_to)  # only after the hub stored it durably
                sent += end - start + 1
                if progress:
                    progress("send", sent, local_max - stored)
                start = end + 1
        return sent

    @staticmethod
    def _ack(conn: sqlite3.Connection, dev: uuid.UUID, seq: int) -> None:
        conn.execute("UPDATE device_clock SET acked_seq = MAX(acked_seq, ?) WHERE device_id = ?",
                     (seq, dev.bytes))

    def import_(self, conn: sqlite3.Connection, report: SyncReport,
                progress: Progress | None = None) -> None:
        known: dict[str, HubProblem] = {}
        for source, dev, state, reason, fp in conn.execute(
                "SELECT source, device_id, state, reason, fingerprint FROM sync_bundle"):
            known[source] = HubProblem(source, uuid.UUID(bytes=bytes(dev)) if dev else None,
                                       state, reason, fp)
        pinned = {uuid.UUID(bytes=bytes(d)): k for d, k in conn.execute(
            "SELECT device_id, public_key FROM sync_peer WHERE public_key != ''")}

        def watermark(dev: uuid.UUID) -> int:
            return int(conn.execute("SELECT MAX(seq) FROM change_log WHERE device_id = ?",
                                    (dev.bytes,)).fetchone()[0] or 0)

        problems: dict[str, HubProblem] = {}
        blocked: set[uuid.UUID] = set()
        for item in self.hub.pull(watermark, pinned.get, frozenset({self.db.device_id}),
                                  known):
            if isinstance(item, HubProblem):
                problems[item.source] = item
                continue
            if item.device_id in blocked:
                continue
            try:
                n = self.apply_batch(conn, item)
            except BundleProblem as p:
                problems[item.source] = HubProblem(item.source, item.device_id, p.state,
                                                   p.reason)
                blocked.add(item.device_id)
                continue
            report.received += n
            if progress:
                progress("receive", report.received, 0)
        self._record_problems(conn, known, problems)
        report.problems = list(problems.values())
        report.held = sum(1 for p in problems.values() if p.state == "held")
        report.quarantined = sum(1 for p in problems.values() if p.state == "quarantined")

    @staticmethod
    def _record_problems(conn: sqlite3.Connection, known: dict[str, HubProblem],
                         problems: dict[str, HubProblem]) -> None:
        same = known.keys() == problems.keys() and all(
            (known[k].state, known[k].reason) == (problems[k].state, problems[k].reason)
            for k in known)
        if same:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM sync_bundle")
            conn.executemany(
                "INSERT INTO sync_bundle (source, device_id, state, reason, fingerprint, "
                "seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                [(p.source, p.device_id.bytes if p.device_id else None, p.state, p.reason,
                  p.fingerprint, now) for p in problems.values()])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def apply_batch(self, conn: sqlite3.Connection, batch: IncomingBatch) -> int:
        """Apply one bundle in one transaction; return the number of new changes."""
        if batch.schema_version > CHANGE_SCHEMA_VERSION:
            raise BundleProblem("Werk de app bij om deze gegevens te verwerken.", "held")
        entries = []
        for e in batch.entries:
            v = int(e.get("v", 1))
            if v > CHANGE_SCHEMA_VERSION or e.get("e") not in MODEL_BY_ENTITY:
                raise BundleProblem("Werk de app bij om deze gegevens te verwerken.", "held")
            if v < 2:  # upgrade: version 1 entries had no field versions
                e = {**e, "p": "{}", "v": CHANGE_SCHEMA_VERSION}
            entries.append(e)
        seqs = [e["s"] for e in entries]
        if seqs != list(range(batch.seq_from, batch.seq_to + 1)):
            raise BundleProblem("De inhoud van het bestand is onvolledig (nummers ontbreken).")
        conn.execute("BEGIN IMMEDIATE")
        try:
            wm = int(conn.execute("SELECT MAX(seq) FROM change_log WHERE device_id = ?",
                                  (batch.device_id.bytes,)).fetchone()[0] or 0)
            if batch.seq_from > wm + 1:
                raise BundleProblem(
                    "Wacht op eerdere gegevens van dit apparaat die nog niet in de hub staan.",
                    "held")
            old = [e for e in entries if e["s"] <= wm]
            new = [e for e in entries if e["s"] > wm]
            self._compare_overlap(conn, batch.device_id, old)
            applier = Applier(conn)
            if new:
                applier.insert_entries(batch.device_id, new)
                applier.apply(new)
                # A received erasure (or an older edit arriving after one): redact
                # this device's copies of the history too (docs/erasure.md).
                redacted = redaction.apply_erasures(conn, new)
                for entity, rid in sorted(redacted):
                    applier.fold(entity, plan(entity), rid)
                self.redacted = self.redacted or bool(redacted)
                conn.execute("UPDATE device_clock SET last_seq = MAX(last_seq, ?) "
                             "WHERE device_id = ?", (batch.seq_to, batch.device_id.bytes))
                self._observe_clock(conn, max(e["h"] for e in new))
            self._update_peer(conn, batch)
            conn.execute("DELETE FROM sync_apply_note")
            faults.point("before-commit")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return len(new)

    def _compare_overlap(self, conn: sqlite3.Connection, dev: uuid.UUID,
                         entries: list[dict[str, Any]]) -> None:
        for e in entries:
            row = conn.execute(
                "SELECT c.hlc, c.entity, c.record_id, c.op, c.fields, c.worker_id, p.prev "
                "FROM change_log c LEFT JOIN change_prev p ON p.device_id = c.device_id "
                "AND p.seq = c.seq WHERE c.device_id = ? AND c.seq = ?",
                (dev.bytes, e["s"])).fetchone()
            hlc, entity, rid, op, fields, worker, prev = row
            mine = _canonical(hlc, entity, str(uuid.UUID(bytes=bytes(rid))), op, fields,
                              str(uuid.UUID(bytes=bytes(worker))) if worker else None,
                              prev or "{}")
            theirs = _canonical(e["h"], e["e"], e["r"], e["o"], e["f"], e.get("w"),
                                e.get("p") or "{}")
            if mine != theirs and not self._redacted_copy(conn, dev, e, mine, theirs):
                raise BundleProblem(
                    f"Wijziging {e['s']} van dit apparaat bestaat hier al met een andere "
                    "inhoud. Het bestand is niet gebruikt; vraag uw beheerder om het te "
                    "controleren.")

    @staticmethod
    def _redacted_copy(conn: sqlite3.Connection, dev: uuid.UUID, e: dict[str, Any],
                       mine: tuple[Any, ...], theirs: tuple[Any, ...]) -> bool:
        """The same change, one copy with personal fields blanked after an erasure
        (a redacted bundle, or this device redacted first): not a conflict. When the
        incoming copy is the redacted one, this device redacts its copy too."""
        if mine[:4] != theirs[:4] or mine[5:] != theirs[5:]:
            return False
        a, b = json.loads(mine[4]), json.loads(theirs[4])
        if not redaction.differ_only_by_redaction(e["e"], uuid.UUID(e["r"]), a, b):
            return False
        if redaction.redacted_fields(e["e"], uuid.UUID(e["r"]), a) == b:
            own = dev.bytes in redaction.own_devices(conn)
            redaction.redact_entry(conn, dev.bytes, int(e["s"]), e["f"] if isinstance(
                e["f"], str) else json.dumps(e["f"]), own, redaction.now_text())
        return True

    def _observe_clock(self, conn: sqlite3.Connection, remote_hlc: int) -> None:
        cap = hlc_pack(int(time.time() * 1000) + CLOCK_AHEAD_MS, 0)
        conn.execute("UPDATE device_clock SET last_hlc = MAX(last_hlc, ?) WHERE device_id = ?",
                     (min(remote_hlc, cap), self.db.device_id.bytes))

    def _update_peer(self, conn: sqlite3.Connection, batch: IncomingBatch) -> None:
        hlc_max = max((e["h"] for e in batch.entries), default=0)
        # How far the sender's clock was ahead of ours when we first saw its bundle.
        ahead = max(batch.sent_at_ms, hlc_ms(hlc_max)) - batch.hub_seen_at_ms
        offset = max(0, ahead)
        flagged = offset > CLOCK_AHEAD_MS
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        devs = self.hub_devices_cache()
        name = devs.get(batch.device_id, "")
        conn.execute(
            "INSERT INTO sync_peer (device_id, name, public_key, last_seen, clock_offset_ms, "
            "flagged, last_bundle_seq, last_bundle_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, "
            "public_key = CASE WHEN sync_peer.public_key = '' THEN excluded.public_key "
            "ELSE sync_peer.public_key END, last_seen = excluded.last_seen, "
            "clock_offset_ms = excluded.clock_offset_ms, flagged = excluded.flagged, "
            "last_bundle_seq = excluded.last_bundle_seq, "
            "last_bundle_hash = excluded.last_bundle_hash",
            (batch.device_id.bytes, name, batch.public_key, now, offset, int(flagged),
             batch.seq_to, batch.bundle_hash))

    def push_redactions(self, conn: sqlite3.Connection) -> None:
        """Rewrite this device's redacted changes on the hub (docs/erasure.md)."""
        redaction.push_to_hub(conn, self.hub.redact, self.hub.stored_seq)

    _devices: dict[uuid.UUID, str] | None = None
    redacted = False  # this run redacted history after a received erasure

    def hub_devices_cache(self) -> dict[uuid.UUID, str]:
        if self._devices is None:
            try:
                self._devices = {d: i.name for d, i in self.hub.devices().items()}
            except Exception:
                self._devices = {}
        return self._devices


def live_dump(conn: sqlite3.Connection, entities: Iterable[str] | None = None
              ) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced row (and list field), in a canonical order: for comparing copies."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for entity in entities or MODEL_BY_ENTITY:
        p = plan(entity)
        cols = ["id", *p.columns, *p.local]
        out[entity] = [tuple(r) for r in conn.execute(
            f"SELECT {', '.join(cols)} FROM {p.table} ORDER BY id")]
        for name, (t, own, other) in p.lists.items():
            out[f"{entity}.{name}"] = [tuple(r) for r in conn.execute(
                f"SELECT {own}, {other} FROM {t} ORDER BY 1, 2")]
    return out


__all__ = ["Applier", "SyncEngine", "SyncReport", "live_dump", "wire_entry"]

