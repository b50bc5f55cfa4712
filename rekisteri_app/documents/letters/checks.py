"""What the officer must see before a letter is printed.

Pure function of the letter data: the GUI shows the list next to the preview and asks
for confirmation; nothing here blocks printing (MissingPlaceholder does that).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from ...domain.enums import INVALID_SAFEGUARDS, LetterKind, Outcome, Safeguard
from ...i18n import _, current_language
from .compose import DECISION_KINDS, compose_letter, format_date
from .data import LetterData
from .templates import MissingPlaceholder, catalogue

# Letters that say nothing about the data subject's data, so can go before identity is
# verified: the receipt and the request for identity proof itself.
NO_IDENTITY_NEEDED = frozenset(
    {
        LetterKind.ACKNOWLEDGEMENT,
        LetterKind.IDENTITY_REQUEST,
        LetterKind.NON_GDPR_ACKNOWLEDGEMENT,
        LetterKind.PUBLICITY_ACT_REPLY,  # public documents are given to anyone
    }
)


class WarningCode(StrEnum):
    INVALID_SAFEGUARD = "invalid-safeguard"
    NO_SAFEGUARD = "no-safeguard"
    IDENTITY_NOT_VERIFIED = "identity-not-verified"
    DEADLINE_PASSED = "deadline-passed"
    MISSING_VALUES = "missing-values"
    PENDING_DECISION = "pending-decision"
    EMPTY_DATA_COPY = "empty-data-copy"
    INCOMPLETE_REGISTER = "incomplete-register"
    REFUSAL_OF_GRANTED = "refusal-of-granted"
    # from the case rather than the letter data (services/letters adds them)
    CASE_CORRECTED = "case-corrected"
    DELIVERY_UNCONFIRMED = "delivery-unconfirmed"
    AUTHORITY_UNCHECKED = "authority-unchecked"
    CONTROLLER_INCOMPLETE = "controller-incomplete"
    MIXED_LANGUAGE = "mixed-language"
    ART19_UNRECORDED = "art19-unrecorded"


@dataclass(frozen=True)
class LetterWarning:
    code: WarningCode
    message: str  # translated into the UI language
    subject: str = ""  # the register or field concerned, if any


def letter_warnings(
    data: LetterData, overrides: Mapping[LetterKind | str, str] | None = None
) -> list[LetterWarning]:
    """Everything questionable about this letter, in a stable order."""
    out: list[LetterWarning] = []
    ui = current_language()  # warnings are read by the officer, not by the recipient
    told = (
        _("The letter tells the recipient that it is no longer valid (as you chose).")
        if data.state_invalid_safeguards
        else _(
            "The letter names it as the register records it, without calling it invalid, "
            "unless you choose to tell the recipient."
        )
    )
    for register in data.registers:
        for transfer in register.transfers:
            if transfer.safeguard in INVALID_SAFEGUARDS:
                out.append(
                    LetterWarning(
                        WarningCode.INVALID_SAFEGUARD,
                        _(
                            "Register {register}: the transfer to {country} relies on an "
                            "invalid safeguard ({safeguard})."
                        ).format(
                            register=register.name,
                            country=transfer.country,
                            safeguard=catalogue(ui)["safeguards_invalid"].get(
                                transfer.safeguard.value, transfer.safeguard.value
                            ),
                        )
                        + " "
                        + told,
                        register.name,
                    )
                )
            elif transfer.safeguard is Safeguard.NONE:
                out.append(
                    LetterWarning(
                        WarningCode.NO_SAFEGUARD,
                        _(
                            "Register {register}: the transfer to {country} names no "
                            "safeguard (GDPR Chapter V)."
                        ).format(register=register.name, country=transfer.country),
                        register.name,
                    )
                )
    if not data.identity_verified and data.kind not in NO_IDENTITY_NEEDED:
        out.append(
            LetterWarning(
                WarningCode.IDENTITY_NOT_VERIFIED,
                _("The requester's identity has not been verified."),
            )
        )
    if data.is_late:
        out.append(
            LetterWarning(
                WarningCode.DEADLINE_PASSED,
                _(
                    "The time limit ended on {due}; the letter will apologise for the late reply."
                ).format(due=format_date(data.effective_due_date, ui)),
            )
        )
    if data.kind in DECISION_KINDS:
        for decision in data.rights:
            if decision.outcome is Outcome.PENDING:
                out.append(
                    LetterWarning(
                        WarningCode.PENDING_DECISION,
                        _("No decision yet on {right}.").format(
                            right=catalogue(ui)["rights"][decision.right.value]
                        ),
                        decision.right.value,
                    )
                )
    if data.kind is LetterKind.REFUSAL:
        granted = [d for d in data.rights if d.outcome in (Outcome.GRANTED, Outcome.PARTLY)]
        if granted:  # an Art. 12(5) refusal that says "granted" contradicts itself
            out.append(
                LetterWarning(
                    WarningCode.REFUSAL_OF_GRANTED,
                    _("The refusal letter lists rights recorded as granted: {rights}.").format(
                        rights=", ".join(catalogue(ui)["rights"][d.right.value] for d in granted)
                    ),
                )
            )
    if data.kind is LetterKind.ACCESS_RESPONSE:
        if not data.data_copy:  # blocks issuing: Art. 15(3) needs the copy
            out.append(
                LetterWarning(
                    WarningCode.EMPTY_DATA_COPY,
                    _("The copy of the personal data (Art. 15(3)) has no entries."),
                )
            )
        for register in data.registers:
            empty = [
                name
                for name, value in (
                    (_("purposes"), register.purposes),
                    (_("data categories"), register.data_categories),
                    (_("recipients"), register.recipients or register.no_disclosures is not None),
                    (_("transfers"), register.transfers or register.no_transfers is not None),
                    (_("retention periods"), register.retention),
                    (_("sources"), register.sources),
                    (
                        _("automated decisions"),
                        register.automated_decisions.strip() or register.no_automated is not None,
                    ),
                )
                if not value
            ]
            if empty:
                out.append(
                    LetterWarning(
                        WarningCode.INCOMPLETE_REGISTER,
                        _("Register {register} has no entries for: {fields}.").format(
                            register=register.name, fields=", ".join(empty)
                        ),
                        register.name,
                    )
                )
    try:
        compose_letter(data, overrides)
    except MissingPlaceholder as exc:
        out.append(LetterWarning(WarningCode.MISSING_VALUES, str(exc), ", ".join(exc.names)))
    return out
