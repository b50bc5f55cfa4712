"""Crash reports the officer can send: what failed and where, never with what data.

An unexpected exception's message may quote anything it touched: a name, an address, an
SQL statement's values, a file's contents. So a report keeps only what identifies the
fault in the code — the exception's type (and its chain's), the code location of every
frame (file:line in function, paths cut to the package or library), an OSError's errno
name — and the application's and Python's versions. Never a message, an argument or a
local variable. It is appended to `crash.log` in the user's state folder, created 0600:

- Linux and other POSIX: $XDG_STATE_HOME/rekisteri, else ~/.local/state/rekisteri
- Windows: %LOCALAPPDATA%\\Rekisteri
- macOS: ~/Library/Logs/Rekisteri
- $REKISTERI_STATE_DIR overrides all of them (tests, portable installs).
"""

from __future__ import annotations

import contextlib
import errno
import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

STATE_ENV = "REKISTERI_STATE_DIR"
LOG_NAME = "crash.log"
MAX_LOG_BYTES = 512 * 1024  # then the old log becomes crash.log.1
MAX_CHAIN = 5


def state_dir() -> Path:
    """The folder for the crash log (not created here)."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "Rekisteri"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / "Rekisteri"
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "rekisteri"


def crash_log() -> Path:
    return state_dir() / LOG_NAME


def _code_path(filename: str) -> str:
    """A frame's file without the user's folders: from the package or library on."""
    normal = filename.replace("\\", "/")
    for marker in ("/rekisteri_app/", "/site-packages/", "/dist-packages/", "/lib/python"):
        at = normal.rfind(marker)
        if at >= 0:
            start = at + 1 if marker == "/rekisteri_app/" else at + len(marker)
            return normal[start:]
    return Path(normal).name


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _chain(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in found and len(found) < MAX_CHAIN:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def describe(exc: BaseException, *, where: str = "") -> str:
    """The report's text for `exc`: types, errno names and code locations only."""
    from . import __version__

    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    lines = [
        f"=== {stamp} rekisteri {__version__} {where}".rstrip(),
        f"python {platform.python_version()} on {platform.system()} {platform.machine()}",
    ]
    for depth, item in enumerate(_chain(exc)):
        heading = "exception" if depth == 0 else "while handling / caused by"
        detail = ""
        if isinstance(item, OSError) and item.errno in errno.errorcode:
            detail = f" [{errno.errorcode[item.errno]}]"
        lines.append(f"{heading}: {_type_name(item)}{detail}")
        for frame in traceback.extract_tb(item.__traceback__):
            lines.append(f"  at {_code_path(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write(exc: BaseException, *, where: str = "") -> Path | None:
    """Append a report of `exc` to the crash log; its path, or None if it cannot be written
    (a report must never be the cause of a second failure)."""
    path = crash_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            if path.stat().st_size > MAX_LOG_BYTES:
                os.replace(path, path.with_name(LOG_NAME + ".1"))
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(describe(exc, where=where))
    except Exception:
        return None
    return path
