"""Writes the change log entry for every saved record, in the same transaction.

A ``before_flush`` hook on every ORM session finds the synced records that are
new or changed, gives each a fresh hybrid-logical-clock time and the next
sequence number of this device, and inserts their change entries before the
records themselves are flushed. Triggers in the database (see
:func:`changelog_trigger_sql`) refuse any row that arrives without one, so
there is no way around this, not even with raw SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, insert, inspect, select, update
from sqlalchemy.orm import Session

from ..ids import hlc_pack, wall_ms
from ..models import CHANGE_SCHEMA_VERSION, ChangeLog, DeviceClock, Synced, utcnow
from ..models.sealed import keyring_of, personal_fields
from ..security.crypto import DataLocked, is_token


@dataclass
class WriteContext:
    """Who writes, from which device; collected while the transaction runs."""

    device_id: uuid.UUID
    worker_id: uuid.UUID | None
    changed_entities: set[str] = field(default_factory=set)
    changed_ids: set[uuid.UUID] = field(default_factory=set)
    change_count: int = 0


def to_json_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return [to_json_value(v) for v in value]
    raise TypeError(f"cannot put {type(value).__name__} in a change entry")


# json.dumps() with these options builds a new encoder on every call; one shared
# encoder (stateless, so thread-safe) gives byte-identical text, faster.
_DUMPS_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def dumps(fields: dict[str, Any]) -> str:
    return _DUMPS_ENCODER.encode(fields)


_SKIP = frozenset({"id", "hlc"})


def column_keys(model: type[Synced]) -> list[str]:
    keys = [c.key for c in inspect(model).column_attrs]
    return [k for k in keys if k not in _SKIP and k not in model.__local_fields__]


def _list_value(obj: Synced, rel: str) -> list[str]:
    return sorted(str(o.id) for o in getattr(obj, rel))


def fill_defaults(obj: Synced) -> None:
    """Apply scalar column defaults now, so the change entry holds the real values."""
    for attr in inspect(type(obj)).column_attrs:
        col = attr.columns[0]
        if getattr(obj, attr.key) is None and col.default is not None and col.default.is_scalar:
            setattr(obj, attr.key, col.default.arg)


def insert_fields(obj: Synced) -> dict[str, Any]:
    fill_defaults(obj)
    fields = {k: to_json_value(getattr(obj, k)) for k in column_keys(type(obj))}
    for name, rel in type(obj).__list_fields__.items():
        fields[name] = _list_value(obj, rel)
    return fields


def changed_fields(obj: Synced) -> dict[str, Any]:
    state = inspect(obj)
    fields: dict[str, Any] = {}
    for k in column_keys(type(obj)):
        if state.attrs[k].history.has_changes():
            fields[k] = to_json_value(getattr(obj, k))
    for name, rel in type(obj).__list_fields__.items():
        if state.attrs[rel].history.has_changes():
            fields[name] = _list_value(obj, rel)
    return fields


def seal_fields(session: Session, model: type[Synced], fields: dict[str, Any]) -> None:
    """Encrypt the personal fields of a change entry in place (the change log, and so
    every bundle and hub, carries the same tokens as the record table). Raises
    :class:`DataLocked` for a non-empty personal value while the key is locked."""
    keys = personal_fields(model)
    if not keys:
        return
    ring = keyring_of(session.get_bind().dialect)
    for k in keys:
        v = fields.get(k)
        if v:
            if ring is None:
                continue
            if not ring.unlocked and not is_token(v):
                raise DataLocked()
            fields[k] = ring.encrypt(v)


def _local_fields_changed(obj: Synced) -> bool:
    state = inspect(obj)
    return any(state.attrs[k].history.has_changes() for k in type(obj).__local_fields__)


def allocate(session: Session, device_id: uuid.UUID, count: int,
             min_hlc: int = 0) -> tuple[int, int]:
    """Reserve ``count`` sequence numbers and clock ticks; return the first of each.

    ``min_hlc``: the first tick is at least this (a save must sort after every
    version of the records it changes, even one from a device whose clock runs
    ahead: see :func:`field_prev`).

    Runs inside the write transaction (BEGIN IMMEDIATE holds the write lock), so
    two threads or processes can never get the same numbers and a rolled-back
    save gives its numbers back: the sequence stays free of gaps.
    """
    conn = session.connection()
    row = conn.execute(
        select(DeviceClock.last_seq, DeviceClock.last_hlc).where(
            DeviceClock.device_id == device_id
        )
    ).first()
    if row is None:
        raise RuntimeError(f"device {device_id} has no clock row")
    last_seq, last_hlc = row
    first_hlc = max(last_hlc + 1, hlc_pack(wall_ms(), 0), min_hlc)
    conn.execute(
        update(DeviceClock)
        .where(DeviceClock.device_id == device_id)
        .values(last_seq=last_seq + count, last_hlc=first_hlc + count - 1)
    )
    return last_seq + 1, first_hlc


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise RuntimeError(
                "records are never deleted: set deleted_at through the service layer"
            )
    pending: list[tuple[Synced, str, dict[str, Any]]] = []
    for obj in session.new:
        if isinstance(obj, Synced):
            if obj.id is None:
                raise RuntimeError(f"{type(obj).__name__} needs an id before it is saved")
            pending.append((obj, "insert", {}))
    for obj in session.dirty:
        if isinstance(obj, Synced) and session.is_modified(obj):
            fields = changed_fields(obj)
            if fields or _local_fields_changed(obj):
                # A change of a local (derived) field alone still moves the record's
                # clock, so it gets an entry too (carrying only updated_at).
                op = "delete" if "deleted_at" in fields and obj.deleted_at is not None else "update"
                pending.append((obj, op, fields))
    if not pending:
        return
    ctx: WriteContext | None = session.info.get("write")
    if ctx is None:
        raise RuntimeError("synced records can only be saved inside Database.write()")
    now = utcnow()
    # The field versions each update overwrites (``prev``); the new clock must sort
    # after the record's current one.
    prevs: list[dict[str, list[list[Any]]]] = []
    min_hlc = 0
    extra = session.info.get("sync_prev_extra") or {}
    for obj, op, fields in pending:
        if op == "insert":
            prevs.append({})
            continue
        min_hlc = max(min_hlc, (obj.hlc or 0) + 1)
        prevs.append(field_prev(session, obj.id, [*fields, "updated_at"], extra))
    seq, hlc = allocate(session, ctx.device_id, len(pending), min_hlc)
    rows = []
    prev_rows = []
    for i, (obj, op, fields) in enumerate(pending):
        obj.hlc = hlc + i
        if op == "insert":
            if obj.created_by is None:
                obj.created_by = ctx.worker_id
            if obj.device_id is None:
                obj.device_id = ctx.device_id
            obj.created_at = obj.created_at or now
            obj.updated_at = now
            fields = insert_fields(obj)
        else:
            obj.updated_at = now
            fields["updated_at"] = to_json_value(now)
        seal_fields(session, type(obj), fields)
        rows.append(
            {
                "device_id": ctx.device_id,
                "seq": seq + i,
                "hlc": hlc + i,
                "entity": type(obj).__entity__,
                "record_id": obj.id,
                "op": op,
                "fields": dumps(fields),
                "schema_version": CHANGE_SCHEMA_VERSION,
                "worker_id": ctx.worker_id,
            }
        )
        if prevs[i]:
            prev_rows.append((ctx.device_id.bytes, seq + i, dumps(prevs[i])))
        ctx.changed_entities.add(type(obj).__entity__)
        ctx.changed_ids.add(obj.id)
    session.connection().execute(insert(ChangeLog), rows)
    if prev_rows:
        session.connection().exec_driver_sql(
            "INSERT INTO change_prev (device_id, seq, prev) VALUES (?, ?, ?)", prev_rows)
    ctx.change_count += len(rows)


def field_prev(session: Session, record_id: uuid.UUID, fields: list[str],
               extra: dict[tuple[uuid.UUID, str], list[list[Any]]] | None = None,
               ) -> dict[str, list[list[Any]]]:
    """For each field, the version of its current value: the change entry with the
    highest (hlc, device id) that wrote it, as ``[[hlc, device hex]]``.

    That is exactly the value every copy holds (last writer wins per field), so
    it is what the person saving has seen and overwrites. ``extra`` adds versions
    the save has also seen (a resolved conflict: the losing value too).
    """
    best: dict[str, tuple[int, bytes]] = {}
    wanted = set(fields)
    for dev, hlc, text in session.connection().exec_driver_sql(
        "SELECT device_id, hlc, fields FROM change_log WHERE record_id = ?",
        (record_id.bytes,),
    ):
        key = (hlc, bytes(dev))
        for f in json.loads(text):
            if f in wanted and (f not in best or key > best[f]):
                best[f] = key
    out: dict[str, list[list[Any]]] = {}
    for f in fields:
        versions = [[best[f][0], best[f][1].hex()]] if f in best else []
        for more in (extra or {}).get((record_id, f), []):
            if more not in versions:
                versions.append(more)
        if versions:
            out[f] = sorted(versions)
    return out


def install(session_class: type[Session]) -> None:
    if not event.contains(session_class, "before_flush", _before_flush):
        event.listen(session_class, "before_flush", _before_flush)


def changelog_trigger_sql(table: str) -> list[str]:
    """Triggers that make a synced row without its change entry impossible.

    For a large batch, :class:`.bulk.BulkWriter` swaps the insert trigger, inside
    its write transaction, for one query with the same condition over the batch
    (:func:`.bulk.suspend_insert_guard`); it does so only while the stored trigger
    is exactly the first statement here, so a changed condition must change both.
    """
    missing = (
        "NOT EXISTS (SELECT 1 FROM change_log c WHERE c.record_id = NEW.id AND c.hlc = NEW.hlc)"
    )
    return [
        f"CREATE TRIGGER trg_{table}_insert_needs_change BEFORE INSERT ON {table} "
        f"WHEN {missing} BEGIN SELECT RAISE(ABORT, "
        f"'{table}: a record must be saved together with its change log entry'); END",
        f"CREATE TRIGGER trg_{table}_update_needs_change BEFORE UPDATE ON {table} "
        f"WHEN NEW.hlc <= OLD.hlc OR {missing} BEGIN SELECT RAISE(ABORT, "
        f"'{table}: a change must be saved together with its change log entry'); END",
        f"CREATE TRIGGER trg_{table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, "
        f"'{table}: records are never deleted, they are marked as deleted'); END",
    ]


def update_guard_sql(table: str) -> str:
    """The update guard since migration 0004: as in :func:`changelog_trigger_sql`,
    except that while the sync engine applies received changes (records listed in
    ``sync_apply_note``, filled and emptied in that transaction, after the
    explaining change entries are inserted) a row may keep its clock."""
    missing = (
        "NOT EXISTS (SELECT 1 FROM change_log c WHERE c.record_id = NEW.id AND c.hlc = NEW.hlc)"
    )
    return (
        f"CREATE TRIGGER trg_{table}_update_needs_change BEFORE UPDATE ON {table} "
        f"WHEN NEW.hlc < OLD.hlc OR {missing} OR (NEW.hlc = OLD.hlc AND NOT EXISTS "
        f"(SELECT 1 FROM sync_apply_note n WHERE n.record_id = NEW.id)) "
        f"BEGIN SELECT RAISE(ABORT, "
        f"'{table}: a change must be saved together with its change log entry'); END"
    )


def changelog_trigger_drop_sql(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS trg_{table}_{name}"
        for name in ("insert_needs_change", "update_needs_change", "no_delete")
    ]


APPEND_ONLY_LOG_SQL = [
    "CREATE TRIGGER trg_change_log_no_update BEFORE UPDATE ON change_log "
    "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END",
    "CREATE TRIGGER trg_change_log_no_delete BEFORE DELETE ON change_log "
    "BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END",
]
