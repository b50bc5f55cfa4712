"""Repeat-request detection: same data subject, within twelve calendar months."""

from __future__ import annotations

from datetime import date

import pytest

from rekisteri_app.domain.enums import Right
from rekisteri_app.domain.repeat_requests import (
    MatchBasis,
    RequestSummary,
    find_repeat_requests,
    normalise_address,
    normalise_name,
    same_subject,
    within_window,
)

D = date


def req(case_id: str, received: date, **kwargs: object) -> RequestSummary:
    defaults: dict[str, object] = {
        "name": "Matti Virtanen",
        "address": "Kotikatu 1 A 2, 00100 Helsinki",
    }
    defaults.update(kwargs)
    return RequestSummary(case_id, received, **defaults)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("earlier", "current", "inside"),
    [
        (D(2025, 3, 5), D(2026, 3, 5), True),  # exactly twelve months: the last day
        (D(2025, 3, 5), D(2026, 3, 6), False),
        (D(2025, 3, 31), D(2026, 3, 31), True),
        (D(2024, 2, 29), D(2025, 2, 28), True),  # leap day + 12 months = 28 Feb
        (D(2024, 2, 29), D(2025, 3, 1), False),
        (D(2026, 3, 5), D(2026, 3, 5), True),  # same day
        (D(2026, 3, 6), D(2026, 3, 5), False),  # later, not earlier
    ],
)
def test_window(earlier: date, current: date, inside: bool) -> None:
    assert within_window(earlier, current) is inside


def test_normalisation() -> None:
    assert normalise_name("Virtanen, Matti") == normalise_name("  MATTI   virtanen ")
    assert normalise_name("Mäki") != normalise_name("Maki")
    assert normalise_address("Kotikatu 1 A 2, 00100 Helsinki") == normalise_address(
        "kotikatu 1 a 2 00100 HELSINKI."
    )
    assert normalise_address("Kotikatu 1 A 2") != normalise_address("Kotikatu 2 A 1")


def test_hash_match_wins_over_name() -> None:
    a = req("1", D(2026, 1, 1), identity_hash="aa", name="Matti Virtanen")
    b = req("2", D(2026, 2, 1), identity_hash="aa", name="Matti Korhonen", address="Muu 3")
    assert same_subject(a, b) is MatchBasis.IDENTITY_CODE


def test_different_hashes_are_different_people_despite_same_name_and_address() -> None:
    a = req("1", D(2026, 1, 1), identity_hash="aa")
    b = req("2", D(2026, 2, 1), identity_hash="bb")
    assert same_subject(a, b) is None


def test_name_and_address_used_when_a_hash_is_missing() -> None:
    a = req("1", D(2026, 1, 1), identity_hash="aa")
    b = req("2", D(2026, 2, 1), name="Virtanen Matti", address="KOTIKATU 1 A 2 00100 Helsinki")
    assert same_subject(a, b) is MatchBasis.NAME_AND_ADDRESS


def test_name_alone_is_not_enough() -> None:
    a = req("1", D(2026, 1, 1))
    assert same_subject(a, req("2", D(2026, 2, 1), address="Toinen tie 5")) is None
    no_address = req("3", D(2026, 1, 1), address=""), req("4", D(2026, 2, 1), address="")
    assert same_subject(*no_address) is None
    assert same_subject(req("5", D(2026, 1, 1), name=""), req("6", D(2026, 1, 2), name="")) is None


def test_find_repeat_requests() -> None:
    current = req("C", D(2026, 3, 5), rights=frozenset({Right.ACCESS, Right.ERASURE}))
    others = [
        current,  # itself
        req("old", D(2025, 3, 4)),  # twelve months and a day
        req("edge", D(2025, 3, 5), rights=frozenset({Right.ACCESS})),
        req("recent", D(2026, 1, 10), identity_hash="x"),
        req("other-person", D(2026, 2, 1), name="Liisa Virtanen"),
        req("later", D(2026, 3, 6)),
    ]
    matches = find_repeat_requests(current, others)
    assert [m.earlier.case_id for m in matches] == ["recent", "edge"]  # newest first
    assert matches[1].shared_rights == frozenset({Right.ACCESS})
    assert matches[0].basis is MatchBasis.NAME_AND_ADDRESS


def test_no_repeats() -> None:
    assert find_repeat_requests(req("C", D(2026, 3, 5)), []) == ()
