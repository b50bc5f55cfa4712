"""Writing one letter of a case.

`LetterDialog` (Ctrl+L on a case): choose the kind, the language (the case's reply
language by default) and how it is sent, fill what only the officer knows (the copy of
the data per category, actions taken, identity details, reasons), see the warnings and
a draft preview, then Issue (after confirming) and print or save the issued letter.
Everything goes through services/letters.py; the dialog holds no rules of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...documents.letters import DataCopyEntry
from ...documents.letters.templates import catalogue
from ...domain.enums import DeliveryChoice, Language, LetterKind, PauseKind, RequestStatus, SentVia
from ...domain.vocabulary import PAUSE_KINDS, label
from ...i18n import _
from ...services import letters
from ...services import requests as rq
from ...services.context import ServiceError
from .. import dialogs
from ..formatting import format_date
from ..pdf_output import PdfPreview, print_with_dialog, save_bytes, write_files
from ..screen import fit_to_screen
from .common import LANGUAGE_NAMES, kind_combo, language_combo, letter_file_name
from .letter_inputs import TrueToCaseInputs

DECISION_ACTION_KINDS = frozenset(LetterKind) - letters.PRE_DECISION_KINDS
# a negative confirmation and a document reply list no actions taken
ACTION_KINDS = DECISION_ACTION_KINDS - {LetterKind.ACCESS_NOT_HELD, LetterKind.PUBLICITY_ACT_REPLY}


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class DataCopyEditor(QWidget):
    """The Art. 15(3) copy (or the data to hand over) per data category: a list of the
    case's categories and the content of the selected one."""

    def __init__(self, categories: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contents: dict[str, str] = {name: "" for name in categories}
        self.list = QListWidget()
        self.list.setMaximumWidth(220)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            _(
                "The data of this category, e.g. “Name: Maija "
                "Virtanen”, one item per line. Leave empty to leave "
                "the category out."
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.text, 1)
        for name in categories:
            self.list.addItem(QListWidgetItem(name))
        self.list.currentTextChanged.connect(self._show)
        self.text.textChanged.connect(self._store)
        self._current: str | None = None
        if categories:
            self.list.setCurrentRow(0)

    def _show(self, name: str) -> None:
        self._current = None
        self.text.setPlainText(self.contents.get(name, ""))
        self._current = name or None

    def _store(self) -> None:
        if self._current is not None:
            self.contents[self._current] = self.text.toPlainText()
            item = self.list.currentItem()
            if item is not None:
                font = item.font()
                font.setBold(bool(self.text.toPlainText().strip()))
                item.setFont(font)

    def entries(self) -> tuple[DataCopyEntry, ...]:
        return tuple(
            DataCopyEntry(name, text) for name, text in self.contents.items() if text.strip()
        )


class LetterDialog(QDialog):
    """One letter of one case: options, warnings, draft preview, issue, print, save."""

    issued = Signal(int)  # the stored letter's id

    def __init__(
        self,
        ctx: Any,
        case: str,
        parent: QWidget | None = None,
        kind: LetterKind | str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case = case
        self.view = rq.get_request(ctx, case)
        self.issued_letter: letters.Issued | None = None
        self.missing: dict[str, str] = {}  # what blocks issuing, for the current choices
        self.case_opener: Any = None  # shows the case dialog (set by open_letter_dialog)
        self.setWindowTitle(_("Letter for case {case}").format(case=case))

        subject = (self.view.get("subject") or {}).get("name", "")
        summary = QLabel(
            _("Case {case} · {name} · reply language: {lang}").format(
                case=case,
                name=subject,
                lang=_(LANGUAGE_NAMES.get(self.view.get("language"), "Finnish")),
            )
        )
        summary.setStyleSheet("font-size: 12pt; font-weight: bold;")

        self.kind = kind_combo(self.view.get("classification"))
        if kind is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(LetterKind(kind).value)))
        self.language = language_combo(self.view.get("language"))
        self.sent_via = QComboBox()
        for via in SentVia:
            self.sent_via.addItem(letters.sent_via_label(via), via.value)
        form = QFormLayout()
        form.addRow(_("Kind of letter"), self.kind)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Sent via"), self.sent_via)
        self._case_rows(form)

        # kind-specific inputs
        self.data_copy = DataCopyEditor(rq.category_names(ctx, case))
        self.data_copy_box = self._box(
            _("Copy of the personal data, per data category"), self.data_copy
        )
        self.actions = QPlainTextEdit()
        self.actions.setPlaceholderText(
            _(
                "What was done, one action per line, e.g. "
                "“Address corrected in the customer register”"
            )
        )
        self.actions_box = self._box(_("Actions taken"), self.actions)
        self.reasons = QPlainTextEdit(self.view.get("fee_reason") or "")
        self.reasons.setPlaceholderText(
            _("Why the request is manifestly unfounded or excessive (Art. 12(5))")
        )
        self.reasons_box = self._box(_("Reasons for refusing"), self.reasons)
        self.needed = QPlainTextEdit()
        self.reply_by_on = QCheckBox(_("Ask for a reply by"))
        self.reply_by = QDateEdit(QDate(ctx.today()).addDays(14))
        self.reply_by.setCalendarPopup(True)
        self.reply_by.setEnabled(False)
        self.reply_by_on.toggled.connect(self.reply_by.setEnabled)
        identity = QWidget()
        identity_layout = QVBoxLayout(identity)
        identity_layout.setContentsMargins(0, 0, 0, 0)
        identity_layout.addWidget(
            QLabel(
                _(
                    "What the requester must send, one item per "
                    "line (only what is needed; never an ID copy):"
                )
            )
        )
        identity_layout.addWidget(self.needed)
        row = QHBoxLayout()
        row.addWidget(self.reply_by_on)
        row.addWidget(self.reply_by)
        row.addStretch(1)
        identity_layout.addLayout(row)
        self.identity_box = self._box(_("Identity or clarification"), identity)
        self.enclosures = QPlainTextEdit()
        self.enclosures.setPlaceholderText(_("Further enclosures, one per line"))
        self.enclosures.setMaximumHeight(60)
        self.true_inputs = TrueToCaseInputs(ctx, case)
        self.true_inputs.changed.connect(self._recheck)
        self.true_inputs.open_register.connect(self.open_register)

        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(110)
        self.warnings.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.blocked_box = self._blocked_box()
        self.issued_label = QLabel()
        self.issued_label.setWordWrap(True)
        self.issued_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.issued_label.setStyleSheet(
            "background: #e8f5e9; color: #1b5e20; padding: 6px; border-radius: 4px;"
        )
        self.issued_label.hide()

        left = QWidget()
        self.inputs = left
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        for box in (self.data_copy_box, self.actions_box, self.reasons_box, self.identity_box):
            left_layout.addWidget(box, 1)
        left_layout.addWidget(self.true_inputs)
        left_layout.addWidget(QLabel(_("Enclosures")))
        left_layout.addWidget(self.enclosures)
        left_layout.addWidget(QLabel(_("Before printing")))
        left_layout.addWidget(self.warnings)
        left_layout.addWidget(self.problem)
        left_layout.addWidget(self.blocked_box)
        left_layout.addStretch(0)  # spare room below, not between the rows

        self.preview_widget = PdfPreview()
        self.preview_widget.show_message(_("Press Preview to see the letter as a draft."))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview_widget)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.preview_button = QPushButton(_("Preview"))
        self.issue_button = QPushButton(_("Issue…"))
        self.issue_button.setToolTip(
            _("Store the letter in the case as sent; it cannot be changed afterwards")
        )
        self.print_button = QPushButton(_("Print…"))
        self.save_button = QPushButton(_("Save as PDF…"))
        self.enclosure_button = QPushButton(_("Save enclosures…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (
            self.preview_button,
            self.issue_button,
            self.print_button,
            self.save_button,
            self.enclosure_button,
        ):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.issued_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.preview_button.clicked.connect(self.preview)
        self.issue_button.clicked.connect(self.issue)
        self.print_button.clicked.connect(self.print_letter)
        self.save_button.clicked.connect(self.save_letter)
        self.enclosure_button.clicked.connect(self.save_enclosures)
        self._language_changed()
        self._kind_changed()
        fit_to_screen(self, 1200, 800)

    def _case_rows(self, form: QFormLayout) -> None:
        """What issue 11 adds: the letterhead's controller and the others the answer
        covers, the delivery address to confirm, the pause an identity request starts."""
        controllers = self.view.get("controllers") or []
        self.controller = QComboBox()
        for c in controllers:
            self.controller.addItem(c["name"], c["key"])
            if c["addressed_to"]:
                self.controller.setCurrentIndex(self.controller.count() - 1)
        self.covers = QCheckBox(_("the answer also covers the case's other controllers"))
        self.covers.setChecked(True)
        if len(controllers) > 1:
            form.addRow(_("From controller"), self.controller)
            form.addRow("", self.covers)
        self.deliver_to = QComboBox()
        self.deliver_to.addItem(_("— confirm the address —"), None)
        requested = (self.view.get("requested_delivery_address") or "").replace("\n", ", ")
        on_record = (self.view.get("address_on_record") or "").replace("\n", ", ")
        self.deliver_to.addItem(
            _("requested: {address}").format(address=requested), DeliveryChoice.REQUESTED.value
        )
        self.deliver_to.addItem(
            _("on record: {address}").format(address=on_record), DeliveryChoice.ON_RECORD.value
        )
        if self.view.get("delivery_differs"):
            note = QLabel(
                _(
                    "The requester asks for delivery to an address that differs from the one "
                    "on our records (EDPB Guidelines 01/2022: check before sending). "
                    "Choose where this letter goes."
                )
            )
            note.setWordWrap(True)
            note.setStyleSheet("color: #8a4b00;")
            form.addRow(note)
            form.addRow(_("Deliver to"), self.deliver_to)
        self.pause = QCheckBox(_("record the question as a pause from the issue date"))
        self.pause.setChecked(True)
        self.pause_kind = QComboBox()
        for kind in PauseKind:
            self.pause_kind.addItem(label(PAUSE_KINDS, kind), kind.value)
        self.pause.toggled.connect(self.pause_kind.setEnabled)
        pause_row = QWidget()
        row = QHBoxLayout(pause_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pause)
        row.addWidget(self.pause_kind)
        row.addStretch(1)
        self.pause_row = pause_row
        form.addRow(pause_row)
        for widget in (self.controller, self.deliver_to, self.pause_kind):
            widget.currentIndexChanged.connect(self._recheck)
        self.covers.toggled.connect(self._recheck)

    def _recheck(self, *_args: Any) -> None:
        self.check()

    def _blocked_box(self) -> QWidget:
        """What blocks issuing, in words, with a button to where each value is filled in."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.blocked_text = QLabel()
        self.blocked_text.setWordWrap(True)
        self.blocked_text.setStyleSheet("color: #b00020;")
        layout.addWidget(self.blocked_text)
        row = QHBoxLayout()
        self.open_settings_button = QPushButton(_("Open settings…"))
        self.open_settings_button.clicked.connect(self.open_settings)
        self.open_controller_button = QPushButton(_("Open the controller…"))
        self.open_controller_button.clicked.connect(self.open_controller)
        self.open_case_button = QPushButton(_("Open the case…"))
        self.open_case_button.clicked.connect(self.open_case)
        for button in (
            self.open_settings_button,
            self.open_controller_button,
            self.open_case_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        box.hide()
        return box

    def _show_blocked(self) -> None:
        if not self.missing:
            self.blocked_box.hide()
            return
        lines = [_("Issuing needs first:")]
        lines += ["• " + words for words in self.missing.values()]
        self.blocked_text.setText("\n".join(lines))
        places = {letters.where_filled(name) for name in self.missing}
        self.open_settings_button.setVisible("settings" in places)
        self.open_controller_button.setVisible("controller" in places)
        self.open_case_button.setVisible("case" in places and self.case_opener is not None)
        self.blocked_box.show()

    def open_settings(self) -> Any:
        """The Settings page with the officer named in letters; re-check when closed."""
        from ..settings_dialog import OFFICER, SettingsDialog

        dialog = SettingsDialog(self.ctx, self, OFFICER)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._recheck)
        dialog.open()
        return dialog

    def open_controller(self) -> Any:
        """The controller record the letterhead comes from (the Controllers page's editor)."""
        from ..registers.controller_editor import ControllerEditor

        key = self.controller.currentData()
        ident = int(str(key).removeprefix("controller-")) if key else None
        dialog = ControllerEditor(self.ctx, ident, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._recheck)
        dialog.show()
        return dialog

    def open_case(self) -> Any:
        """The case dialog (raised if open): whoever opened this dialog knows how."""
        if self.case_opener is None:
            return None
        dialog = self.case_opener()
        if dialog is not None and hasattr(dialog, "changed"):
            dialog.changed.connect(self._case_changed)
        return dialog

    def _case_changed(self, *_args: Any) -> None:
        self.view = rq.get_request(self.ctx, self.case)
        self.check()

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        return box

    # ---------------------------------------------------------------- state
    def current_kind(self) -> LetterKind:
        return LetterKind(self.kind.currentData())

    def current_language(self) -> Language:
        return Language(self.language.currentData())

    def options(self) -> letters.LetterOptions:
        kind = self.current_kind()
        options = letters.LetterOptions(
            sent_via=SentVia(self.sent_via.currentData()),
            data_copy=self.data_copy.entries() if kind in letters.DATA_COPY_KINDS else (),
            actions=_lines(self.actions.toPlainText()) if kind in ACTION_KINDS else (),
            enclosures=_lines(self.enclosures.toPlainText()),
            refusal_reasons=self.reasons.toPlainText().strip() or None,
            identity_needed=_lines(self.needed.toPlainText()),
            identity_reply_by=(
                self.reply_by.date().toPython() if self.reply_by_on.isChecked() else None
            ),
            controller=self.controller.currentData(),
            covered_controllers=None if self.covers.isChecked() else (),
            deliver_to=(
                None
                if self.deliver_to.currentData() is None
                else DeliveryChoice(self.deliver_to.currentData())
            ),
            pause=PauseKind(self.pause_kind.currentData()) if self.pause.isChecked() else None,
        )
        return self.true_inputs.apply(options, kind)

    def _kind_changed(self, *_args: Any) -> None:
        kind = self.current_kind()
        self.data_copy_box.setVisible(kind in letters.DATA_COPY_KINDS)
        self.data_copy_box.setTitle(
            _("Data to hand over, per data category (machine-readable enclosure)")
            if kind is LetterKind.PORTABILITY
            else _("Copy of the personal data, per data category")
        )
        self.actions_box.setVisible(kind in ACTION_KINDS)
        self.reasons_box.setVisible(kind is LetterKind.REFUSAL)
        self.identity_box.setVisible(kind is LetterKind.IDENTITY_REQUEST)
        self.pause_row.setVisible(kind is LetterKind.IDENTITY_REQUEST)
        self.true_inputs.set_kind(kind, self.current_language())
        self._forget_issued()
        self.check()

    def _language_changed(self, *_args: Any) -> None:
        needed = catalogue(self.current_language())["identity_defaults"]["needed"]
        if not self.needed.toPlainText().strip() or self.needed.property("defaulted"):
            self.needed.setPlainText("\n".join(needed))
            self.needed.setProperty("defaulted", True)
        self.true_inputs.set_kind(self.current_kind(), self.current_language())
        self._forget_issued()
        self.check()

    def _forget_issued(self) -> None:
        self.issued_letter = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        done = self.issued_letter is not None
        self.print_button.setEnabled(done)
        self.save_button.setEnabled(done)
        self.enclosure_button.setEnabled(done and bool(self.issued_letter.enclosure_files))
        self.issue_button.setEnabled(not done and not self.missing)
        self.preview_button.setEnabled(not done)
        self.issue_button.setToolTip(
            _("Fill in first what the dialog lists in red")
            if self.missing and not done
            else _("Store the letter in the case as sent; it cannot be changed afterwards")
        )

    def _show_issued(self, info: Any) -> None:
        """The issued state: number, date and fingerprint; the inputs can no longer change
        what was stored (print and save give the stored bytes)."""
        self.issued_label.setText(
            _("Issued: letter no. {number}, {day}, {via}. SHA-256 {sha}").format(
                number=info.id,
                day=format_date(info.issued_on),
                via=letters.sent_via_label(info.sent_via),
                sha=info.sha256,
            )
        )
        self.issued_label.show()
        self.inputs.setEnabled(False)
        self.blocked_box.hide()
        self.setWindowTitle(
            _("Letter no. {number} of case {case} (issued)").format(number=info.id, case=self.case)
        )

    # --------------------------------------------------------------- actions
    def check(self) -> list[Any]:
        """Show the warnings for the current choices (nothing stored)."""
        self.warnings.clear()
        try:
            prepared = letters.prepare(
                self.ctx, self.case, self.current_kind(), self.current_language(), self.options()
            )
        except ServiceError as exc:
            self.warnings.addItem(str(exc))
            return []
        found = list(prepared.warnings)
        self.true_inputs.show_mixed(prepared.mixed)
        for warning in found:
            item = QListWidgetItem("⚠ " + warning.message)
            self.warnings.addItem(item)
        if not found:
            self.warnings.addItem(_("No warnings."))
        self._check_blocked()
        return found

    def _check_blocked(self) -> None:
        try:
            self.missing = letters.missing_items(
                self.ctx, self.case, self.current_kind(), self.current_language(), self.options()
            )
        except ServiceError:
            self.missing = {}  # the warnings list shows the service's message
        self._show_blocked()
        if hasattr(self, "issue_button"):
            self._update_buttons()

    def preview(self) -> bytes | None:
        self.check()
        try:
            pdf = letters.preview(
                self.ctx, self.case, self.current_kind(), self.current_language(), self.options()
            )
        except ServiceError as exc:
            self._show_problem(str(exc))
            return None
        self.problem.hide()
        self.preview_widget.show_pdf(pdf)
        return pdf

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.preview_widget.show_message(text)

    def confirm_issue(self, warnings: list[Any]) -> bool:
        text = _(
            "Issue this letter? It is stored in the case as sent on {day} and cannot be "
            "changed afterwards."
        ).format(day=format_date(self.ctx.today()))
        options = self.options()
        if self.view.get("delivery_differs") and options.deliver_to is not None:
            text += "\n\n" + _("It goes to: {address}").format(
                address=self.deliver_to.currentText().split(": ", 1)[-1]
            )
        if self.current_kind() is LetterKind.IDENTITY_REQUEST and options.pause is not None:
            text += "\n\n" + _(
                "Waiting for the answer is recorded from {day} ({kind}); record its arrival "
                "on the Deadline tab."
            ).format(day=format_date(self.ctx.today()), kind=label(PAUSE_KINDS, options.pause))
        if warnings:
            text += "\n\n" + _("Warnings:") + "\n" + "\n".join(f"• {w.message}" for w in warnings)
        # Irreversible: Enter (the default button) cancels.
        return dialogs.confirm(self, _("Issue letter"), text, _("Issue"))

    def issue(self) -> letters.Issued | None:
        warnings = self.check()
        if not self.confirm_issue(warnings):
            return None
        try:
            issued = letters.issue(
                self.ctx,
                self.case,
                self.current_kind(),
                self.current_language(),
                self.sent_via.currentData(),
                self.options(),
            )
        except ServiceError as exc:
            if isinstance(exc, letters.MixedLanguage):
                self.true_inputs.show_mixed(exc.mixed)
            self._show_problem(str(exc))
            return None
        self.problem.hide()
        self.issued_letter = issued
        self.view = rq.get_request(self.ctx, self.case)  # the letter may have started a pause
        self.preview_widget.show_pdf(issued.pdf)
        self._update_buttons()
        self._show_issued(issued.info)
        self.offer_to_mark_answered()
        self.issued.emit(issued.info.id)
        return issued

    def offer_to_mark_answered(self) -> bool:
        """After the decision letter, the case is usually answered (Art. 12(3)); ask rather
        than move it silently, since one case may still need a second letter."""
        if self.current_kind() not in DECISION_ACTION_KINDS:
            return False
        view = rq.get_request(self.ctx, self.case)
        if "answered" not in view["allowed_statuses"] or any(
            r["outcome"] == "pending" for r in view["rights"]
        ):
            return False
        if not dialogs.confirm(
            self,
            _("Mark the case answered"),
            _("The letter was issued. Mark case {case} as answered today?").format(case=self.case),
            _("Mark answered"),
        ):
            return False
        try:
            rq.set_status(self.ctx, self.case, RequestStatus.ANSWERED)
        except ServiceError as exc:
            self._show_problem(str(exc))
            return False
        return True

    def open_register(self, ident: int) -> Any:
        """The register editor of the main window, to add a missing translation."""
        owner = self.parentWidget()
        while owner is not None and not hasattr(owner, "open_register"):
            owner = owner.parentWidget()
        if owner is None:
            return None
        return owner.open_register(ident)

    def print_letter(self) -> bool:
        if self.issued_letter is None:
            return False
        info = self.issued_letter.info
        return print_with_dialog(self, self.issued_letter.pdf, letter_file_name(info))

    def save_letter(self) -> Path | None:
        if self.issued_letter is None:
            return None
        return save_bytes(
            self,
            self.issued_letter.pdf,
            letter_file_name(self.issued_letter.info),
            _("PDF files (*.pdf)"),
        )

    def save_enclosures(self) -> list[Path]:
        from PySide6.QtWidgets import QFileDialog

        if self.issued_letter is None or not self.issued_letter.enclosure_files:
            return []
        folder = QFileDialog.getExistingDirectory(self, _("Save enclosures in folder"))
        if not folder:
            return []
        return write_files(self, Path(folder), self.issued_letter.enclosure_files)


def open_letter_dialog(
    owner: QWidget,
    ctx: Any,
    case: str,
    on_issued: Any = None,
    kind: LetterKind | str | None = None,
    open_case: Any = None,
) -> LetterDialog:
    """Show the letter dialog without blocking the window; `open_case()` shows the case
    dialog when a blocked letter needs something recorded in the case."""
    dialog = LetterDialog(ctx, case, owner, kind)
    dialog.case_opener = open_case
    dialog.check()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_issued is not None:
        dialog.issued.connect(lambda _id: on_issued())
    dialog.show()
    return dialog


__all__ = ["DataCopyEditor", "LetterDialog", "open_letter_dialog"]
