"""The plain input of a privacy notice (tietosuojaseloste).

Services build a `NoticeData` from the stored register(s); the renderers turn it into a
PDF, a standalone HTML page or per-section plain text for the diff. Nothing here touches
a database or the clock: the notice date is an input, so the same data always renders the
same bytes.

Free texts and `Localized`
--------------------------
Every free-text field is typed `Text`, which is either

* a plain `str` — the officer's own words, printed as written in every language of the
  notice (an officer who keeps only Finnish gets Finnish free text inside a Swedish notice,
  which is honest: the text is data, we never machine-translate it); or
* a `Localized(fi=..., sv=..., en=...)` — per-language variants. The notice uses the
  variant of its own language; a blank variant falls back to Finnish, then to Swedish,
  then to English, so a half-translated register still prints something rather than a hole.

Closed vocabularies (legal bases, rights, safeguards, security kinds, period units…) are
enums from `rekisteri_app.domain.enums`; their wording per language lives in
`resources/notices/<lang>.json`, never in the data.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ...domain.enums import (
    ControllerRole,
    Language,
    LegalBasisArticle,
    PeriodUnit,
    RecipientKind,
    Right,
    Safeguard,
    SecurityKind,
    SourceKind,
)
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
    transfers_statement: Text = ""  # replaces the standard "no transfers" sentence
    retention: tuple[RetentionRule, ...] = ()
    retention_statement: Text = ""  # general retention policy, printed before the rules
    security: tuple[SecurityMeasure, ...] = ()
    automated_decisions: tuple[AutomatedDecision, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class RightStatement:
    """A data subject right the notice lists, with register-specific conditions
    (e.g. "Tarkastuspyyntö on tehtävä henkilökohtaisesti rekisterinpitäjän luona")."""

    right: Right
    conditions: tuple[Text, ...] = ()


@dataclass(frozen=True)
class RequestInstructions:
    """How to exercise the rights (section 13).

    `identity_proof_required` and `representative_allowed` print standard sentences; the
    one-month response time (Art. 12(3)) and the free-of-charge rule (Art. 12(5)) are always
    printed, and `notes` follow them (a register's own response-time wording goes there).
    `form` says e.g. "kirjallisesti ja allekirjoitettuna"; `identity_proof` how identity is
    verified."""

    recipient: str = ""  # e.g. "Jyväskylän Energia Oy, Asiakaspalvelu"
    address: AddressLike | None = None
    email: str = ""
    phone: str = ""
    eservice: Text = ""
    form: Text = ""
    identity_proof_required: bool = True
    identity_proof: Text = ""
    representative_allowed: bool = True
    notes: tuple[Text, ...] = ()


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

    `rights` empty means "the rights that apply to these legal bases" (see
    `applicable_rights`). `changes_policy` blank prints the standard text. `language` is
    the default language of the rendering; every renderer also takes an explicit `lang`.
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


_RIGHT_ORDER = tuple(Right)


def applicable_rights(
    bases: Iterable[LegalBasisArticle | None],
    *,
    direct_marketing: bool = False,
    automated_decisions: bool = False,
) -> tuple[Right, ...]:
    """The rights a notice should list for processing on these legal bases.

    Why here: a notice with no explicit rights must still be complete, and which rights
    exist follows from the bases (portability only for consent/contract, Art. 20(1);
    objection only for points (e) and (f), Art. 21(1); withdrawal only for consent,
    Art. 7(3)). If the domain layer grows the same rule, this should call it.
    """
    present = set(bases)
    rights = {Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION}
    if present & {LegalBasisArticle.CONSENT, LegalBasisArticle.CONTRACT}:
        rights.add(Right.PORTABILITY)
    if present & {LegalBasisArticle.PUBLIC_TASK, LegalBasisArticle.LEGITIMATE_INTERESTS}:
        rights.add(Right.OBJECTION)
    if direct_marketing:
        rights.add(Right.MARKETING_BAN)
    if LegalBasisArticle.CONSENT in present:
        rights.add(Right.CONSENT_WITHDRAWAL)
    if automated_decisions:
        rights.add(Right.AUTOMATED_DECISION)
    return tuple(r for r in _RIGHT_ORDER if r in rights)


def notice_rights(data: NoticeData) -> tuple[RightStatement, ...]:
    """The rights section's entries: the explicit ones, or those derived from the bases."""
    if data.rights:
        return data.rights
    bases: list[LegalBasisArticle | None] = []
    automated = False
    for register in data.registers:
        bases.extend(b.article for b in register.legal_bases)
        for purpose in register.purposes:
            bases.extend(purpose.bases)
        automated = automated or any(not d.is_profiling for d in register.automated_decisions)
    return tuple(RightStatement(r) for r in applicable_rights(bases, automated_decisions=automated))
