"""The compliance checker: what a register, a transfer or a processor still lacks.

Pure rules over frozen input dataclasses, so services map ORM rows to `Checked*` objects
and the GUI, the CLI and the audit pack all show the same findings. A finding carries a
stable code (for filters, tests and the audit trail) and an N_-marked English message
that is translated only when shown.

Severity policy: RED when the GDPR says the item *shall* be recorded or given and the
record lacks it, or when a transfer has no valid transfer tool; AMBER when the item is
"where possible"/"where applicable", when the absence may be legitimate but must be
stated, or when something needs a human check (a stale certification, an overdue review).

Register rules (check_register; numbers are GDPR articles):

- controller-missing RED: no controller; 30(1)(a), 13(1)(a).
- controller-contact-missing RED: a controller without contact details; same.
- dpo-contact-missing RED: a DPO is appointed but has no contact; 13(1)(b), 30(1)(a).
- purposes-missing RED: 30(1)(b), 13(1)(c).
- legal-basis-missing RED: neither an Art. 6(1) point nor a national law; 13(1)(c).
- legal-basis-article-missing AMBER: a national law without its 6(1) point. The law alone
  is not a basis, but the gap is one of labelling, not of substance.
- legal-basis-law-missing AMBER: 6(1)(c) or (e) without the law behind it (6(3)).
- legitimate-interests-missing RED: 6(1)(f) without the interests described; 13(1)(d).
- subject-groups-missing, data-categories-missing RED: 30(1)(c) (and 14(1)(d)).
- recipients-missing AMBER: 30(1)(d), 13(1)(e). "No recipients" can be true, but the
  notice must then say so.
- retention-missing RED: 13(2)(a) is unconditional even though 30(1)(f) says "where
  possible".
- security-missing AMBER: 30(1)(g) says "where possible", and it is not a notice item.
- rights-information-missing RED: 13(2)(b).
- consent-withdrawal-missing RED: consent (6(1)(a)) cited; 13(2)(c).
- complaint-right-missing RED: 13(2)(d).
- provision-requirement-missing AMBER: 13(2)(e), only when data come from the data
  subject; often explained in the contract terms, so flagged for review, not blocking.
- automated-decision-logic-missing RED: a decision without logic and consequences;
  13(2)(f).
- sources-missing AMBER: no source at all, so it is unknown whether 14(2)(f) applies.
- source-description-missing AMBER: a non-data-subject source named only by its kind;
  recital 61 allows general information, so the kind may suffice.
- repealed-personal-data-act AMBER: free text cites henkilötietolaki 523/1999 (repealed
  1.1.2019); the processing may be fine, the notice is out of date.
- notice-predates-gdpr AMBER: notice dated before 25.5.2018, i.e. written for the old law.

Transfer rules (check_transfer), only for destinations outside the EEA: a transfer
recorded to an EEA country is not a Chapter V transfer and yields no finding.

- transfer-destination-invalid RED: no valid country or organisation code; 30(1)(e).
- transfer-privacy-shield RED: invalid since C-311/18 (16.7.2020).
- transfer-repealed-scc RED: 2001/497, 2004/915 or 2010/87 (C(2010)593), repealed by
  Decision (EU) 2021/914; old contracts lost effect on 27.12.2022.
- transfer-no-safeguard RED: Safeguard.NONE without a full adequacy decision; 44, 46.
  Partial decisions (US, Canada, Japan) cannot be assumed to cover an unnamed importer.
- transfer-adequacy-not-recorded AMBER: Safeguard.NONE but a full adequacy decision
  exists: lawful, but the record must name the basis.
- transfer-no-adequacy-decision RED: ADEQUACY claimed where none exists, so in substance
  there is no transfer tool at all.
- transfer-adequacy-scope-unconfirmed AMBER: partial decision (Canada, Japan) and
  `scope_confirmed` not set.
- transfer-dpf-not-recorded AMBER: ADEQUACY to the US; only DPF-certified importers are
  covered, so record DPF and the certification check.
- transfer-dpf-wrong-destination RED: DPF named for a country other than the US.
- transfer-dpf-unchecked AMBER: DPF without the date the certification was checked.
- transfer-dpf-check-stale AMBER: the check is older than 12 months (with `today`);
  certifications must be renewed yearly and lapse otherwise.
- transfer-scc-module-missing AMBER: 2021 SCCs without the module.
- transfer-derogation-undocumented AMBER: Art. 49 derogation without documentation;
  30(1)(e), 49(6).

Processor rules (check_processor): processor-dpa-missing AMBER (28(3));
processor-dpa-review-overdue AMBER (review date before `today`).
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from gettext import NullTranslations

from babel.dates import format_date

from rekisteri_app.i18n import N_, current_language, translator

from . import adequacy
from .enums import (
    INVALID_SAFEGUARDS,
    ControllerRole,
    LegalBasisArticle,
    PeriodUnit,
    RecipientKind,
    Safeguard,
    SccModule,
    SecurityKind,
    SourceKind,
)
from .legal_references import PERSONAL_DATA_ACT, find_statutes

GDPR_APPLICATION_DATE = date(2018, 5, 25)
DPF_CHECK_MAX_AGE_MONTHS = 12


class Severity(StrEnum):
    RED = "red"
    AMBER = "amber"


class Status(StrEnum):
    """A badge for a register or for the whole database: the worst finding, or OK."""

    OK = "ok"
    AMBER = "amber"
    RED = "red"


class SubjectKind(StrEnum):
    REGISTER = "register"
    TRANSFER = "transfer"
    PROCESSOR = "processor"


class FindingCode(StrEnum):
    """Stable identifiers: stored with audit events and used in filters; never rename."""

    CONTROLLER_MISSING = "controller-missing"
    CONTROLLER_CONTACT_MISSING = "controller-contact-missing"
    DPO_CONTACT_MISSING = "dpo-contact-missing"
    PURPOSES_MISSING = "purposes-missing"
    LEGAL_BASIS_MISSING = "legal-basis-missing"
    LEGAL_BASIS_ARTICLE_MISSING = "legal-basis-article-missing"
    LEGAL_BASIS_LAW_MISSING = "legal-basis-law-missing"
    LEGITIMATE_INTERESTS_MISSING = "legitimate-interests-missing"
    SUBJECT_GROUPS_MISSING = "subject-groups-missing"
    DATA_CATEGORIES_MISSING = "data-categories-missing"
    RECIPIENTS_MISSING = "recipients-missing"
    RETENTION_MISSING = "retention-missing"
    SECURITY_MISSING = "security-missing"
    RIGHTS_INFORMATION_MISSING = "rights-information-missing"
    CONSENT_WITHDRAWAL_MISSING = "consent-withdrawal-missing"
    COMPLAINT_RIGHT_MISSING = "complaint-right-missing"
    PROVISION_REQUIREMENT_MISSING = "provision-requirement-missing"
    AUTOMATED_DECISION_LOGIC_MISSING = "automated-decision-logic-missing"
    SOURCES_MISSING = "sources-missing"
    SOURCE_DESCRIPTION_MISSING = "source-description-missing"
    REPEALED_PERSONAL_DATA_ACT = "repealed-personal-data-act"
    NOTICE_PREDATES_GDPR = "notice-predates-gdpr"
    TRANSFER_DESTINATION_INVALID = "transfer-destination-invalid"
    TRANSFER_PRIVACY_SHIELD = "transfer-privacy-shield"
    TRANSFER_REPEALED_SCC = "transfer-repealed-scc"
    TRANSFER_NO_SAFEGUARD = "transfer-no-safeguard"
    TRANSFER_ADEQUACY_NOT_RECORDED = "transfer-adequacy-not-recorded"
    TRANSFER_NO_ADEQUACY_DECISION = "transfer-no-adequacy-decision"
    TRANSFER_ADEQUACY_SCOPE_UNCONFIRMED = "transfer-adequacy-scope-unconfirmed"
    TRANSFER_DPF_NOT_RECORDED = "transfer-dpf-not-recorded"
    TRANSFER_DPF_WRONG_DESTINATION = "transfer-dpf-wrong-destination"
    TRANSFER_DPF_UNCHECKED = "transfer-dpf-unchecked"
    TRANSFER_DPF_CHECK_STALE = "transfer-dpf-check-stale"
    TRANSFER_SCC_MODULE_MISSING = "transfer-scc-module-missing"
    TRANSFER_DEROGATION_UNDOCUMENTED = "transfer-derogation-undocumented"
    PROCESSOR_DPA_MISSING = "processor-dpa-missing"
    PROCESSOR_DPA_REVIEW_OVERDUE = "processor-dpa-review-overdue"


class Label(str):
    """A parameter value that is itself an N_-marked message; Finding.text() translates it."""

    __slots__ = ()


_SEVERITY_RANK = {Severity.RED: 0, Severity.AMBER: 1}
_KIND_RANK = {SubjectKind.REGISTER: 0, SubjectKind.TRANSFER: 1, SubjectKind.PROCESSOR: 2}


@dataclass(frozen=True)
class Finding:
    """One thing to fix, about one register, transfer or processor."""

    severity: Severity
    code: FindingCode
    subject_kind: SubjectKind
    subject_name: str
    message: str
    article: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    def text(self, lang: str | None = None) -> str:
        """The message in `lang` (default: the current UI language), parameters filled in."""
        language = lang or current_language()
        catalogue = translator(language)
        values = {key: _display(value, catalogue, language) for key, value in self.params.items()}
        return catalogue.gettext(self.message).format(**values)

    @property
    def sort_key(self) -> tuple[int, int, str, str, str]:
        return (
            _SEVERITY_RANK[self.severity],
            _KIND_RANK[self.subject_kind],
            self.subject_name.casefold(),
            self.code,
            repr(sorted((k, str(v)) for k, v in self.params.items())),
        )


def _display(value: object, catalogue: NullTranslations, lang: str) -> object:
    if isinstance(value, Label):
        return catalogue.gettext(value)
    if isinstance(value, date):
        return format_date(value, format="medium", locale=lang)
    return value


# --- input ---------------------------------------------------------------------------------


class _Frozen:
    """Lets services pass lists: they become tuples so the inputs stay hashable."""

    def __post_init__(self) -> None:
        for item in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, item.name)
            if isinstance(value, list):
                object.__setattr__(self, item.name, tuple(value))


@dataclass(frozen=True)
class CheckedController(_Frozen):
    name: str
    contact_details: str = ""
    role: ControllerRole = ControllerRole.CONTROLLER


@dataclass(frozen=True)
class CheckedContactPoint(_Frozen):
    """Someone data subjects can reach; `is_dpo` marks the data protection officer."""

    name: str
    contact_details: str = ""
    is_dpo: bool = False


@dataclass(frozen=True)
class CheckedLegalBasis(_Frozen):
    """An Art. 6(1) point, the national law behind it, and what the notice says about it."""

    article: LegalBasisArticle | None
    national_law: str = ""
    description: str = ""


@dataclass(frozen=True)
class CheckedDataCategory(_Frozen):
    name: str
    special: bool = False  # Art. 9 / Art. 10 data


@dataclass(frozen=True)
class CheckedRetentionRule(_Frozen):
    """A period, or the criteria used to set one (Art. 13(2)(a)); either is enough."""

    description: str = ""
    period: int | None = None
    unit: PeriodUnit | None = None

    @property
    def is_stated(self) -> bool:
        return bool(self.description.strip()) or (self.period is not None and self.unit is not None)


@dataclass(frozen=True)
class CheckedSource(_Frozen):
    kind: SourceKind
    description: str = ""


@dataclass(frozen=True)
class CheckedRecipient(_Frozen):
    kind: RecipientKind
    description: str = ""


@dataclass(frozen=True)
class CheckedSecurityMeasure(_Frozen):
    kind: SecurityKind
    description: str = ""


@dataclass(frozen=True)
class CheckedAutomatedDecision(_Frozen):
    """A decision under Art. 22(1)/(4), with the meaningful information 13(2)(f) asks for."""

    description: str
    logic_and_consequences: str = ""


@dataclass(frozen=True)
class CheckedTransfer(_Frozen):
    """A transfer outside the EEA (or one recorded as such).

    `country` is an ISO 3166-1 alpha-2 code or "EPO". `scope_confirmed` records that the
    importer falls within a partial adequacy decision (Canada: PIPEDA; Japan: APPI);
    `documentation` says where the Art. 49 assessment or other evidence is kept.
    """

    name: str
    country: str
    recipient: str = ""
    safeguard: Safeguard = Safeguard.NONE
    dpf_checked_on: date | None = None
    scc_module: SccModule | None = None
    scope_confirmed: bool = False
    documentation: str = ""

    @property
    def label(self) -> str:
        return self.name.strip() or f"{self.recipient} ({self.country})".strip()


@dataclass(frozen=True)
class CheckedProcessor(_Frozen):
    name: str
    dpa_signed_on: date | None = None
    dpa_review_on: date | None = None


@dataclass(frozen=True)
class CheckedRegister(_Frozen):
    """One register (Art. 30 record and the notice printed from it).

    Booleans default to False and collections to empty, so a register nobody filled in
    shows every gap instead of passing silently. `processors` holds names only; the
    processors themselves are checked with check_processor().
    """

    name: str
    controllers: tuple[CheckedController, ...] = ()
    contact_points: tuple[CheckedContactPoint, ...] = ()
    dpo_appointed: bool = False
    purposes: tuple[str, ...] = ()
    legal_bases: tuple[CheckedLegalBasis, ...] = ()
    subject_groups: tuple[str, ...] = ()
    data_categories: tuple[CheckedDataCategory, ...] = ()
    retention_rules: tuple[CheckedRetentionRule, ...] = ()
    sources: tuple[CheckedSource, ...] = ()
    recipients: tuple[CheckedRecipient, ...] = ()
    processors: tuple[str, ...] = ()
    transfers: tuple[CheckedTransfer, ...] = ()
    security_measures: tuple[CheckedSecurityMeasure, ...] = ()
    automated_decisions: tuple[CheckedAutomatedDecision, ...] = ()
    rights_information_present: bool = False
    supervisory_authority_info_present: bool = False
    consent_withdrawal_info_present: bool = False
    provision_requirement_info: str = ""
    notice_date: date | None = None


# --- register rules ------------------------------------------------------------------------


def _filled(text: str | None) -> bool:
    return bool(text and text.strip())


class _Collector:
    """Builds findings for one subject so each rule is a single readable call."""

    def __init__(self, kind: SubjectKind, name: str) -> None:
        self.kind = kind
        self.name = name
        self.findings: list[Finding] = []

    def add(
        self,
        severity: Severity,
        code: FindingCode,
        message: str,
        reference: str,
        /,
        **params: object,
    ) -> None:
        """Positional-only, so that message placeholders may use any name."""
        self.findings.append(
            Finding(severity, code, self.kind, self.name, message, reference, dict(params))
        )


def check_register(register: CheckedRegister) -> list[Finding]:
    """Art. 30(1) record and Art. 13/14 notice gaps of one register (not its transfers)."""
    out = _Collector(SubjectKind.REGISTER, register.name)
    _check_controllers(register, out)
    _check_purposes_and_bases(register, out)
    _check_contents(register, out)
    _check_notice_items(register, out)
    _check_sources(register, out)
    _check_repealed_law(register, out)
    return sorted(out.findings, key=lambda f: f.sort_key)


def _check_controllers(register: CheckedRegister, out: _Collector) -> None:
    if not any(_filled(c.name) for c in register.controllers):
        out.add(
            Severity.RED,
            FindingCode.CONTROLLER_MISSING,
            N_(
                "No controller is recorded. The record and the notice must name the "
                "controller and give its contact details."
            ),
            "GDPR Art. 30(1)(a), 13(1)(a)",
        )
    for controller in register.controllers:
        if _filled(controller.name) and not _filled(controller.contact_details):
            out.add(
                Severity.RED,
                FindingCode.CONTROLLER_CONTACT_MISSING,
                N_("Controller {controller} has no contact details."),
                "GDPR Art. 30(1)(a), 13(1)(a)",
                controller=controller.name,
            )
    if register.dpo_appointed and not any(
        p.is_dpo and _filled(p.contact_details) for p in register.contact_points
    ):
        out.add(
            Severity.RED,
            FindingCode.DPO_CONTACT_MISSING,
            N_(
                "A data protection officer has been appointed but no contact details for "
                "the officer are recorded."
            ),
            "GDPR Art. 13(1)(b), 30(1)(a), 37(7)",
        )


def _check_purposes_and_bases(register: CheckedRegister, out: _Collector) -> None:
    if not any(_filled(p) for p in register.purposes):
        out.add(
            Severity.RED,
            FindingCode.PURPOSES_MISSING,
            N_("No purpose of the processing is recorded."),
            "GDPR Art. 30(1)(b), 13(1)(c)",
        )
    bases = register.legal_bases
    if not any(b.article is not None or _filled(b.national_law) for b in bases):
        out.add(
            Severity.RED,
            FindingCode.LEGAL_BASIS_MISSING,
            N_(
                "No legal basis is recorded. Name the point of Article 6(1) GDPR the "
                "processing relies on."
            ),
            "GDPR Art. 13(1)(c), 6(1)",
        )
    for basis in bases:
        if basis.article is None and _filled(basis.national_law):
            out.add(
                Severity.AMBER,
                FindingCode.LEGAL_BASIS_ARTICLE_MISSING,
                N_(
                    "The legal basis “{law}” names a national law but no point of Article "
                    "6(1) GDPR; a statutory duty is usually Article 6(1)(c)."
                ),
                "GDPR Art. 6(1), 6(3), 13(1)(c)",
                law=basis.national_law.strip(),
            )
        if basis.article in (
            LegalBasisArticle.LEGAL_OBLIGATION,
            LegalBasisArticle.PUBLIC_TASK,
        ) and not _filled(basis.national_law):
            out.add(
                Severity.AMBER,
                FindingCode.LEGAL_BASIS_LAW_MISSING,
                N_(
                    "The legal basis Article {article} rests on a law, but the law is not "
                    "named (for example sähkömarkkinalaki 588/2013)."
                ),
                "GDPR Art. 6(3), 13(1)(c)",
                article=_article_text(basis.article),
            )
        if basis.article is LegalBasisArticle.LEGITIMATE_INTERESTS and not _filled(
            basis.description
        ):
            out.add(
                Severity.RED,
                FindingCode.LEGITIMATE_INTERESTS_MISSING,
                N_(
                    "Legitimate interests are cited as a legal basis, but the interests "
                    "pursued are not described."
                ),
                "GDPR Art. 13(1)(d), 6(1)(f)",
            )


def _article_text(article: LegalBasisArticle) -> str:
    """Write "6.1.c" as "6(1)(c)", the way a reader expects to see it."""
    major, paragraph, point = article.value.split(".")
    return f"{major}({paragraph})({point})"


def _check_contents(register: CheckedRegister, out: _Collector) -> None:
    if not any(_filled(g) for g in register.subject_groups):
        out.add(
            Severity.RED,
            FindingCode.SUBJECT_GROUPS_MISSING,
            N_("No categories of data subjects are recorded."),
            "GDPR Art. 30(1)(c)",
        )
    if not any(_filled(c.name) for c in register.data_categories):
        out.add(
            Severity.RED,
            FindingCode.DATA_CATEGORIES_MISSING,
            N_("No categories of personal data are recorded."),
            "GDPR Art. 30(1)(c), 14(1)(d)",
        )
    if not register.recipients:
        out.add(
            Severity.AMBER,
            FindingCode.RECIPIENTS_MISSING,
            N_(
                "No recipients are recorded. If the data are disclosed to no one, say so; "
                "processors such as IT providers are recipients too."
            ),
            "GDPR Art. 30(1)(d), 13(1)(e), 4(9)",
        )
    if not any(rule.is_stated for rule in register.retention_rules):
        out.add(
            Severity.RED,
            FindingCode.RETENTION_MISSING,
            N_("No retention period, nor the criteria for setting one, is recorded."),
            "GDPR Art. 13(2)(a), 30(1)(f)",
        )
    if not any(_filled(m.description) for m in register.security_measures):
        out.add(
            Severity.AMBER,
            FindingCode.SECURITY_MISSING,
            N_("No security measures are described."),
            "GDPR Art. 30(1)(g), 32(1)",
        )


def _check_notice_items(register: CheckedRegister, out: _Collector) -> None:
    if not register.rights_information_present:
        out.add(
            Severity.RED,
            FindingCode.RIGHTS_INFORMATION_MISSING,
            N_(
                "The notice does not tell data subjects about their rights (access, "
                "rectification, erasure, restriction, objection, portability)."
            ),
            "GDPR Art. 13(2)(b), 14(2)(c)",
        )
    cites_consent = any(b.article is LegalBasisArticle.CONSENT for b in register.legal_bases)
    if cites_consent and not register.consent_withdrawal_info_present:
        out.add(
            Severity.RED,
            FindingCode.CONSENT_WITHDRAWAL_MISSING,
            N_(
                "Consent is cited as a legal basis, but the notice does not say that "
                "consent can be withdrawn at any time."
            ),
            "GDPR Art. 13(2)(c), 7(3)",
        )
    if not register.supervisory_authority_info_present:
        out.add(
            Severity.RED,
            FindingCode.COMPLAINT_RIGHT_MISSING,
            N_(
                "The notice does not mention the right to lodge a complaint with a "
                "supervisory authority (the Data Protection Ombudsman)."
            ),
            "GDPR Art. 13(2)(d), 14(2)(e)",
        )
    collected_from_subject = not register.sources or any(
        s.kind is SourceKind.DATA_SUBJECT for s in register.sources
    )
    if collected_from_subject and not _filled(register.provision_requirement_info):
        out.add(
            Severity.AMBER,
            FindingCode.PROVISION_REQUIREMENT_MISSING,
            N_(
                "The notice does not say whether giving the data is a statutory or "
                "contractual requirement, or what happens if the data are not given."
            ),
            "GDPR Art. 13(2)(e)",
        )
    for decision in register.automated_decisions:
        if not _filled(decision.logic_and_consequences):
            out.add(
                Severity.RED,
                FindingCode.AUTOMATED_DECISION_LOGIC_MISSING,
                N_(
                    "The automated decision “{decision}” lacks meaningful information about "
                    "the logic involved and its consequences for the data subject."
                ),
                "GDPR Art. 13(2)(f), 14(2)(g), 22",
                decision=decision.description.strip(),
            )
    if register.notice_date is not None and register.notice_date < GDPR_APPLICATION_DATE:
        out.add(
            Severity.AMBER,
            FindingCode.NOTICE_PREDATES_GDPR,
            N_(
                "The notice is dated {date}, before the GDPR applied (25 May 2018); review "
                "it against the GDPR."
            ),
            "GDPR Art. 99(2), 13, 14",
            date=register.notice_date,
        )


def _check_sources(register: CheckedRegister, out: _Collector) -> None:
    if not register.sources:
        out.add(
            Severity.AMBER,
            FindingCode.SOURCES_MISSING,
            N_(
                "No sources of the data are recorded. If any data come from elsewhere than "
                "the data subject, the notice must name the source."
            ),
            "GDPR Art. 14(2)(f)",
        )
    for source in register.sources:
        if source.kind is not SourceKind.DATA_SUBJECT and not _filled(source.description):
            out.add(
                Severity.AMBER,
                FindingCode.SOURCE_DESCRIPTION_MISSING,
                N_(
                    "A source of kind “{kind}” is not described; name the register or party "
                    "the data come from."
                ),
                "GDPR Art. 14(2)(f)",
                kind=source.kind.value,
            )


def _register_texts(register: CheckedRegister) -> Iterator[tuple[str, str]]:
    """(N_-marked field label, text) for every free text that a notice prints."""
    for basis in register.legal_bases:
        yield N_("Legal basis"), basis.national_law
        yield N_("Legal basis"), basis.description
    for purpose in register.purposes:
        yield N_("Purposes"), purpose
    for group in register.subject_groups:
        yield N_("Data subjects"), group
    for category in register.data_categories:
        yield N_("Personal data"), category.name
    for rule in register.retention_rules:
        yield N_("Retention"), rule.description
    for source in register.sources:
        yield N_("Sources"), source.description
    for recipient in register.recipients:
        yield N_("Recipients"), recipient.description
    for transfer in register.transfers:
        yield N_("Transfers"), transfer.documentation
    for measure in register.security_measures:
        yield N_("Security measures"), measure.description
    for decision in register.automated_decisions:
        yield N_("Automated decisions"), decision.description
        yield N_("Automated decisions"), decision.logic_and_consequences
    yield N_("Statutory or contractual requirement"), register.provision_requirement_info


def _check_repealed_law(register: CheckedRegister, out: _Collector) -> None:
    reported: set[str] = set()
    for label, text in _register_texts(register):
        if label in reported or not text:
            continue
        for mention in find_statutes(text):
            if mention.statute is PERSONAL_DATA_ACT:
                reported.add(label)
                out.add(
                    Severity.AMBER,
                    FindingCode.REPEALED_PERSONAL_DATA_ACT,
                    N_(
                        "{field} cites the repealed Personal Data Act (henkilötietolaki "
                        "523/1999) as “{excerpt}”. It was replaced by the GDPR and the Data "
                        "Protection Act (tietosuojalaki 1050/2018) on 1 January 2019."
                    ),
                    "tietosuojalaki 1050/2018",
                    field=Label(label),
                    excerpt=mention.text,
                )
                break


# --- transfer rules ------------------------------------------------------------------------


def is_third_country_transfer(transfer: CheckedTransfer) -> bool:
    """False for a transfer recorded to an EEA country: Chapter V does not apply there."""
    return not adequacy.is_eea(transfer.country)


def check_transfer(transfer: CheckedTransfer, today: date | None = None) -> list[Finding]:
    """Is there a valid transfer tool? With `today`, stale DPF checks and expired decisions."""
    out = _Collector(SubjectKind.TRANSFER, transfer.label)
    country = adequacy.normalise_code(transfer.country)
    if not adequacy.is_valid_destination(country):
        out.add(
            Severity.RED,
            FindingCode.TRANSFER_DESTINATION_INVALID,
            N_(
                "The destination “{country}” is not a known country code; the record must "
                "identify the third country."
            ),
            "GDPR Art. 30(1)(e), 13(1)(f)",
            country=transfer.country.strip(),
        )
        return out.findings
    if adequacy.is_eea(country):
        return []
    decision = adequacy.adequacy_for(country, on=today)
    safeguard = transfer.safeguard
    if safeguard is Safeguard.PRIVACY_SHIELD:
        out.add(
            Severity.RED,
            FindingCode.TRANSFER_PRIVACY_SHIELD,
            N_(
                "The transfer relies on the EU-US Privacy Shield, which the Court of Justice "
                "invalidated on 16 July 2020 (C-311/18). Use the Data Privacy Framework if the "
                "importer is certified, otherwise the 2021 standard contractual clauses."
            ),
            "GDPR Art. 44, 45; CJEU C-311/18",
        )
    elif safeguard in INVALID_SAFEGUARDS:
        out.add(
            Severity.RED,
            FindingCode.TRANSFER_REPEALED_SCC,
            N_(
                "The transfer relies on repealed standard contractual clauses ({decision}); "
                "contracts on them lost effect on 27 December 2022. Sign the 2021 clauses "
                "(Decision (EU) 2021/914)."
            ),
            "GDPR Art. 46(2)(c); Decision (EU) 2021/914 Art. 4",
            decision=_REPEALED_SCC_NAMES[safeguard],
        )
    elif safeguard is Safeguard.NONE:
        if decision is not None and not decision.is_partial:
            out.add(
                Severity.AMBER,
                FindingCode.TRANSFER_ADEQUACY_NOT_RECORDED,
                N_(
                    "No safeguard is recorded; the destination has an adequacy decision "
                    "({reference}), so record that as the basis."
                ),
                "GDPR Art. 45, 30(1)(e), 13(1)(f)",
                reference=decision.reference,
            )
        else:
            out.add(
                Severity.RED,
                FindingCode.TRANSFER_NO_SAFEGUARD,
                N_(
                    "No safeguard is recorded for a transfer to {country}, which has no "
                    "adequacy decision covering every recipient. Name the transfer tool, "
                    "e.g. the 2021 standard contractual clauses."
                ),
                "GDPR Art. 44, 46, 13(1)(f)",
                country=country,
            )
    elif safeguard is Safeguard.ADEQUACY:
        _check_adequacy_claim(transfer, country, decision, out)
    elif safeguard is Safeguard.DPF:
        _check_dpf(transfer, country, today, out)
    elif safeguard is Safeguard.SCC_2021 and transfer.scc_module is None:
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_SCC_MODULE_MISSING,
            N_(
                "The 2021 standard contractual clauses are named but not the module "
                "(controller-to-controller, controller-to-processor, …)."
            ),
            "GDPR Art. 46(2)(c); Decision (EU) 2021/914",
        )
    elif safeguard is Safeguard.DEROGATION and not _filled(transfer.documentation):
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_DEROGATION_UNDOCUMENTED,
            N_(
                "The transfer relies on an Article 49 derogation, which is for occasional "
                "transfers only, and no documentation of the assessment is recorded."
            ),
            "GDPR Art. 49, 30(1)(e)",
        )
    return out.findings


_REPEALED_SCC_NAMES = {
    Safeguard.SCC_2001_497: "2001/497/EC",
    Safeguard.SCC_2004_915: "2004/915/EC",
    Safeguard.SCC_2010_87: "2010/87/EU, C(2010) 593",
}


def _check_adequacy_claim(
    transfer: CheckedTransfer,
    country: str,
    decision: adequacy.AdequacyDecision | None,
    out: _Collector,
) -> None:
    if decision is None:
        out.add(
            Severity.RED,
            FindingCode.TRANSFER_NO_ADEQUACY_DECISION,
            N_(
                "The transfer is recorded as covered by an adequacy decision, but {country} "
                "has none. Name another transfer tool."
            ),
            "GDPR Art. 45, 46",
            country=country,
        )
    elif country == adequacy.DPF_DESTINATION:
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_DPF_NOT_RECORDED,
            N_(
                "The US adequacy decision covers only importers certified under the Data "
                "Privacy Framework. Record the safeguard as DPF with the date the "
                "certification was checked."
            ),
            "GDPR Art. 45; Decision (EU) 2023/1795",
        )
    elif decision.is_partial and not transfer.scope_confirmed:
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_ADEQUACY_SCOPE_UNCONFIRMED,
            N_(
                "The adequacy decision for {country} covers {scope}; confirm that the "
                "importer is one of them."
            ),
            "GDPR Art. 45(1)",
            country=country,
            scope=Label(decision.scope_note),
        )


def _check_dpf(
    transfer: CheckedTransfer, country: str, today: date | None, out: _Collector
) -> None:
    if country != adequacy.DPF_DESTINATION:
        out.add(
            Severity.RED,
            FindingCode.TRANSFER_DPF_WRONG_DESTINATION,
            N_(
                "The Data Privacy Framework covers only transfers to the United States, not "
                "to {country}."
            ),
            "GDPR Art. 45; Decision (EU) 2023/1795",
            country=country,
        )
    elif transfer.dpf_checked_on is None:
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_DPF_UNCHECKED,
            N_(
                "Record the date you checked the importer's certification on the Data "
                "Privacy Framework List."
            ),
            "GDPR Art. 45; Decision (EU) 2023/1795",
        )
    elif today is not None and transfer.dpf_checked_on < _months_before(
        today, DPF_CHECK_MAX_AGE_MONTHS
    ):
        out.add(
            Severity.AMBER,
            FindingCode.TRANSFER_DPF_CHECK_STALE,
            N_(
                "The importer's Data Privacy Framework certification was last checked on "
                "{date}; certifications lapse unless renewed every year, so check it again."
            ),
            "GDPR Art. 45; Decision (EU) 2023/1795",
            date=transfer.dpf_checked_on,
        )


def _months_before(day: date, months: int) -> date:
    """The same day `months` earlier, clamped to the month's end (29.2. -> 28.2.)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = month_index + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- processor rules -----------------------------------------------------------------------


def check_processor(processor: CheckedProcessor, today: date) -> list[Finding]:
    """Is there a signed Art. 28(3) agreement, and is its review date still ahead?"""
    out = _Collector(SubjectKind.PROCESSOR, processor.name)
    if processor.dpa_signed_on is None:
        out.add(
            Severity.AMBER,
            FindingCode.PROCESSOR_DPA_MISSING,
            N_("No data processing agreement is recorded for this processor."),
            "GDPR Art. 28(3)",
        )
    if processor.dpa_review_on is not None and processor.dpa_review_on < today:
        out.add(
            Severity.AMBER,
            FindingCode.PROCESSOR_DPA_REVIEW_OVERDUE,
            N_("The data processing agreement was due for review on {date}."),
            "GDPR Art. 28(3), 5(2)",
            date=processor.dpa_review_on,
        )
    return out.findings


# --- everything ----------------------------------------------------------------------------


def check_all(
    registers: Iterable[CheckedRegister] = (),
    processors: Iterable[CheckedProcessor] = (),
    transfers: Iterable[CheckedTransfer] = (),
    *,
    today: date,
) -> list[Finding]:
    """Every finding, worst first: registers, their transfers, extra transfers, processors.

    A transfer shared by several registers (equal CheckedTransfer values) is checked once.
    """
    findings: list[Finding] = []
    all_transfers: dict[CheckedTransfer, None] = {}
    for register in registers:
        findings.extend(check_register(register))
        all_transfers.update(dict.fromkeys(register.transfers))
    all_transfers.update(dict.fromkeys(transfers))
    for transfer in all_transfers:
        findings.extend(check_transfer(transfer, today))
    for processor in processors:
        findings.extend(check_processor(processor, today))
    return sorted(findings, key=lambda f: f.sort_key)


def worst_severity(findings: Iterable[Finding]) -> Status:
    """The badge: RED if any finding is red, AMBER if any is amber, else OK."""
    severities = {f.severity for f in findings}
    if Severity.RED in severities:
        return Status.RED
    if Severity.AMBER in severities:
        return Status.AMBER
    return Status.OK
