"""Reading cases: find one, show one (`get_request`), list them by due date, the
dashboard, earlier requests of the same person and the Art. 19 recipients.

Lists load what they show in a handful of queries, not one per case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ...domain import deadlines as dl
from ...domain import workflow
from ...domain.enums import PauseKind, RequestClass, RequestStatus, Right
from ...domain.identity_code import InvalidIdentityCode, identity_code_hash
from ...domain.repeat_requests import RequestSummary, find_repeat_requests
from ...i18n import _
from ...storage import models as m
from .. import settings
from ..context import ServiceContext, not_found
from ._common import _category_names, _clean, _open_pause, snapshot
from .art19 import case_recipients, concerns_art19
from .deadlines import deadline_for_display, extension_letter_date
from .record import case_record
from .timeline import timeline

OPEN_STATUSES = frozenset(
    {
        RequestStatus.RECEIVED,
        RequestStatus.AWAITING,
        RequestStatus.IN_PROGRESS,
        RequestStatus.EXTENDED,
    }
)


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
    """A regular recipient of a register concerned, to tell about a change (Art. 19),
    with what the officer recorded about it (status None: nothing yet)."""

    register: str
    name: str
    kind: str
    description: str | None = None
    status: str | None = None
    notified_on: date | None = None
    reason: str | None = None


def find_case(session: Session, case: str) -> m.RightsRequest:
    text = str(case).strip()
    req = session.scalar(
        select(m.RightsRequest).where(func.upper(m.RightsRequest.case_number) == text.upper())
    )
    if req is None:
        raise not_found(_("case"), text)
    return req


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
        received_on=req.received_on,
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
                "received": match.earlier.received_on.isoformat(),
                "basis": match.basis.value,
                "shared_rights": sorted(str(r) for r in match.shared_rights),
                "status": other.status,
                "rights": [r.right for r in other.rights],
            }
        )
    return out


def possible_repeats(
    ctx: ServiceContext, name: str, address: str | None, received_on: date, hetu: str | None = None
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
            received_on=received_on,
            identity_hash=identity_hash,
            name=name or "",
            address=address or "",
        )
        stored = list(session.scalars(_all_cases(full=False)))
        by_case = {r.case_number: r for r in stored}
        return [
            {
                "case_number": match.earlier.case_id,
                "received": match.earlier.received_on.isoformat(),
                "basis": match.basis.value,
                "status": by_case[match.earlier.case_id].status,
                "rights": [r.right for r in by_case[match.earlier.case_id].rights],
            }
            for match in find_repeat_requests(current, [_summary(r) for r in stored])
        ]


def notification_list(session: Session, req: m.RightsRequest) -> list[NotificationRecipient]:
    """Art. 19: the registers' regular recipients to tell about a rectification,
    erasure or restriction in this case (none when no such right is requested or all of
    them were refused or found not applicable), each name once, never the data subject
    listed as a recipient; with what was recorded about each."""
    if not concerns_art19(req):
        return []
    out = []
    for item in case_recipients(req):
        record = item.record
        out.append(
            NotificationRecipient(
                item.register.name,
                item.name,
                item.row.kind,
                item.row.description,
                None if record is None else record.status,
                None if record is None else record.notified_on,
                None if record is None else record.reason,
            )
        )
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
    record, moves = case_record(session, req, date_format)  # issue 11: the case record
    data.update(record)
    rule.extend(moves)
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
        {
            "register": n.register,
            "name": n.name,
            "kind": n.kind,
            "description": n.description,
            "status": n.status,
            "notified_on": iso(n.notified_on),
            "reason": n.reason,
        }
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


def category_names(ctx: ServiceContext, case: str) -> list[str]:
    """Data categories of the case's registers, for erasure and legal-hold pickers."""
    with ctx.read() as session:
        return sorted(
            {c.name for c in _category_names(find_case(session, case)).values()}, key=str.casefold
        )
