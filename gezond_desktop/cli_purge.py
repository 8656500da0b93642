"""`gezond purge`: remove personal details whose retention period has passed.

    gezond purge --preview [--data-dir DIR]
    gezond purge --run [--yes] [--data-dir DIR]

``--preview`` lists the residents that are due (alias, reason, the date the
period counts from, the due date); ``--run`` shows the same list, asks for
confirmation (unless ``--yes``) and erases exactly those residents. Both are
recorded in the audit log. The periods are set in Beheer > Bewaartermijnen
(see docs/erasure.md). Exit codes: 0 done (or nothing due), 1 not confirmed,
2 an expected error.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_OK = 0
EXIT_NOT_CONFIRMED = 1


def _print_list(candidates: list[Any]) -> None:
    if not candidates:
        print("Er zijn geen inwoners waarvan de bewaartermijn is verstreken.")
        return
    print(f"{len(candidates)} inwoner(s) waarvan de persoonlijke gegevens weg moeten:")
    for c in candidates:
        print(f"  {c.alias}\t{c.reason_label}\tsinds {c.last_date:%d-%m-%Y}\t"
              f"termijn verstreken op {c.due_on:%d-%m-%Y}")


def cmd_purge(args: argparse.Namespace) -> int:
    from .services import open_services

    svc = open_services(args.data_dir)
    try:
        settings = svc.erasure.retention()
        if settings.contact_months is None and settings.referral_months is None:
            print("Er zijn geen bewaartermijnen ingesteld (Beheer > Bewaartermijnen).")
            return EXIT_OK
        candidates = svc.erasure.purge_preview()
        _print_list(candidates)
        if args.preview or not candidates:
            return EXIT_OK
        if not args.yes:
            print("Deze gegevens worden overal gewist en kunnen niet worden teruggehaald. "
                  "Doorgaan? Typ ja: ", end="", flush=True)
            answer = sys.stdin.readline().strip().lower()
            if answer not in ("ja", "j", "yes", "y"):
                print("Er is niets gewist.")
                return EXIT_NOT_CONFIRMED
        result = svc.erasure.purge(None, [c.resident_id for c in candidates])
        print(f"Gewist: {len(result.erased)} inwoner(s). Synchroniseer om het wissen ook op "
              "de andere apparaten en de hub door te voeren.")
        return EXIT_OK
    finally:
        svc.db.close()


def add_purge(sub: Any) -> None:
    p = sub.add_parser("purge", help="Wis persoonlijke gegevens waarvan de bewaartermijn "
                                     "is verstreken.")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--preview", action="store_true",
                      help="Toon alleen wie er gewist zou worden.")
    what.add_argument("--run", action="store_true", help="Wis de gegevens.")
    p.add_argument("--yes", action="store_true", help="Niet om bevestiging vragen.")
    p.set_defaults(func=cmd_purge)
