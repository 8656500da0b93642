"""Reference data: neighbourhoods, venues, organisations and their services,
target groups, topics, tracks and programme lines. Coordinators add, edit and
retire them; retired values stay on the records that use them."""

from __future__ import annotations

import builtins
import threading
import uuid
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..enums import OrganisationKind, VenueKind
from ..errors import FieldError, ValidationError
from ..ids import uuid7
from ..models import (
    Neighbourhood,
    Organisation,
    OrganisationService,
    ProgrammeLine,
    Synced,
    TargetGroup,
    Topic,
    Track,
    Venue,
    utcnow,
)
from .base import Checker, ServiceBase, get_live


@dataclass(frozen=True)
class RefItem:
    """One reference value as the UI and reports see it."""

    kind: str
    id: uuid.UUID
    name: str
    code: str = ""
    detail: str = ""  # municipality, venue kind, organisation kind
    parent_id: uuid.UUID | None = None  # venue -> neighbourhood, service -> organisation
    is_focus: bool = False
    retired: bool = False
    type_code: str = ""  # venue / organisation kind code (detail is its Dutch label)
    description: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} (niet meer in gebruik)" if self.retired else self.name


# kind -> (model, Dutch singular, has code)
KINDS: dict[str, tuple[type[Synced], str, bool]] = {
    "neighbourhood": (Neighbourhood, "buurt", True),
    "venue": (Venue, "vindplaats", False),
    "organisation": (Organisation, "organisatie", False),
    "organisation_service": (OrganisationService, "dienst", False),
    "target_group": (TargetGroup, "doelgroep", True),
    "topic": (Topic, "onderwerp", True),
    "track": (Track, "spoor", True),
    "programme_line": (ProgrammeLine, "programmalijn", True),
}


def to_item(kind: str, obj: Any) -> RefItem:
    detail = ""
    parent = None
    if kind == "neighbourhood":
        detail = obj.municipality
    elif kind == "venue":
        detail = VenueKind(obj.kind).label if obj.kind in VenueKind._value2member_map_ else obj.kind
        parent = obj.neighbourhood_id
    elif kind == "organisation":
        detail = (OrganisationKind(obj.kind).label
                  if obj.kind in OrganisationKind._value2member_map_ else obj.kind)
    elif kind == "organisation_service":
        parent = obj.organisation_id
    return RefItem(
        kind=kind,
        id=obj.id,
        name=obj.name,
        code=getattr(obj, "code", "") or "",
        detail=detail,
        parent_id=parent,
        is_focus=bool(getattr(obj, "is_focus", False)),
        retired=obj.retired_at is not None,
        type_code=getattr(obj, "kind", "") if kind in ("venue", "organisation") else "",
        description=getattr(obj, "description", "") or "",
    )


# -- the fast list -------------------------------------------------------------------
# Screens ask for the same small lists again and again (the Contacten page alone
# wants seven). ``list`` reads them with plain SQL (no ORM statement to compile, no
# ORM objects) and keeps them per database, checked at every call against the
# newest change_log row: every write of a synced record, local, imported or
# received by sync, adds a change_log row in the same transaction (the database
# refuses a record version without one), and change_log rows are never deleted.
# The check is one index seek read in the same transaction as the rows.

_STAMP_SQL = "SELECT max(rowid) FROM change_log"
_COLUMNS: dict[str, str] = {  # after id, name, retired_at
    "neighbourhood": "code, municipality, is_focus",
    "venue": "kind, neighbourhood_id",
    "organisation": "kind, description",
    "organisation_service": "organisation_id",
}


def _list_sql(kind: str) -> str:
    table = KINDS[kind][0].__table__.name  # type: ignore[attr-defined]
    extra = _COLUMNS.get(kind, "code")
    return (f"SELECT id, name, retired_at, {extra} FROM {table} "
            "WHERE deleted_at IS NULL ORDER BY lower(name), id")


def _uuid_of(raw: Any) -> uuid.UUID | None:
    return None if raw is None else uuid.UUID(bytes=bytes(raw))


def _item_of(kind: str, row: Any) -> RefItem:
    id_, name, retired_at = row[0], row[1], row[2]
    common: dict[str, Any] = {"kind": kind, "id": uuid.UUID(bytes=bytes(id_)), "name": name,
                              "retired": retired_at is not None}
    if kind == "neighbourhood":
        return RefItem(**common, code=row[3] or "", detail=row[4], is_focus=bool(row[5]))
    if kind == "venue":
        code = row[3]
        detail = VenueKind(code).label if code in VenueKind._value2member_map_ else code
        return RefItem(**common, detail=detail, parent_id=_uuid_of(row[4]), type_code=code)
    if kind == "organisation":
        code = row[3]
        detail = (OrganisationKind(code).label
                  if code in OrganisationKind._value2member_map_ else code)
        return RefItem(**common, detail=detail, type_code=code, description=row[4] or "")
    if kind == "organisation_service":
        return RefItem(**common, parent_id=_uuid_of(row[3]))
    return RefItem(**common, code=row[3] or "")


class _ListCache:
    """Per database: kind -> (change_log stamp, every live value of that kind)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.kinds: dict[str, tuple[Any, tuple[RefItem, ...]]] = {}


_CACHES: weakref.WeakKeyDictionary[Any, _ListCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def _cache_for(db: Any) -> _ListCache:
    with _CACHES_LOCK:
        cache = _CACHES.get(db)
        if cache is None:
            cache = _CACHES[db] = _ListCache()
        return cache


def slug(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() else "_" for ch in text.strip())
    while "__" in out:
        out = out.replace("__", "_")
    return out.strip("_")[:40] or "x"


class ReferenceService(ServiceBase):
    def list(self, kind: str, include_retired: bool = False) -> list[RefItem]:
        """The live values of ``kind`` by name (A-Z); retired ones only when asked."""
        return self.lists(kind, include_retired=include_retired)[kind]

    def lists(self, *kinds: str, include_retired: bool = False
              ) -> dict[str, builtins.list[RefItem]]:
        """:meth:`list` of several kinds at once (one short read for a whole form)."""
        found = self._all(kinds)
        if include_retired:
            return {k: list(items) for k, items in found.items()}
        return {k: [i for i in items if not i.retired] for k, items in found.items()}

    def _all(self, kinds: tuple[str, ...]) -> dict[str, tuple[RefItem, ...]]:
        for kind in kinds:
            if kind not in KINDS:
                raise KeyError(kind)
        cache = _cache_for(self.db)
        out: dict[str, tuple[RefItem, ...]] = {}
        with self._read() as s:
            conn = s.connection()
            stamp = conn.exec_driver_sql(_STAMP_SQL).scalar()
            with cache.lock:
                for kind in kinds:
                    hit = cache.kinds.get(kind)
                    if hit is not None and hit[0] == stamp:
                        out[kind] = hit[1]
            fresh = {kind: tuple(_item_of(kind, r) for r in conn.exec_driver_sql(_list_sql(kind)))
                     for kind in kinds if kind not in out}
        if fresh:
            with cache.lock:
                for kind, items in fresh.items():
                    cache.kinds[kind] = (stamp, items)
            out.update(fresh)
        return out

    def get(self, kind: str, id_: uuid.UUID) -> RefItem:
        model, what, _ = KINDS[kind]
        with self._read() as s:
            return to_item(kind, get_live(s, model, id_, f"Deze {what}"))

    def find(self, kind: str, text: str) -> RefItem | None:
        """Find a value by code or name (any case), retired ones included."""
        model, _, has_code = KINDS[kind]
        t = text.strip().lower()
        if not t:
            return None
        with self._read() as s:
            conds = [func.lower(model.name) == t]  # type: ignore[attr-defined]
            if has_code:
                conds.append(func.lower(model.code) == t)  # type: ignore[attr-defined]
            from sqlalchemy import or_

            obj = s.scalars(
                select(model).where(model.deleted_at.is_(None), or_(*conds)).limit(1)
            ).first()
            return to_item(kind, obj) if obj else None

    def save(self, kind: str, values: dict[str, Any], id_: uuid.UUID | None = None) -> RefItem:
        """Add (id_ None) or edit one reference value (coordinators only)."""
        self.services.require("reference.edit")
        model, what, _ = KINDS[kind]
        with self._write() as s:
            obj = get_live(s, model, id_, f"Deze {what}") if id_ else None
            clean = self._validate(s, kind, values, obj)
            if obj is None:
                obj = model(id=uuid7(), **clean)  # type: ignore[call-arg]
                s.add(obj)
            else:
                for k, v in clean.items():
                    if getattr(obj, k) != v:
                        setattr(obj, k, v)
            s.flush()
            return to_item(kind, obj)

    def set_retired(self, kind: str, id_: uuid.UUID, retired: bool = True) -> RefItem:
        self.services.require("reference.edit")
        model, what, _ = KINDS[kind]
        with self._write() as s:
            obj: Any = get_live(s, model, id_, f"Deze {what}")
            if retired and obj.retired_at is None:
                obj.retired_at = utcnow()
            elif not retired and obj.retired_at is not None:
                obj.retired_at = None
            s.flush()
            return to_item(kind, obj)

    def _validate(self, s: Session, kind: str, v: dict[str, Any], obj: Any) -> dict[str, Any]:
        model, _, _ = KINDS[kind]
        m: Any = model

        def taken(column: str, value: str) -> bool:
            dup = s.scalars(
                select(m).where(func.lower(getattr(m, column)) == value.lower(),
                                m.deleted_at.is_(None))
            ).first()
            return dup is not None and dup is not obj

        def require_parent(parent: str, id_: uuid.UUID) -> None:
            if parent == "neighbourhood":
                get_live(s, Neighbourhood, id_, "Deze buurt")
            else:
                get_live(s, Organisation, id_, "Deze organisatie")

        return clean_values(
            kind, v,
            (lambda k, d: getattr(obj, k, d)) if obj is not None else (lambda k, d: d),
            code_taken=lambda code: taken("code", code),
            name_taken=lambda name: taken("name", name),
            require_parent=require_parent,
        )


def clean_values(
    kind: str,
    v: Mapping[str, Any],
    current: Callable[[str, Any], Any],
    *,
    code_taken: Callable[[str], bool],
    name_taken: Callable[[str], bool],
    require_parent: Callable[[str, uuid.UUID], None],
) -> dict[str, Any]:
    """The rules of :meth:`ReferenceService.save` without database access, so an
    import can check thousands of rows against values it loaded once.

    ``current(field, default)`` gives a field of the value being edited (the
    default for a new one); ``code_taken`` / ``name_taken`` say whether another
    live value already has this code / organisation name (any case);
    ``require_parent`` raises when a neighbourhood or organisation is gone.
    Raises :class:`ValidationError` with plain-Dutch field errors.
    """
    _, what, has_code = KINDS[kind]
    c = Checker()
    name = c.text("name", v.get("name", current("name", "")), "een naam", 160, True)
    out: dict[str, Any] = {"name": name}
    if has_code:
        code = (v.get("code") or current("code", "") or slug(name)).strip()
        out["code"] = c.text("code", code, "een code", 40, True)
        if code and code_taken(code):
            c.fail("code", f"De code {code} bestaat al. Kies een andere code.")
    if name and kind == "organisation" and name_taken(name):
        c.fail("name", f"Er is al een {what} met de naam {name}.")
    if kind == "neighbourhood":
        out["municipality"] = c.text(
            "municipality", v.get("municipality", current("municipality", "")),
            "de gemeente", 120, True)
        out["is_focus"] = bool(v.get("is_focus", current("is_focus", False)))
        if "is_demo" in v:
            out["is_demo"] = bool(v["is_demo"])
    elif kind == "venue":
        out["kind"] = c.choice("kind", v.get("kind", current("kind", None)),
                               VenueKind, "het soort vindplaats")
        nid = v.get("neighbourhood_id", current("neighbourhood_id", None))
        if nid is not None:
            require_parent("neighbourhood", nid)
        out["neighbourhood_id"] = nid
    elif kind == "organisation":
        out["kind"] = c.choice("kind", v.get("kind", current("kind", "other")),
                               OrganisationKind, "het soort organisatie")
        out["description"] = c.text(
            "description", v.get("description", current("description", "")),
            "de omschrijving", 2000)
    elif kind == "organisation_service":
        oid = v.get("organisation_id", current("organisation_id", None))
        if oid is None:
            c.fail("organisation_id", "Kies de organisatie die deze dienst biedt.")
        else:
            require_parent("organisation", oid)
        out["organisation_id"] = oid
    c.done()
    return out


def require_ref(s: Session, kind: str, id_: uuid.UUID | None, field: str) -> None:
    """Check that a referenced value exists (retired values are fine on records)."""
    if id_ is None:
        return
    model, what, _ = KINDS[kind]
    obj = s.get(model, id_)
    if obj is None or obj.deleted_at is not None:
        raise ValidationError(FieldError(field, f"Deze {what} bestaat niet (meer). Kies opnieuw."))
