"""Traps in what real notices say, found in any free text and in stored contact details.

- repealed-personal-data-act AMBER: a text cites henkilötietolaki 523/1999 (in any of its
  Finnish, Swedish or English forms: "henkilötietolain mukaisesti", "personuppgiftslagen")
  — repealed 1.1.2019; reported once per field label.
- supervisory-authority-outdated RED: a text names the authority wrongly ("Tietosuoja-
  vastaavan toimisto") or by its old address (Ratapihantie 9, 00521): a data subject
  would send a complaint to the wrong place; 13(2)(d), 77.
- email-obfuscated AMBER: "name (at) example.fi" written against spam robots; the
  finding offers the plain address (a printed notice is read by people, not robots).
- email-invalid RED, phone-invalid AMBER, postcode-invalid AMBER: a stored contact detail
  the editors would refuse (domain/validation.py), e.g. from an older import.
"""

from __future__ import annotations

from collections.abc import Iterable

from rekisteri_app.i18n import N_

from .. import validation
from ..legal_references import PERSONAL_DATA_ACT, find_statutes
from ..supervisory_authority import outdated_mentions
from .model import CheckedContactField, CheckedText, FindingCode, Label, Severity, _Collector

GENERIC_LABEL = N_("A text")


def check_texts(texts: Iterable[CheckedText], out: _Collector) -> None:
    """Every text trap in `texts`; the repealed act once per label."""
    reported: set[str] = set()
    for item in texts:
        text = item.text or ""
        if not text.strip():
            continue
        label = item.label or GENERIC_LABEL
        if label not in reported:
            for mention in find_statutes(text):
                if mention.statute is PERSONAL_DATA_ACT:
                    reported.add(label)
                    out.add(
                        Severity.AMBER,
                        FindingCode.REPEALED_PERSONAL_DATA_ACT,
                        N_(
                            "{field} cites the repealed Personal Data Act (henkilötietolaki "
                            "523/1999) as “{excerpt}”. It was replaced by the GDPR and the Data "
                            "Protection Act (tietosuojalaki 1050/2018) on 1 January 2019."
                        ),
                        "tietosuojalaki 1050/2018",
                        _path=item.path,
                        field=Label(label),
                        excerpt=mention.text,
                    )
                    break
        mentions: dict[str, list[str]] = {}
        for kind, words in outdated_mentions(text):
            mentions.setdefault(kind, []).append(words)
        for kind, found in mentions.items():
            words = ", ".join(dict.fromkeys(found))
            out.add(
                Severity.RED,
                FindingCode.SUPERVISORY_AUTHORITY_OUTDATED,
                N_("The supervisory authority is named wrongly here: “{words}”. {hint}")
                if kind == "name"
                else N_("“{words}” is an old address of the supervisory authority. {hint}"),
                "GDPR Art. 13(2)(d), 77",
                _path=item.path,
                words=words,
                hint=Label(_AUTHORITY_HINT),
            )
        for match in validation.OBFUSCATED_EMAIL_RE.finditer(text):
            suggestion = validation.email_suggestion(match.group(0))
            if suggestion:
                _obfuscated(out, item.path, match.group(0), suggestion)


_AUTHORITY_HINT = N_(
    "The authority is the Office of the Data Protection Ombudsman (Tietosuojavaltuutetun "
    "toimisto), Lintulahdenkuja 4, 00530 Helsinki; PL 800, 00531 Helsinki."
)


def _obfuscated(out: _Collector, path: str, written: str, plain: str) -> None:
    out.add(
        Severity.AMBER,
        FindingCode.EMAIL_OBFUSCATED,
        N_("The e-mail address “{written}” is written against spam robots; write it as {plain}."),
        "GDPR Art. 12(1)",
        _path=path,
        written=written,
        plain=plain,
    )


def check_contact_fields(fields: Iterable[CheckedContactField], out: _Collector) -> None:
    """Stored e-mail addresses, phone numbers and postcodes the editors would refuse."""
    for item in fields:
        value = (item.value or "").strip()
        if not value:
            continue
        if item.kind == "email":
            suggestion = validation.email_suggestion(value)
            if suggestion:
                _obfuscated(out, item.path, value, suggestion)
            elif not validation.is_valid(validation.normalise_email, value):
                out.add(
                    Severity.RED,
                    FindingCode.EMAIL_INVALID,
                    N_("“{value}” is not an e-mail address (it needs an @ and a domain)."),
                    "GDPR Art. 13(1)(a)",
                    _path=item.path,
                    value=value,
                )
        elif item.kind == "phone" and not validation.is_valid(validation.normalise_phone, value):
            out.add(
                Severity.AMBER,
                FindingCode.PHONE_INVALID,
                N_("“{value}” is not a phone number."),
                "GDPR Art. 13(1)(a)",
                _path=item.path,
                value=value,
            )
        elif item.kind == "postal" and not validation.is_valid(
            validation.normalise_postal_address, value
        ):
            out.add(
                Severity.AMBER,
                FindingCode.POSTCODE_INVALID,
                N_("The address has the postcode “{code}”; a Finnish postcode has five digits."),
                "GDPR Art. 13(1)(a)",
                _path=item.path,
                code=validation.postal_address_postcode(value) or value,
            )
