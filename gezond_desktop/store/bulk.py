"""Fast inserts of many records, each with its change log entry.

:class:`BulkWriter` skips the ORM unit of work (far too slow for a demo year or
a benchmark database of a million contacts) but follows exactly the rules of
:mod:`.changes`:

* sequence numbers and clock ticks are reserved on ``device_clock`` inside the
  write transaction (``BEGIN IMMEDIATE``) of each batch, so the log stays gap
  free and two writers never get the same numbers;
* the ``change_log`` rows of a batch are inserted before the records (the
  database triggers refuse a record whose (id, hlc) has no entry);
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

Records are buffered and written per batch (one transaction each), models in
parent-before-child order (:data:`gezond_desktop.models.SYNCED_MODELS`). Use
:meth:`BulkWriter.together` around records that must land in the same batch
(a referral and its status events). A ``progress(done, total)`` callback that
returns ``False`` cancels: committed batches stay, the rest is dropped and
:class:`BulkCancelled` is raised.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table, Time, inspect
from sqlalchemy.exc import OperationalError

from ..ids import hlc_pack, uuid7, wall_ms
from ..models import CHANGE_SCHEMA_VERSION, SYNCED_MODELS, Synced, UUIDBytes, utcnow
from ..models.sealed import personal_fields
from .changes import column_keys, to_json_value
from .database import Database, _storage_error

Progress = Callable[[int, int], bool]

DEFAULT_BATCH_SIZE = 20_000
BULK_CACHE_KIB = 64 * 1024  # page cache while bulk writing; restored afterwards

# Rows per INSERT statement in :func:`insert_rows`, and the bound parameters one
# statement may hold (SQLite's smallest compiled-in limit, so any build accepts it).
ROWS_PER_STATEMENT = 128
MAX_VARIABLES = 999


def insert_rows(executemany: Callable[[str, Any], Any], head: str, ncols: int,
                rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` with ``head`` (``"INSERT INTO t (a, b)"``), many rows per
    statement (``VALUES (?, ?), (?, ?), ...``).

    Same rows, same order, same triggers and constraints as one statement per row,
    but much cheaper: SQLite opens a statement journal for every statement that a
    trigger may abort (all synced tables have one) and copies each page the
    statement changes into it, so one statement per row copies the table's and
    every index's last page for every single row.
    """
    n = len(rows)
    if not n:
        return
    one = "(" + ", ".join("?" * ncols) + ")"
    per = max(1, min(ROWS_PER_STATEMENT, MAX_VARIABLES // ncols))
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
class _Plan:
    model: type[Synced]
    entity: str
    insert_sql: str  # one row (what capture sees)
    insert_head: str  # for insert_rows()
    ncols: int
    keys: list[str]  # attribute keys in column order
    defaults: list[Any]
    id_idx: int
    lists: list[_ListField]
    key_set: frozenset[str]
    list_names: frozenset[str]
    # convert(values, hlc, J, U, SDT, FILL, *list_json) -> (sql row, change fields JSON)
    convert: Callable[..., tuple[tuple[Any, ...], str]]


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
        v, sv, jv = f"v{i}", f"s{i}", f"j{i}"
        body.append(f"    {v} = g({key!r}, D{i})")
        if defaults[-1] is _REQUIRED and key != "id":
            body.append(f"    if {v} is D{i}: FILL({v}, {i})")  # raises
        elif isinstance(defaults[-1], _Marker) and key != "id":
            body.append(f"    if {v} is D{i}: {v} = F[D{i}]")
        if key == "hlc":
            body.append(f"    {v} = hlc")
        if key in sealed:  # stored and logged as the same token (see models/sealed.py)
            body.append(f"    if {v}: {v} = F[ENC]({v})")
        logged = key in in_json
        if isinstance(col.type, UUIDBytes):
            if not logged:
                body.append(f"    {sv} = None if {v} is None else "
                            f"{v}.bytes if {v}.__class__ is UUID else U({v})")
            else:
                body += [
                    f"    if {v} is None: {sv} = None; {jv} = 'null'",
                    f"    elif {v}.__class__ is UUID:",
                    f"        t = MU.get({v}.int)",
                    "        if t is None:",
                    f"            t = MU[{v}.int] = ({v}.bytes, '\"' + str({v}) + '\"')",
                    f"        {sv}, {jv} = t",
                    f"    else: {sv} = U({v}); {jv} = J[{v}.__class__]({v})",
                ]
        elif isinstance(col.type, DateTime):
            body += [
                f"    if {v} is None: {sv} = None; {jv} = 'null'",
                f"    elif {v}.__class__ is DT:",
                f"        t = MD.get({v})",
                "        if t is None:",
                f"            t = MD[{v}] = (SDT0({v}), '\"' + {v}.isoformat() + '\"')",
                f"        {sv}, {jv} = t",
                f"    else: {sv} = SDT({v}); {jv} = J[{v}.__class__]({v})",
            ]
        else:
            conv = "STM" if isinstance(col.type, Time) else \
                "SDA" if isinstance(col.type, Date) else None
            body.append(f"    {sv} = {v}" if conv is None else
                        f"    {sv} = None if {v} is None else {conv}({v})")
            if logged:
                body.append(f"    {jv} = J[{v}.__class__]({v})")
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
    namespace: dict[str, Any] = {"STM": _sql_time, "SDA": _sql_date, "SDT0": _sql_datetime,
                                 "UUID": uuid.UUID, "DT": dt.datetime, "ENC": _ENCRYPT}
    namespace.update({f"D{i}": d for i, d in enumerate(defaults)})
    exec(compile(src, f"<bulk convert {model.__name__}>", "exec"), namespace)
    cols = ", ".join(names)
    marks = ", ".join("?" for _ in names)
    return _Plan(
        model=model,
        entity=model.__entity__,
        insert_sql=f"INSERT INTO {table.name} ({cols}) VALUES ({marks})",
        insert_head=f"INSERT INTO {table.name} ({cols})",
        ncols=len(names),
        keys=keys,
        defaults=defaults,
        id_idx=keys.index("id"),
        lists=lists,
        key_set=frozenset(keys),
        list_names=frozenset(lf.name for lf in lists),
        convert=namespace["convert"],
    )


_PLANS: dict[type[Synced], _Plan] = {}
_ORDER: dict[type[Synced], int] = {m: i for i, m in enumerate(SYNCED_MODELS)}

_CHANGE_HEAD = (
    "INSERT INTO change_log (device_id, seq, hlc, entity, record_id, op, fields, "
    "schema_version, worker_id)"
)


def plan_for(model: type[Synced]) -> _Plan:
    plan = _PLANS.get(model)
    if plan is None:
        if model not in _ORDER:
            raise TypeError(f"{model.__name__} is not a synced model")
        plan = _PLANS[model] = _plan(model)
    return plan


Record = tuple[Mapping[str, Any], Mapping[str, Sequence[uuid.UUID]] | None]


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
                changes: list[tuple[Any, ...]] = []
                data: list[tuple[_Plan, list[tuple[Any, ...]], list[list[tuple[bytes, bytes]]]]]
                data = []
                i = 0
                memo_s: dict[int, str] = {}
                memo_b: dict[int, bytes] = {}
                memo_dt: dict[dt.datetime, str] = {}
                memo_dtj: dict[dt.datetime, str] = {}
                memo_u: dict[int, tuple[bytes, str]] = {}
                memo_d: dict[dt.datetime, tuple[str, str]] = {}

                def ustr(v: uuid.UUID) -> str:
                    r = memo_s.get(v.int)
                    if r is None:
                        r = memo_s[v.int] = str(v)
                    return r

                def ubytes(v: Any) -> bytes:
                    if v.__class__ is not uuid.UUID:
                        return _sql_uuid(v)
                    r = memo_b.get(v.int)
                    if r is None:
                        r = memo_b[v.int] = v.bytes
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
                for model, records in buffers:
                    plan = _PLANS[model]
                    entity = plan.entity
                    id_idx = plan.id_idx
                    convert = plan.convert
                    list_fields = plan.lists
                    rows: list[tuple[Any, ...]] = []
                    links: list[list[tuple[bytes, bytes]]] = [[] for _ in list_fields]
                    for values, lists in records:
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
                        changes.append((device_b, first_seq + i, hlc, entity, sql_row[id_idx],
                                        "insert", text, CHANGE_SCHEMA_VERSION, worker_b))
                        rows.append(sql_row)
                        i += 1
                    data.append((plan, rows, links))
                    written[entity] = written.get(entity, 0) + len(rows)
                # The change entries first: the triggers refuse a record without one.
                raw = conn.connection.driver_connection
                assert raw is not None
                insert_rows(raw.executemany, _CHANGE_HEAD, 9, changes)
                for plan, rows, links in data:
                    insert_rows(raw.executemany, plan.insert_head, plan.ncols, rows)
                    if self._capture:
                        self._capture(plan.insert_sql, rows)
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
