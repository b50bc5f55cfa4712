"""The shape of the JSON exchange document, derived from the models.

One description drives export, import and the JSON Schema, so the three cannot drift:
plain columns are carried under their own names (dates as ISO 8601, binary as base64
under `<name>_base64`), references between entities use string keys, and owned lists
nest inside their parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, LargeBinary
from sqlalchemy.orm import DeclarativeBase

from ..domain import enums
from ..domain.translations import LANGUAGES, field_names
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
    # A list item may also be written as a bare string: the value of this column (old
    # documents wrote purposes as strings).
    bare: str | None = None
    texts: str | None = None  # key of domain.translations.FIELDS: its `translations`
    json: dict[str, dict[str, Any]] = field(default_factory=dict)  # other JSON columns
    # Columns checked and normalised by domain/validation.py, as the editors do.
    checks: dict[str, str] = field(default_factory=dict)


def translations_schema(node: Node) -> dict[str, Any]:
    """{"sv": {"field": "text"}, ...}: the languages and translated fields of `node`."""
    fields = {name: {"type": ["string", "null"]} for name in field_names(node.texts or "")}
    per_language = {"type": "object", "properties": fields, "additionalProperties": False}
    return {
        "type": ["object", "null"],
        "properties": {lang: per_language for lang in LANGUAGES},
        "additionalProperties": False,
    }


def json_schema(node: Node, column) -> dict[str, Any]:
    if column.name == "translations":
        return translations_schema(node)
    return node.json[column.name]


def _enum_list(enum: type) -> dict[str, Any]:
    return {"type": ["array", "null"], "items": {"enum": [e.value for e in enum]}}


#: Contact details: checked like the editors check them (domain/validation.py).
CONTACT_CHECKS = {"email": "email", "phone": "phone", "address": "postal", "web": "web"}

CONTACT = Node(m.Contact, texts="contacts", checks=CONTACT_CHECKS)

DPO = Node(m.DataProtectionOfficer, key="dpo", texts="dpo", checks=CONTACT_CHECKS)

CONTROLLER = Node(
    m.Controller,
    key="controller",
    refs=(
        Ref("dpo", "dpo", "dpo"),
        Ref("address_from", "address_from", "controller"),
        Ref("business_id_from", "business_id_from", "controller"),
    ),
    children={"contacts": CONTACT},
    enums={"controller_type": enums.ControllerType},
    required=("name",),
    texts="controller",
    checks={
        "email": "email",
        "phone": "phone",
        "web": "web",
        "postal_address": "postal",
        "visiting_address": "postal",
    },
)

PROCESSOR = Node(
    m.Processor,
    key="processor",
    refs=(Ref("parent", "parent", "processor"),),
    exclude=frozenset({"services"}),
    required=("name",),
    texts="processor",
    checks={"email": "email", "phone": "phone"},
)

REGISTER = Node(
    m.Register,
    key="register",
    required=("name",),
    enums={"language": enums.Language},
    texts="register",
    json={"languages": _enum_list(enums.Language)},
    checks={"request_web_form": "web"},
    children={
        "controllers": Node(
            m.RegisterController,
            refs=(Ref("controller", "controller", "controller", True),),
            enums={"role": enums.ControllerRole},
        ),
        "contacts": CONTACT,
        "purposes": Node(
            m.Purpose,
            required=("text",),
            bare="text",
            texts="purposes",
            json={"bases": _enum_list(enums.LegalBasisArticle)},
        ),
        "legal_bases": Node(
            m.LegalBasis, enums={"article": enums.LegalBasisArticle}, texts="legal_bases"
        ),
        "subject_groups": Node(m.SubjectGroup, required=("name",), texts="subject_groups"),
        "data_categories": Node(
            m.DataCategory, key="category", required=("name",), texts="data_categories"
        ),
        "retention_rules": Node(
            m.RetentionRule,
            refs=(Ref("data_category", "data_category", "category"),),
            enums={"period_unit": enums.PeriodUnit},
            texts="retention_rules",
        ),
        "sources": Node(
            m.Source, enums={"kind": enums.SourceKind}, required=("name",), texts="sources"
        ),
        "recipients": Node(
            m.Recipient,
            enums={"kind": enums.RecipientKind},
            required=("name",),
            texts="recipients",
        ),
        "processors": Node(
            m.RegisterProcessor,
            refs=(Ref("processor", "processor", "processor", True),),
            texts="processors",
        ),
        "transfers": Node(
            m.Transfer,
            refs=(Ref("processor", "processor", "processor"),),
            enums={"safeguard": enums.Safeguard, "scc_module": enums.SccModule},
            required=("country", "recipient", "safeguard"),
            texts="transfers",
        ),
        "security_measures": Node(
            m.SecurityMeasure,
            enums={"kind": enums.SecurityKind},
            required=("kind", "text"),
            texts="security_measures",
        ),
        "automated_decisions": Node(
            m.AutomatedDecision, required=("description",), texts="automated_decisions"
        ),
        "rights": Node(
            m.RegisterRight, enums={"right": enums.Right}, required=("right",), texts="rights"
        ),
        "statements": Node(
            m.Statement,
            enums={"kind": enums.StatementKind},
            required=("kind",),
            texts="statements",
        ),
        "notice_references": Node(
            m.NoticeReference,
            refs=(Ref("target", "register", "register"),),
            texts="notice_references",
            checks={"url": "web"},
        ),
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
        # every controller the case concerns; `controller` above is the one addressed
        # (documents from before these lists are read as that one controller)
        "controllers": Node(
            m.RequestController,
            refs=(Ref("controller", "controller", "controller", True),),
            enums={"role": enums.ControllerRole},
        ),
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
        "corrections": Node(
            m.RequestCorrection,
            enums={"field": enums.CorrectionField},
            required=("at", "field", "reason"),
        ),
    },
)

TEMPLATE = Node(
    m.LetterTemplate,
    enums={"kind": enums.LetterKind, "language": enums.Language},
    required=("kind", "language", "version", "created_at"),
)

BREACH = Node(
    m.Breach,
    refs=(
        Ref("controller", "controller", "controller"),
        Ref("processor", "processor", "processor"),
    ),
    exclude=frozenset({"year", "sequence"}),
    enums={
        "risk_level": enums.RiskLevel,
        "notify_decision": enums.NotifyDecision,
        "art34_exception": enums.Art34Exception,
    },
    required=("reference", "aware_at", "description"),
    children={
        "registers": Node(m.BreachRegister, refs=(Ref("register", "register", "register", True),)),
        "categories": Node(
            m.BreachCategory,
            refs=(Ref("data_category", "data_category", "category"),),
            required=("category_name",),
        ),
        "notifications": Node(
            m.BreachNotification,
            enums={"kind": enums.NotificationKind},
            required=("kind", "notified_at"),
        ),
        "events": Node(m.BreachEvent, required=("at", "kind")),
        "letter_texts": Node(
            m.BreachLetterText, enums={"language": enums.Language}, required=("language",)
        ),
        "recipients": Node(
            m.BreachRecipient, enums={"language": enums.Language}, required=("name",)
        ),
        "letters": Node(
            m.BreachLetter,
            enums={"language": enums.Language, "sent_via": enums.SentVia},
            required=("recipient_name", "language", "issued_on", "sent_via", "pdf"),
        ),
    },
)

TOP = {
    "dpos": DPO,
    "controllers": CONTROLLER,
    "processors": PROCESSOR,
    "registers": REGISTER,
    "requests": REQUEST,
    "breaches": BREACH,
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
    if isinstance(t, JSON):
        return "json"
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
