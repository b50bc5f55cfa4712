"""Editors for registers, processors, controllers and single transfers.

Each editor is a form from ui/ filled with the entity's exchange-format dict
(`entities.get`) and collected back into one (`entities.save`), so the service validates
an edit exactly like an import. Fields are checked while typing with the domain's
normalisers; Save stays disabled while any field is invalid, and closing with unsaved
changes asks Save / Discard / Cancel. The editors know no rules of their own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import validation as v
from ...i18n import N_, _, current_language
from .. import dialogs, labels
from ..fields import ChoiceCombo, CountryCombo, FieldCheck, set_text, text_of
from ..list_editor import Column, ListEditor
from ..uiload import child, load_ui

log = logging.getLogger(__name__)

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


def key_id(key: str | None) -> int | None:
    """`register-5` -> 5: the id inside an export key, as entities.find accepts it."""
    if not key:
        return None
    tail = str(key).rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


def iso_date(text: str) -> str:
    return v.parse_iso_date(text).isoformat()


def contact_columns() -> list[Column]:
    return [
        Column("name", N_("Name"), width=130),
        Column("role", N_("Role"), width=120),
        Column("scope", N_("Responsible for"), width=130),
        Column("phone", N_("Phone"), check=v.normalise_phone, width=110),
        Column("email", N_("E-mail"), check=v.normalise_email, width=170),
        Column("address", N_("Address"), "long"),
    ]


def normalise_contacts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Store e-mail addresses and phone numbers in the domain's canonical form."""
    for row in rows:
        if row.get("email"):
            row["email"] = v.normalise_email(row["email"])
        if row.get("phone"):
            row["phone"] = v.normalise_phone(row["phone"])
    return rows


class EditorDialog(QDialog):
    """The common frame: form, problem line, Save (Ctrl+S) and Close (Esc)."""

    saved = Signal(str, int)  # kind, id of what was saved
    kind = ""  # entities kind: registers, processors, controllers
    ui_file = ""
    noun = N_("Item")
    new_title = N_("New item")

    def __init__(
        self, ctx: Any, ident: int | None = None, parent: QWidget | None = None, **options: Any
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ident = ident
        self.options = options
        self.checks: list[FieldCheck] = []
        self.lists: list[ListEditor] = []
        self.form = load_ui(self.ui_file, self)
        self.resize(self.form.size())

        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet("color: #c62828;")
        self.problem_label.setWordWrap(True)
        self.save_button = QPushButton(_("Save"), self)
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.setToolTip(_("Close (Esc)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.problem_label, 1)
        self.bar.addWidget(self.save_button)
        self.bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addLayout(self.bar)

        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        self.setup()
        self.original = self.load()
        self.populate(self.original)
        self.baseline = self.collect_raw()
        self.refresh_state()

    # ---------------------------------------------------- for the subclasses
    def setup(self) -> None:
        """Configure the widgets (pickers, list columns, checks)."""

    def load(self) -> dict[str, Any]:
        from ...services import entities

        if self.ident is None:
            return self.blank()
        return entities.get(self.ctx, self.kind, self.ident)

    def blank(self) -> dict[str, Any]:
        return {}

    def populate(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def collect_raw(self) -> dict[str, Any]:
        """The form as it stands, not normalised: for the unsaved-changes check."""
        raise NotImplementedError

    def collect(self) -> dict[str, Any]:
        """The entity to save, with values in canonical form (only called when valid)."""
        return self.collect_raw()

    def subject(self) -> str:
        return _(self.noun)

    def store(self, data: dict[str, Any]) -> dict[str, Any]:
        from ...services import entities

        return entities.save(self.ctx, self.kind, data, self.ident)

    # --------------------------------------------------------------- helpers
    def widget(self, kind: type, name: str) -> Any:
        return child(self.form, kind, name)

    def check(
        self,
        name: str,
        normaliser: Callable[[str], object] | None,
        label: str,
        *,
        required: bool = False,
        value: Callable[[], str] | None = None,
        widget: QWidget | None = None,
    ) -> FieldCheck:
        """Check field `name` live; `label` (N_-marked) names it in the problem line."""
        target = widget if widget is not None else self.form.findChild(QWidget, name)
        check = FieldCheck(target, normaliser, required=required, value=value)
        check.label = label
        check.checked.connect(self.refresh_state)
        self.checks.append(check)
        return check

    def list_editor(self, name: str, columns: list[Column], **options: Any) -> ListEditor:
        editor = self.widget(ListEditor, name)
        editor.configure(columns, **options)
        editor.changed.connect(self.refresh_state)
        self.lists.append(editor)
        return editor

    def watch(self, *widgets: QWidget) -> None:
        """Refresh the dirty/valid state when any of these change."""
        for widget in widgets:
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(self.refresh_state)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.refresh_state)
                widget.currentTextChanged.connect(self.refresh_state)

    def texts(self, names: tuple[str, ...], data: dict[str, Any]) -> None:
        for name in names:
            widget = self.form.findChild(QWidget, name)
            set_text(widget, data.get(name))

    def read_texts(self, names: tuple[str, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in names:
            text = text_of(self.form.findChild(QWidget, name)).strip()
            out[name] = text or None
        return out

    # ----------------------------------------------------------------- state
    def problems(self) -> list[str]:
        found = [f"{_(check.label)}: {check.problem()}" for check in self.checks if check.problem()]
        for editor in self.lists:
            found.extend(editor.problems())
        return [p for p in found if p]

    def is_dirty(self) -> bool:
        return self.collect_raw() != self.baseline

    def refresh_state(self, *_args: Any) -> None:
        if not hasattr(self, "baseline"):
            return
        problems = self.problems()
        dirty = self.is_dirty()
        self.save_button.setEnabled(not problems and (dirty or self.ident is None))
        if problems:
            more = len(problems) - 1
            text = problems[0] + ("  " + _("(and {n} more)").format(n=more) if more else "")
            self.problem_label.setText(text)
            self.problem_label.setToolTip("\n".join(problems))
        else:
            self.problem_label.setText("")
            self.problem_label.setToolTip("")
        title = self.subject() if self.ident is not None else _(self.new_title)
        self.setWindowTitle(("* " if dirty else "") + title + " — Rekisteri")

    # ------------------------------------------------------------------ save
    def save(self) -> bool:
        from ...services.context import ServiceError
        from ...services.exchange import InvalidDocument
        from ...storage.errors import StorageError

        if self.problems():
            self.refresh_state()
            return False
        try:
            data = self.collect()
        except v.ValidationError as exc:
            dialogs.show_error(self, _("Not saved"), exc.message)
            return False
        try:
            result = self.store(data)
        except InvalidDocument as exc:
            dialogs.show_problems(
                self,
                _("Not saved"),
                _("{what} was not saved: {n} problems.").format(
                    what=self.subject(), n=len(exc.problems)
                ),
                exc.problems,
            )
            return False
        except (ServiceError, StorageError) as exc:
            message = exc.message if isinstance(exc, StorageError) else str(exc)
            dialogs.show_error(self, _("Not saved"), message)
            return False
        except Exception as exc:  # a bug must not lose the officer's typing silently
            log.exception("saving failed")
            dialogs.show_error(
                self, _("Not saved"), _("Unexpected error: {error}").format(error=exc)
            )
            return False
        self.after_save(result)
        self.baseline = self.collect_raw()
        self.refresh_state()
        self.saved.emit(self.kind, self.ident or 0)
        return True

    def after_save(self, result: dict[str, Any]) -> None:
        self.ident = key_id(result.get("key"))
        self.original = result
        self.populate(result)

    # ----------------------------------------------------------------- close
    def reject(self) -> None:
        """Esc, Close and the window's close button all come here."""
        if self.is_dirty():
            answer = dialogs.ask_unsaved(self, self.subject())
            if answer == dialogs.CANCEL:
                return
            if answer == dialogs.SAVE and not self.save():
                return
        super().reject()


# ------------------------------------------------------------------ registers


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
                    choices=lambda: labels.choices(labels.CONTROLLER_ROLES),
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
                    choices=lambda: labels.choices(labels.ARTICLES),
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
                    choices=lambda: labels.choices(labels.PERIOD_UNITS),
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
                    choices=lambda: labels.choices(labels.SOURCE_KINDS),
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
                    choices=lambda: labels.choices(labels.RECIPIENT_KINDS),
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
                    choices=lambda: labels.choices(labels.SAFEGUARDS),
                    danger=labels.is_invalid_safeguard,
                ),
                Column(
                    "scc_module",
                    N_("SCC module"),
                    "choice",
                    blank=True,
                    width=120,
                    choices=lambda: labels.choices(labels.SCC_MODULES),
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
                    choices=lambda: labels.choices(labels.SECURITY_KINDS),
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
                    choices=lambda: labels.choices(labels.RIGHTS),
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


# ----------------------------------------------------------------- processors


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
        self.check("business_id", v.normalise_business_id, N_("Business ID"))
        self.country = CountryCombo(self.widget(QComboBox, "country"), blank=True)
        self.check("country", v.normalise_country_code, N_("Country"), value=self.country.code)
        self.check("email", v.normalise_email, N_("E-mail"))
        self.check("phone", v.normalise_phone, N_("Phone"))
        self.check("dpa_signed_on", iso_date, N_("Agreement signed"))
        self.check("dpa_review_on", iso_date, N_("Agreement review"))
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


# ---------------------------------------------------------------- controllers


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


# ------------------------------------------------------------------ transfers


class TransferEditor(EditorDialog):
    """One transfer of one register; saving saves the whole register.

    Options: `register_id` and `index` (its place in the register's transfers), both
    None for a new transfer, whose register is then chosen in the form.
    """

    kind = "registers"
    ui_file = "transfer_editor.ui"
    noun = N_("Transfer")
    new_title = N_("New transfer")

    FIELDS = (
        "country",
        "recipient",
        "processor",
        "safeguard",
        "scc_module",
        "dpf_checked_on",
        "derogation",
        "description",
    )

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
        self.check("dpf_checked_on", iso_date, N_("DPF checked on"))
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
            labels.choices(labels.SAFEGUARDS),
            danger=labels.is_invalid_safeguard,
        )
        self.module_combo = self.widget(QComboBox, "scc_module")
        ChoiceCombo.fill(self.module_combo, labels.choices(labels.SCC_MODULES), blank="")
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
        if labels.is_invalid_safeguard(value):
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
