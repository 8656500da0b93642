"""What a start needs to know about a data folder before the data layer loads.

A start on a computer with an account shows the main window at once, locked with
the sign-in form, and loads SQLAlchemy, the models and the database on a worker
thread while the password is typed (``ui/app.py``). Whether that path applies is
read here with the standard ``sqlite3`` module in a few milliseconds, without
writing anything. Any doubt (no database yet, an older or unknown schema, a damaged
or busy file) answers None: the app then opens the data layer first, as on a first
start, and that path explains any problem to the user.

No SQLAlchemy and no Qt here: this module runs before either is loaded.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

DB_FILENAME = "gezond.sqlite"
CURRENT_WORKER_KEY = "current_worker_id"  # local_setting key of the device's profile


@dataclass(frozen=True)
class FolderPeek:
    """The device's profile and how many active accounts the folder holds."""

    has_profile: bool
    accounts: int

    @property
    def sign_in_first(self) -> bool:
        """A profile with an account: the start asks for a password before anything."""
        return self.has_profile and self.accounts > 0


def peek(data_dir: Path) -> FolderPeek | None:
    """Look into the database of ``data_dir`` read-only; None when unsure."""
    path = Path(data_dir) / DB_FILENAME
    if not path.is_file():
        return None
    # Read-only, and no file made: without a -wal file (the app closed cleanly) the
    # database file is complete and read as immutable; with one (the app is running,
    # or stopped mid-way) read-only through the existing -wal and -shm files. Either
    # way the answer is only a hint that the data layer confirms (ui/app.py).
    wal = path.with_name(path.name + "-wal")
    flag = "mode=ro" if wal.exists() else "immutable=1"
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?{flag}", uri=True,
                               timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM local_setting WHERE key = ?",
                           (CURRENT_WORKER_KEY,)).fetchone()
        has_profile = False
        if row is not None and row[0]:
            worker_id = uuid.UUID(str(row[0]))
            found = conn.execute(
                "SELECT 1 FROM worker WHERE id = ? AND deleted_at IS NULL",
                (worker_id.bytes,)).fetchone()
            has_profile = found is not None
        (accounts,) = conn.execute("SELECT count(*) FROM account WHERE active = 1").fetchone()
        return FolderPeek(has_profile, int(accounts))
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()
