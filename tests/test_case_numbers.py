"""Case numbers: format, parse, next in the yearly sequence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rekisteri_app.domain.case_numbers import (
    CaseNumber,
    InvalidCaseNumber,
    format_case_number,
    next_case_number,
    normalise_prefix,
    parse_case_number,
)


@pytest.mark.parametrize(
    ("year", "sequence", "prefix", "text"),
    [
        (2026, 1, None, "2026-0001"),
        (2026, 42, None, "2026-0042"),
        (2026, 9999, None, "2026-9999"),
        (2026, 10000, None, "2026-10000"),
        (2026, 1, "TS", "TS-2026-0001"),
        (2026, 1, "ts", "TS-2026-0001"),
        (2026, 7, "VÄYLÄ", "VÄYLÄ-2026-0007"),
        (2026, 3, "", "2026-0003"),
    ],
)
def test_format(year: int, sequence: int, prefix: str | None, text: str) -> None:
    assert format_case_number(year, sequence, prefix) == text
    assert str(CaseNumber(year, sequence, prefix)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-0001", CaseNumber(2026, 1)),
        (" ts-2026-0012 ", CaseNumber(2026, 12, "TS")),
        ("2027-10000", CaseNumber(2027, 10000)),
    ],
)
def test_parse(text: str, expected: CaseNumber) -> None:
    assert parse_case_number(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "2026", "2026-1", "2026-00001", "26-0001", "2026-0000", "T-S-2026-0001", "-2026-0001"],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(InvalidCaseNumber):
        parse_case_number(text)


@pytest.mark.parametrize("prefix", ["T-S", "1TS", "TOO-LONG-PREFIX", "ABCDEFGHIJK", "T S"])
def test_bad_prefix(prefix: str) -> None:
    with pytest.raises(InvalidCaseNumber):
        normalise_prefix(prefix)


def test_invalid_numbers() -> None:
    with pytest.raises(InvalidCaseNumber):
        CaseNumber(2026, 0)
    with pytest.raises(InvalidCaseNumber):
        CaseNumber(26, 1)
    assert issubclass(InvalidCaseNumber, ValueError)


def test_next_number_first_of_year() -> None:
    assert next_case_number(2026, []) == CaseNumber(2026, 1)
    assert str(next_case_number(2026, [], "TS")) == "TS-2026-0001"


def test_next_number_follows_highest_of_that_year_only() -> None:
    existing = ["2025-0120", "2026-0001", "2026-0007", CaseNumber(2026, 3), "2027-0050"]
    assert next_case_number(2026, existing) == CaseNumber(2026, 8)
    assert next_case_number(2027, existing) == CaseNumber(2027, 51)


def test_next_number_continues_across_a_prefix_change() -> None:
    assert str(next_case_number(2026, ["2026-0007"], "TS")) == "TS-2026-0008"


def test_next_number_skips_unparseable_legacy_numbers() -> None:
    assert next_case_number(2026, ["dno 12/2026", "2026-0002"]) == CaseNumber(2026, 3)


@given(
    st.integers(min_value=1000, max_value=9999),
    st.integers(min_value=1, max_value=200_000),
    st.sampled_from([None, "TS", "A1", "ÅÄÖ"]),
)
def test_round_trip(year: int, sequence: int, prefix: str | None) -> None:
    number = CaseNumber(year, sequence, prefix)
    assert parse_case_number(str(number)) == number
