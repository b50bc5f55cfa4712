"""Windows that fit the officer's screen: a 1366×768 laptop, at 100 % or 125 % scaling.

A dialog asks for the size its content wants, but never more than the available screen
area (the task bar excluded); what does not fit scrolls inside the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QLineEdit, QScrollArea, QWidget

# What a window may take of the screen's free area: room for the window frame.
FRAME_MARGIN = QSize(16, 48)


def available_size(widget: QWidget | None = None) -> QSize:
    """The free area of the screen the widget is on (or the primary screen)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 768)
    return screen.availableGeometry().size()


def fit_to_screen(widget: QWidget, width: int, height: int) -> QSize:
    """Resize to the wanted size (at least the size hint), capped at the screen."""
    room = available_size(widget) - FRAME_MARGIN
    hint = widget.sizeHint()
    size = QSize(
        min(max(width, hint.width()), room.width()), min(max(height, hint.height()), room.height())
    )
    widget.resize(size)
    if widget.minimumWidth() > room.width() or widget.minimumHeight() > room.height():
        widget.setMinimumSize(widget.minimumSize().boundedTo(room))
    return size


def scroll_area(inner: QWidget, *, horizontal: bool = False) -> QScrollArea:
    """Content that scrolls vertically (and, if asked, sideways) when the window is
    smaller than it wants."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    if not horizontal:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(inner)
    return area


def show_placeholder(field: QLineEdit) -> None:
    """Wide enough for its placeholder in the UI language (a hint that matters)."""
    needed = field.fontMetrics().horizontalAdvance(field.placeholderText()) + 16
    field.setMinimumWidth(max(field.minimumWidth(), needed))


def elide_headers(root: QWidget) -> None:
    """Column titles too long for their column end in "…" (Qt's headers cut them in the
    middle otherwise); the models give the whole title as the header's tooltip."""
    headers = [root] if isinstance(root, QHeaderView) else root.findChildren(QHeaderView)
    for header in headers:
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
