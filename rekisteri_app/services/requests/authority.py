"""The representative's authority in a stored case: recording the check, reading it back
as a domain record, and the classification rules an authority implies (an estate's
request is outside the GDPR; a Publicity Act request needs an authority as controller).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...domain import authority as au
from ...domain.enums import Authority, AuthorityEvidence, RequestClass, is_public_authority
from ...domain.vocabulary import CONTROLLER_TYPES, label
from ...i18n import _
from ...storage import models as m
from ..context import ServiceError
from ._common import _clean
from .inputs import AuthorityInput


def record_of(req: m.RightsRequest) -> au.AuthorityRecord:
    """What the case records about the requester's authority."""
    return au.AuthorityRecord(
        kind=Authority(req.authority or Authority.SELF),
        checked_on=req.authority_checked_on,
        checked_by=_clean(req.authority_checked_by),
        evidence=None if not req.authority_evidence else AuthorityEvidence(req.authority_evidence),
        confirmed_on=req.authority_confirmed_on,
        note=_clean(req.authority_note),
    )


def apply_authority_check(
    req: m.RightsRequest, data: AuthorityInput, today: date
) -> dict[str, Any]:
    """Store the check (all of it at once); returns the timeline event's data."""
    if req.requester is None or req.authority == Authority.SELF:
        raise ServiceError(
            _("The data subject made this request: there is no representative's authority.")
        )
    by = _clean(data.checked_by)
    if not by:
        raise ServiceError(_("Say who checked the authority."))
    record = au.AuthorityRecord(
        kind=Authority(req.authority),
        checked_on=data.checked_on,
        checked_by=by,
        evidence=AuthorityEvidence(data.evidence),
        confirmed_on=data.confirmed_on,
        note=_clean(data.note),
    )
    try:
        au.check_record(record, today)
    except au.InvalidAuthority as exc:
        raise ServiceError(str(exc)) from None
    req.authority_checked_on = record.checked_on
    req.authority_checked_by = by
    req.authority_evidence = AuthorityEvidence(data.evidence).value
    req.authority_confirmed_on = record.confirmed_on
    req.authority_note = record.note
    event: dict[str, Any] = {
        "on": data.checked_on.isoformat(),
        "by": by,
        "evidence": req.authority_evidence,
    }
    if record.confirmed_on is not None:
        event["confirmed_on"] = record.confirmed_on.isoformat()
    return event


def check_case_class(req: m.RightsRequest) -> None:
    """The classification must fit the requester and the controller: refused otherwise."""
    try:
        au.check_classification(req.authority, req.classification)
    except au.InvalidAuthority as exc:
        raise ServiceError(str(exc)) from None
    if RequestClass(req.classification) is RequestClass.PUBLICITY_ACT:
        controller = req.controller
        kind = None if controller is None else controller.controller_type
        if not is_public_authority(kind):
            raise ServiceError(
                _(
                    "The Act on the Openness of Government Activities (621/1999) applies to "
                    "authorities only: the controller {name} is recorded as {type}. Record "
                    "its controller type, or classify the case otherwise."
                ).format(
                    name="—" if controller is None else controller.name,
                    type=label(CONTROLLER_TYPES, kind) if kind else _("of no type"),
                )
            )
