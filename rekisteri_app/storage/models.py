"""The relational model: every field of the five seed notices, the requests and letters.

Enumerated columns store the StrEnum values of `domain.enums` as plain strings, so the
JSON exchange format and the command line use the same words as the database.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ..domain.repeat_requests import normalise_name
from ..i18n import _

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _owned(order: str = "position") -> dict:
    """Relationship options for rows that live and die with their parent."""
    return {"cascade": "all, delete-orphan", "order_by": order}


def _translations() -> Mapped[dict | None]:
    """Free texts in the languages other than the primary one: {"sv": {"field": "text"}}.

    The plain columns hold the primary language (the register's `language`); see
    domain/translations.py for which fields of each model are translated.
    """
    return mapped_column(JSON)


# --------------------------------------------------------------------- organisation


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Controller(Base):
    __tablename__ = "controllers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    business_id: Mapped[str | None] = mapped_column(String(20))
    visiting_address: Mapped[str | None] = mapped_column(Text)
    postal_address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(300))
    web: Mapped[str | None] = mapped_column(String(300))
    dpo_contact: Mapped[str | None] = mapped_column(Text)
    controller_type: Mapped[str | None] = mapped_column(String(30))
    # No ondelete: SQLite's default (NO ACTION) refuses deleting what is referred to, and
    # migration 0005 adds these columns in place, where SQLite cannot reflect an ON DELETE.
    dpo_id: Mapped[int | None] = mapped_column(ForeignKey("dpos.id"))
    # Group companies print one address block or business ID instead of copying it.
    address_from_id: Mapped[int | None] = mapped_column(ForeignKey("controllers.id"))
    business_id_from_id: Mapped[int | None] = mapped_column(ForeignKey("controllers.id"))
    translations: Mapped[dict | None] = _translations()
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="controller", **_owned("Contact.position")
    )
    dpo: Mapped[DataProtectionOfficer | None] = relationship()
    address_from: Mapped[Controller | None] = relationship(
        remote_side="Controller.id", foreign_keys=[address_from_id]
    )
    business_id_from: Mapped[Controller | None] = relationship(
        remote_side="Controller.id", foreign_keys=[business_id_from_id]
    )


class DataProtectionOfficer(Base):
    """A data protection officer (Art. 37-39), possibly shared by several controllers of a
    group; printed once in a notice, however many of its controllers the notice names."""

    __tablename__ = "dpos"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str | None] = mapped_column(String(300))
    publish_name: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    role: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(Text)
    web: Mapped[str | None] = mapped_column(String(300))
    translations: Mapped[dict | None] = _translations()


class Contact(Base):
    """A contact person, or only a role (e.g. "asiakaspalvelu") when no name is published."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    controller_id: Mapped[int | None] = mapped_column(
        ForeignKey("controllers.id", ondelete="CASCADE")
    )
    register_id: Mapped[int | None] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str | None] = mapped_column(String(300))
    role: Mapped[str | None] = mapped_column(String(300))
    scope: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(Text)
    web: Mapped[str | None] = mapped_column(String(300))  # "see our website"
    # A named person whose name stays in the record but is not printed (role only).
    publish_name: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    translations: Mapped[dict | None] = _translations()
    controller: Mapped[Controller | None] = relationship(back_populates="contacts")
    register: Mapped[Register | None] = relationship(back_populates="contacts")


# ------------------------------------------------------------------------ registers


class Register(Base):
    __tablename__ = "registers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    provision_requirement: Mapped[str | None] = mapped_column(Text)
    rights_instructions: Mapped[str | None] = mapped_column(Text)
    identity_proof: Mapped[str | None] = mapped_column(Text)
    response_time: Mapped[str | None] = mapped_column(Text)
    request_address: Mapped[str | None] = mapped_column(Text)
    changes_policy: Mapped[str | None] = mapped_column(Text)
    transfers_statement: Mapped[str | None] = mapped_column(Text)
    retention_statement: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2), default="fi", server_default="fi")
    languages: Mapped[list | None] = mapped_column(JSON)  # published; None = [language]
    joint_arrangement: Mapped[str | None] = mapped_column(Text)  # Art. 26(2)
    request_web_form: Mapped[str | None] = mapped_column(String(300))
    notice_valid_from: Mapped[date | None] = mapped_column(Date)
    notice_updated_on: Mapped[date | None] = mapped_column(Date)
    notice_version_label: Mapped[str | None] = mapped_column(String(60))
    translations: Mapped[dict | None] = _translations()

    controllers: Mapped[list[RegisterController]] = relationship(
        back_populates="register", **_owned("RegisterController.position")
    )
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="register", **_owned("Contact.position")
    )
    purposes: Mapped[list[Purpose]] = relationship(**_owned("Purpose.position"))
    legal_bases: Mapped[list[LegalBasis]] = relationship(**_owned("LegalBasis.position"))
    subject_groups: Mapped[list[SubjectGroup]] = relationship(**_owned("SubjectGroup.position"))
    data_categories: Mapped[list[DataCategory]] = relationship(
        back_populates="register", **_owned("DataCategory.position")
    )
    retention_rules: Mapped[list[RetentionRule]] = relationship(**_owned("RetentionRule.position"))
    sources: Mapped[list[Source]] = relationship(**_owned("Source.position"))
    recipients: Mapped[list[Recipient]] = relationship(**_owned("Recipient.position"))
    processors: Mapped[list[RegisterProcessor]] = relationship(
        back_populates="register", **_owned("RegisterProcessor.position")
    )
    transfers: Mapped[list[Transfer]] = relationship(
        back_populates="register", **_owned("Transfer.position")
    )
    security_measures: Mapped[list[SecurityMeasure]] = relationship(
        **_owned("SecurityMeasure.position")
    )
    automated_decisions: Mapped[list[AutomatedDecision]] = relationship(
        **_owned("AutomatedDecision.position")
    )
    rights: Mapped[list[RegisterRight]] = relationship(**_owned("RegisterRight.position"))
    statements: Mapped[list[Statement]] = relationship(**_owned("Statement.position"))
    notice_references: Mapped[list[NoticeReference]] = relationship(
        foreign_keys="NoticeReference.register_id", **_owned("NoticeReference.position")
    )
    notice_versions: Mapped[list[NoticeVersion]] = relationship(
        back_populates="register", **_owned("NoticeVersion.id")
    )


class RegisterController(Base):
    __tablename__ = "register_controllers"
    __table_args__ = (UniqueConstraint("register_id", "controller_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    controller_id: Mapped[int] = mapped_column(ForeignKey("controllers.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(30), default="controller")
    position: Mapped[int] = mapped_column(Integer, default=0)
    register: Mapped[Register] = relationship(back_populates="controllers")
    controller: Mapped[Controller] = relationship()


class _RegisterItem:
    """Columns shared by the simple ordered lists of a register."""

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    translations: Mapped[dict | None] = _translations()


class Purpose(_RegisterItem, Base):
    __tablename__ = "purposes"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    bases: Mapped[list | None] = mapped_column(JSON)  # Art. 6(1) points it rests on


class LegalBasis(_RegisterItem, Base):
    """An Art. 6(1) point, a national law reference, or both, with a free description."""

    __tablename__ = "legal_bases"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    article: Mapped[str | None] = mapped_column(String(10))
    national_law: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)


class SubjectGroup(_RegisterItem, Base):
    __tablename__ = "subject_groups"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)


class DataCategory(_RegisterItem, Base):
    __tablename__ = "data_categories"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    heading: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    special: Mapped[bool] = mapped_column(Boolean, default=False)
    subject_group: Mapped[str | None] = mapped_column(Text)
    register: Mapped[Register] = relationship(back_populates="data_categories")


class RetentionRule(_RegisterItem, Base):
    """Period + trigger ("10 years after the contract ends"), or a free statement."""

    __tablename__ = "retention_rules"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    data_category_id: Mapped[int | None] = mapped_column(
        ForeignKey("data_categories.id", ondelete="SET NULL")
    )
    applies_to: Mapped[str | None] = mapped_column(Text)
    period_value: Mapped[int | None] = mapped_column(Integer)
    period_unit: Mapped[str | None] = mapped_column(String(10))
    trigger: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    legal_ground: Mapped[str | None] = mapped_column(Text)
    data_category: Mapped[DataCategory | None] = relationship()


class Source(_RegisterItem, Base):
    __tablename__ = "sources"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(30), default="other")
    description: Mapped[str | None] = mapped_column(Text)


class Recipient(_RegisterItem, Base):
    __tablename__ = "recipients"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(30), default="other")
    description: Mapped[str | None] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(Text)


class SecurityMeasure(_RegisterItem, Base):
    __tablename__ = "security_measures"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)


class AutomatedDecision(_RegisterItem, Base):
    """Art. 22 decisions and profiling, with the Art. 13(2)(f) information."""

    __tablename__ = "automated_decisions"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    description: Mapped[str] = mapped_column(Text)
    logic: Mapped[str | None] = mapped_column(Text)
    consequences: Mapped[str | None] = mapped_column(Text)
    is_profiling: Mapped[bool] = mapped_column(Boolean, default=False)


class RegisterRight(_RegisterItem, Base):
    """How a right is exercised in this register, with its published conditions."""

    __tablename__ = "register_rights"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    right: Mapped[str] = mapped_column(String(30))
    description: Mapped[str | None] = mapped_column(Text)


class Statement(_RegisterItem, Base):
    """Something the officer states explicitly (domain.enums.StatementKind), e.g. that
    no data are transferred outside the EU/EEA; blank text = the standard sentence."""

    __tablename__ = "statements"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str | None] = mapped_column(Text)


class NoticeReference(_RegisterItem, Base):
    """A cross-reference to another notice, e.g. a separate whistleblowing notice: a
    register of this database, a web address, or both."""

    __tablename__ = "notice_references"
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(300))
    target_id: Mapped[int | None] = mapped_column(ForeignKey("registers.id", ondelete="SET NULL"))
    target: Mapped[Register | None] = relationship(foreign_keys=[target_id])


class NoticeVersion(Base):
    """A dated notice; `content` is empty for versions known only by their date."""

    __tablename__ = "notice_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    version: Mapped[str] = mapped_column(String(30))
    issued_on: Mapped[date] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(2))
    format: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    sections_json: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    register: Mapped[Register] = relationship(back_populates="notice_versions")


# ---------------------------------------------------------- processors and transfers


class Processor(Base):
    __tablename__ = "processors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    business_id: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(2))
    address: Mapped[str | None] = mapped_column(Text)
    contact_name: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(100))
    services: Mapped[str | None] = mapped_column(Text)  # one service per line
    dpa_signed_on: Mapped[date | None] = mapped_column(Date)
    dpa_review_on: Mapped[date | None] = mapped_column(Date)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("processors.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    # The name describes a category ("billing and meter reading services"), no company.
    is_category: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    translations: Mapped[dict | None] = _translations()
    parent: Mapped[Processor | None] = relationship(remote_side="Processor.id")


class RegisterProcessor(Base):
    __tablename__ = "register_processors"
    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    processor_id: Mapped[int] = mapped_column(ForeignKey("processors.id", ondelete="RESTRICT"))
    service: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    translations: Mapped[dict | None] = _translations()
    register: Mapped[Register] = relationship(back_populates="processors")
    processor: Mapped[Processor] = relationship()


class Transfer(Base):
    __tablename__ = "transfers"
    id: Mapped[int] = mapped_column(primary_key=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="CASCADE"))
    processor_id: Mapped[int | None] = mapped_column(
        ForeignKey("processors.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    country: Mapped[str] = mapped_column(String(3))  # ISO 3166 alpha-2, or "EPO"
    recipient: Mapped[str] = mapped_column(String(300))
    safeguard: Mapped[str] = mapped_column(String(20))
    scc_module: Mapped[str | None] = mapped_column(String(2))
    dpf_checked_on: Mapped[date | None] = mapped_column(Date)
    derogation: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
    translations: Mapped[dict | None] = _translations()
    register: Mapped[Register] = relationship(back_populates="transfers")
    processor: Mapped[Processor | None] = relationship()


# ------------------------------------------------------------------ rights requests


class Person(Base):
    """A data subject or a requester; identity codes only as a keyed hash."""

    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(100))
    customer_number: Mapped[str | None] = mapped_column(String(100))
    hetu_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    # normalise_name(name), kept by the ORM hooks below: the repeat check looks a name up
    # in this index instead of normalising every stored name (never exported).
    name_key: Mapped[str | None] = mapped_column(String(300), index=True)


@event.listens_for(Person, "before_insert")
@event.listens_for(Person, "before_update")
def _person_name_key(_mapper, _connection, target: Person) -> None:
    target.name_key = normalise_name(target.name or "")


# Columns of `requests` derived from its facts by services/requests/deadlines.py
# (`store_deadline`), written in the same transaction as the change that affects them and
# recomputable at any time: never exported, never edited by hand.
DERIVED_REQUEST_COLUMNS = frozenset(
    {
        "due_on",
        "extended_due_on",
        "effective_due_on",
        "clock_state",
        "awaiting_identity",
        "deadline_problem",
    }
)


class RightsRequest(Base):
    __tablename__ = "requests"
    __table_args__ = (
        UniqueConstraint("case_number"),
        # The list's order (services/requests/queries.py), so that its first page is an
        # index walk: clock state first ("dated" < "suspended" < "undated"), then dates.
        Index(
            "ix_requests_due_order", "clock_state", "effective_due_on", "received_on", "case_number"
        ),
        Index(
            "ix_requests_status_due",
            "status",
            "clock_state",
            "effective_due_on",
            "received_on",
            "case_number",
        ),
        Index("ix_requests_year_sequence", "year", "sequence"),  # the next case number
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(30))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    logged_at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(2))
    classification: Mapped[str] = mapped_column(String(20), default="gdpr")
    status: Mapped[str] = mapped_column(String(20), default="received", index=True)
    controller_id: Mapped[int | None] = mapped_column(
        ForeignKey("controllers.id", ondelete="RESTRICT")
    )
    subject_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="RESTRICT"))
    requester_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="RESTRICT"))
    authority: Mapped[str] = mapped_column(String(40), default="self")
    authority_checked_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)
    extended_on: Mapped[date | None] = mapped_column(Date)
    extension_reasons: Mapped[str | None] = mapped_column(Text)
    fee_reason: Mapped[str | None] = mapped_column(Text)
    answered_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # Derived (DERIVED_REQUEST_COLUMNS): NULL clock_state means not computed yet.
    due_on: Mapped[date | None] = mapped_column(Date)
    extended_due_on: Mapped[date | None] = mapped_column(Date)
    effective_due_on: Mapped[date | None] = mapped_column(Date)
    clock_state: Mapped[str | None] = mapped_column(String(10))
    awaiting_identity: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    deadline_problem: Mapped[str | None] = mapped_column(String(20))
    # The subject's address as the controller's own records hold it (typed in by the
    # officer after checking), and where the reply goes when not to the claimed address.
    address_on_record: Mapped[str | None] = mapped_column(Text)
    delivery_address: Mapped[str | None] = mapped_column(Text)
    # the retention purge left only a pseudonymous row (services/requests/retention.py)
    purged_on: Mapped[date | None] = mapped_column(Date)

    # `controller` is the one the request was addressed to; `controllers` lists every
    # controller the case concerns (the addressed one included), each with its role.
    controller: Mapped[Controller | None] = relationship()
    subject: Mapped[Person] = relationship(foreign_keys=[subject_id])
    requester: Mapped[Person | None] = relationship(foreign_keys=[requester_id])
    controllers: Mapped[list[RequestController]] = relationship(
        back_populates="request", **_owned("RequestController.position")
    )
    registers: Mapped[list[RequestRegister]] = relationship(
        back_populates="request", **_owned("RequestRegister.id")
    )
    rights: Mapped[list[RequestRight]] = relationship(
        back_populates="request", **_owned("RequestRight.id")
    )
    identity_checks: Mapped[list[IdentityCheck]] = relationship(**_owned("IdentityCheck.id"))
    pauses: Mapped[list[Pause]] = relationship(**_owned("Pause.id"))
    events: Mapped[list[CaseEvent]] = relationship(**_owned("CaseEvent.id"))
    attachments: Mapped[list[Attachment]] = relationship(**_owned("Attachment.id"))
    legal_holds: Mapped[list[LegalHold]] = relationship(**_owned("LegalHold.id"))
    letters: Mapped[list[Letter]] = relationship(back_populates="request", **_owned("Letter.id"))
    corrections: Mapped[list[RequestCorrection]] = relationship(**_owned("RequestCorrection.id"))


class RequestController(Base):
    """A controller the case concerns: a group company or a joint controller (Art. 26)."""

    __tablename__ = "request_controllers"
    __table_args__ = (UniqueConstraint("request_id", "controller_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    controller_id: Mapped[int] = mapped_column(ForeignKey("controllers.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(30), default="controller")
    position: Mapped[int] = mapped_column(Integer, default=0)
    request: Mapped[RightsRequest] = relationship(back_populates="controllers")
    controller: Mapped[Controller] = relationship()


class RequestCorrection(Base):
    """One intake field corrected after intake: what it was, what it became, and why."""

    __tablename__ = "request_corrections"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime)
    field: Mapped[str] = mapped_column(String(40))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(100))


class RequestRegister(Base):
    __tablename__ = "request_registers"
    __table_args__ = (UniqueConstraint("request_id", "register_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="RESTRICT"))
    request: Mapped[RightsRequest] = relationship(back_populates="registers")
    register: Mapped[Register] = relationship()


class RequestRight(Base):
    __tablename__ = "request_rights"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    right: Mapped[str] = mapped_column(String(30))
    outcome: Mapped[str] = mapped_column(String(20), default="pending")
    legal_ground: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[date | None] = mapped_column(Date)
    raised_on: Mapped[date | None] = mapped_column(Date)  # None: raised with the request
    request: Mapped[RightsRequest] = relationship(back_populates="rights")
    erasures: Mapped[list[ErasureDecision]] = relationship(**_owned("ErasureDecision.id"))


class ErasureDecision(Base):
    """Per data category: erased, or kept until a date because of a ground."""

    __tablename__ = "erasure_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_right_id: Mapped[int] = mapped_column(
        ForeignKey("request_rights.id", ondelete="CASCADE")
    )
    data_category_id: Mapped[int | None] = mapped_column(
        ForeignKey("data_categories.id", ondelete="SET NULL")
    )
    category_name: Mapped[str] = mapped_column(Text)
    erased: Mapped[bool] = mapped_column(Boolean)
    kept_until: Mapped[date | None] = mapped_column(Date)
    legal_ground: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)
    data_category: Mapped[DataCategory | None] = relationship()


class IdentityCheck(Base):
    """Minimised evidence only: document type and its last four characters."""

    __tablename__ = "identity_checks"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    method: Mapped[str] = mapped_column(String(40))
    verified_by: Mapped[str] = mapped_column(String(300))
    verified_on: Mapped[date] = mapped_column(Date)
    document_type: Mapped[str | None] = mapped_column(String(100))
    document_last4: Mapped[str | None] = mapped_column(String(4))
    note: Mapped[str | None] = mapped_column(Text)


class Pause(Base):
    """Identity proof or clarification asked and received (EDPB 01/2022 pause policy)."""

    __tablename__ = "pauses"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    asked_on: Mapped[date] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class CaseEvent(Base):
    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(100))


class Attachment(Base):
    """A scan kept inside the encrypted database, never beside it."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(DateTime)


class LegalHold(Base):
    __tablename__ = "legal_holds"
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    data_category_id: Mapped[int | None] = mapped_column(
        ForeignKey("data_categories.id", ondelete="SET NULL")
    )
    category_name: Mapped[str] = mapped_column(Text)
    placed_on: Mapped[date] = mapped_column(Date)
    # A hold for a pending request protects the data from the day the request arrived,
    # not from the day it was typed in (None in rows from before this column: placed_on).
    effective_from: Mapped[date | None] = mapped_column(Date)
    released_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    data_category: Mapped[DataCategory | None] = relationship()


# ------------------------------------------------------------------------ letters


class Letter(Base):
    """An issued letter: immutable once stored (the ORM guard below refuses updates)."""

    __tablename__ = "letters"
    # The Letters page reads its rows from this index alone: in the table, `sha256` and
    # `created_at` come after the PDF bytes, and reading them would read every PDF.
    __table_args__ = (
        Index(
            "ix_letters_list",
            "issued_on",
            "id",
            "request_id",
            "kind",
            "language",
            "sent_via",
            "sha256",
            "created_at",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    language: Mapped[str] = mapped_column(String(2))
    issued_on: Mapped[date] = mapped_column(Date)
    sent_via: Mapped[str] = mapped_column(String(20))
    # deferred: lists and deadline checks read the metadata, never megabytes of PDF
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # the retention purge erased the PDF; kind, dates and the SHA-256 of what was sent stay
    purged_on: Mapped[date | None] = mapped_column(Date)
    request: Mapped[RightsRequest] = relationship(back_populates="letters")


class LetterImmutable(ValueError):
    """An attempt to change an issued letter; the message is translated for the user."""


@event.listens_for(Letter, "before_update")
def _refuse_letter_update(_mapper, _connection, target: Letter) -> None:
    """Issued letters are archive records. The guard is registered with the model, so it
    holds for every session of every process, whichever modules it imported. The one
    change allowed is the retention purge's: the PDF erased (empty) and `purged_on` set."""
    from sqlalchemy import inspect

    state = inspect(target)
    changed = {a.key for a in state.attrs if a.history.has_changes()}
    if changed <= {"pdf", "purged_on"} and target.purged_on is not None and not target.pdf:
        return
    raise LetterImmutable(
        _("An issued letter cannot be changed (letter {id}).").format(id=target.id)
    )


class LetterTemplate(Base):
    """The officer's wording of a letter kind; the newest version per kind+language wins."""

    __tablename__ = "letter_templates"
    __table_args__ = (UniqueConstraint("kind", "language", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    language: Mapped[str] = mapped_column(String(2))
    version: Mapped[int] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)  # None = reset to the shipped default
    created_at: Mapped[datetime] = mapped_column(DateTime)


# -------------------------------------------------------------------------- audit


class AuditEvent(Base):
    """Append-only, hash-chained: each hash covers the previous event's hash."""

    __tablename__ = "audit_events"
    # The Audit page pages through the trail newest first (id order within each index
    # entry), by kind of entity, by one entity (a case number) and by date.
    __table_args__ = (
        Index("ix_audit_events_entity", "entity"),
        Index("ix_audit_events_entity_id", "entity_id"),
        Index("ix_audit_events_at", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(40))  # ISO 8601 UTC, kept as text for hashing
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str | None] = mapped_column(String(60))
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)
    # Scheme 2 (storage/audit.py): the hash covers salted digests of the snapshots, so
    # the retention purge can erase a snapshot (payloads and salt) and keep the chain.
    scheme: Mapped[int] = mapped_column(Integer, default=2, server_default="1")
    payload_salt: Mapped[str | None] = mapped_column(String(32))
    before_digest: Mapped[str | None] = mapped_column(String(64))
    after_digest: Mapped[str | None] = mapped_column(String(64))
    erased_on: Mapped[str | None] = mapped_column(String(10))  # ISO date of the erasure
    legacy_hash: Mapped[str | None] = mapped_column(String(64))  # the hash before 0008
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


# ------------------------------------------------------------------------ breaches


class Breach(Base):
    """A personal data breach as Art. 33(5) wants it documented: the facts, the effects
    and the remedial action. Moments are naive UTC; `aware_at` starts the 72 hours."""

    __tablename__ = "breaches"
    __table_args__ = (UniqueConstraint("reference"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(30))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    logged_at: Mapped[datetime] = mapped_column(DateTime)
    aware_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    occurred_from: Mapped[datetime | None] = mapped_column(DateTime)
    occurred_to: Mapped[datetime | None] = mapped_column(DateTime)
    occurred_unknown: Mapped[bool] = mapped_column(Boolean, default=False)
    discovered_how: Mapped[str | None] = mapped_column(Text)
    discovered_by: Mapped[str | None] = mapped_column(String(300))
    controller_id: Mapped[int | None] = mapped_column(
        ForeignKey("controllers.id", ondelete="RESTRICT")
    )
    processor_id: Mapped[int | None] = mapped_column(
        ForeignKey("processors.id", ondelete="RESTRICT")
    )  # Art. 33(2): the processor that reported the breach
    processor_reported_at: Mapped[datetime | None] = mapped_column(DateTime)
    confidentiality: Mapped[bool] = mapped_column(Boolean, default=False)
    integrity: Mapped[bool] = mapped_column(Boolean, default=False)
    availability: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text)
    subject_groups: Mapped[str | None] = mapped_column(Text)  # one group per line
    subject_count: Mapped[int | None] = mapped_column(Integer)  # approximate
    record_count: Mapped[int | None] = mapped_column(Integer)  # approximate
    consequences: Mapped[str | None] = mapped_column(Text)
    risk_level: Mapped[str | None] = mapped_column(String(10))
    risk_reasoning: Mapped[str | None] = mapped_column(Text)
    measures_taken: Mapped[str | None] = mapped_column(Text)
    measures_proposed: Mapped[str | None] = mapped_column(Text)
    notify_decision: Mapped[str | None] = mapped_column(String(20))
    decision_reasons: Mapped[str | None] = mapped_column(Text)
    delay_reasons: Mapped[str | None] = mapped_column(Text)
    subjects_informed_at: Mapped[datetime | None] = mapped_column(DateTime)
    subjects_informed_how: Mapped[str | None] = mapped_column(Text)
    art34_exception: Mapped[str | None] = mapped_column(String(30))
    informing_reasons: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None] = mapped_column(Date)

    controller: Mapped[Controller | None] = relationship()
    processor: Mapped[Processor | None] = relationship()
    registers: Mapped[list[BreachRegister]] = relationship(**_owned("BreachRegister.id"))
    categories: Mapped[list[BreachCategory]] = relationship(**_owned("BreachCategory.position"))
    notifications: Mapped[list[BreachNotification]] = relationship(
        **_owned("BreachNotification.notified_at")
    )
    events: Mapped[list[BreachEvent]] = relationship(**_owned("BreachEvent.id"))
    letter_texts: Mapped[list[BreachLetterText]] = relationship(
        **_owned("BreachLetterText.language")
    )
    recipients: Mapped[list[BreachRecipient]] = relationship(**_owned("BreachRecipient.position"))
    letters: Mapped[list[BreachLetter]] = relationship(**_owned("BreachLetter.id"))


class BreachRegister(Base):
    __tablename__ = "breach_registers"
    __table_args__ = (UniqueConstraint("breach_id", "register_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breaches.id", ondelete="CASCADE"))
    register_id: Mapped[int] = mapped_column(ForeignKey("registers.id", ondelete="RESTRICT"))
    register: Mapped[Register] = relationship()


class BreachCategory(Base):
    """A data category concerned; the name is kept, so the log survives a register edit."""

    __tablename__ = "breach_categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breaches.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    data_category_id: Mapped[int | None] = mapped_column(
        ForeignKey("data_categories.id", ondelete="SET NULL")
    )
    category_name: Mapped[str] = mapped_column(Text)
    special: Mapped[bool] = mapped_column(Boolean, default=False)  # Art. 9 or 10 data
    data_category: Mapped[DataCategory | None] = relationship()


class BreachNotification(Base):
    """One notification through the Ombudsman's e-service (preliminary, supplementary…)."""

    __tablename__ = "breach_notifications"
    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breaches.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    notified_at: Mapped[datetime] = mapped_column(DateTime)
    reference: Mapped[str | None] = mapped_column(String(100))  # the e-service's reference
    note: Mapped[str | None] = mapped_column(Text)


class BreachEvent(Base):
    __tablename__ = "breach_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breaches.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(100))


class BreachLetterText(Base):
    """The Art. 34(2) letter's words in one language, clear and plain, as the officer
    wrote them for the data subjects (the record's own texts are written for the
    Ombudsman)."""

    __tablename__ = "breach_letter_texts"
    __table_args__ = (UniqueConstraint("breach_id", "language"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breaches.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(2))
    description: Mapped[str | None] = mapped_column(Text)
    consequences: Mapped[str | None] = mapped_column(Text)
    measures: Mapped[str | None] = mapped_column(Text)
    advice: Mapped[str | None] = mapped_column(Text)  # what the person can do


class BreachRecipient(Base):
    """A data subject to write to, imported for the mail-merge; purged with the breach."""

    __tablename__ = "breach_recipients"
    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breaches.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(Text)  # lines in Posti's order
    language: Mapped[str | None] = mapped_column(String(2))
    email: Mapped[str | None] = mapped_column(String(300))
    sent_on: Mapped[date | None] = mapped_column(Date)  # the Art. 34 letter was issued


class BreachLetter(Base):
    """An issued Art. 34 letter: immutable once stored, like a request's letters."""

    __tablename__ = "breach_letters"
    id: Mapped[int] = mapped_column(primary_key=True)
    breach_id: Mapped[int] = mapped_column(ForeignKey("breaches.id", ondelete="CASCADE"))
    recipient_name: Mapped[str] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(2))
    issued_on: Mapped[date] = mapped_column(Date)
    sent_via: Mapped[str] = mapped_column(String(20))
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


@event.listens_for(BreachLetter, "before_update")
def _refuse_breach_letter_update(_mapper, _connection, target: BreachLetter) -> None:
    raise LetterImmutable(
        _("An issued letter cannot be changed (letter {id}).").format(id=target.id)
    )


# -------------------------------------------------------------- foreign-key indexes


def _index_foreign_keys(metadata: MetaData) -> None:
    """An index on every foreign key that no index or unique constraint leads with.

    SQLite does not index foreign keys by itself, so without these every lazy load of a
    case's events or letters, and every cascade, scans the whole child table. Done here
    once for all tables, so a new table cannot forget it (tests/test_storage.py reads
    the schema and lists foreign keys without an index)."""
    for table in metadata.tables.values():
        leading = {idx.columns.values()[0].name for idx in table.indexes if idx.columns}
        for constraint in table.constraints:
            columns = list(getattr(constraint, "columns", []))
            if isinstance(constraint, UniqueConstraint) and columns:
                leading.add(columns[0].name)
        for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
            column = fk.parent
            if column.primary_key or column.name in leading:
                continue
            Index(f"ix_{table.name}_{column.name}", column)
            leading.add(column.name)


_index_foreign_keys(Base.metadata)
