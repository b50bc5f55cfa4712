"""The `rekisteri` command line: every capability of the window, scriptable.

Exit codes: 0 done, 1 bad input, 2 cannot open (passphrase, file, lock).
"""

from __future__ import annotations

import os
import sys
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
    from ..files import WriteFailed
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
    except KeyboardInterrupt:
        print(_("Interrupted."), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # `rekisteri request list | head`: the reader left; not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _peek_lang(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("fi", "sv", "en"):
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in ("fi", "sv", "en"):
            return arg[7:]
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
