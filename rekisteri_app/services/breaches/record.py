"""Recording a breach and every change to it: one service call, one transaction, one
audit event (before and after in the exchange form) and one timeline entry per change.

The checks run on the record as it would be after the change, so a change that leaves
it contradictory (informed without saying how, a late notification without the reasons
for the delay, a decision not to notify a breach assessed as a risk) is refused whole
and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import breaches as rules
from ...domain.case_numbers import next_case_number
from ...domain.enums import (
    BreachNature,
    ControllerRole,
    NotificationKind,
    NotifyDecision,
    RiskLevel,
)
from ...i18n import _
from ...storage import models as m
from .. import entities, settings
from ..context import ServiceContext, ServiceError, Transaction
from ._common import (
    _clean,
    _event,
    _now,
    _stored,
    facts,
    find_breach,
    first_notified_at,
    snapshot,
)
from .inputs import (
    COUNTS,
    DATES,
    FLAGS,
    LINES,
    TEXTS,
    TIMES,
    CategoryInput,
    NotificationInput,
    parse_fields,
)

NATURE_COLUMNS = {
    BreachNature.CONFIDENTIALITY: "confidentiality",
    BreachNature.INTEGRITY: "integrity",
    BreachNature.AVAILABILITY: "availability",
}


def natures(breach: m.Breach) -> tuple[BreachNature, ...]:
    """The natures recorded, in the order of the enum."""
    return tuple(n for n, column in NATURE_COLUMNS.items() if getattr(breach, column))


# ---------------------------------------------------------------------- applying


def _controller_for(session: Session, registers: list[m.Register]) -> m.Controller | None:
    """The controller of the registers concerned, the only controller, or the
    organisation itself; None when that is not clear (the officer names it)."""
    owners = {
        rc.controller_id: rc.controller
        for reg in registers
        for rc in reg.controllers
        if rc.role == ControllerRole.CONTROLLER
    }
    if len(owners) == 1:
        return next(iter(owners.values()))
    if not owners and session.scalar(select(func.count(m.Controller.id))) == 1:
        return session.scalar(select(m.Controller))
    own = settings.read(session, settings.ORGANISATION_NAME)
    if own:
        return session.scalar(select(m.Controller).where(m.Controller.name == own))
    return None


def _set_categories(breach: m.Breach, wanted: tuple[CategoryInput, ...]) -> None:
    """Names found in the registers concerned point at their category (and take its
    special flag); others are kept as typed: a breach may reveal unlisted data."""
    known: dict[str, m.DataCategory] = {}
    for link in breach.registers:
        for category in link.register.data_categories:
            known.setdefault(category.name.strip().casefold(), category)
    rows = []
    seen: set[str] = set()
    for item in wanted:
        key = item.name.strip().casefold()
        if key in seen:
            continue
        seen.add(key)
        category = known.get(key)
        rows.append(
            m.BreachCategory(
                data_category=category,
                category_name=category.name if category is not None else item.name.strip(),
                special=item.special or bool(category is not None and category.special),
            )
        )
    breach.categories.clear()
    for position, row in enumerate(rows):
        row.position = position
        breach.categories.append(row)


def _set_letter_texts(breach: m.Breach, texts: dict[Any, dict[str, str | None]]) -> None:
    by_language = {t.language: t for t in breach.letter_texts}
    for language, values in texts.items():
        row = by_language.get(language.value)
        if row is None:
            row = m.BreachLetterText(language=language.value)
            breach.letter_texts.append(row)
        for key, value in values.items():
            setattr(row, key, value)
        if not any((row.description, row.consequences, row.measures, row.advice)):
            breach.letter_texts.remove(row)


def _apply(session: Session, breach: m.Breach, fields: dict[str, Any]) -> None:
    for name in TIMES:
        if name in fields:
            setattr(breach, name, _stored(fields[name]))
    for name in (*TEXTS, *LINES, *FLAGS, *COUNTS, *DATES):
        if name in fields:
            setattr(breach, name, fields[name])
    for name in ("risk_level", "notify_decision", "art34_exception"):
        if name in fields:
            setattr(breach, name, None if fields[name] is None else fields[name].value)
    if "nature" in fields:
        for nature, column in NATURE_COLUMNS.items():
            setattr(breach, column, nature in fields["nature"])
    if "controller" in fields:
        breach.controller = (
            None
            if fields["controller"] is None
            else entities.find(session, "controllers", fields["controller"])
        )
    if "processor" in fields:
        breach.processor = (
            None
            if fields["processor"] is None
            else entities.find(session, "processors", fields["processor"])
        )
    if "registers" in fields:
        wanted: list[m.Register] = []
        for name in fields["registers"]:
            register = entities.find(session, "registers", name)
            if register not in wanted:
                wanted.append(register)
        keep = {link.register_id: link for link in breach.registers}
        breach.registers = [keep.get(r.id) or m.BreachRegister(register=r) for r in wanted]
    if "categories" in fields:
        _set_categories(breach, fields["categories"])
    elif "registers" in fields:  # re-point the kept names at the new registers' categories
        _set_categories(
            breach, tuple(CategoryInput(c.category_name, c.special) for c in breach.categories)
        )
    if "letter_texts" in fields:
        _set_letter_texts(breach, fields["letter_texts"])


def _add_notification(breach: m.Breach, item: NotificationInput) -> m.BreachNotification:
    notification = m.BreachNotification(
        kind=item.kind.value,
        notified_at=_stored(item.at),
        reference=item.reference,
        note=item.note,
    )
    breach.notifications.append(notification)
    # Notifying is deciding to notify; a decision not to was changed by doing it.
    breach.notify_decision = NotifyDecision.NOTIFY.value
    return notification


# ------------------------------------------------------------------------ checks


def _check(breach: m.Breach, now: datetime) -> None:
    """Refuse a record that contradicts itself or the calendar (ServiceError)."""
    aware = rules.as_utc(breach.aware_at) if breach.aware_at else None
    if aware is None:
        raise ServiceError(_("A breach needs the time the controller became aware of it."))
    if aware > now:
        raise ServiceError(_("The time of becoming aware is in the future."))
    if not natures(breach):
        raise ServiceError(
            _("Name the nature of the breach: confidentiality, integrity or availability.")
        )
    if not _clean(breach.description):
        raise ServiceError(_("A breach needs a description of what happened."))
    start, end = breach.occurred_from, breach.occurred_to
    if breach.occurred_unknown and (start or end):
        raise ServiceError(
            _("The time the breach occurred is either recorded or recorded as not known.")
        )
    if start and end and start > end:
        raise ServiceError(_("The breach cannot end before it began."))
    if start and rules.as_utc(start) > aware:
        raise ServiceError(_("The breach cannot have begun after the controller became aware."))
    for value, what in (
        (breach.processor_reported_at, _("The processor's report")),
        (breach.subjects_informed_at, _("Informing the data subjects")),
    ):
        if value is not None and rules.as_utc(value) > now:
            raise ServiceError(_("{what} is in the future.").format(what=what))
    if breach.processor_reported_at is not None and breach.processor is None:
        raise ServiceError(_("Name the processor that reported the breach (GDPR Art. 33(2))."))
    if breach.subjects_informed_at is not None:
        if rules.as_utc(breach.subjects_informed_at) < aware:
            raise ServiceError(_("The data subjects cannot be informed before becoming aware."))
        if not _clean(breach.subjects_informed_how):
            raise ServiceError(_("Record how the data subjects were informed."))
    if breach.art34_exception and not _clean(breach.informing_reasons):
        raise ServiceError(_("Record why the Art. 34(3) exception applies."))
    risk = None if breach.risk_level is None else RiskLevel(breach.risk_level)
    decision = None if breach.notify_decision is None else NotifyDecision(breach.notify_decision)
    try:
        rules.check_decision(risk, decision)
    except rules.InconsistentDecision as exc:
        raise ServiceError(str(exc)) from None
    if decision is NotifyDecision.NOT_REQUIRED and not _clean(breach.decision_reasons):
        raise ServiceError(
            _("A decision not to notify needs its reasons (documented under GDPR Art. 33(5)).")
        )
    ordered = sorted(breach.notifications, key=lambda n: n.notified_at)
    for notification in ordered:
        at = rules.as_utc(notification.notified_at)
        if at > now:
            raise ServiceError(_("The notification time is in the future."))
        if at < aware:
            raise ServiceError(_("A notification cannot be sent before becoming aware."))
    if ordered and ordered[0].kind == NotificationKind.SUPPLEMENTARY:
        raise ServiceError(_("A supplementary notification follows an earlier one."))
    first = first_notified_at(breach)
    if first is not None and rules.is_late(aware, first) and not _clean(breach.delay_reasons):
        raise ServiceError(
            _(
                "The notification was made after the 72 hours: record the reasons for the "
                "delay (GDPR Art. 33(1))."
            )
        )
    if breach.closed_on is not None:
        if breach.closed_on < rules.in_helsinki(aware).date():
            raise ServiceError(_("A breach cannot be closed before it was known."))
        if breach.closed_on > rules.in_helsinki(now).date():
            raise ServiceError(_("The closing date is in the future."))
        pending = rules.open_duties(replace(facts(breach), closed=False), now)
        if pending:
            raise ServiceError(
                _("The breach cannot be closed yet:") + "\n" + "\n".join(f"- {d}" for d in pending)
            )


# ------------------------------------------------------------------- the timeline


def _changed_fields(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """Exchange-form keys whose value differs, in the record's own field names."""
    names = set()
    for key in set(before) | set(after):
        if before.get(key) != after.get(key):
            names.add("nature" if key in NATURE_COLUMNS.values() else key)
    return names


def _timeline_events(
    tx: Transaction, breach: m.Breach, before: dict[str, Any], changed: set[str]
) -> None:
    """One entry per kind of change, in the words of the timeline (timeline.py)."""
    changed = set(changed)
    if breach.risk_level != before.get("risk_level"):
        _event(tx, breach, "risk", {"from": before.get("risk_level"), "to": breach.risk_level})
    if breach.notify_decision != before.get("notify_decision") and "notifications" not in changed:
        _event(tx, breach, "decision", {"decision": breach.notify_decision})
    informed = breach.subjects_informed_at
    if informed is not None and informed != before.get("subjects_informed_at"):
        _event(
            tx,
            breach,
            "informed",
            {"at": rules.format_local(informed), "how": breach.subjects_informed_how},
        )
        changed -= {"subjects_informed_at", "subjects_informed_how"}
    if breach.art34_exception and breach.art34_exception != before.get("art34_exception"):
        _event(tx, breach, "exception", {"exception": breach.art34_exception})
        changed.discard("art34_exception")
    if breach.closed_on != before.get("closed_on"):
        if breach.closed_on is None:
            _event(tx, breach, "reopened")
        else:
            _event(tx, breach, "closed", {"on": breach.closed_on.isoformat()})
    changed -= {"risk_level", "notify_decision", "closed_on", "notifications", "recipients"}
    if changed:
        _event(tx, breach, "changed", {"fields": sorted(changed)})


def _state(breach: m.Breach) -> dict[str, Any]:
    return {
        "risk_level": breach.risk_level,
        "notify_decision": breach.notify_decision,
        "subjects_informed_at": breach.subjects_informed_at,
        "art34_exception": breach.art34_exception,
        "closed_on": breach.closed_on,
    }


# ---------------------------------------------------------------------- the doors


def add_breach(ctx: ServiceContext, data: Mapping[str, Any]) -> str:
    """Record a new breach; returns its reference (`TL-2026-0001`, yearly by the year
    the controller became aware, Helsinki time)."""
    fields = parse_fields(data)
    for name in ("aware_at", "nature", "description"):
        if not fields.get(name):
            raise ServiceError(_("required field {name} is missing").format(name=name))
    with ctx.change() as tx:
        session = tx.session
        aware_year = rules.in_helsinki(fields["aware_at"]).year
        prefix = settings.read(session, settings.BREACH_PREFIX)
        existing = session.scalars(select(m.Breach.reference).where(m.Breach.year == aware_year))
        number = next_case_number(aware_year, existing, prefix)
        breach = m.Breach(
            reference=str(number),
            year=number.year,
            sequence=number.sequence,
            logged_at=_now(ctx),
            occurred_unknown=False,
            confidentiality=False,
            integrity=False,
            availability=False,
        )
        session.add(breach)
        _apply(session, breach, fields)
        if "controller" not in fields:
            breach.controller = _controller_for(session, [r.register for r in breach.registers])
        _check(breach, ctx.now())
        _event(tx, breach, "created", {"aware_at": rules.format_local(breach.aware_at)})
        _timeline_events(tx, breach, {}, set())
        session.flush()
        tx.audit("create", "breach", breach.reference, None, snapshot(session, breach))
        return breach.reference


def update_breach(
    ctx: ServiceContext,
    reference: str,
    data: Mapping[str, Any] | None = None,
    *,
    notification: NotificationInput | None = None,
) -> str:
    """Change the fields in `data` and/or record a notification, in one transaction."""
    fields = parse_fields(data or {})
    if not fields and notification is None:
        raise ServiceError(_("Nothing to change."))
    if "aware_at" in fields and fields["aware_at"] is None:
        raise ServiceError(_("A breach needs the time the controller became aware of it."))
    if "description" in fields and not fields["description"]:
        raise ServiceError(_("A breach needs a description of what happened."))
    with ctx.change() as tx:
        session = tx.session
        breach = find_breach(session, reference)
        before = snapshot(session, breach)
        state = _state(breach)
        _apply(session, breach, fields)
        added = None if notification is None else _add_notification(breach, notification)
        _check(breach, ctx.now())
        session.flush()
        after = snapshot(session, breach)
        if after == before:
            raise ServiceError(_("Nothing to change."))
        _timeline_events(tx, breach, state, _changed_fields(before, after))
        if added is not None:
            _event(
                tx,
                breach,
                "notified",
                {
                    "kind": added.kind,
                    "at": rules.format_local(added.notified_at),
                    "reference": added.reference,
                },
            )
        tx.audit("update", "breach", breach.reference, before, after)
        return breach.reference


def add_note(ctx: ServiceContext, reference: str, text: str) -> None:
    """A free note on the breach's timeline (who, when, what was learnt)."""
    note = _clean(text)
    if not note:
        raise ServiceError(_("The note is empty."))
    with ctx.change() as tx:
        breach = find_breach(tx.session, reference)
        _event(tx, breach, "note", note)
        tx.audit("note", "breach", breach.reference, None, {"note": note})
