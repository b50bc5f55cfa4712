"""`rekisteri audit-pack` and `rekisteri verify-pack`: the periodic audit pack.

    rekisteri audit-pack (--from DATE --to DATE | --period last-quarter|last-year|this-year)
        --out FILE.zip [--identify] [--include-letters] [--encrypt] [--lang fi|sv|en]
    rekisteri verify-pack FILE.zip [--against EARLIER.zip] [--json]

Made for scheduled runs (cron, Windows Task Scheduler): the database passphrase comes
from --passphrase-file or $REKISTERI_PASSPHRASE and the pack's password from
--password-file or $REKISTERI_PACK_PASSWORD; nothing is asked when stdin is not a
terminal, and progress goes to stderr only when stderr is one.

verify-pack exits 0 only when everything holds, 1 naming each file or chain position
that fails, 2 when the pack cannot be opened (no such file, not a ZIP, wrong password).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from ..i18n import _, current_language
from .common import (
    EXIT_BAD_INPUT,
    EXIT_CANNOT_OPEN,
    EXIT_OK,
    UsageError,
    iso_date,
    open_context,
    print_json,
)

PASSWORD_ENV = "REKISTERI_PACK_PASSWORD"
# services.audit_pack.PRESETS, named here so that `rekisteri --help` does not load the
# PDF and ZIP libraries (tests/test_pack_cli.py keeps the two in step)
PERIODS = ("last-quarter", "last-year", "this-year")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "audit-pack",
        help=_("write the audit pack of a period (ZIP: PDFs, CSV, JSON, audit log, manifest)"),
    )
    p.add_argument("--from", dest="start", type=iso_date, metavar="DATE", help=_("first day"))
    p.add_argument("--to", dest="end", type=iso_date, metavar="DATE", help=_("last day"))
    p.add_argument(
        "--period",
        choices=PERIODS,
        help=_("instead of --from/--to: a period counted from today"),
    )
    p.add_argument("--out", metavar="FILE.zip", required=True, help=_("write the pack to FILE"))
    p.add_argument(
        "--identify",
        action="store_true",
        help=_("name the data subjects and requesters (an internal pack; said on the cover)"),
    )
    p.add_argument(
        "--include-letters",
        action="store_true",
        help=_("add the letters issued in the period as PDFs (needs --identify)"),
    )
    p.add_argument(
        "--encrypt",
        action="store_true",
        help=_("encrypt the ZIP with AES-256 under a separate password"),
    )
    p.add_argument(
        "--password-file",
        metavar="FILE",
        help=_(
            "with --encrypt: read the pack's password from FILE (else ${env}, else a prompt)"
        ).format(env=PASSWORD_ENV),
    )
    p.add_argument(
        "--lang",
        dest="pack_lang",
        choices=["fi", "sv", "en"],
        help=_("the language of the PDFs (default: the language of messages)"),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_audit_pack)

    v = sub.add_parser("verify-pack", help=_("check an audit pack's files and audit chain"))
    v.add_argument("pack", metavar="FILE.zip")
    v.add_argument(
        "--against",
        metavar="EARLIER.zip",
        help=_("also check that the chain head recorded in an earlier pack is still in this one"),
    )
    v.add_argument(
        "--password-file",
        metavar="FILE",
        help=_("the password of an encrypted pack (else ${env}, else a prompt)").format(
            env=PASSWORD_ENV
        ),
    )
    v.add_argument(
        "--against-password-file",
        metavar="FILE",
        help=_("the earlier pack's password, when it differs"),
    )
    v.add_argument("--json", action="store_true", help=_("print JSON"))
    v.set_defaults(handler=cmd_verify_pack)


# ------------------------------------------------------------------------ passwords


def _read_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise UsageError(
            _("Cannot read the password file {path}: {error}").format(path=path, error=exc.strerror)
        ) from None


def _interactive() -> bool:
    return bool(sys.stdin) and sys.stdin.isatty()


def pack_password(args: argparse.Namespace, *, confirm: bool) -> str:
    """--password-file, else $REKISTERI_PACK_PASSWORD, else a prompt (only on a terminal)."""
    if args.password_file:
        return _read_file(args.password_file)
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not _interactive():
        raise UsageError(
            _("No password for the pack: use --password-file or {env}.").format(env=PASSWORD_ENV)
        )
    first = getpass.getpass(_("Password of the pack: "))
    if confirm and getpass.getpass(_("The pack's password again: ")) != first:
        raise UsageError(_("The passwords do not match."))
    return first


# ------------------------------------------------------------------------ audit-pack


def _period(args: argparse.Namespace, today):
    from ..services.audit_pack import Period, preset

    if args.period and (args.start or args.end):
        raise UsageError(_("Give either --period or --from and --to, not both."))
    if args.period:
        return preset(args.period, today)
    if not (args.start and args.end):
        raise UsageError(_("Give the period: --from DATE --to DATE, or --period."))
    return Period(args.start, args.end)


class _Progress:
    """`[3/11] index.pdf` on one stderr line, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.shown = bool(sys.stderr) and sys.stderr.isatty()

    def __call__(self, done: int, total: int, name: str) -> None:
        if self.shown:
            sys.stderr.write(f"\r\x1b[K[{min(done + 1, total)}/{total}] {name}")
            sys.stderr.flush()

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _same_path(out: Path, database: Path) -> bool:
    """`out` is the database file itself or one of its side files (journal, lock)."""
    try:
        if out.exists() and out.samefile(database):
            return True
    except OSError:
        pass
    return out.resolve().parent == database.resolve().parent and out.name.startswith(
        database.name + "."
    )


def cmd_audit_pack(args: argparse.Namespace) -> int:
    from ..services.audit_pack import PackOptions, build_pack

    if args.password_file and not args.encrypt:
        raise UsageError(_("--password-file belongs to --encrypt."))
    if args.include_letters and not args.identify:
        raise UsageError(
            _("The letters name their recipients: --include-letters needs --identify.")
        )
    password = pack_password(args, confirm=True) if args.encrypt else None
    if _same_path(Path(args.out), Path(args.db)):
        raise UsageError(
            _("{path} is the database or one of its files: choose another name.").format(
                path=args.out
            )
        )
    progress = _Progress()
    # A scheduled run while the window has the database open reads a consistent copy.
    with open_context(args, snapshot_if_in_use=True) as ctx:
        options = PackOptions(
            period=_period(args, ctx.today()),
            language=args.pack_lang or current_language(),
            identify=args.identify,
            include_letters=args.include_letters,
            password=password,
        )
        try:
            result = build_pack(ctx, options, Path(args.out), progress=progress)
        finally:
            progress.finish()
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "created_at": result.created_at.isoformat(timespec="seconds"),
                "period": {
                    "start": options.period.start.isoformat(),
                    "end": options.period.end.isoformat(),
                },
                "head": result.head,
                "encrypted": options.encrypted,
                "identified": options.identify,
                "members": result.members,
            }
        )
        return EXIT_OK
    print(
        _("Wrote the audit pack {path} ({n} files) for {start} – {end}.").format(
            path=result.path,
            n=len(result.members) + 1,
            start=options.period.start.isoformat(),
            end=options.period.end.isoformat(),
        )
    )
    print(_("Audit-chain head at creation: {head}").format(head=result.head))
    if options.identify:
        print(_("The pack names persons: keep it for internal use."))
    if options.encrypted:
        print(_("Encrypted with AES-256: send the password by another channel."))
    return EXIT_OK


# ----------------------------------------------------------------------- verify-pack


def _verify(args: argparse.Namespace, password: str | None, against_password: str | None):
    from ..services.audit_pack import verify_pack

    return verify_pack(
        Path(args.pack),
        password=password,
        against=Path(args.against) if args.against else None,
        against_password=against_password,
    )


def _password_for(path: str, password_file: str | None, prompt: str) -> str | None:
    """The password of one pack: its file, else the environment, else (an encrypted pack
    on a terminal) a prompt; None lets the check say that a password is needed."""
    from ..services.audit_pack import is_encrypted

    if password_file:
        return _read_file(password_file)
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if is_encrypted(path) and _interactive():
        return getpass.getpass(prompt)
    return None


def cmd_verify_pack(args: argparse.Namespace) -> int:
    from ..services.audit_pack import CannotOpenPack

    password = _password_for(args.pack, args.password_file, _("Password of the pack: "))
    against_password = None
    if args.against and (args.against_password_file or not password):
        against_password = _password_for(
            args.against, args.against_password_file, _("Password of the earlier pack: ")
        )
    try:
        result = _verify(args, password, against_password)
    except CannotOpenPack as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_CANNOT_OPEN
    if args.json:
        print_json(
            {
                "ok": result.ok,
                "pack": str(result.path),
                "against": None if result.against is None else str(result.against),
                "head": result.head,
                "members_checked": result.members_checked,
                "events": result.events,
                "events_rehashed": result.rehashed,
                "problems": [
                    {
                        "where": p.where,
                        "code": p.code,
                        "position": p.position,
                        "message": p.message,
                    }
                    for p in result.problems
                ],
            }
        )
        return EXIT_OK if result.ok else EXIT_BAD_INPUT
    for problem in result.problems:
        print(f"{problem.where}: {problem.message}")
    if result.ok:
        print(
            _(
                "The pack is intact: {members} files match the manifest; {events} audit events "
                "link up ({rehashed} of them rehashed from their contents)."
            ).format(members=result.members_checked, events=result.events, rehashed=result.rehashed)
        )
        print(_("Audit-chain head recorded at creation: {head}").format(head=result.head))
        if result.against is not None:
            print(
                _("The head recorded in {earlier} is an ancestor of this pack's chain.").format(
                    earlier=result.against
                )
            )
        return EXIT_OK
    print(
        _("The pack does not verify: {n} problems.").format(n=len(result.problems)),
        file=sys.stderr,
    )
    return EXIT_BAD_INPUT
