"""What the breach widgets share: the clock in words and colours, and date-and-time
fields that read and write Finnish wall-clock time as the service expects it."""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QWidget

from ...domain import breaches as rules
from ...domain.enums import BreachClock
from ...i18n import _, current_language, ngettext

CLOCK_FOREGROUND = {
    BreachClock.OVERDUE: "#c62828",
    BreachClock.DUE_SOON: "#a15c00",
    BreachClock.RUNNING: "#2e7d32",
    BreachClock.NOTIFIED: "#455a64",
    BreachClock.NOT_REQUIRED: "#455a64",
    "closed": "#777777",
}
CLOCK_BACKGROUND = {
    BreachClock.OVERDUE: "#fde4e1",
    BreachClock.DUE_SOON: "#fff1d2",
}


def amount_text(hours: float) -> str:
    """The length of `hours` in whole minutes: 46 h 30 min, 3 hours, 5 min."""
    h, m = divmod(math.floor(abs(hours) * 60 + 1e-9), 60)
    if h and m:
        return _("{h} h {m} min").format(h=h, m=m)
    if h:
        return ngettext("{h} hour", "{h} hours", h).format(h=h)
    return _("{m} min").format(m=m)


def hours_text(hours: float | None) -> str:
    """46 h 30 min left / 2 h 5 min overdue — whole minutes, real hours."""
    if hours is None:
        return ""
    if hours < 0:
        return _("{amount} overdue").format(amount=amount_text(hours))
    return _("{amount} left").format(amount=amount_text(hours))


def local_text(stored: str | None) -> str:
    """A stored UTC time stamp of the exchange form as Finnish time in the UI's order."""
    if not stored:
        return ""
    moment = rules.in_helsinki(datetime.fromisoformat(stored))
    if current_language() == "fi":
        return f"{moment.day}.{moment.month}.{moment.year} {moment:%H.%M}"
    return moment.strftime("%Y-%m-%d %H:%M")


def moment_text(moment: datetime) -> str:
    """An aware moment as Finnish time in the UI's order."""
    local = rules.in_helsinki(moment)
    if current_language() == "fi":
        return f"{local.day}.{local.month}.{local.year} {local:%H.%M}"
    return local.strftime("%Y-%m-%d %H:%M")


class DateTimeField(QDateTimeEdit):
    """A wall-clock time in Finland; `value()` is what the service reads back.

    The widget holds the digits in a neutral zone (UTC), so the workstation's own time
    zone and its daylight-saving gaps never shift them; the service alone turns Finnish
    wall-clock time into a moment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d.M.yyyy H.mm" if current_language() == "fi" else "yyyy-MM-dd HH:mm")
        self.setTimeZone(QTimeZone.utc())
        self.setMinimumWidth(150)

    def set_wall_clock(self, text: str) -> None:
        """`YYYY-MM-DD HH:MM` as shown on Finnish clocks."""
        day, clock = text.strip().split(" ")
        year, month, date_ = (int(p) for p in day.split("-"))
        hour, minute = (int(p) for p in clock.split(":"))
        self.setDateTime(QDateTime(QDate(year, month, date_), QTime(hour, minute), QTimeZone.utc()))

    def set_moment(self, moment: datetime) -> None:
        self.set_wall_clock(rules.format_local(moment))

    def set_stored(self, stored: str) -> None:
        self.set_moment(datetime.fromisoformat(stored))

    def value(self) -> str:
        """`YYYY-MM-DD HH:MM` as shown (Finnish time)."""
        return self.dateTime().toString("yyyy-MM-dd HH:mm")


class OptionalDateTime(QWidget):
    """A time that may be left out: a check box enables it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(text)
        self.field = DateTimeField()
        self.field.setEnabled(False)
        self.check.toggled.connect(self.field.setEnabled)
        layout.addWidget(self.check)
        layout.addWidget(self.field)
        layout.addStretch(1)

    def value(self) -> str | None:
        return self.field.value() if self.check.isChecked() else None

    def set_stored(self, stored: str | None, default: datetime | None = None) -> None:
        self.check.setChecked(stored is not None)
        if stored is not None:
            self.field.set_stored(stored)
        elif default is not None:
            self.field.set_moment(default)
