"""register, processor, controller and dpo: list, show, save (from JSON), delete."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from ..i18n import _
from .common import EXIT_OK, UsageError, open_context, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    for kind, label in (
        ("register", _("registers (records of processing)")),
        ("processor", _("processors")),
        ("controller", _("controllers")),
        ("dpo", _("data protection officers (one may serve several controllers)")),
    ):
        p = sub.add_parser(kind, help=label)
        s = p.add_subparsers(dest=f"{kind}_command", metavar="COMMAND")
        ls = s.add_parser("list", help=_("list them"))
        ls.add_argument("--json", action="store_true", help=_("print JSON"))
        ls.set_defaults(handler=cmd_list, kind=kind)
        show = s.add_parser("show", help=_("show one with every field"))
        show.add_argument("name", metavar="NAME_OR_ID")
        show.add_argument("--json", action="store_true", help=_("print JSON"))
        show.set_defaults(handler=cmd_show, kind=kind)
        save = s.add_parser(
            "save",
            help=_("create, or replace with --replace, from a JSON file in the exchange format"),
        )
        save.add_argument("--json", dest="infile", metavar="FILE", required=True)
        save.add_argument("--replace", metavar="NAME_OR_ID")
        save.set_defaults(handler=cmd_save, kind=kind)
        delete = s.add_parser("delete", help=_("delete one"))
        delete.add_argument("name", metavar="NAME_OR_ID")
        delete.set_defaults(handler=cmd_delete, kind=kind)
        if kind == "register":
            dup = s.add_parser("duplicate", help=_("start a new register from an existing one"))
            dup.add_argument("name", metavar="NAME_OR_ID")
            dup.add_argument("new_name", metavar="NEW_NAME")
            dup.set_defaults(handler=cmd_duplicate, kind=kind)


def _rows(ctx, kind: str):
    from ..services import entities

    return {
        "register": entities.list_registers,
        "processor": entities.list_processors,
        "controller": entities.list_controllers,
        "dpo": entities.list_dpos,
    }[kind](ctx)


HEADERS = {
    "register": lambda: [
        _("Id"),
        _("Name"),
        _("Controllers"),
        _("Categories"),
        _("Transfers"),
        _("Processors"),
    ],
    "processor": lambda: [
        _("Id"),
        _("Name"),
        _("Business ID"),
        _("Country"),
        _("Services"),
        _("Agreement signed"),
        _("Review"),
    ],
    "controller": lambda: [_("Id"), _("Name"), _("Business ID")],
    "dpo": lambda: [_("Id"), _("Name"), _("E-mail"), _("Controllers")],
}


def cmd_list(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        rows = _rows(ctx, args.kind)
    if args.json:
        print_json([asdict(r) for r in rows])
    else:
        print_table(HEADERS[args.kind](), [list(asdict(r).values()) for r in rows])
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from ..services import entities

    with open_context(args) as ctx:
        data = entities.get(ctx, args.kind + "s", args.name)
    if args.json:
        print_json(data)
    else:
        _print_tree(data)
    return EXIT_OK


def _print_tree(value, indent: int = 0) -> None:
    pad = "  " * indent
    for key, item in value.items():
        if item in (None, [], ""):
            continue
        if isinstance(item, list):
            print(f"{pad}{key}:")
            for element in item:
                if isinstance(element, dict):
                    print(f"{pad}  -")
                    _print_tree(element, indent + 2)
                else:
                    print(f"{pad}  - {element}")
        elif isinstance(item, dict):
            print(f"{pad}{key}:")
            _print_tree(item, indent + 1)
        else:
            print(f"{pad}{key}: {item}")


def cmd_save(args: argparse.Namespace) -> int:
    from ..services import entities

    try:
        data = json.loads(Path(args.infile).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(
            _("Cannot read {path}: {error}").format(path=args.infile, error=exc.strerror)
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(
            _("{path} is not valid JSON: {error}").format(path=args.infile, error=exc)
        ) from None
    with open_context(args) as ctx:
        saved = entities.save(ctx, args.kind + "s", data, args.replace)
    name = saved.get("name") or saved.get("role") or saved["key"]
    print(_("Saved {name} (id {id}).").format(name=name, id=saved["key"].rsplit("-", 1)[-1]))
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    from ..services import entities

    with open_context(args) as ctx:
        entities.delete(ctx, args.kind + "s", args.name)
    print(_("Deleted {name}.").format(name=args.name))
    return EXIT_OK


def cmd_duplicate(args: argparse.Namespace) -> int:
    from ..services import entities

    with open_context(args) as ctx:
        saved = entities.duplicate_register(ctx, args.name, args.new_name)
    print(
        _("Created {name} (id {id}).").format(
            name=saved["name"], id=saved["key"].rsplit("-", 1)[-1]
        )
    )
    return EXIT_OK
