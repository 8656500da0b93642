"""Referral dialogs: register a referral (one dialog), take a status step (closing
asks for the outcome and the closing Positive Health scores), record scores.

* :class:`ScoresEditor` - six 0-10 spin boxes, one per Positive Health dimension.
* :class:`NewReferralDialog` - everything for a new referral in one dialog.
* :class:`StepDialog` - one status step; only legal next statuses reach it.
* :class:`ScoresDialog` - record or correct intake or closing scores.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...enums import (
    HEALTH_DIMENSIONS,
    Outcome,
    Pathway,
    ReferralSource,
    ReferralStatus,
    Role,
    ScoreMoment,
)
from ...errors import GezondError, ValidationError
from ...services.referrals import ReferralDetail, ReferralInput, ReferralView, status_label
from .. import errors as ui_errors
from ..common import min_width_chars
from ..labels import label, tr_label
from ..widgets.lookup import ResidentLookup, SearchCombo
from . import (
    CheckList,
    FieldErrors,
    error_label,
    field_with_error,
    from_qdate,
    index_of_data,
    set_error,
    to_qdate,
)
from .resident_dialog import ResidentDialog

if TYPE_CHECKING:
    from ...services import Services

UNSET_SCORE = -1  # the spin box shows "–": not filled in


def status_text(status: str) -> str:
    """The Dutch label of a referral status, in the UI language."""
    return tr_label(status_label(status))


def _date_edit(parent: QWidget, value: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(value), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


def _buddy(form: QFormLayout, field: QWidget) -> None:
    item = form.itemAt(form.rowCount() - 1, QFormLayout.ItemRole.LabelRole)
    widget = item.widget() if item is not None else None
    if isinstance(widget, QLabel):
        widget.setBuddy(field)


class ScoresEditor(QWidget):
    """Six spin boxes (0-10, '–' while not filled in) with an error label under each.

    ``prefix`` is the service field name ('intake_scores', 'closing_scores',
    'scores'), so that service errors like 'closing_scores.body' land under the
    right spin box once :meth:`register` has added the labels to a FieldErrors.
    """

    def __init__(self, prefix: str, parent: QWidget | None = None,
                 compare: Mapping[str, int] | None = None,
                 compare_label: str = "") -> None:
        super().__init__(parent)
        self.prefix = prefix
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.spins: dict[str, QSpinBox] = {}
        self.error_labels: dict[str, QLabel] = {}
        row = 0
        for code, nl in HEALTH_DIMENSIONS:
            text = QLabel(tr_label(nl), self)
            spin = QSpinBox(self)
            spin.setObjectName(f"score_{code}")
            spin.setRange(UNSET_SCORE, 10)
            spin.setSpecialValueText("–")
            spin.setValue(UNSET_SCORE)
            spin.setAccessibleName(tr_label(nl))
            spin.setToolTip(self.tr("Score van 0 (slecht) tot 10 (heel goed)"))
            text.setBuddy(spin)
            grid.addWidget(text, row, 0)
            grid.addWidget(spin, row, 1)
            if compare is not None and code in compare:
                hint = QLabel(self.tr("%1: %2").replace("%1", compare_label)
                              .replace("%2", str(compare[code])), self)
                hint.setEnabled(False)
                grid.addWidget(hint, row, 2)
            err = error_label(self)
            spin.valueChanged.connect(lambda _v, e=err: set_error(e, None))
            grid.addWidget(err, row + 1, 0, 1, 3)
            self.spins[code] = spin
            self.error_labels[code] = err
            row += 2
        grid.setColumnStretch(2, 1)

    def register(self, errors: FieldErrors) -> None:
        for code, lab in self.error_labels.items():
            errors.add(f"{self.prefix}.{code}", lab)

    def values(self) -> dict[str, int]:
        """The filled-in scores (dimensions left at '–' are missing)."""
        return {code: spin.value() for code, spin in self.spins.items()
                if spin.value() != UNSET_SCORE}

    def set_values(self, scores: Mapping[str, int]) -> None:
        for code, spin in self.spins.items():
            spin.setValue(scores.get(code, UNSET_SCORE))

    def check_complete(self, errors: FieldErrors) -> bool:
        """Put 'vul in' next to every dimension left empty; True when all six are filled."""
        ok = True
        for code, nl in HEALTH_DIMENSIONS:
            if self.spins[code].value() == UNSET_SCORE:
                errors.set(f"{self.prefix}.{code}", self.tr(
                    "Vul een score in voor %1: een getal van 0 tot en met 10.")
                    .replace("%1", tr_label(nl)))
                ok = False
        return ok


class _FormDialog(QDialog):
    """A dialog with a general error label and OK/Annuleren buttons."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.general_error = error_label(self)
        self.errors = FieldErrors(self.general_error)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(self.tr("&Opslaan"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok")
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)

    def _on_ok(self) -> None:
        raise NotImplementedError

    def _handle(self, exc: GezondError) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show(exc)
        else:
            ui_errors.show_gezond_error(self, exc)


# -- registering a referral ------------------------------------------------------------


class NewReferralDialog(_FormDialog):
    """Register a referral in one dialog. ``saved`` holds the new referral afterwards."""

    def __init__(self, services: Services, parent: QWidget | None = None,
                 resident_id: uuid.UUID | None = None, resident_alias: str = "") -> None:
        super().__init__(parent)
        self.ok_button.setText(self.tr("&Verwijzing opslaan"))
        self.services = services
        self.saved: ReferralView | None = None
        self.resident_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Nieuwe verwijzing"))
        self.setObjectName("newReferralDialog")
        today = dt.date.today()

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Resident: look up by alias, or add one on the spot.
        self.resident_lookup = ResidentLookup(services, self)
        self.resident_lookup.setObjectName("residentLookup")
        self.resident_lookup.chosen.connect(self._resident_chosen)
        self.resident_chosen_label = QLabel(self.tr("Nog geen inwoner gekozen"), self)
        self.resident_chosen_label.setObjectName("residentChosen")
        self.resident_chosen_label.setWordWrap(True)
        self.new_resident_button = QPushButton(self.tr("Nieuwe &inwoner..."), self)
        self.new_resident_button.setObjectName("newResident")
        self.new_resident_button.setAutoDefault(False)
        self.new_resident_button.clicked.connect(self._new_resident)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.resident_chosen_label, 1)
        row.addWidget(self.new_resident_button)
        chosen_box = QWidget(self)
        chosen_box.setLayout(row)
        left.addRow(self.tr("In&woner"), field_with_error(
            self.resident_lookup, self.errors.add("resident_id", error_label(self)),
            [chosen_box]))
        _buddy(left, self.resident_lookup)

        self.pathway_combo = QComboBox(self)
        self.pathway_combo.setObjectName("pathway")
        for p in Pathway:
            self.pathway_combo.addItem(label(p), p.value)
        left.addRow(self.tr("&Route"), field_with_error(
            self.pathway_combo, self.errors.add("pathway", error_label(self))))
        _buddy(left, self.pathway_combo)

        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("source")
        for src in ReferralSource:
            self.source_combo.addItem(label(src), src.value)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        left.addRow(self.tr("Verwezen &door"), field_with_error(
            self.source_combo, self.errors.add("source", error_label(self))))
        _buddy(left, self.source_combo)

        self.venue_combo = SearchCombo(self, none_label=self.tr("Geen vindplaats"))
        self.venue_combo.setObjectName("sourceVenue")
        self.venue_combo.set_items([(v.id, v.label) for v in services.reference.list("venue")])
        left.addRow(self.tr("&Vindplaats"), field_with_error(
            self.venue_combo, self.errors.add("source_venue_id", error_label(self))))
        _buddy(left, self.venue_combo)

        orgs = services.reference.list("organisation")
        self.org_combo = SearchCombo(self, none_label=self.tr("Geen organisatie"))
        self.org_combo.setObjectName("referringOrganisation")
        self.org_combo.set_items([(o.id, o.label) for o in orgs])
        left.addRow(self.tr("Verwijzende &organisatie"), field_with_error(
            self.org_combo, self.errors.add("referring_organisation_id", error_label(self))))
        _buddy(left, self.org_combo)

        self.coach_combo = QComboBox(self)
        self.coach_combo.setObjectName("coach")
        self.coach_combo.addItem(self.tr("Nog niemand"), None)
        workers = services.workers.list()
        coaches = [w for w in workers if w.role == Role.WELFARE_COACH.value]
        others = [w for w in workers if w.role != Role.WELFARE_COACH.value]
        for w in coaches + others:
            self.coach_combo.addItem(f"{w.name} ({label(Role(w.role))})", w.id)
        me = services.worker_id
        default_coach = me if any(w.id == me for w in coaches) else None
        self.coach_combo.setCurrentIndex(max(0, index_of_data(self.coach_combo, default_coach)))
        left.addRow(self.tr("&Coach"), field_with_error(
            self.coach_combo, self.errors.add("coach_id", error_label(self))))
        _buddy(left, self.coach_combo)

        self.date_edit = _date_edit(self, today, "registeredOn")
        self.date_edit.setMaximumDate(to_qdate(today))
        left.addRow(self.tr("&Aangemeld op"), field_with_error(
            self.date_edit, self.errors.add("registered_on", error_label(self))))
        _buddy(left, self.date_edit)

        self.follow_up_check = QCheckBox(self.tr("O&pvolgen op"), self)
        self.follow_up_check.setObjectName("followUpCheck")
        self.follow_up_check.setChecked(True)
        self.follow_up_edit = _date_edit(self, today + dt.timedelta(days=7), "followUpOn")
        self.follow_up_check.toggled.connect(self.follow_up_edit.setEnabled)
        left.addRow(self.follow_up_check, field_with_error(
            self.follow_up_edit, self.errors.add("follow_up_on", error_label(self))))

        right = QVBoxLayout()
        reason_label = QLabel(self.tr("R&eden van verwijzing"), self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("Kort, in de woorden van de inwoner"))
        reason_label.setBuddy(self.reason_edit)
        right.addWidget(reason_label)
        right.addWidget(field_with_error(self.reason_edit,
                                         self.errors.add("reason", error_label(self))))

        dest_label = QLabel(self.tr("&Bestemmingen (organisaties en activiteiten)"), self)
        self.destination_filter = QLineEdit(self)
        self.destination_filter.setObjectName("destinationFilter")
        self.destination_filter.setPlaceholderText(self.tr("Zoek in de lijst"))
        self.destination_filter.setClearButtonEnabled(True)
        dest_label.setBuddy(self.destination_filter)
        self.destinations = CheckList(self, visible_rows=5)
        self.destinations.setObjectName("destinations")
        items: list[tuple[uuid.UUID, str]] = [
            (o.id, self.tr("%1 (organisatie)").replace("%1", o.name)) for o in orgs]
        self._activity_ids: set[uuid.UUID] = set()
        for a in services.activities.list():
            self._activity_ids.add(a.id)
            items.append((a.id, self.tr("%1 (activiteit)").replace("%1", a.name)))
        self.destinations.set_items(items)
        self.destination_filter.textChanged.connect(self.destinations.set_filter)
        right.addWidget(dest_label)
        right.addWidget(self.destination_filter)
        dest_err = error_label(self)
        self.errors.add("destination_organisation_ids", dest_err)
        self.errors.add("destination_activity_ids", dest_err)
        right.addWidget(field_with_error(self.destinations, dest_err))

        self.scores_box = QGroupBox(self.tr("&Scores Positieve Gezondheid bij intake"), self)
        self.scores_box.setObjectName("intakeScoresBox")
        self.scores_box.setCheckable(True)
        self.scores_box.setChecked(False)
        sl = QVBoxLayout(self.scores_box)
        self.intake_scores = ScoresEditor("intake_scores", self.scores_box)
        self.intake_scores.register(self.errors)
        self.intake_scores.setVisible(False)
        self.scores_box.toggled.connect(self.intake_scores.setVisible)
        sl.addWidget(self.intake_scores)
        self.errors.add("intake_scores", self.intake_scores.error_labels[
            HEALTH_DIMENSIONS[0][0]])
        right.addWidget(self.scores_box)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(columns)
        outer.addWidget(self.general_error)
        outer.addWidget(self.buttons)
        self._source_changed()
        if resident_id is not None:
            self._resident_chosen(resident_id, resident_alias)
            self.pathway_combo.setFocus()
        else:
            self.resident_lookup.setFocus()
        min_width_chars(self, 130)

    # -- reactions ---------------------------------------------------------------------
    def _source_changed(self, *_args: object) -> None:
        self.venue_combo.setEnabled(self.source_combo.currentData() == ReferralSource.VENUE.value)

    def _resident_chosen(self, resident_id: uuid.UUID, alias: str) -> None:
        self.resident_id = resident_id
        self.resident_chosen_label.setText(self.tr("Gekozen: %1").replace("%1", alias))
        self.errors.set("resident_id", None)
        # A follow-up date only with the resident's consent for it (docs/privacy.md).
        self.follow_up_check.setChecked(self.services.referrals.follow_up_allowed(resident_id))

    def _new_resident(self) -> None:
        dialog = ResidentDialog(self.services, self, alias=self.resident_lookup.text().strip())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_resident is not None:
            self.resident_lookup.clear()
            self._resident_chosen(dialog.result_resident.id, dialog.result_resident.alias)
            self.pathway_combo.setFocus()

    # -- saving --------------------------------------------------------------------------
    def data(self) -> ReferralInput:
        ticked = self.destinations.checked_ids()
        source = str(self.source_combo.currentData())
        venue = self.venue_combo.current_id() if source == ReferralSource.VENUE.value else None
        return ReferralInput(
            resident_id=self.resident_id,
            pathway=str(self.pathway_combo.currentData()),
            source=source,
            registered_on=from_qdate(self.date_edit.date()),
            coach_id=self.coach_combo.currentData(),
            source_venue_id=venue,  # type: ignore[arg-type]
            referring_organisation_id=self.org_combo.current_id(),  # type: ignore[arg-type]
            reason=self.reason_edit.toPlainText(),
            destination_organisation_ids=tuple(i for i in ticked
                                               if i not in self._activity_ids),
            destination_activity_ids=tuple(i for i in ticked if i in self._activity_ids),
            follow_up_on=(from_qdate(self.follow_up_edit.date())
                          if self.follow_up_check.isChecked() else None),
            intake_scores=self.intake_scores.values() if self.scores_box.isChecked() else None,
        )

    def _on_ok(self) -> None:
        self.errors.clear()
        ok = True
        if self.resident_id is None and self.resident_lookup.text().strip():
            self.resident_lookup.choose_best()
        if self.resident_id is None:
            self.errors.set("resident_id", self.tr(
                "Kies de inwoner die wordt verwezen: typ een deel van de schuilnaam en "
                "druk op Enter, of kies 'Nieuwe inwoner'."))
            ok = False
        for combo, field in ((self.venue_combo, "source_venue_id"),
                             (self.org_combo, "referring_organisation_id")):
            if combo.isEnabled() and not combo.resolve()[0]:
                self.errors.set(field, self.tr("Kies een naam uit de lijst, of maak het veld "
                                               "leeg."))
                ok = False
        if self.scores_box.isChecked() and not self.intake_scores.check_complete(self.errors):
            ok = False
        if not ok:
            return
        try:
            self.saved = self.services.referrals.register(self.data())
        except GezondError as exc:
            self._handle(exc)
            return
        self.accept()


# -- status steps ------------------------------------------------------------------------


class StepDialog(_FormDialog):
    """One status step. Closing as 'Afgerond' asks for the outcome and the closing scores;
    'Gestopt' and 'Niet bereikt' ask for an optional outcome."""

    def __init__(self, services: Services, detail: ReferralDetail, new_status: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        target = status_text(new_status)
        self.ok_button.setText(self.tr("&Naar '%1'").replace("%1", target))
        self.services = services
        self.detail = detail
        self.new_status = ReferralStatus(new_status)
        self.saved: ReferralView | None = None
        ref = detail.referral
        self.setWindowTitle(self.tr("%1: status '%2'").replace("%1", ref.resident_alias)
                            .replace("%2", target))
        self.setObjectName("stepDialog")
        today = dt.date.today()
        last = max([e.occurred_on for e in detail.events] + [ref.registered_on])

        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("Van '%1' naar '%2'.").replace("%1", status_text(ref.status))
                       .replace("%2", target), self)
        intro.setWordWrap(True)
        outer.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.date_edit = _date_edit(self, today, "stepOn")
        self.date_edit.setDateRange(to_qdate(min(last, today)), to_qdate(today))
        form.addRow(self.tr("&Datum"), field_with_error(
            self.date_edit, self.errors.add("on", error_label(self))))
        _buddy(form, self.date_edit)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().height() * 4)
        form.addRow(self.tr("N&otitie"), field_with_error(
            self.note_edit, self.errors.add("note", error_label(self))))
        _buddy(form, self.note_edit)

        self.outcome_combo: QComboBox | None = None
        self.outcome_note: QPlainTextEdit | None = None
        if self.new_status.is_closed:
            self.outcome_combo = QComboBox(self)
            self.outcome_combo.setObjectName("outcome")
            self.outcome_combo.addItem(
                self.tr("Kies het resultaat") if self.new_status is ReferralStatus.COMPLETED
                else self.tr("Geen"), None)
            for o in Outcome:
                self.outcome_combo.addItem(label(o), o.value)
            form.addRow(self.tr("&Resultaat"), field_with_error(
                self.outcome_combo, self.errors.add("outcome", error_label(self))))
            _buddy(form, self.outcome_combo)
            self.outcome_note = QPlainTextEdit(self)
            self.outcome_note.setObjectName("outcomeNote")
            self.outcome_note.setTabChangesFocus(True)
            self.outcome_note.setFixedHeight(self.fontMetrics().height() * 3)
            form.addRow(self.tr("&Toelichting"), field_with_error(
                self.outcome_note, self.errors.add("outcome_note", error_label(self))))
            _buddy(form, self.outcome_note)
        outer.addLayout(form)

        self.scores_box: QGroupBox | None = None
        self.scores: ScoresEditor | None = None
        if self.new_status is ReferralStatus.COMPLETED:
            self.scores_box = QGroupBox(
                self.tr("&Scores Positieve Gezondheid bij afsluiten"), self)
            self.scores_box.setObjectName("closingScoresBox")
            self.scores_box.setCheckable(True)
            self.scores_box.setChecked(True)
            self.scores_box.setToolTip(self.tr(
                "Zet het vinkje uit als de inwoner geen scores wil geven."))
            sl = QVBoxLayout(self.scores_box)
            intake = detail.intake_scores.as_dict() if detail.intake_scores else None
            self.scores = ScoresEditor("closing_scores", self.scores_box, compare=intake,
                                       compare_label=self.tr("bij intake"))
            self.scores.register(self.errors)
            self.scores_box.toggled.connect(self.scores.setVisible)
            sl.addWidget(self.scores)
            outer.addWidget(self.scores_box)
        outer.addWidget(self.general_error)
        outer.addWidget(self.buttons)
        self.date_edit.setFocus()
        min_width_chars(self, 60)

    def _on_ok(self) -> None:
        self.errors.clear()
        closing: dict[str, int] | None = None
        if self.scores_box is not None and self.scores is not None \
                and self.scores_box.isChecked():
            if not self.scores.check_complete(self.errors):
                return
            closing = self.scores.values()
        outcome = self.outcome_combo.currentData() if self.outcome_combo else None
        if self.new_status is ReferralStatus.COMPLETED and outcome is None:
            self.errors.set("outcome", self.tr(
                "Kies het resultaat: wat heeft de verwijzing opgeleverd?"))
            return
        try:
            self.saved = self.services.referrals.step(
                self.detail.referral.id, self.new_status.value,
                from_qdate(self.date_edit.date()),
                note=self.note_edit.toPlainText(),
                outcome=outcome,
                outcome_note=self.outcome_note.toPlainText() if self.outcome_note else "",
                closing_scores=closing,
            )
        except GezondError as exc:
            self._handle(exc)
            return
        self.accept()


class ScoresDialog(_FormDialog):
    """Record or correct the Positive Health scores of one moment (intake or closing)."""

    def __init__(self, services: Services, detail: ReferralDetail, moment: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.detail = detail
        self.moment = ScoreMoment(moment)
        self.setObjectName("scoresDialog")
        ref = detail.referral
        self.setWindowTitle(self.tr("%1: Positieve Gezondheid %2").replace(
            "%1", ref.resident_alias).replace("%2", tr_label(self.moment.label).lower()))
        current = detail.intake_scores if self.moment is ScoreMoment.INTAKE \
            else detail.closing_scores
        outer = QVBoxLayout(self)
        form = QFormLayout()
        today = dt.date.today()
        self.date_edit = _date_edit(self, current.measured_on if current else today,
                                    "measuredOn")
        self.date_edit.setDateRange(to_qdate(min(ref.registered_on, today)), to_qdate(today))
        form.addRow(self.tr("&Gemeten op"), field_with_error(
            self.date_edit, self.errors.add("measured_on", error_label(self))))
        _buddy(form, self.date_edit)
        outer.addLayout(form)
        self.scores = ScoresEditor("scores", self)
        self.scores.register(self.errors)
        if current is not None:
            self.scores.set_values(current.as_dict())
        outer.addWidget(self.scores)
        outer.addWidget(self.general_error)
        outer.addWidget(self.buttons)
        first = self.scores.spins[HEALTH_DIMENSIONS[0][0]]
        first.setFocus()

    def _on_ok(self) -> None:
        self.errors.clear()
        if not self.scores.check_complete(self.errors):
            return
        try:
            self.services.referrals.record_scores(
                self.detail.referral.id, self.moment.value, from_qdate(self.date_edit.date()),
                self.scores.values())
        except GezondError as exc:
            self._handle(exc)
            return
        self.accept()


__all__ = ["NewReferralDialog", "ScoresDialog", "ScoresEditor", "StepDialog", "status_text"]
