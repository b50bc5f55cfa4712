"""Per-language free texts: which fields are translated, and how a text is picked.

Why this shape: each free-text column holds the text in the register's primary language
(`Register.language`, Finnish by default) and one JSON value `translations` beside it
holds the other languages, `{"sv": {"name": "Åbo Energi Ab"}, "en": {...}}`. Rows of a
register are re-created on every save; the JSON value travels with the row's exchange
form, so translations survive that, and the exchange format carries the same value 1:1.

Texts of controllers, processors and data protection officers (shared by registers) are
read in the primary language of the register that prints them. Pure: no SQL, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"


@dataclass(frozen=True)
class Field:
    """A translated field; `optional` ones (proper names, addresses) may stay in the
    primary language in every notice without being reported as missing."""

    name: str
    optional: bool = False


def _fields(*names: str, optional: tuple[str, ...] = ()) -> tuple[Field, ...]:
    return tuple(Field(n) for n in names) + tuple(Field(n, True) for n in optional)


#: Translated fields per exchange-format object (the key is the list it appears in, or
#: the entity kind for the top-level objects).
FIELDS: Mapping[str, tuple[Field, ...]] = {
    "register": _fields(
        "name",
        "description",
        "provision_requirement",
        "rights_instructions",
        "identity_proof",
        "response_time",
        "request_address",
        "changes_policy",
        "transfers_statement",
        "retention_statement",
        "joint_arrangement",
    ),
    "controller": _fields("dpo_contact", optional=("name", "visiting_address", "postal_address")),
    "dpo": _fields("role", optional=("address",)),
    "processor": _fields(optional=("name", "address")),
    "contacts": _fields("role", "scope", optional=("address",)),
    "purposes": _fields("text"),
    "legal_bases": _fields("description", "national_law"),
    "subject_groups": _fields("name", "description"),
    "data_categories": _fields("heading", "name"),
    "retention_rules": _fields("applies_to", "trigger", "description", "legal_ground"),
    "sources": _fields("name", "description"),
    "recipients": _fields("name", "description", "legal_basis"),
    "processors": _fields("service"),
    "transfers": _fields("description", optional=("recipient",)),
    "security_measures": _fields("text"),
    "automated_decisions": _fields("description", "logic", "consequences"),
    "rights": _fields("description"),
    "statements": _fields("text"),
    "notice_references": _fields("title"),
}

#: Exchange lists of a register whose objects carry translations, in notice order.
REGISTER_LISTS = (
    "contacts",
    "purposes",
    "legal_bases",
    "subject_groups",
    "data_categories",
    "sources",
    "recipients",
    "processors",
    "transfers",
    "retention_rules",
    "security_measures",
    "automated_decisions",
    "rights",
    "statements",
    "notice_references",
)


def field_names(kind: str) -> tuple[str, ...]:
    return tuple(f.name for f in FIELDS.get(kind, ()))


def _blank(value: Any) -> bool:
    return not isinstance(value, str) or not value.strip()


def translation(translations: Mapping[str, Any] | None, field: str, lang: str) -> str | None:
    """The recorded translation of `field` into `lang`, or None."""
    if not isinstance(translations, Mapping):
        return None
    per_lang = translations.get(lang)
    if not isinstance(per_lang, Mapping):
        return None
    value = per_lang.get(field)
    return None if _blank(value) else value.strip()


def pick(
    value: str | None,
    translations: Mapping[str, Any] | None,
    field: str,
    lang: str,
    primary: str = DEFAULT_LANGUAGE,
) -> str | None:
    """The text of `field` in `lang`: its translation, or the column itself when `lang` is
    the primary language; None when that language has no text."""
    own = translation(translations, field, lang)
    if own is not None:
        return own
    if lang == primary and not _blank(value):
        return value.strip()  # type: ignore[union-attr]
    return None


def pick_or_primary(
    value: str | None,
    translations: Mapping[str, Any] | None,
    field: str,
    lang: str,
    primary: str = DEFAULT_LANGUAGE,
) -> str:
    """What a document in `lang` prints: the text in `lang`, else the primary text as
    recorded (never a machine translation; the checker lists what is missing)."""
    found = pick(value, translations, field, lang, primary)
    if found is not None:
        return found
    return "" if _blank(value) else value.strip()  # type: ignore[union-attr]


@dataclass(frozen=True)
class MissingText:
    """A text that exists in the primary language but not in `lang`."""

    path: str  # JSON path inside the entity's exchange form, e.g. $.purposes[2].text
    field: str
    text: str  # the primary-language text
    entity: str = "register"  # register, or the key of a controller / processor / dpo


def missing_in(
    kind: str, obj: Mapping[str, Any], lang: str, primary: str, path: str = "$", entity: str = ""
) -> Iterator[MissingText]:
    """Required fields of one exchange-format object that lack a `lang` text."""
    if lang == primary:
        return
    for field in FIELDS.get(kind, ()):
        if field.optional:
            continue
        value = obj.get(field.name)
        if _blank(value):
            continue
        if translation(obj.get("translations"), field.name, lang) is None:
            yield MissingText(f"{path}.{field.name}", field.name, value.strip(), entity or kind)


def register_missing(register: Mapping[str, Any], lang: str) -> list[MissingText]:
    """Every required text of a register (in its exchange form) without a `lang` text."""
    primary = register.get("language") or DEFAULT_LANGUAGE
    out = list(missing_in("register", register, lang, primary, entity="register"))
    for name in REGISTER_LISTS:
        for i, item in enumerate(register.get(name) or []):
            if isinstance(item, str) and name == "purposes":
                item = {"text": item}  # a purpose with nothing but its text
            if isinstance(item, Mapping):
                out += missing_in(name, item, lang, primary, f"$.{name}[{i}]", "register")
    return out


def published_languages(register: Mapping[str, Any]) -> tuple[str, ...]:
    """The languages the officer publishes the register's notice in (primary first)."""
    primary = register.get("language") or DEFAULT_LANGUAGE
    chosen = [lang for lang in register.get("languages") or [] if lang in LANGUAGES]
    return tuple(dict.fromkeys([primary, *chosen]))


def clean_translations(value: Any, kind: str) -> dict[str, dict[str, str]] | None:
    """Only known languages and fields with text, trimmed; None when nothing is left, so
    a stored value and its export never differ by blanks."""
    if not isinstance(value, Mapping):
        return None
    known = set(field_names(kind))
    out: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        per_lang = value.get(lang)
        if not isinstance(per_lang, Mapping):
            continue
        texts = {f: t.strip() for f, t in per_lang.items() if f in known and not _blank(t)}
        if texts:
            out[lang] = dict(sorted(texts.items()))
    return out or None
