"""The table of breaches: rows of `services.breaches.BreachRow`, most urgent first and
tinted by the 72-hour clock."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.vocabulary import BREACH_CLOCKS, BREACH_NATURES, RISK_LEVELS, label
from ...i18n import N_, _
from ...services import breaches as br
from ..table_models import HEADER_ROLES, ROW_ROLE, SORT_ROLE, RowsModel
from .common import CLOCK_BACKGROUND, CLOCK_FOREGROUND, hours_text, moment_text

Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", N_("Reference")),
    ("aware", N_("Became aware")),
    ("notify_by", N_("Notify by")),
    ("left", N_("Time left")),
    ("clock", N_("State")),
    ("risk", N_("Risk")),
    ("nature", N_("Nature")),
    ("description", N_("Description")),
)
NOTIFY_BY_COLUMN = 2


class BreachTableModel(RowsModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self.rows: list[br.BreachRow] = []

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in HEADER_ROLES:  # tip: if cut
            return _(self.columns[section][1])
        return None

    def _text(self, row: br.BreachRow, key: str) -> str:
        if key == "reference":
            return row.reference
        if key == "aware":
            return moment_text(row.aware_at)
        if key == "notify_by":
            return moment_text(row.notify_by)
        if key == "left":
            return hours_text(row.hours_left)
        if key == "clock":
            return label(BREACH_CLOCKS, row.clock)
        if key == "risk":
            return label(RISK_LEVELS, row.risk_level).split(" (")[0] if row.risk_level else ""
        if key == "nature":
            return ", ".join(label(BREACH_NATURES, n).split(" (")[0] for n in row.natures)
        return row.description

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            if key in ("notify_by", "left", "clock"):
                return row.sort_key()
            if key == "aware":
                return row.aware_at.timestamp()
            if key == "reference":
                return (row.aware_at.year, row.reference)
            return self._text(row, key).casefold()
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = CLOCK_BACKGROUND.get(row.clock)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and key in ("left", "clock", "notify_by"):
            colour = CLOCK_FOREGROUND.get(row.clock)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and key == "description":
            return row.description
        return None


class BreachFilter(QSortFilterProxyModel):
    """Text in any column and open / closed / all."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status: str | None = "open"
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_status(self, status: str | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+
            self.beginFilterChange()
            self.status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.status = status
            self.invalidateFilter()

    def lessThan(self, left: Index, right: Index) -> bool:
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if row is not None and self.status == "open" and not row.is_open:
            return False
        if row is not None and self.status == "closed" and row.is_open:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
