"""Purging closed breach records after their retention period (setting
`breach.retention_years`): the record, its timeline, the recipients' names and
addresses and the letters go together, in one audited transaction.

The audit event keeps what the trail needs to show that a record existed and was purged
on schedule (reference, dates, counts), never the recipients' personal data.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ...i18n import _
from ...storage import audit
from ...storage import models as m
from .. import settings
from ..context import ServiceContext, ServiceError


def _cutoff(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def expired(ctx: ServiceContext) -> list[str]:
    """References of closed breaches whose retention period has ended."""
    with ctx.read() as session:
        years = settings.read(session, settings.BREACH_RETENTION_YEARS)
        if years is None:
            raise ServiceError(
                _(
                    "No retention period is set for breach records: set {key} (years after "
                    "closing) first."
                ).format(key=settings.BREACH_RETENTION_YEARS)
            )
        cutoff = _cutoff(ctx.today(), years)
        return list(
            session.scalars(
                select(m.Breach.reference)
                .where(m.Breach.closed_on.is_not(None), m.Breach.closed_on < cutoff)
                .order_by(m.Breach.closed_on, m.Breach.reference)
            )
        )


def purge_expired(ctx: ServiceContext) -> list[str]:
    """Delete every expired record (see `expired`); returns the references purged."""
    references = expired(ctx)
    if not references:
        return []
    with ctx.change() as tx:
        for reference in references:
            breach = tx.session.scalar(select(m.Breach).where(m.Breach.reference == reference))
            summary = {
                "reference": breach.reference,
                "aware_at": breach.aware_at.isoformat(),
                "closed_on": breach.closed_on.isoformat() if breach.closed_on else None,
                "recipients": len(breach.recipients),
                "letters": len(breach.letters),
            }
            tx.session.delete(breach)
            tx.session.flush()
            # The record's snapshots in the trail go with it; the chain keeps their digests.
            audit.erase_payloads(tx.session, "breach", [reference], ctx.today().isoformat())
            tx.audit("purge", "breach", reference, summary, None)
    return references
