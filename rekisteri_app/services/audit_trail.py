"""Reading the audit trail: its events as plain rows, and the check of its hash chain.

Both only read, inside `ctx.read()`, and return frozen values, so no ORM object outlives
its session. The window's Audit page pages through the trail newest first
(`audit_page`, filtered by kind of entity, one entity and dates, on indexes) and reads
the before/after JSON of the one event selected (`audit_details`), so a trail of a
million events costs what is shown. The chain itself is written and verified by
storage/audit.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, func, select, text

from ..storage import audit
from ..storage import models as m
from .context import HELSINKI, ServiceContext

PAGE = 200
_E = m.AuditEvent


@dataclass(frozen=True)
class AuditRow:
    """One event: who did what to which entity when, with the JSON before and after."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str | None
    before_json: str | None = None  # only in audit_rows and audit_details
    after_json: str | None = None


@dataclass(frozen=True)
class AuditQuery:
    """Which events the Audit page shows; every field is a WHERE on an index."""

    entity: str | None = None  # a kind: "request", "register", …
    entity_id: str | None = None  # the start of an entity's id, e.g. a case number
    since: date | None = None  # Helsinki calendar days, inclusive
    until: date | None = None


def audit_rows(ctx: ServiceContext) -> list[AuditRow]:
    """The whole audit trail with its JSON, oldest first (for exports and packs; the
    window pages with `audit_page`)."""
    with ctx.read() as session:
        return [
            AuditRow(
                e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.before_json, e.after_json
            )
            for e in session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id))
        ]


def _instant(day: date) -> str:
    """The stored form of the moment a Helsinki calendar day starts (as `at` is kept)."""
    start = datetime.combine(day, time(), HELSINKI).astimezone(UTC)
    return start.isoformat(timespec="microseconds")


def _select(query: AuditQuery, columns) -> Select:
    stmt = select(*columns)
    if query.entity:
        stmt = stmt.where(_E.entity == query.entity)
    if query.entity_id and query.entity_id.strip():
        prefix = query.entity_id.strip()
        stmt = stmt.where(_E.entity_id >= prefix, _E.entity_id < prefix + "\U0010ffff")
    if query.since is not None:
        stmt = stmt.where(_E.at >= _instant(query.since))
    if query.until is not None:
        stmt = stmt.where(_E.at < _instant(query.until + timedelta(days=1)))
    return stmt


def audit_page(
    ctx: ServiceContext, query: AuditQuery = AuditQuery(), *, offset: int = 0, limit: int = PAGE
) -> list[AuditRow]:
    """One page of events, newest first, without their JSON."""
    columns = (_E.id, _E.at, _E.actor, _E.action, _E.entity, _E.entity_id)
    with ctx.read() as session:
        stmt = _select(query, columns).order_by(_E.id.desc()).offset(offset).limit(limit)
        return [AuditRow(*row) for row in session.execute(stmt)]


def count_events(ctx: ServiceContext, query: AuditQuery = AuditQuery()) -> int:
    """How many events the query shows; the whole trail's count is the chain head's."""
    with ctx.read() as session:
        if query == AuditQuery():
            return audit.head_count(session)
        return session.scalar(_select(query, (func.count(),))) or 0


def audit_details(ctx: ServiceContext, event_id: int) -> AuditRow | None:
    """One event with its before and after JSON (the selected row of the Audit page)."""
    with ctx.read() as session:
        e = session.get(m.AuditEvent, event_id)
        if e is None:
            return None
        return AuditRow(
            e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.before_json, e.after_json
        )


# Each step seeks the next kind in the entity index: a dozen seeks, not a million rows.
_KINDS = text(
    "WITH RECURSIVE kinds(entity) AS ("
    " SELECT min(entity) FROM audit_events"
    " UNION ALL"
    " SELECT (SELECT min(entity) FROM audit_events WHERE entity > kinds.entity)"
    " FROM kinds WHERE kinds.entity IS NOT NULL)"
    " SELECT entity FROM kinds WHERE entity IS NOT NULL"
)


def entity_kinds(ctx: ServiceContext) -> list[str]:
    """The kinds of entity the trail holds, for the page's filter."""
    with ctx.read() as session:
        return list(session.scalars(_KINDS))


def verify(ctx: ServiceContext) -> audit.Verification:
    """Is the hash chain unbroken? storage.audit.verify in one read session."""
    with ctx.read() as session:
        return audit.verify(session)
