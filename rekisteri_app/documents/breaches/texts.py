"""The words of the breach documents per language: resources/breaches/{fi,sv,en}.toml.

Documents go to the Ombudsman or to a data subject in a language of their own, so their
words come from these files and never from the UI's gettext catalogue.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from types import MappingProxyType
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from ...domain import breaches as rules
from ...domain.enums import Language
from ...paths import resource


@cache
def _load(lang: Language) -> Mapping[str, Any]:
    with resource("breaches", f"{lang.value}.toml").open("rb") as handle:
        return MappingProxyType(tomllib.load(handle))


def catalogue(lang: Language | str) -> Mapping[str, Any]:
    """The whole parsed file of a language (read-only)."""
    return _load(Language(lang))


def when(moment: datetime, lang: Language | str) -> str:
    """A moment on Helsinki clocks in the document's language (23.10.2026 klo 10.00)."""
    formats = catalogue(lang)["formats"]
    return format_datetime(
        rules.in_helsinki(moment), format=formats["datetime"], locale=formats["locale"]
    )


def day(value: date, lang: Language | str) -> str:
    formats = catalogue(lang)["formats"]
    return format_date(value, format=formats["date"], locale=formats["locale"])


def number(value: int, lang: Language | str) -> str:
    return format_decimal(value, locale=catalogue(lang)["formats"]["locale"])
