"""Input validation shared by the editors and the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from rekisteri_app.domain.validation import (
    PostalLine,
    ValidationError,
    business_id_to_vat,
    is_valid,
    normalise_business_id,
    normalise_country_code,
    normalise_destination,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    normalise_web_address,
    optional,
    parse_iso_date,
    split_postal_line,
)

# 2077474-0 is python-stdnum's own documentation example; check digits below were worked
# out by hand with the weights 7, 9, 10, 5, 8, 4, 2 (mod 11).
VALID_BUSINESS_ID = "2077474-0"


def _error(call, *args) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call(*args)
    assert isinstance(info.value, ValueError)
    return info.value


# --- business ID -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2077474-0", "20774740", " 2077474-0 ", "FI20774740", "fi 2077474-0", "FI 20774740"]
)
def test_business_id_forms_normalise(value: str) -> None:
    assert normalise_business_id(value) == VALID_BUSINESS_ID


def test_old_six_digit_business_id_gets_its_leading_zero() -> None:
    # 0917763-8: weights 7,9,10,5,8,4,2 -> 0+81+10+35+56+24+6 = 212; 212 % 11 = 3; 11-3 = 8
    assert normalise_business_id("917763-8") == "0917763-8"


def test_bad_check_digit_is_rejected_with_a_clear_message() -> None:
    error = _error(normalise_business_id, "2077474-1")
    assert error.field == "business_id"
    assert error.code == "invalid-checksum"
    assert "2077474-1" in error.text("en")
    assert "check digit" in error.text("en")
    assert str(error)  # translated into the current language, never empty


@pytest.mark.parametrize("value", ["12345", "abcdefg-h", "2077474-00", "FI-207747"])
def test_malformed_business_id(value: str) -> None:
    assert _error(normalise_business_id, value).code == "invalid-format"


def test_business_id_to_vat() -> None:
    assert business_id_to_vat("2077474-0") == "FI20774740"


def test_blank_is_required_unless_optional() -> None:
    error = _error(normalise_business_id, "   ")
    assert error.code == "required"
    assert optional(normalise_business_id, "  ") is None
    assert optional(normalise_business_id, None) is None
    assert optional(normalise_business_id, "20774740") == VALID_BUSINESS_ID


def test_field_name_can_be_given() -> None:
    assert _error(normalise_business_id, "x", "controller.business_id").field == (
        "controller.business_id"
    )


# --- e-mail ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("tietosuoja@example.fi", "tietosuoja@example.fi"),
        ("  Matti.Meikalainen@Example.FI ", "Matti.Meikalainen@example.fi"),
        ("first+tag@sub.example.co.uk", "first+tag@sub.example.co.uk"),
        ("tietosuoja (at) example.fi", "tietosuoja@example.fi"),
        ("tietosuoja[at]example.fi", "tietosuoja@example.fi"),
        ("mailto:info@example.fi", "info@example.fi"),
        ("info@jyväskylä.fi", "info@jyväskylä.fi"),
        ("info@xn--jyvskyl-7wae.fi", "info@xn--jyvskyl-7wae.fi"),
    ],
)
def test_email_accepts_and_normalises(value: str, expected: str) -> None:
    assert normalise_email(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "plainaddress",
        "@example.fi",
        "name@",
        "name@example",
        "name@@example.fi",
        "name@example..fi",
        ".name@example.fi",
        "name.@example.fi",
        "na..me@example.fi",
        "name@-example.fi",
        "name@example.f",
        "name example@example.fi",
        "name@example.fi.",
        "a" * 65 + "@example.fi",
    ],
)
def test_email_rejects(value: str) -> None:
    error = _error(normalise_email, value)
    assert (error.field, error.code) == ("email", "invalid-email")


# --- postcode --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"), [("00520", "00520"), (" 40101 ", "40101"), ("FI-00520", "00520")]
)
def test_postcode(value: str, expected: str) -> None:
    assert normalise_postcode(value) == expected


@pytest.mark.parametrize("value", ["0052", "005200", "00 520", "ABCDE", "SE-11122x"])
def test_postcode_rejects(value: str) -> None:
    assert _error(normalise_postcode, value).code == "invalid-postcode"


def test_split_postal_line() -> None:
    assert split_postal_line("00520 Helsinki") == PostalLine("00520", "Helsinki")
    assert split_postal_line(" 37601  VALKEAKOSKI ") == ("37601", "VALKEAKOSKI")
    assert split_postal_line("FI-40101 Jyväskylä") == ("40101", "Jyväskylä")
    assert split_postal_line("01900 Nurmijärvi kk").town == "Nurmijärvi kk"
    for bad in ("00520", "Helsinki 00520", "520 Helsinki", "PL 4 40101 Jyväskylä"):
        assert _error(split_postal_line, bad).code == "invalid-postal-line"


# --- country ---------------------------------------------------------------------------------


def test_country_code() -> None:
    assert normalise_country_code(" fi ") == "FI"
    assert normalise_country_code("UK") == "GB"
    assert normalise_country_code("el") == "GR"
    for bad in ("FIN", "XX", "EU", "1", "EPO"):
        error = _error(normalise_country_code, bad)
        assert (error.field, error.code) == ("country", "invalid-country")


def test_destination_also_accepts_the_european_patent_organisation() -> None:
    assert normalise_destination("epo") == "EPO"
    assert normalise_destination("us") == "US"
    assert _error(normalise_destination, "ZZ").code == "invalid-country"


# --- phone -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("040 123 4567", "040 123 4567"),
        ("+358 9 878 071", "+358 9 878 071"),
        (" +358  20  632 3800 ", "+358 20 632 3800"),
        ("040-7475309", "040-7475309"),
        ("(09) 123 456", "(09) 123 456"),
    ],
)
def test_phone_is_lenient(value: str, expected: str) -> None:
    assert normalise_phone(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "040 123 4567 ext 5",
        "09/123456",
        "358+40123",
        "(09 123 456",
        "09) 123 (456",
        "1234",
        "1" * 16,
    ],
)
def test_phone_rejects(value: str) -> None:
    assert _error(normalise_phone, value).code == "invalid-phone"


# --- web address -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("www.example.fi", "https://www.example.fi"),
        ("https://Example.FI/Tietosuoja", "https://example.fi/Tietosuoja"),
        ("http://example.fi:8080/a?b=c#d", "http://example.fi:8080/a?b=c#d"),
        ("example.fi/lomaketietorekisteri/", "https://example.fi/lomaketietorekisteri/"),
    ],
)
def test_web_address(value: str, expected: str) -> None:
    assert normalise_web_address(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "ftp://example.fi",
        "localhost",
        "https://",
        "www.example .fi",
        "name@example.fi",
        "https://user@example.fi",
        "https://192.168.0.1",
        "https://example.fi:99999",
        "https://-bad-.fi",
    ],
)
def test_web_address_rejects(value: str) -> None:
    assert _error(normalise_web_address, value).code == "invalid-web-address"


# --- ISO dates -------------------------------------------------------------------------------


def test_iso_date() -> None:
    assert parse_iso_date("2026-03-31") == date(2026, 3, 31)
    assert parse_iso_date(" 2024-02-29 ") == date(2024, 2, 29)


def test_impossible_day_is_explained() -> None:
    error = _error(parse_iso_date, "2026-02-30")
    assert error.code == "invalid-day"
    assert error.params == {"value": "2026-02-30", "month": 2, "year": 2026, "days": 28}
    assert error.text("en") == "2026-02-30 is not a real date: month 2 of 2026 has 28 days."


def test_leap_years() -> None:
    assert _error(parse_iso_date, "2025-02-29").params["days"] == 28
    assert parse_iso_date("2000-02-29") == date(2000, 2, 29)
    assert _error(parse_iso_date, "1900-02-29").code == "invalid-day"


def test_impossible_month() -> None:
    error = _error(parse_iso_date, "2026-13-01")
    assert error.code == "invalid-month"
    assert "13" in error.text("en")


@pytest.mark.parametrize("value", ["20260330", "2026-W13-1", "31.3.2026", "2026-3-31", "2026-03"])
def test_only_the_iso_form_is_accepted(value: str) -> None:
    assert _error(parse_iso_date, value).code == "invalid-date-format"


def test_year_zero() -> None:
    assert _error(parse_iso_date, "0000-01-01").code == "invalid-date"


def test_is_valid_helper() -> None:
    assert is_valid(parse_iso_date, "2026-01-31")
    assert not is_valid(parse_iso_date, "2026-02-31")


def test_message_is_translated_in_each_language() -> None:
    error = _error(normalise_postcode, "123")
    for lang in ("fi", "sv", "en"):
        assert "123" in error.text(lang)
    assert error.message == str(error)
