"""The plain input of a privacy notice (tietosuojaseloste).

Services build a `NoticeData` from the stored register(s); the renderers turn it into a
PDF, a standalone HTML page or per-section plain text for the diff. Nothing here touches
a database or the clock: the notice date is an input, so the same data always renders the
same bytes.

Free texts and `Localized`
--------------------------
Every free-text field is typed `Text`, which is either

* a plain `str` — the officer's own words, printed as written in every language of the
  notice. The service layer resolves a register's per-language texts before it builds
  the data (services/translations.py): a text missing in the notice's language is the
  primary-language text as recorded (we never machine-translate), and the checker lists
  what is missing for each language the officer publishes in; or
* a `Localized(fi=..., sv=..., en=...)` — per-language variants. The notice uses the
  variant of its own language; a blank variant falls back to Finnish, then to Swedish,
  then to English.

Nothing is printed that the data do not hold: a section without data prints the visible
"not recorded" placeholder, and the standard sentences for "no disclosures", "no
transfers", "no automated decisions" and the like are printed only when the officer
recorded that statement (the `no_*` fields: None = not stated, "" = stated, print the
standard sentence, text = the officer's own wording).

Closed vocabularies (legal bases, rights, safeguards, security kinds, period units…) are
enums from `rekisteri_app.domain.enums`; their wording per language lives in
`resources/notices/<lang>.json`, never in the data.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum

from ...domain.enums import (
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
)
from ...domain.rights import applicable_rights
from ...domain.supervisory_authority import OMBUDSMAN

FALLBACK_ORDER = ("fi", "sv", "en")


@dataclass(frozen=True)
class Localized:
    """One free text in up to three languages; see the module docstring for fallback."""

    fi: str = ""
    sv: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        """The variant for `lang`, else the first non-blank of fi, sv, en, else ""."""
        own = getattr(self, lang, "") if lang in FALLBACK_ORDER else ""
        if own.strip():
            return own
        for code in FALLBACK_ORDER:
            value = getattr(self, code)
            if value.strip():
                return value
        return ""


Text = str | Localized


def localize(text: Text | None, lang: str) -> str:
    """The printable string of a free text in `lang` (a plain str is used as is)."""
    if text is None:
        return ""
    if isinstance(text, Localized):
        return text.get(lang).strip()
    return text.strip()


class SectionId(StrEnum):
    """Stable identifiers of the notice's sections, in the order Finnish notices use.

    The diff and any stored "last published" text key on these, so never rename one.
    """

    CONTROLLER = "controller"
    CONTACT = "contact"
    REGISTER = "register"
    PURPOSES = "purposes"
    SUBJECTS = "subjects"
    CATEGORIES = "categories"
    SOURCES = "sources"
    RECIPIENTS = "recipients"
    TRANSFERS = "transfers"
    RETENTION = "retention"
    SECURITY = "security"
    AUTOMATED = "automated"
    RIGHTS = "rights"
    COMPLAINT = "complaint"
    CHANGES = "changes"
    VERSION = "version"


@dataclass(frozen=True)
class Address:
    """A postal or visiting address. Street and city may differ per language
    (PL/PB, Helsinki/Helsingfors), so they are `Text`; `country` is ISO 3166 alpha-2 and is
    printed (by its Babel name) only when it is not Finland."""

    street: Text = ""
    postal_code: str = ""
    city: Text = ""
    country: str = "FI"


#: Where an address is asked for, a structured `Address` or the stored one-line free text
#: (the database keeps addresses as text) are both accepted.
AddressLike = Address | Text


@dataclass(frozen=True)
class ControllerInfo:
    """One controller; a group of companies or joint controllers is several of these."""

    name: str
    business_id: str = ""  # Y-tunnus, printed as given (validated by the domain layer)
    role: ControllerRole = ControllerRole.CONTROLLER
    visiting_address: AddressLike | None = None
    postal_address: AddressLike | None = None
    phone: str = ""
    email: str = ""
    web: str = ""
    dpo_contact: Text = ""  # Art. 13(1)(b): the data protection officer's contact details
    controller_type: ControllerType | None = None
    # Group companies: the address block is that of the controller named here (printed
    # as "as for <name>", not copied); a business ID that belongs to another company is
    # printed with that company's name.
    address_as: str = ""
    business_id_owner: str = ""

    @property
    def has_contact_details(self) -> bool:
        """Section 1 gives a way to reach this controller."""
        return bool(
            self.address_as.strip()
            or self.visiting_address
            or self.postal_address
            or self.phone.strip()
            or self.email.strip()
            or self.web.strip()
        )

    @property
    def has_postal_or_email(self) -> bool:
        """Requests can be sent to section 1 (a postal address or an e-mail address)."""
        return bool(self.address_as.strip() or self.postal_address or self.email.strip())


@dataclass(frozen=True)
class OfficerInfo:
    """A data protection officer, printed once for every controller in `controllers`."""

    name: str = ""  # blank when the name is not published
    role: Text = ""
    phone: str = ""
    email: str = ""
    address: AddressLike | None = None
    web: str = ""
    controllers: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContactPerson:
    """A named person or just a role (e.g. "Tietosuojavastaava") to contact.

    `scope` limits the contact to part of the notice, e.g. Localized(fi="Puhelutallenteiden
    osalta", en="For call recordings"); blank means the whole notice.
    """

    name: str = ""
    role: Text = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    address: AddressLike | None = None
    scope: Text = ""
    web: str = ""  # "see our website"


@dataclass(frozen=True)
class LegalBasis:
    """A lawful basis: a GDPR Art. 6(1) point with optional national law references, or
    national law alone (`article=None`). `description` says how it applies, e.g. what the
    legitimate interest is — Art. 13(1)(d) requires that for point (f)."""

    article: LegalBasisArticle | None
    description: Text = ""
    laws: tuple[Text, ...] = ()  # e.g. "sähkömarkkinalaki (588/2013)"


@dataclass(frozen=True)
class Purpose:
    """A purpose of processing; `bases` names the Art. 6(1) points it rests on, which the
    notice prints next to it so that a reader sees which basis carries which purpose."""

    description: Text
    bases: tuple[LegalBasisArticle, ...] = ()


@dataclass(frozen=True)
class SubjectGroup:
    name: Text
    description: Text = ""


@dataclass(frozen=True)
class DataCategory:
    """A personal data category. `heading` is an optional group heading ("Asiakastiedot",
    "Käyttökohteen tiedot") and `subject_group` whose data it is ("Kuluttaja-asiakkaat");
    categories are printed under "subject group – heading" in first-seen order.
    `special` marks an Art. 9 special category."""

    name: Text
    heading: Text = ""
    special: bool = False
    subject_group: Text = ""
    description: Text = ""


@dataclass(frozen=True)
class Source:
    name: Text
    kind: SourceKind = SourceKind.OTHER
    description: Text = ""


@dataclass(frozen=True)
class Recipient:
    """A regular disclosure: who receives data, and (in `description`) what and why."""

    name: Text
    kind: RecipientKind = RecipientKind.OTHER
    description: Text = ""
    legal_basis: Text = ""  # on what ground the data are disclosed, e.g. a statute


@dataclass(frozen=True)
class Processor:
    """A processor (henkilötietojen käsittelijä) named by the services it provides."""

    name: str
    services: tuple[Text, ...] = ()
    country: str = ""  # ISO 3166 alpha-2 where it processes, blank if not stated
    agreement: bool = False  # a data processing agreement is recorded (Art. 28(3))
    category: bool = False  # `name` describes a category of processors, no company


@dataclass(frozen=True)
class Transfer:
    """A transfer outside the EU/EEA. `country` is ISO 3166 alpha-2, printed with Babel in
    the notice's language; `safeguard` is printed in words (invalid ones too, as recorded:
    flagging them is the compliance checker's job, not the renderer's)."""

    recipient: str
    country: str
    safeguard: Safeguard
    description: Text = ""


@dataclass(frozen=True)
class RetentionRule:
    """How long one kind of data is kept.

    Printed as "<applies_to>: <period> <trigger>", e.g. "10 vuotta" + "sopimuksen
    päättymisestä"; `trigger` is free text in the officer's language. `description`
    replaces the period when the rule cannot be said as a number (or follows it when both
    are given); `legal_ground` names the law or reason behind the period.
    """

    applies_to: Text = ""
    period_value: int | None = None
    period_unit: PeriodUnit | None = None
    trigger: Text = ""
    description: Text = ""
    legal_ground: Text = ""


@dataclass(frozen=True)
class SecurityMeasure:
    kind: SecurityKind
    text: Text


@dataclass(frozen=True)
class AutomatedDecision:
    """Automated decision-making (Art. 22) or, with `is_profiling=True`, profiling that
    leads to no automated decision; Art. 13(2)(f) asks for the logic involved and the
    significance and consequences for the data subject."""

    description: Text
    logic: Text = ""
    consequences: Text = ""
    is_profiling: bool = False


@dataclass(frozen=True)
class Note:
    """A free paragraph appended to one section of one register (e.g. a narrative about
    sources that does not split into items)."""

    section: SectionId
    text: Text


@dataclass(frozen=True)
class NoticeReference:
    """Another notice the reader is pointed to (e.g. a separate whistleblowing notice)."""

    title: Text
    url: str = ""


@dataclass(frozen=True)
class RegisterData:
    """One register (processing activity) as the notice shows it."""

    name: Text
    description: Text = ""
    purposes: tuple[Purpose, ...] = ()
    legal_bases: tuple[LegalBasis, ...] = ()
    subject_groups: tuple[SubjectGroup | Text, ...] = ()
    categories: tuple[DataCategory, ...] = ()
    provision_requirement: Text = ""  # Art. 13(2)(e): must the data be given, and why
    sources: tuple[Source, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    processors: tuple[Processor, ...] = ()
    transfers: tuple[Transfer, ...] = ()
    transfers_statement: Text = ""  # the officer's general statement on transfers
    retention: tuple[RetentionRule, ...] = ()
    retention_statement: Text = ""  # general retention policy, printed before the rules
    security: tuple[SecurityMeasure, ...] = ()
    automated_decisions: tuple[AutomatedDecision, ...] = ()
    notes: tuple[Note, ...] = ()
    purposes_statement: Text = ""  # a general statement printed with the purposes
    applicable_laws: Text = ""  # the legal framework of the processing
    disclosures_statement: Text = ""  # a general statement on disclosures
    # Explicit statements (None = not stated; "" = the standard sentence; else own text)
    no_disclosures: Text | None = None
    no_transfers: Text | None = None
    no_automated_decisions: Text | None = None
    no_profiling: Text | None = None
    references: tuple[NoticeReference, ...] = ()


@dataclass(frozen=True)
class RightStatement:
    """A data subject right the notice lists, with register-specific conditions
    (e.g. "Tarkastuspyyntö on tehtävä henkilökohtaisesti rekisterinpitäjän luona")."""

    right: Right
    conditions: tuple[Text, ...] = ()


@dataclass(frozen=True)
class RequestInstructions:
    """How to exercise the rights (section 13).

    `identity_proof_required` and `representative_allowed` print standard sentences (or
    `identity_text` / `representative_text` instead) only when the officer recorded them;
    what the GDPR itself says about the response time (Art. 12(3)) and fees (Art. 12(5))
    is always printed, and `notes` follow (a register's own response-time wording goes
    there). `form` says e.g. "kirjallisesti ja allekirjoitettuna"; `identity_proof` how
    identity is verified. Without a recipient, address, e-mail, phone or web form the
    notice names section 1 only when section 1 has a postal or e-mail address."""

    recipient: str = ""  # e.g. "Jyväskylän Energia Oy, Asiakaspalvelu"
    address: AddressLike | None = None
    email: str = ""
    phone: str = ""
    eservice: Text = ""
    form: Text = ""
    identity_proof_required: bool = False
    identity_proof: Text = ""
    representative_allowed: bool = False
    notes: tuple[Text, ...] = ()
    web_form: str = ""  # requests are made with this web form (possibly the only channel)
    identity_text: Text = ""
    representative_text: Text = ""


@dataclass(frozen=True)
class SupervisoryAuthority:
    name: Text
    visiting_address: AddressLike | None = None
    postal_address: AddressLike | None = None
    phone: Text = ""
    email: str = ""
    web: Text = ""


def _ombudsman() -> SupervisoryAuthority:
    """The notices' view of domain.supervisory_authority: one Localized per field."""
    fi, sv, en = (OMBUDSMAN[lang] for lang in ("fi", "sv", "en"))

    def each(field: str) -> Localized:
        return Localized(fi=getattr(fi, field), sv=getattr(sv, field), en=getattr(en, field))

    return SupervisoryAuthority(
        name=each("name"),
        visiting_address=Address(street=each("street"), postal_code=fi.postcode, city=each("city")),
        postal_address=Address(
            street=Localized(fi=fi.po_box, sv=sv.po_box, en=fi.po_box),
            postal_code=fi.po_postcode,
            city=each("city"),
        ),
        phone=each("phone"),
        email=fi.email,
        web=each("web"),
    )


#: The Finnish supervisory authority (contact details: domain/supervisory_authority.py).
DATA_PROTECTION_OMBUDSMAN = _ombudsman()


@dataclass(frozen=True)
class NoticeData:
    """Everything one privacy notice prints: one or more registers of one controller (or
    of a group / joint controllers) plus the notice-wide parts.

    `rights` empty means "the rights that apply to the recorded legal bases" (see
    `applicable_rights`; no bases and no rights print the placeholder). `version_label`,
    `updated_on` and `valid_from` are the notice's own recorded dates and label, printed
    instead of the app's version number and publication date. `language` is the default
    language of the rendering; every renderer also takes an explicit `lang`.
    """

    controllers: tuple[ControllerInfo, ...]
    registers: tuple[RegisterData, ...]
    contacts: tuple[ContactPerson, ...] = ()
    joint_arrangement: Text = ""  # Art. 26(2): the essence of the joint arrangement
    rights: tuple[RightStatement, ...] = ()
    requests: RequestInstructions = field(default_factory=RequestInstructions)
    authority: SupervisoryAuthority = DATA_PROTECTION_OMBUDSMAN
    title: Text = ""
    introduction: Text = ""
    changes_policy: Text = ""
    version: str = ""
    date: _dt.date | None = None
    first_published: _dt.date | None = None
    language: Language = Language.FI
    officers: tuple[OfficerInfo, ...] = ()
    notice_availability: Text = ""  # where the current notice is available
    version_label: str = ""
    valid_from: _dt.date | None = None
    updated_on: _dt.date | None = None


def notice_rights(data: NoticeData) -> tuple[RightStatement, ...]:
    """The rights section's entries: the explicit ones, or those derived from the recorded
    bases; none when neither is recorded (the notice then prints its placeholder)."""
    if data.rights:
        return data.rights
    if not any(r.legal_bases or any(p.bases for p in r.purposes) for r in data.registers):
        return ()
    bases: list[LegalBasisArticle | None] = []
    automated = False
    for register in data.registers:
        bases.extend(b.article for b in register.legal_bases)
        for purpose in register.purposes:
            bases.extend(purpose.bases)
        automated = automated or any(not d.is_profiling for d in register.automated_decisions)
    return tuple(RightStatement(r) for r in applicable_rights(bases, automated_decisions=automated))
