"""Stored, derived deadline columns: after any sequence of service changes every stored
value equals the value recomputed from scratch, and a drift is reported."""

from __future__ import annotations

import contextlib
import json
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select, text

from rekisteri_app.domain import deadlines as dl
from rekisteri_app.domain.enums import (
    IdentityMethod,
    Outcome,
    PausePolicy,
    RequestClass,
    RequestStatus,
    Right,
)
from rekisteri_app.services import exchange
from rekisteri_app.services import requests as rq
from rekisteri_app.services import settings as app_settings
from rekisteri_app.services.context import ServiceContext, ServiceError
from rekisteri_app.services.requests import deadlines as stored_deadlines
from rekisteri_app.storage import models as m
from rekisteri_app.storage.database import Database
from tests.conftest import PASSPHRASE, FixedClock
from tests.test_requests_helpers import intake, load_organisation


def fresh_values(ctx) -> dict[str, tuple]:
    """Every case's stored values next to the ones computed from scratch."""
    out = {}
    with ctx.read() as session:
        policy = app_settings.pause_policy(session)
        for req in session.scalars(select(m.RightsRequest)):
            out[req.case_number] = (
                stored_deadlines.stored(req),
                stored_deadlines.derive(req, policy),
            )
    return out


def assert_no_drift(ctx) -> None:
    for case, (stored, fresh) in fresh_values(ctx).items():
        assert stored == fresh, case
    assert rq.deadline_drift(ctx) == []


class CaseChanges(RuleBasedStateMachine):
    """Random service calls on a few cases; the invariant is checked after each."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory()
        self.db = Database.create(Path(self.tmp.name) / "p.db", PASSPHRASE)
        self.clock = FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
        self.ctx = ServiceContext(self.db, actor="prop", clock=self.clock)
        self.cases: list[str] = []

    @initialize()
    def organisation(self) -> None:
        load_organisation(self.ctx)

    def teardown(self) -> None:
        self.db.close()
        self.tmp.cleanup()

    def _try(self, call, *args, **kw) -> None:
        with contextlib.suppress(ServiceError):  # refused: nothing stored, invariant holds
            call(*args, **kw)

    @rule(back=st.integers(0, 60), non_gdpr=st.booleans(), erasure=st.booleans())
    def log_a_request(self, back: int, non_gdpr: bool, erasure: bool) -> None:
        rights = (Right.ERASURE,) if erasure else (Right.ACCESS,)
        case = rq.add_request(
            self.ctx,
            intake(
                self.ctx.today() - timedelta(days=back),
                rights=rights,
                classification=RequestClass.NON_GDPR if non_gdpr else RequestClass.GDPR,
            ),
        )
        self.cases.append(case)

    @rule(days=st.integers(1, 20))
    def time_passes(self, days: int) -> None:
        self.clock.when += timedelta(days=days)

    def _case(self, data) -> str:
        return data.draw(st.sampled_from(self.cases))

    @precondition(lambda self: self.cases)
    @rule(
        data=st.data(), kind=st.sampled_from(["identity", "clarification"]), back=st.integers(0, 5)
    )
    def ask(self, data, kind: str, back: int) -> None:
        day = self.ctx.today() - timedelta(days=back)
        self._try(
            rq.update_request, self.ctx, self._case(data), rq.CaseUpdate(**{f"{kind}_asked": day})
        )

    @precondition(lambda self: self.cases)
    @rule(data=st.data(), kind=st.sampled_from(["identity", "clarification"]))
    def answer_arrives(self, data, kind: str) -> None:
        update = rq.CaseUpdate(**{f"{kind}_received": self.ctx.today()})
        self._try(rq.update_request, self.ctx, self._case(data), update)

    @precondition(lambda self: self.cases)
    @rule(data=st.data())
    def verify_identity(self, data) -> None:
        identity = rq.IdentityInput(IdentityMethod.STRONG_EID, "Aino", self.ctx.today())
        self._try(rq.record_identity, self.ctx, self._case(data), identity)

    @precondition(lambda self: self.cases)
    @rule(data=st.data(), back=st.integers(0, 3))
    def extend(self, data, back: int) -> None:
        day = self.ctx.today() - timedelta(days=back)
        self._try(rq.extend, self.ctx, self._case(data), rq.ExtensionInput("Many files.", day))

    @precondition(lambda self: self.cases)
    @rule(data=st.data(), outcome=st.sampled_from([Outcome.GRANTED, Outcome.PENDING]))
    def decide(self, data, outcome: Outcome) -> None:
        case = self._case(data)
        right = rq.get_request(self.ctx, case)["rights"][0]["right"]
        self._try(rq.decide, self.ctx, case, rq.OutcomeInput(Right(right), outcome))

    @precondition(lambda self: self.cases)
    @rule(
        data=st.data(),
        status=st.sampled_from(
            [RequestStatus.IN_PROGRESS, RequestStatus.ANSWERED, RequestStatus.CLOSED]
        ),
        withdrawn=st.booleans(),
    )
    def move(self, data, status: RequestStatus, withdrawn: bool) -> None:
        self._try(rq.set_status, self.ctx, self._case(data), status, withdrawn=withdrawn)

    @rule(policy=st.sampled_from(list(PausePolicy)))
    def change_the_pause_policy(self, policy: PausePolicy) -> None:
        app_settings.set_many(self.ctx, {app_settings.PAUSE_POLICY: policy.value})

    @invariant()
    def stored_values_equal_a_fresh_computation(self) -> None:
        for case, (stored, fresh) in fresh_values(self.ctx).items():
            assert stored == fresh, case


CaseChanges.TestCase.settings = settings(
    max_examples=12,
    stateful_step_count=14,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_random_service_changes_keep_every_stored_deadline_equal_to_a_fresh_one = CaseChanges.TestCase


# ------------------------------------------------------------------ fixed cases


@pytest.fixture
def org(ctx):
    load_organisation(ctx)
    return ctx


def stored_row(ctx, case: str) -> m.RightsRequest:
    with ctx.read() as session:
        return rq.find_case(session, case)


def test_intake_stores_the_due_date_the_case_view_shows(org):
    case = rq.add_request(org, intake(date(2026, 11, 2)))
    row, view = stored_row(org, case), rq.get_request(org, case)
    assert row.effective_due_on.isoformat() == view["effective_due_date"] == "2026-12-02"
    assert row.clock_state == "dated" and row.deadline_problem is None


def test_an_open_identity_pause_stops_the_clock_and_marks_the_case(org):
    case = rq.add_request(org, intake(date(2026, 11, 2)))
    rq.update_request(org, case, rq.CaseUpdate(identity_asked=date(2026, 11, 3)))
    row = stored_row(org, case)
    assert (row.clock_state, row.effective_due_on, row.awaiting_identity) == (
        "suspended",
        None,
        True,
    )
    rq.update_request(org, case, rq.CaseUpdate(identity_received=date(2026, 11, 10)))
    row = stored_row(org, case)
    assert row.clock_state == "dated" and not row.awaiting_identity
    assert row.effective_due_on == date(2026, 12, 9)  # seven days of waiting added


def test_a_request_outside_the_gdpr_has_no_stored_date(org):
    case = rq.add_request(org, intake(classification=RequestClass.NON_GDPR))
    row = stored_row(org, case)
    assert (row.clock_state, row.due_on, row.effective_due_on) == ("undated", None, None)


def test_changing_the_pause_policy_recomputes_every_case_with_an_audit_event(org):
    case = rq.add_request(org, intake(date(2026, 11, 2)))
    rq.update_request(org, case, rq.CaseUpdate(identity_asked=date(2026, 11, 3)))
    assert stored_row(org, case).effective_due_on is None
    app_settings.set_many(org, {app_settings.PAUSE_POLICY: "none"})
    assert stored_row(org, case).effective_due_on == date(2026, 12, 2)
    with org.read() as session:
        last = session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id.desc())).first()
    assert (last.action, last.entity) == ("update", "settings")
    with org.read() as session:
        actions = [
            (e.action, e.entity)
            for e in session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id))
        ]
    assert ("recompute", "deadlines") in actions
    assert_no_drift(org)


def test_an_import_that_brings_a_pause_policy_recomputes_the_stored_cases(org):
    case = rq.add_request(org, intake(date(2026, 11, 2)))
    rq.update_request(org, case, rq.CaseUpdate(identity_asked=date(2026, 11, 3)))
    exchange.import_document(
        org, {"format": "rekisteri", "version": 1, "settings": {"deadline.pause_policy": "none"}}
    )
    assert stored_row(org, case).effective_due_on == date(2026, 12, 2)
    assert_no_drift(org)


def test_imported_cases_get_their_stored_deadlines(org):
    rq.add_request(org, intake(date(2026, 11, 2)))
    doc = json.loads(exchange.export_json(org))
    for item in doc["requests"]:
        item["case_number"] = "x-" + item["case_number"].lower()
        item["registers"], item["controller"] = [], None
    doc["registers"] = doc["controllers"] = doc["processors"] = []
    exchange.import_document(org, {**doc, "settings": {}})
    row = stored_row(org, "X-2026-0001")  # stored in the canonical spelling
    assert row.effective_due_on == date(2026, 12, 2)
    assert_no_drift(org)


def test_a_changed_holiday_calendar_recomputes_on_open_once(org, monkeypatch):
    case = rq.add_request(org, intake(date(2026, 11, 2)))
    assert rq.refresh_stale_deadlines(org) is None  # computed with this calendar
    with org.db.session() as session:  # as if an older release had computed it
        session.execute(text("UPDATE requests SET effective_due_on = '2026-12-01'"))
    monkeypatch.setattr(dl, "calendar_version", lambda: "rules=99;holidays=next")
    assert rq.refresh_stale_deadlines(org) == 1
    assert stored_row(org, case).effective_due_on == date(2026, 12, 2)
    assert rq.refresh_stale_deadlines(org) is None
    with org.read() as session:
        event = session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id.desc())).first()
    assert (event.action, event.entity) == ("recompute", "deadlines")
    assert "holidays=next" in event.after_json and '"changed":1' in event.after_json


def test_a_drift_is_reported_by_case_number(org, cli):
    first = rq.add_request(org, intake(date(2026, 11, 2)))
    rq.add_request(org, intake(date(2026, 11, 3), name="Liisa Toinen"))
    assert rq.deadline_drift(org) == []
    with org.db.session() as session:
        session.execute(
            text("UPDATE requests SET effective_due_on = '2027-01-01' WHERE case_number = :c"),
            {"c": first},
        )
    assert rq.deadline_drift(org) == [first]
    org.db.close()
    code, out, _err = cli("--lang", "en", "request", "check-deadlines")
    assert code == 1 and first in out


def test_check_integrity_reports_a_drift_among_its_checks(org, cli):
    from rekisteri_app.services import security

    first = rq.add_request(org, intake(date(2026, 11, 2)))
    assert security.check_integrity(org).ok
    with org.db.session() as session:
        session.execute(
            text("UPDATE requests SET clock_state = 'suspended' WHERE case_number = :c"),
            {"c": first},
        )
    result = security.check_integrity(org)
    assert not result.ok
    assert [first in line for line in result.other["Stored deadlines"]] == [True]
    org.db.close()
    code, out, _err = cli("--lang", "en", "check-integrity")
    assert code != 0
    assert "Stored deadlines: 1 problems" in out and first in out


def test_no_drift_is_exit_zero(org, cli):
    rq.add_request(org, intake(date(2026, 11, 2)))
    org.db.close()
    code, out, _err = cli("--lang", "en", "request", "check-deadlines", "--json")
    assert code == 0 and '"drifted": []' in out


def test_issuing_the_extension_letter_is_what_makes_a_recorded_extension_hold(org):
    from rekisteri_app.services import letters

    app_settings.set_many(org, {app_settings.OFFICER_NAME: "Aino Virtanen"})
    case = rq.add_request(org, intake(date(2026, 11, 2)))
    rq.record_identity(
        org, case, rq.IdentityInput(IdentityMethod.STRONG_EID, "Aino", date(2026, 11, 5))
    )
    with org.db.session() as session:  # recorded without a letter, as an old import could
        req = rq.find_case(session, case)
        req.extended_on, req.extension_reasons = date(2026, 11, 20), "Many registers."
        req.status = RequestStatus.EXTENDED.value
        rq.store_deadline(session, req)
    row = stored_row(org, case)
    assert (row.deadline_problem, row.extended_due_on) == ("extension", None)
    letters.issue(org, case, "extension", "fi")
    row = stored_row(org, case)
    assert row.deadline_problem is None and row.extended_due_on == date(2027, 2, 2)
    assert_no_drift(org)
