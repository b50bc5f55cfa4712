"""The Dashboard: what is overdue, due within a week, waiting for identity proof, and
how many cases are in each status. The numbers come from `services.requests.dashboard`
(counts in SQL); the table below is the paged case list of the tile chosen.

Self-contained: `DashboardPage(ctx)` with `refresh()`. Double-clicking a case opens it;
`changed` is emitted after the case dialog stored something.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.deadlines import DUE_SOON_DAYS
from ...domain.enums import RequestStatus
from ...domain.vocabulary import STATUSES, label
from ...i18n import _
from ...services import requests as rq
from ..formatting import format_date, title_label
from ..pages import LoadsWhenShown
from ..table_models import ROW_ROLE
from .case_summary import esc
from .request_table import RequestTableModel, fit_columns, make_table

TILE_COLOURS = {"overdue": "#c62828", "soon": "#ef8f00", "identity": "#3949ab", "open": "#455a64"}


class Tile(QFrame):
    """A big number with a caption; clicking it filters the table below."""

    clicked = Signal()

    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile_{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        colour = TILE_COLOURS[key]
        self.setStyleSheet(
            f"QFrame#tile_{key} {{ border: 1px solid #d0d0d0; border-left: 6px solid {colour};"
            " border-radius: 4px; background: white; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        self.number = QLabel("0")
        self.number.setStyleSheet(f"font-size: 24pt; font-weight: bold; color: {colour};")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #333;")
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_count(self, n: int) -> None:
        self.number.setText(str(n))

    def mousePressEvent(self, event: Any) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


BUCKETS = {
    "overdue": rq.OVERDUE,
    "soon": rq.DUE_SOON,
    "identity": rq.AWAITING_IDENTITY,
    "open": rq.OPEN,
}


class DashboardPage(LoadsWhenShown, QWidget):
    changed = Signal()
    audit_pack_requested = Signal()  # the main window opens the export dialog

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: rq.Dashboard | None = None
        self.bucket = "open"
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(title_label(_("Dashboard")))
        header.addStretch(1)
        self.today_label = QLabel()
        self.today_label.setStyleSheet("color: #666;")
        header.addWidget(self.today_label)
        layout.addLayout(header)

        self.other_tiles: list[Any] = []
        self.tile_grid = tiles = QGridLayout()
        self.tiles = {
            "overdue": Tile("overdue", _("Overdue")),
            "soon": Tile("soon", _("Due within {n} days").format(n=DUE_SOON_DAYS)),
            "identity": Tile("identity", _("Awaiting identity proof")),
            "open": Tile("open", _("Open cases")),
        }
        for column, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, 0, column)
            tile.clicked.connect(lambda key=tile.key: self.show_bucket(key))
        layout.addLayout(tiles)

        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)
        self.holds_label = QLabel()  # legal holds protecting data due for deletion
        self.holds_label.setTextFormat(Qt.TextFormat.RichText)
        self.holds_label.setWordWrap(True)
        self.holds_label.setStyleSheet("background: #fff8e1; padding: 6px;")
        self.holds_label.linkActivated.connect(self.open_case)
        layout.addWidget(self.holds_label)

        row = QHBoxLayout()
        self.table_title = QLabel()
        self.table_title.setStyleSheet("font-weight: bold;")
        row.addWidget(self.table_title)
        row.addStretch(1)
        self.pack_button = QPushButton(_("Audit pack…"))
        self.pack_button.setToolTip(
            _("The period's pack for management or the Data Protection Ombudsman")
        )
        self.pack_button.clicked.connect(self.audit_pack_requested)
        row.addWidget(self.pack_button)
        self.new_button = QPushButton(_("New request…"))
        row.addWidget(self.new_button)
        layout.addLayout(row)

        self.model = RequestTableModel(ctx, self)
        self.model.query = rq.RequestQuery(bucket=rq.OPEN)
        self.proxy = self.model  # what the table shows
        self.table = make_table(self.model)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(_("No open requests."))
        self.empty.setStyleSheet("color: #666;")
        layout.addWidget(self.empty)
        self.table.activated.connect(lambda index: self.open_case(index.data(ROW_ROLE).case_number))
        self.new_button.clicked.connect(self.new_request)
        # right-click on a case: open it, or write its letter straight away
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        open_action = QAction(_("Open"), self.table)
        open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))  # Enter, as in every list
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self.open_selected)
        self.letter_action = QAction(_("Letter…"), self.table)
        self.letter_action.triggered.connect(self.letter_for_selected)
        self.table.addActions([open_action, self.letter_action])

    def add_tile(self, widget: QWidget) -> None:
        """A tile of another room (the breaches' 72-hour card) beside the requests' own."""
        self.tile_grid.addWidget(widget, 0, self.tile_grid.columnCount())
        self.other_tiles.append(widget)

    def refresh(self) -> None:
        """The tiles and counts (a few counting queries) and the chosen tile's first page."""
        self.stale = False
        self.board = board = rq.dashboard(self.ctx, limit=0)
        self.today_label.setText(_("Today {day}").format(day=format_date(board.today, "full")))
        for key, bucket in BUCKETS.items():
            self.tiles[key].set_count(board.totals[bucket])
        # one read: the tiles' totals and the counts by status come from the same query
        parts = [f"{label(STATUSES, status)}: <b>{n}</b>" for status, n in board.counts.items()]
        waiting = board.counts.get(RequestStatus.AWAITING.value, 0)
        proof = board.totals[rq.AWAITING_IDENTITY]
        if waiting != proof:  # the tile counts identity proof only, the status clarifications too
            index = list(board.counts).index(RequestStatus.AWAITING.value)
            parts[index] += " " + _("(identity proof: {n})").format(n=proof)
        self.counts_label.setText(_("By status:") + " " + " · ".join(parts))
        self._show_holds(rq.holds_at_risk(self.ctx))
        for tile in self.other_tiles:  # they read when the dashboard does
            tile.refresh()
        self.show_bucket(self.bucket)
        fit_columns(self.table)

    def _show_holds(self, holds: list[rq.HoldAtRisk]) -> None:
        """Holds without which records would be deleted before the case is answered."""
        self.holds_label.setVisible(bool(holds))
        if not holds:
            return
        items = "".join(
            f"<li><a href='{esc(h.case_number)}'>{esc(h.case_number)}</a>: "
            f"{esc(h.describe(format_date))}</li>"
            for h in holds
        )
        title = esc(_("Legal holds protecting data due for deletion before the due date"))
        self.holds_label.setText(f"<b>{title}</b><ul style='margin:0'>{items}</ul>")

    def show_bucket(self, key: str) -> None:
        """Show one tile's cases (a new query)."""
        self.bucket = key
        self.model.set_query(bucket=BUCKETS[key])
        titles = {
            "overdue": _("Overdue cases"),
            "soon": _("Cases due within {n} days").format(n=DUE_SOON_DAYS),
            "identity": _("Cases awaiting identity proof"),
            "open": _("Open cases by due date"),
        }
        self.table_title.setText(titles[key])
        for tile_key, tile in self.tiles.items():
            tile.setProperty("selected", tile_key == key)
            tile.caption.setStyleSheet(
                "color: #000; font-weight: bold;" if tile_key == key else "color: #333;"
            )
        self.empty.setVisible(self.model.rowCount() == 0)

    def open_case(self, case: str) -> Any:
        from .case_dialog import show_case

        return show_case(self, self.ctx, case, self._stored)

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_case(rows[0].data(ROW_ROLE).case_number)

    def letter_for_selected(self) -> Any:
        """The letter dialog of the selected case (the table's context menu)."""
        from ..letters.letter_dialog import open_letter_dialog

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        case = rows[0].data(ROW_ROLE).case_number
        return open_letter_dialog(
            self, self.ctx, case, self._stored, open_case=lambda: self.open_case(case)
        )

    def new_request(self) -> Any:
        from .intake_dialog import open_intake

        return open_intake(self.ctx, self, self._logged)

    def _logged(self, case: str | None) -> None:
        self._stored()
        if case:
            self.open_case(case)

    def _stored(self) -> None:
        self.refresh()
        self.changed.emit()
