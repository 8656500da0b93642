"""Counts for `gezond stats` and the integrity checks for `gezond check`.

The checks look at SQLite itself (``integrity_check``, ``foreign_key_check``)
and at the change log: for each device of this database the sequence numbers
run from 1 to ``device_clock.last_seq`` without gaps, and every live synced
record has the change entry of its latest change (same record id and hlc).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import text

from ..models import SYNCED_MODELS
from .base import ServiceBase

# stats key -> table; live rows only (deleted_at IS NULL).
COUNTED_TABLES: dict[str, str] = {
    "encounters": "encounter",
    "residents": "resident",
    "referrals": "referral",
    "activities": "activity",
    "sessions": "session",
    "attendances": "attendance",
    "neighbourhoods": "neighbourhood",
    "workers": "worker",
}

# Dutch plural of each synced entity, for messages.
ENTITY_NL: dict[str, str] = {
    "device": "apparaten",
    "neighbourhood": "buurten",
    "organisation": "organisaties",
    "organisation_service": "diensten",
    "target_group": "doelgroepen",
    "topic": "onderwerpen",
    "track": "sporen",
    "programme_line": "programmalijnen",
    "venue": "vindplaatsen",
    "worker": "medewerkers",
    "resident": "inwoners",
    "resident_consent": "toestemmingen",
    "activity": "activiteiten",
    "session": "bijeenkomsten",
    "attendance": "aanwezigheden",
    "encounter": "contacten",
    "referral": "verwijzingen",
    "referral_event": "stappen van verwijzingen",
    "positive_health_score": "scores Positieve Gezondheid",
}

_ASK_ADMIN = "Neem contact op met uw beheerder voordat u verder werkt of synchroniseert."


def _short(device_id: Any) -> str:
    try:
        return str(uuid.UUID(bytes=bytes(device_id)))[:8]
    except (TypeError, ValueError):
        return str(device_id)[:8]


class StatsService(ServiceBase):
    def counts(self) -> dict[str, int]:
        """Live (not deleted) records per kind, and changes the hub has not yet stored."""
        parts = [
            f"(SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL) AS {key}"
            for key, table in COUNTED_TABLES.items()
        ]
        with self._read() as s:
            row = s.execute(text("SELECT " + ", ".join(parts))).mappings().one()
            out = {k: int(v or 0) for k, v in row.items()}
        out["pending_changes"] = self.pending_changes()
        return out

    def pending_changes(self) -> int:
        """Changes of this database's devices that the hub has not yet stored.

        Sequence numbers are gap-free (``gezond check`` verifies it), so this is
        last_seq - acked_seq per device: constant time, also on a million records
        (the status bar asks after every save)."""
        with self._read() as s:
            value = s.execute(text(
                "SELECT COALESCE(SUM(last_seq - acked_seq), 0) FROM device_clock "
                "WHERE last_seq > acked_seq")).scalar()
        return int(value or 0)

    def check(self, quick: bool = False) -> list[str]:
        """Problems in plain Dutch; an empty list means everything is in order.

        ``quick`` uses SQLite's faster ``quick_check`` instead of ``integrity_check``.
        """
        problems: list[str] = []
        with self._read() as s:
            conn = s.connection()
            pragma = "quick_check" if quick else "integrity_check"
            rows = [str(r[0]) for r in conn.exec_driver_sql(f"PRAGMA {pragma}")]
            if rows != ["ok"]:
                detail = "; ".join(rows[:5])
                problems.append(
                    f"Het databasebestand is beschadigd ({detail}). Zet een reservekopie "
                    f"terug. {_ASK_ADMIN}"
                )
            fk_rows = list(conn.exec_driver_sql("PRAGMA foreign_key_check"))
            if fk_rows:
                tables = sorted({str(r[0]) for r in fk_rows})
                problems.append(
                    f"{len(fk_rows)} gegevens verwijzen naar iets dat niet bestaat "
                    f"(in: {', '.join(tables)}). {_ASK_ADMIN}"
                )
            problems.extend(self._check_sequences(conn))
            problems.extend(self._check_entries(conn))
        return problems

    def _check_sequences(self, conn: Any) -> list[str]:
        problems: list[str] = []
        rows = conn.exec_driver_sql(
            "SELECT d.device_id, d.last_seq, COUNT(c.seq), COALESCE(MAX(c.seq), 0), "
            "COALESCE(MIN(c.seq), 0) FROM device_clock d "
            "LEFT JOIN change_log c ON c.device_id = d.device_id GROUP BY d.device_id"
        ).all()
        for device_id, last_seq, count, max_seq, min_seq in rows:
            name = _short(device_id)
            if count != max_seq or (count and min_seq != 1):
                gaps = conn.exec_driver_sql(
                    "SELECT prev + 1, seq - 1 FROM (SELECT seq, "
                    "LAG(seq, 1, 0) OVER (ORDER BY seq) AS prev FROM change_log "
                    "WHERE device_id = ?) WHERE seq != prev + 1 LIMIT 5",
                    (device_id,),
                ).all()
                where = ", ".join(f"{a}" if a == b else f"{a} tot en met {b}" for a, b in gaps)
                problems.append(
                    f"In het wijzigingslogboek van apparaat {name} ontbreken wijzigingen "
                    f"(nummers {where}). {_ASK_ADMIN}"
                )
            if max_seq != last_seq:
                problems.append(
                    f"Het wijzigingslogboek van apparaat {name} eindigt bij nummer {max_seq}, "
                    f"maar het apparaat heeft tot nummer {last_seq} geteld. {_ASK_ADMIN}"
                )
        return problems

    def _check_entries(self, conn: Any) -> list[str]:
        problems: list[str] = []
        for model in SYNCED_MODELS:
            table = model.__tablename__  # type: ignore[attr-defined]
            missing = conn.exec_driver_sql(
                f"SELECT COUNT(*) FROM {table} t WHERE t.deleted_at IS NULL AND NOT EXISTS "
                "(SELECT 1 FROM change_log c WHERE c.record_id = t.id AND c.hlc = t.hlc)"
            ).scalar_one()
            if missing:
                what = ENTITY_NL.get(model.__entity__, table)
                problems.append(
                    f"Bij {missing} {what} ontbreekt de bijbehorende regel in het "
                    f"wijzigingslogboek. Deze wijzigingen kunnen niet worden gesynchroniseerd. "
                    f"{_ASK_ADMIN}"
                )
        return problems
