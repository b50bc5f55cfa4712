"""The case status machine, outcome rules and the legal-ground catalogue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rekisteri_app.domain.enums import Outcome, RequestClass, RequestStatus, Right
from rekisteri_app.domain.legal_grounds import (
    LEGAL_GROUNDS,
    UnknownLegalGround,
    grounds_for,
    legal_ground,
)
from rekisteri_app.domain.vocabulary import STATUSES
from rekisteri_app.domain.workflow import (
    TRANSITIONS,
    Decision,
    IllegalTransition,
    InvalidOutcome,
    allowed_targets,
    check_outcome,
    check_ready_to_answer,
    check_transition,
)
from rekisteri_app.i18n import set_language

S = RequestStatus


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Assertions below read English source text; the shared fixture sets Finnish."""
    set_language("en")
    yield


PLAIN = [
    (S.RECEIVED, S.AWAITING),
    (S.RECEIVED, S.IN_PROGRESS),
    (S.AWAITING, S.IN_PROGRESS),
    (S.IN_PROGRESS, S.AWAITING),
    (S.IN_PROGRESS, S.EXTENDED),
    (S.IN_PROGRESS, S.ANSWERED),
    (S.EXTENDED, S.ANSWERED),
    (S.ANSWERED, S.CLOSED),
    (S.ANSWERED, S.IN_PROGRESS),
]

WITHDRAWAL = [
    (S.RECEIVED, S.CLOSED),
    (S.AWAITING, S.CLOSED),
    (S.IN_PROGRESS, S.CLOSED),
    (S.EXTENDED, S.CLOSED),
]


@pytest.mark.parametrize(("old", "new"), PLAIN)
def test_allowed_transitions(old: RequestStatus, new: RequestStatus) -> None:
    transition = check_transition(old, new)
    assert transition.reason


@pytest.mark.parametrize(("old", "new"), WITHDRAWAL)
def test_closing_unanswered_needs_withdrawal(old: RequestStatus, new: RequestStatus) -> None:
    with pytest.raises(IllegalTransition):
        check_transition(old, new)
    assert check_transition(old, new, withdrawn=True)


def test_non_gdpr_request_can_be_closed_from_received() -> None:
    assert check_transition(S.RECEIVED, S.CLOSED, request_class=RequestClass.NON_GDPR)


def test_non_gdpr_request_cannot_be_extended() -> None:
    with pytest.raises(IllegalTransition, match="no statutory deadline"):
        check_transition(S.IN_PROGRESS, S.EXTENDED, request_class=RequestClass.NON_GDPR)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (S.RECEIVED, S.ANSWERED),  # nobody worked on it
        (S.RECEIVED, S.EXTENDED),
        (S.AWAITING, S.ANSWERED),
        (S.AWAITING, S.EXTENDED),
        (S.EXTENDED, S.AWAITING),  # a question after month one does not stop the clock
        (S.EXTENDED, S.IN_PROGRESS),
        (S.ANSWERED, S.EXTENDED),
        (S.CLOSED, S.IN_PROGRESS),  # closed is final: a new letter is a new case
        (S.CLOSED, S.RECEIVED),
        (S.IN_PROGRESS, S.IN_PROGRESS),  # no-op moves are refused
    ],
)
def test_illegal_transitions(old: RequestStatus, new: RequestStatus) -> None:
    with pytest.raises(IllegalTransition) as caught:
        check_transition(old, new, withdrawn=True)
    message = str(caught.value)
    assert STATUSES[old] in message and STATUSES[new] in message
    assert isinstance(caught.value, ValueError)
    assert (caught.value.old, caught.value.new) == (old, new)


def test_closed_is_terminal() -> None:
    for request_class in RequestClass:
        assert allowed_targets(S.CLOSED, request_class=request_class, withdrawn=True) == ()


def test_allowed_targets() -> None:
    assert allowed_targets(S.RECEIVED) == (S.AWAITING, S.IN_PROGRESS)
    assert allowed_targets(S.RECEIVED, withdrawn=True) == (S.AWAITING, S.IN_PROGRESS, S.CLOSED)
    assert S.EXTENDED not in allowed_targets(S.IN_PROGRESS, request_class=RequestClass.NON_GDPR)


def test_every_status_is_reachable_and_documented() -> None:
    reachable = {S.RECEIVED} | {new for (_, new) in TRANSITIONS}
    assert reachable == set(RequestStatus)
    assert all(t.reason for t in TRANSITIONS.values())


# --------------------------------------------------------------------------- outcomes


def test_granted_needs_no_ground() -> None:
    check_outcome(Right.ACCESS, Outcome.GRANTED)


@pytest.mark.parametrize("outcome", [Outcome.REFUSED, Outcome.PARTLY])
def test_refusal_needs_a_ground(outcome: Outcome) -> None:
    with pytest.raises(InvalidOutcome, match="legal ground"):
        check_outcome(Right.ERASURE, outcome)
    check_outcome(Right.ERASURE, outcome, ["art-17-3-b"])


def test_ground_must_exist() -> None:
    with pytest.raises(UnknownLegalGround):
        check_outcome(Right.ERASURE, Outcome.REFUSED, ["art-99"])


def test_ground_must_fit_the_right() -> None:
    with pytest.raises(InvalidOutcome, match=r"Art\. 17\(3\)\(b\)"):
        check_outcome(Right.ACCESS, Outcome.REFUSED, ["art-17-3-b"])
    check_outcome(Right.ACCESS, Outcome.PARTLY, ["art-15-4"])
    check_outcome(Right.OBJECTION, Outcome.REFUSED, ["art-21-1-compelling"])
    check_outcome(Right.PORTABILITY, Outcome.REFUSED, ["art-20-not-applicable"])


def test_general_grounds_fit_every_right() -> None:
    for right in Right:
        check_outcome(right, Outcome.REFUSED, ["art-12-5"])
        check_outcome(right, Outcome.REFUSED, ["national-law"])


def test_granted_with_a_ground_is_refused() -> None:
    with pytest.raises(InvalidOutcome, match="partly granted"):
        check_outcome(Right.ERASURE, Outcome.GRANTED, ["art-17-3-b"])


def test_duplicate_grounds_are_refused() -> None:
    with pytest.raises(InvalidOutcome):
        check_outcome(Right.ERASURE, Outcome.REFUSED, ["art-17-3-b", "art-17-3-b"])


def test_ready_to_answer() -> None:
    check_ready_to_answer(
        [
            Decision(Right.ACCESS, Outcome.GRANTED),
            Decision(Right.ERASURE, Outcome.PARTLY, ("art-17-3-b",)),
        ]
    )
    with pytest.raises(InvalidOutcome):
        check_ready_to_answer([Decision(Right.ACCESS, Outcome.PENDING)])
    with pytest.raises(InvalidOutcome):
        check_ready_to_answer([])
    with pytest.raises(InvalidOutcome):
        check_ready_to_answer([Decision(Right.ERASURE, Outcome.REFUSED)])


# --------------------------------------------------------------------------- catalogue

REQUIRED_CODES = {
    "art-17-3-b",
    "art-12-5",
    "art-15-4",
    "art-17-3-e",
    "art-21-1-compelling",
    "art-20-not-applicable",
    "art-11-2",
    "art-18-2",
    "art-17-1-not-met",
    "national-law",
}


def test_catalogue_has_the_required_grounds() -> None:
    assert set(LEGAL_GROUNDS) >= REQUIRED_CODES
    for code, ground in LEGAL_GROUNDS.items():
        assert ground.code == code
        assert ground.article.startswith("GDPR Art. ")
        assert ground.description and ground.label()


def test_catalogue_is_read_only() -> None:
    with pytest.raises(TypeError):
        LEGAL_GROUNDS["x"] = legal_ground("art-12-5")  # type: ignore[index]


def test_grounds_for_a_right() -> None:
    codes = {g.code for g in grounds_for(Right.ERASURE)}
    assert {"art-17-3-b", "art-17-3-e", "art-17-1-not-met", "art-12-5"} <= codes
    assert "art-15-4" not in codes
    assert "art-11-2" not in {g.code for g in grounds_for(Right.MARKETING_BAN)}
