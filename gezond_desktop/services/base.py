"""What every service shares: the database, who is working, change broadcasts and
the small validation helpers that turn bad input into plain-Dutch field errors.

Services are plain Python (no Qt). Each public method is one user action: it
opens one short-lived session, does its work, commits, and returns plain data
objects (frozen dataclasses), never live ORM objects. After a successful write
the service tells its listeners which entities changed, so views redraw only
what they show.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..enums import LabelledEnum
from ..errors import FieldError, NotFoundError, ValidationError
from ..models import Synced
from ..store import Database, WriteContext

if TYPE_CHECKING:
    from . import Services

M = TypeVar("M", bound=Synced)
ChangeListener = Callable[[frozenset[str]], None]


class ServiceBase:
    def __init__(self, services: Services) -> None:
        self.services = services

    @property
    def db(self) -> Database:
        return self.services.db

    @property
    def worker_id(self) -> uuid.UUID | None:
        return self.services.worker_id

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self.db.read() as s:
            yield s

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self.db.write(self.worker_id) as s:
            yield s
            ctx: WriteContext = s.info["write"]
            s.flush()
            changed = frozenset(ctx.changed_entities)
        if changed:
            self.services.notify(changed)


def get_live(s: Session, model: type[M], id_: uuid.UUID | None, what: str) -> M:
    """Load a record that is not deleted, or raise a plain NotFoundError."""
    obj = s.get(model, id_) if id_ is not None else None
    if obj is None or obj.deleted_at is not None:
        raise NotFoundError(f"{what} bestaat niet (meer). Vernieuw het scherm en kies opnieuw.")
    return obj


def load_many(
    s: Session, model: type[M], ids: Iterable[uuid.UUID], field: str, what: str
) -> list[M]:
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    found = {o.id: o for o in s.scalars(select(model).where(model.id.in_(ids)))}
    missing = [i for i in ids if i not in found or found[i].deleted_at is not None]
    if missing:
        raise ValidationError(FieldError(field, f"{what} bestaat niet (meer). Kies opnieuw."))
    return [found[i] for i in ids]


class Checker:
    """Collects field errors; :meth:`done` raises them together (nothing is saved)."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def require(self, field: str, value: Any, message: str) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            self.fail(field, message)

    def text(self, field: str, value: str | None, label: str, max_len: int,
             required: bool = False) -> str:
        v = (value or "").strip()
        if required and not v:
            self.fail(field, f"Vul {label} in.")
        elif len(v) > max_len:
            self.fail(field, f"{label.capitalize()} is te lang: gebruik hooguit {max_len} tekens.")
        return v

    def choice(self, field: str, value: str | None, enum: type[LabelledEnum], label: str,
               required: bool = True) -> str | None:
        if value is None or value == "":
            if required:
                self.fail(field, f"Kies {label}.")
            return None
        try:
            return enum(value).value
        except ValueError:
            parsed = enum.parse(str(value))
            if parsed is None:
                self.fail(field, f"Kies {label} uit de lijst.")
                return None
            return parsed.value

    def int_range(self, field: str, value: int | None, lo: int, hi: int, message: str) -> None:
        if value is not None and not (lo <= value <= hi):
            self.fail(field, message)

    def not_future(self, field: str, value: dt.date | dt.datetime | None, label: str) -> None:
        if value is None:
            return
        if isinstance(value, dt.datetime):
            if value > dt.datetime.now() + dt.timedelta(minutes=5):
                self.fail(field, f"{label} ligt in de toekomst. Kies een moment van nu of eerder.")
        elif value > dt.date.today():
            self.fail(field, f"{label} ligt in de toekomst. Kies vandaag of eerder.")

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
