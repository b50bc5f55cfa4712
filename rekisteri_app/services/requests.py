"""Rights requests: intake, identity verification, deadlines, the case workflow.

Every write is one service call in one transaction with one audit event whose before
and after are the case in its exchange form (`entity_to_dict`), without attachment and
letter bytes. Identity codes are validated, turned into a keyed hash (Person.hetu_hash)
and forgotten: the code itself is never stored, logged or put in an audit snapshot,
and the hash is not part of the exchange form either.

Deadlines are never stored: they are computed on every read from the receipt date,
the pauses, the pause-policy setting and the extension (domain/deadlines.py), so a
corrected date or a changed policy is reflected everywhere at once.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..domain import deadlines as dl
from ..domain import workflow
from ..domain.case_numbers import next_case_number
from ..domain.enums import (
    Authority,
    Channel,
    IdentityMethod,
    Language,
    LetterKind,
    Outcome,
    PauseKind,
    RequestClass,
    RequestStatus,
    Right,
)
from ..domain.identity_code import (
    IdentityDocument,
    InvalidIdentityCode,
    identity_code_hash,
)
from ..domain.legal_grounds import LEGAL_GROUNDS, UnknownLegalGround, legal_ground
from ..domain.repeat_requests import RequestSummary, find_repeat_requests
from ..i18n import _
from ..storage import models as m
from . import entities, settings
from .context import HELSINKI, ServiceContext, ServiceError, Transaction, not_found
from .exchange import entity_to_dict
from .requests_labels import (
    CHANNELS,
    DOCUMENTS,
    IDENTITY_METHODS,
    OUTCOMES,
    PAUSE_KINDS,
    RIGHTS,
    STATUSES,
    label,
)

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
OPEN_STATUSES = frozenset(
    {
        RequestStatus.RECEIVED,
        RequestStatus.AWAITING,
        RequestStatus.IN_PROGRESS,
        RequestStatus.EXTENDED,
    }
)
ART_19_RIGHTS = (Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION)
FEE_GROUND = "art-12-5"


# ============================================================================ inputs


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
    registers: tuple[str | int, ...] | None = None  # None: all of the controller's
    description: str | None = None
    classification: RequestClass = RequestClass.GDPR
    attachments: tuple[AttachmentInput, ...] = ()


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
    letter_sent_on: date
    decided_on: date | None = None  # default: the letter's date


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
    received), extension, fee reason, outcomes, erasure decisions, legal holds, an
    explicit status, closing. Recording a pause or identity moves the status along
    the workflow where that is the obvious next step (received → awaiting → in
    progress, in progress → extended); every move is checked by domain/workflow.
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

    def is_empty(self) -> bool:
        return self == CaseUpdate()


# ============================================================================ outputs


@dataclass(frozen=True)
class RequestRow:
    """One case in lists and on the dashboard."""

    case_number: str
    received_on: date
    subject: str
    requester: str | None
    rights: tuple[str, ...]
    status: str
    classification: str
    due: date | None  # the effective due date (extended when extended)
    days_left: int | None
    urgency: str
    awaiting_identity: bool
    extended: bool  # an extension that holds: the due date is the extended one
    problem: str | None = None  # why a recorded extension does not hold

    def to_json(self) -> dict[str, Any]:
        return {
            "case_number": self.case_number,
            "received": self.received_on.isoformat(),
            "subject": self.subject,
            "requester": self.requester,
            "rights": list(self.rights),
            "status": self.status,
            "classification": self.classification,
            "due_date": None if self.due is None else self.due.isoformat(),
            "days_left": self.days_left,
            "urgency": self.urgency,
            "awaiting_identity": self.awaiting_identity,
            "extended": self.extended,
            "problem": self.problem,
        }


@dataclass(frozen=True)
class Dashboard:
    today: date
    overdue: tuple[RequestRow, ...]
    due_soon: tuple[RequestRow, ...]  # within dl.DUE_SOON_DAYS days
    awaiting_identity: tuple[RequestRow, ...]
    open_cases: tuple[RequestRow, ...]  # every open case, by due date
    counts: dict[str, int]  # by status, every status present

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "overdue": [r.to_json() for r in self.overdue],
            "due_soon": [r.to_json() for r in self.due_soon],
            "awaiting_identity": [r.to_json() for r in self.awaiting_identity],
            "open": [r.to_json() for r in self.open_cases],
            "counts": dict(self.counts),
        }


@dataclass(frozen=True)
class NotificationRecipient:
    """A regular recipient of a register concerned, to tell about a change (Art. 19)."""

    register: str
    name: str
    kind: str
    description: str | None = None


@dataclass(frozen=True)
class RegisterOption:
    id: int
    name: str


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime  # UTC
    kind: str
    text: str | None
    actor: str | None
    description: str  # translated sentence

    @property
    def local_time(self) -> datetime:
        """The moment in Europe/Helsinki, for display."""
        return self.at.replace(tzinfo=UTC).astimezone(HELSINKI)

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.replace(tzinfo=UTC).isoformat(timespec="seconds"),
            "local": self.local_time.strftime("%Y-%m-%d %H:%M"),
            "kind": self.kind,
            "text": self.text,
            "actor": self.actor,
            "description": self.description,
        }


@dataclass
class _Changes:
    """What one update did, for the case timeline."""

    events: list[tuple[str, Any]] = field(default_factory=list)


# ============================================================================ helpers


def parse_date(value: Any, what: str) -> date:
    """An ISO 8601 date (YYYY-MM-DD) or ServiceError naming `what`."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except (ValueError, TypeError):
        raise ServiceError(
            _("{what}: {value!r} is not a valid date (YYYY-MM-DD).").format(
                what=what, value=str(value)
            )
        ) from None


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


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def find_case(session: Session, case: str) -> m.RightsRequest:
    text = str(case).strip()
    req = session.scalar(
        select(m.RightsRequest).where(func.upper(m.RightsRequest.case_number) == text.upper())
    )
    if req is None:
        raise not_found(_("case"), text)
    return req


def _now(ctx: ServiceContext) -> datetime:
    return ctx.now().replace(tzinfo=None)  # stored as naive UTC


def _event(tx: Transaction, req: m.RightsRequest, kind: str, data: Any = None) -> None:
    text = (
        data
        if isinstance(data, str) or data is None
        else json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    )
    req.events.append(m.CaseEvent(at=_now(tx.ctx), kind=kind, text=text, actor=tx.ctx.actor))


def snapshot(session: Session, req: m.RightsRequest) -> dict[str, Any]:
    """The case in its exchange form without file contents (for audit and display)."""
    data = entity_to_dict(session, "requests", req)
    for item, stored in zip(data.get("attachments") or [], req.attachments, strict=False):
        item.pop("content_base64", None)
        item["id"] = stored.id
        item["size"] = len(stored.content or b"")
    for item in data.get("letters") or []:
        item.pop("pdf_base64", None)
    return data


def _hash_hetu(tx: Transaction, code: str) -> str:
    try:
        return identity_code_hash(code, settings.identity_hash_key(tx))
    except InvalidIdentityCode as exc:
        raise ServiceError(str(exc)) from None


def _check_hetu(code: str) -> None:
    """Validate before anything is written, so a bad code never creates the key."""
    from ..domain.identity_code import validate_identity_code

    try:
        validate_identity_code(code)
    except InvalidIdentityCode as exc:
        raise ServiceError(str(exc)) from None


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


def _attachment(ctx: ServiceContext, item: AttachmentInput) -> m.Attachment:
    name = _clean(item.filename)
    if not name:
        raise ServiceError(_("An attachment needs a file name."))
    if len(item.content) > MAX_ATTACHMENT_BYTES:
        raise ServiceError(_("{name} is too large to attach (over 50 MB).").format(name=name))
    media = item.media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return m.Attachment(
        filename=name[:300],
        media_type=media,
        content=item.content,
        sha256=hashlib.sha256(item.content).hexdigest(),
        added_at=_now(ctx),
    )


def _category_names(req: m.RightsRequest) -> dict[str, m.DataCategory]:
    out: dict[str, m.DataCategory] = {}
    for rr in req.registers:
        for cat in rr.register.data_categories:
            out.setdefault(cat.name.strip().casefold(), cat)
    return out


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


# ============================================================================ deadlines


def extension_letter_date(req: m.RightsRequest) -> date | None:
    """When the extension letter went out: an issued Letter, else the recorded event."""
    dates = [letter.issued_on for letter in req.letters if letter.kind == LetterKind.EXTENSION]
    for ev in req.events:
        if ev.kind == "letter-sent" and ev.text:
            try:
                data = json.loads(ev.text)
                if data.get("kind") == LetterKind.EXTENSION:
                    dates.append(date.fromisoformat(data["on"]))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
    return min(dates) if dates else None


def case_pauses(req: m.RightsRequest) -> list[dl.Pause]:
    return [dl.Pause(PauseKind(p.kind), p.asked_on, p.received_on) for p in req.pauses]


def compute(req: m.RightsRequest, policy: dl.PausePolicy) -> dl.Deadline | None:
    """The deadline of a stored case; raises DeadlineError when its data contradict."""
    extension = None
    if req.extended_on is not None:
        extension = dl.Extension(
            req.extended_on, req.extension_reasons or "", extension_letter_date(req)
        )
    return dl.compute_deadline(
        req.received_on,
        request_class=RequestClass(req.classification),
        pauses=case_pauses(req),
        policy=policy,
        extension=extension,
    )


def deadline_for_display(
    req: m.RightsRequest, policy: dl.PausePolicy
) -> tuple[dl.Deadline | None, str | None]:
    """Never fails: a stored extension that no longer holds is shown with the reason."""
    try:
        return compute(req, policy), None
    except dl.DeadlineError as exc:
        problem = str(exc)
    try:
        return dl.compute_deadline(
            req.received_on,
            request_class=RequestClass(req.classification),
            pauses=case_pauses(req),
            policy=policy,
        ), problem
    except dl.DeadlineError as exc:
        return None, f"{problem} {exc}"


def _validate_deadline(req: m.RightsRequest, policy: dl.PausePolicy) -> None:
    try:
        compute(req, policy)
    except dl.DeadlineError as exc:
        raise ServiceError(str(exc)) from None


# ============================================================================ intake


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

    received = data.get("received_on", data.get("received"))
    if received is None:
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
        received_on=parse_date(received, "received_on"),
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


# ============================================================================ workflow


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


def _open_pause(req: m.RightsRequest, kind: PauseKind) -> m.Pause | None:
    for pause in req.pauses:
        if pause.kind == kind and pause.received_on is None:
            return pause
    return None


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
    reasons = _clean(data.reasons)
    if not reasons:
        raise ServiceError(_("An extension needs the reasons for the delay (GDPR Art. 12(3))."))
    decided = data.decided_on or data.letter_sent_on
    today = tx.ctx.today()
    for day in (decided, data.letter_sent_on):
        if day > today:
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
    changes.events.append(
        ("letter-sent", {"kind": LetterKind.EXTENSION.value, "on": data.letter_sent_on.isoformat()})
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


def _apply_holds(
    tx: Transaction, req: m.RightsRequest, update: CaseUpdate, changes: _Changes
) -> None:
    today = tx.ctx.today()
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
                reason=_clean(hold.reason),
            )
        )
        changes.events.append(("hold", {"category": name}))
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
        session = tx.session
        req = find_case(session, case)
        before = snapshot(session, req)
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
        for outcome in update.outcomes:
            _apply_outcome(tx, req, outcome, changes)
        for erasure in update.erasures:
            _apply_erasure(tx, req, erasure, changes)
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
        if update.close:
            _move(tx, req, RequestStatus.CLOSED, changes, withdrawn=update.withdrawn)
        for kind, data in changes.events:
            _event(tx, req, kind, data)
        _validate_deadline(req, settings.pause_policy(session))
        session.flush()
        after = snapshot(session, req)
        tx.audit("update", "request", req.case_number, before, after)
        return _view(session, req, ctx.today()) if view else None


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


def attachment_content(
    ctx: ServiceContext, case: str, attachment_id: int
) -> tuple[str, str, bytes]:
    """(filename, media type, bytes) of one attachment, to save where the user asks."""
    with ctx.read() as session:
        req = find_case(session, case)
        for item in req.attachments:
            if item.id == attachment_id:
                return item.filename, item.media_type, item.content
        raise not_found(_("attachment"), attachment_id)


# ============================================================================ reading


def describe_event(kind: str, text: str | None, date_format: dl.DateFormatter | None = None) -> str:
    """A translated sentence for one timeline event (dates ISO unless `date_format`)."""
    if kind == "note":
        return text or ""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        data = None
    if not isinstance(data, dict):  # free text, e.g. imported from an older register
        return text or kind

    def day(key: str) -> str:
        value = str(data.get(key) or "")
        if date_format is not None and value:
            try:
                return date_format(date.fromisoformat(value))
            except ValueError:
                return value
        return value

    if kind == "intake":
        return _("Request received on {day} by {channel} and logged.").format(
            day=day("received_on"), channel=label(CHANNELS, data.get("channel"))
        )
    if kind == "status":
        line = _("Status: {old} → {new}.").format(
            old=label(STATUSES, data.get("from")), new=label(STATUSES, data.get("to"))
        )
        return line + (" " + _("The request was withdrawn.") if data.get("withdrawn") else "")
    if kind == "identity":
        line = _("Identity verified on {day} by {who}: {method}.").format(
            day=day("verified_on"),
            who=data.get("verified_by", ""),
            method=label(IDENTITY_METHODS, data.get("method")),
        )
        if data.get("document_type"):
            line += " " + _("Document: {document}.").format(
                document=label(DOCUMENTS, data["document_type"])
            )
        return line
    if kind == "identity-code":
        return _("Personal identity code recorded for matching (kept only as a keyed hash).")
    if kind == "pause-asked":
        return _("{kind} asked for on {day}.").format(
            kind=label(PAUSE_KINDS, data.get("kind")).capitalize(), day=day("on")
        )
    if kind == "pause-received":
        return _("{kind} received on {day}.").format(
            kind=label(PAUSE_KINDS, data.get("kind")).capitalize(), day=day("on")
        )
    if kind == "extension":
        return _("Deadline extended by two months, decided on {day}: {reasons}").format(
            day=day("decided_on"), reasons=data.get("reasons", "")
        )
    if kind == "letter-sent":
        if data.get("kind") == LetterKind.EXTENSION:
            return _("Extension letter sent on {day}.").format(day=day("on"))
        return _("Letter ({kind}) sent on {day}.").format(kind=data.get("kind", ""), day=day("on"))
    if kind == "outcome":
        line = _("Decision on {right}: {outcome}.").format(
            right=label(RIGHTS, data.get("right")), outcome=label(OUTCOMES, data.get("outcome"))
        )
        if data.get("ground"):
            try:
                line += " " + legal_ground(data["ground"]).article
            except UnknownLegalGround:
                line += " " + str(data["ground"])
        return line
    if kind == "erasure":
        if data.get("erased"):
            return _("{category}: erased.").format(category=data.get("category", ""))
        ground = data.get("ground") or ""
        if ground in LEGAL_GROUNDS:
            ground = LEGAL_GROUNDS[ground].article
        return _("{category}: kept until {day} ({ground}).").format(
            category=data.get("category", ""), day=day("kept_until"), ground=ground
        )
    if kind == "fee-reason":
        return _("Reason for a fee or refusal recorded: {text}").format(
            text=data.get("text") or "—"
        )
    if kind == "hold":
        return _("Legal hold placed on {category}.").format(category=data.get("category", ""))
    if kind == "release":
        return _("Legal hold released on {category}.").format(category=data.get("category", ""))
    if kind == "attachment":
        return _("Attachment added: {name}.").format(name=data.get("filename", ""))
    if kind == "authority-checked":
        return _("Requester's authority checked on {day}.").format(day=day("on"))
    return text or kind


def timeline(
    req: m.RightsRequest, date_format: dl.DateFormatter | None = None
) -> list[TimelineEntry]:
    events = sorted(req.events, key=lambda e: (e.at, e.id or 0))
    return [
        TimelineEntry(e.at, e.kind, e.text, e.actor, describe_event(e.kind, e.text, date_format))
        for e in events
    ]


def _all_cases(*, full: bool = True) -> Any:
    """Every case with what lists (`full`) or repeat checks read, loaded in a few
    queries instead of one per case and relation."""
    R = m.RightsRequest
    options = [selectinload(R.subject), selectinload(R.rights)]
    if full:
        # letters and events are read only for extended cases (the extension letter's
        # date), so they load lazily for those few rather than for every case
        options += [selectinload(R.requester), selectinload(R.pauses)]
    return select(R).options(*options)


def _summary(req: m.RightsRequest) -> RequestSummary:
    return RequestSummary(
        case_id=req.case_number,
        received=req.received_on,
        identity_hash=req.subject.hetu_hash,
        name=req.subject.name,
        address=req.subject.address or "",
        rights=frozenset(Right(r.right) for r in req.rights),
    )


def repeats(session: Session, req: m.RightsRequest) -> list[dict[str, Any]]:
    """Earlier requests of the same data subject within twelve months (information only)."""
    stored = list(session.scalars(_all_cases(full=False)))
    others = [_summary(r) for r in stored if r.id != req.id]
    by_case = {r.case_number: r for r in stored}
    out = []
    for match in find_repeat_requests(_summary(req), others):
        other = by_case[match.earlier.case_id]
        out.append(
            {
                "case_number": match.earlier.case_id,
                "received": match.earlier.received.isoformat(),
                "basis": match.basis.value,
                "shared_rights": sorted(str(r) for r in match.shared_rights),
                "status": other.status,
                "rights": [r.right for r in other.rights],
            }
        )
    return out


def possible_repeats(
    ctx: ServiceContext, name: str, address: str | None, received: date, hetu: str | None = None
) -> list[dict[str, Any]]:
    """Stored requests that a new one with these details would repeat (for the intake
    form, before anything is saved). An identity code is only compared when the hashing
    key exists already, and nothing is written."""
    with ctx.read() as session:
        identity_hash = None
        key = settings.existing_identity_hash_key(session)
        if key is not None and _clean(hetu):
            try:
                identity_hash = identity_code_hash(hetu, key)
            except InvalidIdentityCode:
                identity_hash = None
        current = RequestSummary(
            case_id="",
            received=received,
            identity_hash=identity_hash,
            name=name or "",
            address=address or "",
        )
        stored = list(session.scalars(_all_cases(full=False)))
        by_case = {r.case_number: r for r in stored}
        return [
            {
                "case_number": match.earlier.case_id,
                "received": match.earlier.received.isoformat(),
                "basis": match.basis.value,
                "status": by_case[match.earlier.case_id].status,
                "rights": [r.right for r in by_case[match.earlier.case_id].rights],
            }
            for match in find_repeat_requests(current, [_summary(r) for r in stored])
        ]


def notification_list(session: Session, req: m.RightsRequest) -> list[NotificationRecipient]:
    """Art. 19: the registers' regular recipients to tell about a rectification,
    erasure or restriction in this case (none when no such right is requested or all of
    them were refused or found not applicable)."""
    relevant = [
        r
        for r in req.rights
        if r.right in ART_19_RIGHTS and r.outcome not in (Outcome.REFUSED, Outcome.NOT_APPLICABLE)
    ]
    if not relevant:
        return []
    out = []
    for rr in req.registers:
        for rec in rr.register.recipients:
            out.append(NotificationRecipient(rr.register.name, rec.name, rec.kind, rec.description))
    return out


def art19_recipients(ctx: ServiceContext, case: str) -> list[NotificationRecipient]:
    with ctx.read() as session:
        return notification_list(session, find_case(session, case))


def _view(
    session: Session, req: m.RightsRequest, today: date, date_format: dl.DateFormatter | None = None
) -> dict[str, Any]:
    policy = settings.pause_policy(session)
    deadline, problem = deadline_for_display(req, policy)
    data = snapshot(session, req)

    def iso(d: date | None) -> str | None:
        return None if d is None else d.isoformat()

    data["received"] = req.received_on.isoformat()
    data["controller_name"] = None if req.controller is None else req.controller.name
    data["register_names"] = [rr.register.name for rr in req.registers]
    data["pause_policy"] = policy.value
    if deadline is None:
        rule = (
            [_("Not a GDPR request: answered outside the GDPR's statutory deadline.")]
            if req.classification == RequestClass.NON_GDPR
            else []
        )
        data.update(
            due_date=None,
            extended_due_date=None,
            effective_due_date=None,
            days_left=None,
            suspended=False,
        )
    else:
        rule = deadline.explain_lines(date_format)
        data.update(
            due_date=iso(deadline.due),
            extended_due_date=iso(deadline.extended_due),
            effective_due_date=iso(deadline.effective_due),
            days_left=deadline.days_left(today),
            suspended=deadline.suspended,
        )
    if problem:
        rule.append(_("The recorded extension does not hold: {problem}").format(problem=problem))
    open_case = req.status in OPEN_STATUSES
    data["urgency"] = (
        dl.urgency(deadline, today).value if open_case else RequestStatus(req.status).value
    )
    data["rule"] = "\n".join(rule)
    data["rule_lines"] = rule
    data["deadline_problem"] = problem
    data["extension_letter_sent_on"] = iso(extension_letter_date(req))
    data["repeats"] = repeats(session, req)
    data["timeline"] = [t.to_json() for t in timeline(req, date_format)]
    data["notify"] = [
        {"register": n.register, "name": n.name, "kind": n.kind, "description": n.description}
        for n in notification_list(session, req)
    ]
    data["awaiting_identity"] = _open_pause(req, PauseKind.IDENTITY) is not None
    data["allowed_statuses"] = [
        s.value
        for s in workflow.allowed_targets(
            RequestStatus(req.status), request_class=RequestClass(req.classification)
        )
    ]
    data["identity_code_recorded"] = req.subject.hetu_hash is not None
    return data


def get_request(
    ctx: ServiceContext, case: str, date_format: dl.DateFormatter | None = None
) -> dict[str, Any]:
    """The case as `request show --json` prints it: the exchange form plus
    `received`, `due_date`, `extended_due_date`, `rule`, `repeats`, `timeline`,
    `notify` (Art. 19) and the names of its controller and registers."""
    with ctx.read() as session:
        return _view(session, find_case(session, case), ctx.today(), date_format)


def _row(req: m.RightsRequest, policy: dl.PausePolicy, today: date) -> RequestRow:
    deadline, problem = deadline_for_display(req, policy)
    open_case = req.status in OPEN_STATUSES
    urgency = dl.urgency(deadline, today).value if open_case else RequestStatus(req.status).value
    return RequestRow(
        case_number=req.case_number,
        received_on=req.received_on,
        subject=req.subject.name,
        requester=None if req.requester is None else req.requester.name,
        rights=tuple(r.right for r in req.rights),
        status=req.status,
        classification=req.classification,
        due=None if deadline is None else deadline.effective_due,
        days_left=None if deadline is None else deadline.days_left(today),
        urgency=urgency,
        awaiting_identity=open_case and _open_pause(req, PauseKind.IDENTITY) is not None,
        extended=deadline is not None and deadline.extended_due is not None,
        problem=problem,
    )


def sort_key(row: RequestRow) -> tuple:
    """By due date; then cases whose clock is stopped; then those without a deadline."""
    rank = 0 if row.due is not None else (1 if row.urgency == dl.Urgency.SUSPENDED else 2)
    return (rank, row.due or date.max, row.received_on, row.case_number)


def list_requests(
    ctx: ServiceContext,
    *,
    status: RequestStatus | str | None = None,
    due_before: date | None = None,
) -> list[RequestRow]:
    """Cases by due date (no date last); `due_before` keeps effective due < that date."""
    with ctx.read() as session:
        policy = settings.pause_policy(session)
        query = _all_cases()
        if status is not None:
            query = query.where(m.RightsRequest.status == RequestStatus(status).value)
        rows = [_row(req, policy, ctx.today()) for req in session.scalars(query)]
    if due_before is not None:
        rows = [r for r in rows if r.due is not None and r.due < due_before]
    return sorted(rows, key=sort_key)


def dashboard(ctx: ServiceContext) -> Dashboard:
    """Overdue, due within seven days, awaiting identity, and counts by status."""
    rows = list_requests(ctx)
    open_rows = tuple(r for r in rows if r.status in OPEN_STATUSES)
    counts = {s.value: 0 for s in RequestStatus}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    return Dashboard(
        today=ctx.today(),
        overdue=tuple(r for r in open_rows if r.urgency == dl.Urgency.OVERDUE),
        due_soon=tuple(r for r in open_rows if r.urgency == dl.Urgency.DUE_SOON),
        awaiting_identity=tuple(r for r in open_rows if r.awaiting_identity),
        open_cases=open_rows,
        counts=counts,
    )


def registers_for_case(ctx: ServiceContext, case: str) -> list[str]:
    with ctx.read() as session:
        return [rr.register.name for rr in find_case(session, case).registers]


def category_names(ctx: ServiceContext, case: str) -> list[str]:
    """Data categories of the case's registers, for erasure and legal-hold pickers."""
    with ctx.read() as session:
        return sorted(
            {c.name for c in _category_names(find_case(session, case)).values()}, key=str.casefold
        )
