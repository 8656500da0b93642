"""The service layer: every create, update, delete and query that the UI, the CLI,
sync and reports use. Plain Python, no Qt.

Scripting example::

    from gezond_desktop.services import open_services
    svc = open_services("/path/to/data")
    me = svc.workers.create("Sanne", "community_builder")
    svc = svc.as_worker(me.id)
    print(svc.stats.counts())

Who acts decides what is allowed (see :mod:`gezond_desktop.security.permissions`).
Services opened without signing in (``open_services`` without ``worker_id``:
the CLI and scripts; or ``worker_id=None``) act as the local system with every
right; records are still attributed to the device's current profile. Whoever
can run scripts on the data folder can read the database anyway. The GUI always
signs in with an account and then acts as that account's worker
(``as_worker``), with that worker's role.
"""

from __future__ import annotations

import uuid
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..store import Database
from .base import ChangeListener

if TYPE_CHECKING:
    from ..security.accounts import AccountService
    from ..security.audit import AuditService
    from ..security.permissions import Actor
    from .activities import ActivityService
    from .encounters import EncounterService
    from .erasure import ErasureService
    from .imports import ImportService
    from .reference import ReferenceService
    from .referrals import ReferralService
    from .residents import ResidentService
    from .stats import StatsService
    from .workers import WorkerService


class Services:
    """All services over one database, acting as one worker."""

    def __init__(self, db: Database, worker_id: uuid.UUID | None = None, *,
                 system_rights: bool | None = None) -> None:
        self.db = db
        self.worker_id = worker_id
        # The local system's full rights: no worker, or a script/CLI that opened the
        # database without signing in (acting for the device's profile).
        self.system_rights = worker_id is None if system_rights is None else system_rights
        self._listeners: list[ChangeListener] = []

    # Each service is made (and its module imported) on first use: start-up only
    # pays for what the first screen needs.
    @cached_property
    def reference(self) -> ReferenceService:
        from .reference import ReferenceService

        return ReferenceService(self)

    @cached_property
    def workers(self) -> WorkerService:
        from .workers import WorkerService

        return WorkerService(self)

    @cached_property
    def residents(self) -> ResidentService:
        from .residents import ResidentService

        return ResidentService(self)

    @cached_property
    def encounters(self) -> EncounterService:
        from .encounters import EncounterService

        return EncounterService(self)

    @cached_property
    def referrals(self) -> ReferralService:
        from .referrals import ReferralService

        return ReferralService(self)

    @cached_property
    def activities(self) -> ActivityService:
        from .activities import ActivityService

        return ActivityService(self)

    @cached_property
    def imports(self) -> ImportService:
        from .imports import ImportService

        return ImportService(self)

    @cached_property
    def erasure(self) -> ErasureService:
        from .erasure import ErasureService

        return ErasureService(self)

    @cached_property
    def stats(self) -> StatsService:
        from .stats import StatsService

        return StatsService(self)

    @cached_property
    def accounts(self) -> AccountService:
        from ..security.accounts import AccountService

        return AccountService(self)

    @cached_property
    def audit(self) -> AuditService:
        from ..security.audit import AuditService

        return AuditService(self)

    def actor(self) -> Actor:
        """Who acts now, with their current role (read from the database, so a role
        change counts at once). No worker: the local system (every right)."""
        from ..models import Worker
        from ..security.permissions import SYSTEM, Actor

        if self.worker_id is None or self.system_rights:
            return SYSTEM
        with self.db.read() as s:
            w = s.get(Worker, self.worker_id)
            if w is None or w.deleted_at is not None or not w.active:
                return Actor(self.worker_id, None)
            return Actor(self.worker_id, w.role)

    def require(self, action: str, record: object = None) -> None:
        """Raise PermissionDenied unless the current actor may do ``action``."""
        from ..security.permissions import require

        require(self.actor(), action, record)

    def as_worker(self, worker_id: uuid.UUID | None) -> Services:
        other = Services(self.db, worker_id)
        other._listeners = self._listeners
        if "accounts" in self.__dict__:  # a test clock travels along
            other.accounts.clock = self.accounts.clock
        return other

    def subscribe(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: ChangeListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify(self, entities: frozenset[str]) -> None:
        for listener in list(self._listeners):
            listener(entities)


def open_services(data_dir: Path | str, worker_id: uuid.UUID | None = None,
                  device_name: str | None = None) -> Services:
    """Open (and if needed create or upgrade) the database in ``data_dir``.

    Without ``worker_id`` the device's current profile is used, if there is one,
    for attribution; such services (not signed in: CLI, scripts) have the local
    system's full rights. Use ``as_worker`` after a sign-in.
    """
    db = Database.open(Path(data_dir), device_name=device_name)
    svc = Services(db, worker_id)
    if worker_id is None:
        current = svc.workers.current()
        if current is not None:
            svc.worker_id = current.id
    return svc


__all__ = ["Services", "open_services"]
