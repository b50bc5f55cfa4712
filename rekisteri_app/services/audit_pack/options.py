"""What an audit pack covers and how it is made: the period, the presets the window
offers, and the options (identify, letters, language, encryption).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ...documents.pack import PACK_LANGUAGES
from ...i18n import _
from ..context import ServiceError

LAST_QUARTER, LAST_YEAR, THIS_YEAR = "last-quarter", "last-year", "this-year"
PRESETS = (LAST_QUARTER, LAST_YEAR, THIS_YEAR)  # the window words them (gui/audit_pack)
MIN_PASSWORD = 12  # WinZip AES derives its key with only 1 000 PBKDF2 rounds


@dataclass(frozen=True)
class Period:
    """Calendar days in Europe/Helsinki, both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ServiceError(
                _("The period ends ({end}) before it starts ({start}).").format(
                    start=self.start.isoformat(), end=self.end.isoformat()
                )
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def months(self) -> list[str]:
        """ "YYYY-MM" of every month the period touches, in order."""
        out: list[str] = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


def preset(name: str, today: date) -> Period:
    """The period a preset names, seen from `today` (a Helsinki date)."""
    if name == LAST_QUARTER:
        quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        end = quarter_start - timedelta(days=1)
        return Period(date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end)
    if name == LAST_YEAR:
        return Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))
    if name == THIS_YEAR:
        return Period(date(today.year, 1, 1), today)
    raise ServiceError(
        _("Unknown period {value!r}: use one of {allowed}.").format(
            value=name, allowed=", ".join(PRESETS)
        )
    )


@dataclass(frozen=True)
class PackOptions:
    """One pack: its period and what goes in. `password` turns on AES-256 encryption."""

    period: Period
    language: str = "fi"
    identify: bool = False
    include_letters: bool = False
    password: str | None = None

    def __post_init__(self) -> None:
        if self.language not in PACK_LANGUAGES:
            raise ServiceError(
                _("Unknown pack language {value!r}: use one of {allowed}.").format(
                    value=self.language, allowed=", ".join(PACK_LANGUAGES)
                )
            )
        if self.include_letters and not self.identify:
            raise ServiceError(
                _("The letters name their recipients, so only an identified pack can include them.")
            )
        if self.password is not None and len(self.password) < MIN_PASSWORD:
            raise ServiceError(
                _("The pack's password must have at least {n} characters.").format(n=MIN_PASSWORD)
            )

    @property
    def encrypted(self) -> bool:
        return self.password is not None
