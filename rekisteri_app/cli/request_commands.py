"""request: add, list, show, update, edit, split, note, dashboard, settings.

Dates are ISO 8601 (YYYY-MM-DD), from 1900 on. Bad input exits 1 and stores nothing:
every update or correction is one service call, applied in one transaction or not at
all. A received date before 25 May 2018 or over a year ago exits 1 unless --yes.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.enums import (
    Authority,
    AuthorityEvidence,
    Channel,
    FeeBasis,
    IdentityMethod,
    Language,
    Outcome,
    RequestClass,
    RequestStatus,
    Right,
)
from ..domain.identity_code import IdentityDocument
from ..i18n import _, language_from_environment, ngettext, set_language
from .common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    UsageError,
    add_hetu_arguments,
    hetu_from_args,
    iso_date,
    open_context,
    print_json,
    print_table,
    stream_json,
    stream_table,
)


def _values(kind: type) -> list[str]:
    return [v.value for v in kind]


def _count(text: str) -> int:
    """An argparse type: a whole number of rows, zero or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            _("{value!r} is not a whole number of zero or more").format(value=text)
        )
    return value


def day(text: str) -> date:
    """An argparse type: an ISO 8601 date from 1900 on (no request is older)."""
    value = iso_date(text)
    if value.year < 1900:
        raise argparse.ArgumentTypeError(
            _("{value!r} is before 1900; check the year").format(value=text)
        )
    return value


def _person_options(parser: argparse.ArgumentParser, *, edit: bool) -> None:
    """The data subject's and the requester's fields, shared by add and edit."""
    what = _("the corrected {field}") if edit else "{field}"
    for flag, field in (
        ("--name", _("the data subject's name")),
        ("--address", _("the data subject's address as the requester wrote it")),
        ("--email", _("the data subject's email")),
        ("--phone", _("the data subject's phone")),
        ("--customer-number", _("the data subject's customer number")),
    ):
        parser.add_argument(flag, help=what.format(field=field))
    add_hetu_arguments(
        parser,
        _("the data subject's personal identity code, kept only as a keyed hash for matching"),
    )
    parser.add_argument(
        "--requester-name", help=_("the representative's name, if not the data subject")
    )
    parser.add_argument("--requester-address")
    parser.add_argument("--requester-email")
    parser.add_argument("--requester-phone")
    parser.add_argument(
        "--authority", choices=_values(Authority), help=_("on what authority the requester acts")
    )
    parser.add_argument(
        "--address-on-record",
        metavar="TEXT",
        help=_("the data subject's address on the controller's own records, as checked"),
    )
    parser.add_argument(
        "--delivery-address",
        metavar="TEXT",
        help=_("where the requester asked the reply to be sent, if not to the address given"),
    )
    parser.add_argument(
        "--lang",
        dest="reply_language",
        choices=_values(Language),
        help=_("the language to reply in"),
    )
    parser.add_argument("--description")
    parser.add_argument("--classification", choices=_values(RequestClass), default=None)
    parser.add_argument(
        "--yes",
        action="store_true",
        help=_("confirm a received date before 25 May 2018 or more than a year ago"),
    )


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("request", help=_("rights requests: intake, deadlines, decisions"))
    s = p.add_subparsers(dest="request_command", metavar="COMMAND")

    add = s.add_parser("add", help=_("log a new request; prints its case number last"))
    add.add_argument(
        "--json",
        dest="infile",
        metavar="FILE",
        help=_("read the whole request from a JSON file instead"),
    )
    add.add_argument(
        "--received",
        dest="received_on",
        type=day,
        metavar="DATE",
        help=_("the day the request reached the controller"),
    )
    add.add_argument("--channel", choices=_values(Channel))
    add.add_argument(
        "--type",
        dest="rights",
        action="append",
        choices=_values(Right),
        metavar="RIGHT",
        help=_("a requested right; repeat for several: {rights}").format(
            rights=", ".join(_values(Right))
        ),
    )
    _person_options(add, edit=False)
    add.add_argument(
        "--register",
        dest="registers",
        action="append",
        metavar="NAME",
        help=_(
            "a register concerned (default: every register of the controllers); repeat for several"
        ),
    )
    add.add_argument(
        "--controller",
        action="append",
        metavar="NAME",
        help=_(
            "a controller the request concerns, the one it was addressed to first; repeat "
            "for group companies or joint controllers"
        ),
    )
    add.add_argument(
        "--authority-checked",
        type=day,
        metavar="DATE",
        help=_("when the authority was checked"),
    )
    add.add_argument(
        "--attach",
        action="append",
        metavar="FILE",
        help=_("a scan to keep in the database; repeat for several"),
    )
    add.set_defaults(handler=cmd_add)

    ls = s.add_parser("list", help=_("list cases by due date"))
    ls.add_argument("--status", choices=[*_values(RequestStatus), "open"])
    ls.add_argument(
        "--due-before", type=iso_date, metavar="DATE", help=_("only cases due before DATE")
    )
    ls.add_argument(
        "--find",
        metavar="TEXT",
        help=_("only cases whose number or data subject's or requester's name contains TEXT"),
    )
    ls.add_argument(
        "--order",
        choices=["due", "received", "case", "status", "subject"],
        default="due",
        help=_("the order of the list (default: by due date)"),
    )
    ls.add_argument("--reverse", action="store_true", help=_("in the opposite order"))
    ls.add_argument(
        "--limit", type=_count, metavar="N", help=_("at most N cases (default: all, streamed)")
    )
    ls.add_argument(
        "--offset", type=_count, default=0, metavar="N", help=_("skip the first N cases")
    )
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(handler=cmd_list)

    show = s.add_parser("show", help=_("one case with its deadline rule and timeline"))
    show.add_argument("case", metavar="CASE")
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    show.set_defaults(handler=cmd_show)

    up = s.add_parser("update", help=_("record identity, pauses, extension, decisions, status"))
    up.add_argument("case", metavar="CASE")
    g = up.add_argument_group(_("identity"))
    g.add_argument(
        "--identity-verified",
        choices=_values(IdentityMethod),
        metavar="METHOD",
        help=_("how the identity was verified: {methods}").format(
            methods=", ".join(_values(IdentityMethod))
        ),
    )
    g.add_argument("--verified-by", metavar="NAME")
    g.add_argument("--verified-on", type=day, metavar="DATE")
    g.add_argument("--document-type", choices=_values(IdentityDocument))
    g.add_argument(
        "--document-last4",
        metavar="XXXX",
        help=_("the last four characters of the document number, nothing more"),
    )
    g.add_argument("--identity-note")
    add_hetu_arguments(g, _("the data subject's personal identity code, kept only as a keyed hash"))
    g = up.add_argument_group(_("representative's authority"))
    g.add_argument(
        "--authority-checked", type=day, metavar="DATE", help=_("when the authority was checked")
    )
    g.add_argument("--authority-checked-by", metavar="NAME", help=_("who checked it"))
    g.add_argument(
        "--authority-evidence",
        choices=_values(AuthorityEvidence),
        help=_("what it was checked against"),
    )
    g.add_argument(
        "--authority-confirmed",
        type=day,
        metavar="DATE",
        help=_("continuing power of attorney: when the guardianship authority (DVV) confirmed it"),
    )
    g.add_argument("--authority-note", metavar="TEXT", help=_("what other evidence it was"))
    g = up.add_argument_group(_("notifying recipients (GDPR Art. 19)"))
    g.add_argument(
        "--recipient-notified",
        action="append",
        metavar="NAME[=DATE]",
        help=_("a recipient of the registers told of the change on DATE (default: today)"),
    )
    g.add_argument(
        "--recipient-not-notified",
        action="append",
        metavar="NAME=REASON",
        help=_("a recipient not told because it proved impossible or disproportionate"),
    )
    g.add_argument(
        "--not-a-recipient",
        action="append",
        metavar="NAME",
        help=_("a recipient of the registers that did not receive this person's data"),
    )
    g.add_argument(
        "--recipients-requested",
        action="store_true",
        help=_("the data subject asked to be told the recipients"),
    )
    g.add_argument(
        "--no-recipients-requested",
        action="store_true",
        help=_("the data subject did not ask to be told the recipients (undo)"),
    )
    g = up.add_argument_group(_("fee (GDPR Art. 12(5), 15(3))"))
    g.add_argument("--fee", choices=_values(FeeBasis), help=_("what the fee is for"))
    g.add_argument("--fee-amount", metavar="EUR", help=_("the amount in euros, e.g. 12,50"))
    g.add_argument(
        "--fee-costs",
        metavar="TEXT",
        help=_("how the amount is based on the administrative costs"),
    )
    g.add_argument("--no-fee", action="store_true", help=_("remove the recorded fee"))
    g = up.add_argument_group(_("pauses"))
    for name in (
        "identity-asked",
        "identity-received",
        "clarification-asked",
        "clarification-received",
    ):
        g.add_argument(f"--{name}", type=day, metavar="DATE")
    g = up.add_argument_group(_("extension"))
    g.add_argument(
        "--extend",
        action="store_true",
        help=_(
            "extend by two months (GDPR Art. 12(3), with --letter-sent DATE), or to one "
            "month for a Publicity Act request (§ 14(4))"
        ),
    )
    g.add_argument("--reasons", help=_("the reasons for the delay"))
    g.add_argument(
        "--letter-sent",
        type=day,
        metavar="DATE",
        help=_("when the extension letter was sent"),
    )
    g.add_argument(
        "--extended-on",
        type=day,
        metavar="DATE",
        help=_("when the extension was decided (default: the letter date)"),
    )
    g = up.add_argument_group(_("decisions"))
    g.add_argument(
        "--outcome",
        action="append",
        metavar="RIGHT=OUTCOME",
        help=_("outcome: {outcomes}").format(outcomes=", ".join(_values(Outcome))),
    )
    g.add_argument(
        "--ground",
        action="append",
        metavar="CODE",
        help=_("a legal ground from the catalogue (one, or one per --outcome)"),
    )
    g.add_argument("--reason", action="append", metavar="TEXT")
    g.add_argument(
        "--erasure",
        action="append",
        metavar="SPEC",
        help=_("CATEGORY=erased or CATEGORY=kept:DATE:GROUND[:REASON]"),
    )
    g.add_argument(
        "--fee-reason",
        metavar="TEXT",
        help=_("the officer's reason for a fee or an Art. 12(5) refusal"),
    )
    g.add_argument("--hold", action="append", metavar="CATEGORY")
    g.add_argument("--hold-reason", metavar="TEXT")
    g.add_argument("--release", action="append", metavar="CATEGORY")
    g = up.add_argument_group(_("status"))
    g.add_argument("--status", choices=_values(RequestStatus))
    g.add_argument(
        "--withdrawn",
        action="store_true",
        help=_("the requester withdrew the whole request: the case is closed unanswered"),
    )
    g.add_argument("--close", action="store_true")
    up.add_argument("--attach", action="append", metavar="FILE")
    up.add_argument("--json", action="store_true", help=_("print the case as JSON afterwards"))
    up.set_defaults(handler=cmd_update)

    _edit_parser(s)
    split = s.add_parser(
        "split", help=_("give controllers of a case a case of their own (the same letter)")
    )
    split.add_argument("case", metavar="CASE")
    split.add_argument(
        "--controller",
        action="append",
        required=True,
        metavar="NAME",
        help=_("a controller that gets the new case; repeat for several"),
    )
    split.add_argument("--reason", required=True, metavar="TEXT", help=_("why the case is split"))
    split.set_defaults(handler=cmd_split)

    note = s.add_parser("note", help=_("add a note to the case timeline"))
    note.add_argument("case", metavar="CASE")
    note.add_argument("text", nargs="+", metavar="TEXT")
    note.set_defaults(handler=cmd_note)

    dash = s.add_parser(
        "dashboard", help=_("overdue, due soon, awaiting identity, holds at risk, counts")
    )
    dash.add_argument(
        "--limit",
        type=_count,
        default=50,
        metavar="N",
        help=_("at most N cases of each queue (default 50; the totals count them all)"),
    )
    dash.add_argument("--json", action="store_true", help=_("print JSON"))
    dash.set_defaults(handler=cmd_dashboard)

    drift = s.add_parser(
        "check-deadlines",
        help=_("recompute every case's deadline and list those whose stored dates differ"),
    )
    drift.add_argument("--json", action="store_true", help=_("print JSON"))
    drift.set_defaults(handler=cmd_check_deadlines)

    # `rekisteri settings` and, as before, `rekisteri request settings`.
    for parent in (sub, s):
        _settings_parser(parent)


def _edit_parser(s: argparse._SubParsersAction) -> None:
    ed = s.add_parser(
        "edit",
        help=_("correct what was logged at intake, with the reason (kept on the timeline)"),
        description=_(
            "Each changed fact is stored as a correction with its reason; the deadline "
            "follows from the corrected facts. Letters already issued are not changed."
        ),
    )
    ed.add_argument("case", metavar="CASE")
    ed.add_argument("--reason", metavar="TEXT", help=_("why the record is corrected (required)"))
    ed.add_argument("--received", dest="received_on", type=day, metavar="DATE")
    ed.add_argument("--channel", choices=_values(Channel))
    _person_options(ed, edit=True)
    ed.add_argument(
        "--no-requester",
        action="store_true",
        help=_("the request was made by the data subject after all"),
    )
    ed.add_argument(
        "--type",
        dest="rights",
        action="append",
        choices=_values(Right),
        metavar="RIGHT",
        help=_("add a requested right; repeat for several"),
    )
    ed.add_argument(
        "--raised-on",
        type=day,
        metavar="DATE",
        help=_("the date the added rights were raised (default: with the request)"),
    )
    ed.add_argument(
        "--remove-type",
        action="append",
        choices=_values(Right),
        metavar="RIGHT",
        help=_("remove a right entered by mistake"),
    )
    ed.add_argument(
        "--withdraw-type",
        action="append",
        choices=_values(Right),
        metavar="RIGHT",
        help=_("a right the requester withdrew (with --words)"),
    )
    ed.add_argument("--words", metavar="TEXT", help=_("the requester's words withdrawing it"))
    ed.add_argument(
        "--controller", action="append", metavar="NAME", help=_("add a controller of the case")
    )
    ed.add_argument("--remove-controller", action="append", metavar="NAME")
    ed.add_argument(
        "--addressed-to", metavar="NAME", help=_("the controller the request was addressed to")
    )
    ed.add_argument(
        "--register", dest="registers", action="append", metavar="NAME", help=_("add a register")
    )
    ed.add_argument("--remove-register", action="append", metavar="NAME")
    ed.add_argument("--json", action="store_true", help=_("print the case as JSON afterwards"))
    ed.set_defaults(handler=cmd_edit)


def _settings_parser(parent: argparse._SubParsersAction) -> None:
    from ..domain.deadlines import PausePolicy
    from ..domain.vocabulary import PAUSE_POLICY_HELP
    from ..services import settings

    keys = "\n".join(
        "  " + key + ": " + _(settings.spec(key).label) for key in settings.known_keys()
    )
    policies = "\n".join("  " + p.value + ": " + _(PAUSE_POLICY_HELP[p]) for p in PausePolicy)
    st = parent.add_parser(
        "settings",
        help=_("show or change settings (case number prefix, pause policy, officer, authority)"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_(
            "Settings:\n{keys}\n\n{key} (what asking for identity proof or a "
            "clarification does to the deadline):\n{policies}\n\nAn empty VALUE "
            "restores the default."
        ).format(keys=keys, key=settings.PAUSE_POLICY, policies=policies),
    )
    st.add_argument(
        "--set",
        action="append",
        metavar="KEY=VALUE",
        default=[],
        help=_("change one setting; repeat for several (stored together)"),
    )
    st.add_argument("--json", action="store_true", help=_("print JSON"))
    st.set_defaults(handler=cmd_settings)


# ------------------------------------------------------------------------- helpers


def _read_file(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(
            _("Cannot read {path}: {error}").format(path=path, error=exc.strerror)
        ) from None


def _attachments(paths: list[str] | None):
    from ..services.requests import AttachmentInput

    return tuple(AttachmentInput(Path(p).name, _read_file(p)) for p in paths or [])


def _run(args: argparse.Namespace, fn, *a, **kw):
    with open_context(args) as ctx:
        return ctx, fn(ctx, *a, **kw)


# ------------------------------------------------------------------------- add


def cmd_add(args: argparse.Namespace) -> int:
    from ..services import requests as rq

    if getattr(args, "lang", None) is None:
        # `--lang` after `request add` is the reply language, not the message language.
        set_language(language_from_environment())
    if args.infile:
        try:
            data = json.loads(_read_file(args.infile).decode("utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(
                _("{path} is not valid JSON: {error}").format(path=args.infile, error=exc)
            ) from None
        intake = rq.intake_from_dict(data)
    else:
        missing = [
            flag
            for flag, value in (
                ("--received", args.received_on),
                ("--channel", args.channel),
                ("--type", args.rights),
                ("--name", args.name),
                ("--lang", args.reply_language),
            )
            if not value
        ]
        if missing:
            raise UsageError(
                _("request add: missing {options} (or use --json FILE)").format(
                    options=", ".join(missing)
                )
            )
        requester = None
        if args.requester_name or args.requester_address:
            requester = rq.PersonInput(
                args.requester_name or "",
                args.requester_address,
                args.requester_email,
                args.requester_phone,
            )
        intake = rq.Intake(
            received_on=args.received_on,
            channel=Channel(args.channel),
            language=Language(args.reply_language),
            rights=tuple(Right(r) for r in args.rights),
            subject=rq.PersonInput(
                args.name,
                args.address,
                args.email,
                args.phone,
                args.customer_number,
                hetu_from_args(args),
            ),
            requester=requester,
            authority=Authority(args.authority or "self"),
            authority_checked_on=args.authority_checked,
            controller=args.controller[0] if args.controller else None,
            other_controllers=tuple(args.controller[1:]) if args.controller else (),
            registers=None if not args.registers else tuple(args.registers),
            description=args.description,
            classification=RequestClass(args.classification or "gdpr"),
            attachments=_attachments(args.attach),
            address_on_record=args.address_on_record,
            delivery_address=args.delivery_address,
        )
    with open_context(args) as ctx:
        case = _confirmed(args, rq.add_request, ctx, intake)
        view = rq.get_request(ctx, case)
    if view.get("due_date"):
        print(_("Due {day}.").format(day=view["due_date"]))
    for match in view["repeats"]:
        print(
            _("Note: the same data subject asked on {day} (case {case}).").format(
                day=match["received"], case=match["case_number"]
            )
        )
    for note in view["received_date_notes"]:
        print(_("Note: {text}").format(text=note))
    print(_("New case number:"), case)
    return EXIT_OK


def _confirmed(args: argparse.Namespace, fn, *a, **kw):
    """Call `fn` confirming unusual dates only with --yes; without it say why (exit 1)."""
    from ..services import requests as rq

    try:
        return fn(*a, confirmed=args.yes, **kw)
    except rq.NeedsConfirmation as exc:
        raise UsageError(" ".join([*exc.reasons, _("Add --yes to store it anyway.")])) from None


# ------------------------------------------------------------------------- edit


def _person_correction(values: dict[str, str | None]):
    from ..services.requests import PersonCorrection

    if all(v is None for v in values.values()):
        return None
    return PersonCorrection(**values)


def build_correction(args: argparse.Namespace):
    from ..services import requests as rq

    if args.words and not args.withdraw_type:
        raise UsageError(_("--words belongs to --withdraw-type RIGHT."))
    if args.withdraw_type and not args.words:
        raise UsageError(_("--withdraw-type needs the requester's words: --words TEXT."))
    if args.raised_on and not args.rights:
        raise UsageError(_("--raised-on belongs to --type RIGHT."))
    if args.no_requester and (args.requester_name or args.requester_address):
        raise UsageError(_("--no-requester and the requester options exclude each other."))
    return rq.CorrectionInput(
        received_on=args.received_on,
        channel=None if args.channel is None else Channel(args.channel),
        language=None if args.reply_language is None else Language(args.reply_language),
        classification=None if args.classification is None else RequestClass(args.classification),
        description=args.description,
        subject=_person_correction(
            {
                "name": args.name,
                "address": args.address,
                "email": args.email,
                "phone": args.phone,
                "customer_number": args.customer_number,
                "hetu": hetu_from_args(args),
            }
        ),
        requester=_person_correction(
            {
                "name": args.requester_name,
                "address": args.requester_address,
                "email": args.requester_email,
                "phone": args.requester_phone,
            }
        ),
        remove_requester=args.no_requester,
        authority=None if args.authority is None else Authority(args.authority),
        address_on_record=args.address_on_record,
        delivery_address=args.delivery_address,
        addressed_to=args.addressed_to,
        add_controllers=tuple(args.controller or ()),
        remove_controllers=tuple(args.remove_controller or ()),
        add_registers=tuple(args.registers or ()),
        remove_registers=tuple(args.remove_register or ()),
        add_rights=tuple(rq.RightRaised(Right(r), args.raised_on) for r in args.rights or ()),
        remove_rights=tuple(Right(r) for r in args.remove_type or ()),
        withdraw_rights=tuple(
            rq.RightWithdrawn(Right(r), args.words) for r in args.withdraw_type or ()
        ),
    )


def cmd_edit(args: argparse.Namespace) -> int:
    from ..services import requests as rq

    correction = build_correction(args)
    if correction.is_empty():
        raise UsageError(_("request edit: nothing to correct (see --help)."))
    if not (args.reason or "").strip():
        raise UsageError(_("request edit: say why with --reason TEXT."))
    with open_context(args) as ctx:
        view = _confirmed(args, rq.correct_intake, ctx, args.case, correction, args.reason)
    if args.json:
        print_json(view)
        return EXIT_OK
    due = view.get("effective_due_date") or "—"
    print(_("Corrected {case}: due {due}.").format(case=view["case_number"], due=due))
    latest = [t for t in view["timeline"] if t["kind"] == "correction"][-1]
    print(f"  {latest['description']}")
    for note in view["received_date_notes"]:
        print(_("Note: {text}").format(text=note))
    return EXIT_OK


def cmd_split(args: argparse.Namespace) -> int:
    from ..services import requests as rq

    _ctx, new = _run(args, rq.split_case, args.case, tuple(args.controller), args.reason)
    print(_("Split {case}: new case number:").format(case=args.case), new)
    return EXIT_OK


# ------------------------------------------------------------------------- list/show


def cmd_list(args: argparse.Namespace) -> int:
    """Streamed: rows are printed as the database returns them, in pages."""
    from ..domain.vocabulary import RIGHTS, STATUSES, URGENCIES, label
    from ..services import requests as rq

    query = rq.RequestQuery(
        status=args.status,
        due_before=args.due_before,
        text=args.find,
        order=args.order,
        descending=args.reverse,
    )
    with open_context(args) as ctx:
        rows = rq.iter_requests(ctx, query, offset=args.offset, limit=args.limit)
        if args.json:
            stream_json(r.to_json() for r in rows)
            return EXIT_OK
        stream_table(
            [
                _("Case"),
                _("Received"),
                _("Data subject"),
                _("Rights"),
                _("Status"),
                _("Due"),
                _("Days left"),
                _("Urgency"),
            ],
            (
                [
                    r.case_number,
                    r.received_on.isoformat(),
                    r.subject,
                    ", ".join(label(RIGHTS, x) for x in r.rights),
                    label(STATUSES, r.status),
                    r.due.isoformat() if r.due else "",
                    "" if r.days_left is None else r.days_left,
                    label(URGENCIES, r.urgency),
                ]
                for r in rows
            ),
        )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from ..services import requests as rq

    _ctx, view = _run(args, rq.get_request, args.case)
    if args.json:
        print_json(view)
    else:
        print_case(view)
    return EXIT_OK


def print_case(v: dict[str, Any]) -> None:
    from ..domain.legal_grounds import LEGAL_GROUNDS
    from ..domain.vocabulary import (
        AUTHORITIES,
        AUTHORITY_EVIDENCE,
        CHANNELS,
        CLASSIFICATIONS,
        CONTROLLER_ROLES,
        CORRECTION_FIELDS,
        DOCUMENTS,
        FEE_BASES,
        IDENTITY_METHODS,
        LANGUAGES,
        NOTIFICATION_STATUSES,
        OUTCOMES,
        PAUSE_KINDS,
        RIGHTS,
        STATUSES,
        URGENCIES,
        label,
    )

    def line(caption: str, value: Any) -> None:
        if value not in (None, "", []):
            print(f"{caption}: {value}")

    line(_("Case"), v["case_number"])
    line(_("Status"), label(STATUSES, v["status"]))
    line(_("Classification"), label(CLASSIFICATIONS, v["classification"]))
    line(_("Received"), f"{v['received']} ({label(CHANNELS, v['channel'])})")
    line(_("Reply language"), label(LANGUAGES, v["language"]))
    line(_("Due"), v["due_date"])
    line(_("Extended to"), v["extended_due_date"])
    line(_("Urgency"), label(URGENCIES, v["urgency"]))
    subject = v["subject"]
    line(_("Data subject"), ", ".join(x for x in (subject["name"], subject.get("address")) if x))
    if v.get("requester"):
        req = v["requester"]
        line(_("Requester"), ", ".join(x for x in (req["name"], req.get("address")) if x))
        line(_("Authority"), label(AUTHORITIES, v["authority"]))
        line(_("Authority checked"), v.get("authority_checked_on"))
        line(_("Checked by"), v.get("authority_checked_by"))
        line(_("Evidence"), label(AUTHORITY_EVIDENCE, v.get("authority_evidence")))
        line(_("Confirmed by the guardianship authority"), v.get("authority_confirmed_on"))
        line(_("Note on the authority"), v.get("authority_note"))
    for note in v.get("received_date_notes") or []:
        print(_("Note: {text}").format(text=note))
    controllers = v.get("controllers") or []
    if len(controllers) > 1:
        print(_("Controllers:"))
        for c in controllers:
            mark = " " + _("(addressed to)") if c["addressed_to"] else ""
            print(
                f"  - {c['name']} ({label(CONTROLLER_ROLES, c['role'])}){mark}: "
                + ", ".join(c["registers"])
            )
    else:
        line(_("Controller"), v.get("controller_name"))
    line(_("Registers"), ", ".join(v["register_names"]))
    line(_("Address on record"), v.get("address_on_record"))
    line(_("Delivery address"), v.get("delivery_address"))
    if v.get("delivery_differs"):
        print(
            _(
                "The requested delivery address differs from the address on record: "
                "each letter asks where it goes."
            )
        )
    line(_("Description"), v.get("description"))
    print(_("Rights:"))
    for r in v["rights"]:
        ground = (
            LEGAL_GROUNDS[r["legal_ground"]].article
            if r.get("legal_ground") in LEGAL_GROUNDS
            else (r.get("legal_ground") or "")
        )
        text = f"  - {label(RIGHTS, r['right'])}: {label(OUTCOMES, r['outcome'])}"
        if ground:
            text += f" ({ground})"
        if r.get("reason"):
            text += f" — {r['reason']}"
        if r.get("raised_on"):
            text += " " + _("(raised on {day})").format(day=r["raised_on"])
        print(text)
        for e in r.get("erasures") or []:
            if e["erased"]:
                print("      " + _("{category}: erased.").format(category=e["category_name"]))
            else:
                print(
                    "      "
                    + _("{category}: kept until {day} ({ground}).").format(
                        category=e["category_name"],
                        day=e["kept_until"],
                        ground=e.get("legal_ground") or "",
                    )
                )
    for check in v["identity_checks"]:
        text = _("Identity verified on {day} by {who}: {method}.").format(
            day=check["verified_on"],
            who=check["verified_by"],
            method=label(IDENTITY_METHODS, check["method"]),
        )
        if check.get("document_type"):
            text += f" {label(DOCUMENTS, check['document_type'])} …{check.get('document_last4')}"
        print(text)
    for pause in v["pauses"]:
        print(
            _("Waiting for {kind}: asked {asked}, received {received}.").format(
                kind=label(PAUSE_KINDS, pause["kind"]),
                asked=pause["asked_on"],
                received=pause.get("received_on") or "—",
            )
        )
    line(_("Extension decided"), v.get("extended_on"))
    line(_("Extension reasons"), v.get("extension_reasons"))
    line(_("Extension letter sent"), v.get("extension_letter_sent_on"))
    line(_("Fee reason"), v.get("fee_reason"))
    if v.get("fee_basis"):
        from ..domain.fees import format_euros
        from ..i18n import current_language

        line(
            _("Fee"),
            f"{label(FEE_BASES, v['fee_basis'])}: "
            f"{format_euros(v.get('fee_cents') or 0, current_language())} — "
            f"{v.get('fee_costs') or ''}",
        )
    for hold in v["legal_holds"]:
        print(
            _(
                "Legal hold: {category}, effective from {effective}, placed {placed}, "
                "released {released}."
            ).format(
                category=hold["category_name"],
                effective=hold.get("effective_from") or hold["placed_on"],
                placed=hold["placed_on"],
                released=hold.get("released_on") or "—",
            )
        )
    print(_("How the deadline was computed:"))
    for text in v["rule_lines"]:
        print(f"  {text}")
    if v["repeats"]:
        print(_("Earlier requests of the same data subject within 12 months:"))
        for match in v["repeats"]:
            print(
                f"  {match['case_number']}  {match['received']}  "
                f"{', '.join(match['rights'])}  ({match['basis']})"
            )
    if v["notify"]:
        print(_("Recipients to inform of the change (GDPR Art. 19):"))
        for n in v["notify"]:
            status = (
                label(NOTIFICATION_STATUSES, n["status"])
                if n.get("status")
                else _("nothing recorded")
            )
            extra = " ".join(x for x in (n.get("notified_on"), n.get("reason")) if x)
            print(f"  {n['name']} ({n['register']}): {status} {extra}".rstrip())
    if v.get("recipients_requested"):
        print(_("The data subject asked to be told the recipients (GDPR Art. 19)."))
    for a in v["attachments"]:
        print(_("Attachment: {name} ({size} bytes)").format(name=a["filename"], size=a.get("size")))
    if v.get("corrections"):
        print(_("Corrections:"))
        for c in v["corrections"]:
            print(
                "  "
                + _("{at}: {field}: {before} → {after} ({reason})").format(
                    at=c["at"][:16].replace("T", " "),
                    field=label(CORRECTION_FIELDS, c["field"]),
                    before=c.get("before") or "—",
                    after=c.get("after") or "—",
                    reason=c["reason"],
                )
            )
    print(_("Timeline:"))
    for t in v["timeline"]:
        print(f"  {t['local']}  {t['actor'] or ''}  {t['description']}")


# ------------------------------------------------------------------------- update


def _pairs(values: list[str] | None, n: int, option: str) -> list[str | None]:
    values = values or []
    if not values:
        return [None] * n
    if len(values) == 1:
        return values * n
    if len(values) == n:
        return values
    raise UsageError(_("Give {option} once, or once for every --outcome.").format(option=option))


def _outcomes(args: argparse.Namespace):
    from ..services.requests import OutcomeInput

    specs = args.outcome or []
    if not specs:
        if args.ground or args.reason:
            raise UsageError(_("--ground and --reason belong to an --outcome."))
        return ()
    grounds = _pairs(args.ground, len(specs), "--ground")
    reasons = _pairs(args.reason, len(specs), "--reason")
    out = []
    for spec, ground, reason in zip(specs, grounds, reasons, strict=True):
        right, sep, outcome = spec.partition("=")
        if not sep:
            raise UsageError(_("--outcome takes RIGHT=OUTCOME, e.g. access=granted."))
        try:
            out.append(OutcomeInput(Right(right.strip()), Outcome(outcome.strip()), ground, reason))
        except ValueError:
            raise UsageError(
                _("{value!r}: rights are {rights}; outcomes are {outcomes}.").format(
                    value=spec,
                    rights=", ".join(_values(Right)),
                    outcomes=", ".join(_values(Outcome)),
                )
            ) from None
    return tuple(out)


def _erasures(specs: list[str] | None):
    from ..services.requests import ErasureInput

    out = []
    for spec in specs or []:
        category, sep, rest = spec.partition("=")
        if not sep or not category.strip():
            raise UsageError(
                _("--erasure takes CATEGORY=erased or CATEGORY=kept:DATE:GROUND[:REASON].").format()
            )
        parts = rest.strip().split(":", 3)
        if parts == ["erased"]:
            out.append(ErasureInput(category.strip(), True))
        elif parts[0] == "kept" and len(parts) >= 3:
            try:
                until = date.fromisoformat(parts[1])
            except ValueError:
                raise UsageError(
                    _("{value!r} is not a valid date (YYYY-MM-DD)").format(value=parts[1])
                ) from None
            out.append(
                ErasureInput(
                    category.strip(),
                    False,
                    until,
                    parts[2].strip(),
                    parts[3] if len(parts) == 4 else None,
                )
            )
        else:
            raise UsageError(
                _("--erasure takes CATEGORY=erased or CATEGORY=kept:DATE:GROUND[:REASON].")
            )
    return tuple(out)


def build_update(args: argparse.Namespace):
    from ..services import requests as rq

    identity = None
    if args.identity_verified:
        if not args.verified_by:
            raise UsageError(_("--identity-verified needs --verified-by NAME."))
        identity = rq.IdentityInput(
            IdentityMethod(args.identity_verified),
            args.verified_by,
            args.verified_on,
            None if args.document_type is None else IdentityDocument(args.document_type),
            args.document_last4,
            args.identity_note,
            None,
        )
    elif any(
        (
            args.verified_by,
            args.verified_on,
            args.document_type,
            args.document_last4,
            args.identity_note,
        )
    ):
        raise UsageError(
            _(
                "--verified-by, --verified-on and the document options belong to "
                "--identity-verified METHOD."
            )
        )
    extension = None
    if args.extend:
        if not args.reasons:
            raise UsageError(
                _("An extension needs the reasons for the delay (GDPR Art. 12(3)): --reasons TEXT.")
            )
        # a GDPR extension needs --letter-sent (the service says so); a Publicity Act one not
        extension = rq.ExtensionInput(args.reasons, args.letter_sent, args.extended_on)
    elif args.reasons or args.letter_sent or args.extended_on:
        raise UsageError(_("--reasons, --letter-sent and --extended-on belong to --extend."))
    if args.hold_reason and not args.hold:
        raise UsageError(_("--hold-reason belongs to --hold CATEGORY."))
    if args.recipients_requested and args.no_recipients_requested:
        raise UsageError(
            _("--recipients-requested and --no-recipients-requested exclude each other.")
        )
    return rq.CaseUpdate(
        authority_check=_authority_check(args),
        notifications=_notifications(args),
        recipients_requested=(
            True if args.recipients_requested else False if args.no_recipients_requested else None
        ),
        fee=_fee(args),
        clear_fee=args.no_fee,
        identity=identity,
        hetu=hetu_from_args(args),
        identity_asked=args.identity_asked,
        identity_received=args.identity_received,
        clarification_asked=args.clarification_asked,
        clarification_received=args.clarification_received,
        extension=extension,
        outcomes=_outcomes(args),
        erasures=_erasures(args.erasure),
        fee_reason=args.fee_reason,
        holds=tuple(rq.HoldInput(c, args.hold_reason) for c in args.hold or []),
        releases=tuple(args.release or []),
        status=None if args.status is None else RequestStatus(args.status),
        withdrawn=args.withdrawn,
        close=args.close,
        attachments=_attachments(args.attach),
        authority_checked_on=None if _authority_check(args) else args.authority_checked,
    )


def _authority_check(args: argparse.Namespace):
    """The whole check (date, who, evidence) when any of its facts beyond the date is given."""
    from ..services import requests as rq

    extra = (
        args.authority_checked_by,
        args.authority_evidence,
        args.authority_confirmed,
        args.authority_note,
    )
    if not any(extra):
        return None
    missing = [
        flag
        for flag, value in (
            ("--authority-checked DATE", args.authority_checked),
            ("--authority-checked-by NAME", args.authority_checked_by),
            ("--authority-evidence KIND", args.authority_evidence),
        )
        if not value
    ]
    if missing:
        raise UsageError(
            _("Recording the authority check needs {options}.").format(options=", ".join(missing))
        )
    return rq.AuthorityInput(
        args.authority_checked,
        args.authority_checked_by,
        AuthorityEvidence(args.authority_evidence),
        args.authority_confirmed,
        args.authority_note,
    )


def _notifications(args: argparse.Namespace):
    """Art. 19 records; a notification without a date is filled with today later."""
    from ..domain.enums import NotificationStatus
    from ..services import requests as rq

    out = []
    for spec in args.recipient_notified or []:
        name, sep, when = spec.rpartition("=") if "=" in spec else (spec, "", "")
        on = None
        if sep and re.fullmatch(r"[\d./-]+", when.strip()):
            try:
                on = iso_date(when)
            except argparse.ArgumentTypeError as exc:
                raise UsageError(f"--recipient-notified: {exc}") from None
        elif sep:
            name = spec  # "=" is part of the recipient's name; notified today
        out.append(rq.NotificationInput(name.strip(), NotificationStatus.NOTIFIED, on))
    for spec in args.recipient_not_notified or []:
        name, sep, reason = spec.partition("=")
        if not sep or not name.strip() or not reason.strip():
            raise UsageError(_("--recipient-not-notified takes NAME=REASON."))
        out.append(
            rq.NotificationInput(name.strip(), NotificationStatus.NOT_NOTIFIED, None, reason)
        )
    for name in args.not_a_recipient or []:
        out.append(rq.NotificationInput(name.strip(), NotificationStatus.NOT_A_RECIPIENT))
    return tuple(out)


def _fee(args: argparse.Namespace):
    from ..domain.fees import InvalidFee, parse_amount
    from ..services import requests as rq

    if not (args.fee or args.fee_amount or args.fee_costs):
        return None
    if not (args.fee and args.fee_amount and args.fee_costs):
        raise UsageError(
            _(
                "A fee needs --fee further-copies|excessive, --fee-amount EUR and "
                "--fee-costs TEXT (and the case's --fee-reason)."
            )
        )
    try:
        cents = parse_amount(args.fee_amount)
    except InvalidFee as exc:
        raise UsageError(str(exc)) from None
    return rq.FeeInput(FeeBasis(args.fee), cents, args.fee_costs)


def _dated_today(update, today: date):
    """Notifications given without a date were made today (the service's clock)."""
    from dataclasses import replace

    from ..domain.enums import NotificationStatus

    items = tuple(
        replace(n, notified_on=today)
        if n.status is NotificationStatus.NOTIFIED and n.notified_on is None
        else n
        for n in update.notifications
    )
    return replace(update, notifications=items)


def cmd_update(args: argparse.Namespace) -> int:
    from ..services import requests as rq

    update = build_update(args)
    if update.is_empty():
        raise UsageError(_("request update: nothing to change (see --help)."))
    with open_context(args) as ctx:
        view = rq.update_request(ctx, args.case, _dated_today(update, ctx.today()))
    if args.json:
        print_json(view)
    else:
        from ..domain.vocabulary import STATUSES, label

        due = view.get("effective_due_date") or "—"
        print(
            _("Updated {case}: {status}, due {due}.").format(
                case=view["case_number"], status=label(STATUSES, view["status"]), due=due
            )
        )
    return EXIT_OK


# ------------------------------------------------------------------------- note etc.


def cmd_note(args: argparse.Namespace) -> int:
    from ..services import requests as rq

    _run(args, rq.add_note, args.case, " ".join(args.text))
    print(_("Note added to {case}.").format(case=args.case))
    return EXIT_OK


def cmd_dashboard(args: argparse.Namespace) -> int:
    from ..domain.vocabulary import STATUSES, URGENCIES, label
    from ..services import requests as rq

    with open_context(args) as ctx:
        board = rq.dashboard(ctx, limit=args.limit)
        holds = rq.holds_at_risk(ctx)
    if args.json:
        print_json({**board.to_json(), "holds_at_risk": [h.to_json() for h in holds]})
        return EXIT_OK
    for title, rows, total in (
        (_("Overdue"), board.overdue, board.totals[rq.OVERDUE]),
        (_("Due within 7 days"), board.due_soon, board.totals[rq.DUE_SOON]),
        (_("Awaiting identity"), board.awaiting_identity, board.totals[rq.AWAITING_IDENTITY]),
    ):
        print(f"{title}: {total}")
        for r in rows:
            print(f"  {r.case_number}  {r.due or '—'}  {r.subject}  {label(URGENCIES, r.urgency)}")
        if total > len(rows):
            print("  " + _("… and {n} more (request list)").format(n=total - len(rows)))
    print(_("Legal holds protecting data due for deletion before the due date:"), len(holds))
    for h in holds:
        print(f"  {h.case_number}: {h.describe()}")
    print(_("By status:"))
    for status, n in board.counts.items():
        print(f"  {label(STATUSES, status)}: {n}")
    return EXIT_OK


def cmd_check_deadlines(args: argparse.Namespace) -> int:
    """Exit 1 when a stored deadline differs from a fresh computation (drift)."""
    from ..services import requests as rq

    _ctx, drifted = _run(args, rq.deadline_drift)
    if args.json:
        print_json({"ok": not drifted, "drifted": drifted})
    elif drifted:
        print(
            ngettext(
                "{n} case has stored deadlines that differ from a fresh computation:",
                "{n} cases have stored deadlines that differ from a fresh computation:",
                len(drifted),
            ).format(n=len(drifted))
        )
        for case in drifted:
            print(f"  {case}")
    else:
        print(_("Every stored deadline equals a fresh computation."))
    return EXIT_BAD_INPUT if drifted else EXIT_OK


def cmd_settings(args: argparse.Namespace) -> int:
    from ..services import settings

    with open_context(args) as ctx:
        if args.set:
            values = {}
            for item in args.set:
                key, sep, value = item.partition("=")
                if not sep:
                    raise UsageError(_("--set takes KEY=VALUE."))
                settings.spec(key.strip())
                values[key.strip()] = value
            settings.set_many(ctx, values)
        current = settings.all_settings(ctx)
    if args.json:
        print_json({k: None if v is None else str(v) for k, v in current.items()})
    else:
        print_table(
            [_("Setting"), _("Value")],
            [[k, "" if v is None else str(v)] for k, v in current.items()],
        )
    return EXIT_OK
