"""The hub interface: what the sync engine needs from any hub.

A hub stores every device's changes and hands them to the other devices. The
shared-folder hub (:mod:`.folder_hub`) is the default; a PostgreSQL hub
implements the same interface. Rules every hub keeps:

* :meth:`Hub.push` returns a :class:`PushAck` only after the changes are durably
  stored (file fsynced and renamed, or COMMIT returned); pushing the same
  (device, seq) again is a no-op.
* :meth:`Hub.pull` yields, per device in sequence order, the stored changes
  past the given watermark as :class:`IncomingBatch`, already verified (signature,
  checksum, team key); anything it cannot verify it reports as a
  :class:`HubProblem` (quarantined, or held for a newer app) and never as data.
* Entries are wire dicts (see :func:`.engine.wire_entry`); the hub does not
  interpret them.
"""

from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import GezondError


class HubError(GezondError):
    """The hub cannot be reached or written (network drive gone, disk full...)."""


@dataclass(frozen=True)
class OutgoingBatch:
    device_id: uuid.UUID
    seq_from: int
    seq_to: int
    hlc_min: int
    hlc_max: int
    schema_version: int
    entries: list[dict[str, Any]]


@dataclass(frozen=True)
class PushAck:
    device_id: uuid.UUID
    seq_to: int  # the hub durably holds this device's changes up to here
    source: str  # file name / row range, for the log


@dataclass(frozen=True)
class IncomingBatch:
    device_id: uuid.UUID
    seq_from: int
    seq_to: int
    schema_version: int
    entries: list[dict[str, Any]]
    source: str
    bundle_hash: str
    prev_hash: str
    sent_at_ms: int  # the writer's wall clock at export (or at upload)
    hub_seen_at_ms: int  # the hub's view of "now" when it first stored / saw it
    public_key: str  # the key that verified it (base64), to be pinned


@dataclass(frozen=True)
class HubProblem:
    source: str
    device_id: uuid.UUID | None
    state: str  # 'held' (newer app needed, kept and retried) | 'quarantined'
    reason: str  # plain Dutch
    fingerprint: str = ""  # unchanged fingerprint: the hub may report it without re-reading


@dataclass(frozen=True)
class DeviceInfo:
    device_id: uuid.UUID
    name: str
    public_key: str


PinnedKey = Callable[[uuid.UUID], str | None]
Watermark = Callable[[uuid.UUID], int]


class Hub(ABC):
    kind: str = ""

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the hub is, for the user (a folder path or host/database)."""

    @property
    @abstractmethod
    def hub_id(self) -> str: ...

    @abstractmethod
    def check(self) -> None:
        """Raise :class:`HubError` when the hub cannot be reached."""

    @abstractmethod
    def register_device(self, device: DeviceInfo) -> None:
        """Publish a device's name and public signing key (idempotent)."""

    @abstractmethod
    def devices(self) -> dict[uuid.UUID, DeviceInfo]: ...

    @abstractmethod
    def stored_seq(self, device_id: uuid.UUID) -> int:
        """The highest sequence number of this device the hub durably holds."""

    @abstractmethod
    def push(self, batch: OutgoingBatch) -> PushAck: ...

    @abstractmethod
    def redact(self, device_id: uuid.UUID, changed: Mapping[int, str]) -> int:
        """Replace this device's stored changes that were redacted after an erasure
        (``changed``: seq -> the redacted fields text), signed again; return how
        many stored units (bundles) were rewritten. See docs/erasure.md."""

    @abstractmethod
    def pull(self, watermark: Watermark, pinned_key: PinnedKey, skip: frozenset[uuid.UUID],
             known: Mapping[str, HubProblem]) -> Iterator[IncomingBatch | HubProblem]:
        """Everything past each device's ``watermark`` (devices in ``skip`` left out).

        ``pinned_key(device)`` is the public key this database trusts for it (None:
        not seen yet, trust the one the hub publishes). ``known`` are problems
        reported before; a hub may report them again without re-reading when
        their fingerprint is unchanged."""
