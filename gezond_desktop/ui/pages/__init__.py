"""The main window's pages and how to add one.

A page is a ``QWidget`` subclass in its own module here, registered in
:data:`PAGES` by key, Dutch navigation title, module and class name. The main
window creates a page the first time it is shown, as ``cls(services, parent)``.

What a page class provides (see :class:`Page`):

* ``title: str`` - its heading (translated, e.g. set in ``__init__`` with ``self.tr``).
* ``refresh(changed: frozenset[str]) -> None`` - called on the UI thread after
  a save anywhere in the app, with the entity names that changed (``"encounter"``,
  ``"resident"``, ``"referral"``, ``"session"``, ``"attendance"``, ``"neighbourhood"``...,
  the ``__entity__`` names of the models). Redraw only when something you show is
  in ``changed``. A page that is not visible gets one combined call when it is shown.

Optional hooks the main window calls when present:

* ``start_new()`` - Ctrl+N (Contacten): open and focus the quick entry form.
* ``focus_search()`` - Ctrl+F: put the cursor in the page's search field.
* ``open_record(record_id: uuid.UUID)`` - show one record (used by "Mijn taken").
* ``shutdown()`` - the window is closing: keep unsaved input as a draft.

To add a page: write ``gezond_desktop/ui/pages/<module>.py`` with the class named
in :data:`PAGES` below. Until the module exists, its navigation entry is left
out (never a fake page). Use :func:`gezond_desktop.ui.operations.run_op` for any
database work that may take time, :mod:`gezond_desktop.ui.labels` for code labels,
:class:`gezond_desktop.ui.paged_model.PagedTableModel` for big lists, and
``self.tr("Nederlandse tekst")`` for every visible string (then run
``scripts/update_translations.py`` and add the English text to
``resources/translations/en.tsv``).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...enums import Role
from ..common import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ...services import Services

NAV_CONTEXT = "Navigation"


@runtime_checkable
class Page(Protocol):
    title: str

    def refresh(self, changed: frozenset[str]) -> None: ...


@dataclass(frozen=True)
class PageSpec:
    key: str
    nav_title: str  # Dutch source text, translated in context "Navigation"
    module: str  # module name inside gezond_desktop.ui.pages
    class_name: str
    roles: frozenset[str] | None = None  # None: every role

    @property
    def title(self) -> str:
        return QCoreApplication.translate(NAV_CONTEXT, self.nav_title)

    @property
    def module_path(self) -> str:
        return f"{__name__}.{self.module}"

    def available(self) -> bool:
        """True when the page's module exists (import errors inside it still raise)."""
        return importlib.util.find_spec(self.module_path) is not None

    def allowed_for(self, role: str | None) -> bool:
        return self.roles is None or (role is not None and role in self.roles)

    def load(self) -> Callable[[Services, QWidget | None], QWidget]:
        module = importlib.import_module(self.module_path)
        cls: Callable[[Services, QWidget | None], QWidget] = getattr(module, self.class_name)
        return cls

    def create(self, services: Services, parent: QWidget | None) -> QWidget:
        return self.load()(services, parent)


COORDINATORS = frozenset({Role.COORDINATOR.value, Role.ADMIN.value})

PAGES: tuple[PageSpec, ...] = (
    PageSpec("tasks", QT_TRANSLATE_NOOP("Navigation", "Mijn taken"), "tasks", "TasksPage"),
    PageSpec("contacts", QT_TRANSLATE_NOOP("Navigation", "Contacten"), "contacts",
             "ContactsPage"),
    PageSpec("residents", QT_TRANSLATE_NOOP("Navigation", "Inwoners"), "residents",
             "ResidentsPage"),
    PageSpec("referrals", QT_TRANSLATE_NOOP("Navigation", "Verwijzingen"), "referrals",
             "ReferralsPage"),
    PageSpec("activities", QT_TRANSLATE_NOOP("Navigation", "Activiteiten"), "activities",
             "ActivitiesPage"),
    PageSpec("reports", QT_TRANSLATE_NOOP("Navigation", "Rapportages"), "reports",
             "ReportsPage"),
    PageSpec("sync", QT_TRANSLATE_NOOP("Navigation", "Synchronisatie"), "sync", "SyncPage"),
    PageSpec("admin", QT_TRANSLATE_NOOP("Navigation", "Beheer"), "admin", "AdminPage",
             roles=COORDINATORS),
    PageSpec("accounts", QT_TRANSLATE_NOOP("Navigation", "Accounts en audit"), "accounts",
             "AccountsPage", roles=frozenset({Role.ADMIN.value})),
)


def spec(key: str) -> PageSpec:
    for p in PAGES:
        if p.key == key:
            return p
    raise KeyError(key)


def pages_for(role: str | None) -> list[PageSpec]:
    """The pages this role sees, in navigation order (missing modules left out)."""
    return [p for p in PAGES if p.allowed_for(role) and p.available()]


__all__ = ["PAGES", "Page", "PageSpec", "pages_for", "spec"]
