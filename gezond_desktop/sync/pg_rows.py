"""What a push to the PostgreSQL hub sends, made on the device in as few passes as possible.

A push of 50,000 changes is mostly Python work on JSON text, so this module keeps
each step to one pass and leaves the rest to C code:

* :func:`change_rows`: the keyed content hash of each change (the definition every
  stored hash was made with, :func:`content_hashes`) and its ``hub_change`` row in
  ``COPY`` binary format, in chunks, so the server stores a chunk while the next is
  hashed.
* :func:`seal`: the sealed bundle (:mod:`.bundle` format, what :func:`.bundle.encode`
  makes): the same JSON text, written by orjson in pieces, compressed by ISA-L as
  it is made (without the GIL, next to the other work).
* :func:`table_lines`: the readable merged-state rows of one table in ``COPY`` text,
  in record order, handed on in chunks: each change's fields are decoded once, and
  only the allowlisted, non-personal columns of :data:`.pg_schema.READABLE` are
  kept. This filter runs here, on the device: names, contact details and notes
  never reach the server in clear.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import operator
import os
import struct
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from isal import isal_zlib

from . import bundle, pg_schema

CHUNK = 5000  # changes per piece of work handed on (to the server, to the compressor)

# -- keyed content hashes ------------------------------------------------------------------


def content_hashes(team_key: bytes, entries: Iterable[Mapping[str, Any]]) -> list[bytes]:
    """The keyed hash of each change's content: equal content, equal hash; the
    server cannot test guesses against it without the team key. Every hash the
    hub holds was made with exactly this text: never change it."""
    base = hashlib.blake2b(key=team_key[:64], digest_size=32)
    out = []
    for e in entries:
        h = base.copy()
        h.update(f"{e['s']}\x1f{e['h']}\x1f{e['e']}\x1f{e['r']}\x1f{e['o']}\x1f"
                 f"{e.get('w') or ''}\x1f{e['f']}\x1f{e.get('p') or '{}'}".encode())
        out.append(h.digest())
    return out


# -- hub_change rows in COPY binary format --------------------------------------------------
COPY_BINARY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)
COPY_BINARY_TRAILER = struct.pack(">h", -1)
# One row (device_id uuid, seq bigint, hlc bigint, hash bytea): field count, then
# length + value per field. The device part is the same for every row.
_CHANGE_ROW = struct.Struct(">26sqiqi32s")


def change_rows(device_id: uuid.UUID, team_key: bytes, entries: Sequence[Mapping[str, Any]]
                ) -> Iterator[tuple[list[bytes], bytes]]:
    """Per :data:`CHUNK` changes: their content hashes and their ``hub_change`` rows
    (device_id, seq, hlc, hash) as ``COPY ... (FORMAT binary)`` data (the caller
    sends :data:`COPY_BINARY_HEADER` first and the trailer last)."""
    lead = struct.pack(">hi", 4, 16) + device_id.bytes + struct.pack(">i", 8)
    pack = _CHANGE_ROW.pack
    for i in range(0, len(entries), CHUNK):
        part = entries[i:i + CHUNK]
        hashes = content_hashes(team_key, part)
        yield hashes, b"".join([pack(lead, int(e["s"]), 8, int(e["h"]), 32, h)
                                for e, h in zip(part, hashes, strict=True)])


# -- the sealed bundle -----------------------------------------------------------------------


def _json_chunks(entries: list[dict[str, Any]]) -> Iterator[bytes]:
    """``json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode()``
    in pieces. orjson writes the same bytes for what a wire entry holds (integers,
    text, None; fields and prev as JSON text); a piece with anything else (fields
    already decoded, which might hold a float, or an integer beyond 64 bits) is
    written by the json module."""
    yield b"["
    for i in range(0, len(entries), CHUNK):
        part = entries[i:i + CHUNK]
        piece = None
        if all(type(e.get("f")) is str and type(e.get("p")) in (str, type(None)) for e in part):
            try:
                piece = orjson.dumps(part)[1:-1]
            except orjson.JSONEncodeError:
                piece = None
        if piece is None:
            piece = json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode()[1:-1]
        yield b"," + piece if i else piece
    yield b"]"


def seal(header: dict[str, Any], entries: list[dict[str, Any]], team_key: bytes,
         signing_key: Ed25519PrivateKey) -> bytes:
    """A bundle as :func:`.bundle.encode` makes it (the same layout, header, JSON
    and keys), for the hub's hot path: the JSON is written in pieces and compressed
    as it is made, by ISA-L's gzip (about five times faster than zlib; a standard
    gzip stream that :func:`.bundle.decode` opens as any other; the GIL released)."""
    nonce = os.urandom(12)
    header = {**header, "format": bundle.FORMAT_VERSION, "nonce": bundle.b64(nonce),
              "count": len(entries)}
    raw_header = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    gz = isal_zlib.compressobj(1, isal_zlib.DEFLATED, 31)  # 31: gzip header and trailer
    plain = b"".join([*map(gz.compress, _json_chunks(entries)), gz.flush()])
    body = AESGCM(team_key).encrypt(nonce, plain, raw_header)
    signed = b"".join((bundle.MAGIC, struct.pack(">I", len(raw_header)), raw_header,
                       struct.pack(">Q", len(body)), body))
    whole = signed + signing_key.sign(signed)
    return whole + hashlib.sha256(whole).digest()


# -- readable merged-state rows in COPY text format ------------------------------------------
_COPY_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_LISTED = {t: tuple(c for c, _ in cols) for t, cols in pg_schema.READABLE.items()}


def version_key(hlc: int, device_hex: str) -> str:
    """Sortable text form of a field version (hlc, device): compares like the engine."""
    return f"{hlc:020d}:{device_hex}"


def loads_fields(text: str) -> Any:
    """``json.loads`` of a change's fields text (orjson; the json module for what
    orjson refuses and json accepts, such as NaN)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def array_literal(values: list[Any]) -> str:
    """A PostgreSQL array literal of a flat list (text elements quoted)."""
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


def copy_text(v: Any) -> str:
    """One value in ``COPY`` text format (JSON-like values: None, bool, numbers,
    text, flat lists for array columns)."""
    if type(v) is str:
        if "\\" in v or "\t" in v or "\n" in v or "\r" in v:
            return v.translate(_COPY_ESCAPE)
        return v
    if v is None:
        return "\\N"
    if v is True or v is False:
        return "t" if v else "f"
    if isinstance(v, int | float):
        return str(v)
    if isinstance(v, list):
        return copy_text(array_literal(v))
    return copy_text(json.dumps(v))


def _clean_cell(v: Any) -> str:
    """:func:`copy_text` of a value decoded from JSON text without any backslash:
    its strings hold no quote, backslash, tab or newline."""
    if type(v) is list:
        if not v:
            return "{}"
        try:
            return '{"' + '","'.join(v) + '"}'
        except TypeError:  # not all text
            pass
    return copy_text(v)


# A record changed more than once in one push: values, base version (the insert's;
# '' when none), per-field versions, highest hlc.
ReadableRow = list[Any]


class TableLines(NamedTuple):
    ids: list[str]  # record ids, sorted
    lines: list[str]  # their COPY text lines: id, the READABLE columns, hlc, versions
    inserts_only: bool  # every record's first change here is its insert (so: new)


EMPTY = TableLines([], [], True)
_TEXT_TYPES = frozenset({"text", "uuid", "date", "time", "timestamp"})
# Tables whose columns all take JSON text (or null): their values usually need no
# conversion at all.
_ALL_TEXT = frozenset(t for t, cols in pg_schema.READABLE.items()
                      if all(kind in _TEXT_TYPES for _, kind in cols))
_NULL = {None: "\\N"}.get  # _NULL(v, v): COPY's NULL for None, anything else as it is
_RECORD = operator.itemgetter("r")
_ALLOWED_COLS = {cols: frozenset(cols) for cols in _LISTED.values()}


def _cells(values: Iterable[Any], escape: bool) -> str:
    """The COPY text cells of one row, tab-separated. Without ``escape`` the values
    were decoded from JSON text without a backslash (see :func:`table_lines`)."""
    if escape:
        return "\t".join([copy_text(v) for v in values])
    return "\t".join([v if type(v) is str else "\\N" if v is None else _clean_cell(v)
                      for v in values])


def _merge_start(first: tuple[Mapping[str, Any], Any], cols: tuple[str, ...],
                 device_hex: str) -> ReadableRow:
    e, fields = first
    hlc = int(e["h"])
    key = version_key(hlc, device_hex)
    values = {c: fields[c] for c in cols if c in fields}
    if e["o"] == "insert":
        return [values, key, {}, hlc]
    return [values, "", dict.fromkeys(values, key), hlc]


def _merged_line(rid: str, row: ReadableRow, cols: tuple[str, ...], escape: bool) -> str:
    values, base, versions, hlc = row
    versions_text = copy_text(json.dumps(versions)) if versions else "{}"
    return (f"{copy_text(rid)}\t{_cells(map(values.get, cols), escape)}\t{hlc}\t{base}\t"
            f"{versions_text}\n")


def _record_line(e: Mapping[str, Any], cols: tuple[str, ...], pick: Callable[[Any], Any],
                 all_text: bool, device_hex: str) -> str:
    """The line of a record changed once in this push: straight from its change."""
    rid, text = e["r"], e["f"]
    if type(text) is str:
        try:
            fields = orjson.loads(text)
        except orjson.JSONDecodeError:  # what json accepts and orjson not (NaN)
            fields = json.loads(text)
        # JSON without a backslash holds no string with a backslash, quote, tab or
        # newline (JSON escapes those): such values need no COPY escaping.
        escape = "\\" in text
    else:
        fields, escape = text, True
    hs = str(int(e["h"]))
    if e["o"] == "insert":
        base, versions_text = f"{hs.zfill(20)}:{device_hex}", "{}"
        try:
            values = pick(fields)
        except KeyError:  # not every column in the change
            values = tuple(map(fields.get, cols))
    else:
        present = [c for c in cols if c in fields]
        base = ""
        versions_text = copy_text(json.dumps(dict.fromkeys(
            present, version_key(int(hs), device_hex)))) if present else "{}"
        values = tuple(map(fields.get, cols))
    if all_text and not escape:
        try:
            cells = "\t".join(map(_NULL, values, values))
        except TypeError:  # a value that is not text after all
            cells = _cells(values, False)
    else:
        cells = _cells(values, escape)
    return f"{copy_text(str(rid))}\t{cells}\t{hs}\t{base}\t{versions_text}\n"


def _merged_record_line(changes: list[Mapping[str, Any]], cols: tuple[str, ...],
                        device_hex: str) -> str:
    """The line of a record changed more than once in this push: per field the value
    with the newest version (last writer wins by (hlc, device))."""
    allowed = _ALLOWED_COLS[cols]
    row: ReadableRow | None = None
    escape = False
    for e in changes:
        text = e["f"]
        if type(text) is str:
            fields = loads_fields(text)
            escape = escape or "\\" in text
        else:
            fields, escape = text, True
        if row is None:
            row = _merge_start((e, fields), cols, device_hex)
            continue
        hlc = int(e["h"])
        key = version_key(hlc, device_hex)
        values, base, versions = row[0], row[1], row[2]
        for f, v in fields.items():
            if f in allowed and key > versions.get(f, base):
                values[f] = v
                versions[f] = key
        if hlc > row[3]:
            row[3] = hlc
    assert row is not None
    return _merged_line(str(changes[0]["r"]), row, cols, escape)


def table_lines(table: str, device_hex: str, entries: Iterable[Mapping[str, Any]],
                emit: Callable[[list[str]], None] | None = None) -> TableLines:
    """The readable rows of ``table`` that these changes (all of that entity, in
    sequence order) make: per record the allowlisted fields they set, the newest
    version per field (last writer wins by (hlc, device)), and the highest hlc.
    Only the columns of :data:`.pg_schema.READABLE` are kept: personal fields never
    get into a line.

    Records go in id order: the changes are sorted by record (stably, so each
    record's changes stay in sequence order, side by side). A record changed once
    (nearly all: this is the hot loop of a push) gets its line straight from its
    change. With ``emit``, the lines made so far are handed on every :data:`CHUNK`
    changes, so they can be sent while the rest is made."""
    cols = _LISTED[table]
    pick = operator.itemgetter(*cols)  # (every readable table has several columns)
    all_text = table in _ALL_TEXT
    ordered = sorted(entries, key=_RECORD)
    records = list(map(_RECORD, ordered))
    repeated = {a for a, b in itertools.pairwise(records) if a == b}
    ids: list[str] = []
    lines: list[str] = []
    inserts_only = True
    group: list[Mapping[str, Any]] = []  # the changes of a record changed more than once
    done = 0
    for start in range(0, len(ordered), CHUNK):
        for e in ordered[start:start + CHUNK]:
            rid = e["r"]
            if group and group[0]["r"] != rid:
                lines.append(_merged_record_line(group, cols, device_hex))
                group = []
            if rid in repeated:
                if not group:
                    ids.append(str(rid))
                    inserts_only = inserts_only and e["o"] == "insert"
                group.append(e)
                continue
            ids.append(str(rid))
            if e["o"] != "insert":
                inserts_only = False
            lines.append(_record_line(e, cols, pick, all_text, device_hex))
        if emit is not None and len(lines) > done:
            emit(lines[done:])
            done = len(lines)
    if group:
        lines.append(_merged_record_line(group, cols, device_hex))
    if emit is not None and len(lines) > done:
        emit(lines[done:])
    return TableLines(ids, lines, inserts_only)


def readable_lines(device_hex: str, entries: Iterable[Mapping[str, Any]]
                   ) -> Iterator[tuple[str, TableLines]]:
    """:func:`table_lines` of every readable table these changes touch, in the
    order of :data:`.pg_schema.READABLE`."""
    by_table: dict[str, list[Mapping[str, Any]]] = {t: [] for t in pg_schema.READABLE}
    for e in entries:
        part = by_table.get(e["e"])
        if part is not None:
            part.append(e)
    for table, part in by_table.items():
        if part:
            yield table, table_lines(table, device_hex, part)


__all__ = ["CHUNK", "COPY_BINARY_HEADER", "COPY_BINARY_TRAILER", "EMPTY", "TableLines",
           "array_literal", "change_rows", "content_hashes", "copy_text", "loads_fields",
           "readable_lines", "seal", "table_lines", "version_key"]
