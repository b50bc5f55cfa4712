"""The data protection officer editor: one officer, possibly shared by several
controllers (each controller refers to it; the notice prints it once)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...domain import validation as v
from ...i18n import N_, _
from .editor_dialog import EditorDialog
from .translation_table import TranslationTable, slots_for

FIELDS = ("name", "role", "email", "phone", "web", "address")
TEXT_LABELS = {"role": N_("Role"), "address": N_("Postal address")}


class DpoEditor(EditorDialog):
    kind = "dpos"
    ui_file = "dpo_editor.ui"
    noun = N_("Data protection officer")
    new_title = N_("New data protection officer")

    def setup(self) -> None:
        self.name = self.widget(QLineEdit, "name")
        self.publish_name = self.widget(QCheckBox, "publish_name")
        self.publish_name.toggled.connect(self.refresh_state)
        self.check("email", v.normalise_email, N_("E-mail"))
        self.check("phone", v.normalise_phone, N_("Phone"))
        self.check("web", v.normalise_web_address, N_("Web address"))
        self.check("address", v.normalise_postal_address, N_("Postal address"))
        self.watch(self.name, self.widget(QLineEdit, "role"))
        box = self.widget(QWidget, "translationsBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.translations = TranslationTable(box, shared=True)
        layout.addWidget(self.translations)
        self.translations.changed.connect(self.refresh_state)
        for name in ("role", "address"):
            widget = self.form.findChild(QWidget, name)
            signal = widget.textChanged  # type: ignore[attr-defined]
            signal.connect(self.show_translations)
        self._translations: dict[str, Any] = {"translations": None}

    def blank(self) -> dict[str, Any]:
        return {"publish_name": True}

    def subject(self) -> str:
        name = self.name.text().strip() if hasattr(self, "name") else ""
        return _("Data protection officer {name}").format(name=name) if name else _(self.noun)

    def show_translations(self, *_args: Any) -> None:
        if not hasattr(self, "translations"):
            return
        self._translations.update(
            role=self.widget(QLineEdit, "role").text().strip(),
            address=self.widget(QPlainTextEdit, "address").toPlainText().strip(),
        )
        slots = slots_for("dpo", self._translations, lambda f: _(TEXT_LABELS[f]))
        self.translations.set_slots(slots)

    def populate(self, data: dict[str, Any]) -> None:
        self.texts(FIELDS, data)
        self.publish_name.setChecked(data.get("publish_name") is not False)
        self._translations = {"translations": data.get("translations")}
        self.show_translations()

    def collect_raw(self) -> dict[str, Any]:
        data = self.read_texts(FIELDS)
        data["publish_name"] = self.publish_name.isChecked()
        data["translations"] = self._translations.get("translations")
        return data

    def collect(self) -> dict[str, Any]:
        data = self.collect_raw()
        for name, normaliser in (
            ("email", v.normalise_email),
            ("phone", v.normalise_phone),
            ("web", v.normalise_web_address),
            ("address", v.normalise_postal_address),
        ):
            data[name] = v.optional(normaliser, data[name])
        return data
