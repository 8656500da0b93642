"""Dutch labels of code values (roles, statuses, venue kinds...) in the UI language.

The core keeps one Dutch label per code (:mod:`gezond_desktop.enums`);
the UI shows it through Qt's translator in context ``Labels``::

    from gezond_desktop.ui.labels import label, choices
    combo.addItem(label(Role.COORDINATOR), Role.COORDINATOR.value)

The list below only exists so that ``pyside6-lupdate`` finds every label; a
test checks that it covers every label in ``gezond_desktop.enums``. When a label is
added there, add it here and run ``scripts/update_translations.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..enums import LabelledEnum
from .common import QT_TRANSLATE_NOOP

CONTEXT = "Labels"

KNOWN_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Labels", "Community builder"),
    QT_TRANSLATE_NOOP("Labels", "Sleutelfiguur"),
    QT_TRANSLATE_NOOP("Labels", "Welzijnscoach"),
    QT_TRANSLATE_NOOP("Labels", "Coördinator"),
    QT_TRANSLATE_NOOP("Labels", "Beheerder"),
    QT_TRANSLATE_NOOP("Labels", "Babycafé (Sjpruutcafé)"),
    QT_TRANSLATE_NOOP("Labels", "School"),
    QT_TRANSLATE_NOOP("Labels", "Sportaccommodatie"),
    QT_TRANSLATE_NOOP("Labels", "Huisartsenpraktijk"),
    QT_TRANSLATE_NOOP("Labels", "Consultatiebureau"),
    QT_TRANSLATE_NOOP("Labels", "Buurthuis / buurtkamer"),
    QT_TRANSLATE_NOOP("Labels", "Moskee / cultureel centrum"),
    QT_TRANSLATE_NOOP("Labels", "Straat / pop-up"),
    QT_TRANSLATE_NOOP("Labels", "Leefstijlloket"),
    QT_TRANSLATE_NOOP("Labels", "Huisbezoek"),
    QT_TRANSLATE_NOOP("Labels", "Anders"),
    QT_TRANSLATE_NOOP("Labels", "Welzijnsorganisatie"),
    QT_TRANSLATE_NOOP("Labels", "Gezondheidsdienst"),
    QT_TRANSLATE_NOOP("Labels", "Gemeente"),
    QT_TRANSLATE_NOOP("Labels", "Woningcorporatie"),
    QT_TRANSLATE_NOOP("Labels", "Sport"),
    QT_TRANSLATE_NOOP("Labels", "Stichting / fonds"),
    QT_TRANSLATE_NOOP("Labels", "Op straat"),
    QT_TRANSLATE_NOOP("Labels", "Op een vindplaats"),
    QT_TRANSLATE_NOOP("Labels", "Telefoon"),
    QT_TRANSLATE_NOOP("Labels", "Groep"),
    QT_TRANSLATE_NOOP("Labels", "Niet vastgelegd"),
    QT_TRANSLATE_NOOP("Labels", "Vrouw"),
    QT_TRANSLATE_NOOP("Labels", "Man"),
    QT_TRANSLATE_NOOP("Labels", "Welzijn op Recept"),
    QT_TRANSLATE_NOOP("Labels", "Vindplaats"),
    QT_TRANSLATE_NOOP("Labels", "Huisarts"),
    QT_TRANSLATE_NOOP("Labels", "Praktijkondersteuner (POH-GGZ)"),
    QT_TRANSLATE_NOOP("Labels", "Wijkteam"),
    QT_TRANSLATE_NOOP("Labels", "Inwoner zelf"),
    QT_TRANSLATE_NOOP("Labels", "Aangemeld"),
    QT_TRANSLATE_NOOP("Labels", "Contact gelegd"),
    QT_TRANSLATE_NOOP("Labels", "Intake"),
    QT_TRANSLATE_NOOP("Labels", "Loopt"),
    QT_TRANSLATE_NOOP("Labels", "Afgerond"),
    QT_TRANSLATE_NOOP("Labels", "Gestopt"),
    QT_TRANSLATE_NOOP("Labels", "Niet bereikt"),
    QT_TRANSLATE_NOOP("Labels", "Meedoen aan een activiteit"),
    QT_TRANSLATE_NOOP("Labels", "Vrijwilligerswerk"),
    QT_TRANSLATE_NOOP("Labels", "Hulp of dienst van een organisatie"),
    QT_TRANSLATE_NOOP("Labels", "Cursus of training"),
    QT_TRANSLATE_NOOP("Labels", "Geen verdere hulp nodig"),
    QT_TRANSLATE_NOOP("Labels", "Bij intake"),
    QT_TRANSLATE_NOOP("Labels", "Bij afsluiten"),
    QT_TRANSLATE_NOOP("Labels", "Deelnemer"),
    QT_TRANSLATE_NOOP("Labels", "Vrijwilliger"),
    QT_TRANSLATE_NOOP("Labels", "Elke week"),
    QT_TRANSLATE_NOOP("Labels", "Om de week"),
    QT_TRANSLATE_NOOP("Labels", "Elke maand"),
    QT_TRANSLATE_NOOP("Labels", "Eenmalig"),
    QT_TRANSLATE_NOOP("Labels", "Onregelmatig"),
    QT_TRANSLATE_NOOP("Labels", "Vastleggen van gegevens"),
    QT_TRANSLATE_NOOP("Labels", "Opvolgen van een verwijzing"),
    QT_TRANSLATE_NOOP("Labels", "Contact opnemen"),
    QT_TRANSLATE_NOOP("Labels", "Lichaamsfuncties"),
    QT_TRANSLATE_NOOP("Labels", "Mentaal welbevinden"),
    QT_TRANSLATE_NOOP("Labels", "Zingeving"),
    QT_TRANSLATE_NOOP("Labels", "Kwaliteit van leven"),
    QT_TRANSLATE_NOOP("Labels", "Meedoen"),
    QT_TRANSLATE_NOOP("Labels", "Dagelijks functioneren"),
    QT_TRANSLATE_NOOP("Labels", "maandag"),
    QT_TRANSLATE_NOOP("Labels", "dinsdag"),
    QT_TRANSLATE_NOOP("Labels", "woensdag"),
    QT_TRANSLATE_NOOP("Labels", "donderdag"),
    QT_TRANSLATE_NOOP("Labels", "vrijdag"),
    QT_TRANSLATE_NOOP("Labels", "zaterdag"),
    QT_TRANSLATE_NOOP("Labels", "zondag"),
)


def tr_label(dutch: str) -> str:
    """Translate one Dutch label (enum label, dimension or weekday)."""
    return QCoreApplication.translate(CONTEXT, dutch)


def label(member: LabelledEnum) -> str:
    """The label of a code value in the UI language."""
    return tr_label(member.label)


def choices(enum: type[LabelledEnum]) -> list[tuple[str, str]]:
    """``(code, label)`` pairs of an enum, labels in the UI language."""
    return [(m.value, label(m)) for m in enum]
