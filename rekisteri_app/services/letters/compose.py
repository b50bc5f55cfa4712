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
from ...documents.letters.compose import ART19_KINDS, NON_GDPR_KINDS
from ...documents.letters.data import DocumentDecision, Fee, Notification, OtherHolder
from ...documents.letters.templates import catalogue
from ...domain import art19
from ...domain import deadlines as dl
from ...domain.adequacy import country_name
from ...domain.enums import (
    Authority,
    DeliveryChoice,
    FeeBasis,
    IdentityMethod,
    Language,
    LegalBasisArticle,
    LetterAudience,
    LetterKind,
    NotificationStatus,
    Outcome,
    PauseKind,
    PeriodUnit,
    RequestClass,
    Right,
    Safeguard,
    SentVia,
    StatementKind,
)
from ...domain.legal_grounds import UnknownLegalGround, legal_ground
from ...i18n import _
from ...storage import models as m
from .. import requests as rq
from .. import settings
from .. import translations as tr
from ..context import ServiceError
from ..entities import name_key
from ..requests import art19 as case_art19
from ..requests import deadlines as case_deadlines
from .language import LetterTexts, MixedText

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
    LetterKind.ACCESS_NOT_HELD: Right.ACCESS,
}


# Letters sent while the request is being handled: no decisions, no actions, no remedies.
PRE_DECISION_KINDS = frozenset(
    {
        LetterKind.ACKNOWLEDGEMENT,
        LetterKind.IDENTITY_REQUEST,
        LetterKind.EXTENSION,
        LetterKind.NON_GDPR_ACKNOWLEDGEMENT,
    }
)

# Kinds whose letter includes the officer's per-category copy of the data (the
# non-GDPR reply: the information given, e.g. a deceased customer's last invoices).
DATA_COPY_KINDS = frozenset(
    {LetterKind.ACCESS_RESPONSE, LetterKind.PORTABILITY, LetterKind.NON_GDPR_REPLY}
)

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
    # Issue 10. Another controller that may hold the data (not-held, partial access):
    # a name of the registers' sources or recipients (then printed in the letter's
    # language) or typed, with how to reach it.
    other_holders: tuple[OtherHolder, ...] = ()
    answer: str = ""  # the reply to a request outside the GDPR
    documents: tuple[DocumentDecision, ...] = ()  # a Publicity Act reply
    state_invalid_safeguards: bool = False  # tell the data subject "repealed"
    mixed_language_ok: bool = False  # the officer confirmed texts in another language


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


def postal_source(c: m.Controller) -> m.Controller | None:
    """The controller whose postal address block prints: its own, else the one it
    shares (a group company "as for" another)."""
    if _s(c.postal_address):
        return c
    if c.address_from is not None and _s(c.address_from.postal_address):
        return c.address_from
    return None


def business_id_of(c: m.Controller) -> str:
    if _s(c.business_id):
        return _s(c.business_id)
    return _s(c.business_id_from.business_id) if c.business_id_from is not None else ""


def _organisation(
    session: Session, c: m.Controller | None, texts: LetterTexts, primary: str
) -> Organisation:
    """The letterhead and footer from the case's chosen controller, in the letter's
    language. No postal address is made up: the visiting address is not a postal one.
    The organisation itself (setting organisation.name) may have its name per language
    in the settings when the controller record has none."""
    if c is None:
        name = texts.setting(
            session, settings.ORGANISATION_NAME, _("organisation name"), optional=True
        )
        return Organisation(name=name, business_id="", postal_address=())
    lang = texts.lang.value
    name = texts.pick(c, "name", "controller", primary, _("controller name"))
    own = _s(settings.read(session, settings.ORGANISATION_NAME))
    if own and name_key(own) == name_key(c.name) and tr.localized(c, "name", lang, primary) is None:
        name = (
            texts.setting(
                session, settings.ORGANISATION_NAME, _("organisation name"), optional=True
            )
            or name
        )
    source = postal_source(c)
    postal: tuple[str, ...] = ()
    if source is not None:
        text = texts.pick(source, "postal_address", "controller", primary, _("postal address"))
        postal = texts.po_box(session, address_lines(text))
    visiting = texts.pick(c, "visiting_address", "controller", primary, _("visiting address"))
    return Organisation(
        name=name,
        business_id=business_id_of(c),
        postal_address=postal,
        visiting_address=", ".join(address_lines(visiting)),
        phone=_s(c.phone),
        email=_s(c.email),
        web=_s(c.web),
    )


def _officer(session: Session, texts: LetterTexts) -> Officer:
    def get(key: str) -> str:
        return _s(settings.read(session, key))

    return Officer(
        name=get(settings.OFFICER_NAME),
        title=texts.setting(session, settings.OFFICER_TITLE, _("the privacy officer's title")),
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


class _RegisterTexts:
    """One register's texts in the letter's language (its own primary language is the
    one its columns are written in); what is missing is noted with where it is."""

    def __init__(self, texts: LetterTexts, reg: m.Register):
        self.texts, self.reg = texts, reg
        self.primary = tr.primary_language(reg)
        self.name = texts.pick(reg, "name", "register", self.primary, reg.name, reg.id)

    def __call__(self, obj: object, attr: str, kind: str, what: str) -> str:
        where = _("{register}: {what}").format(register=self.name, what=what)
        return _s(self.texts.pick(obj, attr, kind, self.primary, where, self.reg.id))


def _retention(reg: m.Register, lang: Language, pick: _RegisterTexts) -> tuple[str, ...]:
    out: list[str] = []
    what = _("retention periods")
    for rule in reg.retention_rules:
        applies = pick(rule, "applies_to", "retention_rules", what) or (
            pick(rule.data_category, "name", "data_categories", what)
            if rule.data_category is not None
            else ""
        )
        period = pick(rule, "trigger", "retention_rules", what)
        if rule.period_value is not None and rule.period_unit:
            amount = _period(rule.period_value, rule.period_unit, lang)
            period = f"{amount} {period}".strip()
        description = pick(rule, "description", "retention_rules", what)
        text = "; ".join(p for p in (period, description) if p)
        legal = pick(rule, "legal_ground", "retention_rules", what)
        if legal:
            text = f"{text} ({legal})" if text else legal
        if applies and text:
            text = f"{applies}: {text}"
        elif applies:
            text = applies
        if text:
            out.append(text)
    if not out and _s(reg.retention_statement):
        out.append(pick(reg, "retention_statement", "register", what))
    return tuple(out)


def _named(name: str, detail: str | None) -> str:
    return f"{name} ({_s(detail)})" if _s(detail) else name


def _statement(reg: m.Register, kind: StatementKind, pick: _RegisterTexts) -> str | None:
    """The text of a recorded statement ("" = its standard sentence), None if none."""
    for st in reg.statements:
        if st.kind == kind:
            return pick(st, "text", "statements", _("statements"))
    return None


def register_info(
    reg: m.Register, lang: Language, texts: LetterTexts | None = None
) -> RegisterInfo:
    """What Art. 15(1)(a)-(h) and 15(2) require about one register, as stored, in the
    letter's language (texts only in another language are noted in `texts`)."""
    texts = texts or LetterTexts(lang)
    pick = _RegisterTexts(texts, reg)
    bases = []
    for b in reg.legal_bases:
        law = pick(b, "national_law", "legal_bases", _("legal bases"))
        desc = pick(b, "description", "legal_bases", _("legal bases"))
        text = "; ".join(p for p in (law, desc) if p)
        article = LegalBasisArticle(b.article) if b.article else None
        if article is not None or text:
            bases.append(LegalBasis(article, text))
    recipients = [
        _named(
            pick(r, "name", "recipients", _("recipients")),
            pick(r, "description", "recipients", _("recipients")),
        )
        for r in reg.recipients
    ]
    recipients += [
        _named(rp.processor.name, pick(rp, "service", "processors", _("processors")))
        for rp in reg.processors
    ]
    automated = []
    for a in reg.automated_decisions:
        what = _("automated decisions")
        parts = (
            pick(a, "description", "automated_decisions", what),
            pick(a, "logic", "automated_decisions", what),
            pick(a, "consequences", "automated_decisions", what),
        )
        automated.append(" ".join(p for p in parts if p))
    return RegisterInfo(
        name=pick.name,
        purposes=tuple(
            text for p in reg.purposes if (text := pick(p, "text", "purposes", _("purposes")))
        ),
        legal_bases=tuple(bases),
        data_categories=tuple(
            text
            for d in reg.data_categories
            if (text := pick(d, "name", "data_categories", _("data categories")))
        ),
        recipients=tuple(recipients),
        retention=_retention(reg, lang, pick),
        sources=tuple(
            _named(
                pick(src, "name", "sources", _("sources")),
                pick(src, "description", "sources", _("sources")),
            )
            for src in reg.sources
            if _s(src.name)
        ),
        transfers=tuple(
            Transfer(
                country=country_name(t.country, lang.value),
                safeguard=_safeguard(t.safeguard),
                recipient=pick(t, "recipient", "transfers", _("transfers")),
            )
            for t in reg.transfers
        ),
        automated_decisions=" ".join(a for a in automated if a),
        no_disclosures=_statement(reg, StatementKind.NO_DISCLOSURES, pick),
        no_transfers=_statement(reg, StatementKind.NO_TRANSFERS, pick),
        no_automated=_statement(reg, StatementKind.NO_AUTOMATED_DECISIONS, pick),
        no_profiling=_statement(reg, StatementKind.NO_PROFILING, pick),
    )


def _safeguard(value: str) -> Safeguard:
    try:
        return Safeguard(value)
    except ValueError:
        return Safeguard.NONE


def _ground(
    code: str | None,
    reason: str | None,
    lang: Language,
    audience: LetterAudience = LetterAudience.DATA_SUBJECT,
) -> Ground | None:
    """The officer's reason, else the template file's wording of the chosen ground."""
    code = _s(code)
    article = ""
    if code:
        try:
            article = legal_ground(code).article
        except UnknownLegalGround:
            article = code
        article = re.sub(r"^GDPR Art\.\s*", "", article)
    text = _s(reason) or (catalogue(lang, audience)["grounds"].get(code, "") if code else "")
    if not text:
        return None
    return Ground(code=code, article=article or "", reason=text)


def _decisions(
    req: m.RightsRequest, kind: LetterKind, lang: Language, audience: LetterAudience
) -> tuple[RightDecision, ...]:
    rows = list(req.rights)
    if kind in PRE_DECISION_KINDS or kind in NON_GDPR_KINDS:  # they name the rights only
        return tuple(RightDecision(Right(r.right)) for r in rows)
    wanted = KIND_RIGHT.get(kind)
    if wanted is not None and any(r.right == wanted for r in rows):
        rows = [r for r in rows if r.right == wanted]
    out = []
    for r in rows:
        ground = _ground(r.legal_ground, r.reason, lang, audience)
        out.append(
            RightDecision(
                Right(r.right), Outcome(r.outcome), (ground,) if ground is not None else ()
            )
        )
    return tuple(out)


def _category_name(e: m.ErasureDecision, texts: LetterTexts) -> str:
    """The category as its register names it in the letter's language, when linked."""
    cat = e.data_category
    if cat is None:
        return e.category_name
    reg = cat.register
    pick = _RegisterTexts(texts, reg)
    return pick(cat, "name", "data_categories", _("data categories")) or e.category_name


def _erasures(
    req: m.RightsRequest, lang: Language, texts: LetterTexts, audience: LetterAudience
) -> tuple[ErasureDecision, ...]:
    out = []
    for r in req.rights:
        if r.right != Right.ERASURE:
            continue
        for e in r.erasures:
            ground = None if e.erased else _ground(e.legal_ground, e.reason, lang, audience)
            out.append(
                ErasureDecision(_category_name(e, texts), bool(e.erased), e.kept_until, ground)
            )
    return tuple(out)


def _notifications(
    req: m.RightsRequest, texts: LetterTexts
) -> tuple[tuple[Notification, ...], bool]:
    """Art. 19 as recorded, recipients named as their register names them in the
    letter's language; and whether every recipient of the registers has a record."""
    recipients = case_art19.case_recipients(req)
    out = []
    for item in recipients:
        record = item.record
        if record is None:
            continue
        pick = _RegisterTexts(texts, item.register)
        out.append(
            Notification(
                pick(item.row, "name", "recipients", _("recipients")) or record.recipient,
                NotificationStatus(record.status),
                record.notified_on,
                _s(record.reason),
            )
        )
    complete = all(item.record is not None for item in recipients)
    return tuple(out), complete


def _other_holders(
    req: m.RightsRequest, holders: tuple[OtherHolder, ...], texts: LetterTexts
) -> tuple[OtherHolder, ...]:
    """A name of the registers' sources or recipients prints as the register names it
    in the letter's language; another name prints as typed."""
    known: dict[str, tuple[m.Register, object, str]] = {}
    for rr in req.registers:
        for row, kind in [(x, "sources") for x in rr.register.sources] + [
            (x, "recipients") for x in rr.register.recipients
        ]:
            known.setdefault(art19.fold(row.name), (rr.register, row, kind))
            for lang_texts in (getattr(row, "translations", None) or {}).values():
                if isinstance(lang_texts, dict) and lang_texts.get("name"):
                    known.setdefault(art19.fold(lang_texts["name"]), (rr.register, row, kind))
    out = []
    for h in holders:
        name = _s(h.name)
        if not name:
            raise ServiceError(_("Another controller named in the letter needs its name."))
        found = known.get(art19.fold(name))
        if found is not None:
            reg, row, kind = found
            name = _RegisterTexts(texts, reg)(row, "name", kind, _("other controller")) or name
        out.append(OtherHolder(name, _s(h.contact), _s(h.scope)))
    return tuple(out)


def holder_choices(ctx: Any, case: str, lang: Language | str) -> list[str]:
    """Names of the case's registers' sources and recipients, in `lang` where
    translated, for picking another controller that may hold the data."""
    texts = LetterTexts(Language(lang))
    with ctx.read() as session:
        req = rq.find_case(session, case)
        names: list[str] = []
        for rr in req.registers:
            pick = _RegisterTexts(texts, rr.register)
            for row, kind in [(x, "sources") for x in rr.register.sources] + [
                (x, "recipients") for x in rr.register.recipients
            ]:
                if art19.is_self_recipient(row.name, getattr(row, "kind", None)):
                    continue
                name = pick(row, "name", kind, "")
                if name and name not in names:
                    names.append(name)
        return names


def _fee(req: m.RightsRequest) -> Fee | None:
    if not req.fee_basis or req.fee_cents is None:
        return None
    return Fee(FeeBasis(req.fee_basis), req.fee_cents, _s(req.fee_reason), _s(req.fee_costs))


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
    kind: LetterKind, lang: Language, options: LetterOptions, audience: LetterAudience
) -> IdentityRequest | None:
    if kind is not LetterKind.IDENTITY_REQUEST:
        return None
    needed = tuple(t.strip() for t in options.identity_needed if t.strip()) or tuple(
        catalogue(lang, audience)["identity_defaults"]["needed"]
    )
    return IdentityRequest(
        needed=needed,
        methods=options.identity_methods or DEFAULT_IDENTITY_METHODS,
        reply_by=options.identity_reply_by,
    )


def letter_primary(req: m.RightsRequest) -> str:
    """The language controllers' texts are written in: that of the case's first register
    (controllers are read in the primary language of the register that prints them)."""
    for rr in req.registers:
        return tr.primary_language(rr.register)
    return tr.DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Built:
    """A letter's data and the texts in it that exist only in another language."""

    data: LetterData
    mixed: tuple[MixedText, ...]


def build_letter(
    session: Session,
    req: m.RightsRequest,
    kind: LetterKind,
    lang: Language,
    options: LetterOptions,
    today: date,
) -> Built:
    """Everything one letter prints, gathered from the case, its registers and settings,
    in the letter's language."""
    texts = LetterTexts(lang)
    subject = req.subject
    representative = req.authority != Authority.SELF and req.requester is not None
    authority = Authority(req.authority) if representative else Authority.SELF
    audience = LetterAudience.REPRESENTATIVE if representative else LetterAudience.DATA_SUBJECT
    addressee = rq.addressee(req)
    chosen, others = letter_controllers(req, options)
    primary = letter_primary(req)
    # A preview before the officer chose prints the requested address (issuing asks).
    address = rq.delivery_address(req, options.deliver_to or _draft_choice(req))
    due, extended = _deadline(session, req, today, kind)
    registers = (
        tuple(register_info(rr.register, lang, texts) for rr in req.registers)
        if kind is LetterKind.ACCESS_RESPONSE
        else ()
    )
    register_names = (
        tuple(_RegisterTexts(texts, rr.register).name for rr in req.registers)
        if kind is LetterKind.ACCESS_NOT_HELD
        else ()
    )
    notifications: tuple[Notification, ...] = ()
    complete = False
    if kind in ART19_KINDS:
        notifications, complete = _notifications(req, texts)
    holders = (
        _other_holders(req, options.other_holders, texts)
        if kind in (LetterKind.ACCESS_RESPONSE, LetterKind.ACCESS_NOT_HELD)
        else ()
    )
    refusal = _s(options.refusal_reasons) or _s(req.fee_reason)
    organisation = _organisation(session, chosen, texts, primary)
    data = LetterData(
        kind=kind,
        language=lang,
        organisation=organisation,
        officer=_officer(session, texts),
        recipient=Recipient(addressee.name, address_lines(address), authority),
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
        rights=_decisions(req, kind, lang, audience),
        registers=registers,
        erasure_decisions=(
            _erasures(req, lang, texts, audience) if kind is LetterKind.ERASURE else ()
        ),
        notifications=notifications,
        art19_complete=complete,
        recipients_requested=bool(req.recipients_requested),
        actions=()
        if kind in PRE_DECISION_KINDS
        else tuple(a.strip() for a in options.actions if a.strip()),
        data_copy=options.data_copy
        if kind in (LetterKind.ACCESS_RESPONSE, LetterKind.NON_GDPR_REPLY)
        else (),
        enclosures=tuple(e.strip() for e in options.enclosures if e.strip()),
        supervisory_authority=_authority(session, lang),
        refusal_reasons=refusal,
        identity_request=_identity_request(kind, lang, options, audience),
        identity_verified=bool(req.identity_checks),
        sent_via=options.sent_via,
        other_controllers=tuple(
            texts.pick(c, "name", "controller", primary, _("controller name")) for c in others
        ),
        request_class=RequestClass(req.classification),
        fee=_fee(req),
        other_holders=holders,
        register_names=register_names,
        answer=_s(options.answer) if kind is LetterKind.NON_GDPR_REPLY else "",
        documents=options.documents if kind is LetterKind.PUBLICITY_ACT_REPLY else (),
        state_invalid_safeguards=options.state_invalid_safeguards,
    )
    return Built(data, tuple(texts.mixed))


def build_letter_data(
    session: Session,
    req: m.RightsRequest,
    kind: LetterKind,
    lang: Language,
    options: LetterOptions,
    today: date,
) -> LetterData:
    """Everything one letter prints (see build_letter, which also names mixed texts)."""
    return build_letter(session, req, kind, lang, options, today).data


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
