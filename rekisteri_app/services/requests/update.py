"""Changing a case: identity, pauses, extension, decisions, erasures, legal holds, status
moves and notes, all through `update_request` in one transaction with one audit event.

Every status move is checked by domain/workflow; recording a pause or an identity moves
the case along where that is the obvious next step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...domain import workflow
from ...domain.enums import (
    IdentityMethod,
    LetterKind,
    Outcome,
    PauseKind,
    RequestClass,
    RequestStatus,
    Right,
)
from ...domain.fees import InvalidFee, check_fee
from ...domain.identity_code import IdentityDocument
from ...domain.legal_grounds import UnknownLegalGround, legal_ground
from ...domain.vocabulary import PAUSE_KINDS, RIGHTS, label
from ...i18n import _
from ...storage import models as m
from ..context import ServiceContext, ServiceError, Transaction
from ._common import (
    _attachment,
    _category_names,
    _check_hetu,
    _clean,
    _event,
    _hash_hetu,
    _open_pause,
    snapshot,
)
from .art19 import apply_notifications
from .authority import apply_authority_check
from .inputs import CaseUpdate, ErasureInput, ExtensionInput, IdentityInput, OutcomeInput
from .queries import _view, find_case
from .writes import finish_case_write

FEE_GROUND = "art-12-5"


@dataclass
class _Changes:
    """What one update did, for the case timeline."""

    events: list[tuple[str, Any]] = field(default_factory=list)


def _category(req: m.RightsRequest, name: str) -> tuple[str, m.DataCategory | None]:
    """The data category named `name` in the case's registers (free text if none)."""
    text = _clean(name)
    if not text:
        raise ServiceError(_("A data category needs a name."))
    known = _category_names(req)
    if not known:
        return text, None
    cat = known.get(text.casefold())
    if cat is None:
        names = sorted({c.name for c in known.values()})
        shown = ", ".join(names[:20]) + (" …" if len(names) > 20 else "")
        raise ServiceError(
            _("No data category {name!r} in the registers of this case. Known: {names}").format(
                name=text, names=shown
            )
        )
    return cat.name, cat


def _ground(code: str | None, right: Right) -> str | None:
    code = _clean(code)
    if code is None:
        return None
    try:
        ground = legal_ground(code)
    except UnknownLegalGround as exc:
        raise ServiceError(str(exc)) from None
    if not ground.applies_to(right):
        raise ServiceError(
            _("The legal ground {article} cannot be cited for this right.").format(
                article=ground.article
            )
        )
    return ground.code


def _move(
    tx: Transaction,
    req: m.RightsRequest,
    new: RequestStatus,
    changes: _Changes,
    *,
    withdrawn: bool = False,
) -> None:
    old = RequestStatus(req.status)
    try:
        workflow.check_transition(
            old, new, request_class=RequestClass(req.classification), withdrawn=withdrawn
        )
    except workflow.IllegalTransition as exc:
        raise ServiceError(str(exc)) from None
    if new is RequestStatus.ANSWERED:
        decisions = [
            workflow.Decision(
                Right(r.right), Outcome(r.outcome), (r.legal_ground,) if r.legal_ground else ()
            )
            for r in req.rights
        ]
        try:
            workflow.check_ready_to_answer(decisions)
        except workflow.InvalidOutcome as exc:
            raise ServiceError(str(exc)) from None
        req.answered_on = tx.ctx.today()
    if new is RequestStatus.CLOSED:
        req.closed_on = tx.ctx.today()
    req.status = new.value
    data = {"from": old.value, "to": new.value}
    if withdrawn:
        data["withdrawn"] = True
    changes.events.append(("status", data))


def _auto_move(
    tx: Transaction, req: m.RightsRequest, new: RequestStatus, changes: _Changes
) -> None:
    """Move along the workflow if that move is allowed now; otherwise stay."""
    old = RequestStatus(req.status)
    if old is new or (old, new) not in workflow.TRANSITIONS:
        return
    _move(tx, req, new, changes)


def _apply_pauses(
    tx: Transaction, req: m.RightsRequest, update: CaseUpdate, changes: _Changes
) -> None:
    today = tx.ctx.today()
    for kind, asked, received in (
        (PauseKind.IDENTITY, update.identity_asked, update.identity_received),
        (PauseKind.CLARIFICATION, update.clarification_asked, update.clarification_received),
    ):
        for day in (asked, received):
            if day is not None and day > today:
                raise ServiceError(
                    _("The date {day} is in the future.").format(day=day.isoformat())
                )
        if asked is not None:
            if asked < req.received_on:
                raise ServiceError(_("A pause cannot start before the request was received."))
            if _open_pause(req, kind) is not None:
                raise ServiceError(
                    _(
                        "The {kind} asked for earlier has not arrived yet; "
                        "record its arrival first."
                    ).format(kind=label(PAUSE_KINDS, kind))
                )
            req.pauses.append(m.Pause(kind=kind.value, asked_on=asked))
            changes.events.append(("pause-asked", {"kind": kind.value, "on": asked.isoformat()}))
            _auto_move(tx, req, RequestStatus.AWAITING, changes)
        if received is not None:
            pause = _open_pause(req, kind)
            if pause is None:
                raise ServiceError(
                    _("No {kind} has been asked for in this case.").format(
                        kind=label(PAUSE_KINDS, kind)
                    )
                )
            if received < pause.asked_on:
                raise ServiceError(_("The answer cannot arrive before the question was sent."))
            pause.received_on = received
            changes.events.append(
                ("pause-received", {"kind": kind.value, "on": received.isoformat()})
            )
            if req.status == RequestStatus.AWAITING and not any(
                p.received_on is None for p in req.pauses
            ):
                _auto_move(tx, req, RequestStatus.IN_PROGRESS, changes)


def _apply_identity(
    tx: Transaction, req: m.RightsRequest, data: IdentityInput, changes: _Changes
) -> None:
    by = _clean(data.verified_by)
    if not by:
        raise ServiceError(_("Say who verified the identity."))
    verified_on = data.verified_on or tx.ctx.today()
    if verified_on > tx.ctx.today():
        raise ServiceError(
            _("The date {day} is in the future.").format(day=verified_on.isoformat())
        )
    if verified_on < req.received_on:
        raise ServiceError(_("Identity cannot be verified before the request was received."))
    last4 = _clean(data.document_last4)
    doc = None if data.document_type is None else IdentityDocument(data.document_type)
    if last4 is not None:
        last4 = last4.upper()
        if len(last4) != 4:
            raise ServiceError(
                _("Only the last four characters of a document number are kept: give exactly four.")
            )
        if doc is None:
            raise ServiceError(_("Give the document type with its last four characters."))
    req.identity_checks.append(
        m.IdentityCheck(
            method=IdentityMethod(data.method).value,
            verified_by=by,
            verified_on=verified_on,
            document_type=None if doc is None else doc.value,
            document_last4=last4,
            note=_clean(data.note),
        )
    )
    changes.events.append(
        (
            "identity",
            {
                "method": IdentityMethod(data.method).value,
                "verified_by": by,
                "verified_on": verified_on.isoformat(),
                "document_type": None if doc is None else doc.value,
            },
        )
    )
    if _clean(data.hetu):
        _apply_hetu(tx, req, data.hetu, changes)
    if req.status == RequestStatus.RECEIVED:
        _auto_move(tx, req, RequestStatus.IN_PROGRESS, changes)


def _apply_hetu(tx: Transaction, req: m.RightsRequest, code: str, changes: _Changes) -> None:
    req.subject.hetu_hash = _hash_hetu(tx, code)
    changes.events.append(("identity-code", None))


def _apply_extension(
    tx: Transaction, req: m.RightsRequest, data: ExtensionInput, changes: _Changes
) -> None:
    if req.classification == RequestClass.NON_GDPR:
        raise ServiceError(_("A request outside the GDPR has no statutory deadline to extend."))
    if req.extended_on is not None:
        raise ServiceError(_("This case has already been extended."))
    publicity = req.classification == RequestClass.PUBLICITY_ACT
    reasons = _clean(data.reasons)
    if not reasons:
        if publicity:
            raise ServiceError(
                _(
                    "The longer time limit of the Publicity Act (§ 14(4)) needs the reason: "
                    "many documents, secret parts or a similar reason."
                )
            )
        raise ServiceError(_("An extension needs the reasons for the delay (GDPR Art. 12(3))."))
    today = tx.ctx.today()
    if data.letter_sent_on is None and not publicity:
        raise ServiceError(
            _("An extension needs a recorded letter informing the requester (GDPR Art. 12(3)).")
        )
    decided = data.decided_on or data.letter_sent_on or today
    for day in (decided, data.letter_sent_on):
        if day is not None and day > today:
            raise ServiceError(_("The date {day} is in the future.").format(day=day.isoformat()))
    old = RequestStatus(req.status)
    if old is not RequestStatus.IN_PROGRESS:
        try:
            workflow.check_transition(
                old, RequestStatus.EXTENDED, request_class=RequestClass(req.classification)
            )
        except workflow.IllegalTransition as exc:
            raise ServiceError(
                str(exc) + " " + _("Set the case in progress before extending it.")
            ) from None
    req.extended_on = decided
    req.extension_reasons = reasons
    changes.events.append(("extension", {"decided_on": decided.isoformat(), "reasons": reasons}))
    if data.letter_sent_on is not None:
        changes.events.append(
            (
                "letter-sent",
                {"kind": LetterKind.EXTENSION.value, "on": data.letter_sent_on.isoformat()},
            )
        )
    _move(tx, req, RequestStatus.EXTENDED, changes)


def _right_row(req: m.RightsRequest, right: Right) -> m.RequestRight:
    for row in req.rights:
        if row.right == right:
            return row
    raise ServiceError(_("This case does not request {right}.").format(right=label(RIGHTS, right)))


def _apply_outcome(
    tx: Transaction, req: m.RightsRequest, data: OutcomeInput, changes: _Changes
) -> None:
    right, outcome = Right(data.right), Outcome(data.outcome)
    row = _right_row(req, right)
    ground = _ground(data.ground, right)
    try:
        workflow.check_outcome(right, outcome, () if ground is None else (ground,))
    except (workflow.InvalidOutcome, UnknownLegalGround) as exc:
        raise ServiceError(str(exc)) from None
    if ground == FEE_GROUND and not _clean(req.fee_reason):
        raise ServiceError(
            _(
                "A refusal as manifestly unfounded or excessive (GDPR Art. "
                "12(5)) needs the officer's recorded reason (fee reason)."
            )
        )
    row.outcome = outcome.value
    row.legal_ground = ground
    row.reason = _clean(data.reason)
    row.decided_on = None if outcome is Outcome.PENDING else tx.ctx.today()
    changes.events.append(
        ("outcome", {"right": right.value, "outcome": outcome.value, "ground": ground})
    )


def _apply_erasure(
    tx: Transaction, req: m.RightsRequest, data: ErasureInput, changes: _Changes
) -> None:
    row = _right_row(req, Right.ERASURE)
    name, category = _category(req, data.category)
    ground = _ground(data.ground, Right.ERASURE)
    if data.erased:
        if data.kept_until is not None or ground is not None:
            raise ServiceError(_("Erased data have no retention date or ground."))
    else:
        if data.kept_until is None or ground is None:
            raise ServiceError(
                _(
                    "Data kept instead of erased need the date until which they "
                    "are kept and the legal ground (CATEGORY=kept:DATE:GROUND)."
                )
            )
        if data.kept_until <= tx.ctx.today():
            raise ServiceError(
                _("The retention date {day} has already passed.").format(
                    day=data.kept_until.isoformat()
                )
            )
    for old in list(row.erasures):
        if old.category_name.casefold() == name.casefold():
            row.erasures.remove(old)
    row.erasures.append(
        m.ErasureDecision(
            category_name=name,
            data_category=category,
            erased=data.erased,
            kept_until=data.kept_until,
            legal_ground=ground,
            reason=_clean(data.reason),
        )
    )
    changes.events.append(
        (
            "erasure",
            {
                "category": name,
                "erased": data.erased,
                "kept_until": None if data.kept_until is None else data.kept_until.isoformat(),
                "ground": ground,
            },
        )
    )


def _apply_fee(req: m.RightsRequest, update: CaseUpdate, changes: _Changes) -> None:
    """A fee is stored only whole: basis, amount, cost basis and the case's reason."""
    if update.clear_fee:
        if update.fee is not None:
            raise ServiceError(_("Either record a fee or remove it, not both."))
        if req.fee_basis is not None:
            req.fee_basis = req.fee_cents = req.fee_costs = None
            changes.events.append(("fee", {"removed": True}))
        return
    if update.fee is None:
        if req.fee_basis is not None and not _clean(req.fee_reason):
            raise ServiceError(
                _("The recorded fee needs its reason; remove the fee before the reason.")
            )
        return
    try:
        fee = check_fee(update.fee.basis, update.fee.cents, req.fee_reason, update.fee.costs)
    except InvalidFee as exc:
        raise ServiceError(str(exc)) from None
    assert fee is not None
    req.fee_basis, req.fee_cents, req.fee_costs = fee.basis.value, fee.cents, fee.costs
    changes.events.append(("fee", {"basis": fee.basis.value, "cents": fee.cents}))


def _apply_holds(
    tx: Transaction, req: m.RightsRequest, update: CaseUpdate, changes: _Changes
) -> None:
    today = tx.ctx.today()
    # A hold for a pending request protects the data from the day the request arrived;
    # one placed on a closed case (e.g. for a dispute) from the day it is placed.
    effective = today if req.status == RequestStatus.CLOSED else req.received_on
    for hold in update.holds:
        name, category = _category(req, hold.category)
        if any(
            h.category_name.casefold() == name.casefold() and h.released_on is None
            for h in req.legal_holds
        ):
            raise ServiceError(_("{category} is already on legal hold.").format(category=name))
        req.legal_holds.append(
            m.LegalHold(
                category_name=name,
                data_category=category,
                placed_on=today,
                effective_from=effective,
                reason=_clean(hold.reason),
            )
        )
        changes.events.append(("hold", {"category": name, "from": effective.isoformat()}))
    for text in update.releases:
        name = (_clean(text) or "").casefold()
        active = [
            h
            for h in req.legal_holds
            if h.category_name.casefold() == name and h.released_on is None
        ]
        if not active:
            raise ServiceError(
                _("{category} is not on legal hold in this case.").format(category=text)
            )
        for h in active:
            h.released_on = today
        changes.events.append(("release", {"category": active[0].category_name}))


def apply_update(tx: Transaction, req: m.RightsRequest, update: CaseUpdate) -> None:
    """Apply `update` to `req` inside an open transaction, ending with the write door
    (deadline check and audit event); for callers that change a case as part of a
    larger use case, such as issuing an identity-request letter."""
    if update.is_empty():
        raise ServiceError(_("Nothing to change."))
    for code in (update.hetu, update.identity.hetu if update.identity else None):
        if _clean(code):
            _check_hetu(code)
    ctx = tx.ctx
    before = snapshot(tx.session, req)
    changes = _Changes()
    if req.status == RequestStatus.CLOSED:
        allowed = CaseUpdate(holds=update.holds, releases=update.releases)
        if update != allowed:
            raise ServiceError(
                _(
                    "Case {case} is closed: only legal holds can still be "
                    "placed or released, and notes added."
                ).format(case=req.case_number)
            )
    for item in update.attachments:
        req.attachments.append(_attachment(ctx, item))
        changes.events.append(("attachment", {"filename": item.filename}))
    if update.authority_checked_on is not None:
        if update.authority_checked_on > ctx.today():
            raise ServiceError(
                _("The date {day} is in the future.").format(
                    day=update.authority_checked_on.isoformat()
                )
            )
        req.authority_checked_on = update.authority_checked_on
        changes.events.append(
            ("authority-checked", {"on": update.authority_checked_on.isoformat()})
        )
    if update.authority_check is not None:
        event = apply_authority_check(req, update.authority_check, ctx.today())
        changes.events.append(("authority-checked", event))
    if update.identity is not None:
        _apply_identity(tx, req, update.identity, changes)
    if _clean(update.hetu):
        _apply_hetu(tx, req, update.hetu, changes)
    _apply_pauses(tx, req, update, changes)
    if update.extension is not None:
        _apply_extension(tx, req, update.extension, changes)
    if update.fee_reason is not None:
        req.fee_reason = _clean(update.fee_reason)
        changes.events.append(("fee-reason", {"text": req.fee_reason}))
    _apply_fee(req, update, changes)
    for outcome in update.outcomes:
        _apply_outcome(tx, req, outcome, changes)
    for erasure in update.erasures:
        _apply_erasure(tx, req, erasure, changes)
    for event in apply_notifications(req, update.notifications, ctx.today()):
        changes.events.append(("art19", event))
    if update.recipients_requested is not None:
        req.recipients_requested = bool(update.recipients_requested)
        changes.events.append(("recipients-requested", {"asked": req.recipients_requested}))
    _apply_holds(tx, req, update, changes)
    if update.status is not None:
        new = RequestStatus(update.status)
        if new is RequestStatus.EXTENDED and update.extension is None:
            raise ServiceError(
                _(
                    "An extension needs its reasons and the date of the "
                    "letter to the requester (use the extension fields)."
                )
            )
        if not (new is RequestStatus.EXTENDED and req.status == new):
            _move(tx, req, new, changes, withdrawn=update.withdrawn)
    # Withdrawing the whole request closes the case: one action, one fact.
    if update.close or (update.withdrawn and update.status is None):
        _move(tx, req, RequestStatus.CLOSED, changes, withdrawn=update.withdrawn)
    for kind, data in changes.events:
        _event(tx, req, kind, data)
    finish_case_write(tx, req, "update", before)


def update_request(
    ctx: ServiceContext, case: str, update: CaseUpdate, *, view: bool = True
) -> dict[str, Any] | None:
    """Apply `update` to the case in one transaction; returns the case as shown
    (None with `view=False`, for bulk callers such as the demo)."""
    if update.is_empty():
        raise ServiceError(_("Nothing to change."))
    for code in (update.hetu, update.identity.hetu if update.identity else None):
        if _clean(code):
            _check_hetu(code)
    with ctx.change() as tx:
        req = find_case(tx.session, case)
        apply_update(tx, req, update)
        return _view(tx.session, req, ctx.today()) if view else None


# Small wrappers for the window: each is one audited use case.


def record_identity(ctx: ServiceContext, case: str, data: IdentityInput) -> dict[str, Any]:
    return update_request(ctx, case, CaseUpdate(identity=data))


def extend(ctx: ServiceContext, case: str, data: ExtensionInput) -> dict[str, Any]:
    return update_request(ctx, case, CaseUpdate(extension=data))


def set_status(
    ctx: ServiceContext, case: str, status: RequestStatus, *, withdrawn: bool = False
) -> dict[str, Any]:
    return update_request(ctx, case, CaseUpdate(status=status, withdrawn=withdrawn))


def decide(ctx: ServiceContext, case: str, outcome: OutcomeInput) -> dict[str, Any]:
    return update_request(ctx, case, CaseUpdate(outcomes=(outcome,)))


def add_note(ctx: ServiceContext, case: str, text: str) -> None:
    """A free note on the case timeline (allowed on closed cases too)."""
    note = _clean(text)
    if not note:
        raise ServiceError(_("The note is empty."))
    with ctx.change() as tx:
        req = find_case(tx.session, case)
        _event(tx, req, "note", note)
        tx.session.flush()
        tx.audit("note", "request", req.case_number, None, {"note": note})
