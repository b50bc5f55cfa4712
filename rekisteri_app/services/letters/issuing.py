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
from ...documents.letters.render import AddressFieldOverflow
from ...domain.enums import (
    DeliveryChoice,
    Language,
    LetterKind,
    Outcome,
    PauseKind,
    RequestClass,
    SentVia,
)
from ...i18n import _
from ...storage import models as m
from .. import requests as rq
from ..context import ServiceContext, ServiceError, Transaction
from ._common import LetterBlocked, _kind, _lang
from .archive import LetterInfo, _info
from .compose import KIND_RIGHT, LetterOptions, build_letter_data, portability_files
from .templates import overrides_for


@dataclass(frozen=True)
class Prepared:
    """A composed-but-not-rendered letter: its data, the wording in force, the warnings."""

    data: LetterData
    overrides: dict[LetterKind, str]
    warnings: tuple[LetterWarning, ...]
    enclosure_files: tuple[tuple[str, bytes], ...] = ()


@dataclass(frozen=True)
class Issued:
    info: LetterInfo
    pdf: bytes
    warnings: tuple[LetterWarning, ...] = ()
    enclosure_files: tuple[tuple[str, bytes], ...] = ()


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


def _case_warnings(req: m.RightsRequest, options: LetterOptions) -> list[LetterWarning]:
    """What the case itself asks the officer to look at before this letter."""
    out = []
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
    data = build_letter_data(session, req, kind, lang, options, ctx.today())
    overrides = overrides_for(session, lang)
    warnings = tuple(w for w in letter_warnings(data, overrides) if w.code != "missing-values")
    warnings += tuple(_case_warnings(req, options))
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
        if prepared.enclosure_files:
            from ...documents.letters.stamp import attach_files

            pdf = attach_files(pdf, list(prepared.enclosure_files))
        letter = _store(tx, req, prepared.data, pdf)
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
    rq.store_deadline(tx.session, req)  # an extension letter makes an extension hold
    tx.audit(
        "letter.issue",
        "letter",
        letter.id,
        None,
        {"case_number": req.case_number, **record, "size": len(pdf)},
    )
    return letter
