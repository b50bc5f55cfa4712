"""Rights requests: intake, identity verification, deadlines, the case workflow.

Every write is one service call in one transaction with one audit event whose before
and after are the case in its exchange form (`entity_to_dict`), without attachment and
letter bytes. Identity codes are validated, turned into a keyed hash (Person.hetu_hash)
and forgotten: the code itself is never stored, logged or put in an audit snapshot,
and the hash is not part of the exchange form either.

Deadlines are never stored: they are computed on every read from the receipt date,
the pauses, the pause-policy setting and the extension (domain/deadlines.py), so a
corrected date or a changed policy is reflected everywhere at once.

Rooms: `inputs` (what callers hand in), `intake` (a new request), `update` (changing a
case), `corrections` (correcting intake facts with a reason), `split` (one letter into
cases per controller), `addresses` (claimed, on record, delivery), `holds` (holds whose
data would expire before the due date), `dates` (received-date sanity), `record` (what
the view adds about the record), `writes` (the one end of every case write),
`deadlines` (a stored case's deadline), `timeline` (its events as sentences), `queries`
(reading, listing, the dashboard), `_common` (helpers below them all). This package
re-exports their public names, so callers import `services.requests` only.
"""

from ._common import MAX_ATTACHMENT_BYTES, add_event, snapshot
from .addresses import addressee, delivery_address, delivery_differs, requested_delivery
from .art19 import ART_19_RIGHTS
from .authority import check_case_class, record_of
from .corrections import correct_intake
from .dates import NeedsConfirmation
from .deadlines import case_pauses, compute, deadline_for_display, extension_letter_date
from .holds import HoldAtRisk, holds_at_risk
from .inputs import (
    AttachmentInput,
    AuthorityInput,
    CaseUpdate,
    CorrectionInput,
    ErasureInput,
    ExtensionInput,
    FeeInput,
    HoldInput,
    IdentityInput,
    Intake,
    NotificationInput,
    OutcomeInput,
    PersonCorrection,
    PersonInput,
    RightRaised,
    RightWithdrawn,
    parse_date,
)
from .intake import (
    INTAKE_FIELDS,
    PERSON_FIELDS,
    RegisterOption,
    add_request,
    controllers_and_registers,
    intake_from_dict,
)
from .queries import (
    OPEN_STATUSES,
    Dashboard,
    NotificationRecipient,
    RequestRow,
    art19_recipients,
    attachment_content,
    category_names,
    dashboard,
    find_case,
    get_request,
    list_requests,
    notification_list,
    possible_repeats,
    repeats,
    sort_key,
)
from .split import split_case
from .timeline import TimelineEntry, describe_event, timeline
from .timeline import field_names as timeline_field_names
from .update import (
    FEE_GROUND,
    add_note,
    apply_update,
    decide,
    extend,
    record_identity,
    set_status,
    update_request,
)

__all__ = [
    "ART_19_RIGHTS",
    "FEE_GROUND",
    "INTAKE_FIELDS",
    "MAX_ATTACHMENT_BYTES",
    "OPEN_STATUSES",
    "PERSON_FIELDS",
    "AttachmentInput",
    "AuthorityInput",
    "CaseUpdate",
    "CorrectionInput",
    "Dashboard",
    "ErasureInput",
    "ExtensionInput",
    "FeeInput",
    "HoldAtRisk",
    "HoldInput",
    "IdentityInput",
    "Intake",
    "NeedsConfirmation",
    "NotificationInput",
    "NotificationRecipient",
    "OutcomeInput",
    "PersonCorrection",
    "PersonInput",
    "RegisterOption",
    "RequestRow",
    "RightRaised",
    "RightWithdrawn",
    "TimelineEntry",
    "add_event",
    "add_note",
    "add_request",
    "addressee",
    "apply_update",
    "art19_recipients",
    "attachment_content",
    "case_pauses",
    "category_names",
    "check_case_class",
    "compute",
    "controllers_and_registers",
    "correct_intake",
    "dashboard",
    "deadline_for_display",
    "decide",
    "delivery_address",
    "delivery_differs",
    "describe_event",
    "extend",
    "extension_letter_date",
    "find_case",
    "get_request",
    "holds_at_risk",
    "intake_from_dict",
    "list_requests",
    "notification_list",
    "parse_date",
    "possible_repeats",
    "record_identity",
    "record_of",
    "repeats",
    "requested_delivery",
    "set_status",
    "snapshot",
    "sort_key",
    "split_case",
    "timeline",
    "timeline_field_names",
    "update_request",
]
