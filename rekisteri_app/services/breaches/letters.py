"""Art. 34 letters: the recipient list (CSV mail-merge), previews, issuing, the archive.

A letter belongs to its breach (`breach_letters`), not to a request: its number is the
breach reference and its recipient a data subject of the mail-merge list. Issuing
renders one letter per recipient not yet written to, stores every PDF exactly as sent
with its SHA-256, marks the recipients sent and puts one entry on the breach timeline,
all in one audited transaction; a letter that cannot be printed stores nothing. Issued
letters are immutable (an ORM guard refuses updates); reprints stamp the stored pages
KOPIO / KOPIA / COPY. Names and addresses stay inside the encrypted database and go
with the breach record when it is purged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from ...documents.breaches import BreachLetterData, LetterNotReady, render_breach_letter
from ...documents.letters.data import Officer, Organisation, Recipient
from ...documents.letters.render import AddressFieldOverflow
from ...domain import breaches as rules
from ...domain.enums import Language, RiskLevel, SentVia
from ...i18n import N_, _, ngettext
from ...storage import models as m
from .. import settings
from ..context import ServiceContext, ServiceError, Transaction, not_found
from ._common import _event, _now, find_breach
from .recipients import parse_recipients

# What to tell the officer for each value an Art. 34 letter can miss.
LETTER_HINTS: dict[str, str] = {
    "description": N_("the description of the breach for the data subjects, in this language"),
    "consequences": N_("the likely consequences, for the data subjects, in this language"),
    "measures": N_("the measures taken or proposed, for the data subjects, in this language"),
    "advice": N_("what the data subjects can do themselves, in this language"),
    "officer_name": N_("the privacy officer's name (setting officer.name)"),
    "officer_title": N_("the privacy officer's title (setting officer.title)"),
    "officer_contact": N_("the privacy officer's phone or email (settings officer.*)"),
    "organisation_name": N_("the controller's name"),
    "recipient_name": N_("the recipient's name"),
    "recipient_address": N_("the recipient's postal address, or send another way than by post"),
    "reference": N_("the breach reference"),
    "recipients": N_("the recipients (import the list first)"),
}


class BreachLetterBlocked(ServiceError):
    """The letter cannot be printed: values are missing (nothing was stored)."""

    def __init__(self, names: tuple[str, ...]):
        self.names = names
        lines = [_("The letter cannot be printed: these fields have no value:")]
        lines += [
            "- " + _(LETTER_HINTS[name]) if name in LETTER_HINTS else f"- {name}" for name in names
        ]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class BreachLetterInfo:
    id: int
    reference: str
    recipient_name: str
    language: Language
    issued_on: date
    sent_via: SentVia
    sha256: str
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "recipient_name": self.recipient_name,
            "language": self.language.value,
            "issued_on": self.issued_on.isoformat(),
            "sent_via": self.sent_via.value,
            "sha256": self.sha256,
        }


def _info(breach: m.Breach, letter: m.BreachLetter) -> BreachLetterInfo:
    return BreachLetterInfo(
        id=letter.id,
        reference=breach.reference,
        recipient_name=letter.recipient_name,
        language=Language(letter.language),
        issued_on=letter.issued_on,
        sent_via=SentVia(letter.sent_via),
        sha256=letter.sha256,
        created_at=letter.created_at,
    )


def letter_rows(breach: m.Breach) -> list[BreachLetterInfo]:
    return [_info(breach, letter) for letter in breach.letters]


def _language(value: Language | str) -> Language:
    try:
        return Language(value)
    except ValueError:
        raise ServiceError(
            _("Unknown letter language {lang!r}: use fi, sv or en.").format(lang=str(value))
        ) from None


def _sent_via(value: SentVia | str) -> SentVia:
    try:
        return SentVia(value)
    except ValueError:
        raise ServiceError(
            _("Unknown way of sending {value!r}: use one of {allowed}.").format(
                value=str(value), allowed=", ".join(s.value for s in SentVia)
            )
        ) from None


# ------------------------------------------------------------------- recipients


def import_recipients(ctx: ServiceContext, reference: str, content: bytes) -> int:
    """Replace the breach's recipient list with the CSV's rows; returns their number.

    A person already written to (same name and address) keeps the date of their letter,
    so importing a longer list later writes only to the new names."""
    items = parse_recipients(content)
    with ctx.change() as tx:
        breach = find_breach(tx.session, reference)
        sent = {(r.name, r.address or ""): r.sent_on for r in breach.recipients if r.sent_on}
        before = len(breach.recipients)
        breach.recipients.clear()
        tx.session.flush()
        for position, item in enumerate(items):
            breach.recipients.append(
                m.BreachRecipient(
                    position=position,
                    name=item.name,
                    address=item.address,
                    language=None if item.language is None else item.language.value,
                    email=item.email,
                    sent_on=sent.get((item.name, item.address or "")),
                )
            )
        _event(tx, breach, "recipients", {"count": len(items)})
        tx.audit(
            "update",
            "breach",
            breach.reference,
            {"recipients": before},
            {"recipients": len(items)},
        )
        return len(items)


# ------------------------------------------------------------------- composing


def _organisation(breach: m.Breach) -> Organisation:
    controller = breach.controller
    if controller is None:
        return Organisation(name="", business_id="", postal_address=())
    return Organisation(
        name=controller.name,
        business_id=controller.business_id or "",
        postal_address=tuple(
            line.strip() for line in (controller.postal_address or "").splitlines() if line.strip()
        ),
        visiting_address=(controller.visiting_address or "").replace("\n", ", "),
        phone=controller.phone or "",
        email=controller.email or "",
        web=controller.web or "",
    )


def officer(session: Session) -> Officer:
    return Officer(
        name=settings.read(session, settings.OFFICER_NAME) or "",
        title=settings.read(session, settings.OFFICER_TITLE) or "",
        phone=settings.read(session, settings.OFFICER_PHONE) or "",
        email=settings.read(session, settings.OFFICER_EMAIL) or "",
    )


def _data(
    session: Session,
    breach: m.Breach,
    recipient: m.BreachRecipient,
    lang: Language,
    issue_date: date,
    via: SentVia,
) -> BreachLetterData:
    texts = next((t for t in breach.letter_texts if t.language == lang.value), None)
    return BreachLetterData(
        language=lang,
        organisation=_organisation(breach),
        officer=officer(session),
        recipient=Recipient(
            name=recipient.name,
            address_lines=tuple(
                line for line in (recipient.address or "").splitlines() if line.strip()
            ),
        ),
        reference=breach.reference,
        issue_date=issue_date,
        aware_on=rules.in_helsinki(breach.aware_at).date(),
        high_risk=breach.risk_level == RiskLevel.HIGH,
        description=(texts.description if texts else None) or "",
        consequences=(texts.consequences if texts else None) or "",
        measures=(texts.measures if texts else None) or "",
        advice=(texts.advice if texts else None) or "",
        sent_via=via,
    )


def _render(data: BreachLetterData, via: SentVia, *, draft: bool) -> bytes:
    missing: list[str] = []
    if via is SentVia.POST and not data.recipient.address_lines:
        missing.append("recipient_address")
    try:
        pdf = render_breach_letter(data, draft=draft)
    except LetterNotReady as exc:
        raise BreachLetterBlocked(tuple(sorted({*exc.names, *missing}))) from None
    except AddressFieldOverflow as exc:
        raise ServiceError(str(exc)) from None
    if missing:
        raise BreachLetterBlocked(tuple(missing))
    return pdf


def _addressees(breach: m.Breach, lang: Language, *, pending: bool) -> list[m.BreachRecipient]:
    """The recipients who read `lang` (or named no language), not yet written to."""
    return [
        r
        for r in breach.recipients
        if (r.language in (None, lang.value)) and (not pending or r.sent_on is None)
    ]


def preview_letter(
    ctx: ServiceContext,
    reference: str,
    lang: Language | str = Language.FI,
    sent_via: SentVia | str = SentVia.POST,
) -> bytes:
    """The letter to the first recipient in `lang`, stamped as a draft; never stored."""
    lang, via = _language(lang), _sent_via(sent_via)
    with ctx.read() as session:
        breach = find_breach(session, reference)
        people = _addressees(breach, lang, pending=False)
        if not people:
            raise BreachLetterBlocked(("recipients",))
        return _render(_data(session, breach, people[0], lang, ctx.today(), via), via, draft=True)


@dataclass(frozen=True)
class IssuedBatch:
    letters: tuple[BreachLetterInfo, ...]
    pdfs: tuple[bytes, ...]


def issue_letters(
    ctx: ServiceContext,
    reference: str,
    lang: Language | str = Language.FI,
    sent_via: SentVia | str = SentVia.POST,
    *,
    before_commit: Callable[[IssuedBatch], None] | None = None,
) -> IssuedBatch:
    """One letter to every recipient in `lang` not yet written to, in one transaction.

    `before_commit` runs inside the transaction with the finished letters (e.g. to write
    the files the officer asked for): if it raises, nothing is stored."""
    lang, via = _language(lang), _sent_via(sent_via)
    with ctx.change() as tx:
        breach = find_breach(tx.session, reference)
        people = _addressees(breach, lang, pending=True)
        if not people:
            if _addressees(breach, lang, pending=False):
                raise ServiceError(
                    _("Every recipient in this language has been sent the letter already.")
                )
            raise BreachLetterBlocked(("recipients",))
        today = ctx.today()
        rendered = [
            (person, _render(_data(tx.session, breach, person, lang, today, via), via, draft=False))
            for person in people
        ]
        stored = [_store(tx, breach, person, lang, via, today, pdf) for person, pdf in rendered]
        tx.session.flush()
        infos = tuple(_info(breach, letter) for letter in stored)
        _event(
            tx,
            breach,
            "letters",
            {
                "count": len(stored),
                "language": lang.value,
                "sent_via": via.value,
                "on": today.isoformat(),
                "letter_ids": [letter.id for letter in stored],
            },
        )
        tx.audit(
            "letter.issue",
            "breach_letter",
            breach.reference,
            None,
            {
                "reference": breach.reference,
                "count": len(stored),
                "language": lang.value,
                "sent_via": via.value,
                "on": today.isoformat(),
                "letters": [{"id": i.id, "sha256": i.sha256} for i in infos],
            },
        )
        batch = IssuedBatch(infos, tuple(pdf for _person, pdf in rendered))
        if before_commit is not None:
            before_commit(batch)
    return batch


def _store(
    tx: Transaction,
    breach: m.Breach,
    person: m.BreachRecipient,
    lang: Language,
    via: SentVia,
    today: date,
    pdf: bytes,
) -> m.BreachLetter:
    letter = m.BreachLetter(
        recipient_name=person.name,
        language=lang.value,
        issued_on=today,
        sent_via=via.value,
        pdf=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
        created_at=_now(tx.ctx),
    )
    breach.letters.append(letter)
    person.sent_on = today
    return letter


# --------------------------------------------------------------------- archive


def _letter(session: Session, letter_id: int) -> m.BreachLetter:
    letter = session.get(m.BreachLetter, int(letter_id))
    if letter is None:
        raise not_found(_("letter"), letter_id)
    return letter


def list_breach_letters(ctx: ServiceContext, reference: str) -> list[BreachLetterInfo]:
    with ctx.read() as session:
        return letter_rows(find_breach(session, reference))


def breach_letter_pdf(ctx: ServiceContext, letter_id: int) -> bytes:
    """The stored bytes, exactly as issued."""
    with ctx.read() as session:
        return bytes(_letter(session, letter_id).pdf)


def reprint_breach_letter(ctx: ServiceContext, letter_id: int) -> bytes:
    """The stored letter stamped as a copy in its own language (the bytes never change)."""
    from ...documents.letters.stamp import stamp_pdf
    from ...documents.letters.templates import catalogue

    with ctx.read() as session:
        letter = _letter(session, letter_id)
        pdf, lang = bytes(letter.pdf), Language(letter.language)
    return stamp_pdf(pdf, catalogue(lang)["labels"]["copy_stamp"])


def recipient_summary(ctx: ServiceContext, reference: str) -> tuple[int, int]:
    """(recipients, of whom already written to), for the window's letters tab."""
    with ctx.read() as session:
        breach = find_breach(session, reference)
        return len(breach.recipients), sum(1 for r in breach.recipients if r.sent_on)


def describe_batch(batch: IssuedBatch) -> str:
    n = len(batch.letters)
    return ngettext("{n} letter issued.", "{n} letters issued.", n).format(n=n)
