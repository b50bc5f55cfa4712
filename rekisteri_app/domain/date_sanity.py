"""Is a received date plausible? A typo in the year ("2062", "1026", "2016") makes every
deadline of the case wrong, so unusual dates are confirmed and impossible ones refused.

- before 1900, or in the future: refused (no letter can have arrived then);
- before 25 May 2018, when the GDPR began to apply (Art. 99(2)): asked for confirmation,
  because the rights of the GDPR did not exist then;
- more than a year before the day it is logged: asked for confirmation, because a
  request is normally logged within days.

Pure: the caller passes today's date.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from ..i18n import _
from .deadlines import add_months

GDPR_APPLIES_FROM = date(2018, 5, 25)
EARLIEST = date(1900, 1, 1)


class DateConcern(StrEnum):
    BEFORE_GDPR = "before-gdpr"
    OVER_A_YEAR_AGO = "over-a-year-ago"


class ImpossibleDate(ValueError):
    """A received date no request can have; the message is translated."""


def check_received_date(day: date, today: date) -> tuple[DateConcern, ...]:
    """The concerns the officer must confirm (empty: plausible); ImpossibleDate when the
    date cannot be right at all."""
    if day < EARLIEST:
        raise ImpossibleDate(
            _("The received date {day} is before 1900; check the year.").format(day=day.isoformat())
        )
    if day > today:
        raise ImpossibleDate(
            _("The received date {day} is in the future.").format(day=day.isoformat())
        )
    concerns = []
    if day < GDPR_APPLIES_FROM:
        concerns.append(DateConcern.BEFORE_GDPR)
    if day < add_months(today, -12):
        concerns.append(DateConcern.OVER_A_YEAR_AGO)
    return tuple(concerns)


def concern_text(concern: DateConcern, day: date) -> str:
    """Why the date needs a second look, as one translated sentence."""
    if concern is DateConcern.BEFORE_GDPR:
        return _(
            "The received date {day} is before 25 May 2018, when the GDPR began to apply."
        ).format(day=day.isoformat())
    return _("The received date {day} is more than a year before the day it was entered.").format(
        day=day.isoformat()
    )
