"""The one end of every write to a case: the deadline must still hold, then the audit
event with the case before and after.

Intake, updates, corrections, splits and the pause a letter starts all end here, so a
rule every case write must follow (such as storing the derived deadline columns) is
added in one place.
"""

from __future__ import annotations

from typing import Any

from ...storage import models as m
from .. import settings
from ..context import Transaction
from ._common import snapshot
from .deadlines import _validate_deadline, store_deadline


def finish_case_write(
    tx: Transaction, req: m.RightsRequest, action: str, before: dict[str, Any] | None
) -> None:
    """Check the deadline of the changed case, store its derived deadline columns
    (deadlines.store_deadline), flush, and append the audit event."""
    session = tx.session
    _validate_deadline(req, settings.pause_policy(session))
    store_deadline(session, req)
    session.flush()
    tx.audit(action, "request", req.case_number, before, snapshot(session, req))
