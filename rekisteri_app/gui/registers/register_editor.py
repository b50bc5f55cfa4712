"""The register editor: one register's Art. 30 record, tab by tab, its notice's
statements, dates and languages (side by side), and duplicating it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import validation as v
from ...domain import vocabulary
from ...domain.translations import LANGUAGES, REGISTER_LISTS
from ...i18n import N_, _, current_language
from .. import dialogs
from ..fields import ChoiceCombo
from ..list_editor import Column, ListEditor
from .editor_dialog import EditorDialog, contact_columns, iso_date, key_id, normalise_contacts
from .translation_table import Slot, TranslationTable, slots_for

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
    "joint_arrangement",
)
#: Plain lines of the Notice tab (dates checked as ISO dates, the form as a web address).
NOTICE_LINES = (
    "notice_version_label",
    "notice_valid_from",
    "notice_updated_on",
    "request_web_form",
)
#: How the Languages tab names the register's own texts.
TEXT_LABELS = {
    "name": N_("Name of the register"),
    "description": N_("Description"),
    "provision_requirement": N_("Must the data be given?"),
    "rights_instructions": N_("How to exercise the rights"),
    "identity_proof": N_("Proof of identity"),
    "response_time": N_("Response time"),
    "request_address": N_("Where to send requests"),
    "changes_policy": N_("Changes to this notice"),
    "transfers_statement": N_("General statement on transfers"),
    "retention_statement": N_("General statement on retention"),
    "joint_arrangement": N_("Joint controllers' arrangement"),
}
EDITED_LISTS = (
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
    "statements",
    "notice_references",
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
        self._registers = [
            (f"register-{r.id}", r.name)
            for r in entities.list_registers(self.ctx)
            if r.id != self.ident
        ]
        self.name = self.widget(QLineEdit, "name")
        self.check("name", None, N_("Name"), required=True)
        self.date_check("notice_valid_from", N_("Valid from"))
        self.date_check("notice_updated_on", N_("Last updated"))
        self.check("request_web_form", v.normalise_web_address, N_("Web form for requests"))
        self.watch(*(self.form.findChild(QWidget, n) for n in (*REGISTER_TEXTS, *NOTICE_LINES)))
        self.language = self.widget(QComboBox, "language")
        ChoiceCombo.fill(self.language, vocabulary.choices(vocabulary.LANGUAGES))
        self.watch(self.language)
        self.published = {lang: self.widget(QCheckBox, f"publish_{lang}") for lang in LANGUAGES}
        for lang, box in self.published.items():
            box.setText(vocabulary.label(vocabulary.LANGUAGES, lang))
            box.toggled.connect(self.refresh_state)
        self.language.currentIndexChanged.connect(self._primary_changed)
        self._translations: dict[str, Any] = {"translations": None}
        self._setup_translations()

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
            "purposes",
            [
                Column("text", N_("Purpose"), "long", required=True, width=420),
                Column(
                    "bases",
                    N_("Rests on Art. 6(1)"),
                    check=v.normalise_articles,
                    width=160,
                    tooltip=N_(
                        "Optional: the points of Art. 6(1) this purpose rests on, e.g. b, f"
                    ),
                ),
            ],
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
            "statements",
            [
                Column(
                    "kind",
                    N_("Statement"),
                    "choice",
                    required=True,
                    width=260,
                    default="no-transfers",
                    choices=lambda: vocabulary.choices(vocabulary.STATEMENT_KINDS),
                ),
                Column(
                    "text",
                    N_("Own wording (blank: the standard sentence)"),
                    "long",
                    tooltip=N_(
                        "Purposes, applicable laws, disclosures and where the notice is "
                        "available need their text; the others print a standard sentence "
                        "when this is blank."
                    ),
                ),
            ],
        )
        self.list_editor(
            "notice_references",
            [
                Column("title", N_("Title"), width=260),
                Column("url", N_("Web address"), check=v.normalise_web_address, width=260),
                Column(
                    "register",
                    N_("Register in this database"),
                    "choice",
                    blank=True,
                    choices=lambda: self._registers,
                ),
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

    # languages side by side
    def _setup_translations(self) -> None:
        box = self.widget(QWidget, "translationsBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.translations = TranslationTable(box)
        layout.addWidget(self.translations)
        self.translations.changed.connect(self.refresh_state)
        tabs = self.widget(QTabWidget, "tabs")
        tabs.currentChanged.connect(lambda _i: self.show_translations())

    def _primary_changed(self, *_args: Any) -> None:
        primary = ChoiceCombo.value(self.language)
        if primary in self.published:
            self.published[primary].setChecked(True)
        self.show_translations()

    def published_languages(self) -> list[str]:
        primary = ChoiceCombo.value(self.language) or "fi"
        chosen = [lang for lang, box in self.published.items() if box.isChecked()]
        return list(dict.fromkeys([primary, *chosen]))

    def translation_slots(self) -> list[Slot]:
        """Every translated text of the form as it stands, labelled as the form names it."""
        for name in REGISTER_TEXTS:
            self._translations[name] = self.read_texts((name,))[name]
        self._translations["name"] = self.name.text().strip()
        slots = slots_for("register", self._translations, lambda f: _(TEXT_LABELS.get(f, f)))
        for name in REGISTER_LISTS:
            editor = self.form.findChild(ListEditor, name)
            if editor is None:
                continue
            headers = {c.field: _(c.header) for c in editor.model.columns}
            title = _(dialogs.LIST_NAMES.get(name, name))
            for row, item in enumerate(editor.model.rows):
                slots += slots_for(
                    name,
                    item,
                    lambda f, r=row, h=headers, t=title: f"{t} {r + 1}: {h.get(f, f)}",
                )
        return slots

    def show_translations(self) -> None:
        if not hasattr(self, "translations"):
            return
        primary = ChoiceCombo.value(self.language) or "fi"
        self.translations.set_slots(self.translation_slots(), primary, self.published_languages())

    def blank(self) -> dict[str, Any]:
        return {
            "name": "",
            "language": "fi",
            "languages": None,
            **dict.fromkeys(REGISTER_TEXTS),
            **dict.fromkeys(NOTICE_LINES),
            **{n: [] for n in EDITED_LISTS},
            "notice_versions": [],
        }

    def subject(self) -> str:
        name = self.name.text().strip() if hasattr(self, "name") else ""
        return _("Register {name}").format(name=name) if name else _(self.noun)

    def populate(self, data: dict[str, Any]) -> None:
        self.name.setText(data.get("name") or "")
        self.texts(REGISTER_TEXTS, data)
        self.texts(NOTICE_LINES, data)
        ChoiceCombo.select(self.language, data.get("language") or "fi")
        published = set(data.get("languages") or []) | {data.get("language") or "fi"}
        for lang, box in self.published.items():
            box.setChecked(lang in published)
        self._translations = {"translations": data.get("translations")}
        for name in (*EDITED_LISTS, "notice_versions"):
            items = data.get(name) or []
            if name == "purposes":
                items = [_purpose_row(p) for p in items]
            self.widget(ListEditor, name).set_value(items)
        self.duplicate_button.setEnabled(self.ident is not None)
        self.show_translations()

    def collect_raw(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name.text().strip()}
        data.update(self.read_texts(REGISTER_TEXTS))
        data.update(self.read_texts(NOTICE_LINES))
        data["language"] = ChoiceCombo.value(self.language) or "fi"
        published = self.published_languages()
        data["languages"] = published if published != [data["language"]] else None
        data["translations"] = self._translations.get("translations")
        for name in EDITED_LISTS:
            data[name] = self.widget(ListEditor, name).value()
        data["notice_versions"] = self.original.get("notice_versions") or []
        return data

    def collect(self) -> dict[str, Any]:
        data = self.collect_raw()
        normalise_contacts(data["contacts"])
        for transfer in data["transfers"]:
            transfer["country"] = v.normalise_destination(transfer["country"])
        for purpose in data["purposes"]:
            purpose["bases"] = v.optional(v.normalise_articles, purpose.get("bases")) or None
        for name in ("notice_valid_from", "notice_updated_on"):
            data[name] = v.optional(iso_date, data[name])
        data["request_web_form"] = v.optional(v.normalise_web_address, data["request_web_form"])
        for reference in data["notice_references"]:
            reference["url"] = v.optional(v.normalise_web_address, reference.get("url"))
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


def _purpose_row(purpose: Any) -> dict[str, Any]:
    """A purpose as the list edits it: its points of Art. 6(1) as text ("6(1)(b)")."""
    row = {"text": purpose} if isinstance(purpose, str) else dict(purpose)
    row["bases"] = v.format_articles(row.get("bases")) or None
    return row


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
