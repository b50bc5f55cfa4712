"""The hash-chained audit trail.

Each event's SHA-256 covers its own fields and the previous event's hash, so editing or
deleting any row breaks the chain from that row on. The chain head (count and last hash)
is also kept in `settings`, so cutting events off the end is detected too.

Anchors: a head recorded outside the database (an audit pack's cover) is checked with
`check_head`; a run of events copied out of the database (an audit pack's log) is checked
on its own with `verify_segment`, from the hash of the event before it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import AuditEvent, Setting

GENESIS = "0" * 64
# json.dumps(…, ensure_ascii=False, separators=(",", ":")) made once, not per event
_PAYLOAD = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
HEAD_KEY = "audit.head"


def canonical_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def event_hash(
    prev_hash: str,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: str | None,
    before_json: str | None,
    after_json: str | None,
) -> str:
    payload = _PAYLOAD.encode(
        [prev_hash, at, actor, action, entity, entity_id, before_json, after_json]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def head_count(session: Session) -> int:
    """How many events the trail holds, from the chain head (no scan of the trail)."""
    return _head(session)[0]


def _head(session: Session) -> tuple[int, str]:
    row = session.get(Setting, HEAD_KEY)
    if row is None:
        return 0, GENESIS
    count, last = row.value.split(":", 1)
    return int(count), last


def append(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: Any,
    before: Any,
    after: Any,
) -> AuditEvent:
    count, prev = _head(session)
    stamp = at.isoformat(timespec="microseconds")
    eid = None if entity_id is None else str(entity_id)
    before_json, after_json = canonical_json(before), canonical_json(after)
    digest = event_hash(prev, stamp, actor, action, entity, eid, before_json, after_json)
    event = AuditEvent(
        at=stamp,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=eid,
        before_json=before_json,
        after_json=after_json,
        prev_hash=prev,
        hash=digest,
    )
    session.add(event)
    head = session.get(Setting, HEAD_KEY)
    value = f"{count + 1}:{digest}"
    if head is None:
        session.add(Setting(key=HEAD_KEY, value=value))
    else:
        head.value = value
    return event


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    broken_id: int | None = None
    reason: str | None = None  # "altered", "missing-before", "missing-tail"


VERIFY_BATCH = 2000
_VERIFY_SQL = (
    "SELECT id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash"
    " FROM audit_events ORDER BY id"
)


def verify(session: Session) -> Verification:
    """Recompute the chain; name the first event that does not fit.

    One cursor of the driver streams the plain rows `VERIFY_BATCH` at a time (no ORM
    objects, nothing kept), so a trail of a million events is checked in constant
    memory at the speed of hashing the rows in a plain loop."""
    prev = GENESIS
    checked = 0
    cursor = session.connection().connection.dbapi_connection.cursor()
    try:
        cursor.execute(_VERIFY_SQL)
        while rows := cursor.fetchmany(VERIFY_BATCH):
            for ident, at, actor, action, entity, eid, before, after, prev_hash, digest in rows:
                if prev_hash != prev:
                    return Verification(False, checked, ident, "missing-before")
                if event_hash(prev, at, actor, action, entity, eid, before, after) != digest:
                    return Verification(False, checked, ident, "altered")
                prev = digest
                checked += 1
    finally:
        cursor.close()
    count, last = _head(session)
    if count != checked or last != prev:
        return Verification(False, checked, None, "missing-tail")
    return Verification(True, checked)


# ------------------------------------------------------------- anchors and segments
#
# A position is an event's place in the chain, counted from 1 in id order; the head
# "COUNT:HASH" of a chain with COUNT events is the position COUNT and its hash. A head
# written down elsewhere (on an audit pack's cover, in a ticket) is an anchor: if the
# event at that position still has that hash, nothing up to it was rewritten since.


@dataclass(frozen=True)
class Head:
    """The chain's length and the hash of its last event (GENESIS for an empty chain)."""

    count: int
    hash: str

    def __str__(self) -> str:
        return f"{self.count}:{self.hash}"


class InvalidHead(ValueError):
    """A head that is not `COUNT:HASH` (a count and 64 hexadecimal digits)."""


def parse_head(text: str) -> Head:
    count, sep, digest = str(text).strip().partition(":")
    digest = digest.strip().lower()
    if (
        not sep
        or not count.strip().isdigit()
        or len(digest) != 64
        or any(c not in "0123456789abcdef" for c in digest)
    ):
        raise InvalidHead(text)
    return Head(int(count), digest)


def head(session: Session) -> Head:
    """The head recorded with the chain (audit `verify` proves it matches the events)."""
    count, last = _head(session)
    return Head(count, last)


def hash_at(session: Session, position: int) -> str | None:
    """The hash of the event at `position` (GENESIS for 0), None past the chain's end."""
    if position <= 0:
        return GENESIS
    return session.scalar(
        select(AuditEvent.hash).order_by(AuditEvent.id).offset(position - 1).limit(1)
    )


def count_before(session: Session, event_id: int) -> int:
    """How many events precede the event `event_id`: its position is this plus one."""
    return int(
        session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.id < event_id))
        or 0
    )


@dataclass(frozen=True)
class HeadCheck:
    """Is a head recorded elsewhere still in the chain? `found` is the hash now at its
    position (None when the chain is shorter than the recorded count)."""

    ok: bool
    expected: Head
    length: int
    found: str | None


def check_head(session: Session, expected: Head) -> HeadCheck:
    """Compare the event at `expected.count` with `expected.hash`. Only meaningful
    together with `verify`: an intact chain whose event at that position carries that
    hash contains, unchanged, every event the recorded head covered."""
    length = int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
    found = hash_at(session, expected.count) if expected.count <= length else None
    return HeadCheck(found == expected.hash, expected, length, found)


@dataclass(frozen=True)
class SegmentEvent:
    """One event of a chain segment as a file holds it. `fields` are the hashed fields
    (at, actor, action, entity, entity_id, before_json, after_json), or None when they
    were withheld (pseudonymised): then only the links to its neighbours are checked."""

    position: int
    prev_hash: str
    hash: str
    fields: tuple[str, str, str, str, str | None, str | None, str | None] | None = None


@dataclass(frozen=True)
class SegmentProblem:
    position: int
    reason: str  # "missing", "out-of-order", "broken-link", "altered"


def verify_segment(
    events: Iterable[SegmentEvent], previous_hash: str, first_position: int
) -> tuple[list[SegmentProblem], Head]:
    """Check a run of events that should start at `first_position`, right after an event
    whose hash is `previous_hash`. Every position that does not fit is named once per
    reason; the returned head is the segment's last position and hash as read."""
    problems: list[SegmentProblem] = []
    expected_position = first_position
    prev = previous_hash
    last = Head(first_position - 1, previous_hash)
    for ev in events:
        if ev.position < expected_position:
            problems.append(SegmentProblem(ev.position, "out-of-order"))
            continue
        for missing in range(expected_position, ev.position):
            problems.append(SegmentProblem(missing, "missing"))
        if ev.prev_hash != prev:
            problems.append(SegmentProblem(ev.position, "broken-link"))
        if ev.fields is not None and event_hash(ev.prev_hash, *ev.fields) != ev.hash:
            problems.append(SegmentProblem(ev.position, "altered"))
        prev = ev.hash
        expected_position = ev.position + 1
        last = Head(ev.position, ev.hash)
    return problems, last
