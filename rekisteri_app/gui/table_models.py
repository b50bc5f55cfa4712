"""Read-only table models over service rows.

Long lists are paged: a `Paging` model asks its loader for the first page, Qt asks for
more as the view scrolls (`canFetchMore` / `fetchMore`), and a click on a header or a
new filter re-queries instead of sorting or filtering rows in Python, so what the view
costs grows with what is shown, never with what is stored. `TableColumn.order` names
the SQL order a column sorts by (None: not sortable).

Small in-memory lists (the findings, a notice's versions) keep `RowTableModel` with
`FilterProxy`, whose sort keys Qt compares itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

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
    order: str | None = None  # the service's ORDER BY key when the list is paged


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


PAGE = 200
Loader = Callable[[int, int], Sequence[Any]]  # (offset, limit) -> rows


class Paging:
    """Mixed into a RowsModel: rows arrive a page at a time from `loader`.

    `reload()` asks for the first page again (at least `keep` rows, so a refresh does
    not jump back to the top); Qt calls `fetchMore` as the view scrolls; a header click
    calls `sort`, which hands the column and direction to `on_sort` (the page sets its
    query's order and reloads)."""

    page_size: ClassVar[int] = PAGE
    rows: list[Any]

    def init_paging(self) -> None:
        self.loader: Loader | None = None
        self.more = False
        self.on_sort: Callable[[int, bool], None] | None = None

    def reload(self, *, keep: int = 0) -> None:
        want = max(self.page_size, keep)
        rows = list(self.loader(0, want)) if self.loader is not None else []
        self.beginResetModel()  # type: ignore[attr-defined]
        self.rows = rows
        self.more = len(rows) == want
        self.endResetModel()  # type: ignore[attr-defined]

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Rows handed in whole (the window emptying its views when it locks): nothing
        more to fetch, so a scroll cannot query a closed database."""
        self.more = False
        super().set_rows(rows)  # type: ignore[misc]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.more or self.loader is None:
            return
        found = list(self.loader(len(self.rows), self.page_size))
        self.more = len(found) == self.page_size
        if found:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(found) - 1)  # type: ignore[attr-defined]
            self.rows.extend(found)
            self.endInsertRows()  # type: ignore[attr-defined]

    def find_row(self, test: Callable[[Any], bool], *, within: int = 5_000) -> int | None:
        """The row number of the first row passing `test`, fetching pages as needed
        (up to `within` rows: a case far down a long list is not worth loading)."""
        start = 0
        while True:
            for number in range(start, len(self.rows)):
                if test(self.rows[number]):
                    return number
            if not self.more or len(self.rows) >= within:
                return None
            start = len(self.rows)
            self.fetchMore()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.on_sort is not None:
            self.on_sort(column, order == Qt.SortOrder.DescendingOrder)


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


class PagedTableModel(Paging, RowTableModel):
    """A RowTableModel whose rows come a page at a time (list pages, the audit trail)."""

    def __init__(self, columns: Sequence[TableColumn], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self.init_paging()


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
        """Select the first shown row whose service object passes `test` (a paged list
        fetches further pages to find it)."""
        model = self.table.model()
        if isinstance(model, Paging):
            number = model.find_row(test)
            if number is None:
                return False
            self.table.setCurrentIndex(model.index(number, 0))  # type: ignore[attr-defined]
            self.table.selectRow(number)
            return True
        for proxy_row in range(model.rowCount()):
            index = model.index(proxy_row, 0)
            if test(index.data(ROW_ROLE)):
                self.table.setCurrentIndex(index)
                self.table.selectRow(proxy_row)
                return True
        return False
