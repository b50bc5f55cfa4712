"""The Letters page: every issued letter, its stored PDF, printing and copies.

The list is paged (`services.letters.letter_page`: one query, no PDF bytes); sorting
and filtering re-query. It loads when first shown and again when letters change.

An issued letter is an archive record: the page shows the stored bytes, prints them
(the first print of the original) and prints or saves copies stamped KOPIO / KOPIA /
COPY in the letter's own language. Nothing here can change a letter. Showing, printing
and saving go through pdf_output.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import LetterKind
from ...i18n import N_, _, ngettext
from ...services.context import ServiceError
from ..formatting import format_date, title_label
from ..pages import LoadsWhenShown
from ..pdf_output import PdfPreview, print_with_dialog, save_bytes, write_files
from ..screen import elide_headers
from ..table_models import HEADER_ROLES, ROW_ROLE, FilteredTable, Paging, RowsModel
from .common import LANGUAGE_NAMES, letter_file_name

if TYPE_CHECKING:
    from ...services import letters


def _letters():
    """The letters service, imported on first use: it brings the letter renderer
    (reportlab) along, which a window that never shows this page does not need."""
    from ...services import letters

    return letters


Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str], ...] = (
    ("case", N_("Case")),
    ("subject", N_("Data subject")),
    ("kind", N_("Kind")),
    ("language", N_("Language")),
    ("date", N_("Date")),
    ("sent_via", N_("Sent via")),
)
KIND_COLUMN, DATE_COLUMN = 2, 4


class LetterTableModel(Paging, RowsModel):
    """Read-only rows of `letters.letter_page`, a page at a time (newest first)."""

    def __init__(self, ctx: Any = None, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self.init_paging()
        self.ctx = ctx
        self.rows: list[letters.LetterInfo] = []
        self.text: str | None = None
        self.order, self.descending = "date", True
        self.loader = self._load
        self.on_sort = self._sort

    def _load(self, offset: int, limit: int) -> list[letters.LetterInfo]:
        if self.ctx is None:
            return []
        return _letters().letter_page(
            self.ctx,
            offset=offset,
            limit=limit,
            text=self.text,
            order=self.order,
            descending=self.descending,
        )

    def _sort(self, column: int, descending: bool) -> None:
        order = COLUMNS[column][0]  # every column is an order of letter_page
        if (order, descending) != (self.order, self.descending):
            self.order, self.descending = order, descending
            self.reload()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role in HEADER_ROLES  # the tooltip: the whole title when the column is narrow
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return _(COLUMNS[section][1])
        return None

    def _text(self, row: letters.LetterInfo, key: str) -> str:
        if key == "case":
            return row.case_number
        if key == "subject":
            return row.subject_name
        if key == "kind":
            return _letters().kind_label(row.kind)
        if key == "language":
            return _(LANGUAGE_NAMES[row.language.value])
        if key == "date":
            return format_date(row.issued_on)
        return _letters().sent_via_label(row.sent_via)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "kind":
            return _("SHA-256: {digest}").format(digest=row.sha256)
        return None


# ------------------------------------------------------------------ the page


class LettersPage(LoadsWhenShown, FilteredTable, QWidget):
    """Issued letters (newest first) beside the selected one's stored PDF."""

    changed = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(title_label(_("Letters")))
        header.addStretch(1)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(240)
        header.addWidget(self.filter)
        layout.addLayout(header)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New letter…"))
        self.new_button.setToolTip(_("Choose the case, then write its letter"))
        self.new_button.clicked.connect(self.new_letter)
        buttons.addWidget(self.new_button)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setToolTip(_("Print the letter as it was issued"))
        self.save_button = QPushButton(_("Save as PDF…"))
        self.copy_button = QPushButton(_("Print copy…"))
        self.copy_button.setToolTip(_("Print again, stamped as a copy in the letter's language"))
        self.save_copy_button = QPushButton(_("Save copy…"))
        self.enclosures_button = QPushButton(_("Save enclosures…"))
        self.enclosures_button.setToolTip(
            _("The machine-readable files of a portability reply (CSV and JSON)")
        )
        self.templates_button = QPushButton(_("Letter wording…"))
        self.templates_button.setToolTip(_("Edit or reset the wording of a kind of letter"))
        for button in (
            self.print_button,
            self.save_button,
            self.copy_button,
            self.save_copy_button,
            self.enclosures_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.templates_button)
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.model = LetterTableModel(ctx, self)
        self.proxy = self.model  # what the table shows
        self.table = QTableView()
        elide_headers(self.table)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(DATE_COLUMN, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # the kind takes what is left (elided) so that date and way of sending stay in view
        self.table.horizontalHeader().setSectionResizeMode(
            KIND_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.preview = PdfPreview()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.preview.setMinimumWidth(320)
        splitter.setSizes([640, 480])  # the letter must be readable beside the list
        layout.addWidget(splitter, 1)
        self.hint = QLabel(
            _("No letters issued yet. Open a case and choose “Letter…” (Ctrl+L) to write one.")
        )
        self.hint.setStyleSheet("color: #666;")
        layout.addWidget(self.hint)

        self.filter.textChanged.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.print_button.clicked.connect(lambda: self.print_letter(copy=False))
        self.copy_button.clicked.connect(lambda: self.print_letter(copy=True))
        self.save_button.clicked.connect(lambda: self.save_letter(copy=False))
        self.save_copy_button.clicked.connect(lambda: self.save_letter(copy=True))
        self.enclosures_button.clicked.connect(self.save_enclosures)
        self.templates_button.clicked.connect(self.edit_templates)
        self._update_buttons()  # counted when first shown

    def new_letter(self) -> Any:
        """Ask for the case (open cases offered, any case number typed), then the
        letter dialog of that case, as "Letter…" in the case dialog."""
        from itertools import islice

        from PySide6.QtWidgets import QInputDialog

        from ...services import requests as rq
        from ..letters.letter_dialog import open_letter_dialog
        from ..requests.case_dialog import show_case

        # the open cases by due date (the first few hundred; any number may be typed)
        rows = list(islice(rq.iter_requests(self.ctx, rq.RequestQuery(bucket=rq.OPEN)), 500))
        items = [f"{r.case_number} — {r.subject}" for r in rows]
        text, ok = QInputDialog.getItem(
            self, _("New letter"), _("Letter for case:"), items, 0, True
        )
        case = text.split(" — ", 1)[0].strip() if ok else ""
        if not case:
            return None
        try:
            rq.get_request(self.ctx, case)
        except ServiceError as exc:
            QMessageBox.warning(self, _("New letter"), str(exc))
            return None
        return open_letter_dialog(
            self,
            self.ctx,
            case,
            self.refresh,
            open_case=lambda: show_case(self, self.ctx, case, self.refresh),
        )

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        self.stale = False
        selected = self.current_letter()
        self.model.reload(keep=self.model.rowCount())
        self.table.resizeColumnsToContents()
        kept = selected is not None and self.select_letter(selected.id)
        if not kept and self.model.rowCount():  # the newest letter rather than an empty pane
            self.table.selectRow(0)
        self._update()

    def current_letter(self) -> letters.LetterInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_letter(self, letter_id: int) -> bool:
        return self.select_where(lambda row: row.id == letter_id)

    def _filter_changed(self, text: str) -> None:
        self.model.text = text.strip() or None
        self.model.reload()
        self._update()

    def _update(self) -> None:
        """The count line (two counts in SQL) and the buttons."""
        total = _letters().count_letters(self.ctx)
        text = self.model.text
        shown = total if text is None else _letters().count_letters(self.ctx, text)
        self.hint.setVisible(not total)
        self.count_label.setText(
            ngettext("{n} letter", "{n} letters", total).format(n=total)
            if shown == total
            else _("{shown} of {total} letters").format(shown=shown, total=total)
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.current_letter()
        for button in (
            self.print_button,
            self.save_button,
            self.copy_button,
            self.save_copy_button,
        ):
            button.setEnabled(info is not None)
        self.enclosures_button.setEnabled(info is not None and info.kind is LetterKind.PORTABILITY)

    def _selection_changed(self, *_args: Any) -> None:
        self._update_buttons()
        info = self.current_letter()
        if info is None:
            self.preview.show_message(_("Select a letter to see it."))
            return
        self.preview.show_pdf(_letters().letter_pdf(self.ctx, info.id))

    # --------------------------------------------------------------- actions
    def letter_bytes(self, copy: bool) -> bytes | None:
        info = self.current_letter()
        if info is None:
            return None
        try:
            return (
                _letters().reprint(self.ctx, info.id)
                if copy
                else _letters().letter_pdf(self.ctx, info.id)
            )
        except ServiceError as exc:
            QMessageBox.warning(self, _("Letters"), str(exc))
            return None

    def print_letter(self, copy: bool) -> bool:
        info, pdf = self.current_letter(), self.letter_bytes(copy)
        if info is None or pdf is None:
            return False
        return print_with_dialog(self, pdf, letter_file_name(info, copy))

    def save_letter(self, copy: bool) -> Path | None:
        info, pdf = self.current_letter(), self.letter_bytes(copy)
        if info is None or pdf is None:
            return None
        return save_bytes(self, pdf, letter_file_name(info, copy), _("PDF files (*.pdf)"))

    def save_enclosures(self) -> list[Path]:
        info = self.current_letter()
        if info is None:
            return []
        files = _letters().enclosure_files(self.ctx, info.id)
        if not files:
            QMessageBox.information(self, _("Letters"), _("This letter has no file enclosures."))
            return []
        folder = QFileDialog.getExistingDirectory(self, _("Save enclosures in folder"))
        if not folder:
            return []
        return write_files(self, Path(folder), files)

    def edit_templates(self) -> Any:
        from .template_dialog import TemplateDialog

        dialog = TemplateDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
