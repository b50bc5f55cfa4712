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
