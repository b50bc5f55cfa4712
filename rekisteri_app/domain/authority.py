"""A representative's authority: which evidence fits which kind of authority, and what
must be recorded before a letter discloses the data subject's data to the representative.

Why a rule of its own: a letter that hands personal data to someone other than the data
subject is a disclosure, lawful only if the authority was really checked. The record
says who checked it, when and against what; a continuing power of attorney
(edunvalvontavaltuutus) has no effect before the guardianship authority (the Digital and
Population Data Services Agency, DVV) confirmed it (Act 648/2007 on continuing powers of
attorney, § 24). An estate (kuolinpesä) asking for a deceased person's data is not a
GDPR request at all (GDPR recital 27). Pure: no SQL, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from ..i18n import _
from .enums import ESTATE_AUTHORITIES, Authority, AuthorityEvidence, RequestClass
from .vocabulary import AUTHORITIES, AUTHORITY_EVIDENCE

E = AuthorityEvidence

ACCEPTED_EVIDENCE: Mapping[Authority, frozenset[AuthorityEvidence]] = MappingProxyType(
    {
        Authority.POWER_OF_ATTORNEY: frozenset({E.POWER_OF_ATTORNEY, E.OTHER}),
        Authority.GUARDIAN: frozenset({E.GUARDIANSHIP_REGISTER, E.COURT_ORDER, E.OTHER}),
        Authority.CONTINUING_POA: frozenset(
            {E.CONFIRMATION_DECISION, E.GUARDIANSHIP_REGISTER, E.OTHER}
        ),
        Authority.LEGAL_COUNSEL: frozenset({E.POWER_OF_ATTORNEY, E.COUNSEL_ASSURANCE, E.OTHER}),
        Authority.ESTATE_SHAREHOLDER: frozenset({E.ESTATE_INVENTORY, E.OTHER}),
        Authority.ESTATE_ADMINISTRATOR: frozenset({E.COURT_ORDER, E.ESTATE_INVENTORY, E.OTHER}),
    }
)
"""Evidence that can show each kind of authority; OTHER needs the officer's note."""


class InvalidAuthority(ValueError):
    """An authority record that contradicts itself or the law; message translated."""


class Missing(StrEnum):
    """Why a disclosing letter cannot go to the representative yet."""

    CHECKED_ON = "checked-on"
    CHECKED_BY = "checked-by"
    EVIDENCE = "evidence"
    NOTE = "note"  # "other evidence" without words
    CONFIRMED_ON = "confirmed-on"
    NOT_IN_EFFECT = "not-in-effect"  # confirmed after the letter's date
    CHECKED_TOO_EARLY = "checked-too-early"  # checked before it was confirmed


@dataclass(frozen=True)
class AuthorityRecord:
    """What the case records about the requester's authority."""

    kind: Authority
    checked_on: date | None = None
    checked_by: str | None = None
    evidence: AuthorityEvidence | None = None
    confirmed_on: date | None = None  # continuing power of attorney: confirmed by DVV
    note: str | None = None


def is_estate(kind: Authority | str) -> bool:
    return str(kind) in {str(k) for k in ESTATE_AUTHORITIES}


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def check_record(record: AuthorityRecord, today: date) -> None:
    """Raise InvalidAuthority when the recorded check cannot be right as it stands."""
    kind = Authority(record.kind)
    if kind is Authority.SELF:
        raise InvalidAuthority(
            _("The data subject acts on their own behalf: there is no authority to check.")
        )
    for day in (record.checked_on, record.confirmed_on):
        if day is not None and day > today:
            raise InvalidAuthority(
                _("The date {day} is in the future.").format(day=day.isoformat())
            )
    if record.evidence is not None:
        evidence = AuthorityEvidence(record.evidence)
        if evidence not in ACCEPTED_EVIDENCE[kind]:
            accepted = ", ".join(
                _(AUTHORITY_EVIDENCE[e])
                for e in sorted(ACCEPTED_EVIDENCE[kind])
                if e is not E.OTHER
            )
            raise InvalidAuthority(
                _("A {evidence} does not show the authority of a {kind}; use: {accepted}.").format(
                    evidence=_(AUTHORITY_EVIDENCE[evidence]),
                    kind=_(AUTHORITIES[kind]),
                    accepted=accepted,
                )
            )
        if evidence is E.OTHER and _blank(record.note):
            raise InvalidAuthority(_("Other evidence of authority needs a note saying what it is."))
    if record.confirmed_on is not None and kind is not Authority.CONTINUING_POA:
        raise InvalidAuthority(
            _(
                "Only a continuing power of attorney has a date of confirmation by the "
                "guardianship authority."
            )
        )


def check_classification(kind: Authority | str, request_class: RequestClass | str) -> None:
    """An estate's request for a deceased person's data is outside the GDPR."""
    if is_estate(kind) and RequestClass(request_class) is RequestClass.GDPR:
        raise InvalidAuthority(
            _(
                "An estate asking for a deceased person's data does not make a GDPR request "
                "(GDPR recital 27): classify the case as not a GDPR request."
            )
        )


def missing_for_disclosure(record: AuthorityRecord, on: date) -> tuple[Missing, ...]:
    """What must still be recorded before a letter dated `on` discloses the data
    subject's data to the representative (empty: nothing; SELF: never anything)."""
    kind = Authority(record.kind)
    if kind is Authority.SELF:
        return ()
    out: list[Missing] = []
    if record.checked_on is None:
        out.append(Missing.CHECKED_ON)
    if _blank(record.checked_by):
        out.append(Missing.CHECKED_BY)
    if record.evidence is None:
        out.append(Missing.EVIDENCE)
    elif AuthorityEvidence(record.evidence) is E.OTHER and _blank(record.note):
        out.append(Missing.NOTE)
    if kind is Authority.CONTINUING_POA:
        if record.confirmed_on is None:
            out.append(Missing.CONFIRMED_ON)
        elif record.confirmed_on > on:
            out.append(Missing.NOT_IN_EFFECT)
        elif record.checked_on is not None and record.checked_on < record.confirmed_on:
            out.append(Missing.CHECKED_TOO_EARLY)
    return tuple(out)


def describe_missing(
    missing: Missing, record: AuthorityRecord, format_date: Callable[[date], str]
) -> str:
    """The missing fact in words, for the block message (UI language)."""
    kind = _(AUTHORITIES[Authority(record.kind)])
    if missing is Missing.CHECKED_ON:
        return _("the date the authority ({kind}) was checked").format(kind=kind)
    if missing is Missing.CHECKED_BY:
        return _("who checked the authority")
    if missing is Missing.EVIDENCE:
        accepted = ", ".join(
            _(AUTHORITY_EVIDENCE[e])
            for e in sorted(ACCEPTED_EVIDENCE[Authority(record.kind)])
            if e is not E.OTHER
        )
        return _("the evidence of authority that was seen (e.g. {accepted})").format(
            accepted=accepted
        )
    if missing is Missing.NOTE:
        return _("a note saying what the other evidence of authority is")
    if missing is Missing.CONFIRMED_ON:
        return _(
            "the date the guardianship authority (DVV) confirmed the continuing power of "
            "attorney; it has no effect before that"
        )
    confirmed = format_date(record.confirmed_on) if record.confirmed_on else ""
    if missing is Missing.NOT_IN_EFFECT:
        return _("a continuing power of attorney in effect: it was confirmed only on {day}").format(
            day=confirmed
        )
    checked = format_date(record.checked_on) if record.checked_on else ""
    return _(
        "a check after the confirmation: the authority was checked on {checked}, before the "
        "guardianship authority confirmed it on {day}"
    ).format(checked=checked, day=confirmed)
