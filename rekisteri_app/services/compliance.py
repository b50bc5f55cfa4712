"""Runs the pure compliance checker (domain/compliance.py) over the stored data.

Maps rows to the checker's input records and keeps the database ids beside each finding,
so the window can open the editor of what a finding is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import compliance as c
from ..domain.enums import (
    ControllerRole,
    LegalBasisArticle,
    PeriodUnit,
    RecipientKind,
    Right,
    Safeguard,
    SccModule,
    SecurityKind,
    SourceKind,
)
from ..storage import models as m
from .context import ServiceContext


@dataclass(frozen=True)
class FindingRow:
    """A finding with the ids of its subject (and, for a transfer, of its register)."""

    finding: c.Finding
    subject_kind: str  # "register", "transfer", "processor"
    subject_id: int
    register_id: int | None = None

    @property
    def severity(self) -> str:
        return str(self.finding.severity)

    @property
    def code(self) -> str:
        return str(self.finding.code)

    @property
    def subject_name(self) -> str:
        return self.finding.subject_name

    @property
    def article(self) -> str:
        return self.finding.article

    def text(self, lang: str | None = None) -> str:
        return self.finding.text(lang)

    def as_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.code,
            "subject_kind": self.subject_kind,
            "subject_id": self.subject_id,
            "subject_name": self.subject_name,
            "register_id": self.register_id,
            "article": self.article,
            "message": self.text(lang),
        }


def _text(*parts: str | None) -> str:
    return ", ".join(p for p in parts if p)


def checked_transfer(t: m.Transfer) -> c.CheckedTransfer:
    return c.CheckedTransfer(
        name=f"{t.recipient} ({t.country})",
        country=t.country,
        recipient=t.recipient,
        safeguard=Safeguard(t.safeguard),
        dpf_checked_on=t.dpf_checked_on,
        scc_module=SccModule(t.scc_module) if t.scc_module else None,
        documentation=t.description or "",
    )


def checked_register(reg: m.Register) -> c.CheckedRegister:
    rights = {r.right for r in reg.rights}
    contacts = [*reg.contacts]
    for rc in reg.controllers:
        contacts.extend(rc.controller.contacts)
    versions = [v.issued_on for v in reg.notice_versions]
    return c.CheckedRegister(
        name=reg.name,
        controllers=tuple(
            c.CheckedController(
                name=rc.controller.name,
                contact_details=_text(
                    rc.controller.postal_address,
                    rc.controller.visiting_address,
                    rc.controller.phone,
                    rc.controller.email,
                ),
                role=ControllerRole(rc.role),
            )
            for rc in reg.controllers
        ),
        contact_points=tuple(
            c.CheckedContactPoint(
                name=_text(p.name, p.role), contact_details=_text(p.phone, p.email, p.address)
            )
            for p in contacts
        )
        + tuple(
            c.CheckedContactPoint(
                name=rc.controller.name, contact_details=rc.controller.dpo_contact, is_dpo=True
            )
            for rc in reg.controllers
            if rc.controller.dpo_contact
        ),
        dpo_appointed=any(bool(rc.controller.dpo_contact) for rc in reg.controllers),
        purposes=tuple(p.text for p in reg.purposes),
        legal_bases=tuple(
            c.CheckedLegalBasis(
                article=LegalBasisArticle(b.article) if b.article else None,
                national_law=b.national_law or "",
                description=b.description or "",
            )
            for b in reg.legal_bases
        ),
        subject_groups=tuple(g.name for g in reg.subject_groups),
        data_categories=tuple(
            c.CheckedDataCategory(d.name, d.special) for d in reg.data_categories
        ),
        retention_rules=tuple(
            c.CheckedRetentionRule(
                description=_text(r.applies_to, r.trigger, r.description, r.legal_ground),
                period=r.period_value,
                unit=PeriodUnit(r.period_unit) if r.period_unit else None,
            )
            for r in reg.retention_rules
        )
        + (
            (c.CheckedRetentionRule(description=reg.retention_statement),)
            if reg.retention_statement
            else ()
        ),
        sources=tuple(
            c.CheckedSource(SourceKind(s.kind), _text(s.name, s.description)) for s in reg.sources
        ),
        recipients=tuple(
            c.CheckedRecipient(RecipientKind(r.kind), _text(r.name, r.description, r.legal_basis))
            for r in reg.recipients
        ),
        processors=tuple(p.processor.name for p in reg.processors),
        transfers=tuple(checked_transfer(t) for t in reg.transfers),
        security_measures=tuple(
            c.CheckedSecurityMeasure(SecurityKind(s.kind), s.text) for s in reg.security_measures
        ),
        automated_decisions=tuple(
            c.CheckedAutomatedDecision(a.description, _text(a.logic, a.consequences))
            for a in reg.automated_decisions
        ),
        rights_information_present=bool(reg.rights or reg.rights_instructions),
        # Printed notices always carry the supervisory authority from the settings.
        supervisory_authority_info_present=True,
        consent_withdrawal_info_present=Right.CONSENT_WITHDRAWAL.value in rights,
        provision_requirement_info=reg.provision_requirement or "",
        notice_date=max(versions) if versions else None,
    )


def _register_loaders() -> list:
    """Everything checked_register reads, a query per list for all registers at once
    instead of one per register and list (200 registers: 3 200 queries → 20)."""
    R = m.Register
    lists = (
        R.contacts,
        R.purposes,
        R.legal_bases,
        R.subject_groups,
        R.data_categories,
        R.retention_rules,
        R.sources,
        R.recipients,
        R.security_measures,
        R.automated_decisions,
        R.rights,
    )
    return [
        *(selectinload(attribute) for attribute in lists),
        selectinload(R.controllers)
        .selectinload(m.RegisterController.controller)
        .selectinload(m.Controller.contacts),
        selectinload(R.processors).selectinload(m.RegisterProcessor.processor),
        selectinload(R.transfers).selectinload(m.Transfer.processor),
        selectinload(R.notice_versions).load_only(m.NoticeVersion.issued_on),
    ]


def check_session(session: Session, today) -> list[FindingRow]:
    rows: list[FindingRow] = []
    registers = select(m.Register).order_by(m.Register.name).options(*_register_loaders())
    for reg in session.scalars(registers):
        rows += [
            FindingRow(f, "register", reg.id)
            for f in c.check_register(checked_register(reg))
            if f.subject_kind == c.SubjectKind.REGISTER
        ]
        for t in reg.transfers:
            rows += [
                FindingRow(f, "transfer", t.id, reg.id)
                for f in c.check_transfer(checked_transfer(t), today)
            ]
    for p in session.scalars(select(m.Processor).order_by(m.Processor.name)):
        checked = c.CheckedProcessor(p.name, p.dpa_signed_on, p.dpa_review_on)
        rows += [FindingRow(f, "processor", p.id) for f in c.check_processor(checked, today)]
    rows.sort(key=lambda r: r.finding.sort_key)
    return rows


def check_database(ctx: ServiceContext) -> list[FindingRow]:
    with ctx.read() as session:
        return check_session(session, ctx.today())


def status_by_subject(findings: list[FindingRow]) -> dict[tuple[str, int], str]:
    """Worst severity per (kind, id): "red" or "amber"; absent means ok.

    A register also carries the worst status of its transfers, so the register list
    shows a red badge for a register that relies on Privacy Shield.
    """
    rank = {"red": 2, "amber": 1}
    out: dict[tuple[str, int], str] = {}

    def bump(key: tuple[str, int], severity: str) -> None:
        if rank.get(severity, 0) > rank.get(out.get(key, ""), 0):
            out[key] = severity

    for row in findings:
        bump((row.subject_kind, row.subject_id), row.severity)
        if row.register_id is not None:
            bump(("register", row.register_id), row.severity)
    return out
