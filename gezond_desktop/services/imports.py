"""Importing reference data and sign-in lists from CSV or Excel files.

Every row is checked on its own; a bad row is skipped and comes back in the
:class:`ImportReport` with its row number and a plain-Dutch reason. A row is never
saved half. A file that cannot be read at all gives a :class:`GezondError`.

Reference values (neighbourhoods, venues, organisations, ...) take a bulk path:
the live values are loaded once, every row is checked in memory with the rules of
:func:`.reference.clean_values` (an existing value with the same code or name is
updated; a later row of the file sees what earlier rows did, so a value twice in
one file is saved once, with the last row's fields), the changed existing values
are saved in one transaction and the new ones are written with their change
entries by :class:`~gezond_desktop.store.bulk.BulkWriter` as rows of fixed columns
(one transaction per batch); the cyclic garbage collector is paused meanwhile (see
:func:`~gezond_desktop.store.bulk.gc_paused`). Activities are few and saved one per
transaction. Sign-in lists are saved in batches of :data:`BATCH_ROWS` rows, one
transaction and a handful of queries each.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import string
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from ..enums import (
    WEEKDAYS_NL,
    AttendanceRole,
    LabelledEnum,
    OrganisationKind,
    ScheduleKind,
    VenueKind,
)
from ..errors import GezondError, ValidationError
from ..ids import uuid7
from ..models import (
    Activity,
    Attendance,
    Neighbourhood,
    Organisation,
    ProgrammeLine,
    Resident,
    Session,
    TargetGroup,
    Topic,
    Track,
    Venue,
)
from ..resources import reference_dir
from ..store.bulk import (
    DEFAULT_BATCH_SIZE,
    BulkCancelled,
    BulkWriter,
    gc_paused,
    new_id_bytes,
)
from .base import ServiceBase, get_live
from .reference import KINDS, clean_values

Progress = Callable[[int, int], bool]

# Bundled reference files, in the order they must be loaded (parents first).
BUNDLED_FILES: list[tuple[str, str]] = [
    ("neighbourhood", "neighbourhoods.csv"),
    ("organisation", "organisations.csv"),
    ("organisation_service", "organisation_services.csv"),
    ("target_group", "target_groups.csv"),
    ("topic", "topics.csv"),
    ("track", "tracks.csv"),
    ("programme_line", "programme_lines.csv"),
    ("activity", "activities.csv"),
]

IMPORT_KINDS: tuple[str, ...] = (*KINDS.keys(), "activity")

# Dutch words a user may type for a kind (CLI, file names).
KIND_ALIASES: dict[str, str] = {
    "buurt": "neighbourhood",
    "buurten": "neighbourhood",
    "vindplaats": "venue",
    "vindplaatsen": "venue",
    "organisatie": "organisation",
    "organisaties": "organisation",
    "dienst": "organisation_service",
    "diensten": "organisation_service",
    "doelgroep": "target_group",
    "doelgroepen": "target_group",
    "onderwerp": "topic",
    "onderwerpen": "topic",
    "spoor": "track",
    "sporen": "track",
    "programmalijn": "programme_line",
    "programmalijnen": "programme_line",
    "activiteit": "activity",
    "activiteiten": "activity",
}

BATCH_ROWS = 200  # attendance rows per transaction


# -- reports ------------------------------------------------------------------------
@dataclass(frozen=True)
class RowError:
    row_number: int
    message_nl: str
    raw: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportReport:
    """What an import did. ``accepted`` counts new records, ``updated`` changed ones."""

    accepted: int = 0
    updated: int = 0
    rejected: list[RowError] = field(default_factory=list)
    unchanged: int = 0
    cancelled: bool = False
    sessions_created: int = 0
    residents_created: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.cancelled

    def merged(self, other: ImportReport) -> ImportReport:
        return ImportReport(
            accepted=self.accepted + other.accepted,
            updated=self.updated + other.updated,
            rejected=[*self.rejected, *other.rejected],
            unchanged=self.unchanged + other.unchanged,
            cancelled=self.cancelled or other.cancelled,
            sessions_created=self.sessions_created + other.sessions_created,
            residents_created=self.residents_created + other.residents_created,
        )

    def summary_nl(self) -> str:
        """The report as plain Dutch lines, for the CLI and the import dialog."""
        lines = [f"Toegevoegd: {self.accepted}.", f"Bijgewerkt: {self.updated}."]
        if self.unchanged:
            lines.append(f"Al aanwezig en niet veranderd: {self.unchanged}.")
        if self.sessions_created:
            lines.append(f"Nieuwe bijeenkomsten: {self.sessions_created}.")
        if self.residents_created:
            lines.append(f"Nieuwe inwoners (alleen met alias): {self.residents_created}.")
        if self.cancelled:
            lines.append(
                "Het inlezen is gestopt. Wat tot dan toe is ingelezen, is opgeslagen."
            )
        if self.rejected:
            n = len(self.rejected)
            lines.append(
                f"Niet opgeslagen: {n} {'rij' if n == 1 else 'rijen'}. "
                "Verbeter deze rijen en lees het bestand opnieuw in:"
            )
            lines.extend(f"- {e.message_nl}" for e in self.rejected)
        else:
            lines.append("Alle rijen zijn goed ingelezen." if not self.cancelled else "")
        return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class AttendanceRow:
    row_number: int
    held_on: dt.date | None
    alias: str
    role: str  # AttendanceRole code
    status: str  # "ok" or "error"
    reason: str = ""
    raw: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AttendancePreview:
    activity_id: uuid.UUID
    activity_name: str
    file_name: str
    rows: list[AttendanceRow]

    @property
    def ok_rows(self) -> list[AttendanceRow]:
        return [r for r in self.rows if r.status == "ok"]

    @property
    def error_rows(self) -> list[AttendanceRow]:
        return [r for r in self.rows if r.status != "ok"]


# -- reading files ------------------------------------------------------------------
@dataclass
class Table:
    headers: list[str]  # normalised header names
    rows: list[tuple[int, list[Any]]]  # (row number as the user sees it, cells)
    file_name: str

    def raw(self, cells: list[Any]) -> dict[str, str]:
        return {h: cell_text(c) for h, c in zip(self.headers, cells, strict=False) if h}


def _norm_header(h: Any) -> str:
    text = cell_text(h).replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s\-/]+", "_", text)


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a needless '.0', dates as dd-mm-jjjj."""
    if value.__class__ is str:  # every CSV cell: the fast way
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().strftime("%d-%m-%Y")
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value).strip()


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(path: Path | str) -> Table:
    """Read the first sheet of an .xlsx file or a CSV file (';' or ',', any encoding)."""
    p = Path(path)
    if not p.is_file():
        raise GezondError(f"Het bestand {p.name} is niet gevonden. Kies het bestand opnieuw.")
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw_rows = _read_xlsx(p)
    elif suffix in (".csv", ".txt", ".tsv", ""):
        raw_rows = _read_csv(p)
    elif suffix == ".xls":
        raise GezondError(
            f"{p.name} is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of "
            ".csv en lees het dan opnieuw in."
        )
    else:
        raise GezondError(
            f"{p.name} is geen CSV- of Excel-bestand. Kies een bestand dat eindigt op "
            ".csv of .xlsx."
        )
    header_idx = next(
        (i for i, r in enumerate(raw_rows) if any(cell_text(c) for c in r)), None
    )
    if header_idx is None:
        raise GezondError(f"Het bestand {p.name} is leeg. Kies een bestand met gegevens.")
    headers = [_norm_header(h) for h in raw_rows[header_idx]]
    rows = [
        (i + 1, r)
        for i, r in enumerate(raw_rows[header_idx + 1:], header_idx + 1)
        # _has_text(r), with its common case (text in the first CSV cell) inline
        if (r and r[0].__class__ is str and r[0].strip()) or _has_text(r)
    ]
    if not rows:
        raise GezondError(
            f"In {p.name} staan alleen kolomnamen en geen gegevens. Vul eerst rijen in "
            "onder de kolomnamen."
        )
    return Table(headers=headers, rows=rows, file_name=p.name)


def _has_text(cells: list[Any]) -> bool:
    """Whether a row has any text (a CSV row usually in its first cell: fast)."""
    first = cells[0] if cells else None
    if first.__class__ is str and first.strip():
        return True
    return any(cell_text(c) for c in cells)


def _first_line(text: str) -> str:
    """The first line with text (what the delimiter is guessed from)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        # splitlines() also breaks at a lone \r (and a few rarer characters)
        for line in text[start:end].splitlines():
            if line.strip():
                return line
        start = end + 1
    return ""


def _read_csv(p: Path) -> list[list[Any]]:
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise GezondError(
            f"Het bestand {p.name} kan niet worden gelezen. Sluit het in andere programma's "
            "en probeer het opnieuw."
        ) from exc
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise GezondError(
            f"{p.name} is geen tekstbestand (CSV). Sla het op als .csv of .xlsx en probeer "
            "het opnieuw."
        )
    text = _decode(data)
    first = _first_line(text)
    try:
        # csv.reader gives a new list per row already: no copies.
        return list(csv.reader(io.StringIO(text), delimiter=_sniff_delimiter(first)))
    except csv.Error as exc:
        raise GezondError(
            f"{p.name} kan niet als CSV worden gelezen ({exc}). Controleer het bestand."
        ) from exc


def _read_xlsx(p: Path) -> list[list[Any]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise GezondError(
            f"{p.name} kan niet als Excel-bestand worden gelezen. Open het in Excel, sla het "
            "opnieuw op als .xlsx en probeer het nog eens."
        ) from exc
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            return []
        return [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


# -- column names and value parsing -----------------------------------------------
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("naam", "name", "titel"),
    "code": ("code",),
    "municipality": ("gemeente", "municipality"),
    "is_focus": ("focusbuurt", "focus", "is_focus", "is_focusbuurt"),
    "kind": ("soort", "kind", "type"),
    "neighbourhood": ("buurt", "wijk", "neighbourhood", "neighbourhood_code"),
    "organisation": ("organisatie", "organisation", "organisator", "organiser", "aanbieder"),
    "description": ("omschrijving", "beschrijving", "description"),
    "venue": ("vindplaats", "locatie", "venue"),
    "programme_line": ("programmalijn", "programme_line"),
    "schedule_kind": ("schema", "frequentie", "schedule", "schedule_kind"),
    "weekday": ("weekdag", "dag", "weekday", "day"),
    "start_time": ("starttijd", "begintijd", "tijd", "start_time", "time"),
    "starts_on": ("startdatum", "begindatum", "start", "starts_on"),
    "ends_on": ("einddatum", "eind", "ends_on"),
    "tracks": ("sporen", "spoor", "tracks", "track"),
    "target_groups": ("doelgroepen", "doelgroep", "target_groups", "target_group"),
    "date": ("datum", "date"),
    "alias": ("alias", "naam", "name", "roepnaam", "bijnaam", "deelnemer"),
    "role": ("rol", "role", "functie"),
}

# Columns a file of each kind must have, with the Dutch example for the message.
REQUIRED: dict[str, tuple[list[str], str]] = {
    "neighbourhood": (["name"], "naam, code, gemeente, focusbuurt"),
    "venue": (["name"], "naam, soort, buurt"),
    "organisation": (["name"], "naam, soort, omschrijving"),
    "organisation_service": (["organisation", "name"], "organisatie, naam"),
    "target_group": (["name"], "code, naam"),
    "topic": (["name"], "code, naam"),
    "track": (["name"], "code, naam"),
    "programme_line": (["name"], "code, naam"),
    "activity": (["name"], "naam, buurt, organisatie, weekdag, starttijd"),
    "attendance": (["date", "alias"], "datum, alias, rol"),
}

DUTCH_COLUMN = {k: v[0] for k, v in COLUMNS.items()}


def _column_map(table: Table, fields: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in fields:
        for name in COLUMNS[f]:
            if name in table.headers:
                out[f] = table.headers.index(name)
                break
    return out


def _check_columns(table: Table, kind: str, cols: dict[str, int]) -> None:
    required, example = REQUIRED[kind]
    missing = [DUTCH_COLUMN[f] for f in required if f not in cols]
    if missing:
        names = ", ".join(f"'{m}'" for m in missing)
        raise GezondError(
            f"In {table.file_name} ontbreekt de kolom {names}. De eerste rij moet de "
            f"kolomnamen bevatten, bijvoorbeeld: {example}."
        )


class RowProblem(Exception):
    """A row that cannot be saved; the message is plain Dutch without the row number."""


_TRUE = {"ja", "j", "yes", "y", "true", "waar", "1", "x", "wel"}
_FALSE = {"nee", "n", "no", "false", "onwaar", "0", "niet", "-"}


def parse_bool(text: str, column: str) -> bool:
    t = text.strip().lower()
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise RowProblem(f"bij '{column}' staat '{text}'. Vul ja of nee in.")


def parse_enum(text: str, enum: type[LabelledEnum], what: str, extra: dict[str, str]) -> str:
    t = text.strip().lower()
    if t in extra:
        return extra[t]
    parsed = enum.parse(t)
    if parsed is None:
        for m in enum:
            if m.label.lower().startswith(t) or t in m.label.lower().replace("/", " ").split():
                parsed = m
                break
    if parsed is None:
        options = ", ".join(m.label for m in enum)
        raise RowProblem(f"het soort {what} '{text}' kennen we niet. Kies uit: {options}.")
    return parsed.value


VENUE_KIND_WORDS = {
    "babycafe": "baby_cafe", "babycafé": "baby_cafe", "sjpruutcafe": "baby_cafe",
    "sjpruutcafé": "baby_cafe", "sportcentrum": "sports_centre", "sporthal": "sports_centre",
    "huisarts": "gp_practice", "buurthuis": "community_centre", "buurtkamer": "community_centre",
    "moskee": "mosque_cultural_centre", "cultureel centrum": "mosque_cultural_centre",
    "straat": "street", "pop-up": "street", "popup": "street",
}
ORG_KIND_WORDS = {
    "welzijn": "welfare", "gezondheid": "health", "zorg": "health", "ggd": "health",
    "huisarts": "gp_practice", "woningcorporatie": "housing", "wonen": "housing",
    "stichting": "foundation", "fonds": "foundation", "sportclub": "sports",
    "sportvereniging": "sports",
}
SCHEDULE_WORDS = {
    "wekelijks": "weekly", "week": "weekly", "tweewekelijks": "biweekly",
    "maandelijks": "monthly", "maand": "monthly", "eenmalig": "once",
}
ROLE_WORDS = {
    "gast": "participant", "deelneemster": "participant", "deelnemers": "participant",
    "vrijwilligster": "volunteer", "vrijwilligers": "volunteer", "vw": "volunteer",
}

_WEEKDAY_WORDS: dict[str, int] = {}
for _i, _d in enumerate(WEEKDAYS_NL):
    _WEEKDAY_WORDS[_d] = _i
    _WEEKDAY_WORDS[_d[:2]] = _i
for _i, _d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
):
    _WEEKDAY_WORDS[_d] = _i
    _WEEKDAY_WORDS[_d[:3]] = _i


def parse_weekday(text: str) -> int:
    t = text.strip().lower().rstrip(".")
    if t in _WEEKDAY_WORDS:
        return _WEEKDAY_WORDS[t]
    if t.endswith("s") and t[:-1] in _WEEKDAY_WORDS:  # "dinsdags"
        return _WEEKDAY_WORDS[t[:-1]]
    raise RowProblem(f"de weekdag '{text}' kennen we niet. Vul bijvoorbeeld dinsdag in.")


def parse_time(value: Any) -> dt.time:
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    text = cell_text(value)
    m = re.fullmatch(r"(\d{1,2})(?:[:.h](\d{2}))?(?:\s*uur)?", text.strip().lower())
    if m:
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        if h < 24 and mi < 60:
            return dt.time(h, mi)
    raise RowProblem(f"de tijd '{text}' klopt niet. Schrijf de tijd als 12:00.")


_EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(value: Any) -> dt.date:
    """Dutch dates: dd-mm-jjjj, d-m-jj, jjjj-mm-dd (also with / or .), Excel dates."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 < value < 80000:  # an Excel serial day number
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise RowProblem(f"de datum '{cell_text(value)}' klopt niet. Schrijf de datum als "
                         "31-01-2025.")
    text = cell_text(value).strip()
    if re.fullmatch(r"\d{5}", text) and 20000 < int(text) < 80000:
        return _EXCEL_EPOCH + dt.timedelta(days=int(text))
    text = text.split(" ")[0].split("T")[0]
    try:
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", text)
        if m:
            year = int(m.group(3))
            if year < 100:
                year += 2000
            return dt.date(year, int(m.group(2)), int(m.group(1)))
    except ValueError:
        pass
    if not text:
        raise RowProblem("de datum is leeg. Vul de datum in, bijvoorbeeld 31-01-2025.")
    raise RowProblem(f"de datum '{text}' klopt niet. Schrijf de datum als 31-01-2025.")


def alias_key(alias: str) -> str:
    """The normalised alias used to find a resident (the residents service's rule)."""
    from .residents import normalise_alias

    return normalise_alias(alias)


def _split_list(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[|;,]", text) if p.strip()]


# -- lookups of reference values by code or name -----------------------------------
class Lookup:
    """Live values of one reference kind, found by code or by name (any case)."""

    def __init__(self, s: OrmSession, model: Any, has_code: bool) -> None:
        self.by_key: dict[str, uuid.UUID] = {}
        cols = [model.id, model.name] + ([model.code] if has_code else [])
        for row in s.execute(select(*cols).where(model.deleted_at.is_(None))):
            self.by_key.setdefault(str(row[1]).strip().casefold(), row[0])
            if has_code and row[2]:
                self.by_key[str(row[2]).strip().casefold()] = row[0]

    def find(self, text: str) -> uuid.UUID | None:
        return self.by_key.get(text.strip().casefold())


def _lookups(s: OrmSession) -> dict[str, Lookup]:
    return {
        "neighbourhood": Lookup(s, Neighbourhood, True),
        "organisation": Lookup(s, Organisation, False),
        "venue": Lookup(s, Venue, False),
        "programme_line": Lookup(s, ProgrammeLine, True),
        "track": Lookup(s, Track, True),
        "target_group": Lookup(s, TargetGroup, True),
        "topic": Lookup(s, Topic, True),
    }


_WHAT_NL = {
    "neighbourhood": ("de buurt", "Voeg de buurt eerst toe of verbeter de naam."),
    "organisation": ("de organisatie", "Voeg de organisatie eerst toe of verbeter de naam."),
    "venue": ("de vindplaats", "Voeg de vindplaats eerst toe of verbeter de naam."),
    "programme_line": ("de programmalijn", "Verbeter de naam of de code."),
    "track": ("het spoor", "Verbeter de naam of de code."),
    "target_group": ("de doelgroep", "Voeg de doelgroep eerst toe of verbeter de naam."),
}


def _resolve(refs: dict[str, Lookup], kind: str, text: str) -> uuid.UUID:
    found = refs[kind].find(text)
    if found is None:
        what, todo = _WHAT_NL[kind]
        raise RowProblem(f"{what} '{text}' bestaat niet. {todo}")
    return found


def _resolve_list(refs: dict[str, Lookup], kind: str, text: str) -> list[uuid.UUID]:
    whole = refs[kind].find(text)
    if whole is not None:
        return [whole]
    return list(dict.fromkeys(_resolve(refs, kind, part) for part in _split_list(text)))


def _row_message(row_number: int, message: str) -> str:
    return f"Rij {row_number}: {message}"


# -- checking reference rows in memory ---------------------------------------------
PROGRESS_EVERY = 500  # rows between progress calls while checking
IMPORT_BATCH = DEFAULT_BATCH_SIZE  # new reference values per write transaction

# kind -> the kinds its rows refer to by name or code (model, has code)
_PARENTS: dict[str, tuple[tuple[str, Any, bool], ...]] = {
    "venue": (("neighbourhood", Neighbourhood, True),),
    "organisation_service": (("organisation", Organisation, False),),
}

# kind -> the fields an import can set (what clean_values() returns)
_REF_FIELDS: dict[str, tuple[str, ...]] = {
    "neighbourhood": ("name", "code", "municipality", "is_focus"),
    "venue": ("name", "kind", "neighbourhood_id"),
    "organisation": ("name", "kind", "description"),
    "organisation_service": ("name", "organisation_id"),
    "target_group": ("name", "code"),
    "topic": ("name", "code"),
    "track": ("name", "code"),
    "programme_line": ("name", "code"),
}

# SQLite's lower() changes only A-Z; the service compared lower(column) with
# Python's text.lower(), so stored values are keyed the SQLite way and looked up
# the Python way, to find exactly what that query found.
_SQL_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _sql_lower(text: str) -> str:
    return text.lower() if text.isascii() else text.translate(_SQL_LOWER)


def _reference_reader(kind: str, cols: dict[str, int],
                      refs: dict[str, Lookup]) -> Callable[[list[Any]], dict[str, Any]]:
    """``read(cells)``: the values one row of this file gives (before the rules of
    the reference service); raises :class:`RowProblem`. The column positions are
    looked up once per file."""
    def at(f: str) -> Callable[[list[Any]], str]:
        i = cols.get(f)
        if i is None:
            return lambda cells: ""
        return lambda cells: cell_text(cells[i]) if i < len(cells) else ""

    name_of, code_of = at("name"), at("code")
    has_code = KINDS[kind][2]

    def common(cells: list[Any]) -> dict[str, Any]:
        values: dict[str, Any] = {"name": name_of(cells)}
        if not values["name"]:
            raise RowProblem("de naam is leeg. Vul een naam in.")
        if has_code:
            code = code_of(cells)
            if code:
                values["code"] = code
        return values

    if kind == "neighbourhood":
        municipality_of, focus_of = at("municipality"), at("is_focus")

        def read(cells: list[Any]) -> dict[str, Any]:
            values = common(cells)
            if municipality_of(cells):
                values["municipality"] = municipality_of(cells)
            if focus_of(cells):
                values["is_focus"] = parse_bool(focus_of(cells), "focusbuurt")
            return values
        return read
    if kind == "venue":
        # The hot path of large imports: straight-line, for CSV cells (text).
        i_name, i_kind, i_hood = (cols.get(f) for f in ("name", "kind", "neighbourhood"))
        kind_of, hood_of = at("kind"), at("neighbourhood")
        hoods = refs["neighbourhood"].by_key
        venue_kinds = _VENUE_KINDS

        def read(cells: list[Any]) -> dict[str, Any]:
            n = len(cells)
            name = cells[i_name] if i_name is not None and i_name < n else None
            name = name.strip() if name.__class__ is str else cell_text(name)
            if not name:
                raise RowProblem("de naam is leeg. Vul een naam in.")
            text = cells[i_kind] if i_kind is not None and i_kind < n else None
            text = text.strip() if text.__class__ is str else kind_of(cells)
            if not text:
                raise RowProblem("het soort vindplaats is leeg. Vul het soort in, "
                                 "bijvoorbeeld School of Buurthuis / buurtkamer.")
            code = venue_kinds.get(text) or parse_enum(
                text, VenueKind, "vindplaats", VENUE_KIND_WORDS)
            text = cells[i_hood] if i_hood is not None and i_hood < n else None
            text = text.strip() if text.__class__ is str else hood_of(cells)
            if not text:
                return {"name": name, "kind": code, "neighbourhood_id": None}
            nid = hoods.get(text.casefold())  # Lookup.find (the text is stripped)
            if nid is None:
                nid = _resolve(refs, "neighbourhood", text)  # raises the message
            return {"name": name, "kind": code, "neighbourhood_id": nid}
        return read
    if kind == "organisation":
        kind_of, description_of = at("kind"), at("description")

        def read(cells: list[Any]) -> dict[str, Any]:
            values = common(cells)
            text = kind_of(cells)
            if text:
                values["kind"] = parse_enum(text, OrganisationKind, "organisatie",
                                            ORG_KIND_WORDS)
            if description_of(cells):
                values["description"] = description_of(cells)
            return values
        return read
    if kind == "organisation_service":
        organisation_of = at("organisation")

        def read(cells: list[Any]) -> dict[str, Any]:
            values = common(cells)
            text = organisation_of(cells)
            if not text:
                raise RowProblem("de organisatie is leeg. Vul de organisatie in die deze "
                                 "dienst biedt.")
            values["organisation_id"] = _resolve(refs, "organisation", text)
            return values
        return read
    return common


_VENUE_KINDS = {k.value: k.value for k in VenueKind}  # the codes themselves, fast


def _clean_new(kind: str, values: dict[str, Any]) -> dict[str, Any] | None:
    """What :func:`.reference.clean_values` returns for a new value of ``kind``,
    worked out without its general machinery for the rows that are plainly fine
    (as :func:`_reference_reader` gives them: the name stripped and not empty,
    the venue kind one of the codes, the parent found); None for everything
    else, which then takes :func:`clean_values` (and gets its messages). The
    answer may be ``values`` itself (the caller's own dict)."""
    name = values["name"]
    if len(name) > 160 or len(values) != len(_REF_FIELDS[kind]):
        return None
    if kind == "venue" and values.get("kind") in _VENUE_KINDS \
            and "neighbourhood_id" in values:
        return values  # exactly name, kind and neighbourhood_id: already clean
    if kind == "organisation_service" and values.get("organisation_id") is not None:
        return values  # exactly name and organisation_id
    return None


class _Rec:
    """One reference value while an import runs: as stored, or new from this file."""

    __slots__ = ("changed", "id", "merged", "new", "values")

    # A new value's id may be the 16 stored bytes (see store.bulk.new_id_bytes).
    def __init__(self, id_: uuid.UUID | bytes, values: dict[str, Any], new: bool) -> None:
        self.id = id_
        self.values = values
        self.new = new
        self.changed: set[str] = set()  # fields to save (existing values)
        self.merged = 0  # later rows of the file that changed this new value


# Reference data that ships with the app gets the same id on every device, so two
# laptops that each ran `gezond init` before joining a team hold one Hambaken, not
# two that collide on their unique code when they sync. (Everything else gets a
# UUIDv7 made on the device.)
BUNDLED_NAMESPACE = uuid.UUID("8f0c1c52-6a8e-4f43-9a57-3f6c5b2f7e10")


def bundled_id(kind: str, values: dict[str, Any]) -> uuid.UUID:
    key = values.get("code") or str(values.get("name", "")).strip().lower()
    parent = values.get("neighbourhood_id") or values.get("organisation_id") or ""
    return uuid.uuid5(BUNDLED_NAMESPACE, f"{kind}:{parent}:{key}")


class _RefState:
    """The live values of one kind, loaded once, indexed the way the service finds
    them: by code (any case) and by name (any case; venues within their
    neighbourhood, services within their organisation). Rows are applied in file
    order, so a later row sees what an earlier row did."""

    def __init__(self, s: OrmSession, kind: str, stable_ids: bool = False,
                 new_ids: Iterator[bytes] | None = None) -> None:
        model: Any = KINDS[kind][0]
        self.stable_ids = stable_ids
        self.new_ids = new_ids  # ids for new values (else uuid7())
        self.kind = kind
        self.has_code = KINDS[kind][2]
        self.model = model
        self.fields = _REF_FIELDS[kind]
        self.parent = {"venue": "neighbourhood_id",
                       "organisation_service": "organisation_id"}.get(kind)
        self.by_code: dict[str, list[_Rec]] = {}
        self.by_name: dict[Any, list[_Rec]] = {}
        self.records: list[_Rec] = []
        cols = [getattr(model, f) for f in self.fields]
        for row in s.execute(select(model.id, *cols).where(model.deleted_at.is_(None))
                             .order_by(model.id)):
            self._add(_Rec(row[0], dict(zip(self.fields, row[1:], strict=True)), False))
        # Unique columns keep the values of deleted records too.
        self.deleted: dict[str, set[str]] = {}
        for column in ("code",) if self.has_code else ("name",) if kind == "organisation" \
                else ():
            self.deleted[column] = set(s.scalars(
                select(getattr(model, column)).where(model.deleted_at.is_not(None))))

    def _name_key(self, name: str, values: dict[str, Any]) -> Any:
        if not self.parent:
            return name
        parent = values.get(self.parent)  # a UUID: keyed by its number (hashed in C)
        return (name, parent.int if parent.__class__ is uuid.UUID else parent)

    def _index(self, rec: _Rec) -> None:
        v = rec.values
        self.by_name.setdefault(self._name_key(_sql_lower(v["name"]), v), []).append(rec)
        if self.has_code and v.get("code"):
            self._index_code(rec)

    def _index_code(self, rec: _Rec) -> None:
        self.by_code.setdefault(_sql_lower(rec.values["code"]), []).append(rec)

    def _unindex(self, rec: _Rec) -> None:
        v = rec.values
        self.by_name[self._name_key(_sql_lower(v["name"]), v)].remove(rec)
        if self.has_code and v.get("code"):
            self.by_code[_sql_lower(v["code"])].remove(rec)

    def _add(self, rec: _Rec) -> None:
        self.records.append(rec)
        self._index(rec)

    def _taken(self, column: str, value: str, rec: _Rec | None) -> bool:
        index = self.by_code if column == "code" else self.by_name
        others = index.get(value.lower(), ())
        if any(o is not rec for o in others):
            return True
        # A new or changed unique value may not repeat one of a deleted record.
        return value in self.deleted.get(column, ()) and (
            rec is None or rec.values.get(column) != value)

    def apply(self, values: dict[str, Any]) -> str:
        """Apply one row: 'added', 'updated' or 'unchanged'; raises for a bad row."""
        rec = None  # the value this row is about: by code, else by name
        if self.has_code and values.get("code"):
            found = self.by_code.get(values["code"].lower())
            if found:
                rec = found[0]
        if rec is None:
            key = self._name_key(values["name"].lower(), values)
            found = self.by_name.get(key)
            if not found:
                return self._add_new(values, key)
            rec = found[0]
        if all(rec.values.get(k) == v for k, v in values.items()):
            return "unchanged"
        clean = self._clean(values, rec)
        changes = {k: v for k, v in clean.items() if rec.values.get(k) != v}
        if not changes:
            return "unchanged"
        self._unindex(rec)
        rec.values.update(changes)
        self._index(rec)
        if rec.new:
            rec.merged += 1
        else:
            rec.changed.update(changes)
        return "updated"

    def _clean(self, values: dict[str, Any], rec: _Rec | None) -> dict[str, Any]:
        return clean_values(
            self.kind, values,
            rec.values.get if rec is not None else (lambda _k, d: d),
            code_taken=lambda code: self._taken("code", code, rec),
            name_taken=lambda name: self._taken("name", name, rec),
            require_parent=lambda _kind, _id: None,  # ids come from the loaded lookups
        )

    def _add_new(self, values: dict[str, Any], key: Any) -> str:
        """Add a new value; ``key`` is the name key apply() found nothing under."""
        clean = _clean_new(self.kind, values)
        if clean is None:
            clean = self._clean(values, None)
            key = None
        new_id: uuid.UUID | bytes
        if self.stable_ids:
            new_id = bundled_id(self.kind, clean)
        elif self.new_ids is not None:
            new_id = next(self.new_ids)
        else:
            new_id = uuid7()
        rec = _Rec(new_id, clean, True)
        self.records.append(rec)
        if key is None or not clean["name"].isascii():
            self._index(rec)
            return "added"
        # What _index() does, inline: _clean_new() kept the name and the parent, and
        # for ASCII, SQLite's lower() (the index) is Python's (the lookup).
        found = self.by_name.get(key)
        if found is None:
            self.by_name[key] = [rec]
        else:
            found.append(rec)
        if self.has_code and clean.get("code"):
            self._index_code(rec)
        return "added"

    def new_records(self) -> list[_Rec]:
        return [r for r in self.records if r.new]

    def save_updates(self, s: OrmSession) -> None:
        """Save the changed existing values through the ORM (their change entries
        come from the session hook), in the caller's transaction."""
        todo = {r.id: r for r in self.records if not r.new and r.changed}
        ids = list(todo)
        with s.no_autoflush:
            for i in range(0, len(ids), 500):
                for obj in s.scalars(select(self.model).where(self.model.id.in_(ids[i:i + 500]))):
                    rec = todo[obj.id]
                    for k in sorted(rec.changed):
                        if getattr(obj, k) != rec.values[k]:
                            setattr(obj, k, rec.values[k])
        s.flush()


# -- the service ---------------------------------------------------------------------
class ImportService(ServiceBase):
    _stable_ids = False  # True while the bundled reference data is loaded

    # -- reference data ---------------------------------------------------------
    def load_bundled_reference(self) -> ImportReport:
        """Load the reference data that ships with the app. Running it again adds nothing."""
        report = ImportReport()
        folder = reference_dir()
        self._stable_ids = True
        try:
            for kind, name in BUNDLED_FILES:
                path = folder / name
                if path.is_file():
                    report = report.merged(self.import_reference(kind, path))
        finally:
            self._stable_ids = False
        return report

    def import_reference(self, kind: str, path: Path | str,
                         progress: Progress | None = None) -> ImportReport:
        """Import one kind of reference data from a CSV or .xlsx file.

        Reference values (not activities) take the bulk path: every row is checked
        against the values loaded once, the changed existing values are saved in one
        transaction and the new ones are written in batches with their change entries.
        ``progress(done, total)`` counts steps: each row is checked, then written
        (total is twice the number of rows). Returning False stops: the rows checked
        until then are still saved and the report says it stopped.

        A name (or code) that appears twice in the file is one value: the later row
        updates what the earlier row set, just as if the file were read twice.

        Coordinators only (see :mod:`gezond_desktop.security.permissions`).
        """
        self.services.require("import.reference")
        kind = KIND_ALIASES.get(kind.strip().lower(), kind.strip().lower())
        if kind not in IMPORT_KINDS:
            raise GezondError(
                f"'{kind}' kunnen we niet inlezen. Kies uit: " + ", ".join(IMPORT_KINDS) + "."
            )
        if kind == "activity":
            table = read_table(path)
            cols = _column_map(table, COLUMNS.keys() - {"alias", "date", "role"})
            _check_columns(table, kind, cols)
            return self._import_activities(table, cols, progress)
        # Thousands of rows, cells and values, and no reference cycles: the cyclic
        # garbage collector would only walk them over and over (see gc_paused).
        # They are all gone again when the pause ends.
        with gc_paused():
            return self._import_reference_file(kind, path, progress)

    def _import_reference_file(self, kind: str, path: Path | str,
                               progress: Progress | None) -> ImportReport:
        table = read_table(path)
        cols = _column_map(table, COLUMNS.keys() - {"alias", "date", "role"})
        _check_columns(table, kind, cols)
        return self._import_reference_bulk(kind, table, cols, progress)

    def _import_activities(self, table: Table, cols: dict[str, int],
                           progress: Progress | None) -> ImportReport:
        accepted = updated = unchanged = 0
        rejected: list[RowError] = []
        cancelled = False
        total = len(table.rows)
        with self._read() as s:
            refs = _lookups(s)
        for done, (row_number, cells) in enumerate(table.rows):
            if progress is not None and not progress(done, total):
                cancelled = True
                break

            def get(f: str, cells: list[Any] = cells) -> Any:
                i = cols.get(f)
                return cells[i] if i is not None and i < len(cells) else None

            try:
                outcome = self._save_activity(get, refs)
            except RowProblem as exc:
                rejected.append(RowError(row_number, _row_message(row_number, str(exc)),
                                         table.raw(cells)))
                continue
            except ValidationError as exc:
                rejected.append(RowError(row_number, _row_message(row_number, exc.message),
                                         table.raw(cells)))
                continue
            if outcome == "added":
                accepted += 1
            elif outcome == "updated":
                updated += 1
            else:
                unchanged += 1
        if progress is not None and not cancelled:
            progress(total, total)
        return ImportReport(accepted=accepted, updated=updated, rejected=rejected,
                            unchanged=unchanged, cancelled=cancelled)

    def _import_reference_bulk(self, kind: str, table: Table, cols: dict[str, int],
                               progress: Progress | None) -> ImportReport:
        # The rule of ReferenceService.save, checked once instead of per row.
        self.services.require("reference.edit")
        model, _, _ = KINDS[kind]
        n = len(table.rows)
        steps = 2 * n
        accepted = updated = unchanged = 0
        rejected: list[RowError] = []
        cancelled = False
        with self._write() as s:
            # Checked and saved under the write lock, so nothing changes in between.
            refs = {parent: Lookup(s, pmodel, has_code)
                    for parent, pmodel, has_code in _PARENTS.get(kind, ())}
            state = _RefState(s, kind, self._stable_ids, iter(new_id_bytes(n)))
            read = _reference_reader(kind, cols, refs)
            apply = state.apply
            for done, (row_number, cells) in enumerate(table.rows):
                if progress is not None and done % PROGRESS_EVERY == 0 \
                        and not progress(done, steps):
                    cancelled = True
                    break

                try:
                    outcome = apply(read(cells))
                except RowProblem as exc:
                    rejected.append(RowError(row_number, _row_message(row_number, str(exc)),
                                             table.raw(cells)))
                    continue
                except ValidationError as exc:
                    rejected.append(RowError(row_number, _row_message(row_number, exc.message),
                                             table.raw(cells)))
                    continue
                if outcome == "added":
                    accepted += 1
                elif outcome == "updated":
                    updated += 1
                else:
                    unchanged += 1
            state.save_updates(s)
        new = state.new_records()
        if not new:
            if progress is not None and not cancelled:
                progress(steps, steps)
            return ImportReport(accepted=accepted, updated=updated, rejected=rejected,
                                unchanged=unchanged, cancelled=cancelled)
        stopped_early = cancelled  # the rows checked before the stop are still saved
        checked = done if cancelled else n

        def bulk_progress(written: int, _total: int) -> bool:
            if progress is None:
                return True
            goes_on = progress(checked + (steps - checked) * written // len(new), steps)
            return stopped_early or goes_on is not False

        fields = _REF_FIELDS[kind]
        row_of = itemgetter(*fields)
        written = 0
        try:
            with BulkWriter(self.db, self.worker_id, batch_size=IMPORT_BATCH,
                            progress=bulk_progress, total=len(new)) as bw:
                keys = ("id", *fields)
                if all(len(rec.values) == len(fields) for rec in new):
                    bw.add_rows(model, keys, [(rec.id, *row_of(rec.values)) for rec in new])
                else:  # a field beyond the usual ones: those the general way, in order
                    for rec in new:
                        if len(rec.values) == len(fields):
                            bw.add_rows(model, keys, [(rec.id, *row_of(rec.values))])
                        else:
                            bw.add(model, {"id": rec.id, **rec.values})
            written = bw.done
        except BulkCancelled as exc:
            cancelled = True
            written = exc.done
        finally:
            if written:
                self.services.notify(frozenset({model.__entity__}))
        if written < len(new):  # stopped while writing: count only what was saved
            accepted -= len(new) - written
            updated -= sum(rec.merged for rec in new[written:])
        return ImportReport(accepted=accepted, updated=updated, rejected=rejected,
                            unchanged=unchanged, cancelled=cancelled)

    def _save_activity(self, get: Callable[[str], Any], refs: dict[str, Lookup]) -> str:
        name = cell_text(get("name"))
        if not name:
            raise RowProblem("de naam is leeg. Vul de naam van de activiteit in.")
        if len(name) > 160:
            raise RowProblem("de naam is te lang: gebruik hooguit 160 tekens.")
        with self._write() as s:
            values: dict[str, Any] = {"name": name}
            for f, kind in (("organisation", "organisation"),
                            ("neighbourhood", "neighbourhood"),
                            ("venue", "venue"),
                            ("programme_line", "programme_line")):
                text = cell_text(get(f))
                if text:
                    values[f"{kind}_id"] = _resolve(refs, kind, text)
            text = cell_text(get("schedule_kind"))
            if text:
                values["schedule_kind"] = parse_enum(text, ScheduleKind, "schema",
                                                     SCHEDULE_WORDS)
            text = cell_text(get("weekday"))
            if text:
                values["weekday"] = parse_weekday(text)
            if cell_text(get("start_time")):
                values["start_time"] = parse_time(get("start_time"))
            for f in ("starts_on", "ends_on"):
                if cell_text(get(f)):
                    values[f] = parse_date(get(f))
            if values.get("starts_on") and values.get("ends_on") and \
                    values["ends_on"] < values["starts_on"]:
                raise RowProblem("de einddatum ligt voor de startdatum. Verbeter een van beide.")
            if cell_text(get("description")):
                values["description"] = cell_text(get("description"))
            lists: dict[str, list[uuid.UUID]] = {}
            if cell_text(get("tracks")):
                lists["tracks"] = _resolve_list(refs, "track", cell_text(get("tracks")))
            if cell_text(get("target_groups")):
                lists["target_groups"] = _resolve_list(refs, "target_group",
                                                       cell_text(get("target_groups")))
            obj = s.scalars(
                select(Activity)
                .where(Activity.deleted_at.is_(None), func.lower(Activity.name) == name.lower())
                .order_by(Activity.id)
            ).first()
            added = obj is None
            if obj is None:
                obj = Activity(id=bundled_id("activity", values) if self._stable_ids
                               else uuid7(), **values)
                s.add(obj)
            else:
                for k, v in values.items():
                    if getattr(obj, k) != v:
                        setattr(obj, k, v)
            for rel, ids in lists.items():
                model: Any = Track if rel == "tracks" else TargetGroup
                current = {o.id for o in getattr(obj, rel)} if not added else set()
                if added or current != set(ids):
                    rows = list(s.scalars(select(model).where(model.id.in_(ids))))
                    rows.sort(key=lambda o: ids.index(o.id))
                    setattr(obj, rel, rows)
            s.flush()
            changed = s.info["write"].change_count > 0
        if added:
            return "added"
        return "updated" if changed else "unchanged"

    # -- sign-in lists (attendance) --------------------------------------------
    def find_activity(self, name: str) -> uuid.UUID:
        """The live activity with this name (any case), for the CLI."""
        with self._read() as s:
            rows = list(s.scalars(
                select(Activity.id).where(Activity.deleted_at.is_(None),
                                          func.lower(Activity.name) == name.strip().lower())
            ))
        if not rows:
            raise GezondError(
                f"De activiteit '{name}' bestaat niet. Controleer de naam of voeg de "
                "activiteit eerst toe."
            )
        if len(rows) > 1:
            raise GezondError(
                f"Er zijn {len(rows)} activiteiten met de naam '{name}'. Geef ze eerst "
                "verschillende namen."
            )
        return rows[0]

    def preview_attendance(self, path: Path | str, activity_id: uuid.UUID) -> AttendancePreview:
        """Read a sign-in list and check each row; nothing is saved yet."""
        table = read_table(path)
        cols = _column_map(table, ("date", "alias", "role"))
        _check_columns(table, "attendance", cols)
        today = dt.date.today()
        out: list[AttendanceRow] = []
        seen: dict[tuple[dt.date, str], int] = {}
        with self._read() as s:
            activity = get_live(s, Activity, activity_id, "Deze activiteit")
            activity_name = activity.name
            session_ids: dict[dt.date, uuid.UUID] = {
                held_on: sid for held_on, sid in s.execute(
                    select(Session.held_on, Session.id).where(
                        Session.activity_id == activity_id, Session.deleted_at.is_(None)))
            }
            for row_number, cells in table.rows:
                def get(f: str, cells: list[Any] = cells) -> Any:
                    i = cols.get(f)
                    return cells[i] if i is not None and i < len(cells) else None

                raw = table.raw(cells)
                alias = " ".join(cell_text(get("alias")).split())
                held_on: dt.date | None = None
                role = AttendanceRole.PARTICIPANT.value
                try:
                    held_on = parse_date(get("date"))
                    if held_on > today:
                        raise RowProblem(
                            f"de datum {held_on:%d-%m-%Y} ligt in de toekomst. Vul de datum "
                            "in waarop de bijeenkomst was.")
                    if not alias:
                        raise RowProblem("de alias is leeg. Vul een alias of roepnaam in.")
                    if len(alias) > 80:
                        raise RowProblem("de alias is te lang: gebruik hooguit 80 tekens.")
                    role_text = cell_text(get("role"))
                    if role_text:
                        role = self._parse_role(role_text)
                    key = (held_on, alias_key(alias))
                    if key in seen:
                        raise RowProblem(
                            f"{alias} staat op {held_on:%d-%m-%Y} al in rij {seen[key]}. "
                            "Deze rij wordt niet opgeslagen.")
                    seen[key] = row_number
                    sid = session_ids.get(held_on)
                    if sid is not None and self._already_present(s, sid, alias):
                        raise RowProblem(
                            f"{alias} staat op {held_on:%d-%m-%Y} al op de lijst van deze "
                            "bijeenkomst. Deze rij wordt niet opgeslagen.")
                except RowProblem as exc:
                    out.append(AttendanceRow(row_number, held_on, alias, role, "error",
                                             _row_message(row_number, str(exc)), raw))
                    continue
                out.append(AttendanceRow(row_number, held_on, alias, role, "ok", "", raw))
        return AttendancePreview(activity_id, activity_name, table.file_name, out)

    @staticmethod
    def _parse_role(text: str) -> str:
        t = text.strip().lower()
        if t in ROLE_WORDS:
            return ROLE_WORDS[t]
        parsed = AttendanceRole.parse(t)
        if parsed is None:
            raise RowProblem(f"de rol '{text}' kennen we niet. Vul deelnemer of "
                             "vrijwilliger in.")
        return parsed.value

    @staticmethod
    def _find_resident(s: OrmSession, alias: str) -> uuid.UUID | None:
        return s.scalars(
            select(Resident.id)
            .where(Resident.alias_key == alias_key(alias), Resident.deleted_at.is_(None))
            .order_by(Resident.id).limit(1)
        ).first()

    def _already_present(self, s: OrmSession, session_id: uuid.UUID, alias: str) -> bool:
        rid = self._find_resident(s, alias)
        if rid is None:
            return False
        return s.scalar(
            select(Attendance.id).where(Attendance.session_id == session_id,
                                        Attendance.resident_id == rid,
                                        Attendance.deleted_at.is_(None)).limit(1)
        ) is not None

    def import_attendance(self, preview: AttendancePreview,
                          progress: Progress | None = None) -> ImportReport:
        """Save the good rows of a preview. Rows already on the list are reported, not saved.

        ``progress(done, total)`` returning False stops the import; rows saved so far
        stay saved and the report says it stopped.
        """
        rejected = [RowError(r.row_number, r.reason, r.raw) for r in preview.error_rows]
        todo = preview.ok_rows
        total = len(todo)
        accepted = sessions_created = residents_created = 0
        cancelled = False
        i = 0
        while i < total and not cancelled:
            batch = todo[i:i + BATCH_ROWS]
            with self._write() as s:
                get_live(s, Activity, preview.activity_id, "Deze activiteit")
                # What this batch needs, loaded with one query each (under the write
                # lock, so nobody adds a session or a resident in between).
                sessions: dict[dt.date, uuid.UUID] = {}
                for held_on, found_sid in s.execute(
                        select(Session.held_on, Session.id)
                        .where(Session.activity_id == preview.activity_id,
                               Session.deleted_at.is_(None))
                        .order_by(Session.id.desc())):
                    sessions[held_on] = found_sid  # the oldest one wins, as before
                keys = list({alias_key(r.alias) for r in batch})
                residents: dict[str, uuid.UUID] = {}
                for n in range(0, len(keys), 500):
                    for found_key, found_rid in s.execute(
                            select(Resident.alias_key, Resident.id)
                            .where(Resident.alias_key.in_(keys[n:n + 500]),
                                   Resident.deleted_at.is_(None))
                            .order_by(Resident.id.desc())):
                        residents[found_key] = found_rid
                present = {(a, b) for a, b in s.execute(
                    select(Attendance.session_id, Attendance.resident_id)
                    .join(Session, Session.id == Attendance.session_id)
                    .where(Session.activity_id == preview.activity_id,
                           Attendance.deleted_at.is_(None)))}
                for row in batch:
                    if progress is not None and not progress(i, total):
                        cancelled = True
                        break
                    i += 1
                    assert row.held_on is not None
                    sid = sessions.get(row.held_on)
                    if sid is None:
                        sid = sessions[row.held_on] = uuid7()
                        s.add(Session(id=sid, activity_id=preview.activity_id,
                                      held_on=row.held_on))
                        sessions_created += 1
                    key = alias_key(row.alias)
                    rid = residents.get(key)
                    if rid is None:
                        rid = residents[key] = uuid7()
                        s.add(Resident(id=rid, alias=row.alias, alias_key=key))
                        residents_created += 1
                    if (sid, rid) in present:
                        rejected.append(RowError(row.row_number, _row_message(
                            row.row_number,
                            f"{row.alias} staat op {row.held_on:%d-%m-%Y} al op de lijst van "
                            "deze bijeenkomst. Deze rij is niet opgeslagen."), row.raw))
                        continue
                    present.add((sid, rid))
                    s.add(Attendance(id=uuid7(), session_id=sid, resident_id=rid,
                                     role=row.role))
                    accepted += 1
        if progress is not None and not cancelled:
            progress(total, total)
        rejected.sort(key=lambda e: e.row_number)
        return ImportReport(accepted=accepted, rejected=rejected, cancelled=cancelled,
                            sessions_created=sessions_created,
                            residents_created=residents_created)
