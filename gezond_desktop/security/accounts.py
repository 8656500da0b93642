"""Local accounts of this device and signing in.

An account belongs to one worker (whose role decides what they may do) and lives
only in this database: it is not synced, so password hashes never leave the
device. Signing in works offline.

Throttling: after 3 wrong passwords in a row for a username, each next attempt
must wait 2^(n-3) seconds (n = wrong passwords so far), at most 5 minutes. The
state is kept in the database, so restarting the app does not reset it. While
locked out the password is not even checked. A right password resets the count.

Keys (docs/encryption.md): each account holds the database's master key wrapped
under its password (``Account.key_wrap``); signing in unwraps it into the
Database, so personal data can be read. A coordinator or admin makes one
recovery key (:meth:`AccountService.create_recovery_key`); with it a forgotten
password is replaced (:meth:`AccountService.recover_password`) and no data is
lost. Wrong recovery keys are throttled like passwords (one count for the whole
device: the recovery key is not tied to a username).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import FieldError, GezondError, NotFoundError, PermissionDenied, ValidationError
from ..ids import uuid7
from ..models import LocalSetting, Worker, utcnow
from ..services.base import Checker, ServiceBase, get_live
from ..store.database import RECOVERY_SETTING
from . import crypto, passwords
from .audit import AuditAction, append_entry
from .models import Account, LoginThrottle
from .permissions import require

if TYPE_CHECKING:
    from ..services import Services

log = logging.getLogger(__name__)

FREE_ATTEMPTS = 3
MAX_WAIT_SECONDS = 300
MIN_PASSWORD = 8
USERNAME_MAX = 80
# The LoginThrottle row that counts wrong recovery keys ("#": never a username).
RECOVERY_THROTTLE = "#herstelsleutel"


class LoginFailed(GezondError):
    """Wrong username or password (never says which)."""

    def __init__(self) -> None:
        super().__init__("De gebruikersnaam of het wachtwoord klopt niet. Probeer het opnieuw.")


class LoginThrottled(GezondError):
    """Too many wrong passwords: wait ``seconds`` before the next try."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(f"Te veel pogingen. Probeer het over {seconds} seconden opnieuw.")


class AccountDisabled(GezondError):
    def __init__(self) -> None:
        super().__init__("Dit account is uitgeschakeld. Vraag de beheerder om het weer "
                         "aan te zetten.")


@dataclass(frozen=True)
class AccountView:
    id: uuid.UUID
    worker_id: uuid.UUID
    username: str
    worker_name: str
    role: str
    active: bool
    is_demo: bool
    created_at: dt.datetime
    last_login_at: dt.datetime | None


def wait_seconds(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_SECONDS)


def check_password(c: Checker, field: str, password: str) -> None:
    """The password rule: at least :data:`MIN_PASSWORD` characters."""
    if len(password or "") < MIN_PASSWORD:
        c.fail(field, f"Kies een wachtwoord van minstens {MIN_PASSWORD} tekens.")
    elif len(password) > 200:
        c.fail(field, "Dit wachtwoord is te lang: gebruik hooguit 200 tekens.")


def normalise_username(username: str) -> str:
    return " ".join((username or "").split()).casefold()


def _view(a: Account, w: Worker | None) -> AccountView:
    return AccountView(a.id, a.worker_id, a.username, w.name if w else "",
                       w.role if w else "", a.active, a.is_demo, a.created_at, a.last_login_at)


class AccountService(ServiceBase):
    """``services.accounts``. ``clock`` (seconds since the epoch) can be replaced
    in tests instead of sleeping."""

    def __init__(self, services: Services, clock: Callable[[], float] = time.time) -> None:
        super().__init__(services)
        self.clock = clock

    # -- managing (admin; or the local system, e.g. the first run) ----------------
    def create_account(self, worker_id: uuid.UUID, username: str, password: str, *,
                       allow_weak: bool = False, is_demo: bool = False) -> AccountView:
        """A new account for ``worker_id``. Only an admin (or the local system, as in
        the first run) may do this. ``allow_weak`` is for the demo account only."""
        require(self.services.actor(), "accounts.manage")
        c = Checker()
        name = normalise_username(c.text("username", username, "een gebruikersnaam",
                                         USERNAME_MAX, True))
        if not allow_weak:
            self._check_password(c, "password", password)
        c.done()
        hashed = passwords.hash_password(password)
        mk = self.db.master_key
        wrap = crypto.wrap_with_password(mk, password) if mk is not None else None
        with self._write() as s:
            w = get_live(s, Worker, worker_id, "Deze medewerker")
            if s.scalar(select(Account.id).where(func.lower(Account.username) == name)):
                raise ValidationError(FieldError(
                    "username", f"De gebruikersnaam {name} bestaat al. Kies een andere."))
            a = Account(id=uuid7(), worker_id=w.id, username=name, password_hash=hashed,
                        active=True, is_demo=is_demo, key_wrap=wrap)
            s.add(a)
            s.flush()
            self._audit(s, AuditAction.ACCOUNT_CHANGE, a, {"change": "created"})
            view = _view(a, w)
        self._protect_master_key()
        return view

    def list(self, include_inactive: bool = True) -> list[AccountView]:
        require(self.services.actor(), "accounts.manage")
        with self._read() as s:
            q = select(Account, Worker).outerjoin(Worker, Worker.id == Account.worker_id)
            if not include_inactive:
                q = q.where(Account.active.is_(True))
            return [_view(a, w) for a, w in s.execute(q.order_by(Account.username))]

    def count(self) -> int:
        """How many active accounts this device has (no rights needed: the app asks
        this before anyone has signed in)."""
        with self._read() as s:
            return int(s.scalar(select(func.count()).select_from(Account)
                                .where(Account.active.is_(True))) or 0)

    def for_worker(self, worker_id: uuid.UUID) -> AccountView | None:
        with self._read() as s:
            a = s.scalars(select(Account).where(Account.worker_id == worker_id)).first()
            return _view(a, s.get(Worker, a.worker_id)) if a else None

    def set_active(self, account_id: uuid.UUID, active: bool) -> AccountView:
        """Disable (or enable again) an account. Nothing is removed."""
        require(self.services.actor(), "accounts.manage")
        with self._write() as s:
            a = self._get(s, account_id)
            if a.worker_id == self.worker_id and not active:
                raise ValidationError("U kunt uw eigen account niet uitschakelen.", "active")
            if a.active != active:
                a.active = active
                a.updated_at = utcnow()
                self._audit(s, AuditAction.ACCOUNT_CHANGE, a,
                            {"change": "enabled" if active else "disabled"})
            return _view(a, s.get(Worker, a.worker_id))

    def disable(self, account_id: uuid.UUID) -> AccountView:
        return self.set_active(account_id, False)

    def reset_password(self, account_id: uuid.UUID, new_password: str) -> AccountView:
        """The admin sets a new password (the old one is not needed). Also lifts a
        sign-in lockout of that account."""
        require(self.services.actor(), "accounts.manage")
        c = Checker()
        self._check_password(c, "new_password", new_password)
        c.done()
        mk = self.db.master_key
        if mk is None:
            raise crypto.DataLocked(
                "De sleutels zijn vergrendeld, dus dit wachtwoord kan nu niet opnieuw "
                "worden ingesteld. Meld u aan in Gezond Desktop, of gebruik 'Wachtwoord "
                "vergeten?' met de herstelsleutel.")
        return self._store_password(account_id, new_password, mk, "password_reset",
                                    lift_lockout=True)

    # -- the person themself -------------------------------------------------------
    def change_password(self, username: str, old_password: str,
                        new_password: str) -> AccountView:
        """Change one's own password; the old one is checked like a sign-in
        (throttled the same way)."""
        c = Checker()
        self._check_password(c, "new_password", new_password)
        if old_password == new_password:
            c.fail("new_password", "Het nieuwe wachtwoord is hetzelfde als het oude. "
                   "Kies een ander wachtwoord.")
        c.done()
        view = self._authenticate(username, old_password, None)
        return self._store_password(view.id, new_password, self.db.master_key,
                                    "password_changed", by_self=True)

    def login(self, username: str, password: str) -> AccountView:
        """Check a sign-in. Raises :class:`LoginThrottled` (password not checked),
        :class:`LoginFailed` or :class:`AccountDisabled`. Every try is audited.
        Continue with ``services.as_worker(view.worker_id)``."""
        return self._authenticate(username, password, AuditAction.SIGN_IN)

    def unlock(self, username: str, password: str) -> AccountView:
        """The password asked again by the idle lock (throttled like a sign-in)."""
        return self._authenticate(username, password, AuditAction.UNLOCK)

    def seconds_locked(self, username: str) -> int:
        """Seconds until ``username`` may try again (0: now)."""
        name = normalise_username(username)
        with self._read() as s:
            t = s.get(LoginThrottle, name)
            return self._remaining(t)

    # -- the recovery key -------------------------------------------------------------
    def has_recovery_key(self) -> bool:
        return bool(self.db.setting(RECOVERY_SETTING))

    def create_recovery_key(self) -> str:
        """Make a new recovery key (a coordinator or admin; it replaces an older one)
        and return it, formatted in groups. It is shown once and never stored: only
        the master key wrapped under it is."""
        actor = self.services.actor()
        if not actor.is_system and not actor.coordinates:
            raise PermissionDenied("Alleen een coördinator of de beheerder mag een "
                                   "herstelsleutel maken.")
        mk = self.db.master_key
        if mk is None:
            raise crypto.DataLocked()
        key = crypto.new_recovery_key()
        wrapped = crypto.wrap_with_recovery_key(mk, key)
        with self._write() as s:
            s.merge(LocalSetting(key=RECOVERY_SETTING, value=wrapped))
            append_entry(s, self.db.device_id, self.worker_id, AuditAction.ACCOUNT_CHANGE,
                         detail={"change": "recovery_key_created"})
        self.db.checkpoint()
        return key

    def recover_password(self, username: str, recovery_key: str,
                         new_password: str) -> AccountView:
        """A forgotten password: with the recovery key, set a new one. The data stays
        (the master key is unwrapped with the recovery key and wrapped again under
        the new password). Wrong keys are throttled like passwords
        (:class:`LoginThrottled`); a wrong key raises :class:`~.crypto.WrongKey`."""
        c = Checker()
        name = normalise_username(c.text("username", username, "uw gebruikersnaam",
                                         USERNAME_MAX, True))
        if not crypto.normalise_recovery_key(recovery_key):
            c.fail("recovery_key", "Vul de herstelsleutel in.")
        self._check_password(c, "new_password", new_password)
        c.done()
        with self._read() as s:
            wait = self._remaining(s.get(LoginThrottle, RECOVERY_THROTTLE))
        if wait:
            raise LoginThrottled(wait)
        wrapped = self.db.setting(RECOVERY_SETTING)
        mk: bytes | None = None
        if wrapped:
            try:
                mk = crypto.unwrap_with_recovery_key(wrapped, recovery_key)
            except crypto.WrongKey:
                mk = None
        if mk is None:
            with self._write() as s:
                t = s.get(LoginThrottle, RECOVERY_THROTTLE)
                if t is None:
                    t = LoginThrottle(username=RECOVERY_THROTTLE, failures=0,
                                      next_allowed_at=0.0)
                    s.add(t)
                t.failures += 1
                wait = wait_seconds(t.failures)
                t.next_allowed_at = self.clock() + wait if wait else 0.0
                append_entry(s, self.db.device_id, None, AuditAction.SIGN_IN_FAILED,
                             detail={"reason": "wrong_recovery_key", "failures": t.failures})
            if not wrapped:
                raise GezondError("Op dit apparaat is nog geen herstelsleutel gemaakt. "
                                  "Vraag de beheerder om uw wachtwoord opnieuw in te stellen.")
            raise crypto.WrongKey()
        with self._read() as s:
            a = s.scalars(select(Account).where(func.lower(Account.username) == name)).first()
            account_id = a.id if a is not None else None
        if account_id is None:
            raise ValidationError(FieldError(
                "username", "Er is geen account met deze gebruikersnaam. Controleer de "
                "gebruikersnaam."))
        self.db.unlock(mk)
        return self._store_password(account_id, new_password, mk, "password_recovered",
                                    lift_lockout=True, by_self=True,
                                    also_lift=(RECOVERY_THROTTLE,))

    # -- internals -----------------------------------------------------------------
    def _store_password(self, account_id: uuid.UUID, new_password: str,
                        mk: bytes | None, change: str, *, lift_lockout: bool = False,
                        by_self: bool = False, also_lift: tuple[str, ...] = ()
                        ) -> AccountView:
        """Save a new password hash and, when the data key is open, the master key
        wrapped under it; optionally lift sign-in lockouts; audit ``change``."""
        hashed = passwords.hash_password(new_password)
        wrap = crypto.wrap_with_password(mk, new_password) if mk is not None else None
        with self._write() as s:
            a = self._get(s, account_id)
            a.password_hash = hashed
            if wrap is not None:
                a.key_wrap = wrap
            a.updated_at = utcnow()
            for key in (*also_lift, *((a.username,) if lift_lockout else ())):
                t = s.get(LoginThrottle, key)
                if t is not None:
                    t.failures, t.next_allowed_at = 0, 0.0
            self._audit(s, AuditAction.ACCOUNT_CHANGE, a, {"change": change},
                        actor=a.worker_id if by_self else None)
            return _view(a, s.get(Worker, a.worker_id))

    def _open_keys(self, account_id: uuid.UUID, password: str) -> None:
        """After a right password: unlock the data with this account's wrapped master
        key; an account without one (made while locked, or before encryption) gets it
        now when the key is open."""
        with self._read() as s:
            a = self._get(s, account_id)
            wrap = a.key_wrap
        if wrap is not None:
            if self.db.locked:
                try:
                    self.db.unlock(crypto.unwrap_with_password(wrap, password))
                except crypto.WrongKey:
                    log.warning("the wrapped master key of account %s does not open",
                                account_id)
            return
        mk = self.db.master_key
        if mk is None:
            return
        wrapped = crypto.wrap_with_password(mk, password)
        with self._write() as s:
            self._get(s, account_id).key_wrap = wrapped
        self._protect_master_key()

    def _protect_master_key(self) -> None:
        """Once every active account holds the master key wrapped, remove its
        unprotected copy."""
        with self._read() as s:
            missing = s.scalar(select(func.count()).select_from(Account).where(
                Account.active.is_(True), Account.key_wrap.is_(None)))
            total = s.scalar(select(func.count()).select_from(Account))
        if total and not missing:
            self.db.forget_unprotected_master_key()

    def _remaining(self, t: LoginThrottle | None) -> int:
        if t is None:
            return 0
        left = t.next_allowed_at - self.clock()
        return max(0, math.ceil(left)) if left > 0 else 0

    def _authenticate(self, username: str, password: str,
                      success: str | None) -> AccountView:
        name = normalise_username(username)
        if not name:
            raise ValidationError("Vul uw gebruikersnaam in.", "username")
        # 1. locked out? Then do not look at the password at all.
        with self._write() as s:
            t = s.get(LoginThrottle, name)
            wait = self._remaining(t)
            if wait:
                known = s.scalar(select(Account.id).where(
                    func.lower(Account.username) == name)) is not None
                append_entry(s, self.db.device_id, None, AuditAction.SIGN_IN_THROTTLED,
                             username=name if known else "", detail={"wait_seconds": wait})
        if wait:
            raise LoginThrottled(wait)
        with self._read() as s:
            a = s.scalars(select(Account).where(func.lower(Account.username) == name)).first()
            stored = a.password_hash if a is not None else None
            account_id = a.id if a is not None else None
            active = a.active if a is not None else False
        ok = passwords.verify_password(stored, password) if stored else False
        if stored is None:
            passwords.burn_time(password)
        with self._write() as s:
            t = s.get(LoginThrottle, name)
            if not ok:
                if t is None:
                    t = LoginThrottle(username=name, failures=0, next_allowed_at=0.0)
                    s.add(t)
                t.failures += 1
                wait = wait_seconds(t.failures)
                t.next_allowed_at = self.clock() + wait if wait else 0.0
                # An unknown username is not written down: it may be a mistyped
                # password, and the audit log travels to the programme team.
                append_entry(s, self.db.device_id, None, AuditAction.SIGN_IN_FAILED,
                             username=name if account_id is not None else "",
                             detail={"failures": t.failures,
                                     "known_user": account_id is not None})
            else:
                if t is not None:
                    t.failures, t.next_allowed_at = 0, 0.0
                a = self._get(s, account_id) if account_id else None
                if a is None:  # pragma: no cover - removed between the two sessions
                    raise LoginFailed()
                if active and success is not None:
                    a.last_login_at = utcnow()
                    append_entry(s, self.db.device_id, a.worker_id, success, username=name,
                                 target_entity="account", target_id=a.id)
                elif not active:
                    append_entry(s, self.db.device_id, a.worker_id,
                                 AuditAction.SIGN_IN_FAILED, username=name,
                                 detail={"reason": "disabled"})
                view = _view(a, s.get(Worker, a.worker_id))
        if not ok:
            raise LoginFailed()
        if not active:
            raise AccountDisabled()
        self._open_keys(view.id, password)
        worker = view.role
        if not worker:
            raise PermissionDenied("Bij dit account hoort geen medewerker meer. "
                                   "Vraag de beheerder om hulp.")
        return view

    def _check_password(self, c: Checker, field: str, password: str) -> None:
        check_password(c, field, password)

    def _get(self, s: Session, account_id: uuid.UUID) -> Account:
        a = s.get(Account, account_id)
        if a is None:
            raise NotFoundError("Dit account bestaat niet (meer). Vernieuw het scherm.")
        return a

    def _audit(self, s: Session, action: str, a: Account, detail: dict[str, object],
               actor: uuid.UUID | None = None) -> None:
        append_entry(s, self.db.device_id, actor or self.worker_id, action,
                     username=a.username, target_entity="account", target_id=a.id,
                     detail={**detail, "worker_id": str(a.worker_id)})
