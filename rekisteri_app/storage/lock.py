"""One officer, one process: a lock file beside the database names who holds it.

SQLite's own locks protect a transaction, not a session: two windows on the same file
would each keep stale state and overwrite the other's edits. The lock file holds the
owner's PID and host; a lock whose process is gone on this host is stale and taken over.
"""

from __future__ import annotations

import atexit
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path


class DatabaseInUse(Exception):
    def __init__(self, path: Path, pid: int, host: str) -> None:
        super().__init__(f"{path} is in use by process {pid} on {host}")
        self.path, self.pid, self.host = path, pid, host


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


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


class DatabaseLock:
    """Held for as long as a Database is open for writing."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.held = False

    def acquire(self) -> None:
        payload = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                info = read_lock(self.db_path)
                if info is None:
                    continue
                if info.pid == os.getpid() and info.host == socket.gethostname():
                    raise DatabaseInUse(self.db_path, info.pid, info.host) from None
                if not info.stale:
                    raise DatabaseInUse(self.db_path, info.pid, info.host) from None
                self.path.unlink(missing_ok=True)
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            self.held = True
            atexit.register(self.release)
            return
        info = read_lock(self.db_path) or LockInfo(0, "?")
        raise DatabaseInUse(self.db_path, info.pid, info.host)

    def release(self) -> None:
        if self.held:
            info = read_lock(self.db_path)
            if info and info.pid == os.getpid():
                self.path.unlink(missing_ok=True)
            self.held = False
