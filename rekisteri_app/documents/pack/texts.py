"""The pack's wording per language, and Babel formatting in that language.

Like the notices, the pack's headings, labels and explanations live in one JSON file per
language (`resources/pack/<lang>.json`), reviewed as a whole next to each other; a test
keeps the three files' keys identical. Closed values (rights, outcomes, safeguards,
grounds, severities …) are worded by the one vocabulary (domain/vocabulary.py) through
the catalogue of the pack's own language, never the UI language, so a Swedish pack made
from a Finnish window is Swedish throughout.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

from ...domain import vocabulary as v
from ...domain.adequacy import country_name
from ...domain.legal_grounds import UnknownLegalGround, legal_ground
from ...i18n import translator
from ...paths import resource

PACK_LANGUAGES = ("fi", "sv", "en")
HELSINKI = ZoneInfo("Europe/Helsinki")


class MissingPackText(LookupError):
    """A resource file lacks a key: a packaging bug, never the user's fault."""


@dataclass(frozen=True)
class PackTexts:
    lang: str
    raw: dict[str, Any]

    @property
    def locale(self) -> Locale:
        return _locale(self.raw["meta"]["babel_locale"])

    def t(self, *keys: str) -> str:
        """The text at `keys` (e.g. t("index", "title"))."""
        node: Any = self.raw
        for key in keys:
            try:
                node = node[key]
            except (KeyError, TypeError):
                raise MissingPackText(f"{self.lang}: {'.'.join(keys)}") from None
        if not isinstance(node, str):
            raise MissingPackText(f"{self.lang}: {'.'.join(keys)} is not a text")
        return node

    def page_label(self, page: int, pages: int) -> str:
        return self.t("meta", "page_label").format(page=page, pages=pages)

    # Babel formatting ----------------------------------------------------------------
    def date(self, value: _dt.date | None) -> str:
        if value is None:
            return ""
        return format_date(value, format=self.t("meta", "date_format"), locale=self.locale)

    def period(self, start: _dt.date, end: _dt.date) -> str:
        return f"{self.date(start)} – {self.date(end)}"

    def moment(self, value: _dt.datetime) -> str:
        """A creation time in Helsinki time, with the zone named."""
        local = value.astimezone(HELSINKI)
        text = format_datetime(local, format="medium", tzinfo=HELSINKI, locale=self.locale)
        return f"{text} ({self.t('meta', 'time_zone')})"

    def month(self, key: str, *, with_year: bool) -> str:
        """ "2026-03" as a chart label: "maalis" or "maalis\\n2026"."""
        year, month = (int(part) for part in key.split("-"))
        day = _dt.date(year, month, 1)
        name = format_date(day, format="LLL", locale=self.locale).rstrip(".")
        return f"{name}\n{year}" if with_year else name

    def number(self, value: int | float | None, digits: int = 0) -> str:
        if value is None:
            return "–"
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, value: float | None) -> str:
        if value is None:
            return "–"
        return format_percent(value, format="#,##0 %", locale=self.locale)

    # closed values -------------------------------------------------------------------
    def vocab(self, table: Mapping[str, str], value: object) -> str:
        """A closed value worded in the pack's language (its identifier if unknown)."""
        if value is None or value == "":
            return ""
        text = table.get(str(value))
        return translator(self.lang).gettext(text) if text else str(value)

    def right(self, value: str) -> str:
        return self.vocab(v.RIGHTS, value)

    def ground(self, code: str) -> str:
        """ "GDPR Art. 17(3)(b)" for a catalogue code; "" for a missing one."""
        if not code:
            return ""
        try:
            return legal_ground(code).article
        except UnknownLegalGround:
            return code

    def ground_description(self, code: str) -> str:
        try:
            return translator(self.lang).gettext(legal_ground(code).description)
        except UnknownLegalGround:
            return ""

    def country(self, code: str) -> str:
        return country_name(code, self.lang) if code else ""

    def retention_period(self, amount: int | None, unit: str | None) -> str:
        if amount is None:
            return ""
        return f"{self.number(amount)} {self.vocab(v.PERIOD_UNITS, unit)}".strip()


@cache
def _locale(identifier: str) -> Locale:
    return Locale.parse(identifier)


@cache
def load_texts(lang: str) -> PackTexts:
    """The resource file of `lang` (fi, sv or en); cached for the process."""
    if lang not in PACK_LANGUAGES:
        raise ValueError(f"unsupported pack language: {lang}")
    with resource("pack", f"{lang}.json").open(encoding="utf-8") as handle:
        return PackTexts(lang=lang, raw=json.load(handle))
