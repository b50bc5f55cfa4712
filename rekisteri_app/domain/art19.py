"""Art. 19: telling the recipients of the register about a rectification, erasure or
restriction, as recorded per recipient.

A letter may claim only the notifications the officer recorded, so each recipient of the
case's registers gets one record: notified on a date, not notified because it proved
impossible or would involve disproportionate effort (with the reason), or not a recipient
of this person's data. The data subject themself (a notice's "Asiakas itse") and their
representative are listed as recipients in some notices, but receiving one's own data is
no disclosure to notify: such self-recipients are never listed. Pure: no SQL, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from ..i18n import _
from .enums import NotificationStatus, RecipientKind

# "Asiakas itse", "Rekisteröity itse", "Kunden själv", "Den registrerade själv",
# "The customer themself", "The data subject"...: the data subject as a recipient.
_SELF = re.compile(
    r"\b(asiakas|rekisteröity|henkilö|kunden|kund|den registrerade|registrerade|customer|"
    r"data subject)\s+(itse|själv|themselves|themself|himself|herself)\b"
    r"|^(the )?data subject$|^rekisteröity$|^den registrerade$"
)


class InvalidNotification(ValueError):
    """An Art. 19 record that lacks what its status needs; message translated."""


def fold(name: str) -> str:
    """How recipient names are compared: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", name or "").casefold().split())


def is_self_recipient(name: str, kind: str | None = None) -> bool:
    """The data subject or their representative, listed as a "recipient"."""
    if str(kind or "") == RecipientKind.DATA_SUBJECT_REPRESENTATIVE.value:
        return True
    return _SELF.search(fold(name)) is not None


def check_notification(
    status: NotificationStatus | str,
    notified_on: date | None,
    reason: str | None,
    *,
    received_on: date,
    today: date,
) -> None:
    """Raise InvalidNotification unless the record has what its status needs."""
    status = NotificationStatus(status)
    if status is NotificationStatus.NOTIFIED:
        if notified_on is None:
            raise InvalidNotification(_("A notification needs the date it was made."))
        if notified_on > today:
            raise InvalidNotification(
                _("The date {day} is in the future.").format(day=notified_on.isoformat())
            )
        if notified_on < received_on:
            raise InvalidNotification(
                _("A recipient cannot be notified of a change before the request arrived.")
            )
    elif notified_on is not None:
        raise InvalidNotification(_("Only a notification that was made has a date."))
    if status is NotificationStatus.NOT_NOTIFIED and not (reason or "").strip():
        raise InvalidNotification(
            _(
                "Not notifying a recipient needs the reason: notifying proved impossible or "
                "would involve disproportionate effort (GDPR Art. 19)."
            )
        )
