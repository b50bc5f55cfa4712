"""The dashboard's breach card, beside the requests' tiles: the most urgent breach's
hours left of the 72, in red when overdue and orange under a day, until the Ombudsman is
notified or a decision not to notify is recorded. Clicking it opens the Breaches page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ...domain.enums import BreachClock
from ...i18n import _, ngettext
from ...services import breaches as br
from .common import CLOCK_FOREGROUND, amount_text

QUIET = "#455a64"
REFRESH_MS = 60_000  # the hours left change while the window is open


class BreachCard(QFrame):
    clicked = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board: br.BreachBoard | None = None
        self.setObjectName("tile_breaches")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        self.number = QLabel("–")
        self.caption = QLabel(_("Breaches: 72-hour clock"))
        self.caption.setStyleSheet("color: #333;")
        self.detail = QLabel()
        self.detail.setStyleSheet("color: #555;")
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self._paint(QUIET)

    def _paint(self, colour: str) -> None:
        self.colour = colour
        self.setStyleSheet(
            f"QFrame#tile_breaches {{ border: 1px solid #d0d0d0; border-left: 6px solid {colour};"
            " border-radius: 4px; background: white; }"
        )
        self.number.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")

    def _tick(self) -> None:
        """Only a card on screen re-reads: a locked, closed or switched window's database is
        closed, and reading it would fail."""
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.board = board = br.board(self.ctx)
        urgent = board.most_urgent
        if urgent is None:
            self.number.setText("0")
            self.caption.setText(_("Breaches: 72-hour clock"))
            self.detail.setText(
                ngettext(
                    "{n} open breach, none to notify",
                    "{n} open breaches, none to notify",
                    board.open_count,
                ).format(n=board.open_count)
            )
            self._paint(QUIET)
            return
        self.number.setText(amount_text(urgent.hours_left))
        if urgent.clock == BreachClock.OVERDUE:
            caption = _("breach {ref}: notification overdue").format(ref=urgent.reference)
        else:
            caption = _("left to notify breach {ref}").format(ref=urgent.reference)
        self.caption.setText(caption)
        parts = []
        if board.overdue:
            parts.append(
                ngettext("{n} overdue", "{n} overdue", board.overdue).format(n=board.overdue)
            )
        waiting = len(board.running)
        parts.append(
            ngettext("{n} awaiting notification", "{n} awaiting notification", waiting).format(
                n=waiting
            )
        )
        self.detail.setText(" · ".join(parts))
        self._paint(CLOCK_FOREGROUND.get(BreachClock(urgent.clock), QUIET))

    def mousePressEvent(self, event: Any) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)
