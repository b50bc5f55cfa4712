"""Personal data breaches: the 72-hour clock of Art. 33(1), the risk levels and what each
of them obliges the controller to do.

The clock counts real elapsed hours, not working days: "without undue delay and, where
feasible, not later than 72 hours after having become aware of it". The officer gives the
moment of becoming aware as a wall-clock time in Europe/Helsinki; it is turned into UTC,
72 hours are added there, and the deadline is shown back in Helsinki time. Across the
October change from summer to winter time the wall clock therefore reads one hour less
(aware Friday 23.10.2026 10:00 EEST → Monday 26.10.2026 09:00 EET), and across the March
change one hour more.

Pure: no Qt, no SQL, no I/O. Moments are aware datetimes; naive ones are taken as UTC
(that is how storage keeps them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from ..i18n import _
from .enums import Art34Exception, BreachClock, NotifyDecision, RiskLevel

HELSINKI = ZoneInfo("Europe/Helsinki")
NOTIFY_WITHIN = timedelta(hours=72)  # Art. 33(1)
DUE_SOON_HOURS = 24  # the dashboard turns orange when less than this is left

_LOCAL = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?\s*")


class InvalidTime(ValueError):
    """Text that is not a Helsinki wall-clock time, or one that never existed."""


class InconsistentDecision(ValueError):
    """A decision that contradicts the recorded risk assessment; message translated."""


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken to be UTC already (as stored)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def in_helsinki(moment: datetime) -> datetime:
    """The same moment on the wall clocks of Europe/Helsinki."""
    return as_utc(moment).astimezone(HELSINKI)


def parse_local(text: str, *, date_only_ok: bool = False) -> datetime:
    """`YYYY-MM-DD HH:MM` on Helsinki clocks → the aware UTC moment.

    The hour the clocks are put back in October happens twice; the first (summer time)
    reading is taken, which gives the earlier deadline. A time skipped when the clocks go
    forward in March never happened and is refused. With `date_only_ok`, a bare date is
    midnight at the start of that day.
    """
    match = _LOCAL.fullmatch(str(text))
    if match is None or (match.group(2) is None and not date_only_ok):
        raise InvalidTime(
            _("{value!r} is not a date and time such as 2026-10-23 10:00.").format(
                value=str(text).strip()
            )
        )
    hour = int(match.group(2) or 0)
    minute = int(match.group(3) or 0)
    try:
        day = datetime.fromisoformat(match.group(1))
        wall = day.replace(hour=hour, minute=minute, tzinfo=HELSINKI, fold=0)
    except ValueError:
        raise InvalidTime(
            _("{value!r} is not a date and time such as 2026-10-23 10:00.").format(
                value=str(text).strip()
            )
        ) from None
    moment = wall.astimezone(UTC)
    if moment.astimezone(HELSINKI).replace(tzinfo=None) != wall.replace(tzinfo=None):
        raise InvalidTime(
            _("{value} does not exist in Finland: the clocks skip that hour.").format(
                value=wall.strftime("%Y-%m-%d %H:%M")
            )
        )
    return moment


def format_local(moment: datetime) -> str:
    """`YYYY-MM-DD HH:MM` on Helsinki clocks (what `parse_local` reads back)."""
    return in_helsinki(moment).strftime("%Y-%m-%d %H:%M")


def notify_by(aware_at: datetime) -> datetime:
    """The end of the 72 hours, as an aware datetime in Europe/Helsinki."""
    return (as_utc(aware_at) + NOTIFY_WITHIN).astimezone(HELSINKI)


def hours_between(start: datetime, end: datetime) -> float:
    """Real elapsed hours from `start` to `end` (negative when `end` is earlier)."""
    return (as_utc(end) - as_utc(start)).total_seconds() / 3600


def hours_left(aware_at: datetime, now: datetime) -> float:
    """Hours from `now` to the end of the 72 hours; negative once they have passed."""
    return hours_between(now, notify_by(aware_at))


def clock(
    aware_at: datetime,
    now: datetime,
    *,
    notified_at: datetime | None = None,
    decision: NotifyDecision | None = None,
) -> BreachClock:
    """The state of the clock: stopped by the first notification or by a recorded
    decision not to notify; otherwise overdue, due soon or running."""
    if notified_at is not None:
        return BreachClock.NOTIFIED
    if decision is NotifyDecision.NOT_REQUIRED:
        return BreachClock.NOT_REQUIRED
    left = hours_left(aware_at, now)
    if left < 0:
        return BreachClock.OVERDUE
    if left < DUE_SOON_HOURS:
        return BreachClock.DUE_SOON
    return BreachClock.RUNNING


def is_late(aware_at: datetime, notified_at: datetime) -> bool:
    """A notification after the 72 hours must give the reasons for the delay (Art. 33(1))."""
    return as_utc(notified_at) > as_utc(notify_by(aware_at))


# ------------------------------------------------------------ what must be done


@dataclass(frozen=True)
class Obligations:
    """What a risk level requires; None while the risk has not been assessed."""

    notify_authority: bool | None  # Art. 33(1)
    inform_subjects: bool | None  # Art. 34(1)


def obligations(risk: RiskLevel | None) -> Obligations:
    if risk is None:
        return Obligations(None, None)
    return Obligations(risk is not RiskLevel.NONE, risk is RiskLevel.HIGH)


def check_decision(risk: RiskLevel | None, decision: NotifyDecision | None) -> None:
    """Refuse deciding not to notify a breach assessed as a risk: Art. 33(1) allows it
    only when the breach is unlikely to result in a risk."""
    if decision is NotifyDecision.NOT_REQUIRED and risk in (RiskLevel.RISK, RiskLevel.HIGH):
        raise InconsistentDecision(
            _(
                "A breach assessed as a risk must be notified to the Ombudsman (GDPR Art. "
                "33(1)); change the risk assessment first if it was wrong."
            )
        )


@dataclass(frozen=True)
class BreachFacts:
    """The few facts the open duties depend on."""

    aware_at: datetime
    risk: RiskLevel | None = None
    decision: NotifyDecision | None = None
    notified_at: datetime | None = None  # the first notification
    delay_reasons: bool = False
    subjects_informed: bool = False
    exception: Art34Exception | None = None
    closed: bool = False


def open_duties(
    facts: BreachFacts, now: datetime, time_format: Callable[[datetime], str] | None = None
) -> list[str]:
    """What is still to be done, in the order the law puts it (translated sentences;
    the deadline as `time_format` writes it, ISO on Helsinki clocks by default)."""
    if facts.closed:
        return []
    out: list[str] = []
    deadline = (time_format or format_local)(notify_by(facts.aware_at))
    if facts.risk is None:
        out.append(_("Assess the risk to the data subjects."))
    if facts.decision is None and facts.notified_at is None:
        out.append(
            _("Decide whether the Ombudsman is notified (within 72 hours: by {time}).").format(
                time=deadline
            )
        )
    elif facts.decision is NotifyDecision.NOTIFY and facts.notified_at is None:
        out.append(_("Notify the Ombudsman (within 72 hours: by {time}).").format(time=deadline))
    late = facts.notified_at is not None and is_late(facts.aware_at, facts.notified_at)
    late = late or (
        facts.notified_at is None
        and facts.decision is not NotifyDecision.NOT_REQUIRED
        and hours_left(facts.aware_at, now) < 0
    )
    if late and not facts.delay_reasons:
        out.append(_("Record the reasons for notifying after 72 hours (GDPR Art. 33(1))."))
    if facts.risk is RiskLevel.HIGH and not facts.subjects_informed and facts.exception is None:
        out.append(
            _(
                "Inform the data subjects without undue delay (GDPR Art. 34), or record "
                "the Art. 34(3) exception relied on."
            )
        )
    return out


def first_notification(moments: Iterable[datetime]) -> datetime | None:
    """The earliest of the notification times, the one that stopped the clock."""
    ordered = sorted(as_utc(m) for m in moments)
    return ordered[0] if ordered else None
