"""The `gezond` command line, run the way a user runs it (a separate process)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gezond_desktop import cli
from gezond_desktop.store import DB_FILENAME

REPO = Path(__file__).resolve().parent.parent


def gezond(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "gezond_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )


def test_init_stats_check_and_import(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = gezond(data, "init", "--name", "Sanne de Vries", "--role", "welzijnscoach",
                    "--device-name", "Laptop wijkteam")
    assert result.returncode == 0, result.stderr
    assert "Sanne de Vries is nu het profiel" in result.stdout
    assert (data / DB_FILENAME).is_file()

    result = gezond(data, "stats")
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert counts["neighbourhoods"] == 11 and counts["activities"] == 12
    assert counts["workers"] == 1 and counts["encounters"] == 0
    assert counts["pending_changes"] > 0

    result = gezond(data, "check")
    assert (result.returncode, result.stdout.strip()) == (0, "Alles in orde.")

    sheet = tmp_path / "presentie.csv"
    sheet.write_text("datum;alias;rol\n07-01-2025;Elsa;vrijwilliger\n31-13-2025;Bram;\n")
    result = gezond(data, "import", "attendance", str(sheet), "--activity", "VeadsEat")
    assert result.returncode == 1  # one row rejected
    assert "Toegevoegd: 1." in result.stdout
    assert "Rij 3: de datum '31-13-2025' klopt niet" in result.stdout

    good = tmp_path / "buurten.csv"
    good.write_text("naam,gemeente,focusbuurt\nMeezenbroek,Heerlen,ja\n")
    result = gezond(data, "import", "buurt", str(good))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Toegevoegd: 1." in result.stdout


def test_expected_errors_exit_2_without_a_traceback(tmp_path: Path) -> None:
    result = gezond(tmp_path / "data", "import", "venue", str(tmp_path / "weg.csv"))
    assert result.returncode == 2
    assert "niet gevonden" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_check_exits_1_when_the_change_log_has_a_gap(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert gezond(data, "init").returncode == 0
    conn = sqlite3.connect(data / DB_FILENAME, isolation_level=None)
    try:
        conn.execute("DROP TRIGGER trg_change_log_no_delete")
        conn.execute("DELETE FROM change_log WHERE seq = 2")
    finally:
        conn.close()
    result = gezond(data, "check")
    assert result.returncode == 1
    assert "ontbreken wijzigingen (nummers 2)" in result.stdout
    assert "Alles in orde." not in result.stdout


# In-process runs for the cheap paths (same main() as the console script).
def test_unknown_kind_and_missing_activity(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    assert cli.main(["--data-dir", data, "import", "fietsen", "x.csv"]) == 2
    assert "kunnen we niet inlezen" in capsys.readouterr().err
    sheet = tmp_path / "lijst.csv"
    sheet.write_text("datum,alias\n01-01-2025,Elsa\n")
    assert cli.main(["--data-dir", data, "import", "attendance", str(sheet)]) == 2
    assert "--activity" in capsys.readouterr().err
    assert cli.main(["--data-dir", data, "import", "attendance", str(sheet),
                     "--activity", "Bestaat Niet"]) == 2
    assert "De activiteit 'Bestaat Niet' bestaat niet" in capsys.readouterr().err


def test_data_dir_may_follow_the_command(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["stats", "--data-dir", str(tmp_path / "d")]) == 0
    assert json.loads(capsys.readouterr().out)["residents"] == 0
    assert (tmp_path / "d" / DB_FILENAME).is_file()
