"""Read-only table models over service rows, and the filter proxy every list uses.

A list page hands `RowTableModel` the frozen rows a service returned and a `TableColumn`
per column; sorting uses a separate sort key (dates as dates, badges by severity), and
`FilterProxy` matches the filter text in any column, ignoring case.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ..domain import vocabulary
from ..i18n import _
from . import status

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
# A column's title is also its header's tooltip, for when a narrow column cuts it.
HEADER_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TableColumn:
    """`value(row)` is shown; `sort(row)` orders (default: the value, case-folded)."""

    header: str  # N_-marked English
    value: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    badge: bool = False  # the status column: dot + word, sorted by severity
    tooltip: Callable[[Any], str | None] | None = None
    stretch: bool = False  # this column takes the width the others leave


class RowsModel(QAbstractTableModel):
    """A read-only list of service rows, replaced wholesale on refresh (a model reset is
    cheaper than diffing for the few thousand rows an officer keeps)."""

    def __init__(self, columns: Sequence[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)


class RowTableModel(RowsModel):
    def __init__(self, columns: Sequence[TableColumn], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self.status_of: Callable[[Any], str] = lambda _row: status.OK
        self.findings_of: Callable[[Any], list[Any]] = lambda _row: []

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role in HEADER_ROLES  # the tooltip: the whole title when the column is narrow
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return _(self.columns[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == ROW_ROLE:
            return row
        if column.badge:
            state = self.status_of(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return vocabulary.label(vocabulary.CHECK_STATUSES, state)
            if role == Qt.ItemDataRole.DecorationRole:
                return status.dot(state)
            if role == SORT_ROLE:
                return status.RANK.get(state, 2)
            if role == STATUS_ROLE:
                return state
            if role == Qt.ItemDataRole.ToolTipRole:
                found = self.findings_of(row)
                return "\n".join(f"• {f.text()}" for f in found) or _("No findings.")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(column.value(row), int):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SORT_ROLE:
            key = column.sort(row) if column.sort else column.value(row)
            if isinstance(key, str):
                return key.casefold()
            return "" if key is None else key
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(row)
            value = column.value(row)
            text = "" if value is None else str(value)
            return text if len(text) > 30 else None
        return None


class FilterProxy(QSortFilterProxyModel):
    """Case-insensitive filtering over all columns, sorting by SORT_ROLE."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:  # mixed kinds (a date and a blank): blanks first
            return str(a) < str(b)


class FilteredTable:
    """What every list page with a filter box does the same way (mixed into the page
    widgets, which provide `filter`, `proxy` and `table`)."""

    filter: Any
    proxy: Any
    table: Any

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def select_where(self, test: Callable[[Any], bool]) -> bool:
        """Select the first shown row whose service object passes `test`."""
        for proxy_row in range(self.proxy.rowCount()):
            index = self.proxy.index(proxy_row, 0)
            if test(index.data(ROW_ROLE)):
                self.table.setCurrentIndex(index)
                self.table.selectRow(proxy_row)
                return True
        return False
