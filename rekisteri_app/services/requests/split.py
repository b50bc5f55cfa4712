"""Splitting one incoming letter into separate cases per controller: `split_case`.

A letter to a group may be better handled as one case per company (different officers,
different answers). The new case takes the chosen controllers with their registers and
the intake facts of the letter (receipt, people, rights, description, addresses, the
scans); the original keeps the others. Both timelines cross-reference each other, the
original records the change as a correction with the reason, and one transaction stores
both (an audit event for each case).
"""

from __future__ import annotations

from typing import Any

from ...domain.enums import Outcome, RequestStatus
from ...i18n import _
from ...storage import models as m
from .. import entities
from ..context import ServiceContext, ServiceError
from ._common import _clean, _event, _now, snapshot
from .corrections import _controllers, _Corrected, _text
from .inputs import CorrectionInput
from .intake import controller_role, new_case_number, registers_kept_by
from .queries import find_case
from .writes import finish_case_write


def _copy_person(person: m.Person | None) -> m.Person | None:
    if person is None:
        return None
    return m.Person(
        name=person.name,
        address=person.address,
        email=person.email,
        phone=person.phone,
        customer_number=person.customer_number,
        hetu_hash=person.hetu_hash,
    )


def split_case(
    ctx: ServiceContext, case: str, controllers: tuple[str | int, ...], reason: str
) -> str:
    """Move `controllers` (and the registers only they keep) of `case` to a new case
    for the same letter; returns the new case number."""
    why = _clean(reason)
    if not why:
        raise ServiceError(_("A split needs the reason it is made."))
    if not controllers:
        raise ServiceError(_("Name the controller(s) that get a case of their own."))
    with ctx.change() as tx:
        session = tx.session
        req = find_case(session, case)
        if req.status == RequestStatus.CLOSED:
            raise ServiceError(_("Case {case} is closed.").format(case=req.case_number))
        before = snapshot(session, req)
        current = [link.controller for link in req.controllers]
        moving = []
        for ref in controllers:
            found = entities.find(session, "controllers", ref)
            if found not in current:
                raise ServiceError(
                    _("{name} is not a controller of this case.").format(name=found.name)
                )
            if found not in moving:
                moving.append(found)
        if len(moving) == len(current):
            raise ServiceError(
                _("At least one controller must stay in case {case}.").format(case=req.case_number)
            )
        kept_by_moving = {r.id for r in registers_kept_by(session, moving)}
        registers = [rr.register for rr in req.registers if rr.register_id in kept_by_moving]

        number = new_case_number(session, req.received_on)
        new = m.RightsRequest(
            case_number=str(number),
            year=number.year,
            sequence=number.sequence,
            received_on=req.received_on,
            logged_at=_now(ctx),
            channel=req.channel,
            language=req.language,
            classification=req.classification,
            status=RequestStatus.RECEIVED.value,
            controller=moving[0],
            subject=_copy_person(req.subject),
            requester=_copy_person(req.requester),
            authority=req.authority,
            authority_checked_on=req.authority_checked_on,
            description=req.description,
            address_on_record=req.address_on_record,
            delivery_address=req.delivery_address,
        )
        roles = {link.controller_id: link.role for link in req.controllers}
        new.controllers = [
            m.RequestController(
                controller=c, role=roles.get(c.id) or controller_role(c, registers), position=i
            )
            for i, c in enumerate(moving)
        ]
        new.registers = [m.RequestRegister(register=r) for r in registers]
        new.rights = [
            m.RequestRight(right=r.right, outcome=Outcome.PENDING.value, raised_on=r.raised_on)
            for r in req.rights
        ]
        new.attachments = [
            m.Attachment(
                filename=a.filename,
                media_type=a.media_type,
                content=a.content,
                sha256=a.sha256,
                added_at=a.added_at,
            )
            for a in req.attachments
        ]
        session.add(new)
        names = [c.name for c in moving]

        out = _Corrected()
        # Registers the remaining controllers share with the moved ones stay here too.
        _controllers(
            session, req, CorrectionInput(remove_controllers=tuple(c.id for c in moving)), out
        )
        at = _now(ctx)
        for name, old, value in out.items:
            req.corrections.append(
                m.RequestCorrection(
                    at=at,
                    field=name.value,
                    before=_text(old),
                    after=_text(value),
                    reason=why,
                    actor=ctx.actor,
                )
            )
        record: dict[str, Any] = {"controllers": names, "reason": why}
        _event(tx, req, "split-to", {**record, "case": new.case_number})
        _event(
            tx,
            new,
            "intake",
            {"received_on": new.received_on.isoformat(), "channel": new.channel},
        )
        _event(tx, new, "split-from", {**record, "case": req.case_number})
        finish_case_write(tx, new, "create", None)
        finish_case_write(tx, req, "split", before)
        return new.case_number
