"""check-integrity and restore: is the file whole, and putting a backup back in place."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from ..i18n import _
from .common import (
    EXIT_BAD_INPUT,
    EXIT_CANNOT_OPEN,
    EXIT_OK,
    open_context,
    print_json,
    read_passphrase,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check-integrity",
        help=_("check every page, the structure and the audit trail of the database"),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_check_integrity)

    p = sub.add_parser(
        "restore",
        help=_("replace the database by a backup that opens and passes the integrity check"),
    )
    p.add_argument("backup", metavar="BACKUP")
    p.add_argument(
        "--to",
        metavar="PATH",
        help=_("restore to PATH instead of the --db database"),
    )
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser(
        "purge",
        help=_(
            "purge closed cases older than the retention period (setting "
            "retention.closed_case_years), leaving pseudonymous rows"
        ),
    )
    p.add_argument("--dry-run", action="store_true", help=_("only list what would be purged"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(handler=cmd_purge)


def cmd_check_integrity(args: argparse.Namespace) -> int:
    from ..services.security import check_integrity

    with open_context(args) as ctx:
        result = check_integrity(ctx)
    if args.json:
        print_json(
            {
                "ok": result.ok,
                "pages": result.pages.cipher_problems,
                "structure": result.pages.structure_problems,
                "audit": None
                if result.chain is None
                else {
                    "ok": result.chain.ok,
                    "checked": result.chain.checked,
                    "broken_event": result.chain.broken_id,
                    "reason": result.chain.reason,
                },
                "other": result.other,
            }
        )
    else:
        _print_result(result, Path(args.db))
    if not result.pages.ok:
        return EXIT_CANNOT_OPEN
    return EXIT_OK if result.ok else EXIT_BAD_INPUT


def _print_result(result, path: Path) -> None:
    from ..storage.backups import default_backup_folder

    if result.pages.ok:
        print(_("Pages and structure: intact."))
    else:
        print(_("The file is damaged:"))
        for line in result.pages.lines():
            print(f"  {line}")
        print(
            _(
                "Restore the newest backup with `rekisteri restore BACKUP`; the automatic "
                "backups are in {folder} unless the settings name another folder."
            ).format(folder=default_backup_folder(path))
        )
        return
    chain = result.chain
    if chain.ok:
        print(_("Audit trail: intact, {n} events verified.").format(n=chain.checked))
    else:
        print(
            _("Audit trail: broken ({reason}) at event #{id}.").format(
                reason=chain.reason, id=chain.broken_id
            )
        )
    for name, problems in result.other.items():
        if problems:
            print(_("{check}: {n} problems").format(check=_(name), n=len(problems)))
            for line in problems[:20]:
                print(f"  {line}")
        else:
            print(_("{check}: no problems.").format(check=_(name)))


def cmd_restore(args: argparse.Namespace) -> int:
    from ..storage.backups import restore

    target = Path(args.to or args.db)
    passphrase = read_passphrase(args, prompt=_("Passphrase of the backup: "))
    done = restore(Path(args.backup), passphrase, target, now=datetime.now(UTC))
    print(
        _("Restored {backup} to {target}: it opened and passed the integrity check.").format(
            backup=args.backup, target=done.target
        )
    )
    if done.kept is not None:
        print(_("The replaced file is kept as {kept}.").format(kept=done.kept))
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    from ..services.requests import retention

    with open_context(args) as ctx:
        plan = retention.purge_plan(ctx) if args.dry_run else retention.purge(ctx)
    if args.json:
        print_json(
            {
                "dry_run": bool(args.dry_run),
                "years": plan.years,
                "closed_before": plan.cutoff.isoformat(),
                "cases": [
                    {
                        "case_number": c.case_number,
                        "closed_on": c.closed_on.isoformat(),
                        "attachments": c.attachments,
                        "letters": c.letters,
                    }
                    for c in plan.cases
                ],
                "legal_holds_kept": plan.held,
            }
        )
        return EXIT_OK
    if args.dry_run:
        print(
            _("Would purge {n} cases closed before {cutoff} ({years} years):").format(
                n=len(plan.cases), cutoff=plan.cutoff.isoformat(), years=plan.years
            )
        )
    else:
        print(
            _("Purged {n} cases closed before {cutoff} ({years} years).").format(
                n=len(plan.cases), cutoff=plan.cutoff.isoformat(), years=plan.years
            )
        )
    for c in plan.cases:
        print(
            "  "
            + _("{case}, closed on {closed}: {letters} letters, {attachments} attachments").format(
                case=c.case_number,
                closed=c.closed_on.isoformat(),
                letters=c.letters,
                attachments=c.attachments,
            )
        )
    if plan.held:
        print(_("Kept under a legal hold: {n} cases.").format(n=plan.held))
    return EXIT_OK
