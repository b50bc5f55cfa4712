"""The privacy notice window: preview, save, publish, changes and published versions.

Opened from the Registers page for the selected register(s) (several of one controller make
one notice). Everything goes through services/notices.py, as the CLI does; the window only
shows. The PDF viewer (QtPdf) is imported when first needed, so the main window starts
without it and a build without QtPdf still previews HTML.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QBuffer, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _, ngettext
from .. import dialogs
from ..formatting import format_date
from ..pdf_output import pdf_view, read_only_buffer
from ..screen import elide_headers
from ..table_models import ROW_ROLE, RowTableModel, TableColumn

LANGUAGES = (("fi", N_("Finnish")), ("sv", N_("Swedish")), ("en", N_("English")))
FORMATS = (("pdf", N_("PDF")), ("html", N_("HTML")))
STATUS_TEXT = {
    "added": N_("added"),
    "removed": N_("removed"),
    "changed": N_("changed"),
    "unchanged": N_("unchanged"),
}


MISSING_SHOWN = 6


def selected_register_ids(page: Any) -> list[int]:
    """The ids of the rows selected on a ListPage (else its current row), in table order."""
    rows = [index.data(ROW_ROLE) for index in page.table.selectionModel().selectedRows()]
    rows = [row for row in rows if row is not None]
    if not rows and page.current_row() is not None:
        rows = [page.current_row()]
    return [row.id for row in rows]


class NoticeDialog(QDialog):
    """One notice of `register_ids`: the current text, and the versions stored of it."""

    def __init__(
        self,
        ctx: Any,
        register_ids: Sequence[int],
        parent: QWidget | None = None,
        *,
        lang: str = "fi",
    ) -> None:
        super().__init__(parent)
        from ...services import notices

        self.ctx = ctx
        self.register_ids = list(register_ids)
        self.content: bytes | str = b""
        self.shown_format = "pdf"
        self.shown_content: bytes | str = b""
        self._pdf_view: Any = None
        self._pdf_document: Any = None
        self._pdf_buffer: QBuffer | None = None
        with ctx.read() as session:
            registers = notices.find_registers(session, self.register_ids)
            self.names = [r.name for r in registers]
        self.setWindowTitle(_("Privacy notice — {names}").format(names=", ".join(self.names)))
        self.resize(980, 760)
        self._build(lang)
        self.refresh()

    # ---------------------------------------------------------------- building
    def _build(self, lang: str) -> None:
        layout = QVBoxLayout(self)
        title = QLabel("<b>{}</b>".format(html.escape(", ".join(self.names))))
        title.setWordWrap(True)
        layout.addWidget(title)

        bar = QHBoxLayout()
        self.lang_box = QComboBox()
        for code, name in LANGUAGES:
            self.lang_box.addItem(_(name), code)
        self.lang_box.setCurrentIndex(max(0, self.lang_box.findData(lang)))
        self.format_box = QComboBox()
        for code, name in FORMATS:
            self.format_box.addItem(_(name), code)
        bar.addWidget(QLabel(_("Language:")))
        bar.addWidget(self.lang_box)
        bar.addWidget(QLabel(_("Format:")))
        bar.addWidget(self.format_box)
        bar.addStretch(1)
        self.save_button = QPushButton(_("Save as…"))
        self.publish_button = QPushButton(_("Publish…"))
        self.publish_button.setToolTip(
            _("Store this notice as a dated version; the checker's red findings are shown first")
        )
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.zoom_in_button = QPushButton(_("Zoom in"))
        self.zoom_in_button.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.zoom_out_button = QPushButton(_("Zoom out"))
        self.zoom_out_button.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut))
        for button in (self.zoom_out_button, self.zoom_in_button, self.print_button):
            button.setToolTip(button.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            bar.addWidget(button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.publish_button)
        layout.addLayout(bar)
        self.zoom = 1.0

        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.PlainText)  # it names register texts
        layout.addWidget(self.info_label)

        self.tabs = QTabWidget()
        self.preview_stack = QStackedWidget()
        self.html_view = QTextBrowser()
        self.html_view.setOpenExternalLinks(False)
        self.preview_stack.addWidget(self.html_view)
        self.tabs.addTab(self.preview_stack, _("Preview"))
        self.changes_view = QTextBrowser()
        self.tabs.addTab(self.changes_view, _("Changes since last published"))
        self.tabs.addTab(self._versions_tab(), _("Published versions"))
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.lang_box.currentIndexChanged.connect(self.refresh)
        self.format_box.currentIndexChanged.connect(self.refresh)
        self.save_button.clicked.connect(self.save_as)
        self.publish_button.clicked.connect(self.publish)
        self.print_button.clicked.connect(self.print_preview)
        self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self.zoom * 1.25))
        self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self.zoom / 1.25))

    def _versions_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.versions_model = RowTableModel(
            [
                TableColumn(N_("Version"), lambda v: v.version),
                TableColumn(
                    N_("Date"), lambda v: format_date(v.issued_on), sort=lambda v: v.issued_on
                ),
                TableColumn(N_("Language"), lambda v: v.language or ""),
                TableColumn(N_("Format"), lambda v: (v.format or "").upper()),
                TableColumn(N_("SHA-256"), lambda v: (v.sha256 or "")[:16]),
                TableColumn(N_("Note"), lambda v: v.note or "", stretch=True),
            ],
            self,
        )
        self.versions_table = QTableView()
        elide_headers(self.versions_table)
        self.versions_table.setModel(self.versions_model)
        self.versions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.versions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions_table.verticalHeader().hide()
        self.versions_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.versions_table.horizontalHeader().setStretchLastSection(True)
        self.versions_table.doubleClicked.connect(lambda _index: self.open_version())
        layout.addWidget(self.versions_table, 1)
        row = QHBoxLayout()
        self.open_version_button = QPushButton(_("Open"))
        self.save_version_button = QPushButton(_("Save version as…"))
        self.open_version_button.clicked.connect(self.open_version)
        self.save_version_button.clicked.connect(self.save_version_as)
        row.addStretch(1)
        row.addWidget(self.open_version_button)
        row.addWidget(self.save_version_button)
        layout.addLayout(row)
        return tab

    # ------------------------------------------------------------------ state
    @property
    def lang(self) -> str:
        return str(self.lang_box.currentData())

    @property
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def refresh(self) -> None:
        """Re-render the preview and reload the changes and the versions."""
        from ...services import notices

        self.content = notices.render(self.ctx, self.register_ids, self.lang, self.fmt)
        self.show_content(self.content, self.fmt)
        self.show_changes()
        self.versions_model.set_rows(notices.list_versions(self.ctx, self.register_ids))
        self._update_info()

    def _update_info(self) -> None:
        from ...services import notices

        red = notices.red_findings(self.ctx, self.register_ids, self.lang)
        last = notices.last_published(self.ctx, self.register_ids, self.lang)
        self.missing = notices.missing_translations(self.ctx, self.register_ids, self.lang)
        parts = []
        if last is None:
            parts.append(_("No notice in this language has been published yet."))
        else:
            parts.append(
                _("Last published: version {version} of {date}.").format(
                    version=last.version, date=format_date(last.issued_on)
                )
            )
        if red:
            parts.append(
                ngettext(
                    "The checker has {n} red finding.",
                    "The checker has {n} red findings.",
                    len(red),
                ).format(n=len(red))
            )
        if self.missing:
            shown = ", ".join(
                m.path if m.entity == "register" else f"{m.entity} {m.path}"
                for m in self.missing[:MISSING_SHOWN]
            )
            more = len(self.missing) - MISSING_SHOWN
            parts.append(
                ngettext(
                    "{n} text has no version in this language and is printed as recorded: {texts}",
                    "{n} texts have no version in this language and are printed as "
                    "recorded: {texts}",
                    len(self.missing),
                ).format(n=len(self.missing), texts=shown + (f" … (+{more})" if more > 0 else ""))
            )
        self.info_label.setText(" ".join(parts))

    # ---------------------------------------------------------------- preview
    def _pdf(self) -> Any:
        """The PDF viewer, made on first use (QtPdf is loaded lazily)."""
        if self._pdf_view is None:
            from PySide6.QtPdf import QPdfDocument

            self._pdf_document = QPdfDocument(self)
            self._pdf_view = pdf_view(self._pdf_document, self)
            self.preview_stack.addWidget(self._pdf_view)
        return self._pdf_view

    def show_content(self, content: bytes | str, fmt: str) -> None:
        """Show a notice (the current one or a stored version) in the Preview tab."""
        self.shown_format = fmt
        self.shown_content = content  # what Print prints
        if fmt == "pdf":
            view = self._pdf()
            data = content.encode("utf-8") if isinstance(content, str) else content
            buffer = read_only_buffer(data, self)
            self._pdf_document.close()
            self._pdf_document.load(buffer)
            if self._pdf_buffer is not None:
                self._pdf_buffer.deleteLater()
            self._pdf_buffer = buffer
            self.preview_stack.setCurrentWidget(view)
        else:
            text = content.decode("utf-8") if isinstance(content, bytes) else content
            self.html_view.setHtml(text)
            self.preview_stack.setCurrentWidget(self.html_view)

    def set_zoom(self, factor: float) -> float:
        """Zoom the preview (the HTML text and the PDF pages alike), 50 %–400 %."""
        from PySide6.QtGui import QFont

        self.zoom = min(4.0, max(0.5, factor))
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * self.zoom)
        self.html_view.document().setDefaultFont(font)
        self.html_view.setHtml(self.html_view.toHtml())
        if self._pdf_view is not None:
            self._pdf_view.setZoomMode(self._pdf_view.ZoomMode.Custom)
            self._pdf_view.setZoomFactor(self.zoom)
        return self.zoom

    def print_preview(self) -> bool:
        """Print what the preview shows: the PDF's pages, or the HTML notice."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ..pdf_output import print_with_dialog

        title = self._suggested_name(self.shown_format)
        if self.shown_format == "pdf":
            content = self.shown_content
            data = content.encode("utf-8") if isinstance(content, str) else content
            return print_with_dialog(self, data, title)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self.html_view.document().print_(printer)
        return True

    def pdf_page_count(self) -> int:
        return 0 if self._pdf_document is None else int(self._pdf_document.pageCount())

    # ---------------------------------------------------------------- changes
    def show_changes(self) -> None:
        from ...services import notices

        last = notices.last_published(self.ctx, self.register_ids, self.lang)
        changes = notices.changes_since_published(self.ctx, self.register_ids, self.lang)
        self.changes = changes
        self.changes_view.setHtml(changes_html(last, changes))

    # ---------------------------------------------------------------- actions
    def _ask_path(self, suggested: str, fmt: str) -> str:
        filters = _("PDF files (*.pdf)") if fmt == "pdf" else _("HTML pages (*.html *.htm)")
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the notice"), suggested, filters)
        return path

    def _suggested_name(self, fmt: str, version: str = "") -> str:
        base = _("privacy-notice")
        suffix = f"-v{version}" if version else ""
        return f"{base}-{self.lang}{suffix}.{fmt}"

    def save_as(self) -> None:
        path = self._ask_path(self._suggested_name(self.fmt), self.fmt)
        if path:
            self.save_to_path(path, self.content)

    def save_to_path(self, path: str, content: bytes | str) -> bool:
        from ...files import WriteFailed, write_atomically

        try:
            write_atomically(path, content)
        except WriteFailed as exc:
            dialogs.show_error(self, _("Save the notice"), exc.message)
            return False
        self.info_label.setText(_("Saved to {path}.").format(path=path))
        return True

    def confirm_red_findings(self, findings: Sequence[Any]) -> bool:
        """Ask before publishing over the checker's red findings; they are listed."""
        from ...i18n import current_language

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Publish the notice"))
        box.setText(
            ngettext(
                "The checker has {n} red finding for this notice:",
                "The checker has {n} red findings for this notice:",
                len(findings),
            ).format(n=len(findings))
        )
        items = "".join(
            f"<li><b>{html.escape(f.subject_name)}</b>: "
            f"{html.escape(f.text(current_language()))}</li>"
            for f in findings
        )
        box.setInformativeText(f"<ul>{items}</ul>" + html.escape(_("Publish anyway?")))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return dialogs.run_box(box) == QMessageBox.StandardButton.Yes

    def publish(self) -> bool:
        """Store the current notice as a version (asking first when red findings exist)."""
        from ...services import notices
        from ...services.context import ServiceError

        red = notices.red_findings(self.ctx, self.register_ids, self.lang)
        if red and not self.confirm_red_findings(red):
            self.info_label.setText(_("Nothing was published."))
            return False
        try:
            published = notices.publish(
                self.ctx, self.register_ids, self.lang, self.fmt, confirm_red=bool(red)
            )
        except ServiceError as exc:
            dialogs.show_error(self, _("Publish the notice"), str(exc))
            return False
        self.refresh()
        self.info_label.setText(
            _("Published version {version} of {date} ({lang}, {format}). SHA-256: {digest}").format(
                version=published.version,
                date=format_date(published.issued_on),
                lang=published.language,
                format=published.format.upper(),
                digest=published.sha256,
            )
        )
        return True

    def selected_version(self) -> Any | None:
        rows = self.versions_table.selectionModel().selectedRows()
        index = rows[0] if rows else self.versions_table.currentIndex()
        if not index.isValid():
            return None
        return self.versions_model.rows[index.row()]

    def _stored(self) -> tuple[Any, bytes] | None:
        from ...services import notices

        version = self.selected_version()
        if version is None:
            return None
        content = notices.version_content(self.ctx, version.id)
        if not content:
            dialogs.show_info(
                self,
                _("Published versions"),
                _("Version {version} is known only by its date; no text is stored.").format(
                    version=version.version
                ),
            )
            return None
        return version, content

    def open_version(self) -> None:
        """Show the selected stored version in the Preview tab."""
        stored = self._stored()
        if stored is None:
            return
        version, content = stored
        self.show_content(content, version.format or "pdf")
        self.tabs.setCurrentIndex(0)
        self.info_label.setText(
            _("Showing the stored version {version} of {date}.").format(
                version=version.version, date=format_date(version.issued_on)
            )
        )

    def save_version_as(self) -> None:
        stored = self._stored()
        if stored is None:
            return
        version, content = stored
        fmt = version.format or "pdf"
        path = self._ask_path(self._suggested_name(fmt, version.version), fmt)
        if path:
            self.save_to_path(path, content)


def _readable(line: str) -> str:
    """One line of a section's plain text (section_texts) as HTML: "### heading" in bold,
    "- item" as a bullet."""
    stripped = line.lstrip()
    indent = "&nbsp;" * 2 * (len(line) - len(stripped))
    if stripped.startswith("#"):
        return f"{indent}<b>{html.escape(stripped.lstrip('#').strip())}</b>"
    if stripped.startswith("- "):
        return f"{indent}• {html.escape(stripped[2:])}"
    return indent + html.escape(stripped)


def changes_html(last: Any, changes: Sequence[Any]) -> str:
    """Section by section: changed ones with their added (+) and removed (−) lines."""
    if last is None:
        intro = _("No notice in this language has been published yet: every section is new.")
        return f"<p>{html.escape(intro)}</p>"
    changed = [c for c in changes if str(c.status) != "unchanged"]
    head = _("Compared with version {version} of {date}.").format(
        version=last.version, date=format_date(last.issued_on)
    )
    out = [f"<p>{html.escape(head)}</p>"]
    if not changed:
        out.append("<p><b>{}</b></p>".format(html.escape(_("Nothing has changed."))))
    for change in changed:
        status = _(STATUS_TEXT.get(str(change.status), str(change.status)))
        out.append(f"<h3>{html.escape(change.heading)} ({html.escape(status)})</h3>")
        lines = []
        for line in change.diff:
            if line.startswith(("---", "+++", "@@")):
                continue
            text = _readable(line[1:])
            if line.startswith("+"):
                lines.append(f'<div style="background:#e6f4ea;color:#14532d">+ {text}</div>')
            elif line.startswith("-"):
                lines.append(f'<div style="background:#fde8e8;color:#7f1d1d">− {text}</div>')
            else:
                lines.append(f'<div style="color:#555">&nbsp;&nbsp;{text}</div>')
        out.append("".join(lines))
    same = len(changes) - len(changed)
    if same:
        out.append(
            "<p style='color:#555'>{}</p>".format(
                html.escape(
                    ngettext("{n} section unchanged.", "{n} sections unchanged.", same).format(
                        n=same
                    )
                )
            )
        )
    return "".join(out)


def open_notice_dialog(parent: QWidget, page: Any, ctx: Any) -> NoticeDialog | None:
    """The main window's "Privacy notice…" action: the selected register(s), else a hint."""
    from ...services.context import ServiceError

    ids = selected_register_ids(page)
    if not ids:
        dialogs.show_info(
            parent, _("Privacy notice"), _("Select one register, or several of one controller.")
        )
        return None
    try:
        dialog = NoticeDialog(ctx, ids, parent)
    except ServiceError as exc:
        dialogs.show_error(parent, _("Privacy notice"), str(exc))
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
