"""Fast inserts of many records, each with its change log entry.

:class:`BulkWriter` skips the ORM unit of work (far too slow for a demo year or
a benchmark database of a million contacts) but follows exactly the rules of
:mod:`.changes`:

* sequence numbers and clock ticks are reserved on ``device_clock`` inside the
  write transaction (``BEGIN IMMEDIATE``) of each batch, so the log stays gap
  free and two writers never get the same numbers;
* the ``change_log`` rows of a batch are inserted before the records (the
  database triggers refuse a record whose (id, hlc) has no entry); for a large
  batch the per-row trigger of a table is replaced, inside the batch's
  transaction, by one query with the same condition over all the batch's rows
  (see :func:`suspend_insert_guard`), so a committed database always has the
  trigger and every record its entry;
* the ``fields`` JSON is what :func:`.changes.insert_fields` would produce:
  every column except ``id``, ``hlc`` and local fields, plus each list field as
  a sorted list of id strings, written with :func:`.changes.dumps`;
* list fields also get their association-table rows;
* personal fields are encrypted (the same token in the row and in the change
  entry; the keyring caches the token per text, so repeated texts cost nothing).

Values are stored the way SQLAlchemy stores them in SQLite (UUIDs as 16 bytes,
``YYYY-MM-DD HH:MM:SS.ffffff`` datetimes, ``YYYY-MM-DD`` dates,
``HH:MM:SS.ffffff`` times), so the ORM reads bulk-written rows like its own.

Usage::

    with BulkWriter(db, worker_id) as bw:
        bw.add(Encounter, {"id": uuid7(), "occurred_at": ..., ...},
               lists={"topic_ids": [topic_id]})
        bw.add_rows(Venue, ("id", "name", "kind"), [(id_1, "De Poort", "school"), ...])

:meth:`BulkWriter.add_rows` is the cheapest way in for many records of one model
with the same columns (an import): one generated loop per batch converts them,
with the columns left out (time of writing, worker, device, defaults) constants
of the batch, already in the change entry's JSON text.

Records are buffered and written per batch (one transaction each), models in
parent-before-child order (:data:`gezond_desktop.models.SYNCED_MODELS`). Use
:meth:`BulkWriter.together` around records that must land in the same batch
(a referral and its status events). A ``progress(done, total)`` callback that
returns ``False`` cancels: committed batches stay, the rest is dropped and
:class:`BulkCancelled` is raised.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table, Time, inspect
from sqlalchemy.exc import OperationalError

from ..ids import hlc_pack, uuid7, wall_ms
from ..models import CHANGE_SCHEMA_VERSION, SYNCED_MODELS, Synced, UUIDBytes, utcnow
from ..models.sealed import personal_fields
from .changes import changelog_trigger_sql, column_keys, to_json_value
from .database import Database, _storage_error

Progress = Callable[[int, int], bool]

DEFAULT_BATCH_SIZE = 20_000
BULK_CACHE_KIB = 64 * 1024  # page cache while bulk writing; restored afterwards

# Rows per INSERT statement in :func:`insert_rows`, and the bound parameters one
# statement may hold (SQLite's smallest compiled-in limit, so any build accepts it).
ROWS_PER_STATEMENT = 128
MAX_VARIABLES = 999


def insert_rows(executemany: Callable[[str, Any], Any], head: str, ncols: int,
                rows: Sequence[Sequence[Any]], one: str | None = None) -> None:
    """Insert ``rows`` with ``head`` (``"INSERT INTO t (a, b)"``), many rows per
    statement (``VALUES (?, ?), (?, ?), ...``).

    Same rows, same order, same triggers and constraints as one statement per row,
    but much cheaper: SQLite opens a statement journal for every statement that a
    trigger may abort (all synced tables have one) and copies each page the
    statement changes into it, so one statement per row copies the table's and
    every index's last page for every single row.

    ``one`` is the VALUES group of one row when it is not ``ncols`` plain
    placeholders: literals (see :func:`sql_literal`) for the values that every row
    shares, a ``?`` for each of the ``ncols`` values a row gives.
    """
    n = len(rows)
    if not n:
        return
    if one is None:
        one = "(" + ", ".join("?" * ncols) + ")"
    per = max(1, min(ROWS_PER_STATEMENT, MAX_VARIABLES // max(1, ncols)))
    full = n - n % per if n >= per else 0
    if full:
        flat = list(chain.from_iterable(rows[:full] if full < n else rows))
        step = per * ncols
        executemany(f"{head} VALUES {', '.join([one] * per)}",
                    [flat[i:i + step] for i in range(0, len(flat), step)])
    if full < n:
        rest = rows[full:]
        executemany(f"{head} VALUES {', '.join([one] * len(rest))}",
                    [list(chain.from_iterable(rest))])


# Binding parameters. Python's sqlite3 module binds int, float, str and bytearray
# straight away, but for any other value (bytes, None, ...) it first looks for an
# adapter, which ends in a failed attribute lookup that raises and clears an
# AttributeError with a formatted message: more work than SQLite's own insert of
# the value. So the bulk writer binds the 16 bytes of a UUID as a bytearray (stored
# as the same BLOB) and writes the values that all rows of a batch share (the
# device, the worker, the time of writing, NULLs, the entity) as literals in the
# statement, where SQLite stores them exactly as it stores a bound value.
_INT64 = 1 << 63


def sql_literal(v: Any) -> str | None:
    """``v`` as an SQL literal that SQLite stores exactly as the bound value, or
    None when it has none here (floats, huge ints, text SQLite cannot take)."""
    if v is None:
        return "NULL"
    if v.__class__ is bool:
        return "1" if v else "0"
    if v.__class__ is int:
        return str(v) if -_INT64 < v < _INT64 else None
    if v.__class__ is str:
        if "\x00" in v:
            return None
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            return None
        return "'" + v.replace("'", "''") + "'"
    if v.__class__ in (bytes, bytearray):
        return "X'" + v.hex() + "'"
    return None


class BulkCancelled(Exception):
    """The progress callback asked to stop. Batches written so far are committed."""

    def __init__(self, done: int) -> None:
        super().__init__(f"cancelled after {done} records")
        self.done = done


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_REQUIRED = _Marker("REQUIRED")
_NOW = _Marker("NOW")
_WORKER = _Marker("WORKER")
_DEVICE = _Marker("DEVICE")
_ENCRYPT = _Marker("ENCRYPT")  # F[_ENCRYPT]: the keyring's encrypt (personal fields)


def _sql_datetime(v: dt.datetime) -> str:
    return v.isoformat(" ", "microseconds")


def _sql_time(v: dt.time) -> str:
    return v.isoformat("microseconds")


def _sql_uuid(v: Any) -> bytes:
    if isinstance(v, uuid.UUID):
        return v.bytes
    if isinstance(v, bytes):
        return v
    return uuid.UUID(str(v)).bytes


def _sql_date(v: dt.date) -> str:
    return v.isoformat()


_encode_str = json.encoder.encode_basestring  # what dumps() uses with ensure_ascii=False
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _json_generic(v: Any) -> str:
    return _ENCODER.encode(to_json_value(v))


class _JsonMap(dict[type, Callable[[Any], str]]):
    """type -> function giving the JSON text of a value, exactly as dumps() of
    to_json_value() writes it; unknown types take the generic (slow) way."""

    def __missing__(self, key: type) -> Callable[[Any], str]:
        return _json_generic


def _json_map(ustr: Callable[[uuid.UUID], str]) -> _JsonMap:
    m = _JsonMap()
    m[type(None)] = lambda v: "null"
    m[str] = _encode_str
    m[int] = int.__repr__
    m[bool] = lambda v: "true" if v else "false"
    m[float] = _json_generic
    m[uuid.UUID] = lambda v: '"' + ustr(v) + '"'
    m[dt.datetime] = lambda v: '"' + v.isoformat() + '"'
    m[dt.date] = lambda v: '"' + v.isoformat() + '"'
    m[dt.time] = lambda v: '"' + v.isoformat() + '"'
    return m


@dataclass
class _ListField:
    name: str
    insert_sql: str  # one row (what capture sees)
    insert_head: str  # for insert_rows()


@dataclass
class _Column:
    key: str  # attribute key
    default: Any  # a value, or one of the markers
    kind: str  # how it is stored: "uuid", "datetime", "date", "time" or "plain"
    logged: bool  # in the change entry
    sealed: bool  # a personal field (encrypted)


@dataclass
class _Plan:
    model: type[Synced]
    entity: str
    table: str
    insert_sql: str  # one row (what capture sees)
    insert_head: str  # for insert_rows()
    ncols: int
    keys: list[str]  # attribute keys in column order
    defaults: list[Any]
    id_idx: int
    lists: list[_ListField]
    key_set: frozenset[str]
    list_names: frozenset[str]
    columns: list[_Column]
    # The change entry's fields in key order (as dumps() sorts them): key -> source
    # ("j<column index>" or "L<list field index>").
    json_items: list[tuple[str, str]]
    # convert(values, hlc, J, U, SDT, FILL, *list_json) -> (sql row, change fields JSON)
    convert: Callable[..., tuple[tuple[Any, ...], str]]
    row_specs: dict[tuple[str, ...], _RowSpec] = field(default_factory=dict)


def _convert_lines(i: int, col: _Column) -> list[str]:
    """Code that turns ``v<i>`` into its stored form ``s<i>`` and, for a logged
    column, its JSON text ``j<i>`` (memoising repeated UUIDs and datetimes)."""
    v, sv, jv = f"v{i}", f"s{i}", f"j{i}"
    if col.kind == "uuid":  # bound as a bytearray: see sql_literal()
        if not col.logged:
            return [f"    {sv} = BA({v}) if {v}.__class__ is bytes else None if {v} is None "
                    f"else BA({v}.bytes) if {v}.__class__ is UUID else U({v})"]
        return [
            f"    if {v} is None: {sv} = None; {jv} = 'null'",
            f"    elif {v}.__class__ is UUID:",
            f"        t = MU.get({v}.int)",
            "        if t is None:",
            f"            t = MU[{v}.int] = (BA({v}.bytes), '\"' + str({v}) + '\"')",
            f"        {sv}, {jv} = t",
            f"    else: {sv} = U({v}); {jv} = J[{v}.__class__]({v})",
        ]
    if col.kind == "datetime":
        return [
            f"    if {v} is None: {sv} = None; {jv} = 'null'",
            f"    elif {v}.__class__ is DT:",
            f"        t = MD.get({v})",
            "        if t is None:",
            f"            t = MD[{v}] = (SDT0({v}), '\"' + {v}.isoformat() + '\"')",
            f"        {sv}, {jv} = t",
            f"    else: {sv} = SDT({v}); {jv} = J[{v}.__class__]({v})",
        ]
    conv = {"time": "STM", "date": "SDA"}.get(col.kind)
    lines = [f"    {sv} = {v}" if conv is None else
             f"    {sv} = None if {v} is None else {conv}({v})"]
    if col.logged:
        lines.append(f"    {jv} = J[{v}.__class__]({v})")
    return lines


def _stored(kind: str, v: Any) -> Any:
    """A value as :func:`_convert_lines` stores it (for constants)."""
    if v is None:
        return None
    if kind == "uuid":
        return _sql_uuid(v)
    if kind == "datetime":
        return _sql_datetime(v)
    if kind == "date":
        return _sql_date(v)
    if kind == "time":
        return _sql_time(v)
    return v


_NAMESPACE: dict[str, Any] = {"STM": _sql_time, "SDA": _sql_date, "SDT0": _sql_datetime,
                              "UUID": uuid.UUID, "DT": dt.datetime, "BA": bytearray,
                              "ENC": None}


def _plan(model: type[Synced]) -> _Plan:
    """Work out once per model how a row is stored and logged, and generate a
    straight-line converter for it (the per-record loop is the hot path).

    ``convert(values, hlc, J, U, SDT, FILL, F, MU, MD, *list_json)`` gives the
    SQL row and the change entry's JSON text. ``F`` maps the fill markers to this
    batch's values; ``MU`` (uuid int) and ``MD`` (datetime) memoise the stored and
    the JSON form of values that repeat (workers, neighbourhoods, timestamps);
    anything unusual takes the general way (``U``, ``SDT``, the JSON map ``J``).
    """
    mapper = inspect(model)
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    keys: list[str] = []
    names: list[str] = []
    defaults: list[Any] = []
    columns: list[_Column] = []
    body: list[str] = []
    in_json = set(column_keys(model))
    sealed = personal_fields(model)
    for i, attr in enumerate(mapper.column_attrs):
        col = attr.columns[0]
        key = attr.key
        keys.append(key)
        names.append(col.name)
        if key in ("created_at", "updated_at"):
            defaults.append(_NOW)
        elif key == "created_by":
            defaults.append(_WORKER)
        elif key == "device_id":
            defaults.append(_DEVICE)
        elif key == "hlc":
            defaults.append(0)
        elif col.default is not None and col.default.is_scalar:
            defaults.append(col.default.arg)
        elif col.nullable and not col.primary_key:
            defaults.append(None)
        else:
            defaults.append(_REQUIRED)
        kind = ("uuid" if isinstance(col.type, UUIDBytes) else
                "datetime" if isinstance(col.type, DateTime) else
                "time" if isinstance(col.type, Time) else
                "date" if isinstance(col.type, Date) else "plain")
        column = _Column(key, defaults[-1], kind, key in in_json, key in sealed)
        columns.append(column)
        v = f"v{i}"
        body.append(f"    {v} = g({key!r}, D{i})")
        if defaults[-1] is _REQUIRED and key != "id":
            body.append(f"    if {v} is D{i}: FILL({v}, {i})")  # raises
        elif isinstance(defaults[-1], _Marker) and key != "id":
            body.append(f"    if {v} is D{i}: {v} = F[D{i}]")
        if key == "hlc":
            body.append(f"    {v} = hlc")
        if column.sealed:  # stored and logged as the same token (see models/sealed.py)
            body.append(f"    if {v}: {v} = F[ENC]({v})")
        body += _convert_lines(i, column)
    lists: list[_ListField] = []
    for name, rel in model.__list_fields__.items():
        secondary = mapper.relationships[rel].secondary
        assert isinstance(secondary, Table)
        own = other = ""
        for c in secondary.columns:
            fk = next(iter(c.foreign_keys))
            if fk.column.table is table and not own:
                own = c.name
            else:
                other = c.name
        head = f"INSERT INTO {secondary.name} ({own}, {other})"
        lists.append(_ListField(name, f"{head} VALUES (?, ?)", head))
    # The change entry: fields in key order, as dumps() sorts them.
    sources = {k: f"j{keys.index(k)}" for k in in_json}
    sources.update({lf.name: f"L{n}" for n, lf in enumerate(lists)})
    items = sorted(sources.items())
    template = "{" + ",".join(_encode_str(k) + ":%s" for k, _ in items) + "}"
    list_args = "".join(f", L{n}" for n in range(len(lists)))
    src = "\n".join([
        f"def convert(values, hlc, J, U, SDT, FILL, F, MU, MD{list_args}):",
        "    g = values.get",
        *body,
        f"    return ({', '.join(f's{i}' for i in range(len(keys)))},), {template!r} % ("
        + ", ".join(expr for _, expr in items) + ",)",
    ])
    namespace: dict[str, Any] = {**_NAMESPACE, "ENC": _ENCRYPT}
    namespace.update({f"D{i}": d for i, d in enumerate(defaults)})
    exec(compile(src, f"<bulk convert {model.__name__}>", "exec"), namespace)
    cols = ", ".join(names)
    marks = ", ".join("?" for _ in names)
    return _Plan(
        model=model,
        entity=model.__entity__,
        table=table.name,
        insert_sql=f"INSERT INTO {table.name} ({cols}) VALUES ({marks})",
        insert_head=f"INSERT INTO {table.name} ({cols})",
        ncols=len(names),
        keys=keys,
        defaults=defaults,
        id_idx=keys.index("id"),
        lists=lists,
        key_set=frozenset(keys),
        list_names=frozenset(lf.name for lf in lists),
        columns=columns,
        json_items=items,
        convert=namespace["convert"],
    )


class _RowSpec:
    """How rows of one model with a fixed set of columns (:meth:`BulkWriter.add_rows`)
    are stored and logged: a generated loop over the rows, with every column that
    is left out (defaults, the time of writing, worker, device) a constant of the
    batch: already in the change entry's JSON text and, as a literal, in the
    statement (see :func:`sql_literal`)."""

    def __init__(self, plan: _Plan, keys: tuple[str, ...]) -> None:
        model = plan.model.__name__
        unknown = sorted(set(keys) - plan.key_set)
        if unknown:
            raise KeyError(f"{model} has no column {', '.join(unknown)}")
        if len(set(keys)) != len(keys) or "hlc" in keys or "id" not in keys:
            raise KeyError(f"{model} rows need the column id once, each other column at "
                           "most once, and no hlc (the writer sets it)")
        for col in plan.columns:
            if col.default is _REQUIRED and col.key not in keys and col.key != "id":
                raise ValueError(f"{model}.{col.key} needs a value")
        self.plan = plan
        self.keys = keys
        pos = {k: n for n, k in enumerate(keys)}
        idx = {c.key: i for i, c in enumerate(plan.columns)}
        # Columns the rows leave out are constants of the batch: literals in the
        # statement, except a default that has no literal (bound from K).
        self.constant = [c.key not in pos and c.key != "hlc" for c in plan.columns]
        self.inline = [const and (isinstance(c.default, _Marker) or
                                  sql_literal(c.default) is not None)
                       for c, const in zip(plan.columns, self.constant, strict=True)]
        self.nparams = self.inline.count(False)
        lines = ["def convert_rows(rows, hlc, seq, T, ar, ac, J, U, SDT, ENC, MU, MD, K):"]
        lines += [f"    s{i} = K[{i}]" for i, const in enumerate(self.constant)
                  if const and not self.inline[i]]
        unpack = "".join(f"v{idx[k]}, " for k in keys)
        lines.append(f"    for {unpack}in rows:")
        for i, col in enumerate(plan.columns):
            if col.key in pos:
                if col.sealed:
                    lines.append(f"        if v{i}: v{i} = ENC(v{i})")
                lines += ["    " + line for line in _convert_lines(i, col)]
        row = "".join("hlc, " if c.key == "hlc" else f"s{i}, "
                      for i, c in enumerate(plan.columns) if not self.inline[i])
        args = "".join(f"{src}, " for key, src in plan.json_items if key in pos)
        lines += [
            f"        ar(({row}))",
            f"        ac((seq, hlc, s{plan.id_idx}, T % ({args})))",
            "        hlc += 1",
            "        seq += 1",
        ]
        namespace = dict(_NAMESPACE)
        exec(compile("\n".join(lines), f"<bulk rows {model} {','.join(keys)}>", "exec"),
             namespace)
        self.convert_rows: Callable[..., None] = namespace["convert_rows"]

    def constants(self, fills: Mapping[Any, Any]) -> _Constants:
        """This batch's constants: stored values by column index, the JSON template
        of the change entry and the VALUES group of one row."""
        plan = self.plan
        stored: list[Any] = [None] * plan.ncols
        texts: dict[str, str] = {lf.name: "[]" for lf in plan.lists}
        marks: list[str] = []
        for i, col in enumerate(plan.columns):
            if not self.constant[i]:
                marks.append("?")
                continue
            v = col.default
            if isinstance(v, _Marker):
                v = fills[v]
            if col.sealed and v:
                v = fills[_ENCRYPT](v)
            stored[i] = _stored(col.kind, v)
            literal = sql_literal(stored[i]) if self.inline[i] else None
            if self.inline[i] and literal is None:  # pragma: no cover - markers give none
                raise ValueError(f"{plan.model.__name__}.{col.key}: no literal for {v!r}")
            marks.append(literal or "?")
            if col.logged:
                texts[col.key] = _json_generic(v).replace("%", "%%")
        template = "{" + ",".join(_encode_str(k) + ":" + texts.get(k, "%s")
                                  for k, _ in plan.json_items) + "}"
        return _Constants(stored, template, "(" + ", ".join(marks) + ")")


@dataclass
class _Constants:
    stored: list[Any]  # by column index (the constant ones)
    json: str  # the change entry's fields, with %s for each value a row gives
    one: str  # the VALUES group of one row


_Group = tuple[_RowSpec | None, _Constants | None, list[tuple[Any, ...]]]


_PLANS: dict[type[Synced], _Plan] = {}
_ORDER: dict[type[Synced], int] = {m: i for i, m in enumerate(SYNCED_MODELS)}

_CHANGE_HEAD = (
    "INSERT INTO change_log (device_id, seq, hlc, entity, record_id, op, fields, "
    "schema_version, worker_id)"
)


def _change_values(device_b: bytes, entity: str, worker_b: bytes | None) -> str:
    """The VALUES group of a new record's change entry: what all entries of one
    model in a batch share as literals, then seq, hlc, record id and fields."""
    return (f"({sql_literal(device_b)}, ?, ?, {sql_literal(entity)}, ?, 'insert', ?, "
            f"{int(CHANGE_SCHEMA_VERSION)}, {sql_literal(worker_b)})")


def _full_rows(spec: _RowSpec | None, consts: _Constants | None,
               rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows as one statement per row binds them (for ``capture``)."""
    if spec is None or consts is None:
        return rows
    out = []
    for row in rows:
        it = iter(row)
        out.append(tuple(consts.stored[i] if inline else next(it)
                         for i, inline in enumerate(spec.inline)))
    return out


def plan_for(model: type[Synced]) -> _Plan:
    plan = _PLANS.get(model)
    if plan is None:
        if model not in _ORDER:
            raise TypeError(f"{model.__name__} is not a synced model")
        plan = _PLANS[model] = _plan(model)
    return plan


def row_spec(model: type[Synced], keys: Sequence[str]) -> _RowSpec:
    plan = _PLANS.get(model) or plan_for(model)
    spec = plan.row_specs.get(tuple(keys))
    if spec is None:
        spec = plan.row_specs[tuple(keys)] = _RowSpec(plan, tuple(keys))
    return spec


# -- the insert guard, checked once per batch --------------------------------------------
# Every synced table has a trigger (see changes.changelog_trigger_sql) that looks up
# the change entry of each inserted row. SQLite runs it as a sub-program per row,
# which costs more than the insert itself. For a large batch the writer drops the
# trigger inside its write transaction, inserts, checks all the batch's rows with
# the trigger's own condition in one query, and creates the trigger again with its
# exact stored text before the commit: a committed database always has the trigger
# and every row its entry; a row without one fails the batch and rolls it back
# (the trigger's drop with it). Nobody else can write in between: the transaction
# holds the write lock (BEGIN IMMEDIATE).
GUARD_CHECK_MIN_ROWS = 500  # rows of one table in a batch; fewer keep the per-row trigger


def _guard_name(table: str) -> str:
    return f"trg_{table}_insert_needs_change"


def suspend_insert_guard(raw: sqlite3.Connection, table: str) -> tuple[str, int] | None:
    """Drop the insert guard of ``table`` for this transaction; return what
    :func:`restore_insert_guard` needs, or None (the trigger stays) when the
    trigger is not exactly the one whose check the batch query repeats."""
    row = raw.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? "
                      "AND tbl_name = ?", (_guard_name(table), table)).fetchone()
    if row is None or row[0] != changelog_trigger_sql(table)[0]:
        return None
    before = raw.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    if before >= 1 << 62:  # new rows might not get higher rowids
        return None
    raw.execute(f"DROP TRIGGER {_guard_name(table)}")
    return row[0], before


def restore_insert_guard(raw: sqlite3.Connection, table: str, sql: str, before: int) -> None:
    """Check every row inserted since :func:`suspend_insert_guard` (rowid above
    ``before``) the way the trigger checks one, then create the trigger again.
    Raises :class:`sqlite3.IntegrityError`, with the trigger's message, for a row
    without its change entry (the caller's transaction must then roll back)."""
    missing = raw.execute(
        f"SELECT 1 FROM {table} AS r WHERE r.rowid > ? AND NOT EXISTS (SELECT 1 FROM "
        "change_log c WHERE c.record_id = r.id AND c.hlc = r.hlc) LIMIT 1", (before,)
    ).fetchone()
    if missing is not None:
        raise sqlite3.IntegrityError(
            f"{table}: a record must be saved together with its change log entry")
    raw.execute(sql)


# -- helpers for bulk callers ----------------------------------------------------------
_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk job runs.

    Tens of thousands of short-lived rows make its collections (each walking every
    object of the process) the slowest part of a bulk job; the bulk paths make no
    reference cycles, so nothing waits for it. Nested and concurrent pauses are
    counted: the collector runs again when the last one ends (if it ran before).
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def new_id_bytes(n: int) -> list[bytes]:
    """``n`` new UUIDv7 ids (as the 16 stored bytes), in order.

    One draw of randomness for the lot: the 74 random bits of the first id are
    random (with room to count up), the next ones count up from there, as RFC 9562
    allows for ids made in the same millisecond. :func:`..ids.uuid7` does the same
    per id, at several times the cost of this loop.
    """
    ms = wall_ms() & ((1 << 48) - 1)
    first = int.from_bytes(os.urandom(10), "big") >> 7  # 73 bits
    base = ms << 80 | 0x7 << 76 | 0b10 << 62
    to_bytes = int.to_bytes
    low = (1 << 62) - 1
    return [to_bytes(base | (r >> 62) << 64 | (r & low), 16, "big")
            for r in range(first, first + n)]


# A record from add() (values, lists), or a chunk from add_rows() (its _RowSpec, rows).
Record = tuple[Any, Any]


class BulkWriter:
    """Buffered inserts with change entries; see the module documentation."""

    def __init__(
        self,
        db: Database,
        worker_id: uuid.UUID | None,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: Progress | None = None,
        total: int = 0,
        capture: Callable[[str, list[tuple[Any, ...]]], None] | None = None,
    ) -> None:
        self.db = db
        self.worker_id = worker_id
        self.batch_size = batch_size
        self.progress = progress
        self.total = total
        self.done = 0  # records committed
        self.counts: dict[str, int] = {}  # entity -> records committed
        self.cancelled = False
        # capture(insert_sql, rows) sees every data row written (for benchmarks).
        self._capture = capture
        self._buffers: dict[type[Synced], list[Record]] = {}
        self._pending = 0
        self._hold = 0
        self._conn: Connection | None = None
        self._old_cache: int | None = None

    # -- lifecycle ---------------------------------------------------------------
    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None:
                self.flush(report=False)
                self._report(final=True)
        finally:
            self.close()

    def close(self) -> None:
        """Drop what is not written yet and give the connection back."""
        self._buffers.clear()
        self._pending = 0
        if self._conn is not None:
            try:
                if self._old_cache is not None:
                    self._conn.connection.driver_connection.execute(  # type: ignore[union-attr]
                        f"PRAGMA cache_size={int(self._old_cache)}"
                    )
            finally:
                self._conn.close()
                self._conn = None

    def _connection(self) -> Connection:
        if self._conn is None:
            conn = self.db.engine.connect().execution_options(begin_immediate=True)
            raw = conn.connection.driver_connection
            assert raw is not None
            self._old_cache = raw.execute("PRAGMA cache_size").fetchone()[0]
            raw.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
            self._conn = conn
        return self._conn

    # -- adding ------------------------------------------------------------------
    def add(
        self,
        model: type[Synced],
        values: Mapping[str, Any],
        lists: Mapping[str, Sequence[uuid.UUID]] | None = None,
    ) -> uuid.UUID:
        """Queue one new record; return its id (made with uuid7() when not given).

        ``values`` are column values by attribute name; left out columns get
        their default (``created_by`` the worker, ``device_id`` this device,
        ``created_at``/``updated_at`` the time of writing). ``lists`` holds the
        list fields (``{"topic_ids": [...]}``).
        """
        plan = _PLANS.get(model) or plan_for(model)
        if not plan.key_set.issuperset(values):
            unknown = sorted(set(values) - plan.key_set)
            raise KeyError(f"{model.__name__} has no column {', '.join(unknown)}")
        if lists and not plan.list_names.issuperset(lists):
            unknown = sorted(set(lists) - plan.list_names)
            raise KeyError(f"{model.__name__} has no list field {', '.join(unknown)}")
        if self._pending >= self.batch_size and not self._hold:
            self.flush()
        rid = values.get("id")
        if rid is None:
            rid = uuid7()
            values = {**values, "id": rid}
        buf = self._buffers.get(model)
        if buf is None:
            buf = self._buffers[model] = []
        buf.append((values, lists))
        self._pending += 1
        return rid

    def add_many(self, model: type[Synced], records: Iterable[Mapping[str, Any]]) -> int:
        """Queue many new records of one model without list fields, as :meth:`add`
        does one by one (ids made when not given); return how many were queued."""
        plan = _PLANS.get(model) or plan_for(model)
        key_set = plan.key_set
        n = 0
        buf = self._buffers.get(model)
        for values in records:
            if not key_set.issuperset(values):
                unknown = sorted(set(values) - key_set)
                raise KeyError(f"{model.__name__} has no column {', '.join(unknown)}")
            if self._pending >= self.batch_size and not self._hold:
                self.flush()
                buf = None
            if values.get("id") is None:
                values = {**values, "id": uuid7()}
            if buf is None:
                buf = self._buffers.get(model)
                if buf is None:
                    buf = self._buffers[model] = []
            buf.append((values, None))
            self._pending += 1
            n += 1
        return n

    def add_rows(self, model: type[Synced], keys: Sequence[str],
                 rows: Sequence[Sequence[Any]]) -> int:
        """Queue many new records of one model given as rows (tuples) of the values of
        ``keys``, which must include ``id`` (a UUID or its 16 bytes; other UUID
        columns take UUIDs); every other column gets its default as in :meth:`add`,
        list fields are empty. The cheapest way in: the rows are converted by one
        generated loop per batch. Returns how many were queued."""
        spec = row_spec(model, keys)
        width = len(spec.keys)
        if any(len(row) != width for row in rows):  # refused before anything is written
            raise ValueError(f"{model.__name__} rows must have {width} values "
                             f"({', '.join(spec.keys)})")
        total = len(rows)
        start = 0
        while start < total:
            if self._pending >= self.batch_size and not self._hold:
                self.flush()
            room = total - start if self._hold else self.batch_size - self._pending
            chunk = rows[start:start + max(1, room)]
            buf = self._buffers.get(model)
            if buf is None:
                buf = self._buffers[model] = []
            buf.append((spec, chunk))
            self._pending += len(chunk)
            start += len(chunk)
        return total

    @contextmanager
    def together(self) -> Iterator[None]:
        """Records added inside this block are written in the same batch."""
        self._hold += 1
        try:
            yield
        finally:
            self._hold -= 1

    # -- writing -----------------------------------------------------------------
    def flush(self, report: bool = True) -> None:
        """Write everything queued in one transaction, then report progress."""
        if not self._pending:
            return
        buffers = sorted(self._buffers.items(), key=lambda kv: _ORDER[kv[0]])
        count = self._pending
        self._buffers = {}
        self._pending = 0
        conn = self._connection()
        device = self.db.device_id
        device_b = device.bytes
        worker_b = self.worker_id.bytes if self.worker_id else None
        now = utcnow()
        fills = {_NOW: now, _WORKER: self.worker_id, _DEVICE: device,
                 _ENCRYPT: self.db.keyring.encrypt}
        written: dict[str, int] = {}
        try:
            with conn.begin():
                first_seq, first_hlc = self._allocate(conn, device_b, count)
                # Per model: its change entries (seq, hlc, record id, fields), and its
                # rows in groups of one shape (the _RowSpec and constants of add_rows()
                # rows, None for rows of add(); the rows).
                data: list[tuple[_Plan, list[tuple[Any, ...]], list[_Group],
                                 list[list[tuple[Any, Any]]]]] = []
                i = 0
                memo_s: dict[int, str] = {}
                memo_b: dict[int, bytearray] = {}
                memo_dt: dict[dt.datetime, str] = {}
                memo_dtj: dict[dt.datetime, str] = {}
                memo_u: dict[int, tuple[bytearray, str]] = {}
                memo_d: dict[dt.datetime, tuple[str, str]] = {}

                def ustr(v: uuid.UUID) -> str:
                    r = memo_s.get(v.int)
                    if r is None:
                        r = memo_s[v.int] = str(v)
                    return r

                def ubytes(v: Any) -> bytearray:
                    if v.__class__ is not uuid.UUID:
                        return bytearray(_sql_uuid(v))
                    r = memo_b.get(v.int)
                    if r is None:
                        r = memo_b[v.int] = bytearray(v.bytes)
                    return r

                def sdt(v: dt.datetime) -> str:
                    r = memo_dt.get(v)
                    if r is None:
                        r = memo_dt[v] = _sql_datetime(v)
                    return r

                def jdt(v: dt.datetime) -> str:
                    r = memo_dtj.get(v)
                    if r is None:
                        r = memo_dtj[v] = '"' + v.isoformat() + '"'
                    return r

                def fill(v: _Marker, j: int) -> Any:
                    if v is _REQUIRED:
                        raise ValueError(f"{model.__name__}.{plan.keys[j]} needs a value")
                    return fills[v]

                jmap = _json_map(ustr)
                jmap[dt.datetime] = jdt
                encrypt = fills[_ENCRYPT]
                constants: dict[_RowSpec, _Constants] = {}
                for model, records in buffers:
                    plan = _PLANS[model]
                    id_idx = plan.id_idx
                    convert = plan.convert
                    list_fields = plan.lists
                    changes: list[tuple[Any, ...]] = []
                    groups: list[_Group] = []
                    rows: list[tuple[Any, ...]] | None = None  # the open group of add()
                    links: list[list[tuple[Any, Any]]] = [[] for _ in list_fields]
                    for values, lists in records:
                        if values.__class__ is _RowSpec:  # rows from add_rows()
                            spec: Any = values
                            consts = constants.get(spec)
                            if consts is None:
                                consts = constants[spec] = spec.constants(fills)
                            chunk: list[tuple[Any, ...]] = []
                            spec.convert_rows(lists, first_hlc + i, first_seq + i, consts.json,
                                              chunk.append, changes.append, jmap, ubytes,
                                              sdt, encrypt, memo_u, memo_d, consts.stored)
                            groups.append((spec, consts, chunk))
                            rows = None
                            i += len(lists)
                            continue
                        hlc = first_hlc + i
                        if list_fields:
                            rid_b = ubytes(values["id"])
                            texts = []
                            for n, lf in enumerate(list_fields):
                                ids = lists.get(lf.name, ()) if lists else ()
                                if ids:
                                    by_str = {ustr(x): x for x in ids}
                                    strs = sorted(by_str)
                                    texts.append('["' + '","'.join(strs) + '"]')
                                    links[n].extend((rid_b, ubytes(by_str[x])) for x in strs)
                                else:
                                    texts.append("[]")
                            sql_row, text = convert(values, hlc, jmap, ubytes, sdt, fill,
                                                    fills, memo_u, memo_d, *texts)
                        else:
                            sql_row, text = convert(values, hlc, jmap, ubytes, sdt, fill,
                                                    fills, memo_u, memo_d)
                        changes.append((first_seq + i, hlc, sql_row[id_idx], text))
                        if rows is None:
                            rows = []
                            groups.append((None, None, rows))
                        rows.append(sql_row)
                        i += 1
                    data.append((plan, changes, groups, links))
                    written[plan.entity] = written.get(plan.entity, 0) + len(changes)
                raw = conn.connection.driver_connection
                assert raw is not None
                # The change entries first: the triggers refuse a record without one.
                for plan, changes, _groups, _links in data:
                    insert_rows(raw.executemany, _CHANGE_HEAD, 4, changes,
                                _change_values(device_b, plan.entity, worker_b))
                for plan, changes, groups, links in data:
                    guard = suspend_insert_guard(raw, plan.table) \
                        if len(changes) >= GUARD_CHECK_MIN_ROWS else None
                    for spec, consts, rows in groups:
                        if spec is None or consts is None:
                            insert_rows(raw.executemany, plan.insert_head, plan.ncols, rows)
                        else:
                            insert_rows(raw.executemany, plan.insert_head, spec.nparams,
                                        rows, consts.one)
                        if self._capture:
                            self._capture(plan.insert_sql, _full_rows(spec, consts, rows))
                    if guard is not None:
                        restore_insert_guard(raw, plan.table, *guard)
                    for lf, pairs in zip(plan.lists, links, strict=True):
                        if pairs:
                            insert_rows(raw.executemany, lf.insert_head, 2, pairs)
                            if self._capture:
                                self._capture(lf.insert_sql, pairs)
        except OperationalError as exc:
            raise _storage_error(exc) from exc
        except sqlite3.OperationalError as exc:
            raise _storage_error(OperationalError(None, None, exc)) from exc
        self.done += count
        for entity, n in written.items():
            self.counts[entity] = self.counts.get(entity, 0) + n
        if report:
            self._report()

    def _allocate(self, conn: Connection, device_b: bytes, count: int) -> tuple[int, int]:
        """The SQL of :func:`.changes.allocate`, on this connection."""
        row = conn.exec_driver_sql(
            "SELECT last_seq, last_hlc FROM device_clock WHERE device_id = ?", (device_b,)
        ).first()
        if row is None:
            raise RuntimeError(f"device {self.db.device_id} has no clock row")
        last_seq, last_hlc = row
        first_hlc = max(last_hlc + 1, hlc_pack(wall_ms(), 0))
        conn.exec_driver_sql(
            "UPDATE device_clock SET last_seq = ?, last_hlc = ? WHERE device_id = ?",
            (last_seq + count, first_hlc + count - 1, device_b),
        )
        return last_seq + 1, first_hlc

    def _report(self, final: bool = False) -> None:
        if self.progress is None:
            return
        total = self.done if final else max(self.total, self.done + 1)
        if self.progress(self.done, total) is False and not final:
            self.cancelled = True
            self.close()
            raise BulkCancelled(self.done)
