"""Which data a legal hold saves from deletion before the case is answered.

A hold placed because of a pending request is effective from the day the request
arrived. A retention rule with a period ("call recordings: 1 year") deletes each record
when it reaches that age. Without the hold, every record dated on or after
`effective_from - period` (still kept when the request arrived) and before
`due - period` would reach its limit before the case's due date: that window is what
the hold protects and what the dashboard lists. Pure: dates in, dates out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .deadlines import add_months
from .enums import PeriodUnit


def minus_period(day: date, value: int, unit: PeriodUnit | str) -> date:
    """`day` less a retention period (calendar months and years like the deadlines)."""
    unit = PeriodUnit(unit)
    if unit is PeriodUnit.DAYS:
        return day - timedelta(days=value)
    return add_months(day, -value * (12 if unit is PeriodUnit.YEARS else 1))


def period_days(value: int, unit: PeriodUnit | str) -> int:
    """A rough length for choosing the shortest of several rules."""
    unit = PeriodUnit(unit)
    return value * {PeriodUnit.DAYS: 1, PeriodUnit.MONTHS: 30, PeriodUnit.YEARS: 365}[unit]


@dataclass(frozen=True)
class DeletionWindow:
    """Records dated from `first` up to the day before `until` would be deleted before
    the due date if the hold did not keep them."""

    first: date
    until: date


def deletion_window(
    effective_from: date, due: date, value: int, unit: PeriodUnit | str
) -> DeletionWindow | None:
    """The records the hold saves (None when none would expire before `due`)."""
    if value <= 0:
        return None
    first = minus_period(effective_from, value, unit)
    until = minus_period(due, value, unit)
    if until <= first:
        return None
    return DeletionWindow(first, until)
