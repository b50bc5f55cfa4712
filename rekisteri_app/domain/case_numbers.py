"""Case numbers (diaarinumero): a yearly sequence such as `2026-0001` or `TS-2026-0001`.

The year is the year the request was received, so numbers sort with the register
and restart at 0001 each January. The sequence continues across a prefix change in
mid-year, so `2026-0007` and `TS-2026-0007` can never both exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import _

SEQUENCE_WIDTH = 4
"""Zero-padded width; a 10 000th case of a year simply gets five digits."""

_PREFIX = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,9}")
_NUMBER = re.compile(r"(?:(?P<prefix>[A-ZÅÄÖ][A-ZÅÄÖ0-9]{0,9})-)?(?P<year>\d{4})-(?P<seq>\d{4,})")


class InvalidCaseNumber(ValueError):
    """Text that is not a case number, or a bad prefix; message translated."""


def normalise_prefix(prefix: str | None) -> str | None:
    """Upper-case prefix, None for none; letters (incl. Å Ä Ö) and digits, 1-10 long."""
    if prefix is None or not prefix.strip():
        return None
    value = prefix.strip().upper()
    if not _PREFIX.fullmatch(value):
        raise InvalidCaseNumber(
            _(
                "A case number prefix is 1-10 letters or digits, starting with a letter "
                "and without hyphens."
            )
        )
    return value


@dataclass(frozen=True)
class CaseNumber:
    """One case number; sort with `sort_key`, since prefixes do not order."""

    year: int
    sequence: int
    prefix: str | None = None

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 9999:
            raise InvalidCaseNumber(_("The year of a case number must have four digits."))
        if self.sequence < 1:
            raise InvalidCaseNumber(_("Case numbers start from 1."))
        object.__setattr__(self, "prefix", normalise_prefix(self.prefix))

    def __str__(self) -> str:
        return format_case_number(self.year, self.sequence, self.prefix)

    def sort_key(self) -> tuple[int, int]:
        return (self.year, self.sequence)


def format_case_number(year: int, sequence: int, prefix: str | None = None) -> str:
    """`2026-0001`, or `TS-2026-0001` with prefix "TS"."""
    CaseNumber(year, sequence)  # validates year and sequence
    prefix = normalise_prefix(prefix)
    body = f"{year:04d}-{sequence:0{SEQUENCE_WIDTH}d}"
    return f"{prefix}-{body}" if prefix else body


def canonical_case_number(text: str) -> str:
    """The one spelling a case number is stored in: trimmed, upper case (`ts-2026-0001`
    finds `TS-2026-0001`). Lookups normalise their input instead of the column, so the
    unique index on the column serves them."""
    return text.strip().upper()


def parse_case_number(text: str) -> CaseNumber:
    """The CaseNumber written in `text` (surrounding spaces and case ignored).

    Only the canonical form parses: `2026-1` or `2026-00001` are refused, so one case
    cannot be stored under two spellings.
    """
    value = text.strip().upper()
    match = _NUMBER.fullmatch(value)
    if match is None:
        raise InvalidCaseNumber(
            _("“{text}” is not a case number such as 2026-0001.").format(text=text.strip())
        )
    number = CaseNumber(int(match["year"]), int(match["seq"]), match["prefix"])
    if format_case_number(number.year, number.sequence, number.prefix) != value:
        raise InvalidCaseNumber(
            _("“{text}” is not a case number such as 2026-0001.").format(text=text.strip())
        )
    return number


def next_case_number(
    year: int, existing: Iterable[str | CaseNumber], prefix: str | None = None
) -> CaseNumber:
    """The number after the highest one of `year` among `existing`, with `prefix`.

    Numbers of other years are ignored, as are legacy strings that do not parse (a
    hand-typed number from an old register must not block new cases). Gaps are not
    refilled: a number once given out stays unique.
    """
    highest = 0
    for item in existing:
        if isinstance(item, CaseNumber):
            number = item
        else:
            try:
                number = parse_case_number(item)
            except InvalidCaseNumber:
                continue
        if number.year == year:
            highest = max(highest, number.sequence)
    return CaseNumber(year, highest + 1, prefix)
