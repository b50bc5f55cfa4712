"""Alembic migrations, applied whenever a database is opened.

An existing database is copied (as encrypted bytes) before the first migration step, so
a failed or unwanted upgrade can always be undone by restoring the copy.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from . import errors

if TYPE_CHECKING:
    from .database import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def file_backup(path: Path, label: str) -> Path:
    """A byte copy of a closed database (already encrypted) before a migration."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    try:
        shutil.copy2(path, target)
        os.chmod(target, 0o600)  # encrypted, but nobody else's business either
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise errors.WriteFailed(target, exc.strerror or str(exc)) from None
    return target


def upgrade(db: Database, *, backup: bool) -> Path | None:
    """Bring `db` to the head revision; returns the pre-migration backup, if one was made."""
    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
    current = current_revision(db)
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception:
            raise errors.NewerSchema(db.path) from None
    copy = None
    if backup and current is not None:
        db.engine.dispose()
        copy = file_backup(db.path, f"before-{head}")
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return copy
