"""A breach's timeline: one translated sentence per stored event, in time order, with
moments shown on Helsinki clocks."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ...domain import breaches as rules
from ...domain.vocabulary import (
    ART34_EXCEPTIONS,
    NOTIFICATION_KINDS,
    NOTIFY_DECISIONS,
    RISK_LEVELS,
    SENT_VIA,
    label,
)
from ...i18n import _, ngettext
from ...storage import models as m
from .inputs import FIELD_CAPTIONS


def field_label(name: str) -> str:
    text = FIELD_CAPTIONS.get(name)
    return _(text) if text else name


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime  # UTC, naive as stored
    kind: str
    text: str | None
    actor: str | None
    description: str

    def to_json(self) -> dict[str, Any]:
        return {
            "at": rules.as_utc(self.at).isoformat(timespec="seconds"),
            "local": rules.format_local(self.at),
            "kind": self.kind,
            "actor": self.actor,
            "description": self.description,
        }


def describe_event(kind: str, text: str | None) -> str:
    """A translated sentence for one stored event."""
    if kind == "note":
        return text or ""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return text or kind
    if kind == "created":
        return _("Breach recorded; the controller became aware on {time}.").format(
            time=data.get("aware_at", "")
        )
    if kind == "risk":
        return _("Risk assessed: {level}.").format(level=label(RISK_LEVELS, data.get("to")))
    if kind == "decision":
        if not data.get("decision"):
            return _("The decision on notifying was cleared.")
        return _("Decision: {decision}.").format(
            decision=label(NOTIFY_DECISIONS, data.get("decision"))
        )
    if kind == "notified":
        line = _("Ombudsman notified on {time} ({kind}).").format(
            time=data.get("at", ""), kind=label(NOTIFICATION_KINDS, data.get("kind"))
        )
        if data.get("reference"):
            line += " " + _("E-service reference {ref}.").format(ref=data["reference"])
        return line
    if kind == "informed":
        return _("Data subjects informed on {time}: {how}").format(
            time=data.get("at", ""), how=data.get("how") or ""
        )
    if kind == "exception":
        return _("Data subjects not informed individually: {exception}.").format(
            exception=label(ART34_EXCEPTIONS, data.get("exception"))
        )
    if kind == "changed":
        names = ", ".join(field_label(name) for name in data.get("fields") or [])
        return _("Changed: {fields}.").format(fields=names)
    if kind == "closed":
        return _("Breach record closed on {day}.").format(day=data.get("on", ""))
    if kind == "reopened":
        return _("Breach record reopened.")
    if kind == "recipients":
        n = int(data.get("count") or 0)
        return ngettext(
            "Recipient list imported: {n} data subject.",
            "Recipient list imported: {n} data subjects.",
            n,
        ).format(n=n)
    if kind == "letters":
        n = int(data.get("count") or 0)
        return ngettext(
            "Art. 34 letter issued to {n} data subject ({via}, {language}).",
            "Art. 34 letter issued to {n} data subjects ({via}, {language}).",
            n,
        ).format(n=n, via=label(SENT_VIA, data.get("sent_via")), language=data.get("language"))
    return text or kind


def timeline(breach: m.Breach) -> list[TimelineEntry]:
    events = sorted(breach.events, key=lambda e: (e.at, e.id or 0))
    return [
        TimelineEntry(e.at, e.kind, e.text, e.actor, describe_event(e.kind, e.text)) for e in events
    ]
