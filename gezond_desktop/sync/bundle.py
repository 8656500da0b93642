"""The bundle file: a readable, authenticated header; an encrypted, signed body.

Layout (all lengths big-endian)::

    b"GZB1\\n"                 magic
    u32 header length, header   JSON (format, schema version, device, seq and hlc
                                range, hash of the previous bundle, nonce, ...)
    u64 body length, body       AES-256-GCM(team key, nonce, gzip(JSON entries),
                                associated data = header)
    64 bytes                    Ed25519 signature of the device over all of the above
    32 bytes                    sha256 of all of the above (cheap check for partial
                                or damaged files before any crypto)

Nothing in a bundle is readable without the team key except the header, which
holds no personal data. A bundle altered by anyone, or signed by a key other
than the one pinned for its device, is refused as a whole.

The one sanctioned replacement: after an erasure its writer replaces a bundle by
a redacted copy (:func:`redacted_copy`: same sequence range and entries, personal
fields blanked, header marked ``redacted_at`` / ``replaces``, signed again); see
docs/erasure.md.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import json
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..models.changelog import CHANGE_SCHEMA_VERSION as _CHANGE_SCHEMA_VERSION

MAGIC = b"GZB1\n"
FORMAT_VERSION = 1
# The version of the change entries inside is models.changelog.CHANGE_SCHEMA_VERSION
# (2: entries carry ``prev``); re-exported here for the engine.
CHANGE_SCHEMA_VERSION = _CHANGE_SCHEMA_VERSION
SIG_LEN = 64
SUM_LEN = 32


class BundleProblem(Exception):
    """A bundle that must not be applied. ``state`` is 'quarantined' or 'held'."""

    def __init__(self, reason: str, state: str = "quarantined") -> None:
        super().__init__(reason)
        self.reason = reason
        self.state = state


@dataclass(frozen=True)
class Header:
    data: dict[str, Any]
    raw: bytes

    @property
    def device_id(self) -> str:
        return str(self.data["device_id"])

    @property
    def seq_from(self) -> int:
        return int(self.data["seq_from"])

    @property
    def seq_to(self) -> int:
        return int(self.data["seq_to"])


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def public_key_b64(key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    return b64(raw)


def encode(header: dict[str, Any], entries: list[dict[str, Any]], team_key: bytes,
           signing_key: Ed25519PrivateKey) -> bytes:
    """The complete bundle file for ``entries``."""
    nonce = os.urandom(12)
    header = {**header, "format": FORMAT_VERSION, "nonce": b64(nonce), "count": len(entries)}
    raw_header = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    plain = gzip.compress(
        json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode(), 1, mtime=0)
    body = AESGCM(team_key).encrypt(nonce, plain, raw_header)
    signed = MAGIC + struct.pack(">I", len(raw_header)) + raw_header + \
        struct.pack(">Q", len(body)) + body
    sig = signing_key.sign(signed)
    whole = signed + sig
    return whole + hashlib.sha256(whole).digest()


def read_header(data: bytes) -> tuple[Header, int]:
    """Check the trailer and parse the header; return it and where the body starts."""
    if len(data) < len(MAGIC) + 4 + SIG_LEN + SUM_LEN or not data.startswith(MAGIC):
        raise BundleProblem("Het bestand is leeg, onvolledig of geen bundel van Gezond Desktop.")
    if hashlib.sha256(data[:-SUM_LEN]).digest() != data[-SUM_LEN:]:
        raise BundleProblem(
            "Het bestand is beschadigd of onvolledig (de controlesom klopt niet).")
    (hlen,) = struct.unpack(">I", data[5:9])
    raw = data[9:9 + hlen]
    try:
        header = json.loads(raw)
        int(header["seq_from"]), int(header["seq_to"]), str(header["device_id"])
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleProblem("De kop van het bestand is onleesbaar.") from exc
    return Header(header, raw), 9 + hlen


def decode(data: bytes, team_key: bytes, public_key: bytes) -> tuple[Header, list[Any]]:
    """Verify and open a bundle; raise :class:`BundleProblem` with a Dutch reason."""
    header, pos = read_header(data)
    if int(header.data.get("format", 0)) > FORMAT_VERSION:
        raise BundleProblem("Werk de app bij om deze gegevens te verwerken.", "held")
    signed = data[:-(SIG_LEN + SUM_LEN)]
    sig = data[-(SIG_LEN + SUM_LEN):-SUM_LEN]
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(sig, signed)
    except (InvalidSignature, ValueError) as exc:
        raise BundleProblem(
            "De ondertekening klopt niet: dit bestand komt niet van het apparaat "
            "waarvan het lijkt te komen, of het is veranderd.") from exc
    (blen,) = struct.unpack(">Q", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + blen]
    try:
        nonce = unb64(str(header.data["nonce"]))
        plain = AESGCM(team_key).decrypt(nonce, body, header.raw)
    except (InvalidTag, ValueError, KeyError) as exc:
        raise BundleProblem(
            "Het bestand kan niet worden ontsleuteld: het hoort bij een ander team "
            "(andere teamsleutel) of het is veranderd.") from exc
    try:
        entries = json.loads(gzip.decompress(plain))
    except (OSError, ValueError) as exc:
        raise BundleProblem("De inhoud van het bestand is onleesbaar.") from exc
    if not isinstance(entries, list) or len(entries) != int(header.data.get("count", -1)):
        raise BundleProblem("De inhoud van het bestand is onvolledig.")
    return header, entries


def redacted_copy(data: bytes, changed: Mapping[int, str], team_key: bytes,
                  public_key: bytes, signing_key: Ed25519PrivateKey) -> bytes | None:
    """A bundle of the writer's own with the fields of the entries in ``changed``
    (seq -> redacted fields text) replaced; the same header (sequence and clock
    range, previous hash) plus ``redacted_at`` and ``replaces`` (sha256 of the
    replaced file). None when no entry changes. See docs/erasure.md."""
    header, entries = decode(data, team_key, public_key)
    out = []
    touched = False
    for e in entries:
        text = changed.get(int(e["s"]))
        if text is not None and e.get("f") != text:
            e = {**e, "f": text}
            touched = True
        out.append(e)
    if not touched:
        return None
    h = {k: v for k, v in header.data.items() if k not in ("format", "nonce", "count")}
    h["redacted_at"] = dt.datetime.now(dt.UTC).isoformat()
    h["replaces"] = hashlib.sha256(data).hexdigest()
    return encode(h, out, team_key, signing_key)
