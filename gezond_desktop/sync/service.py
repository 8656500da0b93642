"""What the Synchronisatie screen and the CLI use: plain Python, no Qt.

    sync = SyncService(services)
    invitation = sync.init_hub("/mnt/team/gezond-hub")     # coordinator, once
    other.join(invitation)                                   # every other device
    report = sync.sync_now()
    for c in sync.conflicts(): ...
    sync.resolve(c.id, keep="loser")
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, DateTime, Time, inspect, select
from sqlalchemy.orm.attributes import flag_modified

from ..errors import GezondError, NotFoundError, ValidationError
from ..ids import hlc_ms
from ..models import MODEL_BY_ENTITY, Device, ReferralEvent, Worker, utcnow
from ..models.base import UUIDBytes
from ..security import crypto, keyshare
from .bundle import b64, public_key_b64, unb64
from .engine import SyncEngine, SyncReport
from .folder_hub import FolderHub, create_hub
from .hub import Hub, HubError
from .keys import KeyStore
from .tables import SyncConflict

if TYPE_CHECKING:
    from ..services import Services

HUB_SETTING = "sync.hub"
LAST_SYNC_SETTING = "sync.last_sync"
INVITATION_FORMAT = 1


@dataclass(frozen=True)
class ProblemView:
    source: str
    state: str  # held | quarantined
    reason: str


@dataclass(frozen=True)
class PeerView:
    device_id: uuid.UUID
    name: str
    clock_offset_ms: int
    flagged: bool
    last_seen: dt.datetime | None


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    hub_kind: str  # 'folder' | 'postgres' | '' (not in a team yet)
    hub_location: str
    reachable: bool
    unsynced: int  # own changes not yet durably in the hub
    last_sync: dt.datetime | None
    held: tuple[ProblemView, ...]
    quarantined: tuple[ProblemView, ...]
    open_conflicts: int
    flagged_devices: tuple[PeerView, ...]
    key_storage: str


@dataclass(frozen=True)
class ConflictSide:
    value: Any  # as stored in the change (JSON value)
    device_id: uuid.UUID | None
    device_name: str
    worker_id: uuid.UUID | None
    worker_name: str
    at: dt.datetime | None  # the clock time of the change (UTC)


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    entity: str
    record_id: uuid.UUID
    field: str
    kind: str  # field | edit_vs_delete | status_sequence | duplicate
    winner: ConflictSide
    loser: ConflictSide
    detected_at: dt.datetime


SyncProgress = Callable[[str, int, int], None]


class SyncService:
    def __init__(self, services: Services) -> None:
        self.services = services

    @property
    def db(self) -> Any:
        return self.services.db

    @property
    def keys(self) -> KeyStore:
        return KeyStore(self.db.data_dir)

    # -- configuration ---------------------------------------------------------------
    def config(self) -> dict[str, Any] | None:
        raw = self.db.setting(HUB_SETTING)
        return json.loads(raw) if raw else None

    def hub(self) -> Hub:
        cfg = self.config()
        if cfg is None:
            raise GezondError("Dit apparaat is nog niet aangesloten bij een hub. Sluit aan "
                              "met de uitnodiging van uw coördinator.")
        key = self.keys.team_key(cfg["hub_id"])
        if key is None:
            raise GezondError("De teamsleutel ontbreekt op dit apparaat. Sluit opnieuw aan "
                              "met de uitnodiging van uw coördinator.")
        if cfg.get("kind") == "postgres":
            from .pg_hub import hub_from_config

            return hub_from_config(cfg, self.keys, key)
        if cfg.get("kind") != "folder":
            raise GezondError("Dit soort hub kent deze versie van de app nog niet. Werk de "
                              "app bij.")
        return FolderHub(cfg["path"], cfg["hub_id"], key, self.keys.signing_key())

    def init_hub(self, path: Path | str, invitation: Path | str | None = None) -> Path:
        """Create a folder hub with a new team key, join it, and write the invitation
        file (it holds the team key: hand it over safely, never put it in the hub)."""
        root = Path(path).resolve()
        hub_id = create_hub(root)
        team_key = os.urandom(32)
        target = Path(invitation) if invitation else (
            self.db.data_dir / f"uitnodiging-{hub_id[:8]}.json")
        data = {"format": INVITATION_FORMAT, "kind": "folder", "hub_path": str(root),
                "hub_id": hub_id, "team_key": b64(team_key), **self._data_key()}
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(data, fh, indent=2)
        self.join(target)
        return target

    def init_pg_hub(self, url: str, schema: str = "gezond",
                    invitation: Path | str | None = None) -> Path:
        """Create (or upgrade) a PostgreSQL hub, join it, and write the invitation file.

        The password in ``url`` goes to this device's key store only; the invitation
        holds the URL without it (each device is asked for it when joining)."""
        from .pg_hub import create_pg_hub, split_url, store_password

        clean, password = split_url(url)
        hub_id = create_pg_hub(url, password, schema)
        team_key = os.urandom(32)
        target = Path(invitation) if invitation else (
            self.db.data_dir / f"uitnodiging-{hub_id[:8]}.json")
        data = {"format": INVITATION_FORMAT, "kind": "postgres", "hub_url": clean,
                "schema": schema, "hub_id": hub_id, "team_key": b64(team_key),
                **self._data_key()}
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(data, fh, indent=2)
        if password:
            store_password(self.keys, hub_id, password)
        self.join(target)
        return target

    def _data_key(self) -> dict[str, Any]:
        """The team's data key (this device's current one) for the invitation: every
        device of the team encrypts personal fields with it (docs/encryption.md)."""
        kid, key = self.db.current_data_key()
        return {"data_key_id": kid, "data_key": b64(key)}

    def join(self, invitation: Path | str, password: str | None = None) -> None:
        try:
            data = json.loads(Path(invitation).read_text())
            kind, hub_id, key = data["kind"], data["hub_id"], unb64(data["team_key"])
            data_key = (str(data["data_key_id"]), unb64(data["data_key"])) \
                if "data_key" in data else None
        except (OSError, ValueError, KeyError) as exc:
            raise GezondError("De uitnodiging kan niet worden gelezen. Vraag uw coördinator "
                              "om een nieuw uitnodigingsbestand.") from exc
        if kind not in ("folder", "postgres") or len(key) != 32:
            raise GezondError("Dit soort uitnodiging kent deze versie van de app nog niet. "
                              "Werk de app bij.")
        if data_key is not None:
            # Kept in the keyring (older keys stay there for reading); new values use it.
            self.db.add_data_key(*data_key)
            keyshare.share_older_keys(self.db)
        self.keys.set_team_key(hub_id, key)
        self.keys.signing_key()
        if kind == "postgres":
            from .pg_hub import hub_config, store_password

            if password:
                store_password(self.keys, hub_id, password)
            self.db.set_setting(HUB_SETTING, json.dumps(
                hub_config(data["hub_url"], hub_id, data.get("schema", "gezond"))))
        else:
            self.db.set_setting(HUB_SETTING, json.dumps(
                {"kind": "folder", "path": data["hub_path"], "hub_id": hub_id}))
        try:
            hub = self.hub()
            hub.check()
            self._engine(hub).hub.register_device(self._device_info())
        except HubError:
            pass  # registered at the first sync

    def _device_info(self) -> Any:
        from .hub import DeviceInfo

        return DeviceInfo(self.db.device_id, self._device_name(),
                          public_key_b64(self.keys.signing_key()))

    def _device_name(self) -> str:
        with self.db.read() as s:
            d = s.get(Device, self.db.device_id)
            return d.name if d else ""

    def _engine(self, hub: Hub) -> SyncEngine:
        return SyncEngine(self.db, hub, self._device_name(),
                          public_key_b64(self.keys.signing_key()))

    # -- syncing ------------------------------------------------------------------------
    def sync_now(self, progress: SyncProgress | None = None) -> SyncReport:
        hub = self.hub()
        try:
            report = self._engine(hub).run(progress)
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if "full" in text:
                raise GezondError("De schijf is vol. Ontvangen gegevens zijn niet verwerkt. "
                                  "Maak ruimte vrij en synchroniseer opnieuw.") from exc
            raise GezondError("Synchroniseren lukte niet: de gegevens zijn even bezet of "
                              "niet beschikbaar. Probeer het zo opnieuw.") from exc
        except OSError as exc:
            raise HubError("Synchroniseren lukte niet door een fout bij lezen of schrijven. "
                           "Er is niets half verwerkt. Probeer het opnieuw.") from exc
        if report.received:
            keyshare.absorb_shared_keys(self.db)  # older keys of devices that joined
            self.services.notify(frozenset(MODEL_BY_ENTITY) | {"sync_conflict"})
        return report

    def status(self) -> SyncStatus:
        cfg = self.config()
        reachable = False
        location = ""
        if cfg is not None:
            location = str(cfg.get("path") or cfg.get("url", ""))
            try:
                self.hub().check()
                reachable = True
            except GezondError:
                reachable = False
        with self.db.engine.connect() as conn:
            unsynced = int(conn.exec_driver_sql(
                "SELECT COALESCE(SUM(last_seq - acked_seq), 0) FROM device_clock").scalar() or 0)
            problems = conn.exec_driver_sql(
                "SELECT source, state, reason FROM sync_bundle ORDER BY source").all()
            open_conflicts = int(conn.exec_driver_sql(
                "SELECT COUNT(*) FROM sync_conflict WHERE resolved_at IS NULL").scalar() or 0)
            peers = conn.exec_driver_sql(
                "SELECT device_id, name, clock_offset_ms, flagged, last_seen FROM sync_peer "
                "WHERE flagged").all()
        last = self.db.setting(LAST_SYNC_SETTING)
        return SyncStatus(
            configured=cfg is not None,
            hub_kind=str(cfg.get("kind", "")) if cfg else "",
            hub_location=location,
            reachable=reachable,
            unsynced=unsynced,
            last_sync=dt.datetime.fromisoformat(last) if last else None,
            held=tuple(ProblemView(s, st, r) for s, st, r in problems if st == "held"),
            quarantined=tuple(ProblemView(s, st, r) for s, st, r in problems
                              if st == "quarantined"),
            open_conflicts=open_conflicts,
            flagged_devices=tuple(
                PeerView(uuid.UUID(bytes=bytes(d)), n, int(o), bool(f),
                         dt.datetime.fromisoformat(ls) if isinstance(ls, str) else ls)
                for d, n, o, f, ls in peers),
            key_storage=self.keys.backend_name,
        )

    # -- conflicts -------------------------------------------------------------------------
    def conflicts(self, include_resolved: bool = False) -> list[ConflictView]:
        with self.db.read() as s:
            q = select(SyncConflict).order_by(SyncConflict.detected_at, SyncConflict.id)
            if not include_resolved:
                q = q.where(SyncConflict.resolved_at.is_(None))
            rows = list(s.scalars(q))
            names = {d.id: d.name for d in s.scalars(select(Device))}
            workers = {w.id: w.name for w in s.scalars(select(Worker))}

            def side(value: str, dev: uuid.UUID | None, worker: uuid.UUID | None,
                     hlc: int) -> ConflictSide:
                return ConflictSide(
                    _plain(self.db, json.loads(value)), dev,
                    names.get(dev, "") if dev else "", worker,
                    workers.get(worker, "") if worker else "",
                    dt.datetime.fromtimestamp(hlc_ms(hlc) / 1000, dt.UTC).replace(tzinfo=None)
                    if hlc else None)

            return [ConflictView(
                r.id, r.entity, r.record_id, r.field, r.kind,
                side(r.winner_value, r.winner_device, r.winner_worker, r.winner_hlc),
                side(r.loser_value, r.loser_device, r.loser_worker, r.loser_hlc),
                r.detected_at) for r in rows]

    def resolve(self, conflict_id: uuid.UUID, keep: str) -> None:
        """Keep the winning or the losing value. Written as a normal change that
        syncs: every device then sees the conflict resolved the same way."""
        if keep not in ("winner", "loser"):
            raise ValidationError("Kies welke waarde blijft: 'winner' of 'loser'.", "keep")
        with self.db.write(self.services.worker_id) as s:
            c = s.get(SyncConflict, conflict_id)
            if c is None or c.resolved_at is not None:
                raise NotFoundError("Dit conflict bestaat niet (meer). Vernieuw het scherm.")
            model = MODEL_BY_ENTITY[c.entity]
            if c.kind == "status_sequence":
                if keep == "loser":
                    raise ValidationError(
                        "Deze statusstap past niet in de volgorde en kan niet worden "
                        "teruggezet. Zet de verwijzing zo nodig met een nieuwe stap goed.",
                        "keep")
                ev = s.scalars(select(ReferralEvent).where(
                    ReferralEvent.referral_id == c.record_id,
                    ReferralEvent.hlc == c.loser_hlc)).first()
                if ev is not None and ev.deleted_at is None:
                    ev.deleted_at = utcnow()
            elif c.kind == "duplicate":
                if keep == "loser":
                    raise ValidationError("Deze dubbele aanwezigheid is al samengevoegd; "
                                          "kies 'winner'.", "keep")
            else:
                obj = s.get(model, c.record_id)
                if obj is None:
                    raise NotFoundError("Dit record bestaat niet (meer).")
                loser_key = [c.loser_hlc, c.loser_device.hex]
                if c.kind == "edit_vs_delete":
                    fld = "deleted_at"
                    value: Any = obj.deleted_at if keep == "winner" else None
                    s.info["sync_prev_extra"] = {(c.record_id, "updated_at"): [loser_key],
                                                 (c.record_id, "deleted_at"): [loser_key]}
                else:
                    fld = c.field
                    raw = json.loads(c.winner_value if keep == "winner" else c.loser_value)
                    value = _from_json(s, model, fld, raw)
                    s.info["sync_prev_extra"] = {(c.record_id, fld): [loser_key]}
                attr = model.__list_fields__.get(fld, fld)
                setattr(obj, attr, value)
                flag_modified(obj, attr)
                s.flush()
                s.info.pop("sync_prev_extra", None)
            c.resolved_at = utcnow()
            c.resolution = f"keep_{keep}"
        self.services.notify(frozenset({c.entity, "sync_conflict"}))


def _plain(db: Any, value: Any) -> Any:
    """A conflict value to show: personal fields are tokens in the change log."""
    if crypto.is_token(value):
        return db.keyring.decrypt(value) or ""
    return value


def _from_json(s: Any, model: type, fld: str, raw: Any) -> Any:
    """A change's JSON value back into what the ORM attribute holds."""
    if fld in model.__list_fields__:  # type: ignore[attr-defined]
        rel: Any = inspect(model).relationships[model.__list_fields__[fld]]  # type: ignore[attr-defined]
        target = rel.mapper.class_
        ids = [uuid.UUID(x) for x in raw or []]
        return list(s.scalars(select(target).where(target.id.in_(ids)))) if ids else []
    col: Any = inspect(model).columns[fld]
    if raw is None:
        return None
    if isinstance(col.type, UUIDBytes):
        return uuid.UUID(raw)
    if isinstance(col.type, DateTime):
        return dt.datetime.fromisoformat(raw)
    if isinstance(col.type, Date):
        return dt.date.fromisoformat(raw)
    if isinstance(col.type, Time):
        return dt.time.fromisoformat(raw)
    return raw


__all__ = ["ConflictSide", "ConflictView", "PeerView", "ProblemView", "SyncService",
           "SyncStatus"]
