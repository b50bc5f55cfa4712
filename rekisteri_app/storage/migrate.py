"""Alembic migrations, applied whenever a database is opened.

An existing database is copied (as encrypted bytes) before the first migration step, so
a failed or unwanted upgrade can always be undone by restoring the copy.

Opening a file that is already at the head revision does not load Alembic at all (a
third of a command's start-up): the head is read from the revision files' own
`revision` / `down_revision` lines, and the file's revision from `alembic_version`.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

from . import errors

if TYPE_CHECKING:
    from alembic.config import Config

    from .database import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision(?:\s*:\s*\w+)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]+)?\s*=\s*(.+)$", re.MULTILINE)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head() or ""


@cache
def declared_head() -> str | None:
    """The head revision read from the revision files without Alembic; None when the
    files do not name exactly one head (then Alembic decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision.group(1))
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return _stored_revision(conn)


def _stored_revision(conn) -> str | None:
    exists = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
    ).first()
    if exists is None:
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


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
    current = current_revision(db)
    if current is not None and current == declared_head():
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
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
