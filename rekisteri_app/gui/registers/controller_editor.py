"""The controller editor: the organisation named as controller, with its addresses."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ...domain import validation as v
from ...i18n import N_, _
from ..fields import set_text, text_of
from ..list_editor import ListEditor
from .editor_dialog import EditorDialog, contact_columns, normalise_contacts


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
        ):
            data[name] = v.optional(normaliser, data[name])
        normalise_contacts(data["contacts"])
        return data
