"""The plain data a letter is rendered from.

Services build these from the database; the letter engine never looks anything up, so a
letter is fully determined by one `LetterData` value (plus the officer's wording
overrides and the copy/draft flags). Everything is frozen and made of tuples so that the
same input can be hashed, compared and rendered to the same bytes again.

Free texts (register names, purposes, reasons...) are printed as given: the caller passes
them in the letter's language. Closed vocabularies (rights, outcomes, safeguards, legal
bases, identity methods) are enums and are worded by the language's template file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...domain.enums import (
    ESTATE_AUTHORITIES,
    Authority,
    FeeBasis,
    IdentityMethod,
    Language,
    LegalBasisArticle,
    LetterAudience,
    LetterKind,
    NotificationStatus,
    Outcome,
    RequestClass,
    Right,
    Safeguard,
    SentVia,
)
from ...domain.supervisory_authority import OMBUDSMAN


@dataclass(frozen=True)
class Organisation:
    """The controller as printed in the letterhead and the footer."""

    name: str
    business_id: str
    postal_address: tuple[str, ...]  # e.g. ("PL 12", "40101 Jyväskylä")
    visiting_address: str = ""
    phone: str = ""
    email: str = ""
    web: str = ""
    logo: bytes | None = None  # PNG or JPEG; drawn top left, at most 70 x 14 mm


@dataclass(frozen=True)
class Officer:
    """Who signs the letter and answers questions about it."""

    name: str
    title: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Recipient:
    """Who the letter is posted to: the data subject or their representative.

    When `authority` is not SELF, the letter names the data subject in the body
    (`LetterData.data_subject_name`) and says in what capacity the recipient acts.
    Address lines follow Posti's order: c/o or department, street or PL, postcode + town.
    """

    name: str
    address_lines: tuple[str, ...]
    authority: Authority = Authority.SELF

    @property
    def audience(self) -> LetterAudience:
        if self.authority is Authority.SELF:
            return LetterAudience.DATA_SUBJECT
        return LetterAudience.REPRESENTATIVE

    @property
    def for_estate(self) -> bool:
        return self.authority in ESTATE_AUTHORITIES


@dataclass(frozen=True)
class Ground:
    """Why a right was refused or limited, or why data is kept.

    `code` is the caller's stable identifier (stored, not printed). `article` is printed:
    a GDPR reference such as "17(3)(b)" gets the language's "GDPR Art." prefix; anything
    starting with a letter (e.g. "Kirjanpitolaki 2:10 §") is printed verbatim.
    """

    code: str
    article: str
    reason: str


@dataclass(frozen=True)
class RightDecision:
    """One right the request invoked and, once decided, its outcome."""

    right: Right
    outcome: Outcome = Outcome.PENDING
    grounds: tuple[Ground, ...] = ()


@dataclass(frozen=True)
class LegalBasis:
    article: LegalBasisArticle | None
    text: str = ""  # e.g. the national law or the legitimate interest pursued


@dataclass(frozen=True)
class Transfer:
    """A transfer outside the EU/EEA (Art. 15(1)(c) and 15(2))."""

    country: str
    safeguard: Safeguard
    recipient: str = ""


@dataclass(frozen=True)
class RegisterInfo:
    """What Art. 15(1)(a)-(h) and 15(2) require to be told about one register.

    An empty list prints "–" unless the register records a statement that there is
    none: `no_disclosures`, `no_transfers`, `no_automated`, `no_profiling` hold the
    statement's own text ("" for the standard sentence), None when not recorded."""

    name: str
    purposes: tuple[str, ...] = ()
    legal_bases: tuple[LegalBasis, ...] = ()
    data_categories: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    retention: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    automated_decisions: str = ""  # empty: see no_automated
    no_disclosures: str | None = None
    no_transfers: str | None = None
    no_automated: str | None = None
    no_profiling: str | None = None


@dataclass(frozen=True)
class ErasureDecision:
    """Per data category: erased, or kept until a date because of a ground."""

    category: str
    erased: bool
    kept_until: date | None = None
    ground: Ground | None = None


@dataclass(frozen=True)
class DataCopyEntry:
    """One data category of the Art. 15(3) copy, as the officer filled it in."""

    category: str
    content: str


@dataclass(frozen=True)
class SupervisoryAuthority:
    """Contact details printed wherever a letter tells about the right to complain."""

    name: str
    visiting_address: str
    postal_address: str
    phone: str
    email: str
    web: str


def _from_domain(language: Language) -> SupervisoryAuthority:
    """Letters abroad (English) carry the country and the FI- postcode prefix."""
    a = OMBUDSMAN[language.value]
    if language is Language.EN:
        return SupervisoryAuthority(
            name=a.name,
            visiting_address=f"{a.street}, FI-{a.postcode} {a.city}, Finland",
            postal_address=f"{a.po_box}, FI-{a.po_postcode} {a.city}, Finland",
            phone=a.phone,
            email=a.email,
            web=a.web,
        )
    return SupervisoryAuthority(
        name=a.name,
        visiting_address=f"{a.street}, {a.postcode} {a.city}",
        postal_address=f"{a.po_box}, {a.po_postcode} {a.city}",
        phone=a.phone,
        email=a.email,
        web=a.web,
    )


DEFAULT_SUPERVISORY_AUTHORITY: dict[Language, SupervisoryAuthority] = {
    language: _from_domain(language) for language in Language
}


def default_supervisory_authority(language: Language | str) -> SupervisoryAuthority:
    return DEFAULT_SUPERVISORY_AUTHORITY[Language(language)]


@dataclass(frozen=True)
class IdentityRequest:
    """What an identity-request letter asks for: only what is needed, never an ID copy."""

    needed: tuple[str, ...]
    methods: tuple[IdentityMethod | str, ...] = ()  # a str is a method in the officer's words
    reply_by: date | None = None


@dataclass(frozen=True)
class Notification:
    """Art. 19 for one recipient, as recorded (NOT_A_RECIPIENT ones are not printed)."""

    recipient: str
    status: NotificationStatus
    notified_on: date | None = None
    reason: str = ""


@dataclass(frozen=True)
class OtherHolder:
    """Another controller that may hold the data, named by the officer's choice, with how
    to reach it; `scope` says which data ("metering data of the distribution network")."""

    name: str
    contact: str
    scope: str = ""


@dataclass(frozen=True)
class Fee:
    """A recorded fee: what for, how much (EUR cents), why, and how the amount follows
    from the administrative costs."""

    basis: FeeBasis
    cents: int
    reason: str
    costs: str


@dataclass(frozen=True)
class DocumentDecision:
    """One document of a Publicity Act request: given, or refused with the reason."""

    document: str
    given: bool
    reason: str = ""


@dataclass(frozen=True)
class LetterData:
    """Everything one letter prints. Dates are calendar dates in Europe/Helsinki."""

    kind: LetterKind
    language: Language
    organisation: Organisation
    officer: Officer
    recipient: Recipient
    data_subject_name: str
    case_number: str
    issue_date: date  # printed as the letter's date; never taken from the clock
    received_on: date
    due_date: date  # the one-month time limit of Art. 12(3)
    reference: str = ""  # "Viite" as the officer wrote it; empty: built from request_date
    request_date: date | None = None  # the date of the requester's letter, for "Viite"
    matter: str = ""  # "Asia": empty uses the kind's default wording
    extended_due_date: date | None = None
    extension_reasons: str = ""
    rights: tuple[RightDecision, ...] = ()
    registers: tuple[RegisterInfo, ...] = ()
    erasure_decisions: tuple[ErasureDecision, ...] = ()
    # Art. 19 as recorded per recipient; `art19_complete`: every recipient of the
    # registers has a record; `recipients_requested`: the data subject asked for the list
    notifications: tuple[Notification, ...] = ()
    art19_complete: bool = False
    recipients_requested: bool = False
    actions: tuple[str, ...] = ()  # what was done: "Osoite korjattu asiakasrekisteriin"
    data_copy: tuple[DataCopyEntry, ...] = ()
    enclosures: tuple[str, ...] = ()
    supervisory_authority: SupervisoryAuthority | None = None  # None: the default
    refusal_reasons: str = ""
    identity_request: IdentityRequest | None = None
    identity_verified: bool = False
    sent_via: SentVia | None = None
    # The other controllers this answer is given for (group companies, joint
    # controllers of Art. 26); `organisation` is the one in the letterhead.
    other_controllers: tuple[str, ...] = ()
    request_class: RequestClass = RequestClass.GDPR
    fee: Fee | None = None
    other_holders: tuple[OtherHolder, ...] = ()  # chosen by the officer for this letter
    register_names: tuple[str, ...] = ()  # the registers the answer covers (not-held)
    answer: str = ""  # the officer's answer to a request outside the GDPR
    documents: tuple[DocumentDecision, ...] = ()  # Publicity Act reply
    # Describe a repealed or invalid transfer tool as such (the officer's choice);
    # otherwise the letter names the safeguard as the register records it.
    state_invalid_safeguards: bool = False
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=True)
    """Extra placeholder values for wording the officer wrote ({name} -> text)."""

    @property
    def authority(self) -> SupervisoryAuthority:
        return self.supervisory_authority or default_supervisory_authority(self.language)

    @property
    def effective_due_date(self) -> date:
        """The time limit in force: the extended one when the reply was extended."""
        return self.extended_due_date or self.due_date

    @property
    def is_late(self) -> bool:
        if self.request_class is RequestClass.NON_GDPR:
            return False  # no statutory time limit to miss
        return self.issue_date > self.effective_due_date
