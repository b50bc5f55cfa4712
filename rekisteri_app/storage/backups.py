"""Automatic backups (where they go, which to keep) and restoring a backup in place.

Automatic backups are made through the open database (`Database.backup_to`, so they are
encrypted with the database's passphrase at that day) into one folder, one per day,
named `<db stem>-YYYY-MM-DD<suffix>`; only the newest N are kept, so the copies of data
the officer has since purged are gone after N days as well.

Restoring never trusts the backup: it must open with the passphrase given and pass the
integrity check (pages, structure, audit chain) before anything is touched. The swap is
atomic: the backup's bytes are copied to `<db>.partial` beside the database, the current
file is kept under `<db>.replaced-<UTC stamp>` (a hard link, or a copy where links are not
possible; a rollback journal beside it moves along, so the kept file still recovers), and
the partial file is renamed over the database. The OS lock on the current file is held
throughout, so no window can have it open meanwhile.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..files import atomic_output
from . import errors
from .backup_files import auto_backup_name, auto_backups, default_backup_folder, prune
from .integrity import IntegrityReport

__all__ = ["Restored", "auto_backup_name", "auto_backups", "default_backup_folder", "prune"]

_CHUNK = 1024 * 1024


# --------------------------------------------------------------------------- restore


@dataclass(frozen=True)
class Restored:
    target: Path
    kept: Path | None  # the replaced file, None when there was none
    report: IntegrityReport
    events: int  # audit events verified in the backup


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def prove_backup(backup: Path, passphrase: str) -> tuple[IntegrityReport, int]:
    """Open `backup` with `passphrase` (never migrating it), run the page checks and the
    audit chain; BackupRefused when any fails."""
    from .audit import verify
    from .database import Database, check_file

    report = check_file(backup, passphrase)
    if not report.ok:
        raise errors.BackupRefused(backup, report.summary())
    with Database.open(backup, passphrase, migrate=False) as db, db.sessions() as session:
        chain = verify(session)
    if not chain.ok:
        raise errors.BackupRefused(backup, f"audit trail: {chain.reason} #{chain.broken_id}")
    return report, chain.checked


def restore(backup: Path | str, passphrase: str, target: Path | str, *, now: datetime) -> Restored:
    """Replace `target` by `backup` after proving the backup (see the module's text)."""
    from .database import _acquire, check_file

    backup, target = Path(backup), Path(target)
    if backup.resolve() == target.resolve():
        raise errors.BackupRefused(backup, "it is the database itself")
    report, events = prove_backup(backup, passphrase)
    lock = None
    if target.exists():
        if not target.is_file():
            raise errors.NotAFile(target)
        lock = _acquire(target)  # refused while a window or command has it open
    kept = None
    try:
        expected = _sha256(backup)
        with atomic_output(target) as out, backup.open("rb") as source:
            while chunk := source.read(_CHUNK):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
            if target.exists():
                kept = _keep_aside(target, now)
            if sys.platform == "win32" and lock is not None:  # pragma: no cover
                lock.release()  # Windows cannot rename over a file held open
                lock = None
        if _sha256(target) != expected:
            raise errors.WriteFailed(target, "the copy differs from the backup")
        check_file(target, passphrase)
    finally:
        if lock is not None:
            lock.release()
    return Restored(target, kept, report, events)


def _keep_aside(target: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    kept = target.with_name(f"{target.name}.replaced-{stamp}")
    if kept.exists():
        raise errors.AlreadyExists(kept)
    try:
        os.link(target, kept)
    except OSError:
        shutil.copy2(target, kept)
        os.chmod(kept, 0o600)
    journal = target.with_name(target.name + "-journal")
    if journal.exists():  # a crash's rollback journal belongs to the replaced file
        os.replace(journal, kept.with_name(kept.name + "-journal"))
    return kept
