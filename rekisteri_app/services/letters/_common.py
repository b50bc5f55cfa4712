"""What the parts of the letter service share: the names of letter kinds and ways of
sending in the officer's UI language, the errors, and reading a kind or language.

Kept below the use-case modules (compose, issue, archive, templates).
"""

from __future__ import annotations

from collections.abc import Mapping

from ...domain.enums import Language, LetterKind, SentVia
from ...domain.vocabulary import LANGUAGES, LETTER_KIND_DESCRIPTIONS, LETTER_KINDS, SENT_VIA, label
from ...i18n import N_, _, quoted
from ...storage import models as m
from ..context import ServiceError


def kind_label(kind: LetterKind | str) -> str:
    return label(LETTER_KINDS, LetterKind(kind))


def kind_description(kind: LetterKind | str) -> str:
    """One line on what the kind of letter says (`letter --list-kinds`)."""
    return label(LETTER_KIND_DESCRIPTIONS, LetterKind(kind))


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
    "data_copy": N_("the copy of the personal data, per data category (GDPR Art. 15(3))"),
    "art19_records": N_(
        "what was done about every recipient of the registers (GDPR Art. 19): the data "
        "subject asked to be told the recipients, so the list must be complete"
    ),
    "other_holder_contact": N_("how to reach the other controller named in the letter"),
    "answer": N_("the answer to the request (the letter's text)"),
    "documents": N_("the documents given or refused"),
    "document_reasons": N_("the reason for each document refused"),
    "register_names": N_("the registers the answer covers (the case's registers)"),
    "not_held": N_(
        "the outcome “no personal data held” on the access request (record it in the case)"
    ),
    "controller": N_("the controller that answers (record the case's controller)"),
}


class LetterBlocked(ServiceError):
    """A letter that cannot be printed: values are missing (nothing was stored).

    `described` gives the words for names that need more than the field hint (e.g. which
    controller lacks its business ID, which fact of the authority is missing)."""

    def __init__(
        self,
        names: tuple[str, ...],
        described: Mapping[str, str] | None = None,
        heading: str | None = None,
    ):
        self.names = names
        described = described or {}
        self.described: Mapping[str, str] = described
        lines = [heading or _("The letter cannot be printed: these fields have no value:")]
        for name in names:
            if name in described:
                lines.append(f"- {described[name]}")
            elif name in FIELD_HINTS:
                lines.append("- " + _(FIELD_HINTS[name]))  # words, not the key name
            else:
                lines.append(f"- {name}")
        super().__init__("\n".join(lines))


class MixedLanguage(ServiceError):
    """Texts the letter prints exist only in another language: issuing needs the
    officer's confirmation (nothing was stored)."""

    def __init__(self, lang: Language, mixed: tuple):
        self.mixed = mixed
        lines = [
            _(
                "These texts of the letter exist only in another language than the "
                "letter's ({language}). Add the translations, or confirm to issue the "
                "letter with mixed language (command line: --yes):"
            ).format(language=label(LANGUAGES, lang))
        ]
        lines += [f"- {m.where}: “{quoted(m.text, 60)}”" for m in mixed]
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
