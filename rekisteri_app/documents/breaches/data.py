"""The plain data the breach documents are made from.

Services build these from the record; the documents never look anything up, so a draft
or a letter is fully determined by one value. Free texts are printed as the officer wrote
them; closed vocabularies (natures, risk levels, exceptions) are enums, worded by the
document language's file (texts.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ...domain.enums import (
    Art34Exception,
    BreachNature,
    Language,
    NotificationKind,
    RiskLevel,
    SentVia,
)
from ..letters.data import Officer, Organisation, Recipient


@dataclass(frozen=True)
class EarlierNotification:
    kind: NotificationKind
    at: datetime  # aware
    reference: str = ""


@dataclass(frozen=True)
class CategoryConcerned:
    name: str
    special: bool = False


@dataclass(frozen=True)
class NotificationDraft:
    """Everything the notification draft may print. Empty text or None: not recorded.

    No data subject's personal data belongs here: the Ombudsman is told about groups,
    categories and numbers, never about persons.
    """

    language: Language
    reference: str
    prepared_at: datetime  # aware; the moment the draft was made
    aware_at: datetime  # aware
    notify_by: datetime  # aware
    natures: tuple[BreachNature, ...]
    description: str
    kind: NotificationKind | None = None  # None: the officer chooses in the e-service
    earlier: tuple[EarlierNotification, ...] = ()
    controller_name: str = ""
    controller_business_id: str = ""
    controller_address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    discovered_how: str = ""
    discovered_by: str = ""
    processor_name: str = ""
    processor_reported_at: datetime | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None
    occurred_unknown: bool = False
    late: bool = False  # notified (or drafted) after the 72 hours
    delay_reasons: str = ""
    subject_groups: tuple[str, ...] = ()
    subject_count: int | None = None
    registers: tuple[str, ...] = ()
    categories: tuple[CategoryConcerned, ...] = ()
    record_count: int | None = None
    consequences: str = ""
    risk_level: RiskLevel | None = None
    risk_reasoning: str = ""
    measures_taken: str = ""
    measures_proposed: str = ""
    subjects_informed_at: datetime | None = None
    subjects_informed_how: str = ""
    art34_exception: Art34Exception | None = None
    informing_reasons: str = ""


@dataclass(frozen=True)
class BreachLetterData:
    """One Art. 34 letter to one data subject, in one language."""

    language: Language
    organisation: Organisation
    officer: Officer
    recipient: Recipient
    reference: str  # printed as the letter's case number
    issue_date: date
    aware_on: date
    high_risk: bool  # the letter says why it is sent only when the record says so
    description: str
    consequences: str
    measures: str
    advice: str
    sent_via: SentVia | None = None
