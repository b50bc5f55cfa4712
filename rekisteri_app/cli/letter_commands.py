"""`rekisteri letter`: formal response letters of a case, issued and archived.

    rekisteri letter CASE --kind KIND --lang fi|sv|en --out FILE.pdf [--draft]
            [--sent-via post|email|eservice|in-person] [--data-copy FILE.json]
            [--action TEXT]... [--enclosure TEXT]... [--reasons TEXT]
            [--need TEXT]... [--reply-by DATE] [--reference TEXT] [--request-date DATE]
            [--from-controller NAME] [--cover NAME]... [--cover-none]
            [--deliver-to requested|on-record] [--pause identity|clarification] [--no-pause]
            [--other-holder NAME --holder-contact TEXT [--holder-data TEXT]]...
            [--answer TEXT | --answer-file FILE] [--document TEXT]...
            [--refuse-document DOCUMENT=REASON]... [--say-repealed] [--yes]
    rekisteri letter --list-kinds
    rekisteri letter list [CASE] [--json]
    rekisteri letter reprint ID --out FILE.pdf        (stamped KOPIO / KOPIA / COPY)
    rekisteri letter enclosures ID --out DIR           (the portability CSV and JSON)
    rekisteri letter template list|show|set|reset [KIND] --lang L [--file F] [--representative]

Without --draft the letter is issued: stored with its SHA-256 and put on the case
timeline. Warnings go to stderr before anything is issued and do not stop the letter; a
missing value does (exit 1, nothing stored, no file written), and so do texts the letter
prints that exist only in another language, unless --yes confirms them (the archived
letter then records that it was issued with mixed language). Files are written
atomically; when issuing, the letter is stored only if its file was written. A
portability letter writes its machine-readable enclosure next to the PDF (FILE.json and
FILE.csv). Issuing an identity request records the question as a pause of the deadline
on the issue date, unless --no-pause.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from datetime import date
from pathlib import Path

from ..domain.enums import (
    DeliveryChoice,
    Language,
    LetterAudience,
    LetterKind,
    PauseKind,
    SentVia,
)
from ..files import write_atomically
from ..i18n import _, language_from_environment, set_language
from .common import EXIT_OK, UsageError, open_context, print_json, print_table

TEMPLATE_ACTIONS = ("list", "show", "set", "reset")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "letter",
        help=_("print and issue formal response letters of a case"),
        description=_(
            "CASE --kind KIND --lang L --out FILE.pdf issues a letter (with "
            "--draft: a preview, not stored). Also: list [CASE], reprint ID, "
            "enclosures ID, template list|show|set|reset."
        ),
    )
    p.add_argument(
        "words",
        nargs="*",
        metavar="CASE",
        help=_("the case number; or list, reprint ID, enclosures ID, template ..."),
    )
    p.add_argument("--kind", choices=[k.value for k in LetterKind], help=_("the kind of letter"))
    p.add_argument(
        "--lang",
        dest="letter_lang",
        choices=[lang.value for lang in Language],
        help=_("the letter's language (default: the case's reply language)"),
    )
    p.add_argument("--out", metavar="FILE", help=_("write the PDF (or enclosures) here"))
    p.add_argument(
        "--draft", action="store_true", help=_("a preview stamped as a draft; nothing is stored")
    )
    p.add_argument(
        "--sent-via",
        choices=[s.value for s in SentVia],
        default="post",
        help=_("how the letter is sent (default: post)"),
    )
    p.add_argument(
        "--data-copy",
        metavar="FILE",
        help=_(
            'JSON {"category": "content"} with the copy of the personal data '
            "(access response) or the data to hand over (portability)"
        ),
    )
    p.add_argument(
        "--action",
        action="append",
        default=[],
        metavar="TEXT",
        help=_("an action taken, printed in the letter (repeatable)"),
    )
    p.add_argument(
        "--enclosure",
        action="append",
        default=[],
        metavar="TEXT",
        help=_("a further enclosure to list (repeatable)"),
    )
    p.add_argument(
        "--reasons",
        metavar="TEXT",
        help=_("the reasons for a refusal (default: the case's refusal reason)"),
    )
    p.add_argument(
        "--need",
        action="append",
        default=[],
        metavar="TEXT",
        help=_("identity request: what the requester must send (repeatable)"),
    )
    p.add_argument("--reply-by", metavar="DATE", help=_("identity request: reply by DATE"))
    p.add_argument("--reference", metavar="TEXT", help=_("the requester's reference"))
    p.add_argument(
        "--request-date",
        metavar="DATE",
        help=_("the date of the requester's letter (printed as the reference)"),
    )
    p.add_argument(
        "--from-controller",
        metavar="NAME",
        help=_("the controller in the letterhead (default: the one the request was addressed to)"),
    )
    p.add_argument(
        "--cover",
        action="append",
        metavar="NAME",
        help=_(
            "another controller of the case the answer is also given for (repeatable; "
            "default: every other controller of the case)"
        ),
    )
    p.add_argument(
        "--cover-none",
        action="store_true",
        help=_("the answer is given for the letterhead's controller only"),
    )
    p.add_argument(
        "--deliver-to",
        choices=[c.value for c in DeliveryChoice],
        help=_(
            "where the letter goes when the requested delivery address differs from the "
            "address on record: requested or on-record"
        ),
    )
    p.add_argument(
        "--pause",
        choices=[k.value for k in PauseKind],
        default=PauseKind.IDENTITY.value,
        help=_(
            "identity request: the pause it starts on the issue date "
            "(identity or clarification; default: identity)"
        ),
    )
    p.add_argument(
        "--no-pause",
        action="store_true",
        help=_("identity request: do not record the question as a pause of the deadline"),
    )
    p.add_argument(
        "--other-holder",
        action="append",
        metavar="NAME",
        help=_(
            "another controller that may hold the data (no data held, or a partial answer): "
            "a source or recipient of the registers, or any name (repeatable)"
        ),
    )
    p.add_argument(
        "--holder-contact",
        action="append",
        metavar="TEXT",
        help=_("how to reach it (once, or once per --other-holder)"),
    )
    p.add_argument(
        "--holder-data",
        action="append",
        metavar="TEXT",
        help=_("which data it may hold, e.g. metering data (once per --other-holder)"),
    )
    p.add_argument("--answer", metavar="TEXT", help=_("reply outside the GDPR: the answer"))
    p.add_argument(
        "--answer-file", metavar="FILE", help=_("reply outside the GDPR: the answer from a file")
    )
    p.add_argument(
        "--document",
        action="append",
        metavar="TEXT",
        help=_("Publicity Act reply: a document given (repeatable)"),
    )
    p.add_argument(
        "--refuse-document",
        action="append",
        metavar="DOCUMENT=REASON",
        help=_("Publicity Act reply: a document refused, with the reason (repeatable)"),
    )
    p.add_argument(
        "--say-repealed",
        action="store_true",
        help=_(
            "describe an invalid or repealed transfer safeguard as such in the letter "
            "(default: as the register records it)"
        ),
    )
    p.add_argument(
        "--yes",
        action="store_true",
        help=_("issue although texts of the letter exist only in another language"),
    )
    p.add_argument(
        "--representative",
        action="store_true",
        help=_("template: the wording of letters to a representative"),
    )
    p.add_argument("--file", metavar="FILE", help=_("template set: the new wording"))
    p.add_argument("--list-kinds", action="store_true", help=_("list the kinds of letter"))
    p.add_argument("--json", action="store_true", help=_("print JSON (list, template list)"))
    p.set_defaults(handler=cmd_letter)


def cmd_letter(args: argparse.Namespace) -> int:
    if getattr(args, "lang", None) is None:
        # `--lang` after `letter` is the letter's language, not the message language.
        set_language(language_from_environment())
    if args.list_kinds:
        if args.words:
            raise UsageError(_("--list-kinds takes no other arguments."))
        return _list_kinds()
    if not args.words:
        raise UsageError(
            _(
                "Name the case: rekisteri letter CASE --kind KIND --lang L "
                "--out FILE.pdf (or --list-kinds)."
            )
        )
    first = args.words[0]
    if first == "list":
        return _list(args, args.words[1:])
    if first == "reprint":
        return _reprint(args, _one_id(args.words[1:], "reprint"))
    if first == "enclosures":
        return _enclosures(args, _one_id(args.words[1:], "enclosures"))
    if first == "template":
        return _template(args, args.words[1:])
    if len(args.words) != 1:
        raise UsageError(_("One case at a time: {words}").format(words=" ".join(args.words)))
    return _letter(args, first)


# ---------------------------------------------------------------------- helpers


def _list_kinds() -> int:
    from ..services.letters import kind_description, kind_label

    for kind in LetterKind:
        print(f"{kind.value:<26} {kind_label(kind)}")
        print(f"{'':<26} {kind_description(kind)}")
    return EXIT_OK


def _one_id(words: list[str], action: str) -> int:
    if len(words) != 1 or not words[0].isdigit():
        raise UsageError(
            _(
                "Usage: rekisteri letter {action} ID (the letter's number from "
                "`rekisteri letter list`)."
            ).format(action=action)
        )
    return int(words[0])


def _date(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            _("{option}: {value!r} is not a date (YYYY-MM-DD).").format(option=option, value=value)
        ) from None


def _data_copy(path: str | None):
    from ..services import letters

    if not path:
        return ()
    try:
        value = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(
            _("Cannot read {path}: {error}").format(path=path, error=exc.strerror)
        ) from None
    except ValueError as exc:
        raise UsageError(
            _("{path} is not valid JSON: {error}").format(path=path, error=exc)
        ) from None
    return letters.parse_data_copy(value)


def _per_item(values: list[str] | None, n: int, option: str) -> list[str]:
    """An option given once for all items, or once per item."""
    values = values or []
    if not values:
        return [""] * n
    if len(values) == 1:
        return values * n
    if len(values) == n:
        return values
    raise UsageError(
        _("Give {option} once, or once for every --other-holder.").format(option=option)
    )


def _holders(args: argparse.Namespace):
    from ..documents.letters.data import OtherHolder

    names = args.other_holder or []
    if not names:
        if args.holder_contact or args.holder_data:
            raise UsageError(_("--holder-contact and --holder-data belong to --other-holder."))
        return ()
    contacts = _per_item(args.holder_contact, len(names), "--holder-contact")
    scopes = _per_item(args.holder_data, len(names), "--holder-data")
    return tuple(
        OtherHolder(name, contact, scope)
        for name, contact, scope in zip(names, contacts, scopes, strict=True)
    )


def _answer(args: argparse.Namespace) -> str:
    if args.answer and args.answer_file:
        raise UsageError(_("--answer and --answer-file exclude each other."))
    if not args.answer_file:
        return args.answer or ""
    try:
        return Path(args.answer_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(
            _("Cannot read {path}: {error}").format(
                path=args.answer_file, error=getattr(exc, "strerror", None) or exc
            )
        ) from None


def _documents(args: argparse.Namespace):
    from ..documents.letters.data import DocumentDecision

    out = [DocumentDecision(d.strip(), True) for d in args.document or [] if d.strip()]
    for spec in args.refuse_document or []:
        name, sep, reason = spec.partition("=")
        if not sep or not name.strip() or not reason.strip():
            raise UsageError(_("--refuse-document takes DOCUMENT=REASON."))
        out.append(DocumentDecision(name.strip(), False, reason.strip()))
    return tuple(out)


def _options(args: argparse.Namespace):
    from ..services import letters

    return letters.LetterOptions(
        sent_via=SentVia(args.sent_via),
        data_copy=_data_copy(args.data_copy),
        actions=tuple(args.action),
        enclosures=tuple(args.enclosure),
        refusal_reasons=args.reasons,
        identity_needed=tuple(args.need),
        identity_reply_by=_date(args.reply_by, "--reply-by"),
        reference=args.reference or "",
        request_date=_date(args.request_date, "--request-date"),
        controller=args.from_controller,
        covered_controllers=() if args.cover_none else (tuple(args.cover) if args.cover else None),
        deliver_to=None if args.deliver_to is None else DeliveryChoice(args.deliver_to),
        pause=None if args.no_pause else PauseKind(args.pause),
        other_holders=_holders(args),
        answer=_answer(args),
        documents=_documents(args),
        state_invalid_safeguards=args.say_repealed,
        mixed_language_ok=args.yes,
    )


def _print_warnings(warnings) -> None:
    for warning in warnings:
        print(_("Warning: {message}").format(message=warning.message), file=sys.stderr)


def _beside(out: Path, name: str) -> Path:
    """Where an enclosure file goes: next to the PDF, named after it."""
    return out.with_name(out.stem + Path(name).suffix)


# ---------------------------------------------------------------------- the letter


def _letter(args: argparse.Namespace, case: str) -> int:
    from ..services import letters
    from ..services import requests as rq

    if not args.kind:
        raise UsageError(_("Choose the kind of letter with --kind (see --list-kinds)."))
    if not args.out:
        raise UsageError(_("Name the output file with --out FILE.pdf."))
    if args.file:
        raise UsageError(_("--file belongs to `letter template set`."))
    if args.cover_none and args.cover:
        raise UsageError(_("--cover and --cover-none exclude each other."))
    options = _options(args)
    out = Path(args.out)
    with open_context(args) as ctx:
        lang = args.letter_lang or rq.get_request(ctx, case)["language"]
        # every warning before anything is issued (or the draft is written)
        prepared = letters.prepare(ctx, case, args.kind, lang, options)
        _print_warnings(prepared.warnings)
        if args.draft:
            pdf = letters.preview(ctx, case, args.kind, lang, options)
            write_atomically(out, pdf)
            for name, content in prepared.enclosure_files:
                write_atomically(_beside(out, name), content)
            print(_("Wrote the draft to {path} (not stored).").format(path=out))
            return EXIT_OK
        written: list[Path] = []

        def write(issued) -> None:
            write_atomically(out, issued.pdf)
            written.append(out)
            for name, content in issued.enclosure_files:
                target = _beside(out, name)
                write_atomically(target, content)
                written.append(target)

        try:
            issued = letters.issue(
                ctx, case, args.kind, lang, args.sent_via, options, before_commit=write
            )
        except BaseException:
            for path in written:  # the letter was not stored: no file claims it was
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
    info = issued.info
    print(
        _("Issued letter {id} ({kind}, {lang}) of case {case} on {day}: {path}").format(
            id=info.id,
            kind=info.kind.value,
            lang=info.language.value,
            case=info.case_number,
            day=info.issued_on.isoformat(),
            path=out,
        )
    )
    for path in written[1:]:
        print(_("Enclosure: {path}").format(path=path))
    if info.mixed_language:
        print(_("Issued with mixed language (confirmed with --yes)."))
    print(_("SHA-256: {digest}").format(digest=info.sha256))
    return EXIT_OK


def _list(args: argparse.Namespace, words: list[str]) -> int:
    from ..services import letters

    if len(words) > 1:
        raise UsageError(_("Usage: rekisteri letter list [CASE] [--json]"))
    with open_context(args) as ctx:
        rows = letters.list_letters(ctx, words[0] if words else None)
    if args.json:
        print_json([r.to_json() for r in rows])
        return EXIT_OK
    print_table(
        [_("Id"), _("Case"), _("Kind"), _("Language"), _("Date"), _("Sent by")],
        [
            (
                r.id,
                r.case_number,
                r.kind.value,
                r.language.value,
                r.issued_on.isoformat(),
                r.sent_via.value,
            )
            for r in rows
        ],
    )
    return EXIT_OK


def _reprint(args: argparse.Namespace, letter_id: int) -> int:
    from ..services import letters

    if not args.out:
        raise UsageError(_("Name the output file with --out FILE.pdf."))
    with open_context(args) as ctx:
        pdf = letters.reprint(ctx, letter_id)
    write_atomically(Path(args.out), pdf)
    print(_("Wrote a copy of letter {id} to {path}.").format(id=letter_id, path=args.out))
    return EXIT_OK


def _enclosures(args: argparse.Namespace, letter_id: int) -> int:
    from ..services import letters

    if not args.out:
        raise UsageError(_("Name the folder with --out DIR."))
    with open_context(args) as ctx:
        files = letters.enclosure_files(ctx, letter_id)
    if not files:
        print(_("Letter {id} has no file enclosures.").format(id=letter_id), file=sys.stderr)
        return EXIT_OK
    folder = Path(args.out)
    if not folder.is_dir():
        raise UsageError(_("{path} is not a folder.").format(path=folder))
    for name, content in files:
        target = folder / Path(name).name
        write_atomically(target, content)
        print(target)
    return EXIT_OK


# ---------------------------------------------------------------------- templates


def _audience(args: argparse.Namespace) -> LetterAudience:
    return LetterAudience.REPRESENTATIVE if args.representative else LetterAudience.DATA_SUBJECT


def _template(args: argparse.Namespace, words: list[str]) -> int:
    from ..services import letters

    if not words or words[0] not in TEMPLATE_ACTIONS:
        raise UsageError(
            _("Usage: rekisteri letter template list|show|set|reset [KIND] --lang L [--file F]")
        )
    action, rest = words[0], words[1:]
    if action == "list":
        if rest:
            raise UsageError(_("Usage: rekisteri letter template list [--lang L] [--json]"))
        with open_context(args) as ctx:
            states = letters.list_templates(
                ctx, args.letter_lang, _audience(args) if args.representative else None
            )
        rows = [
            (
                s.kind.value,
                s.language.value,
                s.audience.value,
                s.version or "",
                _("own wording") if s.overridden else _("shipped"),
            )
            for s in states
        ]
        if args.json:
            print_json(
                [
                    {
                        "kind": s.kind.value,
                        "language": s.language.value,
                        "audience": s.audience.value,
                        "version": s.version,
                        "overridden": s.overridden,
                    }
                    for s in states
                ]
            )
        else:
            print_table([_("Kind"), _("Language"), _("Audience"), _("Version"), _("Wording")], rows)
        return EXIT_OK
    if len(rest) != 1:
        raise UsageError(_("Name one kind of letter (see --list-kinds)."))
    if not args.letter_lang:
        raise UsageError(_("Name the language with --lang fi|sv|en."))
    kind, lang = rest[0], args.letter_lang
    with open_context(args) as ctx:
        if action == "show":
            state = letters.template_state(ctx, kind, lang, _audience(args))
            print(state.text)
            for v in state.versions:
                print(
                    _("Version {version} of {at}: {what}").format(
                        version=v.version,
                        at=v.created_at.isoformat(timespec="seconds"),
                        what=_("reset to the shipped wording")
                        if v.text is None
                        else _("own wording"),
                    ),
                    file=sys.stderr,
                )
            return EXIT_OK
        if action == "set":
            if not args.file:
                raise UsageError(_("Give the new wording with --file F."))
            try:
                text = Path(args.file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise UsageError(
                    _("Cannot read {path}: {error}").format(
                        path=args.file, error=getattr(exc, "strerror", None) or exc
                    )
                ) from None
            version = letters.set_template(ctx, kind, lang, text, _audience(args))
        else:
            version = letters.reset_template(ctx, kind, lang, _audience(args))
    if version.text is None:
        print(
            _("The {kind} wording ({lang}) is the shipped one again (version {version}).").format(
                kind=kind, lang=lang, version=version.version
            )
        )
    else:
        print(
            _("Stored version {version} of the {kind} wording ({lang}).").format(
                version=version.version, kind=kind, lang=lang
            )
        )
    return EXIT_OK
