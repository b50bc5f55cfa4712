"""Correcting what was logged at intake, with a reason: `correct_intake`.

Real requests are messy: a mistyped received date, a verified address, a right raised in
a follow-up letter, a second group company. One call corrects any of the intake facts in
one transaction: every changed fact becomes one `request_corrections` row (before, after,
reason, who, when), the case timeline gets one "correction" entry with the reason and,
when the due date moved, from what to what; the deadline follows from the corrected
facts through the write door, with one audit event. Issued letters are never touched.
A correction that fails any check changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ...domain.date_sanity import DateConcern
from ...domain.enums import (
    Authority,
    Channel,
    CorrectionField,
    Language,
    Outcome,
    RequestClass,
    Right,
)
from ...domain.vocabulary import RIGHTS, label
from ...i18n import _
from ...storage import models as m
from .. import entities, settings
from ..context import ServiceContext, ServiceError, Transaction
from ._common import _check_hetu, _clean, _event, _hash_hetu, _now, snapshot
from .authority import check_case_class
from .dates import check_received
from .deadlines import deadline_for_display
from .inputs import CorrectionInput, PersonCorrection, PersonInput, RightRaised
from .intake import _person, check_registers_kept, controller_role, registers_kept_by
from .queries import _view, find_case
from .writes import finish_case_write

F = CorrectionField


@dataclass
class _Corrected:
    """What one correction call changed: (field, before, after) per fact."""

    items: list[tuple[CorrectionField, Any, Any]] = field(default_factory=list)
    withdrawn: list[dict[str, str]] = field(default_factory=list)
    concerns: tuple[DateConcern, ...] = ()

    def add(self, name: CorrectionField, before: Any, after: Any) -> None:
        if before != after:
            self.items.append((name, before, after))


def _text(value: Any) -> str | None:
    """A before/after value as stored: plain text, lists as JSON."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _effective_due(session: Session, req: m.RightsRequest) -> date | None:
    deadline, _problem = deadline_for_display(req, settings.pause_policy(session))
    return None if deadline is None else deadline.effective_due


# ------------------------------------------------------------------ the facts


def _received(
    tx: Transaction, req: m.RightsRequest, day: date, confirmed: bool, out: _Corrected
) -> None:
    if day == req.received_on:
        return
    out.concerns = check_received(day, tx.ctx.today(), confirmed=confirmed)
    for pause in req.pauses:
        if pause.asked_on < day:
            raise ServiceError(
                _(
                    "Information was asked from the requester on {asked}, before the "
                    "received date {day}."
                ).format(asked=pause.asked_on.isoformat(), day=day.isoformat())
            )
    for check in req.identity_checks:
        if check.verified_on < day:
            raise ServiceError(
                _("Identity was verified on {verified}, before the received date {day}.").format(
                    verified=check.verified_on.isoformat(), day=day.isoformat()
                )
            )
    for letter in req.letters:
        if letter.issued_on < day:
            raise ServiceError(
                _(
                    "A letter of this case was issued on {issued}, before the received date {day}."
                ).format(issued=letter.issued_on.isoformat(), day=day.isoformat())
            )
    for row in req.rights:
        if row.raised_on is not None and row.raised_on < day:
            raise ServiceError(
                _("A right was raised on {raised}, before the received date {day}.").format(
                    raised=row.raised_on.isoformat(), day=day.isoformat()
                )
            )
    if req.extended_on is not None and req.extended_on < day:
        raise ServiceError(
            _("The extension was decided on {decided}, before the received date {day}.").format(
                decided=req.extended_on.isoformat(), day=day.isoformat()
            )
        )
    for hold in req.legal_holds:  # holds for the request protect from its receipt
        if hold.effective_from == req.received_on:
            hold.effective_from = day
    out.add(F.RECEIVED_ON, req.received_on, day)
    req.received_on = day


def _classification(req: m.RightsRequest, value: RequestClass, out: _Corrected) -> None:
    value = RequestClass(value)
    if value.value == req.classification:
        return
    if value is RequestClass.NON_GDPR and req.extended_on is not None:
        raise ServiceError(
            _(
                "This case has a recorded extension (GDPR Art. 12(3)); a request outside "
                "the GDPR has no statutory deadline to extend."
            )
        )
    if req.extended_on is not None:
        raise ServiceError(
            _(
                "This case has a recorded extension, which means something else under the "
                "GDPR and under the Publicity Act; the classification cannot change."
            )
        )
    out.add(F.CLASSIFICATION, req.classification, value.value)
    req.classification = value.value


def _person_fields(
    tx: Transaction,
    person: m.Person,
    data: PersonCorrection,
    prefix: str,
    out: _Corrected,
) -> None:
    for name in ("name", "address", "email", "phone", "customer_number"):
        value = getattr(data, name)
        if value is None:
            continue
        key = CorrectionField(f"{prefix}.{name}")
        new = _clean(value)
        if name == "name" and not new:
            raise ServiceError(_("A name cannot be emptied; give the corrected name."))
        out.add(key, getattr(person, name), new)
        setattr(person, name, new)
    if data.hetu is not None:
        if prefix != "subject":
            raise ServiceError(_("Only the data subject's identity code is kept (as a hash)."))
        code = _clean(data.hetu)
        had = person.hetu_hash is not None
        person.hetu_hash = None if code is None else _hash_hetu(tx, code)
        # Never the code itself: only whether one is recorded, and that it changed.
        after = None if code is None else ("replaced" if had else "recorded")
        out.add(F.SUBJECT_HETU, "recorded" if had else None, after)


def _people(tx: Transaction, req: m.RightsRequest, c: CorrectionInput, out: _Corrected) -> None:
    if c.subject is not None:
        _person_fields(tx, req.subject, c.subject, "subject", out)
    if c.remove_requester:
        if c.requester is not None:
            raise ServiceError(_("Either correct the requester or remove them, not both."))
        if req.requester is not None:
            out.add(F.REQUESTER, req.requester.name, None)
            req.requester = None
    elif c.requester is not None:
        if req.requester is None:
            data = c.requester
            new = _person(
                tx,
                PersonInput(data.name or "", data.address, data.email, data.phone),
                _("requester"),
            )
            out.add(F.REQUESTER, None, new.name)
            req.requester = new
        else:
            _person_fields(tx, req.requester, c.requester, "requester", out)
    if c.authority is not None:
        out.add(F.AUTHORITY, req.authority, Authority(c.authority).value)
        req.authority = Authority(c.authority).value
    if req.authority != Authority.SELF and req.requester is None:
        raise ServiceError(
            _(
                "A request made on someone else's behalf needs the requester's "
                "name (the representative)."
            )
        )
    if req.requester is not None and req.authority == Authority.SELF:
        raise ServiceError(
            _(
                "A requester other than the data subject needs their authority "
                "(power of attorney, guardian, …)."
            )
        )


def _addresses(req: m.RightsRequest, c: CorrectionInput, out: _Corrected) -> None:
    for name, key in (
        ("address_on_record", F.ADDRESS_ON_RECORD),
        ("delivery_address", F.DELIVERY_ADDRESS),
    ):
        value = getattr(c, name)
        if value is not None:
            new = _clean(value)
            out.add(key, getattr(req, name), new)
            setattr(req, name, new)


def _find_all(session: Session, kind: str, refs: tuple[str | int, ...]) -> list[Any]:
    found: list[Any] = []
    for ref in refs:
        obj = entities.find(session, kind, ref)
        if obj not in found:
            found.append(obj)
    return found


def _controllers(
    session: Session, req: m.RightsRequest, c: CorrectionInput, out: _Corrected
) -> None:
    """Controllers, the one addressed, and the registers they keep."""
    current = [link.controller for link in req.controllers]
    if not current and req.controller is not None:
        current = [req.controller]
    wanted = (
        list(current) if c.controllers is None else _find_all(session, "controllers", c.controllers)
    )
    for other in _find_all(session, "controllers", c.add_controllers):
        if other in wanted:
            raise ServiceError(
                _("{name} is already a controller of this case.").format(name=other.name)
            )
        wanted.append(other)
    for gone in _find_all(session, "controllers", c.remove_controllers):
        if gone not in wanted:
            raise ServiceError(_("{name} is not a controller of this case.").format(name=gone.name))
        wanted.remove(gone)
    addressed = req.controller
    if c.addressed_to is not None and str(c.addressed_to).strip():
        addressed = entities.find(session, "controllers", c.addressed_to)
        if addressed not in wanted:
            wanted.insert(0, addressed)
    if addressed not in wanted:
        addressed = wanted[0] if wanted else None
    if addressed is not None:  # the addressed controller is listed first
        wanted.remove(addressed)
        wanted.insert(0, addressed)

    registers = [rr.register for rr in req.registers]
    if c.registers is not None:
        registers = _find_all(session, "registers", c.registers)
    for extra in _find_all(session, "registers", c.add_registers):
        if extra in registers:
            raise ServiceError(
                _("The register {register!r} is already concerned.").format(register=extra.name)
            )
        registers.append(extra)
    for gone in _find_all(session, "registers", c.remove_registers):
        if gone not in registers:
            raise ServiceError(
                _("The register {register!r} is not concerned in this case.").format(
                    register=gone.name
                )
            )
        registers.remove(gone)
    if c.remove_controllers and c.registers is None:
        # registers no remaining controller keeps leave the case with their controller
        kept = {r.id for r in registers_kept_by(session, wanted)}
        registers = [r for r in registers if r.id in kept]
    if c.add_controllers and c.registers is None and not c.add_registers:
        known = {r.id for r in registers}
        for reg in registers_kept_by(session, _find_all(session, "controllers", c.add_controllers)):
            if reg.id not in known:
                registers.append(reg)
    check_registers_kept(session, registers, wanted)

    before_names = [x.name for x in current]
    after_names = [x.name for x in wanted]
    if before_names != after_names:
        out.add(F.CONTROLLERS, before_names, after_names)
        roles = {link.controller_id: link.role for link in req.controllers}
        req.controllers.clear()
        session.flush()  # the unique (request, controller) pairs may be written again
        req.controllers.extend(
            m.RequestController(
                controller=x,
                role=roles.get(x.id) or controller_role(x, registers),
                position=i,
            )
            for i, x in enumerate(wanted)
        )
    old_addressed = None if req.controller is None else req.controller.name
    new_addressed = None if addressed is None else addressed.name
    if old_addressed != new_addressed:
        out.add(F.ADDRESSED_TO, old_addressed, new_addressed)
        req.controller = addressed
    before_regs = sorted(rr.register.name for rr in req.registers)
    after_regs = sorted(r.name for r in registers)
    if before_regs != after_regs:
        out.add(F.REGISTERS, before_regs, after_regs)
        keep = {r.id for r in registers}
        for rr in list(req.registers):
            if rr.register_id not in keep:
                req.registers.remove(rr)
        have = {rr.register_id for rr in req.registers}
        req.registers.extend(m.RequestRegister(register=r) for r in registers if r.id not in have)


def _rights(tx: Transaction, req: m.RightsRequest, c: CorrectionInput, out: _Corrected) -> None:
    today = tx.ctx.today()
    before = [row.right for row in req.rights]
    adds = list(c.add_rights)
    removes = list(c.remove_rights)
    if c.rights is not None:
        target = [Right(r).value for r in c.rights]
        if len(set(target)) != len(target):
            raise ServiceError(_("The same right is listed twice."))
        withdrawn = {Right(w.right).value for w in c.withdraw_rights}
        raised = {Right(a.right).value for a in adds}
        adds += [RightRaised(Right(r)) for r in target if r not in before and r not in raised]
        removes += [Right(r) for r in before if r not in target and r not in withdrawn]
    rows = {row.right: row for row in req.rights}
    for item in adds:
        right = Right(item.right)
        if right.value in rows:
            raise ServiceError(
                _("This case already requests {right}.").format(right=label(RIGHTS, right))
            )
        if item.raised_on is not None:
            if item.raised_on > today:
                raise ServiceError(
                    _("The date {day} is in the future.").format(day=item.raised_on.isoformat())
                )
            if item.raised_on < req.received_on:
                raise ServiceError(_("A right cannot be raised before the request was received."))
        row = m.RequestRight(
            right=right.value, outcome=Outcome.PENDING.value, raised_on=item.raised_on
        )
        req.rights.append(row)
        rows[right.value] = row
    for right in removes:
        row = rows.get(Right(right).value)
        if row is None:
            raise ServiceError(
                _("This case does not request {right}.").format(right=label(RIGHTS, right))
            )
        if row.outcome != Outcome.PENDING:
            raise ServiceError(
                _(
                    "{right} has already been decided; record its outcome (e.g. not "
                    "applicable) instead of removing it."
                ).format(right=label(RIGHTS, right).capitalize())
            )
        req.rights.remove(row)
        del rows[row.right]
    for item in c.withdraw_rights:
        right = Right(item.right)
        words = _clean(item.words)
        if not words:
            raise ServiceError(
                _("A withdrawal needs the requester's words (what they wrote or said).")
            )
        row = rows.get(right.value)
        if row is None:
            raise ServiceError(
                _("This case does not request {right}.").format(right=label(RIGHTS, right))
            )
        req.rights.remove(row)
        del rows[right.value]
        out.withdrawn.append({"right": right.value, "words": words})
    if not req.rights:
        raise ServiceError(
            _(
                "A request needs at least one right. If the requester withdrew the whole "
                "request, close the case as withdrawn instead."
            )
        )
    out.add(F.RIGHTS, before, [row.right for row in req.rights])


# ------------------------------------------------------------------ the call


def correct_intake(
    ctx: ServiceContext,
    case: str,
    correction: CorrectionInput,
    reason: str,
    *,
    confirmed: bool = False,
) -> dict[str, Any]:
    """Correct the intake facts of `case` with the officer's `reason`; returns the case
    as shown. Nothing changes unless every check passes."""
    why = _clean(reason)
    if not why:
        raise ServiceError(_("A correction needs the reason it is made."))
    if correction.is_empty():
        raise ServiceError(_("Nothing to change."))
    for person in (correction.subject, correction.requester):
        if person is not None and _clean(person.hetu):
            _check_hetu(person.hetu)
    with ctx.change() as tx:
        session = tx.session
        req = find_case(session, case)
        before = snapshot(session, req)
        due_before = _effective_due(session, req)
        out = _Corrected()
        if correction.received_on is not None:
            _received(tx, req, correction.received_on, confirmed, out)
        if correction.channel is not None:
            out.add(F.CHANNEL, req.channel, Channel(correction.channel).value)
            req.channel = Channel(correction.channel).value
        if correction.language is not None:
            out.add(F.LANGUAGE, req.language, Language(correction.language).value)
            req.language = Language(correction.language).value
        if correction.classification is not None:
            _classification(req, correction.classification, out)
        if correction.description is not None:
            new = _clean(correction.description)
            out.add(F.DESCRIPTION, req.description, new)
            req.description = new
        _people(tx, req, correction, out)
        _addresses(req, correction, out)
        _controllers(session, req, correction, out)
        if (
            correction.rights is not None
            or correction.add_rights
            or correction.remove_rights
            or correction.withdraw_rights
        ):
            _rights(tx, req, correction, out)
        if not out.items:
            raise ServiceError(_("Nothing to change: the values given are the ones recorded."))
        at = _now(ctx)
        for name, old, new in out.items:
            req.corrections.append(
                m.RequestCorrection(
                    at=at,
                    field=name.value,
                    before=_text(old),
                    after=_text(new),
                    reason=why,
                    actor=ctx.actor,
                )
            )
        for item in out.withdrawn:
            _event(tx, req, "right-withdrawn", item)
        due_after = _effective_due(session, req)
        record: dict[str, Any] = {
            "fields": list(dict.fromkeys(name.value for name, _o, _n in out.items)),
            "reason": why,
        }
        if due_before != due_after:
            record["due_before"] = None if due_before is None else due_before.isoformat()
            record["due_after"] = None if due_after is None else due_after.isoformat()
        if out.concerns:
            record["confirmed"] = [c.value for c in out.concerns]
        _event(tx, req, "correction", record)
        check_case_class(req)
        finish_case_write(tx, req, "correct", before)
        return _view(session, req, ctx.today())
