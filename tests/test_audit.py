"""The audit trail: every change leaves one hash-chained event; tampering is named."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from rekisteri_app.services import entities
from rekisteri_app.storage.audit import verify
from rekisteri_app.storage.models import AuditEvent, Controller


def add_controllers(ctx, n: int = 3) -> None:
    for i in range(n):
        entities.save(ctx, "controllers", {"name": f"Yhtiö {i} Oy"})


def test_each_change_appends_one_event_with_before_and_after(ctx):
    entities.save(ctx, "controllers", {"name": "Esimerkki Energia Oy"})
    entities.save(ctx, "controllers", {"name": "Esimerkki Energia Oyj"}, "Esimerkki Energia Oy")
    with ctx.read() as s:
        events = s.query(AuditEvent).order_by(AuditEvent.id).all()
    assert [e.action for e in events] == ["create", "update"]
    assert events[0].actor == "tester"
    assert events[0].at.startswith("2026-11-23T09:00:00")
    assert events[0].before_json is None
    assert '"Esimerkki Energia Oy"' in events[1].before_json
    assert '"Esimerkki Energia Oyj"' in events[1].after_json
    assert events[1].prev_hash == events[0].hash


def test_a_change_without_an_audit_event_is_refused(ctx):
    with pytest.raises(RuntimeError), ctx.change() as tx:
        tx.session.add(Controller(name="Salainen Oy"))
    with ctx.read() as s:
        assert s.query(Controller).count() == 0


def test_an_intact_chain_verifies(ctx):
    add_controllers(ctx)
    with ctx.read() as s:
        result = verify(s)
    assert result.ok and result.checked == 3


def tamper(ctx, sql: str) -> None:
    with ctx.db.engine.begin() as conn:
        conn.execute(text(sql))


def test_an_edited_event_is_named(ctx):
    add_controllers(ctx)
    tamper(ctx, "UPDATE audit_events SET actor = 'someone else' WHERE id = 2")
    with ctx.read() as s:
        result = verify(s)
    assert not result.ok
    assert (result.broken_id, result.reason) == (2, "altered")


def test_a_deleted_event_is_named_by_its_successor(ctx):
    add_controllers(ctx)
    tamper(ctx, "DELETE FROM audit_events WHERE id = 2")
    with ctx.read() as s:
        result = verify(s)
    assert (result.ok, result.broken_id, result.reason) == (False, 3, "missing-before")


def test_events_cut_off_the_end_are_detected(ctx):
    add_controllers(ctx)
    tamper(ctx, "DELETE FROM audit_events WHERE id = 3")
    with ctx.read() as s:
        result = verify(s)
    assert (result.ok, result.reason) == (False, "missing-tail")


def test_cli_audit_verify_names_the_first_broken_event(ctx, cli):
    add_controllers(ctx)
    ctx.db.close()
    code, out, _ = cli("--lang", "en", "audit", "verify")
    assert code == 0 and "3 events" in out
    from rekisteri_app.storage.database import Database
    from tests.conftest import PASSPHRASE

    with Database.open(ctx.db.path, PASSPHRASE) as db, db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET after_json = '{}' WHERE id = 2"))
    code, out, _ = cli("--lang", "en", "audit", "verify")
    assert code == 1
    assert "#2" in out
