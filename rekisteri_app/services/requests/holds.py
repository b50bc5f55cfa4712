"""Legal holds whose data would otherwise be deleted before the case is answered.

For every hold still in force on an open case, the retention rules with a period of
the held category (in the case's registers) give the records the hold saves: those dated
from `effective_from - period` to `due - period` reach their limit before the due date
(domain/holds.py). The shortest period wins when several rules name the category. Holds
without such a rule, and cases without a due date, are not listed: there is nothing to
count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ...domain import deadlines as dl
from ...domain.enums import PeriodUnit
from ...domain.holds import deletion_window, period_days
from ...i18n import _, ngettext
from ...storage import models as m
from .. import settings
from ..context import ServiceContext
from .deadlines import deadline_for_display
from .queries import OPEN_STATUSES


@dataclass(frozen=True)
class HoldAtRisk:
    case_number: str
    category: str
    effective_from: date
    due: date
    period_value: int
    period_unit: str
    first: date  # records dated from here …
    until: date  # … up to the day before this one would be deleted before `due`

    def describe(self, date_format: dl.DateFormatter | None = None) -> str:
        """One translated sentence (dates ISO unless `date_format`)."""
        fmt = date_format or date.isoformat
        n = self.period_value
        period = {
            PeriodUnit.DAYS: ngettext("{n} day", "{n} days", n),
            PeriodUnit.MONTHS: ngettext("{n} month", "{n} months", n),
            PeriodUnit.YEARS: ngettext("{n} year", "{n} years", n),
        }[PeriodUnit(self.period_unit)].format(n=n)
        return _(
            "{category} ({period}): records dated {first} to {last} would be deleted "
            "before the due date {due}."
        ).format(
            category=self.category,
            period=period,
            first=fmt(self.first),
            last=fmt(self.until - timedelta(days=1)),
            due=fmt(self.due),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "case_number": self.case_number,
            "category": self.category,
            "effective_from": self.effective_from.isoformat(),
            "due_date": self.due.isoformat(),
            "period_value": self.period_value,
            "period_unit": self.period_unit,
            "records_from": self.first.isoformat(),
            "records_before": self.until.isoformat(),
        }


def _shortest_rule(req: m.RightsRequest, hold: m.LegalHold) -> m.RetentionRule | None:
    best = None
    for rr in req.registers:
        for rule in rr.register.retention_rules:
            if rule.period_value is None or not rule.period_unit:
                continue
            named = rule.data_category
            same = (
                hold.data_category_id is not None and rule.data_category_id == hold.data_category_id
            ) or (
                named is not None and named.name.strip().casefold() == hold.category_name.casefold()
            )
            if not same:
                continue
            if best is None or period_days(rule.period_value, rule.period_unit) < period_days(
                best.period_value, best.period_unit
            ):
                best = rule
    return best


def holds_at_risk(ctx: ServiceContext) -> list[HoldAtRisk]:
    """Holds on open cases that protect data due for deletion before the due date, the
    most urgent (earliest due) first."""
    with ctx.read() as session:
        policy = settings.pause_policy(session)
        R = m.RightsRequest
        cases = session.scalars(
            select(R)
            .where(R.status.in_([s.value for s in OPEN_STATUSES]))
            .where(
                R.id.in_(select(m.LegalHold.request_id).where(m.LegalHold.released_on.is_(None)))
            )
            .options(selectinload(R.legal_holds), selectinload(R.pauses))
        )
        out = []
        for req in cases:
            deadline, _problem = deadline_for_display(req, policy)
            if deadline is None or deadline.effective_due is None:
                continue
            due = deadline.effective_due
            for hold in req.legal_holds:
                if hold.released_on is not None:
                    continue
                rule = _shortest_rule(req, hold)
                if rule is None:
                    continue
                start = hold.effective_from or hold.placed_on
                window = deletion_window(start, due, rule.period_value, rule.period_unit)
                if window is None:
                    continue
                out.append(
                    HoldAtRisk(
                        req.case_number,
                        hold.category_name,
                        start,
                        due,
                        rule.period_value,
                        PeriodUnit(rule.period_unit).value,
                        window.first,
                        window.until,
                    )
                )
    return sorted(out, key=lambda h: (h.due, h.case_number, h.category))
