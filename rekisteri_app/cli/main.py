"""The `rekisteri` command line: every capability of the window, scriptable.

Exit codes: 0 done, 1 bad input, 2 cannot open (passphrase, file, lock, damaged file).

`main` is the one place where every exception ends: each known kind has its translated
message; anything else is a fault of ours, reported by its type only (its message may
quote personal data) with a crash report of code locations in the user's state folder.
SIGINT and SIGTERM remove the partial file being written before the process exits.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence

from .. import __version__
from ..i18n import _, language_from_environment, set_language
from . import commands
from .common import DEFAULT_DB, EXIT_BAD_INPUT, EXIT_CANNOT_OPEN, EXIT_OK, Parser, UsageError


def build_parser() -> Parser:
    parser = Parser(
        prog="rekisteri",
        description=_(
            "Rekisteri: registers, rights requests and letters on an encrypted database."
        ),
    )
    parser.add_argument("--version", action="version", version=f"rekisteri {__version__}")
    parser.add_argument(
        "--db",
        default=os.environ.get("REKISTERI_DB", DEFAULT_DB),
        help=_("the database file (default: $REKISTERI_DB or rekisteri.db)"),
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=_("read the passphrase from FILE (else $REKISTERI_PASSPHRASE, else a prompt)"),
    )
    parser.add_argument(
        "--lang",
        choices=["fi", "sv", "en"],
        help=_("language of messages (default: from LANG, else Finnish)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.register_all(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _peek_lang(argv) or language_from_environment()
    set_language(lang)
    from ..files import Interrupted, install_interrupt_handlers

    if threading.current_thread() is threading.main_thread():
        install_interrupt_handlers()
    try:
        return _run(argv)
    except (KeyboardInterrupt, Interrupted):
        print(_("Interrupted; no partial file was left behind."), file=sys.stderr)
        return EXIT_BAD_INPUT


def _run(argv: list[str]) -> int:
    from ..files import Interrupted, WriteFailed
    from ..services.context import ServiceError
    from ..storage.errors import CannotOpen, StorageError

    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help()
            return EXIT_BAD_INPUT
        code = int(args.handler(args) or EXIT_OK)
        sys.stdout.flush()  # a closed pipe shows up here, inside our handlers
        return code
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except CannotOpen as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_CANNOT_OPEN
    except (StorageError, WriteFailed) as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_BAD_INPUT
    except ServiceError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except (KeyboardInterrupt, Interrupted):
        raise
    except BrokenPipeError:
        # `rekisteri request list | head`: the reader left; not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except RecursionError:
        print(_("The input is nested too deeply to be read."), file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        print(_("The input is too large to be read."), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a fault of ours: type and code locations only
        return _unexpected(exc)


def _unexpected(exc: BaseException) -> int:
    from .. import crash_report

    log = crash_report.write(exc, where="cli")
    kind = type(exc).__name__
    if log is None:
        print(
            _(
                "Unexpected error ({kind}). Its details are not shown, as they may contain "
                "personal data."
            ).format(kind=kind),
            file=sys.stderr,
        )
    else:
        print(
            _(
                "Unexpected error ({kind}). Its details are not shown, as they may contain "
                "personal data; a report without data (the code locations only) was written "
                "to {log}. Please send it to the application's maintainers."
            ).format(kind=kind, log=log),
            file=sys.stderr,
        )
    return EXIT_BAD_INPUT


def _peek_lang(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("fi", "sv", "en"):
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in ("fi", "sv", "en"):
            return arg[7:]
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
