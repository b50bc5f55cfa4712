"""The command line's frame, apart from the handlers: exit codes, the parser that never
exits with argparse's 2, passphrase reading, opening the database, JSON and table output.

Exit codes: 0 done, 1 bad input, 2 cannot open (passphrase, file, lock).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ..i18n import _

if TYPE_CHECKING:
    from ..services.context import ServiceContext

EXIT_OK, EXIT_BAD_INPUT, EXIT_CANNOT_OPEN = 0, 1, 2
DEFAULT_DB = "rekisteri.db"


class UsageError(Exception):
    """Wrong arguments: exit code 1, never argparse's 2 (2 means "cannot open")."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


# ------------------------------------------------------------------ passphrases


def read_passphrase(
    args: argparse.Namespace, *, confirm: bool = False, prompt: str | None = None
) -> str:
    """--passphrase-file, else REKISTERI_PASSPHRASE, else a prompt without echo."""
    if getattr(args, "passphrase_file", None):
        try:
            text = Path(args.passphrase_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(
                _("Cannot read the passphrase file {path}: {error}").format(
                    path=args.passphrase_file, error=exc.strerror
                )
            ) from None
        return text.rstrip("\r\n")
    env = os.environ.get("REKISTERI_PASSPHRASE")
    if env:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(_("No passphrase: use --passphrase-file or REKISTERI_PASSPHRASE."))
    first = getpass.getpass(prompt or _("Passphrase: "))
    if confirm and getpass.getpass(_("Passphrase again: ")) != first:
        raise UsageError(_("The passphrases do not match."))
    return first


@contextmanager
def open_context(args: argparse.Namespace) -> Iterator[ServiceContext]:
    """The database named by --db, open in a service context for one command; closed
    (and its lock released) however the command ends. Stored deadlines computed with
    another holiday calendar are recomputed first (audited)."""
    from ..services.context import ServiceContext
    from ..services.requests.deadlines import refresh_stale_deadlines
    from ..storage.database import Database

    db = Database.open(Path(args.db), read_passphrase(args))
    try:
        ctx = ServiceContext(db)
        refresh_stale_deadlines(ctx)
        yield ctx
    finally:
        db.close()


# ---------------------------------------------------------------------- output


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str))


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def stream_table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, measure: int = 200
) -> None:
    """A table printed as the rows arrive: the column widths come from the first
    `measure` rows (a longer value later pushes its line out instead of waiting for
    all rows), so a listing of any length starts at once and needs no memory."""
    pending: list[list[str]] = []
    widths: list[int] | None = None

    def line(cells: Sequence[str]) -> str:
        assert widths is not None
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    for row in rows:
        cells = [("" if v is None else str(v)) for v in row]
        if widths is not None:
            print(line(cells))
            continue
        pending.append(cells)
        if len(pending) >= measure:
            widths = [max([len(h)] + [len(r[i]) for r in pending]) for i, h in enumerate(headers)]
            print(line(list(headers)))
            for cells in pending:
                print(line(cells))
    if widths is None:
        print_table(headers, pending)


def stream_json(items: Iterable[Any]) -> None:
    """A JSON array printed item by item, the same text `print_json(list(items))` gives."""
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2, sort_keys=True, default=str)
        sys.stdout.write(("[\n  " if first else ",\n  ") + text.replace("\n", "\n  "))
        first = False
    sys.stdout.write("[]\n" if first else "\n]\n")


def iso_date(text: str) -> date:
    """An argparse type: an ISO 8601 date (YYYY-MM-DD)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a valid date (YYYY-MM-DD)").format(value=text)
        ) from None
