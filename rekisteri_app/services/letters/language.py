"""A letter wholly in its language: every stored text it prints is read in the letter's
language through the one accessor (services/translations.py), and every text that
exists only in another language is noted, so issuing can refuse with the list.

Why noted rather than replaced: a text is never machine-translated; the officer either
adds the translation (in the register, controller or settings) or confirms that the
letter goes out with mixed language, and the archived letter records that it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from ...domain import translations as t
from ...domain.enums import Language
from ...domain.vocabulary import LANGUAGES, label
from ...i18n import _
from .. import settings
from .. import translations as tr

# Which settings print in letters, per language; the plain key holds the Finnish value.
PER_LANGUAGE_SETTINGS: dict[str, dict[str, str]] = {
    settings.OFFICER_TITLE: {"sv": settings.OFFICER_TITLE_SV, "en": settings.OFFICER_TITLE_EN},
    settings.ORGANISATION_NAME: {
        "sv": settings.ORGANISATION_NAME_SV,
        "en": settings.ORGANISATION_NAME_EN,
    },
}

_PO_BOX = re.compile(
    r"^(?:PL|PB|P\.?\s*O\.?\s*Box|Postilokero|Postbox|Box)\s+(?=\d)", re.IGNORECASE
)


@dataclass(frozen=True)
class MixedText:
    """A text the letter prints that has no version in the letter's language."""

    where: str  # "Asiakasrekisteri: purposes" in the UI language
    text: str  # the text as recorded (primary language)
    register_id: int | None = None  # the register to open to add the translation
    setting: str | None = None  # or the setting to fill in

    def to_json(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "text": self.text,
            "register_id": self.register_id,
            "setting": self.setting,
        }


def _optional(kind: str, name: str) -> bool:
    return any(f.name == name and f.optional for f in t.FIELDS.get(kind, ()))


@dataclass
class LetterTexts:
    """Reads texts in `lang` and collects those that exist only in another language."""

    lang: Language
    mixed: list[MixedText] = field(default_factory=list)

    def pick(
        self,
        obj: Any,
        attr: str,
        kind: str,
        primary: str,
        where: str,
        register_id: int | None = None,
    ) -> str:
        """The text of `obj.attr` to print in the letter's language."""
        text = tr.text_in(obj, attr, self.lang.value, primary)
        if (
            text
            and tr.localized(obj, attr, self.lang.value, primary) is None
            and not _optional(kind, attr)
        ):
            self.note(MixedText(where, text, register_id))
        return text

    def note(self, item: MixedText) -> None:
        if item not in self.mixed:
            self.mixed.append(item)

    def setting(self, session: Session, key: str, what: str, *, optional: bool = False) -> str:
        """A setting that prints in letters, in the letter's language when one is set.
        An `optional` one (a proper name) is not noted when it has no version."""
        base = (settings.read(session, key) or "").strip()
        own = PER_LANGUAGE_SETTINGS.get(key, {}).get(self.lang.value)
        if own is None:  # Finnish: the plain key
            return base
        value = (settings.read(session, own) or "").strip()
        if value:
            return value
        if base and not optional:
            self.note(
                MixedText(
                    _("{what} (setting {key}; in {language}: {own})").format(
                        what=what,
                        key=key,
                        language=label(LANGUAGES, self.lang),
                        own=own,
                    ),
                    base,
                    setting=own,
                )
            )
        return base

    def po_box(self, session: Session, lines: tuple[str, ...]) -> tuple[str, ...]:
        """Address lines with the post office box written as the language writes it
        ("PL 12" in Finnish, "PB 12" in Swedish, "P.O. Box 12" in English)."""
        prefix = (settings.read(session, settings.PO_BOX[self.lang.value]) or "").strip()
        if not prefix:
            return lines
        return tuple(_PO_BOX.sub(prefix + " ", line) for line in lines)
