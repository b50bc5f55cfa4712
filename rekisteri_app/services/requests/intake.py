"""Logging a new request: which controller and registers it concerns, the checks before
anything is written, the case number, and the JSON form of an intake.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.case_numbers import next_case_number
from ...domain.enums import (
    Authority,
    Channel,
    Language,
    Outcome,
    RequestClass,
    RequestStatus,
    Right,
)
from ...i18n import _
from ...storage import models as m
from .. import entities, settings
from ..context import ServiceContext, ServiceError, Transaction
from ._common import _attachment, _check_hetu, _clean, _event, _hash_hetu, _now, snapshot
from .deadlines import store_deadline
from .inputs import AttachmentInput, Intake, PersonInput, _enum, parse_date


@dataclass(frozen=True)
class RegisterOption:
    id: int
    name: str


def _person(tx: Transaction, data: PersonInput, role: str) -> m.Person:
    name = _clean(data.name)
    if not name:
        raise ServiceError(_("The {role} needs a name.").format(role=role))
    person = m.Person(
        name=name,
        address=_clean(data.address),
        email=_clean(data.email),
        phone=_clean(data.phone),
        customer_number=_clean(data.customer_number),
    )
    if _clean(data.hetu):
        person.hetu_hash = _hash_hetu(tx, data.hetu)
    return person


def controllers_and_registers(
    ctx: ServiceContext,
) -> list[tuple[RegisterOption, list[RegisterOption]]]:
    """Every controller with its registers (any role), for the intake form."""
    with ctx.read() as session:
        out = []
        for c in session.scalars(select(m.Controller).order_by(m.Controller.name)):
            regs = session.scalars(
                select(m.Register)
                .join(m.RegisterController)
                .where(m.RegisterController.controller_id == c.id)
                .order_by(m.Register.name)
            ).all()
            out.append((RegisterOption(c.id, c.name), [RegisterOption(r.id, r.name) for r in regs]))
        return out


def _registers_of(session: Session, controller: m.Controller) -> list[m.Register]:
    return list(
        session.scalars(
            select(m.Register)
            .join(m.RegisterController)
            .where(m.RegisterController.controller_id == controller.id)
            .order_by(m.Register.name)
        )
    )


def _resolve_target(
    session: Session, intake: Intake
) -> tuple[m.Controller | None, list[m.Register]]:
    controller = None
    if intake.controller is not None and str(intake.controller).strip():
        controller = entities.find(session, "controllers", intake.controller)
    elif session.scalar(select(func.count(m.Controller.id))) == 1:
        controller = session.scalar(select(m.Controller))
    elif intake.registers is None:
        # Group companies: a letter addressed to "the company" means the organisation
        # itself (settings), as the intake dialog preselects it.
        own = settings.read(session, settings.ORGANISATION_NAME)
        if own:
            controller = session.scalar(select(m.Controller).where(m.Controller.name == own))
    if intake.registers is None:
        registers = [] if controller is None else _registers_of(session, controller)
    else:
        registers = []
        for name in intake.registers:
            reg = entities.find(session, "registers", name)
            if reg not in registers:
                registers.append(reg)
        if controller is not None:
            own = {r.id for r in _registers_of(session, controller)}
            for reg in registers:
                if reg.id not in own:
                    raise ServiceError(
                        _("The register {register!r} is not kept by {controller}.").format(
                            register=reg.name, controller=controller.name
                        )
                    )
    return controller, registers


def _check_intake(ctx: ServiceContext, intake: Intake) -> None:
    today = ctx.today()
    if intake.received_on > today:
        raise ServiceError(
            _("The received date {day} is in the future.").format(
                day=intake.received_on.isoformat()
            )
        )
    if not intake.rights:
        raise ServiceError(_("A request needs at least one right."))
    if len(set(intake.rights)) != len(intake.rights):
        raise ServiceError(_("The same right is listed twice."))
    if intake.authority is not Authority.SELF and intake.requester is None:
        raise ServiceError(
            _(
                "A request made on someone else's behalf needs the requester's "
                "name (the representative)."
            )
        )
    if intake.requester is not None and intake.authority is Authority.SELF:
        raise ServiceError(
            _(
                "A requester other than the data subject needs their authority "
                "(power of attorney, guardian, …)."
            )
        )
    if intake.authority_checked_on is not None and intake.authority_checked_on > today:
        raise ServiceError(
            _("The authority check date {day} is in the future.").format(
                day=intake.authority_checked_on.isoformat()
            )
        )
    for person in (intake.subject, intake.requester):
        if person is not None and _clean(person.hetu):
            _check_hetu(person.hetu)


def add_request(ctx: ServiceContext, intake: Intake) -> str:
    """Log a new request; returns its case number (`2026-0001`, yearly by receipt)."""
    _check_intake(ctx, intake)
    with ctx.change() as tx:
        session = tx.session
        controller, registers = _resolve_target(session, intake)
        prefix = settings.case_prefix(session)
        existing = session.scalars(
            select(m.RightsRequest.case_number).where(
                m.RightsRequest.year == intake.received_on.year
            )
        )
        number = next_case_number(intake.received_on.year, existing, prefix)
        req = m.RightsRequest(
            case_number=str(number),
            year=number.year,
            sequence=number.sequence,
            received_on=intake.received_on,
            logged_at=_now(ctx),
            channel=Channel(intake.channel).value,
            language=Language(intake.language).value,
            classification=RequestClass(intake.classification).value,
            status=RequestStatus.RECEIVED.value,
            controller=controller,
            subject=_person(tx, intake.subject, _("data subject")),
            requester=(
                None if intake.requester is None else _person(tx, intake.requester, _("requester"))
            ),
            authority=Authority(intake.authority).value,
            authority_checked_on=intake.authority_checked_on,
            description=_clean(intake.description),
        )
        req.registers = [m.RequestRegister(register=r) for r in registers]
        req.rights = [
            m.RequestRight(right=Right(r).value, outcome=Outcome.PENDING.value)
            for r in intake.rights
        ]
        req.attachments = [_attachment(ctx, a) for a in intake.attachments]
        session.add(req)
        _event(
            tx,
            req,
            "intake",
            {"received_on": intake.received_on.isoformat(), "channel": req.channel},
        )
        if intake.subject.hetu:
            _event(tx, req, "identity-code")
        store_deadline(session, req)
        session.flush()
        tx.audit("create", "request", req.case_number, None, snapshot(session, req))
        return req.case_number


INTAKE_FIELDS = frozenset(
    {
        "received_on",
        "received",
        "channel",
        "language",
        "rights",
        "subject",
        "requester",
        "authority",
        "authority_checked_on",
        "controller",
        "registers",
        "description",
        "classification",
        "attachments",
    }
)
PERSON_FIELDS = frozenset({"name", "address", "email", "phone", "customer_number", "hetu"})


def intake_from_dict(data: Any) -> Intake:
    """An Intake from JSON (the exchange form's field names; rights as words or objects).

    `registers` and `controller` are names, ids or export keys (`register-3`);
    attachments are {filename, media_type, content_base64}. Unknown fields are refused.
    """
    import base64

    if not isinstance(data, dict):
        raise ServiceError(_("The request must be a JSON object."))
    unknown = sorted(set(data) - INTAKE_FIELDS)
    if unknown:
        raise ServiceError(
            _("Unknown fields in the request: {names}").format(names=", ".join(unknown))
        )

    def person(value: Any, role: str) -> PersonInput | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise ServiceError(_("{role} must be an object with a name.").format(role=role))
        extra = sorted(set(value) - PERSON_FIELDS)
        if extra:
            raise ServiceError(
                _("Unknown fields in {role}: {names}").format(role=role, names=", ".join(extra))
            )
        return PersonInput(**{k: (None if v is None else str(v)) for k, v in value.items()})

    received_on = data.get("received_on", data.get("received"))
    if received_on is None:
        raise ServiceError(_("required field {name} is missing").format(name="received_on"))
    for required in ("channel", "language", "rights", "subject"):
        if data.get(required) in (None, "", []):
            raise ServiceError(_("required field {name} is missing").format(name=required))
    rights = tuple(
        _enum(Right, r.get("right") if isinstance(r, dict) else r, "rights") for r in data["rights"]
    )
    attachments = []
    for item in data.get("attachments") or []:
        try:
            content = base64.b64decode(item["content_base64"], validate=True)
        except (KeyError, TypeError, ValueError):
            raise ServiceError(_("An attachment needs a file name and content_base64.")) from None
        attachments.append(
            AttachmentInput(str(item.get("filename") or ""), content, item.get("media_type"))
        )
    subject = person(data["subject"], "subject")
    assert subject is not None
    checked = data.get("authority_checked_on")
    return Intake(
        received_on=parse_date(received_on, "received_on"),
        channel=_enum(Channel, data["channel"], "channel"),
        language=_enum(Language, data["language"], "language"),
        rights=rights,
        subject=subject,
        requester=person(data.get("requester"), "requester"),
        authority=_enum(Authority, data.get("authority") or "self", "authority"),
        authority_checked_on=None
        if checked is None
        else parse_date(checked, "authority_checked_on"),
        controller=data.get("controller"),
        registers=None if data.get("registers") is None else tuple(data["registers"]),
        description=data.get("description"),
        classification=_enum(RequestClass, data.get("classification") or "gdpr", "classification"),
        attachments=tuple(attachments),
    )
