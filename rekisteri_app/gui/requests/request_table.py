"""The table of rights-request cases that the Requests page and the Dashboard share.

Rows are `services.requests.RequestRow`s, coloured by urgency. The model is paged: it
asks the page's `RequestQuery` for 200 cases at a time as the view scrolls, and a click
on a header re-queries in that column's SQL order (`ORDERS`), so both lists order and
tint a case alike whatever the number of cases.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from ...domain.deadlines import Urgency
from ...domain.vocabulary import RIGHTS, STATUSES, URGENCIES, label
from ...i18n import N_, _
from ...services import requests as rq
from ..formatting import URGENCY_BACKGROUND, URGENCY_FOREGROUND, days_left_text, format_date
from ..screen import elide_headers
from ..table_models import HEADER_ROLES, ROW_ROLE, Paging, RowsModel

Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str], ...] = (
    ("case", N_("Case")),
    ("received", N_("Received")),
    ("due", N_("Due")),
    ("left", N_("Time left")),
    ("status", N_("Status")),
    ("subject", N_("Data subject")),
    ("rights", N_("Rights")),
)
DUE_COLUMN = 2
# the service's order for each column (services.requests.ORDERS); rights: not sortable
ORDERS = {
    "case": "case",
    "received": "received",
    "due": "due",
    "left": "due",
    "status": "status",
    "subject": "subject",
}


class RequestTableModel(Paging, RowsModel):
    """Rows of `services.requests.RequestRow`, coloured by urgency, a page at a time
    from `query` (set it and call `reload()`)."""

    def __init__(self, ctx: Any = None, parent: Any = None) -> None:
        super().__init__([(key, title) for key, title in COLUMNS], parent)
        self.init_paging()
        self.ctx = ctx
        self.rows: list[rq.RequestRow] = []
        self.query = rq.RequestQuery()
        self.loader = self._load
        self.on_sort = self._sort

    def _load(self, offset: int, limit: int) -> list[rq.RequestRow]:
        if self.ctx is None:
            return []
        return rq.request_page(self.ctx, self.query, offset=offset, limit=limit)

    def set_query(self, **changes: Any) -> None:
        """Change the filter or order and query again."""
        self.query = replace(self.query, **changes)
        self.reload()

    def _sort(self, column: int, descending: bool) -> None:
        order = ORDERS.get(self.columns[column][0])
        if order is not None and (order, descending) != (
            self.query.order,
            self.query.descending,
        ):
            self.set_query(order=order, descending=descending)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in HEADER_ROLES:  # tip: if cut
            return _(self.columns[section][1])
        return None

    def _text(self, row: rq.RequestRow, key: str) -> str:
        if key == "case":
            return row.case_number
        if key == "received":
            return format_date(row.received_on)
        if key == "subject":
            if row.requester:
                return _("{subject} (by {requester})").format(
                    subject=row.subject, requester=row.requester
                )
            return row.subject
        if key == "rights":
            return ", ".join(label(RIGHTS, r).split(" (")[0] for r in row.rights)
        if key == "status":
            return label(STATUSES, row.status)
        if key == "due":
            if row.due is None:
                return (
                    label(URGENCIES, row.urgency)
                    if row.urgency in (Urgency.SUSPENDED, Urgency.NO_DEADLINE)
                    else ""
                )
            text = format_date(row.due)
            return text + (" " + _("(extended)") if row.extended else "")
        if key == "left":
            if row.status not in rq.OPEN_STATUSES:
                return ""
            return days_left_text(row.days_left)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = URGENCY_BACKGROUND.get(row.urgency)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and key in ("due", "left"):
            colour = URGENCY_FOREGROUND.get(row.urgency)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            # The full text (columns are capped in width) and the urgency in words.
            tip = "\n".join(
                x for x in (self._text(row, key), label(URGENCIES, row.urgency), row.problem) if x
            )
            if key == "rights":
                tip = "\n".join(label(RIGHTS, r) for r in row.rights)
            return tip
        return None


def make_table(model: QAbstractTableModel) -> QTableView:
    table = QTableView()
    elide_headers(table)
    table.setModel(model)
    table.horizontalHeader().setSortIndicator(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


MAX_COLUMN_WIDTH = 220  # long statuses and names are elided; the tooltip has them whole


def fit_columns(table: QTableView) -> None:
    """Fit to content within limits; the last column (rights) takes the rest."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(
            column, min(max(header.sectionSize(column) + 12, 70), MAX_COLUMN_WIDTH)
        )
