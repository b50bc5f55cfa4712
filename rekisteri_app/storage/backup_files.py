"""Where automatic backups go and which are kept (names only; no database access)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

BACKUP_FOLDER_SUFFIX = "-backups"


def default_backup_folder(db_path: Path | str) -> Path:
    """`<folder of the database>/<db name>-backups`."""
    path = Path(db_path)
    return path.with_name(path.name + BACKUP_FOLDER_SUFFIX)


def auto_backup_name(db_path: Path | str, day: date) -> str:
    path = Path(db_path)
    return f"{path.stem}-{day.isoformat()}{path.suffix or '.db'}"


def auto_backups(folder: Path, db_path: Path | str) -> list[Path]:
    """The automatic backups of this database in `folder`, oldest first."""
    path = Path(db_path)
    pattern = re.compile(
        re.escape(path.stem) + r"-(\d{4}-\d{2}-\d{2})" + re.escape(path.suffix or ".db") + "$"
    )
    found = [(m.group(1), p) for p in folder.glob("*") if (m := pattern.match(p.name))]
    return [p for _day, p in sorted(found)]


def prune(folder: Path, db_path: Path | str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; returns what was deleted."""
    removed = []
    backups = auto_backups(folder, db_path)
    for old in backups[: max(0, len(backups) - keep)]:
        try:
            old.unlink()
        except OSError:
            continue
        removed.append(old)
    return removed
