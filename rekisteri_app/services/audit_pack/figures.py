"""The period's figures, computed from the cases' facts alone (pure, no database).

Each definition is written out in docs/audit-pack.md, and index.pdf prints exactly what
this module returns; the tests recompute the figures from the cases independently.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable

from ...documents.pack import Count, ExtensionLine, Figures, RepeatLine
from ...domain.enums import Outcome, PauseKind, Right
from .facts import CaseFacts
from .options import Period
from .pseudonym import scrub

REFUSED = (Outcome.REFUSED.value, Outcome.PARTLY.value)


def _ordered(counter: Counter, order: Iterable[str]) -> tuple[Count, ...]:
    """Counts in a fixed order of keys, then any unknown keys sorted; zeros left out."""
    known = list(order)
    rest = sorted(key for key in counter if key not in known)
    return tuple(Count(key, counter[key]) for key in [*known, *rest] if counter.get(key))


def figures(cases: Iterable[CaseFacts], period: Period, *, identified: bool) -> Figures:
    cases = list(cases)
    received = [c for c in cases if c.received_on in period]
    by_right = Counter(r.right for c in received for r in c.rights)
    by_month = Counter(c.received_on.strftime("%Y-%m") for c in received)
    answered = [c for c in cases if c.is_gdpr and c.answered_on in period]
    days = [c.days_taken for c in answered if c.days_taken is not None]
    verdicts = [c.on_time for c in answered]
    extensions = sorted(
        (
            ExtensionLine(
                c.case_number,
                c.extended_on,
                c.extension_reasons if identified else scrub(c.extension_reasons, c.identifiers),
            )
            for c in cases
            if c.extended_on in period
        ),
        key=lambda x: (x.decided_on, x.case_number),
    )
    pauses = [p for c in cases for p in c.pauses if p.asked_on in period]
    open_at_end = [
        c for c in cases if c.received_on <= period.end and c.status_on(period.end) == "open"
    ]
    refusals = Counter(
        r.legal_ground or ""
        for c in cases
        for r in c.rights
        if r.outcome in REFUSED and (r.decided_on or c.answered_on) in period
    )
    return Figures(
        received=len(received),
        received_gdpr=sum(1 for c in received if c.is_gdpr),
        by_right=_ordered(by_right, [r.value for r in Right]),
        by_month=tuple(Count(month, by_month.get(month, 0)) for month in period.months()),
        answered=len(answered),
        median_days=statistics.median(days) if days else None,
        max_days=max(days) if days else None,
        on_time=sum(1 for v in verdicts if v is True),
        late=sum(1 for v in verdicts if v is False),
        no_deadline=sum(1 for v in verdicts if v is None),
        extensions=tuple(extensions),
        pauses_by_kind=_ordered(Counter(p.kind for p in pauses), [k.value for k in PauseKind]),
        pauses_open_at_end=sum(
            1 for p in pauses if p.received_on is None or p.received_on > period.end
        ),
        open_at_end=len(open_at_end),
        overdue_at_end=sum(
            1
            for c in open_at_end
            if c.is_gdpr and c.effective_due is not None and c.effective_due < period.end
        ),
        refusals_by_ground=_ordered(refusals, []),
        repeats=tuple(
            RepeatLine(c.case_number, c.repeat_of)
            for c in sorted(received, key=lambda c: (c.received_on, c.case_number))
            if c.repeat_of
        ),
    )
