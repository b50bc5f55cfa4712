"""init, passwd, backup, export, import and audit verify."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from ..i18n import _
from .common import EXIT_BAD_INPUT, EXIT_OK, UsageError, open_context, print_json, read_passphrase


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
    p.add_argument("out", metavar="OUT")
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
    v.set_defaults(handler=cmd_audit_verify)


def cmd_init(args: argparse.Namespace) -> int:
    from ..storage.database import Database

    db = Database.create(Path(args.db), read_passphrase(args, confirm=True))
    db.close()
    print(_("Created the encrypted database {path}.").format(path=args.db))
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        if args.new_passphrase_file:
            new = Path(args.new_passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
        elif os.environ.get("REKISTERI_NEW_PASSPHRASE"):
            new = os.environ["REKISTERI_NEW_PASSPHRASE"]
        else:
            new = read_passphrase(argparse.Namespace(), confirm=True, prompt=_("New passphrase: "))
        with ctx.change() as tx:
            tx.audit("rekey", "database", None, None, None)
        ctx.db.rekey(new)
    print(_("The passphrase was changed."))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from ..storage.database import backup

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
    from ..storage.audit import verify

    with open_context(args) as ctx, ctx.read() as session:
        result = verify(session)
    if args.json:
        print_json(
            {
                "ok": result.ok,
                "checked": result.checked,
                "broken_event": result.broken_id,
                "reason": result.reason,
            }
        )
    elif result.ok:
        print(_("The audit trail is intact: {n} events verified.").format(n=result.checked))
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
    return EXIT_OK if result.ok else EXIT_BAD_INPUT
