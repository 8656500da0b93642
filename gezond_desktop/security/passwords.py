"""Password hashing with a memory-hard KDF.

argon2id (argon2-cffi) when it is installed, else scrypt (hashlib, n=2**15, r=8,
p=1). The stored string names the algorithm and its parameters, so a hash made
with either one verifies later, whichever is installed then (an argon2 hash
needs argon2-cffi to verify).

Formats::

    $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>       (argon2-cffi's own)
    $scrypt$n=32768,r=8,p=1$<salt b64>$<hash b64>
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import Any

_argon2: Any
try:  # pragma: no cover - depends on the environment
    import argon2 as _argon2
except ImportError:  # pragma: no cover
    _argon2 = None

SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
_SCRYPT_MAXMEM = 128 * 1024 * 1024
_hasher: Any = _argon2.PasswordHasher() if _argon2 is not None else None
# argon2-cffi's default cost (what PasswordHasher() uses), for derive_key().
_ARGON_T, _ARGON_M, _ARGON_P = ((_hasher.time_cost, _hasher.memory_cost, _hasher.parallelism)
                                if _hasher is not None else (3, 65536, 4))


def argon2_available() -> bool:
    return _hasher is not None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, algorithm: str | None = None) -> str:
    """A salted, memory-hard hash of ``password`` with its algorithm and parameters."""
    algorithm = algorithm or ("argon2id" if _hasher is not None else "scrypt")
    if algorithm == "argon2id":
        if _hasher is None:
            raise RuntimeError("argon2-cffi is not installed")
        return str(_hasher.hash(password))
    if algorithm != "scrypt":
        raise ValueError(f"unknown password algorithm {algorithm!r}")
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R,
                            p=SCRYPT_P, maxmem=_SCRYPT_MAXMEM, dklen=32)
    return f"$scrypt$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(stored: str, password: str) -> bool:
    """True when ``password`` matches ``stored``; False for a wrong password or a
    hash this installation cannot read."""
    if stored.startswith("$argon2"):
        if _hasher is None or _argon2 is None:
            return False
        try:
            return bool(_hasher.verify(stored, password))
        except (_argon2.exceptions.VerificationError, _argon2.exceptions.InvalidHashError):
            return False
    if stored.startswith("$scrypt$"):
        try:
            _, _, params, salt, digest = stored.split("$")
            p = dict(kv.split("=") for kv in params.split(","))
            got = hashlib.scrypt(password.encode("utf-8"), salt=_unb64(salt), n=int(p["n"]),
                                 r=int(p["r"]), p=int(p["p"]), maxmem=_SCRYPT_MAXMEM,
                                 dklen=len(_unb64(digest)))
        except (ValueError, KeyError):
            return False
        return hmac.compare_digest(got, _unb64(digest))
    return False


def algorithm_of(stored: str) -> str:
    return stored.split("$")[1] if stored.startswith("$") else ""


_DUMMY: str | None = None


def burn_time(password: str) -> None:
    """Spend the time of one verification (unknown username: no timing hint)."""
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password("niet-bestaand-account")
    verify_password(_DUMMY, password)


def derive_key(password: str, salt: bytes, params: str | None = None) -> tuple[bytes, str]:
    """A 32-byte key from ``password`` with the same memory-hard KDF as the hashes
    (used to wrap the master key, see :mod:`.crypto`). Returns the key and the
    parameter string to store beside the salt; pass that back to derive it again."""
    if params is None:
        params = (f"argon2id$m={_ARGON_M},t={_ARGON_T},p={_ARGON_P}" if _argon2 is not None
                  else f"scrypt$n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}")
    algorithm, _, rest = params.partition("$")
    p = {k: int(v) for k, v in (kv.split("=") for kv in rest.split(","))}
    secret = password.encode("utf-8")
    if algorithm == "argon2id":
        if _argon2 is None:
            raise ValueError("argon2-cffi is not installed")
        from argon2.low_level import Type, hash_secret_raw

        key = hash_secret_raw(secret, salt, time_cost=p["t"], memory_cost=p["m"],
                              parallelism=p["p"], hash_len=32, type=Type.ID)
        return bytes(key), params
    if algorithm == "scrypt":
        return hashlib.scrypt(secret, salt=salt, n=p["n"], r=p["r"], p=p["p"],
                              maxmem=_SCRYPT_MAXMEM, dklen=32), params
    raise ValueError(f"unknown key derivation {algorithm!r}")
