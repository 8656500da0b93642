"""Small helpers shared by the main window and the pages.

They read what the status bar and the overview pages show, defensively: a
service that is still being written (``stats``, sync) gives ``None`` here
instead of breaking the window. Only a *missing* method is tolerated; any
other error is a bug and propagates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ..services import Services

def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` (pyside6-lupdate finds it by this
    name); translate it later with ``QCoreApplication.translate(context, text)``."""
    return text


# ISO 8601 timestamp (UTC, with offset) the sync engine writes after each completed
# sync; the same key as gezond_desktop.sync.service.LAST_SYNC_SETTING.
LAST_SYNC_SETTING = "sync.last_sync"



def service_method(services: Services, service: str, method: str) -> Callable[..., Any] | None:
    """``services.<service>.<method>`` or None when that service lacks it (yet)."""
    svc = getattr(services, service, None)
    fn = getattr(svc, method, None) if svc is not None else None
    return fn if callable(fn) else None


def counts(services: Services) -> dict[str, int] | None:
    fn = service_method(services, "stats", "counts")
    if fn is None:
        return None
    result: dict[str, int] = dict(fn())
    return result


def pending_changes(services: Services) -> int | None:
    fn = service_method(services, "stats", "pending_changes")
    if fn is not None:
        return int(fn())
    c = counts(services)
    if c is None or "pending_changes" not in c:
        return None
    return int(c["pending_changes"])


def last_sync(services: Services) -> dt.datetime | None:
    raw = services.db.setting(LAST_SYNC_SETTING)
    if not raw:
        return None
    try:
        when = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    # Naive values are UTC (the engine's own bookkeeping); show them in local time.
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def format_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return QLocale().toString(QDate(value.year, value.month, value.day),
                              QLocale.FormatType.ShortFormat)


def format_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo else value
    return f"{format_date(local.date())} {local:%H:%M}"


def format_number(n: int) -> str:
    return QLocale().toString(n)


def last_sync_text(services: Services) -> str:
    when = last_sync(services)
    if when is None:
        return QCoreApplication.translate("Common", "Nog niet gesynchroniseerd")
    text = QCoreApplication.translate("Common", "Laatst gesynchroniseerd: %1")
    return text.replace("%1", format_datetime(when))


def pending_text(services: Services) -> str:
    n = pending_changes(services)
    if n is None:
        return QCoreApplication.translate("Common", "Niet-gedeelde wijzigingen: onbekend")
    text = QCoreApplication.translate("Common", "Niet-gedeelde wijzigingen: %1")
    return text.replace("%1", format_number(n))


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A page heading: the base font, larger and bold (scales with the user's font)."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * 1.4)
    font.setBold(True)
    label.setFont(font)
    label.setObjectName("pageHeading")
    return label


def centred_column(parent: QWidget, width_chars: int) -> tuple[QWidget, QVBoxLayout]:
    """A column in the middle of ``parent`` (the sign-in and lock screens), as wide as
    ``width_chars`` average characters, so it grows with the user's font; its height
    follows its content (no squeezed fields with large text). Returns the column
    widget and its layout."""
    outer = QVBoxLayout(parent)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    box = QWidget(parent)
    box.setFixedWidth(parent.fontMetrics().averageCharWidth() * width_chars)
    row.addWidget(box)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return box, QVBoxLayout(box)


def min_width_chars(dialog: QWidget, chars: int) -> None:
    """Make ``dialog`` at least ``chars`` average characters wide (so it grows with the
    user's font). The floor goes into the dialog's own vertical layout as a strut: a
    minimum width set on the dialog itself would switch off its layout's minimum size
    (Qt's default size constraint), and large text would then be cut off."""
    layout = dialog.layout()
    if not isinstance(layout, QBoxLayout) or layout.direction() not in (
            QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.BottomToTop):
        raise TypeError("min_width_chars needs a dialog with a vertical box layout")
    layout.addStrut(dialog.fontMetrics().averageCharWidth() * chars)
