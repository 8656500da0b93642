"""The shared-folder hub: a network drive, a synced cloud folder or a USB stick.

Layout::

    HUB/hub.json                         hub id, format, created (no secrets)
    HUB/devices/<device id>/device.json  name and public signing key
    HUB/devices/<device id>/<seq from>-<seq to>.gzb   immutable bundles

Each device writes only its own folder: a bundle is written to ``.tmp-<random>``,
fsynced, renamed to its final name, and the folder fsynced. Never a SQLite file
or a lock file in the share. Files that cloud clients make ("... (conflicted
copy ...)", "name (1).gzb", "name-DESKTOP-XXXX.gzb", partial uploads) are
recognised: an identical copy is ignored, anything else is quarantined.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import re
import time
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from . import bundle, faults
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

HUB_FILE = "hub.json"
DEVICES = "devices"
CANONICAL = re.compile(r"^(\d{12})-(\d{12})\.gzb$")
ARTEFACT = re.compile(r"^(\d{12})-(\d{12})")
TMP_PREFIX = ".tmp-"
STALE_TMP_SECONDS = 600


def bundle_name(seq_from: int, seq_to: int) -> str:
    return f"{seq_from:012d}-{seq_to:012d}.gzb"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _io_error(exc: OSError, where: Path) -> HubError:
    if exc.errno == errno.ENOSPC:
        return HubError(f"De map van de hub ({where}) is vol. Er is niets verstuurd. "
                        "Maak ruimte vrij en synchroniseer opnieuw.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return HubError(f"Gezond Desktop mag niet schrijven in de map van de hub ({where}). "
                        "Vraag uw beheerder om schrijfrechten.")
    return HubError(f"De map van de hub ({where}) is niet bereikbaar of gaf een fout. "
                    "Controleer de verbinding (netwerkschijf, USB-stick) en probeer "
                    "het opnieuw.")


def write_atomic(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``folder/name``: temporary name, fsync, rename, fsync folder."""
    tmp = folder / f"{TMP_PREFIX}{os.urandom(8).hex()}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(data)
        step = 1 << 20
        for i in range(0, len(view), step):
            chunk = view[i:i + step]
            while chunk:
                n = os.write(fd, chunk)
                chunk = chunk[n:]
            faults.point("bundle-write")
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    faults.point("before-rename")
    final = folder / name
    os.replace(tmp, final)
    _fsync_dir(folder)
    faults.point("after-rename")
    return final


def create_hub(root: Path) -> str:
    """Make an empty hub folder; return its id."""
    root = Path(root)
    if (root / HUB_FILE).exists():
        raise HubError(f"In {root} staat al een hub. Kies een lege map, of laat apparaten "
                       "aansluiten met de uitnodiging van die hub.")
    try:
        (root / DEVICES).mkdir(parents=True, exist_ok=True)
        hub_id = str(uuid.uuid4())
        info = {"hub_id": hub_id, "format": bundle.FORMAT_VERSION,
                "created": dt.datetime.now(dt.UTC).isoformat(), "kind": "folder"}
        write_atomic(root, HUB_FILE, json.dumps(info, indent=2).encode())
    except OSError as exc:
        raise _io_error(exc, root) from exc
    return hub_id


class FolderHub(Hub):
    kind = "folder"

    def __init__(self, root: Path | str, hub_id: str, team_key: bytes,
                 signing_key: Ed25519PrivateKey | None = None) -> None:
        self.root = Path(root)
        self._hub_id = hub_id
        self.team_key = team_key
        self.signing_key = signing_key

    @property
    def location(self) -> str:
        return str(self.root)

    @property
    def hub_id(self) -> str:
        return self._hub_id

    def check(self) -> None:
        try:
            info = json.loads((self.root / HUB_FILE).read_text())
        except (OSError, ValueError) as exc:
            raise HubError(f"De hub in {self.root} is niet bereikbaar. Controleer of de map "
                           "(netwerkschijf, gedeelde map of USB-stick) er is en probeer het "
                           "opnieuw.") from exc
        if info.get("hub_id") != self._hub_id:
            raise HubError(f"In {self.root} staat een andere hub dan die waarbij dit apparaat "
                           "is aangesloten. Kies de juiste map of sluit opnieuw aan.")

    def _dir(self, device_id: uuid.UUID) -> Path:
        return self.root / DEVICES / str(device_id)

    # -- devices ----------------------------------------------------------------------
    def register_device(self, device: DeviceInfo) -> None:
        folder = self._dir(device.device_id)
        data = {"device_id": str(device.device_id), "name": device.name,
                "public_key": device.public_key}
        try:
            current = json.loads((folder / "device.json").read_text())
        except (OSError, ValueError):
            current = None
        if current == data:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(folder, "device.json", json.dumps(data, indent=2).encode())
        except OSError as exc:
            raise _io_error(exc, folder) from exc

    def devices(self) -> dict[uuid.UUID, DeviceInfo]:
        out: dict[uuid.UUID, DeviceInfo] = {}
        try:
            entries = list(os.scandir(self.root / DEVICES))
        except OSError as exc:
            raise _io_error(exc, self.root) from exc
        for e in entries:
            try:
                dev = uuid.UUID(e.name)
                data = json.loads((Path(e.path) / "device.json").read_text())
                out[dev] = DeviceInfo(dev, str(data.get("name", "")), str(data["public_key"]))
            except (ValueError, OSError, KeyError):
                continue
        return out

    # -- pushing ----------------------------------------------------------------------
    def _bundles(self, folder: Path) -> list[tuple[int, int, str]]:
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise _io_error(exc, folder) from exc
        out = []
        for n in names:
            m = CANONICAL.match(n)
            if m:
                out.append((int(m.group(1)), int(m.group(2)), n))
        out.sort()
        return out

    def stored_seq(self, device_id: uuid.UUID) -> int:
        found = self._bundles(self._dir(device_id))
        return max((b[1] for b in found), default=0)

    def push(self, batch: OutgoingBatch) -> PushAck:
        if self.signing_key is None:
            raise RuntimeError("a FolderHub needs the signing key to push")
        folder = self._dir(batch.device_id)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._clean_tmp(folder)
            existing = self._bundles(folder)
            prev_hash = ""
            if existing:
                last = max(existing, key=lambda b: b[1])
                if last[1] >= batch.seq_to:
                    return PushAck(batch.device_id, last[1], last[2])
                prev_hash = hashlib.sha256((folder / last[2]).read_bytes()).hexdigest()
            header = {
                "schema_version": batch.schema_version,
                "app_version": _app_version(),
                "hub_id": self._hub_id,
                "device_id": str(batch.device_id),
                "seq_from": batch.seq_from,
                "seq_to": batch.seq_to,
                "hlc_min": batch.hlc_min,
                "hlc_max": batch.hlc_max,
                "prev_hash": prev_hash,
                "created": dt.datetime.now(dt.UTC).isoformat(),
                "exported_at_ms": int(time.time() * 1000),
            }
            data = bundle.encode(header, batch.entries, self.team_key, self.signing_key)
            name = bundle_name(batch.seq_from, batch.seq_to)
            write_atomic(folder, name, data)
        except OSError as exc:
            raise _io_error(exc, folder) from exc
        return PushAck(batch.device_id, batch.seq_to, name)

    # -- redaction (docs/erasure.md) --------------------------------------------------
    def redact(self, device_id: uuid.UUID, changed: Mapping[int, str]) -> int:
        """Rewrite this device's own bundles that hold changes redacted after an
        erasure: ``changed`` maps seq -> the redacted fields text. Each affected
        bundle is replaced by one with the same sequence range, the same entries
        except the redacted fields, signed again and marked as a redaction
        (``redacted_at``, ``replaces`` = hash of the file it replaces), written
        atomically under the same name (the old file is gone in that step).
        Return the number of bundles rewritten."""
        if self.signing_key is None:
            raise RuntimeError("a FolderHub needs the signing key to redact")
        if not changed:
            return 0
        folder = self._dir(device_id)
        public = bundle.unb64(bundle.public_key_b64(self.signing_key))
        done = 0
        try:
            for seq_from, seq_to, name in self._bundles(folder):
                if not any(seq_from <= s <= seq_to for s in changed):
                    continue
                data = (folder / name).read_bytes()
                new = bundle.redacted_copy(data, changed, self.team_key, public,
                                           self.signing_key)
                if new is None:
                    continue
                write_atomic(folder, name, new)
                done += 1
        except OSError as exc:
            raise _io_error(exc, folder) from exc
        return done

    @staticmethod
    def _clean_tmp(folder: Path) -> None:
        now = time.time()
        for n in os.listdir(folder):
            if n.startswith(TMP_PREFIX):
                p = folder / n
                try:
                    if now - p.stat().st_mtime > STALE_TMP_SECONDS:
                        p.unlink()
                except OSError:
                    pass

    # -- pulling ----------------------------------------------------------------------
    def pull(self, watermark: Watermark, pinned_key: PinnedKey, skip: frozenset[uuid.UUID],
             known: Mapping[str, HubProblem]) -> Iterator[IncomingBatch | HubProblem]:
        try:
            dirs = sorted(e.name for e in os.scandir(self.root / DEVICES) if e.is_dir())
        except OSError as exc:
            raise _io_error(exc, self.root) from exc
        for dname in dirs:
            try:
                dev = uuid.UUID(dname)
            except ValueError:
                continue
            if dev in skip or str(dev) != dname:
                continue
            yield from self._pull_device(dev, watermark, pinned_key, known)

    def _pull_device(self, dev: uuid.UUID, watermark: Watermark, pinned_key: PinnedKey,
                     known: Mapping[str, HubProblem]) -> Iterator[IncomingBatch | HubProblem]:
        folder = self._dir(dev)
        try:
            names = os.listdir(folder)
        except OSError as exc:
            raise _io_error(exc, folder) from exc
        wm = watermark(dev)
        canonical: list[tuple[int, int, str]] = []
        odd: list[str] = []
        for n in names:
            if n.startswith(TMP_PREFIX) or n == "device.json" or n.startswith("."):
                continue
            m = CANONICAL.match(n)
            if m:
                canonical.append((int(m.group(1)), int(m.group(2)), n))
            elif ".gzb" in n or ARTEFACT.match(n):
                odd.append(n)
        canonical.sort()
        names_set = {c[2] for c in canonical}
        for n in odd:
            problem = self._check_artefact(dev, folder, n, names_set, known)
            if problem is not None:
                yield problem
        key: str | None = None
        for seq_from, seq_to, n in canonical:
            if seq_to <= wm:
                continue
            source = f"{dev}/{n}"
            path = folder / n
            try:
                st = path.stat()
            except OSError:
                continue
            fp = f"{st.st_size}:{st.st_mtime_ns}"
            old = known.get(source)
            if old is not None and old.fingerprint == fp and old.state == "quarantined":
                yield old
                continue
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise _io_error(exc, folder) from exc
            if key is None:
                key = pinned_key(dev)
                if key is None:
                    info = self.devices().get(dev)
                    key = info.public_key if info else ""
            try:
                yield self._open(dev, n, seq_from, seq_to, data, key)
            except bundle.BundleProblem as p:
                yield HubProblem(source, dev, p.state, p.reason, fp)

    def _check_artefact(self, dev: uuid.UUID, folder: Path, n: str, canonical: set[str],
                        known: Mapping[str, HubProblem]) -> HubProblem | None:
        source = f"{dev}/{n}"
        path = folder / n
        try:
            st = path.stat()
        except OSError:
            return None
        fp = f"{st.st_size}:{st.st_mtime_ns}"
        old = known.get(source)
        if old is not None and old.fingerprint == fp:
            return old
        m = ARTEFACT.match(n)
        original = bundle_name(int(m.group(1)), int(m.group(2))) if m else None
        try:
            data = path.read_bytes()
            if original in canonical and (folder / original).read_bytes() == data:
                return None  # an identical copy: nothing to do
        except OSError:
            pass
        return HubProblem(
            source, dev, "quarantined",
            "Dit bestand is een kopie die een synchronisatieprogramma (zoals OneDrive, "
            "Dropbox of Nextcloud) heeft gemaakt, of het heeft een onbekende naam. Het "
            "wijkt af van het origineel en wordt niet gebruikt.", fp)

    def _open(self, dev: uuid.UUID, name: str, seq_from: int, seq_to: int, data: bytes,
              public_key: str) -> IncomingBatch:
        header, _ = bundle.read_header(data)
        h = header.data
        if h.get("device_id") != str(dev):
            raise bundle.BundleProblem(
                "Dit bestand staat in de map van een ander apparaat dan het apparaat dat "
                "het heeft gemaakt.")
        if (header.seq_from, header.seq_to) != (seq_from, seq_to):
            raise bundle.BundleProblem(
                "De bestandsnaam past niet bij de inhoud: het bestand is hernoemd.")
        if h.get("hub_id") != self._hub_id:
            raise bundle.BundleProblem("Dit bestand hoort bij een andere hub.")
        if not public_key:
            raise bundle.BundleProblem(
                "Van dit apparaat is geen sleutel bekend (device.json ontbreekt of is "
                "onleesbaar); het bestand kan niet worden gecontroleerd.")
        _, entries = bundle.decode(data, self.team_key, bundle.unb64(public_key))
        now_ms = int(time.time() * 1000)
        return IncomingBatch(
            device_id=dev, seq_from=seq_from, seq_to=seq_to,
            schema_version=int(h.get("schema_version", 1)), entries=entries,
            source=f"{dev}/{name}", bundle_hash=hashlib.sha256(data).hexdigest(),
            prev_hash=str(h.get("prev_hash", "")),
            sent_at_ms=int(h.get("exported_at_ms", now_ms)), hub_seen_at_ms=now_ms,
            public_key=public_key,
        )


def _app_version() -> str:
    try:
        from .. import __version__

        return str(__version__)
    except ImportError:  # pragma: no cover
        return "?"
