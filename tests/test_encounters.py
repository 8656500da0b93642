"""Encounters through the service layer on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from gezond_desktop.enums import EncounterKind
from gezond_desktop.errors import GezondError, NotFoundError, ValidationError
from gezond_desktop.models import ChangeLog, Encounter
from gezond_desktop.services import Services, open_services
from gezond_desktop.services.encounters import (
    EncounterFilter,
    EncounterInput,
    EncounterRow,
    SortKey,
)
from gezond_desktop.services.residents import ResidentInput

NOW = dt.datetime.now().replace(second=0, microsecond=0)
TODAY = dt.date.today()


@dataclass
class World:
    svc: Services
    worker: uuid.UUID
    other_worker: uuid.UUID
    hambaken: uuid.UUID
    kruiskamp: uuid.UUID
    buurthuis: uuid.UUID  # venue in Hambaken
    school: uuid.UUID  # venue in Kruiskamp
    loneliness: uuid.UUID
    money: uuid.UUID
    track: uuid.UUID


def make_world(data_dir: Path) -> World:
    svc = open_services(data_dir)
    me = svc.workers.create("Sanne de Vries", "community_builder")
    other = svc.workers.create("Karim", "key_figure")
    ref = svc.reference  # reference data is the local system's (a coordinator's) work
    hambaken = ref.save("neighbourhood", {"name": "Hambaken", "municipality": "'s-Hertogenbosch"})
    kruiskamp = ref.save("neighbourhood", {"name": "Kruiskamp",
                                           "municipality": "'s-Hertogenbosch"})
    buurthuis = ref.save("venue", {"name": "Buurthuis De Hambaken", "kind": "community_centre",
                                   "neighbourhood_id": hambaken.id})
    school = ref.save("venue", {"name": "Basisschool De Kruiskamp", "kind": "school",
                                "neighbourhood_id": kruiskamp.id})
    loneliness = ref.save("topic", {"name": "Eenzaamheid"})
    money = ref.save("topic", {"name": "Geldzorgen"})
    track = ref.save("track", {"name": "Sociale omgeving"})
    svc = svc.as_worker(me.id)
    return World(svc, me.id, other.id, hambaken.id, kruiskamp.id, buurthuis.id, school.id,
                 loneliness.id, money.id, track.id)


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    world = make_world(tmp_path / "data")
    yield world
    world.svc.db.close()


def change_count(svc: Services, entity: str | None = None) -> int:
    with svc.db.read() as s:
        q = select(func.count()).select_from(ChangeLog)
        if entity:
            q = q.where(ChangeLog.entity == entity)
        return int(s.scalar(q) or 0)


def enc(**kw: Any) -> EncounterInput:
    base: dict[str, Any] = {"occurred_at": NOW - dt.timedelta(hours=1), "kind": "street"}
    base.update(kw)
    return EncounterInput(**base)


# -- logging, reading, changing ---------------------------------------------------------


def test_log_and_get_show_what_was_entered(w: World) -> None:
    r = w.svc.residents.create(ResidentInput(alias="Mo"))
    v = w.svc.encounters.log(enc(
        kind="venue", venue_id=w.buurthuis, neighbourhood_id=w.hambaken, head_count=3,
        resident_ids=(r.id,), topic_ids=(w.money, w.loneliness), track_ids=(w.track,),
        notes="Gesprek over de energierekening", follow_up_on=TODAY + dt.timedelta(days=7)))
    got = w.svc.encounters.get(v.id)
    assert got == v
    assert got.worker_name == "Sanne de Vries"
    assert got.neighbourhood_name == "Hambaken"
    assert got.venue_name == "Buurthuis De Hambaken"
    assert got.kind_label == EncounterKind.VENUE.label
    assert got.head_count == 3
    assert got.resident_aliases == ("Mo",)
    assert got.topic_names == ("Eenzaamheid", "Geldzorgen")
    assert got.track_names == ("Sociale omgeving",)
    assert got.follow_up_on == TODAY + dt.timedelta(days=7)


def test_anonymous_contact_with_only_a_head_count_is_complete(w: World) -> None:
    v = w.svc.encounters.log(enc(head_count=12, kind="group"))
    assert v.resident_ids == () and v.neighbourhood_id is None
    assert w.svc.encounters.count() == 1


def test_venue_fills_in_its_neighbourhood(w: World) -> None:
    v = w.svc.encounters.log(enc(kind="venue", venue_id=w.school))
    assert v.neighbourhood_name == "Kruiskamp"


def test_a_few_minutes_ahead_is_fine_clock_drift(w: World) -> None:
    v = w.svc.encounters.log(enc(occurred_at=dt.datetime.now() + dt.timedelta(minutes=3)))
    assert w.svc.encounters.get(v.id).occurred_at == v.occurred_at


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"occurred_at": NOW + dt.timedelta(minutes=10)}, "occurred_at",
         "Het moment van het contact ligt in de toekomst. Kies een moment van nu of eerder."),
        ({"head_count": 0}, "head_count", "Vul het aantal mensen in: minstens 1."),
        ({"head_count": 501}, "head_count", "hooguit 500"),
        ({"neighbourhood_id": uuid.uuid4()}, "neighbourhood_id", "Deze buurt bestaat niet"),
        ({"venue_id": uuid.uuid4()}, "venue_id", "Deze vindplaats bestaat niet"),
        ({"topic_ids": (uuid.uuid4(),)}, "topic_ids", "onderwerp bestaat niet"),
        ({"kind": "telepathy"}, "kind", "Kies het soort contact uit de lijst."),
        ({"notes": "x" * 4001}, "notes", "hooguit 4000 tekens"),
        ({"follow_up_on": TODAY - dt.timedelta(days=30)}, "follow_up_on",
         "De datum voor opvolgen ligt voor het contact"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_nothing_is_saved(
        w: World, changes: dict[str, Any], field: str, expected: str) -> None:
    before = change_count(w.svc)
    with pytest.raises(ValidationError) as err:
        w.svc.encounters.log(enc(**changes))
    message = err.value.for_field(field)
    assert message is not None and expected in message
    assert w.svc.encounters.count() == 0
    assert change_count(w.svc) == before
    assert w.svc.encounters.last_used() == (None, None, None)


def test_head_count_below_number_of_residents_is_refused(w: World) -> None:
    a = w.svc.residents.create(ResidentInput(alias="Anna"))
    b = w.svc.residents.create(ResidentInput(alias="Bram"))
    with pytest.raises(ValidationError) as err:
        w.svc.encounters.log(enc(head_count=1, resident_ids=(a.id, b.id)))
    assert "minstens 2" in (err.value.for_field("head_count") or "")
    assert w.svc.encounters.log(enc(head_count=2, resident_ids=(a.id, b.id))).head_count == 2


def test_all_problems_are_reported_together(w: World) -> None:
    with pytest.raises(ValidationError) as err:
        w.svc.encounters.log(enc(head_count=0, occurred_at=NOW + dt.timedelta(days=1),
                                 neighbourhood_id=uuid.uuid4()))
    assert {e.field for e in err.value.errors} == {"head_count", "occurred_at",
                                                   "neighbourhood_id"}


def test_logging_needs_a_worker_profile(w: World) -> None:
    anonymous = w.svc.as_worker(None)
    with pytest.raises(GezondError, match="profiel"):
        anonymous.encounters.log(enc())
    assert w.svc.encounters.count() == 0


def test_change_log_one_entry_per_save_none_on_failure(w: World) -> None:
    before = change_count(w.svc, "encounter")
    v = w.svc.encounters.log(enc(topic_ids=(w.money,)))
    assert change_count(w.svc, "encounter") == before + 1
    w.svc.encounters.update(v.id, enc(head_count=4, topic_ids=(w.money, w.loneliness)))
    assert change_count(w.svc, "encounter") == before + 2
    with pytest.raises(ValidationError):
        w.svc.encounters.update(v.id, enc(head_count=0))
    assert change_count(w.svc, "encounter") == before + 2
    w.svc.encounters.delete(v.id)
    assert change_count(w.svc, "encounter") == before + 3
    with w.svc.db.read() as s:
        entries = list(s.scalars(select(ChangeLog).where(
            ChangeLog.record_id == v.id).order_by(ChangeLog.seq)))
    assert [c.op for c in entries] == ["insert", "update", "delete"]
    changed = json.loads(entries[1].fields)
    assert changed["head_count"] == 4 and len(changed["topic_ids"]) == 2


def test_update_changes_fields_and_keeps_the_original_worker(w: World) -> None:
    v = w.svc.encounters.log(enc(notes="eerst", topic_ids=(w.money,)))
    other = w.svc.as_worker(w.other_worker)
    u = other.encounters.update(v.id, enc(notes="daarna", head_count=2, kind="phone",
                                          topic_ids=(w.loneliness,)))
    assert (u.notes, u.head_count, u.kind) == ("daarna", 2, "phone")
    assert u.topic_names == ("Eenzaamheid",)
    assert u.worker_name == "Sanne de Vries"
    assert w.svc.encounters.get(v.id) == u


def test_delete_is_soft(w: World) -> None:
    v = w.svc.encounters.log(enc())
    w.svc.encounters.delete(v.id)
    with pytest.raises(NotFoundError):
        w.svc.encounters.get(v.id)
    assert w.svc.encounters.count() == 0
    assert w.svc.encounters.page()[0] == []
    with w.svc.db.read() as s:
        row = s.get(Encounter, v.id)
        assert row is not None and row.deleted_at is not None


def test_last_used_is_remembered_per_worker(w: World) -> None:
    assert w.svc.encounters.last_used() == (None, None, None)
    w.svc.encounters.log(enc(kind="venue", venue_id=w.school))
    assert w.svc.encounters.last_used() == (w.kruiskamp, w.school, "venue")
    other = w.svc.as_worker(w.other_worker)
    assert other.encounters.last_used() == (None, None, None)
    other.encounters.log(enc(kind="phone", neighbourhood_id=w.hambaken))
    assert other.encounters.last_used() == (w.hambaken, None, "phone")
    assert w.svc.encounters.last_used() == (w.kruiskamp, w.school, "venue")
    assert w.svc.db.setting(f"last_encounter:{w.worker}") is not None


# -- follow-ups --------------------------------------------------------------------------


def test_follow_ups_due_today_and_overdue(w: World) -> None:
    e = w.svc.encounters
    week_ago = NOW - dt.timedelta(days=7)
    overdue = e.log(enc(occurred_at=week_ago, follow_up_on=TODAY - dt.timedelta(days=2)))
    due = e.log(enc(occurred_at=week_ago, follow_up_on=TODAY))
    e.log(enc(occurred_at=week_ago, follow_up_on=TODAY + dt.timedelta(days=1)))  # not yet
    e.log(enc(occurred_at=week_ago))  # no follow-up
    karim = w.svc.as_worker(w.other_worker).encounters.log(
        enc(occurred_at=week_ago, follow_up_on=TODAY - dt.timedelta(days=1)))
    assert [r.id for r in e.follow_ups(w.worker, TODAY)] == [overdue.id, due.id]
    assert [r.id for r in e.follow_ups(None, TODAY)] == [overdue.id, karim.id, due.id]
    done = e.mark_follow_up_done(overdue.id, TODAY)
    assert done.follow_up_done_on == TODAY
    assert [r.id for r in e.follow_ups(w.worker, TODAY)] == [due.id]
    # Moving the date of a done follow-up makes it open again.
    e.update(overdue.id, enc(occurred_at=week_ago, follow_up_on=TODAY))
    assert {r.id for r in e.follow_ups(w.worker, TODAY)} == {overdue.id, due.id}


def test_mark_follow_up_done_without_follow_up_is_refused(w: World) -> None:
    v = w.svc.encounters.log(enc())
    before = change_count(w.svc)
    with pytest.raises(ValidationError, match="geen opvolging"):
        w.svc.encounters.mark_follow_up_done(v.id, TODAY)
    assert change_count(w.svc) == before


# -- the lazy list -------------------------------------------------------------------------

N_ROWS = 500


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """500 encounters logged through the service; every third shares its minute with
    the next, so the id has to break ties."""
    world = make_world(tmp_path_factory.mktemp("big") / "data")
    other = world.svc.as_worker(world.other_worker)
    base = NOW - dt.timedelta(days=1)
    for i in range(N_ROWS):
        svc = other if i % 4 == 0 else world.svc
        hood = [world.hambaken, world.kruiskamp, None][i % 3]
        svc.encounters.log(EncounterInput(
            occurred_at=base - dt.timedelta(minutes=10 * (i // 3)),
            kind="street",
            neighbourhood_id=hood,
            venue_id=world.buurthuis if i % 5 == 0 else None,
            topic_ids=(world.money,) if i % 7 == 0 else (),
            notes=f"Gesprek nummer {i}" + (" over de voedselbank" if i % 11 == 0 else ""),
            head_count=1 + i % 4,
        ))
    yield world
    world.svc.db.close()


def all_pages(svc: Services, limit: int, **kw: Any) -> tuple[list[EncounterRow], int]:
    rows: list[EncounterRow] = []
    key: SortKey | None = None
    pages = 0
    while True:
        page, key = svc.encounters.page(after=key, limit=limit, **kw)
        pages += 1
        rows += page
        assert len(page) <= limit
        if key is None:
            return rows, pages
        assert len(page) == limit


def expected_by_date(svc: Services, descending: bool) -> list[uuid.UUID]:
    with svc.db.read() as s:
        rows = list(s.execute(select(Encounter.occurred_at, Encounter.id).where(
            Encounter.deleted_at.is_(None))).all())
    rows.sort(key=lambda r: (r[0], r[1].bytes), reverse=descending)
    return [r[1] for r in rows]


@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_return_every_row_once_in_date_order(big: World, descending: bool) -> None:
    rows, pages = all_pages(big.svc, 37, descending=descending)
    ids = [r.id for r in rows]
    assert len(ids) == N_ROWS == len(set(ids))
    assert ids == expected_by_date(big.svc, descending)
    assert pages == -(-N_ROWS // 37)


@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_by_neighbourhood(big: World, descending: bool) -> None:
    rows, _ = all_pages(big.svc, 45, sort="neighbourhood", descending=descending)
    ids = [r.id for r in rows]
    assert len(ids) == N_ROWS == len(set(ids))
    names = [r.neighbourhood_name for r in rows]
    order = ["Kruiskamp", "Hambaken"] if descending else ["Hambaken", "Kruiskamp"]
    # Grouped by neighbourhood in name order, no neighbourhood last ...
    assert list(dict.fromkeys(names)) == [*order, ""]
    # ... and newest first within each neighbourhood.
    for name in [*order, ""]:
        group = [(r.occurred_at, r.id.bytes) for r in rows if r.neighbourhood_name == name]
        assert group == sorted(group, reverse=True)


def test_neighbourhood_sort_respects_filters(big: World) -> None:
    f = EncounterFilter(worker_id=big.other_worker)
    rows, _ = all_pages(big.svc, 10, filters=f, sort="neighbourhood")
    assert len(rows) == big.svc.encounters.count(f) == N_ROWS // 4
    assert {r.worker_name for r in rows} == {"Karim"}


def test_page_rows_carry_the_names_a_user_reads(big: World) -> None:
    rows, key = big.svc.encounters.page(EncounterFilter(topic_id=big.money), limit=5)
    first = rows[0]
    assert first.topic_names == "Geldzorgen"
    assert first.kind_label == EncounterKind.STREET.label
    assert first.worker_name in {"Sanne de Vries", "Karim"}
    assert first.notes_preview.startswith("Gesprek nummer")
    assert key is not None
    long = big.svc.encounters.log(enc(notes="woord " * 100, venue_id=big.buurthuis,
                                      topic_ids=(big.money, big.loneliness)))
    row = next(r for r in big.svc.encounters.page(limit=5)[0] if r.id == long.id)
    assert len(row.notes_preview) <= 80
    assert row.topic_names == "Eenzaamheid, Geldzorgen"
    assert row.venue_name == "Buurthuis De Hambaken"
    big.svc.encounters.delete(long.id)


FILTER_CASES: dict[str, tuple[Callable[[World], EncounterFilter],
                                Callable[[EncounterRow], bool]]] = {
    "neighbourhood": (lambda w: EncounterFilter(neighbourhood_id=w.hambaken),
                      lambda r: r.neighbourhood_name == "Hambaken"),
    "venue": (lambda w: EncounterFilter(venue_id=w.buurthuis),
              lambda r: r.venue_name == "Buurthuis De Hambaken"),
    "worker": (lambda w: EncounterFilter(worker_id=w.other_worker),
               lambda r: r.worker_name == "Karim"),
    "topic": (lambda w: EncounterFilter(topic_id=w.money),
              lambda r: "Geldzorgen" in r.topic_names),
    "text in notes, any case": (lambda w: EncounterFilter(text="VOEDSELBANK"),
                                lambda r: "voedselbank" in r.notes_preview),
    "text in venue name": (lambda w: EncounterFilter(text="De Hambaken"),
                           lambda r: r.venue_name == "Buurthuis De Hambaken"),
    "worker and neighbourhood": (
        lambda w: EncounterFilter(worker_id=w.worker, neighbourhood_id=w.kruiskamp),
        lambda r: r.worker_name == "Sanne de Vries" and r.neighbourhood_name == "Kruiskamp"),
}


@pytest.mark.parametrize("case", list(FILTER_CASES))
def test_filters_return_exactly_the_matching_rows(big: World, case: str) -> None:
    make_filter, matches = FILTER_CASES[case]
    filters = make_filter(big)
    rows, _ = all_pages(big.svc, 50, filters=filters)
    everything, _ = all_pages(big.svc, 500)
    expected = [r.id for r in everything if matches(r)]
    assert expected  # the filter is not trivially empty ...
    assert len(expected) < N_ROWS  # ... nor everything
    assert [r.id for r in rows] == expected
    assert big.svc.encounters.count(filters) == len(expected)


def test_date_filter_is_inclusive_on_both_days(big: World) -> None:
    everything, _ = all_pages(big.svc, 500)
    days = sorted({r.occurred_at.date() for r in everything})
    assert len(days) >= 2
    day = days[0]
    f = EncounterFilter(date_from=day, date_to=day)
    rows, _ = all_pages(big.svc, 40, filters=f)
    assert rows and [r.id for r in rows] == [r.id for r in everything
                                            if r.occurred_at.date() == day]
    assert big.svc.encounters.count(f) == len(rows)


class Captured:
    def __init__(self) -> None:
        self.statements: list[tuple[str, Any]] = []

    def __call__(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any,
                 executemany: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            self.statements.append((statement, params))


def explain(path: Path, statement: str, params: Any) -> str:
    conn = sqlite3.connect(path)
    conn.create_function("gz_plain", 1, lambda v: v)  # as the app's connections have
    try:
        rows = conn.execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
    finally:
        conn.close()
    return "\n".join(str(r[-1]) for r in rows)


def test_default_page_walks_the_partial_list_index(big: World) -> None:
    captured = Captured()
    event.listen(big.svc.db.engine, "before_cursor_execute", captured)
    try:
        _, key = big.svc.encounters.page(limit=50)
        captured.statements.clear()
        big.svc.encounters.page(after=key, limit=50)
        page_statements = list(captured.statements)
        captured.statements.clear()
        big.svc.encounters.count()
        count_statements = list(captured.statements)
    finally:
        event.remove(big.svc.db.engine, "before_cursor_execute", captured)
    assert len(page_statements) <= 2  # the rows with their names, and their topics
    statement, params = page_statements[0]
    assert "deleted_at IS NULL" in statement
    plan = explain(big.svc.db.path, statement, params)
    assert "USING INDEX ix_encounter_list ((occurred_at,id)<(?,?))" in plan
    assert "TEMP B-TREE" not in plan  # no sort: rows come in index order
    count_plan = explain(big.svc.db.path, *count_statements[0])
    assert "ix_encounter_list" in count_plan


def test_topic_filter_page_does_not_sort_all_matches(big: World) -> None:
    captured = Captured()
    event.listen(big.svc.db.engine, "before_cursor_execute", captured)
    try:
        big.svc.encounters.page(EncounterFilter(topic_id=big.money), limit=20)
    finally:
        event.remove(big.svc.db.engine, "before_cursor_execute", captured)
    plan = explain(big.svc.db.path, *captured.statements[0])
    assert "ix_encounter_list" in plan and "TEMP B-TREE" not in plan
