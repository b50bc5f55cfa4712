"""The Finnish supervisory authority, the one place its contact details are written.

GDPR Art. 77 and Art. 13(2)(d) / 15(1)(f): every notice and every refusal names the
authority to complain to; in Finland the Office of the Data Protection Ombudsman
(tietosuojalaki 1050/2018, 8 §). Source: tietosuoja.fi/yhteystiedot, /sv/kontaktuppgifter,
/en/contact-information, checked 2026 — the office moved from Ratapihantie 9, 00520 to
Lintulahdenkuja 4 (Fågelviksgränden 4), 00530 Helsinki. Letters and notices derive their
defaults from here; the officer can override them in settings (authority.*).
"""

from __future__ import annotations

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
