"""The one vocabulary: how every closed value of the model reads to the officer.

Rights, statuses, outcomes, channels, authority kinds, letter kinds, safeguards … — each
table maps a stable identifier (domain/enums.py) to an English phrase marked with N_;
`label()` and `choices()` translate only when shown, so the command line and the window
use the same words and a change of UI language needs no reload. Pure: no Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..i18n import N_, _
from .enums import (
    INVALID_SAFEGUARDS,
    Art34Exception,
    Authority,
    AuthorityEvidence,
    BreachClock,
    BreachNature,
    Channel,
    ControllerRole,
    ControllerType,
    CorrectionField,
    DeliveryChoice,
    FeeBasis,
    IdentityMethod,
    Language,
    LegalBasisArticle,
    LetterAudience,
    LetterKind,
    NotificationKind,
    NotificationStatus,
    NotifyDecision,
    Outcome,
    PauseKind,
    PausePolicy,
    PeriodUnit,
    RecipientKind,
    RequestClass,
    RequestStatus,
    Right,
    RiskLevel,
    Safeguard,
    SccModule,
    SecurityKind,
    SentVia,
    SourceKind,
    StatementKind,
    Urgency,
)
from .identity_code import IdentityDocument

# ------------------------------------------------------------------ rights requests

RIGHTS: Mapping[str, str] = {
    Right.ACCESS: N_("access (Art. 15)"),
    Right.RECTIFICATION: N_("rectification (Art. 16)"),
    Right.ERASURE: N_("erasure (Art. 17)"),
    Right.RESTRICTION: N_("restriction (Art. 18)"),
    Right.PORTABILITY: N_("data portability (Art. 20)"),
    Right.OBJECTION: N_("objection (Art. 21(1))"),
    Right.MARKETING_BAN: N_("direct marketing ban (Art. 21(2))"),
    Right.CONSENT_WITHDRAWAL: N_("withdrawal of consent (Art. 7(3))"),
    Right.AUTOMATED_DECISION: N_("automated decisions (Art. 22)"),
}

CHANNELS: Mapping[str, str] = {
    Channel.POST: N_("post"),
    Channel.EMAIL: N_("email"),
    Channel.ESERVICE: N_("e-service"),
    Channel.PHONE: N_("phone"),
    Channel.IN_PERSON: N_("in person"),
}

LANGUAGES: Mapping[str, str] = {
    Language.FI: N_("Finnish"),
    Language.SV: N_("Swedish"),
    Language.EN: N_("English"),
}

AUTHORITIES: Mapping[str, str] = {
    Authority.SELF: N_("the data subject themself"),
    Authority.POWER_OF_ATTORNEY: N_("power of attorney"),
    Authority.GUARDIAN: N_("guardian (edunvalvoja)"),
    Authority.CONTINUING_POA: N_("continuing power of attorney"),
    Authority.LEGAL_COUNSEL: N_("legal counsel"),
    Authority.ESTATE_SHAREHOLDER: N_("shareholder of a deceased person's estate"),
    Authority.ESTATE_ADMINISTRATOR: N_("administrator of a deceased person's estate"),
}

AUTHORITY_EVIDENCE: Mapping[str, str] = {
    AuthorityEvidence.POWER_OF_ATTORNEY: N_("power of attorney document"),
    AuthorityEvidence.GUARDIANSHIP_REGISTER: N_(
        "extract from the guardianship register (Digital and Population Data Services Agency)"
    ),
    AuthorityEvidence.CONFIRMATION_DECISION: N_(
        "the guardianship authority's decision confirming the continuing power of attorney"
    ),
    AuthorityEvidence.ESTATE_INVENTORY: N_("estate inventory (perukirja)"),
    AuthorityEvidence.COURT_ORDER: N_("court order"),
    AuthorityEvidence.COUNSEL_ASSURANCE: N_("counsel's assurance of the mandate"),
    AuthorityEvidence.OTHER: N_("other evidence (see the note)"),
}

FEE_BASES: Mapping[str, str] = {
    FeeBasis.FURTHER_COPIES: N_("further copies (Art. 15(3))"),
    FeeBasis.EXCESSIVE: N_("manifestly unfounded or excessive request (Art. 12(5)(a))"),
}

NOTIFICATION_STATUSES: Mapping[str, str] = {
    NotificationStatus.NOTIFIED: N_("notified"),
    NotificationStatus.NOT_NOTIFIED: N_("not notified: impossible or disproportionate"),
    NotificationStatus.NOT_A_RECIPIENT: N_("did not receive this person's data"),
}

LETTER_AUDIENCES: Mapping[str, str] = {
    LetterAudience.DATA_SUBJECT: N_("to the data subject"),
    LetterAudience.REPRESENTATIVE: N_("to a representative"),
}

CLASSIFICATIONS: Mapping[str, str] = {
    RequestClass.GDPR: N_("GDPR request"),
    RequestClass.NON_GDPR: N_("not a GDPR request"),
    RequestClass.PUBLICITY_ACT: N_("document request under the Publicity Act (621/1999)"),
}

IDENTITY_METHODS: Mapping[str, str] = {
    IdentityMethod.IN_PERSON_DOCUMENT: N_("identity document shown in person"),
    IdentityMethod.STRONG_EID: N_("strong electronic identification"),
    IdentityMethod.SIGNED_LETTER_ADDRESS: N_("signed letter from the known address"),
    IdentityMethod.POPULATION_REGISTER_ADDRESS: N_("address checked in the population register"),
    IdentityMethod.OTHER: N_("other method"),
}

DOCUMENTS: Mapping[str, str] = {
    IdentityDocument.PASSPORT: N_("passport"),
    IdentityDocument.ID_CARD: N_("identity card"),
    IdentityDocument.DRIVING_LICENCE: N_("driving licence"),
    IdentityDocument.RESIDENCE_PERMIT: N_("residence permit"),
    IdentityDocument.OTHER: N_("other document"),
}

PAUSE_KINDS: Mapping[str, str] = {
    PauseKind.IDENTITY: N_("identity proof"),
    PauseKind.CLARIFICATION: N_("clarification"),
}

DELIVERY_CHOICES: Mapping[str, str] = {
    DeliveryChoice.REQUESTED: N_("the delivery address the requester asked for"),
    DeliveryChoice.ON_RECORD: N_("the address on the controller's records"),
}

CORRECTION_FIELDS: Mapping[str, str] = {
    CorrectionField.RECEIVED_ON: N_("received date"),
    CorrectionField.CHANNEL: N_("channel"),
    CorrectionField.LANGUAGE: N_("reply language"),
    CorrectionField.CLASSIFICATION: N_("classification"),
    CorrectionField.DESCRIPTION: N_("description"),
    CorrectionField.SUBJECT_NAME: N_("data subject's name"),
    CorrectionField.SUBJECT_ADDRESS: N_("data subject's address"),
    CorrectionField.SUBJECT_EMAIL: N_("data subject's email"),
    CorrectionField.SUBJECT_PHONE: N_("data subject's phone"),
    CorrectionField.SUBJECT_CUSTOMER_NUMBER: N_("data subject's customer number"),
    CorrectionField.SUBJECT_HETU: N_("data subject's personal identity code"),
    CorrectionField.REQUESTER: N_("requester"),
    CorrectionField.REQUESTER_NAME: N_("requester's name"),
    CorrectionField.REQUESTER_ADDRESS: N_("requester's address"),
    CorrectionField.REQUESTER_EMAIL: N_("requester's email"),
    CorrectionField.REQUESTER_PHONE: N_("requester's phone"),
    CorrectionField.REQUESTER_CUSTOMER_NUMBER: N_("requester's customer number"),
    CorrectionField.AUTHORITY: N_("requester's authority"),
    CorrectionField.ADDRESS_ON_RECORD: N_("address on record"),
    CorrectionField.DELIVERY_ADDRESS: N_("delivery address"),
    CorrectionField.CONTROLLERS: N_("controllers"),
    CorrectionField.ADDRESSED_TO: N_("controller addressed"),
    CorrectionField.REGISTERS: N_("registers concerned"),
    CorrectionField.RIGHTS: N_("rights requested"),
}

URGENCIES: Mapping[str, str] = {
    Urgency.OVERDUE: N_("overdue"),
    Urgency.DUE_SOON: N_("due soon"),
    Urgency.OK: N_("on time"),
    Urgency.SUSPENDED: N_("clock stopped"),
    Urgency.NO_DEADLINE: N_("no statutory deadline"),
    # a case no longer open shows its status instead of an urgency
    "answered": N_("answered"),
    "closed": N_("closed"),
}

PAUSE_POLICIES: Mapping[str, str] = {
    PausePolicy.SUSPEND: N_("suspend the clock while waiting (default)"),
    PausePolicy.RESTART: N_("restart the month when the answer arrives"),
    PausePolicy.NONE: N_("never stop the clock"),
}

# What each pause policy does, for the settings dialog and `rekisteri settings --help`
# (details and sources in docs/deadlines.md).
PAUSE_POLICY_HELP: Mapping[str, str] = {
    PausePolicy.SUSPEND: N_(
        "The days between asking for identity proof or a clarification and receiving it "
        "are added to the deadline (EDPB Guidelines 01/2022 on the right of access, "
        "§ 159). While an answer is awaited the case has no due date."
    ),
    PausePolicy.RESTART: N_(
        "One month is counted again from the day the answer arrived (the UK regulator's "
        "practice). Not the EDPB reading; use only on legal advice."
    ),
    PausePolicy.NONE: N_(
        "Asking for proof or a clarification does not stop the clock: one month from "
        "receipt always applies. The strictest reading of GDPR Art. 12(3)."
    ),
}

STATUSES: Mapping[str, str] = {
    RequestStatus.RECEIVED: N_("received"),
    RequestStatus.AWAITING: N_("awaiting identity proof or clarification"),
    RequestStatus.IN_PROGRESS: N_("in progress"),
    RequestStatus.EXTENDED: N_("extended"),
    RequestStatus.ANSWERED: N_("answered"),
    RequestStatus.CLOSED: N_("closed"),
}

OUTCOMES: Mapping[str, str] = {
    Outcome.PENDING: N_("pending"),
    Outcome.GRANTED: N_("granted"),
    Outcome.PARTLY: N_("partly granted"),
    Outcome.REFUSED: N_("refused"),
    Outcome.NOT_APPLICABLE: N_("not applicable"),
    Outcome.NOT_HELD: N_("no personal data held"),
}

# ---------------------------------------------------------------------- letters

LETTER_KINDS: Mapping[str, str] = {
    LetterKind.ACKNOWLEDGEMENT: N_("Acknowledgement of receipt"),
    LetterKind.IDENTITY_REQUEST: N_("Request for identity proof or clarification"),
    LetterKind.EXTENSION: N_("Extension notice (Art. 12(3))"),
    LetterKind.ACCESS_RESPONSE: N_("Access response (Art. 15)"),
    LetterKind.RECTIFICATION: N_("Rectification done (Art. 16)"),
    LetterKind.ERASURE: N_("Erasure done or partly refused (Art. 17)"),
    LetterKind.RESTRICTION: N_("Restriction (Art. 18)"),
    LetterKind.PORTABILITY: N_("Portability (Art. 20)"),
    LetterKind.OBJECTION: N_("Objection decided (Art. 21(1))"),
    LetterKind.MARKETING_BAN: N_("Direct-marketing ban confirmed (Art. 21(2))"),
    LetterKind.CONSENT_WITHDRAWAL: N_("Consent withdrawal confirmed (Art. 7(3))"),
    LetterKind.REFUSAL: N_("Refusal (Art. 12(5))"),
    LetterKind.ACCESS_NOT_HELD: N_("No personal data held: negative answer to access (Art. 15(1))"),
    LetterKind.NON_GDPR_ACKNOWLEDGEMENT: N_("Acknowledgement of a request outside the GDPR"),
    LetterKind.NON_GDPR_REPLY: N_("Reply to a request outside the GDPR (e.g. an estate)"),
    LetterKind.PUBLICITY_ACT_REPLY: N_("Reply to a document request (Publicity Act 621/1999)"),
}

# One line per kind for `rekisteri letter --list-kinds`: what the letter says.
LETTER_KIND_DESCRIPTIONS: Mapping[str, str] = {
    LetterKind.ACKNOWLEDGEMENT: N_(
        "Receipt of a GDPR request, the rights it invokes and the Art. 12(3) time limit."
    ),
    LetterKind.IDENTITY_REQUEST: N_(
        "Asks only for what is needed to identify the requester (Art. 12(6)); starts a pause."
    ),
    LetterKind.EXTENSION: N_("The recorded extension by two months and its reasons."),
    LetterKind.ACCESS_RESPONSE: N_(
        "Confirms processing, lists the Art. 15 items per register and encloses the copy."
    ),
    LetterKind.RECTIFICATION: N_("The rectification decision, actions and Art. 19 notifications."),
    LetterKind.ERASURE: N_("Erased or kept per data category, with grounds and Art. 19."),
    LetterKind.RESTRICTION: N_("The restriction decision and Art. 19 notifications."),
    LetterKind.PORTABILITY: N_("The Art. 20 decision with the data as CSV and JSON files."),
    LetterKind.OBJECTION: N_("The decision on an objection under Art. 21(1)."),
    LetterKind.MARKETING_BAN: N_("Confirms the direct-marketing ban (Art. 21(2)-(3))."),
    LetterKind.CONSENT_WITHDRAWAL: N_("Confirms that consent-based processing stopped."),
    LetterKind.REFUSAL: N_("Refuses a manifestly unfounded or excessive request, with remedies."),
    LetterKind.ACCESS_NOT_HELD: N_(
        "Tells that no personal data are held (access outcome not-held): no copy, no "
        "purposes; optionally names another controller that may hold them."
    ),
    LetterKind.NON_GDPR_ACKNOWLEDGEMENT: N_(
        "Receipt of a request outside the GDPR; with the Publicity Act's time limit when "
        "the case is a document request to an authority."
    ),
    LetterKind.NON_GDPR_REPLY: N_(
        "The officer's answer to a request outside the GDPR (an estate, a billing "
        "question), with the information given."
    ),
    LetterKind.PUBLICITY_ACT_REPLY: N_(
        "The documents given or refused under the Publicity Act (621/1999), with § 14(3) "
        "advice when refused."
    ),
}

SENT_VIA: Mapping[str, str] = {
    SentVia.POST: N_("post"),
    SentVia.EMAIL: N_("email"),
    SentVia.ESERVICE: N_("e-service"),
    SentVia.IN_PERSON: N_("in person"),
}

# ------------------------------------------------------- registers and transfers

CONTROLLER_ROLES: Mapping[str, str] = {
    ControllerRole.CONTROLLER: N_("controller"),
    ControllerRole.JOINT_CONTROLLER: N_("joint controller"),
    ControllerRole.GROUP_COMPANY: N_("group company"),
}

CONTROLLER_TYPES: Mapping[str, str] = {
    ControllerType.COMPANY: N_("company"),
    ControllerType.COOPERATIVE: N_("cooperative"),
    ControllerType.MUNICIPALITY: N_("municipality"),
    ControllerType.MUNICIPAL_ENTERPRISE: N_("municipal enterprise"),
    ControllerType.MUNICIPAL_BOARD: N_("municipal board or other municipal body"),
    ControllerType.PUBLIC_AUTHORITY: N_("other public authority"),
    ControllerType.OTHER: N_("other organisation"),
}

STATEMENT_KINDS: Mapping[str, str] = {
    StatementKind.PURPOSES: N_("purposes (general statement)"),
    StatementKind.APPLICABLE_LAWS: N_("applicable laws"),
    StatementKind.DISCLOSURES: N_("disclosures (general statement)"),
    StatementKind.NO_DISCLOSURES: N_("no regular disclosures"),
    StatementKind.NO_TRANSFERS: N_("no transfers outside the EU/EEA"),
    StatementKind.NO_AUTOMATED_DECISIONS: N_("no automated decisions"),
    StatementKind.NO_PROFILING: N_("no profiling"),
    StatementKind.IDENTITY_REQUIRED: N_("identity must be proved"),
    StatementKind.REPRESENTATIVE_ALLOWED: N_("a representative may make the request"),
    StatementKind.NOTICE_AVAILABILITY: N_("where the notice is available"),
}

ARTICLES: Mapping[str, str] = {
    LegalBasisArticle.CONSENT: N_("6(1)(a) consent"),
    LegalBasisArticle.CONTRACT: N_("6(1)(b) contract"),
    LegalBasisArticle.LEGAL_OBLIGATION: N_("6(1)(c) legal obligation"),
    LegalBasisArticle.VITAL_INTERESTS: N_("6(1)(d) vital interests"),
    LegalBasisArticle.PUBLIC_TASK: N_("6(1)(e) public task"),
    LegalBasisArticle.LEGITIMATE_INTERESTS: N_("6(1)(f) legitimate interests"),
}

SOURCE_KINDS: Mapping[str, str] = {
    SourceKind.DATA_SUBJECT: N_("the data subject"),
    SourceKind.PUBLIC_REGISTER: N_("public register"),
    SourceKind.PRIVATE_REGISTER: N_("private register"),
    SourceKind.MARKET_PARTY: N_("market party"),
    SourceKind.OBSERVED: N_("observed in use of the service"),
    SourceKind.OTHER: N_("other source"),
}

RECIPIENT_KINDS: Mapping[str, str] = {
    RecipientKind.AUTHORITY: N_("authority"),
    RecipientKind.GROUP_COMPANY: N_("group company"),
    RecipientKind.MARKET_PARTY: N_("market party"),
    RecipientKind.SERVICE_PROVIDER: N_("service provider"),
    RecipientKind.DEBT_COLLECTION: N_("debt collection"),
    RecipientKind.DATA_SUBJECT_REPRESENTATIVE: N_("data subject's representative"),
    RecipientKind.OTHER: N_("other recipient"),
}

SECURITY_KINDS: Mapping[str, str] = {
    SecurityKind.TECHNICAL: N_("technical"),
    SecurityKind.ORGANISATIONAL: N_("organisational"),
    SecurityKind.MANUAL: N_("manual material"),
}

PERIOD_UNITS: Mapping[str, str] = {
    PeriodUnit.DAYS: N_("days"),
    PeriodUnit.MONTHS: N_("months"),
    PeriodUnit.YEARS: N_("years"),
}

SAFEGUARDS: Mapping[str, str] = {
    Safeguard.ADEQUACY: N_("adequacy decision (Art. 45)"),
    Safeguard.DPF: N_("EU-US Data Privacy Framework"),
    Safeguard.SCC_2021: N_("standard contractual clauses 2021/914"),
    Safeguard.BCR: N_("binding corporate rules (Art. 47)"),
    Safeguard.DEROGATION: N_("derogation (Art. 49)"),
    Safeguard.PRIVACY_SHIELD: N_("Privacy Shield (invalid)"),
    Safeguard.SCC_2001_497: N_("old clauses 2001/497 (repealed)"),
    Safeguard.SCC_2004_915: N_("old clauses 2004/915 (repealed)"),
    Safeguard.SCC_2010_87: N_("old clauses 2010/87, C(2010)593 (repealed)"),
    Safeguard.NONE: N_("no safeguard named"),
}

SCC_MODULES: Mapping[str, str] = {
    SccModule.C2C: N_("module 1: controller to controller"),
    SccModule.C2P: N_("module 2: controller to processor"),
    SccModule.P2P: N_("module 3: processor to processor"),
    SccModule.P2C: N_("module 4: processor to controller"),
}

CHECK_STATUSES: Mapping[str, str] = {
    "red": N_("Must fix"),
    "amber": N_("Check"),
    "ok": N_("OK"),
}

AUDIT_ACTIONS: Mapping[str, str] = {
    "create": N_("created"),
    "update": N_("changed"),
    "delete": N_("deleted"),
    "import": N_("imported"),
    "note": N_("note added"),
    "recompute": N_("recomputed"),
    "purge": N_("purged after the retention period"),
    "correct": N_("intake corrected"),
    "split": N_("split by controller"),
    "letter.issue": N_("letter issued"),
    "publish": N_("published"),
    "rekey": N_("passphrase changed"),
    "letter_template.set": N_("letter wording changed"),
    "letter_template.reset": N_("letter wording reset"),
}

AUDIT_ENTITIES: Mapping[str, str] = {
    "controller": N_("controller"),
    "processor": N_("processor"),
    "register": N_("register"),
    "request": N_("request"),
    "database": N_("database"),
    "setting": N_("setting"),
    "settings": N_("settings"),
    "letter": N_("letter"),
    "letter_template": N_("letter template"),
    "deadlines": N_("stored deadlines"),
    "dpo": N_("data protection officer"),
    "notice": N_("privacy notice"),
    "breach": N_("personal data breach"),
    "breach_letter": N_("breach letter"),
    "requests": N_("requests"),
}

SUBJECT_KINDS: Mapping[str, str] = {
    "register": N_("Register"),
    "transfer": N_("Transfer"),
    "processor": N_("Processor"),
    "controller": N_("Controller"),
    "dpo": N_("Data protection officer"),
    "settings": N_("Settings"),
}

# ---------------------------------------------------------------------- breaches

BREACH_NATURES: Mapping[str, str] = {
    BreachNature.CONFIDENTIALITY: N_("confidentiality (disclosure or access)"),
    BreachNature.INTEGRITY: N_("integrity (alteration)"),
    BreachNature.AVAILABILITY: N_("availability (loss or destruction)"),
}

RISK_LEVELS: Mapping[str, str] = {
    RiskLevel.NONE: N_("no risk (document only)"),
    RiskLevel.RISK: N_("risk (notify the Ombudsman)"),
    RiskLevel.HIGH: N_("high risk (also inform the data subjects)"),
}

NOTIFY_DECISIONS: Mapping[str, str] = {
    NotifyDecision.NOTIFY: N_("notify the Ombudsman"),
    NotifyDecision.NOT_REQUIRED: N_("no notification (unlikely to result in a risk)"),
}

NOTIFICATION_KINDS: Mapping[str, str] = {
    NotificationKind.COMPLETE: N_("notification"),
    NotificationKind.PRELIMINARY: N_("preliminary notification"),
    NotificationKind.SUPPLEMENTARY: N_("supplementary notification"),
}

ART34_EXCEPTIONS: Mapping[str, str] = {
    Art34Exception.PROTECTED: N_("Art. 34(3)(a): the data were unintelligible (e.g. encrypted)"),
    Art34Exception.RISK_REMOVED: N_("Art. 34(3)(b): later measures removed the high risk"),
    Art34Exception.PUBLIC_COMMUNICATION: N_(
        "Art. 34(3)(c): disproportionate effort, a public communication instead"
    ),
}

BREACH_CLOCKS: Mapping[str, str] = {
    BreachClock.OVERDUE: N_("notification overdue"),
    BreachClock.DUE_SOON: N_("notify within 24 hours"),
    BreachClock.RUNNING: N_("72-hour clock running"),
    BreachClock.NOTIFIED: N_("notified"),
    BreachClock.NOT_REQUIRED: N_("decided not to notify"),
    # a closed breach shows that instead of its clock
    "closed": N_("closed"),
}


def label(table: Mapping[str, str], value: object) -> str:
    """The translated word for `value`, or the raw identifier if the table lacks it."""
    if value is None or value == "":
        return ""
    text = table.get(str(value))
    return _(text) if text else str(value)


def choices(table: Mapping[str, str]) -> list[tuple[str, str]]:
    """(value, translated label) pairs in the table's order, for a combo box."""
    return [(str(value), _(text)) for value, text in table.items()]


def is_invalid_safeguard(value: object) -> bool:
    """True for the transfer tools the law no longer accepts (shown in red in pickers)."""
    return str(value) in {str(s) for s in INVALID_SAFEGUARDS}
