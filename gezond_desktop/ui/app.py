"""Start-up of the desktop app: options, logging, translations, data folder,
first run or demo data, then the main window.

``python -m gezond_desktop [--data-dir DIR] [--demo] [--lang nl|en]``
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from .. import __version__
from ..errors import GezondError
from ..peek import peek
from ..tasks import TaskState
from . import errors as ui_errors
from . import operations
from .settings import (
    LANGUAGES,
    default_data_dir,
    demo_data_dir,
    remembered_data_dir,
    saved_language,
    setup_logging,
)

# The data layer (SQLAlchemy, the models, the services) is not imported here. A
# start on a computer with an account shows the main window at once, locked with
# the sign-in form, and opens the data layer on the operations thread while the
# password is typed (Startup.show_sign_in). Other starts (first run, the demo, a
# profile without an account) open it first (open_data).
if TYPE_CHECKING:
    from ..security.accounts import AccountView
    from ..services import Services
    from .login import SignInPanel

log = logging.getLogger(__name__)

APP_NAME = "Gezond Desktop"
TRANSLATION_DIRS = (
    Path(__file__).resolve().parents[2] / "resources" / "translations",  # source checkout
    Path(__file__).resolve().parents[1] / "resources" / "translations",  # installed package
)



def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="gezond-desktop", description=APP_NAME)
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="map met de gegevens (standaard: de gebruikersmap)")
    parser.add_argument("--demo", action="store_true",
                        help="start met voorbeeldgegevens (in een eigen map)")
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help="taal: nl of en")
    parser.add_argument("--version", action="version", version=__version__)
    return parser.parse_args(list(argv) if argv is not None else None)


def resolve_data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir is not None:
        return Path(args.data_dir).expanduser()
    if args.demo:
        return demo_data_dir()
    return remembered_data_dir() or default_data_dir()


def translations_dir() -> Path | None:
    for d in TRANSLATION_DIRS:
        if (d / "gezond_nl.qm").exists():
            return d
    return None


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the app's catalogue and Qt's own (buttons of standard dialogs)."""
    lang = lang if lang in LANGUAGES else "nl"
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands) if lang == "nl"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    app_dir = translations_dir()
    app_translator = QTranslator(app)
    if app_dir is not None and app_translator.load(f"gezond_{lang}", str(app_dir)):
        app.installTranslator(app_translator)
        installed.append(app_translator)
    else:
        log.warning("translations for %s not found in %s", lang, TRANSLATION_DIRS)
    return installed


def remove_translators(app: QCoreApplication, translators: Sequence[QTranslator]) -> None:
    for t in translators:
        app.removeTranslator(t)


OPEN_DATA_AFTER_MS = 300  # at the latest, when the sign-in form was not drawn by then


def open_data(data_dir: Path) -> Services:
    """Load the data layer and open (create, upgrade) the database of ``data_dir``."""
    from ..services import open_services

    return open_services(data_dir)


# Loaded with the data layer, off the UI thread, so that signing in and drawing the
# first page right after it find them ready.
WARM_MODULES = ("gezond_desktop.services.encounters", "gezond_desktop.services.referrals",
                "gezond_desktop.ui.pages.tasks", "gezond_desktop.ui.idle_lock")


def open_data_for_sign_in(data_dir: Path, state: TaskState) -> tuple[Services, bool]:
    """``open_data`` on the operations thread while the sign-in form is shown. Also
    confirms what the first look (``peek``) saw: True when the folder still has a
    current profile and an account. That is the first ORM query of the process
    (configuring the mappers), which the sign-in would otherwise pay for on the UI
    thread."""
    services = open_data(data_dir)
    try:
        still = services.workers.current() is not None and services.accounts.count() > 0
        for name in WARM_MODULES:
            importlib.import_module(name)
        state.check()  # the app is closing: nobody will use these services
    except BaseException:
        services.db.close()
        raise
    return services, still


def cannot_start_title() -> str:
    return QCoreApplication.translate("Startup", "Gezond Desktop kan niet starten")


class Startup(QObject):
    """The steps of a start: with an account the locked main window while the data
    layer opens (:meth:`show_sign_in`); otherwise, once the data layer is open
    (:meth:`start`), demo data or first run, then the main window. Runs inside the
    event loop, so the window never freezes."""

    def __init__(self, app: QApplication, services: Services | None, demo: bool) -> None:
        super().__init__()
        self.app = app
        self.services = services
        self.demo = demo
        self.window: QWidget | None = None
        self.panel: SignInPanel | None = None
        self._opening = False  # the data layer is being opened for the sign-in
        self.exit_code = 0
        self.stopped = False

    def start(self) -> None:
        assert self.services is not None, "start() needs the opened data layer"
        current = self.services.workers.current()
        if current is not None:
            self.sign_in()
        elif self.demo:
            self.fill_demo()
        else:
            self.first_run()

    # -- signing in ----------------------------------------------------------------------
    def sign_in(self) -> None:
        """Every start: the sign-in (the demo signs in as "demo" by itself). A computer
        with a profile but no account yet first makes one."""
        from .login import AccountDialog

        services = self.services  # not signed in: the local system
        assert services is not None
        if self.demo:
            account = ensure_demo_account(services)
            self.show_main(services.as_worker(account.worker_id), account.username)
            return
        if services.accounts.count() == 0:
            current = services.workers.current()
            if current is None:
                self.first_run()
                return
            made = AccountDialog(services, current.id, current.name)
            if not made.exec() or made.account is None:
                self.stop(0)
                return
            self.show_main(services.as_worker(current.id), made.account.username)
            return
        self.show_sign_in(services.db.data_dir)

    def show_sign_in(self, data_dir: Path) -> None:
        """The main window, locked with the sign-in form. Without services yet (a
        start with an account) the data layer opens on the operations thread now;
        a sign-in asked for before it is ready waits for it."""
        from .login import SignInPanel
        from .mainwindow import MainWindow

        window = MainWindow(data_dir=data_dir)
        panel = SignInPanel(window, self.services)
        panel.signed_in.connect(self._signed_in)
        panel.stop_requested.connect(lambda: self.stop(0))
        window.setCentralWidget(panel)
        self.window, self.panel = window, panel
        self.app.setQuitOnLastWindowClosed(True)  # closing it ends the app
        window.show()
        panel.setFocus()
        if self.services is None:
            # Once the window is drawn: loading alongside would slow the drawing down.
            # (A window that is not drawn, say minimised, still loads after a moment.)
            panel.drawn.connect(lambda: self._open_data(data_dir))
            QTimer.singleShot(OPEN_DATA_AFTER_MS, self, lambda: self._open_data(data_dir))

    def _open_data(self, data_dir: Path) -> None:
        if self._opening:
            return
        self._opening = True

        def work(state: TaskState) -> tuple[Services, bool]:
            return open_data_for_sign_in(data_dir, state)

        op = operations.run_op(self.window, work, self._data_ready,
                               title=cannot_start_title(), cancellable=False,
                               on_error=self._data_failed, show_progress=False)
        op.finished.connect(self._data_settled)

    def _data_ready(self, result: tuple[Services, bool]) -> None:
        services, sign_in_first = result
        self.services = services
        if self.panel is None:
            return
        if not sign_in_first:
            # The folder changed between the first look and now: the usual start.
            self.app.setQuitOnLastWindowClosed(False)
            self._close_window()
            self.start()
            return
        self.panel.set_services(services)

    def _data_failed(self, exc: GezondError) -> None:
        ui_errors.show_error(self.window, cannot_start_title(), exc.message)
        self.stop(1)

    def _data_settled(self) -> None:
        """After a bug (already shown and logged): the form says what to do."""
        if self.services is None and not self.stopped and self.panel is not None:
            self.panel.loading_failed(QCoreApplication.translate(
                "Startup", "Gezond Desktop kan uw gegevens nu niet openen. Klik op Stoppen "
                "en start Gezond Desktop opnieuw."))

    def _signed_in(self, account: AccountView) -> None:
        assert self.services is not None
        self.show_main(self.services.as_worker(account.worker_id), account.username)

    def _close_window(self) -> None:
        window = self.window
        self.window = self.panel = None
        if window is not None:
            window.close()
            window.deleteLater()

    def stop(self, code: int) -> None:
        """End the app; works before and inside the event loop."""
        self.exit_code = code
        self.stopped = True
        self.app.exit(code)

    def fill_demo(self) -> None:
        try:
            from .. import demo
        except ModuleNotFoundError as exc:
            if exc.name != "gezond_desktop.demo":
                raise
            message = QCoreApplication.translate(
                "Startup",
                "Voorbeeldgegevens zijn in deze versie niet beschikbaar. Start Gezond "
                "Desktop zonder --demo.")
            ui_errors.show_error(None, APP_NAME, message)
            self.stop(1)
            return
        services = self.services
        assert services is not None
        text = QCoreApplication.translate("Startup", "Voorbeeldgegevens maken...")

        def work(state: TaskState) -> object:
            return demo.generate(services, seed=1, scale=1.0, progress=state.progress(text))

        def done(report: object) -> None:
            if getattr(report, "cancelled", False):
                self.stop(0)
                return
            if services.workers.current() is None:
                raise RuntimeError("demo.generate did not set a current worker")
            self.sign_in()

        def failed(exc: GezondError) -> None:
            ui_errors.show_gezond_error(None, exc, APP_NAME)
            self.stop(1)

        title = QCoreApplication.translate("Startup", "Voorbeeldgegevens maken")
        operations.run_op(None, work, done, title=title, on_error=failed,
                          on_cancelled=lambda: self.stop(0))

    def first_run(self) -> None:
        from ..security.accounts import normalise_username
        from .first_run import FirstRunDialog

        assert self.services is not None
        dialog = FirstRunDialog(self.services)
        if dialog.exec() and dialog.result_services is not None:
            if dialog.result_services.db is not self.services.db:
                self.services.db.close()
                setup_logging(dialog.result_services.db.data_dir)
            self.services = dialog.result_services
            username = normalise_username(dialog.username.text())
            self.show_main(self.services, username)
        else:
            self.stop(0)

    def show_main(self, services: Services, username: str = "") -> None:
        """The main window with the pages of ``services``' worker: the locked window of
        the sign-in, or a new one."""
        from .idle_lock import IdleLock
        from .mainwindow import MainWindow

        self.services = services
        window = self.window
        if isinstance(window, MainWindow) and self.panel is not None:
            self.panel = None
            window.attach(services)  # the sign-in form goes; the pages come
        else:
            window = MainWindow(services)
        if self.demo:
            window.setWindowTitle(window.windowTitle() + " - " + QCoreApplication.translate(
                "Startup", "DEMO: voorbeeldgegevens, aangemeld als demo"))
        if username:
            window.idle_lock = IdleLock(window, services, username)  # type: ignore[attr-defined]
        window.show()
        self.window = window
        self.app.setQuitOnLastWindowClosed(True)


DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"  # demo data only (its own folder); never a real account


def ensure_demo_account(services: Services) -> AccountView:
    """The demo account ("demo"/"demo") for the demo profile, signed in."""
    current = services.workers.current()
    if current is None:
        raise RuntimeError("the demo has no current worker")
    if services.accounts.for_worker(current.id) is None:
        services.accounts.create_account(current.id, DEMO_USERNAME, DEMO_PASSWORD,
                                         allow_weak=True, is_demo=True)
    return services.accounts.login(DEMO_USERNAME, DEMO_PASSWORD)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Gezond")
    # Nothing may quit the app while only a progress or first-run dialog is open.
    quit_on_last = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)

    data_dir = resolve_data_dir(args)
    try:
        setup_logging(data_dir)
    except OSError as exc:
        log.warning("no log file in %s: %s", data_dir, exc)
    lang = args.lang or saved_language(data_dir)
    translators = install_translators(app, lang)
    ui_errors.install_excepthook()
    log.info("start %s %s, data %s, language %s", APP_NAME, __version__, data_dir, lang)

    # A computer with an account: the main window with the sign-in form first (the
    # data layer loads meanwhile). Anything else opens the data layer first.
    found = None if args.demo else peek(data_dir)
    startup = Startup(app, None, demo=args.demo)
    try:
        if found is not None and found.sign_in_first:
            startup.show_sign_in(data_dir)
        else:
            try:
                startup.services = open_data(data_dir)
            except GezondError as exc:
                ui_errors.show_error(None, cannot_start_title(), exc.message)
                return 1
            startup.start()
        code = startup.exit_code if startup.stopped else app.exec()
    finally:
        operations.shutdown()
        if startup.services is not None:
            startup.services.db.close()
        remove_translators(app, translators)
        app.setQuitOnLastWindowClosed(quit_on_last)
    return code or startup.exit_code
