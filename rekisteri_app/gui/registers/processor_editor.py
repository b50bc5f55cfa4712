"""The processor editor: a company processing personal data under an agreement."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from ...domain import validation as v
from ...i18n import N_, _
from ..fields import ChoiceCombo, CountryCombo
from ..list_editor import Column, ListEditor
from .editor_dialog import EditorDialog, iso_date


class ProcessorEditor(EditorDialog):
    kind = "processors"
    ui_file = "processor_editor.ui"
    noun = N_("Processor")
    new_title = N_("New processor")

    LINE_FIELDS = ("contact_name",)
    TEXT_FIELDS = ("address", "notes")

    def setup(self) -> None:
        from ...services import entities

        self.name = self.widget(QLineEdit, "name")
        self.check("name", None, N_("Name"), required=True)
        self.is_category = self.widget(QCheckBox, "is_category")
        self.is_category.toggled.connect(self.refresh_state)
        self.check("business_id", v.normalise_business_id, N_("Business ID"))
        self.country = CountryCombo(self.widget(QComboBox, "country"), blank=True)
        self.check("country", v.normalise_country_code, N_("Country"), value=self.country.code)
        self.check("email", v.normalise_email, N_("E-mail"))
        self.check("phone", v.normalise_phone, N_("Phone"))
        self.date_check("dpa_signed_on", N_("Agreement signed"))
        self.date_check("dpa_review_on", N_("Agreement review"))
        self.parent_combo = self.widget(QComboBox, "parent")
        ChoiceCombo.fill(
            self.parent_combo,
            [
                (f"processor-{p.id}", p.name)
                for p in entities.list_processors(self.ctx)
                if p.id != self.ident
            ],
            blank=_("(none)"),
        )
        self.watch(
            self.parent_combo,
            *(self.form.findChild(QWidget, n) for n in self.LINE_FIELDS + self.TEXT_FIELDS),
        )
        self.list_editor("services", [Column("service", N_("Service"), required=True)], scalar=True)

    def blank(self) -> dict[str, Any]:
        return {"name": "", "services": []}

    def subject(self) -> str:
        name = self.name.text().strip() if hasattr(self, "name") else ""
        return _("Processor {name}").format(name=name) if name else _(self.noun)

    def populate(self, data: dict[str, Any]) -> None:
        self.texts(
            (
                "name",
                "business_id",
                "email",
                "phone",
                "dpa_signed_on",
                "dpa_review_on",
                *self.LINE_FIELDS,
                *self.TEXT_FIELDS,
            ),
            data,
        )
        self.country.set_code(data.get("country"))
        ChoiceCombo.select(self.parent_combo, data.get("parent"))
        self.widget(ListEditor, "services").set_value(data.get("services") or [])
        self.is_category.setChecked(bool(data.get("is_category")))
        self._translations = data.get("translations")

    def collect_raw(self) -> dict[str, Any]:
        data = self.read_texts(
            (
                "name",
                "business_id",
                "email",
                "phone",
                "dpa_signed_on",
                "dpa_review_on",
                *self.LINE_FIELDS,
                *self.TEXT_FIELDS,
            )
        )
        data["name"] = data["name"] or ""
        data["country"] = self.country.code().strip() or None
        data["parent"] = ChoiceCombo.value(self.parent_combo)
        data["services"] = self.widget(ListEditor, "services").value()
        data["is_category"] = self.is_category.isChecked()
        # edited nowhere here (the name and address are proper names); kept as they are
        data["translations"] = getattr(self, "_translations", None)
        return data

    def collect(self) -> dict[str, Any]:
        data = self.collect_raw()
        for name, normaliser in (
            ("business_id", v.normalise_business_id),
            ("country", v.normalise_country_code),
            ("email", v.normalise_email),
            ("phone", v.normalise_phone),
            ("dpa_signed_on", iso_date),
            ("dpa_review_on", iso_date),
        ):
            data[name] = v.optional(normaliser, data[name])
        return data
