"""The register editor: one register's Art. 30 record, tab by tab, and duplicating it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QPushButton, QWidget

from ...domain import validation as v
from ...domain import vocabulary
from ...i18n import N_, _, current_language
from .. import dialogs
from ..list_editor import Column, ListEditor
from .editor_dialog import EditorDialog, contact_columns, iso_date, key_id, normalise_contacts

REGISTER_TEXTS = (
    "description",
    "provision_requirement",
    "rights_instructions",
    "identity_proof",
    "response_time",
    "request_address",
    "changes_policy",
    "transfers_statement",
    "retention_statement",
)
REGISTER_LISTS = (
    "controllers",
    "contacts",
    "purposes",
    "legal_bases",
    "subject_groups",
    "data_categories",
    "retention_rules",
    "sources",
    "recipients",
    "processors",
    "transfers",
    "security_measures",
    "automated_decisions",
    "rights",
)


class RegisterEditor(EditorDialog):
    kind = "registers"
    ui_file = "register_editor.ui"
    noun = N_("Register")
    new_title = N_("New register")

    duplicate_requested = Signal(int)

    def setup(self) -> None:
        from ...domain.adequacy import countries
        from ...services import entities

        self._controllers = [
            (f"controller-{c.id}", c.name) for c in entities.list_controllers(self.ctx)
        ]
        self._processors = [
            (f"processor-{p.id}", p.name) for p in entities.list_processors(self.ctx)
        ]
        self._countries = [
            (code, f"{name} ({code})") for code, name in countries(current_language())
        ]
        self.name = self.widget(QLineEdit, "name")
        self.check("name", None, N_("Name"), required=True)
        self.watch(*(self.form.findChild(QWidget, n) for n in REGISTER_TEXTS))

        self.list_editor(
            "controllers",
            [
                Column(
                    "controller",
                    N_("Controller"),
                    "choice",
                    choices=lambda: self._controllers,
                    required=True,
                    width=320,
                ),
                Column(
                    "role",
                    N_("Role"),
                    "choice",
                    default="controller",
                    choices=lambda: vocabulary.choices(vocabulary.CONTROLLER_ROLES),
                    required=True,
                ),
            ],
        )
        self.list_editor("contacts", contact_columns())
        self.list_editor(
            "purposes", [Column("text", N_("Purpose"), "long", required=True)], scalar=True
        )
        self.list_editor(
            "legal_bases",
            [
                Column(
                    "article",
                    N_("GDPR Art. 6(1)"),
                    "choice",
                    blank=True,
                    width=200,
                    choices=lambda: vocabulary.choices(vocabulary.ARTICLES),
                ),
                Column("national_law", N_("National law"), width=220),
                Column("description", N_("Description"), "long"),
            ],
        )
        self.subject_groups = self.list_editor(
            "subject_groups",
            [
                Column("name", N_("Group"), required=True, width=260),
                Column("description", N_("Description"), "long"),
            ],
        )
        self.categories = self.list_editor(
            "data_categories",
            [
                Column(
                    "heading",
                    N_("Heading"),
                    width=160,
                    tooltip=N_("Groups categories as the notice prints them"),
                ),
                Column("name", N_("Category"), required=True, width=260),
                Column(
                    "special",
                    N_("Special (Art. 9)"),
                    "bool",
                    default=False,
                    width=110,
                    tooltip=N_("Special category of personal data (GDPR Art. 9)"),
                ),
                Column(
                    "subject_group",
                    N_("Data subject group"),
                    "choice",
                    blank=True,
                    choices=self._group_names,
                ),
            ],
            new_row=self._new_category,
        )
        self.list_editor(
            "retention_rules",
            [
                Column(
                    "data_category",
                    N_("Data category"),
                    "choice",
                    blank=True,
                    width=180,
                    choices=self._category_choices,
                ),
                Column("applies_to", N_("Applies to"), width=130),
                Column("period_value", N_("Period"), "int", width=60),
                Column(
                    "period_unit",
                    N_("Unit"),
                    "choice",
                    blank=True,
                    width=80,
                    choices=lambda: vocabulary.choices(vocabulary.PERIOD_UNITS),
                ),
                Column("trigger", N_("Counted from"), width=170),
                Column("description", N_("Description"), "long", width=170),
                Column("legal_ground", N_("Legal ground"), width=140),
            ],
        )
        self.list_editor(
            "sources",
            [
                Column("name", N_("Source"), required=True, width=240),
                Column(
                    "kind",
                    N_("Kind"),
                    "choice",
                    default="data-subject",
                    required=True,
                    width=200,
                    choices=lambda: vocabulary.choices(vocabulary.SOURCE_KINDS),
                ),
                Column("description", N_("Description"), "long"),
            ],
        )
        self.list_editor(
            "recipients",
            [
                Column("name", N_("Recipient"), required=True, width=220),
                Column(
                    "kind",
                    N_("Kind"),
                    "choice",
                    default="authority",
                    required=True,
                    width=180,
                    choices=lambda: vocabulary.choices(vocabulary.RECIPIENT_KINDS),
                ),
                Column("description", N_("Description"), "long", width=220),
                Column("legal_basis", N_("Legal basis"), width=160),
            ],
        )
        self.list_editor(
            "processors",
            [
                Column(
                    "processor",
                    N_("Processor"),
                    "choice",
                    required=True,
                    width=300,
                    choices=lambda: self._processors,
                ),
                Column("service", N_("Service"), "long"),
            ],
        )
        self.list_editor(
            "transfers",
            [
                Column(
                    "country",
                    N_("Country"),
                    "choice",
                    required=True,
                    width=150,
                    choices=lambda: self._countries,
                    check=v.normalise_destination,
                ),
                Column("recipient", N_("Recipient"), required=True, width=140),
                Column(
                    "processor",
                    N_("Processor"),
                    "choice",
                    blank=True,
                    width=120,
                    choices=lambda: self._processors,
                ),
                Column(
                    "safeguard",
                    N_("Safeguard"),
                    "choice",
                    required=True,
                    width=210,
                    default="scc-2021-914",
                    choices=lambda: vocabulary.choices(vocabulary.SAFEGUARDS),
                    danger=vocabulary.is_invalid_safeguard,
                ),
                Column(
                    "scc_module",
                    N_("SCC module"),
                    "choice",
                    blank=True,
                    width=120,
                    choices=lambda: vocabulary.choices(vocabulary.SCC_MODULES),
                ),
                Column("dpf_checked_on", N_("DPF checked on"), check=iso_date, width=95),
                Column("derogation", N_("Derogation"), width=80),
                Column("description", N_("Description"), "long"),
            ],
        )
        self.list_editor(
            "security_measures",
            [
                Column(
                    "kind",
                    N_("Kind"),
                    "choice",
                    default="technical",
                    required=True,
                    width=160,
                    choices=lambda: vocabulary.choices(vocabulary.SECURITY_KINDS),
                ),
                Column("text", N_("Measure"), "long", required=True),
            ],
        )
        self.list_editor(
            "automated_decisions",
            [
                Column("description", N_("Decision"), "long", required=True, width=220),
                Column("logic", N_("Logic involved"), "long", width=200),
                Column("consequences", N_("Consequences"), "long", width=200),
                Column("is_profiling", N_("Profiling"), "bool", default=False),
            ],
        )
        self.list_editor(
            "rights",
            [
                Column(
                    "right",
                    N_("Right"),
                    "choice",
                    required=True,
                    width=240,
                    choices=lambda: vocabulary.choices(vocabulary.RIGHTS),
                ),
                Column("description", N_("Conditions as published"), "long"),
            ],
        )
        self.list_editor(
            "notice_versions",
            [
                Column("version", N_("Version"), width=80),
                Column("issued_on", N_("Issued on"), width=100),
                Column("language", N_("Language"), width=80),
                Column("format", N_("Format"), width=80),
                Column("note", N_("Note")),
            ],
            read_only=True,
        )

        self.duplicate_button = QPushButton(_("Duplicate register…"), self)
        self.duplicate_button.setAutoDefault(False)
        self.duplicate_button.setToolTip(_("Start a new register from this one"))
        self.duplicate_button.clicked.connect(self._duplicate)
        self.bar.insertWidget(0, self.duplicate_button)

    # choices that follow the other lists of the same form
    def _group_names(self) -> list[tuple[str, str]]:
        return [(g["name"], g["name"]) for g in self.subject_groups.value() if g.get("name")]

    def _category_choices(self) -> list[tuple[str, str]]:
        return [
            (c["key"], c.get("name") or c["key"])
            for c in self.categories.model.rows
            if c.get("key")
        ]

    @staticmethod
    def _new_category(rows: list[dict[str, Any]]) -> dict[str, Any]:
        taken = {row.get("key") for row in rows}
        number = 1
        while f"new-category-{number}" in taken:
            number += 1
        return {"key": f"new-category-{number}"}

    def blank(self) -> dict[str, Any]:
        return {
            "name": "",
            **dict.fromkeys(REGISTER_TEXTS),
            **{n: [] for n in REGISTER_LISTS},
            "notice_versions": [],
        }

    def subject(self) -> str:
        name = self.name.text().strip() if hasattr(self, "name") else ""
        return _("Register {name}").format(name=name) if name else _(self.noun)

    def populate(self, data: dict[str, Any]) -> None:
        self.name.setText(data.get("name") or "")
        self.texts(REGISTER_TEXTS, data)
        for name in (*REGISTER_LISTS, "notice_versions"):
            self.widget(ListEditor, name).set_value(data.get(name) or [])
        self.duplicate_button.setEnabled(self.ident is not None)

    def collect_raw(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name.text().strip()}
        data.update(self.read_texts(REGISTER_TEXTS))
        for name in REGISTER_LISTS:
            data[name] = self.widget(ListEditor, name).value()
        data["notice_versions"] = self.original.get("notice_versions") or []
        return data

    def collect(self) -> dict[str, Any]:
        data = self.collect_raw()
        normalise_contacts(data["contacts"])
        for transfer in data["transfers"]:
            transfer["country"] = v.normalise_destination(transfer["country"])
        return data

    def _duplicate(self) -> None:
        if self.ident is None:
            return
        if self.is_dirty():
            answer = dialogs.ask_unsaved(self, self.subject())
            if answer == dialogs.CANCEL or (answer == dialogs.SAVE and not self.save()):
                return
            if answer == dialogs.DISCARD:
                self.populate(self.original)
                self.baseline = self.collect_raw()
        copy_id = duplicate_register(self, self.ctx, self.ident, self.name.text().strip())
        if copy_id is not None:
            self.saved.emit(self.kind, copy_id)
            self.duplicate_requested.emit(copy_id)


def duplicate_register(parent: QWidget, ctx: Any, ident: int, name: str) -> int | None:
    """Ask for the copy's name and make it; returns the new register's id."""
    from ...services import entities
    from ...services.context import ServiceError
    from ...services.exchange import InvalidDocument

    new_name, ok = QInputDialog.getText(
        parent,
        _("Duplicate register"),
        _("Name of the new register:"),
        QLineEdit.EchoMode.Normal,
        _("{name} (copy)").format(name=name),
    )
    if not ok or not new_name.strip():
        return None
    try:
        result = entities.duplicate_register(ctx, ident, new_name.strip())
    except InvalidDocument as exc:
        dialogs.show_problems(
            parent,
            _("Not duplicated"),
            _("The register was not duplicated: {n} problems.").format(n=len(exc.problems)),
            exc.problems,
        )
        return None
    except ServiceError as exc:
        dialogs.show_error(parent, _("Not duplicated"), str(exc))
        return None
    return key_id(result.get("key"))
