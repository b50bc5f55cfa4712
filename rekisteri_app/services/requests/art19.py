"""Art. 19 in a stored case: the recipients of its registers to tell about a
rectification, erasure or restriction, and what the officer recorded about each.

Recipients are matched by name (folded: case, Unicode form and spaces ignored), since the
register's rows are re-created whenever it is saved; a name that two registers of the
case share is one recipient. The data subject listed as a recipient ("Asiakas itse") and
their representative are never recipients to notify (domain/art19.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ...domain import art19
from ...domain.enums import NotificationStatus, Outcome, Right
from ...i18n import _
from ...storage import models as m
from ..context import ServiceError
from ._common import _clean
from .inputs import NotificationInput

ART_19_RIGHTS = (Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION)


@dataclass(frozen=True)
class CaseRecipient:
    """A recipient of one of the case's registers, with what was recorded about it."""

    register: m.Register
    row: m.Recipient
    record: m.RecipientNotification | None

    @property
    def name(self) -> str:
        return self.row.name


def concerns_art19(req: m.RightsRequest) -> bool:
    """The case asks for a change that recipients must hear about (not refused)."""
    return any(
        r.right in ART_19_RIGHTS and r.outcome not in (Outcome.REFUSED, Outcome.NOT_APPLICABLE)
        for r in req.rights
    )


def _records(req: m.RightsRequest) -> dict[str, m.RecipientNotification]:
    return {art19.fold(n.recipient): n for n in req.notifications}


def case_recipients(req: m.RightsRequest) -> list[CaseRecipient]:
    """Every recipient of the case's registers except self-recipients, each name once."""
    records = _records(req)
    seen: set[str] = set()
    out = []
    for rr in req.registers:
        for rec in rr.register.recipients:
            key = art19.fold(rec.name)
            if not key or key in seen or art19.is_self_recipient(rec.name, rec.kind):
                continue
            seen.add(key)
            out.append(CaseRecipient(rr.register, rec, records.get(key)))
    return out


def _find(req: m.RightsRequest, name: str) -> CaseRecipient:
    key = art19.fold(name)
    for rr in req.registers:
        for rec in rr.register.recipients:
            if art19.fold(rec.name) == key and art19.is_self_recipient(rec.name, rec.kind):
                raise ServiceError(
                    _(
                        "{name} is the data subject (or their representative) listed as a "
                        "recipient: receiving one's own data is no disclosure to notify."
                    ).format(name=rec.name)
                )
    for item in case_recipients(req):
        if art19.fold(item.name) == key:
            return item
    known = "; ".join(item.name for item in case_recipients(req)) or "—"
    raise ServiceError(
        _("{name} is not a recipient of the registers of this case. Recipients: {known}").format(
            name=name, known=known
        )
    )


def apply_notifications(
    req: m.RightsRequest, items: tuple[NotificationInput, ...], today: date
) -> list[dict[str, Any]]:
    """Record each item (replacing an earlier record of the same recipient); returns
    the timeline events' data."""
    if items and not any(r.right in ART_19_RIGHTS for r in req.rights):
        raise ServiceError(
            _(
                "Notifying recipients (GDPR Art. 19) belongs to a rectification, erasure or "
                "restriction; this case requests none of them."
            )
        )
    events = []
    for item in items:
        target = _find(req, item.recipient)
        status = NotificationStatus(item.status)
        reason = _clean(item.reason)
        try:
            art19.check_notification(
                status, item.notified_on, reason, received_on=req.received_on, today=today
            )
        except art19.InvalidNotification as exc:
            raise ServiceError(f"{target.name}: {exc}") from None
        record = target.record
        if record is None:
            record = m.RecipientNotification(recipient=target.name, position=len(req.notifications))
            req.notifications.append(record)
        record.recipient = target.name
        record.register = target.register.name
        record.status = status.value
        record.notified_on = item.notified_on
        record.reason = reason if status is not NotificationStatus.NOTIFIED else None
        event: dict[str, Any] = {"recipient": target.name, "status": status.value}
        if item.notified_on is not None:
            event["on"] = item.notified_on.isoformat()
        if record.reason:
            event["reason"] = record.reason
        events.append(event)
    return events
