"""Sharing a device's older data keys with its team (docs/encryption.md).

A device encrypts personal fields with its own data key until it joins a team;
from then on with the team's key (from the invitation). Values it wrote before
joining still carry its own key id. :func:`share_older_keys` (at joining) writes
each older key that is actually in use as a :class:`~.models.DataKeyShare`
record, sealed under the team key; it syncs like any record, and
:func:`absorb_shared_keys` (after each sync) adds the keys it can open to the
receiving device's keyring. No Qt.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select

from ..ids import uuid7
from . import crypto
from .models import DataKeyShare

if TYPE_CHECKING:
    from ..store import Database

log = logging.getLogger(__name__)


def _kek(data_key: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, None, b"gezond data key share").derive(data_key)


def _in_use(db: Database, key_id: str) -> bool:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT 1 FROM change_log WHERE fields LIKE ? LIMIT 1",
            (f"%{crypto.TOKEN_PREFIX}{key_id}:%",)).first() is not None


def share_older_keys(db: Database) -> int:
    """Write a share record for each older key of this keyring that encrypted
    something and is not shared yet; return how many were written."""
    if db.locked:
        return 0
    current, team_key = db.current_data_key()
    keys = db.keyring.keys()
    with db.read() as s:
        shared = set(s.scalars(select(DataKeyShare.key_id)))
    todo = [(kid, key) for kid, key in keys.items()
            if kid != current and kid not in shared and _in_use(db, kid)]
    if not todo:
        return 0
    kek = _kek(team_key)
    with db.write(None) as s:
        for kid, key in todo:
            s.add(DataKeyShare(id=uuid7(), key_id=kid, sealed_with=current,
                               sealed=crypto.seal(kek, key, kid.encode())))
    return len(todo)


def absorb_shared_keys(db: Database) -> int:
    """Add every shared key this device can open (and does not hold yet) to its
    keyring, for reading; return how many were added."""
    if db.locked:
        return 0
    with db.read() as s:
        rows = [(r.key_id, r.sealed_with, r.sealed) for r in s.scalars(
            select(DataKeyShare).where(DataKeyShare.deleted_at.is_(None)))]
    added = 0
    progress = True
    while progress:  # a share may be sealed with a key that arrives in another share
        progress = False
        for kid, with_kid, sealed in rows:
            ring = db.keyring.keys()
            if kid in ring or with_kid not in ring:
                continue
            try:
                key = crypto.unseal(_kek(ring[with_kid]), sealed, kid.encode())
            except crypto.WrongKey:
                log.warning("shared data key %s does not open with key %s", kid, with_kid)
                continue
            db.add_data_key(kid, key, make_current=False)
            added += 1
            progress = True
    return added
