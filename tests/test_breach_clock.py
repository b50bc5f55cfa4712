"""The 72-hour clock of GDPR Art. 33(1): real hours across the changes of Finnish time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri_app.domain import breaches as rules
from rekisteri_app.domain.enums import Art34Exception, BreachClock, NotifyDecision, RiskLevel
from rekisteri_app.i18n import set_language


def local(text: str) -> datetime:
    return rules.parse_local(text)


def test_aware_in_summer_time_the_deadline_falls_an_hour_earlier_on_winter_clocks():
    aware = local("2026-10-23 10:00")  # Friday, EEST (UTC+3)
    deadline = rules.notify_by(aware)
    assert deadline.strftime("%Y-%m-%d %H:%M") == "2026-10-26 09:00"  # Monday, EET
    assert deadline.utcoffset() == timedelta(hours=2)
    assert rules.hours_between(aware, deadline) == 72


def test_across_the_march_change_the_wall_clock_reads_an_hour_more():
    aware = local("2027-03-26 10:00")  # EET; clocks go forward on Sunday 28 March
    deadline = rules.notify_by(aware)
    assert deadline.strftime("%Y-%m-%d %H:%M") == "2027-03-29 11:00"
    assert deadline.utcoffset() == timedelta(hours=3)


def test_hours_left_are_real_hours_and_turn_negative_after_the_deadline():
    aware = local("2026-10-23 10:00")
    assert rules.hours_left(aware, local("2026-10-25 10:00")) == 23  # 49 real hours gone
    assert rules.hours_left(aware, local("2026-10-26 10:00")) == -1


def test_the_hour_that_happens_twice_in_october_is_read_as_summer_time():
    # 2026-10-25 03:30 happens at 00:30 and again at 01:30 UTC; the earlier gives the
    # earlier deadline, the safe reading.
    assert local("2026-10-25 03:30") == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_a_time_the_clocks_skip_in_march_is_refused():
    set_language("en")
    with pytest.raises(rules.InvalidTime, match="does not exist"):
        local("2027-03-28 03:30")


@pytest.mark.parametrize("text", ["23.10.2026 10:00", "2026-10-23", "2026-10-23 25:00", ""])
def test_text_that_is_not_a_date_and_time_is_refused(text):
    with pytest.raises(rules.InvalidTime):
        local(text)


def test_a_bare_date_is_midnight_when_allowed():
    assert rules.format_local(rules.parse_local("2026-10-23", date_only_ok=True)) == (
        "2026-10-23 00:00"
    )


@given(
    st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
    )
)
def test_the_deadline_is_always_exactly_72_real_hours_later(aware):
    deadline = rules.notify_by(aware)
    assert deadline.tzinfo is rules.HELSINKI
    assert deadline - aware == timedelta(hours=72)


def test_the_clock_stops_at_the_first_notification_or_a_decision_not_to_notify():
    aware = local("2026-10-23 10:00")
    late = local("2026-10-27 10:00")
    assert rules.clock(aware, local("2026-10-23 11:00")) is BreachClock.RUNNING
    assert rules.clock(aware, local("2026-10-25 12:00")) is BreachClock.DUE_SOON
    assert rules.clock(aware, late) is BreachClock.OVERDUE
    assert rules.clock(aware, late, notified_at=local("2026-10-24 09:00")) is (BreachClock.NOTIFIED)
    assert rules.clock(aware, late, decision=NotifyDecision.NOT_REQUIRED) is (
        BreachClock.NOT_REQUIRED
    )
    # a decision to notify does not stop it: only the notification does
    assert rules.clock(aware, late, decision=NotifyDecision.NOTIFY) is BreachClock.OVERDUE


def test_what_each_risk_level_obliges():
    assert rules.obligations(None) == rules.Obligations(None, None)
    assert rules.obligations(RiskLevel.NONE) == rules.Obligations(False, False)
    assert rules.obligations(RiskLevel.RISK) == rules.Obligations(True, False)
    assert rules.obligations(RiskLevel.HIGH) == rules.Obligations(True, True)


@pytest.mark.parametrize("risk", [RiskLevel.RISK, RiskLevel.HIGH])
def test_deciding_not_to_notify_a_risky_breach_is_refused(risk):
    with pytest.raises(rules.InconsistentDecision):
        rules.check_decision(risk, NotifyDecision.NOT_REQUIRED)
    rules.check_decision(RiskLevel.NONE, NotifyDecision.NOT_REQUIRED)
    rules.check_decision(risk, NotifyDecision.NOTIFY)


def test_open_duties_follow_the_record():
    set_language("en")
    aware = local("2026-10-23 10:00")
    now = local("2026-10-23 12:00")
    fresh = rules.open_duties(rules.BreachFacts(aware), now)
    assert fresh[0].startswith("Assess the risk")
    assert "2026-10-26 09:00" in fresh[1]
    high = rules.BreachFacts(
        aware,
        risk=RiskLevel.HIGH,
        decision=NotifyDecision.NOTIFY,
        notified_at=local("2026-10-24 09:00"),
    )
    assert [d[:6] for d in rules.open_duties(high, now)] == ["Inform"]
    excepted = rules.BreachFacts(**{**high.__dict__, "exception": Art34Exception.PROTECTED})
    assert rules.open_duties(excepted, now) == []
    late = rules.BreachFacts(
        aware,
        risk=RiskLevel.RISK,
        decision=NotifyDecision.NOTIFY,
        notified_at=local("2026-10-27 09:00"),
    )
    assert rules.open_duties(late, now) == [
        "Record the reasons for notifying after 72 hours (GDPR Art. 33(1))."
    ]
    assert rules.open_duties(rules.BreachFacts(aware, closed=True), now) == []
