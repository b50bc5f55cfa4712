"""Detect that a data subject already asked within the last twelve months.

This only informs the privacy officer. Whether a request is "excessive, in particular
because of its repetitive character" (GDPR Art. 12(5)) is a case-by-case judgement
(EDPB Guidelines 01/2022 § 183-185: a one-year interval is never excessive), so nothing
here refuses, charges or flags a request as excessive.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .deadlines import add_months
from .enums import Right

WINDOW_MONTHS = 12

_NOT_WORD = re.compile(r"[^\w]+")


class MatchBasis(StrEnum):
    IDENTITY_CODE = "identity-code"  # equal keyed hashes of the henkilötunnus
    NAME_AND_ADDRESS = "name-and-address"


@dataclass(frozen=True)
class RequestSummary:
    """The little a repeat check needs to know about one request."""

    case_id: str
    received_on: date
    identity_hash: str | None = None  # identity_code.identity_code_hash(...)
    name: str = ""
    address: str = ""
    rights: frozenset[Right] = frozenset()


@dataclass(frozen=True)
class RepeatMatch:
    earlier: RequestSummary
    basis: MatchBasis
    shared_rights: frozenset[Right]


def normalise_name(name: str) -> str:
    """Case-, punctuation- and word-order-insensitive: "Virtanen, Matti" = "matti virtanen".

    Å, Ä and Ö stay distinct letters (Mäki is not Maki).
    """
    tokens = _NOT_WORD.sub(" ", unicodedata.normalize("NFC", name).casefold()).split()
    return " ".join(sorted(tokens))


def normalise_address(address: str) -> str:
    """Case-, spacing- and punctuation-insensitive; word order kept (1 A 2 is not 2 A 1)."""
    tokens = _NOT_WORD.sub(" ", unicodedata.normalize("NFC", address).casefold()).split()
    return " ".join(tokens)


def same_subject(a: RequestSummary, b: RequestSummary) -> MatchBasis | None:
    """How `a` and `b` are the same data subject, or None.

    When both carry an identity-code hash, the hashes decide alone: two people can
    share a name and a home. Otherwise both name and address must match.
    """
    if a.identity_hash and b.identity_hash:
        return MatchBasis.IDENTITY_CODE if a.identity_hash == b.identity_hash else None
    name_a, name_b = normalise_name(a.name), normalise_name(b.name)
    addr_a, addr_b = normalise_address(a.address), normalise_address(b.address)
    if name_a and addr_a and name_a == name_b and addr_a == addr_b:
        return MatchBasis.NAME_AND_ADDRESS
    return None


def within_window(earlier: date, current: date, months: int = WINDOW_MONTHS) -> bool:
    """True when `current` falls in the `months`-month period counted from `earlier`.

    Counted as Regulation 1182/71 counts months: from 31 March 2025 the period runs to
    31 March 2026 inclusive, from 29 February 2028 to 28 February 2029.
    """
    return earlier <= current <= add_months(earlier, months)


def find_repeat_requests(
    current: RequestSummary, others: Iterable[RequestSummary]
) -> tuple[RepeatMatch, ...]:
    """Earlier requests of the same data subject within twelve months, newest first.

    `current` itself (same case_id) and later requests are skipped; a request received
    the same day counts as earlier.
    """
    matches = []
    for other in others:
        if other.case_id == current.case_id:
            continue
        if not within_window(other.received_on, current.received_on):
            continue
        basis = same_subject(current, other)
        if basis is not None:
            matches.append(RepeatMatch(other, basis, current.rights & other.rights))
    matches.sort(key=lambda m: (m.earlier.received_on, m.earlier.case_id), reverse=True)
    return tuple(matches)


def latest_repeats(
    summaries: Iterable[RequestSummary], targets: Iterable[str], limit: int = 10
) -> dict[str, tuple[RequestSummary, ...]]:
    """For each case id in `targets`, up to `limit` of the newest earlier requests that
    `find_repeat_requests` would find among `summaries`, newest first.

    The same rule, for a whole register at once: requests are grouped by identity-code
    hash and by name and address first, and each group is walked back from the request
    only as far as the twelve months reach, so a register of many requests is not
    compared pair by pair (the audit pack's one-year figures over 100 000 cases).
    """
    keyed = [(s, normalise_name(s.name), normalise_address(s.address)) for s in summaries]
    by_code: dict[str, list[RequestSummary]] = {}
    by_name: dict[tuple[str, str], list[RequestSummary]] = {}
    for summary, name, address in keyed:
        if summary.identity_hash:
            by_code.setdefault(summary.identity_hash, []).append(summary)
        if name and address:
            by_name.setdefault((name, address), []).append(summary)
    groups = [*by_code.values(), *by_name.values()]
    for group in groups:
        group.sort(key=lambda s: (s.received_on, s.case_id))
    days = {id(group): [s.received_on for s in group] for group in groups}
    wanted = set(targets)
    out: dict[str, tuple[RequestSummary, ...]] = {}
    for summary, name, address in keyed:
        if summary.case_id not in wanted:
            continue
        found: dict[str, RequestSummary] = {}
        searched: list[tuple[list[RequestSummary], bool]] = []
        if summary.identity_hash:
            searched.append((by_code[summary.identity_hash], True))
        if name and address:
            searched.append((by_name[(name, address)], False))
        for group, by_identity_code in searched:
            index = bisect_right(days[id(group)], summary.received_on)
            taken = 0
            while index > 0 and taken < limit:
                index -= 1
                other = group[index]
                if not within_window(other.received_on, summary.received_on):
                    break
                if other.case_id == summary.case_id:
                    continue
                if not by_identity_code and summary.identity_hash and other.identity_hash:
                    continue  # both have a code: the codes decide (see same_subject)
                found[other.case_id] = other
                taken += 1
        if found:
            newest = sorted(found.values(), key=lambda s: (s.received_on, s.case_id), reverse=True)
            out[summary.case_id] = tuple(newest[:limit])
    return out
