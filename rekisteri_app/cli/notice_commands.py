"""`rekisteri notice`: print, publish and compare privacy notices.

    rekisteri notice REGISTER --lang fi|sv|en --format pdf|html --out FILE [--publish] [--yes]
    rekisteri notice REGISTER --changes [--lang L]
    rekisteri notice REGISTER --versions [--json]
    rekisteri notice --controller NAME ...   (every register of that controller)

Several REGISTERs of one controller make one notice. The output file is written
atomically (a `.partial` file renamed into place); when publishing, the `.partial` file
is written inside the transaction (a full disk stores nothing) and renamed into place
after the commit (a refused commit leaves no file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.enums import Language
from ..files import atomic_path, write_atomically
from ..i18n import _, current_language, language_from_environment, set_language
from .common import EXIT_BAD_INPUT, EXIT_OK, UsageError, open_context, print_json, print_table

if TYPE_CHECKING:
    from ..documents.notices import SectionChange

# The notice renderer (reportlab) loads when a notice command runs, not with every
# command: documents.notices.NOTICE_LANGUAGES are these, ChangeStatus these words.
NOTICE_LANGUAGES = tuple(lang.value for lang in Language)
UNCHANGED = "unchanged"
FORMATS = ("pdf", "html")
YES_WORDS = {"y", "yes", "k", "kyllä", "kylla", "j", "ja"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("notice", help=_("print, publish and compare privacy notices"))
    p.add_argument(
        "registers",
        nargs="*",
        metavar="REGISTER",
        help=_("the register (name or id); several registers of one controller make one notice"),
    )
    p.add_argument(
        "--controller",
        metavar="NAME",
        help=_("one notice of every register of this controller (name or id)"),
    )
    p.add_argument(
        "--lang",
        dest="notice_lang",
        choices=NOTICE_LANGUAGES,
        help=_("the language of the notice (default: fi)"),
    )
    p.add_argument(
        "--format",
        dest="notice_format",
        choices=FORMATS,
        help=_("pdf or html (default: from the name of the --out file, else pdf)"),
    )
    p.add_argument("--out", metavar="FILE", help=_("write the notice to FILE"))
    p.add_argument(
        "--publish",
        action="store_true",
        help=_("store the notice as the next dated version of the register"),
    )
    p.add_argument(
        "--yes",
        "--force",
        dest="yes",
        action="store_true",
        help=_("publish even when the checker has red findings"),
    )
    p.add_argument("--note", help=_("a note stored with the published version"))
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--changes",
        action="store_true",
        help=_("show what changed since the last published version"),
    )
    mode.add_argument("--versions", action="store_true", help=_("list the published versions"))
    p.add_argument("--json", action="store_true", help=_("with --versions: print JSON"))
    p.set_defaults(handler=cmd_notice)


def cmd_notice(args: argparse.Namespace) -> int:
    if getattr(args, "lang", None) is None:
        # `--lang` after `notice` is the notice's language, not the message language.
        set_language(language_from_environment())
    _check_options(args)
    if args.versions:
        return _versions(args)
    if args.changes:
        return _changes(args)
    return _print(args)


def _check_options(args: argparse.Namespace) -> None:
    if bool(args.registers) == bool(args.controller):
        raise UsageError(_("Name the register(s), or give --controller, not both."))
    if args.changes or args.versions:
        option = "--changes" if args.changes else "--versions"
        for given, name in (
            (args.out, "--out"),
            (args.notice_format, "--format"),
            (args.publish, "--publish"),
            (args.yes, "--yes"),
            (args.note, "--note"),
        ):
            if given:
                raise UsageError(
                    _("{option} cannot be used with {other}.").format(option=option, other=name)
                )
        if args.versions and args.notice_lang:
            raise UsageError(
                _("{option} cannot be used with {other}.").format(
                    option="--versions", other="--lang"
                )
            )
    elif not args.out:
        raise UsageError(
            _("Name the output file with --out FILE (or use --changes or --versions).")
        )
    if args.json and not args.versions:
        raise UsageError(_("--json belongs to --versions."))
    if (args.yes or args.note) and not args.publish:
        raise UsageError(_("--yes and --note belong to --publish."))


# ------------------------------------------------------------------------ print/publish


def _format(args: argparse.Namespace) -> str:
    if args.notice_format:
        return args.notice_format
    return "html" if Path(args.out).suffix.lower() in (".html", ".htm") else "pdf"


def _targets(ctx, args: argparse.Namespace) -> list[str | int]:
    """The registers named, or every register of --controller."""
    from ..services import notices

    if args.controller:
        return list(notices.controller_registers(ctx, args.controller))
    return list(args.registers)


def _print(args: argparse.Namespace) -> int:
    from ..services import notices

    lang, fmt, out = args.notice_lang or "fi", _format(args), Path(args.out)
    with open_context(args) as ctx:
        registers = _targets(ctx, args)
        _print_missing_texts(notices.missing_translations(ctx, registers, lang), lang)
        if not args.publish:
            content = notices.render(ctx, registers, lang, fmt)
            write_atomically(out, content)
            print(_("Wrote the notice to {path}.").format(path=out))
            return EXIT_OK
        _print_pending_changes(notices, ctx, registers, lang)
        confirm = False
        red = notices.red_findings(ctx, registers, lang)
        if red:
            _print_findings(red)
            if args.yes:
                confirm = True
            elif _interactive():
                if not _ask(_("Publish anyway? [y/N] ")):
                    print(_("Nothing was published."), file=sys.stderr)
                    return EXIT_BAD_INPUT
                confirm = True
            else:
                print(
                    _(
                        "The notice was not published: confirm the red findings with --yes, "
                        "or fix them first."
                    ),
                    file=sys.stderr,
                )
                return EXIT_BAD_INPUT
        published = _publish_to(notices, ctx, registers, lang, fmt, confirm, args.note, out)
    print(
        _("Published version {version} of {date} ({lang}, {format}) to {path}.").format(
            version=published.version,
            date=published.issued_on.isoformat(),
            lang=lang,
            format=fmt,
            path=out,
        )
    )
    print(_("SHA-256: {digest}").format(digest=published.sha256))
    return EXIT_OK


def _publish_to(
    notices, ctx, registers, lang: str, fmt: str, confirm: bool, note: str | None, out: Path
):
    """Publish, writing `out` so that a failed write stores nothing and a refused commit
    leaves no file behind."""
    with atomic_path(out) as partial:
        return notices.publish(
            ctx,
            registers,
            lang,
            fmt,
            confirm_red=confirm,
            note=note,
            deliver=lambda content: write_atomically(partial, content),
        )


def _print_pending_changes(notices, ctx, registers, lang: str) -> None:
    """Before publishing: what the new version changes, section by section."""
    last = notices.last_published(ctx, registers, lang)
    if last is None:
        print(_("First published notice in {lang}: every section is new.").format(lang=lang))
        return
    changed = [
        c for c in notices.changes_since_published(ctx, registers, lang) if c.status != UNCHANGED
    ]
    if not changed:
        print(
            _("No changes since version {version} of {date} ({lang}).").format(
                version=last.version, date=last.issued_on.isoformat(), lang=lang
            )
        )
        return
    print(
        _("Changes since version {version} of {date} ({lang}):").format(
            version=last.version, date=last.issued_on.isoformat(), lang=lang
        )
    )
    for change in changed:
        print()
        _print_change(change)
    print()


def _interactive() -> bool:
    try:
        return bool(sys.stdin) and sys.stdin.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _ask(prompt: str) -> bool:
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in YES_WORDS


def _print_findings(findings) -> None:
    from ..domain import vocabulary

    lang = current_language()
    print(_("Red findings of the checker:"), file=sys.stderr)
    for f in findings:
        kind = vocabulary.label(vocabulary.SUBJECT_KINDS, f.subject_kind)
        subject = f"{kind}: {f.subject_name}" if f.subject_name else kind
        article = f" ({f.article})" if f.article else ""
        print(f"  - {subject}{article}: {f.text(lang)}", file=sys.stderr)


def _print_missing_texts(missing, lang: str) -> None:
    """The texts a notice in `lang` prints in the primary language, on stderr."""
    if not missing:
        return
    print(
        _("{count} texts have no version in {lang}; the notice prints them as recorded:").format(
            count=len(missing), lang=lang
        ),
        file=sys.stderr,
    )
    for item in missing:
        where = item.path if item.entity == "register" else f"{item.entity}: {item.path}"
        print(f"  - {where}", file=sys.stderr)


# ------------------------------------------------------------------- changes, versions


STATUS = {
    "added": lambda: _("added"),
    "removed": lambda: _("removed"),
    "changed": lambda: _("changed"),
}


def _changes(args: argparse.Namespace) -> int:
    from ..services import notices

    lang = args.notice_lang or "fi"
    with open_context(args) as ctx:
        registers = _targets(ctx, args)
        last = notices.last_published(ctx, registers, lang)
        changes = [] if last is None else notices.changes_since_published(ctx, registers, lang)
    if last is None:
        print(
            _("No notice in {lang} has been published yet: every section is new.").format(lang=lang)
        )
        return EXIT_OK
    changed = [c for c in changes if c.status != UNCHANGED]
    if not changed:
        print(
            _("No changes since version {version} of {date} ({lang}).").format(
                version=last.version, date=last.issued_on.isoformat(), lang=lang
            )
        )
        return EXIT_OK
    print(
        _("Changes since version {version} of {date} ({lang}):").format(
            version=last.version, date=last.issued_on.isoformat(), lang=lang
        )
    )
    for change in changed:
        print()
        _print_change(change)
    return EXIT_OK


def _print_change(change: SectionChange) -> None:
    print(f"{change.heading} ({STATUS[change.status]()})")
    for line in change.diff:
        if line.startswith(("---", "+++")):
            continue
        print("  …" if line.startswith("@@") else f"  {line}")


def _versions(args: argparse.Namespace) -> int:
    from ..services import notices

    with open_context(args) as ctx:
        versions = notices.list_versions(ctx, _targets(ctx, args))
    if args.json:
        print_json([v.as_dict() for v in versions])
        return EXIT_OK
    if not versions:
        print(_("No published versions."))
        return EXIT_OK
    several = len({v.register_id for v in versions}) > 1
    headers = [
        _("Version"),
        _("Date"),
        _("Language"),
        _("Format"),
        _("Size"),
        _("SHA-256"),
        _("Note"),
    ]
    rows = [
        [
            v.version,
            v.issued_on.isoformat(),
            v.language or "",
            v.format or "",
            v.size or "",
            (v.sha256 or "")[:16],
            v.note or "",
        ]
        for v in versions
    ]
    if several:
        headers.insert(0, _("Register"))
        for row, v in zip(rows, versions, strict=True):
            row.insert(0, v.register_name)
    print_table(headers, rows)
    return EXIT_OK
