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

from ..i18n import _, quoted

if TYPE_CHECKING:
    from ..services.context import ServiceContext

EXIT_OK, EXIT_BAD_INPUT, EXIT_CANNOT_OPEN = 0, 1, 2
FIRST_YEAR, LAST_YEAR = 1900, 2999  # dates a case, a letter or a deadline can have
DEFAULT_DB = "rekisteri.db"


class UsageError(Exception):
    """Wrong arguments: exit code 1, never argparse's 2 (2 means "cannot open")."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


# ------------------------------------------------------------------ passphrases


MAX_SECRET_FILE = 64 * 1024  # a passphrase or an identity code, never a document


def read_secret_file(path: str | Path) -> str:
    """The first line of a passphrase or identity-code file (UsageError if unreadable or
    empty); secrets never come from the command line, where `ps` shows them."""
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_SECRET_FILE + 1)
    except OSError as exc:
        raise UsageError(
            _("Cannot read the file {path}: {error}").format(
                path=path, error=exc.strerror or type(exc).__name__
            )
        ) from None
    if len(raw) > MAX_SECRET_FILE:
        raise UsageError(_("The file {path} is too large to hold a passphrase.").format(path=path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(_("The file {path} is not UTF-8 text.").format(path=path)) from None
    lines = text.splitlines()
    value = lines[0] if lines else ""
    if not value:
        raise UsageError(_("The file {path} is empty.").format(path=path))
    return value


def read_passphrase(
    args: argparse.Namespace, *, confirm: bool = False, prompt: str | None = None
) -> str:
    """--passphrase-file, else REKISTERI_PASSPHRASE, else a prompt without echo."""
    if getattr(args, "passphrase_file", None):
        return read_secret_file(args.passphrase_file)
    env = os.environ.get("REKISTERI_PASSPHRASE")
    if env:
        return env
    return prompt_secret(
        prompt or _("Passphrase: "),
        _("No passphrase: use --passphrase-file or REKISTERI_PASSPHRASE."),
        confirm=confirm,
    )


def prompt_secret(prompt: str, no_terminal: str, *, confirm: bool = False) -> str:
    """Ask without echo; UsageError(`no_terminal`) when there is nobody to ask."""
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(no_terminal)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Passphrase again: ")) != first:
        raise UsageError(_("The passphrases do not match."))
    if not first:
        raise UsageError(_("Nothing was entered."))
    return first


# -------------------------------------------------------------- identity codes

HETU_ENV = "REKISTERI_HETU"
_ASK = object()


def add_hetu_arguments(group: Any, help_text: str) -> None:
    """`--hetu` (asks, or takes $REKISTERI_HETU) and `--hetu-file FILE`.

    An identity code given as `--hetu CODE` would be readable by every user of the
    computer from the process list while the command runs, so a value there is refused.
    """
    group.add_argument(
        "--hetu",
        nargs="?",
        const=_ASK,
        metavar="",
        help=help_text
        + " "
        + _("(asked without echo, or taken from ${env}; never give it on the command line)").format(
            env=HETU_ENV
        ),
    )
    group.add_argument(
        "--hetu-file",
        metavar="FILE",
        help=_("read the personal identity code from FILE (its first line)"),
    )


def hetu_from_args(args: argparse.Namespace) -> str | None:
    """The identity code asked for by --hetu / --hetu-file, or None."""
    value = getattr(args, "hetu", None)
    path = getattr(args, "hetu_file", None)
    if value is not None and value is not _ASK:
        raise UsageError(
            _(
                "An identity code is not accepted on the command line: every user of this "
                "computer can read it from the process list. Use --hetu alone (it asks, or "
                "reads ${env}) or --hetu-file FILE."
            ).format(env=HETU_ENV)
        )
    if path:
        return read_secret_file(path).strip()
    if value is None:
        return None
    env = os.environ.get(HETU_ENV, "").strip()
    if env:
        return env
    return prompt_secret(
        _("Personal identity code: "),
        _("No identity code: use --hetu-file FILE or ${env}.").format(env=HETU_ENV),
    ).strip()


@contextmanager
def open_context(
    args: argparse.Namespace, *, snapshot_if_in_use: bool = False
) -> Iterator[ServiceContext]:
    """The database named by --db, open in a service context for one command; closed
    (and its lock released) however the command ends. Stored deadlines computed with
    another holiday calendar are recomputed first (audited).

    `snapshot_if_in_use`, for commands that only read (a scheduled `audit-pack`): while
    another process holds the database (the officer's window, open all day and
    auto-locked) read a consistent copy instead — made by SQLCipher in one read
    transaction (`storage.database.backup`, encrypted under the same passphrase) in a
    private temporary folder, removed however the command ends. What the command reports
    is the database as it was at that moment; nothing it does reaches the database."""
    import shutil
    import tempfile

    from ..services.context import ServiceContext
    from ..services.requests.deadlines import refresh_stale_deadlines
    from ..storage import errors
    from ..storage.database import Database, backup

    path, passphrase = Path(args.db), read_passphrase(args)
    folder: Path | None = None
    try:
        try:
            db = Database.open(path, passphrase)
        except errors.InUse:
            if not snapshot_if_in_use:
                raise
            folder = Path(tempfile.mkdtemp(prefix="rekisteri-snapshot-"))  # 0700
            db = Database.open(backup(path, passphrase, folder / path.name), passphrase)
            if sys.stderr.isatty():
                print(
                    _("The database is open elsewhere: reading a consistent copy of it."),
                    file=sys.stderr,
                )
        try:
            ctx = ServiceContext(db)
            refresh_stale_deadlines(ctx)
            yield ctx
        except Exception as exc:
            raise_if_damaged(db, exc)
            raise
        finally:
            db.close()
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def raise_if_damaged(db: Any, exc: BaseException) -> None:
    """A read that met a damaged page: run the integrity check on a fresh connection and
    raise storage's Damaged (exit 2) naming the first problem and the backups."""
    from ..storage import errors
    from ..storage.integrity import is_damage

    if not is_damage(exc):
        return
    try:
        report = db.check_integrity()
        detail = report.summary() if not report.ok else str(getattr(exc, "orig", exc))
    except Exception:  # the check itself failed on the damage
        detail = str(getattr(exc, "orig", exc))
    raise errors.Damaged(db.path, detail[:120]) from None


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
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a valid date (YYYY-MM-DD)").format(value=quoted(text))
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            _("{value} is outside the years {first}–{last}.").format(
                value=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return day
