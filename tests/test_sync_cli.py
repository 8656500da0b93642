"""`gezond hub init`, `gezond hub join` and `gezond sync` as a coordinator and a
field worker would type them."""

from __future__ import annotations

from pathlib import Path

import pytest

from gezond_desktop.cli import main
from gezond_desktop.services import open_services


def test_hub_init_join_and_sync(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    coord, field = tmp_path / "coord", tmp_path / "veld"
    invitation = tmp_path / "uitnodiging.json"
    svc = open_services(coord)
    svc.reference.save("neighbourhood", {"name": "West", "code": "west",
                                         "municipality": "'s-Hertogenbosch"})
    svc.db.close()
    assert main(["--data-dir", str(coord), "hub", "init", str(tmp_path / "hub"),
                 "--invitation", str(invitation)]) == 0
    assert invitation.stat().st_mode & 0o077 == 0
    assert main(["hub", "join", str(invitation), "--data-dir", str(field)]) == 0
    capsys.readouterr()
    assert main(["sync", "--data-dir", str(coord)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("Verstuurd: ") and "conflicten: 0" in out
    assert main(["sync", "--data-dir", str(field)]) == 0
    out = capsys.readouterr().out.strip()
    assert "ontvangen: 0" not in out
    svc = open_services(field)
    assert [n.name for n in svc.reference.list("neighbourhood")] == ["West"]
    svc.db.close()


def test_sync_without_hub_is_a_clear_error(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sync", "--data-dir", str(tmp_path / "d")]) == 2
    assert "uitnodiging" in capsys.readouterr().err


def test_sync_exits_1_with_the_reason_when_a_bundle_is_quarantined(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    inv = tmp_path / "inv.json"
    assert main(["--data-dir", str(a), "hub", "init", str(tmp_path / "hub"),
                 "--invitation", str(inv)]) == 0
    assert main(["--data-dir", str(b), "hub", "join", str(inv)]) == 0
    assert main(["--data-dir", str(a), "sync"]) == 0
    for p in (tmp_path / "hub" / "devices").rglob("*.gzb"):
        p.write_bytes(p.read_bytes()[:-10])
    capsys.readouterr()
    assert main(["--data-dir", str(b), "sync"]) == 1
    captured = capsys.readouterr()
    assert "in quarantaine: 1" in captured.out
    assert "onvolledig" in captured.err
