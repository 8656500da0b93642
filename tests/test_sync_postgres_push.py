"""The rows a PostgreSQL push makes (gezond_desktop/sync/pg_rows.py) and the paths of
the push that the benchmark does not take.

* The content hash keeps its definition (the hub compares stored hashes with new
  ones: a change in the definition would quarantine every re-delivered change).
* A sealed payload opens with :func:`.bundle.decode` like one of
  :func:`.bundle.encode`, with the same JSON text.
* The readable rows equal those of a plain reference implementation (the one the
  hub used before it was made fast), for random changes: repeated records, inserts,
  updates and deletes, awkward text, values of unexpected types.
* Against the server: a record another device stored already, a batch with a gap
  in its sequence numbers, and payloads stored without PostgreSQL's compression.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st
from psycopg import sql
from test_sync_postgres import _bare_hub, _batch, _entry, _q, needs_pg, pg_url, schema

from gezond_desktop.sync import bundle, pg_rows, pg_schema
from gezond_desktop.sync.bundle import public_key_b64
from gezond_desktop.sync.hub import DeviceInfo, IncomingBatch
from gezond_desktop.sync.pg_hub import PgHub, content_hash

__all__ = ["pg_url", "schema"]  # fixtures used here


# -- the content hash -------------------------------------------------------------------------
def test_content_hash_keeps_its_definition() -> None:
    key = bytes(range(32))
    e1 = {"s": 7, "h": 117666386099061022, "e": "resident",
          "r": "019f5b3a-fba0-7fe3-8c35-40152c643cc4", "o": "update",
          "f": '{"alias":"Zoë \\"Z\\"","birth_year":1961}', "v": 2,
          "w": "019a4de1-4400-7350-8b78-480e7a88ea53",
          "p": '{"alias":["00117666386099061000:01a208f4675877bfb1e061d5557ae50a"]}'}
    e2 = {"s": 8, "h": 5, "e": "encounter", "r": "019f5b3a-fba0-7fe3-8c35-40152c643cc5",
          "o": "insert", "f": "{}", "v": 2, "w": None, "p": None}
    assert content_hash(key, e1).hex() == (
        "f62ef3e347dfd6ce573322b2b1deca1d2fc2465b965ae25d5703bfbbeffc8217")
    assert content_hash(key, e2).hex() == (
        "fafdf61ea673b90e74e0d0aa4a6ec808513b9fe636eb6a842f4a5d6bda265d16")
    chunks = list(pg_rows.change_rows(uuid.uuid4(), key, [e1, e2]))
    assert chunks[0][0] == [content_hash(key, e1), content_hash(key, e2)]


# -- the sealed payload ------------------------------------------------------------------------
AWKWARD = ['Tab\there, line\nbreak, back\\slash \\N "quote" {brace}, komma; é ☂ 𝄞',
           "\x00\x01\x1f\x7f\u2028\u2029", "", "null", '{"json": "as text"}']


def _wire(i: int, fields: Any, prev: Any = "{}") -> dict[str, Any]:
    return {"s": i, "h": 10**17 + i, "e": "resident", "r": str(uuid.uuid4()), "o": "insert",
            "f": fields, "v": 2, "w": None if i % 2 else str(uuid.uuid4()), "p": prev}


def test_payload_json_is_the_json_module_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg_rows, "CHUNK", 3)  # several pieces
    entries = [_wire(i, json.dumps({"name": t}, ensure_ascii=bool(i % 2)))
               for i, t in enumerate(AWKWARD * 3)]
    entries.append(_wire(99, json.dumps({"x": 1}), prev=None))
    entries.append(_wire(100, {"decoded": 1.5, "nan": float("nan")}))  # the json module
    entries.append(_wire(2**70, "{}"))  # beyond orjson's integers: the json module
    for part in (entries, entries[:1], []):
        assert b"".join(pg_rows._json_chunks(part)) == json.dumps(
            part, ensure_ascii=False, separators=(",", ":")).encode()


def test_sealed_payload_opens_like_an_encoded_bundle() -> None:
    key = Ed25519PrivateKey.generate()
    public = bundle.unb64(public_key_b64(key))
    team_key = os.urandom(32)
    entries = [_wire(i, json.dumps({"name": t, "birth_year": 1950 + i}))
               for i, t in enumerate(AWKWARD * 2000)]
    header = {"seq_from": 0, "seq_to": len(entries) - 1, "device_id": str(uuid.uuid4()),
              "hub_id": "h", "prev_hash": ""}
    ours = pg_rows.seal(header, entries, team_key, key)
    theirs = bundle.encode(header, entries, team_key, key)
    (h1, got1), (h2, got2) = (bundle.decode(d, team_key, public) for d in (ours, theirs))
    assert got1 == got2 == entries
    assert {k: v for k, v in h1.data.items() if k != "nonce"} == {
        k: v for k, v in h2.data.items() if k != "nonce"}
    with pytest.raises(bundle.BundleProblem):  # signed: one flipped bit is refused
        bundle.decode(ours[:200] + bytes([ours[200] ^ 1]) + ours[201:], team_key, public)


# -- the readable rows: the reference implementation ---------------------------------------------
_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _ref_array(values: list[Any]) -> str:
    parts = []
    for x in values:
        if type(x) is str:
            if '"' in x or "\\" in x:
                x = x.replace("\\", "\\\\").replace('"', '\\"')
            parts.append(f'"{x}"')
        elif x is None:
            parts.append("NULL")
        elif isinstance(x, int | float) and not isinstance(x, bool):
            parts.append(str(x))
        else:
            parts.append('"' + json.dumps(x).replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "{" + ",".join(parts) + "}"


def _ref_text(v: Any) -> str:
    if isinstance(v, str):
        return v.translate(_ESCAPE)
    if v is None:
        return "\\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, int | float):
        return str(v)
    if isinstance(v, list):
        return _ref_text(_ref_array(v))
    return _ref_text(json.dumps(v))


def reference_lines(device_hex: str, entries: Iterable[Mapping[str, Any]]
                    ) -> dict[str, tuple[list[str], list[str]]]:
    """The readable rows as the hub made them before they were made fast: per table
    and record the allowlisted fields, the newest version per field, the highest hlc."""
    out: dict[str, dict[str, list[Any]]] = {t: {} for t in pg_schema.READABLE}
    for e in entries:
        if e["e"] not in pg_schema.READABLE:
            continue
        cols = [c for c, _ in pg_schema.READABLE[e["e"]]]
        fields = json.loads(e["f"]) if isinstance(e["f"], str) else e["f"]
        hlc = int(e["h"])
        key = f"{hlc:020d}:{device_hex}"
        row = out[e["e"]].get(e["r"])
        if row is None:
            values = {c: fields[c] for c in cols if c in fields}
            out[e["e"]][e["r"]] = ([values, key, {}, hlc] if e["o"] == "insert"
                                   else [values, "", dict.fromkeys(values, key), hlc])
            continue
        values, base, versions = row[0], row[1], row[2]
        for f, v in fields.items():
            if f in cols and key > versions.get(f, base):
                values[f] = v
                versions[f] = key
        row[3] = max(row[3], hlc)
    result = {}
    for table, recs in out.items():
        if not recs:
            continue
        cols = [c for c, _ in pg_schema.READABLE[table]]
        ids = sorted(recs)
        lines = []
        for rid in ids:
            values, base, versions, hlc = recs[rid]
            cells = "\t".join(_ref_text(values.get(c)) for c in cols)
            vtext = _ref_text(json.dumps(versions)) if versions else "{}"
            lines.append(f"{_ref_text(rid)}\t{cells}\t{hlc}\t{base}\t{vtext}\n")
        result[table] = (ids, lines)
    return result


def _ours(device_hex: str, entries: list[dict[str, Any]]
          ) -> dict[str, tuple[list[str], list[str]]]:
    return {t: (r.ids, r.lines) for t, r in pg_rows.readable_lines(device_hex, entries)}


TABLES = ["attendance", "resident", "encounter", "activity", "neighbourhood",
          "resident_consent", "worker"]  # worker: not readable at all
values = st.one_of(st.none(), st.booleans(), st.integers(-5, 2**40), st.sampled_from(AWKWARD),
                   st.text(max_size=8), st.lists(st.sampled_from([*AWKWARD[:3], "a,b", "c"]),
                                                 max_size=3),
                   st.lists(st.one_of(st.none(), st.integers(0, 9)), max_size=2),
                   st.just({"nested": "object"}), st.just(2.5))
field_names = st.sampled_from(sorted({c for cols in pg_schema.READABLE.values()
                                      for c, _ in cols} | {"full_name", "notes", "phone"}))


@st.composite
def changes(draw: Any) -> list[dict[str, Any]]:
    records = [str(uuid.UUID(int=draw(st.integers(0, 2**128 - 1)))) for _ in range(4)]
    out = []
    for seq in range(1, draw(st.integers(1, 25)) + 1):
        fields = draw(st.dictionaries(field_names, values, max_size=8))
        text: Any = json.dumps(fields, ensure_ascii=draw(st.booleans()))
        if draw(st.integers(0, 9)) == 0:
            text = fields  # already decoded
        out.append({"s": seq, "h": draw(st.integers(1, 2**62)), "e": draw(st.sampled_from(TABLES)),
                    "r": draw(st.sampled_from(records)),
                    "o": draw(st.sampled_from(["insert", "update", "delete"])),
                    "f": text, "v": 2, "w": None, "p": "{}"})
    return out


@settings(max_examples=300, deadline=None)
@given(changes())
def test_readable_rows_equal_the_reference(entries: list[dict[str, Any]]) -> None:
    assert _ours("ab" * 16, entries) == reference_lines("ab" * 16, entries)


def test_readable_rows_of_records_changed_once_equal_the_reference() -> None:
    """The common case (every record inserted once) has its own short path."""
    rows = []
    for i in range(300):
        fields: dict[str, Any] = {"session_id": str(uuid.uuid4()), "resident_id": None,
                                  "role": AWKWARD[i % len(AWKWARD)] if i % 7 == 0 else "x",
                                  "created_at": "2026-01-01T10:00:00", "updated_at": None,
                                  "deleted_at": None, "full_name": "Geheim"}
        if i % 11 == 0:
            fields["role"] = 3  # not text after all
        if i % 13 == 0:
            del fields["updated_at"]  # not every column in the change
        rows.append({"s": i, "h": 10**17 + i, "e": "attendance", "r": str(uuid.uuid4()),
                     "o": "insert" if i % 17 else "update", "f": json.dumps(fields),
                     "v": 2, "w": None, "p": "{}"})
    assert _ours("cd" * 16, rows) == reference_lines("cd" * 16, rows)
    assert not any("Geheim" in line for line in _ours("cd" * 16, rows)["attendance"][1])


# -- against the server -----------------------------------------------------------------------
def _second_device(hub: PgHub, url: str, schema: str) -> tuple[PgHub, uuid.UUID]:
    key = Ed25519PrivateKey.generate()
    other = PgHub(url, hub.hub_id, hub.team_key, key, schema=schema)
    dev = uuid.uuid4()
    other.register_device(DeviceInfo(dev, "b", public_key_b64(key)))
    return other, dev


@needs_pg
@pytest.mark.parametrize("newer_first", [False, True])
def test_a_record_another_device_stored_already_is_merged(
        pg_url: str, schema: str, newer_first: bool) -> None:
    """An insert of a record that is in the readable table already (stored by another
    device) does not fail the push: that table's rows are merged field by field."""
    hub_a, dev_a = _bare_hub(pg_url, schema)
    hub_b, dev_b = _second_device(hub_a, pg_url, schema)
    shared, own = uuid.uuid4(), uuid.uuid4()
    old = [_entry(1, 100, "resident", shared, "insert", {"birth_year": 1950, "gender": "f"}),
           _entry(2, 101, "resident", own, "insert", {"birth_year": 1970})]
    new = [_entry(1, 200, "resident", shared, "insert", {"birth_year": 1960}),
           _entry(2, 201, "resident", uuid.uuid4(), "insert", {"birth_year": 1980})]
    pushes = [(hub_b, dev_b, new), (hub_a, dev_a, old)] if newer_first else \
        [(hub_a, dev_a, old), (hub_b, dev_b, new)]
    for hub, dev, entries in pushes:
        assert hub.push(_batch(dev, entries)).seq_to == 2
        assert hub.last_push_problems == []
    table = sql.Identifier(schema, pg_schema.state_table("resident"))
    # The insert with the higher clock wins every column (gender: not in its fields).
    assert _q(pg_url, sql.SQL("SELECT birth_year, gender FROM {} WHERE id = %s").format(
        table), (shared,)) == [(1960, None)]
    rows = dict(_q(pg_url, sql.SQL("SELECT id, birth_year FROM {}").format(table)))
    assert len(rows) == 3 and rows[own] == 1970
    hub_a.close()
    hub_b.close()


@needs_pg
def test_a_batch_with_a_gap_is_one_bundle_that_opens(pg_url: str, schema: str) -> None:
    hub, dev = _bare_hub(pg_url, schema)
    entries = [_entry(s, 1000 + s, "encounter", uuid.uuid4(), "insert", {"head_count": s})
               for s in (1, 2, 5, 6)]
    assert hub.push(_batch(dev, entries)).seq_to == 6
    assert _q(pg_url, sql.SQL("SELECT seq_from, seq_to FROM {}").format(
        sql.Identifier(schema, "hub_bundle"))) == [(1, 6)]
    pulled = list(hub.pull(lambda d: 0, lambda d: None, frozenset(), {}))
    assert len(pulled) == 1 and isinstance(pulled[0], IncomingBatch)
    assert [e["s"] for e in pulled[0].entries] == [1, 2, 5, 6]
    hub.close()


@needs_pg
def test_payloads_are_stored_without_postgres_compression(pg_url: str, schema: str) -> None:
    hub, dev = _bare_hub(pg_url, schema)
    hub.push(_batch(dev, [_entry(1, 1, "encounter", uuid.uuid4(), "insert", {})]))
    storage = dict(_q(pg_url, "SELECT c.relname, a.attstorage FROM pg_attribute a "
                              "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n "
                              "ON n.oid = c.relnamespace WHERE n.nspname = %s "
                              "AND a.attname = 'payload'", (schema,)))
    assert storage == {"hub_bundle": "e", "hub_quarantine": "e"}
    hub.close()



def test_a_push_and_a_bulk_job_share_one_garbage_collector_pause() -> None:
    import gc
    import sys

    from gezond_desktop.store.bulk import gc_paused
    from gezond_desktop.sync.pg_hub import _push_runtime

    interval = sys.getswitchinterval()
    assert gc.isenabled()
    with gc_paused():
        with _push_runtime():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the bulk job still runs: still paused
    assert gc.isenabled() and sys.getswitchinterval() == interval
    # Overlapping, not nested (a push and an import in two threads): the push ends
    # first, and the import must keep the collector paused until it ends too.
    push, bulk = _push_runtime(), gc_paused()
    push.__enter__()
    bulk.__enter__()
    push.__exit__(None, None, None)
    assert not gc.isenabled()
    bulk.__exit__(None, None, None)
    assert gc.isenabled() and sys.getswitchinterval() == interval
