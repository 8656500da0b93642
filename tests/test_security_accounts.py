"""Local accounts: password hashes, sign-in throttling (kept across restarts) and
the hash-chained audit log."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from gezond_desktop.errors import ValidationError
from gezond_desktop.security import passwords
from gezond_desktop.security.accounts import (
    AccountDisabled,
    LoginFailed,
    LoginThrottled,
    wait_seconds,
)
from gezond_desktop.services import Services, open_services
from gezond_desktop.store import DB_FILENAME


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    s = open_services(tmp_path / "data")
    w = s.workers.create("Sanne de Vries", "community_builder")
    s.accounts.create_account(w.id, "Sanne", "geheim-wachtwoord")
    yield s.as_worker(None)
    s.db.close()


@pytest.mark.parametrize("algorithm", ["argon2id", "scrypt"])
def test_hash_hides_the_password_names_its_algorithm_and_verifies(algorithm: str) -> None:
    if algorithm == "argon2id" and not passwords.argon2_available():
        pytest.skip("argon2-cffi not installed")
    stored = passwords.hash_password("Zomer2025!", algorithm)
    assert "Zomer2025" not in stored and stored.startswith(f"${algorithm}$")
    if algorithm == "scrypt":
        assert "n=32768,r=8,p=1" in stored
    assert passwords.verify_password(stored, "Zomer2025!")
    assert not passwords.verify_password(stored, "zomer2025!")
    assert stored != passwords.hash_password("Zomer2025!", algorithm)  # salted


def test_password_is_nowhere_in_the_database_file(svc: Services) -> None:
    raw = (svc.db.path).read_bytes() + (svc.db.path.with_name(DB_FILENAME + "-wal")).read_bytes()
    assert b"geheim-wachtwoord" not in raw
    assert svc.accounts.login("sanne", "geheim-wachtwoord").username == "sanne"


def test_wrong_password_and_unknown_user_say_the_same(svc: Services) -> None:
    with pytest.raises(LoginFailed) as a:
        svc.accounts.login("sanne", "fout")
    with pytest.raises(LoginFailed) as b:
        svc.accounts.login("niemand", "fout")
    assert a.value.message == b.value.message


def test_throttle_waits_doubling_after_three_wrong_and_survives_a_restart(
        tmp_path: Path, svc: Services) -> None:
    assert [wait_seconds(n) for n in (1, 2, 3, 4, 5, 12, 40)] == [0, 0, 1, 2, 4, 300, 300]
    clock = Clock()
    svc.accounts.clock = clock
    for _ in range(3):
        with pytest.raises(LoginFailed):
            svc.accounts.login("sanne", "fout")
    # Locked for 1 s: even the right password is not checked.
    with pytest.raises(LoginThrottled, match=r"Te veel pogingen\. Probeer het over 1 seconden"):
        svc.accounts.login("sanne", "geheim-wachtwoord")
    clock.now += 1
    with pytest.raises(LoginFailed):
        svc.accounts.login("sanne", "nog-steeds-fout")  # 4th wrong: 2 s
    svc.db.close()

    again = open_services(tmp_path / "data").as_worker(None)  # the app restarts
    again.accounts.clock = clock
    with pytest.raises(LoginThrottled) as exc:
        again.accounts.login("sanne", "geheim-wachtwoord")
    assert exc.value.seconds == 2 and "2 seconden" in exc.value.message
    clock.now += 2
    assert again.accounts.login("sanne", "geheim-wachtwoord").username == "sanne"
    # Success resets the count: three more tries before the next wait.
    for _ in range(3):
        with pytest.raises(LoginFailed):
            again.accounts.login("sanne", "fout")
    assert again.accounts.seconds_locked("sanne") == 1
    again.db.close()


def test_change_reset_and_disable(svc: Services) -> None:
    admin_worker = svc.workers.create("Bea", "admin")
    admin = svc.as_worker(admin_worker.id)
    with pytest.raises(ValidationError, match="minstens 8 tekens"):
        svc.accounts.change_password("sanne", "geheim-wachtwoord", "kort")
    svc.accounts.change_password("sanne", "geheim-wachtwoord", "nieuw-wachtwoord")
    with pytest.raises(LoginFailed):
        svc.accounts.login("sanne", "geheim-wachtwoord")
    [acc] = admin.accounts.list()
    admin.accounts.reset_password(acc.id, "van-de-beheerder")
    assert svc.accounts.login("sanne", "van-de-beheerder").worker_name == "Sanne de Vries"
    admin.accounts.disable(acc.id)
    with pytest.raises(AccountDisabled):
        svc.accounts.login("sanne", "van-de-beheerder")
    changes = [e.detail["change"] for e in admin.audit.entries(action="account_change")]
    assert changes == ["disabled", "password_reset", "password_changed", "created"]


def test_sign_ins_are_audited_and_the_chain_verifies(svc: Services, tmp_path: Path) -> None:
    svc.accounts.login("sanne", "geheim-wachtwoord")
    with pytest.raises(LoginFailed):
        svc.accounts.login("sanne", "fout")
    actions = [e.action for e in svc.audit.entries()]
    assert actions == ["sign_in_failed", "sign_in", "account_change"]
    assert svc.audit.verify_chain() == []
    n = svc.audit.export(tmp_path / "audit.json", "json")
    data = json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))
    assert n == 3 and [e["seq"] for e in data["entries"]] == [1, 2, 3]
    assert data["problems"] == []
    svc.audit.export(tmp_path / "audit.csv", "csv")
    assert "sign_in_failed" in (tmp_path / "audit.csv").read_text(encoding="utf-8-sig")
    # Audit entries are synced records: each has its change log entry.
    with svc.db.read() as s:
        logged = s.connection().exec_driver_sql(
            "SELECT COUNT(*) FROM change_log WHERE entity = 'audit_entry'").scalar_one()
    assert logged == 5  # 3 above + the two exports


def test_changing_one_byte_of_an_audit_row_is_detected(svc: Services) -> None:
    svc.accounts.login("sanne", "geheim-wachtwoord")
    path = svc.db.path
    con = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM audit_entry")
    # The attacker first removes the guards against changes ...
    con.execute("DROP TRIGGER trg_audit_entry_no_update")
    con.execute("DROP TRIGGER trg_audit_entry_update_needs_change")
    # ... then changes one byte: who signed in.
    con.execute("UPDATE audit_entry SET username = 'sannf' WHERE action = 'sign_in'")
    con.commit()
    con.close()
    problems = svc.audit.verify_chain()
    assert len(problems) == 1 and "regel 2" in problems[0] and "gewijzigd" in problems[0]


def test_removing_an_audit_row_is_detected(svc: Services) -> None:
    svc.accounts.login("sanne", "geheim-wachtwoord")
    with pytest.raises(LoginFailed):
        svc.accounts.login("sanne", "fout")
    con = sqlite3.connect(svc.db.path)
    con.execute("DROP TRIGGER trg_audit_entry_no_remove")
    con.execute("DROP TRIGGER trg_audit_entry_no_delete")
    con.execute("DELETE FROM audit_entry WHERE seq = 2")
    con.commit()
    con.close()
    problems = svc.audit.verify_chain()
    assert any("mist regels" in p for p in problems)
    assert any("verdwenen" in p for p in problems)


def test_raw_update_of_an_audit_row_is_refused(svc: Services) -> None:
    con = sqlite3.connect(svc.db.path)
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE audit_entry SET action = 'x'")
    con.close()


def test_an_unknown_username_is_not_written_in_the_audit_log(svc: Services) -> None:
    with pytest.raises(LoginFailed):
        svc.accounts.login("MijnGeheimeWachtwoord1", "sanne")
    [entry] = svc.audit.entries(action="sign_in_failed")
    assert entry.username == "" and entry.detail["known_user"] is False
    with svc.db.read() as s:
        logged = s.connection().exec_driver_sql("SELECT fields FROM change_log").all()
    assert not any("mijngeheimewachtwoord1" in row[0] for row in logged)
