"""What callers hand the request service: the input dataclasses of intake and case
updates, and the parsing helpers that turn JSON values into them with clear errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ...domain.enums import (
    Authority,
    AuthorityEvidence,
    Channel,
    FeeBasis,
    IdentityMethod,
    Language,
    NotificationStatus,
    Outcome,
    RequestClass,
    RequestStatus,
    Right,
)
from ...domain.identity_code import IdentityDocument
from ...i18n import _
from ..context import ServiceError


@dataclass(frozen=True)
class PersonInput:
    name: str
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    customer_number: str | None = None
    hetu: str | None = None  # validated and kept only as a keyed hash


@dataclass(frozen=True)
class AttachmentInput:
    filename: str
    content: bytes
    media_type: str | None = None  # guessed from the file name when None


@dataclass(frozen=True)
class Intake:
    """A new request as the officer logs it."""

    received_on: date
    channel: Channel
    language: Language
    rights: tuple[Right, ...]
    subject: PersonInput
    requester: PersonInput | None = None
    authority: Authority = Authority.SELF
    authority_checked_on: date | None = None
    controller: str | int | None = None  # name, id or key; None: the only controller
    registers: tuple[str | int, ...] | None = None  # None: all of the controllers'
    description: str | None = None
    classification: RequestClass = RequestClass.GDPR
    attachments: tuple[AttachmentInput, ...] = ()
    # Group companies or joint controllers (Art. 26) the same letter concerns; the case
    # stays one, with one deadline. `controller` is the one it was addressed to.
    other_controllers: tuple[str | int, ...] = ()
    address_on_record: str | None = None
    delivery_address: str | None = None


@dataclass(frozen=True)
class IdentityInput:
    method: IdentityMethod
    verified_by: str
    verified_on: date | None = None  # default: today
    document_type: IdentityDocument | None = None
    document_last4: str | None = None
    note: str | None = None
    hetu: str | None = None  # of the data subject, entered for matching


@dataclass(frozen=True)
class ExtensionInput:
    reasons: str
    letter_sent_on: date | None  # GDPR: required; a Publicity Act extension needs none
    decided_on: date | None = None  # default: the letter's date (or today)


@dataclass(frozen=True)
class AuthorityInput:
    """The representative's authority as checked: when, by whom, against what evidence;
    for a continuing power of attorney, when the guardianship authority confirmed it."""

    checked_on: date
    checked_by: str
    evidence: AuthorityEvidence
    confirmed_on: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class NotificationInput:
    """Art. 19 for one recipient of the case's registers (named as the register names it)."""

    recipient: str
    status: NotificationStatus
    notified_on: date | None = None
    reason: str | None = None


@dataclass(frozen=True)
class FeeInput:
    """A fee: what for, how much (EUR cents) and how the amount follows from the
    administrative costs; the reason is the case's fee reason."""

    basis: FeeBasis
    cents: int
    costs: str


@dataclass(frozen=True)
class OutcomeInput:
    right: Right
    outcome: Outcome
    ground: str | None = None  # legal_grounds catalogue code
    reason: str | None = None


@dataclass(frozen=True)
class ErasureInput:
    category: str
    erased: bool
    kept_until: date | None = None
    ground: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class HoldInput:
    category: str
    reason: str | None = None


@dataclass(frozen=True)
class CaseUpdate:
    """Changes to one case, applied together in one transaction, in this order:

    attachments and authority check, identity verification, pauses (asked before
    received), extension, fee reason and fee, outcomes, erasure decisions, Art. 19
    notifications, legal holds, an explicit status, closing. Recording a pause or
    identity moves the status along the workflow where that is the obvious next step
    (received → awaiting → in progress, in progress → extended); every move is checked
    by domain/workflow.
    """

    identity: IdentityInput | None = None
    hetu: str | None = None  # the subject's identity code without a verification record
    identity_asked: date | None = None
    identity_received: date | None = None
    clarification_asked: date | None = None
    clarification_received: date | None = None
    extension: ExtensionInput | None = None
    outcomes: tuple[OutcomeInput, ...] = ()
    erasures: tuple[ErasureInput, ...] = ()
    fee_reason: str | None = None
    holds: tuple[HoldInput, ...] = ()
    releases: tuple[str, ...] = ()
    status: RequestStatus | None = None
    withdrawn: bool = False
    close: bool = False
    attachments: tuple[AttachmentInput, ...] = ()
    authority_checked_on: date | None = None
    # issue 10: the authority's full check, Art. 19 per recipient, fees
    authority_check: AuthorityInput | None = None
    notifications: tuple[NotificationInput, ...] = ()
    recipients_requested: bool | None = None
    fee: FeeInput | None = None
    clear_fee: bool = False

    def is_empty(self) -> bool:
        return self == CaseUpdate()


@dataclass(frozen=True)
class PersonCorrection:
    """New values for a person's fields: None keeps a field, "" empties it."""

    name: str | None = None
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    customer_number: str | None = None
    hetu: str | None = None  # validated and kept only as a keyed hash; "" forgets it


@dataclass(frozen=True)
class RightRaised:
    """A right added after intake: raised in a follow-up letter on `raised_on`, or
    missed at intake (`raised_on` None: it came with the request)."""

    right: Right
    raised_on: date | None = None


@dataclass(frozen=True)
class RightWithdrawn:
    """A right the requester withdrew, in the requester's own words."""

    right: Right
    words: str


@dataclass(frozen=True)
class CorrectionInput:
    """Corrections of the intake facts of one case. None (or an empty tuple) keeps a
    fact; every changed fact becomes one stored correction with the reason.

    `controllers` and `registers` replace the whole list when given; `add_*` and
    `remove_*` change it item by item (the command line's --controller and
    --remove-controller). `rights` likewise replaces the set (new rights count as raised
    with the request); `remove_rights` are rights entered by mistake, `withdraw_rights`
    rights the requester withdrew. Removing the last right is refused: withdraw the
    whole request instead (status closed, withdrawn).
    """

    received_on: date | None = None
    channel: Channel | None = None
    language: Language | None = None
    classification: RequestClass | None = None
    description: str | None = None
    subject: PersonCorrection | None = None
    requester: PersonCorrection | None = None
    remove_requester: bool = False
    authority: Authority | None = None
    address_on_record: str | None = None
    delivery_address: str | None = None
    addressed_to: str | int | None = None
    controllers: tuple[str | int, ...] | None = None
    add_controllers: tuple[str | int, ...] = ()
    remove_controllers: tuple[str | int, ...] = ()
    registers: tuple[str | int, ...] | None = None
    add_registers: tuple[str | int, ...] = ()
    remove_registers: tuple[str | int, ...] = ()
    rights: tuple[Right, ...] | None = None
    add_rights: tuple[RightRaised, ...] = ()
    remove_rights: tuple[Right, ...] = ()
    withdraw_rights: tuple[RightWithdrawn, ...] = ()

    def is_empty(self) -> bool:
        return self == CorrectionInput()


def parse_date(value: Any, what: str) -> date:
    """An ISO 8601 date (YYYY-MM-DD) from 1900 on, or ServiceError naming `what`."""
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except (ValueError, TypeError):
            raise ServiceError(
                _("{what}: {value!r} is not a valid date (YYYY-MM-DD).").format(
                    what=what, value=str(value)
                )
            ) from None
    if day.year < 1900:
        raise ServiceError(
            _("{what}: {value} is before 1900; check the year.").format(
                what=what, value=day.isoformat()
            )
        )
    return day


def _enum(kind: type, value: Any, what: str):
    try:
        return kind(str(value).strip())
    except ValueError:
        allowed = ", ".join(v.value for v in kind)
        raise ServiceError(
            _("{what}: {value!r} is not one of: {allowed}").format(
                what=what, value=str(value), allowed=allowed
            )
        ) from None
