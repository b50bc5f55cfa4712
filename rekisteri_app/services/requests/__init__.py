"""Rights requests: intake, identity verification, deadlines, the case workflow.

Every write is one service call in one transaction with one audit event whose before
and after are the case in its exchange form (`entity_to_dict`), without attachment and
letter bytes. Identity codes are validated, turned into a keyed hash (Person.hetu_hash)
and forgotten: the code itself is never stored, logged or put in an audit snapshot,
and the hash is not part of the exchange form either.

Deadlines are computed by domain/deadlines.py from the receipt date, the pauses, the
pause-policy setting and the extension, and stored in derived, indexed columns by
`store_deadline` in the transaction of every change (deadlines.py), so lists can be
ordered and filtered by due date in SQL; a changed policy or holiday calendar
recomputes them all, and `deadline_drift` finds any stored value that differs.

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
from .corrections import correct_intake
from .dates import NeedsConfirmation
from .deadlines import (
    OPEN_STATUSES,
    case_pauses,
    compute,
    deadline_drift,
    deadline_for_display,
    extension_letter_date,
    recompute_all,
    refresh_stale_deadlines,
    store_deadline,
)
from .holds import HoldAtRisk, holds_at_risk
from .inputs import (
    AttachmentInput,
    CaseUpdate,
    CorrectionInput,
    ErasureInput,
    ExtensionInput,
    HoldInput,
    IdentityInput,
    Intake,
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
    ART_19_RIGHTS,
    AWAITING_IDENTITY,
    BUCKETS,
    DUE_SOON,
    OPEN,
    ORDERS,
    OVERDUE,
    PAGE,
    Dashboard,
    NotificationRecipient,
    RequestQuery,
    RequestRow,
    art19_recipients,
    attachment_content,
    category_names,
    count_requests,
    dashboard,
    find_case,
    get_request,
    iter_requests,
    list_requests,
    notification_list,
    possible_repeats,
    repeats,
    request_page,
    sort_key,
    status_counts,
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
    "AWAITING_IDENTITY",
    "BUCKETS",
    "DUE_SOON",
    "FEE_GROUND",
    "INTAKE_FIELDS",
    "MAX_ATTACHMENT_BYTES",
    "OPEN",
    "OPEN_STATUSES",
    "ORDERS",
    "OVERDUE",
    "PAGE",
    "PERSON_FIELDS",
    "AttachmentInput",
    "CaseUpdate",
    "CorrectionInput",
    "Dashboard",
    "ErasureInput",
    "ExtensionInput",
    "HoldAtRisk",
    "HoldInput",
    "IdentityInput",
    "Intake",
    "NeedsConfirmation",
    "NotificationRecipient",
    "OutcomeInput",
    "PersonCorrection",
    "PersonInput",
    "RegisterOption",
    "RequestQuery",
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
    "compute",
    "controllers_and_registers",
    "correct_intake",
    "count_requests",
    "dashboard",
    "deadline_drift",
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
    "iter_requests",
    "list_requests",
    "notification_list",
    "parse_date",
    "possible_repeats",
    "recompute_all",
    "record_identity",
    "refresh_stale_deadlines",
    "repeats",
    "request_page",
    "requested_delivery",
    "set_status",
    "snapshot",
    "sort_key",
    "split_case",
    "status_counts",
    "store_deadline",
    "timeline",
    "timeline_field_names",
    "update_request",
]
