"""Shared fixtures.

* Qt runs headless (``QT_QPA_PLATFORM=offscreen``, set before any Qt import).
* Every standard folder (platformdirs / XDG, QSettings user scope) is redirected
  into ``tmp_path``: no test reads or writes the real user folders.
* ``services``: a fresh database in ``tmp_path / "data"`` with a little
  reference data (no bundled files needed) and a current coordinator.
* ``main_window``: the main window on ``services`` (pytest-qt's ``qapp``).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from gezond_desktop.services import Services


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("userdirs")
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings, QStandardPaths

        QStandardPaths.setTestModeEnabled(True)
        for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / "qsettings"))
    return home


def make_minimal_data(svc: Services, role: str = "coordinator",
                      name: str = "Fatima de Vries") -> Services:
    """A neighbourhood, a venue, an organisation and a current worker."""
    hood = svc.reference.save("neighbourhood", {
        "name": "Hambaken", "code": "hambaken", "municipality": "'s-Hertogenbosch",
        "is_focus": True})
    svc.reference.save("venue", {"name": "Buurthuis De Hambaken", "kind": "community_centre",
                                 "neighbourhood_id": hood.id})
    org = svc.reference.save("organisation", {"name": "Farent", "kind": "welfare"})
    worker = svc.workers.create(name, role, org.id)
    svc.workers.set_current(worker.id)
    return svc.as_worker(worker.id)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    from gezond_desktop.services import open_services

    svc = open_services(tmp_path / "data", device_name="Testlaptop")
    try:
        yield make_minimal_data(svc)
    finally:
        svc.db.close()


@pytest.fixture
def main_window(qapp: Any, qtbot: Any, services: Services) -> Iterator[Any]:
    from gezond_desktop.ui.mainwindow import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.detach()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The offscreen platform plugin warns about window size hints it cannot pass on;
    # that is the headless platform talking, not our code.
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(
            "propagateSizeHints", "This plugin does not support"))
