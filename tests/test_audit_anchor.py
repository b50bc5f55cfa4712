"""Chain anchors and segments (storage/audit.py): a head recorded elsewhere is found or
named, and a run of events is checked from the hash of the event before it."""

from __future__ import annotations

import pytest

from rekisteri_app.services import entities
from rekisteri_app.storage import audit


def add_controllers(ctx, n: int) -> None:
    for i in range(n):
        entities.save(ctx, "controllers", {"name": f"Yhtiö {i} Oy"})


def segment(session, first: int, last: int) -> tuple[str, list[audit.SegmentEvent]]:
    from sqlalchemy import select

    from rekisteri_app.storage.models import AuditEvent

    events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    chosen = [
        audit.SegmentEvent(
            position,
            ev.prev_hash,
            ev.hash,
            (ev.at, ev.actor, ev.action, ev.entity, ev.entity_id, *audit.hashed_payloads(ev)),
        )
        for position, ev in enumerate(events, start=1)
        if first <= position <= last
    ]
    return audit.hash_at(session, first - 1), chosen


def test_a_head_is_count_and_hash_and_parses_back():
    head = audit.Head(12, "a" * 64)
    assert audit.parse_head(str(head)) == head
    assert audit.parse_head(" 12:" + "A" * 64) == head
    for bad in ("12", "x:" + "a" * 64, "12:" + "a" * 63, "12:" + "g" * 64, ""):
        with pytest.raises(audit.InvalidHead):
            audit.parse_head(bad)


def test_a_recorded_head_is_found_at_its_position(ctx):
    add_controllers(ctx, 5)
    with ctx.read() as session:
        recorded = audit.Head(3, audit.hash_at(session, 3))
        assert audit.head(session).count == 5
    add_controllers(ctx, 2)
    with ctx.read() as session:
        assert audit.check_head(session, recorded).ok
        wrong = audit.check_head(session, audit.Head(3, "0" * 64))
        assert (wrong.ok, wrong.found, wrong.length) == (False, recorded.hash, 7)
        gone = audit.check_head(session, audit.Head(9, recorded.hash))
        assert (gone.ok, gone.found) == (False, None)
        assert audit.hash_at(session, 0) == audit.GENESIS and audit.hash_at(session, 8) is None


def test_an_intact_segment_checks_from_the_hash_before_it(ctx):
    add_controllers(ctx, 6)
    with ctx.read() as session:
        previous, events = segment(session, 3, 5)
    problems, last = audit.verify_segment(events, previous, 3)
    assert problems == [] and last == audit.Head(5, events[-1].hash)


def test_a_segment_names_missing_altered_and_unlinked_positions(ctx):
    add_controllers(ctx, 6)
    with ctx.read() as session:
        previous, events = segment(session, 2, 6)
    without_4 = [e for e in events if e.position != 4]
    problems, _ = audit.verify_segment(without_4, previous, 2)
    assert [(p.position, p.reason) for p in problems] == [(4, "missing"), (5, "broken-link")]

    altered = list(events)
    fields = list(altered[1].fields)
    fields[1] = "someone else"
    altered[1] = audit.SegmentEvent(3, altered[1].prev_hash, altered[1].hash, tuple(fields))
    problems, _ = audit.verify_segment(altered, previous, 2)
    assert [(p.position, p.reason) for p in problems] == [(3, "altered")]

    withheld = [audit.SegmentEvent(e.position, e.prev_hash, e.hash) for e in events]
    assert audit.verify_segment(withheld, previous, 2)[0] == []  # links alone still hold
    problems, _ = audit.verify_segment(withheld, "f" * 64, 2)
    assert [(p.position, p.reason) for p in problems] == [(2, "broken-link")]
