"""Where things live on disk, UI preferences and the log file.

* The data folder defaults to the platform user data folder (platformdirs);
  ``--demo`` uses ``<user data folder>/demo``. A data folder chosen in the
  first-run dialog is remembered in a tiny INI file in the user config folder.
* UI preferences (language, window geometry) live in ``<data folder>/ui.ini``
  (QSettings, INI format). Business settings belong in the database, not here.
* The log file is ``<data folder>/logs/gezond.log`` (rotating).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

# Same folders as the CLI (gezond_desktop.cli.default_data_dir).
APP_DIR_NAME = "GezondDesktop"
APP_AUTHOR = "Gezond"
UI_SETTINGS_FILE = "ui.ini"
LOCATION_FILE = "location.ini"
LOG_DIR = "logs"
LOG_FILE = "gezond.log"
LANGUAGES = ("nl", "en")

_log_handler: logging.Handler | None = None


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, APP_AUTHOR))


def demo_data_dir() -> Path:
    return default_data_dir() / "demo"


def _location_settings() -> QSettings:
    path = Path(platformdirs.user_config_dir(APP_DIR_NAME, APP_AUTHOR)) / LOCATION_FILE
    return QSettings(str(path), QSettings.Format.IniFormat)


def remembered_data_dir() -> Path | None:
    value = _location_settings().value("data_dir", "")
    return Path(str(value)) if value else None


def remember_data_dir(path: Path) -> None:
    s = _location_settings()
    s.setValue("data_dir", str(path))
    s.sync()


def ui_settings(data_dir: Path) -> QSettings:
    """UI preferences of one data folder (window state, language)."""
    return QSettings(str(Path(data_dir) / UI_SETTINGS_FILE), QSettings.Format.IniFormat)


def saved_language(data_dir: Path) -> str:
    lang = str(ui_settings(data_dir).value("language", "nl"))
    return lang if lang in LANGUAGES else "nl"


def save_language(data_dir: Path, lang: str) -> None:
    s = ui_settings(data_dir)
    s.setValue("language", lang if lang in LANGUAGES else "nl")
    s.sync()


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_DIR / LOG_FILE


def setup_logging(data_dir: Path) -> Path:
    """Send the app's log (warnings and errors, plus info from gezond_desktop) to
    ``<data dir>/logs/gezond.log``; calling it again moves the log to a new folder."""
    global _log_handler
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    if _log_handler is not None:
        root.removeHandler(_log_handler)
        _log_handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    _log_handler = handler
    return path
