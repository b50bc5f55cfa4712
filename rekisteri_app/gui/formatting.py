"""How the window writes dates, deadlines and page titles: one form for every page.

Dates go through Babel in the UI language, Finnish as 2.11.2026, Swedish as
2026-11-02 and English as 2 Nov 2026 (British order rather than 11/2/26). The urgency
colours tint the request lists and colour the due dates, the same on every page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtWidgets import QLabel

from ..domain.deadlines import Urgency
from ..i18n import _, current_language, ngettext

HELSINKI = "Europe/Helsinki"

# Tints for whole rows and strong colours for the due date (as the findings badges).
URGENCY_BACKGROUND = {
    Urgency.OVERDUE: "#fde4e1",
    Urgency.DUE_SOON: "#fff1d2",
    Urgency.SUSPENDED: "#e8ecf7",
}
URGENCY_FOREGROUND = {
    Urgency.OVERDUE: "#c62828",
    Urgency.DUE_SOON: "#a15c00",
    Urgency.OK: "#2e7d32",
    Urgency.SUSPENDED: "#3949ab",
}
TITLE_STYLE = "font-size: 14pt; font-weight: bold;"


def date_locale() -> str:
    """Babel locale for dates: British English rather than 11/2/26."""
    lang = current_language()
    return "en_GB" if lang == "en" else lang


def format_date(value: date | str | None, fmt: str = "short") -> str:
    """A date in the UI language (2.11.2026 in Finnish, 2 Nov 2026 in English)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    from babel.dates import format_date as babel_format_date

    if fmt == "short":
        fmt = {"fi": "d.M.yyyy", "sv": "yyyy-MM-dd"}.get(current_language(), "d MMM yyyy")
    return babel_format_date(value, format=fmt, locale=date_locale())


def format_weekday_date(value: date) -> str:
    """Weekday and date, for the deadline explanation (ma 7.12.2026)."""
    from babel.dates import format_date as babel_format_date

    fmt = {"fi": "EEEEEE d.M.yyyy", "sv": "EEE yyyy-MM-dd"}.get(
        current_language(), "EEE d MMM yyyy"
    )
    return babel_format_date(value, format=fmt, locale=date_locale())


def format_timestamp(value: str) -> str:
    """A stored UTC time stamp as local Helsinki time: the UI language's date and a
    24-hour clock in every language (2.11.2026 14:05; 2 Nov 2026 14:05, never 2:05 PM)."""
    from zoneinfo import ZoneInfo

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(ZoneInfo(HELSINKI))
    return f"{format_date(local.date())} {local:%H:%M}"


def cited(article: str) -> str:
    """A legal citation of the code ("GDPR Art. 17(3)(b)") in the UI language."""
    from ..domain.legal_references import localise_citation

    return localise_citation(article, current_language())


def days_left_text(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return ngettext("{n} day late", "{n} days late", -days).format(n=-days)
    if days == 0:
        return _("due today")
    return ngettext("{n} day", "{n} days", days).format(n=days)


def title_label(text: str) -> QLabel:
    """A page's title, in the one size every page uses."""
    widget = QLabel(text)
    widget.setStyleSheet(TITLE_STYLE)
    return widget
