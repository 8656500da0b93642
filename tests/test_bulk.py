"""The bulk writer: records with their change entries, stored exactly like the ORM
stores them, in batches that commit on their own."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from gezond_desktop.ids import uuid7
from gezond_desktop.models import (
    Activity,
    ChangeLog,
    Encounter,
    Neighbourhood,
    Topic,
    Track,
    Worker,
)
from gezond_desktop.services import Services, open_services
from gezond_desktop.store.bulk import BulkCancelled, BulkWriter


@pytest.fixture()
def svc(tmp_path: Path) -> Iterator[Services]:
    s = open_services(tmp_path / "data")
    yield s
    s.db.close()


def _base(svc: Services) -> dict[str, uuid.UUID]:
    """A neighbourhood, a worker, two topics and a track, written through the ORM."""
    ids = {k: uuid7() for k in ("hood", "worker", "topic_a", "topic_b", "track")}
    with svc.db.write(None) as s:
        s.add(Neighbourhood(id=ids["hood"], code="hb", name="Hambaken",
                            municipality="'s-Hertogenbosch", is_focus=True))
        s.add(Worker(id=ids["worker"], name="Sanne V.", role="community_builder"))
        s.add(Topic(id=ids["topic_a"], code="a", name="Eenzaamheid"))
        s.add(Topic(id=ids["topic_b"], code="b", name="Geldzorgen"))
        s.add(Track(id=ids["track"], code="t", name="Sociale omgeving"))
    return ids


def _raw_row(path: Path, table: str, id_: uuid.UUID) -> dict[str, tuple[str, Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    sel = ", ".join(f"typeof({c}), {c}" for c in cols)
    row = conn.execute(f"SELECT {sel} FROM {table} WHERE id = ?", (id_.bytes,)).fetchone()
    conn.close()
    return {c: (row[2 * i], row[2 * i + 1]) for i, c in enumerate(cols)}


def _fields(svc: Services, record_id: uuid.UUID) -> dict[str, Any]:
    with svc.db.read() as s:
        text = s.scalars(select(ChangeLog.fields).where(ChangeLog.record_id == record_id)).one()
    return dict(json.loads(text))


ACTIVITY = {
    "name": "Samen Koken",
    "description": "Elke donderdag samen koken & eten — 'gezellig'",
    "schedule_kind": "weekly",
    "weekday": 3,
    "start_time": dt.time(17, 0),
    "starts_on": dt.date(2025, 1, 9),
    "ends_on": None,
    "created_at": dt.datetime(2025, 1, 2, 10, 0, 0),
}


@pytest.mark.parametrize(
    ("model", "values", "lists"),
    [
        (Activity, ACTIVITY, {"track_ids": ["track"], "target_group_ids": []}),
        (Encounter, {
            "occurred_at": dt.datetime(2025, 3, 4, 14, 5, 7, 123456), "kind": "street",
            "head_count": 3, "notes": "Gesprek bij de ingang", "worker_id": "worker",
            "neighbourhood_id": "hood", "follow_up_on": dt.date(2025, 3, 20),
            "created_at": dt.datetime(2025, 3, 4, 14, 6),
        }, {"topic_ids": ["topic_b", "topic_a"], "track_ids": [], "resident_ids": []}),
    ],
)
def test_bulk_rows_read_back_like_orm_rows(svc: Services, model: Any, values: dict[str, Any],
                                           lists: dict[str, list[str]]) -> None:
    ids = _base(svc)
    values = {k: ids.get(v, v) if isinstance(v, str) and k.endswith("_id") else v
              for k, v in values.items()}
    lists_ids = {k: [ids[v] for v in vs] for k, vs in lists.items()}
    orm_id, bulk_id = uuid7(), uuid7()
    with svc.db.write(ids["worker"]) as s:
        obj = model(id=orm_id, **values)
        for name, rel in model.__list_fields__.items():
            rel_model = getattr(model, rel).property.mapper.class_
            setattr(obj, rel, [s.get(rel_model, i) for i in lists_ids.get(name, [])])
        s.add(obj)
    with BulkWriter(svc.db, ids["worker"]) as bw:
        bw.add(model, {"id": bulk_id, **values}, lists=lists_ids)

    # Stored bytes and text: the same in both rows (except id, clock and save time).
    table = model.__tablename__
    orm_raw, bulk_raw = (_raw_row(svc.db.path, table, i) for i in (orm_id, bulk_id))
    for key in ("id", "hlc", "updated_at"):
        orm_raw.pop(key), bulk_raw.pop(key)
    assert bulk_raw == orm_raw
    # The change entries carry the same fields.
    orm_fields, bulk_fields = _fields(svc, orm_id), _fields(svc, bulk_id)
    orm_fields.pop("updated_at"), bulk_fields.pop("updated_at")
    assert bulk_fields == orm_fields
    # Read back through the ORM: equal values and lists.
    with svc.db.read() as s:
        a, b = s.get(model, orm_id), s.get(model, bulk_id)
        for key in values:
            assert getattr(b, key) == getattr(a, key), key
        for rel in model.__list_fields__.values():
            assert sorted(o.id for o in getattr(b, rel)) == sorted(o.id for o in getattr(a, rel))
        assert b is not None
        assert b.created_by == ids["worker"] and b.device_id == svc.db.device_id


def test_change_fields_text_is_exactly_what_the_orm_writes(svc: Services) -> None:
    ids = _base(svc)
    when = dt.datetime(2025, 5, 6, 7, 8, 9)
    with svc.db.write(ids["worker"]) as s:
        s.add(Encounter(id=(orm_id := uuid7()), occurred_at=when, kind="phone",
                        worker_id=ids["worker"], created_at=when, updated_at=when,
                        notes="Bellen over de huur: \"dringend\" ✓"))
    with BulkWriter(svc.db, ids["worker"]) as bw:
        bulk_id = bw.add(Encounter, {"occurred_at": when, "kind": "phone",
                                     "worker_id": ids["worker"], "created_at": when,
                                     "updated_at": when,
                                     "notes": "Bellen over de huur: \"dringend\" ✓"})
    with svc.db.read() as s:
        texts = {r.record_id: r.fields for r in s.scalars(select(ChangeLog))}
    # The ORM sets updated_at to the time of saving; align that one value.
    orm_text = json.loads(texts[orm_id])
    orm_text["updated_at"] = when.isoformat()
    from gezond_desktop.store.changes import dumps

    assert texts[bulk_id] == dumps(orm_text)


def test_batches_are_gap_free_and_every_record_has_its_entry(svc: Services) -> None:
    ids = _base(svc)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    with BulkWriter(svc.db, ids["worker"], batch_size=10, progress=progress, total=35) as bw:
        for i in range(35):
            bw.add(Encounter, {"occurred_at": dt.datetime(2025, 1, 1, 9, i), "kind": "street",
                               "worker_id": ids["worker"]}, lists={"topic_ids": [ids["topic_a"]]})
    assert [d for d, _ in calls] == [10, 20, 30, 35]
    assert calls[-1] == (35, 35)
    assert svc.stats.check() == []
    with svc.db.read() as s:
        seqs = list(s.scalars(select(ChangeLog.seq).order_by(ChangeLog.seq)))
        assert seqs == list(range(1, len(seqs) + 1))
        assert s.query(Encounter).count() == 35
        hlcs = [h for (h,) in s.query(Encounter.hlc)]
        assert len(set(hlcs)) == 35


def test_cancel_keeps_committed_batches_and_a_consistent_database(svc: Services) -> None:
    ids = _base(svc)
    with pytest.raises(BulkCancelled) as info, \
            BulkWriter(svc.db, ids["worker"], batch_size=10,
                       progress=lambda done, total: done < 20) as bw:
        for i in range(50):
            bw.add(Encounter, {"occurred_at": dt.datetime(2025, 1, 1, 9, i), "kind": "street",
                               "worker_id": ids["worker"]})
    assert info.value.done == 20
    with svc.db.read() as s:
        assert s.query(Encounter).count() == 20
    assert svc.stats.check() == []


def test_together_keeps_records_in_one_batch(svc: Services) -> None:
    ids = _base(svc)
    with pytest.raises(BulkCancelled), \
            BulkWriter(svc.db, ids["worker"], batch_size=3,
                       progress=lambda done, total: False) as bw:
        bw.add(Encounter, {"occurred_at": dt.datetime(2025, 1, 1), "kind": "street",
                           "worker_id": ids["worker"]})
        with bw.together():
            for i in range(5):
                bw.add(Encounter, {"occurred_at": dt.datetime(2025, 1, 2, 9, i),
                                   "kind": "street", "worker_id": ids["worker"]})
        bw.add(Encounter, {"occurred_at": dt.datetime(2025, 1, 3), "kind": "street",
                           "worker_id": ids["worker"]})
    with svc.db.read() as s:
        assert s.query(Encounter).count() == 6  # the group was not split


def test_bad_input_is_refused_before_anything_is_written(svc: Services) -> None:
    ids = _base(svc)
    with BulkWriter(svc.db, ids["worker"]) as bw:
        with pytest.raises(KeyError):
            bw.add(Encounter, {"occurred_at": dt.datetime(2025, 1, 1), "colour": "red"})
        with pytest.raises(KeyError):
            bw.add(Encounter, {"occurred_at": dt.datetime(2025, 1, 1)},
                   lists={"friend_ids": []})
    with pytest.raises(ValueError, match="kind"), BulkWriter(svc.db, ids["worker"]) as bw:
        bw.add(Encounter, {"occurred_at": dt.datetime(2025, 1, 1), "worker_id": ids["worker"]})
    with svc.db.read() as s:
        assert s.query(Encounter).count() == 0
    assert svc.stats.check() == []
