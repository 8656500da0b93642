"""Central export for the programme team: the merged data as plain tables.

What leaves the device (AVG / GDPR):

* No names, contact details or free text of residents: ``full_name``, ``phone``,
  ``email``, the alias and every note (resident, encounter, session and
  referral-step notes, the referral reason and outcome note, descriptions) stay
  out. A resident is a birth year, a gender, a neighbourhood and target groups.
* Resident ids, and every reference to a resident (attendance, contacts,
  referrals), are replaced by a pseudonym ``P-`` + 12 hex characters: an
  HMAC-SHA256 of the id under a random key made for this export and then thrown
  away. Within one export the same resident always has the same pseudonym (so the
  tables can be joined); the next export gives everyone new pseudonyms, so two
  exports cannot be linked.
* Worker names *are* exported (table ``medewerkers``): they are staff, who act
  in their professional role; the programme team needs to see who did the work.
* Consent (docs/privacy.md): a resident without an active consent for
  "registration" has no row in ``inwoners`` and no pseudonym anywhere: their
  attendance, contact links and referrals are still exported (they count), with
  an empty ``inwoner``.

Records: live ones only (``deleted_at IS NULL``). The period of the spec limits
sessions and attendance (``held_on``), contacts (``occurred_at``) and referrals
(``registered_on``, with their steps and scores); residents are those who appear
in the exported attendance, contacts or referrals. Reference data is exported
whole. Other filters of the spec are not applied: the programme team gets the
whole picture for the period.

Rows are streamed in chunks from SQLite into the writer; no table is held in
memory. CSV: UTF-8 (with a byte order mark, so Excel reads the accents) and the
chosen delimiter. xlsx: xlsxwriter in constant-memory mode, one sheet per table.
Parquet: only when pyarrow is installed.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import secrets
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Select, and_, case, func, select, union

from ..enums import ConsentPurpose
from ..errors import GezondError, StorageError
from ..models import (
    Activity,
    Attendance,
    Encounter,
    Neighbourhood,
    Organisation,
    PositiveHealthScore,
    ProgrammeLine,
    Referral,
    ReferralEvent,
    Resident,
    ResidentConsent,
    Session,
    TargetGroup,
    Topic,
    Track,
    Venue,
    Worker,
)
from ..models.people import resident_target_group
from ..models.work import (
    activity_target_group,
    activity_track,
    encounter_resident,
    encounter_topic,
    encounter_track,
    referral_activity,
    referral_organisation,
)
from ..store import Database
from .model import ReportSpec

Fmt = Literal["csv", "xlsx", "parquet"]
Kind = Literal["text", "int", "float", "bool", "date", "datetime", "id", "resident"]
CHUNK = 2000
PSEUDONYM_HEX = 12


class Pseudonymiser:
    """Stable pseudonyms within one export: HMAC-SHA256 under a random key."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key if key is not None else secrets.token_bytes(32)

    def __call__(self, resident_id: uuid.UUID | bytes | None) -> str | None:
        if resident_id is None:
            return None
        raw = resident_id.bytes if isinstance(resident_id, uuid.UUID) else bytes(resident_id)
        digest = hmac.new(self._key, raw, hashlib.sha256).hexdigest()
        return f"P-{digest[:PSEUDONYM_HEX]}"


@dataclass(frozen=True)
class ExportTable:
    name: str  # file / sheet name (Dutch)
    columns: tuple[tuple[str, str], ...]  # (name, kind: see Kind)
    query: Any  # a SQLAlchemy select


def _live(model: Any) -> Any:
    return model.deleted_at.is_(None)


def export_tables(spec: ReportSpec) -> list[ExportTable]:
    """The tables of the central export and the query that streams each one."""
    d0, d1 = spec.date_from, spec.date_to
    t0 = dt.datetime.combine(d0, dt.time())
    t1 = dt.datetime.combine(d1 + dt.timedelta(days=1), dt.time())
    sessions_in = and_(_live(Session), Session.held_on >= d0, Session.held_on <= d1)
    enc_in = and_(_live(Encounter), Encounter.occurred_at >= t0, Encounter.occurred_at < t1)
    ref_in = and_(_live(Referral), Referral.registered_on >= d0, Referral.registered_on <= d1)
    live_res = select(Resident.id).where(_live(Resident))
    # Residents with an active consent for registration: only they get a pseudonym.
    registered = select(ResidentConsent.resident_id).where(
        ResidentConsent.purpose == ConsentPurpose.REGISTRATION.value,
        ResidentConsent.withdrawn_on.is_(None), _live(ResidentConsent))

    def gated(col: Any) -> Any:
        return case((col.in_(registered), col), else_=None)

    att_q = (select(Attendance.id, Attendance.session_id, gated(Attendance.resident_id),
                    Attendance.role)
             .join(Session, Session.id == Attendance.session_id)
             .where(_live(Attendance), sessions_in, Attendance.resident_id.in_(live_res))
             .order_by(Attendance.id))
    enc_res_q = (select(encounter_resident.c.encounter_id,
                        gated(encounter_resident.c.resident_id))
                 .join(Encounter, Encounter.id == encounter_resident.c.encounter_id)
                 .where(enc_in, encounter_resident.c.resident_id.in_(live_res))
                 .order_by(encounter_resident.c.encounter_id, encounter_resident.c.resident_id))
    ref_q = (select(Referral.id, gated(Referral.resident_id), Referral.pathway, Referral.source,
                    Referral.source_venue_id, Referral.referring_organisation_id,
                    Referral.coach_id, Referral.registered_on, Referral.status,
                    Referral.follow_up_on, Referral.outcome)
             .where(ref_in).order_by(Referral.id))
    # Residents who appear in what is exported.
    seen = union(
        select(Attendance.resident_id.label("rid")).join(
            Session, Session.id == Attendance.session_id).where(_live(Attendance), sessions_in),
        select(encounter_resident.c.resident_id.label("rid")).join(
            Encounter, Encounter.id == encounter_resident.c.encounter_id).where(enc_in),
        select(Referral.resident_id.label("rid")).where(ref_in),
    ).subquery()
    groups = (select(func.group_concat(TargetGroup.code, "|"))
              .select_from(resident_target_group.join(
                  TargetGroup, TargetGroup.id == resident_target_group.c.target_group_id))
              .where(resident_target_group.c.resident_id == Resident.id)
              .correlate(Resident).scalar_subquery())
    res_q = (select(Resident.id, Resident.birth_year, Resident.gender,
                    Resident.neighbourhood_id, groups.label("target_groups"))
             .where(_live(Resident), Resident.id.in_(select(seen.c.rid)),
                    Resident.id.in_(registered))
             .order_by(Resident.id))

    def ref_child(model: Any) -> Any:
        return model.referral_id.in_(select(Referral.id).where(ref_in))

    def assoc(table: Any, left: str, right: str, parent: Any) -> Select[Any]:
        return (select(table.c[left], table.c[right]).where(parent)
                .order_by(table.c[left], table.c[right]))

    ids = "id"
    return [
        ExportTable("buurten", (("id", ids), ("code", "text"), ("naam", "text"),
                                ("gemeente", "text"), ("focusbuurt", "bool")),
                    select(Neighbourhood.id, Neighbourhood.code, Neighbourhood.name,
                           Neighbourhood.municipality, Neighbourhood.is_focus)
                    .where(_live(Neighbourhood)).order_by(Neighbourhood.name)),
        ExportTable("vindplaatsen", (("id", ids), ("naam", "text"), ("soort", "text"),
                                     ("buurt_id", ids)),
                    select(Venue.id, Venue.name, Venue.kind, Venue.neighbourhood_id)
                    .where(_live(Venue)).order_by(Venue.name)),
        ExportTable("organisaties", (("id", ids), ("naam", "text"), ("soort", "text")),
                    select(Organisation.id, Organisation.name, Organisation.kind)
                    .where(_live(Organisation)).order_by(Organisation.name)),
        ExportTable("doelgroepen", (("id", ids), ("code", "text"), ("naam", "text")),
                    select(TargetGroup.id, TargetGroup.code, TargetGroup.name)
                    .where(_live(TargetGroup)).order_by(TargetGroup.name)),
        ExportTable("sporen", (("id", ids), ("code", "text"), ("naam", "text")),
                    select(Track.id, Track.code, Track.name)
                    .where(_live(Track)).order_by(Track.name)),
        ExportTable("programmalijnen", (("id", ids), ("code", "text"), ("naam", "text")),
                    select(ProgrammeLine.id, ProgrammeLine.code, ProgrammeLine.name)
                    .where(_live(ProgrammeLine)).order_by(ProgrammeLine.name)),
        ExportTable("onderwerpen", (("id", ids), ("code", "text"), ("naam", "text")),
                    select(Topic.id, Topic.code, Topic.name)
                    .where(_live(Topic)).order_by(Topic.name)),
        ExportTable("medewerkers", (("id", ids), ("naam", "text"), ("rol", "text"),
                                    ("organisatie_id", ids)),
                    select(Worker.id, Worker.name, Worker.role, Worker.organisation_id)
                    .where(_live(Worker)).order_by(Worker.name)),
        ExportTable("activiteiten", (
            ("id", ids), ("naam", "text"), ("organisatie_id", ids), ("buurt_id", ids),
            ("vindplaats_id", ids), ("programmalijn_id", ids), ("schema", "text"),
            ("weekdag", "int"), ("start", "date"), ("einde", "date")),
            select(Activity.id, Activity.name, Activity.organisation_id,
                   Activity.neighbourhood_id, Activity.venue_id, Activity.programme_line_id,
                   Activity.schedule_kind, Activity.weekday, Activity.starts_on,
                   Activity.ends_on).where(_live(Activity)).order_by(Activity.name)),
        ExportTable("activiteit_sporen", (("activiteit_id", ids), ("spoor_id", ids)),
                    assoc(activity_track, "activity_id", "track_id",
                          activity_track.c.activity_id.in_(
                              select(Activity.id).where(_live(Activity))))),
        ExportTable("activiteit_doelgroepen", (("activiteit_id", ids), ("doelgroep_id", ids)),
                    assoc(activity_target_group, "activity_id", "target_group_id",
                          activity_target_group.c.activity_id.in_(
                              select(Activity.id).where(_live(Activity))))),
        ExportTable("bijeenkomsten", (("id", ids), ("activiteit_id", ids), ("datum", "date"),
                                      ("anonieme_gasten", "int")),
                    select(Session.id, Session.activity_id, Session.held_on,
                           Session.anonymous_guests).where(sessions_in)
                    .order_by(Session.held_on, Session.id)),
        ExportTable("aanwezigheid", (("id", ids), ("bijeenkomst_id", ids),
                                     ("inwoner", "resident"), ("rol", "text")), att_q),
        ExportTable("contacten", (
            ("id", ids), ("moment", "datetime"), ("medewerker_id", ids), ("buurt_id", ids),
            ("vindplaats_id", ids), ("soort", "text"), ("aantal_personen", "int"),
            ("opvolgen_op", "date"), ("opgevolgd_op", "date")),
            select(Encounter.id, Encounter.occurred_at, Encounter.worker_id,
                   Encounter.neighbourhood_id, Encounter.venue_id, Encounter.kind,
                   Encounter.head_count, Encounter.follow_up_on, Encounter.follow_up_done_on)
            .where(enc_in).order_by(Encounter.occurred_at, Encounter.id)),
        ExportTable("contact_inwoners", (("contact_id", ids), ("inwoner", "resident")),
                    enc_res_q),
        ExportTable("contact_onderwerpen", (("contact_id", ids), ("onderwerp_id", ids)),
                    assoc(encounter_topic, "encounter_id", "topic_id",
                          encounter_topic.c.encounter_id.in_(select(Encounter.id).where(
                              enc_in)))),
        ExportTable("contact_sporen", (("contact_id", ids), ("spoor_id", ids)),
                    assoc(encounter_track, "encounter_id", "track_id",
                          encounter_track.c.encounter_id.in_(select(Encounter.id).where(
                              enc_in)))),
        ExportTable("verwijzingen", (
            ("id", ids), ("inwoner", "resident"), ("route", "text"), ("bron", "text"),
            ("bron_vindplaats_id", ids), ("verwijzende_organisatie_id", ids),
            ("coach_id", ids), ("aangemeld_op", "date"), ("status", "text"),
            ("opvolgen_op", "date"), ("resultaat", "text")), ref_q),
        ExportTable("verwijzing_organisaties", (("verwijzing_id", ids), ("organisatie_id", ids)),
                    assoc(referral_organisation, "referral_id", "organisation_id",
                          ref_child(referral_organisation.c))),
        ExportTable("verwijzing_activiteiten", (("verwijzing_id", ids), ("activiteit_id", ids)),
                    assoc(referral_activity, "referral_id", "activity_id",
                          ref_child(referral_activity.c))),
        ExportTable("verwijzing_stappen", (("id", ids), ("verwijzing_id", ids),
                                           ("status", "text"), ("datum", "date"),
                                           ("medewerker_id", ids)),
                    select(ReferralEvent.id, ReferralEvent.referral_id, ReferralEvent.status,
                           ReferralEvent.occurred_on, ReferralEvent.worker_id)
                    .where(_live(ReferralEvent), ref_child(ReferralEvent))
                    .order_by(ReferralEvent.referral_id, ReferralEvent.occurred_on,
                              ReferralEvent.hlc)),
        ExportTable("positieve_gezondheid", (
            ("id", ids), ("verwijzing_id", ids), ("moment", "text"), ("gemeten_op", "date"),
            ("lichaamsfuncties", "int"), ("mentaal_welbevinden", "int"),
            ("zingeving", "int"), ("kwaliteit_van_leven", "int"), ("meedoen", "int"),
            ("dagelijks_functioneren", "int")),
            select(PositiveHealthScore.id, PositiveHealthScore.referral_id,
                   PositiveHealthScore.moment, PositiveHealthScore.measured_on,
                   PositiveHealthScore.body, PositiveHealthScore.mental,
                   PositiveHealthScore.meaning, PositiveHealthScore.quality_of_life,
                   PositiveHealthScore.participation, PositiveHealthScore.daily_functioning)
            .where(_live(PositiveHealthScore), ref_child(PositiveHealthScore))
            .order_by(PositiveHealthScore.referral_id, PositiveHealthScore.moment)),
        ExportTable("inwoners", (("inwoner", "resident"), ("geboortejaar", "int"),
                                 ("geslacht", "text"), ("buurt_id", ids),
                                 ("doelgroepen", "text")), res_q),
    ]


def _converter(kind: str, pseudo: Pseudonymiser) -> Callable[[Any], Any]:
    if kind == "resident":
        return pseudo
    if kind == "id":
        return lambda v: None if v is None else str(v)
    if kind == "bool":
        return lambda v: None if v is None else int(bool(v))
    return lambda v: v


def _stream(db: Database, table: ExportTable, pseudo: Pseudonymiser) -> Iterator[list[Any]]:
    conv = [_converter(k, pseudo) for _, k in table.columns]
    with db.read() as s:
        result = s.execute(table.query.execution_options(yield_per=CHUNK))
        for chunk in result.partitions(CHUNK):
            for row in chunk:
                yield [f(v) for f, v in zip(conv, row, strict=True)]


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ", timespec="seconds")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _write_csv(db: Database, tables: Sequence[ExportTable], folder: Path, prefix: str,
               pseudo: Pseudonymiser, delimiter: str) -> list[Path]:
    out = []
    for t in tables:
        path = folder / f"{prefix}{t.name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f, delimiter=delimiter)
            w.writerow([name for name, _ in t.columns])
            for row in _stream(db, t, pseudo):
                w.writerow([_text(v) for v in row])
        out.append(path)
    return out


def _write_xlsx(db: Database, tables: Sequence[ExportTable], path: Path,
                pseudo: Pseudonymiser) -> list[Path]:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    try:
        bold = wb.add_format({"bold": True})
        date_fmt = wb.add_format({"num_format": "dd-mm-yyyy"})
        dt_fmt = wb.add_format({"num_format": "dd-mm-yyyy hh:mm"})
        for t in tables:
            ws = wb.add_worksheet(t.name[:31])
            ws.freeze_panes(1, 0)
            for c, (name, kind) in enumerate(t.columns):
                ws.write_string(0, c, name, bold)
                ws.set_column(c, c, 38 if kind == "id" else max(12, len(name) + 2))
            for r, row in enumerate(_stream(db, t, pseudo), start=1):
                for c, v in enumerate(row):
                    if v is None:
                        continue
                    if isinstance(v, dt.datetime):
                        ws.write_datetime(r, c, v, dt_fmt)
                    elif isinstance(v, dt.date):
                        ws.write_datetime(r, c, dt.datetime.combine(v, dt.time()), date_fmt)
                    elif isinstance(v, bool):
                        ws.write_number(r, c, int(v))
                    elif isinstance(v, int | float):
                        ws.write_number(r, c, v)
                    else:
                        ws.write_string(r, c, str(v))
    finally:
        wb.close()
    return [path]


def _write_parquet(db: Database, tables: Sequence[ExportTable], folder: Path, prefix: str,
                   pseudo: Pseudonymiser) -> list[Path]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise GezondError("Parquet is op deze computer niet beschikbaar (het onderdeel "
                          "'pyarrow' is niet geïnstalleerd). Kies CSV of Excel.") from exc
    types = {"text": pa.string(), "id": pa.string(), "resident": pa.string(),
             "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "date": pa.date32(), "datetime": pa.timestamp("s")}
    out = []
    for t in tables:
        schema = pa.schema([(name, types[kind]) for name, kind in t.columns])
        path = folder / f"{prefix}{t.name}.parquet"
        with pq.ParquetWriter(str(path), schema) as writer:
            batch: list[list[Any]] = []
            for row in _stream(db, t, pseudo):
                batch.append(row)
                if len(batch) >= CHUNK:
                    writer.write_table(pa.Table.from_pylist(
                        [dict(zip(schema.names, r, strict=True)) for r in batch], schema))
                    batch = []
            writer.write_table(pa.Table.from_pylist(
                [dict(zip(schema.names, r, strict=True)) for r in batch], schema))
        out.append(path)
    return out


def central_export(db: Database, spec: ReportSpec, out: Path | str, fmt: Fmt = "csv",
                   delimiter: str = ";") -> list[Path]:
    """Write the merged data of the period as tables for the programme team.

    ``out``: for ``xlsx`` a file (``.xlsx``) or a folder (the file is then
    ``centrale_export.xlsx`` in it); for ``csv`` and ``parquet`` a folder (one file
    per table), or a file name whose stem becomes the prefix of every file next
    to it. Returns the files written. See the module documentation for what is
    left out and how residents are pseudonymised (worker names are included).
    Raises GezondError (in Dutch) for an unknown format, a bad delimiter, Parquet
    without pyarrow, or a folder that cannot be written.
    """
    if fmt not in ("csv", "xlsx", "parquet"):
        raise GezondError(f"Onbekend bestandsformaat '{fmt}'. Kies csv, xlsx of parquet.")
    if fmt == "csv" and delimiter not in (";", ",", "\t"):
        raise GezondError("Kies als scheidingsteken een puntkomma (;) of een komma (,).")
    if spec.date_to < spec.date_from:
        raise GezondError("De einddatum ligt vóór de begindatum. Kies een einddatum op of na "
                          "de begindatum.")
    out = Path(out)
    tables = export_tables(spec)
    pseudo = Pseudonymiser()
    try:
        if fmt == "xlsx":
            path = out if out.suffix.lower() == ".xlsx" else out / "centrale_export.xlsx"
            path.parent.mkdir(parents=True, exist_ok=True)
            return _write_xlsx(db, tables, path, pseudo)
        if out.suffix:
            folder, prefix = out.parent, f"{out.stem}_"
        else:
            folder, prefix = out, ""
        folder.mkdir(parents=True, exist_ok=True)
        if fmt == "csv":
            return _write_csv(db, tables, folder, prefix, pseudo, delimiter)
        return _write_parquet(db, tables, folder, prefix, pseudo)
    except OSError as exc:
        raise StorageError(f"De export kon niet worden opgeslagen in {out}: {exc.strerror}. "
                           "Kies een andere map of maak ruimte vrij.") from exc
