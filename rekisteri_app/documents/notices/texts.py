"""The notice's fixed wording per language, and Babel formatting in that language.

Why JSON resources and not the gettext catalogue: a notice is a legal text whose wording
the privacy officer (or a lawyer) reviews as a whole, per language, next to the official
GDPR wording it quotes. One `resources/notices/<lang>.json` per language keeps each
version readable and diffable as a unit; tests assert the three files have exactly the
same keys and cover every enum value, so no heading or enumeration can go untranslated.
The UI strings of the application stay in gettext.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from ...domain.adequacy import country_name
from ...domain.enums import (
    ControllerRole,
    ControllerType,
    LegalBasisArticle,
    PeriodUnit,
    RecipientKind,
    Right,
    Safeguard,
    SecurityKind,
    SourceKind,
)
from ...paths import resource
from .data import Address, AddressLike, SectionId, Text, localize

NOTICE_LANGUAGES = ("fi", "sv", "en")
NATIONAL_BASIS = "national"


class MissingTextError(LookupError):
    """A resource file lacks a key: a packaging bug, never the user's fault."""


@dataclass(frozen=True)
class NoticeTexts:
    """Accessors over one language's resource file plus Babel formatting for it."""

    lang: str
    raw: dict[str, Any]

    @property
    def locale(self) -> Locale:
        return _locale(self.raw["meta"]["babel_locale"])

    def _get(self, *keys: str) -> Any:
        node: Any = self.raw
        for key in keys:
            try:
                node = node[key]
            except (KeyError, TypeError):
                raise MissingTextError(f"{self.lang}: {'.'.join(keys)}") from None
        return node

    # fixed wording -------------------------------------------------------------------
    def doc(self, key: str) -> str:
        return self._get("document", key)

    def section(self, section: SectionId) -> str:
        return self._get("sections", str(section))

    def label(self, key: str) -> str:
        return self._get("labels", key)

    def text(self, key: str) -> str:
        return self._get("texts", key)

    def role(self, role: ControllerRole) -> str:
        return self._get("roles", str(role))

    def controller_type(self, kind: ControllerType) -> str:
        return self._get("controller_types", str(kind))

    def basis(self, article: LegalBasisArticle | None) -> dict[str, str]:
        return self._get("legal_bases", NATIONAL_BASIS if article is None else str(article))

    def right_name(self, right: Right) -> str:
        return self._get("rights", str(right), "name")

    def right_text(self, right: Right) -> str:
        return self._get("rights", str(right), "text")

    def safeguard(self, safeguard: Safeguard) -> str:
        return self._get("safeguards", str(safeguard))

    def security_kind(self, kind: SecurityKind) -> str:
        return self._get("security_kinds", str(kind))

    def source_kind(self, kind: SourceKind) -> str:
        return self._get("source_kinds", str(kind))

    def recipient_kind(self, kind: RecipientKind) -> str:
        return self._get("recipient_kinds", str(kind))

    def page_label(self, page: int, pages: int) -> str:
        return self._get("meta", "page_label").format(page=page, pages=pages)

    # Babel formatting ----------------------------------------------------------------
    def date(self, value: _dt.date) -> str:
        """15.5.2018 / 1 september 2023 / 1 September 2023: the Babel format named in the
        resource (Finnish notices use numeric dates; sv/en medium would abbreviate months)."""
        return format_date(value, format=self._get("meta", "date_format"), locale=self.locale)

    def join(self, items: list[str]) -> str:
        """A prose list ("a, b ja c") in the notice's language."""
        items = [i for i in items if i]
        return format_list(items, locale=self.locale) if items else ""

    def country(self, code: str) -> str:
        """The country (or international organisation) name in this language; the domain
        layer owns the code list, so the notice names countries as the checker does."""
        return country_name(code, self.lang)

    def period(self, amount: int, unit: PeriodUnit) -> str:
        """ "1 vuosi" / "10 vuotta": number by Babel, unit word by the CLDR plural category.

        Own unit words (not babel.units) because CLDR's Swedish day unit is "dygn", which
        reads wrongly in a retention period ("30 dagar").
        """
        forms: dict[str, str] = self._get("units", str(unit))
        category = self.locale.plural_form(amount)
        word = forms.get(category, forms["other"])
        return f"{format_decimal(amount, locale=self.locale)} {word}"

    def address(self, address: AddressLike | None) -> str:
        """One line: "street, postal_code city[, country]" (country only when abroad); a
        stored free-text address is printed as written, its line breaks joined by commas."""
        if address is None:
            return ""
        if not isinstance(address, Address):
            lines = localize(address, self.lang).splitlines()
            return ", ".join(line.strip().rstrip(",") for line in lines if line.strip())
        city = localize(address.city, self.lang)
        place = " ".join(p for p in (address.postal_code.strip(), city) if p)
        parts = [localize(address.street, self.lang), place]
        country = address.country.strip().upper()
        if country and country != "FI":
            parts.append(self.country(country))
        return ", ".join(p for p in parts if p)

    def local(self, text: Text | None) -> str:
        return localize(text, self.lang)


@cache
def _locale(identifier: str) -> Locale:
    return Locale.parse(identifier)


@cache
def load_texts(lang: str) -> NoticeTexts:
    """The resource file of `lang` (fi, sv or en); cached for the process."""
    if lang not in NOTICE_LANGUAGES:
        raise ValueError(f"unsupported notice language: {lang}")
    path = resource("notices", f"{lang}.json")
    with path.open(encoding="utf-8") as handle:
        raw = json.load(handle)
    return NoticeTexts(lang=lang, raw=raw)
