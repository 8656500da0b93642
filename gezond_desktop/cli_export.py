"""`gezond export`: a report as PDF, Excel or CSV, or the central export.

    gezond export --report attendance --from 2025-01-01 --to 2025-12-31 \\
        --format pdf --out aanwezigheid.pdf [--internal] [--delimiter ';'] \\
        [--neighbourhood Hambaken West ...] [--activity NAAM ...] [--track NAAM ...]
        [--programme-line NAAM ...] [--target-group NAAM ...] [--organisation NAAM ...]

Register with ``add_export`` in :data:`gezond_desktop.cli.COMMANDS`. Every export
is recorded (ExportRecord) and syncs to the programme team, as in the app.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import uuid
from typing import Any

from .errors import GezondError
from .reports.model import REPORT_KINDS, REPORT_TITLES, ReportSpec

# option dest -> (reference kind or "activity", Dutch name for messages)
FILTERS: dict[str, tuple[str, str]] = {
    "neighbourhood": ("neighbourhood", "buurt"),
    "activity": ("activity", "activiteit"),
    "programme_line": ("programme_line", "programmalijn"),
    "track": ("track", "spoor"),
    "target_group": ("target_group", "doelgroep"),
    "organisation": ("organisation", "organisatie"),
}


def parse_date(text: str, what: str) -> dt.date:
    """2025-01-31, 31-01-2025 or 31-1-2025."""
    t = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", t):
            y, m, d = (int(x) for x in t.split("-"))
            return dt.date(y, m, d)
        if re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", t):
            d, m, y = (int(x) for x in t.split("-"))
            return dt.date(y, m, d)
    except ValueError:
        pass
    raise GezondError(
        f"'{text}' bij {what} is geen datum. Schrijf de datum als 2025-01-31 of 31-01-2025."
    )


def _resolve(svc: Any, dest: str, names: list[str]) -> tuple[uuid.UUID, ...]:
    kind, label = FILTERS[dest]
    ids: list[uuid.UUID] = []
    for name in names:
        if kind == "activity":
            wanted = name.strip().casefold()
            match = next((a for a in svc.activities.list(include_retired=True)
                          if a.name.casefold() == wanted), None)
            found = match.id if match else None
        else:
            item = svc.reference.find(kind, name)
            found = item.id if item else None
        if found is None:
            raise GezondError(
                f"De {label} '{name}' is niet gevonden. Controleer de schrijfwijze."
            )
        if found not in ids:
            ids.append(found)
    return tuple(ids)


def build_spec(svc: Any, args: argparse.Namespace) -> ReportSpec:
    date_from = parse_date(args.date_from, "--from")
    date_to = parse_date(args.date_to, "--to")
    if date_to < date_from:
        raise GezondError("De datum bij --to ligt voor de datum bij --from. Kies een latere "
                          "einddatum.")
    ids = {dest: _resolve(svc, dest, getattr(args, dest) or []) for dest in FILTERS}
    return ReportSpec(
        kind=args.report,
        date_from=date_from,
        date_to=date_to,
        neighbourhood_ids=ids["neighbourhood"],
        activity_ids=ids["activity"],
        programme_line_ids=ids["programme_line"],
        track_ids=ids["track"],
        target_group_ids=ids["target_group"],
        organisation_ids=ids["organisation"],
        suppress=not args.internal,
        threshold=args.threshold,
    )


def cmd_export(args: argparse.Namespace) -> int:
    from . import cli
    from .reports.export import export_report

    if args.threshold < 2:
        raise GezondError("Kies bij --threshold een getal van 2 of hoger.")
    svc = cli._open(args)
    try:
        spec = build_spec(svc, args)
        worker_name = ""
        if svc.worker_id is not None:
            worker_name = svc.workers.get(svc.worker_id).name
        fmt = args.format or ("csv" if args.report == "central" else "pdf")
        if args.internal:
            print("Let op: interne werkversie met exacte aantallen. Niet verspreiden buiten "
                  "de organisatie.", file=sys.stderr)
        svc.require("export")
        path = export_report(svc.db, spec, fmt, args.out, worker_id=svc.worker_id,
                             worker_name=worker_name, delimiter=args.delimiter,
                             progress=cli._progress_printer())
        svc.audit.record_export(spec.kind, str(path))
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(f"{REPORT_TITLES[spec.kind]} opgeslagen: {path}")
        return cli.EXIT_OK
    finally:
        svc.db.close()


def add_export(sub: Any) -> None:
    p = sub.add_parser(
        "export", help="Maak een rapport (PDF, Excel, CSV) of de centrale export.",
        description="Maak een rapport voor een periode, met filters. Kleine aantallen "
                    "(1 tot 4) worden afgeschermd, tenzij u --internal kiest. Elke export "
                    "wordt vastgelegd.")
    p.add_argument("--report", required=True, choices=REPORT_KINDS,
                   help="Welk rapport: " + ", ".join(REPORT_KINDS) + ".")
    p.add_argument("--from", dest="date_from", required=True, metavar="DATUM",
                   help="Eerste dag van de periode, bijvoorbeeld 2025-01-01.")
    p.add_argument("--to", dest="date_to", required=True, metavar="DATUM",
                   help="Laatste dag van de periode (telt mee), bijvoorbeeld 2025-12-31.")
    p.add_argument("--format", choices=("pdf", "xlsx", "csv", "parquet"), default=None,
                   help="Bestandssoort (standaard pdf; bij central csv). parquet alleen bij "
                        "central.")
    p.add_argument("--out", required=True, metavar="BESTAND",
                   help="Waar het bestand komt. CSV met meer tabellen wordt een .zip.")
    p.add_argument("--internal", action="store_true",
                   help="Interne werkversie: exacte aantallen, niet voor verspreiding.")
    p.add_argument("--delimiter", choices=(";", ","), default=";",
                   help="Scheidingsteken voor CSV: ; (Nederlandse Excel, standaard) of ,.")
    p.add_argument("--threshold", type=int, default=5,
                   help="Aantallen onder dit getal worden afgeschermd (standaard 5).")
    for dest, (_kind, label) in FILTERS.items():
        p.add_argument(f"--{dest.replace('_', '-')}", dest=dest, nargs="+", action="extend",
                       metavar="NAAM", help=f"Alleen deze {label} (naam of code); "
                                            "meer namen mag.")
    p.set_defaults(func=cmd_export)
