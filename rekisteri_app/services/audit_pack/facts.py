"""The plain facts a pack is made of, read once from the database.

Every member of the pack is built from these frozen values, never from ORM rows, so the
whole pack describes one moment of the database (one read transaction) and the builders
can be tested without one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...documents.pack import ChainAnchor, FindingLine, RecordsData, RegisterSummary


@dataclass(frozen=True)
class PauseFacts:
    kind: str
    asked_on: date
    received_on: date | None


@dataclass(frozen=True)
class RightFacts:
    right: str
    outcome: str
    legal_ground: str | None
    decided_on: date | None


@dataclass(frozen=True)
class LetterFacts:
    id: int
    case_number: str
    kind: str
    language: str
    issued_on: date
    sent_via: str
    sha256: str
    size: int
    subject_name: str = ""  # only in an identified pack


@dataclass(frozen=True)
class CaseFacts:
    """One request as the pack shows it. `identifiers` (names, addresses, e-mails,
    phones, customer numbers of its persons) are kept only to strike them out of the
    free texts a pseudonymised pack prints; no member writes them."""

    case_number: str
    received_on: date
    channel: str
    language: str
    classification: str
    authority: str
    status: str
    registers: tuple[str, ...]
    rights: tuple[RightFacts, ...]
    identity_verified_on: date | None
    identity_method: str | None
    pauses: tuple[PauseFacts, ...]
    extended_on: date | None
    extension_reasons: str
    due: date | None
    extended_due: date | None
    effective_due: date | None
    answered_on: date | None
    closed_on: date | None
    letters: tuple[LetterFacts, ...]
    repeat_of: tuple[str, ...] = ()
    subject_name: str = ""  # only in an identified pack
    requester_name: str = ""  # only in an identified pack
    identifiers: tuple[str, ...] = field(default=(), repr=False)

    @property
    def is_gdpr(self) -> bool:
        return self.classification == "gdpr"

    @property
    def days_taken(self) -> int | None:
        return None if self.answered_on is None else (self.answered_on - self.received_on).days

    @property
    def on_time(self) -> bool | None:
        """Answered by the deadline in force; None when unanswered or not determinable."""
        if self.answered_on is None or self.effective_due is None:
            return None
        return self.answered_on <= self.effective_due

    def status_on(self, day: date) -> str:
        """ "open", "answered" or "closed" as the dates stand at the end of `day`."""
        if self.closed_on is not None and self.closed_on <= day:
            return "closed"
        if self.answered_on is not None and self.answered_on <= day:
            return "answered"
        return "open"


@dataclass(frozen=True)
class ProcessorFacts:
    name: str
    business_id: str
    country: str
    address: str
    contact_name: str
    email: str
    phone: str
    services: tuple[str, ...]
    dpa_signed_on: date | None
    dpa_review_on: date | None
    parent: str
    registers: tuple[str, ...]
    verdict: str
    findings: tuple[str, ...]  # finding codes
    notes: str


@dataclass(frozen=True)
class TransferFacts:
    register: str
    country: str
    recipient: str
    processor: str
    safeguard: str
    scc_module: str
    dpf_checked_on: date | None
    derogation: str
    description: str
    verdict: str
    findings: tuple[str, ...]  # finding codes


@dataclass(frozen=True)
class Organisation:
    name: str
    app_version: str
    schema_revision: str


@dataclass(frozen=True)
class PackFacts:
    """Everything the member builders read, except the audit events (streamed)."""

    organisation: Organisation
    today: date  # the Helsinki day of creation: the checker's "as of"
    cases: tuple[CaseFacts, ...]
    letters: tuple[LetterFacts, ...]  # issued in the period
    processors: tuple[ProcessorFacts, ...]
    transfers: tuple[TransferFacts, ...]
    findings: tuple[FindingLine, ...]
    registers: tuple[RegisterSummary, ...]
    records: RecordsData
    registers_document: dict  # the exchange format's register part
    chain: ChainAnchor
    first_event_id: int | None  # the period's events are ids first..last, in order
    last_event_id: int | None
    # breaches known in the period: services/breaches/report.py rows (COLUMNS), free
    # texts already scrubbed in a pseudonymised pack
    breaches: tuple[dict, ...] = ()
