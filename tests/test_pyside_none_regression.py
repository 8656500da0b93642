"""PySide6 6.12.0 on Python 3.11 loses a reference to None each time Qt gets
"no value" back from Python (a model's data() returning None for an unhandled
role, headerData falling back to the base class) and after a few thousand calls
aborts with "Fatal Python error: none_dealloc". pyproject pins PySide6 below 6.12.

The repaint loop runs in a subprocess, so an abort shows up as a failed test
with a clear message instead of a crashed test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import PySide6

SCRIPT = textwrap.dedent(
    """
    import gc, sys
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 50
        def columnCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else 3
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{index.row()}:{index.column()}"
            return None  # every other role: "no value"
        def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
            return super().headerData(section, orientation, role)

    app = QApplication([])
    view = QTableView()
    model = Model()
    view.setModel(model)
    view.resize(600, 1600)
    view.show()
    app.processEvents()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(REPAINTS):
        view.viewport().grab()
    gc.collect()
    after = sys.getrefcount(None)
    print(f"REFCOUNT {before} {after}")
    """
)

REPAINTS = 3000


def _version() -> tuple[int, ...]:
    return tuple(int(p) for p in PySide6.__version__.split(".")[:3] if p.isdigit())


def test_installed_pyside6_is_not_the_leaking_release() -> None:
    if sys.version_info[:2] == (3, 11):
        assert _version()[:2] != (6, 12), (
            f"PySide6 {PySide6.__version__} on Python 3.11 leaks references to None "
            "and crashes (none_dealloc); pyproject pins PySide6-Essentials<6.12"
        )


def test_thousands_of_repaints_keep_none_alive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("REPAINTS", str(REPAINTS))],
        capture_output=True, text=True, env=env, timeout=240,
    )
    assert proc.returncode == 0, (
        f"the repaint loop crashed (exit {proc.returncode}); PySide6 "
        f"{PySide6.__version__} probably has the None reference leak:\n{proc.stderr[-2000:]}"
    )
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("REFCOUNT"))
    before, after = (int(x) for x in line.split()[1:])
    # On 3.12+ None is immortal and the count is a constant; on 3.11 a leak of
    # one reference per "no value" would drop it by hundreds of thousands.
    assert after >= before - 100, f"references to None dropped from {before} to {after}"
