"""The case timeline: one translated sentence per stored event (`describe_event`), in
the order the events happened.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ...domain import deadlines as dl
from ...domain.enums import LetterKind
from ...domain.legal_grounds import LEGAL_GROUNDS, UnknownLegalGround, legal_ground
from ...domain.vocabulary import (
    CHANNELS,
    DOCUMENTS,
    IDENTITY_METHODS,
    OUTCOMES,
    PAUSE_KINDS,
    RIGHTS,
    STATUSES,
    label,
)
from ...i18n import _
from ...storage import models as m
from ..context import HELSINKI


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime  # UTC
    kind: str
    text: str | None
    actor: str | None
    description: str  # translated sentence

    @property
    def local_time(self) -> datetime:
        """The moment in Europe/Helsinki, for display."""
        return self.at.replace(tzinfo=UTC).astimezone(HELSINKI)

    def to_json(self) -> dict[str, Any]:
        return {
            "at": self.at.replace(tzinfo=UTC).isoformat(timespec="seconds"),
            "local": self.local_time.strftime("%Y-%m-%d %H:%M"),
            "kind": self.kind,
            "text": self.text,
            "actor": self.actor,
            "description": self.description,
        }


def describe_event(kind: str, text: str | None, date_format: dl.DateFormatter | None = None) -> str:
    """A translated sentence for one timeline event (dates ISO unless `date_format`)."""
    if kind == "note":
        return text or ""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        data = None
    if not isinstance(data, dict):  # free text, e.g. imported from an older register
        return text or kind

    def day(key: str) -> str:
        value = str(data.get(key) or "")
        if date_format is not None and value:
            try:
                return date_format(date.fromisoformat(value))
            except ValueError:
                return value
        return value

    if kind == "intake":
        return _("Request received on {day} by {channel} and logged.").format(
            day=day("received_on"), channel=label(CHANNELS, data.get("channel"))
        )
    if kind == "status":
        line = _("Status: {old} → {new}.").format(
            old=label(STATUSES, data.get("from")), new=label(STATUSES, data.get("to"))
        )
        return line + (" " + _("The request was withdrawn.") if data.get("withdrawn") else "")
    if kind == "identity":
        line = _("Identity verified on {day} by {who}: {method}.").format(
            day=day("verified_on"),
            who=data.get("verified_by", ""),
            method=label(IDENTITY_METHODS, data.get("method")),
        )
        if data.get("document_type"):
            line += " " + _("Document: {document}.").format(
                document=label(DOCUMENTS, data["document_type"])
            )
        return line
    if kind == "identity-code":
        return _("Personal identity code recorded for matching (kept only as a keyed hash).")
    if kind == "pause-asked":
        return _("{kind} asked for on {day}.").format(
            kind=label(PAUSE_KINDS, data.get("kind")).capitalize(), day=day("on")
        )
    if kind == "pause-received":
        return _("{kind} received on {day}.").format(
            kind=label(PAUSE_KINDS, data.get("kind")).capitalize(), day=day("on")
        )
    if kind == "extension":
        return _("Deadline extended by two months, decided on {day}: {reasons}").format(
            day=day("decided_on"), reasons=data.get("reasons", "")
        )
    if kind == "letter-sent":
        if data.get("kind") == LetterKind.EXTENSION:
            return _("Extension letter sent on {day}.").format(day=day("on"))
        return _("Letter ({kind}) sent on {day}.").format(kind=data.get("kind", ""), day=day("on"))
    if kind == "outcome":
        line = _("Decision on {right}: {outcome}.").format(
            right=label(RIGHTS, data.get("right")), outcome=label(OUTCOMES, data.get("outcome"))
        )
        if data.get("ground"):
            try:
                line += " " + legal_ground(data["ground"]).article
            except UnknownLegalGround:
                line += " " + str(data["ground"])
        return line
    if kind == "erasure":
        if data.get("erased"):
            return _("{category}: erased.").format(category=data.get("category", ""))
        ground = data.get("ground") or ""
        if ground in LEGAL_GROUNDS:
            ground = LEGAL_GROUNDS[ground].article
        return _("{category}: kept until {day} ({ground}).").format(
            category=data.get("category", ""), day=day("kept_until"), ground=ground
        )
    if kind == "fee-reason":
        return _("Reason for a fee or refusal recorded: {text}").format(
            text=data.get("text") or "—"
        )
    if kind == "hold":
        return _("Legal hold placed on {category}.").format(category=data.get("category", ""))
    if kind == "release":
        return _("Legal hold released on {category}.").format(category=data.get("category", ""))
    if kind == "attachment":
        return _("Attachment added: {name}.").format(name=data.get("filename", ""))
    if kind == "authority-checked":
        return _("Requester's authority checked on {day}.").format(day=day("on"))
    return text or kind


def timeline(
    req: m.RightsRequest, date_format: dl.DateFormatter | None = None
) -> list[TimelineEntry]:
    events = sorted(req.events, key=lambda e: (e.at, e.id or 0))
    return [
        TimelineEntry(e.at, e.kind, e.text, e.actor, describe_event(e.kind, e.text, date_format))
        for e in events
    ]
