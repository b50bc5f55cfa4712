"""The plain input of the audit pack's two PDFs: index.pdf and records-of-processing.pdf.

Services fill these from one read of the database (services/audit_pack); the renderers
only lay them out. Closed values stay stable identifiers (rights, outcomes, safeguards,
ground codes …) and are worded per language by the renderer, so the same data renders
in Finnish, Swedish or English. Nothing here reads a clock: the creation time is an
input, and so the same data gives the same bytes.

A pack never states more than the record holds: an empty field stays empty (the renderer
leaves it out), and a figure that cannot be computed (no answered request, so no median)
is None, printed as a dash, never as zero.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Count:
    """How many of something: `key` is a stable identifier (a right, "2026-03", a ground
    code, a pause kind); "" means "not recorded" where a key may be missing."""

    key: str
    count: int


@dataclass(frozen=True)
class ExtensionLine:
    """An Art. 12(3) extension decided in the period, with the reasons as recorded
    (in a pseudonymised pack, with the case's own names and addresses struck out)."""

    case_number: str
    decided_on: _dt.date
    reasons: str


@dataclass(frozen=True)
class RepeatLine:
    """A request received in the period whose data subject asked before within 12 months."""

    case_number: str
    earlier: tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    """The period's numbers, each defined in docs/audit-pack.md ("index.pdf")."""

    received: int
    received_gdpr: int
    by_right: tuple[Count, ...]
    by_month: tuple[Count, ...]  # every month of the period, zeros included
    answered: int  # GDPR requests answered in the period
    median_days: float | None
    max_days: int | None
    on_time: int
    late: int
    no_deadline: int  # answered, but the deadline could not be determined
    extensions: tuple[ExtensionLine, ...]
    pauses_by_kind: tuple[Count, ...]
    pauses_open_at_end: int
    open_at_end: int
    overdue_at_end: int
    refusals_by_ground: tuple[Count, ...]
    repeats: tuple[RepeatLine, ...]

    @property
    def on_time_share(self) -> float | None:
        judged = self.on_time + self.late
        return None if judged == 0 else self.on_time / judged


@dataclass(frozen=True)
class BreachFigures:
    """The personal data breaches the controller became aware of in the period
    (services/breaches/report.py computes them; docs/audit-pack.md defines each)."""

    recorded: int
    by_risk: tuple[Count, ...]  # "none", "risk", "high"; "" for not yet assessed
    notified: int  # the Ombudsman was notified
    notified_within_72h: int
    notified_late: int
    decided_not_to_notify: int
    awaiting_notification: int  # neither notified nor decided not to notify
    subjects_informed: int
    median_hours_to_notify: float | None
    max_hours_to_notify: float | None


@dataclass(frozen=True)
class ChainAnchor:
    """Where the pack's audit-log segment sits in the chain, and the head at creation."""

    head_count: int
    head_hash: str
    first_position: int  # position of the period's first event (last + 1 when empty)
    last_position: int  # position of its last event (first - 1 when empty)
    previous_hash: str  # hash of the event before the period (GENESIS at the start)

    @property
    def events(self) -> int:
        return max(0, self.last_position - self.first_position + 1)


@dataclass(frozen=True)
class FindingLine:
    """A checker finding at creation, its message already in the pack's language."""

    severity: str  # "red" or "amber"
    subject_kind: str  # "register", "transfer", "processor"
    subject_name: str
    article: str
    code: str
    message: str


@dataclass(frozen=True)
class NoticeVersionLine:
    version: str
    issued_on: _dt.date
    language: str | None
    format: str | None
    sha256: str | None


@dataclass(frozen=True)
class RegisterSummary:
    """One register's page in index.pdf: its notice versions issued in the period and
    the one in force when the period began."""

    name: str
    controllers: tuple[str, ...]
    versions_in_period: tuple[NoticeVersionLine, ...]
    in_force_at_start: NoticeVersionLine | None
    red_findings: int
    amber_findings: int


@dataclass(frozen=True)
class MemberLine:
    """A file of the pack as the cover lists it; `key` names its description."""

    name: str
    key: str


@dataclass(frozen=True)
class IndexData:
    organisation: str
    period_start: _dt.date
    period_end: _dt.date
    created_at: _dt.datetime  # timezone-aware; printed in Europe/Helsinki
    findings_as_of: _dt.date
    app_version: str
    schema_revision: str
    identified: bool
    chain: ChainAnchor
    figures: Figures
    findings: tuple[FindingLine, ...]
    registers: tuple[RegisterSummary, ...]
    members: tuple[MemberLine, ...] = ()
    breaches: BreachFigures | None = None  # None: the pack predates breach records


# --------------------------------------------------------- records of processing


@dataclass(frozen=True)
class RecordController:
    name: str
    role: str  # domain.enums.ControllerRole value
    business_id: str = ""
    postal_address: str = ""
    visiting_address: str = ""
    phone: str = ""
    email: str = ""
    web: str = ""
    dpo_contact: str = ""


@dataclass(frozen=True)
class RecordContact:
    name: str = ""
    role: str = ""
    scope: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class RecordLegalBasis:
    article: str | None  # domain.enums.LegalBasisArticle value
    national_law: str = ""
    description: str = ""


@dataclass(frozen=True)
class RecordSubjectGroup:
    name: str
    description: str = ""


@dataclass(frozen=True)
class RecordCategory:
    name: str
    heading: str = ""
    subject_group: str = ""
    special: bool = False


@dataclass(frozen=True)
class RecordSource:
    name: str
    kind: str  # domain.enums.SourceKind value
    description: str = ""


@dataclass(frozen=True)
class RecordRecipient:
    name: str
    kind: str  # domain.enums.RecipientKind value
    description: str = ""
    legal_basis: str = ""


@dataclass(frozen=True)
class RecordProcessor:
    name: str
    service: str = ""  # what it does for this register
    business_id: str = ""
    country: str = ""
    parent: str = ""
    dpa_signed_on: _dt.date | None = None
    dpa_review_on: _dt.date | None = None


@dataclass(frozen=True)
class RecordTransfer:
    country: str
    recipient: str
    safeguard: str  # domain.enums.Safeguard value
    verdict: str  # "ok", "amber" or "red": the checker's worst finding for it
    scc_module: str | None = None
    dpf_checked_on: _dt.date | None = None
    derogation: str = ""
    description: str = ""
    processor: str = ""
    findings: tuple[str, ...] = ()  # the checker's messages, in the pack's language


@dataclass(frozen=True)
class RecordRetention:
    applies_to: str = ""
    category: str = ""
    period_value: int | None = None
    period_unit: str | None = None  # domain.enums.PeriodUnit value
    trigger: str = ""
    description: str = ""
    legal_ground: str = ""


@dataclass(frozen=True)
class RecordSecurity:
    kind: str  # domain.enums.SecurityKind value
    text: str


@dataclass(frozen=True)
class RecordAutomated:
    description: str
    logic: str = ""
    consequences: str = ""
    is_profiling: bool = False


@dataclass(frozen=True)
class RegisterRecord:
    """Everything Art. 30(1) asks of one register, with every linked item."""

    name: str
    description: str = ""
    controllers: tuple[RecordController, ...] = ()
    contacts: tuple[RecordContact, ...] = ()
    purposes: tuple[str, ...] = ()
    legal_bases: tuple[RecordLegalBasis, ...] = ()
    subject_groups: tuple[RecordSubjectGroup, ...] = ()
    categories: tuple[RecordCategory, ...] = ()
    sources: tuple[RecordSource, ...] = ()
    recipients: tuple[RecordRecipient, ...] = ()
    processors: tuple[RecordProcessor, ...] = ()
    transfers: tuple[RecordTransfer, ...] = ()
    transfers_statement: str = ""
    retention: tuple[RecordRetention, ...] = ()
    retention_statement: str = ""
    security: tuple[RecordSecurity, ...] = ()
    automated: tuple[RecordAutomated, ...] = ()


@dataclass(frozen=True)
class RecordsData:
    organisation: str
    period_start: _dt.date
    period_end: _dt.date
    head_count: int  # the audit-chain head the record was read at
    head_hash: str
    registers: tuple[RegisterRecord, ...] = field(default=())
