"""Shows an attachment (a scanned letter, a power of attorney) from memory.

Attachments hold personal data and are kept only inside the encrypted database, so
"Open" never writes a temporary file for another program to read: images, PDFs and
plain text are shown here from the bytes; anything else can only be saved where the
officer chooses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ..pdf_output import pdf_view, read_only_buffer

TEXT_TYPES = ("text/", "application/json", "application/xml")


def preview_kind(filename: str, media_type: str | None) -> str:
    """'image', 'pdf', 'text' or 'none' for what the viewer can show."""
    media = (media_type or "").lower()
    suffix = Path(filename).suffix.lower()
    if media.startswith("image/") or suffix in (
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".bmp",
        ".tif",
        ".tiff",
        ".webp",
    ):
        return "image"
    if media == "application/pdf" or suffix == ".pdf":
        return "pdf"
    if media.startswith(TEXT_TYPES) or suffix in (".txt", ".csv", ".eml"):
        return "text"
    return "none"


class AttachmentViewer(QDialog):
    """One attachment, shown from its bytes; "Save as…" writes it where the user says."""

    def __init__(
        self, filename: str, media_type: str | None, content: bytes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.filename = filename
        self.content = content
        self.setWindowTitle(_("Attachment: {name}").format(name=filename))
        layout = QVBoxLayout(self)
        self.kind = preview_kind(filename, media_type)
        self.view = self._make_view()
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(_("Save as…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 900 if self.kind in ("image", "pdf") else 600)

    def _message(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _make_view(self) -> QWidget:
        if self.kind == "image":
            pixmap = QPixmap()
            if not pixmap.loadFromData(self.content):
                return self._message(
                    _("The image cannot be shown: the file is damaged or of an unknown kind.")
                )
            label = QLabel()
            label.setPixmap(pixmap)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            area = QScrollArea()
            area.setWidget(label)
            area.setWidgetResizable(True)
            return area
        if self.kind == "pdf":
            return self._pdf_view()
        if self.kind == "text":
            box = QPlainTextEdit(self.content.decode("utf-8", errors="replace"))
            box.setReadOnly(True)
            return box
        return self._message(
            _(
                "Rekisteri cannot show this kind of file. Use “Save as…” "
                "to store a copy and open it with another program; delete "
                "the copy when you no longer need it."
            )
        )

    def _pdf_view(self) -> QWidget:
        from PySide6.QtPdf import QPdfDocument

        self.pdf = QPdfDocument(self)
        self.buffer = read_only_buffer(self.content, self)
        self.pdf.load(self.buffer)
        if self.pdf.status() != QPdfDocument.Status.Ready or self.pdf.pageCount() == 0:
            return self._message(_("The PDF cannot be shown: the file is damaged."))
        return pdf_view(self.pdf, self)

    def save_as(self) -> Any:
        path, _filter = QFileDialog.getSaveFileName(self, _("Save attachment"), self.filename)
        if not path:
            return None
        from ...files import WriteFailed, write_atomically

        try:
            write_atomically(path, self.content)  # 0600, whole or not at all
        except WriteFailed as exc:
            from .. import dialogs

            dialogs.show_error(
                self,
                _("Not saved"),
                _("Cannot write {path}: {error}").format(path=path, error=exc.detail),
            )
            return None
        return path
