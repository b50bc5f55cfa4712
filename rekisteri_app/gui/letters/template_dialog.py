"""Editing the wording of a kind of letter.

`TemplateDialog`: the officer's wording of a kind+language, stored as a new version;
Reset goes back to the shipped text (also a version, so the history stays).
Everything goes through services/letters.py.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...documents.letters import KNOWN_PLACEHOLDERS, template_text
from ...domain.enums import Language, LetterAudience, LetterKind
from ...i18n import N_, _
from ...services import letters
from ...services.context import ServiceError
from .common import kind_combo, language_combo


class TemplateDialog(QDialog):
    """The officer's wording of one kind of letter in one language."""

    PLACEHOLDER_HELP = N_(
        "Fields you can use: {names}. A field without a value stops the letter from printing."
    )

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Letter wording"))
        self.kind = kind_combo()
        self.language = language_combo("fi")
        # letters to a representative speak about the principal: a wording of their own
        self.audience = QComboBox()
        self.audience.addItem(_("the data subject"), LetterAudience.DATA_SUBJECT.value)
        self.audience.addItem(_("a representative"), LetterAudience.REPRESENTATIVE.value)
        self.state_label = QLabel()
        self.text = QPlainTextEdit()
        help_label = QLabel(
            _(self.PLACEHOLDER_HELP).format(
                names=", ".join("{" + n + "}" for n in KNOWN_PLACEHOLDERS)
            )
        )
        help_label.setWordWrap(True)
        help_label.setStyleSheet("color: #555;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Kind of letter"), self.kind)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Written to"), self.audience)
        self.save_button = QPushButton(_("Save as new version"))
        self.reset_button = QPushButton(_("Reset to the shipped wording"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(help_label)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self.load)
        self.language.currentIndexChanged.connect(self.load)
        self.audience.currentIndexChanged.connect(self.load)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.load()
        self.resize(760, 560)

    def select(self, kind: LetterKind | str, lang: Language | str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(LetterKind(kind).value))
        self.language.setCurrentIndex(self.language.findData(Language(lang).value))

    def load(self, *_args: Any) -> letters.TemplateState:
        state = letters.template_state(
            self.ctx, self.kind.currentData(), self.language.currentData(), self.audience_value()
        )
        self.text.setPlainText(state.text)
        if state.overridden:
            self.state_label.setText(
                _("Own wording, version {version}.").format(version=state.version)
            )
        else:
            self.state_label.setText(_("The shipped wording."))
        self.reset_button.setEnabled(state.overridden)
        self.message.clear()
        return state

    def save(self) -> bool:
        try:
            version = letters.set_template(
                self.ctx,
                self.kind.currentData(),
                self.language.currentData(),
                self.text.toPlainText(),
                self.audience_value(),
            )
        except ServiceError as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(str(exc))
            return False
        self.load()
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(_("Stored as version {version}.").format(version=version.version))
        return True

    def reset(self) -> bool:
        try:
            letters.reset_template(
                self.ctx,
                self.kind.currentData(),
                self.language.currentData(),
                self.audience_value(),
            )
        except ServiceError as exc:
            self.message.setText(str(exc))
            return False
        self.load()
        self.message.setText(_("Back to the shipped wording."))
        return True

    def audience_value(self) -> LetterAudience:
        return LetterAudience(self.audience.currentData())

    def shipped_text(self) -> str:
        return template_text(
            self.kind.currentData(), self.language.currentData(), self.audience_value()
        )
