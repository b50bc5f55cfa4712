"""The closed vocabularies of the model.

Values are stable identifiers: they are stored in the database, written to the JSON
exchange format and accepted on the command line, so never rename one.
"""

from __future__ import annotations

from enum import StrEnum


class ControllerRole(StrEnum):
    """How a controller stands in a register (GDPR Art. 4(7), Art. 26)."""

    CONTROLLER = "controller"
    JOINT_CONTROLLER = "joint-controller"
    GROUP_COMPANY = "group-company"


class ControllerType(StrEnum):
    """What kind of organisation a controller is. The Publicity Act (621/1999) applies to
    authorities (municipalities, their enterprises and boards, other public authorities),
    not to companies or cooperatives, even municipally owned ones."""

    COMPANY = "company"
    COOPERATIVE = "cooperative"
    MUNICIPALITY = "municipality"
    MUNICIPAL_ENTERPRISE = "municipal-enterprise"  # kunnallinen liikelaitos
    MUNICIPAL_BOARD = "municipal-board"  # lautakunta, johtokunta
    PUBLIC_AUTHORITY = "public-authority"  # another authority
    OTHER = "other"  # association, foundation …


PUBLIC_AUTHORITY_TYPES = frozenset(
    {
        ControllerType.MUNICIPALITY,
        ControllerType.MUNICIPAL_ENTERPRISE,
        ControllerType.MUNICIPAL_BOARD,
        ControllerType.PUBLIC_AUTHORITY,
    }
)


def is_public_authority(kind: object) -> bool:
    """True for the controller types the Publicity Act (621/1999) applies to."""
    return str(kind or "") in {str(k) for k in PUBLIC_AUTHORITY_TYPES}


class StatementKind(StrEnum):
    """What the officer has explicitly recorded about a register, beyond its lists.

    Free statements carry the officer's text; the `NO_*` statements and the two request
    rules may leave the text blank, and the notice then prints its standard sentence for
    them. A notice never prints one of these sentences unless the statement is recorded.
    """

    PURPOSES = "purposes"  # a general statement on the purposes
    APPLICABLE_LAWS = "applicable-laws"  # the legal framework of the processing
    DISCLOSURES = "disclosures"  # a general statement on disclosures
    NO_DISCLOSURES = "no-regular-disclosures"
    NO_TRANSFERS = "no-transfers"
    NO_AUTOMATED_DECISIONS = "no-automated-decisions"
    NO_PROFILING = "no-profiling"
    IDENTITY_REQUIRED = "identity-proof-required"
    REPRESENTATIVE_ALLOWED = "representative-allowed"
    NOTICE_AVAILABILITY = "notice-availability"  # where the current notice is available


#: Statements whose text may be blank: the notice prints its standard sentence.
STANDARD_STATEMENTS = frozenset(
    {
        StatementKind.NO_DISCLOSURES,
        StatementKind.NO_TRANSFERS,
        StatementKind.NO_AUTOMATED_DECISIONS,
        StatementKind.NO_PROFILING,
        StatementKind.IDENTITY_REQUIRED,
        StatementKind.REPRESENTATIVE_ALLOWED,
    }
)


class LegalBasisArticle(StrEnum):
    """GDPR Art. 6(1) points; NATIONAL_LAW carries only a national reference."""

    CONSENT = "6.1.a"
    CONTRACT = "6.1.b"
    LEGAL_OBLIGATION = "6.1.c"
    VITAL_INTERESTS = "6.1.d"
    PUBLIC_TASK = "6.1.e"
    LEGITIMATE_INTERESTS = "6.1.f"


class SourceKind(StrEnum):
    DATA_SUBJECT = "data-subject"
    PUBLIC_REGISTER = "public-register"
    PRIVATE_REGISTER = "private-register"
    MARKET_PARTY = "market-party"
    OBSERVED = "observed"
    OTHER = "other"


class RecipientKind(StrEnum):
    AUTHORITY = "authority"
    GROUP_COMPANY = "group-company"
    MARKET_PARTY = "market-party"
    SERVICE_PROVIDER = "service-provider"
    DEBT_COLLECTION = "debt-collection"
    DATA_SUBJECT_REPRESENTATIVE = "representative"
    OTHER = "other"


class SecurityKind(StrEnum):
    TECHNICAL = "technical"
    ORGANISATIONAL = "organisational"
    MANUAL = "manual"


class PeriodUnit(StrEnum):
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"


class Safeguard(StrEnum):
    """Transfer tools of GDPR Chapter V, valid and invalid.

    The invalid ones exist because old notices still cite them and the checker must be
    able to record and flag them: Privacy Shield fell with C-311/18 (Schrems II,
    16.7.2020); the SCC decisions 2001/497/EC, 2004/915/EC and 2010/87/EU
    (C(2010)593) were repealed by Commission Implementing Decision (EU) 2021/914 with
    effect from 27.9.2021 (old contracts valid only until 27.12.2022).
    """

    ADEQUACY = "adequacy"  # Art. 45
    DPF = "dpf"  # EU-US Data Privacy Framework, adequacy decision 2023/1795
    SCC_2021 = "scc-2021-914"  # Art. 46(2)(c), Decision (EU) 2021/914
    BCR = "bcr"  # Art. 47
    DEROGATION = "art-49"  # Art. 49 derogation
    PRIVACY_SHIELD = "privacy-shield"  # invalid since C-311/18
    SCC_2001_497 = "scc-2001-497"  # repealed
    SCC_2004_915 = "scc-2004-915"  # repealed
    SCC_2010_87 = "scc-2010-87"  # repealed; cited as C(2010)593
    NONE = "none"  # no safeguard named


INVALID_SAFEGUARDS = frozenset(
    {
        Safeguard.PRIVACY_SHIELD,
        Safeguard.SCC_2001_497,
        Safeguard.SCC_2004_915,
        Safeguard.SCC_2010_87,
    }
)


class SccModule(StrEnum):
    """Modules of the 2021/914 clauses."""

    C2C = "1"  # controller to controller
    C2P = "2"  # controller to processor
    P2P = "3"  # processor to processor
    P2C = "4"  # processor to controller


class Right(StrEnum):
    """Data subject rights a request can invoke (GDPR Art. 15-22, 7(3))."""

    ACCESS = "access"  # Art. 15
    RECTIFICATION = "rectification"  # Art. 16
    ERASURE = "erasure"  # Art. 17
    RESTRICTION = "restriction"  # Art. 18
    PORTABILITY = "portability"  # Art. 20
    OBJECTION = "objection"  # Art. 21(1)
    MARKETING_BAN = "marketing-ban"  # Art. 21(2)-(3)
    CONSENT_WITHDRAWAL = "consent-withdrawal"  # Art. 7(3)
    AUTOMATED_DECISION = "automated-decision"  # Art. 22


class Channel(StrEnum):
    POST = "post"
    EMAIL = "email"
    ESERVICE = "eservice"
    PHONE = "phone"
    IN_PERSON = "in-person"


class Language(StrEnum):
    FI = "fi"
    SV = "sv"
    EN = "en"


class Authority(StrEnum):
    """On what authority a requester acts for the data subject."""

    SELF = "self"
    POWER_OF_ATTORNEY = "power-of-attorney"  # valtakirja
    GUARDIAN = "guardian"  # edunvalvoja appointed by DVV
    CONTINUING_POA = "continuing-power-of-attorney"  # edunvalvontavaltuutus
    LEGAL_COUNSEL = "legal-counsel"
    # A deceased person's estate (kuolinpesä): not a GDPR request (recital 27).
    ESTATE_SHAREHOLDER = "estate-shareholder"  # kuolinpesän osakas
    ESTATE_ADMINISTRATOR = "estate-administrator"  # pesänselvittäjä


ESTATE_AUTHORITIES = frozenset({Authority.ESTATE_SHAREHOLDER, Authority.ESTATE_ADMINISTRATOR})


class AuthorityEvidence(StrEnum):
    """What the officer saw to check a representative's authority (domain/authority.py
    says which evidence fits which kind of authority)."""

    POWER_OF_ATTORNEY = "power-of-attorney"  # valtakirja
    GUARDIANSHIP_REGISTER = "guardianship-register-extract"  # ote holhousasioiden rekisteristä
    CONFIRMATION_DECISION = "confirmation-decision"  # DVV:n vahvistamispäätös
    ESTATE_INVENTORY = "estate-inventory"  # perukirja
    COURT_ORDER = "court-order"  # tuomioistuimen päätös (pesänselvittäjä, edunvalvoja)
    COUNSEL_ASSURANCE = "counsel-assurance"  # asianajajan vakuutus toimeksiannosta
    OTHER = "other"  # described in the note


class RequestClass(StrEnum):
    GDPR = "gdpr"
    NON_GDPR = "non-gdpr"  # e.g. an estate asking about a deceased customer
    # A document request to an authority under the Act on the Openness of Government
    # Activities (621/1999): not a GDPR request, with the act's own time limit (§ 14(4)).
    PUBLICITY_ACT = "publicity-act"


class RequestStatus(StrEnum):
    RECEIVED = "received"
    AWAITING = "awaiting"  # identity proof or clarification
    IN_PROGRESS = "in-progress"
    EXTENDED = "extended"
    ANSWERED = "answered"
    CLOSED = "closed"


class Outcome(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    PARTLY = "partly"
    REFUSED = "refused"
    NOT_APPLICABLE = "not-applicable"
    # Access only: the controller processes no personal data of the data subject, so
    # Art. 15(1) is answered "no" (a negative confirmation).
    NOT_HELD = "not-held"


class IdentityMethod(StrEnum):
    IN_PERSON_DOCUMENT = "in-person-document"
    STRONG_EID = "strong-eid"
    SIGNED_LETTER_ADDRESS = "signed-letter-address"
    POPULATION_REGISTER_ADDRESS = "population-register-address"
    OTHER = "other"


class PauseKind(StrEnum):
    IDENTITY = "identity"
    CLARIFICATION = "clarification"


class DeliveryChoice(StrEnum):
    """Where a letter goes when the requested delivery address differs from the one on
    the controller's records (EDPB Guidelines 01/2022: a proportionate check)."""

    REQUESTED = "requested"  # the delivery address the requester asked for
    ON_RECORD = "on-record"  # the address on the controller's own records


class CorrectionField(StrEnum):
    """The intake facts a correction can change; stored in request_corrections.field."""

    RECEIVED_ON = "received_on"
    CHANNEL = "channel"
    LANGUAGE = "language"
    CLASSIFICATION = "classification"
    DESCRIPTION = "description"
    SUBJECT_NAME = "subject.name"
    SUBJECT_ADDRESS = "subject.address"
    SUBJECT_EMAIL = "subject.email"
    SUBJECT_PHONE = "subject.phone"
    SUBJECT_CUSTOMER_NUMBER = "subject.customer_number"
    SUBJECT_HETU = "subject.hetu"
    REQUESTER = "requester"
    REQUESTER_NAME = "requester.name"
    REQUESTER_ADDRESS = "requester.address"
    REQUESTER_EMAIL = "requester.email"
    REQUESTER_PHONE = "requester.phone"
    REQUESTER_CUSTOMER_NUMBER = "requester.customer_number"
    AUTHORITY = "authority"
    ADDRESS_ON_RECORD = "address_on_record"
    DELIVERY_ADDRESS = "delivery_address"
    CONTROLLERS = "controllers"
    ADDRESSED_TO = "addressed_to"
    REGISTERS = "registers"
    RIGHTS = "rights"


class LetterKind(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    IDENTITY_REQUEST = "identity-request"
    EXTENSION = "extension"
    ACCESS_RESPONSE = "access-response"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECTION = "objection"
    MARKETING_BAN = "marketing-ban"
    CONSENT_WITHDRAWAL = "consent-withdrawal"
    REFUSAL = "refusal"
    ACCESS_NOT_HELD = "access-not-held"  # negative confirmation, Art. 15(1) answered "no"
    # Not GDPR requests: no GDPR article, no Art. 12(3) deadline, no GDPR remedies.
    NON_GDPR_ACKNOWLEDGEMENT = "non-gdpr-acknowledgement"
    NON_GDPR_REPLY = "non-gdpr-reply"
    PUBLICITY_ACT_REPLY = "publicity-act-reply"  # 621/1999, to an authority's requester


GDPR_LETTER_KINDS = frozenset(
    set(LetterKind)
    - {
        LetterKind.NON_GDPR_ACKNOWLEDGEMENT,
        LetterKind.NON_GDPR_REPLY,
        LetterKind.PUBLICITY_ACT_REPLY,
    }
)


class LetterAudience(StrEnum):
    """Whom a letter speaks to: the data subject ("your data"), or a representative
    about the data subject ("the data concerning your principal")."""

    DATA_SUBJECT = "data-subject"
    REPRESENTATIVE = "representative"


class FeeBasis(StrEnum):
    """Why a fee is charged; a first copy of the data is always free (Art. 15(3))."""

    FURTHER_COPIES = "further-copies"  # Art. 15(3): copies beyond the first
    EXCESSIVE = "excessive"  # Art. 12(5)(a): manifestly unfounded or excessive request


class NotificationStatus(StrEnum):
    """What was done about one recipient of the register after a rectification, erasure
    or restriction (Art. 19)."""

    NOTIFIED = "notified"  # on a date
    NOT_NOTIFIED = "not-notified"  # impossible or disproportionate effort (with reason)
    NOT_A_RECIPIENT = "not-a-recipient"  # never received this person's data


class SentVia(StrEnum):
    POST = "post"
    EMAIL = "email"
    ESERVICE = "eservice"
    IN_PERSON = "in-person"


class PausePolicy(StrEnum):
    """What a request for identity proof or clarification does to the clock.

    The default is SUSPEND: EDPB Guidelines 01/2022 on the right of access (v2.0,
    adopted 28 March 2023), § 159: when the controller must ask for information because
    of uncertainty about the requester's identity, "there may be a suspension in time
    until the controller has obtained the information needed", provided it asked
    without undue delay; § 159 applies the same to asking the requester to specify a
    request (Recital 63). A suspension, not a fresh start, so RESTART (the UK rule) is
    only an option, and NONE is the strictest reading of Art. 12(3) alone.
    """

    NONE = "none"  # the clock never stops
    SUSPEND = "suspend"  # the days between asking and receiving are added
    RESTART = "restart"  # one month counted again from the day the answer arrived


class Urgency(StrEnum):
    """Dashboard classes, most urgent first."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    OK = "ok"
    SUSPENDED = "suspended"  # an open pause: no date to count to
    NO_DEADLINE = "no-deadline"  # not a GDPR request


# ------------------------------------------------------------------------ breaches


class BreachNature(StrEnum):
    """What a personal data breach compromised (Art. 4(12)); one breach may be several
    at once (WP250rev.01, taken over in EDPB Guidelines 9/2022: confidentiality,
    integrity and availability breaches)."""

    CONFIDENTIALITY = "confidentiality"  # unauthorised disclosure of, or access to, data
    INTEGRITY = "integrity"  # unauthorised or accidental alteration
    AVAILABILITY = "availability"  # loss of access or destruction


class RiskLevel(StrEnum):
    """The officer's assessment of the risk to the data subjects' rights and freedoms."""

    NONE = "none"  # unlikely to result in a risk: documented only (Art. 33(1), 33(5))
    RISK = "risk"  # the Ombudsman is notified (Art. 33(1))
    HIGH = "high"  # the data subjects are informed too (Art. 34(1))


class NotifyDecision(StrEnum):
    """The officer's decision whether the Ombudsman is notified, with reasons."""

    NOTIFY = "notify"
    NOT_REQUIRED = "not-required"


class NotificationKind(StrEnum):
    """A notification sent through the Ombudsman's e-service; Art. 33(4) allows phases."""

    COMPLETE = "complete"
    PRELIMINARY = "preliminary"
    SUPPLEMENTARY = "supplementary"


class Art34Exception(StrEnum):
    """Why data subjects of a high-risk breach need not be told individually (Art. 34(3))."""

    PROTECTED = "protected"  # (a) e.g. encrypted, unintelligible to others
    RISK_REMOVED = "risk-removed"  # (b) later measures: the high risk is no longer likely
    PUBLIC_COMMUNICATION = "public-communication"  # (c) disproportionate effort: public notice


class BreachClock(StrEnum):
    """Where a breach stands against the 72 hours of Art. 33(1), most urgent first."""

    OVERDUE = "overdue"  # past the 72 hours, neither notified nor decided not to notify
    DUE_SOON = "due-soon"  # under DUE_SOON_HOURS left
    RUNNING = "running"
    NOTIFIED = "notified"  # the Ombudsman was notified: the clock stopped
    NOT_REQUIRED = "not-required"  # a recorded decision not to notify stopped it
