"""The PostgreSQL hub's own schema: created and migrated by the app.

Everything lives in one PostgreSQL schema (``gezond`` by default). A version
table records each applied step; :func:`migrate` applies the missing steps in
order, in ONE transaction, under an advisory lock (two devices connecting at the
same moment do not migrate twice). A hub schema newer than this app is refused
with "update the app".

Two kinds of tables:

* hub tables (``hub_*``): the change protocol. ``hub_change`` has one row per
  change (device, seq, hlc, keyed content hash, ``received_at`` = server time);
  ``hub_bundle`` holds the encrypted and signed payloads (the same bundle format
  as the shared-folder hub, :mod:`.bundle`); ``hub_quarantine`` keeps a change
  that arrived again with other content. The server never sees a name, contact
  detail or note in clear. Payloads are stored without PostgreSQL's compression
  (step 5): they are compressed and encrypted already.
* readable tables (``neighbourhood``, ``resident``, ...): the merged current
  state for Excel / Power BI, with an explicit allowlist of NON-personal columns
  (:data:`READABLE`). Each value has a version ``"<hlc 20 digits>:<device hex>"``:
  ``sync_versions`` (jsonb) holds it per column where it differs from
  ``sync_version``, the version of the insert that created the row (most rows
  need no per-column entry). Pushes merge field by field (last writer wins by
  hybrid logical clock, then device), in any order.
* consent (step 4, docs/privacy.md): the merged state of residents, attendance,
  encounters, referrals and consents is kept in ``hub_state_*`` tables; the
  readable ``resident``, ``attendance``, ``encounter`` and ``referral`` are views
  over them that show a resident only while their consent for "registration" is
  active: no ``resident`` row otherwise, and the reference to them blanked (NULL)
  in attendance, encounters and referrals, which still count. Give report users
  SELECT on the readable tables and views only, never on ``hub_*``.

Never change a step that has shipped: add a new one (and bump :data:`LATEST`).
"""

from __future__ import annotations

from typing import Any

from psycopg import Connection, sql

from .hub import HubError

DEFAULT_SCHEMA = "gezond"

# Readable tables: entity -> [(column, PostgreSQL type)], an ALLOWLIST. Names,
# contact details, aliases, notes, reasons, outcome notes and free-text
# descriptions are left out on purpose; a resident is only its id, birth year,
# gender, neighbourhood and target groups (and deleted_at, so deleted residents
# can be filtered out). Every table also gets id, hlc and sync_versions.
_REF = [("retired_at", "timestamp")]
_STAMPS = [("created_at", "timestamp"), ("updated_at", "timestamp"),
           ("deleted_at", "timestamp")]
READABLE: dict[str, list[tuple[str, str]]] = {
    "neighbourhood": [("code", "text"), ("name", "text"), ("municipality", "text"),
                      ("is_focus", "boolean"), ("is_demo", "boolean"), *_REF, *_STAMPS],
    "organisation": [("name", "text"), ("kind", "text"), *_REF, *_STAMPS],
    "organisation_service": [("organisation_id", "uuid"), ("name", "text"), *_REF, *_STAMPS],
    "target_group": [("code", "text"), ("name", "text"), *_REF, *_STAMPS],
    "topic": [("code", "text"), ("name", "text"), *_REF, *_STAMPS],
    "track": [("code", "text"), ("name", "text"), *_REF, *_STAMPS],
    "programme_line": [("code", "text"), ("name", "text"), *_REF, *_STAMPS],
    "venue": [("name", "text"), ("kind", "text"), ("neighbourhood_id", "uuid"), *_REF,
              *_STAMPS],
    "resident": [("birth_year", "integer"), ("gender", "text"), ("neighbourhood_id", "uuid"),
                 ("target_group_ids", "uuid[]"), ("deleted_at", "timestamp")],
    "activity": [("name", "text"), ("organisation_id", "uuid"), ("neighbourhood_id", "uuid"),
                 ("venue_id", "uuid"), ("programme_line_id", "uuid"),
                 ("schedule_kind", "text"), ("weekday", "smallint"), ("start_time", "time"),
                 ("starts_on", "date"), ("ends_on", "date"), ("track_ids", "uuid[]"),
                 ("target_group_ids", "uuid[]"), *_REF, *_STAMPS],
    "session": [("activity_id", "uuid"), ("held_on", "date"), ("anonymous_guests", "integer"),
                *_STAMPS],
    "attendance": [("session_id", "uuid"), ("resident_id", "uuid"), ("role", "text"),
                   *_STAMPS],
    "encounter": [("occurred_at", "timestamp"), ("worker_id", "uuid"),
                  ("neighbourhood_id", "uuid"), ("venue_id", "uuid"), ("kind", "text"),
                  ("head_count", "integer"), ("follow_up_on", "date"),
                  ("follow_up_done_on", "date"), ("resident_ids", "uuid[]"),
                  ("topic_ids", "uuid[]"), ("track_ids", "uuid[]"), *_STAMPS],
    "referral": [("resident_id", "uuid"), ("pathway", "text"), ("source", "text"),
                 ("source_venue_id", "uuid"), ("referring_organisation_id", "uuid"),
                 ("coach_id", "uuid"), ("registered_on", "date"), ("follow_up_on", "date"),
                 ("outcome", "text"), ("destination_organisation_ids", "uuid[]"),
                 ("destination_activity_ids", "uuid[]"), *_STAMPS],
    "referral_event": [("referral_id", "uuid"), ("status", "text"), ("occurred_on", "date"),
                       ("worker_id", "uuid"), *_STAMPS],
    "positive_health_score": [("referral_id", "uuid"), ("moment", "text"),
                              ("measured_on", "date"), ("body", "smallint"),
                              ("mental", "smallint"), ("meaning", "smallint"),
                              ("quality_of_life", "smallint"), ("participation", "smallint"),
                              ("daily_functioning", "smallint"), *_STAMPS],
    # Added in step 4; kept in hub_state_resident_consent (not readable itself).
    "resident_consent": [("resident_id", "uuid"), ("purpose", "text"), ("given_on", "date"),
                         ("withdrawn_on", "date"), ("deleted_at", "timestamp")],
}
# The readable tables as step 3 made them (a step that shipped never changes).
_STEP3_TABLES = [t for t in READABLE if t != "resident_consent"]
# Step 4: where the merged state of these entities is kept (the readable name is a
# view over it that applies the consent rule, see the module documentation).
STATE_TABLES = {e: f"hub_state_{e}" for e in ("resident", "attendance", "encounter",
                                              "referral", "resident_consent")}


def state_table(entity: str) -> str:
    """The physical table that holds the merged state of ``entity``."""
    return STATE_TABLES.get(entity, entity)
# Foreign keys a BI tool may want to join on get an index.
_INDEXED = ("neighbourhood_id", "activity_id", "session_id", "resident_id", "referral_id")


def _ident(schema: str, name: str) -> sql.Identifier:
    return sql.Identifier(schema, name)


def _step1(s: str) -> list[sql.Composed]:
    """The change protocol: hub identity, devices, changes and their bundles."""
    return [
        sql.SQL("CREATE TABLE {} (hub_id text PRIMARY KEY, format integer NOT NULL, "
                "created_at timestamptz NOT NULL DEFAULT now())").format(_ident(s, "hub_info")),
        sql.SQL("CREATE TABLE {} (device_id uuid PRIMARY KEY, name text NOT NULL DEFAULT '', "
                "public_key text NOT NULL, registered_at timestamptz NOT NULL DEFAULT now())"
                ).format(_ident(s, "hub_device")),
        sql.SQL("CREATE TABLE {} (device_id uuid NOT NULL, seq bigint NOT NULL, "
                "hlc bigint NOT NULL, hash bytea NOT NULL, "
                "received_at timestamptz NOT NULL DEFAULT now(), "
                "PRIMARY KEY (device_id, seq))").format(_ident(s, "hub_change")),
        sql.SQL("CREATE TABLE {} (device_id uuid NOT NULL, seq_from bigint NOT NULL, "
                "seq_to bigint NOT NULL, hlc_min bigint NOT NULL, hlc_max bigint NOT NULL, "
                "payload bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), "
                "PRIMARY KEY (device_id, seq_from))").format(_ident(s, "hub_bundle")),
    ]


def _step2(s: str) -> list[sql.Composed]:
    """Changes that arrived again with other content: kept, never applied."""
    return [
        sql.SQL("CREATE TABLE {} (device_id uuid NOT NULL, seq bigint NOT NULL, "
                "hash bytea NOT NULL, payload bytea NOT NULL, reason text NOT NULL, "
                "received_at timestamptz NOT NULL DEFAULT now(), "
                "PRIMARY KEY (device_id, seq, hash))").format(_ident(s, "hub_quarantine")),
        sql.SQL("CREATE INDEX {} ON {} (device_id, seq_to)").format(
            sql.Identifier("hub_bundle_device_seq_to"), _ident(s, "hub_bundle")),
    ]


def _step3(s: str) -> list[sql.Composed]:
    """The readable merged-state tables for Excel / Power BI."""
    out: list[sql.Composed] = []
    for table in _STEP3_TABLES:
        cols = READABLE[table]
        defs: list[sql.Composable] = [sql.SQL("id uuid PRIMARY KEY")]
        defs += [sql.SQL("{} {}").format(sql.Identifier(c), sql.SQL(t)) for c, t in cols]
        defs += [sql.SQL("hlc bigint NOT NULL DEFAULT 0"),
                 sql.SQL("sync_version text NOT NULL DEFAULT ''"),
                 sql.SQL("sync_versions jsonb NOT NULL DEFAULT '{}'::jsonb")]
        out.append(sql.SQL("CREATE TABLE {} ({})").format(_ident(s, table),
                                                          sql.SQL(", ").join(defs)))
        for c, _t in cols:
            if c in _INDEXED:
                out.append(sql.SQL("CREATE INDEX {} ON {} ({})").format(
                    sql.Identifier(f"{table}_{c}_idx"), _ident(s, table), sql.Identifier(c)))
    return out


def _view_cols(table: str, gated: dict[str, sql.Composable]) -> sql.Composable:
    names = ["id", *(c for c, _ in READABLE[table]), "hlc", "sync_version", "sync_versions"]
    return sql.SQL(", ").join(
        sql.SQL("{} AS {}").format(gated[c], sql.Identifier(c)) if c in gated
        else sql.Identifier(c) for c in names)


def _step4(s: str) -> list[sql.Composed]:
    """Consent: merged state in hub_state_*, readable views that show a resident only
    with an active consent for registration (docs/privacy.md)."""
    out: list[sql.Composed] = []
    for entity in ("resident", "attendance", "encounter", "referral"):
        out.append(sql.SQL("ALTER TABLE {} RENAME TO {}").format(
            _ident(s, entity), sql.Identifier(STATE_TABLES[entity])))
    cols = READABLE["resident_consent"]
    defs: list[sql.Composable] = [sql.SQL("id uuid PRIMARY KEY")]
    defs += [sql.SQL("{} {}").format(sql.Identifier(c), sql.SQL(t)) for c, t in cols]
    defs += [sql.SQL("hlc bigint NOT NULL DEFAULT 0"),
             sql.SQL("sync_version text NOT NULL DEFAULT ''"),
             sql.SQL("sync_versions jsonb NOT NULL DEFAULT '{}'::jsonb")]
    consent = _ident(s, STATE_TABLES["resident_consent"])
    out.append(sql.SQL("CREATE TABLE {} ({})").format(consent, sql.SQL(", ").join(defs)))
    out.append(sql.SQL("CREATE INDEX {} ON {} (resident_id)").format(
        sql.Identifier("hub_state_resident_consent_resident_id_idx"), consent))
    registered = _ident(s, "hub_registered_resident")
    out.append(sql.SQL(
        "CREATE VIEW {} AS SELECT DISTINCT resident_id FROM {} WHERE purpose = 'registration' "
        "AND withdrawn_on IS NULL AND deleted_at IS NULL AND resident_id IS NOT NULL").format(
        registered, consent))

    def gate(expr: sql.Composable) -> sql.Composable:
        return sql.SQL("CASE WHEN {e} IN (SELECT resident_id FROM {r}) THEN {e} END").format(
            e=expr, r=registered)

    rid = sql.Identifier("resident_id")
    views: dict[str, tuple[dict[str, sql.Composable], sql.Composable]] = {
        "resident": ({}, sql.SQL(" WHERE id IN (SELECT resident_id FROM {})").format(
            registered)),
        "attendance": ({"resident_id": gate(rid)}, sql.SQL("")),
        "referral": ({"resident_id": gate(rid)}, sql.SQL("")),
        "encounter": ({"resident_ids": sql.SQL(
            "CASE WHEN resident_ids IS NULL THEN NULL ELSE ARRAY(SELECT {g} FROM "
            "unnest(resident_ids) WITH ORDINALITY AS u(x, n) ORDER BY n)::uuid[] END").format(
            g=gate(sql.Identifier("x")))}, sql.SQL("")),
    }
    for entity, (gated, where) in views.items():
        out.append(sql.SQL("CREATE VIEW {} AS SELECT {} FROM {}{}").format(
            _ident(s, entity), _view_cols(entity, gated),
            _ident(s, STATE_TABLES[entity]), where))
    return out


def _step5(s: str) -> list[sql.Composed]:
    """Sealed payloads are stored as they are: they are compressed and encrypted
    already, and PostgreSQL's own compression (which the readable bundle header
    tempts into trying the whole payload) only costs time. Applies to new rows."""
    return [sql.SQL("ALTER TABLE {} ALTER COLUMN payload SET STORAGE EXTERNAL").format(
        _ident(s, table)) for table in ("hub_bundle", "hub_quarantine")]


STEPS = [(1, _step1), (2, _step2), (3, _step3), (4, _step4), (5, _step5)]
LATEST = STEPS[-1][0]

NEWER_MESSAGE = ("De PostgreSQL-hub is gemaakt door een nieuwere versie van Gezond Desktop. "
                 "Werk de app bij om met deze hub te synchroniseren.")


def version_table(schema: str) -> sql.Identifier:
    return _ident(schema, "hub_schema_version")


def current_version(conn: Connection[tuple[Any, ...]], schema: str) -> int:
    """The applied version (0: no hub schema yet)."""
    row = conn.execute("SELECT to_regclass(%s)",
                       (f'"{schema}".hub_schema_version',)).fetchone()
    if row is None or row[0] is None:
        return 0
    got = conn.execute(sql.SQL("SELECT COALESCE(MAX(version), 0) FROM {}").format(
        version_table(schema))).fetchone()
    return int(got[0]) if got else 0


def migrate(conn: Connection[tuple[Any, ...]], schema: str = DEFAULT_SCHEMA,
            target: int = LATEST) -> int:
    """Create or upgrade the hub schema to ``target`` in one transaction; return
    the version it had before. Raise :class:`HubError` for a newer hub."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"gezond-hub:{schema}",))
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
        conn.execute(sql.SQL(
            "CREATE TABLE IF NOT EXISTS {} (version integer PRIMARY KEY, "
            "applied_at timestamptz NOT NULL DEFAULT now())").format(version_table(schema)))
        before = current_version(conn, schema)
        if before > LATEST:
            raise HubError(NEWER_MESSAGE)
        for version, step in STEPS:
            if before < version <= target:
                for stmt in step(schema):
                    conn.execute(stmt)
                conn.execute(sql.SQL("INSERT INTO {} (version) VALUES (%s)").format(
                    version_table(schema)), (version,))
    return before


__all__ = ["DEFAULT_SCHEMA", "LATEST", "NEWER_MESSAGE", "READABLE", "STATE_TABLES", "STEPS",
           "current_version", "migrate", "state_table"]
