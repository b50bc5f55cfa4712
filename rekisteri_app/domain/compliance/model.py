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
    CONTROLLER = "controller"
    DPO = "dpo"
    SETTINGS = "settings"


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
    # issue 12: what a notice would print as "not recorded", contradictions, data quality
    TRANSFERS_NOT_RECORDED = "transfers-not-recorded"
    AUTOMATED_DECISIONS_NOT_RECORDED = "automated-decisions-not-recorded"
    REQUEST_CHANNEL_MISSING = "request-channel-missing"
    CHANGES_POLICY_MISSING = "changes-policy-missing"
    JOINT_ARRANGEMENT_MISSING = "joint-arrangement-missing"
    RIGHTS_INCOMPLETE = "rights-incomplete"
    DISCLOSURES_CONTRADICTION = "disclosures-contradiction"
    TRANSFERS_CONTRADICTION = "transfers-contradiction"
    AUTOMATED_DECISIONS_CONTRADICTION = "automated-decisions-contradiction"
    PROFILING_CONTRADICTION = "profiling-contradiction"
    CATEGORY_GROUP_UNKNOWN = "category-group-unknown"
    PURPOSE_BASIS_NOT_RECORDED = "purpose-basis-not-recorded"
    TRANSLATION_MISSING = "translation-missing"
    SUPERVISORY_AUTHORITY_OUTDATED = "supervisory-authority-outdated"
    EMAIL_INVALID = "email-invalid"
    EMAIL_OBFUSCATED = "email-obfuscated"
    PHONE_INVALID = "phone-invalid"
    POSTCODE_INVALID = "postcode-invalid"
    BUSINESS_ID_MISSING = "business-id-missing"
    BUSINESS_ID_INVALID = "business-id-invalid"
    BUSINESS_ID_DUPLICATE = "business-id-duplicate"
    CONTROLLER_TYPE_MISSING = "controller-type-missing"
    PROCESSOR_LOCATION_UNKNOWN = "processor-location-unknown"


class Label(str):
    """A parameter value that is itself an N_-marked message; Finding.text() translates it."""

    __slots__ = ()


_SEVERITY_RANK = {Severity.RED: 0, Severity.AMBER: 1}
_KIND_RANK = {
    SubjectKind.REGISTER: 0,
    SubjectKind.TRANSFER: 1,
    SubjectKind.PROCESSOR: 2,
    SubjectKind.CONTROLLER: 3,
    SubjectKind.DPO: 4,
    SubjectKind.SETTINGS: 5,
}


@dataclass(frozen=True)
class Finding:
    """One thing to fix, about one register, transfer, processor, controller, officer or
    the settings; `path` is where, in the subject's exchange form (JSON path)."""

    severity: Severity
    code: FindingCode
    subject_kind: SubjectKind
    subject_name: str
    message: str
    article: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False)
    path: str = "$"

    @property
    def language(self) -> str:
        """The notice language a finding is about ("" for findings about every language)."""
        return str(self.params.get("lang", ""))

    def text(self, lang: str | None = None) -> str:
        """The message in `lang` (default: the current UI language), parameters filled in."""
        language = lang or current_language()
        catalogue = translator(language)
        values = {key: _display(value, catalogue, language) for key, value in self.params.items()}
        if "country" in values and self.code != "transfer-destination-invalid":
            values["country"] = _country(str(values["country"]), language)
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


def _country(code: str, lang: str) -> str:
    """A destination in the reader's language: "Intia (IN)", "Indien (IN)", "India (IN)"."""
    from ..adequacy import country_name, is_valid_destination, normalise_code

    normal = normalise_code(code)
    if not is_valid_destination(normal):
        return code
    name = country_name(normal, lang)
    return f"{name} ({normal})" if name and name != normal else code


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
    """A controller as one register names it; `postal_or_email` says that section 1 of
    the notice gives a postal or e-mail address requests can be sent to."""

    name: str
    contact_details: str = ""
    role: ControllerRole = ControllerRole.CONTROLLER
    postal_or_email: bool = False


@dataclass(frozen=True)
class CheckedText(_Frozen):
    """One free text as stored (any language), where it is, and an N_-marked label."""

    path: str
    text: str
    label: str = ""


@dataclass(frozen=True)
class CheckedContactField(_Frozen):
    """A stored e-mail address, phone number or Finnish postal address to check."""

    path: str
    kind: str  # "email", "phone", "postal"
    value: str


@dataclass(frozen=True)
class CheckedStatement(_Frozen):
    kind: StatementKind
    text: str = ""


@dataclass(frozen=True)
class CheckedMissingTexts(_Frozen):
    """The texts (JSON paths) without a version in `lang`, a published language."""

    lang: str
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckedControllerRecord(_Frozen):
    """A controller itself, for the rules that span controllers (business IDs)."""

    name: str
    business_id: str = ""
    business_id_from: str = ""  # the controller whose business ID is printed instead
    controller_type: ControllerType | None = None
    texts: tuple[CheckedText, ...] = ()
    contact_fields: tuple[CheckedContactField, ...] = ()


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
    subject_group: str = ""  # the name of the subject group it belongs to, if any


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
    is_profiling: bool = False


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
    country: str | None = None  # where it processes; None = not recorded
    texts: tuple[CheckedText, ...] = ()
    contact_fields: tuple[CheckedContactField, ...] = ()


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
    # issue 12
    purpose_bases: tuple[tuple[LegalBasisArticle, ...], ...] = ()  # per purpose, in order
    purposes_statement: str = ""
    statements: tuple[CheckedStatement, ...] = ()
    transfers_statement: str = ""
    request_channel: str = ""  # request address or web form recorded for the register
    changes_info: str = ""  # changes policy or where the notice is available
    joint_arrangement: str = ""
    rights: tuple[Right, ...] = ()  # the rights the register records, in order
    texts: tuple[CheckedText, ...] = ()  # every free text, all languages, with paths
    contact_fields: tuple[CheckedContactField, ...] = ()
    missing_translations: tuple[CheckedMissingTexts, ...] = ()

    def stated(self, kind: StatementKind) -> bool:
        return any(s.kind is kind for s in self.statements)


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
        _path: str = "$",
        **params: object,
    ) -> None:
        """Positional-only, so that message placeholders may use any name but `_path`."""
        self.findings.append(
            Finding(severity, code, self.kind, self.name, message, reference, dict(params), _path)
        )
