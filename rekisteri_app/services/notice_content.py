"""What a privacy notice says, mapped from the stored registers in one language.

`notice_content` turns one register, or several registers of one controller, into the
renderer's `NoticeData` (documents/notices) in the notice's language: every stored field
reaches the notice, each free text in that language (services/translations.py; a text
missing in it is the primary-language text as recorded, and the checker lists it).
Statements the officer recorded (domain.enums.StatementKind) become the notice's explicit
sentences; nothing else is assumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy.orm import Session

from ..documents.notices import (
    DATA_PROTECTION_OMBUDSMAN,
    AutomatedDecision,
    ContactPerson,
    ControllerInfo,
    DataCategory,
    LegalBasis,
    NoticeData,
    Processor,
    Purpose,
    Recipient,
    RegisterData,
    RequestInstructions,
    RetentionRule,
    RightStatement,
    SecurityMeasure,
    Source,
    SupervisoryAuthority,
    Transfer,
)
from ..documents.notices.data import NoticeReference, OfficerInfo, SubjectGroup
from ..domain.enums import (
    ControllerRole,
    ControllerType,
    Language,
    LegalBasisArticle,
    PeriodUnit,
    RecipientKind,
    Right,
    Safeguard,
    SecurityKind,
    SourceKind,
    StatementKind,
)
from ..storage import models as m
from . import settings
from .translations import primary_language, text_in


def _s(value: str | None) -> str:
    return (value or "").strip()


def _unique(values: Iterable[str | None]) -> list[str]:
    """Non-blank values, first occurrence kept, in order."""
    out: list[str] = []
    for value in values:
        text = _s(value)
        if text and text not in out:
            out.append(text)
    return out


def one_line(text: str | None) -> str:
    """A stored multi-line address as one line ("street, postcode city")."""
    return ", ".join(line.strip().rstrip(",") for line in _s(text).splitlines() if line.strip())


def _laws(national_law: str | None) -> tuple[str, ...]:
    """National law references, one per line or separated by semicolons."""
    return tuple(_unique(re.split(r"[;\n]", national_law or "")))


class _Texts:
    """Reads free texts in the notice's language with the register's primary language."""

    def __init__(self, lang: str, primary: str) -> None:
        self.lang = lang
        self.primary = primary

    def __call__(self, obj: object, field: str) -> str:
        return text_in(obj, field, self.lang, self.primary)


def _statements(reg: m.Register, kind: StatementKind, tx: _Texts) -> str | None:
    """The register's statements of one kind joined: None when none is recorded, "" when
    recorded without own text (the notice prints the standard sentence)."""
    found = [s for s in reg.statements if s.kind == kind]
    if not found:
        return None
    return " ".join(_unique(tx(s, "text") for s in found))


def _processor(rp: m.RegisterProcessor, tx: _Texts) -> Processor:
    """Named by the service it gives this register, else by all the services it offers."""
    p = rp.processor
    services = _unique([tx(rp, "service")]) or _unique((p.services or "").splitlines())
    return Processor(
        name=tx(p, "name"),
        services=tuple(services),
        country=_s(p.country),
        agreement=p.dpa_signed_on is not None,
        category=bool(p.is_category),
    )


def _retention(rule: m.RetentionRule, tx: _Texts) -> RetentionRule:
    applies_to = tx(rule, "applies_to")
    if not applies_to and rule.data_category is not None:
        applies_to = tx(rule.data_category, "name")
    has_period = rule.period_value is not None and bool(rule.period_unit)
    return RetentionRule(
        applies_to=applies_to,
        period_value=rule.period_value if has_period else None,
        period_unit=PeriodUnit(rule.period_unit) if has_period else None,
        trigger=tx(rule, "trigger"),
        description=tx(rule, "description"),
        legal_ground=tx(rule, "legal_ground"),
    )


def _group_names(reg: m.Register, tx: _Texts) -> dict[str, str]:
    """A category names its subject group by the group's primary-language name; the
    notice prints the group's name in the notice's language."""
    return {_s(g.name): tx(g, "name") for g in reg.subject_groups}


def register_data(reg: m.Register, lang: str | None = None) -> RegisterData:
    """One stored register as the notice in `lang` (default: its own language) shows it."""
    tx = _Texts(lang or primary_language(reg), primary_language(reg))
    groups = _group_names(reg, tx)
    return RegisterData(
        name=tx(reg, "name"),
        description=tx(reg, "description"),
        purposes=tuple(
            Purpose(
                tx(p, "text"), tuple(LegalBasisArticle(a) for a in p.bases or () if a is not None)
            )
            for p in reg.purposes
            if tx(p, "text")
        ),
        legal_bases=tuple(
            LegalBasis(
                article=LegalBasisArticle(b.article) if b.article else None,
                description=tx(b, "description"),
                laws=_laws(tx(b, "national_law")),
            )
            for b in reg.legal_bases
        ),
        subject_groups=tuple(
            SubjectGroup(tx(g, "name"), tx(g, "description")) for g in reg.subject_groups
        ),
        categories=tuple(
            DataCategory(
                name=tx(d, "name"),
                heading=tx(d, "heading"),
                special=bool(d.special),
                subject_group=groups.get(_s(d.subject_group), _s(d.subject_group)),
            )
            for d in reg.data_categories
        ),
        provision_requirement=tx(reg, "provision_requirement"),
        sources=tuple(
            Source(tx(s, "name"), SourceKind(s.kind), tx(s, "description")) for s in reg.sources
        ),
        recipients=tuple(
            Recipient(
                tx(r, "name"), RecipientKind(r.kind), tx(r, "description"), tx(r, "legal_basis")
            )
            for r in reg.recipients
        ),
        processors=tuple(_processor(rp, tx) for rp in reg.processors),
        transfers=tuple(
            Transfer(
                recipient=tx(t, "recipient"),
                country=t.country,
                safeguard=Safeguard(t.safeguard),
                description=tx(t, "description"),
            )
            for t in reg.transfers
        ),
        transfers_statement=tx(reg, "transfers_statement"),
        retention=tuple(_retention(rule, tx) for rule in reg.retention_rules),
        retention_statement=tx(reg, "retention_statement"),
        security=tuple(
            SecurityMeasure(SecurityKind(s.kind), tx(s, "text")) for s in reg.security_measures
        ),
        automated_decisions=tuple(
            AutomatedDecision(
                tx(a, "description"), tx(a, "logic"), tx(a, "consequences"), bool(a.is_profiling)
            )
            for a in reg.automated_decisions
        ),
        purposes_statement=_statements(reg, StatementKind.PURPOSES, tx) or "",
        applicable_laws=_statements(reg, StatementKind.APPLICABLE_LAWS, tx) or "",
        disclosures_statement=_statements(reg, StatementKind.DISCLOSURES, tx) or "",
        no_disclosures=_statements(reg, StatementKind.NO_DISCLOSURES, tx),
        no_transfers=_statements(reg, StatementKind.NO_TRANSFERS, tx),
        no_automated_decisions=_statements(reg, StatementKind.NO_AUTOMATED_DECISIONS, tx),
        no_profiling=_statements(reg, StatementKind.NO_PROFILING, tx),
        references=tuple(
            NoticeReference(
                tx(ref, "title") or (tx(ref.target, "name") if ref.target is not None else ""),
                _s(ref.url),
            )
            for ref in reg.notice_references
        ),
    )


def _rights(registers: Sequence[m.Register], tx: _Texts) -> tuple[RightStatement, ...]:
    """Each right once, in first-listed order, with every register's own conditions."""
    conditions: dict[str, list[str]] = {}
    for reg in registers:
        for r in reg.rights:
            texts = conditions.setdefault(r.right, [])
            texts += [t for t in _unique([tx(r, "description")]) if t not in texts]
    return tuple(RightStatement(Right(right), tuple(texts)) for right, texts in conditions.items())


def _requests(registers: Sequence[m.Register], tx: _Texts) -> RequestInstructions:
    addresses = _unique(one_line(tx(r, "request_address")) for r in registers)
    identity = [_statements(r, StatementKind.IDENTITY_REQUIRED, tx) for r in registers]
    representative = [_statements(r, StatementKind.REPRESENTATIVE_ALLOWED, tx) for r in registers]
    return RequestInstructions(
        recipient="; ".join(addresses),
        identity_proof=" ".join(_unique(tx(r, "identity_proof") for r in registers)),
        notes=tuple(
            _unique(
                [tx(r, "response_time") for r in registers]
                + [tx(r, "rights_instructions") for r in registers]
            )
        ),
        web_form="; ".join(_unique(r.request_web_form for r in registers)),
        identity_proof_required=any(s is not None for s in identity),
        identity_text=" ".join(_unique(identity)),
        representative_allowed=any(s is not None for s in representative),
        representative_text=" ".join(_unique(representative)),
    )


def _controller(rc: m.RegisterController, tx: _Texts) -> ControllerInfo:
    c = rc.controller
    shared = c.address_from
    owner = c.business_id_from
    business_id = _s(c.business_id) or (_s(owner.business_id) if owner is not None else "")
    return ControllerInfo(
        name=tx(c, "name"),
        business_id=business_id,
        business_id_owner=tx(owner, "name") if owner is not None and not _s(c.business_id) else "",
        role=ControllerRole(rc.role),
        visiting_address=tx(c, "visiting_address") or None,
        postal_address=tx(c, "postal_address") or None,
        phone=_s(c.phone),
        email=_s(c.email),
        web=_s(c.web),
        dpo_contact=tx(c, "dpo_contact"),
        controller_type=ControllerType(c.controller_type) if c.controller_type else None,
        address_as=tx(shared, "name") if shared is not None else "",
    )


def _contact(p: m.Contact, tx: _Texts, organisation: str = "") -> ContactPerson:
    return ContactPerson(
        name=_s(p.name) if p.publish_name else "",
        role=tx(p, "role"),
        organisation=organisation,
        phone=_s(p.phone),
        email=_s(p.email),
        address=tx(p, "address") or None,
        scope=tx(p, "scope"),
        web=_s(p.web),
    )


def _links(registers: Sequence[m.Register]) -> list[m.RegisterController]:
    links: list[m.RegisterController] = []
    for reg in registers:
        for rc in reg.controllers:
            if all(rc.controller_id != seen.controller_id for seen in links):
                links.append(rc)
    return links


def _contacts(
    registers: Sequence[m.Register], links: list[m.RegisterController], tx: _Texts
) -> tuple[ContactPerson, ...]:
    contacts: list[ContactPerson] = []

    def add(person: ContactPerson) -> None:
        if person not in contacts:
            contacts.append(person)

    for reg in registers:
        for p in reg.contacts:
            add(_contact(p, tx))
    several = len(links) > 1
    for rc in links:
        for p in rc.controller.contacts:
            add(_contact(p, tx, tx(rc.controller, "name") if several else ""))
    return tuple(contacts)


def _officers(links: list[m.RegisterController], tx: _Texts) -> tuple[OfficerInfo, ...]:
    """Each data protection officer once, with the controllers it serves."""
    served: dict[int, list[str]] = {}
    officers: dict[int, m.DataProtectionOfficer] = {}
    for rc in links:
        dpo = rc.controller.dpo
        if dpo is not None:
            officers[dpo.id] = dpo
            served.setdefault(dpo.id, []).append(tx(rc.controller, "name"))
    return tuple(
        OfficerInfo(
            name=_s(o.name) if o.publish_name else "",
            role=tx(o, "role"),
            phone=_s(o.phone),
            email=_s(o.email),
            address=tx(o, "address") or None,
            web=_s(o.web),
            controllers=tuple(served[ident]),
        )
        for ident, o in officers.items()
    )


def supervisory_authority(session: Session) -> SupervisoryAuthority:
    """The Data Protection Ombudsman in the notice's language, with the officer's own
    settings (authority.*) where they were set. A set address replaces both published
    addresses: the default visiting address would be stale beside a corrected one."""

    def explicit(key: str) -> str:
        row = session.get(m.Setting, key)
        if row is None or not _s(row.value):
            return ""
        return _s(str(settings.read(session, key)))

    base = DATA_PROTECTION_OMBUDSMAN
    address = explicit(settings.AUTHORITY_ADDRESS)
    return SupervisoryAuthority(
        name=explicit(settings.AUTHORITY_NAME) or base.name,
        visiting_address=None if address else base.visiting_address,
        postal_address=address or base.postal_address,
        phone=explicit(settings.AUTHORITY_PHONE) or base.phone,
        email=explicit(settings.AUTHORITY_EMAIL) or base.email,
        web=explicit(settings.AUTHORITY_WEB) or base.web,
    )


def _one_date(values: Iterable[date | None]) -> date | None:
    """The latest recorded date of the registers (one notice prints one)."""
    found = [v for v in values if v is not None]
    return max(found) if found else None


def notice_content(
    session: Session,
    registers: Sequence[m.Register],
    lang: str,
    *,
    version: str,
    dated: date,
    first_published: date | None,
) -> NoticeData:
    """The notice of these registers (one, or several of one controller) in `lang`."""
    tx = _Texts(lang, primary_language(registers[0]))
    links = _links(registers)
    return NoticeData(
        controllers=tuple(_controller(rc, tx) for rc in links),
        registers=tuple(register_data(r, lang) for r in registers),
        contacts=_contacts(registers, links, tx),
        joint_arrangement=" ".join(_unique(tx(r, "joint_arrangement") for r in registers)),
        rights=_rights(registers, tx),
        requests=_requests(registers, tx),
        authority=supervisory_authority(session),
        changes_policy=" ".join(_unique(tx(r, "changes_policy") for r in registers)),
        version=version,
        date=dated,
        first_published=first_published,
        language=Language(lang),
        officers=_officers(links, tx),
        notice_availability=" ".join(
            _unique(_statements(r, StatementKind.NOTICE_AVAILABILITY, tx) for r in registers)
        ),
        version_label=" / ".join(_unique(r.notice_version_label for r in registers)),
        valid_from=_one_date(r.notice_valid_from for r in registers),
        updated_on=_one_date(r.notice_updated_on for r in registers),
    )
