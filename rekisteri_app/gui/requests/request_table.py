"""The table of rights-request cases that the Requests page and the Dashboard share.

Rows are `services.requests.RequestRow`s, coloured by urgency and sorted by the
service's own sort key, so both lists order and tint a case alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
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
from ..table_models import HEADER_ROLES, ROW_ROLE, SORT_ROLE, RowsModel

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


class RequestTableModel(RowsModel):
    """Rows of `services.requests.RequestRow`, coloured by urgency."""

    def __init__(self, parent: Any = None, columns: Sequence[str] | None = None) -> None:
        keys = columns or [key for key, _title in COLUMNS]
        super().__init__([(key, title) for key, title in COLUMNS if key in keys], parent)
        self.rows: list[rq.RequestRow] = []

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

    def _sort(self, row: rq.RequestRow, key: str) -> Any:
        if key == "case":
            return (row.received_on.year, row.case_number)
        if key == "received":
            return row.received_on.isoformat()
        if key in ("due", "left"):
            rank, due, received, case = rq.sort_key(row)
            return f"{rank}{due.isoformat()}{received.isoformat()}{case}"
        return self._text(row, key).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == SORT_ROLE:
            return self._sort(row, key)
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


class RequestFilter(QSortFilterProxyModel):
    """Text in any column and, optionally, one status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_status(self, status: str | None) -> None:
        self.change_filter(lambda: setattr(self, "status", status))

    def change_filter(self, change: Any) -> None:
        """Apply `change()` and re-filter (Qt 6.9+ way when there is one)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if self.status and row is not None and row.status != self.status:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


def make_table(model: QAbstractTableModel, proxy: QSortFilterProxyModel) -> QTableView:
    proxy.setSourceModel(model)
    table = QTableView()
    elide_headers(table)
    table.setModel(proxy)
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
