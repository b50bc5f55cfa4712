"""What the officer adds to a letter so it says only what the case holds (issue 10).

`TrueToCaseInputs` sits in the letter dialog: another controller that may hold the data
(no data held, or a partial answer), the answer to a request outside the GDPR, the
documents of a Publicity Act reply, whether to call an invalid transfer safeguard
"repealed" in the letter, and — when texts the letter prints exist only in another
language — their list, a button to open the register that lacks the translation and
the officer's confirmation to issue with mixed language. The widget holds no rules:
it only fills `LetterOptions`; services/letters decides and refuses.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...documents.letters.data import DocumentDecision, OtherHolder
from ...domain.enums import Language, LetterKind
from ...i18n import _
from ...services import letters

HOLDER_KINDS = frozenset({LetterKind.ACCESS_NOT_HELD, LetterKind.ACCESS_RESPONSE})
SAFEGUARD_KINDS = frozenset({LetterKind.ACCESS_RESPONSE})


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class TrueToCaseInputs(QWidget):
    """The issue-10 inputs of the letter dialog; `changed` asks it to re-check."""

    changed = Signal()
    open_register = Signal(int)  # a register that lacks a translation the letter needs

    def __init__(self, ctx: Any, case: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case = case
        self.holders: list[OtherHolder] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        # another controller that may hold the data
        self.holder_box = QGroupBox(_("Another controller that may hold the data (optional)"))
        form = QFormLayout(self.holder_box)
        self.holder_name = QComboBox()
        self.holder_name.setEditable(True)
        self.holder_name.lineEdit().setPlaceholderText(
            _("a source or recipient of the registers, or type a name")
        )
        form.addRow(_("Name"), self.holder_name)
        self.holder_contact = QLineEdit()
        self.holder_contact.setPlaceholderText(_("how to reach it: address, web site, e-mail"))
        form.addRow(_("Contact"), self.holder_contact)
        self.holder_scope = QLineEdit()
        self.holder_scope.setPlaceholderText(_("which data, e.g. metering data (optional)"))
        form.addRow(_("Data"), self.holder_scope)
        row = QHBoxLayout()
        self.add_holder_button = QPushButton(_("Add to the letter"))
        self.remove_holder_button = QPushButton(_("Remove"))
        row.addWidget(self.add_holder_button)
        row.addWidget(self.remove_holder_button)
        row.addStretch(1)
        form.addRow("", row)
        self.holder_list = QListWidget()
        self.holder_list.setMaximumHeight(70)
        form.addRow(self.holder_list)
        self.add_holder_button.clicked.connect(self.add_holder)
        self.remove_holder_button.clicked.connect(self.remove_holder)
        layout.addWidget(self.holder_box)

        # the answer outside the GDPR
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText(_("Our answer, as it is printed in the letter"))
        self.answer_box = self._box(_("The answer"), self.answer)
        layout.addWidget(self.answer_box)

        # the Publicity Act documents
        documents = QWidget()
        doc_form = QFormLayout(documents)
        doc_form.setContentsMargins(0, 0, 0, 0)
        self.documents_given = QPlainTextEdit()
        self.documents_given.setPlaceholderText(_("one document per line"))
        self.documents_given.setMaximumHeight(70)
        doc_form.addRow(_("Given"), self.documents_given)
        self.documents_refused = QPlainTextEdit()
        self.documents_refused.setPlaceholderText(
            _("one per line: document = the reason it is not given (section of the act)")
        )
        self.documents_refused.setMaximumHeight(70)
        doc_form.addRow(_("Refused"), self.documents_refused)
        self.documents_box = self._box(_("Documents (Publicity Act 621/1999)"), documents)
        layout.addWidget(self.documents_box)

        self.say_repealed = QCheckBox(
            _("describe an invalid or repealed transfer safeguard as such in the letter")
        )
        self.say_repealed.setToolTip(
            _(
                "By default the letter names the safeguard as the register records it; "
                "the warning above tells you when it is no longer valid."
            )
        )
        layout.addWidget(self.say_repealed)

        # texts only in another language
        self.mixed_box = QGroupBox(_("Texts only in another language"))
        mixed_layout = QVBoxLayout(self.mixed_box)
        self.mixed_intro = QLabel()
        self.mixed_intro.setWordWrap(True)
        mixed_layout.addWidget(self.mixed_intro)
        self.mixed_list = QListWidget()
        self.mixed_list.setMaximumHeight(100)
        self.mixed_list.setWordWrap(True)
        mixed_layout.addWidget(self.mixed_list)
        row = QHBoxLayout()
        self.open_register_button = QPushButton(_("Open the register editor…"))
        row.addWidget(self.open_register_button)
        row.addStretch(1)
        mixed_layout.addLayout(row)
        self.mixed_ok = QCheckBox(_("issue with mixed language (the archived letter records it)"))
        mixed_layout.addWidget(self.mixed_ok)
        self.open_register_button.clicked.connect(self._open_register)
        self.mixed_list.currentRowChanged.connect(self._mixed_selected)
        layout.addWidget(self.mixed_box)
        self.mixed: tuple[letters.MixedText, ...] = ()
        self.show_mixed(())

        # typed texts are read when previewing or issuing; a choice re-checks at once
        self.say_repealed.toggled.connect(self.changed)

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        return box

    # ------------------------------------------------------------ state
    def set_kind(self, kind: LetterKind, lang: Language) -> None:
        """Show only what this kind of letter can print."""
        self.holder_box.setVisible(kind in HOLDER_KINDS)
        self.holder_box.setTitle(
            _("Another controller that may hold the data (optional)")
            if kind is LetterKind.ACCESS_NOT_HELD
            else _("Data held by another controller (partial answer, optional)")
        )
        self.answer_box.setVisible(kind is LetterKind.NON_GDPR_REPLY)
        self.documents_box.setVisible(kind is LetterKind.PUBLICITY_ACT_REPLY)
        self.say_repealed.setVisible(kind in SAFEGUARD_KINDS)
        typed = self.holder_name.currentText()
        self.holder_name.clear()
        self.holder_name.addItems(letters.holder_choices(self.ctx, self.case, lang))
        self.holder_name.setEditText(typed)

    def add_holder(self) -> bool:
        name = self.holder_name.currentText().strip()
        contact = self.holder_contact.text().strip()
        if not name:
            return False
        holder = OtherHolder(name, contact, self.holder_scope.text().strip())
        self.holders.append(holder)
        text = name + (f" ({holder.scope})" if holder.scope else "") + f" — {contact}"
        self.holder_list.addItem(QListWidgetItem(text))
        self.holder_contact.clear()
        self.holder_scope.clear()
        self.changed.emit()
        return True

    def remove_holder(self) -> None:
        row = self.holder_list.currentRow()
        if 0 <= row < len(self.holders):
            del self.holders[row]
            self.holder_list.takeItem(row)
            self.changed.emit()

    def documents(self) -> tuple[DocumentDecision, ...]:
        out = [DocumentDecision(d, True) for d in _lines(self.documents_given.toPlainText())]
        for line in _lines(self.documents_refused.toPlainText()):
            name, _sep, reason = line.partition("=")
            out.append(DocumentDecision(name.strip(), False, reason.strip()))
        return tuple(out)

    def apply(self, options: letters.LetterOptions, kind: LetterKind) -> letters.LetterOptions:
        """The dialog's options with what this widget adds for `kind`."""
        return replace(
            options,
            other_holders=tuple(self.holders) if kind in HOLDER_KINDS else (),
            answer=self.answer.toPlainText() if kind is LetterKind.NON_GDPR_REPLY else "",
            documents=self.documents() if kind is LetterKind.PUBLICITY_ACT_REPLY else (),
            state_invalid_safeguards=kind in SAFEGUARD_KINDS and self.say_repealed.isChecked(),
            mixed_language_ok=bool(self.mixed) and self.mixed_ok.isChecked(),
        )

    # ---------------------------------------------------- mixed language
    def show_mixed(self, mixed: tuple[letters.MixedText, ...]) -> None:
        """List the texts the letter prints that exist only in another language."""
        if tuple(mixed) != self.mixed:
            self.mixed_ok.setChecked(False)  # a new list needs a new confirmation
        self.mixed = tuple(mixed)
        self.mixed_list.clear()
        for item in self.mixed:
            self.mixed_list.addItem(QListWidgetItem(f"{item.where}: “{item.text}”"))
        self.mixed_intro.setText(
            _(
                "These texts have no version in the letter's language. Add the "
                "translations in the register editor (or in Settings), or confirm below "
                "to issue the letter with mixed language."
            )
        )
        self.mixed_box.setVisible(bool(self.mixed))
        self._mixed_selected(0 if self.mixed else -1)

    def _selected_register(self) -> int | None:
        row = self.mixed_list.currentRow()
        if 0 <= row < len(self.mixed) and self.mixed[row].register_id is not None:
            return self.mixed[row].register_id
        return next((m.register_id for m in self.mixed if m.register_id is not None), None)

    def _mixed_selected(self, _row: int) -> None:
        self.open_register_button.setEnabled(self._selected_register() is not None)

    def _open_register(self) -> None:
        ident = self._selected_register()
        if ident is not None:
            self.open_register.emit(ident)


__all__ = ["TrueToCaseInputs"]
