"""Reading the mail-merge list: a CSV export of names and postal addresses.

Customer systems write CSV in many ways; this reads what a Finnish office meets: UTF-8
(with or without a BOM) or Windows-1252 as Excel saves it, separated by commas,
semicolons or tabs, with a header row in English, Finnish or Swedish. The address is
one column (lines separated by line breaks) or street, postcode and town. Problems are
reported by row number, never by echoing the names and addresses themselves.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ...domain.enums import Language
from ...i18n import _, ngettext
from ..context import ServiceError

MAX_ADDRESS_LINES = 5  # the name takes the first of the window's six lines
MAX_PROBLEMS = 20

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "nimi", "namn", "recipient", "vastaanottaja", "mottagare"),
    "address": ("address", "osoite", "adress", "postal address", "postiosoite", "postadress"),
    "street": ("street", "street address", "katuosoite", "lähiosoite", "gatuadress"),
    "address1": ("address1", "address 1", "osoite1", "adress1"),
    "address2": ("address2", "address 2", "osoite2", "adress2"),
    "postcode": ("postcode", "postal code", "postal_code", "zip", "postinumero", "postnummer"),
    "city": ("city", "town", "postitoimipaikka", "toimipaikka", "postort", "ort"),
    "country": ("country", "maa", "land"),
    "language": ("language", "lang", "kieli", "språk", "asiointikieli"),
    "email": ("email", "e-mail", "sähköposti", "e-post"),
}
LANGUAGE_WORDS = {
    "fi": Language.FI,
    "suomi": Language.FI,
    "finnish": Language.FI,
    "finska": Language.FI,
    "sv": Language.SV,
    "ruotsi": Language.SV,
    "swedish": Language.SV,
    "svenska": Language.SV,
    "en": Language.EN,
    "englanti": Language.EN,
    "english": Language.EN,
    "engelska": Language.EN,
}


@dataclass(frozen=True)
class RecipientInput:
    name: str
    address_lines: tuple[str, ...] = ()
    language: Language | None = None
    email: str | None = None

    @property
    def address(self) -> str | None:
        return "\n".join(self.address_lines) or None


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        key = text.strip().casefold().replace("_", " ")
        for field, names in HEADERS.items():
            if key in {n.replace("_", " ") for n in names} and field not in found:
                found[field] = index
    return found


def parse_recipients(content: bytes) -> list[RecipientInput]:
    """Every recipient of the CSV, or ServiceError listing each bad row by number."""
    text = _decode(content)
    if not text.strip():
        raise ServiceError(_("The recipient list is empty."))
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    columns = _columns(rows[0])
    if "name" not in columns:
        raise ServiceError(
            _(
                "The first row of the recipient list must name the columns: at least "
                "“name” (or “nimi”, “namn”) and an address (“address”, or “street”, "
                "“postcode” and “city”)."
            )
        )
    out: list[RecipientInput] = []
    problems: list[str] = []

    def cell(row: list[str], field: str) -> str:
        index = columns.get(field)
        if index is None or index >= len(row):
            return ""
        return row[index].strip()

    for number, row in enumerate(rows[1:], start=2):
        if not any(value.strip() for value in row):
            continue
        name = cell(row, "name")
        lines = [line.strip() for line in cell(row, "address").splitlines() if line.strip()]
        lines += [v for v in (cell(row, f) for f in ("street", "address1", "address2")) if v]
        town = " ".join(v for v in (cell(row, "postcode"), cell(row, "city")) if v)
        if town:
            lines.append(town)
        if cell(row, "country"):
            lines.append(cell(row, "country"))
        email = cell(row, "email") or None
        word = cell(row, "language").casefold()
        language = LANGUAGE_WORDS.get(word) if word else None
        found: list[str] = []
        if not name:
            found.append(_("Row {row}: the name is missing.").format(row=number))
        elif len(name) > 300:
            found.append(_("Row {row}: the name is longer than 300 characters.").format(row=number))
        if not lines and not email:
            found.append(_("Row {row}: no address.").format(row=number))
        if len(lines) > MAX_ADDRESS_LINES:
            found.append(
                ngettext(
                    "Row {row}: the address has {count} line; at most {limit} fit in the "
                    "envelope window with the name.",
                    "Row {row}: the address has {count} lines; at most {limit} fit in the "
                    "envelope window with the name.",
                    len(lines),
                ).format(row=number, count=len(lines), limit=MAX_ADDRESS_LINES)
            )
        if word and language is None:
            found.append(_("Row {row}: the language is not fi, sv or en.").format(row=number))
        problems += found
        if not found:
            out.append(RecipientInput(name, tuple(lines), language, email))
    if problems:
        shown = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown)
        tail = ["… " + _("and {n} more").format(n=more)] if more > 0 else []
        raise ServiceError("\n".join([_("The recipient list was not imported:"), *shown, *tail]))
    if not out:
        raise ServiceError(_("The recipient list has no recipients."))
    return out
