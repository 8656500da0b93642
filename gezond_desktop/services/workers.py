"""Workers (the people who log) and this device's current profile."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, func, select

from ..enums import Role
from ..errors import GezondError, NotFoundError
from ..ids import uuid7
from ..models import Device, Organisation, Worker
from ..peek import CURRENT_WORKER_KEY
from ..security.audit import AuditAction, append_entry
from ..security.permissions import require
from .base import Checker, ServiceBase, get_live

_WORKER = cast(Table, Worker.__table__)
_ORG = cast(Table, Organisation.__table__)


@dataclass(frozen=True)
class WorkerView:
    id: uuid.UUID
    name: str
    role: str
    organisation_id: uuid.UUID | None
    organisation_name: str
    active: bool

    @property
    def role_label(self) -> str:
        return Role(self.role).label


def _view(w: Worker, org_name: str | None) -> WorkerView:
    return WorkerView(w.id, w.name, w.role, w.organisation_id, org_name or "", w.active)


class WorkerService(ServiceBase):
    def create(self, name: str, role: str, organisation_id: uuid.UUID | None = None) -> WorkerView:
        """Add a worker (coordinators; a new admin only by an admin)."""
        self.services.require("workers.manage")
        if role == Role.ADMIN.value:
            self.services.require("role.change")
        c = Checker()
        name = c.text("name", name, "uw naam", 120, True)
        role_v = c.choice("role", role, Role, "een rol")
        c.done()
        with self._write() as s:
            org = get_live(s, Organisation, organisation_id, "Deze organisatie") \
                if organisation_id else None
            w = Worker(id=uuid7(), name=name, role=role_v, organisation_id=organisation_id)
            s.add(w)
            s.flush()
            return _view(w, org.name if org else None)

    def update(self, worker_id: uuid.UUID, *, name: str | None = None, role: str | None = None,
               organisation_id: uuid.UUID | None = None, active: bool | None = None) -> WorkerView:
        """Change a worker (coordinators; one's own name too). A role change is for
        the admin only and is recorded in the audit log."""
        actor = self.services.actor()
        if worker_id != actor.worker_id or active is not None or organisation_id is not None:
            require(actor, "workers.manage")
        with self._write() as s:
            w = get_live(s, Worker, worker_id, "Deze medewerker")
            c = Checker()
            if name is not None:
                w.name = c.text("name", name, "de naam", 120, True) or w.name
            if role is not None:
                new_role = c.choice("role", role, Role, "een rol") or w.role
                if new_role != w.role:
                    require(actor, "role.change")
                    append_entry(s, self.db.device_id, self.worker_id, AuditAction.ROLE_CHANGE,
                                 target_entity="worker", target_id=w.id,
                                 detail={"from": w.role, "to": new_role})
                    w.role = new_role
            c.done()
            if organisation_id is not None:
                get_live(s, Organisation, organisation_id, "Deze organisatie")
                w.organisation_id = organisation_id
            if active is not None:
                w.active = active
            s.flush()
            org = s.get(Organisation, w.organisation_id) if w.organisation_id else None
            return _view(w, org.name if org else None)

    def list(self, role: str | None = None, include_inactive: bool = False) -> list[WorkerView]:
        with self._read() as s:
            q = (select(Worker, Organisation.name)
                 .outerjoin(Organisation, Organisation.id == Worker.organisation_id)
                 .where(Worker.deleted_at.is_(None)))
            if role:
                q = q.where(Worker.role == role)
            if not include_inactive:
                q = q.where(Worker.active.is_(True))
            return [_view(w, o) for w, o in s.execute(q.order_by(func.lower(Worker.name)))]

    def get(self, worker_id: uuid.UUID) -> WorkerView:
        # Core, not the ORM: this runs at every start (the current profile), and the
        # first ORM query of a process pays for configuring every mapper.
        w, o = _WORKER.c, _ORG.c
        q = (select(w.id, w.name, w.role, w.organisation_id, o.name, w.active)
             .select_from(_WORKER.outerjoin(_ORG, o.id == w.organisation_id))
             .where(w.id == worker_id, w.deleted_at.is_(None)))
        with self._read() as s:
            row = s.execute(q).first()
        if row is None:
            raise NotFoundError("Deze medewerker bestaat niet (meer). "
                                "Vernieuw het scherm en kies opnieuw.")
        return WorkerView(row[0], row[1], row[2], row[3], row[4] or "", bool(row[5]))

    # -- this device -------------------------------------------------------------
    def device_name(self) -> str:
        with self._read() as s:
            d = s.get(Device, self.db.device_id)
            return d.name if d else ""

    def set_device_name(self, name: str) -> None:
        c = Checker()
        name = c.text("device_name", name, "een naam voor deze computer", 120, True)
        c.done()
        with self._write() as s:
            d = get_live(s, Device, self.db.device_id, "Deze computer")
            if d.name != name:
                d.name = name

    # -- the profile of this device ---------------------------------------------
    def current(self) -> WorkerView | None:
        raw = self.db.setting(CURRENT_WORKER_KEY)
        if not raw:
            return None
        try:
            return self.get(uuid.UUID(raw))
        except (ValueError, GezondError):  # a stale setting just means "no profile"
            return None

    def set_current(self, worker_id: uuid.UUID) -> None:
        self.get(worker_id)
        self.db.set_setting(CURRENT_WORKER_KEY, str(worker_id))
