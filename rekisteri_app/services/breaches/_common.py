"""What every part of the breach service shares: finding a breach, the clock, timeline
events, the audit snapshot.

Kept below the use-case modules (record, letters, queries, drafts), which all import it.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import breaches as rules
from ...domain.enums import Art34Exception, NotifyDecision, RiskLevel
from ...i18n import _
from ...storage import models as m
from ..context import ServiceContext, Transaction, not_found


def _clean(text: Any) -> str | None:
    value = "" if text is None else str(text).strip()
    return value or None


def _now(ctx: ServiceContext) -> datetime:
    return ctx.now().replace(tzinfo=None)  # stored as naive UTC


def _stored(moment: datetime | None) -> datetime | None:
    """An aware moment as the naive UTC value the columns keep."""
    return None if moment is None else rules.as_utc(moment).replace(tzinfo=None)


def find_breach(session: Session, reference: str) -> m.Breach:
    text = str(reference).strip()
    breach = session.scalar(select(m.Breach).where(func.upper(m.Breach.reference) == text.upper()))
    if breach is None:
        raise not_found(_("breach"), text)
    return breach


def _event(tx: Transaction, breach: m.Breach, kind: str, data: Any = None) -> None:
    text = (
        data
        if isinstance(data, str) or data is None
        else json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    )
    breach.events.append(m.BreachEvent(at=_now(tx.ctx), kind=kind, text=text, actor=tx.ctx.actor))


def snapshot(session: Session, breach: m.Breach) -> dict[str, Any]:
    """The breach in its exchange form for the audit trail and display: letters by their
    metadata (the PDF bytes are never loaded), the recipients only counted, no timeline
    (that is the trail's own business)."""
    from ..exchange import entity_to_dict

    data = entity_to_dict(session, "breaches", breach, without=frozenset({"letters", "events"}))
    data["letters"] = [
        {
            "id": letter.id,
            "language": letter.language,
            "issued_on": letter.issued_on.isoformat(),
            "sent_via": letter.sent_via,
            "sha256": letter.sha256,
        }
        for letter in breach.letters
    ]
    data["recipients"] = len(data.get("recipients") or [])
    return data


def first_notified_at(breach: m.Breach) -> datetime | None:
    return rules.first_notification(n.notified_at for n in breach.notifications)


def facts(breach: m.Breach) -> rules.BreachFacts:
    return rules.BreachFacts(
        aware_at=breach.aware_at,
        risk=None if breach.risk_level is None else RiskLevel(breach.risk_level),
        decision=None if breach.notify_decision is None else NotifyDecision(breach.notify_decision),
        notified_at=first_notified_at(breach),
        delay_reasons=bool(_clean(breach.delay_reasons)),
        subjects_informed=breach.subjects_informed_at is not None,
        exception=None
        if breach.art34_exception is None
        else Art34Exception(breach.art34_exception),
        closed=breach.closed_on is not None,
    )
