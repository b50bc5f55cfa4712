"""The hash-chained audit trail.

Each event's SHA-256 covers its own fields and the previous event's hash, so editing or
deleting any row breaks the chain from that row on. The chain head (count and last hash)
is also kept in `settings`, so cutting events off the end is detected too.

Erasable payloads (GDPR Art. 5(1)(e), 17): since migration 0008 an event's hash covers a
salted SHA-256 digest of each snapshot instead of the snapshot itself (scheme 2). The
retention purge can then erase a purged case's snapshots (the payloads and their salt)
while the chain still verifies: what stays is who did what to which case number, when,
and that the removed text was there. With the salt gone, a digest cannot be matched
against a guessed name. Events converted by 0008 keep their earlier hash as
`legacy_hash`, so a head written down before the conversion still proves its events.

Anchors: a head recorded outside the database (an audit pack's cover) is checked with
`check_head`; a run of events copied out of the database (an audit pack's log) is checked
on its own with `verify_segment`, from the hash of the event before it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections import namedtuple
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from .models import AuditEvent, Setting

GENESIS = "0" * 64
# json.dumps(…, ensure_ascii=False, separators=(",", ":")) made once, not per event
_PAYLOAD = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
HEAD_KEY = "audit.head"
SCHEME_LEGACY = 1  # the hash covers the snapshots' text (events before migration 0008)
SCHEME_DIGEST = 2  # the hash covers salted digests of the snapshots: they can be erased


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


def payload_digest(salt: str, text: str | None) -> str | None:
    """The salted SHA-256 of one snapshot's canonical JSON (None for no snapshot)."""
    if text is None:
        return None
    return hashlib.sha256((salt + text).encode("utf-8")).hexdigest()


def hashed_payloads(event: Any) -> tuple[str | None, str | None] | None:
    """The two values an event's hash covers in place of its snapshots, or None when a
    snapshot held does not match its digest (altered). `event` is any object with the
    columns of `AuditEvent` (an ORM row, a pack line read back)."""
    if (getattr(event, "scheme", None) or SCHEME_LEGACY) == SCHEME_LEGACY:
        return event.before_json, event.after_json
    if event.payload_salt is None:  # erased: no snapshot may remain
        if event.before_json is not None or event.after_json is not None:
            return None
    elif (
        payload_digest(event.payload_salt, event.before_json) != event.before_digest
        or payload_digest(event.payload_salt, event.after_json) != event.after_digest
    ):
        return None
    return event.before_digest, event.after_digest


def expected_hash(prev_hash: str, event: Any) -> str | None:
    """The hash `event` must carry after `prev_hash`; None when its snapshots were altered."""
    payloads = hashed_payloads(event)
    if payloads is None:
        return None
    return event_hash(
        prev_hash, event.at, event.actor, event.action, event.entity, event.entity_id, *payloads
    )


def head_count(session: Session) -> int:
    """How many events the trail holds, from the chain head (no scan of the trail)."""
    return _head(session)[0]


def _head(session: Session) -> tuple[int, str]:
    row = session.get(Setting, HEAD_KEY)
    if row is None:
        return 0, GENESIS
    count, last = row.value.split(":", 1)
    return int(count), last


def sealed(
    prev_hash: str,
    *,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: str | None,
    before_json: str | None,
    after_json: str | None,
    salt: str | None = None,
) -> dict[str, Any]:
    """The columns of a new scheme-2 event that follows `prev_hash` (a fresh random salt
    unless one is given: the benchmark's data builder seeds its own)."""
    salt = secrets.token_hex(16) if salt is None else salt
    row: dict[str, Any] = {
        "at": at,
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "before_json": before_json,
        "after_json": after_json,
        "scheme": SCHEME_DIGEST,
        "payload_salt": salt,
        "before_digest": payload_digest(salt, before_json),
        "after_digest": payload_digest(salt, after_json),
        "prev_hash": prev_hash,
    }
    row["hash"] = event_hash(
        prev_hash, at, actor, action, entity, entity_id, row["before_digest"], row["after_digest"]
    )
    return row


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
    event = AuditEvent(
        **sealed(
            prev,
            at=stamp,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=eid,
            before_json=canonical_json(before),
            after_json=canonical_json(after),
        )
    )
    digest = event.hash
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
_VerifyRow = namedtuple(
    "_VerifyRow",
    "id at actor action entity entity_id before_json after_json scheme payload_salt"
    " before_digest after_digest legacy_hash prev_hash hash",
)
_VERIFY_SQL = "SELECT {} FROM audit_events ORDER BY id".format(", ".join(_VerifyRow._fields))


def verify(session: Session) -> Verification:
    """Recompute the chain; name the first event that does not fit.

    One cursor of the driver streams the plain rows `VERIFY_BATCH` at a time (no ORM
    objects, nothing kept), so a trail of a million events is checked in constant
    memory at the speed of hashing the rows in a plain loop. A converted event whose
    snapshots are still held is also checked against its `legacy_hash` (the chain as it
    was before migration 0008), so an anchor written down before the conversion proves
    the text of every event it covered."""
    prev = GENESIS
    legacy_prev = GENESIS
    checked = 0
    cursor = session.connection().connection.dbapi_connection.cursor()
    try:
        cursor.execute(_VERIFY_SQL)
        while rows := cursor.fetchmany(VERIFY_BATCH):
            for row in rows:
                (ident, at, actor, action, entity, eid, before, after, scheme, salt) = row[:10]
                before_digest, after_digest, legacy, prev_hash, digest = row[10:]
                if prev_hash != prev:
                    return Verification(False, checked, ident, "missing-before")
                if scheme == SCHEME_DIGEST:  # the common case, inlined: see hashed_payloads
                    if salt is None:
                        held = before is not None or after is not None  # erased: none held
                    else:
                        held = before_digest != payload_digest(
                            salt, before
                        ) or after_digest != payload_digest(salt, after)
                    if held or digest != event_hash(
                        prev, at, actor, action, entity, eid, before_digest, after_digest
                    ):
                        return Verification(False, checked, ident, "altered")
                elif expected_hash(prev, _VerifyRow._make(row)) != digest:
                    return Verification(False, checked, ident, "altered")
                if legacy is not None:
                    if salt is not None and legacy != event_hash(
                        legacy_prev, at, actor, action, entity, eid, before, after
                    ):
                        return Verification(False, checked, ident, "altered")
                    legacy_prev = legacy
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


def legacy_hash_at(session: Session, position: int) -> str | None:
    """The pre-0008 hash of the event at `position` (None if it has none)."""
    if position <= 0:
        return None
    return session.scalar(
        select(AuditEvent.legacy_hash).order_by(AuditEvent.id).offset(position - 1).limit(1)
    )


def erase_payloads(session: Session, entity: str, entity_ids: Iterable[str], on: str) -> int:
    """Erase the snapshots of every event about these entities (the retention purge):
    the payloads and their salt go, the digests and the chain stay. Events of the legacy
    scheme cannot be erased without breaking the chain and are left; returns how many
    events were erased."""
    ids = [str(i) for i in entity_ids]
    erased = 0
    for start in range(0, len(ids), 500):
        result = session.execute(
            update(AuditEvent)
            .where(
                AuditEvent.entity == entity,
                AuditEvent.entity_id.in_(ids[start : start + 500]),
                AuditEvent.scheme == SCHEME_DIGEST,
                AuditEvent.payload_salt.is_not(None),
            )
            .values(before_json=None, after_json=None, payload_salt=None, erased_on=on)
            .execution_options(synchronize_session=False)
        )
        erased += result.rowcount or 0
    return erased


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
    if found != expected.hash and expected.count <= length:
        legacy = legacy_hash_at(session, expected.count)
        if legacy == expected.hash:  # a head written down before migration 0008
            return HeadCheck(True, expected, length, legacy)
    return HeadCheck(found == expected.hash, expected, length, found)


@dataclass(frozen=True)
class SegmentEvent:
    """One event of a chain segment as a file holds it. `fields` are the hashed fields
    (at, actor, action, entity, entity_id, and the snapshots or their digests: see
    `hashed_payloads`), or None when they were withheld (pseudonymised): then only the
    links to its neighbours are checked. `altered` marks snapshots that do not match
    their digests."""

    position: int
    prev_hash: str
    hash: str
    fields: tuple[str, str, str, str, str | None, str | None, str | None] | None = None
    altered: bool = False


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
        if ev.altered or (
            ev.fields is not None and event_hash(ev.prev_hash, *ev.fields) != ev.hash
        ):
            problems.append(SegmentProblem(ev.position, "altered"))
        prev = ev.hash
        expected_position = ev.position + 1
        last = Head(ev.position, ev.hash)
    return problems, last
