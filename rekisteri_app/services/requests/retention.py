"""The application's own retention (GDPR Art. 5(1)(e) applies to the request log too).

A case closed more than N years ago (setting `retention.closed_case_years`, default 5: the
general limitation period of claims is three years, Limitation Act 728/2003 s. 4, and the
Data Protection Ombudsman may still ask how a request was handled; docs/security.md) is
purged: its attachments are deleted, the identity evidence (document type and last four
characters, notes), the requester's and the data subject's personal data, the case's
free texts and the letters' PDF bytes are erased. What stays is a pseudonymous row for
statistics: the case number, dates, channel, language, classification, authority, status,
the rights with their outcomes and legal grounds, the pauses' and the extension's dates,
and each letter's kind, dates and SHA-256 (proof of what was sent, without its text).

A case with a legal hold not yet released is never purged. The purge is one service call
in one transaction with one audit event naming the case numbers. Backups keep purged data
until they are pruned (`backup.keep` days for the automatic ones).

The audit trail's events about the case hold its snapshots (names and addresses
included): their payloads are erased too (`storage.audit.erase_payloads`); the chain covers
salted digests of them, so it still verifies and proves that the events happened. Events
from before migration 0008 on a database whose chain was already broken cannot be erased
and are counted in the audit event (docs/security.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...domain.enums import RequestStatus
from ...storage import audit
from ...storage import models as m
from .. import settings
from ..context import ServiceContext
from .deadlines import store_deadline

# Timeline events whose text is only dates, states and hashes: kept. Every other kind
# (notes, attachment names, fee or extension reasons, decisions' reasons) is blanked.
KEPT_EVENT_TEXT = frozenset({"intake", "status", "pause-asked", "pause-received", "letter-sent"})


@dataclass(frozen=True)
class PurgeCase:
    case_number: str
    closed_on: date
    attachments: int
    letters: int


@dataclass(frozen=True)
class PurgePlan:
    years: int
    cutoff: date  # cases closed before this day are due
    cases: list[PurgeCase] = field(default_factory=list)
    held: int = 0  # due, but a legal hold keeps them


def cutoff_for(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _due(session: Session, cutoff: date) -> tuple[list[m.RightsRequest], int]:
    rows = session.scalars(
        select(m.RightsRequest)
        .where(
            m.RightsRequest.status == RequestStatus.CLOSED.value,
            m.RightsRequest.closed_on.is_not(None),
            m.RightsRequest.closed_on < cutoff,
            m.RightsRequest.purged_on.is_(None),
        )
        .options(
            selectinload(m.RightsRequest.legal_holds),
            selectinload(m.RightsRequest.attachments),
            selectinload(m.RightsRequest.letters),
        )
        .order_by(m.RightsRequest.closed_on, m.RightsRequest.case_number)
    ).all()
    due = [r for r in rows if not any(h.released_on is None for h in r.legal_holds)]
    return due, len(rows) - len(due)


def _plan(session: Session, today: date) -> tuple[PurgePlan, list[m.RightsRequest]]:
    years = int(settings.read(session, settings.RETENTION_YEARS))
    cutoff = cutoff_for(today, years)
    due, held = _due(session, cutoff)
    cases = [PurgeCase(r.case_number, r.closed_on, len(r.attachments), len(r.letters)) for r in due]
    return PurgePlan(years, cutoff, cases, held), due


def purge_plan(ctx: ServiceContext) -> PurgePlan:
    """What `purge` would do today (the dry run): nothing is written."""
    with ctx.read() as session:
        return _plan(session, ctx.today())[0]


def _erase_person(session: Session, person: m.Person | None, keep: set[int]) -> None:
    if person is None or person.id in keep:
        return
    person.name = ""
    person.address = person.email = person.phone = person.customer_number = None
    person.hetu_hash = None


def _purge_case(session: Session, req: m.RightsRequest, today: date, keep: set[int]) -> None:
    _erase_person(session, req.subject, keep)
    requester = req.requester
    if requester is not None and requester.id not in keep:
        req.requester = None
        session.flush()
        session.delete(requester)
    req.description = req.extension_reasons = req.fee_reason = None
    req.address_on_record = req.delivery_address = None
    for correction in req.corrections:  # before/after may be names and addresses
        correction.before = correction.after = None
        correction.reason = ""
    for check in req.identity_checks:
        check.document_type = check.document_last4 = check.note = None
    req.attachments.clear()
    for pause in req.pauses:
        pause.note = None
    for right in req.rights:
        right.reason = None
        for erasure in right.erasures:
            erasure.reason = None
    for hold in req.legal_holds:
        hold.reason = None
    for item in req.events:
        if item.kind not in KEPT_EVENT_TEXT:
            item.text = None
    for letter in req.letters:
        if letter.purged_on is None:
            letter.pdf = b""
            letter.purged_on = today
    req.purged_on = today


def purge(ctx: ServiceContext) -> PurgePlan:
    """Purge every case `purge_plan` lists; returns the plan that was carried out."""
    today = ctx.today()
    with ctx.change() as tx:
        session = tx.session
        plan, due = _plan(session, today)
        if not due:
            return plan
        ids = {r.id for r in due}
        # A person row shared with a case that stays is left as it is.
        keep: set[int] = set()
        for sid, rid in session.execute(
            select(m.RightsRequest.subject_id, m.RightsRequest.requester_id).where(
                m.RightsRequest.id.not_in(ids)
            )
        ):
            keep.update(x for x in (sid, rid) if x is not None)
        for req in due:
            _purge_case(session, req, today, keep)
            store_deadline(session, req)  # the stored columns follow every case write
        session.flush()
        erased = audit.erase_payloads(
            session, "request", [c.case_number for c in plan.cases], today.isoformat()
        )
        tx.audit(
            "purge",
            "requests",
            None,
            None,
            {
                "cases": [c.case_number for c in plan.cases],
                "closed_before": plan.cutoff.isoformat(),
                "years": plan.years,
                "legal_holds_kept": plan.held,
                "audit_snapshots_erased": erased,
            },
        )
        return plan
