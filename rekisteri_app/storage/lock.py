"""One writer per database file: an OS lock on the file itself, held while it is open.

SQLite's own locks protect a transaction, not a session: two windows on the same file
would each keep stale state and overwrite the other's edits. A lock file named after the
path given is not enough either: a symlink, a hard link, a second path or a mapped drive
and its UNC path all name the same file under another name. So the truth is an advisory
lock the operating system keeps on the opened database file:

- POSIX: `flock(LOCK_EX | LOCK_NB)` on our own descriptor of the file. flock belongs to
  the open file description, so SQLite closing one of its own descriptors of the file
  cannot drop it (a POSIX `fcntl`/`lockf` record lock is per process and would be
  released by any close of the file in this process), and it never touches the byte
  ranges SQLite locks (from 0x40000000 on, with fcntl).
- Windows: `msvcrt.locking` of one byte inside SQLite's lock-byte page (offset
  0x40000800: past the pending, reserved and shared bytes SQLite locks, on a page SQLite
  never stores data in), so the mandatory Windows lock stops no read or write of SQLite's.

Beside the database, `<db>.lock` only tells who holds the lock (PID and host) for the
message. Where the file system refuses OS locks (some network shares), the info file
becomes the lock itself (created with O_EXCL), as in earlier versions; a stale one from a
host that is gone then names the file to remove and when that is safe.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

# One byte in SQLite's lock-byte page that SQLite itself never locks (Windows only).
WINDOWS_LOCK_OFFSET = 0x40000800
_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL, errno.ENOSYS}


class DatabaseInUse(Exception):
    """Another process (or another open of this process) holds the database."""

    def __init__(self, path: Path, pid: int, host: str, *, stale_file: Path | None = None):
        super().__init__(f"in use by process {pid} on {host}")
        self.path, self.pid, self.host = path, pid, host
        self.stale_file = stale_file  # set when only the info file blocks (no OS lock)


def lock_path(db_path: Path) -> Path:
    """`<db>.lock` beside the file itself (a symlink resolved, so every path to one file
    shares it; a hard link cannot be told apart: its message names no process)."""
    try:
        real = db_path.resolve()
    except OSError:
        real = db_path
    return real.with_name(real.name + ".lock")


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


@dataclass
class LockInfo:
    pid: int
    host: str

    @property
    def stale(self) -> bool:
        return self.host == socket.gethostname() and not _alive(self.pid)


def read_lock(db_path: Path) -> LockInfo | None:
    try:
        data = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        return LockInfo(int(data["pid"]), str(data["host"]))
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, OSError):
        return LockInfo(0, socket.gethostname())  # unreadable: treat as stale


def _os_lock(fd: int) -> bool:
    """Take the OS lock on `fd`; False when the file is locked elsewhere.

    Raises OSError with an errno in _UNSUPPORTED when the file system has no locks."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def _os_unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)


def open_for_lock(path: Path, *, create: bool = False) -> int:
    """A descriptor of the database file to lock (created empty and 0600 with `create`).

    Read-write when allowed, else read-only: flock works on either, and a read-only file
    is then refused by SQLite with its own message."""
    flags = getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
    if create:
        return os.open(path, flags | os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        return os.open(path, flags | os.O_RDWR)
    except PermissionError:
        return os.open(path, flags | os.O_RDONLY)


class DatabaseLock:
    """Held for as long as a Database is open for writing."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.held = False
        self._fd: int | None = None
        self._info_is_lock = False  # True where the file system gives no OS lock

    def acquire(self, fd: int | None = None) -> None:
        """Lock the database file; `fd`, a descriptor of it the caller opened, is then
        owned by the lock (closed on release, or at once when the lock is refused)."""
        if fd is None:
            fd = open_for_lock(self.db_path)
        try:
            try:
                locked = _os_lock(fd)
            except OSError as exc:
                if exc.errno not in _UNSUPPORTED:
                    raise
                self._acquire_info_file()  # no OS locks here: the info file must do
                self._fd, self._info_is_lock = fd, True
                self._held()
                return
            if not locked:
                info = read_lock(self.db_path)
                raise DatabaseInUse(
                    self.db_path, info.pid if info else 0, info.host if info else "?"
                )
            self._fd = fd
            self._write_info()
            self._held()
        except BaseException:
            os.close(fd)
            self._fd = None
            raise

    def _held(self) -> None:
        self.held = True
        atexit.register(self.release)

    def _write_info(self) -> None:
        """Who holds the lock, for another process's message; best effort (a read-only
        folder still allows the OS lock)."""
        payload = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})
        partial = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        try:
            fd = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(partial, self.path)
        except OSError:
            partial.unlink(missing_ok=True)

    def _acquire_info_file(self) -> None:
        payload = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                info = read_lock(self.db_path)
                if info is None:
                    continue
                if info.stale:
                    self.path.unlink(missing_ok=True)
                    continue
                foreign = info.host != socket.gethostname()
                raise DatabaseInUse(
                    self.db_path, info.pid, info.host, stale_file=self.path if foreign else None
                ) from None
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            return
        info = read_lock(self.db_path) or LockInfo(0, "?")
        raise DatabaseInUse(self.db_path, info.pid, info.host)

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        info = read_lock(self.db_path)
        if info and info.pid == os.getpid() and info.host == socket.gethostname():
            self.path.unlink(missing_ok=True)
        if self._fd is not None:
            if not self._info_is_lock:
                _os_unlock(self._fd)
            os.close(self._fd)
            self._fd = None
        atexit.unregister(self.release)
