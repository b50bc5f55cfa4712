"""Input checks shared by the editors and the CLI, so both reject the same things.

Every `normalise_*` function returns the canonical form to store, or raises
ValidationError naming the field, a stable code and a message that is translated only when
shown (the GUI and the CLI may run in different languages). Blank input raises the code
"required"; wrap a call in `optional()` for fields that may stay empty.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple, TypeVar
from urllib.parse import urlsplit, urlunsplit

from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.fi import ytunnus

from rekisteri_app.i18n import N_, translator
from rekisteri_app.i18n import _ as translate

from . import adequacy

T = TypeVar("T")


class ValidationError(ValueError):
    """One rejected field: `field` and `code` for programs, `message` for people."""

    def __init__(self, field: str, code: str, message: str, **params: object) -> None:
        super().__init__(field, code, message)
        self.field = field
        self.code = code
        self.msgid = message
        self.params = params

    @property
    def message(self) -> str:
        """The message in the current UI language."""
        return translate(self.msgid).format(**self.params)

    def text(self, lang: str) -> str:
        """The message in a given language (fi, sv, en)."""
        return translator(lang).gettext(self.msgid).format(**self.params)

    def __str__(self) -> str:
        try:
            return self.message
        except OSError:  # no compiled catalogue: still say something useful
            return self.msgid.format(**self.params)


def optional(normaliser: Callable[..., T], value: str | None, *args: object) -> T | None:
    """None for a blank value, otherwise whatever `normaliser` returns or raises."""
    if value is None or not value.strip():
        return None
    return normaliser(value, *args)


def is_valid(normaliser: Callable[..., object], value: str) -> bool:
    """For live feedback in an editor: does `value` pass `normaliser`?"""
    try:
        normaliser(value)
    except ValidationError:
        return False
    return True


def _require(value: str | None, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, "required", N_("This field is required."))
    return text


# --- Finnish business ID (Y-tunnus) --------------------------------------------------------


def normalise_business_id(value: str, field: str = "business_id") -> str:
    """Accept 1234567-8, 12345678, FI12345678 (the VAT form) and spaces; return 1234567-8.

    python-stdnum does the check digit (stdnum.fi.ytunnus; stdnum.fi.alv accepts the same
    digits with the FI prefix). Business IDs issued before 1991 have six digits and are
    written with a leading zero, so a seven-digit input gets one.
    """
    text = _require(value, field)
    digits = ytunnus.compact(text)  # drops spaces, hyphens and a leading "FI"
    if digits.isdigit() and len(digits) == 7:
        digits = "0" + digits
    if digits.isdigit() and set(digits) == {"0"}:
        # 0000000-0 passes the check digit, but no company has it: it is a placeholder.
        raise ValidationError(
            field,
            "placeholder",
            N_(
                "{value} is a placeholder, not a business ID. Write the controller's real "
                "business ID, or leave the field empty."
            ),
            value=text,
        )
    try:
        return ytunnus.format(ytunnus.validate(digits))
    except InvalidChecksum:
        raise ValidationError(
            field,
            "invalid-checksum",
            N_(
                "The check digit of business ID {value} is wrong. Check the number in the "
                "Finnish Trade Register (YTJ)."
            ),
            value=text,
        ) from None
    except StdnumValidationError:
        raise ValidationError(
            field,
            "invalid-format",
            N_(
                "{value} is not a business ID. Write seven digits, a hyphen and the check "
                "digit, for example 2077474-0."
            ),
            value=text,
        ) from None


def business_id_to_vat(value: str) -> str:
    """The EU VAT number of a Finnish business ID: 2077474-0 -> FI20774740."""
    return "FI" + normalise_business_id(value).replace("-", "")


# --- E-mail --------------------------------------------------------------------------------

# Pragmatic, not RFC 5322: no quoted local parts, comments or IP-literal domains, and no
# internationalised local parts. Neither the stdlib (email.utils.parseaddr accepts nearly
# anything) nor a regex can tell whether a mailbox exists; this only catches typing errors.
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_TLD = r"(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59})"
_EMAIL_RE = re.compile(rf"(?P<local>{_LOCAL})@(?P<domain>(?:{_LABEL}\.)+{_TLD})")
_AT_OBFUSCATION_RE = re.compile(r"\s*[(\[{]\s*at\s*[)\]}]\s*", re.IGNORECASE)


def email_suggestion(value: str) -> str | None:
    """The plain form of an address written against spam robots ("tietosuoja (at)
    example.fi" -> "tietosuoja@example.fi"), or None when `value` is not such a form."""
    if not _AT_OBFUSCATION_RE.search(value or ""):
        return None
    try:
        return normalise_email(value)
    except ValidationError:
        return None


#: "name (at) example.fi" forms inside free text, for the checker to point at.
OBFUSCATED_EMAIL_RE = re.compile(
    rf"{_LOCAL}{_AT_OBFUSCATION_RE.pattern}(?:{_LABEL}\.)+{_TLD}", re.IGNORECASE
)


def normalise_email(value: str, field: str = "email") -> str:
    """Check the shape of an address and lower-case its domain.

    Published notices often write "tietosuoja (at) example.fi" against spam robots; that
    form is accepted and stored with a real "@", as is a leading "mailto:".
    """
    text = _require(value, field)
    candidate = _AT_OBFUSCATION_RE.sub("@", text)
    if candidate.lower().startswith("mailto:"):
        candidate = candidate[len("mailto:") :]
    match = _EMAIL_RE.fullmatch(candidate)
    if match is None or len(candidate) > 254 or len(match.group("local")) > 64:
        raise ValidationError(
            field,
            "invalid-email",
            N_("{value} is not an e-mail address. Write it as name@example.fi."),
            value=text,
        )
    return f"{match.group('local')}@{match.group('domain').lower()}"


# --- Finnish postcode and postal line ------------------------------------------------------

_POSTCODE_RE = re.compile(r"(?:FIN?-?\s*)?(\d{5})", re.IGNORECASE)
_POSTAL_LINE_RE = re.compile(r"(?:FIN?-?\s*)?(\d{5})\s+(\S.*)", re.IGNORECASE)


class PostalLine(NamedTuple):
    postcode: str
    town: str


def normalise_postcode(value: str, field: str = "postcode") -> str:
    """Five digits, keeping leading zeros ("00520"); an "FI-" prefix is dropped."""
    text = _require(value, field)
    match = _POSTCODE_RE.fullmatch(text)
    if match is None:
        raise ValidationError(
            field,
            "invalid-postcode",
            N_("{value} is not a Finnish postcode. A postcode has five digits, for example 00520."),
            value=text,
        )
    return match.group(1)


def split_postal_line(value: str, field: str = "postal_line") -> PostalLine:
    """Split "00520 Helsinki" (or "FI-00520 HELSINKI") into postcode and town as written."""
    text = _require(value, field)
    match = _POSTAL_LINE_RE.fullmatch(text)
    if match is None:
        raise ValidationError(
            field,
            "invalid-postal-line",
            N_("{value} is not a postcode and town. Write them as 00520 Helsinki."),
            value=text,
        )
    return PostalLine(match.group(1), " ".join(match.group(2).split()))


# A postcode-like token before the town on an address's last line: three to six
# characters holding at least three digits ("0052", "00S20", "005200"); plain house
# numbers ("6 C", "12") have fewer digits and are not mistaken for one.
_POSTCODE_LIKE_RE = re.compile(
    r"(?:^|[\s,])(?:FIN?-?\s*)?(?P<code>(?=(?:\w*\d){3})[0-9A-Za-z]{3,6})\s+"
    r"(?P<town>[^\W\d_]{2}[^\d,]*)$"
)


def postal_address_postcode(value: str) -> str | None:
    """The postcode-like token before the town on the last line (or after the last comma)
    of a free-text Finnish address, or None when the address has none."""
    lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
    if not lines:
        return None
    last = lines[-1].rsplit(",", 1)[-1].strip() if "," in lines[-1] else lines[-1]
    match = _POSTCODE_LIKE_RE.search(" " + last)
    return match.group("code") if match else None


def normalise_postal_address(value: str, field: str = "postal_address") -> str:
    """A free-text Finnish address whose postcode, if it has one, has five digits.

    Refuses "0052 Helsinki" and "00S20 Helsinki" (a typed letter O or S); keeps the text as
    written otherwise (line breaks and case), trimmed. Addresses abroad are not checked
    by callers.
    """
    text = _require(value, field)
    code = postal_address_postcode(text)
    if code is not None and not (code.isdigit() and len(code) == 5):
        raise ValidationError(
            field,
            "invalid-postcode",
            N_("{value} is not a Finnish postcode. A postcode has five digits, for example 00520."),
            value=code,
        )
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


# --- Country codes -------------------------------------------------------------------------

_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}
"""Codes the EU itself uses that ISO 3166-1 spells differently; stored in ISO form."""


def normalise_country_code(value: str, field: str = "country") -> str:
    """An ISO 3166-1 alpha-2 code in capitals; "UK" and "EL" become GB and GR."""
    text = _require(value, field)
    code = adequacy.normalise_code(text)
    code = _COUNTRY_ALIASES.get(code, code)
    if not adequacy.is_iso_country(code):
        raise ValidationError(
            field,
            "invalid-country",
            N_(
                "{value} is not a country code. Use the two-letter ISO 3166 code, for "
                "example FI, SE or US."
            ),
            value=text,
        )
    return code


def normalise_destination(value: str, field: str = "country") -> str:
    """Like normalise_country_code, but also the international organisations we know (EPO)."""
    text = _require(value, field)
    if adequacy.is_international_organisation(text):
        return adequacy.normalise_code(text)
    return normalise_country_code(text, field)


# --- Phone ---------------------------------------------------------------------------------

_PHONE_RE = re.compile(r"\+?[\d\s()-]+")
MIN_PHONE_DIGITS = 5
MAX_PHONE_DIGITS = 15  # ITU-T E.164


def normalise_phone(value: str, field: str = "phone") -> str:
    """Lenient: digits, spaces, one leading +, hyphens and balanced parentheses.

    The number is kept as the user grouped it ("040 123 4567", "+358 9 878 071"), with runs
    of spaces collapsed; letters, extensions and slashes are rejected.
    """
    text = _require(value, field)
    digits = sum(ch.isdigit() for ch in text)
    if (
        _PHONE_RE.fullmatch(text) is None
        or not _balanced(text)
        or not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS
    ):
        raise ValidationError(
            field,
            "invalid-phone",
            N_(
                "{value} is not a phone number. Use digits, spaces, hyphens, parentheses and "
                "a leading +, for example +358 40 123 4567."
            ),
            value=text,
        )
    return " ".join(text.split())


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


# --- Web address ---------------------------------------------------------------------------

_SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_HOST_LABEL_RE = re.compile(r"[^\W_](?:[\w-]{0,61}[^\W_])?")


def normalise_web_address(value: str, field: str = "web_address") -> str:
    """An http(s) address; "www.example.fi" gets https:// in front and a lower-case host."""
    text = _require(value, field)

    def invalid() -> ValidationError:
        return ValidationError(
            field,
            "invalid-web-address",
            N_(
                "{value} is not a web address. Write it as www.example.fi or "
                "https://www.example.fi/tietosuoja."
            ),
            value=text,
        )

    if any(ch.isspace() for ch in text):
        raise invalid()
    candidate = text if _SCHEME_RE.match(text) else "https://" + text
    try:
        parts = urlsplit(candidate)
        port = parts.port
    except ValueError:
        raise invalid() from None
    host = parts.hostname or ""
    labels = host.split(".")
    if (
        parts.scheme.lower() not in ("http", "https")
        or "@" in parts.netloc
        or len(labels) < 2
        or not all(_HOST_LABEL_RE.fullmatch(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise invalid()
    netloc = host if port is None else f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


# --- ISO dates -----------------------------------------------------------------------------

_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_iso_date(value: str, field: str = "date") -> date:
    """A calendar date written YYYY-MM-DD; impossible dates like 2026-02-30 are refused.

    date.fromisoformat is not used on its own because since Python 3.11 it also accepts
    forms such as 20260230 and 2026-W05-1 that the user did not mean.
    """
    text = _require(value, field)
    match = _ISO_DATE_RE.fullmatch(text)
    if match is None:
        raise ValidationError(
            field,
            "invalid-date-format",
            N_("{value} is not a date in the form YYYY-MM-DD, for example 2026-03-31."),
            value=text,
        )
    year, month, day = (int(group) for group in match.groups())
    if year < 1:
        raise ValidationError(field, "invalid-date", N_("{value} is not a real date."), value=text)
    if not 1 <= month <= 12:
        raise ValidationError(
            field,
            "invalid-month",
            N_("{value} is not a real date: there is no month {month}."),
            value=text,
            month=month,
        )
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise ValidationError(
            field,
            "invalid-day",
            N_("{value} is not a real date: month {month} of {year} has {days} days."),
            value=text,
            month=month,
            year=year,
            days=days_in_month,
        )
    return date(year, month, day)


# --- Art. 6(1) points ----------------------------------------------------------------------

_POINT_RE = re.compile(r"(?:6\s*[.(]\s*1\s*[.)]?\s*[.(]?\s*)?\(?([a-f])\)?", re.IGNORECASE)


def normalise_articles(value: str, field: str = "bases") -> list[str]:
    """Art. 6(1) points written "b, f", "6(1)(b) 6(1)(f)" or "6.1.b; 6.1.f" as the stored
    identifiers ["6.1.b", "6.1.f"], each once, in the order written."""
    text = _require(value, field)
    out: list[str] = []
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        match = _POINT_RE.fullmatch(part)
        if match is None:
            raise ValidationError(
                field,
                "invalid-article",
                N_(
                    "{value} is not a point of Article 6(1). Write the letters a–f, for "
                    "example b, f or 6(1)(b)."
                ),
                value=part,
            )
        point = f"6.1.{match.group(1).lower()}"
        if point not in out:
            out.append(point)
    return out


def format_articles(points: list[str] | None) -> str:
    """["6.1.b", "6.1.f"] as "6(1)(b), 6(1)(f)", the way a reader writes them."""
    return ", ".join(f"6(1)({p.rsplit('.', 1)[-1]})" for p in points or [])
