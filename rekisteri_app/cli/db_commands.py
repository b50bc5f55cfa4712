"""init, passwd, backup, export, import and audit verify."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from ..i18n import _
from .common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    UsageError,
    open_context,
    print_json,
    prompt_secret,
    read_passphrase,
    read_secret_file,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help=_("create a new encrypted database"))
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("passwd", help=_("change the passphrase (re-encrypts the database)"))
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=_("read the new passphrase from FILE (else $REKISTERI_NEW_PASSPHRASE, else a prompt)"),
    )
    p.set_defaults(handler=cmd_passwd)

    p = sub.add_parser("backup", help=_("write a consistent encrypted copy"))
    p.add_argument("out", metavar="OUT", nargs="?")
    p.add_argument(
        "--auto",
        action="store_true",
        help=_(
            "today's automatic backup into the backup folder (setting backup.folder), "
            "keeping the newest backup.keep; for a scheduled task"
        ),
    )
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("export", help=_("export the whole database as JSON"))
    p.add_argument("--json", dest="out", metavar="OUT", required=True)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help=_("import a JSON document (validated first)"))
    p.add_argument("--json", dest="infile", metavar="IN", required=True)
    p.set_defaults(handler=cmd_import)

    audit = sub.add_parser("audit", help=_("the audit trail"))
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="COMMAND")
    v = audit_sub.add_parser("verify", help=_("recompute the hash chain"))
    v.add_argument("--json", action="store_true", help=_("print JSON"))
    v.add_argument(
        "--expect-head",
        metavar="COUNT:HASH",
        help=_(
            "also prove that a chain head recorded elsewhere (a pack's cover) is still in the chain"
        ),
    )
    v.set_defaults(handler=cmd_audit_verify)


def cmd_init(args: argparse.Namespace) -> int:
    from ..storage.database import Database

    db = Database.create(Path(args.db), read_passphrase(args, confirm=True))
    db.close()
    print(_("Created the encrypted database {path}.").format(path=args.db))
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    from ..services.security import change_passphrase

    if args.new_passphrase_file:
        new = read_secret_file(args.new_passphrase_file)
    elif os.environ.get("REKISTERI_NEW_PASSPHRASE"):
        new = os.environ["REKISTERI_NEW_PASSPHRASE"]
    else:
        new = None
    with open_context(args) as ctx:
        if new is None:
            new = prompt_secret(
                _("New passphrase: "),
                _("No new passphrase: use --new-passphrase-file or REKISTERI_NEW_PASSPHRASE."),
                confirm=True,
            )
        change_passphrase(ctx, new)  # the audit event follows the rekey, never precedes it
    print(_("The passphrase was changed."))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from ..storage.database import backup

    if args.auto:
        if args.out:
            raise UsageError(_("--auto chooses the file itself: give no OUT."))
        from ..services.backups import auto_backup, backup_folder

        with open_context(args) as ctx:
            made = auto_backup(ctx)
            folder = backup_folder(ctx)
        if made is None:
            print(_("Today's automatic backup is already in {folder}.").format(folder=folder))
        else:
            print(_("Wrote an encrypted backup to {path}.").format(path=made))
        return EXIT_OK
    if not args.out:
        raise UsageError(_("Name the backup file (OUT), or use --auto."))
    out = backup(Path(args.db), read_passphrase(args), Path(args.out))
    print(_("Wrote an encrypted backup to {path}.").format(path=out))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Streamed into the file (constant memory); the file appears only when complete."""
    from ..services.exchange import export_to_file

    out = Path(args.out)
    with open_context(args) as ctx:
        export_to_file(ctx, out)
    print(_("Exported the database to {path}.").format(path=out))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ..services.exchange import import_document

    try:
        doc = json.loads(Path(args.infile).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(
            _("Cannot read {path}: {error}").format(path=args.infile, error=exc.strerror)
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(
            _("{path} is not valid JSON: {error}").format(path=args.infile, error=exc)
        ) from None
    with open_context(args) as ctx:
        counts = import_document(ctx, doc)
    print(
        _(
            "Imported: {controllers} controllers, {processors} processors, {registers} "
            "registers, {requests} requests."
        ).format(**counts)
    )
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from ..storage.audit import InvalidHead, check_head, head, parse_head, verify

    expected = None
    if args.expect_head:
        try:
            expected = parse_head(args.expect_head)
        except InvalidHead:
            raise UsageError(
                _("{value!r} is not a chain head: give COUNT:HASH (64 hexadecimal digits).").format(
                    value=args.expect_head
                )
            ) from None
    with open_context(args) as ctx, ctx.read() as session:
        result = verify(session)
        current = head(session)
        anchor = check_head(session, expected) if expected is not None and result.ok else None
    ok = result.ok and (anchor is None or anchor.ok)
    if args.json:
        data = {
            "ok": ok,
            "checked": result.checked,
            "broken_event": result.broken_id,
            "reason": result.reason,
            "head": str(current) if result.ok else None,
        }
        if expected is not None:
            data["expected_head"] = str(expected)
            data["expected_head_found"] = None if anchor is None else anchor.ok
        print_json(data)
    elif result.ok:
        print(_("The audit trail is intact: {n} events verified.").format(n=result.checked))
        print(_("Chain head: {head}").format(head=current))
    elif result.reason == "missing-tail":
        print(
            _("The audit trail is broken: events after #{n} have been removed.").format(
                n=result.checked
            )
        )
    elif result.reason == "missing-before":
        print(
            _(
                "The audit trail is broken at event #{id}: the event before it was deleted "
                "or altered."
            ).format(id=result.broken_id)
        )
    else:
        print(
            _("The audit trail is broken at event #{id}: its contents were altered.").format(
                id=result.broken_id
            )
        )
    if anchor is not None and not args.json:
        if anchor.ok:
            print(
                _("The recorded head {head} is in the chain: position {n} has that hash.").format(
                    head=expected, n=expected.count
                )
            )
        elif anchor.found is None:
            print(
                _(
                    "The recorded head is not in the chain: it names position {n}, but the "
                    "chain has only {length} events. Events were removed."
                ).format(n=expected.count, length=anchor.length)
            )
        else:
            print(
                _(
                    "The recorded head is not in the chain: position {n} has hash {found}, "
                    "not {expected}. The history up to that head was rewritten."
                ).format(n=expected.count, found=anchor.found, expected=expected.hash)
            )
    return EXIT_OK if ok else EXIT_BAD_INPUT
