"""Opening the local SQLite store: pragmas, migrations with backup, device identity,
and the one way to write (:meth:`Database.write`)."""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StorageError
from ..ids import uuid7
from ..models import Device, DeviceClock, LocalSetting
from ..peek import DB_FILENAME
from ..security import crypto
from . import changes
from .changes import WriteContext

log = logging.getLogger(__name__)

TOKEN_FILENAME = "device-token"


class GezondSession(Session):
    """ORM session whose flushes write the change log (see :mod:`.changes`)."""


changes.install(GezondSession)


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # We emit BEGIN ourselves (see _on_begin), so pysqlite must not.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA temp_store=MEMORY")
    # Removed or overwritten content (an unprotected master key, old tokens) is
    # overwritten with zeros, not left in free pages.
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def _on_begin(conn: Any) -> None:
    if conn.get_execution_options().get("begin_immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    """The engine of one database file, with its own :class:`~..security.crypto.Keyring`
    (``engine.dialect.gezond_keyring``: what the sealed columns encrypt with)."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    ring = crypto.Keyring()
    engine.dialect.gezond_keyring = ring  # type: ignore[attr-defined]

    def plain(value: Any) -> Any:
        if crypto.is_token(value):
            return ring.decrypt(value) or ""
        return value

    def on_connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
        _on_connect(dbapi_conn, record)
        # gz_plain(column): the decrypted text, for searching sealed columns.
        dbapi_conn.create_function("gz_plain", 1, plain, deterministic=True)

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _file_identity(path: Path) -> str:
    st = path.stat()
    return f"{st.st_dev}:{st.st_ino}"


class Database:
    """The local store of one data folder.

    Open it with :meth:`open`; read with ``with db.read() as s``; write with
    ``with db.write(worker_id) as s``. A session lives for one user action.
    """

    def __init__(self, data_dir: Path, engine: Engine) -> None:
        self.data_dir = data_dir
        self.path = data_dir / DB_FILENAME
        self.engine = engine
        self._read = sessionmaker(engine, class_=GezondSession, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(begin_immediate=True),
            class_=GezondSession,
            expire_on_commit=False,
        )
        self.device_id: uuid.UUID = uuid.UUID(int=0)
        ring = getattr(engine.dialect, "gezond_keyring", None)
        if ring is None:  # an engine not made by make_engine()
            ring = engine.dialect.gezond_keyring = crypto.Keyring()  # type: ignore[attr-defined]
        self.keyring: crypto.Keyring = ring

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path | str, device_name: str | None = None) -> Database:
        from .migrate import migrate

        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"De map {data_dir} kan niet worden gemaakt. Kies een andere map "
                "waar u mag schrijven."
            ) from exc
        if not os.access(data_dir, os.W_OK):
            raise StorageError(
                f"In de map {data_dir} mag Gezond Desktop niet schrijven. "
                "Kies een andere map of vraag uw beheerder om schrijfrechten."
            )
        engine = make_engine(data_dir / DB_FILENAME)
        try:
            migrate(engine, data_dir)
        except OperationalError as exc:
            engine.dispose()
            raise StorageError(
                "De gegevens kunnen niet worden geopend. Sluit andere vensters van "
                "Gezond Desktop en probeer het opnieuw."
            ) from exc
        except BaseException:
            engine.dispose()
            raise
        db = cls(data_dir, engine)
        db._ensure_device(device_name)
        db._open_keys()
        return db

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ensure_device(self, device_name: str | None) -> None:
        """Give this database file a device id, and a new one if it was copied or
        restored: a device id is never reused, so sequence numbers never repeat."""
        token_file = self.data_dir / TOKEN_FILENAME
        identity = _file_identity(self.path)
        file_token = token_file.read_text().strip() if token_file.exists() else None
        token = secrets.token_hex(16)
        known: uuid.UUID | None = None
        # The usual start: one short write transaction in plain SQL reads the identity
        # and rotates the token (see _rotate_token), with no ORM statement to compile.
        with self._write() as s, s.begin():
            conn = s.connection()
            settings: dict[str, str] = {
                str(k): str(v) for k, v in conn.exec_driver_sql(_IDENTITY_SQL, _IDENTITY_KEYS)}
            current = settings.get("device_id")
            same_file = settings.get("file_identity") == identity
            same_token = file_token is not None and settings.get("device_token") == file_token
            if current and same_file and same_token:
                known = uuid.UUID(current)
                conn.exec_driver_sql(_PUT_SETTING_SQL, ("device_token", token))
        if known is not None:
            self.device_id = known
            _write_token_file(token_file, token)
            return
        with self._write() as s, s.begin():
            old = uuid.UUID(current) if current else None
            new_id = uuid7()
            if old is not None:
                log.warning("database file was copied or restored: device %s -> %s", old, new_id)
            s.add(DeviceClock(device_id=new_id, last_seq=0, last_hlc=0, acked_seq=0))
            for key, value in (
                ("device_id", str(new_id)),
                ("file_identity", identity),
                ("device_token", token),
            ):
                s.merge(LocalSetting(key=key, value=value))
            if not device_name and old is not None:
                prev = s.get(Device, old)
                device_name = prev.name if prev else None
            s.info["write"] = WriteContext(device_id=new_id, worker_id=None)
            s.add(
                Device(
                    id=new_id,
                    name=device_name or os.uname().nodename or "Deze computer",
                    replaces_device_id=old,
                )
            )
            s.flush()
            _write_token_file(token_file, token)
        self.device_id = new_id

    def _rotate_token(self) -> None:
        """Give the database and its sidecar file a fresh shared token.

        Done at every start and after every backup: a backup (or an old copy of the
        file) carries an older token, so restoring it is noticed at the next start
        and the restored file gets a new device id instead of reusing sequence
        numbers that were already handed out."""
        token = secrets.token_hex(16)
        with self._write() as s, s.begin():
            s.connection().exec_driver_sql(_PUT_SETTING_SQL, ("device_token", token))
        _write_token_file(self.data_dir / TOKEN_FILENAME, token)

    def backup(self, target_dir: Path | None = None, label: str = "reservekopie") -> Path:
        """A consistent copy of the database (SQLite backup API, never a file copy)."""
        from .migrate import BACKUP_DIR, backup

        path = backup(self.path, target_dir or self.data_dir / BACKUP_DIR, label)
        self._rotate_token()
        return path

    # -- keys (see docs/encryption.md) --------------------------------------------
    @property
    def locked(self) -> bool:
        """True while personal data cannot be read or written (nobody signed in
        on a database whose master key is protected)."""
        return not self.keyring.unlocked

    @property
    def master_key(self) -> bytes | None:
        return self.keyring.master_key

    def _open_keys(self) -> None:
        """Load the keyring; make one (with a new master key) the first time.

        Until the first account exists the master key is kept unprotected (flagged
        by its setting name); afterwards only wrapped, and the database opens
        locked until someone signs in (:meth:`unlock`)."""
        sealed = self.setting(KEYRING_SETTING)
        plain = self.setting(UNPROTECTED_MK_SETTING)
        if sealed is None:
            mk = crypto.new_master_key()
            kid, key = crypto.new_data_key()
            with self._write() as s, s.begin():
                conn = s.connection()
                conn.exec_driver_sql(_PUT_SETTING_SQL, (
                    KEYRING_SETTING, crypto.seal_keyring(mk, {kid: key}, kid)))
                conn.exec_driver_sql(_PUT_SETTING_SQL, (
                    UNPROTECTED_MK_SETTING, crypto.b64u(mk)))
            self.keyring.load(mk, {kid: key}, kid)
            return
        if plain:
            self.unlock(crypto.unb64u(plain))

    def unlock(self, master_key: bytes) -> None:
        """Open the keyring with ``master_key`` (from a password or recovery key)."""
        sealed = self.setting(KEYRING_SETTING)
        if sealed is None:
            raise crypto.WrongKey()
        keys, current = crypto.open_keyring(master_key, sealed)
        self.keyring.load(master_key, keys, current)

    def lock(self) -> None:
        """Forget the keys (personal data reads as empty until the next unlock)."""
        if self.setting(UNPROTECTED_MK_SETTING) is None:
            self.keyring.lock()

    def add_data_key(self, key_id: str, key: bytes, make_current: bool = True) -> None:
        """Add a (team) data key to the keyring; new values use it when
        ``make_current``. Older keys stay for reading."""
        mk = self.keyring.master_key
        if mk is None:
            raise crypto.DataLocked("De sleutels zijn vergrendeld. Meld u eerst aan in "
                                    "Gezond Desktop en probeer het dan opnieuw.")
        keys = self.keyring.keys()
        if keys.get(key_id, key) != key:
            raise ValueError(f"another key with id {key_id} is already in the keyring")
        keys[key_id] = key
        current = key_id if make_current else str(self.keyring.current)
        self.set_setting(KEYRING_SETTING, crypto.seal_keyring(mk, keys, current))
        self.keyring.load(mk, keys, current)

    def current_data_key(self) -> tuple[str, bytes]:
        kid = self.keyring.current
        if kid is None:
            raise crypto.DataLocked()
        return kid, self.keyring.keys()[kid]

    def forget_unprotected_master_key(self) -> None:
        """Remove the unprotected copy of the master key (once an account holds it
        wrapped) and push the removal through the write-ahead log into the file."""
        if self.setting(UNPROTECTED_MK_SETTING) is None:
            return
        self.delete_setting(UNPROTECTED_MK_SETTING)
        self.checkpoint()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file and empty it."""
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    # -- sessions ----------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session for one user action."""
        with self._read() as s:
            yield s

    @contextmanager
    def write(self, worker_id: uuid.UUID | None) -> Iterator[Session]:
        """A write transaction for one user action: commit on success, roll back on
        any error; every synced record saved here gets its change log entry."""
        with self._write() as s:
            s.info["write"] = WriteContext(device_id=self.device_id, worker_id=worker_id)
            try:
                with s.begin():
                    yield s
            except OperationalError as exc:
                raise _storage_error(exc) from exc

    def setting(self, key: str, default: str | None = None) -> str | None:
        # Plain SQL: read at start-up (current profile, last sync) and often after.
        with self.read() as s:
            row = s.connection().exec_driver_sql(_GET_SETTING_SQL, (key,)).first()
            return str(row[0]) if row is not None and row[0] is not None else default

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as s, s.begin():
            s.merge(LocalSetting(key=key, value=value))

    def delete_setting(self, key: str) -> None:
        with self._write() as s, s.begin():
            s.execute(delete(LocalSetting).where(LocalSetting.key == key))


KEYRING_SETTING = "crypto.keyring"  # the data keys, sealed under the master key
UNPROTECTED_MK_SETTING = "crypto.master_key.unprotected"  # only before the first account
RECOVERY_SETTING = "crypto.master_key.recovery"  # the master key under the recovery key
_IDENTITY_KEYS = ("device_id", "file_identity", "device_token")
_IDENTITY_SQL = "SELECT key, value FROM local_setting WHERE key IN (?, ?, ?)"
_GET_SETTING_SQL = "SELECT value FROM local_setting WHERE key = ?"
_PUT_SETTING_SQL = (
    "INSERT INTO local_setting (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)


def _write_token_file(token_file: Path, token: str) -> None:
    tmp = token_file.with_suffix(".tmp")
    tmp.write_text(token)
    os.replace(tmp, token_file)


def _storage_error(exc: OperationalError) -> StorageError:
    text = str(exc.orig).lower() if exc.orig else str(exc).lower()
    if "full" in text:
        return StorageError(
            "De schijf is vol. Er is niets opgeslagen. Maak ruimte vrij en probeer het opnieuw."
        )
    if "locked" in text or "busy" in text:
        return StorageError(
            "De gegevens zijn even bezet. Er is niets opgeslagen. Probeer het zo opnieuw."
        )
    if "readonly" in text or "read-only" in text:
        return StorageError(
            "Gezond Desktop mag niet schrijven in de gegevensmap. Er is niets opgeslagen. "
            "Vraag uw beheerder om schrijfrechten."
        )
    return StorageError(
        "Opslaan lukte niet. Er is niets opgeslagen. Probeer het opnieuw; lukt het nog "
        "steeds niet, neem dan contact op met uw beheerder."
    )
