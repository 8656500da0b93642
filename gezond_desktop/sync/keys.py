"""Where the team key and this installation's signing key are kept.

The OS keyring (the ``keyring`` package) when it is installed and has a working
backend; otherwise files in ``<data dir>/sleutels/`` readable only by the user
(mode 0600). :func:`backend_name` says which one is in use.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .bundle import b64, unb64

SERVICE = "gezond-desktop"
KEY_DIR = "sleutels"


def _keyring() -> object | None:
    if os.environ.get("GEZOND_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail
    except Exception:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return None
    return keyring


class KeyStore:
    """Secrets of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._ring = _keyring()

    @property
    def backend_name(self) -> str:
        return "keyring" if self._ring is not None else f"bestand in {self.data_dir / KEY_DIR}"

    def _user(self, name: str) -> str:
        # One keyring entry per data folder and secret.
        return f"{self.data_dir.resolve()}:{name}"

    def get(self, name: str) -> str | None:
        if self._ring is not None:
            try:
                value = self._ring.get_password(SERVICE, self._user(name))  # type: ignore[attr-defined]
                if value is not None:
                    return str(value)
            except Exception:
                pass
        path = self.data_dir / KEY_DIR / name
        return path.read_text().strip() if path.exists() else None

    def put(self, name: str, value: str) -> None:
        if self._ring is not None:
            try:
                self._ring.set_password(SERVICE, self._user(name), value)  # type: ignore[attr-defined]
                return
            except Exception:
                pass
        folder = self.data_dir / KEY_DIR
        folder.mkdir(mode=0o700, exist_ok=True)
        path = folder / name
        tmp = folder / f".{name}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, value.encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        os.chmod(path, 0o600)

    # -- the two secrets ------------------------------------------------------------
    def team_key(self, hub_id: str) -> bytes | None:
        value = self.get(f"team-{hub_id}")
        return unb64(value) if value else None

    def set_team_key(self, hub_id: str, key: bytes) -> None:
        self.put(f"team-{hub_id}", b64(key))

    def signing_key(self) -> Ed25519PrivateKey:
        """This installation's signing key; made on first use."""
        value = self.get("signing")
        if value:
            key = serialization.load_pem_private_key(value.encode(), password=None)
            assert isinstance(key, Ed25519PrivateKey)
            return key
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
        self.put("signing", pem)
        return key
