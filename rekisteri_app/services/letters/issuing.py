"""Preparing, previewing and issuing a letter.

Issuing stores the PDF exactly as sent, with its SHA-256, and a `letter-sent` event on
the case timeline, in one audited transaction. A placeholder without a value blocks both
preview and issue with a translated message naming what to fill in, and nothing is
stored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from ...documents.letters import (
    LetterData,
    LetterWarning,
    MissingPlaceholder,
    letter_warnings,
    render_letter,
)
from ...documents.letters.checks import WarningCode
from ...documents.letters.compose import DECISION_KINDS, format_date
from ...documents.letters.render import AddressFieldOverflow
from ...domain import authority as au
from ...domain.enums import (
    GDPR_LETTER_KINDS,
    DeliveryChoice,
    Language,
    LetterKind,
    Outcome,
    PauseKind,
    RequestClass,
    Right,
    SentVia,
)
from ...domain.vocabulary import CLASSIFICATIONS, label
from ...i18n import _, current_language
from ...storage import models as m
from .. import requests as rq
from ..context import ServiceContext, ServiceError, Transaction
from ..requests import art19 as case_art19
from ._common import LetterBlocked, MixedLanguage, _kind, _lang, kind_label
from .archive import LetterInfo, _info
from .compose import (
    KIND_RIGHT,
    LetterOptions,
    build_letter,
    business_id_of,
    letter_controllers,
    portability_files,
    postal_source,
)
from .language import MixedText
from .templates import overrides_for

# Letters that tell the addressee something about the data subject's data (even that
# none are held): to a representative only once the authority is recorded as checked.
DISCLOSING_KINDS = frozenset(
    (DECISION_KINDS - {LetterKind.REFUSAL})
    | {LetterKind.ACCESS_NOT_HELD, LetterKind.NON_GDPR_REPLY}
)

# The letters each classification of a case can have.
CLASS_KINDS: dict[RequestClass, frozenset[LetterKind]] = {
    RequestClass.GDPR: GDPR_LETTER_KINDS,
    RequestClass.NON_GDPR: frozenset(
        {LetterKind.NON_GDPR_ACKNOWLEDGEMENT, LetterKind.NON_GDPR_REPLY}
    ),
    RequestClass.PUBLICITY_ACT: frozenset(
        {LetterKind.NON_GDPR_ACKNOWLEDGEMENT, LetterKind.PUBLICITY_ACT_REPLY}
    ),
}


def kinds_for(classification: RequestClass | str) -> tuple[LetterKind, ...]:
    """The letter kinds a case of this classification can have, in list order."""
    allowed = CLASS_KINDS[RequestClass(classification)]
    return tuple(k for k in LetterKind if k in allowed)


@dataclass(frozen=True)
class Prepared:
    """A composed-but-not-rendered letter: its data, the wording in force, the warnings."""

    data: LetterData
    overrides: dict[LetterKind, str]
    warnings: tuple[LetterWarning, ...]
    enclosure_files: tuple[tuple[str, bytes], ...] = ()
    mixed: tuple[MixedText, ...] = ()  # texts only in another language than the letter's


@dataclass(frozen=True)
class Issued:
    info: LetterInfo
    pdf: bytes
    warnings: tuple[LetterWarning, ...] = ()
    enclosure_files: tuple[tuple[str, bytes], ...] = ()


def _check_class(req: m.RightsRequest, kind: LetterKind) -> None:
    """A GDPR letter for a GDPR request only; a request outside it gets its own kinds."""
    cls = RequestClass(req.classification)
    if kind in CLASS_KINDS[cls]:
        return
    raise ServiceError(
        _(
            "Case {case} is classified as “{classification}”, so it cannot have a "
            "“{kind}” letter. Its letters: {allowed}."
        ).format(
            case=req.case_number,
            classification=label(CLASSIFICATIONS, cls),
            kind=kind_label(kind),
            allowed="; ".join(f"{k.value} ({kind_label(k)})" for k in kinds_for(cls)),
        )
    )


def _date_text(day) -> str:
    return format_date(day, current_language())


def authority_missing(req: m.RightsRequest, on) -> dict[str, str]:
    """What the case still lacks about the representative's authority, in words."""
    record = rq.record_of(req)
    if req.requester is None:
        return {}
    return {
        f"authority_{item.value}": _("the representative's authority: {what}").format(
            what=au.describe_missing(item, record, _date_text)
        )
        for item in au.missing_for_disclosure(record, on)
    }


def controller_missing(chosen: m.Controller | None) -> dict[str, str]:
    """What the letterhead's controller lacks for a requester to reply by post."""
    if chosen is None:
        return {"controller": _("the controller that answers (the case names none)")}
    out = {}
    if postal_source(chosen) is None:
        out["controller_postal_address"] = _(
            "the postal address of {name} (a requester must be able to reply by post; "
            "record it in Controllers)"
        ).format(name=chosen.name)
    if not business_id_of(chosen):
        out["controller_business_id"] = _(
            "the business ID of {name} (record it in Controllers)"
        ).format(name=chosen.name)
    return out


def _check_kind(
    req: m.RightsRequest, kind: LetterKind, data: LetterData, options: LetterOptions
) -> None:
    _check_class(req, kind)
    access = next((r for r in req.rights if r.right == Right.ACCESS), None)
    if (
        kind is LetterKind.ACCESS_RESPONSE
        and access is not None
        and access.outcome == Outcome.NOT_HELD
    ):
        raise ServiceError(
            _(
                "The access request is recorded as “no personal data held”: issue the "
                "{kind} letter (a negative confirmation) instead."
            ).format(kind=LetterKind.ACCESS_NOT_HELD.value)
        )
    described: dict[str, str] = {}
    described.update(controller_missing(letter_controllers(req, options)[0]))
    if kind in DISCLOSING_KINDS and data.recipient.authority.value != "self":
        described.update(authority_missing(req, data.issue_date))
    missing: list[str] = list(described)
    if kind is LetterKind.ACCESS_NOT_HELD and (
        access is None or access.outcome != Outcome.NOT_HELD
    ):
        missing.append("not_held")
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
        raise LetterBlocked(tuple(sorted(set(missing))), described)


def _case_warnings(
    req: m.RightsRequest,
    kind: LetterKind,
    options: LetterOptions,
    data: LetterData,
    mixed: tuple[MixedText, ...],
) -> list[LetterWarning]:
    """What the case itself asks the officer to look at before this letter."""
    out = []
    if data.recipient.authority.value != "self":
        lacking = authority_missing(req, data.issue_date)
        if lacking:
            out.append(
                LetterWarning(
                    WarningCode.AUTHORITY_UNCHECKED,
                    _("The representative's authority is not recorded as checked: {what}.").format(
                        what="; ".join(
                            au.describe_missing(item, rq.record_of(req), _date_text)
                            for item in au.missing_for_disclosure(
                                rq.record_of(req), data.issue_date
                            )
                        )
                    )
                    + (
                        " " + _("This letter discloses data and cannot be issued before that.")
                        if kind in DISCLOSING_KINDS
                        else ""
                    ),
                )
            )
    lacking = controller_missing(letter_controllers(req, options)[0])
    if lacking:
        out.append(
            LetterWarning(
                WarningCode.CONTROLLER_INCOMPLETE,
                _("The letter cannot be issued without: {what}.").format(
                    what="; ".join(lacking.values())
                ),
            )
        )
    if mixed:
        out.append(
            LetterWarning(
                WarningCode.MIXED_LANGUAGE,
                _(
                    "{count} texts of the letter exist only in another language: {texts}. "
                    "Add the translations or confirm when issuing."
                ).format(count=len(mixed), texts="; ".join(m.where for m in mixed)),
            )
        )
    if kind in (LetterKind.RECTIFICATION, LetterKind.ERASURE, LetterKind.RESTRICTION):
        unrecorded = [i.name for i in case_art19.case_recipients(req) if i.record is None]
        if unrecorded and case_art19.concerns_art19(req):
            out.append(
                LetterWarning(
                    WarningCode.ART19_UNRECORDED,
                    _(
                        "Nothing is recorded about these recipients (GDPR Art. 19); the "
                        "letter says nothing about them: {names}."
                    ).format(names="; ".join(unrecorded)),
                )
            )
    issued = [letter.created_at for letter in req.letters if letter.created_at is not None]
    if issued:
        last = max(issued)
        fields = [c.field for c in req.corrections if c.at > last]
        if fields:
            out.append(
                LetterWarning(
                    WarningCode.CASE_CORRECTED,
                    _(
                        "The case was corrected after its last letter was issued ({fields}); "
                        "the letters already sent say what the record said then."
                    ).format(fields=rq.timeline_field_names(list(dict.fromkeys(fields)))),
                )
            )
    if rq.delivery_differs(req) and options.deliver_to is None:
        out.append(
            LetterWarning(
                WarningCode.DELIVERY_UNCONFIRMED,
                _(
                    "The requested delivery address differs from the address on the "
                    "controller's records. Confirm where the letter goes before issuing it."
                ),
            )
        )
    return out


def _prepare(
    session: Session,
    ctx: ServiceContext,
    req: m.RightsRequest,
    kind: LetterKind,
    lang: Language,
    options: LetterOptions,
) -> Prepared:
    built = build_letter(session, req, kind, lang, options, ctx.today())
    data = built.data
    overrides = overrides_for(session, lang, data.recipient.audience)
    warnings = tuple(w for w in letter_warnings(data, overrides) if w.code != "missing-values")
    warnings += tuple(_case_warnings(req, kind, options, data, built.mixed))
    files: tuple[tuple[str, bytes], ...] = ()
    if kind is LetterKind.PORTABILITY and options.data_copy:
        files = portability_files(data, options.data_copy)
    return Prepared(data, overrides, warnings, files, built.mixed)


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
        if rq.delivery_differs(req) and options.deliver_to is None:
            rq.delivery_address(req, None)  # raises: the officer must choose the address
        prepared = _prepare(tx.session, ctx, req, kind, lang, options)
        _check_kind(req, kind, prepared.data, options)
        pdf = _render(prepared, draft=False)
        if prepared.mixed and not options.mixed_language_ok:
            raise MixedLanguage(lang, prepared.mixed)
        if prepared.enclosure_files:
            from ...documents.letters.stamp import attach_files

            pdf = attach_files(pdf, list(prepared.enclosure_files))
        letter = _store(tx, req, prepared.data, pdf, bool(prepared.mixed))
        _record_facts(tx, req, kind, options, prepared.data)
        issued = Issued(_info(letter), pdf, prepared.warnings, prepared.enclosure_files)
        if before_commit is not None:
            before_commit(issued)
    return issued


def _record_facts(
    tx: Transaction,
    req: m.RightsRequest,
    kind: LetterKind,
    options: LetterOptions,
    data: LetterData,
) -> None:
    """What issuing this letter means for the case: the delivery address the officer
    confirmed, and the pause an identity request starts (one action, one fact)."""
    if rq.delivery_differs(req) and options.deliver_to is not None:
        rq.add_event(
            tx,
            req,
            "delivery-address",
            {
                "kind": kind.value,
                "choice": DeliveryChoice(options.deliver_to).value,
                "address": ", ".join(data.recipient.address_lines),
            },
        )
    if kind is LetterKind.IDENTITY_REQUEST and options.pause is not None:
        pause = PauseKind(options.pause)
        if not any(p.kind == pause and p.received_on is None for p in req.pauses):
            field = "identity_asked" if pause is PauseKind.IDENTITY else "clarification_asked"
            rq.apply_update(tx, req, rq.CaseUpdate(**{field: data.issue_date}))


def _store(
    tx: Transaction, req: m.RightsRequest, data: LetterData, pdf: bytes, mixed: bool = False
) -> m.Letter:
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
        mixed_language=mixed,
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
    if mixed:
        record["mixed_language"] = True
    req.events.append(
        m.CaseEvent(
            at=now,
            kind="letter-sent",
            text=json.dumps(record, ensure_ascii=False, sort_keys=True),
            actor=tx.ctx.actor,
        )
    )
    rq.store_deadline(tx.session, req)  # an extension letter makes an extension hold
    tx.audit(
        "letter.issue",
        "letter",
        letter.id,
        None,
        {"case_number": req.case_number, **record, "size": len(pdf)},
    )
    return letter
