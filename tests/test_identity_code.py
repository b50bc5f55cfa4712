"""Henkilötunnus validation, keyed hashing and minimised evidence.

Valid codes are the published example 131052-308T and codes whose check character
was worked out by hand with the mod-31 rule (stdnum.fi.hetu, _calc_checksum): take
DDMMYY + the three-digit individual number as one integer, divide by 31 and index
"0123456789ABCDEFHJKLMNPRSTUVWXY" with the remainder:

    131052308 = 31 * 4227493 + 25  -> T
    150605123 = 31 * 4858229 + 24  -> S
    311299899 = 31 * 10041932 + 7  -> 7
    290200456 = 31 * 9361305 + 1   -> 1
    010101002 = 31 * 325838 + 24   -> S

The century sign does not enter the sum, so the same digits are valid with every
sign of the right century.
"""

from __future__ import annotations

import hashlib
import hmac

import pytest

from rekisteri_app.domain.identity_code import (
    DocumentEvidence,
    IdentityCodeProblem,
    IdentityDocument,
    InvalidEvidence,
    InvalidIdentityCode,
    identity_code_hash,
    is_valid_identity_code,
    minimise_document_evidence,
    normalise_identity_code,
    validate_identity_code,
)

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))

VALID = [
    "131052-308T",  # published example, 1900s traditional sign
    "131052+308T",  # same digits, 1800s
    "131052Y308T",  # 2023 signs for the 1900s
    "131052X308T",
    "131052W308T",
    "131052V308T",
    "131052U308T",
    "150605A123S",  # 2000s: A and the 2023 signs B-F
    "150605B123S",
    "150605C123S",
    "150605D123S",
    "150605E123S",
    "150605F123S",
    "311299W8997",  # 31.12.1999, highest ordinary individual number 899
    "290200C4561",  # 29.2.2000: 2000 is a leap year
    "010101-002S",  # lowest individual number 002
]


@pytest.mark.parametrize("code", VALID)
def test_valid_codes(code: str) -> None:
    assert validate_identity_code(code) == code
    assert is_valid_identity_code(code)


def test_normalisation_upper_cases_and_strips() -> None:
    assert normalise_identity_code(" 150605b123s ") == "150605B123S"
    assert validate_identity_code("150605b123s") == "150605B123S"


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("131052-308U", IdentityCodeProblem.CHECK_CHARACTER),
        ("150605B123T", IdentityCodeProblem.CHECK_CHARACTER),
        ("310252-308Y", IdentityCodeProblem.DATE),  # 31 February
        ("290200-4561", IdentityCodeProblem.DATE),  # 29.2.1900: 1900 was not a leap year
        ("131352-308T", IdentityCodeProblem.DATE),  # month 13
        ("131052G308T", IdentityCodeProblem.CENTURY_SIGN),
        ("131052Z308T", IdentityCodeProblem.CENTURY_SIGN),
        ("131052-001T", IdentityCodeProblem.INDIVIDUAL_NUMBER),  # 000-001 never issued
        ("131052-9021", IdentityCodeProblem.INDIVIDUAL_NUMBER),  # 900-999: temporary
        ("13105-308T", IdentityCodeProblem.FORMAT),
        ("", IdentityCodeProblem.FORMAT),
        ("131052-308TT", IdentityCodeProblem.FORMAT),
    ],
)
def test_invalid_codes(code: str, problem: IdentityCodeProblem) -> None:
    with pytest.raises(InvalidIdentityCode) as caught:
        validate_identity_code(code)
    assert caught.value.problem is problem
    assert isinstance(caught.value, ValueError)
    assert str(caught.value)
    if code:
        assert code not in str(caught.value)  # never echo personal data into logs
    assert not is_valid_identity_code(code)


def test_installed_stdnum_accepts_2023_century_signs() -> None:
    from stdnum.fi import hetu

    for sign in "YXWVU":
        assert hetu.is_valid(f"131052{sign}308T")
    for sign in "ABCDEF":
        assert hetu.is_valid(f"150605{sign}123S")


# --------------------------------------------------------------------------- hashing


def test_hash_is_hmac_sha256_of_the_normalised_code() -> None:
    expected = hmac.new(KEY, b"131052-308T", hashlib.sha256).hexdigest()
    assert identity_code_hash("131052-308T", KEY) == expected
    assert identity_code_hash(" 131052-308t ", KEY) == expected
    assert len(expected) == 64


def test_hash_depends_on_the_key() -> None:
    assert identity_code_hash("131052-308T", KEY) != identity_code_hash("131052-308T", OTHER_KEY)


def test_different_century_signs_are_different_codes() -> None:
    # 150605A123S and 150605B123S are two distinct codes (two people), same digits
    hashes = {identity_code_hash(f"150605{sign}123S", KEY) for sign in "ABCDEF"}
    assert len(hashes) == 6


def test_hash_refuses_invalid_codes_and_weak_keys() -> None:
    with pytest.raises(InvalidIdentityCode):
        identity_code_hash("131052-308U", KEY)
    with pytest.raises(ValueError):
        identity_code_hash("131052-308T", b"short")
    with pytest.raises(ValueError):
        identity_code_hash("131052-308T", "not bytes" * 4)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- evidence


@pytest.mark.parametrize(
    ("number", "tail"),
    [
        ("XP1234567", "4567"),
        ("xp 123 4567", "4567"),
        ("AB-12-34-56", "3456"),
        ("12345", "2345"),
    ],
)
def test_minimised_evidence_keeps_four_characters(number: str, tail: str) -> None:
    evidence = minimise_document_evidence(IdentityDocument.PASSPORT, number)
    assert evidence == DocumentEvidence(IdentityDocument.PASSPORT, tail)
    assert len(evidence.number_tail) == 4


@pytest.mark.parametrize("number", ["", "1234", " 12-3 "])
def test_minimised_evidence_refuses_short_numbers(number: str) -> None:
    with pytest.raises(InvalidEvidence):
        minimise_document_evidence(IdentityDocument.ID_CARD, number)


def test_evidence_cannot_hold_more_than_four_characters() -> None:
    with pytest.raises(InvalidEvidence):
        DocumentEvidence(IdentityDocument.ID_CARD, "12345")
