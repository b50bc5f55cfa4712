"""The Art. 34 letter to a data subject, in the letters engine's window-envelope frame.

Art. 34(2): in clear and plain language, the nature of the breach and at least the
contact point, the likely consequences and the measures taken or proposed (Art.
33(3)(b)-(d)); the letter adds what the person can do themselves. Every one of those is
the officer's own text for the data subjects in the letter's language; a missing one
blocks the letter (`LetterNotReady` lists them all), nothing is filled in.
"""

from __future__ import annotations

from ...domain.enums import Language
from ...i18n import _
from ..letters.compose import Block, ComposedLetter, format_date, split_wording
from ..letters.render import render_composed
from ..letters.templates import catalogue as letter_catalogue
from .data import BreachLetterData
from .texts import catalogue


class LetterNotReady(ValueError):
    """Values the letter cannot be printed without; `names` are field keys."""

    def __init__(self, names: tuple[str, ...]):
        self.names = tuple(sorted(set(names)))
        super().__init__(
            _("The letter cannot be printed: these fields have no value: {names}").format(
                names=", ".join(self.names)
            )
        )


def _contact(data: BreachLetterData) -> str:
    parts = [p for p in (data.officer.phone, data.officer.email) if p.strip()]
    return ", ".join(parts)


def missing_values(data: BreachLetterData) -> tuple[str, ...]:
    """What the letter still needs, as field keys (empty: ready to print)."""
    checks = (
        ("description", data.description),
        ("consequences", data.consequences),
        ("measures", data.measures),
        ("advice", data.advice),
        ("officer_name", data.officer.name),
        ("officer_title", data.officer.title),
        ("officer_contact", _contact(data)),
        ("organisation_name", data.organisation.name),
        ("recipient_name", data.recipient.name),
        ("reference", data.reference),
    )
    return tuple(name for name, value in checks if not str(value or "").strip())


def compose_breach_letter(data: BreachLetterData) -> ComposedLetter:
    missing = missing_values(data)
    if missing:
        raise LetterNotReady(missing)
    lang = Language(data.language)
    words = catalogue(lang)["letter"]
    frame = letter_catalogue(lang)
    labels = frame["labels"]
    blocks: list[Block] = [Block(words["intro_high"] if data.high_risk else words["intro"])]

    def part(heading_key: str, text: str) -> None:
        blocks.append(Block(words[heading_key], "heading"))
        blocks.extend(split_wording(text))

    part("what_heading", data.description)
    blocks.append(Block(words["aware"].format(aware_date=format_date(data.aware_on, lang))))
    part("consequences_heading", data.consequences)
    part("measures_heading", data.measures)
    part("advice_heading", data.advice)
    contact = words["contact"].format(
        officer_title=data.officer.title.strip(),
        officer_name=data.officer.name.strip(),
        officer_contact=_contact(data),
    )
    return ComposedLetter(
        kind=None,
        language=lang,
        labels=labels,
        document_name=words["document_name"],
        date_text=format_date(data.issue_date, lang),
        case_number=data.reference,
        reference="",
        matter=words["matter"],
        sent_via=frame["sent_via"][data.sent_via.value] if data.sent_via else "",
        subject=words["subject"],
        blocks=tuple(blocks),
        contact=contact,
        closing=labels["closing"],
        organisation_name=data.organisation.name,
        officer_name=data.officer.name,
        officer_title=data.officer.title,
        enclosures=(),
        appendix=(),
    )


def render_breach_letter(
    data: BreachLetterData, *, draft: bool = False, copy: bool = False
) -> bytes:
    """The letter as PDF bytes; raises LetterNotReady or AddressFieldOverflow."""
    composed = compose_breach_letter(data)
    return render_composed(composed, data.organisation, data.recipient, draft=draft, copy=copy)
