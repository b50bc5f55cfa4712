"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from rekisteri_app.storage.migrate import current_revision, head_revision
from rekisteri_app.storage.models import Base


def test_a_new_database_is_at_the_head_revision(db):
    assert current_revision(db) == head_revision()


def test_models_and_migrations_agree(db):
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_opening_an_older_database_migrates_it_after_a_backup(db_path):
    from sqlalchemy import text

    from rekisteri_app.storage.database import Database
    from tests.conftest import PASSPHRASE

    with Database.create(db_path, PASSPHRASE) as db, db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'base-test'"))
    # An unknown revision means a newer application made the file.
    import pytest

    from rekisteri_app.storage import errors

    with pytest.raises(errors.NewerSchema):
        Database.open(db_path, PASSPHRASE)


def test_a_database_at_the_first_revision_is_backed_up_then_migrated(db_path):
    """A real upgrade path: 0001 → head, with the untouched encrypted bytes kept aside."""
    import hashlib

    from alembic import command
    from sqlalchemy import inspect

    from rekisteri_app.storage.database import Database
    from rekisteri_app.storage.migrate import _config
    from tests.conftest import PASSPHRASE

    with Database.create(db_path, PASSPHRASE) as db, db.engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    old_bytes = hashlib.sha256(db_path.read_bytes()).hexdigest()

    with Database.open(db_path, PASSPHRASE) as db:
        assert current_revision(db) == head_revision()
        with db.engine.connect() as conn:
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("requests")}
        assert {"ix_requests_status", "ix_requests_received_on"} <= indexes

    backups = list(db_path.parent.glob(f"{db_path.name}.before-{head_revision()}-*.bak"))
    assert len(backups) == 1
    assert hashlib.sha256(backups[0].read_bytes()).hexdigest() == old_bytes
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")


def test_revision_0006_adds_the_purge_marks_and_removes_them_again(db_path):
    from alembic import command
    from sqlalchemy import inspect

    from rekisteri_app.storage.database import Database
    from rekisteri_app.storage.migrate import _config
    from tests.conftest import PASSPHRASE

    def columns(db, table):
        with db.engine.connect() as conn:
            return {c["name"] for c in inspect(conn).get_columns(table)}

    with Database.create(db_path, PASSPHRASE) as db:
        assert "purged_on" in columns(db, "requests") and "purged_on" in columns(db, "letters")
        with db.engine.begin() as conn:
            cfg = _config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0006-1")
        assert "purged_on" not in columns(db, "requests")
        assert "purged_on" not in columns(db, "letters")
        with db.engine.begin() as conn:
            cfg = _config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0006")
        assert "purged_on" in columns(db, "requests") and "purged_on" in columns(db, "letters")


def test_revision_0007_adds_the_breach_tables_and_takes_them_away_again(db):
    """Issue 16's revision by name: independent of the other revisions after 0002."""
    from alembic import command
    from sqlalchemy import inspect

    from rekisteri_app.storage.migrate import _config

    tables = {
        "breaches",
        "breach_registers",
        "breach_categories",
        "breach_notifications",
        "breach_events",
        "breach_letter_texts",
        "breach_recipients",
        "breach_letters",
    }
    with db.engine.begin() as conn:
        assert tables <= set(inspect(conn).get_table_names())
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007-1")
        assert not tables & set(inspect(conn).get_table_names())
        command.upgrade(cfg, "0007")
        assert tables <= set(inspect(conn).get_table_names())


def test_revision_0009_adds_the_letter_facts_and_takes_them_away_again(db):
    """Issue 10's revision by name: the authority check, fee, Art. 19 records, the
    mixed-language mark of letters and the audience of templates."""
    from alembic import command
    from sqlalchemy import inspect

    from rekisteri_app.storage.migrate import _config

    added = {"authority_evidence", "fee_cents", "recipients_requested"}

    def columns(conn, table):
        return {c["name"] for c in inspect(conn).get_columns(table)}

    with db.engine.begin() as conn:
        assert added <= columns(conn, "requests")
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009-1")
        assert not added & columns(conn, "requests")
        assert "request_notifications" not in inspect(conn).get_table_names()
        assert "mixed_language" not in columns(conn, "letters")
        assert "audience" not in columns(conn, "letter_templates")
        command.upgrade(cfg, "0009")
        assert added <= columns(conn, "requests")
        assert "request_notifications" in inspect(conn).get_table_names()
