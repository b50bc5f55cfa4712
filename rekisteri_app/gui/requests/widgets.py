"""Form pieces the intake and case dialogs share: dates, pickers, the message line."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...i18n import current_language
from ..screen import scroll_area  # noqa: F401 (the case tabs import it from here)

ERROR_STYLE = "color: #c62828; font-weight: bold;"
OK_STYLE = "color: #2e7d32;"


class DateField(QDateEdit):
    """A calendar date in the UI language's order, with a popup calendar."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d.M.yyyy" if current_language() == "fi" else "yyyy-MM-dd")
        self.setMinimumWidth(120)
        if value is not None:
            self.set_value(value)

    def value(self) -> date:
        d = self.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


def make_combo(items: list[tuple[Any, str]], none: str | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(20)
    if none is not None:
        combo.addItem(none, None)
    for value, text in items:
        combo.addItem(text, value)
    return combo


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def text_or_none(widget: QLineEdit | QPlainTextEdit) -> str | None:
    value = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
    return value.strip() or None


class MessageLine(QLabel):
    """The dialog's one line of feedback: red for a refusal, green for done."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(text)

    def done(self, text: str) -> None:
        self.setStyleSheet(OK_STYLE)
        self.setText(text)
