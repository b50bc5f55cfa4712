"""The Requests page: every rights-request case by due date, with its deadline rule.

Self-contained: `RequestsPage(ctx)` with `refresh()`; it opens the intake and case
dialogs itself and emits `changed` after anything was stored, so the window can refresh
its other pages (the dashboard). The table (request_table) is shared with the dashboard
and is paged: the status choice, the filter text and a click on a header re-query.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
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
from ..pages import LoadsWhenShown
from ..table_models import ROW_ROLE, FilteredTable
from .case_summary import case_html
from .request_table import RequestTableModel, fit_columns, make_table

# ------------------------------------------------------------------------ page


class RequestsPage(LoadsWhenShown, FilteredTable, QWidget):
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

        self.model = RequestTableModel(ctx, self)
        self.model.query = rq.RequestQuery(status=rq.OPEN)
        self.proxy = self.model  # what the table shows
        self.table = make_table(self.model)
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
        # typing re-queries once the officer pauses, not at every key
        self.typing = QTimer(self, singleShot=True, interval=250)
        self.typing.timeout.connect(self._filter_changed)
        self.filter.textChanged.connect(lambda _t: self.typing.start())
        self.status_filter.setCurrentIndex(1)  # open cases first; "All statuses" above
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self._set_status(self.status_filter.currentData())
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        """The first page again (as many rows as were shown), the counts, the selection."""
        self.stale = False
        selected = self.current_case()
        self.model.reload(keep=self.model.rowCount())
        fit_columns(self.table)
        if selected:
            self.select_case(selected)
        self._update()

    def current_case(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE).case_number if rows else None

    def select_case(self, case: str) -> bool:
        return self.select_where(lambda row: row.case_number == case)

    def _filter_changed(self) -> None:
        self.typing.stop()
        self.model.set_query(text=self.filter.text().strip() or None)
        self._update()

    def _set_status(self, status: str | None) -> None:
        self.model.set_query(status=status)
        self._update()

    def _update(self) -> None:
        """The count line: how many cases the filter shows of all (two counts in SQL)."""
        total = sum(rq.status_counts(self.ctx).values())
        shown = (
            total
            if self.model.query == rq.RequestQuery()
            else rq.count_requests(self.ctx, self.model.query)
        )
        self.hint.setVisible(not total)
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
