"""`gezond`: the command line for the same services the desktop app uses.

    gezond [--data-dir DIR] init [--name NAAM --role ROL --device-name NAAM]
    gezond [--data-dir DIR] import KIND FILE [--activity NAAM]
    gezond [--data-dir DIR] stats
    gezond [--data-dir DIR] check
    gezond [--data-dir DIR] demo --seed N --scale S

Exit codes: 0 all fine, 1 the command ran but found problems (rejected rows,
failed checks), 2 an expected error (message on stderr), 3 a bug.

To add a command (``sync``, ``hub``, ``export`` later), write a function
``def cmd_x(args) -> int`` and a ``add_x(subparsers)`` that registers it with
``set_defaults(func=cmd_x)``, then append ``add_x`` to :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import GezondError

APP_NAME = "GezondDesktop"
APP_AUTHOR = "Gezond"

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_ERROR = 2
EXIT_BUG = 3


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def _open(args: argparse.Namespace, device_name: str | None = None) -> Any:
    from .services import open_services

    return open_services(args.data_dir, device_name=device_name)


def _err(message: str) -> None:
    print(message, file=sys.stderr)


# -- init -----------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    if args.role and not args.name:
        raise GezondError("Geef bij --role ook een naam op met --name.")
    svc = _open(args, device_name=args.device_name)
    try:
        report = svc.imports.load_bundled_reference()
        print(f"Gegevensmap: {args.data_dir}")
        print(f"Basisgegevens: {report.accepted} toegevoegd, {report.updated} bijgewerkt, "
              f"{report.unchanged} al aanwezig.")
        for e in report.rejected:
            _err(e.message_nl)
        if args.name:
            name = " ".join(args.name.split())
            worker = next(
                (w for w in svc.workers.list(include_inactive=True)
                 if w.name.casefold() == name.casefold()),
                None,
            )
            if worker is None:
                worker = svc.workers.create(name, args.role or "coordinator")
                print(f"Medewerker {worker.name} ({worker.role_label}) is toegevoegd.")
            svc.workers.set_current(worker.id)
            print(f"{worker.name} is nu het profiel op deze computer.")
        return EXIT_PROBLEMS if report.rejected else EXIT_OK
    finally:
        svc.db.close()


def add_init(sub: Any) -> None:
    p = sub.add_parser("init", help="Maak de gegevensmap en laad de basisgegevens.")
    p.add_argument("--name", help="Naam van de medewerker die met deze computer werkt.")
    p.add_argument("--role", help="Rol van de medewerker, bijvoorbeeld coordinator of "
                                  "community_builder (standaard: coordinator).")
    p.add_argument("--device-name", help="Naam van deze computer.")
    p.set_defaults(func=cmd_init)


# -- import ----------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from .services.imports import IMPORT_KINDS, KIND_ALIASES

    kind = KIND_ALIASES.get(args.kind.lower(), args.kind.lower())
    if kind in ("aanwezigheid", "presentielijst", "deelname"):
        kind = "attendance"
    if kind != "attendance" and kind not in IMPORT_KINDS:
        raise GezondError(
            f"'{args.kind}' kunnen we niet inlezen. Kies uit: "
            + ", ".join([*IMPORT_KINDS, "attendance"]) + "."
        )
    svc = _open(args)
    try:
        if kind == "attendance":
            if not args.activity:
                raise GezondError(
                    "Geef bij een presentielijst de activiteit op, bijvoorbeeld "
                    "--activity VeadsEat."
                )
            activity_id = svc.imports.find_activity(args.activity)
            preview = svc.imports.preview_attendance(args.file, activity_id)
            report = svc.imports.import_attendance(preview)
        else:
            report = svc.imports.import_reference(kind, args.file)
        print(report.summary_nl())
        return EXIT_PROBLEMS if report.rejected or report.cancelled else EXIT_OK
    finally:
        svc.db.close()


def add_import(sub: Any) -> None:
    p = sub.add_parser("import", help="Lees gegevens in uit een CSV- of Excel-bestand.")
    p.add_argument("kind", metavar="KIND",
                   help="Wat er in het bestand staat: neighbourhood, venue, organisation, "
                        "organisation_service, target_group, topic, track, programme_line, "
                        "activity of attendance (ook in het Nederlands: buurt, vindplaats, ...).")
    p.add_argument("file", metavar="FILE", type=Path, help="Het CSV- of .xlsx-bestand.")
    p.add_argument("--activity", help="Bij attendance: de naam van de activiteit.")
    p.set_defaults(func=cmd_import)


# -- stats and check ------------------------------------------------------------------
def cmd_stats(args: argparse.Namespace) -> int:
    svc = _open(args)
    try:
        print(json.dumps(svc.stats.counts(), sort_keys=True))
        return EXIT_OK
    finally:
        svc.db.close()


def add_stats(sub: Any) -> None:
    p = sub.add_parser("stats", help="Toon de aantallen als één JSON-object.")
    p.set_defaults(func=cmd_stats)


def cmd_check(args: argparse.Namespace) -> int:
    svc = _open(args)
    try:
        problems = svc.stats.check(quick=args.quick)
    finally:
        svc.db.close()
    if not problems:
        print("Alles in orde.")
        return EXIT_OK
    for p in problems:
        print(p)
    return EXIT_PROBLEMS


def add_check(sub: Any) -> None:
    p = sub.add_parser("check", help="Controleer de database en het wijzigingslogboek.")
    p.add_argument("--quick", action="store_true", help="Snellere, minder grondige controle.")
    p.set_defaults(func=cmd_check)


# -- demo --------------------------------------------------------------------------------
def _progress_printer() -> Callable[..., bool]:
    tty = sys.stderr.isatty()
    last = [-1]

    def progress(*args: Any) -> bool:
        if not tty:
            return True
        if len(args) >= 2 and isinstance(args[0], int) and isinstance(args[1], int) and args[1]:
            pct = int(100 * args[0] / args[1])
            if pct != last[0]:
                last[0] = pct
                print(f"\r{pct:3d}%", end="", file=sys.stderr, flush=True)
        elif args:
            print(f"\r{args[0]}", end="", file=sys.stderr, flush=True)
        return True

    return progress


def cmd_demo(args: argparse.Namespace) -> int:
    import importlib

    try:
        # Written separately; imported only when needed.
        demo = importlib.import_module(f"{__package__}.demo")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.demo":
            raise
        raise GezondError("Voorbeeldgegevens maken kan in deze versie nog niet.") from exc

    svc = _open(args)
    try:
        demo.generate(svc, seed=args.seed, scale=args.scale, progress=_progress_printer())
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print("Voorbeeldgegevens gemaakt.")
        print(json.dumps(svc.stats.counts(), sort_keys=True))
        return EXIT_OK
    finally:
        svc.db.close()


def add_demo(sub: Any) -> None:
    p = sub.add_parser("demo", help="Vul de database met een voorbeeldprogramma.")
    p.add_argument("--seed", type=int, default=1, help="Startgetal: zelfde getal, zelfde data.")
    p.add_argument("--scale", type=float, default=1.0,
                   help="Grootte: 1 is één programmajaar, 10 is tien keer zo veel.")
    p.set_defaults(func=cmd_demo)


def _more_commands() -> list[Callable[[Any], None]]:
    from .cli_access import add_access
    from .cli_export import add_export
    from .cli_purge import add_purge
    from .cli_sync import add_hub, add_sync

    return [add_export, add_sync, add_hub, add_purge, add_access]


# Every subcommand registers itself here.
COMMANDS: list[Callable[[Any], None]] = [add_init, add_import, add_stats, add_check, add_demo,
                                         *_more_commands()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gezond",
        description="Gezond Desktop vanaf de opdrachtregel.",
    )
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="De gegevensmap (standaard de gebruikersmap van Gezond Desktop).")
    parser.add_argument("--debug", action="store_true",
                        help="Toon bij een programmafout alle technische details.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(sub)
    # Also accept --data-dir after the command (gezond stats --data-dir DIR).
    for cmd in sub.choices.values():
        cmd.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                         help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is None:
        args.data_dir = default_data_dir()
    try:
        return int(args.func(args))
    except GezondError as exc:
        _err(exc.message)
        return EXIT_ERROR
    except KeyboardInterrupt:
        _err("Afgebroken.")
        return 130
    except Exception as exc:
        _err("Sorry, er ging iets mis in Gezond Desktop. Dit is een fout in het programma, "
             "niet in wat u deed. Geef deze melding door aan uw beheerder:")
        _err(f"{type(exc).__name__}: {exc}")
        if args.debug:
            traceback.print_exc()
        return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
