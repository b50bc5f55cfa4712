"""Logging a new request: which controller and registers it concerns, the checks before
anything is written, the case number, and the JSON form of an intake.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.case_numbers import CaseNumber, next_case_number
from ...domain.date_sanity import DateConcern
from ...domain.enums import (
    Authority,
    Channel,
    ControllerRole,
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
from ._common import _attachment, _check_hetu, _clean, _event, _hash_hetu, _now
from .authority import check_case_class
from .dates import check_received
from .inputs import AttachmentInput, Intake, PersonInput, _enum, parse_date
from .writes import finish_case_write


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


def controller_role(controller: m.Controller, registers: list[m.Register]) -> str:
    """The controller's role in the case: its role in the first register concerned that
    names it (a group company, a joint controller), else plain controller."""
    for reg in registers:
        for link in reg.controllers:
            if link.controller_id == controller.id:
                return ControllerRole(link.role).value
    return ControllerRole.CONTROLLER.value


def registers_kept_by(session: Session, controllers: list[m.Controller]) -> list[m.Register]:
    """Every register of any of `controllers`, each once, by name."""
    out: dict[int, m.Register] = {}
    for controller in controllers:
        for reg in _registers_of(session, controller):
            out.setdefault(reg.id, reg)
    return sorted(out.values(), key=lambda r: r.name)


def check_registers_kept(
    session: Session, registers: list[m.Register], controllers: list[m.Controller]
) -> None:
    """Each register must be kept by one of the case's controllers (if it names any)."""
    if not controllers:
        return
    kept = {r.id for r in registers_kept_by(session, controllers)}
    for reg in registers:
        if reg.id not in kept:
            names = ", ".join(c.name for c in controllers)
            raise ServiceError(
                _("The register {register!r} is not kept by {controller}.").format(
                    register=reg.name, controller=names
                )
            )


def _resolve_target(
    session: Session, intake: Intake
) -> tuple[list[m.Controller], list[m.Register]]:
    """The case's controllers (the addressed one first) and registers."""
    controller = None
    if intake.controller is not None and str(intake.controller).strip():
        controller = entities.find(session, "controllers", intake.controller)
    elif intake.other_controllers:
        pass  # the first of the others is taken as addressed below
    elif session.scalar(select(func.count(m.Controller.id))) == 1:
        controller = session.scalar(select(m.Controller))
    elif intake.registers is None:
        # Group companies: a letter addressed to "the company" means the organisation
        # itself (settings), as the intake dialog preselects it.
        own = settings.read(session, settings.ORGANISATION_NAME)
        if own:
            controller = session.scalar(select(m.Controller).where(m.Controller.name == own))
    controllers = [] if controller is None else [controller]
    for ref in intake.other_controllers:
        other = entities.find(session, "controllers", ref)
        if other not in controllers:
            controllers.append(other)
    if intake.registers is None:
        registers = registers_kept_by(session, controllers)
    else:
        registers = []
        for name in intake.registers:
            reg = entities.find(session, "registers", name)
            if reg not in registers:
                registers.append(reg)
        check_registers_kept(session, registers, controllers)
    return controllers, registers


def _check_intake(
    ctx: ServiceContext, intake: Intake, *, confirmed: bool
) -> tuple[DateConcern, ...]:
    today = ctx.today()
    concerns = check_received(intake.received_on, today, confirmed=confirmed)
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
    return concerns


def new_case_number(session: Session, received_on: date) -> CaseNumber:
    """The next free case number of the receipt year."""
    existing = session.scalars(
        select(m.RightsRequest.case_number).where(m.RightsRequest.year == received_on.year)
    )
    return next_case_number(received_on.year, existing, settings.case_prefix(session))


def add_request(ctx: ServiceContext, intake: Intake, *, confirmed: bool = False) -> str:
    """Log a new request; returns its case number (`2026-0001`, yearly by receipt).

    A received date before the GDPR applied or over a year ago raises
    NeedsConfirmation unless `confirmed`; the confirmation goes on the timeline."""
    concerns = _check_intake(ctx, intake, confirmed=confirmed)
    with ctx.change() as tx:
        session = tx.session
        controllers, registers = _resolve_target(session, intake)
        number = new_case_number(session, intake.received_on)
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
            controller=controllers[0] if controllers else None,
            subject=_person(tx, intake.subject, _("data subject")),
            requester=(
                None if intake.requester is None else _person(tx, intake.requester, _("requester"))
            ),
            authority=Authority(intake.authority).value,
            authority_checked_on=intake.authority_checked_on,
            description=_clean(intake.description),
            address_on_record=_clean(intake.address_on_record),
            delivery_address=_clean(intake.delivery_address),
        )
        req.controllers = [
            m.RequestController(controller=c, role=controller_role(c, registers), position=i)
            for i, c in enumerate(controllers)
        ]
        req.registers = [m.RequestRegister(register=r) for r in registers]
        req.rights = [
            m.RequestRight(right=Right(r).value, outcome=Outcome.PENDING.value)
            for r in intake.rights
        ]
        req.attachments = [_attachment(ctx, a) for a in intake.attachments]
        check_case_class(req)
        session.add(req)
        record: dict[str, Any] = {
            "received_on": intake.received_on.isoformat(),
            "channel": req.channel,
        }
        if concerns:
            record["confirmed"] = [c.value for c in concerns]
        _event(tx, req, "intake", record)
        if intake.subject.hetu:
            _event(tx, req, "identity-code")
        finish_case_write(tx, req, "create", None)
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
        "controllers",
        "address_on_record",
        "delivery_address",
    }
)
PERSON_FIELDS = frozenset({"name", "address", "email", "phone", "customer_number", "hetu"})


def intake_from_dict(data: Any) -> Intake:
    """An Intake from JSON (the exchange form's field names; rights as words or objects).

    `registers` and `controller` are names, ids or export keys (`register-3`);
    `controllers` lists every controller concerned (names, keys, or the exchange form's
    {"controller": KEY} objects; without `controller` the first is the one addressed);
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
    listed = data.get("controllers") or []
    if not isinstance(listed, list):
        raise ServiceError(_("controllers must be a list of controller names or keys."))
    names = [c.get("controller") if isinstance(c, dict) else c for c in listed]
    addressed = data.get("controller")
    if addressed is None and names:
        addressed, names = names[0], names[1:]
    others = tuple(c for c in names if c is not None and str(c) != str(addressed))
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
        controller=addressed,
        registers=None if data.get("registers") is None else tuple(data["registers"]),
        description=data.get("description"),
        classification=_enum(RequestClass, data.get("classification") or "gdpr", "classification"),
        attachments=tuple(attachments),
        other_controllers=others,
        address_on_record=data.get("address_on_record"),
        delivery_address=data.get("delivery_address"),
    )
