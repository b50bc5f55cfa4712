"""The breach log for reports: one row per breach with stable English column names and
the stored identifiers of closed values, and the period's figures (how many, at which
risk, notified within the 72 hours or late, hours from becoming aware to notifying).

Made for the audit pack (`breaches.csv` and the figures of index.pdf) and usable on its
own; the rows carry no data subject's personal data (no recipients), only the record's
own texts as the officer wrote them (`FREE_TEXT` names them, for a pseudonymised pack to
strike names out of).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ...csv_output import csv_bytes
from ...documents.pack import BreachFigures, Count
from ...domain import breaches as rules
from ...domain.enums import RiskLevel
from ...storage import models as m
from ._common import first_notified_at
from .record import natures

COLUMNS = (
    "reference",
    "aware_at",
    "notify_by",
    "occurred_from",
    "occurred_to",
    "occurred_unknown",
    "nature",
    "description",
    "registers",
    "categories",
    "special_categories",
    "subject_count",
    "record_count",
    "processor",
    "consequences",
    "risk_level",
    "notify_decision",
    "first_notified_at",
    "hours_to_notify",
    "notified_late",
    "delay_reasons",
    "notifications",
    "subjects_informed_at",
    "art34_exception",
    "letters_issued",
    "measures_taken",
    "closed_on",
)


FREE_TEXT = ("description", "consequences", "delay_reasons", "measures_taken")


def _local(moment: Any) -> str:
    return "" if moment is None else rules.in_helsinki(moment).isoformat(timespec="minutes")


def _row(breach: m.Breach) -> dict[str, Any]:
    first = first_notified_at(breach)
    hours = None if first is None else round(rules.hours_between(breach.aware_at, first), 1)
    return {
        "reference": breach.reference,
        "aware_at": _local(breach.aware_at),
        "notify_by": rules.notify_by(breach.aware_at).isoformat(timespec="minutes"),
        "occurred_from": _local(breach.occurred_from),
        "occurred_to": _local(breach.occurred_to),
        "occurred_unknown": breach.occurred_unknown,
        "nature": " ".join(n.value for n in natures(breach)),
        "description": breach.description,
        "registers": "; ".join(link.register.name for link in breach.registers),
        "categories": "; ".join(c.category_name for c in breach.categories),
        "special_categories": "; ".join(c.category_name for c in breach.categories if c.special),
        "subject_count": breach.subject_count,
        "record_count": breach.record_count,
        "processor": "" if breach.processor is None else breach.processor.name,
        "consequences": breach.consequences,
        "risk_level": breach.risk_level,
        "notify_decision": breach.notify_decision,
        "first_notified_at": _local(first),
        "hours_to_notify": hours,
        "notified_late": None if first is None else rules.is_late(breach.aware_at, first),
        "delay_reasons": breach.delay_reasons,
        "notifications": len(breach.notifications),
        "subjects_informed_at": _local(breach.subjects_informed_at),
        "art34_exception": breach.art34_exception,
        "letters_issued": len(breach.letters),
        "measures_taken": breach.measures_taken,
        "closed_on": "" if breach.closed_on is None else breach.closed_on.isoformat(),
    }


def breach_log(
    session: Session, start: date | None = None, end: date | None = None
) -> list[dict[str, Any]]:
    """Breaches the controller became aware of within [start, end] (Helsinki dates), in
    the order they became known."""
    query = (
        select(m.Breach)
        .options(
            selectinload(m.Breach.notifications),
            selectinload(m.Breach.categories),
            selectinload(m.Breach.registers).selectinload(m.BreachRegister.register),
            selectinload(m.Breach.processor),
        )
        .order_by(m.Breach.aware_at, m.Breach.id)
    )
    rows = []
    for breach in session.scalars(query):
        day = rules.in_helsinki(breach.aware_at).date()
        if (start is None or day >= start) and (end is None or day <= end):
            rows.append(_row(breach))
    return rows


def breach_log_csv(rows: Iterable[dict[str, Any]]) -> bytes:
    """`breaches.csv`: UTF-8 with BOM, formulas neutralised (csv_output)."""
    return csv_bytes(COLUMNS, ([row[c] for c in COLUMNS] for row in rows))


def breach_figures(rows: Iterable[dict[str, Any]]) -> BreachFigures:
    """The figures of the rows of `breach_log` (pure: recomputable from the CSV), as
    index.pdf of the audit pack prints them."""
    rows = list(rows)
    hours = [r["hours_to_notify"] for r in rows if r["hours_to_notify"] is not None]
    risk = Counter(r["risk_level"] or "" for r in rows)
    return BreachFigures(
        recorded=len(rows),
        by_risk=tuple(
            Count(key, risk[key]) for key in [*(x.value for x in RiskLevel), ""] if risk.get(key)
        ),
        notified=len(hours),
        notified_within_72h=sum(1 for r in rows if r["notified_late"] is False),
        notified_late=sum(1 for r in rows if r["notified_late"] is True),
        decided_not_to_notify=sum(
            1 for r in rows if r["notify_decision"] == "not-required" and not r["notifications"]
        ),
        awaiting_notification=sum(
            1 for r in rows if not r["notifications"] and r["notify_decision"] != "not-required"
        ),
        subjects_informed=sum(1 for r in rows if r["subjects_informed_at"]),
        median_hours_to_notify=statistics.median(hours) if hours else None,
        max_hours_to_notify=max(hours) if hours else None,
    )
