"""latest_repeats: the repeat rule for a whole register at once gives what
find_repeat_requests gives for each request, newest first and at most `limit`."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from rekisteri_app.domain.repeat_requests import (
    RequestSummary,
    find_repeat_requests,
    latest_repeats,
)

PEOPLE = [
    ("Matti Virtanen", "Kotikatu 1, 00100 Helsinki"),
    ("virtanen, matti", "KOTIKATU 1, 00100 HELSINKI"),  # the same person, written otherwise
    ("Maija Mäki", "Rantatie 2, 40100 Jyväskylä"),
    ("Maija Maki", "Rantatie 2, 40100 Jyväskylä"),  # not the same: Ä is a letter
    ("Liisa Laine", ""),  # no address: never matched by name
]

requests = st.lists(
    st.tuples(
        st.integers(0, len(PEOPLE) - 1),
        st.integers(0, 800),  # days after 1 Jan 2024: leap day and year ends included
        st.sampled_from([None, "h1", "h2"]),
    ),
    max_size=30,
)


def summaries(drawn) -> list[RequestSummary]:
    start = date(2024, 1, 1)
    return [
        RequestSummary(f"{i:04d}", start + timedelta(days=day), code, *PEOPLE[person])
        for i, (person, day, code) in enumerate(drawn)
    ]


@settings(max_examples=300, deadline=None)
@given(requests, st.integers(1, 4))
def test_bulk_repeats_equal_the_rule_applied_request_by_request(drawn, limit):
    every = summaries(drawn)
    found = latest_repeats(every, [s.case_id for s in every], limit)
    for current in every:
        expected = [m.earlier for m in find_repeat_requests(current, every)][:limit]
        assert list(found.get(current.case_id, ())) == expected, current


def test_only_the_asked_for_requests_are_answered():
    every = summaries([(0, 10, None), (1, 20, None), (0, 30, None)])
    found = latest_repeats(every, ["0002"])
    assert list(found) == ["0002"]
    assert [s.case_id for s in found["0002"]] == ["0001", "0000"]
