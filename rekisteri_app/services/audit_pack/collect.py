"""Reading the period's data out of the database into plain facts, in one session.

The caller holds the session open while the pack is written, so the audit events it
streams and the facts read here come from the same read transaction: the chain head on
the cover is the head of exactly the data in the pack.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from ... import __version__
from ...documents.pack import (
    ChainAnchor,
    FindingLine,
    NoticeVersionLine,
    RecordAutomated,
    RecordCategory,
    RecordContact,
    RecordController,
    RecordLegalBasis,
    RecordProcessor,
    RecordRecipient,
    RecordRetention,
    RecordsData,
    RecordSecurity,
    RecordSource,
    RecordSubjectGroup,
    RecordTransfer,
    RegisterRecord,
    RegisterSummary,
)
from ...domain.deadlines import add_months
from ...domain.repeat_requests import RequestSummary, latest_repeats
from ...i18n import _
from ...storage import audit
from ...storage import models as m
from .. import settings
from ..compliance import FindingRow, check_session
from ..context import HELSINKI, ServiceError
from ..exchange import entity_to_dict
from ..exchange_spec import FORMAT, VERSION
from ..requests import OPEN_STATUSES, deadline_for_display
from .facts import (
    CaseFacts,
    LetterFacts,
    Organisation,
    PackFacts,
    PauseFacts,
    ProcessorFacts,
    RightFacts,
    TransferFacts,
)
from .options import PackOptions, Period
from .pseudonym import scrub

R = m.RightsRequest


def _s(value: str | None) -> str:
    return (value or "").strip()


def utc_bounds(period: Period) -> tuple[str, str]:
    """The period's first and first-after instants as the audit table stores times."""

    def stamp(day: date) -> str:
        moment = datetime.combine(day, time.min, HELSINKI).astimezone(UTC)
        return moment.isoformat(timespec="microseconds")

    return stamp(period.start), stamp(period.end + timedelta(days=1))


# ------------------------------------------------------------------------- requests


def _in_pack(period: Period):
    """Cases received by the period's end and not finished before it began."""
    return (R.received_on <= period.end) & or_(
        R.status.in_([s.value for s in OPEN_STATUSES]),
        R.answered_on >= period.start,
        R.closed_on >= period.start,
        (R.answered_on.is_(None) & R.closed_on.is_(None)),
    )


def _identifiers(req: m.RightsRequest) -> tuple[str, ...]:
    out: list[str] = []
    for person in (req.subject, req.requester):
        if person is None:
            continue
        for value in (person.name, person.address, person.email, person.phone):
            if _s(value):
                out.append(_s(value))
        if _s(person.customer_number):
            out.append(_s(person.customer_number))
    return tuple(out)


def _letter(letter: m.Letter, case_number: str, subject: str) -> LetterFacts:
    return LetterFacts(
        id=letter.id,
        case_number=case_number,
        kind=letter.kind,
        language=letter.language,
        issued_on=letter.issued_on,
        sent_via=letter.sent_via,
        sha256=letter.sha256,
        size=0,
        subject_name=subject,
    )


MAX_REPEATS = 10  # earlier requests listed per case; the database keeps them all


def _repeats(session: Session, period: Period) -> dict[str, tuple[str, ...]]:
    """Case number -> up to ten newest earlier requests of the same person within 12
    months, for every case received in the period (domain.repeat_requests)."""
    earliest = add_months(period.start, -12)
    rows = session.execute(
        select(
            R.case_number,
            R.received_on,
            m.Person.name,
            m.Person.address,
            m.Person.hetu_hash,
        )
        .join(m.Person, m.Person.id == R.subject_id)
        .where(R.received_on >= earliest, R.received_on <= period.end)
    ).all()
    summaries = [
        RequestSummary(case, received, hetu, name or "", address or "")
        for case, received, name, address, hetu in rows
    ]
    targets = [s.case_id for s in summaries if s.received_on in period]
    found = latest_repeats(summaries, targets, MAX_REPEATS)
    return {
        case: tuple(s.case_id for s in sorted(earlier, key=lambda s: (s.received_on, s.case_id)))
        for case, earlier in found.items()
    }


def cases(session: Session, options: PackOptions) -> tuple[CaseFacts, ...]:
    period = options.period
    policy = settings.pause_policy(session)
    repeats = _repeats(session, period)
    query = (
        select(R)
        .where(_in_pack(period))
        .options(
            selectinload(R.subject),
            selectinload(R.requester),
            selectinload(R.rights),
            selectinload(R.pauses),
            selectinload(R.identity_checks),
            selectinload(R.letters),
            selectinload(R.registers).selectinload(m.RequestRegister.register),
        )
        .order_by(R.received_on, R.case_number)
    )
    out = []
    for req in session.scalars(query):
        deadline, _problem = deadline_for_display(req, policy)
        checks = sorted(req.identity_checks, key=lambda c: (c.verified_on, c.id))
        subject = req.subject.name if options.identify else ""
        out.append(
            CaseFacts(
                case_number=req.case_number,
                received_on=req.received_on,
                channel=req.channel,
                language=req.language,
                classification=req.classification,
                authority=req.authority,
                status=req.status,
                registers=tuple(sorted(rr.register.name for rr in req.registers)),
                rights=tuple(
                    RightFacts(r.right, r.outcome, r.legal_ground, r.decided_on) for r in req.rights
                ),
                identity_verified_on=checks[0].verified_on if checks else None,
                identity_method=checks[0].method if checks else None,
                pauses=tuple(
                    PauseFacts(p.kind, p.asked_on, p.received_on)
                    for p in sorted(req.pauses, key=lambda p: (p.asked_on, p.id))
                ),
                extended_on=req.extended_on,
                extension_reasons=_s(req.extension_reasons),
                due=None if deadline is None else deadline.due,
                extended_due=None if deadline is None else deadline.extended_due,
                effective_due=None if deadline is None else deadline.effective_due,
                answered_on=req.answered_on,
                closed_on=req.closed_on,
                letters=tuple(
                    _letter(letter, req.case_number, subject)
                    for letter in sorted(req.letters, key=lambda x: (x.issued_on, x.id))
                ),
                repeat_of=repeats.get(req.case_number, ()),
                subject_name=subject,
                requester_name=(
                    req.requester.name if options.identify and req.requester is not None else ""
                ),
                identifiers=_identifiers(req),
            )
        )
    return tuple(out)


def letters(session: Session, options: PackOptions) -> tuple[LetterFacts, ...]:
    """The letters issued in the period (metadata and size; the PDF bytes are read one
    at a time when they are written)."""
    period = options.period
    rows = session.execute(
        select(
            m.Letter.id,
            R.case_number,
            m.Letter.kind,
            m.Letter.language,
            m.Letter.issued_on,
            m.Letter.sent_via,
            m.Letter.sha256,
            func.length(m.Letter.pdf),
            m.Person.name,
        )
        .join(R, R.id == m.Letter.request_id)
        .join(m.Person, m.Person.id == R.subject_id)
        .where(m.Letter.issued_on >= period.start, m.Letter.issued_on <= period.end)
        .order_by(m.Letter.issued_on, m.Letter.id)
    ).all()
    return tuple(
        LetterFacts(
            ident,
            case,
            kind,
            lang,
            issued,
            via,
            digest,
            int(size or 0),
            name if options.identify else "",
        )
        for ident, case, kind, lang, issued, via, digest, size, name in rows
    )


def letter_pdf(session: Session, letter_id: int) -> bytes:
    return session.scalar(select(m.Letter.pdf).where(m.Letter.id == letter_id)) or b""


# ------------------------------------------------------------ registers and checker


def _verdicts(rows: list[FindingRow]) -> dict[tuple[str, int], tuple[str, tuple[str, ...]]]:
    worst: dict[tuple[str, int], str] = {}
    codes: dict[tuple[str, int], list[str]] = defaultdict(list)
    for row in rows:
        key = (row.subject_kind, row.subject_id)
        codes[key].append(row.code)
        if row.severity == "red" or key not in worst:
            worst[key] = row.severity
    return {key: (worst[key], tuple(codes[key])) for key in worst}


def _dpo(controller: m.Controller) -> str:
    """The DPO's contact details for Art. 30(1)(a): the shared DPO entity (issue 12) as
    recorded, and the controller's own DPO text where that is what the record holds."""
    dpo = controller.dpo
    parts = []
    if dpo is not None:
        address = " ".join(_s(dpo.address).split())
        parts = [_s(x) for x in (dpo.name, dpo.role, dpo.phone, dpo.email, address, dpo.web)]
    parts.append(_s(controller.dpo_contact))
    return ", ".join(p for p in parts if p)


def _record(
    reg: m.Register, verdicts: dict, messages: dict[int, tuple[str, ...]]
) -> RegisterRecord:
    return RegisterRecord(
        name=reg.name,
        description=_s(reg.description),
        controllers=tuple(
            RecordController(
                name=rc.controller.name,
                role=rc.role,
                business_id=_s(rc.controller.business_id),
                postal_address=_s(rc.controller.postal_address),
                visiting_address=_s(rc.controller.visiting_address),
                phone=_s(rc.controller.phone),
                email=_s(rc.controller.email),
                web=_s(rc.controller.web),
                dpo_contact=_dpo(rc.controller),
            )
            for rc in reg.controllers
        ),
        contacts=tuple(
            RecordContact(
                _s(c.name), _s(c.role), _s(c.scope), _s(c.phone), _s(c.email), _s(c.address)
            )
            for c in [*reg.contacts, *(c for rc in reg.controllers for c in rc.controller.contacts)]
        ),
        purposes=tuple(_s(p.text) for p in reg.purposes if _s(p.text)),
        legal_bases=tuple(
            RecordLegalBasis(b.article, _s(b.national_law), _s(b.description))
            for b in reg.legal_bases
        ),
        subject_groups=tuple(
            RecordSubjectGroup(_s(g.name), _s(g.description)) for g in reg.subject_groups
        ),
        categories=tuple(
            RecordCategory(_s(c.name), _s(c.heading), _s(c.subject_group), bool(c.special))
            for c in reg.data_categories
        ),
        sources=tuple(RecordSource(_s(x.name), x.kind, _s(x.description)) for x in reg.sources),
        recipients=tuple(
            RecordRecipient(_s(x.name), x.kind, _s(x.description), _s(x.legal_basis))
            for x in reg.recipients
        ),
        processors=tuple(
            RecordProcessor(
                name=rp.processor.name,
                service=_s(rp.service),
                business_id=_s(rp.processor.business_id),
                country=_s(rp.processor.country),
                parent="" if rp.processor.parent is None else rp.processor.parent.name,
                dpa_signed_on=rp.processor.dpa_signed_on,
                dpa_review_on=rp.processor.dpa_review_on,
            )
            for rp in reg.processors
        ),
        transfers=tuple(
            RecordTransfer(
                country=t.country,
                recipient=t.recipient,
                safeguard=t.safeguard,
                verdict=verdicts.get(("transfer", t.id), ("ok", ()))[0],
                scc_module=t.scc_module,
                dpf_checked_on=t.dpf_checked_on,
                derogation=_s(t.derogation),
                description=_s(t.description),
                processor="" if t.processor is None else t.processor.name,
                findings=messages.get(t.id, ()),
            )
            for t in reg.transfers
        ),
        transfers_statement=_s(reg.transfers_statement),
        retention=tuple(
            RecordRetention(
                applies_to=_s(r.applies_to),
                category="" if r.data_category is None else r.data_category.name,
                period_value=r.period_value,
                period_unit=r.period_unit,
                trigger=_s(r.trigger),
                description=_s(r.description),
                legal_ground=_s(r.legal_ground),
            )
            for r in reg.retention_rules
        ),
        retention_statement=_s(reg.retention_statement),
        security=tuple(RecordSecurity(x.kind, _s(x.text)) for x in reg.security_measures),
        automated=tuple(
            RecordAutomated(_s(a.description), _s(a.logic), _s(a.consequences), a.is_profiling)
            for a in reg.automated_decisions
        ),
    )


def _versions(session: Session) -> dict[int, list[NoticeVersionLine]]:
    """Notice versions per register id (metadata only, never the stored bytes)."""
    V = m.NoticeVersion
    out: dict[int, list[NoticeVersionLine]] = defaultdict(list)
    for register_id, version, issued, lang, fmt, digest in session.execute(
        select(V.register_id, V.version, V.issued_on, V.language, V.format, V.sha256).order_by(
            V.issued_on, V.id
        )
    ):
        out[register_id].append(NoticeVersionLine(version, issued, lang, fmt, digest))
    return out


def _organisation_name(session: Session) -> str:
    name = settings.read(session, settings.ORGANISATION_NAME)
    if name:
        return name
    names = session.scalars(select(m.Controller.name).order_by(m.Controller.name)).all()
    return ", ".join(names)


def _schema_revision(session: Session) -> str:
    try:
        return session.scalar(text("SELECT version_num FROM alembic_version")) or ""
    except Exception:  # a database made outside the migrations (tests): no table
        return ""


def _chain(session: Session, period: Period) -> tuple[ChainAnchor, int | None, int | None]:
    """The head at creation and where the period's events sit in the chain. Refuses
    when the recorded head does not match the stored events (run `audit verify`)."""
    E = m.AuditEvent
    head = audit.head(session)
    length = int(session.scalar(select(func.count()).select_from(E)) or 0)
    if length != head.count or audit.hash_at(session, length) != head.hash:
        raise ServiceError(
            _(
                "The audit trail does not end where its recorded head says: events were "
                "removed or altered. Run `rekisteri audit verify`; no pack was written."
            )
        )
    start, after = utc_bounds(period)
    first, last = session.execute(
        select(func.min(E.id), func.max(E.id)).where(E.at >= start, E.at < after)
    ).one()
    if first is None:
        before = int(session.scalar(select(func.count()).select_from(E).where(E.at < after)) or 0)
        previous = audit.hash_at(session, before) or audit.GENESIS
        return ChainAnchor(head.count, head.hash, before + 1, before, previous), None, None
    position = audit.count_before(session, first) + 1
    last_position = audit.count_before(session, last) + 1
    previous = audit.hash_at(session, position - 1) or audit.GENESIS
    return ChainAnchor(head.count, head.hash, position, last_position, previous), first, last


def events(session: Session, first_id: int | None, last_id: int | None) -> Iterator[m.AuditEvent]:
    """The period's events in chain order, a thousand rows at a time."""
    if first_id is None or last_id is None:
        return iter(())
    E = m.AuditEvent
    return iter(
        session.scalars(
            select(E)
            .where(E.id >= first_id, E.id <= last_id)
            .order_by(E.id)
            .execution_options(yield_per=1000)
        )
    )


def breaches(session: Session, options: PackOptions) -> tuple[dict, ...]:
    """The breach log of the period; in a pseudonymised pack the free texts lose the
    names, addresses and e-mails of the breach's own mail-merge recipients."""
    from ..breaches.report import FREE_TEXT, breach_log

    rows = breach_log(session, options.period.start, options.period.end)
    if options.identify:
        return tuple(rows)
    people: dict[str, list[str]] = defaultdict(list)
    query = select(m.Breach.reference, m.BreachRecipient).join(m.Breach.recipients)
    for reference, person in session.execute(query):
        people[reference] += [_s(person.name), _s(person.address), _s(person.email)]
    out = []
    for row in rows:
        known = tuple(value for value in people.get(row["reference"], ()) if value)
        out.append({**row, **{key: scrub(row[key] or "", known) for key in FREE_TEXT}})
    return tuple(out)


def collect(session: Session, options: PackOptions, today: date) -> PackFacts:
    """Every fact of the pack but the audit events (see `events`)."""
    from ...documents.pack import load_texts

    lang = options.language
    chain, first_id, last_id = _chain(session, options.period)
    finding_rows = check_session(session, today)
    verdicts = _verdicts(finding_rows)
    transfer_messages: dict[int, list[str]] = defaultdict(list)
    for row in finding_rows:
        if row.subject_kind == "transfer":
            transfer_messages[row.subject_id].append(row.text(lang))
    messages = {key: tuple(value) for key, value in transfer_messages.items()}
    registers = session.scalars(select(m.Register).order_by(m.Register.name, m.Register.id)).all()
    versions = _versions(session)
    summaries = []
    for reg in registers:
        own = [
            r
            for r in finding_rows
            if (r.subject_kind == "register" and r.subject_id == reg.id)
            or (r.subject_kind == "transfer" and r.register_id == reg.id)
        ]
        listed = versions.get(reg.id, [])
        before = [v for v in listed if v.issued_on < options.period.start]
        summaries.append(
            RegisterSummary(
                name=reg.name,
                controllers=tuple(rc.controller.name for rc in reg.controllers),
                versions_in_period=tuple(v for v in listed if v.issued_on in options.period),
                in_force_at_start=before[-1] if before else None,
                red_findings=sum(1 for r in own if r.severity == "red"),
                amber_findings=sum(1 for r in own if r.severity == "amber"),
            )
        )
    processors = session.scalars(
        select(m.Processor).order_by(m.Processor.name, m.Processor.id)
    ).all()
    used_by: dict[int, list[str]] = defaultdict(list)
    for reg in registers:
        for rp in reg.processors:
            used_by[rp.processor_id].append(reg.name)
    organisation = Organisation(_organisation_name(session), __version__, _schema_revision(session))
    load_texts(lang)  # fail before any work on a broken installation
    return PackFacts(
        organisation=organisation,
        today=today,
        cases=cases(session, options),
        letters=letters(session, options),
        processors=tuple(
            ProcessorFacts(
                name=p.name,
                business_id=_s(p.business_id),
                country=_s(p.country),
                address=_s(p.address),
                contact_name=_s(p.contact_name),
                email=_s(p.email),
                phone=_s(p.phone),
                services=tuple(s.strip() for s in (p.services or "").splitlines() if s.strip()),
                dpa_signed_on=p.dpa_signed_on,
                dpa_review_on=p.dpa_review_on,
                parent="" if p.parent is None else p.parent.name,
                registers=tuple(sorted(set(used_by.get(p.id, ())))),
                verdict=verdicts.get(("processor", p.id), ("ok", ()))[0],
                findings=verdicts.get(("processor", p.id), ("ok", ()))[1],
                notes=_s(p.notes),
            )
            for p in processors
        ),
        transfers=tuple(
            TransferFacts(
                register=reg.name,
                country=t.country,
                recipient=t.recipient,
                processor="" if t.processor is None else t.processor.name,
                safeguard=t.safeguard,
                scc_module=t.scc_module or "",
                dpf_checked_on=t.dpf_checked_on,
                derogation=_s(t.derogation),
                description=_s(t.description),
                verdict=verdicts.get(("transfer", t.id), ("ok", ()))[0],
                findings=verdicts.get(("transfer", t.id), ("ok", ()))[1],
            )
            for reg in registers
            for t in reg.transfers
        ),
        findings=tuple(
            FindingLine(r.severity, r.subject_kind, r.subject_name, r.article, r.code, r.text(lang))
            for r in finding_rows
        ),
        registers=tuple(summaries),
        records=RecordsData(
            organisation=organisation.name,
            period_start=options.period.start,
            period_end=options.period.end,
            head_count=chain.head_count,
            head_hash=chain.head_hash,
            registers=tuple(_record(reg, verdicts, messages) for reg in registers),
        ),
        registers_document={
            "format": FORMAT,
            "version": VERSION,
            "controllers": [
                entity_to_dict(session, "controllers", c)
                for c in session.scalars(select(m.Controller).order_by(m.Controller.id))
            ],
            "processors": [entity_to_dict(session, "processors", p) for p in processors],
            "registers": [entity_to_dict(session, "registers", reg) for reg in registers],
        },
        chain=chain,
        first_event_id=first_id,
        last_event_id=last_id,
        breaches=breaches(session, options),
    )
