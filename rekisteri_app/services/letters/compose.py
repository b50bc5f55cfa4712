"""Composing a letter from the database: the one place that knows where each value of a
`LetterData` comes from — the case (requester, rights, outcomes, erasure decisions,
extension), the registers concerned (Art. 15 items), the settings (officer, supervisory
authority) and what the officer adds per letter (`LetterOptions`) — and the Art. 20
portability files that go with a portability letter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ...csv_output import csv_bytes
from ...documents.letters import (
    DataCopyEntry,
    ErasureDecision,
    Ground,
    IdentityRequest,
    LegalBasis,
    LetterData,
    Officer,
    Organisation,
    Recipient,
    RegisterInfo,
    RightDecision,
    SupervisoryAuthority,
    Transfer,
    default_supervisory_authority,
)
from ...documents.letters.templates import catalogue
from ...domain import deadlines as dl
from ...domain.adequacy import country_name
from ...domain.enums import (
    Authority,
    DeliveryChoice,
    IdentityMethod,
    Language,
    LegalBasisArticle,
    LetterKind,
    Outcome,
    PauseKind,
    PeriodUnit,
    Right,
    Safeguard,
    SentVia,
)
from ...domain.legal_grounds import UnknownLegalGround, legal_ground
from ...i18n import _
from ...storage import models as m
from .. import requests as rq
from .. import settings
from ..context import ServiceError
from ..requests import deadlines as case_deadlines

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
    # Several controllers per case: the letterhead's (default: the one the request was
    # addressed to) and the others the answer covers (None: every other one of the case).
    controller: str | int | None = None
    covered_controllers: tuple[str | int, ...] | None = None
    # Where the letter goes when the requested delivery address differs from the one on
    # record; issuing such a letter needs the officer's choice.
    deliver_to: DeliveryChoice | None = None
    # Issuing an identity-request letter starts this pause on the issue date (None: no).
    pause: PauseKind | None = PauseKind.IDENTITY


def _s(value: str | None) -> str:
    return (value or "").strip()


def address_lines(text: str | None) -> tuple[str, ...]:
    """A stored address as envelope lines: one per line, or split at commas when the
    officer typed it on one line ("Kuja 1, 40100 Jyväskylä")."""
    lines = [line.strip().rstrip(",") for line in _s(text).splitlines() if line.strip()]
    if len(lines) == 1 and "," in lines[0]:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    return tuple(lines)


def case_controllers(req: m.RightsRequest) -> list[m.Controller]:
    """The case's controllers, the one the request was addressed to first."""
    out = [link.controller for link in req.controllers]
    if req.controller is not None:
        if req.controller in out:
            out.remove(req.controller)
        out.insert(0, req.controller)
    return out


def _pick(req: m.RightsRequest, ref: str | int) -> m.Controller:
    text = str(ref).strip().casefold().removeprefix("controller-")
    for c in case_controllers(req):
        if text in (str(c.id), c.name.casefold()):
            return c
    raise ServiceError(
        _("{name} is not a controller of case {case}.").format(name=ref, case=req.case_number)
    )


def letter_controllers(
    req: m.RightsRequest, options: LetterOptions
) -> tuple[m.Controller | None, tuple[m.Controller, ...]]:
    """(the letterhead's controller, the others the answer covers)."""
    chosen = req.controller if options.controller is None else _pick(req, options.controller)
    if options.covered_controllers is None:
        others = [c for c in case_controllers(req) if c is not chosen]
    else:
        others = []
        for ref in options.covered_controllers:
            other = _pick(req, ref)
            if other is not chosen and other not in others:
                others.append(other)
    return chosen, tuple(others)


def _organisation(session: Session, c: m.Controller | None) -> Organisation:
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
    from ...documents.notices.texts import load_texts

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
    addressee = rq.addressee(req)
    chosen, others = letter_controllers(req, options)
    # A preview before the officer chose prints the requested address (issuing asks).
    address = rq.delivery_address(req, options.deliver_to or _draft_choice(req))
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
        organisation=_organisation(session, chosen),
        officer=_officer(session),
        recipient=Recipient(
            addressee.name,
            address_lines(address),
            Authority(req.authority) if representative else Authority.SELF,
        ),
        data_subject_name=subject.name,
        case_number=req.case_number,
        issue_date=today,
        received_on=req.received_on,
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
        other_controllers=tuple(c.name for c in others),
    )


def _draft_choice(req: m.RightsRequest) -> DeliveryChoice | None:
    return DeliveryChoice.REQUESTED if rq.delivery_differs(req) else None


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
    # csv_output: BOM (spreadsheets read å ä ö) and formula cells neutralised
    as_csv = csv_bytes(
        ["category", "field", "value"],
        (
            [item["category"], record["field"], record["value"]]
            for item in categories
            for record in item["records"]
        ),
    )
    return ((f"{stem}-portability.json", as_json), (f"{stem}-portability.csv", as_csv))


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
