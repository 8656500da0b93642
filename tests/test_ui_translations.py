"""No untranslated string in either language.

The .ts files are the reference: every Dutch source string has an English
translation; the compiled catalogues are up to date with the code; and walking
every widget of the main window, its pages and dialogs finds no Dutch text in
English and no English text in Dutch.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTableView,
    QTabWidget,
    QTreeView,
    QTreeWidget,
    QWidget,
)

from gezond_desktop import enums
from gezond_desktop.services import Services
from gezond_desktop.ui.app import install_translators, remove_translators
from gezond_desktop.ui.errors import BugDialog
from gezond_desktop.ui.first_run import FirstRunDialog
from gezond_desktop.ui.labels import KNOWN_LABELS
from gezond_desktop.ui.mainwindow import MainWindow
from gezond_desktop.ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"


def read_ts(path: Path) -> list[tuple[str, str, list[str], bool]]:
    """(context, source, translations, finished) per message."""
    out = []
    for ctx in ET.parse(path).getroot().findall("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.findall("message"):
            tr = msg.find("translation")
            forms = ([f.text or "" for f in tr.findall("numerusform")]
                     if tr is not None and msg.get("numerus") == "yes"
                     else [(tr.text or "") if tr is not None else ""])
            finished = tr is not None and tr.get("type") is None and all(f.strip() for f in forms)
            out.append((name, msg.findtext("source") or "", forms, finished))
    return out


EN = read_ts(TS_DIR / "gezond_en.ts")


def _specific(text: str) -> bool:
    """A text with placeholders that still has words of its own to recognise."""
    return bool(re.search(r"%(\d|n)", text)) and \
        bool(re.search(r"[^\W\d_]{4,}", re.sub(r"%(\d|n)", "", text)))


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"%(?:\d|n)", ".+", re.escape(text).replace("\\%", "%")) + r"\Z",
                      re.S)


def dutch_only() -> tuple[set[str], list[re.Pattern[str]]]:
    """Dutch sources that must not appear in the English UI."""
    english = {f for _c, _s, forms, ok in EN if ok for f in forms}
    texts = {s for _c, s, forms, ok in EN if not ok or s not in forms} - english
    return texts, [_pattern(t) for t in texts if _specific(t)]


def english_only() -> tuple[set[str], list[re.Pattern[str]]]:
    """English translations that must not appear in the Dutch UI."""
    sources = {s for _c, s, _f, _ok in EN}
    texts = {f for _c, s, forms, ok in EN if ok for f in forms if f != s} - sources
    return texts, [_pattern(t) for t in texts if _specific(t)]


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-visible text under ``root``."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        where = f"{type(w).__name__} {w.objectName()!r} in {type(root).__name__}"
        if w.isWindow() and w.windowTitle():
            yield where, w.windowTitle()
        if isinstance(w, QLabel):
            yield where, w.text()
        if isinstance(w, QAbstractButton):
            yield where, w.text()
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, QLineEdit) and w.placeholderText():
            yield where, w.placeholderText()
        if isinstance(w, QComboBox):
            yield where, w.placeholderText()
            for i in range(w.count()):
                yield where, w.itemText(i)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield where, w.tabText(i)
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                yield where, w.item(i).text()
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            for c in range(w.columnCount()):
                yield where, header.text(c)
        if isinstance(w, QTableView | QTreeView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount(QModelIndex())):
                value = model.headerData(c, Qt.Orientation.Horizontal)
                if isinstance(value, str):
                    yield where, value
        for action in w.actions():
            yield f"action in {where}", action.text()
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield "menu", action.text()
            if action.menu() is not None:
                for sub in action.menu().actions():
                    yield "menu item", sub.text()


def all_screens(services: Services, qtbot: Any) -> list[QWidget]:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    screens: list[QWidget] = [window]
    for key in window.page_keys():
        window.show_page(key)
    for dialog in (SettingsDialog(services.db.data_dir), FirstRunDialog(services),
                   BugDialog(None, "details")):
        qtbot.addWidget(dialog)
        screens.append(dialog)
    return screens


def offenders(screens: list[QWidget], texts: set[str],
              patterns: list[re.Pattern[str]]) -> list[str]:
    bad = []
    for screen in screens:
        for where, text in visible_texts(screen):
            if text and (text in texts or any(p.match(text) for p in patterns)):
                bad.append(f"{where}: {text!r}")
    return sorted(set(bad))


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)
    # back to Dutch: the default locale is set by install_translators; Dutch needs
    # no catalogue (the sources are Dutch)
    remove_translators(qapp, install_translators(qapp, "nl"))


def test_every_dutch_string_has_an_english_translation() -> None:
    missing = [f"{c}: {s!r}" for c, s, _f, ok in EN if not ok]
    assert not missing, (
        f"{len(missing)} string(s) without English; add them to "
        "resources/translations/en.tsv and run scripts/update_translations.py:\n"
        + "\n".join(missing[:60])
    )


def test_catalogues_are_up_to_date_with_the_code(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in (ROOT / "gezond_desktop" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-locations", "none", "-ts", str(fresh)],
                   check=True, capture_output=True)
    in_code = {(c, s) for c, s, _f, _ok in read_ts(fresh)}
    for lang in ("nl", "en"):
        ts = TS_DIR / f"gezond_{lang}.ts"
        in_ts = {(c, s) for c, s, _f, _ok in read_ts(ts)}
        missing = sorted(in_code - in_ts)
        assert not missing, f"{ts.name} lacks {missing[:20]}: run scripts/update_translations.py"
        qm = ts.with_suffix(".qm")
        assert qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime - 1, \
            f"{qm.name} is older than {ts.name}: run scripts/update_translations.py"


def test_every_code_label_can_be_translated() -> None:
    labels = {m.label for cls in vars(enums).values()
              if isinstance(cls, type) and issubclass(cls, enums.LabelledEnum)
              and cls is not enums.LabelledEnum for m in cls}
    labels |= {text for _k, text in enums.HEALTH_DIMENSIONS} | set(enums.WEEKDAYS_NL)
    assert labels - set(KNOWN_LABELS) == set(), "add these to ui/labels.py KNOWN_LABELS"


def test_english_ui_shows_no_dutch(english: None, services: Services, qtbot: Any) -> None:
    assert QCoreApplication.translate("Navigation", "Mijn taken") == "My tasks"
    screens = all_screens(services, qtbot)
    texts, patterns = dutch_only()
    bad = offenders(screens, texts, patterns)
    assert not bad, "Dutch text in the English UI:\n" + "\n".join(bad)
    for screen in screens:
        if isinstance(screen, MainWindow):
            screen.detach()


def test_dutch_ui_shows_no_english(services: Services, qtbot: Any) -> None:
    assert QCoreApplication.translate("Navigation", "Mijn taken") == "Mijn taken"
    screens = all_screens(services, qtbot)
    texts, patterns = english_only()
    bad = offenders(screens, texts, patterns)
    assert not bad, "English text in the Dutch UI:\n" + "\n".join(bad)
    for screen in screens:
        if isinstance(screen, MainWindow):
            screen.detach()
