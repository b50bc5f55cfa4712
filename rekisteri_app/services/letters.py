"""Formal response letters of a case: compose from the database, preview, issue, reprint.

The letter engine (documents/letters) renders one `LetterData`; this service is the only
place that knows where each value comes from: the case (requester, rights, outcomes,
erasure decisions, extension), the registers concerned (Art. 15 items), the settings
(officer, supervisory authority) and what the officer adds per letter (`LetterOptions`:
the copy of the data, actions taken, identity details...).

Issuing stores the PDF exactly as sent, with its SHA-256, and a `letter-sent` event on
the case timeline, in one audited transaction. An issued letter is never changed or
deleted (an ORM guard refuses updates); printing it again stamps the stored bytes as a
copy in the letter's own language. A placeholder without a value blocks both preview and
issue with a translated message naming what to fill in, and nothing is stored.

The officer's own wording of a kind+language is kept as versioned `LetterTemplate` rows:
the newest version wins, and a version with text None means "back to the shipped text".
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from ..documents.letters import (
    DataCopyEntry,
    ErasureDecision,
    Ground,
    IdentityRequest,
    LegalBasis,
    LetterData,
    LetterWarning,
    MissingPlaceholder,
    Officer,
    Organisation,
    Recipient,
    RegisterInfo,
    RightDecision,
    SupervisoryAuthority,
    Transfer,
    default_supervisory_authority,
    letter_warnings,
    render_letter,
    template_text,
    unknown_placeholders,
)
from ..documents.letters.render import AddressFieldOverflow
from ..documents.letters.templates import catalogue
from ..domain import deadlines as dl
from ..domain.adequacy import country_name
from ..domain.enums import (
    Authority,
    IdentityMethod,
    Language,
    LegalBasisArticle,
    LetterKind,
    Outcome,
    PeriodUnit,
    RequestClass,
    Right,
    Safeguard,
    SentVia,
)
from ..domain.legal_grounds import UnknownLegalGround, legal_ground
from ..i18n import N_, _
from ..storage import models as m
from . import requests as rq
from . import settings
from .context import ServiceContext, ServiceError, Transaction, not_found
from .requests import deadlines as case_deadlines

# The right each decision letter answers; other kinds speak of every right of the case.
KIND_RIGHT: dict[LetterKind, Right] = {
    LetterKind.ACCESS_RESPONSE: Right.ACCESS,
    LetterKind.RECTIFICATION: Right.RECTIFICATION,
    LetterKind.ERASURE: Right.ERASURE,
    LetterKind.RESTRICTION: Right.RESTRICTION,
    LetterKind.PORTABILITY: Right.PORTABILITY,
    LetterKind.OBJECTION: Right.OBJECTION,
    LetterKind.MARKETING_BAN: Right.MARKETING_BAN,
    LetterKind.CONSENT_WITHDRAWAL: Right.CONSENT_WITHDRAWAL,
}

# Names of the kinds and ways of sending in the officer's UI language (not the letter's).
KIND_LABELS: dict[LetterKind, str] = {
    LetterKind.ACKNOWLEDGEMENT: N_("Acknowledgement of receipt"),
    LetterKind.IDENTITY_REQUEST: N_("Request for identity proof or clarification"),
    LetterKind.EXTENSION: N_("Extension notice (Art. 12(3))"),
    LetterKind.ACCESS_RESPONSE: N_("Access response (Art. 15)"),
    LetterKind.RECTIFICATION: N_("Rectification done (Art. 16)"),
    LetterKind.ERASURE: N_("Erasure done or partly refused (Art. 17)"),
    LetterKind.RESTRICTION: N_("Restriction (Art. 18)"),
    LetterKind.PORTABILITY: N_("Portability (Art. 20)"),
    LetterKind.OBJECTION: N_("Objection decided (Art. 21(1))"),
    LetterKind.MARKETING_BAN: N_("Direct-marketing ban confirmed (Art. 21(2))"),
    LetterKind.CONSENT_WITHDRAWAL: N_("Consent withdrawal confirmed (Art. 7(3))"),
    LetterKind.REFUSAL: N_("Refusal (Art. 12(5))"),
}
SENT_VIA_LABELS: dict[SentVia, str] = {
    SentVia.POST: N_("post"),
    SentVia.EMAIL: N_("email"),
    SentVia.ESERVICE: N_("e-service"),
    SentVia.IN_PERSON: N_("in person"),
}


def kind_label(kind: LetterKind | str) -> str:
    return _(KIND_LABELS[LetterKind(kind)])


def sent_via_label(via: SentVia | str) -> str:
    return _(SENT_VIA_LABELS[SentVia(via)])


# Letters sent while the request is being handled: no decisions, no actions, no remedies.
PRE_DECISION_KINDS = frozenset(
    {LetterKind.ACKNOWLEDGEMENT, LetterKind.IDENTITY_REQUEST, LetterKind.EXTENSION}
)

# Kinds whose letter includes the officer's per-category copy of the data.
DATA_COPY_KINDS = frozenset({LetterKind.ACCESS_RESPONSE, LetterKind.PORTABILITY})

DEFAULT_IDENTITY_METHODS: tuple[IdentityMethod, ...] = (
    IdentityMethod.STRONG_EID,
    IdentityMethod.SIGNED_LETTER_ADDRESS,
    IdentityMethod.IN_PERSON_DOCUMENT,
)

# What to tell the officer for each value a letter can miss (English gettext sources).
FIELD_HINTS: dict[str, str] = {
    "officer_name": N_("the privacy officer's name (setting officer.name)"),
    "officer_contact": N_("the privacy officer's phone or email (settings officer.*)"),
    "officer_title": N_("the privacy officer's title (setting officer.title)"),
    "organisation_name": N_("the controller's name"),
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
            f"- {name}: {_(FIELD_HINTS[name])}" if name in FIELD_HINTS else f"- {name}"
            for name in names
        ]
        super().__init__("\n".join(lines))


class LetterImmutable(ServiceError):
    """Any attempt to change or delete an issued letter."""


# ============================================================================ inputs


@dataclass(frozen=True)
class LetterOptions:
    """What the officer adds to one letter beyond what the case and settings hold."""

    sent_via: SentVia = SentVia.POST
    data_copy: tuple[DataCopyEntry, ...] = ()  # access copy / portability data
    actions: tuple[str, ...] = ()  # "Address corrected in the customer register"
    enclosures: tuple[str, ...] = ()
    refusal_reasons: str | None = None  # default: the case's fee/refusal reason
    identity_needed: tuple[str, ...] = ()  # default: the template file's list
    identity_methods: tuple[IdentityMethod | str, ...] = ()
    identity_reply_by: date | None = None
    reference: str = ""
    request_date: date | None = None
    matter: str = ""


@dataclass(frozen=True)
class Prepared:
    """A composed-but-not-rendered letter: its data, the wording in force, the warnings."""

    data: LetterData
    overrides: dict[LetterKind, str]
    warnings: tuple[LetterWarning, ...]
    enclosure_files: tuple[tuple[str, bytes], ...] = ()


@dataclass(frozen=True)
class LetterInfo:
    id: int
    case_number: str
    subject_name: str
    kind: LetterKind
    language: Language
    issued_on: date
    sent_via: SentVia
    sha256: str
    size: int
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_number": self.case_number,
            "subject_name": self.subject_name,
            "kind": self.kind.value,
            "language": self.language.value,
            "issued_on": self.issued_on.isoformat(),
            "sent_via": self.sent_via.value,
            "sha256": self.sha256,
            "size": self.size,
        }


@dataclass(frozen=True)
class Issued:
    info: LetterInfo
    pdf: bytes
    warnings: tuple[LetterWarning, ...] = ()
    enclosure_files: tuple[tuple[str, bytes], ...] = ()


@dataclass(frozen=True)
class TemplateVersion:
    version: int
    text: str | None  # None: reset to the shipped wording
    created_at: datetime


@dataclass(frozen=True)
class TemplateState:
    kind: LetterKind
    language: Language
    text: str  # the wording in force
    default: str  # the shipped wording
    version: int | None  # newest stored version, None when never edited
    overridden: bool
    versions: tuple[TemplateVersion, ...] = field(default=())


# ============================================================================ immutability


@event.listens_for(m.Letter, "before_update")
def _refuse_letter_update(_mapper, _connection, target: m.Letter) -> None:
    raise LetterImmutable(
        _("An issued letter cannot be changed (letter {id}).").format(id=target.id)
    )


def delete_letter(ctx: ServiceContext, letter_id: int) -> None:
    """Issued letters are archive records: always refused, say so clearly."""
    with ctx.read() as session:
        if session.get(m.Letter, letter_id) is None:
            raise not_found(_("letter"), letter_id)
    raise LetterImmutable(
        _("An issued letter cannot be deleted (letter {id}).").format(id=letter_id)
    )


# ============================================================================ building


def _s(value: str | None) -> str:
    return (value or "").strip()


def address_lines(text: str | None) -> tuple[str, ...]:
    """A stored address as envelope lines: one per line, or split at commas when the
    officer typed it on one line ("Kuja 1, 40100 Jyväskylä")."""
    lines = [line.strip().rstrip(",") for line in _s(text).splitlines() if line.strip()]
    if len(lines) == 1 and "," in lines[0]:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    return tuple(lines)


def _organisation(session: Session, req: m.RightsRequest) -> Organisation:
    c = req.controller
    if c is None:
        name = settings.read(session, settings.ORGANISATION_NAME) or ""
        return Organisation(name=name, business_id="", postal_address=())
    visiting = ", ".join(address_lines(c.visiting_address))
    return Organisation(
        name=c.name,
        business_id=_s(c.business_id),
        postal_address=address_lines(c.postal_address) or address_lines(c.visiting_address),
        visiting_address=visiting,
        phone=_s(c.phone),
        email=_s(c.email),
        web=_s(c.web),
    )


def _officer(session: Session) -> Officer:
    def get(key: str) -> str:
        return _s(settings.read(session, key))

    return Officer(
        name=get(settings.OFFICER_NAME),
        title=get(settings.OFFICER_TITLE),
        phone=get(settings.OFFICER_PHONE),
        email=get(settings.OFFICER_EMAIL),
    )


def _authority(session: Session, lang: Language) -> SupervisoryAuthority:
    """The Ombudsman's published details in the letter's language; a setting the officer
    changed from its default replaces the published value in every language."""
    base = default_supervisory_authority(lang)

    def explicit(key: str) -> str:
        row = session.get(m.Setting, key)
        if row is None or not _s(row.value):
            return ""
        value = _s(str(settings.read(session, key)))
        return "" if value == _s(settings.spec(key).default) else value

    address = explicit(settings.AUTHORITY_ADDRESS)
    return SupervisoryAuthority(
        name=explicit(settings.AUTHORITY_NAME) or base.name,
        visiting_address="" if address else base.visiting_address,
        postal_address=address or base.postal_address,
        phone=explicit(settings.AUTHORITY_PHONE) or base.phone,
        email=explicit(settings.AUTHORITY_EMAIL) or base.email,
        web=explicit(settings.AUTHORITY_WEB) or base.web,
    )


def _period(amount: int, unit: str, lang: Language) -> str:
    from ..documents.notices.texts import load_texts

    return load_texts(lang.value).period(amount, PeriodUnit(unit))


def _retention(reg: m.Register, lang: Language) -> tuple[str, ...]:
    out: list[str] = []
    for rule in reg.retention_rules:
        applies = _s(rule.applies_to) or (
            _s(rule.data_category.name) if rule.data_category is not None else ""
        )
        period = _s(rule.trigger)
        if rule.period_value is not None and rule.period_unit:
            amount = _period(rule.period_value, rule.period_unit, lang)
            period = f"{amount} {period}".strip()
        text = "; ".join(p for p in (period, _s(rule.description)) if p)
        if _s(rule.legal_ground):
            text = f"{text} ({_s(rule.legal_ground)})" if text else _s(rule.legal_ground)
        if applies and text:
            text = f"{applies}: {text}"
        elif applies:
            text = applies
        if text:
            out.append(text)
    if not out and _s(reg.retention_statement):
        out.append(_s(reg.retention_statement))
    return tuple(out)


def _named(name: str, detail: str | None) -> str:
    return f"{name} ({_s(detail)})" if _s(detail) else name


def register_info(reg: m.Register, lang: Language) -> RegisterInfo:
    """What Art. 15(1)(a)-(h) and 15(2) require about one register, as stored."""
    bases = []
    for b in reg.legal_bases:
        text = "; ".join(p for p in (_s(b.national_law), _s(b.description)) if p)
        article = LegalBasisArticle(b.article) if b.article else None
        if article is not None or text:
            bases.append(LegalBasis(article, text))
    recipients = [_named(r.name, r.description) for r in reg.recipients]
    recipients += [_named(rp.processor.name, rp.service) for rp in reg.processors]
    automated = []
    for a in reg.automated_decisions:
        automated.append(
            " ".join(p for p in (_s(a.description), _s(a.logic), _s(a.consequences)) if p)
        )
    return RegisterInfo(
        name=reg.name,
        purposes=tuple(_s(p.text) for p in reg.purposes if _s(p.text)),
        legal_bases=tuple(bases),
        data_categories=tuple(d.name for d in reg.data_categories if _s(d.name)),
        recipients=tuple(recipients),
        retention=_retention(reg, lang),
        sources=tuple(_named(s.name, s.description) for s in reg.sources if _s(s.name)),
        transfers=tuple(
            Transfer(
                country=country_name(t.country, lang.value),
                safeguard=_safeguard(t.safeguard),
                recipient=_s(t.recipient),
            )
            for t in reg.transfers
        ),
        automated_decisions=" ".join(a for a in automated if a),
    )


def _safeguard(value: str) -> Safeguard:
    try:
        return Safeguard(value)
    except ValueError:
        return Safeguard.NONE


def _ground(code: str | None, reason: str | None, lang: Language) -> Ground | None:
    """The officer's reason, else the template file's wording of the chosen ground."""
    code = _s(code)
    article = ""
    if code:
        try:
            article = legal_ground(code).article
        except UnknownLegalGround:
            article = code
        article = re.sub(r"^GDPR Art\.\s*", "", article)
    text = _s(reason) or (catalogue(lang)["grounds"].get(code, "") if code else "")
    if not text:
        return None
    return Ground(code=code, article=article or "", reason=text)


def _decisions(req: m.RightsRequest, kind: LetterKind, lang: Language) -> tuple[RightDecision, ...]:
    rows = list(req.rights)
    if kind in PRE_DECISION_KINDS:  # they only name the rights requested
        return tuple(RightDecision(Right(r.right)) for r in rows)
    wanted = KIND_RIGHT.get(kind)
    if wanted is not None and any(r.right == wanted for r in rows):
        rows = [r for r in rows if r.right == wanted]
    out = []
    for r in rows:
        ground = _ground(r.legal_ground, r.reason, lang)
        out.append(
            RightDecision(
                Right(r.right), Outcome(r.outcome), (ground,) if ground is not None else ()
            )
        )
    return tuple(out)


def _erasures(req: m.RightsRequest, lang: Language) -> tuple[ErasureDecision, ...]:
    out = []
    for r in req.rights:
        if r.right != Right.ERASURE:
            continue
        for e in r.erasures:
            ground = None if e.erased else _ground(e.legal_ground, e.reason, lang)
            out.append(ErasureDecision(e.category_name, bool(e.erased), e.kept_until, ground))
    return tuple(out)


def _art19(session: Session, req: m.RightsRequest) -> tuple[str, ...]:
    names: list[str] = []
    for n in rq.notification_list(session, req):
        if n.name not in names:
            names.append(n.name)
    return tuple(names)


def _deadline(
    session: Session, req: m.RightsRequest, today: date, kind: LetterKind | None = None
) -> tuple[date, date | None]:
    """(due date, extended due date) as the letter should print them. A request outside
    the GDPR or with the clock suspended has no date that could be "passed".

    The extension letter itself is what makes a recorded extension valid (Art. 12(3):
    the requester must be told within the first month), so for that letter the deadline
    is computed as if it is sent today; a late extension letter is refused."""
    policy = settings.pause_policy(session)
    if (
        kind is LetterKind.EXTENSION
        and req.extended_on is not None
        and case_deadlines.extension_letter_date(req) is None
    ):
        try:
            deadline = case_deadlines.compute(req, policy, letter_on=today)
        except dl.DeadlineError as exc:
            raise ServiceError(str(exc)) from None
    else:
        deadline, _problem = case_deadlines.deadline_for_display(req, policy)
    if deadline is None:
        return today, None
    due = deadline.due or max(today, deadline.raw_due or req.received_on)
    return due, deadline.extended_due


def _identity_request(
    kind: LetterKind, lang: Language, options: LetterOptions
) -> IdentityRequest | None:
    if kind is not LetterKind.IDENTITY_REQUEST:
        return None
    needed = tuple(t.strip() for t in options.identity_needed if t.strip()) or tuple(
        catalogue(lang)["identity_defaults"]["needed"]
    )
    return IdentityRequest(
        needed=needed,
        methods=options.identity_methods or DEFAULT_IDENTITY_METHODS,
        reply_by=options.identity_reply_by,
    )


def build_letter_data(
    session: Session,
    req: m.RightsRequest,
    kind: LetterKind,
    lang: Language,
    options: LetterOptions,
    today: date,
) -> LetterData:
    """Everything one letter prints, gathered from the case, its registers and settings."""
    subject = req.subject
    representative = req.authority != Authority.SELF and req.requester is not None
    addressee = req.requester if representative else subject
    due, extended = _deadline(session, req, today, kind)
    registers = (
        tuple(register_info(rr.register, lang) for rr in req.registers)
        if kind is LetterKind.ACCESS_RESPONSE
        else ()
    )
    refusal = _s(options.refusal_reasons) or _s(req.fee_reason)
    return LetterData(
        kind=kind,
        language=lang,
        organisation=_organisation(session, req),
        officer=_officer(session),
        recipient=Recipient(
            addressee.name,
            address_lines(addressee.address),
            Authority(req.authority) if representative else Authority.SELF,
        ),
        data_subject_name=subject.name,
        case_number=req.case_number,
        issue_date=today,
        received_date=req.received_on,
        due_date=due,
        reference=_s(options.reference),
        request_date=options.request_date,
        matter=_s(options.matter),
        extended_due_date=extended,
        extension_reasons=_s(req.extension_reasons),
        rights=_decisions(req, kind, lang),
        registers=registers,
        erasure_decisions=_erasures(req, lang) if kind is LetterKind.ERASURE else (),
        art19_recipients=_art19(session, req),
        actions=()
        if kind in PRE_DECISION_KINDS
        else tuple(a.strip() for a in options.actions if a.strip()),
        data_copy=options.data_copy if kind is LetterKind.ACCESS_RESPONSE else (),
        enclosures=tuple(e.strip() for e in options.enclosures if e.strip()),
        supervisory_authority=_authority(session, lang),
        refusal_reasons=refusal,
        identity_request=_identity_request(kind, lang, options),
        identity_verified=bool(req.identity_checks),
        sent_via=options.sent_via,
    )


# ============================================================================ portability


PORTABILITY_FORMAT = "rekisteri-portability/1"


def _records(content: str) -> list[dict[str, str]]:
    """One record per line; "Field: value" lines keep the field name apart."""
    out = []
    for line in content.splitlines():
        line = line.strip()
        if not line:
            continue
        name, sep, value = line.partition(": ")
        out.append(
            {"field": name.strip(), "value": value.strip()}
            if sep and name.strip()
            else {"field": "", "value": line}
        )
    return out


def portability_files(
    data: LetterData, entries: tuple[DataCopyEntry, ...]
) -> tuple[tuple[str, bytes], ...]:
    """The Art. 20 enclosure: the same records as JSON and as CSV (UTF-8, RFC 4180)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", data.case_number).strip("-") or "letter"
    categories = [{"category": e.category, "records": _records(e.content)} for e in entries]
    document = {
        "format": PORTABILITY_FORMAT,
        "case_number": data.case_number,
        "controller": {
            "name": data.organisation.name,
            "business_id": data.organisation.business_id,
        },
        "data_subject": data.data_subject_name,
        "created_on": data.issue_date.isoformat(),
        "categories": categories,
    }
    as_json = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["category", "field", "value"])
    for item in categories:
        for record in item["records"]:
            writer.writerow([item["category"], record["field"], record["value"]])
    as_csv = buffer.getvalue().encode("utf-8-sig")  # the BOM lets spreadsheets read å ä ö
    return ((f"{stem}-portability.json", as_json), (f"{stem}-portability.csv", as_csv))


# ============================================================================ templates


def _template_rows(session: Session, kind: LetterKind, lang: Language) -> list[m.LetterTemplate]:
    return list(
        session.scalars(
            select(m.LetterTemplate)
            .where(m.LetterTemplate.kind == kind.value, m.LetterTemplate.language == lang.value)
            .order_by(m.LetterTemplate.version)
        )
    )


def overrides_for(session: Session, lang: Language) -> dict[LetterKind, str]:
    """The officer's wording in force per kind in `lang` (newest version; None = default)."""
    newest: dict[str, m.LetterTemplate] = {}
    for row in session.scalars(
        select(m.LetterTemplate)
        .where(m.LetterTemplate.language == lang.value)
        .order_by(m.LetterTemplate.version)
    ):
        newest[row.kind] = row
    out: dict[LetterKind, str] = {}
    for kind, row in newest.items():
        try:
            if row.text is not None and row.text.strip():
                out[LetterKind(kind)] = row.text
        except ValueError:
            continue
    return out


def template_state(
    ctx: ServiceContext, kind: LetterKind | str, lang: Language | str
) -> TemplateState:
    kind, lang = _kind(kind), _lang(lang)
    default = template_text(kind, lang)
    with ctx.read() as session:
        rows = _template_rows(session, kind, lang)
    versions = tuple(TemplateVersion(r.version, r.text, r.created_at) for r in rows)
    current = rows[-1].text if rows else None
    overridden = current is not None and bool(current.strip())
    return TemplateState(
        kind,
        lang,
        current if overridden else default,
        default,
        rows[-1].version if rows else None,
        overridden,
        versions,
    )


def _write_template(
    ctx: ServiceContext, kind: LetterKind, lang: Language, text: str | None, action: str
) -> TemplateVersion:
    with ctx.change() as tx:
        rows = _template_rows(tx.session, kind, lang)
        before = rows[-1].text if rows else None
        number = (
            tx.session.scalar(
                select(func.max(m.LetterTemplate.version)).where(
                    m.LetterTemplate.kind == kind.value, m.LetterTemplate.language == lang.value
                )
            )
            or 0
        ) + 1
        now = ctx.now().replace(tzinfo=None)
        row = m.LetterTemplate(
            kind=kind.value, language=lang.value, version=number, text=text, created_at=now
        )
        tx.session.add(row)
        tx.audit(
            action,
            "letter_template",
            f"{kind.value}/{lang.value}",
            {"version": number - 1 if rows else None, "text": before},
            {"version": number, "text": text},
        )
        return TemplateVersion(number, text, now)


def set_template(
    ctx: ServiceContext, kind: LetterKind | str, lang: Language | str, text: str
) -> TemplateVersion:
    """Store the officer's wording as the next version; unknown placeholders refused."""
    kind, lang = _kind(kind), _lang(lang)
    text = (text or "").replace("\r\n", "\n").strip("\n")
    if not text.strip():
        raise ServiceError(
            _("The wording is empty. To go back to the shipped wording, reset it instead.")
        )
    unknown = unknown_placeholders(text)
    if unknown:
        raise ServiceError(
            _("The wording names fields that no letter can fill: {names}").format(
                names=", ".join("{" + n + "}" for n in unknown)
            )
        )
    if text == template_text(kind, lang):
        if template_state(ctx, kind, lang).overridden:
            return reset_template(ctx, kind, lang)
        raise ServiceError(_("The wording is the shipped one; nothing to store."))
    return _write_template(ctx, kind, lang, text, "letter_template.set")


def reset_template(
    ctx: ServiceContext, kind: LetterKind | str, lang: Language | str
) -> TemplateVersion:
    """Go back to the shipped wording (stored as a version, so the history stays)."""
    kind, lang = _kind(kind), _lang(lang)
    if not template_state(ctx, kind, lang).overridden:
        raise ServiceError(_("The wording is already the shipped one."))
    return _write_template(ctx, kind, lang, None, "letter_template.reset")


def list_templates(ctx: ServiceContext, lang: Language | str | None = None) -> list[TemplateState]:
    langs = [_lang(lang)] if lang else list(Language)
    return [template_state(ctx, kind, language) for language in langs for kind in LetterKind]


# ============================================================================ letters


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


def _check_kind(
    req: m.RightsRequest, kind: LetterKind, data: LetterData, options: LetterOptions
) -> None:
    missing: list[str] = []
    if options.sent_via is SentVia.POST and not data.recipient.address_lines:
        missing.append("recipient_address")  # the window envelope would show a bare name
    if kind is LetterKind.EXTENSION and (
        req.extended_on is None or RequestClass(req.classification) is RequestClass.NON_GDPR
    ):
        missing.append("extended_due_date")
    if (
        kind in KIND_RIGHT
        and not any(r.right == KIND_RIGHT[kind] for r in req.rights)
        and kind is not LetterKind.ACCESS_RESPONSE
    ):
        missing.append("rights")
    if kind is LetterKind.PORTABILITY:
        granted = any(d.outcome in (Outcome.GRANTED, Outcome.PARTLY) for d in data.rights)
        if granted and not options.data_copy:
            missing.append("portability_data")
    if missing:
        raise LetterBlocked(tuple(sorted(set(missing))))


def _prepare(
    session: Session,
    ctx: ServiceContext,
    req: m.RightsRequest,
    kind: LetterKind,
    lang: Language,
    options: LetterOptions,
) -> Prepared:
    data = build_letter_data(session, req, kind, lang, options, ctx.today())
    overrides = overrides_for(session, lang)
    warnings = tuple(w for w in letter_warnings(data, overrides) if w.code != "missing-values")
    files: tuple[tuple[str, bytes], ...] = ()
    if kind is LetterKind.PORTABILITY and options.data_copy:
        files = portability_files(data, options.data_copy)
    return Prepared(data, overrides, warnings, files)


def _render(prepared: Prepared, *, draft: bool) -> bytes:
    try:
        return render_letter(prepared.data, draft=draft, overrides=prepared.overrides)
    except MissingPlaceholder as exc:
        raise LetterBlocked(exc.names) from None
    except AddressFieldOverflow as exc:
        raise ServiceError(str(exc)) from None


def prepare(
    ctx: ServiceContext,
    case: str,
    kind: LetterKind | str,
    lang: Language | str,
    options: LetterOptions | None = None,
) -> Prepared:
    """The letter's data and warnings, for showing before printing (nothing stored)."""
    kind, lang, options = _kind(kind), _lang(lang), options or LetterOptions()
    with ctx.read() as session:
        return _prepare(session, ctx, rq.find_case(session, case), kind, lang, options)


def warnings(
    ctx: ServiceContext,
    case: str,
    kind: LetterKind | str,
    lang: Language | str,
    options: LetterOptions | None = None,
) -> list[LetterWarning]:
    return list(prepare(ctx, case, kind, lang, options).warnings)


def preview(
    ctx: ServiceContext,
    case: str,
    kind: LetterKind | str,
    lang: Language | str,
    options: LetterOptions | None = None,
) -> bytes:
    """The letter as PDF bytes stamped as a draft; never stored."""
    kind, lang, options = _kind(kind), _lang(lang), options or LetterOptions()
    with ctx.read() as session:
        req = rq.find_case(session, case)
        prepared = _prepare(session, ctx, req, kind, lang, options)
        _check_kind(req, kind, prepared.data, options)
    return _render(prepared, draft=True)


def _info(letter: m.Letter) -> LetterInfo:
    return LetterInfo(
        id=letter.id,
        case_number=letter.request.case_number,
        subject_name=letter.request.subject.name,
        kind=LetterKind(letter.kind),
        language=Language(letter.language),
        issued_on=letter.issued_on,
        sent_via=SentVia(letter.sent_via),
        sha256=letter.sha256,
        size=len(letter.pdf or b""),
        created_at=letter.created_at,
    )


def issue(
    ctx: ServiceContext,
    case: str,
    kind: LetterKind | str,
    lang: Language | str,
    sent_via: SentVia | str = SentVia.POST,
    options: LetterOptions | None = None,
    *,
    before_commit: Callable[[Issued], None] | None = None,
) -> Issued:
    """Render, store (PDF, SHA-256, kind, language, date, how sent) and put the letter on
    the case timeline, in one audited transaction. Blocked letters store nothing.

    `before_commit` runs inside the transaction with the finished letter (e.g. to write
    the file the officer asked for): if it raises, nothing is stored."""
    kind, lang = _kind(kind), _lang(lang)
    try:
        via = SentVia(sent_via)
    except ValueError:
        raise ServiceError(
            _("Unknown way of sending {value!r}: use one of {allowed}.").format(
                value=str(sent_via), allowed=", ".join(s.value for s in SentVia)
            )
        ) from None
    options = replace(options or LetterOptions(), sent_via=via)
    with ctx.change() as tx:
        req = rq.find_case(tx.session, case)
        prepared = _prepare(tx.session, ctx, req, kind, lang, options)
        _check_kind(req, kind, prepared.data, options)
        pdf = _render(prepared, draft=False)
        if prepared.enclosure_files:
            from ..documents.letters.stamp import attach_files

            pdf = attach_files(pdf, list(prepared.enclosure_files))
        letter = _store(tx, req, prepared.data, pdf)
        issued = Issued(_info(letter), pdf, prepared.warnings, prepared.enclosure_files)
        if before_commit is not None:
            before_commit(issued)
    return issued


def _store(tx: Transaction, req: m.RightsRequest, data: LetterData, pdf: bytes) -> m.Letter:
    now = tx.ctx.now().replace(tzinfo=None)
    digest = hashlib.sha256(pdf).hexdigest()
    letter = m.Letter(
        kind=data.kind.value,
        language=data.language.value,
        issued_on=data.issue_date,
        sent_via=(data.sent_via or SentVia.POST).value,
        pdf=pdf,
        sha256=digest,
        created_at=now,
    )
    req.letters.append(letter)
    tx.session.flush()
    record = {
        "kind": data.kind.value,
        "on": data.issue_date.isoformat(),
        "language": data.language.value,
        "sent_via": letter.sent_via,
        "letter_id": letter.id,
        "sha256": digest,
    }
    req.events.append(
        m.CaseEvent(
            at=now,
            kind="letter-sent",
            text=json.dumps(record, ensure_ascii=False, sort_keys=True),
            actor=tx.ctx.actor,
        )
    )
    tx.audit(
        "letter.issue",
        "letter",
        letter.id,
        None,
        {"case_number": req.case_number, **record, "size": len(pdf)},
    )
    return letter


def _letter(session: Session, letter_id: int) -> m.Letter:
    letter = session.get(m.Letter, int(letter_id))
    if letter is None:
        raise not_found(_("letter"), letter_id)
    return letter


def letter_pdf(ctx: ServiceContext, letter_id: int) -> bytes:
    """The stored bytes, exactly as issued."""
    with ctx.read() as session:
        return bytes(_letter(session, letter_id).pdf)


def get_letter(ctx: ServiceContext, letter_id: int) -> LetterInfo:
    with ctx.read() as session:
        return _info(_letter(session, letter_id))


def reprint(ctx: ServiceContext, letter_id: int) -> bytes:
    """The stored letter stamped KOPIO / KOPIA / COPY in the letter's own language.

    The stamp is laid over the stored pages, so the copy shows exactly what was sent
    even if the wording or settings changed since; the stored bytes never change."""
    from ..documents.letters.stamp import stamp_pdf

    with ctx.read() as session:
        letter = _letter(session, letter_id)
        pdf, lang = bytes(letter.pdf), Language(letter.language)
    return stamp_pdf(pdf, catalogue(lang)["labels"]["copy_stamp"])


def enclosure_files(ctx: ServiceContext, letter_id: int) -> list[tuple[str, bytes]]:
    """The machine-readable enclosures embedded in an issued letter (portability)."""
    from ..documents.letters.stamp import attached_files

    return attached_files(letter_pdf(ctx, letter_id))


def list_letters(ctx: ServiceContext, case: str | None = None) -> list[LetterInfo]:
    """Issued letters, newest first; only those of `case` when given."""
    with ctx.read() as session:
        query = select(m.Letter).order_by(m.Letter.issued_on.desc(), m.Letter.id.desc())
        if case:
            query = query.where(m.Letter.request_id == rq.find_case(session, case).id)
        return [_info(letter) for letter in session.scalars(query)]


def default_data_copy(ctx: ServiceContext, case: str) -> list[DataCopyEntry]:
    """One empty entry per data category of the case's registers, for the officer to fill."""
    return [DataCopyEntry(name, "") for name in rq.category_names(ctx, case)]


def parse_data_copy(value: Any) -> tuple[DataCopyEntry, ...]:
    """{"category": "content"} or [{"category": ..., "content": ...}] (as in --data-copy)."""
    items: list[tuple[Any, Any]]
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        items = []
        for entry in value:
            if not isinstance(entry, dict) or "category" not in entry:
                raise ServiceError(_("Each data copy entry needs a category and a content."))
            items.append((entry["category"], entry.get("content", "")))
    else:
        raise ServiceError(_("The data copy must be an object or a list of entries."))
    out = []
    for category, content in items:
        if isinstance(content, list):
            content = "\n".join(str(c) for c in content)
        if not str(category).strip():
            raise ServiceError(_("A data copy entry has no category."))
        out.append(DataCopyEntry(str(category).strip(), "" if content is None else str(content)))
    return tuple(out)


def extension_dates(ctx: ServiceContext, case: str) -> tuple[date | None, date | None]:
    """(due date, extended due date) of the case, for the dialog's summary."""
    with ctx.read() as session:
        req = rq.find_case(session, case)
        return _deadline(session, req, ctx.today())


__all__ = [
    "DATA_COPY_KINDS",
    "KIND_LABELS",
    "Issued",
    "LetterBlocked",
    "LetterImmutable",
    "LetterInfo",
    "LetterOptions",
    "Prepared",
    "TemplateState",
    "TemplateVersion",
    "build_letter_data",
    "default_data_copy",
    "delete_letter",
    "enclosure_files",
    "get_letter",
    "issue",
    "kind_label",
    "letter_pdf",
    "list_letters",
    "list_templates",
    "parse_data_copy",
    "portability_files",
    "preview",
    "reprint",
    "reset_template",
    "sent_via_label",
    "set_template",
    "template_state",
]
