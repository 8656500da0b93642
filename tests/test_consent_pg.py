"""The PostgreSQL hub's readable tables follow consent: a resident without an active
consent for registration has no row there, and the references to them are blanked
while their attendance, contacts and referrals still count (docs/privacy.md)."""

from __future__ import annotations

import datetime as dt
import uuid

from psycopg import sql
from sync_world import encounter, referral, resident
from test_sync_postgres import PgTeam, _q, needs_pg, pg_url, schema, team

from gezond_desktop.sync import pg_schema

__all__ = ["pg_url", "schema", "team"]  # fixtures used here
TODAY = dt.date.today()


def _rows(t: PgTeam, query: str, table: str, *params: object) -> list[tuple[object, ...]]:
    return _q(t.url, sql.SQL(query).format(sql.Identifier(t.schema, table)), params)


@needs_pg
def test_withdrawn_registration_leaves_only_counts_in_the_readable_tables(
        team: PgTeam) -> None:
    d0 = team.add("d0", coordinator=True)
    d1 = team.add("d1")
    hood = d0.svc.reference.list("neighbourhood")[0].id
    yes = resident(d0, "Plantje", birth_year=1980, neighbourhood_id=hood,
                   full_name="Johanna de Wit",
                   consents=(("registration", TODAY),))
    never = resident(d0, "Anoniem", birth_year=1955)  # never gave consent
    encounter(d0, neighbourhood_id=hood, head_count=2, resident_ids=[yes, never])
    ref_yes, ref_never = referral(d0, yes), referral(d0, never)
    team.sync(d0)

    assert _rows(team, "SELECT id, birth_year FROM {}", "resident") == [(yes, 1980)]
    assert {r[0]: r[1] for r in _rows(team, "SELECT id, resident_id FROM {}", "referral")} \
        == {ref_yes: yes, ref_never: None}
    (ids,) = _rows(team, "SELECT resident_ids FROM {}", "encounter")[0]
    assert sorted(ids, key=str) == sorted([yes, None], key=str)

    # The consent is withdrawn on another device; the hub follows after its sync.
    team.sync(d1)
    cid = next(c.id for c in d1.svc.residents.get(yes).consents if c.purpose == "registration")
    d1.svc.residents.withdraw_consent(cid)
    team.sync(d1)
    assert _rows(team, "SELECT id FROM {}", "resident") == []
    assert [r[0] for r in _rows(team, "SELECT resident_id FROM {}", "referral")] == [None, None]
    (ids,) = _rows(team, "SELECT resident_ids FROM {}", "encounter")[0]
    assert ids == [None, None]  # the contact still counts two residents
    assert _rows(team, "SELECT head_count FROM {}", "encounter") == [(2,)]
    # The merged state is kept apart (not for report users): a new consent shows the
    # resident again without anything being sent twice.
    state = pg_schema.state_table("resident")
    assert {r[0] for r in _rows(team, "SELECT id FROM {}", state)} == {yes, never}
    d1.svc.residents.add_consent(yes, "registration")
    team.sync(d1)
    assert _rows(team, "SELECT id FROM {}", "resident") == [(yes,)]


@needs_pg
def test_an_older_hub_is_migrated_to_the_consent_views(team: PgTeam) -> None:
    import psycopg

    other = f"{team.schema}_old"
    try:
        with psycopg.connect(team.url, autocommit=True) as conn:
            assert pg_schema.migrate(conn, other, target=3) == 0
            rid = uuid.uuid4()
            conn.execute(sql.SQL("INSERT INTO {} (id, birth_year) VALUES (%s, 1970)").format(
                sql.Identifier(other, "resident")), (rid,))
            assert pg_schema.migrate(conn, other) == 3
            assert pg_schema.current_version(conn, other) == pg_schema.LATEST
            kept = conn.execute(sql.SQL("SELECT birth_year FROM {}").format(
                sql.Identifier(other, pg_schema.state_table("resident")))).fetchall()
            shown = conn.execute(sql.SQL("SELECT id FROM {}").format(
                sql.Identifier(other, "resident"))).fetchall()
        assert kept == [(1970,)] and shown == []
    finally:
        with psycopg.connect(team.url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                sql.Identifier(other)))
