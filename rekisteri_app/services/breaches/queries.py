"""Reading breaches: the list sorted by the 72-hour clock, one breach in full
(`get_breach`), and the dashboard's card.

The clock is computed on every read from `aware_at`, the notifications and the decision
(domain/breaches.py), so nothing derived is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ...domain import breaches as rules
from ...domain.enums import BreachClock, NotifyDecision
from ...storage import models as m
from ..context import ServiceContext
from ._common import facts, find_breach, first_notified_at, snapshot
from .record import natures
from .timeline import timeline

CLOCK_ORDER = {
    BreachClock.OVERDUE: 0,
    BreachClock.DUE_SOON: 1,
    BreachClock.RUNNING: 2,
    BreachClock.NOT_REQUIRED: 3,
    BreachClock.NOTIFIED: 3,
    "closed": 4,
}


@dataclass(frozen=True)
class BreachRow:
    """One breach in lists and on the dashboard."""

    reference: str
    aware_at: datetime  # aware, UTC
    notify_by: datetime  # aware, Helsinki
    hours_left: float | None  # None once the clock stopped (notified, decided, closed)
    clock: str  # a BreachClock value, or "closed"
    natures: tuple[str, ...]
    risk_level: str | None
    description: str
    registers: tuple[str, ...]
    subject_count: int | None
    notified_at: datetime | None  # the first notification, aware UTC
    hours_to_notify: float | None  # from becoming aware to the first notification
    closed_on: date | None

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def sort_key(self) -> tuple:
        """Most urgent first: overdue, due soon, running by hours left; then the rest,
        newest first."""
        left = self.hours_left if self.hours_left is not None else float("inf")
        return (CLOCK_ORDER.get(self.clock, 4), left, -self.aware_at.timestamp())

    def to_json(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "aware_at": self.aware_at.astimezone(rules.HELSINKI).isoformat(timespec="minutes"),
            "notify_by": self.notify_by.isoformat(timespec="minutes"),
            "hours_left": None if self.hours_left is None else round(self.hours_left, 1),
            "clock": self.clock,
            "nature": list(self.natures),
            "risk_level": self.risk_level,
            "description": self.description,
            "registers": list(self.registers),
            "subject_count": self.subject_count,
            "notified_at": None
            if self.notified_at is None
            else self.notified_at.astimezone(rules.HELSINKI).isoformat(timespec="minutes"),
            "hours_to_notify": None
            if self.hours_to_notify is None
            else round(self.hours_to_notify, 1),
            "closed_on": None if self.closed_on is None else self.closed_on.isoformat(),
        }


def clock_of(breach: m.Breach, now: datetime) -> str:
    if breach.closed_on is not None:
        return "closed"
    decision = None if breach.notify_decision is None else NotifyDecision(breach.notify_decision)
    return rules.clock(
        breach.aware_at, now, notified_at=first_notified_at(breach), decision=decision
    ).value


def _row(breach: m.Breach, now: datetime) -> BreachRow:
    state = clock_of(breach, now)
    notified = first_notified_at(breach)
    running = state in (BreachClock.OVERDUE, BreachClock.DUE_SOON, BreachClock.RUNNING)
    first_line = (breach.description or "").strip().splitlines()
    return BreachRow(
        reference=breach.reference,
        aware_at=rules.as_utc(breach.aware_at),
        notify_by=rules.notify_by(breach.aware_at),
        hours_left=rules.hours_left(breach.aware_at, now) if running else None,
        clock=state,
        natures=tuple(n.value for n in natures(breach)),
        risk_level=breach.risk_level,
        description=first_line[0] if first_line else "",
        registers=tuple(link.register.name for link in breach.registers),
        subject_count=breach.subject_count,
        notified_at=notified,
        hours_to_notify=None
        if notified is None
        else rules.hours_between(breach.aware_at, notified),
        closed_on=breach.closed_on,
    )


def list_breaches(ctx: ServiceContext, status: str | None = None) -> list[BreachRow]:
    """Every breach (status "open" or "closed" to filter), most urgent first."""
    now = ctx.now()
    with ctx.read() as session:
        query = select(m.Breach).options(
            selectinload(m.Breach.notifications),
            selectinload(m.Breach.registers).selectinload(m.BreachRegister.register),
        )
        if status == "open":
            query = query.where(m.Breach.closed_on.is_(None))
        elif status == "closed":
            query = query.where(m.Breach.closed_on.is_not(None))
        rows = [_row(b, now) for b in session.scalars(query)]
    return sorted(rows, key=BreachRow.sort_key)


@dataclass(frozen=True)
class BreachBoard:
    """What the dashboard card shows: open breaches whose clock runs, most urgent first."""

    running: tuple[BreachRow, ...]
    overdue: int
    due_soon: int
    open_count: int

    @property
    def most_urgent(self) -> BreachRow | None:
        return self.running[0] if self.running else None

    def to_json(self) -> dict[str, Any]:
        return {
            "running": [r.to_json() for r in self.running],
            "overdue": self.overdue,
            "due_soon": self.due_soon,
            "open": self.open_count,
        }


def board(ctx: ServiceContext) -> BreachBoard:
    rows = list_breaches(ctx, "open")
    running = tuple(r for r in rows if r.hours_left is not None)
    return BreachBoard(
        running=running,
        overdue=sum(1 for r in running if r.clock == BreachClock.OVERDUE),
        due_soon=sum(1 for r in running if r.clock == BreachClock.DUE_SOON),
        open_count=len(rows),
    )


def get_breach(
    ctx: ServiceContext, reference: str, time_format: Callable[[datetime], str] | None = None
) -> dict[str, Any]:
    """One breach in its exchange form (without letter bytes) plus the clock, the open
    duties (deadline written by `time_format`, ISO by default), the timeline as sentences
    and the names of what it refers to."""
    from .letters import letter_rows

    now = ctx.now()
    with ctx.read() as session:
        breach = find_breach(session, reference)
        view = snapshot(session, breach)
        row = _row(breach, now)
        view["recipients"] = [
            {"name": r.name, "address": r.address, "language": r.language, "email": r.email}
            for r in breach.recipients
        ]
        view.update(
            {
                "notify_by": row.notify_by.isoformat(timespec="minutes"),
                "hours_left": row.to_json()["hours_left"],
                "clock": row.clock,
                "nature": list(row.natures),
                "aware_at_local": rules.format_local(breach.aware_at),
                "notified_at": row.to_json()["notified_at"],
                "hours_to_notify": row.to_json()["hours_to_notify"],
                "duties": rules.open_duties(facts(breach), now, time_format),
                "register_names": list(row.registers),
                "controller_name": None if breach.controller is None else breach.controller.name,
                "processor_name": None if breach.processor is None else breach.processor.name,
                "timeline": [t.to_json() for t in timeline(breach)],
                "letters": [info.to_json() for info in letter_rows(breach)],
            }
        )
        return view
