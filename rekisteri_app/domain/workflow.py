"""The life of a rights-request case, and what a decision on each right needs.

Status is what the privacy officer is doing now; the deadline itself is computed from
the recorded dates (domain.deadlines), never from the status. The state machine keeps
the case list honest: a case cannot be answered before anyone worked on it, and a
closed case stays closed (a new letter is a new case, which repeat detection links).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from ..i18n import N_, _
from .enums import Outcome, RequestClass, RequestStatus, Right
from .legal_grounds import legal_ground
from .vocabulary import OUTCOMES, STATUSES

S = RequestStatus


class Condition(StrEnum):
    """What else must hold for a transition besides the two states."""

    NONE = "none"
    WITHDRAWN = "withdrawn"  # the requester withdrew the request
    GDPR_ONLY = "gdpr-only"  # only a GDPR request has a deadline to extend
    WITHDRAWN_OR_NON_GDPR = "withdrawn-or-non-gdpr"


@dataclass(frozen=True)
class Transition:
    reason: str  # English gettext source: why this move exists
    condition: Condition = Condition.NONE


TRANSITIONS: Mapping[tuple[RequestStatus, RequestStatus], Transition] = MappingProxyType(
    {
        (S.RECEIVED, S.AWAITING): Transition(
            N_("Identity proof or a clarification is asked for before work starts.")
        ),
        (S.RECEIVED, S.IN_PROGRESS): Transition(
            N_("The requester is identified and the request is clear: work starts.")
        ),
        (S.RECEIVED, S.CLOSED): Transition(
            N_(
                "Closed unanswered: the request was withdrawn, or it is not a GDPR request "
                "and was handled outside this register."
            ),
            Condition.WITHDRAWN_OR_NON_GDPR,
        ),
        (S.AWAITING, S.IN_PROGRESS): Transition(
            N_("The missing information arrived (or the wait ended); work continues.")
        ),
        (S.AWAITING, S.CLOSED): Transition(
            N_("The requester withdrew the request while information was awaited."),
            Condition.WITHDRAWN,
        ),
        (S.IN_PROGRESS, S.AWAITING): Transition(
            N_("Work showed that more identity proof or a clarification is needed.")
        ),
        (S.IN_PROGRESS, S.EXTENDED): Transition(
            N_("The deadline is extended by two months (GDPR Art. 12(3))."),
            Condition.GDPR_ONLY,
        ),
        (S.IN_PROGRESS, S.ANSWERED): Transition(N_("The reply was sent.")),
        (S.IN_PROGRESS, S.CLOSED): Transition(
            N_("The requester withdrew the request during the work."),
            Condition.WITHDRAWN,
        ),
        (S.EXTENDED, S.ANSWERED): Transition(N_("The reply was sent within the extension.")),
        (S.EXTENDED, S.CLOSED): Transition(
            N_("The requester withdrew the request during the extension."),
            Condition.WITHDRAWN,
        ),
        (S.ANSWERED, S.CLOSED): Transition(
            N_("Nothing is left to do: follow-up actions are done and the case is filed.")
        ),
        (S.ANSWERED, S.IN_PROGRESS): Transition(
            N_(
                "Reopened: the reply was incomplete or the requester disputes it. The "
                "original deadline still applies to the incomplete part."
            )
        ),
    }
)
"""Every allowed move. Deliberately absent:

- EXTENDED -> AWAITING: a question asked after the first month does not stop the
  clock (deadlines.PAUSE_LATE), so an extended case stays EXTENDED while it waits.
- AWAITING -> EXTENDED/ANSWERED: decide the extension or reply after resuming work.
- anything out of CLOSED: a new letter after closing is a new case.
- moves to the same status: they change nothing and must not add audit events.
"""


class IllegalTransition(ValueError):
    """A status change the workflow does not allow; message translated."""

    def __init__(self, old: RequestStatus, new: RequestStatus, detail: str = "") -> None:
        self.old = old
        self.new = new
        message = _("A case cannot move from “{old}” to “{new}”.").format(
            old=_(STATUSES[old]), new=_(STATUSES[new])
        )
        super().__init__(f"{message} {detail}".strip())


def _condition_met(condition: Condition, request_class: RequestClass, withdrawn: bool) -> bool:
    non_gdpr = request_class is RequestClass.NON_GDPR
    return {
        Condition.NONE: True,
        Condition.WITHDRAWN: withdrawn,
        Condition.GDPR_ONLY: not non_gdpr,
        Condition.WITHDRAWN_OR_NON_GDPR: withdrawn or non_gdpr,
    }[condition]


_CONDITION_DETAILS = {
    Condition.WITHDRAWN: N_("Only a withdrawn request can be closed without a reply."),
    Condition.GDPR_ONLY: N_("A request outside the GDPR has no statutory deadline to extend."),
    Condition.WITHDRAWN_OR_NON_GDPR: N_(
        "A GDPR request can be closed without a reply only when it was withdrawn."
    ),
}


def check_transition(
    old: RequestStatus,
    new: RequestStatus,
    *,
    request_class: RequestClass = RequestClass.GDPR,
    withdrawn: bool = False,
) -> Transition:
    """The Transition from `old` to `new`, or IllegalTransition."""
    old, new = RequestStatus(old), RequestStatus(new)
    transition = TRANSITIONS.get((old, new))
    if transition is None:
        raise IllegalTransition(old, new)
    if not _condition_met(transition.condition, request_class, withdrawn):
        raise IllegalTransition(old, new, _(_CONDITION_DETAILS[transition.condition]))
    return transition


def allowed_targets(
    old: RequestStatus,
    *,
    request_class: RequestClass = RequestClass.GDPR,
    withdrawn: bool = False,
) -> tuple[RequestStatus, ...]:
    """Statuses reachable from `old` now, in workflow order (for menus and buttons)."""
    return tuple(
        new
        for new in RequestStatus
        if (t := TRANSITIONS.get((old, new))) is not None
        and _condition_met(t.condition, request_class, withdrawn)
    )


# --------------------------------------------------------------------------- outcomes


class InvalidOutcome(ValueError):
    """A decision on a right that lacks or misuses a legal ground; message translated."""


NEEDS_GROUND = frozenset({Outcome.REFUSED, Outcome.PARTLY})
"""A refusal, whole or partial, must say why (GDPR Art. 12(4))."""


@dataclass(frozen=True)
class Decision:
    """The outcome on one requested right and the grounds cited for it."""

    right: Right
    outcome: Outcome
    grounds: tuple[str, ...] = ()


def check_outcome(right: Right, outcome: Outcome, grounds: Iterable[str] = ()) -> None:
    """Raise InvalidOutcome unless the grounds fit the outcome and the right.

    REFUSED and PARTLY need at least one catalogue ground that applies to the right;
    GRANTED cites none (a ground on a grant means it was partial). PENDING and
    NOT_APPLICABLE may carry grounds as notes, but they must still be valid. NOT_HELD
    (no personal data of the person) answers only access, with no ground.
    """
    right, outcome = Right(right), Outcome(outcome)
    codes = tuple(grounds)
    if len(set(codes)) != len(codes):
        raise InvalidOutcome(_("The same legal ground is cited twice."))
    for code in codes:
        ground = legal_ground(code)
        if not ground.applies_to(right):
            raise InvalidOutcome(
                _("The legal ground {article} cannot be cited for this right.").format(
                    article=ground.article
                )
            )
    if outcome in NEEDS_GROUND and not codes:
        raise InvalidOutcome(
            _("A decision that is “{outcome}” needs a legal ground from the catalogue.").format(
                outcome=_(OUTCOMES[outcome])
            )
        )
    if outcome is Outcome.GRANTED and codes:
        raise InvalidOutcome(
            _("A granted right cites no legal ground; use “partly granted” instead.")
        )
    if outcome is Outcome.NOT_HELD:
        if right is not Right.ACCESS:
            raise InvalidOutcome(
                _(
                    "“No personal data held” answers a request for access (Art. 15(1)); "
                    "for other rights record “not applicable”."
                )
            )
        if codes:
            raise InvalidOutcome(_("“No personal data held” cites no legal ground."))


def check_decision(decision: Decision) -> None:
    check_outcome(decision.right, decision.outcome, decision.grounds)


def check_ready_to_answer(decisions: Iterable[Decision]) -> None:
    """Raise InvalidOutcome unless every requested right has a valid final decision.

    Meant before moving a case to ANSWERED: the reply must decide each right.
    """
    items = tuple(decisions)
    if not items:
        raise InvalidOutcome(_("The reply must decide at least one requested right."))
    for decision in items:
        check_decision(decision)
        if decision.outcome is Outcome.PENDING:
            raise InvalidOutcome(_("Every requested right must be decided before the reply."))
