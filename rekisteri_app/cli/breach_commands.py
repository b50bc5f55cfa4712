"""breach: add, update, list, show, notification, letter, purge.

    rekisteri breach add --aware-at "YYYY-MM-DD HH:MM" --nature confidentiality
            --description TEXT [--register NAME]...          prints the reference last
    rekisteri breach update REF [--risk high] [--notified-at TIME --notification-kind
            preliminary --notification-ref TSV/123] [--note TEXT] ...
    rekisteri breach list [--status open|closed|all] [--json]      by the 72-hour clock
    rekisteri breach show REF [--json]                  notify_by (ISO 8601), hours_left
    rekisteri breach notification REF [--lang fi|sv|en] [--kind K] [--pdf FILE]
    rekisteri breach letter REF [--recipients FILE.csv] [--lang L]
            (--preview FILE.pdf | --issue [--out DIR] | --list)
    rekisteri breach purge [--dry-run]

Times are wall-clock times in Finland (Europe/Helsinki), `YYYY-MM-DD HH:MM`. Bad input
exits 1 and stores nothing: every command is one service call.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..domain.enums import (
    Art34Exception,
    BreachNature,
    Language,
    NotificationKind,
    NotifyDecision,
    RiskLevel,
    SentVia,
)
from ..i18n import _, language_from_environment, set_language
from .common import EXIT_OK, UsageError, open_context, print_json, print_table

TIME = "YYYY-MM-DD HH:MM"


def _values(kind: type) -> list[str]:
    return [v.value for v in kind]


def _field_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    """The record's fields as options, the same for add and update."""
    p.add_argument(
        "--aware-at",
        metavar=TIME,
        help=_("when the controller became aware (Finnish time); starts the 72 hours"),
    )
    p.add_argument(
        "--nature",
        action="append",
        choices=_values(BreachNature),
        help=_("confidentiality, integrity or availability; repeat for several"),
    )
    p.add_argument("--description", metavar="TEXT", help=_("what happened"))
    p.add_argument(
        "--register",
        dest="registers",
        action="append",
        metavar="NAME",
        help=_("a register concerned; repeat for several (update: replaces the list)"),
    )
    p.add_argument(
        "--category",
        dest="categories",
        action="append",
        metavar="NAME",
        help=_("a data category concerned; repeat (update: replaces the list)"),
    )
    p.add_argument(
        "--special-category",
        dest="special_categories",
        action="append",
        metavar="NAME",
        help=_("a special category (GDPR Art. 9 or 10) concerned; repeat"),
    )
    p.add_argument("--controller", metavar="NAME", help=_("the controller whose breach it is"))
    g = p.add_argument_group(_("the facts"))
    g.add_argument("--occurred-from", metavar=TIME)
    g.add_argument("--occurred-to", metavar=TIME)
    g.add_argument(
        "--occurred-unknown",
        action="store_true",
        help=_("the time the breach occurred is not known"),
    )
    g.add_argument("--discovered-how", metavar="TEXT")
    g.add_argument("--discovered-by", metavar="NAME")
    g.add_argument(
        "--processor", metavar="NAME", help=_("the processor that reported it (Art. 33(2))")
    )
    g.add_argument("--processor-reported-at", metavar=TIME)
    g.add_argument("--subject-groups", metavar="TEXT", help=_("groups of data subjects"))
    g.add_argument("--subjects", metavar="N", help=_("approximate number of data subjects"))
    g.add_argument("--records", metavar="N", help=_("approximate number of records"))
    g = p.add_argument_group(_("assessment and decision"))
    g.add_argument("--consequences", metavar="TEXT", help=_("likely consequences"))
    g.add_argument("--risk", choices=_values(RiskLevel))
    g.add_argument("--risk-reasoning", metavar="TEXT")
    g.add_argument("--measures-taken", metavar="TEXT")
    g.add_argument("--measures-proposed", metavar="TEXT")
    g.add_argument("--decision", choices=_values(NotifyDecision))
    g.add_argument("--decision-reasons", metavar="TEXT")
    g.add_argument("--delay-reasons", metavar="TEXT", help=_("why notified after 72 hours"))
    g = p.add_argument_group(_("data subjects"))
    g.add_argument("--informed-at", metavar=TIME, help=_("when the data subjects were told"))
    g.add_argument("--informed-how", metavar="TEXT")
    g.add_argument("--exception", choices=_values(Art34Exception), help=_("Art. 34(3)"))
    g.add_argument("--informing-reasons", metavar="TEXT")
    g = p.add_argument_group(_("letter texts for the data subjects (Art. 34)"))
    g.add_argument(
        "--text-lang",
        choices=_values(Language),
        help=_("the language of the --letter-* texts (default fi)"),
    )
    for name in ("description", "consequences", "measures", "advice"):
        g.add_argument(f"--letter-{name}", metavar="TEXT")
    p.add_argument(
        "--json",
        dest="infile",
        metavar="FILE",
        help=_("read the fields from a JSON file (the names of `breach show --json`)"),
    )
    if not adding:
        g = p.add_argument_group(_("notification to the Ombudsman"))
        g.add_argument("--notified-at", metavar=TIME)
        g.add_argument("--notification-kind", choices=_values(NotificationKind), default="complete")
        g.add_argument("--notification-ref", metavar="REF", help=_("the e-service's reference"))
        g.add_argument("--notification-note", metavar="TEXT")
        p.add_argument("--note", metavar="TEXT", help=_("add a note to the timeline"))
        p.add_argument("--close", nargs="?", const="today", metavar="DATE")
        p.add_argument("--reopen", action="store_true")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("breach", help=_("personal data breaches: record, 72 hours, letters"))
    s = p.add_subparsers(dest="breach_command", metavar="COMMAND")

    add = s.add_parser("add", help=_("record a new breach; prints its reference last"))
    _field_options(add, adding=True)
    add.set_defaults(handler=cmd_add)

    up = s.add_parser("update", help=_("change a breach, record a notification"))
    up.add_argument("reference", metavar="REF")
    _field_options(up, adding=False)
    up.set_defaults(handler=cmd_update)

    ls = s.add_parser("list", help=_("list breaches, the most urgent first"))
    ls.add_argument("--status", choices=["open", "closed", "all"], default="all")
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(handler=cmd_list)

    show = s.add_parser("show", help=_("one breach with its clock and timeline"))
    show.add_argument("reference", metavar="REF")
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    show.set_defaults(handler=cmd_show)

    note = s.add_parser(
        "notification", help=_("the notification draft for the Ombudsman's e-service")
    )
    note.add_argument("reference", metavar="REF")
    note.add_argument(
        "--lang", dest="doc_lang", choices=_values(Language), default="fi", help=_("default fi")
    )
    note.add_argument("--kind", choices=_values(NotificationKind))
    note.add_argument("--pdf", metavar="FILE", help=_("also write the draft as PDF"))
    note.add_argument("--text", metavar="FILE", help=_("write the text here, not to stdout"))
    note.set_defaults(handler=cmd_notification)

    letter = s.add_parser("letter", help=_("Art. 34 letters to the data subjects (mail-merge)"))
    letter.add_argument("reference", metavar="REF")
    letter.add_argument(
        "--recipients", metavar="FILE.csv", help=_("import the recipient list (replaces it)")
    )
    letter.add_argument(
        "--lang", dest="doc_lang", choices=_values(Language), default="fi", help=_("default fi")
    )
    letter.add_argument("--sent-via", choices=_values(SentVia), default="post")
    letter.add_argument("--preview", metavar="FILE.pdf", help=_("the first letter, as a draft"))
    letter.add_argument(
        "--issue", action="store_true", help=_("issue to every recipient not yet written to")
    )
    letter.add_argument("--out", metavar="DIR", help=_("with --issue: write the PDFs here"))
    letter.add_argument("--list", action="store_true", help=_("the letters issued"))
    letter.add_argument("--json", action="store_true", help=_("print JSON (--list)"))
    letter.set_defaults(handler=cmd_letter)

    purge = s.add_parser("purge", help=_("delete closed breaches past their retention period"))
    purge.add_argument("--dry-run", action="store_true", help=_("only list them"))
    purge.set_defaults(handler=cmd_purge)


# --------------------------------------------------------------------- helpers


def _reset_message_language(args: argparse.Namespace) -> None:
    if getattr(args, "lang", None) is None:
        # `--lang` after `breach notification|letter` is the document's language.
        set_language(language_from_environment())


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(
            _("Cannot read {path}: {error}").format(path=path, error=exc.strerror)
        ) from None


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    """The options given, as the service's field names."""
    data: dict[str, Any] = {}
    if args.infile:
        try:
            loaded = json.loads(_read(args.infile).decode("utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(
                _("{path} is not valid JSON: {error}").format(path=args.infile, error=exc)
            ) from None
        if not isinstance(loaded, dict):
            raise UsageError(_("The breach must be a JSON object."))
        data.update(loaded)
    simple = {
        "aware_at": args.aware_at,
        "description": args.description,
        "controller": args.controller,
        "occurred_from": args.occurred_from,
        "occurred_to": args.occurred_to,
        "discovered_how": args.discovered_how,
        "discovered_by": args.discovered_by,
        "processor": args.processor,
        "processor_reported_at": args.processor_reported_at,
        "subject_groups": args.subject_groups,
        "subject_count": args.subjects,
        "record_count": args.records,
        "consequences": args.consequences,
        "risk_level": args.risk,
        "risk_reasoning": args.risk_reasoning,
        "measures_taken": args.measures_taken,
        "measures_proposed": args.measures_proposed,
        "notify_decision": args.decision,
        "decision_reasons": args.decision_reasons,
        "delay_reasons": args.delay_reasons,
        "subjects_informed_at": args.informed_at,
        "subjects_informed_how": args.informed_how,
        "art34_exception": args.exception,
        "informing_reasons": args.informing_reasons,
    }
    data.update({name: value for name, value in simple.items() if value is not None})
    if args.occurred_unknown:
        data["occurred_unknown"] = True
    if args.nature:
        data["nature"] = args.nature
    if args.registers:
        data["registers"] = args.registers
    if args.categories or args.special_categories:
        data["categories"] = [{"name": n} for n in args.categories or []] + [
            {"name": n, "special": True} for n in args.special_categories or []
        ]
    texts = {
        name: getattr(args, f"letter_{name}")
        for name in ("description", "consequences", "measures", "advice")
        if getattr(args, f"letter_{name}") is not None
    }
    if texts:
        data["letter_texts"] = {args.text_lang or "fi": texts}
    elif args.text_lang:
        raise UsageError(_("--text-lang belongs to the --letter-* texts."))
    return data


def _run(args: argparse.Namespace, fn, *a, **kw):
    with open_context(args) as ctx:
        return fn(ctx, *a, **kw)


# ------------------------------------------------------------------ add/update


def cmd_add(args: argparse.Namespace) -> int:
    from ..services import breaches as br

    data = _fields(args)
    missing = [
        flag
        for flag, name in (
            ("--aware-at", "aware_at"),
            ("--nature", "nature"),
            ("--description", "description"),
        )
        if not data.get(name)
    ]
    if missing:
        raise UsageError(
            _("breach add: missing {options} (or use --json FILE)").format(
                options=", ".join(missing)
            )
        )
    with open_context(args) as ctx:
        reference = br.add_breach(ctx, data)
        view = br.get_breach(ctx, reference)
    print(
        _("Notify the Ombudsman by {time} if the breach carries a risk (72 hours).").format(
            time=view["notify_by"][:16].replace("T", " ")
        )
    )
    print(_("New breach reference:"), reference)
    return EXIT_OK


def cmd_update(args: argparse.Namespace) -> int:
    from ..services import breaches as br

    data = _fields(args)
    if args.close and args.reopen:
        raise UsageError(_("--close and --reopen exclude each other."))
    if args.close:
        data["closed_on"] = None if args.close == "today" else args.close
    if args.reopen:
        data["closed_on"] = None
    notification = None
    if args.notified_at:
        notification = br.parse_notification(
            {
                "kind": args.notification_kind,
                "at": args.notified_at,
                "reference": args.notification_ref,
                "note": args.notification_note,
            }
        )
    elif args.notification_ref or args.notification_note:
        raise UsageError(_("--notification-ref and --notification-note belong to --notified-at."))
    if not data and notification is None and not args.note:
        raise UsageError(_("breach update: nothing to change (see --help)."))
    with open_context(args) as ctx:
        if args.close == "today":
            data["closed_on"] = ctx.today().isoformat()
        if data or notification is not None:
            br.update_breach(ctx, args.reference, data, notification=notification)
        if args.note:
            br.add_note(ctx, args.reference, args.note)
        view = br.get_breach(ctx, args.reference)
    from ..domain.vocabulary import BREACH_CLOCKS, label

    print(
        _("Updated {ref}: {clock}.").format(
            ref=view["reference"], clock=label(BREACH_CLOCKS, view["clock"])
        )
    )
    for duty in view["duties"]:
        print(f"- {duty}")
    return EXIT_OK


# ------------------------------------------------------------------- list/show


def _local(stored: str | None) -> str | None:
    """A stored UTC time stamp of the exchange form on Finnish clocks."""
    from datetime import datetime

    from ..domain.breaches import format_local

    return None if not stored else format_local(datetime.fromisoformat(stored))


def _hours(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.1f}"


def cmd_list(args: argparse.Namespace) -> int:
    from ..domain.vocabulary import BREACH_CLOCKS, RISK_LEVELS, label
    from ..services import breaches as br

    rows = _run(args, br.list_breaches, None if args.status == "all" else args.status)
    if args.json:
        print_json([r.to_json() for r in rows])
        return EXIT_OK
    print_table(
        [
            _("Reference"),
            _("Became aware"),
            _("Notify by"),
            _("Hours left"),
            _("State"),
            _("Risk"),
            _("Description"),
        ],
        [
            [
                r.reference,
                r.aware_at.astimezone(r.notify_by.tzinfo).strftime("%Y-%m-%d %H:%M"),
                r.notify_by.strftime("%Y-%m-%d %H:%M"),
                _hours(r.hours_left),
                label(BREACH_CLOCKS, r.clock),
                label(RISK_LEVELS, r.risk_level).split(" (")[0],
                r.description[:60],
            ]
            for r in rows
        ],
    )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from ..services import breaches as br

    view = _run(args, br.get_breach, args.reference)
    if args.json:
        print_json(view)
    else:
        print_breach(view)
    return EXIT_OK


def print_breach(v: dict[str, Any]) -> None:
    from ..domain.vocabulary import (
        ART34_EXCEPTIONS,
        BREACH_CLOCKS,
        BREACH_NATURES,
        NOTIFICATION_KINDS,
        NOTIFY_DECISIONS,
        RISK_LEVELS,
        label,
    )
    from ..services.breaches import FIELD_CAPTIONS

    def line(field: str, value: Any) -> None:
        if value not in (None, "", [], False):
            text = str(value).replace("\n", "\n    ")
            caption = _(FIELD_CAPTIONS.get(field, field))
            print(f"{caption}: {text}")

    for caption, value in (
        (_("Reference"), v["reference"]),
        (_("State"), label(BREACH_CLOCKS, v["clock"])),
        (_("Notify by"), v["notify_by"][:16].replace("T", " ")),
        (_("Hours left"), None if v["hours_left"] is None else f"{v['hours_left']:.1f}"),
    ):
        if value is not None:
            print(f"{caption}: {value}")
    line("aware_at", v["aware_at_local"])
    line("nature", ", ".join(label(BREACH_NATURES, n) for n in v["nature"]))
    line("description", v["description"])
    line("controller", v["controller_name"])
    line("registers", ", ".join(v["register_names"]))
    line(
        "categories",
        ", ".join(
            c["category_name"] + (" (" + _("special") + ")" if c["special"] else "")
            for c in v["categories"]
        ),
    )
    line("occurred_unknown", v["occurred_unknown"] and _("yes"))
    for field in ("occurred_from", "occurred_to", "processor_reported_at", "subjects_informed_at"):
        line(field, _local(v[field]))
    for field in ("discovered_how", "discovered_by", "subject_groups", "subject_count"):
        line(field, v[field])
    line("processor", v["processor_name"])
    line("record_count", v["record_count"])
    line("consequences", v["consequences"])
    line("risk_level", label(RISK_LEVELS, v["risk_level"]))
    for field in ("risk_reasoning", "measures_taken", "measures_proposed"):
        line(field, v[field])
    line("notify_decision", label(NOTIFY_DECISIONS, v["notify_decision"]))
    for field in ("decision_reasons", "delay_reasons", "subjects_informed_how"):
        line(field, v[field])
    line("art34_exception", label(ART34_EXCEPTIONS, v["art34_exception"]))
    line("informing_reasons", v["informing_reasons"])
    line("closed_on", v["closed_on"])
    for n in v["notifications"]:
        print(
            _("Notified: {time}, {kind}, reference {ref}").format(
                time=_local(n["notified_at"]),
                kind=label(NOTIFICATION_KINDS, n["kind"]),
                ref=n["reference"] or "—",
            )
        )
    if v["hours_to_notify"] is not None:
        print(_("Hours from becoming aware to notifying: {h}").format(h=v["hours_to_notify"]))
    if v["recipients"]:
        print(_("Recipients of the Art. 34 letter: {n}").format(n=len(v["recipients"])))
    for letter in v["letters"]:
        print(
            _("Letter {id}: {name}, {day} ({lang})").format(
                id=letter["id"],
                name=letter["recipient_name"],
                day=letter["issued_on"],
                lang=letter["language"],
            )
        )
    if v["duties"]:
        print(_("Still to do:"))
        for duty in v["duties"]:
            print(f"  - {duty}")
    print(_("Timeline:"))
    for t in v["timeline"]:
        print(f"  {t['local']}  {t['actor'] or ''}  {t['description']}")


# -------------------------------------------------------------- documents


def cmd_notification(args: argparse.Namespace) -> int:
    from ..files import write_atomically
    from ..services import breaches as br

    _reset_message_language(args)
    draft = _run(args, br.notification_draft, args.reference, args.doc_lang, args.kind)
    if args.pdf:
        write_atomically(Path(args.pdf), draft.pdf)
    if args.text:
        write_atomically(Path(args.text), draft.text.encode("utf-8"))
    else:
        print(draft.text, end="")
    return EXIT_OK


def cmd_letter(args: argparse.Namespace) -> int:
    from ..files import write_atomically
    from ..services import breaches as br

    _reset_message_language(args)
    actions = [bool(args.preview), args.issue, args.list]
    if sum(actions) > 1:
        raise UsageError(_("Choose one of --preview, --issue and --list."))
    if not any(actions) and not args.recipients:
        raise UsageError(
            _("breach letter: give --recipients FILE.csv, --preview FILE, --issue or --list.")
        )
    if args.out and not args.issue:
        raise UsageError(_("--out belongs to --issue."))
    content = _read(args.recipients) if args.recipients else None
    with open_context(args) as ctx:
        if content is not None:
            count = br.import_recipients(ctx, args.reference, content)
            print(_("Recipients imported: {n}").format(n=count))
        if args.preview:
            pdf = br.preview_letter(ctx, args.reference, args.doc_lang, args.sent_via)
            write_atomically(Path(args.preview), pdf)
            print(_("Preview written to {path} (not issued).").format(path=args.preview))
        if args.issue:
            folder = Path(args.out) if args.out else None
            if folder is not None and not folder.is_dir():
                raise UsageError(_("{path} is not a folder.").format(path=folder))

            def write(batch: br.IssuedBatch) -> None:
                if folder is None:
                    return
                for info, pdf in zip(batch.letters, batch.pdfs, strict=True):
                    write_atomically(folder / f"{info.reference}-{info.id}.pdf", pdf)

            batch = br.issue_letters(
                ctx, args.reference, args.doc_lang, args.sent_via, before_commit=write
            )
            print(br.describe_batch(batch))
        if args.list:
            rows = br.list_breach_letters(ctx, args.reference)
            if args.json:
                print_json([r.to_json() for r in rows])
            else:
                print_table(
                    [_("Letter"), _("Recipient"), _("Date"), _("Language"), _("Sent via")],
                    [
                        [r.id, r.recipient_name, r.issued_on, r.language.value, r.sent_via.value]
                        for r in rows
                    ],
                )
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    from ..services import breaches as br

    with open_context(args) as ctx:
        references = br.expired(ctx) if args.dry_run else br.purge_expired(ctx)
    if not references:
        print(_("No breach record is past its retention period."))
    for reference in references:
        print(
            (_("Would purge {ref}.") if args.dry_run else _("Purged {ref}.")).format(ref=reference)
        )
    return EXIT_OK
