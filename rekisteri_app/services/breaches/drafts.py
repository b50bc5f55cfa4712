"""The notification draft from the record: the only place that knows where each of its
values comes from (the breach, its registers and categories, the controller, the
officer's settings). Nothing is stored; the draft is made for the moment asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ...documents.breaches import (
    CategoryConcerned,
    DraftBlocked,
    EarlierNotification,
    NotificationDraft,
    draft_pdf,
    draft_text,
)
from ...domain import breaches as rules
from ...domain.enums import Art34Exception, Language, NotificationKind, RiskLevel
from ...i18n import N_, _
from ...storage import models as m
from ..context import ServiceContext, ServiceError
from ._common import find_breach, first_notified_at
from .inputs import parse_enum
from .letters import officer
from .record import natures

DRAFT_HINTS: dict[str, str] = {
    "controller": N_("the controller (name it in the breach record)"),
    "contact_name": N_("the privacy officer's name (setting officer.name)"),
    "contact_phone_or_email": N_("the privacy officer's phone or email (settings officer.*)"),
    "description": N_("the description of the breach"),
    "nature": N_("the nature of the breach"),
    "delay_reasons": N_("the reasons for notifying after 72 hours (GDPR Art. 33(1))"),
}


class DraftNotReady(ServiceError):
    def __init__(self, names: tuple[str, ...]):
        self.names = names
        lines = [_("The notification draft cannot be made yet; record first:")]
        lines += ["- " + _(DRAFT_HINTS.get(name, name)) for name in names]
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Draft:
    reference: str
    language: Language
    text: str
    pdf: bytes


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def draft_data(
    session: Session,
    breach: m.Breach,
    lang: Language,
    kind: NotificationKind | None,
    now: datetime,
) -> NotificationDraft:
    person = officer(session)
    controller = breach.controller
    first = first_notified_at(breach)
    late = rules.is_late(breach.aware_at, first if first is not None else now)
    return NotificationDraft(
        language=lang,
        reference=breach.reference,
        prepared_at=rules.as_utc(now),
        aware_at=rules.as_utc(breach.aware_at),
        notify_by=rules.notify_by(breach.aware_at),
        natures=natures(breach),
        description=breach.description or "",
        kind=kind,
        earlier=tuple(
            EarlierNotification(
                NotificationKind(n.kind), rules.as_utc(n.notified_at), n.reference or ""
            )
            for n in breach.notifications
        ),
        controller_name="" if controller is None else controller.name,
        controller_business_id="" if controller is None else controller.business_id or "",
        controller_address=""
        if controller is None
        else (controller.postal_address or controller.visiting_address or ""),
        contact_name=", ".join(p for p in (person.name, person.title) if p.strip())
        if person.name.strip()
        else "",
        contact_phone=person.phone,
        contact_email=person.email,
        discovered_how=breach.discovered_how or "",
        discovered_by=breach.discovered_by or "",
        processor_name="" if breach.processor is None else breach.processor.name,
        processor_reported_at=None
        if breach.processor_reported_at is None
        else rules.as_utc(breach.processor_reported_at),
        occurred_from=None if breach.occurred_from is None else rules.as_utc(breach.occurred_from),
        occurred_to=None if breach.occurred_to is None else rules.as_utc(breach.occurred_to),
        occurred_unknown=breach.occurred_unknown,
        late=late,
        delay_reasons=breach.delay_reasons or "",
        subject_groups=_lines(breach.subject_groups),
        subject_count=breach.subject_count,
        registers=tuple(link.register.name for link in breach.registers),
        categories=tuple(CategoryConcerned(c.category_name, c.special) for c in breach.categories),
        record_count=breach.record_count,
        consequences=breach.consequences or "",
        risk_level=None if breach.risk_level is None else RiskLevel(breach.risk_level),
        risk_reasoning=breach.risk_reasoning or "",
        measures_taken=breach.measures_taken or "",
        measures_proposed=breach.measures_proposed or "",
        subjects_informed_at=None
        if breach.subjects_informed_at is None
        else rules.as_utc(breach.subjects_informed_at),
        subjects_informed_how=breach.subjects_informed_how or "",
        art34_exception=None
        if breach.art34_exception is None
        else Art34Exception(breach.art34_exception),
        informing_reasons=breach.informing_reasons or "",
    )


def notification_draft(
    ctx: ServiceContext,
    reference: str,
    lang: Language | str = Language.FI,
    kind: NotificationKind | str | None = None,
) -> Draft:
    """The draft as text and PDF in `lang`; DraftNotReady lists what blocks it."""
    language = parse_enum(Language, lang, "language")
    kind = parse_enum(NotificationKind, kind, "kind")
    with ctx.read() as session:
        breach = find_breach(session, reference)
        data = draft_data(session, breach, language, kind, ctx.now())
    try:
        return Draft(data.reference, language, draft_text(data), draft_pdf(data))
    except DraftBlocked as exc:
        raise DraftNotReady(exc.names) from None
