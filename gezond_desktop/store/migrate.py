"""Schema upgrades: once at start, in one transaction, after a backup.

A database written by a newer version of the app is refused with a clear
message, never touched.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

from ..errors import SchemaTooNewError, StorageError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
BACKUP_DIR = "backups"


_REV = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(.+)$", re.M)


def script_heads() -> set[str]:
    """The heads of the migration scripts, read without importing Alembic (which
    costs a few hundred milliseconds at every start when nothing needs upgrading)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = _REV.search(source)
        if rev is None:
            continue
        revisions.add(rev.group(1))
        down = _DOWN.search(source)
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return revisions - parents


def _stored_revisions(engine: Engine) -> set[str] | None:
    try:
        with engine.connect() as conn:
            return {r for (r,) in conn.execute(text("SELECT version_num FROM alembic_version"))}
    except OperationalError:
        return None  # no version table yet


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revisions() -> set[str]:
    """The newest revision of every branch (independent features may branch)."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def head_revision() -> str:
    """The head, for a linear history (tests and messages)."""
    heads = sorted(head_revisions())
    return heads[0] if len(heads) == 1 else "+".join(heads)


def current_revisions(engine: Engine) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def backup(db_path: Path, target_dir: Path, label: str) -> Path:
    """Copy the database with SQLite's online backup API (never a file copy)."""
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"gezond-{label}-{stamp}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = target_dir / f"gezond-{label}-{stamp}-{n}.sqlite"
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def migrate(engine: Engine, data_dir: Path, target: str = "heads") -> Path | None:
    """Bring the database to ``target``; return the backup taken, if any."""
    if target == "heads" and _stored_revisions(engine) == script_heads():
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    currents = current_revisions(engine)
    if target == "heads" and currents == set(script.get_heads()):
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    current = "+".join(sorted(currents)) if currents else None
    if currents - known:
        raise SchemaTooNewError(
            "Deze gegevens zijn gemaakt met een nieuwere versie van Gezond Desktop. "
            "Installeer de nieuwste versie en open de gegevens dan opnieuw. "
            "Er is niets veranderd."
        )
    if current is None:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        if tables:
            raise StorageError(
                "Het bestand in de gegevensmap is geen database van Gezond Desktop. "
                "Kies een lege map of een map met gegevens van Gezond Desktop."
            )
    backup_path = None
    if current is not None:
        db_path = Path(engine.url.database or "")
        backup_path = backup(db_path, data_dir / BACKUP_DIR, f"voor-upgrade-{current}")
        log.info("backup before migration %s -> %s: %s", current, target, backup_path)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup_path
