"""Words for the rights-request vocabularies, shared by the command line and the window.

English gettext sources (N_), translated where shown. Right labels use the same source
strings as gui/labels.py so both share one translation.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..domain.deadlines import PausePolicy, Urgency
from ..domain.enums import (
    Authority,
    Channel,
    IdentityMethod,
    Language,
    PauseKind,
    RequestClass,
    Right,
)
from ..domain.identity_code import IdentityDocument
from ..domain.workflow import OUTCOME_LABELS, STATUS_LABELS
from ..i18n import N_, _

RIGHTS: Mapping[str, str] = {
    Right.ACCESS: N_("access (Art. 15)"),
    Right.RECTIFICATION: N_("rectification (Art. 16)"),
    Right.ERASURE: N_("erasure (Art. 17)"),
    Right.RESTRICTION: N_("restriction (Art. 18)"),
    Right.PORTABILITY: N_("data portability (Art. 20)"),
    Right.OBJECTION: N_("objection (Art. 21(1))"),
    Right.MARKETING_BAN: N_("direct marketing ban (Art. 21(2))"),
    Right.CONSENT_WITHDRAWAL: N_("withdrawal of consent (Art. 7(3))"),
    Right.AUTOMATED_DECISION: N_("automated decisions (Art. 22)"),
}

CHANNELS: Mapping[str, str] = {
    Channel.POST: N_("post"),
    Channel.EMAIL: N_("email"),
    Channel.ESERVICE: N_("e-service"),
    Channel.PHONE: N_("phone"),
    Channel.IN_PERSON: N_("in person"),
}

LANGUAGES: Mapping[str, str] = {
    Language.FI: N_("Finnish"),
    Language.SV: N_("Swedish"),
    Language.EN: N_("English"),
}

AUTHORITIES: Mapping[str, str] = {
    Authority.SELF: N_("the data subject themself"),
    Authority.POWER_OF_ATTORNEY: N_("power of attorney"),
    Authority.GUARDIAN: N_("guardian (edunvalvoja)"),
    Authority.CONTINUING_POA: N_("continuing power of attorney"),
    Authority.LEGAL_COUNSEL: N_("legal counsel"),
}

CLASSIFICATIONS: Mapping[str, str] = {
    RequestClass.GDPR: N_("GDPR request"),
    RequestClass.NON_GDPR: N_("not a GDPR request"),
}

IDENTITY_METHODS: Mapping[str, str] = {
    IdentityMethod.IN_PERSON_DOCUMENT: N_("identity document shown in person"),
    IdentityMethod.STRONG_EID: N_("strong electronic identification"),
    IdentityMethod.SIGNED_LETTER_ADDRESS: N_("signed letter from the known address"),
    IdentityMethod.POPULATION_REGISTER_ADDRESS: N_("address checked in the population register"),
    IdentityMethod.OTHER: N_("other method"),
}

DOCUMENTS: Mapping[str, str] = {
    IdentityDocument.PASSPORT: N_("passport"),
    IdentityDocument.ID_CARD: N_("identity card"),
    IdentityDocument.DRIVING_LICENCE: N_("driving licence"),
    IdentityDocument.RESIDENCE_PERMIT: N_("residence permit"),
    IdentityDocument.OTHER: N_("other document"),
}

PAUSE_KINDS: Mapping[str, str] = {
    PauseKind.IDENTITY: N_("identity proof"),
    PauseKind.CLARIFICATION: N_("clarification"),
}

URGENCIES: Mapping[str, str] = {
    Urgency.OVERDUE: N_("overdue"),
    Urgency.DUE_SOON: N_("due soon"),
    Urgency.OK: N_("on time"),
    Urgency.SUSPENDED: N_("clock stopped"),
    Urgency.NO_DEADLINE: N_("no statutory deadline"),
    # a case no longer open shows its status instead of an urgency
    "answered": N_("answered"),
    "closed": N_("closed"),
}

PAUSE_POLICIES: Mapping[str, str] = {
    PausePolicy.SUSPEND: N_("suspend the clock while waiting (default)"),
    PausePolicy.RESTART: N_("restart the month when the answer arrives"),
    PausePolicy.NONE: N_("never stop the clock"),
}

# What each pause policy does, for the settings dialog and `rekisteri settings --help`
# (details and sources in docs/deadlines.md).
PAUSE_POLICY_HELP: Mapping[str, str] = {
    PausePolicy.SUSPEND: N_(
        "The days between asking for identity proof or a clarification and receiving it "
        "are added to the deadline (EDPB Guidelines 01/2022 on the right of access, "
        "§ 159). While an answer is awaited the case has no due date."
    ),
    PausePolicy.RESTART: N_(
        "One month is counted again from the day the answer arrived (the UK regulator's "
        "practice). Not the EDPB reading; use only on legal advice."
    ),
    PausePolicy.NONE: N_(
        "Asking for proof or a clarification does not stop the clock: one month from "
        "receipt always applies. The strictest reading of GDPR Art. 12(3)."
    ),
}

STATUSES: Mapping[str, str] = STATUS_LABELS
OUTCOMES: Mapping[str, str] = OUTCOME_LABELS


def label(table: Mapping[str, str], value: object) -> str:
    """The translated word for `value`, or the raw identifier if the table lacks it."""
    if value is None or value == "":
        return ""
    text = table.get(str(value))
    return _(text) if text else str(value)


def choices(table: Mapping[str, str]) -> list[tuple[str, str]]:
    """(value, translated label) pairs in the table's order, for a combo box."""
    return [(str(value), _(text)) for value, text in table.items()]
