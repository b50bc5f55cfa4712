"""The catalogue of legal grounds for refusing a right, wholly or in part.

A refusal must tell the requester why (GDPR Art. 12(4)); picking a ground from a
closed list keeps letters consistent and lets the audit pack count refusals by
ground. Codes are stable identifiers (stored, exported); descriptions are English
gettext sources translated where they are shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..i18n import N_, _
from .enums import Right


class UnknownLegalGround(ValueError):
    """A ground code that is not in the catalogue; message translated."""


@dataclass(frozen=True)
class LegalGround:
    code: str
    article: str  # as cited in letters, e.g. "GDPR Art. 17(3)(b)"
    description: str  # English gettext source (N_); use label() to show it
    rights: frozenset[Right] | None = None  # None: may be cited against any right

    def label(self) -> str:
        return _(self.description)

    def applies_to(self, right: Right) -> bool:
        return self.rights is None or right in self.rights


_ART_11_2_RIGHTS = frozenset(
    {Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION, Right.PORTABILITY}
)

_CATALOGUE = (
    LegalGround(
        "art-11-2",
        "GDPR Art. 11(2)",
        N_(
            "The controller has shown that it cannot identify the data subject, so "
            "Articles 15 to 20 do not apply."
        ),
        _ART_11_2_RIGHTS,
    ),
    LegalGround(
        "art-12-5",
        "GDPR Art. 12(5)(b)",
        N_("The request is manifestly unfounded or excessive, in particular repetitive."),
    ),
    LegalGround(
        "art-15-4",
        "GDPR Art. 15(4)",
        N_("Giving the copy would adversely affect the rights and freedoms of others."),
        frozenset({Right.ACCESS}),
    ),
    LegalGround(
        "art-16-accurate",
        "GDPR Art. 16",
        N_("The personal data are accurate and complete for the purposes of the processing."),
        frozenset({Right.RECTIFICATION}),
    ),
    LegalGround(
        "art-17-1-not-met",
        "GDPR Art. 17(1)",
        N_("None of the grounds for erasure in Article 17(1) applies."),
        frozenset({Right.ERASURE}),
    ),
    LegalGround(
        "art-17-3-b",
        "GDPR Art. 17(3)(b)",
        N_(
            "Processing is necessary for compliance with a legal obligation, such as the "
            "statutory retention of billing and accounting records."
        ),
        frozenset({Right.ERASURE}),
    ),
    LegalGround(
        "art-17-3-e",
        "GDPR Art. 17(3)(e)",
        N_("Processing is necessary for the establishment, exercise or defence of legal claims."),
        frozenset({Right.ERASURE}),
    ),
    LegalGround(
        "art-18-1-not-met",
        "GDPR Art. 18(1)",
        N_("None of the conditions for restriction in Article 18(1) applies."),
        frozenset({Right.RESTRICTION}),
    ),
    LegalGround(
        "art-18-2",
        "GDPR Art. 18(2)",
        N_(
            "Restricted data may still be processed for legal claims, to protect the rights "
            "of another person or for important reasons of public interest."
        ),
        frozenset({Right.RESTRICTION}),
    ),
    LegalGround(
        "art-20-not-applicable",
        "GDPR Art. 20(1)",
        N_(
            "Portability applies only to data processed by automated means on the basis "
            "of consent or a contract."
        ),
        frozenset({Right.PORTABILITY}),
    ),
    LegalGround(
        "art-20-4",
        "GDPR Art. 20(4)",
        N_("Transmitting the data would adversely affect the rights and freedoms of others."),
        frozenset({Right.PORTABILITY}),
    ),
    LegalGround(
        "art-21-1-basis",
        "GDPR Art. 21(1)",
        N_(
            "The right to object applies only to processing based on Article 6(1)(e) or (f); "
            "this processing has another legal basis."
        ),
        frozenset({Right.OBJECTION}),
    ),
    LegalGround(
        "art-21-1-compelling",
        "GDPR Art. 21(1)",
        N_(
            "The controller has compelling legitimate grounds that override the interests, "
            "rights and freedoms of the data subject, or needs the data for legal claims."
        ),
        frozenset({Right.OBJECTION}),
    ),
    LegalGround(
        "art-22-2",
        "GDPR Art. 22(2)",
        N_(
            "The automated decision is necessary for a contract, authorised by law or based "
            "on explicit consent."
        ),
        frozenset({Right.AUTOMATED_DECISION}),
    ),
    LegalGround(
        "national-law",
        "GDPR Art. 23",
        N_("A restriction laid down in national law applies (named in the reply)."),
    ),
)

LEGAL_GROUNDS: Mapping[str, LegalGround] = MappingProxyType({g.code: g for g in _CATALOGUE})
"""Every ground, by code."""


def legal_ground(code: str) -> LegalGround:
    """The catalogue entry for `code`, or UnknownLegalGround."""
    try:
        return LEGAL_GROUNDS[code]
    except KeyError:
        raise UnknownLegalGround(_("Unknown legal ground: {code}.").format(code=code)) from None


def grounds_for(right: Right) -> tuple[LegalGround, ...]:
    """The grounds a refusal of `right` may cite, in catalogue order (for pick lists)."""
    return tuple(g for g in _CATALOGUE if g.applies_to(right))
