"""The received date of a case, checked the same way at intake and in a correction:
impossible dates are refused, unusual ones need the officer's confirmation."""

from __future__ import annotations

from datetime import date

from ...domain.date_sanity import DateConcern, ImpossibleDate, check_received_date, concern_text
from ...i18n import _
from ..context import ServiceError


class NeedsConfirmation(ServiceError):
    """A plausible but unusual value: repeat the call with `confirmed=True`."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__(" ".join([*reasons, _("Confirm the date to store it.")]))


def check_received(day: date, today: date, *, confirmed: bool) -> tuple[DateConcern, ...]:
    """The concerns about `day` (stored with the event when confirmed)."""
    try:
        concerns = check_received_date(day, today)
    except ImpossibleDate as exc:
        raise ServiceError(str(exc)) from None
    if concerns and not confirmed:
        raise NeedsConfirmation([concern_text(c, day) for c in concerns])
    return concerns
