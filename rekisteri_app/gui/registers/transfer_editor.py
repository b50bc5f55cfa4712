"""The transfer editor: one transfer outside the EU/EEA; saving saves its register."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ...domain import validation as v
from ...domain import vocabulary
from ...i18n import N_, _
from ..fields import ChoiceCombo, CountryCombo
from .editor_dialog import EditorDialog, iso_date, key_id


class TransferEditor(EditorDialog):
    """One transfer of one register; saving saves the whole register.

    Options: `register_id` and `index` (its place in the register's transfers), both
    None for a new transfer, whose register is then chosen in the form.
    """

    kind = "registers"
    ui_file = "transfer_editor.ui"
    noun = N_("Transfer")
    new_title = N_("New transfer")

    def __init__(
        self,
        ctx: Any,
        register_id: int | None = None,
        index: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.index = index
        super().__init__(ctx, register_id, parent)

    def setup(self) -> None:
        from ...services import entities

        self.register_combo = self.widget(QComboBox, "register")
        ChoiceCombo.fill(
            self.register_combo, [(r.id, r.name) for r in entities.list_registers(self.ctx)]
        )
        self.register_combo.setEnabled(self.ident is None)
        self.country = CountryCombo(self.widget(QComboBox, "country"), blank=False)
        self.check(
            "country",
            v.normalise_destination,
            N_("Country"),
            required=True,
            value=self.country.code,
        )
        self.check("recipient", None, N_("Recipient"), required=True)
        self.date_check("dpf_checked_on", N_("DPF checked on"))
        self.processor_combo = self.widget(QComboBox, "processor")
        processors = entities.list_processors(self.ctx)
        ChoiceCombo.fill(
            self.processor_combo,
            [(f"processor-{p.id}", p.name) for p in processors],
            blank=_("(none)"),
        )
        self.safeguard_combo = self.widget(QComboBox, "safeguard")
        ChoiceCombo.fill(
            self.safeguard_combo,
            vocabulary.choices(vocabulary.SAFEGUARDS),
            danger=vocabulary.is_invalid_safeguard,
        )
        self.module_combo = self.widget(QComboBox, "scc_module")
        ChoiceCombo.fill(self.module_combo, vocabulary.choices(vocabulary.SCC_MODULES), blank="")
        self.safeguard_note = self.widget(QLabel, "safeguardNote")
        self.safeguard_combo.currentIndexChanged.connect(self._safeguard_changed)
        self.watch(
            self.register_combo,
            self.processor_combo,
            self.safeguard_combo,
            self.module_combo,
            self.widget(QLineEdit, "derogation"),
            self.widget(QPlainTextEdit, "description"),
        )
        if not self.register_combo.count():
            self.check(
                "register",
                None,
                N_("Register"),
                required=True,
                value=lambda: self.register_combo.currentText(),
            )

    def load(self) -> dict[str, Any]:
        from ...services import entities

        if self.ident is None:
            self.register_data: dict[str, Any] | None = None
            return self.blank()
        self.register_data = entities.get(self.ctx, "registers", self.ident)
        if self.index is None:
            return self.blank()
        return dict(self.register_data["transfers"][self.index])

    def blank(self) -> dict[str, Any]:
        return {
            "country": "",
            "recipient": "",
            "processor": None,
            "safeguard": "scc-2021-914",
            "scc_module": None,
            "dpf_checked_on": None,
            "derogation": None,
            "description": None,
        }

    def subject(self) -> str:
        recipient = self.widget(QLineEdit, "recipient").text().strip()
        return (
            _("Transfer to {recipient}").format(recipient=recipient) if recipient else _(self.noun)
        )

    def populate(self, data: dict[str, Any]) -> None:
        if self.ident is not None:
            ChoiceCombo.select(self.register_combo, self.ident)
        self.country.set_code(data.get("country"))
        self.texts(("recipient", "dpf_checked_on", "derogation", "description"), data)
        ChoiceCombo.select(self.processor_combo, data.get("processor"))
        ChoiceCombo.select(self.safeguard_combo, data.get("safeguard"))
        ChoiceCombo.select(self.module_combo, data.get("scc_module"))
        self._safeguard_changed()

    def _safeguard_changed(self, *_args: Any) -> None:
        value = ChoiceCombo.value(self.safeguard_combo)
        if vocabulary.is_invalid_safeguard(value):
            self.safeguard_note.setText(
                _(
                    "This transfer tool is no longer valid. Record the tool now in use, for "
                    "example the 2021 standard contractual clauses."
                )
            )
            self.safeguard_note.setStyleSheet("color: #c62828;")
        else:
            self.safeguard_note.setText("")

    def collect_raw(self) -> dict[str, Any]:
        data = dict(self.original)
        data["country"] = self.country.code().strip().upper()
        data.update(self.read_texts(("recipient", "dpf_checked_on", "derogation", "description")))
        data["recipient"] = data["recipient"] or ""
        data["processor"] = ChoiceCombo.value(self.processor_combo)
        data["safeguard"] = ChoiceCombo.value(self.safeguard_combo)
        data["scc_module"] = ChoiceCombo.value(self.module_combo)
        data["_register"] = ChoiceCombo.value(self.register_combo)
        return data

    def collect(self) -> dict[str, Any]:
        data = self.collect_raw()
        data.pop("_register", None)
        data["country"] = v.normalise_destination(data["country"])
        data["dpf_checked_on"] = v.optional(iso_date, data["dpf_checked_on"])
        return data

    def store(self, data: dict[str, Any]) -> dict[str, Any]:
        from ...services import entities

        register_id = (
            self.ident if self.ident is not None else ChoiceCombo.value(self.register_combo)
        )
        register = entities.get(self.ctx, "registers", register_id)  # fresh: merge one item
        transfers = register["transfers"]
        if self.index is None or self.ident is None:
            transfers.append(data)
            index = len(transfers) - 1
        else:
            transfers[self.index] = data
            index = self.index
        result = entities.save(self.ctx, "registers", register, register_id)
        self.index = index
        return result

    def after_save(self, result: dict[str, Any]) -> None:
        self.ident = key_id(result.get("key"))
        self.register_data = result
        self.original = dict(result["transfers"][self.index or 0])
        self.register_combo.setEnabled(False)
        self.populate(self.original)
