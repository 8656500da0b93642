"""Measured in a fresh process by bench_ui.py (one measurement per process).

    python -m bench.ui_probe bare                 bare PySide6 window with a table
    python -m bench.ui_probe app DATA_DIR         Gezond Desktop's real start: main window
                                                  (sign-in form), then signing in
    python -m bench.ui_probe list DATA_DIR        open the Contacten page (first page shown)

Prints one JSON line: {"ms": ..., "rss_mb": ..., "rss_before_mb": ...}.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

T0 = time.perf_counter()


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def wait_idle(app: Any, until: Callable[[], bool] = lambda: True,
              timeout: float = 30.0) -> None:
    end = time.perf_counter() + timeout
    app.processEvents()
    while not until() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()


def bare() -> dict[str, float]:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv)
    win = QMainWindow()
    view = QTableView()
    model = QStandardItemModel(50, 6)
    view.setModel(model)
    win.setCentralWidget(view)
    win.resize(1200, 800)
    win.show()
    wait_idle(app)
    return {"ms": (time.perf_counter() - T0) * 1000, "rss_mb": rss_mb()}


def app_start(data_dir: str) -> dict[str, Any]:
    """The real start (``gezond_desktop.ui.app.main``) on a folder with an account:
    the main window with the sign-in form, then a sign-in as "demo" once the data
    layer is ready (as a person who types the password), to the first page."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gezond_desktop.ui import app as app_module
    from gezond_desktop.ui.mainwindow import MainWindow

    app = QApplication(sys.argv[:1])
    out: dict[str, Any] = {}

    def locked_window() -> Any:
        for w in app.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                return w
        return None

    def first_window() -> None:
        window = locked_window()
        if window is None:
            QTimer.singleShot(0, first_window)
            return
        app.processEvents()
        out["ms"] = (time.perf_counter() - T0) * 1000
        out["rss_mb"] = rss_mb()
        out["sqlalchemy"] = "sqlalchemy" in sys.modules
        out["signed_in_at_first_window"] = window.attached
        wait_for_data(window)

    def wait_for_data(window: Any) -> None:
        panel = window.centralWidget()
        if getattr(panel, "services", None) is None:
            QTimer.singleShot(5, lambda: wait_for_data(window))
            return
        out["data_ms"] = (time.perf_counter() - T0) * 1000
        app.processEvents()
        panel.username.setText("demo")
        panel.password.setText("demo")
        t = time.perf_counter()
        panel.submit()
        app.processEvents()
        out["sign_in_ms"] = (time.perf_counter() - t) * 1000
        out["pages"] = window.page_keys() if window.attached else []
        out["first_page_rows"] = window.pages["tasks"].tree.topLevelItemCount() \
            if "tasks" in window.pages else -1
        out["heavy"] = [m for m in ("pandas", "reportlab") if m in sys.modules]
        out["check_ms"] = password_check_ms(data_dir)
        print(json.dumps(out), flush=True)
        os._exit(0)

    QTimer.singleShot(0, first_window)
    app_module.main(["--data-dir", data_dir])
    raise SystemExit("the app ended before its main window appeared")


def password_check_ms(data_dir: str) -> float:
    """The raw baseline of a sign-in: its two memory-hard steps alone, on the demo
    account's stored values: checking the password against its hash and unwrapping
    the master key with it (argon2id: slow on purpose)."""
    import sqlite3
    from pathlib import Path

    from gezond_desktop.peek import DB_FILENAME
    from gezond_desktop.security.crypto import unwrap_with_password
    from gezond_desktop.security.passwords import verify_password

    conn = sqlite3.connect(Path(data_dir) / DB_FILENAME)
    try:
        stored, wrap = conn.execute(
            "SELECT password_hash, key_wrap FROM account WHERE username = 'demo'").fetchone()
    finally:
        conn.close()
    t = time.perf_counter()
    assert verify_password(stored, "demo")
    unwrap_with_password(wrap, "demo")
    return (time.perf_counter() - t) * 1000


def list_open(data_dir: str) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from gezond_desktop.services import open_services
    from gezond_desktop.ui.pages.contacts import ContactsPage

    app = QApplication(sys.argv)
    svc = open_services(data_dir)
    # warm the imports and the database connection, not the page
    svc.stats.counts() if False else None
    wait_idle(app)
    empty = no_contacts(data_dir)  # the probe's own question, asked before the clock runs
    before = rss_mb()
    t = time.perf_counter()
    page = ContactsPage(svc)
    page.resize(1200, 800)
    page.show()
    model = page.model
    wait_idle(app, until=lambda: model.rowCount() > 0 or empty, timeout=60)
    ms = (time.perf_counter() - t) * 1000
    return {"ms": ms, "rss_mb": rss_mb(), "rss_before_mb": before, "rows": model.rowCount()}


def no_contacts(data_dir: str) -> bool:
    # Plain sqlite3 on its own connection: warms no statement the page will use.
    import sqlite3
    from pathlib import Path

    from gezond_desktop.peek import DB_FILENAME

    conn = sqlite3.connect(Path(data_dir) / DB_FILENAME)
    try:
        row = conn.execute("SELECT 1 FROM encounter WHERE deleted_at IS NULL LIMIT 1").fetchone()
    finally:
        conn.close()
    return row is None


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    if mode == "bare":
        out = bare()
    elif mode == "app":
        out = app_start(sys.argv[2])
    else:
        out = list_open(sys.argv[2])
    print(json.dumps(out), flush=True)
    os._exit(0)  # skip teardown: we measured what we wanted


if __name__ == "__main__":
    main()
