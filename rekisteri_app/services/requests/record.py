"""What the case view adds about the record itself: its controllers (the one addressed
first), the three addresses, concerns about the received date, and how corrections
moved the due date. `queries._view` merges it into `request show`."""

from __future__ import annotations

import json
from datetime import UTC, date
from typing import Any

from sqlalchemy.orm import Session

from ...domain import deadlines as dl
from ...domain.date_sanity import check_received_date, concern_text
from ...domain.enums import CorrectionField
from ...i18n import _
from ...storage import models as m
from ..context import HELSINKI
from .addresses import claimed_address, delivery_differs, requested_delivery
from .intake import registers_kept_by
from .timeline import field_names

# The facts a due date is computed from: a correction of one of them moves it.
DEADLINE_FIELDS = frozenset({CorrectionField.RECEIVED_ON, CorrectionField.CLASSIFICATION})


def _controllers(session: Session, req: m.RightsRequest) -> list[dict[str, Any]]:
    case_registers = {rr.register_id: rr.register.name for rr in req.registers}
    out = []
    for link in req.controllers:
        c = link.controller
        kept = [r.name for r in registers_kept_by(session, [c]) if r.id in case_registers]
        out.append(
            {
                "key": f"controller-{c.id}",
                "name": c.name,
                "business_id": c.business_id,
                "role": link.role,
                "addressed_to": req.controller_id == c.id,
                "registers": kept,
            }
        )
    return out


def _received_notes(req: m.RightsRequest) -> list[str]:
    """Why the received date is unusual, relative to the day the case was logged."""
    logged = req.logged_at.replace(tzinfo=UTC).astimezone(HELSINKI).date()
    try:
        concerns = check_received_date(req.received_on, max(logged, req.received_on))
    except ValueError:
        return []
    return [concern_text(c, req.received_on) for c in concerns]


def _due_moves(req: m.RightsRequest, date_format: dl.DateFormatter | None) -> list[str]:
    """ "Due date moved from … to … because … was corrected on …: reason" per correction."""
    fmt = date_format or dl.default_date_format
    lines = []
    for ev in sorted(req.events, key=lambda e: (e.at, e.id or 0)):
        if ev.kind != "correction" or not ev.text:
            continue
        try:
            data = json.loads(ev.text)
        except ValueError:
            continue
        if "due_after" not in data:
            continue
        old, new = data.get("due_before"), data.get("due_after")
        fields = list(data.get("fields") or [])
        moved_by = [f for f in fields if f in DEADLINE_FIELDS]
        on = ev.at.replace(tzinfo=UTC).astimezone(HELSINKI).date()
        lines.append(
            _(
                "Due date moved from {old} to {new} because the {fields} was "
                "corrected on {day}: {reason}"
            ).format(
                old=fmt(date.fromisoformat(old)) if old else "—",
                new=fmt(date.fromisoformat(new)) if new else "—",
                fields=field_names(moved_by or fields),
                day=fmt(on),
                reason=data.get("reason", ""),
            )
        )
    return lines


def case_record(
    session: Session, req: m.RightsRequest, date_format: dl.DateFormatter | None = None
) -> tuple[dict[str, Any], list[str]]:
    """(fields for the view, lines to append to the deadline rule)."""
    fields = {
        "controllers": _controllers(session, req),
        "claimed_address": claimed_address(req),
        "requested_delivery_address": requested_delivery(req),
        "delivery_differs": delivery_differs(req),
        "received_date_notes": _received_notes(req),
    }
    return fields, _due_moves(req, date_format)
