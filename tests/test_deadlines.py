"""The deadline calendar against dates worked out by hand from printed calendars.

Expected dates below were read off `calendar.month(...)` for 2025-2029 and the Finnish
holiday list (Easter 20.4.2025, 5.4.2026, 28.3.2027, 16.4.2028); none is computed with
the code under test.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri_app.domain.deadlines import (
    DEFAULT_PAUSE_POLICY,
    CustomaryDay,
    Deadline,
    Extension,
    ExtensionRefused,
    HolidayCode,
    InvalidPause,
    NonWorkingReason,
    Pause,
    PausePolicy,
    Period,
    StepCode,
    Urgency,
    WarningCode,
    add_months,
    compute_deadline,
    customary_closed_day,
    is_working_day,
    public_holiday,
    roll_forward,
    urgency,
)
from rekisteri_app.domain.enums import PauseKind, RequestClass
from rekisteri_app.i18n import set_language

D = date


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Assertions below read English source text; the shared fixture sets Finnish."""
    set_language("en")
    yield


def due(received: date, **kwargs: object) -> Deadline:
    result = compute_deadline(received, **kwargs)  # type: ignore[arg-type]
    assert result is not None
    return result


# (received, expected due, what the case covers)
FIRST_PERIOD = [
    # ordinary dates and EDPB Guidelines 01/2022 examples 32 and 33
    (D(2026, 3, 10), D(2026, 4, 10), "ordinary Friday"),
    (D(2026, 8, 31), D(2026, 9, 30), "31 Aug -> 30 Sep (EDPB example 33)"),
    # month ends
    (D(2025, 1, 31), D(2025, 2, 28), "31 Jan -> 28 Feb, a Friday"),
    (D(2026, 1, 31), D(2026, 3, 2), "31 Jan -> Sat 28 Feb -> Mon 2 Mar"),
    (D(2027, 1, 31), D(2027, 3, 1), "31 Jan -> Sun 28 Feb -> Mon 1 Mar"),
    (D(2028, 1, 31), D(2028, 2, 29), "leap year: 31 Jan -> Tue 29 Feb"),
    (D(2028, 1, 29), D(2028, 2, 29), "leap year: 29 Jan -> 29 Feb"),
    (D(2028, 2, 29), D(2028, 3, 29), "leap day received -> 29 Mar"),
    (D(2025, 3, 31), D(2025, 4, 30), "31 Mar -> 30 Apr"),
    (D(2026, 3, 31), D(2026, 4, 30), "31 Mar -> 30 Apr"),
    (D(2027, 3, 31), D(2027, 4, 30), "31 Mar -> 30 Apr"),
    (D(2028, 3, 31), D(2028, 5, 2), "31 Mar -> Sun 30 Apr, May Day Mon -> Tue 2 May"),
    (D(2026, 2, 1), D(2026, 3, 2), "Sun 1 Mar -> Mon 2 Mar"),
    (D(2025, 12, 31), D(2026, 2, 2), "31 Dec -> Sat 31 Jan -> Mon 2 Feb"),
    # Easter
    (D(2025, 3, 18), D(2025, 4, 22), "Good Friday 18.4.2025 -> Tue after Easter"),
    (D(2026, 3, 3), D(2026, 4, 7), "Good Friday 3.4.2026"),
    (D(2026, 3, 5), D(2026, 4, 7), "Easter Sunday 5.4.2026 (EDPB example 32 date)"),
    (D(2026, 3, 6), D(2026, 4, 7), "Easter Monday 6.4.2026"),
    (D(2027, 2, 26), D(2027, 3, 30), "Good Friday 26.3.2027"),
    (D(2027, 2, 28), D(2027, 3, 30), "Easter Sunday 28.3.2027"),
    (D(2028, 3, 14), D(2028, 4, 18), "Good Friday 14.4.2028"),
    (D(2028, 3, 17), D(2028, 4, 18), "Easter Monday 17.4.2028"),
    # Ascension Day (Thursday)
    (D(2025, 4, 29), D(2025, 5, 30), "Ascension 29.5.2025"),
    (D(2026, 4, 14), D(2026, 5, 15), "Ascension 14.5.2026"),
    (D(2027, 4, 6), D(2027, 5, 7), "Ascension 6.5.2027"),
    (D(2028, 4, 25), D(2028, 5, 26), "Ascension 25.5.2028"),
    # Midsummer: Eve (Friday) stays, Day (Saturday) rolls
    (D(2025, 5, 20), D(2025, 6, 20), "Midsummer Eve 20.6.2025 stays"),
    (D(2026, 5, 19), D(2026, 6, 19), "Midsummer Eve 19.6.2026 stays"),
    (D(2027, 5, 25), D(2027, 6, 25), "Midsummer Eve 25.6.2027 stays"),
    (D(2028, 5, 23), D(2028, 6, 23), "Midsummer Eve 23.6.2028 stays"),
    (D(2026, 5, 20), D(2026, 6, 22), "Midsummer Day Sat 20.6.2026 -> Mon"),
    (D(2027, 5, 26), D(2027, 6, 28), "Midsummer Day Sat 26.6.2027 -> Mon"),
    # Independence Day 6 December
    (D(2025, 11, 6), D(2025, 12, 8), "Independence Day on a Saturday"),
    (D(2026, 11, 6), D(2026, 12, 7), "Independence Day on a Sunday"),
    (D(2027, 11, 6), D(2027, 12, 7), "Independence Day Mon 6.12.2027 -> Tue"),
    (D(2028, 11, 6), D(2028, 12, 7), "Independence Day Wed 6.12.2028 -> Thu"),
    # Christmas: the Eve stays, 25 and 26 roll
    (D(2025, 11, 24), D(2025, 12, 24), "Christmas Eve Wed 2025 stays"),
    (D(2025, 11, 25), D(2025, 12, 29), "Christmas Day Thu 2025 -> Mon 29"),
    (D(2025, 11, 26), D(2025, 12, 29), "St Stephen's Fri 2025 -> Mon 29"),
    (D(2026, 11, 24), D(2026, 12, 24), "Christmas Eve Thu 2026 stays"),
    (D(2026, 11, 25), D(2026, 12, 28), "Christmas Day Fri 2026 -> Mon 28"),
    (D(2027, 11, 24), D(2027, 12, 24), "Christmas Eve Fri 2027 stays"),
    (D(2027, 11, 25), D(2027, 12, 27), "Christmas Day Sat 2027 -> Mon 27"),
    (D(2028, 11, 24), D(2028, 12, 27), "Christmas Eve on a Sunday 2028 -> Wed 27"),
    (D(2028, 11, 25), D(2028, 12, 27), "Christmas Day Mon 2028 -> Wed 27"),
    # New Year's Day
    (D(2025, 12, 1), D(2026, 1, 2), "New Year Thu 2026 -> Fri"),
    (D(2026, 12, 1), D(2027, 1, 4), "New Year Fri 2027 -> Mon"),
    (D(2027, 12, 1), D(2028, 1, 3), "New Year Sat 2028 -> Mon"),
    (D(2028, 12, 1), D(2029, 1, 2), "New Year Mon 2029 -> Tue"),
    # May Day
    (D(2025, 4, 1), D(2025, 5, 2), "May Day Thu 2025 -> Fri"),
    (D(2026, 4, 1), D(2026, 5, 4), "May Day Fri 2026 -> Mon"),
    (D(2027, 4, 1), D(2027, 5, 3), "May Day Sat 2027 -> Mon"),
    (D(2028, 4, 1), D(2028, 5, 2), "May Day Mon 2028 -> Tue"),
    # Epiphany 6 January
    (D(2024, 12, 6), D(2025, 1, 7), "Epiphany Mon 2025 -> Tue"),
    (D(2025, 12, 6), D(2026, 1, 7), "Epiphany Tue 2026 -> Wed"),
    (D(2026, 12, 6), D(2027, 1, 7), "Epiphany Wed 2027 -> Thu"),
    (D(2027, 12, 6), D(2028, 1, 7), "Epiphany Thu 2028 -> Fri"),
    # All Saints' Day (always a Saturday)
    (D(2025, 10, 1), D(2025, 11, 3), "All Saints Sat 1.11.2025 -> Mon"),
    (D(2027, 10, 6), D(2027, 11, 8), "All Saints Sat 6.11.2027 -> Mon"),
    (D(2028, 10, 4), D(2028, 11, 6), "All Saints Sat 4.11.2028 -> Mon"),
]


@pytest.mark.parametrize(("received", "expected", "case"), FIRST_PERIOD)
def test_first_period(received: date, expected: date, case: str) -> None:
    assert due(received).due == expected, case


@pytest.mark.parametrize(
    ("received", "eve", "kind"),
    [
        (D(2025, 5, 20), D(2025, 6, 20), CustomaryDay.MIDSUMMER_EVE),
        (D(2026, 5, 19), D(2026, 6, 19), CustomaryDay.MIDSUMMER_EVE),
        (D(2027, 5, 25), D(2027, 6, 25), CustomaryDay.MIDSUMMER_EVE),
        (D(2028, 5, 23), D(2028, 6, 23), CustomaryDay.MIDSUMMER_EVE),
        (D(2025, 11, 24), D(2025, 12, 24), CustomaryDay.CHRISTMAS_EVE),
        (D(2026, 11, 24), D(2026, 12, 24), CustomaryDay.CHRISTMAS_EVE),
        (D(2027, 11, 24), D(2027, 12, 24), CustomaryDay.CHRISTMAS_EVE),
    ],
)
def test_customary_closed_days_warn_but_do_not_move(
    received: date, eve: date, kind: CustomaryDay
) -> None:
    result = due(received)
    assert result.due == eve
    assert [(w.code, w.day, w.customary_day) for w in result.warnings] == [
        (WarningCode.CUSTOMARY_CLOSED_DAY, eve, kind)
    ]
    assert "not a public holiday" in result.explain()


def test_library_lists_the_eves_but_they_are_not_public_holidays() -> None:
    # holidays.Finland puts both eves in its PUBLIC category; the law does not.
    listed = holidays.Finland(years=2026)
    assert D(2026, 6, 19) in listed and D(2026, 12, 24) in listed
    for eve in (D(2026, 6, 19), D(2026, 12, 24)):
        assert public_holiday(eve) is None
        assert is_working_day(eve)
    assert customary_closed_day(D(2026, 6, 19)) is CustomaryDay.MIDSUMMER_EVE
    assert customary_closed_day(D(2026, 6, 26)) is None  # a Friday, but not 19-25 June
    assert customary_closed_day(D(2026, 12, 23)) is None


def test_no_warning_on_an_ordinary_day() -> None:
    assert due(D(2026, 3, 10)).warnings == ()


@pytest.mark.parametrize("year", range(2024, 2031))
def test_every_library_holiday_has_a_code(year: int) -> None:
    """A renamed holiday in a new `holidays` release must fail here, not go unlabelled."""
    for day in holidays.Finland(years=year):
        if customary_closed_day(day) is None:
            assert public_holiday(day) not in (None, HolidayCode.OTHER), day


# --------------------------------------------------------------------------- steps


def test_steps_for_month_end_clamp_and_weekend_roll() -> None:
    result = due(D(2026, 1, 31))
    assert [s.code for s in result.steps] == [
        StepCode.RECEIVED,
        StepCode.ONE_MONTH,
        StepCode.MONTH_END_CLAMP,
        StepCode.ROLLED,
    ]
    assert result.raw_due == D(2026, 2, 28)
    assert result.start == result.received_on == D(2026, 1, 31)
    rolled = result.steps[-1]
    assert (rolled.from_day, rolled.day) == (D(2026, 2, 28), D(2026, 3, 2))
    assert [(s.day, s.reason) for s in rolled.skipped] == [
        (D(2026, 2, 28), NonWorkingReason.WEEKEND),
        (D(2026, 3, 1), NonWorkingReason.WEEKEND),
    ]


def test_roll_from_sunday_explained() -> None:
    result = due(D(2026, 2, 1))
    text = result.explain()
    assert "Sunday 2026-03-01" in text and "Monday 2026-03-02" in text
    assert "1182/71 Art. 3(4)" in text


def test_roll_past_easter_names_each_day() -> None:
    result = due(D(2026, 3, 3))
    rolled = result.steps[-1]
    assert rolled.code is StepCode.ROLLED
    assert [(s.day, s.holiday) for s in rolled.skipped] == [
        (D(2026, 4, 3), HolidayCode.GOOD_FRIDAY),
        (D(2026, 4, 4), None),
        (D(2026, 4, 5), HolidayCode.EASTER_SUNDAY),
        (D(2026, 4, 6), HolidayCode.EASTER_MONDAY),
    ]
    assert "Good Friday" in result.explain() and "Easter Monday" in result.explain()


def test_midsummer_day_is_labelled_as_holiday_not_weekend() -> None:
    rolled = due(D(2026, 5, 20)).steps[-1]
    assert rolled.skipped[0].holiday is HolidayCode.MIDSUMMER_DAY
    assert rolled.skipped[0].reason is NonWorkingReason.PUBLIC_HOLIDAY


def test_explanation_accepts_a_date_formatter() -> None:
    text = due(D(2026, 3, 10)).explain(format_date=lambda d: f"{d.day}.{d.month}.{d.year}")
    assert "10.3.2026" in text and "10.4.2026" in text


# --------------------------------------------------------------------------- extension


def ext(decided: date, reasons: str = "Three systems to search", letter: date | None = None):
    return Extension(decided, reasons, letter if letter is not None else decided)


def test_extension_counts_two_months_from_the_unrolled_end() -> None:
    # 31 Jan 2026: first period ends Sat 28 Feb (rolled to Mon 2 Mar). Two further months
    # from 28 Feb give Tue 28 Apr; from receipt + 3 months it would be 30 Apr and from
    # the rolled 2 Mar it would be 2 May: the rule chosen is the earliest, so it is safe.
    result = due(D(2026, 1, 31), extension=ext(D(2026, 2, 20)))
    assert result.due == D(2026, 3, 2)
    assert result.extended_raw_due == D(2026, 4, 28)
    assert result.extended_due == D(2026, 4, 28)
    assert result.effective_due == D(2026, 4, 28)
    assert [s.code for s in result.steps if s.period is Period.EXTENSION] == [StepCode.EXTENDED]


def test_extension_rolls_past_epiphany() -> None:
    result = due(D(2026, 10, 6), extension=ext(D(2026, 10, 20)))
    assert result.due == D(2026, 11, 6)
    assert result.extended_raw_due == D(2027, 1, 6)
    assert result.extended_due == D(2027, 1, 7)


def test_extension_from_a_month_end_clamps_again() -> None:
    # received 31 Oct 2026 -> Mon 30 Nov; + 2 months from 30 Nov = Sat 30 Jan 2027 -> Mon 1 Feb
    result = due(D(2026, 10, 31), extension=ext(D(2026, 11, 2)))
    assert result.due == D(2026, 11, 30)
    assert result.extended_due == D(2027, 2, 1)


def test_extension_ending_on_christmas_eve_warns() -> None:
    result = due(D(2026, 9, 24), extension=ext(D(2026, 10, 1)))
    assert result.due == D(2026, 10, 26)
    assert result.extended_due == D(2026, 12, 24)
    assert [w.customary_day for w in result.warnings] == [CustomaryDay.CHRISTMAS_EVE]


def test_extension_decided_on_the_rolled_due_date_is_in_time() -> None:
    # raw end Sat 28 Feb 2026, due Mon 2 Mar: deciding on 2 Mar is still within the period
    result = due(D(2026, 1, 31), extension=ext(D(2026, 3, 2)))
    assert result.extended_due == D(2026, 4, 28)


def test_extension_refused_when_late() -> None:
    with pytest.raises(ExtensionRefused, match="after the deadline"):
        compute_deadline(D(2026, 1, 31), extension=ext(D(2026, 3, 3)))


def test_extension_refused_when_letter_late() -> None:
    with pytest.raises(ExtensionRefused, match="letter was sent"):
        compute_deadline(D(2026, 1, 31), extension=ext(D(2026, 2, 20), letter=D(2026, 3, 3)))


@pytest.mark.parametrize("reasons", ["", "   "])
def test_extension_refused_without_reasons(reasons: str) -> None:
    with pytest.raises(ExtensionRefused, match="reasons"):
        compute_deadline(D(2026, 1, 31), extension=ext(D(2026, 2, 20), reasons=reasons))


def test_extension_refused_without_letter() -> None:
    with pytest.raises(ExtensionRefused, match="letter"):
        compute_deadline(D(2026, 1, 31), extension=Extension(D(2026, 2, 20), "complex", None))


def test_extension_refused_before_receipt_or_letter_before_decision() -> None:
    with pytest.raises(ExtensionRefused):
        compute_deadline(D(2026, 1, 31), extension=ext(D(2026, 1, 30)))
    with pytest.raises(ExtensionRefused):
        compute_deadline(D(2026, 1, 31), extension=ext(D(2026, 2, 20), letter=D(2026, 2, 19)))


def test_extension_error_is_a_value_error() -> None:
    assert issubclass(ExtensionRefused, ValueError)


# --------------------------------------------------------------------------- non-GDPR


def test_non_gdpr_request_has_no_deadline() -> None:
    assert compute_deadline(D(2026, 3, 10), request_class=RequestClass.NON_GDPR) is None
    assert urgency(None, D(2026, 3, 10)) is Urgency.NO_DEADLINE
    with pytest.raises(ExtensionRefused):
        compute_deadline(
            D(2026, 3, 10), request_class=RequestClass.NON_GDPR, extension=ext(D(2026, 3, 11))
        )


# --------------------------------------------------------------------------- pauses

RECEIVED = D(2026, 3, 2)  # Monday; one month ends Thu 2 Apr 2026
IDENTITY = Pause(PauseKind.IDENTITY, D(2026, 3, 4), D(2026, 3, 14))  # 10 days


def test_default_pause_policy_is_suspend() -> None:
    """EDPB Guidelines 01/2022 v2.0 § 159: asking for identity information may suspend
    the time limit until the information arrives, if asked without undue delay."""
    assert DEFAULT_PAUSE_POLICY is PausePolicy.SUSPEND
    assert due(RECEIVED, pauses=[IDENTITY]).policy is PausePolicy.SUSPEND


@pytest.mark.parametrize(
    ("policy", "expected", "start"),
    [
        (PausePolicy.NONE, D(2026, 4, 2), RECEIVED),
        # 2 Apr + 10 days = Sun 12 Apr -> Mon 13 Apr
        (PausePolicy.SUSPEND, D(2026, 4, 13), RECEIVED),
        # one month from 14 Mar = Tue 14 Apr
        (PausePolicy.RESTART, D(2026, 4, 14), D(2026, 3, 14)),
    ],
)
def test_pause_policies(policy: PausePolicy, expected: date, start: date) -> None:
    result = due(RECEIVED, pauses=[IDENTITY], policy=policy)
    assert result.due == expected
    assert result.start == start


def test_suspension_is_recorded_as_a_step() -> None:
    result = due(RECEIVED, pauses=[IDENTITY])
    step = next(s for s in result.steps if s.code is StepCode.PAUSE_SUSPENDED)
    assert (step.days, step.pause_kind, step.day) == (10, PauseKind.IDENTITY, D(2026, 4, 12))
    assert "10 days" in result.explain() and "identity proof" in result.explain()


def test_overlapping_pauses_count_each_day_once() -> None:
    clarification = Pause(PauseKind.CLARIFICATION, D(2026, 3, 10), D(2026, 3, 20))
    result = due(RECEIVED, pauses=[clarification, IDENTITY])
    # stopped 4 Mar - 20 Mar = 16 days: 2 Apr + 16 = Sat 18 Apr -> Mon 20 Apr
    assert result.due == D(2026, 4, 20)
    assert [s.days for s in result.steps if s.code is StepCode.PAUSE_SUSPENDED] == [10, 6]


def test_suspension_reaching_all_saints_day() -> None:
    # received 30 Sep 2026 -> Fri 30 Oct; one day's pause -> Sat 31 Oct (All Saints) -> Mon
    pause = Pause(PauseKind.CLARIFICATION, D(2026, 10, 1), D(2026, 10, 2))
    result = due(D(2026, 9, 30), pauses=[pause])
    assert result.due == D(2026, 11, 2)
    assert result.steps[-1].skipped[0].holiday is HolidayCode.ALL_SAINTS


@pytest.mark.parametrize("policy", [PausePolicy.SUSPEND, PausePolicy.RESTART])
def test_open_pause_suspends_the_deadline(policy: PausePolicy) -> None:
    pause = Pause(PauseKind.IDENTITY, D(2026, 3, 4))
    result = due(RECEIVED, pauses=[pause], policy=policy)
    assert result.suspended
    assert result.due is None and result.raw_due is None and result.effective_due is None
    assert result.days_left(D(2026, 5, 1)) is None
    assert result.urgency(D(2026, 5, 1)) is Urgency.SUSPENDED
    assert result.steps[-1].code is StepCode.PAUSE_OPEN
    assert "suspended" in result.explain()


def test_open_pause_under_policy_none_keeps_the_clock_running() -> None:
    pause = Pause(PauseKind.IDENTITY, D(2026, 3, 4))
    result = due(RECEIVED, pauses=[pause], policy=PausePolicy.NONE)
    assert result.due == D(2026, 4, 2)
    assert StepCode.PAUSE_IGNORED in [s.code for s in result.steps]


def test_extension_while_suspended_is_recorded_without_a_date() -> None:
    pause = Pause(PauseKind.IDENTITY, D(2026, 3, 4))
    result = due(RECEIVED, pauses=[pause], extension=ext(D(2026, 3, 20)))
    assert result.suspended and result.extended_due is None


def test_pause_asked_after_the_deadline_does_not_count() -> None:
    late = Pause(PauseKind.CLARIFICATION, D(2026, 4, 3), D(2026, 4, 10))
    result = due(RECEIVED, pauses=[late])
    assert result.due == D(2026, 4, 2)
    assert StepCode.PAUSE_LATE in [s.code for s in result.steps]


def test_pause_asked_on_the_rolled_due_date_counts() -> None:
    # raw end Sat 28 Feb 2026, due Mon 2 Mar; asked 2 Mar, answered 5 Mar: 3 days
    pause = Pause(PauseKind.IDENTITY, D(2026, 3, 2), D(2026, 3, 5))
    assert due(D(2026, 1, 31), pauses=[pause]).due == D(2026, 3, 3)


def test_extension_after_suspension_counts_from_the_suspended_end() -> None:
    result = due(RECEIVED, pauses=[IDENTITY], extension=ext(D(2026, 4, 13)))
    # unrolled end 12 Apr + 2 months = Fri 12 Jun 2026
    assert result.extended_due == D(2026, 6, 12)


def test_invalid_pauses() -> None:
    with pytest.raises(InvalidPause):
        Pause(PauseKind.IDENTITY, D(2026, 3, 10), D(2026, 3, 9))
    with pytest.raises(InvalidPause):
        compute_deadline(RECEIVED, pauses=[Pause(PauseKind.IDENTITY, D(2026, 3, 1))])


# --------------------------------------------------------------------------- dashboard


@pytest.mark.parametrize(
    ("today", "left", "expected"),
    [
        (D(2026, 3, 10), 31, Urgency.OK),
        (D(2026, 4, 2), 8, Urgency.OK),
        (D(2026, 4, 3), 7, Urgency.DUE_SOON),
        (D(2026, 4, 10), 0, Urgency.DUE_SOON),
        (D(2026, 4, 11), -1, Urgency.OVERDUE),
    ],
)
def test_days_left_and_urgency(today: date, left: int, expected: Urgency) -> None:
    result = due(D(2026, 3, 10))  # due Fri 10 Apr 2026
    assert result.days_left(today) == left
    assert result.urgency(today) is expected


def test_urgency_uses_the_extended_date() -> None:
    result = due(D(2026, 3, 10), extension=ext(D(2026, 3, 20)))  # 10 Apr -> Wed 10 Jun
    assert result.extended_due == D(2026, 6, 10)
    assert result.urgency(D(2026, 4, 20)) is Urgency.OK


# --------------------------------------------------------------------------- add_months


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 1, 15), -12, D(2025, 1, 15)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


# --------------------------------------------------------------------------- properties

receipts = st.dates(min_value=D(2020, 1, 1), max_value=D(2045, 12, 31))


def _is_weekend_or_public_holiday(day: date) -> bool:
    listed = holidays.Finland(years=day.year)
    return day.weekday() >= 5 or (day in listed and customary_closed_day(day) is None)


@settings(max_examples=300, deadline=None)
@given(receipts)
def test_due_is_never_a_weekend_or_public_holiday(received: date) -> None:
    result = due(received)
    assert result.due is not None
    assert not _is_weekend_or_public_holiday(result.due)


@settings(max_examples=300, deadline=None)
@given(receipts)
def test_due_is_at_least_28_days_after_receipt(received: date) -> None:
    result = due(received)
    assert result.due is not None and result.due >= received + timedelta(days=28)


@settings(max_examples=300, deadline=None)
@given(receipts, st.integers(min_value=0, max_value=400))
def test_due_is_monotonic_in_receipt(received: date, later_by: int) -> None:
    first, second = due(received), due(received + timedelta(days=later_by))
    assert first.due is not None and second.due is not None
    assert first.due <= second.due


@settings(max_examples=200, deadline=None)
@given(st.one_of(receipts, st.sampled_from([D(2025, 12, 31), D(2027, 12, 31), D(2026, 1, 31)])))
def test_extended_due_is_never_later_than_three_months_from_receipt(received: date) -> None:
    result = due(received, extension=ext(received))
    three_months, _ = roll_forward(add_months(received, 3))
    assert result.extended_due is not None
    assert result.due is not None and result.due < result.extended_due <= three_months
    assert not _is_weekend_or_public_holiday(result.extended_due)


@settings(max_examples=200, deadline=None)
@given(
    receipts,
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=30)),
        max_size=3,
    ),
)
def test_suspension_never_shortens_the_deadline(
    received: date, offsets: list[tuple[int, int]]
) -> None:
    pauses = [
        Pause(PauseKind.IDENTITY, received + timedelta(days=a), received + timedelta(days=a + n))
        for a, n in offsets
    ]
    plain = due(received, policy=PausePolicy.NONE, pauses=pauses)
    suspended = due(received, policy=PausePolicy.SUSPEND, pauses=pauses)
    assert plain.due is not None and suspended.due is not None
    assert suspended.due >= plain.due
    assert not _is_weekend_or_public_holiday(suspended.due)
