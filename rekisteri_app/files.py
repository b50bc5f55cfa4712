"""Writing the files the officer asks for: whole or not at all, readable only by them.

Every file the app writes (exports, backups, letters, notices, packs, portability files)
goes through this module. The bytes go to `<name>.partial`, created 0600 on POSIX, are
flushed to disk and renamed over the target only when complete; any failure removes the
partial file. So a full disk, a refused commit or an interrupt never leaves half a file,
and never a plaintext copy that others on the machine could read.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .i18n import _

PARTIAL_SUFFIX = ".partial"
PRIVATE_MODE = 0o600

# Partial files being written right now, so that a signal handler can remove them.
_in_progress: set[Path] = set()


class WriteFailed(Exception):
    """Disk full, read-only medium, a locked file: nothing was written."""

    def __init__(self, path: Path | str, detail: str = "") -> None:
        super().__init__(str(path), detail)
        self.path = Path(path)
        self.detail = detail

    @property
    def message(self) -> str:
        return _("Could not write {path}: {detail}. Nothing was changed.").format(
            path=self.path, detail=self.detail
        )

    def __str__(self) -> str:
        return self.message


def partial_path(path: Path | str) -> Path:
    target = Path(path)
    return target.with_name(target.name + PARTIAL_SUFFIX)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _remove_partial(partial: Path) -> None:
    """The partial file and the journal SQLite may have made beside it (ATTACH)."""
    _remove(partial)
    _remove(partial.with_name(partial.name + "-journal"))


def _create_private(path: Path) -> int:
    """A new file only its owner can read (a stale partial is replaced, not reused)."""
    _remove(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, PRIVATE_MODE)


def touch_private(path: Path | str) -> Path:
    """An empty file only its owner can read, for writers that fill a named file."""
    os.close(_create_private(Path(path)))
    return Path(path)


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """A partial path for writers that need a file name (e.g. SQLCipher's ATTACH).

    The caller writes the partial file; on a normal exit it is made private and renamed
    over `path`; on any exception it is removed.
    """
    target = Path(path)
    partial = partial_path(target)
    _remove_partial(partial)
    _in_progress.add(partial)
    try:
        yield partial
        with contextlib.suppress(OSError):
            os.chmod(partial, PRIVATE_MODE)
        os.replace(partial, target)
    except OSError as exc:
        _remove_partial(partial)
        raise WriteFailed(target, exc.strerror or str(exc)) from None
    except BaseException:
        _remove_partial(partial)
        raise
    finally:
        _in_progress.discard(partial)


@contextlib.contextmanager
def atomic_output(path: Path | str) -> Iterator[BinaryIO]:
    """A binary handle whose bytes replace `path` only when the block completes."""
    with atomic_path(path) as partial:
        handle = os.fdopen(_create_private(partial), "wb")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())


def write_atomically(path: Path | str, content: bytes | str) -> Path:
    """Write `content` (text as UTF-8) to `path` whole, or raise WriteFailed."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with atomic_output(path) as handle:
        handle.write(data)
    return Path(path)


def remove_partials_in_progress() -> list[Path]:
    """Delete every partial file still being written (for SIGINT/SIGTERM handlers);
    returns what was removed. Safe to call from a signal handler: only unlink calls."""
    removed = []
    for partial in list(_in_progress):
        _remove_partial(partial)
        removed.append(partial)
    return removed


# ------------------------------------------------------------------ interruption


class Interrupted(BaseException):
    """SIGTERM (or SIGINT) arrived: unwind, so every `atomic_*` block removes its
    partial file, and the front end exits with its documented code."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def install_interrupt_handlers() -> None:
    """On SIGINT and SIGTERM: delete the partial files at once, then unwind by raising
    `Interrupted` where Python code next runs (a long C call such as SQLCipher's export
    finishes first, then its block cleans up too). Main thread only; the command line
    uses it, the window has its own (it must close the database and quit Qt's loop)."""
    import signal

    def handler(signum: int, _frame: object) -> None:
        remove_partials_in_progress()
        raise Interrupted(signum)

    for name in ("SIGINT", "SIGTERM"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, handler)
