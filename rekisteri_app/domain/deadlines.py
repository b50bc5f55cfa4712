"""The statutory deadline calendar for rights requests.

The law: GDPR Art. 12(3) gives one month from receipt, extendable by two further
months. GDPR periods are counted as Regulation (EEC, Euratom) No 1182/71 counts them
(EDPB Guidelines 01/2022 v2.0, § 160-161): a month ends on the same date in the next
month, or on that month's last day if it has no such date (Art. 3(2)(c)); a period
whose last day is a Saturday, Sunday or public holiday ends on the next working day
(Art. 3(4)). Finnish public holidays come from `holidays.Finland`, minus Midsummer Eve
and Christmas Eve, which that library lists but which are not public holidays; a
deadline on those days only produces a warning.

A document request to an authority under the Act on the Openness of Government
Activities (621/1999, § 14(4)) has its own limit: two weeks, at most one month when the
number of documents is large or a similar reason needs special measures. Being Finnish
law, it is counted under the Act on the calculation of statutory time limits
(150/1930), whose § 5 also passes over Midsummer Eve and Christmas Eve. Details and
sources: docs/deadlines.md.

Pure: the caller passes every date in (`today` included); nothing here reads a clock.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

from ..i18n import N_, _, ngettext
from .enums import PauseKind, PausePolicy, RequestClass, Urgency
from .vocabulary import PAUSE_KINDS

DUE_SOON_DAYS = 7
"""A deadline this many days away or closer counts as "due soon" on the dashboard."""

CALENDAR_RULES_VERSION = 1
"""Raise when a rule here changes a computed date: stored deadlines carry the rules
version and the `holidays` release they were computed with, and are all recomputed
when either differs (services/requests/deadlines.py)."""


def calendar_version() -> str:
    """The rules and the holiday calendar every computed date depends on.

    Read from the package metadata: the calendar itself (a tenth of a second to
    import) loads only when a date is computed, not for lists of stored dates."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("holidays")
    except PackageNotFoundError:  # pragma: no cover - a bundle without the metadata
        import holidays

        release = holidays.__version__
    return f"rules={CALENDAR_RULES_VERSION};holidays={release}"


# --------------------------------------------------------------------------- errors


class DeadlineError(ValueError):
    """Input that cannot give a lawful deadline; the message is translated."""


class InvalidPause(DeadlineError):
    """A pause whose dates contradict each other or the receipt date."""


class ExtensionRefused(DeadlineError):
    """An Art. 12(3) extension that the law does not allow as recorded."""


# --------------------------------------------------------------------------- vocabularies


DEFAULT_PAUSE_POLICY = PausePolicy.SUSPEND


class Period(StrEnum):
    FIRST = "first"  # one month, Art. 12(3) first sentence (Publicity Act: two weeks)
    EXTENSION = "extension"  # two further months, Art. 12(3) second sentence (or one month)


class StepCode(StrEnum):
    """One rule applied while computing a deadline; the audit trail of the calculation."""

    RECEIVED = "received"
    ONE_MONTH = "one-month"
    MONTH_END_CLAMP = "month-end-clamp"
    PAUSE_SUSPENDED = "pause-suspended"
    PAUSE_RESTARTED = "pause-restarted"
    PAUSE_IGNORED = "pause-ignored"  # policy NONE
    PAUSE_LATE = "pause-late"  # asked after the deadline: does not count
    PAUSE_OPEN = "pause-open"  # asked, not yet answered: deadline unknown
    ROLLED = "rolled"
    EXTENDED = "extended"
    # Publicity Act (621/1999 § 14(4)), counted under Act 150/1930
    TWO_WEEKS = "two-weeks"
    PAUSE_NOT_COUNTED = "pause-not-counted"  # pauses do not stop the Publicity Act limit
    ROLLED_NATIONAL = "rolled-national"  # Act 150/1930 § 5 (the eves count too)
    ONE_MONTH_PUBLICITY = "one-month-publicity"  # many documents or a similar reason


class NonWorkingReason(StrEnum):
    WEEKEND = "weekend"
    PUBLIC_HOLIDAY = "public-holiday"
    EVE = "eve"  # Midsummer Eve or Christmas Eve, under Act 150/1930 § 5 only


class HolidayCode(StrEnum):
    """Finnish public holidays (Act 1978/383 and the Church calendar)."""

    NEW_YEAR = "new-year"
    EPIPHANY = "epiphany"
    GOOD_FRIDAY = "good-friday"
    EASTER_SUNDAY = "easter-sunday"
    EASTER_MONDAY = "easter-monday"
    MAY_DAY = "may-day"
    ASCENSION = "ascension"
    PENTECOST = "pentecost"
    MIDSUMMER_DAY = "midsummer-day"
    ALL_SAINTS = "all-saints"
    INDEPENDENCE_DAY = "independence-day"
    CHRISTMAS_DAY = "christmas-day"
    ST_STEPHENS_DAY = "st-stephens-day"
    OTHER = "other"  # a name the holidays library added later; see SkippedDay.name


class CustomaryDay(StrEnum):
    """Days offices usually close although they are not public holidays."""

    MIDSUMMER_EVE = "midsummer-eve"
    CHRISTMAS_EVE = "christmas-eve"


class WarningCode(StrEnum):
    CUSTOMARY_CLOSED_DAY = "customary-closed-day"


# English names used by holidays.Finland(language="en_US"); a rename there shows up
# as HolidayCode.OTHER and fails tests/test_deadlines.py, not as a wrong deadline.
_LIBRARY_NAMES = {
    "New Year's Day": HolidayCode.NEW_YEAR,
    "Epiphany": HolidayCode.EPIPHANY,
    "Good Friday": HolidayCode.GOOD_FRIDAY,
    "Easter Sunday": HolidayCode.EASTER_SUNDAY,
    "Easter Monday": HolidayCode.EASTER_MONDAY,
    "May Day": HolidayCode.MAY_DAY,
    "Ascension Day": HolidayCode.ASCENSION,
    "Pentecost": HolidayCode.PENTECOST,
    "Midsummer Day": HolidayCode.MIDSUMMER_DAY,
    "All Saints' Day": HolidayCode.ALL_SAINTS,
    "Independence Day": HolidayCode.INDEPENDENCE_DAY,
    "Christmas Day": HolidayCode.CHRISTMAS_DAY,
    "Second Day of Christmas": HolidayCode.ST_STEPHENS_DAY,
}

HOLIDAY_LABELS = {
    HolidayCode.NEW_YEAR: N_("New Year's Day"),
    HolidayCode.EPIPHANY: N_("Epiphany"),
    HolidayCode.GOOD_FRIDAY: N_("Good Friday"),
    HolidayCode.EASTER_SUNDAY: N_("Easter Sunday"),
    HolidayCode.EASTER_MONDAY: N_("Easter Monday"),
    HolidayCode.MAY_DAY: N_("May Day"),
    HolidayCode.ASCENSION: N_("Ascension Day"),
    HolidayCode.PENTECOST: N_("Whitsunday"),
    HolidayCode.MIDSUMMER_DAY: N_("Midsummer Day"),
    HolidayCode.ALL_SAINTS: N_("All Saints' Day"),
    HolidayCode.INDEPENDENCE_DAY: N_("Independence Day"),
    HolidayCode.CHRISTMAS_DAY: N_("Christmas Day"),
    HolidayCode.ST_STEPHENS_DAY: N_("St Stephen's Day"),
    HolidayCode.OTHER: N_("public holiday"),
}

CUSTOMARY_DAY_LABELS = {
    CustomaryDay.MIDSUMMER_EVE: N_("Midsummer Eve"),
    CustomaryDay.CHRISTMAS_EVE: N_("Christmas Eve"),
}

WEEKDAY_LABELS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


# --------------------------------------------------------------------------- calendar


def add_months(start: date, months: int) -> date:
    """`start` plus whole calendar months, 1182/71 Art. 3(2)(c) style.

    The same day-of-month in the target month, or that month's last day if it is
    shorter (31 January + 1 month = 28/29 February). Negative `months` count back.
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(start.day, last))


def customary_closed_day(day: date) -> CustomaryDay | None:
    """Midsummer Eve (the Friday 19-25 June) or Christmas Eve, else None.

    Neither is a public holiday in Finland, so neither moves a deadline under
    1182/71 Art. 3(4); offices are nevertheless usually closed, hence a warning.
    """
    if day.month == 12 and day.day == 24:
        return CustomaryDay.CHRISTMAS_EVE
    if day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4:
        return CustomaryDay.MIDSUMMER_EVE
    return None


@cache
def _public_holidays(year: int) -> dict[date, tuple[HolidayCode, str]]:
    """Finnish public holidays of `year`: the library's list minus the two eves."""
    import holidays

    listed = holidays.Finland(years=year, language="en_US")
    result: dict[date, tuple[HolidayCode, str]] = {}
    for day, name in listed.items():
        if customary_closed_day(day) is not None:
            continue  # listed by the library, but not a public holiday
        result[day] = (_LIBRARY_NAMES.get(name, HolidayCode.OTHER), name)
    return result


def public_holiday(day: date) -> HolidayCode | None:
    """The Finnish public holiday on `day`, or None."""
    entry = _public_holidays(day.year).get(day)
    return entry[0] if entry else None


def is_working_day(day: date) -> bool:
    """Not a Saturday, Sunday or Finnish public holiday (1182/71 Art. 2(2))."""
    return day.weekday() < 5 and public_holiday(day) is None


@dataclass(frozen=True)
class SkippedDay:
    """A day a deadline rolled past, and why."""

    day: date
    reason: NonWorkingReason
    holiday: HolidayCode | None = None
    name: str = ""  # the library's English name, kept for HolidayCode.OTHER
    customary: CustomaryDay | None = None  # NonWorkingReason.EVE

    def label(self) -> str:
        if self.customary is not None:
            return _(CUSTOMARY_DAY_LABELS[self.customary])
        if self.holiday is not None:
            if self.holiday is HolidayCode.OTHER and self.name:
                return self.name
            return _(HOLIDAY_LABELS[self.holiday])
        return _(WEEKDAY_LABELS[self.day.weekday()])


def _non_working(day: date) -> SkippedDay | None:
    entry = _public_holidays(day.year).get(day)
    if entry is not None:
        return SkippedDay(day, NonWorkingReason.PUBLIC_HOLIDAY, entry[0], entry[1])
    if day.weekday() >= 5:
        return SkippedDay(day, NonWorkingReason.WEEKEND)
    return None


def roll_forward(day: date) -> tuple[date, tuple[SkippedDay, ...]]:
    """The first working day on or after `day`, and the days passed over."""
    skipped: list[SkippedDay] = []
    while (reason := _non_working(day)) is not None:
        skipped.append(reason)
        day += timedelta(days=1)
    return day, tuple(skipped)


def _non_working_national(day: date) -> SkippedDay | None:
    """Act 150/1930 § 5: public holidays, Saturdays, Sundays and the two eves."""
    customary = customary_closed_day(day)
    if customary is not None:
        return SkippedDay(day, NonWorkingReason.EVE, customary=customary)
    return _non_working(day)


def roll_forward_national(day: date) -> tuple[date, tuple[SkippedDay, ...]]:
    """The first day on or after `day` on which Act 150/1930 § 5 lets an act be done."""
    skipped: list[SkippedDay] = []
    while (reason := _non_working_national(day)) is not None:
        skipped.append(reason)
        day += timedelta(days=1)
    return day, tuple(skipped)


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Pause:
    """A request to the requester for identity proof or clarification.

    `received_on` is None while the answer has not arrived (an open pause).
    """

    kind: PauseKind
    asked_on: date
    received_on: date | None = None

    def __post_init__(self) -> None:
        if self.received_on is not None and self.received_on < self.asked_on:
            raise InvalidPause(_("The answer cannot arrive before the question was sent."))


@dataclass(frozen=True)
class Extension:
    """A decision to use the two further months of Art. 12(3)."""

    decided_on: date
    reasons: str
    letter_sent_on: date | None  # the extension letter to the requester, if recorded


# --------------------------------------------------------------------------- result


@dataclass(frozen=True)
class Step:
    """One rule that produced the deadline, as data; `Deadline.explain` renders it."""

    code: StepCode
    period: Period = Period.FIRST
    day: date | None = None  # the date this step produced or concerns
    from_day: date | None = None  # the date it started from
    days: int | None = None  # days added by a suspension
    pause_kind: PauseKind | None = None
    skipped: tuple[SkippedDay, ...] = ()


@dataclass(frozen=True)
class DeadlineWarning:
    code: WarningCode
    day: date
    customary_day: CustomaryDay | None = None


DateFormatter = Callable[[date], str]


def default_date_format(day: date) -> str:
    """Weekday and ISO date; callers with Babel pass their own formatter."""
    return _(WEEKDAY_LABELS[day.weekday()]) + " " + day.isoformat()


@dataclass(frozen=True)
class Deadline:
    """The statutory deadline of one GDPR request and how it was reached.

    `due` is None while a pause is open (`suspended`): the clock is stopped and no
    date can be promised. `raw_due` is the end of the period before rolling past
    weekends and holidays; `start` is the day the month was counted from (the receipt
    date, or under RESTART the day the missing information arrived).
    """

    received_on: date
    start: date
    policy: PausePolicy
    raw_due: date | None
    due: date | None
    extended_raw_due: date | None = None
    extended_due: date | None = None
    steps: tuple[Step, ...] = ()
    warnings: tuple[DeadlineWarning, ...] = field(default=())

    @property
    def suspended(self) -> bool:
        return self.due is None

    @property
    def effective_due(self) -> date | None:
        """The date the answer is due by: the extended one when extended."""
        return self.extended_due if self.extended_due is not None else self.due

    def days_left(self, today: date) -> int | None:
        """Calendar days from `today` to the effective due date; negative when late."""
        due = self.effective_due
        return None if due is None else (due - today).days

    def urgency(self, today: date, soon_days: int = DUE_SOON_DAYS) -> Urgency:
        return urgency(self, today, soon_days)

    def explain_lines(self, format_date: DateFormatter | None = None) -> list[str]:
        """One translated sentence per step and warning, in order."""
        fmt = format_date or default_date_format
        lines = [_explain_step(step, fmt) for step in self.steps]
        lines.extend(_explain_warning(w, fmt) for w in self.warnings)
        return lines

    def explain(self, format_date: DateFormatter | None = None) -> str:
        return "\n".join(self.explain_lines(format_date))


def urgency(deadline: Deadline | None, today: date, soon_days: int = DUE_SOON_DAYS) -> Urgency:
    """Overdue, due within `soon_days` (inclusive), ok, suspended or no deadline."""
    if deadline is None:
        return Urgency.NO_DEADLINE
    return urgency_on(deadline.effective_due, today, soon_days)


def urgency_on(
    effective_due: date | None,
    today: date,
    soon_days: int = DUE_SOON_DAYS,
    *,
    has_deadline: bool = True,
) -> Urgency:
    """The urgency of a deadline known only by its effective due date (None: suspended).

    Lists keep the due date stored and ask this for the rows they show, so a list and
    a case view can never disagree about "overdue"."""
    if not has_deadline:
        return Urgency.NO_DEADLINE
    if effective_due is None:
        return Urgency.SUSPENDED
    left = (effective_due - today).days
    if left < 0:
        return Urgency.OVERDUE
    if left <= soon_days:
        return Urgency.DUE_SOON
    return Urgency.OK


# --------------------------------------------------------------------------- calculation


def _month_steps(start: date, months: int, period: Period) -> tuple[date, list[Step]]:
    raw = add_months(start, months)
    code = StepCode.ONE_MONTH if period is Period.FIRST else StepCode.EXTENDED
    steps = [Step(code, period, day=raw, from_day=start)]
    if raw.day != start.day:
        steps.append(Step(StepCode.MONTH_END_CLAMP, period, day=raw, from_day=start))
    return raw, steps


def _roll(raw: date, period: Period) -> tuple[date, list[Step]]:
    due, skipped = roll_forward(raw)
    if not skipped:
        return due, []
    return due, [Step(StepCode.ROLLED, period, day=due, from_day=raw, skipped=skipped)]


def _apply_pauses(
    received_on: date, pauses: Iterable[Pause], policy: PausePolicy
) -> tuple[date, date | None, list[Step]]:
    """Start date, unrolled end of the first period (None if open) and the steps."""
    start = received_on
    raw, steps = _month_steps(start, 1, Period.FIRST)
    stopped_until = received_on  # SUSPEND: the clock is already stopped up to here
    for pause in sorted(pauses, key=lambda p: (p.asked_on, p.received_on or date.max)):
        if pause.asked_on < received_on:
            raise InvalidPause(_("A pause cannot start before the request was received."))
        kind = pause.kind
        if policy is PausePolicy.NONE:
            steps.append(
                Step(
                    StepCode.PAUSE_IGNORED,
                    day=pause.received_on,
                    from_day=pause.asked_on,
                    pause_kind=kind,
                )
            )
            continue
        if pause.asked_on > roll_forward(raw)[0]:
            # EDPB § 159 requires asking without undue delay; after the deadline it is late.
            steps.append(Step(StepCode.PAUSE_LATE, from_day=pause.asked_on, pause_kind=kind))
            continue
        if pause.received_on is None:
            steps.append(Step(StepCode.PAUSE_OPEN, from_day=pause.asked_on, pause_kind=kind))
            return start, None, steps
        if policy is PausePolicy.SUSPEND:
            counted_from = max(pause.asked_on, stopped_until)
            days = max(0, (pause.received_on - counted_from).days)
            stopped_until = max(stopped_until, pause.received_on)
            raw += timedelta(days=days)
            steps.append(
                Step(
                    StepCode.PAUSE_SUSPENDED,
                    day=raw,
                    from_day=pause.asked_on,
                    days=days,
                    pause_kind=kind,
                )
            )
        else:  # RESTART
            start = max(start, pause.received_on)
            steps.append(
                Step(StepCode.PAUSE_RESTARTED, day=start, from_day=pause.asked_on, pause_kind=kind)
            )
            raw, month_steps = _month_steps(start, 1, Period.FIRST)
            steps.extend(month_steps)
    return start, raw, steps


PUBLICITY_ACT_DAYS = 14  # § 14(4): "viimeistään kahden viikon kuluessa"


def check_publicity_extension(extension: Extension, received_on: date) -> None:
    """The one-month limit of 621/1999 § 14(4) needs its reason (many documents, secret
    parts or a similar reason); the act asks for no letter about it."""
    if not extension.reasons.strip():
        raise ExtensionRefused(
            _(
                "The longer time limit of the Publicity Act (§ 14(4)) needs the reason: many "
                "documents, secret parts or a similar reason."
            )
        )
    if extension.decided_on < received_on:
        raise ExtensionRefused(_("An extension cannot be decided before the request arrived."))


def _publicity_deadline(
    received_on: date, pauses: Iterable[Pause], extension: Extension | None, policy: PausePolicy
) -> Deadline:
    """Two weeks from receipt, at most one month with a recorded reason (621/1999 §
    14(4)), each rolled under Act 150/1930 § 5. Pauses do not stop this limit: the act
    counts from the day the authority received the request."""
    steps = [Step(StepCode.RECEIVED, day=received_on)]
    raw = received_on + timedelta(days=PUBLICITY_ACT_DAYS)
    steps.append(Step(StepCode.TWO_WEEKS, day=raw, from_day=received_on))
    for pause in sorted(pauses, key=lambda p: p.asked_on):
        if pause.asked_on < received_on:
            raise InvalidPause(_("A pause cannot start before the request was received."))
        steps.append(
            Step(
                StepCode.PAUSE_NOT_COUNTED,
                day=pause.received_on,
                from_day=pause.asked_on,
                pause_kind=pause.kind,
            )
        )
    due, skipped = roll_forward_national(raw)
    if skipped:
        steps.append(Step(StepCode.ROLLED_NATIONAL, day=due, from_day=raw, skipped=skipped))
    extended_raw = extended_due = None
    if extension is not None:
        check_publicity_extension(extension, received_on)
        extended_raw = add_months(received_on, 1)
        steps.append(
            Step(
                StepCode.ONE_MONTH_PUBLICITY,
                Period.EXTENSION,
                day=extended_raw,
                from_day=received_on,
            )
        )
        extended_due, skipped = roll_forward_national(extended_raw)
        if skipped:
            steps.append(
                Step(
                    StepCode.ROLLED_NATIONAL,
                    Period.EXTENSION,
                    day=extended_due,
                    from_day=extended_raw,
                    skipped=skipped,
                )
            )
    return Deadline(
        received_on=received_on,
        start=received_on,
        policy=policy,
        raw_due=raw,
        due=due,
        extended_raw_due=extended_raw,
        extended_due=extended_due,
        steps=tuple(steps),
    )


def check_extension(extension: Extension, received_on: date, due: date | None) -> None:
    """Raise ExtensionRefused unless Art. 12(3) allows this extension.

    It needs reasons and a letter telling the requester, both within the first period:
    decided and sent on or before `due`. While the clock is suspended (`due` None) the
    first period cannot have run out yet.
    """
    if not extension.reasons.strip():
        raise ExtensionRefused(_("An extension needs the reasons for the delay (GDPR Art. 12(3))."))
    if extension.letter_sent_on is None:
        raise ExtensionRefused(
            _("An extension needs a recorded letter informing the requester (GDPR Art. 12(3)).")
        )
    if extension.decided_on < received_on:
        raise ExtensionRefused(_("An extension cannot be decided before the request arrived."))
    if extension.letter_sent_on < extension.decided_on:
        raise ExtensionRefused(_("The extension letter cannot be sent before the decision."))
    if due is not None and extension.decided_on > due:
        raise ExtensionRefused(
            _(
                "The extension was decided on {decided}, after the deadline of {due}; "
                "GDPR Art. 12(3) allows it only within the first month."
            ).format(decided=extension.decided_on.isoformat(), due=due.isoformat())
        )
    if due is not None and extension.letter_sent_on > due:
        raise ExtensionRefused(
            _(
                "The extension letter was sent on {sent}, after the deadline of {due}; "
                "the requester must be told within the first month (GDPR Art. 12(3))."
            ).format(sent=extension.letter_sent_on.isoformat(), due=due.isoformat())
        )


def compute_deadline(
    received_on: date,
    *,
    request_class: RequestClass = RequestClass.GDPR,
    pauses: Iterable[Pause] = (),
    policy: PausePolicy = DEFAULT_PAUSE_POLICY,
    extension: Extension | None = None,
) -> Deadline | None:
    """The deadline of a request received on `received_on`; None for requests outside
    the GDPR with no statutory deadline. A Publicity Act request (RequestClass.
    PUBLICITY_ACT) gets that act's two weeks, or one month with a recorded extension.

    The extension period is two months added to the unrolled end of the first period
    and then rolled (see docs/deadlines.md, "Extension"): never later than counting
    three months from receipt or two months from the rolled date.
    """
    if request_class is RequestClass.NON_GDPR:
        if extension is not None:
            raise ExtensionRefused(
                _("A request outside the GDPR has no statutory deadline to extend.")
            )
        return None
    if request_class is RequestClass.PUBLICITY_ACT:
        return _publicity_deadline(received_on, tuple(pauses), extension, policy)
    steps = [Step(StepCode.RECEIVED, day=received_on)]
    start, raw, pause_steps = _apply_pauses(received_on, tuple(pauses), policy)
    steps.extend(pause_steps)
    due: date | None = None
    if raw is not None:
        due, roll_steps = _roll(raw, Period.FIRST)
        steps.extend(roll_steps)
    extended_raw = extended_due = None
    if extension is not None:
        check_extension(extension, received_on, due)
        if raw is not None:
            extended_raw, ext_steps = _month_steps(raw, 2, Period.EXTENSION)
            extended_due, roll_steps = _roll(extended_raw, Period.EXTENSION)
            steps.extend(ext_steps + roll_steps)
    warnings = tuple(
        DeadlineWarning(WarningCode.CUSTOMARY_CLOSED_DAY, day, customary)
        for day in (due, extended_due)
        if day is not None and (customary := customary_closed_day(day)) is not None
    )
    return Deadline(
        received_on=received_on,
        start=start,
        policy=policy,
        raw_due=raw,
        due=due,
        extended_raw_due=extended_raw,
        extended_due=extended_due,
        steps=tuple(steps),
        warnings=warnings,
    )


# --------------------------------------------------------------------------- explanation


def _explain_step(step: Step, fmt: DateFormatter) -> str:
    kind = _(PAUSE_KINDS[step.pause_kind]) if step.pause_kind else ""
    day = fmt(step.day) if step.day else ""
    from_day = fmt(step.from_day) if step.from_day else ""
    code = step.code
    if code is StepCode.RECEIVED:
        return _("Request received on {day}.").format(day=day)
    if code is StepCode.ONE_MONTH:
        return _(
            "One month from {start} ends on {day} (GDPR Art. 12(3); "
            "Regulation 1182/71 Art. 3(2)(c))."
        ).format(start=from_day, day=day)
    if code is StepCode.MONTH_END_CLAMP:
        return _(
            "That month has no day {number}, so the period ends on its last day, {day}."
        ).format(number=step.from_day.day if step.from_day else "", day=day)
    if code is StepCode.PAUSE_SUSPENDED:
        days = step.days or 0
        return ngettext(
            "Clock stopped for {days} day while waiting for {kind} (asked on {asked}); "
            "the period now ends on {day} (EDPB Guidelines 01/2022, § 159).",
            "Clock stopped for {days} days while waiting for {kind} (asked on {asked}); "
            "the period now ends on {day} (EDPB Guidelines 01/2022, § 159).",
            days,
        ).format(days=days, kind=kind, asked=from_day, day=day)
    if code is StepCode.PAUSE_RESTARTED:
        return _(
            "The {kind} asked for on {asked} arrived on {day}; the month is counted again "
            "from that day."
        ).format(kind=kind, asked=from_day, day=day)
    if code is StepCode.PAUSE_IGNORED:
        return _(
            "Waiting for {kind} (asked on {asked}) does not stop the clock under the chosen policy."
        ).format(kind=kind, asked=from_day)
    if code is StepCode.PAUSE_LATE:
        return _(
            "The {kind} was asked for on {asked}, after the deadline, so it does not stop "
            "the clock."
        ).format(kind=kind, asked=from_day)
    if code is StepCode.PAUSE_OPEN:
        return _(
            "Waiting for {kind} since {asked}: the deadline is suspended until it arrives."
        ).format(kind=kind, asked=from_day)
    if code is StepCode.ROLLED:
        reasons = ", ".join(s.label() for s in step.skipped)
        return _(
            "{raw} is not a working day ({reasons}), so the deadline moves to {day} "
            "(Regulation 1182/71 Art. 3(4))."
        ).format(raw=from_day, reasons=reasons, day=day)
    if code is StepCode.TWO_WEEKS:
        return _(
            "Two weeks from {start} end on {day} (Act on the Openness of Government "
            "Activities 621/1999, § 14(4); Act 150/1930 on reckoning time limits)."
        ).format(start=from_day, day=day)
    if code is StepCode.PAUSE_NOT_COUNTED:
        return _(
            "Waiting for {kind} (asked on {asked}) does not stop the Publicity Act's time limit."
        ).format(kind=kind, asked=from_day)
    if code is StepCode.ROLLED_NATIONAL:
        reasons = ", ".join(s.label() for s in step.skipped)
        return _(
            "{raw} is not a working day ({reasons}), so the time limit moves to {day} "
            "(Act 150/1930, § 5)."
        ).format(raw=from_day, reasons=reasons, day=day)
    if code is StepCode.ONE_MONTH_PUBLICITY:
        return _(
            "Many documents or a similar reason: at most one month from {start}, ending on "
            "{day} (621/1999, § 14(4))."
        ).format(start=from_day, day=day)
    # StepCode.EXTENDED
    return _("Extended by two further months from {start} to {day} (GDPR Art. 12(3)).").format(
        start=from_day, day=day
    )


def _explain_warning(warning: DeadlineWarning, fmt: DateFormatter) -> str:
    label = _(CUSTOMARY_DAY_LABELS[warning.customary_day]) if warning.customary_day else ""
    return _(
        "{day} is {label}: not a public holiday, so the deadline stays, but offices are "
        "usually closed. Send the reply earlier."
    ).format(day=fmt(warning.day), label=label)
