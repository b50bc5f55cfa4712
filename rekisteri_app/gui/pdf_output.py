"""PDFs in the window: a preview from bytes in memory, printing, and saving where asked.

Letters and notices hold personal data and only the encrypted database may keep them on
disk, so a PDF is shown and printed from memory (never a temporary file) and written
only where the officer chooses, atomically (`files.write_atomically`). QtPdf and the
printing support are imported when first needed, so the window opens without them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from ..i18n import _, ngettext
from . import dialogs


def read_only_buffer(data: bytes, parent: Any = None) -> QBuffer:
    """An open, read-only QBuffer over `data`, for QPdfDocument.load."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return buffer


def pdf_view(document: Any, parent: QWidget | None = None) -> Any:
    """A QPdfView showing every page of `document`, fitted to the width."""
    from PySide6.QtPdfWidgets import QPdfView

    view = QPdfView(parent)
    view.setDocument(document)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    return view


class PdfPreview(QWidget):
    """A QPdfView over bytes in memory, or a grey message in its place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument

        self.document = QPdfDocument(self)
        self.view = pdf_view(self.document, self)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.placeholder, 1)
        self._buffer: QBuffer | None = None
        self.pdf: bytes = b""
        self.show_message("")

    def show_pdf(self, pdf: bytes) -> None:
        self.document.close()
        self._buffer = read_only_buffer(pdf, self)
        self.document.load(self._buffer)
        self.pdf = pdf
        self.placeholder.hide()
        self.view.show()

    def show_message(self, text: str) -> None:
        self.document.close()
        self.pdf = b""
        self.placeholder.setText(text)
        self.view.hide()
        self.placeholder.show()

    def page_count(self) -> int:
        return self.document.pageCount()


def print_pdf_to(printer: Any, pdf: bytes) -> int:
    """Paint every page of `pdf` on `printer` at its resolution; returns the page count."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    buffer = read_only_buffer(pdf)
    document = QPdfDocument()
    document.load(buffer)
    count = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_("The printer could not be started."))
    try:
        dpi = min(printer.resolution(), 300)
        for page in range(count):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, size)
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            target.moveTo(0, 0)
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target.setSize(scaled)
            painter.drawImage(target, image)
    finally:
        painter.end()
        document.close()
    return count


def print_with_dialog(parent: QWidget, pdf: bytes, title: str) -> bool:
    """The system print dialog, then the pages; False when the officer cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print {title}").format(title=title))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    try:
        print_pdf_to(printer, pdf)
    except OSError as exc:
        QMessageBox.warning(parent, _("Print"), str(exc))
        return False
    return True


def save_bytes(parent: QWidget, content: bytes, suggested: str, file_filter: str) -> Path | None:
    """Ask where to save, then write atomically (a reader never sees half a file)."""
    from ..files import WriteFailed, write_atomically

    path, _selected = QFileDialog.getSaveFileName(parent, _("Save as"), suggested, file_filter)
    if not path:
        return None
    try:
        write_atomically(Path(path), content)
    except WriteFailed as exc:
        QMessageBox.warning(parent, _("Save as"), exc.message)
        return None
    return Path(path)


def write_files(parent: QWidget, folder: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write enclosure files into `folder` (atomically); tell the officer what failed."""
    from ..files import WriteFailed, write_atomically

    existing = [
        folder / Path(name).name for name, _c in files if (folder / Path(name).name).exists()
    ]
    if existing and not dialogs.confirm(
        parent,
        _("Save as"),
        ngettext(
            "{name} already exists in {folder}. Replace it?",
            "{n} of the files already exist in {folder} ({name} …). Replace them?",
            len(existing),
        ).format(n=len(existing), name=existing[0].name, folder=folder),
        _("Replace"),
    ):
        return []
    written: list[Path] = []
    for name, content in files:
        target = folder / Path(name).name
        try:
            write_atomically(target, content)
        except WriteFailed as exc:
            QMessageBox.warning(parent, _("Save as"), exc.message)
            for path in written:
                with contextlib.suppress(OSError):
                    path.unlink()
            return []
        written.append(target)
    return written
