"""`gezond access`: a right-of-access report (inzageverzoek) of one resident.

    gezond access --resident ID --out MAP

Writes everything this device holds about the resident as JSON and as a PDF into
MAP (see :mod:`gezond_desktop.services.rights`); the report is audited. Register
with ``add_access`` in :data:`gezond_desktop.cli.COMMANDS`.
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path
from typing import Any

from .errors import GezondError


def cmd_access(args: argparse.Namespace) -> int:
    from .services import open_services
    from .services.rights import RightsService

    try:
        resident_id = uuid.UUID(args.resident.strip())
    except ValueError:
        raise GezondError(f"'{args.resident}' is geen nummer van een inwoner. Kopieer het "
                          "nummer (bijvoorbeeld 0190f5c2-…) uit de app of uit een export.") \
            from None
    svc = open_services(args.data_dir)
    try:
        files = RightsService(svc).export_access(resident_id, args.out)
    finally:
        svc.db.close()
    for f in files:
        print(f)
    return 0


def add_access(sub: Any) -> None:
    p = sub.add_parser("access", help="Maak een inzageverzoek: alle gegevens van één "
                                      "inwoner als JSON en PDF.")
    p.add_argument("--resident", required=True, help="Het nummer (id) van de inwoner.")
    p.add_argument("--out", required=True, type=Path, help="De map voor de twee bestanden.")
    p.set_defaults(func=cmd_access)


__all__ = ["add_access", "cmd_access"]
