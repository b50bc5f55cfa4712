"""The case timeline: one translated sentence per stored event (`describe_event`), in
the order the events happened.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ...domain import deadlines as dl
from ...domain.date_sanity import DateConcern
from ...domain.enums import LetterKind
from ...domain.fees import format_euros
from ...domain.legal_grounds import LEGAL_GROUNDS, UnknownLegalGround, legal_ground
from ...domain.vocabulary import (
    AUTHORITY_EVIDENCE,
    CHANNELS,
    CORRECTION_FIELDS,
    DELIVERY_CHOICES,
    DOCUMENTS,
    FEE_BASES,
    IDENTITY_METHODS,
    LETTER_KINDS,
    NOTIFICATION_STATUSES,
    OUTCOMES,
    PAUSE_KINDS,
    RIGHTS,
    STATUSES,
    label,
)
from ...i18n import _, current_language
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
        line = _("Request received on {day} by {channel} and logged.").format(
            day=day("received_on"), channel=label(CHANNELS, data.get("channel"))
        )
        return line + _confirmed(data)
    if kind == "correction":
        return _correction(data, day)
    if kind == "right-withdrawn":
        return _("The requester withdrew {right}: “{words}”").format(
            right=label(RIGHTS, data.get("right")), words=data.get("words", "")
        )
    if kind == "split-to":
        return _("Split: {controllers} moved to case {case}. Reason: {reason}").format(
            controllers=", ".join(data.get("controllers") or []),
            case=data.get("case", ""),
            reason=data.get("reason", ""),
        )
    if kind == "split-from":
        return _(
            "Split from case {case} (the same letter) for {controllers}. Reason: {reason}"
        ).format(
            controllers=", ".join(data.get("controllers") or []),
            case=data.get("case", ""),
            reason=data.get("reason", ""),
        )
    if kind == "delivery-address":
        return _("Letter ({kind}) sent to {choice}: {address}").format(
            kind=label(LETTER_KINDS, data.get("kind")),
            choice=label(DELIVERY_CHOICES, data.get("choice")),
            address=data.get("address", ""),
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
        if data.get("from"):
            return _("Legal hold placed on {category}, effective from {day}.").format(
                category=data.get("category", ""), day=day("from")
            )
        return _("Legal hold placed on {category}.").format(category=data.get("category", ""))
    if kind == "release":
        return _("Legal hold released on {category}.").format(category=data.get("category", ""))
    if kind == "attachment":
        return _("Attachment added: {name}.").format(name=data.get("filename", ""))
    if kind == "authority-checked":
        line = _("Requester's authority checked on {day}.").format(day=day("on"))
        if data.get("by"):
            line += " " + _("Checked by {who} against: {evidence}.").format(
                who=data["by"], evidence=label(AUTHORITY_EVIDENCE, data.get("evidence"))
            )
        if data.get("confirmed_on"):
            line += " " + _("Confirmed by the guardianship authority on {day}.").format(
                day=day("confirmed_on")
            )
        return line
    if kind == "art19":
        line = _("Art. 19, {recipient}: {status}").format(
            recipient=data.get("recipient", ""),
            status=label(NOTIFICATION_STATUSES, data.get("status")),
        )
        if data.get("on"):
            line += " " + day("on")
        if data.get("reason"):
            line += " — " + str(data["reason"])
        return line + "."
    if kind == "recipients-requested":
        if data.get("asked"):
            return _("The data subject asked to be told the recipients (GDPR Art. 19).")
        return _("No request to be told the recipients (GDPR Art. 19).")
    if kind == "fee":
        if data.get("removed"):
            return _("Fee removed.")
        return _("Fee recorded: {basis}, {amount}.").format(
            basis=label(FEE_BASES, data.get("basis")),
            amount=format_euros(int(data.get("cents") or 0), current_language()),
        )
    return text or kind


def _confirmed(data: dict[str, Any]) -> str:
    """The date concerns the officer confirmed, appended to the sentence."""
    out = ""
    for concern in data.get("confirmed") or []:
        if concern == DateConcern.BEFORE_GDPR:
            out += " " + _("Confirmed although it is before the GDPR applied (25 May 2018).")
        elif concern == DateConcern.OVER_A_YEAR_AGO:
            out += " " + _("Confirmed although it is more than a year before it was entered.")
    return out


def _sentence(text: str) -> str:
    """The officer's words as a sentence that another may follow."""
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def field_names(fields: list[str]) -> str:
    return ", ".join(label(CORRECTION_FIELDS, f) for f in fields)


def _correction(data: dict[str, Any], day: Callable[[str], str]) -> str:
    line = _("Intake corrected ({fields}): {reason}").format(
        fields=field_names(data.get("fields") or []), reason=_sentence(data.get("reason", ""))
    )
    if "due_after" in data:
        line += " " + due_move_text(day("due_before"), day("due_after"))
    return line + _confirmed(data)


def due_move_text(old: str, new: str) -> str:
    if not old:
        return _("The case now has a due date: {new}.").format(new=new)
    if not new:
        return _("The case no longer has a due date (it was {old}).").format(old=old)
    return _("The due date moved from {old} to {new}.").format(old=old, new=new)


def timeline(
    req: m.RightsRequest, date_format: dl.DateFormatter | None = None
) -> list[TimelineEntry]:
    events = sorted(req.events, key=lambda e: (e.at, e.id or 0))
    return [
        TimelineEntry(e.at, e.kind, e.text, e.actor, describe_event(e.kind, e.text, date_format))
        for e in events
    ]
