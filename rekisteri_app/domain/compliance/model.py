"""What the compliance checker reads and reports: the frozen `Checked*` inputs that
services map ORM rows to, and the `Finding` with its severity, stable code and
N_-marked message (translated only when shown).

Also the small collector every rule family uses to add findings about one subject.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from gettext import NullTranslations

from babel.dates import format_date

from rekisteri_app.i18n import current_language, translator

from ..enums import (
    ControllerRole,
    LegalBasisArticle,
    PeriodUnit,
    RecipientKind,
    Safeguard,
    SccModule,
    SecurityKind,
    SourceKind,
)


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
