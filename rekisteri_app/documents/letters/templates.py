"""Letter wording per language: loading, listing and filling placeholders.

The wording ships in resources/letters/{fi,sv,en}.toml. Only the body of each letter kind
is the officer's to edit (passed back as overrides); the structured parts that the law
requires — the Art. 12(4) remedies, the Art. 15 items, the late-reply apology — are kept
in the same files but are not overridable, so that no edit can silently drop them.

Placeholders are `{name}` with a plain identifier. They are substituted by a regular
expression, never by str.format: a wording the officer typed must not be able to reach
attributes (`{x.__class__}`), and values are never re-parsed, so a name that contains
braces prints as written. A placeholder with no value blocks rendering (MissingPlaceholder)
— a printed letter never shows an empty field or a raw `{placeholder}`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from ...domain.enums import Language, LetterAudience, LetterKind
from ...i18n import _
from ...paths import resource

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")

# Every placeholder the engine can fill from LetterData (see compose.placeholder_values),
# for the wording editor to offer. LetterData.extra can add more.
KNOWN_PLACEHOLDERS: tuple[str, ...] = (
    "subject_name",
    "recipient_name",
    "organisation_name",
    "officer_name",
    "officer_title",
    "case_number",
    "reference",
    "issue_date",
    "received_date",
    "due_date",
    "extended_due_date",
    "effective_due_date",
    "reply_by",
    "requested_rights",
    "extension_reasons",
    "refusal_reasons",
    "authority_name",
    "authority_postal_address",
    "authority_email",
    "authority_web",
    "representative_role",
    "officer_contact",
    "other_controllers",
    "register_names",
    "fee_amount",
    "fee_reason",
    "fee_costs",
)


class MissingPlaceholder(ValueError):
    """A wording names placeholders that have no value; the letter must not print."""

    def __init__(self, names: Iterable[str]):
        self.names: tuple[str, ...] = tuple(sorted(set(names)))
        super().__init__(
            _("The letter cannot be printed: these fields have no value: {names}").format(
                names=", ".join(self.names)
            )
        )


@cache
def _load(lang: Language) -> Mapping[str, Any]:
    path = resource("letters", f"{lang.value}.toml")
    with path.open("rb") as fh:
        return MappingProxyType(tomllib.load(fh))


def catalogue(
    lang: Language | str, audience: LetterAudience | str = LetterAudience.DATA_SUBJECT
) -> Mapping[str, Any]:
    """The parsed template file of a language (read-only). For a letter to a
    representative, its `[representative.*]` tables replace the wording that would speak
    of "your data": the labels, blocks and kinds they name."""
    return _for_audience(Language(lang), LetterAudience(audience))


@cache
def _for_audience(lang: Language, audience: LetterAudience) -> Mapping[str, Any]:
    base = _load(lang)
    if audience is LetterAudience.DATA_SUBJECT:
        return base
    overlay = base.get("representative", {})
    merged = dict(base)
    for name in ("labels", "blocks", "grounds", "identity_defaults"):
        merged[name] = MappingProxyType({**base[name], **overlay.get(name, {})})
    kinds = overlay.get("kinds", {})
    merged["kinds"] = MappingProxyType(
        {
            key: MappingProxyType({**entry, **kinds.get(key, {})})
            for key, entry in base["kinds"].items()
        }
    )
    return MappingProxyType(merged)


def section(lang: Language | str, name: str) -> Mapping[str, str]:
    return catalogue(lang)[name]


def kind_entry(
    kind: LetterKind | str,
    lang: Language | str,
    audience: LetterAudience | str = LetterAudience.DATA_SUBJECT,
) -> Mapping[str, str]:
    return catalogue(lang, audience)["kinds"][LetterKind(kind).value]


def template_text(
    kind: LetterKind | str,
    lang: Language | str,
    audience: LetterAudience | str = LetterAudience.DATA_SUBJECT,
) -> str:
    """The shipped body wording of `kind` in `lang` for `audience`: what the officer may
    edit and reset."""
    return kind_entry(kind, lang, audience)["body"].strip("\n")


def template_placeholders(text: str) -> tuple[str, ...]:
    """Placeholder names in `text`, in order of first appearance."""
    seen: dict[str, None] = {}
    for match in PLACEHOLDER.finditer(text):
        if match.group(1):
            seen.setdefault(match.group(1), None)
    return tuple(seen)


def placeholders(
    kind: LetterKind | str,
    lang: Language | str,
    audience: LetterAudience | str = LetterAudience.DATA_SUBJECT,
) -> tuple[str, ...]:
    """Placeholder names the shipped body wording of `kind` in `lang` uses."""
    return template_placeholders(template_text(kind, lang, audience))


def default_templates() -> dict[Language, dict[LetterKind, str]]:
    """All shipped body wordings, for showing and resetting the officer's edits."""
    return {lang: {kind: template_text(kind, lang) for kind in LetterKind} for lang in Language}


def unknown_placeholders(text: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """Names in an edited wording that the engine can never fill: a typo to fix early."""
    known = set(KNOWN_PLACEHOLDERS) | set(extra)
    return tuple(name for name in template_placeholders(text) if name not in known)


class Filler:
    """Fills wordings from one set of values and remembers every name it could not fill.

    The composer fills all texts of a letter first and raises once, so the officer sees
    every missing field in one message rather than one per attempt.
    """

    def __init__(self, values: Mapping[str, str]):
        self._values = {k: v for k, v in values.items() if v is not None and str(v).strip()}
        self.missing: set[str] = set()

    def fill(self, text: str, **local: str) -> str:
        def replace(match: re.Match[str]) -> str:
            token = match.group(0)
            if token == "{{":
                return "{"
            if token == "}}":
                return "}"
            name = match.group(1)
            value = local.get(name) if name in local else self._values.get(name)
            if value is None or not str(value).strip():
                self.missing.add(name)
                return ""
            return str(value)

        return PLACEHOLDER.sub(replace, text)

    def check(self) -> None:
        if self.missing:
            raise MissingPlaceholder(self.missing)
