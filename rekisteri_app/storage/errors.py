"""Why a database could not be opened, each with a message the officer can act on."""

from __future__ import annotations

from pathlib import Path

from ..files import WriteFailed  # noqa: F401 - re-exported: writing files is not only ours
from ..i18n import _


class StorageError(Exception):
    """Base of every storage failure; `message` is translated for the user."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        super().__init__(str(path), detail)
        self.path = Path(path)
        self.detail = detail

    @property
    def message(self) -> str:  # pragma: no cover - overridden
        return str(self)

    def __str__(self) -> str:
        return self.message


class CannotOpen(StorageError):
    """Exit code 2 on the command line: passphrase, file or lock."""


class WrongPassphrase(CannotOpen):
    @property
    def message(self) -> str:
        return _(
            "Cannot open {path}: the passphrase is wrong, or the file is not a Rekisteri "
            "database. The file was not changed."
        ).format(path=self.path)


class FileMissing(CannotOpen):
    @property
    def message(self) -> str:
        return _("Cannot open {path}: no such file.").format(path=self.path)


class NotAFile(CannotOpen):
    @property
    def message(self) -> str:
        return _("Cannot open {path}: it is a folder, not a database file.").format(path=self.path)


class Unreadable(CannotOpen):
    @property
    def message(self) -> str:
        return _("Cannot open {path}: the file cannot be read ({detail}).").format(
            path=self.path, detail=self.detail
        )


class EmptyPassphrase(CannotOpen):
    @property
    def message(self) -> str:
        return _("Cannot open {path}: the passphrase is empty.").format(path=self.path)


class EmptyFile(CannotOpen):
    @property
    def message(self) -> str:
        return _(
            "Cannot open {path}: the file is empty, so it is not a Rekisteri database. "
            "The file was not changed."
        ).format(path=self.path)


class PlainSqlite(CannotOpen):
    @property
    def message(self) -> str:
        return _(
            "Cannot open {path}: it is an unencrypted SQLite database, not a Rekisteri "
            "database. The file was not changed."
        ).format(path=self.path)


class Truncated(CannotOpen):
    @property
    def message(self) -> str:
        return _(
            "Cannot open {path}: the file is damaged or truncated (its size is not a whole "
            "number of database pages). Restore it from a backup. The file was not changed."
        ).format(path=self.path)


class ForeignDatabase(CannotOpen):
    @property
    def message(self) -> str:
        return _(
            "Cannot open {path}: it is an encrypted database but not a Rekisteri database. "
            "The file was not changed."
        ).format(path=self.path)


class Damaged(CannotOpen):
    """A page could not be read, or the integrity check failed; `detail` names the first
    problem (page or table numbers, never contents)."""

    @property
    def message(self) -> str:
        from .backup_files import default_backup_folder

        return _(
            "Cannot read {path}: the file is damaged ({detail}). Restore the newest backup "
            "with `rekisteri restore BACKUP` (in the window: File → Restore from backup…); "
            "the automatic backups are in {folder} unless the settings name another folder. "
            "The file was not changed."
        ).format(path=self.path, detail=self.detail, folder=default_backup_folder(self.path))


class NewerSchema(CannotOpen):
    @property
    def message(self) -> str:
        return _(
            "Cannot open {path}: it was made by a newer version of Rekisteri. Update the "
            "application."
        ).format(path=self.path)


class InUse(CannotOpen):
    """Another process holds the file's lock (the OS lock, or where the file system has
    none, the lock file: then `stale_file` names it when its host is another computer)."""

    def __init__(
        self, path: Path | str, pid: int, host: str, *, stale_file: Path | None = None
    ) -> None:
        super().__init__(path, f"{pid}@{host}")
        self.pid, self.host = pid, host
        self.stale_file = stale_file

    @property
    def message(self) -> str:
        if self.stale_file is not None:
            return _(
                "Cannot open {path}: the lock file {lock} says it is in use by process {pid} "
                "on the computer {host}. If Rekisteri is not running on {host} (it crashed, "
                "or the computer was switched off), delete {lock} and try again; while it "
                "runs there, deleting the file lets both write and lose each other's changes."
            ).format(path=self.path, lock=self.stale_file, pid=self.pid, host=self.host)
        if self.pid <= 0:
            return _(
                "Cannot open {path}: it is in use by another Rekisteri. Close that window first."
            ).format(path=self.path)
        return _(
            "Cannot open {path}: it is in use by another Rekisteri (process {pid} on {host}). "
            "Close that window first."
        ).format(path=self.path, pid=self.pid, host=self.host)


class AlreadyExists(CannotOpen):
    @property
    def message(self) -> str:
        return _("Cannot create {path}: a file with that name already exists.").format(
            path=self.path
        )


class DatabaseClosed(CannotOpen):
    """A read or write after the database was closed (locked window, switched file)."""

    @property
    def message(self) -> str:
        return _("{path} is closed (locked or switched); nothing was read or written.").format(
            path=self.path.name
        )


class BackupRefused(StorageError):
    """A backup that does not open with the passphrase given or fails a check; nothing
    was restored (exit code 1: the backup given is the bad input)."""

    @property
    def message(self) -> str:
        return _("{path} was not restored: {detail}. The database was not changed.").format(
            path=self.path, detail=self.detail
        )


class WeakPassphrase(StorageError):
    @property
    def message(self) -> str:
        return _("The passphrase must be at least {n} characters long.").format(n=self.detail)
