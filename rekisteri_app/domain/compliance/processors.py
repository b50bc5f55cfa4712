"""Processor rules (check_processor): processor-dpa-missing AMBER (28(3));
processor-dpa-review-overdue AMBER (review date before `today`).
"""

from __future__ import annotations

from datetime import date

from rekisteri_app.i18n import N_

from .model import CheckedProcessor, Finding, FindingCode, Severity, SubjectKind, _Collector


def check_processor(processor: CheckedProcessor, today: date) -> list[Finding]:
    """Is there a signed Art. 28(3) agreement, and is its review date still ahead?"""
    out = _Collector(SubjectKind.PROCESSOR, processor.name)
    if processor.dpa_signed_on is None:
        out.add(
            Severity.AMBER,
            FindingCode.PROCESSOR_DPA_MISSING,
            N_("No data processing agreement is recorded for this processor."),
            "GDPR Art. 28(3)",
        )
    if processor.dpa_review_on is not None and processor.dpa_review_on < today:
        out.add(
            Severity.AMBER,
            FindingCode.PROCESSOR_DPA_REVIEW_OVERDUE,
            N_("The data processing agreement was due for review on {date}."),
            "GDPR Art. 28(3), 5(2)",
            date=processor.dpa_review_on,
        )
    return out.findings
