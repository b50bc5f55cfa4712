"""Reading cases: find one, show one (`get_request`), list them by due date, the
dashboard, earlier requests of the same person and the Art. 19 recipients.

A list costs what it shows, not what is stored: every list is one SQL query over the
stored deadline columns (services/requests/deadlines.py) with ORDER BY, WHERE and
LIMIT on indexes, plus one query for the rights of the rows returned. Days left and
urgency depend on today, so they are worked out for the returned rows only, by the
same domain function the case view uses. Repeat checks look the person up by the
indexed name key or identity-code hash, within twelve months of receipt.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from ...domain import deadlines as dl
from ...domain import workflow
from ...domain.case_numbers import canonical_case_number
from ...domain.enums import Outcome, PauseKind, RequestClass, RequestStatus, Right
from ...domain.identity_code import InvalidIdentityCode, identity_code_hash
from ...domain.repeat_requests import (
    WINDOW_MONTHS,
    RequestSummary,
    find_repeat_requests,
    normalise_name,
)
from ...domain.vocabulary import STATUSES, label
from ...i18n import _
from ...storage import models as m
from .. import settings
from ..context import ServiceContext, not_found
from ._common import _category_names, _clean, _open_pause, snapshot
from .deadlines import (
    CLOCK_DATED,
    CLOCK_UNDATED,
    OPEN_STATUSES,
    deadline_for_display,
    extension_letter_date,
)
from .record import case_record
from .timeline import timeline

ART_19_RIGHTS = (Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION)

OPEN = "open"  # RequestQuery.status: every open case
# RequestQuery.bucket: the dashboard's queues
OVERDUE, DUE_SOON, AWAITING_IDENTITY = "overdue", "due-soon", "awaiting-identity"
BUCKETS = (OVERDUE, DUE_SOON, AWAITING_IDENTITY, OPEN)
# RequestQuery.order: what a list can be sorted by (each an ORDER BY in SQL)
ORDERS = ("due", "received", "case", "status", "subject")
PAGE = 200
QUEUE_LIMIT = 50


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
class RequestQuery:
    """Which cases a list shows and in what order; every field is a WHERE or ORDER BY."""

    status: str | None = None  # a RequestStatus value, or OPEN for every open case
    due_before: date | None = None  # effective due date before this day
    text: str | None = None  # part of the case number or of a name (subject, requester)
    bucket: str | None = None  # one of BUCKETS: a dashboard queue (needs today)
    order: str = "due"  # one of ORDERS
    descending: bool = False


@dataclass(frozen=True)
class Dashboard:
    today: date
    overdue: tuple[RequestRow, ...]  # the first `limit` of each queue, by due date
    due_soon: tuple[RequestRow, ...]  # within dl.DUE_SOON_DAYS days
    awaiting_identity: tuple[RequestRow, ...]
    open_cases: tuple[RequestRow, ...]
    counts: dict[str, int]  # by status, every status present
    totals: dict[str, int]  # how many cases each queue holds: overdue, due-soon, …, open

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "overdue": [r.to_json() for r in self.overdue],
            "due_soon": [r.to_json() for r in self.due_soon],
            "awaiting_identity": [r.to_json() for r in self.awaiting_identity],
            "open": [r.to_json() for r in self.open_cases],
            "counts": dict(self.counts),
            "totals": dict(self.totals),
        }


@dataclass(frozen=True)
class NotificationRecipient:
    """A regular recipient of a register concerned, to tell about a change (Art. 19)."""

    register: str
    name: str
    kind: str
    description: str | None = None


def find_case(session: Session, case: str) -> m.RightsRequest:
    """By case number, in any spelling of its one canonical form (an index lookup)."""
    text = str(case).strip()
    req = session.scalar(
        select(m.RightsRequest).where(m.RightsRequest.case_number == canonical_case_number(text))
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


# -------------------------------------------------------------------- repeats


def _summary(req: m.RightsRequest) -> RequestSummary:
    return RequestSummary(
        case_id=req.case_number,
        received_on=req.received_on,
        identity_hash=req.subject.hetu_hash,
        name=req.subject.name,
        address=req.subject.address or "",
        rights=frozenset(Right(r.right) for r in req.rights),
    )


def _repeat_candidates(
    session: Session, name: str, identity_hash: str | None, received_on: date
) -> list[m.RightsRequest]:
    """Cases that could be earlier requests of this person: the same name key or the
    same identity-code hash (two index lookups), received within the twelve months
    before `received_on` (a few days' margin; the domain rule decides exactly)."""
    R, P = m.RightsRequest, m.Person
    same = [P.name_key == normalise_name(name)]
    if identity_hash:
        same.append(P.hetu_hash == identity_hash)
    earliest = dl.add_months(received_on, -WINDOW_MONTHS) - timedelta(days=3)
    return list(
        session.scalars(
            select(R)
            .join(P, R.subject_id == P.id)
            .where(or_(*same), R.received_on.between(earliest, received_on))
            .options(selectinload(R.rights))
        )
    )


def repeats(session: Session, req: m.RightsRequest) -> list[dict[str, Any]]:
    """Earlier requests of the same data subject within twelve months (information only)."""
    current = _summary(req)
    found = _repeat_candidates(session, req.subject.name, current.identity_hash, req.received_on)
    stored = [r for r in found if r.id != req.id]
    by_case = {r.case_number: r for r in stored}
    out = []
    for match in find_repeat_requests(current, [_summary(r) for r in stored]):
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
        stored = _repeat_candidates(session, name or "", identity_hash, received_on)
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


# ---------------------------------------------------------------- one case


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


def category_names(ctx: ServiceContext, case: str) -> list[str]:
    """Data categories of the case's registers, for erasure and legal-hold pickers."""
    with ctx.read() as session:
        return sorted(
            {c.name for c in _category_names(find_case(session, case)).values()}, key=str.casefold
        )


# -------------------------------------------------------------------- lists

_R = m.RightsRequest
_SUBJECT = aliased(m.Person, name="subject")
_REQUESTER = aliased(m.Person, name="requester")
_COLUMNS = (
    _R.id,
    _R.case_number,
    _R.received_on,
    _R.status,
    _R.classification,
    _R.effective_due_on,
    _R.extended_due_on,
    _R.clock_state,
    _R.awaiting_identity,
    _R.deadline_problem,
    _SUBJECT.name.label("subject_name"),
    _REQUESTER.name.label("requester_name"),
)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_filter(text: str) -> Any:
    """Part of the case number, or every word of it in the subject's or requester's
    normalised name (the name key is case-folded, so Ä matches ä)."""
    number = _R.case_number.like(_like(canonical_case_number(text)), escape="\\")
    words = normalise_name(text).split()
    if not words:
        return number
    names = [
        and_(*(person.name_key.like(_like(w), escape="\\") for w in words))
        for person in (_SUBJECT, _REQUESTER)
    ]
    return or_(number, *names)


def _bucket_filter(bucket: str, today: date) -> Any:
    is_open = _R.status.in_([s.value for s in OPEN_STATUSES])
    # `clock_state || ''`: not a term of the due-order index, so that SQLite finds the
    # few open cases through the status index instead of walking every dated case
    dated = _R.clock_state.concat("") == CLOCK_DATED
    if bucket == OVERDUE:
        return and_(is_open, dated, _R.effective_due_on < today)
    if bucket == DUE_SOON:
        soon = today + timedelta(days=dl.DUE_SOON_DAYS)
        return and_(is_open, dated, _R.effective_due_on.between(today, soon))
    if bucket == AWAITING_IDENTITY:
        return _R.awaiting_identity == True  # noqa: E712 - `= 1`, which the index serves
    if bucket == OPEN:
        return is_open
    raise ValueError(bucket)


# The queues select a few open cases among all: left to itself SQLite would walk the
# due-order index through every closed case to avoid sorting them. Ordering by an
# expression (the same text, `clock_state || ''`) lets it use the status (or
# awaiting-identity) index for the WHERE and sort the few rows found.
_SORT_THE_FEW = frozenset({OVERDUE, DUE_SOON, AWAITING_IDENTITY})


def _order(query: RequestQuery) -> list[Any]:
    clock = _R.clock_state.concat("") if query.bucket in _SORT_THE_FEW else _R.clock_state
    due = [clock, _R.effective_due_on, _R.received_on, _R.case_number]
    if query.order == "due":
        keys = due
    elif query.order == "received":
        keys = [_R.received_on, _R.case_number]
    elif query.order == "case":
        keys = [_R.year, _R.sequence, _R.case_number]
    elif query.order == "status":  # by the label the officer reads, in the UI language
        labels = {s.value: label(STATUSES, s).casefold() for s in RequestStatus}
        keys = [case(labels, value=_R.status, else_=_R.status), *due]
    elif query.order == "subject":
        keys = [_SUBJECT.name.collate("NOCASE"), _R.case_number]
    else:
        raise ValueError(query.order)
    return [k.desc() for k in keys] if query.descending else keys


def _select(query: RequestQuery, today: date, columns: Sequence[Any] = _COLUMNS) -> Select:
    stmt = (
        select(*columns)
        .select_from(_R)
        .join(_SUBJECT, _R.subject_id == _SUBJECT.id)
        .outerjoin(_REQUESTER, _R.requester_id == _REQUESTER.id)
    )
    if query.status == OPEN:
        stmt = stmt.where(_bucket_filter(OPEN, today))
    elif query.status is not None:
        stmt = stmt.where(_R.status == RequestStatus(query.status).value)
    if query.due_before is not None:
        stmt = stmt.where(_R.clock_state == CLOCK_DATED, _R.effective_due_on < query.due_before)
    if query.bucket is not None:
        stmt = stmt.where(_bucket_filter(query.bucket, today))
    if query.text and query.text.strip():
        stmt = stmt.where(_text_filter(query.text.strip()))
    return stmt


def _rows(session: Session, found: Sequence[Any], today: date) -> list[RequestRow]:
    """RequestRows for selected rows: their rights in one query, and the sentence of a
    deadline problem only for the rare rows that have one."""
    ids = [row.id for row in found]
    rights: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        for request_id, right in session.execute(
            select(m.RequestRight.request_id, m.RequestRight.right)
            .where(m.RequestRight.request_id.in_(ids))
            .order_by(m.RequestRight.id)
        ):
            rights[request_id].append(right)
    problems: dict[int, str | None] = {}
    troubled = [row.id for row in found if row.deadline_problem]
    if troubled:
        policy = settings.pause_policy(session)
        for req in session.scalars(
            select(_R)
            .where(_R.id.in_(troubled))
            .options(selectinload(_R.pauses), selectinload(_R.letters), selectinload(_R.events))
        ):
            problems[req.id] = deadline_for_display(req, policy)[1]
    out = []
    for row in found:
        open_case = row.status in OPEN_STATUSES
        due = row.effective_due_on
        urgency = (
            dl.urgency_on(due, today, has_deadline=row.clock_state not in (None, CLOCK_UNDATED))
            if open_case
            else RequestStatus(row.status)
        )
        out.append(
            RequestRow(
                case_number=row.case_number,
                received_on=row.received_on,
                subject=row.subject_name,
                requester=row.requester_name,
                rights=tuple(rights[row.id]),
                status=row.status,
                classification=row.classification,
                due=due,
                days_left=None if due is None else (due - today).days,
                urgency=urgency.value,
                awaiting_identity=bool(row.awaiting_identity),
                extended=row.extended_due_on is not None,
                problem=problems.get(row.id),
            )
        )
    return out


def request_page(
    ctx: ServiceContext, query: RequestQuery = RequestQuery(), *, offset: int = 0, limit: int = PAGE
) -> list[RequestRow]:
    """One page of the list: `limit` cases from `offset`, in the query's order."""
    today = ctx.today()
    with ctx.read() as session:
        found = session.execute(
            _select(query, today).order_by(*_order(query)).offset(offset).limit(limit)
        ).all()
        return _rows(session, found, today)


def count_requests(ctx: ServiceContext, query: RequestQuery = RequestQuery()) -> int:
    """How many cases the query shows (one COUNT)."""
    with ctx.read() as session:
        return session.scalar(_select(query, ctx.today(), (func.count(),))) or 0


def iter_requests(
    ctx: ServiceContext,
    query: RequestQuery = RequestQuery(),
    *,
    offset: int = 0,
    limit: int | None = None,
    batch: int = 500,
) -> Iterator[RequestRow]:
    """The cases the query shows (from `offset`, at most `limit`), in order, streamed
    `batch` at a time in one read (constant memory however many cases there are)."""
    today = ctx.today()
    stmt = _select(query, today).order_by(*_order(query))
    if offset or limit is not None:
        stmt = stmt.offset(offset).limit(-1 if limit is None else limit)
    with ctx.read() as session:
        result = session.execute(stmt.execution_options(yield_per=batch))
        for part in result.partitions():
            yield from _rows(session, part, today)


def list_requests(
    ctx: ServiceContext,
    *,
    status: RequestStatus | str | None = None,
    due_before: date | None = None,
) -> list[RequestRow]:
    """Cases by due date (no date last); `due_before` keeps effective due < that date."""
    return list(iter_requests(ctx, RequestQuery(status=status, due_before=due_before)))


def sort_key(row: RequestRow) -> tuple:
    """The list's order for rows in hand: by due date; then cases whose clock is
    stopped; then those without a deadline (the SQL order of RequestQuery "due")."""
    rank = 0 if row.due is not None else (1 if row.urgency == dl.Urgency.SUSPENDED else 2)
    return (rank, row.due or date.max, row.received_on, row.case_number)


def status_counts(ctx: ServiceContext) -> dict[str, int]:
    """Cases by status, every status present (one grouped query on the status index)."""
    with ctx.read() as session:
        return _status_counts(session)


def _status_counts(session: Session) -> dict[str, int]:
    counts = {s.value: 0 for s in RequestStatus}
    for status, n in session.execute(select(_R.status, func.count()).group_by(_R.status)):
        counts[status] = n
    return counts


def dashboard(ctx: ServiceContext, *, limit: int = QUEUE_LIMIT) -> Dashboard:
    """Overdue, due within seven days, awaiting identity and open cases (the first
    `limit` of each, with how many there are), and counts by status."""
    today = ctx.today()
    queues: dict[str, tuple[RequestRow, ...]] = {}
    totals: dict[str, int] = {}
    with ctx.read() as session:
        counts = _status_counts(session)
        for bucket in BUCKETS:
            query = RequestQuery(bucket=bucket)
            found = []
            if limit > 0:
                stmt = _select(query, today).order_by(*_order(query)).limit(limit)
                found = session.execute(stmt).all()
            queues[bucket] = tuple(_rows(session, found, today))
            totals[bucket] = (
                len(found)
                if len(found) < limit
                else session.scalar(_select(query, today, (func.count(),))) or 0
            )
    return Dashboard(
        today=today,
        overdue=queues[OVERDUE],
        due_soon=queues[DUE_SOON],
        awaiting_identity=queues[AWAITING_IDENTITY],
        open_cases=queues[OPEN],
        counts=counts,
        totals=totals,
    )
