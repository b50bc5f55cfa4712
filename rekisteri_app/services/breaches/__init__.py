"""Personal data breaches: the Art. 33(5) record, the 72-hour clock, the notification
draft for the Ombudsman's e-service, the Art. 34 letters with their mail-merge list.

Every write is one service call in one transaction with one audit event (before and
after in the exchange form, without letter bytes and recipients' names) and a timeline
entry. Nothing derived is stored: the clock is computed on every read from the moment
the controller became aware, the notifications and the decision (domain/breaches.py).

Rooms: `inputs` (the fields callers hand in), `record` (add, update, note), `letters`
(recipients, previews, issuing, archive), `recipients` (reading the CSV), `drafts` (the
notification draft), `timeline`, `queries` (list, one breach, the dashboard card),
`purge` (after the retention period), `_common` (below them all). This package
re-exports their public names, so callers import `services.breaches` only.
"""

from ._common import find_breach, snapshot
from .drafts import Draft, DraftNotReady, notification_draft
from .inputs import (
    FIELD_CAPTIONS,
    FIELDS,
    LETTER_TEXT_FIELDS,
    NotificationInput,
    parse_notification,
)
from .letters import (
    BreachLetterBlocked,
    BreachLetterInfo,
    IssuedBatch,
    breach_letter_pdf,
    describe_batch,
    import_recipients,
    issue_letters,
    list_breach_letters,
    preview_letter,
    recipient_summary,
    reprint_breach_letter,
)
from .purge import expired, purge_expired
from .queries import BreachBoard, BreachRow, board, get_breach, list_breaches
from .record import add_breach, add_note, natures, update_breach
from .timeline import TimelineEntry, describe_event, timeline

__all__ = [
    "FIELDS",
    "FIELD_CAPTIONS",
    "LETTER_TEXT_FIELDS",
    "BreachBoard",
    "BreachLetterBlocked",
    "BreachLetterInfo",
    "BreachRow",
    "Draft",
    "DraftNotReady",
    "IssuedBatch",
    "NotificationInput",
    "TimelineEntry",
    "add_breach",
    "add_note",
    "board",
    "breach_letter_pdf",
    "describe_batch",
    "describe_event",
    "expired",
    "find_breach",
    "get_breach",
    "import_recipients",
    "issue_letters",
    "list_breach_letters",
    "list_breaches",
    "natures",
    "notification_draft",
    "parse_notification",
    "preview_letter",
    "purge_expired",
    "recipient_summary",
    "reprint_breach_letter",
    "snapshot",
    "timeline",
    "update_breach",
]
