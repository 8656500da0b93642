"""`gezond sync` and `gezond hub`: exchange changes with the team's hub.

    gezond hub init PATH|postgresql://USER[:PASSWORD]@HOST/DB [--invitation FILE]
    gezond hub join INVITATION [--password-env VAR] [--data-dir DIR]
    gezond sync [--data-dir DIR]

``sync`` prints one line (sent, received, held, quarantined, conflicts) and exits
0 when everything was exchanged, 1 when bundles were held or quarantined
(reasons on stderr), 2 on an expected error (hub unreachable, disk full).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_PROBLEMS = 1


def _open(args: argparse.Namespace) -> Any:
    from .services import open_services

    return open_services(args.data_dir)


def cmd_sync(args: argparse.Namespace) -> int:
    from .sync.service import SyncService

    svc = _open(args)
    try:
        report = SyncService(svc).sync_now()
        print(report.summary())
        for p in report.problems:
            what = "vastgehouden" if p.state == "held" else "in quarantaine"
            print(f"{p.source} ({what}): {p.reason}", file=sys.stderr)
        return EXIT_OK if report.complete else EXIT_PROBLEMS
    finally:
        svc.db.close()


def cmd_hub_init(args: argparse.Namespace) -> int:
    from .sync.service import SyncService

    svc = _open(args)
    target = str(args.path)
    try:
        if target.startswith(("postgresql://", "postgres://")):
            invitation = SyncService(svc).init_pg_hub(target, args.schema, args.invitation)
            print("Hub gemaakt in de PostgreSQL-database.")
        else:
            invitation = SyncService(svc).init_hub(args.path, args.invitation)
            print(f"Hub gemaakt in {Path(args.path).resolve()}.")
        print(f"Uitnodiging: {invitation}")
        print("Geef dit bestand alleen via een veilige weg aan de apparaten van het team "
              "(het bevat de teamsleutel); zet het nooit in de gedeelde map.")
        return EXIT_OK
    finally:
        svc.db.close()


def cmd_hub_join(args: argparse.Namespace) -> int:
    from .sync.service import SyncService

    svc = _open(args)
    try:
        sync = SyncService(svc)
        password = os.environ.get(args.password_env) if args.password_env else None
        sync.join(args.invitation, password=password)
        st = sync.status()
        print(f"Aangesloten bij de hub in {st.hub_location}.")
        print(f"Sleutels bewaard in: {st.key_storage}.")
        if not st.reachable:
            print("De hub is nu niet bereikbaar; synchroniseer later met 'gezond sync'.")
        return EXIT_OK
    finally:
        svc.db.close()


def add_sync(sub: Any) -> None:
    p = sub.add_parser("sync", help="Wissel wijzigingen uit met de hub van het team.")
    p.set_defaults(func=cmd_sync)


def add_hub(sub: Any) -> None:
    p = sub.add_parser("hub", help="Maak een hub of sluit aan bij een hub.")
    hub_sub = p.add_subparsers(dest="hub_command", metavar="ACTIE", required=True)
    init = hub_sub.add_parser("init", help="Maak een nieuwe hub in een (gedeelde) map.")
    init.add_argument("path", help="De map van de hub, of een PostgreSQL-adres "
                      "(postgresql://gebruiker@server/database).")
    init.add_argument("--schema", default="gezond",
                      help="Het schema in de PostgreSQL-database (standaard: gezond).")
    init.add_argument("--invitation", type=Path, default=None,
                      help="Waar het uitnodigingsbestand komt (standaard in de gegevensmap).")
    init.set_defaults(func=cmd_hub_init)
    join = hub_sub.add_parser("join", help="Sluit dit apparaat aan bij een hub.")
    join.add_argument("invitation", type=Path, help="Het uitnodigingsbestand.")
    join.add_argument("--password-env", default=None, metavar="VAR",
                      help="Naam van de omgevingsvariabele met het wachtwoord van de "
                           "PostgreSQL-hub (het wachtwoord komt nooit in een bestand).")
    join.set_defaults(func=cmd_hub_join)
    for cmd in hub_sub.choices.values():
        cmd.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                         help=argparse.SUPPRESS)
