"""The controller editor: the organisation named as controller, with its addresses, its
type, a shared data protection officer, a group company's shared address block or
business ID, and its texts in each language side by side."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...domain import validation as v
from ...domain import vocabulary
from ...i18n import N_, _
from ..fields import ChoiceCombo, set_text, text_of
from ..list_editor import ListEditor
from .editor_dialog import EditorDialog, contact_columns, normalise_contacts
from .translation_table import TranslationTable, slots_for

#: How the texts table names the controller's own texts.
TEXT_LABELS = {
    "name": N_("Name"),
    "visiting_address": N_("Visiting address"),
    "postal_address": N_("Postal address"),
    "dpo_contact": N_("Data protection officer"),
}
REFERENCES = ("dpo", "controller_type", "address_from", "business_id_from")


def split_postal_address(text: str | None) -> tuple[str, str, str, str]:
    """(street, postcode, town, separator) of a stored postal address.

    The last line (or the part after the last comma) is the postcode and town when it
    reads like "00520 Helsinki"; otherwise everything stays in the street field, so
    nothing the officer wrote is lost. The separator is kept to write it back alike.
    """
    text = (text or "").strip()
    if not text:
        return "", "", "", "\n"
    for separator in ("\n", ","):
        if separator in text:
            head, _sep, tail = text.rpartition(separator)
        else:
            head, tail = "", text
        try:
            postcode, town = v.split_postal_line(tail.strip())
        except v.ValidationError:
            continue
        return head.strip(), postcode, town, ("\n" if separator == "\n" else ", ")
    return text, "", "", "\n"


def join_postal_address(street: str, postcode: str, town: str, separator: str = "\n") -> str:
    last = " ".join(part for part in (postcode.strip(), town.strip()) if part)
    parts = [part for part in (street.strip(), last) if part]
    return separator.join(parts)


class ControllerEditor(EditorDialog):
    kind = "controllers"
    ui_file = "controller_editor.ui"
    noun = N_("Controller")
    new_title = N_("New controller")

    def setup(self) -> None:
        from ...services import entities

        self.name = self.widget(QLineEdit, "name")
        self._separator = "\n"
        self.check("name", None, N_("Name"), required=True)
        self.check("business_id", v.normalise_business_id, N_("Business ID"))
        self.check("postal_postcode", v.normalise_postcode, N_("Postcode"))
        self.check("phone", v.normalise_phone, N_("Phone"))
        self.check("email", v.normalise_email, N_("E-mail"))
        self.check("web", v.normalise_web_address, N_("Web address"))
        self.watch(
            *(
                self.form.findChild(QWidget, n)
                for n in ("visiting_address", "postal_street", "postal_town", "dpo_contact")
            )
        )
        self.list_editor("contacts", contact_columns())
        self.check("visiting_address", v.normalise_postal_address, N_("Visiting address"))
        others = [
            (f"controller-{c.id}", c.name)
            for c in entities.list_controllers(self.ctx)
            if c.id != self.ident
        ]
        self.combos = {name: self.widget(QComboBox, name) for name in REFERENCES}
        ChoiceCombo.fill(
            self.combos["dpo"],
            [(f"dpo-{o.id}", o.name) for o in entities.list_dpos(self.ctx)],
            blank=_("(none)"),
        )
        ChoiceCombo.fill(
            self.combos["controller_type"],
            vocabulary.choices(vocabulary.CONTROLLER_TYPES),
            blank=_("(not recorded)"),
        )
        for name in ("address_from", "business_id_from"):
            ChoiceCombo.fill(self.combos[name], others, blank=_("(its own)"))
        self.watch(*self.combos.values())
        box = self.widget(QWidget, "translationsBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.translations = TranslationTable(box, shared=True)
        self.translations.setMinimumHeight(140)
        layout.addWidget(self.translations)
        self.translations.changed.connect(self.refresh_state)
        self._translations: dict[str, Any] = {"translations": None}
        self.widget(ListEditor, "contacts").changed.connect(self.show_translations)

    def show_translations(self) -> None:
        """The controller's texts and its contacts' as they stand in the form."""
        if not hasattr(self, "translations"):
            return
        current = self.collect_raw()
        for name in TEXT_LABELS:
            self._translations[name] = current.get(name)
        slots = slots_for("controller", self._translations, lambda f: _(TEXT_LABELS[f]))
        contacts = self.widget(ListEditor, "contacts")
        headers = {c.field: _(c.header) for c in contacts.model.columns}
        for row, item in enumerate(contacts.model.rows):
            slots += slots_for(
                "contacts",
                item,
                lambda f, r=row: _("Contact {n}: {field}").format(n=r + 1, field=headers.get(f, f)),
            )
        self.translations.set_slots(slots)

    def blank(self) -> dict[str, Any]:
        return {"name": "", "contacts": []}

    def subject(self) -> str:
        name = self.name.text().strip() if hasattr(self, "name") else ""
        return _("Controller {name}").format(name=name) if name else _(self.noun)

    def populate(self, data: dict[str, Any]) -> None:
        self.texts(
            ("name", "business_id", "visiting_address", "phone", "email", "web", "dpo_contact"),
            data,
        )
        street, postcode, town, self._separator = split_postal_address(data.get("postal_address"))
        set_text(self.widget(QPlainTextEdit, "postal_street"), street)
        set_text(self.widget(QLineEdit, "postal_postcode"), postcode)
        set_text(self.widget(QLineEdit, "postal_town"), town)
        self.widget(ListEditor, "contacts").set_value(data.get("contacts") or [])
        for name, combo in self.combos.items():
            ChoiceCombo.select(combo, data.get(name))
        self._translations = {"translations": data.get("translations")}
        self.show_translations()

    def collect_raw(self) -> dict[str, Any]:
        data = self.read_texts(
            ("name", "business_id", "visiting_address", "phone", "email", "web", "dpo_contact")
        )
        data["name"] = data["name"] or ""
        street = text_of(self.widget(QPlainTextEdit, "postal_street"))
        postcode = text_of(self.widget(QLineEdit, "postal_postcode"))
        town = text_of(self.widget(QLineEdit, "postal_town"))
        data["postal_address"] = (
            join_postal_address(street, postcode, town, self._separator) or None
        )
        data["contacts"] = self.widget(ListEditor, "contacts").value()
        if hasattr(self, "combos"):
            for name, combo in self.combos.items():
                data[name] = ChoiceCombo.value(combo)
            data["translations"] = self._translations.get("translations")
        return data

    def collect(self) -> dict[str, Any]:
        data = self.collect_raw()
        street = text_of(self.widget(QPlainTextEdit, "postal_street"))
        postcode = (
            v.optional(v.normalise_postcode, text_of(self.widget(QLineEdit, "postal_postcode")))
            or ""
        )
        town = text_of(self.widget(QLineEdit, "postal_town"))
        data["postal_address"] = (
            join_postal_address(street, postcode, town, self._separator) or None
        )
        for name, normaliser in (
            ("business_id", v.normalise_business_id),
            ("email", v.normalise_email),
            ("phone", v.normalise_phone),
            ("web", v.normalise_web_address),
            ("visiting_address", v.normalise_postal_address),
        ):
            data[name] = v.optional(normaliser, data[name])
        normalise_contacts(data["contacts"])
        return data
