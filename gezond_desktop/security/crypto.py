"""Field-level encryption of personal data (names, contact details, free text).

See ``docs/encryption.md`` for the whole scheme. In short:

* A *data key* (AES-SIV, 512 bits) encrypts each personal field value into a
  token ``gz1:<key id>:<base64>``. AES-SIV is deterministic: the same text under
  the same key gives the same token, so the sync merge (which compares field
  values) sees no false conflicts. A team shares one data key (it travels in the
  invitation); older keys stay in the :class:`Keyring` for reading.
* The keyring is stored in the database, sealed (AES-GCM) under a random
  *master key* (MK). MK itself is stored only wrapped: per account under a key
  derived from the password (memory-hard KDF), and under the recovery key.
* A value that is not a token (written before encryption existed) is read as it
  is.

No Qt, no SQLAlchemy: plain functions and one small class.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import GezondError

TOKEN_PREFIX = "gz1:"
DATA_KEY_BYTES = 64  # AES-SIV with two 256-bit halves
MASTER_KEY_BYTES = 32
_CACHE_MAX = 50_000

RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to copy
RECOVERY_LENGTH = 25  # 125 bits
RECOVERY_GROUP = 5


class DataLocked(GezondError):
    """Personal data cannot be read or written: the key is not unlocked."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or (
            "Namen, contactgegevens en notities zijn vergrendeld. Meld u aan in Gezond "
            "Desktop om ze te lezen of te wijzigen."))


class WrongKey(GezondError):
    """A password or recovery key that does not open the master key."""

    def __init__(self) -> None:
        super().__init__("De herstelsleutel klopt niet. Controleer de tekens en probeer "
                         "het opnieuw.")


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def unb64u(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def is_token(value: object) -> bool:
    return isinstance(value, str) and value.startswith(TOKEN_PREFIX)


def new_data_key() -> tuple[str, bytes]:
    """A fresh (key id, AES-SIV key)."""
    return secrets.token_hex(4), AESSIV.generate_key(DATA_KEY_BYTES * 8)


def new_master_key() -> bytes:
    return os.urandom(MASTER_KEY_BYTES)


class Keyring:
    """The data keys of one database, and its master key while unlocked.

    ``encrypt`` uses the current key; ``decrypt`` any key the ring holds. Both keep
    a bounded cache (demo data and imports repeat the same texts a lot). Thread
    safe enough for its use: the dicts are only ever grown or cleared whole.
    """

    def __init__(self) -> None:
        self._ciphers: dict[str, AESSIV] = {}
        self._raw: dict[str, bytes] = {}
        self.current: str | None = None
        self.master_key: bytes | None = None
        self._enc: dict[str, str] = {}
        self._dec: dict[str, str] = {}

    # -- state -------------------------------------------------------------------
    @property
    def unlocked(self) -> bool:
        return self.current is not None

    def load(self, master_key: bytes, keys: dict[str, bytes], current: str) -> None:
        self.master_key = master_key
        self._raw = dict(keys)
        self._ciphers = {kid: AESSIV(k) for kid, k in keys.items()}
        self.current = current
        self._enc.clear()
        self._dec.clear()

    def lock(self) -> None:
        self.master_key = None
        self._raw = {}
        self._ciphers = {}
        self.current = None
        self._enc.clear()
        self._dec.clear()

    def keys(self) -> dict[str, bytes]:
        return dict(self._raw)

    def has_key(self, key_id: str) -> bool:
        return key_id in self._raw

    # -- values ------------------------------------------------------------------
    def encrypt(self, text: str) -> str:
        """The token of ``text`` (a token passes through unchanged)."""
        hit = self._enc.get(text)
        if hit is not None:
            return hit
        if text.startswith(TOKEN_PREFIX):
            return text
        kid = self.current
        if kid is None:
            raise DataLocked()
        body = self._ciphers[kid].encrypt(text.encode("utf-8"), None)
        token = f"{TOKEN_PREFIX}{kid}:{b64u(body)}"
        if len(self._enc) >= _CACHE_MAX:
            self._enc.clear()
        self._enc[text] = token
        return token

    def decrypt(self, value: str) -> str | None:
        """The text of a token; a non-token as it is; None when the token's key is
        not in the ring (locked, or a key this device never received)."""
        if not value.startswith(TOKEN_PREFIX):
            return value
        hit = self._dec.get(value)
        if hit is not None:
            return hit
        try:
            _, kid, body = value.split(":", 2)
            cipher = self._ciphers.get(kid)
            if cipher is None:
                return None
            text = cipher.decrypt(unb64u(body), None).decode("utf-8")
        except (ValueError, InvalidTag):
            return None
        if len(self._dec) >= _CACHE_MAX:
            self._dec.clear()
        self._dec[value] = text
        return text

    def seal_bytes(self, data: bytes) -> str:
        """Sealed (randomised) text for a blob such as a draft."""
        if self.master_key is None:
            raise DataLocked()
        return seal(self.master_key, data)

    def open_bytes(self, text: str) -> bytes | None:
        if self.master_key is None:
            return None
        try:
            return unseal(self.master_key, text)
        except WrongKey:
            return None


# -- sealing with AES-GCM ---------------------------------------------------------------
def seal(key: bytes, data: bytes, aad: bytes = b"") -> str:
    nonce = os.urandom(12)
    return "gcm1:" + b64u(nonce + AESGCM(key).encrypt(nonce, data, aad or None))


def unseal(key: bytes, text: str, aad: bytes = b"") -> bytes:
    try:
        if not text.startswith("gcm1:"):
            raise ValueError("not sealed")
        raw = unb64u(text[5:])
        return AESGCM(key).decrypt(raw[:12], raw[12:], aad or None)
    except (ValueError, InvalidTag) as exc:
        raise WrongKey() from exc


def seal_keyring(master_key: bytes, keys: dict[str, bytes], current: str) -> str:
    doc = {"current": current, "keys": {k: b64u(v) for k, v in keys.items()}}
    return seal(master_key, json.dumps(doc, sort_keys=True).encode(), b"keyring")


def open_keyring(master_key: bytes, text: str) -> tuple[dict[str, bytes], str]:
    doc = json.loads(unseal(master_key, text, b"keyring"))
    return {k: unb64u(v) for k, v in doc["keys"].items()}, str(doc["current"])


# -- wrapping the master key ----------------------------------------------------------
def wrap_with_password(master_key: bytes, password: str) -> str:
    """MK wrapped under a key derived from ``password`` (memory-hard KDF)."""
    from .passwords import derive_key

    salt = os.urandom(16)
    kek, params = derive_key(password, salt)
    return json.dumps({"v": 1, "kdf": params, "salt": b64u(salt),
                       "mk": seal(kek, master_key, b"master-key")})


def unwrap_with_password(wrapped: str, password: str) -> bytes:
    """MK from :func:`wrap_with_password`; :class:`WrongKey` when it does not open."""
    from .passwords import derive_key

    try:
        doc: dict[str, Any] = json.loads(wrapped)
        kek, _ = derive_key(password, unb64u(doc["salt"]), str(doc["kdf"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise WrongKey() from exc
    return unseal(kek, str(doc["mk"]), b"master-key")


def new_recovery_key() -> str:
    """A random recovery key shown once, as groups: ``ABCDE-FGHJK-...``."""
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return format_recovery_key(raw)


def normalise_recovery_key(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def format_recovery_key(text: str) -> str:
    raw = normalise_recovery_key(text)
    return "-".join(raw[i:i + RECOVERY_GROUP] for i in range(0, len(raw), RECOVERY_GROUP))


def _recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    # The recovery key is random (125 bits): a fast KDF is enough.
    return HKDF(hashes.SHA256(), 32, salt, b"gezond recovery key").derive(
        normalise_recovery_key(recovery_key).encode("ascii"))


def wrap_with_recovery_key(master_key: bytes, recovery_key: str) -> str:
    salt = os.urandom(16)
    return json.dumps({"v": 1, "salt": b64u(salt),
                       "mk": seal(_recovery_kek(recovery_key, salt), master_key, b"recovery")})


def unwrap_with_recovery_key(wrapped: str, recovery_key: str) -> bytes:
    try:
        doc: dict[str, Any] = json.loads(wrapped)
        kek = _recovery_kek(recovery_key, unb64u(doc["salt"]))
    except (ValueError, KeyError, TypeError, UnicodeEncodeError) as exc:
        raise WrongKey() from exc
    return unseal(kek, str(doc["mk"]), b"recovery")
