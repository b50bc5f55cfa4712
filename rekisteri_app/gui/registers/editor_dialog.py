"""The frame every editor shares, and the helpers more than one editor needs.

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
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import validation as v
from ...i18n import N_, _
from .. import dialogs
from ..fields import DateInput, FieldCheck, set_text, text_of
from ..list_editor import Column, ListEditor
from ..screen import fit_to_screen, scroll_area
from ..uiload import child, load_ui

log = logging.getLogger(__name__)


def key_id(key: str | None) -> int | None:
    """`register-5` -> 5: the id inside an export key, as entities.find accepts it."""
    if not key:
        return None
    tail = str(key).rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


def iso_date(text: str) -> str:
    """A typed date (d.M.yyyy or ISO) as the ISO date the exchange form stores."""
    from ..fields import parse_date_text

    return parse_date_text(text).isoformat()


def contact_columns() -> list[Column]:
    return [
        Column("name", N_("Name"), width=130),
        Column(
            "publish_name",
            N_("Name printed"),
            "bool",
            default=True,
            width=90,
            tooltip=N_("Clear it to keep the name in the record but print only the role"),
        ),
        Column("role", N_("Role"), width=120),
        Column("scope", N_("Responsible for"), width=130),
        Column("phone", N_("Phone"), check=v.normalise_phone, width=110),
        Column("email", N_("E-mail"), check=v.normalise_email, width=170),
        Column("web", N_("Web address"), check=v.normalise_web_address, width=150),
        Column("address", N_("Address"), "long", check=v.normalise_postal_address),
    ]


def normalise_contacts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Store e-mail addresses, phone numbers and web addresses in the domain's form."""
    for row in rows:
        if row.get("email"):
            row["email"] = v.normalise_email(row["email"])
        if row.get("phone"):
            row["phone"] = v.normalise_phone(row["phone"])
        if row.get("web"):
            row["web"] = v.normalise_web_address(row["web"])
        if row.get("address"):
            row["address"] = v.normalise_postal_address(row["address"])
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
        wanted = self.form.size()

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
        layout.addWidget(scroll_area(self.form), 1)  # a laptop screen may be lower
        layout.addLayout(self.bar)

        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        self.setup()
        self.original = self.load()
        self.populate(self.original)
        self.baseline = self.collect_raw()
        self.refresh_state()
        fit_to_screen(self, wanted.width() + 24, wanted.height() + 24)

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

    def date_check(self, name: str, label: str) -> FieldCheck:
        """A date field: the window's one date input (d.M.yyyy, ISO accepted, calendar)."""
        DateInput(self.widget(QLineEdit, name))
        return self.check(name, iso_date, label)

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
        found = [
            _(check.label) + ": " + check.problem() for check in self.checks if check.problem()
        ]
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
            dialogs.show_error(self, _("Not saved"), dialogs.unexpected_message(exc))
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
