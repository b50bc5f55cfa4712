"""`rekisteri check`: the compliance checker's findings, as the window shows them."""

from __future__ import annotations

import argparse

from ..domain import vocabulary
from ..i18n import _, current_language
from .common import EXIT_BAD_INPUT, EXIT_OK, open_context, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help=_("list what is missing or wrong (Art. 13/14, 28, 30, Chapter V)")
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument(
        "--fail-on-red", action="store_true", help=_("exit with code 1 when any red finding exists")
    )
    p.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from ..services.compliance import check_database

    with open_context(args) as ctx:
        findings = check_database(ctx)
    lang = current_language()
    if args.json:
        print_json([f.as_dict(lang) for f in findings])
    elif not findings:
        print(_("No findings."))
    else:
        severity = {"red": _("RED"), "amber": _("AMBER")}
        print_table(
            [_("Severity"), _("Subject"), _("Where"), _("Article"), _("Finding")],
            [
                [
                    severity[f.severity],
                    f"{vocabulary.label(vocabulary.SUBJECT_KINDS, f.subject_kind)}: "
                    f"{f.subject_name}".rstrip(": "),
                    f.path,
                    f.article,
                    f.text(lang),
                ]
                for f in findings
            ],
        )
    if args.fail_on_red and any(f.severity == "red" for f in findings):
        return EXIT_BAD_INPUT
    return EXIT_OK
