"""Runs the pure compliance checker (domain/compliance.py) over the stored data.

Maps rows to the checker's input records and keeps the database ids beside each finding,
so the window can open the editor of what a finding is about.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import compliance as c
from ..domain.enums import (
    ControllerRole,
    ControllerType,
    LegalBasisArticle,
    PeriodUnit,
    RecipientKind,
    Right,
    Safeguard,
    SccModule,
    SecurityKind,
    SourceKind,
    StatementKind,
)
from ..i18n import N_
from ..storage import models as m
from . import settings
from .context import ServiceContext
from .exchange import entity_dicts
from .exchange_spec import (
    CONTROLLER,
    DPO,
    PROCESSOR,
    REGISTER,
    Node,
    column_kind,
    json_name,
    plain_columns,
)
from .translations import missing_texts, primary_language, published_languages


@dataclass(frozen=True)
class FindingRow:
    """A finding with the ids of its subject (and, for a transfer, of its register)."""

    finding: c.Finding
    subject_kind: str  # "register", "transfer", "processor", "controller", "dpo", "settings"
    subject_id: int
    register_id: int | None = None

    @property
    def path(self) -> str:
        """Where in the subject's exchange form (`rekisteri register show --json`)."""
        return self.finding.path

    @property
    def language(self) -> str:
        """The notice language the finding is about ("" when it is about every one)."""
        return self.finding.language

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
            "path": self.path,
            "language": self.language or None,
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


# The field label the checker names a text by (N_-marked; translated when shown).
_LIST_LABELS = {
    "purposes": N_("Purposes"),
    "legal_bases": N_("Legal basis"),
    "subject_groups": N_("Data subjects"),
    "data_categories": N_("Personal data"),
    "retention_rules": N_("Retention"),
    "sources": N_("Sources"),
    "recipients": N_("Recipients"),
    "transfers": N_("Transfers"),
    "security_measures": N_("Security measures"),
    "automated_decisions": N_("Automated decisions"),
    "rights": N_("Rights"),
    "statements": N_("Statements"),
    "contacts": N_("Contact persons"),
    "processors": N_("Processors"),
    "notice_references": N_("Other notices"),
}
_FIELD_LABELS = {
    "provision_requirement": N_("Statutory or contractual requirement"),
    "rights_instructions": N_("Rights"),
    "identity_proof": N_("Rights"),
    "response_time": N_("Rights"),
    "request_address": N_("Rights"),
    "changes_policy": N_("Changes to the notice"),
    "transfers_statement": N_("Transfers"),
    "retention_statement": N_("Retention"),
    "joint_arrangement": N_("Controllers"),
}


def _text_columns(node: Node) -> list[str]:
    """The free-text columns of an exchange object (not enums, not checked details)."""
    return [
        json_name(col)
        for col in plain_columns(node)
        if column_kind(col) == "string"
        and col.name not in node.enums
        and col.name not in node.checks
    ]


def texts_of(
    node: Node, data: dict[str, Any], path: str = "$", label: str = ""
) -> list[c.CheckedText]:
    """Every free text of an exchange object and its owned lists, all languages, with its
    JSON path and the label the checker names it by."""
    out: list[c.CheckedText] = []
    for name in _text_columns(node):
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            out.append(c.CheckedText(f"{path}.{name}", value, label or _FIELD_LABELS.get(name, "")))
    for lang, fields in (data.get("translations") or {}).items():
        for name, value in (fields or {}).items():
            if isinstance(value, str) and value.strip():
                field_label = label or _FIELD_LABELS.get(name, "")
                out.append(c.CheckedText(f"{path}.translations.{lang}.{name}", value, field_label))
    for name, child in node.children.items():
        for i, item in enumerate(data.get(name) or []):
            if child.bare and isinstance(item, str):
                item = {child.bare: item}
            if isinstance(item, dict):
                out += texts_of(child, item, f"{path}.{name}[{i}]", _LIST_LABELS.get(name, label))
    if node.model is m.Processor:
        for i, service in enumerate(data.get("services") or []):
            out.append(c.CheckedText(f"{path}.services[{i}]", service, N_("Processors")))
    return out


def contact_fields_of(
    node: Node, data: dict[str, Any], path: str = "$"
) -> list[c.CheckedContactField]:
    """Stored e-mail addresses, phones and Finnish addresses of an object and its lists."""
    out: list[c.CheckedContactField] = []
    abroad = (data.get("country") or "FI").upper() != "FI"
    for name, check in node.checks.items():
        value = data.get(name)
        if check in ("email", "phone", "postal") and isinstance(value, str) and value.strip():
            if check == "postal" and abroad:
                continue
            out.append(c.CheckedContactField(f"{path}.{name}", check, value))
    for name, child in node.children.items():
        for i, item in enumerate(data.get(name) or []):
            if isinstance(item, dict):
                out += contact_fields_of(child, item, f"{path}.{name}[{i}]")
    return out


def _controller_details(ctrl: m.Controller) -> tuple[str, bool]:
    """(contact details as one text, has a postal or e-mail address) — the shared address
    block of another controller counts as this one's."""
    block = ctrl.address_from or ctrl
    details = _text(
        block.postal_address,
        block.visiting_address,
        block.phone,
        block.email,
        block.web,
        ctrl.phone,
        ctrl.email,
    )
    postal_or_email = bool(
        (block.postal_address or "").strip()
        or (block.email or "").strip()
        or (ctrl.email or "").strip()
    )
    return details, postal_or_email


def checked_register(
    reg: m.Register,
    data: dict[str, Any] | None = None,
    missing: tuple[c.CheckedMissingTexts, ...] = (),
) -> c.CheckedRegister:
    """The checker's view of one register; `data` is its exchange form (for the texts and
    their paths), `missing` the texts each published language lacks."""
    rights = {r.right for r in reg.rights}
    contacts = [*reg.contacts]
    for rc in reg.controllers:
        contacts.extend(rc.controller.contacts)
    versions = [v.issued_on for v in reg.notice_versions]
    statements = [
        c.CheckedStatement(StatementKind(st.kind), st.text or "") for st in reg.statements
    ]
    controllers = []
    for rc in reg.controllers:
        details, postal_or_email = _controller_details(rc.controller)
        controllers.append(
            c.CheckedController(
                name=rc.controller.name,
                contact_details=details,
                role=ControllerRole(rc.role),
                postal_or_email=postal_or_email,
            )
        )
    dpo_points = []
    for rc in reg.controllers:
        ctrl = rc.controller
        if ctrl.dpo is not None:
            dpo = ctrl.dpo
            dpo_points.append(
                c.CheckedContactPoint(
                    ctrl.name, _text(dpo.phone, dpo.email, dpo.address, dpo.web), is_dpo=True
                )
            )
        elif ctrl.dpo_contact:
            dpo_points.append(c.CheckedContactPoint(ctrl.name, ctrl.dpo_contact, is_dpo=True))
    changes = _text(
        reg.changes_policy,
        *(st.text for st in reg.statements if st.kind == StatementKind.NOTICE_AVAILABILITY),
    )
    return c.CheckedRegister(
        name=reg.name,
        controllers=tuple(controllers),
        contact_points=tuple(
            c.CheckedContactPoint(
                name=_text(p.name, p.role),
                contact_details=_text(p.phone, p.email, p.address, p.web),
            )
            for p in contacts
        )
        + tuple(dpo_points),
        dpo_appointed=bool(dpo_points),
        purposes=tuple(p.text for p in reg.purposes),
        purpose_bases=tuple(
            tuple(LegalBasisArticle(a) for a in (p.bases or ()) if a) for p in reg.purposes
        ),
        purposes_statement=_text(
            *(st.text for st in reg.statements if st.kind == StatementKind.PURPOSES)
        ),
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
            c.CheckedDataCategory(d.name, d.special, d.subject_group or "")
            for d in reg.data_categories
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
            c.CheckedAutomatedDecision(
                a.description, _text(a.logic, a.consequences), bool(a.is_profiling)
            )
            for a in reg.automated_decisions
        ),
        # The notice prints the recorded rights, else those of the recorded bases.
        rights_information_present=bool(reg.rights)
        or any(b.article for b in reg.legal_bases)
        or any(p.bases for p in reg.purposes),
        # Printed notices always carry the supervisory authority from the settings.
        supervisory_authority_info_present=True,
        consent_withdrawal_info_present=Right.CONSENT_WITHDRAWAL.value in rights
        or (
            not reg.rights and any(b.article == LegalBasisArticle.CONSENT for b in reg.legal_bases)
        ),
        provision_requirement_info=reg.provision_requirement or "",
        notice_date=max(versions) if versions else None,
        statements=tuple(statements),
        transfers_statement=reg.transfers_statement or "",
        request_channel=_text(reg.request_address, reg.request_web_form),
        changes_info=changes,
        joint_arrangement=reg.joint_arrangement or "",
        rights=tuple(Right(r.right) for r in reg.rights),
        texts=tuple(texts_of(REGISTER, data)) if data is not None else (),
        contact_fields=tuple(_register_contact_fields(data)) if data is not None else (),
        missing_translations=missing,
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


def _register_contact_fields(data: dict[str, Any]) -> list[c.CheckedContactField]:
    out = contact_fields_of(REGISTER, data)
    if isinstance(data.get("request_address"), str) and data["request_address"].strip():
        out.append(c.CheckedContactField("$.request_address", "postal", data["request_address"]))
    return out


def _missing_translations(session: Session, reg: m.Register) -> tuple[c.CheckedMissingTexts, ...]:
    primary = primary_language(reg)
    out = []
    for lang in published_languages(reg):
        if lang == primary:
            continue
        paths = [
            mt.path if mt.entity == "register" else f"{mt.entity}: {mt.path}"
            for mt in missing_texts(session, reg, lang)
        ]
        out.append(c.CheckedMissingTexts(lang, tuple(paths)))
    return tuple(out)


def _controller_records(session: Session) -> list[tuple[m.Controller, c.CheckedControllerRecord]]:
    controllers = list(session.scalars(select(m.Controller).order_by(m.Controller.id)))
    dicts = entity_dicts(session, "controllers", controllers)
    return [
        (
            ctrl,
            c.CheckedControllerRecord(
                name=ctrl.name,
                business_id=ctrl.business_id or "",
                business_id_from=ctrl.business_id_from.name if ctrl.business_id_from else "",
                controller_type=ControllerType(ctrl.controller_type)
                if ctrl.controller_type
                else None,
                texts=tuple(texts_of(CONTROLLER, data, label=N_("Controller"))),
                contact_fields=tuple(contact_fields_of(CONTROLLER, data)),
            ),
        )
        for ctrl, data in zip(controllers, dicts, strict=True)
    ]


def _authority_settings(session: Session) -> dict[str, str]:
    keys = (
        settings.AUTHORITY_NAME,
        settings.AUTHORITY_ADDRESS,
        settings.AUTHORITY_PHONE,
        settings.AUTHORITY_EMAIL,
        settings.AUTHORITY_WEB,
    )
    rows = session.scalars(select(m.Setting).where(m.Setting.key.in_(keys)))
    return {row.key: row.value for row in rows if (row.value or "").strip()}


def check_session(session: Session, today) -> list[FindingRow]:
    rows: list[FindingRow] = []
    registers = list(
        session.scalars(select(m.Register).order_by(m.Register.name).options(*_register_loaders()))
    )
    for reg, data in zip(registers, entity_dicts(session, "registers", registers), strict=True):
        checked = checked_register(reg, data, _missing_translations(session, reg))
        rows += [
            FindingRow(f, "register", reg.id)
            for f in c.check_register(checked)
            if f.subject_kind == c.SubjectKind.REGISTER
        ]
        for index, t in enumerate(reg.transfers):
            rows += [
                FindingRow(
                    replace(f, path=f"$.transfers[{index}]{f.path.removeprefix('$')}"),
                    "transfer",
                    t.id,
                    reg.id,
                )
                for f in c.check_transfer(checked_transfer(t), today)
            ]
    records = _controller_records(session)
    for (ctrl, _record), found in zip(
        records, c.check_controllers([r for _c, r in records]), strict=True
    ):
        rows += [FindingRow(f, "controller", ctrl.id) for f in found]
    officers = list(
        session.scalars(select(m.DataProtectionOfficer).order_by(m.DataProtectionOfficer.id))
    )
    for dpo, data in zip(officers, entity_dicts(session, "dpos", officers), strict=True):
        found = c.check_officer(
            dpo.name or dpo.role or "", texts_of(DPO, data), contact_fields_of(DPO, data)
        )
        rows += [FindingRow(f, "dpo", dpo.id) for f in found]
    processors = list(session.scalars(select(m.Processor).order_by(m.Processor.name)))
    for p, data in zip(processors, entity_dicts(session, "processors", processors), strict=True):
        checked = c.CheckedProcessor(
            p.name,
            p.dpa_signed_on,
            p.dpa_review_on,
            country=p.country,
            texts=tuple(texts_of(PROCESSOR, data)),
            contact_fields=tuple(contact_fields_of(PROCESSOR, data)),
        )
        rows += [FindingRow(f, "processor", p.id) for f in c.check_processor(checked, today)]
    rows += [FindingRow(f, "settings", 0) for f in c.check_settings(_authority_settings(session))]
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
