"""What keeps the database fast as it grows: every foreign key has an index, the
stored columns of revision 0003 are filled for a file migrated from before them, the
audit chain is checked in windows, and opening derives the key once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text

from rekisteri_app.services import requests as rq
from rekisteri_app.storage import models as m
from rekisteri_app.storage.database import Database
from rekisteri_app.storage.migrate import current_revision, declared_head, head_revision
from tests.conftest import PASSPHRASE
from tests.test_requests_helpers import intake, load_organisation


def foreign_keys_without_an_index(conn) -> list[str]:
    """(table.column) of every foreign key that no index leads with, from the schema."""
    missing = []
    tables = [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        leading = set()
        for index in conn.exec_driver_sql(f'PRAGMA index_list("{table}")').fetchall():
            columns = conn.exec_driver_sql(f'PRAGMA index_info("{index[1]}")').fetchall()
            if columns:
                leading.add(min(columns)[2])  # the column at position 0
        for fk in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")').fetchall():
            if fk[3] not in leading:
                missing.append(f"{table}.{fk[3]}")
    return sorted(missing)


def test_every_foreign_key_has_an_index(db):
    with db.engine.connect() as conn:
        assert foreign_keys_without_an_index(conn) == []


def test_the_index_check_finds_a_foreign_key_without_one(db):
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_letters_request_id")
        assert foreign_keys_without_an_index(conn) == ["letters.request_id"]


def test_the_quick_head_is_the_head_alembic_finds():
    assert declared_head() == head_revision()


def test_a_file_from_revision_0002_gets_its_stored_columns(db_path, ctx):
    """Migrate down to 0002 with cases in it, open: the name keys come from the
    migration, the deadlines from the open-time recompute (with an audit event)."""
    from alembic import command

    from rekisteri_app.services.context import ServiceContext
    from rekisteri_app.storage.migrate import _config

    load_organisation(ctx)
    first = rq.add_request(ctx, intake(date(2026, 11, 2), name="Mäki, Ääpo"))
    rq.update_request(ctx, first, rq.CaseUpdate(identity_asked=date(2026, 11, 3)))
    second = rq.add_request(ctx, intake(date(2026, 11, 5)))
    with ctx.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        # Later revisions rebuild tables that cases refer to on the way down.
        raw = conn.connection.dbapi_connection
        raw.commit()  # a pragma outside any transaction
        raw.execute("PRAGMA foreign_keys = OFF")
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
        conn.exec_driver_sql(
            "UPDATE requests SET case_number = lower(case_number) || ' ' WHERE id = 2"
        )
    ctx.db.close()

    with Database.open(db_path, PASSPHRASE) as db:
        assert current_revision(db) == head_revision()
        later = ServiceContext(db, actor="t", clock=ctx.clock)
        with later.read() as session:
            keys = set(session.scalars(select(m.Person.name_key)))
            assert keys == {"mäki ääpo", "matti meikäläinen"}
            assert session.scalar(select(m.RightsRequest.clock_state).limit(1)) is None
            numbers = set(session.scalars(select(m.RightsRequest.case_number)))
        assert numbers == {first, second}  # canonical again
        assert rq.refresh_stale_deadlines(later) == 2
        assert rq.deadline_drift(later) == []
        row = rq.request_page(later)[0]
        assert (row.case_number, row.due) == (second, date(2026, 12, 7))
        with later.read() as session:
            actions = [e.action for e in session.scalars(select(m.AuditEvent))]
        assert actions[-1] == "recompute"


def test_audit_verify_checks_the_chain_across_windows(ctx, monkeypatch):
    from rekisteri_app.storage import audit

    load_organisation(ctx)
    for day in range(1, 8):
        rq.add_request(ctx, intake(date(2026, 11, day)))
    monkeypatch.setattr(audit, "VERIFY_BATCH", 3)
    with ctx.read() as session:
        total = audit.verify(session)
    assert total.ok and total.checked == 8
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE id = 5"))
    with ctx.read() as session:
        broken = audit.verify(session)
    assert (broken.ok, broken.broken_id, broken.reason, broken.checked) == (
        False,
        5,
        "altered",
        4,
    )


def test_opening_derives_the_key_once(db_path, monkeypatch):
    from rekisteri_app.storage import database

    Database.create(db_path, PASSPHRASE).close()
    keyed = []
    real = database._raw_connect
    monkeypatch.setattr(
        database, "_raw_connect", lambda *a, **kw: keyed.append(1) or real(*a, **kw)
    )
    with Database.open(db_path, PASSPHRASE) as db, db.session() as session:
        session.execute(text("SELECT 1"))
    assert len(keyed) == 1


def test_opening_a_current_file_does_not_load_alembic(db_path):
    import subprocess
    import sys

    Database.create(db_path, PASSPHRASE).close()
    code = (
        "import sys; from rekisteri_app.storage.database import Database; "
        f"Database.open({str(db_path)!r}, {PASSPHRASE!r}).close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
