"""The Requests page: every rights-request case by due date, with its deadline rule.

Self-contained: `RequestsPage(ctx)` with `refresh()`; it opens the intake and case
dialogs itself and emits `changed` after anything was stored, so the window can refresh
its other pages (the dashboard). The table (request_table) is shared with the dashboard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import STATUSES
from ...i18n import _, ngettext
from ...services import requests as rq
from ..formatting import format_weekday_date, title_label
from ..table_models import ROW_ROLE, FilteredTable
from .case_summary import case_html
from .request_table import DUE_COLUMN, RequestFilter, RequestTableModel, fit_columns, make_table

Index = QModelIndex | QPersistentModelIndex


# ------------------------------------------------------------------------ page


class RequestsPage(FilteredTable, QWidget):
    """The case list with a preview of the selected case's deadline rule and timeline."""

    changed = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(title_label(_("Requests")))
        header.addStretch(1)
        self.status_filter = QComboBox()
        self.status_filter.addItem(_("All statuses"), None)
        self.status_filter.addItem(_("Open cases"), "open")
        for value, text in STATUSES.items():
            self.status_filter.addItem(_(text), str(value))
        header.addWidget(self.status_filter)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(240)
        header.addWidget(self.filter)
        layout.addLayout(header)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(_("New request…"))
        self.new_button.setToolTip("Ctrl+N")
        self.open_button = QPushButton(_("Open"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        self.letter_button = QPushButton(_("Letter…"))  # the letter dialog of the case
        self.letter_button.setShortcut("Ctrl+L")
        self.letter_button.setToolTip("Ctrl+L")
        buttons.addWidget(self.letter_button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.model = RequestTableModel(self)
        self.proxy = _OpenFilter(self)
        self.table = make_table(self.model, self.proxy)
        self.table.sortByColumn(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(lambda url: self.open_case(url.toString()))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.hint = QLabel(_("No requests yet. Press “New request…” to log the first one."))
        self.hint.setStyleSheet("color: #666;")
        layout.addWidget(self.hint)

        self.new_button.clicked.connect(self.new_request)
        self.open_button.clicked.connect(self.open_selected)
        self.letter_button.clicked.connect(self.open_letter)
        self.table.activated.connect(lambda index: self.open_case(index.data(ROW_ROLE).case_number))
        self.filter.textChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._set_status(self.status_filter.currentData())
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.status_filter.setCurrentIndex(1)  # open cases first; "All statuses" above

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        selected = self.current_case()
        self.model.set_rows(rq.list_requests(self.ctx))
        fit_columns(self.table)
        if selected:
            self.select_case(selected)
        self.hint.setVisible(not self.model.rows)
        self._update()

    def current_case(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE).case_number if rows else None

    def select_case(self, case: str) -> bool:
        return self.select_where(lambda row: row.case_number == case)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update()

    def _set_status(self, status: str | None) -> None:
        self.proxy.set_status(status)
        self._update()

    def _update(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            ngettext("{n} case", "{n} cases", total).format(n=total)
            if shown == total
            else _("{shown} of {total} cases").format(shown=shown, total=total)
        )
        self.open_button.setEnabled(self.current_case() is not None)
        self.letter_button.setEnabled(self.current_case() is not None)

    def _selection_changed(self, *_args: Any) -> None:
        self._update()
        case = self.current_case()
        if case is None:
            self.preview.clear()
            return
        self.preview.setHtml(
            case_html(rq.get_request(self.ctx, case, date_format=format_weekday_date))
        )

    # --------------------------------------------------------------- actions
    def new_request(self) -> Any:
        from .intake_dialog import open_intake

        return open_intake(self.ctx, self, self._logged)

    def _logged(self, case: str | None) -> None:
        self._stored()
        if case:
            self.select_case(case)
            self.open_case(case)

    def open_letter(self) -> Any:
        from ..letters.letter_dialog import open_letter_dialog

        case = self.current_case()
        if not case:
            return None
        return open_letter_dialog(
            self, self.ctx, case, self._stored, open_case=lambda: self.open_case(case)
        )

    def open_selected(self) -> None:
        case = self.current_case()
        if case:
            self.open_case(case)

    def open_case(self, case: str) -> Any:
        from .case_dialog import show_case

        return show_case(self, self.ctx, case, self._stored)

    def _stored(self) -> None:
        self.refresh()
        self.changed.emit()


class _OpenFilter(RequestFilter):
    """RequestFilter with the extra choice "open cases"."""

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self.status == "open":
            row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
            if row is not None and row.status not in rq.OPEN_STATUSES:
                return False
            return QSortFilterProxyModel.filterAcceptsRow(self, source_row, source_parent)
        return super().filterAcceptsRow(source_row, source_parent)
