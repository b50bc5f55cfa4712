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


def _create_private(path: Path) -> int:
    """A new file only its owner can read (a stale partial is replaced, not reused)."""
    _remove(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(path, flags, PRIVATE_MODE)


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """A partial path for writers that need a file name (e.g. SQLCipher's ATTACH).

    The caller writes the partial file; on a normal exit it is made private and renamed
    over `path`; on any exception it is removed.
    """
    target = Path(path)
    partial = partial_path(target)
    _remove(partial)
    _in_progress.add(partial)
    try:
        yield partial
        with contextlib.suppress(OSError):
            os.chmod(partial, PRIVATE_MODE)
        os.replace(partial, target)
    except OSError as exc:
        _remove(partial)
        raise WriteFailed(target, exc.strerror or str(exc)) from None
    except BaseException:
        _remove(partial)
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


def remove_partials_in_progress() -> None:
    """Delete every partial file still being written (for SIGINT/SIGTERM handlers)."""
    for partial in list(_in_progress):
        _remove(partial)
