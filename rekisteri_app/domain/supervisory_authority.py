"""The Finnish supervisory authority, the one place its contact details are written.

GDPR Art. 77 and Art. 13(2)(d) / 15(1)(f): every notice and every refusal names the
authority to complain to; in Finland the Office of the Data Protection Ombudsman
(tietosuojalaki 1050/2018, 8 §). Source: tietosuoja.fi/yhteystiedot, /sv/kontaktuppgifter,
/en/contact-information, checked 2026 — the office moved from Ratapihantie 9, 00520 to
Lintulahdenkuja 4 (Fågelviksgränden 4), 00530 Helsinki. Letters and notices derive their
defaults from here; the officer can override them in settings (authority.*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class AuthorityContact:
    name: str
    street: str
    postcode: str
    city: str
    po_box: str
    po_postcode: str
    phone: str
    email: str
    web: str


OMBUDSMAN: dict[str, AuthorityContact] = {
    "fi": AuthorityContact(
        name="Tietosuojavaltuutetun toimisto",
        street="Lintulahdenkuja 4",
        postcode="00530",
        city="Helsinki",
        po_box="PL 800",
        po_postcode="00531",
        phone="029 566 6700",
        email="tietosuoja@om.fi",
        web="https://tietosuoja.fi",
    ),
    "sv": AuthorityContact(
        name="Dataombudsmannens byrå",
        street="Fågelviksgränden 4",
        postcode="00530",
        city="Helsingfors",
        po_box="PB 800",
        po_postcode="00531",
        phone="029 566 6700",
        email="tietosuoja@om.fi",
        web="https://tietosuoja.fi/sv",
    ),
    "en": AuthorityContact(
        name="Office of the Data Protection Ombudsman",
        street="Lintulahdenkuja 4",
        postcode="00530",
        city="Helsinki",
        po_box="P.O. Box 800",
        po_postcode="00531",
        phone="+358 29 566 6700",
        email="tietosuoja@om.fi",
        web="https://tietosuoja.fi/en",
    ),
}


def ombudsman_names() -> frozenset[str]:
    """The authority's name in the three languages, case-folded."""
    return frozenset(contact.name.casefold() for contact in OMBUDSMAN.values())


@dataclass(frozen=True)
class OutdatedAuthority:
    """A way old notices name or address the supervisory authority wrongly."""

    pattern: str
    kind: str  # "name" or "address"


#: Names and addresses that are not the Ombudsman's: the office of the data protection
#: *officer* is a controller's own function, not the authority; the office left
#: Ratapihantie 9, 00520 (PL 800, 00521) for Lintulahdenkuja 4, 00530 (PL 800, 00531).
OUTDATED: tuple[OutdatedAuthority, ...] = (
    OutdatedAuthority(r"\btietosuojavastaavan\s+toimisto\w*", "name"),
    OutdatedAuthority(r"\bdataskyddsombudets\s+byrå\w*", "name"),
    OutdatedAuthority(r"\bRatapihantie\w*(?:\s+9)?", "address"),
    OutdatedAuthority(r"\bBangårdsvägen\w*(?:\s+9)?", "address"),
    OutdatedAuthority(r"\b00521\b", "address"),
)

_OUTDATED_RE = tuple(re.compile(o.pattern, re.IGNORECASE) for o in OUTDATED)


def outdated_mentions(text: str) -> list[tuple[str, str]]:
    """(kind, the words as written) for each wrong name or old address of the authority."""
    found: list[tuple[str, str]] = []
    for outdated, regex in zip(OUTDATED, _OUTDATED_RE, strict=True):
        found += [(outdated.kind, m.group(0)) for m in regex.finditer(text or "")]
    return found
