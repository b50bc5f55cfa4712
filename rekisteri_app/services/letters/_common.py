"""What the parts of the letter service share: the names of letter kinds and ways of
sending in the officer's UI language, the errors, and reading a kind or language.

Kept below the use-case modules (compose, issue, archive, templates).
"""

from __future__ import annotations

from ...domain.enums import Language, LetterKind, SentVia
from ...domain.vocabulary import LETTER_KINDS, SENT_VIA, label
from ...i18n import N_, _
from ...storage import models as m
from ..context import ServiceError


def kind_label(kind: LetterKind | str) -> str:
    return label(LETTER_KINDS, LetterKind(kind))


def sent_via_label(via: SentVia | str) -> str:
    return label(SENT_VIA, SentVia(via))


# What to tell the officer for each value a letter can miss (English gettext sources).
FIELD_HINTS: dict[str, str] = {
    "officer_name": N_("the privacy officer's name (Edit → Settings → Officer and organisation)"),
    "officer_contact": N_(
        "the privacy officer's phone or email (Edit → Settings → Officer and organisation)"
    ),
    "officer_title": N_("the privacy officer's title (Edit → Settings → Officer and organisation)"),
    "organisation_name": N_("the controller's name (the Controllers page)"),
    "recipient_name": N_("the requester's name"),
    "subject_name": N_("the data subject's name"),
    "case_number": N_("the case number"),
    "rights": N_("a decision on the right this letter answers (record it in the case)"),
    "requested_rights": N_("the rights the request invokes"),
    "extended_due_date": N_("the extension of the time limit (record it in the case first)"),
    "extension_reasons": N_("the reasons for the extension (record them in the case)"),
    "refusal_reasons": N_("the reasons for refusing (the case's refusal reason)"),
    "erasure_decisions": N_("an erasure decision per data category (record them in the case)"),
    "registers": N_("the registers the request concerns"),
    "recipient_address": N_(
        "the recipient's postal address (record it in the case), or "
        "send the letter another way than by post"
    ),
    "identity_needed": N_("what the requester must send to prove their identity"),
    "reply_by": N_("the date by which the requester should reply"),
    "portability_data": N_("the data to hand over, per data category"),
}


class LetterBlocked(ServiceError):
    """A letter that cannot be printed: values are missing (nothing was stored)."""

    def __init__(self, names: tuple[str, ...]):
        self.names = names
        lines = [_("The letter cannot be printed: these fields have no value:")]
        lines += [
            "- " + _(FIELD_HINTS[name]) if name in FIELD_HINTS else f"- {name}" for name in names
        ]
        super().__init__("\n".join(lines))


class LetterImmutable(ServiceError, m.LetterImmutable):
    """Any attempt to change or delete an issued letter (the ORM guard in
    storage/models.py raises its storage-level base, `m.LetterImmutable`)."""


def _kind(kind: LetterKind | str) -> LetterKind:
    try:
        return LetterKind(kind)
    except ValueError:
        raise ServiceError(
            _("Unknown letter kind {kind!r}: use one of {allowed}.").format(
                kind=str(kind), allowed=", ".join(k.value for k in LetterKind)
            )
        ) from None


def _lang(lang: Language | str) -> Language:
    try:
        return Language(lang)
    except ValueError:
        raise ServiceError(
            _("Unknown letter language {lang!r}: use fi, sv or en.").format(lang=str(lang))
        ) from None
