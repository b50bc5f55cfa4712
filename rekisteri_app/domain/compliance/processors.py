"""Processor rules (check_processor): processor-dpa-missing AMBER (28(3));
processor-dpa-review-overdue AMBER (review date before `today`);
processor-location-unknown AMBER (no country recorded: whether data leave the EU/EEA
cannot be told, 13(1)(f), 30(1)(e) — a finding, not a silent gap); the texts and contact
details as in text_quality.
"""

from __future__ import annotations

from datetime import date

from rekisteri_app.i18n import N_

from .model import (
    CheckedProcessor,
    Finding,
    FindingCode,
    Severity,
    SubjectKind,
    _Collector,
    _filled,
)
from .text_quality import check_contact_fields, check_texts


def check_processor(processor: CheckedProcessor, today: date) -> list[Finding]:
    """Is there a signed Art. 28(3) agreement, and is its review date still ahead?"""
    out = _Collector(SubjectKind.PROCESSOR, processor.name)
    if processor.dpa_signed_on is None:
        out.add(
            Severity.AMBER,
            FindingCode.PROCESSOR_DPA_MISSING,
            N_("No data processing agreement is recorded for this processor."),
            "GDPR Art. 28(3)",
            _path="$.dpa_signed_on",
        )
    if processor.dpa_review_on is not None and processor.dpa_review_on < today:
        out.add(
            Severity.AMBER,
            FindingCode.PROCESSOR_DPA_REVIEW_OVERDUE,
            N_("The data processing agreement was due for review on {date}."),
            "GDPR Art. 28(3), 5(2)",
            _path="$.dpa_review_on",
            date=processor.dpa_review_on,
        )
    if not _filled(processor.country):
        out.add(
            Severity.AMBER,
            FindingCode.PROCESSOR_LOCATION_UNKNOWN,
            N_(
                "Where this processor processes the data is not recorded, so it cannot be "
                "told whether data leave the EU/EEA."
            ),
            "GDPR Art. 13(1)(f), 30(1)(e)",
            _path="$.country",
        )
    check_texts(processor.texts, out)
    check_contact_fields(processor.contact_fields, out)
    return out.findings
