"""Encounters (contacts): logging in seconds, and a lazy list over a million rows.

Listing uses keyset pagination only (never OFFSET, never all rows):

* ``sort="date"``: order (occurred_at, id), newest first when ``descending``. The
  query is ``WHERE deleted_at IS NULL AND (occurred_at, id) < (:a, :b) ORDER BY
  occurred_at DESC, id DESC LIMIT n``, a range scan of the partial index
  ``ix_encounter_list``. With a neighbourhood, venue or worker filter SQLite may
  pick that column's index instead (an equality seek, also ordered by time).
* ``sort="neighbourhood"``: neighbourhoods in name order (A-Z, or Z-A when
  ``descending``), encounters without a neighbourhood last; within one
  neighbourhood always newest first. The key is (neighbourhood, occurred_at, id).
  A page walks the (small) list of neighbourhoods in name order and runs, per
  neighbourhood, one keyset query on ``ix_encounter_neighbourhood``
  (neighbourhood_id, occurred_at) until the page is full. Each query is an index
  range scan; no query reads more rows than it returns plus the filtered-out ones.
* A text search (notes or venue name, LIKE) without a date, neighbourhood, venue or
  worker filter scans the table once with a top-N sort instead of walking the list
  index: about 0.2-0.3 s per page on a million rows, however rare the text, where
  the index walk took 2 s for a rare word (measured). With a date range the list
  index is used (fast for a common word or a short range).
* The "OFFSET ?" in the emitted SQL is always 0: SQLAlchemy's SQLite dialect adds
  it to every LIMIT. No page ever skips rows by offset.

``log`` also remembers the neighbourhood, venue and kind per worker in
``local_setting`` (key ``last_encounter:{worker_id}``), in the same transaction as
the encounter, for the quick-entry form (:meth:`EncounterService.last_used`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    func,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import Session as OrmSession

from ..enums import EncounterKind
from ..errors import GezondError
from ..ids import uuid7
from ..models import (
    Encounter,
    Neighbourhood,
    Resident,
    Topic,
    Track,
    Venue,
    Worker,
    utcnow,
)
from ..models.work import encounter_topic
from .base import Checker, ServiceBase, get_live

# The read paths (list, count, follow-ups) use the tables, not the mapped classes:
# a Core statement compiles in about half the time of the same ORM-enabled one,
# which is what the first page and "Mijn taken" pay at start-up.
_E = cast(Table, Encounter.__table__)
_N = cast(Table, Neighbourhood.__table__)
_V = cast(Table, Venue.__table__)
_W = cast(Table, Worker.__table__)
_T = cast(Table, Topic.__table__)

HEAD_COUNT_MAX = 500
NOTES_MAX = 4000
PREVIEW_LEN = 80
NO_NEIGHBOURHOOD = "(geen buurt)"


# The last-used values of a worker: insert, or update only when they changed.
_REMEMBER_SQL = (
    "INSERT INTO local_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
    "SET value = excluded.value WHERE local_setting.value IS NOT excluded.value"
)


def last_used_key(worker_id: uuid.UUID) -> str:
    return f"last_encounter:{worker_id}"


def _kind_label(code: str) -> str:
    try:
        return EncounterKind(code).label
    except ValueError:
        return code


# -- plain data ----------------------------------------------------------------------


@dataclass(frozen=True)
class EncounterInput:
    occurred_at: dt.datetime
    kind: str
    head_count: int = 1
    neighbourhood_id: uuid.UUID | None = None
    venue_id: uuid.UUID | None = None
    resident_ids: tuple[uuid.UUID, ...] = ()
    topic_ids: tuple[uuid.UUID, ...] = ()
    track_ids: tuple[uuid.UUID, ...] = ()
    notes: str = ""
    follow_up_on: dt.date | None = None


@dataclass(frozen=True)
class EncounterView:
    id: uuid.UUID
    occurred_at: dt.datetime
    kind: str
    head_count: int
    worker_id: uuid.UUID
    worker_name: str
    neighbourhood_id: uuid.UUID | None
    neighbourhood_name: str
    venue_id: uuid.UUID | None
    venue_name: str
    resident_ids: tuple[uuid.UUID, ...]
    resident_aliases: tuple[str, ...]
    topic_ids: tuple[uuid.UUID, ...]
    topic_names: tuple[str, ...]
    track_ids: tuple[uuid.UUID, ...]
    track_names: tuple[str, ...]
    notes: str
    follow_up_on: dt.date | None
    follow_up_done_on: dt.date | None

    @property
    def kind_label(self) -> str:
        return _kind_label(self.kind)


@dataclass(frozen=True)
class EncounterFilter:
    date_from: dt.date | None = None  # inclusive
    date_to: dt.date | None = None  # inclusive
    neighbourhood_id: uuid.UUID | None = None
    venue_id: uuid.UUID | None = None
    worker_id: uuid.UUID | None = None
    topic_id: uuid.UUID | None = None
    text: str = ""  # part of the notes or of the venue name


@dataclass(frozen=True)
class SortKey:
    """Where the next page starts (exclusive): the last row of the previous page."""

    occurred_at: dt.datetime
    id: uuid.UUID
    # Only for sort="neighbourhood": the row's neighbourhood (None: no neighbourhood).
    neighbourhood_id: uuid.UUID | None = None
    neighbourhood_name: str = ""


@dataclass(frozen=True)
class EncounterRow:
    id: uuid.UUID
    occurred_at: dt.datetime
    neighbourhood_name: str
    venue_name: str
    kind_label: str
    head_count: int
    worker_name: str
    topic_names: str  # comma-joined
    notes_preview: str  # first 80 characters, on one line
    follow_up_on: dt.date | None
    neighbourhood_id: uuid.UUID | None = None
    kind: str = ""


SortBy = Literal["date", "neighbourhood"]


# -- the service -----------------------------------------------------------------------


class EncounterService(ServiceBase):
    # -- write -----------------------------------------------------------------------
    def log(self, inp: EncounterInput) -> EncounterView:
        """Save a new encounter by the current worker and remember its neighbourhood,
        venue and kind for the next quick entry (in the same transaction).

        The hot path of the app (p95 under 10 ms on a million contacts): one flush,
        the last-used setting as one upsert that writes only when it changed, and
        the view built from what validation already loaded (no lazy loads)."""
        worker_id = self._require_worker()
        with self._write() as s:
            loaded: list[Any] = []
            values, lists = self._validate(s, inp, keep=loaded)
            e = Encounter(id=uuid7(), worker_id=worker_id, **values)
            e.residents, e.topics, e.tracks = lists
            s.add(e)
            s.flush()
            s.connection().exec_driver_sql(
                _REMEMBER_SQL,
                (last_used_key(worker_id), json.dumps({
                    "neighbourhood_id": _str(e.neighbourhood_id),
                    "venue_id": _str(e.venue_id),
                    "kind": e.kind,
                })),
            )
            name = s.connection().exec_driver_sql(
                "SELECT name FROM worker WHERE id = ?", (worker_id.bytes,)).scalar()
            return _view(s, e, worker_name=name or "")

    def update(self, encounter_id: uuid.UUID, inp: EncounterInput) -> EncounterView:
        """Change an encounter; only the fields that really change are written."""
        self._require_worker()
        with self._write() as s:
            e = get_live(s, Encounter, encounter_id, "Dit contact")
            values, (residents, topics, tracks) = self._validate(s, inp, e)
            with s.no_autoflush:  # one flush, so one change entry with every field
                for k, v in values.items():
                    if getattr(e, k) != v:
                        setattr(e, k, v)
                for attr, new in (("residents", residents), ("topics", topics),
                                  ("tracks", tracks)):
                    if {o.id for o in getattr(e, attr)} != {o.id for o in new}:
                        setattr(e, attr, new)
            s.flush()
            return _view(s, e)

    def delete(self, encounter_id: uuid.UUID) -> None:
        with self._write() as s:
            e = get_live(s, Encounter, encounter_id, "Dit contact")
            e.deleted_at = utcnow()

    def mark_follow_up_done(self, encounter_id: uuid.UUID,
                            on: dt.date | None = None) -> EncounterView:
        on = on or dt.date.today()
        with self._write() as s:
            e = get_live(s, Encounter, encounter_id, "Dit contact")
            c = Checker()
            if e.follow_up_on is None:
                c.fail("follow_up_done_on", "Bij dit contact staat geen opvolging gepland. "
                       "U hoeft niets af te vinken.")
            c.not_future("follow_up_done_on", on, "De datum van opvolgen")
            c.done()
            if e.follow_up_done_on != on:
                e.follow_up_done_on = on
            s.flush()
            return _view(s, e)

    # -- read ------------------------------------------------------------------------
    def get(self, encounter_id: uuid.UUID) -> EncounterView:
        with self._read() as s:
            return _view(s, get_live(s, Encounter, encounter_id, "Dit contact"))

    def last_used(self) -> tuple[uuid.UUID | None, uuid.UUID | None, str | None]:
        """(neighbourhood_id, venue_id, kind) of the current worker's last logged
        encounter, for the quick-entry form; values that no longer exist are None."""
        if self.worker_id is None:
            return None, None, None
        raw = self.db.setting(last_used_key(self.worker_id))
        if not raw:
            return None, None, None
        try:
            data = json.loads(raw)
            nid = uuid.UUID(data["neighbourhood_id"]) if data.get("neighbourhood_id") else None
            vid = uuid.UUID(data["venue_id"]) if data.get("venue_id") else None
            kind = data.get("kind") if data.get("kind") in EncounterKind._value2member_map_ \
                else None
        except (ValueError, TypeError, KeyError, AttributeError):
            return None, None, None
        # Still there and not retired: the (cached) reference lists say so.
        ref = self.services.reference
        if nid is not None and all(n.id != nid for n in ref.list("neighbourhood")):
            nid = None
        if vid is not None and all(v.id != vid for v in ref.list("venue")):
            vid = None
        return nid, vid, kind

    def page(self, filters: EncounterFilter | None = None, sort: SortBy = "date",
             descending: bool = True, after: SortKey | None = None,
             limit: int = 200) -> tuple[list[EncounterRow], SortKey | None]:
        """One page of the list, and the key of the next page (None: this was the last).

        Pass the returned key as ``after`` to get the next page. Keys belong to one
        (filters, sort, descending) combination.
        """
        filters = filters or EncounterFilter()
        limit = max(1, limit)
        with self._read() as s:
            if sort == "date":
                rows = self._page_by_date(s, filters, descending, after, limit + 1)
            elif sort == "neighbourhood":
                rows = self._page_by_neighbourhood(s, filters, descending, after, limit + 1)
            else:
                raise ValueError(f"unknown sort {sort!r}")
            more = len(rows) > limit
            rows = rows[:limit]
            result = _rows(s, rows)
        next_key = None
        if more and result:
            last = result[-1]
            next_key = SortKey(last.occurred_at, last.id, last.neighbourhood_id,
                               last.neighbourhood_name)
        return result, next_key

    def count(self, filters: EncounterFilter | None = None) -> int:
        with self._read() as s:
            q = select(func.count()).select_from(_E).where(
                *self._conditions(filters or EncounterFilter(), for_count=True))
            return int(s.scalar(q) or 0)

    def follow_ups(self, worker_id: uuid.UUID | None = None,
                   today: dt.date | None = None) -> list[EncounterRow]:
        """Encounters whose follow-up is due today or overdue and not done yet,
        oldest due date first; of one worker, or of everybody when None."""
        today = today or dt.date.today()
        with self._read() as s:
            q = _row_select().where(
                _E.c.deleted_at.is_(None),
                _E.c.follow_up_on.is_not(None),
                _E.c.follow_up_done_on.is_(None),
                _E.c.follow_up_on <= today,
            )
            if worker_id is not None:
                q = q.where(_E.c.worker_id == worker_id)
            q = q.order_by(_E.c.follow_up_on, _E.c.occurred_at, _E.c.id)
            return _rows(s, list(s.execute(q)))

    # -- listing internals ---------------------------------------------------------------
    def _conditions(self, f: EncounterFilter,
                    for_count: bool = False) -> list[ColumnElement[bool]]:
        text = " ".join(f.text.split())
        if _scan(f):
            # A text search can match few rows anywhere in the list. Walking the list
            # index would then look up every row of the table in index order (seconds
            # on a million rows); one straight pass over the table with a top-N sort
            # costs the same every time (a few hundred ms). "+deleted_at" keeps the
            # planner off the partial list index; the other indexes stay usable.
            conds: list[ColumnElement[bool]] = [
                literal_column("+encounter.deleted_at").is_(None)]
        else:
            conds = [_E.c.deleted_at.is_(None)]
        if f.date_from is not None:
            conds.append(_E.c.occurred_at >= dt.datetime.combine(f.date_from, dt.time()))
        if f.date_to is not None:
            end = dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time())
            conds.append(_E.c.occurred_at < end)
        if f.neighbourhood_id is not None:
            conds.append(_E.c.neighbourhood_id == f.neighbourhood_id)
        if f.venue_id is not None:
            conds.append(_E.c.venue_id == f.venue_id)
        if f.worker_id is not None:
            conds.append(_E.c.worker_id == f.worker_id)
        if f.topic_id is not None:
            et = encounter_topic
            if for_count:  # all of this topic's links, through ix_encounter_topic_topic
                conds.append(_E.c.id.in_(
                    select(et.c.encounter_id).where(et.c.topic_id == f.topic_id)))
            else:  # walk the list in order, probing the link's primary key per row
                conds.append(select(et.c.encounter_id).where(
                    et.c.encounter_id == _E.c.id, et.c.topic_id == f.topic_id,
                ).exists())
        if text:
            pattern = "%" + _escape_like(text) + "%"
            conds.append(or_(
                _E.c.notes.like(pattern, escape="\\"),
                _E.c.venue_id.in_(
                    select(_V.c.id).where(_V.c.name.like(pattern, escape="\\"))),
            ))
        return conds

    def _page_by_date(self, s: OrmSession, f: EncounterFilter, descending: bool,
                      after: SortKey | None, n: int) -> list[Any]:
        q = _row_select().where(*self._conditions(f))
        q = _keyset(q, after, descending, scan=_scan(f))
        return list(s.execute(q.limit(n)))

    def _page_by_neighbourhood(self, s: OrmSession, f: EncounterFilter, descending: bool,
                               after: SortKey | None, n: int) -> list[Any]:
        # Every neighbourhood, deleted ones too (their encounters still show), by name.
        nbs = [(r[0], r[1]) for r in s.execute(select(_N.c.id, _N.c.name))]
        nbs.sort(key=lambda r: (r[1].casefold(), r[0].bytes), reverse=descending)
        if f.neighbourhood_id is not None:
            nbs = [r for r in nbs if r[0] == f.neighbourhood_id]
        groups: list[uuid.UUID | None] = [r[0] for r in nbs]
        if f.neighbourhood_id is None:
            groups.append(None)  # no neighbourhood: always last
        start = 0
        if after is not None:
            if after.neighbourhood_id in groups:
                start = groups.index(after.neighbourhood_id)
            else:  # not in the list any more: continue after its name
                name = after.neighbourhood_name.casefold()
                start = next((i for i, r in enumerate(nbs)
                              if (r[1].casefold() < name if descending
                                  else r[1].casefold() > name)), len(nbs))
        base = self._conditions(f)
        out: list[Any] = []
        for i in range(start, len(groups)):
            nid = groups[i]
            q = _row_select().where(
                *base,
                _E.c.neighbourhood_id == nid if nid is not None
                else _E.c.neighbourhood_id.is_(None),
            )
            first = after is not None and i == start and after.neighbourhood_id == nid
            q = _keyset(q, after if first else None, True)
            out += s.execute(q.limit(n - len(out))).all()
            if len(out) >= n:
                break
        return out

    # -- validation ------------------------------------------------------------------
    def _require_worker(self) -> uuid.UUID:
        if self.worker_id is None:
            raise GezondError(
                "Kies eerst wie u bent (uw profiel). Daarna kunt u contacten vastleggen.")
        return self.worker_id

    def _validate(self, s: OrmSession, inp: EncounterInput, current: Encounter | None = None,
                  keep: list[Any] | None = None,
                  ) -> tuple[dict[str, Any], tuple[list[Resident], list[Topic], list[Track]]]:
        """Check the input; ``keep`` receives the neighbourhood and venue it loaded (the
        session holds records weakly: keeping them saves loading them again)."""
        c = Checker()
        occurred_at: dt.datetime | None = inp.occurred_at
        if not isinstance(occurred_at, dt.datetime):
            c.fail("occurred_at", "Vul de datum en de tijd van het contact in.")
            occurred_at = None
        else:
            if occurred_at.tzinfo is not None:
                occurred_at = occurred_at.astimezone().replace(tzinfo=None)
            c.not_future("occurred_at", occurred_at, "Het moment van het contact")
        kind = c.choice("kind", inp.kind, EncounterKind, "het soort contact")
        heads = inp.head_count
        if heads is None or isinstance(heads, bool) or not isinstance(heads, int) or heads < 1:
            c.fail("head_count", "Vul het aantal mensen in: minstens 1.")
        elif heads > HEAD_COUNT_MAX:
            c.fail("head_count", f"Het aantal mensen is te hoog: hooguit {HEAD_COUNT_MAX}. "
                   "Controleer het aantal.")
        resident_ids = list(dict.fromkeys(inp.resident_ids))
        if isinstance(heads, int) and 1 <= heads < len(resident_ids):
            c.fail("head_count", f"U koos {len(resident_ids)} inwoners, maar het aantal mensen "
                   f"is {heads}. Maak het aantal mensen minstens {len(resident_ids)}.")
        notes = c.text("notes", inp.notes, "de notitie", NOTES_MAX)
        follow_up = inp.follow_up_on
        if isinstance(follow_up, dt.datetime):
            follow_up = follow_up.date()
        if follow_up is not None and isinstance(occurred_at, dt.datetime) \
                and follow_up < occurred_at.date():
            c.fail("follow_up_on", "De datum voor opvolgen ligt voor het contact. "
                   "Kies een latere datum, of laat hem leeg.")
        neighbourhood_id = inp.neighbourhood_id
        nb = s.get(Neighbourhood, neighbourhood_id) if neighbourhood_id is not None else None
        if keep is not None:
            keep.append(nb)
        if neighbourhood_id is not None and not _live(nb):
            c.fail("neighbourhood_id",
                   "Deze buurt bestaat niet (meer). Kies een buurt uit de lijst.")
        if inp.venue_id is not None:
            venue = s.get(Venue, inp.venue_id)
            if keep is not None:
                keep.append(venue)
            if not _live(venue):
                c.fail("venue_id", "Deze vindplaats bestaat niet (meer). "
                       "Kies een vindplaats uit de lijst.")
            elif neighbourhood_id is None and venue is not None:
                neighbourhood_id = venue.neighbourhood_id  # the venue tells where it was
        residents = _load(s, Resident, resident_ids, c, "resident_ids",
                          "Een gekozen inwoner bestaat niet (meer). Kies de inwoners opnieuw.")
        topics = _load(s, Topic, inp.topic_ids, c, "topic_ids",
                       "Een gekozen onderwerp bestaat niet (meer). Kies de onderwerpen opnieuw.")
        tracks = _load(s, Track, inp.track_ids, c, "track_ids",
                       "Een gekozen spoor bestaat niet (meer). Kies de sporen opnieuw.")
        c.done()
        values = {
            "occurred_at": occurred_at,
            "kind": kind,
            "head_count": heads,
            "neighbourhood_id": neighbourhood_id,
            "venue_id": inp.venue_id,
            "notes": notes,
            "follow_up_on": follow_up,
        }
        if current is not None and current.follow_up_on != follow_up:
            values["follow_up_done_on"] = None  # a new follow-up date is not done yet
        return values, (residents, topics, tracks)


# -- helpers ---------------------------------------------------------------------------


def _scan(f: EncounterFilter) -> bool:
    """Whether a text search should scan the table instead of walking the list index."""
    return bool(f.text.strip()) and f.date_from is None and f.date_to is None \
        and f.neighbourhood_id is None and f.venue_id is None and f.worker_id is None


def _live(obj: Any) -> bool:
    return obj is not None and obj.deleted_at is None


def _str(v: uuid.UUID | None) -> str | None:
    return str(v) if v is not None else None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _load(s: OrmSession, model: Any, ids: Sequence[uuid.UUID], c: Checker, field: str,
          message: str) -> list[Any]:
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    found = {o.id: o for o in s.scalars(select(model).where(model.id.in_(ids)))}
    if any(not _live(found.get(i)) for i in ids):
        c.fail(field, message)
        return []
    return [found[i] for i in ids]


def _view(s: OrmSession, e: Encounter, worker_name: str | None = None) -> EncounterView:
    if worker_name is None:
        worker = s.get(Worker, e.worker_id)
        worker_name = worker.name if worker else ""
    nb = s.get(Neighbourhood, e.neighbourhood_id) if e.neighbourhood_id else None
    venue = s.get(Venue, e.venue_id) if e.venue_id else None
    residents = list(e.residents)
    topics = sorted(e.topics, key=lambda t: t.name.casefold())
    tracks = sorted(e.tracks, key=lambda t: t.name.casefold())
    return EncounterView(
        id=e.id,
        occurred_at=e.occurred_at,
        kind=e.kind,
        head_count=e.head_count,
        worker_id=e.worker_id,
        worker_name=worker_name,
        neighbourhood_id=e.neighbourhood_id,
        neighbourhood_name=nb.name if nb else "",
        venue_id=e.venue_id,
        venue_name=venue.name if venue else "",
        resident_ids=tuple(r.id for r in residents),
        resident_aliases=tuple(r.alias for r in residents),
        topic_ids=tuple(t.id for t in topics),
        topic_names=tuple(t.name for t in topics),
        track_ids=tuple(t.id for t in tracks),
        track_names=tuple(t.name for t in tracks),
        notes=e.notes,
        follow_up_on=e.follow_up_on,
        follow_up_done_on=e.follow_up_done_on,
    )


def _row_select() -> Select[Any]:
    """The columns of one list row, names joined (outer joins keep encounter the
    driving table, so the planner walks its index)."""
    return (
        select(
            _E.c.id, _E.c.occurred_at, _E.c.neighbourhood_id,
            _N.c.name, _V.c.name, _E.c.kind, _E.c.head_count,
            # gz_plain: the notes are encrypted (models/sealed.py)
            _W.c.name, func.substr(func.gz_plain(_E.c.notes), 1, PREVIEW_LEN),
            _E.c.follow_up_on,
        )
        .select_from(_E)
        .outerjoin(_N, _N.c.id == _E.c.neighbourhood_id)
        .outerjoin(_V, _V.c.id == _E.c.venue_id)
        .outerjoin(_W, _W.c.id == _E.c.worker_id)
    )


def _keyset(q: Select[Any], after: SortKey | None, descending: bool,
            scan: bool = False) -> Select[Any]:
    if scan:  # keep the planner on the table scan (see _conditions)
        key = tuple_(literal_column("+encounter.occurred_at"), literal_column("+encounter.id"))
    else:
        key = tuple_(_E.c.occurred_at, _E.c.id)
    if after is not None:
        bound = tuple_(literal(after.occurred_at, _E.c.occurred_at.type),
                       literal(after.id, _E.c.id.type))
        q = q.where(key < bound if descending else key > bound)
    if descending:
        return q.order_by(_E.c.occurred_at.desc(), _E.c.id.desc())
    return q.order_by(_E.c.occurred_at, _E.c.id)


def _rows(s: OrmSession, raw: Sequence[Any]) -> list[EncounterRow]:
    ids = [r[0] for r in raw]
    topics: dict[uuid.UUID, list[str]] = {}
    if ids:
        et = encounter_topic
        q = (select(et.c.encounter_id, _T.c.name)
             .join(_T, _T.c.id == et.c.topic_id)
             .where(et.c.encounter_id.in_(ids)))
        for eid, name in s.execute(q):
            topics.setdefault(eid, []).append(name)
    out = []
    for eid, at, nid, nb, venue, kind, heads, worker, notes, follow_up in raw:
        out.append(EncounterRow(
            id=eid,
            occurred_at=at,
            neighbourhood_name=nb or "",
            venue_name=venue or "",
            kind_label=_kind_label(kind),
            head_count=heads,
            worker_name=worker or "",
            topic_names=", ".join(sorted(topics.get(eid, []), key=str.casefold)),
            notes_preview=" ".join((notes or "").split()),
            follow_up_on=follow_up,
            neighbourhood_id=nid,
            kind=kind,
        ))
    return out

