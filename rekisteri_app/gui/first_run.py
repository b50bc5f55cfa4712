"""The first run of a new database: who answers and for whom, so the first letter can go.

A letter names the controller (name, business ID, postal address) and the privacy
officer (name, title, phone or e-mail); a new database has none of them, and the first
letter would be blocked. This short form asks for them once, right after the database
is created (never for the demo), and stores them with the ordinary services: one
controller record (entities) and one settings change, each audited. "Later" stores
nothing; everything stays editable in Edit → Settings and on the Controllers page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain import validation as v
from ..domain.enums import Language
from ..domain.vocabulary import LANGUAGES, label
from ..i18n import _
from ..services import entities, settings
from ..services.context import ServiceError
from .screen import fit_to_screen


def needs_setup(ctx: Any) -> bool:
    """True for a database nobody has set up yet: no controller and no officer."""
    return not entities.list_controllers(ctx) and not settings.get(ctx, settings.OFFICER_NAME)


class FirstRunDialog(QDialog):
    """Organisation (the controller), the privacy officer, the reply languages."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Set up the new database"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Letters name the controller and the privacy officer. Fill them in now so "
                "that the first letter can be issued; you can change everything later in "
                "Edit → Settings and on the Controllers page."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        organisation = QGroupBox(_("Organisation (the controller)"))
        form = QFormLayout(organisation)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit()
        self.business_id = QLineEdit()
        self.business_id.setPlaceholderText("1234567-8")
        self.street = QLineEdit()
        self.postcode = QLineEdit()
        self.postcode.setMaximumWidth(90)
        self.town = QLineEdit()
        town_row = QHBoxLayout()
        town_row.addWidget(self.postcode)
        town_row.addWidget(self.town, 1)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Business ID"), self.business_id)
        form.addRow(_("Street or PO box"), self.street)
        form.addRow(_("Postcode and town"), town_row)
        layout.addWidget(organisation)

        officer = QGroupBox(_("Privacy officer"))
        form = QFormLayout(officer)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.officer = {
            settings.OFFICER_NAME: QLineEdit(),
            settings.OFFICER_TITLE: QLineEdit(),
            settings.OFFICER_PHONE: QLineEdit(),
            settings.OFFICER_EMAIL: QLineEdit(),
        }
        for key, field in self.officer.items():
            form.addRow(_(settings.spec(key).label), field)
        layout.addWidget(officer)

        replies = QGroupBox(_("Requests are answered in"))
        row = QHBoxLayout(replies)
        self.languages: dict[str, QCheckBox] = {}
        for lang in Language:
            box = QCheckBox(label(LANGUAGES, lang))
            box.setChecked(lang is Language.FI)
            self.languages[lang.value] = box
            row.addWidget(box)
        row.addStretch(1)
        layout.addWidget(replies)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = self.buttons.addButton(
            _("Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 560, 0)

    # ------------------------------------------------------------------ values
    def controller(self) -> dict[str, Any]:
        """The controller record as the Controllers page's editor stores it."""
        postcode = v.optional(v.normalise_postcode, self.postcode.text()) or ""
        last = " ".join(part for part in (postcode, self.town.text().strip()) if part)
        address = "\n".join(part for part in (self.street.text().strip(), last) if part)
        return {
            "name": self.name.text().strip(),
            "business_id": v.optional(v.normalise_business_id, self.business_id.text()),
            "postal_address": address or None,
            "contacts": [],
        }

    def setting_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            key: field.text().strip() or None for key, field in self.officer.items()
        }
        email = values[settings.OFFICER_EMAIL]
        values[settings.OFFICER_EMAIL] = v.optional(v.normalise_email, email)
        phone = values[settings.OFFICER_PHONE]
        values[settings.OFFICER_PHONE] = v.optional(v.normalise_phone, phone)
        values[settings.ORGANISATION_NAME] = self.name.text().strip() or None
        values[settings.REPLY_LANGUAGES] = (
            ",".join(code for code, box in self.languages.items() if box.isChecked()) or None
        )
        return values

    def accept(self) -> None:
        if not self.name.text().strip():
            self.message.setText(_("Give the organisation's name (the controller)."))
            self.name.setFocus()
            return
        try:
            controller = self.controller()
            values = self.setting_values()
            entities.save(self.ctx, "controllers", controller)
            settings.set_many(self.ctx, values)
        except v.ValidationError as exc:
            self.message.setText(exc.message)
            return
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        super().accept()


def offer_setup(owner: QWidget, ctx: Any, on_done: Any = None) -> FirstRunDialog | None:
    """Show the setup (without blocking) when the database has not been set up."""
    if not needs_setup(ctx):
        return None
    dialog = FirstRunDialog(ctx, owner)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_done is not None:
        dialog.accepted.connect(on_done)
    dialog.open()
    return dialog
