"""The dialog to add or change a resident (pseudonym registry).

A new resident that resembles one already in the registry is not saved at once:
the dialog first shows the likely duplicates, with "Deze gebruiken" (take the
existing one) and "Toch nieuw aanmaken" (it really is someone else).

After ``exec()`` returns ``Accepted``, :attr:`ResidentDialog.result_resident` is
the resident to use and :attr:`ResidentDialog.created` tells whether it is new.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...enums import ConsentPurpose, Gender
from ...errors import GezondError, ValidationError
from ...services.residents import (
    FIELD_PURPOSE,
    DuplicateSuspected,
    ResidentInput,
    ResidentView,
)
from .. import errors as ui_errors
from ..common import min_width_chars
from ..labels import label
from . import (
    CheckList,
    FieldErrors,
    error_label,
    field_with_error,
    from_qdate,
    index_of_data,
    to_qdate,
)

if TYPE_CHECKING:
    from ...services import Services

# Consent for this purpose is what allows personal details to be kept.
PERSONAL_DATA_PURPOSE = ConsentPurpose.REGISTRATION.value


def resident_summary(r: ResidentView) -> str:
    """'Fatima B. · 1985 · Hambaken · Jonge ouders' for lists."""
    parts = [r.alias]
    if r.birth_year:
        parts.append(str(r.birth_year))
    if r.neighbourhood_name:
        parts.append(r.neighbourhood_name)
    if r.target_group_names:
        parts.append(", ".join(r.target_group_names))
    return " · ".join(parts)


class ResidentDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None,
                 resident: ResidentView | None = None, alias: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.resident = resident
        self.result_resident: ResidentView | None = None
        self.created = False
        self._duplicates_for: tuple[str, int | None, uuid.UUID | None] | None = None
        self.setWindowTitle(self.tr("Inwoner wijzigen") if resident
                            else self.tr("Nieuwe inwoner"))
        self.setObjectName("residentDialog")

        main = QVBoxLayout(self)
        # The form scrolls when the screen is small (150% scaling on a laptop).
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(self.scroll_area)
        outer = QVBoxLayout(self.body)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area.setWidget(self.body)
        main.addWidget(self.scroll_area, 1)
        self.general_error = error_label(self)
        self.errors = FieldErrors(self.general_error)
        intro = QLabel(self.tr(
            "Een inwoner staat hier onder een schuilnaam. Naam en contactgegevens zijn "
            "niet nodig en mogen alleen met toestemming."), self)
        intro.setWordWrap(True)
        outer.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.alias_edit = QLineEdit(self)
        self.alias_edit.setObjectName("alias")
        self.alias_edit.setPlaceholderText(self.tr("Bijvoorbeeld: Fatima B. of Opa Kees"))
        self.alias_edit.setMaxLength(80)
        form.addRow(self.tr("&Schuilnaam"), field_with_error(
            self.alias_edit, self.errors.add("alias", error_label(self))))
        self._buddy(form, self.alias_edit)

        self.birth_year_edit = QLineEdit(self)
        self.birth_year_edit.setObjectName("birthYear")
        self.birth_year_edit.setValidator(QIntValidator(0, 9999, self))
        self.birth_year_edit.setPlaceholderText(self.tr("Leeg laten als u het niet weet"))
        form.addRow(self.tr("&Geboortejaar"), field_with_error(
            self.birth_year_edit, self.errors.add("birth_year", error_label(self))))
        self._buddy(form, self.birth_year_edit)

        self.neighbourhood_combo = QComboBox(self)
        self.neighbourhood_combo.setObjectName("neighbourhood")
        self.neighbourhood_combo.addItem(self.tr("Onbekend"), None)
        for n in services.reference.list("neighbourhood"):
            self.neighbourhood_combo.addItem(n.label, n.id)
        form.addRow(self.tr("&Buurt"), field_with_error(
            self.neighbourhood_combo, self.errors.add("neighbourhood_id", error_label(self))))
        self._buddy(form, self.neighbourhood_combo)

        self.target_groups = CheckList(self, visible_rows=4)
        self.target_groups.setObjectName("targetGroups")
        self.target_groups.set_items(
            (g.id, g.label) for g in services.reference.list("target_group"))
        form.addRow(self.tr("&Doelgroepen"), field_with_error(
            self.target_groups, self.errors.add("target_group_ids", error_label(self))))
        self._buddy(form, self.target_groups)

        self.gender_combo = QComboBox(self)
        self.gender_combo.setObjectName("gender")
        for g in Gender:
            self.gender_combo.addItem(label(g), g.value)
        form.addRow(self.tr("G&eslacht"), field_with_error(
            self.gender_combo, self.errors.add("gender", error_label(self))))
        self._buddy(form, self.gender_combo)
        outer.addLayout(form)

        # Consent, per purpose, with the date it was given.
        consent_box = QGroupBox(self.tr("Toestemming van de inwoner"), self)
        grid = QGridLayout(consent_box)
        self.consent_checks: dict[str, QCheckBox] = {}
        self.consent_dates: dict[str, QDateEdit] = {}
        today = to_qdate(dt.date.today())
        for row, purpose in enumerate(ConsentPurpose):
            check = QCheckBox(label(purpose), consent_box)
            check.setObjectName(f"consent_{purpose.value}")
            date = QDateEdit(today, consent_box)
            date.setObjectName(f"consentDate_{purpose.value}")
            date.setCalendarPopup(True)
            date.setMaximumDate(today)
            date.setDisplayFormat("dd-MM-yyyy")
            date.setEnabled(False)
            date.setAccessibleName(self.tr("Datum toestemming: %1").replace(
                "%1", label(purpose)))
            check.toggled.connect(date.setEnabled)
            check.toggled.connect(self._consent_changed)
            grid.addWidget(check, row, 0)
            grid.addWidget(QLabel(self.tr("gegeven op"), consent_box), row, 1)
            grid.addWidget(date, row, 2)
            self.consent_checks[purpose.value] = check
            self.consent_dates[purpose.value] = date
        grid.addWidget(self.errors.add("purpose", error_label(self)), len(ConsentPurpose), 0,
                       1, 3)
        grid.setColumnStretch(0, 1)
        outer.addWidget(consent_box)

        # Personal details: collapsed; only with consent.
        self.personal_toggle = QToolButton(self)
        self.personal_toggle.setObjectName("personalToggle")
        self.personal_toggle.setText(self.tr("&Persoonlijke gegevens (alleen met toestemming)"))
        self.personal_toggle.setCheckable(True)
        self.personal_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.personal_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.personal_toggle.toggled.connect(self._toggle_personal)
        outer.addWidget(self.personal_toggle)
        self.personal_box = QFrame(self)
        self.personal_box.setFrameShape(QFrame.Shape.StyledPanel)
        pform = QFormLayout(self.personal_box)
        pform.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.personal_hint = QLabel(self.tr(
            "Vul dit alleen in als de inwoner toestemming gaf voor "
            "'Vastleggen van gegevens'. Deze gegevens blijven op dit apparaat."),
            self.personal_box)
        self.personal_hint.setWordWrap(True)
        pform.addRow(self.personal_hint)
        self.name_edit = QLineEdit(self.personal_box)
        self.name_edit.setObjectName("fullName")
        pform.addRow(self.tr("&Naam"), field_with_error(
            self.name_edit, self.errors.add("full_name", error_label(self))))
        self._buddy(pform, self.name_edit)
        self.phone_edit = QLineEdit(self.personal_box)
        self.phone_edit.setObjectName("phone")
        pform.addRow(self.tr("&Telefoon"), field_with_error(
            self.phone_edit, self.errors.add("phone", error_label(self))))
        self._buddy(pform, self.phone_edit)
        self.email_edit = QLineEdit(self.personal_box)
        self.email_edit.setObjectName("email")
        pform.addRow(self.tr("E-&mail"), field_with_error(
            self.email_edit, self.errors.add("email", error_label(self))))
        self._buddy(pform, self.email_edit)
        self.personal_box.hide()
        outer.addWidget(self.personal_box)

        # Likely duplicates: shown before anything is saved.
        self.duplicate_box = QFrame(self)
        self.duplicate_box.setObjectName("duplicateBox")
        self.duplicate_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicate_box.setStyleSheet(
            "#duplicateBox { background: #fff4e5; border: 1px solid #e0a040; }")
        dlay = QVBoxLayout(self.duplicate_box)
        self.duplicate_text = QLabel(self.duplicate_box)
        self.duplicate_text.setWordWrap(True)
        dlay.addWidget(self.duplicate_text)
        self.duplicate_list = QListWidget(self.duplicate_box)
        self.duplicate_list.setObjectName("duplicateList")
        self.duplicate_list.setWordWrap(True)
        self.duplicate_list.setMinimumHeight(self.fontMetrics().height() * 4)
        self.duplicate_list.setMaximumHeight(self.fontMetrics().height() * 8)
        self.duplicate_list.itemDoubleClicked.connect(lambda _item: self._use_existing())
        dlay.addWidget(self.duplicate_list)
        drow = QHBoxLayout()
        self.use_existing_button = QPushButton(self.tr("&Deze gebruiken"), self.duplicate_box)
        self.use_existing_button.setObjectName("useExisting")
        self.use_existing_button.clicked.connect(self._use_existing)
        self.create_anyway_button = QPushButton(self.tr("Toch &nieuw aanmaken"),
                                                self.duplicate_box)
        self.create_anyway_button.setObjectName("createAnyway")
        self.create_anyway_button.clicked.connect(lambda: self._save(allow_duplicate=True))
        drow.addWidget(self.use_existing_button)
        drow.addWidget(self.create_anyway_button)
        drow.addStretch(1)
        dlay.addLayout(drow)
        self.duplicate_box.hide()
        main.addWidget(self.duplicate_box)  # outside the scroll area: always in sight

        main.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        main.addWidget(self.buttons)

        for w in (self.alias_edit, self.birth_year_edit):
            w.textEdited.connect(self._identity_changed)
        self.neighbourhood_combo.currentIndexChanged.connect(self._identity_changed)

        if resident is not None:
            self._load(resident)
        elif alias:
            self.alias_edit.setText(alias)
        self.alias_edit.setFocus()
        min_width_chars(self, 90)
        self._fit()

    def _fit(self) -> None:
        """Show the whole form when the screen allows it; scroll otherwise."""
        screen = self.screen()
        avail = screen.availableGeometry().height() if screen is not None else 800
        self.scroll_area.setMinimumHeight(min(self.body.sizeHint().height(), int(avail * 0.7)))

    @staticmethod
    def _buddy(form: QFormLayout, field: QWidget) -> None:
        item = form.itemAt(form.rowCount() - 1, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QLabel):
            widget.setBuddy(field)

    # -- loading -------------------------------------------------------------------
    def _load(self, r: ResidentView) -> None:
        self.alias_edit.setText(r.alias)
        self.birth_year_edit.setText(str(r.birth_year) if r.birth_year else "")
        idx = index_of_data(self.neighbourhood_combo, r.neighbourhood_id)
        if idx < 0 and r.neighbourhood_id is not None:  # a retired neighbourhood
            self.neighbourhood_combo.addItem(r.neighbourhood_name, r.neighbourhood_id)
            idx = self.neighbourhood_combo.count() - 1
        self.neighbourhood_combo.setCurrentIndex(max(0, idx))
        for gid in r.target_group_ids:
            self.target_groups.set_checked(gid)
        self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(r.gender)))
        for c in r.consents:
            if c.active and c.purpose in self.consent_checks:
                check = self.consent_checks[c.purpose]
                check.setChecked(True)
                date = self.consent_dates[c.purpose]
                date.setDate(to_qdate(c.given_on))
                date.setEnabled(False)  # recorded consent: its date stays as it was
                # Withdrawing clears details: only on the resident page, which asks first.
                check.setEnabled(False)
                check.setToolTip(self.tr("Intrekken kan op de pagina van de inwoner, met "
                                         "'Toestemming intrekken'."))
        self.name_edit.setText(r.full_name or "")
        self.phone_edit.setText(r.phone or "")
        self.email_edit.setText(r.email or "")
        if r.full_name or r.phone or r.email:
            self.personal_toggle.setChecked(True)

    # -- reactions -------------------------------------------------------------------
    def _toggle_personal(self, on: bool) -> None:
        self.personal_box.setVisible(on)
        self.personal_toggle.setArrowType(Qt.ArrowType.DownArrow if on
                                          else Qt.ArrowType.RightArrow)
        self._fit()

    def _consent_changed(self, _on: bool) -> None:
        active = self._active_consent(self.resident)
        for purpose, check in self.consent_checks.items():
            if purpose in active:
                self.consent_dates[purpose].setEnabled(False)
            else:
                self.consent_dates[purpose].setEnabled(check.isChecked())

    def _identity_changed(self, *_args: object) -> None:
        # The answer to "is it one of these?" was about other details.
        if self.duplicate_box.isVisible():
            self.duplicate_box.hide()
            self.save_button.setEnabled(True)
            self.save_button.setDefault(True)
        self._duplicates_for = None

    # -- reading the form ----------------------------------------------------------------
    def _input(self) -> ResidentInput:
        year_text = self.birth_year_edit.text().strip()
        return ResidentInput(
            alias=self.alias_edit.text(),
            full_name=self.name_edit.text().strip() or None,
            phone=self.phone_edit.text().strip() or None,
            email=self.email_edit.text().strip() or None,
            birth_year=int(year_text) if year_text else None,
            gender=str(self.gender_combo.currentData()),
            neighbourhood_id=self.neighbourhood_combo.currentData(),
            target_group_ids=self.target_groups.checked_ids(),
            notes=self.resident.notes if self.resident else "",
            # Consents ticked now are recorded in the same save as the details.
            consents=tuple(
                (purpose, from_qdate(self.consent_dates[purpose].date()))
                for purpose, check in self.consent_checks.items()
                if check.isChecked() and purpose not in self._active_consent(self.resident)),
        )

    def _check_local(self, inp: ResidentInput) -> bool:
        """Rules the form itself knows; True when the input may go to the service."""
        self.errors.clear()
        ok = True
        if not inp.alias.strip():
            self.errors.set("alias", self.tr(
                "Vul een schuilnaam in, bijvoorbeeld een voornaam met een letter."))
            ok = False
        # Each detail needs its own consent (services.residents.FIELD_PURPOSE).
        for f, v in (("full_name", inp.full_name), ("phone", inp.phone), ("email", inp.email)):
            purpose = FIELD_PURPOSE[f]
            if v and not self.consent_checks[purpose].isChecked():
                self.errors.set(f, self.tr(
                    "Dit mag alleen met toestemming. Vink '%1' aan, of maak dit veld leeg.")
                    .replace("%1", label(ConsentPurpose(purpose))))
                self.personal_toggle.setChecked(True)
                ok = False
        return ok

    @staticmethod
    def _active_consent(r: ResidentView | None) -> dict[str, uuid.UUID]:
        if r is None:
            return {}
        return {c.purpose: c.id for c in r.consents if c.active}

    # -- saving ------------------------------------------------------------------------
    def _save(self, allow_duplicate: bool = False) -> None:
        inp = self._input()
        if not self._check_local(inp):
            return
        try:
            if self.resident is not None:
                saved = self.services.residents.update(self.resident.id, inp)
                created = False
            else:
                identity = (inp.alias.strip().lower(), inp.birth_year, inp.neighbourhood_id)
                if not allow_duplicate and self._duplicates_for != identity:
                    dups = self.services.residents.likely_duplicates(
                        inp.alias, inp.birth_year, inp.neighbourhood_id)
                    if dups:
                        self._duplicates_for = identity
                        self._show_duplicates(dups)
                        return
                saved = self.services.residents.create(inp, allow_duplicate=allow_duplicate
                                                       or self._duplicates_for == identity)
                created = True
            self._save_consents(saved)
            saved = self.services.residents.get(saved.id)
        except DuplicateSuspected as exc:
            self._duplicates_for = (inp.alias.strip().lower(), inp.birth_year,
                                    inp.neighbourhood_id)
            self._show_duplicates(exc.candidates)
            return
        except ValidationError as exc:
            fields = self.errors.show(exc)
            if any(f in ("full_name", "phone", "email") for f in fields):
                self.personal_toggle.setChecked(True)
            return
        except GezondError as exc:
            ui_errors.show_gezond_error(self, exc)
            return
        self.result_resident = saved
        self.created = created
        self.accept()

    def _save_consents(self, r: ResidentView) -> None:
        active = self._active_consent(r)
        for purpose, check in self.consent_checks.items():
            if check.isChecked() and purpose not in active:
                self.services.residents.add_consent(
                    r.id, purpose, from_qdate(self.consent_dates[purpose].date()))
            elif not check.isChecked() and purpose in active:
                self.services.residents.withdraw_consent(active[purpose], dt.date.today())

    # -- duplicates ----------------------------------------------------------------------
    def _show_duplicates(self, candidates: list[ResidentView]) -> None:
        n = len(candidates)
        self.duplicate_text.setText(self.tr(
            "Deze inwoner staat misschien al in de lijst (%n gevonden). Is het een van "
            "deze? Kies dan 'Deze gebruiken'. Is het echt iemand anders? Kies 'Toch nieuw "
            "aanmaken'.", "", n))
        self.duplicate_list.clear()
        for r in candidates:
            item = QListWidgetItem(resident_summary(r), self.duplicate_list)
            item.setData(Qt.ItemDataRole.UserRole, r)
        self.duplicate_list.setCurrentRow(0)
        self.duplicate_box.show()
        self._fit()
        self.save_button.setEnabled(False)
        self.use_existing_button.setDefault(True)
        self.duplicate_list.setFocus()

    def duplicate_candidates(self) -> list[ResidentView]:
        return [self.duplicate_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.duplicate_list.count())]

    def _use_existing(self) -> None:
        item = self.duplicate_list.currentItem()
        if item is None:
            return
        self.result_resident = item.data(Qt.ItemDataRole.UserRole)
        self.created = False
        self.accept()
