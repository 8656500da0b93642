"""The PostgreSQL hub: the same change protocol as the shared folder, over a server.

    hub_id = create_pg_hub("postgresql://gezond@db.example.nl/gezond", password)
    hub = PgHub("postgresql://gezond@db.example.nl/gezond", hub_id, team_key,
                signing_key, password=password)
    SyncEngine(db, hub, ...).run()

Protocol (see :mod:`.hub` for the rules every hub keeps):

* One push is ONE transaction: the change rows are inserted with
  ``INSERT ... ON CONFLICT (device_id, seq) DO NOTHING`` (when none of them is
  stored yet, checked under the device's push lock, they are copied straight
  in; the primary key still refuses a duplicate and the push is retried); rows
  that already existed are compared by their keyed content hash: the same
  content is a no-op, other content is kept in ``hub_quarantine`` and reported
  as a quarantined :class:`HubProblem`, never applied. The new changes are stored as
  one sealed bundle (team key AES-GCM + the device's Ed25519 signature, exactly
  the folder hub's format, :mod:`.bundle`), so the server never sees personal
  data in clear. The readable merged-state tables (:data:`.pg_schema.READABLE`,
  non-personal columns only) are updated in the same transaction from the new
  changes, field by field, last writer wins by (hlc, device); which columns may
  leave the device is decided here, on the device (:mod:`.pg_rows`).
* Speed (a push of 50,000 changes; ``bench/bench_sync_pg.py``): the rows are made
  by worker threads in the order they are sent, readable rows first (storing them
  is the server's largest part), and sent chunk by chunk while the next are made,
  so the device and the server work at the same time. The COPY text and binary
  rows are written directly (:mod:`.pg_rows`), not value by value.
* :meth:`PgHub.push` returns its :class:`PushAck` only after COMMIT returned. A
  reply lost after COMMIT is harmless: the retry finds every row stored with
  the same hash and acknowledges the same sequence number.
* ``received_at`` (server ``now()`` at insert) is the hub's view of the time:
  it becomes ``hub_seen_at_ms`` for the engine's clock-skew rule.
* Connection settings: the URL WITHOUT password lives in the app settings
  (:func:`hub_config`); the password goes to the :class:`.keys.KeyStore` (OS
  keyring when available, else a 0600 file in the data folder).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import psycopg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from psycopg import sql

from ..store.bulk import gc_paused
from . import bundle, pg_rows, pg_schema
from .hub import (
    DeviceInfo,
    Hub,
    HubError,
    HubProblem,
    IncomingBatch,
    OutgoingBatch,
    PinnedKey,
    PushAck,
    Watermark,
)
from .keys import KeyStore
from .pg_rows import content_hashes

KIND = "postgres"
CONNECT_TIMEOUT = 5  # seconds
RETRIES = 3  # deadlock / serialization failure: the whole push is retried
SWITCH_INTERVAL = 0.0005  # seconds, while pushing (see PgHub.push)
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

QUARANTINE_REASON = (
    "Wijziging {seq} van dit apparaat staat al in de hub met een andere inhoud. De "
    "nieuwe versie is apart bewaard en niet gebruikt; vraag uw beheerder om het te "
    "controleren (is een oude reservekopie teruggezet?).")

Conn = psycopg.Connection[tuple[Any, ...]]


# -- settings and secrets ---------------------------------------------------------------
def split_url(url: str) -> tuple[str, str | None]:
    """``url`` without its password, and the password (None when there was none)."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise HubError("Een PostgreSQL-adres begint met postgresql://, bijvoorbeeld "
                       "postgresql://gebruiker@server:5432/database.")
    if parts.password is None:
        return url, None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{quote(unquote(parts.username or ''), safe='')}@{host}" if parts.username \
        else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc)), unquote(parts.password)


def password_secret(hub_id: str) -> str:
    return f"pg-password-{hub_id}"


def hub_config(url: str, hub_id: str, schema: str = pg_schema.DEFAULT_SCHEMA
               ) -> dict[str, str]:
    """The LocalSetting value for a PostgreSQL hub: never holds the password."""
    clean, _ = split_url(url)
    return {"kind": KIND, "url": clean, "schema": schema, "hub_id": hub_id}


def store_password(keys: KeyStore, hub_id: str, password: str | None) -> None:
    """Keep the password in the keyring (or a 0600 file), never in the settings."""
    if password:
        keys.put(password_secret(hub_id), password)


def hub_from_config(cfg: Mapping[str, Any], keys: KeyStore, team_key: bytes
                    ) -> PgHub:
    """The hub for a stored configuration (password from the key store)."""
    return PgHub(str(cfg["url"]), str(cfg["hub_id"]), team_key, keys.signing_key(),
                 password=keys.get(password_secret(str(cfg["hub_id"]))),
                 schema=str(cfg.get("schema") or pg_schema.DEFAULT_SCHEMA))


def connect(url: str, password: str | None = None, timeout: int = CONNECT_TIMEOUT) -> Conn:
    """An autocommit connection (writes use explicit transactions); Dutch errors."""
    clean, in_url = split_url(url)
    kwargs: dict[str, Any] = {"connect_timeout": timeout, "autocommit": True,
                              "application_name": "gezond-desktop"}
    if password or in_url:
        kwargs["password"] = password or in_url
    try:
        return psycopg.connect(clean, **kwargs)
    except psycopg.OperationalError as exc:
        text = str(exc).lower()
        if "password" in text or "authentication" in text:
            raise HubError("De PostgreSQL-hub weigert de aanmelding. Controleer de "
                           "gebruikersnaam en het wachtwoord.") from exc
        if "does not exist" in text:
            raise HubError("De database van de PostgreSQL-hub bestaat niet. Controleer het "
                           "adres.") from exc
        raise HubError(f"De PostgreSQL-hub ({_host(clean)}) is niet bereikbaar. Controleer de "
                       "netwerkverbinding en probeer het opnieuw.") from exc


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}{(':' + str(parts.port)) if parts.port else ''}" \
        f"{parts.path or ''}"


def _check_schema(schema: str) -> str:
    if not _SCHEMA_NAME.match(schema):
        raise HubError("De naam van het schema mag alleen kleine letters, cijfers en _ "
                       "bevatten.")
    return schema


def create_pg_hub(url: str, password: str | None = None,
                  schema: str = pg_schema.DEFAULT_SCHEMA) -> str:
    """Create (or upgrade) the hub schema and give the hub an id; return it."""
    _check_schema(schema)
    conn = connect(url, password)
    try:
        pg_schema.migrate(conn, schema)
        with conn.transaction():
            row = conn.execute(sql.SQL("SELECT hub_id FROM {} FOR UPDATE").format(
                sql.Identifier(schema, "hub_info"))).fetchone()
            if row is not None:
                raise HubError(f"In schema {schema} van deze database staat al een hub. Kies "
                               "een ander schema, of laat apparaten aansluiten met de "
                               "uitnodiging van die hub.")
            hub_id = str(uuid.uuid4())
            conn.execute(sql.SQL("INSERT INTO {} (hub_id, format) VALUES (%s, %s)").format(
                sql.Identifier(schema, "hub_info")), (hub_id, bundle.FORMAT_VERSION))
    finally:
        conn.close()
    return hub_id


# -- what a push stores besides the sealed payload (made in .pg_rows) ----------------------
def content_hash(team_key: bytes, entry: Mapping[str, Any]) -> bytes:
    """Keyed hash of one change's content (:func:`.pg_rows.content_hashes`)."""
    return content_hashes(team_key, (entry,))[0]


class TableStream:
    """The readable rows of one table, chunk by chunk while a worker thread makes
    them: the push sends the first chunks while the next are made. Read it as often
    as needed (a retried push, a merge after a failed straight insert)."""

    def __init__(self, inserts_only: bool, empty: bool = False) -> None:
        self.inserts_only = inserts_only  # see pg_rows.TableLines
        self.empty = empty
        self._chunks: list[list[str]] = []
        self._done = False
        self._error: BaseException | None = None
        self._changed = threading.Condition()

    @classmethod
    def of(cls, rows: pg_rows.TableLines) -> TableStream:
        stream = cls(rows.inserts_only, not rows.ids)
        stream.put(rows.lines)
        stream.close()
        return stream

    def put(self, lines: list[str]) -> None:
        with self._changed:
            self._chunks.append(lines)
            self._changed.notify_all()

    def close(self, error: BaseException | None = None) -> None:
        with self._changed:
            self._done, self._error = True, error
            self._changed.notify_all()

    def chunks(self) -> Iterator[str]:
        """The COPY text, a chunk at a time (waits for the worker when needed)."""
        i = 0
        while True:
            with self._changed:
                while i == len(self._chunks) and not self._done:
                    self._changed.wait()
                if i == len(self._chunks):
                    if self._error is not None:
                        raise self._error
                    return
                lines = self._chunks[i]
            i += 1
            for j in range(0, len(lines), 4096):
                yield "".join(lines[j:j + 4096])


ReadableJob = dict[str, "Future[TableStream]"]


def readable_job() -> ReadableJob:
    """One (empty) future per readable table, for :func:`fill_readable`."""
    return {t: Future() for t in pg_schema.READABLE}


def fill_readable(job: ReadableJob, device_hex: str, entries: list[dict[str, Any]]
                  ) -> ReadableJob:
    """Make each table's rows (table by table, in the order the push sends them).
    When every change of a table is an insert (a new device's first push, any bulk
    of new records) its rows are handed on chunk by chunk as they are made; else
    once the table is complete."""
    try:
        by_table: dict[str, list[dict[str, Any]]] = {t: [] for t in job}
        for e in entries:
            part = by_table.get(e["e"])
            if part is not None:
                part.append(e)
        for table, part in by_table.items():
            if not part:
                job[table].set_result(TableStream.of(pg_rows.EMPTY))
            elif all(e["o"] == "insert" for e in part):
                stream = TableStream(inserts_only=True)
                job[table].set_result(stream)
                try:
                    pg_rows.table_lines(table, device_hex, part, stream.put)
                except BaseException as exc:
                    stream.close(exc)
                    raise
                stream.close()
            else:
                job[table].set_result(TableStream.of(
                    pg_rows.table_lines(table, device_hex, part)))
    except BaseException as exc:
        for f in job.values():
            if not f.done():
                f.set_exception(exc)
        raise
    return job


_runtime_lock = threading.Lock()
_runtime_users = 0
_runtime_saved_interval = 0.005


@contextlib.contextmanager
def _push_runtime() -> Iterator[None]:
    """While any push runs in this process: the cyclic garbage collector paused
    (tens of thousands of short-lived dicts, no reference cycles; the bulk paths'
    shared, counted :func:`~..store.bulk.gc_paused`) and a short GIL switch interval
    (the worker thread holds the GIL while the pushing thread waits for the server;
    at the default 5 ms every round trip can wait that long). Counted, so that
    pushes in several threads restore the interval once."""
    global _runtime_users, _runtime_saved_interval
    with gc_paused():
        with _runtime_lock:
            if _runtime_users == 0:
                _runtime_saved_interval = sys.getswitchinterval()
                sys.setswitchinterval(min(_runtime_saved_interval, SWITCH_INTERVAL))
            _runtime_users += 1
        try:
            yield
        finally:
            with _runtime_lock:
                _runtime_users -= 1
                if _runtime_users == 0:
                    sys.setswitchinterval(_runtime_saved_interval)


def _runs(seqs: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s in sorted(seqs):
        if out and out[-1][1] == s - 1:
            out[-1] = (out[-1][0], s)
        else:
            out.append((s, s))
    return out


class _ChangeRows:
    """The content hashes and ``hub_change`` rows (``COPY`` binary) of one push, chunk
    by chunk as :meth:`make` makes them in a worker thread; a retried push sends the
    same chunks again."""

    def __init__(self, count: int) -> None:
        self._chunks: list[Future[tuple[list[bytes], bytes]]] = [
            Future() for _ in range(0, count, pg_rows.CHUNK)]

    def make(self, device_id: uuid.UUID, team_key: bytes,
             entries: list[dict[str, Any]]) -> None:
        try:
            made = pg_rows.change_rows(device_id, team_key, entries)
            for chunk in self._chunks:
                chunk.set_result(next(made))
        except BaseException as exc:
            self.fail(exc)
            raise

    def fail(self, exc: BaseException) -> None:
        for chunk in self._chunks:
            if not chunk.done():
                chunk.set_exception(exc)

    def chunks(self) -> Iterator[bytes]:
        for chunk in self._chunks:
            yield chunk.result()[1]

    def hashes(self) -> list[bytes]:
        return [h for chunk in self._chunks for h in chunk.result()[0]]


def _prepare(changes: _ChangeRows, readable: ReadableJob, device_id: uuid.UUID,
             team_key: bytes, entries: list[dict[str, Any]]) -> None:
    """The worker's part of a push, in the order the push sends it: the readable rows
    table by table, then the change rows chunk by chunk."""
    try:
        fill_readable(readable, device_id.hex, entries)
    except BaseException as exc:
        changes.fail(exc)
        raise
    changes.make(device_id, team_key, entries)


class PgHub(Hub):
    kind = KIND

    def __init__(self, url: str, hub_id: str, team_key: bytes,
                 signing_key: Ed25519PrivateKey | None = None, *, password: str | None = None,
                 schema: str = pg_schema.DEFAULT_SCHEMA,
                 connect_timeout: int = CONNECT_TIMEOUT) -> None:
        self.url, in_url = split_url(url)
        self.password = password or in_url
        self._hub_id = hub_id
        self.team_key = team_key
        self.signing_key = signing_key
        self.schema = _check_schema(schema)
        self.connect_timeout = connect_timeout
        self._conn: Conn | None = None
        self._ready = False
        # Problems found by the last push (changes quarantined on the hub).
        self.last_push_problems: list[HubProblem] = []
        # Test hook: called after COMMIT, before push returns (simulate a lost reply).
        self.after_commit: Callable[[], None] | None = None

    # -- connection ---------------------------------------------------------------------
    @property
    def location(self) -> str:
        return f"{_host(self.url)} (schema {self.schema})"

    @property
    def hub_id(self) -> str:
        return self._hub_id

    def _t(self, name: str) -> sql.Identifier:
        return sql.Identifier(self.schema, name)

    def _connection(self) -> Conn:
        if self._conn is not None and not self._conn.closed:
            return self._conn
        self._conn = connect(self.url, self.password, self.connect_timeout)
        if not self._ready:
            try:
                pg_schema.migrate(self._conn, self.schema)
            except psycopg.Error as exc:
                self.close()
                raise HubError("De PostgreSQL-hub kon niet worden bijgewerkt naar deze versie "
                               "van de app. Vraag uw beheerder om de rechten op de database "
                               "te controleren.") from exc
            self._ready = True
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def _lost(self, exc: Exception) -> HubError:
        self.close()
        return HubError(f"De verbinding met de PostgreSQL-hub ({self.location}) is verbroken. "
                        "Wat niet is bevestigd, wordt bij de volgende synchronisatie opnieuw "
                        "verstuurd.")

    def check(self) -> None:
        try:
            conn = self._connection()
            row = conn.execute(sql.SQL("SELECT hub_id FROM {}").format(
                self._t("hub_info"))).fetchone()
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc
        if row is None or row[0] != self._hub_id:
            raise HubError(f"In {self.location} staat een andere hub dan die waarbij dit "
                           "apparaat is aangesloten. Controleer het adres of sluit opnieuw "
                           "aan.")

    # -- devices ------------------------------------------------------------------------
    def register_device(self, device: DeviceInfo) -> None:
        try:
            self._connection().execute(sql.SQL(
                "INSERT INTO {} AS d (device_id, name, public_key) VALUES (%s, %s, %s) "
                "ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, "
                "public_key = excluded.public_key WHERE d.name <> excluded.name "
                "OR d.public_key <> excluded.public_key").format(self._t("hub_device")),
                (device.device_id, device.name, device.public_key))
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    def devices(self) -> dict[uuid.UUID, DeviceInfo]:
        try:
            rows = self._connection().execute(sql.SQL(
                "SELECT device_id, name, public_key FROM {}").format(
                self._t("hub_device"))).fetchall()
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc
        return {d: DeviceInfo(d, n, k) for d, n, k in rows}

    def stored_seq(self, device_id: uuid.UUID) -> int:
        try:
            row = self._connection().execute(sql.SQL(
                "SELECT MAX(seq) FROM {} WHERE device_id = %s").format(
                self._t("hub_change")), (device_id,)).fetchone()
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc
        return int(row[0]) if row and row[0] is not None else 0

    # -- pushing ------------------------------------------------------------------------
    def _seal(self, device_id: uuid.UUID, entries: list[dict[str, Any]]) -> bytes:
        assert self.signing_key is not None
        hlcs = [int(e["h"]) for e in entries]
        header = {
            "schema_version": bundle.CHANGE_SCHEMA_VERSION,
            "app_version": _app_version(),
            "hub_id": self._hub_id,
            "device_id": str(device_id),
            "seq_from": int(entries[0]["s"]),
            "seq_to": int(entries[-1]["s"]),
            "hlc_min": min(hlcs),
            "hlc_max": max(hlcs),
            "prev_hash": "",
            "created": dt.datetime.now(dt.UTC).isoformat(),
            "exported_at_ms": int(time.time() * 1000),
        }
        return pg_rows.seal(header, entries, self.team_key, self.signing_key)

    def push(self, batch: OutgoingBatch) -> PushAck:
        if self.signing_key is None:
            raise RuntimeError("a PgHub needs the signing key to push")
        self.last_push_problems = []
        if not batch.entries:
            return PushAck(batch.device_id, self.stored_seq(batch.device_id), "")
        with _push_runtime():
            return self._push(batch)

    def _push(self, batch: OutgoingBatch) -> PushAck:
        seqs = [int(e["s"]) for e in batch.entries]
        entries = batch.entries
        if seqs != sorted(seqs):
            entries = sorted(entries, key=lambda e: int(e["s"]))
            seqs.sort()
        changes = _ChangeRows(len(entries))
        readable = readable_job()
        # Two worker threads. One makes the rows in the order they are sent: the
        # readable rows table by table (the server stores each table while the next is
        # made; storing them costs the server more than making them costs us, so they
        # go first), then the change rows with their content hashes (cheap to store).
        # The other seals the batch once the readable rows are made (the common case
        # is "all new"; its compression runs without the GIL). This thread only sends.
        with ThreadPoolExecutor(2, thread_name_prefix="gezond-push") as pool:
            pool.submit(_prepare, changes, readable, batch.device_id, self.team_key, entries)
            sealed = pool.submit(self._seal_after, readable, batch.device_id, entries)
            for attempt in range(RETRIES):
                try:
                    ack = self._push_tx(batch.device_id, entries, seqs, changes, sealed,
                                        readable)
                    break
                except (psycopg.errors.DeadlockDetected,
                        psycopg.errors.SerializationFailure,
                        psycopg.errors.UniqueViolation):
                    if attempt == RETRIES - 1:
                        raise HubError("De PostgreSQL-hub is erg druk. Er is niets half "
                                       "opgeslagen; synchroniseer zo opnieuw.") from None
                except psycopg.OperationalError as exc:
                    # COMMIT may or may not have happened: nothing is acknowledged; the
                    # next sync asks stored_seq() and resends only what is missing.
                    raise self._lost(exc) from exc
        if self.after_commit is not None:
            self.after_commit()
        return ack

    def _seal_after(self, readable: ReadableJob, device_id: uuid.UUID,
                    entries: list[dict[str, Any]]) -> bytes:
        """The sealed bundle of the batch, made once the worker is on its last readable
        table: until then the server has the readable rows to store, and sealing
        earlier would only slow down making them."""
        futures_wait(list(readable.values()))
        return self._seal(device_id, entries)

    def _push_tx(self, device_id: uuid.UUID, entries: list[dict[str, Any]], seqs: list[int],
                 changes: _ChangeRows, sealed: Future[bytes], readable: ReadableJob
                 ) -> PushAck:
        conn = self._connection()
        problems: list[HubProblem] = []
        with conn.transaction():
            # One push per device at a time (two threads of one device, a retry racing
            # a slow first attempt); different devices do not wait for each other here.
            # (work_mem: the readable merge sorts its rows by id in memory, not on disk;
            # no JIT: compiling costs more than it saves on these statements.)
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s)), "
                         "set_config('work_mem', '64MB', true), "
                         "set_config('jit', 'off', true)",
                         (f"gezond-push:{self.schema}:{device_id}",))
            # Under that lock the rows of this device cannot change: what is there
            # already is exactly what the insert below will skip.
            existing = {int(r[0]) for r in conn.execute(sql.SQL(
                "SELECT seq FROM {} WHERE device_id = %s AND seq BETWEEN %s AND %s").format(
                self._t("hub_change")), (device_id, seqs[0], seqs[-1]))}
            if existing or len(set(seqs)) != len(seqs):
                problems = self._push_known(conn, device_id, entries, seqs, existing, changes)
            else:
                # All new (the common case). The sealed bundle goes in as soon as it is
                # ready, else at the end; the change rows go straight in (the primary
                # key still guards them: a row that appeared anyway makes the push retry).
                stored = False
                for table in pg_schema.READABLE:
                    if not stored and sealed.done():
                        self._store_bundle(conn, device_id, entries, sealed.result())
                        stored = True
                    self._merge_readable(conn, table, readable[table].result())
                self._copy_changes(conn, self._t("hub_change"), changes)
                if not stored:
                    self._store_bundle(conn, device_id, entries, sealed.result())
        self.last_push_problems = problems
        seq_from, seq_to = seqs[0], seqs[-1]
        return PushAck(device_id, seq_to, f"{device_id}/{seq_from:012d}-{seq_to:012d}")

    def _push_known(self, conn: Conn, device_id: uuid.UUID, entries: list[dict[str, Any]],
                    seqs: list[int], existing: set[int], changes: _ChangeRows
                    ) -> list[HubProblem]:
        """A push of which some changes are stored already (a retry, an overlapping
        batch): every row goes through ``ON CONFLICT (device_id, seq) DO NOTHING``, the
        ones that were there are compared by content hash (:meth:`_quarantine`), and
        only the new ones reach the readable tables and the sealed bundles (one per
        run of new sequence numbers)."""
        tmp = sql.Identifier("gz_in_change")
        conn.execute(sql.SQL("CREATE TEMP TABLE {} (device_id uuid, seq bigint, hlc bigint, "
                             "hash bytea) ON COMMIT DROP").format(tmp))
        self._copy_changes(conn, tmp, changes)
        conn.execute(sql.SQL(
            "INSERT INTO {} (device_id, seq, hlc, hash) SELECT device_id, seq, hlc, hash "
            "FROM {} ON CONFLICT (device_id, seq) DO NOTHING").format(
            self._t("hub_change"), tmp))
        new = set(seqs) - existing
        fresh = [e for e in entries if int(e["s"]) in new]
        problems = self._quarantine(conn, device_id, entries, changes.hashes(), new)
        readable = fill_readable(readable_job(), device_id.hex, fresh)
        for table in pg_schema.READABLE:
            self._merge_readable(conn, table, readable[table].result())
        for seq_from, seq_to in _runs(new):
            part = [e for e in fresh if seq_from <= int(e["s"]) <= seq_to]
            self._store_bundle(conn, device_id, part, self._seal(device_id, part))
        return problems

    @staticmethod
    def _copy_changes(conn: Conn, target: sql.Identifier, changes: _ChangeRows) -> None:
        with conn.cursor().copy(sql.SQL(
                "COPY {} (device_id, seq, hlc, hash) FROM STDIN (FORMAT binary)").format(
                target)) as cp:
            cp.write(pg_rows.COPY_BINARY_HEADER)
            for data in changes.chunks():
                cp.write(data)
            cp.write(pg_rows.COPY_BINARY_TRAILER)

    def _store_bundle(self, conn: Conn, device_id: uuid.UUID, entries: list[dict[str, Any]],
                      payload: bytes) -> None:
        """The sealed bundle of ``entries``, under the sequence range of its header."""
        hlcs = [int(e["h"]) for e in entries]
        conn.execute(sql.SQL(
            "INSERT INTO {} (device_id, seq_from, seq_to, hlc_min, hlc_max, payload) "
            "VALUES (%s, %s, %s, %s, %s, %b)").format(self._t("hub_bundle")),
            (device_id, int(entries[0]["s"]), int(entries[-1]["s"]), min(hlcs), max(hlcs),
             payload))

    def _quarantine(self, conn: Conn, device_id: uuid.UUID, entries: list[dict[str, Any]],
                    hashes: list[bytes], new: set[int]) -> list[HubProblem]:
        """Rows that were there already: same hash is a no-op; other content is kept
        apart (sealed) and reported, never applied."""
        mine = {int(e["s"]): (e, h) for e, h in zip(entries, hashes, strict=True)
                if int(e["s"]) not in new}
        stored = conn.execute(sql.SQL(
            "SELECT seq, hash FROM {} WHERE device_id = %s AND seq = ANY(%s)").format(
            self._t("hub_change")), (device_id, list(mine))).fetchall()
        problems = []
        for seq, h in stored:
            e, mine_hash = mine[int(seq)]
            if bytes(h) == mine_hash:
                continue
            reason = QUARANTINE_REASON.format(seq=seq)
            conn.execute(sql.SQL(
                "INSERT INTO {} (device_id, seq, hash, payload, reason) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING").format(
                self._t("hub_quarantine")),
                (device_id, seq, mine_hash, self._seal(device_id, [e]), reason))
            problems.append(HubProblem(_qsource(device_id, int(seq)), device_id,
                                       "quarantined", reason, mine_hash.hex()))
        return problems

    def _merge_readable(self, conn: Conn, table: str, rows: TableStream) -> None:
        """Upsert one table's readable rows, field by field: a value replaces the
        stored one only when its version (hlc, device) is newer. Tables in a fixed
        order and rows by id, so two pushes touching the same rows cannot deadlock."""
        if rows.empty:
            return
        cols = [c for c, _ in pg_schema.READABLE[table]]
        all_cols = sql.SQL(", ").join(map(sql.Identifier, [
            "id", *cols, "hlc", "sync_version", "sync_versions"]))
        target = self._t(pg_schema.state_table(table))  # a view may gate it (consent)
        if rows.inserts_only:
            # Every record's insert is in this push, so they are new: straight in. If
            # one is there after all (written by another device), nothing of this
            # table is kept from the COPY and all its rows are merged below.
            try:
                with conn.transaction(), conn.cursor().copy(sql.SQL(
                        "COPY {} ({}) FROM STDIN").format(target, all_cols)) as cp:
                    for text in rows.chunks():
                        cp.write(text)
                return
            except psycopg.errors.UniqueViolation:
                pass
        # Records that may be there already: into a temporary table, then ONE upsert.
        tmp = sql.Identifier(f"gz_in_{table}")
        conn.execute(sql.SQL("CREATE TEMP TABLE {} (LIKE {}) ON COMMIT DROP").format(
            tmp, target))
        with conn.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(
                tmp, all_cols)) as cp:
            for text in rows.chunks():
                cp.write(text)

        def eff(side: str, c: str) -> sql.Composable:
            return sql.SQL("COALESCE({s}.sync_versions->>{k}, {s}.sync_version)").format(
                s=sql.SQL(side), k=sql.Literal(c))

        newer = {c: sql.SQL("{} > {}").format(eff("excluded", c), eff("t", c)) for c in cols}
        sets: list[sql.Composable] = [
            sql.SQL("{c} = CASE WHEN {n} THEN excluded.{c} ELSE t.{c} END").format(
                c=sql.Identifier(c), n=newer[c]) for c in cols]
        sets.append(sql.SQL("hlc = GREATEST(t.hlc, excluded.hlc)"))
        sets.append(sql.SQL(
            "sync_versions = t.sync_versions || jsonb_strip_nulls(jsonb_build_object({}))"
        ).format(sql.SQL(", ").join(
            sql.SQL("{k}, CASE WHEN {n} THEN {e} END").format(
                k=sql.Literal(c), n=newer[c], e=eff("excluded", c)) for c in cols)))
        conn.execute(sql.SQL(
            "INSERT INTO {target} AS t ({cols}) SELECT {cols} FROM {tmp} ORDER BY id "
            "ON CONFLICT (id) DO UPDATE SET {sets}").format(
            target=target, cols=all_cols, tmp=tmp, sets=sql.SQL(", ").join(sets)))

    # -- redaction (docs/erasure.md) -----------------------------------------------------
    def redact(self, device_id: uuid.UUID, changed: Mapping[int, str]) -> int:
        """Rewrite this device's own stored changes that were redacted after an
        erasure (``changed``: seq -> redacted fields text), in ONE transaction:
        each affected sealed bundle is re-sealed with the redacted entries (same
        sequence range, marked as a redaction), their content hashes are updated,
        and this device's quarantined copies of those changes are removed. The
        readable tables hold no personal columns; they already got the blank
        values from the erasure itself. Return the number of bundles rewritten."""
        if self.signing_key is None:
            raise RuntimeError("a PgHub needs the signing key to redact")
        if not changed:
            return 0
        public = bundle.unb64(bundle.public_key_b64(self.signing_key))
        seqs = sorted(changed)
        done = 0
        try:
            conn = self._connection()
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))",
                             (f"gezond-push:{self.schema}:{device_id}",))
                rows = conn.execute(sql.SQL(
                    "SELECT seq_from, seq_to, payload FROM {} WHERE device_id = %s "
                    "AND seq_to >= %s AND seq_from <= %s ORDER BY seq_from FOR UPDATE").format(
                    self._t("hub_bundle")), (device_id, seqs[0], seqs[-1])).fetchall()
                for seq_from, seq_to, payload in rows:
                    if not any(int(seq_from) <= s <= int(seq_to) for s in seqs):
                        continue
                    new = bundle.redacted_copy(bytes(payload), changed, self.team_key,
                                               public, self.signing_key)
                    if new is None:
                        continue
                    _, entries = bundle.decode(new, self.team_key, public)
                    conn.execute(sql.SQL(
                        "UPDATE {} SET payload = %s WHERE device_id = %s AND seq_from = %s"
                    ).format(self._t("hub_bundle")), (new, device_id, seq_from))
                    with conn.cursor() as cur:
                        cur.executemany(sql.SQL(
                            "UPDATE {} SET hash = %s WHERE device_id = %s AND seq = %s").format(
                            self._t("hub_change")),
                            [(content_hash(self.team_key, e), device_id, int(e["s"]))
                             for e in entries if int(e["s"]) in changed])
                    done += 1
                conn.execute(sql.SQL(
                    "DELETE FROM {} WHERE device_id = %s AND seq = ANY(%s)").format(
                    self._t("hub_quarantine")), (device_id, seqs))
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc
        return done

    # -- pulling ------------------------------------------------------------------------
    def pull(self, watermark: Watermark, pinned_key: PinnedKey, skip: frozenset[uuid.UUID],
             known: Mapping[str, HubProblem]) -> Iterator[IncomingBatch | HubProblem]:
        try:
            conn = self._connection()
            quarantined = conn.execute(sql.SQL(
                "SELECT device_id, seq, reason, hash FROM {} ORDER BY device_id, seq").format(
                self._t("hub_quarantine"))).fetchall()
            tops = conn.execute(sql.SQL(
                "SELECT device_id, MAX(seq_to) FROM {} GROUP BY device_id ORDER BY device_id"
            ).format(self._t("hub_bundle"))).fetchall()
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc
        for dev, seq, reason, h in quarantined:
            yield HubProblem(_qsource(dev, int(seq)), dev, "quarantined", reason, bytes(h).hex())
        published: dict[uuid.UUID, DeviceInfo] | None = None
        for dev, top in tops:
            if dev in skip:
                continue
            wm = watermark(dev)
            if int(top) <= wm:
                continue
            key = pinned_key(dev)
            if key is None:
                if published is None:
                    published = self.devices()
                info = published.get(dev)
                key = info.public_key if info else ""
            yield from self._pull_device(conn, dev, wm, key)

    def _pull_device(self, conn: Conn, dev: uuid.UUID, wm: int, key: str
                     ) -> Iterator[IncomingBatch | HubProblem]:
        try:
            ranges = conn.execute(sql.SQL(
                "SELECT seq_from, seq_to FROM {} WHERE device_id = %s AND seq_to > %s "
                "ORDER BY seq_from").format(self._t("hub_bundle")), (dev, wm)).fetchall()
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc
        for seq_from, seq_to in ranges:
            try:
                row = conn.execute(sql.SQL(
                    "SELECT payload, (extract(epoch FROM received_at) * 1000)::bigint "
                    "FROM {} WHERE device_id = %s AND seq_from = %s").format(
                    self._t("hub_bundle")), (dev, seq_from)).fetchone()
            except psycopg.OperationalError as exc:
                raise self._lost(exc) from exc
            if row is None:
                continue
            data, seen_ms = bytes(row[0]), int(row[1])
            source = f"{dev}/{int(seq_from):012d}-{int(seq_to):012d}"
            try:
                yield self._open(dev, int(seq_from), int(seq_to), data, key, seen_ms, source)
            except bundle.BundleProblem as p:
                yield HubProblem(source, dev, p.state, p.reason,
                                 hashlib.sha256(data).hexdigest())

    def _open(self, dev: uuid.UUID, seq_from: int, seq_to: int, data: bytes, public_key: str,
              seen_ms: int, source: str) -> IncomingBatch:
        header, _ = bundle.read_header(data)
        h = header.data
        if h.get("device_id") != str(dev):
            raise bundle.BundleProblem(
                "Deze gegevens staan in de hub onder een ander apparaat dan het apparaat "
                "dat ze heeft gemaakt.")
        if (header.seq_from, header.seq_to) != (seq_from, seq_to):
            raise bundle.BundleProblem(
                "De nummers in de hub passen niet bij de inhoud: de gegevens zijn veranderd.")
        if h.get("hub_id") != self._hub_id:
            raise bundle.BundleProblem("Deze gegevens horen bij een andere hub.")
        if not public_key:
            raise bundle.BundleProblem(
                "Van dit apparaat is geen sleutel bekend in de hub; de gegevens kunnen niet "
                "worden gecontroleerd.")
        _, entries = bundle.decode(data, self.team_key, bundle.unb64(public_key))
        return IncomingBatch(
            device_id=dev, seq_from=seq_from, seq_to=seq_to,
            schema_version=int(h.get("schema_version", 1)), entries=entries, source=source,
            bundle_hash=hashlib.sha256(data).hexdigest(), prev_hash=str(h.get("prev_hash", "")),
            sent_at_ms=int(h.get("exported_at_ms", seen_ms)), hub_seen_at_ms=seen_ms,
            public_key=public_key)


def _qsource(dev: uuid.UUID, seq: int) -> str:
    return f"{dev}/quarantaine-{seq:012d}"


def _app_version() -> str:
    try:
        from .. import __version__

        return str(__version__)
    except ImportError:  # pragma: no cover
        return "?"


__all__ = ["KIND", "PgHub", "connect", "content_hash", "content_hashes", "create_pg_hub",
           "hub_config", "hub_from_config", "split_url", "store_password"]
