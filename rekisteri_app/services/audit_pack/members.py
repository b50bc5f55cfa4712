"""The files of an audit pack, one builder per file (or group of files).

A builder takes the build context and yields `Member`s: a name, the key of its
description on the cover, and a producer of its bytes. The producers run one after the
other while the ZIP is written, so a large member (the audit log) is streamed and never
held whole. A new part of the pack (as breaches.csv was) is one more builder in
`BUILDERS` and one more key in resources/pack/<lang>.json "members".

Machine-readable files use stable English column names and the stored identifiers of
closed values (docs/audit-pack.md describes every column), so they read the same
whatever the pack's language; only the PDFs and the findings' message column follow it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from ...csv_output import csv_bytes
from ...documents.pack import IndexData, MemberLine, render_index_pdf, render_records_pdf
from ...i18n import _
from ...storage import audit
from ..breaches.report import breach_figures, breach_log_csv
from ..context import ServiceError
from ..exchange import dump_json
from . import collect
from .facts import CaseFacts, PackFacts
from .figures import figures
from .options import PackOptions
from .pseudonym import changed_fields, is_verbatim

AUDIT_LOG = "audit-log.jsonl"
MANIFEST = "manifest.json"
INDEX = "index.pdf"


@dataclass(frozen=True)
class Member:
    name: str
    key: str  # description key in resources/pack/<lang>.json "members"
    produce: Callable[[], Iterable[bytes]]


@dataclass
class BuildContext:
    session: Session
    facts: PackFacts
    options: PackOptions
    created_at: datetime
    tick: Callable[[], None] = lambda: None  # called often in long producers (cancel)
    names: tuple[MemberLine, ...] = ()  # every member, known before any is produced


MemberBuilder = Callable[[BuildContext], Iterable[Member]]


def _d(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _once(data: Callable[[], bytes]) -> Callable[[], Iterable[bytes]]:
    return lambda: [data()]


def canonical(value: Any) -> bytes:
    """JSON that is the same bytes for the same value: sorted keys, UTF-8, LF."""
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


# ------------------------------------------------------------------------ documents


def index_pdf(ctx: BuildContext) -> Iterable[Member]:
    def produce() -> bytes:
        f = ctx.facts
        data = IndexData(
            organisation=f.organisation.name,
            period_start=ctx.options.period.start,
            period_end=ctx.options.period.end,
            created_at=ctx.created_at,
            findings_as_of=f.today,
            app_version=f.organisation.app_version,
            schema_revision=f.organisation.schema_revision,
            identified=ctx.options.identify,
            chain=f.chain,
            figures=figures(f.cases, ctx.options.period, identified=ctx.options.identify),
            findings=f.findings,
            registers=f.registers,
            members=ctx.names,
            breaches=breach_figures(f.breaches),
        )
        return render_index_pdf(data, ctx.options.language)

    yield Member(INDEX, "index", _once(produce))


def records_pdf(ctx: BuildContext) -> Iterable[Member]:
    yield Member(
        "records-of-processing.pdf",
        "records",
        _once(lambda: render_records_pdf(ctx.facts.records, ctx.options.language)),
    )


def registers_json(ctx: BuildContext) -> Iterable[Member]:
    yield Member(
        "registers.json",
        "registers_json",
        _once(lambda: dump_json(ctx.facts.registers_document).encode("utf-8")),
    )


# ------------------------------------------------------------------------------ CSV

PROCESSOR_COLUMNS = (
    "name",
    "business_id",
    "country",
    "address",
    "contact_name",
    "email",
    "phone",
    "services",
    "dpa_signed_on",
    "dpa_review_on",
    "parent",
    "registers",
    "verdict",
    "findings",
    "notes",
)


def processors_csv(ctx: BuildContext) -> Iterable[Member]:
    rows = (
        (
            p.name,
            p.business_id,
            p.country,
            p.address,
            p.contact_name,
            p.email,
            p.phone,
            "; ".join(p.services),
            _d(p.dpa_signed_on),
            _d(p.dpa_review_on),
            p.parent,
            "; ".join(p.registers),
            p.verdict,
            "; ".join(p.findings),
            p.notes,
        )
        for p in ctx.facts.processors
    )
    yield Member(
        "processors.csv", "processors_csv", _once(lambda: csv_bytes(PROCESSOR_COLUMNS, rows))
    )


TRANSFER_COLUMNS = (
    "register",
    "country",
    "recipient",
    "processor",
    "safeguard",
    "scc_module",
    "dpf_checked_on",
    "derogation",
    "description",
    "verdict",
    "findings",
)


def transfers_csv(ctx: BuildContext) -> Iterable[Member]:
    rows = (
        (
            t.register,
            t.country,
            t.recipient,
            t.processor,
            t.safeguard,
            t.scc_module,
            _d(t.dpf_checked_on),
            t.derogation,
            t.description,
            t.verdict,
            "; ".join(t.findings),
        )
        for t in ctx.facts.transfers
    )
    yield Member("transfers.csv", "transfers_csv", _once(lambda: csv_bytes(TRANSFER_COLUMNS, rows)))


REQUEST_COLUMNS = (
    "case_number",
    "received_on",
    "channel",
    "language",
    "classification",
    "authority",
    "registers",
    "rights",
    "identity_verified_on",
    "identity_method",
    "pauses",
    "due_on",
    "extended_on",
    "extended_due_on",
    "effective_due_on",
    "answered_on",
    "days_taken",
    "on_time",
    "closed_on",
    "status",
    "status_at_period_end",
    "outcomes",
    "letters_sent",
    "repeat_of",
)
IDENTIFIED_REQUEST_COLUMNS = ("subject_name", "requester_name")


def request_row(case: CaseFacts, period_end: date, identified: bool) -> tuple[Any, ...]:
    row: tuple[Any, ...] = (
        case.case_number,
        _d(case.received_on),
        case.channel,
        case.language,
        case.classification,
        case.authority,
        "; ".join(case.registers),
        ";".join(r.right for r in case.rights),
        _d(case.identity_verified_on),
        case.identity_method or "",
        ";".join(f"{p.kind}:{_d(p.asked_on)}/{_d(p.received_on)}" for p in case.pauses),
        _d(case.due),
        _d(case.extended_on),
        _d(case.extended_due),
        _d(case.effective_due),
        _d(case.answered_on),
        case.days_taken,
        case.on_time,
        _d(case.closed_on),
        case.status,
        case.status_on(period_end),
        ";".join(
            ":".join(part for part in (r.right, r.outcome, r.legal_ground or "") if part)
            for r in case.rights
        ),
        ";".join(f"{x.kind}:{_d(x.issued_on)}" for x in case.letters),
        ";".join(case.repeat_of),
    )
    if identified:
        row += (case.subject_name, case.requester_name)
    return row


def requests_csv(ctx: BuildContext) -> Iterable[Member]:
    identified = ctx.options.identify
    headers = REQUEST_COLUMNS + (IDENTIFIED_REQUEST_COLUMNS if identified else ())
    end = ctx.options.period.end
    rows = (request_row(case, end, identified) for case in ctx.facts.cases)
    yield Member("requests.csv", "requests_csv", _once(lambda: csv_bytes(headers, rows)))


LETTER_COLUMNS = (
    "letter_id",
    "case_number",
    "kind",
    "language",
    "issued_on",
    "sent_via",
    "sha256",
    "size_bytes",
    "file",
)


def letter_file(letter) -> str:
    """A letter's name in the pack: case, id and kind, never the addressee."""
    return f"letters/{letter.case_number}-{letter.id:06d}-{letter.kind}.pdf"


def letters_csv(ctx: BuildContext) -> Iterable[Member]:
    identified = ctx.options.identify
    headers = LETTER_COLUMNS + (("subject_name",) if identified else ())
    rows = (
        (
            x.id,
            x.case_number,
            x.kind,
            x.language,
            _d(x.issued_on),
            x.sent_via,
            x.sha256,
            x.size,
            letter_file(x) if ctx.options.include_letters else "",
        )
        + ((x.subject_name,) if identified else ())
        for x in ctx.facts.letters
    )
    yield Member("letters.csv", "letters_csv", _once(lambda: csv_bytes(headers, rows)))


def breaches_csv(ctx: BuildContext) -> Iterable[Member]:
    """The breach log (services/breaches/report.py: one line per breach known in the
    period, no recipients)."""
    rows = ctx.facts.breaches
    yield Member("breaches.csv", "breaches_csv", _once(lambda: breach_log_csv(rows)))


FINDING_COLUMNS = ("severity", "code", "subject_kind", "subject_name", "article", "message")


def findings_csv(ctx: BuildContext) -> Iterable[Member]:
    rows = (
        (f.severity, f.code, f.subject_kind, f.subject_name, f.article, f.message)
        for f in ctx.facts.findings
    )
    yield Member("findings.csv", "findings_csv", _once(lambda: csv_bytes(FINDING_COLUMNS, rows)))


def letter_files(ctx: BuildContext) -> Iterable[Member]:
    if not ctx.options.include_letters:
        return
    for letter in ctx.facts.letters:

        def produce(ident: int = letter.id) -> Iterable[bytes]:
            ctx.tick()
            return [collect.letter_pdf(ctx.session, ident)]

        yield Member(letter_file(letter), "letters", produce)


# -------------------------------------------------------------------------- the log


def audit_line(event: Any, position: int) -> dict[str, Any]:
    """One event as audit-log.jsonl holds it: verbatim for the organisation's entities,
    without its snapshots (only the names of the changed fields) for everything else."""
    line: dict[str, Any] = {
        "kind": "event",
        "position": position,
        "id": event.id,
        "at": event.at,
        "actor": event.actor,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }
    if is_verbatim(event.entity):
        line["before_json"] = event.before_json
        line["after_json"] = event.after_json
        if event.scheme != audit.SCHEME_LEGACY:  # what the hash covers, to check it
            line["scheme"] = event.scheme
            line["payload_salt"] = event.payload_salt
            line["before_digest"] = event.before_digest
            line["after_digest"] = event.after_digest
    else:
        line["redacted"] = True
        line["changed"] = changed_fields(event.before_json, event.after_json)
    return line


def line_bytes(line: dict[str, Any]) -> bytes:
    return (
        json.dumps(line, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    ).encode("utf-8")


def audit_log(ctx: BuildContext) -> Iterable[Member]:
    chain = ctx.facts.chain

    def produce() -> Iterator[bytes]:
        yield line_bytes(
            {"kind": "start", "position": chain.first_position - 1, "hash": chain.previous_hash}
        )
        position = chain.first_position
        prev = chain.previous_hash
        events = collect.events(ctx.session, ctx.facts.first_event_id, ctx.facts.last_event_id)
        for count, event in enumerate(events):
            if event.prev_hash != prev or audit.expected_hash(prev, event) != event.hash:
                raise ServiceError(
                    _(
                        "The audit trail is broken at event #{id}: run `rekisteri audit "
                        "verify`. No pack was written."
                    ).format(id=event.id)
                )
            yield line_bytes(audit_line(event, position))
            prev = event.hash
            position += 1
            if count % 1000 == 999:
                ctx.tick()
        if position - 1 != chain.last_position:
            raise ServiceError(_("The audit trail changed while the pack was written."))

    yield Member(AUDIT_LOG, "audit_log", produce)


BUILDERS: list[MemberBuilder] = [
    index_pdf,
    records_pdf,
    registers_json,
    processors_csv,
    transfers_csv,
    requests_csv,
    letters_csv,
    breaches_csv,
    findings_csv,
    letter_files,
    audit_log,
]


def members(ctx: BuildContext) -> list[Member]:
    """Every member, sorted by name; the context learns the list for the cover."""
    found = sorted((m for build in BUILDERS for m in build(ctx)), key=lambda m: m.name)
    lines = [MemberLine(m.name, m.key) for m in found if not m.name.startswith("letters/")]
    if any(m.name.startswith("letters/") for m in found):
        lines.append(MemberLine("letters/", "letters"))
    lines.append(MemberLine(MANIFEST, "manifest"))
    ctx.names = tuple(sorted(lines, key=lambda line: line.name))
    return found
