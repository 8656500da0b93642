#!/usr/bin/env python3
"""Render every main screen to PNG, headless, so anyone can look at the UI.

    .venv/bin/python scripts/screenshots.py OUTDIR [--data-dir DIR] [--lang nl|en]
                                            [--font-scale 1.5]

Without ``--data-dir`` the demo data folder is used (``<user data folder>/demo``),
filled with the demo programme on first use, like ``gezond-desktop --demo``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget


def settle(app: QCoreApplication, seconds: float = 0.3) -> None:
    """Let queued work (page loads, operations) finish before a picture is taken."""
    from gezond_desktop.ui import operations

    end = time.monotonic() + seconds
    while time.monotonic() < end or operations.running():
        app.processEvents()
        operations.pool().waitForDone(20)
        if time.monotonic() > end + 30:
            break


def save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        sys.exit(f"could not write {path}")
    print(path)


def extra_shots(app: QApplication, window: Any, services: Any, outdir: Path) -> None:
    """A resident with consent, the retention tab, and the privacy dialogs."""
    from gezond_desktop.security.crypto import new_recovery_key
    from gezond_desktop.ui.dialogs_erasure import EraseDialog
    from gezond_desktop.ui.login import RecoverPasswordDialog, RecoveryKeyDialog

    page = window.show_page("residents")
    settle(app)
    view = page.list_view
    if view.model() is not None and view.model().rowCount() > 0:
        view.setCurrentIndex(view.model().index(0, 0))
        settle(app)
    save(window, outdir / "03b-resident.png")
    admin = window.show_page("admin")
    admin.tabs.setCurrentIndex(admin.tabs.count() - 1)
    settle(app)
    save(window, outdir / "08b-retention.png")
    dialogs: list[tuple[str, QWidget]] = [
        ("92-forgot-password", RecoverPasswordDialog(services)),
        ("93-recovery-key", RecoveryKeyDialog(new_recovery_key())),
        ("94-erase", EraseDialog("Amal")),
    ]
    for name, dialog in dialogs:
        dialog.show()
        settle(app, 0.1)
        save(dialog, outdir / f"{name}.png")
        dialog.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--font-scale", type=float, default=1.0,
                        help="text size, e.g. 1.5 for 150%% (with --width 1280 --height 720)")
    args = parser.parse_args(argv)

    from gezond_desktop.services import open_services
    from gezond_desktop.ui.app import install_translators
    from gezond_desktop.ui.first_run import FirstRunDialog
    from gezond_desktop.ui.mainwindow import MainWindow
    from gezond_desktop.ui.settings import demo_data_dir

    app = QApplication([sys.argv[0]])
    if args.font_scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.font_scale)
        app.setFont(font)
    install_translators(app, args.lang)
    data_dir = args.data_dir or demo_data_dir()
    services = open_services(data_dir)
    current = services.workers.current()
    if current is None:
        from gezond_desktop import demo

        print(f"filling demo data in {data_dir} ...")
        demo.generate(services, seed=1, scale=1.0)
        current = services.workers.current()
        if current is None:
            sys.exit("the data folder has no current worker; start the app once first")
    services = services.as_worker(current.id)

    args.outdir.mkdir(parents=True, exist_ok=True)
    # Every start: the main window, locked with the sign-in form.
    from gezond_desktop.ui.login import SignInPanel

    locked = MainWindow(data_dir=data_dir)
    locked.setCentralWidget(SignInPanel(locked, services, username="demo"))
    locked.resize(args.width, args.height)
    locked.show()
    settle(app)
    save(locked, args.outdir / "00-sign-in.png")
    locked.close()
    window = MainWindow(services)
    window.resize(args.width, args.height)
    window.show()
    settle(app)
    for i, key in enumerate(window.page_keys(), 1):
        window.show_page(key)
        settle(app)
        save(window, args.outdir / f"{i:02d}-{key}.png")
    extra_shots(app, window, services, args.outdir)
    dialog = FirstRunDialog(services)
    dialog.show()
    settle(app, 0.1)
    save(dialog, args.outdir / "90-first-run.png")
    dialog.close()
    window.close()
    services.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
