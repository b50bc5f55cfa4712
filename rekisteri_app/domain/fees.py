"""Fees for a rights request: only with a recorded basis, amount, reason and cost basis.

The GDPR makes answers free (Art. 12(5)); a controller may charge a reasonable fee based
on administrative costs for further copies (Art. 15(3)) or for a manifestly unfounded or
excessive request (Art. 12(5)(a)). A letter states a fee only when all four facts are
recorded, and a first copy of the data stays free. Amounts are whole cents (EUR).
Pure: no SQL, no Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_currency

from ..i18n import _
from .enums import FeeBasis

MAX_CENTS = 10_000_000  # 100 000 €: anything above is a typing error, not a fee

_AMOUNT = re.compile(r"^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*(?:€|eur|EUR)?\s*$")


class InvalidFee(ValueError):
    """A fee that lacks a fact or has an unreadable amount; message translated."""


@dataclass(frozen=True)
class Fee:
    basis: FeeBasis
    cents: int
    reason: str
    costs: str  # how the amount follows from the administrative costs


# Babel locales for amounts: Finnish and Finland-Swedish "12,50 €", English "€12.50".
_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_IE"}


def format_euros(cents: int, lang: str) -> str:
    """An amount in euros as the language writes it."""
    return format_currency(Decimal(cents) / 100, "EUR", locale=_LOCALES.get(lang, "fi_FI"))


def parse_amount(text: str | int | float) -> int:
    """'12,50', '12.5', '12 €' -> cents; InvalidFee for anything else."""
    if isinstance(text, int) and not isinstance(text, bool):
        cents = text * 100
    else:
        match = _AMOUNT.match(str(text).replace("\u00a0", " "))
        if match is None:
            raise InvalidFee(
                _("{value!r} is not an amount in euros (e.g. 12,50).").format(value=str(text)[:40])
            )
        cents = int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))
    if not 0 < cents <= MAX_CENTS:
        raise InvalidFee(_("A fee must be more than 0 and at most 100 000 euros."))
    return cents


def check_fee(
    basis: FeeBasis | str | None, cents: int | None, reason: str | None, costs: str | None
) -> Fee | None:
    """The recorded fee, or None when no fee is recorded; InvalidFee when incomplete."""
    given = [basis is not None, cents is not None, bool((costs or "").strip())]
    if not any(given):
        return None
    missing = []
    if basis is None:
        missing.append(_("what the fee is for (further copies or an excessive request)"))
    if cents is None:
        missing.append(_("the amount"))
    if not (reason or "").strip():
        missing.append(_("the reason"))
    if not (costs or "").strip():
        missing.append(_("how the amount is based on the administrative costs"))
    if missing:
        raise InvalidFee(
            _("A fee needs {missing} (GDPR Art. 12(5) and 15(3)).").format(
                missing=", ".join(missing)
            )
        )
    assert basis is not None and cents is not None
    if not 0 < cents <= MAX_CENTS:
        raise InvalidFee(_("A fee must be more than 0 and at most 100 000 euros."))
    return Fee(FeeBasis(basis), cents, (reason or "").strip(), (costs or "").strip())
