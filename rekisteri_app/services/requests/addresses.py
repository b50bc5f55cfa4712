"""The three addresses of a case and where a letter goes.

- claimed: what the requester wrote (the addressee's `Person.address`: the data subject,
  or the representative who acts for them);
- on record: the subject's address on the controller's own records, typed in by the
  officer after checking them;
- delivery: where the requester asked the reply to go, when not to the claimed address.

When the requested delivery address differs from the one on record, the officer
confirms which one the letter goes to (EDPB Guidelines 01/2022 on the right of access:
a proportionate check before personal data leave for an unverified address).
"""

from __future__ import annotations

import re

from ...domain.enums import Authority, DeliveryChoice
from ...i18n import _
from ...storage import models as m
from ..context import ServiceError


def addressee(req: m.RightsRequest) -> m.Person:
    """Who letters are posted to: the representative when one acts, else the subject."""
    if req.authority != Authority.SELF and req.requester is not None:
        return req.requester
    return req.subject


def claimed_address(req: m.RightsRequest) -> str | None:
    return addressee(req).address


def requested_delivery(req: m.RightsRequest) -> str | None:
    """Where the requester wants the reply: the delivery address, else the claimed one."""
    return req.delivery_address or claimed_address(req)


def _normal(text: str | None) -> str:
    return re.sub(r"[\s,]+", " ", (text or "").casefold()).strip()


def same_address(a: str | None, b: str | None) -> bool:
    """Equal but for case, commas, line breaks and spaces."""
    return _normal(a) == _normal(b)


def delivery_differs(req: m.RightsRequest) -> bool:
    """True when the reply would go elsewhere than the address on record."""
    wanted = requested_delivery(req)
    return bool(
        req.address_on_record and wanted and not same_address(wanted, req.address_on_record)
    )


def delivery_address(req: m.RightsRequest, choice: DeliveryChoice | str | None) -> str | None:
    """The address a letter prints; a differing requested address needs `choice`."""
    if delivery_differs(req):
        if choice is None:
            raise ServiceError(
                _(
                    "The requested delivery address differs from the address on the "
                    "controller's records; confirm where the letter goes "
                    "(requested or on-record)."
                )
            )
        if DeliveryChoice(choice) is DeliveryChoice.ON_RECORD:
            return req.address_on_record
        return requested_delivery(req)
    if choice is not None and DeliveryChoice(choice) is DeliveryChoice.ON_RECORD:
        if not req.address_on_record:
            raise ServiceError(_("The case has no address on record to send the letter to."))
        return req.address_on_record
    return requested_delivery(req)
