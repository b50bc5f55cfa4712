"""The daily automatic backup: once a day on first open, into the chosen folder, keeping
the newest N (settings `backup.folder`, default `<db name>-backups` beside the database,
and `backup.keep`, default 7)."""

from __future__ import annotations

import os
from pathlib import Path

from ..storage.backups import auto_backup_name, default_backup_folder, prune
from ..storage.errors import AlreadyExists
from . import settings
from .context import ServiceContext


def backup_folder(ctx: ServiceContext) -> Path:
    chosen = settings.get(ctx, settings.BACKUP_FOLDER)
    return Path(chosen) if chosen else default_backup_folder(ctx.db.path)


def auto_backup(ctx: ServiceContext) -> Path | None:
    """Today's backup if there is none yet (None when there is); older ones beyond the
    setting are deleted. Encrypted with the database's passphrase of today; WriteFailed
    when the folder cannot be written."""
    folder = backup_folder(ctx)
    target = folder / auto_backup_name(ctx.db.path, ctx.today())
    made = None
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            made = ctx.db.backup_to(target)
        except AlreadyExists:  # another window made it a moment ago
            made = None
    prune(folder, ctx.db.path, int(settings.get(ctx, settings.BACKUP_KEEP)))
    if made is not None and os.name == "posix":
        os.chmod(made, 0o600)
    return made
