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
    @property
    def message(self) -> str:
        return _(
            "Cannot open {path}: the database is damaged ({detail}). Restore it from a "
            "backup. The file was not changed."
        ).format(path=self.path, detail=self.detail)


class NewerSchema(CannotOpen):
    @property
    def message(self) -> str:
        return _(
            "Cannot open {path}: it was made by a newer version of Rekisteri. Update the "
            "application."
        ).format(path=self.path)


class InUse(CannotOpen):
    def __init__(self, path: Path | str, pid: int, host: str) -> None:
        super().__init__(path, f"{pid}@{host}")
        self.pid, self.host = pid, host

    @property
    def message(self) -> str:
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


class WeakPassphrase(StorageError):
    @property
    def message(self) -> str:
        return _("The passphrase must be at least {n} characters long.").format(n=self.detail)
