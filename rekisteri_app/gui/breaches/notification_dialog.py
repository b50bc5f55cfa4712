"""The notification draft in the window: the plain text to copy into the Ombudsman's
e-service beside its PDF, in the chosen language. Nothing is stored; the PDF is shown
from memory and written only where the officer asks."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import LANGUAGES, NOTIFICATION_KINDS, choices
from ...i18n import _
from ...services import breaches as br
from ...services.context import ServiceError
from ..pdf_output import PdfPreview, print_with_dialog, save_bytes
from ..requests.widgets import MessageLine, make_combo


class NotificationDialog(QDialog):
    def __init__(self, ctx: Any, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reference = reference
        self.draft: br.Draft | None = None
        self.setWindowTitle(_("Notification draft {ref}").format(ref=reference))
        self.resize(1100, 760)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.language = make_combo(choices(LANGUAGES))
        self.kind = make_combo(choices(NOTIFICATION_KINDS), none=_("— type not stated —"))
        row.addWidget(QLabel(_("Language")))
        row.addWidget(self.language)
        row.addWidget(QLabel(_("Kind")))
        row.addWidget(self.kind)
        row.addStretch(1)
        self.copy_button = QPushButton(_("Copy text"))
        self.save_button = QPushButton(_("Save as PDF…"))
        self.print_button = QPushButton(_("Print…"))
        for button in (self.copy_button, self.save_button, self.print_button):
            row.addWidget(button)
        layout.addLayout(row)
        hint = QLabel(
            _(
                "Copy each section into the Ombudsman's e-service form. What is not recorded "
                "yet is listed at the end; send it later as a supplementary notification."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        splitter = QSplitter()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.pdf = PdfPreview()
        splitter.addWidget(self.text)
        splitter.addWidget(self.pdf)
        splitter.setSizes([520, 560])
        layout.addWidget(splitter, 1)
        self.message = MessageLine()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.language.currentIndexChanged.connect(lambda _i: self.render())
        self.kind.currentIndexChanged.connect(lambda _i: self.render())
        self.copy_button.clicked.connect(self.copy_text)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        self.render()

    def render(self) -> None:
        try:
            self.draft = br.notification_draft(
                self.ctx, self.reference, self.language.currentData(), self.kind.currentData()
            )
        except ServiceError as exc:
            self.draft = None
            self.text.setPlainText("")
            self.pdf.show_message(str(exc))
            self.message.error(str(exc))
        else:
            self.text.setPlainText(self.draft.text)
            self.pdf.show_pdf(self.draft.pdf)
            self.message.setText("")
        for button in (self.copy_button, self.save_button, self.print_button):
            button.setEnabled(self.draft is not None)

    def copy_text(self) -> None:
        if self.draft is not None:
            QGuiApplication.clipboard().setText(self.draft.text)
            self.message.done(_("The text is on the clipboard."))

    def _name(self) -> str:
        lang = self.draft.language.value if self.draft else "fi"
        return f"{self.reference}-{lang}.pdf"

    def save_pdf(self) -> Any:
        if self.draft is None:
            return None
        return save_bytes(self, self.draft.pdf, self._name(), _("PDF files (*.pdf)"))

    def print_pdf(self) -> bool:
        if self.draft is None:
            return False
        return print_with_dialog(self, self.draft.pdf, self._name())
