"""Drafts: unsaved form content kept on the device, so an interrupted edit (window
closed, crash, power cut) is offered back on the next start.

A draft is one JSON document per form in the device-local ``LocalSetting`` table
under the key ``draft:<form_key>``; it never syncs. A draft may hold names and
notes, so the document is sealed under the database's master key (AES-GCM, see
docs/encryption.md); while the data is locked no draft is kept. Plain Python, no
Qt.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from typing import Any

from ..store import Database

log = logging.getLogger(__name__)

DRAFT_PREFIX = "draft:"


def draft_key(form_key: str) -> str:
    return f"{DRAFT_PREFIX}{form_key}"


@dataclass(frozen=True)
class Draft:
    form_key: str
    saved_at: dt.datetime  # local time
    data: dict[str, Any]


def save_draft(db: Database, form_key: str, data: dict[str, Any],
               now: dt.datetime | None = None) -> Draft:
    """Keep ``data`` (JSON-serialisable) as the draft of ``form_key``."""
    saved_at = (now or dt.datetime.now()).replace(microsecond=0)
    doc = {"saved_at": saved_at.isoformat(), "data": data}
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True)
    if db.keyring.master_key is None:
        log.info("data locked: draft %s not kept", form_key)
    else:
        db.set_setting(draft_key(form_key), db.keyring.seal_bytes(text.encode("utf-8")))
    return Draft(form_key, saved_at, dict(data))


def load_draft(db: Database, form_key: str) -> Draft | None:
    """The draft of ``form_key``, or None (no draft, discarded, or unreadable)."""
    raw = db.setting(draft_key(form_key))
    if not raw:
        return None
    try:
        if raw.startswith("gcm1:"):
            opened = db.keyring.open_bytes(raw)
            if opened is None:
                return None  # locked: the draft stays for after signing in
            raw = opened.decode("utf-8")
        doc = json.loads(raw)
        saved_at = dt.datetime.fromisoformat(doc["saved_at"])
        data = doc["data"]
        if not isinstance(data, dict):
            raise TypeError("draft data is not an object")
    except (ValueError, TypeError, KeyError) as exc:
        log.warning("unreadable draft %s dropped: %s", form_key, exc)
        return None
    return Draft(form_key, saved_at, data)


def discard_draft(db: Database, form_key: str) -> None:
    """Forget the draft of ``form_key`` (nothing happens when there is none)."""
    if db.setting(draft_key(form_key)) is not None:
        db.delete_setting(draft_key(form_key))
