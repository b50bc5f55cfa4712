"""Reading the audit trail: its events as plain rows, and the check of its hash chain.

Both only read, inside `ctx.read()`, and return frozen values, so no ORM object outlives
its session. The window's Audit page shows them; the chain itself is written and
verified by storage/audit.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..storage import audit
from ..storage import models as m
from .context import ServiceContext


@dataclass(frozen=True)
class AuditRow:
    """One event: who did what to which entity when, with the JSON before and after."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str | None
    before_json: str | None
    after_json: str | None


def audit_rows(ctx: ServiceContext) -> list[AuditRow]:
    """The audit trail, oldest first (the view sorts newest first)."""
    with ctx.read() as session:
        return [
            AuditRow(
                e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.before_json, e.after_json
            )
            for e in session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id))
        ]


def verify(ctx: ServiceContext) -> audit.Verification:
    """Is the hash chain unbroken? storage.audit.verify in one read session."""
    with ctx.read() as session:
        return audit.verify(session)
