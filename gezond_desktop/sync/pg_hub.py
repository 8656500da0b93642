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
  changes, field by field, last writer wins by (hlc, device).
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
import gc
import hashlib
import json
import re
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import psycopg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from psycopg import sql

from . import bundle, pg_schema
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


# -- what a push stores besides the sealed payload -----------------------------------------
def content_hash(team_key: bytes, entry: Mapping[str, Any]) -> bytes:
    """Keyed hash of one change's content: equal content, equal hash; the server
    cannot test guesses against it without the team key."""
    return content_hashes(team_key, (entry,))[0]


def content_hashes(team_key: bytes, entries: Iterable[Mapping[str, Any]]) -> list[bytes]:
    """:func:`content_hash` of each entry (the keyed state is set up once)."""
    base = hashlib.blake2b(key=team_key[:64], digest_size=32)
    out = []
    for e in entries:
        h = base.copy()
        h.update(f"{e['s']}\x1f{e['h']}\x1f{e['e']}\x1f{e['r']}\x1f{e['o']}\x1f"
                 f"{e.get('w') or ''}\x1f{e['f']}\x1f{e.get('p') or '{}'}".encode())
        out.append(h.digest())
    return out


def version_key(hlc: int, device_hex: str) -> str:
    """Sortable text form of a field version (hlc, device): compares like the engine."""
    return f"{hlc:020d}:{device_hex}"


# -- COPY text format, built in one pass (psycopg's per-value dumpers are the slow part)
_COPY_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


# values, base version (the insert's; '' when none), per-field versions, highest hlc
ReadableRow = list[Any]


def readable_rows(device_hex: str, entries: Iterable[Mapping[str, Any]]
                  ) -> dict[str, dict[str, ReadableRow]]:
    """Per readable table and record: the allowlisted fields these changes set
    (the newest version per field), their versions and the highest hlc.
    Personal fields never get here: only :data:`.pg_schema.READABLE` columns."""
    allowed = {t: frozenset(c for c, _ in cols) for t, cols in pg_schema.READABLE.items()}
    listed = {t: tuple(c for c, _ in cols) for t, cols in pg_schema.READABLE.items()}
    out: dict[str, dict[str, ReadableRow]] = {t: {} for t in allowed}
    loads, decode = json.loads, json.JSONDecoder().raw_decode
    for e in entries:
        cols = allowed.get(e["e"])
        if cols is None:
            continue
        fields = e["f"]
        if isinstance(fields, str):
            try:  # raw_decode: json.loads without its two whitespace regex scans
                fields, end = decode(fields)
                if end != len(e["f"]):
                    fields = loads(e["f"])
            except ValueError:
                fields = loads(e["f"])
        hlc = int(e["h"])
        key = f"{hlc:020d}:{device_hex}"
        recs = out[e["e"]]
        rid = e["r"]
        row = recs.get(rid)
        if row is None:
            values = {c: fields[c] for c in listed[e["e"]] if c in fields}
            if e["o"] == "insert":
                recs[rid] = [values, key, {}, hlc]
            else:
                recs[rid] = [values, "", dict.fromkeys(values, key), hlc]
            continue
        values, base, versions = row[0], row[1], row[2]
        for f, v in fields.items():
            if f in cols and key > versions.get(f, base):
                values[f] = v
                versions[f] = key
        if hlc > row[3]:
            row[3] = hlc
    return {t: recs for t, recs in out.items() if recs}


def _array_literal(values: list[Any]) -> str:
    """A PostgreSQL array literal of a flat list (text elements quoted)."""
    parts = []
    for x in values:
        if type(x) is str:
            if '"' in x or "\\" in x:
                x = x.replace("\\", "\\\\").replace('"', '\\"')
            parts.append(f'"{x}"')
        elif x is None:
            parts.append("NULL")
        elif isinstance(x, int | float) and not isinstance(x, bool):
            parts.append(str(x))
        else:
            parts.append('"' + json.dumps(x).replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "{" + ",".join(parts) + "}"


def _copy_text(v: Any) -> str:
    """One value in ``COPY`` text format (JSON-like values: None, bool, numbers,
    text, flat lists for array columns)."""
    if type(v) is str:
        if "\\" in v or "\t" in v or "\n" in v or "\r" in v:
            return v.translate(_COPY_ESCAPE)
        return v
    if v is None:
        return "\\N"
    if v is True or v is False:
        return "t" if v else "f"
    if isinstance(v, int | float):
        return str(v)
    if isinstance(v, list):
        return _copy_text(_array_literal(v))
    return _copy_text(json.dumps(v))


Lines = tuple[list[str], list[str]]  # record ids (sorted) and their COPY text lines


def _clean_cell(v: Any) -> str:
    """:func:`_copy_text` of a value from JSON text without any backslash: its
    strings hold no quote, backslash, tab or newline."""
    if type(v) is list:
        if not v:
            return "{}"
        try:
            return '{"' + '","'.join(v) + '"}'
        except TypeError:  # not all text
            pass
    return _copy_text(v)


def readable_lines(device_hex: str, entries: Iterable[Mapping[str, Any]]
                   ) -> Iterator[tuple[str, Lines]]:
    """:func:`readable_rows` as ``COPY`` text lines per table (in the order of
    :data:`.pg_schema.READABLE`), sorted by record id: (id, the table's columns,
    hlc, sync_version, sync_versions)."""
    entries = list(entries)
    # JSON text without a backslash holds no string with a backslash, tab or newline
    # (JSON escapes those): the text values of such records need no COPY escaping.
    escape = {(e["e"], e["r"]) for e in entries
              if not isinstance(e["f"], str) or "\\" in e["f"]}
    dumps = json.dumps
    text = _copy_text
    for table, recs in readable_rows(device_hex, entries).items():
        cols = [c for c, _ in pg_schema.READABLE[table]]
        ids = sorted(recs)
        lines = []
        for rid in ids:
            values, base, versions, hlc = recs[rid]
            get = values.get
            if (table, rid) in escape:
                cells = [text(get(c)) for c in cols]
            else:
                cells = [v if type(v) is str else "\\N" if v is None else _clean_cell(v)
                         for v in map(get, cols)]
            lines.append(f"{text(str(rid))}\t{chr(9).join(cells)}\t{int(hlc)}\t"
                         f"{base}\t{text(dumps(versions)) if versions else '{}'}\n")
        yield table, (ids, lines)


ReadableJob = dict[str, "Future[Lines]"]


def readable_job() -> ReadableJob:
    """One (empty) future per readable table, for :func:`fill_readable`."""
    return {t: Future() for t in pg_schema.READABLE}


def fill_readable(job: ReadableJob, device_hex: str, entries: list[dict[str, Any]]
                  ) -> ReadableJob:
    """Set each table's lines as soon as they are made: the push sends the first
    tables while the next are being prepared."""
    try:
        by_table: dict[str, list[dict[str, Any]]] = {t: [] for t in job}
        for e in entries:
            part = by_table.get(e["e"])
            if part is not None:
                part.append(e)
        for table, part in by_table.items():
            job[table].set_result(dict(readable_lines(device_hex, part)).get(table, ([], [])))
    except BaseException as exc:
        for f in job.values():
            if not f.done():
                f.set_exception(exc)
        raise
    return job


def _write_chunked(cp: psycopg.Copy, lines: list[str], size: int = 16384) -> None:
    """Send COPY lines in chunks: the server parses one while the next is joined."""
    for i in range(0, len(lines), size):
        cp.write("".join(lines[i:i + size]))


_runtime_lock = threading.Lock()
_runtime_users = 0
_runtime_saved: tuple[bool, float] = (True, 0.005)


@contextlib.contextmanager
def _push_runtime() -> Iterator[None]:
    """While any push runs in this process: the cyclic garbage collector paused
    (tens of thousands of short-lived dicts, no reference cycles) and a short GIL
    switch interval (the worker thread holds the GIL while the pushing thread waits
    for the server; at the default 5 ms every round trip can wait that long).
    Counted, so that pushes in several threads restore the settings once."""
    global _runtime_users, _runtime_saved
    with _runtime_lock:
        if _runtime_users == 0:
            _runtime_saved = (gc.isenabled(), sys.getswitchinterval())
            gc.disable()
            sys.setswitchinterval(min(_runtime_saved[1], SWITCH_INTERVAL))
        _runtime_users += 1
    try:
        yield
    finally:
        with _runtime_lock:
            _runtime_users -= 1
            if _runtime_users == 0:
                sys.setswitchinterval(_runtime_saved[1])
                if _runtime_saved[0]:
                    gc.enable()


def _runs(seqs: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s in sorted(seqs):
        if out and out[-1][1] == s - 1:
            out[-1] = (out[-1][0], s)
        else:
            out.append((s, s))
    return out


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
        return bundle.encode(header, entries, self.team_key, self.signing_key)

    def push(self, batch: OutgoingBatch) -> PushAck:
        if self.signing_key is None:
            raise RuntimeError("a PgHub needs the signing key to push")
        self.last_push_problems = []
        if not batch.entries:
            return PushAck(batch.device_id, self.stored_seq(batch.device_id), "")
        with _push_runtime():
            return self._push(batch)

    def _push(self, batch: OutgoingBatch) -> PushAck:
        entries = sorted(batch.entries, key=lambda e: int(e["s"]))
        hashes = content_hashes(self.team_key, entries)
        # One worker thread prepares the readable rows, table by table (the first
        # tables are sent while the next are made), then seals the whole batch (the
        # common case is "all new"); meanwhile this thread sends the change rows.
        with ThreadPoolExecutor(1, thread_name_prefix="gezond-push") as pool:
            readable = readable_job()
            pool.submit(fill_readable, readable, batch.device_id.hex, entries)
            sealed = pool.submit(self._seal, batch.device_id, entries)
            for attempt in range(RETRIES):
                try:
                    ack = self._push_tx(batch.device_id, entries, hashes, sealed, readable)
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

    def _push_tx(self, device_id: uuid.UUID, entries: list[dict[str, Any]],
                 hashes: list[bytes], sealed: Future[bytes],
                 readable: ReadableJob) -> PushAck:
        conn = self._connection()
        problems: list[HubProblem] = []
        with conn.transaction():
            # One push per device at a time (two threads of one device, a retry racing
            # a slow first attempt); different devices do not wait for each other here.
            # (work_mem: the readable merge sorts its rows by id in memory, not on disk.)
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s)), "
                         "set_config('work_mem', '64MB', true)",
                         (f"gezond-push:{self.schema}:{device_id}",))
            # Under that lock the rows of this device cannot change: what is there
            # already is exactly what the insert below will skip.
            seqs = [int(e["s"]) for e in entries]
            existing = {int(r[0]) for r in conn.execute(sql.SQL(
                "SELECT seq FROM {} WHERE device_id = %s AND seq BETWEEN %s AND %s").format(
                self._t("hub_change")), (device_id, seqs[0], seqs[-1]))}
            dev = str(device_id)
            if not existing and len(set(seqs)) == len(seqs):
                # All new (the common case): straight in. The primary key still
                # guards it: a row that appeared anyway makes the push retry.
                with conn.cursor().copy(sql.SQL(
                        "COPY {} (device_id, seq, hlc, hash) FROM STDIN").format(
                        self._t("hub_change"))) as cp:
                    _write_chunked(cp, [f"{dev}\t{s}\t{int(e['h'])}\t\\\\x{h.hex()}\n"
                                        for s, e, h in zip(seqs, entries, hashes, strict=True)])
            else:
                conn.execute("CREATE TEMP TABLE gz_in_change (seq bigint, hlc bigint, "
                             "hash bytea) ON COMMIT DROP")
                with conn.cursor().copy("COPY gz_in_change (seq, hlc, hash) FROM STDIN") as cp:
                    _write_chunked(cp, [f"{s}\t{int(e['h'])}\t\\\\x{h.hex()}\n"
                                        for s, e, h in zip(seqs, entries, hashes, strict=True)])
                conn.execute(sql.SQL(
                    "INSERT INTO {} (device_id, seq, hlc, hash) "
                    "SELECT %s, seq, hlc, hash FROM gz_in_change "
                    "ON CONFLICT (device_id, seq) DO NOTHING").format(
                    self._t("hub_change")), (device_id,))
            new = set(seqs) - existing if existing else set(seqs)
            fresh = entries
            if len(new) != len(entries):
                fresh = [e for e in entries if int(e["s"]) in new]
                problems = self._quarantine(conn, device_id, entries, hashes, new)
                readable = fill_readable(readable_job(), device_id.hex, fresh)
            self._merge_readable(conn, readable)
            for seq_from, seq_to in _runs(new):
                if len(fresh) == len(entries):
                    payload = sealed.result()
                    part = entries
                else:
                    part = [e for e in fresh if seq_from <= int(e["s"]) <= seq_to]
                    payload = self._seal(device_id, part)
                hlcs = [int(e["h"]) for e in part]
                conn.execute(sql.SQL(
                    "INSERT INTO {} (device_id, seq_from, seq_to, hlc_min, hlc_max, payload) "
                    "VALUES (%s, %s, %s, %s, %s, %s)").format(self._t("hub_bundle")),
                    (device_id, seq_from, seq_to, min(hlcs), max(hlcs), payload))
        self.last_push_problems = problems
        seq_from, seq_to = int(entries[0]["s"]), int(entries[-1]["s"])
        return PushAck(device_id, seq_to, f"{device_id}/{seq_from:012d}-{seq_to:012d}")

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

    def _merge_readable(self, conn: Conn, readable: ReadableJob) -> None:
        """Upsert the readable rows, field by field: a value replaces the stored one
        only when its version (hlc, device) is newer. Tables in a fixed order and
        rows by id, so two pushes touching the same rows cannot deadlock."""
        for table, cols_types in pg_schema.READABLE.items():
            ids, lines = readable[table].result()
            if not ids:
                continue
            cols = [c for c, _ in cols_types]
            all_cols = sql.SQL(", ").join(map(sql.Identifier, [
                "id", *cols, "hlc", "sync_version", "sync_versions"]))
            target = self._t(pg_schema.state_table(table))  # a view may gate it (consent)
            # The ids as one array literal (a text parameter): far cheaper to send than
            # a list of tens of thousands of values.
            there = {str(r[0]) for r in conn.execute(sql.SQL(
                "SELECT id FROM {} WHERE id = ANY(%s::uuid[])").format(target),
                (_array_literal(ids),))}
            # Records not there yet go straight in (if another push adds one meanwhile,
            # the unique violation makes the whole push retry); the others are merged.
            with conn.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(
                    target, all_cols)) as cp:
                _write_chunked(cp, [line for rid, line in zip(ids, lines, strict=True)
                                    if rid not in there] if there else lines)
            if not there:
                continue
            tmp = sql.Identifier(f"gz_in_{table}")
            conn.execute(sql.SQL("CREATE TEMP TABLE {} (LIKE {}) ON COMMIT DROP").format(
                tmp, target))
            with conn.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(
                    tmp, all_cols)) as cp:
                _write_chunked(cp, [line for rid, line in zip(ids, lines, strict=True)
                                    if rid in there])

            def eff(side: str, c: str) -> sql.Composable:
                return sql.SQL("COALESCE({s}.sync_versions->>{k}, {s}.sync_version)").format(
                    s=sql.SQL(side), k=sql.Literal(c))

            newer = {c: sql.SQL("{} > {}").format(eff("excluded", c), eff("t", c))
                     for c in cols}
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


__all__ = ["KIND", "PgHub", "connect", "content_hash", "create_pg_hub", "hub_config",
           "hub_from_config", "readable_rows", "split_url", "store_password"]
