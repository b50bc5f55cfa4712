"""The shape of the JSON exchange document, derived from the models.

One description drives export, import and the JSON Schema, so the three cannot drift:
plain columns are carried under their own names (dates as ISO 8601, binary as base64
under `<name>_base64`), references between entities use string keys, and owned lists
nest inside their parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary
from sqlalchemy.orm import DeclarativeBase

from ..domain import enums
from ..storage import models as m

FORMAT = "rekisteri"
VERSION = 1

# Settings that never leave the database: the audit chain head belongs to this file's
# trail, and the identity-code hashing key would make exported hashes brute-forceable.
# The deadline calendar stamp says how this file's stored deadlines were computed.
PRIVATE_SETTINGS = frozenset({"audit.head", "identity.hash_key", "deadline.calendar"})


@dataclass(frozen=True)
class Ref:
    """A foreign key carried as the referenced entity's key."""

    attribute: str  # relationship attribute on the model
    field: str  # name in the JSON document
    target: str  # key namespace: controller, processor, register, category
    required: bool = False


@dataclass(frozen=True)
class Node:
    model: type[DeclarativeBase]
    key: str | None = None  # key namespace when other entities refer to this one
    refs: tuple[Ref, ...] = ()
    children: dict[str, Node] = field(default_factory=dict)
    exclude: frozenset[str] = frozenset()
    enums: dict[str, type] = field(default_factory=dict)
    scalar: str | None = None  # list of plain strings: the single text column
    required: tuple[str, ...] = ()


CONTACT = Node(m.Contact)

CONTROLLER = Node(
    m.Controller, key="controller", children={"contacts": CONTACT}, required=("name",)
)

PROCESSOR = Node(
    m.Processor,
    key="processor",
    refs=(Ref("parent", "parent", "processor"),),
    exclude=frozenset({"services"}),
    required=("name",),
)

REGISTER = Node(
    m.Register,
    key="register",
    required=("name",),
    children={
        "controllers": Node(
            m.RegisterController,
            refs=(Ref("controller", "controller", "controller", True),),
            enums={"role": enums.ControllerRole},
        ),
        "contacts": CONTACT,
        "purposes": Node(m.Purpose, scalar="text"),
        "legal_bases": Node(m.LegalBasis, enums={"article": enums.LegalBasisArticle}),
        "subject_groups": Node(m.SubjectGroup, required=("name",)),
        "data_categories": Node(m.DataCategory, key="category", required=("name",)),
        "retention_rules": Node(
            m.RetentionRule,
            refs=(Ref("data_category", "data_category", "category"),),
            enums={"period_unit": enums.PeriodUnit},
        ),
        "sources": Node(m.Source, enums={"kind": enums.SourceKind}, required=("name",)),
        "recipients": Node(m.Recipient, enums={"kind": enums.RecipientKind}, required=("name",)),
        "processors": Node(
            m.RegisterProcessor, refs=(Ref("processor", "processor", "processor", True),)
        ),
        "transfers": Node(
            m.Transfer,
            refs=(Ref("processor", "processor", "processor"),),
            enums={"safeguard": enums.Safeguard, "scc_module": enums.SccModule},
            required=("country", "recipient", "safeguard"),
        ),
        "security_measures": Node(
            m.SecurityMeasure, enums={"kind": enums.SecurityKind}, required=("kind", "text")
        ),
        "automated_decisions": Node(m.AutomatedDecision, required=("description",)),
        "rights": Node(m.RegisterRight, enums={"right": enums.Right}, required=("right",)),
        "notice_versions": Node(
            m.NoticeVersion, required=("version", "issued_on"), enums={"language": enums.Language}
        ),
    },
)

PERSON = Node(m.Person, exclude=frozenset({"hetu_hash", "name_key"}), required=("name",))

REQUEST = Node(
    m.RightsRequest,
    refs=(Ref("controller", "controller", "controller"),),
    exclude=frozenset({"year", "sequence"}) | m.DERIVED_REQUEST_COLUMNS,
    enums={
        "channel": enums.Channel,
        "language": enums.Language,
        "classification": enums.RequestClass,
        "status": enums.RequestStatus,
        "authority": enums.Authority,
    },
    required=("case_number", "received_on", "channel", "language", "subject"),
    children={
        "rights": Node(
            m.RequestRight,
            enums={"right": enums.Right, "outcome": enums.Outcome},
            required=("right",),
            children={
                "erasures": Node(
                    m.ErasureDecision,
                    refs=(Ref("data_category", "data_category", "category"),),
                    required=("category_name", "erased"),
                )
            },
        ),
        "identity_checks": Node(
            m.IdentityCheck,
            enums={"method": enums.IdentityMethod},
            required=("method", "verified_by", "verified_on"),
        ),
        "pauses": Node(m.Pause, enums={"kind": enums.PauseKind}, required=("kind", "asked_on")),
        "events": Node(m.CaseEvent, required=("at", "kind")),
        "attachments": Node(m.Attachment, required=("filename", "media_type", "content")),
        "legal_holds": Node(
            m.LegalHold,
            refs=(Ref("data_category", "data_category", "category"),),
            required=("category_name", "placed_on"),
        ),
        "letters": Node(
            m.Letter,
            enums={"kind": enums.LetterKind, "language": enums.Language, "sent_via": enums.SentVia},
            required=("kind", "language", "issued_on", "sent_via", "pdf"),
        ),
    },
)

TEMPLATE = Node(
    m.LetterTemplate,
    enums={"kind": enums.LetterKind, "language": enums.Language},
    required=("kind", "language", "version", "created_at"),
)

TOP = {
    "controllers": CONTROLLER,
    "processors": PROCESSOR,
    "registers": REGISTER,
    "requests": REQUEST,
    "letter_templates": TEMPLATE,
}


def plain_columns(node: Node) -> list:
    """Columns carried as values: not keys, not foreign keys, not list positions."""
    out = []
    for column in node.model.__table__.columns:
        if column.primary_key or column.foreign_keys or column.name == "position":
            continue
        if column.name in node.exclude:
            continue
        out.append(column)
    return out


def json_name(column) -> str:
    return f"{column.name}_base64" if isinstance(column.type, LargeBinary) else column.name


def column_kind(column) -> str:
    t = column.type
    if isinstance(t, Boolean):
        return "boolean"
    if isinstance(t, Integer):
        return "integer"
    if isinstance(t, DateTime):
        return "datetime"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, LargeBinary):
        return "binary"
    return "string"
