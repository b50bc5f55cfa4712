"""`rekisteri demo OUT`: a new encrypted database with invented demo data."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import _
from .common import EXIT_OK, read_passphrase


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help=_("create a demo database of an invented utility"))
    p.add_argument("out", metavar="OUT")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from ..services.demo import create_demo

    path = create_demo(Path(args.out), read_passphrase(args, confirm=True))
    print(_("Created the demo database {path}.").format(path=path))
    return EXIT_OK
