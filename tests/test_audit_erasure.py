"""A purged case's snapshots leave the audit trail, and the chain still proves its events.

Since migration 0008 each event's hash covers salted digests of its snapshots (scheme 2),
so the retention purge (GDPR Art. 5(1)(e), Art. 17) can erase the payloads and their salt.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlalchemy import select, text

from rekisteri_app.services.context import ServiceContext
from rekisteri_app.services.requests import retention
from rekisteri_app.storage import audit
from rekisteri_app.storage import models as m
from rekisteri_app.storage.database import Database
from rekisteri_app.storage.migrate import _config
from tests.conftest import PASSPHRASE, FixedClock

LATER = datetime(2032, 6, 1, 9, 0, tzinfo=UTC)


def add_controller(ctx, name: str) -> None:
    from rekisteri_app.services import entities

    entities.save(ctx, "controllers", {"name": name})


def tamper(ctx, sql: str, **params) -> None:
    with ctx.db.engine.begin() as conn:
        conn.execute(text(sql), params)


def verified(ctx) -> audit.Verification:
    with ctx.read() as session:
        return audit.verify(session)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from rekisteri_app.services.demo import create_demo

    path = tmp_path_factory.mktemp("erasure") / "demo.db"
    create_demo(path, PASSPHRASE, today=date(2026, 11, 23))
    return path


@pytest.fixture
def later(demo_file, tmp_path):
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_file, copy)
    db = Database.open(copy, PASSPHRASE)
    yield ServiceContext(db, actor="tester", clock=FixedClock(LATER))
    db.close()


def _events_of(session, case_numbers) -> list[m.AuditEvent]:
    return list(
        session.scalars(
            select(m.AuditEvent).where(
                m.AuditEvent.entity == "request", m.AuditEvent.entity_id.in_(case_numbers)
            )
        )
    )


def test_new_events_hash_salted_digests_of_their_snapshots(ctx):
    add_controller(ctx, "Esimerkki Oy")
    with ctx.read() as session:
        event = session.scalars(select(m.AuditEvent)).one()
    assert event.scheme == audit.SCHEME_DIGEST and len(event.payload_salt) == 32
    assert event.after_digest == audit.payload_digest(event.payload_salt, event.after_json)
    assert "Esimerkki Oy" not in event.after_digest
    assert verified(ctx).ok


def test_an_erased_snapshot_leaves_the_chain_intact(ctx):
    add_controller(ctx, "Esimerkki Oy")
    add_controller(ctx, "Toinen Oy")
    with ctx.change() as tx:
        first = tx.session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id)).first()
        erased = audit.erase_payloads(tx.session, first.entity, [first.entity_id], "2032-06-01")
        tx.audit("test", "test", None)
    assert erased == 1
    with ctx.read() as session:
        event = session.get(m.AuditEvent, first.id)
        assert (event.after_json, event.payload_salt, event.erased_on) == (None, None, "2032-06-01")
        assert event.after_digest  # the proof that there was a snapshot stays
    assert verified(ctx).ok


def test_a_snapshot_put_back_into_an_erased_event_is_named(ctx):
    add_controller(ctx, "Esimerkki Oy")
    with ctx.change() as tx:
        event = tx.session.scalars(select(m.AuditEvent)).one()
        audit.erase_payloads(tx.session, event.entity, [event.entity_id], "2032-06-01")
        tx.audit("test", "test", None)
    tamper(ctx, """UPDATE audit_events SET after_json = '{"name":"Keksitty Oy"}' WHERE id = 1""")
    assert (verified(ctx).broken_id, verified(ctx).reason) == (1, "altered")


def test_an_altered_held_snapshot_is_named(ctx):
    add_controller(ctx, "Esimerkki Oy")
    add_controller(ctx, "Toinen Oy")
    tamper(ctx, """UPDATE audit_events SET after_json = '{"name":"Keksitty Oy"}' WHERE id = 2""")
    result = verified(ctx)
    assert (result.ok, result.broken_id, result.reason) == (False, 2, "altered")


def test_a_changed_digest_of_an_erased_event_is_named(ctx):
    add_controller(ctx, "Esimerkki Oy")
    with ctx.change() as tx:
        event = tx.session.scalars(select(m.AuditEvent)).one()
        audit.erase_payloads(tx.session, event.entity, [event.entity_id], "2032-06-01")
    tamper(ctx, "UPDATE audit_events SET after_digest = :d WHERE id = 1", d="0" * 64)
    assert verified(ctx).reason == "altered"


def test_the_purge_erases_the_cases_snapshots_from_the_trail(later):
    plan_cases = [c.case_number for c in retention.purge_plan(later).cases]
    assert plan_cases
    with later.read() as session:
        names = {
            r.subject.name
            for r in session.scalars(
                select(m.RightsRequest).where(m.RightsRequest.case_number.in_(plan_cases))
            )
        }
        held = _events_of(session, plan_cases)
        assert held and any(name in (e.after_json or "") for e in held for name in names)
    plan = retention.purge(later)
    assert sorted(c.case_number for c in plan.cases) == sorted(plan_cases)
    with later.read() as session:
        for event in _events_of(session, plan_cases):
            assert event.before_json is None and event.after_json is None
            assert event.payload_salt is None and event.erased_on == "2032-06-01"
        trail = " ".join(
            (e.before_json or "") + (e.after_json or "")
            for e in session.scalars(select(m.AuditEvent))
        )
        purge_event = session.scalars(
            select(m.AuditEvent).where(m.AuditEvent.action == "purge")
        ).one()
        # A person who also has a case that stays keeps their row and that case's events.
        gone = names - {p.name for p in session.scalars(select(m.Person))}
    assert gone and not [name for name in gone if name in trail]
    assert json.loads(purge_event.after_json)["audit_snapshots_erased"] == len(held)
    assert verified(later).ok


def _at_0007(db) -> None:
    with db.engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")


def _upgrade(db) -> None:
    with db.engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _legacy_head(db) -> str:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT value FROM settings WHERE key = 'audit.head'")).scalar()


def test_migration_0008_converts_an_intact_chain_and_keeps_earlier_anchors(later):
    _at_0007(later.db)
    before = audit.parse_head(_legacy_head(later.db))
    _upgrade(later.db)
    assert verified(later).ok
    with later.read() as session:
        rechain = session.scalars(
            select(m.AuditEvent).where(m.AuditEvent.action == "audit.rechain")
        ).one()
        assert json.loads(rechain.after_json)["legacy_head"] == str(before)
        assert audit.head(session).count == before.count + 1
        assert audit.check_head(session, before).ok  # a cover printed before still proves
        schemes = set(session.scalars(select(m.AuditEvent.scheme)))
    assert schemes == {audit.SCHEME_DIGEST}
    retention.purge(later)  # converted events can be erased now
    assert verified(later).ok


def _rechain_scheme_2(ctx) -> None:
    """What someone with the passphrase could do: recompute every scheme-2 hash."""
    with ctx.db.engine.begin() as conn:
        rows = conn.execute(text("SELECT * FROM audit_events ORDER BY id")).mappings().all()
        prev = audit.GENESIS
        for row in rows:
            digest = audit.event_hash(
                prev,
                row["at"],
                row["actor"],
                row["action"],
                row["entity"],
                row["entity_id"],
                row["before_digest"],
                row["after_digest"],
            )
            conn.execute(
                text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE id = :i"),
                {"p": prev, "h": digest, "i": row["id"]},
            )
            prev = digest
        conn.execute(
            text("UPDATE settings SET value = :v WHERE key = 'audit.head'"),
            {"v": f"{len(rows)}:{prev}"},
        )


def test_a_rewritten_converted_event_is_caught_by_its_earlier_hash(later):
    _at_0007(later.db)
    _upgrade(later.db)
    with later.db.engine.begin() as conn:
        salt = conn.execute(text("SELECT payload_salt FROM audit_events WHERE id = 3")).scalar()
    tamper(
        later,
        "UPDATE audit_events SET after_json = '{}', after_digest = :d WHERE id = 3",
        d=audit.payload_digest(salt, "{}"),
    )
    _rechain_scheme_2(later)
    result = verified(later)
    assert (result.ok, result.broken_id, result.reason) == (False, 3, "altered")


def test_migration_0008_leaves_a_broken_chain_as_it_is(later):
    _at_0007(later.db)
    tamper(later, "UPDATE audit_events SET actor = 'someone else' WHERE id = 2")
    _upgrade(later.db)
    with later.read() as session:
        assert set(session.scalars(select(m.AuditEvent.scheme))) == {audit.SCHEME_LEGACY}
        assert not session.scalars(
            select(m.AuditEvent).where(m.AuditEvent.action == "audit.rechain")
        ).all()
    result = verified(later)
    assert (result.ok, result.broken_id, result.reason) == (False, 2, "altered")
